"""Hostile requests beside an ordinary one, against the real server: does the ordinary one suffer?

    .venv/bin/python bench/serve_hostile.py [--hostile 3] [--time-limit 30]

Starts ``quellenlage serve`` (one analysis worker per core) on a free port, measures the usual
latency of the reference article (median of five), then sends ``--hostile`` requests of
``"a." * 4000`` (the text that used to take 12 s and grow quadratically) and, 50 ms later, the
ordinary request, and prints how much later than usual the ordinary one came back.  Then it sends
one request of every hostile kind of docs/BAD-INPUT.md that the service takes and counts the 500s
(there should be none), and finally checks that the server still answers.  Prints one JSON line.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import time
from pathlib import Path

import httpx
from _server import running_server

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = (ROOT / "examples" / "news-de-putin-kasachstan.txt").read_text(encoding="utf-8")
HOSTILE_JSON = [
    {"text": "a." * 4000}, {"text": "a." * 8000}, {"text": "»" * 20000}, {"text": "\ud800" * 10 + ARTICLE},
    {"text": "Er sagte \u0f43."}, {"text": "x" * 1_900_000}, {"text": ""}, {"text": "  "},
    {"html": "<html><body>" + "<div>" * 5000 + "<p>Text</p>" + "</div>" * 5000 + "</body></html>"},
    {"url": "ftp://example.org/"}, {"url": "http://[::1"}, {"url": "http://example.org:99999/"},
    {"url": "http://" + "a" * 70 + ".de/"}, {"url": "http://0177.0.0.1/"}, {"url": "http://[64:ff9b::7f00:1]/"},
    {"url": "http://[2002:7f00:1::]/"}, {"url": "http://127.0.0.1:1/"}, {"url": "http://169.254.169.254/"},
    {"text": "a", "url": "http://x.de/"}, {"text": 3}, {"text": ARTICLE, "lang": "en"},
]  # fmt: skip
HOSTILE_UPLOADS = [b"\xff\xfe\x00\xd8 broken", b"\x89PNG\r\n\x1a\n" + bytes(64), bytes(range(256)) * 10]


async def _post(client: httpx.AsyncClient, payload: dict[str, object]) -> tuple[int, float]:
    started = time.perf_counter()
    body = json.dumps(payload).encode("ascii")  # \ud800 stays an escape, as a hostile client would send it
    response = await client.post("/v1/analyze", content=body, headers={"content-type": "application/json"})
    return response.status_code, time.perf_counter() - started


async def scenario(base: str, hostile: int) -> dict[str, object]:
    async with httpx.AsyncClient(base_url=base, timeout=300) as client:
        usual = statistics.median([(await _post(client, {"text": ARTICLE}))[1] for _ in range(5)])
        attacks = [asyncio.ensure_future(_post(client, {"text": "a." * 4000})) for _ in range(hostile)]
        await asyncio.sleep(0.05)
        status, beside = await _post(client, {"text": ARTICLE})
        attack_results = await asyncio.gather(*attacks)
        statuses: dict[str, int] = {}
        for payload in HOSTILE_JSON:
            code, _ = await _post(client, payload)
            statuses[str(code)] = statuses.get(str(code), 0) + 1
        for data in HOSTILE_UPLOADS:
            code = (await client.post("/v1/analyze/upload", files={"file": ("x.txt", data)})).status_code
            statuses[str(code)] = statuses.get(str(code), 0) + 1
        after, _ = await _post(client, {"text": ARTICLE})
    return {
        "usual_ms": round(usual * 1000), "beside_hostile_ms": round(beside * 1000), "beside_status": status,
        "delay_ms": round((beside - usual) * 1000), "hostile_requests": hostile,
        "hostile_ms": [round(t * 1000) for _, t in attack_results], "hostile_statuses": [s for s, _ in attack_results],
        "every_hostile_kind_statuses": statuses, "server_500s": statuses.get("500", 0), "answers_after": after,
        "cpu_count": os.cpu_count(),
    }  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hostile", type=int, default=3)
    parser.add_argument("--time-limit", type=float, default=30.0)
    args = parser.parse_args()
    env = {"QUELLENLAGE_TIME_LIMIT_S": str(args.time_limit), "QUELLENLAGE_MAX_BODY_BYTES": "4000000"}
    with running_server(env=env) as (base, _):
        print(json.dumps(asyncio.run(scenario(base, args.hostile))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
