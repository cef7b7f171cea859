"""Runs analyses off the event loop: bounded concurrency, a bounded queue and a time limit.

Each job (fetch, ingest, pipeline) runs on one of ``max_concurrency`` worker threads.  A job that
passes its time limit is answered at once; its thread keeps its slot until the pipeline stops at
the next stage boundary (the job's deadline), so the bound on concurrent work holds for real.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from ..errors import QuellenlageError, TimeLimitError

T = TypeVar("T")


class BusyError(QuellenlageError):
    code = "busy"
    default_hint = "the service is at capacity; retry after a few seconds"


class Runner:
    def __init__(self, max_concurrency: int, max_queue: int, time_limit_s: float) -> None:
        self.time_limit_s = time_limit_s
        self.capacity = max_concurrency + max_queue
        self._executor = ThreadPoolExecutor(max_workers=max_concurrency, thread_name_prefix="analysis")
        self._pending = 0
        self._lock = threading.Lock()

    @property
    def pending(self) -> int:
        """Jobs admitted and not yet finished (running, waiting, or abandoned after a timeout)."""
        return self._pending

    def _release(self, _: object) -> None:
        with self._lock:
            self._pending -= 1

    async def run(self, job: Callable[[float], T]) -> T:
        """Run ``job(deadline)`` on a worker; ``deadline`` is a ``time.monotonic()`` value.

        Raises:
            BusyError: all workers and queue places are taken.
            TimeLimitError: the job did not finish within the time limit.
        """
        with self._lock:
            if self._pending >= self.capacity:
                raise BusyError(f"{self._pending} analyses are running or waiting")
            self._pending += 1
        deadline = time.monotonic() + self.time_limit_s
        future = self._executor.submit(job, deadline)
        future.add_done_callback(self._release)
        try:
            return await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(future)), self.time_limit_s)
        except TimeoutError:
            future.cancel()  # frees the slot at once if the job had not started
            raise TimeLimitError(f"the analysis took longer than {self.time_limit_s:g} s") from None

    def shutdown(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
