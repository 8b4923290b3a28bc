"""A batch run: read the inputs, process them in chunks (`stages.py`, by the engine), write the tables."""

from __future__ import annotations

import platform
import sys
import time
import uuid
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import spacy
from tqdm import tqdm

from pipeline.annotate import load_nlp, pipeline_version
from pipeline.config import Config
from pipeline.engines import map_chunks
from pipeline.fx import release_rates
from pipeline.ingest import InputError, RecordKeys, count_articles, find_inputs, read_documents
from pipeline.outputs import (
    CLAIMS_SCHEMA,
    DOCUMENTS_SCHEMA,
    ENTITIES_SCHEMA,
    INTERRUPTED,
    VERSIONS,
    OutputLock,
    OutputWriter,
    claims_table,
    current_version,
    documents_table,
    entities_table,
    release_memory,
)
from pipeline.records import Document, DocumentResult


@dataclass(frozen=True)
class RunSummary:
    """What a run did, for the end-of-run message and run.json."""

    n_documents: int
    statuses: dict[str, int]
    n_claims: int
    seconds: float
    n_reused: int = 0
    not_articles: tuple[str, ...] = ()  # files in the input folders that are not articles
    warnings: tuple[str, ...] = ()  # e.g. a damaged previous output, treated as absent


class NothingToPublish(InputError):
    """The inputs hold no article: publishing would replace the previous tables with empty ones."""


def run(inputs: list[Path], config: Config, *, progress: bool = True, release_model: bool = False) -> RunSummary:
    """Extract claims from `inputs` and publish the output tables in `config.out_dir`.

    Articles stream through in chunks: read, processed by the configured engine, written. An
    article whose text, publication date and pipeline (code, data and model files) match the
    previous run's output, or the finished chunks of an interrupted run, is not processed again;
    its rows are copied (unless `config.force`). With `release_model` (the command line's runs, which
    end with the process), the spaCy model is let go before publishing: the facts, CSV and DuckDB
    steps then do not stand on the model's memory (about 25 MiB lower peaks in `bench --archive`).

    Raises:
        NothingToPublish: no article in the inputs (unless `config.allow_empty`); nothing is written.
        OutputLocked: another run is writing into `config.out_dir`.
    """
    started = time.perf_counter()
    found = find_inputs(inputs)
    if not found.files and not config.allow_empty:
        raise NothingToPublish(_nothing_message(found.not_articles))
    files, keys = found.files, RecordKeys(config.text_key, config.id_key, config.date_key)
    with OutputLock(config.out_dir):
        nlp = load_nlp(config.model)  # fails fast, here, when the model is not installed
        version = pipeline_version(config.model, nlp)
        previous = PreviousRun.load(config.out_dir, version) if not config.force else PreviousRun.empty()
        statuses: Counter[str] = Counter()
        n_claims = n_reused = 0
        total = count_articles(files) if progress else None
        bar = tqdm(
            desc="articles", total=total, unit="doc", file=sys.stderr, mininterval=1.0, delay=3, disable=not progress
        )
        with OutputWriter(config.out_dir) as writer:
            pending = (
                (chunk, [document for document in chunk if not previous.covers(document)])
                for chunk in _chunks(_dated(read_documents(files, keys), config), config.chunk_size)
            )
            for chunk, fresh, results in map_chunks(pending, config):
                claims, entities, documents = _chunk_tables(chunk, fresh, results, previous, version)
                writer.write(claims, entities, documents)
                statuses.update(documents.column("status").to_pylist())
                n_claims += claims.num_rows
                n_reused += len(chunk) - len(fresh)
                bar.update(len(chunk))
            bar.close()
            if not statuses and not config.allow_empty:
                raise NothingToPublish(_nothing_message(found.not_articles, files))
            model_version = nlp.meta.get("version")
            if release_model:
                del nlp
                load_nlp.cache_clear()
                release_rates()
                release_memory()
            seconds = time.perf_counter() - started
            finished = datetime.now(UTC)
            run_info = {
                # names this run (the report shows it): when it finished, and a random part for runs in the same second
                "run_id": f"{finished:%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:8]}",
                "finished": f"{finished:%Y-%m-%d %H:%M:%S} UTC",
                "pipeline_version": version,
                "python": platform.python_version(),
                "spacy": spacy.__version__,
                "model": config.model,
                "model_version": model_version,
                "engine": config.engine,
                "processes": config.processes,
                "inputs": [str(path) for path in inputs],
                "not_articles": [str(path) for path in found.not_articles],
                "folders_not_read": found.skipped,
                "n_documents": sum(statuses.values()),
                "statuses": dict(statuses),
                "n_reused": n_reused,
                "n_claims": n_claims,
                "seconds": round(seconds, 3),
            }
            writer.finish(run_info)
    not_articles = tuple(str(path) for path in found.not_articles)
    return RunSummary(
        sum(statuses.values()),
        dict(statuses),
        n_claims,
        seconds,
        n_reused,
        not_articles,
        (*[f"folder not read: {reason}" for reason in found.skipped], *previous.problems),
    )


def _nothing_message(not_articles: list[Path], files: list[Path] = ()) -> str:
    where = f"{len(files)} input files hold no article" if files else "no article files in the inputs"
    others = f" ({len(not_articles)} other files, not articles)" if not_articles else ""
    return f"{where}{others}; the previous outputs are kept (--allow-empty publishes empty tables)"


def _dated(documents: Iterable[Document], config: Config) -> Iterator[Document]:
    """Articles stating no publication date take the run's `--published`, if given."""
    for document in documents:
        yield (
            replace(document, published=config.published)
            if document.published is None and config.published
            else document
        )


