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
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from spacy.tokens import Doc, Span

from pipeline.lexicon import (
    CURRENCY_ADJECTIVES,
    CURRENCY_PREFIXES,
    CURRENCY_WORDS,
    FRACTION_DENOMINATORS,
    FRACTION_NUMERATORS,
    MONEY_ONLY_SCALES,
    PERCENT_WORDS,
    QUALIFIER_MAX_WORDS,
    QUALIFIERS,
    SCALES,
    SUBUNITS,
    TENS_WORDS,
    UNITS_WORDS,
    parse_number_words,
    parse_numeral,
)
from pipeline.records import Quantity

# Parts of a token that glues currency, number, scale or a range together: `HK$300`, `3bn`,
# `Rs.5`, `20p`, `€2bn-€3bn`. Each alternative is a single bounded step, so splitting is linear.
_GLUED_PART = re.compile(
    r"[A-Z]{1,3}\$|\$|Rs\.?|[€£¥₹₩]"  # currency signs and prefixed dollars
    r"|\d[\d,]*(?:\.\d+)?|\.\d+"  # numerals
    r"|[A-Za-z]+|%|[-–/]|."  # words, scale suffixes, percent, range dashes, anything else
)
# Letters then digits that are names, not amounts: `M3`, `G20`, `RAV4`, `COP26` (but `Y500`, `HK$3`).
_CODE = re.compile(r"(?!Y\d|Rs\d)[A-Za-z]+\d")
_YEAR = re.compile(r"(1[5-9]|20|21)\d\d")
CHANGE_VERBS = frozenset(
    """
    rise raise fall increase decrease grow shrink jump climb drop decline slide slip surge soar
    plunge tumble cut lift lower reduce boost balloon expand narrow widen go move swell sink ease
    edge hike double triple halve improve recover gain lose dip rebound retreat advance contract
    slump spike accelerate slow fall
    """.split()
)
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
    """Split tokens that glue currency, number and scale together into separate pieces."""
    pieces: list[Piece] = []
    for token in tokens:
        text, start = token.text, token.idx
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


def find_quantities(doc: Doc, *, default_dollar: str = "USD") -> list[Quantity]:
    """Find every money amount, percentage and count in `doc`.

    Args:
        doc: a doc with sentence boundaries (tags, lemmas and entities improve the result).
        default_dollar: the currency of a bare `$`.

    Returns:
        Quantities in text order; offsets are into `doc.text`.
    """
    lowered = doc.text.lower()
    context = _DocContext(
        doc=doc,
        default_dollar=default_dollar,
        yen_article="yen" in lowered or "¥" in doc.text or "japan" in lowered,
        article_dollar=article_dollar(doc.text),
    )
    quantities: list[Quantity] = []
    sentences = doc.sents if doc.has_annotation("SENT_START") else [doc[:]]
    for sentence in sentences:
        if _MAY_HOLD_NUMBER.search(sentence.text):
            quantities.extend(_sentence_quantities(sentence, context))
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


# Explicit dollars an article may name; a bare `$` in an article naming only one of them, and no
# US dollar, is that dollar (`C$2.5 billion ... a $300 million loan` in Canadian news).
_NAMED_DOLLARS = {
    "CAD": re.compile(r"\bC\$|\bCA\$|\bCAD\b|Canadian dollars?\b|\bCdn\$"),
    "AUD": re.compile(r"\bA\$|\bAU\$|\bAUD\b|Australian dollars?\b"),
    "NZD": re.compile(r"\bNZ\$|\bNZD\b|New Zealand dollars?\b"),
    "HKD": re.compile(r"\bHK\$|\bHKD\b|Hong Kong dollars?\b"),
    "SGD": re.compile(r"\bS\$|\bSGD\b|Singapore dollars?\b"),
}
_US_DOLLAR = re.compile(r"\bUS\$|\bU\.S\.\$|\bUSD\b|\b(?:U\.?S\.?|American) dollars?\b")


def article_dollar(text: str) -> str | None:
    """The dollar a bare `$` means in this article when the article says so, else None.

    >>> article_dollar("Magna raised C$2.5 billion and repaid a $300 million loan.")
    'CAD'
    >>> article_dollar("It paid C$2.5 billion and US$5m.") is None
    True
    """
    if _US_DOLLAR.search(text):
        return None
    named = [code for code, pattern in _NAMED_DOLLARS.items() if pattern.search(text)]
    return named[0] if len(named) == 1 else None


@dataclass(frozen=True)
class _DocContext:
    doc: Doc
    default_dollar: str
    yen_article: bool
    article_dollar: str | None = None


