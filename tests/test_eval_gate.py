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


@pytest.mark.parametrize(
    ("gold_dir", "expected"),
    [
        (CORPUS / "gold", {"entity": 1.0, "time": 1.0, "source": 1.0, "subject": 0.919}),
        (FIXTURES / "gold", {"entity": 1.0, "time": 1.0, "source": 0.922, "subject": 0.860}),
    ],
    ids=["corpus", "fixtures"],
)
def test_second_annotator_agreement(tmp_path, gold_dir, expected) -> None:
    """The README's inter-annotator figures: a second annotator's linking columns, scored with
    `python -m pipeline eval --pred second_annotator.jsonl` against the gold."""
    from pipeline.evaluate import main

    out = tmp_path / "agreement.json"
    assert main(gold_dir / "second_annotator.jsonl", gold_dir / "claims.jsonl", out) == 0
    overall = json.loads(out.read_text())["overall"]
    assert overall["f1"] == 1.0
    assert {name: round(overall[name], 3) for name in expected} == expected