def _chunks(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(documents)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _chunk_tables(
    chunk: list[Document], fresh: list[Document], results: list[DocumentResult], previous: PreviousRun, version: str
) -> tuple[pa.Table, pa.Table, pa.Table]:
    """The chunk's rows in input order: new results, and the previous run's rows for the others."""
    order = {document.doc_id: position for position, document in enumerate(chunk)}
    fresh_ids = {document.doc_id for document in fresh}
    reused = [document.doc_id for document in chunk if document.doc_id not in fresh_ids]
    old_claims, old_entities, old_documents = previous.rows(reused, {d.doc_id: d for d in chunk})
    claims = pa.concat_tables([claims_table(c for r in results for c in r.claims), old_claims])
    entities = pa.concat_tables([entities_table(m for r in results for m in r.entities), old_entities])
    documents = pa.concat_tables([documents_table(results, version), old_documents])
    return tuple(_in_input_order(table, order) for table in (claims, entities, documents))


def _in_input_order(table: pa.Table, order: dict[str, int]) -> pa.Table:
    keys = [order[doc_id] for doc_id in table.column("doc_id").to_pylist()]
    sort_columns = [("input_order", "ascending")] + (
        [("char_start", "ascending")] if "char_start" in table.column_names else []
    )
    with_order = table.append_column("input_order", pa.array(keys, pa.int64()))
    return with_order.sort_by(sort_columns).drop_columns(["input_order"])


TABLES = (("claims", CLAIMS_SCHEMA), ("entities", ENTITIES_SCHEMA), ("documents", DOCUMENTS_SCHEMA))


@dataclass(frozen=True)
class PreviousRun:
    """The rows an earlier run left in the output folder: the current version's, and the finished
    chunks of a run interrupted since (newer, so they win), for reusing unchanged articles' rows."""

    version: str
    # doc_id -> (sha256, published, pipeline version) of articles done ok, and the folder of their rows
    keys: dict[str, tuple[str, object, str]]
    folders: dict[str, Path]
    problems: tuple[str, ...] = ()

    @classmethod
    def empty(cls) -> PreviousRun:
        return cls("", {}, {})

    @classmethod
    def load(cls, out_dir: Path, version: str) -> PreviousRun:
        """Read what can be reused; a damaged folder is reported in `problems` and treated as absent."""
        keys: dict[str, tuple[str, object, str]] = {}
        folders: dict[str, Path] = {}
        problems = []
        for folder in (current_version(out_dir), out_dir / VERSIONS / INTERRUPTED):
            if folder is None or not folder.is_dir():
                continue
            try:
                rows = _reusable_rows(folder, version)
            except (OSError, pa.ArrowException, KeyError, ValueError) as error:
                problems.append(f"previous output in {folder} is damaged and not reused ({error})")
                continue
            for row in rows:
                if row["status"] == "ok":
                    keys[row["doc_id"]] = (row["sha256"], row["published"], row["pipeline_version"])
                    folders[row["doc_id"]] = folder
        return cls(version, keys, folders, tuple(problems))

    def covers(self, document: Document) -> bool:
        """Whether the article is unchanged since the previous run (same text, date and pipeline)."""
        return document.status == "ok" and self.keys.get(document.doc_id) == (
            document.sha256,
            document.published,
            self.version,
        )

    def rows(self, doc_ids: list[str], current: dict[str, Document]) -> tuple[pa.Table, pa.Table, pa.Table]:
        """The previous claims, entities and documents rows of `doc_ids` (documents get today's path)."""
        tables = [(claims_table([]), entities_table([]), documents_table([], self.version))]
        by_folder: dict[Path, list[str]] = {}
        for doc_id in doc_ids:
            by_folder.setdefault(self.folders[doc_id], []).append(doc_id)
        for folder, ids in by_folder.items():
            wanted = pc.field("doc_id").isin(ids)
            tables.append(
                tuple(
                    pq.read_table(folder / f"{name}.parquet", filters=wanted, schema=schema)
                    for name, schema in (
                        ("claims", CLAIMS_SCHEMA),
                        ("entities", ENTITIES_SCHEMA),
                        ("documents", DOCUMENTS_SCHEMA),
                    )
                )
            )
        claims, entities, documents = (pa.concat_tables(parts) for parts in zip(*tables, strict=True))
        paths = pa.array([current[doc_id].path for doc_id in documents.column("doc_id").to_pylist()], pa.string())
        documents = documents.set_column(documents.schema.get_field_index("path"), "path", paths)
        return claims, entities, documents


def _reusable_rows(folder: Path, version: str) -> list[dict]:
    """The documents rows of an output folder made by this very pipeline version, after checking
    that its three tables can be read with today's columns (raises what pyarrow raises, or KeyError
    naming a missing column). Rows of another version are never reused: their tables go unchecked."""
    documents = folder / "documents.parquet"
    if not documents.is_file():
        raise FileNotFoundError("documents.parquet is missing")
    columns = ["doc_id", "sha256", "published", "pipeline_version", "status"]
    rows = [row for row in pq.read_table(documents, columns=columns).to_pylist() if row["pipeline_version"] == version]
    if not rows:
        return []
    for name, schema in TABLES:
        path = folder / f"{name}.parquet"
        if not path.is_file():
            raise FileNotFoundError(f"{path.name} is missing")
        found = pq.read_schema(path)
        missing = [column for column in schema.names if column not in found.names]
        if missing:
            raise KeyError(f"{path.name} has no column {', '.join(missing)}")
        pq.read_metadata(path)
    return rows
