"""Facts across articles (`pipeline/facts.py`): one written fixture per rule, then a whole run."""

from __future__ import annotations

import json
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
    ("values-whose-rounding-only-touches-conflict",
     [claim("a", "d1", "27 cts", 0.27, **CENTS), claim("b", "d2", "28 cts", 0.28, **CENTS)],
     [("conflict", ["a", "b"])]),
    ("one-article-with-touching-values-is-ambiguous",  # reuters: `Oper shr 27 cts vs 28 cts`
     [claim("a", "d1", "27 cts", 0.27, **CENTS), claim("b", "d1", "28 cts", 0.28, **CENTS)],
     [("ambiguous", ["a", "b"])]),
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


def test_claims_keep_their_order_and_facts_over_many_row_groups(tmp_path):
    """The claims with their fact ids are a streaming projection of the claims file: row groups are
    read in order, and each claim's `fact_id` is that of the fact listing it."""
    claims = [
        claim(f"c{n:05d}", f"d{n // 5:04d}", f"{n % 7 + 1} million cars", (n % 7 + 1) * 1e6, entity=f"Maker {n % 13}")
        for n in range(20_000)
    ]
    source = tmp_path / "claims.parquet"
    pq.write_table(claims_table(claims), source, row_group_size=700)
    build_facts(source, tmp_path / "facts.parquet", tmp_path / "linked.parquet")
    linked = pd.read_parquet(tmp_path / "linked.parquet")
    assert linked.claim_id.tolist() == [c.claim_id for c in claims]
    facts = pd.read_parquet(tmp_path / "facts.parquet")
    assert len(facts) == 13 and facts.n_claims.sum() == 20_000
    listed = {claim_id: row.fact_id for row in facts.itertuples() for claim_id in row.claim_ids}
    assert linked.fact_id.tolist() == [listed[c.claim_id] for c in claims]


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
    first = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert first["facts_reused"] == 0 and first["facts_computed"] == len(facts)
    assert main(["extract", str(CORPUS), "--out", str(out), "--quiet"]) == 0  # nothing changed
    again = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert again["facts_reused"] == len(facts) and again["facts_computed"] == 0
    assert pd.read_parquet(out / "facts.parquet").equals(facts)


def _facts_rows(path) -> list[dict]:
    return sorted(pq.read_table(path).to_pylist(), key=lambda row: row["fact_id"])


def test_a_rerun_recomputes_only_the_facts_whose_claims_changed(tmp_path):
    """Against the previous run's tables, a changed value, a removed article and a new one recompute
    their facts only; the table is the one a run from scratch gives."""
    import pyarrow as pa
    import pyarrow.compute as pc

    from pipeline.bench import generated_claims

    before, after, scratch = (tmp_path / name for name in ("before", "after", "scratch"))
    for folder in (before, after, scratch):
        folder.mkdir()
    generated_claims(before, 300, per_article=4)
    built = build_facts(before / "claims.parquet", before / "facts.parquet", before / "linked.parquet")
    assert built.reused == 0 and built.computed > 0
    (before / "linked.parquet").replace(before / "claims.parquet")
    table = pq.read_table(before / "claims.parquet").drop(["fact_id"])
    table = table.filter(pc.not_equal(table["doc_id"], "a0000007"))  # an article removed
    values = table["value"].to_pylist()
    values[0] *= 3  # a value changed
    table = table.set_column(table.schema.get_field_index("value"), "value", pa.array(values))
    added = table.slice(1, 1).to_pylist()[0] | {"claim_id": "new0001", "doc_id": "a9999999"}
    table = pa.concat_tables([table, pa.Table.from_pylist([added], schema=table.schema)])
    for folder in (after, scratch):
        pq.write_table(table, folder / "claims.parquet")
    rerun = build_facts(after / "claims.parquet", after / "facts.parquet", after / "linked.parquet", before)
    fresh = build_facts(scratch / "claims.parquet", scratch / "facts.parquet", scratch / "linked.parquet")
    assert _facts_rows(after / "facts.parquet") == _facts_rows(scratch / "facts.parquet")
    assert rerun.reused > 0 and 0 < rerun.computed <= 8  # the changed value's facts, the removed and added
    assert rerun.computed + rerun.reused == fresh.computed
    linked = [pq.read_table(folder / "linked.parquet").sort_by("claim_id") for folder in (after, scratch)]
    assert linked[0].equals(linked[1])


def test_a_previous_run_of_another_layout_means_all_facts_are_computed(tmp_path):
    before, after = tmp_path / "before", tmp_path / "after"
    before.mkdir()
    after.mkdir()
    pq.write_table(claims_table([claim("c1", "d1", "5 pct", 5.0)]).select(["claim_id"]), before / "claims.parquet")
    pq.write_table(claims_table([claim("c1", "d1", "5 pct", 5.0)]).select(["claim_id"]), before / "facts.parquet")
    pq.write_table(claims_table([claim("c1", "d1", "5 pct", 5.0), claim("c2", "d2", "5 pct", 5.0)]),
                   after / "claims.parquet")  # fmt: skip
    built = build_facts(after / "claims.parquet", after / "facts.parquet", after / "linked.parquet", before)
    assert built.reused == 0 and built.computed == 1
