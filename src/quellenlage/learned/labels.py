"""Token labels: gold annotations to labels (training), labels back to attributions (tagging).

One label per token, for the outermost attribution layer: ``B-<Type>``/``I-<Type>`` for message
tokens (``I`` also after a gap, so a message cut by its frame stays one message), ``CUE``, ``SPK``
(speaker), ``ADR`` (addressee), ``FRM`` (the rest of the frame) and ``O``.  Decoding joins each
role run to the nearest message of its sentence (a run in the sentence before or after only fills
an empty role), gives speakerless messages the previous speaker where the guidelines take it from
context, ends a direct quote at its closing mark and a message at a paragraph break, drops direct
quotes that are names or titles in quotation marks, and rebuilds nested direct quotes from
quotation marks.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .. import lang
from ..attribution.draft import Draft, in_heading
from ..attribution.quotes import Quote, is_name
from ..lang.rules import LEARNED, LEARNED_NESTED
from ..model import Analysis, AttributionType, Medium
from .features import TokenOverlap

TYPES = {
    "Direct": AttributionType.DIRECT, "Indirect": AttributionType.INDIRECT,
    "FreeIndirect": AttributionType.FREE_INDIRECT, "IndirectFreeIndirect": AttributionType.INDIRECT_FREE_INDIRECT,
    "Reported": AttributionType.REPORTED,
}  # fmt: skip
ROLE_LABELS = (("cue", "CUE"), ("speaker", "SPK"), ("addressee", "ADR"), ("frame", "FRM"))
_CONTEXT_SPEAKER = (AttributionType.FREE_INDIRECT, AttributionType.INDIRECT_FREE_INDIRECT, AttributionType.DIRECT)
_MAX_GAP = 25  # tokens of frame a message may be cut by and stay one message


def encode(analysis: Analysis, gold: Mapping[str, Any]) -> list[str]:
    """Gold annotations of the dataset's format as labels on our tokens (matched by characters)."""
    tokens = analysis.tokens
    index = TokenOverlap(tokens)
    spans = {t["id"]: (t["charBegin"], t["charEnd"]) for t in gold["tokens"]}

    def ours(ids: Sequence[int]) -> list[int]:
        return sorted({i for g in ids for i in index.indices(*spans[g])})

    labels = ["O"] * len(tokens)
    annotations = sorted(
        gold["annotations"], key=lambda a: (bool(a.get("isNested")), min(a["quote"]["tokenIds"] or [0]))
    )
    for ann in annotations:
        if ann.get("isNested"):
            continue
        message = ours(ann["quote"]["tokenIds"])
        if ann["type"] == "Reported":  # its speaker is inside the message; label it as speaker
            speaker = set(ours(ann["speaker"]["tokenIds"]))
            message = [i for i in message if i not in speaker]
        free = [i for i in message if labels[i] == "O" or labels[i] in ("FRM", "CUE", "SPK", "ADR")]
        for k, i in enumerate(free):
            labels[i] = ("B-" if k == 0 else "I-") + ann["type"]
    for ann in annotations:
        for part, label in ROLE_LABELS:
            for i in ours(ann[part]["tokenIds"]):
                if labels[i] == "O" or (labels[i] == "FRM" and label != "FRM"):
                    labels[i] = label
    return labels


def encode_spans(analysis: Analysis, attributions: Sequence[Mapping[str, Sequence[tuple[int, int]]]]) -> list[str]:
    """Gold attributions as character spans (PolNeAR's brat files: ``content``, ``cue``, ``source``)
    as labels on our tokens.  PolNeAR does not type its attributions: a content that opens with a
    quotation mark is labelled ``Direct``, any other ``Indirect``."""
    tokens = analysis.tokens
    index = TokenOverlap(tokens)
    language = lang.of(analysis.article)
    openers = {opener for opener, _ in language.quote_marks} | set(language.straight_quotes)

    def ours(spans: Sequence[tuple[int, int]]) -> list[int]:
        return sorted({i for start, end in spans for i in index.indices(start, end)})

    labels = ["O"] * len(tokens)
    messages = sorted(((ours(att["content"]), att) for att in attributions if att["content"]), key=lambda m: m[0])
    for message, _ in messages:
        kind = "Direct" if message and tokens[message[0]].text in openers else "Indirect"
        free = [i for i in message if labels[i] == "O"]
        for k, i in enumerate(free):
            labels[i] = ("B-" if k == 0 else "I-") + kind
    for _, att in messages:
        for part, label in (("cue", "CUE"), ("source", "SPK")):
            for i in ours(att[part]):
                if labels[i] == "O":
                    labels[i] = label
    return labels


