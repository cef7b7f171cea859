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
    Attribution,
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
from ..nlp import lemma_of
from .entities import TokenIndex, alnum, publisher_forms

_CONTENT = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})
_MAX_DATELINE_NAMES = 4
_BREAKS = frozenset({":", "!", "?", "–", "—", ";", ".", "-", "|"})
_MIN_SHARED = 2
_MAX_SUPPORT = 4
_MIN_COVERED = 2  # content words a proposition needs before its words spread over the body count
_COVERED_SHARE = 0.75  # of its content words the body must have somewhere
_MIN_COMPOUND_HEAD = 6  # letters a speech noun needs to be matched as the end of a compound
_MIN_ADOPTED = 6  # letters of a headline word checked for being a source's word
_QUOTED_WIDTH = 4  # tokens a quotation mark may stand from a quoted word
_MAX_STANDFIRST_SENTENCES = 2
_MIN_MODIFIER = 4  # letters before a loaded stem for it to head a compound


def _stems(tokens: list[Token], lexicon: Lexicon) -> set[str]:
    """Content words by their first five letters; particle verbs with their particle (abwenden)."""
    return {stem for _, lemma in _content_lemmas(tokens, lexicon) for stem in _word_stems(lemma, lexicon)}


def _content_lemmas(tokens: list[Token], lexicon: Lexicon) -> list[tuple[Token, str]]:
    """The content words with their lemmas, a separated particle joined to its verb ("abwenden")."""
    particle_tags = lexicon.tags("verb_particle")
    particles = {t.head: t.text.lower() for t in tokens if t.tag in particle_tags}
    return [(t, particles.get(t.index, "") + _lemma(t, lexicon)) for t in tokens if _is_content(t)]


def _lemma(token: Token, lexicon: Lexicon) -> str:
    """The lemma, lower case; a hyphenated compound the lemmatiser joined ("Billig-Flüge" as
    "billigflug") as its parts' lemmas, so that "Flüge" meets "Flug"."""
    lemma = (token.lemma or token.text).lower()
    if "-" in token.text and "-" not in lemma:
        return "-".join(lemma_of(part, lexicon.language.lemmatizer).lower() for part in token.text.split("-") if part)
    return lemma


def _is_content(token: Token) -> bool:
    """A content word; also a verb the tagger read as an auxiliary ("Verbündete wenden sich … ab"):
    the light verbs (sein, haben, werden) are dropped by their stems' ``light_words``."""
    return token.pos in _CONTENT or token.pos == "AUX"


def _word_stems(lemma: str, lexicon: Lexicon) -> list[str]:
    light = lexicon.word_list("light_words")
    parts = [part for part in lemma.split("-") if len(part) >= 3 and part not in light]
    return [part[:7] if len(part) >= 8 else part[:5] for part in parts]


def _stem_groups(tokens: list[Token], lexicon: Lexicon) -> list[frozenset[str]]:
    """The content words' stems as ``_stems`` takes them, each with the stems of its synonyms
    ("verjagen" for "vertreiben"): a group matches a sentence that has any of them.  A name of
    several words is one group ("Wladimir Putin"): a sentence that names him shares one thing."""
    groups: list[set[str]] = []
    seen: set[str] = set()
    previous: Token | None = None
    for t, lemma in _content_lemmas(tokens, lexicon):
        stems = [s for s in _word_stems(lemma, lexicon) if s not in seen]
        if not stems:
            continue
        name_goes_on = t.pos == "PROPN" and previous is not None and previous.pos == "PROPN"
        if name_goes_on and previous is not None and previous.index == t.index - 1 and groups:
            groups[-1].update(stems)  # the next word of a name
        else:
            synonyms = {s for w in lexicon.synonyms((t.lemma or t.text).lower()) for s in _word_stems(w, lexicon)}
            groups.extend({stem} | synonyms for stem in stems)
        seen.update(stems)
        previous = t
    return [frozenset(g) for g in groups]


def _forms(token: Token) -> set[str]:
    return {token.text.lower(), (token.lemma or token.text).lower()}


