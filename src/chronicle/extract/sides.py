"""Whom a directed event is done to, where the trigger's own words give the wrong side or
none (issue 19, family 2), used by extract/events.py after a trigger's arguments are read:

- `own_forces`: the source's own troops, police or warplanes are its instruments, not the
  target of a mobilization or a withdrawal ("ordered troops to withdraw", "mobilized
  warplanes"); the country withdrawn from is the target ("... to withdraw from the city
  of <c> in <Y>": Y);
- `emissary_owners`: an absorbed object that is a person sent by a state names that state
  ("expelled Togolese diplomats": Togo; "the Ghanaian ambassador").

The words are data (`data/roles.yaml`: `own_forces_types`, `withdrawal_preps`,
`emissary_types`, `emissary_nouns`).
"""

from __future__ import annotations

from chronicle.model import EventActor

OWNER_DEPS = frozenset({"amod", "compound", "poss", "nmod"})


def group_noun(actor: EventActor) -> str | None:
    """The noun of a generic actor's id (`group:<iso3>:<noun>`), else None."""
    parts = actor.id.split(":")
    return parts[2] if actor.kind == "group" and len(parts) == 3 and parts[0] == "group" else None


def own_forces(targets: list[EventActor], sources: list[EventActor], sector_of, field_sectors: frozenset[str]) -> list[EventActor]:
    """The targets that are forces of a field sector (troops, police) of a source's own
    country: the source's instruments, not whom the act is done to."""
    home = {s.country for s in sources if s.country}
    return [t for t in targets if t.country in home and (noun := group_noun(t)) is not None and sector_of(noun) in field_sectors]


def withdrawal_verbs(verb) -> list:
    """The trigger verb and the verbs of its open complements ("ordered troops to withdraw")."""
    return [verb] + [c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "advcl")]


def withdrawn_from(verb, preps: frozenset[str]) -> list:
    """The words of the phrases a withdrawal leaves ("withdraw from the city of X"), in
    order, on the trigger or its complement."""
    found = []
    for word in withdrawal_verbs(verb):
        for prep in word.children:
            if prep.dep_ == "prep" and prep.lower_ in preps:
                found += [w for o in prep.children if o.dep_ == "pobj" for w in o.subtree]
    return found


def emissary_owners(obj, nouns: frozenset[str]) -> list:
    """The words that own an object noun of an emissary ("Togolese diplomats", "Togo's
    ambassador"): its modifiers, not pronouns ("its ambassador": the subject's own)."""
    if obj is None or obj.lemma_.lower() not in nouns:
        return []
    return [c for c in obj.children if c.dep_ in OWNER_DEPS and c.pos_ != "PRON"]
