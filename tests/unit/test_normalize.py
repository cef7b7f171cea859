"""Text normalised at the door: surrogates and control characters, each repair a diagnostic."""

from __future__ import annotations

import pytest

from quellenlage.errors import EncodingError
from quellenlage.ingest.decode import decode
from quellenlage.ingest.normalize import normalize_text


@pytest.mark.parametrize(("raw", "clean", "codes"), [
    ("ohne Befund", "ohne Befund", []),
    ("a\ud800b", "a\ufffdb", ["surrogates_repaired"]),
    ("\ud83d\ude00 Freude", "😀 Freude", ["surrogates_repaired"]),  # a pair written as two code points
    ("a\x00b\x07c\x85d", "a b c d", ["control_characters"]),
    ("Zeile\tmit\r\nUmbruch", "Zeile\tmit\r\nUmbruch", []),
])  # fmt: skip
def test_normalize_text(raw: str, clean: str, codes: list[str]) -> None:
    text, diagnostics = normalize_text(raw)
    assert text == clean and [d.code for d in diagnostics] == codes


def test_repairs_reach_the_analysis_as_diagnostics(analyze) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze("Der Minister\ud800 sagte, die Lage sei ernst.")
    assert "surrogates_repaired" in [d.code for d in analysis.diagnostics]
    assert analysis.attributions and analysis.attributions[0].source[0].text == "Der Minister\ufffd"


def test_utf16_with_one_broken_unit_is_repaired_and_with_many_refused() -> None:
    good = "Der Minister sagte, die Lage sei ernst.".encode("utf-16-le")
    text, diagnostics = decode(b"\xff\xfe" + good[:6] + b"\x00\xd8" + good[6:])
    assert "\ufffd" in text and [d.code for d in diagnostics] == ["encoding_repaired"]
    with pytest.raises(EncodingError, match="UTF-16"):
        decode(b"\xff\xfe" + b"\x00\xd8" * 50)


def test_language_detection_needs_words() -> None:
    from quellenlage.ingest.language import detect_language

    assert detect_language("x" * 5000) is None and detect_language("a." * 100) is None
    assert detect_language("Der Minister sagte am Montag, die Lage sei ernst.") == "de"
