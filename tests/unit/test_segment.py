"""The segmenter's guards against hostile input: each keeps offsets exact and says what it did."""

from __future__ import annotations

import sys

import pytest

from quellenlage import ingest, lang
from quellenlage.model import Article
from quellenlage.nlp.segment import MAX_RUN, MAX_SENTENCE_TOKENS, segment


def _segment(text: str) -> tuple[Article, list[str], list[str], list[str]]:
    article = ingest.from_text(text, lang="de")
    sentences, tokens, diagnostics = segment(article)
    for token in tokens:
        assert article.text[token.span.start : token.span.end] == token.span.text
    for sentence in sentences:
        assert tokens[sentence.token_start].span.start == sentence.span.start
    return article, [s.span.text for s in sentences], [t.span.text for t in tokens], [d.code for d in diagnostics]


@pytest.mark.parametrize(("text", "tokens"), [
    ("Der Minister sagte \u0f43, die Lage sei ernst.", ["Der", "Minister", "sagte", "\u0f43", ",", "die"]),
    ("Er sagte: \u0f43\u0f4d\u0f52 heute.", ["Er", "sagte", ":", "\u0f43\u0f4d\u0f52", "heute", "."]),
    ("Ein \u2126 und e\u0301 bleiben.", ["Ein", "\u2126", "und", "e\u0301", "bleiben", "."]),
])  # fmt: skip
def test_characters_whose_nfc_form_is_longer_are_tokenized(text: str, tokens: list[str]) -> None:
    _, _, found, codes = _segment(text)
    assert found[: len(tokens)] == tokens and "tokenizer_fallback" not in codes


def test_a_long_run_without_spaces_is_cut_into_pieces() -> None:
    _, _, tokens, codes = _segment("Vorher. " + "a." * 4000 + " Nachher.")
    assert tokens[:2] == ["Vorher", "."] and tokens[-2:] == ["Nachher", "."]
    assert "long_run_cut" in codes and max(len(t) for t in tokens) <= MAX_RUN


def test_an_ordinary_url_is_not_cut() -> None:
    url = "https://www.example.de/" + "pfad/" * 30 + "artikel.html"
    _, _, tokens, codes = _segment(f"Mehr unter {url} lesen.")
    assert url in tokens and "long_run_cut" not in codes


def test_an_endless_sentence_is_cut_for_the_tagger() -> None:
    _, sentences, _, codes = _segment("und dann sagte er, " * 200)
    assert len(sentences) >= 3 and "long_sentence_cut" in codes
    lengths = [len(s.split()) for s in sentences]
    assert max(lengths) <= MAX_SENTENCE_TOKENS


def test_a_long_paragraph_is_cut_after_a_sentence_end() -> None:
    paragraph = "Der Minister sagte am Montag, die Lage sei ernst. " * 800  # 40,000 characters
    _, sentences, _, codes = _segment(paragraph)
    assert all(s.endswith(".") for s in sentences) and len(sentences) == 800
    assert "long_run_cut" not in codes


def test_the_tokenizer_falls_back_when_somajo_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    module = sys.modules["quellenlage.nlp.segment"]  # the package exports a function of the same name

    class Broken:
        def tokenize_text(self, _: object) -> object:
            raise AssertionError("alignment")

    monkeypatch.setattr(module, "_somajo", lambda model: Broken())
    _, sentences, tokens, codes = _segment("Der Minister sagte, die Lage sei ernst. Er ging.")
    assert "tokenizer_fallback" in codes
    assert tokens[:4] == ["Der", "Minister", "sagte", ","] and len(sentences) == 2


@pytest.mark.parametrize(
    "piece",
    [
        "Laut Prof. Dr. Meier kamen am 16. Dezember 1991 z. B. 2.000 Menschen.",
        "Herr Mu\u0308ller sagte: „Das ist gut.“",  # SoMaJo normalises to NFC: its own offsets are used
        "Ein\u200bWort, ein Steuer\x07zeichen und :-) ein Emoticon www.example.org",
        "  Leerraum   am Anfang\n\nund\tTabs ",
    ],
)
def test_reading_the_tokens_off_the_text_gives_somajos_own_offsets(piece: str) -> None:
    module = sys.modules["quellenlage.nlp.segment"]
    german = lang.get("de")
    ours = module._tokenize(piece, german, [])
    somajo = module._somajo(german.somajo_model, True)
    theirs = [[raw.character_offset for raw in s] for s in somajo.tokenize_text([piece])]
    assert ours == theirs
