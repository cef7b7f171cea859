"""Sources as entities: the mentions of one source merged, named, typed, with role and country.

Mentions come from the attributions' source spans.  They are merged within the article by:
- the surname of a named person ("Kuzio" joins "Taras Kuzio");
- the same name once determiners and quotation marks are dropped ("der britische "Express"" and
  "Express" are the outlet Express);
- a pronoun or a bare role noun ("er", "der Professor") joins the nearest person mentioned
  before it (with that role, for a role noun).
Vague sources are merged only when worded alike: "Viele Experten" and "Experten" may be
different groups, and the article does not say.  The publishing outlet is an entity too
(``publisher``), found in the metadata or the page furniture ("Folgen Sie News.de …").
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from urllib.parse import urlsplit

from .. import lang
from ..attribution.draft import in_heading
from ..lang import Lexicon, rules
from ..lang.rules import LEARNED
from ..model import Analysis, Attribution, AttributionType, Sentence, SourceKind, Span, Token
from .sources import classify_source, is_acronym, is_place, outlet_named

_QUOTES = "\"„“”‚‘’'»«"
AUTHOR = -1  # the entity index of attributions in the author's own voice ("Ich meine, …" outside quotes)


@dataclass(slots=True)
class _Entity:
    name: str
    kind: SourceKind
    key: str
    surname: str | None = None
    mentions: list[Span] = field(default_factory=list)
    role: Span | None = None
    country: str | None = None
    attributions: list[int] = field(default_factory=list)
    channels: list[str] = field(default_factory=list)
    gender: str | None = None


class TokenIndex:
    """The tokens inside a character span, by binary search over token starts."""

    def __init__(self, tokens: tuple[Token, ...]) -> None:
        self.tokens = tokens
        self.starts = [t.span.start for t in tokens]

    def within(self, span: Span) -> list[Token]:
        k = bisect.bisect_left(self.starts, span.start)
        out = []
        while k < len(self.tokens) and self.tokens[k].span.end <= span.end:
            out.append(self.tokens[k])
            k += 1
        return out


class SentenceIndex:
    """Sentences by character offset, by binary search over sentence starts (linear work per article)."""

    def __init__(self, sentences: tuple[Sentence, ...]) -> None:
        self.sentences = sentences
        self.starts = [s.span.start for s in sentences]

    def at(self, offset: int) -> int:
        """The index of the sentence holding ``offset``, or -1."""
        k = bisect.bisect_right(self.starts, offset) - 1
        return k if k >= 0 and offset < self.sentences[k].span.end else -1

    def overlapping(self, span: Span) -> Iterator[int]:
        """The indices of the sentences that share a character with ``span``."""
        k = max(0, bisect.bisect_right(self.starts, span.start) - 1)
        while k < len(self.sentences) and self.sentences[k].span.start < span.end:
            if span.start < self.sentences[k].span.end:
                yield k
            k += 1


def _is_role(word: str, lexicon: Lexicon) -> bool:
    """A role noun, also inside a compound: "Bahnchef", "Regierungssprecherin"."""
    return _role_pattern(lexicon).search(word.lower()) is not None


@cache
def _role_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    """The language's role words as one pattern (a role word anywhere in a word)."""
    return re.compile("|".join(re.escape(w) for w in lexicon.word_tuple("role_words")))


def _definite(words: list[Token]) -> bool:
    """Whether a mention opens with a definite article ("der Ressortchef", "the minister")."""
    return bool(words) and words[0].pos == "DET" and words[0].feature("Definite") == "Def"


def _role_noun(token: Token, lexicon: Lexicon) -> bool:
    """A noun naming a person's role ("Wirtschaftsminister"), not an institution that contains
    one ("Staatsanwaltschaft", "Ministerium")."""
    if token.pos not in ("NOUN", "PROPN"):
        return False
    low = token.text.lower()
    # the tagger reads a party's compound as a name: "FPÖ-Europasprecherin"; a surname is no role
    # ("Scheffler" holds "chef"), so a name counts only by the part after its hyphen
    if token.pos == "NOUN" and not _is_role(low, lexicon):
        return False
    if token.pos == "PROPN" and not ("-" in low and _is_role(low.rsplit("-", 1)[1], lexicon)):
        return False
    return not low.endswith(lexicon.word_tuple("state_endings") + lexicon.word_tuple("organisation_endings"))


def _spokesperson_of(tokens: list[Token], lexicon: Lexicon) -> tuple[list[Token], list[Token]]:
    """An unnamed spokesperson speaks for the organisation: "ein Sprecher des Max-Planck-Instituts"
    is the institute, with the role "Sprecher" (the owner's words, and the role's).  Nothing where
    the spokesperson is named ("Sprecherin Anna Berger") or no owner follows."""
    words = [t for t in tokens if t.pos != "PUNCT"]
    at = next((k for k, t in enumerate(words) if t.pos == "NOUN" and _is_spokesperson(t.text.lower(), lexicon)), None)
    if at is None or any(t.pos == "PROPN" for t in words[:at]) or "-" in words[at].text:
        return [], []  # "HZB-Sprecherin": the owner is inside the word, and what follows may be an addressee
    rest = words[at + 1 :]
    if rest and rest[0].pos == "PROPN" and rest[0].feature("Case") != "Gen":
        return [], []  # "Sprecher Max Müller": a named person
    if _is_full_name(rest[-2:], lexicon) and all(t.pos == "PROPN" and not t.text.isupper() for t in rest[-2:]):
        return [], []  # "Sprecher der Schutzvereinigung DSW Jürgen Kurz": named after the organisation
    while rest and rest[0].pos in ("DET", "ADP"):
        rest = rest[1:]
    place = next((k for k in range(1, len(rest) - 1) if rest[k].pos == "ADP" and is_place(rest[k + 1], lexicon)), None)
    rest = rest[:place] if place is not None else rest  # "von Tesla in China" speaks for Tesla
    if not any(t.pos in ("NOUN", "PROPN") for t in rest):
        return [], []
    return rest, [words[at]]


def _is_spokesperson(word: str, lexicon: Lexicon) -> bool:
    return any(w in word for w in lexicon.word_list("spokesperson_words"))


def _words(tokens: list[Token]) -> list[Token]:
    return [t for t in tokens if t.text.strip(_QUOTES) and t.pos != "PUNCT"]


def _owner(tokens: list[Token], lexicon: Lexicon) -> list[Token]:
    """The owner of a statement the source phrase names: "Angaben der Task Force" is the Task Force,
    "Ansicht von Aiwanger" is Aiwanger, "Berechnungen der EU-Kommission" the Commission.  The
    phrase itself where its first noun is no statement noun or nothing named follows it."""
    k = 0
    while k < len(tokens) and (tokens[k].pos in ("DET", "PUNCT", "ADJ") or not tokens[k].text.strip(_QUOTES)):
        k += 1
    if _possessor(tokens[k:], lexicon):
        return tokens[k : k + 1]  # "Yücels Bericht zufolge": Yücel's
    if k >= len(tokens) - 1 or tokens[k].pos != "NOUN" or lexicon.source_noun_medium(tokens[k].text) is None:
        return tokens
    if _is_role(tokens[k].text, lexicon):  # "Sprecher der Polizei" is a person with a role
        return tokens
    rest = tokens[k + 1 :]
    while rest and rest[0].pos == "ADP":  # "von", "vom"; not "aus": "eine Studie aus den USA" has no owner named
        if rest[0].text.lower() not in lexicon.word_list("agent_markers"):
            return tokens
        rest = rest[1:]
    return rest if any(t.pos in ("PROPN", "NOUN") for t in rest) else tokens


def _possessor(tokens: list[Token], lexicon: Lexicon) -> bool:
    """Whether a name in the genitive opens the phrase, owner of the statement noun after it
    ("Yücels Bericht", "Merkels Aussage"; the language's ``genitive_endings``)."""
    if len(tokens) < 2 or tokens[0].pos != "PROPN" or tokens[1].pos != "NOUN":
        return False
    if lexicon.source_noun_medium(tokens[1].text) is None or _is_role(tokens[1].text, lexicon):
        return False
    return tokens[0].text.lower().endswith(lexicon.word_tuple("genitive_endings"))


