"""Subject: what a figure measures, as words of its sentence. The first rule that finds a phrase wins."""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.dates import PERIOD_PARTS
from pipeline.lexicon import (
    CHANGE_ADVERBS,
    CHANGE_NOUNS,
    FIGURE_ANAPHORS,
    INSTRUMENT_VERBS,
    LEVEL_NOUNS,
    MEASURE_OF_NOUNS,
    QUALIFIERS,
    TABLE_ROW_LABELS,
    TRADE_UNITS,
)
from pipeline.linking.parse import (
    CLAUSE_DEPS,
    COMPARED,
    COPULAS,
    ESTIMATE_VERBS,
    SAY_VERBS,
    SHARE_VERBS,
    WINDOW,
    Mention,
    TokenSet,
    actor,
    children_of,
    compares_previous,
    is_time_phrase,
    near_subtree,
    phrase,
    phrase_text,
    reports,
    verb_phrase,
)
from pipeline.linking.rules import Rule
from pipeline.quantities import CHANGE_VERBS

NO_SUBJECT_WEIGHT = 0.0  # no rule found a phrase: the row says what, but not of what


_ROW_LABEL_MAX_TOKENS = 4


def _table_row(m: Mention) -> list[Token] | None:
    """A figure of a results table row (`Shr 69 cts vs 64 cts`, `Avg shrs 35.4 mln vs 164.7 mln`)
    measures what the row's label says: the words that start its line. The label names a money or
    share row (`lexicon.TABLE_ROW_LABELS`), or the line holds nothing but figures after it (`Leaving
    326.9 mln stg vs 337.3 mln`). A percentage is no such row's figure."""
    if m.quantity.kind == "percent":
        return None
    doc = m.article.doc
    start = m.span.start
    while start > 0 and m.span.start - start < 30 and "\n" not in doc[start - 1].text + doc[start - 1].whitespace_:
        start -= 1
    end = m.span.end
    while end < len(doc) and end - m.span.end < 30 and "\n" not in doc[end - 1].whitespace_ + doc[end].text:
        end += 1
    if not any(token.lower_ in COMPARED for token in doc[start:end]):
        return None
    label = []
    for token in doc[start:end]:
        if token.like_num or token.i in m.article.quantity_tokens or not token.is_alpha:
            break
        label.append(token)
    if not 0 < len(label) <= _ROW_LABEL_MAX_TOKENS:
        return None
    named_row = any(token.lower_ in TABLE_ROW_LABELS for token in label)
    return label if named_row or _only_figures(doc[start + len(label) : end], m) else None


def _only_figures(rest: Span, m: Mention) -> bool:
    """Nothing but figures set against each other: a table row's, where prose goes on in words."""
    return all(
        token.i in m.article.quantity_tokens or token.lower_ in COMPARED or token.is_punct or token.is_space
        for token in rest
    )


def _compared_figure(m: Mention) -> list[Token] | None:
    """What the figure it is set against measures (`parse.compares_previous`)."""
    return list(m.previous.subject) if compares_previous(m) and m.previous.subject else None


def _is_counted_noun(m: Mention) -> bool:
    head = m.head
    return m.counted and head.pos_ == "NOUN" and not head.like_num and m.span.end - 1 == head.i


def _count_modifies_noun(m: Mention) -> list[Token] | None:
    head = m.head
    if _is_counted_noun(m) and head.dep_ in ("amod", "compound") and head.head.pos_ in ("NOUN", "PROPN"):
        return phrase(head.head, m.excluded)
    return None


def _counted_noun(m: Mention) -> list[Token] | None:
    """A count with its noun: `13,000 vehicles from u.s. automakers sold in japan`, `stores it will close`.
    A trade unit is how a volume is counted, not what it measures (`output rose to 12.25 mln tonnes`):
    the rules after this one read the measure as they do for money."""
    if not _is_counted_noun(m) or m.head.lemma_.lower() in TRADE_UNITS:
        return None
    of = m.head.head
    if m.head.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_.lower() in MEASURE_OF_NOUNS:
        return None  # `on volume of 1.3 mln shares`: the volume is measured (`_of_amount`)
    head, verb = m.head, m.verb
    noun = phrase(head, (m.excluded - set(range(m.span.start, m.span.end))) | m.number_tokens)
    copula = verb is not None and verb.lemma_ == "be"  # `13,000 vehicles ... were`: the noun says it all
    if verb is not None and head.dep_ in ("dobj", "nsubj", "nsubjpass") and head.head == verb and not copula:
        rest = verb_phrase(verb, m.excluded | {t.i for t in near_subtree(head)}, with_actor=head.dep_ == "dobj")
        return sorted(noun + rest, key=lambda token: token.i)  # the sentence's words in its order
    return noun


