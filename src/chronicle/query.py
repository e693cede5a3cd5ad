"""Read-side library: what the CLI (and later the HTTP API) asks of the store."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from .errors import ChronicleError
from .kb import KnowledgeBase, load_kb, name_key
from .resolve.times import date_bounds
from .store import Store


class NotFound(ChronicleError):
    """An id or name that names nothing in the store (the HTTP API answers 404)."""


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
    offset: int = 0,
) -> list[dict]:
    """Stored articles, newest first, filtered by publication date and outlet; `offset`
    skips that many (paging)."""
    where, params = _article_filters(since, until, outlet)
    limit_sql = _limit_sql(limit, offset)
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


def count_articles(
    store: Store, *, since: dt.date | None = None, until: dt.date | None = None, outlet: str | None = None
) -> int:
    """How many articles `list_articles` lists with these filters and no limit."""
    where, params = _article_filters(since, until, outlet)
    return store.con.execute(f"SELECT count(*) FROM articles a {where}", params).fetchone()[0]


def _article_filters(since, until, outlet) -> tuple[str, list]:
    clauses, params = [], []
    if since:
        clauses.append("a.published >= ?")
        params.append(since)
    if until:
        clauses.append("a.published <= ?")
        params.append(until)
    if outlet:
        clauses.append("contains(lower(a.outlet), ?)")
        params.append(outlet.lower())
    return (f"WHERE {' AND '.join(clauses)}" if clauses else ""), params


def _limit_sql(limit: int | None, offset: int = 0) -> str:
    """SQL LIMIT/OFFSET for paging (no limit: every row after the offset)."""
    sql = f"LIMIT {int(limit)}" if limit else ""
    return f"{sql} OFFSET {int(offset)}" if offset else sql


def resolve_article(store: Store, ref: str) -> str:
    """The content id of an article named by its article_id, content id, or any input id."""
    rows = store.query(
        "SELECT id FROM articles WHERE article_id = ? OR id = ? "
        "UNION SELECT id FROM article_aliases WHERE alias = ?",
        [ref, ref, ref],
    )
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
                "SELECT published_source, count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC, 1"
            ).fetchall()
        ),
        "sentences": one("SELECT count(*) FROM sentences"),
        "entities": one("SELECT count(*) FROM entities"),
        "entities_by_label": dict(
            store.con.execute(
                "SELECT label, count(*) FROM entities GROUP BY 1 ORDER BY 2 DESC, 1"
            ).fetchall()
        ),
        "problems": one("SELECT count(*) FROM problems"),
        "pipeline_versions": dict(
            store.con.execute(
                "SELECT pipeline_version, count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC, 1"
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
    rows = store.query(f"{sql} {_limit_sql(limit, offset)}" if not kind else sql)
    corpus = {row["id"]: row for row in store.query("SELECT id, name, kind FROM corpus_actors")}
    listed = [{**row, **identity(row["id"], kb, corpus.get(row["id"]))} for row in rows]
    if kind:
        listed = [row for row in listed if row["kind"] == kind][offset:]
        return listed[:limit] if limit else listed
    return listed


def count_actors(store: Store, kb: KnowledgeBase, *, kind: str | None = None) -> int:
    """How many actors `list_actors` lists with this filter and no limit."""
    if kind:
        return len(list_actors(store, kb, kind=kind))
    return store.con.execute(
        "SELECT count(DISTINCT value) FROM mentions WHERE kind = 'actor' AND value IS NOT NULL"
    ).fetchone()[0]


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


def list_places(store: Store, limit: int | None = None, offset: int = 0) -> list[dict]:
    """Resolved places, most mentioned first, with the fused events placed there (when the
    store has fused events); `offset` skips that many (paging)."""
    events = (
        "(SELECT count(*) FROM events v WHERE v.place = p.id)" if store.has_table("events") else "0"
    )
    return store.query(
        f"SELECT p.id, p.name, p.kind, p.country, p.lat, p.lon, count(*) AS mentions, "
        f"count(DISTINCT m.id) AS articles, {events} AS events "
        "FROM mentions m JOIN places p ON p.id = m.value "
        f"WHERE m.kind = 'place' GROUP BY ALL ORDER BY mentions DESC, p.name, p.id {_limit_sql(limit, offset)}"
    )


def count_places(store: Store) -> int:
    """How many places `list_places` lists with no limit."""
    return store.con.execute(
        "SELECT count(DISTINCT m.value) FROM mentions m JOIN places p ON p.id = m.value WHERE m.kind = 'place'"
    ).fetchone()[0]


# ---- event mentions -------------------------------------------------------------------

EVENT_TYPES = (  # the PLOVER types of the machine-readable contract (DESIGN.md)
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
MODALITIES = ("reported", "historical", "planned", "hypothetical", "negated")
MENTION_FIELDS = (  # a contract record's keys, in order
    "id",
    "article_id",
    "type",
    "mode",
    "modality",
    "actors",
    "date",
    "end_date",
    "date_precision",
    "date_expression",
    "place",
    "sources",
    "confidence",
    "trigger",
)
MENTION_COLUMNS = (  # a flat row's columns (csv)
    "date",
    "end_date",
    "date_precision",
    "type",
    "mode",
    "modality",
    "actors",
    "place",
    "trigger",
    "confidence",
    "sources",
    "text",
    "article_id",
    "id",
)


def valid_event_type(value: str) -> str:
    """A PLOVER event type, in any case, as the ontology writes it."""
    if value.upper() not in EVENT_TYPES:
        raise ChronicleError(f"unknown event type {value!r}: one of {', '.join(EVENT_TYPES)}")
    return value.upper()


def valid_modality(value: str) -> str:
    """An event modality, in any case."""
    if value.lower() not in MODALITIES:
        raise ChronicleError(f"unknown modality {value!r}: one of {', '.join(MODALITIES)}")
    return value.lower()


def period(value: str) -> tuple[dt.date, dt.date]:
    """The first and last day of an ISO date written yyyy, yyyy-mm or yyyy-mm-dd."""
    bounds = date_bounds(value) if re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", value) else None
    if bounds is None:
        raise ChronicleError(f"not a date {value!r}: write yyyy, yyyy-mm or yyyy-mm-dd")
    return bounds


def _first_day_sql(column: str) -> str:
    """SQL: the first day of an ISO date string of any precision (NULL if not a date)."""
    return (
        f"try_cast(CASE length({column}) WHEN 4 THEN {column} || '-01-01' "
        f"WHEN 7 THEN {column} || '-01' ELSE {column} END AS DATE)"
    )


def _last_day_sql(column: str) -> str:
    """SQL: the last day of an ISO date string of any precision (NULL if not a date)."""
    return (
        f"CASE length({column}) WHEN 4 THEN try_cast({column} || '-12-31' AS DATE) "
        f"WHEN 7 THEN last_day(try_cast({column} || '-01' AS DATE)) "
        f"ELSE try_cast({column} AS DATE) END"
    )


# An event mention's period: a partial date is its whole month or year, a week its seven
# days; a range ends at the end of its end date, an open range ("since ...") never.
_EVENT_FIRST_DAY = _first_day_sql("e.date")
_EVENT_LAST_DAY = (
    "CASE WHEN e.end_date = 'open' THEN DATE '9999-12-31' "
    f"WHEN e.end_date IS NOT NULL THEN coalesce({_last_day_sql('e.end_date')}, {_last_day_sql('e.date')}) "
    f"WHEN e.date_precision = 'week' THEN CAST({_EVENT_FIRST_DAY} + 6 AS DATE) "
    f"ELSE {_last_day_sql('e.date')} END"
)


def list_event_mentions(
    store: Store,
    *,
    type: str | None = None,
    actor: str | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    article: str | None = None,
    modality: str | None = None,
    limit: int | None = None,
    kb: KnowledgeBase | None = None,
    offset: int = 0,
) -> list[dict]:
    """Event mentions in the contract's shape, by date (undated last), article and position.

    `actor` matches an actor id, a case-insensitive part of an actor's name, or (given a
    `kb`) the actor a name or alias resolves to. `since`/`until` take yyyy, yyyy-mm or
    yyyy-mm-dd; a mention is kept when its period (a partial date is its whole month or
    year) overlaps the range, so an undated mention is dropped by either. `article` is an
    article_id, content id or any input id. `offset` skips that many (paging).
    """
    where, params = _mention_filters(store, type, actor, since, until, article, modality, kb)
    rows = store.query(
        f"""
        SELECT e.*, a.article_id, a.url, a.published, a.published_month,
               p.name AS place_name, p.country AS place_country, p.lat, p.lon
        FROM event_mentions e JOIN articles a USING (id) LEFT JOIN places p ON p.id = e.place
        {where}
        ORDER BY e.date NULLS LAST, a.article_id, e.idx
        {_limit_sql(limit, offset)}
        """,
        params,
    )
    return [_event_mention(row) for row in rows]


def count_event_mentions(
    store: Store,
    *,
    type: str | None = None,
    actor: str | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    article: str | None = None,
    modality: str | None = None,
    kb: KnowledgeBase | None = None,
) -> int:
    """How many event mentions `list_event_mentions` lists with these filters and no limit."""
    where, params = _mention_filters(store, type, actor, since, until, article, modality, kb)
    return store.con.execute(
        f"SELECT count(*) FROM event_mentions e JOIN articles a USING (id) {where}", params
    ).fetchone()[0]


def _mention_filters(store, type, actor, since, until, article, modality, kb) -> tuple[str, list]:
    """The WHERE clause (over event_mentions e joined with articles a) and its parameters."""
    if not store.has_table("event_mentions"):
        raise ChronicleError(
            f"{store.path} predates event mentions: run `chronicle reprocess --all` to migrate it and extract them"
        )
    clauses, params = [], []
    if type:
        clauses.append("upper(e.type) = ?")
        params.append(valid_event_type(type))
    if modality:
        clauses.append("e.modality = ?")
        params.append(valid_modality(modality))
    if since:
        clauses.append(f"{_EVENT_LAST_DAY} >= ?")
        params.append(period(str(since))[0])
    if until:
        clauses.append(f"{_EVENT_FIRST_DAY} <= ?")
        params.append(period(str(until))[1])
    if article:
        clauses.append(
            "(e.id = ? OR a.article_id = ? OR e.id IN (SELECT id FROM article_aliases WHERE alias = ?))"
        )
        params += [article, article, article]
    if actor:
        clauses.append(
            "EXISTS (SELECT 1 FROM (SELECT unnest(e.actors) AS x) "
            "WHERE x.id IN (SELECT unnest(?)) OR contains(lower(x.name), ?))"
        )
        params += [_actor_ids(store, kb, actor), actor.lower()]
    return (f"WHERE {' AND '.join(clauses)}" if clauses else ""), params


def _actor_ids(store: Store, kb: KnowledgeBase | None, ref: str) -> list[str]:
    """The ids an actor filter matches exactly: the reference, and what the KB resolves it to."""
    ids = [ref]
    if kb is not None:
        try:
            ids.append(find_actor(store, kb, ref))
        except ChronicleError:
            pass  # no single actor by that name: names still match as substrings
    return ids


def _event_mention(row: dict) -> dict:
    """A stored event mention row (joined with its article and place) as a contract record."""
    published = row["published"].isoformat() if row["published"] else row["published_month"]
    place = None
    if row["place_name"] is not None:
        place = {
            "id": row["place"],
            "name": row["place_name"],
            "country": row["place_country"],
            "lat": row["lat"],
            "lon": row["lon"],
        }
    evidence = row["evidence"]
    return {
        "id": f"{row['article_id']}:e{row['idx']}",
        "article_id": row["article_id"],
        "type": row["type"],
        "mode": row["mode"],
        "modality": row["modality"],
        "actors": [
            {key: actor[key] for key in ("id", "name", "kind", "role", "country")}
            for actor in row["actors"]
        ],
        "date": row["date"],
        "end_date": row["end_date"],
        "date_precision": row["date_precision"],
        "date_expression": row["date_expression"],
        "place": place,
        "sources": [
            {
                "article_id": row["article_id"],
                "url": row["url"],
                "published": published,
                "start": item["start"],
                "end": item["end"],
                "text": item["text"],
                "trigger_start": item["trigger_start"],
                "trigger_end": item["trigger_end"],
            }
            for item in evidence
        ],
        "confidence": row["confidence"],
        "trigger": evidence[0]["trigger"] if evidence else None,
    }


def flat_event_mention(record: dict) -> dict:
    """A contract record as one flat row (csv, table): actors as "Name (role); ..."."""
    sources = record["sources"]
    return {
        **record,
        "actors": "; ".join(f"{a['name']} ({a['role']})" for a in record["actors"]),
        "place": record["place"]["name"] if record["place"] else None,
        "sources": len(sources),
        "text": sources[0]["text"] if sources else None,
    }


# ------------------------------------------------------------------------------ events

EVENT_FIELDS = (  # a fused event's keys, in order (the contract of DESIGN.md, plus counts)
    "id",
    "type",
    "mode",
    "modality",
    "actors",
    "date",
    "end_date",
    "date_precision",
    "place",
    "sources",
    "confidence",
    "mentions",
    "articles",
    "outlets",
    "summary",
    "date_from",
    "place_from",
)
EVENT_COLUMNS = (  # a flat row's columns (csv, table, markdown)
    "date", "place", "kind", "actors", "reports", "outlets", "summary",
    "end_date", "date_precision", "modality", "articles", "confidence", "id",
)
TIMELINE_COLUMNS = ("date", "place", "kind", "actors", "reports", "outlets", "summary")

_FUSED_FIRST_DAY = _EVENT_FIRST_DAY.replace("e.", "v.")
_FUSED_LAST_DAY = _EVENT_LAST_DAY.replace("e.", "v.")


def list_events(
    store: Store,
    *,
    type: str | None = None,
    actor: str | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    modality: str | None = None,
    limit: int | None = None,
    kb: KnowledgeBase | None = None,
    offset: int = 0,
) -> list[dict]:
    """Fused events in the contract's shape, by date (undated last), with every mention
    behind them as a source. Filters read as in `list_event_mentions`; `modality`
    "reported" or "historical" both select events that happened. `offset` skips that many
    (paging)."""
    return _events(store, _event_filters(store, type, [actor] if actor else [], since, until, modality, kb), limit, offset)


def count_events(
    store: Store,
    *,
    type: str | None = None,
    actor: str | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    modality: str | None = None,
    kb: KnowledgeBase | None = None,
) -> int:
    """How many fused events `list_events` lists with these filters and no limit."""
    clauses, params = _event_filters(store, type, [actor] if actor else [], since, until, modality, kb)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    return store.con.execute(f"SELECT count(*) FROM events v {where}", params).fetchone()[0]


def get_event(store: Store, event_id: str) -> dict:
    """One fused event by its id, in the contract's shape with its sources."""
    found = _events(store, (["v.id = ?"], [event_id]), 1) if store.has_table("events") else []
    if not found:
        raise NotFound(f"no event {event_id!r} in the store")
    return found[0]


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
    clauses, params = _event_filters(store, type, actors, since, until, None, kb)
    clauses.append("v.modality IN (SELECT unnest(?))")
    params.append(["reported", "planned"] if planned else ["reported"])
    if not undated:
        clauses.append("v.date IS NOT NULL")
    return _events(store, (clauses, params), None)


