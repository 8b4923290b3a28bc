"""The real-article gold set (tests/real/) is well formed: what `make eval` scores can be trusted."""

from __future__ import annotations

import json

import pytest
from conftest import REAL, real_inputs

from pipeline.lexicon import QUALIFIERS
from pipeline.records import KINDS

KEYS = [
    "doc_id",
    "char_start",
    "char_end",
    "mention",
    "kind",
    "value",
    "value_low",
    "value_high",
    "qualifier",
    "unit",
    "role",
    "direction",
    "subject",
    "entity",
    "time",
    "source",
]
QUALIFIER_NAMES = set(QUALIFIERS.values())  # the contract's qualifiers, as the lexicon spells them


def _texts(half: str) -> dict[str, str]:
    texts = {}
    for path in real_inputs(half):
        if path.suffix == ".jsonl":
            for line in path.read_text(encoding="utf-8").splitlines():
                record = json.loads(line)
                texts[record["id"]] = record["text"]
        else:
            texts[path.stem] = path.read_text(encoding="utf-8")
    return texts


def _rows(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


GOLD_FILES = [("dev", "claims.jsonl"), ("heldout", "claims.jsonl"), ("dev", "second_annotator.jsonl")]


@pytest.mark.parametrize(("half", "name"), GOLD_FILES, ids=[f"{h}-{n}" for h, n in GOLD_FILES])
def test_rows_follow_the_format_and_the_contract(half: str, name: str) -> None:
    texts = _texts(half)
    rows = _rows(REAL / half / "gold" / name)
    assert rows == sorted(rows, key=lambda row: (row["doc_id"], row["char_start"]))
    for row in rows:
        assert list(row) == KEYS, row
        assert texts[row["doc_id"]][row["char_start"] : row["char_end"]] == row["mention"], row
        assert row["kind"] in KINDS and row["qualifier"] in QUALIFIER_NAMES, row
        assert (row["role"] is None) == (row["direction"] is None), row
        assert row["role"] in (None, "from", "to", "by") and row["direction"] in (None, "up", "down"), row
        if row["value_low"] is not None:
            assert row["value"] == row["value_low"] <= row["value_high"], row


def test_the_set_is_as_large_as_promised() -> None:
    """At least 40 articles (20 Reuters, 20 BBC) and 400 claims, split into two halves with no shared article;
    every article of a half has gold rows."""
    halves = {
        half: {row["doc_id"] for row in _rows(REAL / half / "gold" / "claims.jsonl")} for half in ("dev", "heldout")
    }
    assert not halves["dev"] & halves["heldout"]
    for half, ids in halves.items():
        assert ids == set(_texts(half)), half
    every = halves["dev"] | halves["heldout"]
    assert sum(doc.startswith("reuters_") for doc in every) >= 20 and sum(doc.startswith("bbc_") for doc in every) >= 20
    assert sum(len(_rows(REAL / half / "gold" / "claims.jsonl")) for half in halves) >= 400


def test_second_annotation_covers_ten_dev_articles() -> None:
    second = {row["doc_id"] for row in _rows(REAL / "dev" / "gold" / "second_annotator.jsonl")}
    assert len(second) == 10 and second <= set(_texts("dev"))


_SHINGLE_WORDS = 8  # a run of this many words in common is a shared passage, not a shared phrase
_SAME_STORY = 0.3  # the share of one story's runs that another holds when both are one story


def _shingles(text: str) -> set[str]:
    words = text.split()
    return {" ".join(words[i : i + _SHINGLE_WORDS]) for i in range(len(words) - _SHINGLE_WORDS + 1)}


def test_the_halves_share_no_story() -> None:
    """The BBC and Reuters collections hold copies of some stories; one in both halves would let
    work on the dev half tune on held-out text (`bbc_tech_224` was `bbc_tech_219`)."""
    heldout = {doc_id: _shingles(text) for doc_id, text in _texts("heldout").items()}
    shared = []
    for doc_id, text in _texts("dev").items():
        runs = _shingles(text)
        for other, other_runs in heldout.items():
            if runs and other_runs and len(runs & other_runs) / min(len(runs), len(other_runs)) > _SAME_STORY:
                shared.append((doc_id, other))
    assert shared == []
