"""A standalone HTML report: the article with sources, cues, messages and hedges highlighted,
and beside it the list of who says what.  One file, inline CSS, no external assets; in German,
with a switch to English (``report/ui.py``), like the web page."""

from __future__ import annotations

from html import escape

from .. import lang
from ..lang import Language
from ..model import Analysis, Attribution, BlockKind
from .labels import chain_text, outermost, source_line, spans_phrase, type_label
from .ui import UI_LANGUAGES, ui_words

_CSS = """
body{font:16px/1.55 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header{padding:1rem 2rem;background:#20303f;color:#fff}header h1{margin:0;font-size:1.2rem}
main{display:grid;grid-template-columns:minmax(0,3fr) minmax(18rem,2fr);gap:2rem;padding:1.5rem 2rem}
article p{margin:0 0 1rem}article .headline{font-size:1.5rem;font-weight:700}
article .standfirst{font-weight:600}article .subheading{font-weight:700;margin-top:1.4rem}
.src{background:#ffe08a;border-bottom:2px solid #c99a00}.cue{background:#b7e4c7;font-weight:600}
.msg{background:#dbe9ff}.hedge{outline:2px dashed #d1495b;outline-offset:1px}
.legend{display:inline-block;background:#f4f6f8;padding:.25rem .5rem;border-radius:.3rem;margin-top:.4rem}
.legend span{padding:0 .3rem;margin-right:.4rem;color:#1d2733;border-radius:.2rem}aside li{margin-bottom:.8rem}
aside .kind{font-size:.8rem;padding:.05rem .35rem;border-radius:.3rem;background:#eee;margin-left:.3rem}
aside .vague,aside .anonymous{background:#f8c4cc}aside .hedged{color:#b0263a;font-size:.85rem}
.diag{color:#8a5300}.dropped{color:#666;font-size:.85rem}
.c-outlet{box-shadow:inset 0 -3px #b8c0c8}.c-source{box-shadow:inset 0 -3px #5b8def}
.c-mixed{box-shadow:inset 0 -3px #b07cc6}.check{margin:1rem 2rem 0;padding:.8rem 1.2rem;border-radius:.5rem;
background:#fff;border:2px solid #2e7d32}.check.stronger_than_body,.check.unsupported{border-color:#d1495b}
.check h2{margin:.2rem 0 .5rem;font-size:1.1rem}.check li{margin-bottom:.4rem}.check .ev{color:#555;font-size:.9rem}
.chain{font-weight:600}header .switch{float:right;font:inherit;font-size:.85rem;padding:.2rem .6rem;
border:1px solid #fff;border-radius:.3rem;background:transparent;color:#fff;cursor:pointer}
@media(max-width:800px){main{grid-template-columns:1fr}}
"""


def _classes(analysis: Analysis) -> list[set[str]]:
    text = analysis.article.text
    marks: list[set[str]] = [set() for _ in range(len(text) + 1)]

    def paint(start: int, end: int, cls: str) -> None:
        for k in range(start, end):
            marks[k].add(cls)

    for att in analysis.attributions:
        for s in att.message:
            paint(s.start, s.end, "msg")
        for s in att.source:
            paint(s.start, s.end, "src")
        for s in att.cue:
            paint(s.start, s.end, "cue")
    for hedge in analysis.hedges:
        paint(hedge.trigger.start, hedge.trigger.end, "hedge")
    for claim in analysis.claims:
        paint(claim.span.start, claim.span.end, f"c-{claim.asserted_by.value}")
    return marks


def _highlighted(analysis: Analysis, start: int, end: int, marks: list[set[str]]) -> str:
    text = analysis.article.text
    out: list[str] = []
    k = start
    while k < end:
        j = k
        while j < end and marks[j] == marks[k]:
            j += 1
        piece = escape(text[k:j])
        cls = " ".join(sorted(marks[k]))
        out.append(f'<span class="{cls}">{piece}</span>' if cls else piece)
        k = j
    return "".join(out)


def _who_says_what(att: Attribution, ui: str, language: Language) -> str:
    kind = att.source_kind.value
    message = " … ".join(s.text for s in att.message)
    short = message if len(message) <= 220 else message[:217] + "…"
    words = ui_words(ui)
    hedged = f'<div class="hedged">{words["words"]["hedged"]}</div>' if att.hedged else ""
    cue = spans_phrase(att.cue)
    name = " ".join(s.text for s in att.source) or words["words"]["no_source"]
    # English keeps the article language's own word for a form ("hearsay (soll)"), as the text report
    kind_of_speech = type_label(att.type, language) if ui == "en" else words["types"][att.type.value]
    return (
        f"<li><strong>{escape(name)}</strong>"
        f'<span class="kind {kind}">{escape(words["kinds"][kind])}</span> '
        f"<em>{escape(cue)}</em> · {escape(kind_of_speech)}"
        f"<div>{escape(short)}</div>{hedged}</li>"
    )


