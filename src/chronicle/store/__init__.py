"""The store: `schema.py` (registered migrations), `rows.py` (records as the Arrow tables
the store inserts), `duckdb_store.py` (the `Store`: one DuckDB file, the one write path),
`parquet.py` (the Parquet layout a `chronicle run` writes, and its read-only views).

Imports run one way: duckdb_store -> rows, schema; parquet -> schema (a `Store` opens
`parquet.connect` for a directory)."""

from __future__ import annotations

from .duckdb_store import Batch, BatchResult, Store
from .rows import CLAIM_SCHEMA, EVENT_MENTION_SCHEMA, QUOTE_SCHEMA, articles_table, per_article_rows, unique_new
from .schema import MIGRATIONS, PER_ARTICLE_TABLES, migrate, transaction

__all__ = [
    "CLAIM_SCHEMA", "EVENT_MENTION_SCHEMA", "MIGRATIONS", "PER_ARTICLE_TABLES", "QUOTE_SCHEMA", "Batch",
    "BatchResult", "Store", "articles_table", "migrate", "per_article_rows", "transaction", "unique_new",
]
