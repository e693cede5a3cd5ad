"""Normalizing: one `TimeExpression` turned into a `TimeValue` against an anchor and its
clause's tense (`normalize`), one reader per kind of expression (date, range, weekday,
day word, period, ago, relative to another event, decade, duration)."""

from __future__ import annotations

import datetime as dt
import re

from chronicle.model import TimeValue
from chronicle.resolve.time_calendar import add_months, calendar_date, iso_day, iso_month, iso_year, monday_of, month_day_date, month_year, weekday_day
from chronicle.resolve.time_rules import TimeExpression, TimeRules, Unit, rule_key

TENSES = ("past", "present", "future")


def _make(expression: TimeExpression, anchor: dt.date | None, value: str | None, precision: str, rule: str,
          end: str | None = None, open_ended: bool = False) -> TimeValue:
    return TimeValue(
        value=value,
        end=end,
        precision=precision if value is not None else "vague",
        expression=expression.text,
        anchor=anchor.isoformat() if anchor else None,
        rule=rule,
        open_ended=open_ended and value is not None,
    )


def _unresolved(expression: TimeExpression, anchor: dt.date | None, rule: str) -> TimeValue:
    return _make(expression, anchor, None, "vague", rule)


def _shift(expression: TimeExpression, rules: TimeRules) -> int | None:
    word = expression.part("shift")
    return rules.shifts.get(rule_key(word)) if word else None


def _count(word: str | None, unit_word: str, rules: TimeRules) -> int | None:
    """The count before a unit: a number, a number word, one when none is written before a
    singular unit ("the past year"), None when unknown ("several years", "decades")."""
    if word is None:
        return 1 if rule_key(unit_word) in rules.singular_units else None
    word = rule_key(word)
    if word.isdigit():
        return int(word)
    return rules.numbers.get(word)


def _month_of(expression: TimeExpression, rules: TimeRules, name: str = "month") -> int | None:
    word = expression.part(name)
    if word is None:
        return int(expression.part("monthnum")) if name == "month" and expression.part("monthnum") else None
    return rules.months.get(rule_key(word))


def _day_of(expression: TimeExpression, name: str = "day") -> int | None:
    word = expression.part(name)
    return int(re.sub(r"[^0-9]", "", word)) if word else None


def _year_of(expression: TimeExpression, name: str = "year") -> int | None:
    word = expression.part(name)
    return int(word) if word else None


def _calendar_year(expression: TimeExpression, anchor: dt.date | None, rules: TimeRules) -> int | None:
    """The year written out, or the anchor's year moved by its shift word ("February last year")."""
    word = expression.part("year_shift")
    if word is None:
        return _year_of(expression)
    shift = rules.shifts.get(rule_key(word))
    return anchor.year + shift if anchor is not None and shift is not None else None


def _normalize_date(expression: TimeExpression, anchor: dt.date | None, tense: str, rules: TimeRules) -> TimeValue:
    month, day, year = _month_of(expression, rules), _day_of(expression), _calendar_year(expression, anchor, rules)
    since = expression.part("since") is not None
    weekday_word = expression.part("weekday")
    weekday = rules.weekdays.get(rule_key(weekday_word)) if weekday_word else None
    if since:
        tense = "past"
    if month is None:  # a year alone
        return _make(expression, anchor, iso_year(year), "year", "year", open_ended=since)
    if day is not None and year is not None:
        date = calendar_date(year, month, day)
        if date is None:
            return _unresolved(expression, anchor, "date:impossible")
        rule = "date" if weekday is None or date.weekday() == weekday else "date:weekday-mismatch"
        return _make(expression, anchor, iso_day(date), "day", rule, open_ended=since)
    if year is not None:
        return _make(expression, anchor, iso_month(year, month), "month", "month-year", open_ended=since)
    if anchor is None:
        return _unresolved(expression, anchor, "date:no-anchor")
    if day is not None:
        date = month_day_date(anchor, month, day, tense, weekday, rules.days_ahead_in_past)
        if date is None:
            return _unresolved(expression, anchor, "month-day:impossible")
        return _make(expression, anchor, iso_day(date), "day", f"month-day+anchor:{tense}", open_ended=since)
    shift = _shift(expression, rules)
    year = month_year(anchor, month, tense, shift)
    rule = f"month+anchor:{expression.part('shift').lower()}" if shift is not None else f"month+anchor:{tense}"
    return _make(expression, anchor, iso_month(year, month), "month", rule, open_ended=since)


