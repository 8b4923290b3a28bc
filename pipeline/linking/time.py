"""Time: the period a figure is about. The first rule that finds a period wins."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from itertools import product

from spacy.tokens import Span, Token

from pipeline.dates import RELATIVE_STEPS, day_earlier, in_year, names_a_day, resolve_period, year_earlier
from pipeline.lexicon import CHANGE_ADVERBS, CHANGE_WORDS, SAME_PERIOD_WORDS
from pipeline.linking.parse import COMPARED, SAY_VERBS, Mention, compares_previous, governing_verb
from pipeline.linking.rules import Rule

Period = tuple[str, str, frozenset[int]]  # ISO period, the words that state it, their tokens
_MATURITY_WORDS = frozenset({"due", "maturing", "matures", "mature"})
# A date that opens or closes an open-ended span bounds the figure's time without stating it
# (`a trade surplus until 1991`, `revenues have exceeded $22bn since June 2003`).
_OPEN_SPAN_WORDS = frozenset({"until", "till", "since"})
_PERIOD_PREPOSITIONS = frozenset({"in", "for", "during"})
_TIME_PREPOSITIONS = frozenset({"in", "on", "since", "during", "by", "for", "at", "until", "through"})
# Words that introduce the figure a change or comparison starts from (`up from 144 mln in 1985`).
_FIGURE_MAX_TOKENS = 8  # how far back from a date the figure before it is looked for
_PERIOD_UNITS = frozenset({"year", "month", "quarter", "week", "day"})
_COMPARED_FROM = frozenset({"from", "against", "after", "vs", "vs.", "versus"})
# `with` sets a figure against another only after a comparing word (`compared with 144 mln in
# 1985`), not in `a settlement reached with 46 states in 1998`.
_COMPARED_WITH = frozenset({"compared", "comparison", "compares", "compare"})
# Words that count back from the clause's other date (not from the day of publication), with what
# they count back to:
# `turnover for 1986 fell to 130.9 billion from 142.1 billion the previous year` (1985), `fell on
# April 8 to 3.531 billion dlrs from 4.229 billion dlrs on the previous business day` (April 7).
_COUNTED_BACK: tuple[tuple[tuple[str, ...], Callable[[str], str | None]], ...] = (
    (
        ("the previous year", "a year earlier", "a year before", "the year before", "the prior year", "a year ago"),
        year_earlier,
    ),
    (  # `rose 5 pct in the first quarter from the same period last year`: that quarter a year before
        tuple(
            f"{like} {stretch} {ago}"
            for like, stretch, ago in product(
                SAME_PERIOD_WORDS,
                ("period", "quarter", "month", "week", "half"),
                ("last year", "a year ago"),
            )
        ),
        year_earlier,
    ),
    (("the previous day", "the day before", "a day earlier", "a day before", "the prior day"), day_earlier),
    (
        ("the previous business day", "the previous trading day", "the prior business day"),
        partial(day_earlier, working=True),
    ),
)

_ONE_MONTH = re.compile(r"\d{4}-\d\d")
# Words the model leaves out of a date that say which end of it (`the final [three months of 2004]`).
_EDGE_WORDS = frozenset({"first", "last", "final"})

NO_TIME_WEIGHT = -0.6  # no rule filled the time


def clause_dates(m: Mention) -> list[tuple[str | None, int, str, bool, frozenset[int]]]:
    """The sentence's dates that may time the figure, as (period or None, distance, words, whether
    it follows the figure; of two as near, that one times it: `2 million in 2015 and 3 million in
    2016`): a bond's maturity (`due 1997`) names the bond and is skipped, dates
    that only time the reporting (`told reporters on Thursday`) are skipped, and of coordinated
    dates (`in both 2016 and 2015`) the first counts."""
    candidates = []
    dates = m.article.dates[m.index]
    bounded = {second.start for first, second in zip(dates, dates[1:], strict=False) if _bounds_span(m, first, second)}
    for position, ent in enumerate(dates):
        if ent.start in bounded:
            continue  # the end of `between yesterday and April 30`, read with its start
        if position + 1 < len(dates) and dates[position + 1].start in bounded:
            ent = Span(m.article.doc, ent.start - 1, dates[position + 1].end, label="DATE")  # the whole span
        elif ent.root.dep_ == "conj" and ent.root.head.ent_type_ == "DATE":
            continue
        before = _word_before(m, ent)
        if before in _MATURITY_WORDS or before in _OPEN_SPAN_WORDS:
            continue  # `bonds due 1997` names the bond; `until 1991` bounds a span: neither times the figure
        if ent.start >= m.span.end and m.quantity.role != "from" and m.article.compares_between(m.span.end, ent.start):
            # a date after a comparing word times the compared side (`a gain of 29.4 mln dlrs versus
            # a gain of 31.4 mln dlrs for 1986 first quarter`), or the figure a change starts from
            # (`fell from 11.2% to 9.6% last month in comparison with January 2004`), not this figure
            continue
        if _times_compared_figure(m, ent) or _restates_date_before(m, ent) or _change_base(m, ent):
            continue
        if _times_saying(m, ent):
            continue
        text = _with_preposition(m.sentence, ent)
        distance = min(abs(ent.start - m.span.end), abs(m.span.start - ent.end))
        period = resolve_period(text, m.article.published, m.article.season_end) or m.article.narrative_period(
            text, ent.start
        )
        if period is None and (anaphor := _story_anaphor(m, text)) is not None:
            period, text = anaphor
        elif (same := _same_period_in(m, ent)) is not None:
            period, text = same
        candidates.append((period, distance, text, ent.start >= m.span.end, frozenset(range(ent.start, ent.end))))
    return candidates


# `in the quarter`, `for the month`, `the year-ago period`: the period the story sets, of that kind.
_PERIOD_ANAPHOR = re.compile(
    r"(?:in|for|during)\s+the\s+(?P<ago>year[- ]ago\s+)?(?P<unit>month|quarter|year|period)", re.IGNORECASE
)
_PERIOD_SHAPES = {"quarter": re.compile(r"\d{4}-Q\d"), "month": _ONE_MONTH, "year": re.compile(r"\d{4}")}


def _story_anaphor(m: Mention, text: str) -> tuple[str, str] | None:
    """The story's period (its governing heading or headline, else its lede's) that `the quarter`,
    `the month`, `the year` or `the period` stands for, when it is of that kind; `the year-ago
    quarter` is that period a year before, and so is a `vs` figure or the `from` end of a change
    (`rose to 8.56 billion from 7.42 billion`), as for any carried story period (`_carried`)."""
    found = _PERIOD_ANAPHOR.fullmatch(text.strip())
    if found is None:
        return None
    unit = found.group("unit").lower()
    governing = [(period, words) for start, period, words in m.article.periods if start <= m.span.start]
    stated = governing[-1:] + ([m.article.lede_period] if m.article.lede_period is not None else [])
    for period, words in stated:
        if unit == "period" or _PERIOD_SHAPES[unit].fullmatch(period):
            if found.group("ago"):
                return year_earlier(period), f"{text} ({words}, a year earlier)"
            carried, carried_words, _ = _carried(m, period, f"{text} ({words})")
            return carried, carried_words
    return None


# `for the same period in 2003`, `the comparable quarter of 1986`: a period stated before, in that year.
_SAME_PERIOD_IN = re.compile(
    rf"(?:(?:{'|'.join(SAME_PERIOD_WORDS)})\s+(?:"
    r"(?:period|quarter|months?|half)\s+(?:in|of)\s+(?P<year>\d{4})"  # `same period in 2003` (not a fiscal year's)
    r"|(?P<inner>\d{4})\s+(?:period|quarter|months?|half)\b)"  # `the comparable 1986 period`
    r"|\bthe\s+(?P<bare>\d{4})\s+period\b)",  # `from 11.73 billion in the 1986 period`: a period stated before
    re.IGNORECASE,
)
_SAME_PERIOD_REACH = 6  # tokens before a year where `the same period in` may start
_SAME_PERIOD_AFTER = 2  # tokens after it where `the comparable 1986 period` may end


def _same_period_in(m: Mention, ent: Span) -> tuple[str, str] | None:
    """`436 properties ... compared to 469 for the same period in 2003`, after `in the fourth
    quarter`; `sales for March rose ... from 11.9 mln dlrs in the comparable 1986 period`: the
    article's latest date before, when it is a part of a year, in the year the phrase names."""
    doc = m.article.doc
    window = doc[
        max(m.sentence.start, ent.start - _SAME_PERIOD_REACH) : min(m.sentence.end, ent.end + _SAME_PERIOD_AFTER)
    ]
    found = next(
        (
            match
            for match in _SAME_PERIOD_IN.finditer(window.text)
            if (match.group("year") or match.group("inner") or match.group("bare")) in ent.text
        ),
        None,
    )
    if found is None:
        return None
    phrase = doc.char_span(window.start_char + found.start(), window.start_char + found.end(), alignment_mode="expand")
    stated = m.article.part_year_period_before(phrase.start)  # a date before `same`, not the phrase's own
    if stated is None:
        return None
    period, stated_words = stated
    year = int(found.group("year") or found.group("inner") or found.group("bare"))
    return in_year(period, year), f"the {found.group(0)} ({stated_words})"


