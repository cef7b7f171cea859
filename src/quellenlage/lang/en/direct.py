"""English direct quotes linked to their speakers.

A quotation of four or more words is speech.  Where a sentence-level finding already reads part
of it as content ("“…,” he said" parsed as a parenthetical), that finding's content grows to the
whole quotation, across sentences.  Otherwise the frame is looked for right after the quotation
("“…,” said Smith." / "“…” he added."; the noun phrase right after the verb is its subject,
however the parse attached it) and then before it in the same sentence or a sentence that ends
in a colon ("She tweeted: “…”").  A quotation that its predecessor's frame alone interrupts
(“A,” he said, “B.”), or one with no frame that goes on with a direct quotation in the same or the
next paragraph with no finding between them, is more of that quotation's content (PolNeAR's
convention: one statement in parts); otherwise it keeps the speaker of the quotation before it
(free direct speech).
"""

from __future__ import annotations

from ...attribution.draft import Draft
from ...attribution.quotes import Quote, is_name
from ...attribution.syntax import SentenceView
from ...model import Analysis, AttributionType, Medium
from . import rules as R
from .frames import _cue, _source, balanced

_LONG = 4
_FRAME_AFTER = 12  # tokens after a quotation that can still be its frame ("Clinton told Fox in the interview, taped …")


def quote_drafts(
    analysis: Analysis, quotes: list[Quote], views: list[SentenceView], drafts: list[Draft]
) -> list[Draft]:
    """New drafts for quotations no finding covers; findings that cover part of one take all of it."""
    view_of = {v.sentence.index: v for v in views}
    out: list[Draft] = []
    last: Draft | None = None
    for quote in sorted((q for q in quotes if q.depth == 0), key=lambda q: q.open):
        span = list(range(quote.open, quote.close + 1))
        words = [i for i in quote.inner if analysis.tokens[i].pos != "PUNCT"]
        inside = set(span)
        owner = next((d for d in drafts + out if inside & set(d.message) and not inside & set(d.cue)), None)
        if len(words) < _LONG or is_name(analysis, quote):
            if owner is not None and owner.type is AttributionType.DIRECT and set(owner.message) <= inside:
                last = owner  # "“We will win,” she said": a short quotation a finding has whole is speech
            continue
        if owner is not None:
            owner.message = _runs(analysis, set(owner.message) | inside)
            if owner.type is AttributionType.INDIRECT and set(owner.message) <= inside:
                owner.type, owner.medium = AttributionType.DIRECT, Medium.SPEECH
            last = owner
            continue
        if last is not None and _interrupted(analysis, last, quote):  # “A,” he said, “B.”: one statement
            last.message = _runs(analysis, set(last.message) | inside)
            continue
        view = view_of.get(analysis.tokens[quote.close].sentence)
        opening = view_of.get(analysis.tokens[quote.open].sentence)
        draft = (_frame_after(quote, view, span) if view else None) or (
            _frame_before(quote, opening, view_of, span) if opening else None
        )
        if draft is None and last is not None and last.source and _near(analysis, last, quote):
            if _continues(last, quote, drafts + out):  # “…,” X said. “…” — one statement in parts
                last.message = _runs(analysis, set(last.message) | inside)
                continue
            draft = Draft(AttributionType.DIRECT, Medium.SPEECH, span, source=list(last.source),
                          rule=R.FREE_DIRECT_QUOTE.id, priority=R.FREE_DIRECT_QUOTE.priority)  # fmt: skip
        if draft is not None:
            out.append(draft)
            last = draft
    return out


def _frame_after(quote: Quote, view: SentenceView, span: list[int]) -> Draft | None:
    """“…,” he said. — a cue verb with its subject in the few tokens after the quotation."""
    end = view.final_punct() or view.end
    # “A,” he said, “B.”: the frame ends where the next quotation opens
    end = next((k for k in range(quote.close + 1, end) if view.is_quote(k)), end)
    rest = list(range(quote.close + 1, end))
    if not rest or len(rest) > _FRAME_AFTER:
        return None
    for v in rest:
        cue = view.cue(v)
        source = _source(view, v) if cue is not None else []
        if cue is not None and source and not set(source) <= set(rest):
            source = balanced(view, view.trim([k for k in source if k in rest]))  # the parse ran it into the quote
        if cue is not None and not source:
            source = [k for k in view.np_after_verb(v) if k in rest]  # "…,” said KCNA: subject after the verb
        if cue is not None and source and set(source) <= set(rest):
            return Draft(AttributionType.DIRECT, Medium.SPEECH, span, cue=_cue(view, v, source, span), source=source,
                         frame=rest, rule=R.QUOTE_SAID_X.id, priority=R.QUOTE_SAID_X.priority,
                         distancing=cue.distancing)  # fmt: skip
    return None


def _frame_before(quote: Quote, view: SentenceView, view_of: dict[int, SentenceView], span: list[int]) -> Draft | None:
    """He said: “…” — a cue verb with its subject before the quotation, in its sentence or in the
    sentence before when that one ends in a colon."""
    before = [k for k in range(view.start, quote.open) if not view.is_punct(k)]
    frame_view = view
    if not before:
        previous = view_of.get(view.sentence.index - 1)
        if previous is None or previous.tokens[previous.end - 1].text != ":":
            return None
        frame_view, before = previous, list(range(previous.start, previous.end - 1))
    for v in reversed(before):
        cue = frame_view.cue(v)
        source = _source(frame_view, v) if cue is not None else []
        if cue is not None and source:
            return Draft(AttributionType.DIRECT, Medium.SPEECH, span, cue=_cue(frame_view, v, source, span),
                         source=source, frame=before, rule=R.X_SAID_QUOTE.id, priority=R.X_SAID_QUOTE.priority,
                         distancing=cue.distancing)  # fmt: skip
    return None


def _runs(analysis: Analysis, message: set[int]) -> list[int]:
    """A content in parts, each part without the comma or colon it starts with (", “B.”")."""
    return sorted(i for i in message if not (i - 1 not in message and analysis.tokens[i].text in (",", ":", ";")))


def _interrupted(analysis: Analysis, last: Draft, quote: Quote) -> bool:
    """Whether the quotation goes on from the quotation of ``last`` across that one's frame alone
    (“A,” he said, “B.”): nothing but the frame and punctuation stands between them."""
    if not last.message or last.type is not AttributionType.DIRECT:
        return False
    between = range(max(last.message) + 1, quote.open)
    frame = set(last.frame) | set(last.cue) | set(last.source)
    return bool(frame & set(between)) and all(k in frame or analysis.tokens[k].pos == "PUNCT" for k in between)


def _continues(last: Draft, quote: Quote, findings: list[Draft]) -> bool:
    """Whether a quotation with no frame goes on with the direct quotation before it: that one is a
    quotation, and no other finding stands between them (PolNeAR annotates “A,” X said. “B.” as one
    attribution whose content is A and B)."""
    if last.type is not AttributionType.DIRECT or not last.message:
        return False
    end = max(last.message)
    return not any(d is not last and d.message and end < min(d.message) < quote.open for d in findings)


def _near(analysis: Analysis, draft: Draft, quote: Quote) -> bool:
    """Whether the quotation is in the paragraph of the draft's content or the next one."""
    block = analysis.sentences[analysis.tokens[quote.open].sentence].block
    mine = analysis.sentences[analysis.tokens[draft.message[0]].sentence].block if draft.message else -2
    return 0 <= block - mine <= 1
