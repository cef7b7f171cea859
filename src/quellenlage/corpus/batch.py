"""``quellenlage batch``: many articles, in partitions, on a local process pool or a Dask cluster.

The job is described by ``DIR/_manifest.json`` (inputs, partition size, language).  Records are
enumerated in a repeatable order and cut into partitions of fixed size; a partition is finished
when ``DIR/_done/part-NNNNNN`` exists.  Running the same command again skips finished partitions
and redoes the rest, so a run killed at any moment (``kill -9`` included) is finished by running
it again, with no article lost and none written twice.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import math
import os
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from .._version import __version__
from ..errors import ConfigError
from ..ingest import InputLimits
from ..pipeline import rules_only_default
from .readers import Record, count_records, read_records
from .store import write_database
from .worker import JobSpec, crashed_partition, part_name, pipeline, run_partition

MANIFEST = "_manifest.json"
Progress = Callable[[int, int, int | None], None]
MAX_ATTEMPTS = 2


@dataclass(frozen=True, slots=True)
class BatchOptions:
    inputs: tuple[str, ...]
    out: Path
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    partition_size: int | None = None  # None: chosen from the corpus size, then fixed in the manifest
    time_limit_s: float = 60.0
    lang: str = "auto"
    jsonl: bool = False
    dask: str | None = None
    max_input_bytes: int = field(default_factory=lambda: InputLimits.from_env().max_bytes)
    rules_only: bool = field(default_factory=rules_only_default)


@dataclass(slots=True)
class BatchResult:
    """What a run accounted for: every record read is an article or an error (``records``)."""

    records: int = 0
    articles: int = 0
    errors: int = 0
    partitions_done: int = 0
    partitions_skipped: int = 0
    total: int | None = None
    database: Path | None = None

    @property
    def balanced(self) -> bool:
        """Whether every record read has exactly one outcome: analysed + errors = records."""
        return self.articles + self.errors == self.records


def _manifest(options: BatchOptions, total: int | None) -> dict[str, Any]:
    path = options.out / MANIFEST
    job = {"inputs": [str(Path(i).resolve()) if not any(c in i for c in "*?[") else i for i in options.inputs],
           "lang": options.lang, "jsonl": options.jsonl}  # fmt: skip
    if path.exists():
        existing: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        if {k: existing.get(k) for k in job} != job:
            raise ConfigError(
                f"{options.out} holds the results of another job (other inputs or options)",
                hint="give a new --out folder, or the same inputs and options to resume",
            )
        if options.partition_size and options.partition_size != existing["partition_size"]:
            raise ConfigError(f"{options.out} was started with --partition-size {existing['partition_size']}")
        return existing
    size = options.partition_size
    if size is None:  # enough partitions to keep every worker busy, none too large to redo
        size = 100 if total is None else max(5, min(100, math.ceil(total / (8 * max(options.workers, 1)))))
    manifest = {**job, "partition_size": size, "quellenlage": __version__}
    options.out.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    os.replace(tmp, path)
    return manifest


def _partitions(records: Iterator[Record], size: int) -> Iterator[tuple[int, list[Record]]]:
    index = 0
    while chunk := list(islice(records, size)):
        yield index, chunk
        index += 1


def _init_worker(rules_only: bool) -> None:
    pipeline(rules_only)  # build the pipeline once per worker process, before the first partition


class _LocalPool:
    """A process pool that survives a worker's death: the pool is rebuilt and the work resubmitted."""

    def __init__(self, workers: int, rules_only: bool) -> None:
        self.workers = workers
        self.rules_only = rules_only
        self.pool = ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(rules_only,))

    def submit(self, fn: Callable[..., dict[str, int]], *args: Any) -> Future[dict[str, int]]:
        return self.pool.submit(fn, *args)

    def rebuild(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = ProcessPoolExecutor(self.workers, initializer=_init_worker, initargs=(self.rules_only,))

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def run_batch(options: BatchOptions, progress: Progress | None = None) -> BatchResult:
    """Run (or resume) a batch job.  ``progress(articles, errors, total)`` is called once at the
    start (0, 0, total; total is None for WARC) and then as partitions finish."""
    if options.workers < 1:
        raise ConfigError(f"--workers must be at least 1, not {options.workers}")
    total = count_records(list(options.inputs))
    manifest = _manifest(options, total)
    out = options.out.resolve()
    with _exclusive(out):
        _remove_temporaries(out)
        return _run(options, manifest, out, total, progress)


@contextlib.contextmanager
def _exclusive(out: Path) -> Iterator[None]:
    """One run per output folder: a second one at the same time is refused, not interleaved."""
    with (out / "_lock").open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            hint = "wait for it to finish, or give another --out"
            raise ConfigError(f"another batch run is writing to {out}", hint=hint) from None
        yield


def _remove_temporaries(out: Path) -> None:
    """Files a killed run was writing when it died; their partitions are not done and are redone."""
    for tmp in out.rglob(".*.tmp"):
        tmp.unlink(missing_ok=True)


def _run(options: BatchOptions, manifest: dict[str, Any], out: Path, total: int | None,
         progress: Progress | None) -> BatchResult:  # fmt: skip
    spec = JobSpec(out=str(out), lang=options.lang, time_limit_s=options.time_limit_s, jsonl=options.jsonl,
                   max_input_bytes=options.max_input_bytes, rules_only=options.rules_only)  # fmt: skip
    max_file = InputLimits(options.max_input_bytes).max_raw_bytes
    result = BatchResult(total=total)
    done_dir = out / "_done"
    if progress:
        progress(0, 0, total)

    def count(counts: dict[str, int]) -> None:
        result.articles += counts["articles"]
        result.errors += counts["errors"]
        if progress:
            progress(counts["articles"], counts["errors"], total)

    def pending() -> Iterator[tuple[int, list[Record]]]:
        """The partitions still to do; finished ones are only counted."""
        records_read = read_records(list(options.inputs), max_file_bytes=max_file)
        for index, records in _partitions(records_read, int(manifest["partition_size"])):
            result.records += len(records)  # counted as read, independently of the outcomes
            marker = done_dir / part_name(index)
            if marker.exists():
                count(json.loads(marker.read_text(encoding="utf-8")))
                result.partitions_skipped += 1
            else:
                yield index, records

    if options.dask:
        _run_dask(options.dask, pending(), spec, count, result)
    else:
        _run_local(options.workers, pending(), spec, count, result)
    result.database = write_database(out)
    return result


def _run_local(workers: int, pending: Iterator[tuple[int, list[Record]]], spec: JobSpec,
               count: Callable[[dict[str, int]], None], result: BatchResult) -> None:  # fmt: skip
    pool = _LocalPool(workers, spec.rules_only)
    in_flight: dict[Future[dict[str, int]], tuple[int, list[Record], int]] = {}
    try:
        while True:
            while len(in_flight) < 2 * workers and (item := next(pending, None)) is not None:
                in_flight[pool.submit(run_partition, item[0], item[1], spec)] = (item[0], item[1], 1)
            if not in_flight:
                break
            finished, _ = wait(in_flight, return_when=FIRST_COMPLETED)
            broken: list[tuple[int, list[Record], int]] = []
            for future in finished:
                index, records, attempt = in_flight.pop(future)
                try:
                    count(future.result())
                    result.partitions_done += 1
                except BrokenProcessPool:
                    broken.append((index, records, attempt))
            if broken:  # a worker died: every partition still in the pool is redone in a new pool
                broken += [in_flight.pop(f) for f in list(in_flight)]
                pool.rebuild()
                for index, records, attempt in broken:
                    if attempt >= MAX_ATTEMPTS:
                        count(crashed_partition(index, records, spec, "a worker process died on this partition"))
                        result.partitions_done += 1
                    else:
                        in_flight[pool.submit(run_partition, index, records, spec)] = (index, records, attempt + 1)
    finally:
        pool.close()


def _run_dask(address: str, pending: Iterator[tuple[int, list[Record]]], spec: JobSpec,
              count: Callable[[dict[str, int]], None], result: BatchResult) -> None:  # fmt: skip
    from distributed import Client, as_completed

    with Client(address) as client:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        first = [
            client.submit(run_partition, i, records, spec, pure=False) for i, records in islice(pending, 2 * workers)
        ]
        if not first:
            return
        batch = as_completed(first)
        for future in batch:
            count(future.result())
            result.partitions_done += 1
            item = next(pending, None)
            if item is not None:
                batch.add(client.submit(run_partition, item[0], item[1], spec, pure=False))
