"""Linking: what each quantity measures, whom it is about, when, and who says so.

Reads spaCy's dependency parse of the quantity's sentence:
- `subject`: the noun the number modifies, the `of`-phrase of a share (`90 percent of the market`),
  or the subject of the verb the number is the object/attribute of;
- `entity`: a named entity in the subject phrase (or what its `its` stands for), else the verb's
  subject with typed pronoun/description resolution, else an entity of the clause that is not the
  speaker, else the previous figure's entity for `the gap`-like descriptions, else the article's topic;
- `time`: the nearest DATE entity of the sentence, resolved by `dates.resolve_period`;
- `source`: the subject of a reporting verb (`said`, `told reporters`), `according to X`, or the
  speaker of a quote in the next sentence.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span, Token

from pipeline.dates import resolve_period
from pipeline.entities import NAME_LABELS, EntityCanon, clean_name
from pipeline.lexicon import SCALES
from pipeline.quantities import CHANGE_VERBS
from pipeline.records import Link, Quantity

SAY_VERBS = frozenset(
    """
    say tell report announce add state estimate forecast note show explain predict project expect
    disclose reveal confirm claim argue write quote warn calculate
    """.split()
)
COPULAS = frozenset({"be", "stand", "reach", "total", "hit", "remain", "come", "amount"})
# Verbs whose subject is what a share or amount measures: `automakers have 90 percent of the market`.
SHARE_VERBS = frozenset({"have", "account", "make", "represent", "control", "hold", "own", "command", "take"})
# Nouns that stand for an entity named earlier: `the company said` -> the last ORG.
_ORG_ANAPHORS = frozenset(
    {
        "company",
        "firm",
        "group",
        "carmaker",
        "automaker",
        "bank",
        "maker",
        "lender",
        "government",
        "division",
        "unit",
        "arm",
        "subsidiary",
        "business",
        "retailer",
        "insurer",
        "airline",
        "chain",
        "operator",
    }
)
_PLACE_ANAPHORS = frozenset({"country", "nation"})
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
_TIME_PREPOSITIONS = frozenset({"in", "on", "since", "during", "by", "for", "at", "until", "through"})
_SUBJECT_MAX_TOKENS = 12
_WINDOW = 40  # tokens either side of a phrase's head that linking looks at


@dataclass(frozen=True)
class _Article:
    """One doc's sentences with their named entities, dates, actors and attributions, each computed
    once per sentence (spaCy's `Span.ents` scans the whole doc on every call, and a sentence may hold
    many figures)."""

    doc: Doc
    sentences: list[Span]
    names: list[list[Span]]  # per sentence: entities that name things
    dates: list[list[Span]]  # per sentence: DATE entities
    actors: list[list[Span]]  # per sentence: named entities that are a verb's subject
    canon: EntityCanon
    published: date | None
    quantity_tokens: set[int]
    attributions: dict[int, Span | None] = field(default_factory=dict)

    def attribution(self, index: int) -> Span | None:
        if index not in self.attributions:
            self.attributions[index] = _attribution(self.sentences[index])
        return self.attributions[index]


def link_quantities(
    doc: Doc, quantities: list[Quantity], *, published: date | None, canon: EntityCanon | None = None
) -> list[Link]:
    """Link every quantity of `doc` to its subject, entity, time and source (same order).

    `canon` folds the doc's entity names; pass the one already built for the doc, if any.
    """
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
    article = _Article(
        doc,
        sentences,
        names,
        dates,
        [_actor_entities(sentence_names) for sentence_names in names],
        canon or EntityCanon(doc.ents),
        published,
        quantity_tokens,
    )
    links: list[Link] = []
    previous: tuple[int, Link] | None = None  # the figure before, with its sentence
    for quantity in quantities:
        index = bisect_right(starts, quantity.token_start) - 1
        links.append(_link(quantity, article, index, previous))
        previous = index, links[-1]
    return links


def _link(quantity: Quantity, article: _Article, index: int, previous: tuple[int, Link] | None) -> Link:
    sentence, sentence_names, canon = article.sentences[index], article.names[index], article.canon
    span = article.doc[quantity.token_start : quantity.token_end]
    head = _span_head(span)
    evidence: list[str] = []
    others = article.quantity_tokens - set(range(quantity.token_start, quantity.token_end))
    subject_tokens, how = _subject_tokens(span, head, counted=quantity.kind == "count", others=others)
    evidence.append(f"subject:{how}")
    verb = _governing_verb(head)
    source, speaker = _source(article, index, span)
    if source:
        evidence.append("source")
    recent = [ent for actors in article.actors[max(0, index - 2) : index + 1] for ent in actors]
    chosen = _main_entity(sentence_names, subject_tokens, how, verb, speaker, span, recent, canon.topic_span)
    entity, entity_label = canon.canonical(chosen) if chosen is not None else (None, None)
    if (
        chosen is None
        and previous is not None
        and index - previous[0] <= 1
        and _continues_previous(subject_tokens, head)
    ):
        # `... deficit was $68.9 billion, and of that total surplus, $52.6 billion was in vehicles`
        entity, entity_label = previous[1].entity, previous[1].entity_label
    if entity is None and canon.topic and not _rivals_topic(sentence_names, speaker, canon):
        # a claim no entity of its clause owns is about what the article is about
        entity, entity_label = canon.topic
        evidence.append("topic_entity")
    time, time_text = _time(sentence, article.dates[index], span, verb, article.published)
    if time:
        evidence.append("time")
    names = [f"{ent.label_}:{ent.text}" for ent in sentence_names]
    return Link(
        subject=_subject_text(subject_tokens, how, quantity.kind, span) or None,
        entity=entity,
        entity_label=entity_label,
        entities=tuple(dict.fromkeys(names)),
        predicate=verb.lemma_.lower() if verb is not None else None,
        time=time,
        time_text=time_text,
        source=source,
        evidence=tuple(evidence),
    )


def _span_head(span: Span) -> Token:
    """The token of the span whose head lies outside it (the span's root in the parse)."""
    for token in span:
        outside = token.head.i < span.start or token.head.i >= span.end or token.head == token
        if outside and (token.pos_ in ("NOUN", "NUM", "SYM", "PROPN") or token.like_num):
            return token
    return span.root


def _subject_tokens(span: Span, head: Token, *, counted: bool, others: set[int]) -> tuple[list[Token], str]:
    """What the number measures, as tokens of its sentence, and which rule found it.

    `others` are the tokens of the article's other quantities: a phrase never takes in another claim.
    """
    number = {token.i for token in span if token.like_num or token.lower_ in SCALES or token.text in ("-", "–")}
    excluded = set(range(span.start, span.end)) | others
    for token in span:  # qualifier words hang off the number
        excluded.update(child.i for child in token.children if child.dep_ in ("quantmod", "advmod"))
    verb = _governing_verb(head)
    if counted and head.pos_ == "NOUN" and not head.like_num and span.end - 1 == head.i:
        if head.dep_ in ("amod", "compound") and head.head.pos_ in ("NOUN", "PROPN"):
            return _phrase(head.head, excluded), "modified-noun"  # `12-nation Trans-Pacific Partnership`
        # a count with its noun: `13,000 vehicles from u.s. automakers sold in japan`, `stores it will close`
        noun = _phrase(head, (excluded - set(range(span.start, span.end))) | number)
        copula = verb is not None and verb.lemma_ == "be"  # `13,000 vehicles ... were`: the noun says it all
        if verb is not None and head.dep_ in ("dobj", "nsubj", "nsubjpass") and head.head == verb and not copula:
            with_actor = head.dep_ == "dobj"
            rest = _verb_phrase(verb, excluded | {t.i for t in _near_subtree(head)}, with_actor=with_actor)
            return noun + rest, "counted-noun"
        return noun, "counted-noun"
    of_phrase = next((child for child in head.children if child.dep_ == "prep" and child.lower_ == "of"), None)
    if of_phrase is not None:
        shared, how = _share_phrase(head, of_phrase, verb, excluded)
        if shared:
            return shared, how
    if head.dep_ in ("nummod", "amod", "compound", "quantmod", "nmod", "npadvmod") and head.head.pos_ in (
        "NOUN",
        "PROPN",
    ):
        return _phrase(head.head, excluded), "modified-noun"
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ == "NOUN":
        return _phrase(head.head.head, excluded), "of-amount"  # `net sales of $14.2 billion`
    if head.dep_ == "appos" or (head.dep_ == "conj" and head.head.ent_type_ in ("MONEY", "")):
        return _subject_tokens(span.doc[head.head.i : head.head.i + 1], head.head, counted=counted, others=others)
    if verb is None:
        return _nearest_chunk(span, excluded)
    lemma = verb.lemma_.lower()
    measured = lemma in COPULAS or lemma in CHANGE_VERBS or lemma in SHARE_VERBS
    if head.dep_ in ("nsubj", "nsubjpass"):
        return _verb_phrase(verb, excluded, with_actor=False), "verb-phrase"
    changed = next((child for child in verb.children if child.dep_ == "dobj"), None) if lemma in CHANGE_VERBS else None
    if changed is not None and changed.i < span.start and not ({t.i for t in _near_subtree(changed)} & excluded):
        return _phrase(changed, excluded), "verb-object"  # `raising US car prices by nearly $2,000`
    if _actor(verb) is None and verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl"):
        described = verb.head if verb.dep_ == "acl" else _actor(verb.head)
        if described is not None and described.pos_ in ("NOUN", "PROPN"):
            return _phrase(described, excluded), "described-noun"  # `priced from 1.1 million yen, these cars`
    actor = _actor(verb) if measured else None
    if actor is not None and actor.pos_ != "PRON":
        return _phrase(actor, excluded), "verb-subject"
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN") and measured:
        return _phrase(verb.head, excluded), "relative-clause"
    if not measured:
        phrase = _verb_phrase(verb, excluded, with_actor=False)
        if any(token.pos_ in ("NOUN", "PROPN") for token in phrase):
            return phrase, "verb-phrase"
        actor = _actor(verb)
        if actor is not None and actor.pos_ != "PRON" and actor.head == verb:  # `Calloway earned`
            return sorted(_phrase(actor, excluded) + phrase, key=lambda token: token.i), "actor-verb"
        if actor is not None and actor.pos_ != "PRON":
            return _phrase(actor, excluded), "verb-subject"
    return _nearest_chunk(span, excluded)


def _share_phrase(head: Token, of_phrase: Token, verb: Token | None, excluded: set[int]) -> tuple[list[Token], str]:
    """What a share is of, with what the share does or whose it is, and which rule found it:
    `a quarter of the firms said they would move production` -> `firms would move production`
    (share-clause); `kei cars make up a third of the market` -> `kei cars` + `market`; else `market`
    (`_subject_text` writes these as `kei cars share of the market`)."""
    objects = [child for child in of_phrase.children if child.dep_ == "pobj" and child.pos_ != "PRON"]
    whole = _phrase(objects[0], excluded) if objects else []
    if verb is None or verb.lemma_.lower() in COPULAS:
        return whole, "of-phrase"
    taken = excluded | {token.i for token in whole}
    if head.dep_ in ("nsubj", "nsubjpass") and head.head == verb:
        reported = next((child for child in verb.children if child.dep_ == "ccomp"), None)
        doing = reported if verb.lemma_.lower() in SAY_VERBS and reported is not None else verb
        clause = _verb_phrase(doing, taken, with_actor=False)
        return sorted(whole + clause, key=lambda token: token.i), "share-clause"
    attached = head.head == verb or (head.dep_ == "pobj" and head.head.head == verb)  # `account for 31% of`
    actor = _actor(verb)
    if actor is not None and actor.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        actor = verb.head  # `kei cars, which make up a third of the market`
    if attached and verb.lemma_.lower() in SHARE_VERBS and actor is not None and actor.pos_ != "PRON":
        return _phrase(actor, taken) + whole, "of-phrase"
    return whole, "of-phrase"


def _nearest_chunk(span: Span, excluded: set[int]) -> tuple[list[Token], str]:
    chunks = [chunk for chunk in span.sent.noun_chunks if chunk.end <= span.start or chunk.start >= span.end]
    if chunks:
        nearest = min(chunks, key=lambda chunk: min(abs(chunk.start - span.start), abs(chunk.end - span.end)))
        return [token for token in nearest if token.i not in excluded], "nearest-chunk"
    return [], "none"


def _verb_phrase(verb: Token, excluded: set[int], *, with_actor: bool) -> list[Token]:
    """`Japanese automakers make in the US`, `invest in a cold-storage hub near Chennai`: the verb with
    its actor (optional), auxiliaries, particles, objects and prepositional phrases, minus the number,
    dates and reporting clauses."""
    tokens: list[Token] = []
    for child in verb.children:
        if abs(child.i - verb.i) > _WINDOW:
            continue
        inside = {token.i for token in _near_subtree(child, verb.i)}
        if inside & excluded or child.dep_ in ("punct", "cc", "conj", "advcl", "ccomp", "mark", "advmod", "npadvmod"):
            continue
        if child.dep_ in ("nsubj", "nsubjpass"):
            if with_actor:
                tokens.extend(_phrase(child, excluded, drop_deps=_CLAUSE_DEPS + ("relcl", "acl")))
        elif child.dep_ in _VERB_PHRASE_DEPS or (child.dep_ == "prep" and not _is_time_phrase(child)):
            tokens.extend(_near_subtree(child, verb.i))
    tokens.append(verb)
    return sorted(tokens, key=lambda token: token.i)[:_SUBJECT_MAX_TOKENS]


_VERB_PHRASE_DEPS = ("aux", "auxpass", "neg", "prt", "dobj", "dative", "agent", "oprd", "attr", "acomp")
_CLAUSE_DEPS = ("appos", "punct", "cc", "conj", "advcl", "ccomp", "mark")


def _phrase(root: Token, excluded: set[int], *, drop_deps: tuple[str, ...] = _CLAUSE_DEPS) -> list[Token]:
    """A noun's phrase: its subtree without determiners, dates, clauses and the quantity itself."""
    dropped: set[int] = set(excluded)
    for child in root.children:
        if abs(child.i - root.i) > _WINDOW:
            continue
        subtree = {token.i for token in _near_subtree(child, root.i)}
        if (
            child.dep_ in drop_deps
            or (child.dep_ == "prep" and _is_time_phrase(child))
            or (subtree & excluded and child.dep_ in ("relcl", "acl", "prep"))
        ):
            dropped.update(subtree)
    tokens = _near_subtree(root)
    for token in tokens:  # `vehicles sold in japan in 2016`: the period is the claim's time, not its subject
        if token.dep_ == "prep" and token != root and _is_time_phrase(token):
            dropped.update(t.i for t in _near_subtree(token))
    tokens = [token for token in tokens if token.i not in dropped]
    while (
        tokens
        and (tokens[0].dep_ in ("det", "predet", "punct", "cc", "prep") or tokens[0].is_punct)
        and tokens[0] != root
    ):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ in ("cc", "prep", "det")) and tokens[-1] != root:
        tokens = tokens[:-1]
    if len(tokens) > _SUBJECT_MAX_TOKENS:
        position = tokens.index(root) if root in tokens else 0
        tokens = tokens[max(0, position - 4) : max(0, position - 4) + _SUBJECT_MAX_TOKENS]
    return tokens