def _sentence_quantities(sentence: Span, context: _DocContext) -> Iterator[Quantity]:
    pieces = split_pieces(sentence)
    found: list[tuple[_Amount, str, int]] = []  # amount, qualifier, index of first qualifier piece
    index = 0
    while index < len(pieces):
        amount = _read_expression(pieces, index, context)
        if amount is None:
            index += 1
            continue
        qualifier, qualifier_start = _qualifier_before(pieces, amount.first)
        found.append((amount, qualifier, qualifier_start))
        index = amount.last
    roles = [_role_word(pieces, start, context) for _, _, start in found]
    for position, (amount, _, start) in enumerate(found):
        if _after_up_from(pieces, start):
            roles[position] = "from"  # `150 basis points, up from 90`: a change stated backwards
            earlier = [i for i in range(position) if found[i][0].kind == amount.kind and roles[i] is None]
            if earlier:
                roles[earlier[-1]] = "to"
    kinds_with_to = {found[i][0].kind for i, role in enumerate(roles) if role == "to"}
    for position, (amount, _, start) in enumerate(found):
        if roles[position] == "from" and amount.kind not in kinds_with_to:
            roles[position] = None
        elif roles[position] is None and position and _restates_previous(pieces, start):
            roles[position] = roles[position - 1]  # `120 mln dlrs, or 12 cts a share`
    for (amount, qualifier, _), role in zip(found, roles, strict=True):
        yield _to_quantity(pieces, amount, qualifier, role, context)


def _after_up_from(pieces: list[Piece], start: int) -> bool:
    return start >= 2 and pieces[start - 1].lower == "from" and pieces[start - 2].lower in ("up", "down")


def _restates_previous(pieces: list[Piece], start: int) -> bool:
    return start >= 2 and pieces[start - 1].lower == "or" and pieces[start - 2].text == ","


def _read_expression(pieces: list[Piece], index: int, context: _DocContext) -> _Amount | None:
    """An amount, a proportion, or a range of two amounts starting at `index`."""
    between = index > 0 and pieces[index - 1].lower == "between"
    first = _read_fraction(pieces, index) or _read_amount(pieces, index, context)
    if first is None:
        return None
    connector = pieces[first.last].lower if first.last < len(pieces) else ""
    is_range_word = connector in ("-", "–", "to") or (between and connector == "and")
    if is_range_word and first.last + 1 < len(pieces) and not first.evidence.count("words"):
        second = _read_amount(pieces, first.last + 1, context, money=first.kind == "money")
        if second is not None and _is_range(pieces, first, second, connector):
            merged = _merge_range(first, second)
            if merged is not None:
                return _accept(pieces, merged, context)
    return _accept(pieces, first, context)


def _is_range(pieces: list[Piece], first: _Amount, second: _Amount, connector: str) -> bool:
    if first.kind and second.kind and (first.kind != second.kind or first.unit != second.unit):
        return False
    if _is_year(pieces, first) and not first.kind:
        return False  # `2024-25` is a fiscal year
    if connector == "to":
        # `from 10% to 24%` and `rose 5 pct to 120 mln dlrs` are changes; `grow 3% to 5%` is a range.
        preceded_by_from = first.first > 0 and pieces[first.first - 1].lower == "from"
        return (first.kind == second.kind or first.kind is None) and not preceded_by_from
    if connector in ("-", "–"):
        return first.in_digits and second.in_digits
    return True


def _merge_range(first: _Amount, second: _Amount) -> _Amount | None:
    kind = second.kind or first.kind
    unit = second.unit or first.unit
    low = first.value
    if not first.scaled and second.scaled:
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


def _accept(pieces: list[Piece], amount: _Amount, context: _DocContext) -> _Amount | None:
    """Decide whether a bare number is a count, and of what."""
    if amount.kind is not None:
        return amount
    doc = context.doc
    number_piece = pieces[amount.last - 1]
    number_token = doc[number_piece.token]
    if number_token.ent_type_ in _NOT_COUNT_LABELS or number_piece.text[:1] == "0":
        return None
    if not amount.scaled and (_is_year(pieces, amount) or not amount.in_digits):
        return None
    if amount.first > 0 and _names_a_thing(doc[pieces[amount.first - 1].token]):
        return None  # `Section 232`, `Nikkei 225`, `No. 1`, `Boeing 737`
    if (
        amount.first > 1
        and pieces[amount.first - 1].lower == "of"
        and doc[pieces[amount.first - 2].token].pos_ == "PROPN"
    ):
        return None  # `Group of 20`
    noun_end, lemma = _counted_noun(pieces, amount.last, context)
    if lemma in TIME_NOUNS:
        return None
    if lemma is not None:
        return replace(amount, last=noun_end, kind="count", unit=lemma)
    # No noun: only big, unambiguous numbers stand alone as counts (`employs more than 34,000`).
    if amount.scaled or ("," in number_piece.text and amount.value >= 1000):
        unit = _unit_from_sentence(pieces, context)
        return replace(amount, kind="count", unit=unit, evidence=amount.evidence + ("unit_from_sentence",))
    return None


