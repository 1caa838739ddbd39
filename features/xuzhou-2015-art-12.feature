@xuzhou-2015 @art-12
Feature: Xuzhou Measures (2015), Art. 12 — review of verified quotas, decided within 10 working days
  第十二条　排污单位对环境保护行政主管部门核定的排污权指标如有异议，可在公示期内向环境保护行政主管部门申请复核，环境保护行政主管部门应当自接到复核申请之日起10个工作日内作出复核决定。

  Article 12  An emitter that objects to the emission-right quota verified by the competent environmental protection administrative department may apply to that department for review within the public notice period, and the competent environmental protection administrative department shall make a review decision within 10 working days from the date of receiving the application for review.

  The 10 working days run from the day after the request is received, public holidays excluded and
  adjusted working weekend days (调休) included, by the maintained holiday calendar (chinese-calendar).

  Background:
    Given an allocation request in Xuzhou that meets every requirement
    And the allocation's publicity start is "2024-09-27"
    And the allocation's publicity end is "2024-10-12"

  Scenario: A review requested within the publicity period and decided on the 8th working day after receipt is on time
    When the request is checked
    Then the decision is "compliant"
    And the decision does not rest on "xuzhou-2015/art-12"
    And no facts are missing

  Scenario Outline: Received on <received>, a review decided on <decided> is <timing> (the 10th working day is <tenth>)
    Given the review's requested on is "<received>"
    And the review's received on is "<received>"
    And the review's decided on is "<decided>"
    When the request is checked as of "2024-11-01"
    Then the decision is "<decision>"

    Examples: received in an ordinary fortnight that includes Saturday 12 October, a working day
      | received   | decided    | tenth      | timing  | decision      |
      | 2024-10-09 | 2024-10-22 | 2024-10-22 | on time | compliant     |
      | 2024-10-09 | 2024-10-23 | 2024-10-22 | late    | non_compliant |

    Examples: received on 30 September, just before the National Day holiday
      | received   | decided    | tenth      | timing  | decision      |
      | 2024-09-30 | 2024-10-18 | 2024-10-18 | on time | compliant     |
      | 2024-09-30 | 2024-10-21 | 2024-10-18 | late    | non_compliant |

  Scenario: A review decided after the 10th working day is not compliant with Art. 12
    Given the review's decided on is "2024-10-23"
    When the request is checked
    Then the decision is "non_compliant"
    And "xuzhou-2015/art-12" is found "non_compliant"
    And the finding "xuzhou-2015/art-12#review-decided-late" is "non_compliant"
    And the decision shows the interpretation of "xuzhou-2015/art-12#review-decided-late"

  Scenario: A review requested on the last day of the publicity period is within it, so the 10 working days apply
    Given the review's requested on is "2024-10-12"
    And the review's received on is "2024-10-12"
    And the review's decided on is "2024-10-28"
    When the request is checked
    Then the decision is "non_compliant"
    And the finding "xuzhou-2015/art-12#review-decided-late" is "non_compliant"

  Scenario: On the 10th working day, a review not yet decided is not late, but its decision is a fact to request
    Given the review's decided on is not known
    When the request is checked as of "2024-10-22"
    Then the decision is "needs_review"
    And the facts to request include "review.decided_on"

  Scenario: After the 10th working day, a review still not decided is overdue
    Given the review's decided on is not known
    When the request is checked as of "2024-10-23"
    Then the decision is "non_compliant"
    And the finding "xuzhou-2015/art-12#review-overdue" is "non_compliant"
    And the decision rests on "xuzhou-2015/art-12"

  Scenario: A review requested after the publicity period ended is outside Art. 12, which says so and sets no deadline
    Given the review's requested on is "2024-10-14"
    And the review's received on is "2024-10-14"
    And the review's decided on is "2024-11-20"
    When the request is checked as of "2024-12-01"
    Then the decision is "compliant"
    And "xuzhou-2015/art-12" is found "notice"
    And the finding "xuzhou-2015/art-12#review-requested-after-publicity" is "notice"

  Scenario: The day the request was received is a fact to request, never a pass
    Given the review's received on is not known
    When the request is checked
    Then the decision is "needs_review"
    And "xuzhou-2015/art-12" is found "needs_review"
    And the facts to request include "review.received_on"

  Scenario: Where the review was decided late, whether it was requested within the publicity period is a fact to request
    Given the review's requested on is not known
    And the review's decided on is "2024-10-23"
    When the request is checked
    Then the decision is "needs_review"
    And "xuzhou-2015/art-12" is found "needs_review"
    And the facts to request include "review.requested_on"

  Scenario: Where the 10 working days run into 2027, beyond the years the holiday calendar covers, the deadline is not guessed
    Given the allocation's publicity start is "2026-12-14"
    And the allocation's publicity end is "2026-12-23"
    And the review's requested on is "2026-12-21"
    And the review's received on is "2026-12-21"
    And the review's decided on is "2027-01-11"
    When the request is checked as of "2027-02-01"
    Then the decision is "needs_review"
    And "xuzhou-2015/art-12" is found "needs_review"
    And the decision says the holiday calendar does not cover 2027
