"""Attributions carried over from context: Konjunktiv continuations and reportative *sollen*.

German news keeps reporting a source's words in Konjunktiv I after one cue ("Der Staatsanwalt
sagte, … Dies sei eindeutig nachzuweisen gewesen."), or in Konjunktiv II where Konjunktiv I equals
the indicative ("Die Behörden könnten …"); such sentences are free indirect speech of the last
speaker.  A "soll"-sentence without a cue of its own is hearsay: it is attributed to
the last speaker of the same or previous paragraph, else to nobody (an anonymous source).
"""

from __future__ import annotations

from collections.abc import Sequence

from ...attribution.draft import Draft, in_heading
from ...model import Analysis, AttributionType, BlockKind, Medium, Sentence, Token
from . import LANGUAGE
from . import rules as R
from .mood import finite_verbs, is_konjunktiv_i, is_konjunktiv_ii, reportative_in

SPEAKER_REACH = 1  # paragraphs back that a speaker carries
_CITATIONS = (R.LAUT.id, R.ZUFOLGE.id, R.NACH.id, R.GEMAESS.id)  # "laut X": a citation, also inside a report


def continuation_drafts(analysis: Analysis, accepted: list[Draft]) -> list[Draft]:
    """New drafts for sentences that no accepted draft covers; fills free quotes' speakers."""
    tokens = analysis.tokens
    covered: dict[int, list[Draft]] = {}
    for draft in accepted:
        for i in draft.message + draft.frame:
            covered.setdefault(tokens[i].sentence, []).append(draft)
    out: list[Draft] = []
    last: Draft | None = None
    voice: Draft | None = None  # the last report with a speaker: evidence ("wie die Demo belegt") utters no quote
    chain = False
    for sentence in analysis.sentences:
        own = covered.get(sentence.index, [])
        if own:
            for draft in own:
                if (
                    voice is not None
                    and not draft.source
                    and draft.rule == R.FREE_DIRECT_QUOTE.id
                    and _near(analysis, voice, sentence.block)
                ):
                    draft.source, draft.medium = list(voice.source), voice.medium
            with_source = [d for d in own if d.source]
            cited_inside = (
                chain and last is not None and _near(analysis, last, sentence.block)
                and all(d.rule.endswith(_CITATIONS) for d in with_source) and _konjunktiv(tokens, sentence)
            )  # fmt: skip
            if with_source and not cited_inside:  # "laut Marktprognosen" in a speaker's report: the speaker goes on
                last = max(with_source, key=lambda d: d.first)
                voice = max([d for d in with_source if not _shows(tokens, d)], key=lambda d: d.first, default=voice)
            chain = True
            continue
        s, e = sentence.token_start, sentence.token_end
        if _subheading(analysis, sentence.block):  # "Massive Korruption" between two paragraphs of a report
            continue
        message = list(range(s, e))
        finite = finite_verbs(tokens, s, e)
        konj = _konjunktiv(tokens, sentence)
        if chain and konj and last is not None and _near(analysis, last, sentence.block):
            out.append(Draft(AttributionType.INDIRECT_FREE_INDIRECT, last.medium, message,
                             source=list(last.source), rule=R.KONJUNKTIV_CONTINUATION.id,
                             priority=R.KONJUNKTIV_CONTINUATION.priority, sentence=sentence.index))  # fmt: skip
            continue
        hearsay = bool(reportative_in(tokens, s, e))
        modal = any(tokens[i].text.lower() in ("soll", "sollen") for i in finite)
        near = last is not None and _near(analysis, last, sentence.block)
        if hearsay or (modal and near and chain):
            source = list(last.source) if near and last is not None else []
            medium = last.medium if source and last is not None else Medium.UNKNOWN
            out.append(Draft(AttributionType.FREE_INDIRECT, medium, message, source=source,
                             rule=R.REPORTATIVE_SOLLEN.id, priority=R.REPORTATIVE_SOLLEN.priority,
                             sentence=sentence.index))  # fmt: skip
            continue
        chain = False
    return out


def _shows(tokens: Sequence[Token], draft: Draft) -> bool:
    """Whether a report is evidence that shows something (word list ``evidence_verbs``: "wie auch
    die Demo belegt", "Eine Studie zeigt"): it goes on in Konjunktiv, but speaks no quotation."""
    return any(tokens[i].lemma.lower() in LANGUAGE.lexicon.word_list("evidence_verbs") for i in draft.cue)


def _konjunktiv(tokens: Sequence[Token], sentence: Sentence) -> bool:
    """Whether the sentence has a Konjunktiv that goes on reporting; not the writer's own estimate
    "dürfte" ("Sie dürfte das System entlasten", word list ``epistemic_subjunctive``)."""
    s, e = sentence.token_start, sentence.token_end
    return any(
        (is_konjunktiv_i(tokens[i], tokens[i - 1] if i > s else None) or is_konjunktiv_ii(tokens[i]))
        and tokens[i].text.lower() not in _EPISTEMIC
        for i in finite_verbs(tokens, s, e)
    )  # fmt: skip


_EPISTEMIC = LANGUAGE.lexicon.word_list("epistemic_subjunctive")


def _near(analysis: Analysis, draft: Draft | None, block: int) -> bool:
    """Whether a draft's speaker is close enough to carry over: at most ``SPEAKER_REACH`` blocks
    back, and not in a headline (whose "Bayern fordert …" is not the speaker of the body's report)."""
    if draft is None or not draft.source or in_heading(analysis, draft.source[0]):
        return False
    their = analysis.sentences[analysis.tokens[draft.source[0]].sentence].block
    between = sum(_subheading(analysis, b) for b in range(their + 1, block))  # a subheading is no paragraph
    return block - their - between <= SPEAKER_REACH


def _subheading(analysis: Analysis, block: int) -> bool:
    return analysis.article.blocks[block].kind is BlockKind.SUBHEADING
