"""The learned attribution stage: the CRF re-reads the article with the rules' findings as features.

It runs after the rules (:class:`quellenlage.attribution.Attribute`) and replaces their
attributions, with one exception: the lexically anchored constructions in ``PREFER_RULES``
("X: „…“", "„…“, sagte X", "laut X", "wie X berichtet", "soll … haben", Q&A answers, …) keep the
rules' reading wherever they fire.  On the dev split preferring them costs under a point of Joint
F1 (each was measured alone, docs/MODEL_CARD.md), and they carry what the dataset's conventions
drop but the product needs: the cue of reported speech, the medium, the distancing verb.  Where a
learned attribution overlaps another rule's, it takes the rule's name ("learned+verb+clause") and
its distancing flag.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .. import lexicons
from ..attribution.draft import Draft
from ..attribution.quotes import find_quotes
from ..attribution.stage import _to_attribution
from ..model import Analysis, Attribution
from .features import TokenOverlap
from .labels import decode
from .tagger import AttributionTagger, shipped_tagger

PREFER_RULES = frozenset({
    "X: „…“", "„…“, sagte X", "„…“, so X", "so X", "laut X", "nach X", "zufolge X", "wie X berichtet",
    "heißt es", "noun+clause", "reportative sollen", "interview_answer", "speech act", "X sagte: „…“",
    "free direct quote", "Konjunktiv continuation",
})  # fmt: skip


@dataclass(frozen=True)
class LearnedAttribute:
    """Attributions from the trained tagger (``tagger=None``: the model shipped in the package)."""

    tagger: AttributionTagger | None = None
    keep_rules: bool = True  # False: the model's reading alone (the dataset's conventions; eval --model-only)
    name: str = "attribute-learned"
    requires: frozenset[str] = frozenset({"tokens", "sentences", "morphology", "syntax", "lemmas", "attributions"})
    provides: frozenset[str] = frozenset({"attributions"})

    def __call__(self, analysis: Analysis) -> Analysis:
        tagger = self.tagger or shipped_tagger()
        quotes, _ = find_quotes(analysis)
        drafts = decode(analysis, tagger.labels(analysis), quotes)
        if self.keep_rules:
            drafts = _merge_rules(analysis, drafts)
        ordered = sorted(drafts, key=lambda d: (d.first, d.parent is not None))
        ids = {id(d): n for n, d in enumerate(ordered)}
        made = tuple(_to_attribution(analysis, d, ids[id(d)], ids) for d in ordered)
        return replace(analysis, attributions=made)


def _merge_rules(analysis: Analysis, learned: list[Draft]) -> list[Draft]:
    """The rules' attributions of ``PREFER_RULES`` kinds (with their nested quotes) in place of the
    learned ones they overlap; the other learned ones named after the rule they overlap."""
    cues = lexicons.verb_cues()
    index = TokenOverlap(analysis.tokens)
    preferred: dict[int, Draft] = {}
    others: list[Draft] = []  # the other top-level rule findings
    for att in analysis.attributions:
        parent = preferred.get(att.parent) if att.parent is not None else None
        if att.rule in PREFER_RULES or parent is not None:
            preferred[att.id] = _draft(att, index, parent)
        elif att.parent is None:
            others.append(_draft(att, index))
    # a learned message may not overlap what a preferred rule found, its frame included
    taken = {i for d in preferred.values() for part in (d.message, d.frame, d.cue, d.source) for i in part}
    kept = []
    for draft in learned:
        top = draft.parent or draft
        if taken & set(top.message):
            continue
        mine = set(draft.message)
        best = max(others, key=lambda r: len(mine.intersection(r.message)), default=None)
        if best is not None and mine.intersection(best.message):
            draft.rule = f"learned+{best.rule}"
            draft.distancing = best.distancing
        draft.distancing = draft.distancing or any(
            cues[lem].distancing for lem in (analysis.tokens[i].lemma.lower() for i in draft.cue) if lem in cues
        )
        kept.append(draft)
    covered = taken | {i for d in kept for i in d.message}
    # what the rules found and the model did not see stays (everything found before is still found)
    kept += [d for d in others if not covered.intersection(d.message)]
    return kept + list(preferred.values())


def _draft(att: Attribution, index: TokenOverlap, parent: Draft | None = None) -> Draft:
    parts = index.parts(att)
    return Draft(
        type=att.type, medium=att.medium, message=parts["message"], cue=parts["cue"], source=parts["source"],
        frame=parts["frame"], addressee=parts["addressee"], rule=att.rule, distancing=att.hedged, parent=parent,
    )  # fmt: skip


__all__ = ["PREFER_RULES", "LearnedAttribute"]
