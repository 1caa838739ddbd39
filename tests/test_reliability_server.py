"""A real `paiwu serve` on a free loopback port, under load from clients in the test.

- Killed with SIGKILL in the middle of the load: every decision the server acknowledged is in the
  log, the log's hash chain verifies, and a restarted server goes on appending to the same chain.
- A bounded load (a fixed number of requests and a time limit): no errors, the server's memory flat
  after warm-up, and as many decisions logged as were acknowledged.

Every loop is bounded in count and in time; every server is stopped (and waited for) when its test ends.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from paiwu.cli.main import main
from paiwu.store import open_log

from .test_api import EXAMPLE_BODIES
from .test_api_server import free_port
from .test_store import log_url, postgres_url

__all__ = ["log_url", "postgres_url"]  # the fixtures, shared with the log tests

STARTUP_S = 60
STOP_S = 20
BODIES = list(EXAMPLE_BODIES.values())


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    url: str
    output: Path

    def rss_mib(self) -> float:
        """Resident memory of the serving process (one worker: the process itself)."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        raise AssertionError("no VmRSS")

    def kill(self) -> None:
        os.killpg(self.process.pid, signal.SIGKILL)  # the server and its workers, with no chance to clean up
        self.process.wait(STOP_S)


@contextmanager
def serving(log_url: str, output: Path, *options: str) -> Iterator[Server]:
    port = free_port()
    command = [sys.executable, "-m", "paiwu.cli.main", "serve", "--port", str(port), "--log-url", log_url]
    with output.open("ab") as out:
        process = subprocess.Popen(
            [*command, "--no-access-log", *options], stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    server = Server(process, f"http://127.0.0.1:{port}", output)
    try:
        deadline = time.monotonic() + STARTUP_S
        with httpx.Client(base_url=server.url, timeout=5) as client:
            while True:
                try:
                    if client.get("/readyz").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"paiwu serve did not become ready:\n{output.read_text()}")
                time.sleep(0.2)
        yield server
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(STOP_S)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(STOP_S)


@dataclass
class Load:
    """What the clients saw: the decisions acknowledged (201 with an id), and anything unexpected."""

    acknowledged: set[str] = field(default_factory=set)
    repeats: int = 0  # idempotent repeats answered 200 with the first decision
    errors: list[str] = field(default_factory=list)
    sent: int = 0
    cut: int = 0  # requests whose connection the kill cut
    lock: threading.Lock = field(default_factory=threading.Lock)

    def settle(self, response: httpx.Response, batch: bool) -> None:
        results = response.json()["results"] if batch and response.status_code == 200 else None
        items = [(r["status"], r.get("result")) for r in results] if results else [(response.status_code, None)]
        with self.lock:
            for status, result in items:
                decision_id = (result or response.json()).get("decision_id") if status in (200, 201) else None
                if status == 201 and decision_id:
                    self.acknowledged.add(decision_id)
                elif status == 200 and decision_id in self.acknowledged:
                    self.repeats += 1
                else:
                    self.errors.append(f"{status}: {response.text[:300]}")


def client(server: Server, load: Load, worker: int, count: int, stop: threading.Event, deadline: float) -> None:
    """Send ``count`` requests (fewer if stopped, or at the deadline): singles of every kind, every 10th a
    batch of 5, and every 7th with an Idempotency-Key, sent twice as a client retrying after a timeout."""
    with httpx.Client(base_url=server.url, timeout=30) as http:
        for n in range(count):
            if stop.is_set() or time.monotonic() > deadline:
                return
            try:
                if n % 10 == 9:
                    batch = [{**BODIES[(n + i) % len(BODIES)], "id": f"w{worker}-{n}-{i}"} for i in range(5)]
                    load.settle(http.post("/v1/decisions:batch", json={"requests": batch}), batch=True)
                else:
                    body = {**BODIES[(worker + n) % len(BODIES)], "id": f"w{worker}-{n}"}
                    headers = {"Idempotency-Key": f"w{worker}-{n}"} if n % 7 == 0 else {}
                    for _ in range(2 if headers else 1):
                        load.settle(http.post(f"/v1/decisions/{body['kind']}", json=body, headers=headers), batch=False)
            except httpx.TransportError:
                if stop.is_set():
                    with load.lock:
                        load.cut += 1
                    return  # the server was killed under us: this request was never acknowledged
                raise
            finally:
                with load.lock:
                    load.sent += 1


