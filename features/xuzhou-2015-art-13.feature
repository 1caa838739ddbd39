@xuzhou-2015 @art-13
Feature: Xuzhou Measures (2015), Art. 13 — the five-year paid-use term, re-verification, the permit, the contract and the fee
  第十三条主要污染物排污权实行有偿使用，有偿使用期限为5年。有效期限届满后，排污权指标应当经环境保护行政主管部门重新核定。排污权以排污许可证形式予以确认。排污单位应当与环境保护主管部门签订排污权有偿使用合同，缴纳有偿使用费，并凭合同及缴费凭证领取或者更换排污许可证。

  Article 13 Major-pollutant emission rights are subject to paid use, and the term of paid use is 5 years. Upon expiry of the term of validity, the emission-right quota shall be re-verified by the competent environmental protection administrative department. Emission rights shall be confirmed in the form of a pollutant discharge permit. An emitter shall sign an emission-rights paid-use contract with the competent environmental protection department, pay the paid-use fee, and obtain or renew its pollutant discharge permit on the strength of the contract and the proof of payment.

  Rule: Para. 1 — rights offered for sale past their five-year term must first be re-verified

    Background:
      Given a trade in Xuzhou that meets every requirement
      And the holding's term start is "2019-03-01"

    Scenario: Rights within their five-year term may be sold
      When the trade is checked as of "2021-06-30"
      Then the decision is "eligible"
      And the decision does not rest on "xuzhou-2015/art-13/para-1"

    Scenario: The five-year term includes the corresponding day five years later
      When the trade is checked as of "2024-03-01"
      Then the decision is "eligible"
      And the decision does not rest on "xuzhou-2015/art-13/para-1"

    Scenario: After the term has expired, rights not re-verified by the EPB may not be sold
      Given the holding's reverified after term is "false"
      When the trade is checked as of "2024-03-02"
      Then the decision is "ineligible"
      And "xuzhou-2015/art-13/para-1" is found "ineligible"
      And the decision rests on "xuzhou-2015/art-13/para-1"
      And the decision shows the interpretation of "xuzhou-2015/art-13/para-1#term-expired"

    Scenario: After the term has expired, rights re-verified by the EPB may be sold
      Given the holding's reverified after term is "true"
      When the trade is checked as of "2024-03-02"
      Then the decision is "eligible"
      And the decision does not rest on "xuzhou-2015/art-13/para-1"

    Scenario: After the term has expired, whether the rights were re-verified is a fact to request
      Given the holding's reverified after term is not known
      When the trade is checked as of "2024-03-02"
      Then the decision is "needs_review"
      And "xuzhou-2015/art-13/para-1" is found "needs_review"
      And the facts to request include "holding.reverified_after_term"

    Scenario: The term is measured at the trade date when no other date is given
      Given the holding's reverified after term is "false"
      And the trade is dated "2024-03-02"
      When the trade is checked
      Then the decision is "ineligible"
      And "xuzhou-2015/art-13/para-1" is found "ineligible"

    Scenario Outline: A term starting on 29 February ends on 28 February five years later (as of <day>)
      Given the holding's term start is "2016-02-29"
      And the holding's reverified after term is "false"
      When the trade is checked as of "<day>"
      Then the decision is "<decision>"

      Examples:
        | day        | decision   |
        | 2021-02-28 | eligible   |
        | 2021-03-01 | ineligible |

    Scenario: The start of the paid-use term is a fact to request, never a pass
      Given the holding's term start is not known
      When the trade is checked
      Then the decision is "needs_review"
      And "xuzhou-2015/art-13/para-1" is found "needs_review"
      And the facts to request include "holding.term_start"

  Rule: Para. 1 — rights held past their five-year paid-use term must be re-verified by the EPB

    Background:
      Given a holding request in Xuzhou that meets every requirement
      And the holding's term start is "2019-03-01"

    Scenario: Rights held on the corresponding day five years later are still within their term
      When the request is checked as of "2024-03-01"
      Then the decision is "compliant"
      And the decision does not rest on "xuzhou-2015/art-13/para-1"
      And no facts are missing

    Scenario: Rights held after the term has expired, not re-verified, are not compliant
      Given the holding's reverified after term is "false"
      When the request is checked as of "2024-03-02"
      Then the decision is "non_compliant"
      And "xuzhou-2015/art-13/para-1" is found "non_compliant"
      And the finding "xuzhou-2015/art-13/para-1#held-past-term" is "non_compliant"
      And the decision shows the interpretation of "xuzhou-2015/art-13/para-1#held-past-term"

    Scenario: Rights re-verified by the EPB after the term may still be held
      Given the holding's reverified after term is "true"
      When the request is checked as of "2024-03-02"
      Then the decision is "compliant"
      And the decision does not rest on "xuzhou-2015/art-13/para-1"

    Scenario: After the term has expired, whether the rights were re-verified is a fact to request
      When the request is checked as of "2024-03-02"
      Then the decision is "needs_review"
      And "xuzhou-2015/art-13/para-1" is found "needs_review"
      And the facts to request include "holding.reverified_after_term"

    Scenario Outline: A term starting on 29 February 2016 ends on 28 February 2021 (holding as of <day>)
      Given the holding's term start is "2016-02-29"
      And the holding's reverified after term is "false"
      When the request is checked as of "<day>"
      Then the decision is "<decision>"

      Examples:
        | day        | decision      |
        | 2021-02-28 | compliant     |
        | 2021-03-01 | non_compliant |

    Scenario: The start of the paid-use term is a fact to request, never a pass
      Given the holding's term start is not known
      When the request is checked
      Then the decision is "needs_review"
      And "xuzhou-2015/art-13/para-1" is found "needs_review"
      And the facts to request include "holding.term_start"

  Rule: Para. 2 — emission rights are confirmed in the form of a discharge permit

    Background:
      Given a holding request in Xuzhou that meets every requirement

    Scenario: Rights confirmed in the emitter's discharge permit are compliant
      When the request is checked
      Then the decision is "compliant"
      And the decision does not rest on "xuzhou-2015/art-13/para-2"
      And no facts are missing

    Scenario: Rights not confirmed in a discharge permit are not compliant
      Given the holding's confirmed by permit is "false"
      When the request is checked
      Then the decision is "non_compliant"
      And "xuzhou-2015/art-13/para-2" is found "non_compliant"
      And the finding "xuzhou-2015/art-13/para-2#not-confirmed-by-permit" is "non_compliant"
      And the decision rests on "xuzhou-2015/art-13/para-2"

    Scenario: Whether the rights are confirmed in a permit is a fact to request, never a pass
      Given the holding's confirmed by permit is not known
      When the request is checked
      Then the decision is "needs_review"
      And "xuzhou-2015/art-13/para-2" is found "needs_review"
      And the facts to request include "holding.confirmed_by_permit"

  Rule: Para. 3 — an emitter with paid-use rights signs the paid-use contract with the EPB and pays the fee

    Background:
      Given a holding request in Xuzhou that meets every requirement
      And the holding's acquired by is "paid_allocation"

    Scenario Outline: Paid-use rights without <missing> are not compliant
      Given the holding's <fact> is "false"
      When the request is checked
      Then the decision is "non_compliant"
      And "xuzhou-2015/art-13/para-3" is found "non_compliant"
      And the finding "xuzhou-2015/art-13/para-3#no-paid-use-contract-or-fee" is "non_compliant"
      And the decision rests on "xuzhou-2015/art-13/para-3"

      Examples:
        | missing                          | fact                     |
        | a paid-use contract with the EPB | paid use contract signed |
        | the paid-use fee paid            | paid use fee paid        |

    Scenario Outline: For paid-use rights, whether <what> is a fact to request, never a pass
      Given the holding's <fact> is not known
      When the request is checked
      Then the decision is "needs_review"
      And "xuzhou-2015/art-13/para-3" is found "needs_review"
      And the facts to request include "holding.<path>"

      Examples:
        | what                    | fact                     | path                     |
        | the contract was signed | paid use contract signed | paid_use_contract_signed |
        | the fee was paid        | paid use fee paid        | paid_use_fee_paid        |

    Scenario: The paid-use contract with the EPB concerns rights allocated for a fee, not rights bought from another emitter
      Given the holding's acquired by is "trade"
      And the holding's paid use contract signed is "false"
      When the request is checked
      Then the decision is "compliant"
      And the decision does not rest on "xuzhou-2015/art-13/para-3"

    Scenario: How the rights were obtained is a fact to request where no paid-use contract was signed
      Given the holding's acquired by is not known
      And the holding's paid use contract signed is "false"
      When the request is checked
      Then the decision is "needs_review"
      And "xuzhou-2015/art-13/para-3" is found "needs_review"
      And the facts to request include "holding.acquired_by"
