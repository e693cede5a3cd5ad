"""Calendar arithmetic for times written without a year or relative to an anchor: ISO
strings, Mondays, adding months, the day a weekday name means, the year of a bare month
or month-day."""

from __future__ import annotations

import datetime as dt


def iso_day(day: dt.date) -> str:
    """A day as yyyy-mm-dd."""
    return day.isoformat()


def iso_month(year: int, month: int) -> str:
    """A month as yyyy-mm."""
    return f"{year:04d}-{month:02d}"


def iso_year(year: int) -> str:
    """A year as yyyy."""
    return f"{year:04d}"


def monday_of(day: dt.date) -> dt.date:
    """The Monday of `day`'s week."""
    return day - dt.timedelta(days=day.weekday())


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    """(year, month) `months` after (before, when negative) the given month."""
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def calendar_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when the calendar has no such day (30 February)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def weekday_day(anchor: dt.date, weekday: int, tense: str, shift: int | None) -> dt.date:
    """The day a weekday name refers to, seen from `anchor`.

    "last"/"next" Tuesday: strictly before/after the anchor; "this Tuesday": in the anchor's
    Monday-to-Sunday week. A bare weekday is the anchor itself when it is that weekday
    (whatever the tense: news names the current day by its weekday), else the nearest such
    day before the anchor for past clauses, after it for future ones, and the nearer of the
    two for present ones.
    """
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if shift is not None and shift < 0:
        return anchor - dt.timedelta(days=back or 7)
    if shift is not None and shift > 0:
        return anchor + dt.timedelta(days=ahead or 7)
    if shift == 0:
        return monday_of(anchor) + dt.timedelta(days=weekday)
    if back == 0:
        return anchor
    if tense == "future" or (tense == "present" and ahead < back):
        return anchor + dt.timedelta(days=ahead)
    return anchor - dt.timedelta(days=back)


def month_year(anchor: dt.date, month: int, tense: str, shift: int | None) -> int:
    """The year of a month named without one.

    "last July": the most recent July strictly before the anchor's month; "next January":
    the first January strictly after it; "this May": the anchor's year. A bare month: the
    most recent one not after the anchor's month for past clauses, the first one not before
    it for future ones, the nearer for present ones.
    """
    year = anchor.year
    if shift is not None and shift < 0:
        return year if month < anchor.month else year - 1
    if shift is not None and shift > 0:
        return year if month > anchor.month else year + 1
    if shift == 0:
        return year
    if tense == "future":
        return year if month >= anchor.month else year + 1
    if tense == "present":
        difference = month - anchor.month
        return year - 1 if difference >= 6 else year + 1 if difference < -6 else year
    return year if month <= anchor.month else year - 1


def month_day_date(anchor: dt.date, month: int, day: int, tense: str, weekday: int | None,
                   days_ahead: int = 0) -> dt.date | None:
    """The date of a month and day written without a year ("Sept. 25"), seen from `anchor`.

    A written weekday that fits only one of the neighbouring years picks that year;
    otherwise past clauses take the latest such date not after the anchor (but one at most
    `days_ahead` days after it is that coming day: a year back would carry its year, "before
    his visit from June 12" on June 11), future ones the earliest not before it, present
    ones the nearest.
    """
    candidates = [date for year in (anchor.year - 1, anchor.year, anchor.year + 1) if (date := calendar_date(year, month, day))]
    if weekday is not None:
        fitting = [date for date in candidates if date.weekday() == weekday]
        if len(fitting) == 1:
            return fitting[0]
    if not candidates:
        return None
    if tense == "future":
        later = [date for date in candidates if date >= anchor]
        return min(later) if later else None
    if tense == "present":
        return min(candidates, key=lambda date: (abs((date - anchor).days), date > anchor))
    coming = [date for date in candidates if anchor < date <= anchor + dt.timedelta(days=days_ahead)]
    if coming:
        return coming[0]
    earlier = [date for date in candidates if date <= anchor]
    return max(earlier) if earlier else None
