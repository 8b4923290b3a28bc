"""The stages of one article, composed: prepare -> annotate -> quantities -> linking -> claims.

`process_chunk` is the unit of work every engine runs (`engines.py`); `extract_text` runs one text
in memory. Reading inputs and writing the tables are the edges, in `run.py`.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.annotate import annotate, load_nlp, missing_components
from pipeline.claims import build_claims, build_entity_mentions
from pipeline.config import Config
from pipeline.entities import (
    EntityCanon,
    drop_capitalised_words,
    harmonise_labels,
    headline_names,
    join_month_spans,
    join_nationality_names,
    join_of_names,
    lede_actors,
    mark_acronyms,
    mark_listed_companies,
    mark_repeated_names,
    mark_split_years,
)
from pipeline.fx import with_usd
from pipeline.ingest import make_document
from pipeline.linking import link_quantities
from pipeline.prepare import PreparedText, prepare
from pipeline.quantities import find_quantities, merge_entities
from pipeline.records import Document, DocumentResult

# Long articles are annotated in segments of about this many characters, cut at line breaks,
# then joined back into one Doc: parser memory grows with the length of a single text.
SEGMENT_CHARS = 20_000


def extract_document(
    document: Document, prepared: PreparedText, doc: Doc, *, config: Config, contain_errors: bool = False
) -> DocumentResult:
    """Quantities, links and claims of one annotated document (pure).

    With `contain_errors` (batch runs), a sentence whose reading raises loses only its own figures
    (a figure whose linking raises, only its links): the article is kept, `ok`, and `error` says
    `warning: ...` for each such sentence. Without it the error propagates (tests see it).
    """
    problems: list[str] = []

    def sentence_failed(sentence, error: Exception) -> None:
        start, _ = prepared.to_original(sentence.start_char, sentence.end_char)
        problems.append(f"the sentence at character {start} was skipped ({type(error).__name__}: {error})")

    def link_failed(quantity, error: Exception) -> None:
        start, _ = prepared.to_original(quantity.start, quantity.end)
        problems.append(f"the figure at character {start} was not linked ({type(error).__name__}: {error})")

    quantities = find_quantities(
        doc, default_dollar=config.default_dollar, on_error=sentence_failed if contain_errors else None
    )
    merge_entities(doc, quantities)
    drop_capitalised_words(doc)
    join_nationality_names(doc)
    join_of_names(doc)
    join_month_spans(doc)
    mark_split_years(doc)
    listed = mark_listed_companies(doc, prepared, document.text)
    mark_acronyms(doc)
    repeats = mark_repeated_names(doc)
    harmonise_labels(doc)
    labelled = {(ent.start, ent.end): ent for ent in doc.ents}  # the marks with the labels harmonised
    listed = [(labelled.get((span.start, span.end), span), ticker) for span, ticker in listed]
    canon = EntityCanon(doc.ents, listed=listed, lede=lede_actors(doc), headline=headline_names(doc), repeats=repeats)
    links = link_quantities(
        doc, quantities, published=document.published, canon=canon, on_error=link_failed if contain_errors else None
    )
    claims = with_usd(build_claims(document, prepared, doc, quantities, links), document.text, document.published)
    mentions = build_entity_mentions(document, prepared, doc, canon)
    if problems:
        error = "; ".join(filter(None, [document.error, "warning: " + "; ".join(problems)]))
        document = replace(document, error=error[:500])
    return DocumentResult(document, claims, mentions, n_sentences=sum(1 for _ in doc.sents))


def extract_text(
    text: str,
    nlp: Language,
    *,
    config: Config | None = None,
    doc_id: str = "text",
    published: str | None = None,
) -> DocumentResult:
    """Run the whole pipeline over one text in memory (for tests, notebooks and services);
    `published` (ISO date) resolves relative periods as a record's date would.

    Raises:
        ValueError: `nlp` lacks a component the claims depend on (the message names each one); a
            pipeline from `load_nlp`, or one given `nlp.add_pipe("news_claims")`, has them all.
    """
    missing = missing_components(nlp)
    if missing:
        raise ValueError(
            f"the spaCy pipeline lacks {'; '.join(missing)}: load it with pipeline.annotate.load_nlp(name), "
            'or add them with nlp.add_pipe("news_claims") or pipeline.annotate.add_news_components(nlp)'
        )
    document = make_document(doc_id, "<memory>", text, published=published)
    return _process_chunk([document], nlp, config or Config())[0]


def process_chunk(documents: list[Document], config: Config) -> list[DocumentResult]:
    """Process a chunk of articles end to end in this process: the unit of work of every engine.

    The model is loaded once per process (`load_nlp` caches it), so worker processes and Dask
    workers pay for it once.
    """
    return _process_chunk(documents, load_nlp(config.model), config)


def _process_chunk(chunk: list[Document], nlp: Language, config: Config) -> list[DocumentResult]:
    # The strings and lexemes a chunk adds to the model's vocabulary (every new number and name) are
    # freed after it, so a process's memory stays flat however many articles it reads; the results
    # hold plain values, nothing of the docs.
    with nlp.memory_zone():
        return _process_chunk_in_zone(chunk, nlp, config)


def _process_chunk_in_zone(chunk: list[Document], nlp: Language, config: Config) -> list[DocumentResult]:
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
            results[position] = extract_document(document, prepared[position], doc, config=config, contain_errors=True)
        except Exception as error:  # noqa: BLE001
            results[position] = _failed(document, "extract", error)
    return [results[position] for position in range(len(chunk))]


def _annotate_all(nlp: Language, prepared: dict[int, PreparedText], config: Config) -> dict[int, Doc | Exception]:
    """Annotate all texts in one `nlp.pipe` stream; on failure, retry one by one to find the culprit."""
    segments = [(position, text) for position, item in prepared.items() for text in split_segments(item.text)]
    try:
        # one process here: the engines (`--processes`, Dask) already run chunks in parallel
        annotated = list(annotate(nlp, (text for _, text in segments), batch_size=config.batch_size))
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
        docs[position] = (
            errors[0] if errors else parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)
        )
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
