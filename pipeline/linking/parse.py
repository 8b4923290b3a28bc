"""What every linking rule reads: the article's sentences and names, one figure's place in its
parse (`Mention`), and the phrase helpers that cut a noun or verb phrase out of the parse."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from itertools import islice

from spacy.tokens import Doc, Span, Token

from pipeline.dates import in_year, resolve_period, season_end_month, story_periods, year_earlier
from pipeline.entities import NAME_LABELS, EntityCanon, actor_entities, lede_sentence
from pipeline.lexicon import COMPARISON_WORDS, REPORTED_NOUNS, SAME_PERIOD_WORDS, SAY_VERBS, SCALES
from pipeline.records import Link, Quantity

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n[ \t]+")
# Periods a story can be about: a year, a quarter or half, a month, a span of months (not a day).
_STORY_PERIOD = re.compile(r"\d{4}(?:-[QH]\d|-\d\d)?(?:/\d{4}(?:-\d\d)?)?")
_PART_YEAR = re.compile(r"\d{4}(?:-[QH]\d|-\d\d(?:/\d{4}-\d\d)?)")
_ANY_YEAR_END = date(2000, 12, 31)
_YEAR_ONLY = re.compile(r"\d{4}")
_ONE_MONTH_ONLY = re.compile(r"\d{4}-\d\d")
_YEAR_IN_TEXT = re.compile(r"\b(?:19|20)\d\d\b")
# Words before a year that bound a span or set a base, not the year a story reports.
_STORY_YEAR_PARAGRAPHS = 2  # the lede's paragraph and the next: where a story says when it is about
_NOT_STORY_YEAR_WORDS = frozenset({"since", "until", "till", "by", "before", "after", "from", "on", "of", "than"})
_COMPARED_PERIOD = re.compile(rf"\b(?:{'|'.join(SAME_PERIOD_WORDS)})\b", re.IGNORECASE)
_PERIOD_LOOKBACK = 12  # dates back `the same period` may look: a story's few, and a bound for a hostile one
# Verbs that set a figure on a thing someone else owns, `at` the figure: `USDA forecast Argentina's
# wheat crop at 9.00 mln tonnes`, `analysts put the loss at $2 billion`, `exports are estimated at
# 15.96 mln`: the object is measured, the verb's subject is the estimate's source.
ESTIMATE_VERBS = frozenset("estimate forecast project put peg see expect predict place".split())
# Nouns of an estimate, which say who reckons a thing, not whose it is (`its estimate of grain purchases
# by the Soviet Union`).
ESTIMATE_NOUNS = frozenset("estimate forecast projection prediction".split())
COPULAS = frozenset({"be", "stand", "reach", "total", "hit", "remain", "come", "amount"})
# Verbs whose subject is what a share or amount measures: `automakers have 90 percent of the market`.
SHARE_VERBS = frozenset({"have", "account", "make", "represent", "control", "hold", "own", "command", "take"})
# Nouns that stand for an entity named earlier: `the company said` -> the last ORG.
ORG_ANAPHORS = frozenset(
    """
    company firm group carmaker automaker bank maker lender government division unit arm subsidiary
    business retailer insurer airline chain operator
    """.split()
)
PLACE_ANAPHORS = frozenset({"country", "nation"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
COMPARED = frozenset({"vs", "vs.", "versus"})  # what sets a results table's year-earlier figures apart
# The lexicon's comparison words that set a compared figure apart in running text (`29.4 mln dlrs
# versus 31.4 mln dlrs for 1986`, `compared with`, `in comparison with`), not those a change starts
# from (`from`, `after`).
COMPARING_WORDS = frozenset(phrase.split()[0] for phrase in COMPARISON_WORDS) - {"from", "after"} | {"comparison"}
SUBJECT_MAX_TOKENS = 12
WINDOW = 40  # tokens either side of a phrase's head that linking looks at
_VERB_PHRASE_DEPS = ("aux", "auxpass", "neg", "prt", "dobj", "dative", "agent", "oprd", "attr", "acomp")
CLAUSE_DEPS = ("appos", "punct", "cc", "conj", "advcl", "ccomp", "mark")


QUOTE_MARKS = frozenset(('"', "“", "”"))


class TokenSet(AbstractSet[int]):
    """Token indexes: a large part shared by all figures of an article (every figure's tokens, which
    no subject takes) with a few of one figure's own added or removed. Combining never copies the
    shared part, so linking stays linear in the figures of a sentence, even a table's thousands.

    >>> excluded = (TokenSet(frozenset({1, 2, 3})) | {7}) - {2}
    >>> sorted(excluded), 2 in excluded, {1, 2, 9} & excluded
    ([1, 3, 7], False, {1})
    """

    __slots__ = ("shared", "added", "removed")

    def __init__(
        self, shared: AbstractSet[int], added: Iterable[int] = frozenset(), removed: Iterable[int] = frozenset()
    ) -> None:
        self.shared, self.added, self.removed = shared, frozenset(added), frozenset(removed)

    def __contains__(self, index: object) -> bool:
        return index not in self.removed and (index in self.added or index in self.shared)

    def __iter__(self) -> Iterator[int]:
        return (index for index in self.shared | self.added if index not in self.removed)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __or__(self, other: Iterable[int]) -> TokenSet:
        other = frozenset(other)
        return TokenSet(self.shared, self.added | other, self.removed - other)

    def __sub__(self, other: Iterable[int]) -> TokenSet:
        other = frozenset(other)
        return TokenSet(self.shared, self.added - other, self.removed | other)

    def __and__(self, other: Iterable[int]) -> set[int]:
        return {index for index in other if index in self}  # the other set is a phrase's few tokens

    __rand__ = __and__
    __hash__ = None  # type: ignore[assignment]


@dataclass(frozen=True)
class Article:
    """One doc's sentences with their named entities, dates, actors and attributions, each computed
    once per sentence (spaCy's `Span.ents` scans the whole doc on every call, and a sentence may hold
    many figures)."""

    doc: Doc
    text: str  # doc.text, once (spaCy joins every token's text on each access)
    sentences: list[Span]
    starts: list[int]
    names: list[list[Span]]  # per sentence: entities that name things
    dates: list[list[Span]]  # per sentence: DATE entities
    actors: list[list[Span]]  # per sentence: named entities that are a verb's subject
    canon: EntityCanon
    published: date | None
    quantity_tokens: set[int]
    periods: list[tuple[int, str, str]]  # the story's reporting periods: (first token governed, period, words)
    attributions: dict[int, list] = field(default_factory=dict)  # sentence -> source.attributions(sentence)

    @classmethod
    def of(cls, doc: Doc, quantities: list[Quantity], published: date | None, canon: EntityCanon) -> Article:
        sentences = list(doc.sents)
        starts = [sentence.start for sentence in sentences]
        names: list[list[Span]] = [[] for _ in sentences]
        dates: list[list[Span]] = [[] for _ in sentences]
        for ent in doc.ents:
            if ent.label_ in NAME_LABELS:
                names[bisect_right(starts, ent.start) - 1].append(ent)
            elif ent.label_ == "DATE":
                dates[bisect_right(starts, ent.start) - 1].append(ent)
        quantity_tokens = {i for quantity in quantities for i in range(quantity.token_start, quantity.token_end)}
        actors = [actor_entities(sentence_names) for sentence_names in names]
        text = doc.text
        lines, offset = [], 0
        for line in text.split("\n"):
            if line.strip():
                lines.append((offset, line))
            offset += len(line) + 1
        token_starts = [token.idx for token in doc]
        periods = [
            (bisect_right(token_starts, start) - 1, period, words)
            for start, period, words in story_periods(lines, published)
        ]
        return cls(doc, text, sentences, starts, names, dates, actors, canon, published, quantity_tokens, periods)

    @cached_property
    def opens_quote(self) -> list[bool]:
        """Per sentence: whether a quote is still open at its end (`“` opens, `”` closes, a straight
        `"` does either; a paragraph starts outside any quote), computed once for all sentences."""
        inside, found = False, []
        for index, sentence in enumerate(self.sentences):
            if index and self.starts_paragraph(index):
                inside = False
            for token in sentence:
                if token.text in QUOTE_MARKS:
                    inside = token.text == "“" or (token.text == '"' and not inside)
            found.append(inside)
        return found

    def starts_paragraph(self, index: int) -> bool:
        """Whether sentence `index` starts a paragraph: a blank line, or a wire story's indented line, before it."""
        before, sentence = self.sentences[index - 1], self.sentences[index]
        last = next((token for token in reversed(before) if not token.is_space), before[-1])
        first = next((token for token in sentence if not token.is_space), sentence[0])
        return bool(_PARAGRAPH_BREAK.search(self.text[last.idx + len(last.text) : first.idx]))

    @cached_property
    def lede_period(self) -> tuple[str, str] | None:
        """The period a story's first sentence gives the thing it reports (`President Bush has
        presented his 2006 budget`, `reported 1986 net profit of ...`, `fourth-quarter profits
        rose`): a year, quarter, half or month naming a noun, with its words."""
        if self._lede_index is None:
            return None
        return next(((period, ent.text) for period, ent in self._periods_naming(self._lede_index, nouns=None)), None)

    @cached_property
    def _lede_index(self) -> int | None:
        lede = lede_sentence(self.doc)
        return bisect_right(self.starts, lede.start) - 1 if lede is not None else None

    @cached_property
    def _reported_periods(self) -> list[tuple[int, str, str, int]]:
        """(sentence, period, words, token after them) of each body sentence after the lede that gives
        the period of a company's or a government's results (`its 1986 results`, `the 2005 budget`:
        `REPORTED_NOUNS`)."""
        first = self._lede_index + 1 if self._lede_index is not None else len(self.sentences)
        return [
            (index, period, ent.text, ent.end)
            for index in range(first, len(self.sentences))
            for period, ent in islice(self._periods_naming(index, nouns=REPORTED_NOUNS), 1)
        ]

    def _periods_naming(self, index: int, nouns: frozenset[str] | None) -> Iterator[tuple[str, Span]]:
        """The periods of sentence `index`'s dates that modify a noun (one of `nouns`, if given)."""
        for ent in self.dates[index]:
            head = ent.root.head
            if ent.root.dep_ not in ("compound", "amod", "nmod", "nummod", "poss") or head.pos_ != "NOUN":
                continue
            if nouns is not None and head.lemma_.lower() not in nouns:
                continue
            period = resolve_period(ent.text, self.published, self.season_end)
            if period is not None and _STORY_PERIOD.fullmatch(period):
                yield period, ent

    def reported_period_before(self, index: int) -> tuple[str, str] | None:
        """The period the story last gave its results before sentence `index` (`_reported_periods`):
        what an undated figure further on reports (`The company was commenting on its 1986 results
        ... Pretax profits also dipped to 601.7 mln stg`), else the lede's. Another period stated
        since (`At end December 1986 the company had ...`, `Its 1986 sales were ... in 1987`) ends
        it, as which of the two a later figure is of the text no longer says; the same period a year
        before is what its figures are compared with (`from 144 mln in 1985`), and does not."""
        found = bisect_left(self._reported_periods, (index,))
        if not found:
            return self.lede_period
        since, period, words, end = self._reported_periods[found - 1]
        year_before = year_earlier(period)
        for between in range(since, index):  # its own sentence too: `Its 1986 sales were ... in 1987`
            stated = (other for start, other in self._resolved_dates[between] if start >= end)
            if any(other not in (None, period, year_before) for other in stated):
                return self.lede_period
        return period, words

    @cached_property
    def _resolved_dates(self) -> list[list[tuple[int, str | None]]]:
        """Per sentence: each date's first token and its period against `published`, resolved once
        (every undated figure after a reported period looks at the sentences since)."""
        return [
            [(ent.start, resolve_period(ent.text, self.published, self.season_end)) for ent in dates]
            for dates in self.dates
        ]

    @cached_property
    def stated_periods(self) -> list[tuple[int, str | None, str]]:
        """Every date of the article as (token after it, period or None, words), in order: what `the
        same period in 2003` looks back to. Found only when a figure asks."""
        # Only the part of the year is used (the phrase names the year): an undated story's `the fourth
        # quarter` is read against any day, the last of a year.
        published = self.published or _ANY_YEAR_END
        return [
            (ent.end, resolve_period(text, published, self.season_end), text)
            for dates in self.dates
            for ent in dates
            for text in [self._with_period_words(ent)]
        ]

    def _with_period_words(self, ent: Span) -> str:
        """`the period through March`: a date with the words before it that make it a span from January."""
        before = self.doc[max(0, ent.start - 2) : ent.start]
        if len(before) == 2 and before[0].lower_ == "period" and before[1].lower_ in ("through", "thru"):
            return f"{before.text} {ent.text}"
        return ent.text

    @cached_property
    def _stated_period_ends(self) -> list[int]:
        return [end for end, _, _ in self.stated_periods]

    def part_year_period_before(self, token: int) -> tuple[str, str] | None:
        """The period of the latest date that ends before `token`, if it is shorter than a year and
        longer than a day (a quarter, half, month or span of months); None when that date is of
        another kind or does not resolve (`for the nine months ... in the same 1986 period`). Bare
        years and comparisons of their own (`from 36,185 in 2003 to 28,041 for the same period in
        2004`) say which year, not which part of it: the look goes past them."""
        periods = self.stated_periods
        position = bisect_right(self._stated_period_ends, token)
        for _, period, words in reversed(periods[max(0, position - _PERIOD_LOOKBACK) : position]):
            if (period is not None and _YEAR_ONLY.fullmatch(period)) or _COMPARED_PERIOD.search(words):
                continue
            return (period, words) if period is not None and _PART_YEAR.fullmatch(period) else None
        return None

    def narrative_period(self, text: str, token: int) -> str | None:
        """An undated story's quarter, half or span of months with no year of its own (`in the
        fourth quarter`, `in July-September`) is in the year of the latest date before it that
        states one, as HeidelTime reads narratives without a publication date; None in a dated
        story (whose publication date resolves it), for other dates, or when no year came before."""
        if self.published is not None or _YEAR_IN_TEXT.search(text):
            return None
        period = resolve_period(text, _ANY_YEAR_END, self.season_end)
        if period is None or not _PART_YEAR.fullmatch(period) or _ONE_MONTH_ONLY.fullmatch(period):
            return None
        return in_year(period, self.story_year) if self.story_year is not None else None

    @cached_property
    def story_year(self) -> int | None:
        """The first year an undated story's body states of what it reports: not one that bounds a
        span (`its best performance since 2000`, `by 2020`) nor one a figure is compared with (`the
        same period of 2003`, `up 10% on 2003`, `from 36,185 in 2003`), nor one of what may come (`its
        contribution would rise from less than 5bn euros in 2014`)."""
        first = self._lede_index if self._lede_index is not None else len(self.sentences)
        paragraphs = 0
        for index in range(first, len(self.sentences)):
            paragraphs += index > first and self.starts_paragraph(index)
            if paragraphs >= _STORY_YEAR_PARAGRAPHS:
                return None  # further on, a year is as likely background (`a run on the banks in 2001`)
            for ent in self.dates[index]:
                found = _YEAR_IN_TEXT.search(ent.text)
                before = self.doc[ent.start - 1].lower_ if ent.start else ""
                verb = governing_verb(ent.root)
                marks = {child.lower_ for child in verb.children if child.dep_ == "mark"} if verb is not None else set()
                if (
                    found
                    and before not in _NOT_STORY_YEAR_WORDS
                    and not marks & _NOT_STORY_YEAR_WORDS  # `its third increase since it launched in 2019`
                    and not _COMPARED_PERIOD.search(ent.text)
                    and not _foretold(verb)
                ):
                    return int(found.group(0))
        return None

    @cached_property
    def season_end(self) -> int | None:
        """The last month of the seasons the story's split years stand for, if it says
        (`dates.season_end_month`)."""
        return season_end_month(self.text)

    @cached_property
    def comparing_tokens(self) -> list[int]:
        """The doc's `COMPARING_WORDS`, as sorted token indexes (found once, looked up by bisection)."""
        return [token.i for token in self.doc if token.lower_ in COMPARING_WORDS]

    def compares_between(self, start: int, end: int) -> bool:
        """Whether a comparing word lies in tokens `start` to `end` (exclusive)."""
        found = bisect_left(self.comparing_tokens, start)
        return found < len(self.comparing_tokens) and self.comparing_tokens[found] < end

    @cached_property
    def chunks(self) -> list[Span]:
        """The doc's noun chunks, in order, computed once (`Span.noun_chunks` rescans the whole doc
        on every call), and only for articles where a rule asks for them."""
        return list(self.doc.noun_chunks) if self.doc.has_annotation("DEP") else []

    @cached_property
    def chunk_starts(self) -> list[int]:
        return [chunk.start for chunk in self.chunks]

    def chunks_near(self, span: Span, sentence: Span) -> list[Span]:
        """The noun chunks of the span's sentence within `WINDOW` tokens of it."""
        low, high = max(sentence.start, span.start - WINDOW), min(sentence.end, span.end + WINDOW)
        first = bisect_right(self.chunk_starts, low - 1)
        found = []
        for chunk in self.chunks[first:]:
            if chunk.start >= high:
                break
            if chunk.end <= sentence.end:
                found.append(chunk)
        return found

    def sentence_index(self, token: int) -> int:
        return bisect_right(self.starts, token) - 1


