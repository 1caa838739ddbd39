@linyi-2014 @part-4
Feature: Linyi Plan (2014), Part IV — the mechanisms for paid use and trading of emission rights
  四、构建规范有效的排污权有偿使用和交易机制（一）建立排污权分配机制。积极稳妥地推行现有排污单位排污权有偿使用，要按照规范的技术规程，建立现有排污单位数据库，将区域排污控制总量公平合理地分配到合法排污单位，并核发排污许可证，明确允许排污单位排放污染物的种类、数量，排污权的使用期限及相关法律责任等；以省政府下达的污染物排放总量基数和减排目标为基础，根据新建、扩建、改建项目环境影响评价文件，合理确定新建、扩建、改建项目应购买的排污权指标。排污单位获取排污权后，不免除其依法缴纳排污费等法定义务。（二）建立排污权价格体系。按照实事求是、客观公正、区别对待、有利于科学发展的原则，根据国家政策、社会经济发展水平、产业排污特征等因素合理确定我市排污权基准出让价格和使用年限，并视情况进行定期动态调整，全面建立与我市经济社会发展水平相协调、适应环境保护实际需要的排污权价格体系。（三）建立排污权交易机制。新建、改建、扩建项目新增排污量必须通过排污权交易有偿取得。排污单位通过实施技术创新、管理创新、提高污染治理技术水平和结构调整并经核查确认后的富余排污总量指标，需要出让的，应通过排污权交易市场进行出让，转让收益全部留归企业。要严格市场准入，加强对交易行为的监管，核准上市交易的排污权，确保排污权交易符合排污总量控制和污染减排的要求，符合产业政策和环境准入标准。（四）建立排污权储备与调控机制。为保障重大项目建设的排污总量指标，加强对排污权交易市场的调控，政府开展排污权储备。政府储备排污权的渠道主要包括：1.在初始排污权分配时，政府按照不超过5%的比例预留；2.由政府按照市场价格回购或强制收回部分排污单位因产业结构调整、技术进步等原因关闭、停产、转产、迁出而腾出的排污权；3.政府投资减排项目腾出的排污权。

  Part IV  Building a Standardised and Effective Mechanism for the Paid Use and Trading of Emission Rights (1) Establishing an emission-rights allocation mechanism. The paid use of emission rights by existing emitters shall be implemented actively and prudently. In accordance with standardised technical rules, a database of existing emitters shall be established, the regional total emission control quantity shall be allocated fairly and reasonably to lawful emitters, and pollutant discharge permits shall be issued specifying the types and quantities of pollutants that each emitter is permitted to discharge, the term of use of the emission rights, the related legal liabilities and other matters. On the basis of the total pollutant emission base and the emission-reduction targets issued by the provincial government, and according to the environmental impact assessment documents of new construction, expansion and reconstruction projects, the emission-right quotas that such projects shall purchase shall be reasonably determined. Obtaining emission rights shall not exempt an emitter from its statutory obligations, such as paying pollutant discharge fees according to law. (2) Establishing an emission-rights price system. In accordance with the principles of seeking truth from facts, objectivity and fairness, differentiated treatment and conduciveness to scientific development, the benchmark transfer price and the term of use of emission rights in this Municipality shall be reasonably determined on the basis of national policies, the level of social and economic development, the emission characteristics of industries and other factors, and shall be adjusted periodically and dynamically as circumstances require, so as to establish comprehensively an emission-rights price system that is commensurate with the Municipality's level of economic and social development and meets the actual needs of environmental protection. (3) Establishing an emission-rights trading mechanism. The additional emissions of new construction, reconstruction and expansion projects must be obtained for consideration through emission-rights trading. Where an emitter needs to transfer surplus total emission quotas generated through technological innovation, management innovation, raising the technical level of pollution treatment and structural adjustment, and confirmed upon verification, it shall transfer them through the emission-rights trading market, and the proceeds of the transfer shall be retained in full by the enterprise. Market access shall be strictly controlled, supervision over trading conduct shall be strengthened, and emission rights listed for trading shall be approved, so as to ensure that emission-rights trading meets the requirements of total emission quantity control and pollution reduction and complies with industrial policies and environmental access standards. (4) Establishing an emission-rights reserve and regulation mechanism. In order to secure total emission quotas for the construction of major projects and to strengthen the regulation of the emission-rights trading market, the government shall build up a reserve of emission rights. The channels through which the government reserves emission rights mainly include: 1. reservation by the government, at the time of the initial allocation of emission rights, of a proportion not exceeding 5%; 2. buy-back by the government at market prices, or compulsory recovery, of the emission rights freed up by emitters that close, suspend production, switch production or relocate for reasons such as industrial restructuring or technological progress; 3. emission rights freed up by government-funded emission-reduction projects.

  Rule: A trade under the allocation and trading mechanisms

    Background:
      Given a trade in Linyi that meets every requirement

    Scenario: A verified surplus, approved for listing and sold on the trading market within all requirements, may be traded
      When the trade is checked
      Then the decision is "eligible"
      And no facts are missing

    Scenario: (1) A project buying exactly the quantity determined from its EIA documents may buy it
      Given the buyer's project's EIA quantity t per year is "8"
      And the trade's quantity t per year is "8"
      When the trade is checked
      Then the decision is "eligible"
      And the decision does not rest on "linyi-2014/part-4/sec-1"

    Scenario Outline: (1) A <kind> project buying more than determined from its EIA documents goes to review, under the stated interpretation
      Given the buyer's project's kind is "<kind>"
      And the trade's quantity t per year is "8.5"
      When the trade is checked
      Then the decision is "needs_review"
      And "linyi-2014/part-4/sec-1" is found "needs_review"
      And the decision rests on "linyi-2014/part-4/sec-1"
      And the decision shows the interpretation of "linyi-2014/part-4/sec-1#quantity-exceeds-eia"

      Examples:
        | kind     |
        | new      |
        | rebuilt  |
        | expanded |

    Scenario: (1) The EIA quantity binds new, rebuilt and expanded projects, not an existing emitter
      Given the buyer's project's kind is "existing"
      And the trade's quantity t per year is "20"
      When the trade is checked
      Then the decision is "eligible"

    Scenario: (1) The quantity determined from the EIA documents is a fact to request, never a pass
      Given the buyer's project's EIA quantity t per year is not known
      When the trade is checked
      Then the decision is "needs_review"
      And "linyi-2014/part-4/sec-1" is found "needs_review"
      And the facts to request include "buyer.project.eia_quantity_t_per_year"

    Scenario: (3) Surplus not confirmed upon verification may not be transferred
      Given the holding's surplus verified is "false"
      When the trade is checked
      Then the decision is "ineligible"
      And "linyi-2014/part-4/sec-3" is found "ineligible"
      And the finding "linyi-2014/part-4/sec-3#surplus-not-verified" is "ineligible"

    Scenario: (3) Surplus must be transferred through the emission-rights trading market
      Given the trade's venue designated platform is "false"
      When the trade is checked
      Then the decision is "ineligible"
      And "linyi-2014/part-4/sec-3" is found "ineligible"
      And the finding "linyi-2014/part-4/sec-3#not-through-trading-market" is "ineligible"

    Scenario: (3) Emission rights listed for trading must be approved
      Given the trade's listing approved is "false"
      When the trade is checked
      Then the decision is "ineligible"
      And the finding "linyi-2014/part-4/sec-3#listing-not-approved" is "ineligible"

    Scenario: (3) Trading must meet the requirements of total emission control and pollution reduction
      Given the trade's conforms total control is "false"
      When the trade is checked
      Then the decision is "ineligible"
      And the finding "linyi-2014/part-4/sec-3#total-control-and-reduction" is "ineligible"

    Scenario: (3) Trading must comply with industrial policies
      Given the trade's conforms industrial policy is "false"
      When the trade is checked
      Then the decision is "ineligible"
      And the finding "linyi-2014/part-4/sec-3#industrial-policy" is "ineligible"

    Scenario: (3) Trading must comply with environmental access standards
      Given the trade's meets environmental access is "false"
      When the trade is checked
      Then the decision is "ineligible"
      And the finding "linyi-2014/part-4/sec-3#environmental-access" is "ineligible"

    Scenario Outline: (3) Whether <requirement> is a fact to request, never a pass
      Given the <owner>'s <fact> is not known
      When the trade is checked
      Then the decision is "needs_review"
      And "linyi-2014/part-4/sec-3" is found "needs_review"
      And the facts to request include "<path>"

      Examples:
        | requirement                                    | owner   | fact                       | path                             |
        | the surplus was confirmed upon verification    | holding | surplus verified           | holding.surplus_verified         |
        | the venue is the trading market                | trade   | venue designated platform  | trade.venue.designated_platform  |
        | the rights were approved for listing           | trade   | listing approved           | trade.listing_approved           |
        | the trade meets total control and reduction    | trade   | conforms total control     | trade.conforms_total_control     |
        | the trade complies with industrial policy      | trade   | conforms industrial policy | trade.conforms_industrial_policy |
        | the trade meets environmental access standards | trade   | meets environmental access | trade.meets_environmental_access |

    Scenario: (3) Every unmet requirement of the trading mechanism is reported, not only the first
      Given the holding's surplus verified is "false"
      And the trade's venue designated platform is "false"
      And the trade's listing approved is "false"
      And the trade's conforms total control is "false"
      And the trade's conforms industrial policy is "false"
      And the trade's meets environmental access is "false"
      When the trade is checked
      Then the decision is "ineligible"
      And the finding "linyi-2014/part-4/sec-3#surplus-not-verified" is "ineligible"
      And the finding "linyi-2014/part-4/sec-3#not-through-trading-market" is "ineligible"
      And the finding "linyi-2014/part-4/sec-3#listing-not-approved" is "ineligible"
      And the finding "linyi-2014/part-4/sec-3#total-control-and-reduction" is "ineligible"
      And the finding "linyi-2014/part-4/sec-3#industrial-policy" is "ineligible"
      And the finding "linyi-2014/part-4/sec-3#environmental-access" is "ineligible"
      And every finding cites its clause verbatim in Chinese and English

  Rule: (1) A project obtains the quota its EIA documents determine (acquisition)

    Background:
      Given an acquisition request in Linyi that meets every requirement

    Scenario: A project obtaining exactly the quota determined from its EIA documents may obtain it
      When the request is checked
      Then the decision is "eligible"
      And the decision does not rest on "linyi-2014/part-4/sec-1"
      And no facts are missing

    Scenario Outline: A <kind> project obtaining more than its EIA documents determine goes to review, under the stated interpretation
      Given the party's project's kind is "<kind>"
      And the acquisition's quantity t per year is "8.5"
      When the request is checked
      Then the decision is "needs_review"
      And "linyi-2014/part-4/sec-1" is found "needs_review"
      And the finding "linyi-2014/part-4/sec-1#acquisition-exceeds-eia" is "needs_review"
      And the decision shows the interpretation of "linyi-2014/part-4/sec-1#acquisition-exceeds-eia"

      Examples:
        | kind     |
        | new      |
        | rebuilt  |
        | expanded |

    Scenario: The EIA quota binds new, rebuilt and expanded projects, not an existing emitter
      Given the party's project's kind is "existing"
      And the acquisition's quantity t per year is "20"
      When the request is checked
      Then the decision is "eligible"
      And the decision does not rest on "linyi-2014/part-4/sec-1"

    Scenario: The quota determined from the EIA documents is a fact to request, never a pass
      Given the party's project's EIA quantity t per year is not known
      When the request is checked
      Then the decision is "needs_review"
      And "linyi-2014/part-4/sec-1" is found "needs_review"
      And the facts to request include "party.project.eia_quantity_t_per_year"

  Rule: (1) The regional total is allocated to lawful emitters, with discharge permits issued (allocation)

    Background:
      Given an allocation request in Linyi that meets every requirement

    Scenario: An allocation within the regional total, with permits issued, is compliant
      When the request is checked
      Then the decision is "compliant"
      And the decision does not rest on "linyi-2014/part-4/sec-1"
      And no facts are missing

    Scenario: The rights allocated may reach exactly the regional total
      Given the allocation's total allocated t per year is "2000"
      When the request is checked
      Then the decision is "compliant"
      And the decision does not rest on "linyi-2014/part-4/sec-1"

    Scenario: The rights allocated may not exceed the regional total emission control quantity
      Given the allocation's total allocated t per year is "2000.5"
      When the request is checked
      Then the decision is "non_compliant"
      And "linyi-2014/part-4/sec-1" is found "non_compliant"
      And the finding "linyi-2014/part-4/sec-1#allocation-exceeds-regional-total" is "non_compliant"

    Scenario: An allocation must be followed by discharge permits stating the pollutants, quantities and term
      Given the allocation's permits issued is "false"
      When the request is checked
      Then the decision is "non_compliant"
      And the finding "linyi-2014/part-4/sec-1#permits-not-issued" is "non_compliant"
      And the decision rests on "linyi-2014/part-4/sec-1"

    Scenario Outline: For an allocation, <what> is a fact to request, never a pass
      Given the allocation's <fact> is not known
      When the request is checked
      Then the decision is "needs_review"
      And "linyi-2014/part-4/sec-1" is found "needs_review"
      And the facts to request include "allocation.<path>"

      Examples:
        | what                        | fact                     | path                     |
        | the regional total          | region target t per year | region_target_t_per_year |
        | whether permits were issued | permits issued           | permits_issued           |

  Rule: (1) An emitter's rights are stated in its discharge permit (holding)

    Background:
      Given a holding request in Linyi that meets every requirement

    Scenario: Rights stated in an issued discharge permit are compliant
      When the request is checked
      Then the decision is "compliant"
      And the decision does not rest on "linyi-2014/part-4/sec-1"
      And no facts are missing

    Scenario: Rights not stated in an issued discharge permit are not compliant
      Given the holding's confirmed by permit is "false"
      When the request is checked
      Then the decision is "non_compliant"
      And "linyi-2014/part-4/sec-1" is found "non_compliant"
      And the finding "linyi-2014/part-4/sec-1#holding-without-permit" is "non_compliant"

    Scenario: Whether the rights are stated in a permit is a fact to request, never a pass
      Given the holding's confirmed by permit is not known
      When the request is checked
      Then the decision is "needs_review"
      And "linyi-2014/part-4/sec-1" is found "needs_review"
      And the facts to request include "holding.confirmed_by_permit"

  Rule: (1) Obtaining rights does not exempt an emitter from the discharge fee and its other legal duties (enterprise)

    Background:
      Given an enterprise request in Linyi that meets every requirement

    Scenario: An emitter of Linyi is compliant, and is reminded that it still pays the discharge fee and bears its other legal duties
      When the request is checked
      Then the decision is "compliant"
      And "linyi-2014/part-4/sec-1" is found "notice"
      And the finding "linyi-2014/part-4/sec-1#continuing-duties" is "notice"
      And the decision rests on "linyi-2014/part-4/sec-1"
      And no facts are missing

    Scenario: The continuing duty is stated whatever else is known of the emitter
      Given the party's name is not known
      When the request is checked
      Then the decision is "compliant"
      And "linyi-2014/part-4/sec-1" is found "notice"

    Scenario: An emitter outside Linyi is not reminded under the Linyi Plan
      Given the party's city is "济南市"
      When the request is checked
      Then the decision is "not_applicable"
      And the decision does not rest on "linyi-2014/part-4/sec-1"

  Rule: (3) The additional emissions of new, rebuilt and expanded projects are obtained only through trading (acquisition)

    Background:
      Given an acquisition request in Linyi that meets every requirement

    Scenario: An expanded project obtaining its additional emissions through trading may obtain them
      When the request is checked
      Then the decision is "eligible"
      And the decision does not rest on "linyi-2014/part-4/sec-3"

    Scenario Outline: The additional emissions of a <kind> project may not be obtained by <method>
      Given the party's project's kind is "<kind>"
      And the acquisition's new emissions is "true"
      And the acquisition's method is "<method>"
      When the request is checked
      Then the decision is "ineligible"
      And "linyi-2014/part-4/sec-3" is found "ineligible"
      And the finding "linyi-2014/part-4/sec-3#new-emissions-not-by-trading" is "ineligible"
      And the decision rests on "linyi-2014/part-4/sec-3"

      Examples:
        | kind     | method          |
        | new      | paid_allocation |
        | rebuilt  | free_allocation |
        | expanded | other           |

    Scenario: Where a project's rights are not traded, whether they are additional emissions is a fact to request for (3), while Part II para. 2 refuses them already
      Given the acquisition's new emissions is not known
      And the acquisition's method is "paid_allocation"
      When the request is checked
      Then the decision is "ineligible"
      And "linyi-2014/part-4/sec-3" is found "needs_review"
      And the facts to request include "acquisition.new_emissions"
      And the finding "linyi-2014/part-2/para-2#project-rights-not-by-trading" is "ineligible"

  Rule: (4) item 1 — the government reserves at most 5% at the initial allocation

    Background:
      Given an allocation request in Linyi that meets every requirement
      And the allocation's total allocated t per year is "1600"

    Scenario Outline: A reserve of <reserve> t/a out of an initial allocation of 1,600 t/a is <share>, so the allocation is <decision>
      Given the allocation's reserve t per year is "<reserve>"
      When the request is checked
      Then the decision is "<decision>"

      Examples:
        | reserve | share         | decision      |
        | 60      | 3.75%         | compliant     |
        | 80      | exactly 5%    | compliant     |
        | 80.1    | just above 5% | non_compliant |

    Scenario: A reserve above 5% of the initial allocation is not compliant, under the stated interpretation of its base
      Given the allocation's reserve t per year is "96"
      When the request is checked
      Then the decision is "non_compliant"
      And "linyi-2014/part-4/sec-4/item-1" is found "non_compliant"
      And the finding "linyi-2014/part-4/sec-4/item-1#reserve-above-five-percent" is "non_compliant"
      And the decision rests on "linyi-2014/part-4/sec-4/item-1"
      And the decision shows the interpretation of "linyi-2014/part-4/sec-4/item-1#reserve-above-five-percent"

    Scenario: The 5% limit is set for the initial allocation, not for a later one
      Given the allocation's initial is "false"
      And the allocation's reserve t per year is "200"
      When the request is checked
      Then the decision is "compliant"
      And the decision does not rest on "linyi-2014/part-4/sec-4/item-1"

    Scenario Outline: For the reserve, <what> is a fact to request, never a pass
      Given the allocation's reserve t per year is "200"
      And the allocation's <fact> is not known
      When the request is checked
      Then the decision is "needs_review"
      And "linyi-2014/part-4/sec-4/item-1" is found "needs_review"
      And the facts to request include "allocation.<path>"

      Examples:
        | what                                 | fact                       | path                       |
        | whether it is the initial allocation | initial                    | initial                    |
        | the total of the initial allocation  | total allocated t per year | total_allocated_t_per_year |

    Scenario: The quantity kept back is a fact to request, never a pass
      Given the allocation's reserve t per year is not known
      When the request is checked
      Then the decision is "needs_review"
      And "linyi-2014/part-4/sec-4/item-1" is found "needs_review"
      And the facts to request include "allocation.reserve_t_per_year"

  Rule: (4) item 2 — the government buys back at the market price, or recalls by force, the rights freed by closure, suspension, conversion or relocation

    Background:
      Given a buyback request in Linyi that meets every requirement

    Scenario: The Plan leaves the choice between buy-back at market price and forced recall to the government, so it goes to review with the market amount shown
      When the request is checked
      Then the decision is "needs_review"
      And "linyi-2014/part-4/sec-4/item-2" is found "needs_review"
      And the finding "linyi-2014/part-4/sec-4/item-2#reserve-buyback-or-recall" is "needs_review"
      And the amount "market_buyback_amount_cny" is 100000.00 CNY
      And no facts are missing
      And the decision shows the interpretation of "linyi-2014/part-4/sec-4/item-2#reserve-buyback-or-recall"

    Scenario Outline: Rights freed by <event> are a reserve channel; at <price> CNY a tonne, <quantity> t/a are worth <amount> CNY
      Given the event's kind is "<event>"
      And the holding's quantity t per year is "<quantity>"
      And the holding's market price CNY per t is "<price>"
      When the request is checked
      Then the decision is "needs_review"
      And the finding "linyi-2014/part-4/sec-4/item-2#reserve-buyback-or-recall" is "needs_review"
      And the amount "market_buyback_amount_cny" is <amount> CNY

      Examples:
        | event             | quantity | price | amount    |
        | closure           | 20       | 5000  | 100000.00 |
        | suspension        | 12.5     | 4200  | 52500.00  |
        | production_change | 3.2      | 3850  | 12320.00  |
        | relocation_out    | 0.75     | 4100  | 3075.00   |

    Scenario: The causes named (industrial restructuring, technical progress) are an open list, so a closure for another cause is a reserve channel too
      Given the event's cause is "other"
      When the request is checked
      Then the decision is "needs_review"
      And the finding "linyi-2014/part-4/sec-4/item-2#reserve-buyback-or-recall" is "needs_review"

    Scenario: Bankruptcy is not among the events (4) item 2 lists
      Given the event's kind is "bankruptcy"
      When the request is checked
      Then the decision is "not_applicable"
      And "linyi-2014/part-4/sec-4/item-2" is found "not_applicable"
      And the finding "linyi-2014/part-4/sec-4/item-2#event-not-listed" is "not_applicable"
      And no amount "market_buyback_amount_cny" is shown

    Scenario: What happened to the emitter is a fact to request, never a pass
      Given the event's kind is not known
      When the request is checked
      Then the decision is "needs_review"
      And "linyi-2014/part-4/sec-4/item-2" is found "needs_review"
      And the facts to request include "event.kind"

    Scenario: Without the market price, the buy-back amount cannot be computed
      Given the holding's market price CNY per t is not known
      When the request is checked
      Then the decision is "needs_review"
      And the amount "market_buyback_amount_cny" cannot be computed without "holding.market_price_cny_per_t"

  Rule: (2) and (4) item 3 — the price system and the reserve from public projects

    Scenario: (2) directs the authorities to set and adjust the base price and term, and is presented as organisational
      Then the clause "linyi-2014/part-4/sec-2" is presented as organisational with its reason
      And no rule decides "linyi-2014/part-4/sec-2"

    Scenario: (4) item 3 names rights freed by government-funded reduction projects as a reserve source, and is presented as declaratory
      Then the clause "linyi-2014/part-4/sec-4/item-3" is presented as declaratory with its reason
      And no rule decides "linyi-2014/part-4/sec-4/item-3"
