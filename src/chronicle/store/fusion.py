"""Fusion's store I/O: read the event mentions to fuse, write the fused events back.

`fuse` re-fuses, in one transaction, the blocks the given articles touch (every mention
when none are given): it reads the members (`MEMBER_SQL`, `member_from_row`), clusters them
and makes their events with `chronicle.fuse` (pure), keeps the stored events' ids where
their members carry over, replaces the events it re-fused, and stores the days those
events give the undated mentions of the articles it touched (`member_dates`). See docs/fusion.md.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..fuse import Key, Member, block_keys, cluster, with_page_day
from ..fuse_record import fused_event
from ..fuse_ids import assign_ids
from ..fuse_rules import link_keys
from ..model import FusedActor
from .duckdb_store import Store
from .member_dates import date_members
from .rows import event_members_table, events_table
from .schema import transaction


@dataclass
class FuseReport:
    mentions: int = 0  # mentions re-fused
    events: int = 0  # events written
    removed: int = 0  # events replaced
    dated: int = 0  # mentions of the re-fused articles that take a day from their event (fuse_dates.py)


# The columns of a fusion member (the Spark runner selects the same ones: runners/spark.py).
MEMBER_SQL = """
    SELECT e.id, e.idx, e.type, e.mode, e.modality, e.date, e.end_date, e.date_precision,
           e.confidence, e.actors, e.place, p.country AS place_country, p.kind AS place_kind,
           coalesce(a.near_duplicate_of, a.id) AS canonical, a.outlet, a.url,
           e.evidence[1].text AS text, a.published
    FROM event_mentions e JOIN articles a USING (id) LEFT JOIN places p ON p.id = e.place
"""


def member_from_row(row) -> Member:
    """A fusion member from a row of `MEMBER_SQL` (a dict, or a Spark `Row`)."""
    outlet = row["outlet"] or (urlsplit(row["url"]).hostname if row["url"] else None)
    return Member(
        key=(row["id"], row["idx"]),
        type=row["type"],
        mode=row["mode"],
        modality=row["modality"],
        date=row["date"],
        end_date=row["end_date"],
        precision=row["date_precision"],
        confidence=row["confidence"],
        actors=tuple(FusedActor(a["id"], a["name"], a["kind"], a["role"], a["country"]) for a in row["actors"]),
        place=row["place"],
        place_country=row["place_country"],
        place_kind=row["place_kind"],
        canonical=row["canonical"],
        outlet=outlet.lower() if outlet else None,
        text=row["text"],
        published=_day(row["published"]),
    )


def _day(value) -> dt.date | None:
    """A publication day from a store row (a date, an ISO string, or nothing)."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _scope(store: Store, articles: Sequence[str]) -> tuple[set[Key], set[str]]:
    """The mentions to re-fuse (every block the articles touch, closed over shared members
    and existing events; a page with no publication date whole, as its main event dates its
    other mentions: `fuse_dates.page_dates`) and the existing events they replace."""
    light = store.con.execute(
        "SELECT e.id, e.idx, e.type, e.date, e.end_date, e.date_precision, [x.id FOR x IN e.actors],"
        " [x.kind FOR x IN e.actors], [x.country FOR x IN e.actors], a.published IS NULL"
        " FROM event_mentions e JOIN articles a USING (id)"
    ).fetchall()
    members_of_block: dict[tuple, list[Key]] = defaultdict(list)
    blocks_of: dict[Key, list[tuple]] = {}
    for article, idx, type_, date, end_date, precision, ids, kinds, countries, undated_page in light:
        key = (article, idx)
        actors = tuple(FusedActor(i, "", k, "", c) for i, k, c in zip(ids, kinds, countries) if i)
        fake = Member(key, type_, None, "", date, end_date, precision, 0.0, actors)
        blocks_of[key] = block_keys(fake) + link_keys(fake) + ([("page", article)] if undated_page else [])
        for block in blocks_of[key]:
            members_of_block[block].append(key)
    event_of: dict[Key, str] = {}
    keys_of: dict[str, list[Key]] = defaultdict(list)
    for event_id, article, idx in store.con.execute("SELECT event_id, article, idx FROM event_members").fetchall():
        event_of[(article, idx)] = event_id
        keys_of[event_id].append((article, idx))
    wanted = set(articles)
    todo = [k for k in blocks_of if k[0] in wanted] + [k for k in event_of if k[0] in wanted]
    seen_keys: set[Key] = set()
    seen_blocks: set[tuple] = set()
    events: set[str] = set()
    while todo:
        key = todo.pop()
        if key in seen_keys:
            continue
        seen_keys.add(key)
        event_id = event_of.get(key)
        if event_id is not None and event_id not in events:
            events.add(event_id)
            todo += keys_of[event_id]
        for block in blocks_of.get(key, ()):
            if block not in seen_blocks:
                seen_blocks.add(block)
                todo += members_of_block[block]
    return {k for k in seen_keys if k in blocks_of}, events


