"""Lexicon and pure parsers for the parts of a quantity: numerals, number words, scales,
currencies, percent words and qualifiers. `quantities` assembles them into mentions.

Tables are module constants so that one place says what the recognizer knows.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

# Longer numerals are not quantities (serial numbers, digit runs) and would cost time to convert.
MAX_DIGITS = 20

SCALES: dict[str, Decimal] = {
    "hundred": Decimal(100),
    "thousand": Decimal(10) ** 3,
    "k": Decimal(10) ** 3,
    "million": Decimal(10) ** 6,
    "mln": Decimal(10) ** 6,
    "mn": Decimal(10) ** 6,
    "m": Decimal(10) ** 6,
    "billion": Decimal(10) ** 9,
    "bln": Decimal(10) ** 9,
    "bn": Decimal(10) ** 9,
    "b": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12,
    "tn": Decimal(10) ** 12,
    "trn": Decimal(10) ** 12,
    "tln": Decimal(10) ** 12,
    "lakh": Decimal(10) ** 5,
    "lakhs": Decimal(10) ** 5,
    "lac": Decimal(10) ** 5,
    "crore": Decimal(10) ** 7,
    "crores": Decimal(10) ** 7,
    "cr": Decimal(10) ** 7,
    "thousands": Decimal(10) ** 3,
    "millions": Decimal(10) ** 6,
    "billions": Decimal(10) ** 9,
}
# Scale suffixes that are only read as scales right after a currency amount (`£600m`, `$50k`):
# elsewhere `10 m` is ten metres and `5 b` a typo.
MONEY_ONLY_SCALES = frozenset({"m", "k", "b", "cr"})

# Prefix symbols and codes, as they appear before the number.
CURRENCY_PREFIXES: dict[str, str] = {
    "$": "USD",
    "US$": "USD",
    "U.S.$": "USD",
    "USD": "USD",
    "C$": "CAD",
    "CA$": "CAD",
    "CAD": "CAD",
    "A$": "AUD",
    "AU$": "AUD",
    "AUD": "AUD",
    "NZ$": "NZD",
    "NZD": "NZD",
    "HK$": "HKD",
    "HKD": "HKD",
    "S$": "SGD",
    "SGD": "SGD",
    "NT$": "TWD",
    "TWD": "TWD",
    "R$": "BRL",
    "BRL": "BRL",
    "MX$": "MXN",
    "MXN": "MXN",
    "€": "EUR",
    "EUR": "EUR",
    "£": "GBP",
    "GBP": "GBP",
    "¥": "JPY",
    "JPY": "JPY",
    "JP¥": "JPY",
    "CN¥": "CNY",
    "RMB": "CNY",
    "CNY": "CNY",
    "₹": "INR",
    "Rs": "INR",
    "Rs.": "INR",
    "INR": "INR",
    "₩": "KRW",
    "KRW": "KRW",
    "CHF": "CHF",
    "SFr": "CHF",
    "₽": "RUB",
    "RUB": "RUB",
    "₺": "TRY",
    "$US": "USD",
    # spaced only where the letters cannot be a word (`HK $3.2m`; `A $300 million loan` is no AUD)
    "US $": "USD",
    "Cdn$": "CAD",
    "HK $": "HKD",
    "NZ $": "NZD",
    "RM": "MYR",
    "Sfr": "CHF",
    "DM": "DEM",
    "FFr": "FRF",
    "kr": "SEK",
    "#": "GBP",  # the pound sign as old feeds converted it (`#5 million`); see POUND_HASH
}
# `#` is the pound sign only before an amount that is clearly money: a scale word, a decimal or
# thousands (`#5 million`, `#2.50`, `#12,000`), never `#1 seller` or `#3 pick`.
POUND_HASH = "#"
# Currency words after the number (singular and plural), lower case.
CURRENCY_WORDS: dict[str, str] = {
    "dollar": "USD",
    "dollars": "USD",
    "dlr": "USD",
    "dlrs": "USD",
    "usd": "USD",
    "yen": "JPY",
    "euro": "EUR",
    "euros": "EUR",
    "eur": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "sterling": "GBP",
    "stg": "GBP",
    "gbp": "GBP",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rmb": "CNY",
    "rupee": "INR",
    "rupees": "INR",
    "won": "KRW",
    "franc": "CHF",
    "francs": "CHF",
    "rouble": "RUB",
    "roubles": "RUB",
    "ruble": "RUB",
    "rubles": "RUB",
    "peso": "MXN",
    "pesos": "MXN",
    "rand": "ZAR",
    "lira": "TRY",
    "liras": "TRY",
    "ringgit": "MYR",
    "baht": "THB",
    "rupiah": "IDR",
    "dirham": "AED",
    "dirhams": "AED",
    "riyal": "SAR",
    "riyals": "SAR",
    "shekel": "ILS",
    "shekels": "ILS",
    "naira": "NGN",
    "zloty": "PLN",
    "zlotys": "PLN",
    "krona": "SEK",
    "kronor": "SEK",
    "krone": "NOK",
    "kroner": "NOK",
    "kr": "SEK",
    # pre-euro currencies, frequent in archives of wire copy
    "mark": "DEM",
    "marks": "DEM",
    "guilder": "NLG",
    "guilders": "NLG",
    "lire": "ITL",
    "pesetas": "ESP",
}
# Adjectives that name which dollar (or franc, rupee...) a currency word means.
CURRENCY_ADJECTIVES: dict[str, str] = {
    "canadian": "CAD",
    "australian": "AUD",
    "hong kong": "HKD",
    "new zealand": "NZD",
    "singapore": "SGD",
    "taiwan": "TWD",
    "taiwanese": "TWD",
    "u.s.": "USD",
    "us": "USD",
    "american": "USD",
    "swiss": "CHF",
    "pakistani": "PKR",
    "indian": "INR",
    "mexican": "MXN",
    "french": "FRF",
    "belgian": "BEF",
    "german": "DEM",
    "deutsche": "DEM",
    "danish": "DKK",
    "norwegian": "NOK",
    "swedish": "SEK",
    "brazilian": "BRL",
}
# Sub-units: the word, its currency when no other is known, and the factor.
SUBUNITS: dict[str, tuple[str, Decimal]] = {
    "cent": ("USD", Decimal("0.01")),
    "cents": ("USD", Decimal("0.01")),
    "ct": ("USD", Decimal("0.01")),
    "cts": ("USD", Decimal("0.01")),
    "penny": ("GBP", Decimal("0.01")),
    "pence": ("GBP", Decimal("0.01")),
    "p": ("GBP", Decimal("0.01")),
}
# Percent words: one token each after joining (`per cent`, `percentage points` are handled in
# quantities); value -> unit.
PERCENT_WORDS: dict[str, str] = {
    "%": "%",
    "percent": "%",
    "pct": "%",
    "per cent": "%",
    "per-cent": "%",
    "pc": "%",
    "percentage point": "pp",
    "percentage points": "pp",
    "pct point": "pp",
    "pct points": "pp",
    "percent point": "pp",
    "percent points": "pp",
    "per cent point": "pp",
    "basis point": "bp",
    "basis points": "bp",
    "bps": "bp",
    "bp": "bp",
}
# Qualifier phrases before a number, longest first when matching.
QUALIFIERS: dict[str, str] = {
    "about": "approx",
    "around": "approx",
    "roughly": "approx",
    "some": "approx",
    "an estimated": "approx",
    "approximately": "approx",
    "approx.": "approx",
    "circa": "approx",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "just under": "less_than",
    "little more than": "more_than",
    "slightly more than": "more_than",
    "better than": "more_than",
    "slightly less than": "less_than",
    "little less than": "less_than",
    "more than": "more_than",
    "over": "more_than",
    "above": "more_than",
    "in excess of": "more_than",
    "upwards of": "more_than",
    "just over": "more_than",
    "well over": "more_than",
    "greater than": "more_than",
    "less than": "less_than",
    "under": "less_than",
    "below": "less_than",
    "fewer than": "less_than",
    "at least": "at_least",
    "no less than": "at_least",
    "a minimum of": "at_least",
    "up to": "up_to",
    "as much as": "up_to",
    "as many as": "up_to",
    "as high as": "up_to",
    "at most": "up_to",
    "only": "exact",
    "just": "exact",
    "exactly": "exact",
}
QUALIFIER_MAX_WORDS = 3

# Verbs, nouns and adverbs that state a change, with the way it goes (None: the words do not say;
# the values of its ends may). Lemmas, lower case.
CHANGE_WORDS: dict[str, str | None] = {
    **dict.fromkeys(
        """rise raise increase grow jump climb surge soar lift boost balloon expand widen swell hike
        double triple improve recover gain rebound advance spike accelerate up increase upgrade top
        growth gain hike jump add""".split(),
        "up",
    ),
    **dict.fromkeys(
        """fall decrease shrink drop decline slide slip plunge tumble cut lower reduce narrow sink ease
        halve lose dip retreat contract slump slow down reduction decline loss downgrade shed trim
        slash erode weaken eliminate axe""".split(),
        "down",
    ),
    **dict.fromkeys(["lay off", "cut back", "scale back", "pare back", "write down"], "down"),
    **dict.fromkeys(["write up", "step up", "scale up"], "up"),
    # comparatives after an amount: `4 million fewer than`, `5 pct higher than a year ago`
    **dict.fromkeys(["more", "higher"], "up"),
    **dict.fromkeys(["fewer", "less"], "down"),
    **dict.fromkeys("go move change edge revise adjust swing".split(), None),
}
# Adverbs that, after a figure, say it is a change: `net income ..., up 68 pct`, `seven pct down on`.
CHANGE_ADVERBS = frozenset({"up", "down", "off", "higher", "lower"})
# Change words that, with money, say what the money is rather than how a figure changed:
# `raising 75 mln dlrs` (funding), `added 1.5 billion dlrs of reserves` (an injection),
# `a gain of 29.4 mln dlrs`, `lost 7.1 mln dlrs` (profit and loss).
NOT_MONEY_CHANGES = frozenset({"raise", "gain", "lose", "loss", "add"})
# Nouns that, right after an amount, make it the size of a change: `a 3 percent drop`.
CHANGE_NOUNS = frozenset(
    "rise increase drop fall decline cut gain jump hike reduction growth surge slump dip climb boost".split()
)
# Nouns of a level, not of a measure: an end of a change names one before its figure (`surged from
# a low of 37 pesos`, `fell to a total of 111`), and a figure naming one measures what reaches it
# (`sales of his merchandise hit the $50m mark`).
LEVEL_NOUNS = frozenset({"low", "high", "record", "peak", "level", "total", "figure", "trough", "mark"})
# Words before a bare number that compare it with the amount before it: the number takes that
# amount's kind and unit (`327.1 mln guilders vs 307.5 mln`, `3.70 pct after 3.80`).
COMPARISON_WORDS = frozenset({"vs", "vs.", "versus", "against", "from", "compared with", "compared to", "after"})
# Labels of earnings-table rows (`Shr 46 cts vs 22 cts`, `Net 2,139,034 vs 854,182`, `Avg shrs ...`):
# the bare figures of a row are money in the table's currency, or counts of shares.
# Legal forms that end company names (`Rio Tinto-Zinc Corp Plc`): not part of an acronym (`RTZ`).
LEGAL_FORMS = frozenset(
    """
    corp co inc ltd plc llc lp ag gmbh kgaa nv bv sa spa srl sarl ab asa oy oyj kk bhd pte pty
    """.split()
)
# Words a company name may hold between capitalised ones (`Bank of Tokyo`, `Dow Jones and Co`).
NAME_CONNECTORS = frozenset({"of", "and", "&", "de", "du", "des", "la", "le", "et", "the", "-", "."})

# What a country's economy measures: these figures are the country's even when a ministry, central
# bank or statistics office reports them (`Statistics Canada said exports rose`).
# Trade units a commodity volume is counted in (CLAIMS.md: `39 mln bags`): the counted noun itself is
# the unit, and the noun after it says what is measured (`12 mln tonnes coarse grains` counts tonnes).
TRADE_UNITS = frozenset(
    "tonne ton barrel bag bale ounce bushel carat kilogram kilo litre liter gallon hundredweight lb".split()
)
MACRO_MEASURES = frozenset(
    """
    inflation gdp gnp economy growth unemployment jobless unemployed trade surplus deficit exports imports
    export import reserves budget borrowing debt payrolls cpi money m1 m2 m3 output production
    """.split()
)

# Verbs of holding or gaining a part of something, whose percentage object is a stake: the
# verb's subject owns it (`Export & Finance Bank has bought 49% of National Bank of Iraq`), not
# the company the stake is in.
STAKE_VERBS = frozenset("acquire buy hold own purchase take control".split())
# Verbs of paying, whose percentage object is a rate (`a eurobond paying 14-1/2 pct`): a stake only
# when it is what is paid for (`paying HK$300 million for a 40% stake`).
PAYING_VERBS = frozenset("pay".split())
# Verbs an instrument does (`issuing a eurobond due 1990 paying 14-1/2 pct`): in such a participle
# the thing issued pays or yields, not its issuer.
INSTRUMENT_VERBS = frozenset("pay yield carry bear".split())
# Nouns that measure the things counted in their `of` phrase (`on volume of 1.3 mln shares`, `turnover
# of 20 mln shares`): the count measures the noun, and the things are its unit. (`a total of`, `the
# number of` are levels or the count itself: `LEVEL_NOUNS`.)
MEASURE_OF_NOUNS = frozenset("volume turnover".split())
# Nouns a percentage modifies to name a stake (`a 40% stake in a container yard`).
STAKE_NOUNS = frozenset("stake interest holding share".split())

# What a month's figures measure, as a headline names them after the month (`ZAYRE <ZY> MARCH
# SALES UP 12.7 PCT`, `UAL MARCH LOAD FACTOR RISES`, `CANADA FEBRUARY TRADE SURPLUS`).
MONTHLY_MEASURES = MACRO_MEASURES | frozenset("sales traffic load starts orders shipments deliveries".split())

TABLE_ROW_LABELS: dict[str, str] = {
    **dict.fromkeys(
        """net shr sales rev revs revenues revenue income profit loss turnover earnings oper assets deposits
        loans dividend div""".split(),
        "money",
    ),
    **dict.fromkeys("shrs shares".split(), "share"),
}
# Units after a number that measure a thing, not count things: physical measures and index points
# are not claims (`40 km`, `a 2-pound bag`, `the Dow rose 50 points`).
PHYSICAL_UNITS = frozenset(
    """km kilometre kilometer mile metre meter foot feet inch cm mm kg kilogram gram lb pound mph kph
    acre hectare degree sq square litre liter gallon yard point""".split()
)
# Plural scale words that make a vague amount (`tens of millions of dollars`), and the words that
# multiply them (`tens`, `hundreds`).
VAGUE_MULTIPLIERS = {"tens": Decimal(10), "hundreds": Decimal(100), "thousands": Decimal(1000)}

UNITS_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
# Denominators of proportions in words (`three-fourths`, `a third`); plural and singular.
FRACTION_DENOMINATORS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "seventh": 7,
    "sevenths": 7,
    "eighth": 8,
    "eighths": 8,
    "ninth": 9,
    "ninths": 9,
    "tenth": 10,
    "tenths": 10,
}
FRACTION_NUMERATORS = {"a": 1, **{word: value for word, value in UNITS_WORDS.items() if 1 <= value <= 9}}

# Digits with thousands commas and decimals, and scientific notation (`1.5e9`, `2E-3`).
_LARGEST_FLOAT = Decimal("1.7976931348623157e308")  # the claims table stores float64
_NUMERAL = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d{1,3})?")


def parse_numeral(text: str) -> Decimal | None:
    """Read a numeral written with digits; None when it is not one or is implausibly long.

    >>> parse_numeral("1,234,567")
    Decimal('1234567')
    >>> parse_numeral("68.9")
    Decimal('68.9')
    >>> parse_numeral("12,34") is None
    True
    >>> parse_numeral("9" * 100000) is None
    True
    >>> parse_numeral("1.5e9")
    Decimal('1.5E+9')
    >>> parse_numeral("1e400") is None  # beyond any float
    True
    """
    if len(text) > MAX_DIGITS + 8 or not _NUMERAL.fullmatch(text):
        return None
    digits = text.replace(",", "")
    if len(digits.split(".")[0]) > MAX_DIGITS:
        return None
    try:
        value = Decimal(digits)
    except InvalidOperation:
        return None
    return value if abs(value) <= _LARGEST_FLOAT else None


def parse_number_words(words: list[str]) -> Decimal | None:
    """Read a number written in words (`twelve`, `forty two`, `three hundred`); None otherwise.

    Scale words above hundred are left to the caller, which treats them like `million` after digits.

    >>> parse_number_words(["forty", "two"])
    Decimal('42')
    >>> parse_number_words(["three", "hundred"])
    Decimal('300')
    >>> parse_number_words(["a"]) is None
    True
    """
    if not words:
        return None
    total = 0
    seen = False
    for word in words:
        word = word.lower()
        if word in UNITS_WORDS:
            total += UNITS_WORDS[word]
        elif word in TENS_WORDS:
            total += TENS_WORDS[word]
        elif word == "hundred" and seen:
            total *= 100
        elif word == "and" and seen:
            continue
        else:
            return None
        seen = True
    return Decimal(total)


# A currency word names different currencies in different countries (`dlrs` in a Statistics Canada
# story, `pesos` in Manila, `francs` in Paris). For each word's default currency: the currencies
# it may mean and the names that show the article is about that country (the default's own names
# included, so an article about both keeps the default unless the other country is named more).
CURRENCY_COUNTRIES: dict[str, dict[str, tuple[str, ...]]] = {
    "USD": {
        "USD": ("U.S.", "United States", "American", "Americans", "Washington", "New York", "Wall Street"),
        "CAD": ("Canada", "Canadian", "Ottawa", "Toronto", "Montreal", "Vancouver", "Alberta", "Ontario"),
        "AUD": ("Australia", "Australian", "Sydney", "Melbourne", "Canberra"),
        "NZD": ("New Zealand", "Wellington", "Auckland"),
        "HKD": ("Hong Kong",),
        "SGD": ("Singapore",),
        "TWD": ("Taiwan", "Taiwanese", "Taipei"),
    },
    "MXN": {
        "MXN": ("Mexico", "Mexican"),
        "PHP": ("Philippines", "Philippine", "Filipino", "Manila"),
        "ARS": ("Argentina", "Argentine", "Buenos Aires"),
        "CLP": ("Chile", "Chilean", "Santiago"),
        "COP": ("Colombia", "Colombian", "Bogota"),
    },
    "CHF": {
        "CHF": ("Switzerland", "Swiss", "Zurich", "Geneva", "Basle", "Basel"),
        "FRF": ("France", "French", "Paris"),
        "BEF": ("Belgium", "Belgian", "Brussels"),
        "LUF": ("Luxembourg",),
    },
    "SEK": {
        "SEK": ("Sweden", "Swedish", "Stockholm"),
        "NOK": ("Norway", "Norwegian", "Oslo"),
        "DKK": ("Denmark", "Danish", "Copenhagen"),
    },
    "INR": {
        "INR": ("India", "Indian", "New Delhi", "Bombay", "Mumbai"),
        "PKR": ("Pakistan", "Pakistani", "Karachi", "Islamabad"),
        "LKR": ("Sri Lanka", "Sri Lankan", "Colombo"),
    },
}

# Verbs that report what someone says: their subject is a source.
SAY_VERBS = frozenset(
    """
    say tell report announce add state estimate forecast note show explain predict project expect
    disclose reveal confirm claim argue write quote warn calculate
    """.split()
)

# Nouns that, bare, stand for a figure already given: `45% of the people questioned use it ... In 2003
# the figure was 29%`, `Inflation was 3% in May; in April the rate was 2.8%`.
FIGURE_ANAPHORS = frozenset("figure number total rate level proportion percentage".split())

# Nouns that describe a name as an organisation's (`Swiss drugmaker Novartis`, `Novartis, the drug
# group`): the small model often calls such a company a PERSON.
ORGANISATION_NOUNS = frozenset(
    """
    company firm group carmaker automaker drugmaker chipmaker steelmaker maker manufacturer producer
    bank lender insurer broker retailer supermarket airline carrier operator brewer miner publisher
    broadcaster network conglomerate giant subsidiary unit division corporation corp club utility
    """.split()
)

# Words that say a period is the one named before, in another year (`the same period last year`,
# `the comparable 1986 period`, `the corresponding quarter of 2003`).
# Nouns for what a company or a government reports for a period (`its 1986 results`, `the 2005
# budget`): a date naming one sets the period of the story's undated figures after it.
REPORTED_NOUNS = frozenset(
    "result profit earnings sale revenue income loss turnover performance budget figure dividend".split()
)
SAME_PERIOD_WORDS = ("same", "comparable", "corresponding", "like")
