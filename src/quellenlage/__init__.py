"""Quellenlage: who claims what in a news article, on whose authority, and how hedged.

>>> import quellenlage
>>> analysis = quellenlage.analyze("Der Minister sagte, die Lage sei ernst.")
>>> [a.source[0].text for a in analysis.attributions]
['Der Minister']
"""

from __future__ import annotations

from pathlib import Path

from ._version import __version__
from .errors import (
    BinaryInputError,
    ConfigError,
    EmptyInputError,
    EncodingError,
    ExtractionError,
    FetchError,
    InputError,
    InputTooLargeError,
    InvalidUrlError,
    MemoryLimitError,
    QuellenlageError,
    ResourceError,
    TimeLimitError,
    UnsupportedLanguageError,
    UrlNotAllowedError,
)
from .model import (
    Analysis,
    Article,
    Attribution,
    AttributionType,
    Block,
    BlockKind,
    Chain,
    Claim,
    Diagnostic,
    FindingCode,
    HeadlineCheck,
    Hedge,
    HedgeKind,
    Medium,
    Metadata,
    Sentence,
    Source,
    SourceKind,
    Span,
    Token,
    Verdict,
)
from .pipeline import Pipeline, default_pipeline

_PIPELINE: Pipeline | None = None


def analyze(text: str, *, lang: str = "auto", pipeline: Pipeline | None = None) -> Analysis:
    """Analyse an article given as text (scraped plain text or HTML).

    The default pipeline is built once per process and reused.  Any text gives an analysis or a
    :class:`QuellenlageError`: repairs (lone surrogates, control characters) are ``diagnostics``;
    text over 2 MB raises :class:`InputTooLargeError` (``QUELLENLAGE_MAX_INPUT_BYTES`` raises it).
    """
    from . import ingest

    return _pipeline(pipeline)(ingest.from_text(text, lang=lang, limits=ingest.InputLimits.from_env()))


def analyze_source(source: str | Path, *, lang: str = "auto", pipeline: Pipeline | None = None) -> Analysis:
    """Analyse a file (HTML or text) or an http(s) URL."""
    from . import ingest

    return _pipeline(pipeline)(ingest.load(source, lang=lang, limits=ingest.InputLimits.from_env()))


def _pipeline(pipeline: Pipeline | None) -> Pipeline:
    global _PIPELINE
    if pipeline is not None:
        return pipeline
    if _PIPELINE is None:
        _PIPELINE = default_pipeline()
    return _PIPELINE


__all__ = [
    "Analysis", "Article", "Attribution", "AttributionType", "BinaryInputError", "Block", "BlockKind", "Chain",
    "Claim", "ConfigError", "Diagnostic", "EmptyInputError", "EncodingError", "ExtractionError", "FetchError",
    "FindingCode", "HeadlineCheck", "Hedge", "HedgeKind", "InputError", "InputTooLargeError", "InvalidUrlError",
    "Medium", "MemoryLimitError", "Metadata", "Pipeline", "QuellenlageError", "ResourceError", "Sentence", "Source",
    "SourceKind", "Span", "TimeLimitError", "Token", "UnsupportedLanguageError", "UrlNotAllowedError", "Verdict",
    "__version__", "analyze", "analyze_source", "default_pipeline",
]  # fmt: skip
