"""Date handling: publication-date headers and the period a claim is about.

dateparser does the reading of date words; this module decides which text to hand it and turns
its answer into an ISO period whose precision matches what the text said (`2016`, `2015-12`,
`2025-07-09`).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

import dateparser

from pipeline.lexicon import MONTHLY_MEASURES, UNITS_WORDS

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_MONTH_RE = re.compile(rf"\b({_MONTHS})\.?\b", re.IGNORECASE)
_YEAR_RE = re.compile(r"\b(1[89]\d\d|20\d\d|21\d\d)\b")
_DAY_RE = re.compile(r"\b([0-3]?\d)(st|nd|rd|th)?\b")
_ANY_DAY = date(2000, 12, 31)  # what a date with no year is read against, to learn its kind
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Relative periods dateparser does not turn into a period of the right size: `last year` is a
# year, not the day a year before publication.
# How many periods from the one of publication each relative word steps (`last year`: -1).
RELATIVE_STEPS = {"last": -1, "previous": -1, "past": -1, "this": 0, "current": 0, "next": 1, "coming": 1}
_RELATIVE_PERIOD = re.compile(
    # `by the end of the month`: the month of publication
    rf"\b(?P<which>{'|'.join(RELATIVE_STEPS)}|(?<=end of )the)\s+(?P<unit>year|month|quarter|week)\b",
    re.IGNORECASE,
)

_NAMED_MONTH = re.compile(rf"\b(?P<which>last|this|next)\s+(?P<month>{_MONTHS})\b", re.IGNORECASE)

# Parts of a year a claim may be about: quarters (`first quarter`, `4th qtr`, `Q3`) and halves
# (`first half`, `H1`), each with the letter of its ISO-style period (`2016-Q3`, `2016-H1`).
PERIOD_PARTS = {"quarter": "Q", "qtr": "Q", "half": "H"}
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4}
_PERIOD_PART = re.compile(
    rf"\b(?P<ordinal>{'|'.join(_ORDINALS)})[- ](?P<part>{'|'.join(PERIOD_PARTS)})\b"
    r"|\b(?P<letter>[qh])(?P<number>[1-4])\b",
    re.IGNORECASE,
)

DATE_HEADER = re.compile(
    r"""\A\s*
    (?:date|dated|published|updated|posted(?:\s+on)?)\s*[:\-]?\s*   # header keyword
    (?P<value>\d{4}-\d{2}-\d{2}                                       # ISO date
       |[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}                          # March 3, 2021
       |\d{1,2}\s+[A-Za-z]{3,9}\.?\s+\d{4})                           # 3 March 2021
    (?:[ \t]*\n|[ \t]+|\Z)""",
    re.IGNORECASE | re.VERBOSE,
)


# Where else a story states when it was published, in its first lines: a `Published:` line after the
# headline, a bare ISO timestamp, a dateline that gives the year (`LONDON, March 3, 2021 (Reuters) -`).
_PUBLISHED_LINE = re.compile(
    r"^[ \t]*(?:published|updated|posted(?:\s+on)?|first\s+published|date|dated)\b[ \t]*[:\-]?[ \t]*"
    r"(?P<value>[^\n]{6,60}?)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_ISO_LINE = re.compile(
    r"^[ \t]*(?P<value>\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?[ \t]*$",
    re.MULTILINE,
)
_DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Za-z.' -]{1,40},[ \t]+(?P<value>[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},?[ \t]+\d{4})"
    r"[ \t]*(?:\([A-Za-z ]{2,20}\))?[ \t]*[-\u2013\u2014]",
    re.MULTILINE,
)
_HEADER_CHARS = 600  # how far into a story its publication date may stand


def parse_date_header(text: str) -> tuple[date | None, int]:
    r"""Read the publication date a story states at its top.

    Returns:
        The date (or None) and the offset where the article body starts: after a leading date
        header (` date 2017-01-30`), else 0 (a date line under the headline stays in the text).

    >>> parse_date_header(" date 2017-01-30 is scrambling")
    (datetime.date(2017, 1, 30), 17)
    >>> parse_date_header("Tokyo (Reuters) - ...")
    (None, 0)
    >>> parse_date_header("Rates cut\nPublished: 3 March 2021\n\nThe bank ...")
    (datetime.date(2021, 3, 3), 0)
    >>> parse_date_header("Rates cut\n2021-03-03T14:22:05Z\nThe bank ...")
    (datetime.date(2021, 3, 3), 0)
    >>> parse_date_header("Rates cut\n\nLONDON, March 3, 2021 (Reuters) - The bank ...")
    (datetime.date(2021, 3, 3), 0)
    """
    match = DATE_HEADER.match(text[:200])
    if match:
        parsed = parse_date(match.group("value"))
        if parsed is not None:
            return parsed, match.end()
    top = text[:_HEADER_CHARS]
    for pattern in (_PUBLISHED_LINE, _ISO_LINE, _DATELINE):
        for found in pattern.finditer(top):
            parsed = parse_date(found.group("value"))
            if parsed is not None:
                return parsed, 0
    return None, 0


def parse_date(value: str) -> date | None:
    """Parse one absolute date string (ISO or written out); None when it is not a full date.

    >>> parse_date("March 3, 2021"), parse_date("2021-03-03T14:22:05Z"), parse_date("yesterday")
    (datetime.date(2021, 3, 3), datetime.date(2021, 3, 3), None)
    """
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        pass
    parsed = dateparser.parse(
        value,
        languages=["en"],
        # absolute dates only: `yesterday` or `3 days ago` would resolve against the day of the run
        settings={
            "REQUIRE_PARTS": ["day", "month", "year"],
            "PREFER_DAY_OF_MONTH": "first",
            "PARSERS": ["custom-formats", "absolute-time"],
        },
    )
    return parsed.date() if parsed else None


# A split year (`1986/87`, `2002/2003`): a crop, fiscal or season year across two calendar years;
# with its last month (`1986/87 ending October`) a span of twelve months.
_SPLIT_YEAR = re.compile(
    rf"\b(?P<first>(?:19|20)\d\d)\s*/\s*(?P<second>\d\d(?:\d\d)?)\b"
    rf"(?:\s+(?:ending|ended|to|through)\s+(?P<month>{_MONTHS})\b)?",
    re.IGNORECASE,
)
# A span of months (`the July-to-September quarter`, `between October and December`, `Jan-March 1987`).
_MONTH_SPAN = re.compile(
    rf"\b(?P<first>{_MONTHS})\.?\s*(?:-|–|to|-to-|\s+to\s+|\s+and\s+|\s+through\s+)\s*(?P<last>{_MONTHS})\b",
    re.IGNORECASE,
)


# A calendar year's months to date, as monthly traffic and sales reports write them.
_PERIOD_THROUGH = re.compile(rf"\bperiod\s+(?:through|thru)\s+(?P<last>{_MONTHS})\b", re.IGNORECASE)


# The months a story gives its split years once (`the 1986/87 season (Oct-Sept)`): its other split
# years are seasons of the same months (`imports during the 1985/86 season`).
_SEASON_MONTHS = re.compile(
    rf"\s*(?:season|crop|year|marketing year)?\s*\(\s*(?P<first>{_MONTHS})\.?\s*[-–/]\s*(?P<last>{_MONTHS})\.?\s*\)",
    re.IGNORECASE,
)
_SEASON_REACH = 30  # characters after a split year where its months may be given


def is_month_name(text: str) -> bool:
    """`July`, `Sept.`, `oct` (a whole word, any case).

    >>> is_month_name("Sept."), is_month_name("July"), is_month_name("Julyish")
    (True, True, False)
    """
    return _MONTH_RE.fullmatch(text.removesuffix(".")) is not None


def names_a_day(text: str) -> bool:
    """`on Monday`, `yesterday`, `April 8`, `8 April 1987`: a single day, by its name or its date.

    >>> names_a_day("on Monday"), names_a_day("April 8"), names_a_day("1985"), names_a_day("last season")
    (True, True, False, False)
    """
    if _names_day_word(text.lower()):
        return True
    period = resolve_period(text, _ANY_DAY)
    return period is not None and re.fullmatch(r"\d{4}-\d\d-\d\d", period) is not None


def _names_day_word(lowered: str) -> bool:
    """`monday`, `on friday`, `yesterday`, `today` (lower case)."""
    return any(day in lowered for day in _WEEKDAYS) or re.search(r"\b(yesterday|today)\b", lowered) is not None


def is_split_year(text: str) -> bool:
    """`1985/86`, `2002/2003` (but not `1986/90`).

    >>> is_split_year("1985/86"), is_split_year("1986/90"), is_split_year("1985/86 season")
    (True, False, False)
    """
    found = _SPLIT_YEAR.fullmatch(text)
    return found is not None and _split_year(found) is not None


def season_end_month(text: str) -> int | None:
    """The last month of the seasons a story's split years stand for, when it states them.

    >>> season_end_month("imports for the 1986/87 season (Oct-Sept) are estimated")
    9
    >>> season_end_month("output in 1986/87 ending October")
    10
    >>> season_end_month("the 2002/03 season") is None
    True
    """
    for found in _SPLIT_YEAR.finditer(text):
        if _split_year(found) is None:
            continue
        if found.group("month"):
            return _MONTH_NUMBERS[found.group("month").lower().rstrip(".")]
        months = _SEASON_MONTHS.match(text, found.end(), found.end() + _SEASON_REACH)
        if months:
            return _MONTH_NUMBERS[months.group("last").lower().rstrip(".")]
    return None


def _split_year(found: re.Match, season_end: int | None = None) -> str | None:
    first = int(found.group("first"))
    second = found.group("second")
    second_year = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
    if second_year != first + 1:
        return None  # `1986/90` is no split year
    last = _MONTH_NUMBERS[found.group("month").lower().rstrip(".")] if found.group("month") else season_end
    if last is not None:
        start = first * 12 + last  # the month after `last` in the first year, as a month index
        return f"{start // 12}-{start % 12 + 1:02d}/{second_year}-{last:02d}"
    return f"{first}/{second_year}"


def _month_span(found: re.Match, text: str, published: date | None) -> str | None:
    """A span of months in its year (the stated one, else the latest that had ended by the month of
    publication); three months that make a quarter are that quarter."""
    first = _MONTH_NUMBERS[found.group("first").lower().rstrip(".")]
    last = _MONTH_NUMBERS[found.group("last").lower().rstrip(".")]
    year = _YEAR_RE.search(text)
    if year:
        end_year = int(year.group(1))
    elif published is not None:
        end_year = published.year - (last > published.month)
    else:
        return None
    start_year = end_year - (first > last)
    if start_year == end_year and last - first == 2 and first % 3 == 1:
        return f"{end_year}-Q{last // 3}"
    return f"{start_year}-{first:02d}/{end_year}-{last:02d}"


# `the first three months of the year`, `the first two months of 1987`: the months from January of
# a calendar year, and `the final three months of 2004` those to its December (a bare `first nine
# months` may be a fiscal year's, which start where the story does not say: `the first two months
# of its fiscal year`).
_MONTH_COUNTS = "|".join(word for word, value in UNITS_WORDS.items() if 1 <= value <= 12)
_FIRST_MONTHS = re.compile(
    rf"\b(?P<edge>first|last|final)\s+(?P<count>{_MONTH_COUNTS}|1[0-2]|[1-9])"
    r"\s+months\s+of\s+(?:(?P<which>this|last|the)\s+year|(?P<year>1[89]\d\d|20\d\d))\b",
    re.IGNORECASE,
)


def _first_months(found: re.Match, published: date | None) -> str | None:
    """The first (or last) months of the stated year, of last year, else of the latest year in which
    they had ended by the month of publication; three are the first (last) quarter, six the half.

    >>> april = date(1987, 4, 9)
    >>> [_first_months(_FIRST_MONTHS.search(t), april) for t in ("the first three months of the year",
    ...     "the first nine months of the year", "the first two months of 1986", "first six months of last year")]
    ['1987-Q1', '1986-01/1986-09', '1986-01/1986-02', '1986-H1']
    >>> [_first_months(_FIRST_MONTHS.search(t), april) for t in ("the final three months of 1986",
    ...     "the last six months of the year", "the last two months of 1986")]
    ['1986-Q4', '1986-H2', '1986-11/1986-12']
    """
    count = int(found.group("count")) if found.group("count").isdigit() else UNITS_WORDS[found.group("count").lower()]
    first = found.group("edge").lower() == "first"
    if found.group("year"):
        year = int(found.group("year"))
    elif published is None:
        return None
    elif found.group("which").lower() == "last":
        year = published.year - 1
    else:  # the months had ended by the month of publication (the last ones, only in a year before)
        year = published.year - (count >= published.month if first else 1)
    if first:
        named = {1: f"{year}-01", 3: f"{year}-Q1", 6: f"{year}-H1", 12: str(year)}
        return named.get(count, f"{year}-01/{year}-{count:02d}")
    named = {1: f"{year}-12", 3: f"{year}-Q4", 6: f"{year}-H2", 12: str(year)}
    return named.get(count, f"{year}-{13 - count:02d}/{year}-12")


# Two dates of the same precision that bound a span: `between yesterday and April 30` (ISO 8601
# interval, `1987-04-07/1987-04-30`).
_BETWEEN = re.compile(r"(?:between|from)\s+(?P<first>.+?)\s+(?:and|to|through|until)\s+(?P<last>.+)", re.IGNORECASE)


def _between(found: re.Match, published: date | None, season_end: int | None) -> str | None:
    last = resolve_period(found.group("last"), published, season_end)
    first_text = found.group("first")
    year = _YEAR_RE.search(found.group("last"))
    if year and not _YEAR_RE.search(first_text):
        first_text = f"{first_text} {year.group(1)}"  # `between March 1 and April 30, 1987`
    first = resolve_period(first_text, published, season_end)
    if first is None or last is None or len(first) != len(last) or first >= last:
        return None
    return f"{first}/{last}"


@lru_cache(maxsize=8192)  # pure; a sentence's dates are asked about once per figure in it
def resolve_period(text: str, published: date | None, season_end: int | None = None) -> str | None:
    """Turn a time expression into an ISO period, at the precision the words give.

    Relative expressions are resolved against `published`; without it they give None. A split year
    is the twelve months to `season_end` when the story gives its seasons' months.

    >>> resolve_period("in 2016", None)
    '2016'
    >>> resolve_period("last year", date(2025, 6, 26))
    '2024'
    >>> resolve_period("as of December 2015", None)
    '2015-12'
    >>> resolve_period("on July 9", date(2025, 6, 26))
    '2025-07-09'
    >>> resolve_period("last year", None) is None
    True
    >>> resolve_period("in the first half of 2016", None), resolve_period("3rd qtr 1986", None)
    ('2016-H1', '1986-Q3')
    >>> resolve_period("the fourth quarter", date(1987, 4, 8)), resolve_period("1ST QTR", date(1987, 4, 8))
    ('1986-Q4', '1987-Q1')
    >>> resolve_period("in 1986/87 ending October", None), resolve_period("the 2002/03 season", None)
    ('1986-11/1987-10', '2002/2003')
    >>> resolve_period("the 1985/86 season", None, season_end=9)
    '1985-10/1986-09'
    >>> resolve_period("the July-to-September quarter", date(2005, 2, 1))
    '2004-Q3'
    >>> resolve_period("the last quarter of 2004", None)
    '2004-Q4'
    >>> resolve_period("between October and December", date(2005, 2, 1))
    '2004-Q4'
    >>> resolve_period("by the end of the month", date(1987, 4, 8))
    '1987-04'
    >>> resolve_period("between yesterday and April 30", date(1987, 4, 8))
    '1987-04-07/1987-04-30'
    >>> april = date(1987, 4, 9)
    >>> resolve_period("February last year", april), resolve_period("the third quarter of last year", april)
    ('1986-02', '1986-Q3')
    >>> resolve_period("for the period through March", april), resolve_period("the period through May", april)
    ('1987-Q1', '1986-01/1986-05')
    """
    split = _SPLIT_YEAR.search(text)
    if split and _split_year(split):
        return _split_year(split, season_end)
    span = _MONTH_SPAN.search(text)
    if span:
        return _month_span(span, text, published)
    through = _PERIOD_THROUGH.search(text)
    if through:  # `the period through March`: from January, as `January through March`
        return _month_span(_MONTH_SPAN.search(f"January through {through.group('last')}"), text, published)
    between = _BETWEEN.fullmatch(text.strip())
    if between:
        return _between(between, published, season_end)
    first_months = _FIRST_MONTHS.search(text)
    if first_months:
        return _first_months(first_months, published)
    reported = REPORTING_PERIOD.search(text)
    if reported and reported.group("month") and published is not None:
        return reporting_period(reported, published)  # `the quarter ended Sept. 30`, `nine months to June 30`
    month_named = _NAMED_MONTH.search(text)
    if month_named and published is not None and not _YEAR_RE.search(text):
        return _named_month(month_named, published)
    relative = _RELATIVE_PERIOD.search(text)
    if relative and _YEAR_RE.search(text) and relative.group("which").lower() == "last":
        relative = None  # `the last quarter of 2004` is that year's last, below
        text = re.sub(r"\blast\b", "fourth", text, flags=re.IGNORECASE)
    if relative:
        period = _relative_period(relative.group("which").lower(), relative.group("unit").lower(), published)
        if period is not None and relative.group("unit").lower() == "year" and text.strip() != relative.group(0):
            # `February last year`, `the third quarter of last year`: that part of the year
            within = resolve_period(text[: relative.start()] + period + text[relative.end() :], published, season_end)
            return within if within is not None and within.startswith(period) else period
        return period
    lowered = text.lower()
    year = _YEAR_RE.search(text)
    month = _MONTH_RE.search(text)
    if re.search(r"\b(19|20)\d0s\b", text):  # a decade is not a period we can state as ISO
        return None
    part = _period_part(text)
    if part is not None and not month:
        letter, number = part
        if year:
            return f"{year.group(1)}-{letter}{number}"
        if published is not None:
            # the latest such period that has begun by publication (`the fourth quarter` in April: last year's)
            months = 3 if letter == "Q" else 6
            begun = published.month > (number - 1) * months
            return f"{published.year if begun else published.year - 1}-{letter}{number}"
        return None
    if year and not month:
        return year.group(1)
    if month:
        day = _DAY_RE.search(_MONTH_RE.sub(" ", _YEAR_RE.sub(" ", text)))
        if not year and published is None:
            return None
        if not year and not day:  # `in March`: the latest March up to publication
            number = _MONTH_NUMBERS[month.group(1).lower().rstrip(".")]
            return f"{published.year - (number > published.month)}-{number:02d}"
        base = datetime(published.year, published.month, published.day) if published else None
        parts = ["month", "year"] if not day else ["day", "month"]
        parsed = dateparser.parse(
            re.sub(r"^\s*(in|on|as of|by|since|until|from|during|at)\s+", "", text, flags=re.IGNORECASE),
            languages=["en"],
            settings={
                "RELATIVE_BASE": base or datetime(2000, 1, 1),
                "PREFER_DATES_FROM": "current_period",
                "REQUIRE_PARTS": parts,
            },
        )
        if parsed is None:
            return None
        if not year:
            parsed = parsed.replace(year=published.year)
        return parsed.strftime("%Y-%m-%d") if day else parsed.strftime("%Y-%m")
    if published is None:
        return None
    if _names_day_word(lowered):
        return _weekday_date(lowered, published)
    return None


def _named_month(found: re.Match, published: date) -> str:
    """`last December`: the latest December before the month of publication; `this March` the
    year's; `next May` the first after it."""
    month = _MONTH_NUMBERS[found.group("month").lower().rstrip(".")]
    which = found.group("which").lower()
    year = published.year
    if which == "last" and month >= published.month:
        year -= 1
    elif which == "next" and month <= published.month:
        year += 1
    return f"{year}-{month:02d}"