def _event_filters(store, type, actors, since, until, modality, kb) -> tuple[list[str], list]:
    if not store.has_table("events"):
        raise ChronicleError(
            f"{store.path} predates fused events: run `chronicle reprocess --all` to migrate it and fuse them"
        )
    clauses, params = [], []
    if type:
        clauses.append("v.type = ?")
        params.append(valid_event_type(type))
    if modality:
        wanted = valid_modality(modality)
        clauses.append("v.modality = ?")
        params.append("reported" if wanted == "historical" else wanted)
    if since:
        clauses.append(f"{_FUSED_LAST_DAY} >= ?")
        params.append(period(str(since))[0])
    if until:
        clauses.append(f"{_FUSED_FIRST_DAY} <= ?")
        params.append(period(str(until))[1])
    for ref in actors:
        # list functions over the row's own actors, not a correlated subquery: one pass over
        # `events` instead of a subquery per event (8x faster on 100,000 events, bench/load_bench.py)
        clauses.append(
            "(list_has_any([x.id FOR x IN v.actors], ?) "
            "OR list_bool_or([contains(lower(x.name), ?) FOR x IN v.actors]))"
        )
        params += [_actor_ids(store, kb, ref), ref.lower()]
    return clauses, params


_EVENTS_SQL = """
    SELECT v.*, p.name AS place_name, p.country AS place_country, p.lat, p.lon
    FROM events v LEFT JOIN places p ON p.id = v.place
"""
_SOURCES_SQL = """
    SELECT m.event_id, m.article, m.idx, a.article_id, a.url, a.published, a.published_month,
           e.start, e."end", e.evidence[1].text AS text
    FROM event_members m JOIN event_mentions e ON e.id = m.article AND e.idx = m.idx
    JOIN articles a ON a.id = m.article
"""


