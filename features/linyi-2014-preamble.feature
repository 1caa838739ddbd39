@linyi-2014 @preamble
Feature: Linyi Plan (2014), preamble — purpose and basis of the Plan
  为贯彻落实市委办公室、市政府办公室《关于印发〈临沂市2013年“两型社会”建设与改革重点项目〉的通知》（办字〔2013〕96号）要求，积极有序推进我市排污权有偿使用和交易试点工作，进一步加强主要污染物排放总量减排，促进环境资源合理配置，加快推进生态文明先行示范区建设，特制定本方案。

  In order to implement the requirements of the Notice of the General Office of the Municipal Party Committee and the General Office of the Municipal Government on Issuing the 2013 Key Projects for the Building and Reform of a 'Two-Oriented Society' in Linyi (Ban Zi [2013] No. 96), to advance actively and in an orderly manner the pilot work on the paid use and trading of emission rights in this Municipality, to further strengthen the reduction of the total emissions of major pollutants, to promote the rational allocation of environmental resources and to accelerate the building of a pioneer demonstration zone for ecological civilisation, this Plan is hereby formulated.

  Scenario: The preamble states why the Plan was made and on what basis, and is presented as declaratory
    Then the clause "linyi-2014/preamble" is presented as declaratory with its reason
    And no rule decides "linyi-2014/preamble"

  Scenario: A trade is decided by the Plan's operative parts, never by its preamble
    Given a trade in Linyi that meets every requirement
    When the trade is checked
    Then the decision is "eligible"
    And the decision does not rest on "linyi-2014/preamble"
