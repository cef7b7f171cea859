"""The learned attribution stage: the CRF re-reads the article with the rules' findings as features.

It runs after the rules (:class:`quellenlage.attribution.Attribute`) and merges:

- the lexically anchored constructions (rules registered ``over_model``: ``de.x_colon_quote``,
  ``de.quote_sagte_x``, ``de.laut``, "wie X berichtet", Q&A answers, …) keep the rules' reading
  wherever they fire;
- elsewhere the model's spans win (they follow the dataset's conventions); a learned attribution
  that overlaps a rule finding takes the rule's id (``learned+de.verb_clause``), its distancing flag,
  its medium and any speaker, cue or addressee the model left empty; a learned reported speech
  act that overlaps none is dropped (``UNSUPPORTED_DROPPED``), and so is a sourceless one whose cue
  points back ("Demnach …", the language's ``anaphoric_cues``);
- the rules' continuations (the language grammar's ``continuation_drafts``: Konjunktiv and
  reportative *soll* sentences after a report in German) run again on the merged reading, so a
  report only the model found is continued too;
- rule findings the model missed are kept where the model gives their message a mean message
  probability of at least ``MIN_MESSAGE_PROBABILITY``, except the rules registered ``needs_model``; so
  is one whose only overlap with the model is a quotation the rule found nested in it.  A denial
  or distancing verb keeps its finding whatever the model says.

Which kinds to prefer and to drop, and the threshold, were measured on the half of the training
split a model trained on the other half had not seen (docs/models/attribution-crf.md), not on dev.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from .. import lang
from ..attribution.draft import Draft
from ..attribution.plugin import grammar_of
from ..attribution.quotes import find_quotes
from ..attribution.stage import _to_attribution
from ..lang import Lexicon, rules
from ..lang.rules import learned_with
from ..model import Analysis, Attribution, AttributionType, Medium
from .features import TokenOverlap
from .labels import absorb_speaker, decode
from .tagger import AttributionTagger, shipped_tagger

# learned attributions of these types that no rule finding overlaps are dropped: the model alone
# reads reported speech acts with a precision of about 26 % (measured on the half-split, see the
# model card); a speech act needs a verb the rules know and an agent
UNSUPPORTED_DROPPED = frozenset({AttributionType.REPORTED})
# "Demnach hat der Sohn … begangen": the dataset makes the adverb cue and speaker; without the source
# it points back to, such an attribution would turn the outlet's own report into an anonymous claim,
# so it is dropped until the antecedent is resolved (costs 0.1 Joint on the half-split); the cues are
# the language's word list ``anaphoric_cues``
# a rule finding the model missed is kept only where the model gives its message at least this
# mean marginal probability of a message label (measured on the half-split, see the model card)
MIN_MESSAGE_PROBABILITY = 0.1


@dataclass(frozen=True)
class LearnedAttribute:
    """Attributions from the trained tagger (``tagger=None``: the model shipped in the package)."""

    tagger: AttributionTagger | None = None
    keep_rules: bool = True  # False: the model's reading alone (the dataset's conventions; eval --model-only)
    name: str = "attribute-learned"
    requires: frozenset[str] = frozenset({"tokens", "sentences", "morphology", "syntax", "lemmas", "attributions"})
    provides: frozenset[str] = frozenset({"attributions"})

    def __call__(self, analysis: Analysis) -> Analysis:
        language = lang.of(analysis.article)
        if self.tagger is None and language.attribution_model is None:
            return analysis  # no model ships for this language (English): the rules' reading stands
        if self.tagger is not None and self.tagger.language != language.code:
            return analysis  # a model trained on another language's articles: the rules' reading stands
        tagger = self.tagger or shipped_tagger(language.code)
        quotes, _ = find_quotes(analysis)
        tagging = tagger.tag(analysis)
        drafts = decode(analysis, tagging.labels, quotes)
        if self.keep_rules:
            drafts = _merge_rules(analysis, drafts, tagging.message_probability)
            # the merged reading may start a report the rules alone did not see: its Konjunktiv
            # and "soll" sentences continue it
            drafts += grammar_of(language).continuation_drafts(analysis, [d for d in drafts if d.parent is None])
        ordered = sorted(drafts, key=lambda d: (d.first, d.parent is not None))
        ids = {id(d): n for n, d in enumerate(ordered)}
        made = tuple(_to_attribution(analysis, d, ids[id(d)], ids) for d in ordered)
        return replace(analysis, attributions=made)


def _merge_rules(
    analysis: Analysis, learned: list[Draft], message_probability: Callable[[Sequence[int]], float]
) -> list[Draft]:
    """The rules' attributions registered ``over_model`` (with their nested quotes) in place of the
    learned ones they overlap; the other learned ones named after the rule they overlap; the rules'
    findings the model missed, except those registered ``needs_model`` and those whose message the
    model gives less than ``MIN_MESSAGE_PROBABILITY``."""
    lexicon = lang.of(analysis.article).lexicon
    preferred, others = _rule_drafts(analysis)
    # a learned message may not overlap what a preferred rule found, its frame included
    taken = {i for d in preferred.values() for part in (d.message, d.frame, d.cue, d.source) for i in part}
    kept = [d for d in learned if not taken & set((d.parent or d).message)]
    tops = [d for d in others.values() if d.parent is None]
    nested = {id(r): [d for d in others.values() if d.parent is r] for r in tops}
    # a rule finding the model missed stays, with its nested quotes; so does one whose only overlap
    # with the model is a quotation the rule found nested in it ("bezeichnete … als „Krieg“")
    missed = []
    for rule in tops:
        registered = rules.get(rule.rule)
        if not _disputes(analysis, rule, lexicon) and (
            (registered is not None and registered.needs_model)
            or message_probability(rule.message) < MIN_MESSAGE_PROBABILITY
        ):
            continue
        inside = set(rule.message)
        overlapping = [d for d in kept if inside.intersection(d.message)]
        if all(_explains(rule, nested[id(rule)], d) for d in overlapping):
            missed.append(rule)
            kept = [d for d in kept if d not in overlapping and d.parent not in overlapping]
    out = _named_after_rules(analysis, kept, tops, lexicon)
    missed += [d for r in missed for d in nested[id(r)]]
    return out + missed + list(preferred.values())


def _rule_drafts(analysis: Analysis) -> tuple[dict[int, Draft], dict[int, Draft]]:
    """The rules' findings as drafts by attribution id: those registered ``over_model`` (and their
    nested quotes), and the others."""
    index = TokenOverlap(analysis.tokens)
    preferred: dict[int, Draft] = {}
    others: dict[int, Draft] = {}  # the other rule findings, nested ones included
    for att in analysis.attributions:
        parent_id = att.parent if att.parent is not None else -1
        registered = rules.get(att.rule)
        if (registered is not None and registered.over_model) or parent_id in preferred:
            preferred[att.id] = _draft(att, index, preferred.get(parent_id))
        else:
            others[att.id] = _draft(att, index, others.get(parent_id))
    return preferred, others


def _named_after_rules(analysis: Analysis, kept: list[Draft], tops: list[Draft], lexicon: Lexicon) -> list[Draft]:
    """Learned drafts that overlap a rule finding take its id, distancing, medium and missing roles;
    a reported speech act that overlaps none, or a sourceless one whose cue points back, is dropped."""
    cues, anaphoric = lexicon.verb_cues, lexicon.word_list("anaphoric_cues")
    out = []
    for draft in kept:
        mine = set(draft.message)
        best = max(tops, key=lambda r: len(mine.intersection(r.message)), default=None)
        if best is not None and mine.intersection(best.message):
            draft.rule = learned_with(best.rule)
            draft.distancing = best.distancing
            if draft.medium is Medium.SPEECH_OR_WRITING:
                draft.medium = best.medium
            _carried_speaker(analysis, draft, best)
            _fill_roles(draft, best)
        elif draft.type in UNSUPPORTED_DROPPED:
            continue
        if not draft.source and {analysis.tokens[i].text.lower() for i in draft.cue} & anaphoric:
            continue
        draft.distancing = draft.distancing or any(
            cues[lem].distancing for lem in (analysis.tokens[i].lemma.lower() for i in draft.cue) if lem in cues
        )
        out.append(draft)
    alive = {id(d) for d in out}
    return [d for d in out if d.parent is None or id(d.parent) in alive]  # nested in a dropped one


def _disputes(analysis: Analysis, rule: Draft, lexicon: Lexicon) -> bool:
    """A finding whose verb distances or denies ("behauptet", "dementiert") stays whatever its kind:
    the product needs it for the claim's status even where its spans are rough."""
    lemmas = {analysis.tokens[i].lemma.lower() for i in rule.cue}
    return rule.distancing or bool(lemmas & lexicon.denial_lemmas)


