"""What every command shares: the consoles, the one error boundary, opening the store and
asking it one question, printing a list, the progress bar of a long run."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

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
from rich.text import Text
from typer.core import TyperGroup

from ..errors import ChronicleError
from ..output import Format, write_rows
from ..settings import Settings, default_model
from ..store import Store

Tick = Callable[[int], None]  # the progress callback of the runners (runners.local.Progress)
T = TypeVar("T")
err = Console(stderr=True, soft_wrap=True)


class ErrorBoundary(TyperGroup):
    """The command group that turns a library error into a clean CLI error, in one place:
    its message on stderr, then the exit code the error carries (errors.py: 2 for a command
    that cannot start, 1 for one the library refused)."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except ChronicleError as error:
            error_message(error)
            raise typer.Exit(error.exit_code) from error


def error_message(error: Exception | str) -> None:
    """An error message on stderr; its text is shown as is (no markup)."""
    err.print(Text("error: ", style="red") + Text(str(error)))


def waiting(message: str) -> None:
    """Told once when a command waits for a store another process is writing."""
    err.print(Text(message + " ...", style="yellow"))


def open_store(db: str) -> Store:
    """The store, read-only, waiting while another process writes it."""
    return Store(db, read_only=True, wait=Settings().lock_wait, on_wait=waiting)


def read(db: str, ask: Callable[..., T], *args, **kwargs) -> T:
    """The body of a read command: open the store read-only, ask the library one question
    (`ask(store, *args, **kwargs)`), close the store and return the answer."""
    with open_store(db) as store:
        return ask(store, *args, **kwargs)


@dataclass(frozen=True)
class Listing:
    """How a list command prints its rows: a jsonl line carries the record's `keys` (the
    contract's shape); csv and the table show the `flat` rows under their columns."""

    noun: str  # what the table's title counts: "12 events"
    table: tuple[str, ...]  # the table's columns
    csv: tuple[str, ...] | None = None  # csv's columns (and jsonl's, without `keys`); the table's by default
    keys: tuple[str, ...] | None = None  # a jsonl line's keys, read from the record itself
    flat: Callable[[dict], dict] | None = None  # a record as a flat row, for csv and the table

    def write(self, rows: list[dict], fmt: Format, title: str | None = None) -> None:
        if fmt == Format.jsonl and self.keys is not None:
            return write_rows(rows, self.keys, fmt)
        flat = [self.flat(row) for row in rows] if self.flat else rows
        columns = self.table if fmt == Format.table else (self.csv or self.table)
        write_rows(flat, columns, fmt, title=title or f"{len(rows)} {self.noun}")


def settings_for(db: str, workers: int = 1, model: str | None = None) -> Settings:
    return Settings(db=db, workers=workers, model=model or default_model())


def with_progress(description: str, run: Callable[[Tick], T]) -> T:
    """Run a long library call under a progress bar."""
    with _progress() as bar:
        task = bar.add_task(description, total=None, rate="-")
        return run(_tick(bar, task))


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


def print_field(out: Console, key: str, value) -> None:
    """`key: value`, the value as plain text (stored text is never read as markup)."""
    out.print(Text(f"{key}: ", style="bold") + Text(str(value)), highlight=False)


def print_json(record) -> None:
    print(json.dumps(record, default=str, ensure_ascii=False, indent=2))


def wide_console() -> Console:
    """A console as wide as the terminal, or 160 columns when the output is piped."""
    return Console(width=None if sys.stdout.isatty() else 160)