def _period_part(text: str) -> tuple[str, int] | None:
    """The quarter or half a phrase names: ("Q", 3) for `third quarter`, ("H", 1) for `first half`."""
    match = _PERIOD_PART.search(text)
    if match is None:
        return None
    if match.group("letter"):
        letter, number = match.group("letter").upper(), int(match.group("number"))
    else:
        letter, number = PERIOD_PARTS[match.group("part").lower()], _ORDINALS[match.group("ordinal").lower()]
    return (letter, number) if letter == "Q" or number <= 2 else None


def _relative_period(which: str, unit: str, published: date | None) -> str | None:
    if published is None:
        return None
    step = RELATIVE_STEPS.get(which, 0)  # `the end of the month`: this one
    if unit == "year":
        return str(published.year + step)
    if unit == "month":
        index = published.year * 12 + published.month - 1 + step
        return f"{index // 12}-{index % 12 + 1:02d}"
    if unit == "week":  # a calendar week, Monday to Sunday (ISO 8601), as an interval of days
        if which in ("previous", "past"):
            return None  # `the previous week` counts back from the week a story is about, which may not be this one
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=step)
        return f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}"
    quarter_index = published.year * 4 + (published.month - 1) // 3 + step
    return f"{quarter_index // 4}-Q{quarter_index % 4 + 1}"


