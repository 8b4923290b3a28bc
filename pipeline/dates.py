"""Date handling: publication-date headers and the period a claim is about.

dateparser does the reading of date words; this module decides which text to hand it and turns
its answer into an ISO period whose precision matches what the text said (`2016`, `2015-12`,
`2025-07-09`).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import dateparser

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_MONTH_RE = re.compile(rf"\b({_MONTHS})\.?\b", re.IGNORECASE)
_YEAR_RE = re.compile(r"\b(1[89]\d\d|20\d\d|21\d\d)\b")
_DAY_RE = re.compile(r"\b([0-3]?\d)(st|nd|rd|th)?\b")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Relative periods dateparser does not turn into a period of the right size: `last year` is a
# year, not the day a year before publication.
_RELATIVE_PERIOD = re.compile(
    r"\b(?P<which>last|this|next|previous|past|coming|current)\s+(?P<unit>year|month|quarter)\b",
    re.IGNORECASE,
)

# Parts of a year a claim may be about: quarters (`first quarter`, `4th qtr`, `Q3`) and halves
# (`first half`, `H1`), each with the letter of its ISO-style period (`2016-Q3`, `2016-H1`).
PERIOD_PARTS = {"quarter": "Q", "qtr": "Q", "half": "H"}
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
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


def parse_date_header(text: str) -> tuple[date | None, int]:
    """Read a leading publication-date header.

    Returns:
        The date (or None) and the offset where the article body starts after the header.

    >>> parse_date_header(" date 2017-01-30 is scrambling")
    (datetime.date(2017, 1, 30), 17)
    >>> parse_date_header("Tokyo (Reuters) - ...")
    (None, 0)
    """
    match = DATE_HEADER.match(text[:200])
    if not match:
        return None, 0
    parsed = parse_date(match.group("value"))
    if parsed is None:
        return None, 0
    return parsed, match.end()


def parse_date(value: str) -> date | None:
    """Parse one absolute date string (ISO or written out); None when it is not a full date."""
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        pass
    parsed = dateparser.parse(
        value,
        languages=["en"],
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first"},
    )
    return parsed.date() if parsed else None


def resolve_period(text: str, published: date | None) -> str | None:
    """Turn a time expression into an ISO period, at the precision the words give.

    Relative expressions are resolved against `published`; without it they give None.

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
    """
    relative = _RELATIVE_PERIOD.search(text)
    if relative:
        return _relative_period(relative.group("which").lower(), relative.group("unit").lower(), published)
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
    if any(day in lowered for day in _WEEKDAYS) or re.search(r"\b(yesterday|today)\b", lowered):
        return _weekday_date(lowered, published)
    return None


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
    step = {"last": -1, "previous": -1, "past": -1, "this": 0, "current": 0, "next": 1, "coming": 1}[which]
    if unit == "year":
        return str(published.year + step)
    if unit == "month":
        index = published.year * 12 + published.month - 1 + step
        return f"{index // 12}-{index % 12 + 1:02d}"
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
