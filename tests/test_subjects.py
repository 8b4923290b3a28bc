"""Subjects a reader would write, checked on every claim of the dev corpus (`../shared/devcorpus/`,
400 Reuters and 113 BBC stories as distributed; set DEVCORPUS to point elsewhere): the sentence's
own words in their order, a noun phrase, no function word dangling at either end, no words of
another claim, not the date phrase that times the figure, and never empty while the sentence
names anything."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pandas as pd
import pytest
from conftest import ROOT, extract

from pipeline.lexicon import TABLE_ROW_LABELS

DEVCORPUS = Path(os.environ.get("DEVCORPUS", ROOT.parent / "shared" / "devcorpus"))
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not DEVCORPUS.is_dir(), reason=f"no dev corpus at {DEVCORPUS} (set DEVCORPUS)"),
]
# Words a subject never starts or ends with.
DANGLING = frozenset(
    """of to in on at for by from with and or but as than that which who will would can could may might
    should must is are was were be been has have had do does did , ; : -""".split()
)
ENDS_ONLY = frozenset({"the", "a", "an", "its", "their", "his", "her"})  # fine first, never last
# What `subject_text` writes around a share or a per-share amount, and rules that take their words
# from beyond the sentence: a results table's row label; the figure before's subject (carried on, or
# what `the figure` stands for), whose words are the sentence before's, in order.
ADDED = re.compile(r"\b(?:share of|a share)\b")
BEYOND_THE_SENTENCE = ("subject:table-row",)
FROM_THE_FIGURE_BEFORE = ("subject:previous-subject", "subject:same-figure")
# A date phrase (`in 2016`, `as of December`): the claim's time, never its subject; a period that
# names the measure (`first quarter earnings`) may stay.
DATE_PHRASE = re.compile(r"(?:in|on|since|during|by|for|at|until|through|as of|from)\s", re.IGNORECASE)
_WORD = re.compile(r"\w+(?:[-'’&]\w+)*|[,;:]")  # `with-profits`, `AT&T` are one word


@pytest.fixture(scope="module")
def dev_claims(tmp_path_factory) -> pd.DataFrame:
    out = tmp_path_factory.mktemp("devcorpus")
    extract([DEVCORPUS / "reuters_dev.jsonl", DEVCORPUS / "bbc"], out, "--quiet", "--processes", "2")
    return pd.read_parquet(out / "claims.parquet")


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _in_order(words: list[str], sentence: list[str]) -> bool:
    position = 0
    for word in words:
        try:
            position = sentence.index(word, position) + 1
        except ValueError:
            return False
    return True


def test_subjects_are_phrases_of_their_sentence(dev_claims: pd.DataFrame, nlp) -> None:
    mentions = dev_claims.groupby("doc_id")["mention"].apply(list).to_dict()
    wrong: dict[str, list[tuple[str, str]]] = {}
    empty = []
    ordered = dev_claims.sort_values(["doc_id", "char_start"])
    sentence_before = ordered.groupby("doc_id")["sentence"].shift().reindex(dev_claims.index)
    for claim in dev_claims.itertuples():
        subject = claim.subject if isinstance(claim.subject, str) else ""
        words = _WORD.findall(subject)
        plain = _words(ADDED.sub(" ", subject))
        sentence = _words(claim.sentence)
        if set(FROM_THE_FIGURE_BEFORE) & set(claim.link_rules):  # the figure before's sentence and its own
            sentence = _words(str(sentence_before[claim.Index])) + sentence
        problems = []
        if not words:
            empty.append(claim)
        else:
            # `May futures` starts well; in an all-caps phrase (`MAY 3.5`, a table row naming May
            # Department Stores) case says nothing about function words
            first = words[0].lower() if words[0].isupper() and not subject.isupper() else words[0]
            if first in DANGLING or words[-1] in DANGLING | ENDS_ONLY:  # `Class A` ends well
                problems.append("dangling function word")
            if not _in_order(plain, sentence) and not set(BEYOND_THE_SENTENCE) & set(claim.link_rules):
                problems.append("not the sentence's words in order")
            others = [m for m in mentions[claim.doc_id] if m != claim.mention and len(m) > 2]
            if any(" ".join(m.split()) in " ".join(subject.split()) for m in others):
                problems.append("holds another claim")
            if subject.endswith(" a share") and {"share", "shr"} & set(_words(subject[: -len(" a share")])):
                problems.append("a share added to a phrase that names shares")  # `share a share`
            timed = isinstance(claim.time, str) and isinstance(claim.time_text, str)
            if timed and DATE_PHRASE.match(claim.time_text) and claim.time_text in subject:
                problems.append("holds the date phrase that times it")
        for problem in problems:
            wrong.setdefault(problem, []).append((claim.mention, subject))
    assert not wrong, {problem: (len(rows), rows[:5]) for problem, rows in wrong.items()}
    # empty only where the sentence names nothing but figures and dates (`That alone was worth $1m.`)
    named = [
        claim.mention
        for claim, doc in zip(empty, nlp.pipe(claim.sentence for claim in empty), strict=True)
        if any(
            token.pos_ in ("NOUN", "PROPN")
            and not token.ent_type_
            and not any(token.text in mention for mention in mentions[claim.doc_id])
            for token in doc
        )
    ]
    assert not named, named


def test_subjects_hold_a_noun(dev_claims: pd.DataFrame, nlp) -> None:
    """The subject's words, as the model parses them in their sentence, include a noun (or a gerund
    used as one, or a results table's row label). The sentence parsed alone is not the article's
    parse (`Extraordinary debit 20.4 mln` tags `debit` a verb there), so one in a hundred may miss."""
    rows = [
        (subject, sentence)
        for subject, sentence, rules in dev_claims[["subject", "sentence", "link_rules"]].itertuples(index=False)
        if isinstance(subject, str) and not set(BEYOND_THE_SENTENCE) & set(rules)
    ]
    sentences = sorted({sentence for _, sentence in rows})
    parsed = dict(zip(sentences, nlp.pipe(sentences), strict=True))
    nounless = []
    for subject, sentence in rows:
        wanted = set(_words(ADDED.sub(" ", subject)))
        nouns = [
            token
            for token in parsed[sentence]
            if token.lower_ in wanted and (token.pos_ in ("NOUN", "PROPN") or token.tag_ == "VBG")
        ]
        if not nouns and not any(word in TABLE_ROW_LABELS for word in wanted):
            nounless.append(subject)
    assert len(nounless) <= len(rows) // 100, nounless[:20]
