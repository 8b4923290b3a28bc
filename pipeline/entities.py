"""Named entities: canonical names with aliases folded, per article and through the gazetteer."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from pipeline.annotate import in_dateline
from pipeline.dates import is_month_name, is_split_year
from pipeline.lexicon import LEGAL_FORMS, NAME_CONNECTORS, ORGANISATION_NOUNS, SAY_VERBS
from pipeline.prepare import PreparedText
from pipeline.truecase import load_gazetteer

# Labels that name things; numbers and dates are not entities a claim is "about".
NAME_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
# Capitals stand for their governments when they act (`Tokyo came under criticism`, `Washington
# focuses on its deficits`), a metonymy news writing uses all the time.
CAPITAL_COUNTRIES = {
    "Washington": "United States",
    "Tokyo": "Japan",
    "Beijing": "China",
    "Moscow": "Russia",
    "London": "United Kingdom",
    "Paris": "France",
    "Berlin": "Germany",
    "Brussels": "European Union",
    "Seoul": "South Korea",
    "New Delhi": "India",
    "Ottawa": "Canada",
    "Canberra": "Australia",
    "Tehran": "Iran",
    "Kyiv": "Ukraine",
    "Kiev": "Ukraine",
    "Ankara": "Turkey",
    "Riyadh": "Saudi Arabia",
    "Pyongyang": "North Korea",
    "Taipei": "Taiwan",
    "Rome": "Italy",
    "Madrid": "Spain",
    "Mexico City": "Mexico",
    "Brasilia": "Brazil",
    "Cairo": "Egypt",
    "Islamabad": "Pakistan",
    "Hanoi": "Vietnam",
    "Manila": "Philippines",
    "Jakarta": "Indonesia",
    "Bangkok": "Thailand",
    "Wellington": "New Zealand",
    "Stockholm": "Sweden",
    "Oslo": "Norway",
    "Warsaw": "Poland",
    "Vienna": "Austria",
    "Bern": "Switzerland",
    "Athens": "Greece",
    "Dublin": "Ireland",
    "The Hague": "Netherlands",
    "Buenos Aires": "Argentina",
    "Pretoria": "South Africa",
}
_TOPIC_LABELS = frozenset({"ORG", "GPE", "NORP"})
_RELABELLED = frozenset({"ORG", "PERSON", "PRODUCT", "WORK_OF_ART", "FAC"})  # labels the small model mixes up
_LOWER_TAIL = re.compile(r"(?:\s+[a-z][a-z'’-]*)+$")
_ACRONYM_SKIPPED = frozenset({"of", "the", "and", "&", "for", "de", "du", "des"})
ACTOR_DEPENDENCIES = frozenset({"nsubj", "nsubjpass", "poss"})
_POSSESSIVE = re.compile(r"\s*['’]\s*s?$")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


def clean_name(text: str) -> str:
    """Strip a leading `the`, a possessive and spaces: `the U.S.'s` -> `U.S.`.

    >>> clean_name("the United States")
    'United States'
    >>> clean_name("japan ’ s")
    'japan'
    """
    text = " ".join(text.split())
    text = _LEADING_THE.sub("", text)
    return _POSSESSIVE.sub("", text).strip()


class EntityCanon:
    """Folds the entity mentions of one article to canonical names.

    Gazetteer aliases fold first (`US`, `u.s.`, `America` -> `United States`; `Japanese` ->
    `Japan`); then a short name folds to a fuller name of the same label in the article that starts
    or ends with it or that it abbreviates (`Toyota` -> `Toyota Motor Corp`, `Abe` -> `Shinzo Abe`,
    `NBP` -> `National Bank of Poland`).
    """

    def __init__(
        self,
        spans: Iterable[Span],
        listed: Iterable[tuple[Span, str]] = (),
        lede: Iterable[Span] = (),
        headline: Iterable[Span] = (),
        repeats: Iterable[Span] = (),
    ):
        self._by_label: dict[str, list[str]] = {}
        self._fuller: dict[tuple[str, str], str] = {}
        self._tickers: dict[str, str] = {}  # a ticker's root -> the name it marks: `AMRO BANK` is AMRO.AS
        names = [span for span in spans if span.label_ in NAME_LABELS]
        filed = {(span.start, span.end) for span in names if in_dateline(span)}  # where the story was filed
        for span in names:
            name, label = self._gazetteer_name(clean_name(span.text), span.label_)
            self._by_label.setdefault(label, []).append(name)
        listed = list(listed)
        for span, ticker in listed:
            self._tickers.setdefault(ticker.upper(), clean_name(span.text))
        # The article's topic, which sentences naming no owner of their figures are about: the
        # first company a ticker marks (a wire story's subject), else the organisation, country or
        # nationality of its headline that its body names again (of several, the one named most),
        # else the one it names most often (at least twice; the first named wins a tie), else the
        # first actor of its lede. The repeats the model left unlabelled (`mark_repeated_names`) do
        # not count: a name it labelled once, wrongly (`MMS`), would outnumber the story's company.
        # Nor do a dateline's names.
        uncounted = {(span.start, span.end) for span in repeats} | filed
        # The gazetteer's label counts: `The Lib Dems`, which the model calls a PERSON, is a party.
        canonical = [self.canonical(span) for span in names]
        counts = Counter(
            name
            for span, name in zip(names, canonical, strict=True)
            if name[1] in _TOPIC_LABELS and (span.start, span.end) not in uncounted
        )
        top = counts.most_common(1)  # ties keep first-mention order
        lede = list(lede)
        headlined = [name for name in map(self.canonical, headline) if name[1] in _TOPIC_LABELS]
        self.topic: tuple[str, str] | None = top[0][0] if top and top[0][1] >= 2 else None
        if listed:
            self.topic = self.canonical(listed[0][0])
        elif any(counts[name] >= 2 for name in headlined):  # `Show over for MTV's The Osbournes`
            self.topic = max(headlined, key=lambda name: counts[name])
        elif self.topic is None and lede:
            self.topic = self.canonical(lede[0])
        self.topic_span = next((span for span in names if self.canonical(span) == self.topic), None)
        # The country the article names most (first named wins a tie): whose economy its macro figures measure.
        places = Counter(
            self.canonical(span)
            for span in names
            if span.label_ in ("GPE", "NORP") and (span.start, span.end) not in filed
        )
        self.country: tuple[str, str] | None = places.most_common(1)[0][0] if places else None

    def names(self, label: str) -> set[str]:
        """Canonical names of the article's entities with this label."""
        return set(self._by_label.get(label, []))

    @staticmethod
    def _gazetteer_name(name: str, label: str) -> tuple[str, str]:
        entry = load_gazetteer().get(name.lower())
        if entry is None and name.isupper() and name.isalpha() and len(name) <= 4:
            entry = load_gazetteer().get(".".join(name.lower()) + ".")  # `US` -> `u.s.`
        if entry and entry[2]:
            cased, gazetteer_label, canonical = entry
            if gazetteer_label == "NORP" and load_gazetteer().get(canonical.lower(), ("", "", ""))[1]:
                return canonical, load_gazetteer()[canonical.lower()][1]
            return canonical, gazetteer_label or label
        return name, label

    def canonical(self, span: Span) -> tuple[str, str]:
        """Canonical name and label of an entity span."""
        name, label = self._gazetteer_name(clean_name(span.text), span.label_)
        if label == "GPE" and name in CAPITAL_COUNTRIES and span.root.dep_ in ACTOR_DEPENDENCIES:
            return CAPITAL_COUNTRIES[name], "GPE"
        if label in ("ORG", "PERSON"):
            name = self._fuller_name(name, label)
        return name, label

    def _fuller_name(self, name: str, label: str) -> str:
        key = (name, label)
        if key not in self._fuller:  # asked for every mention, often many times: worked out once
            self._fuller[key] = self._find_fuller_name(name, label)
        return self._fuller[key]

    def _find_fuller_name(self, name: str, label: str) -> str:
        ticker = self._tickers.get(name.split()[0].upper()) if name.split() else None
        if ticker is not None and name.split()[0].isupper():
            return ticker  # `AMRO BANK` in the headline, `Amsterdam-Rotterdam Bank NV <AMRO.AS>` below
        return self._article_fuller_name(name, label)

    def _article_fuller_name(self, name: str, label: str) -> str:
        """The article's fuller name for a short one: `Toyota` -> `Toyota Motor Corp`, `Abe` -> `Shinzo
        Abe`, `NBP` -> `National Bank of Poland`, `NORTHGATE PAPERBOARD CORP` -> `Northgate Paperboard
        Corp`. When several fuller names fit (`Northgate` in an article naming `Northgate Paperboard
        Corp` and its unit `Northgate Forest Products Ltd`), the one named most, then first."""
        core = _without_lower_tail(name)
        words = core.lower().split()
        usable = [
            other
            for other in self._by_label.get(label, [])
            if not other.isupper() and _without_lower_tail(other) == other
        ]
        fitting = [
            other
            for other in usable
            if len(other.split()) > len(words)
            and (other.lower().split()[: len(words)] == words or other.lower().split()[-len(words) :] == words)
            or label == "ORG"
            and is_acronym_of(core, other)
        ]
        if not fitting:
            return next((other for other in usable if other.lower() == core.lower()), core)
        counts = Counter(fitting)
        return max(counts, key=lambda other: (counts[other], -fitting.index(other)))