def _names_a_thing(token) -> bool:
    return (token.pos_ == "PROPN" and token.ent_type_ not in ("GPE", "NORP", "LOC")) or token.lower_ in (
        "no.",
        "no",
        "number",
        "nos.",
        "#",
    )


def _unit_from_sentence(pieces: list[Piece], context: _DocContext) -> str | None:
    """The counted noun a bare number refers to: another count's noun, or `the number of X`."""
    doc = context.doc
    for index, piece in enumerate(pieces):
        if parse_numeral(piece.text) is not None and (index + 1 < len(pieces)):
            position = index + 1
            if position < len(pieces) and pieces[position].lower in SCALES:
                position += 1
            _, lemma = _counted_noun(pieces, position, context)
            if lemma is not None and lemma not in TIME_NOUNS:
                return lemma
        if piece.lower == "number" and index + 2 < len(pieces) and pieces[index + 1].lower == "of":
            token = doc[pieces[index + 2].token]
            if token.pos_ == "NOUN":
                return token.lemma_.lower()
    return None


def _counted_noun(pieces: list[Piece], index: int, context: _DocContext) -> tuple[int, str | None]:
    """The noun counted by a number ending before piece `index`: `13,000 vehicles`, `12-nation`."""
    doc = context.doc
    position = index
    if position < len(pieces) and pieces[position].text == "-":
        position += 1
    for _ in range(3):  # up to two modifiers before the noun: `2.3 million local jobs`
        if position >= len(pieces):
            return index, None
        token = doc[pieces[position].token]
        if token.pos_ == "NOUN" and token.tag_ in ("NNS", "NN") and token.is_alpha:
            following = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if following is not None and following.pos_ == "NOUN" and following.tag_ == "NNS":
                return _piece_after_token(pieces, following.i, position), _noun_lemma(following)
            return position + 1, _noun_lemma(token)
        modifier = (
            token.pos_ == "ADJ" or token.tag_ in ("VBN", "VBG") or (token.pos_ == "PROPN" and token.dep_ == "compound")
        )
        if modifier and token.is_alpha:
            position += 1
            continue
        return index, None
    return index, None


def _noun_lemma(token) -> str:
    lemma = (token.lemma_ or token.text).lower()
    return "person" if lemma == "people" else lemma


def _piece_after_token(pieces: list[Piece], token_index: int, start: int) -> int:
    position = start
    while position < len(pieces) and pieces[position].token <= token_index:
        position += 1
    return position


def _read_fraction(pieces: list[Piece], index: int) -> _Amount | None:
    """Proportions in words: `a third of`, `three-fourths`, `half of`, `a third of 1%`."""
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
    if not hyphen and after != "of":
        return None  # `a third round`, `a quarter` of a year: not a proportion
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


def _fraction_of_a_point(
    pieces: list[Piece], index: int, share: Decimal, *, first: int | None = None
) -> _Amount | None:
    """`half a pct point`, `a quarter of a percentage point`, `a percentage point`: points, not %."""
    position = index
    if position < len(pieces) and pieces[position].lower == "of":
        position += 1
    if position < len(pieces) and pieces[position].lower in ("a", "one") and position > index - 1:
        if pieces[position].lower == "a" and position == index and first is None and share == 1:
            pass  # `a percentage point`: the `a` was the number itself
        else:
            position += 1
    end, unit = _match_phrase(pieces, position, PERCENT_WORDS)
    if unit not in ("pp", "bp"):
        return None
    start = first if first is not None else index - 1
    return _Amount(start, end, share, "percent", unit, False, False, ("words",))


def _read_number(pieces: list[Piece], index: int) -> tuple[Decimal, int, bool] | None:
    """A numeral or number words at `index`: (value, next piece, written in digits)."""
    if index >= len(pieces):
        return None
    value = parse_numeral(pieces[index].text)
    if value is not None:
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


