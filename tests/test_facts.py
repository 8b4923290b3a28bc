"""Facts across articles (`pipeline/facts.py`): one written fixture per rule, then a whole run."""

from __future__ import annotations

import math
from datetime import date

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest
from conftest import CORPUS

from pipeline.claims import interval
from pipeline.cli import main
from pipeline.facts import build_facts
from pipeline.outputs import claims_table
from pipeline.records import Claim


def claim(claim_id: str, doc_id: str, mention: str, value: float, **fields) -> Claim:
    """A claims row about Toyota's US car sales in 2016 unless `fields` say otherwise."""
    row = {
        "claim_id": claim_id, "doc_id": doc_id, "published": date(2017, 1, 10), "sentence_id": 0,
        "char_start": 0, "char_end": len(mention), "mention": mention, "kind": "count", "value": value,
        "value_low": None, "value_high": None, "qualifier": "exact", "unit": "car", "role": None,
        "direction": None, "subject": "cars sold in the US", "entity": "Toyota Motor Corp", "time": "2016",
        "measure": "car sale", "source": None, "entity_label": "ORG",
    } | fields  # fmt: skip
    low, high = interval(row["mention"], row["value"], row["value_low"], row["value_high"], row["qualifier"])
    return Claim(**row, interval_low=low, interval_high=high)


SURPLUS = {"kind": "money", "measure": "trade surplus", "entity": "Japan"}
PROFIT = {"kind": "money", "unit": "NLG", "measure": "net profit"}
CENTS = {"kind": "money", "unit": "USD", "measure": "shr"}
CASES = [
    ("agree",
     [claim("a", "d1", "3.3 million cars", 3.3e6), claim("b", "d2", "3.3 million", 3.3e6, qualifier="approx")],
     [("agree", ["a", "b"])]),
    ("conflict",
     [claim("a", "d1", "3.3 million cars", 3.3e6), claim("b", "d2", "4 million cars", 4e6)],
     [("conflict", ["a", "b"])]),
    ("one-article-with-two-values-is-ambiguous",
     [claim("a", "d1", "46 cts", 0.46, **CENTS), claim("b", "d1", "22 cts", 0.22, **CENTS),
      claim("c", "d2", "46 cts", 0.46, **CENTS)],
     [("ambiguous", ["a", "b", "c"])]),
    ("one-article-repeating-agrees",
     [claim("a", "d1", "3.3 million cars", 3.3e6), claim("b", "d1", "3.3 million cars", 3.3e6)],
     [("agree", ["a", "b"])]),
    ("more-than-and-about-agree",
     [claim("a", "d1", "34,000 jobs", 34e3, qualifier="more_than"),
      claim("b", "d2", "40,000 jobs", 40e3, qualifier="approx")],
     [("agree", ["a", "b"])]),
    ("rounding-agrees",
     [claim("a", "d1", "3.3 million cars", 3.3e6), claim("b", "d2", "3,340,000 cars", 3.34e6)],
     [("agree", ["a", "b"])]),
    ("single", [claim("a", "d1", "3.3 million cars", 3.3e6)], [("single", ["a"])]),
    ("other-period-other-fact",
     [claim("a", "d1", "3.3 million cars", 3.3e6), claim("b", "d2", "2.1 million", 2.1e6, time="2015")],
     [("single", ["a"]), ("single", ["b"])]),
    ("no-period-takes-the-year-published",
     [claim("a", "d1", "3.3 million", 3.3e6, time=None),
      claim("b", "d2", "2.1 million", 2.1e6, time=None, published=date(2018, 2, 1))],
     [("single", ["a"]), ("single", ["b"])]),
    ("from-is-left-out",
     [claim("a", "d1", "3.3 million cars", 3.3e6, role="to"), claim("b", "d1", "2.1 million cars", 2.1e6, role="from")],
     [("single", ["a"])]),
    ("change-is-its-own-aspect",
     [claim("a", "d1", "3.3 million cars", 3.3e6), claim("b", "d1", "300,000 cars", 3e5, role="by")],
     [("single", ["a"]), ("single", ["b"])]),
    ("measure-only-the-counted-thing",
     [claim("a", "d1", "3.3 million cars", 3.3e6, measure="car"),
      claim("b", "d2", "4 million cars", 4e6, measure="car")],
     []),
    ("conversion-in-dollars-is-one-statement",
     [claim("a", "d1", "¥8.6 trillion", 8.6e12, unit="JPY", fx_rate=59.4e9 / 8.6e12, value_usd=59.4e9, **SURPLUS),
      claim("b", "d1", "$59.4 billion", 59.4e9, unit="USD", fx_rate=1.0, value_usd=59.4e9, **SURPLUS)],
     [("agree", ["a", "b"])]),
    ("per-share-is-not-the-total",
     [claim("a", "d1", "2.50 guilders", 2.5, subject="net profit per share", **PROFIT),
      claim("b", "d1", "30.7 mln guilders", 30.7e6, subject="net profit", **PROFIT)],
     [("single", ["a"]), ("single", ["b"])]),
]  # fmt: skip