def _headline_check(analysis: Analysis, ui: str) -> str:
    check = analysis.headline
    if check is None or check.verdict == "no_headline":
        return ""
    words = ui_words(ui)
    items = []
    for f in check.findings:
        evidence = " · ".join(f"„{escape(e.text[:140])}{'…' if len(e.text) > 140 else ''}“"
                              for e in outermost(f.evidence)[:3])  # fmt: skip
        said = words.get("findings", {}).get(f.code.value, f.message)
        items.append(f'<li data-code="{f.code}"><strong>{escape(f.span.text)}</strong>: {escape(said)}'
                     + (f'<div class="ev">{evidence}</div>' if evidence else "") + "</li>")  # fmt: skip
    return (f'<section class="check {check.verdict}"><h2>{words["words"]["check"]}: '
            f"{escape(words['verdicts'][check.verdict])}</h2><ul>{''.join(items)}</ul></section>")  # fmt: skip


def _sources(analysis: Analysis, ui: str) -> str:
    sources = [s for s in analysis.sources if not s.publisher and s.attributions]
    if not sources:
        return ""
    kinds, words = ui_words(ui)["kinds"], ui_words(ui)["words"]
    items = "".join(f'<li class="source"><span class="kind {s.kind.value}">{escape(kinds[s.kind.value])}</span> '
                    f"{escape(source_line(s, with_kind=False))}</li>" for s in sources)  # fmt: skip
    chains = "".join(f'<li class="chain">{escape(chain_text(analysis, c))}</li>'
                     for c in analysis.chains if c.depth > 1)  # fmt: skip
    return f"<h2>{words['sources']}</h2><ul>{items}</ul>" + (
        f"<h3>{words['chains']}</h3><ul>{chains}</ul>" if chains else ""
    )


def _page(analysis: Analysis, article_html: str, ui: str) -> str:
    """One interface language's view: header with legend and switch, headline check, article, lists."""
    words = ui_words(ui)["words"]
    other = next(code for code in UI_LANGUAGES if code != ui)
    language = lang.of(analysis.article)
    items = "".join(_who_says_what(a, ui, language) for a in analysis.attributions if a.parent is None)
    diags = "".join(f'<li class="diag">{escape(d.message)}</li>' for d in analysis.diagnostics)
    dropped = "".join(f"<li>{escape(line)}</li>" for line in analysis.article.dropped)
    legend = "".join(f'<span class="{cls}">{words[key]}</span>' for cls, key in (
        ("src", "source"), ("cue", "cue"), ("msg", "message"), ("hedge", "hedge"), ("c-outlet", "outlet"),
        ("c-source", "attributed"), ("c-mixed", "mixed")))  # fmt: skip
    return f"""<div class="ui" lang="{ui}"{"" if ui == UI_LANGUAGES[0] else " hidden"}>
<header><button class="switch" type="button" data-to="{other}">{words["switch"]}</button>
<h1>{words["title"]}</h1><div class="legend">{legend}</div></header>{_headline_check(analysis, ui)}
<main><article lang="{analysis.article.metadata.language or "und"}">{article_html}</article>
<aside>{_sources(analysis, ui)}<h2>{words["who"]}</h2><ol>{items or f"<li>{words['none']}</li>"}</ol>
{f"<h3>{words['notes']}</h3><ul>{diags}</ul>" if diags else ""}
{f'<h3>{words["dropped"]}</h3><ul class="dropped">{dropped}</ul>' if dropped else ""}
</aside></main></div>"""


# the switch between the two interface languages: no other script, nothing loaded
_SWITCH = """document.querySelectorAll("button.switch").forEach((b) => b.addEventListener("click", () => {
  document.querySelectorAll("div.ui").forEach((d) => { d.hidden = d.lang !== b.dataset.to; });
}));"""


def render_html(analysis: Analysis) -> str:
    """The whole report as one HTML document, in German with a switch to English."""
    article = analysis.article
    marks = _classes(analysis)
    blocks = []
    for block in article.blocks:
        tag = "h2" if block.kind is BlockKind.HEADLINE else "p"
        inner = _highlighted(analysis, block.span.start, block.span.end, marks)
        blocks.append(f'<{tag} class="{block.kind.value}">{inner}</{tag}>')
    article_html = "".join(blocks)
    title = escape(article.metadata.title or ui_words(UI_LANGUAGES[0])["words"]["article"])
    pages = "\n".join(_page(analysis, article_html, ui) for ui in UI_LANGUAGES)
    return f"""<!DOCTYPE html>
<html lang="{UI_LANGUAGES[0]}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>Quellenlage – {title}</title><style>{_CSS}</style></head><body>
{pages}
<script>{_SWITCH}</script></body></html>
"""
