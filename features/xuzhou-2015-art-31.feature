@xuzhou-2015 @art-31
Feature: Xuzhou Measures (2015), Art. 31 — entry into force on 10 December 2015
  第三十一条本办法自2015年12月10日起施行。国家、省对主要污染物排污权有偿使用和交易有新的规定的，按照其规定执行。

  Article 31 These Measures shall come into force on 10 December 2015. Where the State or the Province issues new provisions on the paid use and trading of major-pollutant emission rights, those provisions shall prevail.

  Rule: Para. 1 — a trade is governed by the Measures from 10 December 2015

    Background:
      Given a trade in Xuzhou that meets every requirement

    Scenario: A trade dated the day before 10 December 2015 is not governed by the Measures
      Given the trade is dated "2015-12-09"
      When the trade is checked
      Then the decision is "not_applicable"
      And the Xuzhou Measures do not apply
      And "xuzhou-2015/art-31/para-1" is found "not_applicable"
      And the decision rests on "xuzhou-2015/art-31/para-1"

    Scenario: A trade dated 10 December 2015 is governed by the Measures from their first day
      Given the trade is dated "2015-12-10"
      When the trade is checked
      Then the decision is "eligible"
      And the Xuzhou Measures apply
      And the decision does not rest on "xuzhou-2015/art-31/para-1"

    Scenario: Checked as of the day before entry into force, the Measures do not apply
      When the trade is checked as of "2015-12-09"
      Then the decision is "not_applicable"
      And the Xuzhou Measures do not apply
      And "xuzhou-2015/art-31/para-1" is found "not_applicable"

    Scenario: Checked as of the day of entry into force, the Measures apply
      Given the trade is dated "2015-12-09"
      When the trade is checked as of "2015-12-10"
      Then the decision is "eligible"
      And the Xuzhou Measures apply

    Scenario: Before entry into force, no other article of the Measures decides anything
      Given the trade is dated "2015-12-09"
      And the seller's credit rating is "black"
      And the buyer's other legal bar is "true"
      When the trade is checked
      Then the decision is "not_applicable"
      And the decision does not rest on "xuzhou-2015/art-16/item-3"
      And the decision does not rest on "xuzhou-2015/art-17/item-4"

  Rule: Para. 1 — nor is any other check decided by the Measures before 10 December 2015

    Scenario Outline: Checked as of 9 December 2015, the Measures do not govern <a> <kind>
      Given <a> <kind> request in Xuzhou that meets every requirement
      When the request is checked as of "2015-12-09"
      Then the decision is "not_applicable"
      And the Xuzhou Measures do not apply
      And "xuzhou-2015/art-31/para-1" is found "not_applicable"
      And the decision rests on "xuzhou-2015/art-31/para-1"

      Examples:
        | a  | kind        |
        | an | acquisition |
        | a  | holding     |
        | a  | buyback     |
        | an | allocation  |
        | an | enterprise  |

    Scenario Outline: A project obtaining rights on <day> is <decision> under the Measures
      Given an acquisition request in Xuzhou that meets every requirement
      And the acquisition's date is "<day>"
      When the request is checked
      Then the decision is "<decision>"

      Examples:
        | day        | decision       |
        | 2015-12-09 | not_applicable |
        | 2015-12-10 | eligible       |

    Scenario: A closure on 9 December 2015 is not bought back under Art. 20, which was not yet in force
      Given a buyback request in Xuzhou that meets every requirement
      And the event's date is "2015-12-09"
      When the request is checked
      Then the decision is "not_applicable"
      And the decision does not rest on "xuzhou-2015/art-20/para-1"
      And "xuzhou-2015/art-31/para-1" is found "not_applicable"

  Rule: Para. 2 — new national or provincial provisions prevail

    Scenario: Para. 2 defers to future national or provincial rules and decides nothing by itself, so it is presented as declaratory
      Then the clause "xuzhou-2015/art-31/para-2" is presented as declaratory with its reason
      And no rule decides "xuzhou-2015/art-31/para-2"
