"""Human-readable labels shared by the text and HTML renderers."""

from __future__ import annotations

from ..model import Attribution, AttributionType, SourceKind

TYPE_LABELS = {
    AttributionType.DIRECT: "direct quote", AttributionType.INDIRECT: "indirect speech",
    AttributionType.REPORTED: "reported speech act", AttributionType.FREE_INDIRECT: "hearsay (soll)",
    AttributionType.INDIRECT_FREE_INDIRECT: "continued indirect speech",
}  # fmt: skip
KIND_LABELS = {
    SourceKind.PERSON: "person", SourceKind.ORGANISATION: "organisation", SourceKind.MEDIA: "media",
    SourceKind.STATE: "state/official", SourceKind.VAGUE: "vague", SourceKind.ANONYMOUS: "no source",
    SourceKind.PRONOUN: "pronoun", SourceKind.UNKNOWN: "unclassified",
}  # fmt: skip


def source_text(att: Attribution) -> str:
    return " ".join(s.text for s in att.source) or "(no source named)"
