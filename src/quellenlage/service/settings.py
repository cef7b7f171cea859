"""Service settings: safe defaults, each overridable by a ``QUELLENLAGE_*`` environment variable."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields

from ..errors import ConfigError
from ..ingest import FetchLimits


@dataclass(frozen=True, slots=True)
class ServiceSettings:
    """Limits of one service process.

    ``max_body_bytes``: larger request bodies are answered 413.  ``time_limit_s``: one analysis
    (fetch included) is answered 504 after this, and its worker process is replaced.
    ``max_concurrency`` worker processes (default: one per core) analyse at once and ``max_queue``
    more requests may wait; beyond that requests are answered 503 with ``Retry-After``.
    ``worker_memory_mb``: how much a worker may grow beyond its size after start-up (about
    530 MB of address space) before its job fails with 422 ``memory_limit``.
    ``allow_private_urls`` lets ``url`` point to loopback or private addresses (off by default).
    ``rules_only`` leaves the trained attribution model out (its licence: docs/models/attribution-crf.md).
    """

    max_body_bytes: int = 2_000_000
    time_limit_s: float = 30.0
    max_concurrency: int = field(default_factory=lambda: os.cpu_count() or 1)
    max_queue: int = 32
    worker_memory_mb: int = 2_000
    allow_private_urls: bool = False
    rules_only: bool = False
    fetch_timeout_s: float = 10.0
    fetch_max_bytes: int = 5_000_000
    fetch_max_redirects: int = 3

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if not isinstance(value, bool) and value <= 0 and f.name != "max_queue":
                raise ConfigError(f"service setting {f.name} must be positive, not {value}")
        if self.max_queue < 0:
            raise ConfigError(f"service setting max_queue must be 0 or more, not {self.max_queue}")

    @property
    def fetch_limits(self) -> FetchLimits:
        return FetchLimits(
            timeout_s=self.fetch_timeout_s,
            max_bytes=self.fetch_max_bytes,
            max_redirects=self.fetch_max_redirects,
            public_only=not self.allow_private_urls,
        )

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> ServiceSettings:
        """Settings with ``QUELLENLAGE_<NAME>`` variables applied (e.g. ``QUELLENLAGE_TIME_LIMIT_S=10``)."""
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for f in fields(cls):
            raw = env.get(f"QUELLENLAGE_{f.name.upper()}")
            if raw is None:
                continue
            kind = type(getattr(cls(), f.name))
            try:
                if kind is bool:
                    if raw.lower() not in {"1", "0", "true", "false", "yes", "no"}:
                        raise ValueError(raw)
                    values[f.name] = raw.lower() in {"1", "true", "yes"}
                else:
                    values[f.name] = kind(raw)
            except ValueError as exc:
                raise ConfigError(f"QUELLENLAGE_{f.name.upper()}={raw!r} is not a valid {kind.__name__}") from exc
        return cls(**values)  # type: ignore[arg-type]
