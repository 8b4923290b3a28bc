"""The spaCy component: `nlp.add_pipe("news_claims")` gives the claims of `extract_text` with `load_nlp`."""

from __future__ import annotations

import pytest
import spacy
from conftest import CORPUS, REAL

from pipeline.config import DEFAULT_MODEL
from pipeline.stages import extract_text


@pytest.fixture(scope="module")
def users_nlp():
    """A pipeline loaded as a user loads one, the component added by its registered name."""
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe("news_claims")
    return nlp


def _articles() -> list:
    stories = sorted(CORPUS.glob("*.txt")) + sorted((REAL / "dev").glob("*.txt"))[:12]
    return [pytest.param(path.read_text(encoding="utf-8"), id=path.stem) for path in stories]


@pytest.mark.parametrize("text", _articles())
def test_component_gives_the_claims_of_extract_text(users_nlp, nlp, text):
    expected = extract_text(text, nlp).claims
    assert expected
    assert users_nlp(text)._.claims == expected


def test_component_reads_published_and_doc_id(users_nlp, nlp):
    text = "Sales rose 5% last year, the company said."
    doc = users_nlp.make_doc(text)
    doc._.published, doc._.doc_id = "2019-06-01", "memo"
    claims = users_nlp(doc)._.claims
    assert claims == extract_text(text, nlp, doc_id="memo", published="2019-06-01").claims
    assert [(claim.doc_id, claim.time) for claim in claims] == [("memo", "2018")]


def test_component_needs_a_parser_and_ner():
    with pytest.raises(ValueError, match="no parser and no ner"):
        spacy.blank("en").add_pipe("news_claims")


def test_extract_text_names_the_components_a_users_pipeline_lacks():
    plain = spacy.load(DEFAULT_MODEL)
    with pytest.raises(ValueError) as error:
        extract_text("Sales rose 5%.", plain)
    message = str(error.value)
    assert "news_boundaries" in message and "company_names" in message and "`Rs.`" in message
    assert 'nlp.add_pipe("news_claims")' in message
