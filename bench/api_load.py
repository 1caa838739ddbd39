"""The HTTP API under load: `paiwu serve` on loopback, driven by wrk, single and batch decisions.

    .venv/bin/python bench/api_load.py [--workers 2] [--duration 10] [--concurrency 1,16,64] [--batch 100]
        [--batch-concurrency 1,2,4] [--paced 1500] [--paced-connections 64] [--prefill 0] [--log-url URL]

Starts `paiwu serve` on a free 127.0.0.1 port with its SQLite decision log in a temporary folder
(access log off; with `--prefill N` the log first gets N entries, as after a while in service:
bench/grown_log.py; with `--log-url postgresql://…`, a PostgreSQL log in that scratch database
instead, the database server's CPU shown as "db"), waits for /readyz, and checks that the
server's decisions are the in-process ones (canonical JSON, for a sample of requests, single and
in a batch). Then, for each concurrency, wrk posts generated trade requests (bench/population.py, a different one each time) to
POST /v1/decisions/trade (`--concurrency` connections), and batches of `--batch` of them to
POST /v1/decisions:batch (`--batch-concurrency` connections: many connections of large batches
only measure queueing), for `--duration` seconds each and at most `--max-requests` requests. It
prints requests/s, decisions/s, latency percentiles, errors (socket errors, timeouts, non-2xx
answers) and the server's CPU time per decision (user and system, every process and thread of
it, from /proc, user+system: the steadiest figure on a machine whose speed drifts, since it is not a rate;
in brackets, the part used by threads other than the workers' main ones, i.e. the log writers). Needs wrk (apt-get install -y wrk). Only loopback is ever contacted.

wrk is a closed loop: each connection sends its next request when the previous answer arrives, so
it measures capacity, and its latency at a given concurrency follows from the rate it reaches
(Little's law). The latency a client sees at a given rate is measured open loop: for each rate in
`--paced`, after a 2 s pause, bench/paced.py sends single trade requests over `--paced-connections`
keep-alive connections on a fixed schedule (request k due at start + k/rate, whatever the server
does) for `--duration` seconds, and each latency runs from the request's intended send time (corrected for
coordinated omission, as wrk2 does). That table shows the achieved rate, latency percentiles,
p50 in the first and the last second of the schedule (above capacity, latency grows through
the run), errors, unfinished requests and the generator's own CPU. Then the server is stopped.

durable-rules runs one request at a time per process (a lock; no threads): the API scales with
worker processes (`--workers`, one per core).

Diagnosis: `--floor decide`, `--floor log` or `--floor decide,log` runs the same tables against a
server in which that stage costs (nearly) nothing (bench/floors/sitecustomize.py): a request seen
before reuses the decision made the first time; commits answer at once and write nothing. What the
server reaches then bounds what any cheaper engine or log could give. The byte-for-byte check still
runs (decisions are unchanged); the single-decision wrk run includes the first pass, which decides.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

from paiwu.engine.evaluate import Evaluator
from paiwu.facts import validate_request

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from grown_log import fill_new_log  # noqa: E402 - bench's own modules, beside this script
from paced import run_paced  # noqa: E402
from population import trades  # noqa: E402

HOST = "127.0.0.1"  # loopback only
LUA = """
local bodies = {
%(bodies)s
}
local path = %(path)s
local limit, next_body, sent = 0, 0, 0

local threads = 0
function setup(thread)  -- each wrk thread starts at another request
  thread:set("first", %(spread)d * threads)
  threads = threads + 1
end

function init(args)  -- args: the most requests this thread may send
  limit = tonumber(args[1])
  next_body = tonumber(first) or 0
end

function request()
  sent = sent + 1
  if sent > limit then wrk.thread:stop() end
  next_body = next_body %% #bodies + 1
  return wrk.format("POST", path, {["Content-Type"] = "application/json"}, bodies[next_body])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests": %%d, "seconds": %%f, "socket_errors": %%d, "timeouts": %%d, "status_errors": %%d, '
    .. '"mean": %%f, "p50": %%d, "p90": %%d, "p99": %%d, "max": %%d}\\n',
    summary.requests, summary.duration / 1e6, e.connect + e.read + e.write, e.timeout, e.status,
    latency.mean, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
