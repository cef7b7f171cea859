"""Bytes to text: refuse binary files, decode UTF-8 (or a confidently detected legacy charset)."""

from __future__ import annotations

import unicodedata

from charset_normalizer import from_bytes

from ..errors import BinaryInputError, EmptyInputError, EncodingError
from ..model import Diagnostic

_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "a program",
}


_LEGACY = ("cp1252", "iso8859_15", "latin_1", "mac_roman")  # German and English legacy encodings


def _looks_like_text(text: str) -> bool:
    """Mostly letters and spaces, and next to no control characters."""
    if not text:
        return False
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\n\r\t")
    letters = sum(1 for c in text if c.isalpha() or c.isspace())
    return controls / len(text) < 0.01 and letters / len(text) > 0.6


#: A UTF-16 text may have this share of broken code units (a lone surrogate, an odd last byte)
#: replaced by U+FFFD; more, and it is not taken for UTF-16 text at all.
MAX_BROKEN_UTF16 = 0.01


def decode_bytes(data: bytes, *, name: str = "input") -> str:
    """Decode ``data`` as text (see :func:`decode`), without the diagnostics."""
    return decode(data, name=name)[0]


def decode(data: bytes, *, name: str = "input") -> tuple[str, tuple[Diagnostic, ...]]:
    """Decode ``data`` as text, with what had to be repaired.

    UTF-8 (with or without BOM) is taken as it is; UTF-16 with BOM too, where a few broken code
    units (a lone surrogate, a truncated last unit) become U+FFFD with a diagnostic; otherwise
    charset-normalizer must find a Western legacy encoding (cp1252, latin-1, …) whose decoding looks like
    language, else :class:`EncodingError`.  Binary data raises :class:`BinaryInputError`.
    """
    if not data.strip():
        raise EmptyInputError(f"{name} is empty", name=name)
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise BinaryInputError(f"{name} is {what}, not text", name=name)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _utf16(data, name)
    if b"\x00" in data[:4096]:
        raise BinaryInputError(f"{name} contains NUL bytes: it is binary, not text", name=name)
    try:
        return data.decode("utf-8-sig"), ()
    except UnicodeDecodeError as exc:
        utf8_error = exc
    best = from_bytes(data, cp_isolation=list(_LEGACY)).best()
    if best is None or best.chaos > 0.1 or best.encoding.startswith("utf") or not _looks_like_text(str(best)):
        raise EncodingError(
            f"{name} is not valid UTF-8 (byte {utf8_error.start}) and no other encoding fits",
            name=name,
            position=utf8_error.start,
        )
    return str(best), ()


def _utf16(data: bytes, name: str) -> tuple[str, tuple[Diagnostic, ...]]:
    try:
        return data.decode("utf-16"), ()
    except UnicodeDecodeError as exc:
        first = exc.start
    text = data.decode("utf-16", errors="replace")
    broken = text.count("\ufffd") - data.decode("utf-16", errors="ignore").count("\ufffd")
    if broken > max(1, MAX_BROKEN_UTF16 * len(text)):
        raise EncodingError(f"{name} starts like UTF-16 but {broken} of its code units are broken "
                            f"(the first at byte {first})", name=name, position=first)  # fmt: skip
    return text, (Diagnostic("encoding_repaired", f"{broken} broken UTF-16 code unit(s) in {name} (the first at "
                             f"byte {first}) replaced by U+FFFD"),)  # fmt: skip
