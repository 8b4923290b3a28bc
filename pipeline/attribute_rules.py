"""The model's attribute rules (tag map, morph rules, exceptions) applied by lookup instead of a Matcher.

spaCy's `AttributeRuler` runs every one of its patterns at every token through a `Matcher`: with the
179 patterns of en_core_web_sm that is a tenth to a fifth of the model's time (BENCHMARKS.md). Nearly all
of them are one-token tests of a token's tag, lower-case form or dependency label, so the rules that
hold for a token depend only on those few attributes: they are worked out once per distinct
combination and cached. The result is the same as the `AttributeRuler`'s, applied in its order
(later rules win, each set on the pattern's `index` token) with its own `set_token_attrs`;
`tests/test_attribute_rules.py` compares the two token by token. Patterns using anything beyond
equality, `IN`, `NOT_IN` and `REGEX` on plain token attributes (operators, lengths, morph
features) are not compiled: `compile_rules` raises `NotCompilable` and the model's own ruler stays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs  # the AttributeRuler's own setter

_STRING_ATTRIBUTES = frozenset({"ORTH", "LOWER", "NORM", "TAG", "POS", "DEP", "LEMMA", "SHAPE", "ENT_TYPE"})
_FLAG_ATTRIBUTES = frozenset(
    {"IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_STOP", "LIKE_NUM"}
)
_OTHER = object()  # stands for every string value no rule names


class NotCompilable(ValueError):
    """A pattern uses a Matcher feature the lookup does not reproduce."""


# One test on one attribute: (attribute, "==" | "in" | "not_in" | "regex", value, set of values or regex).
_Test = tuple[str, str, object]


@dataclass(frozen=True)
class _Rule:
    order: int  # the AttributeRuler's rule number: later rules win
    tokens: tuple[tuple[_Test, ...], ...]  # one alternative pattern: the tests of each token
    target: int  # which matched token gets the attributes
    attrs: dict  # normalised, as `set_token_attrs` takes them


def compile_rules(ruler: AttributeRuler) -> list[_Rule]:
    """The ruler's patterns as rules.

    Raises:
        NotCompilable: a pattern needs the Matcher (operators, lengths, morph features).
    """
    rules = []
    for order, entry in enumerate(ruler.patterns):
        for pattern in entry["patterns"]:
            if isinstance(pattern, str) or not pattern:
                raise NotCompilable(f"rule {order}: not a token pattern")
            tokens = tuple(_token_tests(spec, order) for spec in pattern)
            index = entry.get("index", 0)
            if not -len(tokens) <= index < len(tokens):
                raise NotCompilable(f"rule {order}: index {index} outside the pattern")
            rules.append(_Rule(order, tokens, index % len(tokens), ruler.attrs[order]))
    return rules


def _token_tests(spec: dict, order: int) -> tuple[_Test, ...]:
    tests = []
    for key, value in spec.items():
        attribute = "ORTH" if key.upper() == "TEXT" else key.upper()
        if attribute in _FLAG_ATTRIBUTES and isinstance(value, bool):
            tests.append((attribute, "==", value))
        elif attribute not in _STRING_ATTRIBUTES:
            raise NotCompilable(f"rule {order}: {key}={value!r}")
        elif isinstance(value, str):
            tests.append((attribute, "==", value))
        elif isinstance(value, dict) and value and set(value) <= {"IN", "NOT_IN", "REGEX"}:
            tests.extend(
                (attribute, op.lower(), re.compile(values) if op == "REGEX" else frozenset(values))
                for op, values in value.items()
            )
        else:
            raise NotCompilable(f"rule {order}: {key}={value!r}")
    return tuple(tests)


def _holds(test: _Test, values: dict[str, object], regex_results: dict[_Test, bool]) -> bool:
    attribute, op, expected = test
    if op == "regex":
        return regex_results[test]
    actual = values[attribute]
    if op == "==":
        return actual == expected
    return (actual in expected) == (op == "in")


@dataclass(frozen=True)
class _Lookup:
    """What the rules say about one kind of token."""

    rules: list[_Rule]  # the single-token rules that hold, in order
    merged: dict  # their attributes, later rules winning
    starts: list[_Rule]  # multi-token rules whose first token's tests hold
    tests: frozenset[_Test]  # the multi-token rules' token tests that hold


class IndexedAttributeRuler:
    """Applies compiled attribute rules; a pipeline component equivalent to the source ruler.

    A token is looked up by the values of the attributes the rules read, each value reduced to
    itself when some rule names it and to "other" when none does, plus the outcome of the rules'
    regexes: so the cache stays as small as the rules, however many words the corpus has.
    """

    def __init__(self) -> None:
        self.set_rules([], {})

    def set_rules(self, rules: list[_Rule], strings: dict[int, str] | None = None) -> None:
        self.single = [rule for rule in rules if len(rule.tokens) == 1]
        self.multi = [rule for rule in rules if len(rule.tokens) > 1]
        tests = {test for rule in rules for token in rule.tokens for test in token}
        self.columns = sorted({attribute for attribute, _, _ in tests})
        self.regexes = [test for test in tests if test[1] == "regex"]
        self.multi_tests = {test for rule in self.multi for token in rule.tokens for test in token}
        self.strings = strings or {}  # hash -> text of every value a rule names
        self.flags = [attribute in _FLAG_ATTRIBUTES for attribute in self.columns]
        self.regex_columns = [(self.columns.index(test[0]), test[2]) for test in self.regexes]
        self._cache: dict[tuple, _Lookup] = {}

    def _lookup(self, key: tuple) -> _Lookup:
        found = self._cache.get(key)
        if found is None:
            named, regex_outcomes = key[: len(self.columns)], key[len(self.columns) :]
            values = {
                attribute: bool(value) if attribute in _FLAG_ATTRIBUTES else self.strings.get(value, _OTHER)
                for attribute, value in zip(self.columns, named, strict=True)
            }
            regex_results = dict(zip(self.regexes, regex_outcomes, strict=True))

            def first_token_holds(rule: _Rule) -> bool:
                return all(_holds(test, values, regex_results) for test in rule.tokens[0])

            matching = [rule for rule in self.single if first_token_holds(rule)]
            merged: dict = {}
            for rule in matching:  # later rules win, as in the AttributeRuler
                merged.update(rule.attrs)
            starts = [rule for rule in self.multi if first_token_holds(rule)]
            holding = frozenset(test for test in self.multi_tests if _holds(test, values, regex_results))
            found = self._cache[key] = _Lookup(matching, merged, starts, holding)
        return found

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc) or not self.columns:
            return doc
        flags, regex_columns = self.flags, self.regex_columns
        text_of = doc.vocab.strings.__getitem__
        looked_up = []
        for row in doc.to_array(self.columns).tolist():
            key = tuple(value if flag or value in self.strings else -1 for flag, value in zip(flags, row, strict=True))
            if regex_columns:
                key += tuple(bool(regex.search(text_of(row[column]))) for column, regex in regex_columns)
            looked_up.append(self._lookup(key))
        extra: dict[int, list[_Rule]] = {}
        for start, found in enumerate(looked_up):
            for rule in found.starts:
                following = rule.tokens[1:]
                if start + len(following) < len(doc) and all(
                    looked_up[start + offset].tests.issuperset(tests) for offset, tests in enumerate(following, 1)
                ):
                    extra.setdefault(start + rule.target, []).append(rule)
        for token, found in zip(doc, looked_up, strict=True):
            if token.i in extra:
                for rule in sorted(found.rules + extra[token.i], key=lambda rule: rule.order):
                    set_token_attrs(token, rule.attrs)
            elif found.merged:
                set_token_attrs(token, found.merged)
        return doc


@Language.factory("indexed_attribute_ruler")
def make_indexed_attribute_ruler(nlp: Language, name: str) -> IndexedAttributeRuler:
    """Registered so `nlp.replace_pipe` can install it; `use_indexed_attribute_rules` fills it."""
    return IndexedAttributeRuler()


def use_indexed_attribute_rules(nlp: Language) -> bool:
    """Swap the model's `attribute_ruler` for the lookup version when its patterns allow; True if swapped."""
    ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
    if not isinstance(ruler, AttributeRuler):
        return False
    try:
        rules = compile_rules(ruler)
    except NotCompilable:
        return False
    named = {
        value
        for rule in rules
        for token in rule.tokens
        for attribute, op, expected in token
        if attribute in _STRING_ATTRIBUTES and op != "regex"
        for value in (expected if isinstance(expected, frozenset) else {expected})
    }
    strings = {nlp.vocab.strings.add(value): value for value in named}
    nlp.replace_pipe("attribute_ruler", "indexed_attribute_ruler").set_rules(rules, strings)
    return True
