"""Errors raised by Quellenlage, grouped by what the caller can do about them.

::

    QuellenlageError            anything this package raises on purpose
    ├── InputError              the input cannot be analysed: fix or replace the input
    │   ├── EmptyInputError         nothing (or only white space / boilerplate) to analyse
    │   ├── BinaryInputError        bytes that are not text (an image, a PDF, an archive)
    │   ├── EncodingError           text bytes that do not decode
    │   ├── UnsupportedLanguageError  text in a language the analysis does not cover
    │   ├── InputTooLargeError      more text than the size limit allows (the limit can be raised)
    │   └── FetchError              a URL could not be fetched (network, status, size, type)
    │       ├── InvalidUrlError         not a well-formed http(s) URL (scheme, host name, port)
    │       └── UrlNotAllowedError      a URL points to a private or local address (service policy)
    ├── ExtractionError         an HTML page held no article text
    ├── TimeLimitError          an analysis ran past its time limit
    ├── MemoryLimitError        an analysis needed more memory than a worker may use
    ├── ConfigError             a setting or option is invalid: fix the configuration
    └── ResourceError           a bundled lexicon or model is missing or broken: reinstall

Each error carries a ``hint`` saying what to do, and keyword fields describing the case.
Recoverable oddities inside an article are not errors but ``Diagnostic`` values.
"""

from __future__ import annotations

from typing import Any


class QuellenlageError(Exception):
    """Base of all deliberate errors; ``code`` is stable, ``hint`` says what to do."""

    code = "error"
    default_hint = ""

    def __init__(self, message: str, *, hint: str | None = None, **fields: Any) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint if hint is not None else self.default_hint
        self.fields = fields

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class InputError(QuellenlageError):
    code = "input"
    default_hint = "check the input"


class EmptyInputError(InputError):
    code = "empty_input"
    default_hint = "give an article with some text"


class BinaryInputError(InputError):
    code = "binary_input"
    default_hint = "give an HTML page or plain text, not a binary file"


class EncodingError(InputError):
    code = "bad_encoding"
    default_hint = "save the file as UTF-8"


class UnsupportedLanguageError(InputError):
    code = "unsupported_language"
    default_hint = "Quellenlage analyses German and English articles; set the language to de or en to force one"


class InputTooLargeError(InputError):
    code = "too_large"
    default_hint = "give a shorter text, or raise the size limit"


class FetchError(InputError):
    code = "fetch_failed"
    default_hint = "check the URL, or save the page and pass the file"


class InvalidUrlError(FetchError):
    code = "invalid_url"
    default_hint = "give a well-formed http(s) URL, or save the page and pass the file"


class UrlNotAllowedError(FetchError):
    code = "url_not_allowed"
    default_hint = "give a public http(s) URL, or paste the article text"


class TimeLimitError(QuellenlageError):
    code = "time_limit"
    default_hint = "the article is too long or unusual to analyse in time; try a shorter text"


class MemoryLimitError(QuellenlageError):
    code = "memory_limit"
    default_hint = "the article is too large or unusual to analyse within the memory limit; try a shorter text"


class ExtractionError(QuellenlageError):
    code = "no_article_text"
    default_hint = "the page seems to hold no article; save its text and pass that instead"


class ConfigError(QuellenlageError):
    code = "config"
    default_hint = "check the options"


class ResourceError(QuellenlageError):
    code = "resource"
    default_hint = "reinstall quellenlage; a bundled file is missing or broken"
