"""Entity: whose figure it is. The first rule that names an owner wins."""

from __future__ import annotations

from itertools import islice

from spacy.tokens import Span, Token

from pipeline.entities import CAPITAL_COUNTRIES, NAME_LABELS
from pipeline.lexicon import MACRO_MEASURES, PAYING_VERBS, STAKE_NOUNS, STAKE_VERBS
from pipeline.linking.parse import (
    ESTIMATE_NOUNS,
    ORG_ANAPHORS,
    PERSON_PRONOUNS,
    PLACE_ANAPHORS,
    SAY_VERBS,
    Mention,
    actor,
    children_of,
    compares_previous,
    governing_verb,
    near_subtree,
    phrase_heads,
)
from pipeline.linking.rules import Rule
from pipeline.linking.subject import OWNER_PHRASE_RULES, estimated_at

Name = tuple[str, str]  # canonical name, label

NO_ENTITY_WEIGHT = -1.3  # no rule filled the entity


def _names(m: Mention) -> tuple[list[Span], list[Span]]:
    """The sentence's names that are not the speaker's, and the speaker's."""
    speaker = m.speaker
    names = m.article.names[m.index]
    spoken = [ent for ent in names if speaker is not None and speaker.start <= ent.start < speaker.end]
    return [ent for ent in names if ent not in spoken], spoken


def _recent_actors(m: Mention) -> list[Span]:
    return [ent for actors in m.article.actors[max(0, m.index - 2) : m.index + 1] for ent in actors]


def _canonical(m: Mention, span: Span | None) -> Name | None:
    return m.article.canon.canonical(span) if span is not None else None


def _measured_tokens(m: Mention) -> set[int]:
    subject = list(m.subject)
    if m.subject_rule == "share-clause" and m.verb is not None:  # the share's whole, not where its clause goes
        subject = [token for token in subject if token.i < m.verb.i]
    return {token.i for token in subject} | {  # `its subsidiary, Calloway Japan KK`
        t.i for token in subject for child in children_of(token) if child.dep_ == "appos" for t in near_subtree(child)
    }


def _pronoun_owner(m: Mention) -> Token | None:
    """The possessive pronoun of the measured noun (`its` in `its continental European arm`)."""
    if m.subject_rule not in OWNER_PHRASE_RULES:
        return None
    return next((token for token in m.subject if token.dep_ == "poss" and token.pos_ == "PRON"), None)


def _restated_figure(m: Mention) -> Name | None:
    """`$6.3bn (£3.4bn)`, `$5 million, or 12 cts a share`: a figure restating the one before is
    that figure's, whatever else its sentence names."""
    previous = m.previous
    if m.head.dep_ != "appos" or previous is None or previous.index != m.index or previous.link.entity is None:
        return None
    return previous.link.entity, previous.link.entity_label or ""


def _compared_figure(m: Mention) -> Name | None:
    """The owner of the figure it is set against (`parse.compares_previous`)."""
    if not compares_previous(m) or m.previous.link.entity is None:
        return None
    return m.previous.link.entity, m.previous.link.entity_label or ""


def _its_owner(m: Mention) -> Name | None:
    """`its continental European arm`: the arm's owner, not `European`; but `its Japanese subsidiary,
    Calloway Japan KK` names its own company."""
    owner = _pronoun_owner(m)
    if owner is None or _estimate_of(owner.head, m):
        return None  # `its estimate of grain purchases by the Soviet Union`: the estimator only states it
    names, spoken = _names(m)
    measured = _measured_tokens(m)
    named = [ent for ent in names if ent.label_ in ("ORG", "PERSON") and any(t.i in measured for t in ent)]
    topic = m.article.canon.topic_span
    return _canonical(m, named[0] if named else _earlier_actor(owner, _recent_actors(m), spoken, topic) or topic)


def _estimate_of(noun: Token, m: Mention) -> bool:
    """An estimate noun with what it estimates: `its forecast of Brazil's soybean crop`, not with the
    figure itself (`its deficit estimate of 350 mln stg`)."""
    return noun.lemma_.lower() in ESTIMATE_NOUNS and any(
        child.dep_ == "prep" and child.lower_ == "of" and m.head not in child.subtree for child in children_of(noun)
    )


