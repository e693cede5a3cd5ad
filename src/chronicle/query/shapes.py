"""Output shapes: the keys of each contract record (DESIGN.md), the columns of its flat row,
and the functions that turn stored rows into records and records into flat rows."""

from __future__ import annotations

from .actors import Namer

ARTICLE_COLUMNS = (
    "article_id", "published", "published_source", "outlet", "title", "url", "chars", "sentences",
    "entities", "near_duplicate_of", "id",
)
MENTION_FIELDS = (  # a contract record's keys, in order
    "id", "article_id", "type", "mode", "modality", "actors", "date", "end_date", "date_precision",
    "date_expression", "date_from", "place", "sources", "confidence", "trigger",
)
MENTION_COLUMNS = (  # a flat row's columns (csv)
    "date", "end_date", "date_precision", "type", "mode", "modality", "actors", "place", "trigger",
    "confidence", "sources", "text", "article_id", "id",
)
EVENT_FIELDS = (  # a fused event's keys, in order (the contract of DESIGN.md, plus counts)
    "id", "type", "mode", "modality", "actors", "date", "end_date", "date_precision", "place", "sources",
    "confidence", "mentions", "articles", "outlets", "summary", "date_from", "place_from",
)
EVENT_COLUMNS = (  # a flat row's columns (csv, table, markdown)
    "date", "place", "kind", "actors", "reports", "outlets", "summary",
    "end_date", "date_precision", "modality", "articles", "confidence", "id",
)
TIMELINE_COLUMNS = ("date", "place", "kind", "actors", "reports", "outlets", "summary")
QUOTE_FIELDS = ("id", "article_id", "text", "kind", "speaker", "addressee", "start", "end", "event_id")
QUOTE_COLUMNS = ("id", "article_id", "published", "kind", "speaker", "addressee", "cue", "text", "start", "end", "event_id")
CLAIM_FIELDS = (
    "id", "article_id", "text", "claimed", "in_store", "difference", "kind", "form", "pair",
    "since", "until", "speaker", "events", "record", "start", "end",
)
CLAIM_COLUMNS = (  # a flat row's columns (csv)
    "article_id", "text", "claimed", "in_store", "difference", "pair", "since", "until",
    "speaker", "events", "record", "id",
)

# The place columns a query selects beside an event row: `p.name AS place_name, ...`.
PLACE_SQL = "p.name AS place_name, p.country AS place_country, p.lat, p.lon"


def mention_id(article_id: str, idx: int) -> str:
    """An event mention's public id: "<article_id>:e<n>"."""
    return f"{article_id}:e{idx}"


def published(row: dict) -> str | None:
    """An article row's publication date as the contract writes it (a day, else a month)."""
    return row["published"].isoformat() if row["published"] else row["published_month"]


def place_of(row: dict) -> dict | None:
    """The place of an event row selected with `PLACE_SQL` (and its `place` id), or None."""
    if row["place_name"] is None:
        return None
    return {"id": row["place"], "name": row["place_name"], "country": row["place_country"], "lat": row["lat"], "lon": row["lon"]}


def evidence_span(item: dict) -> dict:
    """A stored evidence item as spans in the clean text."""
    return {
        "start": item["clean_start"],
        "end": item["clean_end"],
        "trigger_start": item["trigger_clean_start"],
        "trigger_end": item["trigger_clean_end"],
        "trigger": item["trigger"],
    }


def event_mention(row: dict) -> dict:
    """A stored event mention row (joined with its article and place) as a contract record."""
    evidence = row["evidence"]
    source = {"article_id": row["article_id"], "url": row["url"], "published": published(row)}
    return {
        "id": mention_id(row["article_id"], row["idx"]),
        "article_id": row["article_id"],
        "type": row["type"],
        "mode": row["mode"],
        "modality": row["modality"],
        "actors": [{key: actor[key] for key in ("id", "name", "kind", "role", "country")} for actor in row["actors"]],
        "date": row["date"],
        "end_date": row["end_date"],
        "date_precision": row["date_precision"],
        "date_expression": row["date_expression"],
        "date_from": row.get("date_from"),  # the report a date the mention lacks came from (fuse_dates.py)
        "place": place_of(row),
        "sources": [
            {**source, **{key: item[key] for key in ("start", "end", "text", "trigger_start", "trigger_end")}}
            for item in evidence
        ],
        "confidence": row["confidence"],
        "trigger": evidence[0]["trigger"] if evidence else None,
    }


def event(row: dict, sources: list[dict]) -> dict:
    """A stored event (joined with its place) and its members as a contract record."""
    names = {f"{s['article']}:{s['idx']}": mention_id(s["article_id"], s["idx"]) for s in sources}
    return {
        "id": row["id"],
        "type": row["type"],
        "mode": row["mode"],
        "modality": row["modality"],
        "actors": [dict(actor) for actor in row["actors"]],
        "date": row["date"],
        "end_date": row["end_date"],
        "date_precision": row["date_precision"],
        "place": place_of(row),
        "sources": [
            {"article_id": s["article_id"], "url": s["url"], "published": published(s), "start": s["start"], "end": s["end"], "text": s["text"]}
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


def quote(row: dict, name: Namer) -> dict:
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
        "event_id": mention_id(row["article_id"], row["event_idx"]) if row["event_idx"] is not None else None,
        "published": row["published"],
        "cue": row["cue"],
    }


def _actors_text(actors: list[dict]) -> str:
    return "; ".join(f"{a['name']} ({a['role']})" for a in actors)


def _name(value: dict | None) -> str | None:
    return value["name"] if value else None


def flat_event_mention(record: dict) -> dict:
    """A contract record as one flat row (csv, table): actors as "Name (role); ..."."""
    sources = record["sources"]
    return {
        **record,
        "actors": _actors_text(record["actors"]),
        "place": _name(record["place"]),
        "sources": len(sources),
        "text": sources[0]["text"] if sources else None,
    }


def flat_event(record: dict) -> dict:
    """A fused event as one flat row (table, csv, markdown)."""
    return {
        **record,
        "place": _name(record["place"]),
        "kind": f"{record['type']}/{record['mode']}" if record["mode"] else record["type"],
        "actors": _actors_text(record["actors"]),
        "reports": record["mentions"],
        "sources": len(record["sources"]),
    }


def flat_quote(record: dict) -> dict:
    """A quote record as one flat row (csv, table): speaker and addressee by name."""
    return {**record, "speaker": _name(record["speaker"]), "addressee": _name(record["addressee"])}


def flat_claim(record: dict) -> dict:
    """A claim record as one flat row (csv, table): the pair by name, the events by date."""
    return {
        **record,
        "pair": " – ".join(p["name"] for p in record["pair"]),
        "speaker": _name(record["speaker"]),
        "events": ", ".join(e["date"] for e in record["events"]) if record["events"] is not None else None,
    }
