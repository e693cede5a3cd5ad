"""Where an organisation decides: at the meeting of that organisation the article places.

"ECOWAS said it will close its borders with Mali ... This was part of the resolution after an
extraordinary summit of leaders of ECOWAS in Accra": the bloc's sanctions, demands and
statements of that day were made at the summit, in Accra. An event of the given types (the
acts of state of `seat_types`, data/roles.yaml) with no place of its own, whose source is an
organisation, takes the place of a happened meeting (CONSULT) of the same day that the
article places and whose words name that organisation. An organisation's act on another day,
or one whose meeting the article does not place, keeps no place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from chronicle.model import EventActor


@dataclass(frozen=True)
class PlacedMeeting:
    """A happened meeting the article places: its day, its place, the actors its words name
    (resolved) and its words."""

    day: str
    place: str
    named: frozenset[str]
    text: str = ""

    def names(self, actor_id: str, names: Sequence[str]) -> bool:
        """Whether the meeting's words name the actor: resolved, or by one of its `names`
        written whole ("a summit of the 15-member ECOWAS" where NER saw no organisation)."""
        return actor_id in self.named or any(
            re.search(rf"(?<!\w){re.escape(name)}(?!\w)", self.text) for name in names if len(name) > 2)


def placed_meeting(day: str | None, place: str | None, named: Iterable[str], text: str = "") -> PlacedMeeting | None:
    """A meeting dated to the day and placed; None otherwise."""
    if not day or len(day) != 10 or place is None:
        return None
    return PlacedMeeting(day, place, frozenset(named), text)


def summit_place(type_: str, place: str | None, day: str | None, actors: Sequence[EventActor],
                 meetings: Sequence[PlacedMeeting], types: frozenset[str],
                 names: Mapping[str, Sequence[str]] | None = None) -> str | None:
    """`place`, or for an organisation's act of `types` with none, the place of the meeting
    of its day whose words name that organisation (module docstring); `names`: the names
    and aliases of each organisation id."""
    if place is not None or type_ not in types or not day:
        return place
    bodies = [a for a in actors if a.role == "source" and a.kind == "organization"]
    if not bodies:
        return place
    found = {m.place for m in meetings if m.day == day[:10]
             and any(m.names(a.id, (names or {}).get(a.id, (a.name,))) for a in bodies)}
    return found.pop() if len(found) == 1 else place
