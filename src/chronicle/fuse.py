"""Fusion: one event, many reports.

`cluster` groups event mentions (one `Member` each) that report the same real-world
happening; `fuse_record.fused_event` computes an event's best date, place, actors and
counts from its members (`fuse_ids.assign_ids` keeps event ids stable across runs). Pure:
records in, records out; `store/fusion.py` reads the members from the store and writes the
events back (`fuse`). See docs/fusion.md.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property
from itertools import combinations

from .dates import date_bounds, weekday_names
from .fuse_rules import REPORTED_WINDOW, attach_lone_actors, attach_stand_ins, one_day_names, placed_on_its_sides
from .model import HAPPENED, FusedActor, MentionKey
from .resolve.generic_actors import state_of

Key = MentionKey  # (article content id, event_mentions.idx)
ONE_DAY = frozenset({"day", "reported"})  # precisions that name one day (the text's, or the article's)
# Coarser dates attach to finer ones: a member's level is the rank of its precision.
LEVELS = ("day", "reported", "week", "month", "year", "vague")
# an undated mention tells of a meeting no later than its article: it joins another mention
# only when its article appeared within this many days after that one's date (or article)
UNDATED_DAYS = 31
SAME_WORDS = 0.8  # without publication dates, undated mentions join on near-identical words (wire copies)
# an undated mention on a page with no publication date joins a dated event of its two persons
# at its place only when that event is dated to a day (or a stay of at most this many days)
UNDATED_PAGE_SPAN_DAYS = 7


@dataclass(frozen=True)
class Member:
    """One event mention as fusion sees it."""

    key: Key
    type: str
    mode: str | None
    modality: str
    date: str | None
    end_date: str | None
    precision: str
    confidence: float
    actors: tuple[FusedActor, ...] = ()
    place: str | None = None
    place_country: str | None = None
    place_kind: str | None = None
    canonical: str | None = None  # the article, or the one it near-duplicates
    outlet: str | None = None  # the outlet, else the URL host
    text: str | None = None  # the first evidence sentence
    published: dt.date | None = None  # its article's publication day

    @property
    def article(self) -> str:
        return self.key[0]

    @cached_property
    def span(self) -> tuple[dt.date, dt.date] | None:
        """The days its date allows (`interval`), computed once."""
        return interval(self)

    @cached_property
    def actor_ids(self) -> frozenset[str]:
        """Who takes part, a state organ ("police (Uganda)") as its state ("UGA")."""
        return frozenset(state_of(actor.id) or actor.id for actor in self.actors if actor.id)


def interval(member: Member) -> tuple[dt.date, dt.date] | None:
    """The days a member's date allows, at its precision; None when undated (read it as
    `member.span`: computed once)."""
    if not member.date or member.end_date == "open":
        return None
    bounds = date_bounds(member.date)
    if bounds is None:
        return None
    first, last = bounds
    if member.precision == "reported":
        first -= dt.timedelta(days=REPORTED_WINDOW)
    if member.precision == "week" and len(member.date) == 10:
        last = first + dt.timedelta(days=6)
    if member.end_date:
        end = date_bounds(member.end_date)
        if end is not None and end[1] > last:
            last = end[1]
    return first, last


def level(member: Member) -> int:
    """0 for the finest dates, up to len(LEVELS) for undated members."""
    if member.span is None:
        return len(LEVELS)
    return LEVELS.index(member.precision) if member.precision in LEVELS else len(LEVELS) - 1


def _precision_rank(member: Member) -> int:
    """Higher is more precise; a range or a day is the most precise."""
    return len(LEVELS) - level(member)


def best_date(members: Sequence[Member]) -> Member | None:
    """The member whose date is the event's: the most precise date supported by the most
    members (whose periods contain it), ties by higher confidence, then the smallest key."""
    dated = [m for m in members if m.span is not None]
    if not dated:
        return None

    def support(candidate: Member) -> int:
        first, last = candidate.span
        return sum(1 for m in dated if m.span[0] <= first and last <= m.span[1])

    return min(
        dated,
        key=lambda m: (-_precision_rank(m), -support(m), -m.confidence, m.date, m.key),
    )


def _modality_group(modality: str) -> str:
    """Planned joins happened; negated and hypothetical stay apart from both."""
    return "occurs" if modality in HAPPENED or modality == "planned" else modality


def _agree(a: Member, b: Member) -> bool:
    """Everything but the date agrees: type, modality group, channel and place (the same
    place or country; for a report between states, a country of each side's own:
    `fuse_rules.placed_on_its_sides`)."""
    if a.type != b.type or _modality_group(a.modality) != _modality_group(b.modality):
        return False
    if (a.mode == "PHONE") != (b.mode == "PHONE"):
        return False
    other_country = not (a.place_country and a.place_country == b.place_country)
    return not (a.place and b.place and a.place != b.place and other_country) or placed_on_its_sides(a, b)


def _single(member: Member) -> bool:
    """One actor says little: such mentions fuse only on the very same day (`compatible`)."""
    return len(member.actor_ids) < 2


def compatible(a: Member, b: Member) -> bool:
    """Whether two mentions (of one block) may report the same event."""
    if not _agree(a, b):
        return False
    ia, ib = a.span, b.span
    if ia is None or ib is None:
        return False  # undated mentions: see `_place_undated`
    if _single(a) or _single(b):
        # two statements of one leader on overlapping dates are not one event unless both
        # name the same day, or one names the day the other's article appeared (and the same
        # place, if both have one)
        same_day = (
            {a.precision, b.precision} <= ONE_DAY and "day" in {a.precision, b.precision}
            and bool(set(one_day_names(a)) & set(one_day_names(b)))
        )
        return same_day and _single(a) and _single(b) and (not (a.place and b.place) or a.place == b.place)
    return ia[0] <= ib[1] and ib[0] <= ia[1]


# ---- clustering -------------------------------------------------------------------------


def block_keys(member: Member) -> list[tuple]:
    """Type and each pair of actor ids; a single actor's mention only with its day (it
    fuses with nothing else: `compatible`); none without actors."""
    ids = sorted(member.actor_ids)
    if len(ids) == 1:
        day = member.precision in ONE_DAY and member.date and member.end_date != "open"
        return [(member.type, ids[0], "", date) for date in one_day_names(member)] if day else []
    return [(member.type, *pair) for pair in combinations(ids, 2)]


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict = {}

    def find(self, item):
        self.parent.setdefault(item, item)
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a, b) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[list]:
        found = defaultdict(list)
        for item in self.parent:
            found[self.find(item)].append(item)
        return [sorted(group) for group in found.values()]


def block_clusters(block: Sequence, members: Sequence[Member]) -> list[list[Key]]:
    """The clusters of one block (its key as `block_keys` gives it, a tuple or a list), with
    the block's own rules: `cluster` and the Spark runner both call this."""
    return cluster_block(members, _persons_block(tuple(block), members))


