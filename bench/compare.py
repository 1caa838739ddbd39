"""paiwu beside the floor (plain Python) and the peer (Cedar) on the same requests and the same rules.

    .venv/bin/python bench/compare.py [--n 20000] [--seed 1] [--rounds 3]

The requests are the shipped trade examples and a generated population (bench/population.py), in
the form paiwu validates them into (aliases resolved). The rules are Xuzhou Art. 14 (mode and
venue), 16, 17 and 21 (bench/subset.py). First every implementation must give every request the same
result for every rule - the floor, Cedar, paiwu with only these rules, and paiwu's full decision
restricted to them wherever the Xuzhou Measures apply; any disagreement is printed and the script
exits 1 before timing anything. Then each is timed per request (evaluation only: paiwu's
Evaluator, Cedar's parsed policies and the requests' validation are made beforehand).
"""

from __future__ import annotations

import argparse
import glob
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cedar.peer import CedarPeer
from floor import floor
from population import trades
from subset import disagreement, results_of, subset_evaluator

from paiwu.engine.evaluate import Evaluator
from paiwu.facts import load_request, validate_request


def requests(n: int, seed: int) -> list[dict[str, Any]]:
    examples = [load_request(Path(p).read_text(encoding="utf-8"), p) for p in sorted(glob.glob("examples/*.yaml"))]
    canonical = [r.model_dump(mode="json", exclude_none=True) for r in examples if r.kind == "trade"]
    generated = [validate_request(d).model_dump(mode="json", exclude_none=True) for d in trades(n, seed)]
    return canonical + generated


def timed(call: Callable[[Any], Any], items: list[Any], rounds: int) -> tuple[float, float, float]:
    """Per call, in microseconds: the best round's mean, and that round's p50 and p99."""
    best: tuple[float, float, float] | None = None
    for _ in range(rounds):
        times = []
        for item in items:
            start = time.perf_counter()
            call(item)
            times.append(time.perf_counter() - start)
        times.sort()
        row = (statistics.fmean(times) * 1e6, times[len(times) // 2] * 1e6, times[int(len(times) * 0.99)] * 1e6)
        best = row if best is None or row[0] < best[0] else best
    assert best is not None
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=20_000, help="generated trade requests (besides the examples)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=3, help="timing rounds; the best is shown")
    args = parser.parse_args()

    data = requests(args.n, args.seed)
    models = [validate_request(d) for d in data]
    full, subset, cedar = Evaluator(), subset_evaluator(), CedarPeer()

    print(f"{len(data)} trade requests ({len(data) - args.n} shipped examples, {args.n} generated, seed {args.seed})")
    failures: list[str] = []
    counts = {"holds": 0, "fails": 0, "unknown": 0}
    xuzhou_applies = 0
    for index, (item, model) in enumerate(zip(data, models, strict=True)):
        want = results_of(subset.decide(model))
        for word in want.values():
            counts[word] += 1
        for name, got in (("floor", floor(item)), ("cedar", cedar.results(item))):
            if got != want:
                failures.append(disagreement(name, index, item, want, got))
        restricted = results_of(full.decide(model))
        if restricted:
            xuzhou_applies += 1
            if restricted != want:
                failures.append(disagreement("paiwu (full policy)", index, item, want, restricted))
    if failures:
        print(f"DISAGREEMENT on {len(failures)} comparisons; the first ones:", file=sys.stderr)
        print("\n".join(failures[:10]), file=sys.stderr)
        return 1
    print(
        f"agreement: floor, Cedar and paiwu give the same result for every rule of the subset on every request "
        f"({sum(counts.values())} rule results: {counts['holds']} hold, {counts['fails']} fail, "
        f"{counts['unknown']} undetermined); paiwu's full decision agrees on the {xuzhou_applies} requests "
        f"to which the Xuzhou Measures apply"
    )

    validation = timed(validate_request, data, 1)
    rows = {
        "floor (plain Python, subset)": timed(floor, data, args.rounds),
        "Cedar (cedarpy, subset)": timed(cedar.results, data, args.rounds),
        "paiwu (subset rules only)": timed(subset.decide, models, args.rounds),
        "paiwu (full decision)": timed(full.decide, models, args.rounds),
    }
    print(f"\n{'per request, microseconds':32s} {'mean':>8s} {'p50':>8s} {'p99':>8s} {'decisions/s':>12s}")
    for name, (mean, p50, p99) in rows.items():
        print(f"{name:32s} {mean:8.1f} {p50:8.1f} {p99:8.1f} {1e6 / mean:12,.0f}")
    print(f"(validating a request into paiwu's model, not included above: {validation[0]:.1f} us mean)")
    floor_mean, cedar_mean = rows["floor (plain Python, subset)"][0], rows["Cedar (cedarpy, subset)"][0]
    print("\npaiwu's time as a ratio (mean per request):")
    for name in ("paiwu (subset rules only)", "paiwu (full decision)"):
        mean = rows[name][0]
        print(f"  {name:28s} {mean / floor_mean:6.1f} x the floor   {mean / cedar_mean:5.2f} x Cedar")
    return 0


if __name__ == "__main__":
    sys.exit(main())
