"""REPORT: pages to check the extraction by looking, at any archive size.

`build_report` reads the claims, entities and documents tables and run.json of an output folder and
writes `report.html` next to them: the run it describes, a summary, charts, and one table of all
claims (sortable, filterable, shown a page of rows at a time: the rows travel as compact JSON and
the page's script draws only the visible ones); and `report_files/articles-0001.html`, ... with
`ARTICLES_PER_PAGE` articles each, every article's text with its claims and entity mentions
highlighted. Pages link to each other by relative links; CSS, JavaScript and charts (PNG drawn with
matplotlib's Agg backend, base64-encoded) are inline, so everything opens offline, from disk.

`build_report` is the only function that touches files; every other one builds a string from
rows (dicts keyed by the column names of CLAIMS.md). All article text goes through
`html.escape` (or, in the claims table, the DOM's `textContent`), so markup in an article shows as
text and is never interpreted.
"""

from __future__ import annotations

import base64
import io
import json
import os
import shutil
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from html import escape
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from pipeline.outputs import REPORT_FILES, REPORT_NAME, OutputLock, current_version

Row = dict[str, Any]
CONTRACT = Path(__file__).parent / "data" / "CLAIMS.md"

ARTICLES_PER_PAGE = 200
CLAIM_ROWS_PER_PAGE = 100
STATUSES = ("ok", "skipped", "failed")
KIND_COLORS = {"money": "#1b7f5f", "percent": "#c25700", "count": "#2f5fb3"}
# displaCy's colors for spaCy's entity labels; other labels are grey.
ENTITY_COLORS = {
    "ORG": "#7aecec",
    "PRODUCT": "#bfeeb7",
    "GPE": "#feca74",
    "LOC": "#ff9561",
    "PERSON": "#aa9cfc",
    "NORP": "#c887fb",
    "FAC": "#9cc9cc",
    "EVENT": "#ffeb80",
    "LAW": "#ff8197",
    "LANGUAGE": "#ff8197",
    "WORK_OF_ART": "#f0d0ff",
    "DATE": "#bfe1d9",
    "TIME": "#bfe1d9",
}
OTHER_ENTITY_COLOR = "#e4e7d2"
CLAIM_COLUMNS = (
    "mention",
    "kind",
    "value",
    "unit",
    "qualifier",
    "role",
    "direction",
    "subject",
    "entity",
    "time",
    "source",
    "confidence",
)
NUMERIC_COLUMNS = ("value", "confidence")
TOP_ENTITIES = 15

CSS = """
:root { --ink: #1f2328; --muted: #59636e; --line: #d8dee4; --paper: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
       background: var(--paper); }
header.top { background: #24292f; color: #fff; padding: 18px 0 12px; }
header.top h1 { margin: 0 0 4px; font-size: 24px; }
header.top nav a { color: #c9d1d9; margin-right: 16px; text-decoration: none; font-size: 14px; }
header.top nav a:hover { color: #fff; text-decoration: underline; }
.wrap { max-width: 1280px; margin: 0 auto; padding: 0 24px; }
main > section, section.article { background: #fff; border: 1px solid var(--line); border-radius: 8px;
                                   padding: 16px 24px 20px; margin: 20px 0; }
h2 { font-size: 20px; margin: 0 0 10px; }
h3 { font-size: 15px; margin: 18px 0 6px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
p.muted, .meta { color: var(--muted); font-size: 13px; }
.intro p { max-width: 80ch; margin: 6px 0; }
.legend { display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: center; margin: 10px 0 0; }
.cards { display: flex; flex-wrap: wrap; gap: 24px; }
.cards > div { flex: 1 1 240px; }
table { border-collapse: collapse; font-size: 13px; width: 100%; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--paper); font-weight: 600; white-space: nowrap; }
td.subject { min-width: 22ch; }
td.entity, td.source { min-width: 12ch; }
th[data-type=number] { text-align: right; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.small { width: auto; min-width: 220px; }
table.sortable th { cursor: pointer; user-select: none; }
table.sortable th:hover { background: #eaeef2; }
table.sortable th[aria-sort=ascending]::after { content: " \\25B2"; font-size: 10px; }
table.sortable th[aria-sort=descending]::after { content: " \\25BC"; font-size: 10px; }
tr:target { background: #fff5b1; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(440px, 1fr)); gap: 20px;
          align-items: start; }
figure { margin: 0; }
figure img { width: 100%; height: auto; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
figcaption { font-size: 13px; color: var(--muted); margin-top: 4px; }
.toolbar { display: flex; gap: 12px; align-items: center; margin: 0 0 8px; }
.toolbar input { font: inherit; padding: 6px 10px; width: 360px; border: 1px solid var(--line); border-radius: 6px; }
.scroll { max-height: 640px; overflow: auto; border: 1px solid var(--line); border-radius: 6px; }
.scroll th { position: sticky; top: 0; }
.article .text { white-space: pre-wrap; font: 16px/2.1 Georgia, "Times New Roman", serif; max-width: 90ch;
                 overflow-wrap: anywhere; }
mark { padding: 1px 4px; border-radius: 4px; color: inherit; box-decoration-break: clone;
       -webkit-box-decoration-break: clone; }
mark.ent { background: var(--ent, #e4e7d2); }
mark.ent::after { content: attr(data-label); font: 600 9px/1 system-ui, sans-serif; margin-left: 4px;
                  vertical-align: middle; opacity: .7; }
mark.claim { color: #fff; font-weight: 600; background: var(--kind, #555); }
mark.claim::after { content: attr(data-kind); font: 600 9px/1 system-ui, sans-serif; margin-left: 4px;
                    vertical-align: middle; text-transform: uppercase; opacity: .85; }
mark.claim[data-claim-id] { cursor: pointer; }
mark.claim[data-claim-id]:hover { outline: 2px solid #ffd33d; }
.chip { display: inline-block; padding: 0 6px; border-radius: 4px; font-size: 12px; font-weight: 600; }
.chip.kind { color: #fff; background: var(--kind, #555); }
.chip.status-ok { background: #dafbe1; color: #116329; }
.chip.status-skipped { background: #fff8c5; color: #7d4e00; }
.chip.status-failed { background: #ffebe9; color: #a40e26; }
.error { color: #a40e26; }
ol.contents { columns: 2; margin: 0; padding-left: 20px; font-size: 14px; }
h3.fact-conflict { color: #a40e26; } h3.fact-agree { color: #116329; }
table.fact { margin-bottom: 8px; }
"""

