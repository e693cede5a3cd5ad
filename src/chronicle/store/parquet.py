"""The Parquet layout of a `chronicle run` output, read as a store and written run by run.

    DIR/<table>/month=YYYY-MM/part-*.parquet   articles and the per-article tables, by publication month
    DIR/<table>/month=unknown/part-*.parquet   ... of articles without a known month
    DIR/<table>/part-*.parquet                           corpus-level tables
    DIR/_staging/<run>/...                               a run's files until it commits

Both engines write it (`runners.local.run_local`, `runners.spark.run`). Reading: `connect` opens
the directory as DuckDB views with the columns and types of the DuckDB store's tables,
so every query works unchanged. Writing: a run puts its files under a staging directory
of its own, marks it complete, then moves them into place (`commit`); `recover` rolls a
marked run forward and drops an unmarked one, so a crash never leaves a partial or
doubled output. `article_links` holds the corpus-level columns of `articles`
(article_id, near_duplicate_of) that later runs change: it is rewritten by every run,
like `events` and `event_members`, while the other tables only gain files.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import shutil
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import duckdb
import pyarrow as pa

from ..errors import UsageError
from .schema import PER_ARTICLE_TABLES, migrate

MONTH = "month"  # the partition column: the publication month (yyyy-mm), else UNKNOWN_MONTH
UNKNOWN_MONTH = "unknown"
MONTH_SQL = f"coalesce(strftime(published, '%Y-%m'), published_month, '{UNKNOWN_MONTH}')"  # over `articles`
PARTITIONED = ("articles", *PER_ARTICLE_TABLES)
REPLACED = ("article_links", "events", "event_members")  # rewritten whole by every run
APPENDED = ("article_aliases", "problems", "corpus_actors", "places", "signatures", "near_duplicate_pairs", "kb_files")
OUTPUT_TABLES = (*PARTITIONED, *APPENDED, *REPLACED)
ARTICLE_LINK_COLUMNS = ("article_id", "near_duplicate_of")
STAGING = "_staging"
COMPLETE = "_COMPLETE"  # in a staging directory: every file of the run is written
MANIFEST = "_chronicle.json"  # which engine writes this directory
LOCAL_STORE = "_local/chronicle.duckdb"  # the local engine's working store


# ---- the schema: the DuckDB store's tables are the reference ----------------------------


@functools.lru_cache(maxsize=1)
def store_columns() -> dict[str, tuple[tuple[str, str], ...]]:
    """Each store table's (column, DuckDB type), in table order, from a migrated empty store."""
    with duckdb.connect() as con:
        migrate(con)
        rows = con.execute(
            "SELECT table_name, column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = 'main' ORDER BY table_name, ordinal_position"
        ).fetchall()
    columns: dict[str, list[tuple[str, str]]] = {}
    for table, column, kind in rows:
        columns.setdefault(table, []).append((column, kind))
    columns["article_links"] = [("id", "VARCHAR"), ("article_id", "VARCHAR"), ("near_duplicate_of", "VARCHAR")]
    return {table: tuple(found) for table, found in columns.items()}


@functools.lru_cache(maxsize=1)
def arrow_schemas() -> dict[str, pa.Schema]:
    """Each output table's Arrow schema, as DuckDB gives it for the store's table."""
    with duckdb.connect() as con:
        migrate(con)
        con.execute("CREATE TABLE article_links (id VARCHAR, article_id VARCHAR, near_duplicate_of VARCHAR)")
        return {
            table: pa.schema([pa.field(f.name, _plain(f.type)) for f in con.sql(f"SELECT * FROM {table} LIMIT 0").to_arrow_table().schema])
            for table in OUTPUT_TABLES
        }


def _plain(kind: pa.DataType) -> pa.DataType:
    """The type with default list item names (DuckDB names them `l`)."""
    if pa.types.is_list(kind) or pa.types.is_large_list(kind):
        return pa.list_(_plain(kind.value_type))
    if pa.types.is_struct(kind):
        return pa.struct([pa.field(kind.field(i).name, _plain(kind.field(i).type)) for i in range(kind.num_fields)])
    return kind


def conform(table: pa.Table, name: str) -> pa.Table:
    """A table with exactly the columns (order and types) of the output table `name`;
    columns it lacks are null."""
    schema = arrow_schemas()[name]
    columns = [
        table.column(f.name).cast(f.type) if f.name in table.column_names else pa.nulls(table.num_rows, f.type)
        for f in schema
    ]
    return pa.Table.from_arrays(columns, schema=schema)


# ---- reading: DuckDB views over the directory ---------------------------------------------


