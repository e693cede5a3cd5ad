"""The fused record: the event a cluster of mentions makes (`fused_event`), with its best
date and place (and the mention each came from), its actors by majority, its modality and
its summary. Pure: the members `fuse.cluster` grouped in, an `Event` out (its id is
assigned by `fuse_ids.assign_ids`). See docs/fusion.md.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from .fuse import Member, best_date
from .fuse_ids import mention_ref
from .model import HAPPENED, Event, FusedActor

SUMMARY_CHARS = 240


def best_place(members: Sequence[Member]) -> Member | None:
    """The member whose place is the event's: the most common city, else the most common
    place of any kind; ties by higher confidence, then the smallest key."""
    placed = [m for m in members if m.place]
    cities = [m for m in placed if m.place_kind == "city"] or placed
    if not cities:
        return None
    counts = Counter(m.place for m in cities)
    return min(cities, key=lambda m: (-counts[m.place], -m.confidence, m.place, m.key))


def fused_actors(members: Sequence[Member]) -> tuple[FusedActor, ...]:
    """The union of the members' actors; each role by majority (ties: participant, then name)."""
    roles: dict[str, Counter] = defaultdict(Counter)
    names: dict[str, Counter] = defaultdict(Counter)
    first: dict[str, FusedActor] = {}
    for member in sorted(members, key=lambda m: m.key):
        for actor in member.actors:
            roles[actor.id][actor.role] += 1
            names[actor.id][actor.name] += 1
            first.setdefault(actor.id, actor)
    actors = []
    for actor_id in sorted(first, key=lambda i: (-sum(roles[i].values()), i)):
        counts = roles[actor_id]
        top = max(counts.values())
        tied = sorted(role for role, n in counts.items() if n == top)
        role = "participant" if "participant" in tied else tied[0]
        name = _most_common(names[actor_id])
        actor = first[actor_id]
        actors.append(FusedActor(actor_id, name, actor.kind, role, actor.country))
    return tuple(actors)


def _most_common(values: Iterable | Counter):
    """The most frequent value (of an iterable, or of a Counter), the smallest on ties; None
    when there is none."""
    counts = Counter(values)
    return min(counts.items(), key=lambda item: (-item[1], item[0]))[0] if counts else None


def _modality(members: Sequence[Member]) -> str:
    """reported once any member says it happened; else planned; else what they share."""
    modalities = {m.modality for m in members}
    if modalities & HAPPENED:
        return "reported"
    if "planned" in modalities:
        return "planned"
    return min(modalities)


def _summary(members: Sequence[Member], dated: Member | None) -> str | None:
    """The best evidence sentence: from a member saying it happened, at the best date,
    most confident first; whitespace collapsed, trimmed."""
    best_date_value = dated.date if dated else None
    ranked = sorted(
        (m for m in members if m.text),
        key=lambda m: (m.modality not in HAPPENED, m.date != best_date_value, -m.confidence, m.key),
    )
    if not ranked:
        return None
    text = re.sub(r"\s+", " ", ranked[0].text).strip()
    return text if len(text) <= SUMMARY_CHARS else text[: SUMMARY_CHARS - 1].rstrip() + "…"


def fused_event(members: Sequence[Member]) -> Event:
    """The event a cluster of mentions makes (its id is assigned by `assign_ids`)."""
    members = sorted(members, key=lambda m: m.key)
    # what happened is dated and placed by the reports that say so; a preview's date and
    # venue ("will visit him at the White House") only when none of them gives one
    happened = [m for m in members if m.modality in HAPPENED]
    dated = best_date(happened) or best_date(members)
    placed = best_place(happened) or best_place(members)
    ends = [m.end_date for m in members if dated and m.date == dated.date and m.end_date and m.end_date != "open"]
    return Event(
        type=members[0].type,
        mode=_most_common(m.mode for m in members if m.mode),
        modality=_modality(members),
        date=dated.date if dated else None,
        end_date=_most_common(ends),
        date_precision=dated.precision if dated else "vague",
        place=placed.place if placed else None,
        confidence=max(m.confidence for m in members),
        actors=fused_actors(members),
        mentions=len(members),
        articles=len({m.canonical or m.article for m in members}),
        outlets=len({m.outlet for m in members if m.outlet}),
        summary=_summary(members, dated),
        date_from=mention_ref(dated.key) if dated else None,
        place_from=mention_ref(placed.key) if placed else None,
        members=tuple(m.key for m in members),
    )
