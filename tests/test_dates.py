"""Publication-date headers and the period a claim is about."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.dates import parse_date_header, resolve_period, story_periods


@pytest.mark.parametrize(
    ("text", "expected_date", "body"),
    [
        (" date 2017-01-30 is scrambling to respond", date(2017, 1, 30), "is scrambling to respond"),
        ("date 2025-06-26 By Yoshiaki Nohara", date(2025, 6, 26), "By Yoshiaki Nohara"),
        ("Published: March 3, 2021\nTOKYO (Reuters) - Toyota", date(2021, 3, 3), "TOKYO (Reuters) - Toyota"),
        ("Updated 4 July 2024\nLondon", date(2024, 7, 4), "London"),
        ("Date: 2023-11-02\nBody", date(2023, 11, 2), "Body"),
        ("tokyo/detroit ( reuters ) - when", None, "tokyo/detroit ( reuters ) - when"),
        ("date 2017-13-45 broken marker", None, "date 2017-13-45 broken marker"),
        ("The date 2017-01-30 is in the middle", None, "The date 2017-01-30 is in the middle"),
    ],
)
def test_date_header(text: str, expected_date: date | None, body: str) -> None:
    published, body_start = parse_date_header(text)
    assert published == expected_date
    assert text[body_start:] == body


PUBLISHED = date(2025, 6, 26)


@pytest.mark.parametrize(
    ("expression", "published", "expected"),
    [
        ("in 2016", None, "2016"),
        ("last year", PUBLISHED, "2024"),
        ("last year", None, None),
        ("in February last year", PUBLISHED, "2024-02"),
        ("the third quarter of last year", PUBLISHED, "2024-Q3"),
        ("the first half of this year", PUBLISHED, "2025-H1"),
        ("for the final three months of 2004", None, "2004-Q4"),
        ("the last six months of the year", date(2005, 2, 3), "2004-H2"),
        ("the last two months of 1986", None, "1986-11/1986-12"),
        ("the last three months", date(2005, 2, 3), None),
        ("the end of last year", PUBLISHED, "2024"),
        ("this year", PUBLISHED, "2025"),
        ("next year", date(2017, 1, 30), "2018"),
        ("last month", date(2017, 1, 30), "2016-12"),
        # weeks: calendar weeks, Monday to Sunday, around publication (a Thursday here)
        ("this week", date(1987, 4, 9), "1987-04-06/1987-04-12"),
        ("last week", date(1987, 4, 9), "1987-03-30/1987-04-05"),
        ("next week", date(1987, 4, 9), "1987-04-13/1987-04-19"),
        ("earlier this week", date(1987, 4, 9), "1987-04-06/1987-04-12"),
        ("by the end of the week", date(1987, 4, 12), "1987-04-06/1987-04-12"),
        ("the previous week", date(1987, 4, 9), None),
        ("this week", None, None),
        ("last quarter", PUBLISHED, "2025-Q1"),
        ("as of December 2015", None, "2015-12"),
        ("on July 9", PUBLISHED, "2025-07-09"),
        ("on July 9", None, None),
        ("in June 1995", None, "1995-06"),
        ("March 3, 2021", None, "2021-03-03"),
        ("in the first quarter of 2024", None, "2024-Q1"),
        ("on Thursday", PUBLISHED, "2025-06-26"),
        ("on Monday", PUBLISHED, "2025-06-23"),
        ("yesterday", PUBLISHED, "2025-06-25"),
        ("in the 1980s", None, None),
        ("over the next five years", PUBLISHED, None),
        ("20 years ago", PUBLISHED, None),
        ("in March", date(1987, 4, 8), "1987-03"),
        ("in May", date(1987, 4, 8), "1986-05"),
        ("last December", date(1987, 4, 8), "1986-12"),
        ("last March", date(1987, 4, 8), "1987-03"),
        ("last April", date(1987, 4, 8), "1986-04"),
        ("next May", date(1987, 4, 8), "1987-05"),
        ("last December", None, None),
        ("in the quarter ended Sept. 30", date(1987, 10, 20), "1987-Q3"),
        ("in the quarter ended Feb 28", date(1987, 4, 8), "1986-12/1987-02"),
        ("nine months ended Sept 30", date(1987, 10, 20), "1987-01/1987-09"),
        ("in the year to March 31", date(1987, 6, 1), "1986-04/1987-03"),
    ],
)
def test_resolve_period(expression: str, published: date | None, expected: str | None) -> None:
    assert resolve_period(expression, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # split crop, fiscal and season years: ISO intervals of years, or of months with the last month
        ("in 1986/87", None, "1986/1987"),
        ("the 2002/2003 season", None, "2002/2003"),
        ("in 1986/87 ending October", None, "1986-11/1987-10"),
        ("1985/86 to September", None, "1985-10/1986-09"),
        ("1986/90", None, "1986"),
        # spans of months; three calendar months are a quarter
        ("the July-to-September quarter", date(2005, 2, 1), "2004-Q3"),
        ("between October and December", date(2005, 2, 1), "2004-Q4"),
        ("January-March 1987", None, "1987-Q1"),
        ("November to January", date(1987, 4, 8), "1986-11/1987-01"),
        # the first months of a calendar year; a bare `first two months` may be a fiscal year's
        ("the first three months of the year", date(1987, 4, 9), "1987-Q1"),
        ("the first two months of 1987", None, "1987-01/1987-02"),
        ("the first six months of 2005", None, "2005-H1"),
        ("the first nine months of last year", date(1987, 4, 9), "1986-01/1986-09"),
        ("the first two months", date(1987, 4, 9), None),
        ("February-April 1987", None, "1987-02/1987-04"),
        ("between October and December", None, None),
    ],
)
def test_split_years_and_month_spans(text: str, published: date | None, expected: str | None) -> None:
    assert resolve_period(text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("in the first half of 2016", None, "2016-H1"),
        ("H2 2024", None, "2024-H2"),
        ("3rd qtr 1986", None, "1986-Q3"),
        ("the fourth quarter", date(1987, 4, 8), "1986-Q4"),
        ("1ST QTR", date(1987, 4, 8), "1987-Q1"),
        ("the second half", date(2024, 3, 15), "2023-H2"),
        ("the first quarter", None, None),
        ("third half", None, None),
        ("the last quarter of 2004", None, "2004-Q4"),
        ("the final quarter of 2004", None, "2004-Q4"),
        ("the last quarter", date(2005, 2, 1), "2004-Q4"),
    ],
)
def test_quarters_and_halves(text: str, published: date | None, expected: str | None) -> None:
    assert resolve_period(text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "body_start"),
    [
        (" date 2017-01-30 Toyota said", date(2017, 1, 30), 17),
        ("Rates cut\nPublished: Tuesday, 3 March 2021, 14:22 GMT\n\nThe bank cut", date(2021, 3, 3), 0),
        ("Rates cut\nUpdated 2021-03-03\n\nThe bank cut", date(2021, 3, 3), 0),
        ("Rates cut\n2021-03-03T14:22:05+01:00\nThe bank cut", date(2021, 3, 3), 0),
        ("RATES CUT\n\nLONDON, March 3, 2021 (Reuters) - The bank cut", date(2021, 3, 3), 0),
        ("RATES CUT\n\nLONDON, March 3 (Reuters) - The bank cut", None, 0),  # no year: not a date
        ("The bank cut rates on March 3, 2021, it said.", None, 0),  # a date in the text is not a header
    ],
    ids=[
        "leading-header",
        "published-line",
        "updated-line",
        "iso-timestamp",
        "dateline-with-year",
        "dateline-without-year",
        "date-in-text",
    ],
)
def test_publication_date_from_the_top_of_a_story(text: str, published, body_start: int) -> None:
    assert parse_date_header(text) == (published, body_start)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        pytest.param(
            ["GEBRUEDER SULZER 1986 PROFIT UP ALMOST 60 PCT", "Year 1986", "Consolidated net profit 67 mln"],
            [(0, "1986", "1986"), (1, "1986", "Year 1986")],
            id="reuters_15397-a-results-headline-s-year-and-a-year-heading",
        ),
        pytest.param(
            ["RTZ SEES RISING U.S. OUTPUT AIDING 1987 RESULTS", "Pretax profits dipped to 601.7 mln stg"],
            [],
            id="reuters_15389-a-year-not-over-is-a-forecast-s",
        ),
        pytest.param(
            ["ACME CORP <ACM> 1ST QTR 1986 NET", "Shr 5 cts"],
            [(0, "1986-Q1", "1ST QTR 1986")],
            id="a-quarter-s-own-year",
        ),
        pytest.param(["OPEC OUTPUT HIGHEST THIS YEAR", "Output rose."], [], id="any-year-is-no-results-period"),
    ],
)
def test_story_periods(lines: list[str], expected: list) -> None:
    periods = story_periods(list(enumerate(lines)), date(1987, 4, 9))
    assert periods == expected
