"""Time: the period a figure is about. The first rule that finds a period wins."""

from __future__ import annotations

from spacy.tokens import Span

from pipeline.dates import resolve_period
from pipeline.linking.parse import SAY_VERBS, Mention, governing_verb
from pipeline.linking.rules import Rule

Period = tuple[str, str]  # ISO period, the words that state it
_TIME_PREPOSITIONS = frozenset({"in", "on", "since", "during", "by", "for", "at", "until", "through"})


def clause_dates(m: Mention) -> list[tuple[str | None, int, str, bool]]:
    """The sentence's dates that may time the figure, as (period or None, distance, words, whether
    it follows the figure; of two as near, that one times it: `2 million in 2015 and 3 million in
    2016`): dates
    that only time the reporting (`told reporters on Thursday`) are skipped, and of coordinated
    dates (`in both 2016 and 2015`) the first counts."""
    candidates = []
    for ent in m.article.dates[m.index]:
        if ent.root.dep_ == "conj" and ent.root.head.ent_type_ == "DATE":
            continue
        date_verb = governing_verb(ent.root)
        if date_verb is not None and date_verb != m.verb and date_verb.lemma_.lower() in SAY_VERBS:
            continue
        text = _with_preposition(m.sentence, ent)
        distance = min(abs(ent.start - m.span.end), abs(m.span.start - ent.end))
        candidates.append((resolve_period(text, m.article.published), distance, text, ent.start >= m.span.end))
    return candidates


def _nearest_date(m: Mention) -> Period | None:
    usable = [item for item in clause_dates(m) if item[0]]
    if not usable:
        return None
    period, _, text, _ = min(usable, key=lambda item: (item[1], not item[3]))
    return period, text


def _with_preposition(sentence: Span, ent: Span) -> str:
    """`in 2016`, `as of December 2015`: the date with the preposition that introduces it."""
    start = ent.start
    before = ent.doc[start - 1] if start > sentence.start else None
    if before is not None and before.lower_ in _TIME_PREPOSITIONS:
        start -= 1
    elif before is not None and before.lower_ == "of" and start - 2 >= sentence.start:
        start -= 2 if ent.doc[start - 2].lower_ == "as" else 0
    return ent.doc[start : ent.end].text


TIME_RULES: tuple[Rule[Period], ...] = (
    Rule(
        "nearest-date",
        _nearest_date,
        "time",
        0.2,
        "Toyota sold 2 million cars in 2015 and [3 million] in 2016.",
        "2016",
    ),
)
