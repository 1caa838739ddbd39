@xuzhou-2015 @art-21
Feature: Xuzhou Measures (2015), Art. 21 — trading across counties, county-level cities and districts
  第二十一条　跨县（市、区）的排污权交易，应当符合出让方所在区域的排污总量控制和受让方所在地的环境质量控制要求，并经出让方、受让方所在地环境保护行政主管部门和市环境保护行政主管部门同意后，方可依据本办法规定交易。

  Article 21  Emission-rights trading across counties (county-level cities or districts) shall comply with the total emission quantity control requirements of the area where the transferor is located and the environmental quality control requirements of the place where the transferee is located, and may be conducted in accordance with these Measures only after the consent of the competent environmental protection administrative departments of the places where the transferor and the transferee are located and of the municipal competent environmental protection administrative department has been obtained.

  Background:
    Given a trade in Xuzhou that meets every requirement

  Scenario: A trade within one county is not a cross-county trade
    Given the seller and the buyer are in "铜山区" and "铜山区"
    When the trade is checked
    Then the decision is "eligible"
    And the decision does not rest on "xuzhou-2015/art-21"
    And no facts are missing

  Scenario: A cross-county trade meeting both control requirements with all three consents may proceed
    Given the seller and the buyer are in "铜山区" and "鼓楼区"
    And the trade's seller region within total control is "true"
    And the trade's buyer area meets quality requirement is "true"
    And the trade's consents seller county EPB is "true"
    And the trade's consents buyer county EPB is "true"
    And the trade's consents city EPB is "true"
    When the trade is checked
    Then the decision is "eligible"
    And the decision does not rest on "xuzhou-2015/art-21"

  Scenario Outline: A cross-county trade may not proceed where <requirement> is not met
    Given the seller and the buyer are in "铜山区" and "鼓楼区"
    And the trade's seller region within total control is "true"
    And the trade's buyer area meets quality requirement is "true"
    And the trade's consents seller county EPB is "true"
    And the trade's consents buyer county EPB is "true"
    And the trade's consents city EPB is "true"
    And the trade's <fact> is "false"
    When the trade is checked
    Then the decision is "ineligible"
    And "xuzhou-2015/art-21" is found "ineligible"
    And the finding "xuzhou-2015/art-21#<rule>" is "ineligible"

    Examples:
      | requirement                                                    | fact                                 | rule                        |
      | the total emission control of the seller's area                | seller region within total control   | seller-region-total-control |
      | the environmental quality control of the buyer's area          | buyer area meets quality requirement | buyer-area-quality          |
      | the consent of the EPB where the seller is located             | consents seller county EPB           | seller-county-epb-consent   |
      | the consent of the EPB where the buyer is located              | consents buyer county EPB            | buyer-county-epb-consent    |
      | the consent of the city EPB                                    | consents city EPB                    | city-epb-consent            |

  Scenario Outline: A cross-county trade without a known <requirement> goes to review naming it
    Given the seller and the buyer are in "铜山区" and "鼓楼区"
    And the trade's seller region within total control is "true"
    And the trade's buyer area meets quality requirement is "true"
    And the trade's consents seller county EPB is "true"
    And the trade's consents buyer county EPB is "true"
    And the trade's consents city EPB is "true"
    And the trade's <fact> is not known
    When the trade is checked
    Then the decision is "needs_review"
    And "xuzhou-2015/art-21" is found "needs_review"
    And the facts to request include "<path>"

    Examples:
      | requirement                                 | fact                                 | path                                       |
      | compliance with the seller area's control   | seller region within total control   | trade.seller_region_within_total_control   |
      | compliance with the buyer area's quality    | buyer area meets quality requirement | trade.buyer_area_meets_quality_requirement |
      | consent of the seller's county EPB          | consents seller county EPB           | trade.consents.seller_county_epb           |
      | consent of the buyer's county EPB           | consents buyer county EPB            | trade.consents.buyer_county_epb            |
      | consent of the city EPB                     | consents city EPB                    | trade.consents.city_epb                    |

  Scenario: Whether the parties are in different counties is a fact to request
    Given the seller's county is not known
    When the trade is checked
    Then the decision is "needs_review"
    And "xuzhou-2015/art-21" is found "needs_review"
    And the facts to request include "seller.county"

  Scenario: A cross-county trade failing every requirement reports each one
    Given the seller and the buyer are in "铜山区" and "鼓楼区"
    And the trade's seller region within total control is "false"
    And the trade's buyer area meets quality requirement is "false"
    And the trade's consents seller county EPB is "false"
    And the trade's consents buyer county EPB is "false"
    And the trade's consents city EPB is "false"
    When the trade is checked
    Then the decision is "ineligible"
    And the finding "xuzhou-2015/art-21#seller-region-total-control" is "ineligible"
    And the finding "xuzhou-2015/art-21#buyer-area-quality" is "ineligible"
    And the finding "xuzhou-2015/art-21#seller-county-epb-consent" is "ineligible"
    And the finding "xuzhou-2015/art-21#buyer-county-epb-consent" is "ineligible"
    And the finding "xuzhou-2015/art-21#city-epb-consent" is "ineligible"
    And every finding cites its clause verbatim in Chinese and English
