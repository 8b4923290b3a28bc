"""Quantity recognizer: money amounts, percentages and counts in an annotated spaCy doc.

A small grammar over the doc's tokens, not over spaCy's MONEY/PERCENT labels (the small model
labels `25 per cent` MONEY and misses `from 10 per cent to 24 per cent`). Tokens that glue
parts together (`HK$300`, `3bn`, `Rs.5`, `20p`) are split into pieces first, so the grammar
sees currency, number and scale apart whatever the tokenizer did. Each step looks at a bounded
number of pieces, so the scan is linear in the length of the text.

spaCy's entities are used as evidence: a span labelled to match reinforces the confidence; a
count inside a DATE/TIME/ORDINAL entity is dropped (it is a date, not a count).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from spacy.tokens import Doc, Span

from pipeline.lexicon import (
    CHANGE_NOUNS,
    CHANGE_WORDS,
    COMPARISON_WORDS,
    CURRENCY_ADJECTIVES,
    CURRENCY_COUNTRIES,
    CURRENCY_PREFIXES,
    CURRENCY_WORDS,
    FRACTION_DENOMINATORS,
    FRACTION_NUMERATORS,
    LEVEL_NOUNS,
    MONEY_ONLY_SCALES,
    NOT_MONEY_CHANGES,
    PERCENT_WORDS,
    PHYSICAL_UNITS,
    POUND_HASH,
    QUALIFIER_MAX_WORDS,
    QUALIFIERS,
    SCALES,
    SUBUNITS,
    TABLE_ROW_LABELS,
    TENS_WORDS,
    TRADE_UNITS,
    UNITS_WORDS,
    VAGUE_MULTIPLIERS,
    parse_number_words,
    parse_numeral,
)
from pipeline.records import Quantity

# Currency prefixes written before a number without a space, longest first (from the lexicon).
_GLUED_PREFIXES = sorted((p for p in CURRENCY_PREFIXES if " " not in p), key=len, reverse=True)
# Parts of a token that glue currency, number, scale or a range together: `HK$300`, `3bn`,
# `Rs.5`, `20p`, `€2bn-€3bn`, `RM75,000`. Each alternative is a single bounded step, so splitting is linear.
_GLUED_PART = re.compile(
    "|".join(map(re.escape, _GLUED_PREFIXES))  # currency signs and codes
    + r"|\d[\d,]*(?:\.\d+)?(?:[eE][-+]?\d{1,3}(?![A-Za-z]))?|\.\d+"  # numerals (`1.5e9` too)
    r"|[A-Za-z]+|%|[-–−/]|."  # words, scale suffixes, percent, range dashes and signs, anything else
)
# Letters then digits that are names, not amounts: `M3`, `G20`, `RAV4`, `COP26` (but `Y500`, `RM75`).
_CODE = re.compile(
    "(?!(?:"
    + "|".join(re.escape(p.strip("$")) for p in _GLUED_PREFIXES if p.isalpha() or p.startswith("$") and p[1:].isalpha())
    + r"|Y)\d)[A-Za-z]+\d"
)
_YEAR = re.compile(r"(1[5-9]|20|21)\d\d")
CHANGE_VERBS = frozenset(CHANGE_WORDS)
# How much each piece of the recognizer's evidence moves a claim's confidence (log-odds).
EVIDENCE_WEIGHTS = {
    "spacy_agrees": 0.25,
    "spacy_none": -0.075,
    "bare_dollar": -0.05,
    "dollar_from_context": -0.2,
    "words": -0.05,
    "range": -0.025,
}
_DISAGREE_WEIGHT = -0.2  # `spacy_disagrees:<label>`: spaCy labels the span otherwise


def evidence_weight(evidence: tuple[str, ...]) -> float:
    """The summed weight of a quantity's evidence."""
    return sum(
        _DISAGREE_WEIGHT if item.startswith("spacy_disagrees") else EVIDENCE_WEIGHTS.get(item, 0.0) for item in evidence
    )


_SIGNS = frozenset({"-", "−", "minus"})
# Nouns that, followed by `of X`, say a bare number counts X (`the number of cards grew ... to 39.1 mln`).
_TOTAL_NOUNS = frozenset({"number", "volume", "total", "count"})
# How many amounts back a bare figure may take its unit from (`202 mln stg ..., a 40 pct increase from 144 mln`).
_CARRY_REACH = 3
# Words that open a period after a number (`39.1 mln last year`, `5,000 a month`, `2 mln per day`).
_PERIOD_WORDS = frozenset({"last", "next", "this", "previous", "past", "each", "per", "a"})
# Words that are units of an amount: never the noun a count counts.
_UNIT_WORDS = frozenset(
    word for table in (PERCENT_WORDS, CURRENCY_WORDS, SUBUNITS, SCALES) for word in table if " " not in word
) - {"p", "m", "b", "k"}
# Nouns after a number that make it a duration or an age, not a count of things.
TIME_NOUNS = frozenset(
    """
    year month week day hour minute second decade century quarter time night season term old
    """.split()
)
_PHRASE_MAX = 3
# A number inside one of these entities is part of a name or a date, not a count.
_NOT_COUNT_LABELS = frozenset({"DATE", "TIME", "ORDINAL", "LAW", "PRODUCT", "FAC", "ORG", "EVENT", "WORK_OF_ART"})


@dataclass(frozen=True)
class Piece:
    """A token, or part of a glued token, with offsets into the doc text."""

    text: str
    start: int
    end: int
    token: int

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(frozen=True)
class _Amount:
    first: int  # piece indexes, end exclusive
    last: int
    value: Decimal
    kind: str | None  # None: a bare number (becomes a count only with a noun or enough digits)
    unit: str | None
    scaled: bool
    in_digits: bool
    evidence: tuple[str, ...] = ()
    multiplier: Decimal = Decimal(1)  # what the scale word made of the numeral (`5 billion`: 1e9)
    high: Decimal | None = None  # upper bound of a range


def split_pieces(tokens: Sequence) -> list[Piece]:
    """Split tokens that glue currency, number and scale together into separate pieces.

    Whitespace tokens within a paragraph are left out, so an amount broken across lines reads as
    one; a blank line (two line breaks or more) is kept as a piece no amount reads across.
    """
    pieces: list[Piece] = []
    for token in tokens:
        text, start = token.text, token.idx
        if text.isspace() and text.count("\n") < 2:
            continue
        if text.endswith(".") and text[:-1].lower() in _UNIT_WORDS | MONEY_ONLY_SCALES:
            # `£50m.` at a sentence's end: the tokenizer keeps the period on the scale
            pieces.append(Piece(text[:-1], start, start + len(text) - 1, token.i))
            pieces.append(Piece(".", start + len(text) - 1, start + len(text), token.i))
            continue  # a hard-wrapped line (`15 mln\n    dlrs`) goes on; a blank line stays a barrier
        if (
            len(text) < 2
            or len(text) > 40
            or not any(ch.isdigit() for ch in text)
            or text.isdigit()
            or _CODE.match(text)
        ):
            pieces.append(Piece(text, start, start + len(text), token.i))
            continue
        for match in _GLUED_PART.finditer(text):
            pieces.append(Piece(match.group(0), start + match.start(), start + match.end(), token.i))
    return pieces


def find_quantities(
    doc: Doc, *, default_dollar: str = "USD", on_error: Callable[[Span, Exception], None] | None = None
) -> list[Quantity]:
    """Find every money amount, percentage and count in `doc`.

    Args:
        doc: a doc with sentence boundaries (tags, lemmas and entities improve the result).
        default_dollar: the currency of a bare `$`.
        on_error: called with a sentence whose reading raised and the error; that sentence then gives
            no quantity and the others are read (a batch run records it). None: the error propagates.

    Returns:
        Quantities in text order; offsets are into `doc.text`.
    """
    text = doc.text  # once: spaCy joins every token's text on each access
    lowered = text.lower()
    context = _DocContext(
        doc=doc,
        default_dollar=default_dollar,
        yen_article="yen" in lowered or "¥" in text or "japan" in lowered,
        article_dollar=article_dollar(text),
        word_currencies=article_currencies(text),
        text=text,
        has_deps=doc.has_annotation("DEP"),
    )
    quantities: list[Quantity] = []
    sentences = doc.sents if doc.has_annotation("SENT_START") else [doc[:]]
    for sentence in sentences:
        if _MAY_HOLD_NUMBER.search(sentence.text):
            try:
                quantities.extend(_sentence_quantities(sentence, context))
            except Exception as error:  # noqa: BLE001 - one odd sentence must not cost the article
                if on_error is None:
                    raise
                on_error(sentence, error)
    return quantities


# Every quantity has digits, number words, or `a` before a scale, proportion, percent or currency
# word (`a million`, `a third`, `a percentage point`). A sentence with none of these words is
# skipped before it is split into pieces (most of a news article's sentences).
_NUMBER_WORDS = {
    word
    for table in (UNITS_WORDS, TENS_WORDS, FRACTION_DENOMINATORS, SCALES, PERCENT_WORDS, CURRENCY_WORDS, SUBUNITS)
    for key in table
    for word in re.findall(r"[^\W\d_]+", key)
}
_MAY_HOLD_NUMBER = re.compile(
    r"\d|\b(?:" + "|".join(map(re.escape, sorted(_NUMBER_WORDS, key=len, reverse=True))) + r")\b", re.IGNORECASE
)


# Every country name of the table in one pattern, read in one pass over the article (no name is
# part of another, so the counts are those of one pattern per currency).
_NAME_CURRENCY = {
    name: code for countries in CURRENCY_COUNTRIES.values() for code, names in countries.items() for name in names
}
_COUNTRY_NAME = re.compile(
    r"(?<![\w.])(?:" + "|".join(map(re.escape, sorted(_NAME_CURRENCY, key=len, reverse=True))) + r")(?!\w)"
)


