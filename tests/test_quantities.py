"""The quantity recognizer against the table of realistic newswire sentences in quantity_cases.py."""

from __future__ import annotations

import pytest
from quantity_cases import CASES, Q

from pipeline.run import extract_text


def _found(nlp, sentence: str) -> list[Q]:
    claims = extract_text(sentence, nlp).claims
    return [Q(c.mention, c.kind, c.value, c.unit, c.qualifier, c.value_low, c.value_high, c.role) for c in claims]


@pytest.mark.parametrize(("sentence", "expected"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_quantity_case(nlp, sentence: str, expected: list[Q]) -> None:
    found = _found(nlp, sentence)
    assert [q._replace(value=pytest.approx(q.value, rel=1e-9)) for q in expected] == found, f"sentence: {sentence}"
