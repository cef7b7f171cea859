"""The spaCy tokenizer wrapper: bounded vocabulary, graphemes kept whole."""

from __future__ import annotations

import spacy
from spacy.tokenizer import Tokenizer

from quellenlage.nlp.rule_tokenizer import RuleTokenizer


def _blank() -> Tokenizer:
    tokenizer: Tokenizer = spacy.blank("xx").tokenizer
    return tokenizer


def test_the_tokenizer_is_built_again_once_its_vocabulary_is_full() -> None:
    tokens = RuleTokenizer(_blank, max_words=50)
    tokens(" ".join(f"wort{i}" for i in range(40)))
    first = tokens.tokenizer
    tokens(" ".join(f"neu{i}" for i in range(40)))  # 80 words now: the next call starts afresh
    second = tokens.tokenizer
    assert second is not first and second is tokens.tokenizer  # built once more, then kept


def test_offsets_and_texts_leave_white_space_out() -> None:
    text = "  Ein  Satz.\n"
    assert [(a, b, w) for a, b, w in RuleTokenizer(_blank)(text)] == [(2, 5, "Ein"), (7, 11, "Satz"), (11, 12, ".")]


def test_modifiers_stay_on_the_character_they_modify() -> None:
    text = "ok 👍🏽. 👨\u200d👩\u200d👧!"
    words = [w for _, _, w in RuleTokenizer(_blank)(text)]
    assert words == ["ok", "👍🏽", ".", "👨\u200d👩\u200d👧", "!"]
