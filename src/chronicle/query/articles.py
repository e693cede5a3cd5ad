"""Articles: lists, one article with its sentences and entities, the counts of a store, and
the inputs that were skipped."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..errors import ChronicleError, NotFound
from ..store import Store
from .actors import ACTOR_COUNT_SQL
from .sql import article_ref, count, limit_sql, where_sql


@dataclass(frozen=True)
class ArticleFilters:
    """What a list or count of articles asks for: published on or after `since`, on or
    before `until`, by an outlet whose name contains `outlet` (any case)."""

    since: dt.date | None = None
    until: dt.date | None = None
    outlet: str | None = None

    def sql(self) -> tuple[str, list]:
        """The WHERE clause over `articles a` and its parameters."""
        clauses, params = [], []
        for clause, value in (("a.published >= ?", self.since), ("a.published <= ?", self.until)):
            if value:
                clauses.append(clause)
                params.append(value)
        if self.outlet:
            clauses.append("contains(lower(a.outlet), ?)")
            params.append(self.outlet.lower())
        return where_sql(clauses), params


def list_articles(store: Store, *, limit: int | None = None, offset: int = 0, **filters) -> list[dict]:
    """Stored articles, newest first, with `ArticleFilters`; `offset` skips that many (paging)."""
    where, params = ArticleFilters(**filters).sql()
    return store.query(
        f"""
        SELECT a.article_id, a.published, a.published_source, a.outlet, a.title, a.url,
               length(a.clean_text) AS chars,
               (SELECT count(*) FROM sentences s WHERE s.id = a.id) AS sentences,
               (SELECT count(*) FROM entities e WHERE e.id = a.id) AS entities,
               d.article_id AS near_duplicate_of, a.id
        FROM articles a LEFT JOIN articles d ON d.id = a.near_duplicate_of
        {where}
        ORDER BY a.published DESC NULLS LAST, a.article_id
        {limit_sql(limit, offset)}
        """,
        params,
    )


def count_articles(store: Store, **filters) -> int:
    """How many articles `list_articles` lists with these filters and no limit."""
    where, params = ArticleFilters(**filters).sql()
    return count(store, f"SELECT count(*) FROM articles a {where}", params)


def resolve_article(store: Store, ref: str) -> str:
    """The content id of an article named by its article_id, content id, or any input id."""
    clause, params = article_ref("a", ref)
    rows = store.query(f"SELECT a.id FROM articles a WHERE {clause}", params)
    if not rows:
        raise NotFound(f"no article {ref!r} in {store.path}")
    if len(rows) > 1:
        ids = ", ".join(sorted(row["id"] for row in rows))
        raise ChronicleError(f"{ref!r} names several articles ({ids}): use the content id")
    return rows[0]["id"]


def get_article(store: Store, ref: str) -> dict:
    """One article with its aliases, sentences and entities (spans in clean and raw text)."""
    identifier = resolve_article(store, ref)
    article = store.query("SELECT * FROM articles WHERE id = ?", [identifier])[0]
    article["aliases"] = [
        row["alias"]
        for row in store.query("SELECT alias FROM article_aliases WHERE id = ? ORDER BY added_at, alias", [identifier])
    ]
    article["sentences"] = store.query(
        'SELECT idx, clean_start, clean_end, start, "end" FROM sentences WHERE id = ? ORDER BY idx', [identifier]
    )
    article["entities"] = store.query(
        'SELECT idx, label, text, clean_start, clean_end, start, "end" FROM entities WHERE id = ? ORDER BY idx',
        [identifier],
    )
    return article


def mark_entities(text: str, entities: list[dict]) -> list[tuple[str, str | None]]:
    """The clean text cut into (piece, entity label or None) runs, for display."""
    pieces, cursor = [], 0
    for entity in sorted(entities, key=lambda e: e["clean_start"]):
        start, end = entity["clean_start"], entity["clean_end"]
        if start < cursor:
            continue
        pieces.append((text[cursor:start], None))
        pieces.append((text[start:end], entity["label"]))
        cursor = end
    pieces.append((text[cursor:], None))
    return [(piece, label) for piece, label in pieces if piece]


def _by(store: Store, column: str, table: str) -> dict:
    """{value of `column`: rows}, most frequent first."""
    return dict(store.con.execute(f"SELECT {column}, count(*) FROM {table} GROUP BY 1 ORDER BY 2 DESC, 1").fetchall())


def stats(store: Store) -> dict:
    """Counts a user checks after a run: articles, sources, dates, entities, problems."""
    one = lambda sql: count(store, sql)  # noqa: E731
    return {
        "articles": one("SELECT count(*) FROM articles"),
        "near_duplicates": one("SELECT count(*) FROM articles WHERE near_duplicate_of IS NOT NULL"),
        "input_ids": one("SELECT count(*) FROM article_aliases"),
        "outlets": one("SELECT count(DISTINCT outlet) FROM articles"),
        "published_from": str(one("SELECT min(published) FROM articles")),
        "published_to": str(one("SELECT max(published) FROM articles")),
        "dated_by": _by(store, "published_source", "articles"),
        "sentences": one("SELECT count(*) FROM sentences"),
        "entities": one("SELECT count(*) FROM entities"),
        "entities_by_label": _by(store, "label", "entities"),
        "problems": one("SELECT count(*) FROM problems"),
        "pipeline_versions": _by(store, "pipeline_version", "articles"),
    }


def record_counts(store: Store) -> dict[str, int]:
    """How many events, event mentions, quotes, claims, places and actors the store holds
    (0 for a table it does not have)."""
    counts = {
        table: count(store, f"SELECT count(*) FROM {table}") if store.has_table(table) else 0
        for table in ("events", "event_mentions", "quotes", "claims", "places")
    }
    counts["actors"] = count(store, ACTOR_COUNT_SQL) if store.has_table("mentions") else 0
    return counts


def list_problems(store: Store, code: str | None = None) -> list[dict]:
    """Skipped inputs with their codes and reasons."""
    where, params = ("WHERE code = ?", [code]) if code else ("", [])
    return store.query(
        f"SELECT code, source, reason, first_seen FROM problems {where} ORDER BY first_seen, source", params
    )
