"""Meetings told as one step of another ("The meeting was preceded by a discussion with X",
"talks with X followed the meeting"): the step names only the counterpart; its other
participant is the guest of the meeting it refers back to (issue 14)."""

from __future__ import annotations

from chronicle.extract.context import Found


def sequenced_counterparts(events: list[Found], sequence_verbs: frozenset[str], definites: frozenset[str]) -> None:
    """Give a meeting named as preceding or following "the meeting" with one person only
    the person of the last earlier meeting of the same modality from another country than
    that one (the guest who had both talks); left alone when that is not exactly one person."""
    for event in events:
        persons = [a for a in event.actors if a.kind == "person"]
        if event.type != "CONSULT" or len(persons) != 1 or persons[0].country is None:
            continue
        if not _step_of_the_meeting(event.token, sequence_verbs, definites):
            continue
        earlier = [e for e in events if e.type == "CONSULT" and e.token.i < event.token.i and e.modality == event.modality
                   and len([a for a in e.actors if a.kind == "person"]) >= 2]
        if not earlier:
            continue
        counterpart = persons[0]
        guests = [a for a in earlier[-1].actors if a.kind == "person" and a.id != counterpart.id
                  and a.country is not None and a.country != counterpart.country]
        if len(guests) == 1:
            event.actors = [guests[0], *event.actors]
            event.sides = (frozenset({guests[0].id}), frozenset({counterpart.id}))


def _step_of_the_meeting(token, sequence_verbs: frozenset[str], definites: frozenset[str]) -> bool:
    """Whether `token` is the agent of a passive sequence verb whose subject is a definite
    noun ("the meeting was preceded by [talks]"), or the subject of an active one whose
    object is ("[talks] followed the meeting")."""
    head = token.head
    if token.dep_ == "pobj" and head.dep_ == "agent" and head.head.lemma_.lower() in sequence_verbs:
        others = [c for c in head.head.children if c.dep_ == "nsubjpass"]
    elif token.dep_ == "nsubj" and head.lemma_.lower() in sequence_verbs:
        others = [c for c in head.children if c.dep_ == "dobj"]
    else:
        return False
    return any(any(d.dep_ == "det" and d.lower_ in definites for d in other.children) for other in others)
