"""Money in US dollars: each branch of `fx.py`, with the rate and where it came from."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline import fx
from pipeline.stages import extract_text

STORY = (
    "Japan's trade surplus with the US last year stood at ¥8.6 trillion ($59.4 billion). Toyota earned "
    "¥2 trillion. Priced from around 1.1 million yen, or about $9,800, these cars sell. In Europe, sales were "
    "€2bn."
)
YEN_RATES = sorted([59.4e9 / 8.6e12, 9800 / 1.1e6])


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        (
            "2016-03-01",
            [
                ("¥8.6 trillion", 59.4e9, 59.4e9 / 8.6e12, "article: ¥8.6 trillion ($59.4 billion)"),
                ("$59.4 billion", 59.4e9, 1.0, "USD"),
                (
                    "¥2 trillion",
                    2e12 * sum(YEN_RATES) / 2,
                    sum(YEN_RATES) / 2,
                    "article: ¥8.6 trillion ($59.4 billion)",
                ),
                ("1.1 million yen", 9800.0, 9800 / 1.1e6, "article: 1.1 million yen, or about $9,800"),
                ("$9,800", 9800.0, 1.0, "USD"),
                ("€2bn", 2e9 * 1.0872, 1.0872, "ECB 2016-03-01"),  # a Tuesday: that day's rate
            ],
        ),
        ("2016-03-06", [("€2bn", 2e9 * 1.097, 1.097, "ECB 2016-03-04")]),  # a Sunday: Friday's rate
        ("1987-03-01", [("€2bn", None, None, None)]),  # before the ECB's first rate (1999-01-04)
        (None, [("€2bn", None, None, None)]),  # no date, no rate
    ],
    ids=["stated-and-ecb", "weekend", "before-the-ecb", "no-date"],
)
def test_value_usd_by_rule(nlp, published, expected):
    claims = {claim.mention: claim for claim in extract_text(STORY, nlp, published=published).claims}
    found = [
        (mention, claims[mention].value_usd, claims[mention].fx_rate, claims[mention].fx_source)
        for mention, *_ in expected
    ]
    assert [row[0] for row in found] == [row[0] for row in expected]
    for (_, usd, rate, source), (_, want_usd, want_rate, want_source) in zip(found, expected, strict=True):
        assert source == want_source
        assert (usd, rate) == (
            (None, None) if want_usd is None else (pytest.approx(want_usd), pytest.approx(want_rate))
        )


def test_counts_and_percents_have_no_dollar_value(nlp):
    claims = extract_text("Sales rose 5% and it hired 300 workers.", nlp, published="2016-03-01").claims
    assert [(claim.value_usd, claim.fx_rate, claim.fx_source) for claim in claims] == [(None, None, None)] * 2


def test_rates_let_go_are_loaded_again_when_asked_for() -> None:
    before = fx.ecb_rate("EUR", date(2016, 3, 1))
    fx.release_rates()
    assert (fx._converter.cache_info().currsize, fx.ecb_rate("EUR", date(2016, 3, 1))) == (0, before)