def cluster_block(members: Sequence[Member], persons: bool = False) -> list[list[Key]]:
    """Clusters of one block, finest dates first; coarser members attach or group anew.

    A member attaches to an earlier cluster whose every member it is compatible with (the
    largest such cluster, then the one with the smallest key); members left over group
    among themselves by pairwise compatibility. Nothing depends on the input order.
    `persons`: the block is a pair of persons (`_undated_page_fit`).
    """
    by_level = defaultdict(list)
    for member in sorted(members, key=lambda m: m.key):
        by_level[level(member)].append(member)
    clusters: list[list[Member]] = []
    for rank in range(len(LEVELS) + 1):
        current = by_level.get(rank, [])
        if rank == len(LEVELS):
            clusters = _place_undated(clusters, current, persons)
            break
        if not current:
            continue
        attached: dict[int, list[Member]] = defaultdict(list)
        rest = []
        candidates = _Overlaps(clusters)
        for member in current:
            fits = [i for i in candidates.of(member) if all(compatible(member, x) for x in clusters[i])]
            if fits:
                best = min(fits, key=lambda i: (-len(clusters[i]), clusters[i][0].key))
                attached[best].append(member)
            else:
                rest.append(member)
        for index, extra in attached.items():
            clusters[index] = sorted(clusters[index] + extra, key=lambda m: m.key)
        clusters += _pairwise_groups(rest)
    return [[m.key for m in cluster] for cluster in clusters]


