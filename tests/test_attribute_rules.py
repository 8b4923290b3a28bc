"""The lookup attribute ruler and the cached lemmatizer give exactly the annotations of spaCy's
AttributeRuler and Lemmatizer."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from pipeline.attribute_rules import NotCompilable, compile_rules, use_indexed_attribute_rules
from pipeline.config import DEFAULT_MODEL
from pipeline.ingest import expand_inputs, read_documents
from pipeline.lemmas import use_cached_lemmas
from pipeline.prepare import prepare
from tests.conftest import CORPUS, FIXTURES

ATTRIBUTES = [POS, TAG, MORPH, LEMMA, DEP, HEAD]
# Sentences that reach the model's exception rules: negations (`n't`, a REGEX rule), existential
# `there` (a two-token rule), auxiliaries as main verbs, `gets`/`got`, whitespace tokens, determiners
# used as pronouns, `'s` and `'d`.
SENTENCES = [
    "There is no reason the company didn't get paid, and there were 3 bids.",
    "She has two cars; he does not.  They'd have done it.\n\nThat is what he got.",
    "It gets worse: that's the one which those who'd said so   ignored.",
    "Whatever happens, all of these were sold, and both went for $5 each.",
    "\n  \n",
    "",
]


@pytest.fixture(scope="module")
def models():
    stock = spacy.load(DEFAULT_MODEL)
    indexed = spacy.load(DEFAULT_MODEL)
    assert use_indexed_attribute_rules(indexed)
    assert use_cached_lemmas(indexed)
    return stock, indexed


def _texts() -> list[str]:
    documents = read_documents(expand_inputs([CORPUS, FIXTURES]))
    return SENTENCES + [prepare(document).text for document in documents if document.status == "ok"]


def test_same_annotations_as_the_models_attribute_ruler(models):
    stock, indexed = models
    texts = _texts() * 2  # the second time, the lemmas come from the cache
    for text, expected, got in zip(texts, stock.pipe(texts), indexed.pipe(texts), strict=True):
        assert (expected.to_array(ATTRIBUTES) == got.to_array(ATTRIBUTES)).all(), text[:80]


def test_cached_lemmas_keep_what_the_attribute_rules_set(models):
    _, indexed = models
    assert [token.lemma_ for token in indexed("He wasn't there; they'd gone.")] == [
        "he",
        "be",
        "not",
        "there",
        ";",
        "they",
        "would",
        "go",
        ".",
    ]


def test_rules_apply_in_the_rulers_order(models):
    _, indexed = models
    doc = indexed("There wasn't any.")
    assert [(token.text, token.pos_, token.lemma_) for token in doc] == [
        ("There", "PRON", "there"),
        ("was", "VERB", "be"),
        ("n't", "PART", "not"),
        ("any", "PRON", "any"),
        (".", "PUNCT", "."),
    ]


@pytest.mark.parametrize(
    "pattern",
    [
        [{"TAG": "NN", "OP": "+"}],
        [{"LENGTH": {">=": 3}}],
        [{"MORPH": {"IS_SUPERSET": ["Number=Sing"]}}],
    ],
)
def test_patterns_beyond_plain_tests_keep_the_models_ruler(pattern):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([pattern], {"POS": "NOUN"})
    with pytest.raises(NotCompilable):
        compile_rules(ruler)
    assert not use_indexed_attribute_rules(nlp)
    assert type(nlp.get_pipe("attribute_ruler")).__name__ == "AttributeRuler"


def test_a_blank_ruler_compiles_and_changes_nothing():
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler")
    assert use_indexed_attribute_rules(nlp)
    assert [token.pos_ for token in nlp("Two words")] == ["", ""]