def _weekday_date(lowered: str, published: date) -> str | None:
    """`on Thursday` in news means the most recent such day on or before publication."""
    if "yesterday" in lowered:
        return (published - timedelta(days=1)).isoformat()
    if "today" in lowered:
        return published.isoformat()
    for index, name in enumerate(_WEEKDAYS):
        if name in lowered:
            back = (published.weekday() - index) % 7
            return (published - timedelta(days=back)).isoformat()
    return None


# The period a results story reports, as wire headlines and table headings state it: `1ST QTR NET`,
# `2ND QTR FEB 28 NET`, `YEAR NET`, `YEAR TO DECEMBER 31`, `Six mths`, `Nine months`.
_SPAN_MONTHS = {"three": 3, "3": 3, "six": 6, "6": 6, "nine": 9, "9": 9, "twelve": 12, "12": 12}
_ORDINAL_WORDS = "|".join(_ORDINALS)
# After `YEAR` in a headline, what makes it a results period (`YEAR NET`), not any year (`HIGHEST THIS
# YEAR`); after a calendar year, what makes it a results story's year (`SULZER 1986 PROFIT UP`).
_RESULTS_WORDS = re.compile(r"\s*(?:net|loss|profit|earnings|results|oper|shr|sales|revs?)\b", re.IGNORECASE)
REPORTING_PERIOD = re.compile(
    rf"""\b(?:
        (?P<ordinal>{_ORDINAL_WORDS})[-\s]+(?:qtr|quarter)
        |(?P<quarter>qtr|quarter)(?=\s+(?:to|ended|ending))
        |(?P<span>{"|".join(_SPAN_MONTHS)})[-\s]+(?:mths|mos|months)
        |(?P<year>year|fiscal\s+year|fy)
        |(?P<calendar>1[89]\d\d|20\d\d)(?={_RESULTS_WORDS.pattern})
    )\b
    (?:\s+(?P<stated>1[89]\d\d|20\d\d)\b)?
    (?:\s+(?:to|ended|ending)?\s*(?P<month>{_MONTHS})\.?(?:\s+(?P<day>[0-3]?\d))?\b)?""",
    re.IGNORECASE | re.VERBOSE,
)
_MONTH_NUMBERS = {name: number for number, name in enumerate(_MONTHS.split("|")[:12], 1)}
_MONTH_NUMBERS |= {name[:3]: number for name, number in list(_MONTH_NUMBERS.items())} | {"sept": 9}


