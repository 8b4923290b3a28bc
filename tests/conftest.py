"""Shared fixtures: the real spaCy model is loaded once per test session; whole-pipeline runs
over corpus/ and the fixture articles are made once and shared by the tests that read them."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.annotate import load_nlp
from pipeline.config import DEFAULT_MODEL

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
FIXTURES = ROOT / "tests" / "fixtures"
HELDOUT = ROOT / "tests" / "heldout"  # measures generalisation: never tune rules on it (see its README)
REAL = ROOT / "tests" / "real"  # real articles from the dev corpus: `dev` to look at, `heldout` to score only


def real_inputs(half: str) -> list[Path]:
    """The articles of one half of the real-article gold: its .txt stories and its JSONL records."""
    folder = REAL / half
    return sorted(folder.glob("*.txt")) + sorted(folder.glob("*.jsonl"))


def copies_of(source: Path, folder: Path, copies: int) -> Path:
    """A folder of `copies` copies of the source folder's stories (`007_<name>.txt`): a long run."""
    folder.mkdir(parents=True)
    for copy in range(copies):
        for path in sorted(source.glob("*.txt")):
            shutil.copy(path, folder / f"{copy:03d}_{path.name}")
    return folder


def wait_for_written_chunks(out: Path, run: subprocess.Popen, size: int = 20_000) -> None:
    """Wait until a running extract into `out` has written a few chunks (its staging documents table,
    which holds the articles' text, has grown past `size` bytes)."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and run.poll() is None:
        staged = list(out.glob("versions/.staging-*/documents.parquet"))
        if staged and staged[0].stat().st_size > size:
            return
        time.sleep(0.05)
    raise AssertionError("the run wrote no chunks before it ended" if run.poll() is not None else "no chunk in 120 s")


def extract(inputs: list[Path], out: Path, *options: str) -> subprocess.CompletedProcess:
    """Run `python -m pipeline extract` as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "pipeline", "extract", *map(str, inputs), "--out", str(out), *options],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )


@pytest.fixture(scope="session")
def nlp():
    return load_nlp(DEFAULT_MODEL)


@pytest.fixture(scope="session")
def corpus_run(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    out = tmp_path_factory.mktemp("corpus-out")
    return out, extract([CORPUS], out)


@pytest.fixture(scope="session")
def fixtures_run(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("fixtures-out")
    extract([FIXTURES], out)
    return out


@pytest.fixture(scope="session")
def heldout_run(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("heldout-out")
    extract([HELDOUT], out)
    return out


@pytest.fixture(scope="session")
def real_dev_run(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("real-dev-out")
    extract(real_inputs("dev"), out)
    return out


@pytest.fixture(scope="session")
def real_heldout_run(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("real-heldout-out")
    extract(real_inputs("heldout"), out)
    return out
