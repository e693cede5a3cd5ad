"""The days an event's time value covers: whether it is dated, its first and last day,
how two periods overlap, and the day whose office holders an event involves."""

from __future__ import annotations

import datetime as dt

from chronicle.dates import date_bounds
from chronicle.model import TimeValue


def before_publication(time: TimeValue, published: dt.date | None) -> bool:
    """Whether a dated time ends before the publication day."""
    return published is not None and is_dated(time) and time_period(time)[1] < published


def time_period(time: TimeValue) -> tuple[dt.date, dt.date]:
    """The first and last day a time value covers."""
    value = time.value or ""
    start, end = date_bounds(value[:4] if time.precision == "year" else value)
    if time.precision == "week" and len(value) >= 10:
        end = start + dt.timedelta(days=6)
    if time.end and len(time.end) == 10:
        end = max(end, dt.date.fromisoformat(time.end))
    return start, end
def reference_day_of(time: TimeValue, published: dt.date | None) -> dt.date | None:
    """The day whose office holders an event involves: its own day or mid-month, else the
    publication date (within the event's year, when only the year is known)."""
    if is_dated(time) and time.precision in ("day", "week", "month"):
        first, last = time_period(time)
        return first + (last - first) / 2
    if is_dated(time) and time.precision == "year":
        return published if published is not None and str(published.year) == (time.value or "")[:4] else None
    return published


def is_dated(time: TimeValue) -> bool:
    return time.resolved and time.precision not in ("reported", "vague") and not time.rule.startswith("main-event:")


def periods_overlap(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def on_same_day(a: TimeValue, b: TimeValue) -> bool:
    return a.precision == b.precision == "day" and a.value == b.value
