"""Date arithmetic shared by the stages, fusion and the read side: the days a written date
covers, and the full weekday names (data/times.yaml)."""

from __future__ import annotations

import datetime as dt
from functools import cache

from .data import load_yaml


def date_bounds(value: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day of a date written yyyy, yyyy-mm or yyyy-mm-dd (a longer
    value is read by its first ten characters); None when it is not a date."""
    try:
        if len(value) == 4:
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
        if len(value) == 7:
            first = dt.date(int(value[:4]), int(value[5:7]), 1)
            following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first, following - dt.timedelta(days=1)
        day = dt.date.fromisoformat(value[:10])
        return day, day
    except ValueError:
        return None


@cache
def weekday_names() -> dict[str, int]:
    """Full weekday names (data/times.yaml, each weekday's first name), lower-case -> 0
    (Monday)..6."""
    return {str(names[0]).lower(): int(number) for number, names in load_yaml("times.yaml")["weekdays"].items()}


@cache
def month_names() -> dict[str, int]:
    """Month names and abbreviations (data/times.yaml), lower-case -> 1..12."""
    return {str(name).lower(): int(number) for number, names in load_yaml("times.yaml")["months"].items() for name in names}
