"""The inputs people have: saved news pages, record files (JSONL, CSV, Parquet) with their own
field names, standard input, and folders holding other files."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import ROOT

from pipeline.cli import main
from pipeline.ingest import STDIN, RecordKeys, count_articles, read_documents

HTML = ROOT / "tests" / "html"
# What the pages' article bodies state, and nothing from their menus, tickers, sidebars or footers.
PAGE_CLAIMS = {
    "acme-results": [
        "18%", "18%", "$412 million", "a third", "9%", "$3.1 billion", "$3 billion", "1,200 engineers", "45 cents",
        "4.5%",
    ],
    "rail-strike": ["£90m", "£90m", "40,000 rail workers", "60%", "7%", "4%"],
}  # fmt: skip
PAGE_DATES = {"acme-results": "2024-05-07", "rail-strike": "2023-11-14"}
NOT_ARTICLE_TEXT = ("Dow", "FTSE", "Subscribe", "Most read", "briefing", "Copyright", "staff", "Related", "Weather")


@pytest.fixture(scope="module")
def pages_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("pages")
    assert main(["extract", str(HTML), "--out", str(out), "--quiet"]) == 0
    return pd.read_parquet(out / "documents.parquet"), pd.read_parquet(out / "claims.parquet")


def test_news_pages_give_the_articles_claims_only(pages_run):
    documents, claims = pages_run
    found = {doc_id: list(group.mention) for doc_id, group in claims.groupby("doc_id")}
    assert found == PAGE_CLAIMS
    for text in documents.text:
        assert not [word for word in NOT_ARTICLE_TEXT if word in text]


def test_news_pages_date_and_text(pages_run):
    documents, claims = pages_run
    assert {row.doc_id: str(row.published) for row in documents.itertuples()} == PAGE_DATES
    assert documents.text.str.startswith(("Acme profit jumps 18%", "Rail strike to cost economy £90m")).all()
    texts = dict(zip(documents.doc_id, documents.text, strict=True))
    for claim in claims.itertuples():  # offsets point into documents.text
        assert texts[claim.doc_id][claim.char_start : claim.char_end] == claim.mention


def test_page_without_an_article_is_skipped_with_the_reason(tmp_path):
    page = tmp_path / "app-shell.html"
    page.write_text("<html><head><title>Loading...</title><script>load()</script></head><body></body></html>")
    [document] = read_documents([page])
    assert (document.status, document.error) == ("skipped", "no article text found in the page")


def test_folder_names_its_files_that_are_not_articles(tmp_path, capsys):
    folder = tmp_path / "in"
    (folder / "notes").mkdir(parents=True)
    (folder / "a.txt").write_text("Acme said sales rose 5%.")
    (folder / "notes" / "todo.md").write_text("- read 5% of it")
    (folder / "data.json").write_text("{}")
    out = tmp_path / "out"
    assert main(["extract", str(folder), "--out", str(out)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        f"2 files in the input folders are not articles, not read: {folder / 'data.json'}, {folder / 'notes/todo.md'}"
    )
    run = json.loads((out / "run.json").read_text())
    assert run["not_articles"] == [str(folder / "data.json"), str(folder / "notes/todo.md")]


RECORDS = [
    {"uid": "r1", "body": "Acme said on Friday its sales rose 5% last year.", "day": "2021-03-05"},
    {"uid": "r2", "body": "Beta Corp will cut 300 jobs, it said.", "day": "2020-01-10"},
]


def _write_records(path, records: list[dict]) -> None:
    if path.suffix == ".jsonl":
        path.write_text("".join(json.dumps(record) + "\n" for record in records))
    elif path.suffix == ".csv":
        pd.DataFrame(records).to_csv(path, index=False)
    else:
        pq.write_table(pa.Table.from_pylist(records), path)


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_record_files_with_their_own_field_names(tmp_path, suffix):
    path = tmp_path / f"articles{suffix}"
    _write_records(path, RECORDS)
    out = tmp_path / "out"
    keys = ["--text-key", "body", "--id-key", "uid", "--date-key", "day"]
    assert main(["extract", str(path), "--out", str(out), "--quiet", *keys]) == 0
    documents = pd.read_parquet(out / "documents.parquet")
    claims = pd.read_parquet(out / "claims.parquet")
    assert [(row.doc_id, str(row.published), row.status) for row in documents.itertuples()] == [
        ("r1", "2021-03-05", "ok"),
        ("r2", "2020-01-10", "ok"),
    ]
    assert [
        (c.doc_id, c.mention, c.value, c.time) for c in claims.astype(object).where(claims.notna(), None).itertuples()
    ] == [
        ("r1", "5%", 5.0, "2020"),
        ("r2", "300 jobs", 300.0, None),
    ]


def test_parquet_dates_may_be_dates(tmp_path):
    path = tmp_path / "dated.parquet"
    pq.write_table(pa.table({"text": ["Sales rose 5% last year."], "published": pa.array([19000], pa.date32())}), path)
    [document] = read_documents([path])
    assert str(document.published) == "2022-01-08"


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_record_file_without_the_text_column_names_its_columns(tmp_path, suffix):
    path = tmp_path / f"articles{suffix}"
    _write_records(path, RECORDS)
    [document] = read_documents([path])
    assert (document.doc_id, document.status) == ("articles", "failed")
    assert document.error == "no column 'text' for the article text (columns: uid, body, day); see --text-key"


def test_bad_csv_row_loses_that_row_only(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text('id,text\na,"Sales rose 5%."\nb,\nc,"Costs fell 2%."\n')
    documents = list(read_documents([path], RecordKeys()))
    assert [(d.doc_id, d.status, d.error, d.path) for d in documents] == [
        ("a", "ok", None, f"{path}:1"),
        ("b", "skipped", "empty article (no text)", f"{path}:2"),
        ("c", "ok", None, f"{path}:3"),
    ]


def test_standard_input_reads_jsonl(tmp_path):
    out = tmp_path / "out"
    lines = "".join(json.dumps({"id": f"s{n}", "text": f"Profit rose {n}%."}) + "\n" for n in (3, 4))
    subprocess.run(
        [sys.executable, "-m", "pipeline", "extract", "-", "--out", str(out), "--quiet"],
        input=lines,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    claims = pd.read_parquet(out / "claims.parquet")
    assert [(c.doc_id, c.mention) for c in claims.itertuples()] == [("s3", "3%"), ("s4", "4%")]
    assert pd.read_parquet(out / "documents.parquet").path.tolist() == ["<stdin>:1", "<stdin>:2"]


def test_count_articles_for_the_progress_bar(tmp_path):
    files = {name: tmp_path / name for name in ("a.txt", "b.html", "r.jsonl", "r.csv", "r.parquet")}
    files["a.txt"].write_text("x")
    files["b.html"].write_text("<p>x</p>")
    for suffix in (".jsonl", ".csv", ".parquet"):
        _write_records(files[f"r{suffix}"], RECORDS * 3)
    assert count_articles(files.values()) == 2 + 3 * 6
    dash = tmp_path / "-"  # a file named `-` in a folder is a file, not standard input
    dash.write_text("x")
    assert count_articles([*files.values(), dash]) == 2 + 3 * 6 + 1
    os.mkfifo(tmp_path / "pipe.jsonl")  # counted as one (it is never opened), recorded as failed later
    assert count_articles([tmp_path / "pipe.jsonl"]) == 1
    assert count_articles([files["a.txt"], STDIN]) is None
