"""Source: who states the figure. The first rule that finds a speaker wins."""

from __future__ import annotations

from itertools import islice

from spacy.tokens import Span, Token

from pipeline.entities import clean_name
from pipeline.lexicon import ORGANISATION_NOUNS
from pipeline.linking.parse import (
    ESTIMATE_NOUNS,
    ORG_ANAPHORS,
    PERSON_PRONOUNS,
    QUOTE_MARKS,
    Article,
    Mention,
    actor,
    children_of,
    near_subtree,
    reports,
)
from pipeline.linking.rules import Rule
from pipeline.linking.subject import estimated_at

Speaker = tuple[str, Span]  # the name written in the claims table, the speaker phrase

NO_SOURCE_WEIGHT = 0.4  # no rule filled the source


Attribution = tuple[Token | None, Span]  # the reporting verb (None for `according to`), its speaker phrase


def attributions(sentence: Span) -> list[Attribution]:
    """Every speaker phrase of the sentence, in order: the object of `according to`, and the speaker
    of each reporting verb. A passive reporting verb's subject is what is reported (`spending is
    forecast to grow`): its speaker is the `by` agent, if any; a relative pronoun speaks for the noun
    it hangs on."""
    found: list[Attribution] = []
    for token in sentence:
        if token.lower_ == "according" and token.i + 2 <= sentence.end and token.nbor(1).lower_ == "to":
            objects = [child for child in children_of(token.nbor(1)) if child.dep_ == "pobj"]
            if objects:
                found.append((None, _compact(objects[0])))
        if token.pos_ == "VERB" and reports(token):
            speaker = _speaker_of(token, sentence)
            if speaker is not None:
                found.append((token, speaker))
    return found


def _speaker_of(verb: Token, sentence: Span) -> Span | None:
    speaker = next((child for child in children_of(verb) if child.dep_ == "nsubj"), None)
    if speaker is None:
        agent = next((child for child in children_of(verb) if child.dep_ == "agent"), None)
        speaker = next((child for child in children_of(agent) if child.dep_ == "pobj"), None) if agent else None
    if speaker is None and verb.tag_ == "VBG" and verb.dep_ == "advcl":
        # `Christian Aid condemned the move, saying it would ...`: who does the main verb says it
        speaker = next((child for child in children_of(verb.head) if child.dep_ == "nsubj"), None)
    if speaker is not None and speaker.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        speaker = verb.head  # `its 1986 results, which showed ...`
    return _compact(speaker) if speaker is not None else _name_before(verb, sentence)


def _governing(found: list[Attribution], figure: Token) -> Attribution | None:
    """The attribution whose reporting verb governs the figure: each of two coordinated reports has
    its own speaker (`Halifax said prices rose 0.8% and Nationwide reported a rise of [0.4%]`), a
    report inside another is the outer speaker's (`He said the bank expected inflation of [3%]`).
    Else the sentence's first. The walk up from the figure is bounded: a sentence of thousands of
    figures may parse as one long chain."""
    if len(found) < 2:
        return found[0] if found else None
    by_verb = {verb.i: (verb, speaker) for verb, speaker in found if verb is not None}
    verb = next((token for token in islice(figure.ancestors, _GOVERNOR_REACH) if token.i in by_verb), None)
    if verb is None:
        return found[0]
    while verb.dep_ in _REPORTED_CLAUSE_DEPS and verb.head.i in by_verb and verb.head != verb:
        verb = verb.head
    return by_verb[verb.i]


_GOVERNOR_REACH = 16  # dependency steps from a figure up to the reporting verb that governs it
_REPORTED_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "parataxis"})


def _estimator(m: Mention) -> Speaker | None:
    """`Market sources put the total value of CCF's privatisation at between four and five billion
    francs`: who sets a figure on a thing states it (`subject.estimated_at`)."""
    estimated = estimated_at(m)
    doer = next((child for child in children_of(m.verb) if child.dep_ == "nsubj"), None) if estimated else None
    if doer is None or doer == estimated:
        return None
    found = _compact(doer)
    name = _speaker_name(m.article, found, m.index)
    return (name, found) if name else None