def _near_subtree(token: Token, center: int | None = None) -> list[Token]:
    """The token's subtree, restricted to a window around `center` (default the token): phrases
    are short, and a sentence listing a thousand figures must not cost a thousand full scans."""
    center = token.i if center is None else center
    low, high = max(token.left_edge.i, center - _WINDOW), min(token.right_edge.i, center + _WINDOW)
    return [t for t in token.doc[low : high + 1] if t.i == token.i or token.is_ancestor(t)]


def _is_time_phrase(preposition: Token) -> bool:
    """`in 2016`, `as of December`: a preposition whose object is a date or time."""
    return any(child.dep_ == "pobj" and child.ent_type_ in ("DATE", "TIME") for child in preposition.children)


def _subject_text(tokens: list[Token], how: str, kind: str, span: Span) -> str:
    """The subject as text. A percentage of a whole measures a share of it (`90 percent of the
    market` -> `share of the market`, `kei cars make up a third of the market` -> `kei cars share of
    the market`); an amount `a share` is per share (`12 cts a share` -> `net profit a share`)."""
    text = _phrase_text(tokens)
    if kind == "percent" and how == "of-phrase" and tokens:
        of_token = next((t for t in span.doc[span.end : span.end + 3] if t.lower_ == "of"), None)
        if of_token is not None and of_token.i < tokens[-1].i:
            owner = [token for token in tokens if token.i < of_token.i]
            whole = [token for token in tokens if token.i > of_token.i]
            if whole and not any(token.lower_ == "share" for token in tokens):
                before = span.doc[whole[0].i - 1]
                article = before.text if before.dep_ == "det" and before.i > of_token.i else ""
                parts = (_phrase_text(owner), "share of", article, _phrase_text(whole))
                return " ".join(part for part in parts if part)
    after = span.doc[span.end : span.end + 2]
    if kind == "money" and len(after) == 2 and after[0].lower_ in ("a", "per") and after[1].lower_ == "share":
        return f"{text} a share" if text else text
    return text


