"""The peer: the subset's rules as Cedar policies (subset.cedar), evaluated in-process by cedarpy.

The policies are parsed once (a cedarpy PolicySet, as a service would keep them); each request is
turned into a Cedar context - Cedar has no floating-point numbers, so quantities become integer
thousandths of a tonne, and the as-of date a day number - and authorized once. The forbid
policies that are satisfied are the rules that hold or fail; a rule with neither is undetermined.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import cedarpy

POLICIES = Path(__file__).with_name("subset.cedar")
NOT_IN_FORCE = "not yet in force"
_SCALE = 1000


def _quantity(value: Any) -> int | None:
    return None if value is None else round(value * _SCALE)


def _pick(data: dict[str, Any], *names: str) -> dict[str, Any]:
    return {name: data[name] for name in names if data.get(name) is not None}


def context_of(request: dict[str, Any]) -> dict[str, Any]:
    """The facts the policies read, as Cedar values (absent facts stay absent)."""
    trade = request.get("trade") or {}
    seller = request.get("seller") or {}
    buyer = request.get("buyer") or {}
    context: dict[str, Any] = {
        "trade": _pick(trade, "mode", "seller_region_within_total_control", "buyer_area_meets_quality_requirement"),
        "seller": _pick(
            seller,
            "kind",
            "county",
            "operating_status",
            "reduction_tasks_completed",
            "treatment_tasks_completed",
            "credit_rating",
            "other_legal_bar",
        ),
        "buyer": _pick(
            buyer,
            "county",
            "reduction_tasks_completed",
            "treatment_tasks_completed",
            "credit_rating",
            "other_legal_bar",
        ),
    }
    for name in ("demand_t_per_year", "supply_t_per_year"):
        if trade.get(name) is not None:
            context["trade"][name] = _quantity(trade[name])
    if trade.get("venue"):
        context["trade"]["venue"] = _pick(trade["venue"], "qualified")
    if trade.get("consents"):
        context["trade"]["consents"] = _pick(trade["consents"], "seller_county_epb", "buyer_county_epb", "city_epb")
    if buyer.get("region"):
        context["buyer"]["region"] = _pick(buyer["region"], "key_pollution_rectification", "approval_restricted")
    if (buyer.get("project") or {}).get("kind") is not None:
        context["buyer"]["project"] = {"kind": buyer["project"]["kind"]}
    day = request.get("as_of") or trade.get("date")
    if day is not None:
        context["as_of_day"] = dt.date.fromisoformat(str(day)).toordinal()
    return context


class CedarPeer:
    def __init__(self) -> None:
        text = POLICIES.read_text(encoding="utf-8")
        self.policies = cedarpy.PolicySet.from_str(text)
        self.entities = cedarpy.Entities.from_json_str("[]")
        self.rules = tuple(re.findall(r'@id\("(.+) holds"\)', text))

    def results(self, request: dict[str, Any]) -> dict[str, str]:
        """Each subset rule's result for one trade request (a dict as decoded from JSON)."""
        answer = cedarpy.is_authorized(
            {
                "principal": 'Platform::"bench"',
                "action": 'Action::"trade"',
                "resource": f'Trade::"{request.get("id") or "-"}"',
                "context": context_of(request),
            },
            self.policies,
            self.entities,
        )
        if answer.diagnostics.errors:
            raise RuntimeError(f"Cedar failed on {request.get('id')}: {answer.diagnostics.errors}")
        names = answer.diagnostics.id_annotations_by_reason.values()
        if NOT_IN_FORCE in names:
            return {}
        satisfied = dict(name.rsplit(" ", 1) for name in names if name != "baseline")
        return {rule: satisfied.get(rule, "unknown") for rule in self.rules}
