"""Whom an aid event helps when its own sentence names no one (issue 19): an article about
aid to one recipient tells each further delivery, team or sum without repeating it ("The
agency also deployed a response team", "The total response so far is $30 million").

A pure pass over an article's event mentions once they are typed (the classifier may make
a deployment aid): an event of `recipient_types` (data/roles.yaml) with a source and no
target takes the one target the article's other events of that type name; none when they
name several, or none.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TypeVar

E = TypeVar("E")  # an event record with `type` and `actors` (model.EventMention)


def inherited_recipients(events: Sequence[E], types: frozenset[str]) -> list[E]:
    """The events, each targetless one of `types` that has a source given the article's one
    recipient of its type (the actor every targeted event of that type is aimed at)."""
    events = list(events)
    for type_ in types:
        named = {a.id: a for e in events if e.type == type_ for a in e.actors if a.role == "target"}
        if len(named) != 1:
            continue
        (recipient,) = named.values()
        for index, event in enumerate(events):
            roles = {a.role for a in event.actors}
            if event.type != type_ or "target" in roles or "source" not in roles or recipient.id in {a.id for a in event.actors}:
                continue
            if recipient.country and recipient.country in {a.country for a in event.actors}:
                continue  # "the agency's own teams": not aid from a country to itself
            events[index] = replace(event, actors=(*event.actors, replace(recipient, role="target")))
    return events
