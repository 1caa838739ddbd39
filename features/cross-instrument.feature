@xuzhou-2015 @linyi-2014 @cross-instrument
Feature: Xuzhou Measures (2015), Art. 2 and Linyi Plan (2014), Part III (1) — a trade between cities falls under neither
  第二条　本办法适用于本市行政区域内工业企业主要污染物排污权有偿使用和交易及相关管理活动。

  Article 2  These Measures apply to the paid use and trading of major-pollutant emission rights by industrial enterprises within the administrative area of this Municipality and to related administrative activities.

  （一）试点范围　列入2010年污染源普查基数的工业企业和2010年以后新建、改建、扩建项目增加排污总量的工业企业。排污权交易市场建立后，逐步扩大至所有排污单位。

  (1) Pilot scope  Industrial enterprises included in the base of the 2010 pollution source census, and industrial enterprises whose total emissions have increased through new construction, reconstruction or expansion projects after 2010. After the emission-rights trading market has been established, the scope shall be gradually extended to all emitters.

  Scenario: A trade within Xuzhou is governed by the Xuzhou Measures and not by the Linyi Plan
    Given a trade in Xuzhou that meets every requirement
    When the trade is checked
    Then the decision is "eligible"
    And the Xuzhou Measures apply
    And the Linyi Plan does not apply

  Scenario: A trade within Linyi is governed by the Linyi Plan and not by the Xuzhou Measures
    Given a trade in Linyi that meets every requirement
    When the trade is checked
    Then the decision is "eligible"
    And the Linyi Plan applies
    And the Xuzhou Measures do not apply

  Scenario: A seller in Xuzhou and a buyer in Linyi fall under neither instrument
    Given a trade in Xuzhou that meets every requirement
    And the buyer's city is "临沂市"
    When the trade is checked
    Then the decision is "not_applicable"
    And the Xuzhou Measures do not apply
    And the Linyi Plan does not apply
    And the decision rests on "xuzhou-2015/art-2"
    And the decision rests on "linyi-2014/part-3/sec-1"

  Scenario: A seller in Linyi and a buyer in Xuzhou fall under neither instrument
    Given a trade in Linyi that meets every requirement
    And the buyer's city is "徐州市"
    When the trade is checked
    Then the decision is "not_applicable"
    And the Xuzhou Measures do not apply
    And the Linyi Plan does not apply
    And the decision rests on "xuzhou-2015/art-2"
    And the decision rests on "linyi-2014/part-3/sec-1"

  Scenario Outline: A trade with a party in a third city (<party> in <city>) falls under neither instrument
    Given a trade in <base> that meets every requirement
    And the <party>'s city is "<city>"
    When the trade is checked
    Then the decision is "not_applicable"
    And the Xuzhou Measures do not apply
    And the Linyi Plan does not apply
    And the decision rests on "xuzhou-2015/art-2"
    And the decision rests on "linyi-2014/part-3/sec-1"

    Examples:
      | base   | party  | city   |
      | Xuzhou | buyer  | 南京市 |
      | Xuzhou | seller | 南京市 |
      | Linyi  | buyer  | 南京市 |
      | Linyi  | seller | 济南市 |

  Scenario: Where both parties are in a third city, neither instrument applies
    Given a trade in Xuzhou that meets every requirement
    And the seller's city is "南京市"
    And the buyer's city is "南京市"
    When the trade is checked
    Then the decision is "not_applicable"
    And the Xuzhou Measures do not apply
    And the Linyi Plan does not apply