ARTICLE_SCRIPT = """
function sortKey(cell, numeric) {
  const raw = cell.dataset.sort ?? cell.textContent.trim();
  return numeric ? (raw === "" ? NaN : Number(raw)) : raw.toLowerCase();
}
document.querySelectorAll("table.sortable").forEach(table => {
  const headers = Array.from(table.tHead.rows[0].cells);
  headers.forEach((header, column) => header.addEventListener("click", () => {
    const ascending = header.getAttribute("aria-sort") !== "ascending";
    const numeric = header.dataset.type === "number";
    headers.forEach(other => other.removeAttribute("aria-sort"));
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    const body = table.tBodies[0];
    const rows = Array.from(body.rows);
    rows.sort((a, b) => {
      const x = sortKey(a.cells[column], numeric), y = sortKey(b.cells[column], numeric);
      const blankX = numeric ? Number.isNaN(x) : x === "", blankY = numeric ? Number.isNaN(y) : y === "";
      if (blankX || blankY) return blankX - blankY;  // blanks last in both directions
      const order = numeric ? x - y : x.localeCompare(y, undefined, {numeric: true});
      return ascending ? order : -order;
    });
    rows.forEach(row => body.appendChild(row));
  }));
});
document.querySelectorAll("mark.claim[data-claim-id]").forEach(mark => mark.addEventListener("click", () => {
  location.hash = "claim-" + mark.dataset.claimId;
}));
"""

