"""Linking rules on news sentences written for these tests (not from the corpus): whose figure it
is (topic, typed anaphora, `its` owners, appositions) and what it measures."""

from __future__ import annotations

import pytest

from pipeline.stages import extract_text

# (article text, mention, entity, subject)
CASES = [
    pytest.param(
        "Acme Corp cuts costs\n\nAcme Corp said on Monday it would close plants. The company expects revenue to "
        "grow 4% this year, chief executive John Doe said.",
        "4%",
        "Acme Corp",
        "revenue",
        id="the-company-is-the-topic-organisation",
    ),
    pytest.param(
        "Globex Inc sells unit\n\nGlobex Inc agreed to sell its chemicals unit. Chief executive Jane Doe said the "
        "division was worth $2 billion.",
        "$2 billion",
        "Globex Inc",
        "division",
        id="a-description-never-stands-for-a-person",
    ),
    pytest.param(
        "Initech Ltd posts results\n\nInitech Ltd posted higher profits. Its German arm saw sales rise 5%.",
        "5%",
        "Initech Ltd",
        "sales",
        id="its-arm-belongs-to-the-earlier-organisation",
    ),
    pytest.param(
        "Hooli Inc results\n\nHooli Inc reported results. Sales at its Japanese subsidiary, Hooli Japan KK, rose "
        "to 3 bln yen.",
        "3 bln yen",
        "Hooli Japan KK",
        "Sales at its Japanese subsidiary, Hooli Japan KK",
        id="a-named-subsidiary-owns-its-figures",
    ),
    pytest.param(
        "Umbrella Corp said its operating margin widened by 0.5 percentage point to 8.2%.",
        "8.2%",
        "Umbrella Corp",
        "its operating margin",
        id="verb-hung-on-its-noun",
    ),
    pytest.param(
        "Wayne Enterprises sold 40,000 vehicles in Brazil in 2023.",
        "40,000 vehicles",
        "Wayne Enterprises",
        "Wayne Enterprises sold vehicles in Brazil",
        id="the-period-is-not-part-of-the-subject",
    ),
    pytest.param(
        "Mexican factories\n\nMexico's manufacturers are worried about Mexican wages. A quarter of the firms said "
        "they would cut jobs.",
        "A quarter",
        "Mexico",
        "firms would cut jobs",
        id="a-share-and-what-it-said-it-would-do",
    ),
    pytest.param(
        "The U.S. trade deficit with China was $300 billion in 2023. Roughly 40 per cent of the gap was due to "
        "electronics.",
        "40 per cent",
        "United States",
        "share of the gap",
        id="the-gap-continues-the-figure-before",
    ),
    pytest.param(
        "About 20 million phones were sold in India last year. About 30% of these phones were made locally.",
        "30%",
        None,
        "phones were made",
        id="plural-these-names-a-class-not-the-figure-before",
    ),
    pytest.param(
        "Kei cars make up more than a third of the market.",
        "a third",
        None,
        "Kei cars share of the market",
        id="a-share-verb-names-whose-share",
    ),
    pytest.param(
        "Electric vans, which make up about a fifth of the fleet, cost more to insure.",
        "a fifth",
        None,
        "Electric vans share of the fleet",
        id="a-relative-clause-share-is-its-nouns",
    ),
    pytest.param(
        "Globex Inc earned 120 mln dlrs, or 12 cts a share, in the quarter.",
        "12 cts",
        "Globex Inc",
        "Globex Inc earned a share",
        id="per-share-amount",
    ),
    pytest.param(
        "Initech Ltd earned $5 million last year.",
        "$5 million",
        "Initech Ltd",
        "Initech Ltd earned",
        id="actor-and-verb-when-the-verb-measures-nothing",
    ),
    pytest.param(
        "Globex Inc said results include a charge of four cts shr for the latest six mths.",
        "four cts",
        "Globex Inc",
        "charge a share",
        id="wire-per-share-amount-measures-its-noun",
    ),
    pytest.param(
        "Globex Inc plans a $100m share sale.",
        "$100m",
        "Globex Inc",
        "share sale",
        id="a-share-sale-is-not-per-share",
    ),
    pytest.param(
        "reuters_15574: India's oilseed output is expected to rise to 12.25 mln tonnes this year.",
        "12.25 mln tonnes",
        "India",
        "India's oilseed output",
        id="a-trade-unit-counts-the-measure-the-verb-s-subject-names",
    ),
    pytest.param(
        "U.S. automaker General Motors Corp said it earned 5 mln dlrs.",
        "5 mln dlrs",
        "General Motors",
        "U.S. automaker General Motors Corp",
        id="a-nationality-describing-a-named-company-is-not-its-owner",
    ),
    pytest.param(
        "bbc_entertainment_206: The renewed popularity for Ozzy has seen sales of his merchandise hit the $50m "
        "(£27.2m) mark, a record for a heavy metal artist.",
        "$50m",
        None,
        "sales of his merchandise",
        id="a-level-noun-is-where-the-measure-stands-not-what-it-is",
    ),
    pytest.param(
        "Japanese automakers make roughly 3.3 million cars in the US a year. The companies have invested "
        "more than $60 billion in the US.",
        "$60 billion",
        "Japan",
        "invested in the US",
        id="a-nationality-describing-an-unnamed-noun-is-its-owner",
    ),
    pytest.param(
        "General Motors Corp offers a rebate of 1,000 dlrs for first-time buyers.",
        "1,000 dlrs",
        "General Motors",
        "rebate for first-time buyers",
        id="what-a-noun-is-for-hung-on-its-amount-stays-in-the-subject",
    ),
    pytest.param(
        "Acme Paper Co said the quarter included a charge of 4.1 mln dlrs for closing older plants in Ohio and Texas.",
        "4.1 mln dlrs",
        "Acme Paper Co",
        "charge for closing older plants in Ohio and Texas",
        id="a-place-deeper-in-the-phrase-says-where-not-whose",
    ),
    pytest.param(
        "Christian Aid said almost a million jobs in Bangladesh could be lost.",
        "a million jobs",
        "Bangladesh",
        "jobs in Bangladesh could be lost",
        id="a-place-on-the-measured-noun-is-its-owner",
    ),
    pytest.param(
        "Japan bought 2 mln tonnes of U.S. wheat.",
        "2 mln tonnes",
        "Japan",
        "U.S. wheat",
        id="a-place-naming-the-stuff-an-amount-is-of-says-its-origin",
    ),
    pytest.param(
        "Canada shipped 30 pct of U.S. exports.",
        "30 pct",
        "United States",
        "share of U.S. exports",
        id="a-share-s-whole-is-its-owner-s",
    ),
    pytest.param(
        "Acme Corp announced a 5 mln dlr stock buyback.",
        "5 mln dlr",
        "Acme Corp",
        "stock buyback",
        id="a-figure-on-a-compound-measures-the-compound-s-head",
    ),
    pytest.param(
        "Now 45% of the Japanese people Ericsson questioned use their camera phone at least once a month. In "
        "2003 the figure was 29%.",
        "29%",
        "Japan",
        "Japanese people questioned",
        id="bbc_tech_212-the-figure-stands-for-what-the-figure-before-measured",
    ),
    pytest.param(
        "Now 45% of the Japanese people Ericsson questioned use their camera phone. In 2003 the figure for "
        "Britain was 29%.",
        "29%",
        "United Kingdom",
        "figure for Britain",
        id="a-figure-with-words-of-its-own-is-its-own",
    ),
    pytest.param(
        "Oil giant BP has announced a 26% rise in annual profits to $16.2bn (£8.7bn).",
        "$16.2bn",
        "BP",
        "annual profits",
        id="bbc_business_221-an-end-of-a-change-noun-measures-what-changed",
    ),
    pytest.param(
        "Oil giant BP has announced a 26% rise in annual profits to $16.2bn (£8.7bn).",
        "26%",
        "BP",
        "annual profits",
        id="the-size-of-a-change-noun-measures-what-changed",
    ),
    pytest.param(
        "Medtronic Inc said it sees 15 pct growth in sales and earnings.",
        "15 pct",
        "Medtronic Inc",
        "sales and earnings",
        id="all-that-changed",
    ),
    pytest.param(
        "In the capital, the volume of sales fell by 23% in the capital.",
        "23%",
        None,
        "volume of sales",
        id="a-verb-s-in-phrase-says-where-not-what-changed",
    ),
]