def _phrase_text(tokens: list[Token]) -> str:
    text = ""
    for position, token in enumerate(tokens):
        following = tokens[position + 1] if position + 1 < len(tokens) else None
        joined = following is not None and following.i == token.i + 1
        text += token.text + (token.whitespace_ if joined else " ")
    return " ".join(text.split())


def _governing_verb(token: Token) -> Token | None:
    current = token
    for _ in range(6):
        if current.pos_ in ("VERB", "AUX") and current is not token:
            return current
        if current.head == current:
            return current if current.pos_ in ("VERB", "AUX") else None
        current = current.head
    return None


def _main_entity(
    sentence_names: list[Span],
    subject: list[Token],
    how: str,
    verb: Token | None,
    speaker: Span | None,
    span: Span,
    recent: list[Span],
    topic: Span | None,
) -> Span | None:
    """The entity span the claim is about (see `_link`); None when no entity is involved.

    Order: an entity in the measured phrase (`U.S. trade deficit`, `the vehicles toyota sold`); the
    actor, i.e. the subject of the governing verb, where a pronoun or a bare description (`it`,
    `the companies`) stands for the speaker (`X said it ...`) or the last actor named before; an
    entity in the same clause as the number.
    """
    names = list(sentence_names)
    speaker_names = [ent for ent in names if speaker is not None and speaker.start <= ent.start < speaker.end]
    names = [ent for ent in names if ent not in speaker_names]
    quantity_ids = set(range(span.start, span.end))
    if how == "share-clause" and verb is not None:  # the share's whole, not where its clause goes
        subject = [token for token in subject if token.i < verb.i]
    if how in (
        "of-phrase",
        "of-amount",
        "modified-noun",
        "verb-subject",
        "counted-noun",
        "verb-object",
        "described-noun",
        "share-clause",
        "actor-verb",
    ):
        subject_ids = {token.i for token in subject} | {  # `its subsidiary, Calloway Japan KK`
            t.i for token in subject for child in token.children if child.dep_ == "appos" for t in _near_subtree(child)
        }
        inside = [ent for ent in names if any(token.i in subject_ids for token in ent)]
        owner = _pronoun_owner(subject)
        if owner is not None:
            # `its continental European arm`: the arm's owner, not `European`; but `its Japanese
            # subsidiary, Calloway Japan KK` names its own company
            named = [ent for ent in inside if ent.label_ in ("ORG", "PERSON")]
            return named[0] if named else _earlier_actor(owner, recent, speaker_names, topic) or topic
        if inside:
            return inside[0]
    actor = _actor(verb)
    if actor is not None and actor.i not in quantity_ids:
        inside = {token.i for token in _near_subtree(actor)}
        chosen = next((ent for ent in names + speaker_names if ent.start in inside and ent.start < span.start), None)
        if chosen is not None:
            return chosen
        if _stands_for_earlier(actor):
            return _earlier_actor(actor, recent, speaker_names, topic)
    # a person merely named in the clause (`a margin over Sonia`) does not own its figures
    same_clause = [ent for ent in names if _governing_verb(ent.root) == verb and ent.label_ != "PERSON"]
    if same_clause:
        return min(same_clause, key=lambda ent: min(abs(ent.start - span.end), abs(span.start - ent.end)))
    return None


