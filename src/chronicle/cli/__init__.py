"""The command line. Each command opens the store, calls one library function and prints;
a library error becomes a clean message and exit code in one place (`base.ErrorBoundary`).

Commands are listed here, in the order `chronicle --help` shows them; each lives in the
module of its concern: `ingest` (run the pipeline), `browse` (articles, actors, places),
`events` (mentions, events, timelines, quotes, claims), `share` (export, serve), `kb`,
`evaluate`. Options several commands take are defined once in `options`."""

from __future__ import annotations

import typer

from .exit import leave

from . import browse, events, evaluate, ingest, share
from .base import ErrorBoundary
from .kb import kb_app

app = typer.Typer(
    cls=ErrorBoundary,
    help="chronicle: news reports in, a queryable record of political events out.",
    no_args_is_help=True,
    add_completion=False,
)

COMMANDS = (
    ingest.ingest,
    ingest.reprocess,
    ingest.run,
    browse.articles,
    browse.show,
    browse.stats,
    browse.problems,
    events.mentions,
    events.events,
    events.timeline,
    events.quotes,
    events.claims,
    share.serve,
    browse.actors,
    browse.actor,
    browse.places,
    share.export,
)
for command in COMMANDS:
    app.command()(command)
app.command(name="eval")(evaluate.evaluate_command)
app.add_typer(kb_app, name="kb")


def main() -> None:
    """Console-script entry point; the process ends through `exit.leave` (skips the
    interpreter's teardown, issue 16)."""
    try:
        app()
    except SystemExit as done:
        leave(done.code)
        raise
    leave(0)


__all__ = ["app", "main"]
