@xuzhou-2015 @art-5
Feature: Xuzhou Measures (2015), Art. 5 — basic principles
  第五条　主要污染物排污权有偿使用和交易遵循循序渐进、新老有别、属地管理和总量控制、公平公开、社会监督的原则，采取政府指导下的市场化运作方式。

  Article 5  The paid use and trading of major-pollutant emission rights shall follow the principles of gradual progress, differentiation between existing and new sources, territorial administration and total quantity control, fairness and openness, and public supervision, and shall adopt a market-based mode of operation under government guidance.

  Scenario: Art. 5 states the principles and the government-guided, market-based mode of operation, and is presented as declaratory
    Then the clause "xuzhou-2015/art-5" is presented as declaratory with its reason
    And no rule decides "xuzhou-2015/art-5"
