@xuzhou-2015 @art-7
Feature: Xuzhou Measures (2015), Art. 7 — government-guided prices and the floor on the trading base price
  第七条排污权有偿使用和交易价格实行政府指导价，条件成熟时应实行市场调节价。主要污染物排污权有偿使用收费标准和交易基准价由市价格行政主管部门会同市财政、市环境保护行政主管部门确定并定期公布。排污权交易基准价原则上不得低于当年排污权有偿取得的价格。

  Article 7 The prices for the paid use and trading of emission rights shall be subject to government-guided pricing; when conditions are ripe, market-regulated pricing shall be adopted. The fee standard for the paid use of major-pollutant emission rights and the trading benchmark price shall be determined by the municipal competent price administrative department together with the municipal finance department and the municipal competent environmental protection administrative department, and shall be published periodically. In principle, the trading benchmark price for emission rights shall not be lower than the price at which emission rights are obtained for consideration in the same year.

  Background:
    Given a trade in Xuzhou that meets every requirement
    And the trade's stage is "completed"
    And the trade's paid use price CNY per t is "3000"

  Scenario: Para. 1 (government-guided, later market-regulated prices) is addressed to the authorities and presented as organisational
    Then the clause "xuzhou-2015/art-7/para-1" is presented as organisational with its reason
    And no rule decides "xuzhou-2015/art-7/para-1"

  Scenario: Para. 2 (the price, finance and EPB departments set and publish the fee standard and base price) is presented as organisational
    Then the clause "xuzhou-2015/art-7/para-2" is presented as organisational with its reason
    And no rule decides "xuzhou-2015/art-7/para-2"

  Scenario: Para. 3: a completed trade whose base price is above that year's paid-use price rests on no objection
    Given the trade's base price CNY per t is "3200"
    When the trade is checked
    Then the decision is "eligible"
    And the decision does not rest on "xuzhou-2015/art-7/para-3"
    And no facts are missing

  Scenario: Para. 3: a base price equal to that year's paid-use price is not lower than it
    Given the trade's base price CNY per t is "3000"
    When the trade is checked
    Then the decision is "eligible"
    And the decision does not rest on "xuzhou-2015/art-7/para-3"

  Scenario: Para. 3: a base price lower than that year's paid-use price is "in principle" not allowed, so it goes to review of its reasons
    Given the trade's base price CNY per t is "2999.99"
    When the trade is checked
    Then the decision is "needs_review"
    And "xuzhou-2015/art-7/para-3" is found "needs_review"
    And the decision rests on "xuzhou-2015/art-7/para-3"
    And no facts are missing
    And the decision shows the interpretation of "xuzhou-2015/art-7/para-3#base-price-below-paid-use-price"

  Scenario: Para. 3: however far below the paid-use price, the base price is sent to review, never refused
    Given the trade's base price CNY per t is "1500"
    When the trade is checked
    Then the decision is "needs_review"
    And "xuzhou-2015/art-7/para-3" is found "needs_review"
    And the finding "xuzhou-2015/art-7/para-3#base-price-below-paid-use-price" is "needs_review"

  Scenario: Para. 3 concerns the price a trade was done at, so a proposed trade is not checked against it
    Given the trade's stage is "proposed"
    And the trade's base price CNY per t is "2800"
    When the trade is checked
    Then the decision is "eligible"
    And the decision does not rest on "xuzhou-2015/art-7/para-3"

  Scenario Outline: Para. 3: for a completed trade, <price> is a fact to request, never a pass
    Given the trade's base price CNY per t is "2800"
    And the trade's <price> is not known
    When the trade is checked
    Then the decision is "needs_review"
    And "xuzhou-2015/art-7/para-3" is found "needs_review"
    And the facts to request include "<path>"

    Examples:
      | price                    | path                           |
      | base price CNY per t     | trade.base_price_cny_per_t     |
      | paid use price CNY per t | trade.paid_use_price_cny_per_t |
