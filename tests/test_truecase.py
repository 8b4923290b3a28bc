"""Case restoration for all-lower-case articles."""

from __future__ import annotations

import pytest

from pipeline.truecase import is_lower_cased, truecase


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the u.s. commerce department said so .", "The U.S. Commerce Department said so ."),
        (
            "japanese prime minister shinzo abe met president donald trump . abe smiled .",
            "Japanese prime minister Shinzo Abe met president Donald Trump . Abe smiled .",
        ),
        (
            "sales at toyota motor corp rose . toyota said more .",
            "Sales at Toyota Motor Corp rose . Toyota said more .",
        ),
        ("i think germany and france agree .", "I think Germany and France agree ."),
        ("the fiat chrysler deal closed in june .", "The Fiat Chrysler deal closed in June ."),
    ],
)
def test_truecase(text: str, expected: str) -> None:
    assert truecase(text) == expected
    assert len(truecase(text)) == len(text)


@pytest.mark.parametrize(
    ("text", "lower"),
    [
        ("tokyo/detroit ( reuters ) - when japanese prime minister shinzo abe meets on friday with", True),
        ("Tokyo (Reuters) - When Japanese Prime Minister Shinzo Abe meets on Friday with the US", False),
        ("short", False),
    ],
)
def test_is_lower_cased(text: str, lower: bool) -> None:
    assert is_lower_cased(text) is lower
