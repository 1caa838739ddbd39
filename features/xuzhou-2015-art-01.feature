@xuzhou-2015 @art-1
Feature: Xuzhou Measures (2015), Art. 1 — purpose and legal basis
  第一条　为推进和规范排污权有偿使用和交易行为，优化环境资源配置，有效控制污染物排放总量，加快经济发展方式转变，促进区域环境质量提升，依据有关法律法规和《国务院办公厅关于进一步推进排污权有偿使用和交易试点工作的指导意见》（国办发〔2014〕38号）、《省政府关于进一步加强污染减排工作的意见》（苏政发〔2011〕119号）、《江苏省二氧化硫排污权有偿使用和交易管理办法（试行）的通知》（苏环规〔2013〕2号）等相关规定，结合本市实际，制定本办法。

  Article 1  In order to advance and regulate the paid use and trading of emission rights, optimise the allocation of environmental resources, effectively control the total quantity of pollutant emissions, accelerate the transformation of the mode of economic development and promote the improvement of regional environmental quality, these Measures are formulated in accordance with the relevant laws and regulations, the Guiding Opinions of the General Office of the State Council on Further Advancing the Pilot Work on the Paid Use and Trading of Emission Rights (Guo Ban Fa [2014] No. 38), the Opinions of the Provincial Government on Further Strengthening Pollution Reduction Work (Su Zheng Fa [2011] No. 119), the Notice on the Jiangsu Province Measures for the Paid Use and Trading of Sulphur Dioxide Emission Rights (Trial) (Su Huan Gui [2013] No. 2) and other relevant provisions, and in light of the actual circumstances of this Municipality.

  Scenario: Art. 1 states why the Measures were made and on what basis, and is presented as declaratory
    Then the clause "xuzhou-2015/art-1" is presented as declaratory with its reason
    And no rule decides "xuzhou-2015/art-1"

  Scenario: A trade is decided by the operative articles, never by the statement of purpose
    Given a trade in Xuzhou that meets every requirement
    When the trade is checked
    Then the decision is "eligible"
    And the decision does not rest on "xuzhou-2015/art-1"
