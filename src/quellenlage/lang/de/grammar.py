"""German attribution: the construction handlers and the reading of mood, as one :class:`Grammar`."""

from __future__ import annotations

from collections.abc import Sequence

from ...attribution.plugin import Grammar
from ...model import Token
from . import LANGUAGE
from .continuation import SPEAKER_REACH, continuation_drafts
from .direct import quote_drafts
from .frames import HANDLERS
from .interview import interview_drafts
from .mood import finite_verbs, is_konjunktiv_i, is_konjunktiv_ii, reportative_in

# "würde" periphrasis is mostly hypothetical, not the outlet's doubt
_CONDITIONAL_SUBJUNCTIVE = LANGUAGE.lexicon.word_list("conditional_subjunctive")


def reported_mood(tokens: Sequence[Token], start: int, end: int) -> tuple[list[int], list[int]]:
    """Hearsay *sollen*/*wollen* ("soll … verloren haben"), *sollen* of a plan or a report not yet
    fact ("Die Produktion soll Ende 2023 beginnen"), and the finite verbs in Konjunktiv I, or in a
    Konjunktiv II that is not the conditional "würde", among the tokens ``[start, end)``."""
    hearsay = sorted(set(reportative_in(tokens, start, end)) | set(_planned(tokens, start, end)))
    subjunctive = [
        i for i in finite_verbs(tokens, start, end)
        if i not in hearsay and (
            is_konjunktiv_i(tokens[i], tokens[i - 1] if i > start else None)
            or (is_konjunktiv_ii(tokens[i]) and tokens[i].text.lower() not in _CONDITIONAL_SUBJUNCTIVE)
        )
    ]  # fmt: skip
    return hearsay, subjunctive


_PLANNED = LANGUAGE.lexicon.word_list("planned_modals")  # soll, sollen: not sollte, not sollst
_PARTICLES = LANGUAGE.lexicon.tags("verb_particle")
_COMPARISONS = LANGUAGE.lexicon.word_list("comparison_subordinators")


def _planned(tokens: Sequence[Token], start: int, end: int) -> list[int]:
    """Finite *soll*/*sollen* with a verb later in the sentence: the outlet reports a plan or a claim
    it has not verified ("Die Produktion soll Ende 2023 beginnen").  The verb is taken by its part of
    speech, not its form: the tagger reads many a clause-final infinitive as finite ("soll …
    erscheinen") or as a particle ("sollen … dazukommen").  Deontic *sollen* ("Eltern sollen …")
    reads the same; it is rarer in news and not told apart here."""
    return [i for i in range(start, end) if tokens[i].text.lower() in _PLANNED
            and any(t.pos in ("VERB", "AUX") or t.tag in _PARTICLES for t in tokens[i + 1 : end])
            and not _in_comparison(tokens, start, i)]  # fmt: skip


def _in_comparison(tokens: Sequence[Token], start: int, i: int) -> bool:
    """Whether token ``i`` stands in a comparison clause, where *sollen* is a norm, not a report
    ("so, wie Haute Couture eigentlich sein soll")."""
    k = i
    while k > start and tokens[k - 1].text not in (",", ";", ":", "–"):
        k -= 1
    return tokens[k].text.lower() in _COMPARISONS


GRAMMAR = Grammar(
    sentence_handlers=HANDLERS,
    quote_drafts=quote_drafts,
    continuation_drafts=continuation_drafts,
    text_drafts=(interview_drafts,),
    reported_mood=reported_mood,
    speaker_reach=SPEAKER_REACH,
)