class _Overlaps:
    """The clusters a dated member may join: those whose members' periods all overlap its
    own, i.e. whose common period [latest first day, earliest last day] meets it. The
    common periods are sorted by start, so a lookup is a bisection over a window as wide as
    the longest common period."""

    def __init__(self, clusters: Sequence[Sequence[Member]]) -> None:
        common = []
        for index, cluster in enumerate(clusters):
            spans = [m.span for m in cluster]
            if all(spans):
                common.append((max(s[0] for s in spans), min(s[1] for s in spans), index))
        common.sort()
        self.common = common
        self.starts = [c[0] for c in common]
        self.widest = max((last - first for first, last, _ in common), default=dt.timedelta(0))

    def of(self, member: Member) -> list[int]:
        first, last = member.span
        low = bisect_left(self.starts, first - self.widest)
        high = bisect_right(self.starts, last)
        return sorted(index for start, end, index in self.common[low:high] if end >= first)


def _same_place(member: Member, other: Member) -> bool:
    """Undated mentions join only at the very same place, everything else compatible, and
    close in time (`_close_in_time`)."""
    return (
        bool(member.place) and member.place == other.place and _agree(member, other)
        and not (_single(member) or _single(other)) and _close_in_time(member, other)
    )


def _close_in_time(member: Member, other: Member) -> bool:
    """Strong evidence that an undated mention tells of the other's meeting: near-identical
    words; or the same actors and an article that appeared within UNDATED_DAYS after the
    other's date (the other undated too: of the other's article). Never across years."""
    if _same_words(member.text, other.text):
        return True
    if member.actor_ids != other.actor_ids or member.published is None:
        return False
    window = dt.timedelta(days=UNDATED_DAYS)
    if other.span is not None:
        first, last = other.span
        return first - dt.timedelta(days=REPORTED_WINDOW) <= member.published <= last + window
    return other.published is not None and abs(member.published - other.published) <= window


def _same_words(text: str | None, other: str | None) -> bool:
    """Near-identical wording: the Jaccard overlap of the two sentences' words."""
    words, others = set(re.findall(r"\w+", (text or "").lower())), set(re.findall(r"\w+", (other or "").lower()))
    return bool(words and others) and len(words & others) / len(words | others) >= SAME_WORDS


def _place_undated(clusters: list[list[Member]], undated: list[Member], persons: bool = False) -> list[list[Member]]:
    """An undated mention joins the one cluster of its block with a member at its place
    (none or several: it does not); the rest group by place, or stay alone without one.
    In a block of two persons, a mention from a page with no publication date may also join
    the block's only event at its place (only one that happened, for a report) on the
    evidence of `_undated_page_fit`."""
    at_place: dict[str, list[int]] = defaultdict(list)
    for index, cluster in enumerate(clusters):
        for place in sorted({m.place for m in cluster if m.place}):
            at_place[place].append(index)
    attached: dict[int, list[Member]] = defaultdict(list)
    rest = []
    for member in undated:
        here = at_place.get(member.place, ()) if member.place else ()
        fits = [i for i in here if any(_same_place(member, x) for x in clusters[i])]
        if not fits and persons and member.published is None:
            # a report weighs only events that happened (a preview's day may be wrong)
            happened = [i for i in here if member.modality not in HAPPENED or any(x.modality in HAPPENED for x in clusters[i])]
            fits = [i for i in happened if _undated_page_fit(member, clusters[i])] if len(happened) == 1 else []
        if len(fits) == 1:
            attached[fits[0]].append(member)
        else:
            rest.append(member)
    for index, extra in attached.items():
        clusters[index] = sorted(clusters[index] + extra, key=lambda m: m.key)
    found = _UnionFind()
    by_place: dict[str | None, list[Member]] = defaultdict(list)
    for member in rest:
        found.find(member.key)
        for other in by_place[member.place] if member.place else ():
            if _same_place(member, other):
                found.union(member.key, other.key)
        by_place[member.place].append(member)
    by_key = {m.key: m for m in rest}
    return clusters + [[by_key[k] for k in group] for group in sorted(found.groups())]


def _persons_block(block: tuple, members: Sequence[Member]) -> bool:
    """Whether a block's pair of actors are both persons (not a state beside its leader)."""
    pair = set(block[1:3])
    kinds = {actor.id: actor.kind for member in members for actor in member.actors if actor.id in pair}
    return len(pair) == 2 and all(kinds.get(actor_id) == "person" for actor_id in pair)


