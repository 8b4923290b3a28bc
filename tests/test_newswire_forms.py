"""Amounts as wire, AP, British and web news write them: one table per form, exact values.

Sentences marked `reuters_NNNNN` or `bbc_*` are quoted from the dev corpus
(`../shared/devcorpus/`: Reuters-21578 and the BBC News dataset, for research); the others are
written for the rule. Each row: (id, text, [(mention, kind, value, unit, qualifier, low, high,
role, direction), ...]) for every claim of the text, in text order.
"""

from __future__ import annotations

import re

import pytest

from pipeline.stages import extract_text

M, P, C = "money", "percent", "count"
Row = tuple


def claim(mention, kind, value, unit, qualifier="exact", low=None, high=None, role=None, direction=None) -> Row:
    return (mention, kind, value, unit, qualifier, low, high, role, direction)


LINE_BREAKS = [
    (
        "number-newline-scale",
        "reuters_15165: net was reduced by 20 mln dlrs because 1.3\nbillion dlrs of loans were placed on non-accrual.",
        [
            claim("20 mln dlrs", M, 20e6, "USD", role="by", direction="down"),
            claim("1.3\nbillion dlrs", M, 1.3e9, "USD"),
        ],
    ),
    (
        "number-newline-indented-unit",
        "Profit was 15 mln\n    dlrs in the quarter.",
        [claim("15 mln\n    dlrs", M, 15e6, "USD")],
    ),
    ("currency-newline-number", "The company paid $\n5 million for it.", [claim("$\n5 million", M, 5e6, "USD")]),
    (
        "number-newline-pct",
        "reuters_15192: its load factor in March rose to 70.6 pct from 66.2\npct in the same period a year ago.",
        [
            claim("70.6 pct", P, 70.6, "%", role="to", direction="up"),
            claim("66.2\npct", P, 66.2, "%", role="from", direction="up"),
        ],
    ),
    ("blank-line-ends-sentence", "Sales were 12\n\nmillion people live there.", []),
]

CAPS = [
    (
        "caps-climbs-to",
        "reuters_15387: BURMAH OIL PROFIT CLIMBS TO 105.9 MLN STG",
        [claim("105.9 MLN STG", M, 105.9e6, "GBP", role="to", direction="up")],
    ),
    ("caps-dividend", "BANK RAISES DIVIDEND 12 PCT", [claim("12 PCT", P, 12.0, "%", role="by", direction="up")]),
    (
        "caps-exports",
        "CANADA EXPORTS RISE 240 MLN DLRS IN FEBRUARY",
        [claim("240 MLN DLRS", M, 240e6, "USD", role="by", direction="up")],
    ),
    (
        "caps-headline-then-body",
        "reuters_15429: AEGON 1986 NET PROFIT RISES 6.4 PCT\n\nNet profit 327.1 mln guilders vs 307.5 mln.",
        [
            claim("6.4 PCT", P, 6.4, "%", role="by", direction="up"),
            claim("327.1 mln guilders", M, 327.1e6, "NLG"),
            claim("307.5 mln", M, 307.5e6, "NLG"),
        ],
    ),
]

