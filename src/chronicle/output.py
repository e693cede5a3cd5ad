"""Rows out: table (for people), jsonl and csv (for programs)."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from collections.abc import Sequence
from enum import Enum
from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text


class Format(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


def _plain(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def write_rows(
    rows: Sequence[dict],
    columns: Sequence[str],
    fmt: Format,
    out: TextIO | None = None,
    title: str | None = None,
) -> None:
    """Print rows in a format; table cells are shortened, jsonl/csv are complete."""
    out = out or sys.stdout
    if fmt == Format.jsonl:
        for row in rows:
            out.write(
                json.dumps({c: _plain(row.get(c)) for c in columns}, ensure_ascii=False) + "\n"
            )
    elif fmt == Format.csv:
        writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        writer.writerows({c: _plain(row.get(c)) for c in columns} for row in rows)
    else:
        table = Table(title=Text(title) if title else None, show_lines=False)
        for column in columns:
            table.add_column(column, overflow="fold", max_width=48)
        for row in rows:  # cells are Text: stored text such as "[/i]" is shown, never read as markup
            table.add_row(*(Text("" if row.get(c) is None else str(_plain(row.get(c)))) for c in columns))
        Console(file=out, width=None if out.isatty() else 160).print(table)


def write_markdown(rows: Sequence[dict], columns: Sequence[str], out: TextIO | None = None) -> None:
    """Rows as a Markdown (GitHub) table, complete cells, pipes escaped."""
    out = out or sys.stdout
    cell = lambda value: "" if value is None else str(_plain(value)).replace("|", "\\|").replace("\n", " ")  # noqa: E731
    out.write("| " + " | ".join(columns) + " |\n")
    out.write("|" + "---|" * len(columns) + "\n")
    for row in rows:
        out.write("| " + " | ".join(cell(row.get(c)) for c in columns) + " |\n")
