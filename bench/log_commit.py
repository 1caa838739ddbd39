"""The decision log alone: how long a commit takes, and its CPU, on a new SQLite log (filled first on request).

    .venv/bin/python bench/log_commit.py [--entries 3000] [--group 4] [--seed 1] [--prefill 0]

Decides `--entries` generated trade requests in process (not timed), then commits their log
entries `--group` at a time, as the API's group commit would under load, into a new SQLite log in a
temporary folder (synchronous=FULL: every commit is flushed to disk). Prints the commit latency
percentiles and the slowest commits with their position (a stall that recurs every so many
commits is a WAL checkpoint), and the process's CPU time per entry, user and system. Commits of
one process only: `api_load.py` measures the log under the API's concurrency.

`--prefill N` first commits N more entries (not timed; `grown_log.py`), as a log holds after a while
in service: a commit's cost can grow with the log.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from paiwu.store import Prepared, capture_snapshot, new_entry, open_log

sys.path.insert(0, str(Path(__file__).resolve().parent))
from grown_log import decided_trades, fill  # bench's own module, beside this script


def cpu() -> tuple[float, float]:
    usage = resource.getrusage(resource.RUSAGE_SELF)  # every thread of the process
    return usage.ru_utime, usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=3000)
    parser.add_argument("--group", type=int, default=4, help="entries a commit")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--prefill", type=int, default=0, help="entries in the log before the timed commits")
    args = parser.parse_args()

    decided = decided_trades(args.entries, args.seed)
    prepared = [Prepared(new_entry(*made)) for made in decided]
    size = statistics.mean(len(p.decision_utf8) + len(p.request_utf8) for p in prepared)
    # what the database is given: the decision compressed where this paiwu compresses it
    stored = statistics.mean(len(p.packed.data if hasattr(p, "packed") else p.decision_utf8) for p in prepared)

    folder = tempfile.TemporaryDirectory(prefix="paiwu-log-bench-")
    with folder, open_log(f"sqlite:///{folder.name}/decisions.sqlite3") as log:
        log.save_snapshot(capture_snapshot())
        fill(log, decided, args.prefill)
        latencies = []
        user, system = cpu()
        for start in range(0, len(prepared), args.group):
            began = time.perf_counter()
            log.record_many(prepared[start : start + args.group])
            latencies.append((time.perf_counter() - began) * 1e3)
        user_after, system_after = cpu()

    n = len(latencies)
    ordered = sorted(latencies)
    slowest = sorted(range(n), key=lambda i: -latencies[i])[:8]
    print(
        f"{args.entries} entries ({size / 1e3:.1f} KB each on average; the decision stored in {stored / 1e3:.2f} KB), "
        f"{args.group} a commit, {n} commits, into a log of {args.prefill} entries before them"
    )
    print(
        f"commit ms: p50 {ordered[n // 2]:.1f}  p90 {ordered[int(n * 0.9)]:.1f}  p99 {ordered[int(n * 0.99)]:.1f}  "
        f"max {ordered[-1]:.1f}"
    )
    print("slowest commits (number: ms):", ", ".join(f"{i}: {latencies[i]:.1f}" for i in sorted(slowest)))
    per_entry = 1e6 / args.entries
    print(
        f"CPU a logged entry: user {(user_after - user) * per_entry:.0f} µs, "
        f"system {(system_after - system) * per_entry:.0f} µs (every thread of this process)"
    )


if __name__ == "__main__":
    main()
