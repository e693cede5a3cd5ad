"""Fusion rules for events other than meetings (docs/fusion.md, "Lone actors").

`attach_lone_actors` lets a one-actor report of a day ("British ministers expelled 23
diplomats on Wednesday") join the one event of that day in which its actor takes part with
others ("Britain expelled 23 Russian diplomats on Wednesday"). Block fusion alone keeps
them apart: a one-actor mention is only compared with one-actor mentions of its day
(`fuse.block_keys`). The types it applies to are data (`data/fusion.yaml`); meetings are
left to the block rules.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache

from .data import load_yaml
from .resolve.generic_actors import state_of

Key = tuple[str, int]
REPORTED_WINDOW = 3  # a `reported` date (the publication day) covers the days before it


def one_day_names(member) -> tuple[str, ...]:
    """The days a one-day mention may name: its day; for a publication window (`reported`
    from the day before the article to its day, `resolve.news_times.news_window`) each day of
    it, so "A resigned", published on Tuesday, meets "A resigned on Monday" and "... on
    Tuesday" alike (at most REPORTED_WINDOW + 1 days)."""
    if member.precision != "reported" or not member.date or len(member.date) != 10 or len(member.end_date or "") != 10:
        return (member.date,)
    first, last = dt.date.fromisoformat(member.date), dt.date.fromisoformat(member.end_date)
    if not 0 <= (last - first).days <= REPORTED_WINDOW:
        return (member.date,)
    return tuple((first + dt.timedelta(days=n)).isoformat() for n in range((last - first).days + 1))


def named_days(member) -> tuple[str, ...]:
    """The days a mention dated to one day names for the rules below: its day ("day", no
    range), or each day of its publication window (`one_day_names`: "Aland warned Bland",
    published on Tuesday, names Monday and Tuesday); none for coarser dates."""
    if not member.date or member.end_date == "open":
        return ()
    if member.precision == "day":
        return () if member.end_date else (member.date,)
    if member.precision == "reported" and member.end_date:
        days = one_day_names(member)
        return days if len(days) > 1 or member.end_date == member.date else ()
    return ()


def on_named_day(a, b, windows: bool = True) -> bool:
    """Two mentions name the very same day: both that day ("day"), or one that day and the
    other, from another article, a publication window holding it ("Aland expelled Bland's
    envoy on Monday" and "Aland expelled Bland's envoy" in Tuesday's paper); two windows
    alone name no day, and an article that gives one act its day and leaves another to its
    publication day tells of two acts ("X urged Y on Monday ... X has also asked Z").
    `windows` False: both "day" only."""
    if "day" not in (a.precision, b.precision) or not windows and a.precision != b.precision:
        return False
    if a.precision != b.precision and _same_article(a, b):
        return False
    return bool(set(named_days(a)) & set(named_days(b)))


@lru_cache(maxsize=1)
def sides_excluded_types() -> frozenset[str]:
    """Types whose reports never join across the two sides' countries (`data/fusion.yaml`)."""
    return frozenset(load_yaml("fusion.yaml").get("sides", {}).get("excluded_types", []))


def placed_on_its_sides(a, b) -> bool:
    """Two reports between states placed each in a country of its own actors ("Aland fired
    missiles at Bland", from Bland's capital and from Aland's): both places' countries are
    countries of actors both name, and no actor both reports name is a source in one and a
    target in the other ("Bland's reply" placed in Bland is another act)."""
    if a.type in sides_excluded_types() or not (a.place_country and b.place_country):
        return False
    shared = a.actor_ids & b.actor_ids
    countries = {x.country for m in (a, b) for x in m.actors if x.country and (state_of(x.id) or x.id) in shared}
    if not {a.place_country, b.place_country} <= countries:
        return False
    return not any(_opposed(_roles(a, actor), _roles(b, actor)) for actor in shared)


@lru_cache(maxsize=1)
def stand_in_excluded_types() -> frozenset[str]:
    """Types whose reports never join on a person standing for their state (`data/fusion.yaml`)."""
    return frozenset(load_yaml("fusion.yaml").get("stand_in", {}).get("excluded_types", []))