def _of_whole(m: Mention) -> list[Token] | None:
    """The whole a share is of: `90 percent of [the market]`."""
    of_phrase = next((child for child in children_of(m.head) if child.dep_ == "prep" and child.lower_ == "of"), None)
    if of_phrase is None:
        return None
    objects = [child for child in children_of(of_phrase) if child.dep_ == "pobj" and child.pos_ != "PRON"]
    return phrase(objects[0], m.excluded) if objects else None


def _share_clause(m: Mention) -> list[Token] | None:
    """A share doing something: `a quarter of the firms said they would move production` ->
    `firms would move production`."""
    verb = m.verb
    if verb is None or verb.lemma_.lower() in COPULAS or m.head.dep_ not in ("nsubj", "nsubjpass"):
        return None
    of_phrase = any(child.dep_ == "prep" and child.lower_ == "of" for child in children_of(m.head))
    if m.head.head != verb or not of_phrase:
        return None
    whole = _of_whole(m) or []  # `half of them said they had cut output`: the whole may be a pronoun
    reported = next((child for child in children_of(verb) if child.dep_ == "ccomp"), None)
    doing = reported if verb.lemma_.lower() in SAY_VERBS and reported is not None else verb
    clause = verb_phrase(doing, m.excluded | {token.i for token in whole}, with_actor=False)
    return sorted(whole + clause, key=lambda token: token.i)


def _of_phrase(m: Mention) -> list[Token] | None:
    """What a share is of, with whose share it is: `kei cars make up a third of the market` ->
    `kei cars` + `market` (written `kei cars share of the market`)."""
    whole = _of_whole(m)
    if not whole:
        return None
    verb, head = m.verb, m.head
    if verb is None or verb.lemma_.lower() in COPULAS:
        return whole
    attached = head.head == verb or (head.dep_ == "pobj" and head.head.head == verb)  # `account for 31% of`
    owner = actor(verb)
    if owner is not None and owner.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        owner = verb.head  # `kei cars, which make up a third of the market`
    if attached and verb.lemma_.lower() in SHARE_VERBS and owner is not None and owner.pos_ != "PRON":
        return phrase(owner, m.excluded | {token.i for token in whole}) + whole
    return whole


def _modified_noun(m: Mention) -> list[Token] | None:
    head = m.head
    if m.quantity.kind == "money" and _per_share(m.span):
        return None  # `a charge of four cts shr`: the share is the amount's unit, the charge is measured
    if head.head.lemma_.lower() in TRADE_UNITS | LEVEL_NOUNS:
        return None  # `vs 17.30 mln tonnes`, `hit the $50m mark`: how it is counted or where it stands
    if head.dep_ in ("nummod", "amod", "compound", "quantmod", "nmod", "npadvmod") and head.head.pos_ in (
        "NOUN",
        "PROPN",
    ):
        noun = head.head
        while noun.dep_ == "compound" and noun.head.pos_ == "NOUN" and noun.head.i > noun.i:
            noun = noun.head  # `a 1.8 mln dlrs loan increase`: the compound's head is what is measured
        return phrase(noun, m.excluded)
    return None


_CHANGE_ENDS = frozenset({"to", "by", "from"})  # how an amount hangs on a change noun (`a rise ... to $16.2bn`)


def _changed_in(m: Mention) -> list[Token] | None:
    """`a [26%] rise in annual profits`, `a rise in annual profits to [$16.2bn]`, `an [$800bn] rise
    in what the US can owe`: the size or an end of a change noun measures what changed, the
    noun's `in` phrase (the change itself is the claim's role and direction)."""
    head = m.head
    if head.dep_ in ("nummod", "amod", "compound", "quantmod", "nmod"):
        change = head.head
    elif head.dep_ == "pobj" and head.head.lower_ in _CHANGE_ENDS:
        change = head.head.head
    else:
        return None
    if change.pos_ != "NOUN" or change.lemma_.lower() not in CHANGE_NOUNS:
        return None  # `sales fell by 23% in the capital`: a verb's `in` says where
    within = next(
        (child for child in children_of(change) if child.dep_ == "prep" and child.lower_ == "in"),
        None,
    )
    if within is None or is_time_phrase(within):
        return None
    changed = next((child for child in children_of(within) if child.dep_ in ("pobj", "pcomp")), None)
    if changed is None or changed.i in m.article.quantity_tokens or changed.lemma_.lower() in _PERIOD_NOUNS:
        return None  # `a rise of 5 pct`; `in both 1986 periods, 1,500,000 dlr gain`
    if changed.dep_ == "pobj":  # `growth in sales and earnings`: all that changed
        return phrase(changed, m.excluded, drop_deps=tuple(dep for dep in CLAUSE_DEPS if dep not in ("cc", "conj")))
    clause = []  # `in what the US can owe - taking the total to ...`: the clause up to its first break
    for token in near_subtree(changed):
        if token.is_punct and clause:
            break
        if token.i not in m.excluded:
            clause.append(token)
    return clause


