from __future__ import annotations

import httpx
import pytest

from quellenlage import BlockKind, Metadata, ingest
from quellenlage.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    ExtractionError,
    FetchError,
    InputError,
    UnsupportedLanguageError,
)
from quellenlage.ingest.fetch import FetchLimits, fetch

SCRAPED = """Politik

Bahn streicht Verbindungen: Pendler sind empört

Die Bahn will im Winter weniger Züge fahren lassen. Foto: picture alliance/dpa | Max Muster

  • Artikel teilen:

Die Deutsche Bahn streicht ab Dezember mehrere Regionalverbindungen. Das teilte das Unternehmen am Montag mit.

Kritik vom Fahrgastverband

Der Fahrgastverband sprach von einem schweren Fehler.

Folgen Sie News.de schon bei Facebook, Twitter, Pinterest und YouTube? Hier finden Sie brandheiße News.

/abc/news.de

Themen
"""


def test_scraped_text_keeps_the_article_and_drops_furniture() -> None:
    article = ingest.from_text(SCRAPED, lang="de")
    kinds = [(b.kind, b.span.text[:20]) for b in article.blocks]
    assert kinds[0] == (BlockKind.HEADLINE, "Bahn streicht Verbin")
    assert kinds[1] == (BlockKind.STANDFIRST, "Die Bahn will im Win")
    assert (BlockKind.SUBHEADING, "Kritik vom Fahrgastv") in kinds
    assert "Folgen Sie" not in article.text and "Artikel teilen" not in article.text
    assert "picture alliance" not in article.text
    assert article.metadata.section == "Politik"
    assert any(line.startswith("Folgen Sie") for line in article.dropped)
    assert all(article.text[b.span.start : b.span.end] == b.span.text for b in article.blocks)


def test_verbatim_text_keeps_offsets_of_the_callers_text() -> None:
    text = "  Erster Absatz.\n\nZweiter Absatz mit „Zitat“.\n"
    article = ingest.parse_plain_text(text, Metadata(), filter_boilerplate=False)
    assert article.text == text
    assert [b.span.text for b in article.blocks] == ["Erster Absatz.", "Zweiter Absatz mit „Zitat“."]


HTML = """<!DOCTYPE html><html><head><title>Streik legt Flughafen lahm</title>
<meta name="description" content="Ein Warnstreik hat am Montag den Flughafen Hamburg weitgehend lahmgelegt."></head>
<body><nav>Startseite | Politik | Sport</nav><article><h1>Streik legt Flughafen lahm</h1>
<p>Ein Warnstreik hat am Montag den Flughafen Hamburg lahmgelegt. Nach Angaben der Gewerkschaft
beteiligten sich mehr als 500 Beschäftigte an dem Ausstand, der bis in den Abend dauern sollte.</p>
<h2>Reisende gestrandet</h2><p>Tausende Reisende mussten auf andere Flughäfen ausweichen. Ein Sprecher
des Flughafens sagte, man bedaure die Unannehmlichkeiten sehr und bitte um Verständnis.</p></article>
<footer>Impressum Datenschutz</footer></body></html>"""


def test_html_page_gives_headline_standfirst_and_body() -> None:
    article = ingest.from_text(HTML, lang="de")
    assert article.blocks[0].kind is BlockKind.HEADLINE
    assert article.blocks[0].span.text == "Streik legt Flughafen lahm"
    assert "Impressum" not in article.text and "Startseite" not in article.text
    assert "Nach Angaben der Gewerkschaft" in article.text
    assert article.metadata.input_format == "html"


def test_a_short_bold_line_between_paragraphs_is_a_subheading_and_a_list_is_not() -> None:
    prose = ("Die Ministerin sagte am Montag, die Lage sei ernst und die Regierung werde handeln. Sie kündigte "
             "weitere Gespräche mit den Ländern an, die noch in dieser Woche beginnen sollen.")  # fmt: skip
    html = (f"<html><head><title>Regierung will handeln</title></head><body><article><p>{prose}</p>"
            f"<p><strong>Massive Korruption</strong></p><p>{prose}</p>"
            f"<p>Rücklagen bilden</p><p>Breit streuen</p><p>{prose}</p></article></body></html>")  # fmt: skip
    blocks = [(b.kind, b.span.text) for b in ingest.from_text(html, lang="de").blocks]
    assert (BlockKind.SUBHEADING, "Massive Korruption") in blocks
    assert (BlockKind.PARAGRAPH, "Rücklagen bilden") in blocks and (BlockKind.PARAGRAPH, "Breit streuen") in blocks


