"""Event mentions as every query reads them: a mention its own page cannot date carries
the day fusion gave it from its event (fuse_dates.py, stored in `event_members` by
store/member_dates.py), with `date_from` naming the report the day came from. This only
reads: filters (`--since`/`--until`), the sort and the records all see the same date.
"""

from __future__ import annotations

from ..store import Store

_DATED = """(
    SELECT e.* REPLACE (
               coalesce(m.date, e.date) AS date,
               CASE WHEN m.date IS NULL THEN e.end_date ELSE m.end_date END AS end_date,
               coalesce(m.date_precision, e.date_precision) AS date_precision),
           m.date AS fused_date, m.date_from
    FROM event_mentions e LEFT JOIN event_members m ON m.article = e.id AND m.idx = e.idx
)"""
_OWN = "(SELECT *, NULL::VARCHAR AS fused_date, NULL::VARCHAR AS date_from FROM event_mentions)"


def dated_mentions_sql(store: Store) -> str:
    """SQL for `event_mentions` with each mention's date as fusion completed it (a
    parenthesized relation to alias): `date`, `end_date`, `date_precision` fusion's when it
    gave one, with `date_from`; `fused_date` is that date (NULL: the mention's own). A store
    fused before dates were stored (no such columns) reads the mentions' own dates."""
    columns = {
        row[0]
        for row in store.con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'event_members'"
        ).fetchall()
    }
    return _DATED if "date_from" in columns else _OWN