def _times_saying(m: Mention, ent: Span) -> bool:
    """A date on a verb of saying other than the figure's own times the saying (`told reporters on
    Thursday`, `2.50 mln tonnes estimated last month`), unless that verb only describes the figure's
    noun and the date says in or for what period (`7.9% growth expected in 2004`, `12.4 mln tonnes
    estimated by private sources for the 1985/86 crop`)."""
    verb = governing_verb(ent.root)
    if verb is None or verb == m.verb or verb.lemma_.lower() not in SAY_VERBS:
        return False
    if _hedges(verb):
        return False  # `In 1988, the company is expected to earn six dlrs`: when it is to earn
    describes_figure = verb.dep_ == "acl" and verb.head in (m.head, m.head.head)
    return not (describes_figure and _word_before(m, ent) in _PERIOD_PREPOSITIONS)


def _hedges(verb: Token) -> bool:
    """A passive verb of saying with a clause of what is to happen (`is expected to earn`, `is
    forecast to grow`) says who expects nothing: its dates time what is expected."""
    children = list(verb.children)
    return any(child.dep_ == "auxpass" for child in children) and any(child.dep_ == "xcomp" for child in children)


def period_phrases(m: Mention) -> list[frozenset[int]]:
    """The tokens of the sentence's dates that state or bound a period (`in 1986`, `until 1991`),
    not a maturity that names a bond (`bonds due 1997`) nor a rate (`a year`, `daily`)."""
    phrases = []
    for ent in m.article.dates[m.index]:
        before = _word_before(m, ent)
        if before in _MATURITY_WORDS:
            continue
        if before in _OPEN_SPAN_WORDS or resolve_period(_with_preposition(m.sentence, ent), m.article.published):
            phrases.append(frozenset(range(ent.start, ent.end)))
    return phrases