def _stake_holder(m: Mention) -> Name | None:
    """`Export & Finance Bank has bought 49% of National Bank of Iraq`, `Meridian is paying HK$300
    million for a 40% stake in a container yard`: a percentage held or gained is a stake, whose
    owner is the verb's actor, not the company or place the stake is in."""
    verb = m.verb
    if m.quantity.kind != "percent" or verb is None or verb.lemma_.lower() not in STAKE_VERBS | PAYING_VERBS:
        return None
    stake, paid_for = m.head, False
    if stake.dep_ in ("amod", "compound", "nummod") and stake.head.lemma_.lower() in STAKE_NOUNS:
        stake = stake.head
    if stake.dep_ == "pobj" and stake.head.lower_ == "for":
        stake, paid_for = stake.head, True  # `paying HK$300 million for a 40% stake`, on the verb or on its object
        if stake.head.dep_ == "dobj":
            stake = stake.head
    if stake.head != verb or stake.dep_ not in ("dobj", "prep"):
        return None
    if verb.lemma_.lower() in PAYING_VERBS and not paid_for:
        return None  # `a eurobond paying 14-1/2 pct`: a rate
    return _actor_name(m) or _actor_anaphor(m)


def _in_subject(m: Mention) -> Name | None:
    """A name inside the measured phrase: `the U.S. trade deficit`, `the vehicles Toyota sold`."""
    if m.subject_rule not in OWNER_PHRASE_RULES:
        return None
    names, _ = _names(m)
    measured = _measured_tokens(m)
    owners = (
        ent
        for ent in names
        if any(t.i in measured for t in ent)
        and not _says_where(ent, m)
        and not _says_origin(ent, m)
        and not _describes_by_hyphen(ent)
        and not _place_of_named(ent, names)
    )
    return _canonical(m, next(owners, None))


def _place_of_named(ent: Span, names: list[Span]) -> bool:
    """`Japan's Kinki Nippon sliding 1.5%`: a place made a named organisation's possessor says where
    it is; the organisation owns the figure."""
    root = ent.root
    return (
        ent.label_ in ("GPE", "NORP")
        and root.dep_ == "poss"
        and any(other.label_ == "ORG" and root.head in other for other in names if other != ent)
    )


def _describes_by_hyphen(ent: Span) -> bool:
    """`the Paris-based exchange`, `a record for a UK-listed company`: a place joined by a hyphen to
    the word after it makes an adjective of where a thing is, not a name of whose it is."""
    doc = ent.doc
    if ent.label_ not in ("GPE", "LOC", "NORP") or ent.end + 1 >= len(doc):
        return False
    hyphen, word = doc[ent.end], doc[ent.end + 1]
    return hyphen.text == "-" and not ent[-1].whitespace_ and not hyphen.whitespace_ and word.is_alpha


def _says_origin(ent: Span, m: Mention) -> bool:
    """`2.4 mln tonnes of U.S. corn`, `3 mln barrels of Saudi crude`: a place naming the stuff an
    amount is of says where it comes from; whose the figure is, the sentence's actor says
    (`Japan bought ...`). A share's whole is the owner's (`30 pct of U.S. exports`)."""
    root = ent.root
    if m.quantity.kind == "percent" or ent.label_ not in ("GPE", "NORP") or root.dep_ not in ("compound", "amod"):
        return False
    stuff = root.head
    return stuff.dep_ == "pobj" and stuff.head.lower_ == "of" and stuff.head.head == m.head


_WHERE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside", "across", "around", "throughout"})


def _says_where(ent: Span, m: Mention) -> bool:
    """`a charge for closing mills in Maine and Georgia`: a place after a preposition of place that
    hangs on a word deeper in the phrase says where something is, not whose the figure is; on the
    measured noun itself it is (`jobs in Bangladesh`, `unemployment in Spain`)."""
    root = ent.root
    while root.dep_ == "conj" and root.head != root:
        root = root.head
    if ent.label_ not in ("GPE", "LOC", "FAC") or root.dep_ != "pobj" or root.head.lower_ not in _WHERE_PREPOSITIONS:
        return False
    return root.head.head not in {*phrase_heads(m.subject), m.head}


