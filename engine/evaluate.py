"""Evaluate a request against the compiled policies and build its decision."""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import operator
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from pydantic import BaseModel

from paiwu import __version__
from paiwu.facts import EVENT_DATE, STATE_KINDS, canonical_json, canonical_utf8, request_data
from paiwu.policies.conditions import parameters_of
from paiwu.policies.expressions import expression_parameters, expression_paths
from paiwu.policies.law import Corpus, load_corpus
from paiwu.policies.model import Computation, PolicySet, Rule, default_policy_set

from . import compute
from .compiler import CompiledPolicy, CompiledRule, compile_policy
from .decision import (
    Amount,
    Bilingual,
    Checked,
    Citation,
    Decision,
    Finding,
    InstrumentResult,
    Interpretation,
    Status,
    combine,
    settled,
)
from .flatten import Flattened, as_of_date, flatten, lookup
from .runtime import RulesSession


def _facts_used(paths: tuple[str, ...], values: dict[str, Any]) -> dict[str, Any]:
    # values never holds None (flatten leaves absent facts out); dates are written as ISO text
    used: dict[str, Any] = {}
    for path in paths:
        value = values.get(path)
        if value is not None:
            used[path] = _iso(value) if isinstance(value, dt.date) else value
    return used


def _picker(paths: tuple[str, ...]) -> Callable[[dict[str, Any]], Any]:
    """What gives the values at ``paths`` in one call, as _absent_as_none does when all are present."""
    if not paths:
        return _no_values
    return operator.itemgetter(*paths)


def _no_values(_values: dict[str, Any]) -> tuple[()]:
    return ()


def _absent_as_none(paths: tuple[str, ...], values: dict[str, Any]) -> Any:
    """The values at ``paths`` (None for an absent one): one path's bare, else a tuple."""
    if len(paths) == 1:
        return values.get(paths[0])
    return tuple(map(values.get, paths))


_ISO: dict[dt.date, str] = {}  # the ISO text of recently seen dates (date.isoformat formats slowly)


def _iso(day: dt.date) -> str:
    if day.__class__ is not dt.date:  # a datetime, or another subclass: its own text
        return day.isoformat()
    text = _ISO.get(day)
    if text is None:
        if len(_ISO) >= 4096:
            _ISO.clear()
        text = _ISO[day] = day.isoformat()
    return text


def request_hash(request: BaseModel) -> str:
    """The hash of the request's canonical_request text (made with orjson where it writes the same)."""
    data = request_data(request)
    text = canonical_utf8(data)
    if text is None:
        return hash_of_canonical(canonical_json(data))
    return "sha256:" + hashlib.sha256(text).hexdigest()[:16]


def hash_of_canonical(canonical: str) -> str:
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


