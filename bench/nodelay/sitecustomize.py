"""Diagnosis only (bench/api_load.py --force-nodelay): TCP_NODELAY on every accepted TCP connection.

With more than one worker, uvicorn binds the listening socket itself as socket.socket(AF_INET), so
its `proto` field is 0 and asyncio's transport skips TCP_NODELAY (it checks proto == IPPROTO_TCP).
Nagle's algorithm then holds a response's body until the client acknowledges its headers, and the
client delays that acknowledgement: about 40 ms a request. Loaded into the server's processes
through PYTHONPATH, this shows what setting TCP_NODELAY in paiwu serve would give.
"""

import asyncio.base_events
import asyncio.selector_events
import socket


def _set_nodelay(sock: socket.socket) -> None:
    if sock.family in {socket.AF_INET, socket.AF_INET6} and sock.type == socket.SOCK_STREAM:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


asyncio.base_events._set_nodelay = _set_nodelay  # type: ignore[attr-defined]
asyncio.selector_events._set_nodelay = _set_nodelay  # type: ignore[attr-defined]
