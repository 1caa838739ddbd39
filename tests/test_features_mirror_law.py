"""Each feature file mirrors the law: its description quotes its clauses verbatim, zh and en."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

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


def _expanded(text: str) -> str:
    """Scenario outlines with each Examples row substituted, so <placeholders> become clause ids."""
    out = [text]
    for block in re.split(r"\n\s*Scenario", text):
        rows = [r.strip().strip("|").split("|") for r in block.splitlines() if r.strip().startswith("|")]
        if len(rows) < 2:
            continue
        header = [h.strip() for h in rows[0]]
        for row in rows[1:]:
            expanded = block
            for name, value in zip(header, row, strict=False):
                expanded = expanded.replace(f"<{name}>", value.strip())
            out.append(expanded)
    return "\n".join(out)


def test_every_encoded_article_has_a_feature() -> None:
    corpus = load_corpus()
    from paiwu.policies.model import default_policy_set

    names = " ".join(_expanded(p.read_text(encoding="utf-8")) for p in FEATURES)
    for rule in default_policy_set().rules:
        for cid in rule.cites:
            if corpus.get(cid).is_clause:
                assert cid in names, f"no scenario mentions {cid} ({rule.id})"