def _supports(shared: int, total: int) -> bool:
    return shared >= _MIN_SHARED or (shared >= 1 and shared * 2 >= total)


def _inside_word(tokens: list[Token], k: int) -> bool:
    """Whether the token ``k`` is a hyphen with a word right before and after it: English's tokens
    split "quasi-state", which is no "Kim - the leader" dash."""
    return (tokens[k].text == "-" and 0 < k < len(tokens) - 1 and tokens[k - 1].span.end == tokens[k].span.start
            and tokens[k + 1].span.start == tokens[k].span.end)  # fmt: skip


def _hyphenated_words(tokens: list[Token]) -> list[list[Token]]:
    """The tokens grouped into words: a hyphen with no space joins the tokens on either side into one
    ("quasi-state", which English's tokens split as UD English does; German's keep it whole)."""
    words: list[list[Token]] = []
    for t in tokens:
        previous = words[-1][-1] if words else None
        if previous is not None and previous.span.end == t.span.start and "-" in (t.text, previous.text):
            words[-1].append(t)
        else:
            words.append([t])
    return words


def _text_of(parts: list[Token]) -> str:
    return "".join(t.text for t in parts)


def _segments(tokens: list[Token], speakers: set[str], lexicon: Lexicon) -> list[tuple[list[Token], bool, bool]]:
    """The headline cut at : ! ? – ; each part with whether it is a proposition and whether a
    speaker's name and a colon introduce it ("Schulze: Deutschland steht …").  A part with a verb is
    a proposition; so is a verbless one of two content words or more ("Europas erste Anlage in NRW",
    and a verb the tagger misread in headline style), unless a colon follows it: a topic label
    ("Influencer und Trading Apps: …").  A date or time stamp is no part ("…: 06.11.2023, 11.41 Uhr")."""
    parts: list[list[Token]] = [[]]
    ends: list[str] = []
    for k, t in enumerate(tokens):
        if t.text in _BREAKS and not _inside_word(tokens, k):
            ends.append(t.text)
            parts.append([])
        else:
            parts[-1].append(t)
    calendar = lexicon.word_list("calendar_words")
    words = [[t for t in part if t.pos in _CONTENT and t.text.replace("-", "").isalpha()
              and t.text.lower() not in calendar] for part in parts]  # fmt: skip
    out = []
    for k, part in enumerate(parts):
        if not words[k]:
            continue
        before = parts[k - 1] if k else []
        quoted = bool(before) and ends[k - 1] == ":" and _is_speaker(before, speakers)
        label = k < len(ends) and ends[k] == ":" and any(words[k + 1 :])
        has_verb = any(t.pos in ("VERB", "AUX") for t in part)
        out.append((part, has_verb or (not label and len(words[k]) >= 2), quoted))
    return out


def _is_speaker(tokens: list[Token], speakers: set[str]) -> bool:
    """A headline label that names one of the article's sources ("Schulze:" when Svenja Schulze
    speaks in the body), not a topic ("Cyber-Angriffe:", "Olympia 2022:")."""
    return 1 <= len(tokens) <= 3 and tokens[-1].text.lower() in speakers


def _is_marked(tokens: list[Token], lexicon: Lexicon) -> bool:
    """Whether the headline itself signals attribution or doubt (soll, angeblich, quotes, laut), names
    who says it with a verb of saying ("Bayern fordert höhere Erlösobergrenzen"), or is a demand in the
    infinitive, not a statement ("Kinderbetreuung flächendeckend ausbauen")."""
    # a name inside the headline is no doubt word: "May" the month, not the modal
    words = {t.text.lower() for k, t in enumerate(tokens) if not (k and t.pos == "PROPN" and t.text[:1].isupper())}
    if words & (lexicon.word_list("headline_doubt_words") | {"?"}) or any(
        t.text in lexicon.language.quote_characters or t.text.lower() in lexicon.hedge_words for t in tokens
    ):
        return True
    # a verb of saying by its lemma whatever its tag: the tagger reads headline verbs as adjectives ("warnt")
    cues = lexicon.verb_cues
    if any(t.pos not in ("NOUN", "PROPN") and (t.lemma or "").lower() in cues for t in tokens) or _names_speech(
        tokens, lexicon
    ):
        return True
    infinitive, finite = lexicon.tags("infinitive"), lexicon.tags("finite") | lexicon.tags("participle")
    return any(t.tag in infinitive for t in tokens) and not any(t.tag in finite for t in tokens)


