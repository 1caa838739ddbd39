@xuzhou-2015 @art-23
Feature: Xuzhou Measures (2015), Art. 23 — the funds from paid use and trading
  第二十三条排污权有偿使用和交易资金的征收、使用实行收支两条线，建立完善的征收与使用资金管理制度，充分发挥专项资金在污染防治、监管能力以及排污权有偿使用、交易、储备方面的作用。具体资金管理办法由市财政部门会同市环境保护行政主管部门制定。主要污染物排污权有偿使用和交易监督管理工作日常开支所需经费由财政予以保障。

  Article 23 The collection and use of funds from the paid use and trading of emission rights shall be subject to the separation of revenue and expenditure into two lines; a sound management system for the collection and use of the funds shall be established, and full play shall be given to the role of the special funds in pollution prevention and control, supervisory capacity, and the paid use, trading and reserve of emission rights. The specific measures for the administration of the funds shall be formulated by the municipal finance department together with the municipal competent environmental protection administrative department. The funds required for the routine expenses of the supervision and administration of the paid use and trading of major-pollutant emission rights shall be guaranteed by public finance.

  Scenario: Art. 23 governs how the authorities handle the funds, and is presented as organisational
    Then the clause "xuzhou-2015/art-23" is presented as organisational with its reason
    And no rule decides "xuzhou-2015/art-23"

  Scenario: Para. 1 (two separate lines of revenue and expenditure; measures by the finance department and the EPB) is presented as organisational
    Then the clause "xuzhou-2015/art-23/para-1" is presented as organisational with its reason
    And no rule decides "xuzhou-2015/art-23/para-1"

  Scenario: Para. 2 (the authorities' routine costs borne by public finance) is presented as organisational
    Then the clause "xuzhou-2015/art-23/para-2" is presented as organisational with its reason
    And no rule decides "xuzhou-2015/art-23/para-2"
