"""German: spaCy's German tokenizer with SoMaJo's token conventions and sentence rules
(``sentences.py``), simplemma's German, the UD German tagger/parser
(``models/de_ud``, docs/models/de_ud.md), the attribution CRF (``models/attribution-crf``,
docs/models/attribution-crf.md), the German lexicons (``data/``) and the German grammar of
attribution (``grammar.py``: the construction handlers of ``frames``, ``direct``,
``continuation`` and ``interview``, loaded when the first German article is analysed)."""

from __future__ import annotations

from .. import Language
from .repair import repair_tags
from .sentences import sentences

LANGUAGE = Language(
    code="de",
    name="German",
    package=__name__,
    sentences=sentences,
    lemmatizer="de",
    tagger_model="de_ud",
    attribution_model="attribution-crf",
    labels=(("subjunctive", "Konjunktiv"), ("free_indirect", "hearsay (soll)")),
    repair_tags=repair_tags,
)
