"""Typed records passed between stages. Each stage takes some of these and returns others."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

KINDS = ("money", "percent", "count")


@dataclass(frozen=True)
class Document:
    """One input article as read from disk (the `ingest` stage's output).

    `text` is the decoded original; every offset in the outputs points into it. `body_start` is
    where the article body begins after a leading date header (metadata, not text).
    """

    doc_id: str
    path: str
    text: str
    sha256: str
    published: date | None = None
    body_start: int = 0
    status: str = "ok"
    error: str | None = None


@dataclass(frozen=True)
class Quantity:
    """A money amount, percentage or count found in a spaCy doc (the `quantities` stage).

    Offsets are character offsets into the prepared text; the qualifier words are outside them.
    """

    start: int
    end: int
    kind: str
    value: Decimal
    unit: str | None
    qualifier: str = "exact"
    value_low: Decimal | None = None
    value_high: Decimal | None = None
    role: str | None = None
    direction: str | None = None  # `up`/`down` for a quantity with a role
    token_start: int = 0
    token_end: int = 0
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class EntityMention:
    """A named-entity mention, offsets into the original text."""

    doc_id: str
    sentence_id: int
    char_start: int
    char_end: int
    text: str
    label: str
    canonical: str


@dataclass(frozen=True)
class Link:
    """What a quantity is about (the `linking` stage)."""

    subject: str | None = None
    entity: str | None = None
    entity_label: str | None = None
    entities: tuple[str, ...] = ()
    predicate: str | None = None
    time: str | None = None
    time_text: str | None = None
    source: str | None = None
    rules: tuple[str, ...] = ()  # the linking rules that decided it (`subject:of-phrase`, ...)
    weight: float = 0.0  # their weights summed: what linking adds to the confidence (log-odds)
    measure: str | None = None  # the subject normalized: head noun and key modifiers, lemmatized


@dataclass(frozen=True)
class Claim:
    """One row of the claims table; the columns are the contract in CLAIMS.md."""

    claim_id: str
    doc_id: str
    published: date | None
    sentence_id: int
    char_start: int
    char_end: int
    mention: str
    kind: str
    value: float
    value_low: float | None
    value_high: float | None
    qualifier: str
    unit: str | None
    role: str | None
    direction: str | None
    subject: str | None
    entity: str | None
    entity_label: str | None
    entities: list[str] = field(default_factory=list)
    predicate: str | None = None
    time: str | None = None
    time_text: str | None = None
    source: str | None = None
    sentence: str = ""
    confidence: float = 0.0
    link_rules: list[str] = field(default_factory=list)  # the linking rules that decided subject, source, ...
    value_usd: float | None = None  # money in US dollars (`fx.py`): value × fx_rate
    fx_rate: float | None = None  # USD per unit of `unit`
    fx_source: str | None = None  # `USD`, `article: <the stated conversion>`, `ECB <date>`
    measure: str | None = None  # what is measured, normalized across stories (`linking.measure_of`)
    interval_low: float | None = None  # the values the written figure stands for (`claims.interval`)
    interval_high: float | None = None


@dataclass(frozen=True)
class DocumentResult:
    """Everything extracted from one document."""

    document: Document
    claims: list[Claim]
    entities: list[EntityMention]
    n_sentences: int
