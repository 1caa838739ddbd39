@xuzhou-2015 @art-20
Feature: Xuzhou Measures (2015), Art. 20 — buy-back of paid rights, free recall of free rights, on closure, bankruptcy or relocation
  第二十条通过有偿分配或者交易获得排污权的排污单位发生关闭、破产、迁出所属行政区域等情况，其排污权由政府按排污权富余指标的有效年限及排污权购买当年基准价进行回购。无偿获得排污权的排污单位出现上述情况的，政府无偿收回其排污权。

  Article 20 Where an emitter that has obtained emission rights through paid allocation or trading closes down, goes bankrupt, relocates out of its administrative area or is in a similar situation, its emission rights shall be bought back by the government according to the remaining valid term of the surplus emission-right quotas and the benchmark price of the year in which the emission rights were purchased. Where an emitter that obtained its emission rights free of charge is in any of the above situations, the government shall recover its emission rights free of charge.

  The buy-back price is the quantity (t/a) × the remaining validity in years (days from the event to the
  end of the five-year paid-use term, ÷ 365, to four decimals) × the base price of the purchase year.

  Background:
    Given a buyback request in Xuzhou that meets every requirement

  Scenario: Para. 1: a dye works that obtained its rights by paid allocation closes, and the government buys them back
    When the request is checked
    Then the decision is "eligible"
    And "xuzhou-2015/art-20/para-1" is found "notice"
    And the finding "xuzhou-2015/art-20/para-1#paid-rights-bought-back" is "notice"
    And the amount "buyback_amount_cny" is 35047.20 CNY
    And the decision shows the interpretation of "xuzhou-2015/art-20/para-1#paid-rights-bought-back"
    And no facts are missing

  Scenario Outline: Para. 1: rights obtained by <source>, on <event> on <day>, are bought back for <amount> CNY
    Given the holding's acquired by is "<source>"
    And the holding's quantity t per year is "<quantity>"
    And the holding's term start is "<term start>"
    And the holding's acquired on is "<term start>"
    And the holding's base price CNY per t year is "<base price>"
    And the event's kind is "<event>"
    And the event's date is "<day>"
    When the request is checked
    Then the decision is "eligible"
    And "xuzhou-2015/art-20/para-1" is found "notice"
    And the amount "buyback_amount_cny" is <amount> CNY

    # remaining days by hand: 914 = 184 + 365 + 365; 365 (29 Feb 2024 to 28 Feb 2025); 929 = 365 + 365 + 199
    Examples:
      | source          | event          | quantity | term start | base price | day        | amount   |
      | trade           | closure        | 10       | 2022-01-01 | 2400       | 2024-07-01 | 60098.40 |
      | paid_allocation | bankruptcy     | 5        | 2020-02-29 | 3000       | 2024-02-29 | 15000.00 |
      | trade           | relocation_out | 7.5      | 2023-05-20 | 2850       | 2025-11-03 | 54403.65 |

  Scenario Outline: Para. 1: with <left> of the five-year term left, the buy-back amount is <amount> CNY
    Given the event's date is "<day>"
    When the request is checked
    Then the decision is "eligible"
    And the amount "buyback_amount_cny" is <amount> CNY

    Examples:
      | left    | day        | amount |
      | one day | 2026-03-31 | 64.80  |
      | no day  | 2026-04-01 | 0.00   |

  Scenario: Para. 2: rights obtained free of charge are recalled by the government without compensation
    Given the holding's acquired by is "free_allocation"
    When the request is checked
    Then the decision is "ineligible"
    And "xuzhou-2015/art-20/para-2" is found "ineligible"
    And the finding "xuzhou-2015/art-20/para-2#free-rights-recalled" is "ineligible"
    And the decision rests on "xuzhou-2015/art-20/para-2"
    And no amount "buyback_amount_cny" is shown

  Scenario Outline: Para. 2 applies on each event listed: <event>
    Given the holding's acquired by is "free_allocation"
    And the event's kind is "<event>"
    When the request is checked
    Then the decision is "ineligible"
    And "xuzhou-2015/art-20/para-2" is found "ineligible"

    Examples:
      | event          |
      | closure        |
      | bankruptcy     |
      | relocation_out |

  Scenario Outline: A <event> is not among the events Art. 20 lists, so Art. 20 does not apply
    Given the event's kind is "<event>"
    When the request is checked
    Then the decision is "not_applicable"
    And "xuzhou-2015/art-20/para-1" is found "not_applicable"
    And the finding "xuzhou-2015/art-20#event-not-listed" is "not_applicable"
    And no amount "buyback_amount_cny" is shown

    Examples:
      | event             |
      | suspension        |
      | production_change |

  Scenario: Rights obtained neither for consideration nor free of charge are not provided for, so they go to review
    Given the holding's acquired by is "other_lawful"
    When the request is checked
    Then the decision is "needs_review"
    And the finding "xuzhou-2015/art-20#other-source" is "needs_review"
    And the decision rests on "xuzhou-2015/art-20/para-1"
    And the decision rests on "xuzhou-2015/art-20/para-2"

  Scenario: How the rights were obtained is a fact to request, never a pass
    Given the holding's acquired by is not known
    When the request is checked
    Then the decision is "needs_review"
    And the facts to request include "holding.acquired_by"

  Scenario: What happened to the emitter is a fact to request, never a pass
    Given the event's kind is not known
    When the request is checked
    Then the decision is "needs_review"
    And the facts to request include "event.kind"

  Scenario Outline: Para. 1: without <fact>, the buy-back amount cannot be computed and goes to review
    Given the <owner>'s <words> is not known
    When the request is checked
    Then the decision is "needs_review"
    And the finding "xuzhou-2015/art-20/para-1#buyback-amount-facts-missing" is "needs_review"
    And the amount "buyback_amount_cny" cannot be computed without "<path>"

    Examples:
      | fact                         | owner   | words                     | path                              |
      | the purchase-year base price | holding | base price CNY per t year | holding.base_price_cny_per_t_year |
      | the quantity                 | holding | quantity t per year       | holding.quantity_t_per_year       |
      | the start of the term        | holding | term start                | holding.term_start                |
      | the date of the event        | event   | date                      | event.date                        |