def _names_speech(tokens: list[Token], lexicon: Lexicon) -> bool:
    """A noun of a speech act ("Rufe nach schneller Aufklärung", "Rücktrittsforderungen"): the
    headline reports that something is said, not that it is so.  A long entry also ends compounds."""
    nouns = lexicon.word_list("headline_speech_nouns")
    for t in tokens:
        if t.pos not in ("NOUN", "PROPN"):
            continue
        words = {t.text.lower(), (t.lemma or "").lower()}
        if words & nouns or any(w.endswith(n) for w in words for n in nouns if len(n) >= _MIN_COMPOUND_HEAD):
            return True
    return False


def _is_loaded(word: str, lemma: str, stem: str, prefixes: tuple[str, ...]) -> bool:
    """The word starts with the stem (after a participle's ge-), or has it as the head of a compound
    ("Polit-Skandal", "Regierungschaos"); a stem inside a short word is chance ("Flüge" holds "lüge").
    ``prefixes`` are the language's participle prefixes ("ge": "gedemütigt", "geschockt")."""
    return _has_stem(lemma, _word_parts(word, prefixes), stem)


def _word_parts(word: str, prefixes: tuple[str, ...]) -> list[str]:
    """The lower-cased parts of a hyphenated word, and each without a participle prefix."""
    parts = word.lower().split("-")
    return parts + [p[len(prefix) :] for p in parts for prefix in prefixes if p.startswith(prefix)]  # gedemütigt


def _has_stem(lemma: str, parts: list[str], stem: str) -> bool:
    return lemma.startswith(stem) or any(part.startswith(stem) or part.find(stem) >= _MIN_MODIFIER for part in parts)


