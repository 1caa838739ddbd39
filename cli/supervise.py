"""Several uvicorn workers, each with a listening socket of its own on one port (SO_REUSEPORT).

uvicorn's own workers share one listening socket. When many keep-alive connections open at
once (a client's pool, a load balancer's), the worker that wakes first accepts most of them and
keeps them: measured with 64 connections and two workers, one worker ran at 94% of a core and
the other at 25%. With a socket per worker the kernel spreads connections over the workers by
their addresses, so each worker gets its share.

The parent binds the port first (so that port 0 picks one port for all, and a port in use fails
at once), starts the workers, restarts one that dies, and stops them all on SIGINT or SIGTERM.
"""

from __future__ import annotations

import multiprocessing
import signal
import socket
import time
from collections.abc import Callable
from multiprocessing.process import BaseProcess
from typing import Any

RESTART_PAUSE_S = 1.0  # between restarts of a worker that keeps dying, so that a crash loop does not spin
QUICK_DEATH_S = 10.0  # a worker that dies sooner than this after starting is failing to start
QUICK_DEATHS = 5  # ... and after this many such deaths in a row the server gives up (exit 5)
STOP_S = 30.0  # a worker stopping gracefully may finish the requests it holds


def reuse_port_supported() -> bool:
    return hasattr(socket, "SO_REUSEPORT")


def bind(host: str, port: int) -> socket.socket:
    """A socket bound with SO_REUSEPORT to host:port (not listening)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    return sock


def _worker(config_options: dict[str, Any], host: str, port: int) -> None:
    import uvicorn

    config = uvicorn.Config(**config_options)
    config.configure_logging()
    sock = bind(host, port)  # this worker's own listening socket; uvicorn listens on it
    uvicorn.Server(config).run(sockets=[sock])


class Supervisor:
    def __init__(self, config_options: dict[str, Any], host: str, port: int, workers: int) -> None:
        self.options = config_options
        self.host = host
        self.port = port
        self.count = workers
        self.context = multiprocessing.get_context("spawn")
        self.workers: list[BaseProcess] = []
        self.started: list[float] = []
        self.stopping = False

    def _start(self) -> BaseProcess:
        process = self.context.Process(target=_worker, args=(self.options, self.host, self.port), daemon=False)
        process.start()
        return process

    def run(self, say: Callable[[str], None]) -> int:
        """Serve until SIGINT or SIGTERM (0), or until workers keep dying as they start (5)."""
        holder = bind(self.host, self.port)  # keeps the port for the workers' sockets
        self.port = holder.getsockname()[1]
        previous = {sig: signal.signal(sig, self._stop) for sig in (signal.SIGINT, signal.SIGTERM)}
        quick_deaths = 0
        try:
            self.workers = [self._start() for _ in range(self.count)]
            self.started = [time.monotonic()] * self.count
            say(f"paiwu serve: {self.count} workers on http://{self.host}:{self.port}, a listening socket each")
            while not self.stopping:
                time.sleep(0.2)
                for index, process in enumerate(self.workers):
                    if process.is_alive() or self.stopping:
                        continue
                    lived = time.monotonic() - self.started[index]
                    quick_deaths = quick_deaths + 1 if lived < QUICK_DEATH_S else 0
                    if quick_deaths >= QUICK_DEATHS:
                        say(f"paiwu serve: workers keep exiting as they start ({quick_deaths} in a row); stopping")
                        return 5
                    say(f"paiwu serve: worker {process.pid} exited with {process.exitcode}; starting another")
                    time.sleep(RESTART_PAUSE_S)
                    self.workers[index] = self._start()
                    self.started[index] = time.monotonic()
            return 0
        finally:
            self._terminate()
            holder.close()
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    def _stop(self, *_: object) -> None:
        self.stopping = True

    def _terminate(self) -> None:
        for process in self.workers:
            if process.is_alive():
                process.terminate()  # SIGTERM: uvicorn finishes the requests in hand, then exits
        deadline = time.monotonic() + STOP_S
        for process in self.workers:
            process.join(max(0.0, deadline - time.monotonic()))
            if process.is_alive():
                process.kill()
                process.join()