@dataclass(frozen=True)
class Previous:
    """The figure linked before: its sentence, its link and the tokens of its subject."""

    index: int
    link: Link
    subject: tuple[Token, ...]


def compares_previous(m: Mention) -> bool:
    """`crop at 16.70 mln tonnes, vs 17.30 mln tonnes last month`: the figure is set against the
    figure before it in its sentence (`vs`, `versus`), so it measures the same thing of the same owner."""
    previous = m.previous
    if previous is None or previous.index != m.index:
        return False
    before = m.span.start - 1
    while before > m.sentence.start and before in m.excluded and before not in m.article.quantity_tokens:
        before -= 1  # `vs about 5 mln`: past the qualifier
    return before >= m.sentence.start and m.article.doc[before].lower_ in COMPARED


@dataclass(frozen=True)
class Mention:
    """One figure in its article, as the rules see it. The subject and source stages fill the
    fields the entity and time rules read after them."""

    quantity: Quantity
    article: Article
    index: int  # its sentence
    span: Span
    head: Token  # the figure's token whose head lies outside it
    verb: Token | None  # the verb that governs it
    excluded: TokenSet  # tokens no subject takes: the figure, its qualifier words, other figures
    previous: Previous | None  # the figure before
    subject: tuple[Token, ...] = ()
    subject_rule: str = ""
    speaker: Span | None = None

    @property
    def sentence(self) -> Span:
        return self.article.sentences[self.index]

    @property
    def counted(self) -> bool:
        return self.quantity.kind == "count"

    @property
    def number_tokens(self) -> set[int]:
        return {token.i for token in self.span if token.like_num or token.lower_ in SCALES or token.text in ("-", "–")}

    @classmethod
    def of(cls, quantity: Quantity, article: Article, previous: Previous | None) -> Mention:
        span = article.doc[quantity.token_start : quantity.token_end]
        head = span_head(span)
        return cls.at(span, head, article, TokenSet(article.quantity_tokens), quantity, previous)

    @classmethod
    def at(
        cls,
        span: Span,
        head: Token,
        article: Article,
        others: TokenSet,
        quantity: Quantity,
        previous: Previous | None = None,
    ) -> Mention:
        own = set(range(span.start, span.end))
        for token in span:  # qualifier words hang off the number: `at least`, `some`
            for child in children_of(token):
                if child.dep_ in ("quantmod", "advmod"):
                    own.update(t.i for t in near_subtree(child))
        index = article.sentence_index(span.start)
        return cls(quantity, article, index, span, head, governing_verb(head), others | own, previous)