# The table of all claims, drawn from the JSON in #claims-data a page of rows at a time. Text goes in
# through textContent only. Rows: [article index, value per field of data.fields]; coded fields hold
# an index into data.codes[field].
CLAIMS_SCRIPT = """
(() => {
  const data = JSON.parse(document.getElementById("claims-data").textContent);
  const table = document.getElementById("all-claims-table"), body = table.tBodies[0];
  const headers = Array.from(table.tHead.rows[0].cells);
  const at = Object.fromEntries(data.fields.map((name, index) => [name, index + 1]));
  const field = (row, name) => name in data.codes ? data.codes[name][row[at[name]]] : row[at[name]];
  const page = row => data.pages[data.article_page[row[0]]];
  const shownText = (row, name) => name === "article" ? data.articles[row[0]] : String(field(row, name) ?? "");
  const words = data.rows.map(row => data.columns.map(name => shownText(row, name)).join(" ").toLowerCase());
  const collator = new Intl.Collator(undefined, {numeric: true, sensitivity: "base"});
  let shown = data.rows.map((_, index) => index), first = 0;

  function link(href, text) {
    const a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    return a;
  }
  function cell(row, name) {
    const td = document.createElement("td");
    if (name === "article") {
      td.append(link(`${page(row)}#doc-${data.articles[row[0]]}`, data.articles[row[0]]));
    } else if (name === "mention") {
      td.append(link(`${page(row)}#claim-${field(row, "claim_id")}`, field(row, "mention")));
    } else if (name === "kind") {
      const chip = document.createElement("span");
      chip.className = "chip kind";
      chip.style.setProperty("--kind", data.kind_colors[field(row, "kind")] ?? "#555");
      chip.textContent = field(row, "kind");
      td.append(chip);
    } else if (name in data.sort_fields) {
      const sortValue = field(row, data.sort_fields[name]);
      td.className = "num";
      td.dataset.sort = sortValue ?? "";
      td.textContent = name === "confidence" ? (sortValue === null ? "" : sortValue.toFixed(2)) : field(row, name);
    } else {
      td.className = name;
      td.textContent = field(row, name) ?? "";
    }
    return td;
  }
  function draw() {
    const rows = shown.slice(first, first + data.page_size).map(index => {
      const tr = document.createElement("tr");
      tr.append(...data.columns.map(name => cell(data.rows[index], name)));
      return tr;
    });
    body.replaceChildren(...rows);
    const last = Math.min(first + data.page_size, shown.length);
    document.getElementById("claim-count").textContent = `${shown.length} of ${data.rows.length} claims shown`;
    document.getElementById("claims-rows").textContent = shown.length ? `rows ${first + 1}–${last}` : "no rows";
    document.getElementById("claims-previous").disabled = first === 0;
    document.getElementById("claims-next").disabled = last >= shown.length;
  }
  function sortBy(name, ascending) {
    const key = name in data.sort_fields ? data.sort_fields[name] : name;
    const numeric = name in data.sort_fields;
    const value = index => numeric ? field(data.rows[index], key) : shownText(data.rows[index], key);
    shown.sort((a, b) => {
      const x = value(a), y = value(b);
      const blankX = x === null || x === "", blankY = y === null || y === "";
      if (blankX || blankY) return blankX - blankY;  // blanks last in both directions
      const order = numeric ? x - y : collator.compare(x, y);
      return ascending ? order : -order;
    });
  }
  headers.forEach((header, column) => header.addEventListener("click", () => {
    const ascending = header.getAttribute("aria-sort") !== "ascending";
    headers.forEach(other => other.removeAttribute("aria-sort"));
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    sortBy(data.columns[column], ascending);
    first = 0;
    draw();
  }));
  const filter = document.getElementById("claim-filter");
  filter.addEventListener("input", () => {
    const wanted = filter.value.toLowerCase().split(/\\s+/).filter(Boolean);
    const sorted = headers.find(header => header.hasAttribute("aria-sort"));
    shown = data.rows.map((_, index) => index).filter(index => wanted.every(word => words[index].includes(word)));
    if (sorted) sortBy(data.columns[headers.indexOf(sorted)], sorted.getAttribute("aria-sort") === "ascending");
    first = 0;
    draw();
  });
  document.getElementById("claims-previous").addEventListener("click", () => {
    first = Math.max(0, first - data.page_size);
    draw();
  });
  document.getElementById("claims-next").addEventListener("click", () => {
    first += data.page_size;
    draw();
  });
  draw();
  document.body.dataset.ready = "true";
})();
"""


def format_value(value: float | None) -> str:
    """A number as people read it: thousands separators, no exponent, at most 2 decimals (3 digits below 1).

    >>> format_value(6.89e10)
    '68,900,000,000'
    >>> format_value(33.333333)
    '33.33'
    >>> format_value(1 / 3)
    '0.333'
    """
    if value is None:
        return ""
    if abs(value) >= 1 or value == 0:
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{value:.3g}"


def format_claim_value(claim: Row) -> str:
    """The claim's value, or its range as `low–high` when it has one."""
    if claim.get("value_low") is not None and claim.get("value_high") is not None:
        return f"{format_value(claim['value_low'])}–{format_value(claim['value_high'])}"
    return format_value(claim.get("value"))


def claim_title(claim: Row) -> str:
    """The tooltip of a claim mark: what the pipeline read from the mention, one fact a line."""
    amount = " ".join(part for part in (format_claim_value(claim), claim.get("unit")) if part)
    head = " · ".join(
        part
        for part in (claim["kind"], amount, claim.get("qualifier"), claim.get("role"), claim.get("direction"))
        if part
    )
    lines = [head] + [f"{key}: {claim[key]}" for key in ("subject", "entity", "time", "source") if claim.get(key)]
    if claim.get("confidence") is not None:
        lines.append(f"confidence: {claim['confidence']:.2f}")
    return "\n".join(lines)


def _attrs(**attributes: str) -> str:
    return "".join(f' {name.replace("_", "-")}="{escape(value)}"' for name, value in attributes.items())


def _claim_tag(claim: Row) -> str:
    return (
        f'<mark class="claim"{_attrs(data_claim_id=claim["claim_id"], data_kind=claim["kind"])}'
        f' style="--kind:{KIND_COLORS.get(claim["kind"], "#555")}"{_attrs(title=claim_title(claim))}>'
    )


def _entity_tag(entity: Row) -> str:
    title = f"{entity['label']}: {entity.get('canonical') or entity['text']}"
    return (
        f'<mark class="ent"{_attrs(data_label=entity["label"])}'
        f' style="--ent:{ENTITY_COLORS.get(entity["label"], OTHER_ENTITY_COLOR)}"{_attrs(title=title)}>'
    )


