"""Fused events: lists, counts, one event, timelines, a stream of every event (for the
server's catalog and exports), the places of events (for a map), and the articles and
evidence behind an event."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from ..errors import ChronicleError, NotFound
from ..kb import KnowledgeBase
from ..store import Store
from . import shapes
from .actors import actor_ids, kb_of
from .articles import resolve_article
from .filters import EventFilters, Selector, event_selector, timeline_selector
from .sql import count, event_period_sql, limit_sql, require_table, where_sql

EVENTS_SQL = f"SELECT v.*, {shapes.PLACE_SQL} FROM events v LEFT JOIN places p ON p.id = v.place"
SOURCES_SQL = """
    SELECT m.event_id, m.article, m.idx, a.article_id, a.url, a.published, a.published_month,
           e.start, e."end", e.evidence[1].text AS text
    FROM event_members m JOIN event_mentions e ON e.id = m.article AND e.idx = m.idx
    JOIN articles a ON a.id = m.article
"""


def selector(store: Store, kb: KnowledgeBase | None, filters: EventFilters) -> Selector:
    """`filters` resolved against the store (and the KB, for actor names)."""
    require_table(store, "events", "fused events", "fuse them")
    return event_selector(filters, lambda ref: actor_ids(store, kb, ref))


def list_events(
    store: Store, *, limit: int | None = None, offset: int = 0, kb: KnowledgeBase | None = None, **filters
) -> list[dict]:
    """Fused events with `EventFilters`, in the contract's shape, by date (undated last),
    with every mention behind them as a source; `modality` "reported" or "historical" both
    select events that happened. `offset` skips that many (paging)."""
    return select_events(store, selector(store, kb, EventFilters(**filters)), limit, offset)


def count_events(store: Store, *, kb: KnowledgeBase | None = None, **filters) -> int:
    """How many fused events `list_events` lists with these filters and no limit."""
    clauses, params = selector(store, kb, EventFilters(**filters)).sql("v")
    return count(store, f"SELECT count(*) FROM events v {where_sql(clauses)}", params)


def get_event(store: Store, event_id: str) -> dict:
    """One fused event by its id, in the contract's shape with its sources."""
    found = _events(store, ["v.id = ?"], [event_id], 1) if store.has_table("events") else []
    if not found:
        raise NotFound(f"no event {event_id!r} in the store")
    return found[0]


def get_events(store: Store, event_ids: Sequence[str]) -> list[dict]:
    """Fused events by id, in the order given (ids that name nothing are left out)."""
    if not event_ids or not store.has_table("events"):
        return []
    found = {record["id"]: record for record in _events(store, ["v.id IN (SELECT unnest(?))"], [list(event_ids)], None)}
    return [found[event_id] for event_id in event_ids if event_id in found]


def latest_events(store: Store, number: int) -> list[dict]:
    """The `number` most recent dated events, newest first."""
    if not store.has_table("events"):
        return []
    rows = store.query(f"SELECT id FROM events WHERE date IS NOT NULL ORDER BY date DESC, id LIMIT {int(number)}")
    return get_events(store, [row["id"] for row in rows])


def timeline(
    store: Store,
    actors: list[str],
    type: str | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    planned: bool = False,
    undated: bool = False,
    kb: KnowledgeBase | None = None,
) -> list[dict]:
    """The fused events every given actor takes part in, by date: events that happened
    (and planned ones with `planned`), dated ones (and undated with `undated`)."""
    if not actors:
        raise ChronicleError("a timeline needs at least one actor")
    kb = kb if kb is not None else kb_of(store)
    require_table(store, "events", "fused events", "fuse them")
    wanted = timeline_selector(
        actors, lambda ref: actor_ids(store, kb, ref), type=type, since=since, until=until, planned=planned, undated=undated
    )
    return select_events(store, wanted, None)


def select_events(store: Store, selector: Selector, limit: int | None, offset: int = 0) -> list[dict]:
    """The fused events a resolved `Selector` keeps, by date (undated last), then id."""
    clauses, params = selector.sql("v")
    return _events(store, clauses, params, limit, offset)


def _events(store: Store, clauses: list[str], params: list, limit: int | None, offset: int = 0) -> list[dict]:
    rows = store.query(
        f"{EVENTS_SQL} {where_sql(clauses)} ORDER BY v.date NULLS LAST, v.id {limit_sql(limit, offset)}", params
    )
    if not rows:
        return []
    sources = store.query(
        f"{SOURCES_SQL} WHERE m.event_id IN (SELECT unnest(?)) ORDER BY a.published NULLS LAST, a.article_id, m.idx",
        [[row["id"] for row in rows]],
    )
    by_event: dict[str, list[dict]] = {}
    for source in sources:
        by_event.setdefault(source["event_id"], []).append(source)
    return [shapes.event(row, by_event.get(row["id"], [])) for row in rows]