def _of_amount(m: Mention) -> list[Token] | None:
    head = m.head
    if head.dep_ == "compound" and head.head.lower_ in _SHARE_WORDS:
        head = head.head  # `a charge of [four cts] shr`: the amount with its per-share unit
    measured = head.head.head
    if head.dep_ == "pobj" and head.head.lower_ == "of" and measured.pos_ == "NOUN":
        if measured.lemma_.lower() in LEVEL_NOUNS:
            return None  # `stands at an average of 28.6%`: a level of what the clause says
        # `net sales of $14.2 billion`; `a rebate of 1,000 dlrs for buyers of Celebrity cars`: the
        # parser hangs what the noun is for on the amount, the phrase's last noun
        return sorted(phrase(measured, m.excluded) + _amount_modifiers(head, m), key=lambda token: token.i)
    return None


def _worth(m: Mention) -> list[Token] | None:
    """`a deal worth [$8bn]`, `250,000 bags of cement worth [375,000 dlrs]`: what is worth the
    figure, the noun `worth` describes (the parser often hangs `worth` on the verb: then the noun
    right before it)."""
    worth = m.head.head
    if worth.lower_ != "worth" or m.head.dep_ not in ("npadvmod", "pobj", "dobj", "nmod"):
        return None
    start = max(m.sentence.start, worth.i - 2)
    before = [t for t in m.article.doc[start : worth.i] if t.pos_ in ("NOUN", "PROPN")]
    noun = worth.head if worth.head.pos_ in ("NOUN", "PROPN") else before[-1] if before else None
    if noun is None:
        return None
    tokens = phrase(noun, m.excluded | {t.i for t in near_subtree(worth)})
    if worth.head == noun or worth.i == noun.i + 1:  # `a deal worth`, as readers write it; not `the deal is worth`
        tokens = sorted({*tokens, worth}, key=lambda token: token.i)
    return tokens


def _changed_noun(m: Mention) -> list[Token] | None:
    """`net income of 1.89 billion pesos, up [68 pct] from [778.9 mln pesos]`: a change the parser
    hangs on a noun (no verb of its own) measures that noun."""
    token = m.head
    for _ in range(3):
        if token.dep_ not in ("npadvmod", "pobj", "prep", "dobj") or token.head == token:
            return None
        token = token.head
        if token.lower_ in CHANGE_ADVERBS and token.dep_ == "advmod":
            noun = token.head
            changed = noun.pos_ in ("NOUN", "PROPN") and noun.i not in m.article.quantity_tokens
            if not changed or _figures_between(m, noun.i, token.i) > 1:
                return None  # `oil reserves 3.3 mln barrels, up 39 pct, and gas reserves 4.7 bcf, off [9 pct]`
            return phrase(noun, m.excluded | {t.i for t in near_subtree(token, noun.i)})
    return None


# Words after an amount that begin no phrase of its noun: a rate of the amount itself (`12 cts per
# share`, which `subject_text` writes), or the figure it is set against (`vs loss 14.5 mln dlrs`).
_AMOUNT_OWN_PREPOSITIONS = frozenset({"per", "a"}) | COMPARED
# Nouns of a stretch of time: `in current qtr` times the figure even where the model tags no DATE.
_PERIOD_NOUNS = frozenset(PERIOD_PARTS) | {"year", "month", "week", "day", "period", "mths", "months"}


def _figures_between(m: Mention, start: int, end: int) -> int:
    """How many figures begin between tokens `start` and `end`: a noun's own amount is one; more,
    and the parser has hung a later change on an earlier noun."""
    figures = m.article.quantity_tokens
    return sum(1 for i in range(start + 1, end) if i in figures and i - 1 not in figures)


