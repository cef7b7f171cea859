"""Ingestion: a web page, a file, scraped text or stdin bytes to one fixed :class:`Article`."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..errors import EmptyInputError, InputError, UnsupportedLanguageError
from ..model import Article, Metadata
from .decode import decode_bytes
from .fetch import FetchLimits, fetch
from .html import looks_like_html, parse_html
from .language import detect_language
from .plaintext import parse_plain_text, verbatim

SUPPORTED_LANGUAGES = ("de",)
LANGUAGE_CHOICES = ("auto", "de", "en")
_LANGUAGE_NAMES = {"en": "English", "fr": "French", "es": "Spanish", "it": "Italian", "nl": "Dutch",
                   "pl": "Polish", "pt": "Portuguese", "ru": "Russian", "tr": "Turkish",
                   "sv": "Swedish", "da": "Danish", "cs": "Czech"}  # fmt: skip


def from_text(text: str, *, lang: str = "auto", filter_boilerplate: bool = True,
              metadata: Metadata | None = None) -> Article:  # fmt: skip
    """Article from text: HTML if it looks like HTML, else scraped plain text."""
    meta = metadata or Metadata()
    if not text.strip():
        raise EmptyInputError("the input is empty")
    if looks_like_html(text):
        article = parse_html(text, meta)
    else:
        article = parse_plain_text(text, meta, filter_boilerplate=filter_boilerplate)
    if not article.text.strip():
        raise EmptyInputError("the input holds only boilerplate, no article text")
    return with_language(article, lang)


def from_bytes(data: bytes, *, name: str = "input", lang: str = "auto", url: str | None = None) -> Article:
    """Article from raw bytes (a file's or a response's content)."""
    return from_text(decode_bytes(data, name=name), lang=lang, metadata=Metadata(url=url))


def from_path(path: str | Path, *, lang: str = "auto") -> Article:
    """Article from an HTML or text file."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"no such file: {p}", hint="check the path", path=str(p))
    if p.is_dir():
        raise InputError(f"{p} is a folder, not a file", hint="name one file", path=str(p))
    return from_bytes(p.read_bytes(), name=str(p), lang=lang)


def from_url(url: str, *, lang: str = "auto", limits: FetchLimits | None = None) -> Article:
    """Article from a web page fetched over http(s)."""
    page = fetch(url, limits or FetchLimits())
    return from_bytes(page.content, name=url, lang=lang, url=page.url)


def load(source: str | Path, *, lang: str = "auto") -> Article:
    """Article from a URL (``http(s)://…``) or a file path."""
    if isinstance(source, str) and source.lower().startswith(("http://", "https://")):
        return from_url(source, lang=lang)
    return from_path(source, lang=lang)


def with_language(article: Article, lang: str) -> Article:
    """Set the article's language, detecting it for ``auto``; refuse unsupported languages."""
    if lang not in LANGUAGE_CHOICES:
        raise InputError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGE_CHOICES)}")
    found = detect_language(article.text) if lang == "auto" else lang
    code = found or "de"
    if code not in SUPPORTED_LANGUAGES:
        name = _LANGUAGE_NAMES.get(code, code)
        raise UnsupportedLanguageError(f"the text is in {name}; only German is analysed so far", language=code)
    return replace(article, metadata=replace(article.metadata, language=code))


__all__ = [
    "LANGUAGE_CHOICES",
    "SUPPORTED_LANGUAGES",
    "FetchLimits",
    "from_bytes",
    "from_path",
    "from_text",
    "from_url",
    "load",
    "parse_plain_text",
    "verbatim",
    "with_language",
]  # fmt: skip
