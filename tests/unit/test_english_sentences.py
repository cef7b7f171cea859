"""English tokens and sentences (spaCy's English tokenizer and the sentence rules of lang/en/sentences.py):
a table of constructed sentences, each row a class of boundary the rules decide."""

from __future__ import annotations

import pytest

from quellenlage import ingest
from quellenlage.nlp.segment import segment


def _sentences(text: str) -> list[list[str]]:
    article = ingest.from_text(text, lang="en")
    sentences, tokens, diagnostics = segment(article)
    assert not [d for d in diagnostics if d.code == "tokenizer_fallback"]
    for token in tokens:
        assert article.text[token.span.start : token.span.end] == token.span.text
    return [[t.span.text for t in tokens[s.token_start : s.token_end]] for s in sentences]


@pytest.mark.parametrize(("text", "expected"), [
    # a full stop that stands alone ends the sentence; abbreviations keep theirs and end none
    ("Gov. Rick Scott met Pres. Obama in the U.S. Capitol. They talked.",
     [["Gov.", "Rick", "Scott", "met", "Pres.", "Obama", "in", "the", "U.S.", "Capitol", "."],
      ["They", "talked", "."]]),
    ("Lt. Col. Smith of Ft. Bragg, N.C., spoke at 5 p.m. on Jan. 3. Then he left.",
     [["Lt.", "Col.", "Smith", "of", "Ft.", "Bragg", ",", "N.C.", ",", "spoke", "at", "5", "p.m.", "on", "Jan.",
       "3", "."], ["Then", "he", "left", "."]]),
    # the state after the city keeps its full stop ("Fla." is one token)
    ("He lives in Tallahassee, Fla. He votes there.",
     [["He", "lives", "in", "Tallahassee", ",", "Fla.", "He", "votes", "there", "."]]),
    # closing quotation marks stay with the sentence they close
    ("“We will win.” The crowd cheered.", [["“", "We", "will", "win", ".", "”"], ["The", "crowd", "cheered", "."]]),
    ("''We will win.'' The crowd cheered.", [["''", "We", "will", "win", ".", "''"], ["The", "crowd", "cheered", "."]]),
    ("He said so. ''We will win,'' he added.",
     [["He", "said", "so", "."], ["''", "We", "will", "win", ",", "''", "he", "added", "."]]),
    # a frame in lower case after the question or exclamation belongs to it
    ("“Why?” he asked. “Now!” she said.",
     [["“", "Why", "?", "”", "he", "asked", "."], ["“", "Now", "!", "”", "she", "said", "."]]),
    ("Really?! Yes.", [["Really", "?", "!"], ["Yes", "."]]),
    # no sentence starts with a comma, a colon or a number after "No."
    ("They sold shoes, hats, etc., at the fair.",
     [["They", "sold", "shoes", ",", "hats", ",", "etc", ".", ",", "at", "the", "fair", "."]]),
    ("He worked in mine No. 2 last year.", [["He", "worked", "in", "mine", "No", ".", "2", "last", "year", "."]]),
    # tokens as UD English EWT writes them: clitics and hyphens split
    ("Don't call it anti-Trump.", [["Do", "n't", "call", "it", "anti", "-", "Trump", "."]]),
])  # fmt: skip
def test_english_sentences(text: str, expected: list[list[str]]) -> None:
    assert _sentences(text) == expected


def test_paragraphs_are_never_joined() -> None:
    assert _sentences("Trump wins primary\n\nDonald Trump won the primary on Tuesday.") == [
        ["Trump", "wins", "primary"], ["Donald", "Trump", "won", "the", "primary", "on", "Tuesday", "."],
    ]  # fmt: skip