def connect(directory: str | Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with a view per store table over the Parquet files."""
    root = Path(directory)
    if not root.is_dir():
        raise UsageError(f"no run output at {root}: run `chronicle run --out {root}` first")
    con = duckdb.connect()
    for table, columns in store_columns().items():
        if table in ("schema_migrations", "article_links", "lsh_bands"):
            continue
        con.execute(f"CREATE VIEW {table} AS {_view_sql(root, table, columns, con)}")
    return con


def _files(root: Path, table: str) -> str | None:
    """The glob of a table's Parquet files, or None when it has none."""
    folder = root / table
    if not folder.is_dir() or not any(folder.rglob("*.parquet")):
        return None
    return str(folder / "**" / "*.parquet").replace("'", "''")


def _scan(pattern: str, partitioned: bool) -> str:
    hive = f", hive_partitioning = true, hive_types = {{'{MONTH}': VARCHAR}}" if partitioned else ", hive_partitioning = false"
    return f"read_parquet('{pattern}', union_by_name = true{hive})"


def _read(name: str, present: set[str]) -> str:
    """A column of the scanned files `t`, NULL when they do not have it."""
    return f't."{name}"' if name in present else "NULL"


def _view_sql(root: Path, table: str, columns: Sequence[tuple[str, str]], con: duckdb.DuckDBPyConnection) -> str:
    pattern = _files(root, table)
    if pattern is None:
        nulls = ", ".join(f'CAST(NULL AS {kind}) AS "{name}"' for name, kind in columns)
        return f"SELECT {nulls} WHERE false"
    if table != "articles":
        scan = _scan(pattern, table in PARTITIONED)
        # files written before a migration added a column read it as NULL
        present = {row[0] for row in con.execute(f"DESCRIBE SELECT * FROM {scan}").fetchall()}
        select = ", ".join(f'CAST({_read(name, present)} AS {kind}) AS "{name}"' for name, kind in columns)
        return f"SELECT {select} FROM {scan} t"
    links = _files(root, "article_links")

    def column(name: str, kind: str) -> str:
        if name in ARTICLE_LINK_COLUMNS and links:
            return f'CAST(coalesce(l."{name}", {"t.id" if name == "article_id" else "NULL"}) AS {kind}) AS "{name}"'
        return f'CAST(t."{name}" AS {kind}) AS "{name}"'

    select = ", ".join(column(name, kind) for name, kind in columns)
    join = f" LEFT JOIN {_scan(links, False)} l ON l.id = t.id" if links else ""
    return f"SELECT {select} FROM {_scan(pattern, True)} t{join}"


# ---- writing: staging, commit, recovery ----------------------------------------------------


class Files(Protocol):
    """The few file operations a commit needs (local disk, or Hadoop's FileSystem)."""

    def exists(self, path: str) -> bool: ...
    def list_files(self, path: str) -> list[str]: ...  # files under a directory (recursively), relative to it
    def list_dirs(self, path: str) -> list[str]: ...
    def move(self, source: str, target: str) -> None: ...  # creates the target's parent
    def delete(self, path: str) -> None: ...  # recursively; nothing when absent
    def write_text(self, path: str, text: str) -> None: ...
    def read_text(self, path: str) -> str: ...


class LocalFiles:
    """`Files` on the local file system."""

    def exists(self, path: str) -> bool:
        return os.path.exists(path)

    def list_files(self, path: str) -> list[str]:
        root = Path(path)
        return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()) if root.is_dir() else []

    def list_dirs(self, path: str) -> list[str]:
        return sorted(str(p) for p in Path(path).iterdir() if p.is_dir()) if os.path.isdir(path) else []

    def move(self, source: str, target: str) -> None:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        os.replace(source, target)

    def delete(self, path: str) -> None:
        if os.path.isdir(path):
            shutil.rmtree(path)
        elif os.path.exists(path):
            os.remove(path)

    def write_text(self, path: str, text: str) -> None:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        temporary = f"{path}.tmp"
        Path(temporary).write_text(text, encoding="utf-8")
        os.replace(temporary, path)

    def read_text(self, path: str) -> str:
        return Path(path).read_text(encoding="utf-8")


def join(*parts: str) -> str:
    """A path under a directory, for local paths and URIs alike."""
    return "/".join([parts[0].rstrip("/"), *(part.strip("/") for part in parts[1:])])


def new_run() -> str:
    """A run's name: its start time and a random suffix (staging directories sort by start)."""
    return f"{dt.datetime.now(dt.timezone.utc):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"


def staging(out: str, run: str) -> str:
    return join(out, STAGING, run)


