"""Token features for the attribution tagger, computed from the rules' analysis.

One feature list per token of the whole article (the article is one sequence: messages run over
sentence boundaries).  Besides the word, its lemma, tags and dependency head, every token carries
what the rules said about it (its role and the rule's type), so the model learns when to trust
the rules and what they miss.  Features are plain strings; crfsuite gives each weight 1.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Container, Sequence

from .. import lang
from ..attribution.quotes import find_quotes
from ..attribution.syntax import SentenceView
from ..model import Analysis, Attribution, Token

ROLE_OF_PART = (("message", "Q"), ("cue", "CUE"), ("source", "SPK"), ("addressee", "ADR"), ("frame", "FRM"))
FEATURE_VERSION = 5  # bump when features change: a model trained on other features is refused
_QUOTE_CHARS = frozenset('„“”«»‚‘’‹›"')


def _shape(text: str) -> str:
    if text.isdigit():
        return "digit"
    if not text[:1].isalnum():
        return "punct"
    if text.isupper() and len(text) > 1:
        return "upper"
    if text[:1].isupper():
        return "cap"
    return "lower"


def _mood(token: Token) -> str:
    morph = token.morph
    if "Mood=Sub" in morph:
        return "sub_past" if "Tense=Past" in morph else "sub_pres"
    if "Mood=Imp" in morph:
        return "imp"
    if "VerbForm=Fin" in morph:
        return "ind"
    return ""


class TokenOverlap:
    """Our token indices that overlap a character range (gold spans need not align with them)."""

    def __init__(self, tokens: Sequence[Token]) -> None:
        self.tokens = tokens
        self.starts = [t.span.start for t in tokens]

    def indices(self, start: int, end: int) -> range:
        lo = max(0, bisect_right(self.starts, start) - 1)
        while lo < len(self.tokens) and self.tokens[lo].span.end <= start:
            lo += 1
        return range(lo, max(lo, bisect_left(self.starts, end)))

    def parts(self, att: Attribution) -> dict[str, list[int]]:
        """An attribution's roles as sorted token indices, keyed by field name."""
        return {
            part: sorted({i for s in getattr(att, part) for i in self.indices(s.start, s.end)})
            for part, _ in ROLE_OF_PART
        }


def rule_roles(analysis: Analysis) -> tuple[list[str], list[str]]:
    """Each token's role in the rules' outermost attribution covering it ("Q-Indirect", "SPK", …),
    and the name of the rule whose top-level message covers it."""
    roles = [""] * len(analysis.tokens)
    rules = [""] * len(analysis.tokens)
    index = TokenOverlap(analysis.tokens)
    for att in sorted(analysis.attributions, key=lambda a: a.parent is not None):
        parts = index.parts(att)
        for part, role in ROLE_OF_PART:
            label = f"Q-{att.type.value}" if role == "Q" else role
            for i in parts[part]:
                if not roles[i]:
                    roles[i] = label
    for att in analysis.attributions:
        if att.parent is None:
            for i in index.parts(att)["message"]:
                rules[i] = att.rule
    return roles, rules


def token_features(analysis: Analysis) -> list[list[str]]:
    """The feature strings of every token (article order)."""
    tokens = analysis.tokens
    lexicon = lang.of(analysis.article).lexicon
    roles, rules = rule_roles(analysis)
    quotes, _ = find_quotes(analysis)
    depth = [0] * len(tokens)
    for q in quotes:
        for i in range(q.open, q.close + 1):
            depth[i] += 1
    lows = [t.span.text.lower() for t in tokens]
    lemmas = [t.lemma.lower() or low for t, low in zip(tokens, lows, strict=True)]
    cues, cue_nouns, prepositions = lexicon.verb_cues, lexicon.cue_nouns, lexicon.word_list("source_prepositions")
    is_cue = [lem in cues or lem in cue_nouns or low in prepositions for lem, low in zip(lemmas, lows, strict=True)]
    sent_facts = _sentence_facts(analysis, is_cue, depth, roles)
    segment_kind = _segment_kinds(analysis)
    base: list[list[str]] = []
    for i, t in enumerate(tokens):
        low = lows[i]
        feats = [
            "w=" + low, "lem=" + lemmas[i], "pos=" + t.pos, "tag=" + t.tag, "dep=" + t.dep,
            "shape=" + _shape(t.span.text), "suf3=" + low[-3:], "mood=" + _mood(t),
            "rrole=" + roles[i], "rule=" + rules[i], "qd=" + str(min(depth[i], 2)), *segment_kind[i],
        ]  # fmt: skip
        if t.span.text in _QUOTE_CHARS:
            feats.append("qmark")
        if is_cue[i]:
            feats.append("cue")
        feats += _head_features(tokens, i, cues)
        if t.sentence < len(analysis.sentences):
            sent = analysis.sentences[t.sentence]
            if i == sent.token_start:
                feats.append("BOS")
            if i == sent.token_end - 1:
                feats.append("EOS")
            feats += sent_facts[sent.index]
        base.append(feats)
    return _with_neighbours(base, tokens, lows, roles, is_cue)


