"""Whom an event is aimed at when the trigger's own words leave it unsaid (issue 19).

Small pure functions over spaCy tokens and event actors:

- the actor a request asks to act: "called for the government to release X" (the
  government), not "called for calm" or "called for the release of X";
- the target phrase of the verb a directed event noun is the object of: "offered her
  congratulations to X", "issued a threat to X" (X), not "held talks with X" (meetings keep
  their own rules);
- the owner of a noun of aspect the event noun is "of": "X's intensification of airstrikes"
  (X attacks), not "X's condemnation of the airstrikes" (an event noun of its own);
- the state a crowd protests against: a protest by a non-state group of one country, with
  no target of its own, is aimed at that country ("students protested in X": X), not one
  with a target word ("protested against the fees");
- the leader a protest against a state is aimed at: the head of that state or government
  the protest's sentence names ("protests against the victory claimed by President X": X
  beside X's country), not a leader of another country.

The types, sectors and offices are data (`data/roles.yaml`: `asked_actor_types`,
`state_target_types`, `leader_target_offices`).
"""

from __future__ import annotations

from collections.abc import Callable

from chronicle.extract.grievances import over_a_harm
from chronicle.model import EventActor
from chronicle.resolve.generic_actors import state_of


def asked_actor(token, prep: str | None, type_: str, types: frozenset[str], infinitive_markers: frozenset[str]):
    """The word after a request's own preposition that an infinitive says what to do ("called
    for the government to release ...", "called for Ghana to open ..."), else None."""
    if not prep or type_ not in types:
        return None
    clause = marked_clause(token, prep, infinitive_markers)
    if clause is not None:  # "called for Ghana to open ...", parsed as a for-to clause
        return next(c for c in clause.children if c.dep_ == "nsubj")
    for word in (w for p in token.children if p.dep_ == "prep" and p.lower_ == prep
                 for w in p.children if w.dep_ == "pobj" and w.pos_ in ("NOUN", "PROPN")):
        clauses = [c for c in (*word.children, *token.children) if c.dep_ in ("advcl", "xcomp", "acl", "relcl") and c.i > word.i]
        if any(a.dep_ == "aux" and a.lower_ in infinitive_markers and a.i < c.i for c in clauses for a in c.children):
            return word
    return None


def marked_clause(token, prep: str, infinitive_markers: frozenset[str]):
    """The for-to clause a verb governs ("called for Ghana to open the border": "for" the
    clause's mark, Ghana its subject, "to open" its verb), else None."""
    return next((c for c in token.children if c.dep_ == "advcl" and c.i > token.i
                 and any(m.dep_ == "mark" and m.lower_ == prep for m in c.children)
                 and any(s.dep_ == "nsubj" for s in c.children)
                 and any(a.dep_ == "aux" and a.lower_ in infinitive_markers for a in c.children)), None)


def protested_state(type_: str, types: frozenset[str], token, sources: list[EventActor], targets: list[EventActor],
                    is_state_organ: Callable[[str], bool], target_words: frozenset[str], harms: frozenset[str],
                    genitive_preps: frozenset[str]) -> str | None:
    """The country a protest with no target is aimed at (`types`): the one country of its
    sources when they are all generic non-state groups ("protesters (Iran)"); None when the
    trigger has a target word of its own (`target_words`: "against the fees", not over one of the `harms`)."""
    if type_ not in types or targets or not sources:
        return None
    if any(c.dep_ == "prep" and c.lower_ in target_words for c in token.children) and not over_a_harm(token, target_words, harms, genitive_preps):
        return None
    if any(not a.id.startswith("group:") or a.country is None or is_state_organ(a.id) for a in sources):
        return None
    countries = {a.country for a in sources}
    return countries.pop() if len(countries) == 1 else None


def state_targets(token, trigger, sources: list[EventActor], targets: list[EventActor], actors) -> list[EventActor]:
    """`targets`, with the state a target-less protest is aimed at (`protested_state`) when
    the knowledge base knows that country; `actors` is the article's `ArticleActors`."""
    roles, sectors = actors.lexicon.roles, actors.lexicon.sectors
    country = protested_state(trigger.type, roles.state_target_types, token, sources, targets,
                              lambda actor_id: state_of(actor_id, sectors) is not None, roles.state_target_preps,
                              roles.grievance_nouns, actors.lexicon.grammar.genitive_preps)
    if country is None or country not in actors.kb.countries:
        return targets
    return [*targets, actors.describe(country, None, "target", token.idx, token.idx + len(token.text))]


def carrying_verb_preps(noun, roles: str, target_preps: frozenset[str]) -> list:
    """The objects of the target prepositions of the verb a directed event noun is the direct
    object of ("offered congratulations to X", "issued a threat to X": X)."""
    if roles != "directed" or noun.dep_ not in ("dobj", "obj") or noun.head.pos_ not in ("VERB", "AUX"):
        return []
    return [w for p in noun.head.children if p.dep_ in ("prep", "dative") and p.lower_ in target_preps
            for w in p.children if w.dep_ == "pobj"]


def aspect_owners(noun, aspect_nouns: frozenset[str], genitive_preps: frozenset[str]) -> list:
    """The possessor and modifiers of a noun of aspect (`aspect_nouns`) whose "of" the event
    noun is ("Togo's intensification of airstrikes", "a Togolese campaign of raids": Togo)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in genitive_preps or prep.head.lemma_.lower() not in aspect_nouns:
        return []
    return [c for c in prep.head.children if c.dep_ in ("poss", "amod", "compound")]


def protested_leaders(token, type_: str, targets: list[EventActor], actors) -> list[EventActor]:
    """`targets`, with the persons the trigger's sentence names who lead a country the
    protest is aimed at (roles.yaml `leader_target_offices`: heads of state or government),
    when `type_` is a protest type (`state_target_types`) and no person is a target yet;
    `actors` is the article's `ArticleActors`."""
    roles = actors.lexicon.roles
    states = {t.id for t in targets if t.kind == "country"}
    if type_ not in roles.state_target_types or not states or any(t.kind == "person" for t in targets):
        return targets
    sentence = token.sent
    named = [actors.describe(m.value, m, "target", m.start, m.end) for m in actors.context.actor_mentions
             if sentence.start_char <= m.start < sentence.end_char and m.value]
    named += [a for w in sentence if w.i not in actors.at and (a := actors.by_name(w, "target")) is not None]  # a surname NER left out
    found, known = list(targets), {t.id for t in targets}
    for person in named:
        if person.id not in known and person.kind == "person" and actors.country_of(person) in states \
                and actors.officeholder(person.id, roles.leader_target_offices):
            found.append(person)
            known.add(person.id)
    return found