def _normalize_range(expression: TimeExpression, anchor: dt.date | None, tense: str, rules: TimeRules) -> TimeValue:
    year2 = _year_of(expression, "year2")
    first_year = _year_of(expression, "year") or _year_of(expression, "year_b") or _year_of(expression, "year_d")
    month2 = _month_of(expression, rules, "month2")
    if month2 is None and _month_of(expression, rules) is None:  # years
        if first_year is None or year2 is None or first_year > year2:
            return _unresolved(expression, anchor, "range:impossible")
        return _make(expression, anchor, iso_year(first_year), "year", "range-years", end=iso_year(year2))
    month = _month_of(expression, rules) or month2
    month2 = month2 or month
    day, day2 = _day_of(expression), _day_of(expression, "day2")
    if day is None:  # months: "from June 1950 to July 1953"
        start_year = first_year or (year2 if month <= month2 else year2 - 1)
        if (start_year, month) > (year2, month2):
            return _unresolved(expression, anchor, "range:impossible")
        return _make(expression, anchor, iso_month(start_year, month), "month", "range-months",
                     end=iso_month(year2, month2))
    if year2 is not None:
        end = calendar_date(year2, month2, day2)
        start_year = first_year or (year2 if (month, day) <= (month2, day2) else year2 - 1)
        start = calendar_date(start_year, month, day)
        rule = "range-days"
    else:
        if anchor is None:
            return _unresolved(expression, anchor, "range:no-anchor")
        start = month_day_date(anchor, month, day, tense, None, rules.days_ahead_in_past)
        end = None
        if start is not None:
            end = calendar_date(start.year, month2, day2)
            if end is not None and end < start:
                end = calendar_date(start.year + 1, month2, day2)
        rule = f"range-days+anchor:{tense}"
    if start is None or end is None or end < start:
        return _unresolved(expression, anchor, "range:impossible")
    return _make(expression, anchor, iso_day(start), "day", rule, end=iso_day(end))


def _normalize_weekday(expression: TimeExpression, anchor: dt.date | None, tense: str, rules: TimeRules) -> TimeValue:
    if anchor is None:
        return _unresolved(expression, anchor, "weekday:no-anchor")
    since = expression.part("since") is not None
    weekday = rules.weekdays[rule_key(expression.part("weekday"))]
    shift = _shift(expression, rules)
    day = weekday_day(anchor, weekday, "past" if since else tense, shift)
    rule = f"weekday:{expression.part('shift').lower()}" if shift is not None else f"weekday:{tense}"
    if day == anchor and shift is None:
        rule = "weekday:anchor"
    return _make(expression, anchor, iso_day(day), "day", rule, open_ended=since)


def _normalize_weekday_range(expression: TimeExpression, anchor: dt.date | None, tense: str,
                             rules: TimeRules) -> TimeValue:
    if anchor is None:
        return _unresolved(expression, anchor, "weekday-range:no-anchor")
    first = rules.weekdays[rule_key(expression.part("weekday"))]
    last = rules.weekdays[rule_key(expression.part("weekday2"))]
    length = (last - first) % 7
    if tense == "future":
        start = weekday_day(anchor, first, tense, None)
        end = start + dt.timedelta(days=length)
    else:
        end = weekday_day(anchor, last, tense, None)
        start = end - dt.timedelta(days=length)
    return _make(expression, anchor, iso_day(start), "day", f"weekday-range:{tense}", end=iso_day(end))


