"""A headline that sums up an event the body reports (issue 19, spurious mentions).

"Over 100 girls abducted in attack of northern <country> town" over "Gunmen of <group>
kidnapped 100 students in <town>": the title names no one who acted, only whom or where;
the body names them. The title's mention is more evidence of the body's event, not an
event of its own. Pure function over event actors, used by extract/events.py.
"""

from __future__ import annotations

from collections.abc import Sequence

from chronicle.model import EventActor


def summarised_by(title_actors: Sequence[EventActor], body_actors: Sequence[EventActor]) -> bool:
    """Whether a title-block mention with no source names only actors the body's mention
    names too, or countries of actors it names ("<country> town": the country of the
    kidnapped students)."""
    if any(a.role == "source" for a in title_actors) or not any(a.role == "source" for a in body_actors):
        return False
    ids = {a.id for a in body_actors}
    countries = {a.country for a in body_actors if a.country}
    return all(a.id in ids or (a.country is not None and a.country in countries) for a in title_actors)


def restated_by(title_actors: Sequence[EventActor], body_actors: Sequence[EventActor]) -> bool:
    """Whether a title-block mention tells the body's event with a person for the state the
    body names as the actor, or the state for the body's person ("<leader> expels diplomats"
    over "<country> is expelling diplomats"): every source of the one is a person of the
    country that is the other's source, and every actor the title aims at, the body names
    too (or a country of one it names). A person of another country, or another target, is
    another event."""
    title_sources = [a for a in title_actors if a.role == "source"]
    body_sources = [a for a in body_actors if a.role == "source"]
    if not title_sources or not body_sources:
        return False
    if not (_stands_for(title_sources, body_sources) or _stands_for(body_sources, title_sources)):
        return False
    ids = {a.id for a in body_actors}
    countries = {a.country for a in body_actors if a.country}
    targets = [a for a in title_actors if a.role != "source"]
    return all(a.id in ids or (a.country is not None and a.country in countries) for a in targets)


def _stands_for(persons: Sequence[EventActor], states: Sequence[EventActor]) -> bool:
    """Whether every one of `persons` is a person of the one country that is all of `states`."""
    country = {a.id for a in states if a.kind == "country"}
    return len(country) == 1 and len(country) == len({a.id for a in states}) and all(
        a.kind == "person" and a.country in country for a in persons)
