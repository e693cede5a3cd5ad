"""The commands that read what the store holds: articles, problems, actors, places."""

from __future__ import annotations

from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.text import Text

from .. import query
from ..output import Format, write_rows
from .base import Listing, print_field, print_json, read
from .options import DEFAULT_DB, DaySince, DayUntil, Db, FormatOpt, Limit, TextOrJson

ARTICLES = Listing(
    "articles",
    table=("article_id", "published", "outlet", "title", "sentences", "entities", "near_duplicate_of"),
    csv=query.ARTICLE_COLUMNS,
)
PROBLEMS = Listing("problems", table=("code", "source", "reason", "first_seen"))
ACTORS = Listing("actors", table=("id", "name", "kind", "country", "mentions", "articles", "in_kb"))
PLACES = Listing("places", table=("id", "name", "kind", "country", "lat", "lon", "mentions", "articles"))


def articles(
    db: Db = DEFAULT_DB,
    since: DaySince = None,
    until: DayUntil = None,
    outlet: Annotated[Optional[str], typer.Option(help="Outlet name contains.")] = None,
    limit: Limit = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """List stored articles, newest first."""
    rows = read(
        db,
        query.list_articles,
        since=since.date() if since else None,
        until=until.date() if until else None,
        outlet=outlet,
        limit=limit,
    )
    ARTICLES.write(rows, fmt)


def show(
    article: Annotated[str, typer.Argument(help="article_id, content id or any input id.")],
    db: Db = DEFAULT_DB,
    fmt: TextOrJson = "text",
) -> None:
    """One article: metadata, then the clean text with its entities marked."""
    record = read(db, query.get_article, article)
    if fmt == "json":
        return print_json(record)
    out = Console()
    for key in (
        "article_id",
        "id",
        "url",
        "outlet",
        "title",
        "published",
        "published_source",
        "published_evidence",
        "near_duplicate_of",
        "pipeline_version",
    ):
        print_field(out, key, record[key])
    print_field(out, "aliases", ", ".join(record["aliases"]) or "-")
    out.print()
    text = Text()
    for piece, label in query.mark_entities(record["clean_text"], record["entities"]):
        if label:
            text.append(f"[{piece}]", style="bold cyan")
            text.append(label, style="dim")
        else:
            text.append(piece)
    out.print(text)


def stats(db: Db = DEFAULT_DB) -> None:
    """Counts of what the store holds."""
    print_json(read(db, query.stats))


def problems(
    db: Db = DEFAULT_DB,
    code: Annotated[Optional[str], typer.Option(help="Only this problem code, e.g. E111.")] = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """Inputs that were skipped, and why."""
    PROBLEMS.write(read(db, query.list_problems, code), fmt)


def actors(
    db: Db = DEFAULT_DB,
    kind: Annotated[Optional[str], typer.Option(help="person, organization, country or group.")] = None,
    limit: Limit = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """Actors mentioned in the store, with mention and article counts."""
    ACTORS.write(read(db, lambda store: query.list_actors(store, query.kb_of(store), kind=kind, limit=limit)), fmt)


def actor(
    name: Annotated[str, typer.Argument(help="An actor id, name, alias or surname.")],
    db: Db = DEFAULT_DB,
    fmt: TextOrJson = "text",
) -> None:
    """One actor: identity, the names it is mentioned by, roles over time with evidence."""
    record = read(db, lambda store: query.get_actor(store, query.kb_of(store), name))
    if fmt == "json":
        return print_json(record)
    out = Console()
    for key in ("id", "name", "kind", "country", "sector", "qid"):
        print_field(out, key, record[key])
    print_field(out, "aliases", ", ".join(record["aliases"]) or "-")
    seen = ", ".join(f"{m['text']} ({m['mentions']}, {m['method']})" for m in record["mentioned_as"])
    print_field(out, "mentioned as", seen or "-")
    out.print()
    write_rows(record["roles"], ("office", "of", "start", "end", "source"), Format.table, title="roles (knowledge base)")
    write_rows(record["role_evidence"], ("day", "office", "seat", "title", "article_id", "sentence"), Format.table, title="role evidence (articles)")


def places(
    db: Db = DEFAULT_DB,
    limit: Limit = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """Places mentioned in the store, resolved to GeoNames, with counts."""
    PLACES.write(read(db, query.list_places, limit), fmt)