def iter_all_events(store: Store, batch: int = 2_000) -> Iterator[dict]:
    """Every fused event in the contract's shape, by id, streamed: one ordered scan of the
    events and one of their sources, merged (memory stays a batch's worth)."""
    events = store.con.cursor().execute(f"{_EVENTS_SQL} ORDER BY v.id")
    sources = store.con.cursor().execute(
        f"{_SOURCES_SQL} ORDER BY m.event_id, a.published NULLS LAST, a.article_id, m.idx"
    )
    event_names = [column[0] for column in events.description]
    source_names = [column[0] for column in sources.description]
    pending: dict | None = None
    source_rows = iter(())
    for rows in iter(lambda: events.fetchmany(batch), []):
        for values in rows:
            row = dict(zip(event_names, values))
            mine = []
            while True:
                if pending is None:
                    values_of_source = next(source_rows, None)
                    if values_of_source is None:
                        more = sources.fetchmany(batch)
                        if not more:
                            break
                        source_rows = iter(more)
                        continue
                    pending = dict(zip(source_names, values_of_source))
                if pending["event_id"] < row["id"]:
                    pending = None  # a member of no event (cannot happen: members follow events)
                elif pending["event_id"] == row["id"]:
                    mine.append(pending)
                    pending = None
                else:
                    break
            yield _event(row, mine)


