"""Does the headline hold?  Each proposition of the headline and standfirst matched to the body.

A proposition is a clause of the headline with a verb ("Kreml-Chef von eigenen Verbündeten
gedemütigt"); topic labels before a colon ("Wladimir Putin:") are not propositions.  A body claim
supports it when they share two content words, or half of the proposition's (compared by their
first seven letters, five for short words, so "Unterstützer" meets "Unterstützung" but not
"unterhalten"; particle verbs with their particle, "wenden … ab" as "abwenden").  A subheading,
or the outlet's own sentence repeating the headline's generalisation or loaded word, is a
restatement, not evidence, and does not count as support.  Findings, each with its evidence spans:

- ``stated_as_fact``: the headline asserts what every supporting body claim only attributes to a
  source or hedges;
- ``generalises``: the headline speaks of "immer mehr", "alle", … — the evidence lists which
  countries the supporting claims actually name, for the reader to count;
- ``loaded_word``: an evaluative word ("gedemütigt") that no source in the body uses;
- ``unsupported``: no body claim supports the proposition.

The verdict is ``stronger_than_body`` when any of the first three is found, ``unsupported`` when
no proposition has support, ``supported`` otherwise, and ``no_headline`` without a headline.
"""

from __future__ import annotations

import re
from collections import Counter

from ..lang.de.lexicons import countries, country_of, hedge_words, loaded_words, word_list
from ..model import (
    Analysis,
    Assertor,
    BlockKind,
    Claim,
    EpistemicStatus,
    FindingCode,
    HeadlineCheck,
    HeadlineFinding,
    HeadlineProposition,
    Source,
    Span,
    Token,
    Verdict,
)
from .entities import TokenIndex

_HEADLINE_DOUBT_WORDS = word_list("headline_doubt_words")
_LIGHT_WORDS = word_list("light_words")

_CONTENT = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})
_BREAKS = frozenset({":", "!", "?", "–", "—", ";", "."})
_GENERAL = re.compile(r"\b(immer mehr|alle|sämtliche|zunehmend|reihenweise|massenhaft|überall|niemand|keiner)\b")
_MIN_SHARED = 2
_MAX_SUPPORT = 4
_MAX_STANDFIRST_SENTENCES = 2
_MIN_MODIFIER = 4  # letters before a loaded stem for it to head a compound


def _stems(tokens: list[Token]) -> set[str]:
    """Content words by their first five letters; particle verbs with their particle (abwenden)."""
    particles = {t.head: t.text.lower() for t in tokens if t.tag == "PTKVZ"}
    out = set()
    for t in tokens:
        if t.pos not in _CONTENT:
            continue
        lemma = particles.get(t.index, "") + (t.lemma or t.text).lower()
        for part in lemma.split("-"):
            if len(part) >= 3 and part not in _LIGHT_WORDS:
                out.add(part[:7] if len(part) >= 8 else part[:5])
    return out


def _supports(shared: int, total: int) -> bool:
    return shared >= _MIN_SHARED or (shared >= 1 and shared * 2 >= total)


def _is_evidence(claim: Claim, analysis: Analysis, index: TokenIndex) -> bool:
    """Whether a supporting claim is evidence, not the outlet restating its framing: a subheading,
    or an own sentence with the same generalisation or loaded word, is not."""
    block = analysis.article.block_at(claim.span.start)
    if block is not None and block.kind is BlockKind.SUBHEADING:
        return False
    if claim.asserted_by is Assertor.OUTLET:
        return not _GENERAL.search(claim.span.text.lower()) and not _loaded(index.within(claim.span))
    return True