def _carried_speaker(analysis: Analysis, draft: Draft, rule: Draft) -> None:
    """A sentence that goes on a report names its speaker before it: where the model, with no cue,
    reads a noun of the sentence itself as the source ("Derweil würde die vorgeschlagene
    Bagatellgrenze … „diskriminieren“") or one further back than a speaker carries (the grammar's
    ``speaker_reach``: "das ZdK-Präsidium" eight paragraphs before "Sie wisse, …"), the speaker the
    continuation carries (a rule registered ``sourceless``) is the source."""
    registered = rules.get(rule.rule)
    if registered is None or not registered.sourceless or not rule.source or not draft.source or draft.cue:
        return
    if draft.type is AttributionType.REPORTED:
        return  # a speech act's subject is its source
    tokens, sentences = analysis.tokens, analysis.sentences
    sentence_of = {tokens[i].sentence for i in rule.message}
    here = min(sentences[s].block for s in sentence_of)
    inside = all(tokens[i].sentence in sentence_of for i in draft.source)
    reach = grammar_of(lang.of(analysis.article)).speaker_reach
    far = here - max(sentences[tokens[i].sentence].block for i in draft.source) > reach
    if inside or far:
        draft.frame[:] = [i for i in draft.frame if i not in draft.source]
        draft.source[:] = rule.source