def _bounds_span(m: Mention, first: Span, second: Span) -> bool:
    """`between yesterday and April 30`: two dates the model tagged apart that bound one span."""
    doc = m.article.doc
    return (
        first.start > m.sentence.start
        and doc[first.start - 1].lower_ == "between"
        and second.start == first.end + 1
        and doc[first.end].lower_ == "and"
    )


def _restates_date_before(m: Mention, ent: Span) -> bool:
    """`the 1986/87 season (Oct-Sept)`: a date in brackets right after a date says what that one
    is; the one before times the figure."""
    bracket = _word_token_before(m, ent.start)
    if bracket is None or bracket.text != "(":
        return False
    before = _word_token_before(m, bracket.i)
    return before is not None and before.ent_type_ == "DATE"


def _word_token_before(m: Mention, index: int) -> Token | None:
    """The sentence's last token before `index` that is not white space (None at its start)."""
    doc = m.article.doc
    for before in range(index - 1, m.sentence.start - 1, -1):
        if not doc[before].is_space:
            return doc[before]
    return None


def _word_before(m: Mention, ent: Span) -> str:
    """The lower-case word right before a date in its sentence ("" at the sentence's start)."""
    return m.article.doc[ent.start - 1].lower_ if ent.start > m.sentence.start else ""


def _change_base(m: Mention, ent: Span) -> bool:
    """`up 10% on 2003`, `two to seven pct down on last season's 3.85 mln`: a date after `on` right
    after a change is what the change is measured against, and times no figure of the clause but
    the one it names right after it; `11.8% higher on the year` says year on year, not which year,
    and `up 4.75% on Monday` when."""
    doc, figures = m.article.doc, m.article.quantity_tokens
    on = ent.start - 1
    if on <= m.sentence.start or doc[on].lower_ != "on":
        return False
    between = doc[ent.end : m.span.start] if m.span.start >= ent.end else None
    if between is not None and all(t.i in figures or t.text in ("'s", "(") or t.is_space for t in between):
        return False  # the base's own figure, or its restatement: `on 1985's 73.52 billion yen (506 mln dlrs)`
    if (len(ent) > 1 and ent[0].lower_ == "the" and ent[1].lower_ in _PERIOD_UNITS) or names_a_day(ent.text):
        return False  # `closed up 4.75% on Monday`: the day of the change
    change = doc[on - 1]
    if change.lower_ in CHANGE_ADVERBS:  # `seven pct down on`
        change = doc[change.i - 1] if change.i > m.sentence.start else change
    if change.i not in figures:
        return False
    start = _figure_run_start(m, change.i)
    before = doc[max(m.sentence.start, start - 2) : start]
    if any(token.lower_ in _COMPARED_FROM for token in before):
        return False  # `up from 144.80 yen on the previous business day`: the date of the figure it starts from
    return doc[on - 1].lower_ in CHANGE_ADVERBS or any(
        token.lower_ in CHANGE_ADVERBS or token.lemma_.lower() in CHANGE_WORDS for token in before
    )


