"""Text normalised at the door, before any C extension (lingua, spaCy) sees it.

Python strings may hold code points that no encoder accepts: lone UTF-16 surrogates, as produced by
``json.loads('"\\ud800"')``, a ``surrogateescape`` decode, or a JavaScript client that cut an emoji in
half.  They make every later stage that encodes text raise ``UnicodeEncodeError``.  A surrogate pair
written as two code points is joined into the character it encodes; a lone surrogate becomes
U+FFFD REPLACEMENT CHARACTER.  Control characters other than tab, newline and carriage return
carry no text and upset tokenizers; they become spaces, so that no offset moves.  Each repair is
reported as a :class:`Diagnostic`.
"""

from __future__ import annotations

import re

from ..model import Diagnostic, Severity

_SURROGATE = re.compile(r"[\ud800-\udfff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def normalize_text(text: str) -> tuple[str, tuple[Diagnostic, ...]]:
    """``text`` with surrogates repaired and control characters blanked, and what was done."""
    diagnostics: list[Diagnostic] = []
    surrogates = len(_SURROGATE.findall(text))
    if surrogates:
        before = text.count("\ufffd")
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
        lone = text.count("\ufffd") - before
        diagnostics.append(Diagnostic(
            "surrogates_repaired",
            f"{surrogates} UTF-16 surrogate code point(s) in the input: {surrogates - lone} joined in pairs, "
            f"{lone} lone one(s) replaced by U+FFFD",
            Severity.WARNING,
        ))  # fmt: skip
    controls = len(_CONTROL.findall(text))
    if controls:
        text = _CONTROL.sub(" ", text)
        diagnostics.append(Diagnostic(
            "control_characters", f"{controls} control character(s) in the input replaced by spaces", Severity.INFO,
        ))  # fmt: skip
    return text, tuple(diagnostics)