def article_currencies(text: str) -> dict[str, str]:
    """What the ambiguous currency words mean in this article: the currency of the country it names
    most among those the word may belong to (ties keep the word's default).

    >>> article_currencies("Statistics Canada said Canada's surplus was 1.2 billion dlrs.")
    {'USD': 'CAD'}
    >>> article_currencies("PLDT of Manila earned 1.89 billion pesos.")
    {'MXN': 'PHP'}

    An article that writes a currency out (`11.2 mln Canadian dlrs`, `C$5`) tells its plain words
    apart from it, so they keep their default.

    >>> article_currencies("Its Canadian unit earned 11.2 mln Canadian dlrs; Canada's mills 5 mln dlrs.")
    {}
    """
    named = Counter(_NAME_CURRENCY[name] for name in _COUNTRY_NAME.findall(text))
    lowered = text.lower()
    resolved = {}
    for default, countries in CURRENCY_COUNTRIES.items():
        counts = {code: named[code] for code in countries}
        best = max(counts, key=lambda code: (counts[code], code == default))
        if best != default and counts[best] > counts[default] and not _states_currency(best, text, lowered):
            resolved[default] = best
    return resolved


# A currency written out with its adjective, its own sign or its code: `Canadian dlrs`, `C$5`, `CAD`;
# per currency: its adjectives, its signs (more than one character: not a shared bare `$`) and its
# codes, as written (case matters: `A$`, not `a $`).
_SPELLINGS = {
    code: (
        tuple(a for a, c in CURRENCY_ADJECTIVES.items() if c == code),
        tuple(p for p, c in CURRENCY_PREFIXES.items() if c == code and len(p) > 1),
        tuple(p for p, c in CURRENCY_PREFIXES.items() if c == code and p.isalpha() and p.isupper()),
    )
    for countries in CURRENCY_COUNTRIES.values()
    for code in countries
}
_EXPLICIT_CURRENCY = {
    code: re.compile(
        "|".join(
            [rf"(?i:\b{re.escape(a)}\s+(?:{'|'.join(map(re.escape, CURRENCY_WORDS))})\b)" for a in adjectives]
            + [re.escape(p) + r"\s?\d" for p in signs]
            + [rf"\b{p}\b" for p in codes]
            or [r"(?!)"]
        )
    )
    for code, (adjectives, signs, codes) in _SPELLINGS.items()
}


def _states_currency(code: str, text: str, lowered: str) -> bool:
    """Whether the article writes this currency out (`Canadian dlrs`, `C$5`, `CAD`)."""
    adjectives, signs, codes = _SPELLINGS[code]
    # most articles hold none of the words: a substring test first, cheaper than the pattern
    triggered = any(a.lower() in lowered for a in adjectives) or any(p in text for p in signs + codes)
    return triggered and _EXPLICIT_CURRENCY[code].search(text) is not None


def article_dollar(text: str) -> str | None:
    """The dollar a bare `$` means in this article when the article says so, else None.

    >>> article_dollar("Magna raised C$2.5 billion and repaid a $300 million loan.")
    'CAD'
    >>> article_dollar("It paid C$2.5 billion and US$5m.") is None
    True
    """
    lowered = text.lower()
    if _states_currency("USD", text, lowered):
        return None
    named = [code for code in CURRENCY_COUNTRIES["USD"] if code != "USD" and _states_currency(code, text, lowered)]
    return named[0] if len(named) == 1 else None


@dataclass(frozen=True)
class _DocContext:
    doc: Doc
    default_dollar: str
    yen_article: bool
    article_dollar: str | None = None
    text: str = ""  # doc.text, once (spaCy builds it on every access)
    has_deps: bool = False  # doc.has_annotation("DEP"), once (it reads every token)
    currencies: list[str] = field(default_factory=list)  # of the money amounts so far, in order
    table_rows: list[int] = field(default_factory=list)  # offsets of the earnings-table rows so far
    word_currencies: dict[str, str] = field(default_factory=dict)  # a currency word's default -> its currency here


def _sentence_quantities(sentence: Span, context: _DocContext) -> Iterator[Quantity]:
    pieces = split_pieces(sentence)
    found: list[tuple[_Amount, str, int]] = []  # amount, qualifier, index of first qualifier piece
    index = 0
    while index < len(pieces):
        previous = found[-1][0] if found else None
        recent = tuple(found_amount for found_amount, _, _ in reversed(found[-_CARRY_REACH:]))
        amount = _read_expression(pieces, index, context, previous=recent)
        if amount is None:
            index += 1
            continue
        if not _inside_compound(pieces, amount):
            qualifier, qualifier_start = _qualifier_before(pieces, amount.first)
            if "vague" in amount.evidence and qualifier == "exact":
                qualifier = "approx"
            elif qualifier_start == amount.first and previous and _is_conversion(pieces, previous, amount.first):
                qualifier = found[-1][1]  # a conversion is as approximate as what it converts
            found.append((amount, qualifier, qualifier_start))
            if amount.kind == "money" and amount.unit:
                context.currencies.append(amount.unit)
        index = amount.last
    roles = _roles(pieces, found, context)
    directions = _directions(pieces, found, roles, context)
    for (amount, qualifier, _), role, direction in zip(found, roles, directions, strict=True):
        yield _to_quantity(pieces, amount, qualifier, role, direction, context)


def _roles(pieces: list[Piece], found: list[tuple[_Amount, str, int]], context: _DocContext) -> list[str | None]:
    """`from`/`to`/`by` of each amount of a sentence, by meaning:

    - `rose from 10% to 24%`, `lifted to 6 pct from 5-1/2 pct`: the ends a change verb governs;
    - `rose 5 pct`, `cut by $2 billion`, `a 3 percent drop`, `up 12 pct`: the size (`by`);
    - `1.89 billion pesos, up 68 pct from 778.9 mln`, `150 basis points, up from 90`: a change
      stated backwards; `down 51 cents at $44.38`: the end after the size;
    - `120 mln dlrs, or 12 cts a share`: a restatement keeps the role of what it restates.
    """
    roles = [_role_word(pieces, start, context) for _, _, start in found]
    for position, (amount, _, start) in enumerate(found):
        if roles[position] is None and (
            _change_size_word(pieces, start, amount, context) is not None
            or _gained_to(pieces, found, position, context)
        ):
            roles[position] = "by"
    for position, (amount, _, start) in enumerate(found):
        after_size = position and roles[position - 1] == "by" and _after_up_down(pieces, found[position - 1][2])
        end_word = _end_word(pieces, start, context)
        if _after_up_from(pieces, start) or (after_size and end_word == "from"):
            roles[position] = "from"
            earlier = [
                i for i in _clause_before(position) if found[i][0].kind == amount.kind and roles[i] in (None, "by")
            ]
            if earlier and roles[earlier[-1]] is None:
                roles[earlier[-1]] = "to"
        elif after_size and pieces[start - 1].lower == "at":
            roles[position] = "to"
        elif roles[position] is None and start and _reaches(context.doc[pieces[start - 1].token]):
            if any(roles[i] == "by" for i in _clause_before(position)):
                roles[position] = "to"  # `rise by 4.8%, to reach $419.3bn`
        elif roles[position] is None and end_word == "from":
            ends = [i for i in _clause_before(position) if roles[i] == "to" and found[i][0].kind == amount.kind]
            if ends:
                roles[position] = "from"  # `raised the dividend to three cts a share from two cts`
    for position in range(len(found) - 1):
        amount, following = found[position][0], found[position + 1]
        words = [piece.lower for piece in pieces[amount.last : following[2]]]
        after_comma = words[-2:] in ([",", "up"], [",", "down"]) and len(words) <= 5
        if roles[position] is None and roles[position + 1] == "by" and after_comma:
            roles[position] = "to"  # `revenue of $4.2 billion, up 9%`
    for position in range(1, len(found)):
        amount, _, start = found[position]
        previous = found[position - 1][0]
        if roles[position] is not None or amount.kind != previous.kind:
            continue
        between = pieces[previous.last : start]
        if (
            roles[position - 1] == "to"
            and _after_comparison(pieces, start, context)
            and pieces[start - 1].lower != "from"
        ):
            roles[position] = "from"  # `reaching 2.72 billion roubles compared with 713 mln`
        elif roles[position - 1] == "by" and _coordinated(between, context):
            roles[position] = "by"  # `cuts of 9.6% at Agriculture and 5.6% at the EPA`
    kinds_with_to = {found[i][0].kind for i, role in enumerate(roles) if role == "to"}
    for position, (amount, _, start) in enumerate(found):
        if roles[position] == "from" and amount.kind not in kinds_with_to:
            roles[position] = None
        elif position and _restates_previous(pieces, start) and roles[position - 1] is not None:
            roles[position] = roles[position - 1]  # `120 mln dlrs, or 12 cts a share`
    return roles


# Comparatives after an amount that make it the size of a difference (`4 million fewer than`).
_COMPARATIVES = frozenset({"more", "fewer", "less", "higher", "lower"})
# How many pieces back a change verb may govern an amount when the parse does not say
# (`would reduce the par value of the company's common stock from 10 to five pesos`).
_VERB_REACH = 12
# How many amounts back a stated change may pair its ends (bounded, so a sentence is linear).
_CHANGE_REACH = 6


def _clause_before(position: int) -> range:
    return range(max(0, position - _CHANGE_REACH), position)


def _coordinated(between: list[Piece], context: _DocContext) -> bool:
    """Pieces between two amounts that join them as a list (`and`, no verb of their own)."""
    words = [piece.lower for piece in between]
    return (
        bool(words)
        and words[-1] in ("and", "or")
        and len(words) <= 6
        and not any(context.doc[piece.token].pos_ in ("VERB", "AUX") for piece in between)
    )