def decode(analysis: Analysis, labels: Sequence[str], quotes: Sequence[Quote]) -> list[Draft]:
    """Drafts (token indices) from one label per token: message runs, then the role runs joined to
    them, then speakers carried over and media from the cue; names in quotation marks dropped."""
    messages = _message_drafts(analysis, labels, quotes)
    if not messages:
        return []
    _attach_roles(analysis, labels, messages)
    _finish(analysis, messages)
    # a name or title in quotation marks („Der Spiegel“) is not a quote, however the tagger read it
    names = [q for q in quotes if is_name(analysis, q)]
    messages = [m for m in messages if not (m.type is AttributionType.DIRECT and _inside(m.message, names))]
    return messages + _nested_quotes(messages, [q for q in quotes if q not in names])


def _message_drafts(analysis: Analysis, labels: Sequence[str], quotes: Sequence[Quote]) -> list[Draft]:
    """One draft per message run (B- and I- labels of one type, across a sentence or a quotation),
    plus the frames whose sentence has no message."""
    tokens = analysis.tokens
    sent_of = [t.sentence for t in tokens]
    block_of = [analysis.sentences[s].block for s in sent_of]
    quote_of = _outermost_quote(len(tokens), quotes)
    messages: list[Draft] = []
    orphans: set[int] = set()
    last: dict[str, Draft] = {}
    last_q = -1
    for i, label in enumerate(labels):
        if label[:2] not in ("B-", "I-"):
            continue
        name = label[2:]
        prev = last.get(name)
        if (
            label.startswith("I-") and prev is not None and i - prev.message[-1] <= _MAX_GAP
            and last_q == prev.message[-1] and sent_of[i] - sent_of[prev.message[-1]] <= 1
            and (block_of[i] == block_of[last_q] or quote_of[i] == quote_of[last_q] >= 0)
        ):  # fmt: skip
            prev.message.append(i)
        else:
            draft = Draft(type=TYPES[name], medium=Medium.SPEECH_OR_WRITING, message=[i], rule=LEARNED.id,
                          priority=LEARNED.priority)
            if label.startswith("I-"):
                orphans.add(id(draft))
            messages.append(draft)
            last[name] = draft
        last_q = i
    # a direct quote with no beginning and no quotation mark is the tagger running on past a quote
    messages = [
        m for m in messages
        if not (id(m) in orphans and m.type is AttributionType.DIRECT and quote_of[m.message[0]] < 0)
    ]  # fmt: skip
    for draft in messages:
        if draft.type is AttributionType.DIRECT:
            _trim_after_quote(draft, quotes, quote_of)
    return messages + _orphan_frames(analysis, labels, {sent_of[i] for m in messages for i in m.message})


def _attach_roles(analysis: Analysis, labels: Sequence[str], messages: list[Draft]) -> None:
    """Role runs (contiguous tokens of one role label) joined to the nearest message: in its own
    sentence first; a run from the sentence before or after only fills a role its message still
    lacks ("Demnach hat der Sohn … begangen. Der Staatsanwalt sagte, …")."""
    sent_of = [t.sentence for t in analysis.tokens]
    block_of = [analysis.sentences[s].block for s in sent_of]
    sentences_of = [{sent_of[i] for i in m.message} for m in messages]
    runs: list[tuple[str, list[int]]] = []
    for i, label in enumerate(labels):
        if label in ("CUE", "SPK", "ADR", "FRM"):
            if runs and runs[-1][0] == label and runs[-1][1][-1] == i - 1 and block_of[i - 1] == block_of[i]:
                runs[-1][1].append(i)
            else:
                runs.append((label, [i]))
    deferred = []
    for label, run in runs:
        s = sent_of[run[0]]
        candidates = [k for k, ss in enumerate(sentences_of) if s in ss]
        if candidates:
            _attach(messages[_nearest(messages, candidates, run)], label, run)
        elif label != "FRM":
            deferred.append((label, run))
    for label, run in deferred:
        s = sent_of[run[0]]
        candidates = [
            k for k, ss in enumerate(sentences_of)
            if min(ss) in (s + 1, s - 1) and not _role(messages[k], label)
        ]  # fmt: skip
        if candidates:
            _attach(messages[_nearest(messages, candidates, run)], label, run)


def _finish(analysis: Analysis, messages: list[Draft]) -> None:
    """Roles sorted; a reported speech's speaker inside its message; a speaker carried over to the
    next message that lacks one (of the types that take context speakers); the medium from the cue."""
    tokens = analysis.tokens
    cues = lang.of(analysis.article).lexicon.verb_cues
    prev_speaker: list[int] = []
    for draft in messages:
        for part in (draft.cue, draft.source, draft.addressee, draft.frame):
            part.sort()
        if draft.type is AttributionType.REPORTED and draft.source:
            absorb_speaker(draft)
        if not draft.source and draft.type in _CONTEXT_SPEAKER and prev_speaker:
            draft.source = list(prev_speaker)
        if draft.source and not in_heading(analysis, draft.source[0]):
            prev_speaker = draft.source  # a headline's speaker is not the body's
        for i in draft.cue:
            lemma = tokens[i].lemma.lower()
            if lemma in cues:
                draft.medium = cues[lemma].medium
                break


