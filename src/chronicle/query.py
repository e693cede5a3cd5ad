"""Read-side library: what the CLI (and later the HTTP API) asks of the store."""

from __future__ import annotations

import datetime as dt

from .errors import ChronicleError
from .kb import KnowledgeBase, load_kb, name_key
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


def kb_of(store: Store) -> KnowledgeBase:
    """The KB as this store sees it: the packaged files plus those added with `kb add`."""
    return load_kb(store.kb_files())


def list_actors(store: Store, kb: KnowledgeBase, *, kind: str | None = None, limit: int | None = None) -> list[dict]:
    """Actors mentioned in the store, most mentioned first, with their mention counts."""
    rows = store.query(
        "SELECT value AS id, count(*) AS mentions, count(DISTINCT id) AS articles "
        "FROM mentions WHERE kind = 'actor' AND value IS NOT NULL GROUP BY value "
        "ORDER BY mentions DESC, value"
    )
    corpus = {row["id"]: row for row in store.query("SELECT id, name, kind FROM corpus_actors")}
    listed = []
    for row in rows:
        who = identity(row["id"], kb, corpus.get(row["id"]))
        if kind and who["kind"] != kind:
            continue
        listed.append({**row, **who})
        if limit and len(listed) >= limit:
            break
    return listed


def identity(actor_id: str, kb: KnowledgeBase, corpus_row: dict | None) -> dict:
    """Name, kind and country of a KB actor, or of a corpus actor (its stored row)."""
    actor = kb.actors.get(actor_id)
    if actor is not None:
        return {"name": actor.name, "kind": actor.kind, "country": actor.country, "in_kb": True}
    corpus_row = corpus_row or {}
    return {
        "name": corpus_row.get("name", actor_id),
        "kind": corpus_row.get("kind", "person"),
        "country": None,
        "in_kb": False,
    }


def find_actor(store: Store, kb: KnowledgeBase, ref: str) -> str:
    """An actor id from an id, a name or alias, or a corpus actor's name."""
    if ref in kb.actors:
        return ref
    ids = kb.names.get(name_key(ref), ()) or kb.ambiguous_names.get(name_key(ref), ())
    if len(ids) == 1:
        return ids[0]
    if len(ids) > 1:
        raise ChronicleError(f"{ref!r} names several actors: {', '.join(ids)}")
    rows = store.query("SELECT id FROM corpus_actors WHERE id = ? OR lower(name) = lower(?)", [ref, ref])
    if rows:
        return rows[0]["id"]
    surname = kb.surnames.get(name_key(ref), ())
    if len(surname) == 1:
        return surname[0]
    raise ChronicleError(f"no actor {ref!r} in the knowledge base or the store")


def get_actor(store: Store, kb: KnowledgeBase, ref: str) -> dict:
    """An actor's identity, the names it was mentioned by, its roles and their evidence."""
    actor_id = find_actor(store, kb, ref)
    actor = kb.actors.get(actor_id)
    corpus = store.query("SELECT name, kind FROM corpus_actors WHERE id = ?", [actor_id])
    record = {
        "id": actor_id,
        **identity(actor_id, kb, corpus[0] if corpus else None),
        "sector": actor.sector if actor else None,
        "qid": actor.qid if actor else None,
        "aliases": list(actor.aliases) if actor else [],
        "roles": [
            {"office": r.office, "of": r.seat, "start": r.start, "end": r.end, "source": r.source}
            for r in (actor.roles if actor else ())
        ],
    }
    record["mentioned_as"] = store.query(
        "SELECT text, method, count(*) AS mentions FROM mentions WHERE value = ? "
        "GROUP BY text, method ORDER BY mentions DESC, text",
        [actor_id],
    )
    record["role_evidence"] = store.query(
        "SELECT r.office, r.seat, r.title, r.day, a.article_id, "
        "substr(a.clean_text, r.clean_start + 1, r.clean_end - r.clean_start) AS sentence "
        "FROM role_evidence r JOIN articles a USING (id) WHERE r.actor = ? "
        "ORDER BY r.day NULLS LAST, a.article_id",
        [actor_id],
    )
    return record


def list_places(store: Store, limit: int | None = None) -> list[dict]:
    """Resolved places, most mentioned first."""
    limit_sql = f"LIMIT {int(limit)}" if limit else ""
    return store.query(
        "SELECT p.id, p.name, p.kind, p.country, p.lat, p.lon, count(*) AS mentions, "
        "count(DISTINCT m.id) AS articles FROM mentions m JOIN places p ON p.id = m.value "
        f"WHERE m.kind = 'place' GROUP BY ALL ORDER BY mentions DESC, p.name {limit_sql}"
    )
