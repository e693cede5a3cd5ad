"""Finding the actor mentions of an article: names (NER, then the KB's organization names
as written), seats of power, role descriptions, other entities and pronouns, each span
taken once; then name pairs split, surnames NER called organizations relabelled, and
the clause and the title of each mention linked."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..kb import KnowledgeBase, name_key
from ..nlp import doc_text, words_at
from .actor_lexicon import ActorPatterns, ResolverLexicon
from .actor_records import Candidate, clause_verb, is_subject, name_parts
from .role_phrases import role_phrase

if TYPE_CHECKING:  # spaCy itself is imported by chronicle.nlp (chronicle.spacy_import)
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan


class _Taken:
    """The mentions found so far, and the characters they cover: a span is taken once, by
    the first kind of mention found on it."""

    def __init__(self, size: int):
        self.chars = [False] * size
        self.found: list[Candidate] = []

    def free(self, start: int, end: int) -> bool:
        return not any(self.chars[start:end])

    def take(self, candidate: Candidate) -> None:
        for i in range(candidate.start, candidate.end):
            self.chars[i] = True
        self.found.append(candidate)


def find_candidates(
    doc: Doc, kb: KnowledgeBase, lexicon: ResolverLexicon, patterns: ActorPatterns
) -> list[Candidate]:
    """The actor mentions of an article in text order: person names first (a title before a
    name is evidence, not a description), then on what is still free seats of power, role
    descriptions, other entities, the KB's organization names as written, "the latter" and
    pronouns; name pairs split, surnames relabelled, clauses and titles linked."""
    text = doc_text(doc)
    taken = _Taken(len(text) + 1)
    for candidate in _person_names(doc, text, kb, lexicon):
        taken.take(candidate)
    sources = (
        _seat_metonyms(doc, text, kb, lexicon, patterns),
        (roles for match in patterns.titles.finditer(text) if (roles := role_phrase(doc, text, match, kb, lexicon, patterns))),
        _other_entities(doc, kb, lexicon),
        _organizations_as_written(doc, text, kb, patterns),
        _pronouns(doc, lexicon),
    )
    for source in sources:  # each read lazily: what an earlier group took is not free
        for group in source:  # one span may describe several persons: one mention each
            if taken.free(group[0].start, group[0].end):
                for candidate in group:
                    taken.take(candidate)
    found = sorted(taken.found, key=lambda c: c.start)
    found = _split_name_pairs(found, kb, patterns)
    _relabel_persons(found, kb, patterns.particles)
    _link_clauses_and_titles(found, doc, text)
    return found


def _person_names(doc: Doc, text: str, kb: KnowledgeBase, lexicon: ResolverLexicon) -> Iterator[Candidate]:
    """Persons NER names (without honorifics, with a tail it cut), and titled names it calls
    organizations ("PM Modi")."""
    for ent in doc.ents:
        person = (ent.label_ == "PERSON" and not _is_place_name(ent.text, kb) and ent.text.lower() not in lexicon.pronouns
                  and not ent.text[:1].islower())  # "wi", "the": NER debris, not a name
        if person or _titled_name(ent, kb, lexicon):
            span = _strip_honorifics(ent, lexicon)
            if span is not None:
                span = _with_name_tail(_with_hyphenated_tail(span, text), kb)
                yield Candidate(
                    span.start_char,
                    span.end_char,
                    span.text,
                    "PERSON",
                    subject=is_subject(span, lexicon),
                    titled=doc[span.start - 1].lower_ if span.start > 0 and doc[span.start - 1].lower_ in lexicon.honorifics else "",
                )


def _seat_metonyms(doc: Doc, text: str, kb: KnowledgeBase, lexicon: ResolverLexicon,
                   patterns: ActorPatterns) -> Iterator[list[Candidate]]:
    """Seats of power acting for their country ("Downing Street said"), not as places."""
    for match in patterns.seats.finditer(text):
        country = kb.seats.get(name_key(match.group(0))) or kb.seats.get(
            name_key(re.sub(r"^the\s+", "", match.group(0), flags=re.I))
        )
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if country and span is not None and not _is_locative(span, lexicon):
            yield [Candidate(span.start_char, span.end_char, span.text, "METONYM", country=country, kind="country")]


def _other_entities(doc: Doc, kb: KnowledgeBase, lexicon: ResolverLexicon) -> Iterator[list[Candidate]]:
    """Organizations, countries, nationalities, and known groups NER misread as works."""
    for ent in doc.ents:
        if ent.label_ in ("ORG", "GPE", "NORP", "FAC"):
            candidate = _entity_candidate(ent, kb, lexicon)
        elif ent.label_ in ("WORK_OF_ART", "PRODUCT"):
            candidate = misread_group(ent, kb)
        else:
            continue
        if candidate is not None:
            yield [candidate]


def _organizations_as_written(doc: Doc, text: str, kb: KnowledgeBase, patterns: ActorPatterns) -> Iterator[list[Candidate]]:
    """The KB's organization names of several capitalised words, found as written."""
    for match in patterns.organizations.finditer(text) if patterns.organizations is not None else ():
        span = doc.char_span(match.start(), match.end())
        ids = kb.names.get(name_key(match.group(0)), ())
        if span is not None and len(ids) == 1:
            yield [Candidate(span.start_char, span.end_char, span.text, "ORG", value=ids[0], method="alias",
                             confidence=0.85, kind=kb.actors[ids[0]].kind)]