def _amount_modifiers(amount: Token, m: Mention) -> list[Token]:
    """The prepositional phrases after an amount that say what its noun is of or for (`a rebate of
    1,000 dlrs for first-time buyers`), without their clauses; not a rate or a comparison, not a
    period, not one holding another figure. A name there is no owner (`entity._in_subject`)."""
    found: list[Token] = []
    for child in children_of(amount):
        if child.dep_ != "prep" or child.i < amount.i or child.lower_ in _AMOUNT_OWN_PREPOSITIONS:
            continue
        if is_time_phrase(child):
            continue
        clauses = {
            t.i
            for grand in children_of(child)
            for clause in children_of(grand)
            if clause.dep_ in ("relcl", "acl")
            for t in near_subtree(clause, amount.i)
        }  # `for new preference shares, which were issued ...`: the shares, not the clause
        inside = [t for t in near_subtree(child, amount.i) if t.i not in clauses]
        while inside and inside[-1].is_punct:
            inside.pop()
        if any(t.i in m.excluded or t.lemma_.lower() in _PERIOD_NOUNS for t in inside):
            continue
        found.extend(inside)
    return found


def _appositive(m: Mention) -> list[Token] | None:
    """`revenue, $5 billion`, `$5 billion, or 12 cts a share`: what the figure it restates measures."""
    head = m.head
    if head.dep_ == "appos" or (head.dep_ == "conj" and head.head.ent_type_ in ("MONEY", "")):
        others = TokenSet(m.article.quantity_tokens, removed={head.head.i})  # never the figure itself
        restated = Mention.at(m.article.doc[head.head.i : head.head.i + 1], head.head, m.article, others, m.quantity)
        tokens, _ = find_subject(restated)
        return tokens or None
    return None


def estimated_at(m: Mention) -> Token | None:
    """The thing an estimate verb sets at the figure (`forecast [Argentina's wheat crop] at 9.00 mln
    tonnes`, `[exports] are estimated at 15.96 mln`), or None."""
    verb, head = m.verb, m.head
    if verb is None or verb.lemma_.lower() not in ESTIMATE_VERBS:
        return None
    if head.dep_ != "pobj" or head.head.lower_ != "at" or head.head.head != verb:
        return None
    return next((child for child in children_of(verb) if child.dep_ in ("dobj", "nsubjpass")), None)


def _estimated_object(m: Mention) -> list[Token] | None:
    estimated = estimated_at(m)
    return phrase(estimated, m.excluded) if estimated is not None and estimated.pos_ != "PRON" else None


def _measured_verb(m: Mention) -> bool:
    lemma = m.verb.lemma_.lower() if m.verb is not None else ""
    return lemma in COPULAS or lemma in CHANGE_VERBS or lemma in SHARE_VERBS


def _verb_phrase_of_subject(m: Mention) -> list[Token] | None:
    if m.verb is not None and m.head.dep_ in ("nsubj", "nsubjpass"):
        return verb_phrase(m.verb, m.excluded, with_actor=False)
    return None


def _changed_object(m: Mention) -> list[Token] | None:
    verb = m.verb
    if verb is None or verb.lemma_.lower() not in CHANGE_VERBS:
        return None
    changed = next((child for child in children_of(verb) if child.dep_ == "dobj"), None)
    if changed is not None and changed.i < m.span.start and not ({t.i for t in near_subtree(changed)} & m.excluded):
        return phrase(changed, m.excluded)  # `raising US car prices by nearly $2,000`
    return None


def _verb_subject(m: Mention) -> list[Token] | None:
    doer = actor(m.verb) if _measured_verb(m) else None
    return phrase(doer, m.excluded) if doer is not None and doer.pos_ != "PRON" else None


def _same_figure(m: Mention) -> list[Token] | None:
    """`45% of the Japanese people Ericsson questioned use their camera phone ... In 2003 the figure was
    [29%]`: a bare `the figure`, `the rate`, `that total` as the measuring verb's subject stands for
    what the figure just before measured."""
    previous = m.previous
    if previous is None or m.index - previous.index > 1 or not previous.subject:
        return None
    doer = actor(m.verb) if _measured_verb(m) else None
    if doer is None or doer.lemma_.lower() not in FIGURE_ANAPHORS:
        return None
    modifiers = children_of(doer)
    if not modifiers or any(child.dep_ != "det" or child.lower_ not in ("the", "this", "that") for child in modifiers):
        return None
    return list(previous.subject)


def _relative_clause(m: Mention) -> list[Token] | None:
    verb = m.verb
    if verb is not None and verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN") and _measured_verb(m):
        return phrase(verb.head, m.excluded)
    return None


