"""Options several commands take, each defined once: the store, the output format, dates and
periods, the filters of events, the annotation workers and model."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from enum import Enum
from typing import Annotated, Optional

import typer

from .. import query
from ..errors import ChronicleError
from ..output import Format

DEFAULT_DB = "chronicle.duckdb"


def checked(check: Callable[[str], object]) -> Callable[[Optional[str]], Optional[str]]:
    """An option callback: a value the library refuses is a usage error (exit 2)."""

    def callback(value: Optional[str]) -> Optional[str]:
        if value is not None:
            try:
                check(value)
            except ChronicleError as error:
                raise typer.BadParameter(str(error)) from error
        return value

    return callback


def period(help: str):
    """A period option (yyyy, yyyy-mm or yyyy-mm-dd), checked by the library."""
    return Annotated[Optional[str], typer.Option(help=f"{help}: yyyy, yyyy-mm or yyyy-mm-dd.", callback=checked(query.period))]


def day(help: str):
    """A day option (yyyy-mm-dd)."""
    return Annotated[Optional[dt.datetime], typer.Option(formats=["%Y-%m-%d"], help=help)]


def modality(help: str):
    return Annotated[Optional[str], typer.Option(help=help, callback=checked(query.valid_modality))]


class TimelineFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"
    markdown = "markdown"


class Engine(str, Enum):
    local = "local"
    spark = "spark"


Db = Annotated[str, typer.Option("--db", envvar="CHRONICLE_DB", help="The store: a DuckDB file, or a `chronicle run` output directory.")]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="table, jsonl or csv.")]
TextOrJson = Annotated[str, typer.Option("--format", "-f", help="text or json.")]
Limit = Annotated[Optional[int], typer.Option(min=1)]
Workers = Annotated[int, typer.Option("--workers", "-w", min=1, help="Annotation processes.")]
Model = Annotated[Optional[str], typer.Option("--model", envvar="CHRONICLE_MODEL", help="spaCy pipeline to load.")]
TypeOpt = Annotated[Optional[str], typer.Option("--type", help="A PLOVER type (CONSULT, ...).", callback=checked(query.valid_event_type))]
ActorOpt = Annotated[Optional[str], typer.Option(help="An actor id, or a name (or part of one).")]
ArticleOpt = Annotated[Optional[str], typer.Option(help="article_id, content id or any input id.")]
Since = period("On or after")
Until = period("On or before")
PublishedSince = period("Published on or after")
PublishedUntil = period("Published on or before")
DaySince = day("Published on or after.")
DayUntil = day("Published on or before.")
MentionModality = modality("reported, historical, planned, hypothetical or negated.")
EventModality = modality("reported (happened), planned, hypothetical or negated.")
