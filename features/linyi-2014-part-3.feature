@linyi-2014 @part-3
Feature: Linyi Plan (2014), Part III — pilot scope and work arrangements
  三、试点范围和工作安排（一）试点范围　列入2010年污染源普查基数的工业企业和2010年以后新建、改建、扩建项目增加排污总量的工业企业。排污权交易市场建立后，逐步扩大至所有排污单位。（二）工作安排2014年11月底前，制定《临沂市排污权有偿使用和交易办法》（试行），全面建立初始排污权有偿使用和交易定价机制；确定排污权交易平台。2014年12月底前，进一步建立健全排污权交易技术规程；结合“十二五”期间主要污染物总量控制工作，对现有排污单位排污情况进行调查核定；在全市范围内正式开展排污权有偿使用和交易工作。2015年6月底前，进一步完善相关政策法规体系，逐步扩大交易范围、增加交易总量，建成比较完善的初始排污权分配和排污权交易管理信息系统，基本形成管理规范、交易顺畅的排污权交易市场。

  Part III  Pilot Scope and Work Arrangements (1) Pilot scope  Industrial enterprises included in the base of the 2010 pollution source census, and industrial enterprises whose total emissions have increased through new construction, reconstruction or expansion projects after 2010. After the emission-rights trading market has been established, the scope shall be gradually extended to all emitters. (2) Work arrangements By the end of November 2014, the Linyi Municipality Measures for the Paid Use and Trading of Emission Rights (Trial) shall be formulated and a pricing mechanism for the paid use and trading of initial emission rights shall be fully established; the emission-rights trading platform shall be determined. By the end of December 2014, the technical rules for emission-rights trading shall be further established and improved; in combination with the total quantity control of major pollutants during the 12th Five-Year Plan period, the emissions of existing emitters shall be investigated and verified; and the paid use and trading of emission rights shall formally commence throughout the Municipality. By the end of June 2015, the relevant system of policies and regulations shall be further improved, the scope of trading shall be gradually expanded and the total volume of trading increased, a relatively complete management information system for the allocation of initial emission rights and for emission-rights trading shall be built, and an emission-rights trading market with standardised administration and smooth trading shall basically take shape.

  Rule: A trade is within the pilot where both parties are pilot enterprises of Linyi, from the city-wide start of trading

    Background:
      Given a trade in Linyi that meets every requirement

    Scenario: A trade between industrial enterprises of Linyi within the pilot scope is governed by the Plan
      When the trade is checked
      Then the decision is "eligible"
      And the Linyi Plan applies
      And no facts are missing

    Scenario Outline: (1) The pilot does not cover a trade where the <party> is outside Linyi
      Given the <party>'s city is "<city>"
      When the trade is checked
      Then the decision is "not_applicable"
      And the Linyi Plan does not apply
      And "linyi-2014/part-3/sec-1" is found "not_applicable"
      And the decision rests on "linyi-2014/part-3/sec-1"

      Examples:
        | party  | city   |
        | seller | 济南市 |
        | buyer  | 日照市 |

    Scenario: (1) Where a party's city is not known, whether the pilot covers the trade is a fact to request
      Given the buyer's city is not known
      When the trade is checked
      Then the decision is "needs_review"
      And "linyi-2014/part-3/sec-1" is found "needs_review"
      And the facts to request include "buyer.city"

    Scenario Outline: (1) The pilot covers industrial enterprises only, so a non-industrial <party> is outside it
      Given the <party>'s industrial is "false"
      When the trade is checked as of "2015-03-01"
      Then the decision is "not_applicable"
      And the Linyi Plan does not apply
      And "linyi-2014/part-3/sec-1" is found "not_applicable"

      Examples:
        | party  |
        | seller |
        | buyer  |

    Scenario: (1) A seller in the 2010 pollution source census base is within the pilot
      Given the seller's in 2010 census is "true"
      And the seller's post 2010 project increasing emissions is "false"
      When the trade is checked
      Then the decision is "eligible"

    Scenario: (1) A seller whose project since 2010 increased its total emissions is within the pilot
      Given the seller's in 2010 census is "false"
      And the seller's post 2010 project increasing emissions is "true"
      When the trade is checked
      Then the decision is "eligible"

    Scenario: (1) A seller neither in the 2010 census base nor with a post-2010 project is outside the pilot
      Given the seller's in 2010 census is "false"
      And the seller's post 2010 project increasing emissions is "false"
      When the trade is checked as of "2015-03-01"
      Then the decision is "not_applicable"
      And the Linyi Plan does not apply
      And "linyi-2014/part-3/sec-1" is found "not_applicable"
      And the decision rests on "linyi-2014/part-3/sec-1"

    Scenario: (1) A buyer neither in the 2010 census base nor with a post-2010 project is outside the pilot
      Given the buyer's in 2010 census is "false"
      And the buyer's post 2010 project increasing emissions is "false"
      When the trade is checked as of "2015-03-01"
      Then the decision is "not_applicable"
      And "linyi-2014/part-3/sec-1" is found "not_applicable"

    Scenario: (1) Whether a seller outside the census base has a post-2010 project is a fact to request
      Given the seller's in 2010 census is "false"
      And the seller's post 2010 project increasing emissions is not known
      When the trade is checked
      Then the decision is "needs_review"
      And "linyi-2014/part-3/sec-1" is found "needs_review"
      And the facts to request include "seller.post_2010_project_increasing_emissions"

    Scenario Outline: (1) and (2) para. 3: once the scope was to be extended (from July 2015), a party outside the original pilot goes to review
      Given the <party>'s <fact> is "false"
      When the trade is checked as of "<day>"
      Then the decision is "<decision>"
      And "linyi-2014/part-3/sec-1" is found "<decision>"

      Examples:
        | party  | fact       | day        | decision       |
        | seller | industrial | 2015-06-30 | not_applicable |
        | seller | industrial | 2015-07-01 | needs_review   |
        | buyer  | industrial | 2020-01-01 | needs_review   |

    Scenario: (1) After the scheduled extension, a seller outside the census base and without a post-2010 project goes to review under the stated interpretation
      Given the seller's in 2010 census is "false"
      And the seller's post 2010 project increasing emissions is "false"
      When the trade is checked as of "2020-01-01"
      Then the decision is "needs_review"
      And the finding "linyi-2014/part-3/sec-1#outside-pilot-after-extension" is "needs_review"
      And the decision rests on "linyi-2014/part-3/sec-2/para-3"
      And the decision shows the interpretation of "linyi-2014/part-3/sec-1#outside-pilot-after-extension"

    Scenario Outline: (2) para. 2: trading was to begin city-wide by the end of December 2014, so a trade dated <day> is <decision>
      Given the trade is dated "<day>"
      When the trade is checked
      Then the decision is "<decision>"

      Examples:
        | day        | decision     |
        | 2014-11-17 | needs_review |
        | 2014-12-31 | needs_review |
        | 2015-01-01 | eligible     |

    Scenario: (2) para. 2: a trade before 1 January 2015 goes to review of whether trading had begun, under the stated interpretation
      Given the trade is dated "2014-12-31"
      When the trade is checked
      Then the decision is "needs_review"
      And "linyi-2014/part-3/sec-2/para-2" is found "needs_review"
      And the decision rests on "linyi-2014/part-3/sec-2/para-2"
      And no facts are missing
      And the decision shows the interpretation of "linyi-2014/part-3/sec-2/para-2#before-citywide-start"

  Rule: (1) An emitter's acquisition, holding, buy-back or conduct is within the pilot only in Linyi and, until the scope was extended, only for the pilot enterprises

    Scenario Outline: The <kind> of a pilot enterprise of Linyi is governed by the Plan
      Given <a> <kind> request in Linyi that meets every requirement
      When the request is checked
      Then the decision is "<decision>"
      And the Linyi Plan applies
      And the Xuzhou Measures do not apply
      And the decision does not rest on "linyi-2014/part-3/sec-1"

      Examples:
        | a  | kind        | decision     |
        | an | acquisition | eligible     |
        | a  | holding     | compliant    |
        | a  | buyback     | needs_review |
        | an | enterprise  | compliant    |

    Scenario Outline: The pilot does not cover the <kind> of an emitter outside Linyi
      Given <a> <kind> request in Linyi that meets every requirement
      And the party's city is "济南市"
      When the request is checked
      Then the decision is "not_applicable"
      And the Linyi Plan does not apply
      And "linyi-2014/part-3/sec-1" is found "not_applicable"
      And the finding "linyi-2014/part-3/sec-1#emitter-outside-linyi" is "not_applicable"

      Examples:
        | a  | kind        |
        | an | acquisition |
        | a  | holding     |
        | a  | buyback     |
        | an | enterprise  |

    Scenario Outline: Where the emitter's city is not known, whether the pilot covers its <kind> is a fact to request
      Given <a> <kind> request in Linyi that meets every requirement
      And the party's city is not known
      When the request is checked
      Then the decision is "needs_review"
      And "linyi-2014/part-3/sec-1" is found "needs_review"
      And the facts to request include "party.city"

      Examples:
        | a  | kind        |
        | an | acquisition |
        | a  | enterprise  |

    Scenario Outline: Before July 2015, the <kind> of an emitter that is not <what> is outside the pilot
      Given <a> <kind> request in Linyi that meets every requirement
      And the party's <fact> is "false"
      And the party's post 2010 project increasing emissions is "false"
      When the request is checked as of "2015-03-01"
      Then the decision is "not_applicable"
      And the Linyi Plan does not apply
      And the finding "linyi-2014/part-3/sec-1#emitter-outside-pilot" is "not_applicable"
      And the decision rests on "linyi-2014/part-3/sec-1"

      Examples:
        | a  | kind       | what                                                | fact           |
        | a  | holding    | an industrial enterprise                            | industrial     |
        | an | enterprise | in the 2010 census base or with a post-2010 project | in 2010 census |

    Scenario: Before July 2015, an acquisition by an emitter neither in the 2010 census base nor with a post-2010 project is outside the pilot
      Given an acquisition request in Linyi that meets every requirement
      And the acquisition's date is "2015-03-01"
      And the party's post 2010 project increasing emissions is "false"
      When the request is checked
      Then the decision is "not_applicable"
      And the finding "linyi-2014/part-3/sec-1#emitter-outside-pilot" is "not_applicable"

    Scenario: Before July 2015, the buy-back of a non-industrial emitter's rights is outside the pilot
      Given a buyback request in Linyi that meets every requirement
      And the event's date is "2015-03-01"
      And the party's industrial is "false"
      When the request is checked
      Then the decision is "not_applicable"
      And the finding "linyi-2014/part-3/sec-1#emitter-outside-pilot" is "not_applicable"

    Scenario Outline: From July 2015, when the scope was to be extended to all emitters, the <kind> of an emitter outside the original pilot goes to review
      Given <a> <kind> request in Linyi that meets every requirement
      And the party's in 2010 census is "false"
      And the party's post 2010 project increasing emissions is "false"
      When the request is checked
      Then the decision is "needs_review"
      And "linyi-2014/part-3/sec-1" is found "needs_review"
      And the finding "linyi-2014/part-3/sec-1#emitter-outside-pilot-after-extension" is "needs_review"
      And the decision rests on "linyi-2014/part-3/sec-2/para-3"
      And the decision shows the interpretation of "linyi-2014/part-3/sec-1#emitter-outside-pilot-after-extension"

      Examples:
        | a  | kind        |
        | an | acquisition |
        | a  | holding     |
        | a  | buyback     |
        | an | enterprise  |

    Scenario Outline: The pilot boundary falls on 1 July 2015 for an emitter's holding (as of <day>)
      Given a holding request in Linyi that meets every requirement
      And the party's industrial is "false"
      When the request is checked as of "<day>"
      Then the decision is "<decision>"

      Examples:
        | day        | decision       |
        | 2015-06-30 | not_applicable |
        | 2015-07-01 | needs_review   |

    Scenario: Whether an emitter outside the census base has a post-2010 project is a fact to request, never a pass
      Given an enterprise request in Linyi that meets every requirement
      And the party's in 2010 census is "false"
      When the request is checked
      Then the decision is "needs_review"
      And "linyi-2014/part-3/sec-1" is found "needs_review"
      And the facts to request include "party.post_2010_project_increasing_emissions"

  Rule: (1) An allocation is governed by the Plan where the region allocated is in Linyi

    Background:
      Given an allocation request in Linyi that meets every requirement

    Scenario: An allocation in a district of Linyi is governed by the Plan
      When the request is checked
      Then the decision is "compliant"
      And the Linyi Plan applies
      And the Xuzhou Measures do not apply
      And the decision does not rest on "linyi-2014/part-3/sec-1"

    Scenario: The Plan does not apply to an allocation outside Linyi
      Given the allocation's city is "日照市"
      When the request is checked
      Then the decision is "not_applicable"
      And the Linyi Plan does not apply
      And the finding "linyi-2014/part-3/sec-1#allocation-outside-linyi" is "not_applicable"
      And the decision rests on "linyi-2014/part-3/sec-1"

    Scenario: The city of the region allocated is a fact to request, never a pass
      Given the allocation's city is not known
      When the request is checked
      Then the decision is "needs_review"
      And "linyi-2014/part-3/sec-1" is found "needs_review"
      And the facts to request include "allocation.city"

  Rule: (2) para. 2 — trading was to begin city-wide by the end of December 2014, for acquisitions as for trades

    Background:
      Given an acquisition request in Linyi that meets every requirement

    Scenario Outline: An acquisition dated <day> is <decision>
      Given the acquisition's date is "<day>"
      When the request is checked
      Then the decision is "<decision>"

      Examples:
        | day        | decision       |
        | 2014-11-16 | not_applicable |
        | 2014-11-17 | needs_review   |
        | 2014-12-31 | needs_review   |
        | 2015-01-01 | eligible       |

    Scenario: An acquisition before 1 January 2015 goes to review of whether trading had begun, under the stated interpretation
      Given the acquisition's date is "2014-12-31"
      When the request is checked
      Then the decision is "needs_review"
      And "linyi-2014/part-3/sec-2/para-2" is found "needs_review"
      And the decision rests on "linyi-2014/part-3/sec-2/para-2"
      And no facts are missing
      And the decision shows the interpretation of "linyi-2014/part-3/sec-2/para-2#before-citywide-start"

  Rule: (2) paras. 1 and 3 — the timetable of the authorities' tasks

    Scenario: (2) para. 1 (measures, pricing and platform by the end of November 2014) is presented as organisational
      Then the clause "linyi-2014/part-3/sec-2/para-1" is presented as organisational with its reason
      And no rule decides "linyi-2014/part-3/sec-2/para-1"

    Scenario: (2) para. 3 (extension by the end of June 2015) is organisational, but its date is where the pilot scope's extension is read from
      Then the clause "linyi-2014/part-3/sec-2/para-3" is presented as organisational with its reason
      And a rule decides "linyi-2014/part-3/sec-2/para-3"
