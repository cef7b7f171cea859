"""For any input, nothing crashes and every span lies in the text and equals its slice."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import quellenlage
from quellenlage.errors import QuellenlageError
from quellenlage.ingest import parse_plain_text
from quellenlage.model import Metadata, Span

WORDS = ["Der", "Minister", "sagte", ",", "die", "Lage", "sei", "ernst", ".", "„", "“", "»", "«", '"',
         "laut", "Polizei", "zufolge", "soll", "haben", "gestohlen", ":", "Experten", "\n\n", "🚀", "so",
         "Wie", "berichtet", "dass", "nach", "Angaben", "z. B.", "Dr.", "16.", "Dezember", "‚", "‘"]  # fmt: skip


def _all_spans(analysis):  # type: ignore[no-untyped-def]
    for block in analysis.article.blocks:
        yield block.span
    for s in analysis.sentences:
        yield s.span
    for t in analysis.tokens:
        yield t.span
    for a in analysis.attributions:
        yield from (*a.cue, *a.source, *a.message, *a.addressee, *a.frame)
    for h in analysis.hedges:
        yield h.trigger
    for d in analysis.diagnostics:
        if d.span is not None:
            yield d.span


texts = st.one_of(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=40).map(" ".join),
    st.text(min_size=1, max_size=200),
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts)
def test_spans_stay_inside_the_text(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    analysis = pipeline(parse_plain_text(text, Metadata(), filter_boilerplate=False))
    assert analysis.article.text == text
    for span in _all_spans(analysis):
        assert isinstance(span, Span)
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start : span.end] == span.text


# Any code point at all, lone surrogates and unassigned ones included, through the library's front door.
any_unicode = st.text(alphabet=st.characters(codec=None, categories=None), min_size=1, max_size=300)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(any_unicode, st.lists(st.sampled_from(WORDS) | any_unicode, max_size=30).map(" ".join)))
def test_any_unicode_gives_an_analysis_or_a_typed_error(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    try:
        analysis = quellenlage.analyze(text, lang="de", pipeline=pipeline)
    except QuellenlageError:
        return
    for span in _all_spans(analysis):
        assert analysis.article.text[span.start : span.end] == span.text
