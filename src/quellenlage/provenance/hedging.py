"""Hedges: reportative modals, hedging adverbs, Konjunktiv, distancing verbs, vague sources.

After Hyland (1998) on hedging in academic and news prose, and the German tradition of
*Redewiedergabe*: Konjunktiv I in a main clause signals that the writer reports rather than
asserts; reportative *sollen*/*wollen* with a perfect infinitive marks hearsay.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .. import lang
from ..attribution.plugin import grammar_of
from ..model import Analysis, Hedge, HedgeKind


def find_hedges(analysis: Analysis) -> tuple[Hedge, ...]:
    """The hedges of every sentence: the language's reading of mood (its grammar) and its hedge lexicons."""
    language = lang.of(analysis.article)
    reported_mood, lexicon = grammar_of(language).reported_mood, language.lexicon
    tokens = analysis.tokens
    hedges: list[Hedge] = []
    words, distancing = lexicon.hedge_words, lexicon.distancing_verbs
    # "man" is an impersonal source, not a vague one that hedges
    vague = lexicon.vague_sources - lexicon.word_list("impersonal_sources")
    for sentence in analysis.sentences:
        s, e = sentence.token_start, sentence.token_end
        hearsay, subjunctive = reported_mood(tokens, s, e)
        for i in hearsay:
            hedges.append(Hedge(HedgeKind.REPORTATIVE_MODAL, tokens[i].span, sentence.index, tokens[i].text.lower()))
        for i in subjunctive:
            hedges.append(Hedge(HedgeKind.SUBJUNCTIVE, tokens[i].span, sentence.index, tokens[i].text.lower()))
        for i in range(s, e):
            tok = tokens[i]
            low = tok.text.lower()
            if low in words:
                hedges.append(Hedge(HedgeKind.ADVERB, tok.span, sentence.index, low))
            elif tok.lemma.lower() in distancing and tok.pos in ("VERB", "AUX"):
                hedges.append(Hedge(HedgeKind.DISTANCING_VERB, tok.span, sentence.index, tok.lemma.lower()))
            elif low in vague and tok.pos in ("NOUN", "PROPN", "PRON", "DET", "ADJ"):
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