def run_clients(server: Server, load: Load, workers: int, each: int, deadline: float, stop: threading.Event) -> None:
    failures: list[BaseException] = []

    def safe(worker: int) -> None:
        try:
            client(server, load, worker, each, stop, deadline)
        except BaseException as error:
            failures.append(error)

    threads = [threading.Thread(target=safe, args=(w,)) for w in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(max(1.0, deadline - time.monotonic() + 30))
    assert not any(t.is_alive() for t in threads), "a client did not stop"
    assert failures == [], failures


def verify(log_url: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["log", "verify", "--log-url", log_url])
    return result.exit_code, result.output


def test_sigkill_mid_load_loses_no_acknowledged_decision(tmp_path: Path, log_url: str) -> None:
    load, stop = Load(), threading.Event()
    with serving(log_url, tmp_path / "serve.out", "--workers", "2") as server:
        deadline = time.monotonic() + 60
        clients = threading.Thread(target=run_clients, args=(server, load, 4, 400, deadline, stop))
        clients.start()
        while len(load.acknowledged) < 120 and clients.is_alive() and time.monotonic() < deadline:
            time.sleep(0.01)
        stop.set()  # tell the clients first: a connection refused from now on is the kill, not a failure
        server.kill()
        clients.join(60)
    assert not clients.is_alive()
    assert load.errors == []
    assert len(load.acknowledged) >= 120, f"only {len(load.acknowledged)} acknowledged before the time limit"

    with open_log(log_url, create=False) as log:
        logged = {entry.decision_id for entry in log.entries()}
    assert load.acknowledged <= logged, f"lost: {sorted(load.acknowledged - logged)[:5]}"
    # Committed but not answered before the kill: at most the requests then in flight (4 clients, batches of 5).
    assert len(logged - load.acknowledged) <= 4 * 5
    code, out = verify(log_url)
    assert code == 0 and out.startswith(f"OK: {len(logged)} decisions chained"), out
    print(f"\n{len(load.acknowledged)} acknowledged, {len(logged)} logged, {load.cut} requests cut by the kill")

    # A server restarted on the same log goes on with the same chain.
    with serving(log_url, tmp_path / "serve.out") as server, httpx.Client(base_url=server.url) as http:
        assert http.post(f"/v1/decisions/{BODIES[0]['kind']}", json=BODIES[0]).status_code == 201
    code, out = verify(log_url)
    assert code == 0 and out.startswith(f"OK: {len(logged) + 1} decisions chained"), out


WARM_UP = 200  # requests (a tenth of them batches of 5) before memory is measured
LOAD = 1600  # requests after it
GROWTH_LIMIT_MIB = 32  # generous for the allocator, yet a leak of 20 KB a request (one decision kept) exceeds it


def test_a_bounded_load_has_no_errors_flat_memory_and_logs_what_it_acknowledges(tmp_path: Path) -> None:
    log_url = f"sqlite:///{tmp_path / 'decisions.sqlite3'}"
    load, stop = Load(), threading.Event()
    with serving(log_url, tmp_path / "serve.out") as server:
        run_clients(server, load, 4, WARM_UP // 4, time.monotonic() + 60, stop)
        warm = server.rss_mib()
        started = time.monotonic()
        run_clients(server, load, 4, LOAD // 4, started + 90, stop)
        elapsed = time.monotonic() - started
        end = server.rss_mib()
    assert load.errors == []
    assert load.sent == WARM_UP + LOAD, f"stopped by the time limit after {load.sent} requests ({elapsed:.0f}s)"
    assert end - warm < GROWTH_LIMIT_MIB, f"memory grew from {warm:.0f} MiB to {end:.0f} MiB"
    with open_log(log_url, create=False) as log:
        assert log.count() == len(load.acknowledged)
        assert {e.decision_id for e in log.entries()} == load.acknowledged
    assert load.repeats > 0
    code, out = verify(log_url)
    assert code == 0, out
    print(f"\n{LOAD} requests in {elapsed:.1f}s; RSS {warm:.0f} -> {end:.0f} MiB; {len(load.acknowledged)} logged")
