"""Rule handlers on hand-built parses: what a rule reads from the parse is fixed here, so a retrained
tagger cannot silently change what these tests mean (as spaCy's tests build ``Doc(words, heads, deps)``).
The end-to-end tables of test_constructions.py run the same constructions through the real tagger.
"""

from __future__ import annotations

from dataclasses import dataclass

from quellenlage.attribution.syntax import SentenceView
from quellenlage.ingest import verbatim
from quellenlage.lang.de.frames import (
    noun_with_clause,
    preposition_source,
    so_x,
    speech_act,
    verb_with_clause,
    wie_berichtet,
)
from quellenlage.model import Analysis, Block, BlockKind, Metadata, Sentence, Span, Token


@dataclass(frozen=True)
class W:
    """One word of a hand-built parse: head is the position of its head in the sentence (itself: root)."""

    text: str
    pos: str
    dep: str
    head: int
    lemma: str = ""
    morph: str = ""
    tag: str = ""


def parse(*words: W) -> SentenceView:
    """A one-sentence analysis with exactly the given tags, lemmas, morphology and tree."""
    text = " ".join(w.text for w in words)
    article = verbatim(text, Metadata(language="de"))
    tokens, offset = [], 0
    for i, w in enumerate(words):
        span = Span.of(text, offset, offset + len(w.text))
        tokens.append(Token(i, span, 0, lemma=w.lemma or w.text.lower(), pos=w.pos, tag=w.tag, morph=w.morph,
                            dep=w.dep, head=w.head))  # fmt: skip
        offset += len(w.text) + 1
    sentence = Sentence(0, Span.of(text, 0, len(text)), 0, len(tokens), 0)
    article = type(article)(text=text, blocks=(Block(BlockKind.PARAGRAPH, sentence.span),), metadata=article.metadata)
    analysis = Analysis(article=article, sentences=(sentence,), tokens=tuple(tokens))
    return SentenceView(analysis, sentence)


def words(view: SentenceView, indices: list[int]) -> str:
    return " ".join(view.tok(i).text for i in indices)


SUB_PRES = "Mood=Sub|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"
IND_PAST = "Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin"


def test_verb_with_a_konjunktiv_clause() -> None:
    # Der Minister sagte , die Lage sei ernst .
    view = parse(W("Der", "DET", "det", 1), W("Minister", "NOUN", "nsubj", 2),
                 W("sagte", "VERB", "root", 2, "sagen", IND_PAST), W(",", "PUNCT", "punct", 6),
                 W("die", "DET", "det", 5), W("Lage", "NOUN", "nsubj", 7), W("sei", "AUX", "cop", 7, "sein", SUB_PRES),
                 W("ernst", "ADJ", "ccomp", 2), W(".", "PUNCT", "punct", 2))  # fmt: skip
    (draft,) = verb_with_clause(view)
    assert draft.rule == "de.verb_clause"
    assert words(view, draft.source) == "Der Minister" and words(view, draft.cue) == "sagte"
    assert words(view, draft.message) == "die Lage sei ernst"


def test_a_clause_that_is_not_reported_speech_gives_nothing() -> None:
    # Der Minister ging , als die Lage ernst war .  (no reporting verb, no Konjunktiv)
    view = parse(W("Der", "DET", "det", 1), W("Minister", "NOUN", "nsubj", 2),
                 W("ging", "VERB", "root", 2, "gehen", IND_PAST), W(",", "PUNCT", "punct", 6),
                 W("als", "SCONJ", "mark", 6), W("die", "DET", "det", 6), W("Lage", "NOUN", "nsubj", 8),
                 W("ernst", "ADJ", "advcl", 2), W("war", "AUX", "cop", 7, "sein", IND_PAST),
                 W(".", "PUNCT", "punct", 2))  # fmt: skip
    assert verb_with_clause(view) == []