@dataclass
class Epoch:
    """A period with constant parameter values, and the ruleset compiled with them."""

    start: dt.date | None
    until: dt.date | None
    values: dict[str, Any]
    compiled: CompiledPolicy
    session: RulesSession
    by_kind: dict[str, list[CompiledRule]] = field(default_factory=dict)  # each kind's rules in legal order
    # each kind's rules in force (and the parameters they read), per stretch of days between the
    # rules' effective dates: see in_force
    _bounds: dict[str, list[dt.date]] = field(default_factory=dict, init=False, repr=False, compare=False)
    _in_force: dict[tuple[str, int], list[CompiledRule]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _keys: dict[str, frozenset[str]] = field(default_factory=dict, init=False, repr=False, compare=False)
    parameters: dict[tuple[str, int, tuple[str, ...]], dict[str, Any]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _tables: dict[tuple[str, int], _Table] = field(default_factory=dict, init=False, repr=False, compare=False)

    def stretch(self, kind: str, day: dt.date | None) -> int:
        """The stretch of days, between two dates on which a rule of the kind starts or ends, that
        holds the day (-1 without a day: every rule applies)."""
        if day is None:
            return -1
        bounds = self._bounds.get(kind)
        if bounds is None:  # the first day each rule is in force, and the first day after it is not
            rules = self.by_kind.get(kind, [])
            starts = {c.rule.effective_from for c in rules if c.rule.effective_from}
            ends = {c.rule.effective_to + dt.timedelta(days=1) for c in rules if c.rule.effective_to}
            bounds = self._bounds[kind] = sorted(starts | ends)
        return bisect.bisect_right(bounds, day)

    def keys(self, kind: str) -> frozenset[str]:
        """The engine keys the kind's rules read."""
        found = self._keys.get(kind)
        if found is None:
            found = self._keys[kind] = frozenset(k for c in self.by_kind.get(kind, []) for k in c.keys)
        return found

    def in_force(self, kind: str, day: dt.date | None) -> list[CompiledRule]:
        """The kind's rules in force on a day (without a day: all), in legal order."""
        key = (kind, self.stretch(kind, day))
        found = self._in_force.get(key)
        if found is None:
            found = self._in_force[key] = [c for c in self.by_kind.get(kind, []) if c.rule.in_force(day)]
        return found

    def table(self, kind: str, day: dt.date | None, instruments: Iterable[str]) -> _Table:
        """What evaluating and reporting the kind's rules in force on a day needs of them."""
        key = (kind, self.stretch(kind, day))
        found = self._tables.get(key)
        if found is None:
            found = self._tables[key] = _Table(self.in_force(kind, day), instruments)
        return found


class _Table:
    """The rules in force (in legal order) for one kind and stretch of days, laid out for decide:
    the names that give each rule's result, the rules that read each key (by position), the
    exceptions with the rules they set aside, the positions of each instrument's rules, and of
    those that have an interpretation."""

    __slots__ = ("fails", "groups", "holds", "interpreted", "overrides", "readers", "rules")

    def __init__(self, in_force: list[CompiledRule], instruments: Iterable[str]) -> None:
        # one result per rule id (ids are unique in a valid policy): a later rule of the same id
        # takes the place of the first
        by_id = {c.rule.id: c for c in in_force}
        rules = self.rules = list(by_id.values())
        self.holds = tuple(c.holds_name for c in rules)
        self.fails = tuple(c.fails_name for c in rules)
        readers: dict[str, list[int]] = {}
        for n, c in enumerate(rules):
            for key in dict.fromkeys(c.keys):
                readers.setdefault(key, []).append(n)
        self.readers = {key: tuple(positions) for key, positions in readers.items()}
        position = {c.rule.id: n for n, c in enumerate(rules)}
        self.overrides = tuple(
            (n, tuple(position[t] for t in c.rule.overrides if t in position))
            for n, c in enumerate(rules)
            if c.rule.overrides
        )
        self.groups = tuple(
            (instrument, tuple(n for n, c in enumerate(rules) if c.rule.instrument == instrument))
            for instrument in instruments
        )
        # a rule of no listed instrument is evaluated but reported nowhere, as before
        self.interpreted = tuple(
            tuple(n for n in positions if rules[n].rule.interpretation_en) for _, positions in self.groups
        )


class RuleResult:
    __slots__ = ("blocked_by", "compiled", "result")

    def __init__(self, compiled: CompiledRule, result: str) -> None:
        self.compiled = compiled
        self.result = result  # holds | fails | unknown | overridden
        self.blocked_by: RuleResult | None = None  # an undecided exception that keeps this rule undecided


CHECKED_CACHE = 4096  # entries of rules checked and not met, by the values of the facts they read


class Evaluator:
    """Compiled once per policy version; ``decide`` evaluates one request (thread-safe)."""

    def __init__(self, policy: PolicySet | None = None, corpus: Corpus | None = None) -> None:
        self.policy = policy or default_policy_set()
        self.corpus = corpus or load_corpus()
        self._citations: dict[str, Citation] = {}
        # parts of a decision that depend on the rule (or instrument and status) alone, built once
        self._messages: dict[str, Bilingual] = {}
        self._rule_citations: dict[str, tuple[Citation, ...]] = {}
        self._interpretations: dict[str, Interpretation] = {}
        self._instrument_results: dict[tuple[str, str], InstrumentResult] = {}
        self._order = {cid: c.order for cid, c in self.corpus.clauses.items()}
        self._instrument_rank = {iid: n for n, iid in enumerate(self.corpus.instruments)}
        # One compiled ruleset per period in which the law's parameters are constant.
        self.epochs: list[Epoch] = []
        for start, until, values in self.policy.parameters.epochs():
            compiled = compile_policy(self.policy, values)
            ordered = sorted(compiled.rules, key=self._legal_order)
            by_kind = {k: [c for c in ordered if k in c.rule.kinds] for k in compiled.kinds}
            # a ruleset per kind: a request is matched against its own kind's rules only
            names = {k: [n for c in rules for n in (c.holds_name, c.fails_name)] for k, rules in by_kind.items()}
            session = RulesSession(compiled.definition, names)
            self.epochs.append(Epoch(start, until, values, compiled, session, by_kind))
        self._rule_parameters = {
            rule.id: parameters_of(rule.when) + [n for c in rule.compute for n in expression_parameters(c.value)]
            for rule in self.policy.rules
        }
        # A rule checked and not met that reads only flags, choices and names sees the same few
        # values in most requests: its entry is kept for them (forgotten all at once when there are
        # too many). Not for numbers and dates: they seldom repeat, and 0.0 == -0.0.
        self._checked_entries: dict[tuple[Any, ...], Checked] = {}
        self._cacheable = {
            c.index
            for c in self.compiled.rules
            if all(
                (spec := self.compiled.schema[kind].get(p)) is not None and spec.type in ("bool", "enum", "string")
                for kind in c.rule.kinds
                for p in c.paths
            )
        }
        # what picks the values such a rule reads, in one call (a rule whose paths differ between
        # periods is not kept: its picker would not fit every period)
        paths = {c.index: c.paths for c in self.compiled.rules if c.index in self._cacheable}
        for epoch in self.epochs:
            for c in epoch.compiled.rules:
                if paths.get(c.index, c.paths) != c.paths:
                    del paths[c.index]
        self._checked_pickers = {index: _picker(p) for index, p in paths.items()}

    @property
    def version(self) -> str:
        return self.policy.version

    def citation(self, clause_id: str) -> Citation:
        if clause_id not in self._citations:
            clause = self.corpus.get(clause_id)
            parent = self.corpus.get(clause.parent) if clause.parent else None
            lead = parent if parent and "/item-" in clause_id else None
            self._citations[clause_id] = Citation(
                clause_id=clause_id,
                cite_zh=self.corpus.cite(clause_id, "zh"),
                cite_en=self.corpus.cite(clause_id, "en"),
                title_zh=clause.title_zh,
                title_en=clause.title_en,
                role=clause.role,
                text_zh=self.corpus.full_text(clause_id, "zh"),
                text_en=self.corpus.full_text(clause_id, "en"),
                lead_zh=lead.zh if lead else None,
                lead_en=lead.en if lead else None,
            )
        return self._citations[clause_id]

    def _legal_order(self, compiled: CompiledRule) -> tuple[int, int, str]:
        rule = compiled.rule
        return (self._instrument_rank.get(rule.instrument, 99), self._order.get(rule.cites[0], 0), rule.id)

    def epoch(self, day: dt.date | None) -> Epoch:
        """The period whose parameter values are in force on a day (without a day: the latest)."""
        if day is None:
            return self.epochs[-1]
        for epoch in self.epochs:
            if (epoch.start is None or epoch.start <= day) and (epoch.until is None or day < epoch.until):
                return epoch
        return self.epochs[-1]

    @property
    def compiled(self) -> CompiledPolicy:
        """The ruleset of the latest period (tools that need no particular date use it)."""
        return self.epochs[-1].compiled

    def evaluate_rules(
        self, kind: str, flat: Flattened, as_of: dt.date | None, epoch: Epoch | None = None
    ) -> list[RuleResult]:
        """Every rule of the kind in force on the as-of date, with its three-valued result."""
        epoch = epoch or self.epoch(as_of)
        table = epoch.table(kind, as_of, self.corpus.instruments)
        results, blocked = self._results(epoch, kind, table, flat)
        items = [RuleResult(compiled, result) for compiled, result in zip(table.rules, results, strict=True)]
        for position, exception in blocked.items():
            items[position].blocked_by = items[exception]
        return items

    @staticmethod
    def _results(epoch: Epoch, kind: str, table: _Table, flat: Flattened) -> tuple[list[str], dict[int, int]]:
        """The result of each rule of the table (by position), and for each rule an undecided
        exception keeps undecided, that exception's position (decide reads these as they are:
        a RuleResult per rule costs more than the rest of the evaluation)."""
        fired = epoch.session.fired(flat.fact)
        missing = epoch.keys(kind).difference(flat.fact)  # what some rule of the kind reads and the request lacks
        # with every fact it reads present, a rule that does not hold fails
        results = ["holds" if holds in fired else "fails" for holds in table.holds]
        # one that reads a missing fact fails only if certainly false; else it is undetermined
        for key in missing:
            for n in table.readers.get(key, ()):
                if results[n] == "fails" and table.fails[n] not in fired:
                    results[n] = "unknown"
        # Explicit exceptions, as default logic reads them: an exception that holds sets aside the
        # rule it overrides; an exception that cannot be decided leaves that rule undecided too.
        blocked: dict[int, int] = {}
        for position, targets in table.overrides:
            for target in targets:
                if results[target] not in ("holds", "unknown"):
                    continue
                if results[position] == "holds":
                    results[target] = "overridden"
                elif results[position] == "unknown" and results[target] == "holds":
                    results[target] = "unknown"
                    blocked[target] = position
        return results, blocked

    def decide(self, request: BaseModel, as_of: dt.date | None = None, canonical: str | None = None) -> Decision:
        """The decision on ``request``; ``canonical``, its canonical_request text if the caller made it already."""
        kind: str = getattr(request, "kind")  # noqa: B009 - every request model has a kind
        day = as_of_date(request, as_of)
        epoch = self.epoch(day)
        flat = flatten(epoch.compiled, kind, request, day)
        table = epoch.table(kind, day, self.corpus.instruments)
        results, blocked = self._results(epoch, kind, table, flat)
        rules = table.rules

        state = kind in STATE_KINDS
        statuses: list[Status] = [self._status(rules, results, positions, state) for _, positions in table.groups]
        status = combine(statuses)
        # An instrument that does not apply is shown in `instruments`, not among the findings; if
        # none applies, only the findings that say why are shown, and nothing checked.
        none_applies = status == "not_applicable"

        findings: list[Finding] = []
        checked: list[Checked] = []
        interpretations: dict[str, Interpretation] = {}
        instrument_results: list[InstrumentResult] = []
        for (instrument_id, positions), interpreted, instrument_status in zip(
            table.groups, table.interpreted, statuses, strict=True
        ):
            instrument_results.append(self._instrument_result(instrument_id, instrument_status))
            if instrument_status == "not_applicable":  # it decides nothing else: the rules that say why
                for n in positions:
                    rule = rules[n].rule
                    if rule.scope and results[n] == "holds" and (rule.outcome == "not_applicable") == none_applies:
                        findings.append(self._finding(rules[n], "holds", None, flat, request, day))
                continue
            for n in positions:
                result = results[n]
                if result == "fails" or result == "overridden":
                    if not none_applies:
                        checked.append(self._checked(rules[n], result, flat))
                elif result == "holds":
                    if (rules[n].rule.outcome == "not_applicable") == none_applies:
                        findings.append(self._finding(rules[n], result, None, flat, request, day))
                # undetermined: its outcome is needs_review; a reminder that cannot be placed decides nothing
                elif not none_applies and rules[n].rule.outcome != "notice":
                    exception = rules[blocked[n]] if n in blocked else None
                    findings.append(self._finding(rules[n], result, exception, flat, request, day))
            for n in interpreted:
                rule = rules[n].rule
                if results[n] != "unknown" or rule.outcome != "notice":
                    interpretations[rule.id] = self._interpretation(rule)

        applicable = {i.instrument for i in instrument_results if i.status != "not_applicable"} or set(
            self.corpus.instruments
        )
        missing = sorted({p for f in findings for p in f.facts_missing})
        values = {
            "kind": kind,
            "request_id": getattr(request, "id", None),
            "status": status,
            "as_of": day,
            "instruments": instrument_results,
            "findings": findings,
            "checked": checked,
            "missing_facts": missing,
            "interpretations": list(interpretations.values()),
            "parameters": dict(self._parameters(epoch, kind, day, table.rules, applicable)),
            "policy_version": self.version,
            "request_hash": hash_of_canonical(canonical) if canonical else request_hash(request),
            "paiwu_version": __version__,
        }
        if day is None or day.__class__ is dt.date:
            return Decision.built(values)
        return Decision(**values)  # a date of another type (a datetime) is converted as validation does

    def _parameters(
        self, epoch: Epoch, kind: str, day: dt.date | None, rules: list[CompiledRule], applicable: set[str]
    ) -> dict[str, Any]:
        """The values of the parameters read by the rules in force (``rules``) of the applicable
        instruments: the same for every day of a stretch (Epoch.in_force)."""
        key = (kind, epoch.stretch(kind, day), tuple(sorted(applicable)))
        found = epoch.parameters.get(key)
        if found is None:
            found = epoch.parameters[key] = {
                name: epoch.values[name]
                for compiled in rules
                if compiled.rule.instrument in applicable
                for name in self._rule_parameters[compiled.rule.id]
            }
        return found

    @staticmethod
    def _instrument_status(items: list[RuleResult], state: bool) -> Status:
        rules = [item.compiled for item in items]
        return Evaluator._status(rules, [item.result for item in items], range(len(items)), state)

    @staticmethod
    def _status(rules: list[CompiledRule], results: list[str], positions: Iterable[int], state: bool) -> Status:
        """An instrument's status from the results of its rules (at ``positions``; none: it does not apply)."""
        prohibited = review = seen = False
        for n in positions:
            seen = True
            result = results[n]
            if result == "holds":
                rule = rules[n].rule
                if rule.scope:  # out of scope: whatever else holds
                    return "not_applicable"
                if rule.outcome in ("ineligible", "non_compliant"):
                    prohibited = True
                elif rule.outcome == "needs_review":
                    review = True
            elif result == "unknown" and rules[n].rule.outcome != "notice":  # a reminder decides nothing
                review = True
        if not seen:
            return "not_applicable"
        if prohibited:
            return settled(state, prohibited=True)
        return "needs_review" if review else settled(state, prohibited=False)

    def _instrument_result(self, instrument_id: str, status: Status) -> InstrumentResult:
        found = self._instrument_results.get((instrument_id, status))
        if found is None:
            meta = self.corpus.instruments[instrument_id].meta
            found = self._instrument_results[(instrument_id, status)] = InstrumentResult(
                instrument=instrument_id,
                title=Bilingual(zh=meta.title_zh, en=meta.title_en),
                status=status,
                in_force_from=meta.in_force_from,
            )
        return found

    def _citations_of(self, rule: Rule) -> tuple[Citation, ...]:
        found = self._rule_citations.get(rule.id)
        if found is None:
            found = self._rule_citations[rule.id] = tuple(self.citation(c) for c in rule.cites)
        return found

    def _message(self, rule: Rule) -> Bilingual:
        found = self._messages.get(rule.id)
        if found is None:
            found = self._messages[rule.id] = Bilingual(zh=rule.message_zh, en=rule.message_en)
        return found

    def _interpretation(self, rule: Rule) -> Interpretation:
        """The reading a rule applies (only for a rule that has one)."""
        found = self._interpretations.get(rule.id)
        if found is None:
            found = self._interpretations[rule.id] = Interpretation(
                rule_id=rule.id,
                clause_ids=list(rule.cites),
                text=Bilingual(zh=rule.interpretation_zh or "", en=rule.interpretation_en or ""),
            )
        return found

    def _finding(
        self,
        compiled: CompiledRule,
        result: str,
        exception: CompiledRule | None,
        flat: Flattened,
        request: BaseModel,
        day: dt.date | None,
    ) -> Finding:
        """The finding of a rule that holds, or is undetermined (``exception``: the undecided
        exception that keeps it so, if that is why)."""
        rule = compiled.rule
        # (a comprehension costs a call: skipped where there is nothing to find)
        present = all(map(flat.values.__contains__, compiled.paths))
        missing = [] if present else [p for p in compiled.paths if p not in flat.values]
        notes = [flat.notes[p] for p in compiled.paths if p in flat.notes] if flat.notes else []
        if exception is not None:
            missing += [p for p in exception.paths if p not in flat.values and p not in missing]
            notes.append(f"the exception {exception.rule.id} cannot be decided without these facts")
        # a missing evaluation date is asked for as the fact it comes from (the trade date, the event date)
        event = EVENT_DATE.get(getattr(request, "kind", ""))
        if "as_of" in missing and event and getattr(request, "as_of", None) is None:
            missing = [event if p == "as_of" else p for p in missing]
        holds = result == "holds"
        # every field, in the model's order and of its type (Finding.built)
        return Finding.built(
            {
                "rule_id": rule.id,
                "instrument": rule.instrument,
                "outcome": rule.outcome if holds else "needs_review",
                "basis": "rule_met" if holds else "facts_missing",
                "message": self._message(rule),
                "citations": list(self._citations_of(rule)),
                "facts_used": _facts_used(compiled.paths, flat.values),
                "facts_missing": [] if holds else missing,
                "notes": notes,
                "interpretation": self._interpretation(rule).text if rule.interpretation_en else None,
                "overrides": list(rule.overrides) if holds else [],
                "amounts": [self._amount(c, request, day) for c in rule.compute] if holds and rule.compute else [],
            }
        )

    @staticmethod
    def _amount(computation: Computation, request: BaseModel, day: dt.date | None) -> Amount:
        def value_of(path: str) -> Any:
            return day if path == "as_of" else lookup(request, path)

        label = Bilingual(zh=computation.label_zh, en=computation.label_en)
        try:
            value = float(compute.evaluate(computation.value, value_of))
            calculation = f"{compute.describe(computation.value, value_of)} = {value:,.2f} {computation.unit}"
        except compute.Undetermined:
            missing = [p for p in expression_paths(computation.value) if value_of(p) is None]
            return Amount(
                name=computation.name, label=label, value=None, unit=computation.unit, calculation="", missing=missing
            )
        return Amount(name=computation.name, label=label, value=value, unit=computation.unit, calculation=calculation)

    def _checked(self, compiled: CompiledRule, result: str, flat: Flattened) -> Checked:
        """The entry of a rule checked and not met (``result``: fails or overridden)."""
        pick = self._checked_pickers.get(compiled.index)
        if pick is None:
            return self._new_checked(compiled, result, flat)
        try:
            facts = pick(flat.values)
        except KeyError:  # an absent fact: None in its place
            facts = _absent_as_none(compiled.paths, flat.values)
        # equal values of flags, choices and names give equal entries; the index names the rule
        key = (compiled.index, result, facts)
        found = self._checked_entries.get(key)
        if found is None:
            if len(self._checked_entries) >= CHECKED_CACHE:
                self._checked_entries.clear()
            found = self._checked_entries[key] = self._new_checked(compiled, result, flat)
        return found

    def _new_checked(self, compiled: CompiledRule, result: str, flat: Flattened) -> Checked:
        rule = compiled.rule
        # every field, in the model's order and of its type (Checked.built)
        return Checked.built(
            {
                "rule_id": rule.id,
                "instrument": rule.instrument,
                "clause_ids": list(rule.cites),
                "result": "overridden" if result == "overridden" else "not_met",
                "message": self._message(rule),
                "facts_used": _facts_used(compiled.paths, flat.values),
            }
        )


@cache
def default_evaluator() -> Evaluator:
    """The evaluator of the shipped policies, compiled once per process."""
    return Evaluator()