def _without_lower_tail(name: str) -> str:
    """`ACME HOLDINGS CORP posts` -> `ACME HOLDINGS CORP`: lower-case words after a capitalised name
    are a headline's verb caught in it (a lower-cased article's names stay as they are)."""
    return (_LOWER_TAIL.sub("", name) or name) if name[:1].isupper() else name


def is_acronym_of(short: str, name: str) -> bool:
    """`NBP` for `National Bank of Poland`, `ECB` for `European Central Bank`, `RTZ` for `Rio
    Tinto-Zinc Corp Plc` (hyphenated words count one each, legal forms may be left out)."""
    return _could_be_acronym(short) and short in acronyms_of(name)


def _could_be_acronym(word: str) -> bool:
    return word.isupper() and word.isalpha() and 2 <= len(word) <= 6


def acronyms_of(name: str) -> set[str]:
    """The initials a name of several words may be abbreviated to, with and without its legal form.

    >>> sorted(acronyms_of("Rio Tinto-Zinc Corp Plc"))
    ['RTZ', 'RTZCP']
    """
    if len(name.split()) < 2:
        return set()
    words = [word for word in re.split(r"[\s-]+", name) if word and word[0].isalpha()]
    words = [word for word in words if word.lower() not in _ACRONYM_SKIPPED]
    without_forms = [word for word in words if word.lower().rstrip(".") not in LEGAL_FORMS]
    return {"".join(w[0] for w in ws).upper() for ws in (words, without_forms)}