def _own_statement(tokens: list[Token], analysis: Analysis, lexicon: Lexicon) -> list[Token]:
    """The subject of the clause when the source phrase is its own statement ("Ultium Cells investiert
    eigenen Angaben zufolge …", "Nach eigenen Angaben kann Apple …"); the phrase itself otherwise."""
    words = [t for t in tokens if t.pos != "PUNCT"]
    own = lexicon.word_list("own_words")
    if not any(t.text.lower() in own for t in words) or not any(
        t.pos == "NOUN" and lexicon.source_noun_medium(t.text) is not None for t in words
    ):
        return tokens
    where = analysis.sentences[tokens[0].sentence]
    sentence = analysis.tokens[where.token_start : where.token_end]
    subject = next((t for t in sentence if t.dep == "nsubj" and t not in tokens), None)
    if subject is None:
        return tokens
    return [t for t in sentence if t is subject or (t.head == subject.index and t.dep.startswith(("flat", "compound")))]


def _name_and_role(tokens: list[Token], lexicon: Lexicon) -> tuple[list[Token], list[Token]]:
    """Split a source phrase into its name and its role ("Taras Kuzio, Professor für …")."""
    words = _words(tokens)
    if not words:
        return [], []
    if len(tokens) > 3 and tokens[-1].text == ")" and tokens[-3].text == "(" and is_acronym(tokens[-2].text):
        # "North Korea's main news agency Korean Central News Agency (KCNA)": the name spelled out
        # before its abbreviation, described by what comes before it
        k = len(tokens) - 3
        while k > 0 and tokens[k - 1].pos != "DET" and tokens[k - 1].text[:1].isupper():
            k -= 1
        described = k > 0 and tokens[k - 1].pos == "NOUN" and tokens[k - 1].text.islower()  # "news agency"
        if described and k < len(tokens) - 3:  # not "Bundesamt für Sicherheit in der Informationstechnik (BSI)"
            return tokens[k:-3], _content(tokens[:k], lexicon)
    comma = next((k for k, t in enumerate(tokens) if t.text == ","), None)
    if comma is not None and comma > 0:
        head, tail = _words(tokens[:comma]), _words(tokens[comma + 1 :])
        if _is_full_name(tail, lexicon) and any(_is_role(t.text, lexicon) for t in head):
            # the role from its article or noun on, not from a stray "Unterdessen" the span took in
            role = itertools.dropwhile(lambda t: t.pos != "DET" and not _is_role(t.text, lexicon), head)
            return tail, _content(list(role), lexicon)  # "der Sprecher der DSW, Jürgen Kurz"
        if head and all(t.pos == "PROPN" for t in head[-2:]):
            return head, tail
    # trailing proper names after a role: "der … Stabschef des kasachischen Präsidenten Timur Suleimenow"
    k = len(words)
    while k > 0 and words[k - 1].pos == "PROPN" and words[k - 1].text[:1].isupper() and (
        k == len(words) or not _is_role(words[k - 1].text, lexicon)  # "DAI-Chefin", read as a name
    ):
        k -= 1
    names, before = words[k:], words[:k]
    if names and before and before[-1].pos in ("ADP", "DET") and any(_is_role(t.text, lexicon) for t in before):
        return words, []  # "der Konzernchef von FACC": the body's, not the person's name
    if names and before and any(_is_role(t.text, lexicon) for t in before):
        return names, _content(before, lexicon)
    return words, []


def _key(words: list[Token], lexicon: Lexicon) -> str:
    kept = [t.text.strip(_QUOTES).lower() for t in _content(words, lexicon)]
    return " ".join(w for w in kept if w)


def _display(words: list[Token], lexicon: Lexicon) -> str:
    kept = _content(words, lexicon)
    whole = " ".join(t.text for t in kept)
    if lexicon.names_a_state(whole):
        return whole  # "United States": the adjective is part of the country's name
    if kept and kept[0].pos == "ADJ" and len(kept) > 1 and kept[-1].pos in ("PROPN", "NOUN"):
        kept = kept[1:] if kept[1].pos in ("PROPN", "NOUN") or len(kept) > 2 else kept
    return " ".join(t.text.strip(_QUOTES) for t in kept).strip()


def _span(text: str, tokens: list[Token]) -> Span | None:
    return Span.of(text, tokens[0].span.start, tokens[-1].span.end) if tokens else None


def _channels(analysis: Analysis, index: TokenIndex, att: Attribution, lexicon: Lexicon) -> list[str]:
    """The channels named in the sentence of the attribution's cue ("Twitter", "Interview")."""
    anchor = (att.cue or att.source or att.message)[0]
    sentence = next((s for s in analysis.sentences if s.span.start <= anchor.start < s.span.end), None)
    if sentence is None:
        return []
    platforms = lexicon.platforms
    return [platforms[t.text] for t in index.within(sentence.span) if t.text in platforms]


def find_publisher(analysis: Analysis) -> str | None:
    """The publishing outlet: site name, URL host, or an outlet named in the page furniture."""
    meta = analysis.article.metadata
    if meta.site_name:
        return meta.site_name
    if meta.url and (host := urlsplit(meta.url).hostname):
        return host.removeprefix("www.")
    lexicon = lang.of(analysis.article).lexicon
    outlets = {name.lower(): name for name in lexicon.outlet_names}
    credit, domain = _furniture_patterns(lexicon)
    furniture = [line for line in analysis.article.dropped if not credit.match(line)]
    for line in furniture:  # a domain first: "Folgen Sie News.de …", "/fka/news.de"
        for match in domain.finditer(line):
            return outlets.get(match.group(1).lower(), match.group(1))
    for line in furniture:
        for word in re.findall(r"[\w.-]+", line):
            if word.lower() in outlets and len(word) > 3:
                return outlets[word.lower()]
    return None


def publisher_forms(analysis: Analysis) -> frozenset[str]:
    """The ways a text names its own publisher, letters and digits only: the site name, the URL's
    host with and without its top-level domain ("lokalo.de", "utopia"), the outlet the page names."""
    meta = analysis.article.metadata
    names = [meta.site_name, meta.url and urlsplit(meta.url).hostname, find_publisher(analysis)]
    bare = [n.removeprefix("www.") for n in names if n]
    forms = {alnum(n) for n in bare} | {alnum(n.rsplit(".", 1)[0]) for n in bare}
    return frozenset(f for f in forms if f)


def alnum(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalnum())


