"""A standalone HTML report: the article with sources, cues, messages and hedges highlighted,
and beside it the list of who says what.  One file, inline CSS, no external assets."""

from __future__ import annotations

from html import escape

from .. import lang
from ..lang import Language
from ..model import Analysis, Attribution, BlockKind
from .labels import (
    KIND_LABELS,
    VERDICT_LABELS,
    chain_text,
    outermost,
    source_line,
    source_text,
    spans_phrase,
    type_label,
)

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
.chain{font-weight:600}
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


def _who_says_what(att: Attribution, language: Language) -> str:
    kind = att.source_kind.value
    message = " … ".join(s.text for s in att.message)
    short = message if len(message) <= 220 else message[:217] + "…"
    hedged = '<div class="hedged">hedged / distanced</div>' if att.hedged else ""
    cue = spans_phrase(att.cue)
    return (
        f"<li><strong>{escape(source_text(att))}</strong>"
        f'<span class="kind {kind}">{escape(KIND_LABELS[att.source_kind])}</span> '
        f"<em>{escape(cue)}</em> · {escape(type_label(att.type, language))}"
        f"<div>{escape(short)}</div>{hedged}</li>"
    )


def _headline_check(analysis: Analysis) -> str:
    check = analysis.headline
    if check is None or check.verdict == "no_headline":
        return ""
    items = []
    for f in check.findings:
        evidence = " · ".join(f"„{escape(e.text[:140])}{'…' if len(e.text) > 140 else ''}“"
                              for e in outermost(f.evidence)[:3])  # fmt: skip
        items.append(f'<li data-code="{f.code}"><strong>{escape(f.span.text)}</strong>: {escape(f.message)}'
                     + (f'<div class="ev">{evidence}</div>' if evidence else "") + "</li>")  # fmt: skip
    return (f'<section class="check {check.verdict}" id="headline-check"><h2>Headline check: '
            f"{escape(VERDICT_LABELS[check.verdict])}</h2><ul>{''.join(items)}</ul></section>")  # fmt: skip


def _sources(analysis: Analysis) -> str:
    sources = [s for s in analysis.sources if not s.publisher and s.attributions]
    if not sources:
        return ""
    items = "".join(f'<li class="source"><span class="kind {s.kind.value}">{escape(KIND_LABELS[s.kind])}</span> '
                    f"{escape(source_line(s, with_kind=False))}</li>" for s in sources)  # fmt: skip
    chains = "".join(f'<li class="chain">{escape(chain_text(analysis, c))}</li>'
                     for c in analysis.chains if c.depth > 1)  # fmt: skip
    return f"<h2>Sources</h2><ul>{items}</ul>" + (f"<h3>Chains</h3><ul>{chains}</ul>" if chains else "")


def render_html(analysis: Analysis) -> str:
    """The whole report as one HTML document."""
    article = analysis.article
    marks = _classes(analysis)
    blocks = []
    for block in article.blocks:
        tag = "h2" if block.kind is BlockKind.HEADLINE else "p"
        inner = _highlighted(analysis, block.span.start, block.span.end, marks)
        blocks.append(f'<{tag} class="{block.kind.value}">{inner}</{tag}>')
    language = lang.of(analysis.article)
    items = "".join(_who_says_what(a, language) for a in analysis.attributions if a.parent is None)
    diags = "".join(f'<li class="diag">{escape(d.message)}</li>' for d in analysis.diagnostics)
    dropped = "".join(f"<li>{escape(line)}</li>" for line in article.dropped)
    title = escape(article.metadata.title or "Article")
    return f"""<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Quellenlage – {title}</title><style>{_CSS}</style></head><body>
<header><h1>Quellenlage: who claims what</h1><div class="legend"><span class="src">source</span>
<span class="cue">cue</span><span class="msg">message</span><span class="hedge">hedge</span>
<span class="c-outlet">outlet's own claim</span><span class="c-source">attributed</span>
<span class="c-mixed">mixed</span>
</div></header>{_headline_check(analysis)}
<main><article>{"".join(blocks)}</article>
<aside>{_sources(analysis)}<h2>Who says what</h2><ol>{items or "<li>No attributions found.</li>"}</ol>
{f"<h3>Notes</h3><ul>{diags}</ul>" if diags else ""}
{f'<h3>Removed as boilerplate</h3><ul class="dropped">{dropped}</ul>' if dropped else ""}
</aside></main></body></html>
"""
