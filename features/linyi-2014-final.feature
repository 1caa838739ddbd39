@linyi-2014 @final
Feature: Linyi Plan (2014), final provision — implemented from the date of issue, 17 November 2014
  本方案自发文之日起实施。若国家、省对排污权有偿使用和交易有新规定的，按上级有关规定执行。

  This Plan shall be implemented from the date of issuance. Where the State or the Province issues new provisions on the paid use and trading of emission rights, the relevant provisions of the higher levels shall prevail.

  临沂市人民政府办公室　2014年11月17日

  General Office of the Linyi Municipal People's Government, 17 November 2014

  Rule: A trade is governed by the Plan from its date of issue

    Background:
      Given a trade in Linyi that meets every requirement

    Scenario: A trade in Linyi after the Plan took effect is governed by it
      When the trade is checked
      Then the decision is "eligible"
      And the Linyi Plan applies
      And the Xuzhou Measures do not apply
      And no facts are missing

    Scenario: Checked as of the day before the date of issue, the Plan does not apply
      When the trade is checked as of "2014-11-16"
      Then the decision is "not_applicable"
      And the Linyi Plan does not apply
      And "linyi-2014/final" is found "not_applicable"
      And the decision rests on "linyi-2014/final"

    Scenario: A trade dated the day before the date of issue is not governed by the Plan
      Given the trade is dated "2014-11-16"
      When the trade is checked
      Then the decision is "not_applicable"
      And the decision rests on "linyi-2014/final"

    Scenario: From the date of issue the Plan applies, but trading was only scheduled to begin by the end of December 2014
      When the trade is checked as of "2014-11-17"
      Then the decision is "needs_review"
      And the Linyi Plan applies
      And the decision does not rest on "linyi-2014/final"
      And "linyi-2014/part-3/sec-2/para-2" is found "needs_review"
      And the decision shows the interpretation of "linyi-2014/part-3/sec-2/para-2#before-citywide-start"

    Scenario: From 1 January 2015 city-wide trading is presumed to have begun
      When the trade is checked as of "2015-01-01"
      Then the decision is "eligible"
      And the decision does not rest on "linyi-2014/part-3/sec-2/para-2"

  Rule: Nor is any other check decided by the Plan before its date of issue

    Scenario Outline: Checked as of 16 November 2014, the Plan does not govern <a> <kind>
      Given <a> <kind> request in Linyi that meets every requirement
      When the request is checked as of "2014-11-16"
      Then the decision is "not_applicable"
      And the Linyi Plan does not apply
      And "linyi-2014/final" is found "not_applicable"
      And the decision rests on "linyi-2014/final"

      Examples:
        | a  | kind        |
        | an | acquisition |
        | a  | holding     |
        | a  | buyback     |
        | an | allocation  |
        | an | enterprise  |

    Scenario Outline: Checked as of the date of issue, 17 November 2014, the Plan governs <a> <kind>
      Given <a> <kind> request in Linyi that meets every requirement
      When the request is checked as of "2014-11-17"
      Then the Linyi Plan applies
      And the decision does not rest on "linyi-2014/final"

      Examples:
        | a  | kind       |
        | a  | holding    |
        | an | allocation |
        | an | enterprise |
