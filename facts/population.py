"""Populations of requests for policy impact: load them (JSON Lines or CSV) or generate a synthetic
but plausible one for both cities, so a policymaker can try a reform before bringing data.

Synthetic distributions (documented in docs/reforms.md): 60% Xuzhou, 35% Linyi, 5% across the two
cities; 70% trades and 30% holdings; credit ratings green 40% / blue 30% / yellow 20% / red 7% /
black 3%; pollutants COD 30% / SO2 30% / NOx 25% / NH3-N 15%; dates uniform over 2015-2026; each
optional fact absent with probability 3% (so fail-closed decisions show up too).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

COUNTIES = {
    "xuzhou": ["铜山区", "鼓楼区", "邳州市", "沛县", "贾汪区"],
    "linyi": ["兰山区", "罗庄区", "河东区", "沂水县"],
}
RATINGS = (["green"] * 40) + (["blue"] * 30) + (["yellow"] * 20) + (["red"] * 7) + (["black"] * 3)
POLLUTANTS = (["COD"] * 30) + (["SO2"] * 30) + (["NOx"] * 25) + (["NH3-N"] * 15)


def _day(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


def _party(rng: random.Random, city: str, role: str) -> dict[str, Any]:
    return {
        "name": f"{role}-{rng.randrange(10**6):06d}",
        "kind": "enterprise",
        "city": city,
        "county": rng.choice(COUNTIES[city]),
        "industrial": rng.random() < 0.97,
        "operating_status": "operating" if rng.random() < 0.95 else rng.choice(["suspended", "closed_for_violation"]),
        "credit_rating": rng.choice(RATINGS),
        "reduction_tasks_completed": rng.random() < 0.92,
        "treatment_tasks_completed": rng.random() < 0.94,
        "other_legal_bar": rng.random() < 0.01,
        "in_2010_census": rng.random() < 0.7,
        "post_2010_project_increasing_emissions": rng.random() < 0.5,
    }


def _thin(rng: random.Random, data: dict[str, Any], keep: tuple[str, ...] = ("kind", "city")) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            out[key] = _thin(rng, value, keep)
        elif key in keep or rng.random() >= 0.03:
            out[key] = value
    return out


def synthetic_case(rng: random.Random, index: int) -> dict[str, Any]:
    roll = rng.random()
    city = "xuzhou" if roll < 0.6 else "linyi"
    other = ("linyi" if city == "xuzhou" else "xuzhou") if rng.random() < 0.05 else city
    date = _day(rng, dt.date(2015, 1, 1), dt.date(2026, 12, 31))
    quantity = round(rng.uniform(1, 60), 1)
    start = date - dt.timedelta(days=rng.randrange(0, 6 * 365))
    holding = {
        "pollutant": rng.choice(POLLUTANTS),
        "quantity_t_per_year": round(quantity * rng.uniform(1, 4), 1),
        "acquired_by": rng.choice(["paid_allocation"] * 6 + ["trade"] * 3 + ["free_allocation"]),
        "acquired_on": start.isoformat(),
        "term_start": start.isoformat(),
        "reverified_after_term": rng.random() < 0.3,
        "surplus_origin": "reduction_works" if rng.random() < 0.9 else "other",
        "surplus_verified": rng.random() < 0.93,
        "confirmed_by_permit": rng.random() < 0.95,
    }
    if rng.random() < 0.3:
        seller = _party(rng, city, "H")
        seller["project"] = {
            "kind": rng.choice(["existing", "new", "expanded"]),
            "construction_started": rng.random() < 0.8,
        }
        holding["bought_for_project"] = holding["acquired_by"] == "trade"
        return _thin(
            rng,
            {"kind": "holding", "id": f"case-{index}", "as_of": date.isoformat(), "party": seller, "holding": holding},
        )
    demand = round(quantity * rng.choice([1, 1, 1, 1.5, 0.8]), 1)
    mode = "negotiated" if demand <= quantity or rng.random() < 0.1 else rng.choice(["bidding", "auction"])
    buyer = _party(rng, other, "B")
    buyer["region"] = {"key_pollution_rectification": rng.random() < 0.03, "approval_restricted": rng.random() < 0.03}
    buyer["project"] = {
        "kind": rng.choice(["new", "rebuilt", "expanded", "existing"]),
        "eia_quantity_t_per_year": quantity if rng.random() < 0.9 else round(quantity * 0.8, 1),
        "applied_at_eia_stage": rng.random() < 0.95,
        "purchase_approved_by_city_epb": rng.random() < 0.95,
    }
    trade = {
        "date": date.isoformat(),
        "pollutant": holding["pollutant"],
        "quantity_t_per_year": quantity,
        "mode": mode,
        "demand_t_per_year": demand,
        "supply_t_per_year": quantity,
        "venue": {"qualified": rng.random() < 0.97, "designated_platform": rng.random() < 0.97},
        "consents": {
            "seller_county_epb": True,
            "buyer_county_epb": rng.random() < 0.95,
            "city_epb": rng.random() < 0.95,
        },
        "seller_region_within_total_control": rng.random() < 0.95,
        "buyer_area_meets_quality_requirement": rng.random() < 0.95,
        "listing_approved": rng.random() < 0.96,
        "conforms_total_control": rng.random() < 0.97,
        "conforms_industrial_policy": rng.random() < 0.97,
        "meets_environmental_access": rng.random() < 0.97,
    }
    case = {
        "kind": "trade",
        "id": f"case-{index}",
        "trade": trade,
        "seller": _party(rng, city, "S"),
        "buyer": buyer,
        "holding": holding,
    }
    return _thin(rng, case)


def generate(n: int, seed: int) -> Iterator[dict[str, Any]]:
    rng = random.Random(seed)
    for index in range(n):
        yield synthetic_case(rng, index)


def _unflatten(row: dict[str, str]) -> dict[str, Any]:
    """A CSV row with dotted headers (trade.date, seller.credit_rating) as a nested request."""
    out: dict[str, Any] = {}
    for header, text in row.items():
        if text is None or text == "":
            continue
        value: Any = text
        if text in ("true", "false"):
            value = text == "true"
        else:
            try:
                value = float(text) if "." in text else int(text)
            except ValueError:
                value = text
        node = out
        *parents, leaf = header.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = value
    return out


def read_population(path: Path) -> Iterator[tuple[str, dict[str, Any] | str]]:
    """(source position, case) for each case of a .jsonl or .csv population. A JSON Lines case is
    left as its text, decoded by `decode_case` where it is evaluated (in the worker process)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix.lower() == ".csv":
        for number, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
            yield f"{path}:{number}", _unflatten(row)
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            yield f"{path}:{number}", line


def count_cases(path: Path) -> int:
    with path.open(encoding="utf-8") as stream:
        lines = sum(1 for line in stream if line.strip())
    return lines - 1 if path.suffix.lower() == ".csv" else lines


def decode_case(case: dict[str, Any] | str) -> Any:
    """A case as request data; a line that is not JSON raises ValueError."""
    return json.loads(case) if isinstance(case, str) else case