# A listed company's ticker after its name, as wire services mark them: `Credit Commercial de France
# <CCFP.PA>`, `DOW JONES AND CO INC <DJ>`, `Acme Corp (ACME.N)`.
_TICKER = re.compile(r"\s?(?:<[A-Z][A-Z0-9]{0,7}(?:\.[A-Z]{1,3})?>|\((?:[A-Z]{1,5}\.[A-Z]{1,3}|[A-Z]{2,6}\.?[OKN])\))")
_NAME_MAX_TOKENS = 8
_HEADLINE_MAX_CHARS = 200


def mark_listed_companies(doc: Doc, prepared: PreparedText, original: str) -> list[tuple[Span, str]]:
    """The names a ticker marks, set as ORG entities of `doc` (replacing what overlaps them) and
    returned in text order with the ticker's root (`AMRO` of `<AMRO.AS>`). spaCy's small model
    often cuts such names (`Zinc Corp Plc`) or misses them on wrapped wire lines; the mark is the
    wire's own statement that a company is named."""
    if not _TICKER.search(original):
        return []
    ends = {}
    for token in doc:
        if not token.is_space:
            ends[prepared.to_original(token.idx, token.idx + len(token.text))[1]] = token.i
    marked = []
    floor = 0  # a name starts after the one marked before it (`MGMT<GAMI> HAS ATCOR<ATCO>`)
    for ticker in _TICKER.finditer(original):
        last = ends.get(ticker.start())
        if last is None or last < floor:
            continue
        first = last
        while first > floor and last - first + 1 < _NAME_MAX_TOKENS:
            before = doc[first - 1]
            capitalised = before.text[:1].isupper() and (before.is_alpha or "." in before.text or "-" in before.text)
            if not (capitalised or before.lower_ in NAME_CONNECTORS) or "\n\n" in before.whitespace_:
                break
            if before.is_stop and before.lower_ not in NAME_CONNECTORS:
                break  # `... HAS ATCOR<ATCO>`: a headline's verb in capitals is not part of the name
            first -= 1
        while first <= last and (doc[first].lower_ in NAME_CONNECTORS or not doc[first].text[:1].isupper()):
            first += 1
        if first <= last:
            root = ticker.group(0).strip(" <>()").split(".")[0]
            marked.append((Span(doc, first, last + 1, label="ORG"), root))
            floor = last + 1
    if marked:
        spans = [span for span, _ in marked]
        kept = [ent for ent in doc.ents if not any(ent.start < m.end and m.start < ent.end for m in spans)]
        doc.ents = sorted(kept + spans, key=lambda ent: ent.start)
    return marked


