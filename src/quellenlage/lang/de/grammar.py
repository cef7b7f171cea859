"""German attribution: the construction handlers and the reading of mood, as one :class:`Grammar`."""

from __future__ import annotations

from collections.abc import Sequence

from ...attribution.plugin import Grammar
from ...model import Token
from . import LANGUAGE
from .continuation import continuation_drafts
from .direct import quote_drafts
from .frames import HANDLERS
from .interview import interview_drafts
from .mood import finite_verbs, is_konjunktiv_i, is_konjunktiv_ii, reportative_in

# "würde" periphrasis is mostly hypothetical, not the outlet's doubt
_CONDITIONAL_SUBJUNCTIVE = LANGUAGE.lexicon.word_list("conditional_subjunctive")


def reported_mood(tokens: Sequence[Token], start: int, end: int) -> tuple[list[int], list[int]]:
    """Hearsay *sollen*/*wollen* ("soll … verloren haben") and the finite verbs in Konjunktiv I, or
    in a Konjunktiv II that is not the conditional "würde", among the tokens ``[start, end)``."""
    hearsay = reportative_in(tokens, start, end)
    subjunctive = [
        i for i in finite_verbs(tokens, start, end)
        if i not in hearsay and (
            is_konjunktiv_i(tokens[i], tokens[i - 1] if i > start else None)
            or (is_konjunktiv_ii(tokens[i]) and tokens[i].text.lower() not in _CONDITIONAL_SUBJUNCTIVE)
        )
    ]  # fmt: skip
    return hearsay, subjunctive


GRAMMAR = Grammar(
    sentence_handlers=HANDLERS,
    quote_drafts=quote_drafts,
    continuation_drafts=continuation_drafts,
    text_drafts=(interview_drafts,),
    reported_mood=reported_mood,
)
