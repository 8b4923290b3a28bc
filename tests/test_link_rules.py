"""Every linking rule on its own example: it fires there (no earlier rule of its table shadows it)
and fills what the example says."""

from __future__ import annotations

import re

import pytest

from pipeline.linking import ALL_RULES
from pipeline.stages import extract_text

_BRACKETED = re.compile(r"\[([^\]]+)\]")


def _example(text: str) -> tuple[str, int]:
    """The example without its brackets, and where the bracketed figure starts."""
    found = _BRACKETED.search(text)
    assert found is not None, f"no [figure] in {text!r}"
    return text[: found.start()] + found.group(1) + text[found.end() :], found.start()


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.key)
def test_rule_fires_on_its_example(rule, nlp):
    text, start = _example(rule.example)
    claims = {claim.char_start: claim for claim in extract_text(text, nlp).claims}
    assert start in claims, f"no claim at the bracketed figure of {rule.example!r}"
    claim = claims[start]
    decided = [key for key in claim.link_rules if key.startswith(f"{rule.fills}:")]
    assert decided == [rule.key]
    assert getattr(claim, rule.fills) == rule.expected


def test_rule_names_are_unique():
    keys = [rule.key for rule in ALL_RULES]
    assert len(keys) == len(set(keys))
