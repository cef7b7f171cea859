"""Analyses in worker processes that can be stopped: a pool sized to the cores, killed past a limit.

A thread cannot be stopped in Python: a stage that runs long (a pathological text, a slow page)
kept its thread, and the service's capacity, for as long as it ran.  Here every analysis (fetch,
ingest, pipeline, rendering) runs in one of ``size`` worker processes, each of which builds the
pipeline once when it starts.  A job that passes its time limit is answered
:class:`TimeLimitError` at the limit, its process is killed and a fresh one started in its place,
so one hostile request never holds a worker beyond its own limit.  Each worker may grow by at most
``memory_mb`` of address space beyond its size after start-up (``RLIMIT_AS``); past it the job
fails with :class:`MemoryLimitError` and the worker is replaced too.

Admission is bounded: ``size`` jobs run and ``max_queue`` more wait; beyond that :class:`BusyError`.
Jobs and results cross the process boundary as plain data (:class:`Job`, a rendered report, or
the error's class name, message and hint), never as pickled exceptions.
"""

from __future__ import annotations

import asyncio
import logging
import math
import multiprocessing
import os
import pickle
import queue
import resource
import signal
import threading
import time
import traceback
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any, Literal

from .. import errors, ingest
from ..errors import MemoryLimitError, QuellenlageError, TimeLimitError
from ..ingest import FetchLimits, InputLimits
from ..pipeline import Pipeline

log = logging.getLogger("quellenlage.service")

#: What the forkserver imports once, so that a replacement worker starts in about a second.
PRELOAD = ["quellenlage.pipeline", "quellenlage.report", "spacy", "lingua", "trafilatura"]


class BusyError(QuellenlageError):
    code = "busy"
    default_hint = "the service is at capacity; retry after a few seconds"


class WorkerCrashedError(QuellenlageError):
    code = "internal"
    default_hint = "an unexpected error occurred; it has been logged"


@dataclass(frozen=True, slots=True)
class Job:
    """One analysis request as plain data: where the article comes from and how to answer."""

    kind: Literal["text", "bytes", "url"]
    payload: str | bytes
    lang: str = "auto"
    name: str = "input"
    as_html: bool = False
    fetch_limits: FetchLimits = field(default_factory=FetchLimits)
    input_limits: InputLimits = field(default_factory=InputLimits)


def execute(pipeline: Pipeline, job: Job, time_limit_s: float) -> dict[str, Any] | str:
    """Run ``job`` in this process: the JSON report as a dict, or the HTML report as a string."""
    from ..report import render_html, to_dict

    deadline = time.monotonic() + time_limit_s
    payload = job.payload
    if isinstance(payload, bytes):
        article = ingest.from_bytes(payload, name=job.name, lang=job.lang, limits=job.input_limits)
    elif job.kind == "url":
        article = ingest.from_url(payload, lang=job.lang, limits=job.fetch_limits, input_limits=job.input_limits)
    else:
        article = ingest.from_text(payload, lang=job.lang, limits=job.input_limits)
    analysis = pipeline(article, deadline=deadline)
    return render_html(analysis) if job.as_html else to_dict(analysis)


def _limit_memory(budget_mb: int) -> None:
    with open("/proc/self/status", encoding="ascii") as status:
        size_kb = next((int(line.split()[1]) for line in status if line.startswith("VmSize:")), 0)
    limit = size_kb * 1024 + budget_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _worker_main(conn: Connection, pipeline_blob: bytes | None, time_limit_s: float, memory_mb: int | None,
                 rules_only: bool) -> None:  # fmt: skip
    """A worker process: build the pipeline, say ready, then answer jobs until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group; the parent decides
    from ..pipeline import default_pipeline, warm_up

    pipeline: Pipeline = (pickle.loads(pipeline_blob) if pipeline_blob
                          else warm_up(default_pipeline(rules_only=rules_only)))  # fmt: skip
    if memory_mb and os.path.exists("/proc/self/status"):
        _limit_memory(memory_mb)
    conn.send(("ready", os.getpid()))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            reply: tuple[Any, ...] = ("ok", execute(pipeline, job, time_limit_s))
        except QuellenlageError as exc:
            reply = ("error", type(exc).__name__, exc.message, exc.hint)
        except MemoryError:
            reply = ("memory",)
        except Exception:  # a bug: logged here with its traceback, answered as an internal error
            log.error("analysis failed in worker %d:\n%s", os.getpid(), traceback.format_exc())
            reply = ("crash",)
        try:
            conn.send(reply)
        except MemoryError:
            conn.send(("memory",))
        if reply[0] == "memory":
            return  # the heap may be fragmented or exhausted: leave, and be replaced


def _error_classes() -> dict[str, type[QuellenlageError]]:
    found: dict[str, type[QuellenlageError]] = {}
    stack: list[type[QuellenlageError]] = [errors.QuellenlageError]
    while stack:
        cls = stack.pop()
        found[cls.__name__] = cls
        stack.extend(cls.__subclasses__())
    return found


class _Worker:
    def __init__(self, context: Any, args: tuple[Any, ...]) -> None:
        self._kill_lock = threading.Lock()
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(child, *args), name="quellenlage-worker",
                                       daemon=True)  # fmt: skip
        self.process.start()
        child.close()

    def wait_ready(self, timeout_s: float) -> bool:
        try:
            return bool(self.conn.poll(timeout_s)) and self.conn.recv()[0] == "ready"
        except (EOFError, OSError):
            return False

    def call(self, job: Job, timeout_s: float) -> tuple[Any, ...]:
        """The worker's reply, ``("timeout",)`` past the limit, or ``("crash",)`` if it died."""
        try:
            self.conn.send(job)
            if not self.conn.poll(timeout_s):
                return ("timeout",)
            reply: tuple[Any, ...] = self.conn.recv()
            return reply
        except (EOFError, OSError, pickle.PicklingError):
            return ("crash",)

    def kill(self) -> None:
        """Kill the process and close its pipe, once, whichever thread asks first (a pipe closed twice
        could close another worker's pipe that reused the file descriptor)."""
        with self._kill_lock:
            if self.conn.closed:
                return
            if self.process.is_alive():
                self.process.kill()
            self.process.join(5)
            self.conn.close()


