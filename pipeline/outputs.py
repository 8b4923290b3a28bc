"""EDGE: write the claims, entities and documents tables (Parquet, CSV, DuckDB) and run.json.

One atomic publish: a run writes a complete version folder, `versions/<run_id>/`, and one rename of a
symbolic link, `current -> versions/<run_id>`, makes it the output. The names readers open
(`claims.parquet`, `claims.duckdb`, ...) are links to `current/<name>`, so a reader sees one run's files
or the previous run's, never a mix, and a run killed at any point leaves the previous run current (its
unfinished folder is removed by the next run). The previous version is kept for readers that opened
it just before the switch; older ones are pruned.

One writer per output folder: `OutputLock` holds `.lock` (an OS file lock, released by the OS when its
process dies, so a stale lock of a dead run is simply taken over) and names its holder in `.lock.json`.
"""

from __future__ import annotations

import ctypes
import gc
import json
import os
import shutil
import socket
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

import duckdb
import filelock
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline.facts import MEMORY_LIMIT, FactsBuilt, build_facts, limit_memory
from pipeline.records import Claim, DocumentResult, EntityMention

# Arrow's buffers from the system allocator, not its default pool (mimalloc), which keeps what a
# table freed: converting a 500,000-claim table to CSV grew the process by 99 MB with it, 42 MB
# without (`release_memory` then hands the memory back).
pa.set_memory_pool(pa.system_memory_pool())

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
        ("value_usd", pa.float64()),
        ("fx_rate", pa.float64()),
        ("fx_source", pa.string()),
        ("measure", pa.string()),
        ("interval_low", pa.float64()),
        ("interval_high", pa.float64()),
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
# The report of a run (`report.py`), inside the run's version folder like the tables.
REPORT_NAME = "report.html"
REPORT_FILES = "report_files"
OUTPUT_FILES = (
    "claims.parquet",
    "claims.csv",
    "facts.parquet",
    "facts.csv",
    "entities.parquet",
    "documents.parquet",
    "claims.duckdb",
    "run.json",
)
PUBLISHED_NAMES = (*OUTPUT_FILES, REPORT_NAME, REPORT_FILES)  # each `OUT/<name>` links to `current/<name>`
CURRENT = "current"
VERSIONS = "versions"
INTERRUPTED = ".interrupted"  # the finished chunks of a run stopped with Ctrl-C, for the next run to reuse
# The list columns of the tables written as CSV, joined with `; ` there.
CSV_LIST_COLUMNS = {"claims": ("entities", "link_rules"), "facts": ("claim_ids", "doc_ids", "sources")}
# OWASP: a CSV cell starting with one of these is run as a formula by spreadsheet programs.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def claims_table(claims: Iterable[Claim]) -> pa.Table:
    return _columns(list(claims), CLAIMS_SCHEMA)


def entities_table(mentions: Iterable[EntityMention]) -> pa.Table:
    return _columns(list(mentions), ENTITIES_SCHEMA)


def _columns(records: list, schema: pa.Schema) -> pa.Table:
    """Records as a table built column by column: `dataclasses.asdict` deep-copies every field
    of every row, which cost more than building the table."""
    return pa.Table.from_pydict({name: [getattr(record, name) for record in records] for name in schema.names}, schema)


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


class OutputLocked(RuntimeError):
    """Another run holds the output folder (the message names it)."""