def _reaches(token) -> bool:
    return token.lemma_.lower() in ("reach", "hit", "top", "total") and token.pos_ == "VERB"


def _after_up_down(pieces: list[Piece], start: int) -> bool:
    return start >= 1 and pieces[start - 1].lower in ("up", "down")


def _is_conversion(pieces: list[Piece], previous: _Amount, first: int) -> bool:
    """An amount right after another in brackets or after `, or` restates it in another currency:
    `almost 30m euros ($39m; £21m)`, `1.1 million yen, or about $9,800`."""
    between = [piece.text.lower() for piece in pieces[previous.last : first]]
    return bool(between) and set(between) <= {"(", ";", ",", "or"} and between != [","]


def _inside_compound(pieces: list[Piece], amount: _Amount) -> bool:
    """A number glued by hyphens into a longer word is part of it: `four-and-a-half-year high`,
    `three-quarter-inch pipe`, `25-year` (a count's own noun, `12-nation`, is read before this)."""
    first, last = pieces[amount.first], pieces[amount.last - 1]
    before = pieces[amount.first - 1] if amount.first else None
    if before is not None and before.text in ("-", "–") and before.end == first.start and amount.first >= 2:
        word = pieces[amount.first - 2]
        if word.end == before.start and word.text.isalpha():
            return True
    if amount.last + 1 < len(pieces):
        hyphen, word = pieces[amount.last], pieces[amount.last + 1]
        if hyphen.text == "-" and hyphen.start == last.end and word.start == hyphen.end:
            return word.lower in TIME_NOUNS or word.lower.rstrip("s") in PHYSICAL_UNITS
    return False


def _directions(
    pieces: list[Piece], found: list[tuple[_Amount, str, int]], roles: list[str | None], context: _DocContext
) -> list[str | None]:
    """`up`/`down` for every amount with a role: the change word's way, else from the values of its ends."""
    directions: list[str | None] = []
    for (amount, _, start), role in zip(found, roles, strict=True):
        if role is None:
            directions.append(None)
            continue
        word = _change_size_word(pieces, start, amount, context) if role == "by" else None
        word = word or _governing_change_word(pieces, start, context)
        directions.append(CHANGE_WORDS.get(word) if word else None)
    sizes = {direction for role, direction in zip(roles, directions, strict=True) if role == "by" and direction}
    if len(sizes) == 1:  # `down 51 cents at $44.38`: the ends go the way the size goes
        size_direction = next(iter(sizes))
        directions = [
            size_direction if role in ("from", "to") and direction is None else direction
            for role, direction in zip(roles, directions, strict=True)
        ]
    ends = {role: amount for (amount, _, _), role in zip(found, roles, strict=True) if role in ("from", "to")}
    if "from" in ends and "to" in ends and ends["from"].value != ends["to"].value:
        by_values = "up" if ends["to"].value > ends["from"].value else "down"
        directions = [
            (direction or by_values) if role in ("from", "to") else direction
            for role, direction in zip(roles, directions, strict=True)
        ]
    return directions


def _change_size_word(pieces: list[Piece], start: int, amount: _Amount, context: _DocContext) -> str | None:
    """The change word that makes an amount the size of a change, or None.

    `rose 5 pct`, `cut by $2 billion`, `up 12 pct`, `a 3 percent drop`.
    """
    doc = context.doc
    if amount.last < len(pieces):
        after = doc[pieces[amount.last].token]
        for token in (after, doc[after.i + 1] if after.i + 1 < len(doc) else None):
            as_noun = token is not None and (token.pos_ in ("NOUN", "PROPN") or token.dep_ in ("dobj", "pobj", "nsubj"))
            lemma = _change_lemma(token) if as_noun else None
            if lemma in CHANGE_NOUNS:  # `a 3 percent drop`, `34.8 PCT PROFIT BOOST`, `a ten per cent cut`
                return lemma if _measures_change(lemma, amount) else None  # `a 1.5 mln dlr gain` is profit
            if token is None or token.pos_ not in ("NOUN", "PROPN"):
                break
    comparative = pieces[amount.last].lower if amount.last + 1 < len(pieces) else ""
    if comparative in _COMPARATIVES and pieces[amount.last + 1].lower == "than":
        return comparative  # `about four million fewer than`, `5 pct higher than`
    if start == 0:
        return (
            _change_verb_of_object(doc, doc[pieces[amount.last - 1].token], amount, pieces)
            if context.has_deps
            else None
        )
    if start >= 2 and pieces[start - 1].lower == "between":
        start -= 1  # `fall between 10 and 15 percent`
    before = pieces[start - 1]
    if doc[before.token].dep_ == "prt" and start >= 2:
        phrase = f"{doc[before.token].head.lemma_.lower()} {before.lower}"
        if CHANGE_WORDS.get(phrase):
            return phrase  # `lay off 5,000 employees`
    if before.lower in ("up", "down") and doc[before.token].dep_ != "prt":
        return before.lower  # `up 12 pct`, not `make up a third`
    if before.lower == "by":
        return _governing_change_word(pieces, start, context)
    if before.lower == "of" and start >= 2 and pieces[start - 2].lower == "rate" and context.has_deps:
        verb = _governing_change_word(pieces, start - 2, context)
        return verb if _measures_change(verb, amount) else None  # `grew at an annual rate of 7.5 pct`
    if before.lower == "of" and start >= 2:
        lemma = _change_lemma(doc[pieces[start - 2].token])
        return lemma if lemma in CHANGE_NOUNS and _measures_change(lemma, amount) else None  # `cuts of 9.6%`
    token = doc[before.token]
    if token.pos_ in ("ADV", "PART") and token.lower_ not in ("up", "down") and start >= 2:
        token = doc[pieces[start - 2].token]  # `slipped back 7%`, `rose sharply 5 pct`
    lemma = _change_lemma(token)
    if (
        (token.pos_ in ("VERB", "AUX", "NOUN") or token.is_upper)
        and _measures_change(lemma, amount)
        and not _modifies_next_noun(doc, pieces, amount)
    ):
        return lemma
    if before.lower in ("to", "from", "at", "of", "than", "in", "on", "for", "with") or not context.has_deps:
        return None
    return _change_verb_of_object(doc, doc[pieces[amount.last - 1].token], amount, pieces)


# Dependencies by which an amount is what a verb changes by (`raised its dividend 12 pct`,
# `cut 12,800 jobs`), not where it ends (`to`), starts (`from`) or stands (`at`).
_CHANGE_OBJECT_DEPS = frozenset({"dobj", "npadvmod", "advmod", "obj", "nsubjpass"})


def _modifies_next_noun(doc: Doc, pieces: list[Piece], amount: _Amount) -> bool:
    """`ease 25% auto tariffs`: the amount describes the noun after it, which is what changes."""
    if amount.last >= len(pieces):
        return False
    last = doc[pieces[amount.last - 1].token]
    following = doc[pieces[amount.last].token]
    return following.pos_ in ("NOUN", "PROPN") and (last.head.i > last.i or following.i == last.head.i)


def _change_verb_of_object(doc: Doc, token, amount: _Amount, pieces: list[Piece]) -> str | None:
    """The change verb whose object or measure phrase the amount's last token heads."""
    if token.dep_ in ("nummod", "quantmod", "compound") and token.head.i > token.i:
        if token.head.i >= doc[pieces[amount.last - 1].token].i + 1 and amount.kind != "count":
            return None  # `ease 25% auto tariffs`: what changes is the noun the amount describes
        token = token.head
    if token.dep_ not in _CHANGE_OBJECT_DEPS:
        return None
    lemma = _change_lemma(token.head)
    return lemma if _measures_change(lemma, amount) else None


def _gained_to(pieces: list[Piece], found: list[tuple[_Amount, str, int]], position: int, context: _DocContext) -> bool:
    """`crude lost $2 to $43.25`, `the stock gained $1.25 to $30`: money right after `gain` or `lose`
    is a profit or a loss (`NOT_MONEY_CHANGES`), unless `to` and the money it ends at follow it."""
    amount, _, start = found[position]
    if amount.kind != "money" or position + 1 >= len(found) or not start:
        return False
    following, _, following_start = found[position + 1]
    if following.kind != "money" or [piece.lower for piece in pieces[amount.last : following_start]] != ["to"]:
        return False
    lemma = _change_lemma(context.doc[pieces[start - 1].token])
    return lemma in NOT_MONEY_CHANGES and CHANGE_WORDS.get(lemma) is not None


def _measures_change(lemma: str | None, amount: _Amount) -> bool:
    """Whether an amount right after a change word is the size of the change: not when the word
    does not say which way (`go 5 pct`, `revised 623 mln`), nor for money the word says what it is
    (`raising 75 mln dlrs` is funding; see NOT_MONEY_CHANGES)."""
    return CHANGE_WORDS.get(lemma or "") is not None and not (amount.kind == "money" and lemma in NOT_MONEY_CHANGES)


# Past forms the lemmatizer cannot give when a headline's capitals make the verb a proper noun.
_IRREGULAR_PAST = {
    "rose": "rise",
    "fell": "fall",
    "grew": "grow",
    "shrank": "shrink",
    "sank": "sink",
    "lost": "lose",
    "slid": "slide",
    "swung": "swing",
    "cut": "cut",
    "upped": "up",
}


def _change_lemma(token) -> str | None:
    """The change word a token is, if any: by lemma, or for ALL-CAPS words (`RAISES`, `ROSE`) by form."""
    lemma = token.lemma_.lower()
    if lemma in CHANGE_WORDS:
        return lemma
    if not token.is_upper:
        return None
    lower = token.lower_
    for candidate in (_IRREGULAR_PAST.get(lower), lower, lower[:-1], lower[:-2], lower[:-3], lower[:-1] + "e"):
        if candidate in CHANGE_WORDS:
            return candidate
    for suffix in ("ing", "ed", "es", "s"):
        if lower.endswith(suffix) and lower[: -len(suffix)] + "e" in CHANGE_WORDS:
            return lower[: -len(suffix)] + "e"
    return None


