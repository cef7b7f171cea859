"""Chains of sources: the publisher relays an outlet, which relays a person.

A source is relayed by a media outlet when an attribution to that outlet comes before the
source's first attribution, in the same sentence or the one before ("Wie der britische Express
behauptet, … behauptet Taras Kuzio"): the article has the statement from the outlet, not from
the source.  Further away, the outlet's report and the source's words are told apart too often
to link them (measured on 10kGNAD's one-paragraph articles).
Outlets relaying outlets chain the same way ("laut Bild, die sich auf Reuters beruft").
Every other source is quoted by the publisher directly (depth 1).
"""

from __future__ import annotations

from collections import defaultdict

from ..model import Analysis, Attribution, Chain, Source, SourceKind
from .entities import SentenceIndex


def _start(att: Attribution) -> int:
    return min(s.start for s in (*att.source, *att.cue, *att.message))


def find_chains(analysis: Analysis, sources: tuple[Source, ...]) -> tuple[Chain, ...]:
    publisher = next((s for s in sources if s.publisher), None)
    root = (publisher.id,) if publisher else ()
    by_id = {a.id: a for a in analysis.attributions}
    entity_of = {aid: s for s in sources for aid in s.attributions}
    index = SentenceIndex(analysis.sentences)
    sentence_of = {a.id: index.at((a.source or a.cue or a.message)[0].start) for a in analysis.attributions}
    media_in: dict[int, list[Attribution]] = defaultdict(list)  # sentence → attributions to outlets
    for a in analysis.attributions:
        if a.parent is None and a.id in entity_of and entity_of[a.id].kind is SourceKind.MEDIA:
            media_in[sentence_of[a.id]].append(a)
    relayed_by: dict[int, tuple[Source, Attribution]] = {}
    for source in sources:
        if source.publisher or not source.attributions:
            continue
        first = min((by_id[a] for a in source.attributions), key=_start)
        sentence = sentence_of[first.id]
        earlier = [
            a for near in ((sentence - 1, sentence) if sentence >= 0 else ()) for a in media_in.get(near, ())
            if near >= 0 and _start(a) < _start(first) and entity_of[a.id].id != source.id
        ]  # fmt: skip
        if earlier:
            relay = max(earlier, key=_start)
            relayed_by[source.id] = (entity_of[relay.id], relay)
    chains = []
    for source in sources:
        if source.publisher or not source.attributions:
            continue
        path, evidence, current = [source.id], list(source.mentions[:1]), source
        while current.id in relayed_by and relayed_by[current.id][0].id not in path:
            outlet, att = relayed_by[current.id]
            path.insert(0, outlet.id)
            evidence[:0] = [*att.source[:1], *att.cue]
            current = outlet
        chains.append(Chain(path=(*root, *path), channel=source.channels[0] if source.channels else None,
                            evidence=tuple(sorted(evidence, key=lambda s: s.start))))  # fmt: skip
    return tuple(sorted(chains, key=lambda c: (-c.depth, c.path)))


__all__ = ["find_chains"]
