"""Read-only views of the served policy version: its clauses and the rules that cite them."""

from __future__ import annotations

from functools import cached_property
from typing import Literal

from paiwu import __version__
from paiwu.engine.decision import Bilingual
from paiwu.engine.evaluate import Evaluator
from paiwu.facts import REQUEST_MODELS
from paiwu.policies.law import Clause
from paiwu.policies.model import Rule

from .schemas import ClauseSummary, ClauseView, InstrumentView, PolicyView, RuleView, Unencoded


def _kind(clause: Clause) -> Literal["clause", "heading"]:
    return "heading" if clause.kind == "heading" else "clause"


class PolicyViews:
    """Built once per evaluator: a policy version never changes while it is served."""

    def __init__(self, evaluator: Evaluator) -> None:
        self.evaluator = evaluator
        self.corpus = evaluator.corpus
        self.rules_citing: dict[str, list[Rule]] = {}
        for rule in evaluator.policy.rules:
            for clause_id in rule.cites:
                self.rules_citing.setdefault(clause_id, []).append(rule)
        self.unencoded = {u.clause: u for u in evaluator.policy.unencoded}

    def _cite(self, clause_id: str) -> Bilingual:
        return Bilingual(zh=self.corpus.cite(clause_id, "zh"), en=self.corpus.cite(clause_id, "en"))

    @cached_property
    def policy(self) -> PolicyView:
        return PolicyView(
            policy_version=self.evaluator.version,
            paiwu_version=__version__,
            kinds=sorted(REQUEST_MODELS),
            instruments=[
                InstrumentView(
                    instrument=iid,
                    title=Bilingual(zh=i.meta.title_zh, en=i.meta.title_en),
                    cite=Bilingual(zh=i.meta.cite_zh, en=i.meta.cite_en),
                    in_force_from=i.meta.in_force_from,
                )
                for iid, i in self.corpus.instruments.items()
            ],
            clauses=[
                ClauseSummary(
                    clause_id=c.id,
                    instrument=c.instrument,
                    kind=_kind(c),
                    role=c.role,
                    cite=self._cite(c.id),
                    title=Bilingual(zh=c.title_zh, en=c.title_en),
                    rule_ids=[r.id for r in self.rules_citing.get(c.id, [])],
                    unencoded=self.unencoded[c.id].status if c.id in self.unencoded else None,
                )
                for instrument in self.corpus.instruments.values()
                for c in instrument.ordered()
            ],
        )

    def clause(self, clause_id: str) -> ClauseView | None:
        clause = self.corpus.clauses.get(clause_id)
        if clause is None:
            return None
        unencoded = self.unencoded.get(clause_id)
        return ClauseView(
            clause_id=clause.id,
            instrument=clause.instrument,
            kind=_kind(clause),
            parent=clause.parent,
            children=list(clause.children),
            role=clause.role,
            reason=clause.reason,
            cite=self._cite(clause.id),
            title=Bilingual(zh=clause.title_zh, en=clause.title_en),
            text=Bilingual(zh=clause.zh, en=clause.en),
            full_text=Bilingual(zh=self.corpus.full_text(clause.id, "zh"), en=self.corpus.full_text(clause.id, "en")),
            rules=[_rule_view(r) for r in self.rules_citing.get(clause_id, [])],
            unencoded=Unencoded(status=unencoded.status, reason=unencoded.reason) if unencoded else None,
            policy_version=self.evaluator.version,
        )


def _rule_view(rule: Rule) -> RuleView:
    return RuleView(
        rule_id=rule.id,
        kinds=list(rule.kinds),
        outcome=rule.outcome,
        scope=rule.scope,
        effective_from=rule.effective_from,
        effective_to=rule.effective_to,
        message=Bilingual(zh=rule.message_zh, en=rule.message_en),
        interpretation=Bilingual(zh=rule.interpretation_zh, en=rule.interpretation_en)
        if rule.interpretation_zh and rule.interpretation_en
        else None,
        overrides=list(rule.overrides),
        file=rule.file,
    )
