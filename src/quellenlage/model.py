"""The data model: one fixed article text, every finding a character span into it.

All classes are frozen and slotted; collections are tuples.  ``Article.text`` never changes once
made, and every :class:`Span` satisfies ``article.text[span.start:span.end] == span.text``
(Python string indices, half-open).  This module imports nothing from the package.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range ``[start, end)`` of Python string indices into ``Article.text``."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """Make the span of ``text[start:end]``, checking the bounds."""
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"span ({start}, {end}) outside text of length {len(text)}")
        return cls(start, end, text[start:end])

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


class BlockKind(StrEnum):
    """The role of a block of the article text."""

    HEADLINE = "headline"
    STANDFIRST = "standfirst"
    SUBHEADING = "subheading"
    PARAGRAPH = "paragraph"


class AttributionType(StrEnum):
    """Form of reported speech (the German news quotation dataset's ``type``)."""

    DIRECT = "direct"  # quotation marks: „…“
    INDIRECT = "indirect"  # reporting verb + complement, often Konjunktiv I
    FREE_INDIRECT = "free_indirect"  # Konjunktiv I continuation without its own cue
    INDIRECT_FREE_INDIRECT = "indirect_free_indirect"
    REPORTED = "reported"  # laut X, X zufolge, nach Angaben von X, a speech-act noun


class Medium(StrEnum):
    """Whether the source spoke, wrote or thought (the dataset's ``medium``)."""

    SPEECH = "speech"
    WRITING = "writing"
    THOUGHT = "thought"
    SPEECH_OR_WRITING = "speech_or_writing"
    SPEECH_OR_THOUGHT = "speech_or_thought"
    THOUGHT_OR_WRITING = "thought_or_writing"
    UNKNOWN = "unknown"


class SourceKind(StrEnum):
    """A first, mention-level typing of who a source is."""

    PERSON = "person"
    ORGANISATION = "organisation"
    MEDIA = "media"
    STATE = "state"
    VAGUE = "vague"  # unspecific people, groups, documents: Experten, Beobachter, viele, laut Studie
    # insiders kept unnamed on purpose ("Quellen aus dem Umfeld von Apple", "Regierungskreise"), or no
    # source given at all (passive, "es heißt")
    ANONYMOUS = "anonymous"
    PRONOUN = "pronoun"  # er, sie: needs resolution
    UNKNOWN = "unknown"


class HedgeKind(StrEnum):
    """Why a stretch of text is marked as hedged or weakly sourced."""

    REPORTATIVE_MODAL = "reportative_modal"  # soll/sollen/will + infinitive
    ADVERB = "adverb"  # angeblich, mutmaßlich, offenbar, vermutlich
    SUBJUNCTIVE = "subjunctive"  # a subjunctive finite verb (German: Konjunktiv I or II)
    DISTANCING_VERB = "distancing_verb"  # behaupten, glauben machen
    HEDGING_VERB = "hedging_verb"  # scheinen (zu), gelten als, es wird vermutet
    VAGUE_SOURCE = "vague_source"  # Experten, Beobachter, Kreise, viele


class Verdict(StrEnum):
    """Whether the body supports the headline (and standfirst)."""

    SUPPORTED = "supported"
    STRONGER_THAN_BODY = "stronger_than_body"
    UNSUPPORTED = "unsupported"
    NO_HEADLINE = "no_headline"


class FindingCode(StrEnum):
    """How a headline says more than its body."""

    STATED_AS_FACT = "stated_as_fact"  # the body only attributes or hedges it
    GENERALISES = "generalises"  # a trend ("immer mehr") the body gives no sourced case for
    LOADED_WORD = "loaded_word"  # the outlet's word: no source in the body uses it
    UNSUPPORTED = "unsupported"  # the body only repeats it in the outlet's own words


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A recoverable oddity in the input or analysis, reported instead of raised."""

    code: str
    message: str
    severity: Severity = Severity.WARNING
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Metadata:
    """What is known about the article besides its text."""

    title: str | None = None
    date: str | None = None
    author: str | None = None
    site_name: str | None = None
    section: str | None = None
    url: str | None = None
    language: str = "de"
    input_format: str = "text"


@dataclass(frozen=True, slots=True)
class Block:
    """A headline, standfirst, subheading or paragraph of the article text."""

    kind: BlockKind
    span: Span


@dataclass(frozen=True, slots=True)
class Article:
    """The analysed text, fixed once made, and its metadata.

    ``dropped`` lists the lines removed as boilerplate (share buttons, credits, follow-us lines),
    so that a reader can check that nothing of the article was lost.  ``diagnostics`` says what
    ingestion had to repair in the input (lone surrogates replaced, say); the analysis starts from them.
    """

    text: str
    blocks: tuple[Block, ...]
    metadata: Metadata = field(default_factory=Metadata)
    dropped: tuple[str, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()

    def span(self, start: int, end: int) -> Span:
        return Span.of(self.text, start, end)

    def block_at(self, offset: int) -> Block | None:
        for block in self.blocks:
            if block.span.start <= offset < block.span.end:
                return block
        return None


@lru_cache(maxsize=4096)
def _features(morph: str) -> dict[str, str]:
    """UD features ("Case=Nom|Number=Sing") as a mapping, parsed once per distinct string: the
    rules and the CRF ask for them hundreds of thousands of times per corpus."""
    return dict(item.partition("=")[::2] for item in morph.split("|") if item)


@dataclass(frozen=True, slots=True)
class Token:
    """A token with its morpho-syntactic annotation (empty strings until tagged).

    ``head`` is the index of the syntactic head in ``Analysis.tokens`` (itself for a root).
    ``morph`` is the UD feature string, e.g. ``Mood=Sub|Number=Sing|Person=3|Tense=Pres``.
    """

    index: int
    span: Span
    sentence: int
    lemma: str = ""
    pos: str = ""
    tag: str = ""
    morph: str = ""
    dep: str = ""
    head: int = -1

    @property
    def text(self) -> str:
        return self.span.text

    def feature(self, name: str) -> str | None:
        return _features(self.morph).get(name)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: its span, its tokens ``[token_start, token_end)`` and its block."""

    index: int
    span: Span
    token_start: int
    token_end: int
    block: int


@dataclass(frozen=True, slots=True)
class Hedge:
    """A marker that weakens or distances the text from a claim; ``trigger`` is the cue."""

    kind: HedgeKind
    trigger: Span
    sentence: int
    lexeme: str


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who says what: one act of reported speech, thought or writing.

    Each role is a tuple of spans, because roles can be discontinuous (``teilte … mit``).
    ``rule`` names the construction handler that found it, so a reader can see why.
    ``parent`` is the id of the attribution this one is nested in (a quote inside a quote).
    """

    id: int
    type: AttributionType
    medium: Medium
    cue: tuple[Span, ...]
    source: tuple[Span, ...]
    message: tuple[Span, ...]
    addressee: tuple[Span, ...] = ()
    frame: tuple[Span, ...] = ()
    source_kind: SourceKind = SourceKind.UNKNOWN
    hedged: bool = False
    rule: str = ""
    parent: int | None = None


class Assertor(StrEnum):
    """Who stands behind a body sentence."""

    OUTLET = "outlet"  # the publication, on its own authority
    SOURCE = "source"  # an attributed source
    MIXED = "mixed"  # both: the outlet's own words around an attributed part


class EpistemicStatus(StrEnum):
    ASSERTED = "asserted"  # stated as fact
    ATTRIBUTED = "attributed"  # reported with a neutral cue (sagte, laut)
    HEDGED = "hedged"  # soll, angeblich, Konjunktiv in the outlet's voice, distancing cue (behauptet)
    DISPUTED = "disputed"  # denied or contested (dementiert, bestreitet, wies zurück)


@dataclass(frozen=True, slots=True)
class Source:
    """One source as an entity: all its mentions in the article merged (Taras Kuzio, Kuzio, er).

    ``role`` is the role or affiliation as the article gives it ("Professor für Politikwissenschaft");
    ``country`` an ISO 3166-1 code for states; ``channels`` the platforms it spoke on ("Twitter");
    ``publisher`` marks the publishing outlet itself, which has no attributions of its own.
    """

    id: int
    name: str
    kind: SourceKind
    mentions: tuple[Span, ...] = ()
    role: Span | None = None
    country: str | None = None
    attributions: tuple[int, ...] = ()
    channels: tuple[str, ...] = ()
    publisher: bool = False


@dataclass(frozen=True, slots=True)
class Chain:
    """Who relayed whom: ``path`` holds source ids from the publisher to the original speaker.

    ``evidence`` are the spans that show each link (the relaying outlet's cue and mention).
    """

    path: tuple[int, ...]
    channel: str | None = None
    evidence: tuple[Span, ...] = ()

    @property
    def depth(self) -> int:
        return len(self.path) - 1


@dataclass(frozen=True, slots=True)
class Claim:
    """A body sentence and who asserts it; ``triggers`` show why its status is not plain assertion."""

    sentence: int
    span: Span
    asserted_by: Assertor
    status: EpistemicStatus
    sources: tuple[int, ...] = ()
    attributions: tuple[int, ...] = ()
    triggers: tuple[Span, ...] = ()
    checkworthy: tuple[Span, ...] = ()  # numbers, dates, quantities


@dataclass(frozen=True, slots=True)
class HeadlineFinding:
    """One way a headline or standfirst says more than the body: with the spans that show it."""

    code: FindingCode
    message: str
    span: Span  # in the headline or standfirst
    evidence: tuple[Span, ...] = ()  # in the body


@dataclass(frozen=True, slots=True)
class HeadlineProposition:
    span: Span
    support: tuple[int, ...] = ()  # sentence indexes of the body claims that support it
    findings: tuple[HeadlineFinding, ...] = ()


@dataclass(frozen=True, slots=True)
class HeadlineCheck:
    """``verdict``: supported, stronger_than_body, unsupported, or no_headline."""

    verdict: Verdict
    propositions: tuple[HeadlineProposition, ...] = ()

    @property
    def findings(self) -> tuple[HeadlineFinding, ...]:
        return tuple(f for p in self.propositions for f in p.findings)


@dataclass(frozen=True, slots=True)
class Analysis:
    """The article and everything found in it; stages return new instances."""

    article: Article
    sentences: tuple[Sentence, ...] = ()
    tokens: tuple[Token, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    hedges: tuple[Hedge, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    sources: tuple[Source, ...] = ()
    chains: tuple[Chain, ...] = ()
    claims: tuple[Claim, ...] = ()
    headline: HeadlineCheck | None = None
    layers: frozenset[str] = frozenset()

    def sentence_tokens(self, sentence: Sentence) -> tuple[Token, ...]:
        return self.tokens[sentence.token_start : sentence.token_end]
