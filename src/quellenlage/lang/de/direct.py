"""Direct quotes linked to their speakers.

A quote is taken as reported speech when it is long (four or more words, or a sentence of its
own) or when it sits inside the message of another attribution (a partial quote: „Krieg“).
Short quotes elsewhere are names, titles or scare quotes and are left alone, and so are names and
titles anywhere (:func:`quotes.is_name`).  The frame is
looked for after the quote (``„…“, sagte X.``), then before it (``X sagte: „…“``, ``X: „…“``).
A quote with no frame in its sentences is free direct speech: it keeps the previous speaker.
"""

from __future__ import annotations

from ...attribution.draft import Draft
from ...attribution.quotes import Quote, is_name
from ...attribution.syntax import SentenceView
from ...model import Analysis, AttributionType, Medium
from . import LANGUAGE
from . import rules as R
from .frames import addressed, addressee_of, posted_online

_LONG = 4
_UTTERANCES = LANGUAGE.lexicon.word_list("utterance_nouns")  # "Fazit:", "Nachsatz:" introduce words, not speakers


def quote_drafts(
    analysis: Analysis, quotes: list[Quote], views: list[SentenceView], drafts: list[Draft]
) -> list[Draft]:
    """Drafts for speech quotes; ``drafts`` are the sentence-level ones, used for nesting."""
    out: list[Draft] = []
    for quote in quotes:
        view_open = views[analysis.tokens[quote.open].sentence]
        view_close = views[analysis.tokens[quote.close].sentence]
        parent = _enclosing(quote, drafts)
        # a short quote that opens its sentence and is framed as speech is speech, even if it reads
        # like a title: "«Gute Besserung Champ», schrieb X"
        framed = _frame_after(quote, view_close) if quote.open == view_open.start else None
        if is_name(analysis, quote) and framed is None:
            continue
        inner = [i for i in quote.inner if not _mark(analysis, i)]
        words = [i for i in inner if analysis.tokens[i].text.isalnum() or analysis.tokens[i].pos not in ("PUNCT", "")]
        if len(words) < _LONG and not _ends_sentence(analysis, quote):
            if framed is not None:
                out.append(framed)
            elif parent is not None and quote.open not in parent.source:
                out.append(_nested(quote, parent))
            continue
        draft = _frame_after(quote, view_close) or _frame_before(quote, view_open)
        if draft is None and parent is not None:
            draft = _nested(quote, parent)
        if draft is None:
            draft = Draft(AttributionType.DIRECT, Medium.SPEECH, _span(quote), rule=R.FREE_DIRECT_QUOTE.id,
                          priority=R.FREE_DIRECT_QUOTE.priority, sentence=view_open.sentence.index)  # fmt: skip
        out.append(draft)
    return out


def _mark(analysis: Analysis, i: int) -> bool:
    return analysis.tokens[i].text in "\"'„“”‚‘’»«›‹"


def _span(quote: Quote) -> list[int]:
    return list(range(quote.open, quote.close + 1))


def _ends_sentence(analysis: Analysis, quote: Quote) -> bool:
    before_close = analysis.tokens[quote.close - 1].text if quote.close > quote.open + 1 else ""
    return before_close in (".", "!", "?", "…")


def _enclosing(quote: Quote, drafts: list[Draft]) -> Draft | None:
    for draft in drafts:
        if draft.type is not AttributionType.DIRECT and quote.open in draft.message and quote.close in draft.message:
            return draft
    return None


def _nested(quote: Quote, parent: Draft) -> Draft:
    return Draft(AttributionType.DIRECT, parent.medium, _span(quote), cue=list(parent.cue),
                 source=list(parent.source), frame=list(parent.frame), rule=R.PARTIAL_QUOTE.id,
                 priority=R.PARTIAL_QUOTE.priority, parent=parent, sentence=parent.sentence)  # fmt: skip