def test_laut_names_its_noun_phrase_as_the_source() -> None:
    # Laut Polizei gab es keine Verletzten .
    view = parse(W("Laut", "ADP", "case", 1, "laut"), W("Polizei", "NOUN", "obl", 2),
                 W("gab", "VERB", "root", 2, "geben", IND_PAST), W("es", "PRON", "expl", 2),
                 W("keine", "DET", "det", 5), W("Verletzten", "NOUN", "obj", 2),
                 W(".", "PUNCT", "punct", 2))  # fmt: skip
    (draft,) = preposition_source(view)
    assert draft.rule == "de.laut"
    assert words(view, draft.cue) == "Laut" and words(view, draft.source) == "Polizei"
    assert words(view, draft.message) == "gab es keine Verletzten"


def test_zufolge_takes_the_phrase_before_it() -> None:
    # Experten zufolge steigen die Preise .
    view = parse(W("Experten", "NOUN", "obl", 2), W("zufolge", "ADP", "case", 0, "zufolge"),
                 W("steigen", "VERB", "root", 2, "steigen", "Mood=Ind|Tense=Pres|VerbForm=Fin"),
                 W("die", "DET", "det", 4), W("Preise", "NOUN", "nsubj", 2), W(".", "PUNCT", "punct", 2))  # fmt: skip
    (draft,) = preposition_source(view)
    assert draft.rule == "de.zufolge" and words(view, draft.source) == "Experten"
    assert words(view, draft.message) == "steigen die Preise"


def test_wie_x_berichtet_is_a_frame_of_the_sentence() -> None:
    # Wie die Zeitung berichtet , soll der Minister zurücktreten .
    view = parse(W("Wie", "SCONJ", "mark", 3), W("die", "DET", "det", 2), W("Zeitung", "NOUN", "nsubj", 3),
                 W("berichtet", "VERB", "advcl", 5, "berichten", "Mood=Ind|Tense=Pres|VerbForm=Fin"),
                 W(",", "PUNCT", "punct", 3), W("soll", "AUX", "root", 5, "sollen", "Mood=Ind|VerbForm=Fin"),
                 W("der", "DET", "det", 7), W("Minister", "NOUN", "nsubj", 5),
                 W("zurücktreten", "VERB", "xcomp", 5, "zurücktreten", "VerbForm=Inf"),
                 W(".", "PUNCT", "punct", 5))  # fmt: skip
    (draft,) = wie_berichtet(view)
    assert draft.rule == "de.wie_berichtet"
    assert words(view, draft.source) == "die Zeitung" and "berichtet" in words(view, draft.cue)
    assert words(view, draft.message) == "soll der Minister zurücktreten"


def test_laut_as_an_adjective_is_no_source() -> None:
    # Die Musik war laut .
    view = parse(W("Die", "DET", "det", 1), W("Musik", "NOUN", "nsubj", 3),
                 W("war", "AUX", "cop", 3, "sein", IND_PAST), W("laut", "ADJ", "root", 3, "laut"),
                 W(".", "PUNCT", "punct", 3))  # fmt: skip
    assert preposition_source(view) == []


def test_a_reporting_verb_read_as_a_noun_frames_nothing() -> None:
    # the same sentence as above, but the parse calls "sagte" a noun: the rule reads the parse
    view = parse(W("Der", "DET", "det", 1), W("Minister", "NOUN", "nsubj", 2), W("sagte", "NOUN", "root", 2),
                 W(",", "PUNCT", "punct", 6), W("die", "DET", "det", 5), W("Lage", "NOUN", "nsubj", 7),
                 W("sei", "AUX", "cop", 7, "sein", SUB_PRES), W("ernst", "ADJ", "ccomp", 2),
                 W(".", "PUNCT", "punct", 2))  # fmt: skip
    assert verb_with_clause(view) == []


