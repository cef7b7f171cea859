"""Hedges: reportative modals, hedging adverbs, Konjunktiv, distancing verbs, vague sources.

After Hyland (1998) on hedging in academic and news prose, and the German tradition of
*Redewiedergabe*: Konjunktiv I in a main clause signals that the writer reports rather than
asserts; reportative *sollen*/*wollen* with a perfect infinitive marks hearsay.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..lang.de.lexicons import hedge_words, vague_sources, verb_cues, word_list
from ..lang.de.mood import finite_verbs, is_konjunktiv_i, is_konjunktiv_ii, reportative_in
from ..model import Analysis, Hedge, HedgeKind

_CONDITIONAL_SUBJUNCTIVE = word_list("conditional_subjunctive")


def find_hedges(analysis: Analysis) -> tuple[Hedge, ...]:
    tokens = analysis.tokens
    hedges: list[Hedge] = []
    words = hedge_words()
    vague = vague_sources()
    distancing = {lemma for lemma, cue in verb_cues().items() if cue.distancing}
    for sentence in analysis.sentences:
        s, e = sentence.token_start, sentence.token_end
        hearsay = reportative_in(tokens, s, e)
        for i in hearsay:
            hedges.append(Hedge(HedgeKind.REPORTATIVE_MODAL, tokens[i].span, sentence.index, tokens[i].text.lower()))
        for i in finite_verbs(tokens, s, e):
            tok = tokens[i]
            if i in hearsay:
                continue
            if is_konjunktiv_i(tok, tokens[i - 1] if i > s else None) or (
                # "würde" periphrasis is mostly hypothetical, not the outlet's doubt
                is_konjunktiv_ii(tok) and tok.text.lower() not in _CONDITIONAL_SUBJUNCTIVE
            ):
                hedges.append(Hedge(HedgeKind.SUBJUNCTIVE, tok.span, sentence.index, tok.text.lower()))
        for i in range(s, e):
            tok = tokens[i]
            low = tok.text.lower()
            if low in words:
                hedges.append(Hedge(HedgeKind.ADVERB, tok.span, sentence.index, low))
            elif tok.lemma.lower() in distancing and tok.pos in ("VERB", "AUX"):
                hedges.append(Hedge(HedgeKind.DISTANCING_VERB, tok.span, sentence.index, tok.lemma.lower()))
            elif low in vague and tok.pos in ("NOUN", "PROPN", "PRON", "DET", "ADJ") and low != "man":
                hedges.append(Hedge(HedgeKind.VAGUE_SOURCE, tok.span, sentence.index, low))
    return tuple(sorted(hedges, key=lambda h: h.trigger.start))


@dataclass(frozen=True)
class MarkHedges:
    """Mark hedges, and flag attributions whose message carries one as hedged."""

    name: str = "hedges"
    requires: frozenset[str] = frozenset({"tokens", "sentences", "morphology", "attributions"})
    provides: frozenset[str] = frozenset({"hedges"})

    def __call__(self, analysis: Analysis) -> Analysis:
        hedges = find_hedges(analysis)
        marked = []
        for att in analysis.attributions:
            hedged = att.hedged or any(
                h.kind is not HedgeKind.VAGUE_SOURCE and any(m.contains(h.trigger) for m in att.message) for h in hedges
            )
            marked.append(replace(att, hedged=hedged))
        return replace(analysis, hedges=hedges, attributions=tuple(marked))
