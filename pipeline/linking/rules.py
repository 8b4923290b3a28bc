"""Linking rules as data: an ordered table per field, the first rule that finds something wins.

A rule is a small pure function over one figure's parsed sentence (`Mention`). Its row holds what
it fills, the weight its decision adds to the claim's confidence (log-odds), and one example: a
sentence with the figure in `[brackets]` and what the rule fills for it. `tests/test_link_rules.py`
runs every rule on its own example (it must fire there, not shadowed by an earlier rule), and
`make eval` counts, per rule, how often it fired and was right on the gold sets.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

Found = TypeVar("Found")


@dataclass(frozen=True)
class Rule(Generic[Found]):
    """One named rule of a linking table."""

    name: str
    find: Callable[..., Found | None]  # (mention, ...) -> what it found; None (or empty) when it does not apply
    fills: str  # the claims column it decides: subject, entity, time or source
    weight: float  # log-odds added to the claim's confidence when this rule decides
    example: str  # a sentence, the figure in [brackets]
    expected: str | None  # what the column holds for that figure

    @property
    def key(self) -> str:
        """`subject:of-phrase`: how a claim's `link_rules` name the rule."""
        return f"{self.fills}:{self.name}"


def first_found(rules: Sequence[Rule[Found]], *args: object) -> tuple[Found | None, Rule[Found] | None]:
    """What the first rule that applies finds, and that rule; (None, None) when none applies."""
    for rule in rules:
        found = rule.find(*args)
        if found:  # an empty phrase is no finding
            return found, rule
    return None, None
