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
    skipped = Counter((p.code, p.reason.split(":")[0]) for p in report.problems).most_common()
    _print_summary(f"ingest into {settings.db} ({report.seconds:.1f}s)", [
        ("documents read", report.read),
        ("articles stored", report.stored),
        ("already stored (no change)", report.already_stored),
        ("new input ids", report.new_aliases),
        ("metadata completed", report.completed),
        ("near-duplicates linked", report.near_duplicates),
        ("skipped", report.skipped),
        *((f"  {code} {reason}", count) for (code, reason), count in skipped),
    ])
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
    _print_summary(f"run ({report.engine}) into {out} ({report.seconds:.1f}s)", [
        ("documents read", report.read),
        ("articles added", report.stored),
        ("already there (no change)", report.already_stored),
        ("problems", report.problems),
        ("near-duplicate articles", report.near_duplicates),
        ("events", report.events),
    ])
    if report.read == 0:
        err.print("[red]nothing could be read[/red]")
        raise typer.Exit(1)


def _print_summary(title: str, rows: list[tuple[str, object]]) -> None:
    """What a run did, as a two-column table on stderr."""
    summary = Table(title=Text(title), show_header=False)
    for label, value in rows:
        summary.add_row(label, str(value))
    err.print(summary)
