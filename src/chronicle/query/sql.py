"""SQL pieces every resource's queries share: paging, WHERE, the article reference, the
first and last day of a stored date, and the checks that a store has a table."""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import ChronicleError
from ..store import Store


def limit_sql(limit: int | None, offset: int = 0) -> str:
    """SQL LIMIT/OFFSET for paging (no limit: every row after the offset)."""
    sql = f"LIMIT {int(limit)}" if limit else ""
    return f"{sql} OFFSET {int(offset)}" if offset else sql


def where_sql(clauses: Sequence[str]) -> str:
    """A WHERE clause joining `clauses` with AND ("" for none)."""
    return f"WHERE {' AND '.join(clauses)}" if clauses else ""


def article_ref(table: str, ref: str) -> tuple[str, list]:
    """SQL true when the row of `table` (a table alias with a content `id`, joined with its
    article as `a`) belongs to the article `ref` names: its article_id, content id or any
    input id; and the clause's parameters."""
    return (
        f"({table}.id = ? OR a.article_id = ? OR {table}.id IN (SELECT id FROM article_aliases WHERE alias = ?))",
        [ref, ref, ref],
    )


def first_day_sql(column: str) -> str:
    """SQL: the first day of an ISO date string of any precision (NULL if not a date)."""
    return (
        f"try_cast(CASE length({column}) WHEN 4 THEN {column} || '-01-01' "
        f"WHEN 7 THEN {column} || '-01' ELSE {column} END AS DATE)"
    )


def last_day_sql(column: str) -> str:
    """SQL: the last day of an ISO date string of any precision (NULL if not a date)."""
    return (
        f"CASE length({column}) WHEN 4 THEN try_cast({column} || '-12-31' AS DATE) "
        f"WHEN 7 THEN last_day(try_cast({column} || '-01' AS DATE)) "
        f"ELSE try_cast({column} AS DATE) END"
    )


def event_period_sql(table: str) -> tuple[str, str]:
    """SQL for the first and last day of an event's (or event mention's) period, over the
    row alias `table`: a partial date is its whole month or year, a week its seven days; a
    range ends at the end of its end date, an open range ("since ...") never."""
    first = first_day_sql(f"{table}.date")
    last = (
        f"CASE WHEN {table}.end_date = 'open' THEN DATE '9999-12-31' "
        f"WHEN {table}.end_date IS NOT NULL THEN coalesce({last_day_sql(f'{table}.end_date')}, {last_day_sql(f'{table}.date')}) "
        f"WHEN {table}.date_precision = 'week' THEN CAST({first} + 6 AS DATE) "
        f"ELSE {last_day_sql(f'{table}.date')} END"
    )
    return first, last


def require_table(store: Store, table: str, what: str, action: str = "extract them") -> None:
    """ChronicleError when the store has no `table` (it was made by an older chronicle)."""
    if not store.has_table(table):
        raise ChronicleError(f"{store.path} predates {what}: run `chronicle reprocess --all` to migrate it and {action}")


def has_rows(store: Store, table: str) -> bool:
    """Whether the store has the table and it is not empty (fusion has run)."""
    return store.has_table(table) and bool(store.con.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchall())


def count(store: Store, sql: str, params: Sequence = ()) -> int:
    """The one number a `SELECT count(...)` returns."""
    return store.con.execute(sql, list(params)).fetchone()[0]
