// Quellenlage web page: sends the article to /v1/analyze and shows the JSON report.
// No framework and no external assets; everything is served by the app itself.
"use strict";

const params = new URLSearchParams(location.search);
const LANG = params.get("lang") === "en" ? "en" : "de";  // German interface; English on request
let T = null;  // the page's words in LANG, from /ui/<code>.json (resources/ui: one source for the page and the report)
const $ = (sel) => document.querySelector(sel);
let lastRequest = null;
let lastReport = null;

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  for (const child of children) node.append(child);
  return node;
}

function translatePage() {
  document.documentElement.lang = LANG;
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = T[node.dataset.i18n];
  for (const a of document.querySelectorAll(".langs a")) {
    if (a.dataset.lang === LANG) a.setAttribute("aria-current", "true");
  }
}

function selectTab(name) {
  for (const b of document.querySelectorAll("[data-tab]")) b.setAttribute("aria-selected", b.dataset.tab === name);
  for (const p of document.querySelectorAll("[data-pane]")) p.hidden = p.dataset.pane !== name;
}

function currentTab() {
  return document.querySelector("[data-tab][aria-selected=true]").dataset.tab;
}

// The report's offsets count Unicode code points, as Python does; JavaScript strings count
// UTF-16 units, so the article is handled as an array of code points.
function highlighted(chars, start, end, marks) {
  const frag = document.createDocumentFragment();
  let k = start;
  while (k < end) {
    let j = k;
    while (j < end && marks[j] === marks[k]) j++;
    const piece = chars.slice(k, j).join("");
    frag.append(marks[k] ? el("span", { class: marks[k] }, piece) : piece);
    k = j;
  }
  return frag;
}

function paintMarks(report, length) {
  const sets = Array.from({ length }, () => new Set());
  const paint = (span, cls) => { for (let k = span.start; k < span.end; k++) sets[k].add(cls); };
  for (const a of report.attributions) {
    a.message.forEach((s) => paint(s, "msg"));
    a.source.forEach((s) => paint(s, "src"));
    a.cue.forEach((s) => paint(s, "cue"));
  }
  report.hedges.forEach((h) => paint(h.trigger, "hedge"));
  (report.claims || []).forEach((c) => paint(c, `c-${c.asserted_by}`));
  return sets.map((s) => [...s].sort().join(" "));
}

function sourceName(a) {
  return a.source.map((s) => s.text).join(" ") || T.noSource;
}

function renderOverview(report) {
  const top = report.attributions.filter((a) => a.parent === null);
  const vague = top.filter((a) => a.source_kind === "vague" || a.source_kind === "anonymous").length;
  const stats = [[top.length, T.statAttributions], [report.summary.sentences, T.statSentences],
                 [report.summary.hedged_attributions, T.statHedged], [vague, T.statVague]];
  $("#overview").replaceChildren(...stats.map(([n, label]) => el("div", {}, el("strong", {}, String(n)), label)));
}

function renderSources(report) {
  const sources = (report.sources || []).filter((s) => !s.publisher && s.attributions.length);
  $("#sources").replaceChildren(...sources.map((s) => {
    const details = [s.role && s.role.text, s.country, ...s.channels].filter(Boolean).join(" · ");
    const n = s.attributions.length;
    return el("li", { class: "source" }, el("strong", {}, s.name), el("span", { class: `kind ${s.kind}` }, T.kinds[s.kind]),
      details ? ` · ${details}` : "", ` · ${n} ${n === 1 ? T.mention : T.mentions}`);
  }));
  const names = new Map((report.sources || []).map((s) => [s.id, s.name]));
  const chains = (report.chains || []).filter((c) => c.depth > 1);
  $("#chains").replaceChildren(...chains.map((c) =>
    el("li", { class: "chain" }, c.path.map((id) => names.get(id)).join(" → ") + (c.channel ? ` (${c.channel})` : ""))));
  $("#chains-title").hidden = chains.length === 0;
}

function renderCheck(report) {
  const check = report.headline_check;
  const box = $("#check");
  if (!check || check.verdict === "no_headline") { box.hidden = true; return; }
  const items = check.propositions.flatMap((p) => p.findings).map((f) => {
    const code = f.code === "unsupported" && f.evidence.length ? "restated" : f.code;
    const why = T.explain ? T.explain[code] : f.message;  // the server's message is English
    const li = el("li", { "data-code": f.code }, el("strong", {}, `${T.findings[f.code]}: `), `„${f.span.text}“ – ${why}`);
    // the evidence sentences, not the trigger words inside them
    const sentences = f.evidence.filter((e) => !f.evidence.some((o) => o !== e && o.start <= e.start && e.end <= o.end
      && (o.end - o.start) > (e.end - e.start)));
    if (sentences.length) {
      li.append(el("div", { class: "ev" }, sentences.slice(0, 3).map((e) => `„${e.text.slice(0, 140)}“`).join(" · ")));
    }
    return li;
  });
  box.className = `check ${check.verdict}`;
  box.replaceChildren(el("h2", {}, `${T.checkTitle}: ${T.verdicts[check.verdict]}`), el("ul", {}, ...items));
  box.hidden = false;
}

