"""Recall witness: amounts the claims table may have missed, found without any gold.

Two witnesses look at every article independently of the recognizer:

- `spacy`: each span the plain spaCy model (none of our components) labels MONEY or PERCENT;
- `unit_word`: each digit group that a currency or percent word follows in its sentence
  (`15 mln dlrs`, `5-1/2 pct`, `12 cts`), or that a currency sign or code precedes (`$US42`, `HK $3.2m`).

A witnessed span that no claim overlaps is listed with its sentence, and so is every claim whose
mention holds neither a digit nor a number word. Each listed span is then either explained by
a rule of the contract's list of non-claims (a year, a date, a duration, index points, ...), by
the first rule of `EXPLANATIONS` that applies, or left `unexplained`: those are the misses to fix.

The witness patterns are built from the lexicon's tables, so a currency the recognizer learns is
a currency the witness looks for.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

import pandas as pd

from pipeline.lexicon import (
    CURRENCY_PREFIXES,
    CURRENCY_WORDS,
    FRACTION_DENOMINATORS,
    PERCENT_WORDS,
    QUALIFIERS,
    SCALES,
    SUBUNITS,
    TENS_WORDS,
    UNITS_WORDS,
)


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in sorted(set(words), key=len, reverse=True))


_UNIT_AFTER = _alternation([*CURRENCY_WORDS, *PERCENT_WORDS, *(w for w in SUBUNITS if len(w) > 1)])
_SCALE = _alternation(w for w in SCALES if len(w) > 1)
_PREFIX = _alternation(p for p in CURRENCY_PREFIXES if not p.isalpha() or p.isupper() or p.startswith("Rs"))
_DIGITS = r"\d[\d,]*(?:\.\d+)?(?:-\d+/\d+)?"
# `15 mln dlrs`, `5-1/2 pct`, `12 cts`, `30 per cent`; line breaks may fall anywhere in between
_UNIT_WORD = re.compile(
    rf"(?<![\w.]){_DIGITS}(?:\s*(?:{_SCALE})\b)?\s*(?:{_UNIT_AFTER})(?![a-z])|"
    rf"(?<![A-Za-z&])(?:{_PREFIX})\s?{_DIGITS}",  # not `&#233;`, an HTML entity
    re.IGNORECASE,
)
_NUMBER_WORD = re.compile(
    r"\b(?:"
    + _alternation([*UNITS_WORDS, *TENS_WORDS, *FRACTION_DENOMINATORS, *SCALES, "half", "a", "dozen", "dozens"])
    + r")\b",
    re.IGNORECASE,
)
_MONTHS = "jan feb mar apr may jun jul aug sep sept oct nov dec".split()


@dataclass(frozen=True)
class Witnessed:
    """A span a witness found and no claim covers (or a claim with no number in its mention)."""

    doc_id: str
    witness: str  # spacy | unit_word | wordless_claim
    char_start: int
    char_end: int
    text: str
    sentence: str
    explanation: str  # a rule name of EXPLANATIONS, or "unexplained"


@dataclass(frozen=True)
class Context:
    """What an explanation rule sees: the span, its sentence and spaCy's labels around it."""

    text: str
    before: str  # the sentence's text before the span
    after: str  # and after it
    labels: frozenset[str]  # spaCy entity labels overlapping the span


def _after_word(context: Context, words: str) -> bool:
    return bool(re.match(rf"\s*(?:-\s*)?(?:{words})\b", context.after, re.IGNORECASE))


# The contract's non-claims, as named rules: (name, test, example with the span in brackets).
# The first rule that matches explains the span.
EXPLANATIONS: tuple[tuple[str, Callable[[Context], bool], str], ...] = (
    ("year", lambda c: bool(re.fullmatch(r"(?:19|20)\d\d(?:/\d\d)?s?", c.text.strip())), "in [1986]"),
    (
        "qualifier_of_a_claim",
        lambda c: " ".join(c.text.lower().split()) in QUALIFIERS and bool(re.match(r"\s*\S*\d", c.after)),
        "[As much as] 30 pct of imports",
    ),
    ("age", lambda c: _after_word(c, r"-year-old|years? old|aged?"), "a [40]-year-old man"),
    (
        "date",
        lambda c: (
            "DATE" in c.labels
            and bool(re.search(r"\b(?:" + "|".join(_MONTHS) + r")[a-z]*\.?\s*$", c.before[-12:], re.IGNORECASE))
        ),
        "on March [31]",
    ),
    (
        "duration",
        lambda c: _after_word(c, r"years?|months?|weeks?|days?|hours?|minutes?|decades?|quarters?|-year|-month"),
        "for [18] months",
    ),
    ("index_points", lambda c: _after_word(c, r"points?"), "the Dow rose [50] points"),
    (
        "time_of_day",
        lambda c: bool(re.fullmatch(r"\d{1,2}[:.]\d\d", c.text)) or _after_word(c, r"[ap]\.?m\b"),
        "at [10.30] am",
    ),
    (
        "physical_measure",
        lambda c: _after_word(
            c, r"km|kilomet\w+|miles?|metres?|meters?|feet|foot|inch\w*|kg|kilos?|pounds?-feet|mph|acres?|hectares?"
        ),
        "a [40] km road",
    ),
    ("multiplier", lambda c: _after_word(c, r"times|fold|-fold"), "[10] times more"),
    ("ordinal", lambda c: bool(re.fullmatch(r"\d+(?:st|nd|rd|th)", c.text)) or "ORDINAL" in c.labels, "the [3rd]"),
    ("score_or_tally", lambda c: bool(re.fullmatch(r"\d{1,2}-\d{1,2}", c.text)), "won [3-1]"),
    ("part_of_name", lambda c: bool(c.labels & {"PRODUCT", "FAC", "WORK_OF_ART", "LAW", "EVENT"}), "Boeing [737]"),
)


