"""Command line: ``quellenlage analyze|schema|eval|serve|batch|corpus-report``.  The only module that prints or exits.

Exit codes: 0 success, 1 unexpected internal error, 2 usage, 3 bad input (empty, binary,
undecodable, missing file, unsupported language, over the size limit), 4 no article text in a
page, 5 a URL that is malformed, not http(s), or could not be fetched, 6 broken installation (a
bundled resource), 7 a time or memory limit was reached.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import __version__, ingest, lang
from .errors import (
    ConfigError,
    ExtractionError,
    FetchError,
    InputError,
    MemoryLimitError,
    QuellenlageError,
    ResourceError,
    TimeLimitError,
)
from .model import Article

EXIT_CODES: tuple[tuple[type[QuellenlageError], int], ...] = (
    (FetchError, 5), (InputError, 3), (ExtractionError, 4), (ResourceError, 6), (ConfigError, 2),
    (TimeLimitError, 7), (MemoryLimitError, 7),
)  # fmt: skip


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="quellenlage", description="Who claims what in a news article.")
    parser.add_argument("--version", action="version", version=f"quellenlage {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    rules = argparse.ArgumentParser(add_help=False)
    rules.add_argument(
        "--rules-only", action="store_true",
        help="leave out the trained attribution model (CC BY-NC-SA, docs/models/attribution-crf.md); "
        "rules only, Apache-2.0",
    )  # fmt: skip
    _add_analyze(sub, rules)
    sub.add_parser("schema", help="print the JSON Schema of the report")
    _add_batch(sub, rules)
    _add_corpus_report(sub)
    _add_serve(sub, rules)
    _add_eval(sub, rules)
    _add_train(sub)
    return parser


def _add_analyze(sub: Any, rules: argparse.ArgumentParser) -> None:
    """``quellenlage analyze``: one article."""
    an = sub.add_parser("analyze", parents=[rules], help="analyse one article: a file, '-' for stdin, or a URL")
    an.add_argument("source", help="HTML or text file, '-' for standard input, or an http(s) URL")
    an.add_argument("--format", choices=("text", "json", "html"), default="text")
    an.add_argument("--output", "-o", type=Path, help="write the report to this file")
    an.add_argument("--lang", choices=ingest.LANGUAGE_CHOICES, default="auto")
    _max_input(an)


def _add_batch(sub: Any, rules: argparse.ArgumentParser) -> None:
    """``quellenlage batch``: a corpus to Parquet and DuckDB."""
    bt = sub.add_parser(
        "batch", parents=[rules], help="analyse a corpus into Parquet tables and a DuckDB file (resumable)"
    )
    bt.add_argument("inputs", nargs="+", help="folders or globs of HTML/text files, JSONL, CSV, WARC(.gz) files")
    bt.add_argument("--out", type=Path, required=True, help="output folder; run again to resume")
    bt.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="worker processes (default: all cores)")
    bt.add_argument("--dask", metavar="tcp://HOST:PORT", help="run on this Dask scheduler instead of local processes")
    bt.add_argument("--lang", choices=ingest.LANGUAGE_CHOICES, default="auto")
    bt.add_argument("--time-limit", type=float, default=60.0, help="seconds per article (default 60)")
    bt.add_argument("--partition-size", type=int, help="articles per output file (default: from the corpus size)")
    bt.add_argument("--jsonl", action="store_true", help="also write the full JSON report of each article")
    bt.add_argument("--no-progress", action="store_true", help="no progress bar")
    _max_input(bt)


def _add_corpus_report(sub: Any) -> None:
    """``quellenlage corpus-report``."""
    cr = sub.add_parser("corpus-report", help="answer the corpus questions over a batch output folder")
    cr.add_argument("folder", type=Path)
    cr.add_argument("--format", choices=("text", "html", "json"), default="text")
    cr.add_argument("--output", "-o", type=Path, help="write the report to this file")
    cr.add_argument("--top", type=int, default=20, help="rows per table (default 20)")


def _add_serve(sub: Any, rules: argparse.ArgumentParser) -> None:
    """``quellenlage serve``: the HTTP service."""
    sv = sub.add_parser(
        "serve",
        parents=[rules],
        help="start the HTTP API and web page (limits: QUELLENLAGE_* variables, see docs/API.md)",
    )
    sv.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    sv.add_argument("--port", type=int, default=8000)
    sv.add_argument("--workers", type=int,
                    help="analysis worker processes, each with its own pipeline (default: one per core, or "
                    "QUELLENLAGE_MAX_CONCURRENCY)")  # fmt: skip
    sv.add_argument(
        "--allow-private-urls",
        action="store_true",
        help="let the API fetch loopback and private-network URLs (off by default)",
    )


def _add_eval(sub: Any, rules: argparse.ArgumentParser) -> None:
    """``quellenlage eval``: the dataset metric on gold files."""
    ev = sub.add_parser(
        "eval", parents=[rules],
        help="score against a folder of gold files (German news quotation dataset, or PolNeAR's text/ and "
             "attributions/ layout, English)",
    )  # fmt: skip
    ev.add_argument("gold_dir", type=Path)
    ev.add_argument("--predictions-out", type=Path,
                    help="write one prediction file per document here (PolNeAR: NAME.ann, brat)")  # fmt: skip
    ev.add_argument("--model-only", action="store_true",
                    help="score the trained model's reading alone, without the rules' findings it dropped")  # fmt: skip
    ev.add_argument("--model", type=Path, metavar="FOLDER",
                    help="an attribution model trained by quellenlage train (FOLDER/model.crfsuite, meta.json) "
                         "instead of the shipped one; it reads the articles of its own language")  # fmt: skip


def _add_train(sub: Any) -> None:
    """``quellenlage train``: the attribution model."""
    tr = sub.add_parser(
        "train", help="train the attribution model from the dataset's gold files (docs/models/attribution-crf.md)"
    )
    tr.add_argument("train_dir", type=Path,
                    help="the dataset's train folder (German news quotation data, or PolNeAR's layout)")  # fmt: skip
    tr.add_argument("--lang", choices=lang.available(), default="de",
                    help="the language of the articles (default de); PolNeAR is English: --lang en trains a model "
                         "for your own use, never to be shipped (PolNeAR states no licence)")  # fmt: skip
    tr.add_argument("--out", type=Path, required=True, help="folder for model.crfsuite and meta.json")
    tr.add_argument("--dev", type=Path, help="score on this gold folder and record the scores in meta.json")
    tr.add_argument("--c1", type=float, default=0.1, help="L1 regularisation (default 0.1)")
    tr.add_argument("--c2", type=float, default=0.01, help="L2 regularisation (default 0.01)")
    tr.add_argument("--iterations", type=int, default=150, help="L-BFGS iterations (default 150)")


def _max_input(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-input-bytes", type=int, metavar="N",
        help=f"refuse text over N bytes (default {ingest.InputLimits().max_bytes:,}, or {ingest.MAX_INPUT_ENV}); "
        f"an HTML page may be {ingest.HTML_FACTOR} times larger",
    )  # fmt: skip


def _rules_only(args: argparse.Namespace) -> bool:
    """``--rules-only``, else ``QUELLENLAGE_RULES_ONLY``: passed on as an argument, never written back."""
    from .pipeline import rules_only_default

    return bool(args.rules_only) or rules_only_default()


def _input_limits(args: argparse.Namespace) -> ingest.InputLimits:
    if args.max_input_bytes is not None:
        return ingest.InputLimits(args.max_input_bytes)
    return ingest.InputLimits.from_env()


def _read_source(source: str, lang: str, limits: ingest.InputLimits) -> Article:
    if source == "-":
        data = ingest.read_stream(sys.stdin.buffer, name="standard input", limits=limits)
        return ingest.from_bytes(data, name="standard input", lang=lang, limits=limits)
    return ingest.load(source, lang=lang, limits=limits)


def _emit(output: str, path: Path | None) -> int:
    """Write a report to ``path`` (saying so on stderr) or to standard output."""
    if path:
        path.write_text(output, encoding="utf-8")
        print(f"wrote {path}", file=sys.stderr)
    else:
        sys.stdout.write(output)
    return 0


def _analyze(args: argparse.Namespace) -> int:
    from .pipeline import default_pipeline
    from .report import render

    article = _read_source(args.source, args.lang, _input_limits(args))
    output = render(default_pipeline(rules_only=_rules_only(args))(article), args.format)
    return _emit(output, args.output)


def _eval(args: argparse.Namespace) -> int:
    from .evaluation import evaluate_dir

    if not args.gold_dir.is_dir():
        raise InputError(f"no such folder: {args.gold_dir}", hint="give the dataset's dev folder")
    from .evaluation.polnear import evaluate_polnear, is_polnear
    from .learned.tagger import load_tagger
    from .pipeline import default_pipeline

    if args.model and args.rules_only:
        raise InputError("--model and --rules-only exclude each other", hint="give one of them")
    tagger = load_tagger(args.model) if args.model else None
    rules_only = False if tagger else _rules_only(args)
    pipeline = default_pipeline(keep_rules=not args.model_only, rules_only=rules_only, tagger=tagger)
    if is_polnear(args.gold_dir):  # English: the rules, unless --model gives a model trained on English
        result = evaluate_polnear(args.gold_dir, args.predictions_out, pipeline=pipeline, language="en")
        learned = tagger is not None and tagger.language == "en"
        result["attribution"] = ("model" if args.model_only else "model+rules") if learned else "rules"
    else:
        result = evaluate_dir(args.gold_dir, args.predictions_out, pipeline=pipeline)
        result["attribution"] = "rules" if "attribute-learned" not in pipeline.names else (
            "model" if args.model_only else "model+rules")  # fmt: skip
    print(json.dumps(result, indent=2))
    return 0


def _train(args: argparse.Namespace) -> int:
    from .learned.train import TrainParams, train

    for folder in (args.train_dir, args.dev):
        if folder is not None and not folder.is_dir():
            raise InputError(f"no such folder: {folder}", hint="give the dataset's train (and dev) folder")
    params = TrainParams(c1=args.c1, c2=args.c2, max_iterations=args.iterations)
    meta = train(args.train_dir, args.out, dev_dir=args.dev, params=params, language=args.lang,
                 log=lambda line: print(line, file=sys.stderr))  # fmt: skip
    keys = ("language", "train", "size_bytes", "sha256", "dev", "licence")
    print(json.dumps({k: meta[k] for k in keys if k in meta}, indent=2, ensure_ascii=False))
    return 0


def _batch(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from .corpus import BatchOptions, run_batch

    options = BatchOptions(
        inputs=tuple(args.inputs), out=args.out, workers=args.workers, partition_size=args.partition_size,
        time_limit_s=args.time_limit, lang=args.lang, jsonl=args.jsonl, dask=args.dask,
        max_input_bytes=_input_limits(args).max_bytes, rules_only=_rules_only(args),
    )  # fmt: skip
    bar = tqdm(unit=" articles", disable=args.no_progress, file=sys.stderr, dynamic_ncols=True, smoothing=0.1)
    failures = 0

    def progress(articles: int, errors: int, total: int | None) -> None:
        nonlocal failures
        if bar.total is None and total is not None:
            bar.total = total
        failures += errors
        bar.set_postfix(failures=failures, refresh=False)
        bar.update(articles + errors)

    with bar:
        result = run_batch(options, progress)
    print(f"{result.records} records read: {result.articles} analysed + {result.errors} errors (see errors/); "
          f"{result.partitions_done} partitions done now, {result.partitions_skipped} finished before. "
          f"Tables: {args.out}/{{articles,attributions,sources,claims,errors}}/, database: {result.database}",
          file=sys.stderr)  # fmt: skip
    if not result.balanced:
        print(f"quellenlage: error: {result.records} records read but {result.articles + result.errors} accounted for; "
              "run the same command again to redo the partitions", file=sys.stderr)  # fmt: skip
        return 1
    return 0


def _corpus_report(args: argparse.Namespace) -> int:
    from .corpus.report import corpus_report, render_html, render_text

    report = corpus_report(args.folder, top=args.top)
    if args.format == "json":
        output = json.dumps(report, indent=2, ensure_ascii=False, default=str)
    else:
        output = render_html(report) if args.format == "html" else render_text(report)
    return _emit(output, args.output)


def _serve(args: argparse.Namespace) -> int:
    from dataclasses import replace

    import uvicorn

    from .service import ServiceSettings, create_app

    settings = ServiceSettings.from_env()  # refuse bad QUELLENLAGE_* values before starting any worker
    if args.workers is not None:
        if args.workers < 1:
            raise ConfigError(f"--workers must be at least 1, not {args.workers}")
        settings = replace(settings, max_concurrency=args.workers)
    if args.allow_private_urls:
        settings = replace(settings, allow_private_urls=True)
    if args.rules_only:
        settings = replace(settings, rules_only=True)
    uvicorn.run(create_app(settings), host=args.host, port=args.port, log_level="info", server_header=False)
    return 0


def _schema(_: argparse.Namespace) -> int:
    from .report import schema

    print(json.dumps(schema(), indent=2, ensure_ascii=False))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    command = {"analyze": _analyze, "schema": _schema, "eval": _eval, "serve": _serve, "batch": _batch,
               "corpus-report": _corpus_report, "train": _train}[args.command]  # fmt: skip
    try:
        return command(args)
    except QuellenlageError as exc:
        print(f"quellenlage: error: {exc}", file=sys.stderr)
        return next((code for cls, code in EXIT_CODES if isinstance(exc, cls)), 1)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # an unwritable --output, a full disk
        print(f"quellenlage: error: {exc.strerror or exc}: {exc.filename or ''}", file=sys.stderr)
        return 3


if __name__ == "__main__":
    raise SystemExit(main())
