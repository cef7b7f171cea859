"""The English constructions the attribution handlers read, with their ids, labels and priorities."""

from __future__ import annotations

from ..rules import Rule, register

VERB_COMPLEMENT = register(Rule("en.verb_complement", "X said (that) …", 60))
INVERTED = register(Rule("en.inverted", "…, X said", 65))
ACCORDING_TO = register(Rule("en.according_to", "according to X", 70))
SPEECH_ACT = register(Rule("en.speech_act", "speech act", 40))
QUOTE_SAID_X = register(Rule("en.quote_said_x", "“…,” X said", 80))
X_SAID_QUOTE = register(Rule("en.x_said_quote", "X said: “…”", 80))
FREE_DIRECT_QUOTE = register(Rule("en.free_direct_quote", "free direct quote", 30, sourceless=True))
RELAYED = register(Rule("en.relayed", "according to X, quoting Y", 70))
COLON_SPEAKER = register(Rule("en.colon_speaker", "X: …", 55))
EVIDENTIAL = register(Rule("en.evidential", "X appears to …", 35, sourceless=True, outlet_voice=True))
NOUN_COMPLEMENT = register(Rule("en.noun_complement", "X's claim that …", 50))