def test_the_same_page_twice_in_one_process_keeps_all_its_text() -> None:
    # trafilatura's deduplicate option remembers text across calls: a batch or the service would
    # lose paragraphs of the second page that shares them
    assert ingest.from_text(HTML, lang="de").text == ingest.from_text(HTML, lang="de").text


def test_server_warnings_before_the_document_still_make_it_html() -> None:
    page = "<b>Warning</b>: Use of undefined constant in <b>/www/wp-db.php</b> on line <b>56</b><br />\n" * 40 + HTML
    article = ingest.from_text(page, lang="de")
    assert article.metadata.input_format == "html" and "Warning" not in article.text


def test_a_german_article_quoting_english_at_length_is_german() -> None:
    text = ("Der Hersteller wirbt auf seiner Seite mit großen Worten für die neuen Boards und Kites.\n"
            "„We are committed to creating the highest quality products on the market.“\n"
            "Die Händler in Kiel berichten von einer großen Nachfrage nach den neuen Modellen.")  # fmt: skip
    assert ingest.from_text(text).metadata.language == "de"


def test_html_without_article_text_is_an_extraction_error() -> None:
    with pytest.raises(ExtractionError):
        ingest.from_text("<html><body><nav>Menü</nav></body></html>", lang="de")


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", EmptyInputError),
        (b"   \n\t ", EmptyInputError),
        (b"%PDF-1.7 binary", BinaryInputError),
        (b"\x89PNG\r\n\x1a\n....", BinaryInputError),
        (b"abc\x00def\x00", BinaryInputError),
        (bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 20, EncodingError),
    ],
)
def test_bad_bytes_raise_typed_errors(data: bytes, error: type[Exception]) -> None:
    with pytest.raises(error):
        ingest.from_bytes(data, lang="de")


def test_latin1_german_is_decoded() -> None:
    text = "Der Bürgermeister sagte, die Straße werde gesperrt. Die Anwohner äußerten sich empört über die Pläne."
    assert "Bürgermeister" in ingest.from_bytes(text.encode("cp1252"), lang="de").text


def test_french_is_refused_and_german_detected() -> None:
    with pytest.raises(UnsupportedLanguageError):
        ingest.from_text("Le président a déclaré que la situation était très grave pour le pays.")
    article = ingest.from_text("Der Präsident erklärte, die Lage sei für das Land sehr ernst.")
    assert article.metadata.language == "de"


def _transport(handler):  # type: ignore[no-untyped-def]
    return httpx.MockTransport(handler)


def test_fetch_sends_an_honest_user_agent_and_returns_the_page() -> None:
    seen = {}

    def handler(request: httpx.Request) -> httpx.Response:
        seen["ua"] = request.headers["user-agent"]
        return httpx.Response(200, html=HTML)

    page = fetch("https://example.org/a", transport=_transport(handler))
    assert seen["ua"].startswith("Quellenlage/")
    assert b"Warnstreik" in page.content


@pytest.mark.parametrize(
    "response",
    [
        httpx.Response(404, text="not found"),
        httpx.Response(200, content=b"x" * 2048, headers={"content-type": "text/html"}),
        httpx.Response(200, content=b"\x89PNG", headers={"content-type": "image/png"}),
        httpx.Response(302, headers={"location": "https://example.org/a"}),
    ],
)
def test_fetch_failures_are_fetch_errors(response: httpx.Response) -> None:
    with pytest.raises(FetchError):
        fetch("https://example.org/a", FetchLimits(max_bytes=1024, max_redirects=3),
              transport=_transport(lambda request: response))  # fmt: skip


def test_non_http_urls_are_refused() -> None:
    with pytest.raises(FetchError):
        fetch("file:///etc/passwd")