def _figure_run_start(m: Mention, end: int) -> int:
    """The first token of the run of figure tokens that ends at token `end`, looked for at most
    `_FIGURE_MAX_TOKENS` back: a run of figures (`5% 5% 5% ... in 2020`) stays linear."""
    figures, start = m.article.quantity_tokens, end
    while start - 1 >= max(m.sentence.start, end - _FIGURE_MAX_TOKENS) and start - 1 in figures:
        start -= 1
    return start


def _times_compared_figure(m: Mention, ent: Span) -> bool:
    """`rose 40 pct to 202 mln from 144 mln in 1985`: a date right after the figure a change starts
    from, or that a figure is compared with, times that figure only (not the figures before or
    after it: `on revenues of six billion pesos, up from 4.7 billion pesos in 1985`)."""
    doc, figures = m.article.doc, m.article.quantity_tokens
    end = ent.start - 1
    if end > m.sentence.start and doc[end].lower_ in _TIME_PREPOSITIONS:
        end -= 1
    if end not in figures:
        return False
    start = _figure_run_start(m, end)
    if start < m.span.end and m.span.start <= end:
        return False  # the run holds this figure: the date is its own
    before = doc[max(m.sentence.start, start - 2) : start]
    return any(
        token.lower_ in _COMPARED_FROM
        or (token.lower_ == "with" and token.i > m.sentence.start and doc[token.i - 1].lower_ in _COMPARED_WITH)
        for token in before
    )


_HYPHENED_COUNT = re.compile(r"\d-[a-z]+$|\b[a-z]+-[a-z]+$", re.IGNORECASE)


def _nearest_date(m: Mention) -> Period | None:
    """The clause's nearest date (of two as near, the one after the figure); `the previous year`
    and its like count back from the clause's other date when it has one."""
    if m.quantity.kind == "count" and _HYPHENED_COUNT.search(m.span.text):
        return None  # `the 12-nation Trans-Pacific Partnership`: a count that describes a noun is of no date
    dates = clause_dates(m)
    backs = [_counts_back(item[2]) for item in dates]
    anchors = [item for item, back in zip(dates, backs, strict=True) if item[0] and back is None]
    candidates = [(item, back) for item, back in zip(dates, backs, strict=True) if item[0] or back]
    if not candidates:
        return None
    nearest, back = min(candidates, key=lambda candidate: _closeness(candidate[0]))
    if back is not None and anchors:
        anchor = min(anchors, key=_closeness)
        if m.quantity.role == "by":  # `up 16 pct from 537 mln dlrs for the same quarter a year ago`
            return anchor[0], anchor[2], anchor[4]  # a change is of the period it reaches, not the one before
        period = back(anchor[0])
        if period is not None:
            return period, f"{nearest[2]} (before {anchor[2]})", nearest[4]
    if back is not None or not nearest[0]:  # `a year earlier` with no other date: the nearest that resolves
        nearest = min((item for item in dates if item[0]), key=_closeness, default=None)
    return (nearest[0], nearest[2], nearest[4]) if nearest is not None else None


def _counts_back(words: str) -> Callable[[str], str | None] | None:
    lowered = words.lower()
    return next((back for endings, back in _COUNTED_BACK if lowered.endswith(endings)), None)


def _closeness(item: tuple) -> tuple[int, bool]:
    return item[1], not item[3]


def _story_period(m: Mention) -> Period | None:
    """A figure with no date of its own in a results story covers the period its table heading or
    the headline states (`1ST QTR NET`, `Six mths`); a `vs` figure, or the `from` end of a change,
    the same period a year before. Counts of things (jobs, shares outstanding) are periods' figures
    only on a table's rows."""
    governing = [(period, words) for start, period, words in m.article.periods if start <= m.span.start]
    if not governing or (m.counted and m.subject_rule != "table-row"):
        return None
    period, words = governing[-1]
    if _ONE_MONTH.fullmatch(period) and m.article.dates[m.index]:
        return None  # a headline's month is not the period of a sentence that states its own (`the first nine weeks`)
    return _carried(m, period, words)