_MARKED_ACRONYM_LETTERS = 3  # the fewest letters an unlabelled word needs to be taken for initials


def mark_acronyms(doc: Doc) -> None:
    """Set as ORG, in place, the capitalised words the model left unlabelled that abbreviate an
    organisation the doc names (`PLDT common stock surged` in a story naming `Philippine Long
    Distance Telephone Co`): the small model rarely knows a company's initials, and the article's
    own full name is better evidence than any label it would guess. Coreference systems match
    acronyms the same way (Stanford's deterministic sieves, `is_acronym_of`). Two letters are too
    often something else (`FT` in a story naming `Fox Television`, `PC Acquisition`) to be taken alone."""
    organisations = [clean_name(ent.text) for ent in doc.ents if ent.label_ == "ORG" and len(ent) > 1]
    initials = {acronym for name in organisations for acronym in acronyms_of(name)}
    if not initials:
        return
    found = [
        Span(doc, token.i, token.i + 1, label="ORG")
        for token in doc
        if not token.ent_type_ and len(token) >= _MARKED_ACRONYM_LETTERS and token.text in initials
    ]
    _add_ents(doc, found)


def mark_repeated_names(doc: Doc) -> list[Span]:
    """Label, in place, the unlabelled repeats of an organisation the model labelled elsewhere in the
    doc (`BP spent $7.5bn ...` where another sentence's `BP` is an ORG): one name, one referent per
    article, the label-consistency rule of document-level NER (Krishnan and Manning 2006). Only
    organisations: the small model misses company names most, while a person or place label it
    gives wrongly would spread (tried on the real gold: people and places lost more than they
    gained). Matched exactly, case and all, so `House` labelled at a sentence's start never marks a
    `House` elsewhere that the article also writes in lower case (`drop_capitalised_words` has
    dropped those by now); a single letter is no name (`P` of `S and P`). Returns the repeats
    marked, which `EntityCanon` leaves out of its counts."""
    names = {ent.text: ent for ent in doc.ents if ent.label_ == "ORG" and ent.text[:1].isupper() and len(ent.text) > 1}
    if not names:
        return []
    matcher = PhraseMatcher(doc.vocab, attr="ORTH")
    matcher.add("ORG", [Doc(doc.vocab, words=[token.text for token in ent]) for ent in names.values()])
    taken = {token.i for ent in doc.ents for token in ent}
    found = []
    for _, start, end in sorted(matcher(doc), key=lambda match: (match[1] - match[2], match[1])):
        if any(i in taken for i in range(start, end)):  # the longest name first: `BP` inside `TNK-BP` is taken
            continue
        found.append(Span(doc, start, end, label="ORG"))
        taken.update(range(start, end))
    _add_ents(doc, found)
    return found


def _add_ents(doc: Doc, found: list[Span]) -> None:
    """Add spans over unlabelled tokens to the doc's entities, in order."""
    if found:
        doc.ents = sorted([*doc.ents, *found], key=lambda ent: ent.start)


