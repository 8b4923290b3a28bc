"""The HTML report (issue 7): pure rendering functions on hand-made rows, then the real page in Chromium."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.report import (
    ARTICLES_PER_PAGE,
    CLAIM_ROWS_PER_PAGE,
    build_report,
    claim_title,
    claims_data,
    format_claim_value,
    format_value,
    render_all_claims,
    render_article,
    render_article_pages,
    render_claims_table,
    render_report,
    render_section,
    render_summary,
)

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
CHROMIUM_ARGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,1400",
)


def claim(start: int, end: int, text: str, **fields: object) -> dict:
    """A claims-table row for the mention text[start:end] with sensible defaults."""
    row = {
        "claim_id": f"c{start}",
        "doc_id": "d1",
        "char_start": start,
        "char_end": end,
        "mention": text[start:end],
        "kind": "money",
        "value": 5e9,
        "value_low": None,
        "value_high": None,
        "qualifier": "exact",
        "unit": "USD",
        "role": None,
        "subject": "the deal",
        "entity": None,
        "time": None,
        "source": None,
        "confidence": 0.9,
    }
    return row | fields


def entity(start: int, end: int, text: str, label: str = "ORG") -> dict:
    return {
        "doc_id": "d1",
        "char_start": start,
        "char_end": end,
        "text": text[start:end],
        "label": label,
        "canonical": text[start:end],
    }


class MarkChecker(HTMLParser):
    """Collects every <mark>'s attributes and text, failing on nested or unclosed marks."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[tuple[dict, str]] = []
        self.open: dict | None = None
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "mark":
            assert self.open is None, "nested <mark>"
            self.open, self.text = dict(attrs), ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            assert self.open is not None, "</mark> without <mark>"
            self.marks.append((self.open, self.text))
            self.open = None

    def handle_data(self, data: str) -> None:
        if self.open is not None:
            self.text += data


def marks_of(html: str) -> list[tuple[dict, str]]:
    checker = MarkChecker()
    checker.feed(html)
    checker.close()
    assert checker.open is None, "unclosed <mark>"
    return checker.marks


def plain(html: str) -> str:
    return unescape(re.sub(r"<[^>]*>", "", html))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (6.89e10, "68,900,000,000"),
        (1.1e6, "1,100,000"),
        (3299999.9999999995, "3,300,000"),
        (45.0, "45"),
        (33.333333, "33.33"),
        (2.5, "2.5"),
        (1 / 3, "0.333"),
        (0.0, "0"),
        (-1500.0, "-1,500"),
        (None, ""),
    ],
)
def test_format_value(value: float | None, expected: str) -> None:
    assert format_value(value) == expected


def test_format_claim_value_shows_a_range() -> None:
    text = "between $3 and $5 billion"
    assert (
        format_claim_value(claim(8, 25, text, value=3e9, value_low=3e9, value_high=5e9))
        == "3,000,000,000–5,000,000,000"
    )


def test_claim_title_lists_what_was_read() -> None:
    row = claim(4, 8, "The $5bn deal", qualifier="approx", entity="Acme Corp", time="2016", source="Reuters")
    assert claim_title(row) == (
        "money · 5,000,000,000 USD · approx\nsubject: the deal\nentity: Acme Corp\n"
        "time: 2016\nsource: Reuters\nconfidence: 0.90"
    )


def test_claim_becomes_exactly_one_mark_around_its_mention() -> None:
    text = "The $5bn deal"
    html = render_article(text, [claim(4, 8, text)], [])
    assert html.startswith('The <mark class="claim" data-claim-id="c4" data-kind="money"')
    assert html.endswith(">$5bn</mark> deal")
    [(attrs, marked)] = marks_of(html)
    assert marked == "$5bn"
    assert attrs["class"] == "claim"
    assert attrs["data-claim-id"] == "c4"
    assert attrs["title"].startswith("money · 5,000,000,000 USD")


def test_entity_mark_carries_its_label() -> None:
    text = "Acme Corp sold cars."
    [(attrs, marked)] = marks_of(render_article(text, [], [entity(0, 9, text)]))
    assert (marked, attrs["class"], attrs["data-label"]) == ("Acme Corp", "ent", "ORG")
    assert attrs["title"] == "ORG: Acme Corp"


@pytest.mark.parametrize(
    "text",
    [
        '<script>alert("x")</script> paid $5bn',
        "<b>$5bn</b> &amp; more",
        'Tom\'s "quoted" <i>text</i> $5bn',
    ],
)
def test_html_in_the_text_is_escaped(text: str) -> None:
    start = text.index("$5bn")
    html = render_article(text, [claim(start, start + 4, text)], [])
    assert "<script" not in html and "<b>" not in html and "<i>" not in html
    assert [marked for _, marked in marks_of(html)] == ["$5bn"]
    assert plain(html) == text


