"""Errors as RFC 9457 ``application/problem+json``: a stable ``code``, never a stack trace."""

from __future__ import annotations

from typing import Any

from starlette.responses import JSONResponse

from ..errors import (
    ConfigError,
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

PROBLEM_TYPE = "urn:quellenlage:problem:"  # + code; every code is listed in docs/API.md
MEDIA_TYPE = "application/problem+json"
TOO_LARGE_HINT = "send a shorter article, or run the command-line tool locally"

#: HTTP status per error class, most specific first.
STATUS: tuple[tuple[type[QuellenlageError], int], ...] = (
    (UrlNotAllowedError, 403), (InvalidUrlError, 400), (FetchError, 502), (UnsupportedLanguageError, 422),
    (InputTooLargeError, 413), (InputError, 422), (ExtractionError, 422), (TimeLimitError, 504),
    (MemoryLimitError, 422), (ConfigError, 400), (ResourceError, 500),
)  # fmt: skip

TITLES = {
    400: "Bad request", 403: "Forbidden", 404: "Not found", 405: "Method not allowed", 413: "Request too large",
    415: "Unsupported media type", 422: "Cannot analyse this input", 500: "Internal error",
    502: "Fetching the page failed", 503: "Busy", 504: "Analysis timed out",
}  # fmt: skip


def problem(status: int, code: str, detail: str, *, hint: str = "", headers: dict[str, str] | None = None,
            **extra: Any) -> JSONResponse:  # fmt: skip
    body: dict[str, Any] = {
        "type": PROBLEM_TYPE + code, "title": TITLES.get(status, "Error"), "status": status,
        "code": code, "detail": detail,
    }  # fmt: skip
    if hint:
        body["hint"] = hint
    body.update(extra)
    return JSONResponse(body, status_code=status, media_type=MEDIA_TYPE, headers=headers)


def from_error(exc: QuellenlageError) -> JSONResponse:
    """The problem response for a deliberate error; its message is written for users."""
    status = next((s for cls, s in STATUS if isinstance(exc, cls)), 500)
    return problem(status, exc.code, exc.message, hint=exc.hint)