@pytest.mark.parametrize(("text", "mention", "entity", "subject"), CASES)
def test_entity_and_subject(nlp, text, mention, entity, subject) -> None:
    claims = {claim.mention: claim for claim in extract_text(text, nlp).claims}
    assert (claims[mention].entity, claims[mention].subject) == (entity, subject)


def test_another_country_in_the_sentence_keeps_the_topic_out(nlp) -> None:
    text = (
        "France budget\n\nFrance will cut spending, French officials said. France expects growth to slow. "
        "Priced from 9,000 euros, the cars are popular in Germany."
    )
    claims = {claim.mention: claim for claim in extract_text(text, nlp).claims}
    assert claims["9,000 euros"].entity is None


@pytest.mark.parametrize(
    ("text", "published", "mention", "time"),
    [
        ("Acme is issuing a 40 mln dlr eurobond due May 15, 1990 paying 14-1/2 pct.", "1987-04-08", "40 mln dlr", None),
        ("Acme told reporters on Thursday that sales rose 5 pct in March.", "1987-04-10", "5 pct", "1987-03"),
        ("Acme said sales in the quarter ended Feb. 28 rose 5 pct.", "1987-04-10", "5 pct", "1986-12/1987-02"),
        ("Last December, prices rose 12 pct.", "1987-04-10", "12 pct", "1986-12"),
        (
            "reuters_15935: Treasury balances at the Federal Reserve fell on April 8 to 3.531 billion dlrs from "
            "4.229 billion dlrs on the previous business day, the Treasury said.",
            "1987-04-09",
            "4.229 billion dlrs",
            "1987-04-07",
        ),
        (
            "Sales rose to 5 mln dlrs in the first quarter from 4 mln dlrs in the same period last year.",
            "1987-04-09",
            "4 mln dlrs",
            "1986-Q1",
        ),
        (
            "reuters_15257: Perry Drug Stores Inc said its March sales rose 9.3 pct to 60 mln dlrs from 55 mln "
            "dlrs in the same month a year ago.",
            "1987-04-09",
            "55 mln dlrs",
            "1986-03",
        ),
        (
            "bbc_business_247: Renault sold more than 2.4 million vehicles in 2004, an increase of 4% on the "
            "previous year.",
            "2005-02-15",
            "4%",
            "2004",
        ),
        (
            "The dollar closed at 145.20 yen on Monday, April 6, up from 144.80 yen on the previous business day.",
            "1987-04-09",
            "144.80 yen",
            "1987-04-03",
        ),
        (
            "reuters_15389: Industrial businesses contributed 202 mln stg to net profit, a 40 pct increase "
            "from 144 mln in 1985.",
            "1987-03-04",
            "144 mln",
            "1985",
        ),
        (
            "reuters_15389: Industrial businesses contributed 202 mln stg to net profit, a 40 pct increase "
            "from 144 mln in 1985.",
            "1987-03-04",
            "202 mln stg",
            None,
        ),
        ("Sales rose to $5 million in 2016, compared with $4 million in 2015.", "2017-02-01", "$5 million", "2016"),
        ("Sales rose to $5 million in 2016, compared with $4 million in 2015.", "2017-02-01", "$4 million", "2015"),
        ("In 2016, sales rose 5% to $3 billion.", "2017-02-01", "$3 billion", "2016"),
        (
            "reuters_15574: India's oilseed output is expected to rise to 12.25 mln tonnes in 1986/87 ending "
            "October, up on 11.15 mln in 1985/86.",
            "1987-04-09",
            "12.25 mln tonnes",
            "1986-11/1987-10",
        ),
        (
            "bbc_business_248: The average house price was £182,920 in the last quarter of 2004.",
            None,
            "£182,920",
            "2004-Q4",
        ),
        (
            "reuters_15413: PLDT reported 1986 net income of 1.89 billion pesos, up 68 pct from 778.9 mln pesos "
            "in 1985, on operating revenues of six billion pesos.",
            "1987-04-09",
            "six billion pesos",
            "1986",
        ),
        (
            "reuters_15386: Soviet trade turnover for 1986 fell to 130.9 billion roubles from 142.1 billion "
            "the previous year.",
            "1987-04-09",
            "142.1 billion",
            "1985",
        ),
        (
            "Sales in the first quarter of 1987 fell to $3 million from $4 million a year earlier.",
            "1987-04-09",
            "$4 million",
            "1986-Q1",
        ),
        (
            "reuters_15362: Brazil needs a seven pct average growth and an eight billion dlr trade surplus until 1991.",
            "1987-04-09",
            "seven pct",
            None,
        ),
        ("Revenues have exceeded $22 billion since June 2003.", "2005-02-01", "$22 billion", None),
        (
            "Acme reports a gain\n\nreuters_15190: Earnings include an after-tax gain of 29.4 mln dlrs, versus an "
            "after-tax gain of 31.4 mln dlrs for 1986 first quarter.",
            "1987-04-09",
            "29.4 mln dlrs",
            None,
        ),
        (
            "Acme reports a gain\n\nreuters_15190: Earnings include an after-tax gain of 29.4 mln dlrs, versus an "
            "after-tax gain of 31.4 mln dlrs for 1986 first quarter.",
            "1987-04-09",
            "31.4 mln dlrs",
            "1986-Q1",
        ),
        (
            "bbc_entertainment_216: The channel's share fell from 11.2% to 9.6% last month in comparison "
            "with January 2004.",
            None,
            "11.2%",
            "2004-01",
        ),
        (
            "reuters_15422: The Philippines will import 250,000 bags of cement by the end of the month.",
            "1987-04-09",
            "250,000 bags",
            "1987-04",
        ),
        (
            "bbc_tech_217: Other statistics show that in 2004 73% of all e-mail was spam.",
            None,
            "73%",
            "2004",
        ),
        (
            "reuters_15106: He believed that about five mln tonnes of this year's estimated crop would be lost.",
            "1987-04-08",
            "five mln tonnes",
            "1987",
        ),
        (
            "reuters_15287: Total South Korea corn imports for the 1986/87 season\n(Oct-Sept) are estimated at "
            "4.3 mln tonnes. During the 1985/86 season, imports totaled only 1.3 mln tonnes of U.S. corn.",
            "1987-04-08",
            "4.3 mln tonnes",
            "1986-10/1987-09",
        ),
        (
            "reuters_15287: Total South Korea corn imports for the 1986/87 season\n(Oct-Sept) are estimated at "
            "4.3 mln tonnes. During the 1985/86 season, imports totaled only 1.3 mln tonnes of U.S. corn.",
            "1987-04-08",
            "1.3 mln tonnes",
            "1985-10/1986-09",
        ),
        (
            "BUSH UNVEILS BUDGET\n\nPresident Bush has presented his 2006 budget, cutting domestic spending. "
            "Spending is forecast to grow by 3.5% to $2.57 trillion. The plan affects 150 domestic programmes.",
            "2005-02-07",
            "$2.57 trillion",
            "2006",
        ),
        (
            "BUSH UNVEILS BUDGET\n\nPresident Bush has presented his 2006 budget, cutting domestic spending. "
            "Spending is forecast to grow by 3.5% to $2.57 trillion. The plan affects 150 domestic programmes.",
            "2005-02-07",
            "150 domestic programmes",
            None,
        ),
        (  # what a change is measured against times no figure but its own
            "bbc_business_221: BP put production at 3.997 billion barrels of oil in 2004, up 10% on 2003.",
            None,
            "10%",
            "2004",
        ),
        (
            "reuters_15913: Sony posted income of 41.89 billion yen in 1986, 42.6 pct down on 1985's 73.52 billion "
            "yen (506 million dollars).",
            "1987-04-09",
            "506 million dollars",
            "1985",
        ),
        (
            "bbc_business_229: Shares in Manchester United closed up 4.75% on Monday.",
            "2005-02-08",
            "4.75%",
            "2005-02-07",
        ),
        (  # a period the body gives the results carries to the undated figures after it
            "reuters_15389: RTZ SEES BETTER 1987\n\nRTZ said output should rise. The company was commenting on its "
            "1986 results. Pretax profits also dipped to 601.7 mln stg after 614.4 mln.",
            "1987-04-09",
            "601.7 mln stg",
            "1986",
        ),
        (
            "reuters_15389: RTZ SEES BETTER 1987\n\nRTZ said output should rise. The company was commenting on its "
            "1986 results. Pretax profits also dipped to 601.7 mln stg after 614.4 mln.",
            "1987-04-09",
            "614.4 mln",
            "1985",
        ),
        (  # the year before is what it is compared with, and the period goes on
            "reuters_15389: RTZ SEES BETTER 1987\n\nRTZ said output should rise. The company was commenting on its "
            "1986 results. Industry gave 202 mln stg, up from 144 mln in 1985. Metals contributed 83 mln stg.",
            "1987-04-09",
            "83 mln stg",
            "1986",
        ),
        (  # another period stated since ends it
            "reuters_15413: PLDT PLANS SPLIT\n\nPLDT plans a split. PLDT reported 1986 net income of 1.89 billion "
            "pesos. At end December 1986 it had 417,100 holders. The government raised its tax to three pct.",
            "1987-04-09",
            "three pct",
            None,
        ),
        (  # so does one later in the same sentence, but not the day it was reported
            "reuters_15781: SONY OPENS PLANT\n\nSony opened a plant. Its 1986 sales were two billion francs and it "
            "expects 2.7 billion francs in 1987. Its plants export over 80 per cent of their production.",
            "1987-04-09",
            "80 per cent",
            None,
        ),
        (
            "reuters_15194: HEINEKEN SEES GROWTH\n\nHeineken hopes for growth. Heineken last month reported a 1986 "
            "net profit of 285 mln guilders. Turnover rose by 4.4 pct.",
            "1987-04-08",
            "4.4 pct",
            "1986",
        ),
        (
            "reuters_15291: The Chevrolet division said buyers of its Celebrity cars between yesterday and "
            "April 30 are eligible to receive 1,000 dlrs rebate.",
            "1987-04-08",
            "1,000 dlrs",
            "1987-04-07/1987-04-30",
        ),
        (
            "reuters_15473: CATER HAWLEY HALE <CHH> MARCH SALES UP 7.8 PCT\n\nThe company said sales rose.",
            "1987-04-09",
            "7.8 PCT",
            "1987-03",
        ),
        (
            "CATER HAWLEY HALE <CHH> MARCH SALES UP 7.8 PCT\n\nreuters_15473: The company said sales for the first "
            "two months of its\nfiscal year were up 7.7 pct to 554.7 mln dlrs from 515.1 mln\ndlrs a year earlier.",
            "1987-04-09",
            "7.7 pct",
            None,
        ),
        (
            "CATER HAWLEY HALE <CHH> MARCH SALES UP 7.8 PCT\n\nThe company said sales were up 7.7 pct to 554.7 mln "
            "dlrs from 515.1 mln dlrs.",
            "1987-04-09",
            "515.1 mln dlrs",
            "1986-03",
        ),
        (
            "bbc_business_291: They said they had met many of the government's demands in a landmark $206bn "
            "settlement reached with 46 states in 1998.",
            "2005-02-05",
            "$206bn",
            "1998",
        ),
        (
            "bbc_business_257: The economy is expanding at a healthy rate, with 7.9% growth expected in 2004.",
            "2005-01-01",
            "7.9%",
            "2004",
        ),
        (
            "reuters_15865: Brazil's 1986/87 soybean exports were forecast at 2.50 mln\ntonnes, vs 2.50 mln "
            "tonnes estimated last month.",
            "1987-04-09",
            "2.50 mln",
            "1986/1987",
        ),
        (
            "reuters_15035: The offering included 3.5 mln shares announced April 1.",
            "1987-04-09",
            "3.5 mln shares",
            None,
        ),
        (
            "reuters_15192: UAL'S (UAL) UNITED AIR MARCH LOAD FACTOR RISES\n\nAvailable seat miles for the "
            "month increased 15.4 pct to 8.56 billion from 7.42 billion, it said.",
            "1987-04-08",
            "8.56 billion",
            "1987-03",
        ),
        (
            "UAL'S (UAL) UNITED AIR MARCH LOAD FACTOR RISES\n\nreuters_15192: Available seat miles for the "
            "month increased 15.4 pct to 8.56 billion from 7.42 billion, it said.",
            "1987-04-08",
            "7.42 billion",
            "1986-03",
        ),
        (
            "UAL'S (UAL) UNITED AIR MARCH LOAD FACTOR RISES\n\nRevenue passenger miles for the month were "
            "6.05 billion vs 4.91 billion.",
            "1987-04-08",
            "4.91 billion",
            "1986-03",
        ),
        (
            "ACME CORP <ACM> YEAR NET\n\nreuters_15307: NOTE: 1986 excludes charge of 12 cts per share in the "
            "fourth quarter and gain of 11 cts per share in the year.",
            "1987-04-08",
            "11 cts",
            "1986",
        ),
        (
            "reuters_15307: The quarter included a charge of 12 mln dlrs for closing mills, which will "
            "eliminate about 640 jobs.",
            "1987-04-08",
            "640 jobs",
            None,
        ),
        (
            "bbc_business_248: Prices rose 6% in the fourth quarter. In the capital, sales fell by 23% from "
            "36,185 in 2003 to 28,041 for the same period in 2004.",
            "2005-02-03",
            "28,041",
            "2004-Q4",
        ),
        (
            "Sales rose 5 pct in the first half. They were 1.2 mln for the comparable period of 1985.",
            "1986-08-01",
            "1.2 mln",
            "1985-H1",
        ),
        (
            "reuters_15050: Best Buy Co Inc said its sales for March rose to 26.1 mln dlrs from 11.9 mln dlrs in "
            "the comparable 1986 period.",
            "1987-04-09",
            "11.9 mln dlrs",
            "1986-03",
        ),
        (
            "reuters_15619: Sales for the nine months were 1.39 billion dlrs, up from 1.26 billion dlrs in the "
            "same 1986 period.",
            "1987-04-09",
            "1.26 billion dlrs",
            "1986",
        ),
        (
            "bbc_business_221: Its profit rise for the year included profits of $3.65bn for the final three months "
            "of 2004 - up from $2.89bn a year ago.",
            None,
            "$2.89bn",
            "2003-Q4",
        ),
        (
            "reuters_15240: The apparel maker posted first-quarter earnings of 54 cts a share, up from 40 cts a "
            "year ago.",
            "1987-04-08",
            "40 cts",
            "1986-Q1",
        ),
        (
            "Sales were 1.2 mln dlrs for the same period in 1985.",
            "1986-08-01",
            "1.2 mln dlrs",
            "1985",
        ),
        (
            "bbc_business_248: House prices were down from 16.3% in the July-to-September quarter.",
            "2005-02-03",
            "16.3%",
            "2004-Q3",
        ),
        (
            "Singapore growth\n\nSingapore's economy grew by 8.1% in 2004, its best since 2000.\n\nIn the fourth "
            "quarter, GDP rose at an annual rate of 2.4%. That was up from the third quarter, when it fell 3.0%.",
            None,
            "3.0%",
            "2004-Q3",
        ),
        (
            "Brisa raises prices\n\nBrisa TV will raise prices, its third increase since it launched in 2019.\n\n"
            "It added 1.3 million subscribers in the first three months of the year.",
            None,
            "1.3 million subscribers",
            None,
        ),
        (
            "Turkey\n\nIts contribution would rise to 9bn euros in 2014.\n\nIn the third quarter, exports rose 3%.",
            None,
            "3%",
            None,
        ),
        (
            "Land Registry figures\n\nThe report came out on Monday.\n\nIt covers England.\n\nThe office opened in "
            "1990.\n\nHouse prices rose 6% in the fourth quarter.",
            None,
            "6%",
            None,
        ),
        (
            "reuters_15877: It estimated the 1985/86 crop at 8.08 mln tonnes, vs 8.10 mln last month.",
            "1987-04-09",
            "8.10 mln",
            "1985/1986",
        ),
        (
            "reuters_15863: It forecast the Soviet 1986/87 wheat crop at 92.30 mln tonnes, vs 92.00 mln tonnes last "
            "month.",
            "1987-04-09",
            "92.00 mln",
            "1986/1987",
        ),
        (
            "Sales were 5 mln dlrs in March, vs 4 mln dlrs in February.",
            "1987-04-09",
            "4 mln dlrs",
            "1987-02",
        ),
        (
            "Trump, who last week dropped out of the 12-nation Trans-Pacific Partnership, spoke.",
            "2017-01-30",
            "12-nation",
            None,
        ),
        (
            "Lead prices averaged 322 stg a tonne, against 318 stg last week.",
            "1987-04-09",
            "318 stg",
            "1987-03-30/1987-04-05",
        ),
        ("reuters_15589: In 1988, the company is expected to earn six dlrs a share.", "1987-04-09", "six dlrs", "1988"),
        ("The minister told reporters on Monday that exports would grow 5 pct.", "1987-04-09", "5 pct", None),
        (
            "reuters_15192: Traffic for the period through March soared 32.7 pct to 15.57 billion revenue passenger "
            "miles from 11.73 billion revenue passenger miles in the 1986 period, it said.",
            "1987-04-09",
            "32.7 pct",
            "1987-Q1",
        ),
        (
            "reuters_15192: Traffic for the period through March soared 32.7 pct to 15.57 billion revenue passenger "
            "miles from 11.73 billion revenue passenger miles in the 1986 period, it said.",
            "1987-04-09",
            "11.73 billion revenue passenger miles",
            "1986-Q1",
        ),
    ],
    ids=[
        "a-maturity-names-the-bond",
        "the-reporting-day-is-not-the-period",
        "quarter-ended",
        "last-december",
        "the-previous-business-day-counts-back-from-the-clause-s-date",
        "the-same-period-last-year-is-the-clause-s-period-a-year-before",
        "the-same-month-a-year-ago",
        "a-change-is-of-the-period-it-reaches-not-the-year-before",
        "a-working-day-before-a-monday-is-the-friday",
        "a-date-after-the-from-figure-times-it",
        "a-date-after-the-from-figure-times-only-it",
        "compared-with-own-date",
        "compared-with-other-date",
        "a-leading-date-times-all",
        "split-year-ending-a-month",
        "last-quarter-of-a-year",
        "a-date-after-an-earlier-from-figure-times-only-it",
        "the-previous-year-of-the-clause-s-period",
        "a-year-earlier-of-a-quarter",
        "until-bounds-a-span",
        "since-bounds-a-span",
        "a-date-after-versus-times-the-compared-side",
        "the-compared-side-s-own-date",
        "the-from-figure-takes-the-compared-date",
        "the-end-of-the-month",
        "a-year-the-model-ran-into-a-percent",
        "this-year-s",
        "a-season-s-months-in-brackets",
        "the-story-s-season-months-for-its-other-split-years",
        "the-lede-s-period-for-the-story-s-undated-figures",
        "the-lede-s-period-is-not-a-count-s",
        "on-a-date-after-a-change-is-its-base-not-its-period",
        "the-base-s-own-figure-and-its-restatement-take-it",
        "on-a-day-after-a-change-is-when-it-happened",
        "the-body-s-results-period-for-the-undated-figures-after-it",
        "the-body-s-results-period-a-year-earlier-for-the-after-figure",
        "the-year-before-stated-since-is-a-comparison-and-the-period-goes-on",
        "another-period-stated-since-ends-the-results-period",
        "another-period-later-in-its-own-sentence-ends-it",
        "the-day-the-results-were-reported-does-not-end-it",
        "between-two-days-the-model-tagged-apart",
        "a-headline-month-before-what-it-measures",
        "a-headline-month-is-not-a-sentence-s-that-states-its-own-period",
        "a-headline-month-a-year-earlier-for-the-from-figure",
        "with-not-after-a-comparing-word-compares-nothing",
        "a-participle-of-expecting-describing-the-figure-s-noun-with-its-period",
        "a-participle-of-estimating-with-a-bare-date-times-the-estimate",
        "a-participle-of-announcing-with-a-bare-date-times-the-announcement",
        "for-the-month-is-the-story-s-month",
        "for-the-month-from-a-figure-a-year-earlier",
        "for-the-month-a-vs-figure-a-year-earlier",
        "in-the-year-is-the-story-s-year-not-the-clause-s-quarter",
        "the-quarter-as-a-subject-times-nothing-else",
        "the-same-period-in-a-year-is-the-part-of-a-year-stated-before",
        "the-comparable-period-of-a-year",
        "the-comparable-year-s-period",
        "a-part-of-a-year-the-dates-do-not-state-is-left-alone",
        "the-final-months-the-model-cut-off-and-a-year-ago-before-them",
        "a-year-ago-counts-back-from-the-clause-s-period",
        "the-same-period-in-a-year-with-none-stated-before-is-that-year",
        "a-span-of-months-the-model-cut-in-two",
        "an-undated-story-s-quarter-is-in-the-year-its-opening-reports",
        "no-story-year-from-a-clause-bounding-a-span",
        "no-story-year-from-what-may-come",
        "no-story-year-from-a-year-past-the-first-two-paragraphs",
        "last-month-s-estimate-is-of-the-crop-year",
        "last-month-s-estimate-after-its-unit",
        "a-compared-figure-of-another-month-keeps-its-month",
        "a-count-describing-a-noun-has-no-date",
        "last-week-s-compared-figure",
        "a-fronted-date-of-what-is-expected",
        "the-day-a-forecast-was-told-is-not-its-period",
        "the-period-through-a-month-is-from-january",
        "the-year-s-period-is-the-period-stated-before-in-that-year",
    ],
)
def test_time(nlp, text: str, published: str, mention: str, time: str | None) -> None:
    claims = {claim.mention: claim for claim in extract_text(text, nlp, published=published).claims}
    assert claims[mention].time == time


