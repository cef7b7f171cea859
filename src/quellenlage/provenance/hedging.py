"""Hedges: reportative modals, hedging adverbs, Konjunktiv, distancing verbs, vague sources.

After Hyland (1998) on hedging in academic and news prose, and the German tradition of
*Redewiedergabe*: Konjunktiv I in a main clause signals that the writer reports rather than
asserts; reportative *sollen*/*wollen* with a perfect infinitive marks hearsay.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from .. import lang
from ..attribution.plugin import grammar_of
from ..lang import Lexicon
from ..model import Analysis, Hedge, HedgeKind, Span, Token

_INFINITIVE = "<inf>"  # in a hedging verb's entry: an infinitive must follow ("scheinen <inf>")


@dataclass(frozen=True)
class _HedgeWords:
    """The language's hedges (``hedges.tsv``) by how they are matched."""

    adverbs: frozenset[str]  # one word: "angeblich"
    phrases: dict[str, tuple[tuple[str, ...], ...]]  # first word → whole phrases: "dem anschein nach"
    verbs: dict[str, frozenset[str]]  # lemma → what must follow in the sentence: "gelten" → {"als"}
    passive_verbs: frozenset[str]  # only in the passive: "vermutet wurde", "es wird erwartet"
    distancing: frozenset[str]
    vague: frozenset[str]


@cache
def _hedge_words(lexicon: Lexicon) -> _HedgeWords:
    adverbs: set[str] = set()
    phrases: dict[str, list[tuple[str, ...]]] = {}
    verbs: dict[str, set[str]] = {}
    passive: set[str] = set()
    for entry, kind in lexicon.hedge_words.items():
        words = tuple(entry.split())
        if kind == "verb":
            verbs.setdefault(words[0], set()).update(words[1:])
        elif kind == "passive_verb":
            passive.add(words[0])
        elif len(words) > 1:
            phrases.setdefault(words[0], []).append(words)
        else:
            adverbs.add(entry)
    # "man" is an impersonal source, not a vague one that hedges
    vague = lexicon.vague_sources - lexicon.word_list("impersonal_sources")
    return _HedgeWords(frozenset(adverbs), {k: tuple(v) for k, v in phrases.items()},
                       {k: frozenset(v) for k, v in verbs.items()}, frozenset(passive), lexicon.distancing_verbs,
                       vague)  # fmt: skip


def find_hedges(analysis: Analysis) -> tuple[Hedge, ...]:
    """The hedges of every sentence: the language's reading of mood (its grammar) and its hedge lexicons."""
    language = lang.of(analysis.article)
    reported_mood, lexicon = grammar_of(language).reported_mood, language.lexicon
    words = _hedge_words(lexicon)
    tokens = analysis.tokens
    hedges: list[Hedge] = []
    speaking = lexicon.word_list("vague_only_as_source")  # "people", "some": vague only where they speak
    sources = [span for a in analysis.attributions for span in a.source] if speaking else []
    for sentence in analysis.sentences:
        s, e = sentence.token_start, sentence.token_end
        hearsay, subjunctive = reported_mood(tokens, s, e)
        for i in hearsay:
            hedges.append(Hedge(HedgeKind.REPORTATIVE_MODAL, tokens[i].span, sentence.index, tokens[i].text.lower()))
        for i in subjunctive:
            hedges.append(Hedge(HedgeKind.SUBJUNCTIVE, tokens[i].span, sentence.index, tokens[i].text.lower()))
        for i in range(s, e):
            found = _lexical_hedge(tokens, i, e, words, lexicon)
            if found is not None and not (found[0] is HedgeKind.VAGUE_SOURCE and found[1] in speaking
                                          and not any(span.contains(tokens[i].span) for span in sources)):
                kind, lexeme, last = found
                trigger = Span.of(analysis.article.text, tokens[i].span.start, tokens[last].span.end)
                hedges.append(Hedge(kind, trigger, sentence.index, lexeme))
    return tuple(sorted(hedges, key=lambda h: h.trigger.start))


def _lexical_hedge(
    tokens: Sequence[Token], i: int, end: int, words: _HedgeWords, lexicon: Lexicon
) -> tuple[HedgeKind, str, int] | None:
    """The hedge token ``i`` opens, if any, with its lexeme and its last token: an adverb or a
    phrase, a distancing or hedging verb, a vague source."""
    tok = tokens[i]
    low, lemma = tok.text.lower(), tok.lemma.lower()
    if low in words.adverbs:
        return HedgeKind.ADVERB, low, i
    for phrase in words.phrases.get(low, ()):
        if i + len(phrase) <= end and tuple(t.text.lower() for t in tokens[i : i + len(phrase)]) == phrase:
            return HedgeKind.ADVERB, " ".join(phrase), i + len(phrase) - 1
    verbal = tok.pos in ("VERB", "AUX")
    if verbal and lemma in words.distancing:
        return HedgeKind.DISTANCING_VERB, lemma, i
    if verbal and lemma in words.verbs and _followed(tokens, i, end, words.verbs[lemma], lexicon):
        return HedgeKind.HEDGING_VERB, lemma, i
    if lemma in words.passive_verbs and _passive(tokens, i, end, lexicon):  # a fronted "Vermutet" is tagged a noun
        return HedgeKind.HEDGING_VERB, lemma, i
    if low in words.vague and tok.pos in ("NOUN", "PROPN", "PRON", "DET", "ADJ"):
        return HedgeKind.VAGUE_SOURCE, low, i
    return None


def _followed(tokens: Sequence[Token], i: int, end: int, required: frozenset[str], lexicon: Lexicon) -> bool:
    """Whether what a hedging verb needs is in its sentence: a word, before or after it ("gilt als",
    "als … gilt") or, for ``<inf>``, an infinitive after it ("scheint … zu haben"); a verb that needs
    nothing always hedges."""
    if not required:
        return True
    infinitives = lexicon.tags("infinitive") | lexicon.tags("marked_infinitive")
    sentence = tokens[i].sentence
    if any(t.text.lower() in required for t in tokens[max(0, i - 30) : end] if t.sentence == sentence):
        return True
    return _INFINITIVE in required and any(t.tag in infinitives for t in tokens[i + 1 : end])


def _passive(tokens: Sequence[Token], i: int, end: int, lexicon: Lexicon) -> bool:
    """Whether verb ``i`` is a participle with a passive auxiliary in its sentence ("Vermutet wurde …");
    a form that is not the lemma counts as the participle where the tagger left the verb unmarked."""
    tok = tokens[i]
    participle = (tok.feature("VerbForm") == "Part" or tok.tag in lexicon.tags("participle")
                  or (tok.pos != "VERB" and tok.text.lower() != tok.lemma.lower()))  # fmt: skip
    sentence = tokens[i].sentence
    auxiliaries = lexicon.word_list("passive_auxiliaries")
    return participle and any(t.lemma.lower() in auxiliaries for t in tokens[max(0, i - 8) : end]
                              if t.sentence == sentence and t.pos == "AUX")  # fmt: skip


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
