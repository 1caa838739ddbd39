@xuzhou-2015 @art-14
Feature: Xuzhou Measures (2015), Art. 14 — how new, rebuilt and expanded projects buy emission rights
  第十四条新建、改建、扩建项目的排污单位应当在环境影响评价阶段提出主要污染物排污权指标购买申请，经市环境保护行政主管部门审定后，在经省级以上有关部门批准设立并授予产权交易资格的交易机构中进行交易。主要污染物排污权指标需求量与供给量平衡的，实行协议出让；需求量大于供给量的，实行竞价或者拍卖。新建、改建、扩建项目的排污单位应当与排污权出让方签订主要污染物排污权交易合同，支付有偿使用费。建设项目投运后凭合同、环保竣工验收文件（需试生产的项目凭试生产核准通知）及付费凭证领取或者更换排污许可证。

  Article 14 An emitter undertaking a new construction, reconstruction or expansion project shall submit an application to purchase major-pollutant emission-right quotas at the environmental impact assessment stage and, after examination and approval by the municipal competent environmental protection administrative department, shall trade at a trading institution whose establishment has been approved by the relevant department at or above the provincial level and which has been granted property-rights trading qualification. Where the demand for and the supply of major-pollutant emission-right quotas are in balance, transfer by agreement shall apply; where demand exceeds supply, competitive bidding or auction shall apply. An emitter undertaking a new construction, reconstruction or expansion project shall sign a major-pollutant emission-rights trading contract with the transferor of the emission rights and pay the paid-use fee. After the construction project is put into operation, it shall obtain or renew its pollutant discharge permit on the strength of the contract, the environmental completion acceptance documents (or, for a project requiring trial production, the trial production approval notice) and the proof of payment.

  Rule: A trade for a new, rebuilt or expanded project

    Background:
      Given a trade in Xuzhou that meets every requirement

    Scenario: A project that applied at the EIA stage, was approved by the city EPB and trades at a qualified institution may buy
      When the trade is checked
      Then the decision is "eligible"
      And no facts are missing

    Scenario: Para. 1: the trade must take place at a qualified trading institution
      Given the trade's venue qualified is "false"
      When the trade is checked
      Then the decision is "ineligible"
      And "xuzhou-2015/art-14/para-1" is found "ineligible"
      And the decision rests on "xuzhou-2015/art-14/para-1"

    Scenario: Para. 1: whether the trading institution is qualified is a fact to request
      Given the trade's venue qualified is not known
      When the trade is checked
      Then the decision is "needs_review"
      And "xuzhou-2015/art-14/para-1" is found "needs_review"
      And the facts to request include "trade.venue.qualified"

    Scenario Outline: Para. 1: a <kind> project must apply to buy at the EIA stage
      Given the buyer's project's kind is "<kind>"
      And the buyer's project's applied at EIA stage is "false"
      When the trade is checked
      Then the decision is "ineligible"
      And "xuzhou-2015/art-14/para-1" is found "ineligible"

      Examples:
        | kind     |
        | new      |
        | rebuilt  |
        | expanded |

    Scenario Outline: Para. 1: a <kind> project's purchase must be approved by the city EPB
      Given the buyer's project's kind is "<kind>"
      And the buyer's project's purchase approved by city EPB is "false"
      When the trade is checked
      Then the decision is "ineligible"
      And "xuzhou-2015/art-14/para-1" is found "ineligible"

      Examples:
        | kind     |
        | new      |
        | rebuilt  |
        | expanded |

    Scenario: Para. 1 binds new, rebuilt and expanded projects only, not an existing emitter
      Given the buyer's project's kind is "existing"
      And the buyer's project's applied at EIA stage is "false"
      And the buyer's project's purchase approved by city EPB is "false"
      When the trade is checked
      Then the decision is "eligible"
      And the decision does not rest on "xuzhou-2015/art-14/para-1"

    Scenario: Para. 1: whether the project applied at the EIA stage is a fact to request
      Given the buyer's project's applied at EIA stage is not known
      When the trade is checked
      Then the decision is "needs_review"
      And the facts to request include "buyer.project.applied_at_eia_stage"

    Scenario: Para. 1: whether the city EPB approved the purchase is a fact to request
      Given the buyer's project's purchase approved by city EPB is not known
      When the trade is checked
      Then the decision is "needs_review"
      And the facts to request include "buyer.project.purchase_approved_by_city_epb"

    Scenario: Para. 2: where demand and supply are in balance, transfer is by agreement
      Given the trade's demand t per year is "12.5"
      And the trade's supply t per year is "12.5"
      And the trade's mode is "negotiated"
      When the trade is checked
      Then the decision is "eligible"
      And the decision does not rest on "xuzhou-2015/art-14/para-2"

    Scenario Outline: Para. 2: where demand and supply are in balance, <mode> is not the prescribed mode
      Given the trade's demand t per year is "12.5"
      And the trade's supply t per year is "12.5"
      And the trade's mode is "<mode>"
      When the trade is checked
      Then the decision is "ineligible"
      And "xuzhou-2015/art-14/para-2" is found "ineligible"

      Examples:
        | mode    |
        | bidding |
        | auction |

    Scenario Outline: Para. 2: where demand exceeds supply, <mode> applies
      Given the trade's demand t per year is "20"
      And the trade's supply t per year is "12.5"
      And the trade's mode is "<mode>"
      When the trade is checked
      Then the decision is "eligible"
      And the decision does not rest on "xuzhou-2015/art-14/para-2"

      Examples:
        | mode    |
        | bidding |
        | auction |

    Scenario: Para. 2: where demand exceeds supply, transfer by agreement is not allowed
      Given the trade's demand t per year is "20"
      And the trade's supply t per year is "12.5"
      And the trade's mode is "negotiated"
      When the trade is checked
      Then the decision is "ineligible"
      And "xuzhou-2015/art-14/para-2" is found "ineligible"
      And the decision rests on "xuzhou-2015/art-14/para-2"

    Scenario: Para. 2: demand only just above supply already requires bidding or auction
      Given the trade's demand t per year is "12.501"
      And the trade's supply t per year is "12.5"
      And the trade's mode is "negotiated"
      When the trade is checked
      Then the decision is "ineligible"
      And "xuzhou-2015/art-14/para-2" is found "ineligible"

    Scenario Outline: Para. 2 provides no mode where supply exceeds demand, so a <mode> sale goes to review
      Given the trade's demand t per year is "12.5"
      And the trade's supply t per year is "20"
      And the trade's mode is "<mode>"
      When the trade is checked
      Then the decision is "needs_review"
      And "xuzhou-2015/art-14/para-2" is found "needs_review"
      And no facts are missing
      And the decision shows the interpretation of "xuzhou-2015/art-14/para-2#supply-exceeds-demand"

      Examples:
        | mode       |
        | negotiated |
        | bidding    |
        | auction    |

    Scenario: Para. 2: the mode of transfer is a fact to request, never a pass
      Given the trade's mode is not known
      When the trade is checked
      Then the decision is "needs_review"
      And "xuzhou-2015/art-14/para-2" is found "needs_review"
      And the facts to request include "trade.mode"

    Scenario Outline: Para. 2: the <which> is a fact to request, never a pass
      Given the trade's <which> is not known
      When the trade is checked
      Then the decision is "needs_review"
      And "xuzhou-2015/art-14/para-2" is found "needs_review"
      And the facts to request include "trade.<path>"

      Examples:
        | which             | path              |
        | demand t per year | demand_t_per_year |
        | supply t per year | supply_t_per_year |

    Scenario: (para. 1) The venue requirement is addressed to new, rebuilt and expanded projects, so it does not reach an existing emitter's purchase
      Given the buyer's project's kind is "existing"
      And the trade's venue qualified is "false"
      When the trade is checked
      Then the decision does not rest on "xuzhou-2015/art-14/para-1"

  Rule: A project obtaining its rights (acquisition): application at the EIA stage, the city EPB's approval, a qualified institution, the mode of transfer, the contract and payment, and the permit documents

    Background:
      Given an acquisition request in Xuzhou that meets every requirement

    Scenario: A new project that applied at the EIA stage, was approved, and trades by agreement at a qualified institution with contract and payment may obtain its rights
      When the request is checked
      Then the decision is "eligible"
      And the decision does not rest on "xuzhou-2015/art-14/para-1"
      And the decision does not rest on "xuzhou-2015/art-14/para-2"
      And the decision does not rest on "xuzhou-2015/art-14/para-3"
      And no facts are missing

    Scenario Outline: Para. 1: a <kind> project that did not <requirement> may not obtain its rights
      Given the party's project's kind is "<kind>"
      And the <owner>'s <fact> is "false"
      When the request is checked
      Then the decision is "ineligible"
      And "xuzhou-2015/art-14/para-1" is found "ineligible"
      And the finding "xuzhou-2015/art-14/para-1#<rule>" is "ineligible"

      Examples:
        | kind     | requirement                                | owner           | fact                          | rule                                    |
        | new      | apply to buy at the EIA stage              | party's project | applied at EIA stage          | acquisition-no-application-at-eia-stage |
        | rebuilt  | apply to buy at the EIA stage              | party's project | applied at EIA stage          | acquisition-no-application-at-eia-stage |
        | expanded | have its purchase approved by the city EPB | party's project | purchase approved by city EPB | acquisition-not-approved                |
        | new      | trade at a qualified trading institution   | acquisition     | venue qualified               | acquisition-venue-not-qualified         |

    Scenario Outline: Para. 1: whether <what> is a fact to request, never a pass
      Given the <owner>'s <fact> is not known
      When the request is checked
      Then the decision is "needs_review"
      And "xuzhou-2015/art-14/para-1" is found "needs_review"
      And the facts to request include "<path>"

      Examples:
        | what                                 | owner           | fact                          | path                                        |
        | the project applied at the EIA stage | party's project | applied at EIA stage          | party.project.applied_at_eia_stage          |
        | the city EPB approved the purchase   | party's project | purchase approved by city EPB | party.project.purchase_approved_by_city_epb |
        | the trading institution is qualified | acquisition     | venue qualified               | acquisition.venue.qualified                 |

    Scenario: Para. 1 is addressed to new, rebuilt and expanded projects, not to an existing emitter
      Given the party's project's kind is "existing"
      And the party's project's applied at EIA stage is "false"
      And the party's project's purchase approved by city EPB is "false"
      And the acquisition's venue qualified is "false"
      When the request is checked
      Then the decision is "eligible"
      And the decision does not rest on "xuzhou-2015/art-14/para-1"

    Scenario Outline: Para. 2: where demand is <demand> and supply <supply> t/a, <mode> is <verdict>
      Given the acquisition's demand t per year is "<demand>"
      And the acquisition's supply t per year is "<supply>"
      And the acquisition's mode is "<mode>"
      When the request is checked
      Then the decision is "<decision>"

      Examples: in balance, transfer by agreement
        | demand | supply | mode       | verdict             | decision   |
        | 6.5    | 6.5    | negotiated | the prescribed mode | eligible   |
        | 6.5    | 6.5    | bidding    | not allowed         | ineligible |
        | 6.5    | 6.5    | auction    | not allowed         | ineligible |

      Examples: demand exceeding supply, bidding or auction
        | demand | supply | mode       | verdict             | decision   |
        | 20     | 6.5    | bidding    | the prescribed mode | eligible   |
        | 20     | 6.5    | auction    | the prescribed mode | eligible   |
        | 6.501  | 6.5    | negotiated | not allowed         | ineligible |

    Scenario: Para. 2: where demand exceeds supply, transfer by agreement is refused under para. 2
      Given the acquisition's demand t per year is "20"
      And the acquisition's mode is "negotiated"
      When the request is checked
      Then the decision is "ineligible"
      And the finding "xuzhou-2015/art-14/para-2#acquisition-negotiated-despite-excess-demand" is "ineligible"
      And the decision rests on "xuzhou-2015/art-14/para-2"

    Scenario: Para. 2: where demand and supply balance, an auction is refused under para. 2
      Given the acquisition's mode is "auction"
      When the request is checked
      Then the decision is "ineligible"
      And the finding "xuzhou-2015/art-14/para-2#acquisition-auction-despite-balance" is "ineligible"

    Scenario: Para. 2 provides no mode where supply exceeds demand, so the chosen mode goes to review
      Given the acquisition's supply t per year is "30"
      When the request is checked
      Then the decision is "needs_review"
      And "xuzhou-2015/art-14/para-2" is found "needs_review"
      And no facts are missing
      And the decision shows the interpretation of "xuzhou-2015/art-14/para-2#acquisition-supply-exceeds-demand"

    Scenario Outline: Para. 2: the <which> is a fact to request, never a pass
      Given the acquisition's <which> is not known
      When the request is checked
      Then the decision is "needs_review"
      And "xuzhou-2015/art-14/para-2" is found "needs_review"
      And the facts to request include "acquisition.<path>"

      Examples:
        | which             | path              |
        | mode              | mode              |
        | demand t per year | demand_t_per_year |
        | supply t per year | supply_t_per_year |

    Scenario Outline: Para. 3: a project that has not <step> may not obtain the rights
      Given the acquisition's <fact> is "false"
      When the request is checked
      Then the decision is "ineligible"
      And "xuzhou-2015/art-14/para-3" is found "ineligible"
      And the finding "xuzhou-2015/art-14/para-3#no-contract-or-payment" is "ineligible"
      And the decision rests on "xuzhou-2015/art-14/para-3"

      Examples:
        | step                                        | fact            |
        | signed the trading contract with the seller | contract signed |
        | paid the fee                                | fee paid        |

    Scenario Outline: Para. 3: whether the project <what> is a fact to request, never a pass
      Given the acquisition's <fact> is not known
      When the request is checked
      Then the decision is "needs_review"
      And "xuzhou-2015/art-14/para-3" is found "needs_review"
      And the facts to request include "acquisition.<path>"

      Examples:
        | what                | fact            | path            |
        | signed the contract | contract signed | contract_signed |
        | paid the fee        | fee paid        | fee_paid        |

    Scenario: Para. 3: once in operation, a project with the contract, the completion acceptance and the payment receipt may have its permit
      Given the party's project's commissioned is "true"
      And the party's project's permit documents complete is "true"
      When the request is checked
      Then the decision is "eligible"
      And the decision does not rest on "xuzhou-2015/art-14/para-3"

    Scenario: Para. 3: once in operation, a project lacking any of those documents cannot obtain or change its permit
      Given the party's project's commissioned is "true"
      And the party's project's permit documents complete is "false"
      When the request is checked
      Then the decision is "ineligible"
      And the finding "xuzhou-2015/art-14/para-3#permit-documents-incomplete" is "ineligible"
      And the decision rests on "xuzhou-2015/art-14/para-3"

    Scenario: Para. 3: before the project is put into operation, the permit documents are not yet required
      Given the party's project's commissioned is "false"
      And the party's project's permit documents complete is "false"
      When the request is checked
      Then the decision is "eligible"
      And the decision does not rest on "xuzhou-2015/art-14/para-3"

    Scenario: Para. 3: once in operation, whether the permit documents are complete is a fact to request
      Given the party's project's commissioned is "true"
      When the request is checked
      Then the decision is "needs_review"
      And "xuzhou-2015/art-14/para-3" is found "needs_review"
      And the facts to request include "party.project.permit_documents_complete"
