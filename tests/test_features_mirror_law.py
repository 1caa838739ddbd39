"""Each feature file mirrors the law: its description quotes its clauses verbatim, zh and en."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from paiwu.engine.coverage import read_scenarios
from paiwu.policies.law import load_corpus

FEATURES = sorted((Path(__file__).resolve().parent.parent / "features").glob("*.feature"))


def _description(text: str) -> str:
    body = text.split("\n", 2)[2] if text.startswith("@") else text.split("\n", 1)[1]
    lines = []
    for line in body.splitlines():
        if re.match(r"\s*(Background|Scenario|Rule|Example)", line):
            break
        lines.append(line.strip())
    return "\n".join(lines)


@pytest.mark.parametrize("feature", FEATURES, ids=lambda p: p.name)
def test_feature_quotes_its_clauses_verbatim(feature: Path) -> None:
    corpus = load_corpus()
    text = feature.read_text(encoding="utf-8")
    tags = re.findall(r"@([\w-]+)", text.splitlines()[0])
    instrument = next(t for t in tags if t in corpus.instruments)
    description = _description(text)
    quoted = [
        cid
        for cid, clause in corpus.clauses.items()
        if clause.instrument == instrument and clause.is_clause and corpus.full_text(cid, "zh") in description
    ]
    assert quoted, f"{feature.name} quotes no clause of {instrument} verbatim"
    for cid in quoted:
        assert corpus.full_text(cid, "en") in description, f"{feature.name}: English of {cid} not quoted verbatim"


def test_every_encoded_article_has_a_feature() -> None:
    corpus = load_corpus()
    from paiwu.policies.model import default_policy_set

    mentioned = {c for s in read_scenarios(FEATURES[0].parent) for c in s.clauses}
    for rule in default_policy_set().rules:
        for cid in rule.cites:
            if corpus.get(cid).is_clause:
                assert cid in mentioned, f"no scenario mentions {cid} ({rule.id})"
