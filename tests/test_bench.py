"""`make bench` pieces on small inputs (the full benchmark runs only with `make bench`)."""

from __future__ import annotations

import re

import pytest
from conftest import CORPUS

from pipeline.bench import (
    _COMPANIES,
    _REPLACEMENTS,
    DEVCORPUS_SECTION,
    FACTS_SECTION,
    _recognizer_share,
    _stage_shares,
    build_corpus,
    parse_coverage,
    write_archive,
    write_markdown,
    write_section,
)
from pipeline.config import DEFAULT_MODEL, Config
from pipeline.ingest import expand_inputs


def test_built_corpus_varies_numbers_and_keeps_their_shape(tmp_path) -> None:
    paths = build_corpus(tmp_path, 12)
    texts = [path.read_text(encoding="utf-8") for path in paths]
    assert len(paths) == 12 and len(set(texts)) == 12
    names = re.compile("|".join(_COMPANIES + _REPLACEMENTS))
    shapes = {names.sub("X", re.sub(r"\d", "9", text)) for text in texts[::9]}  # one source, other numbers
    assert len(shapes) == 1


@pytest.mark.slow
def test_profile_shares_and_coverage_on_the_corpus() -> None:
    paths = expand_inputs([CORPUS])
    shares = _stage_shares(paths, DEFAULT_MODEL)
    assert sum(shares.values()) == pytest.approx(1.0)
    assert {
        "spaCy ner",
        "spaCy parser",
        "spaCy attribute_ruler",
        "recognizer, linking, claims (`extract_document`)",
    } <= set(shares)
    # deterministic: the corpus's claim sentences hold 38% of its tokens, 74% with their neighbours
    assert tuple(round(share, 2) for share in parse_coverage(paths)) == (0.38, 0.74)


_RESULTS = {
    "articles": 2000,
    "words": 690959,
    "raw_words_per_s": 3000.0,
    "raw_spread": 0.05,
    "pipeline_words_per_s": 2850.0,
    "pipeline_vs_raw": 0.95,
    "two_process_speedup": 1.9,
    "rss_small_mib": 500.0,
    "rss_large_mib": 510.0,
    "rss_ratio": 1.02,
    "rerun_ratio": 0.033,
    "recognizer_share": 0.07,
    "components": {"attribute_ruler": 0.13, "ner": 0.44},
    "stages": {"spaCy ner": 0.46, "recognizer, linking, claims (`extract_document`)": 0.14},
    "coverage": (0.54, 0.81),
}


def test_markdown_states_the_command_and_the_ratio(tmp_path) -> None:
    out = tmp_path / "BENCHMARKS.md"
    write_markdown(_RESULTS, "make bench", out)
    text = out.read_text(encoding="utf-8")
    assert "Command: `make bench`" in text
    assert "| whole pipeline ÷ raw spaCy, words/s (target ≥ 1.1) | 0.95 (2,850 vs 3,000 words/s" in text
    assert "54% of tokens are in sentences holding a claim" in text


def test_archive_is_streamed_jsonl_of_varied_stories(tmp_path) -> None:
    import json

    path = write_archive(tmp_path / "archive.jsonl", 50)
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 50 and len({record["text"] for record in records}) == 50
    assert {record["id"] for record in records} == {f"archive_{index:07d}" for index in range(50)}
    assert all(record["text"].count(" pct") == 2 and " mln dlrs" in record["text"] for record in records)


def test_sections_measured_apart_survive_each_other_and_the_main_table(tmp_path) -> None:
    out = tmp_path / "BENCHMARKS.md"
    write_section(out, FACTS_SECTION, f"{FACTS_SECTION}\n\nfacts figures\n")
    write_section(out, DEVCORPUS_SECTION, f"{DEVCORPUS_SECTION}\n\nfirst ratio\n")
    write_section(out, DEVCORPUS_SECTION, f"{DEVCORPUS_SECTION}\n\nsecond ratio\n")
    write_markdown(_RESULTS, "make bench", out)
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Benchmarks")
    assert text.index(DEVCORPUS_SECTION) < text.index(FACTS_SECTION)
    assert "second ratio" in text and "first ratio" not in text and "facts figures" in text
    assert text.count(DEVCORPUS_SECTION) == 1 and text.count(FACTS_SECTION) == 1


@pytest.mark.slow
def test_recognizer_share_times_the_recognizer(tmp_path) -> None:
    share = _recognizer_share(expand_inputs([CORPUS]), tmp_path / "out", Config(force=True))
    assert 0 < share < 1
