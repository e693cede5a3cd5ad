"""Rows: the records of an ingest batch as the Arrow tables the store inserts (articles,
per-article tables, aliases, problems), and stored rows back as records."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pyarrow as pa

from ..model import Annotation, Article, CleanText, Event, OffsetMap, Problem
from .schema import utc_now

def unique_new(articles: list[Article], known: set[str]) -> list[Article]:
    """Articles whose id is neither known nor earlier in the list."""
    seen = set(known)
    unique = []
    for article in articles:
        if article.id not in seen:
            seen.add(article.id)
            unique.append(article)
    return unique


def articles_table(articles: list[Article], annotations: list[Annotation]) -> pa.Table | None:
    annotated = {a.article_id: a for a in annotations}
    now = utc_now()
    rows = []
    for article in articles:
        segments = article.clean.offsets.segments
        rows.append(
            {
                "id": article.id,
                "article_id": article.id,  # until an input id names it
                "url": article.url,
                "outlet": article.outlet,
                "title": article.title,
                "published": dt.date.fromisoformat(article.published.value)
                if article.published.value
                else None,
                "published_source": article.published.source,
                "published_evidence": article.published.evidence,
                "published_rejected": list(article.published.rejected),
                "published_month": article.published.month,
                "language": article.language,
                "source": article.source,
                "format": article.format,
                "raw_text": article.raw_text,
                "clean_text": article.clean.text,
                "offset_clean": [s[0] for s in segments],
                "offset_raw": [s[1] for s in segments],
                "offset_length": [s[2] for s in segments],
                "near_duplicate_of": None,
                "date_flags": list(annotated[article.id].date_flags),
                "pipeline_version": annotated[article.id].pipeline_version,
                "ingested_at": now,
            }
        )
    return pa.Table.from_pylist(rows, schema=ARTICLE_SCHEMA) if rows else None


ARTICLE_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("article_id", pa.string()),
        ("url", pa.string()),
        ("outlet", pa.string()),
        ("title", pa.string()),
        ("published", pa.date32()),
        ("published_source", pa.string()),
        ("published_evidence", pa.string()),
        ("published_rejected", pa.list_(pa.string())),
        ("published_month", pa.string()),
        ("language", pa.string()),
        ("source", pa.string()),
        ("format", pa.string()),
        ("raw_text", pa.string()),
        ("clean_text", pa.string()),
        ("offset_clean", pa.list_(pa.int32())),
        ("offset_raw", pa.list_(pa.int32())),
        ("offset_length", pa.list_(pa.int32())),
        ("near_duplicate_of", pa.string()),
        ("date_flags", pa.list_(pa.string())),
        ("pipeline_version", pa.string()),
        ("ingested_at", pa.timestamp("us")),
    ]
)


def clean_text(row: dict) -> CleanText:
    segments = tuple(zip(row["offset_clean"], row["offset_raw"], row["offset_length"]))
    return CleanText(row["clean_text"], OffsetMap(segments))


PLACE_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("name", pa.string()),
        ("kind", pa.string()),
        ("country", pa.string()),
        ("lat", pa.float64()),
        ("lon", pa.float64()),
    ]
)


_COPIED = {  # per-article table -> the record's attributes stored as they are
    "mentions": ("kind", "label", "text", "value", "method", "confidence", "precision", "end_value", "anchor"),
    "role_evidence": ("actor", "office", "seat", "title", "day"),
    "claims": (
        "text", "count", "kind", "form", "noun", "pattern", "since", "since_precision", "until", "speaker",
    ),
}


def _fields(table: str, item, clean: CleanText) -> dict:
    """The columns of a per-article row besides its position and spans."""
    if table == "entities":
        return {"label": item.label, "text": clean.text[item.start : item.end]}
    if table == "event_mentions":
        return _event_mention_fields(item, clean)
    if table == "quotes":
        return _quote_fields(item, clean)
    fields = {name: getattr(item, name) for name in _COPIED.get(table, ())}
    if table == "claims":
        fields["actors"] = list(item.actors)
    return fields


def _event_mention_fields(item, clean: CleanText) -> dict:
    """An event mention's columns: its fields, its actors and evidence with their spans."""
    return {
        **{
            name: getattr(item, name)
            for name in (
                "type", "mode", "modality", "date", "end_date", "date_precision", "date_expression", "date_rule",
                "place", "confidence",
            )
        },
        "actors": [
            {"id": a.id, "name": a.name, "kind": a.kind, "role": a.role, "country": a.country, **_spans(a.start, a.end, clean)}
            for a in item.actors
        ],
        "evidence": [
            {
                **_spans(e.start, e.end, clean),
                **_spans(e.trigger_start, e.trigger_end, clean, "trigger_"),
                "trigger": e.trigger,
                "text": clean.text[e.start : e.end],
            }
            for e in item.evidence
        ],
    }


def _quote_fields(item, clean: CleanText) -> dict:
    """A quote's columns: its fields, and the speaker's span when the cue names one."""
    speaker = (
        _spans(item.speaker_start, item.speaker_end, clean, "speaker_")
        if item.speaker_start is not None and item.speaker_end is not None
        else dict.fromkeys(("speaker_clean_start", "speaker_clean_end", "speaker_start", "speaker_end"))
    )
    return {
        "text": item.text,
        "kind": item.kind,
        "speaker": item.speaker,
        **speaker,
        "cue": item.cue,
        "addressee": item.addressee,
        "event_idx": item.event,
    }


