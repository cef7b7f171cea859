"""Ingestion: a web page, a file, scraped text or stdin bytes to one fixed :class:`Article`."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from ..errors import (
    ConfigError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    InvalidUrlError,
    UnsupportedLanguageError,
)
from ..lang import DEFAULT as DEFAULT_LANGUAGE
from ..lang import available as available_languages
from ..lang import get as get_language
from ..model import Article, Metadata
from .decode import decode
from .fetch import FetchLimits, fetch
from .html import looks_like_html, parse_html
from .language import detect_language
from .normalize import normalize_text
from .plaintext import parse_plain_text, verbatim

SUPPORTED_LANGUAGES = tuple(available_languages())  # the language packages of quellenlage.lang
LANGUAGE_CHOICES = ("auto", "de", "en")
_LANGUAGE_NAMES = {"en": "English", "fr": "French", "es": "Spanish", "it": "Italian", "nl": "Dutch",
                   "pl": "Polish", "pt": "Portuguese", "ru": "Russian", "tr": "Turkish",
                   "sv": "Swedish", "da": "Danish", "cs": "Czech"}  # fmt: skip


#: The environment variable that raises (or lowers) the input size limit everywhere.
MAX_INPUT_ENV = "QUELLENLAGE_MAX_INPUT_BYTES"
#: An HTML page may be this many times larger than the text limit: most of a page is markup.
HTML_FACTOR = 5


@dataclass(frozen=True, slots=True)
class InputLimits:
    """How much input one analysis accepts.

    ``max_bytes`` bounds the text to analyse, counted in characters (a plain text, or the article
    text extracted from a page); raw input (a file, standard input, an upload, a page's HTML) may be
    :data:`HTML_FACTOR` times larger in bytes, and a file over that is refused before it is read.
    The default, 2 MB, is about 300 pages of print; the largest of 1,028 10kGNAD articles is 33 KB.
    """

    max_bytes: int = 2_000_000

    def __post_init__(self) -> None:
        if self.max_bytes <= 0:
            raise ConfigError(f"the input size limit must be positive, not {self.max_bytes}")

    @property
    def max_raw_bytes(self) -> int:
        """The largest raw input (an HTML page included) that is read at all."""
        return self.max_bytes * HTML_FACTOR

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> InputLimits:
        raw = (os.environ if environ is None else environ).get(MAX_INPUT_ENV)
        if raw is None or not raw.strip():
            return cls()
        try:
            return cls(int(raw.replace("_", "")))
        except ValueError:
            raise ConfigError(f"{MAX_INPUT_ENV}={raw!r} is not a whole number of bytes") from None

    def too_large(self, what: str, size: int, limit: int) -> InputTooLargeError:
        return InputTooLargeError(
            f"{what} is {_size(size)}, more than the limit of {_size(limit)}",
            hint=f"to raise it, give --max-input-bytes N or set {MAX_INPUT_ENV}=N",
            size=size, limit=limit,
        )  # fmt: skip

    def check_text(self, text: str, what: str = "the article text") -> None:
        if len(text) > self.max_bytes:
            raise self.too_large(what, len(text), self.max_bytes)


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 1_000_000 else f"{n:,} bytes"


def from_text(text: str, *, lang: str = "auto", filter_boilerplate: bool = True,
              metadata: Metadata | None = None, limits: InputLimits | None = None) -> Article:  # fmt: skip
    """Article from text: HTML if it looks like HTML, else scraped plain text.

    The text is normalised first (:func:`normalize_text`); what that repaired is on the article's
    ``diagnostics``.  Raises :class:`InputTooLargeError` beyond ``limits``.
    """
    limits = limits or InputLimits()
    meta = metadata or Metadata()
    if not text.strip():
        raise EmptyInputError("the input is empty")
    is_html = looks_like_html(text)
    if not is_html:
        limits.check_text(text, "the text")
    elif len(text) > limits.max_raw_bytes:
        raise limits.too_large("the page", len(text), limits.max_raw_bytes)
    text, repaired = normalize_text(text)
    if is_html:
        article = parse_html(text, meta)
        limits.check_text(article.text)
    else:
        article = parse_plain_text(text, meta, filter_boilerplate=filter_boilerplate)
    if not article.text.strip():
        raise EmptyInputError("the input holds only boilerplate, no article text")
    if repaired:
        article = replace(article, diagnostics=article.diagnostics + repaired)
    return with_language(article, lang)


def from_bytes(data: bytes, *, name: str = "input", lang: str = "auto", url: str | None = None,
               limits: InputLimits | None = None) -> Article:  # fmt: skip
    """Article from raw bytes (a file's or a response's content)."""
    limits = limits or InputLimits()
    if len(data) > limits.max_raw_bytes:
        raise limits.too_large(name, len(data), limits.max_raw_bytes)
    text, repaired = decode(data, name=name)
    article = from_text(text, lang=lang, metadata=Metadata(url=url), limits=limits)
    return replace(article, diagnostics=repaired + article.diagnostics) if repaired else article


def read_stream(stream: BinaryIO, *, name: str, limits: InputLimits | None = None) -> bytes:
    """Read a stream (standard input) up to the raw limit; refuse it, unread, beyond that."""
    limits = limits or InputLimits()
    data = stream.read(limits.max_raw_bytes + 1)
    if len(data) > limits.max_raw_bytes:
        raise limits.too_large(name, len(data), limits.max_raw_bytes)
    return data


def from_path(path: str | Path, *, lang: str = "auto", limits: InputLimits | None = None) -> Article:
    """Article from an HTML or text file; a file over the limit is refused before it is read."""
    limits = limits or InputLimits()
    p = Path(path)
    if not p.exists():
        raise InputError(f"no such file: {p}", hint="check the path", path=str(p))
    if p.is_dir():
        raise InputError(f"{p} is a folder, not a file", hint="name one file", path=str(p))
    if not p.is_file():
        raise InputError(f"{p} is not a regular file", hint="save the article to a file, or pipe it with -")
    size = p.stat().st_size
    if size > limits.max_raw_bytes:
        raise limits.too_large(str(p), size, limits.max_raw_bytes)
    return from_bytes(p.read_bytes(), name=str(p), lang=lang, limits=limits)


def from_url(url: str, *, lang: str = "auto", limits: FetchLimits | None = None,
             input_limits: InputLimits | None = None) -> Article:  # fmt: skip
    """Article from a web page fetched over http(s)."""
    page = fetch(url, limits or FetchLimits())
    return from_bytes(page.content, name=url, lang=lang, url=page.url, limits=input_limits)


_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


def load(source: str | Path, *, lang: str = "auto", limits: InputLimits | None = None) -> Article:
    """Article from a URL (``http(s)://…``) or a file path; any other URL scheme is refused by name."""
    if isinstance(source, str):
        scheme = _SCHEME.match(source)
        if scheme and scheme.group(1).lower() in ("http", "https"):
            return from_url(source, lang=lang, input_limits=limits)
        if scheme and len(scheme.group(1)) > 1 and not Path(source).exists():  # not C:\… nor a file
            raise InvalidUrlError(f"{scheme.group(1)}: URLs are not supported, only http and https", url=source)
    return from_path(source, lang=lang, limits=limits)


def _analysed() -> str:
    """The analysed languages for a message: "German (de)"."""
    return ", ".join(f"{get_language(code).name} ({code})" for code in SUPPORTED_LANGUAGES)


def with_language(article: Article, lang: str) -> Article:
    """Set the article's language, detecting it for ``auto``; refuse unsupported languages."""
    if lang not in LANGUAGE_CHOICES:
        raise InputError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGE_CHOICES)}")
    if lang != "auto":
        if lang not in SUPPORTED_LANGUAGES:
            name = _LANGUAGE_NAMES.get(lang, lang)
            raise UnsupportedLanguageError(
                f"{name} ({lang}) is not analysed yet; analysed: {_analysed()}", language=lang,
                hint=f"leave the language on auto or set it to one of {', '.join(SUPPORTED_LANGUAGES)}",
            )  # fmt: skip
        return replace(article, metadata=replace(article.metadata, language=lang))
    code = detect_language(article.text) or DEFAULT_LANGUAGE
    if code not in SUPPORTED_LANGUAGES:
        name = _LANGUAGE_NAMES.get(code, code)
        raise UnsupportedLanguageError(f"the text is in {name}; analysed so far: {_analysed()}", language=code)
    return replace(article, metadata=replace(article.metadata, language=code))


__all__ = [
    "HTML_FACTOR",
    "LANGUAGE_CHOICES",
    "MAX_INPUT_ENV",
    "SUPPORTED_LANGUAGES",
    "FetchLimits",
    "InputLimits",
    "from_bytes",
    "from_path",
    "from_text",
    "from_url",
    "load",
    "parse_plain_text",
    "read_stream",
    "verbatim",
    "with_language",
]  # fmt: skip
