"""Articles per second and peak memory for the full analysis of the 150 dev articles (one core).

    .venv/bin/python bench/dev_throughput.py [../shared/data/german-news-quotes/dev] [--rules-only]

The default analysis includes the trained attribution tagger; ``--rules-only`` leaves it out.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

from quellenlage.evaluation.gold import analyze_gold_text
from quellenlage.pipeline import default_pipeline


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "--rules-only"]
    folder = Path(args[0] if args else "../shared/data/german-news-quotes/dev")
    texts = [json.loads(p.read_text(encoding="utf-8"))["originalText"] for p in sorted(folder.glob("*.json"))]
    pipeline = default_pipeline(rules_only="--rules-only" in sys.argv)
    analyze_gold_text("Warm-up: Der Minister sagte, es sei spät.", pipeline)
    start = time.perf_counter()
    tokens = sum(len(analyze_gold_text(text, pipeline).tokens) for text in texts)
    elapsed = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"pipeline": "+".join(pipeline.names), "articles": len(texts), "seconds": round(elapsed, 2),
                      "articles_per_second": round(len(texts) / elapsed, 1),
                      "tokens_per_second": round(tokens / elapsed), "peak_rss_mb": round(peak_mb)}))  # fmt: skip


if __name__ == "__main__":
    main()
