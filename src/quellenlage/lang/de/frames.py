"""Construction handlers: one small function per way German news introduces reported speech.

Each handler takes a :class:`SentenceView` and returns drafts.  The constructions and their span
conventions follow the German news quotation dataset's guidelines (Petersen-Frey & Biemann 2024):
the frame is the introducing clause with its comma, the message the reported clause without the
sentence's final punctuation, the cue the verb (with particle) or the preposition.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from ...attribution.draft import Draft
from ...attribution.syntax import SentenceView
from ...model import AttributionType, Medium
from . import LANGUAGE
from . import rules as R
from .mood import is_konjunktiv_i

LEXICON = LANGUAGE.lexicon

Handler = Callable[[SentenceView], list[Draft]]
_ONLINE = ("twitter", "tweet", "facebook", "instagram", "telegram", "x.com")


# verbs whose object is the person addressed ("forderte die SPD auf", "X wurde aufgefordert")
_DIRECTIVE = frozenset({
    "auffordern", "aufrufen", "bitten", "beschuldigen", "warnen", "anweisen", "fragen", "kritisieren",
    "drängen", "ermahnen", "loben", "würdigen", "attackieren", "informieren", "beauftragen", "ermutigen",
    "vorwerfen", "anklagen", "ersuchen", "mahnen",
})  # fmt: skip
# verbs whose dative object is the one told ("erzählte der Agentur", "empfahl dem Gericht")
_TELLS = frozenset({
    "sagen", "erklären", "mitteilen", "erzählen", "versichern", "empfehlen", "vorwerfen", "drohen",
    "androhen", "danken", "raten", "antworten", "bestätigen", "zusichern", "versprechen", "berichten",
    "schreiben", "melden", "vorschlagen", "widersprechen", "verraten", "bekräftigen", "signalisieren",
    "ankündigen", "zusagen", "bescheinigen", "nahelegen", "vorhalten", "unterstellen", "angeben",
    "erläutern", "schildern", "zurufen",
})  # fmt: skip
# verbs whose von-phrase is what is told of ("berichten von"): with no clause, a passive names no agent
_TELLS_OF = frozenset({"berichten", "erzählen", "sprechen", "reden", "schwärmen"})
_WRITTEN_TO = frozenset({"schreiben", "wenden", "appellieren", "richten"})  # "schrieb an X"
_CHANNEL_NOUNS = ("interview", "gespräch", "telefonat", "brief", "schreiben", "videobotschaft")  # "… mit/an X"
_AUDIENCE = ("journalist", "reporter", "presse", "medien", "abgeordnet")


def addressee_of(view: SentenceView, verb: int | None, frame: Sequence[int] = ()) -> list[int]:
    """Who is spoken to: "gegenüber X", "vor Journalisten", a dative object, the object of a
    directive verb ("forderte die SPD auf") or the subject of its passive ("X wurde aufgefordert"),
    "in einem Interview mit X", "schrieb an X"; else "gegenüber X" anywhere in the ``frame``."""
    found = _addressee_of_verb(view, verb) if verb is not None else []
    return found or _facing(view, list(frame))


def _facing(view: SentenceView, frame: list[int]) -> list[int]:
    """ "gegenüber X" (or "X gegenüber") among the tokens of a frame."""
    for k in frame:
        if view.low(k) == "gegenüber":
            after = [i for i in view.np_after(k) if i in frame]
            before = [i for i in view.np_before(k) if i in frame]
            return after or before
    return []


def _addressee_of_verb(view: SentenceView, verb: int) -> list[int]:
    lemma = view.verb_lemma(verb)
    directive = lemma in _DIRECTIVE or view.tok(verb).lemma.lower() in _DIRECTIVE

    def without(k: int, case: list[int]) -> list[int]:
        return view.trim([x for x in view.subtree(k) if x not in case])

    for k in view.children(verb, "iobj", "obl", "obj", "nmod"):
        case = view.children(k, "case")
        words = [view.low(c) for c in case]
        if "gegenüber" in words or ("vor" in words and view.tok(k).lemma.lower().startswith(_AUDIENCE)):
            return without(k, case)
        if ("an" in words and lemma in _WRITTEN_TO) or (
            "zu" in words and lemma == "sagen" and view.tok(k).pos == "PROPN"
        ):
            return without(k, case)
        dative = view.tok(k).dep == "iobj" or (lemma in _TELLS and (_dative(view, k) or _outlet(view, k)))
        if not case and view.tok(k).dep != "nmod" and (dative or (directive and view.tok(k).dep == "obj")):
            return view.phrase(k)
        if view.tok(k).lemma.lower().startswith(_CHANNEL_NOUNS):
            for m in view.children(k, "nmod"):
                inner = view.children(m, "case")
                if any(view.low(c) in ("mit", "an") for c in inner):
                    return without(m, inner)
    if view.is_passive(verb):  # "Die Männer werden beschuldigt", "Ihm wird vorgeworfen"
        for head in (verb, *view.children(verb, "aux", "aux:pass")):
            for k in view.children(head, "nsubj", "nsubj:pass"):
                if directive or _dative(view, k):
                    return view.phrase(k)
    return []


def _outlet(view: SentenceView, k: int) -> bool:
    """An outlet object of a verb of telling is told ("sagte Mnich der Deutschen Presse-Agentur"),
    whatever case the tagger read (it reads such datives as genitives)."""
    return view.tok(k).text.lower() in LEXICON.outlets


def _dative(view: SentenceView, k: int) -> bool:
    """Whether the noun or its article is tagged dative (the tagger often gets one of them right)."""
    return "Dat" in [view.tok(x).feature("Case") for x in (k, *view.children(k, "det"))]


def posted_online(view: SentenceView, idx: list[int]) -> bool:
    """Whether a frame names a social network ("Auf Twitter erklärte …"): then it was written."""
    return any(view.low(i).startswith(_ONLINE) for i in idx)


def _medium(view: SentenceView, frame: list[int], default: Medium) -> Medium:
    return Medium.WRITING if posted_online(view, frame) else default


def _speaker(view: SentenceView, verb: int, segment: list[int]) -> list[int]:
    """Subject of the verb from the parse; else the noun phrase right after/before the verb.  A
    passive ("X wurde aufgefordert, …") names only its agent."""
    if view.is_passive(verb) or addressed(view, verb):
        return view.passive_agent(verb)
    head = view.tok(verb).head
    if view.tok(verb).dep == "conj" and verb > view.start and view.tok(verb - 1).pos == "CCONJ" and (
        view.start <= head < verb
    ):  # "Die Polizei ermittelt … und bittet Zeugen darum, …": the verb right after "und" shares the subject
        shared = view.trim([i for i in view.subject(head) if i in segment or not segment])
        if shared:
            return shared
    subj = view.trim([i for i in view.subject(verb) if i in segment or not segment])
    if subj:
        return subj
    particle = view.particle(verb)
    after = view.np_after_verb(verb) or (view.np_after(particle) if particle is not None else [])
    if after and all(i in segment for i in after):
        return after
    agent = view.agent(verb)  # passive: "von X mitgeteilt"
    if agent:
        return agent
    before = view.np_before(verb)
    governed = bool(before) and before[0] > view.start and view.tok(before[0] - 1).pos == "ADP"  # "Zu dem …"
    return before if before and not governed and all(i in segment for i in before) else []


def addressed(view: SentenceView, verb: int) -> bool:
    """``X ist/sei aufgerufen, …``: the participle of a call with *sein* names whom it addresses,
    not who speaks (word list ``addressed_participles``)."""
    return view.low(verb) in _ADDRESSED


_ADDRESSED = LEXICON.word_list("addressed_participles")


def verb_with_clause(view: SentenceView) -> list[Draft]:
    """``X sagte, (dass) …`` / ``…, sagte X.`` / ``X erklärte: …`` / ``X forderte, … zu tun``: a cue
    verb and its clause (finite, or a *zu*-infinitive after the verb)."""
    drafts: list[Draft] = []
    segs = view.segments()
    for si, seg in enumerate(segs):
        for v in seg:
            cue = view.cue(v)
            if cue is None or view.low(seg[0]) == "wie" or view.tok(v).dep == "acl":
                continue
            before = [i for s in segs[:si] for i in s]
            ci = _complement_segment(view, segs, si)
            after = [i for s in segs[ci:] for i in s] if ci is not None else []
            # "Es drohe ein Wettlauf, hatte Obama gesagt": a verb-first stretch after the comma is the
            # inverted frame of what precedes it, never a complement clause
            inverted = ci is not None and view.is_finite(segs[ci][0])
            own = ci is not None and si > 0 and _own_main_clause(view, segs[:si], seg, v)
            if ci is not None and not inverted and (si == 0 or own or _fronted_subject(view, segs[:si], v)):
                message, frame_end = after, segs[ci][0]
                frame = list(range(seg[0] if own or not si else view.start, frame_end))
            elif (
                before
                and view.clause_like(before)
                and view.low(before[0]) != "wie"  # "Wie X berichtet wird, muss …": a frame, not a message
                and view.can_be_reported(segs[0])  # "Obwohl …, bestritt er …"
                and view.can_be_reported(segs[si - 1])  # "In einem Referendum, das … stattfand, sprach sich …"
                and _inverted_frame(view, seg)
                and not view.is_zu_infinitive(v)
            ):
                message = before
                frame = list(range(before[-1] + 1, seg[-1] + 1))
                apposition = si + 1 < len(segs) and not view.clause_like(segs[si + 1])
                if apposition:
                    frame = list(range(before[-1] + 1, segs[si + 1][-1] + 1))
            else:
                continue
            particle = view.particle(v)
            message = _strip_final(view, message)
            cue_idx = sorted([v] + ([particle] if particle is not None else []))
            # "…, das entschied die NASA": the pronoun taking up the message is not the speaker
            resumptive = seg[0] if si > 0 and view.low(seg[0]) in ("das", "dies") else -1
            source = _with_apposition(view, _speaker(view, v, [i for i in frame if i != resumptive]), v)
            drafts.append(Draft(
                AttributionType.INDIRECT, _medium(view, frame, cue.medium), message,
                cue=cue_idx, source=source, frame=_with_comma(view, view.trim(frame)),
                addressee=addressee_of(view, v, frame), rule=R.VERB_CLAUSE.id, priority=R.VERB_CLAUSE.priority,
                distancing=cue.distancing,
            ))  # fmt: skip
            break
    return drafts


def _complement_segment(view: SentenceView, segs: list[list[int]], si: int) -> int | None:
    """The segment holding the clause of the cue verb in ``segs[si]``: the next one, or the one after
    an apposition or adverbial ("So sagte der Koordinator, Deftalgne Tessema, gegenüber der BBC, dass …")."""
    for ci in range(si + 1, min(si + 4, len(segs))):
        if (view.clause_like(segs[ci]) or view.infinitive_clause(segs[ci])) and view.can_be_reported(segs[ci]):
            return ci
    return None


def _fronted_subject(view: SentenceView, before: list[list[int]], v: int) -> bool:
    """``Hans-Jürgen Papier, Präsident des Gerichts, sagte, dass …`` / ``Deiss, der sich … entschlossen
    hatte, sagte, …`` / ``In einer Rede, die …, sagte X, …``: the segments before the verb are its
    subject (or a prepositional phrase, the subject following the verb) with appositions and
    relative clauses, and the verb opens its own segment."""
    seg_of_v = next(s for s in view.segments() if v in s)
    if seg_of_v[0] != v or not view.is_finite(v) or view.clause_like(before[0]):
        return False
    subject = view.subject(v)
    # "In einer Rede, die …, sagte X": a prepositional phrase first, the subject after the verb
    fronted = view.tok(before[0][0]).pos == "ADP" and bool(subject) and subject[0] > v
    if not subject or (subject[0] not in before[0] and not fronted):
        return False
    return all(not view.clause_like(s) or _relative_clause(view, s) for s in before[1:])


def _own_main_clause(view: SentenceView, before: list[list[int]], seg: list[int], v: int) -> bool:
    """``Da …, vermuten Forschende, dass …`` / ``…, jedoch betont Trommer, dass …``: the verb opens a
    main clause of its own, after a fronted adverbial clause or, behind a connective ("jedoch",
    "aber"), after a main clause; its subject stands in its segment."""
    if not view.is_finite(v):
        return False
    if seg[0] == v:
        first = view.low(before[0][0])
        if first not in view.closed.adverbial_conjunctions or not view.clause_like(before[0]):
            return False
    elif len(seg) < 2 or view.tok(seg[0]).pos not in ("CCONJ", "ADV") or not all(view.clause_like(s) for s in before):
        return False
    elif seg[1] != v:  # "…, aber der Chef warnt, dass …": the subject between connective and verb
        return view.trim(view.subject(v)) == list(range(seg[1], v))
    return bool(_subject_in(view, v, seg))


def _subject_in(view: SentenceView, v: int, seg: list[int]) -> list[int]:
    """The subject of verb ``v`` within its segment: from the parse, else the noun phrase right
    after the verb (the parse of a verb the tagger first misread is often no help)."""
    subject = view.subject(v)
    if subject and all(k in seg for k in subject):
        return subject
    after = view.np_after_verb(v)
    return after if after and all(k in seg for k in after) else []


def _relative_clause(view: SentenceView, seg: list[int]) -> bool:
    head = seg[1] if len(seg) > 1 and view.tok(seg[0]).pos == "ADP" else seg[0]  # "mit dem …"
    return view.is_relative_pronoun(head) or view.low(head) in ("dessen", "deren")  # "…, dessen Behörde …"


def _with_apposition(view: SentenceView, source: list[int], verb: int) -> list[int]:
    """A speaker followed by ", Professor an der …," takes the apposition along (not a clause)."""
    if not source:
        return source
    segs = view.segments()
    si = next((n for n, s in enumerate(segs) if s[-1] == source[-1]), None)
    if si is None or si + 1 >= len(segs):
        return source
    nxt = segs[si + 1]
    if view.tok(nxt[0]).pos not in ("DET", "ADJ", "NOUN", "PROPN") or verb in nxt:
        return source
    if view.clause_like(nxt) or view.infinitive_clause(nxt):
        return source
    return view.trim(source + list(range(source[-1] + 1, nxt[-1] + 1)))


def _inverted_frame(view: SentenceView, seg: list[int]) -> bool:
    """``…, sagte X`` / ``…, hatte X gesagt`` / ``…, das entschied X``: a frame after its message
    opens with the finite verb.  A verb at the end of a relative or adverbial clause ("…, die als
    „Sonnenwind“ bezeichnet wird", "…, was dieser zurückweist") frames nothing."""
    first = seg[1] if len(seg) > 1 and view.low(seg[0]) in ("das", "dies") else seg[0]
    return view.is_finite(first)


def _with_comma(view: SentenceView, frame: list[int]) -> list[int]:
    return frame + _comma(view, frame)


def _comma(view: SentenceView, frame: list[int]) -> list[int]:
    """The comma or colon that ends a frame before its message belongs to the frame."""
    nxt = frame[-1] + 1 if frame else -1
    return [nxt] if 0 <= nxt < view.end and view.tok(nxt).text in (",", ":") else []


def _strip_final(view: SentenceView, idx: list[int]) -> list[int]:
    out = sorted(idx)
    while out and view.tok(out[-1]).text in (".", "!", "?", ",", ";", ":", "…"):
        out.pop()
    return out


def wie_berichtet(view: SentenceView) -> list[Draft]:
    """``Wie X berichtet/mitteilte, …`` and ``…, wie X berichtete.``: the wie-clause frames the
    main clause before or after it."""
    segs = view.segments()
    if len(segs) < 2:
        return []
    # the wie-clause may hold an apposition: "Wie der Bevollmächtigte, Gerald Braun, mitteilte, …"
    first = next((n for n, s in enumerate(segs) if view.low(s[0]) == "wie"), None)
    if first == 0:
        last = next((n for n in range(min(3, len(segs) - 1)) if view.clause_like(segs[n][1:])), 0)
        seg, rest = [i for s in segs[: last + 1] for i in s], segs[last + 1 :]
    elif first is not None and first > 0 and _colon_after(view, segs[first]):
        # "Der Bedarf ist groß, wie die ÖPA mit Zahlen belegt: 2020 gab es …": the colon closes the
        # wie-clause, and what it announces is the source's too
        seg, rest = segs[first], segs[:first] + segs[first + 1 :]
    elif (
        first is not None
        and first > 0
        and first >= len(segs) - 3
        and all(not view.clause_like(s) for s in segs[first + 1 : -1])
    ):
        seg, rest = [i for s in segs[first:] for i in s], segs[:first]
    else:
        return []
    verbs = [(v, c) for v in seg if (c := view.cue(v)) is not None]
    if not verbs:
        return []
    v, cue = verbs[-1]
    particle = view.particle(v)
    message = _strip_final(view, [i for s in rest for i in s])
    if first == 0:
        frame = seg + _comma(view, seg)
    elif _colon_after(view, seg):
        frame = list(range(seg[0] - 1, seg[-1] + 2))
    else:  # the comma before the wie-clause and the clause, without the final full stop
        end = view.final_punct() or view.end
        frame = list(range(message[-1] + 1, end))
    # a passive "wie … berichtet wird" names its agent or no one
    speaker = _speaker(view, v, seg) or ([] if view.is_passive(v) else view.np_after(seg[0]) or _before_verb(view, v))
    return [Draft(
        AttributionType.INDIRECT, _medium(view, frame, cue.medium), message,
        cue=sorted([seg[0], v] + ([particle] if particle is not None else [])),
        source=_with_apposition(view, speaker, v), frame=frame, addressee=addressee_of(view, v, frame),
        rule=R.WIE_BERICHTET.id, priority=R.WIE_BERICHTET.priority, distancing=cue.distancing,
    )]  # fmt: skip


def _colon_after(view: SentenceView, seg: list[int]) -> bool:
    nxt = seg[-1] + 1
    return nxt < view.end and view.tok(nxt).text == ":" and any(view.is_finite(k) for k in range(nxt + 1, view.end))


def _before_verb(view: SentenceView, v: int) -> list[int]:
    """The noun phrase right before a wie-clause's final verb ("wie unter anderem Macrumors
    berichtet"), where none follows "wie"."""
    k = v
    while k > view.start and view.tok(k - 1).pos in ("PROPN", "NOUN"):
        k -= 1
    return list(range(k, v))


def preposition_source(view: SentenceView) -> list[Draft]:
    """``laut X``, ``gemäß X``, ``X zufolge``, ``nach Angaben X``, ``X nach`` (seiner Meinung nach)."""
    drafts: list[Draft] = []
    for i in view.indices:
        word = view.low(i)
        if word in ("laut", "gemäß") and (view.tok(i).pos == "ADP" or _preposition_mistagged(view, i)):
            np = view.np_after(i)
        elif word == "zufolge":
            np = _source_before(view, view.np_before(i))
        elif word == "nach":
            np = view.np_after(i)
            if not np or LEXICON.source_noun_medium(view.tok(_head_noun(view, np)).text) is None:
                nxt = i + 1
                postposition = nxt >= view.end or view.is_punct(nxt) or view.tok(nxt).pos in ("VERB", "AUX", "ADV")
                np = view.np_before(i) if postposition else []
                if not np or LEXICON.source_noun_medium(view.tok(_head_noun(view, np)).text) is None:
                    continue
        else:
            continue
        if not np:
            continue
        if word != "zufolge":
            np = _prefield_source(view, i, _source_postmodifier(view, np))
        frame = sorted([*np, i])
        medium = LEXICON.source_noun_medium(view.tok(_head_noun(view, np)).text) or Medium.SPEECH_OR_WRITING
        part = view.semicolon_part(i)  # "…; nach Behördenangaben stecke …" covers its part only
        message = view.trim([k for k in part if k not in frame])
        if not message:
            continue
        drafts.append(Draft(
            AttributionType.INDIRECT, medium, message, cue=[i], source=np, frame=frame,
            rule=R.PREPOSITION_RULES[word].id, priority=R.PREPOSITION_RULES[word].priority,
        ))  # fmt: skip
    return drafts


def _source_before(view: SentenceView, np: list[int]) -> list[int]:
    """``Angaben des Instituts von Athen zufolge``, ``Ersten Angaben vom Mittwoch zufolge``: the phrase
    before *zufolge* reaches back over von-phrases to the statement noun that heads it."""
    extended = list(np)
    for _ in range(3):
        k = extended[0] - 1 if extended else -1
        if k <= view.start or view.low(k) not in ("von", "vom"):
            break
        owner = view.np_before(k)
        if not owner:
            break
        extended = [*owner, k, *extended]
        if LEXICON.source_noun_medium(view.tok(_head_noun(view, owner)).text):
            return extended
    return np


def _preposition_mistagged(view: SentenceView, i: int) -> bool:
    """ "gemäß der Netzzeitung" tagged as an adjective; "laut" only where the adjective (loud) cannot
    stand: at the start of the sentence or a clause, before a noun phrase."""
    nxt = i + 1 < view.end and (view.tok(i + 1).pos in ("DET", "PROPN", "NOUN") or view.is_quote(i + 1))
    if view.low(i) == "gemäß":
        return nxt
    return nxt and (i == view.start or view.is_punct(i - 1) or view.tok(i - 1).pos == "CCONJ")


def _source_postmodifier(view: SentenceView, np: list[int]) -> list[int]:
    """``Aussagen von Albrecht Conze`` and ``Angaben des USGS (United States Geological Survey)``:
    a statement noun keeps the von-phrase and the parenthesis that name whose statement it is."""
    out = list(np)
    k = out[-1] + 1
    if k < view.end and view.low(k) == "von" and LEXICON.source_noun_medium(view.tok(_head_noun(view, np)).text):
        owner = view.np_after(k)
        if owner:
            out += [k, *owner]
            k = owner[-1] + 1
    if k < view.end and view.tok(k).text == "(":
        close = next((j for j in range(k + 1, min(k + 8, view.end)) if view.tok(j).text == ")"), None)
        if close is not None and all(view.tok(j).pos in ("PROPN", "NOUN", "X") for j in range(k + 1, close)):
            out += list(range(k, close + 1))
    return out


def _prefield_source(view: SentenceView, cue: int, np: list[int]) -> list[int]:
    """``Laut Oberst Polzer vom Landeskriminalamt hatten …``, ``Nach Meinung von Mike Brown, Professor
    am Caltech, könnte …``: a source phrase that opens the sentence runs to the finite verb (the
    verb-second position), with its postmodifiers and appositions."""
    if cue != view.start or not np:
        return np
    finite = next((k for k in range(np[-1] + 1, view.end) if view.is_finite(k)), None)
    if finite is None:
        return np
    stretch = list(range(np[-1] + 1, finite))
    quotes = sum(view.is_quote(k) for k in stretch)
    if not stretch or len(stretch) > 15 or quotes % 2 or any(view.tok(k).pos == "SCONJ" for k in stretch):
        return np
    return view.trim(np + stretch)


def _head_noun(view: SentenceView, np: list[int]) -> int:
    nouns = [k for k in np if view.tok(k).pos in ("NOUN", "PROPN")]
    return nouns[0] if nouns else np[-1]


_SO_OPENERS = (",", "–", "—", "-")  # "…, so X" and "… – so X"


def so_x(view: SentenceView) -> list[Draft]:
    """``…, so X (weiter).``: the message precedes, the source follows "so"; or ``…, so X, …``
    inside the message."""
    for i in view.indices:
        if view.low(i) != "so" or i == view.start:
            continue
        prev = i - 1
        while prev > view.start and view.is_quote(prev):
            prev -= 1
        if view.tok(prev).text not in _SO_OPENERS and not view.is_quote(i - 1):
            continue
        # "…, so sagt Müller" / "… – so urteilt Bach": a reporting verb between "so" and its source
        verb = i + 1 if i + 1 < view.end and view.is_finite(i + 1) and view.cue(i + 1) is not None else None
        np = view.np_after(verb if verb is not None else i)
        if not np:
            continue
        end = view.final_punct() or view.end
        rest = [k for k in range(i + 1, end) if not view.is_punct(k) and k != verb]
        message = _strip_final(view, list(range(view.start, prev)))
        if any(view.is_finite(k) for k in rest):
            # "Sein Rivale, so Obama weiter, würde …": the frame is a parenthesis inside the message
            close = next((k for k in range(i + 1, end) if view.tok(k).text == ","), None)
            if close is None or any(view.is_finite(k) for k in range(i + 1, close)):
                continue
            after = list(range(close + 1, end))
            if not any(view.is_finite(k) for k in after):
                continue
            frame = list(range(prev, close + 1))
            message = message + after
        else:
            frame = list(range(prev, end))
        return [Draft(AttributionType.INDIRECT, Medium.SPEECH_OR_WRITING, message,
                      cue=[i] + ([verb] if verb is not None else []), source=np,
                      addressee=addressee_of(view, verb, frame), frame=frame, rule=R.SO_X.id,
                      priority=R.SO_X.priority)]  # fmt: skip
    return []


# where "es heißt" is said: in a document ("in der Mitteilung"), or from a body ("aus dem Rathaus",
# "aus Regierungskreisen", "seitens der Polizei")
_SAID_WHERE_FROM = ("in", "im", "aus", "seitens")


def heisst_es(view: SentenceView) -> list[Draft]:
    """``…, heißt es (in X / aus X).`` and ``In X heißt es, …``: source often a document or a body,
    else none."""
    for i in view.indices:
        if view.tok(i).lemma.lower() != "heißen" or i + 1 >= view.end or view.low(i + 1) != "es":
            continue
        segs = view.segments()
        seg = next(s for s in segs if i in s)
        si = segs.index(seg)
        if si > 0:
            message = [k for s in segs[:si] for k in s]
        elif len(segs) > 1:
            message = [k for s in segs[1:] for k in s]
        else:
            continue
        source: list[int] = []
        for k in seg:
            if view.low(k) in _SAID_WHERE_FROM and k != i:
                source = view.np_after(k)
                break
        return [Draft(AttributionType.INDIRECT, Medium.SPEECH_OR_WRITING, _strip_final(view, message),
                      cue=[i, i + 1], source=source, frame=seg + _comma(view, seg),
                      rule=R.HEISST_ES.id, priority=R.HEISST_ES.priority)]  # fmt: skip
    return []


def noun_with_clause(view: SentenceView) -> list[Draft]:
    """``X teilt die Meinung / äußerte die Hoffnung, dass …``: a statement noun and its clause;
    ``Die Aussage von X, dass …, lässt …``: the noun's owner is the source, the clause the message;
    ``Es gibt das Gerücht, Tesla plane …``: a rumour with no owner is its own source."""
    nouns = LEXICON.cue_nouns
    segs = view.segments()
    for si, seg in enumerate(segs[:-1]):
        n, owner = _cue_noun(view, seg)
        if n is None or not view.clause_like(segs[si + 1]):
            continue
        if view.low(segs[si + 1][0]) not in ("dass", "ob") and not _konjunktiv_in(view, segs[si + 1]):
            continue
        verb = view.tok(n).head
        source = owner or (view.subject(verb) if view.start <= verb < view.end and verb not in owner else [])
        if not source:
            nominal = view.tok(seg[0]).pos in ("DET", "ADJ", "NOUN", "PROPN", "PRON")
            source = view.np_after(seg[0] - 1) if nominal else []
        if len(source) == 1 and view.low(source[0]) in _OWNERLESS and view.low(n) in _SELF_SOURCED:
            source = [k for k in seg if k <= n and k >= _phrase_start(view, n)]  # "es gibt das Gerücht"
        rest = segs[si + 1 :]
        if seg[0] == view.start:  # the noun opens the sentence: the main clause resumes after its clause
            resume = next((r for r in range(1, len(rest)) if view.is_finite(rest[r][0])), len(rest))
            rest = rest[:resume]
        message = _strip_final(view, [k for s in rest for k in s])
        if n in source:  # "Lange hielten sich die Gerüchte, dass …": the rumour is the source, its verb the cue
            cue = [verb] if view.start <= verb < view.end and verb not in source else []
        else:
            cue = [n] + ([verb] if view.start <= verb < view.end and verb in seg and verb not in source else [])
        return [Draft(AttributionType.INDIRECT, nouns[view.low(n)], message, cue=sorted(cue),
                      source=source, frame=seg + _comma(view, seg), rule=R.NOUN_CLAUSE.id,
                      priority=R.NOUN_CLAUSE.priority)]  # fmt: skip
    return []


def _konjunktiv_in(view: SentenceView, seg: list[int]) -> bool:
    return any(
        view.tok(k).feature("Mood") == "Sub" or (view.is_finite(k) and is_konjunktiv_i(view.tok(k), view.tok(k - 1)))
        for k in seg if k > view.start
    )  # fmt: skip


_OWNERLESS = LEXICON.word_list("ownerless_subjects")
_SELF_SOURCED = LEXICON.word_list("self_sourced_nouns")


def _cue_noun(view: SentenceView, seg: list[int]) -> tuple[int | None, list[int]]:
    """The statement noun a segment ends in, or the one followed only by its owner ("die Aussage
    von Ursula von der Leyen", "die Forderung der Gewerkschaft"), with that owner."""
    nouns = LEXICON.cue_nouns
    if view.low(seg[-1]) in nouns:
        return seg[-1], []
    for k in seg[:-1]:
        if view.low(k) not in nouns or view.tok(k).pos != "NOUN":
            continue
        after = seg[seg.index(k) + 1 :]
        marker = view.low(after[0])
        comma = seg[-1] + 1 < view.end and view.tok(seg[-1] + 1).text == ","
        nominal = all(  # the tagger reads many a compound name as a number or a symbol: capitals count
            view.tok(x).pos in _OWNER_WORDS or view.low(x) in _AGENT_MARKERS or view.tok(x).text[:1].isupper()
            for x in after
        )
        if marker not in _OWNER_MARKERS or not comma or not nominal:  # "nach Ansicht von X weit über …"
            return None, []
        owner = after[1:] if marker in _AGENT_MARKERS else after
        return (k, owner) if any(view.tok(x).pos in ("NOUN", "PROPN") for x in owner) else (None, [])
    return None, []


_OWNER_WORDS = frozenset({"DET", "ADJ", "NOUN", "PROPN"})
_AGENT_MARKERS = LEXICON.word_list("agent_markers")
_OWNER_MARKERS = _AGENT_MARKERS | LEXICON.word_list("genitive_articles")


def _phrase_start(view: SentenceView, n: int) -> int:
    k = n
    while k > view.start and view.tok(k - 1).pos in ("DET", "ADJ"):
        k -= 1
    return k


def speech_act(view: SentenceView) -> list[Draft]:
    """Reported speech act without a clause: ``X bezeichnete Y als „Krieg“``, ``X forderte Y``."""
    cues = LEXICON.verb_cues
    for v in view.indices:
        cue = view.cue(v)
        if cue is None or not cue.act or _subordinate(view, v) or _negated(view, v):
            continue
        passive = view.is_passive(v)
        if passive and view.verb_lemma(v) in _TELLS_OF:
            continue  # "Immerhin wird von Beschlagnahmungen berichtet": what is told of, not who tells
        source = view.passive_agent(v) if passive else view.subject(v)
        if not source or cues.get(view.verb_lemma(v)) is None:
            continue
        message = list(view.indices)
        particle = view.particle(v)
        return [Draft(AttributionType.REPORTED, cue.medium, message,
                      cue=sorted([v] + ([particle] if particle is not None else [])),
                      source=source, addressee=addressee_of(view, v), rule=R.SPEECH_ACT.id,
                      priority=R.SPEECH_ACT.priority, distancing=cue.distancing)]  # fmt: skip
    return []


def _negation_in(view: SentenceView, indices: Iterable[int]) -> bool:
    """Whether a negation stands among the tokens, "nicht nur" aside ("zeigen nicht nur, dass …")."""
    return any(
        (view.tok(k).tag == "PTKNEG" or view.low(k) in ("nicht", "nie", "kein"))
        and not (k + 1 < view.end and view.low(k + 1) == "nur")
        for k in indices
    )  # fmt: skip


def _negated(view: SentenceView, v: int) -> bool:
    return any(
        view.tok(k).tag == "PTKNEG" or view.low(k) in ("nicht", "nie", "kein") for k in range(max(view.start, v - 4), v)
    )


def _subordinate(view: SentenceView, v: int) -> bool:
    """Whether verb ``v`` stands in a subordinate or relative clause (dass …, der …)."""
    seg = next((s for s in view.segments() if v in s), [])
    return (
        bool(seg)
        and seg[0] != view.start
        and (
            view.low(seg[0]) in ("dass", "ob", "weil", "wenn", "als", "da", "nachdem", "um")
            or view.is_relative_pronoun(seg[0])
        )
    )


def resumptive_das(view: SentenceView) -> list[Draft]:
    """``… . Das teilte die Polizei mit.``: *das*/*dies* takes up the sentence before as the message.

    The dataset annotates the previous sentence and the pronoun as one indirect message (36 of
    its 2,877 training attributions).  Only a pronoun counts: "Das Ministerium teilte mit" has
    a noun after *Das*, so the verb is not the second word.
    """
    sentences = view.analysis.sentences
    index = view.sentence.index
    if index == 0 or view.end - view.start < 4 or view.low(view.start) not in ("das", "dies"):
        return []
    previous = sentences[index - 1]
    if previous.block != view.sentence.block:
        return []
    second = view.start + 1
    if not view.is_finite(second):
        return []
    end = view.final_punct() or view.end
    verb, cue, particle = second, view.cue(second), view.particle(second)
    if cue is None:  # "Dies gab Airbus … bekannt": a particle the tagger took for an adjective
        cue = LEXICON.verb_cues.get(view.low(end - 1) + view.tok(second).lemma.lower())
        particle = end - 1 if cue is not None else None
    if cue is None and view.tok(second).lemma.lower() in ("haben", "sein", "werden"):  # "Das hat X mitgeteilt"
        found = [(k, c) for k in view.indices if k > second and (c := view.cue(k)) is not None]
        if found:
            (verb, cue), particle = found[0], view.particle(found[0][0])
    source = view.np_after(second)  # the subject follows the finite verb: "Das teilte die Polizei mit"
    if cue is None or not source:
        return []
    prev_view = SentenceView(view.analysis, previous)
    message = [*_strip_final(prev_view, list(prev_view.indices)), view.start]
    return [Draft(
        AttributionType.INDIRECT, _medium(view, list(view.indices), cue.medium), message,
        cue=sorted([verb] + ([particle] if particle is not None else [])), source=source,
        frame=list(range(view.start + 1, end)), addressee=addressee_of(view, verb), rule=R.DAS_SAGTE_X.id,
        priority=R.DAS_SAGTE_X.priority, distancing=cue.distancing,
    )]  # fmt: skip


def evidence_shows(view: SentenceView) -> list[Draft]:
    """``Eine Studie zeigt, dass …``, ``Die Zahlen des Instituts zeigen: …``: evidence that shows a
    finding, with its clause; the evidence's owner is the source ("des Instituts", "von Jon
    Prosser"), else the evidence itself.  Only evidence nouns count (word lists ``evidence_verbs``,
    ``evidence_nouns``): "zeigen" as such ("Bilder zeigen Menschen") reports nothing."""
    verbs, nouns = LEXICON.word_list("evidence_verbs"), LEXICON.word_tuple("evidence_nouns")
    segs = view.segments()
    for si, seg in enumerate(segs[:-1]):
        after = segs[si + 1]
        colon = view.tok(seg[-1] + 1).text == ":" if seg[-1] + 1 < view.end else False
        # after a colon, any verb makes the announced finding (the tagger reads many a past tense
        # as a participle: "Die Zahlen zeigen: Die Aktionäre griffen zu …")
        announced = colon and (view.clause_like(after) or any(view.tok(k).pos in ("VERB", "AUX") for k in after))
        if not (view.low(after[0]) in _COMPLEMENTIZERS or announced):
            continue
        v = next((k for k in seg if view.tok(k).pos == "VERB" and view.tok(k).lemma.lower() in verbs), None)
        if v is None or _negation_in(view, seg):
            continue  # "Die Bilder zeigen nicht, dass …": no finding ("nicht nur, dass …" is one)
        subject = view.trim(view.subject(v))
        if not subject or not (all(k in seg for k in subject) or _fronted_subject(view, segs[:si], v)):
            continue
        head = next((k for k in subject if view.tok(k).pos in ("NOUN", "PROPN") and view.low(k).endswith(nouns)), None)
        if head is None:
            continue
        owner = [k for k in subject if k > head]
        marker = view.low(owner[0]) if owner else ""
        if marker in _AGENT_MARKERS:
            owner = owner[1:]
        # the owner names someone ("des Aktieninstituts", "von Jon Prosser"), not what was tested ("des Geräts")
        named = any(view.tok(k).pos == "PROPN" or view.low(k).rstrip("s").endswith(_BODY_ENDINGS) for k in owner)
        # with no owner, the evidence itself: "Eine Studie" of "Eine Studie aus den USA", which names no author
        source = owner if owner and marker in _OWNER_MARKERS and named else [k for k in subject if k <= head]
        message = _strip_final(view, [k for s in segs[si + 1 :] for k in s])
        frame = list(range(seg[0], seg[-1] + 1))
        return [Draft(AttributionType.INDIRECT, Medium.SPEECH_OR_WRITING, message, cue=[v], source=source,
                      frame=_with_comma(view, frame), rule=R.EVIDENCE_SHOWS.id,
                      priority=R.EVIDENCE_SHOWS.priority)]  # fmt: skip
    return []


def opinion_act(view: SentenceView) -> list[Draft]:
    """``Das Gericht hielt die Entscheidung für rechtmäßig``, ``Ultium Cells rechnet mit …``: a
    verb that states a judgement or an expectation only with its preposition (word list
    ``opinion_verbs``, written verb:preposition); "hält … für" needs the judgement, an adjective,
    after "für" ("hält die Straße für den Verkehr frei" is none)."""
    for v in view.indices:
        tok = view.tok(v)
        preposition = _OPINIONS.get(tok.lemma.lower())
        if tok.pos != "VERB" or preposition is None or _subordinate(view, v) or _negated(view, v):
            continue
        end = view.final_punct() or view.end
        at = next((k for k in range(view.start, end) if view.low(k) == preposition and k != v), None)
        # "hielt … für rechtmäßig" / "hat … für unnötig gehalten": the judgement up to the verb or the end
        if at is None or (preposition == _JUDGEMENT and not _judgement_after(view, at, v if v > at else end)):
            continue
        if _negation_in(view, range(min(v, at), max(v, at))):
            continue  # "Wir rechnen nicht mit Regen"
        source = view.subject(v)
        if not source:
            continue
        return [Draft(AttributionType.REPORTED, Medium.SPEECH_OR_THOUGHT, list(view.indices), cue=[v, at],
                      source=source, rule=R.OPINION.id, priority=R.OPINION.priority)]  # fmt: skip
    return []


def _judgement_after(view: SentenceView, at: int, end: int) -> bool:
    """"für rechtmäßig", "für unwahrscheinlich": a predicative adjective ends the clause after "für"."""
    words = [k for k in range(at + 1, end) if not view.is_punct(k)]
    return bool(words) and view.tok(words[-1]).pos == "ADJ" and all(view.tok(k).pos in ("ADJ", "ADV") for k in words)


_OPINIONS = dict(pair.split(":", 1) for pair in LEXICON.word_list("opinion_verbs"))
_JUDGEMENT = "für"


_COMPLEMENTIZERS = LEXICON.word_list("complementizers")
_BODY_ENDINGS = LEXICON.word_tuple("organisation_endings") + LEXICON.word_tuple("state_endings")


HANDLERS: tuple[Handler, ...] = (
    wie_berichtet, verb_with_clause, preposition_source, so_x, heisst_es, noun_with_clause,
    evidence_shows, opinion_act, speech_act, resumptive_das,
)  # fmt: skip
