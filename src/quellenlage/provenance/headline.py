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

from collections import Counter
from dataclasses import dataclass, field

from .. import lang
from ..lang import Lexicon
from ..model import (
    Analysis,
    Article,
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

_CONTENT = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})
_BREAKS = frozenset({":", "!", "?", "–", "—", ";", "."})
_QUOTE_MARKS = '"„“»«'
_MIN_SHARED = 2
_MAX_SUPPORT = 4
_MAX_STANDFIRST_SENTENCES = 2
_MIN_MODIFIER = 4  # letters before a loaded stem for it to head a compound


def _stems(tokens: list[Token], lexicon: Lexicon) -> set[str]:
    """Content words by their first five letters; particle verbs with their particle (abwenden)."""
    particle_tags, light = lexicon.tags("verb_particle"), lexicon.word_list("light_words")
    particles = {t.head: t.text.lower() for t in tokens if t.tag in particle_tags}
    out = set()
    for t in tokens:
        if t.pos not in _CONTENT:
            continue
        lemma = particles.get(t.index, "") + (t.lemma or t.text).lower()
        for part in lemma.split("-"):
            if len(part) >= 3 and part not in light:
                out.add(part[:7] if len(part) >= 8 else part[:5])
    return out


def _supports(shared: int, total: int) -> bool:
    return shared >= _MIN_SHARED or (shared >= 1 and shared * 2 >= total)


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


def _is_marked(tokens: list[Token], lexicon: Lexicon) -> bool:
    """Whether the headline itself signals attribution or doubt (soll, angeblich, quotes, laut)."""
    words = {t.text.lower() for t in tokens}
    return bool(words & (lexicon.word_list("headline_doubt_words") | {"?"})) or any(
        t.text in _QUOTE_MARKS or t.text.lower() in lexicon.hedge_words for t in tokens
    )


def _is_loaded(word: str, lemma: str, stem: str, prefixes: tuple[str, ...]) -> bool:
    """The word starts with the stem (after a participle's ge-), or has it as the head of a compound
    ("Polit-Skandal", "Regierungschaos"); a stem inside a short word is chance ("Flüge" holds "lüge").
    ``prefixes`` are the language's participle prefixes ("ge": "gedemütigt", "geschockt")."""
    if lemma.startswith(stem):
        return True
    parts = word.lower().split("-")
    parts += [p[len(prefix):] for p in parts for prefix in prefixes if p.startswith(prefix)]  # gedemütigt
    return any(part.startswith(stem) or part.find(stem) >= _MIN_MODIFIER for part in parts)


def _loaded(tokens: list[Token], lexicon: Lexicon) -> list[tuple[Token, str]]:
    out = []
    for t in tokens:
        prefixes = lexicon.word_tuple("participle_prefixes")
        stem = next((s for s in lexicon.loaded_words if _is_loaded(t.text, (t.lemma or "").lower(), s, prefixes)), None)
        if stem is not None:
            out.append((t, stem))
    return out