def _normalize_day_word(expression: TimeExpression, anchor: dt.date | None, rules: TimeRules) -> TimeValue:
    if anchor is None:
        return _unresolved(expression, anchor, "day-word:no-anchor")
    offset = rules.day_words[rule_key(expression.part("word"))]
    day = anchor + dt.timedelta(days=offset)
    return _make(expression, anchor, iso_day(day), "day", "day-word",
                 open_ended=expression.part("since") is not None)


def _weekend(anchor: dt.date, tense: str, shift: int | None) -> dt.date:
    """The Saturday of the weekend meant: "this weekend" is the anchor's week's, "last
    weekend" the previous week's (the latest one over before the anchor), "next weekend" the
    first one starting after the anchor; "the weekend" is the latest one begun by the anchor
    for past and present clauses, the first one not yet over for future ones."""
    saturday = monday_of(anchor) + dt.timedelta(days=5)
    if shift == 0 or (shift is None and tense == "future"):
        return saturday
    if shift is not None and shift < 0:
        return saturday - dt.timedelta(days=7)
    if shift is not None and shift > 0:
        return saturday if anchor < saturday else saturday + dt.timedelta(days=7)
    return saturday if anchor >= saturday else saturday - dt.timedelta(days=7)


def _normalize_period(expression: TimeExpression, anchor: dt.date | None, tense: str, rules: TimeRules) -> TimeValue:
    if anchor is None:
        return _unresolved(expression, anchor, "period:no-anchor")
    unit = rules.period_units[rule_key(expression.part("unit"))]
    shift = _shift(expression, rules)
    since = expression.part("since") is not None
    rule = f"period:{expression.part('shift').lower() if shift is not None else tense}-{unit}"
    if unit == "weekend":
        saturday = _weekend(anchor, tense, shift)
        return _make(expression, anchor, iso_day(saturday), "day", rule,
                     end=iso_day(saturday + dt.timedelta(days=1)), open_ended=since)
    shift = shift or 0
    if unit == "week":
        monday = monday_of(anchor) + dt.timedelta(weeks=shift)
        return _make(expression, anchor, iso_day(monday), "week", rule, open_ended=since)
    if unit == "month":
        year, month = add_months(anchor.year, anchor.month, shift)
        return _make(expression, anchor, iso_month(year, month), "month", rule, open_ended=since)
    return _make(expression, anchor, iso_year(anchor.year + shift), "year", rule, open_ended=since)


def _back(anchor: dt.date, unit: Unit, count: int) -> tuple[str, str, str]:
    """(value, precision, coarse value) `count` units before `anchor` (after it for a
    negative count). The coarse value is the month, or the year for units of years."""
    if unit.days:
        day = anchor - dt.timedelta(days=count * unit.days)
        value = iso_day(monday_of(day)) if unit.precision == "week" else iso_day(day)
        return value, unit.precision, iso_month(day.year, day.month)
    if unit.months:
        month = iso_month(*add_months(anchor.year, anchor.month, -count * unit.months))
        return month, unit.precision, month
    year = iso_year(anchor.year - count * unit.years)
    return year, unit.precision, year


def _normalize_ago(expression: TimeExpression, anchor: dt.date | None, rules: TimeRules) -> TimeValue:
    if anchor is None:
        return _unresolved(expression, anchor, "ago:no-anchor")
    unit = rules.units[rule_key(expression.part("unit"))]
    count = _count(expression.part("count"), expression.part("unit"), rules)
    if count is None:  # "years ago", "several weeks ago"
        return _unresolved(expression, anchor, "ago:uncounted")
    value, precision, coarse = _back(anchor, unit, count)
    if expression.part("hedge") is not None:
        return _make(expression, anchor, coarse, "vague", "ago:hedged")
    return _make(expression, anchor, value, precision, f"ago:{unit.name}")