WIRE = [
    ("mixed-fraction-pct", "The coupon was set at 11-1/2 pct.", [claim("11-1/2 pct", P, 11.5, "%")]),
    ("mixed-fraction-dlrs", "The conversion price is 30-5/8 dlrs.", [claim("30-5/8 dlrs", M, 30.625, "USD")]),
    (
        "fraction-range",
        "reuters_15462: the indicated range of 5-1/4 to 5-1/2 pct.",
        [claim("5-1/4 to 5-1/2 pct", P, 5.25, "%", low=5.25, high=5.5)],
    ),
    ("bare-fraction-pct", "Fees are 5/8 pct of the principal.", [claim("5/8 pct", P, 0.625, "%")]),
    (
        "cts-per-share",
        "Net rose to 120 mln dlrs, or 12 cts a share, from 98.5 mln dlrs, or 10 cts.",
        [
            claim("120 mln dlrs", M, 120e6, "USD", role="to", direction="up"),
            claim("12 cts", M, 0.12, "USD", role="to", direction="up"),
            claim("98.5 mln dlrs", M, 98.5e6, "USD", role="from", direction="up"),
            claim("10 cts", M, 0.10, "USD", role="from", direction="up"),
        ],
    ),
    ("stg-mln", "The Bank bought 60 mln stg of bills.", [claim("60 mln stg", M, 60e6, "GBP")]),
    ("dlr-compound", "Sankei is issuing a 60 mln dlr bond.", [claim("60 mln dlr", M, 60e6, "USD")]),
    (
        "earnings-table",
        "TOWN AND COUNTRY <TCJC> 4TH QTR NET\n\n    Shr 46 cts vs 22 cts\n    Net 2,139,034 vs "
        "854,182\n    Sales 30.8 mln vs 20.6 mln\n    Avg shrs 5,280,854 vs 4,559,646\n",
        [
            claim("46 cts", M, 0.46, "USD"),
            claim("22 cts", M, 0.22, "USD"),
            claim("2,139,034", M, 2139034.0, "USD"),
            claim("854,182", M, 854182.0, "USD"),
            claim("30.8 mln", M, 30.8e6, "USD"),
            claim("20.6 mln", M, 20.6e6, "USD"),
            claim("5,280,854", C, 5280854.0, "share"),
            claim("4,559,646", C, 4559646.0, "share"),
        ],
    ),
    (
        "table-loss-words",
        "    Shr loss 12 cts vs profit five cts\n",
        [claim("12 cts", M, 0.12, "USD"), claim("five cts", M, 0.05, "USD")],
    ),
    (
        "table-rev-label",
        "reuters_15190: Shr 69 cts vs 64 cts\n    Rev 285.6 mln vs 259.7 mln\n",
        [
            claim("69 cts", M, 0.69, "USD"),
            claim("64 cts", M, 0.64, "USD"),
            claim("285.6 mln", M, 285.6e6, "USD"),
            claim("259.7 mln", M, 259.7e6, "USD"),
        ],
    ),
    (
        "the-note-under-a-table-states-the-table-money",
        "reuters_15899: RAI RESEARCH CORP <RAC> 3RD QTR FEB 28\n\n    Net 17,806 vs 328,290\n"
        "    NOTE:1986 net includes loss of 49,040 in nine months from\ndiscontinued operations.\n",
        [
            claim("17,806", M, 17806.0, "USD"),
            claim("328,290", M, 328290.0, "USD"),
            claim("49,040", M, 49040.0, "USD"),
        ],
    ),
    (
        "a-note-without-a-table-is-plain-text",
        "Note: 12,000 jobs went.",
        [claim("12,000 jobs", C, 12000.0, "job")],
    ),
    (
        "a-note-far-below-the-table-is-plain-text",
        "    Net 17,806 vs 328,290\n\n"
        + "The company said demand for its products stayed weak. " * 8
        + "\n    Note: 12,000 jobs went.\n",
        [
            claim("17,806", M, 17806.0, "USD"),
            claim("328,290", M, 328290.0, "USD"),
            claim("12,000 jobs", C, 12000.0, "job"),
        ],
    ),
]

