"""The command line: each command opens the store, calls one library function, prints."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections import Counter
from collections.abc import Callable
from enum import Enum
from typing import Annotated, Optional, TypeVar

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text

from . import query
from .errors import ChronicleError
from .output import Format, write_markdown, write_rows
from .settings import Settings, default_model
from .store import Store

# What a command does not need is imported inside it: spaCy and the pipeline (runners.local)
# only where articles are annotated, the KB tools where the KB is edited (start-up, issue 16).
Tick = Callable[[int], None]  # the progress callback of the runners (runners.local.Progress)

app = typer.Typer(
    help="chronicle: news reports in, a queryable record of political events out.",
    no_args_is_help=True,
    add_completion=False,
)
err = Console(stderr=True, soft_wrap=True)

Db = Annotated[str, typer.Option("--db", envvar="CHRONICLE_DB", help="The store: a DuckDB file, or a `chronicle run` output directory.")]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="table, jsonl or csv.")]
Workers = Annotated[int, typer.Option("--workers", "-w", min=1, help="Annotation processes.")]
Model = Annotated[
    Optional[str],
    typer.Option("--model", envvar="CHRONICLE_MODEL", help="spaCy pipeline to load."),
]
DateOpt = Optional[dt.datetime]
T = TypeVar("T")


def _settings(db: str, workers: int = 1, model: str | None = None) -> Settings:
    return Settings(db=db, workers=workers, model=model or default_model())


def _with_progress(description: str, run: Callable[[Tick], T]) -> T:
    """Run a long library call under a progress bar; its usage errors exit with code 2."""
    with _progress() as bar:
        task = bar.add_task(description, total=None, rate="-")
        try:
            return run(_tick(bar, task))
        except ChronicleError as error:
            _error(error)
            raise typer.Exit(2) from error


def _progress() -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[rate]} articles/s"),
        TimeElapsedColumn(),
        console=err,
        transient=False,
    )


def _tick(bar: Progress, task) -> Tick:
    def advance(count: int) -> None:
        bar.advance(task, count)
        elapsed = bar.tasks[task].elapsed or 0.0
        done = bar.tasks[task].completed
        bar.update(task, rate=f"{done / elapsed:.1f}" if elapsed else "-")

    return advance


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")],
    db: Db = "chronicle.duckdb",
    workers: Workers = 1,
    model: Model = None,
) -> None:
    """Read, clean, annotate and store articles (text, JSONL, HTML, WARC, RSS/Atom, gzip, -)."""
    settings = _settings(db, workers, model)
    from .runners import local

    report = _with_progress("ingest", lambda tick: local.ingest(paths, settings, progress=tick, on_wait=_waiting))
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


@app.command()
def reprocess(
    db: Db = "chronicle.duckdb",
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
    from .runners import local

    settings = _settings(db, workers, model)
    done, version = _with_progress(
        "reprocess", lambda tick: local.reprocess(settings, stale_only=stale, progress=tick)
    )
    err.print(f"reprocessed {done} articles with {version}")


class Engine(str, Enum):
    local = "local"
    spark = "spark"


@app.command()
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
    from .runners.local import run_local

    settings = _settings("unused.duckdb", workers if engine is Engine.local else 1, model)
    if engine is Engine.local:
        report = _with_progress("run", lambda tick: run_local(paths, out, settings, progress=tick))
    else:
        try:
            from .runners import spark

            report = spark.run(paths, out, settings, master=master, partitions=workers if workers > 1 else None)
        except ChronicleError as error:
            _error(error)
            raise typer.Exit(2) from error
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


@app.command()
def articles(
    db: Db = "chronicle.duckdb",
    since: Annotated[
        DateOpt, typer.Option(formats=["%Y-%m-%d"], help="Published on or after.")
    ] = None,
    until: Annotated[
        DateOpt, typer.Option(formats=["%Y-%m-%d"], help="Published on or before.")
    ] = None,
    outlet: Annotated[Optional[str], typer.Option(help="Outlet name contains.")] = None,
    limit: Annotated[Optional[int], typer.Option(min=1)] = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """List stored articles, newest first."""
    with _open(db) as store:
        rows = query.list_articles(
            store,
            since=since.date() if since else None,
            until=until.date() if until else None,
            outlet=outlet,
            limit=limit,
        )
    columns = (
        query.ARTICLE_COLUMNS
        if fmt != Format.table
        else (
            "article_id",
            "published",
            "outlet",
            "title",
            "sentences",
            "entities",
            "near_duplicate_of",
        )
    )
    write_rows(rows, columns, fmt, title=f"{len(rows)} articles")


@app.command()
def show(
    article: Annotated[str, typer.Argument(help="article_id, content id or any input id.")],
    db: Db = "chronicle.duckdb",
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
) -> None:
    """One article: metadata, then the clean text with its entities marked."""
    with _open(db) as store:
        record = _fail_cleanly(query.get_article, store, article)
    if fmt == "json":
        return _print_json(record)
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
        _print_field(out, key, record[key])
    _print_field(out, "aliases", ", ".join(record["aliases"]) or "-")
    out.print()
    text = Text()
    for piece, label in query.mark_entities(record["clean_text"], record["entities"]):
        if label:
            text.append(f"[{piece}]", style="bold cyan")
            text.append(label, style="dim")
        else:
            text.append(piece)
    out.print(text)


@app.command()
def stats(db: Db = "chronicle.duckdb") -> None:
    """Counts of what the store holds."""
    with _open(db) as store:
        _print_json(query.stats(store))


@app.command()
def problems(
    db: Db = "chronicle.duckdb",
    code: Annotated[Optional[str], typer.Option(help="Only this problem code, e.g. E111.")] = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """Inputs that were skipped, and why."""
    with _open(db) as store:
        rows = query.list_problems(store, code)
    write_rows(rows, ("code", "source", "reason", "first_seen"), fmt, title=f"{len(rows)} problems")


def _checked(check: Callable[[str], object]) -> Callable[[Optional[str]], Optional[str]]:
    """An option callback: a value the library refuses is a usage error (exit 2)."""

    def callback(value: Optional[str]) -> Optional[str]:
        if value is not None:
            try:
                check(value)
            except ChronicleError as error:
                raise typer.BadParameter(str(error)) from error
        return value

    return callback


@app.command()
def mentions(
    db: Db = "chronicle.duckdb",
    type: Annotated[
        Optional[str],
        typer.Option("--type", help="A PLOVER type (CONSULT, ...).", callback=_checked(query.valid_event_type)),
    ] = None,
    actor: Annotated[Optional[str], typer.Option(help="An actor id, or a name (or part of one).")] = None,
    since: Annotated[
        Optional[str],
        typer.Option(help="On or after: yyyy, yyyy-mm or yyyy-mm-dd.", callback=_checked(query.period)),
    ] = None,
    until: Annotated[
        Optional[str],
        typer.Option(help="On or before: yyyy, yyyy-mm or yyyy-mm-dd.", callback=_checked(query.period)),
    ] = None,
    article: Annotated[Optional[str], typer.Option(help="article_id, content id or any input id.")] = None,
    modality: Annotated[
        Optional[str],
        typer.Option(help="reported, historical, planned, hypothetical or negated.", callback=_checked(query.valid_modality)),
    ] = None,
    limit: Annotated[Optional[int], typer.Option(min=1)] = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """Event mentions, one per event an article reports, by date: type, actors, place, evidence."""
    with _open(db) as store:
        kb = _fail_cleanly(query.kb_of, store) if actor else None
        rows = _fail_cleanly(
            lambda: query.list_event_mentions(
                store, type=type, actor=actor, since=since, until=until, article=article,
                modality=modality, limit=limit, kb=kb,
            )
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


class TimelineFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"
    markdown = "markdown"


TypeOpt = Annotated[
    Optional[str],
    typer.Option("--type", help="A PLOVER type (CONSULT, ...).", callback=_checked(query.valid_event_type)),
]
SinceOpt = Annotated[
    Optional[str],
    typer.Option(help="On or after: yyyy, yyyy-mm or yyyy-mm-dd.", callback=_checked(query.period)),
]
UntilOpt = Annotated[
    Optional[str],
    typer.Option(help="On or before: yyyy, yyyy-mm or yyyy-mm-dd.", callback=_checked(query.period)),
]


@app.command()
def events(
    db: Db = "chronicle.duckdb",
    type: TypeOpt = None,
    actor: Annotated[Optional[str], typer.Option(help="An actor id, or a name (or part of one).")] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    modality: Annotated[
        Optional[str],
        typer.Option(help="reported (happened), planned, hypothetical or negated.", callback=_checked(query.valid_modality)),
    ] = None,
    limit: Annotated[Optional[int], typer.Option(min=1)] = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """Fused events, one per real-world happening, by date: best date and place, reports, outlets."""
    with _open(db) as store:
        kb = _fail_cleanly(query.kb_of, store) if actor else None
        rows = _fail_cleanly(
            lambda: query.list_events(
                store, type=type, actor=actor, since=since, until=until, modality=modality, limit=limit, kb=kb
            )
        )
    if fmt == Format.jsonl:
        return write_rows(rows, query.EVENT_FIELDS, fmt)
    columns = query.EVENT_COLUMNS if fmt == Format.csv else query.TIMELINE_COLUMNS
    write_rows([query.flat_event(row) for row in rows], columns, fmt, title=f"{len(rows)} events")


@app.command()
def timeline(
    actors: Annotated[list[str], typer.Argument(help="One or two actors: ids or names.")],
    db: Db = "chronicle.duckdb",
    type: Annotated[
        str,
        typer.Option("--type", help="A PLOVER type, or all. Meetings (CONSULT) by default.",
                     callback=_checked(lambda value: value if value.lower() == "all" else query.valid_event_type(value))),
    ] = "CONSULT",
    since: SinceOpt = None,
    until: UntilOpt = None,
    planned: Annotated[bool, typer.Option("--planned", help="Also planned events.")] = False,
    undated: Annotated[bool, typer.Option("--undated", help="Also undated events (last).")] = False,
    fmt: Annotated[TimelineFormat, typer.Option("--format", "-f", help="table, jsonl, csv or markdown.")] = TimelineFormat.table,
) -> None:
    """The events every given actor takes part in, in date order: meetings (--type all for
    every type) that happened and are dated, by default."""
    with _open(db) as store:
        rows = _fail_cleanly(
            lambda: query.timeline(store, actors, type=None if type.lower() == "all" else type, since=since, until=until,
                                   planned=planned, undated=undated)
        )
    if fmt == TimelineFormat.jsonl:
        return write_rows(rows, query.EVENT_FIELDS, Format.jsonl)
    flat = [query.flat_event(row) for row in rows]
    if fmt == TimelineFormat.markdown:
        return write_markdown(flat, query.TIMELINE_COLUMNS)
    columns = query.EVENT_COLUMNS if fmt == TimelineFormat.csv else query.TIMELINE_COLUMNS
    write_rows(flat, columns, Format(fmt.value), title=f"timeline of {' and '.join(actors)}: {len(rows)} events")


@app.command()
def quotes(
    db: Db = "chronicle.duckdb",
    speaker: Annotated[Optional[str], typer.Option(help="A speaker id, or a name (or part of one).")] = None,
    about: Annotated[Optional[str], typer.Option(help="Words the quote contains (case-insensitive).")] = None,
    since: Annotated[
        Optional[str],
        typer.Option(help="Published on or after: yyyy, yyyy-mm or yyyy-mm-dd.", callback=_checked(query.period)),
    ] = None,
    until: Annotated[
        Optional[str],
        typer.Option(help="Published on or before: yyyy, yyyy-mm or yyyy-mm-dd.", callback=_checked(query.period)),
    ] = None,
    article: Annotated[Optional[str], typer.Option(help="article_id, content id or any input id.")] = None,
    limit: Annotated[Optional[int], typer.Option(min=1)] = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """Quotes: who said what (direct, partial, indirect), to whom, at which event."""
    with _open(db) as store:
        rows = _fail_cleanly(
            lambda: query.list_quotes(store, speaker=speaker, about=about, since=since, until=until, article=article, limit=limit)
        )
    if fmt == Format.jsonl:
        return write_rows(rows, query.QUOTE_FIELDS, fmt)
    columns = query.QUOTE_COLUMNS if fmt == Format.csv else ("published", "speaker", "kind", "text", "addressee", "event_id", "article_id")
    write_rows([query.flat_quote(row) for row in rows], columns, fmt, title=f"{len(rows)} quotes")


@app.command()
def claims(
    db: Db = "chronicle.duckdb",
    actor: Annotated[Optional[str], typer.Option(help="An actor of the pair: id, or a name (or part of one).")] = None,
    article: Annotated[Optional[str], typer.Option(help="article_id, content id or any input id.")] = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """Claims about the record ("the 13th meeting between ... since ..."), each beside the
    store's count and the events behind it."""
    with _open(db) as store:
        kb = _fail_cleanly(query.kb_of, store)
        rows = _fail_cleanly(lambda: query.list_claims(store, actor=actor, article=article, kb=kb))
    if fmt == Format.jsonl:
        return write_rows(rows, query.CLAIM_FIELDS, fmt)
    columns = (
        query.CLAIM_COLUMNS
        if fmt == Format.csv
        else ("text", "claimed", "in_store", "difference", "pair", "since", "until", "events", "article_id")
    )
    write_rows([query.flat_claim(row) for row in rows], columns, fmt, title=f"{len(rows)} claims")


