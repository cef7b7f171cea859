"""Analysis time against input size, for ordinary and pathological text: is it linear?

    .venv/bin/python bench/size_scaling.py [--sizes 1000,2000,...,64000] [--repeat 3]

For each kind of text and each size, the best of ``--repeat`` runs of ingestion plus the full
default pipeline (one core).  Ordinary text is German news: the 10kGNAD articles joined (needs
``../shared``; a built-in German paragraph repeated otherwise).  The pathological kinds are the
runs that used to take quadratic time or worse.  The last column, ms per KB, should stay flat.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GNAD = ROOT.parent / "shared" / "data" / "10kgnad" / "articles-1028.csv"
PARAGRAPH = ("Der Minister sagte am Montag in Berlin, die Lage sei ernst. „Wir werden nicht nachgeben“, "
             "erklärte die Sprecherin. Laut Polizei gab es keine Verletzten.\n\n")  # fmt: skip


def news(size: int) -> str:
    if GNAD.exists():
        csv.field_size_limit(1 << 30)
        with GNAD.open(encoding="utf-8") as f:
            text = "\n\n".join(row[1] for row in csv.reader(f, delimiter=";", quotechar="'") if len(row) > 1)
    else:
        text = PARAGRAPH * (size // len(PARAGRAPH) + 1)
    return text[:size]


KINDS: dict[str, Callable[[int], str]] = {
    "news": news,
    "a. run": lambda n: "a." * (n // 2),
    "»» run": lambda n: "»" * n,
    "e-mail-like run": lambda n: ("a.b" * (n // 3))[: n - 5] + "@x.de",
    "one long sentence": lambda n: ("und dann sagte er, " * (n // 19 + 1))[:n],
    "tokens without space": lambda n: ("Wort-" * (n // 5 + 1))[:n],
    "one-character lines": lambda n: "'\n" * (n // 2),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,2000,4000,8000,16000,32000,64000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--kinds", help="comma-separated kinds to run (default: all)")
    args = parser.parse_args()
    from quellenlage import ingest
    from quellenlage.pipeline import default_pipeline, warm_up

    pipeline = warm_up(default_pipeline())
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"{'kind':22s} {'bytes':>7s} {'seconds':>8s} {'ms/KB':>7s}")
    chosen = args.kinds.split(",") if args.kinds else list(KINDS)
    for kind, make in ((k, KINDS[k]) for k in chosen):
        for size in sizes:
            text = make(size)
            best = float("inf")
            for _ in range(args.repeat):
                started = time.perf_counter()
                pipeline(ingest.from_text(text, lang="de"))
                best = min(best, time.perf_counter() - started)
            nbytes = len(text.encode("utf-8"))
            print(f"{kind:22s} {nbytes:7d} {best:8.3f} {1000 * best / (nbytes / 1000):7.1f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