def _continues_previous(subject: list[Token], head: Token) -> bool:
    """The measured thing is a singular definite description with no name (`the gap`, `that total
    surplus`): it continues the figure before it, whose entity it keeps. Plurals (`these cars`) name
    a class, and `the former`/`the latter` pick from a list instead."""
    ids = {token.i for token in subject}
    roots = [token for token in subject if token.head.i not in ids or token.head == token]
    if head.dep_ == "appos":
        roots.append(head.head)  # `that total surplus, some $52.6 billion`
    return any(
        root.tag_ == "NN"
        and root.lemma_.lower() not in ("former", "latter")
        and any(child.dep_ == "det" and child.lower_ in ("the", "that", "this") for child in root.children)
        for root in roots
    )


def _rivals_topic(sentence_names: list[Span], speaker: Span | None, canon: EntityCanon) -> bool:
    """The sentence names, besides its speaker, another entity of the topic's kind (another country
    in an article about a country): its figures may be either's, so the topic is not assumed."""
    for ent in sentence_names:
        if speaker is not None and speaker.start <= ent.start < speaker.end:
            continue
        name, label = canon.canonical(ent)
        if label == canon.topic[1] and name != canon.topic[0]:
            return True
    return False


def _pronoun_owner(subject: list[Token]) -> Token | None:
    """The possessive pronoun of the measured noun (`its` in `its continental European arm`)."""
    return next((token for token in subject if token.dep_ == "poss" and token.pos_ == "PRON"), None)