def _loaded(tokens: list[Token], lexicon: Lexicon) -> list[tuple[Token, str]]:
    out = []
    prefixes = lexicon.word_tuple("participle_prefixes")
    for t in tokens:
        lemma = (t.lemma or "").lower()
        parts = _word_parts(t.text, prefixes)
        # a stem the word does not contain at all cannot match: one substring test rules out most
        # of the lexicon's stems (2.3 million full checks over 200 web pages before)
        haystack = " ".join((lemma, *parts))
        stem = next((s for s in lexicon.loaded_words if s in haystack and _has_stem(lemma, parts, s)), None)
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
    messages: list[Span] = field(init=False)
    message_of: dict[int, tuple[Span, ...]] = field(init=False)
    marks: frozenset[str] = field(init=False)
    by_id: dict[int, Attribution] = field(init=False)
    body_tokens: list[Token] = field(init=False)
    claim_words: dict[int, set[str]] = field(init=False, default_factory=dict)
    evidence: dict[int, bool] = field(init=False, default_factory=dict)  # is_evidence, per claim sentence
    body_words: list[tuple[list[Token], str]] | None = field(init=False, default=None)  # adopted_findings

    def __post_init__(self) -> None:
        index = self.index = TokenIndex(self.analysis.tokens)
        attributions, lexicon = self.analysis.attributions, self.lexicon
        self.claim_stems = {c.sentence: _stems(index.within(c.span), lexicon) for c in self.claims}
        self.by_sentence = {c.sentence: c for c in self.claims}
        self.message_stems = {s for a in attributions for m in a.message for s in _stems(index.within(m), lexicon)}
        self.message_words = {t.text.lower() for a in attributions for m in a.message for t in index.within(m)}
        self.names = {s.id: s.name for s in self.sources}
        # every part of a speaking source's name: "DGB:" labels a headline when "DGB-Vertreter" speak
        self.speakers = {part.lower() for s in self.sources if s.attributions and not s.publisher
                         for word in s.name.split() for part in (word, *word.split("-")) if part}  # fmt: skip
        self.speakers |= {part.lower() for a in attributions for sp in a.source
                          for word in sp.text.split() for part in (word, *word.split("-")) if part}  # fmt: skip
        self.messages = [m for a in attributions for m in a.message]
        self.message_of = {a.id: a.message for a in attributions}
        self.marks = lexicon.language.quote_characters
        self.by_id = {a.id: a for a in attributions}
        # the outlet's own furniture does not count as a use: headlines and subheadings
        heads = [b.span for b in self.analysis.article.blocks if b.kind in (BlockKind.HEADLINE, BlockKind.SUBHEADING)]
        self.body_tokens = [t for t in self.analysis.tokens if not any(h.start <= t.span.start < h.end for h in heads)]

    def is_evidence(self, claim: Claim) -> bool:
        """Whether a supporting claim is evidence, not the outlet restating its framing: a subheading,
        or an own sentence with the same generalisation or loaded word, is not."""
        if claim.sentence not in self.evidence:
            self.evidence[claim.sentence] = self._is_evidence(claim)
        return self.evidence[claim.sentence]

    def _is_evidence(self, claim: Claim) -> bool:
        block = self.analysis.article.block_at(claim.span.start)
        if block is not None and block.kind is BlockKind.SUBHEADING:
            return False
        if claim.asserted_by is Assertor.OUTLET:
            generalises = self.lexicon.generalisation_pattern.search(claim.span.text.lower())
            return not generalises and not _loaded(self.index.within(claim.span), self.lexicon)
        return True

    def support(self, groups: list[frozenset[str]], in_block: set[int]) -> tuple[list[Claim], list[int]]:
        """The best supporting claims (evidence only), and every sentence that matches, restatements
        included; a headline word matches by its stem or a synonym's, a name of several words once."""
        shared = {s: [g for g in groups if g & cs] for s, cs in self.claim_stems.items() if s not in in_block}
        matching = [s for s, gs in shared.items() if _supports(len(gs), len(groups))]
        evidence = [s for s in matching if self.is_evidence(self.by_sentence[s])]
        scored = sorted(evidence, key=lambda s: (-len(shared[s]), s))[:_MAX_SUPPORT]
        return [self.by_sentence[s] for s in sorted(scored)], matching

    def covering(self, groups: list[frozenset[str]], in_block: set[int]) -> list[Claim]:
        """The sentences that together have nearly every content word of the proposition, though no
        one sentence has enough: a paraphrase ("Die Jungen entdecken die Börse" over "junge Menschen
        … Finanzmärkte", "Aktiensparer unter 30"), weighed like support; nothing where the body
        lacks the words, which is a claim the body does not make."""
        if len(groups) < _MIN_COVERED:
            return []
        shared = {s: sum(1 for g in groups if g & cs) for s, cs in self.claim_stems.items()
                  if s not in in_block and self.is_evidence(self.by_sentence[s])}  # fmt: skip
        found = set().union(*(self.claim_stems[s] for s, n in shared.items() if n))
        if sum(1 for g in groups if g & found) < _COVERED_SHARE * len(groups):
            return []
        scored = sorted((s for s, n in shared.items() if n), key=lambda s: (-shared[s], s))[:_MAX_SUPPORT]
        return [self.by_sentence[s] for s in sorted(scored)]

    def carrying(self, tokens: list[Token], support: list[Claim], matching: list[int]) -> list[Claim]:
        """The supporting sentences that carry the headline's crux, its numbers, superlatives and
        exclusive words ("Adele 10 Kilo abgenommen", "Europas erste Anlage"): the body's "einige Kilos"
        supports the rest of it, not the number.  All the support where the headline has no crux."""
        exclusive = self.lexicon.word_list("exclusive_words")
        crux = [t for t in tokens if t.pos == "NUM" or t.feature("Degree") == "Sup"
                or (t.lemma or t.text).lower() in exclusive]  # fmt: skip
        if not crux:
            return support
        evidence = [self.by_sentence[s] for s in matching if self.is_evidence(self.by_sentence[s])]
        carrying = [c for c in evidence if all(_forms(t) & self.words_of(c) for t in crux)]
        return carrying or support

    def words_of(self, claim: Claim) -> set[str]:
        if claim.sentence not in self.claim_words:
            self.claim_words[claim.sentence] = {w for t in self.index.within(claim.span) for w in _forms(t)}
        return self.claim_words[claim.sentence]

    def adopted_findings(self, tokens: list[Token]) -> tuple[HeadlineFinding, ...]:
        """A headline word the body has only in quotation marks inside what a source said ("ein
        „Quantensprung“, hieß es aus dem Rathaus"): the headline adopts the source's word as its own."""
        if any(t.text in self.marks for t in tokens):
            return ()  # the headline quotes
        found = []
        if self.body_words is None:  # the body's words and their lower-cased texts, read once
            words = _hyphenated_words(self.body_tokens)
            self.body_words = list(zip(words, (_text_of(w).lower() for w in words), strict=True))
        for parts in _hyphenated_words(tokens):
            word = _text_of(parts).lower()
            if parts[-1].pos not in ("NOUN", "ADJ") or len(word) < _MIN_ADOPTED or not word.replace("-", "").isalpha():
                continue
            block = self.analysis.article.block_at(parts[0].span.start)
            uses = [w for w, text in self.body_words if text == word
                    and not (block and block.span.start <= w[0].span.start < block.span.end)]  # fmt: skip
            if uses and any(self.quoted(*w) for w in uses) and all(self.quoted(*w) or self.said(w[0]) for w in uses):
                said = [m for w in uses for m in self.messages if m.start <= w[0].span.start < m.end]
                who = sorted({self.names[s.id] for s in self.sources if not s.publisher
                              and any(m in said for a in s.attributions for m in self.message_of[a])})  # fmt: skip
                span = Span.of(self.analysis.article.text, parts[0].span.start, parts[-1].span.end)
                found.append(HeadlineFinding(
                    FindingCode.STATED_AS_FACT,
                    f"“{span.text}” is a source's word, in quotation marks in the body"
                    + (f" ({', '.join(who)})" if who else "") + ": the headline uses it as its own",
                    span, tuple(dict.fromkeys(said)),
                ))  # fmt: skip
        return tuple(found)

    def quoted(self, token: Token, *rest: Token) -> bool:
        """Whether a body word (its tokens) is a quoted word: in quotation marks a few words wide,
        inside what a source said."""
        tokens, i, j = self.analysis.tokens, token.index, (rest[-1] if rest else token).index
        opens = any(tokens[k].text in self.marks for k in range(max(0, i - _QUOTED_WIDTH), i))
        closes = any(tokens[k].text in self.marks for k in range(j + 1, min(len(tokens), j + 1 + _QUOTED_WIDTH)))
        return opens and closes and self.said(token)

    def said(self, token: Token) -> bool:
        return any(m.start <= token.span.start < m.end for m in self.messages)

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

    def holds(self, claim: Claim) -> bool:
        """Whether a supporting sentence makes its content fact: the outlet asserts it, or an authority
        performs it ("…, entschied das Verwaltungsgericht": a ruling or decision is an act, not a claim);
        a hedged or disputed sentence never does."""
        if claim.status in (EpistemicStatus.HEDGED, EpistemicStatus.DISPUTED):
            return False
        if claim.asserted_by is Assertor.OUTLET:
            return claim.status is EpistemicStatus.ASSERTED
        acts = self.lexicon.word_list("performative_cues")
        cues = [t for a in claim.attributions for span in self.by_id[a].cue for t in self.index.within(span)]
        return any((t.lemma or t.text).lower() in acts for t in cues)

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
        groups = _stem_groups(tokens, self.lexicon)
        support, matching = self.support(groups, in_block)
        if not support and not matching:
            support = self.covering(groups, in_block)
        findings = []
        if not support:
            restated = tuple(self.by_sentence[s].span for s in matching)  # subheadings, the outlet repeating itself
            message = ("the body only repeats this in the outlet's own words" if restated
                       else "no sentence of the body supports this")  # fmt: skip
            findings.append(HeadlineFinding(FindingCode.UNSUPPORTED, message, span, restated))
        elif not quoted and not _is_marked(tokens, self.lexicon):
            carrying = self.carrying(tokens, support, matching)
            if not any(map(self.holds, carrying)):
                findings.append(self.stated_as_fact(span, carrying))
        if (general := self.generalises(span, support)) is not None:
            findings.append(general)
        findings.extend(self.loaded_findings(tokens))
        findings.extend(self.adopted_findings(tokens))
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
    sites = publisher_forms(analysis)  # "… | ZDNet.de": the page title's site name, in its forms
    for k in heads:
        block = article.blocks[k]
        in_block = {s.index for s in analysis.sentences if s.block == k}
        if block.kind is BlockKind.STANDFIRST and len(in_block) > _MAX_STANDFIRST_SENTENCES:
            continue  # a long lead paragraph is the body's first paragraph, not a teaser
        segments = _segments(body.index.within(block.span), body.speakers, body.lexicon)
        for n, (tokens, is_proposition, quoted) in enumerate(segments):
            if block.kind is BlockKind.HEADLINE and _names_the_site(tokens, sites):
                continue  # "… | ZDNet.de", "… - reitschuster.de": the page title's site name
            if block.kind is BlockKind.STANDFIRST and n == 0 and len(segments) > 1 and _dateline(tokens):
                continue  # "München / Berlin - Bayerns Minister …": where the report was filed
            if is_proposition:
                propositions.append(body.proposition(tokens, quoted, in_block))
            elif loaded := body.loaded_findings(tokens) + body.adopted_findings(tokens):  # fmt: skip
                # a label ("Regierungschaos in Berlin"): only its words
                span = Span.of(article.text, tokens[0].span.start, tokens[-1].span.end)
                labels.add(span)
                propositions.append(HeadlineProposition(span, (), loaded))
    return HeadlineCheck(verdict=_verdict(article, propositions, labels), propositions=tuple(propositions))