def _spans(start: int, end: int, clean: CleanText, prefix: str = "") -> dict:
    """A clean span and its raw twin, as `<prefix>clean_start` ... `<prefix>end` columns."""
    raw_start, raw_end = clean.offsets.span_to_raw(start, end)
    return {
        f"{prefix}clean_start": start,
        f"{prefix}clean_end": end,
        f"{prefix}start": raw_start,
        f"{prefix}end": raw_end,
    }


def per_article_rows(
    annotations: list[Annotation], cleaned: dict[str, CleanText], table: str
) -> pa.Table | None:
    """Rows of a per-article table, with spans in both the clean and the raw text."""
    rows = []
    for annotation in annotations:
        clean = cleaned[annotation.article_id]
        for idx, item in enumerate(getattr(annotation, table)):
            rows.append(
                {
                    "id": annotation.article_id,
                    "idx": idx,
                    **_spans(item.start, item.end, clean),
                    **_fields(table, item, clean),
                }
            )
    if not rows:
        return None
    schemas = {"event_mentions": EVENT_MENTION_SCHEMA, "quotes": QUOTE_SCHEMA, "claims": CLAIM_SCHEMA}
    return pa.Table.from_pylist(rows, schema=schemas.get(table))


def _span_fields(prefix: str = "") -> list[tuple[str, pa.DataType]]:
    return [(f"{prefix}{name}", pa.int32()) for name in ("clean_start", "clean_end", "start", "end")]


# An actor as the event tables store it; an event mention's also has its words' spans.
ACTOR_FIELDS = [(name, pa.string()) for name in ("id", "name", "kind", "role", "country")]


def _event_fields(dating: tuple[str, ...], actor_spans: list) -> list[tuple[str, pa.DataType]]:
    """The columns an event mention and a fused event share: what, how, when (with the
    mention's `dating` columns), where, how sure, and who."""
    whats = ("type", "mode", "modality", "date", "end_date", "date_precision", *dating, "place")
    return [
        *[(name, pa.string()) for name in whats],
        ("confidence", pa.float64()),
        ("actors", pa.list_(pa.struct(ACTOR_FIELDS + actor_spans))),
    ]


EVENT_MENTION_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("idx", pa.int32()),
        *_span_fields(),
        *_event_fields(("date_expression", "date_rule"), _span_fields()),
        (
            "evidence",
            pa.list_(
                pa.struct(
                    _span_fields()
                    + _span_fields("trigger_")
                    + [("trigger", pa.string()), ("text", pa.string())]
                )
            ),
        ),
    ]
)


EVENT_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        *_event_fields((), []),
        *[(name, pa.int32()) for name in ("mentions", "articles", "outlets")],
        *[(name, pa.string()) for name in ("summary", "date_from", "place_from")],
        ("created_at", pa.timestamp("us")),
    ]
)


EVENT_MEMBER_SCHEMA = pa.schema(
    [("event_id", pa.string()), ("article", pa.string()), ("idx", pa.int32())]
    + [(name, pa.string()) for name in ("date", "end_date", "date_precision", "date_from")]
)


QUOTE_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("idx", pa.int32()),
        *_span_fields(),
        ("text", pa.string()),
        ("kind", pa.string()),
        ("speaker", pa.string()),
        *_span_fields("speaker_"),
        ("cue", pa.string()),
        ("addressee", pa.string()),
        ("event_idx", pa.int32()),
    ]
)


CLAIM_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("idx", pa.int32()),
        *_span_fields(),
        ("text", pa.string()),
        ("count", pa.int32()),
        *[(name, pa.string()) for name in ("kind", "form", "noun", "pattern")],
        ("actors", pa.list_(pa.string())),
        *[(name, pa.string()) for name in ("since", "since_precision", "until", "speaker")],
    ]
)


def aliases_table(aliases: list[tuple[str, str]]) -> pa.Table | None:
    if not aliases:
        return None
    now = utc_now()
    return pa.table(
        {
            "alias": [alias for alias, _ in aliases],
            "id": [article_id for _, article_id in aliases],
            "added_at": pa.array([now] * len(aliases), pa.timestamp("us")),
        }
    )


def problems_table(problems: list[Problem]) -> pa.Table | None:
    unique = list(dict.fromkeys(problems))
    if not unique:
        return None
    now = utc_now()
    return pa.table(
        {
            "source": [p.source for p in unique],
            "code": [p.code for p in unique],
            "reason": [p.reason for p in unique],
            "first_seen": pa.array([now] * len(unique), pa.timestamp("us")),
        }
    )


def events_table(events: list[Event], created: dict[str, object]) -> pa.Table | None:
    """Fused events as `events` rows; created_at of the stored event each continues
    (`created`, by id), else now."""
    if not events:
        return None
    now = utc_now()
    rows = [
        {name: getattr(event, name) for name in EVENT_SCHEMA.names if name not in ("actors", "created_at")}
        | {"actors": [dataclasses.asdict(actor) for actor in event.actors], "created_at": created.get(event.id) or now}
        for event in events
    ]
    return pa.Table.from_pylist(rows, schema=EVENT_SCHEMA)


def event_members_table(events: list[Event], dates: dict | None = None) -> pa.Table | None:
    """Each fused event's member mentions as `event_members` rows, with the date fusion
    gives an undated one (`dates`, by member key: fuse_dates.page_dates' fields)."""
    dates = dates or {}
    rows = [
        {"event_id": event.id, "article": key[0], "idx": key[1], **dates.get(key, {})}
        for event in events
        for key in event.members
    ]
    return pa.Table.from_pylist(rows, schema=EVENT_MEMBER_SCHEMA) if rows else None
