@xuzhou-2015 @art-2
Feature: Xuzhou Measures (2015), Art. 2 — scope: industrial enterprises within Xuzhou
  第二条　本办法适用于本市行政区域内工业企业主要污染物排污权有偿使用和交易及相关管理活动。

  Article 2  These Measures apply to the paid use and trading of major-pollutant emission rights by industrial enterprises within the administrative area of this Municipality and to related administrative activities.

  Rule: A trade is governed by the Measures where both parties are industrial enterprises within Xuzhou

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

  Rule: An emitter's acquisition, holding, buy-back or conduct is governed by the Measures only within Xuzhou and only for an industrial enterprise

    Scenario Outline: The <kind> of an industrial enterprise within Xuzhou is governed by the Measures
      Given <a> <kind> request in Xuzhou that meets every requirement
      When the request is checked
      Then the decision is "<decision>"
      And the Xuzhou Measures apply
      And the Linyi Plan does not apply
      And the decision does not rest on "xuzhou-2015/art-2"

      Examples:
        | a  | kind        | decision  |
        | an | acquisition | eligible  |
        | a  | holding     | compliant |
        | a  | buyback     | eligible  |
        | an | enterprise  | compliant |

    Scenario Outline: The Measures do not apply to the <kind> of an emitter outside the administrative area of Xuzhou
      Given <a> <kind> request in Xuzhou that meets every requirement
      And the party's city is "南京市"
      When the request is checked
      Then the decision is "not_applicable"
      And the Xuzhou Measures do not apply
      And "xuzhou-2015/art-2" is found "not_applicable"
      And the finding "xuzhou-2015/art-2#emitter-outside-xuzhou" is "not_applicable"

      Examples:
        | a  | kind        |
        | an | acquisition |
        | a  | holding     |
        | a  | buyback     |
        | an | enterprise  |

    Scenario Outline: The Measures do not apply to the <kind> of an emitter that is not an industrial enterprise
      Given <a> <kind> request in Xuzhou that meets every requirement
      And the party's industrial is "false"
      When the request is checked
      Then the decision is "not_applicable"
      And the Xuzhou Measures do not apply
      And the finding "xuzhou-2015/art-2#emitter-not-industrial" is "not_applicable"
      And the decision rests on "xuzhou-2015/art-2"

      Examples:
        | a  | kind        |
        | an | acquisition |
        | a  | holding     |
        | a  | buyback     |
        | an | enterprise  |

    Scenario Outline: For the <kind> of an emitter, whether it is <what> is a fact to request, never a pass
      Given <a> <kind> request in Xuzhou that meets every requirement
      And the party's <fact> is not known
      When the request is checked
      Then the decision is "needs_review"
      And "xuzhou-2015/art-2" is found "needs_review"
      And the facts to request include "party.<fact>"

      Examples:
        | a  | kind        | what                     | fact       |
        | an | acquisition | within Xuzhou            | city       |
        | a  | holding     | within Xuzhou            | city       |
        | a  | buyback     | an industrial enterprise | industrial |
        | an | enterprise  | an industrial enterprise | industrial |

  Rule: An allocation of rights is governed by the Measures where the region allocated is within Xuzhou

    Background:
      Given an allocation request in Xuzhou that meets every requirement

    Scenario: An allocation in a district of Xuzhou is governed by the Measures
      When the request is checked
      Then the decision is "compliant"
      And the Xuzhou Measures apply
      And the Linyi Plan does not apply
      And the decision does not rest on "xuzhou-2015/art-2"

    Scenario: The Measures do not apply to an allocation outside the administrative area of Xuzhou
      Given the allocation's city is "宿迁市"
      When the request is checked
      Then the decision is "not_applicable"
      And the Xuzhou Measures do not apply
      And the finding "xuzhou-2015/art-2#allocation-outside-xuzhou" is "not_applicable"
      And the decision rests on "xuzhou-2015/art-2"

    Scenario: The city of the region allocated is a fact to request, never a pass
      Given the allocation's city is not known
      When the request is checked
      Then the decision is "needs_review"
      And "xuzhou-2015/art-2" is found "needs_review"
      And the facts to request include "allocation.city"
