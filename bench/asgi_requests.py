"""N single trade decisions through the API app in process (ASGI, no sockets): for counting instructions.

    .venv/bin/python bench/asgi_requests.py 600 --write-bodies /tmp/bodies.jsonl
    valgrind --tool=callgrind --callgrind-out-file=cg.100 .venv/bin/python bench/asgi_requests.py 100 /tmp/bodies.jsonl
    valgrind --tool=callgrind --callgrind-out-file=cg.600 .venv/bin/python bench/asgi_requests.py 600 /tmp/bodies.jsonl

With `--batch K` after the bodies file, the same bodies go K to a request to /v1/decisions:batch
(every item must be answered 201): the difference divided by 500 is then the instructions of one
decision in a batch.

The instructions of one request are the difference of the two totals ("I refs") divided by 500:
start-up, imports and compilation cancel out. The request bodies are generated beforehand into a
file (the first command), so that generating them is not counted as the API's work; without a file
they are generated in the run (counted: ~0.3 million instructions a request). Instruction counts do not drift with the host as
times do, so they show a change of a few percent that wall-clock runs cannot. The app is the one
`paiwu serve` runs (create_app), with a SQLite log in a temporary folder; 8 clients send at once
on asyncio's own loop (valgrind and uvloop are slow together), each request a different generated
trade. Every answer must be 201, or the script fails.
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from paiwu.api.app import ApiSettings, create_app
from paiwu.store import open_log

sys.path.insert(0, str(Path(__file__).resolve().parent))
from population import trades  # bench's own module, beside this script

CLIENTS = 8
SINGLE_PATH = "/v1/decisions/trade"
BATCH_PATH = "/v1/decisions:batch"


def main() -> None:
    batch = 0
    if "--batch" in sys.argv:
        at = sys.argv.index("--batch")
        batch = int(sys.argv[at + 1])
        del sys.argv[at : at + 2]
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    if len(sys.argv) > 3 and sys.argv[2] == "--write-bodies":
        Path(sys.argv[3]).write_bytes(
            b"".join(json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in trades(count, 5))
        )
        return
    if len(sys.argv) > 2:
        bodies = Path(sys.argv[2]).read_bytes().splitlines()[:count]
        if len(bodies) < count:
            raise SystemExit(f"{sys.argv[2]} holds {len(bodies)} bodies, fewer than {count}")
    else:
        bodies = [json.dumps(r, ensure_ascii=False).encode() for r in trades(count, 5)]
    with tempfile.TemporaryDirectory(prefix="paiwu-asgi-") as folder:
        url = f"sqlite:///{folder}/decisions.sqlite3"
        with open_log(url) as log:
            app = create_app(ApiSettings(log_url=url), log=log)
            if batch:
                batches = [b'{"requests":[' + b",".join(bodies[i : i + batch]) + b"]}" for i in range(0, count, batch)]
                asyncio.run(_send_all(app, batches, BATCH_PATH))
            else:
                asyncio.run(_send_all(app, bodies))
    print(f"{count} decisions answered 201" + (f", in batches of {batch}" if batch else ""))


async def _post(app: Any, body: bytes, path: str = SINGLE_PATH) -> None:
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 80),
    }
    received = False
    statuses: list[int] = []
    answer: list[bytes] = []

    async def receive() -> dict[str, Any]:
        nonlocal received
        if received:
            await asyncio.Event().wait()  # the client never disconnects
        received = True
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            statuses.append(message["status"])
        elif path == BATCH_PATH:
            answer.append(message.get("body", b""))

    await app(scope, receive, send)
    if path == SINGLE_PATH and statuses != [201]:
        raise SystemExit(f"the API answered {statuses}, not 201")
    if path == BATCH_PATH:  # each item's head, counted in the text: parsing 2 MB would be counted too
        text = b"".join(answer)
        items, created = text.count(b'{"index":'), text.count(b',"status":201,"result":')
        if statuses != [200] or not items or created != items:
            raise SystemExit(f"the batch was answered {statuses}, {created} of {items} items 201")


async def _send_all(app: Any, bodies: list[bytes], path: str = SINGLE_PATH) -> None:
    queue = list(reversed(bodies))

    async def client() -> None:
        while queue:
            await _post(app, queue.pop(), path)

    await asyncio.gather(*(client() for _ in range(CLIENTS)))


if __name__ == "__main__":
    main()
