"""Opening the store's DuckDB file while another process may hold its lock.

DuckDB lets one process write a file, or several read it, never both: a process that opens
a file another one holds gets an error at once. chronicle's commands wait instead, with
backoff, for up to a set time (docs/store.md, "Reading while an ingest runs").
"""

from __future__ import annotations

import time
from collections.abc import Callable

import duckdb

from .errors import UsageError

LOCKED = "Could not set lock"  # DuckDB's message while another process has the file open


def connect_waiting(
    path: str, read_only: bool, wait: float, on_wait: Callable[[str], None] | None
) -> duckdb.DuckDBPyConnection:
    """A connection to the file, waiting (0.05 s doubling to 2 s between tries) for up to
    `wait` seconds while another process holds its lock."""
    deadline, pause = time.monotonic() + wait, 0.05
    while True:
        try:
            return duckdb.connect(path, read_only=read_only)
        except duckdb.Error as error:
            if LOCKED not in str(error):
                raise UsageError(f"cannot open store {path}: {error}") from error
            if time.monotonic() + pause > deadline:
                raise UsageError(
                    f"store {path} is in use by another process (an ingest?) and stayed locked "
                    f"for {wait:g} s: {error}"
                ) from error
        if on_wait is not None:
            on_wait(f"store {path} is being written by another process: waiting for it (up to {wait:g} s)")
            on_wait = None
        time.sleep(pause)
        pause = min(pause * 2, 2.0)
