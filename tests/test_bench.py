"""`make bench` pieces on small inputs (the full benchmark runs only with `make bench`)."""

from __future__ import annotations

import re

import pytest
from conftest import CORPUS

from pipeline.bench import _COMPANIES, _REPLACEMENTS, _stage_shares, build_corpus, parse_coverage, write_markdown
from pipeline.config import DEFAULT_MODEL
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


def test_markdown_states_the_command_and_the_ratio(tmp_path) -> None:
    results = {
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
    out = tmp_path / "BENCHMARKS.md"
    write_markdown(results, "make bench", out)
    text = out.read_text(encoding="utf-8")
    assert "Command: `make bench`" in text
    assert "| whole pipeline ÷ raw spaCy, words/s (target ≥ 1.1) | 0.95 (2,850 vs 3,000 words/s" in text
    assert "54% of tokens are in sentences holding a claim" in text
