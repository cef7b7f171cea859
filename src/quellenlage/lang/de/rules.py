"""The German constructions the attribution handlers read, with their ids, labels and priorities.

``over_model`` and ``needs_model`` (see ``lang/rules.py``) were measured on the half of the training
split a model trained on the other half had not seen (docs/models/attribution-crf.md).
"""

from __future__ import annotations

from ..rules import Rule, register

VERB_CLAUSE = register(Rule("de.verb_clause", "verb+clause", 60))
WIE_BERICHTET = register(Rule("de.wie_berichtet", "wie X berichtet", 70, over_model=True))
LAUT = register(Rule("de.laut", "laut X", 65, over_model=True))
GEMAESS = register(Rule("de.gemaess", "gemäß X", 65))
ZUFOLGE = register(Rule("de.zufolge", "zufolge X", 65, over_model=True))
NACH = register(Rule("de.nach", "nach X", 65, over_model=True))
SO_X = register(Rule("de.so_x", "so X", 70, over_model=True))
HEISST_ES = register(Rule("de.heisst_es", "heißt es", 70, over_model=True))
NOUN_CLAUSE = register(Rule("de.noun_clause", "noun+clause", 55, over_model=True))
EVIDENCE_SHOWS = register(Rule("de.evidence_shows", "evidence shows", 50))
OPINION = register(Rule("de.opinion", "judgement or expectation", 38))
SPEECH_ACT = register(Rule("de.speech_act", "speech act", 40))
DAS_SAGTE_X = register(Rule("de.das_sagte_x", "Das sagte X", 72))
FREE_DIRECT_QUOTE = register(Rule("de.free_direct_quote", "free direct quote", 30, sourceless=True))
PARTIAL_QUOTE = register(Rule("de.partial_quote", "partial quote", 90, needs_model=True))
QUOTE_SO_X = register(Rule("de.quote_so_x", "„…“, so X", 80, over_model=True))
QUOTE_SAGTE_X = register(Rule("de.quote_sagte_x", "„…“, sagte X", 80, over_model=True))
X_SAGTE_QUOTE = register(Rule("de.x_sagte_quote", "X sagte: „…“", 80))
X_COLON_QUOTE = register(Rule("de.x_colon_quote", "X: „…“", 75, over_model=True))
INTERVIEW_ANSWER = register(Rule("de.interview_answer", "interview answer", 10, over_model=True))
KONJUNKTIV_CONTINUATION = register(Rule("de.konjunktiv_continuation", "Konjunktiv continuation", 20, sourceless=True))
REPORTATIVE_SOLLEN = register(Rule("de.reportative_sollen", "reportative sollen", 15, sourceless=True))

#: the preposition (or postposition) of a ``laut X`` construction → its rule
PREPOSITION_RULES = {"laut": LAUT, "gemäß": GEMAESS, "zufolge": ZUFOLGE, "nach": NACH}