@lru_cache(maxsize=1)
def lone_actor_excluded_types() -> frozenset[str]:
    """Types whose one-actor mentions never attach (`data/fusion.yaml`)."""
    return frozenset(load_yaml("fusion.yaml").get("lone_actor", {}).get("excluded_types", []))


def attach_lone_actors(
    members: Mapping[Key, object], groups: Iterable[Sequence[Key]], agree: Callable, one_day: frozenset[str],
    windows: bool = True,
) -> list[tuple[Key, Key]]:
    """Pairs of keys to union: each group made only of one-actor mentions (one actor, one
    day) and the single other group that has a member of two or more actors naming that
    actor, of its type, on the very day and at the very place one of them names (`_same_day`),
    and no member naming the actor that disagrees (`_joins`). With no such group, or two, the
    group stays apart (it never bridges two events). Decided on the groups as given, so the order is irrelevant.
    `agree` and `one_day` are the block rules' own (`fuse._agree`, `fuse.ONE_DAY`); `windows`
    False: the anchor names the day itself (`fuse.join_by_rules` asks that first)."""

    groups = [list(g) for g in groups]
    excluded = lone_actor_excluded_types()
    # who takes part in the multi-actor groups: (type, actor id) -> indexes of groups
    by_actor: dict[tuple[str, str], set[int]] = defaultdict(set)
    for index, group in enumerate(groups):
        for key in group:
            member = members[key]
            if len(member.actor_ids) >= 2 and member.type not in excluded:
                for actor in member.actor_ids:
                    by_actor[(member.type, actor)].add(index)
    pairs = []
    for index, group in enumerate(groups):
        lone = [members[k] for k in group]
        if not all(_lone(m, one_day) for m in lone) or lone[0].type in excluded:
            continue
        (actor,) = lone[0].actor_ids
        fits = {
            other
            for other in by_actor.get((lone[0].type, actor), ())
            if other != index and all(_joins(m, members[k], actor, agree) for m in lone for k in groups[other])
            and any(_same_day(m, members[k], actor, windows) for m in lone for k in groups[other])
        }
        if len(fits) == 1:
            pairs.append((group[0], groups[fits.pop()][0]))
    return pairs


def _lone(member, one_day: frozenset[str]) -> bool:
    """One actor and one day: the mentions single-actor blocks hold; not one where the actor
    is both source and target ("the army's attack on Aland, Aland said": a misreading)."""
    if len(member.actor_ids) != 1 or member.precision not in one_day or member.span is None:
        return False
    return not {"source", "target"} <= _roles(member, next(iter(member.actor_ids)))


def _joins(lone, other, actor: str, agree) -> bool:
    """No member of the other group contradicts the lone mention: members naming its actor
    agree with it (type, modality group, channel, place), give it the same side (a source
    is no target) and overlap its day."""
    if actor not in other.actor_ids:
        return True
    if not agree(lone, other) or (lone.place and other.place and lone.place != other.place):
        return False
    if _opposed(_roles(lone, actor), _roles(other, actor)):
        return False  # "X urged Y" and "Z urged X" are two acts
    return other.span is None or (other.span[0] <= lone.span[1] and lone.span[0] <= other.span[1])


def _roles(member, actor: str) -> set[str]:
    """The roles a member gives an actor (a state organ counts as its state)."""
    return {a.role for a in member.actors if a.id and (state_of(a.id) or a.id) == actor}


def _opposed(roles: set[str], others: set[str]) -> bool:
    """A source on one side, a target on the other (participants fit both)."""
    sides, other_sides = roles - {"participant"}, others - {"participant"}
    return bool(sides and other_sides and not sides & other_sides)


def _same_day(lone, other, actor: str, windows: bool = True) -> bool:
    """The anchor of an attachment: a member of two or more actors, its actor among them,
    that names the very day the lone mention names ("day", not a publication day or a
    range; the anchor's may be a publication window holding it: `on_named_day`) at the very
    same place (both placed), or, for a lone mention with no place, a member of its own
    article (`_same_article`: the article restating its event)."""
    return (
        actor in other.actor_ids and len(other.actor_ids) >= 2
        and lone.precision == "day" and on_named_day(lone, other, windows)
        and (lone.place == other.place if lone.place else _same_article(lone, other))
    )


def _same_article(member, other) -> bool:
    """Both come from one article (or from near-duplicates of one)."""
    return (member.canonical or member.article) == (other.canonical or other.article)


