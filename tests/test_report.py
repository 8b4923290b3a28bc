"""The HTML report (issue 7): pure rendering functions on hand-made rows, then the real page in Chromium."""

from __future__ import annotations

import re
import subprocess
import sys
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.report import (
    build_report,
    claim_title,
    format_claim_value,
    format_value,
    render_all_claims,
    render_article,
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


def test_all_claims_table_has_filter_and_sortable_numeric_headers() -> None:
    text = "$5bn"
    html = render_all_claims([claim(0, 4, text)])
    assert 'id="claim-filter"' in html and "1 of 1 claims shown" in html
    assert "<th>article</th><th>mention</th>" in html
    assert '<th data-type="number">value</th>' in html and '<th data-type="number">confidence</th>' in html


def test_report_page_is_self_contained() -> None:
    text = "The $5bn deal"
    documents = [{"doc_id": "d1", "path": "d1.txt", "status": "ok", "error": None, "text": text, "published": None}]
    html = render_report(documents, [claim(4, 8, text, entity="Acme")], [entity(0, 3, text)], title="out")
    assert html.startswith("<!DOCTYPE html>")
    assert "What you are looking at" in html and '<section class="article" id="doc-d1">' in html
    assert html.count("data:image/png;base64,") == 3
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html), "the page must not load anything"


@pytest.fixture(scope="module")
def corpus_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real pipeline on the corpus, then the report."""
    out_dir = tmp_path_factory.mktemp("report")
    subprocess.run(
        [sys.executable, "-m", "pipeline", "extract", "corpus", "--out", str(out_dir), "--quiet"],
        cwd=ROOT,
        check=True,
        timeout=300,
    )
    return build_report(out_dir)


@pytest.mark.slow
def test_report_on_the_corpus_has_every_article(corpus_report: Path) -> None:
    html = corpus_report.read_text(encoding="utf-8")
    doc_ids = pq.read_table(corpus_report.parent / "documents.parquet", columns=["doc_id"]).column(0).to_pylist()
    assert doc_ids
    for doc_id in doc_ids:
        assert f'<section class="article" id="doc-{doc_id}">' in html
    assert re.search(r'<mark class="claim" data-claim-id="[0-9a-f]{16}"', html)


@pytest.mark.slow
def test_report_in_headless_chromium(corpus_report: Path, tmp_path: Path) -> None:
    if not CHROMIUM.exists() or not CHROMEDRIVER.exists():
        pytest.skip(f"needs {CHROMIUM} and {CHROMEDRIVER} (apt-get install chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    options = Options()
    options.binary_location = str(CHROMIUM)
    for argument in (*CHROMIUM_ARGS, f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    try:
        driver.get(corpus_report.as_uri())
        screenshot = ROOT / "output" / "report.png"
        screenshot.parent.mkdir(exist_ok=True)
        assert driver.save_screenshot(str(screenshot))

        doc_ids = pq.read_table(corpus_report.parent / "documents.parquet", columns=["doc_id"]).column(0).to_pylist()
        sections = driver.find_elements(By.CSS_SELECTOR, "section.article")
        assert sorted(section.get_attribute("id") for section in sections) == sorted(f"doc-{d}" for d in doc_ids)

        claims = {row["claim_id"]: row for row in pq.read_table(corpus_report.parent / "claims.parquet").to_pylist()}
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

        table = driver.find_element(By.ID, "all-claims-table")
        header = table.find_element(By.XPATH, ".//th[text()='confidence']")
        column = [th.text for th in table.find_elements(By.CSS_SELECTOR, "thead th")].index("confidence")

        def confidences() -> list[float]:
            cells = table.find_elements(By.CSS_SELECTOR, f"tbody tr td:nth-child({column + 1})")
            return [float(cell.get_attribute("data-sort")) for cell in cells]

        before = confidences()
        assert len(before) == len(claims) and before != sorted(before)
        driver.execute_script("arguments[0].scrollIntoView()", header)
        header.click()
        assert confidences() == sorted(before)
        assert header.get_attribute("aria-sort") == "ascending"
        header.click()
        assert confidences() == sorted(before, reverse=True)

        box = driver.find_element(By.ID, "claim-filter")
        box.send_keys("percent")
        shown = [tr for tr in table.find_elements(By.CSS_SELECTOR, "tbody tr") if tr.is_displayed()]
        n_percent = sum(1 for c in claims.values() if c["kind"] == "percent")
        assert len(shown) >= n_percent > 0 and len(shown) < len(claims)
        assert all("percent" in tr.text.lower() for tr in shown)
        assert driver.find_element(By.ID, "claim-count").text == f"{len(shown)} of {len(claims)} claims shown"
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
