@xuzhou-2015 @art-2
Feature: Xuzhou Measures (2015), Art. 2 — scope: industrial enterprises within Xuzhou
  第二条　本办法适用于本市行政区域内工业企业主要污染物排污权有偿使用和交易及相关管理活动。

  Article 2  These Measures apply to the paid use and trading of major-pollutant emission rights by industrial enterprises within the administrative area of this Municipality and to related administrative activities.

  Background:
    Given a trade in Xuzhou that meets every requirement

  Scenario: A trade between two industrial enterprises within Xuzhou is governed by the Measures
    When the trade is checked
    Then the decision is "eligible"
    And the Xuzhou Measures apply
    And no facts are missing

  Scenario Outline: The Measures do not apply where the <party> is outside the administrative area of Xuzhou
    Given the <party>'s city is "<city>"
    When the trade is checked
    Then the decision is "not_applicable"
    And the Xuzhou Measures do not apply
    And "xuzhou-2015/art-2" is found "not_applicable"
    And the decision rests on "xuzhou-2015/art-2"

    Examples:
      | party  | city   |
      | seller | 南京市 |
      | buyer  | 宿迁市 |

  Scenario: A party written as 徐州, 徐州市 or Xuzhou is within the same administrative area
    Given the seller's city is "Xuzhou"
    And the buyer's city is "徐州"
    When the trade is checked
    Then the decision is "eligible"
    And the Xuzhou Measures apply

  Scenario Outline: Where the <party>'s city is not known, whether the Measures apply is a fact to request
    Given the <party>'s city is not known
    When the trade is checked
    Then the decision is "needs_review"
    And "xuzhou-2015/art-2" is found "needs_review"
    And the facts to request include "<party>.city"

    Examples:
      | party  |
      | seller |
      | buyer  |

  Scenario Outline: The Measures do not apply where the <party> is not an industrial enterprise
    Given the <party>'s industrial is "false"
    When the trade is checked
    Then the decision is "not_applicable"
    And the Xuzhou Measures do not apply
    And "xuzhou-2015/art-2" is found "not_applicable"

    Examples:
      | party  |
      | seller |
      | buyer  |

  Scenario Outline: Whether the <party> is an industrial enterprise is a fact to request, never a pass
    Given the <party>'s industrial is not known
    When the trade is checked
    Then the decision is "needs_review"
    And "xuzhou-2015/art-2" is found "needs_review"
    And the facts to request include "<party>.industrial"

    Examples:
      | party  |
      | seller |
      | buyer  |

  Scenario: The government selling reserve rights is a related administrative activity and need not be an industrial enterprise
    Given the seller's kind is "government"
    And the seller's industrial is "false"
    And the holding's acquired by is "government_reserve"
    When the trade is checked
    Then the decision is "eligible"
    And the Xuzhou Measures apply
    And the decision shows the interpretation of "xuzhou-2015/art-2#party-not-industrial"

  Scenario: The buyer of government reserve rights must still be an industrial enterprise
    Given the seller's kind is "government"
    And the seller's industrial is "false"
    And the holding's acquired by is "government_reserve"
    And the buyer's industrial is "false"
    When the trade is checked
    Then the decision is "not_applicable"
    And "xuzhou-2015/art-2" is found "not_applicable"
