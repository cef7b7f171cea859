"""An outlet spoken to, taken out of the source span it was read into.

"…, sagte Forschungsdirektor Joachim Mnich der Deutschen Presse-Agentur": the tagger reads the
dative outlet as a genitive of the name, so the rules' subject phrase and the model's source span
both run over it, and the report names a source "Joachim Mnich Deutschen Presse-Agentur" (typed
as media).  A person's name takes no genitive after it, and a role noun that already names its
body ("HZB-Sprecherin") takes none either; an outlet after either, opened by one of the language's
``hearer_articles``, is who the source spoke to.  "der Sprecher der Zeitung" keeps its genitive.

The Wikinews annotation reads the construction so: "sagte Tegaye Mununhe, … der Nachrichtenagentur
AFP" has the agency as addressee.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..lang import Lexicon
from ..model import SourceKind, Token
from ..provenance.sources import classify_source


def split_hearer(
    tokens: Sequence[Token], source: list[int], addressee: list[int], lexicon: Lexicon
) -> tuple[list[int], list[int]]:
    """``(source, addressee)``: an outlet at the end of a spoken-to source moved to the addressee.
    Continuations carry the source span of the report they go on, so no cue is asked for; a
    statement noun ("einem Artikel der Nachrichtenagentur Reuters") is no name and keeps its
    genitive."""
    if addressee or len(source) < 2:
        return source, addressee
    split = _outlet_apart(tokens, sorted(source), lexicon)
    if split is not None:
        return split
    if len(source) < 3:
        return source, addressee
    articles = lexicon.word_list("hearer_articles")
    ordered = sorted(source)
    for n in range(1, len(ordered) - 1):
        k, before = ordered[n], tokens[ordered[n - 1]]
        if tokens[k].text.lower() not in articles or ordered[n - 1] != k - 1:
            continue
        named = before.pos == "PROPN" or before.dep in ("flat", "flat:name")  # "Joachim Mnich": a name's last word
        if not (named or (before.pos == "NOUN" and "-" in before.text.strip("-"))):
            continue
        head = before.text.rsplit("-", 1)[-1].lower()
        if lexicon.source_noun_medium(head) is not None and not head.startswith(lexicon.word_tuple("role_words")):
            continue  # "einem dpa-Bericht der Zeitung": a statement noun's owner, not a spokesperson
        speaker, tail = ordered[:n], ordered[n:]
        if classify_source([tokens[i] for i in tail], lexicon) is not SourceKind.MEDIA:
            continue
        if classify_source([tokens[i] for i in speaker], lexicon) is SourceKind.MEDIA:
            continue  # "ein dpa-Reporter der Zeitung": an outlet's people speak for it, no hearer
        return speaker, tail
    return source, addressee


def _outlet_apart(tokens: Sequence[Token], source: list[int], lexicon: Lexicon) -> tuple[list[int], list[int]] | None:
    """A source in parts, one of them an outlet and the others someone else: the model's "die Polizei
    … „Deutschen Presseagentur“" of "Die Polizei hatte auf Anfrage der „Deutschen Presseagentur“
    mitgeteilt" is the police, who told the agency."""
    parts: list[list[int]] = []
    for i in source:
        if parts and i == parts[-1][-1] + 1:
            parts[-1].append(i)
        else:
            parts.append([i])
    if len(parts) < 2:
        return None
    media = [p for p in parts if classify_source([tokens[i] for i in p], lexicon) is SourceKind.MEDIA]
    rest = [i for p in parts if p not in media for i in p]
    if not media or not rest:
        return None
    if classify_source([tokens[i] for i in rest], lexicon) in (SourceKind.MEDIA, SourceKind.ANONYMOUS):
        return None
    return rest, [i for p in media for i in p]


__all__ = ["split_hearer"]
