"""Interviews in question-and-answer form, in the layouts news sites print them.

- Labelled turns: "STANDARD: Warum? Kaiser: Es bleibt uns nichts übrig.", or answers labelled
  with the interviewee's name ("Weltermann: …") under unlabelled questions.
- Unlabelled answers: the answer after the question, in its paragraph (often glued by the page,
  "… legen?Wir prüfen gerade …") or in the next, the interviewee named in one label only.

A label is one to three capitalised words and a colon at the start of a sentence.  The text is an
interview when labels recur (at least three, one name twice) and either an interviewer's label or
an unlabelled question opens a paragraph; or when one person's label stands beside at least two
unlabelled questions answered without a label.  Nothing before the first label is an answer: that is the
outlet's introduction.  An answer runs from its label, or from the end of the question before it,
to the next question or label; a paragraph without a question continues it.  Questions are the
outlet's own.  Only the layout is read here, so every language uses this kernel with its own
interviewer labels ("Frage:", "Q:").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass

from .. import lang
from ..model import Analysis, AttributionType, BlockKind, Medium, Sentence
from .draft import Draft, in_heading

_MIN_LABELS = 3
_MIN_ASKED_AND_ANSWERED = 2  # paragraphs that ask, then answer, for an interview with one label
_SENTENCE_ENDS = frozenset({".", "?", "!"})


@dataclass(frozen=True, slots=True)
class Label:
    first: int  # the label's first token
    colon: int
    name: tuple[str, ...]
    interviewer: bool


@dataclass(frozen=True, slots=True)
class InterviewRule:
    """What a language brings: its interviewer labels and outlets, and the rule's id and priority."""

    interviewer_words: Collection[str]
    outlets: Collection[str]
    rule: str
    priority: int


def labels(analysis: Analysis, rule: InterviewRule) -> list[Label]:
    """Every sentence-initial label, in text order."""
    tokens = analysis.tokens
    starts = {s.token_start for s in analysis.sentences}
    quotes = lang.of(analysis.article).quote_characters
    found = []
    for k, t in enumerate(tokens):
        if t.text != ":" or k == 0:
            continue
        j = k - 1
        while j >= 0 and k - j <= 3 and tokens[j].text[:1].isupper() and tokens[j].text.replace("-", "").isalpha():
            if j in starts or (j > 0 and tokens[j - 1].text in _SENTENCE_ENDS | quotes):
                if (k + 1 < len(tokens) and tokens[k + 1].text in quotes) or in_heading(analysis, j):
                    break  # "Müller: „…“" is a quotation with its speaker; a headline's label is no turn
                name = tuple(tok.text for tok in tokens[j:k])
                found.append(Label(j, k, name, _is_interviewer(name, rule)))
                break
            j -= 1
    return found


def _is_interviewer(name: tuple[str, ...], rule: InterviewRule) -> bool:
    if len(name) != 1:
        return False
    word = name[0]
    return (word.isupper() and len(word) > 2) or word.lower() in rule.outlets or word.lower() in rule.interviewer_words


def _is_question(analysis: Analysis, sentence: Sentence) -> bool:
    tokens = analysis.tokens[sentence.token_start : sentence.token_end]
    closers = "".join(lang.of(analysis.article).quote_characters) + ")"
    k = len(tokens) - 1
    while k > 0 and tokens[k].text.strip(closers) == "":
        k -= 1
    return k >= 0 and tokens[k].text.endswith("?")


def _segments(analysis: Analysis, by_start: dict[int, Label]) -> list[tuple[int, Label | None, list[Sentence]]]:
    """Each paragraph cut at its labels: (block, label or None, sentences), in text order."""
    out: list[tuple[int, Label | None, list[Sentence]]] = []
    for sentence in analysis.sentences:
        label = by_start.get(sentence.token_start)
        if label is not None or not out or out[-1][0] != sentence.block:
            out.append((sentence.block, label, [sentence]))
        else:
            out[-1][2].append(sentence)
    return out


def _asks_and_answers(analysis: Analysis, sentences: list[Sentence]) -> int | None:
    """The index after the last question of an unlabelled stretch, if a question is in it."""
    last = max((k for k, s in enumerate(sentences) if _is_question(analysis, s)), default=None)
    return None if last is None else last + 1


