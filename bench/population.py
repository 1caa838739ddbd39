"""Seeded, plausible trade requests for the benchmarks (plain dicts, as a platform would send them).

Most are Xuzhou trades after the Measures took effect, some Linyi and some across the two cities.
Each fact a rule reads is drawn from a skewed distribution (most trades are in order, some break
one or more clauses) and is absent with a small probability, so that every rule is seen holding,
failing and undetermined. The same seed always gives the same requests.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

COUNTIES = {"xuzhou": ["铜山区", "鼓楼区", "邳州市", "沛县", "贾汪区"], "linyi": ["兰山区", "罗庄区", "河东区"]}
RATINGS = ["green"] * 40 + ["blue"] * 30 + ["yellow"] * 20 + ["red"] * 7 + ["black"] * 3
POLLUTANTS = ["COD"] * 30 + ["SO2"] * 30 + ["NOx"] * 25 + ["NH3-N"] * 12 + ["VOCs"] * 3
ABSENT = 0.02  # the probability that any one fact is left out


def _flag(rng: random.Random, p_true: float) -> bool:
    return rng.random() < p_true


def _party(rng: random.Random, city: str, role: str) -> dict[str, Any]:
    return {
        "name": f"{role}-{rng.randrange(10**6):06d}",
        "kind": "enterprise",
        "city": city,
        "county": rng.choice(COUNTIES[city]),
        "industrial": _flag(rng, 0.97),
        "operating_status": "operating"
        if _flag(rng, 0.93)
        else rng.choice(["suspended", "banned_for_violation", "closed_for_violation"]),
        "credit_rating": rng.choice(RATINGS),
        "reduction_tasks_completed": _flag(rng, 0.92),
        "treatment_tasks_completed": _flag(rng, 0.94),
        "other_legal_bar": _flag(rng, 0.02),
        "in_2010_census": _flag(rng, 0.8),
        "post_2010_project_increasing_emissions": _flag(rng, 0.5),
    }


def _thin(rng: random.Random, data: dict[str, Any], keep: frozenset[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            out[key] = _thin(rng, value, keep)
        elif key in keep or rng.random() >= ABSENT:
            out[key] = value
    return out


def trade(rng: random.Random, index: int) -> dict[str, Any]:
    """One trade request; about 80% in Xuzhou, 15% in Linyi, 5% between the two cities."""
    roll = rng.random()
    city = "xuzhou" if roll < 0.8 else "linyi"
    buyer_city = ("linyi" if city == "xuzhou" else "xuzhou") if rng.random() < 0.05 else city
    date = dt.date(2015, 6, 1) + dt.timedelta(days=rng.randrange(11 * 365))
    quantity = round(rng.uniform(1, 60), 1)
    balance = rng.random()
    demand = quantity if balance < 0.75 else round(quantity * (rng.uniform(1.1, 2) if balance < 0.95 else 0.8), 1)
    lawful = "negotiated" if demand <= quantity else rng.choice(["bidding", "auction"])
    mode = lawful if _flag(rng, 0.93) else rng.choice(["negotiated", "bidding", "auction"])
    start = date - dt.timedelta(days=rng.randrange(int(5.3 * 365)))
    seller = _party(rng, city, "S")
    if _flag(rng, 0.05):
        seller = {"name": "reserve", "kind": "government", "city": city, "county": seller["county"]}
    buyer = _party(rng, buyer_city, "B")
    buyer["region"] = {"key_pollution_rectification": _flag(rng, 0.04), "approval_restricted": _flag(rng, 0.04)}
    buyer["project"] = {
        "kind": rng.choice(["new", "rebuilt", "expanded", "expanded", "existing"]),
        "eia_quantity_t_per_year": quantity if _flag(rng, 0.9) else round(quantity * 0.8, 1),
        "applied_at_eia_stage": _flag(rng, 0.95),
        "purchase_approved_by_city_epb": _flag(rng, 0.95),
    }
    cross_county = seller["county"] != buyer["county"]
    data: dict[str, Any] = {
        "kind": "trade",
        "id": f"BENCH-{index:07d}",
        "trade": {
            "date": date.isoformat(),
            "pollutant": rng.choice(POLLUTANTS),
            "quantity_t_per_year": quantity,
            "price_cny_per_t": rng.randrange(1500, 6000, 50),
            "mode": mode,
            "demand_t_per_year": demand,
            "supply_t_per_year": quantity,
            "venue": {"name": "交易中心", "qualified": _flag(rng, 0.96), "designated_platform": _flag(rng, 0.95)},
            "listing_approved": _flag(rng, 0.95),
            "conforms_total_control": _flag(rng, 0.96),
            "conforms_industrial_policy": _flag(rng, 0.96),
            "meets_environmental_access": _flag(rng, 0.96),
        },
        "seller": seller,
        "buyer": buyer,
        "holding": {
            "pollutant": rng.choice(POLLUTANTS),
            "quantity_t_per_year": round(quantity * rng.uniform(1, 4), 1),
            "acquired_by": rng.choice(["paid_allocation"] * 6 + ["trade"] * 3 + ["free_allocation"]),
            "acquired_on": start.isoformat(),
            "term_start": start.isoformat(),
            "reverified_after_term": _flag(rng, 0.3),
            "surplus_origin": "reduction_works" if _flag(rng, 0.9) else "other",
            "surplus_verified": _flag(rng, 0.93),
        },
    }
    data["holding"]["pollutant"] = data["trade"]["pollutant"]
    if cross_county:
        data["trade"]["seller_region_within_total_control"] = _flag(rng, 0.93)
        data["trade"]["buyer_area_meets_quality_requirement"] = _flag(rng, 0.93)
        data["trade"]["consents"] = {
            "seller_county_epb": _flag(rng, 0.93),
            "buyer_county_epb": _flag(rng, 0.93),
            "city_epb": _flag(rng, 0.93),
        }
    return _thin(rng, data, frozenset({"kind", "id", "name"}))


def trades(n: int, seed: int = 1) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    return [trade(rng, i) for i in range(n)]
