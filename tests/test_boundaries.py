"""Sentence boundaries of prepared news text (`annotate.news_boundaries` before the parser):
paragraphs, table rows and headlines start sentences; a wrapped line or an amount never does."""

from __future__ import annotations

import pytest

from pipeline.ingest import make_document
from pipeline.prepare import prepare


def _sentences(nlp, text: str) -> list[str]:
    """The sentences, as the original text has them."""
    document = make_document("t", "<memory>", text)
    prepared = prepare(document)
    spans = [prepared.to_original(s.start_char, s.end_char) for s in nlp(prepared.text).sents]
    return [document.text[start:end].strip() for start, end in spans if document.text[start:end].strip()]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "reuters_15136: COLT INDUSTRIES INC <COT> 1ST QTR NET\n\nShr 28 cts vs 16 cts\n    Net 9,387,000 vs "
            "25,617,000\n    Revs 410.1 mln vs 393.5 mln\n",
            [
                "reuters_15136: COLT INDUSTRIES INC <COT> 1ST QTR NET",
                "Shr 28 cts vs 16 cts",
                "Net 9,387,000 vs 25,617,000",
                "Revs 410.1 mln vs 393.5 mln",
            ],
        ),
        (
            "reuters_15588: ZAYRE <ZY> MARCH SALES UP 12.7 PCT\n\nZayre Corp said sales for the\nfive weeks ended "
            "April Four were up 12.7 pct.\n",
            [
                "reuters_15588: ZAYRE <ZY> MARCH SALES UP 12.7 PCT",
                "Zayre Corp said sales for the\nfive weeks ended April Four were up 12.7 pct.",
            ],
        ),
        (
            "The company said profit rose to 15 mln\ndlrs from 12 mln dlrs in the quarter\nended March 31.\n",
            ["The company said profit rose to 15 mln\ndlrs from 12 mln dlrs in the quarter\nended March 31."],
        ),
        (
            "Profit was 15 mln\n    dlrs in the quarter.\n    Sales rose 5 pct.\n",
            ["Profit was 15 mln\n    dlrs in the quarter.", "Sales rose 5 pct."],
        ),
        ("Sales rose 5 pct.\n\nProfit fell.", ["Sales rose 5 pct.", "Profit fell."]),
    ],
    ids=[
        "earnings-table-rows",
        "no-one-word-sentence-opens-a-paragraph",
        "wrapped-lines-are-one-sentence",
        "indented-unit-then-paragraph",
        "blank-line",
    ],
)
def test_sentences(nlp, text: str, expected: list[str]) -> None:
    assert _sentences(nlp, text) == expected
