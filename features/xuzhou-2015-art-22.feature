@xuzhou-2015 @art-22
Feature: Xuzhou Measures (2015), Art. 22 — mediation, arbitration or litigation of trading disputes
  第二十二条　排污权交易出现争议的，相关单位可以向环境保护行政主管部门申请调解，也可以按约定向仲裁机构申请仲裁或者向人民法院提起诉讼。

  Article 22  Where a dispute arises in emission-rights trading, the units concerned may apply to the competent environmental protection administrative department for mediation, or may, as agreed, apply to an arbitration institution for arbitration or bring a lawsuit before a people's court.

  Scenario: Art. 22 names the avenues for a trading dispute and decides no dispute itself, so it is presented as procedure
    Then the clause "xuzhou-2015/art-22" is presented as procedure with its reason
    And no rule decides "xuzhou-2015/art-22"
