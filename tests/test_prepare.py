"""Text preparation: each repair, and offsets that always lead back to the original text."""

from __future__ import annotations

import pytest
from conftest import CORPUS, FIXTURES
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.ingest import make_document, read_documents
from pipeline.prepare import prepare


def _prepared(text: str) -> str:
    return prepare(make_document("t", "<memory>", text)).text


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("Japan ’ s automakers sold it .", "Japan's automakers sold it."),
        ("Priced at $ 9,800 , these cars", "Priced at $9,800, these cars"),
        ("Tokyo ( Reuters ) - Sales rose 80 % in May", "Tokyo (Reuters) - Sales rose 80% in May"),
        ("“ It is done , ” he said.", '"It is done," he said.'),
        ("He do n't know", "He don't know"),
        ("<p>Revenue of &#36;4.2 billion &amp; more</p>", "\nRevenue of $4.2 billion & more\n"),
        ("a gain of #36;5 million", "a gain of $5 million"),
        ("HK$300&nbsp;million", "HK$300 million"),
        (" date 2017-01-30 Toyota said", "Toyota said"),
        ("Plain text stays as it is.", "Plain text stays as it is."),
        ("Cost: " + "$" * 20 + " 5", "Cost: " + " " * 20 + " 5"),
        ("shares of <Spectrum\nHolding Corp> for 13 mln dlrs", "shares of  Spectrum Holding Corp  for 13 mln dlrs"),
        ("Acme <em>rose</em> at <Sogenal> <AMRO.AS>", "Acme rose at  Sogenal  "),
    ],
    ids=[
        "clitic",
        "currency-space",
        "brackets-percent",
        "curly-quotes",
        "negation",
        "html",
        "broken-entity",
        "nbsp",
        "date-marker",
        "plain",
        "symbol-run",
        "wire-company-mark-keeps-the-name",
        "html-tags-and-tickers-go",
    ],
)
def test_prepare_repairs(original: str, expected: str) -> None:
    assert _prepared(original) == expected


@pytest.mark.parametrize(
    ("original", "prepared_span", "original_span"),
    [
        ("Priced at $ 9,800 , these", "$9,800", "$ 9,800"),
        ("revenue of &#36;4.2 billion.", "$4.2 billion", "&#36;4.2 billion"),
        ("Japan ’ s cars", "Japan's", "Japan ’ s"),
        ("HK$300&nbsp;million in", "HK$300 million", "HK$300&nbsp;million"),
    ],
)
def test_spans_map_back_to_the_original(original: str, prepared_span: str, original_span: str) -> None:
    prepared = prepare(make_document("t", "<memory>", original))
    start = prepared.text.index(prepared_span)
    char_start, char_end = prepared.to_original(start, start + len(prepared_span))
    assert original[char_start:char_end] == original_span


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")) + sorted(FIXTURES.glob("*.txt")), ids=lambda p: p.stem)
def test_every_character_maps_into_the_original(path) -> None:
    document = next(read_documents([path]))
    prepared = prepare(document)
    assert len(prepared.starts) == len(prepared.text) == len(prepared.ends)
    assert all(0 <= s < e <= len(document.text) for s, e in zip(prepared.starts, prepared.ends, strict=True))
    assert all(a <= b for a, b in zip(prepared.starts, prepared.starts[1:], strict=False))
    # letters survive preparation (case aside): each maps to the same letter in the original
    for index, character in enumerate(prepared.text):
        if character.isalnum():
            assert document.text[prepared.starts[index]].lower() == character.lower()


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab $£%,.()’“”'<>&#;0123456789 \n")), max_size=300))
def test_offset_map_is_monotone_on_any_text(text: str) -> None:
    prepared = prepare(make_document("t", "<memory>", text))
    assert len(prepared.starts) == len(prepared.text)
    for start, end in zip(prepared.starts, prepared.ends, strict=True):
        assert 0 <= start < end <= len(text)
