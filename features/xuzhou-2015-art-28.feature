@xuzhou-2015 @art-28
Feature: Xuzhou Measures (2015), Art. 28 — investigation of emitters' violations
  第二十八条　排污单位违反本办法规定的，由市环境保护、财政、价格行政主管部门依法查处。

  Article 28  Where an emitter violates the provisions of these Measures, the municipal competent environmental protection, finance and price administrative departments shall investigate and deal with the matter according to law.

  Scenario: Art. 28 assigns the investigation of violations to the departments and sets no sanction of its own, so it is presented as organisational
    Then the clause "xuzhou-2015/art-28" is presented as organisational with its reason
    And no rule decides "xuzhou-2015/art-28"

  Scenario: An emitter's violation is found under the article it breaches, not under Art. 28
    Given an enterprise request in Xuzhou that meets every requirement
    And the party's fraud in trading is "true"
    When the request is checked
    Then the decision is "non_compliant"
    And the decision rests on "xuzhou-2015/art-25"
    And the decision does not rest on "xuzhou-2015/art-28"
