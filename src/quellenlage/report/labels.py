"""Human-readable labels shared by the text and HTML renderers."""

from __future__ import annotations

from collections.abc import Sequence

from ..lang import Language
from ..model import Analysis, Attribution, AttributionType, Chain, Source, SourceKind, Span
from .ui import ui_words

TYPE_LABELS = {AttributionType(k): v for k, v in ui_words("en")["types"].items()}


def type_label(kind: AttributionType, language: Language) -> str:
    """The display label of an attribution type, in the language's own words where it has them
    (German's hearsay is "hearsay (soll)")."""
    own = language.label(kind.value)
    return own if own != kind.value else TYPE_LABELS[kind]


KIND_LABELS = {SourceKind(k): v for k, v in ui_words("en")["kinds"].items()}


def source_text(att: Attribution) -> str:
    return " ".join(s.text for s in att.source) or "(no source named)"


VERDICT_LABELS: dict[str, str] = ui_words("en")["verdicts"]


def chain_text(analysis: Analysis, chain: Chain) -> str:
    """ "News.de → Express → Taras Kuzio (Twitter)"."""
    names = {s.id: s.name for s in analysis.sources}
    return " → ".join(names[i] for i in chain.path) + (f" ({chain.channel})" if chain.channel else "")


def outermost(spans: tuple[Span, ...]) -> list[Span]:
    """The spans not inside another one: the evidence sentences, without their trigger words."""
    return [s for s in spans if not any(o != s and o.contains(s) for o in spans)]


def source_line(source: Source, with_kind: bool = True) -> str:
    """ "Taras Kuzio, Professor für Politikwissenschaft · person · Twitter"."""
    parts = [source.name + (f", {source.role.text}" if source.role else "")]
    if with_kind:
        parts.append(KIND_LABELS[source.kind])
    if source.country:
        parts.append(source.country)
    if source.channels:
        parts.append(", ".join(source.channels))
    return " · ".join(parts)


def spans_phrase(spans: Sequence[Span]) -> str:
    """The spans' words in order, with " … " where words of the sentence lie between two of them
    ("Wie … behauptet", "teilte … mit"), a space where only a space does."""
    out = ""
    for k, span in enumerate(spans):
        if k:
            out += " … " if span.start - spans[k - 1].end > 1 else " "
        out += span.text
    return out
