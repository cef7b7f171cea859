"""German: SoMaJo's ``de_CMC`` model, simplemma's German, the UD German tagger/parser
(``models/de_ud``, docs/models/de_ud.md), the attribution CRF (``models/attribution-crf``,
docs/models/attribution-crf.md) and the German lexicons (``data/``)."""

from __future__ import annotations

from .. import Language
from .mood import repair_konjunktiv_i

LANGUAGE = Language(
    code="de",
    name="German",
    package=__name__,
    somajo_model="de_CMC",
    lemmatizer="de",
    tagger_model="de_ud",
    attribution_model="attribution-crf",
    labels=(("subjunctive", "Konjunktiv"), ("free_indirect", "hearsay (soll)")),
    repair_tags=repair_konjunktiv_i,
)