def _segments(tokens: list[Token], speakers: set[str]) -> list[tuple[list[Token], bool, bool]]:
    """The headline cut at : ! ? – ; each part with whether it has a verb (is a proposition) and
    whether a speaker's name and a colon introduce it ("Schulze: Deutschland steht …")."""
    parts: list[list[Token]] = [[]]
    ends: list[str] = []
    for t in tokens:
        if t.text in _BREAKS:
            ends.append(t.text)
            parts.append([])
        else:
            parts[-1].append(t)
    out = []
    for k, part in enumerate(parts):
        if not part:
            continue
        before = parts[k - 1] if k else []
        quoted = bool(before) and ends[k - 1] == ":" and _is_speaker(before, speakers)
        out.append((part, any(t.pos in ("VERB", "AUX") for t in part), quoted))
    return out


def _is_speaker(tokens: list[Token], speakers: set[str]) -> bool:
    """A headline label that names one of the article's sources ("Schulze:" when Svenja Schulze
    speaks in the body), not a topic ("Cyber-Angriffe:", "Olympia 2022:")."""
    return 1 <= len(tokens) <= 3 and tokens[-1].text.lower() in speakers


def _is_marked(tokens: list[Token]) -> bool:
    """Whether the headline itself signals attribution or doubt (soll, angeblich, quotes, laut)."""
    words = {t.text.lower() for t in tokens}
    return bool(words & (_HEADLINE_DOUBT_WORDS | {"?"})) or any(
        t.text in '"„“»«' or t.text.lower() in hedge_words() for t in tokens
    )


def _is_loaded(word: str, lemma: str, stem: str) -> bool:
    """The word starts with the stem (after a participle's ge-), or has it as the head of a compound
    ("Polit-Skandal", "Regierungschaos"); a stem inside a short word is chance ("Flüge" holds "lüge")."""
    if lemma.startswith(stem):
        return True
    parts = word.lower().split("-")
    parts += [p[2:] for p in parts if p.startswith("ge")]  # participles: gedemütigt, geschockt
    return any(part.startswith(stem) or part.find(stem) >= _MIN_MODIFIER for part in parts)


def _loaded(tokens: list[Token]) -> list[tuple[Token, str]]:
    out = []
    for t in tokens:
        stem = next((s for s in loaded_words() if _is_loaded(t.text, (t.lemma or "").lower(), s)), None)
        if stem is not None:
            out.append((t, stem))
    return out


