"""Claims: each body sentence, who asserts it, its epistemic status, and what can be checked.

- *asserted_by*: ``source`` when attributions cover the sentence, ``outlet`` when none does,
  ``mixed`` when the outlet adds content words of its own around an attributed part.
- *status*: ``disputed`` (a denial verb: dementiert, bestreitet, wies zurück), ``hedged`` (soll,
  angeblich, a distancing cue like behauptet, or Konjunktiv in the outlet's own voice),
  ``attributed`` (a neutral cue: sagte, laut), else ``asserted``.  Konjunktiv inside reported
  speech is the grammar of indirect speech, not the outlet's hedge, and does not count.
- *checkworthy*: numbers, dates, weekdays, months and quantities ("fünftausend Menschen").
"""

from __future__ import annotations

from collections import defaultdict

from .. import lang
from ..lang import Lexicon, rules
from ..model import (
    Analysis,
    Assertor,
    Attribution,
    BlockKind,
    Claim,
    EpistemicStatus,
    Hedge,
    HedgeKind,
    Source,
    Span,
    Token,
)
from .entities import SentenceIndex, TokenIndex

_CONTENT = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
_OUTLET_HEDGES = (HedgeKind.REPORTATIVE_MODAL, HedgeKind.ADVERB, HedgeKind.DISTANCING_VERB, HedgeKind.HEDGING_VERB)
_OWN_WORDS = 3  # content words of the outlet's own that make an attributed sentence mixed
BODY_KINDS = (BlockKind.STANDFIRST, BlockKind.PARAGRAPH, BlockKind.SUBHEADING)  # the lead is body text too


def _is_checkworthy(token: Token, lexicon: Lexicon) -> bool:
    low = token.text.lower()
    if token.pos == "NUM" or low[:1].isdigit():
        return True
    if low in lexicon.word_list("calendar_words"):  # months and weekdays
        return True
    # closed-class number words: the tagger sometimes calls "zwölf" a verb
    return bool(lexicon.quantity_pattern.match(low))


def _checkworthy(text: str, tokens: list[Token], lexicon: Lexicon) -> tuple[Span, ...]:
    spans: list[Span] = []
    for token in tokens:
        if not _is_checkworthy(token, lexicon):
            continue
        if spans and token.span.start - spans[-1].end <= 1:  # "6. März", "zwölf Prozent" as one mark
            spans[-1] = Span.of(text, spans[-1].start, token.span.end)
        else:
            spans.append(token.span)
    return tuple(spans)


def _denials(tokens: list[Token], lexicon: Lexicon) -> list[Span]:
    lemmas, particles = lexicon.denial_lemmas, lexicon.tags("verb_particle")
    out = []
    for t in tokens:
        if t.pos not in ("VERB", "AUX"):
            continue
        particle = next((p.text.lower() for p in tokens if p.head == t.index and p.tag in particles), "")
        if t.lemma.lower() in lemmas or (particle + t.lemma.lower()) in lemmas:
            out.append(t.span)
    return out


def _attributions_by_sentence(analysis: Analysis, left_out: set[int]) -> dict[int, list[Attribution]]:
    """Sentence index → the attributions whose message, source or cue reach into it, in article order."""
    index = SentenceIndex(analysis.sentences)
    found: dict[int, list[Attribution]] = defaultdict(list)
    for att in analysis.attributions:
        if att.id in left_out:
            continue
        for k in sorted({k for sp in (*att.message, *att.source, *att.cue) for k in index.overlapping(sp)}):
            found[k].append(att)
    return found


def find_claims(analysis: Analysis, sources: tuple[Source, ...]) -> tuple[Claim, ...]:
    text, lexicon = analysis.article.text, lang.of(analysis.article).lexicon
    index = TokenIndex(analysis.tokens)
    entity_of = {aid: s.id for s in sources for aid in s.attributions}
    authorial = {aid for s in sources if s.publisher for aid in s.attributions}  # "Ich meine, …": the outlet's voice
    authorial |= {a.id for a in analysis.attributions if (rule := rules.get(a.rule)) is not None and rule.outlet_voice}
    by_sentence = _attributions_by_sentence(analysis, authorial)
    hedges_in: dict[int, list[Hedge]] = defaultdict(list)
    for hedge in analysis.hedges:
        hedges_in[hedge.sentence].append(hedge)
    claims = []
    for sentence in analysis.sentences:
        block = analysis.article.blocks[sentence.block] if sentence.block < len(analysis.article.blocks) else None
        if block is None or block.kind not in BODY_KINDS:
            continue
        tokens = index.within(sentence.span)
        atts = by_sentence.get(sentence.index, [])
        covered = [sp for a in atts for sp in (*a.message, *a.source, *a.cue, *a.frame)]
        own = [t for t in tokens if t.pos in _CONTENT and not any(c.start <= t.span.start < c.end for c in covered)]
        by = Assertor.OUTLET
        if atts:
            by = Assertor.MIXED if len(own) >= _OWN_WORDS else Assertor.SOURCE
        hedges = hedges_in.get(sentence.index, [])
        triggers = [h.trigger for h in hedges if h.kind in _OUTLET_HEDGES]
        if by is Assertor.OUTLET:
            triggers += [h.trigger for h in hedges if h.kind is HedgeKind.SUBJUNCTIVE]
        denied = _denials(tokens, lexicon)
        if denied:
            status, triggers = EpistemicStatus.DISPUTED, denied + triggers
        elif triggers:
            status = EpistemicStatus.HEDGED
        elif atts:
            status = EpistemicStatus.ATTRIBUTED
        else:
            status = EpistemicStatus.ASSERTED
        claims.append(Claim(
            sentence=sentence.index, span=sentence.span, asserted_by=by, status=status,
            sources=tuple(sorted({entity_of[a.id] for a in atts if a.id in entity_of})),
            attributions=tuple(a.id for a in atts), triggers=tuple(sorted(triggers, key=lambda sp: sp.start)),
            checkworthy=_checkworthy(text, tokens, lexicon),
        ))  # fmt: skip
    return tuple(claims)


__all__ = ["find_claims"]