def _events(store: Store, filters: tuple[list[str], list], limit: int | None, offset: int = 0) -> list[dict]:
    clauses, params = filters
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    limit_sql = _limit_sql(limit, offset)
    rows = store.query(f"{_EVENTS_SQL} {where} ORDER BY v.date NULLS LAST, v.id {limit_sql}", params)
    if not rows:
        return []
    sources = store.query(
        f"""
        {_SOURCES_SQL}
        WHERE m.event_id IN (SELECT unnest(?))
        ORDER BY a.published NULLS LAST, a.article_id, m.idx
        """,
        [[row["id"] for row in rows]],
    )
    by_event: dict[str, list[dict]] = {}
    for source in sources:
        by_event.setdefault(source["event_id"], []).append(source)
    return [_event(row, by_event.get(row["id"], [])) for row in rows]


def _event(row: dict, sources: list[dict]) -> dict:
    """A stored event (joined with its place) and its members as a contract record."""
    names = {f"{s['article']}:{s['idx']}": f"{s['article_id']}:e{s['idx']}" for s in sources}
    place = None
    if row["place_name"] is not None:
        place = {"id": row["place"], "name": row["place_name"], "country": row["place_country"], "lat": row["lat"], "lon": row["lon"]}
    return {
        "id": row["id"],
        "type": row["type"],
        "mode": row["mode"],
        "modality": row["modality"],
        "actors": [dict(actor) for actor in row["actors"]],
        "date": row["date"],
        "end_date": row["end_date"],
        "date_precision": row["date_precision"],
        "place": place,
        "sources": [
            {
                "article_id": s["article_id"],
                "url": s["url"],
                "published": s["published"].isoformat() if s["published"] else s["published_month"],
                "start": s["start"],
                "end": s["end"],
                "text": s["text"],
            }
            for s in sources
        ],
        "confidence": row["confidence"],
        "mentions": row["mentions"],
        "articles": row["articles"],
        "outlets": row["outlets"],
        "summary": row["summary"],
        "date_from": names.get(row["date_from"]),
        "place_from": names.get(row["place_from"]),
    }


def flat_event(record: dict) -> dict:
    """A fused event as one flat row (table, csv, markdown)."""
    return {
        **record,
        "place": record["place"]["name"] if record["place"] else None,
        "kind": f"{record['type']}/{record['mode']}" if record["mode"] else record["type"],
        "actors": "; ".join(f"{a['name']} ({a['role']})" for a in record["actors"]),
        "reports": record["mentions"],
        "sources": len(record["sources"]),
    }


# ----------------------------------------------------------------------------- quotes

QUOTE_FIELDS = ("id", "article_id", "text", "kind", "speaker", "addressee", "start", "end", "event_id")
QUOTE_COLUMNS = ("id", "article_id", "published", "kind", "speaker", "addressee", "cue", "text", "start", "end", "event_id")


