"""Load check of ``quellenlage serve``: requests per second, latency percentiles at a fixed
concurrency, and the server's resident memory sampled over the run (it should stay flat).

    .venv/bin/python bench/serve_load.py [--requests 2000] [--concurrency 8] [--workers 1]

Starts the real server (uvicorn) as a child process on a free port, posts the bundled reference
article ``--requests`` times from ``--concurrency`` clients, and prints one JSON line.  The client
runs on the same machine, so on 2 cores it competes with the server for CPU.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import time
from pathlib import Path

import httpx
from _server import running_server

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "examples" / "news-de-putin-kasachstan.txt"


def rss_mb(pids: list[int]) -> float:
    """Resident memory of the server processes (uvicorn's parent and its workers), in MB."""
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except FileNotFoundError:
            continue
    return total / 1024


def server_pids(parent: int) -> list[int]:
    """The server and all its descendants (the forkserver and the analysis worker processes)."""
    pids, todo = [], [parent]
    while todo:
        pid = todo.pop()
        pids.append(pid)
        for task in Path(f"/proc/{pid}/task").glob("*"):
            children = task / "children"
            if children.exists():
                todo.extend(int(p) for p in children.read_text().split())
    return pids


async def run(args: argparse.Namespace, base: str, pids: list[int]) -> dict[str, object]:
    payload = {"text": ARTICLE.read_text(encoding="utf-8")}
    latencies: list[float] = []
    memory: list[tuple[int, float]] = [(0, rss_mb(pids))]
    failures = 0
    queue: asyncio.Queue[int] = asyncio.Queue()
    for i in range(args.requests):
        queue.put_nowait(i)

    async with httpx.AsyncClient(base_url=base, timeout=120) as client:
        async def worker() -> None:
            nonlocal failures
            while not queue.empty():
                i = queue.get_nowait()
                started = time.perf_counter()
                response = await client.post("/v1/analyze", json=payload)
                latencies.append(time.perf_counter() - started)
                failures += response.status_code != 200
                if (i + 1) % 100 == 0:
                    memory.append((i + 1, rss_mb(pids)))

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(args.concurrency)))
        elapsed = time.perf_counter() - started
    latencies.sort()
    rss = [m for _, m in memory]
    return {
        "requests": args.requests, "concurrency": args.concurrency, "analysis_workers": args.workers,
        "failures": failures, "seconds": round(elapsed, 1), "requests_per_second": round(args.requests / elapsed, 2),
        "latency_p50_ms": round(statistics.median(latencies) * 1000),
        "latency_p95_ms": round(latencies[int(0.95 * (len(latencies) - 1))] * 1000),
        "rss_mb_after_warmup": round(rss[0]), "rss_mb_after_first_10pct": round(rss[len(rss) // 10]),
        "rss_mb_end": round(rss[-1]), "rss_mb_max": round(max(rss)), "cpu_count": os.cpu_count(),
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="analysis worker processes")
    args = parser.parse_args()
    payload = {"text": ARTICLE.read_text(encoding="utf-8")}
    with running_server("--workers", str(args.workers)) as (base, server):
        for _ in range(5 * args.workers):  # warm every worker's caches before measuring
            httpx.post(base + "/v1/analyze", json=payload, timeout=60)
        print(json.dumps(asyncio.run(run(args, base, server_pids(server.pid)))))


if __name__ == "__main__":
    main()