def _frame_after(quote: Quote, view: SentenceView) -> Draft | None:
    """``„…“, sagte X.`` / ``„…“, so X.`` in the sentence where the quote closes."""
    k = quote.close + 1
    if k >= view.end or view.tok(k).text != ",":
        return None
    end = view.final_punct() or view.end
    rest = list(range(k + 1, end))
    if not rest:
        return None
    if view.low(rest[0]) == "so":
        source = view.np_after(rest[0])
        if source:
            return Draft(AttributionType.DIRECT, Medium.SPEECH_OR_WRITING, _span(quote), cue=[rest[0]],
                         source=source, addressee=addressee_of(view, None, rest), frame=[k, *rest],
                         rule=R.QUOTE_SO_X.id, priority=R.QUOTE_SO_X.priority,
                         sentence=view.sentence.index)  # fmt: skip
        return None
    for v in rest[:3]:
        cue = view.cue(v)
        if cue is not None:
            particle = view.particle(v)
            source = view.trim([i for i in view.subject(v) if i in rest]) or view.np_after(v)
            return Draft(AttributionType.DIRECT, cue.medium, _span(quote),
                         cue=sorted([v] + ([particle] if particle is not None else [])),
                         source=source, addressee=[i for i in addressee_of(view, v, rest) if i in rest],
                         frame=[k, *rest], rule=R.QUOTE_SAGTE_X.id, priority=R.QUOTE_SAGTE_X.priority,
                         distancing=cue.distancing, sentence=view.sentence.index)  # fmt: skip
    return None


def _names_a_speaker(view: SentenceView, body: list[int]) -> bool:
    """Whether the words before a colon can be a speaker's name or description: no comment in an
    adjective or adverb of its own ("Erschreckend für Bach", "wenige Stunden später die Kehrtwende")."""
    first = view.tok(body[0])
    if first.pos == "ADJ" and first.tag in view.closed.predicative_adjective_tags:
        return False
    if len(first.text) > _MIN_PARTICIPLE and first.text.lower().endswith(_PARTICIPLE_ENDING):
        return False  # "Erschreckend", "Bezeichnend": a present participle, whatever the tagger read
    return not any(view.tok(k).pos == "ADV" or view.low(k) in _ADVERBIAL for k in body)


_PARTICIPLE_ENDING = "end"
_MIN_PARTICIPLE = 6
_ADVERBIAL = LANGUAGE.lexicon.word_list("adverbial_words")


def _frame_before(quote: Quote, view: SentenceView) -> Draft | None:
    """``X sagte: „…“`` / ``X: „…“`` / ``X sagte „…“`` in the sentence where the quote opens."""
    pre = [i for i in range(view.start, quote.open) if not view.is_quote(i) or i < quote.open]
    if not pre:
        return None
    colon = pre[-1] if view.tok(pre[-1]).text == ":" else None
    body = pre[:-1] if colon is not None else pre
    if not body:
        return None
    for v in reversed(body):
        cue = view.cue(v)
        if cue is not None:
            particle = view.particle(v)
            if view.is_passive(v) or addressed(view, v):  # "… seien alle Presbyterien aufgerufen: „…“": the agent
                source = [i for i in view.passive_agent(v) if i in body]
            else:
                source = view.trim([i for i in view.subject(v) if i in body]) or view.np_after(v) or view.np_before(v)
            medium = Medium.WRITING if posted_online(view, body) else cue.medium
            return Draft(AttributionType.DIRECT, medium, _span(quote),
                         cue=sorted([v] + ([particle] if particle is not None else [])),
                         source=source, addressee=[i for i in addressee_of(view, v, body) if i in body],
                         frame=pre, rule=R.X_SAGTE_QUOTE.id, priority=R.X_SAGTE_QUOTE.priority,
                         distancing=cue.distancing, sentence=view.sentence.index)  # fmt: skip
    if colon is not None:
        # "Zypries sieht in dem Urteil eine Bestätigung: „…“": a clause before the colon names its
        # speaker as the subject; a bare "Der Minister: „…“" names it right before the colon
        finite = [i for i in body if view.is_finite(i)]
        source = view.trim([i for i in view.subject(finite[0]) if i in body]) if finite else []
        if not _names_a_speaker(view, source or body):
            return None  # "Erschreckend für Bach (ist): „…“", "Wenige Stunden später die Kehrtwende: „…“"
        source = source or view.np_before(colon)
        if source and view.tok(source[-1]).text.lower() not in _UTTERANCES:  # "Ernster Nachsatz: „…“": no one
            return Draft(AttributionType.DIRECT, Medium.SPEECH_OR_WRITING, _span(quote), source=source,
                         frame=pre, rule=R.X_COLON_QUOTE.id, priority=R.X_COLON_QUOTE.priority,
                         sentence=view.sentence.index)  # fmt: skip
    return None