def _named_elsewhere(analysis: Analysis, label: Label, found: list[Label]) -> bool:
    """Whether the text names the labelled one outside the labels too ("Herr Vilanek", "Freenet-Chef
    Christoph Vilanek"), as an interview does its interviewee; "Fazit:" names no one."""
    in_labels = {i for lab in found for i in range(lab.first, lab.colon)}
    return any(t.text == label.name[-1] and t.index not in in_labels for t in analysis.tokens)


def _asked_and_answered(analysis: Analysis, segments: list[tuple[int, Label | None, list[Sentence]]]) -> int:
    """How often an unlabelled question is answered without a label: in its own paragraph after
    the question ("… legen?Wir prüfen …"), or in the next paragraph, which asks nothing."""
    count = 0
    for k, (_, label, sentences) in enumerate(segments):
        after = _asks_and_answers(analysis, sentences) if label is None else None
        if after is None:
            continue
        nxt = segments[k + 1] if k + 1 < len(segments) else None
        if after < len(sentences) or (
            nxt is not None and nxt[1] is None and _asks_and_answers(analysis, nxt[2]) is None
        ):
            count += 1
    return count


def interview_drafts(analysis: Analysis, accepted: list[Draft], rule: InterviewRule) -> list[Draft]:
    """The answers of an interview as direct speech of the interviewee, or nothing."""
    found = labels(analysis, rule)
    if not found:
        return []
    by_start = {analysis.tokens[label.first].sentence: label for label in found}
    by_start = {analysis.sentences[s].token_start: label for s, label in by_start.items()}
    segments = _segments(analysis, by_start)
    people = Counter(label.name[-1] for label in found if not label.interviewer)
    interviewee = next((label for label in found if not label.interviewer), None) if len(people) == 1 else None
    first = next(k for k, seg in enumerate(segments) if seg[1] is not None)
    later = segments[first + 1 :]
    asked = _asked_and_answered(analysis, later)
    opens_with_question = any(label is None and _is_question(analysis, sents[0]) for _, label, sents in later)
    labelled = len(found) >= _MIN_LABELS and max(people.values(), default=0) >= 2 and (
        any(label.interviewer for label in found) or opens_with_question
    )
    named = interviewee is not None and _named_elsewhere(analysis, interviewee, found)
    if not labelled and not (named and asked >= _MIN_ASKED_AND_ANSWERED):
        return []
    turns = _turns(analysis, segments[first:], interviewee)
    taken = {i for d in accepted for i in d.message}
    drafts = []
    for label, own_label, start, end in turns:
        message = [i for i in range(start, end) if i not in taken]
        if message:
            drafts.append(Draft(AttributionType.DIRECT, Medium.SPEECH, message,
                                cue=[label.colon] if own_label else [],
                                source=list(range(label.first, label.colon)),
                                rule=rule.rule, priority=rule.priority))  # fmt: skip
    return drafts


def _turns(
    analysis: Analysis, segments: list[tuple[int, Label | None, list[Sentence]]], interviewee: Label | None
) -> list[tuple[Label, bool, int, int]]:
    """(speaker's label, whether the turn has its own label, first token, end token) of each answer."""
    turns: list[tuple[Label, bool, int, int]] = []
    speaker: Label | None = None
    block = -1
    for seg_block, label, sentences in segments:
        heading = analysis.article.blocks[seg_block].kind in (BlockKind.HEADLINE, BlockKind.SUBHEADING)
        new_block, block = seg_block != block, seg_block
        if heading:
            speaker = None
            continue
        if label is not None:
            speaker = None if label.interviewer else label
            if speaker is not None:
                turns.append((speaker, True, label.colon + 1, sentences[-1].token_end))
            continue
        after = _asks_and_answers(analysis, sentences)
        if after is not None:  # the interviewer asks; what follows the question is the answer
            speaker = interviewee
            rest = sentences[after:]
            if speaker is not None and rest:
                turns.append((speaker, False, rest[0].token_start, rest[-1].token_end))
            continue
        if speaker is not None and new_block:  # a paragraph without a question goes on answering
            turns.append((speaker, False, sentences[0].token_start, sentences[-1].token_end))
    return turns
