"""The commands that run the pipeline: ingest into a store, reprocess it, run into Parquet."""

from __future__ import annotations

from collections import Counter
from typing import Annotated, Optional

import typer
from rich.table import Table
from rich.text import Text

from .base import err, settings_for, waiting, with_progress
from .options import DEFAULT_DB, Db, Engine, Model, Workers

# spaCy and the pipeline (runners.local) are imported inside the commands that annotate
# articles, so the other commands start fast (issue 16).


def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")],
    db: Db = DEFAULT_DB,
    workers: Workers = 1,
    model: Model = None,
) -> None:
    """Read, clean, annotate and store articles (text, JSONL, HTML, WARC, RSS/Atom, gzip, -)."""
    settings = settings_for(db, workers, model)
    from ..runners import local

    report = with_progress("ingest", lambda tick: local.ingest(paths, settings, progress=tick, on_wait=waiting))
    summary = Table(title=Text(f"ingest into {settings.db} ({report.seconds:.1f}s)"), show_header=False)
    summary.add_row("documents read", str(report.read))
    summary.add_row("articles stored", str(report.stored))
    summary.add_row("already stored (no change)", str(report.already_stored))
    summary.add_row("new input ids", str(report.new_aliases))
    summary.add_row("metadata completed", str(report.completed))
    summary.add_row("near-duplicates linked", str(report.near_duplicates))
    summary.add_row("skipped", str(report.skipped))
    for (code, reason), count in Counter(
        (p.code, p.reason.split(":")[0]) for p in report.problems
    ).most_common():
        summary.add_row(f"  {code} {reason}", str(count))
    err.print(summary)
    if report.skipped:
        err.print("see [bold]chronicle problems[/bold] for each skipped input")
    if report.read == 0:
        err.print("[red]nothing could be read[/red]")
        raise typer.Exit(1)


def reprocess(
    db: Db = DEFAULT_DB,
    stale: Annotated[
        bool,
        typer.Option(
            "--stale/--all", help="Only articles processed by an older pipeline (default), or all."
        ),
    ] = True,
    workers: Workers = 1,
    model: Model = None,
) -> None:
    """Re-run the per-article stages where the stored pipeline version is older."""
    from ..runners import local

    settings = settings_for(db, workers, model)
    done, version = with_progress(
        "reprocess", lambda tick: local.reprocess(settings, stale_only=stale, progress=tick)
    )
    err.print(f"reprocessed {done} articles with {version}")


def run(
    paths: Annotated[list[str], typer.Argument(help="Files or directories; with --engine spark any path Spark reads, and Parquet datasets (*.parquet).")],
    out: Annotated[str, typer.Option("--out", "-o", help="Output directory of Parquet tables (open it with --db DIR).")],
    engine: Annotated[Engine, typer.Option("--engine", help="local (this machine) or spark.")] = Engine.local,
    master: Annotated[
        Optional[str], typer.Option("--master", help="Spark master: local[2], spark://host:7077, yarn (default: spark-submit's, else local[*]).")
    ] = None,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="local: annotation processes; spark: annotation tasks (default: 2 per core).")] = 1,
    model: Model = None,
) -> None:
    """The whole pipeline into a directory of Parquet tables, on this machine or on Spark;
    a later run over new input adds to it (articles already there are skipped)."""
    from ..runners.local import run_local

    settings = settings_for("unused.duckdb", workers if engine is Engine.local else 1, model)
    if engine is Engine.local:
        report = with_progress("run", lambda tick: run_local(paths, out, settings, progress=tick))
    else:
        from ..runners import spark

        report = spark.run(paths, out, settings, master=master, partitions=workers if workers > 1 else None)
    summary = Table(title=Text(f"run ({report.engine}) into {out} ({report.seconds:.1f}s)"), show_header=False)
    summary.add_row("documents read", str(report.read))
    summary.add_row("articles added", str(report.stored))
    summary.add_row("already there (no change)", str(report.already_stored))
    summary.add_row("problems", str(report.problems))
    summary.add_row("near-duplicate articles", str(report.near_duplicates))
    summary.add_row("events", str(report.events))
    err.print(summary)
    if report.read == 0:
        err.print("[red]nothing could be read[/red]")
        raise typer.Exit(1)