def check_headline(analysis: Analysis, claims: tuple[Claim, ...], sources: tuple[Source, ...]) -> HeadlineCheck:
    article = analysis.article
    heads = [k for k, b in enumerate(article.blocks) if b.kind in (BlockKind.HEADLINE, BlockKind.STANDFIRST)]
    if not any(article.blocks[k].kind is BlockKind.HEADLINE for k in heads):
        return HeadlineCheck(verdict=Verdict.NO_HEADLINE)
    index = TokenIndex(analysis.tokens)
    claim_stems = {c.sentence: _stems(index.within(c.span)) for c in claims}
    by_sentence = {c.sentence: c for c in claims}
    message_stems = {s for a in analysis.attributions for m in a.message for s in _stems(index.within(m))}
    message_words = {t.text.lower() for a in analysis.attributions for m in a.message for t in index.within(m)}
    names = {s.id: s.name for s in sources}
    speakers = {s.name.split()[-1].lower() for s in sources if s.attributions and not s.publisher and s.name.split()}
    propositions: list[HeadlineProposition] = []
    labels: set[Span] = set()

    def loaded_findings(tokens: list[Token]) -> tuple[HeadlineFinding, ...]:
        found = []
        for token, stem in _loaded(tokens):
            if stem[:5] in message_stems or any(w.startswith(stem) for w in message_words):
                continue  # a source used the word: the headline quotes, it does not judge
            own = tuple(c.span for c in claims if c.asserted_by is Assertor.OUTLET
                        and any(_is_loaded(t.text, (t.lemma or "").lower(), stem)
                                for t in index.within(c.span)))  # fmt: skip
            found.append(HeadlineFinding(
                FindingCode.LOADED_WORD, f"“{token.text}” is the outlet's word: no source in the body uses it",
                token.span, own,
            ))  # fmt: skip
        return tuple(found)

    for k in heads:
        block = article.blocks[k]
        in_block = {s.index for s in analysis.sentences if s.block == k}
        if block.kind is BlockKind.STANDFIRST and len(in_block) > _MAX_STANDFIRST_SENTENCES:
            continue  # a long lead paragraph is the body's first paragraph, not a teaser
        for tokens, is_proposition, quoted in _segments(index.within(block.span), speakers):
            span = Span.of(article.text, tokens[0].span.start, tokens[-1].span.end)
            if not is_proposition:  # a label ("Regierungschaos in Berlin"): only its words are checked
                loaded = loaded_findings(tokens)
                if loaded:
                    labels.add(span)
                    propositions.append(HeadlineProposition(span, (), loaded))
                continue
            stems = _stems(tokens)
            matching = [s for s, cs in claim_stems.items()
                        if s not in in_block and _supports(len(stems & cs), len(stems))]  # fmt: skip
            evidence = [s for s in matching if _is_evidence(by_sentence[s], analysis, index)]
            scored = sorted(evidence, key=lambda s: (-len(stems & claim_stems[s]), s))[:_MAX_SUPPORT]
            support = [by_sentence[s] for s in sorted(scored)]
            findings = []
            if not support:
                restated = tuple(by_sentence[s].span for s in matching)  # subheadings, the outlet repeating itself
                message = ("the body only repeats this in the outlet's own words" if restated
                           else "no sentence of the body supports this")  # fmt: skip
                findings.append(HeadlineFinding(FindingCode.UNSUPPORTED, message, span, restated))
            elif (
                not quoted
                and not _is_marked(tokens)
                and not any(c.asserted_by is Assertor.OUTLET and c.status is EpistemicStatus.ASSERTED for c in support)
            ):
                who = sorted({names[s] for c in support for s in c.sources if s in names})
                hedged = any(c.status in (EpistemicStatus.HEDGED, EpistemicStatus.DISPUTED) for c in support)
                findings.append(HeadlineFinding(
                    FindingCode.STATED_AS_FACT,
                    "stated as fact; the body only " + ("attributes or hedges it" if hedged else "attributes it")
                    + (f" ({', '.join(who)})" if who else ""),
                    span, tuple(sorted({sp for c in support for sp in (c.span, *c.triggers)}, key=lambda x: x.start)),
                ))  # fmt: skip
            general = _GENERAL.search(span.text.lower())
            if general:
                named = Counter(iso for c in support for t in index.within(c.span) if (iso := country_of([t.text])))
                listing = (
                    "the supporting sentences name these countries: "
                    + ", ".join(f"{_country_name(iso)} ({n}×)" for iso, n in named.most_common())
                    if named
                    else "the body gives no sourced case for it"
                )
                g_span = Span.of(article.text, span.start + general.start(), span.start + general.end())
                findings.append(HeadlineFinding(
                    FindingCode.GENERALISES, f"“{general.group(0)}” claims a trend; {listing}",
                    g_span, tuple(c.span for c in support),
                ))  # fmt: skip
            findings.extend(loaded_findings(tokens))
            propositions.append(HeadlineProposition(span, tuple(c.sentence for c in support), tuple(findings)))
    codes = {f.code for p in propositions for f in p.findings}
    in_headline = [p for p in propositions if (b := article.block_at(p.span.start)) and b.kind is BlockKind.HEADLINE]
    headline_props = [p for p in in_headline if p.span not in labels]
    if codes & {FindingCode.STATED_AS_FACT, FindingCode.GENERALISES, FindingCode.LOADED_WORD}:
        verdict = Verdict.STRONGER_THAN_BODY
    elif headline_props and all(not p.support for p in headline_props):
        verdict = Verdict.UNSUPPORTED  # the headline's own propositions, whatever the standfirst does
    else:
        verdict = Verdict.SUPPORTED
    return HeadlineCheck(verdict=verdict, propositions=tuple(propositions))


def _country_name(iso: str) -> str:
    return next((c.name for c in countries() if c.iso == iso), iso)


__all__ = ["check_headline"]
