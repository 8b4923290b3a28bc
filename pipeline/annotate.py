"""Annotate prepared texts with spaCy: one model load per process, `Language.pipe` over batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.attrs import ORTH
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc

# Markers of headlines of other stories run into the text (`ALSO READ: ...`).
_HEADLINE_MARKERS = (("also", "read"), ("read", "more"), ("see", "also"), ("related",), ("more",))
_TERMINAL = frozenset('.!?"”')
_ABBREVIATIONS_BEFORE_NUMBERS = frozenset({"Rs.", "No.", "Nos.", "Fig.", "Art.", "Sec."})


@Language.component("news_boundaries")
def news_boundaries(doc: Doc) -> Doc:
    """Set sentence starts the parser cannot see: paragraph breaks and run-in headlines.

    The parser keeps boundaries that are already set, so this runs before it.
    """
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and "\n" in previous.text:
            before = doc[previous.i - 1] if previous.i > 0 else None
            if previous.text.count("\n") > 1 or before is None or before.text[-1:] in _TERMINAL:
                token.is_sent_start = True
    for token in doc[1:]:
        if doc[token.i - 1].text in _ABBREVIATIONS_BEFORE_NUMBERS and token.like_num:
            token.is_sent_start = False  # `Rs. 2,500 crore`, `No. 1`
    for index in range(len(doc)):
        size = _headline_marker_size(doc, index)
        if size:
            doc[index].is_sent_start = True
            _end_run_in_headline(doc, index + size + 1)
    return doc


def _headline_marker_size(doc: Doc, index: int) -> int:
    for marker in _HEADLINE_MARKERS:
        end = index + len(marker)
        if end < len(doc) and doc[end].text == ":" and doc[index].text.isupper() and all(
            doc[index + offset].lower_ == word for offset, word in enumerate(marker)
        ):
            return len(marker)
    return 0


def _end_run_in_headline(doc: Doc, start: int) -> None:
    """A run-in headline ends where a new sentence visibly begins: `... factory jobs Still, Japan`."""
    for token in doc[start + 2 : start + 40]:
        previous = doc[token.i - 1]
        starts_sentence = token.is_title and token.lower_ in STOP_WORDS and previous.is_lower
        opens_quote = token.text in ('"', "“") and previous.is_alpha
        if starts_sentence or opens_quote or previous.text in (".", "!", "?"):
            token.is_sent_start = True
            return


@lru_cache(maxsize=4)
def load_nlp(model: str) -> Language:
    """Load a spaCy pipeline once per process and add the boundary rules before its parser.

    Raises:
        OSError: the model is not installed (spaCy's message names it).
    """
    nlp = spacy.load(model)
    for abbreviation in _ABBREVIATIONS_BEFORE_NUMBERS:  # keep `Rs.` and `No.` whole
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    if "news_boundaries" not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe("news_boundaries", before=before) if before else nlp.add_pipe("news_boundaries", first=True)
    return nlp


def annotate(nlp: Language, texts: Iterable[str], *, batch_size: int = 32, processes: int = 1) -> Iterator[Doc]:
    """Run the pipeline over texts in batches, in order."""
    yield from nlp.pipe(texts, batch_size=batch_size, n_process=processes)
