"""Event mentions: one record per report of an event, in the contract's shape."""

from __future__ import annotations

from ..kb import KnowledgeBase
from ..store import Store
from . import shapes
from .event_dates import date_from_event, main_day, takes_main_day
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
    event_sql, event_join = _event_columns(store)
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
    records = [_dated_by_event(shapes.event_mention(row), row) for row in rows]
    main = _main_days(store, sorted({row["id"] for row in rows if row["published"] is None}), event_sql, event_join)
    return [
        {**record, **main[row["id"]][1]} if _takes_main_day(record, row, main.get(row["id"])) else record
        for record, row in zip(records, rows)
    ]


def _event_columns(store: Store) -> tuple[str, str]:
    """The fused event's date columns beside a mention row (`event_*`), and their join."""
    if not (store.has_table("event_members") and store.has_table("events")):
        return "", ""
    return (
        ", f.date AS event_date, f.end_date AS event_end_date, f.date_precision AS event_date_precision, "
        "f.date_from AS event_date_from, f.modality AS event_modality",
        "LEFT JOIN event_members fm ON fm.article = e.id AND fm.idx = e.idx LEFT JOIN events f ON f.id = fm.event_id",
    )


def _event_of(row: dict) -> dict | None:
    """A row's fused event date fields, None when the row has none."""
    if row.get("event_date_from") is None:
        return None
    return {key: row[f"event_{key}"] for key in ("date", "end_date", "date_precision", "date_from", "modality")}


def _dated_by_event(record: dict, row: dict) -> dict:
    """The record with the day its fused event gives an undated mention (`event_dates`)."""
    found = date_from_event(row, _event_of(row), row["id"])
    return {**record, **found} if found else record


def _main_days(store: Store, articles: list[str], event_sql: str, event_join: str) -> dict[str, tuple[int, dict]]:
    """For articles with no publication date: the main event day their fused events give
    (`event_dates.main_day`), by content id."""
    if not articles or not event_sql:
        return {}
    rows = store.query(
        f"SELECT e.id, e.idx, e.modality, e.date, e.date_precision, e.date_rule, e.date_expression{event_sql} "
        f"FROM event_mentions e {event_join} WHERE e.id IN (SELECT unnest(?)) ORDER BY e.id, e.idx",
        [articles],
    )
    by_article: dict[str, list[dict]] = {}
    for row in rows:
        by_article.setdefault(row["id"], []).append({**row, "event": _event_of(row)})
    found = {article: main_day(mentions) for article, mentions in by_article.items()}
    return {article: day for article, day in found.items() if day is not None}


def _takes_main_day(record: dict, row: dict, main: tuple[int, dict] | None) -> bool:
    """Whether a listed mention takes its article's main day (`event_dates.takes_main_day`)."""
    return main is not None and record["date"] is None and takes_main_day(row, main[0])


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