"""


def tree_cpu_seconds(pid: int) -> tuple[float, float, float]:
    """CPU time of process ``pid`` and its descendants, from /proc: user and system (every thread),
    and, of that, what threads other than each process's main one used (the log writers: the
    event loop, which decides, runs on the main thread)."""
    tick = os.sysconf("SC_CLK_TCK")
    user = system = side = 0.0

    def times(stat: Path) -> tuple[float, float]:
        fields = stat.read_text().rpartition(")")[2].split()
        return int(fields[11]) / tick, int(fields[12]) / tick  # utime, stime

    try:
        user, system = times(Path(f"/proc/{pid}/stat"))  # every thread, ended ones included
        for task in Path(f"/proc/{pid}/task").iterdir():
            if task.name != str(pid):
                side += sum(times(task / "stat"))
            for child in (task / "children").read_text().split():
                child_user, child_system, child_side = tree_cpu_seconds(int(child))
                user, system, side = user + child_user, system + child_system, side + child_side
    except (FileNotFoundError, ProcessLookupError):
        pass  # a process (or thread) that ended meanwhile
    return user, system, side


def database_cpu_seconds() -> float:
    """CPU time (user + system) of this machine's PostgreSQL processes, from /proc: the database
    server a PostgreSQL log runs on does part of each commit's work, on the same cores."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for process in Path("/proc").iterdir():
        if not process.name.isdigit():
            continue
        try:
            if (process / "comm").read_text().strip() == "postgres":
                fields = (process / "stat").read_text().rpartition(")")[2].split()
                total += (int(fields[11]) + int(fields[12])) / tick
        except (FileNotFoundError, ProcessLookupError):
            pass  # a process that ended meanwhile
    return total


class CpuMeter:
    """The server's CPU (its process tree) and, for a PostgreSQL log, the database server's."""

    def __init__(self, pid: int, database: bool) -> None:
        self.pid, self.database = pid, database

    def read(self) -> tuple[float, ...]:
        return (*tree_cpu_seconds(self.pid), database_cpu_seconds() if self.database else 0.0)

    def per(self, before: tuple[float, ...], count: int) -> str:
        """ms of CPU per item since ``before``: user+system (of which threads other than the main
        ones), then the database server's."""
        user, system, side, db = ((b - a) / max(count, 1) * 1e3 for a, b in zip(before, self.read(), strict=True))
        return f"{user:.2f}+{system:.2f} ({side:.2f})" + (f" db {db:.2f}" if self.database else "")


def redacted(url: str) -> str:
    """A database URL without its password."""
    parts = urllib.parse.urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urllib.parse.urlunsplit(parts._replace(netloc=netloc))


def start_server(port: int, log_url: str, workers: int, env: dict[str, str]) -> subprocess.Popen[bytes]:
    """`paiwu serve` on loopback, access log off, leading a session of its own (see stop_server)."""
    command = [str(Path(sys.executable).with_name("paiwu")), "serve", "--host", HOST, "--port", str(port)]
    command += ["--workers", str(workers), "--log-url", log_url, "--no-access-log"]
    return subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True, env=env
    )


def stop_server(server: subprocess.Popen[bytes]) -> None:
    os.killpg(server.pid, signal.SIGTERM)  # the server and its workers: the session it leads
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def call(url: str, body: Any | None = None) -> tuple[int, Any]:
    data = None if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, None


def wait_ready(base: str, server: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"paiwu serve exited with {server.returncode} before it was ready")
        try:
            if call(f"{base}/readyz")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit("paiwu serve was not ready in time")


def check_decisions(base: str, requests: list[dict[str, Any]]) -> None:
    """The server decides as the engine does in-process (the API adds logging, not law)."""
    evaluator = Evaluator()
    expected = [json.loads(evaluator.decide(validate_request(r)).canonical_json()) for r in requests]
    for request, want in zip(requests, expected, strict=True):
        status, answer = call(f"{base}/v1/decisions/trade", request)
        if status != 201 or answer["decision"] != want:
            raise SystemExit(f"the server's decision differs for {request['id']} (HTTP {status})")
    status, answer = call(f"{base}/v1/decisions:batch", {"requests": requests})
    results = answer["results"] if status == 200 else []
    if [item["status"] for item in results] != [201] * len(requests):
        raise SystemExit(f"a batch was not decided whole (HTTP {status})")
    if [item["result"]["decision"] for item in results] != expected:
        raise SystemExit("the server's batch decisions differ from the in-process ones")
    print(f"checked: the server's decisions equal the in-process ones ({len(requests)} requests, single and batch)")


