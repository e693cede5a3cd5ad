"""Where a government acts from: the seat of government of the state that makes a statement
or decision the article does not place ("China accused the US of ...": Beijing).

Annotators place a government's accusations, demands, rejections, sanctions and threats,
the public record of its capital, where the text gives no place of its own. Only acts of
`seat_types` (data/roles.yaml) by a state actor count: a country, a person the knowledge
base gives a country, or a generic organ of `seat_sectors` ("the government", "parliament").
Physical events (attacks, protests, arrests) and acts by troops or police need a place of
their own and get none from here (`names_field_organ`: troops or police among a trigger's
arguments).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from chronicle.model import EventActor, Place
from chronicle.resolve.generic_actors import Sectors, packaged_sectors, sector_of_id


def acting_state(actors: Sequence[EventActor], seat_sectors: frozenset[str], sectors: Sectors | None = None) -> str | None:
    """The one country (ISO3) whose state does an event: every source is that country, a
    person of it, or a generic organ of `seat_sectors` of it; None otherwise."""
    sources = [a for a in actors if a.role == "source"]
    countries = set()
    for actor in sources:
        if not actor.country:
            return None
        if actor.kind == "group" and sector_of_id(actor.id, sectors or packaged_sectors()) not in seat_sectors:
            return None  # troops, police, protesters act where they are
        if actor.kind not in ("country", "person", "group"):
            return None
        countries.add(actor.country)
    return countries.pop() if len(countries) == 1 else None


def field_organ_involved(actors: Sequence[EventActor], field_sectors: frozenset[str], sectors: Sectors | None = None) -> bool:
    """Whether any actor of the event, in any role, is a generic organ of `field_sectors`
    ("withdrew its troops": troops act where they are)."""
    return any(a.kind == "group" and sector_of_id(a.id, sectors or packaged_sectors()) in field_sectors for a in actors)


def seat_place(type_: str, place: str | None, actors: Sequence[EventActor], places: Mapping[str, Place],
               seats: Mapping[str, Place], seat_types: frozenset[str], seat_sectors: frozenset[str],
               field_seat_types: frozenset[str] = frozenset(), field_sectors: frozenset[str] = frozenset(),
               field_named: bool = False, sectors: Sectors | None = None) -> str | None:
    """The event's place, or the seat of government of the state that does it when the event
    is an act of state of `seat_types` with no place, or placed only in that state's own
    country ("announced a mobilisation in Russia": Moscow). An event of `field_seat_types`
    is an act of state only when no organ of `field_sectors` takes part (a resignation or
    a release is at the seat, a withdrawal of troops is not); `field_named`: the trigger's
    words name such an organ the actors do not ("withdrew its troops")."""
    if type_ in field_seat_types:
        if field_named or field_organ_involved(actors, field_sectors, sectors):
            return place
    elif type_ not in seat_types:
        return place
    if place is not None and not (place in places and places[place].kind == "country"):
        return place
    state = acting_state(actors, seat_sectors, sectors) or acting_body(actors, seats)
    if state is None or state not in seats or (place is not None and place != state):
        return place
    return seats[state].id


def acting_body(actors: Sequence[EventActor], seats: Mapping[str, Place]) -> str | None:
    """The one international body with a seat of its own (`seats`, keyed by its id) that is
    every source of an event ("the Security Council adopted a resolution"); None otherwise."""
    sources = {(a.id, a.kind) for a in actors if a.role == "source"}
    if len(sources) != 1:
        return None
    body, kind = sources.pop()
    return body if kind == "organization" and body in seats else None


def body_seats(names: Sequence[tuple[str, str]], cities_named: Callable[[str], Sequence[Place]]) -> dict[str, Place]:
    """The seat of each international body (`organisation_seats` of data/roles.yaml: id, city
    name), as the largest city `cities_named` gives for the name; a name it does not know
    gives none."""
    seats = {}
    for body, name in names:
        cities = list(cities_named(name))
        if cities:
            seats[body] = cities[0]
    return seats


def names_field_organ(token, sectors, field_sectors: frozenset[str]) -> bool:
    """Whether the trigger's own arguments (its dependents, and the object of the verb it
    completes: "ordered troops to withdraw") name a generic organ of `field_sectors`."""
    words = [w for c in token.children for w in (c, *c.children) if c.dep_ != "punct"]
    if token.dep_ in ("xcomp", "ccomp"):
        words += [c for c in token.head.children if c.dep_ in ("dobj", "obj")]
    return any(w.pos_ == "NOUN" and sectors.sector(w.lemma_.lower()) in field_sectors for w in words)
