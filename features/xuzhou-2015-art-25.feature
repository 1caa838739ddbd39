@xuzhou-2015 @art-25
Feature: Xuzhou Measures (2015), Art. 25 — discharges beyond the rights held and fraud in trading
  第二十五条　环境保护行政主管部门应当加强对排污单位排污权使用行为的执法监管，强化对排污单位的监督性监测，对于超排污权排放或在交易中弄虚作假的排污单位，依法严肃查处，并予以曝光。

  Article 25  The competent environmental protection administrative department shall strengthen enforcement supervision over emitters' use of emission rights and intensify supervisory monitoring of emitters; emitters that discharge in excess of their emission rights or practise fraud in trading shall be strictly investigated and dealt with according to law and publicly exposed.

  Background:
    Given an enterprise request in Xuzhou that meets every requirement

  Scenario: An emitter discharging less than its rights and honest in trading is compliant
    When the request is checked
    Then the decision is "compliant"
    And the decision does not rest on "xuzhou-2015/art-25"
    And no facts are missing

  Scenario: An emitter may discharge exactly the quantity of its rights
    Given the party's emissions t per year is "380"
    When the request is checked
    Then the decision is "compliant"
    And the decision does not rest on "xuzhou-2015/art-25"

  Scenario: An emitter discharging beyond the rights it holds is to be investigated and exposed
    Given the party's emissions t per year is "380.1"
    When the request is checked
    Then the decision is "non_compliant"
    And "xuzhou-2015/art-25" is found "non_compliant"
    And the finding "xuzhou-2015/art-25#emissions-exceed-rights" is "non_compliant"
    And the decision rests on "xuzhou-2015/art-25"

  Scenario: An emitter that practised fraud in trading is to be investigated and exposed
    Given the party's fraud in trading is "true"
    When the request is checked
    Then the decision is "non_compliant"
    And the finding "xuzhou-2015/art-25#fraud-in-trading" is "non_compliant"
    And the decision rests on "xuzhou-2015/art-25"

  Scenario Outline: The <what> is a fact to request, never a pass
    Given the party's <fact> is not known
    When the request is checked
    Then the decision is "needs_review"
    And "xuzhou-2015/art-25" is found "needs_review"
    And the facts to request include "party.<path>"

    Examples:
      | what                               | fact                   | path                   |
      | quantity actually discharged       | emissions t per year   | emissions_t_per_year   |
      | quantity of rights held            | rights held t per year | rights_held_t_per_year |
      | finding whether it committed fraud | fraud in trading       | fraud_in_trading       |

  Scenario: Both breaches are reported together
    Given the party's emissions t per year is "412.5"
    And the party's fraud in trading is "true"
    When the request is checked
    Then the decision is "non_compliant"
    And the finding "xuzhou-2015/art-25#emissions-exceed-rights" is "non_compliant"
    And the finding "xuzhou-2015/art-25#fraud-in-trading" is "non_compliant"
    And every finding cites its clause verbatim in Chinese and English
