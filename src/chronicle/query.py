"""Read-side library: what the CLI (and later the HTTP API) asks of the store."""

from __future__ import annotations

import datetime as dt

from .errors import ChronicleError
from .store import Store

ARTICLE_COLUMNS = (
    "article_id",
    "published",
    "published_source",
    "outlet",
    "title",
    "url",
    "chars",
    "sentences",
    "entities",
    "near_duplicate_of",
    "id",
)


def list_articles(
    store: Store,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    outlet: str | None = None,
    limit: int | None = None,
) -> list[dict]:
    """Stored articles, newest first, filtered by publication date and outlet."""
    clauses, params = [], []
    if since:
        clauses.append("a.published >= ?")
        params.append(since)
    if until:
        clauses.append("a.published <= ?")
        params.append(until)
    if outlet:
        clauses.append("lower(a.outlet) LIKE ?")
        params.append(f"%{outlet.lower()}%")
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    limit_sql = f"LIMIT {int(limit)}" if limit else ""
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
        {limit_sql}
        """,
        params,
    )


def resolve_article(store: Store, ref: str) -> str:
    """The content id of an article named by its article_id, content id, or any input id."""
    rows = store.query(
        "SELECT id FROM articles WHERE article_id = ? OR id = ? "
        "UNION SELECT id FROM article_aliases WHERE alias = ?",
        [ref, ref, ref],
    )
    if not rows:
        raise ChronicleError(f"no article {ref!r} in {store.path}")
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
        for row in store.query(
            "SELECT alias FROM article_aliases WHERE id = ? ORDER BY added_at, alias", [identifier]
        )
    ]
    article["sentences"] = store.query(
        'SELECT idx, clean_start, clean_end, start, "end" FROM sentences WHERE id = ? ORDER BY idx',
        [identifier],
    )
    article["entities"] = store.query(
        'SELECT idx, label, text, clean_start, clean_end, start, "end" FROM entities '
        "WHERE id = ? ORDER BY idx",
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


def stats(store: Store) -> dict:
    """Counts a user checks after a run: articles, sources, dates, entities, problems."""
    one = lambda sql: store.con.execute(sql).fetchone()[0]  # noqa: E731
    return {
        "articles": one("SELECT count(*) FROM articles"),
        "near_duplicates": one("SELECT count(*) FROM articles WHERE near_duplicate_of IS NOT NULL"),
        "input_ids": one("SELECT count(*) FROM article_aliases"),
        "outlets": one("SELECT count(DISTINCT outlet) FROM articles"),
        "published_from": str(one("SELECT min(published) FROM articles")),
        "published_to": str(one("SELECT max(published) FROM articles")),
        "dated_by": dict(
            store.con.execute(
                "SELECT published_source, count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC"
            ).fetchall()
        ),
        "sentences": one("SELECT count(*) FROM sentences"),
        "entities": one("SELECT count(*) FROM entities"),
        "entities_by_label": dict(
            store.con.execute(
                "SELECT label, count(*) FROM entities GROUP BY 1 ORDER BY 2 DESC"
            ).fetchall()
        ),
        "problems": one("SELECT count(*) FROM problems"),
        "pipeline_versions": dict(
            store.con.execute(
                "SELECT pipeline_version, count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC"
            ).fetchall()
        ),
    }


def list_problems(store: Store, code: str | None = None) -> list[dict]:
    """Skipped inputs with their codes and reasons."""
    where, params = ("WHERE code = ?", [code]) if code else ("", [])
    return store.query(
        f"SELECT code, source, reason, first_seen FROM problems {where} ORDER BY first_seen, source",
        params,
    )
