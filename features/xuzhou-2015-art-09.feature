@xuzhou-2015 @art-9
Feature: Xuzhou Measures (2015), Art. 9 — initial verification and allocation by the EPB with jurisdiction
  第九条　环境保护行政主管部门应根据有关法律法规标准、污染物总量控制要求、产业布局和污染物排放现状等，对现有排污单位的排污权进行核定。各级环境保护行政主管部门按照污染源管理权限负责辖区内现有排污单位排污权的初次核定和分配。

  Article 9  The competent environmental protection administrative department shall verify the emission rights of existing emitters on the basis of the relevant laws, regulations and standards, the requirements of total pollutant quantity control, the industrial layout, the current state of pollutant discharges and other factors. The competent environmental protection administrative departments at all levels shall, according to their competence in the administration of pollution sources, be responsible for the initial verification and allocation of the emission rights of existing emitters within their jurisdictions.

  Background:
    Given an allocation request in Xuzhou that meets every requirement

  Scenario: An initial verification and allocation by the EPB with jurisdiction over the pollution sources is compliant
    When the request is checked
    Then the decision is "compliant"
    And the decision does not rest on "xuzhou-2015/art-9"
    And no facts are missing

  Scenario: An initial verification and allocation by a department without jurisdiction over the sources is not compliant
    Given the allocation's by EPB with jurisdiction is "false"
    When the request is checked
    Then the decision is "non_compliant"
    And "xuzhou-2015/art-9" is found "non_compliant"
    And the decision rests on "xuzhou-2015/art-9"
    And the finding "xuzhou-2015/art-9#not-by-competent-epb" is "non_compliant"

  Scenario: Art. 9 assigns the initial verification only; a later verification is not decided by it
    Given the allocation's initial is "false"
    And the allocation's by EPB with jurisdiction is "false"
    When the request is checked
    Then the decision is "compliant"
    And the decision does not rest on "xuzhou-2015/art-9"

  Scenario: Whether the allocating department has jurisdiction is a fact to request, never a pass
    Given the allocation's by EPB with jurisdiction is not known
    When the request is checked
    Then the decision is "needs_review"
    And "xuzhou-2015/art-9" is found "needs_review"
    And the facts to request include "allocation.by_epb_with_jurisdiction"

  Scenario: Where a department without jurisdiction allocated, whether it was the initial allocation is a fact to request
    Given the allocation's initial is not known
    And the allocation's by EPB with jurisdiction is "false"
    When the request is checked
    Then the decision is "needs_review"
    And "xuzhou-2015/art-9" is found "needs_review"
    And the facts to request include "allocation.initial"
