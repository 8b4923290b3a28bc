"""Safe output: CSV cells a spreadsheet would run are neutralized, outputs are replaced atomically
(a killed or failing run leaves the previous ones loadable), `--strict`, and the run summary."""

from __future__ import annotations

import csv
import errno
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import CORPUS, ROOT, copies_of, extract, wait_for_written_chunks

import pipeline.facts
import pipeline.outputs
from pipeline.cli import main
from pipeline.outputs import OutputWriter, claims_table, documents_table, entities_table
from pipeline.records import Claim

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"

# (text in a cell, what claims.csv holds): OWASP CSV injection starts get a leading quote.
CELLS = [
    ('=HYPERLINK("http://x.example","click")', '\'=HYPERLINK("http://x.example","click")'),
    ("+1+2", "'+1+2"),
    ("-5% on the year", "'-5% on the year"),
    ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
    ("\tcmd|' /C calc'!A0", "'\tcmd|' /C calc'!A0"),
    ("\r=1+1", "'\r=1+1"),
    ("5% on the year", "5% on the year"),
    ("a=b", "a=b"),
]
TEXT_COLUMNS = ("mention", "subject", "entity", "sentence", "source")


def _claim(index: int, text: str) -> Claim:
    return Claim(
        claim_id=f"c{index}",
        doc_id="d",
        published=None,
        sentence_id=index,
        char_start=index,
        char_end=index + 1,
        mention=text,
        kind="percent",
        value=-5.0,
        value_low=None,
        value_high=None,
        qualifier="exact",
        unit="%",
        role=None,
        direction=None,
        subject=text,
        entity=text,
        entity_label="ORG",
        entities=[text],
        predicate=None,
        time=None,
        time_text=None,
        source=text,
        sentence=text,
        confidence=0.5,
    )


def _snapshot(out: Path) -> dict[str, object]:
    """Everything a reader of `out` sees: the three tables, the DuckDB tables, the CSV and run.json."""
    connection = duckdb.connect(str(out / "claims.duckdb"), read_only=True)
    try:
        database = {name: connection.execute(f"SELECT * FROM {name}").fetchall() for name in ("claims", "documents")}
    finally:
        connection.close()
    tables = {name: pq.read_table(out / f"{name}.parquet").to_pylist() for name in ("claims", "entities", "documents")}
    files = {name: (out / name).read_text(encoding="utf-8") for name in ("claims.csv", "run.json")}
    return {"tables": tables, "duckdb": database, "files": files}


