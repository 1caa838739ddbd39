@xuzhou-2015 @art-29
Feature: Xuzhou Measures (2015), Art. 29 — liability of the staff who administer the system
  第二十九条　组织、实施主要污染物排污权有偿使用和交易的工作人员滥用职权、玩忽职守、徇私舞弊的，依法给予行政处分；构成犯罪的，依法移送司法机关。

  Article 29  Where staff members organising or implementing the paid use and trading of major-pollutant emission rights abuse their powers, neglect their duties or practise favouritism for personal gain, administrative sanctions shall be imposed on them according to law; where a crime is constituted, the case shall be transferred to the judicial authorities according to law.

  Scenario: Art. 29 concerns the discipline of officials and refers to other law, so it is presented as organisational
    Then the clause "xuzhou-2015/art-29" is presented as organisational with its reason
    And no rule decides "xuzhou-2015/art-29"
