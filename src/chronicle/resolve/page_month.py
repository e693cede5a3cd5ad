"""Times of a page whose publication month is known but not its day (a URL path /2018/04/).

Without a day, "on Monday" or "yesterday" names no day, and a guessed day would be an
invented one. What the month does say:

- a month and day written without a year ("August 18") has the year that puts it in or
  before the page month (after it, for a future clause): that day, at day precision;
- a weekday, a day word or a week counted from the page ("on Monday", "yesterday", "last
  week") lies within a few days of the publication day: the page month, month precision;
- anything else counted from the page ("two weeks ago") keeps the month both ends of the
  page month agree on, else stays unresolved; months and years ("last July", "in November",
  "last year") and dates with their year do not depend on the day.

Every value says so in its anchor: "yyyy-mm (page month)". An event with no time words of
its own on such a page is news of that month (`page_month_time`).
"""

from __future__ import annotations

from dataclasses import replace

from chronicle.dates import date_bounds
from chronicle.model import TimeValue
from chronicle.resolve.time_rules import TimeExpression, TimeRules
from chronicle.resolve.time_values import normalize
from chronicle.resolve.timing import resolve_times

PAGE_MONTH = "page month"
_NEAR_KINDS = frozenset({"weekday", "weekday-range", "day-word"})  # at most a week from the page's day
_NEAR_PERIODS = frozenset({"week", "weekend"})
_YEARLESS_DAYS = ("month-day+anchor:", "range-days+anchor:")
_WRITTEN_KINDS = frozenset({"date", "range", "decade"})  # once a yearless day is settled, no day of the page needed


def page_month_label(month: str) -> str:
    """The anchor a page-month value carries: "2018-04 (page month)"."""
    return f"{month} ({PAGE_MONTH})"


def page_month_times(doc, month: str, rules: TimeRules) -> list[tuple[TimeExpression, TimeValue]]:
    """`resolve_times` for a page known only by its month `month` (yyyy-mm): no value
    rests on a guessed day (module docstring)."""
    bounds = date_bounds(month)
    if bounds is None or len(month) != 7:
        return resolve_times(doc, None, rules)
    first, last = bounds
    middle = first + (last - first) / 2
    return [(expression, in_page_month(expression, value, month, rules))
            for expression, value in resolve_times(doc, middle, rules)]


def in_page_month(expression: TimeExpression, value: TimeValue, month: str, rules: TimeRules) -> TimeValue:
    """One value resolved from the middle of the page month, restated so that it holds for
    any publication day in that month."""
    label = page_month_label(month)
    first, last = date_bounds(month)
    if not value.resolved:
        return replace(value, anchor=label if value.anchor else None)
    if value.rule.startswith(_YEARLESS_DAYS):  # "August 18": in or before the page month
        tense = value.rule.rsplit(":", 1)[1]
        again = normalize(expression, first if tense == "future" else last, tense, rules)
        return replace(again, anchor=label, rule=f"{again.rule}:page-month")
    if expression.kind in _WRITTEN_KINDS:  # "March 28, 2017", "in April": no day of the page needed
        return replace(value, anchor=label if value.anchor else None)
    if _near(expression, rules):
        return replace(value, value=month, end=None, precision="month", anchor=label, rule=f"{value.rule}:page-month")
    if value.precision in ("day", "week") and value.anchor is not None:
        early, late = (normalize(expression, day, "past", rules) for day in (first, last))
        if early.resolved and late.resolved and early.value[:7] == late.value[:7]:
            return replace(value, value=early.value[:7], end=None, precision="month", anchor=label,
                           rule=f"{value.rule}:page-month")
        return TimeValue(None, None, "vague", value.expression, label, f"{value.rule}:page-month-unknown")
    return replace(value, anchor=label if value.anchor else None)


def _near(expression: TimeExpression, rules: TimeRules) -> bool:
    """A weekday, a day word or a week counted from the page's own day."""
    if expression.kind in _NEAR_KINDS:
        return True
    unit = expression.part("unit")
    return expression.kind == "period" and unit is not None and rules.period_units.get(unit.lower()) in _NEAR_PERIODS


def page_month_time(month: str | None, rule: str = "published-month") -> TimeValue | None:
    """An event the page tells with no time words of its own, on a page known only by its
    month: that month (None without one)."""
    if not month:
        return None
    return TimeValue(month, None, "month", "", page_month_label(month), rule)
