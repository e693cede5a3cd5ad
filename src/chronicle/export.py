"""`chronicle export`: the store's records as files other tools read.

Tables: events (fused), mentions (event mentions), quotes, actors, articles. Formats:
jsonl and csv (any table), parquet (any table, nested fields kept), plover (PLOVER JSON
records of events or mentions) and gdelt (a tab-separated table of events or mentions
under GDELT 2.0 event column names, mapped as `data/gdelt.yaml` and docs/export.md say).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

import pyarrow as pa
import pyarrow.parquet as pq

from . import query
from .data import load_yaml
from .errors import UsageError
from .kb import KnowledgeBase
from .model import HAPPENED
from .resolve.generic_actors import sector_of_id
from .store import Store

TABLES = ("events", "mentions", "quotes", "actors", "articles")
FORMATS = ("jsonl", "csv", "parquet", "plover", "gdelt")
EVENT_TABLES = ("events", "mentions")


def records(store: Store, kb: KnowledgeBase, table: str) -> list[dict]:
    """Every record of a table, in the shape the query commands print."""
    readers: dict[str, Callable[[], list[dict]]] = {
        "events": lambda: query.list_events(store, kb=kb),
        "mentions": lambda: query.list_event_mentions(store, kb=kb),
        "quotes": lambda: query.list_quotes(store),
        "actors": lambda: query.list_actors(store, kb),
        "articles": lambda: query.list_articles(store),
    }
    if table not in readers:
        raise UsageError(f"unknown table {table!r}: choose one of {', '.join(TABLES)}")
    return readers[table]()


def _flat(table: str, record: dict) -> dict:
    """One flat row for csv: nested fields as JSON text (events and mentions flattened)."""
    flat = {"events": query.flat_event, "mentions": query.flat_event_mention, "quotes": query.flat_quote}.get(table)
    row = flat(record) if flat else dict(record)
    return {k: json.dumps(v, ensure_ascii=False, default=str) if isinstance(v, (list, dict)) else v for k, v in row.items()}


def _plain(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


# ----------------------------------------------------------------------------- PLOVER


def _entity(actor: dict, kb: KnowledgeBase) -> dict:
    """A PLOVER entity: country code, sector, the text, and the Wikidata id when known."""
    known = kb.actors.get(actor["id"])
    code = actor.get("country") or (known.country if known else None)
    if known is not None and known.sector == "IGO":
        code = "IGO"
    return {
        "code": code,
        "sector": (known.sector if known else None) or sector_of_id(actor["id"]),
        "entity_text": actor["name"],
        "identifier_id": known.qid if known else None,
        "identifier_text": actor["name"],
        "chronicle_id": actor["id"],
    }


def plover_record(event: dict, kb: KnowledgeBase, ontology: dict) -> dict:
    """A PLOVER JSON record of an event or event mention (PLOVER.md's record fields)."""
    actors = [a for a in event["actors"] if a["role"] in ("source", "participant")]
    recipients = [a for a in event["actors"] if a["role"] == "target"]
    place = event.get("place")
    first = (event.get("sources") or [{}])[0]
    return {
        "id": event["id"],
        "date": event.get("date"),  # yyyy-mm-dd, or yyyy-mm / yyyy when only that is known
        "date_precision": event.get("date_precision"),
        "enddate": event.get("end_date"),
        "actor": [_entity(a, kb) for a in actors],
        "recipient": [_entity(a, kb) for a in recipients],
        "event": [event["type"]],
        "mode": [event["mode"]] if event.get("mode") else [],
        "has_event": event["modality"] in HAPPENED,
        "modality": event["modality"],
        "quad_code": (ontology.get(event["type"]) or {}).get("quad"),
        "event_loc": {
            "resolved_place": place.get("name"), "country_code": place.get("country"),
            "lat": place.get("lat"), "lon": place.get("lon"),
        } if place else None,
        "event_text": first.get("text"),
        "text_info": {"start": first.get("start"), "end": first.get("end")},
        "cite_info": [
            {"citation": s.get("article_id"), "url": s.get("url"), "publication": s.get("published")}
            for s in event.get("sources") or []
        ],
        "coder": "chronicle",
        "confidence": event.get("confidence"),
    }


# ----------------------------------------------------------------------------- GDELT

GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long",
    "DATEADDED", "SOURCEURL",
)