def absorb_speaker(draft: Draft) -> None:
    """Reported speech: the whole sentence is the message, its speaker and the words between
    them included ("Kasachstan selbst hatte als Grund …")."""
    inside = set(draft.message) | set(draft.source)
    draft.message[:] = list(range(min(inside), max(inside) + 1)) if _one_stretch(draft) else sorted(inside)


def _one_stretch(draft: Draft) -> bool:
    """Whether speaker and message are at most a few words apart (not two ends of a paragraph)."""
    message, speaker = sorted(draft.message), sorted(draft.source)
    gap = max(message[0], speaker[0]) - min(message[-1], speaker[-1])
    return gap <= 4


def _role(draft: Draft, label: str) -> list[int]:
    return {"CUE": draft.cue, "SPK": draft.source, "ADR": draft.addressee, "FRM": draft.frame}[label]


def _attach(draft: Draft, label: str, run: list[int]) -> None:
    _role(draft, label).extend(run)
    if label != "FRM":
        draft.frame.extend(run)


def _nearest(messages: Sequence[Draft], candidates: list[int], run: list[int]) -> int:
    """The candidate message whose first or last token is closest to the run."""
    return min(
        candidates,
        key=lambda k: min(abs(i - j) for i in run for j in (messages[k].message[0], messages[k].message[-1])),
    )


def _outermost_quote(n: int, quotes: Sequence[Quote]) -> list[int]:
    """For each token, the index of the outermost quotation it is in (marks included), else -1."""
    of = [-1] * n
    for k, q in sorted(enumerate(quotes), key=lambda kq: -kq[1].depth):  # outermost last, so it wins
        for i in range(q.open, min(q.close + 1, n)):
            of[i] = k
    return of


def _trim_after_quote(draft: Draft, quotes: Sequence[Quote], quote_of: Sequence[int]) -> None:
    """A direct quote that opens with a quotation mark ends at its closing mark: unquoted words the
    tagger ran on into (the rest of the sentence, the next paragraph) are not part of it."""
    k = quote_of[draft.message[0]]
    if k < 0 or quotes[k].open != draft.message[0]:
        return
    close = quotes[k].close
    draft.message[:] = [i for i in draft.message if i <= close or quote_of[i] >= 0]


def _orphan_frames(analysis: Analysis, labels: Sequence[str], with_message: set[int]) -> list[Draft]:
    """A sentence with a cue and a speaker but no message tokens: its other words are the message
    (the tagger saw the frame and lost the clause, as it may after a headline)."""
    made = []
    for s in analysis.sentences:
        rng = range(s.token_start, s.token_end)
        found = {labels[i] for i in rng}
        if s.index in with_message or not {"CUE", "SPK"} <= found:
            continue
        rest = [i for i in rng if labels[i] == "O" and analysis.tokens[i].pos != "PUNCT"]
        if len(rest) >= 3:
            start, end = rest[0], rest[-1]
            message = [i for i in range(start, end + 1) if labels[i] == "O"]
            made.append(Draft(type=AttributionType.INDIRECT, medium=Medium.SPEECH_OR_WRITING, message=message,
                              rule=LEARNED.id, priority=LEARNED.priority))  # fmt: skip
    return made


def _inside(message: Sequence[int], quotes: Sequence[Quote]) -> bool:
    return any(q.open <= message[0] and message[-1] <= q.close for q in quotes)


def _nested_quotes(messages: Sequence[Draft], quotes: Sequence[Quote]) -> list[Draft]:
    """A quotation inside an indirect message is a nested direct quote with the same source."""
    nested = []
    for draft in messages:
        if draft.type is AttributionType.DIRECT:
            continue
        inside = set(draft.message)
        for q in quotes:
            span = list(range(q.open, q.close + 1))
            if q.close - q.open >= 2 and all(i in inside for i in span) and len(span) < len(inside):
                nested.append(Draft(
                    type=AttributionType.DIRECT, medium=draft.medium, message=span, cue=list(draft.cue),
                    source=list(draft.source), frame=list(draft.frame), addressee=list(draft.addressee),
                    rule=LEARNED_NESTED.id, parent=draft,
                ))  # fmt: skip
    return nested


__all__ = ["TYPES", "absorb_speaker", "decode", "encode"]
