@linyi-2014 @notice
Feature: Linyi Plan (2014), covering notice — the Plan transmitted for implementation
  各县区人民政府，市政府有关部门，临沂高新技术产业开发区管委会，临沂经济技术开发区管委会，临沂临港经济开发区管委会：《临沂市开展主要污染物排污权有偿使用和交易试点工作实施方案》已经市政府同意，现印发给你们，请认真组织实施。

  To the people's governments of all counties and districts, the relevant departments of the municipal government, the Administrative Committee of Linyi High-tech Industrial Development Zone, the Administrative Committee of Linyi Economic and Technological Development Zone and the Administrative Committee of Linyi Lingang Economic Development Zone: The Linyi Municipality Implementation Plan for the Pilot Work on the Paid Use and Trading of Major Pollutant Emission Rights has been approved by the municipal government and is hereby issued to you; please organise its implementation conscientiously.

  Scenario: The covering notice transmits the Plan to the counties, districts and departments, and is presented as procedure
    Then the clause "linyi-2014/notice" is presented as procedure with its reason
    And no rule decides "linyi-2014/notice"
