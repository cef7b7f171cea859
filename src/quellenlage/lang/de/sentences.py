"""German tokens and sentences: spaCy's German tokenizer, SoMaJo's token conventions, sentence rules.

spaCy's rule-based German tokenizer (no model) finds the words at several times SoMaJo's speed
(segmentation of the dev split 1.4 -> 0.46 CPU-s, docs/SPEED.md).  The tagger and the learned
attribution layer were trained and tuned on SoMaJo's tokens, so where the two tokenizers part, the
tokens below are made to follow SoMaJo's conventions (Proisl & Uhrig 2016), not spaCy's:

- an ordinal keeps its full stop ("3.", "XVI."), as SoMaJo reads it: up to three digits, five or
  more, or 3000 to 9999 ("im Jahr 2006." is a year and a full stop); a Roman numeral of two letters
  or more only where a lower-case word or a number follows ("Benedikt XVI. sagte", but "in Größe
  XL. Dabei");
- a date is split after each full stop ("31.", "10.", "2007"); a score is split at its colon
  ("3", ":", "2"), a time is not ("14:30");
- a run of single letters with full stops is split after each ("z.", "B."; "D.", "C.");
- a word that ends in a full stop keeps it only if it is an abbreviation spaCy knows or
  ``data/abbreviations.txt`` lists ("Prof.", "Anm."), or an initial ("K."); otherwise the full
  stop is a token of its own ("GmbH.", "PwC.");
- a slash splits two words ("CDU/CSU") but not a unit ("km/h") or numbers ("2006/2007"); a colon
  inside a word ("Bürger:innen") and an apostrophe ("O’Leary") do not split; spaCy's emoticons
  (``):``, ``(:``) are not read in news text.

A sentence ends, as in SoMaJo's splitter, after a token of ``.``, ``!``, ``?`` or ``…`` (or an
abbreviation that ends sentences, "usw.", "etc."), the closing quotation marks and brackets right
after it, when the next word starts with a capital letter or is a number; opening quotation marks
("„") between the two belong to the next sentence.  An ordinal or an abbreviation never ends one,
so "am 3. Oktober" and "Prof. Müller" stay whole; "Italien." does, where SoMaJo's
case-insensitive abbreviation list read it as "italien." (Italian).
"""

from __future__ import annotations

import re
from functools import cache

import spacy
from spacy.lang.char_classes import ALPHA, ALPHA_LOWER, ALPHA_UPPER, LIST_ELLIPSES, LIST_ICONS
from spacy.lang.de import German
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer

from ...nlp.rule_tokenizer import RuleTokenizer

#: tokens made of these characters end a sentence
_TERMINAL = frozenset(".!?…")
#: abbreviations that end a sentence when a capitalised word follows
_ENDING_ABBREVIATIONS = frozenset({"usw.", "etc.", "usf.", "uvm."})
#: marks that open a quotation or a bracket: they belong to the sentence after them
_OPENING = frozenset("„‚«‹»›\"'([{–—“‘")
#: marks that close one: right after the sentence end, they belong to it
_CLOSING = frozenset("“‘\"'»«›‹)]}”’")

_ORDINAL = re.compile(r"(?:\d{1,3}|\d{5,}|[3-9]\d{3})\.")
_ROMAN_ORDINAL = re.compile(r"(?=[MDCLXVI])M{0,4}(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})\.")
_DATE = re.compile(r"(\d{1,2}\.)(\d{1,2}\.)(\d{2,4})?")
_TIME = re.compile(r"\d{1,2}(?::\d{2}){1,2}")
_LETTERS_WITH_STOPS = re.compile(r"(?:[^\W\d_]\.)+")
_DIGIT_COLON = re.compile(r"(?<=\d):(?=\d)")


def _build() -> Tokenizer:
    """spaCy's German tokenizer (its rules only: no model, no file outside spaCy), changed as above."""
    nlp = spacy.blank("de")
    tokenizer: Tokenizer = nlp.tokenizer
    # emoticons and slashed exceptions ("CDU/CSU") out; white space and '' stay
    tokenizer.rules = {
        key: value for key, value in tokenizer.rules.items()
        if "/" not in key and (any(c.isalnum() for c in key) or key.isspace() or key in ("''", "``"))
    }  # fmt: skip
    a = ALPHA
    tokenizer.infix_finditer = spacy.util.compile_infix_regex([
        *LIST_ELLIPSES, *LIST_ICONS,
        rf"(?<=[{ALPHA_LOWER}])\.(?=[{ALPHA_UPPER}])",
        rf"(?<=[{a}])\.(?=[\"“„»«][{a}])",  # a sentence end glued to a quotation: 'CEO."Die'
        rf"(?<=[{a}]\.)[\"“„»«](?=[{a}])",
        rf"(?<=[{a}])[,!?](?=[{a}])",
        rf"(?<=[{a}])[<>=](?=[{a}])",  # no colon: "Bürger:innen"
        rf"(?<=[{a}][{a}])/(?=[{a}][{a}])",  # words, not units ("km/h") or numbers
        rf"(?<=[{a}])([\"”“`´‚,„»«\)\]\(\[])(?=[{a}])",  # no apostrophe: "O’Leary"
        rf"(?<=[{a}])--(?=[{a}])",
        r"(?<=[0-9])-(?=[0-9])",
    ]).finditer  # fmt: skip
    for word in _abbreviations() - tokenizer.rules.keys():
        tokenizer.add_special_case(word, [{ORTH: word}])
    return tokenizer


