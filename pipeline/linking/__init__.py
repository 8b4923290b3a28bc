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

from dataclasses import replace
from datetime import date

from spacy.tokens import Doc

from pipeline.entities import EntityCanon
from pipeline.linking.entity import ENTITY_RULES
from pipeline.linking.parse import Article, Mention
from pipeline.linking.rules import Rule, first_found
from pipeline.linking.source import SOURCE_RULES
from pipeline.linking.subject import NO_SUBJECT_WEIGHT, SUBJECT_RULES, subject_text
from pipeline.linking.time import TIME_RULES, clause_dates
from pipeline.records import Link, Quantity

ALL_RULES: tuple[Rule, ...] = (*SUBJECT_RULES, *SOURCE_RULES, *ENTITY_RULES, *TIME_RULES)


def link_quantities(
    doc: Doc, quantities: list[Quantity], *, published: date | None, canon: EntityCanon | None = None
) -> list[Link]:
    """Link every quantity of `doc` to its subject, entity, time and source (same order).

    `canon` folds the doc's entity names; pass the one already built for the doc, if any.
    """
    article = Article.of(doc, quantities, published, canon or EntityCanon(doc.ents))
    links: list[Link] = []
    previous: tuple[int, Link] | None = None  # the figure before, with its sentence
    for quantity in quantities:
        mention = Mention.of(quantity, article, previous)
        links.append(link_mention(mention))
        previous = mention.index, links[-1]
    return links


def link_mention(mention: Mention) -> Link:
    """One figure's link: the tables applied in turn."""
    decided: list[Rule] = []
    tokens, subject_rule = first_found(SUBJECT_RULES, mention)
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
    subject = subject_text(mention.subject, mention.subject_rule, mention.quantity.kind, mention.span)
    names = [f"{ent.label_}:{ent.text}" for ent in mention.article.names[mention.index]]
    weight = sum(rule.weight for rule in decided) + (NO_SUBJECT_WEIGHT if subject_rule is None else 0.0)
    return Link(
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
    )