def list_quotes(
    store: Store,
    *,
    speaker: str | None = None,
    about: str | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    article: str | None = None,
    limit: int | None = None,
    kb: KnowledgeBase | None = None,
    offset: int = 0,
) -> list[dict]:
    """Quotes in the contract's shape, by publication date (undated last), article and position.

    `speaker` matches a speaker id, a case-insensitive part of the speaker's name, or the
    actor a name resolves to; `about` is a case-insensitive part of the quote's text;
    `since`/`until` (yyyy, yyyy-mm or yyyy-mm-dd) bound the article's publication date;
    `article` is an article_id, content id or any input id. Offsets are raw-text offsets.
    `offset` skips that many (paging).
    """
    kb = kb if kb is not None else kb_of(store)
    where, params = _quote_filters(store, kb, speaker, about, since, until, article)
    rows = store.query(
        f"""
        SELECT q.*, a.article_id, a.published FROM quotes q JOIN articles a USING (id)
        {where} ORDER BY a.published NULLS LAST, a.article_id, q.clean_start, q.idx
        {_limit_sql(limit, offset)}
        """,
        params,
    )
    name = _actor_namer(store, kb, _speakers(rows))
    return [_quote(row, name) for row in rows]


def count_quotes(
    store: Store,
    *,
    speaker: str | None = None,
    about: str | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    article: str | None = None,
    kb: KnowledgeBase | None = None,
) -> int:
    """How many quotes `list_quotes` lists with these filters and no limit."""
    kb = kb if kb is not None else kb_of(store)
    where, params = _quote_filters(store, kb, speaker, about, since, until, article)
    return store.con.execute(f"SELECT count(*) FROM quotes q JOIN articles a USING (id) {where}", params).fetchone()[0]


def _actor_namer(store: Store, kb: KnowledgeBase, ids=None):
    """A function: actor id -> {"id", "name"} (None for None), names from the KB or the corpus
    (given `ids`, only the corpus actors among them are read)."""
    corpus = _corpus_rows(store, kb, ids)
    return lambda actor_id: {"id": actor_id, "name": identity(actor_id, kb, corpus.get(actor_id))["name"]} if actor_id else None


def _corpus_rows(store: Store, kb: KnowledgeBase, ids=None) -> dict[str, dict]:
    """Stored corpus actors by id: all of them, or those of `ids` the KB does not know."""
    if ids is None:
        return {row["id"]: row for row in store.query("SELECT id, name, kind FROM corpus_actors")}
    wanted = sorted({i for i in ids if i and i not in kb.actors})
    if not wanted:
        return {}
    rows = store.query("SELECT id, name, kind FROM corpus_actors WHERE id IN (SELECT unnest(?))", [wanted])
    return {row["id"]: row for row in rows}


def _speakers(rows: list[dict]) -> list[str]:
    """The actor ids quote rows name (speakers and addressees)."""
    return [i for row in rows for i in (row["speaker"], row["addressee"]) if i]


def _quote_filters(store, kb, speaker, about, since, until, article) -> tuple[str, list]:
    """The WHERE clause (over quotes q joined with articles a) and its parameters."""
    if not store.has_table("quotes"):
        raise ChronicleError(f"{store.path} predates quotes: run `chronicle reprocess --all` to migrate it and extract them")
    clauses, params = [], []
    if speaker:  # the speakers whose id the reference names, or whose name contains it
        wanted = set(_actor_ids(store, kb, speaker))
        speakers = [row[0] for row in store.con.execute("SELECT DISTINCT speaker FROM quotes WHERE speaker IS NOT NULL").fetchall()]
        name = _actor_namer(store, kb, speakers)
        matching = [s for s in speakers if s in wanted or speaker.lower() in name(s)["name"].lower()]
        clauses.append("q.speaker IN (SELECT unnest(?))")
        params.append(matching or [""])
    if about:
        clauses.append("contains(lower(q.text), ?)")
        params.append(about.lower())
    if since:
        clauses.append("a.published >= ?")
        params.append(period(str(since))[0])
    if until:
        clauses.append("a.published <= ?")
        params.append(period(str(until))[1])
    if article:
        clauses.append("(q.id = ? OR a.article_id = ? OR q.id IN (SELECT id FROM article_aliases WHERE alias = ?))")
        params += [article, article, article]
    return (f"WHERE {' AND '.join(clauses)}" if clauses else ""), params


def _quote(row: dict, name) -> dict:
    """A stored quote row (joined with its article) as a contract record."""
    return {
        "id": f"{row['article_id']}:q{row['idx']}",
        "article_id": row["article_id"],
        "text": row["text"],
        "kind": row["kind"],
        "speaker": name(row["speaker"]),
        "addressee": name(row["addressee"]),
        "start": row["start"],
        "end": row["end"],
        "event_id": f"{row['article_id']}:e{row['event_idx']}" if row["event_idx"] is not None else None,
        "published": row["published"],
        "cue": row["cue"],
    }


def flat_quote(record: dict) -> dict:
    """A quote record as one flat row (csv, table): speaker and addressee by name."""
    return {
        **record,
        "speaker": record["speaker"]["name"] if record["speaker"] else None,
        "addressee": record["addressee"]["name"] if record["addressee"] else None,
    }


# ----------------------------------------------------------------------------- claims

CLAIM_FIELDS = (
    "id", "article_id", "text", "claimed", "in_store", "difference", "kind", "form", "pair",
    "since", "until", "speaker", "events", "record", "start", "end",
)
CLAIM_COLUMNS = (  # a flat row's columns (csv)
    "article_id", "text", "claimed", "in_store", "difference", "pair", "since", "until",
    "speaker", "events", "record", "id",
)
HAPPENED = ("reported", "historical")


