"""The floor: the subset's rules (bench/subset.py) as one plain Python function over the request as
sent - no engine, no citations, no validation. Three-valued like paiwu (None: a fact is missing).

Run alone it checks itself against paiwu on the shipped examples; bench/compare.py times it.
"""

from __future__ import annotations

from typing import Any

IN_FORCE = "2015-12-10"  # Arts. 14, 16, 17 and 21 apply from this day (ISO dates compare as text)
BARRED_RATINGS = ("red", "black")  # policies/parameters.yaml: xuzhou.barred_credit_ratings
PROJECTS = ("new", "rebuilt", "expanded")


def _all(*values: bool | None) -> bool | None:
    return False if False in values else (None if None in values else True)


def _any(*values: bool | None) -> bool | None:
    return True if True in values else (None if None in values else False)


def _is(value: Any, wanted: Any) -> bool | None:
    return None if value is None else value == wanted


def _among(value: Any, choices: tuple[str, ...]) -> bool | None:
    return None if value is None else value in choices


def _word(value: bool | None) -> str:
    return "unknown" if value is None else ("holds" if value else "fails")


def floor(request: dict[str, Any]) -> dict[str, str]:
    """Each subset rule's result for one trade request (a dict as decoded from JSON)."""
    trade = request.get("trade") or {}
    seller = request.get("seller") or {}
    buyer = request.get("buyer") or {}
    day = request.get("as_of") or trade.get("date")
    if day is not None and str(day) < IN_FORCE:
        return {}
    venue = trade.get("venue") or {}
    consents = trade.get("consents") or {}
    region = buyer.get("region") or {}
    project = buyer.get("project") or {}

    demand, supply, mode = trade.get("demand_t_per_year"), trade.get("supply_t_per_year"), trade.get("mode")
    compared = demand is not None and supply is not None
    seller_enterprise = _is(seller.get("kind"), "enterprise")
    county, other_county = seller.get("county"), buyer.get("county")
    cross_county = None if county is None or other_county is None else county != other_county

    rules = {
        "xuzhou-2015/art-14/para-1#venue-not-qualified": _all(
            _among(project.get("kind"), PROJECTS), _is(venue.get("qualified"), False)
        ),
        "xuzhou-2015/art-14/para-2#negotiated-despite-excess-demand": _all(
            demand > supply if compared else None, _is(mode, "negotiated")
        ),
        "xuzhou-2015/art-14/para-2#auction-despite-balance": _all(
            demand == supply if compared else None, _among(mode, ("bidding", "auction"))
        ),
        "xuzhou-2015/art-14/para-2#supply-exceeds-demand": demand < supply if compared else None,
        "xuzhou-2015/art-16/item-1#seller-banned-or-closed": _all(
            seller_enterprise,
            _among(seller.get("operating_status"), ("banned_for_violation", "closed_for_violation")),
        ),
        "xuzhou-2015/art-16/item-2#seller-tasks-unfinished": _all(
            seller_enterprise,
            _any(
                _is(seller.get("reduction_tasks_completed"), False), _is(seller.get("treatment_tasks_completed"), False)
            ),
        ),
        "xuzhou-2015/art-16/item-3#seller-credit-red-or-black": _all(
            seller_enterprise, _among(seller.get("credit_rating"), BARRED_RATINGS)
        ),
        "xuzhou-2015/art-16/item-4#seller-otherwise-barred": _all(
            seller_enterprise, _is(seller.get("other_legal_bar"), True)
        ),
        "xuzhou-2015/art-17/item-1#buyer-region-restricted": _any(
            _is(region.get("key_pollution_rectification"), True), _is(region.get("approval_restricted"), True)
        ),
        "xuzhou-2015/art-17/item-2#buyer-tasks-unfinished": _any(
            _is(buyer.get("reduction_tasks_completed"), False), _is(buyer.get("treatment_tasks_completed"), False)
        ),
        "xuzhou-2015/art-17/item-3#buyer-credit-red-or-black": _among(buyer.get("credit_rating"), BARRED_RATINGS),
        "xuzhou-2015/art-17/item-4#buyer-otherwise-barred": _is(buyer.get("other_legal_bar"), True),
        "xuzhou-2015/art-21#seller-region-total-control": _all(
            cross_county, _is(trade.get("seller_region_within_total_control"), False)
        ),
        "xuzhou-2015/art-21#buyer-area-quality": _all(
            cross_county, _is(trade.get("buyer_area_meets_quality_requirement"), False)
        ),
        "xuzhou-2015/art-21#seller-county-epb-consent": _all(
            cross_county, _is(consents.get("seller_county_epb"), False)
        ),
        "xuzhou-2015/art-21#buyer-county-epb-consent": _all(cross_county, _is(consents.get("buyer_county_epb"), False)),
        "xuzhou-2015/art-21#city-epb-consent": _all(cross_county, _is(consents.get("city_epb"), False)),
    }
    return {rule: _word(value) for rule, value in rules.items()}


if __name__ == "__main__":
    import glob
    from pathlib import Path

    from subset import disagreement, results_of, subset_evaluator

    from paiwu.facts import load_request

    paiwu = subset_evaluator()
    for path in sorted(glob.glob("examples/*.yaml")):
        request = load_request(Path(path).read_text(encoding="utf-8"), path)
        if request.kind != "trade":
            continue
        data = request.model_dump(mode="json", exclude_none=True)  # the request as validated: aliases resolved
        want, got = results_of(paiwu.decide(request)), floor(data)
        print(f"{path}: {'agrees' if want == got else disagreement('floor', 0, data, want, got)}")