def _governing_change_word(pieces: list[Piece], start: int, context: _DocContext) -> str | None:
    """Lemma of the change verb that governs the amount starting at piece `start`, or None."""
    doc = context.doc
    token = doc[pieces[start].token] if start < len(pieces) else None
    if token is not None and context.has_deps:
        head = token.head
        for _ in range(4):
            lemma = _change_lemma(head)
            if lemma is not None and head.pos_ in ("VERB", "NOUN", "AUX", "ADV", "ADJ", "PROPN"):
                return lemma
            if head.head is head:
                break
            head = head.head
    for piece in reversed(pieces[max(0, start - _VERB_REACH) : start]):
        token = doc[piece.token]
        if (token.pos_ in ("VERB", "AUX") or token.is_upper) and _change_lemma(token) is not None:
            return _change_lemma(token)
    return None


def _after_up_from(pieces: list[Piece], start: int) -> bool:
    """`up from 90`, `down from 12.95 mln`, `up on 11.15 mln`: the start of a change stated backwards."""
    return start >= 2 and pieces[start - 1].lower in ("from", "on") and pieces[start - 2].lower in ("up", "down")


def _restates_previous(pieces: list[Piece], start: int) -> bool:
    return start >= 2 and pieces[start - 1].lower == "or" and pieces[start - 2].text == ","


def _read_expression(
    pieces: list[Piece], index: int, context: _DocContext, *, previous: tuple[_Amount, ...] = ()
) -> _Amount | None:
    """An amount, a proportion, a vague amount or a range of two amounts starting at `index`."""
    if pieces[index].text == "(":
        return _accounts_negative(pieces, index, context, previous)
    between = index > 0 and pieces[index - 1].lower == "between"
    first = (
        _read_vague(pieces, index, context)
        or _read_fraction(pieces, index, context)
        or _read_amount(pieces, index, context)
    )
    if first is None and between:
        first = _bare_number(pieces, index)  # `between three and four million requests`
    if first is None:
        return None
    connector = pieces[first.last].lower if first.last < len(pieces) else ""
    slash = (
        connector == "/" and _glued(pieces, first.last - 1, first.last) and _glued(pieces, first.last, first.last + 1)
    )
    is_range_word = connector in ("-", "–", "to") or (between and connector == "and") or slash
    if first.kind is None and _dated(pieces, first, context):
        return _accept(pieces, first, context, previous)  # `on April 8 to 3.531 billion dlrs`: a day, then an amount
    after_from = first.first > 0 and pieces[first.first - 1].lower == "from"
    if first.kind is None and (connector in ("and", "or") or (connector == "to" and after_from)) and not between:
        is_range_word = True  # `from 10 to five pesos`, `1,000 and 10,000 stg`: the unit comes after
    if is_range_word and first.last + 1 < len(pieces) and not first.evidence.count("words"):
        second = _read_amount(pieces, first.last + 1, context, money=first.kind == "money")
        if second is not None and _is_range(pieces, first, second, connector, context):
            merged = _merge_range(first, second)
            if merged is not None:
                return _accept(pieces, merged, context, previous)
        if (
            second is not None
            and second.kind
            and first.kind is None
            and first.in_digits
            and not _is_year(pieces, first)
        ):
            value = first.value if first.scaled else first.value * second.multiplier
            return replace(
                first, value=value, kind=second.kind, unit=second.unit, evidence=first.evidence + ("carried",)
            )
    return _accept(pieces, first, context, previous)


_MONTH_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


def _dated(pieces: list[Piece], amount: _Amount, context: _DocContext) -> bool:
    """A bare number that is a day of a date: right after a month (`April 8`), or in a date entity that
    names a month (`8 April`); spaCy's DATE on `between 10 and 15 percent next year` is not enough."""
    before = pieces[amount.first - 1].lower.rstrip(".") if amount.first else ""
    if before in _MONTH_WORDS:
        return True
    token = context.doc[pieces[amount.first].token]
    if token.ent_type_ not in ("DATE", "TIME"):
        return False
    doc = context.doc
    window = doc[max(0, token.i - 4) : min(len(doc), token.i + 5)]  # the entity's words near the number
    return any(word.ent_type_ == token.ent_type_ and word.lower_.rstrip(".") in _MONTH_WORDS for word in window)


def _accounts_negative(
    pieces: list[Piece], index: int, context: _DocContext, previous: tuple[_Amount, ...]
) -> _Amount | None:
    """`(5.2)` in an accounts table is minus 5.2 (`Net loss (5.2) vs (3.1)`); elsewhere brackets are brackets."""
    if index + 2 >= len(pieces) or pieces[index + 2].text != ")" or parse_numeral(pieces[index + 1].text) is None:
        return None
    if not (_glued(pieces, index, index + 1) and _glued(pieces, index + 1, index + 2)):
        return None
    number = -parse_numeral(pieces[index + 1].text)
    amount = _accept(pieces, _Amount(index, index + 3, number, None, None, False, True), context, previous)
    if amount is None or not {"carried", "table_row"} & set(amount.evidence):
        return None
    return replace(amount, evidence=amount.evidence + ("accounts_negative",))


def _bare_number(pieces: list[Piece], index: int) -> _Amount | None:
    number = _read_number(pieces, index)
    if number is None:
        return None
    value, end, in_digits = number
    return _Amount(index, end, value, None, None, False, in_digits)


def _is_range(pieces: list[Piece], first: _Amount, second: _Amount, connector: str, context: _DocContext) -> bool:
    if first.kind and second.kind and (first.kind != second.kind or first.unit != second.unit):
        return False
    if _is_year(pieces, first) and not first.kind:
        return False  # `2024-25` is a fiscal year
    if connector == "to":
        # `rose from 10% to 24%`, `increased by $12.1 billion to $310.5 billion`, `rose 5 pct to 120 mln dlrs`
        # are changes; `from 4 to 6 per cent` with no change verb and `grow 3% to 5%` state a spread.
        word_before = pieces[first.first - 1].lower if first.first > 0 else ""
        if word_before == "by":
            return (
                first.kind is None
            )  # `by 25 to 35 basis points` is a range; `by $12.1 billion to $310.5 billion` is not
        if word_before == "from" and _governing_change_word(pieces, first.first, context) is not None:
            return False
        if _changes_to(pieces, first, second, context):
            return False
        return first.kind == second.kind or first.kind is None
    if connector in ("-", "–", "/"):
        return first.in_digits and second.in_digits
    if connector in ("and", "or"):
        return pieces[first.first - 1].lower == "between" if first.first else False
    return True


# How many times the first a change's end is, at least: a spread's ends are alike (`raise prices 50
# cts to one dlr a barrel`).
_CHANGE_TO_RATIO = 3


def _changes_to(pieces: list[Piece], first: _Amount, second: _Amount, context: _DocContext) -> bool:
    """`fell 99 mln dlrs to 591 mln dlrs`, `fell 14 cts to 18.37 dlrs`, `fell 3 to $41`: after a
    change word, two amounts each written with its unit (or a bare number before a currency sign)
    far apart are the change and where it ends, not a spread (`down 43.9 to 48.8 pct`, whose unit
    comes once, and `to grow 3% to 5%`, whose ends are alike)."""
    own_unit = first.kind is not None or parse_numeral(pieces[second.first].text) is None
    return (
        own_unit
        and first.value > 0
        and second.value >= _CHANGE_TO_RATIO * first.value
        and _governing_change_word(pieces, first.first, context) is not None
    )


def _merge_range(first: _Amount, second: _Amount) -> _Amount | None:
    kind = second.kind or first.kind
    unit = second.unit or first.unit
    low = first.value
    if not first.scaled and (second.scaled or first.kind is None):
        low = first.value * second.multiplier  # `$3-5 billion`: the scale word applies to both
    if low >= second.value:
        return None  # `3-1` is a score, not a range
    return _Amount(
        first.first,
        second.last,
        low,
        kind,
        unit,
        first.scaled or second.scaled,
        first.in_digits and second.in_digits,
        first.evidence + second.evidence + ("range",),
        high=second.value,
    )


def _is_year(pieces: list[Piece], amount: _Amount) -> bool:
    return not amount.scaled and bool(_YEAR.fullmatch(pieces[amount.first].text))


