"""Stable event ids: how a fused event is named across runs (docs/fusion.md, "Ids").

`assign_ids` gives each new cluster of mentions the id of the stored event it shares the
most members with, else a new id from its smallest member (`new_event_id`); `mention_ref`
names one mention, as `events.date_from`/`place_from` and the Spark runner's graphs do.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence

from .model import MentionKey as Key


def mention_ref(key: Key) -> str:
    """How `events.date_from`/`place_from` name a mention: content id and index."""
    return f"{key[0]}:{key[1]}"



def new_event_id(key: Key) -> str:
    """The id of a brand-new event: from its smallest member key."""
    return "ev-" + hashlib.sha256(f"{key[0]}:{key[1]}".encode()).hexdigest()[:16]


def assign_ids(
    clusters: Sequence[Sequence[Key]], old: dict[str, set[Key]], age: dict[str, object] | None = None
) -> list[str]:
    """An id per cluster: the existing event sharing the most members (oldest on ties,
    each used once), else a new id from the smallest member key not already taken."""
    age = age or {}
    owner = {key: event_id for event_id, keys in old.items() for key in keys}
    pairs = []
    for index, keys in enumerate(clusters):
        shared = Counter(owner[k] for k in keys if k in owner)
        pairs += [(-n, str(age.get(event_id, "")), event_id, min(keys), index) for event_id, n in shared.items()]
    ids: list[str | None] = [None] * len(clusters)
    used: set[str] = set()
    for _, _, event_id, _, index in sorted(pairs):
        if ids[index] is None and event_id not in used:
            ids[index], _ = event_id, used.add(event_id)
    taken = used | set(old)
    for index, keys in enumerate(clusters):
        if ids[index] is None:
            candidates = [new_event_id(k) for k in sorted(keys)]
            fresh = next((c for c in candidates if c not in taken), None)
            fresh = fresh or f"{candidates[0]}-{len(taken)}"
            ids[index] = fresh
            taken.add(fresh)
    return ids
