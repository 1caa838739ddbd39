"""Short open-loop runs of the server and its variants, interleaved: comparisons that survive a drifting host.

    .venv/bin/python bench/pairs.py [--variants paiwu,floor:log] [--rounds 3] [--rate 1500] [--duration 8]
        [--warmup-rate 800] [--warmup 3] [--prefill 200000] [--workers 2] [--connections 64] [--seed 1]

On a shared host whose speed drifts by more than the change being measured, a run of minutes drifts
within itself (bench/README.md). So variants are compared in short runs, interleaved: each round
runs every variant once, in the order given, and the rounds are printed as they finish.

A run: a copy of one SQLite decision log filled with `--prefill` entries (made once, at the start:
bench/grown_log.py), `paiwu serve` on a free 127.0.0.1 port with the variant loaded, `--warmup`
seconds at `--warmup-rate`, a pause of a second, then `--duration` seconds at `--rate`
(bench/paced.py: requests due on a fixed schedule over `--connections` keep-alive connections,
latency from each request's intended send time), then the server stopped. A line per run: the
achieved rate, latency percentiles in ms, errors, the server's CPU time a request in ms (user +
system, every process and thread; in brackets, threads other than the workers' main ones) and the
generator's own CPU.

Variants:
  paiwu          the server as it is
  floor:STAGES   a stage made free: decide, log or decide,log (bench/floors/sitecustomize.py)
  nosync         commits without a flush                        (bench/variants/sitecustomize.py)
  compact        answers without the decision's text            (bench/variants/sitecustomize.py)
  gather:MS      commits MS ms after a pass's first submission  (bench/variants/sitecustomize.py)
  nodelay        TCP_NODELAY forced                             (bench/nodelay/sitecustomize.py)
Every one but paiwu is a diagnosis, not a mode of paiwu. Only loopback is ever contacted.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from paiwu.facts import validate_request

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from api_load import HOST, CpuMeter, free_port, start_server, stop_server, wait_ready  # noqa: E402 - bench's own modules
from grown_log import fill_new_log  # noqa: E402
from paced import run_paced  # noqa: E402
from population import trades  # noqa: E402

PATH = "/v1/decisions/trade"


def variant_environment(variant: str) -> dict[str, str]:
    """What the server's processes get for ``variant``: the sitecustomize folder and its setting."""
    name, _, argument = variant.partition(":")
    if name == "paiwu" and not argument:
        return {}
    if name == "floor" and argument:
        return {"PYTHONPATH": str(BENCH / "floors"), "PAIWU_BENCH_FLOOR": argument}
    if (name in ("nosync", "compact") and not argument) or (name == "gather" and argument):
        if name == "gather":
            float(argument)  # a number of milliseconds, or ValueError
        return {"PYTHONPATH": str(BENCH / "variants"), "PAIWU_BENCH_VARIANT": variant}
    if name == "nodelay" and not argument:
        return {"PYTHONPATH": str(BENCH / "nodelay")}
    raise ValueError(variant)


def prefilled_log(folder: Path, entries: int, seed: int) -> Path:
    """A log of ``entries`` entries, checkpointed into its one file so that a copy of it is whole."""
    path = folder / "prefilled.sqlite3"
    fill_new_log(f"sqlite:///{path}", entries, seed)
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def one_run(variant: str, log: Path, bodies: list[bytes], args: argparse.Namespace) -> str:
    folder = log.parent / "run"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    shutil.copy(log, folder / "decisions.sqlite3")
    port = free_port()
    env = {**os.environ, **variant_environment(variant)}
    if "PYTHONPATH" in os.environ and env["PYTHONPATH"] != os.environ["PYTHONPATH"]:  # the variant's folder first
        env["PYTHONPATH"] = os.pathsep.join((env["PYTHONPATH"], os.environ["PYTHONPATH"]))
    server = start_server(port, f"sqlite:///{folder}/decisions.sqlite3", args.workers, env)
    try:
        wait_ready(f"http://{HOST}:{port}", server)
        if args.warmup > 0:
            run_paced(HOST, port, PATH, bodies, args.connections, args.warmup_rate, args.warmup)
        time.sleep(1)
        meter = CpuMeter(server.pid, database=False)
        before = meter.read()
        r = run_paced(HOST, port, PATH, bodies, args.connections, args.rate, args.duration)
        cpu = meter.per(before, r["completed"])
    finally:
        stop_server(server)
    lat = r["latency_ms"]

    def ms(value: float | None) -> str:
        return f"{value:7.1f}" if value is not None else f"{'-':>7s}"

    return (
        f"{variant:16s} {r['achieved_rate']:8,.0f} {ms(lat['p50'])} {ms(lat['p90'])} {ms(lat['p99'])} "
        f"{ms(lat['p99.9'])} {ms(lat['max'])} {r['errors']:6d} {r['unfinished']:10d} {cpu:>16s} "
        f"{r['cpu_percent']:6.1f}%"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--variants", default="paiwu,floor:log", help="comma-separated (see above)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--rate", type=float, default=1500, help="requests/s of the measured run")
    parser.add_argument("--duration", type=float, default=8, help="seconds of the measured run")
    parser.add_argument("--warmup-rate", type=float, default=800)
    parser.add_argument("--warmup", type=float, default=3, help="seconds of warm-up (0: none)")
    parser.add_argument("--prefill", type=int, default=200_000, help="entries in the log before each run")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    variants = [v.strip() for v in args.variants.split(",") if v.strip()]
    for variant in variants:
        try:
            variant_environment(variant)
        except ValueError:
            raise SystemExit(f"--variants: unknown variant {variant!r} (see --help)") from None
    requests = [validate_request(d).model_dump(mode="json", exclude_none=True) for d in trades(2_000, args.seed)]
    bodies = [json.dumps(r, ensure_ascii=False).encode("utf-8") for r in requests]
    with tempfile.TemporaryDirectory(prefix="paiwu-pairs-") as folder:
        log = prefilled_log(Path(folder), args.prefill, args.seed + 1)  # other requests than the runs'
        print(
            f"{args.rounds} rounds of {', '.join(variants)}: {args.duration:g} s at {args.rate:,.0f}/s after "
            f"{args.warmup:g} s at {args.warmup_rate:,.0f}/s, {args.connections} connections, {args.workers} workers, "
            f"a log of {args.prefill:,} entries; latency in ms from each request's intended send time"
        )
        print(f"{'variant':16s} {'achieved':>8s} {'p50':>7s} {'p90':>7s} {'p99':>7s} {'p99.9':>7s} {'max':>7s} "
              f"{'errors':>6s} {'unfinished':>10s} {'srv ms/req':>16s} {'gen CPU':>7s}")  # fmt: skip
        for round_number in range(1, args.rounds + 1):
            print(f"round {round_number}")
            for variant in variants:
                print(one_run(variant, log, bodies, args), flush=True)


if __name__ == "__main__":
    main()