def _subject_of(ent: Span) -> Token | None:
    """The verb an entity is the subject of (through compounds, possessives and conjuncts: `Acme and
    Globex said`, `Toronto Dominion Bank, Nassau Branch is issuing`), if it is one."""
    root = ent.root
    describes = root.head.tag_ == "NN" and root.head.lemma_.lower() in ORGANISATION_NOUNS
    if ent.label_ == "NORP" and root.dep_ == "amod" and describes:
        return None  # `the German group may raise its bid`: one company acts, not Germany (`Japanese automakers` do)
    while root.dep_ in ("compound", "amod", "poss", "case", "conj") and root.head != root:
        root = root.head
    return root.head if root.dep_ in ("nsubj", "nsubjpass") else None


def actor_entities(sentence_names: list[Span]) -> list[Span]:
    """Entities that are the subject of a verb in the sentence: the actors later pronouns refer to."""
    return [ent for ent in sentence_names if _subject_of(ent) is not None]


def lede_actors(doc: Doc) -> list[Span]:
    """The named actors of a story's first sentence after its headline (`Toronto Dominion Bank, Nassau
    Branch is issuing ...`): who a news story is about, even when it names them once. Who only says
    it comes last (`..., lead manager Hambros Bank Ltd said`): the story is what they report."""
    first = lede_sentence(doc)
    if first is None:
        return []
    names = [ent for ent in first.ents if ent.label_ in _TOPIC_LABELS]
    actors = actor_entities(names)
    doers = [ent for ent in actors if _subject_of(ent).lemma_.lower() not in SAY_VERBS]
    sayers = [ent for ent in actors if ent not in doers]
    # `Today's eurobond for Federal Realty Investment Trust has been increased to 100 mln dlrs, lead
    # manager Salomon Brothers said`: a company the lede reports on comes before who reports it.
    reported = [ent for ent in names if ent.label_ == "ORG" and ent not in actors] if sayers else []
    return doers + reported + sayers


def lede_sentence(doc: Doc) -> Span | None:
    """A story's first sentence after its headline and its dateline (`COLUMBUS, Ohio (AP) —`)."""
    body = _headline_end(doc)
    return next(
        (
            sentence
            for sentence in doc.sents
            if sentence.start_char >= body and sentence.text.strip() and not in_dateline(_without_spaces(sentence))
        ),
        None,
    )


def _without_spaces(span: Span) -> Span:
    tokens = [token.i for token in span if not token.is_space] or [span.start]
    return span.doc[tokens[0] : tokens[-1] + 1]


def _headline(doc: Doc) -> str:
    """A story's headline: its first line, set apart by a blank line ('' when it has none). Read from
    the first tokens only (`doc.text` joins every token of the article)."""
    head = doc[:_HEADLINE_MAX_CHARS].text  # a token holds at least one character
    body = head.find("\n\n")
    return head[:body] if 0 < body <= _HEADLINE_MAX_CHARS else ""


def _headline_end(doc: Doc) -> int:
    """Where a story's headline ends (0: no headline)."""
    return len(_headline(doc))


def headline_names(doc: Doc) -> list[Span]:
    """The names of a story's headline: its own entities, and the body's names that it spells out
    (the model often misreads a headline: `BRAZIL GRAIN HARVEST` as one organisation holds `Brazil`)."""
    headline = _headline(doc).lower()
    body = len(headline)
    names = [ent for ent in doc.ents if ent.end_char <= body and ent.label_ in NAME_LABELS]
    spelled: dict[str, Span] = {}
    for ent in doc.ents:
        name = clean_name(ent.text).lower()
        in_body = ent.start_char >= body and ent.label_ in _TOPIC_LABELS and name and name not in spelled
        if in_body and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", headline):
            spelled[name] = ent
    found = names + list(spelled.values())
    written = {clean_name(ent.text).lower() for ent in found}
    return [
        ent
        for ent in found
        if not _possesses_named(clean_name(ent.text).lower(), headline, written)
        and not _attributes_headline(clean_name(ent.text).lower(), headline)
    ]


_HEADLINE_ATTRIBUTION = r"\s*[-–,:]\s*{name}(?:\s+(?:says|said|sees|predicts|forecasts|reports))?\s*$"