@pytest.mark.parametrize(
    ("text", "mention", "source"),
    [
        ("Acme Corp said profit rose 5 pct.", "5 pct", "Acme Corp"),
        (
            "Novartis buys Hexal\n\nNovartis has bought Hexal, in a market where Teva Pharmaceuticals leads. The "
            "merged producer would have sales of more than $5bn, the company estimated.",
            "$5bn",
            "Novartis",
        ),
        (
            "reuters_15413: The company plans a 20 pct stock dividend to reduce excess market buoyancy, "
            "Vice-President Sennen Lazo told Reuters.",
            "20 pct",
            "Sennen Lazo",
        ),
        (
            '"If a person has 10 billion lira in investments this will suddenly decrease," shop owner Hayriye '
            "Evren, told Associated Press.",
            "10 billion lira",
            "Hayriye Evren",
        ),
        ("Profit rose 5 pct in the year to March.", "5 pct", None),
        (
            "reuters_15413: Vice-President Sennen Lazo told Reuters of the plan. Lazo said the split would halve "
            "the par value. He said the split would apply to holders of about 18 mln common shares.",
            "18 mln common shares",
            "Sennen Lazo",
        ),
        (
            "reuters_15574: India's oilseed output is expected to rise to 12.25 mln tonnes, the Agriculture "
            "Ministry's report said. But the forecast is below a target of 14.8 mln tonnes, it said.",
            "14.8 mln tonnes",
            "Agriculture Ministry",
        ),
        (
            "reuters_15417: Market sources put the total value of the privatisation at between four and five "
            "billion francs.",
            "four and five billion francs",
            "Market sources",
        ),
        (
            "bbc_business_296: Christian Aid condemned the move, saying it would see almost a million jobs in "
            "Bangladesh alone being axed.",
            "a million jobs",
            "Christian Aid",
        ),
        (
            '"We need more focus on people," Jan Uddenfeldt told the BBC News website.\n\nFor the study, Ericsson '
            "interviewed 14,000 mobile phone owners.",
            "14,000 mobile phone owners",
            None,
        ),
        (
            '"We have too many stores," said Jane Smith, chief executive. "The stores we are closing lost a '
            'combined $310 million last year."',
            "$310 million",
            "Jane Smith",
        ),
        (
            "reuters_15534: Eurocheques can be used in over five mln retail outlets in 28 countries, with Hungary, "
            "Tunisia and Greece added to the system this year.",
            "28 countries",
            None,
        ),
        (
            "bbc_business_248: After registering falls at the back end of 2004, Halifax said house prices rose by "
            "0.8% in January and Nationwide reported a rise of 0.4% in the first month of the year.",
            "0.4%",
            "Nationwide",
        ),
        (
            "bbc_business_248: After registering falls at the back end of 2004, Halifax said house prices rose by "
            "0.8% in January and Nationwide reported a rise of 0.4% in the first month of the year.",
            "0.8%",
            "Halifax",
        ),
        (
            "Jane Smith said the central bank expected inflation to average 3 pct next year.",
            "3 pct",
            "Jane Smith",
        ),
        (
            "bbc_business_249: Some experts believe this could require borrowing of up to $4.5 trillion over a "
            "20-year period.",
            "$4.5 trillion",
            "Some experts",
        ),
        (
            "The study, conducted by consultancy Building Zones, found that 16% of visitors came to work.",
            "16%",
            "Building Zones",
        ),
        ("Acme Corp has maintained its quarterly dividend at 5 cts a share.", "5 cts", None),
        (
            "bbc_politics_246: The Hefce report, drawing on child benefits data, said 50% of teenagers went. "
            "Fees did not seem to matter. The report also showed women were 18% more likely than men to enter "
            "higher education.",
            "18%",
            "Hefce",
        ),
        (
            "reuters_15413: Philippine Long Distance Telephone Co earned more. A PLDT spokesman said the government "
            "raised its franchise tax to three pct.",
            "three pct",
            "PLDT spokesman",
        ),
        (
            "reuters_15893: The U.S. Agriculture Department increased its estimate of 1986/87 grain purchases by "
            "the Soviet Union to 28 mln tonnes.",
            "28 mln tonnes",
            "U.S. Agriculture Department",
        ),
        ("The IMF's forecast of Brazil's growth is 3%.", "3%", "International Monetary Fund"),
        ("Exports rose 5% in March, figures from the statistics office showed.", "5%", "statistics office"),
        ("A study by the Brookings Institution said exports fell 5%.", "5%", "Brookings Institution"),
        ("Exports rose 5% in March, official figures showed.", "5%", "official figures"),
        (
            "Investors are to receive £194m compensation, the UK's financial watchdog has announced.",
            "£194m",
            "UK's financial watchdog",
        ),
        (
            "Heineken NV raises prices\n\nHeineken NV will raise prices. Sales rose 7.5 pct, the Dutch brewer said.",
            "7.5 pct",
            "Heineken NV",
        ),
        ("Exports rose 5.7 pct, Canadian trade officials said.", "5.7 pct", "Canadian trade officials"),
        (
            '"That is not true," said Jennifer Palmieri, Clinton\'s communications director. She said the '
            "economy had added 15 million jobs.",
            "15 million jobs",
            "Jennifer Palmieri",
        ),
        (
            "reuters_15149: Some analysts recommended clients not buy Burlington. Edward Johnson of Johnson Redbook "
            "said he recommends selling. He said the stock is worth only about 50 dlrs.",
            "50 dlrs",
            "Edward Johnson",
        ),
        ("Trump tweeted that 94 million Americans had left the labor force.", "94 million", "Trump"),
        ("The economist testified that the plan would cost $2 trillion.", "$2 trillion", "economist"),
    ],
    ids=[
        "a-reporting-verb-s-subject",
        "the-company-is-the-story-s-company",
        "a-name-the-parser-left-off-the-verb",
        "a-name-then-a-comma",
        "no-speaker",
        "he-is-who-spoke-last-by-name",
        "it-is-the-body-that-spoke-last",
        "who-sets-a-figure-on-a-thing-states-it",
        "saying-after-a-clause-speaks-for-its-subject",
        "a-closed-quote-of-the-paragraph-before-is-not-carried",
        "a-quote-opened-again-after-an-attributed-one",
        "added-to-reports-nothing",
        "each-of-two-coordinated-reports-has-its-speaker",
        "the-first-report-of-two-coordinated",
        "a-report-inside-another-is-the-outer-speaker-s",
        "a-verb-of-thinking-reports-its-clause",
        "a-study-that-found-a-clause",
        "a-verb-of-asserting-with-an-object-reports-nothing",
        "the-report-is-the-one-named-before",
        "an-unnamed-spokesman-of-a-company-is-not-the-company",
        "who-changes-its-estimate-states-it",
        "whose-forecast-it-is-states-it",
        "figures-from-a-body-are-the-body-s",
        "a-study-by-a-body-is-the-body-s",
        "figures-from-no-one-named",
        "a-place-describing-the-speaker-is-not-the-speaker",
        "a-nationality-describing-one-company-is-the-story-s-company",
        "a-nationality-describing-people-who-speak",
        "she-is-who-spoke-before-not-a-possessor",
        "he-is-the-person-who-spoke-before",
        "a-tweet-reports-its-clause",
        "testimony-reports-its-clause",
    ],
)
def test_source(nlp, text: str, mention: str, source: str | None) -> None:
    claims = {claim.mention: claim for claim in extract_text(text, nlp).claims}
    assert claims[mention].source == source


