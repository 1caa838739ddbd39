@xuzhou-2015 @art-17
Feature: Xuzhou Measures (2015), Art. 17 — emitters that may not acquire emission rights
  第十七条　下列排污单位不得受让排污权指标：（一）所在区域被列入市级以上（含市级）重点污染整治或者被实行区域限批的；（二）未完成政府下达的主要污染物削减任务或者环境保护行政主管部门下达的污染治理任务的；（三）企业环境行为信用等级被评为红色或黑色的；（四）其他依法不能进行交易的。

  Article 17  The following emitters may not acquire emission-right quotas by transfer: (1) those located in an area that has been listed for key pollution remediation at or above the municipal level (municipal level included) or that is subject to regional suspension of project approvals; (2) those that have not completed the major-pollutant reduction tasks assigned by the government or the pollution treatment tasks assigned by the competent environmental protection administrative department; (3) enterprises whose environmental conduct credit rating has been assessed as red or black; (4) others that may not trade according to law.

  Background:
    Given a trade in Xuzhou that meets every requirement

  Scenario: A buyer in good standing in an unrestricted area may acquire
    When the trade is checked
    Then the decision is "eligible"
    And no facts are missing

  Scenario: (1) A buyer in an area listed for key pollution rectification at city level or above may not acquire
    Given the buyer's region's key pollution rectification is "true"
    When the trade is checked
    Then the decision is "ineligible"
    And "xuzhou-2015/art-17/item-1" is found "ineligible"
    And the decision rests on "xuzhou-2015/art-17/item-1"

  Scenario: (1) A buyer in an area under regional suspension of project approvals may not acquire
    Given the buyer's region's approval restricted is "true"
    When the trade is checked
    Then the decision is "ineligible"
    And "xuzhou-2015/art-17/item-1" is found "ineligible"

  Scenario: (1) Whether the buyer's area is restricted is a fact to request, never a pass
    Given the buyer's region's key pollution rectification is not known
    And the buyer's region's approval restricted is not known
    When the trade is checked
    Then the decision is "needs_review"
    And "xuzhou-2015/art-17/item-1" is found "needs_review"
    And the facts to request include "buyer.region.key_pollution_rectification"
    And the facts to request include "buyer.region.approval_restricted"

  Scenario: (2) A buyer that has not completed its reduction tasks may not acquire
    Given the buyer's reduction tasks completed is "false"
    When the trade is checked
    Then the decision is "ineligible"
    And "xuzhou-2015/art-17/item-2" is found "ineligible"

  Scenario: (2) A buyer that has not completed its treatment tasks may not acquire
    Given the buyer's treatment tasks completed is "false"
    When the trade is checked
    Then the decision is "ineligible"
    And "xuzhou-2015/art-17/item-2" is found "ineligible"

  Scenario: (2) Whether the buyer completed its tasks is a fact to request, never a pass
    Given the buyer's reduction tasks completed is not known
    When the trade is checked
    Then the decision is "needs_review"
    And "xuzhou-2015/art-17/item-2" is found "needs_review"
    And the facts to request include "buyer.reduction_tasks_completed"

  Scenario Outline: (3) A buyer rated red or black may not acquire; other ratings may
    Given the buyer's credit rating is "<rating>"
    When the trade is checked
    Then the decision is "<decision>"

    Examples:
      | rating | decision   |
      | red    | ineligible |
      | 黑色   | ineligible |
      | green  | eligible   |
      | yellow | eligible   |

  Scenario: (3) A buyer rated red is refused under item (3)
    Given the buyer's credit rating is "red"
    When the trade is checked
    Then "xuzhou-2015/art-17/item-3" is found "ineligible"
    And the decision rests on "xuzhou-2015/art-17/item-3"

  Scenario: (3) An unknown credit rating is a fact to request, never a pass
    Given the buyer's credit rating is not known
    When the trade is checked
    Then the decision is "needs_review"
    And the facts to request include "buyer.credit_rating"

  Scenario: (4) A buyer otherwise barred by law may not acquire, under the stated interpretation
    Given the buyer's other legal bar is "true"
    When the trade is checked
    Then the decision is "ineligible"
    And "xuzhou-2015/art-17/item-4" is found "ineligible"
    And the decision shows the interpretation of "xuzhou-2015/art-17/item-4#buyer-otherwise-barred"

  Scenario: (4) An undeclared other legal bar goes to review
    Given the buyer's other legal bar is not known
    When the trade is checked
    Then the decision is "needs_review"
    And "xuzhou-2015/art-17/item-4" is found "needs_review"
    And the facts to request include "buyer.other_legal_bar"

  Scenario: Every failing item is reported, not only the first
    Given the buyer's region's approval restricted is "true"
    And the buyer's treatment tasks completed is "false"
    And the buyer's credit rating is "black"
    And the buyer's other legal bar is "true"
    When the trade is checked
    Then the decision is "ineligible"
    And "xuzhou-2015/art-17/item-1" is found "ineligible"
    And "xuzhou-2015/art-17/item-2" is found "ineligible"
    And "xuzhou-2015/art-17/item-3" is found "ineligible"
    And "xuzhou-2015/art-17/item-4" is found "ineligible"
    And every finding cites its clause verbatim in Chinese and English
