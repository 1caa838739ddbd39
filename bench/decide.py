"""In-process decisions: throughput and latency per check kind, and memory across many decisions.

    .venv/bin/python bench/decide.py [--n 20000] [--seed 1] [--repeat 2000] [--memory 100000]

Times evaluation only, as `opa bench` does: the Evaluator is built once (policies compiled, rulesets
created) and the requests are validated beforehand; each `Evaluator.decide` call is timed on its
own. Per check kind over the shipped examples (each kind's examples in turn, `--repeat` decisions);
then over a generated population of trade requests (bench/population.py), each decided once after
a warm-up. Last, resident memory after 1,000 decisions and after `--memory` decisions: durable-rules
sessions are deleted after every request, so it must stay flat.
"""

from __future__ import annotations

import argparse
import collections
import gc
import glob
import itertools
import os
import platform
import statistics
import time
from pathlib import Path
from typing import Any

from population import trades

import paiwu
from paiwu.engine.evaluate import Evaluator
from paiwu.facts import load_request, validate_request


def rss_mib() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def timings(evaluator: Evaluator, requests: list[Any]) -> list[float]:
    times = []
    for request in requests:
        start = time.perf_counter()
        evaluator.decide(request)
        times.append(time.perf_counter() - start)
    return times


def row(name: str, times: list[float], extra: str = "") -> str:
    ordered = sorted(times)
    p50, p95, p99 = (ordered[min(len(ordered) - 1, int(len(ordered) * q))] * 1e3 for q in (0.5, 0.95, 0.99))
    rate = len(times) / sum(times)
    return f"{name:34s} {len(times):8,d} {rate:10,.0f} {p50:7.3f} {p95:7.3f} {p99:7.3f}  {extra}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=20_000, help="generated trade requests")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=2_000, help="decisions per check kind over its examples")
    parser.add_argument("--memory", type=int, default=100_000, help="decisions for the memory check (0: skip)")
    args = parser.parse_args()
    if 0 < args.memory < 1_000:
        parser.error("--memory is 0 (no memory check) or at least 1000")

    print(f"paiwu {paiwu.__version__}, Python {platform.python_version()}, {os.cpu_count()} CPUs, {platform.machine()}")
    start = time.perf_counter()
    evaluator = Evaluator()
    print(f"Evaluator built in {time.perf_counter() - start:.2f} s (policy {evaluator.version})")

    examples: dict[str, list[Any]] = collections.defaultdict(list)
    for path in sorted(glob.glob("examples/*.yaml")):
        request = load_request(Path(path).read_text(encoding="utf-8"), path)
        examples[request.kind].append(request)
    print(f"\n{'decisions':34s} {'n':>8s} {'per s':>10s} {'p50 ms':>7s} {'p95 ms':>7s} {'p99 ms':>7s}")
    for kind, requests in examples.items():
        timings(evaluator, requests)  # warm-up
        batch = list(itertools.islice(itertools.cycle(requests), args.repeat))
        print(row(f"{kind} (examples: {len(requests)})", timings(evaluator, batch)))

    population = [validate_request(d) for d in trades(args.n, args.seed)]
    timings(evaluator, population[:1_000])  # warm-up
    times = timings(evaluator, population)
    statuses = collections.Counter(evaluator.decide(r).status for r in population)
    mix = ", ".join(f"{s} {100 * c / len(population):.0f}%" for s, c in statuses.most_common())
    print(row(f"trade (generated, seed {args.seed})", times, mix))
    print(f"  mean {statistics.fmean(times) * 1e3:.3f} ms")

    if args.memory:
        gc.collect()
        before = rss_mib()
        for done, request in enumerate(itertools.islice(itertools.cycle(population), args.memory), 1):
            evaluator.decide(request)
            if done == 1_000:
                gc.collect()
                after_1k = rss_mib()
        gc.collect()
        after = rss_mib()
        print(
            f"\nresident memory: {before:.1f} MiB before, {after_1k:.1f} MiB after 1,000 decisions, "
            f"{after:.1f} MiB after {args.memory:,} ({after - after_1k:+.1f} MiB)"
        )


if __name__ == "__main__":
    main()