def list_claims(
    store: Store,
    *,
    actor: str | None = None,
    article: str | None = None,
    kb: KnowledgeBase | None = None,
) -> list[dict]:
    """Claims about the record ("the 13th meeting between the two leaders since September
    2015"), each beside what the store holds: the events of the claimed kind between the
    claimed pair that happened (reported or historical) in the claimed period, their count
    and the difference (in store minus claimed).

    The record is the fused `events` table when the store has one with rows, else the event mentions,
    one meeting per distinct date (a coarser date that contains a finer one is the same
    meeting). `actor` matches an id of the pair, a part of a name, or the actor a name
    resolves to; `article` is an article_id, content id or any input id.
    """
    if not store.has_table("claims"):
        raise ChronicleError(f"{store.path} predates claims: run `chronicle reprocess --all` to migrate it and extract them")
    kb = kb if kb is not None else kb_of(store)
    clauses, params = [], []
    if article:
        clauses.append("(c.id = ? OR a.article_id = ? OR c.id IN (SELECT id FROM article_aliases WHERE alias = ?))")
        params += [article, article, article]
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    rows = store.query(
        f"SELECT c.*, a.article_id FROM claims c JOIN articles a USING (id) {where} "
        "ORDER BY c.until NULLS LAST, a.article_id, c.idx",
        params,
    )
    corpus = {row["id"]: row for row in store.query("SELECT id, name, kind FROM corpus_actors")}
    name = lambda actor_id: {"id": actor_id, "name": identity(actor_id, kb, corpus.get(actor_id))["name"]}  # noqa: E731
    wanted = set(_actor_ids(store, kb, actor)) if actor else set()
    record_kind = "events" if _has_rows(store, "events") else "event_mentions"
    happened: dict[str, list[dict]] = {}
    from .extract.claims import load_claim_lexicon  # the lexicon only (spaCy is not used)

    uncounted = load_claim_lexicon().uncounted_modes  # a phone call is not a meeting
    claims = []
    for row in rows:
        pair = [name(actor_id) for actor_id in row["actors"]]
        if actor and not (wanted & set(row["actors"]) or any(actor.lower() in p["name"].lower() for p in pair)):
            continue
        if row["kind"] not in happened:
            happened[row["kind"]] = _happened(store, row["kind"], record_kind, uncounted.get(row["kind"], frozenset()))
        events = (
            _in_period(happened[row["kind"]], row["actors"], row["since"], row["until"], collapse=record_kind == "event_mentions")
            if len(row["actors"]) >= 2 and row["until"]
            else None  # a pair to count, and a date to count to
        )
        claims.append(
            {
                "id": f"{row['article_id']}:c{row['idx']}",
                "article_id": row["article_id"],
                "text": row["text"],
                "claimed": row["count"],
                "in_store": len(events) if events is not None else None,
                "difference": len(events) - row["count"] if events is not None else None,
                "kind": row["kind"],
                "form": row["form"],
                "pair": pair,
                "since": row["since"],
                "until": row["until"],
                "speaker": name(row["speaker"]) if row["speaker"] else None,
                "events": events,
                "record": record_kind,
                "start": row["start"],
                "end": row["end"],
            }
        )
    return claims


def _has_rows(store: Store, table: str) -> bool:
    """Whether the store has the table and it is not empty (fusion has run)."""
    return store.has_table(table) and bool(store.con.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchall())


def _safe_period(value: str | None) -> tuple[dt.date, dt.date] | None:
    try:
        return period(value) if value else None
    except ChronicleError:
        return None


def _happened(store: Store, kind: str, record: str, uncounted: frozenset[str]) -> list[dict]:
    """Events of a kind that happened, in a mode a count includes, as {"id", "date",
    "period", "actors"}."""
    modes = "AND (e.mode IS NULL OR e.mode NOT IN (SELECT unnest(?)))"
    if record == "events":
        rows = store.query(
            f"SELECT e.id, e.date, e.actors FROM events e WHERE e.type = ? AND e.modality IN (SELECT unnest(?)) {modes}",
            [kind, list(HAPPENED), sorted(uncounted) or [""]],
        )
        found = [{"id": r["id"], "date": r["date"], "actors": {a["id"] for a in r["actors"]}} for r in rows]
    else:
        rows = store.query(
            "SELECT a.article_id, e.idx, e.date, e.actors FROM event_mentions e JOIN articles a USING (id) "
            f"WHERE e.type = ? AND e.modality IN (SELECT unnest(?)) {modes} ORDER BY a.article_id, e.idx",
            [kind, list(HAPPENED), sorted(uncounted) or [""]],
        )
        found = [
            {"id": f"{r['article_id']}:e{r['idx']}", "date": r["date"], "actors": {a["id"] for a in r["actors"]}}
            for r in rows
        ]
    for event in found:
        event["period"] = _safe_period(event["date"])
    return [event for event in found if event["period"] is not None]


def _in_period(happened: list[dict], pair: list[str], since: str | None, until: str | None, collapse: bool) -> list[dict]:
    """The events between the pair whose period overlaps [since, until], by date. With
    `collapse` (event mentions), one per distinct date: a mention dated more coarsely ("2018-11") joins one
    dated within it ("2018-11-11"); each keeps the ids behind it."""
    first = period(since)[0] if since else dt.date.min
    last = period(until)[1] if until else dt.date.max
    between = [
        e for e in happened
        if set(pair) <= e["actors"] and e["period"][1] >= first and e["period"][0] <= last
    ]
    kept: list[dict] = []
    for event in sorted(between, key=lambda e: (e["period"][1] - e["period"][0], e["date"], e["id"])):
        if collapse:
            same = next((k for k in kept if event["period"][0] <= k["period"][0] and k["period"][1] <= event["period"][1]), None)
            if same is not None:
                same["ids"].append(event["id"])
                continue
        kept.append({**event, "ids": [event["id"]]})
    return [{"date": k["date"], "ids": k["ids"]} for k in sorted(kept, key=lambda k: (k["period"][0], k["date"]))]