def test_a_separated_particle_joins_the_cue_by_its_tag() -> None:
    # Der Sprecher teilte mit , die Lage sei ernst .  ("mit" tagged PTKVZ: the cue is "mitteilen")
    view = parse(W("Der", "DET", "det", 1), W("Sprecher", "NOUN", "nsubj", 2),
                 W("teilte", "VERB", "root", 2, "teilen", IND_PAST, "VVFIN"),
                 W("mit", "ADP", "compound:prt", 2, "mit", "", "PTKVZ"), W(",", "PUNCT", "punct", 7),
                 W("die", "DET", "det", 6), W("Lage", "NOUN", "nsubj", 8), W("sei", "AUX", "cop", 8, "sein", SUB_PRES),
                 W("ernst", "ADJ", "ccomp", 2), W(".", "PUNCT", "punct", 2))  # fmt: skip
    (draft,) = verb_with_clause(view)
    assert words(view, draft.cue) == "teilte mit" and words(view, draft.source) == "Der Sprecher"
    assert words(view, draft.message) == "die Lage sei ernst"


PARTICIPLE = "Aspect=Perf|VerbForm=Part"


def test_a_passive_speech_act_takes_its_agent_from_the_von_phrase() -> None:
    # Der Plan wurde von der Opposition kritisiert .
    view = parse(W("Der", "DET", "det", 1), W("Plan", "NOUN", "nsubj:pass", 6),
                 W("wurde", "AUX", "aux:pass", 6, "werden", IND_PAST, "VAFIN"), W("von", "ADP", "case", 5, "von"),
                 W("der", "DET", "det", 5), W("Opposition", "NOUN", "obl", 6),
                 W("kritisiert", "VERB", "root", 6, "kritisieren", PARTICIPLE, "VVPP"),
                 W(".", "PUNCT", "punct", 6))  # fmt: skip
    (draft,) = speech_act(view)
    assert draft.rule == "de.speech_act" and words(view, draft.source) == "der Opposition"
    assert words(view, draft.cue) == "kritisiert"


def test_so_x_after_the_message() -> None:
    # Die Lage sei ernst , so der Minister .
    view = parse(W("Die", "DET", "det", 1), W("Lage", "NOUN", "nsubj", 3), W("sei", "AUX", "cop", 3, "sein", SUB_PRES),
                 W("ernst", "ADJ", "root", 3), W(",", "PUNCT", "punct", 5), W("so", "ADV", "advmod", 6, "so"),
                 W("der", "DET", "det", 6), W("Minister", "NOUN", "appos", 3), W(".", "PUNCT", "punct", 3))  # fmt: skip
    (draft,) = so_x(view)
    assert draft.rule == "de.so_x" and words(view, draft.cue) == "so"
    assert words(view, draft.source) == "der Minister" and words(view, draft.message) == "Die Lage sei ernst"


def test_a_statement_noun_with_its_dass_clause() -> None:
    # Die Partei äußerte die Hoffnung , dass der Streit endet .
    view = parse(W("Die", "DET", "det", 1), W("Partei", "NOUN", "nsubj", 2),
                 W("äußerte", "VERB", "root", 2, "äußern", IND_PAST, "VVFIN"), W("die", "DET", "det", 4),
                 W("Hoffnung", "NOUN", "obj", 2), W(",", "PUNCT", "punct", 9), W("dass", "SCONJ", "mark", 9, "dass"),
                 W("der", "DET", "det", 8), W("Streit", "NOUN", "nsubj", 9),
                 W("endet", "VERB", "acl", 4, "enden", "Mood=Ind|Tense=Pres|VerbForm=Fin", "VVFIN"),
                 W(".", "PUNCT", "punct", 2))  # fmt: skip
    (draft,) = noun_with_clause(view)
    assert draft.rule == "de.noun_clause" and words(view, draft.source) == "Die Partei"
    assert words(view, draft.cue) == "äußerte Hoffnung" and words(view, draft.message) == "dass der Streit endet"
