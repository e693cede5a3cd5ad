"""Whom a threat (or an agreement to act) is aimed at when its own words name no one (issue
19): the one its threatened act would befall ("threatened to kidnap schoolgirls", "threatened
to expel the Togolese envoys": the schoolgirls, Togo; "agreed to impose sanctions on X": X).

A pure pass over an article's events once every sentence is read: an event of
`threat_types` (data/roles.yaml) with no target takes the targets of the event its trigger
governs as an open complement ("threatened [to kidnap]", "threatened to impose [sanctions]"),
the sources of the threat left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from chronicle.extract.context import Found


def threatened_targets(events: Sequence[Found], types: frozenset[str]) -> None:
    """Give each targetless event of `types` the targets of the act its trigger governs as
    an open complement (an `xcomp` of the trigger, or that verb's object), in place."""
    for threat in (e for e in events if e.type in types and not any(a.role == "target" for a in e.actors)):
        own = {a.id for a in threat.actors}
        for act in events:
            if act is threat or not _complement_of(act.token, threat.token):
                continue
            for actor in act.actors:
                if actor.role == "target" and actor.id not in own:
                    threat.actors.append(replace(actor))
                    own.add(actor.id)


def _complement_of(token, governor) -> bool:
    """Whether `token` is the verb of an open complement of `governor` ("threatened to kidnap"),
    or the object of that verb ("threatened to impose sanctions")."""
    if token is None or governor is None or token.doc is not governor.doc:
        return False
    if token.dep_ in ("dobj", "obj") and token.head.dep_ == "xcomp":
        token = token.head
    return token.dep_ == "xcomp" and token.head.i == governor.i
