"""A real `paiwu serve` on a free loopback port, called over HTTP: SQLite with several workers, and
two replicas sharing a real PostgreSQL server (skipped loudly where PAIWU_TEST_POSTGRES_URL is unset).
Every server is stopped when its test ends, and waited for with a deadline."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from paiwu.api import MAX_BODY_BYTES
from paiwu.engine.evaluate import Evaluator
from paiwu.facts import validate_request
from paiwu.store import open_log

from .test_api import TRADE, body
from .test_store import postgres_url

__all__ = ["postgres_url"]  # the fixture, shared with the log tests

STARTUP_S = 60
STOP_S = 20


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _ready(client: httpx.Client) -> bool:
    try:
        return client.get("/readyz").status_code == 200
    except httpx.TransportError:
        return False


@contextmanager
def serving_process(
    log_url: str, output: Path, *options: str
) -> Iterator[tuple[httpx.Client, subprocess.Popen[bytes]]]:
    """Start `paiwu serve`, wait until it is ready, yield a client of it and its process; always stop it."""
    port = free_port()
    command = [sys.executable, "-m", "paiwu.cli.main", "serve", "--port", str(port), "--log-url", log_url, *options]
    with output.open("wb") as log_file:
        # A session of its own, so that the server and its workers can be stopped together.
        server = subprocess.Popen(command, stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
            deadline = time.monotonic() + STARTUP_S
            while not _ready(client):
                if server.poll() is not None:
                    pytest.fail(f"paiwu serve exited with {server.returncode}:\n{output.read_text()}")
                if time.monotonic() > deadline:
                    pytest.fail(f"paiwu serve was not ready within {STARTUP_S}s:\n{output.read_text()}")
                time.sleep(0.2)
            yield client, server
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(STOP_S)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(STOP_S)


@contextmanager
def serving(log_url: str, output: Path, *options: str) -> Iterator[httpx.Client]:
    with serving_process(log_url, output, *options) as (client, _server):
        yield client


def test_a_served_decision_is_logged_before_it_is_answered(tmp_path: Path, evaluator: Evaluator) -> None:
    log_url = f"sqlite:///{tmp_path / 'decisions.sqlite3'}"
    with serving(log_url, tmp_path / "serve.out") as api:
        response = api.post("/v1/decisions/trade", json=TRADE, headers={"Idempotency-Key": "o-1"})
        assert response.status_code == 201, response.text
        answer = response.json()
        with open_log(log_url, create=False) as log:  # the file, read while the server still runs
            entry = log.get(answer["decision_id"])
        assert entry is not None and entry.decision() == answer["decision"]
        assert answer["decision"] == evaluator.decide(validate_request(TRADE)).model_dump(mode="json")

        again = api.post("/v1/decisions/trade", json=TRADE, headers={"Idempotency-Key": "o-1"})
        assert again.status_code == 200 and again.json() == answer
        assert api.get(f"/v1/decisions/{answer['decision_id']}").json() == answer

        batch = api.post(
            "/v1/decisions:batch", json={"requests": [body("linyi-ineligible.yaml"), {"kind": "x"}, TRADE]}
        )
        assert [r["status"] for r in batch.json()["results"]] == [201, 422, 201]
        assert batch.json()["results"][0]["result"]["decision"]["status"] == "ineligible"

        assert api.get("/v1/policy").json()["policy_version"] == evaluator.version
        assert api.get("/openapi.json").json()["paths"]["/v1/decisions/trade"]
        assert api.get("/docs").status_code == 200
    with open_log(log_url, create=False) as log:
        assert log.count() == 3


@pytest.mark.parametrize(
    ("content", "headers", "status"),
    [
        (b" " * (MAX_BODY_BYTES + 1), {"content-type": "application/json"}, 413),
        (b"{}", {"content-type": "text/yaml"}, 415),
        (b'{"kind": ', {"content-type": "application/json"}, 400),
        (b'{"kind": "trade", "colour": 1}', {"content-type": "application/json"}, 422),
    ],
)
def test_bad_bodies_over_http(tmp_path: Path, content: bytes, headers: dict[str, str], status: int) -> None:
    with serving(f"sqlite:///{tmp_path / 'log.sqlite3'}", tmp_path / "serve.out") as api:
        response = api.post("/v1/decisions/trade", content=content, headers=headers)
        assert response.status_code == status
        assert response.headers["content-type"] == "application/problem+json"
        assert "Traceback" not in response.text
    assert "Traceback" not in (tmp_path / "serve.out").read_text()


def test_several_workers_share_one_sqlite_log(tmp_path: Path) -> None:
    """Both workers commit, on their loops or (the lock taken by the other) in their writer
    threads, into one chain: every answered decision is logged once, and the chain has no fork."""
    log_url = f"sqlite:///{tmp_path / 'decisions.sqlite3'}"
    with serving(log_url, tmp_path / "serve.out", "--workers", "2") as api, ThreadPoolExecutor(16) as pool:
        responses = list(pool.map(lambda i: api.post("/v1/decisions/trade", json={**TRADE, "id": f"t-{i}"}), range(96)))
    assert [r.status_code for r in responses] == [201] * 96
    with open_log(log_url, create=False) as log:
        assert sorted(e.request()["id"] for e in log.entries()) == sorted(f"t-{i}" for i in range(96))
        assert sorted(e.decision_id for e in log.entries()) == sorted(r.json()["decision_id"] for r in responses)
        assert log.verify().ok


def _children(pid: int) -> set[int]:
    """The processes whose parent is ``pid`` (from /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def _workers(server_pid: int, count: int) -> set[int]:
    """The server's worker processes (it also starts multiprocessing's resource tracker)."""
    deadline = time.monotonic() + STARTUP_S
    while time.monotonic() < deadline:
        workers = {c for c in _children(server_pid) if b"spawn_main" in Path(f"/proc/{c}/cmdline").read_bytes()}
        if len(workers) == count:
            return workers
        time.sleep(0.2)
    pytest.fail(f"paiwu serve did not have {count} workers within {STARTUP_S}s")


def _established(pid: int, port: int) -> int:
    """How many TCP connections to ``port`` the process ``pid`` holds open (from /proc)."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    count = 0
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        local_port = int(fields[1].split(":")[1], 16)
        if local_port == port and fields[3] == "01" and fields[9] in inodes:  # 01: ESTABLISHED
            count += 1
    return count


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_each_listen_and_a_dead_worker_is_replaced(tmp_path: Path) -> None:
    """Each worker has a listening socket of its own (SO_REUSEPORT), so connections opened together
    are spread over the workers rather than taken by whichever wakes first. A worker that dies is
    replaced, and the other answers meanwhile."""
    log_url = f"sqlite:///{tmp_path / 'decisions.sqlite3'}"
    with serving_process(log_url, tmp_path / "serve.out", "--workers", "2") as (api, server):
        workers = _workers(server.pid, 2)
        port = int(str(api.base_url).rsplit(":", 1)[1].strip("/"))
        clients = [httpx.Client(base_url=str(api.base_url), timeout=30) for _ in range(24)]
        try:
            for client in clients:  # 24 connections kept alive: all on one worker has odds of 2 in 2**24
                assert client.get("/healthz").status_code == 200
            held = {pid: _established(pid, port) for pid in workers}
        finally:
            for client in clients:
                client.close()
        assert all(count > 0 for count in held.values()), held
        victim = min(workers)
        os.kill(victim, signal.SIGKILL)  # its connections are reset; a new connection goes to a live worker
        with httpx.Client(base_url=str(api.base_url), timeout=30) as fresh:
            assert fresh.post("/v1/decisions/trade", json=TRADE).status_code == 201
        replaced = _workers(server.pid, 2)
        assert victim not in replaced and len(replaced - workers) == 1
        with httpx.Client(base_url=str(api.base_url), timeout=30) as fresh:
            assert fresh.post("/v1/decisions/trade", json=TRADE).status_code == 201
    assert "exited with" in (tmp_path / "serve.out").read_text()


def test_serve_refuses_a_log_it_cannot_open(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "paiwu.cli.main", "serve", "--log-url", "mysql://nowhere/db"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 5 and "unsupported decision-log URL" in result.stderr
    assert "Traceback" not in result.stderr


def test_replicas_behind_a_load_balancer_share_one_postgresql_log(tmp_path: Path, postgres_url: str) -> None:
    with (
        serving(postgres_url, tmp_path / "a.out") as replica_a,
        serving(postgres_url, tmp_path / "b.out") as replica_b,
        ThreadPoolExecutor(8) as pool,
    ):
        assert replica_a.get("/readyz").json()["log"] == "postgresql"

        def both(key: str) -> list[Any]:
            # The same request and key sent to both replicas at once, as a client retrying through a balancer would.
            sent = [
                pool.submit(r.post, "/v1/decisions/trade", json=TRADE, headers={"Idempotency-Key": key})
                for r in (replica_a, replica_b)
            ]
            return [future.result() for future in sent]

        pairs = [both(f"order-{i}") for i in range(6)]
        for first, second in pairs:
            assert sorted([first.status_code, second.status_code]) == [200, 201]
            assert first.json()["decision_id"] == second.json()["decision_id"]
        decided = pairs[0][0].json()["decision_id"]
        assert replica_b.get(f"/v1/decisions/{decided}").json() == replica_a.get(f"/v1/decisions/{decided}").json()
        batch = replica_b.post("/v1/decisions:batch", json={"requests": [TRADE, body("linyi-eligible.yaml")]})
        assert [r["status"] for r in batch.json()["results"]] == [201, 201]
    with open_log(postgres_url) as log:
        entries = list(log.entries())
    assert len(entries) == 8 and len({e.idempotency_key for e in entries if e.idempotency_key}) == 6


def test_serve_gives_up_when_workers_keep_dying_as_they_start(tmp_path: Path) -> None:
    """A worker that cannot start is not restarted forever: after a few deaths in a row, exit 5."""
    hook = tmp_path / "hook"
    hook.mkdir()
    # Loaded by every Python process started with this PYTHONPATH; only the workers die.
    (hook / "sitecustomize.py").write_text(
        "import os, sys\nif '--multiprocessing-fork' in sys.argv:\n    os._exit(3)\n", encoding="utf-8"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(hook), os.environ.get("PYTHONPATH")]))}
    command = [sys.executable, "-m", "paiwu.cli.main", "serve", "--port", str(free_port()), "--workers", "2"]
    command += ["--log-url", f"sqlite:///{tmp_path / 'decisions.sqlite3'}"]
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 5, result.stderr
    assert "workers keep exiting as they start" in result.stderr
    assert "Traceback" not in result.stderr
