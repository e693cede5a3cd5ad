"""Actors as the store sees them: the KB plus the corpus actors learnt from the articles;
lists, one actor's record, name lookups, and the actors that share events with one."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..errors import ChronicleError, NotFound
from ..kb import KnowledgeBase, load_kb, name_key
from ..store import Store
from .sql import count, limit_sql

ACTOR_COUNT_SQL = "SELECT count(DISTINCT value) FROM mentions WHERE kind = 'actor' AND value IS NOT NULL"


def kb_of(store: Store) -> KnowledgeBase:
    """The KB as this store sees it: the packaged files plus those added with `kb add`."""
    return load_kb(store.kb_files())


def list_actors(
    store: Store, kb: KnowledgeBase, *, kind: str | None = None, limit: int | None = None, offset: int = 0
) -> list[dict]:
    """Actors mentioned in the store, most mentioned first, with their mention counts;
    `offset` skips that many (paging: in SQL unless `kind` filters, which the KB decides)."""
    sql = (
        "SELECT value AS id, count(*) AS mentions, count(DISTINCT id) AS articles "
        "FROM mentions WHERE kind = 'actor' AND value IS NOT NULL GROUP BY value "
        "ORDER BY mentions DESC, value"
    )
    rows = store.query(f"{sql} {limit_sql(limit, offset)}" if not kind else sql)
    corpus = corpus_rows(store, kb)
    listed = [{**row, **identity(row["id"], kb, corpus.get(row["id"]))} for row in rows]
    if kind:
        listed = [row for row in listed if row["kind"] == kind][offset:]
        return listed[:limit] if limit else listed
    return listed


def count_actors(store: Store, kb: KnowledgeBase, *, kind: str | None = None) -> int:
    """How many actors `list_actors` lists with this filter and no limit."""
    if kind:
        return len(list_actors(store, kb, kind=kind))
    return count(store, ACTOR_COUNT_SQL)


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
    raise NotFound(f"no actor {ref!r} in the knowledge base or the store")


def actor_ids(store: Store, kb: KnowledgeBase | None, ref: str) -> list[str]:
    """The ids an actor filter matches exactly: the reference, and what the KB resolves it to."""
    ids = [ref]
    if kb is not None:
        try:
            ids.append(find_actor(store, kb, ref))
        except ChronicleError:
            pass  # no single actor by that name: names still match as substrings
    return ids


def get_actor(store: Store, kb: KnowledgeBase, ref: str) -> dict:
    """An actor's identity, the names it was mentioned by, its roles and their evidence."""
    actor_id = find_actor(store, kb, ref)
    actor = kb.actors.get(actor_id)
    record = {
        "id": actor_id,
        **identity(actor_id, kb, corpus_row(store, actor_id)),
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
        "GROUP BY text, method ORDER BY mentions DESC, text, method",
        [actor_id],
    )
    record["role_evidence"] = store.query(
        "SELECT r.office, r.seat, r.title, r.day, a.article_id, "
        "substr(a.clean_text, r.clean_start + 1, r.clean_end - r.clean_start) AS sentence "
        "FROM role_evidence r JOIN articles a USING (id) WHERE r.actor = ? "
        "ORDER BY r.day NULLS LAST, a.article_id, r.idx",
        [actor_id],
    )
    return record


def corpus_row(store: Store, actor_id: str) -> dict | None:
    """The stored corpus actor of an id (its name and kind), or None."""
    rows = store.query("SELECT name, kind FROM corpus_actors WHERE id = ?", [actor_id])
    return rows[0] if rows else None


def corpus_rows(store: Store, kb: KnowledgeBase, ids: Iterable[str | None] | None = None) -> dict[str, dict]:
    """Stored corpus actors by id: all of them, or those of `ids` the KB does not know."""
    if ids is None:
        return {row["id"]: row for row in store.query("SELECT id, name, kind FROM corpus_actors")}
    wanted = sorted({i for i in ids if i and i not in kb.actors})
    if not wanted:
        return {}
    rows = store.query("SELECT id, name, kind FROM corpus_actors WHERE id IN (SELECT unnest(?))", [wanted])
    return {row["id"]: row for row in rows}


Namer = Callable[[str | None], dict | None]


def actor_namer(store: Store, kb: KnowledgeBase, ids: Iterable[str | None] | None = None) -> Namer:
    """A function: actor id -> {"id", "name"} (None for None), names from the KB or the corpus
    (given `ids`, only the corpus actors among them are read)."""
    corpus = corpus_rows(store, kb, ids)
    return lambda actor_id: {"id": actor_id, "name": identity(actor_id, kb, corpus.get(actor_id))["name"]} if actor_id else None


def counterparts(store: Store, kb: KnowledgeBase, actor_id: str, limit: int | None = None) -> list[dict]:
    """The actors that share fused events with an actor (by id): [{"id", "name", "kind",
    "events", "types"}], most shared events first."""
    if not store.has_table("events"):
        return []
    rows = store.query(
        f"""
        SELECT x.id AS id, count(DISTINCT event_id) AS events, list(DISTINCT type ORDER BY type) AS types
        FROM (SELECT v.id AS event_id, v.type, unnest(v.actors) AS x FROM events v
              WHERE list_contains(list_transform(v.actors, lambda a: a.id), ?))
        WHERE x.id IS NOT NULL AND x.id <> ? GROUP BY x.id ORDER BY events DESC, x.id {limit_sql(limit)}
        """,
        [actor_id, actor_id],
    )
    corpus = corpus_rows(store, kb, [row["id"] for row in rows])
    found = []
    for row in rows:
        who = identity(row["id"], kb, corpus.get(row["id"]))
        found.append({"id": row["id"], "name": who["name"], "kind": who["kind"], "events": row["events"], "types": row["types"]})
    return found


def actors_named(store: Store, part: str, limit: int | None = None) -> list[str]:
    """The ids of the fused events' actors whose name contains `part` (case-insensitive)."""
    if not store.has_table("events"):
        return []
    rows = store.query(
        "SELECT DISTINCT x.id FROM (SELECT unnest(actors) AS x FROM events) "
        f"WHERE x.id IS NOT NULL AND contains(lower(x.name), ?) ORDER BY x.id {limit_sql(limit)}",
        [part.lower()],
    )
    return [row["id"] for row in rows]


def timeline_actor(store: Store, kb: KnowledgeBase, ref: str) -> dict:
    """An actor of a timeline: {"ref", "id", "name", "kind", "country"} of the one its id,
    name or alias resolves to, else of the one actor of the fused events whose name contains
    it; several such: the reference is kept as a name part ("id": None) and matches them
    all. NotFound when nothing matches."""
    try:
        actor_id = find_actor(store, kb, ref)
    except NotFound:
        named = actors_named(store, ref, limit=2)
        if not named:
            raise
        if len(named) > 1:
            return {"ref": ref, "id": None, "name": ref, "kind": None, "country": None}
        actor_id = named[0]
    actor = identity(actor_id, kb, corpus_row(store, actor_id))
    return {"ref": ref, "id": actor_id, "name": actor["name"], "kind": actor["kind"], "country": actor["country"]}
