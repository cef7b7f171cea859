"""English: spaCy's English tokenizer with sentence rules (``sentences.py``), simplemma's English, a UD
English EWT tagger/parser trained by the project's recipe (``models/en_ud``, docs/models/en_ud.md),
the English lexicons (``data/``) and the English grammar of attribution (``grammar.py``). No
attribution model is shipped: the analysis is the rules (PolNeAR, the English gold, states no
licence, so nothing trained on it ships). Offered to users since session 25; its measured accuracy
is in docs/ENGLISH.md."""

from __future__ import annotations

from .. import EUROPEAN_QUOTES, Language
from .repair import repair_tags
from .sentences import sentences

LANGUAGE = Language(
    code="en",
    name="English",
    package=__name__,
    sentences=sentences,
    lemmatizer="en",
    tagger_model="en_ud",
    attribution_model=None,
    tagger_characters=(("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("''", '"')),
    one_root=True,
    straight_quotes=('"', "''"),
    # English's own marks first (the report quotes evidence with the first pair): “…”
    quote_marks=(("“", "”"), *(pair for pair in EUROPEAN_QUOTES if pair[0] != "“")),
    repair_tags=repair_tags,
)