@pytest.mark.parametrize(
    ("entity_span", "claim_span"),
    [
        ((0, 13), (9, 13)),  # the entity contains the claim
        ((4, 10), (9, 13)),  # they cross
        ((9, 13), (9, 13)),  # the same span
        ((9, 18), (4, 13)),  # they cross the other way
    ],
    ids=["contains", "crosses", "same", "crosses-left"],
)
def test_claim_wins_over_an_overlapping_entity(entity_span: tuple[int, int], claim_span: tuple[int, int]) -> None:
    text = "Toyota's $5bn plan"
    html = render_article(text, [claim(*claim_span, text)], [entity(*entity_span, text)])
    marks = marks_of(html)
    assert [(attrs["class"], marked) for attrs, marked in marks] == [("claim", text[slice(*claim_span)])]
    assert plain(html) == text


def test_non_overlapping_entity_and_claim_are_both_marked() -> None:
    text = "Toyota's $5bn plan"
    html = render_article(text, [claim(9, 13, text)], [entity(0, 6, text)])
    assert html.startswith(
        '<mark class="ent" data-label="ORG" style="--ent:#7aecec" title="ORG: Toyota">Toyota</mark>'
        '&#x27;s <mark class="claim" data-claim-id="c9"'
    )
    assert [(attrs["class"], marked) for attrs, marked in marks_of(html)] == [("ent", "Toyota"), ("claim", "$5bn")]


@pytest.mark.parametrize("span", [(-1, 3), (5, 99), (4, 4), (6, 2)], ids=["negative", "past-end", "empty", "reversed"])
def test_spans_outside_the_text_are_not_marked(span: tuple[int, int]) -> None:
    text = "The $5bn deal"
    assert render_article(text, [claim(*span, text)], []) == "The $5bn deal"


@given(st.text(max_size=60), st.lists(st.tuples(st.integers(-3, 65), st.integers(0, 8), st.booleans()), max_size=8))
def test_marks_never_nest_and_the_text_survives(text: str, spans: list[tuple[int, int, bool]]) -> None:
    claims = [
        claim(start, start + length, text) | {"claim_id": f"c{i}"}
        for i, (start, length, is_claim) in enumerate(spans)
        if is_claim
    ]
    entities = [entity(start, start + length, text) for start, length, is_claim in spans if not is_claim]
    html = render_article(text, claims, entities)
    marks_of(html)
    assert plain(html) == text


def test_claims_table_lists_each_claim_readably() -> None:
    text = "Sales rose to 68.9 billion dollars, up 12%."
    rows = [
        claim(39, 42, text, kind="percent", value=12.0, unit="%", claim_id="p"),
        claim(14, 34, text, value=6.89e10, entity="Acme Corp", time="2016", claim_id="m"),
    ]
    html = render_claims_table(rows)
    assert html.index('id="claim-m"') < html.index('id="claim-p"')  # text order
    assert '<td class="num" data-sort="68900000000.0">68,900,000,000</td>' in html
    assert '<td class="num" data-sort="0.9">0.90</td>' in html
    assert '<td class="entity">Acme Corp</td><td class="time">2016</td>' in html
    assert render_claims_table([]) == '<p class="muted">No claims found in this article.</p>'


def test_section_of_a_failed_article_shows_the_reason() -> None:
    document = {
        "doc_id": "bad<1>",
        "path": "in/bad.txt",
        "status": "failed",
        "error": "UnicodeError: <binary>",
        "text": "",
        "published": None,
    }
    html = render_section(document, [], [])
    assert html.startswith('<section class="article" id="doc-bad&lt;1&gt;">')
    assert '<p class="error">Failed: UnicodeError: &lt;binary&gt;</p>' in html
    assert "(no text)" in html


def test_summary_counts_statuses_and_kinds_and_lists_problems() -> None:
    documents = [
        {"doc_id": "a", "status": "ok"},
        {"doc_id": "b", "status": "ok"},
        {"doc_id": "c", "status": "skipped", "error": "empty article (no text)", "path": "c.txt"},
    ]
    text = "$5bn and 3%"
    html = render_summary(documents, [claim(0, 4, text), claim(9, 11, text, kind="percent")])
    counts = re.findall(r">(ok|skipped|failed|money|percent|count)</span></td><td class=\"num\">(\d+)<", html)
    assert counts == [("ok", "2"), ("skipped", "1"), ("failed", "0"), ("money", "1"), ("percent", "1"), ("count", "0")]
    assert "<td>empty article (no text)</td><td>c.txt</td>" in html


