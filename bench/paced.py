"""Open-loop HTTP/1.1 load at a fixed rate, latency from each request's intended send time.

    .venv/bin/python bench/paced.py --url http://127.0.0.1:PORT/v1/decisions/trade --rate 1500 \\
        --connections 64 --duration 10 --body-file FILE.jsonl [--assign free|rr] [--timeout 30] [--json]

A closed loop (wrk: each connection sends its next request when the previous answer arrives) slows
down with the server, so its percentiles omit the requests a slow server keeps from being sent
(coordinated omission). Here the schedule is fixed in advance: request k is due at start + k/rate,
whatever the server does, and its latency runs from that intended time to the last byte of its
answer, so time a request spends waiting for a connection counts, as in wrk2.

Connections: `connections` keep-alive connections, opened before the clock starts, one request in
flight on each (no pipelining). A due request goes to
  free (default)  an idle connection (the one idle longest); when none is idle, the due requests
                  wait, oldest first, for connections to become free (a pool of `connections`
                  clients sharing the load; while all are busy the timer is off, which keeps an
                  overloaded run cheap);
  rr              connection k mod `connections` (wrk2's model: each connection its own schedule of
                  rate/connections); when that connection is busy, the request waits for it, even
                  if others are idle.
Either way the wait is part of the latency.

Requests are POSTs with Content-Type: application/json, the bodies cycled in order; answers are
framed by Content-Length or chunked transfer coding (anything else is a protocol error: the
connection is closed and the request counted as an error). After `duration` seconds no new request
falls due; requests already due still go out, and the run waits for them at most `drain` seconds
(default: `timeout`). What is not answered by then is counted as unfinished. Latency percentiles
are over answered requests (any status; non-2xx are also counted as status errors); connection
errors, timeouts (no answer `timeout` seconds after the request was sent: the connection is closed
and reopened) and unfinished requests have no latency. `achieved_rate` counts answers received
within the `duration` window; above capacity it saturates, and latency grows over the run (see
`by_second`, the p50/p99 of the requests due in each second).

Requests fall due on a periodic timerfd (Linux), so they leave within tens of microseconds of their
intended time when the generator gets a core; elsewhere on 1 ms loop timers (0.5 ms late on
average, counted in the latency). The generator's own cost is in the result: CPU seconds
(time.process_time, user and system: most of it is the kernel's loopback send and the wake-ups, two
a request) and the send lag, how late requests left compared with their intended time (timer slack,
the generator waiting for a core, and waiting for a connection). Garbage collection is off during a
run so that its pauses are not charged to the server. Uses uvloop when it is importable; no other
dependency.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import ctypes
import gc
import json
import math
import os
import sys
import time
import urllib.parse
from collections.abc import Callable, Sequence
from typing import Any

try:
    import uvloop
except ImportError:  # pragma: no cover - the standard loop works too, at a higher cost per request
    uvloop = None  # type: ignore[assignment]

clock = time.perf_counter
MAX_HEAD = 65_536


class Metronome:
    """Calls back at first, first + interval, … (time.perf_counter() times) until disarmed.

    Event-loop timers have 1 ms granularity (epoll's timeout, libuv's clock): a request would leave
    up to 1 ms late, 0.5 ms on average, and that lateness would count in its latency. A periodic
    Linux timerfd (CLOCK_MONOTONIC, the clock of time.perf_counter on Linux; absolute first expiry)
    watched by the loop wakes it within microseconds of each due time, for one read a wake-up.
    Elsewhere: one loop timer a wake-up, rounded up to whole milliseconds so that it never fires
    early (and spins).
    """

    def __init__(self, loop: asyncio.AbstractEventLoop, callback: Callable[[], None], interval: float) -> None:
        self.loop, self.callback, self.interval = loop, callback, interval
        self.handle: asyncio.TimerHandle | None = None
        self.fd = -1
        if sys.platform == "linux" and time.get_clock_info("perf_counter").implementation.endswith("(CLOCK_MONOTONIC)"):
            try:
                self.libc = ctypes.CDLL(None, use_errno=True)
                self.fd = self.libc.timerfd_create(1, os.O_NONBLOCK | os.O_CLOEXEC)  # CLOCK_MONOTONIC, TFD_*
            except (OSError, AttributeError):
                self.fd = -1
        self.periodic = self.fd >= 0
        self.kind = "timerfd" if self.periodic else "loop timer"
        self.armed = False
        if self.periodic:
            loop.add_reader(self.fd, self.fired)

    def arm(self, first: float) -> None:
        """Tick at first, then every interval (with a timerfd; else the callback calls `arm` again each time)."""
        self.armed = True
        if not self.periodic:
            self.handle = self.loop.call_later(math.ceil((first - clock()) * 1e3 + 0.001) / 1e3, self.callback)
            return
        step = max(1, math.ceil(self.interval * 1e9))  # rounded up: a tick never comes before its request is due
        at = math.ceil(first * 1e9)
        self.settime(step // 10**9, step % 10**9, at // 10**9, at % 10**9)

    def disarm(self) -> None:
        self.armed = False
        if self.handle is not None:
            self.handle.cancel()
            self.handle = None
        if self.fd >= 0:
            self.settime(0, 0, 0, 0)

    def settime(self, *spec: int) -> None:
        if self.libc.timerfd_settime(self.fd, 1, (ctypes.c_long * 4)(*spec), None) != 0:  # TFD_TIMER_ABSTIME
            raise OSError(ctypes.get_errno(), "timerfd_settime")

    def fired(self) -> None:
        try:
            os.read(self.fd, 8)  # the number of expiries: one callback serves them all
        except BlockingIOError:
            return
        self.callback()

    def close(self) -> None:
        self.disarm()
        if self.fd >= 0:
            self.loop.remove_reader(self.fd)
            os.close(self.fd)
            self.fd = -1


class ProtocolError(Exception):
    """An answer this generator cannot frame (or a malformed one)."""


def build_request(host: str, port: int, path: str, body: bytes) -> bytes:
    head = (
        f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nConnection: keep-alive\r\n\r\n"
    )
    return head.encode("latin-1") + body


def chunked_length(buf: bytearray | bytes) -> int:
    """Bytes taken by a complete chunked body (and its trailers) at the start of buf; -1 if incomplete."""
    pos = 0
    while True:
        eol = buf.find(b"\r\n", pos)
        if eol < 0:
            return -1
        try:
            size = int(bytes(buf[pos:eol]).split(b";", 1)[0].strip(), 16)
        except ValueError:
            raise ProtocolError(f"bad chunk size line {bytes(buf[pos:eol])[:40]!r}") from None
        pos = eol + 2
        if size == 0:
            while True:  # trailer fields, then an empty line
                eol = buf.find(b"\r\n", pos)
                if eol < 0:
                    return -1
                if eol == pos:
                    return eol + 2
                pos = eol + 2
        if len(buf) < pos + size + 2:
            return -1
        if buf[pos + size : pos + size + 2] != b"\r\n":
            raise ProtocolError("chunk not followed by CRLF")
        pos += size + 2


class Connection(asyncio.Protocol):
    """One keep-alive connection: at most one request in flight, answers framed as they arrive."""

    def __init__(self, gen: Generator, index: int) -> None:
        self.gen = gen
        self.index = index
        self.transport: asyncio.Transport | None = None
        self.buf = bytearray()
        self.request = -1  # the request in flight, -1 when idle
        self.sent_at = 0.0
        self.busy = True  # until connected
        self.status = 0
        self.length = -1  # body bytes still awaited; -1 while reading the head, -2 for a chunked body
        self.closing = False  # the server said Connection: close
        self.queue: collections.deque[int] = collections.deque()  # rr: requests waiting for this connection

    # asyncio callbacks

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        now = clock()
        if self.request < 0:
            self.gen.fail(self, "protocol", "bytes received with no request in flight")
            return
        length = self.length
        if length >= 0:  # within a Content-Length body: count its bytes, keep none
            if len(data) < length:
                self.length = length - len(data)
            elif len(data) == length:
                self.length = -1
                self.gen.answered(self, now)
            else:
                self.gen.fail(self, "protocol", f"{len(data) - length} bytes after the answer (none was asked for)")
            return
        buf = self.buf
        buf += data
        try:
            while True:
                if self.length == -1:
                    end = buf.find(b"\r\n\r\n")
                    if end < 0:
                        if len(buf) > MAX_HEAD:
                            raise ProtocolError("answer head larger than 64 KiB")
                        return
                    self.head(bytes(buf[:end]))
                    del buf[: end + 4]
                    if self.length == -1:  # 1xx: another head follows
                        continue
                if self.length == -2:
                    used = chunked_length(buf)
                    if used < 0:
                        return
                else:
                    used = self.length
                    if len(buf) < used:
                        self.length = used - len(buf)
                        buf.clear()
                        return
                del buf[:used]
                if buf:
                    raise ProtocolError(f"{len(buf)} bytes after the answer (none was asked for)")
                self.length = -1
                self.gen.answered(self, now)
                return
        except ProtocolError as error:
            self.gen.fail(self, "protocol", str(error))

    def connection_lost(self, exc: Exception | None) -> None:
        self.gen.lost(self, exc)

    # framing

    def head(self, head: bytes) -> None:
        if not head.startswith(b"HTTP/1.") or len(head) < 12:
            raise ProtocolError(f"not an HTTP/1.x status line: {head[:40]!r}")
        try:
            status = int(head[9:12])
        except ValueError:
            raise ProtocolError(f"bad status line {head[:40]!r}") from None
        if 100 <= status < 200:
            self.length = -1
            return
        self.status = status
        fields = head.lower()
        self.closing = head.startswith(b"HTTP/1.0") or field(fields, b"connection") == b"close"
        if status in (204, 304):
            self.length = 0
            return
        coding = field(fields, b"transfer-encoding")
        if coding is not None:
            if coding != b"chunked":
                raise ProtocolError(f"transfer coding {coding!r} is not supported")
            self.length = -2
            return
        length = field(fields, b"content-length")
        if length is None:
            raise ProtocolError("answer with neither Content-Length nor chunked transfer coding")
        try:
            self.length = int(length)
        except ValueError:
            raise ProtocolError(f"bad Content-Length {length!r}") from None


def field(fields: bytes, name: bytes) -> bytes | None:
    """The value of a header field in a lower-cased answer head (the first, stripped), or None."""
    at = fields.find(b"\r\n" + name + b":")
    if at < 0:
        return None
    start = at + len(name) + 3
    end = fields.find(b"\r\n", start)
    return fields[start : end if end >= 0 else len(fields)].strip()


class Generator:
    """The schedule, the connections and the tallies of one run."""

    def __init__(
        self,
        host: str,
        port: int,
        requests: Sequence[bytes],
        connections: int,
        rate: float,
        duration: float,
        timeout: float,
        assign: str,
    ) -> None:
        if rate <= 0 or duration <= 0 or connections < 1 or not requests:
            raise ValueError("rate, duration and connections must be positive, and there must be a body")
        if assign not in ("free", "rr"):
            raise ValueError("assign is 'free' or 'rr'")
        self.host, self.port = host, port
        self.requests = list(requests)
        self.rate, self.duration, self.timeout, self.assign = rate, duration, timeout, assign
        self.interval = 1.0 / rate
        self.intended = max(1, math.ceil(duration * rate))
        self.conns = [Connection(self, i) for i in range(connections)]
        self.idle: collections.deque[Connection] = collections.deque()  # free: connections with nothing in flight
        self.latency = [math.nan] * self.intended  # seconds from intended time to the answer's last byte
        self.lag = [math.nan] * self.intended  # seconds from intended time to the write
        self.answered_at = [math.nan] * self.intended
        self.start = 0.0
        self.next = 0  # the first request not yet handed to a connection (free) or to its queue (rr)
        self.sent = self.completed = self.ok = 0
        self.errors = {"connect": 0, "timeout": 0, "status": 0, "protocol": 0}
        self.statuses: collections.Counter[int] = collections.Counter()
        self.messages: collections.Counter[str] = collections.Counter()
        self.finished = 0  # answered or failed
        self.reconnect_failures = 0
        self.reconnecting: set[asyncio.Task[None]] = set()
        self.ticks = 0
        self.loop: asyncio.AbstractEventLoop  # these three are set when the run begins
        self.done: asyncio.Future[None]
        self.metronome: Metronome
        self.started = self.stopping = False
        self.end = 0.0

    # the run

    async def run(self, drain: float) -> None:
        self.loop = asyncio.get_running_loop()
        self.done = self.loop.create_future()
        await asyncio.gather(*(self.connect(conn, first=True) for conn in self.conns))
        self.metronome = Metronome(self.loop, self.tick, self.interval)
        self.start = clock()
        self.started = True
        self.metronome.arm(self.start)
        watchdog = self.loop.create_task(self.watch())
        try:
            await asyncio.wait_for(asyncio.shield(self.done), self.duration + drain)
        except TimeoutError:
            pass
        finally:
            self.stopping = True
            watchdog.cancel()
            self.metronome.close()
            for conn in self.conns:
                if conn.transport is not None:
                    conn.transport.abort()
        self.end = clock()

    async def connect(self, conn: Connection, first: bool = False) -> None:
        while not self.stopping:
            conn.buf.clear()
            conn.length, conn.request, conn.closing, conn.transport = -1, -1, False, None
            try:
                await self.loop.create_connection(lambda: conn, self.host, self.port)
            except OSError as error:
                if first:
                    raise
                self.reconnect_failures += 1
                self.messages[f"reconnect: {error}"] += 1
                await asyncio.sleep(0.05)
                continue
            if first:
                conn.busy = False
                if self.assign == "free":
                    self.idle.append(conn)
            else:
                self.release(conn)
            return

    def tick(self) -> None:
        """Hand out the requests now due (free: as far as there are idle connections)."""
        self.ticks += 1
        now = clock()
        k, start, interval, end = self.next, self.start, self.interval, self.intended
        if self.assign == "free":
            idle = self.idle
            while k < end and idle and start + k * interval <= now:
                self.send(idle.popleft(), k)  # FIFO: every connection (and server worker) takes turns
                k += 1
            if k < end and start + k * interval <= now:  # all busy: release() hands out the waiting requests,
                self.metronome.disarm()  # oldest first, as connections free up; no ticks until one is idle
        else:
            conns = self.conns
            while k < end and start + k * interval <= now:
                conn = conns[k % len(conns)]
                if conn.busy:
                    conn.queue.append(k)
                else:
                    self.send(conn, k)
                k += 1
        self.next = k
        if k >= end:
            self.metronome.disarm()
        elif not self.metronome.periodic and self.metronome.armed:
            self.metronome.arm(start + k * interval)

    def send(self, conn: Connection, k: int) -> None:
        conn.busy = True
        conn.request = k
        conn.sent_at = now = clock()
        self.lag[k] = now - (self.start + k * self.interval)
        self.sent += 1
        conn.transport.write(self.requests[k % len(self.requests)])  # type: ignore[union-attr]

    def release(self, conn: Connection) -> None:
        """conn has nothing in flight: give it the oldest request waiting for a connection, or mark it idle."""
        conn.request = -1
        if not self.started:  # reopened before the run began
            conn.busy = False
            if self.assign == "free":
                self.idle.append(conn)
            return
        if self.assign == "free":
            k = self.next
            if k < self.intended and self.start + k * self.interval <= clock():
                self.next = k + 1
                self.send(conn, k)
                return
            conn.busy = False
            self.idle.append(conn)
            if k < self.intended and not self.metronome.armed:
                self.metronome.arm(self.start + k * self.interval)
        elif conn.queue:
            self.send(conn, conn.queue.popleft())
        else:
            conn.busy = False

    # outcomes

    def answered(self, conn: Connection, now: float) -> None:
        k = conn.request
        self.latency[k] = now - (self.start + k * self.interval)
        self.answered_at[k] = now
        self.completed += 1
        if 200 <= conn.status < 300:
            self.ok += 1
        else:
            self.errors["status"] += 1
            self.statuses[conn.status] += 1
        self.settle()
        if conn.closing:  # the server closes it: connection_lost reopens it
            conn.request = -1
            conn.transport.close()  # type: ignore[union-attr]
        else:
            self.release(conn)

    def fail(self, conn: Connection, kind: str, message: str) -> None:
        """The request in flight on conn is lost; the connection is closed (and reopened)."""
        if conn.request >= 0:
            self.errors[kind] += 1
            self.messages[f"{kind}: {message}"] += 1
            conn.request = -1
            self.settle()
        conn.transport.abort()  # type: ignore[union-attr]

    def lost(self, conn: Connection, exc: Exception | None) -> None:
        if self.stopping:  # the run is over: what was in flight is unfinished
            return
        if conn.request >= 0:
            self.errors["connect"] += 1
            self.messages[f"connect: connection lost ({exc or 'closed by the server'})"] += 1
            conn.request = -1
            self.settle()
        if conn in self.idle:
            self.idle.remove(conn)
        conn.busy = True
        task = self.loop.create_task(self.connect(conn))
        self.reconnecting.add(task)  # the loop keeps only a weak reference
        task.add_done_callback(self.reconnecting.discard)

    def settle(self) -> None:
        self.finished += 1
        if self.finished >= self.intended and not self.done.done():
            self.done.set_result(None)

    async def watch(self) -> None:
        """Every 100 ms (less for short timeouts): close the connections whose request has waited `timeout` seconds."""
        every = max(0.002, min(0.1, self.timeout / 10))
        while True:
            await asyncio.sleep(every)
            limit = clock() - self.timeout
            for conn in self.conns:
                if conn.request >= 0 and conn.sent_at < limit:
                    self.fail(conn, "timeout", f"no answer in {self.timeout:g} s")

    # the result

    def result(self, cpu: float) -> dict[str, Any]:
        answered = [x for x in self.latency if x == x]  # not NaN
        lags = [x for x in self.lag if x == x]
        window_end = self.start + self.duration
        in_window = sum(1 for t in self.answered_at if t <= window_end)
        elapsed = self.end - self.start
        errors = sum(self.errors.values())
        by_second: list[dict[str, float | None]] = []
        per_second = max(1, round(self.rate))
        for first in range(0, self.intended, per_second):
            chunk = [x for x in self.latency[first : first + per_second] if x == x]
            if chunk:
                chunk.sort()
                by_second.append({"p50": ms(rank(chunk, 0.5)), "p99": ms(rank(chunk, 0.99)), "n": len(chunk)})
            else:
                by_second.append({"p50": None, "p99": None, "n": 0})
        answered.sort()
        lags.sort()
        return {
            "rate": self.rate,
            "connections": len(self.conns),
            "assign": self.assign,
            "duration": self.duration,
            "intended": self.intended,
            "sent": self.sent,
            "completed": self.completed,
            "ok": self.ok,
            "errors": errors,
            "connect_errors": self.errors["connect"],
            "timeouts": self.errors["timeout"],
            "status_errors": self.errors["status"],
            "protocol_errors": self.errors["protocol"],
            "statuses": dict(self.statuses),
            "error_messages": dict(self.messages.most_common(5)),
            "unfinished": self.intended - self.finished,
            "reconnect_failures": self.reconnect_failures,
            "ticks": self.ticks,
            "timer": self.metronome.kind,
            "achieved_rate": in_window / self.duration,
            "elapsed": elapsed,
            "latency_ms": percentiles(answered),
            "send_lag_ms": percentiles(lags),
            "by_second": by_second,
            "cpu_seconds": cpu,
            "cpu_percent": 100 * cpu / elapsed if elapsed > 0 else 0.0,
            "cpu_us_per_request": 1e6 * cpu / self.sent if self.sent else 0.0,
        }


def rank(ordered: Sequence[float], q: float) -> float:
    """Nearest-rank percentile of sorted values."""
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]


def ms(seconds: float) -> float:
    return round(seconds * 1e3, 3)


def percentiles(ordered: Sequence[float]) -> dict[str, float | None]:
    if not ordered:
        return {"p50": None, "p90": None, "p99": None, "p99.9": None, "max": None, "mean": None}
    out: dict[str, float | None] = {
        name: ms(rank(ordered, q)) for name, q in (("p50", 0.5), ("p90", 0.9), ("p99", 0.99), ("p99.9", 0.999))
    }
    out["max"] = ms(ordered[-1])
    out["mean"] = ms(sum(ordered) / len(ordered))
    return out


async def paced(
    host: str,
    port: int,
    path: str,
    bodies: Sequence[bytes],
    connections: int,
    rate: float,
    duration: float,
    timeout: float = 30,
    assign: str = "free",
    drain: float | None = None,
) -> dict[str, Any]:
    """One open-loop run in the running event loop (see the module's text); the result as a dict."""
    requests = [build_request(host, port, path, body) for body in bodies]
    gen = Generator(host, port, requests, connections, rate, duration, timeout, assign)
    enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    cpu = time.process_time()
    try:
        await gen.run(timeout if drain is None else drain)
    finally:
        cpu = time.process_time() - cpu
        if enabled:
            gc.enable()
    return gen.result(cpu)


def loop_factory() -> Callable[[], asyncio.AbstractEventLoop]:
    return uvloop.new_event_loop if uvloop is not None else asyncio.new_event_loop


def run_paced(
    host: str,
    port: int,
    path: str,
    bodies: Sequence[bytes],
    connections: int,
    rate: float,
    duration: float,
    timeout: float = 30,
    assign: str = "free",
    drain: float | None = None,
) -> dict[str, Any]:
    """One open-loop run in a new event loop (uvloop when importable)."""
    with asyncio.Runner(loop_factory=loop_factory()) as runner:
        return runner.run(paced(host, port, path, bodies, connections, rate, duration, timeout, assign, drain))


def summary(r: dict[str, Any]) -> str:
    lat, lag = r["latency_ms"], r["send_lag_ms"]

    def f(value: float | None) -> str:
        return "-" if value is None else f"{value:.2f}"

    lines = [
        f"target {r['rate']:,.0f}/s over {r['connections']} connections ({r['assign']}), {r['duration']:g} s: "
        f"{r['intended']:,} intended, {r['sent']:,} sent, {r['completed']:,} answered ({r['ok']:,} 2xx), "
        f"{r['unfinished']:,} unfinished",
        f"achieved {r['achieved_rate']:,.0f}/s (answers within the window); run took {r['elapsed']:.2f} s",
        "latency from intended send time, ms: "
        + ", ".join(f"{k} {f(lat[k])}" for k in ("p50", "p90", "p99", "p99.9", "max", "mean")),
        f"send lag (generator timer + waiting for a connection), ms: p50 {f(lag['p50'])}, p99 {f(lag['p99'])}, "
        f"max {f(lag['max'])}",
        f"errors: {r['connect_errors']} connection, {r['timeouts']} timeouts, {r['status_errors']} non-2xx"
        + (f" {r['statuses']}" if r["statuses"] else "")
        + f", {r['protocol_errors']} protocol; {r['reconnect_failures']} failed reconnections",
        f"generator CPU: {r['cpu_seconds']:.2f} s = {r['cpu_percent']:.1f}% of one core, "
        f"{r['cpu_us_per_request']:.0f} µs a request ({'uvloop' if uvloop is not None else 'asyncio'}, {r['timer']}, "
        f"{r['ticks']:,} wake-ups)",
        "p50/p99 ms by second of schedule: " + " ".join(f"{f(s['p50'])}/{f(s['p99'])}" for s in r["by_second"]),
    ]
    lines += [f"  {count} × {message}" for message, count in r["error_messages"].items()]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", required=True, help="http://HOST:PORT/PATH (plain HTTP only)")
    parser.add_argument("--rate", type=float, required=True, help="requests per second, in total")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--duration", type=float, default=10, help="seconds over which requests fall due")
    parser.add_argument("--body-file", required=True, help="one JSON body a line, cycled in order")
    parser.add_argument("--timeout", type=float, default=30, help="seconds to wait for an answer")
    parser.add_argument("--drain", type=float, help="seconds to wait for late answers after the schedule (--timeout)")
    parser.add_argument("--assign", choices=("free", "rr"), default="free", help="see the module's text")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args()
    url = urllib.parse.urlsplit(args.url)
    if url.scheme != "http" or not url.hostname:
        raise SystemExit("--url must be http://HOST[:PORT]/PATH")
    path = (url.path or "/") + (f"?{url.query}" if url.query else "")
    with open(args.body_file, "rb") as file:
        bodies = [line.strip() for line in file if line.strip()]
    if not bodies:
        raise SystemExit(f"{args.body_file} has no body")
    try:
        result = run_paced(
            url.hostname, url.port or 80, path, bodies, args.connections, args.rate, args.duration, args.timeout,
            args.assign, args.drain,
        )  # fmt: skip
    except OSError as error:
        raise SystemExit(f"cannot open the connections to {url.netloc}: {error}") from None
    print(json.dumps(result, indent=1) if args.json else summary(result))
    sys.exit(1 if result["errors"] or result["unfinished"] else 0)


if __name__ == "__main__":
    main()
