"""Quotes: lists and counts, the quotes said at a fused event, and those of one speaker."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..kb import KnowledgeBase
from ..store import Store
from . import shapes
from .actors import actor_ids, actor_namer, kb_of
from .filters import period
from .sql import article_ref, count, limit_sql, require_table, where_sql

QUOTE_SQL = "SELECT q.*, a.article_id, a.published FROM quotes q JOIN articles a USING (id)"
QUOTE_ORDER = "a.published NULLS LAST, a.article_id, q.clean_start, q.idx"


@dataclass(frozen=True)
class QuoteFilters:
    """What a list or count of quotes asks for: a `speaker` (an id, a case-insensitive part
    of the speaker's name, or the actor a name resolves to); `about`, a case-insensitive
    part of the quote's text; `since`/`until` (yyyy, yyyy-mm or yyyy-mm-dd) bounding the
    article's publication date; the `article` (an article_id, content id or any input id)."""

    speaker: str | None = None
    about: str | None = None
    since: str | dt.date | None = None
    until: str | dt.date | None = None
    article: str | None = None

    def sql(self, store: Store, kb: KnowledgeBase) -> tuple[str, list]:
        """The WHERE clause (over quotes q joined with articles a) and its parameters."""
        clauses, params = [], []
        if self.speaker:
            clauses.append("q.speaker IN (SELECT unnest(?))")
            params.append(_speakers_named(store, kb, self.speaker) or [""])
        if self.about:
            clauses.append("contains(lower(q.text), ?)")
            params.append(self.about.lower())
        if self.since:
            clauses.append("a.published >= ?")
            params.append(period(str(self.since))[0])
        if self.until:
            clauses.append("a.published <= ?")
            params.append(period(str(self.until))[1])
        if self.article:
            clause, more = article_ref("q", self.article)
            clauses.append(clause)
            params += more
        return where_sql(clauses), params


def _speakers_named(store: Store, kb: KnowledgeBase, ref: str) -> list[str]:
    """The speakers whose id the reference names, or whose name contains it."""
    wanted = set(actor_ids(store, kb, ref))
    speakers = [row[0] for row in store.con.execute("SELECT DISTINCT speaker FROM quotes WHERE speaker IS NOT NULL").fetchall()]
    name = actor_namer(store, kb, speakers)
    return [s for s in speakers if s in wanted or ref.lower() in name(s)["name"].lower()]


def _where(store: Store, kb: KnowledgeBase, filters: dict) -> tuple[str, list]:
    require_table(store, "quotes", "quotes")
    return QuoteFilters(**filters).sql(store, kb)


def speakers_of(rows: list[dict]) -> list[str]:
    """The actor ids quote rows name (speakers and addressees)."""
    return [i for row in rows for i in (row["speaker"], row["addressee"]) if i]


def quote_records(store: Store, kb: KnowledgeBase, rows: list[dict]) -> list[dict]:
    """Quote rows (joined with their article) as contract records, actors named."""
    name = actor_namer(store, kb, speakers_of(rows))
    return [shapes.quote(row, name) for row in rows]


def list_quotes(
    store: Store, *, limit: int | None = None, offset: int = 0, kb: KnowledgeBase | None = None, **filters
) -> list[dict]:
    """Quotes with `QuoteFilters`, in the contract's shape, by publication date (undated
    last), article and position. Offsets are raw-text offsets; `offset` skips that many
    (paging)."""
    kb = kb if kb is not None else kb_of(store)
    where, params = _where(store, kb, filters)
    rows = store.query(f"{QUOTE_SQL} {where} ORDER BY {QUOTE_ORDER} {limit_sql(limit, offset)}", params)
    return quote_records(store, kb, rows)


def count_quotes(store: Store, *, kb: KnowledgeBase | None = None, **filters) -> int:
    """How many quotes `list_quotes` lists with these filters and no limit."""
    kb = kb if kb is not None else kb_of(store)
    where, params = _where(store, kb, filters)
    return count(store, f"SELECT count(*) FROM quotes q JOIN articles a USING (id) {where}", params)


def event_quotes(store: Store, kb: KnowledgeBase, event_id: str) -> list[dict]:
    """The quotes said at any mention of a fused event, in the contract's shape."""
    if not (store.has_table("quotes") and store.has_table("event_members")):
        return []
    members = {
        (row[0], row[1])
        for row in store.con.execute("SELECT article, idx FROM event_members WHERE event_id = ?", [event_id]).fetchall()
    }
    if not members:
        return []
    articles = sorted({article for article, _ in members})
    marks = ", ".join("?" for _ in articles)  # literal lists: DuckDB looks them up in the indexes
    rows = store.query(
        f"""
        SELECT q.*, a.article_id, a.published FROM quotes q, articles a
        WHERE q.id IN ({marks}) AND a.id IN ({marks}) AND a.id = q.id
        ORDER BY {QUOTE_ORDER}
        """,
        articles + articles,
    )
    return quote_records(store, kb, [row for row in rows if (row["id"], row["event_idx"]) in members])


def quotes_by_event(store: Store, kb: KnowledgeBase) -> dict[str, list[dict]]:
    """Every fused event's quotes (said at any of its mentions), in `event_quotes`' order
    and shape: one query over the whole store, for the server's event catalog."""
    if not (store.has_table("quotes") and store.has_table("event_members")):
        return {}
    rows = store.query(
        f"""
        SELECT m.event_id, q.*, a.article_id, a.published
        FROM event_members m JOIN quotes q ON q.id = m.article AND q.event_idx = m.idx
        JOIN articles a ON a.id = q.id
        ORDER BY m.event_id, {QUOTE_ORDER}
        """
    )
    found: dict[str, list[dict]] = {}
    for row, record in zip(rows, quote_records(store, kb, rows)):
        found.setdefault(row["event_id"], []).append(record)
    return found


def actor_quotes(store: Store, kb: KnowledgeBase, actor_id: str, limit: int | None = None) -> list[dict]:
    """The quotes an actor (by id) is the speaker of, newest first."""
    if not store.has_table("quotes"):
        return []
    rows = store.query(
        f"""
        {QUOTE_SQL} WHERE q.speaker = ?
        ORDER BY a.published DESC NULLS LAST, a.article_id, q.clean_start, q.idx {limit_sql(limit)}
        """,
        [actor_id],
    )
    return quote_records(store, kb, rows)