def _read_amount(pieces: list[Piece], index: int, context: _DocContext, *, money: bool = False) -> _Amount | None:
    """`$ 68.9 billion`, `15 mln dlrs`, `25 per cent`, `3.3 million`, `12 cts`, `Y500 mln`."""
    position = index
    currency = None
    evidence: list[str] = []
    piece = pieces[position]
    if piece.text in CURRENCY_PREFIXES:
        currency = CURRENCY_PREFIXES[piece.text]
        if piece.text == "$" and context.article_dollar and not _converts_previous(pieces, position):
            evidence.append("dollar_from_context")
            currency = context.article_dollar
        elif piece.text == "$":
            evidence.append("bare_dollar")
            currency = context.default_dollar
        position += 1
    elif piece.text == "Y" and context.yen_article:
        currency = "JPY"
        position += 1
    number = _read_number(pieces, position)
    if number is None:
        return None
    numeral, position, in_digits = number
    multiplier = Decimal(1)
    scaled = False
    if position < len(pieces):
        scale = pieces[position].lower
        glued = pieces[position].token == pieces[position - 1].token
        money_scale = (
            money
            or currency is not None
            or (position + 1 < len(pieces) and pieces[position + 1].lower in CURRENCY_WORDS)
        )
        readable = scale not in MONEY_ONLY_SCALES or money_scale or (glued and scale in ("m", "k"))
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
        end, word_currency = _currency_word(pieces, position)
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
    if position < len(pieces) and pieces[position].lower in CURRENCY_WORDS:
        position += 1  # `$5 million dollars`
    return amount(position, "money", currency)


def _converts_previous(pieces: list[Piece], index: int) -> bool:
    """A bare `$` right after another amount, in brackets or after `, or`, is a conversion into US
    dollars (`C$1.2 billion ($890 million)`, `A$1.2 billion, or about $800 million`)."""
    before = [piece.lower for piece in pieces[max(0, index - 4) : index]]
    while before and before[-1] in QUALIFIERS:
        before.pop()
    return bool(before) and (before[-1] == "(" or before[-2:] == [",", "or"])


def _currency_word(pieces: list[Piece], index: int) -> tuple[int, str | None]:
    """`dollars`, `yen`, `Canadian dollars`, `Hong Kong dollars`, `U.S. dollars` at `index`."""
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
        return index + 1, CURRENCY_WORDS[word]
    return index, None


def _match_phrase(pieces: list[Piece], index: int, table: dict[str, str]) -> tuple[int, str | None]:
    """Longest phrase of `table` starting at `index`."""
    for size in range(_PHRASE_MAX, 0, -1):
        if index + size <= len(pieces):
            phrase = " ".join(p.lower for p in pieces[index : index + size])
            if phrase in table:
                return index + size, table[phrase]
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
    """`from`/`to` when the amount is an end of a change governed by a change verb."""
    if index == 0 or pieces[index - 1].lower not in ("from", "to"):
        return None
    if _follows_change_verb(pieces, index - 1, context.doc, preposition=context.doc[pieces[index - 1].token]):
        return pieces[index - 1].lower
    return None


def _follows_change_verb(pieces: list[Piece], index: int, doc: Doc, *, preposition=None) -> bool:
    """Whether a change verb (`rise`, `cut`, `balloon`) governs the words before piece `index`."""
    if preposition is not None and doc.has_annotation("DEP"):
        head = preposition.head
        for _ in range(3):
            if head.lemma_.lower() in CHANGE_VERBS:
                return True
            if head.head is head:
                break
            head = head.head
    for piece in reversed(pieces[max(0, index - 8) : index]):
        token = doc[piece.token]
        if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in CHANGE_VERBS:
            return True
    return False


def _to_quantity(
    pieces: list[Piece], amount: _Amount, qualifier: str, role: str | None, context: _DocContext
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
        token_start=first.token,
        token_end=last.token + 1,
        evidence=evidence,
    )


def merge_entities(doc: Doc, quantities: list[Quantity]) -> None:
    """Make spaCy's entities agree with the recognizer (the recognizer wins).

    Each quantity becomes a MONEY, PERCENT or CARDINAL entity over its number and unit words; a
    spaCy entity that overlaps a quantity is dropped when it holds a number or a unit word (`cts`
    tagged ORG, `25 per cent` tagged MONEY is relabelled PERCENT), and kept when it only names what
    is counted (`American` in `40,000 American workers`).
    """
    spans = [doc[q.token_start : _number_end(doc, q)] for q in quantities]
    labelled = [
        Span(doc, span.start, span.end, label=_ENTITY_LABELS[q.kind]) for span, q in zip(spans, quantities, strict=True)
    ]
    covered = {i for q in quantities for i in range(q.token_start, q.token_end)}
    kept = []
    for ent in doc.ents:
        inside = [i for i in range(ent.start, ent.end) if i in covered]
        if not inside:
            kept.append(ent)
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