def _attributes_headline(name: str, headline: str) -> bool:
    """`SOVIET UNION TO IMPORT MORE GRAIN IN 86/87-USDA`, `COFFEE COULD DROP TO 70/80 CTS, CARDENAS
    SAYS`: a wire headline's last words after a dash or comma name who says it, not what it is about."""
    first_line = headline.strip().splitlines()[0] if headline.strip() else ""
    ends = re.search(_HEADLINE_ATTRIBUTION.format(name=re.escape(name)), first_line) if name else None
    return ends is not None and ends.start() > 0 and first_line[: ends.start()].strip() != ""


def _possesses_named(name: str, headline: str, names: set[str]) -> bool:
    """`Profits stall at China's Lenovo`: a name the headline makes another name's possessor only
    says where that one is from."""
    owned = re.search(rf"(?<!\w){re.escape(name)}\s*['’]s?\s+(?P<next>.+)", headline) if name else None
    return owned is not None and any(owned.group("next").startswith(other) for other in names - {name})


def mark_split_years(doc: Doc) -> None:
    """`It estimated the 1985/86 crop at 17.06 mln tonnes`: the small model often leaves a split year
    (a crop, season or fiscal year) unlabelled or calls it a number; it is a date, which times the figure."""
    ents = list(doc.ents)
    kept = [ent for ent in ents if not (ent.label_ == "CARDINAL" and is_split_year(ent.text))]  # or misreads it
    taken = {token.i for ent in kept for token in ent}
    found = [
        Span(doc, token.i, token.i + 1, label="DATE")
        for token in doc
        if token.i not in taken and "/" in token.text and is_split_year(token.text)
    ]
    if found:
        doc.ents = sorted([*kept, *found], key=lambda span: span.start)


def join_nationality_names(doc: Doc) -> None:
    """`British Library`, `Swiss Re`: spaCy's small model often cuts a name that starts with a
    nationality word into a NORP and an ORG (or a PERSON: `Library`); the two, side by side, are one
    organisation's name. A person's full name after a nationality (`British Tony Blair`) is not."""
    ents = list(doc.ents)
    joined, position = [], 0
    while position < len(ents):
        ent = ents[position]
        following = ents[position + 1] if position + 1 < len(ents) else None
        if (
            following is not None
            and ent.label_ == "NORP"
            and (following.label_ == "ORG" or following.label_ in _RELABELLED and len(following) == 1)
            and following.start == ent.end
            and "\n" not in ent[-1].whitespace_
            and (following[0].is_title or following[0].is_upper)
        ):
            joined.append(Span(doc, ent.start, following.end, label="ORG"))
            position += 2
            continue
        joined.append(ent)
        position += 1
    if len(joined) < len(ents):
        doc.ents = joined


def join_of_names(doc: Doc) -> None:
    """`the Bank of Tokyo Ltd's convertible`, `The Industrial Bank of Japan Ltd.`: the small model
    often tags only the part after `of` of a company's name that ends in a legal form; the
    capitalised words before `of` that no entity holds belong to it. (Names without a legal form,
    `Federal Reserve Bank of New York` as a bank and a city, are left as the model reads them.)"""
    ents = list(doc.ents)
    taken = {token.i for ent in ents for token in ent}
    changed = False
    for position, ent in enumerate(ents):
        if ent.label_ != "ORG" or ent[-1].lower_.rstrip(".") not in LEGAL_FORMS or ent.start < 2:
            continue
        of = doc[ent.start - 1]
        if of.lower_ != "of" or "\n\n" in of.whitespace_:
            continue
        start = of.i
        while start > 0 and not doc[start].is_sent_start and start - 1 not in taken and doc[start - 1].is_title:
            start -= 1
        if doc[start].lower_ == "the":
            start += 1  # `The Industrial Bank of Japan Ltd.` opening a sentence
        if start < of.i and not doc[start].is_sent_start:
            ents[position] = Span(doc, start, ent.end, label="ORG")
            changed = True
    if changed:
        doc.ents = ents


# What may stand between the two months of a span of months: `July-to-September`, `April to June`.
_MONTH_SPAN_LINKS = frozenset({"-", "–", "to", "through", "thru"})


