"""Restore letter case in all-lower-case articles, so spaCy's cased model can find the names.

Three sources of evidence, each cheap and local to the article (so the result never depends on
which other articles share the batch):
1. a gazetteer of countries, places, organisations and companies (`data/gazetteer.tsv`);
2. patterns that announce a name: a title before it (`prime minister shinzo abe`) or a company
   suffix after it (`toyota motor corp`); names found so are then capitalised everywhere else in
   the article (`abe`, `toyota`);
3. sentence starts and the pronoun `i`.
Case changes only: the text keeps its length, so offsets are unchanged.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from pipeline.lexicon import LEGAL_FORMS

GAZETTEER_PATH = Path(__file__).parent / "data" / "gazetteer.tsv"

_WORD = re.compile(r"[a-z]+(?:\.[a-z]+)+\.?|[a-z][a-z0-9]*(?:[&-][a-z0-9]+)*\.?")
_SENTENCE_START = re.compile(r"(?:\A|[.!?][\"'”’)]?\s+|\n\s*)[\"'“‘(]?\s*([a-z])")
_INITIALISM = re.compile(r"[a-z]\.(?:[a-z]\.)+")
# A period after these ends an abbreviation, not a sentence (`u.s. would`, `corp. said`).
_ABBREVIATION_BEFORE = re.compile(
    r"(?:\b[a-z]\.(?:[a-z]\.)+|\b(?:mr|mrs|ms|dr|st|corp|co|inc|ltd|no|vs|jan|feb|aug|sept|oct|nov|dec|gen|sen|rep)\.)\Z",
    re.IGNORECASE,
)
_TITLES = frozenset(
    """
    president minister chancellor premier secretary senator governor mayor ceo executive chairman
    chairwoman spokesman spokeswoman spokesperson director analyst economist mr. mrs. ms. dr. king
    queen prince princess pope judge lawmaker negotiator founder rep. sen. gov. gen. sir
    """.split()
)
_COMPANY_SUFFIXES = LEGAL_FORMS | {"holdings", "motors"}
# Words that follow a title but are not names: verbs of reporting and common nouns in that slot.
_NOT_NAMES = (
    frozenset(
        """
    said says told tells added asked met meets will would could should may might must has had have
    is was are were be been also who which that officer office general elect candidate vows urged
    warned called agreed denied declined
    """.split()
    )
    | STOP_WORDS
)
_LOWER_CASE_RATIO = 0.01


def is_lower_cased(text: str) -> bool:
    """True when almost no letter is upper case: the article lost its case.

    >>> is_lower_cased("tokyo ( reuters ) - when japanese prime minister shinzo abe meets on friday")
    True
    >>> is_lower_cased("Tokyo (Reuters) - When Japanese Prime Minister Shinzo Abe meets on Friday")
    False
    """
    sample = text[:20000]
    letters = sum(ch.isalpha() for ch in sample)
    if letters < 40:
        return False
    return sum(ch.isupper() for ch in sample) / letters < _LOWER_CASE_RATIO


@lru_cache(maxsize=1)
def load_gazetteer(path: Path = GAZETTEER_PATH) -> dict[str, tuple[str, str, str]]:
    """alias (lower case) -> (cased form, spaCy label, canonical name)."""
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return {row["alias"]: (row["cased"], row["label"], row["canonical"]) for row in rows if row["alias"]}


def truecase(text: str) -> str:
    """Return `text` with the case of names, sentence starts and `I` restored (same length).

    >>> truecase("prime minister shinzo abe met toyota motor corp . abe said the u.s. would act .")
    'Prime minister Shinzo Abe met Toyota Motor Corp . Abe said the U.S. would act .'
    """
    chars = list(text)
    words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]
    learned: dict[str, str] = {}
    _apply_gazetteer(chars, text, words)
    _apply_name_patterns(chars, words, learned)
    for start, end, word in words:
        if word in learned:
            chars[start:end] = learned[word]
        elif word == "i":
            chars[start] = "I"
        elif _INITIALISM.fullmatch(word) and word not in ("e.g.", "i.e."):
            chars[start:end] = word.upper()
    for match in _SENTENCE_START.finditer(text):
        if not _ABBREVIATION_BEFORE.search(text, 0, match.start() + 1):
            chars[match.start(1)] = chars[match.start(1)].upper()
    return "".join(chars)


def _apply_gazetteer(chars: list[str], text: str, words: list[tuple[int, int, str]]) -> None:
    gazetteer = load_gazetteer()
    longest = 5
    index = 0
    while index < len(words):
        for size in range(min(longest, len(words) - index), 0, -1):
            first, last = words[index], words[index + size - 1]
            alias = " ".join(w for _, _, w in words[index : index + size])
            if text[first[0] : last[1]] != alias and size > 1:
                continue  # words not separated by single spaces: not this alias
            entry = gazetteer.get(alias) or (gazetteer.get(alias.rstrip(".")) if alias.endswith(".") else None)
            if entry:
                _recase(chars, first[0], entry[0])
                index += size
                break
        else:
            index += 1


def _apply_name_patterns(chars: list[str], words: list[tuple[int, int, str]], learned: dict[str, str]) -> None:
    for index, (_, _, word) in enumerate(words):
        if word in _TITLES:
            name = []
            for start, end, candidate in words[index + 1 : index + 4]:
                if candidate in _NOT_NAMES or candidate in _TITLES or not candidate[0].isalpha():
                    break
                name.append((start, end, candidate))
            for _, _, candidate in name:
                learned[candidate] = _capitalize(candidate)
        elif word.rstrip(".") in _COMPANY_SUFFIXES:
            name = []
            for start, end, candidate in reversed(words[max(0, index - 3) : index]):
                if candidate in _NOT_NAMES or not candidate[0].isalpha():
                    break
                name.append((start, end, candidate))
            if name:
                _recase(chars, words[index][0], _capitalize(word))
                for start, _, candidate in name:
                    _recase(chars, start, _capitalize(candidate))
                learned.setdefault(name[-1][2], _capitalize(name[-1][2]))


def _capitalize(word: str) -> str:
    return word[0].upper() + word[1:]


def _recase(chars: list[str], start: int, cased: str) -> None:
    for offset, letter in enumerate(cased):
        position = start + offset
        if position < len(chars) and chars[position].lower() == letter.lower():
            chars[position] = letter