def _estimate_owner(m: Mention) -> Speaker | None:
    """`The U.S. Agriculture Department increased its estimate of grain purchases by the Soviet Union
    to 28 mln tonnes`, `the IMF's forecast of growth`: whose the estimate is states the figure (its
    pronoun, the verb's doer)."""
    noun = next((token for token in m.subject if token.lemma_.lower() in ESTIMATE_NOUNS), None)
    owner = next((child for child in children_of(noun) if child.dep_ == "poss"), None) if noun is not None else None
    if owner is not None and owner.pos_ == "PRON":
        owner = actor(noun.head) if noun.dep_ == "dobj" else None
    if owner is None or owner.pos_ == "PRON":
        return None
    found = _compact(owner)
    name = _speaker_name(m.article, found, m.index)
    return (name, found) if name else None


def _name_before(verb: Token, sentence: Span) -> Span | None:
    """`..., Vice-President Sennen Lazo told Reuters`, `..., shop owner Hayriye Evren, told AP`: a
    reporting verb the parser left without a subject, after a name of a person or organisation
    that ends right before it (a comma between allowed). The parser often hangs such a trailing
    attribution on the reported clause's last noun."""
    end = verb.i - 1
    if end >= sentence.start and verb.doc[end].text == ",":
        end -= 1
    if end < sentence.start or verb.doc[end].ent_type_ not in ("PERSON", "ORG"):
        return None
    start = end
    while start > sentence.start and verb.doc[start].ent_iob_ == "I":  # back to the name's first word
        start -= 1
    return verb.doc[start : end + 1]


def sentence_attributions(article: Article, where: int) -> list[Attribution]:
    if where not in article.attributions:
        article.attributions[where] = attributions(article.sentences[where])
    return article.attributions[where]


def _attributed(m: Mention, where: int) -> Speaker | None:
    """The speaker of sentence `where` (in the figure's own sentence, the one whose reporting verb
    governs it), unless it is the figure itself (`half of them said`: a survey answer, not a source)."""
    article = m.article
    candidates = sentence_attributions(article, where)
    chosen = _governing(candidates, m.head) if where == m.index else (candidates[0] if candidates else None)
    found = chosen[1] if chosen else None
    if found is None or (found.start < m.span.end and m.span.start < found.end):
        return None
    name = _speaker_name(article, found, where)
    return (name, found) if name else None


def _same_sentence(m: Mention) -> Speaker | None:
    return _attributed(m, m.index)


def _quote_closed_next(m: Mention) -> Speaker | None:
    """`"... $5 million," he said.`: a quote the next sentence attributes."""
    if m.index + 1 < len(m.article.sentences) and m.article.opens_quote[m.index]:
        return _attributed(m, m.index + 1)
    return None


def _quote_opened_before(m: Mention) -> Speaker | None:
    """A quote the sentence before, in the same paragraph, left open (`"We will spend heavily, John
    Smith said. We need $5 million more."`) or that the figure's sentence opens again after a quote
    the sentence before attributes (`"We have too many stores," said Jane Smith. "The stores lost
    $310 million."`). A quote that goes on into a new paragraph is not carried."""
    article = m.article
    if m.index == 0 or article.starts_paragraph(m.index):
        return None
    sentence, before = article.sentences[m.index], article.sentences[m.index - 1]
    opens_again = sentence[0].text in ('"', "“") and any(token.text in QUOTE_MARKS for token in before)
    return _attributed(m, m.index - 1) if article.opens_quote[m.index - 1] or opens_again else None


def _compact(token: Token) -> Span:
    """A speaker phrase without relative clauses and appositions: `a toyota executive who ...`."""
    dropped = {
        t.i
        for child in children_of(token)
        if child.dep_ in ("relcl", "acl", "appos", "punct")
        for t in near_subtree(child, token.i)
    }
    kept = [t.i for t in near_subtree(token) if t.i not in dropped] or [token.i]
    return token.doc[min(kept) : max(kept) + 1]


