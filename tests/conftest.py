"""Shared fixtures: the real spaCy model is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.annotate import load_nlp
from pipeline.config import DEFAULT_MODEL

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture(scope="session")
def nlp():
    return load_nlp(DEFAULT_MODEL)
