"""A mention its own page cannot date, dated by the fused event it belongs to.

A page with no publication date ("Alpha held talks with Beta on Monday") gives its mention
no day: "Monday" has no anchor. When fusion (docs/fusion.md, rule 4) put that mention in
an event that another article's report dates to the day, the mention takes that day, and
`date_from` names the report the day came from. Pure: fusion computes it for every article
it touches (`page_dates`), and stores it beside the mention's membership (`event_members`),
so every query reads it; the mention keeps its own date as its text gives it.
"""

from __future__ import annotations

import datetime as dt
import re

from .dates import date_bounds, month_names, weekday_names
from .model import HAPPENED

MAX_SPAN_DAYS = 7  # an event longer than this (a month, a long stay) does not date a mention


def _days(date: str, end: str | None) -> list[dt.date] | None:
    """Every day of a day-dated event (to its end), None when it is not dated to days."""
    if len(date or "") != 10:
        return None
    first = dt.date.fromisoformat(date)
    last = first
    if end:
        bounds = date_bounds(end)
        if bounds is None:
            return None
        last = bounds[1]
    if last < first or (last - first).days >= MAX_SPAN_DAYS:
        return None
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def fits_expression(expression: str | None, days: list[dt.date]) -> bool:
    """Whether what the mention's own time words name ("Monday", "on Saturday night",
    "January 11") agrees with one of the event's days: a weekday named must be one of
    theirs, a month named their month, and a day number beside it their day."""
    words = re.findall(r"[a-z]+\.?|\d+", (expression or "").lower())
    weekdays, months = weekday_names(), month_names()
    for day in days:
        named_weekdays = {weekdays[w] for w in words if w in weekdays}
        named_months = {months[w.rstrip(".")] for w in words if w.rstrip(".") in months}
        numbers = {int(w) for w in words if w.isdigit() and int(w) <= 31}
        if named_weekdays and day.weekday() not in named_weekdays:
            continue
        if named_months and day.month not in named_months:
            continue
        if named_months and numbers and day.day not in numbers:
            continue
        return True
    return False


def date_from_event(mention: dict, event: dict | None, article: str) -> dict | None:
    """The date fields an undated mention takes from its fused `event` (None: none).

    `mention` has the stored `date`, `date_expression` and `modality`; `event` the fused
    event's `date`, `end_date`, `date_precision`, `date_from` ("<content id>:<idx>") and
    `modality`; `article` is the mention's content id. Only a mention that says it happened,
    with no date of its own, in an event that happened and is dated to the day (or a stay
    under MAX_SPAN_DAYS) by a mention of another article, whose own time words agree
    (`fits_expression`)."""
    if event is None or mention.get("date") or mention.get("modality") not in HAPPENED:
        return None
    if event.get("modality") not in HAPPENED or event.get("date_precision") != "day":
        return None
    source = event.get("date_from") or ""
    if not source or source.rsplit(":", 1)[0] == article:
        return None
    days = _days(event.get("date"), event.get("end_date"))
    if days is None or not fits_expression(mention.get("date_expression"), days):
        return None
    return {
        "date": event["date"],
        "end_date": event.get("end_date"),
        "date_precision": "day",
        "date_from": source,
    }


def main_day(mentions: list[dict]) -> tuple[int, dict] | None:
    """An undated page's main event day, once fusion gives it: the first mention (by `idx`,
    text order) that says it happened and is dated to the day, when that day comes from its
    fused event (`date_from_event`; each mention has `idx`, `date`, `date_precision`,
    `modality`, `date_expression`, `id` and `event`). Returns (its idx, the date fields), or
    None when the first such mention is dated by its own words (the extractor already used
    it as the main event) or none is."""
    for mention in sorted(mentions, key=lambda m: m["idx"]):
        if mention.get("modality") not in HAPPENED:
            continue
        if mention.get("date") and mention.get("date_precision") == "day":
            return None
        found = date_from_event(mention, mention.get("event"), mention["id"])
        if found is not None:
            return mention["idx"], found
    return None


def takes_main_day(mention: dict, main_idx: int) -> bool:
    """Whether an undated mention takes its page's main event day, as the extractor gives
    a mention with no time of its own the main event's (resolve/time_attachment.py, step 4): it
    comes after the main event, says it happened, and has no time words at all (its date
    rule `unresolved`)."""
    return (
        mention["idx"] > main_idx and mention.get("date") is None and mention.get("modality") in HAPPENED
        and mention.get("date_rule") == "unresolved" and not mention.get("date_expression")
    )


DATE_FIELDS = ("date", "end_date", "date_precision", "date_from")  # what a derived date holds


def page_dates(mentions: list[dict], dated_page: bool) -> dict[int, dict]:
    """The dates fusion gives one article's mentions, by `idx`: each undated mention's own
    event day (`date_from_event`), and on a page with no publication date (`dated_page`
    false) its main event day for the later mentions that have no time words
    (`main_day`, `takes_main_day`). Each mention has `id` (its content id), `idx`, `date`,
    `date_precision`, `date_rule`, `date_expression`, `modality` and `event` (its fused
    event's date fields, or None)."""
    found = {}
    for mention in mentions:
        derived = date_from_event(mention, mention.get("event"), mention["id"])
        if derived is not None:
            found[mention["idx"]] = derived
    main = None if dated_page else main_day(mentions)
    if main is not None:
        for mention in mentions:
            if mention["idx"] not in found and takes_main_day(mention, main[0]):
                found[mention["idx"]] = main[1]
    return found