def _what_is_done(m: Mention) -> list[Token] | None:
    """A verb that does not measure: what is done, `invest in a cold-storage hub`."""
    if m.verb is None or _measured_verb(m):
        return None
    done = verb_phrase(m.verb, m.excluded, with_actor=False)
    return done if any(token.pos_ in ("NOUN", "PROPN") for token in done) else None


def _actor_verb(m: Mention) -> list[Token] | None:
    """`Calloway earned`: who did it and the verb."""
    doer = actor(m.verb) if m.verb is not None and not _measured_verb(m) else None
    if doer is not None and doer.pos_ != "PRON" and doer.head == m.verb:
        done = verb_phrase(m.verb, m.excluded, with_actor=False)
        return sorted(phrase(doer, m.excluded) + done, key=lambda token: token.i)
    return None


def _object_participle(m: Mention) -> list[Token] | None:
    """`Toronto Dominion Bank is issuing a 40 mln dlr eurobond, paying [14-1/2 pct] and priced at
    [101-3/8 pct]`: a participle with no subject of its own, that the parser hung on the main verb,
    says what the main verb's object does or has done to it (an instrument pays or yields; a thing
    is priced): the object's noun and the participle."""
    verb = m.verb
    if verb is None or verb.tag_ not in ("VBN", "VBG"):
        return None
    if any(child.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for child in verb.children):
        return None  # a finite verb (`has seen cash metal move above 320 stg`), or one with its own subject
    if verb.tag_ == "VBG" and verb.lemma_.lower() not in INSTRUMENT_VERBS:
        return None
    main = verb
    while main.dep_ in ("conj", "advcl", "xcomp") and main.head != main:
        main = main.head
    if main == verb or main.pos_ not in ("VERB", "AUX"):
        return None
    thing = next((child for child in main.children if child.dep_ == "dobj" and child.pos_ == "NOUN"), None)
    return [thing, verb] if thing is not None and thing.i < verb.i else None


def _doer(m: Mention) -> list[Token] | None:
    doer = actor(m.verb) if m.verb is not None and not _measured_verb(m) else None
    return phrase(doer, m.excluded) if doer is not None and doer.pos_ != "PRON" else None


def _nearest_chunk(m: Mention) -> list[Token] | None:
    """The nearest noun phrase of the sentence that names a thing (not a pronoun, date or figure)."""
    span = m.span
    chunks = [
        chunk
        for chunk in m.article.chunks_near(span, m.sentence)
        if (chunk.end <= span.start or chunk.start >= span.end)
        and chunk.root.pos_ in ("NOUN", "PROPN")
        and chunk.root.ent_type_ not in ("DATE", "TIME")
        and chunk.root.i not in m.excluded
        and chunk.start - 1 not in m.article.quantity_tokens  # `95 cts a share`: another figure's unit
        and not (_speaks(chunk.root) and not _pronoun_doer(m))
    ]
    if not chunks:
        return None
    nearest = min(chunks, key=lambda chunk: min(abs(chunk.start - span.start), abs(chunk.end - span.end)))
    return [token for token in nearest if token.i not in m.excluded]


def _pronoun_doer(m: Mention) -> bool:
    """`General Motors Corp said it earned 5 mln dlrs`: a pronoun does it, the speaker it stands for
    (but in `we estimate it to be 30-40%` the pronouns report and restate it)."""
    verb = m.verb
    doer = actor(verb) if verb is not None else None
    only_states = verb is not None and verb.lemma_.lower() in SAY_VERBS | ESTIMATE_VERBS | COPULAS
    return doer is not None and doer.pos_ == "PRON" and not only_states


def _speaks(token: Token) -> bool:
    """`..., the think-tank The Brookings Institution says`: who reports a figure is not what it
    measures (the subject of a reporting verb, or an apposition to it), unless a pronoun for the
    speaker does what the figure measures."""
    while token.dep_ == "appos" and token.head != token:
        token = token.head
    return token.dep_ == "nsubj" and reports(token.head)


def _nearest_noun(m: Mention) -> list[Token] | None:
    """The last resort: the sentence's nearest noun that names a thing (`MARCH SALES UP THREE PCT`)."""
    span = m.span
    sentence = m.sentence
    near = m.article.doc[max(sentence.start, span.start - WINDOW) : min(sentence.end, span.end + WINDOW)]
    nouns = [
        token
        for token in near
        if _is_noun(token) and token.ent_type_ not in ("DATE", "TIME") and token.i not in m.excluded
    ]
    if not nouns:
        return None
    return [min(nouns, key=lambda token: min(abs(token.i - span.start), abs(token.i - span.end + 1)))]


