@xuzhou-2015 @art-24
Feature: Xuzhou Measures (2015), Art. 24 — accurate measurement, reporting, and networked automatic monitoring of key emitters
  第二十四条　排污单位应当准确计量污染物排放量，主动向环境保护行政主管部门报告。重点排污单位污染源自动监测装置必须与环境保护行政主管部门联网，确保装置稳定运行、数据真实有效。

  Article 24  Emitters shall accurately measure the quantities of pollutants they discharge and report them on their own initiative to the competent environmental protection administrative department. The automatic pollution-source monitoring devices of key emitters must be connected to the network of the competent environmental protection administrative department, and the stable operation of the devices and the authenticity and validity of the data shall be ensured.

  Background:
    Given an enterprise request in Xuzhou that meets every requirement

  Scenario: A key emitter that measures and reports accurately, with networked and stable monitoring, is compliant
    When the request is checked
    Then the decision is "compliant"
    And the decision does not rest on "xuzhou-2015/art-24"
    And no facts are missing

  Scenario Outline: An emitter <duty> is not compliant
    Given the party's <fact> is "false"
    When the request is checked
    Then the decision is "non_compliant"
    And "xuzhou-2015/art-24" is found "non_compliant"
    And the finding "xuzhou-2015/art-24#<rule>" is "non_compliant"
    And the decision rests on "xuzhou-2015/art-24"

    Examples:
      | duty                                                                   | fact                          | rule                     |
      | that does not measure its discharges accurately                        | measures emissions accurately | inaccurate-measurement   |
      | that does not report its discharges to the EPB                         | reports emissions to EPB      | not-reporting            |
      | whose automatic monitoring, as a key emitter, is not networked         | monitoring networked          | monitoring-not-networked |
      | whose monitoring, as a key emitter, is not stable or its data not true | monitoring stable and valid   | monitoring-unreliable    |

  Scenario Outline: The networking and stable-operation duties bind key emitters only (<fact>)
    Given the party's key polluter is "false"
    And the party's <fact> is "false"
    When the request is checked
    Then the decision is "compliant"
    And the decision does not rest on "xuzhou-2015/art-24"

    Examples:
      | fact                        |
      | monitoring networked        |
      | monitoring stable and valid |

  Scenario: Measuring and reporting bind every emitter, key or not
    Given the party's key polluter is "false"
    And the party's measures emissions accurately is "false"
    When the request is checked
    Then the decision is "non_compliant"
    And the finding "xuzhou-2015/art-24#inaccurate-measurement" is "non_compliant"

  Scenario Outline: Whether <what> is a fact to request, never a pass
    Given the party's <fact> is not known
    When the request is checked
    Then the decision is "needs_review"
    And "xuzhou-2015/art-24" is found "needs_review"
    And the facts to request include "party.<path>"

    Examples:
      | what                                      | fact                          | path                          |
      | the emitter measures accurately           | measures emissions accurately | measures_emissions_accurately |
      | the emitter reports to the EPB            | reports emissions to EPB      | reports_emissions_to_epb      |
      | the key emitter's monitoring is networked | monitoring networked          | monitoring_networked          |
      | the key emitter's monitoring is stable    | monitoring stable and valid   | monitoring_stable_and_valid   |

  Scenario: Where the monitoring is not networked, whether the emitter is a key emitter is a fact to request
    Given the party's key polluter is not known
    And the party's monitoring networked is "false"
    When the request is checked
    Then the decision is "needs_review"
    And "xuzhou-2015/art-24" is found "needs_review"
    And the facts to request include "party.key_polluter"

  Scenario: Every unmet duty of Art. 24 is reported, not only the first
    Given the party's measures emissions accurately is "false"
    And the party's reports emissions to EPB is "false"
    And the party's monitoring networked is "false"
    And the party's monitoring stable and valid is "false"
    When the request is checked
    Then the decision is "non_compliant"
    And the finding "xuzhou-2015/art-24#inaccurate-measurement" is "non_compliant"
    And the finding "xuzhou-2015/art-24#not-reporting" is "non_compliant"
    And the finding "xuzhou-2015/art-24#monitoring-not-networked" is "non_compliant"
    And the finding "xuzhou-2015/art-24#monitoring-unreliable" is "non_compliant"
    And every finding cites its clause verbatim in Chinese and English
