"""Whom an aid event helps when its own sentence names no one (issue 19): an article about
aid to one recipient tells each further delivery, team or sum without repeating it ("The
agency also deployed a response team", "The total response so far is $30 million").

A pure pass over an article's events once every sentence is read: an event of
`recipient_types` (data/roles.yaml) with a source and no target takes the one target the
article's other events of that type name; none when they name several, or none.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from chronicle.extract.context import Found


def inherited_recipients(events: Sequence[Found], types: frozenset[str]) -> None:
    """Give each targetless event of `types` that has a source the article's one recipient
    of its type (the actor every targeted event of that type is aimed at), in place."""
    for type_ in types:
        of_type = [e for e in events if e.type == type_]
        named = {a.id: a for e in of_type for a in e.actors if a.role == "target"}
        if len(named) != 1:
            continue
        (recipient,) = named.values()
        for event in of_type:
            roles = {a.role for a in event.actors}
            if "target" in roles or "source" not in roles or recipient.id in {a.id for a in event.actors}:
                continue
            if recipient.country and recipient.country in {a.country for a in event.actors}:
                continue  # "the agency's own teams": not aid from a country to itself
            event.actors.append(replace(recipient, role="target"))
