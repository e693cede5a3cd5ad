"""The store: `schema.py` (registered migrations), `rows.py` (records as the Arrow tables
the store inserts), `duckdb_store.py` (the `Store`: one DuckDB file, the one write path),
`fusion.py` (fusion's reads and writes: `from chronicle.store.fusion import fuse`),
`parquet.py` (the Parquet layout a `chronicle run` writes, and its read-only views).

Imports run one way: fusion -> duckdb_store -> rows, schema; fusion -> chronicle.fuse (pure
clustering); parquet -> schema (a `Store` opens `parquet.connect` for a directory)."""

from __future__ import annotations

from .duckdb_store import Batch, BatchResult, Store
from .schema import MIGRATIONS, PER_ARTICLE_TABLES, migrate, transaction

# rows.py builds Arrow schemas as it is imported: its names are read from it on first use, so
# that importing the store to read it does not import pyarrow (issue 16)
ROWS = frozenset({
    "CLAIM_SCHEMA", "EVENT_MEMBER_SCHEMA", "EVENT_MENTION_SCHEMA", "EVENT_SCHEMA", "QUOTE_SCHEMA", "articles_table",
    "event_members_table", "events_table", "per_article_rows", "unique_new",
})


def __getattr__(name: str):
    if name in ROWS:
        from . import rows

        return getattr(rows, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "CLAIM_SCHEMA", "EVENT_MEMBER_SCHEMA", "EVENT_MENTION_SCHEMA", "EVENT_SCHEMA", "MIGRATIONS", "PER_ARTICLE_TABLES",
    "QUOTE_SCHEMA", "Batch", "BatchResult", "Store", "articles_table", "event_members_table", "events_table", "migrate",
    "per_article_rows", "transaction", "unique_new",
]
