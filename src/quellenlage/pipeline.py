"""The analysis pipeline: stages that declare what they require and provide.

A stage is any object with ``name``, ``requires``, ``provides`` (sets of layer names) and
``__call__(analysis) -> analysis``.  :class:`Pipeline` checks when built that every stage's
requirements are provided by an earlier stage (or by the article itself: layer ``"article"``)
and names what is missing, as stanza does.  Stages never mutate; they return a new Analysis.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from . import lang, nlp
from .errors import ConfigError, TimeLimitError
from .model import Analysis, Article

if TYPE_CHECKING:
    from .learned.tagger import AttributionTagger


@runtime_checkable
class Stage(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def requires(self) -> frozenset[str]: ...
    @property
    def provides(self) -> frozenset[str]: ...

    def __call__(self, analysis: Analysis) -> Analysis: ...


class Pipeline:
    """An ordered, checked sequence of stages."""

    def __init__(self, stages: Sequence[Stage]) -> None:
        available = {"article"}
        for stage in stages:
            missing = stage.requires - available
            if missing:
                raise ConfigError(
                    f"stage {stage.name!r} requires {', '.join(sorted(missing))}, which no earlier stage provides",
                    hint="add the providing stage before it",
                    stage=stage.name,
                    missing=sorted(missing),
                )
            available |= stage.provides
        self.stages = tuple(stages)
        self.provides = frozenset(available)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(stage.name for stage in self.stages)

    def __call__(self, article: Article, *, deadline: float | None = None) -> Analysis:
        """Run every stage; with a ``deadline`` (a ``time.monotonic()`` value) stop between stages
        once it has passed, raising :class:`TimeLimitError`."""
        analysis = Analysis(article=article, layers=frozenset({"article"}), diagnostics=article.diagnostics)
        for stage in self.stages:
            if deadline is not None and time.monotonic() > deadline:
                raise TimeLimitError(f"the analysis ran out of time before stage {stage.name!r}", stage=stage.name)
            analysis = stage(analysis)
            analysis = replace(analysis, layers=analysis.layers | stage.provides)
        return analysis

    def pipe(self, articles: Iterable[Article]) -> Iterable[Analysis]:
        for article in articles:
            yield self(article)


@dataclass(frozen=True)
class Segment:
    """Sentences and tokens (the language's splitter, nlp/segment.py)."""

    name: str = "segment"
    requires: frozenset[str] = frozenset({"article"})
    provides: frozenset[str] = frozenset({"sentences", "tokens"})

    def __call__(self, analysis: Analysis) -> Analysis:
        language = lang.get(analysis.article.metadata.language)
        sentences, tokens, diagnostics = nlp.segment(analysis.article, language)
        return replace(analysis, sentences=sentences, tokens=tokens, diagnostics=analysis.diagnostics + diagnostics)


@dataclass(frozen=True)
class Tag:
    """Lemmas, POS, morphology and dependencies (the shipped UD model)."""

    name: str = "tag"
    requires: frozenset[str] = frozenset({"sentences", "tokens"})
    provides: frozenset[str] = frozenset({"lemmas", "morphology", "syntax"})

    def __call__(self, analysis: Analysis) -> Analysis:
        language = lang.get(analysis.article.metadata.language)
        return replace(analysis, tokens=nlp.tag(analysis.sentences, analysis.tokens, language))


def rules_only_default() -> bool:
    """``QUELLENLAGE_RULES_ONLY=1`` makes rules-only the default everywhere (CLI, service, corpus)."""
    return os.environ.get("QUELLENLAGE_RULES_ONLY", "").strip().lower() in ("1", "true", "yes", "on")


def default_pipeline(
    *, rules_only: bool | None = None, tagger: AttributionTagger | None = None, keep_rules: bool = True
) -> Pipeline:
    """Segmentation, tagging, attribution (rules, then the trained tagger), hedging and provenance.

    ``rules_only=True`` leaves the trained tagger out: its model is trained on CC BY-NC-SA data and
    inherits that licence (docs/models/attribution-crf.md); the rules are Apache-2.0 like the code.  ``None``
    reads ``QUELLENLAGE_RULES_ONLY``.  ``tagger`` replaces the shipped model (training, tests);
    ``keep_rules=False`` takes the model's reading alone, without the rules' findings it dropped.
    """
    from .attribution import Attribute
    from .learned.stage import LearnedAttribute
    from .provenance import MarkHedges, Provenance

    if rules_only is None:
        rules_only = rules_only_default()
    attribute: list[Stage] = [Attribute()] if rules_only else [Attribute(), LearnedAttribute(tagger, keep_rules)]
    return Pipeline([Segment(), Tag(), *attribute, MarkHedges(), Provenance()])


def warm_up(pipeline: Pipeline) -> Pipeline:
    """Load everything that loads lazily (language detector, tagger model, lexicons) now, so that
    the first real article is not slow and no time limit interrupts a model half loaded."""
    from . import ingest

    for code in lang.available():  # each language's sample (data/sample.txt), its language detected
        pipeline(ingest.from_text("\n".join(lang.get(code).read_lines("sample.txt")), lang="auto"))
    return pipeline
