"""Linking: what each figure measures, whom it is about, when, and who says so.

Each field is decided by an ordered table of named rules (`rules.Rule`), in this order, each stage
reading what the ones before found:
- `subject.SUBJECT_RULES`: the words of the sentence naming what the number measures;
- `source.SOURCE_RULES`: who states it (a reporting verb's subject, `according to`, a quote's speaker);
- `entity.ENTITY_RULES`: whose figure it is (a name in the measured phrase, the verb's subject,
  what a pronoun stands for, the figure before, the article's topic);
- `time.TIME_RULES`: the period, resolved by `dates.resolve_period`.
A claim's `link_rules` name the rules that decided it, and their weights move its confidence.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Token

from pipeline.entities import EntityCanon
from pipeline.linking.entity import ENTITY_RULES, NO_ENTITY_WEIGHT
from pipeline.linking.parse import Article, Mention, Previous, forget_children, phrase_heads
from pipeline.linking.rules import Rule, first_found
from pipeline.linking.source import NO_SOURCE_WEIGHT, SOURCE_RULES
from pipeline.linking.subject import NO_SUBJECT_WEIGHT, SUBJECT_RULES, find_subject, subject_text, without_date_phrases
from pipeline.linking.time import NO_TIME_WEIGHT, TIME_RULES, clause_dates, period_phrases
from pipeline.records import Link, Quantity

ALL_RULES: tuple[Rule, ...] = (*SUBJECT_RULES, *SOURCE_RULES, *ENTITY_RULES, *TIME_RULES)
# What a claim's confidence gets for a field no rule filled.
NO_RULE_WEIGHTS = {
    "subject": NO_SUBJECT_WEIGHT,
    "source": NO_SOURCE_WEIGHT,
    "entity": NO_ENTITY_WEIGHT,
    "time": NO_TIME_WEIGHT,
}


def link_quantities(
    doc: Doc,
    quantities: list[Quantity],
    *,
    published: date | None,
    canon: EntityCanon | None = None,
    on_error: Callable[[Quantity, Exception], None] | None = None,
) -> list[Link]:
    """Link every quantity of `doc` to its subject, entity, time and source (same order).

    `canon` folds the doc's entity names; pass the one already built for the doc, if any. `on_error`
    is called with a quantity whose linking raised and the error; that quantity then gets an empty
    link and the others are linked (None: the error propagates).
    """
    article = Article.of(doc, quantities, published, canon or EntityCanon(doc.ents))
    try:
        return _linked(article, quantities, on_error)
    finally:
        forget_children(doc)  # the doc may be the caller's (the spaCy component)


def _linked(article: Article, quantities: list[Quantity], on_error: Callable | None) -> list[Link]:
    links: list[Link] = []
    previous: Previous | None = None
    for quantity in quantities:
        try:
            mention = Mention.of(quantity, article, previous)
            link, subject = link_mention(mention)
        except Exception as error:  # noqa: BLE001 - one odd figure must not cost the article
            if on_error is None:
                raise
            on_error(quantity, error)
            links.append(Link())
            continue
        links.append(link)
        previous = Previous(mention.index, link, subject)
    return links


def link_mention(mention: Mention) -> tuple[Link, tuple[Token, ...]]:
    """One figure's link, and its subject's tokens: the tables applied in turn."""
    decided: list[Rule] = []
    tokens, subject_rule = find_subject(mention)
    if subject_rule is not None:
        decided.append(subject_rule)
        mention = replace(
            mention,
            subject=tuple(tokens),
            subject_rule=subject_rule.name,
        )
    speaker, source_rule = first_found(SOURCE_RULES, mention)
    if source_rule is not None:
        decided.append(source_rule)
        mention = replace(mention, speaker=speaker[1])
    entity, entity_rule = first_found(ENTITY_RULES, mention)
    if entity_rule is not None:
        decided.append(entity_rule)
    period, time_rule = first_found(TIME_RULES, mention)
    if time_rule is not None:
        decided.append(time_rule)
        time_text = period[1]
    else:  # a date the resolver cannot place is still shown
        unresolved = clause_dates(mention)
        time_text = min(unresolved, key=lambda item: item[1])[2] if unresolved else None
    dates = period_phrases(mention)
    mention = replace(mention, subject=without_date_phrases(mention, [*dates, period[2]] if period else dates))
    subject = subject_text(mention.subject, mention.subject_rule, mention.quantity.kind, mention.span)
    names = [f"{ent.label_}:{ent.text}" for ent in mention.article.names[mention.index]]
    filled = {rule.fills for rule in decided}
    weight = sum(rule.weight for rule in decided) + sum(
        missing for field, missing in NO_RULE_WEIGHTS.items() if field not in filled
    )
    link = Link(
        subject=subject or None,
        entity=entity[0] if entity else None,
        entity_label=entity[1] if entity else None,
        entities=tuple(dict.fromkeys(names)),
        predicate=mention.verb.lemma_.lower() if mention.verb is not None else None,
        time=period[0] if period else None,
        time_text=time_text,
        source=speaker[0] if speaker else None,
        rules=tuple(rule.key for rule in decided),
        weight=weight,
        measure=measure_of(mention.subject, row_label=mention.subject_rule == "table-row"),
    )
    return link, mention.subject


# Words of a subject that say what is measured: its head noun and the head's noun and adjective modifiers.
_MEASURE_DEPS = ("compound", "amod", "nmod")


def measure_of(subject: tuple[Token, ...], *, row_label: bool = False) -> str | None:
    """What a figure measures, normalized to compare figures across stories: the subject's head noun
    with its key modifiers, lemmatized, lower case, in the text's order (`the U.S. trade deficits with
    Japan` -> `u.s. trade deficit`); None without a noun. A results table's row label is all key
    (`Oper net` is not `Net`), and the parser reads such labels poorly."""
    if row_label:
        return " ".join((token.lemma_ or token.text).lower() for token in subject if not token.is_punct) or None
    head = next((token for token in phrase_heads(subject) if token.pos_ in ("NOUN", "PROPN")), None)
    if head is None:  # a verb phrase (`Toyota sold cars in the US`): the first common noun
        head = next((token for token in subject if token.pos_ == "NOUN"), None)
    if head is None:
        return None
    words = [
        token
        for token in subject
        if token == head or (token.head == head and token.dep_ in _MEASURE_DEPS and not token.like_num)
    ]
    return " ".join((token.lemma_ or token.text).lower() for token in words if not token.is_punct) or None