def join_month_spans(doc: Doc) -> None:
    """`in the July-to-September quarter`: the small model cuts a span of months into two dates (`July`
    and `September quarter`), each of which reads as a month; the two, with what links them, are one
    date, which `dates.resolve_period` reads as the quarter."""
    ents = list(doc.ents)
    joined: list[Span] = []
    for ent in ents:
        previous = joined[-1] if joined else None
        between = doc[previous.end : ent.start] if previous is not None else None
        if (
            previous is not None
            and previous.label_ == ent.label_ == "DATE"
            and is_month_name(previous[-1].text)
            and is_month_name(ent[0].text)
            and len(between) > 0
            and all(token.lower_ in _MONTH_SPAN_LINKS for token in between)
        ):
            joined[-1] = Span(doc, previous.start, ent.end, label="DATE")
            continue
        joined.append(ent)
    if len(joined) < len(ents):
        doc.ents = joined


def _described_as_organisation(span: Span) -> bool:
    """`Swiss drugmaker Novartis`, `Novartis, the Swiss drug group`, `the bank, Barclays`: a noun of
    organisations modifies the name, stands in apposition to it, or has it in apposition."""
    root = span.root
    described = [child for child in root.children if child.dep_ in ("compound", "amod", "appos", "nmod")]
    if root.dep_ == "appos":
        described.append(root.head)
    inside = {token.i for token in span}
    return any(token.i not in inside and token.lemma_.lower() in ORGANISATION_NOUNS for token in described)


def harmonise_labels(doc: Doc) -> None:
    """Give one name one label in an article: spaCy's small model calls the same company an ORG in
    one sentence and a PERSON in the next (`Kestrel Foods ... Kestrel said`). A name that starts a
    longer organisation name of the article, or is its acronym, is an organisation; otherwise a name
    takes the label most of its mentions have, unless the article once describes it as an
    organisation (`Swiss drugmaker Novartis`, `Novartis, the drug group`)."""
    names = [span for span in doc.ents if span.label_ in NAME_LABELS]
    organisations = [clean_name(span.text) for span in names if span.label_ == "ORG" and len(span) > 1]
    described = {clean_name(span.text).lower() for span in names if _described_as_organisation(span)}
    votes: dict[str, Counter] = {}
    for span in names:
        votes.setdefault(clean_name(span.text).lower(), Counter())[span.label_] += 1
    relabelled = []
    for span in doc.ents:
        label = span.label_
        if label in _RELABELLED:
            name = clean_name(span.text)
            words = name.lower().split()
            if (
                words
                and any(
                    len(other.split()) > len(words)
                    and other.lower().split()[: len(words)] == words
                    or is_acronym_of(name, other)
                    for other in organisations
                )
                or name.lower() in described
            ):
                label = "ORG"
            else:
                label = max(votes[name.lower()].items(), key=lambda item: (item[1], item[0] == label))[0]
        relabelled.append(span if label == span.label_ else Span(doc, span.start, span.end, label=label))
    doc.ents = relabelled


def drop_capitalised_words(doc: Doc) -> None:
    """Drop names that are only a sentence's first word written with a capital (`House prices
    rose`, `Cement is priced at ...`): one title-case word that starts its sentence is no name when
    the article also writes it in lower case, the case evidence a truecaser uses."""
    candidates = [
        span
        for span in doc.ents
        if len(span) == 1 and span.label_ in NAME_LABELS and span[0].is_sent_start and span[0].is_title
    ]
    if not candidates:
        return
    text = doc.text  # one search per distinct word, not a Token object per token of the article
    words = {span.text.lower() for span in candidates}
    written_lower = {word for word in words if re.search(rf"\b{re.escape(word)}\b", text)}
    dropped = {span.start for span in candidates if span.text.lower() in written_lower}
    if dropped:
        doc.ents = [span for span in doc.ents if span.start not in dropped]


def entity_spans(doc: Doc) -> list[Span]:
    """Entities that name things (people, places, organisations...), in text order."""
    return [span for span in doc.ents if span.label_ in NAME_LABELS and clean_name(span.text)]
