"""Lemmas the English lemmatiser gets wrong where attribution depends on them, put right before any
rule reads them.

simplemma has no entry for some past forms and guesses a stem: "thanked" → "thanke", "preferred" →
"preferr", so the reporting-verb lexicon never sees "thank" or "prefer".  A verb in the past or
the participle (Penn tags ``VBD``/``VBN``) whose lemma the lexicon lacks takes the form without
"-ed" (and without a doubled final consonant) where the lexicon has that one.

"appear" and "seem" before "to" are verbs, whatever the tagger read ("No major polls appear to …").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ...model import Token
from .. import Lexicon, get


def repair_tags(tokens: Sequence[Token]) -> list[Token]:
    lexicon = get("en").lexicon  # this package's own lexicon, loaded once per process
    out = [_past_lemma(t, lexicon) for t in tokens]
    evidential = lexicon.word_list("evidential_verbs")
    for i, t in enumerate(out[:-1]):
        # "polls appear to have been …": the tagger reads the verb as an adjective before "to"
        if t.pos != "VERB" and t.lemma.lower() in evidential and out[i + 1].text.lower() == "to":
            out[i] = replace(t, pos="VERB")
    return out


def _past_lemma(token: Token, lexicon: Lexicon) -> Token:
    cues = lexicon.verb_cues
    word = token.text.lower()
    if token.tag not in lexicon.tags("past_forms") or not word.endswith("ed") or token.lemma.lower() in cues:
        return token
    stem = word[:-2]
    for candidate in (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem):
        if candidate in cues:
            return replace(token, lemma=candidate)
    return token
