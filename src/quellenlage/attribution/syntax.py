"""A sentence view over the dependency parse with the few queries the rules need.

All indices are global token indices into ``Analysis.tokens``.  The parser is a small CNN
(LAS ≈ 69 on GSD dev), so every rule also has a surface fallback (comma segments, NP chunks).
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from .. import lang
from ..lang.lexicon import VerbCue
from ..model import Analysis, Sentence, Token

PUNCT = frozenset(",.;:!?…-–—()[]")
QUOTE_CHARS = frozenset("\"'„“”‚‘’»«›‹")
_NP_INNER = frozenset({"DET", "ADJ", "NUM", "NOUN", "PROPN", "X"})
_NOT_IN_NP = frozenset({"VERB", "AUX", "ADV", "PART", "SCONJ"})
_SPLIT_PARTICLE_POS = frozenset({"ADJ", "ADV", "ADP", "PART"})  # what a particle written apart is tagged
_CLAUSE_STOPS = frozenset({",", ":", ";"})
_CLAUSE_ENDS = _CLAUSE_STOPS | {".", "!", "?"}


@dataclass(frozen=True, slots=True)
class Closed:
    """The closed word classes and tagset tags the view's queries read, from the article's language
    (``word_lists.tsv`` and ``tags.tsv`` of its ``data/``)."""

    verb_cues: dict[str, VerbCue]
    agent_markers: frozenset[str]  # "von": the passive's agent
    as_particles: frozenset[str]  # "als": "Als Sprecher sagte X" is no subject
    passive_auxiliaries: frozenset[str]  # lemmas: "werden"
    infinitive_markers: frozenset[str]  # "zu"
    object_articles: frozenset[str]
    adverbial_words: frozenset[str]
    subordinators: frozenset[str]
    adverbial_conjunctions: frozenset[str]
    genitive_articles: frozenset[str]
    finite_tags: frozenset[str]
    full_verb_tags: frozenset[str]
    participle_tags: frozenset[str]
    particle_tags: frozenset[str]  # a separated verb particle
    attributive_adjective_tags: frozenset[str]
    predicative_adjective_tags: frozenset[str]
    marked_infinitive_tags: frozenset[str]  # one word: "abzufragen"
    infinitive_tags: frozenset[str]
    present_participle_endings: tuple[str, ...]  # "dringend": an adjective or adverb made of a verb


@cache
def closed_classes(language: lang.Language) -> Closed:
    lexicon = language.lexicon
    words, tags = lexicon.word_list, lexicon.tags
    return Closed(
        verb_cues=lexicon.verb_cues, agent_markers=words("agent_markers"), as_particles=words("as_particles"),
        passive_auxiliaries=words("passive_auxiliaries"), infinitive_markers=words("infinitive_markers"),
        object_articles=words("object_articles"), adverbial_words=words("adverbial_words"),
        subordinators=words("subordinators"), adverbial_conjunctions=words("adverbial_conjunctions"),
        genitive_articles=words("genitive_articles"), finite_tags=tags("finite"), full_verb_tags=tags("full_verb"),
        participle_tags=tags("participle"), particle_tags=tags("verb_particle"),
        attributive_adjective_tags=tags("attributive_adjective"),
        predicative_adjective_tags=tags("predicative_adjective"), marked_infinitive_tags=tags("marked_infinitive"),
        infinitive_tags=tags("infinitive"), present_participle_endings=lexicon.word_tuple("present_participle_endings"),
    )  # fmt: skip


class SentenceView:
    """Tokens of one sentence with children lists and convenience queries."""

    def __init__(self, analysis: Analysis, sentence: Sentence) -> None:
        self.analysis = analysis
        self.sentence = sentence
        self.start = sentence.token_start
        self.end = sentence.token_end
        self.tokens = analysis.tokens
        self.closed = closed_classes(lang.of(analysis.article))
        kids: dict[int, list[int]] = defaultdict(list)
        for i in range(self.start, self.end):
            head = self.tokens[i].head
            if head != i and self.start <= head < self.end:
                kids[head].append(i)
        self._kids = kids
        self._cues: dict[int, VerbCue | None] = {}  # every handler asks for every verb's cue
        self._segments: tuple[tuple[int, ...], ...] | None = None

    @property
    def indices(self) -> range:
        return range(self.start, self.end)

    def tok(self, i: int) -> Token:
        return self.tokens[i]

    def low(self, i: int) -> str:
        return self.tokens[i].text.lower()

    def children(self, i: int, *deps: str) -> list[int]:
        kids = self._kids.get(i, [])
        return [k for k in kids if not deps or self.tokens[k].dep in deps]

    def subtree(self, i: int, exclude: Iterable[int] = ()) -> list[int]:
        """Token ``i`` and its descendants, minus the subtrees rooted at ``exclude``."""
        banned = set(exclude)
        out, stack = [], [i]
        while stack:
            node = stack.pop()
            if node in banned:
                continue
            out.append(node)
            stack.extend(self._kids.get(node, []))
        return sorted(out)

    def is_punct(self, i: int) -> bool:
        text = self.tokens[i].text
        return all(c in PUNCT for c in text)

    def is_quote(self, i: int) -> bool:
        text = self.tokens[i].text
        return len(text) <= 2 and all(c in QUOTE_CHARS for c in text)

    def is_finite(self, i: int) -> bool:
        tok = self.tokens[i]
        if tok.feature("VerbForm") == "Fin" or tok.tag in self.closed.finite_tags:
            return True
        # the morphologizer sometimes leaves VerbForm out; only finite verbs carry a mood
        return tok.pos in ("VERB", "AUX") and tok.feature("Mood") in ("Ind", "Sub")

    def verb_lemma(self, i: int) -> str:
        """Lemma with its separated particle joined on: "teilte … mit" gives "mitteilen"."""
        lemma = self.tokens[i].lemma.lower()
        k = self.particle(i)
        return lemma if k is None else self.low(k) + lemma

    def particle(self, i: int) -> int | None:
        """The separated verb particle of finite verb ``i`` (parse first, then the PTKVZ tag); the
        word before a clause-final verb where it is written apart ("bekannt gaben")."""
        if self._split_particle_cue(i) is not None:
            return i - 1
        for k in self.children(i, "compound", "svp", "prt"):
            if self.tokens[k].tag in self.closed.particle_tags and not any(
                self.is_finite(j) for j in range(i + 1, k)
            ):  # not across another verb: "schrieb X und reihte sich … ein"
                return k
        if not self.is_finite(i):
            return None
        joined = self.closed.verb_cues
        lemma = self.tokens[i].lemma.lower()
        for k in range(i + 1, self.end):
            text = self.tokens[k].text
            if text in (":", ";") or self.is_quote(k):
                return None
            if text == ",":
                # an apposition does not end the clause ("teilte der Direktor, Bagus Puruhito, mit")
                stretch = list(
                    itertools.takewhile(lambda j: self.tokens[j].text not in _CLAUSE_STOPS, range(k + 1, self.end))
                )
                if not stretch or self.clause_like(stretch) or self.infinitive_clause(stretch):
                    return None
                continue
            if self.is_finite(k):
                return None  # "schrieb X und reihte sich … ein": the particle is the next verb's
            if self.tokens[k].tag in self.closed.particle_tags:
                return k
            # a particle the tagger missed ("gab … bekannt" tagged as an adjective): the clause's
            # last word, if it and the verb make a reporting verb
            last = k + 1 >= self.end or self.tokens[k + 1].text in _CLAUSE_ENDS
            if last and self.low(k) + lemma in joined:
                return k
        return None

    def cue(self, i: int) -> VerbCue | None:
        """The reporting-verb entry of token ``i``, if it is a verb in the lexicon."""
        if i not in self._cues:
            self._cues[i] = self._cue(i)
        return self._cues[i]

    def _cue(self, i: int) -> VerbCue | None:
        tok = self.tokens[i]
        full_verb = tok.pos in ("VERB", "AUX") or tok.tag in self.closed.full_verb_tags
        if not full_verb and not self._verb_as_adjective(i):
            return None
        cues = self.closed.verb_cues
        return cues.get(self.verb_lemma(i)) or cues.get(self.tokens[i].lemma.lower())  # verb_lemma joins "bekannt gab"

    def _split_particle_cue(self, i: int) -> VerbCue | None:
        """A clause-final verb with its particle written apart before it ("wie die Macher bekannt
        gaben" for "bekanntgaben"): the particle's lower-case word joined to the verb's lemma."""
        before = self.tokens[i - 1] if i > self.start else None
        if before is None or before.pos not in _SPLIT_PARTICLE_POS or not before.text.islower():
            return None
        return self.closed.verb_cues.get(self.low(i - 1) + self.tokens[i].lemma.lower())

    def _verb_as_adjective(self, i: int) -> bool:
        """A reporting verb the tagger took for a predicative adjective ("Als Grund wurde
        angegeben, …", "Colomer empfahl dem Gericht, …"): lemma in the lexicon, not before a noun."""
        tok = self.tokens[i]
        if tok.pos != "ADJ" or tok.tag in self.closed.attributive_adjective_tags or not tok.text[:1].islower():
            return False
        if tok.text.endswith(self.closed.present_participle_endings):
            return False  # "dringend aufgerufen": a present participle is an adverb, not the verb
        nxt = self.tokens[i + 1] if i + 1 < self.end else None
        return tok.lemma.lower() in self.closed.verb_cues and (nxt is None or nxt.pos not in ("NOUN", "PROPN", "ADJ"))

    def subject(self, i: int) -> list[int]:
        """The subject phrase of verb ``i``: parse (verb or its auxiliary), else surface."""
        heads = [i, *self.children(i, "aux", "cop")]
        if self.tokens[i].dep in ("xcomp", "aux", "conj") and self.start <= self.tokens[i].head < self.end:
            heads.append(self.tokens[i].head)
        for head in heads:
            subjects = self.children(head, "nsubj", "csubj")
            # two subjects in the parse: the one right after the verb, not a noun of a fronted phrase
            # ("Mit Verweis auf … die Impfpflicht ruft Chalupka … auf")
            if len(subjects) > 1:
                subjects = sorted(subjects, key=lambda k: min(self.phrase(k), default=k) != i + 1)
            for k in subjects:
                phrase = self.phrase(k)
                nominal = any(self.tokens[x].pos in ("NOUN", "PROPN", "PRON") for x in phrase)
                if nominal and not self.is_quote(phrase[0]) and i not in phrase:
                    if not self._adverbial(phrase):
                        return phrase
                    after = self.np_after_verb(i)  # "Des Weiteren verwies Steinbrück": the subject follows
                    if after:
                        return after
        return self.nominative_np(exclude=i)

    def agent(self, i: int) -> list[int]:
        """The agent phrase of passive verb ``i`` as the parse attaches it ("von X mitgeteilt")."""
        for k in self.children(i, "obl", "nmod"):
            if any(self.low(c) in self.closed.agent_markers for c in self.children(k, "case")):
                return self.trim([x for x in self.subtree(k) if self.low(x) not in self.closed.agent_markers])
        return []

    def is_passive(self, i: int) -> bool:
        """``… wurde … kritisiert``: a participle with a form of *werden* as its auxiliary."""
        tok = self.tokens[i]
        # the morphologizer often writes a participle as "Tense=Past" without VerbForm
        participle = (
            tok.feature("VerbForm") == "Part"
            or tok.tag in self.closed.participle_tags
            or (tok.feature("Tense") == "Past" and tok.feature("Mood") is None and tok.feature("VerbForm") is None)
        ) and tok.feature("Tense") != "Pres"  # a present participle is no passive: "is calling for …"
        auxiliaries = self.closed.passive_auxiliaries
        werden = [k for k in self.children(i, "aux", "aux:pass") if self.tokens[k].lemma.lower() in auxiliaries]
        # "wird … berichtet" with the participle read as the finite form it is spelled like: the
        # auxiliary's own passive voice tells
        spelled_like_one = tok.feature("VerbForm") != "Inf" and tok.text.endswith("t")  # not "wird … berichten"
        return bool(werden) and (
            participle or (spelled_like_one and any(self.tokens[k].feature("Voice") == "Pass" for k in werden))
        )

    def passive_agent(self, i: int) -> list[int]:
        """The agent of passive verb ``i``: from the parse, else the von-phrase nearest before the
        verb ("Von der Opposition wurde … kritisiert", "… vom Deutschen Wetterdienst als „sehr hoch“
        eingestuft"); none without one."""
        agent = self.agent(i)
        if agent:
            return agent
        for k in range(i - 1, self.start - 1, -1):
            if self.low(k) in self.closed.agent_markers:
                return self.np_after(k)
        return []

    def _adverbial(self, phrase: list[int]) -> bool:
        """A fronted adverbial the parser took for the subject: a prepositional phrase, a genitive or
        dative phrase, a date ("Ende Januar 2006") or a sentence adverb ("Ebenso")."""
        first = self.tokens[phrase[0]]
        if first.pos == "ADP" or first.text.lower() in self.closed.object_articles:  # never open a subject
            return True
        before = phrase[0] - 1
        if before >= self.start and (self.tokens[before].pos == "ADP" or self.low(before) in self.closed.as_particles):
            return True  # "Als Sprecher der Regierung sagte Müller"
        return first.text.lower() in self.closed.adverbial_words

    def _adverb(self, k: int) -> bool:
        tok = self.tokens[k]
        return (
            (tok.pos in ("ADV", "PART") and tok.tag not in self.closed.particle_tags)
            or tok.tag in self.closed.predicative_adjective_tags
            or self.low(k) in self.closed.adverbial_words
        )

    def np_after_verb(self, i: int) -> list[int]:
        """The noun phrase after finite verb ``i``, past adverbs ("plädierte auch Volker Beck")."""
        k = i
        while k + 1 < self.end and self._adverb(k + 1):
            k += 1
        np = self.np_after(k)
        # an object article never opens a subject
        return [] if np and self.tokens[np[0]].text.lower() in self.closed.object_articles else np

    def nominative_np(self, exclude: int) -> list[int]:
        """The first noun phrase not governed by a preposition whose head is nominative."""
        k = self.start
        while k < self.end:
            # a prepositional phrase or "als …" ("Als Begründung wurde angegeben") is no subject
            governed = self.tokens[k].pos == "ADP" or self.low(k) in self.closed.as_particles
            if k == exclude or governed or self.tokens[k].pos == "SCONJ" or self.is_punct(k):
                k += 1 if not governed else len(self.np_after(k)) + 1
                continue
            chunk = self.np_after(k - 1) if self.tokens[k].pos != "VERB" else []
            if chunk:
                heads = [c for c in chunk if self.tokens[c].pos in ("NOUN", "PROPN", "PRON")]
                if heads and self.tokens[heads[0]].feature("Case") in (None, "Nom"):
                    return chunk
                k = chunk[-1] + 1
            else:
                k += 1
        return []

    def phrase(self, head: int) -> list[int]:
        """A noun phrase: the head's subtree, cut where the parse runs past the phrase."""
        drop = [k for k in self.children(head, "acl") if self._is_relative(k)]
        tree = self.subtree(head, exclude=drop)
        out: list[int] = []
        seen_noun = False
        first = tree[0]
        while first < head and self.tokens[first].pos in ("CCONJ", "PUNCT"):
            first += 1
        for k in range(first, tree[-1] + 1):
            tok = self.tokens[k]
            verbal = tok.pos in _NOT_IN_NP or tok.tag in self.closed.predicative_adjective_tags
            if k not in tree or verbal:
                break
            if seen_noun and tok.pos == "DET" and tok.feature("Case") in ("Acc", "Dat"):
                break
            seen_noun = seen_noun or tok.pos in ("NOUN", "PROPN", "PRON")
            out.append(k)
        while out and self.tokens[out[-1]].pos == "ADP":  # "die Ärztezeitung in" (the parse ran on)
            out.pop()
        return self.trim(out)

    def _is_relative(self, k: int) -> bool:
        return any(self.is_relative_pronoun(c) for c in self.subtree(k))

    def is_relative_pronoun(self, i: int) -> bool:
        """``der``/``die``/``welche`` opening a relative clause (the tagger writes ``Dem,Rel``)."""
        return "Rel" in (self.tokens[i].feature("PronType") or "").split(",")

    def _inside_quotes(self, head: int) -> bool:
        return any(self.is_quote(k) for k in self.children(head))

    def trim(self, idx: list[int]) -> list[int]:
        """Drop leading/trailing punctuation (not quotation marks that close a quote inside)."""
        idx = sorted(idx)
        while idx and self.is_punct(idx[0]):
            idx.pop(0)
        while idx and self.is_punct(idx[-1]):
            idx.pop()
        if idx and self.is_quote(idx[-1]) and not any(self.is_quote(k) for k in idx[:-1]):
            idx.pop()
        if idx and self.is_quote(idx[0]) and not any(self.is_quote(k) for k in idx[1:]):
            idx.pop(0)
        return idx

    def np_after(self, i: int) -> list[int]:
        """Surface noun-phrase chunk starting right after token ``i`` (genitives included)."""
        out: list[int] = []
        k = i + 1
        seen_noun = False
        while k < self.end:
            tok = self.tokens[k]
            if self.is_quote(k) or tok.pos in _NP_INNER or (tok.pos == "PRON" and not seen_noun):
                if seen_noun and self._new_phrase(k):
                    break
                seen_noun = seen_noun or tok.pos in ("NOUN", "PROPN", "PRON")
                out.append(k)
                k += 1
                continue
            break
        while out and self.is_quote(out[-1]) and sum(self.is_quote(x) for x in out) % 2:
            out.pop()
        return out if seen_noun else []

    def _new_phrase(self, k: int) -> bool:
        """After a noun, a number or adjective that opens the next phrase: "Angaben des Amtes
        13 Prozent", "laut Atmar neun Zivilisten" (but "Artikel 65 des Grundgesetzes", "des
        Statistischen Bundesamtes" stay one phrase)."""
        tok, prev = self.tokens[k], self.tokens[k - 1]
        nxt = self.tokens[k + 1] if k + 1 < self.end else None
        if tok.pos == "DET":  # a genitive goes on ("Ansicht der Ärzte"), whatever case the tagger guessed
            return tok.text.lower() not in self.closed.genitive_articles and tok.feature("Case") != "Gen"
        if tok.pos == "NOUN" and prev.pos == "NOUN":  # "laut Ministerium | Arbeiten an …", not "Agentur Xinhua"
            return tok.head != k - 1 and prev.head != k
        if tok.pos == "NUM":
            return nxt is not None and nxt.pos in ("NOUN", "ADJ")
        if tok.pos == "ADJ":  # "Schätzungen französischer Behörden" is a genitive too
            return prev.pos not in ("DET", "ADJ") and tok.feature("Case") != "Gen"
        return False

    def np_before(self, i: int) -> list[int]:
        """Surface noun-phrase chunk ending right before token ``i``."""
        out: list[int] = []
        k = i - 1
        while k >= self.start:
            tok = self.tokens[k]
            if tok.pos in _NP_INNER or self.is_quote(k) or tok.pos == "PRON":
                out.insert(0, k)
                k -= 1
                continue
            break
        while out and self.tokens[out[0]].pos == "ADV":
            out.pop(0)
        return out if any(self.tokens[x].pos in ("NOUN", "PROPN", "PRON") for x in out) else []

    def segments(self) -> list[list[int]]:
        """Comma/colon/semicolon-separated stretches of the sentence (separators excluded); computed
        once per sentence, handed out as fresh lists."""
        if self._segments is None:
            self._segments = tuple(tuple(seg) for seg in self._cut())
        return [list(seg) for seg in self._segments]

    def _cut(self) -> list[list[int]]:
        segs: list[list[int]] = [[]]
        depth = 0  # a comma inside parentheses separates nothing: "(National Environment Authority, NEMA)"
        for i in self.indices:
            text = self.tokens[i].text
            depth = max(0, depth + (text == "(") - (text == ")"))
            if text in (",", ";", ":") and not (depth and text == ","):
                segs.append([])
            else:
                segs[-1].append(i)
        return [s for s in segs if s]

    def clause_like(self, idx: list[int]) -> bool:
        """Whether a stretch is a clause: a finite verb, or opened by dass/ob/wie/w-word."""
        words = [i for i in idx if not self.is_quote(i)]
        if not words:
            return False
        if self.low(words[0]) in self.closed.subordinators:
            return True
        return any(self.is_finite(i) for i in words)

    def can_be_reported(self, idx: list[int]) -> bool:
        """Whether a clause can be what was said: not an adverbial clause ("sobald …", "obwohl …";
        "da" only as a conjunction, not in "da sei nichts") and not a relative clause ("welche …
        führte", "auf die … hingewiesen wird"; "das sei gut" is a main clause)."""
        words = [i for i in idx if not self.is_quote(i)]
        if not words:
            return False
        first = self.low(words[0])
        if first in self.closed.adverbial_conjunctions and not (len(words) > 1 and self.is_finite(words[1])):
            return False
        k = words[1] if self.tokens[words[0]].pos == "ADP" and len(words) > 1 else words[0]
        return not (self.is_relative_pronoun(k) and not (k + 1 < self.end and self.is_finite(k + 1)))

    def is_zu_infinitive(self, i: int) -> bool:
        """``abzufragen`` or ``zu unterstellen``: a verb of a *zu*-infinitive clause."""
        tok = self.tokens[i]
        if tok.tag in self.closed.marked_infinitive_tags:
            return True
        closed = self.closed
        return i > self.start and self.low(i - 1) in closed.infinitive_markers and tok.tag in closed.infinitive_tags

    def infinitive_clause(self, idx: list[int]) -> bool:
        """Whether a stretch is a *zu*-infinitive clause ("…, die Kontrolle … zu unterstellen")."""
        return any(self.is_zu_infinitive(i) for i in idx)

    def semicolon_part(self, i: int) -> list[int]:
        """The tokens of the sentence between the semicolons around token ``i``."""
        stops = [k for k in self.indices if self.tokens[k].text == ";"]
        lo = max([k for k in stops if k < i], default=self.start - 1) + 1
        hi = min([k for k in stops if k > i], default=self.end)
        return list(range(lo, hi))

    def final_punct(self) -> int | None:
        last = self.end - 1
        while last >= self.start and self.is_quote(last):
            last -= 1
        return last if last >= self.start and self.tokens[last].text in (".", "!", "?", "…") else None
