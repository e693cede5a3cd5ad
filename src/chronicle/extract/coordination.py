"""Coordinated clauses that share an argument (issue 19).

"Ghana closed its borders with Togo and imposed sanctions": the second verb, with no
subject and no target of its own, acts on the first verb's target (the sanctions are on
Togo). Its subject is shared by the parse already (extract/participants.py). A second verb
with a subject of its own ("... and Togo imposed sanctions") or an object that names
someone keeps its own frame.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from chronicle.model import EventActor

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})


def conjunct_targets(verb, events: Sequence, sources: Iterable[EventActor]) -> list[EventActor]:
    """The targets of the event found at the verb `verb` is coordinated with, when `verb`
    has no subject of its own; none of them one of `sources`."""
    if verb.dep_ != "conj" or any(child.dep_ in SUBJECT_DEPS for child in verb.children):
        return []
    head = verb.head
    event = next((e for e in reversed(events) if e.token.i == head.i), None)
    if event is None:
        return []
    own = {actor.id for actor in sources}
    return [actor for actor in event.actors if actor.role == "target" and actor.id not in own]