def _speaker_name(article: Article, speaker: Span, index: int) -> str | None:
    """A person named in the speaker phrase, else an organisation or place, else the phrase itself;
    `he`/`she`/`the company` stand for the last person/organisation named before."""
    canon = article.canon
    first, last = speaker.root.left_edge.i, speaker.root.right_edge.i
    if speaker.root.lemma_.lower() in SPOKESPERSON_NOUNS and not speaker.root.ent_type_:
        unnamed = all(ent.label_ != "PERSON" for ent in article.names[index] if first <= ent.start <= last)
        if unnamed:  # `a PLDT spokesman said`: not the company itself, a person speaking for it
            words = [token for token in speaker if token.dep_ != "det"]
            return clean_name(speaker.doc[words[0].i : words[-1].i + 1].text)
    for label in ("PERSON", "ORG", "GPE", "NORP"):
        names = [ent for ent in article.names[index] if ent.label_ == label and first <= ent.start <= last]
        if names and label in ("GPE", "NORP") and _describes_speaker(names[0], speaker.root):
            one_company = speaker.root.tag_ == "NN" and speaker.root.lemma_.lower() in ORGANISATION_NOUNS
            if one_company and canon.topic and canon.topic[1] == "ORG":
                return canon.topic[0]  # `the Dutch brewer said`: the story's company
            words = [token for token in speaker if token.dep_ != "det"]  # `the UK's financial watchdog`
            return clean_name(speaker.doc[words[0].i : words[-1].i + 1].text)
        if names:
            return clean_name(names[0].text) if label == "PERSON" else canon.canonical(names[0])[0]
    head = speaker.root
    if head.lower_ == "it":  # `..., it said`: the story's company, else the body that spoke before
        if canon.topic and canon.topic[1] == "ORG":
            return canon.topic[0]
        return _earlier_speaker(article, index, named=False)
    wanted = "PERSON" if head.lower_ in PERSON_PRONOUNS else "ORG" if head.lemma_.lower() in ORG_ANAPHORS else None
    if wanted == "ORG" and canon.topic and canon.topic[1] == "ORG":
        return canon.topic[0]  # `the company estimated`: the story's company, as `entity._earlier_actor` reads it
    if wanted == "PERSON":
        person = _person_before(article, index, speaker.start)
        # the model may label the person ORG (`Sennen Lazo`): who spoke last, by name
        return clean_name(person.text) if person is not None else _earlier_speaker(article, index, named=True)
    if wanted == "ORG":
        earlier = [
            ent
            for ents in article.names[max(0, index - _SPEAKER_REACH) : index + 1]
            for ent in ents
            if ent.label_ == wanted and ent.end <= speaker.start
        ]
        if earlier:
            return canon.canonical(earlier[-1])[0]
    if head.pos_ == "PRON" or head.tag_ in ("WDT", "WP"):
        return None  # a pronoun nobody named before stands for no one a reader can use
    if head.lemma_.lower() in DOCUMENT_NOUNS:
        publisher = _publisher(head)
        if publisher is not None:  # `figures from the statistics office showed`: the office states them
            return _speaker_name(article, _compact(publisher), index)
        named = _named_document(article, head.lemma_.lower(), index)
        if named:
            return named
    return clean_name(speaker.text)


def _person_before(article: Article, index: int, end: int) -> Span | None:
    """Whom `he` or `she` (ending before token `end`) stands for: in the nearest sentence that names
    a person, the person who spoke there, else the last person named who is not only a possessor
    (`"That's not true," said Jennifer Palmieri, Clinton's communications director. She said ...`:
    Palmieri)."""
    for where in range(index, max(-1, index - 1 - _SPEAKER_REACH), -1):
        persons = [ent for ent in article.names[where] if ent.label_ == "PERSON" and ent.end <= end]
        if not persons:
            continue
        heads = [ent for ent in persons if ent.root.dep_ != "poss"]
        for _, found in sentence_attributions(article, where) if where < index else ():
            first, last = found.root.left_edge.i, found.root.right_edge.i
            spoke = [ent for ent in heads if first <= ent.start <= last]
            if spoke:
                return spoke[0]
        return (heads or persons)[-1]
    return None