CURRENCY_BEFORE = [
    ("article-before-dollar", "A $300 million loan was repaid.", [claim("$300 million", M, 300e6, "USD")]),
    (
        "us-dollar-codes",
        "It paid US$5, $US42 million and HK $3.2m.",
        [claim("US$5", M, 5.0, "USD"), claim("$US42 million", M, 42e6, "USD"), claim("HK $3.2m", M, 3.2e6, "HKD")],
    ),
    (
        "commonwealth-dollars",
        "C$5 million, Cdn$6 million, A$7m, NZ$8m and S$9m were raised.",
        [
            claim("C$5 million", M, 5e6, "CAD"),
            claim("Cdn$6 million", M, 6e6, "CAD"),
            claim("A$7m", M, 7e6, "AUD"),
            claim("NZ$8m", M, 8e6, "NZD"),
            claim("S$9m", M, 9e6, "SGD"),
        ],
    ),
    (
        "asian-codes",
        "It paid RM75,000, Rs 500 crore, ₹40bn, CN¥5 billion and RMB 3bn.",
        [
            claim("RM75,000", M, 75000.0, "MYR"),
            claim("Rs 500 crore", M, 5e9, "INR"),
            claim("₹40bn", M, 4e10, "INR"),
            claim("CN¥5 billion", M, 5e9, "CNY"),
            claim("RMB 3bn", M, 3e9, "CNY"),
        ],
    ),
    (
        "words-after",
        "It cost 20 yuan, 30 kr and R$20.",
        [claim("20 yuan", M, 20.0, "CNY"), claim("30 kr", M, 30.0, "SEK"), claim("R$20", M, 20.0, "BRL")],
    ),
    ("swiss-francs-code", "The fee was SFr 12m.", [claim("SFr 12m", M, 12e6, "CHF")]),
    ("hash-pound", "The club was sold for #5 million, the #1 seller said.", [claim("#5 million", M, 5e6, "GBP")]),
    (
        "scale-glued-or-spaced",
        "It raised $5bn, $3 tn and £50k.",
        [claim("$5bn", M, 5e9, "USD"), claim("$3 tn", M, 3e12, "USD"), claim("£50k", M, 50e3, "GBP")],
    ),
    (
        "dollar-by-country",
        "reuters_15430: Canada had a trade surplus of 1.25 billion dlrs in February, Statistics Canada said.",
        [claim("1.25 billion dlrs", M, 1.25e9, "CAD")],
    ),
    (
        "written-out-currency-keeps-plain",
        "Its Canadian unit earned 11.2 mln Canadian dlrs; Canada's mills lost 5 mln dlrs.",
        [claim("11.2 mln Canadian dlrs", M, 11.2e6, "CAD"), claim("5 mln dlrs", M, 5e6, "USD")],
    ),
    (
        "pesos-by-country",
        "reuters_15413: PLDT of Manila reported 1986 net income of 1.89 billion pesos, up 68 pct "
        "from 778.9 mln pesos in 1985.",
        [
            claim("1.89 billion pesos", M, 1.89e9, "PHP", role="to", direction="up"),
            claim("68 pct", P, 68.0, "%", role="by", direction="up"),
            claim("778.9 mln pesos", M, 778.9e6, "PHP", role="from", direction="up"),
        ],
    ),
]

SIGNS = [
    ("minus-sign-percent", "Growth came in at -2.4% in the quarter.", [claim("-2.4%", P, -2.4, "%")]),
    ("sign-after-currency", "The loss was $-12.6bn.", [claim("$-12.6bn", M, -12.6e9, "USD")]),
    ("minus-word", "Real rates stood at minus 3 percent.", [claim("minus 3 percent", P, -3.0, "%")]),
    (
        "hyphen-is-not-a-sign",
        "Scores of 3-1 and a 5-10 percent range.",
        [claim("5-10 percent", P, 5.0, "%", low=5.0, high=10.0)],
    ),
    (
        "accounts-brackets",
        "    Shr 12 cts vs 10 cts\n    Net loss (5.2) vs (3.1)\n",
        [
            claim("12 cts", M, 0.12, "USD"),
            claim("10 cts", M, 0.10, "USD"),
            claim("(5.2)", M, -5.2, "USD"),
            claim("(3.1)", M, -3.1, "USD"),
        ],
    ),
    ("brackets-outside-tables", "The plan (1,500 jobs) was approved.", [claim("1,500 jobs", C, 1500.0, "job")]),
    ("fell-keeps-sign-in-words", "Sales fell 3%.", [claim("3%", P, 3.0, "%", role="by", direction="down")]),
]

VAGUE = [
    (
        "tens-of-millions",
        "It spent tens of millions of dollars.",
        [claim("tens of millions of dollars", M, 1e7, "USD", "approx", 1e7, 1e8)],
    ),
    (
        "hundreds-of-billions",
        "Banks hold hundreds of billions of yen.",
        [claim("hundreds of billions of yen", M, 1e11, "JPY", "approx", 1e11, 1e12)],
    ),
    (
        "millions-of-rupees",
        "Farmers lost millions of rupees.",
        [claim("millions of rupees", M, 1e6, "INR", "approx", 1e6, 1e7)],
    ),
    (
        "thousands-of-jobs",
        "The plan puts thousands of jobs at risk.",
        [claim("thousands of jobs", C, 1e3, "job", "approx", 1e3, 1e4)],
    ),
    (
        "billion-dollar",
        "bbc_business_251: It would be the fifth billion-dollar telecoms deal since October.",
        [claim("billion-dollar", M, 1e9, "USD", "approx")],
    ),
    (
        "multi-billion",
        "They dropped multi-billion dollar listings.",
        [claim("multi-billion dollar", M, 1e9, "USD", "approx", 1e9, 1e10)],
    ),
]

