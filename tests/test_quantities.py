"""The quantity recognizer against the table of realistic newswire sentences in quantity_cases.py."""

from __future__ import annotations

import time

import pandas as pd
import pytest
from conftest import CORPUS
from hypothesis import given, settings
from hypothesis import strategies as st
from quantity_cases import CASES, Q
from quantity_cases_heldout import HELDOUT

from pipeline.evaluate import load_gold
from pipeline.quantities import find_quantities, merge_entities
from pipeline.stages import extract_text


def _found(nlp, sentence: str) -> list[Q]:
    claims = extract_text(sentence, nlp).claims
    return [
        Q(c.mention, c.kind, c.value, c.unit, c.qualifier, c.value_low, c.value_high, c.role, c.direction)
        for c in claims
    ]


# ---------------------------------------------------------------------------------------------
# Held-out set: sentences written by a second person who saw neither the recognizer nor the dev
# cases above. Known failures are kept, marked xfail(strict): a fix makes them pass and the suite
# then asks for the id to be removed from HELDOUT_KNOWN_FAILURES, a deliberate change.
HELDOUT_KNOWN_FAILURES = {
    "in-paytm-crore-users",
    "fed-hike-75bp-range",
    "us-payrolls-well-above-forecast",
    "ma-seven-i-stores",
    "startup-half-a-billion",
    "half-revenue-up-from-quarter",
    "branches-count-noun-after",
    "boeing-deliveries-model-numbers",
    "opec-bpd",
    "sp500-eleven-sectors",
    "thirty-pct-club-name",
    # roles and directions of the revised contract these sentences state in ways no rule reads yet
    "ma-siemens-premium",
    "chipmaker-layoffs",
    "oil-prices-cents",
    "ftse-100-250",
    "hk-shares-as-much-as",
    "ninety-nine-cents-name",
    "fifth-third-tier-1",
    "scope-3-over",
}


# The dev cases (quantity_cases.py) and the held-out cases (quantity_cases_heldout.py, see
# HELDOUT_KNOWN_FAILURES above) run through the same check.
def _case_params() -> list:
    dev = [pytest.param(sentence, expected, id=case_id) for case_id, sentence, expected in CASES]
    heldout = [
        pytest.param(
            sentence,
            expected,
            id=f"heldout-{case_id}",
            marks=[pytest.mark.xfail(strict=True)] if case_id in HELDOUT_KNOWN_FAILURES else [],
        )
        for case_id, sentence, expected in HELDOUT
    ]
    return dev + heldout


@pytest.mark.parametrize(("sentence", "expected"), _case_params())
def test_quantity_case(nlp, sentence: str, expected: list[Q]) -> None:
    found = _found(nlp, sentence)
    approximate = [q._replace(value=pytest.approx(q.value, rel=1e-9)) for q in expected]
    assert approximate == found, f"sentence: {sentence}"


# ---------------------------------------------------------------------------------------------
# Robustness: arbitrary text never raises, and pathological inputs take linear time.

