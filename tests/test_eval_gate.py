"""Regression gate: extraction accuracy on the gold sets never drops below the committed baseline.

Raising the baseline is a deliberate commit: `make eval BASELINE_ARGS=--write-baseline`.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest
from conftest import CORPUS, FIXTURES, HELDOUT, REAL, ROOT

from pipeline.evaluate import drops, evaluate, load_gold, names_match, token_f1

BASELINES = ROOT / "tests" / "baseline"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("run_fixture", "gold_path", "baseline"),
    [
        ("corpus_run", CORPUS / "gold" / "claims.jsonl", "corpus.json"),
        ("fixtures_run", FIXTURES / "gold" / "claims.jsonl", "fixtures.json"),
        ("heldout_run", HELDOUT / "gold" / "claims.jsonl", "heldout.json"),
        ("real_dev_run", REAL / "dev" / "gold" / "claims.jsonl", "real-dev.json"),
        ("real_heldout_run", REAL / "heldout" / "gold" / "claims.jsonl", "real-heldout.json"),
    ],
    ids=["corpus", "fixtures", "heldout", "real-dev", "real-heldout"],
)
def test_no_figure_drops_below_the_baseline(request, run_fixture, gold_path, baseline) -> None:
    run = request.getfixturevalue(run_fixture)
    out = run[0] if isinstance(run, tuple) else run
    report = evaluate(load_gold(gold_path), pd.read_parquet(out / "claims.parquet"))
    fallen = drops(report, json.loads((BASELINES / baseline).read_text()))
    assert not fallen, "\n".join(fallen)


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        ("Akazawa", "Ryosei Akazawa", True),
        ("the U.S. Commerce Department", "U.S. Commerce Department", True),
        ("Japan", "United States", False),
        (None, None, True),
        (None, "Japan", False),
    ],
)
def test_names_match(gold, pred, expected) -> None:
    assert names_match(gold, pred) is expected


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        ("u.s. trade deficit with japan", "U.S. trade deficit with Japan", 1.0),
        ("cars Japanese automakers make", "cars", 0.4),
        ("market", "vehicles", 0.0),
    ],
)
def test_token_f1(gold, pred, expected) -> None:
    assert token_f1(gold, pred) == pytest.approx(expected)


def test_evaluate_counts_detection_and_attributes() -> None:
    gold = pd.DataFrame(
        [
            {
                "doc_id": "d",
                "char_start": 0,
                "char_end": 4,
                "mention": "$5bn",
                "kind": "money",
                "value": 5e9,
                "value_low": None,
                "value_high": None,
                "qualifier": "exact",
                "unit": "USD",
                "role": None,
                "subject": "deal",
                "entity": "Acme",
                "time": "2020",
                "source": None,
            },
            {
                "doc_id": "d",
                "char_start": 10,
                "char_end": 13,
                "mention": "5 %",
                "kind": "percent",
                "value": 5.0,
                "value_low": None,
                "value_high": None,
                "qualifier": "exact",
                "unit": "%",
                "role": None,
                "subject": "growth",
                "entity": None,
                "time": None,
                "source": None,
            },
        ]
    )
    pred = gold.iloc[[0]].assign(unit="EUR", char_end=3)
    pred = pd.concat([pred, gold.iloc[[0]].assign(char_start=20, char_end=24)], ignore_index=True)
    report = evaluate(gold, pred)
    assert report["overall"]["precision"] == 0.5
    assert report["overall"]["recall"] == 0.5
    assert report["overall"]["unit"] == 0.0
    assert report["overall"]["value"] == 1.0
    assert report["percent"]["recall"] == 0.0


@pytest.mark.parametrize("gold_dir", [CORPUS / "gold", FIXTURES / "gold"], ids=["corpus", "fixtures"])
def test_second_annotation_is_well_formed(gold_dir) -> None:
    """The second annotator's file, which `make eval` scores as inter-annotator agreement, relinks the
    first annotator's claims: the same spans of the same articles, quoted exactly, in the same columns."""
    first = [json.loads(line) for line in (gold_dir / "claims.jsonl").read_text(encoding="utf-8").splitlines()]
    second = [
        json.loads(line) for line in (gold_dir / "second_annotator.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert second and all(list(row) == list(first[0]) for row in second)
    texts = {path.stem: path.read_text(encoding="utf-8") for path in gold_dir.parent.glob("*.txt")}
    for row in second:
        assert texts[row["doc_id"]][row["char_start"] : row["char_end"]] == row["mention"], row
    covered = {row["doc_id"] for row in second}
    spans = [(row["doc_id"], row["char_start"], row["char_end"]) for row in first if row["doc_id"] in covered]
    assert [(row["doc_id"], row["char_start"], row["char_end"]) for row in second] == spans


def _pair(confidence: float, rules: list[str], wrong: tuple[str, ...] = ()) -> dict:
    from pipeline.evaluate import ATTRIBUTES

    return {"confidence": confidence, "link_rules": rules, "right": {name: name not in wrong for name in ATTRIBUTES}}


def test_summary_counts_rules_and_calibration() -> None:
    from pipeline.evaluate import summarize

    reports = {
        "a": {
            "pairs": [_pair(0.95, ["subject:of-phrase", "entity:topic"]), _pair(0.95, ["entity:topic"], ("entity",))]
        },
        "b": {"pairs": [_pair(0.5, ["subject:of-phrase"], ("subject", "time"))]},
    }
    lines = summarize(reports, ["subject:of-phrase", "subject:never", "entity:topic"]).splitlines()
    table = {line.split()[0]: line.split()[1:] for line in lines[2:7]}
    assert table["subject:of-phrase"] == ["2", "1", "0.500"]
    assert table["subject:never"] == ["0", "0", "-"]
    assert table["entity:topic"] == ["2", "1", "0.500"]
    assert table["subject:(none)"] == ["1", "1", "1.000"]
    assert table["entity:(none)"] == ["1", "1", "1.000"]
    assert "0.4-0.6           1  0.000 (mean confidence 0.500)" in lines
    assert "0.8-1.0           2  0.500 (mean confidence 0.950)" in lines
    assert "confidence >= 0.9: 2 rows, 0.500 fully right" in lines
    # |0 - 0.5| * 1/3 + |0.5 - 0.95| * 2/3
    assert lines[-1] == "expected calibration error: 0.467"