def _pronouns(doc: Doc, lexicon: ResolverLexicon) -> Iterator[list[Candidate]]:
    """ "The latter", "the former", then personal pronouns."""
    for token in (doc[i] for i in words_at(doc, lexicon.ordinal_referents)):  # "the latter"
        if token.lower_ in lexicon.ordinal_referents and any(c.lower_ in lexicon.ordinal_determiners for c in token.children):
            yield [Candidate(token.idx, token.idx + len(token), token.text, "PRON", ordinal=lexicon.ordinal_referents[token.lower_])]
    for token in (doc[i] for i in words_at(doc, lexicon.pronouns)):  # a Token only where a pronoun is
        if token.lower_ in lexicon.pronouns and token.pos_ == "PRON":
            yield [
                Candidate(
                    token.idx,
                    token.idx + len(token),
                    token.text,
                    "PRON",
                    subject=token.dep_ in lexicon.agent_dependencies and token.dep_ != "poss",
                    possessive=token.dep_ == "poss",
                    clause=clause_verb(token) if token.dep_ in lexicon.object_dependencies else -1,
                )
            ]


def _link_clauses_and_titles(found: list[Candidate], doc: Doc, text: str) -> None:
    """The verb each subject is the subject of, and the name a title directly before it titles."""
    for c in found:
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        root = span.root if span is not None else None
        while root is not None and root.dep_ == "conj" and root.head.i != root.i:  # "Kerry and Cameron met him"
            root = root.head
        if root is not None and c.label != "PRON" and root.dep_ in ("nsubj", "nsubjpass"):
            c.clause = root.head.i
    for index, c in enumerate(found):  # a title directly before a name titles it
        if c.label == "ROLE" and not c.plural and index + 1 < len(found):
            nxt = found[index + 1]
            if nxt.label == "PERSON" and text[c.end : nxt.start].strip() == "":
                c.title_of = index + 1


_HYPHEN_TAIL = re.compile(r"-[^\W\d_]+")


def _with_hyphenated_tail(span: SpacySpan, text: str) -> SpacySpan:
    """A name NER cut at a hyphen ("Moon Jae" of "Moon Jae-in") gets its tail back."""
    tail = _HYPHEN_TAIL.match(text, span.end_char)
    if tail is None:
        return span
    extended = span.doc.char_span(span.start_char, tail.end(), alignment_mode="expand")
    return extended if extended is not None else span


def _with_name_tail(span: SpacySpan, kb: KnowledgeBase) -> SpacySpan:
    """A name NER cut one word short ("Moon Jae" of "Moon Jae In", "Khan" of "Imran Khan")
    when the KB knows it whole."""
    if span.end < len(span.doc) and name_key(span.doc[span.start : span.end + 1].text) in kb.names:
        return span.doc[span.start : span.end + 1]
    if span.start > 0 and name_key(span.doc[span.start - 1 : span.end].text) in kb.names:
        return span.doc[span.start - 1 : span.end]
    return span


_SURNAME_PAIR = re.compile(r"^([^\W\d_][\w']+)\s+([^\W\d_][\w']+)\s*$")
_NAME_PAIR = re.compile(r"^([^\W\d_][\w']+)[-–]([^\W\d_][\w']+)$")


def _split_name_pairs(found: list[Candidate], kb: KnowledgeBase, patterns: ActorPatterns) -> list[Candidate]:
    """"Biden-Xi summit", "Moon-Kim talks": a hyphenated pair of names is two persons."""
    parts = set().union(*(name_parts(c.text) for c in found if c.label == "PERSON" and " " in c.text.strip()))
    known = lambda key: key in parts or key in kb.surnames or key in patterns.family_names  # noqa: E731
    result = []
    for c in found:
        pair = _NAME_PAIR.match(c.text) if c.label in ("PERSON", "ORG", "NORP", "GPE") and c.value is None else None
        if pair is None and c.label == "PERSON":
            pair = _SURNAME_PAIR.match(c.text)
            if pair and not all(len(kb.surnames.get(name_key(p), ())) == 1 for p in pair.groups()):
                pair = None
        if pair and name_key(c.text) not in kb.names and all(known(name_key(p)) for p in pair.groups()):
            for index in (1, 2):
                result.append(Candidate(c.start + pair.start(index), c.start + pair.end(index), pair.group(index), "PERSON"))
        else:
            result.append(c)
    return result


