@xuzhou-2015 @art-26
Feature: Xuzhou Measures (2015), Art. 26 — supervision by the departments and confidentiality
  第二十六条　环保、财政、审计、价格行政主管部门应当加强对排污权交易的监管，及时掌握排污权有偿使用和交易情况，并为交易双方保守商业和技术秘密。

  Article 26  The competent environmental protection, finance, audit and price administrative departments shall strengthen supervision over emission-rights trading, keep abreast of the paid use and trading of emission rights in a timely manner, and keep the commercial and technical secrets of both trading parties confidential.

  Scenario: Art. 26 directs the EPB, finance, audit and price departments to supervise trading and keep the parties' secrets, and is presented as organisational
    Then the clause "xuzhou-2015/art-26" is presented as organisational with its reason
    And no rule decides "xuzhou-2015/art-26"
