"""Command line: ``quellenlage analyze|schema|eval``.  The only module that prints or exits.

Exit codes: 0 success, 1 unexpected internal error, 2 usage, 3 bad input (empty, binary,
undecodable, missing file, unsupported language), 4 no article text in a page, 5 fetch failed,
6 broken installation (a bundled resource).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__, ingest
from .errors import (
    ConfigError,
    ExtractionError,
    FetchError,
    InputError,
    QuellenlageError,
    ResourceError,
)
from .model import Article

EXIT_CODES: tuple[tuple[type[QuellenlageError], int], ...] = (
    (FetchError, 5), (InputError, 3), (ExtractionError, 4), (ResourceError, 6), (ConfigError, 2),
)  # fmt: skip


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="quellenlage", description="Who claims what in a news article.")
    parser.add_argument("--version", action="version", version=f"quellenlage {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    an = sub.add_parser("analyze", help="analyse one article: a file, '-' for stdin, or a URL")
    an.add_argument("source", help="HTML or text file, '-' for standard input, or an http(s) URL")
    an.add_argument("--format", choices=("text", "json", "html"), default="text")
    an.add_argument("--output", "-o", type=Path, help="write the report to this file")
    an.add_argument("--lang", choices=ingest.LANGUAGE_CHOICES, default="auto")
    sub.add_parser("schema", help="print the JSON Schema of the report")
    ev = sub.add_parser("eval", help="score against a folder of gold files (German news quotation dataset)")
    ev.add_argument("gold_dir", type=Path)
    ev.add_argument("--predictions-out", type=Path, help="write one prediction file per document here")
    return parser


def _read_source(source: str, lang: str) -> Article:
    if source == "-":
        return ingest.from_bytes(sys.stdin.buffer.read(), name="standard input", lang=lang)
    return ingest.load(source, lang=lang)


def _analyze(args: argparse.Namespace) -> int:
    from .pipeline import default_pipeline
    from .report import render

    article = _read_source(args.source, args.lang)
    output = render(default_pipeline()(article), args.format)
    if args.output:
        args.output.write_text(output, encoding="utf-8")
        print(f"wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(output)
    return 0


def _eval(args: argparse.Namespace) -> int:
    from .evaluation import evaluate_dir

    if not args.gold_dir.is_dir():
        raise InputError(f"no such folder: {args.gold_dir}", hint="give the dataset's dev folder")
    result = evaluate_dir(args.gold_dir, args.predictions_out)
    print(json.dumps(result, indent=2))
    return 0


def _schema(_: argparse.Namespace) -> int:
    from .report import schema

    print(json.dumps(schema(), indent=2, ensure_ascii=False))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    command = {"analyze": _analyze, "schema": _schema, "eval": _eval}[args.command]
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