# A month a headline reports, within two words before what it measures (`lexicon.MONTHLY_MEASURES`):
# `CANADA FEBRUARY TRADE SURPLUS`, `SEARS <S> MARCH RETAIL SALES UP`; not a day (`WHEAT APRIL 13`),
# and `may` only right before the measure (`IMPORTS MAY INCREASE` is a verb).
HEADLINE_MONTH = re.compile(
    rf"""\b(?P<month>{_MONTHS})\.?(?P<between>(?:\s+[a-z][a-z-]*){{0,2}})\s+(?:{"|".join(sorted(MONTHLY_MEASURES))})\b""",
    re.IGNORECASE,
)


def headline_month(headline: str, published: date | None) -> tuple[str, str] | None:
    """The month a headline reports, as (ISO month, words): the latest such month before publication.

    >>> headline_month("ZAYRE <ZY> MARCH SALES UP 12.7 PCT", date(1987, 4, 9))
    ('1987-03', 'MARCH SALES')
    >>> headline_month("CANADA DECEMBER TRADE SURPLUS 1.2 BILLION DLRS", date(1987, 2, 9))
    ('1986-12', 'DECEMBER TRADE SURPLUS')
    >>> headline_month("SOUTH KOREA CORN IMPORTS MAY INCREASE - USDA", date(1987, 4, 8)) is None
    True
    """
    for found in HEADLINE_MONTH.finditer(headline):
        month = found.group("month").lower()
        if published is None or (month == "may" and found.group("between")):
            continue
        number = _MONTH_NUMBERS[month]
        year = published.year if number < published.month else published.year - 1
        return f"{year}-{number:02d}", found.group(0)
    return None