def _marks(length: int, claims: Iterable[Row], entities: Iterable[Row]) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, opening tag) spans in text order; claims are placed first, so they win."""
    candidates = [(c["char_start"], c["char_end"], _claim_tag(c)) for c in sorted(claims, key=_start)]
    candidates += [(e["char_start"], e["char_end"], _entity_tag(e)) for e in sorted(entities, key=_start)]
    kept: list[tuple[int, int, str]] = []
    for start, end, tag in candidates:
        if 0 <= start < end <= length and all(
            end <= other_start or start >= other_end for other_start, other_end, _ in kept
        ):
            kept.append((start, end, tag))
    return sorted(kept)


def _start(row: Row) -> tuple[int, int]:
    return row["char_start"], row["char_end"]


def render_article(text: str, claims: Iterable[Row], entities: Iterable[Row]) -> str:
    """The article text, escaped, with claims and entity mentions wrapped in <mark> elements.

    A claim overlapping an entity mention wins: that mention is left unmarked, so marks never nest.
    """
    parts, position = [], 0
    for start, end, tag in _marks(len(text), claims, entities):
        parts += [escape(text[position:start]), tag, escape(text[start:end]), "</mark>"]
        position = end
    parts.append(escape(text[position:]))
    return "".join(parts)


def _claim_cells(claim: Row) -> list[str]:
    cells = []
    for column in CLAIM_COLUMNS:
        if column == "mention":
            cells.append(f'<td><a href="#claim-{escape(claim["claim_id"])}">{escape(claim["mention"])}</a></td>')
        elif column == "kind":
            color = KIND_COLORS.get(claim["kind"], "#555")
            cells.append(f'<td><span class="chip kind" style="--kind:{color}">{escape(claim["kind"])}</span></td>')
        elif column == "value":
            cells.append(
                f'<td class="num"{_attrs(data_sort=_sort_number(claim.get("value")))}>'
                f"{escape(format_claim_value(claim))}</td>"
            )
        elif column == "confidence":
            confidence = claim.get("confidence")
            shown = "" if confidence is None else f"{confidence:.2f}"
            cells.append(f'<td class="num"{_attrs(data_sort=_sort_number(confidence))}>{shown}</td>')
        else:
            cells.append(f'<td class="{column}">{escape(str(claim.get(column) or ""))}</td>')
    return cells


def _sort_number(value: float | None) -> str:
    return "" if value is None else repr(float(value))


def _header_cells(columns: Sequence[str]) -> str:
    return "".join(
        f"<th{_attrs(data_type='number') if column in NUMERIC_COLUMNS else ''}>{column}</th>" for column in columns
    )


def render_claims_table(claims: Sequence[Row]) -> str:
    """The claims of one article, in text order, one row each (row id `claim-<claim_id>`)."""
    if not claims:
        return '<p class="muted">No claims found in this article.</p>'
    rows = "".join(
        f'<tr id="claim-{escape(claim["claim_id"])}">{"".join(_claim_cells(claim))}</tr>'
        for claim in sorted(claims, key=_start)
    )
    return (
        f'<table class="claims sortable"><thead><tr>{_header_cells(CLAIM_COLUMNS)}</tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )


def render_section(document: Row, claims: Sequence[Row], entities: Sequence[Row]) -> str:
    """One article: its name and status, the highlighted text, and the table of its claims."""
    doc_id = document["doc_id"]
    status = document.get("status") or "ok"
    meta = [
        f'<span class="chip status-{escape(status)}">{escape(status)}</span>',
        f"{len(claims)} claims",
        f"{len(entities)} entity mentions",
    ]
    if document.get("published"):
        meta.append(f"published {escape(str(document['published']))}")
    meta.append(f"file {escape(document.get('path') or '')}")
    error = (
        f'<p class="error">{escape(status.capitalize())}: {escape(document["error"])}</p>'
        if document.get("error")
        else ""
    )
    text = document.get("text") or ""
    body = (
        f'<div class="text">{render_article(text, claims, entities)}</div>'
        if text.strip()
        else '<p class="muted">(no text)</p>'
    )
    return (
        f'<section class="article" id="doc-{escape(doc_id)}"><h2>{escape(doc_id)}</h2>'
        f'<p class="meta">{" · ".join(meta)}</p>{error}{body}'
        f"<h3>Claims in this article</h3>{render_claims_table(claims)}</section>"
    )


# The claims table's columns, and the row fields behind them (numeric columns sort on a field of their own).
TABLE_COLUMNS = ("article", *CLAIM_COLUMNS)
ROW_FIELDS = (*CLAIM_COLUMNS, "claim_id", "value_sort")
CODED_FIELDS = ("kind", "unit", "qualifier", "role", "direction", "entity", "time", "source")
SORT_FIELDS = {"value": "value_sort", "confidence": "confidence"}


def claims_data(
    claims: Sequence[Row], articles: Sequence[str], pages: Sequence[str], article_page: Sequence[int]
) -> dict:
    """All claims as compact JSON for the claims table's script: one list per row, the repeated
    strings (kind, unit, entity, ...) as indexes into one list of codes per field."""
    index = {doc_id: position for position, doc_id in enumerate(articles)}
    codes: dict[str, dict[str, int]] = {name: {"": 0} for name in CODED_FIELDS}
    rows = []
    for claim in sorted(claims, key=lambda claim: (index[claim["doc_id"]], *_start(claim))):
        values = {
            **{name: claim.get(name) for name in CLAIM_COLUMNS},
            "value": format_claim_value(claim),
            "value_sort": claim.get("value"),
            "claim_id": claim["claim_id"],
        }
        for name in CODED_FIELDS:
            values[name] = codes[name].setdefault(str(values[name] or ""), len(codes[name]))
        rows.append([index[claim["doc_id"]], *(values[name] for name in ROW_FIELDS)])
    return {
        "columns": TABLE_COLUMNS,
        "fields": ROW_FIELDS,
        "codes": {name: list(table) for name, table in codes.items()},
        "sort_fields": SORT_FIELDS,
        "kind_colors": KIND_COLORS,
        "articles": list(articles),
        "pages": list(pages),
        "article_page": list(article_page),
        "page_size": CLAIM_ROWS_PER_PAGE,
        "rows": rows,
    }


def render_all_claims(data: dict) -> str:
    """The table of every claim: a filter box, sortable headers, a page of rows at a time (drawn by
    CLAIMS_SCRIPT from `data`, the output of `claims_data`)."""
    count = len(data["rows"])
    # `<` escaped, so no article text can close the script element
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return (
        f'<div class="toolbar"><input id="claim-filter" type="search" placeholder="Filter: type words, '
        f'e.g. money 2016 Toyota" aria-label="filter claims"><span id="claim-count" class="muted">'
        f"{count} of {count} claims shown</span>"
        f'<button id="claims-previous" type="button">‹ previous</button><span id="claims-rows" class="muted"></span>'
        f'<button id="claims-next" type="button">next ›</button></div>'
        f'<div class="scroll"><table id="all-claims-table" class="claims sortable"><thead><tr>'
        f"{_header_cells(TABLE_COLUMNS)}</tr></thead><tbody></tbody></table></div>"
        f'<script type="application/json" id="claims-data">{payload}</script>'
    )


def _count_table(header: str, counts: Iterable[tuple[str, int]]) -> str:
    rows = "".join(f'<tr><td>{label}</td><td class="num">{count}</td></tr>' for label, count in counts)
    return f'<table class="small"><thead><tr><th>{header}</th><th>count</th></tr></thead><tbody>{rows}</tbody></table>'


def render_summary(documents: Sequence[Row], claims: Sequence[Row], where: Callable[[str], str] = lambda _: "") -> str:
    """Articles by status, claims by kind, and the skipped or failed articles with their reasons
    (each linked to its article: `where(doc_id)` is the page it is on)."""
    statuses = Counter(document.get("status") or "ok" for document in documents)
    status_rows = [
        (f'<span class="chip status-{escape(status)}">{escape(status)}</span>', statuses[status])
        for status in (*STATUSES, *sorted(set(statuses) - set(STATUSES)))
    ]
    kinds = Counter(claim["kind"] for claim in claims)
    kind_rows = [
        (f'<span class="chip kind" style="--kind:{KIND_COLORS.get(kind, "#555")}">{escape(kind)}</span>', kinds[kind])
        for kind in (*KIND_COLORS, *sorted(set(kinds) - set(KIND_COLORS)))
    ]
    problems = [document for document in documents if (document.get("status") or "ok") != "ok"]
    if problems:
        rows = "".join(
            f'<tr><td><a href="{escape(where(d["doc_id"]))}#doc-{escape(d["doc_id"])}">{escape(d["doc_id"])}</a></td>'
            f'<td><span class="chip status-{escape(d["status"])}">{escape(d["status"])}</span></td>'
            f"<td>{escape(d.get('error') or '')}</td><td>{escape(d.get('path') or '')}</td></tr>"
            for d in problems
        )
        problem_html = (
            "<table><thead><tr><th>article</th><th>status</th><th>reason</th><th>file</th></tr>"
            f"</thead><tbody>{rows}</tbody></table>"
        )
    else:
        problem_html = '<p class="muted">None: every article was read and processed.</p>'
    return (
        f'<div class="cards"><div><h3>Articles by status</h3>{_count_table("status", status_rows)}</div>'
        f"<div><h3>Claims by kind</h3>{_count_table('kind', kind_rows)}</div></div>"
        f"<h3>Skipped or failed articles</h3>{problem_html}"
    )


def _figure_html(figure: Figure, alt: str, caption: str) -> str:
    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=144, bbox_inches="tight")
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return (
        f'<figure><img src="data:image/png;base64,{data}"{_attrs(alt=alt)}><figcaption>{caption}</figcaption></figure>'
    )


def _axes(width: float, height: float):
    figure = Figure(figsize=(width, height))
    axes = figure.add_subplot()
    axes.spines[["top", "right"]].set_visible(False)
    return figure, axes


def entity_chart(claims: Sequence[Row]) -> str:
    """Horizontal bars: how many claims are about each entity, the 15 most frequent."""
    counts = Counter(claim["entity"] for claim in claims if claim.get("entity")).most_common(TOP_ENTITIES)
    if not counts:
        return '<p class="muted">No claim names an entity.</p>'
    names, values = zip(*reversed(counts), strict=True)
    figure, axes = _axes(6, 0.8 + 0.32 * len(names))
    axes.barh(names, values, color="#4c78a8")
    axes.bar_label(axes.containers[0], padding=3, fontsize=8)
    axes.set_xlabel("claims")
    axes.set_title(f"Claims per entity (top {TOP_ENTITIES})", loc="left", fontsize=11)
    axes.xaxis.get_major_locator().set_params(integer=True)
    without = sum(1 for claim in claims if not claim.get("entity"))
    return _figure_html(
        figure,
        "bar chart of claims per entity",
        f"{without} of {len(claims)} claims name no entity and are not counted here.",
    )


def money_chart(claims: Sequence[Row]) -> str:
    """Dots: every money claim's amount (log scale), one row per currency and period."""
    money = [claim for claim in claims if claim["kind"] == "money" and claim.get("value")]
    if not money:
        return '<p class="muted">No money claims.</p>'
    groups: dict[tuple[str, str], list[float]] = defaultdict(list)
    for claim in money:
        groups[(claim.get("unit") or "?", claim.get("time") or "no period")].append(claim["value"])
    keys = sorted(groups)
    figure, axes = _axes(6, 0.9 + 0.4 * len(keys))
    for row, key in enumerate(keys):
        axes.scatter(groups[key], [row] * len(groups[key]), s=36, alpha=0.7, color=KIND_COLORS["money"])
    axes.set_yticks(range(len(keys)), [f"{unit} · {time} ({len(groups[unit, time])})" for unit, time in keys])
    axes.set_ylim(-0.6, len(keys) - 0.4)
    axes.set_xscale("log")
    axes.xaxis.set_major_formatter(lambda value, _: _short_amount(value))
    axes.grid(axis="x", alpha=0.3)
    axes.set_xlabel("amount in the currency's units (log scale)")
    axes.set_title("Money claims by currency and period", loc="left", fontsize=11)
    return _figure_html(
        figure,
        "dot plot of money claims by currency and period",
        "Each dot is one money claim; the number in brackets counts them. "
        "A dot far from its neighbours is worth a look (wrong scale word or currency?).",
    )


