"""German interviews: the shared layout kernel with German interviewer labels ("Frage:", "F:")."""

from __future__ import annotations

from ...attribution.draft import Draft
from ...attribution.interview import InterviewRule
from ...attribution.interview import interview_drafts as _interview_drafts
from ...model import Analysis
from . import LANGUAGE
from . import rules as R

_RULE = InterviewRule(
    interviewer_words=LANGUAGE.lexicon.word_list("interviewer_labels"),
    outlets=LANGUAGE.lexicon.outlets,
    rule=R.INTERVIEW_ANSWER.id,
    priority=R.INTERVIEW_ANSWER.priority,
)


def interview_drafts(analysis: Analysis, accepted: list[Draft]) -> list[Draft]:
    return _interview_drafts(analysis, accepted, _RULE)
