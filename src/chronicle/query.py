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
    try:
        if len(value) == 4 and value.isdigit():
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
        if len(value) == 7:
            first = dt.datetime.strptime(value, "%Y-%m").date()
            following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first, following - dt.timedelta(days=1)
        if len(value) == 10:
            day = dt.datetime.strptime(value, "%Y-%m-%d").date()
            return day, day
    except ValueError:
        pass
    raise ChronicleError(f"not a date {value!r}: write yyyy, yyyy-mm or yyyy-mm-dd")


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
) -> list[dict]:
    """Event mentions in the contract's shape, by date (undated last), article and position.

    `actor` matches an actor id, a case-insensitive part of an actor's name, or (given a
    `kb`) the actor a name or alias resolves to. `since`/`until` take yyyy, yyyy-mm or
    yyyy-mm-dd; a mention is kept when its period (a partial date is its whole month or
    year) overlaps the range, so an undated mention is dropped by either. `article` is an
    article_id, content id or any input id.
    """
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
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    limit_sql = f"LIMIT {int(limit)}" if limit else ""
    rows = store.query(
        f"""
        SELECT e.*, a.article_id, a.url, a.published, a.published_month,
               p.name AS place_name, p.country AS place_country, p.lat, p.lon
        FROM event_mentions e JOIN articles a USING (id) LEFT JOIN places p ON p.id = e.place
        {where}
        ORDER BY e.date NULLS LAST, a.article_id, e.idx
        {limit_sql}
        """,
        params,
    )
    return [_event_mention(row) for row in rows]


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
) -> list[dict]:
    """Quotes in the contract's shape, by publication date (undated last), article and position.

    `speaker` matches a speaker id, a case-insensitive part of the speaker's name, or the
    actor a name resolves to; `about` is a case-insensitive part of the quote's text;
    `since`/`until` (yyyy, yyyy-mm or yyyy-mm-dd) bound the article's publication date;
    `article` is an article_id, content id or any input id. Offsets are raw-text offsets.
    """
    if not store.has_table("quotes"):
        raise ChronicleError(f"{store.path} predates quotes: run `chronicle reprocess --all` to migrate it and extract them")
    kb = kb if kb is not None else kb_of(store)
    clauses, params = [], []
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
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    rows = store.query(
        f"""
        SELECT q.*, a.article_id, a.published FROM quotes q JOIN articles a USING (id)
        {where} ORDER BY a.published NULLS LAST, a.article_id, q.clean_start, q.idx
        """,
        params,
    )
    corpus = {row["id"]: row for row in store.query("SELECT id, name, kind FROM corpus_actors")}
    name = lambda actor_id: {"id": actor_id, "name": identity(actor_id, kb, corpus.get(actor_id))["name"]} if actor_id else None  # noqa: E731
    wanted = set(_actor_ids(store, kb, speaker)) if speaker else set()
    records = []
    for row in rows:
        record = _quote(row, name)
        if speaker and not (row["speaker"] in wanted or (record["speaker"] and speaker.lower() in record["speaker"]["name"].lower())):
            continue
        records.append(record)
        if limit and len(records) >= limit:
            break
    return records


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
