"""English tokens and sentences: spaCy's English tokenizer, and sentence ends read off its tokens.

spaCy's rule-based English tokenizer (prefixes, suffixes, infixes and exceptions; no model) splits
text as UD English EWT does, on whose train split the tagger learned: "don't" is "do" "n't" and
"front-line" is "front" "-" "line" (given whole, the tagger read "front-line" as a number).
Abbreviations keep their full stop ("U.S.", "Fla.", "p.m.", "Mr."; the few spaCy splits, "Pres."
or "Lt.", are added from ``data/abbreviations.txt``), so a full stop that stands alone ends a
sentence.  It runs at about 275,000 tokens per CPU second on PolNeAR's articles, SoMaJo's
``en_PTB`` at about 24,000 (docs/SPEED.md).

A sentence ends after a token of ``.``, ``!``, ``?`` or ``…`` and the quotation marks and brackets
that close right after it (no space between), unless the next word starts in lower case or with a
comma, colon or closing bracket: in ‘"Why?" he asked.’ the question belongs to the sentence that
reports it, and "No. 2" (a number follows the full stop) is no sentence end.  An abbreviation never
ends a sentence ("in the U.S. The …" stays one: the same choice as SoMaJo's, and the rarer error).
"""

from __future__ import annotations

import spacy
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer

from ...nlp.rule_tokenizer import RuleTokenizer

#: tokens that end a sentence: runs of these characters
_TERMINAL = frozenset(".!?…")
#: what may close a sentence right after its terminal mark
_CLOSING = frozenset({'"', "''", "”", "’", "'", ")", "]", "»"})
#: what no sentence starts with
_CONTINUING = frozenset(",;:)]}%")


def _build() -> Tokenizer:
    # the language's rules only: spacy.blank builds no model and reads no file outside spaCy
    tokenizer: Tokenizer = spacy.blank("en").tokenizer
    from .. import en  # the package's own data (imported here: it imports this module)

    for word in en.LANGUAGE.read_lines("abbreviations.txt"):
        tokenizer.add_special_case(word + ".", [{ORTH: word + "."}])
    return tokenizer


_tokens = RuleTokenizer(_build)


def _is_terminal(word: str) -> bool:
    return all(c in _TERMINAL for c in word)


def _number_after_no(text: str, current: list[tuple[int, int]], word: str) -> bool:
    """Whether the sentence so far ends in "No." or "Nos." and ``word`` is a number: "No. 2"."""
    return word[:1].isdigit() and len(current) > 1 and text[current[-2][0] : current[-2][1]] in ("No", "Nos")


def sentences(text: str) -> list[list[tuple[int, int]]]:
    """The sentences of ``text`` (a piece of one block) as lists of (start, end) token offsets."""
    words = _tokens(text)
    out: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    ended = False  # the current sentence has its terminal mark; closing marks may still follow
    for start, end, word in words:
        if ended:
            if _is_terminal(word) or (word in _CLOSING and current[-1][1] == start):
                current.append((start, end))  # "?!", or the quotation mark that closes: the same sentence
                continue
            if not (word[:1].islower() or word[:1] in _CONTINUING or _number_after_no(text, current, word)):
                out.append(current)
                current = []
            ended = False
        current.append((start, end))
        if _is_terminal(word):
            ended = True
    if current:
        out.append(current)
    return out