def story_periods(lines: list[tuple[int, str]], published: date | None) -> list[tuple[int, str, str]]:
    """The reporting periods a results story sets, as (offset, period, words): its headline's
    (`DOW JONES AND CO INC <DJ> 1ST QTR NET`), then each table heading line (`Six mths`, `Year`),
    which governs the lines below it. `lines` are (offset, text), the first one the headline.

    >>> lines = [(0, "ACME CORP <ACM> 2ND QTR FEB 28 NET"), (40, "Shr 5 cts"), (50, "Six mths")]
    >>> story_periods(lines, date(1987, 4, 8))
    [(0, '1986-12/1987-02', '2ND QTR FEB 28'), (50, '1986-09/1987-02', 'Six mths')]
    >>> story_periods([(0, "OPEC OUTPUT HIGHEST THIS YEAR")], date(1987, 4, 8))
    []
    """
    periods: list[tuple[int, str, str]] = []
    for number, (offset, line) in enumerate(lines):
        if number == 0 and (month := headline_month(line, published)) is not None:
            periods.append((offset, *month))
            continue
        if number == 0:
            match = next(
                (
                    found
                    for found in REPORTING_PERIOD.finditer(line)
                    if not found.group("year") or found.group("month") or _RESULTS_WORDS.match(line, found.end())
                ),
                None,
            )
        else:
            match = REPORTING_PERIOD.fullmatch(line.strip().rstrip(":"))
        if match is None:
            continue
        period = reporting_period(match, published, within=periods[0][1] if periods else None)
        if period is not None:
            periods.append((offset, period, match.group(0)))
    return periods