def _macro_country(m: Mention) -> Name | None:
    """Inflation, trade, growth, unemployment, budgets: a country's figures, whoever reports them:
    the place the sentence names, else the country the article names most."""
    if m.subject_rule not in OWNER_PHRASE_RULES or not any(t.lemma_.lower() in MACRO_MEASURES for t in m.subject):
        return None
    names, _ = _names(m)
    places = [ent for ent in names if ent.label_ in ("GPE", "NORP") and not _compared_with(ent)]
    if places:
        span = m.span
        return _canonical(m, min(places, key=lambda ent: min(abs(ent.start - span.end), abs(span.start - ent.end))))
    return m.article.canon.country


_COMPARING_PREPOSITIONS = frozenset({"after", "than", "behind", "like", "unlike", "versus", "vs", "vs."})


def _compared_with(ent: Span) -> bool:
    """`the second-fastest in Asia after China`, `faster than Japan`: a place another is ranked or
    compared against owns none of its figures."""
    root = ent.root
    if root.dep_ != "pobj":
        return False
    preposition = root.head
    if preposition.lower_ in _COMPARING_PREPOSITIONS:
        return True
    return preposition.lower_ in ("with", "to") and preposition.head.lower_ in ("compared", "comparison", "relative")


def _actor_name(m: Mention) -> Name | None:
    """The named subject of the governing verb: `Acme Corp earned $5 million`. A person who says or
    tells (`he told bankers about Brazil's needs`) is the figure's source, not its owner."""
    doer = actor(m.verb)
    if doer is None or m.span.start <= doer.i < m.span.end:
        return None
    names, spoken = _names(m)
    inside = {token.i for token in near_subtree(doer)}
    found = _main_name([e for e in names + spoken if e.start in inside and e.start < m.span.start])
    return None if found is None or _only_speaks(m, found) else _canonical(m, found)


def _describes_named(ent: Span, names: list[Span]) -> bool:
    """A place or nationality describing a noun that has a name of its own: `Dutch` in `Dutch
    insurer AEGON NV` (but `Japanese automakers` are Japan's)."""
    if ent.label_ not in ("NORP", "GPE") or ent.root.dep_ not in ("amod", "compound", "nmod"):
        return False
    head = ent.root.head
    while head.dep_ in ("amod", "compound", "nmod") and head.head != head:
        head = head.head  # `U.S. automaker General Motors Corp`: the phrase's head, `Corp`
    described = {token.i for token in near_subtree(head)}
    return any(other.label_ not in ("NORP", "GPE") and other.start in described for other in names)


def _main_name(names: list[Span]) -> Span | None:
    """The first name, unless it only describes another name's noun (`Dutch insurer AEGON NV`)."""
    return next((ent for ent in names if not _describes_named(ent, names)), names[0] if names else None)


def _only_speaks(m: Mention, owner: Span) -> bool:
    """A person who says or tells, or anyone who sets a figure on a thing (`USDA forecast
    Argentina's crop at 9.00 mln tonnes`), is the figure's source, not its owner."""
    if estimated_at(m) is not None:
        return True
    return owner.label_ == "PERSON" and m.verb is not None and m.verb.lemma_.lower() in SAY_VERBS


def _actor_anaphor(m: Mention) -> Name | None:
    """A pronoun or bare description as the verb's subject (`it`, `the company`) stands for the
    speaker (`X said it ...`) or the last actor named before."""
    doer = actor(m.verb)
    if doer is None or m.span.start <= doer.i < m.span.end or not _stands_for_earlier(doer):
        return None
    _, spoken = _names(m)
    found = _earlier_actor(doer, _recent_actors(m), spoken, m.article.canon.topic_span)
    return None if found is None or _only_speaks(m, found) else _canonical(m, found)


# Prepositions that put a figure where it holds: `65% in the City of London`, `5.6% at the EPA`.
_PLACING_PREPOSITIONS = frozenset({"in", "at"})


def _figure_placed(m: Mention) -> Name | None:
    """A name the figure itself is placed at, in a list of places or bodies: `ranged from 69% in
    Kensington, 65% in the City of London`, `cuts of 9.6% at Agriculture and 5.6% at the EPA`. The
    phrase hangs on the figure (or on the `from`/`down to` that holds it), not on the verb, which
    would place the whole clause (`sold in Japan for 19,800 yen`)."""
    holders = [m.head]
    if m.head.dep_ == "pobj" or m.head.head.pos_ == "ADV":
        holders.append(m.head.head)
    names, _ = _names(m)
    for holder in holders:
        for preposition in children_of(holder):
            if preposition.dep_ != "prep" or preposition.lower_ not in _PLACING_PREPOSITIONS:
                continue
            placed = {child.i for child in children_of(preposition) if child.dep_ == "pobj"}
            found = next((ent for ent in names if ent.root.i in placed), None)
            if found is not None:
                return _canonical(m, found)
    return None