def _dateline(tokens: list[Token]) -> bool:
    """Whether a lead's first part is a dateline: place names, slashes, an agency in parentheses
    ("München / Berlin", "Bogotá (dpa)")."""
    depth, names = 0, 0
    for t in tokens:
        depth += (t.text == "(") - (t.text == ")")
        if depth or t.text in ("/", "(", ")"):
            continue
        if t.pos not in ("PROPN", "NOUN") or not t.text[:1].isupper():  # the tagger takes many a place for a noun
            return False
        names += 1
    return 0 < names <= _MAX_DATELINE_NAMES


def _names_the_site(tokens: list[Token], sites: frozenset[str]) -> bool:
    """Whether a headline segment is the site's name, as page titles append it: the publisher found
    in the metadata or the page, or the URL's host ("RECYCLING magazin" for recyclingmagazin.de)."""
    segment = alnum(" ".join(t.text for t in tokens))
    return bool(segment) and segment in sites


def _verdict(article: Article, propositions: list[HeadlineProposition], labels: set[Span]) -> Verdict:
    """Stronger than the body on a finding, or where the headline states one thing the body
    supports and another it does not ("Waldwege unrechtsmäßig gesperrt: Polizei ermittelt");
    unsupported where the body supports none of the headline's propositions."""
    codes = {f.code for p in propositions for f in p.findings}
    in_headline = [p for p in propositions if (b := article.block_at(p.span.start)) and b.kind is BlockKind.HEADLINE]
    headline_props = [p for p in in_headline if p.span not in labels]
    if codes & {FindingCode.STATED_AS_FACT, FindingCode.GENERALISES, FindingCode.LOADED_WORD}:
        return Verdict.STRONGER_THAN_BODY
    unsupported = [p for p in headline_props if any(f.code is FindingCode.UNSUPPORTED for f in p.findings)]
    if headline_props and len(unsupported) == len(headline_props):
        return Verdict.UNSUPPORTED  # the headline's own propositions, whatever the standfirst does
    if unsupported:
        return Verdict.STRONGER_THAN_BODY  # the headline adds a proposition the body does not make
    return Verdict.SUPPORTED


__all__ = ["check_headline"]
