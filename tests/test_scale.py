"""Scale: engines agree, re-runs reuse unchanged articles, outputs stream chunk by chunk."""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest
from conftest import CORPUS, FIXTURES, extract

COMPARED = [
    "claim_id",
    "doc_id",
    "char_start",
    "char_end",
    "mention",
    "kind",
    "value",
    "unit",
    "qualifier",
    "role",
    "subject",
    "entity",
    "time",
    "source",
    "confidence",
]


def _claims(out) -> pd.DataFrame:
    return pd.read_parquet(out / "claims.parquet")[COMPARED]


@pytest.mark.slow
@pytest.mark.parametrize(
    "options",
    [("--processes", "2", "--chunk-size", "2"), ("--engine", "dask", "--processes", "2", "--chunk-size", "1")],
    ids=["process-pool", "dask-local-cluster"],
)
def test_engines_give_the_same_claims_as_a_local_run(corpus_run, tmp_path, options) -> None:
    extract([CORPUS], tmp_path, "--quiet", *options)
    pd.testing.assert_frame_equal(_claims(tmp_path), _claims(corpus_run[0]))


@pytest.mark.slow
def test_chunk_size_does_not_change_the_output(tmp_path) -> None:
    extract([CORPUS, FIXTURES], tmp_path / "one", "--quiet", "--chunk-size", "1")
    extract([CORPUS, FIXTURES], tmp_path / "many", "--quiet", "--chunk-size", "64")
    pd.testing.assert_frame_equal(_claims(tmp_path / "one"), _claims(tmp_path / "many"))
    one = pd.read_parquet(tmp_path / "one" / "entities.parquet")
    many = pd.read_parquet(tmp_path / "many" / "entities.parquet")
    pd.testing.assert_frame_equal(one, many)


@pytest.mark.slow
def test_rerun_reuses_unchanged_articles_and_redoes_changed_ones(tmp_path) -> None:
    corpus = tmp_path / "in"
    shutil.copytree(CORPUS, corpus, ignore=shutil.ignore_patterns("gold"))
    out = tmp_path / "out"
    extract([corpus], out, "--quiet")
    first = _claims(out)

    again = extract([corpus], out)
    assert "3 unchanged since the last run" in again.stdout
    assert json.loads((out / "run.json").read_text())["n_reused"] == 3
    pd.testing.assert_frame_equal(_claims(out), first)

    changed = corpus / "002_f2840c50a29e4270.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("¥8.6 trillion", "¥9.1 trillion"), encoding="utf-8")
    extract([corpus], out, "--quiet")
    assert json.loads((out / "run.json").read_text())["n_reused"] == 2
    claims = _claims(out).set_index("mention")
    assert claims.loc["¥9.1 trillion", "value"] == 9.1e12
    assert "¥8.6 trillion" not in claims.index
    unchanged = first[first.doc_id != "002_f2840c50a29e4270"].reset_index(drop=True)
    pd.testing.assert_frame_equal(
        _claims(out)[_claims(out).doc_id != "002_f2840c50a29e4270"].reset_index(drop=True), unchanged
    )

    extract([corpus], out, "--quiet", "--force")
    assert json.loads((out / "run.json").read_text())["n_reused"] == 0


@pytest.mark.slow
def test_rerun_with_fewer_inputs_drops_the_others(tmp_path) -> None:
    out = tmp_path / "out"
    extract([CORPUS], out, "--quiet")
    extract([CORPUS / "000_2b0720b4e286bba8.txt"], out, "--quiet")
    assert set(_claims(out).doc_id) == {"000_2b0720b4e286bba8"}
    documents = pd.read_parquet(out / "documents.parquet")
    assert list(documents.doc_id) == ["000_2b0720b4e286bba8"]