def flat_claim(record: dict) -> dict:
    """A claim record as one flat row (csv, table): the pair by name, the events by date."""
    return {
        **record,
        "pair": " – ".join(p["name"] for p in record["pair"]),
        "speaker": record["speaker"]["name"] if record["speaker"] else None,
        "events": ", ".join(e["date"] for e in record["events"]) if record["events"] is not None else None,
    }


# ----------------------------------------------------------------------------- search

SEARCH_MAX_WORDS = 16
SNIPPET_CONTEXT = 90  # characters of text kept on each side of the first hit


def search(store: Store, text: str, *, limit: int = 20, kb: KnowledgeBase | None = None) -> dict:
    """Full text over articles (title and clean text) and quotes: every word of `text` must
    appear (case-insensitive, as a substring; `%` and `_` are literal), results ranked by
    how often the words occur. Articles come with a snippet around the first hit and the
    hits' offsets within it; quotes in the contract's shape. Returns {"query", "words",
    "articles", "articles_total", "quotes", "quotes_total"}."""
    words = list(dict.fromkeys(word.lower() for word in text.split()))
    if not words:
        raise ChronicleError("nothing to search for: give at least one word")
    if len(words) > SEARCH_MAX_WORDS:
        raise ChronicleError(f"too many words to search for ({len(words)}): at most {SEARCH_MAX_WORDS}")
    patterns = [f"%{escape_like(word)}%" for word in words]
    document = "(coalesce(a.title, '') || ' ' || a.clean_text)"
    articles_where = " AND ".join(f"{document} ILIKE ? ESCAPE '\\'" for _ in words)
    quotes_where = " AND ".join("q.text ILIKE ? ESCAPE '\\'" for _ in words)
    hits = lambda column: " + ".join(  # noqa: E731 - occurrences of every word, in SQL
        f"(length(lower({column})) - length(replace(lower({column}), ?, ''))) // {len(word)}" for word in words
    )
    articles = store.query(
        f"""
        SELECT a.article_id, a.title, a.published, a.outlet, a.url, a.clean_text, {hits(document)} AS hits,
               count(*) OVER () AS total
        FROM articles a WHERE {articles_where}
        ORDER BY hits DESC, a.published DESC NULLS LAST, a.article_id LIMIT {int(limit)}
        """,
        [*words, *patterns],
    )
    quotes = (
        store.query(
            f"""
            SELECT q.*, a.article_id, a.published, {hits('q.text')} AS hits, count(*) OVER () AS total
            FROM quotes q JOIN articles a USING (id) WHERE {quotes_where}
            ORDER BY hits DESC, a.published DESC NULLS LAST, a.article_id, q.idx LIMIT {int(limit)}
            """,
            [*words, *patterns],
        )
        if store.has_table("quotes")
        else []
    )
    name = _actor_namer(store, kb if kb is not None else kb_of(store), _speakers(quotes)) if quotes else None
    return {
        "query": text,
        "words": words,
        "articles": [
            {
                **{key: row[key] for key in ("article_id", "title", "published", "outlet", "url", "hits")},
                **snippet(row["clean_text"], words),
            }
            for row in articles
        ],
        "articles_total": articles[0]["total"] if articles else 0,
        "quotes": [{**_quote(row, name), "hits": row["hits"]} for row in quotes],
        "quotes_total": quotes[0]["total"] if quotes else 0,
    }