def _accept(
    pieces: list[Piece], amount: _Amount, context: _DocContext, previous: tuple[_Amount, ...] = ()
) -> _Amount | None:
    """Decide whether a bare number is a count, and of what; drop physical measures.

    `previous`: the sentence's amounts before it, nearest first (a bare figure may take their unit).
    """
    if amount.kind is not None:
        return amount
    doc = context.doc
    number_piece = pieces[amount.last - 1]
    number_token = doc[number_piece.token]
    if (amount.in_digits or amount.scaled) and not _is_year(pieces, amount):
        source = next((earlier for earlier in previous if _carries_to(earlier, pieces, amount, context)), None)
        if source is not None:
            # `327.1 mln guilders vs 307.5 mln`, `3.70 pct after 3.80`: the kind and unit carry over
            return replace(amount, kind=source.kind, unit=source.unit, evidence=amount.evidence + ("carried",))
        row = _table_row_kind(pieces, amount, context)
        if row == "row" and context.currencies:
            row = "money"  # a row the labels do not name (`Operating 55.04 billion vs ...`): the table's money
        if row is not None:
            context.table_rows.append(pieces[amount.first].start)  # `Net 2,139,034 vs 854,182`
        if row == "money" or (row is None and _in_table_note(pieces, amount, context)):
            currency = context.currencies[0] if context.currencies else context.default_dollar
            return replace(amount, kind="money", unit=currency, evidence=amount.evidence + ("table_row",))
        if row == "share":
            return replace(amount, kind="count", unit="share", evidence=amount.evidence + ("table_row",))
    dated = number_token.ent_type_ in _NOT_COUNT_LABELS and not amount.scaled  # `39.1 mln last year` is no date
    if dated or number_piece.text[:1] == "0":
        return None
    if not amount.scaled and (_is_year(pieces, amount) or not amount.in_digits):
        return None
    if amount.first >= 2 and pieces[amount.first - 1].text == "/" and _YEAR.fullmatch(pieces[amount.first - 2].text):
        return None  # `1986/87`: a crop or fiscal year
    if amount.first > 0 and _names_a_thing(doc[pieces[amount.first - 1].token]):
        return None  # `Section 232`, `Nikkei 225`, `No. 1`, `Boeing 737`
    small = not amount.scaled and "," not in number_piece.text and amount.value < 1000
    if small and amount.first > 0 and doc[pieces[amount.first - 1].token].pos_ == "PROPN":
        return None  # `the Sakhalin 5 petroleum field`, `Apollo 11`: a small number after a name is part of it
    if (
        amount.first >= 2
        and pieces[amount.first - 1].text in ("-", "–")
        and _glued(pieces, amount.first - 1, amount.first)
        and parse_numeral(pieces[amount.first - 2].text) is not None
    ):
        return None  # the second half of a score or tally (`the 2-1 decision`)
    if (
        amount.first > 1
        and pieces[amount.first - 1].lower == "of"
        and doc[pieces[amount.first - 2].token].pos_ == "PROPN"
    ):
        return None  # `Group of 20`
    noun_end, lemma = _counted_noun(pieces, amount.last, context)
    if lemma in TIME_NOUNS or (lemma in PHYSICAL_UNITS and noun_end <= amount.last + 2):
        return None  # a duration, or a measure right after its number (`40 km`; `seat miles` are counted)
    if lemma is not None:
        return replace(amount, last=noun_end, kind="count", unit=lemma)
    # No noun: only big, unambiguous numbers stand alone as counts (`employs more than 34,000`).
    if amount.scaled or ("," in number_piece.text and amount.value >= 1000):
        unit = _partitive_noun(pieces, amount.last, context) or _unit_from_sentence(pieces, context, amount.first)
        if unit == "point":
            return None  # `fell 112.52 points, or 1.1 percent, to 10,466.93`: an index level is no claim either
        return replace(amount, kind="count", unit=unit, evidence=amount.evidence + ("unit_from_sentence",))
    return None


def _carries_to(previous: _Amount, pieces: list[Piece], amount: _Amount, context: _DocContext) -> bool:
    """Whether a bare number takes the kind and unit of the amount before it in the sentence:
    after a comparison word (`vs`, `against`, `from`), or a scaled one in a list (`... and 10.05 billion`)."""
    if previous.kind not in ("money", "percent") and not (previous.kind == "count" and previous.unit):
        return False
    if previous.kind == "percent" and (amount.scaled or amount.value >= 1000):
        return False  # `a 40 pct increase from 144 mln`, `by 23% from 36,185`: not percentages
    before = pieces[amount.first - 1].lower if amount.first else ""
    if previous.kind == "count":
        return before in ("vs", "vs.", "versus", "against")
    if _after_comparison(pieces, amount.first, context) or (amount.scaled and before in ("and", "or")):
        return True
    # `surged from a low of 37 pesos ... to 367.50`: the change's other end
    return _end_word(pieces, amount.first, context) == "to" and _end_word(pieces, previous.first, context) == "from"


def _end_word(pieces: list[Piece], start: int, context: _DocContext) -> str:
    marker = _end_marker(pieces, start, context)
    return pieces[marker].lower if marker >= 0 else ""


def _after_comparison(pieces: list[Piece], index: int, context: _DocContext) -> bool:
    """`vs 307.5 mln`, `compared with 713 mln`, `from a provisional 14.8 billion`."""
    index = _end_marker(pieces, index, context) + 1
    words = [piece.lower for piece in pieces[max(0, index - 2) : index]]
    return bool(words) and (words[-1] in COMPARISON_WORDS or " ".join(words) in COMPARISON_WORDS)


_ROW_CHARS = 120


def _table_row_kind(pieces: list[Piece], amount: _Amount, context: _DocContext) -> str | None:
    """`money` or `share` for the first figure of an earnings-table row (`Net 2,139,034 vs ...`),
    `row` for a row whose label the table of labels does not know."""
    text = context.text
    start = pieces[amount.first].start
    # a table row is one short line: look no further than a row's length either way (linear time)
    line_start = text.rfind("\n", max(0, start - _ROW_CHARS), start) + 1
    line_end = text.find("\n", start, start + _ROW_CHARS)
    if line_start == 0 and start > _ROW_CHARS:
        return None
    label = text[line_start:start].lower().split()
    if " vs" not in text[start : line_end if line_end >= 0 else start + _ROW_CHARS]:
        return None  # a table row compares: `Net 2,139,034 vs 854,182`
    if not label or len(label) > 4 or not all(word.replace("-", "").isalpha() for word in label):
        return None
    kinds = [TABLE_ROW_LABELS[word] for word in label if word in TABLE_ROW_LABELS]
    return kinds[-1] if kinds else "row"


# The note under an earnings table, to its paragraph's end: a blank or an indented line. It starts
# within `_NOTE_CHARS` of the table's last row, and a figure in it lies within as much of its start.
_TABLE_NOTE = re.compile(r"(?im)^[ \t]*note\s*:(?:[^\n]|\n(?![ \t\n]))*\Z")
_NOTE_CHARS = 400


def _in_table_note(pieces: list[Piece], amount: _Amount, context: _DocContext) -> bool:
    """Whether a big bare figure stands in the note under an earnings table, whose figures are the
    table's money (`NOTE: 1986 net includes loss of 49,040 in nine months`, `Oper excludes gain ...
    of 15,598`); small ones there are counts or days."""
    if not context.table_rows or not (amount.scaled or amount.value >= 1000):
        return False
    start = pieces[amount.first].start
    note = _TABLE_NOTE.search(context.text, max(0, start - _NOTE_CHARS), start)
    return note is not None and 0 < note.start() - context.table_rows[-1] <= _NOTE_CHARS  # right under the table


def _names_a_thing(token) -> bool:
    return (token.pos_ == "PROPN" and token.ent_type_ not in ("GPE", "NORP", "LOC")) or token.lower_ in (
        "no.",
        "no",
        "number",
        "nos.",
        "#",
    )


# How far around a bare number its counted noun is looked for (bounded, so a sentence is linear).
_UNIT_REACH = 40


def _unit_from_sentence(pieces: list[Piece], context: _DocContext, around: int) -> str | None:
    """The counted noun a bare number refers to: another count's noun, or `the number of X`."""
    doc = context.doc
    window_start = max(0, around - _UNIT_REACH)
    for index, piece in enumerate(pieces[window_start : around + _UNIT_REACH], start=window_start):
        if parse_numeral(piece.text) is not None and (index + 1 < len(pieces)):
            position = index + 1
            if position < len(pieces) and pieces[position].lower in SCALES:
                position += 1
            _, lemma = _counted_noun(pieces, position, context)
            if lemma is not None and lemma not in TIME_NOUNS:
                return lemma
        if piece.lower in _TOTAL_NOUNS and index + 2 < len(pieces) and pieces[index + 1].lower == "of":
            token = doc[pieces[index + 2].token]
            if token.pos_ == "NOUN":
                return _noun_lemma(token)  # `the number of cards`, `the volume of sales`
    return None


_PARTITIVE_DETERMINERS = frozenset({"the", "its", "their", "his", "her", "our", "these", "those"})


def _partitive_noun(pieces: list[Piece], index: int, context: _DocContext) -> str | None:
    """The noun a bare number takes a part of: `ship three million of the consoles`, `5 million of its
    new handheld consoles` count consoles (the phrase stays out of the mention)."""
    if index + 1 >= len(pieces) or pieces[index].lower != "of" or pieces[index + 1].lower not in _PARTITIVE_DETERMINERS:
        return None
    of = context.doc[pieces[index].token]
    # the parse's object of `of` (the small model may tag a plural there a verb: `consoles`)
    whole = next((child for child in of.rights if child.dep_ == "pobj"), None) if context.has_deps else None
    if whole is None or not whole.is_alpha or whole.pos_ in ("PRON", "PROPN", "NUM") or whole.ent_type_:
        return None
    lemma = _noun_lemma(whole)
    return lemma if lemma not in TIME_NOUNS and whole.lower_ != lemma else None  # a plural: a count of them


def _counted_noun(pieces: list[Piece], index: int, context: _DocContext) -> tuple[int, str | None]:
    """The noun counted by a number ending before piece `index`: `13,000 vehicles`, `12-nation`."""
    doc = context.doc
    position = index
    if position < len(pieces) and pieces[position].text == "-":
        position += 1
    if position < len(pieces) and pieces[position].text == "(":  # `39 mln (60-kg) bags`: the bag's size
        close = next((p for p in range(position + 1, min(len(pieces), position + 6)) if pieces[p].text == ")"), None)
        position = close + 1 if close is not None else position
    for _ in range(4):  # modifiers before the noun: `2.3 million local jobs`, `40 European and Mediterranean countries`
        if position >= len(pieces):
            return index, None
        token = doc[pieces[position].token]
        if token.lower_ in _UNIT_WORDS:
            return index, None  # `15.4 pct`, `5 dlrs`: a unit, not a counted noun
        if token.lower_ in _PERIOD_WORDS:
            return index, None  # `39.1 mln last year`: a period follows, not the counted noun
        if position == index and index and _glued(pieces, index - 1, index):
            return index, None  # `4K`, `3D`: letters glued to a number make a name
        if token.pos_ == "NOUN" and token.tag_ in ("NNS", "NN") and token.is_alpha and len(token) > 1:
            head = _compound_head(token)
            if head is not None:
                return _piece_after_token(pieces, head.i, position), _noun_lemma(head)
            return position + 1, _noun_lemma(token)
        modifier = (
            token.pos_ == "ADJ"
            or token.tag_ in ("VBN", "VBG")
            or (token.pos_ == "PROPN" and (token.dep_ == "compound" or token.ent_type_ in ("NORP", "GPE", "LOC")))
        )
        coordinated = token.pos_ == "CCONJ" and position > index and position + 1 < len(pieces)
        if (modifier and token.is_alpha) or coordinated:
            position += 1
            continue
        return index, None
    return index, None


