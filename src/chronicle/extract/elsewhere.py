"""An undated happening somewhere else than the article's main event (issue 14, family 5).

"Smith and Jones met in Geneva on Friday. ... Smith also met the German foreign minister in
Berlin": the Berlin meeting has no time of its own, and a city in another country than the
main event's says it was another occasion, so it does not take the main event's day; it is
news of the publication day (the news window then covers the day before). A second mention
in the main event's own city (or with no place) keeps the main event's day.

Pure functions over place ids and the article's places."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from chronicle.resolve.timing import published_time
from chronicle.resolve.times import TimeValue


def abroad_from(place: str | None, main_place: str | None, places: Mapping[str, object]) -> bool:
    """Whether `place` and `main_place` are two places, one of them a city, in two different
    countries (two cities of one country may be a venue and its town)."""
    first, second = places.get(place or ""), places.get(main_place or "")
    if first is None or second is None or first.id == second.id or "city" not in (first.kind, second.kind):
        return False
    return bool(first.country and second.country and first.country != second.country)


def away_from_main(time: TimeValue, place: str | None, stated: bool, main_place: str | None,
                   places: Mapping[str, object], published: dt.date | None) -> TimeValue:
    """The time of a happening that borrowed the main event's (rule "main-event:..."): the
    publication day (rule "published:elsewhere") when its own sentence places it in another
    country's city than the main event's; else `time` unchanged."""
    if not time.rule.startswith("main-event:") or not stated or not abroad_from(place, main_place, places):
        return time
    return published_time(published, "published:elsewhere")
