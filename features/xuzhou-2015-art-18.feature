@xuzhou-2015 @art-18
Feature: Xuzhou Measures (2015), Art. 18 — rights bought for a project not started within two years may be recalled free of charge
  第十八条　新建、改建、扩建项目的排污单位购买排污权指标超过两年仍未开工建设的，环境保护行政主管部门有权无偿回收其排污指标。

  Article 18  Where an emitter undertaking a new construction, reconstruction or expansion project has still not commenced construction more than two years after purchasing emission-right quotas, the competent environmental protection administrative department shall have the right to recover its emission quotas free of charge.

  Two years from the purchase end on the corresponding day two years later (the last day of the month
  where there is none), as the Civil Code counts periods; "more than two years" begins the day after.

  Background:
    Given a holding request in Xuzhou that meets every requirement
    And the holding's acquired by is "trade"
    And the holding's bought for project is "true"
    And the holding's acquired on is "2021-06-30"
    And the holding's term start is "2021-06-30"
    And the party's project's kind is "new"
    And the party's project's construction started is "false"

  Scenario: On the day two years after the purchase, the rights are not yet recallable
    When the request is checked as of "2023-06-30"
    Then the decision is "compliant"
    And the decision does not rest on "xuzhou-2015/art-18"
    And no facts are missing

  Scenario: The day after two years have run with construction not started, the EPB may recall the rights free of charge
    When the request is checked as of "2023-07-01"
    Then the decision is "non_compliant"
    And "xuzhou-2015/art-18" is found "non_compliant"
    And the finding "xuzhou-2015/art-18#not-started-within-two-years" is "non_compliant"
    And the decision rests on "xuzhou-2015/art-18"
    And the decision shows the interpretation of "xuzhou-2015/art-18#not-started-within-two-years"
    And every finding cites its clause verbatim in Chinese and English

  Scenario Outline: Art. 18 reaches the rights bought for a <kind> project
    Given the party's project's kind is "<kind>"
    When the request is checked as of "2023-07-01"
    Then the decision is "non_compliant"
    And "xuzhou-2015/art-18" is found "non_compliant"

    Examples:
      | kind     |
      | new      |
      | rebuilt  |
      | expanded |

  Scenario Outline: Rights bought on 29 February 2020 are recallable from 1 March 2022 (as of <day>)
    Given the holding's acquired on is "2020-02-29"
    And the holding's term start is "2020-02-29"
    When the request is checked as of "<day>"
    Then the decision is "<decision>"

    Examples:
      | day        | decision      |
      | 2022-02-28 | compliant     |
      | 2022-03-01 | non_compliant |

  Scenario: A project whose construction started within the two years keeps its rights
    Given the party's project's construction started is "true"
    And the party's project's construction started on is "2022-09-01"
    When the request is checked as of "2024-06-30"
    Then the decision is "compliant"
    And the decision does not rest on "xuzhou-2015/art-18"

  Scenario: Construction started on the last day of the two years is not a start after more than two years
    Given the party's project's construction started is "true"
    And the party's project's construction started on is "2023-06-30"
    When the request is checked as of "2024-06-30"
    Then the decision is "compliant"
    And the decision does not rest on "xuzhou-2015/art-18"

  Scenario: Construction started only after more than two years: whether the power to recall arose goes to review
    Given the party's project's construction started is "true"
    And the party's project's construction started on is "2023-07-01"
    When the request is checked as of "2024-06-30"
    Then the decision is "needs_review"
    And "xuzhou-2015/art-18" is found "needs_review"
    And the finding "xuzhou-2015/art-18#started-after-two-years" is "needs_review"
    And no facts are missing
    And the decision shows the interpretation of "xuzhou-2015/art-18#started-after-two-years"

  Scenario: Rights not bought for a new, rebuilt or expanded project are outside Art. 18
    Given the holding's bought for project is "false"
    When the request is checked as of "2024-06-30"
    Then the decision is "compliant"
    And the decision does not rest on "xuzhou-2015/art-18"

  Scenario: Art. 18 speaks of an emitter undertaking a new, rebuilt or expanded project, not of an existing emitter
    Given the party's project's kind is "existing"
    When the request is checked as of "2024-06-30"
    Then the decision is "compliant"
    And the decision does not rest on "xuzhou-2015/art-18"

  Scenario: Art. 18 speaks of rights purchased, not of rights obtained by paid allocation
    Given the holding's acquired by is "paid_allocation"
    When the request is checked as of "2024-06-30"
    Then the decision is "compliant"
    And the decision does not rest on "xuzhou-2015/art-18"

  Scenario Outline: More than two years after the purchase, <fact> is a fact to request, never a pass
    Given the <owner>'s <words> is not known
    When the request is checked as of "2023-07-01"
    Then the decision is "needs_review"
    And "xuzhou-2015/art-18" is found "needs_review"
    And the facts to request include "<path>"

    Examples:
      | fact                                         | owner           | words                | path                               |
      | whether construction has started             | party's project | construction started | party.project.construction_started |
      | whether the rights were bought for a project | holding         | bought for project   | holding.bought_for_project         |
      | the kind of project                          | party's project | kind                 | party.project.kind                 |

  Scenario: The day the rights were bought is a fact to request, never a pass
    Given the holding's acquired on is not known
    When the request is checked as of "2024-06-30"
    Then the decision is "needs_review"
    And "xuzhou-2015/art-18" is found "needs_review"
    And the facts to request include "holding.acquired_on"

  Scenario: Where construction has started, the day it started is a fact to request
    Given the party's project's construction started is "true"
    When the request is checked as of "2024-06-30"
    Then the decision is "needs_review"
    And "xuzhou-2015/art-18" is found "needs_review"
    And the facts to request include "party.project.construction_started_on"