// the spans' words in order, " … " where words lie between two of them ("Wie … behauptet")
function spansPhrase(spans) {
  return spans.map((s, k) => (k ? (s.start - spans[k - 1].end > 1 ? " … " : " ") : "") + s.text).join("");
}

function renderAttributions(top) {
  const items = top.map((a) => {
    const message = a.message.map((s) => s.text).join(" … ");
    const li = el("li", { class: "attribution", "data-type": a.type },
      el("strong", {}, sourceName(a)), el("span", { class: `kind ${a.source_kind}` }, T.kinds[a.source_kind]), " ",
      el("em", {}, spansPhrase(a.cue)), ` · ${T.types[a.type]}`,
      el("div", {}, message.length > 220 ? message.slice(0, 217) + "…" : message));
    if (a.hedged) li.append(el("div", { class: "hedged" }, T.hedged));
    return li;
  });
  $("#attributions").replaceChildren(...(items.length ? items : [el("li", {}, T.noAttributions)]));
}

function renderNotes(report) {
  const parts = [];
  if (report.diagnostics.length) {
    parts.push(el("h3", {}, T.notes), el("ul", { class: "notes" }, ...report.diagnostics.map((d) => el("li", {}, d.message))));
  }
  if (report.article.dropped.length) {
    parts.push(el("h3", {}, T.dropped), el("ul", { class: "dropped" }, ...report.article.dropped.map((l) => el("li", {}, l))));
  }
  $("#notes").replaceChildren(...parts);
}

function render(report) {
  const chars = Array.from(report.article.text);
  const marks = paintMarks(report, chars.length);
  $("#article").replaceChildren(...report.article.blocks.map((b) =>
    el(b.kind === "headline" ? "h2" : "p", { class: b.kind }, highlighted(chars, b.start, b.end, marks))));
  const top = report.attributions.filter((a) => a.parent === null);
  renderOverview(report);
  renderCheck(report);
  renderSources(report);
  renderAttributions(top);
  renderNotes(report);
  $("#result").hidden = false;
}

function showError(problem) {
  const box = $("#error");
  box.replaceChildren(el("strong", {}, problem.detail || problem.title || "Error"));
  if (problem.hint) box.append(el("div", {}, problem.hint));
  if (problem.code) box.append(el("div", { class: "code" }, `(${problem.code})`));
  box.hidden = false;
}

async function buildRequest() {
  const tab = currentTab();
  if (tab === "file") {
    const file = $("#file").files[0];
    if (!file) return null;
    const form = new FormData();
    form.append("file", file);
    form.append("lang", $("#article-lang").value);
    return { path: "/v1/analyze/upload", form, name: file.name };
  }
  const value = (tab === "url" ? $("#url") : $("#text")).value;
  if (!value.trim()) return null;
  // the article's language (detected, or as chosen); the interface language is LANG, a separate choice
  return { path: "/v1/analyze", json: { [tab]: value, lang: $("#article-lang").value }, name: "artikel" };
}

async function send(req, format) {
  let init;
  if (req.form) {
    const form = new FormData();
    for (const [k, v] of req.form.entries()) form.append(k, v);
    form.append("format", format);
    init = { method: "POST", body: form };
  } else {
    init = { method: "POST", headers: { "Content-Type": "application/json" },
             body: JSON.stringify({ ...req.json, format }) };
  }
  return fetch(req.path, init);
}

async function analyze(event) {
  event.preventDefault();
  $("#error").hidden = true;
  const req = await buildRequest();
  if (!req) { showError({ detail: T.emptyInput }); return; }
  $("#busy").hidden = false;
  $("#analyze").disabled = true;
  try {
    const response = await send(req, "json");
    const body = await response.json();
    if (!response.ok) { showError(body); return; }
    lastRequest = req;
    lastReport = body;
    render(body);
  } catch (err) {
    showError({ detail: T.networkError, hint: String(err) });
  } finally {
    $("#busy").hidden = true;
    $("#analyze").disabled = false;
  }
}

function download(blob, filename) {
  const a = el("a", { href: URL.createObjectURL(blob), download: filename });
  document.body.append(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
}

function baseName() {
  return (lastRequest && lastRequest.name || "artikel").replace(/\.[^.]*$/, "").replace(/[^\w-]+/g, "_");
}

async function downloadHtml() {
  if (!lastRequest) return;
  const response = await send(lastRequest, "html");
  if (!response.ok) { showError(await response.json()); return; }
  download(await response.blob(), `${baseName()}-quellenlage.html`);
}

async function init() {
  const words = await (await fetch(`/ui/${LANG}.json`)).json();
  T = { ...words.page, kinds: words.kinds, verdicts: words.verdicts, types: words.types };  // shared with the report
  translatePage();
  for (const b of document.querySelectorAll("[data-tab]")) b.addEventListener("click", () => selectTab(b.dataset.tab));
  $("#input").addEventListener("submit", analyze);
  $("#download-json").addEventListener("click", () => lastReport && download(
    new Blob([JSON.stringify(lastReport, null, 2)], { type: "application/json" }), `${baseName()}-quellenlage.json`));
  $("#download-html").addEventListener("click", downloadHtml);
  fetch("/healthz").then((r) => r.json()).then((h) => { $("#version").textContent = `Quellenlage ${h.version}`; })
    .catch(() => {});
}

document.addEventListener("DOMContentLoaded", init);
