"""Rule identities: every construction a handler reads has a stable ASCII id and a display label.

Ids are what the code compares, what the trained model sees as a feature and what reports and
corpus tables carry (``de.verb_clause``, ``de.laut``); labels are for people ("verb+clause",
"laut X").  ``priority`` orders the handlers' findings when their messages clash (the higher
wins).  Two flags tell the learned stage how to merge a rule's findings with the trained model's
(measured per language on held-out training data, see the model card): ``over_model``, the rule's
reading wins wherever the construction fires (lexically anchored: "laut X", "X: „…“");
``needs_model``, a finding the model does not overlap is dropped (a bare partial quote).
A language registers its rules (``quellenlage.lang.de.rules``); the model's own findings are
``learned``, ``learned.nested`` and ``learned+<rule id>`` for a learned attribution that took a
rule finding's roles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ID = re.compile(r"^[a-z]+(?:\.[a-z][a-z0-9_]*)*$")


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    label: str
    priority: int = 50
    over_model: bool = False  # its reading wins over the trained model's where it fires
    needs_model: bool = False  # dropped where the trained model does not overlap it
    # names no source in its own sentence (a free quote, a continuation): a source span over its
    # finding comes from the model or the context, not from the construction
    sourceless: bool = False
    # its finding is the outlet's own hedged statement, not a report ("No polls appear to have been
    # conducted"): the claims count it as the outlet's voice
    outlet_voice: bool = False

    def __post_init__(self) -> None:
        if not _ID.match(self.id):
            raise ValueError(f"a rule id is lower-case ASCII words joined by dots, not {self.id!r}")


_REGISTRY: dict[str, Rule] = {}


def register(rule: Rule) -> Rule:
    """Add ``rule`` to the registry (once per id) and return it."""
    if _REGISTRY.setdefault(rule.id, rule) != rule:
        raise ValueError(f"the rule id {rule.id!r} is registered twice with different labels or priorities")
    return rule


LEARNED = register(Rule("learned", "trained model", 60))
LEARNED_NESTED = register(Rule("learned.nested", "trained model, quotation nested in a message", 50))


def learned_with(rule_id: str) -> str:
    """The id of a learned attribution that took the roles of the rule finding ``rule_id``."""
    return f"{LEARNED.id}+{rule_id}"


def label(rule_id: str) -> str:
    """The display label of a rule id (``learned+de.laut`` reads "trained model + laut X")."""
    if rule_id.startswith(LEARNED.id + "+"):
        return f"{LEARNED.label} + {label(rule_id.split('+', 1)[1])}"
    rule = _REGISTRY.get(rule_id)
    return rule.label if rule else rule_id


def get(rule_id: str) -> Rule | None:
    """The registered rule ``rule_id`` (``None`` for an unknown id or a learned one)."""
    return _REGISTRY.get(rule_id)


def registered() -> tuple[Rule, ...]:
    """Every registered rule, by id."""
    return tuple(sorted(_REGISTRY.values(), key=lambda r: r.id))


__all__ = ["LEARNED", "LEARNED_NESTED", "Rule", "get", "label", "learned_with", "register", "registered"]
