"""Memory over a long stream of articles: does one process grow as a corpus worker or the service
runs?

    .venv/bin/python bench/memory_growth.py [--gnad CSV] [--limit N] [--every K]

Analyses the first ``--limit`` DER STANDARD articles of 10kGNAD one after another in one process
and prints, every ``--every`` articles, the resident memory (``/proc/self/status`` VmRSS) and the
size of the German tagger's string store and vocabulary, as JSON lines.  A process that keeps
growing with the articles it has seen would, over millions, outgrow its limit.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stage_profile import GNAD, gnad_texts

import quellenlage
from quellenlage import lang
from quellenlage.nlp.tagger import load_model
from quellenlage.pipeline import default_pipeline


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gnad", type=Path, default=GNAD)
    parser.add_argument("--limit", type=int, default=1028)
    parser.add_argument("--every", type=int, default=200)
    args = parser.parse_args()
    texts = gnad_texts(args.gnad, args.limit)
    pipeline = default_pipeline()
    nlp = load_model(lang.get("de"))
    for k, text in enumerate(texts, 1):
        quellenlage.analyze(text, lang="de", pipeline=pipeline)
        if k % args.every == 0 or k == len(texts):
            print(json.dumps({"articles": k, "rss_mb": round(rss_mb(), 1), "strings": len(nlp.vocab.strings),
                              "lexemes": len(nlp.vocab)}), flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
