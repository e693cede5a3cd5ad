"""Event mentions: one record per report of an event, in the contract's shape."""

from __future__ import annotations

from ..kb import KnowledgeBase
from ..store import Store
from . import shapes
from .event_dates import date_from_event
from .actors import actor_ids
from .filters import MentionFilters, event_selector
from .sql import count, limit_sql, require_table, where_sql


def _where(store: Store, kb: KnowledgeBase | None, filters: dict) -> tuple[str, list]:
    """The WHERE clause (over event_mentions e joined with articles a) and its parameters."""
    require_table(store, "event_mentions", "event mentions")
    selector = event_selector(MentionFilters(**filters), lambda ref: actor_ids(store, kb, ref), fused=False)
    clauses, params = selector.sql("e")
    return where_sql(clauses), params


def list_event_mentions(
    store: Store, *, limit: int | None = None, offset: int = 0, kb: KnowledgeBase | None = None, **filters
) -> list[dict]:
    """Event mentions with `MentionFilters`, in the contract's shape, by date (undated last),
    article and position; given a `kb`, an actor filter also matches the actor a name or
    alias resolves to. `offset` skips that many (paging)."""
    where, params = _where(store, kb, filters)
    fused = store.has_table("event_members") and store.has_table("events")
    event_sql = (
        ", f.date AS event_date, f.end_date AS event_end_date, f.date_precision AS event_date_precision, "
        "f.date_from AS event_date_from, f.modality AS event_modality" if fused else ""
    )
    event_join = (
        "LEFT JOIN event_members fm ON fm.article = e.id AND fm.idx = e.idx LEFT JOIN events f ON f.id = fm.event_id"
        if fused else ""
    )
    rows = store.query(
        f"""
        SELECT e.*, a.article_id, a.url, a.published, a.published_month, {shapes.PLACE_SQL}{event_sql}
        FROM event_mentions e JOIN articles a USING (id) LEFT JOIN places p ON p.id = e.place {event_join}
        {where}
        ORDER BY e.date NULLS LAST, a.article_id, e.idx
        {limit_sql(limit, offset)}
        """,
        params,
    )
    return [_dated_by_event(shapes.event_mention(row), row) for row in rows]


def _dated_by_event(record: dict, row: dict) -> dict:
    """The record with the day its fused event gives an undated mention (`event_dates`)."""
    if row.get("event_date_from") is None:
        return record
    event = {key: row[f"event_{key}"] for key in ("date", "end_date", "date_precision", "date_from", "modality")}
    found = date_from_event(row, event, row["id"])
    return {**record, **found} if found else record


def count_event_mentions(store: Store, *, kb: KnowledgeBase | None = None, **filters) -> int:
    """How many event mentions `list_event_mentions` lists with these filters and no limit."""
    where, params = _where(store, kb, filters)
    return count(store, f"SELECT count(*) FROM event_mentions e JOIN articles a USING (id) {where}", params)


def fused_ids(store: Store, article: str) -> dict[str, str]:
    """Mention id ("<article_id>:e<n>") -> fused event id, for one article's (content id) mentions."""
    if not store.has_table("event_members"):
        return {}
    rows = store.query(
        "SELECT a.article_id, m.idx, m.event_id FROM event_members m "
        "JOIN articles a ON a.id = m.article WHERE m.article = ?",
        [article],
    )
    return {shapes.mention_id(row["article_id"], row["idx"]): row["event_id"] for row in rows}
