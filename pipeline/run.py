"""Compose the stages: read -> prepare -> annotate -> quantities -> linking -> claims -> write."""

from __future__ import annotations

import platform
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import islice
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline import __version__
from pipeline.annotate import annotate, load_nlp
from pipeline.claims import build_claims, build_entity_mentions
from pipeline.config import Config
from pipeline.ingest import expand_inputs, read_documents
from pipeline.linking import link_quantities
from pipeline.outputs import claims_table, documents_table, entities_table, write_outputs
from pipeline.prepare import PreparedText, prepare
from pipeline.quantities import find_quantities, merge_entities
from pipeline.records import Document, DocumentResult

# Long articles are annotated in segments of about this many characters, cut at line breaks,
# then joined back into one Doc: parser memory grows with the length of a single text.
SEGMENT_CHARS = 20_000


@dataclass(frozen=True)
class RunSummary:
    """What a run did, for the end-of-run message and run.json."""

    n_documents: int
    statuses: dict[str, int]
    n_claims: int
    seconds: float
    written: list[Path]


def extract_document(document: Document, prepared: PreparedText, doc: Doc, *, config: Config) -> DocumentResult:
    """Quantities, links and claims of one annotated document (pure)."""
    quantities = find_quantities(doc, default_dollar=config.default_dollar)
    merge_entities(doc, quantities)
    links = link_quantities(doc, quantities, published=document.published)
    claims = build_claims(document, prepared, doc, quantities, links)
    mentions = build_entity_mentions(document, prepared, doc)
    return DocumentResult(document, claims, mentions, n_sentences=sum(1 for _ in doc.sents))


def extract_text(text: str, nlp: Language, *, config: Config = Config(), doc_id: str = "text") -> DocumentResult:
    """Run the whole pipeline over one text in memory (for tests, notebooks and services)."""
    from pipeline.ingest import make_document

    return next(process_documents([make_document(doc_id, "<memory>", text)], nlp, config=config))


def process_documents(documents: Iterable[Document], nlp: Language, *, config: Config) -> Iterator[DocumentResult]:
    """Run every document through the stages in chunks; a failing document is recorded, not raised."""
    iterator = iter(documents)
    while chunk := list(islice(iterator, config.batch_size * max(1, config.processes) * 4)):
        yield from _process_chunk(chunk, nlp, config)


def _process_chunk(chunk: list[Document], nlp: Language, config: Config) -> Iterator[DocumentResult]:
    prepared: dict[int, PreparedText] = {}
    results: dict[int, DocumentResult] = {}
    for position, document in enumerate(chunk):
        if document.status != "ok":
            results[position] = DocumentResult(document, [], [], 0)
            continue
        try:
            prepared[position] = prepare(document)
        except Exception as error:  # noqa: BLE001 - one bad article must not stop the batch
            results[position] = _failed(document, "prepare", error)
    docs = _annotate_all(nlp, prepared, config)
    for position, doc in docs.items():
        document = chunk[position]
        if isinstance(doc, Exception):
            results[position] = _failed(document, "annotate", doc)
            continue
        try:
            results[position] = extract_document(document, prepared[position], doc, config=config)
        except Exception as error:  # noqa: BLE001
            results[position] = _failed(document, "extract", error)
    for position in range(len(chunk)):
        yield results[position]


def _annotate_all(nlp: Language, prepared: dict[int, PreparedText], config: Config) -> dict[int, Doc | Exception]:
    """Annotate all texts in one `nlp.pipe` stream; on failure, retry one by one to find the culprit."""
    segments = [(position, text) for position, item in prepared.items() for text in split_segments(item.text)]
    try:
        annotated = list(annotate(nlp, (text for _, text in segments), batch_size=config.batch_size,
                                  processes=config.processes))
    except Exception:  # noqa: BLE001
        annotated = []
        for _, text in segments:
            try:
                annotated.append(nlp(text))
            except Exception as error:  # noqa: BLE001
                annotated.append(error)
    grouped: dict[int, list] = {position: [] for position in prepared}
    for (position, _), doc in zip(segments, annotated, strict=True):
        grouped[position].append(doc)
    docs: dict[int, Doc | Exception] = {}
    for position, parts in grouped.items():
        errors = [part for part in parts if isinstance(part, Exception)]
        docs[position] = errors[0] if errors else parts[0] if len(parts) == 1 else Doc.from_docs(
            parts, ensure_whitespace=False)
    return docs


def split_segments(text: str, limit: int = SEGMENT_CHARS) -> list[str]:
    """Cut a long text into pieces of at most about `limit` chars at line or sentence breaks.

    The pieces concatenate back to `text` exactly.

    >>> split_segments("a. b. c.", limit=3)
    ['a. ', 'b. ', 'c.']
    """
    pieces = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = max(window.rfind("\n"), window.rfind(". "), window.rfind(" "))
        cut = start + (cut + 1 if cut > 0 else limit)
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def _failed(document: Document, stage: str, error: Exception) -> DocumentResult:
    message = f"{stage}: {type(error).__name__}: {error}"
    return DocumentResult(replace(document, status="failed", error=message[:500]), [], [], 0)


def run(inputs: list[Path], config: Config, *, progress: bool = True) -> RunSummary:
    """Extract claims from `inputs` and write the output tables to `config.out_dir`."""
    started = time.perf_counter()
    files = expand_inputs(inputs)
    nlp = load_nlp(config.model)
    documents = read_documents(files)
    results_iter = process_documents(documents, nlp, config=config)
    if progress:
        from tqdm import tqdm

        results_iter = tqdm(results_iter, desc="articles", unit="doc", file=sys.stderr, mininterval=1.0)
    results = list(results_iter)
    claims = [claim for result in results for claim in result.claims]
    mentions = [mention for result in results for mention in result.entities]
    statuses = Counter(result.document.status for result in results)
    seconds = time.perf_counter() - started
    run_info = {
        "pipeline_version": __version__,
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "model": config.model,
        "model_version": nlp.meta.get("version"),
        "inputs": [str(path) for path in inputs],
        "n_documents": len(results),
        "statuses": dict(statuses),
        "n_claims": len(claims),
        "seconds": round(seconds, 3),
    }
    written = write_outputs(
        config.out_dir, claims_table(claims), entities_table(mentions), documents_table(results, __version__), run_info
    )
    return RunSummary(len(results), dict(statuses), len(claims), seconds, written)
