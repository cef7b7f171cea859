"""What one worker does with one partition: analyse each record, write the partition's tables.

Runs in a worker process (local pool) or a Dask worker.  The pipeline is built once per process,
on first use, and shared by that process's threads (reports were checked to be identical under
concurrent use).  A partition's files are written to temporary names and renamed into place;
its ``_done`` marker is written last, so a partition either counts as finished, with all its
files, or is done again on the next run, overwriting whatever it had left.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import signal
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .. import ingest
from ..errors import QuellenlageError, TimeLimitError
from ..ingest import InputLimits
from ..model import Analysis, Metadata
from ..pipeline import Pipeline, default_pipeline, warm_up
from ..report import to_dict
from .readers import Record
from .tables import SCHEMAS, error_row, rows

_PIPELINES: dict[bool, Pipeline] = {}  # by rules_only
_LOCK = threading.Lock()
TABLES = ("articles", "attributions", "sources", "claims", "errors")


@dataclass(frozen=True, slots=True)
class JobSpec:
    """What every partition of one batch job shares (picklable, sent to each worker)."""

    out: str
    lang: str = "auto"
    time_limit_s: float = 60.0
    jsonl: bool = False
    max_input_bytes: int = InputLimits().max_bytes
    rules_only: bool = False


def pipeline(rules_only: bool = False) -> Pipeline:
    """This process's pipeline, built and warmed once (per ``rules_only``)."""
    with _LOCK:
        if rules_only not in _PIPELINES:
            _PIPELINES[rules_only] = warm_up(default_pipeline(rules_only=rules_only))
        return _PIPELINES[rules_only]


def part_name(index: int) -> str:
    return f"part-{index:06d}"


@contextlib.contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    """A hard time limit (SIGALRM) where possible: in a process's main thread on POSIX.

    Elsewhere (Dask worker threads) the pipeline's deadline, checked between stages, is the limit.
    """
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expired(_: int, __: FrameType | None) -> None:
        raise TimeLimitError(f"the analysis took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expired)
    # The alarm repeats every 0.25 s after it first fires: an exception raised while Python runs a
    # weakref or GC callback is printed and dropped, and the next alarm raises it again.
    signal.setitimer(signal.ITIMER_REAL, seconds, 0.25)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def analyse(record: Record, spec: JobSpec) -> Analysis:
    """One readable record (``run_partition`` turns records with a ``problem`` into error rows) through
    ingestion and the pipeline, within the job's time limit."""
    meta = Metadata(url=record.url, title=record.title, date=record.date, site_name=record.outlet)
    limits = InputLimits(spec.max_input_bytes)
    pipe = pipeline(spec.rules_only)  # built (once) outside the time limit
    with _alarm(spec.time_limit_s):
        deadline = time.monotonic() + spec.time_limit_s
        if isinstance(record.data, bytes):
            article = ingest.from_bytes(record.data, name=record.origin, lang=spec.lang, url=record.url, limits=limits)
        else:
            article = ingest.from_text(record.data, lang=spec.lang, metadata=meta, limits=limits)
        return pipe(article, deadline=deadline)


def run_partition(index: int, records: list[Record], spec: JobSpec) -> dict[str, int]:
    """Analyse and write one partition; returns its counts.  Never raises for a bad article."""
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    reports: list[str] = []
    for record in records:
        if record.problem:  # not readable, a duplicate id, a broken CSV row: its own error code
            tables["errors"].append(error_row(record, record.problem_code, record.problem))
            continue
        try:
            analysis = analyse(record, spec)
        except QuellenlageError as exc:
            tables["errors"].append(error_row(record, exc.code, exc.message, exc.fields.get("language")))
            continue
        except Exception as exc:  # a bug must not stop the run; it is recorded with its type
            tables["errors"].append(error_row(record, "internal", f"{type(exc).__name__}: {exc}"))
            continue
        for name, new in rows(record, analysis).items():
            tables[name].extend(new)
        if spec.jsonl:
            reports.append(json.dumps({"id": record.id, **to_dict(analysis)}, ensure_ascii=False))
    if len(tables["articles"]) + len(tables["errors"]) != len(records):  # one outcome per record, always
        raise RuntimeError(f"partition {index}: {len(records)} records gave {len(tables['articles'])} articles "
                           f"and {len(tables['errors'])} errors")  # fmt: skip
    return write_partition(Path(spec.out), index, tables, reports if spec.jsonl else None)


def crashed_partition(index: int, records: list[Record], spec: JobSpec, reason: str) -> dict[str, int]:
    """Record every article of a partition whose worker process died (out of memory, a crash)."""
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    tables["errors"] = [error_row(r, "worker_crashed", reason) for r in records]
    return write_partition(Path(spec.out), index, tables, None)


def _atomic(path: Path, write: Any) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    write(tmp)
    os.replace(tmp, path)


def write_partition(out: Path, index: int, tables: dict[str, list[dict[str, Any]]],
                    reports: list[str] | None) -> dict[str, int]:  # fmt: skip
    """Write one partition's tables, then its ``_done`` marker with its counts; returns the counts."""
    name = part_name(index)
    for table, table_rows in tables.items():
        folder = out / table
        folder.mkdir(parents=True, exist_ok=True)
        data = pa.Table.from_pylist(table_rows, schema=SCHEMAS[table])
        _atomic(folder / f"{name}.parquet", lambda p, data=data: pq.write_table(data, p, compression="zstd"))
    if reports is not None:
        (out / "reports").mkdir(exist_ok=True)

        def write_reports(p: Path) -> None:
            with gzip.open(p, "wt", encoding="utf-8") as f:
                f.writelines(line + "\n" for line in reports)

        _atomic(out / "reports" / f"{name}.jsonl.gz", write_reports)
    done = out / "_done"
    done.mkdir(exist_ok=True)
    counts = {"articles": len(tables["articles"]), "errors": len(tables["errors"])}
    _atomic(done / name, lambda p: p.write_text(json.dumps(counts)))
    return counts