def _normalize_relative(expression: TimeExpression, anchor: dt.date | None, rules: TimeRules,
                        reference: TimeValue | None) -> TimeValue:
    """Relative to another event: only a day-precision reference resolves it."""
    days, months, years = 0, 0, 0
    phrase = expression.part("relative")
    if phrase is not None:
        rule = next((rule for rule in rules.relative if rule.regex.fullmatch(phrase)), None)
        if rule is None:
            return _unresolved(expression, anchor, "relative-to-event")
        days = rule.days + 7 * rule.weeks
    else:
        unit = rules.units[rule_key(expression.part("unit"))]
        count = _count(expression.part("count"), expression.part("unit"), rules)
        direction = rules.directions[rule_key(expression.part("direction"))]
        if count is None or expression.part("hedge") is not None:
            return _unresolved(expression, anchor, "relative-to-event:uncounted")
        days, months, years = (direction * count * length for length in (unit.days, unit.months, unit.years))
    if reference is None or reference.value is None or reference.precision not in ("day", "reported"):
        return _unresolved(expression, anchor, "relative-to-event")
    base = dt.date.fromisoformat(reference.value)
    if months or years:
        year, month = add_months(base.year + years, base.month, months)
        if years and not months:
            return _make(expression, anchor, iso_year(year), "year", "relative-to-event:reference")
        return _make(expression, anchor, iso_month(year, month), "month", "relative-to-event:reference")
    return _make(expression, anchor, iso_day(base + dt.timedelta(days=days)), "day", "relative-to-event:reference")


def _normalize_decade(expression: TimeExpression, anchor: dt.date | None) -> TimeValue:
    start = int(expression.part("decade"))
    if expression.part("since") is not None:
        return _make(expression, anchor, iso_year(start), "year", "decade", open_ended=True)
    return _make(expression, anchor, iso_year(start), "year", "decade", end=iso_year(start + 9))


def _normalize_duration(expression: TimeExpression, anchor: dt.date | None, rules: TimeRules) -> TimeValue:
    """"in the last month", "over the past two years": a vague stretch up to (or from) the anchor."""
    if anchor is None:
        return _unresolved(expression, anchor, "duration:no-anchor")
    count = _count(expression.part("count"), expression.part("unit"), rules)
    if count is None:  # "the past decades", "the last several years"
        return _unresolved(expression, anchor, "duration:uncounted")
    unit = rules.units[rule_key(expression.part("unit"))]
    forward = rules.shifts.get(rule_key(expression.part("shift")), -1) > 0
    here = iso_year(anchor.year) if unit.years else iso_month(anchor.year, anchor.month)
    if forward:
        _, _, far = _back(anchor, unit, -count)
        return _make(expression, anchor, here, "vague", "duration", end=far)
    _, _, start = _back(anchor, unit, count)
    return _make(expression, anchor, start, "vague", "duration", end=here)


def normalize(expression: TimeExpression, anchor: dt.date | None, tense: str, rules: TimeRules,
              reference: TimeValue | None = None) -> TimeValue:
    """The value of `expression`, seen from `anchor` (usually the publication date).

    `tense` ("past", "present", "future") picks the direction for weekdays, months and
    month-days written without a year. `reference` is the time of the event an expression
    such as "a day after" or "the previous evening" is relative to; without one (or when it
    is coarser than a day) such expressions stay vague with rule "relative-to-event".
    """
    if tense not in TENSES:
        raise ValueError(f"tense must be one of {TENSES}, not {tense!r}")
    kind = expression.kind
    readers = {
        "date": lambda: _normalize_date(expression, anchor, tense, rules),
        "range": lambda: _normalize_range(expression, anchor, tense, rules),
        "weekday": lambda: _normalize_weekday(expression, anchor, tense, rules),
        "weekday-range": lambda: _normalize_weekday_range(expression, anchor, tense, rules),
        "day-word": lambda: _normalize_day_word(expression, anchor, rules),
        "period": lambda: _normalize_period(expression, anchor, tense, rules),
        "ago": lambda: _normalize_ago(expression, anchor, rules),
        "relative": lambda: _normalize_relative(expression, anchor, rules, reference),
        "decade": lambda: _normalize_decade(expression, anchor),
        "duration": lambda: _normalize_duration(expression, anchor, rules),
    }
    if kind in readers:
        return readers[kind]()
    if kind == "vague":
        return _unresolved(expression, anchor, "vague")
    raise ValueError(f"unknown time expression kind {kind!r} (pattern {expression.pattern!r})")
