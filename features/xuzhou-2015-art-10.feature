@xuzhou-2015 @art-10
Feature: Xuzhou Measures (2015), Art. 10 — a project's rights are obtained by paid trading, in the quantity its environmental impact assessment sets
  第十条本办法实施后的新建项目排污权和改建、扩建项目新增排污权，应通过排污权交易有偿获得。新、改、扩建项目的排污权根据其环境影响评价结果核定。

  Article 10 After these Measures come into effect, the emission rights of new construction projects and the additional emission rights of reconstruction and expansion projects shall be obtained for consideration through emission-rights trading. The emission rights of new construction, reconstruction and expansion projects shall be verified according to the results of their environmental impact assessment.

  Rule: Para. 2 — a trade for a new, rebuilt or expanded project buys the quantity its EIA sets

    Background:
      Given a trade in Xuzhou that meets every requirement

    Scenario: A project buying exactly the quantity set by its EIA may buy it
      Given the buyer's project's EIA quantity t per year is "12.5"
      And the trade's quantity t per year is "12.5"
      When the trade is checked
      Then the decision is "eligible"
      And the decision does not rest on "xuzhou-2015/art-10/para-2"

    Scenario: A project buying less than the quantity set by its EIA may buy it
      Given the trade's quantity t per year is "10"
      When the trade is checked
      Then the decision is "eligible"

    Scenario Outline: A <kind> project buying more than its EIA quantity goes to review, under the stated interpretation
      Given the buyer's project's kind is "<kind>"
      And the trade's quantity t per year is "12.6"
      When the trade is checked
      Then the decision is "needs_review"
      And "xuzhou-2015/art-10/para-2" is found "needs_review"
      And the decision rests on "xuzhou-2015/art-10/para-2"
      And no facts are missing
      And the decision shows the interpretation of "xuzhou-2015/art-10/para-2#quantity-exceeds-eia"

      Examples:
        | kind     |
        | new      |
        | rebuilt  |
        | expanded |

    Scenario: The EIA rule speaks of new, rebuilt and expanded projects only, not of an existing emitter
      Given the buyer's project's kind is "existing"
      And the trade's quantity t per year is "20"
      When the trade is checked
      Then the decision is "eligible"
      And the decision does not rest on "xuzhou-2015/art-10/para-2"

    Scenario: The quantity set by the project's EIA is a fact to request, never a pass
      Given the buyer's project's EIA quantity t per year is not known
      When the trade is checked
      Then the decision is "needs_review"
      And "xuzhou-2015/art-10/para-2" is found "needs_review"
      And the facts to request include "buyer.project.eia_quantity_t_per_year"

    Scenario: The quantity traded is a fact to request, never a pass
      Given the trade's quantity t per year is not known
      When the trade is checked
      Then the decision is "needs_review"
      And the facts to request include "trade.quantity_t_per_year"

  Rule: Para. 1 — after the Measures took effect, a new project's rights and a rebuilt or expanded project's additional rights are obtained only through paid trading

    Background:
      Given an acquisition request in Xuzhou that meets every requirement

    Scenario: A new project that obtains its rights through emission-rights trading may obtain them
      When the request is checked
      Then the decision is "eligible"
      And the decision does not rest on "xuzhou-2015/art-10/para-1"
      And no facts are missing

    Scenario Outline: A new project may not obtain its rights by <method>
      Given the acquisition's method is "<method>"
      When the request is checked
      Then the decision is "ineligible"
      And "xuzhou-2015/art-10/para-1" is found "ineligible"
      And the finding "xuzhou-2015/art-10/para-1#new-project-not-by-trading" is "ineligible"
      And the decision rests on "xuzhou-2015/art-10/para-1"

      Examples:
        | method          |
        | paid_allocation |
        | free_allocation |
        | other           |

    Scenario Outline: The additional emissions of a <kind> project may not be obtained by <method>
      Given the party's project's kind is "<kind>"
      And the acquisition's new emissions is "true"
      And the acquisition's method is "<method>"
      When the request is checked
      Then the decision is "ineligible"
      And the finding "xuzhou-2015/art-10/para-1#new-emissions-not-by-trading" is "ineligible"
      And the decision rests on "xuzhou-2015/art-10/para-1"

      Examples:
        | kind     | method          |
        | rebuilt  | paid_allocation |
        | expanded | free_allocation |

    Scenario: Para. 1 speaks of a rebuilt project's additional emissions, not of the emissions it already had
      Given the party's project's kind is "rebuilt"
      And the acquisition's new emissions is "false"
      And the acquisition's method is "paid_allocation"
      When the request is checked
      Then the decision is "eligible"
      And the decision does not rest on "xuzhou-2015/art-10/para-1"

    Scenario: Para. 1 does not reach an existing emitter's rights
      Given the party's project's kind is "existing"
      And the acquisition's method is "paid_allocation"
      When the request is checked
      Then the decision is "eligible"
      And the decision does not rest on "xuzhou-2015/art-10/para-1"

    Scenario: How the rights are obtained is a fact to request, never a pass
      Given the acquisition's method is not known
      When the request is checked
      Then the decision is "needs_review"
      And "xuzhou-2015/art-10/para-1" is found "needs_review"
      And the facts to request include "acquisition.method"

    Scenario: Where an expanded project's rights are not traded, whether they are additional emissions is a fact to request
      Given the party's project's kind is "expanded"
      And the acquisition's method is "paid_allocation"
      And the acquisition's new emissions is not known
      When the request is checked
      Then the decision is "needs_review"
      And "xuzhou-2015/art-10/para-1" is found "needs_review"
      And the facts to request include "acquisition.new_emissions"

    Scenario Outline: Para. 1 binds from the Measures' entry into force (a paid allocation to a new project dated <day>)
      Given the acquisition's method is "paid_allocation"
      And the acquisition's date is "<day>"
      When the request is checked
      Then the decision is "<decision>"
      And the decision rests on "<clause>"

      Examples:
        | day        | decision       | clause                    |
        | 2015-12-09 | not_applicable | xuzhou-2015/art-31/para-1 |
        | 2015-12-10 | ineligible     | xuzhou-2015/art-10/para-1 |

  Rule: Para. 2 — the rights a new, rebuilt or expanded project obtains are set by its EIA

    Background:
      Given an acquisition request in Xuzhou that meets every requirement

    Scenario: A project obtaining exactly the quantity its EIA sets may obtain it
      Given the party's project's EIA quantity t per year is "6.5"
      And the acquisition's quantity t per year is "6.5"
      When the request is checked
      Then the decision is "eligible"
      And the decision does not rest on "xuzhou-2015/art-10/para-2"

    Scenario Outline: A <kind> project obtaining more than its EIA quantity goes to review, under the stated interpretation
      Given the party's project's kind is "<kind>"
      And the acquisition's quantity t per year is "6.6"
      And the acquisition's demand t per year is "6.6"
      And the acquisition's supply t per year is "6.6"
      When the request is checked
      Then the decision is "needs_review"
      And "xuzhou-2015/art-10/para-2" is found "needs_review"
      And the finding "xuzhou-2015/art-10/para-2#acquisition-exceeds-eia" is "needs_review"
      And no facts are missing
      And the decision shows the interpretation of "xuzhou-2015/art-10/para-2#acquisition-exceeds-eia"

      Examples:
        | kind     |
        | new      |
        | rebuilt  |
        | expanded |

    Scenario: The EIA quantity binds new, rebuilt and expanded projects only, not an existing emitter
      Given the party's project's kind is "existing"
      And the acquisition's quantity t per year is "20"
      When the request is checked
      Then the decision is "eligible"
      And the decision does not rest on "xuzhou-2015/art-10/para-2"

    Scenario Outline: The <which> is a fact to request, never a pass
      Given the <owner>'s <words> is not known
      When the request is checked
      Then the decision is "needs_review"
      And "xuzhou-2015/art-10/para-2" is found "needs_review"
      And the facts to request include "<path>"

      Examples:
        | which                   | owner           | words                   | path                                  |
        | quantity set by the EIA | party's project | EIA quantity t per year | party.project.eia_quantity_t_per_year |
        | quantity obtained       | acquisition     | quantity t per year     | acquisition.quantity_t_per_year       |
