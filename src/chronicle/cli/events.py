"""The commands that read events: mentions, fused events, timelines, quotes, claims."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from .. import query
from ..output import Format, write_markdown
from .base import Listing, read
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

MENTIONS = Listing(
    "event mentions",
    table=("date", "type", "mode", "modality", "actors", "place", "trigger", "article_id"),
    csv=query.MENTION_COLUMNS,
    keys=query.MENTION_FIELDS,
    flat=query.flat_event_mention,
)
EVENTS = Listing(
    "events", table=query.TIMELINE_COLUMNS, csv=query.EVENT_COLUMNS, keys=query.EVENT_FIELDS, flat=query.flat_event
)
QUOTES = Listing(
    "quotes",
    table=("published", "speaker", "kind", "text", "addressee", "event_id", "article_id"),
    csv=query.QUOTE_COLUMNS,
    keys=query.QUOTE_FIELDS,
    flat=query.flat_quote,
)
CLAIMS = Listing(
    "claims",
    table=("text", "claimed", "in_store", "difference", "pair", "since", "until", "events", "article_id"),
    csv=query.CLAIM_COLUMNS,
    keys=query.CLAIM_FIELDS,
    flat=query.flat_claim,
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
    rows = read(db, lambda store: query.list_event_mentions(
        store, type=type, actor=actor, since=since, until=until, article=article,
        modality=modality, limit=limit, kb=query.kb_of(store) if actor else None,
    ))
    MENTIONS.write(rows, fmt)


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
    rows = read(db, lambda store: query.list_events(
        store, type=type, actor=actor, since=since, until=until, modality=modality, limit=limit,
        kb=query.kb_of(store) if actor else None,
    ))
    EVENTS.write(rows, fmt)


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
    rows = read(db, query.timeline, actors, type=None if type.lower() == "all" else type, since=since, until=until,
                planned=planned, undated=undated)
    if fmt == TimelineFormat.markdown:
        return write_markdown([query.flat_event(row) for row in rows], query.TIMELINE_COLUMNS)
    EVENTS.write(rows, Format(fmt.value), title=f"timeline of {' and '.join(actors)}: {len(rows)} events")


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
    rows = read(db, query.list_quotes, speaker=speaker, about=about, since=since, until=until, article=article, limit=limit)
    QUOTES.write(rows, fmt)


def claims(
    db: Db = DEFAULT_DB,
    actor: Annotated[Optional[str], typer.Option(help="An actor of the pair: id, or a name (or part of one).")] = None,
    article: ArticleOpt = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """Claims about the record ("the 13th meeting between ... since ..."), each beside the
    store's count and the events behind it."""
    CLAIMS.write(read(db, query.list_claims, actor=actor, article=article), fmt)