def _earlier_actor(anaphor: Token, recent: list[Span], speaker_names: list[Span], topic: Span | None) -> Span | None:
    """The entity a pronoun or bare description stands for. `he`/`she` stand for the latest person
    acting; `the company`, `the group`, `the division` for the organisation the article is about,
    if it is about one; `it`, `they` and other descriptions for the latest organisation, place or
    nationality acting, never for a person."""
    if anaphor.lower_ in ("it", "its", "we", "our") and speaker_names:
        return speaker_names[0]  # `X said it ...`
    if anaphor.lemma_.lower() in _ORG_ANAPHORS and topic is not None and topic.label_ == "ORG":
        return topic
    wanted = {"PERSON"} if anaphor.lower_ in _PERSON_PRONOUNS else NAME_LABELS - {"PERSON"}
    earlier = [ent for ent in recent if ent.end <= anaphor.i and ent.label_ in wanted]
    if not earlier:
        return None
    latest = max(ent.sent.start for ent in earlier)
    return next(ent for ent in earlier if ent.sent.start == latest)  # that sentence's main actor


def _stands_for_earlier(actor: Token) -> bool:
    """A pronoun, or a description of an organisation or country with no name of its own (`they`,
    `the companies`, `the country`). Other descriptions (`the former`, `the gap`) stand for things,
    not for the entity last named."""
    if actor.pos_ == "PRON":
        return True
    if actor.lemma_.lower() not in _ORG_ANAPHORS | _PLACE_ANAPHORS:
        return False
    determiners = {child.lower_ for child in actor.children if child.dep_ in ("det", "poss")}
    has_name = any(token.ent_type_ for token in _near_subtree(actor))
    return not has_name and bool(determiners & {"the", "these", "its", "their", "this", "that"})