_NEWSY = st.lists(
    st.sampled_from(
        list("0123456789$%€£¥,.-– ()abcmkMBnptTY")
        + [
            " million",
            " bn",
            " pct",
            " per cent",
            " dlrs",
            " about",
            " more than",
            " between",
            " and",
            " to",
            " from",
            " half",
            " a third of",
            "Rs ",
            "HK$",
            "\n",
        ]
    ),
    max_size=80,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(text=_NEWSY)
def test_recognizer_never_raises(nlp, text: str) -> None:
    for quantity in find_quantities(nlp(text)):
        assert 0 <= quantity.start < quantity.end <= len(text)
        assert quantity.kind in ("money", "percent", "count")


@settings(max_examples=60, deadline=None)
@given(text=st.text(max_size=300))
def test_recognizer_on_any_unicode(nlp, text: str) -> None:
    find_quantities(nlp(text))


@pytest.mark.parametrize(
    "unit",
    [
        "9",
        "$ ",
        "$ 5 ",
        "... ",
        "about ",
        "-",
        "1,000,",
        "more than about ",
        "between 3 and ",
        "Net 5 vs 4\n",
        "rose 5 pct to 4 dlrs from 3 dlrs ",
        "5 mln and ",
    ],
    ids=[
        "digits",
        "dollars",
        "amounts",
        "dots",
        "qualifiers",
        "dashes",
        "groupings",
        "nested-qualifiers",
        "ranges",
        "table-rows",
        "changes",
        "scaled-lists",
    ],
)
def test_pathological_inputs_take_linear_time(nlp, unit: str) -> None:
    def seconds(repeat: int) -> float:
        doc = nlp.make_doc(unit * repeat)  # tokenizer only: the recognizer's own cost is measured
        started = time.perf_counter()
        find_quantities(doc)
        return time.perf_counter() - started

    seconds(500)  # warm up
    small, large = seconds(5_000), seconds(20_000)
    assert large < max(small, 0.01) * 12, f"{unit!r}: {small:.3f}s for 5k, {large:.3f}s for 20k"


def test_hundred_thousand_digit_number_is_not_a_quantity(nlp) -> None:
    assert find_quantities(nlp.make_doc("Revenue was $" + "9" * 100_000 + " billion.")) == []


@pytest.mark.slow
def test_every_gold_money_and_percent_of_the_corpus(corpus_run) -> None:
    """Every money and percent mention of the three articles, with the right value, unit and qualifier."""
    gold = load_gold(CORPUS / "gold" / "claims.jsonl")
    gold = gold[gold.kind.isin(["money", "percent"])]
    predicted = pd.read_parquet(corpus_run[0] / "claims.parquet").set_index(["doc_id", "char_start", "char_end"])
    assert len(gold) == 28
    for row in gold.itertuples():
        claim = predicted.loc[(row.doc_id, row.char_start, row.char_end)]
        assert (claim.kind, claim.unit, claim.qualifier) == (row.kind, row.unit, row.qualifier), row.mention
        assert claim.value == pytest.approx(row.value, rel=1e-6), row.mention


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Trump left the 12-nation Trans-Pacific Partnership last week.",
            {("12", "CARDINAL"), ("Trans-Pacific Partnership", "ORG")},
        ),
        ("Profit rose to 120 mln dlrs, or 12 cts a share.", {("120 mln dlrs", "MONEY"), ("12 cts", "MONEY")}),
        ("Japan can't accept the 25 per cent tariffs.", {("Japan", "GPE"), ("25 per cent", "PERCENT")}),
        (
            "Toyota employs about 40,000 American workers.",
            {("Toyota", "ORG"), ("40,000", "CARDINAL"), ("American", "NORP")},
        ),
    ],
    ids=["name-after-count", "unit-word-tagged-org", "percent-tagged-money", "nationality-inside-count"],
)
def test_merge_entities_lets_the_recognizer_win(nlp, sentence: str, expected: set) -> None:
    doc = nlp(sentence)
    merge_entities(doc, find_quantities(doc))
    assert {(ent.text, ent.label_) for ent in doc.ents if ent.label_ != "DATE"} == expected


def test_a_sentence_with_many_figures_links_in_linear_time(nlp) -> None:
    def seconds(count: int) -> float:
        started = time.perf_counter()
        claims = extract_text("Rates were " + "5% " * count + "in 2020.", nlp).claims
        assert len(claims) == count
        return time.perf_counter() - started

    seconds(50)  # warm up
    small, large = seconds(300), seconds(1200)
    assert large < max(small, 0.05) * 10, f"{small:.2f}s for 300 figures, {large:.2f}s for 1200"


@pytest.mark.parametrize(
    ("article", "expected"),
    [
        (
            "TORONTO (Reuters) - Magna raised C$2.5 billion and will repay a $300 million loan.",
            [("C$2.5 billion", "CAD"), ("$300 million", "CAD")],
        ),
        (
            "SYDNEY - Qantas paid A$1.2 billion, or $800 million in U.S. dollars.",
            [("A$1.2 billion", "AUD"), ("$800 million", "USD")],
        ),
        (
            "The port deal cost C$2.5 billion and HK$300 million; fees were $5 million.",
            [("C$2.5 billion", "CAD"), ("HK$300 million", "HKD"), ("$5 million", "USD")],
        ),
        ("Toyota will invest $10 billion in the United States.", [("$10 billion", "USD")]),
    ],
    ids=["canadian-article", "us-dollars-named", "two-dollars-named", "no-other-dollar"],
)
def test_bare_dollar_takes_the_articles_dollar(nlp, article: str, expected: list) -> None:
    claims = extract_text(article, nlp).claims
    assert [(claim.mention, claim.unit) for claim in claims] == expected