def _where_clause(m: Mention) -> Name | None:
    """`the biggest gains were made in Wales, where house prices were up by 23%`: the figure's clause
    says where it holds, and `where` points back at that name."""
    verb = m.verb
    if verb is None or verb.dep_ != "relcl" or not any(child.lower_ == "where" for child in children_of(verb)):
        return None
    names, _ = _names(m)
    return _canonical(m, next((ent for ent in names if ent.root == verb.head), None))


def _previous_figure(m: Mention) -> Name | None:
    """`... deficit was $68.9 billion, and of that total surplus, $52.6 billion was in vehicles`: a
    singular definite description with no name (`the gap`; `the figure`, read as the figure before's
    subject by `subject.same-figure`) continues the figure before, whose entity it keeps. Plurals
    (`these cars`) name a class, `the former`/`the latter` pick from a list."""
    previous = m.previous
    if previous is None or m.index - previous.index > 1 or previous.link.entity is None:
        return None
    if m.subject_rule == "same-figure":  # `In 2003 the figure was 29%`: the figure before's subject and owner
        return previous.link.entity, previous.link.entity_label or ""
    ids = {token.i for token in m.subject}
    roots = [token for token in m.subject if token.head.i not in ids or token.head == token]
    if m.head.dep_ == "appos":
        roots.append(m.head.head)  # `that total surplus, some $52.6 billion`
    continues = any(
        root.tag_ == "NN"
        and root.lemma_.lower() not in ("former", "latter")
        and any(child.dep_ == "det" and child.lower_ in ("the", "that", "this") for child in children_of(root))
        for root in roots
    )
    return (previous.link.entity, previous.link.entity_label or "") if continues else None


def _table_row(m: Mention) -> Name | None:
    """A row of a results table (`Avg shrs 35.4 mln vs 36.1 mln`) is the figure of the company the
    story reports on; the row's labels are not names."""
    return m.article.canon.topic if m.subject_rule == "table-row" else None


# Dependency steps from the figure's verb up to a clause it hangs on: bounded, as a sentence of
# thousands of figures may parse as one long chain.
_CLAUSE_REACH = 8


def _topic(m: Mention) -> Name | None:
    """A figure no entity of its clause owns is about what the article is about, unless the sentence
    names, besides its speaker, a rival of the topic's kind (another country in a story about one)
    that is not merely describing a noun, in the figure's clause or one it hangs on (`Priced from
    9,000 euros, the cars are popular in Germany`)."""
    canon = m.article.canon
    if canon.topic is None:
        return None
    names, _ = _names(m)
    for ent in names:
        name, label = canon.canonical(ent)
        if label != canon.topic[1] or name == canon.topic[0] or CAPITAL_COUNTRIES.get(name) == canon.topic[0]:
            continue  # the topic country's capital is no rival (`speaking from Brasilia`)
        if ent.root.dep_ in ("compound", "amod"):
            continue  # nor is a name describing a noun (`over comparable Treasury securities`)
        rival_verb = governing_verb(ent.root)
        if m.verb is None or rival_verb == m.verb or rival_verb in islice(m.verb.ancestors, _CLAUSE_REACH):
            return None  # a clause below the figure's is another matter (`..., and that 40% signed up with Vivanta`)
    return canon.topic