def _member_rows(store: Store, articles: Sequence[str] | None) -> tuple[list[dict], set[str] | None]:
    """The member rows to re-fuse and the stored events they replace (None: all of them)."""
    if articles is None or not store.con.execute("SELECT count(*) FROM event_members").fetchone()[0]:
        return store.query(MEMBER_SQL), None
    scope, old_events = _scope(store, articles)
    if not scope and not old_events:
        return [], set()
    ids = sorted({article for article, _ in scope})
    rows = store.query(MEMBER_SQL + " WHERE e.id IN (SELECT unnest(?))", [ids])
    return [row for row in rows if (row["id"], row["idx"]) in scope], old_events


def fuse(store: Store, articles: Sequence[str] | None = None) -> FuseReport:
    """(Re)fuse the events of the blocks the given articles touch (all when None), in one
    transaction: replaced events keep their ids where their members carry over. Then the
    days those events give the undated mentions of the articles touched are stored, and
    the blocks are clustered again with those days (`fuse.cluster`'s `dated`): a page's
    mentions dated through its fused main event join the events of that day."""
    report = FuseReport()
    with transaction(store.con):
        rows, old_events = _member_rows(store, articles)
        if not rows and old_events == set():
            return report
        members = {(row["id"], row["idx"]): member_from_row(row) for row in rows}
        old, age = _old_events(store, old_events)
        touched = None if old_events is None else sorted({key[0] for key in members})
        clusters = cluster(members.values())
        events = _write_events(store, members, clusters, (old, age), old_events)
        report.dated = date_members(store, touched)
        dated = _page_dated(store, members)
        again = cluster(members.values(), dated) if dated else clusters
        if again != clusters:
            events = _write_events(store, members, again, (old, age), sorted(event.id for event in events))
            report.dated = date_members(store, touched)
        report.mentions, report.events, report.removed = len(members), len(events), len(old)
    return report


def _write_events(store: Store, members: dict, clusters: list, old: tuple, removed) -> list:
    """The fused events of `clusters`, with ids kept from the `old` events (their members,
    their creation times), written in place of the `removed` ones (all when None)."""
    events = [
        dataclasses.replace(fused_event([members[k] for k in keys]), id=event_id)
        for keys, event_id in zip(clusters, assign_ids(clusters, *old))
    ]
    store.replace_events(None if removed is None else sorted(removed), events_table(events, old[1]), event_members_table(events))
    return events


def _page_dated(store: Store, members: dict) -> dict:
    """The members of two or more actors as the days just stored for them date them
    (`fuse.with_page_day`), by key."""
    articles = sorted({key[0] for key in members})
    rows = store.query(
        "SELECT article, idx, date, end_date, date_precision FROM event_members "
        "WHERE date IS NOT NULL AND article IN (SELECT unnest(?))",
        [articles],
    )
    dated = {}
    for row in rows:
        key = (row["article"], row["idx"])
        found = with_page_day(members[key], row) if key in members else None
        if found is not None:
            dated[key] = found
    return dated


def _old_events(store: Store, events: set[str] | None) -> tuple[dict[str, set[Key]], dict[str, object]]:
    """Existing events (all when None): their member keys and creation times."""
    where, params = ("", []) if events is None else ("WHERE m.event_id IN (SELECT unnest(?))", [sorted(events)])
    old: dict[str, set[Key]] = defaultdict(set)
    age = {}
    for event_id, article, idx, created in store.con.execute(
        f"SELECT m.event_id, m.article, m.idx, e.created_at FROM event_members m "
        f"JOIN events e ON e.id = m.event_id {where}",
        params,
    ).fetchall():
        old[event_id].add((article, idx))
        age[event_id] = created
    return dict(old), age
