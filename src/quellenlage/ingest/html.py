"""HTML to an article through trafilatura: main text, headings, title, date, author, site."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import lxml.etree
import lxml.html
import trafilatura

from ..errors import ExtractionError
from ..model import Article, BlockKind, Metadata
from .assemble import assemble, clean_line
from .plaintext import byline_words, ends_like_sentence, is_boilerplate, looks_like_heading, starts_comments

_MIN_DESCRIPTION = 40


def parse_html(html: str | bytes, metadata: Metadata) -> Article:
    """Extract the article of a web page.

    The page title becomes the headline; trafilatura's ``<head>`` elements become subheadings
    and every other body element a paragraph.  The meta description becomes the standfirst when
    the body does not already start with it.

    Raises:
        ExtractionError: the page holds no article text.
    """
    if isinstance(html, str):
        html = _strip_preamble(html)
    doc = _extract(html)
    if doc is None:
        doc = _extract_deep(html)
    body = [(BlockKind.SUBHEADING if tag == "head" else BlockKind.PARAGRAPH, text)
            for element in doc.body for tag, text in _pieces(element)]  # fmt: skip
    body, dropped = _without_furniture(body, doc.author or "")
    body = _with_subheadings(body)
    if not any(kind is BlockKind.PARAGRAPH for kind, _ in body):
        raise ExtractionError("the page holds no article text")
    title = clean_line(doc.title or "") or None
    if title and body and body[0][1] == title:
        body.pop(0)
    blocks: list[tuple[BlockKind, str]] = []
    if title:
        blocks.append((BlockKind.HEADLINE, title))
    description = _without_byline(clean_line(doc.description or ""), doc.author or "")
    if len(description) >= _MIN_DESCRIPTION and not body[0][1].startswith(description[:40]):
        blocks.append((BlockKind.STANDFIRST, description))
    blocks.extend(body)
    meta = replace(
        metadata,
        title=title,
        date=doc.date or None,
        author=doc.author or None,
        site_name=doc.sitename or None,
        url=metadata.url or doc.url or None,
        input_format="html",
    )
    return assemble(blocks, meta, dropped)


def _with_subheadings(body: list[tuple[BlockKind, str]]) -> list[tuple[BlockKind, str]]:
    """A short line without final punctuation between two paragraphs of prose is a subheading the
    page set in bold rather than as a heading ("Massive Korruption"); a run of such lines (a list)
    is not."""
    out = list(body)
    for k in range(1, len(body) - 1):
        (before, prev), (kind, text), (after, nxt) = body[k - 1], body[k], body[k + 1]
        prose = before is BlockKind.PARAGRAPH and after is BlockKind.PARAGRAPH
        if kind is BlockKind.PARAGRAPH and prose and len(text) <= _SUBHEADING_MAX and looks_like_heading(text) and (
            ends_like_sentence(prev) and ends_like_sentence(nxt)
        ):
            out[k] = (BlockKind.SUBHEADING, text)
    return out


_SUBHEADING_MAX = 80  # characters of a subheading set as a paragraph


#: trafilatura's block elements: inside another element each is a block of its own
_BLOCK_TAGS = frozenset({"p", "head", "div", "list", "item", "quote", "table", "row", "cell", "code"})


def _pieces(element: Any) -> Iterator[tuple[str, str]]:
    """(tag, text) of each block in one of trafilatura's body elements. A block element inside it
    (the paragraphs of a container, a list's items) is a block of its own and a line break
    (``<lb/>``) ends one: joining their text would glue words across them ("ignoriert.Erdgas",
    "PreistreiberAußerdem")."""
    parts: list[str] = [element.text or ""]

    def flush() -> Iterator[tuple[str, str]]:
        text = clean_line(" ".join("".join(parts).split()))
        if text:
            yield element.tag, text

    for child in element:
        if child.tag in _BLOCK_TAGS or child.tag == "lb":
            yield from flush()
            if child.tag != "lb":
                yield from _pieces(child)
            parts = [child.tail or ""]
        else:
            parts += ["".join(child.itertext()), child.tail or ""]
    yield from flush()


def _bylines(author: str) -> set[str]:
    """The page author's bylines in lower case ("von daniel weinmann"), from the metadata's author."""
    names = [name.strip() for name in author.split(";") if name.strip()]
    return {f"{word} {name}".lower() for word in byline_words() for name in names}


def _without_byline(text: str, author: str) -> str:
    """A standfirst without the byline the page put at its end ("… beizudrehen. Von Daniel Weinmann.")."""
    for byline in _bylines(author):
        cut = text.rstrip(". ").lower()
        if cut.endswith(byline) and len(cut) > len(byline):
            return text[: len(cut) - len(byline)].rstrip()
    return text


def _without_furniture(
    body: list[tuple[BlockKind, str]], author: str
) -> tuple[list[tuple[BlockKind, str]], list[str]]:
    """The body without what trafilatura kept of the page furniture: boilerplate lines (the same
    patterns as for scraped text), the byline of the page's author ("Von Daniel Weinmann", the
    metadata's author after a byline word), and a reader-comment section, from its heading
    ("Kommentare", "12 Kommentare") to the end of the page."""
    kept: list[tuple[BlockKind, str]] = []
    dropped: list[str] = []
    bylines = _bylines(author)
    for k, (kind, text) in enumerate(body):
        if k > 0 and starts_comments(text):
            dropped.extend(t for _, t in body[k:])
            break
        if is_boilerplate(text) or text.rstrip(".").lower() in bylines:
            dropped.append(text)
        else:
            kept.append((kind, text))
    return kept, dropped


def _extract(page: str | bytes | lxml.html.HtmlElement) -> Any:
    # Never deduplicate=True: trafilatura keeps a process-wide cache of text it has seen, so a
    # batch worker or the service would drop paragraphs (or whole pages) seen in earlier pages.
    doc = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False, include_tables=False)
    return None if doc is None or isinstance(doc, dict) or doc.body is None else doc


#: libxml2's HTML parser stops descending at 255 nested elements unless asked for a "huge" tree;
#: a page nested deeper loses everything below that depth.
PARSER_DEPTH = 255


def _extract_deep(html: str | bytes) -> Any:
    """A second try for pages nested deeper than the parser's default limit; else the right error."""
    parser = lxml.html.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True, collect_ids=False)
    try:
        tree = lxml.html.document_fromstring(html, parser=parser)
    except (lxml.etree.LxmlError, ValueError):
        raise ExtractionError("the page holds no article text") from None
    depth = max((sum(1 for _ in element.iterancestors()) for element in tree.iter()), default=0)
    if depth < PARSER_DEPTH:
        raise ExtractionError("the page holds no article text")
    try:
        doc = _extract(tree)
    except RecursionError:
        doc = None
    if doc is None:
        raise ExtractionError(
            f"the page nests its elements {depth} deep and no article text was found in it",
            hint="save the article's text and pass that instead", depth=depth,
        )
    return doc


_DOCUMENT_START = re.compile(r"<!doctype html|<html[\s>]", re.IGNORECASE)


def _strip_preamble(html: str) -> str:
    """Drop what a server printed before the document (PHP warnings): parsers move it into the body."""
    match = _DOCUMENT_START.search(html, 0, 20_000)
    return html[match.start() :] if match and match.start() > 0 else html


def looks_like_html(text: str) -> bool:
    """Whether text is an HTML document rather than scraped plain text."""
    head = text.lstrip()[:1000].lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")):
        return True
    if any(tag in head for tag in ("<body", "<head", "<div", "<p>")):
        return True
    # a server's error messages (PHP warnings) printed before the document
    return "<html" in text[:20_000].lower() and "</html>" in text[-5000:].lower()


__all__ = ["looks_like_html", "parse_html"]