def test_a_table_row_label_is_its_whole_measure(nlp) -> None:
    """reuters_16022: `Oper net` and `Net` are different line items, never one fact."""
    text = "RAI RESEARCH CORP <RAC> 3RD QTR NET\n\nOper shr two cts vs 26 cts\n    Oper net 17,806 vs 312,692\n"
    text += "    Net 17,806 vs 328,290\n"
    measures = {claim.mention: claim.measure for claim in extract_text(text, nlp, published="1987-04-09").claims}
    assert (measures["312,692"], measures["328,290"], measures["26 cts"]) == ("oper net", "net", "oper shr")


@pytest.mark.parametrize(
    ("text", "mention", "entity"),
    [
        pytest.param(
            "BRAZIL GRAIN HARVEST LOSSES SEEN\n\nBrazil may lose part of its crop, Brito said. Brito said storage "
            "was short in Brazil. Brito, speaking from Brasilia, said he believed that about five mln tonnes "
            "would be lost.",
            "five mln tonnes",
            "Brazil",
            id="a-headline-spells-out-the-topic-the-model-misreads-and-its-capital-is-no-rival",
        ),
        pytest.param(
            "DETROIT EDISON <DTE> SELLS BONDS\n\nDetroit Edison Co is raising 400 mln dlrs. A 175 mln dlr issue "
            "of bonds was priced to yield 128 basis points over comparable Treasury securities.",
            "175 mln dlr",
            "Detroit Edison Co",
            id="a-name-describing-a-noun-is-no-rival-of-the-topic",
        ),
        pytest.param(
            "DETROIT EDISON <DTE> SELLS BONDS\n\nDetroit Edison Co is raising 400 mln dlrs. The bonds were "
            "priced to yield 8.845 pct, or 128 basis points over comparable Treasury securities.",
            "128 basis points",
            "Detroit Edison Co",
            id="a-name-describing-a-noun-in-the-clause-owns-nothing",
        ),
        pytest.param(
            "Novartis has bought Germany's Hexal. Novartis also acquired 67.7% of Hexal's US affiliate Eon Labs.",
            "67.7%",
            "Novartis",
            id="bbc_business_201-a-share-bought-is-the-buyer-s",
        ),
        pytest.param(
            "Reports say Standard Life, which owns a 1% stake in Deutsche Boerse, may seek a vote.",
            "1%",
            "Standard Life",
            id="a-stake-is-its-holder-s-not-the-company-it-is-in",
        ),
        pytest.param(
            "Meridian Ports Ltd is also paying 300 mln dlrs for a 40 pct stake in a container yard in Kwai Chung.",
            "40 pct",
            "Meridian Ports Ltd",
            id="a-stake-paid-for-is-the-payer-s",
        ),
        pytest.param(
            "Iraq is rebuilding its economy. The Brookings Institution published a study on Monday. The country "
            "earned $22bn from oil last year.",
            "$22bn",
            "Iraq",
            id="bbc_business_284-the-country-stands-for-a-country-not-the-think-tank",
        ),
        pytest.param(
            "Altria Group and Reynolds Tobacco Co welcomed the ruling, which sent Reynolds shares up 4.5%.",
            "4.5%",
            "Reynolds Tobacco Co",
            id="bbc_business_291-the-changed-noun-names-its-owner",
        ),
        pytest.param(
            "Acme Corp cuts costs\n\nAcme Corp said on Monday it would close plants. Revenue is expected to grow 4% "
            "this year, while many customers are expected to switch to Globex Inc.",
            "4%",
            "Acme Corp",
            id="a-rival-in-another-clause-leaves-the-topic",
        ),
        pytest.param(
            "Acme Corp cuts costs\n\nAcme Corp said on Monday it would close plants. Revenue is expected to grow 4% "
            "this year at Globex Inc.",
            "4%",
            None,
            id="a-rival-in-the-figure-s-clause-keeps-the-topic-out",
        ),
        pytest.param(
            "Export & Finance Bank said exports rose 49% in Jordan.",
            "49%",
            "Jordan",
            id="a-percentage-not-held-is-no-stake",
        ),
        pytest.param(
            "Last week, rival Shell reported an annual profit of $17.5bn - a record profit for a UK-listed company.",
            "$17.5bn",
            "Shell",
            id="bbc_business_221-a-place-made-an-adjective-by-a-hyphen-owns-nothing",
        ),
        pytest.param(
            "Deutsche Boerse bosses have held talks with the LSE. Werner Seifert met Clara Furse amid rumours the "
            "German group may raise its bid to £1.5bn.",
            "£1.5bn",
            "Deutsche Boerse",
            id="bbc_business_279-a-nationality-describing-a-company-is-not-the-actor",
        ),
        pytest.param(
            "Profits stall at China's Lenovo\n\nProfits at Chinese computer firm Lenovo have stood still. China "
            "is its home market, and China's buyers slowed. The reports sent Lenovo's shares up 6% in late January.",
            "6%",
            "Lenovo",
            id="bbc_business_250-a-headline-s-place-that-owns-a-named-company-is-not-the-topic",
        ),
        pytest.param(
            "Travel companies also took a hit, with Japan's Kinki Nippon sliding 1.5%.",
            "1.5%",
            "Kinki Nippon",
            id="bbc_business_262-a-place-owning-a-named-company-says-where-it-is",
        ),
        pytest.param(
            "The U.S. Agriculture Department increased its estimate of 1986/87 grain purchases by the Soviet "
            "Union to 28 mln tonnes.",
            "28 mln tonnes",
            "Soviet Union",
            id="reuters_15893-an-estimate-is-of-what-it-estimates-not-the-estimator-s",
        ),
        pytest.param(
            "The Bank of England said it had given 14 mln stg of help, compared with its deficit estimate of 350 "
            "mln stg.",
            "350 mln stg",
            "Bank of England",
            id="reuters_15523-an-estimate-of-the-figure-itself-is-its-owner-s",
        ),
        pytest.param(
            "FEDERAL REALTY CONVERTIBLE INCREASED\n\nToday's dollar convertible eurobond for Federal Realty "
            "Investment Trust has been increased to 100 mln dlrs, lead manager Salomon Brothers International said.\n"
            "    The coupon has been fixed at 5-1/4 pct.",
            "5-1/4 pct",
            "Federal Realty Investment Trust",
            id="reuters_15019-the-company-a-lede-reports-on-is-the-topic-not-who-reports-it",
        ),
        pytest.param(
            "Singapore growth\n\nSingapore's economy grew by 8.1% in 2004. The advance, the second-fastest in Asia "
            "after China, was led by growth of 13.1% in the key manufacturing sector.",
            "13.1%",
            "Singapore",
            id="bbc_business_256-a-place-a-macro-figure-is-ranked-against-owns-none-of-it",
        ),
    ],
)
def test_entity(nlp, text: str, mention: str, entity: str | None) -> None:
    claims = {claim.mention: claim for claim in extract_text(text, nlp, published="1987-04-08").claims}
    assert claims[mention].entity == entity