class OutputLock:
    """The output folder's writer lock, held for a whole run (or report): a second writer fails at once."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self._lock = filelock.FileLock(out_dir / ".lock")
        self._owner = out_dir / ".lock.json"

    def __enter__(self) -> OutputLock:
        self.out_dir.mkdir(parents=True, exist_ok=True)
        try:
            self._lock.acquire(timeout=0)
        except filelock.Timeout:
            raise OutputLocked(f"{self.out_dir} is being written by another run ({self._holder()})") from None
        owner = {"pid": os.getpid(), "host": socket.gethostname(), "since": time.strftime("%Y-%m-%d %H:%M:%S"),
                 "command": " ".join(sys.argv)}  # fmt: skip
        self._owner.write_text(json.dumps(owner) + "\n", encoding="utf-8")
        return self

    def __exit__(self, *_: object) -> None:
        self._owner.unlink(missing_ok=True)
        self._lock.release()

    def _holder(self) -> str:
        try:
            owner = json.loads(self._owner.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return "holder unknown"
        return f"pid {owner['pid']} on {owner['host']} since {owner['since']}: {owner['command']}"


def current_version(out_dir: Path) -> Path | None:
    """The folder of the current run's outputs: `versions/<run_id>` (or, for an output folder of an
    older layout with plain files, the folder itself); None when there is no output yet."""
    current = out_dir / CURRENT
    if current.is_dir():
        return current.resolve()
    return out_dir if (out_dir / "documents.parquet").is_file() else None


# A table gathers chunks until it holds this many bytes or this many chunks, then writes them as one
# Parquet row group. A writer keeps every row group's metadata until it closes the file (about 1 KB
# per column): a row group per chunk of 64 articles made memory grow by some 70 MB over 100,000
# articles; gathered, it is a few MB, while the rows held stay small and a re-run that reuses an
# article's rows still decodes only the row groups its chunk's ids fall in (`PreviousRun.rows`).
ROW_GROUP_BYTES = 4 * 1024 * 1024
ROW_GROUP_CHUNKS = 16
# Rows converted to CSV at a time: the conversion holds this many, whatever the row groups' size.
CSV_BATCH_ROWS = 1_000


class OutputWriter:
    """Streams tables chunk by chunk into a staging version folder, then publishes it at once.

    Memory stays bounded: each table gathers chunks (`ROW_GROUP_BYTES`, `ROW_GROUP_CHUNKS`), written
    then as one Parquet row group; the CSV is converted a batch at a time and the DuckDB file is built from the
    staged Parquet files at the end. Used as a context manager inside an `OutputLock`: leaving it with
    an exception removes the staging folder and keeps the published outputs; leaving it with Ctrl-C
    keeps the finished chunks as `INTERRUPTED`.
    """

    def __init__(self, out_dir: Path):
        versions = out_dir / VERSIONS
        versions.mkdir(parents=True, exist_ok=True)
        for stale in [*out_dir.glob(".staging-*"), *versions.glob(".staging-*")]:  # left by killed runs
            shutil.rmtree(stale, ignore_errors=True)
        self.out_dir = out_dir
        self.staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=versions))
        umask = os.umask(0)
        os.umask(umask)
        self.staging.chmod(0o777 & ~umask)  # mkdtemp makes it private; readers of the outputs need it
        self._parquet = {
            name: pq.ParquetWriter(self.staging / f"{name}.parquet", schema)
            for name, schema in (
                ("claims", CLAIMS_SCHEMA),
                ("entities", ENTITIES_SCHEMA),
                ("documents", DOCUMENTS_SCHEMA),
            )
        }
        self._pending: dict[str, list[pa.Table]] = {name: [] for name in self._parquet}
        self._chunks = 0
        self.facts: FactsBuilt | None = None  # what `finish` computed and reused of the facts

    def __enter__(self) -> OutputWriter:
        return self

    def __exit__(self, kind, error, trace) -> None:
        if kind is KeyboardInterrupt:
            self._flush(everything=True)  # the finished chunks are kept for the next run
        for writer in self._parquet.values():
            writer.close()
        if kind is KeyboardInterrupt and self._chunks:
            interrupted = self.out_dir / VERSIONS / INTERRUPTED
            shutil.rmtree(interrupted, ignore_errors=True)
            os.replace(self.staging, interrupted)
        shutil.rmtree(self.staging, ignore_errors=True)

    def write(self, claims: pa.Table, entities: pa.Table, documents: pa.Table) -> None:
        """Append one chunk's rows to every table."""
        for name, table in (("claims", claims), ("entities", entities), ("documents", documents)):
            self._pending[name].append(table)
        self._chunks += 1
        self._flush(everything=False)

    def _flush(self, *, everything: bool) -> None:
        """Write each table's gathered rows as a row group once they reach `ROW_GROUP_BYTES` or
        `ROW_GROUP_CHUNKS` (all of them, with `everything`)."""
        for name, tables in self._pending.items():
            full = len(tables) >= ROW_GROUP_CHUNKS or sum(table.nbytes for table in tables) >= ROW_GROUP_BYTES
            if tables and (everything or full):
                self._parquet[name].write_table(pa.concat_tables(tables), row_group_size=1 << 30)
                tables.clear()

    def finish(self, run_info: dict) -> Path:
        """Close the files, build the DuckDB database, write run.json, publish; the version folder."""
        self._flush(everything=True)
        for writer in self._parquet.values():
            writer.close()
        release_memory()
        claims = self.staging / "claims.parquet"
        with_facts = self.staging / ".claims-with-facts.parquet"
        previous = current_version(self.out_dir)
        same_code = previous is not None and _run_info(previous).get("pipeline_version") == run_info["pipeline_version"]
        # facts of unchanged claims are reused only from a run of the same code and model
        self.facts = build_facts(claims, self.staging / "facts.parquet", with_facts, previous if same_code else None)
        run_info = {**run_info, "facts_computed": self.facts.computed, "facts_reused": self.facts.reused}
        os.replace(with_facts, claims)
        release_memory()
        for name, list_columns in (
            ("claims", ("entities", "link_rules")),
            ("facts", ("claim_ids", "doc_ids", "sources")),
        ):
            _parquet_to_csv(self.staging / f"{name}.parquet", self.staging / f"{name}.csv", list_columns)
            release_memory()
        _write_duckdb(self.staging / "claims.duckdb", self.staging)
        (self.staging / "run.json").write_text(json.dumps(run_info, indent=2, default=str) + "\n", encoding="utf-8")
        version = self.out_dir / VERSIONS / run_info["run_id"]
        os.replace(self.staging, version)
        publish(self.out_dir, version)
        keep = {version.name, previous.name if previous is not None else ""}
        for old in (self.out_dir / VERSIONS).iterdir():
            if old.name not in keep:
                shutil.rmtree(old, ignore_errors=True)
        return version