def _compound_head(token):
    """The plural noun a counted noun modifies a few words on (`telephone companies`, `phishing e-mail
    messages`, `phishing related e-mail messages`): the parse makes it the noun's head, and only words,
    hyphens inside words or a modifier lie between them; None when there is no such noun, and for a
    trade unit (`12 mln tonnes coarse grains` counts tonnes)."""
    if _noun_lemma(token) in TRADE_UNITS:
        return None
    for candidate in token.doc[token.i + 1 : token.i + 6]:
        if candidate.tag_ in ("NNS", "NNPS") and candidate.pos_ == "NOUN" and candidate.is_alpha:
            ancestor, steps = token, 0
            while ancestor.head != ancestor and ancestor.head.i <= candidate.i and steps < 3:
                ancestor, steps = ancestor.head, steps + 1
                if ancestor == candidate:
                    return candidate
            return None
        if not (candidate.is_alpha or (candidate.text in ("-", "/") and not candidate.whitespace_)):
            return None
    return None


def _noun_lemma(token) -> str:
    """The counted noun's singular lemma; an acronym keeps its capitals (`200,000 PSPs` -> `PSP`)."""
    if len(token.text) > 2 and token.text[:-1].isupper() and token.text.endswith("s"):
        return token.text[:-1]
    lemma = (token.lemma_ or token.text).lower()
    return "person" if lemma == "people" else lemma


def _piece_after_token(pieces: list[Piece], token_index: int, start: int) -> int:
    position = start
    while position < len(pieces) and pieces[position].token <= token_index:
        position += 1
    return position


_PLURAL_SCALES = {word: SCALES[word] for word in ("thousands", "millions", "billions")} | {
    "trillions": SCALES["trillion"]
}
_SINGULAR_SCALES = {word: SCALES[word] for word in ("million", "billion", "trillion")}


def _read_vague(pieces: list[Piece], index: int, context: _DocContext) -> _Amount | None:
    """Vague amounts with a scale, as a range of one order of magnitude (qualifier `approx`).

    `tens of millions of dollars` (1e7-1e8 USD), `hundreds of billions of yen`, `millions of rupees`,
    `thousands of jobs`, `multi-billion dollar` (1e9-1e10); `billion-dollar` is about 1e9.
    """
    word = pieces[index].lower
    position, factor = index, Decimal(1)
    multiplied = (
        index + 2 < len(pieces) and pieces[index + 1].lower == "of" and pieces[index + 2].lower in _PLURAL_SCALES
    )
    if word in VAGUE_MULTIPLIERS and multiplied:
        factor, position = VAGUE_MULTIPLIERS[word], index + 2
        word = pieces[position].lower
    if word in _PLURAL_SCALES and position + 2 < len(pieces) and pieces[position + 1].lower == "of":
        low = factor * _PLURAL_SCALES[word]
        end, currency = _currency_word(pieces, position + 2, context)
        if currency is not None:
            return _vague(index, end, low, low * 10, "money", currency)
        noun_end, lemma = _counted_noun(pieces, position + 2, context)
        if lemma is not None and lemma not in TIME_NOUNS and lemma not in PHYSICAL_UNITS:
            return _vague(index, noun_end, low, low * 10, "count", lemma)
        return None
    multi = word == "multi" and position + 2 < len(pieces) and pieces[position + 1].text == "-"
    scale_at = position + 2 if multi else position
    scale = pieces[scale_at].lower if scale_at < len(pieces) else ""
    if scale not in _SINGULAR_SCALES or scale_at + 1 >= len(pieces):
        return None
    word_at = scale_at + 2 if pieces[scale_at + 1].text == "-" else scale_at + 1
    if not multi and word_at == scale_at + 1:
        return None  # `billion dollars` without a number is not an amount; `billion-dollar` is
    end, currency = _currency_word(pieces, word_at, context)
    if currency is None:
        return None
    low = _SINGULAR_SCALES[scale]
    return _vague(index, end, low, low * 10 if multi else None, "money", currency)


def _vague(first: int, last: int, low: Decimal, high: Decimal | None, kind: str, unit: str) -> _Amount:
    return _Amount(first, last, low, kind, unit, True, False, ("words", "vague"), high=high)


def _read_one_in(pieces: list[Piece], index: int, context: _DocContext) -> _Amount | None:
    """`one in 16 messages`, `1 in 5 adults`, `one in four`: a proportion, in percent; but `7 in
    1986` is a figure and its year."""
    if index + 2 >= len(pieces) or pieces[index + 1].lower != "in":
        return None
    after = pieces[index + 3] if index + 3 < len(pieces) else None
    if _YEAR.fullmatch(pieces[index + 2].text) and (after is None or context.doc[after.token].pos_ != "NOUN"):
        return None
    numerator, denominator = _read_number(pieces, index), _read_number(pieces, index + 2)
    if numerator is None or denominator is None or numerator[1] != index + 1 or not 0 < numerator[0] < denominator[0]:
        return None
    if denominator[1] < len(pieces) and pieces[denominator[1]].lower in SCALES:
        return None  # `one in 2 million` reads better as a count; leave it
    value = numerator[0] / denominator[0] * 100
    return _Amount(index, denominator[1], value, "percent", "%", False, False, ("words",))


def _read_fraction(pieces: list[Piece], index: int, context: _DocContext) -> _Amount | None:
    """Proportions in words: `a third of`, `three-fourths`, `half of`, `a third of 1%`, `one in 16`."""
    one_in = _read_one_in(pieces, index, context)
    if one_in is not None:
        return one_in
    word = pieces[index].lower
    nxt = pieces[index + 1].lower if index + 1 < len(pieces) else ""
    if word in ("a", "one", "half"):
        points = _fraction_of_a_point(pieces, index + 1, Decimal("0.5") if word == "half" else Decimal(1))
        if points is not None:
            return points
    if word == "half" and nxt in ("of", "the", "its", "their", "his", "her"):
        before = pieces[index - 1].lower if index > 0 else ""
        if before in ("first", "second", "the", "a") and nxt == "of":
            return None
        return _Amount(index, index + 1, Decimal(50), "percent", "%", False, False, ("words",))
    if word not in FRACTION_NUMERATORS:
        return None
    hyphen = nxt == "-"
    denominator_index = index + 2 if hyphen else index + 1
    if denominator_index >= len(pieces) or pieces[denominator_index].lower not in FRACTION_DENOMINATORS:
        return None
    denominator = pieces[denominator_index].lower
    numerator = FRACTION_NUMERATORS[word]
    if numerator > 1 and not denominator.endswith("s") and denominator != "half":
        return None
    after = pieces[denominator_index + 1].lower if denominator_index + 1 < len(pieces) else ""
    share = Decimal(numerator) / Decimal(FRACTION_DENOMINATORS[denominator])
    points = _fraction_of_a_point(pieces, denominator_index + 1, share, first=index)
    if points is not None:
        return points
    by_before = any(piece.lower == "by" for piece in pieces[max(0, index - 2) : index])
    if not hyphen and after != "of" and not by_before:  # `dropped by nearly a quarter` is a size
        return None  # `a third round`, `a quarter` of a year: not a proportion
    if _of_a_measure(pieces, denominator_index + 1):
        return None  # `a tenth of a mile`, `a quarter of an hour`
    value = share * 100
    last = denominator_index + 1
    if after == "of" and last + 1 < len(pieces):
        # `a third of 1%`: a proportion of a percentage is a percentage
        base = _read_number(pieces, last + 1)
        if base is not None:
            percent_end, unit = _match_phrase(pieces, base[1], PERCENT_WORDS)
            if unit == "%":
                return _Amount(index, percent_end, value / 100 * base[0], "percent", "%", False, False, ("words",))
    return _Amount(index, last, value, "percent", "%", False, False, ("words",))


def _of_a_measure(pieces: list[Piece], index: int) -> bool:
    """`of a mile`, `of an hour` at `index`: a fraction of a measure, not a share of something."""
    if index + 2 >= len(pieces) or pieces[index].lower != "of" or pieces[index + 1].lower not in ("a", "an"):
        return False
    noun = pieces[index + 2].lower
    return noun in TIME_NOUNS or noun.rstrip("s") in PHYSICAL_UNITS


def _fraction_of_a_point(
    pieces: list[Piece], index: int, share: Decimal, *, first: int | None = None
) -> _Amount | None:
    """`half a pct point`, `a quarter of a percentage point`, `a percentage point`: points, not %;
    `a tenth of a percent`, `half a percent`: that share of one percent."""
    position = index
    if position < len(pieces) and pieces[position].lower == "of":
        position += 1
    if position < len(pieces) and pieces[position].lower in ("a", "one") and position > index - 1:
        if pieces[position].lower == "a" and position == index and first is None and share == 1:
            pass  # `a percentage point`: the `a` was the number itself
        else:
            position += 1
    end, unit = _match_phrase(pieces, position, PERCENT_WORDS)
    # `of a percent`, `half a percent`; but in `a one pct stake` the `one` is the number
    of_one = pieces[position - 1].lower in ("a", "one") and (position > index + 1 or share != 1)
    if unit not in ("pp", "bp") and not (unit == "%" and of_one):
        return None  # `a tenth of a percent`, `half a percent` are percent; `a percent` alone is read as one
    start = first if first is not None else index - 1
    return _Amount(start, end, share, "percent", unit, False, False, ("words",))