def _write(folder: Path, files: dict[str, bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


def test_csv_cells_that_start_a_formula_are_neutralized(tmp_path) -> None:
    claims = [_claim(index, text) for index, (text, _) in enumerate(CELLS)]
    with OutputWriter(tmp_path) as writer:
        writer.write(claims_table(claims), entities_table([]), documents_table([], "test"))
        writer.finish({"run_id": "test"})
    with (tmp_path / "claims.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for row, (_, neutral) in zip(rows, CELLS, strict=True):
        assert [row[column] for column in (*TEXT_COLUMNS, "entities")] == [neutral] * 6
        assert row["value"] == "-5.0"  # numbers are not text: left as they are
    originals = [[text] * 5 + [[text]] for text, _ in CELLS]
    parquet = pq.read_table(tmp_path / "claims.parquet", columns=[*TEXT_COLUMNS, "entities"]).to_pylist()
    assert [list(row.values()) for row in parquet] == originals
    connection = duckdb.connect(str(tmp_path / "claims.duckdb"), read_only=True)
    query = f"SELECT {', '.join(TEXT_COLUMNS)}, entities FROM claims ORDER BY sentence_id"
    assert [list(row) for row in connection.execute(query).fetchall()] == originals
    connection.close()


def test_csv_neutralization_in_a_whole_run(nlp, tmp_path) -> None:
    sentences = [
        "=cmd|calc Acme said its sales rose 5% last year.",
        "+Beta said sales rose 6%.",
        "-Gamma said sales rose 7%.",
        "@Delta gained 4%.",
    ]
    inputs = _write(tmp_path / "in", {"formulas.txt": "\n\n".join(sentences).encode()})
    assert main(["extract", str(inputs), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    with (tmp_path / "out" / "claims.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    parquet = pq.read_table(tmp_path / "out" / "claims.parquet").to_pylist()
    assert [row["sentence"] for row in parquet] == sentences
    assert [row["sentence"] for row in rows] == ["'" + sentence for sentence in sentences]
    for written, true in zip(rows, parquet, strict=True):
        for column in TEXT_COLUMNS:
            text = true[column] or ""
            assert written[column] == ("'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text)


@pytest.mark.slow
def test_killed_run_leaves_the_previous_outputs(tmp_path) -> None:
    out = tmp_path / "out"
    extract([CORPUS], out)
    before = _snapshot(out)
    big = copies_of(CORPUS, tmp_path / "big", 200)
    command = [sys.executable, "-m", "pipeline", "extract", str(big), "--out", str(out), "--chunk-size", "4", "--quiet"]
    second = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_written_chunks(out, second)
    finally:
        second.kill()  # SIGKILL: no clean-up code runs
        second.wait()
    assert any(out.glob("versions/.staging-*")), "the kill did not happen while outputs were being written"
    assert _snapshot(out) == before

    extract([CORPUS], out)  # the next run removes the killed run's staging folder
    _assert_only_published_files(out)


def _assert_only_published_files(out: Path) -> None:
    """The output folder holds the published names (links through `current`), the current and the
    previous version, the lock; no staging folder."""
    names = {*pipeline.outputs.PUBLISHED_NAMES, "current", "versions", ".lock"}
    assert {path.name for path in out.iterdir()} == names
    assert len(list((out / "versions").iterdir())) <= 2 and not list(out.glob("versions/.*"))
    for name in pipeline.outputs.OUTPUT_FILES:
        assert (out / name).resolve().parent == (out / "current").resolve()


def test_stale_staging_folders_are_removed(nlp, tmp_path) -> None:
    out = _write(tmp_path / "out" / ".staging-killed", {"claims.parquet": b"half a file"}).parent
    _write(out / "versions" / ".staging-killed", {"claims.parquet": b"half a file"})
    inputs = _write(tmp_path / "in", {"a.txt": b"Acme said sales rose 5%."})
    assert main(["extract", str(inputs), "--out", str(out), "--quiet"]) == 0
    _assert_only_published_files(out)


def test_failure_while_writing_keeps_the_previous_outputs(nlp, tmp_path, monkeypatch, capsys) -> None:
    out = tmp_path / "out"
    first = _write(tmp_path / "in", {"a.txt": b"Acme said sales rose 5%."})
    assert main(["extract", str(first), "--out", str(out), "--quiet"]) == 0
    before = _snapshot(out)

    def disk_full(*_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(pipeline.outputs, "_write_duckdb", disk_full)
    inputs = _write(tmp_path / "in2", {"b.txt": b"Beta said profit fell 7%."})
    assert main(["extract", str(inputs), "--out", str(out), "--quiet"]) == 2
    assert capsys.readouterr().err == "error: [Errno 28] No space left on device\n"
    assert _snapshot(out) == before
    assert list(out.glob("versions/.staging-*")) == []


_REASONS = "reasons in the error column of {out}/documents.parquet\n"


@pytest.mark.parametrize(
    ("files", "options", "code", "message"),
    [
        (
            {"ok.txt": b"Sales rose 5%.", "image.txt": PNG, "nul.txt": b"a\x00b"},
            ["--strict"],
            1,
            "error: 2 articles failed (--strict): image, nul; " + _REASONS,
        ),
        ({"ok.txt": b"Sales rose 5%.", "image.txt": PNG, "nul.txt": b"a\x00b"}, [], 0, ""),
        ({"ok.txt": b"Sales rose 5%.", "empty.txt": b""}, ["--strict"], 0, ""),
        (
            {"ok.txt": b"Sales rose 5%.", **{f"p{n:02d}.txt": PNG for n in range(12)}},
            ["--strict"],
            1,
            "error: 12 articles failed (--strict): p00, p01, p02, p03, p04, p05, p06, p07, p08, p09 and 2 more; "
            + _REASONS,
        ),
    ],
    ids=["failed", "failed-not-strict", "skipped-only", "many-failed"],
)
def test_strict_makes_a_failed_article_exit_1(nlp, tmp_path, capsys, files, options, code, message) -> None:
    out = tmp_path / "out"
    assert main(["extract", str(_write(tmp_path / "in", files)), "--out", str(out), "--quiet", *options]) == code
    assert capsys.readouterr().err == message.format(out=out)
    assert pq.read_table(out / "documents.parquet").num_rows == len(files)  # the outputs are written all the same


@pytest.mark.parametrize(
    ("files", "counts", "line"),
    [
        (
            {"a.txt": b"Sales rose 5%.", "b.txt": b"Profit fell 7%.", "c.txt": b" \n", "d.txt": PNG, "e.txt": b"\0"},
            {"ok": 2, "skipped": 1, "failed": 2},
            "5 articles (2 ok, 1 skipped, 2 failed), 2 claims",
        ),
    ],
    ids=["mixed"],
)
def test_summary_counts_ok_skipped_failed(nlp, tmp_path, capsys, files, counts, line) -> None:
    out = tmp_path / "out"
    assert main(["extract", str(_write(tmp_path / "in", files)), "--out", str(out)]) == 0
    assert re.fullmatch(
        rf"{re.escape(line)}, \d+\.\d s -> {re.escape(str(out))}/claims\.parquet\n", capsys.readouterr().out
    )
    assert Counter(pq.read_table(out / "documents.parquet").column("status").to_pylist()) == counts
    assert json.loads((out / "run.json").read_text())["statuses"] == counts


def test_chunks_are_gathered_into_row_groups(tmp_path) -> None:
    """A writer keeps every row group's metadata until it closes the file: 42 chunks of one article
    make 3 row groups (16 + 16 + 10 chunks), not 42."""
    out, big = tmp_path / "out", copies_of(CORPUS, tmp_path / "big", 14)
    extract([big], out, "--chunk-size", "1")
    for name in ("documents", "entities"):
        assert pq.read_metadata(out / f"{name}.parquet").num_row_groups == 3
    assert pq.read_metadata(out / "documents.parquet").num_rows == 42


def test_a_database_too_large_for_the_copy_s_memory_limit_is_copied_again_with_the_facts_limit(
    tmp_path, monkeypatch
) -> None:
    """The copy runs at `DATABASE_MEMORY_LIMIT`; a table whose rows do not fit it (here a limit of
    1 kB, which fits nothing) is copied again, whole, at the facts' limit."""
    table = pa.table({"claim_id": [f"c{i}" for i in range(5000)], "value": [float(i) for i in range(5000)]})
    for name in ("claims", "entities", "documents", "facts"):
        pq.write_table(table.append_column("status", pa.array(["single"] * 5000)), tmp_path / f"{name}.parquet")
    limits = []
    copy = pipeline.outputs._copy_into_duckdb

    def recorded(path, staging, limit):
        limits.append(limit)
        copy(path, staging, limit)

    monkeypatch.setattr(pipeline.outputs, "DATABASE_MEMORY_LIMIT", "1kB")
    monkeypatch.setattr(pipeline.outputs, "_copy_into_duckdb", recorded)
    pipeline.outputs._write_duckdb(tmp_path / "claims.duckdb", tmp_path)
    connection = duckdb.connect(str(tmp_path / "claims.duckdb"), read_only=True)
    counts = [connection.execute(f"SELECT count(*) FROM {name}").fetchone()[0] for name in ("claims", "facts")]
    assert (limits, counts) == (["1kB", pipeline.facts.MEMORY_LIMIT], [5000, 5000])