def _actor(verb: Token | None) -> Token | None:
    """The subject of `verb`, or of the nearest verb above it that has one (`after selling ...`)."""
    for _ in range(3):
        if verb is None:
            return None
        subject = next((child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            return verb.head  # a verb hung on a noun is about that noun: `its margin widened by ...`
        verb = _governing_verb(verb)
    return None


def _actor_entities(sentence_names: list[Span]) -> list[Span]:
    """Entities that are the subject of a verb in the sentence: the actors later pronouns refer to."""
    actors = []
    for ent in sentence_names:
        root = ent.root
        while root.dep_ in ("compound", "amod", "poss", "case") and root.head != root:
            root = root.head
        if root.dep_ in ("nsubj", "nsubjpass"):
            actors.append(ent)
    return actors


def _time(
    sentence: Span, sentence_dates: list[Span], span: Span, verb: Token | None, published: date | None
) -> tuple[str | None, str | None]:
    """The nearest date of the claim's clause; dates that only time the reporting (`told reporters on
    Thursday`) are skipped, and of coordinated dates (`in both 2016 and 2015`) the first counts."""
    candidates = []
    for ent in sentence_dates:
        if ent.root.dep_ == "conj" and ent.root.head.ent_type_ == "DATE":
            continue
        date_verb = _governing_verb(ent.root)
        if date_verb is not None and date_verb != verb and date_verb.lemma_.lower() in SAY_VERBS:
            continue
        text = _with_preposition(sentence, ent)
        distance = min(abs(ent.start - span.end), abs(span.start - ent.end))
        candidates.append((resolve_period(text, published), distance, text))
    usable = [item for item in candidates if item[0]]
    if usable:
        period, _, text = min(usable, key=lambda item: item[1])
        return period, text
    if candidates:
        return None, min(candidates, key=lambda item: item[1])[2]
    return None, None


def _with_preposition(sentence: Span, ent: Span) -> str:
    """`in 2016`, `as of December 2015`: the date with the preposition that introduces it."""
    start = ent.start
    before = ent.doc[start - 1] if start > sentence.start else None
    if before is not None and before.lower_ in _TIME_PREPOSITIONS:
        start -= 1
    elif before is not None and before.lower_ == "of" and start - 2 >= sentence.start:
        start -= 2 if ent.doc[start - 2].lower_ == "as" else 0
    return ent.doc[start : ent.end].text


def _source(article: _Article, index: int, span: Span) -> tuple[str | None, Span | None]:
    """Who the sentence attributes the claim to; a quote attributed in the next sentence (`"...," he
    said.`) or opened in the previous one keeps its speaker. A reporting verb whose subject is the
    number itself (`half of them said`) reports a survey answer, not a source."""
    sentences = article.sentences
    candidates = [index]
    if index + 1 < len(sentences) and _opens_quote(sentences[index]):
        candidates.append(index + 1)
    if index > 0 and _opens_quote(sentences[index - 1]):
        candidates.append(index - 1)
    for where in candidates:
        found = article.attribution(where)
        if found is not None and not (found.start < span.end and span.start < found.end):
            return _speaker_name(article, found, where), found
    return None, None


def _opens_quote(sentence: Span) -> bool:
    quotes = sum(token.text in ('"', "“", "”") for token in sentence)
    return quotes % 2 == 1 or sentence[0].text in ('"', "“")


def _attribution(sentence: Span) -> Span | None:
    """The speaker phrase of a reporting verb or `according to` in the sentence."""
    for token in sentence:
        if token.lower_ == "according" and token.i + 2 <= sentence.end and token.nbor(1).lower_ == "to":
            objects = [child for child in token.nbor(1).children if child.dep_ == "pobj"]
            if objects:
                return _compact(objects[0])
        if token.pos_ == "VERB" and token.lemma_.lower() in SAY_VERBS:
            subjects = [child for child in token.children if child.dep_ in ("nsubj", "nsubjpass")]
            if subjects:
                return _compact(subjects[0])
    return None


def _compact(token: Token) -> Span:
    """A speaker phrase without relative clauses and appositions: `a toyota executive who ...`."""
    dropped = {
        t.i
        for child in token.children
        if child.dep_ in ("relcl", "acl", "appos", "punct")
        for t in _near_subtree(child, token.i)
    }
    kept = [t.i for t in _near_subtree(token) if t.i not in dropped] or [token.i]
    return token.doc[min(kept) : max(kept) + 1]


def _speaker_name(article: _Article, speaker: Span, index: int) -> str:
    """A person named in the speaker phrase, else an organisation or place, else the phrase itself;
    `he`/`she`/`the company` stand for the last person/organisation named before."""
    canon = article.canon
    first, last = speaker.root.left_edge.i, speaker.root.right_edge.i
    for label in ("PERSON", "ORG", "GPE", "NORP"):
        names = [ent for ent in article.names[index] if ent.label_ == label and first <= ent.start <= last]
        if names:
            return clean_name(names[0].text) if label == "PERSON" else canon.canonical(names[0])[0]
    head = speaker.root
    wanted = "PERSON" if head.lower_ in _PERSON_PRONOUNS else "ORG" if head.lemma_.lower() in _ORG_ANAPHORS else None
    if wanted:
        earlier = [
            ent
            for ents in article.names[max(0, index - 3) : index + 1]
            for ent in ents
            if ent.label_ == wanted and ent.end <= speaker.start
        ]
        if earlier:
            return canon.canonical(earlier[-1])[0] if wanted == "ORG" else clean_name(earlier[-1].text)
        if wanted == "ORG" and canon.topic and canon.topic[1] == "ORG":
            return canon.topic[0]
    if head.lower_ == "it" and canon.topic and canon.topic[1] == "ORG":
        return canon.topic[0]
    return clean_name(speaker.text)