@cache
def _furniture_patterns(lexicon: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A photo credit ("Foto: dpa": it names an agency, not the publisher) and a web domain of the
    language's region ("News.de"), from the word lists ``credit_words`` and ``publisher_domains``."""
    credit = "|".join(sorted(lexicon.word_list("credit_words")))
    domains = "|".join(sorted(lexicon.word_list("publisher_domains")))
    return (re.compile(rf"^\W*({credit})\b", re.IGNORECASE),
            re.compile(rf"\b([A-Za-z][\w-]*\.(?:{domains}))\b"))  # fmt: skip


def find_sources(analysis: Analysis) -> tuple[list[_Entity], dict[int, int]]:
    """The entities, and for each attribution id the index of its entity."""
    finder = _SourceFinder(analysis, lang.of(analysis.article).lexicon)
    for att in sorted(analysis.attributions, key=lambda a: (a.source or a.cue or a.message)[0].start):
        finder.add(att)
    _more_mentions(finder.index, finder.entities)
    return finder.entities, finder.of_attribution


class _SourceFinder:
    """Attributions' source mentions merged into entities, one attribution at a time in text order."""

    def __init__(self, analysis: Analysis, lexicon: Lexicon) -> None:
        self.analysis, self.lexicon = analysis, lexicon
        self.by_id = {a.id: a for a in analysis.attributions}
        self.text = analysis.article.text
        self.index = TokenIndex(analysis.tokens)
        self.entities: list[_Entity] = []
        self.of_attribution: dict[int, int] = {}
        self.by_key: dict[str, int] = {}
        self.by_surname: dict[str, int] = {}
        self.names = _person_names(analysis, lexicon)
        self.name_mentions = _name_mentions(analysis, self.names)
        self.run_at = {t.index: run for run in self.names for t in run}
        self.sentence_index = SentenceIndex(analysis.sentences)
        self.publisher = publisher_forms(analysis)
        self.personal: dict[int, bool] = {}  # name run index → whether it looks like a person's name

    def new_entity(self, name: str, kind: SourceKind, key: str, surname: str | None, full: bool) -> int:
        self.entities.append(_Entity(name=name, kind=kind, key=key, surname=surname))
        self.by_key.setdefault(key, len(self.entities) - 1)
        if surname and full:
            self.by_surname.setdefault(surname, len(self.entities) - 1)
        return len(self.entities) - 1

    def person_named(self, run: list[Token]) -> int:
        """The entity of a full name found in the text ("Grzegorz Schetyna"), made if new."""
        surname = run[-1].text.lower()
        if surname in self.by_surname:
            return self.by_surname[surname]
        k = self.new_entity(" ".join(t.text for t in run), SourceKind.PERSON, _key(run, self.lexicon), surname, True)
        self.entities[k].mentions.append(Span.of(self.text, run[0].span.start, run[-1].span.end))
        self.entities[k].gender = self.gender_of(run)
        return k

    def gender_of(self, run: list[Token]) -> str | None:
        """A named person's gender, from the noun right before the name ("die Sozialwissenschaftlerin
        Irme Stetter-Karp", "Frau Berger"); a name's own tag says nothing reliable."""
        before = self.analysis.tokens[run[0].index - 1] if run[0].index > 0 else None
        return _gender(before) if before is not None and before.sentence == run[0].sentence else None

    def last_person(
        self, at: int, gender: str | None, speakers_only: bool = False
    ) -> tuple[int, int | list[Token] | None]:
        """The person mentioned last before ``at`` whose gender agrees, and where: a source's mention
        (an entity index), or a full name or its surname alone (the name run; for ``speakers_only``,
        the speaker it names). With ``speakers_only``, only people already quoted count."""
        best_at, best = -1, None
        surnames: dict[str, int] = {}
        for k, e in enumerate(self.entities):
            quoted = bool(e.attributions) or not speakers_only
            if e.kind is not SourceKind.PERSON or not _agrees(gender, e.gender) or not quoted:
                continue
            if e.surname:
                surnames[e.surname] = k
            starts = [m.start for m in e.mentions if m.start < at]
            if starts and max(starts) > best_at:
                best_at, best = max(starts), k
        k = bisect.bisect_left(self.name_mentions, (at,)) - 1
        while k >= 0 and self.name_mentions[k][0] > best_at:
            start, run_at = self.name_mentions[k]
            run = self.names[run_at]
            found = surnames.get(run[-1].text.lower()) if speakers_only else run
            if not speakers_only and not self.a_persons_name(run_at):
                found = None  # "die Wilde Renate", a club: two names, but no one's
            if found is not None and (speakers_only or _agrees(gender, self.gender_of(run))):
                return start, found
            k -= 1
        return best_at, best

    def compound_before(self, head: Token, at: int) -> int | None:
        """The body a definite head noun takes up, named before as a compound of it ("das Team"
        after "ein Forschungsteam um Hossein Robatjazi"), or, further off, the only such compound
        the article names: its entity, made if new.  Not a role noun or a statement noun, which
        have their own readings."""
        low = head.text.lower()
        if _is_role(low, self.lexicon) or self.lexicon.source_noun_medium(head.text) is not None:
            return None
        tokens = self.analysis.tokens

        def compound(t: Token) -> bool:
            return t.pos == "NOUN" and len(t.text) > len(low) + 2 and t.text.lower().endswith(low)

        k = bisect.bisect_left(self.index.starts, at) - 1
        found = None
        while k >= 0 and tokens[k].sentence >= tokens[head.index].sentence - _SPEAKER_REACH:
            if compound(tokens[k]):
                found = tokens[k]
                break
            k -= 1
        if found is None:  # "wie das Team berichtet" in the lead, the "Forschungsteam" paragraphs later:
            # the one compound of the head the article names, before or after
            named = {t.text.lower(): t for t in tokens if compound(t) and not in_heading(self.analysis, t.index)}
            found = next(iter(named.values())) if len(named) == 1 else None
        if found is None:
            return None
        key = found.text.lower()
        if key not in self.by_key:
            kind = classify_source([found], self.lexicon)
            kind = SourceKind.ORGANISATION if kind is SourceKind.UNKNOWN else kind  # a team, a group
            entity = self.new_entity(found.text, kind, key, None, False)
            self.entities[entity].mentions.append(found.span)
        return self.by_key[key]

    def a_persons_name(self, run_at: int) -> bool:
        """Whether the name run ``self.names[run_at]`` looks like a person's (cached per run)."""
        if run_at not in self.personal:
            run = self.names[run_at]
            tokens = self.analysis.tokens
            before = tokens[run[0].index - 1] if run[0].index > 0 else None
            # "in der Wilden Renate": a name right after an article is a place's or a thing's, unless its
            # first word is a given name the language lists
            given = self.lexicon.first_names or frozenset()
            article = before is not None and before.sentence == run[0].sentence and (
                before.pos == "DET" or before.text.lower() in self.lexicon.word_list("article_prepositions")
            )  # "Zur Wilden Renate"
            # "Zulieferer FACC": a name that ends in an abbreviation is a body's
            self.personal[run_at] = (not article or run[0].text in given) and not is_acronym(run[-1].text)
        return self.personal[run_at]

    def nearest_person(self, at: int, gender: str | None, since: int = 0) -> int | None:
        """The person a pronoun or "der 25-Jährige" refers to: the person mentioned last before
        ``at`` and from ``since`` on (a source, a full name, or that name's surname again), whose
        gender agrees."""
        best_at, best = self.last_person(at, gender)
        if best is None or best_at < since:
            return None
        return self.person_named(best) if isinstance(best, list) else best

    def add(self, att: Attribution) -> None:
        """Give the attribution its entity: the enclosing speaker's, a known one, or a new one."""
        parent = self.by_id.get(att.parent) if att.parent is not None else None
        if parent is not None and att.parent in self.of_attribution and att.source in ((), parent.source):
            self.of_attribution[att.id] = self.of_attribution[att.parent]  # a quote within the speaker's words
            return
        tokens = self.source_tokens(att)
        if len(att.source) > 1 and tokens and tokens[0].span.start > att.source[0].start:  # a later part chosen
            att = replace(att, source_kind=classify_source(tokens, self.lexicon))
        spoke_for, spokes_role = _spokesperson_of(tokens, self.lexicon)
        owner = _own_statement(tokens, self.analysis, self.lexicon)
        if owner is tokens:
            owner = spoke_for or _owner(tokens, self.lexicon)
        if owner is not tokens:  # "Angaben der Polizei": the source is the police
            kind = classify_source(owner, self.lexicon)
            if owner is spoke_for and kind is SourceKind.UNKNOWN:
                kind = SourceKind.ORGANISATION  # what a spokesperson speaks for is a body: "Tesla"
            tokens, att = owner, replace(att, source_kind=kind)
        words = _words(tokens)
        mine = self.lexicon.word_list("first_person_possessives")
        if words and words[0].text.lower() in mine and any(
            self.lexicon.source_noun_medium(t.text) is not None for t in words[1:]
        ):  # "Unserer Meinung nach", "meiner Ansicht nach": the author's own view
            words = words[:1]
            tokens = words
        if len(words) == 1 and words[0].text.lower() in self.lexicon.word_list("first_person") | mine:
            speaker = _enclosing(self.analysis, att, self.of_attribution)
            self.of_attribution[att.id] = AUTHOR if speaker is None else speaker  # an answer's "ich" is the speaker's
            if speaker is not None:
                self.entities[speaker].attributions.append(att.id)
            return
        impersonal = len(words) == 1 and words[0].text.lower() in self.lexicon.word_list("impersonal_sources")
        if words and (impersonal or self.no_one(words, att) or not _content(words, self.lexicon)):
            words = []  # "sagt man", "Herstellung von synthetischem Treibstoff", "November", a bare "das": no one
        if not words:  # no source named ("es heißt", a passive, a quote on its own)
            speaker = self.quoted_in_paragraph(att)
            if speaker is not None:
                self.record(speaker, att, [], [])
            return  # no entity for nobody: the attribution stays, with no source
        if alnum(" ".join(t.text for t in _content(words, self.lexicon))) in self.publisher:
            self.of_attribution[att.id] = AUTHOR  # "Wie lokalo.de berichtet" on lokalo.de: the outlet's own report
            return
        tokens = self.with_name(tokens)
        tokens = _without_circumstance(tokens, self.lexicon)
        tokens, affiliation = self.affiliation(tokens)
        if affiliation:  # "Manuel Bach vom Bundesamt für …" is a person, whatever the body after the name
            att = replace(att, source_kind=SourceKind.PERSON)
        words = _words(tokens)
        name_tokens, role_tokens = _name_and_role(tokens, self.lexicon)
        role_tokens = role_tokens + affiliation if role_tokens or not affiliation else affiliation
        key = _key(name_tokens, self.lexicon)
        if (outlet := outlet_named(tokens, self.lexicon)) is not None:
            key = outlet.text.lower()  # "die britische Zeitung „The Sun“" and "der „The Sun“" are one outlet
        target = self.holder_of_role(words)
        if target is None:
            target = self.known(att, words, name_tokens, key)
        if target is None and self.unresolved_pronoun(words, att):
            return  # "Sie" with no one to refer to names no source; the attribution stays
        if target is None and (possessor := self.possessor(words)) is not None:
            target = possessor  # "Ihre gemeinsame Aussage lautet: „…“": whose statement it is
        if target is None and (body := self.spokesperson_compound(words)) is not None:
            target, spokes_role = body, words[-1:]  # "eine HZB-Sprecherin" speaks for the HZB
        if target is None and (self.stands_for_a_body(words, att) or self.release(words)):
            # "sagte ein Sprecher", "forderte die Interessenvertretung", "hieß es in einer Aussendung"
            target = self.last_body(words[0].span.start)
            if target is not None:
                spokes_role = [w for w in words if _is_spokesperson(w.text.lower(), self.lexicon)] or spokes_role
        if target is None:
            target = self.new_source(att, words, name_tokens, key, affiliated=bool(affiliation))
        elif affiliation and self.entities[target].kind is SourceKind.ORGANISATION and _is_full_name(
            name_tokens, self.lexicon
        ):
            self.entities[target].kind = SourceKind.PERSON  # named before without evidence, now "… vom Finanzblog"
        self.record(target, att, name_tokens, role_tokens or spokes_role)

    def source_tokens(self, att: Attribution) -> list[Token]:
        """The tokens of the source phrase; of a discontinuous one (the model's "ein Hindernis für
        Einsatzkräfte … das Polizeipräsidium Westpfalz"), the part that names someone (a person's
        name, a role noun or a typed head) nearest to the cue, else the first such part."""
        parts = [p for p in (self.index.within(span) for span in att.source) if p]
        if len(parts) > 1:
            named = [p for p in parts if any(t.index in self.run_at or _role_noun(t, self.lexicon) for t in p)
                     or classify_source(p, self.lexicon) not in _UNTYPED]  # fmt: skip
            if named and att.cue:
                cue = att.cue[0].start
                return min(named, key=lambda p: min(abs(p[0].span.start - cue), abs(p[-1].span.end - cue)))
            if named:
                return named[0]
        return [t for part in parts for t in part]

    def no_one(self, words: list[Token], att: Attribution) -> bool:
        """Whether a source phrase the model found names no one who could speak: a date ("Der 8.
        November"), or, where no rule anchored the span (the model alone, or a rule that names no
        source of its own, a free quote or a continuation, whose span the model or the context
        lent it), no name, no known kind of source and a first noun that is abstract
        ("Herstellung", "Beschlagnahmungen")."""
        rule = rules.get(att.rule.rsplit("+", 1)[-1])
        sourceless = rule is not None and rule.sourceless  # its span is the model's or the context's
        if not (att.rule.startswith(LEARNED.id) or sourceless) or att.source_kind is not SourceKind.UNKNOWN:
            return False  # only spans the model read (alone or over a rule): a rule's source is anchored
        content = _content(words, self.lexicon)
        if content and all(t.pos == "NOUN" for t in content) and _quoted(content, self.analysis.tokens):
            return True  # "„Brückenstrompreis“": a term in quotation marks, not a speaker
        dated = [t for t in content if not t.text.rstrip(".").isdigit()]
        if dated and all(t.text.lower() in self.lexicon.word_list("time_words") for t in dated):
            return True  # "Der 8. November": a date speaks for no one, whoever read it
        if att.rule != LEARNED.id and not sourceless:
            return False  # the model's span over a rule's finding: "die Interessenvertretung" may speak
        if any(t.pos in ("PROPN", "PRON") for t in words) or self.stands_for_a_body(words, att):
            return False  # a name, or "die Interessenvertretung" of a body named before
        head = next((t for t in words if t.pos == "NOUN"), words[-1]).text.lower()
        stem = next((head[: -len(e)] for e in self.lexicon.word_tuple("plural_endings") if head.endswith(e)), head)
        abstract = self.lexicon.word_tuple("non_person_endings")
        return head.endswith(abstract) or stem.endswith(abstract)

    def with_name(self, tokens: list[Token]) -> list[Token]:
        """A source phrase with the whole of the name it ends in, or that follows its role noun: the
        tagger cuts "DAI-Chefin Christine | Bortenlänger" and "dem Apple-Analysten | Ming-Chi Kuo"."""
        last = tokens[-1]
        run = self.run_at.get(last.index)
        if run is None and last.text[:1].isupper() and _is_role(last.text, self.lexicon):
            run = self.run_at.get(last.index + 1)
            run = run if run is not None and run[0].index == last.index + 1 else None
        if run is None and (apposition := self.apposition(tokens)):
            return tokens + apposition  # "der Zweite Vorsitzende der IG Metall, Jürgen Kerner, kritisierte"
        if run is None or run[-1].index <= last.index:
            return tokens
        return tokens + [t for t in run if t.index > last.index]

    def affiliation(self, tokens: list[Token]) -> tuple[list[Token], list[Token]]:
        """A person's name with the body it belongs to ("Manuel Bach vom Bundesamt für …", "Oberst
        Franz Polzer vom Landeskriminalamt"): the phrase up to the name, and the affiliation."""
        markers = self.lexicon.word_list("affiliation_markers")
        for k, t in enumerate(tokens[1:], start=1):
            if t.text.lower() not in markers and t.text != "(":
                continue
            run = self.run_at.get(tokens[k - 1].index)
            given = self.lexicon.first_names or frozenset()
            if run is None and 2 <= k <= _MAX_NAME_WORDS and tokens[0].text in given:
                run = tokens[:k]  # "Olaf Scholz", the given name read as a noun
            if run is None or run[-1].index != tokens[k - 1].index or len(run) < 2:
                break
            if t.text == "(" and not self.affiliated_in_parentheses(run):
                break  # "Ocean Winds (OW)": the body's own initials
            return tokens[:k], [x for x in tokens[k:] if x.text not in "()"]
        return tokens, []

    def apposition(self, tokens: list[Token]) -> list[Token]:
        """", Name," right after a source phrase with a role noun: the name of the person it describes."""
        all_tokens = self.analysis.tokens
        comma = tokens[-1].index + 1
        while (comma < len(all_tokens) and comma - tokens[-1].index <= _MAX_NAME_WORDS + 2
               and all_tokens[comma].sentence == tokens[-1].sentence
               and (all_tokens[comma].pos in _NAME_PHRASE or all_tokens[comma].text in "()")):  # fmt: skip
            comma += 1  # the rest of the role's phrase the span left out: "… Bioenergie (HBB)"
        if comma + 1 >= len(all_tokens) or all_tokens[comma].text != ",":
            return []
        if not any(_is_role(t.text, self.lexicon) for t in tokens if t.pos in ("NOUN", "PROPN")):
            return []
        run = self.run_at.get(comma + 1)
        if run is None or run[0].index != comma + 1 or run[-1].sentence != tokens[-1].sentence:
            return []
        after = all_tokens[run[-1].index + 1] if run[-1].index + 1 < len(all_tokens) else None
        if after is not None and after.text not in (",", ".", ";", "–"):
            return []
        return [*all_tokens[tokens[-1].index + 1 : comma + 1], *run]

    def quoted_in_paragraph(self, att: Attribution) -> int | None:
        """The speaker of a quotation with no speaker of its own: the person the paragraph names
        last before it ("Barisic ist Tag und Nacht auf Achse. „Es ist intensiver denn je.“")."""
        if att.type is not AttributionType.DIRECT or not att.message:
            return None
        at = att.message[0].start
        sentence = self.sentence_index.at(at)
        if sentence < 0:
            return None
        block = self.analysis.article.blocks[self.analysis.sentences[sentence].block]
        return self.nearest_person(at, None, since=block.span.start)

    def known(self, att: Attribution, words: list[Token], name_tokens: list[Token], key: str) -> int | None:
        """The entity a mention refers back to: a pronoun's or role noun's person, a surname, the same name."""
        low = [t.text.lower() for t in words]
        at = words[0].span.start
        target: int | None = None
        pronoun = len(low) == 1 and low[0] in self.lexicon.word_list("personal_pronouns")
        if len(low) == 1 and low[0] in self.lexicon.word_list("body_pronouns"):
            target = self.last_body_speaker(at)  # "it added": the outlet, body or state quoted last
        elif att.source_kind is SourceKind.PRONOUN or pronoun or _is_age(low, self.lexicon):
            target = self.nearest_person(at, _gender(words[-1]))
        elif not any(t.pos == "PROPN" for t in words) and any(_is_role(w, self.lexicon) for w in low):
            target = _person_with_role(self.entities, low, self.lexicon)
            if target is None:  # "der Ressortchef": the person the text names with that role
                target = self.named_with_role(low, at)
            if target is None and _definite(words) and not any(_is_spokesperson(w, self.lexicon) for w in low):
                # a definite role noun points back to the last person introduced with a role ("der
                # Ressortchef" after "Wirtschaftsminister Hubert Aiwanger"); an indefinite one
                # introduces someone ("ein Experte"); a spokesperson speaks for an organisation
                target = self.introduced_with_role(at)
        if target is None and self.describes_one(words, att):
            target = self.last_speaker(at, _gender(words[0]))  # "…", so der Branchenkenner
            if target is None:  # further off: the one person the article has quoted so far
                target = self.only_speaker(at, _gender(words[0]))
        bare = _content(name_tokens, self.lexicon)
        if target is None and len(bare) == 1 and bare[0].pos == "NOUN" and not _is_role(bare[0].text, self.lexicon):
            head = bare[0].text.lower()  # "die Gemeinde" after "die Gemeinde Boltigen", "das Gericht" after
            target = next((k for k in range(len(self.entities) - 1, -1, -1)  # "Verwaltungsgericht Berlin"
                           if self.entities[k].name.split()[1:]
                           and self.entities[k].name.split()[0].lower().endswith(head)), None)  # fmt: skip
        if target is None and len(bare) == 1 and bare[0].pos == "NOUN" and _definite(words):
            target = self.compound_before(bare[0], at)  # "das Team" after "ein Forschungsteam um …"
        if target is None and len(bare) == 1 and (expansion := self.expansion(bare[0])):
            target = self.mentioned_at(expansion)  # "BSI" after "Bundesamt für … (BSI)" spoke
        last = name_tokens[-1].text.lower() if name_tokens else None
        single = len(name_tokens) == 1 and name_tokens[0].text[:1].isupper()
        if target is None and last in self.by_surname and (att.source_kind is SourceKind.PERSON or single):
            target = self.by_surname[last]  # "Berger" after "Anna Berger", whatever the mention's own typing
        if target is None and single and last is not None:  # "Yücels" (of "Yücels Bericht") after "Deniz Yücel"
            stems = [last[: -len(e)] for e in self.lexicon.word_tuple("genitive_endings") if last.endswith(e)]
            target = next((self.by_surname[stem] for stem in stems if stem in self.by_surname), None)
        if target is None and single and att.source_kind in (SourceKind.UNKNOWN, SourceKind.PERSON):
            runs = [r for r in self.names if r[-1].text == name_tokens[0].text]
            run = next((r for r in reversed(runs) if r[0].span.start < at), runs[0] if runs else None)
            if run is not None:  # "Schetyna" after "Außenminister Grzegorz Schetyna", or in a lead before it
                target = self.person_named(run)
        if target is None and key in self.by_key and att.source_kind not in (SourceKind.PRONOUN,):
            target = self.by_key[key]
        return target

    def named_like_a_person(self, words: list[Token], name_tokens: list[Token]) -> bool:
        """Whether a name of two or more capitalised words is a person's: its first word is a given
        name, or a role noun comes with it, or the text mentions the last word alone elsewhere (a
        person is called by surname, "Machtlinger"; a company by its whole name, "Ultium Cells").
        Without a given-name list in the language, every such name is a person's."""
        given = self.lexicon.first_names
        if given is None or len(name_tokens) < 2 or any(_is_role(t.text, self.lexicon) for t in words):
            return True
        if not all(t.text[:1].isupper() for t in name_tokens):
            return True
        if name_tokens[-1].text == _initials(name_tokens[:-1]):
            return False  # "Ocean Winds (OW)": a body with its abbreviation
        if any(t.text in given or t.text.split("-")[0] in given for t in name_tokens[:-1]):
            return True  # "Peter Nordlander", "Hans-Peter Friedrich", "Halas' Kollege Peter Nordlander"
        if self.affiliated_in_parentheses(name_tokens):
            return True  # "Olaf Scholz (SPD)", "Ingo Degenhardt (DGB-Region Südwestfalen)"
        surname, given_name = name_tokens[-1].text, name_tokens[-2].text
        tokens = self.analysis.tokens
        return any(t.text == surname and (t.index == 0 or tokens[t.index - 1].text != given_name) for t in tokens)

    def affiliated_in_parentheses(self, name_tokens: list[Token]) -> bool:
        """Whether a name is followed by a party or a body in parentheses, as persons are introduced;
        not by its own initials, as bodies are ("Copenhagen Infrastructure Partners (CIP)")."""
        tokens = self.analysis.tokens
        k = name_tokens[-1].index + 1
        if k >= len(tokens) or tokens[k].text != "(":
            return False
        inside = list(itertools.takewhile(lambda t: t.text != ")", tokens[k + 1 : k + 1 + _MAX_NAME_WORDS + 1]))
        if not inside or len(inside) > _MAX_NAME_WORDS or not inside[0].text[:1].isupper():
            return False
        return inside[0].text.upper() != _initials(name_tokens)

    def only_speaker(self, at: int, gender: str | None) -> int | None:
        """The one person quoted before ``at``, whose gender agrees; none where two or more were."""
        quoted = [k for k, e in enumerate(self.entities) if e.kind is SourceKind.PERSON and e.attributions
                  and any(m.start < at for m in e.mentions)]  # fmt: skip
        if len(quoted) != 1 or not _agrees(gender, self.entities[quoted[0]].gender):
            return None
        return quoted[0]

    def describes_one(self, words: list[Token], att: Attribution) -> bool:
        """Whether a mention is a definite description of one person ("der Branchenkenner", "die
        Newcomerin", "der CEO"): a singular masculine or feminine article, no name, and a head that is
        no body, document or spokesperson."""
        if not _definite(words) or len(words) > _MAX_DESCRIPTION or att.source_kind not in _DESCRIBED:
            return False
        head = words[-1]
        low = head.text.lower()
        if any(t.pos == "PROPN" for t in words) and not (head.pos == "PROPN" and _is_role(low, self.lexicon)):
            return False  # a name ("der Spiegel"), but "der CEO", which the tagger reads as one
        if words[0].feature("Number") != "Sing" or _gender(words[0]) not in _PERSON_GENDERS:
            return False  # the article's gender and number: the tagger guesses them for rare nouns
        bodies = self.lexicon.word_tuple("state_endings") + self.lexicon.word_tuple("organisation_endings")
        if low.endswith(bodies + self.lexicon.word_tuple("non_person_endings")) or _is_spokesperson(low, self.lexicon):
            return False
        return self.lexicon.source_noun_medium(head.text) is None

    def unresolved_pronoun(self, words: list[Token], att: Attribution) -> bool:
        """A personal pronoun alone that no person before it takes up."""
        pronouns = self.lexicon.word_list("personal_pronouns")
        return len(words) == 1 and (att.source_kind is SourceKind.PRONOUN or words[0].text.lower() in pronouns)

    def holder_of_role(self, words: list[Token]) -> int | None:
        """The person who holds a role of a body ("der Konzernchef von FACC", "die Chefin des DAI")
        and whom the text named with that role before ("Konzernchef Robert Machtlinger")."""
        k = next((k for k, t in enumerate(words) if t.pos == "NOUN" and _role_noun(t, self.lexicon)), None)
        if k is None or k + 2 >= len(words) or words[k + 1].pos not in ("ADP", "DET"):
            return None
        if any(t.pos == "PROPN" for t in words[:k]) or not any(t.pos == "PROPN" for t in words[k + 2 :]):
            return None
        before = [r for r in self.names if r[0].index > 0 and r[0].span.start < words[0].span.start
                  and self.analysis.tokens[r[0].index - 1].text == words[k].text]  # fmt: skip
        return self.person_named(before[-1]) if before else None

    def stands_for_a_body(self, words: list[Token], att: Attribution) -> bool:
        """Whether a mention stands for a body the text named before: a spokesperson with no owner
        and no name ("sagte ein Sprecher"), or a definite head noun alone that is no person
        ("die Interessenvertretung", "der Verband")."""
        content = [t for t in _content(words, self.lexicon) if t.pos != "ADJ"]
        if len(content) != 1 or content[0].pos == "PROPN" or is_acronym(content[0].text):
            return False
        low = content[0].text.lower()
        if low.startswith(self.lexicon.word_tuple("spokesperson_words")):
            return True  # "ein Sprecher", not "die FPÖ-Europasprecherin", a politician
        generic = low in self.lexicon.word_tuple("organisation_endings")  # "der Konzern", not "der Fahrgastverband"
        if not _definite(words) or words[0].feature("Number") != "Sing":
            return False
        if not (att.source_kind is SourceKind.UNKNOWN or generic):
            return False
        return not _is_role(low, self.lexicon) and not self.describes_one(words, att) and (
            self.lexicon.source_noun_medium(content[0].text) is None
        )

    def possessor(self, words: list[Token]) -> int | None:
        """The owner of "seine Antwort", "ihre gemeinsame Aussage": a third-person possessive before
        a statement noun points to the person or body mentioned last (word list
        ``third_person_possessives``; no gender is asked, as the possessive's agrees with the noun)."""
        if len(words) < 2 or words[0].text.lower() not in self.lexicon.word_list("third_person_possessives"):
            return None
        if self.lexicon.source_noun_medium(words[-1].text) is None:
            return None
        at = words[0].span.start
        person_at, person = self.last_person(at, None)  # "sein"/"ihr" agree with the noun, not the owner
        body = self.last_body(at)
        mentions = self.entities[body].mentions if body is not None else []
        body_at = max((m.start for m in mentions if m.start < at), default=-1)
        if body is not None and body_at > person_at:
            return body
        if person is None:
            return None
        return self.person_named(person) if isinstance(person, list) else person

    def release(self, words: list[Token]) -> bool:
        """Whether a mention is a body's own release with no owner named ("in einer Aussendung",
        "in einer Bildunterschrift"): the words of the body the text named last (word list
        ``release_nouns``, compounds included: "Pressemitteilung")."""
        content = [t for t in _content(words, self.lexicon) if t.pos != "ADJ"]
        return len(content) == 1 and content[0].text.lower().endswith(self.lexicon.word_tuple("release_nouns"))

    def last_body(self, at: int) -> int | None:
        """The organisation or office named last before ``at``, in this paragraph or the one before:
        a source already known, or a body the text spells out with its abbreviation ("Max-Planck-
        Institut für Plasmaphysik (IPP)", then "die ÖPA"), made a source if new."""
        sentences = self.sentence_index
        here = sentences.at(at)
        if here < 0:
            return None
        block = self.analysis.sentences[here].block
        since = next((s.span.start for s in self.analysis.sentences if s.block >= block - 1), 0)
        best_at, best = -1, None
        for k, e in enumerate(self.entities):
            if e.kind in _BODIES:
                starts = [m.start for m in e.mentions if since <= m.start < at]
                if starts and max(starts) > best_at:
                    best_at, best = max(starts), k
        tokens = self.analysis.tokens
        k = bisect.bisect_left(self.index.starts, at) - 1
        while k >= 0 and tokens[k].span.start >= max(since, best_at + 1):
            t = tokens[k]
            if is_acronym(t.text) and self.expansion(t) is not None:  # spelled out: a body, not "ASDEX Upgrade"
                return self.body_named(t)
            if (named := self.office_at(t)) is not None:  # "Die Polizei Bad Salzdetfurth ermittelt. …"
                return named
            k -= 1
        return best

    def office_at(self, token: Token) -> int | None:
        """The entity of an office of the state the text mentions at ``token`` ("die Polizei",
        "die Gemeinde Boltigen"), or of an organisation whose head a name follows ("die Stiftung
        Warentest"; a bare "der Konzern" names none): made a source if new.  Not in a headline."""
        low = token.text.lower()
        if token.pos != "NOUN" or not token.text[:1].isupper() or _is_role(low, self.lexicon):
            return None
        tokens = self.analysis.tokens
        name = [token, *itertools.takewhile(lambda t: t.pos == "PROPN" and t.sentence == token.sentence,
                                            tokens[token.index + 1 : token.index + 1 + _MAX_NAME_WORDS])]  # fmt: skip
        state = low.endswith(self.lexicon.word_tuple("state_endings"))
        organisation = low.endswith(self.lexicon.word_tuple("organisation_endings")) and len(name) > 1
        if not (state or organisation) or in_heading(self.analysis, token.index):
            return None
        key = _key(name, self.lexicon)
        if key not in self.by_key:
            kind = classify_source(name, self.lexicon)
            entity = self.new_entity(" ".join(t.text for t in name), kind, key, None, len(name) > 1)
            self.entities[entity].mentions.append(Span.of(self.text, name[0].span.start, name[-1].span.end))
        return self.by_key[key]

    def spokesperson_compound(self, words: list[Token]) -> int | None:
        """The body whose abbreviation opens an unnamed spokesperson's word ("eine HZB-Sprecherin"),
        where the text spells the abbreviation out ("Helmholtz-Zentrum Berlin (HZB)") or the body
        spoke under it before.  Not a politician's brief ("die FPÖ-Europasprecherin" of a party the
        text does not spell out)."""
        content = [t for t in _content(words, self.lexicon) if t.pos != "ADJ"]
        if len(content) != 1:
            return None
        prefix, _, rest = content[0].text.partition("-")
        spokesperson = rest.lower().startswith(self.lexicon.word_tuple("spokesperson_words"))
        if not rest or not is_acronym(prefix) or not spokesperson:
            return None
        at = self.in_parentheses(prefix)
        return self.body_named(self.analysis.tokens[at]) if at is not None else self.by_key.get(prefix.lower())

    def body_named(self, abbreviation: Token) -> int:
        """The entity of a body known by its abbreviation, spelled out where the text does so."""
        expansion = self.expansion(abbreviation)
        target = self.mentioned_at(expansion) if expansion else None
        key = abbreviation.text.lower()
        if target is None:
            target = self.by_key.get(key)
        if target is None:
            kind = classify_source(expansion, self.lexicon) if expansion else SourceKind.UNKNOWN
            kind = SourceKind.ORGANISATION if kind is SourceKind.UNKNOWN else kind
            words = list(itertools.dropwhile(lambda t: t.pos in ("ADP", "DET"), expansion or []))
            spelled = self.text[words[0].span.start : words[-1].span.end] if words else ""
            name = f"{spelled} ({abbreviation.text})" if spelled else abbreviation.text
            target = self.new_entity(name, kind, key, None, False)
            self.entities[target].mentions.append(abbreviation.span)
        return target

    def last_speaker(self, at: int, gender: str | None) -> int | None:
        """The person quoted last before ``at`` and mentioned a few sentences back at most (by a
        source phrase, the full name or the surname), whose gender agrees."""
        best_at, best = self.last_person(at, gender, speakers_only=True)
        if not isinstance(best, int) or self.sentence_index.at(at) - self.sentence_index.at(best_at) > _SPEAKER_REACH:
            return None
        return best

    def last_body_speaker(self, at: int) -> int | None:
        """The outlet, organisation or state quoted last before ``at``, a few sentences back at most."""
        best_at, best = -1, None
        for k, e in enumerate(self.entities):
            starts = [m.start for m in e.mentions if m.start < at]
            if e.kind in _BODIES and e.attributions and starts and max(starts) > best_at:
                best_at, best = max(starts), k
        if best is None or self.sentence_index.at(at) - self.sentence_index.at(best_at) > _SPEAKER_REACH:
            return None
        return best

    def in_parentheses(self, word: str) -> int | None:
        """The index of the first token ``word`` that stands alone in parentheses ("(HZB)")."""
        tokens = self.analysis.tokens
        return next((i for i in range(1, len(tokens) - 1) if tokens[i].text == word
                     and tokens[i - 1].text == "(" and tokens[i + 1].text == ")"), None)  # fmt: skip

    def expansion(self, token: Token) -> list[Token] | None:
        """The words the text spells an abbreviation out with, "Bundesamt für Sicherheit in der
        Informationstechnik (BSI)": the noun phrase before its first "(ABBR)", if any."""
        if not is_acronym(token.text):
            return None
        tokens = self.analysis.tokens
        at = self.in_parentheses(token.text)
        if at is None:
            return None
        k = at - 1
        while k > 0 and at - 1 - k < _MAX_EXPANSION and tokens[k - 1].pos in _PHRASE and (
            tokens[k - 1].sentence == tokens[at].sentence
        ):
            k -= 1
        phrase = [t for t in tokens[k : at - 1] if t.pos != "DET" or t.index > k]
        return phrase or None

    def mentioned_at(self, phrase: list[Token]) -> int | None:
        """The body with a mention overlapping the phrase (an abbreviation's spelled-out name); not
        a person whose affiliation the phrase is ("Manuel Bach vom Bundesamt für … (BSI)")."""
        start, end = phrase[0].span.start, phrase[-1].span.end
        return next((k for k, e in enumerate(self.entities) if e.kind is not SourceKind.PERSON
                     and any(m.start < end and start < m.end for m in e.mentions)), None)  # fmt: skip

    def introduced_with_role(self, at: int) -> int | None:
        """The last person before ``at`` whose full name follows a role noun ("Minister Jan Berger"),
        or whose role a source phrase gave ("die Leiterin des HBB, Sandra Rostek,")."""
        tokens = self.analysis.tokens
        runs = [r for r in self.names if r[0].index > 0 and r[0].span.start < at
                and _role_noun(tokens[r[0].index - 1], self.lexicon)]  # fmt: skip
        run_at = runs[-1][0].span.start if runs else -1
        with_role = [(e.role.start, k) for k, e in enumerate(self.entities)
                     if e.kind is SourceKind.PERSON and e.role is not None and run_at < e.role.start < at]  # fmt: skip
        if with_role:
            return max(with_role)[1]
        return self.person_named(runs[-1]) if runs else None

    def named_with_role(self, words: list[str], at: int) -> int | None:
        """The person the text introduces with one of the mention's role words right before a full
        name ("Ressortchef Max Müller", "Grünen-Politiker Jan Berger"), the nearest before ``at``,
        else the first after it."""
        roles = [_role_stem(w) for w in words if _is_role(w, self.lexicon)]
        tokens = self.analysis.tokens
        introduced = [r for r in self.names if r[0].index > 0 and _role_noun(tokens[r[0].index - 1], self.lexicon)
                      and any(role in tokens[r[0].index - 1].text.lower() for role in roles)]  # fmt: skip
        before = [r for r in introduced if r[0].span.start < at]
        run = before[-1] if before else next(iter(introduced), None)
        return self.person_named(run) if run is not None else None

    def new_source(
        self, att: Attribution, words: list[Token], name_tokens: list[Token], key: str, affiliated: bool = False
    ) -> int:
        """A new entity, its kind refined: an ownerless statement ("nach Angaben"), a full name, a role.
        ``affiliated``: the text gives the name with the body the person belongs to ("… vom BSI")."""
        kind = att.source_kind if words else SourceKind.ANONYMOUS
        content = _content(words, self.lexicon)
        ownerless = _ownerless(content[0].text, self.lexicon) if len(content) == 1 else None
        head = next((t for t in content if t.pos != "ADJ"), None)
        # not a compound that names its owner ("McKinsey-Studie", "HZB-Sprecherin")
        if ownerless is None and head is not None and head.pos == "NOUN" and "-" not in head.text:
            # "Eine Studie aus den USA", "Erste Tests des Geräts": a document or evidence whose owner the
            # phrase does not name, wherever it is from
            document = self.lexicon.source_noun_medium(head.text) is not None
            evidence = head.text.lower().endswith(self.lexicon.word_tuple("evidence_nouns"))
            ownerless = SourceKind.VAGUE if document or evidence else None
        if kind not in (SourceKind.PRONOUN, SourceKind.VAGUE) and ownerless is not None:
            kind = ownerless
        elif kind is SourceKind.UNKNOWN and (
            _is_full_name(name_tokens, self.lexicon) or any(_is_role(t.text, self.lexicon) for t in content)
        ):
            kind = SourceKind.PERSON  # "Peter Kaiser", or a person known by role: "der Staatsanwalt"
        if kind in (SourceKind.ORGANISATION, SourceKind.UNKNOWN) and content and _role_noun(content[0], self.lexicon):
            kind = SourceKind.PERSON  # "der Konzernchef von FACC": a person, whatever the body after it
        inside = {t.index for t in words}
        if kind in (SourceKind.VAGUE, SourceKind.UNKNOWN) and any(
            all(t.index in inside for t in run) for run in self.names if run[0].index in inside
        ):
            kind = SourceKind.PERSON  # "Experte Ross Young": a vague head, but a named person
        if kind is SourceKind.PERSON and not affiliated and not self.named_like_a_person(words, name_tokens):
            kind = SourceKind.ORGANISATION  # "Ocean Winds", "Ultium Cells": two names, but no one's
        bare = _content(name_tokens, self.lexicon)
        if len(bare) == 1 and (expansion := self.expansion(bare[0])):
            spelled = classify_source(expansion, self.lexicon)  # "BSI" is what "Bundesamt für …" is
            kind = spelled if spelled is not SourceKind.UNKNOWN else kind
        surname = name_tokens[-1].text.lower() if kind is SourceKind.PERSON and name_tokens else None
        name = _display(name_tokens, self.lexicon) if name_tokens else "(no source named)"
        k = self.new_entity(name, kind, key, surname, len(name_tokens) >= 2)
        if kind is SourceKind.PERSON:  # "die Sprecherin", "Ministerin Anna Berger"
            self.entities[k].gender = _gender(next((t for t in reversed(words) if t.pos == "NOUN"), None))
        return k

    def record(self, target: int, att: Attribution, name_tokens: list[Token], role_tokens: list[Token]) -> None:
        entity = self.entities[target]
        entity.mentions.extend(att.source)
        entity.attributions.append(att.id)
        if role_tokens and entity.role is None:
            role = _span(self.text, role_tokens)
            unclosed = role is not None and role.text.count("(") > role.text.count(")")
            if role is not None and unclosed and self.text[role.end : role.end + 1] == ")":
                role = Span.of(self.text, role.start, role.end + 1)  # "… für Wertpapierbesitz (DSW)"
            entity.role = role
        if entity.country is None:
            entity.country = self.lexicon.country_of([t.text for t in (role_tokens or name_tokens)])
        for channel in _channels(self.analysis, self.index, att, self.lexicon):
            if channel not in entity.channels:
                entity.channels.append(channel)
        self.of_attribution[att.id] = target


_MAX_NAME_WORDS = 3  # words of a person's name after a role noun
_MAX_DESCRIPTION = 3  # words of a definite description: article, adjective, noun
_SPEAKER_REACH = 5  # sentences back that a definite description still finds its speaker
_DESCRIBED = frozenset({SourceKind.UNKNOWN, SourceKind.PERSON, SourceKind.VAGUE})
_PERSON_GENDERS = frozenset({"Masc", "Fem"})
_BODIES = frozenset({SourceKind.ORGANISATION, SourceKind.STATE, SourceKind.MEDIA})
_BODIES = frozenset({SourceKind.MEDIA, SourceKind.ORGANISATION, SourceKind.STATE})  # what "it" can speak for
_UNTYPED = frozenset({SourceKind.UNKNOWN, SourceKind.ANONYMOUS, SourceKind.PRONOUN})  # a part that names no one
_MAX_EXPANSION = 8  # words an abbreviation's spelled-out name may have
_PHRASE = frozenset({"NOUN", "PROPN", "ADJ", "ADP", "DET"})  # the parts of speech a spelled-out name runs over
_NAME_PHRASE = frozenset({"NOUN", "PROPN"})  # the words of a body's name after a role, before an apposition


def _without_circumstance(tokens: list[Token], lexicon: Lexicon) -> list[Token]:
    """A name without the circumstance or the object the span took in after it: "Yücel im Gespräch
    mit Moderatorin Cécile Schortmann" is Yücel (word list ``circumstance_prepositions``), "Bach den
    Berichtsband" (of "zitiert Bach den Berichtsband") is Bach, "Renkema geknickt" is Renkema."""
    prepositions, genitive = lexicon.word_list("circumstance_prepositions"), lexicon.word_list("genitive_articles")
    if len(tokens) > 1 and tokens[-1].pos in ("ADJ", "ADV", "VERB") and tokens[-1].text.islower():
        tokens = tokens[:-1]  # "so Renkema geknickt": how it was said, after the name
    for k, t in enumerate(tokens[1:], start=1):
        if t.pos == "PROPN":
            continue
        if t.text.lower() in prepositions and tokens[0].pos == "PROPN":
            return tokens[:k]
        if t.pos == "DET" and t.text.lower() not in genitive and tokens[0].text[:1].isupper():
            return tokens[:k]  # "Bach den Berichtsband": the object after the name is no part of it
        break
    # "das Team in „Science“": a publication's title after the preposition
    for k, t in enumerate(tokens[1:-1], start=1):
        if t.text.lower() in prepositions and not tokens[k + 1].text.strip(_QUOTES):
            return tokens[:k]
    return tokens


def _quoted(words: list[Token], tokens: tuple[Token, ...]) -> bool:
    """Whether a phrase's words stand between quotation marks ("„Brückenstrompreis“")."""
    start, end = words[0].index, words[-1].index
    marks = [tokens[k].text for k in (start - 1, end + 1) if 0 <= k < len(tokens)]
    return len(marks) == 2 and all(m and not m.strip(_QUOTES) for m in marks)


def _initials(tokens: list[Token]) -> str:
    """The capitals an abbreviation of these words would have: "Helmholtz-Zentrum Berlin" → "HZB"."""
    return "".join(part[:1] for t in tokens for part in t.text.split("-")).upper()


def _enclosing(analysis: Analysis, att: Attribution, of_attribution: dict[int, int]) -> int | None:
    """The entity whose attributed speech contains this attribution's source, if any."""
    source = att.source[0]
    for other in analysis.attributions:
        speaker = of_attribution.get(other.id, AUTHOR) if other.id != att.id else AUTHOR
        if speaker != AUTHOR and any(m.start <= source.start < m.end for m in other.message):
            return speaker
    return None


def _content(words: list[Token], lexicon: Lexicon) -> list[Token]:
    """The words without determiners."""
    determiners = lexicon.word_list("determiners")
    return [t for t in words if t.text.lower() not in determiners]


def _ownerless(word: str, lexicon: Lexicon) -> SourceKind | None:
    """A statement with no owner: "nach Angaben", "einem Bericht zufolge", "Medienberichten zufolge"
    (vague: an unspecific document, as an editor types it), or a bare "es"/"was" left as the subject
    (anonymous)."""
    low = word.lower()
    if low in lexicon.word_list("ownerless_subjects"):
        return SourceKind.ANONYMOUS
    if lexicon.source_noun_medium(word) is not None or any(n in low for n in lexicon.word_list("report_nouns")):
        return SourceKind.VAGUE  # an unnamed document or report ("laut Studie", "Marktprognosen zufolge")
    return None


def _is_full_name(tokens: list[Token], lexicon: Lexicon) -> bool:
    if not 2 <= len(tokens) <= 3 or lexicon.country_of([t.text for t in tokens]) is not None:
        return False
    if len(_content(tokens, lexicon)) < len(tokens) or tokens[0].pos == "ADJ":  # "Erste Tests", sentence-initial
        return False
    return all(t.text[:1].isupper() and t.text.replace("-", "").isalpha() for t in tokens)


def _is_age(words: list[str], lexicon: Lexicon) -> bool:
    """ "der 25-Jährige", "die 40-jährige": a person referred to by age."""
    suffixes = lexicon.word_tuple("age_suffixes")
    return len(words) <= 2 and bool(words) and words[-1].split("-")[-1].startswith(suffixes)


def _person_names(analysis: Analysis, lexicon: Lexicon) -> list[list[Token]]:
    """Runs of two or more capitalised proper names in the text: candidate full person names."""
    runs: list[list[Token]] = []
    current: list[Token] = []
    for t in analysis.tokens:
        if t.pos == "PROPN" and t.text[:1].isupper() and t.text.isalpha():
            if current and current[-1].index == t.index - 1:
                current.append(t)
                continue
            if len(current) >= 2:
                runs.append(current)
            current = [t]
        elif current:
            if len(current) >= 2:
                runs.append(current)
            current = []
    if len(current) >= 2:
        runs.append(current)
    runs += _names_after_roles(analysis, lexicon, {r[0].index for r in runs})
    endings = lexicon.word_tuple("organisation_endings")
    return [r for r in sorted(runs, key=lambda r: r[0].index) if lexicon.country_of([t.text for t in r]) is None
            and not any(t.text.lower().endswith(endings) for t in r)]  # fmt: skip


def _names_after_roles(analysis: Analysis, lexicon: Lexicon, known: set[int]) -> list[list[Token]]:
    """Two or three capitalised words after a role noun, whatever their tags: the tagger reads an
    unfamiliar surname as a common noun ("Wirtschaftsminister Hubert Aiwanger")."""
    tokens = analysis.tokens
    runs = []
    for k, role in enumerate(tokens[:-2]):
        if not _role_noun(role, lexicon):
            continue
        run = []
        for t in tokens[k + 1 : k + 1 + _MAX_NAME_WORDS]:
            word = t.text.replace("-", "")
            if t.sentence != role.sentence or not (word[:1].isupper() and word.isalpha() and not word.isupper()):
                break
            if t.pos not in ("PROPN", "NOUN") and not (t.pos == "ADJ" and "-" in t.text):
                break  # a hyphenated given name reads as an adjective: "Ming-Chi Kuo"
            run.append(t)
        given = lexicon.first_names or frozenset()
        if len(run) >= 2 and (any(t.pos == "PROPN" for t in run) or run[0].text in given) and run[0].index not in known:
            runs.append(run)
    return runs


def _name_mentions(analysis: Analysis, names: list[list[Token]]) -> list[tuple[int, int]]:
    """(start, index into ``names``) of every full name and every later mention of its surname alone
    ("Stetter-Karp" after "Irme Stetter-Karp"), sorted by start."""
    out = [(run[0].span.start, k) for k, run in enumerate(names)]
    first: dict[str, tuple[int, int]] = {}
    for k, run in enumerate(names):
        first.setdefault(run[-1].text, (run[-1].index, k))
    for t in analysis.tokens:
        seen = first.get(t.text)
        if seen is not None and t.index > seen[0] and t.text[:1].isupper():
            out.append((t.span.start, seen[1]))
    return sorted(out)


def _gender(token: Token | None) -> str | None:
    """The grammatical gender a noun or pronoun gives its person (UD's ``Gender``), if any."""
    if token is None or token.pos not in ("NOUN", "PRON", "DET"):
        return None
    return token.feature("Gender") or None


def _agrees(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _role_stem(word: str) -> str:
    """The part of a role word that names the role, for matching: "hbb-leiterin" → "leiter"."""
    return word.lower().split("-")[-1][:6]


def _person_with_role(entities: list[_Entity], words: list[str], lexicon: Lexicon) -> int | None:
    roles = [w for w in words if _is_role(w, lexicon)]
    for k in range(len(entities) - 1, -1, -1):
        e = entities[k]
        if e.kind is SourceKind.PERSON and e.role and any(_role_stem(r) in e.role.text.lower() for r in roles):
            return k
    return None


def _more_mentions(index: TokenIndex, entities: list[_Entity]) -> None:
    """Mentions outside attributions: a named person's surname anywhere in the text."""
    surnames = {e.surname: e for e in entities if e.surname and len(e.name.split()) >= 2}
    for token in index.tokens:
        entity = surnames.get(token.text.lower())
        if entity and not any(m.start <= token.span.start < m.end for m in entity.mentions):
            entity.mentions.append(token.span)
    for entity in entities:
        entity.mentions.sort(key=lambda s: s.start)