def test_a_rate_paid_is_no_stake(nlp) -> None:
    """reuters_15021: a eurobond `paying 14-1/2 pct` pays a coupon; no one holds 14-1/2 pct of anything."""
    text = "Acme Bank is issuing a 40 mln Australian dlr eurobond paying 14-1/2 pct, lead manager Globex Bank said."
    claims = {claim.mention: claim for claim in extract_text(text, nlp, published="1987-04-08").claims}
    assert "entity:stake-holder" not in claims["14-1/2 pct"].link_rules
    assert claims["14-1/2 pct"].entity == "Acme Bank"


def test_an_estimate_set_at_a_figure_is_its_object_s_and_the_estimator_is_the_source(nlp) -> None:
    """reuters_15868: the department estimates; the crop, and the figure set against it, are Australia's;
    last month's estimate is of the same crop year."""
    text = (
        "USDA ESTIMATES AUSTRALIA WHEAT CROP\n\nThe U.S. Agriculture Department forecast Australia's 1986/87 wheat "
        "crop at 16.70 mln tonnes, vs 17.30 mln tonnes last month. It estimated 1985/86 output at 16.13 mln "
        "tonnes, vs 16.13 mln last month."
    )
    claims = extract_text(text, nlp, published="1987-04-09").claims
    rows = [(c.value, c.entity, c.subject, c.source, c.time) for c in claims[:3]]
    assert rows == [
        (16.70e6, "Australia", "Australia's wheat crop", "U.S. Agriculture Department", "1986/1987"),
        (17.30e6, "Australia", "Australia's wheat crop", "U.S. Agriculture Department", "1986/1987"),
        (16.13e6, "Australia", "1985/86 output", "U.S. Agriculture Department", "1985/1986"),
    ]


