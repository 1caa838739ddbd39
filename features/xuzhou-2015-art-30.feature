@xuzhou-2015 @art-30
Feature: Xuzhou Measures (2015), Art. 30 — interpretation of the Measures
  第三十条　本办法由市环境保护局会同市财政局、市物价局负责解释。

  Article 30  The Municipal Environmental Protection Bureau, together with the Municipal Finance Bureau and the Municipal Price Bureau, shall be responsible for the interpretation of these Measures.

  Scenario: Art. 30 names the bureaus that interpret the Measures, and is presented as organisational
    Then the clause "xuzhou-2015/art-30" is presented as organisational with its reason
    And no rule decides "xuzhou-2015/art-30"
