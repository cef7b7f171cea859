"""Ingestion of raw web pages against ``web-pages-de/expectations.json``, beside trafilatura used
directly on the same pages.

    .venv/bin/python bench/ingest_expectations.py [../shared/data/web-pages-de]

For each page, a ``with`` string counts as kept when it appears in the extracted text, a
``without`` string as dropped when it does not (white space normalised, case kept).  Quellenlage
is measured on ``Article.text``, what the analysis sees (headline from the page title, the meta
description as standfirst, body); trafilatura on ``trafilatura.extract(html)`` with its defaults.
Prints one JSON line; ``--failures`` lists the pages where Quellenlage loses to trafilatura.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import trafilatura

from quellenlage import ingest
from quellenlage.errors import QuellenlageError


def _norm(text: str) -> str:
    return " ".join(text.split())


def _score(text: str, page: dict[str, list[str]]) -> tuple[int, int]:
    norm = _norm(text)
    return sum(_norm(s) in norm for s in page["with"]), sum(_norm(s) not in norm for s in page["without"])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", nargs="?", default="../shared/data/web-pages-de", type=Path)
    parser.add_argument("--failures", action="store_true")
    args = parser.parse_args()
    pages = json.loads((args.folder / "expectations.json").read_text(encoding="utf-8"))
    totals = {"pages": len(pages), "with": 0, "without": 0, "ours_with": 0, "ours_without": 0, "traf_with": 0,
              "traf_without": 0, "ours_no_text": 0, "traf_no_text": 0,
              "ours_seconds": 0.0, "traf_seconds": 0.0}  # fmt: skip
    worse = []
    for page in pages:
        data = (args.folder / "pages" / page["file"]).read_bytes()
        totals["with"] += len(page["with"])
        totals["without"] += len(page["without"])
        started = time.perf_counter()
        try:
            ours = ingest.from_bytes(data, name=page["file"], lang="de").text  # extraction only: no language refusal
        except QuellenlageError:
            ours, totals["ours_no_text"] = "", totals["ours_no_text"] + 1
        totals["ours_seconds"] += time.perf_counter() - started
        started = time.perf_counter()
        theirs = trafilatura.extract(data) or ""
        totals["traf_seconds"] += time.perf_counter() - started
        totals["traf_no_text"] += not theirs
        (ow, od), (tw, td) = _score(ours, page), _score(theirs, page)
        totals["ours_with"] += ow
        totals["ours_without"] += od
        totals["traf_with"] += tw
        totals["traf_without"] += td
        if ow + od < tw + td:
            worse.append({"file": page["file"], "ours": [ow, od], "trafilatura": [tw, td]})
    for who in ("ours", "traf"):
        totals[f"{who}_with_share"] = round(totals[f"{who}_with"] / totals["with"], 4)
        totals[f"{who}_without_share"] = round(totals[f"{who}_without"] / totals["without"], 4)
        totals[f"{who}_seconds"] = round(totals[f"{who}_seconds"], 1)
    totals["pages_where_ours_is_worse"] = len(worse)
    print(json.dumps(totals))
    if args.failures:
        json.dump(worse, sys.stdout, indent=1)


if __name__ == "__main__":
    main()
