"""Arrivals that meet no one (issue 19).

"The divers arrived at the port", "X came to power", "the tweet was received": a verb of
coming or receiving is a meeting (CONSULT) only when someone is met on its other side, a
host, a visitor or a counterpart ("arrived in Beijing" meets the host the visited country
implies; "received the envoy" the envoy). With one side alone it is no event, unless the one
named is received: "the president was received at the residence" tells of a visit hosted
(the meeting the article reports). The verbs are data (`data/roles.yaml` `counterpart_verbs`).
"""

from __future__ import annotations

from collections.abc import Iterable

from chronicle.model import EventActor


def meets_no_one(verb, type_: str, actors: Iterable[EventActor], verbs: frozenset[str]) -> bool:
    """A CONSULT of a `counterpart_verbs` verb in the active voice naming fewer than two distinct actors."""
    if type_ != "CONSULT" or verb.lemma_.lower() not in verbs:
        return False
    if any(child.dep_ == "nsubjpass" for child in verb.children):
        return False  # "X was received at the residence": a guest, hosted
    return len({actor.id for actor in actors}) < 2