def _short_amount(value: float) -> str:
    for size, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if abs(value) >= size:
            return f"{value / size:g}{suffix}"
    return f"{value:g}"


def confidence_chart(claims: Sequence[Row]) -> str:
    """Histogram of the pipeline's confidence, stacked by claim kind."""
    scored = [claim for claim in claims if claim.get("confidence") is not None]
    if not scored:
        return '<p class="muted">No claims.</p>'
    kinds = [kind for kind in KIND_COLORS if any(claim["kind"] == kind for claim in scored)]
    figure, axes = _axes(6, 3.2)
    axes.hist(
        [[claim["confidence"] for claim in scored if claim["kind"] == kind] for kind in kinds],
        bins=[step / 20 for step in range(21)],
        stacked=True,
        label=kinds,
        color=[KIND_COLORS[kind] for kind in kinds],
        edgecolor="white",
    )
    axes.set_xlim(0, 1)
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.set_xlabel("confidence")
    axes.set_ylabel("claims")
    axes.legend(frameon=False, fontsize=8, loc="upper left")
    axes.set_title("Confidence distribution", loc="left", fontsize=11)
    return _figure_html(
        figure,
        "histogram of claim confidence",
        "The pipeline's own estimate that a row is right. Check the low ones first.",
    )


def render_legend(entities: Iterable[Row]) -> str:
    """Sample marks for each claim kind and for each entity label present."""
    claims = [
        f'<mark class="claim sample" data-kind="{kind}" style="--kind:{color}">12.5</mark>'
        for kind, color in KIND_COLORS.items()
    ]
    labels = sorted({entity["label"] for entity in entities})
    ents = [
        f'<mark class="ent sample"{_attrs(data_label=label)}'
        f' style="--ent:{ENTITY_COLORS.get(label, OTHER_ENTITY_COLOR)}">name</mark>'
        for label in labels
    ]
    return (
        f'<div class="legend"><strong>Claims:</strong> {" ".join(claims)}'
        f"<strong>Entities:</strong> {' '.join(ents) or 'none'}</div>"
    )