def _previous_subject(m: Mention) -> list[Token] | None:
    """`For some 26.3 mln dlrs.`: a figure with no phrase of its own continues the one before it."""
    previous = m.previous
    if previous is None or m.index - previous.index > 1:
        return None
    return list(previous.subject)


# Rules whose phrase names the measured thing itself, so a name inside it owns the figure.
OWNER_PHRASE_RULES = frozenset(
    {
        "count-modifies-noun",
        "counted-noun",
        "share-clause",
        "of-phrase",
        "modified-noun",
        "of-amount",
        "verb-object",
        "verb-subject",
        "actor-verb",
        "object-participle",
        "doer",
        "estimated-object",
        "changed-noun",
        "changed-in",
    }
)

SUBJECT_RULES: tuple[Rule[list[Token]], ...] = (
    Rule("table-row", _table_row, "subject", 0.9, "Shr 69 cts vs 64 cts\n    Net 66,719,000 vs [61,773,000]", "Net"),
    Rule(
        "compared-figure",
        _compared_figure,
        "subject",
        0.3,
        "USDA forecast the wheat crop at 16.70 mln tonnes, vs [17.30 mln tonnes] last month.",
        "wheat crop",
    ),
    Rule(
        "count-modifies-noun",
        _count_modifies_noun,
        "subject",
        0.0,
        "The [12-nation] pact was signed.",
        "pact",
    ),
    Rule(
        "counted-noun",
        _counted_noun,
        "subject",
        -0.8,
        "Toyota sold [13,000 vehicles] in Japan.",
        "Toyota sold vehicles in Japan",
    ),
    Rule(
        "share-clause",
        _share_clause,
        "subject",
        0.6,
        "A survey of Mexican manufacturers found that [a quarter] of the firms would move production.",
        "firms would move production",
    ),
    Rule(
        "of-phrase",
        _of_phrase,
        "subject",
        -1.0,
        "Kei cars make up [a third] of the market.",
        "Kei cars share of the market",
    ),
    Rule(
        "estimated-object",
        _estimated_object,
        "subject",
        0.4,
        "The U.S. Agriculture Department forecast Argentina's wheat crop at [9.00 mln tonnes].",
        "Argentina's wheat crop",
    ),
    Rule(
        "changed-in",
        _changed_in,
        "subject",
        0.2,
        "BP announced a rise in annual profits to [$16.2bn].",
        "annual profits",
    ),
    Rule("modified-noun", _modified_noun, "subject", 0.2, "It paid a [$5 million] fine.", "fine"),
    Rule("of-amount", _of_amount, "subject", -0.3, "Acme reported net sales of [$14.2 billion].", "net sales"),
    Rule("worth", _worth, "subject", 0.0, "Qwest said MCI had rejected a deal worth [$8bn].", "deal worth"),
    Rule(
        "changed-noun",
        _changed_noun,
        "subject",
        0.0,
        "Acme reported net income of 1.89 billion pesos, up [68 pct] from 778.9 mln pesos.",
        "net income",
    ),
    Rule(
        "appositive",
        _appositive,
        "subject",
        0.4,
        "Net income rose to $5 million, or [12 cts] a share.",
        "Net income a share",
    ),
    Rule(
        "verb-phrase",
        _verb_phrase_of_subject,
        "subject",
        -0.3,
        "[$2 billion] was spent on new roads.",
        "spent on new roads",
    ),
    Rule(
        "verb-object",
        _changed_object,
        "subject",
        0.4,
        "The tariff is raising US car prices by nearly [$2,000].",
        "US car prices",
    ),
    Rule(
        "same-figure",
        _same_figure,
        "subject",
        0.0,
        "Inflation was 3 pct in May. In April the rate was [2.8 pct].",
        "Inflation",
    ),
    Rule("verb-subject", _verb_subject, "subject", -0.2, "Exports rose [5 pct] last month.", "Exports"),
    Rule(
        "relative-clause",
        _relative_clause,
        "subject",
        0.3,
        "They bought a company that was worth [$3 million].",
        "company",
    ),
    Rule(
        "what-is-done",
        _what_is_done,
        "subject",
        -0.8,
        "Toyota will invest [$10 billion] in a new plant.",
        "invest in a new plant",
    ),
    Rule("actor-verb", _actor_verb, "subject", 0.6, "Calloway earned [$3 million].", "Calloway earned"),
    Rule(
        "object-participle",
        _object_participle,
        "subject",
        0.0,
        "Acme Corp is issuing a 40 mln dlr eurobond due 1990, paying [14-1/2 pct] and priced at 101-3/8 pct.",
        "eurobond paying",
    ),
    Rule("doer", _doer, "subject", 0.6, "Calloway sold the unit, getting [$3 million].", "Calloway"),
    Rule("nearest-chunk", _nearest_chunk, "subject", -0.6, "Profits: [$3 million].", "Profits"),
    Rule("nearest-noun", _nearest_noun, "subject", 0.0, "Up [5 pct]: sales.", "sales"),
    Rule(
        "previous-subject",
        _previous_subject,
        "subject",
        0.0,
        "Acme sold the plant for $5 million. For some [2 mln dlrs] more.",
        "sold the plant",
    ),
)