def _head_features(tokens: Sequence[Token], i: int, cues: Container[str]) -> list[str]:
    """The dependency head's lemma, tag and relation, and whether it is a reporting verb."""
    t = tokens[i]
    if not 0 <= t.head < len(tokens):
        return ["root"]
    head = tokens[t.head]
    hl = head.lemma.lower()
    feats = ["hlem=" + hl, "hpos=" + head.pos, "hdep=" + head.dep, "dir=" + ("L" if t.head > i else "R")]
    if hl in cues:
        feats += ["hcue", "hcue_dep=" + t.dep]
    return feats


def _sentence_facts(analysis: Analysis, is_cue: list[bool], depth: list[int], roles: list[str]) -> dict[int, list[str]]:
    """Per sentence: a cue, a subjunctive, a quotation, a rule's message in it; how it ends; the rule before."""
    tokens = analysis.tokens
    sent_facts: dict[int, list[str]] = {}
    prev_rule = ""
    for s in analysis.sentences:
        rng = range(s.token_start, s.token_end)
        facts = []
        if any(is_cue[i] for i in rng):
            facts.append("s_cue")
        if any(_mood(tokens[i]).startswith("sub") for i in rng):
            facts.append("s_subjunctive")
        if any(depth[i] for i in rng):
            facts.append("s_quote")
        if any(roles[i].startswith("Q") for i in rng):
            facts.append("s_rule")
        last = tokens[s.token_end - 1].span.text if s.token_end > s.token_start else ""
        if last not in (".", "!", "?", "“", '"', "«", "»", ":"):
            facts.append("s_noend")
        if last == ":":
            facts.append("s_colon")
        facts.append("prev_rule=" + prev_rule)
        prev_rule = next((roles[i] for i in rng if roles[i].startswith("Q")), "")
        sent_facts[s.index] = facts
    return sent_facts


def _with_neighbours(
    base: list[list[str]], tokens: Sequence[Token], lows: list[str], roles: list[str], is_cue: list[bool]
) -> list[list[str]]:
    """Each token's features plus its two neighbours' words, tags, rule roles and cues on each side."""
    n = len(tokens)
    out: list[list[str]] = []
    for i in range(n):
        feats = list(base[i])
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < n:
                feats += [f"{off}w={lows[j]}", f"{off}pos={tokens[j].pos}", f"{off}rrole={roles[j]}"]
                if is_cue[j]:
                    feats.append(f"{off}cue")
        # no feature marks the article's first tokens: in the training data the first sentence is
        # almost never an attribution, and a model that learned so misses a quote pasted alone
        if i:
            feats.append("w-1|w=" + lows[i - 1] + "|" + lows[i])
        out.append(feats)
    return out


def _segment_kinds(analysis: Analysis) -> list[tuple[str, str]]:
    """Per token, what kind of comma-separated stretch it is in and what the stretch before was:
    a dass/ob clause, a w-clause, an adverbial or relative clause, a zu-infinitive, a verb-first or
    verb-second clause, or no clause ("np")."""
    lexicon = lang.of(analysis.article).lexicon
    complementizers, wh_words = lexicon.word_list("complementizers"), lexicon.word_list("wh_words")
    out = [("seg=", "pseg=")] * len(analysis.tokens)
    for sentence in analysis.sentences:
        view = SentenceView(analysis, sentence)
        previous = "start"
        for seg in view.segments():
            words = [i for i in seg if not view.is_quote(i)] or seg
            first = view.low(words[0])
            if first in complementizers:
                kind = "complement"
            elif not view.can_be_reported(seg):
                kind = "adv_rel"
            elif first in wh_words:
                kind = "wh"
            elif view.infinitive_clause(seg):
                kind = "infinitive"
            elif view.is_finite(words[0]):
                kind = "v1"
            elif any(view.is_finite(i) for i in words):
                kind = "v2"
            else:
                kind = "np"
            for i in seg:
                out[i] = ("seg=" + kind, "pseg=" + previous)
            previous = kind
    return out


__all__ = ["FEATURE_VERSION", "TokenOverlap", "rule_roles", "token_features"]
