"""Sentence-level test cases for the quantity recognizer (pure data).

Each case is ``(id, sentence, expected)``: the recognizer gets the one sentence
and must return every claim (money, percent, count) in text order.
Expected rows were written by hand from ``shared/CLAIMS.md`` and
``corpus/gold/GUIDE.md``, never from pipeline output:

- ``mention`` is an exact substring of the sentence, without qualifier words
  (about, more than, only, just ...); for counts it includes the counted noun
  and any words between number and noun (``2.3 million local jobs``).
- money ``value`` is in whole currency units, percent in percent points,
  ``pp`` / ``bp`` values are the number of points.
- a range is one claim: ``value == value_low``; a stated change gives a
  ``from`` and a ``to`` claim; a lone end value after a change verb is ``to``.
"""

from typing import NamedTuple


class Q(NamedTuple):
    mention: str  # exact substring of the sentence, qualifier words excluded
    kind: str  # money | percent | count
    value: float
    unit: str | None  # ISO 4217, '%', 'pp', 'bp', or the counted noun lemma (singular)
    qualifier: str = "exact"
    value_low: float | None = None
    value_high: float | None = None
    role: str | None = None
    direction: str | None = None  # up | down, for a claim with a role


# (id, sentence, [expected claims in text order]) ; ids are short slugs, unique
CASES: list[tuple[str, str, list[Q]]] = [
    # ------------------------------------------------------------------
    # Currency symbols / words before or after the number, with or without space
    # ------------------------------------------------------------------
    ("usd-space-billion", "The deficit was $ 68.9 billion in 2016.", [Q("$ 68.9 billion", "money", 68.9e9, "USD")]),
    (
        "usd-nospace-billion",
        "The U.S. trade deficit with Japan stood at $68.9 billion last year, the Commerce Department said.",
        [Q("$68.9 billion", "money", 68.9e9, "USD")],
    ),
    (
        "usd-us-prefix-m",
        "The Singapore-based startup raised US$5m in a funding round led by Sequoia Capital India.",
        [Q("US$5m", "money", 5e6, "USD")],
    ),
    (
        "jpy-symbol-trillion-conversion",
        "Still, Japan's trade surplus with the US last year stood at ¥8.6 trillion ($59.4 billion), "
        "the fifth largest on record.",
        [Q("¥8.6 trillion", "money", 8.6e12, "JPY"), Q("$59.4 billion", "money", 59.4e9, "USD")],
    ),
    (
        "jpy-word-after-conversion",
        "Priced from around 1.1 million yen , or about $ 9,800 , these cars have engines most "
        "Americans would consider inadequate for a motorcycle.",
        [Q("1.1 million yen", "money", 1.1e6, "JPY", "approx"), Q("$ 9,800", "money", 9800.0, "USD", "approx")],
    ),
    (
        "eur-symbol-bn",
        "Siemens said it would spend €3bn on new factories in Europe over the coming years.",
        [Q("€3bn", "money", 3e9, "EUR")],
    ),
    (
        "gbp-symbol-m-pair",
        "The retailer reported a pre-tax loss of £600m for the year to February, compared with a "
        "profit of £112m a year earlier.",
        [Q("£600m", "money", 600e6, "GBP"), Q("£112m", "money", 112e6, "GBP")],
    ),
    (
        "eur-word-after",
        "Italy's government has set aside 3 billion euros to help households cope with soaring energy bills.",
        [Q("3 billion euros", "money", 3e9, "EUR")],
    ),
    (
        "usd-word-dollars",
        "The driver was fined 500 dollars by a Manhattan court for obstructing traffic.",
        [Q("500 dollars", "money", 500.0, "USD")],
    ),
    (
        "cad-prefix",
        "Cenovus Energy set its capital budget for the year at C$2.5 billion, the company said on Thursday.",
        [Q("C$2.5 billion", "money", 2.5e9, "CAD")],
    ),
    (
        "hkd-prefix",
        "The developer sold the office tower in Central for HK$4.2 billion, according to a stock exchange filing.",
        [Q("HK$4.2 billion", "money", 4.2e9, "HKD")],
    ),
    (
        "aud-prefix",
        "Wesfarmers posted a net profit of A$2.4 billion for the year to June 30, beating analyst forecasts.",
        [Q("A$2.4 billion", "money", 2.4e9, "AUD")],
    ),
    (
        "nzd-prefix-decimal",
        "Fonterra said it expected to pay farmers NZ$8.20 per kilogram of milk solids this season.",
        [Q("NZ$8.20", "money", 8.2, "NZD")],
    ),
    (
        "sgd-prefix",
        "DBS Group reported a record quarterly net profit of S$2.57 billion on Monday.",
        [Q("S$2.57 billion", "money", 2.57e9, "SGD")],
    ),
    (
        "inr-rs-crore",
        "The company plans to invest Rs 40 crore in a new plant in Pune, its managing director said.",
        [Q("Rs 40 crore", "money", 4e8, "INR")],
    ),
    (
        "inr-rs-lakh",
        "The consumer court ordered the developer to pay Rs 5 lakh in compensation to each homebuyer.",
        [Q("Rs 5 lakh", "money", 5e5, "INR")],
    ),
    (
        "inr-rs-dot-crore",
        "The state government has sanctioned Rs. 2,500 crore for the second phase of the metro project.",
        [Q("Rs. 2,500 crore", "money", 2.5e10, "INR")],
    ),
    (
        "inr-rupee-sign-crore",
        "Reliance Industries said it would invest ₹75,000 crore in new energy businesses over three years.",
        [Q("₹75,000 crore", "money", 7.5e11, "INR")],
    ),
    (
        "gbp-pence",
        "The board proposed a final dividend of 20 pence per share, payable in May.",
        [Q("20 pence", "money", 0.2, "GBP")],
    ),
    (
        "gbp-p-suffix",
        "Shares in Lloyds Banking Group closed at 45.2p in London on Friday.",
        [Q("45.2p", "money", 0.452, "GBP")],
    ),
    (
        "usd-cents-word",
        "Gasoline prices have climbed 50 cents a gallon since January, according to the motor club AAA.",
        [Q("50 cents", "money", 0.5, "USD", role="by", direction="up")],
    ),
    (
        "cny-yuan",
        "China's central bank injected 200 billion yuan into the banking system through reverse "
        "repurchase agreements on Tuesday.",
        [Q("200 billion yuan", "money", 200e9, "CNY")],
    ),
    (
        "inr-rupees-word",
        "Farmers will receive 6,000 rupees a year under the income support scheme, the finance minister said.",
        [Q("6,000 rupees", "money", 6000.0, "INR")],
    ),
    (
        "chf-swiss-francs",
        "UBS will pay 1.8 billion Swiss francs to settle the claims, the bank said in a statement.",
        [Q("1.8 billion Swiss francs", "money", 1.8e9, "CHF")],
    ),
    (
        "krw-won",
        "Samsung Electronics plans to invest 133 trillion won in its non-memory chip business by 2030.",
        [Q("133 trillion won", "money", 133e12, "KRW")],
    ),
    (
        "usd-us-dollars-words",
        "Bilateral trade between China and the United States totalled 670 billion U.S. dollars last "
        "year, Xinhua reported.",
        [Q("670 billion U.S. dollars", "money", 670e9, "USD")],
    ),
    (
        "gbp-pounds-word",
        "The government will spend 2 billion pounds on new rail links in the north of England.",
        [Q("2 billion pounds", "money", 2e9, "GBP")],
    ),
    (
        "rub-roubles",
        "Russia's finance ministry sold 25 billion roubles of bonds at an auction on Wednesday.",
        [Q("25 billion roubles", "money", 25e9, "RUB")],
    ),
    (
        "brl-prefix-space",
        "Petrobras reported quarterly net income of R$ 38.2 billion, above market expectations.",
        [Q("R$ 38.2 billion", "money", 38.2e9, "BRL")],
    ),
    (
        "usd-iso-prefix",
        "The Mumbai-based lender raised USD 750 million through an overseas bond issue on Tuesday.",
        [Q("USD 750 million", "money", 750e6, "USD")],
    ),
    (
        "mxn-mexican-pesos",
        "Mexico's central bank said the program would cost 10 billion Mexican pesos.",
        [Q("10 billion Mexican pesos", "money", 10e9, "MXN")],
    ),
    # ------------------------------------------------------------------
    # Wire abbreviations (Reuters style: mln, bln, dlrs, pct, cts, stg, Y)
    # ------------------------------------------------------------------
    (
        "wire-mln-dlrs",
        "Allied-Signal Inc said it sold its stake in the venture for 15 mln dlrs in cash.",
        [Q("15 mln dlrs", "money", 15e6, "USD")],
    ),
    (
        "wire-billion-dlrs",
        "The Federal Reserve added 1.5 billion dlrs of temporary reserves to the banking system "
        "through customer repurchase agreements.",
        [Q("1.5 billion dlrs", "money", 1.5e9, "USD")],
    ),
    (
        "wire-bln-yen",
        "Sumitomo Bank Ltd said it would raise 2.3 bln yen through a rights issue.",
        [Q("2.3 bln yen", "money", 2.3e9, "JPY")],
    ),
    (
        "wire-pct",
        "West German industrial output fell 5 pct in January, the Economics Ministry said.",
        [Q("5 pct", "percent", 5.0, "%", role="by", direction="down")],
    ),
    (
        "wire-pct-point",
        "The U.S. unemployment rate fell 0.5 pct point in February, the Labor Department said.",
        [Q("0.5 pct point", "percent", 0.5, "pp", role="by", direction="down")],
    ),
    (
        "wire-net-and-cts",
        "Texaco Inc reported first quarter net income of 87 mln dlrs, or 36 cts a share.",
        [Q("87 mln dlrs", "money", 87e6, "USD"), Q("36 cts", "money", 0.36, "USD")],
    ),
    (
        "wire-cts-dividend",
        "The company declared a quarterly dividend of 12 cts a share, payable April 15 to holders of record March 31.",
        [Q("12 cts", "money", 0.12, "USD")],
    ),
    (
        "wire-y-prefix-yen",
        "The Bank of Japan bought Y500 mln of government bonds in its regular money market operation, dealers said.",
        [Q("Y500 mln", "money", 500e6, "JPY")],
    ),
    (
        "wire-rose-pct-to-dlrs",
        "Net profit rose 5 pct to 120 mln dlrs, the company said.",
        [
            Q("5 pct", "percent", 5.0, "%", role="by", direction="up"),
            Q("120 mln dlrs", "money", 120e6, "USD", role="to", direction="up"),
        ],
    ),
    (
        "wire-billion-stg",
        "Britain's current account showed a deficit of 1.2 billion stg in the fourth quarter, the "
        "Central Statistical Office said.",
        [Q("1.2 billion stg", "money", 1.2e9, "GBP")],
    ),
    (
        "wire-mln-stg",
        "The Bank of England provided the money market with 850 mln stg assistance in the afternoon.",
        [Q("850 mln stg", "money", 850e6, "GBP")],
    ),
    (
        "wire-pct-annual-rate",
        "The Bundesbank said M3 money supply grew at an annual rate of 7.5 pct in March.",
        [Q("7.5 pct", "percent", 7.5, "%", role="by", direction="up")],
    ),
    (
        "wire-marks-and-pct",
        "The Bundesbank allotted 4.5 billion marks in the securities repurchase pact at a fixed rate of 3.80 pct.",
        [Q("4.5 billion marks", "money", 4.5e9, "DEM"), Q("3.80 pct", "percent", 3.8, "%")],
    ),
    (
        "wire-french-francs-to",
        "Moet-Hennessy said 1986 consolidated net profit rose 11.5 pct to 1.45 billion French francs.",
        [
            Q("11.5 pct", "percent", 11.5, "%", role="by", direction="up"),
            Q("1.45 billion French francs", "money", 1.45e9, "FRF", role="to", direction="up"),
        ],
    ),
    (
        "wire-mln-swiss-francs",
        "Nestle SA said it would issue 200 mln Swiss francs of bonds with a five-year maturity.",
        [Q("200 mln Swiss francs", "money", 200e6, "CHF")],
    ),
    (
        "wire-canadian-dlrs",
        "Noranda Inc said it would sell 150 mln Canadian dlrs of preferred shares to a group of underwriters.",
        [Q("150 mln Canadian dlrs", "money", 150e6, "CAD")],
    ),
    (
        "wire-australian-dlrs",
        "Australia's current account deficit narrowed in February to 600 mln Australian dlrs, the "
        "Bureau of Statistics said.",
        [Q("600 mln Australian dlrs", "money", 600e6, "AUD", role="to", direction="down")],
    ),
    (
        "wire-mln-shares-up-to",
        "The company said it would buy back up to 3.5 mln common shares in the open market.",
        [Q("3.5 mln common shares", "count", 3.5e6, "share", "up_to")],
    ),
    (
        "wire-two-pcts",
        "U.S. industrial production rose 0.3 pct in February after falling 0.2 pct in January.",
        [
            Q("0.3 pct", "percent", 0.3, "%", role="by", direction="up"),
            Q("0.2 pct", "percent", 0.2, "%", role="by", direction="down"),
        ],
    ),
    (
        "wire-bln-dlrs-notes",
        "The Treasury said it would auction 9.75 bln dlrs of two-year notes next Wednesday.",
        [Q("9.75 bln dlrs", "money", 9.75e9, "USD")],
    ),
    (
        "wire-pct-to-vehicles",
        "Chrysler Corp said February U.S. car sales rose 12.6 pct to 111,000 vehicles.",
        [
            Q("12.6 pct", "percent", 12.6, "%", role="by", direction="up"),
            Q("111,000 vehicles", "count", 111000.0, "vehicle", role="to", direction="up"),
        ],
    ),
    (
        "wire-half-pct-point-to",
        "The Fed lowered the discount rate by half a pct point to 5.5 pct.",
        [
            Q("half a pct point", "percent", 0.5, "pp", role="by", direction="down"),
            Q("5.5 pct", "percent", 5.5, "%", role="to", direction="down"),
        ],
    ),
    (
        "wire-revenue-up-pct",
        "The company's revenues were 2.4 billion dlrs, up 3.1 pct from a year earlier.",
        [
            Q(
                "2.4 billion dlrs", "money", 2.4e9, "USD", role="to", direction="up"
            ),  # the end of the change stated after it
            Q("3.1 pct", "percent", 3.1, "%", role="by", direction="up"),
        ],
    ),
    (
        "wire-pct-to-from",
        "The jobless rate fell to 6.6 pct in March from 6.7 pct in February, the Labor Department said.",
        [
            Q("6.6 pct", "percent", 6.6, "%", role="to", direction="down"),
            Q("6.7 pct", "percent", 6.7, "%", role="from", direction="down"),
        ],
    ),
    (
        "wire-y-billion-yen-article",
        "Nippon Steel Corp said it expected a pretax loss of Y35 billion in the year to March, "
        "against a profit of 12.4 billion yen a year earlier.",
        [Q("Y35 billion", "money", 35e9, "JPY"), Q("12.4 billion yen", "money", 12.4e9, "JPY")],
    ),
    # ------------------------------------------------------------------
    # Scale words and suffixes, commas, decimals
    # ------------------------------------------------------------------
    (
        "scale-thousand-words",
        "The parish council received a grant of 50 thousand pounds to repair the village hall roof.",
        [Q("50 thousand pounds", "money", 50e3, "GBP")],
    ),
    (
        "scale-million",
        "The city council approved a $4.5 million budget for road repairs on Tuesday.",
        [Q("$4.5 million", "money", 4.5e6, "USD")],
    ),
    (
        "scale-billion",
        "Apple returned $27 billion to shareholders in the quarter through dividends and buybacks.",
        [Q("$27 billion", "money", 27e9, "USD")],
    ),
    (
        "scale-trillion",
        "The U.S. federal debt stands at $31.4 trillion, according to Treasury Department data.",
        [Q("$31.4 trillion", "money", 31.4e12, "USD")],
    ),
    (
        "scale-k-suffix",
        "The startup offers junior engineers salaries of around $50k a year plus equity.",
        [Q("$50k", "money", 50e3, "USD", "approx")],
    ),
    (
        "scale-m-suffix",
        "Tesco is investing £200m to cut prices on hundreds of everyday items.",
        [Q("£200m", "money", 200e6, "GBP")],
    ),
    (
        "scale-mn-suffix",
        "The Bengaluru-based fintech firm raised $25 mn in a Series B round led by Tiger Global.",
        [Q("$25 mn", "money", 25e6, "USD")],
    ),
    (
        "scale-mln-count",
        "The brokerage sold 1.25 mln shares of the company on behalf of clients on Monday.",
        [Q("1.25 mln shares", "count", 1.25e6, "share")],
    ),
    (
        "scale-bn-suffix",
        "Reliance Jio raised $5.7bn from Facebook in exchange for a minority stake.",
        [Q("$5.7bn", "money", 5.7e9, "USD")],
    ),
    (
        "scale-bln-rupees",
        "The Reserve Bank of India will sell 10 bln rupees of treasury bills at Wednesday's auction.",
        [Q("10 bln rupees", "money", 10e9, "INR")],
    ),
    (
        "scale-tn-suffix",
        "India aims to become a $5 tn economy by 2025, the prime minister said.",
        [Q("$5 tn", "money", 5e12, "USD")],
    ),
    (
        "scale-crore-count",
        "The housing scheme has covered 1.5 crore households so far, the ministry said.",
        [Q("1.5 crore households", "count", 1.5e7, "household")],
    ),
    (
        "scale-lakh-count",
        "Maruti Suzuki sold 1.6 lakh cars in the domestic market in November.",
        [Q("1.6 lakh cars", "count", 1.6e5, "car")],
    ),
    (
        "scale-lakh-crore",
        "The government has budgeted Rs 1.5 lakh crore for capital expenditure on the railways.",
        [Q("Rs 1.5 lakh crore", "money", 1.5e12, "INR")],
    ),
    (
        "scale-commas-millions",
        "The company said 1,234,567 shares were tendered by the deadline.",
        [Q("1,234,567 shares", "count", 1234567.0, "share")],
    ),
    ("scale-decimal-price", "Brent crude settled at $84.32 a barrel on Friday.", [Q("$84.32", "money", 84.32, "USD")]),
    (
        "scale-commas-money",
        "The average price of a home in London is £523,000, according to the Office for National Statistics.",
        [Q("£523,000", "money", 523000.0, "GBP")],
    ),
    (
        "scale-decimal-bn",
        "The bank raised $1.25bn through a sale of subordinated bonds.",
        [Q("$1.25bn", "money", 1.25e9, "USD")],
    ),
    (
        "scale-tn-approx",
        "Microsoft's market value is about $2.1tn after the latest rally.",
        [Q("$2.1tn", "money", 2.1e12, "USD", "approx")],
    ),
    (
        "scale-bare-million-euros",
        "The footballer's release clause was set at 700 million euros.",
        [Q("700 million euros", "money", 700e6, "EUR")],
    ),
    # ------------------------------------------------------------------
    # Percent forms: %, percent, per cent, pct, percentage points, basis points
    # ------------------------------------------------------------------
    (
        "pct-sign-only",
        "Foreign-branded cars accounted for only 7% of new car sales in Japan last year.",
        [Q("7%", "percent", 7.0, "%")],
    ),
    (
        "pct-percent-more-than",
        "Japan's automakers have more than 90 percent of the Japanese market.",
        [Q("90 percent", "percent", 90.0, "%", "more_than")],
    ),
    (
        "pct-per-cent-roughly",
        "Roughly 82 per cent of the gap was due to cars and car parts.",
        [Q("82 per cent", "percent", 82.0, "%", "approx")],
    ),
    (
        "pct-pct-wire",
        "Japanese exports rose 4.2 pct in March from a year earlier, the Finance Ministry said.",
        [Q("4.2 pct", "percent", 4.2, "%", role="by", direction="up")],
    ),
    (
        "pct-points-and-to",
        "The jobless rate rose 0.3 percentage points to 5.2 per cent in the three months to June.",
        [
            Q("0.3 percentage points", "percent", 0.3, "pp", role="by", direction="up"),
            Q("5.2 per cent", "percent", 5.2, "%", role="to", direction="up"),
        ],
    ),
    (
        "pct-a-percentage-point",
        "The central bank cut its benchmark rate by a percentage point on Wednesday.",
        [Q("a percentage point", "percent", 1.0, "pp", role="by", direction="down")],
    ),
    (
        "pct-basis-points-to",
        "The Reserve Bank of India raised the repo rate by 50 basis points to 5.9 per cent.",
        [
            Q("50 basis points", "percent", 50.0, "bp", role="by", direction="up"),
            Q("5.9 per cent", "percent", 5.9, "%", role="to", direction="up"),
        ],
    ),
    (
        "pct-bps",
        "Analysts expect the Fed to raise rates by 50 bps at its next meeting.",
        [Q("50 bps", "percent", 50.0, "bp", role="by", direction="up")],
    ),
    (
        "pct-bp-nospace",
        "Thirty-year gilt yields jumped 25bp after the chancellor's statement.",
        [Q("25bp", "percent", 25.0, "bp", role="by", direction="up")],
    ),
    (
        "pct-sign-space",
        "consumer price inflation was 6.2 % in october , the statistics office said .",
        [Q("6.2 %", "percent", 6.2, "%")],
    ),
    (
        "pct-points-narrowed",
        "Labour's lead over the Conservatives narrowed by 1.5 percentage points, the poll showed.",
        [Q("1.5 percentage points", "percent", 1.5, "pp", role="by", direction="down")],
    ),
    (
        "pct-per-cent-tariff",
        "Akazawa said the country can't accept the US's 25 per cent tariffs on cars.",
        [Q("25 per cent", "percent", 25.0, "%")],
    ),
    (
        "pct-percent-decimal",
        "The yield on the benchmark note stood at 4.25 percent in late trading.",
        [Q("4.25 percent", "percent", 4.25, "%")],
    ),
    (
        "pct-hundred-percent",
        "Trump threatened a 100 percent tariff on foreign-made films.",
        [Q("100 percent", "percent", 100.0, "%")],
    ),
    (
        "pct-small-decimal",
        "Japan's core consumer prices rose 0.1 pct in the year to June.",
        [Q("0.1 pct", "percent", 0.1, "%", role="by", direction="up")],
    ),
    (
        "pct-two-signs",
        "Labour won 34% of the vote, while the Conservatives took 24%.",
        [Q("34%", "percent", 34.0, "%"), Q("24%", "percent", 24.0, "%")],
    ),
    (
        "pct-per-cent-indian",
        "India's GDP grew 7.8 per cent in the April-June quarter, official data showed.",
        [Q("7.8 per cent", "percent", 7.8, "%", role="by", direction="up")],
    ),
    (
        "pct-basis-point-singular",
        "The 10-year Treasury yield fell 1 basis point to 4.1%.",
        [
            Q("1 basis point", "percent", 1.0, "bp", role="by", direction="down"),
            Q("4.1%", "percent", 4.1, "%", role="to", direction="down"),
        ],
    ),
    (
        "pct-bps-space",
        "HDFC Bank cut its lending rates by 10 bps across all tenures.",
        [Q("10 bps", "percent", 10.0, "bp", role="by", direction="down")],
    ),
    (
        "pct-points-fell",
        "Support for leaving the European Union fell by 4 percentage points in the latest survey.",
        [Q("4 percentage points", "percent", 4.0, "pp", role="by", direction="down")],
    ),
    (
        "pct-fy-not-range",
        "The fiscal deficit target for 2024-25 is 5.1 per cent of GDP.",
        [Q("5.1 per cent", "percent", 5.1, "%")],
    ),
    (
        "pct-index-name-and-changes",
        "The S&P 500 rose 1.2% and the Nasdaq gained 0.8% on Tuesday.",
        [
            Q("1.2%", "percent", 1.2, "%", role="by", direction="up"),
            Q("0.8%", "percent", 0.8, "%", role="by", direction="up"),
        ],
    ),
    # ------------------------------------------------------------------
    # Numbers in words, fractions and proportions
    # ------------------------------------------------------------------
    (
        "words-three-million-jobs",
        "The president promised to create three million jobs in manufacturing.",
        [Q("three million jobs", "count", 3e6, "job")],
    ),
    (
        "words-twelve-percent",
        "Twelve percent of respondents said they planned to buy a car this year.",
        [Q("Twelve percent", "percent", 12.0, "%")],
    ),
    (
        "words-a-quarter-of",
        "A quarter of the company's revenue comes from China.",
        [Q("A quarter", "percent", 25.0, "%")],
    ),
    (
        "words-half-of-votes",
        "The ruling party won half of the votes cast in Sunday's election.",
        [Q("half", "percent", 50.0, "%")],
    ),
    (
        "words-one-third",
        "One-third of the workforce will be cut by 2025, the company said.",
        [Q("One-third", "percent", 33.333333333333336, "%", role="by", direction="down")],
    ),
    (
        "words-three-fourths-approx",
        "Of that, about three-fourths were Jeep SUVs made by Fiat Chrysler Automobiles.",
        [Q("three-fourths", "percent", 75.0, "%", "approx")],
    ),
    (
        "words-three-quarters",
        "Three-quarters of British households own at least one car.",
        [Q("Three-quarters", "percent", 75.0, "%")],
    ),
    (
        "words-two-thirds",
        "The bill needs the support of two-thirds of the Senate to override a veto.",
        [Q("two-thirds", "percent", 66.66666666666667, "%")],
    ),
    (
        "words-third-of-one-percent",
        "U.S.-made cars account for a third of 1% of the Japanese market.",
        [Q("a third of 1%", "percent", 0.3333333333333333, "%")],
    ),
    (
        "words-more-than-a-third",
        "Many Japanese consumers favor tiny domestically-made vehicles, called kei cars, which make up "
        "more than a third of the market.",
        [Q("a third", "percent", 33.333333333333336, "%", "more_than")],
    ),
    (
        "words-two-billion-dollars",
        "The company agreed to pay two billion dollars to settle the lawsuit.",
        [Q("two billion dollars", "money", 2e9, "USD")],
    ),
    (
        "words-ten-per-cent",
        "Ministers are considering a ten per cent cut in the defence budget.",
        [Q("ten per cent", "percent", 10.0, "%", role="by", direction="down")],
    ),
    (
        "words-half-percentage-point",
        "The Bank of England raised interest rates by half a percentage point on Thursday.",
        [Q("half a percentage point", "percent", 0.5, "pp", role="by", direction="up")],
    ),
    (
        "words-quarter-percentage-point",
        "The Fed raised its policy rate by a quarter of a percentage point.",
        [Q("a quarter of a percentage point", "percent", 0.25, "pp", role="by", direction="up")],
    ),
    (
        "words-a-million-vehicles",
        "The plant will be able to build a million vehicles a year when it is completed.",
        [Q("a million vehicles", "count", 1e6, "vehicle")],
    ),
    (
        "words-a-fifth",
        "Chinese buyers accounted for a fifth of the luxury group's sales.",
        [Q("a fifth", "percent", 20.0, "%")],
    ),
    (
        "words-nearly-forty-per-cent",
        "Nearly forty per cent of voters remain undecided, the poll found.",
        [Q("forty per cent", "percent", 40.0, "%", "nearly")],
    ),
    (
        "words-a-billion-dollars",
        "Amazon will spend a billion dollars on training its workers.",
        [Q("a billion dollars", "money", 1e9, "USD")],
    ),
    (
        "words-three-quarters-point",
        "The Fed raised rates by three-quarters of a percentage point for the third time.",
        [Q("three-quarters of a percentage point", "percent", 0.75, "pp", role="by", direction="up")],
    ),
    (
        "mixed-fraction-with-a-space-ap",  # AP and NYT copy write mixed numbers with a space
        "The prime rate rose to 8 1/2 percent from 8 1/4 percent.",
        [
            Q("8 1/2 percent", "percent", 8.5, "%", role="to", direction="up"),
            Q("8 1/4 percent", "percent", 8.25, "%", role="from", direction="up"),
        ],
    ),
    (
        "a-one-pct-stake-is-one-percent",  # reuters_15298
        "It will include a one pct participation in the net appreciation of the property.",
        [Q("one pct", "percent", 1.0, "%")],
    ),
    (
        "a-tenth-of-a-percent",
        "Prices climbed a tenth of a percent in May.",
        [Q("a tenth of a percent", "percent", 0.1, "%", role="by", direction="up")],
    ),
    (
        "half-a-percent",
        "Rates rose half a percent.",
        [Q("half a percent", "percent", 0.5, "%", role="by", direction="up")],
    ),
    # ------------------------------------------------------------------
    # Qualifiers (mention excludes the qualifier words)
    # ------------------------------------------------------------------
    (
        "qual-about",
        "About 13,000 vehicles from U.S. automakers were sold in Japan in 2016.",
        [Q("13,000 vehicles", "count", 13000.0, "vehicle", "approx")],
    ),
    (
        "qual-only-about",
        "only about 13,000 vehicles from u.s. automakers sold in japan in both 2016 and 2015 .",
        [Q("13,000 vehicles", "count", 13000.0, "vehicle", "approx")],
    ),
    (
        "qual-around",
        "The stake is worth around $1.2 billion at current market prices.",
        [Q("$1.2 billion", "money", 1.2e9, "USD", "approx")],
    ),
    (
        "qual-roughly",
        "Japanese automakers make roughly 3.3 million cars in the US a year, Akazawa told reporters.",
        [Q("3.3 million cars", "count", 3.3e6, "car", "approx")],
    ),
    (
        "qual-some",
        "the u.s. trade deficit with japan in 2016 was $ 68.9 billion , and of that total surplus , "
        "some $ 52.6 billion was in vehicles and automotive parts .",
        [Q("$ 68.9 billion", "money", 68.9e9, "USD"), Q("$ 52.6 billion", "money", 52.6e9, "USD", "approx")],
    ),
    (
        "qual-an-estimated",
        "The strike has cost the economy an estimated £1.5bn, according to the CBI.",
        [Q("£1.5bn", "money", 1.5e9, "GBP", "approx")],
    ),
    (
        "qual-approximately",
        "The plant in Kentucky has approximately 2,800 workers.",
        [Q("2,800 workers", "count", 2800.0, "worker", "approx")],
    ),
    (
        "count-compound-noun-hyphenated",
        "Security firms said they saw 18 million phishing e-mail messages in June.",
        [Q("18 million phishing e-mail messages", "count", 18e6, "message")],
    ),
    (
        "count-trade-unit-before-the-commodity",
        "Exports were put at 12 mln tonnes coarse grains.",
        [Q("12 mln tonnes", "count", 12e6, "tonne")],
    ),
    (
        "count-compound-noun-with-modifier",
        "Two million phishing related e-mail messages were sent.",
        [Q("Two million phishing related e-mail messages", "count", 2e6, "message")],
    ),
    (
        "qual-nearly",
        "Trump's tariffs are seen raising US car prices by nearly $2,000 per vehicle.",
        [Q("$2,000", "money", 2000.0, "USD", "nearly", role="by", direction="up")],
    ),
    (
        "qual-almost",
        "Almost 40% of the country's exports go to the European Union.",
        [Q("40%", "percent", 40.0, "%", "nearly")],
    ),
    (
        "qual-close-to",
        "The fund manager oversees close to $900 billion in assets.",
        [Q("$900 billion", "money", 900e9, "USD", "nearly")],
    ),
    (
        "qual-more-than-and-exact",
        "The companies have invested more than $60 billion in the US and created 2.3 million local jobs, Akazawa said.",
        [Q("$60 billion", "money", 60e9, "USD", "more_than"), Q("2.3 million local jobs", "count", 2.3e6, "job")],
    ),
    (
        "qual-over",
        "Over 5,000 employees will be offered voluntary redundancy, the bank said.",
        [Q("5,000 employees", "count", 5000.0, "employee", "more_than")],
    ),
    (
        "qual-above",
        "Inflation has stayed above 2 per cent for three years.",
        [Q("2 per cent", "percent", 2.0, "%", "more_than")],
    ),
    (
        "qual-at-least",
        "At least 1,200 stores will close by the end of the year, the retailer said.",
        [Q("1,200 stores", "count", 1200.0, "store", "at_least")],
    ),
    (
        "qual-less-than",
        "The party won less than 5% of the vote in the general election.",
        [Q("5%", "percent", 5.0, "%", "less_than")],
    ),
    (
        "qual-under",
        "The startup was valued at under $1 billion in its last funding round.",
        [Q("$1 billion", "money", 1e9, "USD", "less_than")],
    ),
    (
        "qual-below",
        "Unemployment remains below 4 percent, the Labor Department said.",
        [Q("4 percent", "percent", 4.0, "%", "less_than")],
    ),
    (
        "qual-fewer-than",
        "Fewer than 500 jobs will be affected by the restructuring, the company said.",
        [Q("500 jobs", "count", 500.0, "job", "less_than")],
    ),
    (
        "qual-up-to",
        "The company will cut up to 5,000 jobs worldwide as part of a cost-saving drive.",
        [Q("5,000 jobs", "count", 5000.0, "job", "up_to", role="by", direction="down")],
    ),
    (
        "qual-as-much-as",
        "The merger could generate as much as $2 billion in annual cost savings.",
        [Q("$2 billion", "money", 2e9, "USD", "up_to")],
    ),
    ("qual-only", "Ford sold only 2,400 vehicles in Japan in 2016.", [Q("2,400 vehicles", "count", 2400.0, "vehicle")]),
    (
        "qual-just",
        "Ford Motor Co said last month it was pulling out of the Japanese market entirely, after "
        "selling just 2,400 vehicles there in 2016.",
        [Q("2,400 vehicles", "count", 2400.0, "vehicle")],
    ),
    (
        "qual-some-count",
        "Some 300 workers staged a walkout at the plant on Monday.",
        [Q("300 workers", "count", 300.0, "worker", "approx")],
    ),
    (
        "qual-over-vs-duration",
        "The group has spent over $50 billion on acquisitions over the past 10 years.",
        [Q("$50 billion", "money", 50e9, "USD", "more_than")],
    ),
    # ------------------------------------------------------------------
    # Ranges (one claim) and changes (from / to)
    # ------------------------------------------------------------------
    (
        "range-between-and-money",
        "The sale could fetch between $3 and $5 billion, people familiar with the matter said.",
        [Q("$3 and $5 billion", "money", 3e9, "USD", value_low=3e9, value_high=5e9)],
    ),
    (
        "range-hyphen-money",
        "Analysts value the payments unit at $3-5 billion.",
        [Q("$3-5 billion", "money", 3e9, "USD", value_low=3e9, value_high=5e9)],
    ),
    (
        "range-pct-to-pct",
        "The central bank expects the economy to grow 3% to 5% next year.",
        [Q("3% to 5%", "percent", 3.0, "%", value_low=3.0, value_high=5.0, role="by", direction="up")],
    ),
    (
        "range-unit-once-after-a-change-word",  # a spread whose unit comes once
        "Estimates were down 43.9 to 48.8 pct.",
        [Q("43.9 to 48.8 pct", "percent", 43.9, "%", value_low=43.9, value_high=48.8, role="by", direction="down")],
    ),
    (
        "range-ends-alike-after-a-change-word",  # reuters_15924
        "It will raise contract prices for heavy fuel 50 cts to one dlr a barrel, effective tomorrow.",
        [Q("50 cts to one dlr", "money", 0.5, "USD", value_low=0.5, value_high=1.0)],
    ),
    (
        "change-by-to-each-with-its-unit",  # two amounts far apart after a change word: size and end
        "Deposits at the bank fell 45 mln dlrs to 812 mln dlrs.",
        [
            Q("45 mln dlrs", "money", 45e6, "USD", role="by", direction="down"),
            Q("812 mln dlrs", "money", 812e6, "USD", role="to", direction="down"),
        ],
    ),
    (
        "change-by-cts-to-dlrs",
        "The price of Brent crude rose 22 cts to 17.85 dlrs.",
        [
            Q("22 cts", "money", 0.22, "USD", role="by", direction="up"),
            Q("17.85 dlrs", "money", 17.85, "USD", role="to", direction="up"),
        ],
    ),
    (
        "change-bare-size-before-a-currency-sign",  # AP stock copy
        "Acme shares fell 3 3/4 to $41 1/8 on the New York Stock Exchange.",
        [
            Q("3 3/4", "money", 3.75, "USD", role="by", direction="down"),
            Q("$41 1/8", "money", 41.125, "USD", role="to", direction="down"),
        ],
    ),
    (
        "change-lost-money-to-money",  # money after lose is a loss, unless `to` its end follows
        "US light crude lost more than $2 to $43.25, its lowest close in months.",
        [
            Q("$2", "money", 2.0, "USD", "more_than", role="by", direction="down"),
            Q("$43.25", "money", 43.25, "USD", role="to", direction="down"),
        ],
    ),
    ("gained-money-is-a-profit", "Acme gained $5 million from the sale.", [Q("$5 million", "money", 5e6, "USD")]),
    (
        "change-by-to-dollars-prefixed",
        "Profit rose $1 billion to $5 billion.",
        [
            Q("$1 billion", "money", 1e9, "USD", role="by", direction="up"),
            Q("$5 billion", "money", 5e9, "USD", role="to", direction="up"),
        ],
    ),
    (
        "range-bare-before-a-currency-sign-no-change-word",
        "Prices ranged from 3 to $5 a pound.",
        [Q("3 to $5", "money", 3.0, "USD", value_low=3.0, value_high=5.0)],
    ),
    (
        "change-from-to-per-cent",
        "The former is set to rise from 10 per cent to 24 per cent on July 9 barring a deal.",
        [
            Q("10 per cent", "percent", 10.0, "%", role="from", direction="up"),
            Q("24 per cent", "percent", 24.0, "%", role="to", direction="up"),
        ],
    ),
    (
        "change-from-to-mln",
        "The number of subscribers rose from 1.2 mln to 1.5 mln during the year, the company said.",
        [
            Q("1.2 mln", "count", 1.2e6, "subscriber", role="from", direction="up"),
            Q("1.5 mln", "count", 1.5e6, "subscriber", role="to", direction="up"),
        ],
    ),
    # An end's own words between `from`/`to` and its figure (real wire forms)
    (
        "symbol-then-mark-is-a-level",
        "The renewed popularity has seen sales of his merchandise hit the $50m mark.",
        [Q("$50m", "money", 50e6, "USD")],
    ),
    (
        "change-end-after-participle",
        "The coupon on the convertible has been cut to 7/8 pct from the indicated 1-1/4 pct, lead manager "
        "Swiss Bank Corp said.",
        [
            Q("7/8 pct", "percent", 0.875, "%", role="to", direction="down"),
            Q("1-1/4 pct", "percent", 1.25, "%", role="from", direction="down"),
        ],
    ),
    (
        "change-end-level-noun",
        "The common stock surged from a low of 37 dlrs in February 1986 to 367.50 at close of trading yesterday.",
        [
            Q("37 dlrs", "money", 37.0, "USD", role="from", direction="up"),
            Q("367.50", "money", 367.5, "USD", role="to", direction="up"),
        ],
    ),
    (
        "change-end-record",
        "Sales rose to a record 17.11 billion dlrs from 15.2 billion.",
        [
            Q("17.11 billion dlrs", "money", 17.11e9, "USD", role="to", direction="up"),
            Q("15.2 billion", "money", 15.2e9, "USD", role="from", direction="up"),
        ],
    ),
    (
        "change-end-adjective-carries-unit",
        "The estimate was raised to 15.1 billion yen from a provisional 14.8 billion.",
        [
            Q("15.1 billion yen", "money", 15.1e9, "JPY", role="to", direction="up"),
            Q("14.8 billion", "money", 14.8e9, "JPY", role="from", direction="up"),
        ],
    ),
    (
        "change-end-hyphenated-modifier",
        "Net income fell to 20 mln dlrs from the year-ago 24.2 mln.",
        [
            Q("20 mln dlrs", "money", 20e6, "USD", role="to", direction="down"),
            Q("24.2 mln", "money", 24.2e6, "USD", role="from", direction="down"),
        ],
    ),
    (
        "change-to-end-with-year-not-proportion",
        "Output rose from 5 pct in 1985 to 7 in 1986.",
        [
            Q("5 pct", "percent", 5.0, "%", role="from", direction="up"),
            Q("7", "percent", 7.0, "%", role="to", direction="up"),
        ],
    ),
    (
        "range-hyphen-pct",
        "Most brokerages forecast earnings growth of 3-5% for the sector this year.",
        [Q("3-5%", "percent", 3.0, "%", value_low=3.0, value_high=5.0, role="by", direction="up")],
    ),
    (
        "range-between-count",
        "The carmaker plans to cut between 2,000 and 3,000 jobs in Germany.",
        [
            Q(
                "2,000 and 3,000 jobs",
                "count",
                2000.0,
                "job",
                value_low=2000.0,
                value_high=3000.0,
                role="by",
                direction="down",
            )
        ],
    ),
    (
        "range-basis-points",
        "Economists expect the RBI to raise rates by 25 to 35 basis points in December.",
        [Q("25 to 35 basis points", "percent", 25.0, "bp", value_low=25.0, value_high=35.0, role="by", direction="up")],
    ),
    (
        "range-rs-price-band",
        "The company has fixed a price band of Rs 285-300 per share for its initial public offering.",
        [Q("Rs 285-300", "money", 285.0, "INR", value_low=285.0, value_high=300.0)],
    ),
    (
        "range-euro-bn-both",
        "The privatisation could raise €2bn-€3bn for the government, according to bankers.",
        [Q("€2bn-€3bn", "money", 2e9, "EUR", value_low=2e9, value_high=3e9)],
    ),
    (
        "change-to-then-from",
        "The unemployment rate fell to 4.2% in March from 4.5% in February.",
        [
            Q("4.2%", "percent", 4.2, "%", role="to", direction="down"),
            Q("4.5%", "percent", 4.5, "%", role="from", direction="down"),
        ],
    ),
    (
        "change-forecast-to-from",
        "The IMF raised its growth forecast for Japan to 1.5 percent from 1.2 percent.",
        [
            Q("1.5 percent", "percent", 1.5, "%", role="to", direction="up"),
            Q("1.2 percent", "percent", 1.2, "%", role="from", direction="up"),
        ],
    ),
    (
        "change-from-to-money",
        "Annual revenue increased from $9.5 billion to $12 billion over the period.",
        [
            Q("$9.5 billion", "money", 9.5e9, "USD", role="from", direction="up"),
            Q("$12 billion", "money", 12e9, "USD", role="to", direction="up"),
        ],
    ),
    (
        "range-between-percent",
        "Analysts expect house prices to fall between 10 and 15 percent next year.",
        [Q("10 and 15 percent", "percent", 10.0, "%", value_low=10.0, value_high=15.0, role="by", direction="down")],
    ),
    (
        "range-decimal-per-cent",
        "The government expects GDP growth of 7.5-8 per cent in the next financial year.",
        [Q("7.5-8 per cent", "percent", 7.5, "%", value_low=7.5, value_high=8.0, role="by", direction="up")],
    ),
    (
        "change-wire-pct-to-from",
        "Net income rose 5 pct to 120 mln dlrs from 114 mln dlrs, the company said.",
        [
            Q("5 pct", "percent", 5.0, "%", role="by", direction="up"),
            Q("120 mln dlrs", "money", 120e6, "USD", role="to", direction="up"),
            Q("114 mln dlrs", "money", 114e6, "USD", role="from", direction="up"),
        ],
    ),
    (
        "range-dollars-a-barrel",
        "Oil prices are likely to trade in a range of $40 to $50 a barrel this year.",
        [Q("$40 to $50", "money", 40.0, "USD", value_low=40.0, value_high=50.0)],
    ),
    (
        "range-million-vehicles",
        "The recall could affect 1 million to 2 million vehicles worldwide.",
        [Q("1 million to 2 million vehicles", "count", 1e6, "vehicle", value_low=1e6, value_high=2e6)],
    ),
    (
        "change-to-only",
        "Trump said he would raise tariffs on $200 billion of Chinese goods to 25 percent.",
        [Q("$200 billion", "money", 200e9, "USD"), Q("25 percent", "percent", 25.0, "%", role="to", direction="up")],
    ),
    (
        "range-gbp-m",
        "The club is expected to pay £15-20m for the striker.",
        [Q("£15-20m", "money", 15e6, "GBP", value_low=15e6, value_high=20e6)],
    ),
    (
        "change-up-from",
        "Inflation rose to 3.2% in March, up from 2.9% in February.",
        [
            Q("3.2%", "percent", 3.2, "%", role="to", direction="up"),
            Q("2.9%", "percent", 2.9, "%", role="from", direction="up"),
        ],
    ),
    (
        "range-between-pct-signs",
        "The central bank expects inflation of between 2.5% and 3% this year.",
        [Q("2.5% and 3%", "percent", 2.5, "%", value_low=2.5, value_high=3.0)],
    ),
    # ------------------------------------------------------------------
    # Counts of things
    # ------------------------------------------------------------------
    (
        "count-jobs-added",
        "The U.S. economy added 839,000 jobs in June, the Labor Department said.",
        [Q("839,000 jobs", "count", 839000.0, "job", role="by", direction="up")],
    ),
    (
        "count-local-jobs",
        "Japanese automakers have created 2.3 million local jobs in the United States, Akazawa said.",
        [Q("2.3 million local jobs", "count", 2.3e6, "job")],
    ),
    (
        "count-american-workers",
        "Toyota employs 40,000 American workers at its plants across the country.",
        [Q("40,000 American workers", "count", 40000.0, "worker")],
    ),
    (
        "count-stores",
        "The retailer operates 1,200 stores across Britain and Ireland.",
        [Q("1,200 stores", "count", 1200.0, "store")],
    ),
    (
        "count-employees-plans-to",
        "The bank plans to lay off 5,000 employees from its investment banking division.",
        [Q("5,000 employees", "count", 5000.0, "employee", role="by", direction="down")],
    ),
    (
        "count-no-noun",
        "Toyota employs more than 34,000 in the United States.",
        [Q("34,000", "count", 34000.0, None, "more_than")],
    ),
    (
        "count-part-of-a-plural",
        "bbc_tech_238: Sony says it intends to ship three million of the consoles by March 2005.",
        [Q("three million", "count", 3e6, "console")],
    ),
    (
        "count-part-of-a-plural-mis-tagged",
        "bbc_tech_238: Nintendo's goal is to ship 5 million of its new Nintendo DS handheld consoles by March 2005.",
        [Q("5 million", "count", 5e6, "console")],
    ),
    (
        "count-part-of-a-mass-noun",
        "The company repaid 2 million of its debt.",
        [Q("2 million", "count", 2e6, None)],
    ),
    (
        "count-compound-nation",
        "Trump, who last week dropped out of the 12-nation Trans-Pacific Partnership, has repeatedly "
        "attacked Japan's auto market as closed.",
        [Q("12-nation", "count", 12.0, "nation")],
    ),
    (
        "count-noun-elsewhere",
        "Of the 3.3 million cars made in the US, about 300,000 are shipped from the US to other nations.",
        [Q("3.3 million cars", "count", 3.3e6, "car"), Q("300,000", "count", 300000.0, "car", "approx")],
    ),
    (
        "count-that-they-ship",
        "Japanese automakers make roughly 3.3 million cars in the US a year, a number that's far larger "
        "than the 1.37 million that they ship there, Akazawa told reporters on Thursday.",
        [Q("3.3 million cars", "count", 3.3e6, "car", "approx"), Q("1.37 million", "count", 1.37e6, "car")],
    ),
    (
        "count-passengers",
        "The airline carried 1.5 million passengers in December, up 8% from a year earlier.",
        [
            Q("1.5 million passengers", "count", 1.5e6, "passenger", role="to", direction="up"),
            Q("8%", "percent", 8.0, "%", role="by", direction="up"),
        ],
    ),
    (
        "count-subscribers",
        "Netflix added 8.8 million subscribers in the fourth quarter.",
        [Q("8.8 million subscribers", "count", 8.8e6, "subscriber", role="by", direction="up")],
    ),
    (
        "count-homes",
        "The storm left 250,000 homes without power across Florida.",
        [Q("250,000 homes", "count", 250000.0, "home")],
    ),
    (
        "count-seasonal-workers",
        "Amazon plans to hire 150,000 seasonal workers for the holiday shopping period.",
        [Q("150,000 seasonal workers", "count", 150000.0, "worker")],
    ),
    (
        "count-small-digits-branches",
        "HSBC will close 82 branches across the UK this year.",
        [Q("82 branches", "count", 82.0, "branch")],
    ),
    (
        "count-recall-vehicles",
        "The automaker recalled 1.2 million vehicles over faulty airbag inflators.",
        [Q("1.2 million vehicles", "count", 1.2e6, "vehicle")],
    ),
    (
        "count-passenger-vehicles",
        "India's carmakers sold 3.8 million passenger vehicles in the financial year, industry data showed.",
        [Q("3.8 million passenger vehicles", "count", 3.8e6, "vehicle")],
    ),
    (
        "count-registered-voters",
        "The country has 27 million registered voters, the election commission said.",
        [Q("27 million registered voters", "count", 27e6, "voter")],
    ),
    (
        "count-new-shares",
        "The firm issued 10 million new shares at a discount to Friday's closing price.",
        [Q("10 million new shares", "count", 10e6, "share")],
    ),
    ("count-plants", "Honda operates 12 plants in North America.", [Q("12 plants", "count", 12.0, "plant")]),
    (
        "count-flights-approx",
        "About 2,000 flights were cancelled because of the snowstorm.",
        [Q("2,000 flights", "count", 2000.0, "flight", "approx")],
    ),
    (
        "count-homes-a-year",
        "The government has pledged to build 300,000 homes a year in England.",
        [Q("300,000 homes", "count", 300000.0, "home")],
    ),
    (
        "count-companies",
        "The ministry said 1,234 companies had applied for the subsidy.",
        [Q("1,234 companies", "count", 1234.0, "company")],
    ),
    (
        "count-vehicles-pct-money",
        "Toyota sold 2.1 million vehicles in the quarter, up 4% from a year earlier, and posted an "
        "operating profit of ¥1.3 trillion.",
        [
            Q("2.1 million vehicles", "count", 2.1e6, "vehicle", role="to", direction="up"),
            Q("4%", "percent", 4.0, "%", role="by", direction="up"),
            Q("¥1.3 trillion", "money", 1.3e12, "JPY"),
        ],
    ),
    (
        "count-airbus-planes",
        "IndiGo placed an order for 500 Airbus planes, the largest in the airline's history.",
        [Q("500 Airbus planes", "count", 500.0, "plane")],
    ),
    # ------------------------------------------------------------------
    # NON-claims (years, dates, ordinals, times, ages, names with numbers ...)
    # ------------------------------------------------------------------
    ("non-date-month-day", "Abe will visit Washington on February 10 for talks with Trump.", []),
    (
        "non-index-level-after-its-points",  # bbc_business_262, reuters_15374: an index's level is in points too
        "The all industrials index gained 20.8 points to 2,639.3, its highest close.",
        [],
    ),
    ("non-date-full", "The meeting is scheduled for March 3, 2021, in Geneva.", []),
    ("non-year", "The company was founded in 2016 and is based in Bengaluru.", []),
    ("non-decade", "The path to balancing auto exports and imports will be no easier than it was in the 1980s.", []),
    (
        "non-ordinal-round",
        "Akazawa left for Washington to hold his seventh round of trade negotiations with US counterparts.",
        [],
    ),
    ("non-ordinal-second-biggest", "Toyota became the world's second-biggest automaker in the 1990s.", []),
    ("non-time-am", "Trading will resume at 9:30 a.m. New York time on Monday.", []),
    ("non-time-gmt", "The Bank of England will announce its decision at 1200 GMT on Thursday.", []),
    ("non-age-aged", "The chief executive, aged 52, will step down at the end of the year.", []),
    ("non-age-year-old", "A 52-year-old man was arrested in connection with the attack, police said.", []),
    ("non-phone", "Investors can call the helpline on 1800 425 3800 for more information.", []),
    ("non-address", "The prime minister hosted the business leaders at 10 Downing Street on Tuesday.", []),
    (
        "non-two-sources",
        "Ahead of those talks, Abe will meet Toyota Chief Executive Akio Toyoda, two sources told Reuters.",
        [],
    ),
    (
        "non-six-rounds-two-months",
        "After six rounds of talks over more than two months, the two sides have yet to come to any "
        "sort of agreement over tariffs.",
        [],
    ),
    ("non-group-of-seven", "The leaders failed to strike a deal over tariffs at the Group of Seven summit.", []),
    ("non-g20", "Finance ministers from the G20 will meet in Riyadh next week.", []),
    ("non-boeing-737", "The Boeing 737 MAX was grounded worldwide after two deadly crashes.", []),
    ("non-covid-19", "The COVID-19 pandemic disrupted supply chains across Asia.", []),
    ("non-section-232", "The Commerce Department launched a Section 232 investigation into auto imports.", []),
    (
        "non-20-year-effort",
        "It is nothing short of a 20-year effort, said a Toyota executive who spoke on condition he not be named.",
        [],
    ),
    (
        "non-over-50-years",
        "Hansson said the low sales reflected a total and absolute lack of effort over 50 years by Detroit.",
        [],
    ),
    ("non-version", "The company released version 2.0 of its trading software on Tuesday.", []),
    ("non-score", "Manchester City won 3-1 at Anfield on Sunday.", []),
    ("non-ten-year-note", "The yield on the 10-year Treasury note fell to its lowest level since June.", []),
    ("non-article-50-date", "Britain triggered Article 50 on 29 March 2017, starting the two-year exit process.", []),
    ("non-nikkei-225", "The Nikkei 225 index ended the morning session little changed.", []),
    (
        "non-quarter-half-periods",
        "Profit fell in the first quarter, but the company expects a recovery in the second half of the year.",
        [],
    ),
    ("non-half-an-hour", "The meeting between the two leaders lasted half an hour.", []),
    (
        "non-model-names",
        "Small sport utility vehicles such as the Toyota RAV4 and Honda's CR-V are seen by Japanese "
        "consumers as too big.",
        [],
    ),
    (
        "non-two-decades",
        "Trump has attacked Japan's auto market as closed, in an echo of criticisms heard two decades ago.",
        [],
    ),
    ("non-route-66", "The diner on Route 66 has been open since 1946.", []),
    ("non-no-1-rank", "Volkswagen overtook Toyota as the world's No. 1 carmaker.", []),
    ("non-next-five-years", "The company plans to double production capacity over the next five years.", []),
    ("non-fiscal-year-span", "The company's results for 2023-24 will be announced on May 15.", []),
    (
        "non-year-plus-claim",
        "In 2016, the U.S. trade deficit with Japan was $ 68.9 billion.",
        [Q("$ 68.9 billion", "money", 68.9e9, "USD")],
    ),
    (
        "non-index-name-plus-claim",
        "The FTSE 100 fell 0.4 per cent on Monday as mining shares slid.",
        [Q("0.4 per cent", "percent", 0.4, "%", role="by", direction="down")],
    ),
    ("non-cop26", "Delegates at the COP26 climate summit in Glasgow agreed to phase down coal.", []),
    # ------------------------------------------------------------------
    # Currency ambiguity: which currency a sign or word means
    # ------------------------------------------------------------------
    (
        "ccy-bare-dollar-usd",
        "Apple's market value hit $3 trillion for the first time on Monday.",
        [Q("$3 trillion", "money", 3e12, "USD")],
    ),
    (
        "ccy-yen-word",
        "Toyota forecast an operating profit of 3 trillion yen for the year to March.",
        [Q("3 trillion yen", "money", 3e12, "JPY")],
    ),
    (
        "ccy-yen-sign",
        "SoftBank Group reported a net loss of ¥3.2 trillion for the financial year.",
        [Q("¥3.2 trillion", "money", 3.2e12, "JPY")],
    ),
    (
        "ccy-dlrs-usd",
        "The Treasury's quarterly refunding will total 29 billion dlrs, officials said.",
        [Q("29 billion dlrs", "money", 29e9, "USD")],
    ),
    (
        "ccy-canadian-dollars",
        "The pipeline expansion will cost 12.6 billion Canadian dollars, the company said.",
        [Q("12.6 billion Canadian dollars", "money", 12.6e9, "CAD")],
    ),
    (
        "ccy-australian-dollars",
        "Australia will spend 368 billion Australian dollars on nuclear-powered submarines.",
        [Q("368 billion Australian dollars", "money", 368e9, "AUD")],
    ),
    (
        "ccy-aud-with-usd-conversion",
        "Qantas posted an underlying profit of A$1.74 billion (US$1.15 billion) for the year.",
        [Q("A$1.74 billion", "money", 1.74e9, "AUD"), Q("US$1.15 billion", "money", 1.15e9, "USD")],
    ),
    (
        "ccy-hong-kong-dollars",
        "The Hong Kong government will hand out 50 billion Hong Kong dollars in consumption vouchers.",
        [Q("50 billion Hong Kong dollars", "money", 50e9, "HKD")],
    ),
    (
        "ccy-singapore-dollars",
        "Singapore set aside 1.5 billion Singapore dollars to help households with energy costs.",
        [Q("1.5 billion Singapore dollars", "money", 1.5e9, "SGD")],
    ),
    (
        "ccy-nt-dollar",
        "TSMC reported quarterly net income of NT$295.9 billion, beating estimates.",
        [Q("NT$295.9 billion", "money", 295.9e9, "TWD")],
    ),
    (
        "ccy-cad-with-usd",
        "Canadian Natural Resources reported a profit of C$1.2 billion ($890 million) in the quarter.",
        [Q("C$1.2 billion", "money", 1.2e9, "CAD"), Q("$890 million", "money", 890e6, "USD")],
    ),
]
