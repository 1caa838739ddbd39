@xuzhou-2015 @art-3
Feature: Xuzhou Measures (2015), Art. 3 — the major pollutants covered, and the terms the Measures use
  第三条本办法所称主要污染物是指国家、江苏省和本市确定的需要实施排放总量控制的污染物。现阶段本市行政区域内需要实施排放总量控制的主要污染物有化学需氧量（COD）、氨氮（NH3-N）、二氧化硫（SO2）、氮氧化物（NOx）。其他需实施排放总量控制的污染物，根据环境保护需要由市环境保护行政主管部门确定，报市政府批准后实施。本办法所称排污权是指排污单位经核定，允许其排放污染物的种类和数量。本办法所称排污单位，是指依法应当取得排污权的合法排污单位。本办法所称主要污染物排污权有偿使用，是指在满足主要污染物排放总量控制的前提下，排污单位按规定缴纳排污权有偿使用费，依法取得排污权的行为。本办法所称主要污染物排污权交易，是指在主要污染物排放总量控制的前提下，交易主体在交易机构对依法取得的主要污染物排污权进行公开买卖的行为。

  Article 3 For the purposes of these Measures, 'major pollutants' means the pollutants subject to total emission quantity control as determined by the State, Jiangsu Province and this Municipality. At the present stage, the major pollutants subject to total emission quantity control within the administrative area of this Municipality are chemical oxygen demand (COD), ammonia nitrogen (NH3-N), sulphur dioxide (SO2) and nitrogen oxides (NOx). Other pollutants requiring total emission quantity control shall be determined by the municipal competent environmental protection administrative department according to the needs of environmental protection and shall be implemented after being reported to and approved by the municipal people's government. For the purposes of these Measures, 'emission rights' means the types and quantities of pollutants that an emitter is permitted to discharge upon verification. For the purposes of these Measures, 'emitter' means a lawful emitting entity that is required by law to obtain emission rights. For the purposes of these Measures, 'paid use of major-pollutant emission rights' means the act by which an emitter, on the premise that total emission quantity control of major pollutants is satisfied, pays the emission-rights paid-use fee as prescribed and obtains emission rights in accordance with law. For the purposes of these Measures, 'trading of major-pollutant emission rights' means the act by which trading parties, on the premise of total emission quantity control of major pollutants, openly buy and sell lawfully obtained major-pollutant emission rights at a trading institution.

  Rule: Para. 1 — a trade is governed by the Measures only for a major pollutant

    Background:
      Given a trade in Xuzhou that meets every requirement

    Scenario Outline: <pollutant> is one of the four major pollutants under total-quantity control at present
      Given the trade's pollutant is "<pollutant>"
      When the trade is checked
      Then the decision is "eligible"
      And the Xuzhou Measures apply
      And the decision does not rest on "xuzhou-2015/art-3/para-1"

      Examples:
        | pollutant  |
        | COD        |
        | 化学需氧量 |
        | NH3-N      |
        | 氨氮       |
        | SO2        |
        | 二氧化硫   |
        | NOx        |
        | 氮氧化物   |

    Scenario Outline: The Measures do not apply to a pollutant the city has not designated for total-quantity control (<pollutant>)
      Given the trade's pollutant is "<pollutant>"
      And the trade's pollutant designated by city is "false"
      When the trade is checked
      Then the decision is "not_applicable"
      And the Xuzhou Measures do not apply
      And "xuzhou-2015/art-3/para-1" is found "not_applicable"
      And the decision rests on "xuzhou-2015/art-3/para-1"

      Examples:
        | pollutant |
        | VOCs      |
        | TN        |
        | TP        |
        | PM        |

    Scenario: Another pollutant designated by the city EPB with the city government's approval is a major pollutant, to be verified
      Given the trade's pollutant is "VOCs"
      And the trade's pollutant designated by city is "true"
      When the trade is checked
      Then the decision is "needs_review"
      And the Xuzhou Measures apply
      And "xuzhou-2015/art-3/para-1" is found "needs_review"
      And the decision shows the interpretation of "xuzhou-2015/art-3/para-1#designated-other-pollutant"

    Scenario: Whether another pollutant was designated is a fact to request: an undecided exception keeps the rule it overrides undecided
      Given the trade's pollutant is "VOCs"
      And the trade's pollutant designated by city is not known
      When the trade is checked
      Then the decision is "needs_review"
      And "xuzhou-2015/art-3/para-1" is found "needs_review"
      And the facts to request include "trade.pollutant_designated_by_city"

    Scenario: The pollutant traded is a fact to request, never a pass
      Given the trade's pollutant is not known
      When the trade is checked
      Then the decision is "needs_review"
      And "xuzhou-2015/art-3/para-1" is found "needs_review"
      And the facts to request include "trade.pollutant"

  Rule: Para. 1 — an acquisition, a holding, a buy-back or an allocation is governed by the Measures only for a major pollutant

    Scenario Outline: <pollutant> is a major pollutant, so the <kind> is governed by the Measures
      Given <a> <kind> request in Xuzhou that meets every requirement
      And the <owner>'s pollutant is "<pollutant>"
      When the request is checked
      Then the decision is "<decision>"
      And the Xuzhou Measures apply
      And the decision does not rest on "xuzhou-2015/art-3/para-1"

      Examples:
        | a  | kind        | owner       | pollutant  | decision  |
        | an | acquisition | acquisition | 氨氮       | eligible  |
        | a  | holding     | holding     | NOx        | compliant |
        | a  | buyback     | holding     | 二氧化硫   | eligible  |
        | an | allocation  | allocation  | 化学需氧量 | compliant |

    Scenario Outline: The Measures do not apply to the <kind> of a pollutant the city has not designated (<pollutant>)
      Given <a> <kind> request in Xuzhou that meets every requirement
      And the <owner>'s pollutant is "<pollutant>"
      And the <owner>'s pollutant designated by city is "false"
      When the request is checked
      Then the decision is "not_applicable"
      And the Xuzhou Measures do not apply
      And "xuzhou-2015/art-3/para-1" is found "not_applicable"
      And the finding "xuzhou-2015/art-3/para-1#<rule>-not-a-main-pollutant" is "not_applicable"

      Examples:
        | a  | kind        | owner       | pollutant | rule        |
        | an | acquisition | acquisition | VOCs      | acquisition |
        | a  | holding     | holding     | TN        | holding     |
        | a  | buyback     | holding     | TP        | holding     |
        | an | allocation  | allocation  | PM        | allocation  |

    Scenario Outline: Another pollutant designated by the city EPB with the city government's approval makes the <kind> one to verify
      Given <a> <kind> request in Xuzhou that meets every requirement
      And the <owner>'s pollutant is "VOCs"
      And the <owner>'s pollutant designated by city is "true"
      When the request is checked
      Then the decision is "needs_review"
      And the Xuzhou Measures apply
      And "xuzhou-2015/art-3/para-1" is found "needs_review"
      And the decision shows the interpretation of "xuzhou-2015/art-3/para-1#<rule>-designated-other-pollutant"

      Examples:
        | a  | kind        | owner       | rule        |
        | an | acquisition | acquisition | acquisition |
        | a  | holding     | holding     | holding     |
        | a  | buyback     | holding     | holding     |
        | an | allocation  | allocation  | allocation  |

    Scenario Outline: The pollutant of the <kind> is a fact to request, never a pass
      Given <a> <kind> request in Xuzhou that meets every requirement
      And the <owner>'s pollutant is not known
      When the request is checked
      Then the decision is "needs_review"
      And "xuzhou-2015/art-3/para-1" is found "needs_review"
      And the facts to request include "<owner>.pollutant"

      Examples:
        | a  | kind        | owner       |
        | an | acquisition | acquisition |
        | a  | holding     | holding     |
        | a  | buyback     | holding     |
        | an | allocation  | allocation  |

  Rule: Paras. 2 to 5 define the terms the Measures use; they take effect through the articles that use them

    Scenario: The article's heading groups the definitions and is presented as a definition
      Then the clause "xuzhou-2015/art-3" is presented as definition with its reason
      And no rule decides "xuzhou-2015/art-3"

    Scenario Outline: Para. <n> defines <term> and is presented as a definition
      Then the clause "xuzhou-2015/art-3/para-<n>" is presented as definition with its reason
      And no rule decides "xuzhou-2015/art-3/para-<n>"

      Examples:
        | n | term                                 |
        | 2 | emission rights (排污权)             |
        | 3 | emitter (排污单位)                   |
        | 4 | paid use (有偿使用)                  |
        | 5 | emission-rights trading (排污权交易) |
