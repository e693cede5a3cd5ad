"""Trips and their aims (issue 14): "flew to Oslo for talks with X" reports the journey;
the talks are its purpose, still to come unless the article reports them elsewhere.

Pure functions over spaCy tokens; the word lists come from the event lexicon's data."""

from __future__ import annotations

from collections.abc import Set

from chronicle.function_words import FunctionWords


def nominal_purpose(token, travel_verbs: Set[str], visit_words: Set[str], purpose_preps: Set[str]) -> bool:
    """Whether an event noun is the aim of a journey: the object of "for" on a travel verb
    ("arrived in Chennai for a summit with X", "flew to Oslo for talks"); not "returned
    from talks" (an origin: the talks happened), nor "arrived for a visit" (the visit
    itself), nor a journey that did not take place."""
    head = token.head
    if token.lemma_.lower() in visit_words:
        return False
    if token.dep_ != "pobj" or head.lower_ not in purpose_preps or head.dep_ != "prep":
        return False
    verb = head.head
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in travel_verbs:
        return False
    return not any(c.dep_ == "neg" for c in verb.children)


def purpose_names_counterpart(verb, purpose_preps: Set[str], grammar: FunctionWords) -> bool:
    """Whether a trip states whom it is for: "visiting Washington for meetings with business
    leaders", "flew to Oslo for talks with X", "arrived in Tokyo on Sunday to hold talks with
    X": the visited country's leader is not implied."""
    nouns = [noun for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in purpose_preps
             for noun in prep.children if noun.dep_ == "pobj"]
    for aim in verb.children:  # "to hold talks with X", "to meet with X"
        if aim.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ in grammar.infinitive_markers for c in aim.children):
            nouns += [aim, *(o for o in aim.children if o.dep_ in ("dobj", "obj"))]
    return any(_with_someone(noun, grammar.accompaniment_preps) for noun in nouns)


def _with_someone(word, accompaniment_preps: Set[str]) -> bool:
    return any(c.lower_ in accompaniment_preps and c.dep_ == "prep" and any(o.dep_ == "pobj" for o in c.children)
               for c in word.children)


def unmade_trip(travel, auxiliaries: Set[str]) -> bool:
    """Whether a trip word stands in a clause that does not report it: the nearest verb at
    or above it has one of `auxiliaries` ("could follow the meeting with a visit by X to
    Y", "will travel to Y"); "this was his first visit to Y" reports one."""
    verb = next((t for t in (travel, *travel.ancestors) if t.pos_ in ("VERB", "AUX")), None)
    return verb is not None and any(c.dep_ == "aux" and c.lower_ in auxiliaries for c in verb.children)
