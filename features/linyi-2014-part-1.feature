@linyi-2014 @part-1
Feature: Linyi Plan (2014), Part I — guiding ideology
  一、指导思想　以科学发展观为统领，按照加快生态临沂建设、构建资源节约型和环境友好型社会的要求，充分发挥市场配置资源的决定性作用，建立能够反映环境容量资源稀缺程度、供求关系和污染治理成本的排污权价格体系，构建排污权有偿使用和交易机制，进一步优化资源配置结构，促进污染减排和环境质量改善，推动发展方式转变，努力实现经济社会持续健康发展。

  Part I  Guiding Ideology  Taking the Scientific Outlook on Development as the overall guide and in accordance with the requirements of accelerating the building of an ecological Linyi and of building a resource-conserving and environment-friendly society, full play shall be given to the decisive role of the market in allocating resources; an emission-rights price system reflecting the scarcity of environmental capacity resources, the relationship between supply and demand and the cost of pollution control shall be established; a mechanism for the paid use and trading of emission rights shall be built; the structure of resource allocation shall be further optimised; pollution reduction and the improvement of environmental quality shall be promoted; the transformation of the mode of development shall be driven forward; and efforts shall be made to achieve sustained and healthy economic and social development.

  Scenario: Part I states the policy guidance and aims of the pilot, and is presented as declaratory
    Then the clause "linyi-2014/part-1" is presented as declaratory with its reason
    And no rule decides "linyi-2014/part-1"
