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

CLAIMS_SCHEMA = pa.schema([
    ("claim_id", pa.string()), ("doc_id", pa.string()), ("published", pa.date32()),
    ("sentence_id", pa.int32()), ("char_start", pa.int64()), ("char_end", pa.int64()),
    ("mention", pa.string()), ("kind", pa.string()), ("value", pa.float64()),
    ("value_low", pa.float64()), ("value_high", pa.float64()), ("qualifier", pa.string()),
    ("unit", pa.string()), ("role", pa.string()), ("subject", pa.string()), ("entity", pa.string()),
    ("entity_label", pa.string()), ("entities", pa.list_(pa.string())), ("predicate", pa.string()),
    ("time", pa.string()), ("time_text", pa.string()), ("source", pa.string()), ("sentence", pa.string()),
    ("confidence", pa.float64()),
])
ENTITIES_SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("sentence_id", pa.int32()), ("char_start", pa.int64()), ("char_end", pa.int64()),
    ("text", pa.string()), ("label", pa.string()), ("canonical", pa.string()),
])
DOCUMENTS_SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("path", pa.string()), ("sha256", pa.string()), ("published", pa.date32()),
    ("n_chars", pa.int64()), ("n_sentences", pa.int32()), ("n_claims", pa.int32()), ("status", pa.string()),
    ("error", pa.string()), ("pipeline_version", pa.string()), ("text", pa.string()),
])
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
        rows.append({
            "doc_id": document.doc_id, "path": document.path, "sha256": document.sha256,
            "published": document.published, "n_chars": len(document.text), "n_sentences": result.n_sentences,
            "n_claims": len(result.claims), "status": document.status, "error": document.error,
            "pipeline_version": pipeline_version, "text": document.text,
        })
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


def write_outputs(out_dir: Path, claims: pa.Table, entities: pa.Table, documents: pa.Table, run_info: dict) -> list[Path]:
    """Write all output files atomically into `out_dir`; return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=out_dir))
    try:
        pq.write_table(claims, staging / "claims.parquet")
        pq.write_table(entities, staging / "entities.parquet")
        pq.write_table(documents, staging / "documents.parquet")
        _write_csv(claims, staging / "claims.csv")
        _write_duckdb(staging / "claims.duckdb", claims=claims, entities=entities, documents=documents)
        (staging / "run.json").write_text(json.dumps(run_info, indent=2, default=str) + "\n", encoding="utf-8")
        written = []
        for name in OUTPUT_FILES:
            os.replace(staging / name, out_dir / name)
            written.append(out_dir / name)
        return written
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _write_csv(claims: pa.Table, path: Path) -> None:
    frame = claims.to_pandas()
    frame["entities"] = frame["entities"].map(lambda names: "; ".join(names) if names is not None else "")
    for column in frame.columns:
        if frame[column].dtype == object or str(frame[column].dtype).startswith("str"):
            frame[column] = frame[column].map(neutralize_csv_cell)
    frame.to_csv(path, index=False)


def _write_duckdb(path: Path, **tables: pa.Table) -> None:
    connection = duckdb.connect(str(path))
    try:
        for name, table in tables.items():
            connection.register("incoming", table)
            connection.execute(f"CREATE TABLE {name} AS SELECT * FROM incoming")
            connection.unregister("incoming")
    finally:
        connection.close()