def escape_like(text: str) -> str:
    """Text as a literal inside a LIKE/ILIKE pattern with ESCAPE '\\'."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def snippet(text: str, words: list[str], context: int = SNIPPET_CONTEXT) -> dict:
    """The text around the first hit of any word: {"snippet", "snippet_start" (its offset in
    the text), "snippet_truncated" ([cut at the start, cut at the end]), "marks" ([start, end]
    of every hit within the snippet)}. No hit (a word only in the title): the text's start."""
    pattern = re.compile("|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)), re.IGNORECASE)
    hit = pattern.search(text)
    first = hit.start() if hit else 0
    start = max(0, first - context)
    end = min(len(text), first + context)
    if start > 0:  # start and end at a word boundary
        space = text.find(" ", start, first)
        start = space + 1 if space >= 0 else start
    if end < len(text):
        space = text.rfind(" ", first, end)
        end = space if space > first else end
    piece = text[start:end]
    return {
        "snippet": piece,
        "snippet_start": start,
        "snippet_truncated": [start > 0, end < len(text)],
        "marks": _merged([[m.start(), m.end()] for m in pattern.finditer(piece)]),
    }


def _merged(spans: list[list[int]]) -> list[list[int]]:
    """Overlapping [start, end] spans merged, in order."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged


# ------------------------------------------------------------------- pages of one record

def event_quotes(store: Store, kb: KnowledgeBase, event_id: str) -> list[dict]:
    """The quotes said at any mention of a fused event, in the contract's shape."""
    if not (store.has_table("quotes") and store.has_table("event_members")):
        return []
    members = {(row[0], row[1]) for row in store.con.execute(
        "SELECT article, idx FROM event_members WHERE event_id = ?", [event_id]
    ).fetchall()}
    if not members:
        return []
    articles = sorted({article for article, _ in members})
    marks = ", ".join("?" for _ in articles)  # literal lists: DuckDB looks them up in the indexes
    rows = store.query(
        f"""
        SELECT q.*, a.article_id, a.published FROM quotes q, articles a
        WHERE q.id IN ({marks}) AND a.id IN ({marks}) AND a.id = q.id
        ORDER BY a.published NULLS LAST, a.article_id, q.clean_start, q.idx
        """,
        articles + articles,
    )
    rows = [row for row in rows if (row["id"], row["event_idx"]) in members]
    name = _actor_namer(store, kb, _speakers(rows))
    return [_quote(row, name) for row in rows]


def quotes_by_event(store: Store, kb: KnowledgeBase) -> dict[str, list[dict]]:
    """Every fused event's quotes (said at any of its mentions), in `event_quotes`' order
    and shape: one query over the whole store, for the server's event catalog."""
    if not (store.has_table("quotes") and store.has_table("event_members")):
        return {}
    rows = store.query(
        """
        SELECT m.event_id, q.*, a.article_id, a.published
        FROM event_members m JOIN quotes q ON q.id = m.article AND q.event_idx = m.idx
        JOIN articles a ON a.id = q.id
        ORDER BY m.event_id, a.published NULLS LAST, a.article_id, q.clean_start, q.idx
        """
    )
    name = _actor_namer(store, kb, _speakers(rows))
    found: dict[str, list[dict]] = {}
    for row in rows:
        found.setdefault(row["event_id"], []).append(_quote(row, name))
    return found


def actor_quotes(store: Store, kb: KnowledgeBase, actor_id: str, limit: int | None = None) -> list[dict]:
    """The quotes an actor (by id) is the speaker of, newest first."""
    if not store.has_table("quotes"):
        return []
    rows = store.query(
        f"""
        SELECT q.*, a.article_id, a.published FROM quotes q JOIN articles a USING (id)
        WHERE q.speaker = ? ORDER BY a.published DESC NULLS LAST, a.article_id, q.clean_start, q.idx
        {_limit_sql(limit)}
        """,
        [actor_id],
    )
    name = _actor_namer(store, kb, _speakers(rows))
    return [_quote(row, name) for row in rows]


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
        WHERE x.id IS NOT NULL AND x.id <> ? GROUP BY x.id ORDER BY events DESC, x.id {_limit_sql(limit)}
        """,
        [actor_id, actor_id],
    )
    corpus = _corpus_rows(store, kb, [row["id"] for row in rows])
    return [
        {"id": row["id"], "name": (who := identity(row["id"], kb, corpus.get(row["id"])))["name"], "kind": who["kind"],
         "events": row["events"], "types": row["types"]}
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
                "article_id": row["article_id"],
                "title": row["title"],
                "outlet": row["outlet"],
                "url": row["url"],
                "published": row["published"].isoformat() if row["published"] else row["published_month"],
                "text": row["clean_text"],
                "mentions": [],
                "evidence": [],
            },
        )
        document["mentions"].append(f"{row['article_id']}:e{row['idx']}")
        document["evidence"] += [_evidence_span(item) for item in row["evidence"]]
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
    return [_evidence_span(item) for row in rows for item in row["evidence"]]


def _evidence_span(item: dict) -> dict:
    return {
        "start": item["clean_start"],
        "end": item["clean_end"],
        "trigger_start": item["trigger_clean_start"],
        "trigger_end": item["trigger_clean_end"],
        "trigger": item["trigger"],
    }


def event_places(
    store: Store,
    *,
    type: str | None = None,
    actor: str | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    modality: str | None = None,
    limit: int | None = None,
    kb: KnowledgeBase | None = None,
) -> list[dict]:
    """Fused events that have a place with coordinates (for a map): {"id", "type", "mode",
    "modality", "date", "actors", "mentions", "place": {"id", "name", "country", "lat", "lon"}},
    most reported first. Filters read as in `list_events`."""
    clauses, params = _event_filters(store, type, [actor] if actor else [], since, until, modality, kb)
    clauses.append("p.lat IS NOT NULL AND p.lon IS NOT NULL")
    rows = store.query(
        f"""
        SELECT v.id, v.type, v.mode, v.modality, v.date, v.actors, v.mentions,
               p.id AS place_id, p.name AS place_name, p.country AS place_country, p.lat, p.lon
        FROM events v JOIN places p ON p.id = v.place WHERE {' AND '.join(clauses)}
        ORDER BY v.mentions DESC, v.date NULLS LAST, v.id {_limit_sql(limit)}
        """,
        params,
    )
    return [
        {
            "id": row["id"], "type": row["type"], "mode": row["mode"], "modality": row["modality"],
            "date": row["date"], "actors": [{"id": a["id"], "name": a["name"], "role": a["role"]} for a in row["actors"]],
            "mentions": row["mentions"],
            "place": {"id": row["place_id"], "name": row["place_name"], "country": row["place_country"],
                      "lat": row["lat"], "lon": row["lon"]},
        }
        for row in rows
    ]


def actors_named(store: Store, part: str, limit: int | None = None) -> list[str]:
    """The ids of the fused events' actors whose name contains `part` (case-insensitive)."""
    if not store.has_table("events"):
        return []
    rows = store.query(
        "SELECT DISTINCT x.id FROM (SELECT unnest(actors) AS x FROM events) "
        f"WHERE x.id IS NOT NULL AND contains(lower(x.name), ?) ORDER BY x.id {_limit_sql(limit)}",
        [part.lower()],
    )
    return [row["id"] for row in rows]
