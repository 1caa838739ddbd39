"""Step definitions for the legal acceptance features.

Steps are worded like the law: a scenario starts from a trade that meets every requirement of
an instrument (the shipped examples), changes the facts the clause speaks of, checks the trade,
and asserts the decision, the clauses it rests on and the facts it lacks.

Facts are named in words: "the seller's credit rating" is ``seller.credit_rating``; "the buyer's
project's EIA quantity t per year" is ``buyer.project.eia_quantity_t_per_year``.
"""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from pytest_bdd import given, parsers, then, when

from paiwu.engine.decision import Decision
from paiwu.engine.evaluate import default_evaluator
from paiwu.facts import fact_schema, validate_request

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
KINDS = ("trade", "acquisition", "holding", "buyback", "allocation", "enterprise")
BASE_TRADES = {"Xuzhou": "xuzhou-eligible.yaml", "Linyi": "linyi-eligible.yaml"}
INSTRUMENTS = {"Xuzhou Measures": "xuzhou-2015", "Linyi Plan": "linyi-2014"}


class Case:
    def __init__(self) -> None:
        self.request: dict[str, Any] = {}
        self.decision: Decision | None = None


@pytest.fixture
def case() -> Case:
    return Case()


def fact_path(owner: str, words: str) -> str:
    """'seller', 'credit rating' -> 'seller.credit_rating', choosing the split the schema knows."""
    prefix = ".".join(part.strip() for part in owner.replace("'s", "").split()) if owner else ""
    tokens = words.strip().replace("-", " ").split()
    schema = {path for kind in KINDS for path in fact_schema(kind)}
    for cuts in itertools.product(("_", "."), repeat=max(len(tokens) - 1, 0)):
        name = tokens[0] + "".join(sep + tok for sep, tok in zip(cuts, tokens[1:], strict=True))
        path = f"{prefix}.{name}" if prefix else name
        if path.lower() in schema:
            return path.lower()
    raise AssertionError(f"no fact is called {owner!r} {words!r}")


def literal(text: str) -> Any:
    if text in ("true", "false"):
        return text == "true"
    if re.fullmatch(r"-?\d+(\.\d+)?", text):
        return float(text) if "." in text else int(text)
    return text


def put(request: dict[str, Any], path: str, value: Any) -> None:
    node = request
    *parents, leaf = path.split(".")
    for part in parents:
        node = node.setdefault(part, {})
    node[leaf] = value


def drop(request: dict[str, Any], path: str) -> None:
    node: Any = request
    *parents, leaf = path.split(".")
    for part in parents:
        node = node.get(part, {})
    node.pop(leaf, None)


@given(parsers.parse("a trade in {city} that meets every requirement"))
def base_trade(case: Case, city: str) -> None:
    data = yaml.safe_load((EXAMPLES / BASE_TRADES[city]).read_text(encoding="utf-8"))
    case.request = copy.deepcopy(data)
    for value_holder in (case.request["trade"], case.request["holding"]):  # dates as text, as users write them
        for key, value in list(value_holder.items()):
            if isinstance(value, dt.date):
                value_holder[key] = value.isoformat()


@given(
    parsers.re(
        r"(?P<owner>the (?:seller|buyer|trade|holding|party|acquisition|allocation|review|event)(?:'s \w+)*?)'s (?P<words>[\w ]+?) is \"(?P<value>[^\"]*)\""
    )
)
def set_fact(case: Case, owner: str, words: str, value: str) -> None:
    put(case.request, fact_path(owner.removeprefix("the "), words), literal(value))


@given(
    parsers.re(
        r"(?P<owner>the (?:seller|buyer|trade|holding|party|acquisition|allocation|review|event)(?:'s \w+)*?)'s (?P<words>[\w ]+?) is not known"
    )
)
def unset_fact(case: Case, owner: str, words: str) -> None:
    drop(case.request, fact_path(owner.removeprefix("the "), words))


