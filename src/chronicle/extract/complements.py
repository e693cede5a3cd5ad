"""Where an ordered act happened: the place of the act it orders.

"The defence minister ordered troops to withdraw from the city of Marlow": the order is a concession
(PLOVER codes an ordered withdrawal as CONCEDE), and the annotators place it where the
withdrawal is, not where the order was given. An event of `complement_place_types`
(data/roles.yaml) with no place of its own takes the place of the event whose trigger is its
open complement ("ordered X to [withdraw] from Y") or that complement's own object noun
("ordered the [withdrawal] of troops from Y"). Any other event keeps its place: "urged X to
leave Y" is a request made where the speaker was.
"""

from __future__ import annotations

from collections.abc import Mapping

_COMPLEMENTS = ("xcomp", "ccomp", "dobj")


def complement_place(token, placed: Mapping[int, str], type_: str, place: str | None,
                     types: frozenset[str]) -> str | None:
    """`place`, or for an event of `types` with none, the place of the event (token index ->
    place in `placed`) its trigger `token` governs as an open complement or object."""
    if place is not None or type_ not in types:
        return place
    for child in token.children:
        if child.dep_ in _COMPLEMENTS and child.i in placed:
            return placed[child.i]
    return place
