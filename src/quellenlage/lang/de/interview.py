"""Interviews in question-and-answer form: "STANDARD: Warum? Kaiser: Es bleibt uns nichts übrig."

A label is one to three capitalised words and a colon at the start of a sentence.  The text is
an interview when labels recur: at least three in all, one of them the interviewer's (the outlet,
in capitals or from the outlet lexicon, or "Frage").  Every answer, from its label to the next
label, is the labelled speaker's direct speech; the questions are the outlet's own.
"""

from __future__ import annotations

from collections import Counter

from ...attribution.draft import Draft
from ...model import Analysis, AttributionType, Medium
from . import LANGUAGE
from . import rules as R

LEXICON = LANGUAGE.lexicon

_INTERVIEWER = LEXICON.word_list("interviewer_labels")  # "Frage:", "F:"
_MIN_LABELS = 3


def _labels(analysis: Analysis) -> list[tuple[int, int]]:
    """(first token, colon token) of every sentence-initial label."""
    tokens = analysis.tokens
    starts = {s.token_start for s in analysis.sentences}
    found = []
    for k, t in enumerate(tokens):
        if t.text != ":" or k == 0:
            continue
        j = k - 1
        while j >= 0 and k - j <= 3 and tokens[j].text[:1].isupper() and tokens[j].text.replace("-", "").isalpha():
            if j in starts or (j > 0 and tokens[j - 1].text in {".", "?", "!", "“", '"'}):
                found.append((j, k))
                break
            j -= 1
    return found


def _is_interviewer(words: list[str]) -> bool:
    if len(words) != 1:
        return False
    word = words[0]
    return (word.isupper() and len(word) > 2) or word.lower() in LEXICON.outlets | _INTERVIEWER


def interview_drafts(analysis: Analysis, accepted: list[Draft]) -> list[Draft]:
    labels = _labels(analysis)
    names = [tuple(t.text for t in analysis.tokens[a:b]) for a, b in labels]
    counts = Counter(n[-1] for n in names)
    if len(labels) < _MIN_LABELS or not any(_is_interviewer(list(n)) for n in names) or max(counts.values()) < 2:
        return []
    taken = {i for d in accepted for i in d.message}
    drafts = []
    for k, ((first, colon), name) in enumerate(zip(labels, names, strict=True)):
        if _is_interviewer(list(name)):
            continue
        end = labels[k + 1][0] if k + 1 < len(labels) else len(analysis.tokens)
        message = [i for i in range(colon + 1, end) if i not in taken]
        if message:
            drafts.append(Draft(AttributionType.DIRECT, Medium.SPEECH, message, cue=[colon],
                                source=list(range(first, colon)), rule=R.INTERVIEW_ANSWER.id,
                                priority=R.INTERVIEW_ANSWER.priority))  # fmt: skip
    return drafts
