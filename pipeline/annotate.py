"""Annotate prepared texts with spaCy: one model load per process, `Language.pipe` over batches."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.attrs import ORTH, SENT_START
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline import __version__
from pipeline.attribute_rules import use_indexed_attribute_rules
from pipeline.lemmas import use_cached_lemmas
from pipeline.lexicon import CURRENCY_WORDS, PERCENT_WORDS, SCALES, SUBUNITS

# Markers of headlines of other stories run into the text (`ALSO READ: ...`).
_HEADLINE_MARKERS = (("also", "read"), ("read", "more"), ("see", "also"), ("related",), ("more",))
_MARKER_WORDS = frozenset(word for marker in _HEADLINE_MARKERS for word in marker)
_TERMINAL = frozenset('.!?"”')
COMPANY_SUFFIXES = frozenset(
    "inc inc. corp corp. co co. ltd ltd. plc llc ag kk sa nv gmbh holdings bhd pte limited".split()
)
_ABBREVIATIONS_BEFORE_NUMBERS = frozenset({"Rs.", "No.", "Nos.", "Fig.", "Art.", "Sec."})


@Language.component("news_boundaries")
def news_boundaries(doc: Doc) -> Doc:
    """Set sentence starts the parser cannot see: paragraph breaks, datelines and run-in headlines.

    The parser keeps boundaries that are already set, so this runs before it. One pass over the
    tokens; the rarer checks only run where a cheap test on the token's text lets them. The
    decisions are applied at once (`Token.is_sent_start` checks the whole doc on every assignment).
    """
    texts = [token.text for token in doc]
    starts: dict[int, bool] = {}
    datelines = []
    _keep_headline_whole(doc, texts, starts)
    paragraph_start = True
    for index, text in enumerate(texts):
        if paragraph_start and not text.isspace():
            dash = _dateline_dash(doc, index)
            if dash is not None:
                starts[dash + 1] = True
                datelines.append(doc[index : dash + 1])
            paragraph_start = False
        if "\n" in text and text.isspace():
            paragraph_start = True
            before = texts[index - 1] if index else ""
            if index + 1 < len(texts) and (
                text.count("\n") > 1 or not before or before[-1] in _TERMINAL or _INDENTED_LINE.match(text)
            ):
                starts[index + 1] = True
                if index + 2 < len(texts) and texts[index + 1].isalpha() and not texts[index + 2].isspace():
                    starts.setdefault(index + 2, False)  # `Zayre | Corp said`: no one-word sentence opens a paragraph
        elif text in _ABBREVIATIONS_BEFORE_NUMBERS and index + 1 < len(texts) and doc[index + 1].like_num:
            starts[index + 1] = False  # `Rs. 2,500 crore`, `No. 1`
        elif index and text.lower() in _UNIT_WORDS and _number_before(doc, index):
            starts[index] = False  # `6.4 PCT`, `1.3\nbillion dlrs`: an amount is never cut
        elif text.isupper() and text.lower() in _MARKER_WORDS:
            size = _headline_marker_size(texts, index)
            if size:
                starts[index] = True
                _end_run_in_headline(doc, index + size + 1, starts)
    if starts:
        values = doc.to_array([SENT_START]).astype("int64")  # 1 starts a sentence, -1 does not, 0 unknown
        for index, start in starts.items():
            if index:  # the first token always starts a sentence
                values[index] = 1 if start else -1
        doc.from_array([SENT_START], values.astype("uint64").reshape(-1, 1))  # spaCy's array type
    if datelines:
        doc.spans[DATELINES] = datelines
    return doc


DATELINES = "datelines"  # the `doc.spans` group of a story's datelines (`in_dateline`)


def in_dateline(span: Span) -> bool:
    """Whether a span lies in a dateline (`COLUMBUS, Ohio (AP) —`): where the story was filed, not
    what it is about.

    >>> from spacy.lang.en import English
    >>> doc = news_boundaries(English()("ACME CUTS JOBS\\n\\nCOLUMBUS, Ohio (AP) — Acme Corp. cut jobs."))
    >>> in_dateline(doc[6:7]), in_dateline(doc[11:13])  # `Ohio`, `Acme Corp.`
    (True, False)
    """
    return any(line.start <= span.start and span.end <= line.end for line in span.doc.spans.get(DATELINES, ()))


# A line break that `prepare` kept before an indented line starts a paragraph or a table row
# (`Shr 28 cts vs 16 cts\n    Net 9,387,000 vs ...`); prepare joined the wrapped lines of a sentence.
_INDENTED_LINE = re.compile(r"\n[ \t]+$")

# Words that continue the amount before them: scales, currencies and percent words (from the lexicon).
_UNIT_WORDS = frozenset(
    word for table in (SCALES, CURRENCY_WORDS, PERCENT_WORDS, SUBUNITS) for word in table if " " not in word
)


def _number_before(doc: Doc, index: int) -> bool:
    """Whether the token before `index`, across one line break, is a number."""
    previous = doc[index - 1]
    if previous.is_space and index > 1 and previous.text.count("\n") < 2:
        previous = doc[index - 2]
    return previous.like_num or previous.text[-1:].isdigit()


def _keep_headline_whole(doc: Doc, texts: list[str], starts: dict[int, bool]) -> None:
    """A first line that a blank line ends and no sentence mark splits is one headline sentence
    (`AEGON 1986 NET PROFIT RISES 6.4 PCT`): the parser would cut it anywhere."""
    for index, text in enumerate(texts):
        if "\n" in text and text.isspace():
            if text.count("\n") < 2 or any(t in (".", "!", "?") for t in texts[:index]):
                return
            starts.update(dict.fromkeys(range(1, index), False))
            return


_DATELINE_DASHES = frozenset({"-", "--", "—", "–", "_"})  # AP's wire copy writes `WASHINGTON (AP) _`


def _dateline_dash(doc: Doc, start: int) -> int | None:
    """The dash ending a dateline at a paragraph start: `NEW YORK, March 3 - `, `TOKYO (Reuters) - `."""
    for candidate in doc[start : start + 10]:
        if candidate.text in _DATELINE_DASHES:
            before = doc[start : candidate.i]
            looks_like_place = all(t.is_upper or t.is_title or t.is_punct or t.is_digit or t.is_space for t in before)
            named = any(t.text in ("(", ",") or len(t) > 1 and t.is_upper for t in before)
            return candidate.i if before and looks_like_place and named and candidate.i + 1 < len(doc) else None
    return None


def _headline_marker_size(texts: list[str], index: int) -> int:
    for marker in _HEADLINE_MARKERS:
        end = index + len(marker)
        if end < len(texts) and texts[end] == ":" and [t.lower() for t in texts[index:end]] == list(marker):
            return len(marker)
    return 0


def _end_run_in_headline(doc: Doc, start: int, starts: dict[int, bool]) -> None:
    """A run-in headline ends where a new sentence visibly begins: `... factory jobs Still, Japan`."""
    for token in doc[start + 2 : start + 40]:
        previous = doc[token.i - 1]
        starts_sentence = token.is_title and token.lower_ in STOP_WORDS and previous.is_lower
        opens_quote = token.text in ('"', "“") and previous.is_alpha
        if starts_sentence or opens_quote or previous.text in (".", "!", "?"):
            starts[token.i] = True
            return


@lru_cache(maxsize=4)
def load_nlp(model: str) -> Language:
    """Load a spaCy pipeline once per process, with the news components added (`add_news_components`)
    and its attribute rules applied by lookup and its lemmas cached (same annotations, faster:
    `attribute_rules`, `lemmas`).

    Raises:
        OSError: the model is not installed (spaCy's message names it).
    """
    nlp = spacy.load(model)
    use_indexed_attribute_rules(nlp)
    use_cached_lemmas(nlp)
    return add_news_components(nlp)


# What a pipeline needs, beyond a parser and NER, for the claims `load_nlp` gives.
NEWS_COMPONENTS = {
    "news_boundaries": "sentence starts at paragraph breaks, datelines and headlines, before the parser",
    "company_names": "capitalised runs ending in a legal form (`Calloway Consolidated Inc`) as ORG, after ner",
}
_COMPANY_PATTERN = [{"IS_TITLE": True, "IS_STOP": False, "OP": "+"}, {"LOWER": {"IN": sorted(COMPANY_SUFFIXES)}}]


def add_news_components(nlp: Language) -> Language:
    """Add to `nlp`, in place and once, what the extraction relies on: the tokenizer exceptions that
    keep `Rs.` and `No.` whole, and the `NEWS_COMPONENTS`. Returns `nlp`.

    Raises:
        ValueError: `nlp` has no parser or no NER (`missing_components` names them).
    """
    lacking = [name for name in ("parser", "ner") if name not in nlp.pipe_names]
    if lacking:
        raise ValueError(f"the pipeline has no {' and no '.join(lacking)}; news claims need both")
    for abbreviation in _ABBREVIATIONS_BEFORE_NUMBERS:
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    if "company_names" not in nlp.pipe_names:
        # The small model misses company names it never saw (`Calloway Consolidated Inc said ...`).
        ruler = nlp.add_pipe("entity_ruler", name="company_names", after="ner", config={"overwrite_ents": True})
        ruler.add_patterns([{"label": "ORG", "pattern": _COMPANY_PATTERN}])
    if "news_boundaries" not in nlp.pipe_names:
        nlp.add_pipe("news_boundaries", before="parser")  # the parser keeps boundaries already set
    return nlp


def missing_components(nlp: Language) -> list[str]:
    """What `nlp` lacks of the news components, each with what it is for and where it goes."""
    missing = [f"{name} ({what})" for name, what in NEWS_COMPONENTS.items() if name not in nlp.pipe_names]
    missing += [f"{name} (the model's {name})" for name in ("parser", "ner") if name not in nlp.pipe_names]
    if any(nlp.tokenizer.rules.get(abbreviation) is None for abbreviation in _ABBREVIATIONS_BEFORE_NUMBERS):
        missing.append("the tokenizer exceptions for `Rs.` and `No.`")
    return missing


def annotate(nlp: Language, texts: Iterable[str], *, batch_size: int = 32) -> Iterator[Doc]:
    """Run the pipeline over texts in batches, in order."""
    yield from nlp.pipe(texts, batch_size=batch_size)


def pipeline_version(model: str, nlp: Language) -> str:
    """`0.1.0+<digest>`: the release plus a digest of the code, the data files and the model's own files
    (their content: a model changed in place under the same name and version is another model), so an
    incremental run never reuses rows made by other code or another model."""
    digest = hashlib.sha256(f"{model}:{nlp.meta.get('name')}:{nlp.meta.get('version')}".encode())
    package = Path(__file__).parent
    data = [path for path in package.glob("data/*") if path.suffix != ".md"]  # the contract's prose is not code
    for path in sorted([*package.rglob("*.py"), *data]):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    if nlp.path is not None:
        digest.update(_folder_digest(str(nlp.path)).encode())
    return f"{__version__}+{digest.hexdigest()[:12]}"


@lru_cache(maxsize=4)
def _folder_digest(folder: str) -> str:
    """sha256 over a folder's files (names and contents, in name order): once per process."""
    digest = hashlib.sha256()
    for path in sorted(Path(folder).rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(folder)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()