def reporting_period(match: re.Match, published: date | None, within: str | None = None) -> str | None:
    """The ISO period a `REPORTING_PERIOD` match states, against the publication date: the latest
    such period ended by then. A span of months without its end (`Six mths` under `2ND QTR FEB 28`)
    ends where the period `within` ends.

    >>> p = date(1987, 4, 8)
    >>> [reporting_period(REPORTING_PERIOD.search(t), p) for t in ("1ST QTR NET", "4TH QTR NET", "YEAR NET")]
    ['1987-Q1', '1986-Q4', '1986']
    >>> reporting_period(REPORTING_PERIOD.search("2ND QTR FEB 28 NET"), p)
    '1986-12/1987-02'
    >>> reporting_period(REPORTING_PERIOD.search("Six mths"), p, within="1986-12/1987-02")
    '1986-09/1987-02'
    >>> reporting_period(REPORTING_PERIOD.search("Nine mths"), p, within="1986-Q4")
    '1986-04/1986-12'
    >>> reporting_period(REPORTING_PERIOD.search("YEAR TO DECEMBER 31"), p)
    '1986'
    >>> headings = ("Year 1986", "SULZER 1986 PROFIT UP", "1st qtr 1986")
    >>> [reporting_period(REPORTING_PERIOD.search(t), p) for t in headings]
    ['1986', '1986', '1986-Q1']
    """
    if published is None:
        return None
    stated = match.group("calendar") or match.group("stated")
    if stated and (match.group("calendar") or match.group("year")):
        # `Year 1986`, `SULZER 1986 PROFIT`: a year reported is over (`RTZ SEES ... AIDING 1987 RESULTS`,
        # in April 1987, forecasts)
        return stated if int(stated) < published.year else None
    month = _MONTH_NUMBERS.get(match.group("month").lower().rstrip(".")) if match.group("month") else None
    if match.group("ordinal") and month is None:
        return resolve_period(match.group(0), published)
    if match.group("ordinal") or match.group("quarter"):
        months = 3
    elif match.group("span"):
        months = _SPAN_MONTHS[match.group("span").lower()]
    else:
        months = 12
    if month is not None:
        end = published.year * 12 + month - 1
        if end >= published.year * 12 + published.month - 1:
            end -= 12  # the latest such month-end before publication
    elif within is not None:
        end = _period_end(within)
    else:  # the latest quarter (or year) ended before publication
        current = published.year * 12 + published.month - 1
        end = current - current % (12 if months == 12 else 3) - 1
    if end is None:
        return None
    start = end - months + 1
    if months == 12 and end % 12 == 11:
        return str(end // 12)
    if months == 3 and end % 3 == 2:
        return f"{end // 12}-Q{end % 12 // 3 + 1}"
    return f"{start // 12}-{start % 12 + 1:02d}/{end // 12}-{end % 12 + 1:02d}"


def _period_end(period: str) -> int | None:
    """The last month of an ISO period, as year * 12 + month - 1."""
    last = period.split("/")[-1]
    found = re.fullmatch(r"(\d{4})(?:-(Q|H)?(\d{1,2}))?", last)
    if found is None:
        return None
    year, letter, number = int(found.group(1)), found.group(2), found.group(3)
    if number is None:
        return year * 12 + 11
    size = {"Q": 3, "H": 6}.get(letter or "", 1)
    return year * 12 + int(number) * size - 1


def day_earlier(period: str, *, working: bool = False) -> str | None:
    """The day before a day (`working`: the working day before, past a weekend); None for a period
    that is no single day.

    >>> day_earlier("1987-04-08"), day_earlier("1987-04-06", working=True), day_earlier("1987-04") is None
    ('1987-04-07', '1987-04-03', True)
    """
    try:
        day = date.fromisoformat(period) if len(period) == 10 else None
    except ValueError:
        day = None
    if day is None:
        return None
    day -= timedelta(days=1)
    while working and day.weekday() >= 5:
        day -= timedelta(days=1)
    return day.isoformat()


def in_year(period: str, year: int) -> str:
    """The same period in another year: `the same period in 2003`, said of the fourth quarter of
    2004, is the fourth quarter of 2003 (a span keeps its length).

    >>> [in_year(p, 2003) for p in ("2004-Q4", "2004-07", "2004-12/2005-02", "2004")]
    ['2003-Q4', '2003-07', '2003-12/2004-02', '2003']
    """
    shift = year - int(period[:4])
    return re.sub(r"\b(\d{4})\b", lambda found: str(int(found.group(1)) + shift), period)


def year_earlier(period: str) -> str:
    """The same period a year before: what a results table's `vs` figures cover.

    >>> [year_earlier(p) for p in ("1987-Q1", "1986", "1986-12/1987-02", "1987-H1", "1987-03-31")]
    ['1986-Q1', '1985', '1985-12/1986-02', '1986-H1', '1986-03-31']
    """
    return in_year(period, int(period[:4]) - 1)
