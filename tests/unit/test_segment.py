"""The segmenter's guards against hostile input: each keeps offsets exact and says what it did."""

from __future__ import annotations

import dataclasses
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


def test_the_tokenizer_falls_back_when_the_languages_splitter_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    german = lang.get("de")

    def broken(_: str) -> list[list[tuple[int, int]]]:
        raise AssertionError("alignment")

    monkeypatch.setattr(lang, "get", lambda code: dataclasses.replace(german, sentences=broken))
    module = sys.modules["quellenlage.nlp.segment"]  # the package exports a function of the same name
    monkeypatch.setattr(module, "get_language", lang.get)
    _, sentences, tokens, codes = _segment("Der Minister sagte, die Lage sei ernst. Er ging.")
    assert "tokenizer_fallback" in codes
    assert tokens[:4] == ["Der", "Minister", "sagte", ","] and len(sentences) == 2


@pytest.mark.parametrize(
    ("piece", "tokens"),
    [
        ("Herr Mu\u0308ller sagte: „Das ist gut.“", ["Herr", "Mu\u0308ller", "sagte", ":", "„", "Das"]),
        ("Ein\u200bWort, ein Steuer\x07zeichen", ["Ein\u200bWort", ",", "ein", "Steuer\x07zeichen"]),
        ("Toll😀 gemacht, sagte er 👍🏽. Familie 👨\u200d👩\u200d👧 da.",
         ["Toll", "😀", "gemacht", ",", "sagte", "er", "👍🏽", ".", "Familie", "👨\u200d👩\u200d👧", "da", "."]),
        ("  Leerraum   am Anfang\n\nund\tTabs ", ["Leerraum", "am", "Anfang", "und", "Tabs"]),
    ],
)  # fmt: skip
def test_hostile_characters_stay_inside_their_tokens(piece: str, tokens: list[str]) -> None:
    for language in ("de", "en"):
        found = [piece[a:b] for sentence in lang.get(language).sentences(piece) for a, b in sentence]
        assert found[: len(tokens)] == tokens, language
