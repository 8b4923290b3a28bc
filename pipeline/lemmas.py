"""The model's lemmatizer with its answers cached across documents.

spaCy's rule lemmatizer works token by token: it makes a `Token` object for each, and caches
only some of its answers (not those for base forms, spaces and punctuation). A lemma depends only
on the token's text, part of speech and morphology (the key spaCy's own cache uses), so this
reads those for the whole doc as one array, asks the model's lemmatizer once per distinct key in
the process, and writes the lemmas back as one array: the same lemmas, in a fraction of the time
(BENCHMARKS.md). `tests/test_attribute_rules.py` compares the two token by token.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

_CACHE_SIZE = 200_000


class CachedLemmatizer:
    """Runs after the tagger and attribute rules, where the model's `lemmatizer` ran."""

    def __init__(self) -> None:
        self.lemmatizer: Lemmatizer | None = None
        # lemma texts, not their hashes: a memory zone frees the strings a chunk added
        self._cache: dict[tuple[int, int, int], str] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc) or self.lemmatizer is None:
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        overwrite = self.lemmatizer.overwrite
        strings = doc.vocab.strings
        for index, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not overwrite:
                continue  # set before (the attribute rules' exceptions), as the lemmatizer leaves it
            key = (orth, pos, morph)
            found = self._cache.get(key)
            if found is None:
                if len(self._cache) >= _CACHE_SIZE:
                    self._cache.clear()  # every new number and name is a key: bounded, like the zone
                found = self._cache[key] = self.lemmatizer.lemmatize(doc[index])[0]
            lemmas[index] = strings.add(found)
        doc.from_array([LEMMA], np.ascontiguousarray(lemmas.reshape(-1, 1)))
        return doc


@Language.factory("cached_lemmatizer")
def make_cached_lemmatizer(nlp: Language, name: str) -> CachedLemmatizer:
    """Registered so `nlp.replace_pipe` can install it; `use_cached_lemmas` gives it the model's lemmatizer."""
    return CachedLemmatizer()


def use_cached_lemmas(nlp: Language) -> bool:
    """Swap the model's rule `lemmatizer` for the cached version; True if swapped."""
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    if not isinstance(lemmatizer, Lemmatizer) or lemmatizer.mode != "rule":
        return False
    nlp.replace_pipe("lemmatizer", "cached_lemmatizer").lemmatizer = lemmatizer
    return True