RANGES = [
    ("hyphen-range", "Margins of 5-10 percent.", [claim("5-10 percent", P, 5.0, "%", low=5.0, high=10.0)]),
    (
        "from-to-spread",
        "Forecasts ranged from 4 to 6 per cent.",
        [claim("4 to 6 per cent", P, 4.0, "%", low=4.0, high=6.0)],
    ),
    (
        "from-to-change",
        "Inflation rose from 4 to 6 per cent.",
        [
            claim("4", P, 4.0, "%", role="from", direction="up"),
            claim("6 per cent", P, 6.0, "%", role="to", direction="up"),
        ],
    ),
    ("between-and", "Margins of between 3% and 5%.", [claim("3% and 5%", P, 3.0, "%", low=3.0, high=5.0)]),
    (
        "between-and-growth",
        "Growth of between 3% and 5%.",
        [claim("3% and 5%", P, 3.0, "%", low=3.0, high=5.0, role="by", direction="up")],
    ),
    (
        "between-words-scale",
        "bbc_tech_204: The Library receives between three and four million requests.",
        [claim("three and four million requests", C, 3e6, "request", low=3e6, high=4e6)],
    ),
    (
        "money-range-signs",
        "Analysts valued the tracks at between £40m-£50m.",
        [claim("£40m-£50m", M, 4e7, "GBP", low=4e7, high=5e7)],
    ),
    ("billion-range", "Sales of $26.5bn-$27bn.", [claim("$26.5bn-$27bn", M, 26.5e9, "USD", low=26.5e9, high=27e9)]),
    (
        "slash-range",
        "reuters_15329: COFFEE COULD DROP TO 70/80 CTS",
        [claim("70/80 CTS", M, 0.7, "USD", low=0.7, high=0.8, role="to", direction="down")],
    ),
    (
        "unit-carried-back",
        "It cut the par value from 10 to five pesos.",
        [
            claim("10", M, 10.0, "MXN", role="from", direction="down"),
            claim("five pesos", M, 5.0, "MXN", role="to", direction="down"),
        ],
    ),
]

POINTS = [
    (
        "basis-points",
        "Spreads widened 137.5 basis points.",
        [claim("137.5 basis points", P, 137.5, "bp", role="by", direction="up")],
    ),
    (
        "hyphenated-basis-point",
        "A 25-basis-point cut.",
        [claim("25-basis-point", P, 25.0, "bp", role="by", direction="down")],
    ),
    (
        "percentage-point",
        "It rose 0.5 percentage point.",
        [claim("0.5 percentage point", P, 0.5, "pp", role="by", direction="up")],
    ),
]

CHANGES = [
    (
        "by-and-to",
        "Prices rose 5 pct to 10 dlrs.",
        [
            claim("5 pct", P, 5.0, "%", role="by", direction="up"),
            claim("10 dlrs", M, 10.0, "USD", role="to", direction="up"),
        ],
    ),
    ("cut-by", "It cut spending by $2 billion.", [claim("$2 billion", M, 2e9, "USD", role="by", direction="down")]),
    ("change-noun", "After a 3 percent drop.", [claim("3 percent", P, 3.0, "%", role="by", direction="down")]),
    (
        "by-to-not-range",
        "Debt increased by $12.1 billion to $310.5 billion.",
        [
            claim("$12.1 billion", M, 12.1e9, "USD", role="by", direction="up"),
            claim("$310.5 billion", M, 310.5e9, "USD", role="to", direction="up"),
        ],
    ),
    (
        "to-from-by-meaning",
        "The bank lifted the rate to 6 pct from 5-1/2 pct.",
        [
            claim("6 pct", P, 6.0, "%", role="to", direction="up"),
            claim("5-1/2 pct", P, 5.5, "%", role="from", direction="up"),
        ],
    ),
    (
        "up-n-from",
        "Sales were 2.01 billion dlrs, up 37 pct from 1.47 billion dlrs.",
        [
            claim("2.01 billion dlrs", M, 2.01e9, "USD", role="to", direction="up"),
            claim("37 pct", P, 37.0, "%", role="by", direction="up"),
            claim("1.47 billion dlrs", M, 1.47e9, "USD", role="from", direction="up"),
        ],
    ),
    (
        "down-n-at",
        "bbc_business_273: Brent crude closed down 51 cents at $44.38 a barrel.",
        [
            claim("51 cents", M, 0.51, "USD", role="by", direction="down"),
            claim("$44.38", M, 44.38, "USD", role="to", direction="down"),
        ],
    ),
    (
        "change-noun-of",
        "bbc_business_249: It proposes cuts of 9.6% at Agriculture.",
        [claim("9.6%", P, 9.6, "%", role="by", direction="down")],
    ),
    (
        "phrasal-up-is-not-a-change",
        "Kei cars make up more than a third of the market.",
        [claim("a third", P, 100 / 3, "%", "more_than")],
    ),
    (
        "money-gain-is-profit",
        "Net included a 1,500,000 dlr gain from an accounting change.",
        [claim("1,500,000 dlr", M, 1.5e6, "USD")],
    ),
    (
        "funding-is-not-a-change",
        "Burlington is raising 75 mln dlrs through an offering.",
        [claim("75 mln dlrs", M, 75e6, "USD")],
    ),
    (
        "revised-says-no-direction",
        "It compared with an upward revised 623 mln dlrs surplus.",
        [claim("623 mln dlrs", M, 623e6, "USD")],
    ),
    ("amount-describes-noun", "Trump to ease 25% auto tariffs.", [claim("25%", P, 25.0, "%")]),
    (
        "conversion-keeps-qualifier",
        "bbc_business_219: It raised almost 30m euros ($39m; £21m).",
        [
            claim("30m euros", M, 30e6, "EUR", "nearly"),
            claim("$39m", M, 39e6, "USD", "nearly"),
            claim("£21m", M, 21e6, "GBP", "nearly"),
        ],
    ),
]