def link_keys(member) -> list[tuple]:
    """Keys that reach, in an incremental fusion, every mention a lone mention may attach to
    (`fuse._scope`): type, each actor and each day it names (`named_days`: a day, or the
    days of a publication window); and every mention that names by its state a person this
    one names, or the reverse (`attach_stand_ins`)."""
    keys = []
    for day in named_days(member):
        if member.type not in lone_actor_excluded_types():
            keys += [("lone", member.type, actor, day) for actor in sorted(member.actor_ids)]
        if _day_event(member):
            own = [_own_key(member, day)] + [k for k, _, _ in _stand_in_keys(member, day)]
            keys += [("stand", *key[:2], tuple(sorted(key[2]))) for key in own]
    return keys


# ---- a person standing for their state ---------------------------------------------------


def attach_stand_ins(
    members: Mapping[Key, object], groups: Iterable[Sequence[Key]], agree: Callable, windows: bool = True
) -> list[tuple[Key, Key]]:
    """Pairs of keys to union: an event that names a person ("Alpha's president warned Bland
    on Monday") and the one event that names, on that very day, the person's state in the
    person's place, everyone else the same ("Aland warned Bland on Monday"). Both name that
    day (`on_named_day`: both "day", or one of them a publication window holding the
    other's day: "Aland warned Bland" in Tuesday's paper) and at least two actors; members agree (type, modality group,
    channel, place) and give each actor the same side. A group with two such candidates, or
    a state's event claimed by two different persons, joins nothing (it would bridge
    events). Meetings keep the block rules (`data/fusion.yaml` `stand_in`). `windows` False:
    both name the day itself (`fuse.join_by_rules` asks that first)."""
    groups = [list(g) for g in groups]
    own: dict[tuple, list[tuple[int, object]]] = defaultdict(list)
    for index, group in enumerate(groups):
        for key in group:
            if _day_event(members[key]):
                for day in named_days(members[key]):
                    own[_own_key(members[key], day)].append((index, members[key]))
    candidates: dict[int, set[int]] = defaultdict(set)
    persons: dict[int, set[str]] = defaultdict(set)
    for index, group in enumerate(groups):
        for key in group:
            member = members[key]
            if not _day_event(member):
                continue
            stand_keys = [found for day in named_days(member) for found in _stand_in_keys(member, day)]
            for stand_key, person, country in stand_keys:
                for other, state_member in own.get(stand_key, ()):
                    if other == index or not on_named_day(member, state_member, windows):
                        continue
                    if _stands_for(member, state_member, person, country, agree):
                        candidates[index].add(other)
                        persons[other].add(person)
    pairs = []
    for index, others in sorted(candidates.items()):
        if len(others) == 1 and len(persons[next(iter(others))]) == 1:
            pairs.append((groups[index][0], groups[next(iter(others))][0]))
    return pairs


def _day_event(member) -> bool:
    """Two or more actors on one named day (`named_days`), of a type the rule applies to."""
    return member.type not in stand_in_excluded_types() and bool(named_days(member)) and len(member.actor_ids) >= 2


def _own_key(member, day: str) -> tuple:
    return (member.type, day, member.actor_ids)


def _stand_in_keys(member, day: str) -> list[tuple[tuple, str, str]]:
    """The keys (`_own_key`) the member would have with one of its persons named by their
    country, with that person and country: "Alpha warned Bland" -> (Aland, Bland)."""
    keys = []
    for actor in member.actors:
        if actor.kind == "person" and actor.id and actor.country and actor.country not in member.actor_ids:
            ids = (member.actor_ids - {actor.id}) | {actor.country}
            keys.append(((member.type, day, frozenset(ids)), actor.id, actor.country))
    return keys


def _stands_for(member, state_member, person: str, country: str, agree) -> bool:
    """The state's member agrees with the person's and gives every actor the same side (the
    country the person's side)."""
    if not agree(member, state_member) or person in state_member.actor_ids:
        return False
    if _opposed(_roles(member, person), _roles(state_member, country)):
        return False
    shared = member.actor_ids & state_member.actor_ids
    return not any(_opposed(_roles(member, actor), _roles(state_member, actor)) for actor in shared)