# Words a subject never starts or ends with: a reader writes `net profit`, not `of net profit` or
# `will issue`; determiners and possessives may start one (`its operating margin`).
_DANGLING_DEPS = frozenset({"aux", "auxpass", "neg", "prep", "cc", "punct", "mark", "case", "agent"})
_DANGLING_TAGS = frozenset({"WDT", "WP", "WP$", "WRB", "IN", "CC", "TO", "MD", "DT", "EX"})
# Rules whose phrase is kept as it stands: a results table's row label (`Net`), read from the
# layout, and the figure before's subject (`previous-subject`, `same-figure`), tidied in its own sentence.
_UNPARSED_RULES = frozenset({"table-row", "compared-figure", "same-figure", "previous-subject"})
_NOUN_MODIFIERS = frozenset({"det", "poss", "amod", "nummod", "compound", "nmod", "npadvmod", "quantmod"})
# Qualifier words (`some`, `about`, `at least`) belong to the figure's qualifier, not its subject.
_EDGE_WORDS = frozenset({"than", "that", "which", "who", "only", "least", "most", "more", "less"}) | {
    phrase for phrase in QUALIFIERS if " " not in phrase
}


def find_subject(m: Mention) -> tuple[list[Token], Rule | None]:
    """The first rule's phrase that is still a subject once tidied, and that rule."""
    for rule in SUBJECT_RULES:
        found = rule.find(m) or []
        tokens = _trim_words(found) if rule.name in _UNPARSED_RULES else tidy(found, m) if found else []
        if tokens:
            return tokens, rule
    return [], None


def _trim_words(tokens: list[Token]) -> list[Token]:
    """A row label without the function words the layout leaves at its ends (`Daily div of`)."""
    while tokens and (tokens[-1].is_stop or tokens[-1].is_punct):
        tokens = tokens[:-1]
    return tokens


_WORD_JOINERS = frozenset({"-", "/", "&", "'", "’"})


def _joined(left: Token, right: Token) -> bool:
    """Two tokens of one written word: `charge`+`-`+`offs`, `Teck`+`'s` (not `jobs`+`,`)."""
    if left.whitespace_ or left.is_space or right.is_space:
        return False
    return not (
        (left.is_punct and left.text not in _WORD_JOINERS) or (right.is_punct and right.text not in _WORD_JOINERS)
    )


def _whole_words(tokens: list[Token], m: Mention) -> list[Token]:
    """The tokens with the rest of each word they are part of (`year-to-date`, `e-mail`); a word
    holding a figure (`22 pct-owned`) is the figure's, never the subject's."""
    doc, sentence = m.article.doc, m.sentence
    chosen = {token.i for token in tokens}
    figures = m.excluded - chosen
    words: set[int] = set()
    for i in chosen:
        start, end = i, i + 1
        while start > sentence.start and _joined(doc[start - 1], doc[start]):
            start -= 1
        while end < sentence.end and _joined(doc[end - 1], doc[end]):
            end += 1
        word = set(range(start, end))
        if not word & figures:
            words |= word
    return [doc[i] for i in sorted(words)] if words != chosen else tokens