SIZES_IN_CONTEXT = [
    (
        "comparative-size",
        "bbc_entertainment_207: It drew 10.9m viewers - about four million fewer than last year.",
        [
            claim("10.9m viewers", C, 10.9e6, "viewer"),
            claim("four million", C, 4e6, "viewer", "approx", role="by", direction="down"),
        ],
    ),
    (
        "reach-after-size",
        "bbc_business_249: Military spending is set to rise by 4.8%, to reach $419.3bn.",
        [
            claim("4.8%", P, 4.8, "%", role="by", direction="up"),
            claim("$419.3bn", M, 419.3e9, "USD", role="to", direction="up"),
        ],
    ),
]

SIZES_IN_CONTEXT += [
    (
        "coordinated-sizes",
        "bbc_business_249: It proposes cuts of 9.6% at Agriculture and 5.6% at the EPA.",
        [
            claim("9.6%", P, 9.6, "%", role="by", direction="down"),
            claim("5.6%", P, 5.6, "%", role="by", direction="down"),
        ],
    ),
    (
        "scaled-is-not-a-date",
        "reuters_15534: The number of cards grew by 11 pct to 39.1 mln last year.",
        [
            claim("11 pct", P, 11.0, "%", role="by", direction="up"),
            claim("39.1 mln", C, 39.1e6, "card", role="to", direction="up"),
        ],
    ),
]

PROPORTIONS = [
    ("one-in", "bbc_tech_217: One in 16 messages were infected with a virus.", [claim("One in 16", P, 6.25, "%")]),
    ("digits-in", "Now 1 in 5 adults smoke.", [claim("1 in 5", P, 20.0, "%")]),
]

COUNTS = [
    (
        "coordinated-modifiers",
        "reuters_15534: Cards can now be used in 40 European and Mediterranean countries.",
        [claim("40 European and Mediterranean countries", C, 40.0, "country")],
    ),
    (
        "a-bracketed-size-before-the-noun",
        "Colombia exported 9.8 mln (60-kilo) bags of coffee.",
        [claim("9.8 mln (60-kilo) bags", C, 9.8e6, "bag")],
    ),
]

COUNTS += [
    (
        "acronym-keeps-capitals",
        "bbc_tech_238: People queued for one of the 200,000 PSPs shipped to retailers.",
        [claim("200,000 PSPs", C, 200000.0, "PSP")],
    ),
    (
        "volume-of-names-the-unit",
        "bbc_business_248: The volume of sales fell by 23% from 36,185 in 2003 to 28,041.",
        [
            claim("23%", P, 23.0, "%", role="by", direction="down"),
            claim("36,185", C, 36185.0, "sale", role="from", direction="down"),
            claim("28,041", C, 28041.0, "sale", role="to", direction="down"),
        ],
    ),
]

