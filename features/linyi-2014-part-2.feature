@linyi-2014 @part-2
Feature: Linyi Plan (2014), Part II — basic principles; new, rebuilt and expanded projects obtain their rights only by trading
  二、基本原则先易后难，循序渐进。排污权有偿使用和交易是环境管理制度的重大创新，涉及广大排污单位和多层面利益格局调整，技术操作、运行管理比较复杂，必须坚持先易后难，逐步完善，做到扎实有序推进。新老划断，区别对待。本着尊重历史、推进改革的精神，对现有排污单位和新建、改建、扩建项目，在排污权有偿使用和交易上实行差别化政策。积极推进现有排污单位的排污权有偿使用，新建、改建、扩建项目必须通过排污权交易取得排污权。依法依规，促进减排。排污单位要严格落实环保法律法规规定的各项义务和责任，坚持排污总量控制制度，依法治理污染，促进污染减排。公开公平，社会监督。建立公开透明的排污权交易规则，形成规范的排污权交易市场秩序。在加强和改进政府监管的同时，鼓励社会各界和公众参与监督。

  Part II  Basic Principles Easy before difficult, step by step. The paid use and trading of emission rights is a major innovation in the environmental management system; it concerns a large number of emitters and the adjustment of interests at many levels, and its technical operation and administration are relatively complex. It is therefore necessary to persist in tackling easy matters before difficult ones and in making gradual improvements, so as to advance the work soundly and in an orderly manner. A clear line between old and new, with differentiated treatment. In the spirit of respecting history and advancing reform, differentiated policies on the paid use and trading of emission rights shall apply to existing emitters and to new construction, reconstruction and expansion projects. The paid use of emission rights by existing emitters shall be actively advanced; new construction, reconstruction and expansion projects must obtain their emission rights through emission-rights trading. Acting in accordance with laws and rules, promoting emission reduction. Emitters shall strictly fulfil all obligations and responsibilities prescribed by environmental protection laws and regulations, adhere to the system of total emission quantity control, treat pollution according to law and promote pollution reduction. Openness and fairness, public supervision. Open and transparent rules for emission-rights trading shall be established so as to form a regulated market order for emission-rights trading. While government supervision is strengthened and improved, all sectors of society and the public shall be encouraged to participate in supervision.

  Scenario: Part II groups the basic principles, and its heading is presented as declaratory
    Then the clause "linyi-2014/part-2" is presented as declaratory with its reason
    And no rule decides "linyi-2014/part-2"

  Scenario: Para. 1 (easy before difficult, step by step) is presented as declaratory
    Then the clause "linyi-2014/part-2/para-1" is presented as declaratory with its reason
    And no rule decides "linyi-2014/part-2/para-1"

  Scenario: Para. 3 (lawful conduct and emission reduction) restates existing duties and is presented as declaratory
    Then the clause "linyi-2014/part-2/para-3" is presented as declaratory with its reason
    And no rule decides "linyi-2014/part-2/para-3"

  Scenario: Para. 4 (openness, fairness and public supervision) is presented as declaratory
    Then the clause "linyi-2014/part-2/para-4" is presented as declaratory with its reason
    And no rule decides "linyi-2014/part-2/para-4"

  Rule: Para. 2 — a clear line between old and new: new, rebuilt and expanded projects must obtain their rights through trading

    Background:
      Given an acquisition request in Linyi that meets every requirement

    Scenario: An expanded project that obtains its rights through emission-rights trading may obtain them
      When the request is checked
      Then the decision is "eligible"
      And the Linyi Plan applies
      And the Xuzhou Measures do not apply
      And the decision does not rest on "linyi-2014/part-2/para-2"
      And no facts are missing

    Scenario Outline: A <kind> project may not obtain its rights by <method>
      Given the party's project's kind is "<kind>"
      And the acquisition's method is "<method>"
      When the request is checked
      Then the decision is "ineligible"
      And "linyi-2014/part-2/para-2" is found "ineligible"
      And the finding "linyi-2014/part-2/para-2#project-rights-not-by-trading" is "ineligible"
      And the decision rests on "linyi-2014/part-2/para-2"

      Examples:
        | kind     | method          |
        | new      | paid_allocation |
        | new      | free_allocation |
        | rebuilt  | paid_allocation |
        | expanded | free_allocation |
        | expanded | other           |

    Scenario: Para. 2 speaks of all the rights of a new project, not only of its additional emissions
      Given the party's project's kind is "new"
      And the acquisition's new emissions is "false"
      And the acquisition's method is "paid_allocation"
      When the request is checked
      Then the decision is "ineligible"
      And the finding "linyi-2014/part-2/para-2#project-rights-not-by-trading" is "ineligible"
      And the decision does not rest on "linyi-2014/part-4/sec-3"

    Scenario: An existing emitter's paid use is to be advanced, so its rights by paid allocation are not refused under para. 2
      Given the party's project's kind is "existing"
      And the acquisition's method is "paid_allocation"
      When the request is checked
      Then the decision is "eligible"
      And the decision does not rest on "linyi-2014/part-2/para-2"

    Scenario: How the project obtains its rights is a fact to request, never a pass
      Given the acquisition's method is not known
      When the request is checked
      Then the decision is "needs_review"
      And "linyi-2014/part-2/para-2" is found "needs_review"
      And the facts to request include "acquisition.method"

    Scenario: Where the rights are not traded, whether the project is new, rebuilt or expanded is a fact to request
      Given the party's project's kind is not known
      And the acquisition's method is "paid_allocation"
      When the request is checked
      Then the decision is "needs_review"
      And "linyi-2014/part-2/para-2" is found "needs_review"
      And the facts to request include "party.project.kind"