def check_engine(files: Files, out: str, engine: str) -> None:
    """One engine per output directory: the local engine rewrites what it holds in its
    working store, which would drop a Spark run's additions."""
    manifest = join(out, MANIFEST)
    if files.exists(manifest):
        found = json.loads(files.read_text(manifest)).get("engine")
        if found != engine:
            raise UsageError(f"{out} was written by the {found} engine: continue it with --engine {found}, or choose a new --out")


def commit(files: Files, out: str, run: str, engine: str) -> None:
    """Mark a staged run complete (naming its tables), then move its files into place."""
    stage = staging(out, run)
    tables = [name for folder in files.list_dirs(stage) if (name := _name(folder)) in OUTPUT_TABLES]
    files.write_text(join(stage, COMPLETE), json.dumps({"engine": engine, "tables": tables}))
    finish(files, out, run)


def _name(path: str) -> str:
    return path.rstrip("/").rsplit("/", 1)[-1]


def finish(files: Files, out: str, run: str) -> None:
    """Move a complete run's files into place; safe to repeat after a crash at any point.

    Tables of `REPLACED` replace the current ones, the others gain the run's new part
    files; a local-engine run exports whole tables, so each of its tables replaces the
    current one and a table it did not stage (now empty) is removed."""
    stage = staging(out, run)
    marker = json.loads(files.read_text(join(stage, COMPLETE)))
    engine, tables = marker["engine"], marker["tables"]
    for table in OUTPUT_TABLES:
        folder, target = join(stage, table), join(out, table)
        if table not in tables:
            if engine == "local":
                files.delete(target)
            continue
        if not files.exists(folder):
            continue  # moved before a crash
        if table in REPLACED or engine == "local":
            old = join(stage, "_replaced", table)
            if files.exists(target) and not files.exists(old):
                files.move(target, old)
            files.move(folder, target)
            continue
        for name in files.list_files(folder):
            if name.endswith(".parquet"):
                files.move(join(folder, name), join(target, name))
        files.delete(folder)
    files.write_text(join(out, MANIFEST), json.dumps({"engine": engine, "layout": 1}))
    files.delete(stage)
    if not files.list_dirs(join(out, STAGING)):
        files.delete(join(out, STAGING))


def recover(files: Files, out: str) -> list[str]:
    """Finish the runs that were complete when they stopped, drop the others; their names."""
    handled = []
    for stage in files.list_dirs(join(out, STAGING)):
        run = _name(stage)
        if files.exists(join(stage, COMPLETE)):
            finish(files, out, run)
        else:
            files.delete(stage)
        handled.append(run)
    return handled


# ---- the local engine: the local runner, then its store exported to the layout ----------


@dataclass
class RunReport:
    """What a `chronicle run` did."""

    engine: str
    read: int = 0  # documents read
    stored: int = 0  # articles annotated and added
    already_stored: int = 0
    problems: int = 0
    near_duplicates: int = 0  # articles in a near-duplicate cluster, after the run
    events: int = 0  # fused events, after the run
    seconds: float = 0.0


class Tables(Protocol):
    """What `export` reads of a store (a `Store`): its connection, and which tables it has."""

    con: duckdb.DuckDBPyConnection

    def has_table(self, name: str) -> bool: ...


def export(store: Tables, directory: str) -> None:
    """Every output table of a DuckDB store as Parquet under `directory`, in the layout."""
    con = store.con
    os.makedirs(directory, exist_ok=True)
    quoted = directory.replace("'", "''")
    for table in OUTPUT_TABLES:
        if table == "article_links":
            sql = "SELECT id, article_id, near_duplicate_of FROM articles"
        elif not store.has_table(table):
            continue
        elif table == "articles":
            sql = f"SELECT *, {MONTH_SQL} AS {MONTH} FROM articles"
        elif table in PARTITIONED:
            sql = f"SELECT t.*, a.{MONTH} FROM {table} t JOIN (SELECT id, {MONTH_SQL} AS {MONTH} FROM articles) a USING (id)"
        else:
            sql = f"SELECT * FROM {table}"
        if not con.execute(f"SELECT count(*) FROM ({sql})").fetchone()[0]:
            continue
        target = join(quoted, table)
        if table in PARTITIONED:
            con.execute(f"COPY ({sql}) TO '{target}' (FORMAT parquet, PARTITION_BY ({MONTH}))")
        else:
            os.makedirs(join(directory, table), exist_ok=True)
            con.execute(f"COPY ({sql}) TO '{join(target, 'part-0.parquet')}' (FORMAT parquet)")
