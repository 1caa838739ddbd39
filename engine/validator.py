"""``paiwu policies validate``: policy files checked against the law corpus and the fact schema.

The engine does not need this at request time (policies are validated once, in CI and by
authors). Every problem names the file, the line, the rule, what is wrong and, where it can,
what was probably meant.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import asdict, dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any, Literal

from paiwu.facts import STATE_KINDS, FactSpec, fact_schema
from paiwu.policies.conditions import All, Compare, Condition, FactRef, Missing, Present, leaves, parameters_of
from paiwu.policies.expressions import expression_parameters, expression_paths
from paiwu.policies.law import Corpus, load_corpus
from paiwu.policies.model import POLICY_DIR, PolicyError, PolicySet, Rule, load_policy_set
from paiwu.policies.reforms import load_reform

from .compiler import resolved_rule

Severity = Literal["error", "warning"]
VAGUE_MARKERS = ("原则上", "其他依法", "其他合法", "等减排")


@dataclass(frozen=True)
class Problem:
    severity: Severity
    file: str
    line: int | None
    message: str
    rule: str | None = None
    hint: str | None = None

    def render(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        rule = f" [{self.rule}]" if self.rule else ""
        hint = f" (did you mean {self.hint}?)" if self.hint else ""
        return f"{where}: {self.severity}{rule}: {self.message}{hint}"


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)
    rules: int = 0
    files: int = 0
    operative: int = 0
    encoded: int = 0
    unencoded: int = 0

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def summary(self) -> str:
        warnings = len(self.problems) - len(self.errors)
        return (
            f"{self.files} policy files, {self.rules} rules; {self.operative} operative clauses: "
            f"{self.encoded} with rules, {self.unencoded} marked without; "
            f"{len(self.errors)} errors, {warnings} warnings"
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": not self.errors,
            "summary": self.summary(),
            "problems": [asdict(p) for p in self.problems],
        }


def _suggest(word: str, choices: list[str] | tuple[str, ...]) -> str | None:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def _literal_problem(spec: FactSpec, op: str, value: Any) -> str | None:
    values = value if isinstance(value, tuple) else (value,)
    if spec.type in ("bool", "enum", "string") and op in ("lt", "le", "gt", "ge"):
        return f"'{op}' does not order {spec.type} facts like {spec.path}"
    for item in values:
        if spec.type == "bool" and not isinstance(item, bool):
            return f"{spec.path} is true/false, compared with {item!r}"
        if spec.type == "enum" and item not in spec.choices:
            hint = _suggest(str(item), spec.choices)
            return f"{item!r} is not a value of {spec.path} (one of {', '.join(spec.choices)})" + (
                f"; did you mean {hint!r}" if hint else ""
            )
        if spec.type == "number" and (isinstance(item, bool) or not isinstance(item, (int, float))):
            return f"{spec.path} is a number, compared with {item!r}"
        if spec.type == "date":
            try:
                dt.date.fromisoformat(str(item))
            except ValueError:
                return f"{spec.path} is a date, compared with {item!r} (write YYYY-MM-DD)"
    return None


class _RuleChecker:
    def __init__(self, corpus: Corpus, report: Report) -> None:
        self.corpus = corpus
        self.report = report

    def problem(self, rule: Rule, message: str, line: int | None = None, hint: str | None = None) -> None:
        self.report.problems.append(Problem("error", rule.file, line or rule.line, message, rule.id, hint))

    def check(self, rule: Rule, rule_ids: set[str]) -> None:
        for clause_id in rule.cites:
            if clause_id not in self.corpus.clauses:
                hint = _suggest(clause_id, list(self.corpus.clauses))
                self.problem(rule, f"cites unknown clause '{clause_id}'", rule.lines.get("cites"), hint)
        if rule.scope != (rule.outcome == "not_applicable"):
            self.problem(
                rule,
                "a scope rule (scope: true) and only a scope rule has outcome not_applicable",
                rule.lines.get("outcome"),
            )
        for target in rule.overrides + rule.exclusive_with:
            if target not in rule_ids:
                line = rule.lines.get("overrides") or rule.lines.get("exclusive_with")
                self.problem(rule, f"refers to unknown rule '{target}'", line, _suggest(target, sorted(rule_ids)))
        for kind in rule.kinds:
            self.check_condition(rule, fact_schema(kind))
            for computation in rule.compute:
                for path in expression_paths(computation.value):
                    if path != "as_of" and path not in fact_schema(kind):
                        hint = _suggest(path, list(fact_schema(kind)))
                        self.problem(
                            rule, f"unknown fact '{path}' in {computation.name}", rule.lines.get("compute"), hint
                        )
        wrong_words = [k for k in rule.kinds if (k in STATE_KINDS) != (rule.outcome == "non_compliant")]
        if rule.outcome in ("ineligible", "non_compliant") and wrong_words:
            expected = "non_compliant" if wrong_words[0] in STATE_KINDS else "ineligible"
            self.problem(
                rule,
                f"a {wrong_words[0]} check says '{expected}', not '{rule.outcome}' (actions: eligible/ineligible; "
                "states: compliant/non_compliant)",
                rule.lines.get("outcome"),
            )
        texts = "".join(self.corpus.full_text(c, "zh") for c in rule.cites if c in self.corpus.clauses)
        vague = [m for m in VAGUE_MARKERS if m in texts]
        if vague and rule.interpretation_en is None and rule.outcome != "not_applicable":
            self.report.problems.append(
                Problem(
                    "warning",
                    rule.file,
                    rule.line,
                    f"the cited text is open-ended ({'、'.join(vague)}) but the rule states no interpretation",
                    rule.id,
                )
            )

    def check_condition(self, rule: Rule, schema: dict[str, FactSpec]) -> None:
        for leaf in leaves(rule.when):
            spec = schema.get(leaf.path)
            if spec is None:
                self.problem(rule, f"unknown fact '{leaf.path}'", leaf.line, _suggest(leaf.path, list(schema)))
                continue
            if not isinstance(leaf, Compare):
                continue
            if isinstance(leaf.value, FactRef):
                other = schema.get(leaf.value.path)
                if other is None:
                    hint = _suggest(leaf.value.path, list(schema))
                    self.problem(rule, f"unknown fact '{leaf.value.path}'", leaf.line, hint)
                elif leaf.value.shift == "times" and other.type != "number":
                    self.problem(rule, f"times applies to numbers, and {other.path} is a {other.type}", leaf.line)
                elif leaf.value.shift and leaf.value.shift != "times" and other.type != "date":
                    self.problem(
                        rule, f"{leaf.value.shift} applies to dates, and {other.path} is a {other.type}", leaf.line
                    )
                elif other.type != spec.type:
                    self.problem(
                        rule, f"compares {spec.path} ({spec.type}) with {other.path} ({other.type})", leaf.line
                    )
                continue
            message = _literal_problem(spec, leaf.op, leaf.value)
            if message:
                self.problem(rule, message, leaf.line)


_ORDERINGS = {"lt": {"<"}, "le": {"<", "="}, "eq": {"="}, "ne": {"<", ">"}, "gt": {">"}, "ge": {">", "="}}


def _conjuncts(condition: Condition) -> list[Compare | Missing | Present]:
    items = condition.items if isinstance(condition, All) else (condition,)
    return [i for i in items if isinstance(i, (Compare, Missing, Present))]


def _allowed(leaf: Compare, spec: FactSpec | None) -> set[Any] | None:
    if spec is None or spec.type not in ("enum", "bool") or isinstance(leaf.value, FactRef):
        return None
    universe: set[Any] = set(spec.choices) if spec.type == "enum" else {True, False}
    values = set(leaf.value) if isinstance(leaf.value, tuple) else {leaf.value}
    if leaf.op in ("eq", "in"):
        return values
    if leaf.op in ("ne", "not_in"):
        return universe - values
    return None


def _interval(leaf: Compare, spec: FactSpec | None) -> tuple[Any, bool, Any, bool] | None:
    """The values an ordered comparison with a literal admits: (low, low_inclusive, high, high_inclusive)."""
    if spec is None or spec.type not in ("date", "number") or isinstance(leaf.value, (FactRef, tuple)):
        return None
    value: Any = dt.date.fromisoformat(str(leaf.value)) if spec.type == "date" else leaf.value
    return {
        "lt": (None, False, value, False),
        "le": (None, False, value, True),
        "gt": (value, False, None, False),
        "ge": (value, True, None, False),
        "eq": (value, True, value, True),
    }.get(leaf.op)


def _intervals_disjoint(x: tuple[Any, bool, Any, bool], y: tuple[Any, bool, Any, bool]) -> bool:
    def below(high: Any, high_incl: bool, low: Any, low_incl: bool) -> bool:
        if high is None or low is None:
            return False
        return bool(high < low or (high == low and not (high_incl and low_incl)))

    return below(x[2], x[3], y[0], y[1]) or below(y[2], y[3], x[0], x[1])


def disjoint(a: Rule, b: Rule) -> bool:
    """True when the two conditions provably cannot hold together (a simple, sound check)."""
    schema = fact_schema(a.kinds[0])
    for x in _conjuncts(a.when):
        for y in _conjuncts(b.when):
            if not (isinstance(x, Compare) and isinstance(y, Compare)) or x.path != y.path:
                continue
            if isinstance(x.value, FactRef) and isinstance(y.value, FactRef):
                if x.value == y.value and not (_ORDERINGS.get(x.op, set()) & _ORDERINGS.get(y.op, set())):
                    return True
                continue
            left, right = _allowed(x, schema.get(x.path)), _allowed(y, schema.get(y.path))
            if left is not None and right is not None and not (left & right):
                return True
            spans = _interval(x, schema.get(x.path)), _interval(y, schema.get(y.path))
            if spans[0] is not None and spans[1] is not None and _intervals_disjoint(spans[0], spans[1]):
                return True
    return False


def _check_conflicts(rules: list[Rule], report: Report) -> None:
    by_clause: dict[str, list[Rule]] = {}
    for rule in rules:
        for clause_id in rule.cites:
            by_clause.setdefault(clause_id, []).append(rule)
    seen: set[tuple[str, str]] = set()
    for clause_id, rules in by_clause.items():
        for a, b in combinations(rules, 2):
            pair = (min(a.id, b.id), max(a.id, b.id))
            if pair in seen or a.outcome == b.outcome or not set(a.kinds) & set(b.kinds):
                continue  # same outcome, or never applied to the same request
            if "notice" in (a.outcome, b.outcome):
                continue  # a notice decides nothing
            seen.add(pair)
            declared = b.id in a.overrides + a.exclusive_with or a.id in b.overrides + b.exclusive_with
            if not declared and not disjoint(a, b):
                report.problems.append(
                    Problem(
                        "error",
                        b.file,
                        b.line,
                        f"decides {clause_id} differently ({b.outcome}) from {a.id} ({a.outcome}) "
                        "with no declared precedence: add 'overrides' or 'exclusive_with'",
                        b.id,
                    )
                )


def _check_coverage(policy: PolicySet, corpus: Corpus, report: Report) -> None:
    cited = {c for rule in policy.rules for c in rule.cites}
    marked: dict[str, Any] = {}
    for item in policy.unencoded:
        if item.clause not in corpus.clauses:
            report.problems.append(
                Problem(
                    "error",
                    item.file,
                    item.line,
                    f"unknown clause '{item.clause}'",
                    None,
                    _suggest(item.clause, list(corpus.clauses)),
                )
            )
        elif corpus.get(item.clause).role != "operative":
            report.problems.append(
                Problem(
                    "warning",
                    item.file,
                    item.line,
                    f"{item.clause} is {corpus.get(item.clause).role}, not operative: no need to mark it",
                )
            )
        marked[item.clause] = item

    def covered(clause_id: str) -> bool:
        clause = corpus.get(clause_id)
        return clause_id in cited or any(covered(child) for child in clause.children)

    def accounted(clause_id: str) -> bool:
        """Encoded, marked, or made only of operative parts that are each accounted for."""
        clause = corpus.get(clause_id)
        parts = [c for c in clause.children if corpus.get(c).role == "operative"]
        return covered(clause_id) or clause_id in marked or (bool(parts) and all(accounted(c) for c in parts))

    for clause in corpus.clauses.values():
        if not clause.is_clause or clause.role != "operative":
            continue
        report.operative += 1
        if covered(clause.id):
            report.encoded += 1
            if clause.id in marked and clause.id in cited:
                item = marked[clause.id]
                report.problems.append(
                    Problem("warning", item.file, item.line, f"{clause.id} is marked '{item.status}' but rules cite it")
                )
        elif accounted(clause.id):
            report.unencoded += 1
        else:
            instrument = corpus.instrument_of(clause.id)
            report.problems.append(
                Problem(
                    "error",
                    str(Path("policies") / "law" / instrument.path.name),
                    clause.line,
                    f"operative clause {clause.id} has no rule and is not marked in policies/{instrument.id}/unencoded.yaml",
                )
            )


def _check_parameters(policy: PolicySet, corpus: Corpus, report: Report) -> None:
    for parameter in policy.parameters.items.values():
        if parameter.clause not in corpus.clauses:
            hint = _suggest(parameter.clause, list(corpus.clauses))
            report.problems.append(
                Problem(
                    "error",
                    "policies/parameters.yaml",
                    parameter.line,
                    f"{parameter.name}: unknown clause '{parameter.clause}'",
                    None,
                    hint,
                )
            )


def validate(root: Path = POLICY_DIR, corpus: Corpus | None = None, reform: Path | None = None) -> Report:
    """Validate the policies under `root`, or - with `reform` - the policies as that reform changes them."""
    report = Report()
    corpus = corpus or load_corpus()
    try:
        policy = load_policy_set(root)
        if reform is not None:
            policy = load_reform(reform, policy)
    except PolicyError as error:
        report.problems.append(Problem("error", error.file, error.line, error.message, error.rule))
        return report
    report.files = len(policy.files)
    report.rules = len(policy.rules)
    ids = [rule.id for rule in policy.rules]
    for rule_id in sorted({i for i in ids if ids.count(i) > 1}):
        rule = policy.rule(rule_id)
        report.problems.append(Problem("error", rule.file, rule.line, "duplicate rule id", rule_id))
    checker = _RuleChecker(corpus, report)
    _check_parameters(policy, corpus, report)
    known = set(policy.parameters.items)
    epochs = policy.parameters.epochs()
    for rule in policy.rules:
        used = parameters_of(rule.when) + [n for c in rule.compute for n in expression_parameters(c.value)]
        unknown = [n for n in used if n not in known]
        for name in unknown:
            line = rule.lines.get("when") or rule.line
            report.problems.append(
                Problem("error", rule.file, line, f"unknown parameter '{name}'", rule.id, _suggest(name, sorted(known)))
            )
        if unknown:
            continue
        # Check the rule as it reads in every period of the parameters: values must fit the facts.
        for values in {repr(v): v for _, _, v in epochs}.values():
            checker.check(resolved_rule(rule, values), set(ids))
    if not any(p.severity == "error" and "parameter" in p.message for p in report.problems):
        for values in {repr(v): v for _, _, v in epochs}.values():
            _check_conflicts([resolved_rule(rule, values) for rule in policy.rules], report)
    report.problems = list(dict.fromkeys(report.problems))  # the same finding in several periods once
    _check_coverage(policy, corpus, report)
    report.problems.sort(key=lambda p: (p.severity != "error", p.file, p.line or 0))
    return report