@cache
def _abbreviations() -> frozenset[str]:
    """Words that keep their full stop: spaCy's German exceptions and ``data/abbreviations.txt``."""
    from .. import de  # the package's own data (imported here: it imports this module)

    spacy_own = (key for key in German.Defaults.tokenizer_exceptions if key.endswith(".") and "/" not in key)
    return frozenset(spacy_own) | frozenset(de.LANGUAGE.read_lines("abbreviations.txt"))


_spacy_tokens = RuleTokenizer(_build)


def _split(text: str, start: int, end: int, abbreviations: frozenset[str], out: list[tuple[int, int]]) -> None:
    """Append the tokens of spaCy's token ``text[start:end]`` as SoMaJo would cut it."""
    word = text[start:end]
    date = _DATE.fullmatch(word)
    if date:
        out.extend((start + date.start(i), start + date.end(i)) for i in (1, 2, 3) if date.group(i))
    elif word[-1] == "." and len(word) > 1 and not word.endswith(".."):
        if _LETTERS_WITH_STOPS.fullmatch(word):
            out.extend((i, i + 2) for i in range(start, end, 2))
        elif word in abbreviations or _ORDINAL.fullmatch(word) or _ROMAN_ORDINAL.fullmatch(word):
            out.append((start, end))
        else:
            _split(text, start, end - 1, abbreviations, out)
            out.append((end - 1, end))
    elif ":" in word and not _TIME.fullmatch(word):
        at = start
        for colon in _DIGIT_COLON.finditer(word):
            out.extend(((at, start + colon.start()), (start + colon.start(), start + colon.end())))
            at = start + colon.end()
        out.append((at, end))
    else:
        out.append((start, end))


def _roman_ordinal(words: list[tuple[int, int, str]], i: int) -> bool:
    """Whether spaCy's tokens ``i`` and ``i + 1`` are a Roman numeral and its full stop ("XVI" ".")
    with a word in lower case or a number after them: "Benedikt XVI. sagte", not "Größe XL. Dabei"."""
    if i + 2 >= len(words) or len(words[i][2]) < 2 or not _ROMAN_ORDINAL.fullmatch(words[i][2] + "."):
        return False
    stop, after = words[i + 1], words[i + 2]
    return stop[2] == "." and stop[0] == words[i][1] and (after[2][0].islower() or after[2][0].isdigit())


def tokens(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of the tokens of ``text``."""
    abbreviations = _abbreviations()
    words = _spacy_tokens(text)
    out: list[tuple[int, int]] = []
    skip = False
    for i, (start, end, word) in enumerate(words):
        if skip:
            skip = False
        elif word[-1] == "." or ":" in word or (word[0].isdigit() and "." in word):
            _split(text, start, end, abbreviations, out)
        elif word[0] in "MDCLXVI" and _roman_ordinal(words, i):
            out.append((start, words[i + 1][1]))
            skip = True
        else:
            out.append((start, end))
    return out


def _closes_bracket(spans: list[tuple[int, int]], words: list[str], i: int) -> bool:
    """Whether ``words[i]`` ends in a full stop and a bracket closes right after it: "(Anm. d. Red.)"."""
    following = i + 1
    return (words[i][-1] == "." and not words[i][0].isdigit() and following < len(words)
            and words[following] == ")" and spans[following][0] == spans[i][1])  # fmt: skip


def sentences(text: str) -> list[list[tuple[int, int]]]:
    """The sentences of ``text`` (a piece of one block) as lists of (start, end) token offsets."""
    spans = tokens(text)
    words = [text[start:end] for start, end in spans]
    out: list[list[tuple[int, int]]] = []
    first = 0  # where the current sentence starts
    end_after = -1  # the sentence may end after this token; -1 while it may not
    for i, word in enumerate(words):
        if end_after >= 0:
            attached = spans[i][0] == spans[i - 1][1]
            followed = i + 1 == len(words) or spans[i + 1][0] > spans[i][1] or words[i + 1] in _CLOSING
            if word in _CLOSING and attached and followed and i == end_after + 1:
                end_after = i  # the quotation mark that closes: the same sentence
                continue
            if word in _OPENING:
                continue  # "„", or a '"' that does not close: look at the word after it
            if word[:1].isupper() or word.isnumeric():
                out.append(spans[first : end_after + 1])
                first = end_after + 1
            end_after = -1
        if all(c in _TERMINAL for c in word) or word in _ENDING_ABBREVIATIONS or _closes_bracket(spans, words, i):
            end_after = i
    if first < len(spans):
        out.append(spans[first:])
    return out