def _relabel_persons(found: list[Candidate], kb: KnowledgeBase, particles: frozenset[str] = frozenset()) -> None:
    """NER often tags a surname as ORG: an unknown ORG that is a person's name part (after a
    particle: "El-Sisi") is a PERSON."""
    parts = set().union(*(name_parts(c.text) for c in found if c.label == "PERSON"))
    for c in found:
        if c.label == "ORG" and c.value is None:
            key = name_key(c.text)
            if len(key.split()) == 2 and key.split()[0] in particles:
                key = key.split()[1]
            if key in parts or key in kb.surnames or any(kb.actors[i].kind == "person" for i in kb.names.get(key, ())):
                c.label, c.kind = "PERSON", "person"


def _strip_honorifics(ent: SpacySpan, lexicon: ResolverLexicon) -> SpacySpan | None:
    start, end = ent.start, ent.end
    while start < end and ent.doc[start].lower_ in lexicon.honorifics:
        start += 1
    while end > start and (ent.doc[end - 1].is_punct or ent.doc[end - 1].lower_ in lexicon.possessive_clitics):
        end -= 1
    return ent.doc[start:end] if end > start else None


def _titled_name(ent: SpacySpan, kb: KnowledgeBase, lexicon: ResolverLexicon) -> bool:
    """An entity NER calls an organization that is a title and a KB person's name ("PM Modi")."""
    if ent.label_ not in ("ORG", "NORP", "GPE") or len(ent) < 2 or ent[0].lower_ not in lexicon.honorifics:
        return False
    key = name_key(ent[1:].text)
    return key in kb.surnames or any(kb.actors[i].kind == "person" for i in kb.names.get(key, ()))


def _is_place_name(text: str, kb: KnowledgeBase) -> bool:
    """NER sometimes tags a capital, a country or a demonym as a person ("Kyiv")."""
    key = name_key(text)
    return key in kb.capitals or key in kb.country_names or key in kb.demonyms


def _is_locative(span: SpacySpan, lexicon: ResolverLexicon) -> bool:
    return span.root.dep_ == "pobj" and span.root.head.lower_ in lexicon.locative


def misread_group(ent: SpacySpan, kb: KnowledgeBase) -> Candidate | None:
    """A known organization or group the tagger misread as a title or product, alone or
    before its members' noun ("X Islamists", "X fighters"): the longest leading words
    that name exactly one organization or group of the knowledge base; the mention keeps
    the whole name, so the members' noun the parse hangs roles on stays inside it."""
    for end in range(len(ent), 1, -1):
        span = ent[:end]
        ids = kb.names.get(name_key(span.text), ())
        if len(ids) == 1 and kb.actors[ids[0]].kind in ("organization", "group"):
            return Candidate(ent.start_char, ent.end_char, ent.text, "ORG", value=ids[0],
                              method="alias", confidence=0.8, kind=kb.actors[ids[0]].kind)
    return None


def _entity_candidate(
    ent: SpacySpan, kb: KnowledgeBase, lexicon: ResolverLexicon
) -> Candidate | None:
    """An ORG, GPE, NORP or FAC entity as an actor: a country (by name or demonym), a
    capital acting for its government, a KB actor by name, else an unknown organization."""
    text = ent.text
    key = name_key(text)
    start, end = ent.start_char, ent.end_char
    if ent.label_ in ("GPE", "NORP"):
        country = kb.country_of_word(text) or kb.country_of_word(
            re.sub(r"^the\s+", "", text, flags=re.I)
        )
        if country:
            method = "demonym" if key in kb.demonyms else "country"
            return Candidate(start, end, text, ent.label_, country=country, value=country, method=method,
                             confidence=0.9, kind="country")
        capital_of = kb.capitals.get(key)
        if capital_of and ent.root.dep_ in lexicon.agent_dependencies:
            return Candidate(start, end, text, "METONYM", country=capital_of, value=capital_of, method="metonym",
                             confidence=0.75, kind="country")
        ids = kb.names.get(key, ())
        if len(ids) == 1 and kb.actors[ids[0]].kind in ("organization", "group"):
            return Candidate(start, end, text, "ORG", value=ids[0], method="alias", confidence=0.9, kind=kb.actors[ids[0]].kind)
        return None
    if ent.label_ == "FAC":
        return None  # places are resolved by the place resolver
    ids = kb.names.get(key) or kb.names.get(name_key(re.sub(r"^the\s+", "", text, flags=re.I)), ())
    if not ids and start > 0 and doc_text(ent.doc)[start - 1] == "#":  # "#SecurityCouncil": a hashtag's words run together
        ids = kb.names.get(name_key(re.sub(r"(?<=[a-z])(?=[A-Z])", " ", text)), ())
    if len(ids) == 1:
        actor = kb.actors[ids[0]]
        if actor.kind == "person":
            return Candidate(start, end, text, "PERSON", value=actor.id, method="alias", confidence=0.9)
        return Candidate(start, end, text, "ORG", value=actor.id, method="alias", confidence=0.9, kind=actor.kind)
    return Candidate(start, end, text, "ORG", kind="organization")