def _fill_roles(draft: Draft, rule: Draft) -> None:
    """Roles the model left empty, taken from the rule finding it overlaps (a speaker the tagger
    did not mark is still the speaker the rules found)."""
    used = {i for part in (draft.cue, draft.source, draft.addressee) for i in part}
    for name in ("source", "cue", "addressee"):
        mine, theirs = getattr(draft, name), getattr(rule, name)
        if not mine and theirs and not used.intersection(theirs):
            mine.extend(theirs)
            used.update(theirs)
            if name == "source" and draft.type is AttributionType.REPORTED:
                absorb_speaker(draft)
            else:
                draft.frame[:] = sorted(set(draft.frame) | set(theirs))


def _explains(rule: Draft, nested: list[Draft], learned: Draft) -> bool:
    """The learned draft is a direct quote inside the rule's message that the rule reads otherwise:
    as a quote nested in it, or as its quoted speaker ("Der „Atlantic Council“ bezeichnete …")."""
    mine = set(learned.message)
    return (
        learned.type is AttributionType.DIRECT and mine <= set(rule.message)
        and (any(mine.intersection(n.message) for n in nested) or bool(mine.intersection(rule.source)))
    )  # fmt: skip


def _draft(att: Attribution, index: TokenOverlap, parent: Draft | None = None) -> Draft:
    parts = index.parts(att)
    return Draft(
        type=att.type, medium=att.medium, message=parts["message"], cue=parts["cue"], source=parts["source"],
        frame=parts["frame"], addressee=parts["addressee"], rule=att.rule, distancing=att.hedged, parent=parent,
    )  # fmt: skip


__all__ = ["MIN_MESSAGE_PROBABILITY", "UNSUPPORTED_DROPPED", "LearnedAttribute"]