def _read_number(pieces: list[Piece], index: int) -> tuple[Decimal, int, bool] | None:
    """A numeral or number words at `index`: (value, next piece, written in digits)."""
    if index >= len(pieces):
        return None
    value = parse_numeral(pieces[index].text)
    if value is not None:
        fraction, end = _read_vulgar_fraction(pieces, index)
        if fraction is not None:
            return fraction, end, True  # `5/8 pct`
        if _glued(pieces, index, index + 1) and pieces[index + 1].text == "-":
            fraction, end = _read_vulgar_fraction(pieces, index + 2)
            if fraction is not None and _glued(pieces, index + 1, index + 2):
                return value + fraction, end, True  # `11-1/2 pct`, `101-1/8`
        if _one_space_apart(pieces, index) and pieces[index].text.isdigit():
            fraction, end = _read_vulgar_fraction(pieces, index + 1)
            if fraction is not None:
                return value + fraction, end, True  # AP and NYT copy: `5 1/2 percent`, `$41 1/8`
        return value, index + 1, True
    words: list[str] = []
    position = index
    while position < len(pieces) and (
        pieces[position].lower in UNITS_WORDS
        or pieces[position].lower in TENS_WORDS
        or (words and pieces[position].lower in ("hundred", "-"))
    ):
        if pieces[position].lower != "-":
            words.append(pieces[position].lower)
        position += 1
    if (
        pieces[index].lower == "a"
        and index + 1 < len(pieces)
        and pieces[index + 1].lower
        in (
            "thousand",
            "million",
            "billion",
            "trillion",
        )
    ):
        return Decimal(1), index + 1, False
    number = parse_number_words(words)
    return (number, position, False) if number is not None else None


# Denominators of the fractions wire copy writes prices and rates in (`5-1/4 pct`, `30-5/8 dlrs`).
_WIRE_DENOMINATORS = frozenset({2, 4, 8, 16, 32, 64})


def _glued(pieces: list[Piece], left: int, right: int) -> bool:
    return right < len(pieces) and pieces[left].end == pieces[right].start


def _one_space_apart(pieces: list[Piece], index: int) -> bool:
    """Whether the next piece starts one character (a space, or a line break) after this one ends."""
    return index + 1 < len(pieces) and pieces[index + 1].start == pieces[index].end + 1


def _read_vulgar_fraction(pieces: list[Piece], index: int) -> tuple[Decimal | None, int]:
    """`1/2`, `15/16` written with a slash, as a proper fraction with a wire denominator."""
    if index + 2 >= len(pieces) or pieces[index + 1].text != "/":
        return None, index
    if not (_glued(pieces, index, index + 1) and _glued(pieces, index + 1, index + 2)):
        return None, index
    numerator, denominator = pieces[index].text, pieces[index + 2].text
    if not (numerator.isdigit() and denominator.isdigit()):
        return None, index
    if int(denominator) not in _WIRE_DENOMINATORS or not 0 < int(numerator) < int(denominator):
        return None, index
    return Decimal(numerator) / Decimal(denominator), index + 3


def _read_amount(pieces: list[Piece], index: int, context: _DocContext, *, money: bool = False) -> _Amount | None:
    """`$ 68.9 billion`, `15 mln dlrs`, `25 per cent`, `3.3 million`, `12 cts`, `Y500 mln`."""
    position = index
    evidence: list[str] = []
    negative, position = _read_sign(pieces, position)
    currency, position = _read_prefix(pieces, position, context, evidence)
    if currency is not None and not negative:
        negative, position = _read_sign(pieces, position)  # `$-12.6bn`
    number = _read_number(pieces, position)
    if number is None:
        return None
    numeral, position, in_digits = number
    if negative:
        numeral = -numeral
    if currency == "GBP" and pieces[index + negative].text == POUND_HASH and not _clearly_money(pieces, position - 1):
        return None
    multiplier = Decimal(1)
    scaled = False
    if position < len(pieces):
        scale = pieces[position].lower
        glued = _glued(pieces, position - 1, position)
        money_scale = (
            money
            or currency is not None
            or (position + 1 < len(pieces) and pieces[position + 1].lower in CURRENCY_WORDS)
        )
        # `10.9m viewers`, `50k jobs`; a capital glued on is a name (`4K streaming`) unless it is money
        lower_glued = glued and pieces[position].text in ("m", "k")
        readable = scale not in MONEY_ONLY_SCALES or money_scale or lower_glued
        if scale in SCALES and readable and (scale != "hundred" or not in_digits):
            multiplier *= SCALES[scale]
            scaled = True
            position += 1
            if position < len(pieces) and pieces[position].lower in ("crore", "crores", "trillion"):
                multiplier *= SCALES[pieces[position].lower]  # `1.5 lakh crore`
                position += 1
    if not in_digits and not scaled and currency is None:
        # number words: only `twelve percent`, `three million`, `five dollars`
        end, unit = _match_phrase(pieces, position, PERCENT_WORDS)
        if (
            unit is None
            and _currency_word(pieces, position)[1] is None
            and (position >= len(pieces) or pieces[position].lower not in SUBUNITS or pieces[position].lower == "p")
        ):
            return None

    def amount(end: int, kind: str | None, unit: str | None) -> _Amount:
        return _Amount(index, end, numeral * multiplier, kind, unit, scaled, in_digits, tuple(evidence), multiplier)

    end, percent_unit = _match_phrase(pieces, position, PERCENT_WORDS)
    if percent_unit and currency is None:
        return amount(end, "percent", percent_unit)
    if currency is None:
        end, word_currency = _currency_word(pieces, position, context)
        if word_currency and _weighs(pieces, end, scaled):
            return None  # `3 pounds of potatoes`, `300 pound-feet of torque`: weights, not money
        if word_currency:
            return amount(end, "money", word_currency)
        if (
            position < len(pieces)
            and pieces[position].lower in SUBUNITS
            and (pieces[position].lower != "p" or pieces[position].token == pieces[position - 1].token)
        ):
            sub_currency, factor = SUBUNITS[pieces[position].lower]
            multiplier *= factor
            return amount(position + 1, "money", sub_currency)
        return amount(position, None, None)
    repeated = CURRENCY_WORDS.get(pieces[position].lower) if position < len(pieces) else None
    if repeated == currency or (repeated and repeated.endswith("D") and currency.endswith("D")):
        position += 1  # `$5 million dollars`, `C$5 million dollars`; but `the $50m mark` is no Deutsche mark
    return amount(position, "money", currency)


def _weighs(pieces: list[Piece], end: int, scaled: bool) -> bool:
    """`pound` after a number is a weight when what follows is what it weighs (`3 pounds of potatoes`)
    or a hyphen makes it part of a unit (`pound-feet`); a scale word keeps it money (`5 million pounds of debt`)."""
    if end == 0 or pieces[end - 1].lower not in ("pound", "pounds") or end >= len(pieces):
        return False
    return (not scaled and pieces[end].lower == "of") or (pieces[end].text == "-" and _glued(pieces, end - 1, end))


def _read_sign(pieces: list[Piece], index: int) -> tuple[bool, int]:
    """A written minus sign before a number (`-2.4%`, `minus 3 percent`): not a hyphen inside a word
    or a range (`3-5`), which has no space before it."""
    if index + 1 >= len(pieces) or pieces[index].lower not in _SIGNS:
        return False, index
    sign, following = pieces[index], pieces[index + 1]
    if sign.lower == "minus":
        return parse_numeral(following.text) is not None or following.text in CURRENCY_PREFIXES, index + 1
    glued_after = sign.end == following.start
    glued_before = index > 0 and pieces[index - 1].end == sign.start and pieces[index - 1].text not in CURRENCY_PREFIXES
    return (glued_after and not glued_before), index + 1 if glued_after and not glued_before else index


def _read_prefix(pieces: list[Piece], index: int, context: _DocContext, evidence: list[str]) -> tuple[str | None, int]:
    """A currency written before the number, over one or two pieces (`$`, `HK$`, `HK $`, `$US`, `CN¥`)."""
    if index >= len(pieces):
        return None, index
    piece = pieces[index]
    if index + 2 < len(pieces):
        following = pieces[index + 1]
        gap = following.start - piece.end
        joined = piece.text + " " * gap + following.text  # `HK $` is in the table spaced, `A $` is not
        if joined in CURRENCY_PREFIXES and parse_numeral(pieces[index + 2].text) is not None:
            return CURRENCY_PREFIXES[joined], index + 2
    if piece.text in CURRENCY_PREFIXES:
        if piece.text == "$" and context.article_dollar and not _converts_previous(pieces, index):
            evidence.append("dollar_from_context")
            return context.article_dollar, index + 1
        if piece.text == "$":
            evidence.append("bare_dollar")
            return context.default_dollar, index + 1
        if piece.text.isalpha() and (index + 1 >= len(pieces) or parse_numeral(pieces[index + 1].text) is None):
            return None, index  # a code (`RM`, `DM`, `kr`) is a currency only right before a number
        return CURRENCY_PREFIXES[piece.text], index + 1
    if piece.text == "Y" and context.yen_article:
        return "JPY", index + 1
    return None, index


def _clearly_money(pieces: list[Piece], index: int) -> bool:
    """The numeral at `index` has a scale word, decimals or thousands: `#5 million`, `#2.50`, `#12,000`."""
    text = pieces[index].text
    scale = pieces[index + 1].lower if index + 1 < len(pieces) else ""
    return scale in SCALES or "." in text or "," in text or len(text) >= 4