def page_name(number: int) -> str:
    """The file of the `number`-th page of articles (from 0), relative to the report."""
    return f"{REPORT_FILES}/articles-{number + 1:04d}.html"


def run_label(run: Row) -> str:
    """`run 20261201T150412Z-1a2b3c4d of 2026-12-01 15:04 UTC, output folder output`."""
    name = f"run {run['run_id']}" if run.get("run_id") else "a run"
    finished = f" of {run['finished']}" if run.get("finished") else ""
    return f"{name}{finished}, output folder {run.get('out_dir', '?')}"


def _page(title: str, run: Row, nav: str, body: str, script: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="news-claims-run"{_attrs(content=str(run.get("run_id") or ""))}>
<title>{escape(title)}</title><style>{CSS}</style></head>
<body><header class="top"><div class="wrap"><h1>{escape(title)}</h1>
<p class="run">{escape(run_label(run))}</p><nav>{nav}</nav></div></header>
<main class="wrap">
{body}
</main><script>{script}</script></body></html>
"""


SHOWN_FACTS = 100


def render_facts(facts: Sequence[Row], claims: Sequence[Row], where: Callable[[str], str]) -> str:
    """The facts stated by more than one claim, conflicts first (as the table is ordered), at most
    `SHOWN_FACTS`; each with its claims' sentences side by side and links to their articles."""
    shared = [fact for fact in facts if fact["n_claims"] > 1][:SHOWN_FACTS]
    if not shared:
        return '<p class="muted">No figure is stated by more than one claim.</p>'
    by_id = {claim["claim_id"]: claim for claim in claims}
    counts = Counter(fact["status"] for fact in facts)
    parts = [
        f'<p class="muted">{counts["conflict"]} facts in conflict, {counts["agree"]} agreeing, '
        f"{counts['single']} stated once; below, up to {SHOWN_FACTS} stated more than once, conflicts first "
        "(all of them in <code>facts.parquet</code> and the DuckDB view <code>conflicts</code>).</p>"
    ]
    for fact in shared:
        rows = "".join(
            f'<tr><td><a href="{escape(where(c["doc_id"]))}#claim-{escape(c["claim_id"])}">'
            f"{escape(c['doc_id'])}</a></td>"
            f'<td class="num">{escape(format_claim_value(c))} {escape(c.get("unit") or "")}</td>'
            f"<td>{escape(c.get('qualifier') or '')}</td><td>{escape(c.get('sentence') or '')}</td></tr>"
            for c in (by_id[claim_id] for claim_id in fact["claim_ids"] if claim_id in by_id)
        )
        spread = f", spread {fact['spread']:.0%}" if fact.get("spread") is not None else ""
        parts.append(
            f'<h3 class="fact-{escape(fact["status"])}">{escape(fact["status"])}: {escape(fact["entity"])} · '
            f"{escape(fact['measure'])} · {escape(fact['time'])} ({fact['n_claims']} claims in "
            f"{fact['n_articles']} articles{spread})</h3>"
            '<table class="fact"><thead><tr><th>article</th><th data-type="number">value</th><th>qualifier</th>'
            f"<th>sentence</th></tr></thead><tbody>{rows}</tbody></table>"
        )
    return "".join(parts)


def render_report(
    documents: Sequence[Row], claims: Sequence[Row], entities: Sequence[Row], run: Row, facts: Sequence[Row] = ()
) -> str:
    """The main page: the run, summary, charts, the facts, the table of all claims and the list of articles."""
    articles = [document["doc_id"] for document in documents]
    article_page = [position // ARTICLES_PER_PAGE for position in range(len(articles))]
    pages = [page_name(number) for number in range(max(1, -(-len(articles) // ARTICLES_PER_PAGE)))]
    where = dict(zip(articles, (pages[number] for number in article_page), strict=True))
    n_claims = Counter(claim["doc_id"] for claim in claims)
    contents = "".join(
        f'<li><a href="{escape(where[d["doc_id"]])}#doc-{escape(d["doc_id"])}">{escape(d["doc_id"])}</a> '
        f'<span class="muted">({n_claims[d["doc_id"]]} claims'
        f"{'' if (d.get('status') or 'ok') == 'ok' else ', ' + escape(d['status'])})</span></li>"
        for d in documents
    )
    page_links = " · ".join(
        f'<a href="{escape(name)}">{first + 1}–{min(len(articles), first + ARTICLES_PER_PAGE)}</a>'
        for name, first in zip(pages, range(0, len(articles), ARTICLES_PER_PAGE), strict=False)
    )
    nav = (
        '<a href="#intro">What you are looking at</a><a href="#summary">Summary</a><a href="#charts">Charts</a>'
        '<a href="#facts">Facts</a><a href="#all-claims">All claims</a><a href="#articles">Articles</a>'
    )
    body = f"""<section id="intro" class="intro"><h2>What you are looking at</h2>
<p>This page shows what the pipeline extracted from {len(documents)} news articles in
{escape(run_label(run))}: {len(claims)} claims and {len(entities)} named-entity mentions.</p>
<p>A <strong>claim</strong> is one number stated in an article: a money amount, a percentage or a count
of things. For each one the pipeline records its value, unit, what it measures (subject), whom it is about
(entity), the period (time) and who says so (source); the contract <code>docs/CLAIMS.md</code> (its installed
copy: <code>{escape(str(CONTRACT))}</code>) defines every column.</p>
<p>The articles are on pages of {ARTICLES_PER_PAGE} (links under Articles, and from every claim). In an
article's text, claims are dark marks and named entities (organizations, places, people, nationalities)
are light marks with their type. Hover over a claim to see what was read from it, or click it to jump to
its row in the table under the article.</p>
<p>To check the extraction, read an article and look for numbers left unmarked (missed), marks on things
that are not claims (false alarms), and wrong values, units or subjects in the tables. Confidence is the
pipeline's own estimate; rows with low confidence are the first to check.</p>
{render_legend(entities)}</section>
<section id="summary"><h2>Summary</h2>{render_summary(documents, claims, where.__getitem__)}</section>
<section id="charts"><h2>Charts</h2><div class="charts">{entity_chart(claims)}{money_chart(claims)}
{confidence_chart(claims)}</div></section>
<section id="facts"><h2>Facts across articles</h2>{render_facts(facts, claims, where.__getitem__)}</section>
<section id="all-claims"><h2>All claims</h2><p class="muted">Click a column header to sort (again to reverse);
type in the box to keep only rows containing all the words; {CLAIM_ROWS_PER_PAGE} rows are shown at a time.</p>
{render_all_claims(claims_data(claims, articles, pages, article_page))}</section>
<section id="articles"><h2>Articles</h2><p>Pages: {page_links or "none"}</p>
<ol class="contents">{contents}</ol></section>"""
    return _page("Claims report", run, nav, body, CLAIMS_SCRIPT)


def render_article_pages(
    documents: Sequence[Row], claims: Sequence[Row], entities: Sequence[Row], run: Row
) -> Iterator[tuple[str, str]]:
    """(file name, page) for every page of `ARTICLES_PER_PAGE` articles, in input order."""
    claims_by_doc: dict[str, list[Row]] = defaultdict(list)
    for claim in claims:
        claims_by_doc[claim["doc_id"]].append(claim)
    entities_by_doc: dict[str, list[Row]] = defaultdict(list)
    for entity in entities:
        entities_by_doc[entity["doc_id"]].append(entity)
    n_pages = -(-len(documents) // ARTICLES_PER_PAGE)
    for number in range(n_pages):
        chunk = documents[number * ARTICLES_PER_PAGE : (number + 1) * ARTICLES_PER_PAGE]
        nav = '<a href="../report.html">← report</a>'
        if number:
            nav += f'<a href="{Path(page_name(number - 1)).name}">‹ previous page</a>'
        if number + 1 < n_pages:
            nav += f'<a href="{Path(page_name(number + 1)).name}">next page ›</a>'
        sections = "".join(render_section(d, claims_by_doc[d["doc_id"]], entities_by_doc[d["doc_id"]]) for d in chunk)
        first, last = number * ARTICLES_PER_PAGE + 1, number * ARTICLES_PER_PAGE + len(chunk)
        title = f"Articles {first}–{last} of {len(documents)}"
        yield page_name(number), _page(title, run, nav, sections, ARTICLE_SCRIPT)


def build_report(out_dir: Path) -> Path:
    """Read the tables and run.json in `out_dir`, write the report into the current run's folder
    (`report.html` and the article pages in `report_files/`, replacing an earlier report of the same
    run), and return the path readers open: `out_dir/report.html`.

    Raises:
        FileNotFoundError: a table is missing (run `news-claims extract --out DIR` first).
        OutputLocked: a run is writing into `out_dir`.
    """
    if current_version(out_dir) is None:
        raise FileNotFoundError(f"{out_dir / 'documents.parquet'} not found")
    with OutputLock(out_dir):
        folder = current_version(out_dir) or out_dir
        tables = {}
        for name in ("documents", "claims", "entities"):
            path = folder / f"{name}.parquet"
            if not path.is_file():
                raise FileNotFoundError(f"{out_dir / path.name} not found")
            tables[name] = pq.read_table(path).to_pylist()
        run_path = folder / "run.json"
        run = json.loads(run_path.read_text(encoding="utf-8")) if run_path.is_file() else {}
        run["out_dir"] = str(out_dir)
        documents, claims, entities = tables["documents"], tables["claims"], tables["entities"]
        facts_path = folder / "facts.parquet"
        facts = pq.read_table(facts_path).to_pylist() if facts_path.is_file() else []
        staging = Path(tempfile.mkdtemp(prefix=".report-", dir=folder))
        try:
            (staging / REPORT_FILES).mkdir()
            for name, page in render_article_pages(documents, claims, entities, run):
                (staging / name).write_text(page, encoding="utf-8")
            (staging / REPORT_NAME).write_text(render_report(documents, claims, entities, run, facts), encoding="utf-8")
            old = folder / REPORT_FILES
            if old.exists():
                os.replace(old, staging / "old-pages")
            os.replace(staging / REPORT_FILES, old)
            os.replace(staging / REPORT_NAME, folder / REPORT_NAME)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return out_dir / REPORT_NAME