def _dates_as_text(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: _dates_as_text(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_dates_as_text(v) for v in data]
    return data.isoformat() if isinstance(data, dt.date) else data


@given(parsers.parse("{article} {kind} request in {city} that meets every requirement"))
def base_request(case: Case, article: str, kind: str, city: str) -> None:
    """A request of a check kind that passes every rule: features/fixtures/<kind>-<city>.yaml."""
    assert article in ("a", "an"), article
    path = FIXTURES / f"{kind}-{city.lower()}.yaml"
    case.request = _dates_as_text(yaml.safe_load(path.read_text(encoding="utf-8")))


@given(parsers.parse('the trade is dated "{day}"'))
def trade_date(case: Case, day: str) -> None:
    put(case.request, "trade.date", day)


@given(parsers.parse('the seller and the buyer are in "{seller_county}" and "{buyer_county}"'))
def counties(case: Case, seller_county: str, buyer_county: str) -> None:
    put(case.request, "seller.county", seller_county)
    put(case.request, "buyer.county", buyer_county)


@when("the trade is checked")
@when("the request is checked")
def check(case: Case) -> None:
    case.decision = default_evaluator().decide(validate_request(case.request))


@when(parsers.parse('the trade is checked as of "{day}"'))
@when(parsers.parse('the request is checked as of "{day}"'))
def check_as_of(case: Case, day: str) -> None:
    case.decision = default_evaluator().decide(validate_request(case.request), as_of=dt.date.fromisoformat(day))


def decided(case: Case) -> Decision:
    assert case.decision is not None, "no trade has been checked"
    return case.decision


@then(parsers.parse('the decision is "{status}"'))
def decision_is(case: Case, status: str) -> None:
    d = decided(case)
    assert d.status == status, f"{d.status}: {[(f.rule_id, f.outcome, f.facts_missing) for f in d.findings]}"


@then(parsers.parse('the decision rests on "{clause_id}"'))
def rests_on(case: Case, clause_id: str) -> None:
    cited = {c.clause_id for f in decided(case).findings for c in f.citations}
    assert clause_id in cited, f"{clause_id} not among {sorted(cited)}"


@then(parsers.parse('the decision does not rest on "{clause_id}"'))
def not_rests_on(case: Case, clause_id: str) -> None:
    cited = {c.clause_id for f in decided(case).findings for c in f.citations}
    assert clause_id not in cited, f"{clause_id} unexpectedly among {sorted(cited)}"


@then(parsers.parse('"{clause_id}" is found "{outcome}"'))
def found(case: Case, clause_id: str, outcome: str) -> None:
    outcomes = {f.outcome for f in decided(case).findings if clause_id in {c.clause_id for c in f.citations}}
    assert outcome in outcomes, f"{clause_id}: found {outcomes or 'nothing'}"


@then(parsers.parse('the facts to request include "{path}"'))
def missing_includes(case: Case, path: str) -> None:
    assert path in decided(case).missing_facts, decided(case).missing_facts


@then("no facts are missing")
def nothing_missing(case: Case) -> None:
    assert decided(case).missing_facts == []


@then(parsers.parse('the decision shows the interpretation of "{rule_id}"'))
def shows_interpretation(case: Case, rule_id: str) -> None:
    assert rule_id in {i.rule_id for i in decided(case).interpretations}


@then(parsers.parse("the {name} do not apply"))
@then(parsers.parse("the {name} does not apply"))
def does_not_apply(case: Case, name: str) -> None:
    statuses = {i.instrument: i.status for i in decided(case).instruments}
    assert statuses[INSTRUMENTS[name]] == "not_applicable", statuses


@then(parsers.parse("the {name} apply"))
@then(parsers.parse("the {name} applies"))
def applies(case: Case, name: str) -> None:
    statuses = {i.instrument: i.status for i in decided(case).instruments}
    assert statuses[INSTRUMENTS[name]] != "not_applicable", statuses


@then("every finding cites its clause verbatim in Chinese and English")
def verbatim(case: Case) -> None:
    for finding in decided(case).findings:
        assert finding.citations
        for citation in finding.citations:
            assert citation.text_zh and citation.text_en and citation.cite_zh.startswith("《")


def pytest_configure(config: pytest.Config) -> None:
    """Register every feature tag (@xuzhou-2015, @art-16 ...) as a marker, for --strict-markers."""
    tags = set()
    for feature in Path(__file__).resolve().parent.glob("*.feature"):
        tags.update(re.findall(r"(?m)^\s*((?:@[\w-]+\s*)+)$", feature.read_text(encoding="utf-8")))
    for line in tags:
        for tag in line.split():
            config.addinivalue_line("markers", f"{tag.lstrip('@')}: feature tag")


@then(parsers.parse('the finding "{rule_id}" is "{outcome}"'))
def finding_is(case: Case, rule_id: str, outcome: str) -> None:
    """One rule's own finding, for clauses (Art. 21, Part 4(3)) that several rules read."""
    outcomes = {f.outcome for f in decided(case).findings if f.rule_id == rule_id}
    assert outcome in outcomes, f"{rule_id}: found {outcomes or 'nothing'}"


@then(parsers.parse('the amount "{name}" is {value:f} CNY'))
def amount_is(case: Case, name: str, value: float) -> None:
    amounts = {a.name: a for f in decided(case).findings for a in f.amounts}
    assert name in amounts, sorted(amounts)
    assert amounts[name].value is not None and abs(amounts[name].value - value) < 0.005, amounts[name]


@then(parsers.parse('the amount "{name}" cannot be computed without "{path}"'))
def amount_missing(case: Case, name: str, path: str) -> None:
    amounts = {a.name: a for f in decided(case).findings for a in f.amounts}
    assert name in amounts and amounts[name].value is None and path in amounts[name].missing, amounts.get(name)


@then(parsers.parse('the clause "{clause_id}" is presented as {role} with its reason'))
def presented(clause_id: str, role: str) -> None:
    from paiwu.policies.law import load_corpus

    clause = load_corpus().get(clause_id)
    assert clause.role == role, f"{clause_id} is {clause.role}"
    assert clause.reason, f"{clause_id} has no reason"


@then(parsers.parse('no rule decides "{clause_id}"'))
def no_rule(clause_id: str) -> None:
    from paiwu.policies.model import default_policy_set

    assert not [r.id for r in default_policy_set().rules if clause_id in r.cites]


@then(parsers.parse('a rule decides "{clause_id}"'))
def some_rule(clause_id: str) -> None:
    from paiwu.policies.model import default_policy_set

    assert [r.id for r in default_policy_set().rules if clause_id in r.cites], clause_id


# --- Steps for allocations, reviews, legal periods and amounts (added with the per-article features) ---


@given("the rights verified for each emitter are:")
def verified_shares(case: Case, datatable: list[list[str]]) -> None:
    """A table | enterprise | quantity t per year |: the allocation's shares, whose sum is the total allocated."""
    header, *rows = datatable
    assert [h.strip() for h in header] == ["enterprise", "quantity t per year"], header
    shares = [{"enterprise": e.strip(), "quantity_t_per_year": literal(q.strip())} for e, q in rows]
    put(case.request, "allocation.shares", shares)
    drop(case.request, "allocation.total_allocated_t_per_year")


@given("the rights verified for the emitters are not known")
def no_shares(case: Case) -> None:
    drop(case.request, "allocation.shares")
    drop(case.request, "allocation.total_allocated_t_per_year")


@then(parsers.parse("the decision says the holiday calendar does not cover {year:d}"))
def calendar_not_covered(case: Case, year: int) -> None:
    notes = [note for f in decided(case).findings for note in f.notes]
    assert any(f"does not cover {year}" in note for note in notes), notes


@then(parsers.parse('no amount "{name}" is shown'))
def no_amount(case: Case, name: str) -> None:
    amounts = {a.name for f in decided(case).findings for a in f.amounts}
    assert name not in amounts, sorted(amounts)