def _undated_page_fit(member: Member, cluster: Sequence[Member]) -> bool:
    """Strong evidence that an undated mention from a page with no publication date tells of
    this event (the only one of its two persons at its place, checked by the caller): the
    event is dated to a day (or a stay of at most UNDATED_PAGE_SPAN_DAYS, `best_date`) that
    said it happened, every member at that place agrees with the mention, and a weekday the
    mention names ("on Sunday") is one of the event's days."""
    at_place = [x for x in cluster if x.place == member.place]
    if not all(_agree(member, x) and not _single(x) for x in at_place) or _single(member):
        return False
    happened = [x for x in cluster if x.modality in HAPPENED] or list(cluster)
    dated = best_date(happened)
    if dated is None or dated.precision not in ONE_DAY and not dated.end_date:
        return False
    first, last = dated.span
    if dated.precision == "reported":
        first = last - dt.timedelta(days=1)  # the publication day or the day before it
    if (last - first).days >= UNDATED_PAGE_SPAN_DAYS:
        return False
    named = _weekdays_named(member.text)
    days = {(first + dt.timedelta(days=n)).weekday() for n in range((last - first).days + 1)}
    return not named or bool(named & days)


def _weekdays_named(text: str | None) -> set[int]:
    """The weekdays a sentence names in full ("on Sunday")."""
    names = weekday_names()
    return {names[word] for word in re.findall(r"[a-z]+", (text or "").lower()) if word in names}


def _pairwise_groups(members: list[Member]) -> list[list[Member]]:
    """Connected components of pairwise compatibility (a sweep over date intervals)."""
    ordered = sorted(members, key=lambda m: (m.span, m.key))
    found = _UnionFind()
    active: list[tuple[dt.date, Member]] = []
    for member in ordered:
        first, last = member.span
        found.find(member.key)
        active = [(end, other) for end, other in active if end >= first]
        for _, other in active:
            if compatible(member, other):
                found.union(member.key, other.key)
        active.append((last, member))
    by_key = {m.key: m for m in members}
    return [[by_key[k] for k in group] for group in sorted(found.groups())]


def cluster(members: Iterable[Member], dated: Mapping[Key, Member] | None = None) -> list[list[Key]]:
    """Group mentions into events: per block, then merged across blocks that share a member.

    `dated`: members as their page's fused events date them (`with_page_day`), compared
    inside their blocks instead of themselves; blocks and the rules beyond them read the
    members as their own words date them. Returns each event's member keys, sorted;
    events sorted by their smallest key.
    """
    members = {m.key: m for m in members}
    dated = dated or {}
    blocks = defaultdict(list)
    found = _UnionFind()
    for member in members.values():
        found.find(member.key)
        for block in block_keys(member):
            blocks[block].append(dated.get(member.key, member))
    for block in sorted(blocks):
        for group in block_clusters(block, blocks[block]):
            for key in group[1:]:
                found.union(group[0], key)
    return join_by_rules(members, found.groups())


def with_page_day(member: Member, fields: Mapping[str, str | None]) -> Member | None:
    """The member as the day fusion gave it (`fuse_dates.page_dates`' `fields`) dates it,
    for `cluster`'s `dated`: only a member of two or more actors (its blocks do not depend
    on its date; a lone actor's block is its day), else None."""
    if len(member.actor_ids) < 2 or not fields.get("date"):
        return None
    return dataclasses.replace(member, date=fields["date"], end_date=fields.get("end_date"), precision=fields["date_precision"])


def join_by_rules(members: Mapping[Key, Member], groups: Iterable[Sequence[Key]]) -> list[list[Key]]:
    """The block clusters (`groups`: every member in one) joined by the rules beyond the
    blocks: a lone actor's report to its day's event (`fuse_rules.attach_lone_actors`), then
    a person's report to their state's (`attach_stand_ins`), on the very day, then again
    with publication windows holding the day. `cluster` and the Spark runner
    both call this (Spark on each piece of clusters its `fuse_rules.link_keys` connect, which
    hold every candidate of these rules). Sorted like `cluster`'s result."""
    found = _UnionFind()
    for group in groups:
        for key in group:
            found.union(group[0], key)
    # the very day first; a publication window holding it only for what the day left apart
    # (a window's claim never cancels a join of the day as a second candidate would)
    for windows in (False, True):
        for a, b in attach_lone_actors(members, found.groups(), _agree, ONE_DAY, windows):
            found.union(a, b)
        for a, b in attach_stand_ins(members, found.groups(), _agree, windows):
            found.union(a, b)
    return sorted(found.groups())