RUN = {"run_id": "20261201T120000Z-0a1b2c3d", "finished": "2026-12-01 12:00:00 UTC", "out_dir": "out"}


def test_claims_data_codes_repeated_strings_and_keeps_every_row() -> None:
    text = "$5bn and 3% and $2bn"
    rows = [
        claim(0, 4, text, entity="Acme"),
        claim(9, 11, text, kind="percent", unit="%", value=3.0),
        claim(16, 20, text, value=2e9),
    ]
    data = claims_data(rows, ["d1"], ["report_files/articles-0001.html"], [0])
    fields = data["fields"]
    assert data["codes"]["unit"] == ["", "USD", "%"] and data["codes"]["entity"] == ["", "Acme"]
    decoded = [
        {
            name: data["codes"][name][value] if name in data["codes"] else value
            for name, value in zip(fields, row[1:], strict=True)
        }
        for row in data["rows"]
    ]
    assert [(row["mention"], row["unit"], row["value"], row["value_sort"]) for row in decoded] == [
        ("$5bn", "USD", "5,000,000,000", 5e9),
        ("3%", "%", "3", 3.0),
        ("$2bn", "USD", "2,000,000,000", 2e9),
    ]


def test_all_claims_table_has_filter_pages_and_sortable_numeric_headers() -> None:
    text = "$5bn"
    html = render_all_claims(claims_data([claim(0, 4, text)], ["d1"], ["p.html"], [0]))
    assert 'id="claim-filter"' in html and "1 of 1 claims shown" in html
    assert 'id="claims-previous"' in html and 'id="claims-next"' in html
    assert "<th>article</th><th>mention</th>" in html
    assert '<th data-type="number">value</th>' in html and '<th data-type="number">confidence</th>' in html


def test_no_article_text_can_close_the_data_script() -> None:
    text = "</script><script>alert(1)</script> $5bn"
    html = render_all_claims(claims_data([claim(35, 39, text, subject=text)], ["d1"], ["p.html"], [0]))
    assert html.count("</script>") == 1 and html.endswith("</script>")


def test_report_pages_are_self_contained_and_name_their_run() -> None:
    text = "The $5bn deal"
    documents = [{"doc_id": "d1", "path": "d1.txt", "status": "ok", "error": None, "text": text, "published": None}]
    rows, entities = [claim(4, 8, text, entity="Acme")], [entity(0, 3, text)]
    html = render_report(documents, rows, entities, RUN)
    [(name, page)] = list(render_article_pages(documents, rows, entities, RUN))
    assert name == "report_files/articles-0001.html"
    for markup in (html, page):
        assert markup.startswith("<!DOCTYPE html>")
        assert '<meta name="news-claims-run" content="20261201T120000Z-0a1b2c3d">' in markup
        assert "run 20261201T120000Z-0a1b2c3d of 2026-12-01 12:00:00 UTC, output folder out" in markup
        assert not re.search(r"""(src|href)=["']?(https?:)?//""", markup), "the pages must not load anything"
    assert "What you are looking at" in html and 'href="report_files/articles-0001.html#doc-d1"' in html
    assert html.count("data:image/png;base64,") == 3
    assert '<section class="article" id="doc-d1">' in page and 'href="../report.html"' in page


def test_articles_are_paged() -> None:
    documents = [
        {"doc_id": f"d{n}", "path": "", "status": "ok", "error": None, "text": "x", "published": None}
        for n in range(ARTICLES_PER_PAGE * 2 + 1)
    ]
    pages = list(render_article_pages(documents, [], [], RUN))
    assert [name for name, _ in pages] == [f"report_files/articles-000{n}.html" for n in (1, 2, 3)]
    assert [page.count('<section class="article"') for _, page in pages] == [ARTICLES_PER_PAGE, ARTICLES_PER_PAGE, 1]
    assert 'href="articles-0002.html">next page' in pages[0][1] and "next page" not in pages[2][1]


