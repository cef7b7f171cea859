"""Tokens and sentences with SoMaJo, one block (paragraph) at a time.

SoMaJo (Proisl & Uhrig 2016) keeps German news abbreviations ("z. B.", "Prof."), ordinals and
dates ("16. Dezember 1991") and web tokens intact; fed paragraph by paragraph it never glues a
headline to the next sentence.  Its character offsets are relative to the paragraph given.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import regex
from somajo import SoMaJo

from ..model import Article, Sentence, Span, Token

# SoMaJo looks for emoji grapheme by grapheme with an uncompiled pattern (regex.search per
# character): 16 % of the whole analysis of the dev articles.  A text with no emoji character at
# all has nothing to split, so one compiled search decides whether its scan runs.
_EMOJI = regex.compile(r"[\p{Extended_Pictographic}\p{Emoji_Presentation}\uFE0F]")


def _skip_emoji_scan_without_emoji(tokenizer: object) -> None:
    scan = getattr(tokenizer, "_split_emojis", None)
    if scan is None:  # another SoMaJo version: keep its own behaviour
        return

    def split_emojis(node: Any, token_class: str = "emoticon") -> None:
        if _EMOJI.search(node.value.text):
            scan(node, token_class)

    tokenizer._split_emojis = split_emojis  # type: ignore[attr-defined]


@lru_cache(maxsize=1)
def _somajo() -> SoMaJo:
    somajo = SoMaJo("de_CMC", split_camel_case=False, split_sentences=True, character_offsets=True)
    _skip_emoji_scan_without_emoji(getattr(somajo, "_tokenizer", None))
    return somajo


def segment(article: Article) -> tuple[tuple[Sentence, ...], tuple[Token, ...]]:
    """Split every block of the article into sentences of tokens with article offsets."""
    text = article.text
    sentences: list[Sentence] = []
    tokens: list[Token] = []
    tokenizer = _somajo()
    for block_index, block in enumerate(article.blocks):
        base = block.span.start
        for raw_sentence in tokenizer.tokenize_text([block.span.text]):
            first = len(tokens)
            for raw in raw_sentence:
                start, end = raw.character_offset
                if end <= start:
                    continue
                span = Span.of(text, base + start, base + end)
                tokens.append(Token(index=len(tokens), span=span, sentence=len(sentences)))
            if len(tokens) == first:
                continue
            sent_span = Span.of(text, tokens[first].span.start, tokens[-1].span.end)
            sentences.append(Sentence(len(sentences), sent_span, first, len(tokens), block_index))
    return tuple(sentences), tuple(tokens)