def explain(context: Context) -> str:
    """The first rule of `EXPLANATIONS` that explains a span, else `unexplained`.

    >>> explain(Context("1986", "profits in ", " rose 5 pct", frozenset({"DATE"})))
    'year'
    >>> explain(Context("50", "the index rose ", " points", frozenset()))
    'index_points'
    >>> explain(Context("15 mln dlrs", "net profit of ", "", frozenset({"MONEY"})))
    'unexplained'
    """
    for name, test, _ in EXPLANATIONS:
        if test(context):
            return name
    return "unexplained"


def unit_word_spans(text: str) -> list[tuple[int, int]]:
    """Digit groups with a currency or percent word after them, or a currency sign before.

    >>> text = "Net rose 15 mln\\n    dlrs, or 11-1/2 pct, and HK $3.2m"
    >>> [text[s:e] for s, e in unit_word_spans(text)]
    ['15 mln\\n    dlrs', '11-1/2 pct', 'HK $3.2']
    """
    return [match.span() for match in _UNIT_WORD.finditer(text)]


def has_number(mention: str) -> bool:
    """Whether a claim's mention holds a digit or a number word.

    >>> has_number("a third"), has_number("12 cts"), has_number("dlrs")
    (True, True, False)
    """
    return any(ch.isdigit() for ch in mention) or bool(_NUMBER_WORD.search(mention))


def witness_document(doc_id: str, text: str, claims: pd.DataFrame, spacy_doc) -> list[Witnessed]:
    """Everything the witnesses find in one article that its claims do not cover."""
    covered = sorted(zip(claims["char_start"], claims["char_end"], strict=True))
    sentences = [(s.start_char, s.end_char) for s in spacy_doc.sents]
    entities = [(e.start_char, e.end_char, e.label_) for e in spacy_doc.ents]

    def listed(witness: str, start: int, end: int) -> Witnessed:
        sentence_start, sentence_end = next(
            ((s, e) for s, e in sentences if s <= start < e), (max(0, start - 100), min(len(text), end + 100))
        )
        labels = frozenset(label for s, e, label in entities if s < end and start < e)
        context = Context(text[start:end], text[sentence_start:start], text[end:sentence_end], labels)
        reason = explain(context) if witness != "wordless_claim" else "unexplained"
        return Witnessed(doc_id, witness, start, end, text[start:end], text[sentence_start:sentence_end], reason)

    found: list[Witnessed] = []
    spans = [("spacy", s, e) for s, e, label in entities if label in ("MONEY", "PERCENT")]
    spans += [("unit_word", s, e) for s, e in unit_word_spans(text)]
    for witness, start, end in spans:
        if not any(s < end and start < e for s, e in covered):
            found.append(listed(witness, start, end))
    for row in claims.itertuples():
        if not has_number(row.mention):
            found.append(listed("wordless_claim", row.char_start, row.char_end))
    return found


@dataclass(frozen=True)
class WitnessReport:
    n_witnessed: int  # spans each witness found, covered by a claim or not (an amount both find counts twice)
    listed: list[Witnessed]

    def counts(self) -> dict[str, int]:
        return dict(Counter(item.explanation for item in self.listed).most_common())

    @property
    def n_unexplained(self) -> int:
        return sum(1 for item in self.listed if item.explanation == "unexplained")


def run_witness(out_dir: Path, model: str) -> WitnessReport:
    """Witness a finished extraction: its documents (with their text) and claims tables."""
    import spacy

    documents = pd.read_parquet(out_dir / "documents.parquet", columns=["doc_id", "status", "text"])
    documents = documents[documents["status"] == "ok"]
    claims = pd.read_parquet(out_dir / "claims.parquet", columns=["doc_id", "char_start", "char_end", "mention"])
    by_doc = dict(tuple(claims.groupby("doc_id")))
    empty = claims.iloc[0:0]
    nlp = spacy.load(model)  # the plain model: the witness must not share our components' mistakes
    listed: list[Witnessed] = []
    n_witnessed = 0
    texts = documents["text"].tolist()
    for doc_id, text, doc in zip(documents["doc_id"], texts, nlp.pipe(texts, batch_size=32), strict=True):
        n_witnessed += sum(1 for e in doc.ents if e.label_ in ("MONEY", "PERCENT")) + len(unit_word_spans(text))
        listed.extend(witness_document(doc_id, text, by_doc.get(doc_id, empty), doc))
    return WitnessReport(n_witnessed, listed)


def main(out_dir: Path, model: str, listing: Path) -> int:
    """CLI entry: print the counts, write every listed span with its sentence to `listing` (JSONL)."""
    report = run_witness(out_dir, model)
    listing.parent.mkdir(parents=True, exist_ok=True)
    with listing.open("w", encoding="utf-8") as handle:
        for item in report.listed:
            handle.write(json.dumps(asdict(item), ensure_ascii=False) + "\n")
    share = report.n_unexplained / report.n_witnessed if report.n_witnessed else 0.0
    print(f"recall witness over {out_dir}: {report.n_witnessed} spans witnessed, {len(report.listed)} listed")
    for reason, count in report.counts().items():
        print(f"  {reason:<18} {count}")
    print(f"unexplained: {report.n_unexplained} ({share:.2%} of witnessed spans); listing in {listing}")
    return 0