def lua_script(path: str, bodies: list[str], folder: Path, name: str) -> Path:
    quoted = ",\n".join(f"[==[{body}]==]" for body in bodies)
    script = folder / f"{name}.lua"
    values = {"bodies": quoted, "path": json.dumps(path), "spread": len(bodies) // 2}
    script.write_text(LUA % values, encoding="utf-8")
    return script


def run_wrk(url: str, script: Path, connections: int, duration: int, most: int) -> dict[str, Any]:
    threads = min(connections, 2)
    command = ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{duration}s", "--timeout", "30s"]
    run = subprocess.run([*command, "-s", str(script), url, "--", str(most // threads)], capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"wrk failed ({run.returncode}): {run.stderr or run.stdout}")
    line = next(line for line in run.stdout.splitlines() if line.startswith("RESULT "))
    result: dict[str, Any] = json.loads(line.removeprefix("RESULT "))
    return result


def paced_table(
    host: str, port: int, bodies: list[bytes], rates: list[float], args: argparse.Namespace, meter: CpuMeter
) -> None:
    """Open loop: single decisions at each fixed rate, latency from each request's intended send time."""
    print(
        f"\nopen loop (bench/paced.py), single decisions, {args.paced_connections} connections, {args.duration} s "
        "a rate; latency in ms from each request's intended send time"
    )
    print(f"{'target/s':>8s} {'achieved':>8s} {'conns':>5s} {'p50':>7s} {'p90':>7s} {'p99':>7s} {'p99.9':>7s} "
          f"{'max':>7s} {'p50 1st s':>9s} {'last s':>7s} {'errors':>6s} {'unfinished':>10s} {'gen CPU':>7s} "
          f"{'srv ms/req (threads)':>20s}")  # fmt: skip

    def f(value: float | None) -> str:
        return f"{math.nan if value is None else value:7.1f}"

    for rate in rates:
        time.sleep(2)  # what the previous run left queued in the server (wrk stops mid-request) is done by now
        cpu = meter.read()
        r = run_paced(host, port, "/v1/decisions/trade", bodies, args.paced_connections, rate, args.duration)
        cpu_used = meter.per(cpu, r["completed"])
        lat = r["latency_ms"]
        seconds = [s["p50"] for s in r["by_second"] if s["p50"] is not None] or [math.nan]
        print(
            f"{rate:8,.0f} {r['achieved_rate']:8,.0f} {r['connections']:5d} {f(lat['p50'])} {f(lat['p90'])} "
            f"{f(lat['p99'])} {f(lat['p99.9'])} {f(lat['max'])} {seconds[0]:9.1f} {seconds[-1]:7.1f} "
            f"{r['errors']:6d} {r['unfinished']:10d} {r['cpu_percent']:6.1f}% {cpu_used:>20s}"
        )
        for message, count in r["error_messages"].items():
            print(f"    {count} × {message}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="paiwu serve worker processes")
    parser.add_argument("--duration", type=int, default=10, help="seconds per run")
    parser.add_argument("--concurrency", default="1,16,64", help="open connections, comma-separated (single)")
    parser.add_argument("--batch", type=int, default=100, help="requests per batch")
    parser.add_argument("--batch-concurrency", default="1,2,4", help="open connections for batches, comma-separated")
    parser.add_argument(
        "--paced", default="1500", help='open-loop rates, requests/s, comma-separated ("" for none): bench/paced.py'
    )
    parser.add_argument("--paced-connections", type=int, default=64, help="connections of the open-loop runs")
    parser.add_argument("--max-requests", type=int, default=500_000, help="at most this many HTTP requests a run")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--prefill", type=int, default=0, help="entries in the log before the server starts")
    parser.add_argument(
        "--log-url",
        default="",
        help="a PostgreSQL log (postgresql://…) to serve from instead of a new SQLite one: a scratch database, "
        "which the runs add entries to; the CPU of this machine's PostgreSQL processes is shown beside the server's",
    )
    parser.add_argument(
        "--force-nodelay",
        action="store_true",
        help="diagnosis: TCP_NODELAY in the server's processes (bench/nodelay/sitecustomize.py)",
    )
    parser.add_argument(
        "--floor",
        default="",
        help="diagnosis: stages made free in the server, comma-separated: decide (a request seen before gets "
        "the decision made the first time), log (commits answer at once, nothing written); "
        "bench/floors/sitecustomize.py",
    )
    args = parser.parse_args()
    rates = [float(rate) for rate in args.paced.split(",") if rate.strip()]
    if args.force_nodelay and args.floor:
        raise SystemExit("--force-nodelay and --floor each load a sitecustomize: use one at a time")
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (apt-get install -y wrk)")

    requests = [validate_request(d).model_dump(mode="json", exclude_none=True) for d in trades(2_000, args.seed)]
    singles = [json.dumps(r, ensure_ascii=False) for r in requests]
    batches = [
        json.dumps({"requests": requests[i : i + args.batch]}, ensure_ascii=False)
        for i in range(0, len(requests) - args.batch + 1, args.batch)
    ]
    port = free_port()
    base = f"http://{HOST}:{port}"
    with tempfile.TemporaryDirectory(prefix="paiwu-bench-") as folder:
        log_url = args.log_url or f"sqlite:///{folder}/decisions.sqlite3"
        if args.prefill:
            fill_new_log(log_url, args.prefill, args.seed + 1)  # other requests than the runs'
        env = dict(os.environ)
        if args.force_nodelay:
            env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(BENCH / "nodelay"), env.get("PYTHONPATH")]))
        elif args.floor:  # one sitecustomize is loaded: the first on the path
            env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(BENCH / "floors"), env.get("PYTHONPATH")]))
            env["PAIWU_BENCH_FLOOR"] = args.floor
        server = start_server(port, log_url, args.workers, env)
        meter = CpuMeter(server.pid, database=log_url.startswith("postgresql"))
        try:
            wait_ready(base, server)
            nodelay = " (TCP_NODELAY forced: bench/nodelay)" if args.force_nodelay else ""
            nodelay += f" (free: {args.floor}; bench/floors)" if args.floor else ""
            held = f" holding {args.prefill:,} entries" if args.prefill else ""
            where = (
                f"PostgreSQL decision log{held}: {redacted(log_url)}"
                if meter.database
                else f"SQLite decision log{held} in {folder}"
            )
            print(f"paiwu serve on {base}: {args.workers} worker processes{nodelay}, {where}")
            check_decisions(base, requests[:20])
            print(f"wrk, {args.duration} s a run; latency in ms")
            print(f"{'endpoint':8s} {'conns':>5s} {'req/s':>8s} {'decisions/s':>11s} {'p50':>7s} {'p90':>7s} {'p99':>7s} "
                  f"{'max':>7s} {'errors':>6s} {'srv ms/decision (threads)':>25s}")  # fmt: skip
            for name, path, bodies, per_request, concurrency in (
                ("single", "/v1/decisions/trade", singles, 1, args.concurrency),
                ("batch", "/v1/decisions:batch", batches, args.batch, args.batch_concurrency),
            ):
                script = lua_script(path, bodies, Path(folder), name)
                for connections in (int(c) for c in concurrency.split(",")):
                    cpu = meter.read()
                    r = run_wrk(base + path, script, connections, args.duration, args.max_requests)
                    cpu_used = meter.per(cpu, r["requests"] * per_request)
                    rate = r["requests"] / r["seconds"]
                    errors = r["socket_errors"] + r["timeouts"] + r["status_errors"]
                    print(
                        f"{name:8s} {connections:5d} {rate:8,.0f} {rate * per_request:11,.0f} {r['p50'] / 1e3:7.1f} "
                        f"{r['p90'] / 1e3:7.1f} {r['p99'] / 1e3:7.1f} {r['max'] / 1e3:7.1f} {errors:6d} "
                        f"{cpu_used:>25s}"
                    )
            if rates:
                paced_table(HOST, port, [body.encode("utf-8") for body in singles], rates, args, meter)
        finally:
            stop_server(server)


if __name__ == "__main__":
    main()