def tidy(tokens: list[Token], m: Mention) -> list[Token]:
    """A phrase a reader would write: words of the figure's sentence, whole (`charge-offs`, not
    `charge`), no function words dangling at either end and a noun in it; else nothing."""
    sentence = m.sentence  # the parse may run on past a headline or a paragraph: the phrase does not
    inside = [token for token in tokens if sentence.start <= token.i < sentence.end and not token.is_space]
    kept = _whole_words(inside, m)

    def dangling(token: Token, *, first: bool) -> bool:
        if first and not token.whitespace_ and token.i + 1 < len(token.doc) and token.nbor(1).text == "-":
            return False  # `after-tax gain`
        if token.is_punct or token.lower_ in _EDGE_WORDS or token.pos_ == "AUX" or token.lemma_ in ("be", "have"):
            return True
        if not first and token.tag_ == "RP":
            return True  # `will bring in`
        if first and token.dep_ in ("det", "poss") and token.tag_ in ("DT", "PRP$"):
            return False  # `the company's sales`, `its operating margin`
        return token.dep_ in _DANGLING_DEPS or token.tag_ in _DANGLING_TAGS

    while kept and dangling(kept[0], first=True):
        kept = kept[1:]
    while kept and dangling(kept[-1], first=False):
        kept = kept[:-1]
    if not any(_is_noun(token) and token.ent_type_ not in ("DATE", "TIME") for token in kept):
        return []  # a date is never what a figure measures: `the first quarter 1987 of 624 mln dlrs`
    return kept


def _is_noun(token: Token) -> bool:
    """A noun, a gerund used as one (`the refinancing`), or a results table's row label (`Net`)."""
    if token.pos_ in ("NOUN", "PROPN") or token.lower_ in TABLE_ROW_LABELS:
        return True
    return token.tag_ == "VBG" and (
        token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos")
        or any(child.dep_ in _NOUN_MODIFIERS for child in children_of(token))
    )


def without_date_phrases(m: Mention, dates: list[frozenset[int]]) -> tuple[Token, ...]:
    """The subject without the date phrases in it (the one that times the figure is the claim's
    `time`; the others bound or repeat it, `the need of four billion dlrs every year until 1991`:
    neither is what it measures); a period naming the measure stays (`first-quarter net income`)."""
    inside = {token.i for token in m.subject}
    removed = frozenset().union(*(date for date in dates if date & inside and not _modifies_noun(m, date)))
    if not removed:
        return m.subject
    kept = [token for token in m.subject if token.i not in removed and not _governs_only(token, removed)]
    return tuple(tidy(kept, m)) or m.subject


def _governs_only(token: Token, removed: frozenset[int]) -> bool:
    """`due` in `bonds due 1988/2007`: a word left with nothing once its date is gone."""
    children = [child for child in children_of(token) if not child.is_punct]
    return token.pos_ in ("ADP", "ADJ", "ADV") and bool(children) and all(child.i in removed for child in children)


def _modifies_noun(m: Mention, tokens: frozenset[int]) -> bool:
    doc = m.article.doc
    root = next((doc[i] for i in sorted(tokens) if doc[i].head.i not in tokens or doc[i].head == doc[i]), None)
    return root is not None and root.dep_ in ("amod", "compound", "nmod", "poss") and root.head.pos_ == "NOUN"


def subject_text(tokens: list[Token] | tuple[Token, ...], rule: str, kind: str, span: Span) -> str:
    """The subject as text. A percentage of a whole measures a share of it (`90 percent of the
    market` -> `share of the market`, `kei cars make up a third of the market` -> `kei cars share of
    the market`); an amount `a share` is per share (`12 cts a share` -> `net profit a share`)."""
    tokens = sorted(tokens, key=lambda token: token.i)  # the sentence's words in its order
    text = phrase_text(tokens)
    if kind == "percent" and rule == "of-phrase" and tokens:
        of_token = next((t for t in span.doc[span.end : span.end + 3] if t.lower_ == "of"), None)
        if of_token is not None and of_token.i < tokens[-1].i:
            owner = [token for token in tokens if token.i < of_token.i]
            whole = [token for token in tokens if token.i > of_token.i]
            contiguous = whole and whole[-1].i - whole[0].i + 1 == len(whole)
            if contiguous and not any(token.lower_ == "share" for token in tokens):
                before = span.doc[whole[0].i - 1]
                article = before.text if before.dep_ == "det" and before.i > of_token.i else ""
                parts = (phrase_text(owner), "share of", article, phrase_text(whole))
                return " ".join(part for part in parts if part)
    if kind == "money" and _per_share(span) and text and not _SHARE_WORDS & {token.lower_ for token in tokens}:
        return f"{text} a share"  # not twice, nor after a phrase of shares (`share a share`)
    return text


_SHARE_WORDS = frozenset({"share", "shr"})


def _per_share(span: Span) -> bool:
    """`12 cts a share`, `1.20 dlrs per share`, `four cts shr` (wire)."""
    after = [token.lower_ for token in span.doc[span.end : span.end + 2]]
    if after[:1] == ["shr"]:  # but `$100m share sale` is a sale of shares
        return True
    return len(after) == 2 and after[0] in ("a", "per") and after[1] in _SHARE_WORDS