def test_a_date_s_misattached_phrase_stays_in_the_verb_phrase(nlp) -> None:
    text = "The program will invest 300 mln rupees in 1986/87 on supplying improved seeds to farmers."
    [claim] = extract_text(text, nlp).claims
    assert (claim.subject, claim.time) == ("invest on supplying improved seeds to farmers", "1986/1987")


def test_a_change_hung_on_a_noun_measures_that_noun(nlp) -> None:
    """reuters_15413: `up 68 pct from 778.9 mln pesos` has no verb of its own; the noun it hangs on is
    what changed, and the figure before does not take `up` into its subject."""
    text = "PLDT reported 1986 net income of 1.89 billion pesos, up 68 pct from 778.9 mln pesos in 1985."
    subjects = {claim.mention: claim.subject for claim in extract_text(text, nlp, published="1987-04-09").claims}
    assert subjects == {"1.89 billion pesos": "net income", "68 pct": "net income", "778.9 mln pesos": "net income"}


def test_who_reports_a_figure_is_not_what_it_measures(nlp) -> None:
    """bbc_business_284: the nearest noun phrase is the think-tank that says it; the subject is the rate."""
    text = (
        '"Estimates of Iraq\'s unemployment rate vary, but we estimate it to be between 30-40%," the '
        "Washington-based independent think-tank The Brookings Institution says in its Iraq Index."
    )
    claims = {claim.mention: claim for claim in extract_text(text, nlp).claims}
    assert claims["30-40%"].subject == "Iraq's unemployment rate"