def _libc() -> ctypes.CDLL | None:
    try:
        libc = ctypes.CDLL("libc.so.6")
        return libc if hasattr(libc, "malloc_trim") else None
    except OSError:  # not glibc (macOS, musl): freed memory stays with the process
        return None


_LIBC = _libc()


def release_memory() -> None:
    """Hand the memory a finished step freed back to the system before the next step: the
    allocators keep it otherwise (glibc's heap, Arrow's pool), and the publishing steps (facts,
    CSV, DuckDB) would pile up, each on the high-water mark of the one before. Measured on a
    100,000-article run: `python -m pipeline.bench --archive`."""
    gc.collect()
    pa.default_memory_pool().release_unused()
    if _LIBC is not None:
        _LIBC.malloc_trim(0)


def _run_info(folder: Path) -> dict:
    try:
        return json.loads((folder / "run.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def publish(out_dir: Path, version: Path) -> None:
    """Make `version` the current output with one atomic rename, the last step of a run.

    Each published name is a link through `current`, made before the switch when missing (the first
    run, or an output folder of the older layout with plain files there), so the switch makes every
    name show the new run at once; before the first switch the links lead nowhere, as if absent.
    """
    for name in PUBLISHED_NAMES:
        link, target = out_dir / name, Path(CURRENT) / name
        if link.is_symlink() and Path(os.readlink(link)) == target:
            continue
        if link.is_dir() and not link.is_symlink():
            shutil.rmtree(link)
        staged = out_dir / f".{name}.link"
        staged.unlink(missing_ok=True)
        staged.symlink_to(target)
        os.replace(staged, link)
    switch = out_dir / f".{CURRENT}.new"
    switch.unlink(missing_ok=True)
    switch.symlink_to(Path(VERSIONS) / version.name)
    os.replace(switch, out_dir / CURRENT)  # the switch


def _parquet_to_csv(source: Path, target: Path, list_columns: tuple[str, ...]) -> None:
    """A table's CSV, written `CSV_BATCH_ROWS` rows at a time, a row group read at a time (memory
    stays flat; `ParquetFile.iter_batches` grew the process by some 50 MB over 100,000 rows of a 6 MB
    file, reading row groups one by one by 10 MB)."""
    table = pq.ParquetFile(source)
    _write_csv(_joined(table.schema_arrow.empty_table(), list_columns), target, append=False)  # the header
    for number in range(table.metadata.num_row_groups):
        rows = _joined(table.read_row_group(number), list_columns)
        for offset in range(0, rows.num_rows, CSV_BATCH_ROWS):
            _write_csv(rows.slice(offset, CSV_BATCH_ROWS), target, append=True)


def _joined(rows: pa.Table, list_columns: tuple[str, ...]) -> pa.Table:
    """The list columns as `; `-joined text, joined by Arrow: as Python lists, a fact's claim ids
    (100,000 of them for a figure every story of an archive repeats) took some 60 bytes each."""
    for column in list_columns:
        index = rows.column_names.index(column)
        joined = pc.fill_null(pc.binary_join(rows[column], "; "), "")
        rows = rows.set_column(index, pa.field(column, pa.string()), joined)
    return rows


def _write_csv(rows: pa.Table, path: Path, *, append: bool) -> None:
    frame = rows.to_pandas()
    for column in frame.columns:
        if frame[column].dtype == object or str(frame[column].dtype).startswith("str"):
            frame[column] = frame[column].map(neutralize_csv_cell)
    # CRLF rows (RFC 4180): the writer then quotes every cell holding a CR or LF; with LF rows a
    # lone CR inside a cell would be written bare and end the row for every reader.
    frame.to_csv(path, index=False, mode="a" if append else "w", header=not append, lineterminator="\r\n")


# DuckDB's memory for copying the tables into the database: a copy streams, so it needs less than
# the facts' aggregation (`facts.MEMORY_LIMIT`), which it is given again when a table's rows are too
# large for this (facts listing the ids of 100,000 claims).
DATABASE_MEMORY_LIMIT = "64MB"


def _write_duckdb(path: Path, staging: Path) -> None:
    try:
        _copy_into_duckdb(path, staging, DATABASE_MEMORY_LIMIT)
    except duckdb.OutOfMemoryException:
        path.unlink(missing_ok=True)
        path.with_name(path.name + ".wal").unlink(missing_ok=True)
        _copy_into_duckdb(path, staging, MEMORY_LIMIT)


def _copy_into_duckdb(path: Path, staging: Path, limit: str) -> None:
    connection = duckdb.connect(str(path))
    try:
        limit_memory(connection, limit)  # by default, most of the machine's memory
        for name in ("claims", "entities", "documents", "facts"):
            source = str(staging / f"{name}.parquet").replace("'", "''")
            connection.execute(f"CREATE TABLE {name} AS SELECT * FROM read_parquet('{source}')")
        connection.execute("CREATE VIEW conflicts AS SELECT * FROM facts WHERE status = 'conflict'")
    finally:
        connection.close()