def _carried(m: Mention, period: str, words: str) -> Period:
    """A period the story sets, as this figure's: a `vs` figure, or the `from` end of a change, is
    the same period a year before."""
    before = m.article.doc[max(m.sentence.start, m.span.start - 3) : m.span.start]
    if m.quantity.role == "from" or any(token.lower_ in COMPARED for token in before):
        return year_earlier(period), f"{words} (a year earlier)", frozenset()
    return period, words, frozenset()


def _reported_period(m: Mention) -> Period | None:
    """A money or percentage figure with no date of its own is of the period the story last gave
    its results before it (`parse.Article.reported_period_before`: `its 1986 results`), else the
    period its first sentence gives what it reports (`his 2006 budget`); a `vs` figure, or the
    `from` end of a change, the same period a year before."""
    reported = m.article.reported_period_before(m.index)
    if reported is None or m.counted:
        return None
    return _carried(m, *reported)


# Dates after a compared estimate that say when the earlier estimate was made (a monthly report's).
# Up to two words may come between (`vs 92.30 mln tonnes last month`, `vs 17.00 estimated last month`).
_EARLIER_ESTIMATE = re.compile(
    r"(?:[a-z-]+\s+){0,2}(?P<when>(?:last|the previous|the prior) month|a month (?:ago|earlier))", re.IGNORECASE
)
_EARLIER_ESTIMATE_TOKENS = 6  # tokens after the compared figure that are read


def _earlier_estimate(m: Mention) -> Period | None:
    """`It estimated the 1985/86 crop at 8.08 mln, vs 8.08 mln last month`: a figure set against
    the one before it, with `last month` after it, is last month's estimate of the same thing, of
    the period the first figure has; the month says when it was made."""
    previous = m.previous
    if not compares_previous(m) or previous.link.time is None:
        return None
    after = m.article.doc[m.span.end : min(m.sentence.end, m.span.end + _EARLIER_ESTIMATE_TOKENS)]
    found = _EARLIER_ESTIMATE.match(" ".join(after.text.split()).lstrip(" ,"))
    if found is None:
        return None
    return previous.link.time, f"{previous.link.time_text} (an estimate made {found.group('when')})", frozenset()


def _with_preposition(sentence: Span, ent: Span) -> str:
    """`in 2016`, `as of December 2015`: the date with the preposition that introduces it, and the
    words before it the model leaves out (`this year's crop`: the entity is `year`; `the final [three
    months of 2004]`)."""
    start = ent.start

    def word_before() -> str:
        return ent.doc[start - 1].lower_ if start > sentence.start else ""

    if word_before() in RELATIVE_STEPS:
        start -= 1
    if word_before() in _EDGE_WORDS:
        start -= 1
        if word_before() == "the":
            start -= 1
    if word_before() in _TIME_PREPOSITIONS:
        start -= 1
        if word_before() == "period":  # `the period through March`: from January (`dates.resolve_period`)
            start -= 1
    elif word_before() == "of" and start - 2 >= sentence.start and ent.doc[start - 2].lower_ == "as":
        start -= 2
    return ent.doc[start : ent.end].text


TIME_RULES: tuple[Rule[Period], ...] = (
    Rule(
        "earlier-estimate",
        _earlier_estimate,
        "time",
        0.0,
        "date 1987-04-09\nUSDA estimated the 1985/86 crop at 8.08 mln tonnes, vs [8.10 mln tonnes] last month.",
        "1985/1986",
    ),
    Rule(
        "nearest-date",
        _nearest_date,
        "time",
        -0.4,
        "Toyota sold 2 million cars in 2015 and [3 million] in 2016.",
        "2016",
    ),
    Rule(
        "story-period",
        _story_period,
        "time",
        0.9,
        "date 1987-04-08\nACME CORP <ACM> 1ST QTR NET\n\nShr 12 cts vs [10 cts]\n    Net 1,200,000 vs 1,000,000",
        "1986-Q1",
    ),
    Rule(
        "reported-period",
        _reported_period,
        "time",
        0.0,
        "BUSH BUDGET\n\nPresident Bush has presented his 2006 budget. Spending is forecast to grow by [3.5%].",
        "2006",
    ),
)
