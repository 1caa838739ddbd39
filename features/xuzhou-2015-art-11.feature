@xuzhou-2015 @art-11
Feature: Xuzhou Measures (2015), Art. 11 — quotas are finalised after at least 7 working days of public notice
  第十一条　排污权指标经公示后确定，公示时间不少于7个工作日。

  Article 11  Emission-right quotas shall be finalised after public notice, and the period of public notice shall be no less than 7 working days.

  Working days are counted as Chinese administrative practice counts them: from the day after the
  notice is posted, public holidays excluded and the adjusted working weekend days (调休) included,
  by the maintained holiday calendar (chinese-calendar); beyond the years it covers, nothing is guessed.

  Background:
    Given an allocation request in Xuzhou that meets every requirement

  Scenario: Posted on 27 September 2024, the notice ran to 12 October, the 7th working day across the National Day holiday
    When the request is checked
    Then the decision is "compliant"
    And the decision does not rest on "xuzhou-2015/art-11"
    And no facts are missing

  Scenario: Posted on 27 September 2024 and closed on 11 October, the notice lasted only 6 working days
    Given the allocation's publicity end is "2024-10-11"
    When the request is checked
    Then the decision is "non_compliant"
    And "xuzhou-2015/art-11" is found "non_compliant"
    And the decision rests on "xuzhou-2015/art-11"
    And the decision shows the interpretation of "xuzhou-2015/art-11#publicity-too-short"

  Scenario: Seven calendar weekdays are not seven working days when the National Day holiday falls between them
    Given the allocation's publicity end is "2024-10-08"
    When the request is checked
    Then the decision is "non_compliant"
    And the finding "xuzhou-2015/art-11#publicity-too-short" is "non_compliant"

  Scenario Outline: Posted on <posted>, a notice closing on <closed> lasted <enough> (the 7th working day is <seventh>)
    Given the allocation's publicity start is "<posted>"
    And the allocation's publicity end is "<closed>"
    When the request is checked as of "2025-06-30"
    Then the decision is "<decision>"

    Examples: ordinary weeks, counted from the day after posting
      | posted     | closed     | seventh    | enough      | decision      |
      | 2024-11-04 | 2024-11-12 | 2024-11-13 | too short   | non_compliant |
      | 2024-11-04 | 2024-11-13 | 2024-11-13 | long enough | compliant     |
      | 2024-11-08 | 2024-11-18 | 2024-11-19 | too short   | non_compliant |
      | 2024-11-08 | 2024-11-19 | 2024-11-19 | long enough | compliant     |

    Examples: the Spring Festival 2025, with Sunday 26 January and Saturday 8 February worked
      | posted     | closed     | seventh    | enough      | decision      |
      | 2025-01-24 | 2025-02-08 | 2025-02-10 | too short   | non_compliant |
      | 2025-01-24 | 2025-02-10 | 2025-02-10 | long enough | compliant     |

    Examples: posted on a public holiday, counted from the next day all the same
      | posted     | closed     | seventh    | enough      | decision      |
      | 2024-10-01 | 2024-10-14 | 2024-10-15 | too short   | non_compliant |
      | 2024-10-01 | 2024-10-15 | 2024-10-15 | long enough | compliant     |

  Scenario: A notice whose 7th working day falls on 31 December 2026 is counted, the calendar covering 2026
    Given the allocation's publicity start is "2026-12-22"
    And the allocation's publicity end is "2026-12-31"
    When the request is checked as of "2026-12-31"
    Then the decision is "compliant"
    And the decision does not rest on "xuzhou-2015/art-11"

  Scenario: A notice whose 7th working day would fall in 2027 cannot be counted, so it goes to review rather than being guessed
    Given the allocation's publicity start is "2026-12-23"
    And the allocation's publicity end is "2027-01-04"
    When the request is checked as of "2026-12-31"
    Then the decision is "needs_review"
    And "xuzhou-2015/art-11" is found "needs_review"
    And the decision says the holiday calendar does not cover 2027

  Scenario: A notice posted in 2027, beyond the years the holiday calendar covers, goes to review
    Given the allocation's publicity start is "2027-03-01"
    And the allocation's publicity end is "2027-03-15"
    And the review's requested on is "2027-03-05"
    And the review's received on is "2027-03-05"
    And the review's decided on is "2027-03-12"
    When the request is checked as of "2027-04-01"
    Then the decision is "needs_review"
    And "xuzhou-2015/art-11" is found "needs_review"
    And the decision says the holiday calendar does not cover 2027

  Scenario Outline: The day the notice was <when> is a fact to request, never a pass
    Given the allocation's <fact> is not known
    When the request is checked
    Then the decision is "needs_review"
    And "xuzhou-2015/art-11" is found "needs_review"
    And the facts to request include "allocation.<path>"

    Examples:
      | when   | fact            | path            |
      | posted | publicity start | publicity_start |
      | closed | publicity end   | publicity_end   |
