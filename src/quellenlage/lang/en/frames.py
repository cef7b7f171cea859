"""English construction handlers: one function per way English news introduces reported speech.

English puts no comma before a reported clause ("X said the plan was dead"), so the handlers read
the dependency parse (UD English EWT): the cue verb's clausal complement (``ccomp``), the verb
attached as a parenthetical to the clause it reports (``parataxis``: "The plan is dead, X said"),
or its object and open complement for a speech act ("urged supporters to vote").  Span
conventions follow PolNeAR (Newell et al. 2018): the cue is the verb with its auxiliaries,
negation and the adverbs beside it ("has also said"), the source the subject phrase, the content
the complement without the sentence's final punctuation.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...attribution.draft import Draft
from ...attribution.syntax import SentenceView
from ...model import AttributionType, Medium
from . import LANGUAGE
from . import rules as R

LEXICON = LANGUAGE.lexicon
_CUE_MODIFIERS = ("aux", "advmod", "compound")  # "has also said", "pointed out"; negation is advmod in EWT
_OBJECTS = ("obj", "iobj", "xcomp")
_NOMINAL = ("NOUN", "PROPN", "PRON", "NUM")
_NOT_OPENING_A_SOURCE = ("CCONJ", "SCONJ", "ADP")
_CHAINED = ("advcl", "xcomp", "conj")  # a verb that shares its subject with the verb it depends on
_QUOTE_TO_VERB = 4  # tokens from a closing quotation mark to the verb that frames it ("” Clinton said")


def _message(view: SentenceView, idx: Sequence[int], exclude: Sequence[int] = ()) -> list[int]:
    """The tokens of ``idx`` without ``exclude``, trimmed of punctuation at both ends (quotation
    marks that close a quote inside stay)."""
    banned = set(exclude)
    return view.trim([i for i in idx if i not in banned])


def _cue(view: SentenceView, v: int, source: Sequence[int], message: Sequence[int]) -> list[int]:
    """The verb, its separated particle, and its auxiliaries, negation and adverbs that stand
    between the source and the content (or right before the verb)."""
    cue = {v}
    particle = view.particle(v)
    if particle is not None:
        cue.add(particle)
    taken = set(source) | set(message)
    subordinators = LEXICON.word_list("subordinators")  # "When said …": the clause's, not the cue's
    for k in view.children(v, *_CUE_MODIFIERS):
        if k not in taken and not view.is_punct(k) and abs(k - v) <= 3 and view.low(k) not in subordinators:
            cue.add(k)
    after = max(cue) + 1
    if after + 1 < view.end and view.low(after) in LEXICON.word_list("content_prepositions") and min(
        message, default=-1) == after + 1:
        cue.add(after)  # "is calling for the United States to …", "focuses on"
        after += 1
    if after < view.end and after not in taken and view.low(after) in (":", ";") and after + 1 in taken:
        cue.add(after)  # "responded: …" — PolNeAR counts the colon that introduces the content to the cue
    return sorted(cue)


def _inside_quote(view: SentenceView, i: int) -> bool:
    """Whether token ``i`` stands between quotation marks of its sentence (a quote's own verb)."""
    return sum(view.is_quote(k) for k in range(view.start, i)) % 2 == 1


def _source(view: SentenceView, v: int) -> list[int]:
    """The speaker of cue verb ``v``: the agent of a passive ("was reported by X"), else its subject,
    else the subject of the verb a non-finite one depends on ("Trump tweeted, saying …", "X wants
    to tell …"); a finite verb the parse left without a subject takes the noun phrase right before
    it ("The broadcasts began on August 10 and South Korea says …")."""
    finite = LEXICON.tags("finite")
    for step in range(3):
        if view.is_passive(v):
            return view.agent(v)
        for k in view.children(v, "nsubj"):
            phrase = view.trim(view.subtree(k))
            while len(phrase) > 1 and view.tok(phrase[0]).pos in _NOT_OPENING_A_SOURCE:
                phrase = view.trim(phrase[1:])  # "and Breitbart News", "as Joel Pollak" (the parse ran on)
            return balanced(view, phrase)
        head = view.tok(v).head
        if step == 0 and view.tok(v).tag in finite and view.tok(v).dep != "conj":
            return _phrase_before(view, v)
        if view.tok(v).dep == "acl" and view.tok(v).tag in LEXICON.tags("present_participle") and (
            view.start <= head < v and view.tok(head).pos in _NOMINAL
        ):  # "a U.S.-born gunman claiming allegiance to …": the noun the participle describes
            return view.trim(_run_before(view, v, (*_NOUN_PHRASE, "PUNCT")))  # "a U.S.-born gunman"
        if view.tok(v).dep not in _CHAINED or not view.start <= head < view.end or head == v:
            return []
        v = head
    return []


def balanced(view: SentenceView, phrase: list[int]) -> list[int]:
    """``phrase`` with the closing parenthesis trimming cut off ("Rep. Earl Blumenauer (D-Ore.)")."""
    if phrase and sum(view.low(k) == "(" for k in phrase) > sum(view.low(k) == ")" for k in phrase):
        close = next((k for k in range(phrase[-1] + 1, min(view.end, phrase[-1] + 3)) if view.low(k) == ")"), None)
        if close is not None:
            return list(range(phrase[0], close + 1))
    return phrase


_NOUN_PHRASE = ("PROPN", "NOUN", "DET", "ADJ", "NUM", "PRON")


def _run_before(view: SentenceView, v: int, pos: tuple[str, ...]) -> list[int]:
    """The tokens right before ``v``, back to the sentence's start, as long as their tags are ``pos``."""
    k = v - 1
    while k >= view.start and view.tok(k).pos in pos:
        k -= 1
    return list(range(k + 1, v))


def _phrase_before(view: SentenceView, v: int) -> list[int]:
    """The noun phrase that ends right before token ``v`` and opens after a conjunction, a comma or
    the sentence's start; none where a verb or preposition comes first."""
    # a name the tagger read as an adverb right before the verb: "…,” Meeks added", "Most believe …"
    adverbs = LEXICON.word_list("adverbial_words")
    misread = v - 1 >= view.start and view.tok(v - 1).text[:1].isupper() and view.low(v - 1) not in adverbs
    phrase = [*_run_before(view, v - 1, _NOUN_PHRASE), v - 1] if misread else _run_before(view, v, _NOUN_PHRASE)
    k = phrase[0] - 1 if phrase else v - 1
    opens = k < view.start or view.tok(k).pos in ("CCONJ", "SCONJ", "PUNCT")
    named = any(view.tok(i).pos in ("PROPN", "NOUN", "PRON") for i in phrase) or (
        len(phrase) == 1 and view.tok(phrase[0]).text[:1].isupper())  # fmt: skip
    if not opens or not named:
        return []
    return phrase


def _speaker(view: SentenceView, v: int, message: Sequence[int]) -> list[int]:
    """The source of cue verb ``v`` for ``message``: its subject (``_source``), unless that lies in
    the message, where an inverted frame's subject comes right after the verb ("…,” added KCNA",
    however the parse attached it)."""
    source = _source(view, v)
    if source and not set(source) & set(message):
        return source
    after = view.np_after_verb(v)
    return after if after and not set(after) & set(message) and v > max(message, default=v) else []


def verb_complement(view: SentenceView) -> list[Draft]:
    """``X said (that) …``, ``X told Y …``, ``X believes …``: a cue verb and its clausal complement."""
    drafts = []
    for v in view.indices:
        cue = view.cue(v)
        if cue is None or view.tok(v).pos != "VERB" or _inside_quote(view, v) or view.tok(v).dep == "amod":
            continue  # "pledged delegates": a participle before its noun reports nothing
        comps = view.children(v, "ccomp", "csubj") or _clause_of_object(view, v)
        if not comps and view.verb_lemma(v) in LEXICON.word_list("prepositional_verbs"):
            continue  # "spoke for about 30 minutes": what was spoken about comes with "about", "of" (speech_act)
        infinitives = [k for k in view.children(v, "xcomp") if view.tok(k).pos in ("VERB", "AUX")]
        if not comps and infinitives:  # "wants to triple …", "urged supporters to monitor …" (with its object)
            prepositions = LEXICON.word_list("content_prepositions")  # "calling for the United States to …"
            comps = [k for k in view.children(v, "obj", "obl") if k < infinitives[0] and (
                view.tok(k).dep == "obj" or any(view.low(c) in prepositions for c in view.children(k, "case")))]
            comps += infinitives
        subjects = [k for k in view.children(v, "nsubj") if view.tok(k).pos in _NOMINAL]
        if comps:
            cases = [c for k in comps if view.tok(k).dep == "obl" for c in view.children(k, "case")]
            message = _message(view, [i for c in comps for i in view.subtree(c)], exclude=cases)
        elif subjects and view.is_passive(v):  # "No injuries were reported": what was reported is the subject
            message = _message(view, view.subtree(subjects[0]))
        else:
            message = _surface_complement(view, v)
        if not message:
            continue
        source = _speaker(view, v, message)
        direct = view.is_quote(message[0]) or (message[0] > view.start and view.is_quote(message[0] - 1))
        drafts.append(Draft(
            AttributionType.DIRECT if direct else AttributionType.INDIRECT,
            Medium.SPEECH if direct else cue.medium, message, cue=_cue(view, v, source, message), source=source,
            addressee=_addressee(view, v), rule=R.VERB_COMPLEMENT.id, priority=R.VERB_COMPLEMENT.priority,
            distancing=cue.distancing,
        ))  # fmt: skip
    return drafts


def _clause_of_object(view: SentenceView, v: int) -> list[int]:
    """``told The New York Times Tuesday morning that Trump canceled …``: a clause opened by "that" (or,
    after a verb of telling, by a subject of its own, no relative pronoun) that the parse hung on the
    verb's object as if a relative clause ("said Sunday that …") is what was said."""
    complementizers, relatives = LEXICON.word_list("complementizers"), LEXICON.word_list("relative_pronouns")
    # any cue verb: "said Sunday that …" (the day read as an object); a verb of telling also without "that"
    hearer = view.verb_lemma(v) in LEXICON.word_list("addressing_verbs")
    return [k for o in view.children(v, "iobj", "obj") for k in view.children(o, "acl") if k > o and (
        any(view.low(m) in complementizers for m in view.children(k, "mark"))
        or (hearer and any(view.low(n) not in relatives for n in view.children(k, "nsubj"))))]


def _surface_complement(view: SentenceView, v: int) -> list[int]:
    """Where the parse gives a cue verb no complement: the quotation the sentence opens with when
    the verb follows it closely ("“…,” Clinton said on Thursday"), else the rest of the sentence
    after the verb (and after whom it addresses: "told reporters …") when it is a clause ("McCain
    says the movement appeals to …")."""
    quotes = [k for k in range(view.start, v) if view.is_quote(k)]
    if len(quotes) >= 2 and quotes[0] == view.start and v - quotes[-1] <= _QUOTE_TO_VERB:
        return list(range(quotes[0], quotes[-1] + 1))
    end = view.final_punct() or view.end
    k = v + 1
    while k < end and (view.tok(k).dep in ("advmod", "compound") or view.low(k) == ","):
        k += 1
    addressed = [o for o in view.children(v, "iobj", "obj") if o >= k and view.tok(o).pos in ("PROPN", "PRON", "NOUN")]
    if addressed and view.verb_lemma(v) not in LEXICON.word_list("addressing_verbs"):
        return []  # "claiming allegiance to …": an object, not whom it was said to, and no clause after it
    if addressed:  # "told reporters the plan was dead": the clause starts after the person told
        k = max(view.subtree(addressed[0])) + 1
    rest = list(range(k, end))
    comma = next((n for n, i in enumerate(rest) if view.low(i) == ","), None)
    verbs = ("VERB", "AUX")
    if comma is not None and comma + 1 < len(rest) and not any(view.tok(i).pos in verbs for i in rest[:comma]):
        opening = rest[comma + 1]  # "said last week in Tel Aviv, “…”": when and where it was said is no content
        if view.is_quote(opening) or view.low(opening) in LEXICON.word_list("complementizers"):
            rest = rest[comma + 1 :]
    if not rest or view.is_quote(rest[0]) or not view.clause_like(rest) or v < view.start + 1:
        return []
    return view.trim(rest)


def inverted(view: SentenceView) -> list[Draft]:
    """``The plan is dead, X said.`` / ``“…,” said X.``: a cue verb attached to the clause it reports."""
    end = view.final_punct() or view.end
    for v in view.indices:
        cue = view.cue(v)
        head = view.tok(v).head
        if cue is None or not view.start <= head < view.end:
            continue
        hearer = view.verb_lemma(v) in LEXICON.word_list("addressing_verbs")  # "…, he told reporters"
        if view.children(v, "ccomp", "csubj", *(() if hearer else ("obj",))) or _inside_quote(view, v):
            continue  # it has a complement of its own: not a parenthetical frame
        frame = view.subtree(v)
        after_comma = frame[0] > view.start and view.low(frame[0] - 1) == ","
        if view.tok(v).dep not in ("parataxis", "advcl", "conj"):
            # whatever the parse made of it, a subject and its verb closing the sentence after a comma
            # frame what comes before ("…, law enforcement officials say.")
            if not after_comma or frame[-1] != end - 1 or v != frame[-1] or not view.children(v, "nsubj"):
                continue
            message = view.trim(list(range(view.start, frame[0] - 1)))
        elif view.tok(v).dep != "parataxis" and not after_comma:
            continue  # an adverbial or coordinated clause is a frame only set off by a comma: "…, he said"
        else:
            message = _message(view, view.subtree(head), exclude=frame)
        if not message or (view.tok(v).dep != "parataxis" and v < message[0]):
            continue
        source = _speaker(view, v, message)
        direct = view.is_quote(message[0]) or view.is_quote(message[-1])
        return [Draft(
            AttributionType.DIRECT if direct else AttributionType.INDIRECT,
            Medium.SPEECH if direct else cue.medium, message, cue=_cue(view, v, source, message), source=source,
            frame=frame, addressee=_addressee(view, v), rule=R.INVERTED.id, priority=R.INVERTED.priority,
            distancing=cue.distancing,
        )]  # fmt: skip
    return []


def according_to(view: SentenceView) -> list[Draft]:
    """``According to X, …`` / ``…, according to X.``: the source after the preposition, the rest the content."""
    for i in view.indices:
        if view.low(i) not in LEXICON.word_list("source_prepositions") or i + 1 >= view.end:
            continue
        if view.low(i + 1) != "to":  # the preposition's second word: "according to"
            continue
        head = view.tok(i).head
        if view.start <= head < view.end and view.tok(head).pos in _NOMINAL:
            source = view.trim([k for k in view.subtree(head) if k not in (i, i + 1)])
        else:
            source = view.np_after(i + 1)
        if not source:
            continue
        frame = sorted({i, i + 1, *source})
        message = _message(view, list(view.indices), exclude=frame)
        end = view.final_punct()
        message = [k for k in message if k != end]
        if not message:
            continue
        outer = Draft(AttributionType.INDIRECT, LEXICON.source_noun_medium(view.tok(source[-1]).text)
                      or Medium.SPEECH_OR_WRITING, view.trim(message), cue=[i, i + 1], source=source, frame=frame,
                      rule=R.ACCORDING_TO.id, priority=R.ACCORDING_TO.priority)  # fmt: skip
        relayed = _relayed(view, outer)
        return [outer] if relayed is None else [outer, relayed]
    return []


def _relayed(view: SentenceView, outer: Draft) -> Draft | None:
    """``According to Yonhap, quoting KCNA, …``: the source the outlet relays, between commas right
    after it, as a finding nested in the outlet's (the chain outlet → outlet)."""
    k = outer.message[0]
    if view.low(k) not in LEXICON.word_list("relay_verbs") or k - max(outer.source) > 2:
        return None
    segment = next((seg for seg in view.segments() if k in seg), [])
    source = balanced(view, view.trim([m for m in segment if m > k]))  # "… (KCNA)"
    message = view.trim([m for m in outer.message if m > max(segment)])
    if not source or not message:
        return None
    return Draft(outer.type, outer.medium, message, cue=[k], source=source, frame=sorted({k, *source}),
                 rule=R.RELAYED.id, priority=R.RELAYED.priority, parent=outer)  # fmt: skip


def speech_act(view: SentenceView) -> list[Draft]:
    """``X denied the report``, ``X urged supporters to vote``: a cue verb with an object and no clause."""
    drafts = []
    for v in view.indices:
        cue = view.cue(v)
        if cue is None or not cue.act or view.tok(v).pos != "VERB" or _inside_quote(view, v):
            continue
        if view.children(v, "ccomp", "csubj"):
            continue
        objects = [k for k in view.children(v, *_OBJECTS) if view.tok(k).pos in (*_NOMINAL, "VERB")]
        if view.verb_lemma(v) in LEXICON.word_list("prepositional_verbs"):
            objects = []  # "spoke Hebrew", "talked hours": only "spoke about …" says what was said
        if objects:  # "urged supporters to monitor …": the infinitive the parse attached as an adverbial
            objects += [k for k in view.children(v, "advcl") if k > v and any(
                view.low(m) in LEXICON.word_list("infinitive_markers") for m in view.children(k, "mark"))]
            # what the act is about: "accused Grassley of trying …", "criticized Trump for calling himself …"
            about = LEXICON.word_list("act_prepositions")
            objects += [k for k in view.children(v, "obl", "advcl") if k > max(objects) and any(
                view.low(c) in about for c in view.children(k, "case", "mark"))]
        if view.verb_lemma(v) in LEXICON.word_list("addressing_verbs") and all(
            view.tok(k).dep in ("obj", "iobj") for k in objects
        ):
            continue  # "told reporters": whom it addresses, not what was said
        message = _message(view, [i for k in objects for i in view.subtree(k)])
        prepositions: list[int] = []
        if not message:  # "called for an end", "talked about the border": the prepositional object
            message, prepositions = _prepositional_object(view, v)
            if view.verb_lemma(v) in LEXICON.word_list("prepositional_verbs") and not any(
                view.low(p) in LEXICON.word_list("topic_prepositions") for p in prepositions
            ):
                message = []  # "spoke for about 30 minutes": for how long, not about what
        source = _source(view, v)
        if not message or not source:
            continue
        cue_idx = sorted(_cue(view, v, source, message) + prepositions)
        drafts.append(Draft(
            AttributionType.REPORTED, cue.medium, message, cue=cue_idx, source=source,
            rule=R.SPEECH_ACT.id, priority=R.SPEECH_ACT.priority, distancing=cue.distancing,
        ))  # fmt: skip
    return drafts


def _prepositional_object(view: SentenceView, v: int) -> tuple[list[int], list[int]]:
    """The object of a preposition that belongs to the cue ("called for X", "spoke about X"), and the
    preposition; none for other prepositions ("spoke in Ohio")."""
    for k in view.children(v, "obl"):
        case = [c for c in view.children(k, "case") if view.low(c) in LEXICON.word_list("content_prepositions")]
        if case and view.tok(k).pos in _NOMINAL and view.low(k) not in LEXICON.word_list("time_words"):
            return _message(view, view.subtree(k), exclude=case), case  # not "announced on Tuesday"
    return [], []


def noun_complement(view: SentenceView) -> list[Draft]:
    """``Trump's criticism of Clinton``, ``the claim that …``, ``calls for an inquiry by X``: a
    statement noun with its clause or prepositional object; the source its possessor or by-phrase."""
    drafts = []
    nouns = LEXICON.cue_nouns
    for n in view.indices:
        if view.tok(n).pos != "NOUN" or view.low(n) not in nouns or _inside_quote(view, n):
            continue
        cue = [n]
        clauses = [k for k in view.children(n, "acl", "ccomp") if any(
            view.low(m) in LEXICON.word_list("complementizers") for m in view.children(k, "mark"))]
        if clauses:
            message = _message(view, [i for k in clauses for i in view.subtree(k)])
        else:
            message, case = _noun_object(view, n)
            cue += case
        source = _possessor(view, n)
        if not message or not source:
            continue
        drafts.append(Draft(AttributionType.REPORTED, nouns[view.low(n)], message, cue=sorted(cue), source=source,
                            rule=R.NOUN_COMPLEMENT.id, priority=R.NOUN_COMPLEMENT.priority))  # fmt: skip
    return drafts


def _noun_object(view: SentenceView, n: int) -> tuple[list[int], list[int]]:
    """The object of the statement noun's preposition ("criticism of X", "calls for X") and the preposition."""
    allowed = LEXICON.word_list("content_prepositions") | LEXICON.word_list("noun_prepositions")
    for k in view.children(n, "nmod"):
        case = [c for c in view.children(k, "case") if view.low(c) in allowed]
        if case and k > n:
            return _message(view, view.subtree(k), exclude=case), case
    return [], []


def _possessor(view: SentenceView, n: int) -> list[int]:
    """Whose statement: the possessor before the noun ("Trump's criticism", "his critique"), else
    the by-phrase after it ("a call by the mayor")."""
    for k in view.children(n, "nmod"):
        if k < n:
            return view.trim(view.subtree(k))
    for k in view.children(n, "nmod"):
        if any(view.low(c) in LEXICON.word_list("agent_markers") for c in view.children(k, "case")):
            return view.trim([i for i in view.subtree(k) if view.low(i) not in LEXICON.word_list("agent_markers")])
    return []


def _addressee(view: SentenceView, v: int) -> list[int]:
    """Whom a cue verb addresses: "told Reuters", "told reporters" (an indirect or direct object
    that is a noun phrase beside a clausal complement)."""
    if not view.children(v, "ccomp"):
        return []
    for k in view.children(v, "iobj", "obj"):
        if view.tok(k).pos in _NOMINAL:
            return view.trim(view.subtree(k))
    return []


_COLON_NAME = 6  # words of a name before a colon that introduces what it says ("Dr. Ben Carson: …")


def colon_speaker(view: SentenceView) -> list[Draft]:
    """``John McCain: Populist anger appeals to …`` — a sentence (mostly a headline) that opens with a
    name and a colon: the name says what follows.  A label ("Update:", "Watch:") is no speaker."""
    colon = next((k for k in range(view.start, min(view.end, view.start + _COLON_NAME + 1)) if view.low(k) == ":"),
                 None)  # fmt: skip
    if colon is None or colon == view.start or not view.tok(view.start).text[:1].isupper():
        return []  # "width: 100%" (style sheets in scraped text) is no name
    name = list(range(view.start, colon))
    if not all(view.tok(k).pos in (*_NOMINAL, "DET", "ADJ", "PART", "PUNCT") for k in name):
        return []
    if not any(view.tok(k).pos in ("PROPN", "NOUN") for k in name) or any(
        view.low(k) in LEXICON.word_list("colon_labels") for k in name
    ):
        return []
    end = view.final_punct() or view.end
    message = view.trim(list(range(colon + 1, end)))
    if len(message) < 2:
        return []
    return [Draft(AttributionType.INDIRECT, Medium.SPEECH_OR_WRITING, message, cue=[colon], source=view.trim(name),
                  frame=[*name, colon], rule=R.COLON_SPEAKER.id, priority=R.COLON_SPEAKER.priority)]  # fmt: skip


def evidential(view: SentenceView) -> list[Draft]:
    """``No major polls appear to have been conducted``, ``it seemed that …``: how things look to the
    writer, with no one named (PolNeAR's evidential cues): the subject and the complement are the
    content, the verb (with its modal) the cue."""
    drafts = []
    for v in view.indices:
        if view.verb_lemma(v) not in LEXICON.word_list("evidential_verbs") or _inside_quote(view, v):
            continue
        complements = view.children(v, "xcomp", "ccomp")
        if not complements:
            continue
        subjects = [k for k in view.children(v, "nsubj") if view.tok(k).dep != "expl" and view.low(k) != "it"]
        message = _message(view, [i for k in (*subjects, *complements) for i in view.subtree(k)])
        if not message:
            continue
        cue = [v, *(k for k in view.children(v, "aux") if k < v)]
        drafts.append(Draft(AttributionType.INDIRECT, Medium.THOUGHT, message, cue=sorted(cue),
                            rule=R.EVIDENTIAL.id, priority=R.EVIDENTIAL.priority))  # fmt: skip
    return drafts


HANDLERS = (according_to, verb_complement, inverted, speech_act, noun_complement, colon_speaker, evidential)
