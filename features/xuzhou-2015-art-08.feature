@xuzhou-2015 @art-8
Feature: Xuzhou Measures (2015), Art. 8 — the quotas allocated may not exceed the region's total-control target
  第八条　环境保护行政主管部门在分配排污权指标时，应以上级环境保护行政主管部门下达的总量控制指标为基数，核定给排污单位的排污权指标之和不得超过本行政区域总量控制目标。

  Article 8  When allocating emission-right quotas, the competent environmental protection administrative department shall take as its base the total quantity control quotas issued by the competent environmental protection administrative department at the higher level, and the sum of the emission-right quotas verified for emitters shall not exceed the total quantity control target of the administrative area.

  Background:
    Given an allocation request in Xuzhou that meets every requirement

  Scenario: The quotas verified for the emitters add up to less than the region's target
    When the request is checked
    Then the decision is "compliant"
    And the decision does not rest on "xuzhou-2015/art-8"
    And no facts are missing

  Scenario: The quotas verified for the emitters may add up to exactly the region's target
    Given the rights verified for each emitter are:
      | enterprise             | quantity t per year |
      | 徐州华能热电有限公司   | 450                 |
      | 徐州恒盛新材料有限公司 | 370                 |
      | 徐州宏达焦化有限公司   | 380                 |
    When the request is checked
    Then the decision is "compliant"
    And the decision does not rest on "xuzhou-2015/art-8"

  Scenario: The sum of the quotas verified for the emitters may not exceed the region's target, even by half a tonne
    Given the rights verified for each emitter are:
      | enterprise             | quantity t per year |
      | 徐州华能热电有限公司   | 450                 |
      | 徐州恒盛新材料有限公司 | 370.5               |
      | 徐州宏达焦化有限公司   | 380                 |
    When the request is checked
    Then the decision is "non_compliant"
    And "xuzhou-2015/art-8" is found "non_compliant"
    And the decision rests on "xuzhou-2015/art-8"
    And every finding cites its clause verbatim in Chinese and English

  Scenario: Where only the total allocated is given, it is compared with the region's target
    Given the rights verified for the emitters are not known
    And the allocation's total allocated t per year is "1250"
    When the request is checked
    Then the decision is "non_compliant"
    And the finding "xuzhou-2015/art-8#allocation-exceeds-target" is "non_compliant"

  Scenario: A lower target set from above makes the same quotas too many
    Given the allocation's region target t per year is "1100"
    When the request is checked
    Then the decision is "non_compliant"
    And "xuzhou-2015/art-8" is found "non_compliant"

  Scenario: The region's total-control target is a fact to request, never a pass
    Given the allocation's region target t per year is not known
    When the request is checked
    Then the decision is "needs_review"
    And "xuzhou-2015/art-8" is found "needs_review"
    And the facts to request include "allocation.region_target_t_per_year"

  Scenario: The quotas verified for the emitters are a fact to request, never a pass
    Given the rights verified for the emitters are not known
    When the request is checked
    Then the decision is "needs_review"
    And "xuzhou-2015/art-8" is found "needs_review"
    And the facts to request include "allocation.total_allocated_t_per_year"