@app.command()
def serve(
    db: Db = "chronicle.duckdb",
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

    from .server.app import create_app

    if allow_ingest and not token:
        _error("--allow-ingest needs a token: give --token or set CHRONICLE_TOKEN")
        raise typer.Exit(2)
    try:
        web = create_app(db, allow_ingest=allow_ingest, token=token if allow_ingest else None,
                         wait=Settings().lock_wait, on_wait=_waiting)
    except ChronicleError as error:
        _error(error)
        raise typer.Exit(2) from error
    err.print(f"serving {db} on http://{host}:{port}/ ({'ingest allowed' if allow_ingest else 'read-only'})")
    uvicorn.run(web, host=host, port=port, log_level="info", server_header=False)


def _print_field(out: Console, key: str, value) -> None:
    """`key: value`, the value as plain text (stored text is never read as markup)."""
    out.print(Text(f"{key}: ", style="bold") + Text(str(value)), highlight=False)


def _print_json(record) -> None:
    print(json.dumps(record, default=str, ensure_ascii=False, indent=2))


def _error(error: Exception | str) -> None:
    """An error message on stderr; its text is shown as is (no markup)."""
    err.print(Text("error: ", style="red") + Text(str(error)))


def _waiting(message: str) -> None:
    """Told once when a command waits for a store another process is writing."""
    err.print(Text(message + " ...", style="yellow"))


def _open(db: str) -> Store:
    try:
        return Store(db, read_only=True, wait=Settings().lock_wait, on_wait=_waiting)
    except ChronicleError as error:
        _error(error)
        raise typer.Exit(2)


def _fail_cleanly(function, *args):
    try:
        return function(*args)
    except ChronicleError as error:
        _error(error)
        raise typer.Exit(1)


def main() -> None:
    """Console-script entry point."""
    app()


kb_app = typer.Typer(help="The actor knowledge base: inspect and extend it.", no_args_is_help=True)
app.add_typer(kb_app, name="kb")


@kb_app.command("add")
def kb_add(
    file: Annotated[str, typer.Argument(help="A KB YAML file (docs/knowledge-base.md).")],
    db: Db = "chronicle.duckdb",
) -> None:
    """Check a KB file against the whole KB and keep it with the store; refused files change nothing."""
    from . import kb_tools

    source = _fail_cleanly(kb_tools.read_kb_file, file)
    with Store(db) as store:
        _fail_cleanly(kb_tools.add_file, store, source)
    err.print(f"added {file} to the knowledge base of {db}; run `chronicle reprocess` to apply it to stored articles")


@kb_app.command("import-wikidata")
def kb_import_wikidata(
    file: Annotated[str, typer.Argument(help="Wikidata entity JSON or SPARQL results JSON.")],
    db: Db = "chronicle.duckdb",
) -> None:
    """Convert a Wikidata export to KB actors and add it like `kb add`."""
    from . import kb_tools

    with Store(db) as store:
        source, result = _fail_cleanly(kb_tools.import_wikidata, store, file)
        _fail_cleanly(kb_tools.add_file, store, source)
    err.print(result.report())
    err.print(f"imported {result.summary} from {file} into {db}")


@kb_app.command("check")
def kb_check(db: Db = "chronicle.duckdb") -> None:
    """Load and validate the whole KB (packaged files and those added to the store)."""
    with _open(db) as store:
        kb = _fail_cleanly(query.kb_of, store)
    kinds = Counter(actor.kind for actor in kb.actors.values())
    roles = sum(len(actor.roles) for actor in kb.actors.values())
    print(json.dumps({"actors": dict(kinds), "roles": roles, "version": kb.version}, indent=2))


@app.command()
def actors(
    db: Db = "chronicle.duckdb",
    kind: Annotated[Optional[str], typer.Option(help="person, organization, country or group.")] = None,
    limit: Annotated[Optional[int], typer.Option(min=1)] = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """Actors mentioned in the store, with mention and article counts."""
    with _open(db) as store:
        rows = query.list_actors(store, _fail_cleanly(query.kb_of, store), kind=kind, limit=limit)
    columns = ("id", "name", "kind", "country", "mentions", "articles", "in_kb")
    write_rows(rows, columns, fmt, title=f"{len(rows)} actors")


@app.command()
def actor(
    name: Annotated[str, typer.Argument(help="An actor id, name, alias or surname.")],
    db: Db = "chronicle.duckdb",
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
) -> None:
    """One actor: identity, the names it is mentioned by, roles over time with evidence."""
    with _open(db) as store:
        record = _fail_cleanly(query.get_actor, store, _fail_cleanly(query.kb_of, store), name)
    if fmt == "json":
        return _print_json(record)
    out = Console()
    for key in ("id", "name", "kind", "country", "sector", "qid"):
        _print_field(out, key, record[key])
    _print_field(out, "aliases", ", ".join(record["aliases"]) or "-")
    seen = ", ".join(f"{m['text']} ({m['mentions']}, {m['method']})" for m in record["mentioned_as"])
    _print_field(out, "mentioned as", seen or "-")
    out.print()
    write_rows(record["roles"], ("office", "of", "start", "end", "source"), Format.table, title="roles (knowledge base)")
    write_rows(record["role_evidence"], ("day", "office", "seat", "title", "article_id", "sentence"), Format.table, title="role evidence (articles)")


@app.command()
def places(
    db: Db = "chronicle.duckdb",
    limit: Annotated[Optional[int], typer.Option(min=1)] = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """Places mentioned in the store, resolved to GeoNames, with counts."""
    with _open(db) as store:
        rows = query.list_places(store, limit)
    write_rows(rows, ("id", "name", "kind", "country", "lat", "lon", "mentions", "articles"), fmt, title=f"{len(rows)} places")


def _wide_console() -> Console:
    """A console as wide as the terminal, or 160 columns when the output is piped."""
    return Console(width=None if sys.stdout.isatty() else 160)


def _print_typing(result: dict) -> None:
    table = Table(title=f"event typing on {result['file']} ({result['texts']} texts)")
    for column in ("gold type", "texts", "among predicted", "top", "other types per text", "mode", "no event predicted"):
        table.add_column(column)
    cell = lambda value: "" if value is None else str(value)  # noqa: E731
    for gold, row in result["per_type"].items():
        table.add_row(gold, str(row["total"]), cell(row["among_predicted"]), cell(row["top"]),
                      cell(row["other_types_per_text"]), cell(row["mode"]), cell(row["no_event_predicted"]))
    table.add_row("all typed", "", cell(result["among_predicted"]), cell(result["top"]), cell(result["other_types_per_text"]), cell(result["mode"]), "")
    _wide_console().print(table)
    scores = Table(title="per type: precision and recall of the top predicted type")
    for column in ("type", "gold", "predicted top", "precision", "recall"):
        scores.add_column(column)
    for type_, row in result["precision_recall"].items():
        scores.add_row(type_, str(row["gold"]), str(row["predicted"]), cell(row["precision"]), cell(row["recall"]))
    _wide_console().print(scores)
    _print_confusions(result["confusions"])


def _print_confusions(confusions: list) -> None:
    """Gold main type (rows) by top predicted type (columns); the columns are abbreviated."""
    golds = sorted({gold for gold, _, _ in confusions})
    tops = sorted({top for _, top, _ in confusions})
    counts = {(gold, top): n for gold, top, n in confusions}
    table = Table(title="confusions: gold main type (rows) x top predicted type (columns)")
    table.add_column("gold")
    for top in tops:
        table.add_column(top[:4], justify="right")
    for gold in golds:
        table.add_row(gold, *(str(counts.get((gold, top), "")) for top in tops))
    _wide_console().print(table)


def _print_meetings(events: dict) -> None:
    table = Table(title="meetings (CONSULT mentions between persons) against the gold")
    columns = ("gold", "predicted", "found", "recall", "precision", "date_accuracy", "date_accuracy_by_text",
               "city_accuracy", "participant_precision")
    table.add_column("section")
    for column in columns:
        table.add_column(column.replace("_accuracy", "").replace("participant_", "persons ").replace("_", " "))
    for section, row in events.items():
        table.add_row(section, *("" if row[c] is None else str(row[c]) for c in columns))
    _wide_console().print(table)
    articles = Table(title="per article: gold / found / predicted / predicted that found one")
    articles.add_column("article")
    for section in events:
        articles.add_column(section)
    rows = {section: {r["article"]: r for r in row["per_article"]} for section, row in events.items()}
    for article in rows[next(iter(events))]:
        cells = [rows[section][article] for section in events]
        if any(c["gold"] or c["predicted"] for c in cells):
            articles.add_row(article, *(f"{c['gold']} / {c['found']} / {c['predicted']} / {c['matched']}" for c in cells))
    _wide_console().print(articles)
    for section, row in events.items():
        for miss in row["misses"][:40]:
            err.print(f"  {section} miss: {miss}")


def _print_event_scores(scores: dict, fmt: str, failures: bool) -> None:
    """Event gold of every type: the scores, or (--failures) each article's failing gold
    events beside its predicted mentions."""
    if fmt == "json":
        print(json.dumps(scores, default=str, ensure_ascii=False, indent=2))
        return
    if failures:
        print("\n".join(scores["failures"]))
        return
    table = Table(title="events of every type against the gold (those that happened)")
    for column in ("score", "value"):
        table.add_column(column)
    for key in ("gold", "found", "recall", "recall_with_target", "main_recall", "date_accuracy", "city_accuracy", "unmatched_share"):
        table.add_row(key.replace("_", " "), str(scores[key]))
    fusion = scores["fusion"]
    table.add_row("fusion: reported by 2+ articles, one event", f"{fusion['once']}/{fusion['events']} ({fusion['once_share']})")
    _wide_console().print(table)


def _print_failures(events: dict) -> None:
    """Per gold meeting: found, date right, city right; the mention that found it, or for a
    miss the nearest mention of its article, so failure families show at a glance."""
    mark = {True: "ok", False: "WRONG", None: "-"}
    for section, row in events.items():
        verdicts = row["verdicts"]
        failed = [not v["found"] or v["date_right"] is False or v["city_right"] is False for v in verdicts]
        print(f"== {section}: {len(verdicts)} gold, {sum(v['found'] for v in verdicts)} found, {sum(failed)} with a failure")
        for v, wrong in zip(verdicts, failed):
            people = " + ".join(v["participants"] or [])
            head = f"{v['article']:<10} {people} | gold {v['date'] or '-'} {v['city'] or '-'}"
            if not v["found"]:
                print(f"MISS  {head}")
                _print_brief("nearest", v["nearest"])
                continue
            status = f"date {mark[v['date_right']]}, city {mark[v['city_right']]}"
            print(f"{'FOUND' if wrong else 'ok   '} {head} | {status}")
            if wrong:
                _print_brief("found", v["predicted"])


def _print_brief(label: str, brief: dict | None) -> None:
    if brief is None:
        print(f"      {label}: no mention")
        return
    print(f"      {label}: {brief['id']} {brief['type']}/{brief['mode'] or '-'} {brief['modality']} "
          f"[{', '.join(brief['actors'])}] {brief['date'] or '-'}{'..' + brief['end_date'] if brief.get('end_date') else ''} ({brief['date_precision']}: {brief['date_expression'] or '-'}) "
          f"@ {brief['place'] or '-'} «{brief['trigger']}»")
    print(f"        {brief['evidence']}")


@app.command()
def export(
    table: Annotated[str, typer.Argument(help="events, mentions, quotes, actors or articles.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv, parquet, plover (events, mentions) or gdelt (events, mentions).")] = "jsonl",
    out: Annotated[Optional[str], typer.Option("--out", "-o", help="Write to this file (needed for parquet); else standard output.")] = None,
    db: Db = "chronicle.duckdb",
) -> None:
    """Write a whole table for other tools: JSONL, CSV, Parquet, PLOVER records or a GDELT-style table."""
    from .export import export as write

    with _open(db) as store:
        try:
            count = write(store, query.kb_of(store), table, fmt, out=sys.stdout, path=out)
        except ChronicleError as error:
            _error(error)
            raise typer.Exit(2) from error
    if out:
        err.print(f"{count} {table} written to {out}")


@app.command(name="eval")
def evaluate_command(
    gold: Annotated[str, typer.Argument(help="Gold JSONL: meetings, planned and quotes per article id (with --articles), or texts labelled with an event type (without).")],
    articles_file: Annotated[Optional[str], typer.Option("--articles", help="The articles the gold annotates (JSONL).")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    limit: Annotated[Optional[int], typer.Option(help="Typing: score only the first N texts.")] = None,
    failures: Annotated[bool, typer.Option("--failures", help="Meetings: one line per gold meeting (found, date, city) and, for each miss, the nearest predicted mention. Event gold of every type: each article's failing gold events beside its predicted mentions.")] = False,
    workers: Workers = 1,
    model: Model = None,
) -> None:
    """Run the pipeline on gold-annotated articles in a temporary store and print the scores;
    or, given texts labelled with PLOVER types, score event typing."""
    from .evaluate import evaluate, typing_score
    from .evaluate import read_jsonl as read_gold

    settings = _settings("unused.duckdb", workers, model)
    if articles_file is None:
        result = _with_progress("eval", lambda tick: typing_score(gold, settings, limit, progress=tick))
        if fmt == "json":
            print(json.dumps(result, ensure_ascii=False, indent=2))
            return
        _print_typing(result)
        return
    from .evaluate_events import evaluate_events, is_event_gold

    if is_event_gold(read_gold(gold)):  # events of every type (dev3's shape)
        scores = _with_progress("eval", lambda tick: evaluate_events(gold, articles_file, settings, progress=tick))
        _print_event_scores(scores, fmt, failures)
        return
    result = _with_progress("eval", lambda tick: evaluate(gold, articles_file, settings, progress=tick))
    if fmt == "json":
        print(json.dumps(result, default=str, ensure_ascii=False, indent=2))
        return
    if failures:
        _print_failures(result["events"])
        return
    _print_meetings(result["events"])
    fusion = result["fusion"]
    err.print(
        f"fusion: of {fusion['meetings']} distinct gold meetings, {fusion['one']} became exactly one event "
        f"({fusion['one_share']}), {fusion['split']} were split, {fusion['missed']} missed; "
        f"{fusion['merging_events']} events hold two gold meetings"
    )
    actors_score = result["actors"]
    table = Table(title=f"chronicle eval {gold}", show_header=True)
    for column in ("score", "correct", "total", "accuracy"):
        table.add_column(column)
    table.add_row("actors (participants + speakers)", str(actors_score["found"]), str(actors_score["total"]), str(actors_score["accuracy"]))
    names = actors_score["name_mentions"]
    table.add_row("person mentions by name resolved right", str(names["correct"]), str(names["total"]), str(names["accuracy"]))
    meetings = result["meeting_dates"]
    table.add_row("meeting dates among resolved times", str(meetings["found"]), str(meetings["total"]), str(meetings["accuracy"]))
    table.add_row("  ... or the publication date", str(meetings["with_published"]), str(meetings["total"]), str(meetings["accuracy_with_published"]))
    dates = result["published"]
    table.add_row("publication dates", str(dates["correct"]), str(dates["total"]), str(dates["accuracy"]))
    quoted = result["quotes"]
    table.add_row("gold quotes found", str(quoted["found"]), str(quoted["gold"]), str(quoted["recall"]))
    table.add_row("  ... with the right speaker", str(quoted["speaker_right"]), str(quoted["found"]), str(quoted["speaker_accuracy"]))
    table.add_row("extracted quotes matching no gold quote", str(quoted["unmatched"]), str(quoted["extracted"]), str(quoted["unmatched_share"]))
    Console().print(table)
    for miss in actors_score["misses"][:30]:
        err.print(f"  missed {miss['role']}: {miss['name']} in {miss['article']}")
    for wrong in actors_score["confusions"][:30]:
        err.print(f"  {wrong['article']}: {wrong['text']!r} resolved to {wrong['resolved']}, gold {wrong['name']}")
    for miss in quoted["misses"][:30]:
        err.print(f"  missed quote in {miss['article']}: {miss['starts_with']!r} ({miss['speaker']})")
    for wrong in quoted["wrong_speakers"][:30]:
        err.print(f"  {wrong['article']}: quote {wrong['text'][:50]!r} given to {wrong['speaker']}, gold {wrong['gold']}")
