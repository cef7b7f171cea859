"""Tags the UD-trained tagger gets wrong where attribution depends on them, put right before any
rule or feature reads them.

- Konjunktiv I forms read as adverbs or nouns (``mood.repair_konjunktiv_i``).
- A reporting verb in second position read as an adjective. After a fronted adverbial clause or
  behind a connective, the finite verb follows a comma ("Da …, vermuten Forschende, dass …",
  "…, jedoch betont Trommer, dass …"), a place where GSD, the tagger's training data, has few
  verbs. The tagger then reads "vermuten" and "betont" as adjectives of the noun after them, and
  no rule sees the report.
- An abbreviation in capitals read as an adverb ("ließ der verantwortliche NDR … wissen").
- "ließ … wissen" as one reporting verb.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import replace

from ...model import Token
from .mood import repair_konjunktiv_i

_FINITE_ENDINGS = ("t", "te", "ten", "en")  # betont, betonte, betonten, vermuten
_SUBJECT_START = ("DET", "PROPN", "NOUN", "PRON")
_CONNECTIVES = ("ADV", "CCONJ")
_FINITE_MORPH = "Mood=Ind|Person=3|VerbForm=Fin"


def repair_tags(tokens: Sequence[Token]) -> list[Token]:
    return _repair_letting_know(_repair_abbreviations(_repair_verb_second(repair_konjunktiv_i(tokens))))


_ABBREVIATION_MISREAD = ("ADV", "ADJ", "NUM", "X")
_MAX_ABBREVIATION = 6


def _repair_abbreviations(tokens: list[Token]) -> list[Token]:
    """An abbreviation in capitals ("der verantwortliche NDR") read as an adverb or adjective: a
    name, as the speaker it often is."""
    for i, tok in enumerate(tokens):
        word = tok.text
        capitals = 2 <= len(word) <= _MAX_ABBREVIATION and word.isalpha() and word.isupper()
        if tok.pos in _ABBREVIATION_MISREAD and capitals:
            tokens[i] = replace(tok, pos="PROPN", tag="NE", morph="")
    return tokens


_LETTING_KNOW = "wissen"  # "ließ X wissen": X let it be known, a report
_LET = "lassen"
_MAX_LET_REACH = 8


def _repair_letting_know(tokens: list[Token]) -> list[Token]:
    """ "…, ließ der NDR lapidar dazu wissen": the form of *lassen* with *wissen* after it is one
    reporting verb, lemma "wissenlassen" in the cue lexicon; *wissen* alone ("Er weiß, dass …")
    stays knowledge."""
    for i, tok in enumerate(tokens):
        if tok.lemma.lower() != _LET or tok.pos not in ("VERB", "AUX"):
            continue
        for k in range(i + 1, min(len(tokens), i + _MAX_LET_REACH)):
            other = tokens[k]
            if other.sentence != tok.sentence or other.pos == "PUNCT":
                break
            if other.lemma.lower() == _LETTING_KNOW and other.feature("VerbForm") == "Inf":
                tokens[i] = replace(tok, lemma=_LETTING_KNOW + _LET)
                break
    return tokens


def _repair_verb_second(tokens: list[Token]) -> list[Token]:
    from . import LANGUAGE  # the package's lexicon; loaded when the first German article is tagged

    cues, finite = LANGUAGE.lexicon.verb_cues, LANGUAGE.lexicon.tags("finite")
    complementizers = LANGUAGE.lexicon.word_list("complementizers")
    for i, tok in enumerate(tokens):
        if tok.pos != "ADJ" or not tok.text.islower() or not tok.text.endswith(_FINITE_ENDINGS):
            continue
        if tok.lemma.lower() not in cues:
            continue
        if _after_clause(tokens, i):
            nxt = _at(tokens, i + 1, tok.sentence)
            # "…, erwartete Gewinne bleiben aus": another finite verb in the stretch, an adjective
            second = nxt is not None and nxt.pos in _SUBJECT_START and not _finite_follows(tokens, i, finite)
        else:  # "…, aber der Chef warnt, dass …": a subject, the verb, its clause
            comma, opener = _at(tokens, i + 1, tok.sentence), _at(tokens, i + 2, tok.sentence)
            second = (
                comma is not None and opener is not None and comma.text == ","
                and opener.text.lower() in complementizers and _subject_before(tokens, i)
            )  # fmt: skip
        if second:
            tokens[i] = replace(tok, pos="VERB", tag="VVFIN", morph=_FINITE_MORPH)
    return tokens


def _finite_follows(tokens: Sequence[Token], i: int, finite_tags: frozenset[str]) -> bool:
    """Whether a finite verb follows token ``i`` before the next comma, colon or sentence end."""
    for tok in itertools.islice(tokens, i + 1, None):
        if tok.sentence != tokens[i].sentence or tok.text in (",", ":", ";"):
            return False
        if tok.feature("VerbForm") == "Fin" or tok.tag in finite_tags:
            return True
    return False


def _at(tokens: Sequence[Token], i: int, sentence: int) -> Token | None:
    return tokens[i] if i < len(tokens) and tokens[i].sentence == sentence else None


def _subject_before(tokens: Sequence[Token], i: int) -> bool:
    """Whether the words from the clause's start (the sentence's, or a comma and a connective) to
    token ``i`` are one noun phrase, with a noun or a name."""
    k = i - 1
    while k >= 0 and tokens[k].sentence == tokens[i].sentence and tokens[k].pos in ("DET", "ADJ", "NOUN", "PROPN"):
        k -= 1
    if k == i - 1 or not any(tokens[j].pos in ("NOUN", "PROPN") for j in range(k + 1, i)):
        return False
    if k < 0 or tokens[k].sentence != tokens[i].sentence:
        return True
    if tokens[k].pos in _CONNECTIVES and tokens[k].text.islower():
        k -= 1
    return k >= 0 and tokens[k].text == ","


def _after_clause(tokens: Sequence[Token], i: int) -> bool:
    """Whether token ``i`` stands right after a comma that closes a clause (one ending in a verb),
    with at most a connective between: the place of a main clause's finite verb, not of an
    adjective in a list ("große, betonte Worte")."""
    k = i - 1
    connective = k >= 0 and tokens[k].pos in _CONNECTIVES and tokens[k].text.islower()
    if connective:
        k -= 1
    if k < 1 or tokens[k].text != "," or tokens[k - 1].sentence != tokens[i].sentence:
        return False
    # a clause-final verb; behind a connective also a main clause's last noun ("…, jedoch betont")
    closing = ("VERB", "AUX", "NOUN", "PROPN") if connective else ("VERB", "AUX")
    return tokens[k - 1].pos in closing
