"""Claims: quantities and their links become rows of the claims table (CLAIMS.md).

From here on offsets are in the ORIGINAL article text: `PreparedText.to_original` maps them back.
"""

from __future__ import annotations

import hashlib
import math
import re
from bisect import bisect_right

from spacy.tokens import Doc

from pipeline.entities import EntityCanon, entity_spans
from pipeline.prepare import PreparedText
from pipeline.quantities import evidence_weight
from pipeline.records import Claim, Document, EntityMention, Link, Quantity

BASE_LOG_ODDS = -0.3  # fitted with the rule weights: `python -m pipeline calibrate`


def claim_id(doc_id: str, char_start: int, char_end: int) -> str:
    """Stable id: first 16 hex digits of sha1 of `"{doc_id}:{char_start}:{char_end}"`.

    >>> claim_id("000_2b0720b4e286bba8", 10, 20)
    '9eae5d513f910019'
    """
    return hashlib.sha1(f"{doc_id}:{char_start}:{char_end}".encode()).hexdigest()[:16]


_NUMERAL = re.compile(r"\d[\d,]*(?:\.\d+)?")
# How far a qualifier lets the value go: (low factor, high factor) of the value, None for unbounded.
_QUALIFIED = {
    "approx": (0.9, 1.1),
    "nearly": (0.9, 1.0),
    "more_than": (1.0, None),
    "at_least": (1.0, None),
    "less_than": (None, 1.0),
    "up_to": (None, 1.0),
}


def interval(mention: str, value: float, low: float | None, high: float | None, qualifier: str) -> tuple[float, float]:
    """The values a written figure stands for: its value (or range) widened by half the step of its
    written precision (`3.3 million` -> ±50,000; `34,000` -> ±500; `$10` -> ±0.5), and by its
    qualifier (`about` ±10%, `more than` unbounded above).

    >>> [round(bound) for bound in interval("3.3 million cars", 3.3e6, None, None, "exact")]
    [3250000, 3350000]
    >>> interval("34,000", 34000.0, None, None, "more_than")
    (33500.0, inf)
    >>> interval("$10", 10.0, None, None, "approx")
    (9.0, 11.0)
    >>> interval("$10", 10.0, None, None, "exact")
    (9.5, 10.5)
    """
    half = _half_step(mention, value)
    start, end = (low, high) if low is not None and high is not None else (value, value)
    start, end = start - half, end + half
    factors = _QUALIFIED.get(qualifier)
    if factors is not None:
        low_factor, high_factor = factors
        bounds = sorted((value * low_factor, value)) if low_factor is not None else None
        start = min(start, bounds[0]) if bounds is not None else -math.inf
        ends = sorted((value * high_factor, value)) if high_factor is not None else None
        end = max(end, ends[1]) if ends is not None else math.inf
    return start, end


def _half_step(mention: str, value: float) -> float:
    """Half the step of the figure's last written digit, in the value's units."""
    number = _NUMERAL.search(mention)
    if number is None or not value:  # number words: `three million` is good to a million
        return 0.5 * 10 ** math.floor(math.log10(abs(value))) if value else 0.0
    digits = number.group(0).replace(",", "")
    written = float(digits)
    if not written:
        return 0.0
    zeros = len(digits) - len(digits.rstrip("0"))
    # trailing zeros round a number only from a thousand on (`34,000`; `10` and `250` are as written)
    places = -len(digits.split(".")[1]) if "." in digits else zeros if zeros >= 3 else 0
    return 0.5 * 10.0**places * abs(value / written)


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
        span = interval(
            document.text[char_start:char_end],
            float(quantity.value),
            float(quantity.value_low) if quantity.value_low is not None else None,
            float(quantity.value_high) if quantity.value_high is not None else None,
            quantity.qualifier,
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
                measure=link.measure,
                interval_low=span[0],
                interval_high=span[1],
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