class WorkerPool:
    """``size`` worker processes behind a bounded queue; see the module docstring."""

    def __init__(self, size: int, max_queue: int, time_limit_s: float, *, pipeline: Pipeline | None = None,
                 memory_mb: int | None = None, rules_only: bool = False,
                 start_timeout_s: float = 120.0) -> None:  # fmt: skip
        self.size = size
        self.time_limit_s = time_limit_s
        self.capacity = size + max_queue
        self.start_timeout_s = start_timeout_s
        self._memory_mb = memory_mb
        blob = pickle.dumps(pipeline) if pipeline is not None else None
        self._worker_args = (blob, time_limit_s, memory_mb, rules_only)
        self._context = multiprocessing.get_context("forkserver" if pipeline is None else "spawn")
        if pipeline is None:
            self._context.set_forkserver_preload(PRELOAD)
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._threads = ThreadPoolExecutor(max_workers=self.capacity + size, thread_name_prefix="analysis")
        self._pending = 0
        self._lock = threading.Lock()
        self._closed = False
        self._all: set[_Worker] = set()
        self._errors = _error_classes()
        starting = [self._spawn() for _ in range(size)]
        for worker in starting:
            self._admit(worker)

    @property
    def pending(self) -> int:
        """Jobs admitted and not yet answered (running or waiting)."""
        return self._pending

    def _spawn(self) -> _Worker:
        worker = _Worker(self._context, self._worker_args)
        self._all.add(worker)
        return worker

    def _admit(self, worker: _Worker) -> None:
        if worker.wait_ready(self.start_timeout_s):
            if self._closed:  # shut down while it started
                worker.kill()
                return
            self._idle.put(worker)
        else:
            worker.kill()
            raise errors.ResourceError("a worker process could not build the analysis pipeline")

    def _replace(self, worker: _Worker) -> None:
        worker.kill()
        self._all.discard(worker)
        if self._closed:
            return
        try:
            self._admit(self._spawn())
        except QuellenlageError:
            log.exception("could not replace a worker process; the pool is one worker smaller")

    def _run_blocking(self, job: Job) -> dict[str, Any] | str:
        try:
            try:  # the longest a job can wait behind full queue of jobs that all run to the limit
                worker = self._idle.get(timeout=max(60.0, self.time_limit_s * math.ceil(self.capacity / self.size)))
            except queue.Empty:
                raise BusyError("no analysis worker became free; the pool may have lost its workers") from None
            reply = worker.call(job, self.time_limit_s)
        finally:  # counted here, not by the awaiting request: a cancelled request's job still runs
            with self._lock:
                self._pending -= 1
        if reply[0] in ("ok", "error"):
            self._idle.put(worker)
        else:
            self._threads.submit(self._replace, worker)
        if reply[0] == "ok":
            result: dict[str, Any] | str = reply[1]
            return result
        if reply[0] == "error":
            _, name, message, hint = reply
            raise self._errors.get(name, QuellenlageError)(message, hint=hint)
        if reply[0] == "timeout":
            raise TimeLimitError(f"the analysis took longer than {self.time_limit_s:g} s")
        if reply[0] == "memory":
            raise MemoryLimitError(f"the analysis needed more than the {self._memory_mb} MB a worker may use")
        raise WorkerCrashedError("the analysis failed unexpectedly; it has been logged")

    async def run(self, job: Job) -> dict[str, Any] | str:
        """Run ``job`` on a worker: the rendered report.

        Raises:
            BusyError: all workers and queue places are taken.
            TimeLimitError: the job did not finish within the time limit (its worker was replaced).
            MemoryLimitError: the job needed more memory than a worker may use.
            QuellenlageError: whatever the analysis raised, rebuilt from its class name and message.
        """
        with self._lock:
            if self._pending >= self.capacity:
                raise BusyError(f"{self._pending} analyses are running or waiting")
            self._pending += 1
        return await asyncio.get_running_loop().run_in_executor(self._threads, self._run_blocking, job)

    def shutdown(self) -> None:
        self._closed = True
        for worker in list(self._all):
            worker.kill()
        self._threads.shutdown(wait=False, cancel_futures=True)
