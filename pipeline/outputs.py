"""EDGE: write the claims, entities and documents tables (Parquet, CSV, DuckDB) and run.json.

Every file is written under a staging folder inside the output folder and moved into place with
`os.replace` only when all of them are complete, so a run that crashes or is killed leaves the
previous outputs as they were.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.records import Claim, DocumentResult, EntityMention

CLAIMS_SCHEMA = pa.schema(
    [
        ("claim_id", pa.string()),
        ("doc_id", pa.string()),
        ("published", pa.date32()),
        ("sentence_id", pa.int32()),
        ("char_start", pa.int64()),
        ("char_end", pa.int64()),
        ("mention", pa.string()),
        ("kind", pa.string()),
        ("value", pa.float64()),
        ("value_low", pa.float64()),
        ("value_high", pa.float64()),
        ("qualifier", pa.string()),
        ("unit", pa.string()),
        ("role", pa.string()),
        ("direction", pa.string()),
        ("subject", pa.string()),
        ("entity", pa.string()),
        ("entity_label", pa.string()),
        ("entities", pa.list_(pa.string())),
        ("predicate", pa.string()),
        ("time", pa.string()),
        ("time_text", pa.string()),
        ("source", pa.string()),
        ("sentence", pa.string()),
        ("confidence", pa.float64()),
        ("link_rules", pa.list_(pa.string())),
    ]
)
ENTITIES_SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()),
        ("sentence_id", pa.int32()),
        ("char_start", pa.int64()),
        ("char_end", pa.int64()),
        ("text", pa.string()),
        ("label", pa.string()),
        ("canonical", pa.string()),
    ]
)
DOCUMENTS_SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()),
        ("path", pa.string()),
        ("sha256", pa.string()),
        ("published", pa.date32()),
        ("n_chars", pa.int64()),
        ("n_sentences", pa.int32()),
        ("n_claims", pa.int32()),
        ("status", pa.string()),
        ("error", pa.string()),
        ("pipeline_version", pa.string()),
        ("text", pa.string()),
    ]
)
# The report of a run (`report.py`): a run that writes none removes the previous run's.
REPORT_NAME = "report.html"
REPORT_FILES = "report_files"
OUTPUT_FILES = ("claims.parquet", "claims.csv", "entities.parquet", "documents.parquet", "claims.duckdb", "run.json")
# OWASP: a CSV cell starting with one of these is run as a formula by spreadsheet programs.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def claims_table(claims: Iterable[Claim]) -> pa.Table:
    return pa.Table.from_pylist([asdict(claim) for claim in claims], schema=CLAIMS_SCHEMA)


def entities_table(mentions: Iterable[EntityMention]) -> pa.Table:
    return pa.Table.from_pylist([asdict(mention) for mention in mentions], schema=ENTITIES_SCHEMA)


def documents_table(results: Iterable[DocumentResult], pipeline_version: str) -> pa.Table:
    rows = []
    for result in results:
        document = result.document
        rows.append(
            {
                "doc_id": document.doc_id,
                "path": document.path,
                "sha256": document.sha256,
                "published": document.published,
                "n_chars": len(document.text),
                "n_sentences": result.n_sentences,
                "n_claims": len(result.claims),
                "status": document.status,
                "error": document.error,
                "pipeline_version": pipeline_version,
                "text": document.text,
            }
        )
    return pa.Table.from_pylist(rows, schema=DOCUMENTS_SCHEMA)


def neutralize_csv_cell(value: object) -> object:
    """Prefix a quote to text a spreadsheet would run as a formula (OWASP CSV injection rule).

    >>> neutralize_csv_cell("=HYPERLINK(1)")
    "'=HYPERLINK(1)"
    >>> neutralize_csv_cell("-5%")
    "'-5%"
    >>> neutralize_csv_cell(3.5)
    3.5
    """
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


class OutputWriter:
    """Streams tables chunk by chunk into a staging folder, then moves every file into place.

    Memory stays bounded by one chunk: Parquet files grow a row group per chunk and the CSV is
    appended; the DuckDB file is built from the staged Parquet files at the end. Used as a context
    manager: leaving it with an exception removes the staging folder and keeps the old outputs.
    """

    def __init__(self, out_dir: Path):
        out_dir.mkdir(parents=True, exist_ok=True)
        for stale in out_dir.glob(".staging-*"):  # left by a run that was killed
            shutil.rmtree(stale, ignore_errors=True)
        self.out_dir = out_dir
        self.staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=out_dir))
        self._parquet = {
            name: pq.ParquetWriter(self.staging / f"{name}.parquet", schema)
            for name, schema in (
                ("claims", CLAIMS_SCHEMA),
                ("entities", ENTITIES_SCHEMA),
                ("documents", DOCUMENTS_SCHEMA),
            )
        }
        self._csv_started = False

    def __enter__(self) -> OutputWriter:
        return self

    def __exit__(self, kind, error, trace) -> None:
        for writer in self._parquet.values():
            writer.close()
        shutil.rmtree(self.staging, ignore_errors=True)

    def write(self, claims: pa.Table, entities: pa.Table, documents: pa.Table) -> None:
        """Append one chunk's rows to every table."""
        for name, table in (("claims", claims), ("entities", entities), ("documents", documents)):
            self._parquet[name].write_table(table)
        _write_csv(claims, self.staging / "claims.csv", append=self._csv_started)
        self._csv_started = True

    def finish(self, run_info: dict) -> list[Path]:
        """Close the files, build the DuckDB database, write run.json and move all into place."""
        for writer in self._parquet.values():
            writer.close()
        if not self._csv_started:
            _write_csv(claims_table([]), self.staging / "claims.csv", append=False)
        _write_duckdb(self.staging / "claims.duckdb", self.staging)
        (self.staging / "run.json").write_text(json.dumps(run_info, indent=2, default=str) + "\n", encoding="utf-8")
        written = []
        for name in OUTPUT_FILES:
            os.replace(self.staging / name, self.out_dir / name)
            written.append(self.out_dir / name)
        (self.out_dir / REPORT_NAME).unlink(missing_ok=True)  # it describes an earlier run
        shutil.rmtree(self.out_dir / REPORT_FILES, ignore_errors=True)
        return written


def _write_csv(claims: pa.Table, path: Path, *, append: bool) -> None:
    frame = claims.to_pandas()
    for column in ("entities", "link_rules"):
        frame[column] = frame[column].map(lambda names: "; ".join(names) if names is not None else "")
    for column in frame.columns:
        if frame[column].dtype == object or str(frame[column].dtype).startswith("str"):
            frame[column] = frame[column].map(neutralize_csv_cell)
    # CRLF rows (RFC 4180): the writer then quotes every cell holding a CR or LF; with LF rows a
    # lone CR inside a cell would be written bare and end the row for every reader.
    frame.to_csv(path, index=False, mode="a" if append else "w", header=not append, lineterminator="\r\n")


def _write_duckdb(path: Path, staging: Path) -> None:
    connection = duckdb.connect(str(path))
    try:
        for name in ("claims", "entities", "documents"):
            source = str(staging / f"{name}.parquet").replace("'", "''")
            connection.execute(f"CREATE TABLE {name} AS SELECT * FROM read_parquet('{source}')")
    finally:
        connection.close()
