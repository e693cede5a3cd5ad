"""Event mentions: one record per report of an event, in the contract's shape."""

from __future__ import annotations

from ..kb import KnowledgeBase
from ..store import Store
from . import shapes
from .event_dates import dated_mentions_sql
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
    rows = store.query(
        f"""
        SELECT e.*, a.article_id, a.url, a.published, a.published_month, {shapes.PLACE_SQL}
        FROM {dated_mentions_sql(store)} e JOIN articles a USING (id) LEFT JOIN places p ON p.id = e.place
        {where}
        ORDER BY e.date NULLS LAST, a.article_id, e.idx
        {limit_sql(limit, offset)}
        """,
        params,
    )
    return [shapes.event_mention(row) for row in rows]


def count_event_mentions(store: Store, *, kb: KnowledgeBase | None = None, **filters) -> int:
    """How many event mentions `list_event_mentions` lists with these filters and no limit."""
    where, params = _where(store, kb, filters)
    return count(store, f"SELECT count(*) FROM {dated_mentions_sql(store)} e JOIN articles a USING (id) {where}", params)


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
