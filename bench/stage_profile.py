"""CPU per stage and tokens per second per stage: where the analysis spends its time (one core).

    .venv/bin/python bench/stage_profile.py [--dev DIR] [--gnad CSV] [--limit N] [--polnear DIR] [--rules-only]

Runs the default pipeline stage by stage over the German dev split (150 Wikinews articles), the
first ``--limit`` DER STANDARD articles of 10kGNAD and the English PolNeAR dev split (84 articles;
``--polnear /none`` leaves it out), and prints, per corpus and stage, the CPU
seconds (``time.process_time``), the share of the total, and tokens per CPU second.  Start-up and
model loading are excluded (one warm-up article first).  The tool for every speed change: run it
before and after, on the same machine, and compare the per-stage lines.  (Not ``profile.py``: run
as a script, that name would shadow the standard library's ``profile``, which spaCy imports.)
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import time
from collections import defaultdict
from pathlib import Path

from quellenlage import ingest
from quellenlage.model import Analysis, Metadata
from quellenlage.pipeline import Pipeline, default_pipeline

DEV = Path("../shared/data/german-news-quotes/dev")
GNAD = Path("../shared/data/10kgnad/articles-1028.csv")
POLNEAR = Path("../shared/data/polnear/dev")


def dev_texts(folder: Path) -> list[str]:
    return [json.loads(p.read_text(encoding="utf-8"))["originalText"] for p in sorted(folder.glob("*.json"))]


def gnad_texts(path: Path, limit: int) -> list[str]:
    csv.field_size_limit(10**7)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle, delimiter=";", quotechar="'")
        return [row[1] for _, row in zip(range(limit), rows, strict=False) if len(row) >= 2]


def polnear_texts(folder: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((folder / "text").glob("*.txt"))]


def profile(pipeline: Pipeline, texts: list[str], language: str = "de") -> dict[str, object]:
    """CPU seconds per stage (ingest included) over the texts in ``language``, and the tokens analysed."""
    cpu: dict[str, float] = defaultdict(float)
    tokens = 0
    for text in texts:
        start = time.process_time()
        article = ingest.parse_plain_text(text, Metadata(language=language), filter_boilerplate=False)
        cpu["ingest"] += time.process_time() - start
        analysis = Analysis(article=article, layers=frozenset({"article"}), diagnostics=article.diagnostics)
        for stage in pipeline.stages:
            start = time.process_time()
            analysis = stage(analysis)
            cpu[stage.name] += time.process_time() - start
        tokens += len(analysis.tokens)
    total = sum(cpu.values())
    stages = {name: {"cpu_s": round(s, 2), "share": round(s / total, 3),
                     "tokens_per_cpu_s": round(tokens / s) if s else None} for name, s in cpu.items()}  # fmt: skip
    return {"articles": len(texts), "tokens": tokens, "cpu_s": round(total, 2),
            "articles_per_cpu_s": round(len(texts) / total, 1), "tokens_per_cpu_s": round(tokens / total),
            "stages": stages}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dev", type=Path, default=DEV)
    parser.add_argument("--gnad", type=Path, default=GNAD)
    parser.add_argument("--limit", type=int, default=300, help="10kGNAD articles (default 300)")
    parser.add_argument("--polnear", type=Path, default=POLNEAR, help="the English corpus (PolNeAR's layout)")
    parser.add_argument("--rules-only", action="store_true")
    args = parser.parse_args()
    pipeline = default_pipeline(rules_only=args.rules_only)
    profile(pipeline, ["Warm-up: Der Minister sagte, es sei spät."])
    out: dict[str, object] = {"pipeline": "+".join(pipeline.names)}
    if args.dev.is_dir():
        out["dev"] = profile(pipeline, dev_texts(args.dev))
    if args.gnad.is_file():
        out["10kgnad"] = profile(pipeline, gnad_texts(args.gnad, args.limit))
    if (args.polnear / "text").is_dir():
        profile(pipeline, ["Warm-up: The minister said it was late."], "en")
        out["polnear_en"] = profile(pipeline, polnear_texts(args.polnear), "en")
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
