@xuzhou-2015 @art-16
Feature: Xuzhou Measures (2015), Art. 16 — emitters that may not transfer emission rights
  第十六条　下列排污单位不得出让排污权指标：（一）因环境违法被取缔或者关闭的；（二）未完成政府下达的主要污染物削减任务或者环境保护行政主管部门下达的污染治理任务的；（三）企业环境行为信用等级被评为红色或者黑色的；（四）其他依法不能进行交易的。

  Article 16  The following emitters may not transfer emission-right quotas: (1) those banned or closed for environmental violations; (2) those that have not completed the major-pollutant reduction tasks assigned by the government or the pollution treatment tasks assigned by the competent environmental protection administrative department; (3) enterprises whose environmental conduct credit rating has been assessed as red or black; (4) others that may not trade according to law.

  Background:
    Given a trade in Xuzhou that meets every requirement

  Scenario: A seller in good standing may transfer
    When the trade is checked
    Then the decision is "eligible"
    And no facts are missing

  Scenario Outline: (1) A seller banned or closed for an environmental violation may not transfer
    Given the seller's operating status is "<status>"
    When the trade is checked
    Then the decision is "ineligible"
    And "xuzhou-2015/art-16/item-1" is found "ineligible"

    Examples:
      | status               |
      | banned_for_violation |
      | closed_for_violation |

  Scenario: (1) A seller that merely suspended production is not barred by item (1)
    Given the seller's operating status is "suspended"
    When the trade is checked
    Then the decision does not rest on "xuzhou-2015/art-16/item-1"

  Scenario: (2) A seller that has not completed its reduction tasks may not transfer
    Given the seller's reduction tasks completed is "false"
    When the trade is checked
    Then the decision is "ineligible"
    And "xuzhou-2015/art-16/item-2" is found "ineligible"

  Scenario: (2) A seller that has not completed its treatment tasks may not transfer
    Given the seller's treatment tasks completed is "false"
    When the trade is checked
    Then the decision is "ineligible"
    And "xuzhou-2015/art-16/item-2" is found "ineligible"

  Scenario Outline: (3) A seller rated red or black may not transfer; other ratings may
    Given the seller's credit rating is "<rating>"
    When the trade is checked
    Then the decision is "<decision>"

    Examples:
      | rating | decision   |
      | 红色   | ineligible |
      | black  | ineligible |
      | yellow | eligible   |
      | blue   | eligible   |

  Scenario: (3) An unknown credit rating is a fact to request, never a pass
    Given the seller's credit rating is not known
    When the trade is checked
    Then the decision is "needs_review"
    And the facts to request include "seller.credit_rating"

  Scenario: (4) A seller otherwise barred by law may not transfer, under the stated interpretation
    Given the seller's other legal bar is "true"
    When the trade is checked
    Then the decision is "ineligible"
    And "xuzhou-2015/art-16/item-4" is found "ineligible"
    And the decision shows the interpretation of "xuzhou-2015/art-16/item-4#seller-otherwise-barred"

  Scenario: Every failing item is reported, not only the first
    Given the seller's operating status is "closed_for_violation"
    And the seller's reduction tasks completed is "false"
    And the seller's credit rating is "black"
    And the seller's other legal bar is "true"
    When the trade is checked
    Then the decision is "ineligible"
    And "xuzhou-2015/art-16/item-1" is found "ineligible"
    And "xuzhou-2015/art-16/item-2" is found "ineligible"
    And "xuzhou-2015/art-16/item-3" is found "ineligible"
    And "xuzhou-2015/art-16/item-4" is found "ineligible"
    And every finding cites its clause verbatim in Chinese and English