@dataclass
class _Body:
    """What the headline is checked against: the body's claims, their content words and the sources."""

    analysis: Analysis
    claims: tuple[Claim, ...]
    sources: tuple[Source, ...]
    lexicon: Lexicon
    index: TokenIndex = field(init=False)
    claim_stems: dict[int, set[str]] = field(init=False)
    by_sentence: dict[int, Claim] = field(init=False)
    message_stems: set[str] = field(init=False)
    message_words: set[str] = field(init=False)
    names: dict[int, str] = field(init=False)
    speakers: set[str] = field(init=False)

    def __post_init__(self) -> None:
        index = self.index = TokenIndex(self.analysis.tokens)
        attributions, lexicon = self.analysis.attributions, self.lexicon
        self.claim_stems = {c.sentence: _stems(index.within(c.span), lexicon) for c in self.claims}
        self.by_sentence = {c.sentence: c for c in self.claims}
        self.message_stems = {s for a in attributions for m in a.message for s in _stems(index.within(m), lexicon)}
        self.message_words = {t.text.lower() for a in attributions for m in a.message for t in index.within(m)}
        self.names = {s.id: s.name for s in self.sources}
        self.speakers = {s.name.split()[-1].lower() for s in self.sources
                         if s.attributions and not s.publisher and s.name.split()}  # fmt: skip

    def is_evidence(self, claim: Claim) -> bool:
        """Whether a supporting claim is evidence, not the outlet restating its framing: a subheading,
        or an own sentence with the same generalisation or loaded word, is not."""
        block = self.analysis.article.block_at(claim.span.start)
        if block is not None and block.kind is BlockKind.SUBHEADING:
            return False
        if claim.asserted_by is Assertor.OUTLET:
            generalises = self.lexicon.generalisation_pattern.search(claim.span.text.lower())
            return not generalises and not _loaded(self.index.within(claim.span), self.lexicon)
        return True

    def support(self, stems: set[str], in_block: set[int]) -> tuple[list[Claim], list[int]]:
        """The best supporting claims (evidence only), and every sentence that matches, restatements included."""
        matching = [s for s, cs in self.claim_stems.items()
                    if s not in in_block and _supports(len(stems & cs), len(stems))]  # fmt: skip
        evidence = [s for s in matching if self.is_evidence(self.by_sentence[s])]
        scored = sorted(evidence, key=lambda s: (-len(stems & self.claim_stems[s]), s))[:_MAX_SUPPORT]
        return [self.by_sentence[s] for s in sorted(scored)], matching

    def loaded_findings(self, tokens: list[Token]) -> tuple[HeadlineFinding, ...]:
        found = []
        prefixes = self.lexicon.word_tuple("participle_prefixes")
        for token, stem in _loaded(tokens, self.lexicon):
            if stem[:5] in self.message_stems or any(w.startswith(stem) for w in self.message_words):
                continue  # a source used the word: the headline quotes, it does not judge
            own = tuple(c.span for c in self.claims if c.asserted_by is Assertor.OUTLET
                        and any(_is_loaded(t.text, (t.lemma or "").lower(), stem, prefixes)
                                for t in self.index.within(c.span)))  # fmt: skip
            found.append(HeadlineFinding(
                FindingCode.LOADED_WORD, f"“{token.text}” is the outlet's word: no source in the body uses it",
                token.span, own,
            ))  # fmt: skip
        return tuple(found)

    def stated_as_fact(self, span: Span, support: list[Claim]) -> HeadlineFinding:
        who = sorted({self.names[s] for c in support for s in c.sources if s in self.names})
        hedged = any(c.status in (EpistemicStatus.HEDGED, EpistemicStatus.DISPUTED) for c in support)
        return HeadlineFinding(
            FindingCode.STATED_AS_FACT,
            "stated as fact; the body only " + ("attributes or hedges it" if hedged else "attributes it")
            + (f" ({', '.join(who)})" if who else ""),
            span, tuple(sorted({sp for c in support for sp in (c.span, *c.triggers)}, key=lambda x: x.start)),
        )  # fmt: skip

    def generalises(self, span: Span, support: list[Claim]) -> HeadlineFinding | None:
        general = self.lexicon.generalisation_pattern.search(span.text.lower())
        if not general:
            return None
        country_of = self.lexicon.country_of
        named = Counter(iso for c in support for t in self.index.within(c.span) if (iso := country_of([t.text])))
        listing = (
            "the supporting sentences name these countries: "
            + ", ".join(f"{self.lexicon.country_name(iso)} ({n}×)" for iso, n in named.most_common())
            if named
            else "the body gives no sourced case for it"
        )
        g_span = Span.of(self.analysis.article.text, span.start + general.start(), span.start + general.end())
        return HeadlineFinding(
            FindingCode.GENERALISES, f"“{general.group(0)}” claims a trend; {listing}", g_span,
            tuple(c.span for c in support),
        )  # fmt: skip

    def proposition(self, tokens: list[Token], quoted: bool, in_block: set[int]) -> HeadlineProposition:
        """A proposition of the headline or standfirst with its support and findings."""
        span = Span.of(self.analysis.article.text, tokens[0].span.start, tokens[-1].span.end)
        support, matching = self.support(_stems(tokens, self.lexicon), in_block)
        findings = []
        if not support:
            restated = tuple(self.by_sentence[s].span for s in matching)  # subheadings, the outlet repeating itself
            message = ("the body only repeats this in the outlet's own words" if restated
                       else "no sentence of the body supports this")  # fmt: skip
            findings.append(HeadlineFinding(FindingCode.UNSUPPORTED, message, span, restated))
        elif (
            not quoted
            and not _is_marked(tokens, self.lexicon)
            and not any(c.asserted_by is Assertor.OUTLET and c.status is EpistemicStatus.ASSERTED for c in support)
        ):
            findings.append(self.stated_as_fact(span, support))
        if (general := self.generalises(span, support)) is not None:
            findings.append(general)
        findings.extend(self.loaded_findings(tokens))
        return HeadlineProposition(span, tuple(c.sentence for c in support), tuple(findings))


def check_headline(analysis: Analysis, claims: tuple[Claim, ...], sources: tuple[Source, ...]) -> HeadlineCheck:
    """Each proposition of the headline (and a short standfirst) against the body; the verdict."""
    article = analysis.article
    heads = [k for k, b in enumerate(article.blocks) if b.kind in (BlockKind.HEADLINE, BlockKind.STANDFIRST)]
    if not any(article.blocks[k].kind is BlockKind.HEADLINE for k in heads):
        return HeadlineCheck(verdict=Verdict.NO_HEADLINE)
    body = _Body(analysis, claims, sources, lang.of(article).lexicon)
    propositions: list[HeadlineProposition] = []
    labels: set[Span] = set()
    for k in heads:
        block = article.blocks[k]
        in_block = {s.index for s in analysis.sentences if s.block == k}
        if block.kind is BlockKind.STANDFIRST and len(in_block) > _MAX_STANDFIRST_SENTENCES:
            continue  # a long lead paragraph is the body's first paragraph, not a teaser
        for tokens, is_proposition, quoted in _segments(body.index.within(block.span), body.speakers):
            if is_proposition:
                propositions.append(body.proposition(tokens, quoted, in_block))
            elif loaded := body.loaded_findings(tokens):  # a label ("Regierungschaos in Berlin"): only its words
                span = Span.of(article.text, tokens[0].span.start, tokens[-1].span.end)
                labels.add(span)
                propositions.append(HeadlineProposition(span, (), loaded))
    return HeadlineCheck(verdict=_verdict(article, propositions, labels), propositions=tuple(propositions))


def _verdict(article: Article, propositions: list[HeadlineProposition], labels: set[Span]) -> Verdict:
    codes = {f.code for p in propositions for f in p.findings}
    in_headline = [p for p in propositions if (b := article.block_at(p.span.start)) and b.kind is BlockKind.HEADLINE]
    headline_props = [p for p in in_headline if p.span not in labels]
    if codes & {FindingCode.STATED_AS_FACT, FindingCode.GENERALISES, FindingCode.LOADED_WORD}:
        return Verdict.STRONGER_THAN_BODY
    if headline_props and all(not p.support for p in headline_props):
        return Verdict.UNSUPPORTED  # the headline's own propositions, whatever the standfirst does
    return Verdict.SUPPORTED


__all__ = ["check_headline"]
