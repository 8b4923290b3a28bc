"""Claims: quantities and their links become rows of the claims table (CLAIMS.md).

From here on offsets are in the ORIGINAL article text: `PreparedText.to_original` maps them back.
"""

from __future__ import annotations

import hashlib
import math
from bisect import bisect_right

from spacy.tokens import Doc

from pipeline.entities import EntityCanon, entity_spans
from pipeline.prepare import PreparedText
from pipeline.quantities import evidence_weight
from pipeline.records import Claim, Document, EntityMention, Link, Quantity

BASE_LOG_ODDS = -0.1  # fitted with the rule weights: `python -m pipeline calibrate`


def claim_id(doc_id: str, char_start: int, char_end: int) -> str:
    """Stable id: first 16 hex digits of sha1 of `"{doc_id}:{char_start}:{char_end}"`.

    >>> claim_id("000_2b0720b4e286bba8", 10, 20)
    '9eae5d513f910019'
    """
    return hashlib.sha1(f"{doc_id}:{char_start}:{char_end}".encode()).hexdigest()[:16]


def confidence(quantity: Quantity, link: Link) -> float:
    """A 0-1 estimate: the logistic of the weights of the recognizer's evidence and of the linking
    rules that decided (each weight lives with its rule or evidence)."""
    score = BASE_LOG_ODDS + evidence_weight(quantity.evidence) + link.weight
    return round(1 / (1 + math.exp(-score)), 3)


def build_claims(
    document: Document, prepared: PreparedText, doc: Doc, quantities: list[Quantity], links: list[Link]
) -> list[Claim]:
    """One claim per quantity, with offsets, mention and sentence taken from the original text."""
    sentences = list(doc.sents)
    sentence_starts = [sentence.start for sentence in sentences]
    claims = []
    for quantity, link in zip(quantities, links, strict=True):
        char_start, char_end = prepared.to_original(quantity.start, quantity.end)
        sentence_id = _sentence_of(sentence_starts, quantity.token_start)
        sentence = sentences[sentence_id]
        sentence_start, sentence_end = prepared.to_original(
            *_trimmed(prepared.text, sentence.start_char, sentence.end_char)
        )
        claims.append(
            Claim(
                claim_id=claim_id(document.doc_id, char_start, char_end),
                doc_id=document.doc_id,
                published=document.published,
                sentence_id=sentence_id,
                char_start=char_start,
                char_end=char_end,
                mention=document.text[char_start:char_end],
                kind=quantity.kind,
                value=float(quantity.value),
                value_low=float(quantity.value_low) if quantity.value_low is not None else None,
                value_high=float(quantity.value_high) if quantity.value_high is not None else None,
                qualifier=quantity.qualifier,
                unit=quantity.unit,
                role=quantity.role,
                direction=quantity.direction,
                subject=link.subject,
                entity=link.entity,
                entity_label=link.entity_label,
                entities=list(link.entities),
                predicate=link.predicate,
                time=link.time,
                time_text=link.time_text,
                source=link.source,
                sentence=document.text[sentence_start:sentence_end].strip(),
                confidence=confidence(quantity, link),
                link_rules=list(link.rules),
            )
        )
    return claims


def build_entity_mentions(
    document: Document, prepared: PreparedText, doc: Doc, canon: EntityCanon | None = None
) -> list[EntityMention]:
    """The named-entity mentions of a document, with canonical names, offsets into the original."""
    canon = canon or EntityCanon(doc.ents)
    starts = [sentence.start for sentence in doc.sents]
    mentions = []
    for span in entity_spans(doc):
        char_start, char_end = prepared.to_original(span.start_char, span.end_char)
        mentions.append(
            EntityMention(
                doc_id=document.doc_id,
                sentence_id=_sentence_of(starts, span.start),
                char_start=char_start,
                char_end=char_end,
                text=document.text[char_start:char_end],
                label=span.label_,
                canonical=canon.canonical(span)[0],
            )
        )
    return mentions


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """A span without surrounding whitespace, which may stand for markup (`</p>`) in the original."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _sentence_of(starts: list[int], token: int) -> int:
    return max(0, bisect_right(starts, token) - 1)
