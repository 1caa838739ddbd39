@xuzhou-2015 @art-15
Feature: Xuzhou Measures (2015), Art. 15 — the sources of emission rights offered for sale
  第十五条　出售主要污染物排污权指标的来源：（一）在初始排污权指标分配时，政府预留的排污权指标；（二）因企业转产、关闭或者结构调整、工艺改进、深度治理等原因，政府对排污单位有偿获得的排污权指标进行回购或者对排污单位无偿获得的排污权指标进行回收所得到的排污权指标；（三）排污单位因环境违法行为被责令关闭、取缔，政府强制回收的排污权指标；（四）排污单位通过有偿分配或者交易获得的排污权指标；（五）通过其他合法方式获取的排污权指标。

  Article 15  The sources of the major-pollutant emission-right quotas offered for sale are: (1) emission-right quotas reserved by the government at the time of the initial allocation of emission-right quotas; (2) emission-right quotas obtained by the government through buying back emission-right quotas that emitters acquired for consideration, or recovering emission-right quotas that emitters acquired free of charge, because of enterprise conversion of production, closure, structural adjustment, process improvement, advanced treatment or other reasons; (3) emission-right quotas compulsorily recovered by the government where an emitter has been ordered to close or has been banned because of environmental violations; (4) emission-right quotas obtained by emitters through paid allocation or trading; (5) emission-right quotas acquired by other lawful means.

  Background:
    Given a trade in Xuzhou that meets every requirement

  Scenario Outline: (<item>) Rights of a government source are sold by the government, not by an emitter
    Given the seller's kind is "enterprise"
    And the holding's acquired by is "<source>"
    When the trade is checked
    Then the decision is "ineligible"
    And "xuzhou-2015/art-15/item-<item>" is found "ineligible"
    And the decision rests on "xuzhou-2015/art-15/item-<item>"
    And the decision shows the interpretation of "xuzhou-2015/art-15/item-1#government-source-sold-by-emitter"

    Examples:
      | item | source                       |
      | 1    | government_reserve           |
      | 2    | government_buyback_or_recall |
      | 3    | government_forced_recall     |

  Scenario Outline: (<item>) The government may sell rights of a government source
    Given the seller's kind is "government"
    And the seller's industrial is "false"
    And the holding's acquired by is "<source>"
    When the trade is checked
    Then the decision is "eligible"
    And the decision does not rest on "xuzhou-2015/art-15/item-<item>"

    Examples:
      | item | source                       |
      | 1    | government_reserve           |
      | 2    | government_buyback_or_recall |
      | 3    | government_forced_recall     |

  Scenario Outline: (4) An emitter may sell rights obtained through <source>
    Given the holding's acquired by is "<source>"
    When the trade is checked
    Then the decision is "eligible"
    And the decision does not rest on "xuzhou-2015/art-15/item-4"

    Examples:
      | source          |
      | paid_allocation |
      | trade           |

  Scenario: (4) Rights an emitter obtained free of charge are not a listed source for sale, so the sale goes to review under the stated interpretation
    Given the holding's acquired by is "free_allocation"
    When the trade is checked
    Then the decision is "needs_review"
    And "xuzhou-2015/art-15/item-4" is found "needs_review"
    And the decision rests on "xuzhou-2015/art-15/item-4"
    And the decision shows the interpretation of "xuzhou-2015/art-15/item-4#freely-allocated-rights"

  Scenario: (5) Rights acquired by other lawful means go to review of their lawful origin
    Given the holding's acquired by is "other_lawful"
    When the trade is checked
    Then the decision is "needs_review"
    And "xuzhou-2015/art-15/item-5" is found "needs_review"
    And the decision rests on "xuzhou-2015/art-15/item-5"
    And no facts are missing
    And the decision shows the interpretation of "xuzhou-2015/art-15/item-5#other-lawful-source"

  Scenario: The source of the rights offered is a fact to request, never a pass
    Given the holding's acquired by is not known
    When the trade is checked
    Then the decision is "needs_review"
    And the facts to request include "holding.acquired_by"

  Scenario: Whether the seller is an emitter or the government is a fact to request when the source is a government one
    Given the holding's acquired by is "government_reserve"
    And the seller's kind is not known
    When the trade is checked
    Then the decision is "needs_review"
    And "xuzhou-2015/art-15/item-1" is found "needs_review"
    And the facts to request include "seller.kind"