def test_emoji_are_still_tokens_of_their_own() -> None:
    # an emoji, with its skin tone or joined family, is one token of its own
    from quellenlage.nlp.segment import segment

    article = ingest.from_text("Toll😀 gemacht, sagte er 👍🏽. Ohne Emoji bleibt alles gleich.", lang="de")
    _, tokens, _ = segment(article)
    assert [t.text for t in tokens][:7] == ["Toll", "😀", "gemacht", ",", "sagte", "er", "👍🏽"]


def test_a_forced_language_that_is_not_analysed_names_the_choices() -> None:
    with pytest.raises(InputError, match="unknown language 'fr'; choose one of auto, de, en"):
        ingest.from_text("Le ministre a dit que la situation était grave.", lang="fr")


def test_the_size_limit_names_the_way_to_raise_it() -> None:
    from quellenlage.errors import InputTooLargeError

    with pytest.raises(InputTooLargeError, match="QUELLENLAGE_MAX_INPUT_BYTES") as info:
        ingest.from_text("Ein Satz. " * 300, lang="de", limits=ingest.InputLimits(1000))
    assert info.value.code == "too_large"
    assert ingest.InputLimits.from_env({"QUELLENLAGE_MAX_INPUT_BYTES": "5_000_000"}).max_bytes == 5_000_000


@pytest.mark.parametrize(
    ("heading", "cut"),
    [
        ("Kommentare", True),
        ("3 Kommentare", True),
        ("Kommentar schreiben", True),
        ("Kommentar", False),  # the label of an opinion piece, not a comment section
        ("Reisende gestrandet", False),
    ],
)
def test_a_reader_comment_section_ends_the_article(heading: str, cut: bool) -> None:
    comment = "Kritiker2010 schrieb: Das ist doch alles übertrieben, ein kleiner Schritt und nicht mehr."
    page = HTML.replace("</article>", f"<h2>{heading}</h2><p>{comment}</p></article>")
    article = ingest.from_text(page, lang="de")
    assert (comment not in article.text) is cut
    assert (comment in article.dropped) is cut
    assert "Tausende Reisende" in article.text


def test_paragraphs_list_items_and_line_breaks_are_not_glued() -> None:
    """trafilatura may return a container with paragraphs inside, lists of items and <br> breaks:
    each is a block of its own, and no word runs into the next ("Eis.Es", "PreistreiberAußerdem")."""
    page = HTML.replace(
        "</article>",
        "<div><p>Die Investitionen liegen auf Eis.</p><p>Es sei grotesk, sagte der Minister.</p></div>"
        "<p>Die Kosten würden ignoriert.<br>Erdgas ist Preistreiber<br>Außerdem betonte die Leiterin, "
        "dass Biogas hilft.</p><ul><li>Erstens mehr Geld</li><li>Zweitens weniger Regeln</li></ul></article>",
    )
    article = ingest.from_text(page, lang="de")
    blocks = [b.span.text for b in article.blocks]
    for text in ("Die Investitionen liegen auf Eis.", "Es sei grotesk, sagte der Minister.", "Erdgas ist Preistreiber",
                 "Außerdem betonte die Leiterin, dass Biogas hilft.", "Erstens mehr Geld", "Zweitens weniger Regeln"):
        assert text in blocks, blocks
    assert "Eis.Es" not in article.text and "PreistreiberAußerdem" not in article.text


def test_the_authors_byline_is_furniture() -> None:
    """A block that is the page author's byline ("Von Daniel Weinmann"), or the same at the end of
    the description, is no article text: a pronoun must not find its person there."""
    page = HTML.replace("<head>", '<head><meta name="author" content="Daniel Weinmann">').replace(
        "<h1>Streik legt Flughafen lahm</h1>", "<h1>Streik legt Flughafen lahm</h1><p>Von Daniel Weinmann</p>"
    ).replace("weitgehend lahmgelegt.", "weitgehend lahmgelegt. Von Daniel Weinmann.")
    article = ingest.from_text(page, lang="de")
    assert article.metadata.author == "Daniel Weinmann"
    assert "Weinmann" not in article.text and "Von Daniel Weinmann" in article.dropped
    assert "Ein Warnstreik hat am Montag den Flughafen Hamburg" in article.text