def _describes_speaker(place: Span, head: Token) -> bool:
    """`the UK's financial watchdog`, `the Japanese finance ministry`: a place or nationality that
    describes the noun that speaks is not the speaker; the body it describes is."""
    return head.pos_ == "NOUN" and place.root.head == head and place.root.dep_ in ("poss", "amod", "compound")


_PUBLISHED_BY = frozenset({"from", "by"})


def _publisher(document: Token) -> Token | None:
    """Who a document noun says publishes it: `figures from the statistics office`, `a study by
    the Brookings Institution` (a noun, not a pronoun)."""
    for child in children_of(document):
        if child.dep_ == "prep" and child.lower_ in _PUBLISHED_BY:
            objects = [obj for obj in children_of(child) if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN")]
            if objects:
                return objects[0]
    return None


# People who speak for an organisation, unnamed: the source is the phrase (`PLDT spokesman`).
SPOKESPERSON_NOUNS = frozenset("spokesman spokeswoman spokesperson representative".split())
# What a body publishes: `the report` stands for the report named before (`the Hefce report`).
DOCUMENT_NOUNS = frozenset("report study survey poll statement figure data index review analysis".split())
_DOCUMENT_REACH = 50  # sentences back: a news story's length, and a bound for a hostile one


def _named_document(article: Article, noun: str, index: int) -> str | None:
    """Whose the `report` (`study`, `poll` ...) is, from the nearest sentence before that names a
    speaker with the same noun and a name (`The Hefce report, drawing on ..., said`). Each
    sentence's speakers are found once (`sentence_attributions`)."""
    for where in range(index - 1, max(-1, index - 1 - _DOCUMENT_REACH), -1):
        for _, found in sentence_attributions(article, where):
            if found.root.lemma_.lower() == noun:
                first, last = found.root.left_edge.i, found.root.right_edge.i
                if any(first <= ent.start <= last for ent in article.names[where]):
                    return _speaker_name(article, found, where)
    return None


_SPEAKER_REACH = 3  # how many sentences back a pronoun's speaker is looked for


def _earlier_speaker(article: Article, index: int, *, named: bool) -> str | None:
    """Who spoke in the nearest sentence before `index` that names its speaker (`named`: by a
    proper name, as `he` needs; else a speaker that is no person, as `it` needs: `the ministry's
    report`)."""
    for where in range(index - 1, max(-1, index - 1 - _SPEAKER_REACH), -1):
        candidates = sentence_attributions(article, where)
        found = candidates[0][1] if candidates else None
        if found is None or found.root.pos_ == "PRON" or (named and found.root.pos_ != "PROPN"):
            continue
        if not named and any(token.ent_type_ == "PERSON" for token in found):
            continue
        return _speaker_name(article, found, where)
    return None


SOURCE_RULES: tuple[Rule[Speaker], ...] = (
    Rule(
        "estimator",
        _estimator,
        "source",
        0.2,
        "Market sources put the total value of the sale at [five billion francs].",
        "Market sources",
    ),
    Rule(
        "estimate-owner",
        _estimate_owner,
        "source",
        0.0,
        "The U.S. Agriculture Department raised its estimate of Soviet grain purchases to [28 mln tonnes].",
        "U.S. Agriculture Department",
    ),
    Rule(
        "same-sentence",
        _same_sentence,
        "source",
        0.2,
        "Acme Corp said profit rose [5 pct].",
        "Acme Corp",
    ),
    Rule(
        "quote-closed-next",
        _quote_closed_next,
        "source",
        0.0,
        '"We will spend [$5 million] on it.\n\n" John Smith said on Monday.',
        "John Smith",
    ),
    Rule(
        "quote-opened-before",
        _quote_opened_before,
        "source",
        -0.6,
        '"We will spend heavily, John Smith said. "We need [$5 million] more."',
        "John Smith",
    ),
)
