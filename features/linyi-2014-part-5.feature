@linyi-2014 @part-5
Feature: Linyi Plan (2014), Part V — safeguard measures
  五、落实各项保障措施（一）加强组织领导。环保部门要发挥牵头协调作用，统筹协调推进相关工作；市发改委、市经信委、市财政局、市审计局、市物价局、市两型办等有关部门、单位要加强协作配合，共同形成推进合力，加快各项工作开展。（二）构建交易平台。筹建临沂市排污权交易平台，主要承担排污权交易的信息提供、交易服务、业务技术指导等工作。（三）制定完善政策。制定《临沂市排污权有偿使用和交易管理办法》、《临沂市排污许可证管理办法》以及排污权交易监管等实施细则。研究制定初始排污权有偿使用费征收、排污权交易收益处置、排污权交易管理费管理的具体规定。（四）加强舆论引导。要加强对排污权有偿使用和交易工作重要意义和政策措施的宣传，增强全社会特别是企业的环境保护意识，努力营造全社会关心支持环保体制机制创新的良好氛围。要引导广大企业积极开展排污权有偿使用，积极参与排污权交易，进一步形成内在激励机制，不断提高污染减排和环境保护的绩效。要及时总结经验和做法，不断把改革创新引向深入。

  Part V  Implementing Safeguard Measures (1) Strengthening organisation and leadership. The environmental protection department shall play a leading and coordinating role and coordinate and advance the related work as a whole; the Municipal Development and Reform Commission, the Municipal Economic and Information Technology Commission, the Municipal Finance Bureau, the Municipal Audit Bureau, the Municipal Price Bureau, the Municipal Two-Oriented Society Office and other relevant departments and units shall strengthen cooperation, jointly form a combined driving force and accelerate the carrying out of all work. (2) Building a trading platform. The Linyi Municipality emission-rights trading platform shall be prepared and established, mainly undertaking the provision of information, trading services, business and technical guidance and other work for emission-rights trading. (3) Formulating and improving policies. The Linyi Municipality Measures for the Administration of the Paid Use and Trading of Emission Rights, the Linyi Municipality Measures for the Administration of Pollutant Discharge Permits and implementing rules on the supervision of emission-rights trading and other matters shall be formulated. Specific provisions on the collection of paid-use fees for initial emission rights, the disposal of proceeds from emission-rights trading and the management of emission-rights trading administration fees shall be studied and formulated. (4) Strengthening the guidance of public opinion. Publicity on the significance of the paid use and trading of emission rights and on the related policy measures shall be strengthened, the environmental awareness of society as a whole, and of enterprises in particular, shall be raised, and efforts shall be made to foster a favourable atmosphere in which the whole of society cares about and supports innovation in environmental protection systems and mechanisms. Enterprises shall be guided to engage actively in the paid use of emission rights and to participate actively in emission-rights trading, so as to further form an internal incentive mechanism and continuously improve performance in pollution reduction and environmental protection. Experience and practices shall be summarised in a timely manner so that reform and innovation are continuously deepened.

  Scenario: Part V groups measures addressed to the authorities, and is presented as organisational
    Then the clause "linyi-2014/part-5" is presented as organisational with its reason
    And no rule decides "linyi-2014/part-5"

  Scenario: (1) Organisation and leadership among the departments is presented as organisational
    Then the clause "linyi-2014/part-5/sec-1" is presented as organisational with its reason
    And no rule decides "linyi-2014/part-5/sec-1"

  Scenario: (2) Setting up the trading platform is presented as organisational
    Then the clause "linyi-2014/part-5/sec-2" is presented as organisational with its reason
    And no rule decides "linyi-2014/part-5/sec-2"

  Scenario: (3) The rules the authorities are to draft are presented as organisational
    Then the clause "linyi-2014/part-5/sec-3" is presented as organisational with its reason
    And no rule decides "linyi-2014/part-5/sec-3"

  Scenario: (4) Publicity and guidance of public opinion are presented as organisational
    Then the clause "linyi-2014/part-5/sec-4" is presented as organisational with its reason
    And no rule decides "linyi-2014/part-5/sec-4"
