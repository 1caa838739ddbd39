@xuzhou-2015 @art-10
Feature: Xuzhou Measures (2015), Art. 10 para. 2 — a project's rights are set by its environmental impact assessment
  第十条本办法实施后的新建项目排污权和改建、扩建项目新增排污权，应通过排污权交易有偿获得。新、改、扩建项目的排污权根据其环境影响评价结果核定。

  Article 10 After these Measures come into effect, the emission rights of new construction projects and the additional emission rights of reconstruction and expansion projects shall be obtained for consideration through emission-rights trading. The emission rights of new construction, reconstruction and expansion projects shall be verified according to the results of their environmental impact assessment.

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
