@xuzhou-2015 @art-6
Feature: Xuzhou Measures (2015), Art. 6 — paid use and trading do not exempt an emitter from its other legal duties
  第六条　主要污染物排污权的有偿使用和交易，不免除排污单位按国家规定申报登记排放污染物、缴纳排污费等其他法定义务。

  Article 6  The paid use and trading of major-pollutant emission rights shall not exempt an emitter from its other statutory obligations, such as declaring and registering its pollutant discharges and paying pollutant discharge fees in accordance with State provisions.

  Background:
    Given an enterprise request in Xuzhou that meets every requirement

  Scenario: An emitter meeting its duties is compliant, and is reminded that its duty to register discharges and pay the discharge fee continues
    When the request is checked
    Then the decision is "compliant"
    And "xuzhou-2015/art-6" is found "notice"
    And the decision rests on "xuzhou-2015/art-6"
    And no facts are missing
    And every finding cites its clause verbatim in Chinese and English

  Scenario: The continuing duty is stated whatever else is known of the emitter
    Given the party's name is not known
    When the request is checked
    Then the decision is "compliant"
    And "xuzhou-2015/art-6" is found "notice"

  Scenario: The continuing duty is stated beside a breach of another article, and does not itself decide the breach
    Given the party's reports emissions to EPB is "false"
    When the request is checked
    Then the decision is "non_compliant"
    And "xuzhou-2015/art-24" is found "non_compliant"
    And "xuzhou-2015/art-6" is found "notice"

  Scenario: An emitter outside Xuzhou is not reminded under the Xuzhou Measures
    Given the party's city is "南京市"
    When the request is checked
    Then the decision is "not_applicable"
    And the Xuzhou Measures do not apply
    And the decision does not rest on "xuzhou-2015/art-6"

  Scenario: Before the Measures came into force on 10 December 2015, Art. 6 states nothing
    When the request is checked as of "2015-12-09"
    Then the decision is "not_applicable"
    And the decision does not rest on "xuzhou-2015/art-6"
    And "xuzhou-2015/art-31/para-1" is found "not_applicable"