@pytest.mark.parametrize(("claims", "expected"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_facts_by_rule(tmp_path, claims, expected):
    source = tmp_path / "claims.parquet"
    pq.write_table(claims_table(claims), source)
    build_facts(source, tmp_path / "facts.parquet", tmp_path / "linked.parquet")
    facts = pd.read_parquet(tmp_path / "facts.parquet")
    assert sorted((row.status, list(row.claim_ids)) for row in facts.itertuples()) == sorted(expected)
    linked = pd.read_parquet(tmp_path / "linked.parquet")
    assert linked.claim_id.tolist() == [c.claim_id for c in claims]  # the claims keep their order
    in_facts = {claim_id for _, ids in expected for claim_id in ids}
    assert set(linked[linked.fact_id.notna()].claim_id) == in_facts


def test_fact_columns(tmp_path):
    claims = [claim("a", "d1", "3.3 million cars", 3.3e6, source="Toyota"), claim("b", "d2", "4 million cars", 4e6)]
    pq.write_table(claims_table(claims), tmp_path / "claims.parquet")
    build_facts(tmp_path / "claims.parquet", tmp_path / "facts.parquet", tmp_path / "linked.parquet")
    [fact] = pd.read_parquet(tmp_path / "facts.parquet").to_dict("records")
    lists = ("claim_ids", "doc_ids", "sources")
    assert {key: list(value) if key in lists else value for key, value in fact.items() if key != "fact_id"} == {
        "entity": "Toyota Motor Corp", "measure": "car sale", "kind": "count", "unit": "car", "time": "2016",
        "aspect": "level", "n_claims": 2, "n_articles": 2, "value_min": 3.3e6, "value_max": 4e6,
        "value_consensus": 3.65e6, "spread": pytest.approx(4 / 3.3 - 1), "status": "conflict",
        "claim_ids": ["a", "b"], "doc_ids": ["d1", "d2"], "sources": ["Toyota"],
    }  # fmt: skip
    assert len(fact["fact_id"]) == 16 and not math.isnan(fact["spread"])


def test_a_run_publishes_facts_and_conflicts(nlp, tmp_path):
    out = tmp_path / "out"
    assert main(["extract", str(CORPUS), "--out", str(out), "--quiet"]) == 0
    facts = pd.read_parquet(out / "facts.parquet")
    claims = pd.read_parquet(out / "claims.parquet")
    assert set(claims.fact_id.dropna()) == set(facts.fact_id)
    surplus = facts[(facts.entity == "Japan") & (facts.measure == "trade surplus")]
    assert surplus[["unit", "n_claims", "status"]].values.tolist() == [["USD", 2, "agree"]]  # ¥8.6tn ($59.4bn)
    with duckdb.connect(str(out / "claims.duckdb"), read_only=True) as connection:
        assert connection.execute("SELECT count(*) FROM facts").fetchone()[0] == len(facts)
        conflicts = connection.execute("SELECT count(*) FROM conflicts").fetchone()[0]
        assert conflicts == (facts.status == "conflict").sum()
        assert connection.execute("SELECT count(fact_id) FROM claims").fetchone()[0] == claims.fact_id.notna().sum()
    assert pd.read_csv(out / "facts.csv").fact_id.tolist() == facts.fact_id.tolist()
