"""Resolved places, most mentioned first."""

from __future__ import annotations

from ..store import Store
from .sql import count, limit_sql


def list_places(store: Store, limit: int | None = None, offset: int = 0) -> list[dict]:
    """Resolved places, most mentioned first, with the fused events placed there (when the
    store has fused events); `offset` skips that many (paging)."""
    events = "(SELECT count(*) FROM events v WHERE v.place = p.id)" if store.has_table("events") else "0"
    return store.query(
        f"SELECT p.id, p.name, p.kind, p.country, p.lat, p.lon, count(*) AS mentions, "
        f"count(DISTINCT m.id) AS articles, {events} AS events "
        "FROM mentions m JOIN places p ON p.id = m.value "
        f"WHERE m.kind = 'place' GROUP BY ALL ORDER BY mentions DESC, p.name, p.id {limit_sql(limit, offset)}"
    )


def count_places(store: Store) -> int:
    """How many places `list_places` lists with no limit."""
    return count(
        store, "SELECT count(DISTINCT m.value) FROM mentions m JOIN places p ON p.id = m.value WHERE m.kind = 'place'"
    )
