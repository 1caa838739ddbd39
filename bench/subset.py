"""The shared subset of rules for the floor and the peer: Xuzhou Art. 14 (mode and venue), 16, 17, 21.

A result per rule, three-valued as paiwu decides it: ``holds``, ``fails`` or ``unknown`` (a fact it
needs is missing). A rule not in force on the as-of date has no result.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from paiwu.engine.decision import Decision
from paiwu.engine.evaluate import Evaluator
from paiwu.policies.model import default_policy_set

RULES = (
    "xuzhou-2015/art-14/para-1#venue-not-qualified",
    "xuzhou-2015/art-14/para-2#negotiated-despite-excess-demand",
    "xuzhou-2015/art-14/para-2#auction-despite-balance",
    "xuzhou-2015/art-14/para-2#supply-exceeds-demand",
    "xuzhou-2015/art-16/item-1#seller-banned-or-closed",
    "xuzhou-2015/art-16/item-2#seller-tasks-unfinished",
    "xuzhou-2015/art-16/item-3#seller-credit-red-or-black",
    "xuzhou-2015/art-16/item-4#seller-otherwise-barred",
    "xuzhou-2015/art-17/item-1#buyer-region-restricted",
    "xuzhou-2015/art-17/item-2#buyer-tasks-unfinished",
    "xuzhou-2015/art-17/item-3#buyer-credit-red-or-black",
    "xuzhou-2015/art-17/item-4#buyer-otherwise-barred",
    "xuzhou-2015/art-21#seller-region-total-control",
    "xuzhou-2015/art-21#buyer-area-quality",
    "xuzhou-2015/art-21#seller-county-epb-consent",
    "xuzhou-2015/art-21#buyer-county-epb-consent",
    "xuzhou-2015/art-21#city-epb-consent",
)
Results = dict[str, str]  # rule id -> holds | fails | unknown


def subset_evaluator() -> Evaluator:
    """paiwu with only the subset's rules (the same law, corpus and parameters)."""
    policy = default_policy_set()
    rules = tuple(r for r in policy.rules if r.id in RULES)
    assert len(rules) == len(RULES), "a subset rule is missing from the policies"
    return Evaluator(dataclasses.replace(policy, rules=rules, name="bench-subset"))


def results_of(decision: Decision) -> Results:
    """The subset's rules as a paiwu decision shows them: a finding that a rule is met (holds) or
    that it lacks facts (unknown), or a rule checked and not met (fails)."""
    out: Results = {}
    for finding in decision.findings:
        if finding.rule_id in RULES:
            out[finding.rule_id] = "holds" if finding.basis == "rule_met" else "unknown"
    for checked in decision.checked:
        if checked.rule_id in RULES:
            out[checked.rule_id] = "fails" if checked.result == "not_met" else "overridden"
    return out


def disagreement(name: str, index: int, request: dict[str, Any], want: Results, got: Results) -> str:
    rules = sorted(set(want) | set(got))
    lines = [f"{rule}: paiwu {want.get(rule, '-')}, {name} {got.get(rule, '-')}" for rule in rules]
    differing = [line for rule, line in zip(rules, lines, strict=True) if want.get(rule) != got.get(rule)]
    return f"{name} disagrees with paiwu on request {index} ({request.get('id')}):\n  " + "\n  ".join(differing)
