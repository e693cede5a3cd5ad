"""Which person a pronoun refers to: a bound possessive, the subject of a reporting verb,
"the latter" and "the former", and otherwise the most recent fitting person (gender,
subject, not the object of its own verb, not a compatriot of a later object)."""

from __future__ import annotations

from bisect import bisect_right

from ..kb import KnowledgeBase
from .actor_lexicon import ResolverLexicon
from .actor_records import Candidate


def bound_possessive(pronoun: Candidate, sentence: int, before: list[Candidate], sentence_starts: list[int],
                     lexicon: ResolverLexicon | None) -> Candidate | None:
    """A possessive after a subject pronoun of the same gender in its sentence is bound to it:
    "X told Y that he would raise it during his meeting with Z" (his = he = X), not the last
    person named (Y)."""
    if not pronoun.possessive or lexicon is None:
        return None
    feminine = pronoun.text.lower() in lexicon.feminine_pronouns
    for c in reversed(before):
        if bisect_right(sentence_starts, c.start) - 1 != sentence:
            return None
        if c.label == "PRON" and c.subject and c.value and not c.plural and (c.text.lower() in lexicon.feminine_pronouns) == feminine:
            return c
    return None


def reporting_subject(pronoun: Candidate, doc, before: list[Candidate]) -> Candidate | None:
    """The subject pronoun of a clause said, known or decided by a named person is that person:
    "X confirmed he would meet Y", "X said she will visit" (he = X, she = X), not the first
    subject of the sentence."""
    if not pronoun.subject:
        return None
    span = doc.char_span(pronoun.start, pronoun.end, alignment_mode="expand")
    token = span.root if span is not None else None
    if token is None or token.dep_ != "nsubj" or token.head.dep_ != "ccomp":
        return None
    governor = token.head.head
    subject = next((w for w in reversed(list(governor.children)) if w.dep_ == "nsubj" and w.pos_ == "PROPN" and w.i < token.i), None)
    if subject is None:
        return None
    return next((c for c in reversed(before) if c.label == "PERSON" and c.kind == "person" and c.value
                 and c.start <= subject.idx < c.end), None)


def of_gender(pronoun: Candidate, seen: list[tuple[int, Candidate]], candidates: list[Candidate],
              lexicon: ResolverLexicon | None) -> list[tuple[int, Candidate]]:
    """The persons seen a pronoun may refer to: "she" not a person the article calls "Mr",
    "he" not one it calls "Mrs", "Ms", "Queen"."""
    if lexicon is None:
        return seen
    feminine = pronoun.text.lower() in lexicon.feminine_pronouns
    other = lexicon.masculine_honorifics if feminine else lexicon.feminine_honorifics
    excluded = {c.value for c in candidates if c.label == "PERSON" and c.value and c.titled in other}
    return [(s, c) for s, c in seen if c.value not in excluded]


def pronoun_antecedent(pronoun: Candidate, sentence: int, seen: list[tuple[int, Candidate]]) -> Candidate | None:
    """The person a pronoun refers to: a subject of its own or the previous sentence with a
    person in it (a possessive too, from an earlier sentence: "X flew in for talks with Y.
    After his meeting with Z, ...": X), else that sentence's last person, else the most
    recent person."""
    if pronoun.clause >= 0:  # "Macron told him": an object is not its own verb's subject
        seen = [(s, c) for s, c in seen if c.clause != pronoun.clause]
    if not seen:
        return None
    nearest = max(s for s, _ in seen)
    if nearest < sentence - 1:  # nobody named lately: the last person named
        return seen[-1][1]
    window = [c for s, c in seen if s == nearest]
    subjects = [c for c in window if c.subject]
    if (pronoun.subject or pronoun.possessive and nearest < sentence) and subjects:
        return subjects[-1] if nearest < sentence else subjects[0]
    return window[-1]


def ordinal_antecedent(ordinal: int, sentence: int, seen: list[tuple[int, Candidate]]) -> Candidate | None:
    """The person "the latter" (1) or "the former" (2) names: counting back distinct persons
    named in its own or the previous sentence."""
    distinct: list[Candidate] = []
    for s, c in reversed(seen):
        if s < sentence - 1:
            break
        if all(c.value != d.value for d in distinct):
            distinct.append(c)
    return distinct[ordinal - 1] if len(distinct) >= 2 and len(distinct) >= ordinal else None


def not_a_compatriot_of_the_object(pronoun: Candidate, antecedent: Candidate | None, seen: list[tuple[int, Candidate]],
                                     following: list[Candidate], sentence_end: int, kb: KnowledgeBase) -> Candidate | None:
    """A subject pronoun whose sentence goes on to name a person of the antecedent's
    country refers to the foreign person of the antecedent's sentence instead: "King X
    received the Kenyan president. He will also meet Crown Prince Y [X's compatriot]": the
    Kenyan president (`following`: the candidates after the pronoun)."""
    def country(c: Candidate) -> str | None:
        actor = kb.actors.get(c.value) if c.value else None
        return actor.country if actor is not None else None

    if antecedent is None or not pronoun.subject or country(antecedent) is None:
        return antecedent
    objects = {country(c) for c in following if c.start < sentence_end and c.label == "PERSON"
               and c.kind == "person" and c.value != antecedent.value}
    if country(antecedent) not in objects:
        return antecedent
    sentence = next((s for s, c in seen if c is antecedent), None)
    foreign = [c for s, c in seen if s == sentence and country(c) is not None and country(c) not in objects]
    return foreign[-1] if foreign else antecedent
