"""The commands that read events: mentions, fused events, timelines, quotes, claims."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from .. import query
from ..output import Format, write_markdown, write_rows
from .base import open_store
from .options import (
    DEFAULT_DB,
    ActorOpt,
    ArticleOpt,
    Db,
    EventModality,
    FormatOpt,
    Limit,
    MentionModality,
    PublishedSince,
    PublishedUntil,
    Since,
    TimelineFormat,
    TypeOpt,
    Until,
    checked,
)


def mentions(
    db: Db = DEFAULT_DB,
    type: TypeOpt = None,
    actor: ActorOpt = None,
    since: Since = None,
    until: Until = None,
    article: ArticleOpt = None,
    modality: MentionModality = None,
    limit: Limit = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """Event mentions, one per event an article reports, by date: type, actors, place, evidence."""
    with open_store(db) as store:
        kb = query.kb_of(store) if actor else None
        rows = query.list_event_mentions(
            store, type=type, actor=actor, since=since, until=until, article=article,
            modality=modality, limit=limit, kb=kb,
        )
    if fmt == Format.jsonl:
        return write_rows(rows, query.MENTION_FIELDS, fmt)
    columns = (
        query.MENTION_COLUMNS
        if fmt == Format.csv
        else ("date", "type", "mode", "modality", "actors", "place", "trigger", "article_id")
    )
    flat = [query.flat_event_mention(row) for row in rows]
    write_rows(flat, columns, fmt, title=f"{len(rows)} event mentions")


def events(
    db: Db = DEFAULT_DB,
    type: TypeOpt = None,
    actor: ActorOpt = None,
    since: Since = None,
    until: Until = None,
    modality: EventModality = None,
    limit: Limit = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """Fused events, one per real-world happening, by date: best date and place, reports, outlets."""
    with open_store(db) as store:
        kb = query.kb_of(store) if actor else None
        rows = query.list_events(
            store, type=type, actor=actor, since=since, until=until, modality=modality, limit=limit, kb=kb
        )
    if fmt == Format.jsonl:
        return write_rows(rows, query.EVENT_FIELDS, fmt)
    columns = query.EVENT_COLUMNS if fmt == Format.csv else query.TIMELINE_COLUMNS
    write_rows([query.flat_event(row) for row in rows], columns, fmt, title=f"{len(rows)} events")


def timeline(
    actors: Annotated[list[str], typer.Argument(help="One or two actors: ids or names.")],
    db: Db = DEFAULT_DB,
    type: Annotated[
        str,
        typer.Option("--type", help="A PLOVER type, or all. Meetings (CONSULT) by default.",
                     callback=checked(lambda value: value if value.lower() == "all" else query.valid_event_type(value))),
    ] = "CONSULT",
    since: Since = None,
    until: Until = None,
    planned: Annotated[bool, typer.Option("--planned", help="Also planned events.")] = False,
    undated: Annotated[bool, typer.Option("--undated", help="Also undated events (last).")] = False,
    fmt: Annotated[TimelineFormat, typer.Option("--format", "-f", help="table, jsonl, csv or markdown.")] = TimelineFormat.table,
) -> None:
    """The events every given actor takes part in, in date order: meetings (--type all for
    every type) that happened and are dated, by default."""
    with open_store(db) as store:
        rows = query.timeline(store, actors, type=None if type.lower() == "all" else type, since=since, until=until,
                              planned=planned, undated=undated)
    if fmt == TimelineFormat.jsonl:
        return write_rows(rows, query.EVENT_FIELDS, Format.jsonl)
    flat = [query.flat_event(row) for row in rows]
    if fmt == TimelineFormat.markdown:
        return write_markdown(flat, query.TIMELINE_COLUMNS)
    columns = query.EVENT_COLUMNS if fmt == TimelineFormat.csv else query.TIMELINE_COLUMNS
    write_rows(flat, columns, Format(fmt.value), title=f"timeline of {' and '.join(actors)}: {len(rows)} events")


def quotes(
    db: Db = DEFAULT_DB,
    speaker: Annotated[Optional[str], typer.Option(help="A speaker id, or a name (or part of one).")] = None,
    about: Annotated[Optional[str], typer.Option(help="Words the quote contains (case-insensitive).")] = None,
    since: PublishedSince = None,
    until: PublishedUntil = None,
    article: ArticleOpt = None,
    limit: Limit = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """Quotes: who said what (direct, partial, indirect), to whom, at which event."""
    with open_store(db) as store:
        rows = query.list_quotes(store, speaker=speaker, about=about, since=since, until=until, article=article, limit=limit)
    if fmt == Format.jsonl:
        return write_rows(rows, query.QUOTE_FIELDS, fmt)
    columns = query.QUOTE_COLUMNS if fmt == Format.csv else ("published", "speaker", "kind", "text", "addressee", "event_id", "article_id")
    write_rows([query.flat_quote(row) for row in rows], columns, fmt, title=f"{len(rows)} quotes")


def claims(
    db: Db = DEFAULT_DB,
    actor: Annotated[Optional[str], typer.Option(help="An actor of the pair: id, or a name (or part of one).")] = None,
    article: ArticleOpt = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """Claims about the record ("the 13th meeting between ... since ..."), each beside the
    store's count and the events behind it."""
    with open_store(db) as store:
        kb = query.kb_of(store)
        rows = query.list_claims(store, actor=actor, article=article, kb=kb)
    if fmt == Format.jsonl:
        return write_rows(rows, query.CLAIM_FIELDS, fmt)
    columns = (
        query.CLAIM_COLUMNS
        if fmt == Format.csv
        else ("text", "claimed", "in_store", "difference", "pair", "since", "until", "events", "article_id")
    )
    write_rows([query.flat_claim(row) for row in rows], columns, fmt, title=f"{len(rows)} claims")