@pytest.mark.parametrize(
    ("text", "mention", "subject"),
    [
        pytest.param(
            "reuters_15149: She estimated 1987 earnings of 2.50 dlrs per share.",
            "2.50 dlrs",
            "earnings a share",
            id="a-rate-of-the-amount-is-its-unit-written-once",
        ),
        pytest.param(
            "reuters_15094: NOTE: Includes loss of 89.6 mln dlrs vs loss 14.5 mln dlrs in year.",
            "89.6 mln dlrs",
            "loss",
            id="the-figure-it-is-set-against-is-not-its-noun-s",
        ),
        pytest.param(
            "reuters_15899: NOTE: 1986 net includes gain of 15,598 dlrs in 3rd qtr.",
            "15,598 dlrs",
            "gain",
            id="a-period-the-model-tags-no-date-is-no-phrase-of-the-noun",
        ),
        pytest.param(
            "reuters_15547: Company also set dividend of 11 marks for new preference shares, which were issued "
            "in 1986.",
            "11 marks",
            "dividend for new preference shares",
            id="what-the-noun-is-for-without-its-clause",
        ),
        pytest.param(
            "reuters_15021: Toronto Dominion Bank is issuing a 40 mln Australian dlr eurobond due May 15, 1990 "
            "paying 14-1/2 pct and priced at 101-3/8 pct, lead manager Hambros Bank Ltd said.",
            "14-1/2 pct",
            "eurobond paying",
            id="what-an-issued-instrument-pays",
        ),
        pytest.param(
            "reuters_15021: Toronto Dominion Bank is issuing a 40 mln Australian dlr eurobond due May 15, 1990 "
            "paying 14-1/2 pct and priced at 101-3/8 pct, lead manager Hambros Bank Ltd said.",
            "101-3/8 pct",
            "eurobond priced",
            id="what-an-issued-instrument-is-priced-at",
        ),
        pytest.param(
            "Merchant demand has fuelled the rise in lead prices and has seen cash metal move above 320 stg.",
            "320 stg",
            "Merchant demand",
            id="a-finite-verb-is-no-participle-of-the-object",
        ),
        pytest.param(
            "reuters_15589: The stock slipped 1/2 to 71-1/2 on volume of 1.3 mln shares.",
            "1.3 mln shares",
            "volume",
            id="a-count-of-shares-traded-measures-the-volume",
        ),
    ],
)
def test_phrases_an_amount_carries(nlp, text: str, mention: str, subject: str) -> None:
    claims = {claim.mention: claim for claim in extract_text(text, nlp, published="1987-04-09").claims}
    assert claims[mention].subject == subject


def test_a_change_the_parser_hangs_on_an_earlier_noun_is_not_that_noun_s(nlp) -> None:
    """reuters_15733: `off nine pct` is the gas reserves' change; the parser hangs `off` on the oil
    reserves, three figures back."""
    text = (
        "MSR EXPLORATION LTD <MSR> YEAR LOSS\n\nShr loss five cts vs profit 10 cts\n    Net loss 381,391 vs "
        "profit 736,974\n    Revs 6,161,391 vs 9,241,882\n    NOTE: Canadian dollars.\n    Proved oil reserves at "
        "year-end 3.3 mln barrels, up 39 pct\nfrom a year earlier, and natural gas reserves 4.7 billion cubic\n"
        "feet, off nine pct.\n Reuter\n"
    )
    claims = extract_text(text, nlp, published="1987-04-09").claims
    subjects = {" ".join(claim.mention.split()): claim.subject for claim in claims}
    assert subjects["nine pct"] not in ("Proved oil reserves", "oil reserves")
