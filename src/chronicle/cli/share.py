"""The commands that hand the store to others: export a table, serve the API and pages."""

from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer

from .. import query
from ..errors import UsageError
from ..settings import Settings
from .base import err, read, waiting
from .options import DEFAULT_DB, Db


def export(
    table: Annotated[str, typer.Argument(help="events, mentions, quotes, actors or articles.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv, parquet, plover (events, mentions) or gdelt (events, mentions).")] = "jsonl",
    out: Annotated[Optional[str], typer.Option("--out", "-o", help="Write to this file (needed for parquet); else standard output.")] = None,
    db: Db = DEFAULT_DB,
) -> None:
    """Write a whole table for other tools: JSONL, CSV, Parquet, PLOVER records or a GDELT-style table."""
    from ..export import export as write

    count = read(db, lambda store: write(store, query.kb_of(store), table, fmt, out=sys.stdout, path=out))
    if out:
        err.print(f"{count} {table} written to {out}")


def serve(
    db: Db = DEFAULT_DB,
    host: Annotated[str, typer.Option("--host", help="Address to bind: loopback by default.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port to listen on.")] = 8000,
    allow_ingest: Annotated[
        bool, typer.Option("--allow-ingest", help="Accept POST /api/ingest (needs --token); opens the store read-write.")
    ] = False,
    token: Annotated[
        Optional[str],
        typer.Option("--token", envvar="CHRONICLE_TOKEN", show_default=False, help="Bearer token for ingest over HTTP."),
    ] = None,
) -> None:
    """Serve the JSON API and web pages over the store (read-only unless --allow-ingest)."""
    import uvicorn

    from ..server.app import create_app

    if allow_ingest and not token:
        raise UsageError("--allow-ingest needs a token: give --token or set CHRONICLE_TOKEN")
    web = create_app(db, allow_ingest=allow_ingest, token=token if allow_ingest else None,
                     wait=Settings().lock_wait, on_wait=waiting)
    err.print(f"serving {db} on http://{host}:{port}/ ({'ingest allowed' if allow_ingest else 'read-only'})")
    uvicorn.run(web, host=host, port=port, log_level="info", server_header=False)