def _converts_previous(pieces: list[Piece], index: int) -> bool:
    """A bare `$` right after another amount, in brackets or after `, or`, is a conversion into US
    dollars (`C$1.2 billion ($890 million)`, `A$1.2 billion, or about $800 million`)."""
    before = [piece.lower for piece in pieces[max(0, index - 4) : index]]
    while before and before[-1] in QUALIFIERS:
        before.pop()
    return bool(before) and (before[-1] == "(" or before[-2:] == [",", "or"])


def _currency_word(pieces: list[Piece], index: int, context: _DocContext | None = None) -> tuple[int, str | None]:
    """`dollars`, `yen`, `Canadian dollars`, `Hong Kong dollars`, `U.S. dollars` at `index`; a word
    without its adjective means the currency of the article's country (`article_currencies`)."""
    for size in (3, 2):
        if index + size <= len(pieces):
            adjective = " ".join(p.lower for p in pieces[index : index + size - 1])
            word = pieces[index + size - 1].lower
            if adjective in CURRENCY_ADJECTIVES and word in CURRENCY_WORDS:
                return index + size, CURRENCY_ADJECTIVES[adjective]
    if index < len(pieces) and pieces[index].lower in CURRENCY_WORDS:
        word = pieces[index].lower
        if word == "won" and index + 1 < len(pieces) and pieces[index + 1].lower in ("the", "a", "an"):
            return index, None  # the verb
        code = CURRENCY_WORDS[word]
        return index + 1, context.word_currencies.get(code, code) if context is not None else code
    return index, None


def _match_phrase(pieces: list[Piece], index: int, table: dict[str, str]) -> tuple[int, str | None]:
    """Longest phrase of `table` starting at `index`; its words may be joined by hyphens, and a
    hyphen may join it to the number before (`25-basis-point cut`, `a 5-pct rise`)."""
    words: list[tuple[str, int]] = []  # (word, piece index after it)
    position = index
    while position < len(pieces) and len(words) < _PHRASE_MAX:
        if pieces[position].text == "-" and position > 0 and _glued(pieces, position - 1, position):
            if not _glued(pieces, position, position + 1):
                break
            position += 1
            continue
        words.append((pieces[position].lower, position + 1))
        position += 1
    for size in range(len(words), 0, -1):
        phrase = " ".join(word for word, _ in words[:size])
        if phrase in table:
            return words[size - 1][1], table[phrase]
    return index, None


def _qualifier_before(pieces: list[Piece], index: int) -> tuple[str, int]:
    """The qualifier phrase ending right before piece `index` (`more than`, `an estimated`)."""
    for size in range(QUALIFIER_MAX_WORDS, 0, -1):
        if index - size >= 0:
            phrase = " ".join(p.lower for p in pieces[index - size : index])
            if phrase in QUALIFIERS:
                return QUALIFIERS[phrase], index - size
    return "exact", index


def _role_word(pieces: list[Piece], index: int, context: _DocContext) -> str | None:
    """`from`/`to` when the amount is an end of a change governed by a change verb (`drop to
    between 70 and 80 cents`: a range can be an end; `cut to 7/8 pct from the indicated 1-1/4 pct`:
    the end's words may stand between)."""
    if index > 1 and pieces[index - 1].lower == "between":
        index -= 1
    marker = _end_marker(pieces, index, context)
    if marker < 0 or pieces[marker].lower not in ("from", "to"):
        return None
    if _governing_change_word(pieces, marker, context) is not None:
        return pieces[marker].lower
    return None


# Tags of the words an end of a change may put before its figure: `to a record 17.11 billion`,
# `from a provisional 14.8 billion`, `to a seasonally adjusted 738.9 billion`, `from the year-ago 24.2`.
_END_MODIFIER_TAGS = frozenset({"JJ", "JJR", "JJS", "VBN", "VBD", "RB", "HYPH"})
_END_MODIFIER_MAX = 4
_END_DETERMINERS = frozenset({"a", "an", "the", "its", "their"})


def _end_marker(pieces: list[Piece], start: int, context: _DocContext) -> int:
    """Index of the piece that would say the amount at `start` is an end of a change (`from`, `to`):
    the piece before it, or the one before a determiner with the end's modifiers (`from the
    original 500 mln`) or a level noun (`from a low of 37 pesos`, `lexicon.LEVEL_NOUNS`); -1 at the
    sentence's start."""
    doc = context.doc
    index = start - 1
    if index >= 1 and pieces[index].lower == "of" and pieces[index - 1].lower in LEVEL_NOUNS:
        index -= 2
    else:
        skipped = 0
        while index >= 0 and skipped < _END_MODIFIER_MAX and pieces[index].lower not in _END_DETERMINERS:
            hyphenated = pieces[index + 1].text == "-"  # `year-ago`
            modifier = doc[pieces[index].token].tag_ in _END_MODIFIER_TAGS or pieces[index].lower in LEVEL_NOUNS
            if not (modifier or hyphenated):
                return start - 1
            index, skipped = index - 1, skipped + 1
    return index - 1 if index >= 0 and pieces[index].lower in _END_DETERMINERS else start - 1


def _to_quantity(
    pieces: list[Piece],
    amount: _Amount,
    qualifier: str,
    role: str | None,
    direction: str | None,
    context: _DocContext,
) -> Quantity:
    first, last = pieces[amount.first], pieces[amount.last - 1]
    high = amount.high
    evidence = amount.evidence
    evidence += _spacy_agreement(context.doc, first.token, last.token + 1, amount.kind)
    return Quantity(
        start=first.start,
        end=last.end,
        kind=amount.kind or "count",
        value=amount.value,
        unit=amount.unit,
        qualifier=qualifier,
        value_low=amount.value if high is not None else None,
        value_high=high,
        role=role,
        direction=direction,
        token_start=first.token,
        token_end=last.token + 1,
        evidence=evidence,
    )


def merge_entities(doc: Doc, quantities: list[Quantity]) -> None:
    """Make spaCy's entities agree with the recognizer (the recognizer wins).

    Each quantity becomes a MONEY, PERCENT or CARDINAL entity over its number and unit words; a
    spaCy entity that overlaps a quantity is dropped when it holds a number or a unit word (`cts`
    tagged ORG, `25 per cent` tagged MONEY is relabelled PERCENT), and kept when it only names what
    is counted (`American` in `40,000 American workers`); a year it ran on from becomes a DATE (`in
    2004 73%` tagged PERCENT).
    """
    labelled, claimed = [], set()
    for quantity in quantities:
        span = doc[quantity.token_start : _number_end(doc, quantity)]
        tokens = set(range(span.start, span.end))
        if tokens and not tokens & claimed:  # two figures read inside one token (`1,000million12billion`)
            labelled.append(Span(doc, span.start, span.end, label=_ENTITY_LABELS[quantity.kind]))
            claimed |= tokens
    covered = {i for q in quantities for i in range(q.token_start, q.token_end)}
    kept = []
    for ent in doc.ents:
        inside = [i for i in range(ent.start, ent.end) if i in covered]
        if not inside:
            kept.append(ent)
        elif ent.label_ in _ENTITY_LABELS.values() and _YEAR.fullmatch(doc[ent.start : inside[0]].text):
            kept.append(Span(doc, ent.start, inside[0], label="DATE"))  # `in 2004 73% of all e-mail`
        elif ent.label_ not in _ENTITY_LABELS.values() and inside[-1] + 1 < ent.end:
            rest = doc[inside[-1] + 1 : ent.end]  # `the 12-nation Trans-Pacific Partnership` keeps its name
            if rest[0].is_title or rest[0].is_upper:
                kept.append(Span(doc, rest.start, rest.end, label=ent.label_))
        elif not any(_is_unit_word(token) for token in ent):
            kept.append(ent)  # `American` in `40,000 American workers` names what is counted
    taken = {i for span in labelled for i in range(span.start, span.end)}
    merged = list(labelled)
    for ent in kept:
        if not any(i in taken for i in range(ent.start, ent.end)):
            merged.append(ent)
            taken.update(range(ent.start, ent.end))
    doc.ents = sorted(merged, key=lambda span: span.start)


_ENTITY_LABELS = {"money": "MONEY", "percent": "PERCENT", "count": "CARDINAL"}


def _number_end(doc: Doc, quantity: Quantity) -> int:
    """End of the number-and-unit part of a quantity's tokens (without a counted noun)."""
    if quantity.kind != "count":
        return quantity.token_end
    end = quantity.token_start
    while end < quantity.token_end and (doc[end].like_num or doc[end].lower_ in SCALES or doc[end].text in "-–"):
        end += 1
    while end > quantity.token_start + 1 and doc[end - 1].text in "-–":
        end -= 1  # `12-nation`: the hyphen belongs to the compound, not the number
    return max(end, quantity.token_start + 1)


def _is_unit_word(token) -> bool:
    lower = token.lower_
    return (
        token.like_num
        or any(ch.isdigit() for ch in lower)
        or lower in SCALES
        or lower in SUBUNITS
        or (lower in CURRENCY_WORDS or lower in PERCENT_WORDS or token.text in CURRENCY_PREFIXES)
    )


_AGREEING_LABELS = {"money": ("MONEY",), "percent": ("PERCENT",), "count": ("CARDINAL", "QUANTITY")}


def _spacy_agreement(doc: Doc, token_start: int, token_end: int, kind: str | None) -> tuple[str, ...]:
    labels = {doc[i].ent_type_ for i in range(token_start, token_end)} - {""}
    if not labels:
        return ("spacy_none",)
    if labels & set(_AGREEING_LABELS.get(kind or "count", ())):
        return ("spacy_agrees",)
    return ("spacy_disagrees:" + ",".join(sorted(labels)),)