def event_index(store: Store) -> list[tuple[str, dt.date | None, dt.date | None]]:
    """(id, first day, last day of its period) of every fused event, in `list_events`
    order: by date (undated last), then id."""
    if not store.has_table("events"):
        return []
    first, last = event_period_sql("v")
    return store.con.execute(f"SELECT v.id, {first}, {last} FROM events v ORDER BY v.date NULLS LAST, v.id").fetchall()


def iter_all_events(store: Store, batch: int = 2_000) -> Iterator[dict]:
    """Every fused event in the contract's shape, by id, streamed: one ordered scan of the
    events and one of their sources, merged (memory stays a batch's worth)."""
    events = store.con.cursor().execute(f"{EVENTS_SQL} ORDER BY v.id")
    sources = store.con.cursor().execute(f"{SOURCES_SQL} ORDER BY m.event_id, a.published NULLS LAST, a.article_id, m.idx")
    pending = _rows(sources, batch)
    source = next(pending, None)
    for row in _rows(events, batch):
        mine = []
        while source is not None and source["event_id"] <= row["id"]:
            if source["event_id"] == row["id"]:  # (a member of no event cannot happen: members follow events)
                mine.append(source)
            source = next(pending, None)
        yield shapes.event(row, mine)


def _rows(cursor, batch: int) -> Iterator[dict]:
    """A cursor's rows as dicts, fetched `batch` at a time."""
    names = [column[0] for column in cursor.description]
    for rows in iter(lambda: cursor.fetchmany(batch), []):
        for values in rows:
            yield dict(zip(names, values))


def event_places(
    store: Store, *, limit: int | None = None, kb: KnowledgeBase | None = None, **filters
) -> list[dict]:
    """Fused events with `EventFilters` that have a place with coordinates (for a map):
    {"id", "type", "mode", "modality", "date", "actors", "mentions", "place": {"id", "name",
    "country", "lat", "lon"}}, most reported first."""
    clauses, params = selector(store, kb, EventFilters(**filters)).sql("v")
    clauses.append("p.lat IS NOT NULL AND p.lon IS NOT NULL")
    rows = store.query(
        f"""
        SELECT v.id, v.type, v.mode, v.modality, v.date, v.actors, v.mentions, v.place, {shapes.PLACE_SQL}
        FROM events v JOIN places p ON p.id = v.place {where_sql(clauses)}
        ORDER BY v.mentions DESC, v.date NULLS LAST, v.id {limit_sql(limit)}
        """,
        params,
    )
    return [
        {
            **{key: row[key] for key in ("id", "type", "mode", "modality", "date")},
            "actors": [{"id": a["id"], "name": a["name"], "role": a["role"]} for a in row["actors"]],
            "mentions": row["mentions"],
            "place": shapes.place_of(row),
        }
        for row in rows
    ]


def event_documents(store: Store, event_id: str) -> list[dict]:
    """The articles behind a fused event, each with its clean text and the spans (clean-text
    offsets) of the evidence sentences and triggers of the event's mentions in it."""
    if not store.has_table("event_members"):
        return []
    rows = store.query(
        """
        SELECT m.idx, a.article_id, a.id, a.title, a.outlet, a.url, a.published, a.published_month,
               a.clean_text, e.evidence
        FROM event_members m JOIN event_mentions e ON e.id = m.article AND e.idx = m.idx
        JOIN articles a ON a.id = m.article
        WHERE m.event_id = ? ORDER BY a.published NULLS LAST, a.article_id, m.idx
        """,
        [event_id],
    )
    documents: dict[str, dict] = {}
    for row in rows:
        document = documents.setdefault(
            row["id"],
            {
                **{key: row[key] for key in ("article_id", "title", "outlet", "url")},
                "published": shapes.published(row),
                "text": row["clean_text"],
                "mentions": [],
                "evidence": [],
            },
        )
        document["mentions"].append(shapes.mention_id(row["article_id"], row["idx"]))
        document["evidence"] += [shapes.evidence_span(item) for item in row["evidence"]]
    return list(documents.values())


def article_evidence(store: Store, article: str, event: str) -> list[dict]:
    """The evidence spans (clean-text offsets) in an article of an event named by its fused
    id or a mention id ("<article_id>:e<n>"); NotFound when that event has none there."""
    identifier = resolve_article(store, article)
    rows = store.query(
        """
        SELECT e.evidence FROM event_mentions e JOIN articles a USING (id)
        WHERE e.id = ? AND (a.article_id || ':e' || e.idx = ?
              OR e.idx IN (SELECT m.idx FROM event_members m WHERE m.article = e.id AND m.event_id = ?))
        ORDER BY e.idx
        """,
        [identifier, event, event],
    ) if store.has_table("event_members") else []
    if not rows:
        raise NotFound(f"event {event!r} has no mention in article {article!r}")
    return [shapes.evidence_span(item) for row in rows for item in row["evidence"]]