def span_head(span: Span) -> Token:
    """The token of the span whose head lies outside it (the span's root in the parse)."""
    for token in span:
        outside = token.head.i < span.start or token.head.i >= span.end or token.head == token
        if outside and (token.pos_ in ("NOUN", "NUM", "SYM", "PROPN") or token.like_num):
            return token
    return span.root


def _foretold(verb: Token | None) -> bool:
    """Whether a verb tells what may come: a modal's or an infinitive's (`would rise`, `is set to grow`)."""
    return verb is not None and (verb.tag_ == "VB" or any(child.tag_ == "MD" for child in verb.children))


def governing_verb(token: Token) -> Token | None:
    current = token
    for _ in range(6):
        if current.pos_ in ("VERB", "AUX") and current is not token:
            return current
        if current.head == current:
            return current if current.pos_ in ("VERB", "AUX") else None
        current = current.head
    return None


def actor(verb: Token | None) -> Token | None:
    """The subject of `verb`, or of the nearest verb above it that has one (`after selling ...`)."""
    for _ in range(3):
        if verb is None:
            return None
        subject = next((child for child in children_of(verb) if child.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            return verb.head  # a verb hung on a noun is about that noun: `its margin widened by ...`
        verb = governing_verb(verb)
    return None


_CHILDREN = "news_claims.children"  # the per-doc table of `children_of`, in `Doc.user_data`


def children_of(token: Token) -> list[Token]:
    """The token's children in the parse, from a table made once per doc: spaCy's `Token.children`
    scans the token's whole subtree, and the root of a sentence listing thousands of figures has
    them all in its subtree. `forget_children` drops the table."""
    doc = token.doc
    table = doc.user_data.get(_CHILDREN)
    if table is None:
        table = [[] for _ in range(len(doc))]
        for child in doc:
            if child.head.i != child.i:
                table[child.head.i].append(child)
        doc.user_data[_CHILDREN] = table
    return table[token.i]


def forget_children(doc: Doc) -> None:
    doc.user_data.pop(_CHILDREN, None)


def near_subtree(token: Token, center: int | None = None) -> list[Token]:
    """The token's subtree, restricted to a window around `center` (default the token): phrases
    are short, and a sentence listing a thousand figures must not cost a thousand full scans."""
    center = token.i if center is None else center
    low, high = max(token.left_edge.i, center - WINDOW), min(token.right_edge.i, center + WINDOW)
    return [t for t in token.doc[low : high + 1] if t.i == token.i or token.is_ancestor(t)]


def is_time_phrase(preposition: Token) -> bool:
    """`in 2016`, `as of December`: a preposition whose object is a date or time."""
    return any(child.dep_ == "pobj" and child.ent_type_ in ("DATE", "TIME") for child in children_of(preposition))


def phrase(root: Token, excluded: AbstractSet[int], *, drop_deps: tuple[str, ...] = CLAUSE_DEPS) -> list[Token]:
    """A noun's phrase: its subtree without determiners, dates, clauses and the quantity itself."""
    dropped: set[int] = set()
    for child in children_of(root):
        if abs(child.i - root.i) > WINDOW:
            continue
        subtree = {token.i for token in near_subtree(child, root.i)}
        if _joins_word(child):
            continue  # `charge-offs`: a hyphen inside a word is part of it
        if (
            child.dep_ in drop_deps
            or (child.dep_ == "prep" and is_time_phrase(child))
            or (subtree & excluded and child.dep_ in ("relcl", "acl", "prep", "advmod"))
        ):
            dropped.update(subtree)
    tokens = near_subtree(root)
    for token in tokens:  # `vehicles sold in japan in 2016`: the period is the claim's time, not its subject
        if token.dep_ == "prep" and token != root and is_time_phrase(token):
            dropped.update(t.i for t in near_subtree(token))
    tokens = [token for token in tokens if token.i not in dropped and token.i not in excluded]
    while (
        tokens
        and (tokens[0].dep_ in ("det", "predet", "punct", "cc", "prep") or tokens[0].is_punct)
        and tokens[0] != root
    ):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ in ("cc", "prep", "det")) and tokens[-1] != root:
        tokens = tokens[:-1]
    if len(tokens) > SUBJECT_MAX_TOKENS:
        position = tokens.index(root) if root in tokens else 0
        tokens = tokens[max(0, position - 4) : max(0, position - 4) + SUBJECT_MAX_TOKENS]
    return tokens


def _joins_word(token: Token) -> bool:
    doc = token.doc
    return (
        token.text in ("-", "/")
        and not token.whitespace_
        and token.i > 0
        and not doc[token.i - 1].whitespace_
        and token.i + 1 < len(doc)
    )


def verb_phrase(verb: Token, excluded: AbstractSet[int], *, with_actor: bool) -> list[Token]:
    """`Japanese automakers make in the US`, `invest in a cold-storage hub near Chennai`: the verb with
    its actor (optional), auxiliaries, particles, objects and prepositional phrases, minus the number,
    dates and reporting clauses."""
    tokens: list[Token] = []
    for child in children_of(verb):
        if abs(child.i - verb.i) > WINDOW:
            continue
        inside = {token.i for token in near_subtree(child, verb.i)}
        if inside & excluded or child.dep_ in ("punct", "cc", "conj", "advcl", "ccomp", "mark", "advmod", "npadvmod"):
            continue
        if child.lower_ == "according":
            continue  # `according to the report` says who states it: the source, not the subject
        if child.dep_ in ("nsubj", "nsubjpass"):
            if with_actor:
                tokens.extend(phrase(child, excluded, drop_deps=CLAUSE_DEPS + ("relcl", "acl")))
        elif child.dep_ in _VERB_PHRASE_DEPS or (child.dep_ == "prep" and not is_time_phrase(child)):
            tokens.extend(near_subtree(child, verb.i))
        elif child.dep_ == "prep":  # a date's own phrases are the verb's, misattached (`in 1986/87 on seeds`)
            for date in children_of(child):
                for attached in children_of(date):
                    if attached.dep_ == "prep" and not is_time_phrase(attached) and attached.i > date.i:
                        tokens.extend(near_subtree(attached, verb.i))
    tokens.append(verb)
    return sorted(tokens, key=lambda token: token.i)[:SUBJECT_MAX_TOKENS]


def phrase_heads(tokens: Iterable[Token]) -> list[Token]:
    """The phrase's tokens whose head lies outside it (one for a noun phrase: its head noun)."""
    tokens = list(tokens)
    inside = {token.i for token in tokens}
    return [token for token in tokens if token.head.i not in inside or token.head == token]


def phrase_text(tokens: list[Token] | tuple[Token, ...]) -> str:
    text = ""
    for position, token in enumerate(tokens):
        following = tokens[position + 1] if position + 1 < len(tokens) else None
        joined = following is not None and following.i == token.i + 1
        text += token.text + (token.whitespace_ if joined else " ")
    return " ".join(text.split())


# Verbs of thinking and asserting report only what they take as a clause (`experts believe this
# could require borrowing of $4.5 trillion`, `the study found that 16% of visitors ...`); with an
# object they report nothing (`Tokyo has maintained its stance`, `found a buyer`).
CLAUSE_REPORTING_VERBS = frozenset(
    """
    believe think reckon suggest indicate insist admit acknowledge stress find conclude assert maintain
    contend allege concede reiterate tweet testify emphasize remark
    """.split()
)


def reports(verb: Token) -> bool:
    """Whether a verb reports what its speaker says (`said`, `estimated`, `believes that ...`)."""
    lemma = verb.lemma_.lower()
    if lemma in CLAUSE_REPORTING_VERBS:
        return any(child.dep_ == "ccomp" for child in children_of(verb))
    return lemma in SAY_VERBS and not _adds_to(verb)


def _adds_to(verb: Token) -> bool:
    """`with Hungary and Greece added to the system`, `added 5 pct to its shares`: `add` that puts
    something somewhere reports nothing."""
    return verb.lemma_.lower() == "add" and any(
        (child.dep_ == "prep" and child.lower_ == "to") or child.dep_ == "dobj" for child in children_of(verb)
    )