def _earlier_actor(anaphor: Token, recent: list[Span], speaker_names: list[Span], topic: Span | None) -> Span | None:
    """The entity a pronoun or bare description stands for. `he`/`she` stand for the latest person
    acting; `the company`, `the group`, `the division` for the organisation the article is about,
    if it is about one; `the country`, `the nation` for the latest country or nationality acting;
    `it`, `they` and other descriptions for the latest organisation, place or nationality acting,
    never for a person."""
    if anaphor.lower_ in ("it", "its", "we", "our") and speaker_names:
        return _main_name(speaker_names)  # `X said it ...`
    if anaphor.lemma_.lower() in ORG_ANAPHORS and topic is not None and topic.label_ == "ORG":
        return topic
    if anaphor.lower_ in PERSON_PRONOUNS:
        wanted = {"PERSON"}
    elif anaphor.lemma_.lower() in PLACE_ANAPHORS:
        wanted = {"GPE", "NORP"}  # `the country's oil revenues`: a country, never the think tank quoted last
    else:
        wanted = NAME_LABELS - {"PERSON"}
    earlier = [ent for ent in recent if ent.end <= anaphor.i and ent.label_ in wanted]
    if not earlier:
        return None
    latest = max(ent.sent.start for ent in earlier)
    return _main_name([ent for ent in earlier if ent.sent.start == latest])  # that sentence's main actor


def _stands_for_earlier(doer: Token) -> bool:
    """A pronoun, or a description of an organisation or country with no name of its own (`they`,
    `the companies`, `the country`). Other descriptions (`the former`, `the gap`) stand for things,
    not for the entity last named."""
    if doer.pos_ == "PRON":
        return True
    if doer.lemma_.lower() not in ORG_ANAPHORS | PLACE_ANAPHORS:
        return False
    determiners = {child.lower_ for child in children_of(doer) if child.dep_ in ("det", "poss")}
    has_name = any(token.ent_type_ for token in near_subtree(doer))
    return not has_name and bool(determiners & {"the", "these", "its", "their", "this", "that"})


ENTITY_RULES: tuple[Rule[Name], ...] = (
    Rule(
        "table-row",
        _table_row,
        "entity",
        0.9,
        "date 1987-04-08\nACME CORP <ACM> 1ST QTR NET\n\nShr 12 cts vs 10 cts\n    Avg shrs [35.4 mln] vs 36.1 mln",
        "ACME CORP",
    ),
    Rule(
        "restated-figure",
        _restated_figure,
        "entity",
        -0.6,
        "Qwest has bid $6.3bn ([£3.4bn]) for MCI.",
        "Qwest",
    ),
    Rule(
        "compared-figure",
        _compared_figure,
        "entity",
        0.3,
        "USDA forecast Argentina's wheat crop at 9.00 mln tonnes, vs [9.10 mln tonnes] last month.",
        "Argentina",
    ),
    Rule(
        "its-owner",
        _its_owner,
        "entity",
        0.2,
        "Initech Ltd posted higher profits on Monday. Its unit earned [$5 million].",
        "Initech Ltd",
    ),
    Rule(
        "stake-holder",
        _stake_holder,
        "entity",
        0.1,
        "Export & Finance Bank has bought [49%] of National Bank of Iraq.",
        "Export & Finance Bank",
    ),
    Rule("in-subject", _in_subject, "entity", 0.1, "The U.S. trade deficit was [$300 billion].", "United States"),
    Rule(
        "macro-country",
        _macro_country,
        "entity",
        0.4,
        "Canada posts surplus\n\nCanada had a surplus in February. Exports rose [5 pct], Statistics Canada said.",
        "Canada",
    ),
    Rule("actor-name", _actor_name, "entity", 1.0, "Acme Corp paid [$5 million] for the plant.", "Acme Corp"),
    Rule(
        "actor-anaphor",
        _actor_anaphor,
        "entity",
        0.7,
        "Globex Inc bought a plant. It paid [$5 million] for it.",
        "Globex Inc",
    ),
    Rule(
        "figure-placed",
        _figure_placed,
        "entity",
        0.2,
        "The plan cuts budgets by 9.6% at Agriculture and [5.6%] at the Environmental Protection Agency.",
        "Environmental Protection Agency",
    ),
    Rule(
        "where-clause",
        _where_clause,
        "entity",
        0.0,
        "The biggest gains were made in Wales, where house prices were up by [23%].",
        "Wales",
    ),
    Rule(
        "previous-figure",
        _previous_figure,
        "entity",
        0.1,
        "The U.S. trade deficit with China was $300 billion in 2023. Roughly [40 per cent] of the gap was due "
        "to electronics.",
        "United States",
    ),
    Rule(
        "topic",
        _topic,
        "entity",
        -0.3,
        "Acme Corp cuts costs\n\nAcme Corp said on Monday it would close plants. Revenue is expected to grow "
        "[4%] this year.",
        "Acme Corp",
    ),
)
