"""Pass 2 of actor resolution, what depends on the article's other evidence: surnames and
typos of persons it names, corpus actors, descriptions (office holders of a country on the
date) and pronouns."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections import Counter
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from ..kb import KnowledgeBase, name_key
from ..nlp import doc_text
from .actor_lexicon import ResolverLexicon
from .actor_records import Candidate, LEADER, MAIN_OFFICES, corpus_id, name_parts, offices_of
from .pronouns import bound_possessive, not_a_compatriot_of_the_object, of_gender, ordinal_antecedent, pronoun_antecedent, reporting_subject
from .titles import own_title_holder

if TYPE_CHECKING:  # spaCy itself is imported by chronicle.nlp (chronicle.spacy_import)
    from spacy.tokens import Doc


def resolve_from_context(
    candidates: list[Candidate],
    kb: KnowledgeBase,
    day: dt.date | None,
    doc: Doc,
    pronouns: frozenset[str] | set[str] = frozenset(),
    government_led: frozenset[str] = frozenset(),
    lexicon: ResolverLexicon | None = None,
) -> None:
    """Pass 2: names by the article's other names, corpus actors, then descriptions,
    pronouns and metonyms in text order (each reads the persons resolved before it)."""
    persons = [
        c
        for c in candidates
        if c.label == "PERSON" and c.value and not c.value.startswith("corpus:")
    ]
    _by_names_in_article(candidates, kb, persons, pronouns)
    countries = Counter(
        c.country for c in candidates if c.country and c.label in ("GPE", "NORP", "METONYM")
    )
    countries.update(kb.actors[c.value].country for c in persons if kb.actors[c.value].country)
    named_ids = {c.value for c in persons}
    article_titles = _titled_in_article(candidates)
    sentence_starts = [sent.start_char for sent in doc.sents]
    persons_seen: list[tuple[int, Candidate]] = []  # (sentence index, candidate)
    last_person: Candidate | None = None
    for i, c in enumerate(candidates):
        sentence = bisect_right(sentence_starts, c.start) - 1
        if c.label == "ROLE" and c.title_of is not None:
            titled = candidates[c.title_of]
            c.value, c.method, c.confidence = titled.value, "title-of-name", titled.confidence
        elif c.label == "ROLE" and c.country and not c.counterpart and any((o, c.country) in article_titles for o in offices_of(c)):
            c.value = next(article_titles[(o, c.country)] for o in offices_of(c) if (o, c.country) in article_titles)
            c.kind, c.method, c.confidence = "person", "title-in-article", 0.8
        elif c.label == "ROLE" and _owned_by_organization(c, candidates[:i]):
            continue  # "<group> stepped up attacks, and its leader ...": the group's leader, no state's
        elif c.label == "ROLE":
            _resolve_description(c, kb, day, named_ids, countries, last_person, government_led)
        elif c.label == "PRON" and c.ordinal and c.value is None:
            antecedent = ordinal_antecedent(c.ordinal, sentence, persons_seen)
            if antecedent is not None:
                c.value, c.method, c.confidence = antecedent.value, "pronoun", 0.6
        elif c.label == "PRON" and c.value is None and (bound := bound_possessive(c, sentence, candidates[:i], sentence_starts, lexicon)):
            c.value, c.method, c.confidence = bound.value, "pronoun", 0.6
        elif c.label == "PRON" and c.value is None and (speaker := reporting_subject(c, doc, candidates[:i])):
            c.value, c.method, c.confidence = speaker.value, "pronoun", 0.6
        elif c.label == "PRON" and c.value is None:
            antecedent = pronoun_antecedent(c, sentence, of_gender(c, persons_seen, candidates, lexicon))
            sentence_end = sentence_starts[sentence + 1] if sentence + 1 < len(sentence_starts) else len(doc_text(doc))
            antecedent = not_a_compatriot_of_the_object(c, antecedent, persons_seen, candidates[i + 1:], sentence_end, kb)
            if antecedent is not None:
                c.value, c.method, c.confidence = antecedent.value, "pronoun", 0.6
        elif c.label == "METONYM" and c.value is None:
            c.value, c.method, c.confidence = c.country, "metonym", 0.8
        if c.kind == "person" and c.label in ("PERSON", "ROLE") and c.value:
            last_person = c
            if c.label == "PERSON" or c.title_of is None:
                persons_seen.append((sentence, c))


def _by_names_in_article(candidates: list[Candidate], kb: KnowledgeBase, persons: list[Candidate],
                         pronouns: frozenset[str] | set[str]) -> None:
    """Unresolved names by the article's other names: surnames and typos of the KB persons
    it names (`persons`), a surname of a full name it gives; what is left is a corpus actor."""
    named_parts: dict[str, set[str]] = {}
    for c in persons:
        named_parts.setdefault(c.value, set()).update(
            name_parts(c.text) | name_parts(kb.actors[c.value].name)
        )
    for c in candidates:  # surnames named later in the article, and typos of names it holds
        if c.label == "PERSON" and c.value is None:
            _by_article_names(c, named_parts)
    unknown_full = {}
    for c in candidates:  # corpus persons: a surname refers to the full name the article gives
        parts = name_key(c.text).split()
        if c.label == "PERSON" and c.value is None and len(parts) > 1:
            unknown_full.setdefault(parts[-1], c.text)
            unknown_full.setdefault(parts[0], c.text)
    for c in candidates:
        parts = name_key(c.text).split()
        if c.label == "PERSON" and c.value is None and len(parts) == 1 and parts[0] in unknown_full:
            c.full_name = unknown_full[parts[0]]
    for c in candidates:  # what the KB does not know is a corpus actor, named by its full name
        if c.label in ("PERSON", "ORG") and c.value is None and c.text.strip() and name_key(c.text) not in pronouns:  # NER tags a sentence-initial "He" PERSON
            c.kind = "person" if c.label == "PERSON" else "organization"
            c.value = corpus_id(c.full_name or c.text, c.kind)
            c.method, c.confidence = "corpus", 0.5


def _titled_in_article(candidates: list[Candidate]) -> dict[tuple[str, str], str]:
    """(office, country) -> the person the article names with that title ("Eritrean
    President X"): a later "the Eritrean president" is that person, in the KB or not."""
    titled: dict[tuple[str, str], str] = {}
    for c in candidates:
        named = candidates[c.title_of] if c.label == "ROLE" and c.title_of is not None else None
        if named is not None and named.value and named.kind == "person" and c.country:
            for office in offices_of(c):
                titled.setdefault((office, c.country), named.value)
    return titled


def _by_article_names(c: Candidate, named_parts: dict[str, set[str]]) -> None:
    """A name part or a typo of a KB person the article names (`named_parts`: actor -> its
    name parts): a unique name part ("name-part"), else a close spelling of one word ("typo")."""
    key = name_key(c.text)
    parts = key.split()
    exact = [actor for actor, names in named_parts.items() if parts and parts[-1] in names]
    if len(exact) == 1:
        c.value, c.method, c.confidence = exact[0], "name-part", 0.85
        return
    if len(parts) != 1 or len(key) < 4:
        return
    scored = sorted(
        (
            (max(fuzz.ratio(key, part) for part in names), actor)
            for actor, names in named_parts.items()
        ),
        reverse=True,
    )
    if scored and scored[0][0] >= 80 and (len(scored) == 1 or scored[1][0] < scored[0][0]):
        c.value, c.method, c.confidence = scored[0][1], "typo", 0.75


def _owned_by_organization(c: Candidate, earlier: list[Candidate]) -> bool:
    """Whether a title without a country is owned by "its" or "their" after an organization
    named last ("The Front stepped up attacks, and its leader ..."): the organization's
    officer, not the head of the article's state ("Ghana said its president ...": a state)."""
    if c.country or not c.text.lower().startswith(("its ", "their ")):
        return False
    last = next((e for e in reversed(earlier) if e.label in ("ORG", "GPE", "NORP", "PERSON")), None)
    return last is not None and last.label == "ORG"


def _resolve_description(
    c: Candidate,
    kb: KnowledgeBase,
    day: dt.date | None,
    named_ids: set[str],
    countries: Counter,
    last_person: Candidate | None,
    government_led: frozenset[str] = frozenset(),
) -> None:
    """ "the Russian president", "his Turkish counterpart", "the prime minister" ("the
    Japanese leader": the head of government where it leads)."""
    offices = c.offices
    if c.counterpart:
        if last_person is None or last_person.value not in kb.actors:
            return
        roles = [r for r in kb.actors[last_person.value].roles_on(day) if r.office in MAIN_OFFICES]
        offices = tuple(r.office for r in roles) or ()
    if not offices and not c.counterpart and not c.country:  # "the Queen", "the Emir": a title some countries use
        holder = own_title_holder(c.title, [country for country, _ in countries.most_common()], kb, day)
        if holder is not None:
            c.value, c.kind, c.method, c.confidence = holder.id, "person", "title-context", 0.6
        return
    if offices == (LEADER,):
        offices = ("head_of_government", "head_of_state") if c.country in government_led else ("head_of_state", "head_of_government")
    if not offices:
        return
    if c.country:
        seats = [c.country]
    else:  # the article's context: a named person holding the office, else its main country
        seats = [country for country, _ in countries.most_common()]
    for seat in seats:
        holders = [a for office in offices for a in kb.holders(office, seat, day)]
        if not holders:
            continue
        named = [a for a in holders if a.id in named_ids]
        chosen = (
            named[0] if named else holders[0] if len({a.id for a in holders}) == 1 or day else None
        )
        if chosen is not None:
            c.value, c.kind = chosen.id, "person"
            c.method = "title" if c.country else "title-context"
            c.confidence = (0.85 if named else 0.75) if c.country else 0.6
            return
        if c.country:
            return
