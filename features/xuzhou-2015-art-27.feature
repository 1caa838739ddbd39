@xuzhou-2015 @art-27
Feature: Xuzhou Measures (2015), Art. 27 — publication of trading information
  第二十七条　市公共资源交易管理机构及时公布排污权有偿使用和交易有关信息，向社会公开，接受社会监督。

  Article 27  The municipal public resources trading administration body shall promptly publish information relating to the paid use and trading of emission rights, make it public to society and accept public supervision.

  Scenario: Art. 27 directs the public-resources trading body to publish information, and is presented as organisational
    Then the clause "xuzhou-2015/art-27" is presented as organisational with its reason
    And no rule decides "xuzhou-2015/art-27"