CARRIED = [
    (
        "unit-from-an-earlier-amount",
        "reuters_15389: Industrial businesses contributed 202 mln stg to net profit, a 40 "
        "pct increase from 144 mln in 1985.",
        [
            claim("202 mln stg", M, 202e6, "GBP"),
            claim("40 pct", P, 40.0, "%", role="by", direction="up"),
            claim("144 mln", M, 144e6, "GBP"),
        ],
    ),
    (
        "scaled-words-in-a-table",
        "    Revs 1.18 billion vs one billion\n",
        [claim("1.18 billion", M, 1.18e9, "USD"), claim("one billion", M, 1e9, "USD")],
    ),
    (
        "a-row-label-the-lexicon-lacks-takes-the-table-money",
        "ACME CORP <ACM> YEAR NET\n\nShr 35.99 yen vs 38.28\n    Operating 55.04 billion vs 54.99 billion\n",
        [
            claim("35.99 yen", M, 35.99, "JPY"),
            claim("38.28", M, 38.28, "JPY"),
            claim("55.04 billion", M, 55.04e9, "JPY"),
            claim("54.99 billion", M, 54.99e9, "JPY"),
        ],
    ),
    (
        "day-is-not-carried",
        "reuters_15935: Treasury balances fell on April 8 to 3.531 billion dlrs.",
        [claim("3.531 billion dlrs", M, 3.531e9, "USD", role="to", direction="down")],
    ),
    (
        "level-then-size",
        "bbc_business_224: Shares closed at 270.25p on Friday, down 3.75p on the day.",
        [
            claim("270.25p", M, 2.7025, "GBP", role="to", direction="down"),
            claim("3.75p", M, 0.0375, "GBP", role="by", direction="down"),
        ],
    ),
    (
        "fraction-as-size",
        "bbc_business_248: Sales dropped by nearly a quarter from the same period in 2003.",
        [claim("a quarter", P, 25.0, "%", "nearly", role="by", direction="down")],
    ),
]

NOT_CLAIMS = [
    ("number-in-a-name", "bbc_business_222: Exxon signed agreements to develop the Sakhalin 3 field.", []),
    ("second-half-of-a-score", "bbc_business_291: Tobacco stocks rose after the 2-1 decision.", []),
    ("compound-fraction", "Shares hit a four-and-a-half-year high.", []),
    ("inch-compound", "It used a three-quarter-inch pipe.", []),
    ("weight-pounds", "She bought 3 pounds of potatoes.", []),
    ("torque", "The engine makes 300 pound-feet of torque.", []),
    ("distance", "The road is 40 km long.", []),
    ("index-points", "The Dow rose 50 points.", []),
    ("duration", "It took 18 months.", []),
    ("crop-year", "The 1986/87 report said so.", []),
    ("resolution-name", "It offers 4K streaming.", []),
    ("a-tenth-of-a-mile", "It is a tenth of a mile away.", []),
]

TABLES = {
    "line-breaks": LINE_BREAKS,
    "caps": CAPS,
    "wire": WIRE,
    "currency-before": CURRENCY_BEFORE,
    "signs": SIGNS,
    "vague": VAGUE,
    "ranges": RANGES,
    "points": POINTS,
    "changes": CHANGES,
    "sizes-in-context": SIZES_IN_CONTEXT,
    "proportions": PROPORTIONS,
    "counts": COUNTS,
    "carried": CARRIED,
    "not-claims": NOT_CLAIMS,
}
_SOURCE = re.compile(r"^((?:reuters|bbc)_\w+): ")  # a dev-corpus sentence names its story


def _text(text: str) -> str:
    return _SOURCE.sub("", text)


CASES = [
    pytest.param(_text(text), rows, id=f"{table}-{case_id}")
    for table, cases in TABLES.items()
    for case_id, text, rows in cases
]


def _rows(nlp, text: str) -> list[Row]:
    return [
        (c.mention, c.kind, c.value, c.unit, c.qualifier, c.value_low, c.value_high, c.role, c.direction)
        for c in extract_text(text, nlp).claims
    ]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_newswire_form(nlp, text: str, expected: list[Row]) -> None:
    found = _rows(nlp, text)
    approximate = [
        (
            m,
            k,
            pytest.approx(v, rel=1e-9),
            u,
            q,
            lo if lo is None else pytest.approx(lo, rel=1e-9),
            hi if hi is None else pytest.approx(hi, rel=1e-9),
            r,
            d,
        )
        for m, k, v, u, q, lo, hi, r, d in expected
    ]
    assert found == approximate, f"text: {text!r}"


def test_case_ids_are_unique() -> None:
    ids = [case.id for case in CASES]
    assert len(ids) == len(set(ids))