@pytest.fixture(scope="module")
def corpus_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real pipeline on the corpus, with its report."""
    out_dir = tmp_path_factory.mktemp("report")
    subprocess.run(
        [sys.executable, "-m", "pipeline", "extract", "corpus", "--out", str(out_dir), "--quiet", "--report"],
        cwd=ROOT,
        check=True,
        timeout=300,
    )
    return out_dir / "report.html"


@pytest.mark.slow
def test_report_on_the_corpus_has_every_article(corpus_report: Path) -> None:
    page = (corpus_report.parent / "report_files" / "articles-0001.html").read_text(encoding="utf-8")
    doc_ids = pq.read_table(corpus_report.parent / "documents.parquet", columns=["doc_id"]).column(0).to_pylist()
    assert doc_ids
    for doc_id in doc_ids:
        assert f'<section class="article" id="doc-{doc_id}">' in page
    assert re.search(r'<mark class="claim" data-claim-id="[0-9a-f]{16}"', page)
    run_id = json.loads((corpus_report.parent / "run.json").read_text())["run_id"]
    assert f'<meta name="news-claims-run" content="{run_id}">' in corpus_report.read_text(encoding="utf-8")


@pytest.mark.slow
def test_a_run_without_a_report_removes_the_earlier_one(tmp_path: Path) -> None:
    out = tmp_path / "out"
    command = [sys.executable, "-m", "pipeline", "extract", "corpus", "--out", str(out), "--quiet"]
    subprocess.run([*command, "--report"], cwd=ROOT, check=True, timeout=300)
    assert (out / "report.html").exists() and (out / "report_files").is_dir()
    subprocess.run([*command, "--force"], cwd=ROOT, check=True, timeout=300)
    assert not (out / "report.html").exists() and not (out / "report_files").exists()


def _chromium(tmp_path: Path):
    if not CHROMIUM.exists() or not CHROMEDRIVER.exists():
        pytest.skip(f"needs {CHROMIUM} and {CHROMEDRIVER} (apt-get install chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = str(CHROMIUM)
    for argument in (*CHROMIUM_ARGS, f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(argument)
    return webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))


def _open(driver, page: Path) -> float:
    """Open the page and wait until its claims table is drawn; the seconds it took."""
    from selenium.webdriver.support.ui import WebDriverWait

    started = time.perf_counter()
    driver.get(page.as_uri())
    WebDriverWait(driver, 120).until(lambda d: d.execute_script("return document.body.dataset.ready === 'true'"))
    return time.perf_counter() - started


def _column(driver, name: str) -> list:
    from selenium.webdriver.common.by import By

    table = driver.find_element(By.ID, "all-claims-table")
    column = [th.text for th in table.find_elements(By.CSS_SELECTOR, "thead th")].index(name)
    return table.find_elements(By.CSS_SELECTOR, f"tbody tr td:nth-child({column + 1})")


@pytest.mark.slow
def test_report_in_headless_chromium(corpus_report: Path, tmp_path: Path) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    driver = _chromium(tmp_path)
    try:
        _open(driver, corpus_report)
        screenshot = ROOT / "output" / "report.png"
        screenshot.parent.mkdir(exist_ok=True)
        assert driver.save_screenshot(str(screenshot))
        claims = {row["claim_id"]: row for row in pq.read_table(corpus_report.parent / "claims.parquet").to_pylist()}

        def confidences() -> list[float]:
            return [float(cell.get_attribute("data-sort")) for cell in _column(driver, "confidence")]

        before = confidences()
        assert len(before) == min(len(claims), CLAIM_ROWS_PER_PAGE) and before != sorted(before)
        header = driver.find_element(By.XPATH, "//table[@id='all-claims-table']//th[text()='confidence']")
        driver.execute_script("arguments[0].scrollIntoView()", header)
        header.click()
        assert confidences() == sorted(before)
        assert header.get_attribute("aria-sort") == "ascending"
        header.click()
        assert confidences() == sorted(before, reverse=True)

        box = driver.find_element(By.ID, "claim-filter")
        box.send_keys("percent")
        shown = driver.find_elements(By.CSS_SELECTOR, "#all-claims-table tbody tr")
        n_percent = sum(1 for c in claims.values() if c["kind"] == "percent")
        assert len(shown) >= n_percent > 0 and len(shown) < len(claims)
        assert all("percent" in tr.text.lower() for tr in shown)
        assert driver.find_element(By.ID, "claim-count").text == f"{len(shown)} of {len(claims)} claims shown"

        link = _column(driver, "mention")[0].find_element(By.TAG_NAME, "a")
        claim_id = link.get_attribute("href").rsplit("#claim-", 1)[1]
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
        link.click()  # to the article's page, at the claim's row
        assert driver.current_url.endswith(f"report_files/articles-0001.html#claim-{claim_id}")
        assert driver.find_element(By.ID, f"claim-{claim_id}").is_displayed()

        doc_ids = pq.read_table(corpus_report.parent / "documents.parquet", columns=["doc_id"]).column(0).to_pylist()
        sections = driver.find_elements(By.CSS_SELECTOR, "section.article")
        assert sorted(section.get_attribute("id") for section in sections) == sorted(f"doc-{d}" for d in doc_ids)
        mark = driver.find_element(By.CSS_SELECTOR, "section.article mark.claim[data-claim-id]")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
        assert mark.is_displayed() and mark.size["width"] > 0
        row = claims[mark.get_attribute("data-claim-id")]
        assert mark.text.split() == row["mention"].split()
        value = format_claim_value(row)
        assert value in mark.get_attribute("title")
        ActionChains(driver).move_to_element(mark).click().perform()
        assert driver.current_url.endswith(f"#claim-{row['claim_id']}")
        listed = driver.find_element(By.ID, f"claim-{row['claim_id']}")
        assert listed.is_displayed() and value in listed.text
        assert driver.get_log("browser") == []
    finally:
        driver.quit()


ARCHIVE_SIZE = 10_000


@pytest.fixture(scope="module")
def archive_report(corpus_report: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The report of a generated archive of 10,000 articles: the corpus run's rows, repeated under new ids."""
    import pyarrow as pa
    import pyarrow.compute as pc

    out = tmp_path_factory.mktemp("archive")
    source = corpus_report.parent
    documents = pq.read_table(source / "documents.parquet")
    copies = -(-ARCHIVE_SIZE // documents.num_rows)
    for name in ("documents", "claims", "entities"):
        table = pq.read_table(source / f"{name}.parquet")
        parts = []
        for copy in range(copies):
            part = table.set_column(
                table.schema.get_field_index("doc_id"),
                "doc_id",
                pc.binary_join_element_wise(table["doc_id"], f"-{copy}", ""),
            )
            if "claim_id" in part.column_names:
                ids = pc.binary_join_element_wise(part["claim_id"], f"{copy:x}", "")
                part = part.set_column(part.schema.get_field_index("claim_id"), "claim_id", ids)
            parts.append(part)
        whole = pa.concat_tables(parts)
        if name == "documents":
            whole = whole.slice(0, ARCHIVE_SIZE)
        pq.write_table(whole, out / f"{name}.parquet")
    kept = set(pq.read_table(out / "documents.parquet", columns=["doc_id"]).column(0).to_pylist())
    for name in ("claims", "entities"):
        table = pq.read_table(out / f"{name}.parquet")
        pq.write_table(table.filter(pc.is_in(table["doc_id"], pa.array(sorted(kept)))), out / f"{name}.parquet")
    (out / "run.json").write_text(json.dumps({"run_id": "generated-archive", "finished": "now"}))
    return build_report(out)


@pytest.mark.slow
def test_report_of_10000_articles_stays_small_and_opens(archive_report: Path, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    n_claims = pq.read_metadata(archive_report.parent / "claims.parquet").num_rows
    pages = sorted((archive_report.parent / "report_files").glob("articles-*.html"))
    assert len(pages) == ARCHIVE_SIZE // ARTICLES_PER_PAGE
    assert archive_report.stat().st_size < 20e6
    assert max(page.stat().st_size for page in pages) < 5e6
    driver = _chromium(tmp_path)
    try:
        seconds = _open(driver, archive_report)
        print(f"report of {ARCHIVE_SIZE:,} articles, {n_claims:,} claims: drawn in {seconds:.1f} s")
        count = driver.find_element(By.ID, "claim-count")
        assert count.text == f"{n_claims} of {n_claims} claims shown"
        assert len(_column(driver, "mention")) == CLAIM_ROWS_PER_PAGE
        driver.find_element(By.ID, "claims-next").click()
        assert (
            driver.find_element(By.ID, "claims-rows").text
            == f"rows {CLAIM_ROWS_PER_PAGE + 1}–{2 * CLAIM_ROWS_PER_PAGE}"
        )
        last_id = (
            f"{sorted(pq.read_table(archive_report.parent / 'documents.parquet').column('doc_id').to_pylist())[-1]}"
        )
        box = driver.find_element(By.ID, "claim-filter")
        box.send_keys(last_id)
        articles = {cell.text for cell in _column(driver, "article")}
        assert articles == {last_id}
        link = _column(driver, "article")[0].find_element(By.TAG_NAME, "a")
        link.click()
        assert driver.find_element(By.ID, f"doc-{last_id}").is_displayed()
        assert driver.get_log("browser") == []
    finally:
        driver.quit()


def test_build_report_needs_the_tables(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="documents.parquet"):
        build_report(tmp_path)


def test_cli_report_without_tables_fails_cleanly(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "report", "--out", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "documents.parquet not found" in result.stderr
