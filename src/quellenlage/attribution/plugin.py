"""What a language brings to attribution: its construction handlers and its reading of mood.

A language's package defines ``grammar.GRAMMAR``, a :class:`Grammar` (German:
``quellenlage.lang.de.grammar``).  The stages look it up for the article's language with
:func:`grammar_of` and call it; they name no construction themselves.  The handlers build on the
shared kernels (:class:`~quellenlage.attribution.syntax.SentenceView`, quote pairing, drafts).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from ..errors import ResourceError
from ..lang import Language
from ..model import Analysis, Token
from .draft import Draft
from .quotes import Quote
from .syntax import SentenceView

#: sentence-level handler: one construction (or a family of them) in one sentence
SentenceHandler = Callable[[SentenceView], list[Draft]]
#: article-level handler: sees the whole analysis and the drafts accepted so far
ArticleHandler = Callable[[Analysis, list[Draft]], list[Draft]]


@dataclass(frozen=True)
class Grammar:
    """A language's attribution constructions, in the order the attribution stage runs them."""

    #: constructions within one sentence (verb + clause, "laut X", …); clashes resolved by rule priority
    sentence_handlers: tuple[SentenceHandler, ...]
    #: direct quotations linked to their speakers, given the quotes, the sentence views and the drafts so far
    quote_drafts: Callable[[Analysis, list[Quote], list[SentenceView], list[Draft]], list[Draft]]
    #: attributions carried over from context (run again after the learned stage's merge)
    continuation_drafts: ArticleHandler
    #: (hearsay modals, verbs in a reporting mood) among the tokens ``[start, end)`` of one sentence
    reported_mood: Callable[[Sequence[Token], int, int], tuple[list[int], list[int]]]
    #: whole-text forms (question-and-answer interviews), run last
    text_drafts: tuple[ArticleHandler, ...] = ()
    #: paragraphs back that a report's speaker carries into the sentences that go on with it
    speaker_reach: int = 1


@cache
def grammar_of(language: Language) -> Grammar:
    """The :class:`Grammar` of ``language`` (its package's ``grammar.GRAMMAR``).

    Raises:
        ResourceError: the language's package has no grammar, or not a :class:`Grammar`.
    """
    try:
        grammar = getattr(language.grammar(), "GRAMMAR", None)
    except ImportError as exc:
        raise ResourceError(f"the {language.name} language package has no grammar module: {exc}") from exc
    if not isinstance(grammar, Grammar):
        raise ResourceError(f"{language.package}.grammar defines no GRAMMAR of type Grammar")
    return grammar


__all__ = ["ArticleHandler", "Grammar", "SentenceHandler", "grammar_of"]