def _gdelt_actor(actor: dict | None, kb: KnowledgeBase) -> tuple:
    if actor is None:
        return ("", "", "", "")
    known = kb.actors.get(actor["id"])
    country = actor.get("country") or (known.country if known else None) or ""
    sector = (known.sector if known else None) or sector_of_id(actor["id"]) or ""
    return (f"{country}{sector}", actor["name"].upper(), country, sector)


def gdelt_row(event: dict, kb: KnowledgeBase, mapping: dict) -> dict:
    """One GDELT 2.0 event row: dates, the first two actors, the CAMEO code the PLOVER type
    (and mode) maps to, counts, the place, and the first source's URL."""
    types = mapping["types"]
    entry = types.get(event["type"]) or {}
    root = entry.get("root", "")
    code = (entry.get("modes") or {}).get(event.get("mode") or "", root)
    date = event.get("date") or ""
    day = {4: f"{date}-01-01", 7: f"{date}-01"}.get(len(date), date)  # a partial date: its first day
    sources = event.get("sources") or []
    ordered = sorted(event["actors"], key=lambda a: {"source": 0, "participant": 1, "target": 2}[a["role"]])
    actor1 = ordered[0] if ordered else None
    actor2 = ordered[1] if len(ordered) > 1 else None
    place = event.get("place") or {}
    year = int(day[:4]) if day else None
    fraction = None
    if day:
        parsed = dt.date.fromisoformat(day)
        fraction = round(parsed.year + (parsed.timetuple().tm_yday - 1) / 365.0, 4)
    number = int(hashlib.sha256(event["id"].encode()).hexdigest()[:12], 16)
    return dict(zip(GDELT_COLUMNS, (
        number, day.replace("-", ""), day[:7].replace("-", ""), year, fraction,
        *_gdelt_actor(actor1, kb), *_gdelt_actor(actor2, kb),
        1, code, code[:3], root, mapping["quad_classes"].get(root), entry.get("goldstein"),
        event.get("mentions", len(sources)), event.get("outlets", len({s.get("url") for s in sources})),
        event.get("articles", len({s.get("article_id") for s in sources})), None,
        (4 if place.get("lat") is not None else None) if place else None,
        place.get("name"), place.get("country"), place.get("lat"), place.get("lon"),
        dt.date.today().strftime("%Y%m%d"), (sources[0].get("url") if sources else None),
    )))


# ----------------------------------------------------------------------------- writing


def export(store: Store, kb: KnowledgeBase, table: str, fmt: str, out: TextIO | None = None,
           path: str | Path | None = None) -> int:
    """Write a table in a format to `out` (text formats) or `path` (parquet, or any); the
    number of records written."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if fmt in ("plover", "gdelt") and table not in EVENT_TABLES:
        raise UsageError(f"--format {fmt} exports events or mentions, not {table}")
    rows = [_plain(r) for r in records(store, kb, table)]
    if fmt == "parquet":
        if path is None:
            raise UsageError("--format parquet needs --out FILE")
        pq.write_table(pa.Table.from_pylist(rows) if rows else pa.table({}), str(path))
        return len(rows)
    handle = open(path, "w", encoding="utf-8", newline="") if path is not None else out
    try:
        if fmt == "jsonl":
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        elif fmt == "plover":
            ontology = load_yaml("events.yaml").get("types") or {}
            for row in rows:
                handle.write(json.dumps(plover_record(row, kb, ontology), ensure_ascii=False) + "\n")
        elif fmt == "gdelt":
            mapping = load_yaml("gdelt.yaml")
            writer = csv.DictWriter(handle, fieldnames=list(GDELT_COLUMNS), delimiter="\t", lineterminator="\n")
            writer.writeheader()
            writer.writerows(gdelt_row(row, kb, mapping) for row in rows)
        else:
            flat = [_flat(table, row) for row in rows]
            columns = list(dict.fromkeys(key for row in flat for key in row))
            writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
            writer.writeheader()
            writer.writerows(flat)
    finally:
        if path is not None:
            handle.close()
    return len(rows)
