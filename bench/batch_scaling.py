"""Corpus-mode throughput with 1 and 2 worker processes on web-pages-de and 10kGNAD.

    .venv/bin/python bench/batch_scaling.py [--workers 1 2] [--shared ../shared]

Runs ``quellenlage batch`` as a user would (fresh output folder each time), samples the resident
memory of every process of the run every 0.2 s, and prints one JSON line per corpus and worker
count, then the scaling efficiency (articles/s with N workers ÷ N × articles/s with 1).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        pass
    return 0


def _descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        try:
            children = [int(c) for t in Path(f"/proc/{p}/task").iterdir()
                        for c in (t / "children").read_text().split()]  # fmt: skip
        except (FileNotFoundError, ProcessLookupError):
            children = []
        out += children
        todo += children
    return out


def run(corpus: str, workers: int) -> dict[str, object]:
    out = Path(tempfile.mkdtemp(prefix="ql-bench-"))
    command = [sys.executable, "-m", "quellenlage.cli", "batch", corpus, "--out", str(out / "o"),
               "--workers", str(workers), "--no-progress"]  # fmt: skip
    started = time.perf_counter()
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    driver_peak, worker_peak = 0, 0
    while proc.poll() is None:
        driver_peak = max(driver_peak, _rss_kb(proc.pid))
        for child in _descendants(proc.pid):
            worker_peak = max(worker_peak, _rss_kb(child))
        time.sleep(0.2)
    elapsed = time.perf_counter() - started
    stderr = proc.stderr.read() if proc.stderr else ""
    if proc.returncode:
        raise SystemExit(f"batch failed: {stderr}")
    line = stderr.strip().splitlines()[-1]
    articles, errors = int(line.split()[0]), int(line.split(", ")[1].split()[0])
    shutil.rmtree(out)
    return {"corpus": Path(corpus).name, "workers": workers, "articles": articles, "errors": errors,
            "seconds": round(elapsed, 1), "articles_per_second": round((articles + errors) / elapsed, 2),
            "peak_rss_mb_per_worker": round(worker_peak / 1024),
            "peak_rss_mb_driver": round(driver_peak / 1024)}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", default="../shared", type=Path)
    parser.add_argument("--workers", nargs="+", type=int, default=[1, 2])
    args = parser.parse_args()
    data = args.shared / "data"
    corpora = [str(data / "web-pages-de" / "pages"), str(data / "10kgnad" / "articles-1028.csv")]
    for corpus in corpora:
        results = [run(corpus, w) for w in args.workers]
        for r in results:
            print(json.dumps(r), flush=True)
        base = results[0]["articles_per_second"]
        for r in results[1:]:
            speedup = r["articles_per_second"] / base  # type: ignore[operator]
            print(json.dumps({"corpus": r["corpus"], "speedup": round(speedup, 2),
                              "efficiency": round(speedup / r["workers"] * args.workers[0], 2),
                              "cpu_count": os.cpu_count()}), flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
