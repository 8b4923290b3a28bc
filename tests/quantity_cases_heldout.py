"""Held-out sentences for the quantity recognizer (pure data), written without looking at the
recognizer or the dev cases; see test_quantities.py."""

from quantity_cases import Q  # the same record as the dev set

HELDOUT: list[tuple[str, str, list[Q]]] = [
    # --- wire style: mln, bln, dlrs, cts, pct, stg ---------------------------------------------
    (
        "wire-eps-change",
        "Harbor Mills Inc said first-quarter net income rose to 120.4 mln dlrs, or 1.12 dlrs a share, "
        "from 98.6 mln dlrs, or 92 cts a share, a year earlier.",
        [
            Q("120.4 mln dlrs", "money", 120.4e6, "USD", role="to", direction="up"),
            Q("1.12 dlrs", "money", 1.12, "USD", role="to", direction="up"),
            Q("98.6 mln dlrs", "money", 98.6e6, "USD", role="from", direction="up"),
            Q("92 cts", "money", 0.92, "USD", role="from", direction="up"),
        ],
    ),
    (
        "wire-revenue-margin-points",
        "Revenue rose 14 pct to 2.31 bln dlrs, while the operating margin narrowed 1.5 pct points to "
        "18.2 pct, the company said.",
        [
            Q("14 pct", "percent", 14.0, "%", role="by", direction="up"),
            Q("2.31 bln dlrs", "money", 2.31e9, "USD", role="to", direction="up"),
            Q("1.5 pct points", "percent", 1.5, "pp", role="by", direction="down"),
            Q("18.2 pct", "percent", 18.2, "%", role="to", direction="down"),
        ],
    ),
    (
        "wire-share-sale",
        "The company said it would sell 12.5 mln shares at 28.50 dlrs each, raising about 356 mln dlrs.",
        [
            Q("12.5 mln shares", "count", 12.5e6, "share"),
            Q("28.50 dlrs", "money", 28.5, "USD"),
            Q("356 mln dlrs", "money", 356e6, "USD", "approx"),
        ],
    ),
    (
        "wire-jobless-pct-point",
        "The jobless rate rose 0.2 pct point to 5.8 pct in May, the highest since November 1994, the "
        "statistics office said.",
        [
            Q("0.2 pct point", "percent", 0.2, "pp", role="by", direction="up"),
            Q("5.8 pct", "percent", 5.8, "%", role="to", direction="up"),
        ],
    ),
    (
        "wire-eps-cts-flat-revenue",
        "Earnings per share rose 12 cts to 1.45 dlrs, while revenue was flat at 3.4 bln dlrs.",
        [
            Q("12 cts", "money", 0.12, "USD", role="by", direction="up"),
            Q("1.45 dlrs", "money", 1.45, "USD", role="to", direction="up"),
            Q("3.4 bln dlrs", "money", 3.4e9, "USD"),
        ],
    ),
    (
        "wire-uk-deficit-stg",
        "Britain's budget deficit narrowed to 12.3 bln stg in March from 17.1 bln stg a year earlier, "
        "official data showed.",
        [
            Q("12.3 bln stg", "money", 12.3e9, "GBP", role="to", direction="down"),
            Q("17.1 bln stg", "money", 17.1e9, "GBP", role="from", direction="down"),
        ],
    ),
    (
        "wire-dividend-in-words",
        "The board declared a quarterly dividend of three cts a share, payable April 15 to holders of record March 31.",
        [Q("three cts", "money", 0.03, "USD")],
    ),
    # --- British style: £m, bn, pence, per cent -----------------------------------------------
    (
        "uk-interim-pence",
        "Pre-tax profit fell 23 per cent to £412m in the six months to the end of September, and the "
        "board cut the interim dividend to 4.2p from 6.5p.",
        [
            Q("23 per cent", "percent", 23.0, "%", role="by", direction="down"),
            Q("£412m", "money", 412e6, "GBP", role="to", direction="down"),
            Q("4.2p", "money", 0.042, "GBP", role="to", direction="down"),
            Q("6.5p", "money", 0.065, "GBP", role="from", direction="down"),
        ],
    ),
    (
        "uk-takeover-pence-a-share",
        "The board of Hargreaves Lansdown has agreed to a £5.4bn takeover by a private equity "
        "consortium worth 1,140p a share, including a final dividend of 30p.",
        [Q("£5.4bn", "money", 5.4e9, "GBP"), Q("1,140p", "money", 11.4, "GBP"), Q("30p", "money", 0.3, "GBP")],
    ),
    (
        "uk-gilt-auction-times-cover",
        "The Debt Management Office sold £4.75bn of 10-year gilts at an average yield of 4.312 per "
        "cent, with bids worth 3.1 times the amount on offer.",
        [Q("£4.75bn", "money", 4.75e9, "GBP"), Q("4.312 per cent", "percent", 4.312, "%")],
    ),
    (
        "uk-store-closures-third",
        "The retailer said 2,400 staff would be affected by the closure of 58 stores, although it "
        "hoped to redeploy around a third of them.",
        [
            Q("2,400 staff", "count", 2400.0, "staff"),
            Q("58 stores", "count", 58.0, "store"),
            Q("a third", "percent", 33.3333333333, "%", "approx"),
        ],
    ),
    (
        "uk-homes-fewer-than",
        "Fewer than 1,000 homes were sold in the district in the quarter, the lowest on record, while "
        "the median price dropped 6.2% to £285,000.",
        [
            Q("1,000 homes", "count", 1000.0, "home", "less_than"),
            Q("6.2%", "percent", 6.2, "%", role="by", direction="down"),
            Q("£285,000", "money", 285000.0, "GBP", role="to", direction="down"),
        ],
    ),
    (
        "uk-cbi-two-thirds",
        "Nearly two-thirds of manufacturers in the Confederation of British Industry survey expect to "
        "raise prices over the next three months.",
        [Q("two-thirds", "percent", 66.6666666667, "%", "nearly")],
    ),
    # --- Indian style: Rs, ₹, crore, lakh ------------------------------------------------------
    (
        "in-bank-profit-crore-up-from",
        "The state-run lender reported a standalone net profit of Rs 4,285 crore for the quarter ended "
        "June 30, up 18 per cent from Rs 3,631 crore in the year-ago period.",
        [
            Q("Rs 4,285 crore", "money", 4.285e10, "INR", role="to", direction="up"),
            Q("18 per cent", "percent", 18.0, "%", role="by", direction="up"),
            Q("Rs 3,631 crore", "money", 3.631e10, "INR", role="from", direction="up"),
        ],
    ),
    (
        "in-capex-lakh-crore",
        "The government has budgeted capital expenditure of ₹11.11 lakh crore for 2024-25, equivalent "
        "to 3.4 per cent of GDP.",
        [Q("₹11.11 lakh crore", "money", 11.11e12, "INR"), Q("3.4 per cent", "percent", 3.4, "%")],
    ),
    (
        "in-autos-lakh-units",
        "Maruti Suzuki sold 1.81 lakh units in May, including 17,367 units shipped overseas, the "
        "company said in a regulatory filing.",
        [Q("1.81 lakh units", "count", 181000.0, "unit"), Q("17,367 units", "count", 17367.0, "unit")],
    ),
    (
        "in-paytm-crore-users",
        "Paytm said monthly transacting users rose to 9.6 crore in the December quarter, while loans "
        "disbursed through the platform grew 49 per cent to Rs 5,000 crore.",
        [
            Q("9.6 crore", "count", 9.6e7, "user", role="to", direction="up"),
            Q("49 per cent", "percent", 49.0, "%", role="by", direction="up"),
            Q("Rs 5,000 crore", "money", 5e10, "INR", role="to", direction="up"),
        ],
    ),
    (
        "in-dividend-buyback-crore-shares",
        "The board recommended a final dividend of Rs 8 per share and approved a buyback of up to 1.2 "
        "crore shares at Rs 1,650 apiece.",
        [
            Q("Rs 8", "money", 8.0, "INR"),
            Q("1.2 crore shares", "count", 1.2e7, "share", "up_to"),
            Q("Rs 1,650", "money", 1650.0, "INR"),
        ],
    ),
    (
        "in-rbi-unchanged-ordinal",
        "The Reserve Bank of India kept the repo rate unchanged at 6.50 per cent for the eighth "
        "consecutive policy review, with five of the six members of the Monetary Policy Committee "
        "voting in favour.",
        [Q("6.50 per cent", "percent", 6.5, "%")],
    ),
    (
        "in-gdp-forecast-range",
        "The central bank projected real GDP growth of 7.2 per cent for 2024-25, and economists expect "
        "retail inflation to average between 4.5 and 5 per cent.",
        [
            Q("7.2 per cent", "percent", 7.2, "%", role="by", direction="up"),
            Q("4.5 and 5 per cent", "percent", 4.5, "%", value_low=4.5, value_high=5.0),
        ],
    ),
    # --- central banks, rates, bonds -------------------------------------------------------------
    (
        "fed-hike-75bp-range",
        "The Fed raised rates by 75 basis points to a range of 2.25%-2.50%, its fourth increase this "
        "year, and Chair Jerome Powell said another unusually large hike could be appropriate in "
        "September.",
        [
            Q("75 basis points", "percent", 75.0, "bp", role="by", direction="up"),
            Q("2.25%-2.50%", "percent", 2.25, "%", value_low=2.25, value_high=2.5, role="to", direction="up"),
        ],
    ),
    (
        "ecb-half-point-cut",
        "The European Central Bank cut its deposit rate by half a percentage point to 3.25 per cent, "
        "the first move of that size since 2008, and reaffirmed its 2% inflation target.",
        [
            Q("half a percentage point", "percent", 0.5, "pp", role="by", direction="down"),
            Q("3.25 per cent", "percent", 3.25, "%", role="to", direction="down"),
            Q("2%", "percent", 2.0, "%"),
        ],
    ),
    (
        "boe-25bp-compound-peak-at",
        "The Bank of England delivered a 25-basis-point cut on Thursday, lowering Bank Rate to 4.75 per "
        "cent, and said it expected inflation to peak at around 2.75 per cent in the third quarter of "
        "next year.",
        [
            Q("25-basis-point", "percent", 25.0, "bp", role="by", direction="down"),
            Q("4.75 per cent", "percent", 4.75, "%", role="to", direction="down"),
            Q("2.75 per cent", "percent", 2.75, "%", "approx"),
        ],
    ),
    (
        "boj-jgb-taper-yen",
        "The Bank of Japan will trim its monthly purchases of Japanese government bonds by about ¥400 "
        "billion each quarter, bringing them to roughly ¥3 trillion a month by January-March 2026.",
        [
            Q("¥400 billion", "money", 4e11, "JPY", "approx", role="by", direction="down"),
            Q("¥3 trillion", "money", 3e12, "JPY", "approx", role="to", direction="down"),
        ],
    ),
    (
        "treasury-yields-bps",
        "The yield on the benchmark 10-year Treasury note rose 7 basis points to 4.28%, while the "
        "two-year yield, which is sensitive to rate expectations, climbed 9 bps to 4.71%.",
        [
            Q("7 basis points", "percent", 7.0, "bp", role="by", direction="up"),
            Q("4.28%", "percent", 4.28, "%", role="to", direction="up"),
            Q("9 bps", "percent", 9.0, "bp", role="by", direction="up"),
            Q("4.71%", "percent", 4.71, "%", role="to", direction="up"),
        ],
    ),
    (
        "ez-inflation-percentage-point",
        "Euro zone inflation fell 0.3 percentage point to 2.6 per cent in February, Eurostat said on Friday.",
        [
            Q("0.3 percentage point", "percent", 0.3, "pp", role="by", direction="down"),
            Q("2.6 per cent", "percent", 2.6, "%", role="to", direction="down"),
        ],
    ),
    (
        "bond-euro-compound-bp",
        "The 500 million euro bond was priced at mid-swaps plus 95bp, and orders peaked at more than "
        "2.1 billion euros.",
        [
            Q("500 million euro", "money", 5e8, "EUR"),
            Q("95bp", "percent", 95.0, "bp"),
            Q("2.1 billion euros", "money", 2.1e9, "EUR", "more_than"),
        ],
    ),
    (
        "ftt-third-of-one-per-cent",
        "The financial transactions tax, set at a third of 1 per cent of the value of each share "
        "trade, would raise about €3.5bn a year, the commission estimated.",
        [Q("a third of 1 per cent", "percent", 0.3333333333, "%"), Q("€3.5bn", "money", 3.5e9, "EUR", "approx")],
    ),
    # --- macro, trade, jobs ----------------------------------------------------------------------
    (
        "us-payrolls-well-above-forecast",
        "U.S. employers added 256,000 jobs in December, well above the 160,000 forecast by economists "
        "polled by Reuters, and the unemployment rate dipped to 4.1% from 4.2%.",
        [
            Q("256,000 jobs", "count", 256000.0, "job", role="by", direction="up"),
            Q("160,000", "count", 160000.0, "job"),
            Q("4.1%", "percent", 4.1, "%", role="to", direction="down"),
            Q("4.2%", "percent", 4.2, "%", role="from", direction="down"),
        ],
    ),
    (
        "cn-yuan-loans-down-from",
        "New yuan loans totalled 3.09 trillion yuan in March, down from 4.92 trillion yuan in January, "
        "according to People's Bank of China data.",
        [
            Q("3.09 trillion yuan", "money", 3.09e12, "CNY", role="to", direction="down"),
            Q("4.92 trillion yuan", "money", 4.92e12, "CNY", role="from", direction="down"),
        ],
    ),
    (
        "kr-won-conversion",
        "Samsung Electronics posted an operating profit of 10.4 trillion won ($7.54 billion) for the "
        "April-June quarter, its biggest since the third quarter of 2022.",
        [Q("10.4 trillion won", "money", 10.4e12, "KRW"), Q("$7.54 billion", "money", 7.54e9, "USD")],
    ),
    (
        "uk-retail-third-straight-month",
        "British retail sales fell for a third straight month in November, declining 0.8% as shoppers "
        "held back ahead of the Oct. 30 budget.",
        [Q("0.8%", "percent", 0.8, "%", role="by", direction="down")],
    ),
    (
        "de-renewables-almost-under",
        "Almost 40 percent of the country's electricity came from wind and solar power in 2023, up "
        "from under 25 percent in 2015.",
        [
            Q("40 percent", "percent", 40.0, "%", "nearly", role="to", direction="up"),
            Q("25 percent", "percent", 25.0, "%", "less_than", role="from", direction="up"),
        ],
    ),
    (
        "eu-27-nation-electric-cars",
        "The 27-nation bloc imported 1.4 million electric cars from China last year, about 30% of which "
        "were made by Western brands such as Tesla.",
        [
            Q("27-nation", "count", 27.0, "nation"),
            Q("1.4 million electric cars", "count", 1.4e6, "car"),
            Q("30%", "percent", 30.0, "%", "approx"),
        ],
    ),
    (
        "exports-three-quarters",
        "Exports account for three-quarters of the group's sales, and the United States alone takes 28 per cent.",
        [Q("three-quarters", "percent", 75.0, "%"), Q("28 per cent", "percent", 28.0, "%")],
    ),
    (
        "section-232-steel",
        "Steel imports subject to Section 232 tariffs of 25% fell to 25.6 million tonnes in 2023, the "
        "lowest since 2009.",
        [
            Q("25%", "percent", 25.0, "%"),
            Q("25.6 million tonnes", "count", 25.6e6, "tonne", role="to", direction="down"),
        ],
    ),
    (
        "savers-over-65-age",
        "The treasury said 2.3 million people had opened the new tax-free accounts, and that savers "
        "over 65 held more than a third of the money deposited.",
        [Q("2.3 million people", "count", 2.3e6, "person"), Q("a third", "percent", 33.3333333333, "%", "more_than")],
    ),
    # --- M&A, deals, symbols and codes ----------------------------------------------------------
    (
        "ma-siemens-premium",
        "Siemens agreed to buy U.S. industrial software maker Altair Engineering for about $10.6 "
        "billion, or $113 a share, a 19% premium to Altair's closing price on Oct. 22.",
        [
            Q("$10.6 billion", "money", 10.6e9, "USD", "approx"),
            Q("$113", "money", 113.0, "USD"),
            Q("19%", "percent", 19.0, "%"),
        ],
    ),
    (
        "ma-hk-privatisation",
        "The consortium offered HK$13.5 per share in cash, valuing the Hong Kong-listed property "
        "developer at HK$23.4 billion (US$3 billion), a 42 per cent premium to its last close.",
        [
            Q("HK$13.5", "money", 13.5, "HKD"),
            Q("HK$23.4 billion", "money", 23.4e9, "HKD"),
            Q("US$3 billion", "money", 3e9, "USD"),
            Q("42 per cent", "percent", 42.0, "%"),
        ],
    ),
    (
        "ma-canada-all-stock",
        "Calgary-based Northfield Energy agreed to acquire rival Pembrook Resources in an all-stock "
        "deal valued at C$4.1 billion, including about C$900 million of debt.",
        [Q("C$4.1 billion", "money", 4.1e9, "CAD"), Q("C$900 million", "money", 9e8, "CAD", "approx")],
    ),
    (
        "ma-swiss-milestones",
        "The Swiss drugmaker will pay CHF 1.8 billion upfront and up to CHF 1.2 billion in milestone "
        "payments, it said in a statement on Monday.",
        [Q("CHF 1.8 billion", "money", 1.8e9, "CHF"), Q("CHF 1.2 billion", "money", 1.2e9, "CHF", "up_to")],
    ),
    (
        "ma-gic-sgd-units",
        "GIC will pay S$2.05 a unit, or a total of about S$1.6 billion, for the 68 per cent stake in "
        "the trust it does not already own.",
        [
            Q("S$2.05", "money", 2.05, "SGD"),
            Q("S$1.6 billion", "money", 1.6e9, "SGD", "approx"),
            Q("68 per cent", "percent", 68.0, "%"),
        ],
    ),
    (
        "sg-bank-more-than-double",
        "The bank set aside SGD 230 million in allowances for credit and other losses in the quarter, "
        "more than double the SGD 104 million it booked a year earlier.",
        [Q("SGD 230 million", "money", 2.3e8, "SGD"), Q("SGD 104 million", "money", 1.04e8, "SGD")],
    ),
    (
        "ma-seven-i-stores",
        "Seven & i Holdings, which operates the 7-Eleven chain, rejected Alimentation Couche-Tard's "
        "$38.5 billion offer, saying it undervalued a business with about 85,000 stores in 20 "
        "countries.",
        [
            Q("$38.5 billion", "money", 38.5e9, "USD"),
            Q("85,000 stores", "count", 85000.0, "store", "approx"),
            Q("20 countries", "count", 20.0, "country"),
        ],
    ),
    (
        "chapter-11-range",
        "The airline filed for Chapter 11 bankruptcy protection in Manhattan, listing assets and "
        "liabilities of between $1 billion and $10 billion in its petition.",
        [Q("$1 billion and $10 billion", "money", 1e9, "USD", value_low=1e9, value_high=1e10)],
    ),
    (
        "de-telekom-eur-code-buyback",
        "Deutsche Telekom will buy back up to EUR 2 billion of its own shares this year after free "
        "cash flow rose 8 percent to 19.2 billion euros in 2024.",
        [
            Q("EUR 2 billion", "money", 2e9, "EUR", "up_to"),
            Q("8 percent", "percent", 8.0, "%", role="by", direction="up"),
            Q("19.2 billion euros", "money", 19.2e9, "EUR", role="to", direction="up"),
        ],
    ),
    (
        "swf-usd-code-and-euro",
        "The sovereign wealth fund committed USD 2.5bn to the vehicle, alongside €1bn from European pension funds.",
        [Q("USD 2.5bn", "money", 2.5e9, "USD"), Q("€1bn", "money", 1e9, "EUR")],
    ),
    (
        "startup-half-a-billion",
        "The startup raised half a billion dollars in a funding round led by SoftBank's Vision Fund 2, "
        "valuing it at $4.5 billion.",
        [Q("half a billion dollars", "money", 5e8, "USD"), Q("$4.5 billion", "money", 4.5e9, "USD")],
    ),
    (
        "aud-capex-range",
        "The miner said it would spend A$1.1 billion to A$1.3 billion on its lithium expansion, with "
        "first production due in the second half of fiscal 2026.",
        [Q("A$1.1 billion to A$1.3 billion", "money", 1.1e9, "AUD", value_low=1.1e9, value_high=1.3e9)],
    ),
    # --- earnings, guidance ----------------------------------------------------------------------
    (
        "guidance-range-to-from",
        "The company raised its full-year organic sales growth forecast to 6-8% from 4-6%, sending its "
        "shares up 12% in early trading.",
        [
            Q("6-8%", "percent", 6.0, "%", value_low=6.0, value_high=8.0, role="to", direction="up"),
            Q("4-6%", "percent", 4.0, "%", value_low=4.0, value_high=6.0, role="from", direction="up"),
            Q("12%", "percent", 12.0, "%", role="by", direction="up"),
        ],
    ),
    (
        "guidance-eps-range-vs-estimate",
        "It now expects adjusted earnings of $5.15 to $5.35 per share for the year, compared with "
        "analysts' average estimate of $5.09, according to LSEG data.",
        [Q("$5.15 to $5.35", "money", 5.15, "USD", value_low=5.15, value_high=5.35), Q("$5.09", "money", 5.09, "USD")],
    ),
    (
        "first-half-revenue-half-of",
        "In the first half, revenue rose 11 per cent to €18.2bn, with half of the increase coming from "
        "acquisitions completed in the fourth quarter of last year.",
        [
            Q("11 per cent", "percent", 11.0, "%", role="by", direction="up"),
            Q("€18.2bn", "money", 18.2e9, "EUR", role="to", direction="up"),
            Q("half", "percent", 50.0, "%"),
        ],
    ),
    (
        "half-revenue-up-from-quarter",
        "Half of the company's revenue now comes from outside Europe, up from a quarter in 2015, Chief "
        "Executive Maria Lindqvist, 57, told reporters.",
        [
            Q("Half", "percent", 50.0, "%", role="to", direction="up"),
            Q("a quarter", "percent", 25.0, "%", role="from", direction="up"),
        ],
    ),
    (
        "sony-shares-times-of-day",
        "Sony shares jumped 9% to ¥13,285 by 10:15 a.m. in Tokyo (0115 GMT) after the company raised "
        "its full-year operating profit forecast to ¥1.2 trillion.",
        [
            Q("9%", "percent", 9.0, "%", role="by", direction="up"),
            Q("¥13,285", "money", 13285.0, "JPY", role="to", direction="up"),
            Q("¥1.2 trillion", "money", 1.2e12, "JPY", role="to", direction="up"),
        ],
    ),
    # --- jobs, layoffs, counts --------------------------------------------------------------------
    (
        "chipmaker-layoffs",
        "The chipmaker will cut about 15,000 jobs, or more than 15% of its workforce, as part of a $10 "
        "billion cost-reduction plan announced alongside its second-quarter results.",
        [
            Q("15,000 jobs", "count", 15000.0, "job", "approx", role="by", direction="down"),
            Q("15%", "percent", 15.0, "%", "more_than", role="by", direction="down"),
            Q("$10 billion", "money", 1e10, "USD", role="by", direction="down"),
        ],
    ),
    (
        "branches-count-noun-after",
        "The lender plans to close 150 of its 2,000 branches by March, affecting around 1,200 employees.",
        [
            Q("150", "count", 150.0, "branch"),
            Q("2,000 branches", "count", 2000.0, "branch"),
            Q("1,200 employees", "count", 1200.0, "employee", "approx"),
        ],
    ),
    (
        "mexico-employs-no-noun",
        "The carmaker said it employs more than 50,000 in Mexico and plans to hire 3,000 more by 2026.",
        [Q("50,000", "count", 50000.0, None, "more_than"), Q("3,000", "count", 3000.0, None)],
    ),
    (
        "strike-at-least-workers",
        "At least 30,000 workers at the company's plants in Ohio and Michigan walked off the job on "
        "Friday, the union said.",
        [Q("30,000 workers", "count", 30000.0, "worker", "at_least")],
    ),
    (
        "streaming-a-million-subscribers",
        "The streaming app passed a million paying subscribers in India within 18 months of its "
        "launch, the company said.",
        [Q("a million paying subscribers", "count", 1e6, "subscriber")],
    ),
    (
        "durations-time-ordinal-no-claims",
        "The two companies have worked together for more than 30 years and signed the latest "
        "agreement at 9:30 a.m. on Jan. 12, their third such deal in a decade.",
        [],
    ),
    # --- autos, airlines ---------------------------------------------------------------------------
    (
        "toyota-record-hybrids",
        "Toyota sold 10.3 million vehicles worldwide in 2023, including a record 3.8 million hybrids, "
        "while sales of battery-electric vehicles more than doubled to 104,018.",
        [
            Q("10.3 million vehicles", "count", 10.3e6, "vehicle"),
            Q("3.8 million hybrids", "count", 3.8e6, "hybrid"),
            Q("104,018", "count", 104018.0, "vehicle", role="to", direction="up"),
        ],
    ),
    (
        "boeing-deliveries-model-numbers",
        "Boeing delivered 44 airplanes in June, including 42 737 MAX jets, while Airbus handed over 67 "
        "jets including A320neo and A350-1000 models.",
        [
            Q("44 airplanes", "count", 44.0, "airplane"),
            Q("42 737 MAX jets", "count", 42.0, "jet"),
            Q("67 jets", "count", 67.0, "jet"),
        ],
    ),
    (
        "brand-just-cars-less-than",
        "The brand sold just 1,850 cars in South Korea last year, less than 1% of the market.",
        [Q("1,850 cars", "count", 1850.0, "car"), Q("1%", "percent", 1.0, "%", "less_than")],
    ),
    # --- commodities --------------------------------------------------------------------------------
    (
        "opec-bpd",
        "OPEC+ agreed to extend voluntary output cuts of 2.2 million barrels per day until the end of "
        "June, with Saudi Arabia keeping its production at around 9 million bpd.",
        [
            Q("2.2 million barrels", "count", 2.2e6, "barrel", role="by", direction="down"),
            Q("9 million bpd", "count", 9e6, "barrel", "approx"),
        ],
    ),
    (
        "oil-prices-cents",
        "Brent crude futures fell $1.12, or 1.4%, to $78.34 a barrel by 1105 GMT, while U.S. West Texas "
        "Intermediate crude lost 98 cents, or 1.3%, to $74.26.",
        [
            Q("$1.12", "money", 1.12, "USD", role="by", direction="down"),
            Q("1.4%", "percent", 1.4, "%", role="by", direction="down"),
            Q("$78.34", "money", 78.34, "USD", role="to", direction="down"),
            Q("98 cents", "money", 0.98, "USD", role="by", direction="down"),
            Q("1.3%", "percent", 1.3, "%", role="by", direction="down"),
            Q("$74.26", "money", 74.26, "USD", role="to", direction="down"),
        ],
    ),
    (
        "palm-oil-metric-tons",
        "Malaysia's palm oil exports for June 1-25 fell 4.3% to 1,032,740 metric tons from 1,079,310 "
        "tons shipped during the same period last month, cargo surveyor Intertek Testing Services said.",
        [
            Q("4.3%", "percent", 4.3, "%", role="by", direction="down"),
            Q("1,032,740 metric tons", "count", 1032740.0, "ton", role="to", direction="down"),
            Q("1,079,310 tons", "count", 1079310.0, "ton", role="from", direction="down"),
        ],
    ),
    (
        "egypt-wheat-price-range",
        "Egypt's state grains buyer bought about 420,000 tonnes of wheat in the tender, traders said, "
        "with prices ranging from $247 to $252.50 a tonne including freight.",
        [
            Q("420,000 tonnes", "count", 420000.0, "tonne", "approx"),
            Q("$247 to $252.50", "money", 247.0, "USD", value_low=247.0, value_high=252.5),
        ],
    ),
    (
        "chile-copper-noun-before",
        "Chile produced 5.25 million tonnes of copper last year, and state miner Codelco accounted for "
        "about 1.33 million of them.",
        [Q("5.25 million tonnes", "count", 5.25e6, "tonne"), Q("1.33 million", "count", 1.33e6, "tonne", "approx")],
    ),
    # --- markets and tricky non-claims ----------------------------------------------------------
    (
        "ftse-100-250",
        "London's FTSE 100 closed 0.4 per cent lower, with miners the biggest drag, while the "
        "domestically focused FTSE 250 index slipped 0.2 per cent.",
        [
            Q("0.4 per cent", "percent", 0.4, "%", role="by", direction="down"),
            Q("0.2 per cent", "percent", 0.2, "%", role="by", direction="down"),
        ],
    ),
    (
        "sp500-eleven-sectors",
        "The S&P 500 gained 1.1%, the Nasdaq Composite added 1.5% and the Dow Jones Industrial Average "
        "rose 0.6%, with all 11 major S&P sectors trading higher.",
        [
            Q("1.1%", "percent", 1.1, "%", role="by", direction="up"),
            Q("1.5%", "percent", 1.5, "%", role="by", direction="up"),
            Q("0.6%", "percent", 0.6, "%", role="by", direction="up"),
            Q("11 major S&P sectors", "count", 11.0, "sector"),
        ],
    ),
    (
        "hk-shares-as-much-as",
        "Shares of the developer fell as much as 18% in morning trade, wiping about HK$12 billion off "
        "its market value.",
        [
            Q("18%", "percent", 18.0, "%", "up_to", role="by", direction="down"),
            Q("HK$12 billion", "money", 12e9, "HKD", "approx", role="by", direction="down"),
        ],
    ),
    (
        "age-years-no-claims",
        "Li Ka-shing, 95, stepped down as chairman in 2018 after more than 60 years at the helm of the "
        "conglomerate he founded in 1950.",
        [],
    ),
    (
        "phone-numbers-no-claims",
        "Shareholders with questions may call the information agent toll-free at 1-877-456-3402 or, "
        "from outside the United States, on +44 20 7946 0958.",
        [],
    ),
    (
        "thirty-pct-club-name",
        "Backed by the 30% Club campaign, women now hold 40.1 per cent of FTSE 350 board seats, up from "
        "12.5 per cent in 2011.",
        [
            Q("40.1 per cent", "percent", 40.1, "%", role="to", direction="up"),
            Q("12.5 per cent", "percent", 12.5, "%", role="from", direction="up"),
        ],
    ),
    (
        "ninety-nine-cents-name",
        "99 Cents Only Stores, which operates 371 locations across four states, said it would wind "
        "down its business after failing to find a buyer.",
        [Q("371 locations", "count", 371.0, "location")],
    ),
    (
        "fifth-third-tier-1",
        "Fifth Third Bancorp said it would repurchase $100 million of stock in the quarter and set a "
        "target of 10.5% for its common equity tier 1 ratio.",
        [Q("$100 million", "money", 1e8, "USD"), Q("10.5%", "percent", 10.5, "%")],
    ),
    (
        "3m-at-least-over-years",
        "3M agreed to pay at least $10.3 billion over 13 years to settle claims that it contaminated "
        "U.S. public drinking water systems with so-called forever chemicals.",
        [Q("$10.3 billion", "money", 10.3e9, "USD", "at_least")],
    ),
    (
        "5g-coverage",
        "The operator's 5G network now covers 98 per cent of the population, and it added 1.2 million "
        "mobile subscribers in the quarter.",
        [
            Q("98 per cent", "percent", 98.0, "%"),
            Q("1.2 million mobile subscribers", "count", 1.2e6, "subscriber", role="by", direction="up"),
        ],
    ),
    (
        "scope-3-over",
        "Scope 3 emissions, which make up over 90% of the group's carbon footprint, fell 4% last year.",
        [Q("90%", "percent", 90.0, "%", "more_than"), Q("4%", "percent", 4.0, "%", role="by", direction="down")],
    ),
    (
        "one-fifth-days-past-due",
        "One-fifth of the bank's loan book is exposed to commercial real estate, and about 4% of those "
        "loans are more than 90 days past due.",
        [Q("One-fifth", "percent", 20.0, "%"), Q("4%", "percent", 4.0, "%", "approx")],
    ),
]
