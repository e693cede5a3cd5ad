"""When things happened: temporal expressions in article text, normalized against an anchor.

Two steps, each a pure function:

1. `find_time_expressions(text, rules)` finds time expressions with regular expressions
   (no spaCy needed): calendar dates ("May 3, 2011", "3 May 2011", "Sept. 25"),
   ranges ("October 8-9, 2014", "from Sunday to Wednesday"), months and years ("in
   November", "last July", "since April 2010", "in 2004"), weekdays ("late Tuesday
   afternoon", "earlier on Monday"), days named from the anchor ("yesterday", "this
   morning"), periods ("last week"), counts ("two weeks ago", "over a decade ago"),
   expressions relative to another event ("a day after", "the previous evening"), and
   vague ones ("recently").
2. `normalize(expression, anchor, tense, rules)` turns one into a `TimeValue`: a date
   written yyyy, yyyy-mm or yyyy-mm-dd (a week as its Monday), its precision, an optional
   end, the anchor used and the rule that resolved it. Weekdays and months without a year
   look back from the anchor for past clauses and forward for future ones. A partial date
   is never padded into a false day, a hedged count ("over a decade ago") is vague, and
   without an anchor a relative expression stays unresolved (value None). There is no
   hidden "today": the anchor is always passed in.
Which event each time belongs to (clause tense, `resolve_times` over a parsed Doc,
`attach_time`) is the parse-aware half, in `chronicle.resolve.timing`; this module needs no
spaCy. `page_date_flags` and `weekday_contradictions` say when the text contradicts the
page date.

All English wording (month and weekday names, "last", "ago", "since", number words,
hedges, future markers) is data: `data/times.yaml`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from chronicle.data import load_yaml
from chronicle.model import TimeValue

TENSES = ("past", "present", "future")

_PLACEHOLDER = re.compile(r"\{(\w+)(?::(\w+))?\}")
_SPACES = re.compile(r"\s+")


# ----------------------------------------------------------------------------- records


@dataclass(frozen=True)
class TimeExpression:
    """A time expression found in a text: character offsets into that text, and its parts.

    `kind` says how to read it (date, range, weekday, weekday-range, day-word, period, ago,
    relative, decade, duration, vague); `parts` are the named pieces the pattern captured
    (("month", "Sept."), ("day", "25")); `pattern` names the data pattern that found it.
    """

    start: int
    end: int
    text: str
    kind: str
    parts: tuple[tuple[str, str], ...]
    pattern: str = ""

    def part(self, name: str) -> str | None:
        for key, value in self.parts:
            if key == name:
                return value
        return None


@dataclass(frozen=True)
class TimePattern:
    name: str
    kind: str
    regex: re.Pattern[str]


@dataclass(frozen=True)
class Unit:
    """A unit of time a count can name: its length in days, months or years (one of them),
    and the precision a count of it gives."""

    name: str
    days: int = 0
    months: int = 0
    years: int = 0
    precision: str = "day"


@dataclass(frozen=True)
class RelativeRule:
    """A phrase relative to another event, and its offset from that event."""

    regex: re.Pattern[str]
    days: int = 0
    weeks: int = 0


@dataclass(frozen=True)
class TimeRules:
    """Everything times.py knows about English temporal expressions, from data/times.yaml."""

    months: dict[str, int]  # name or abbreviation, lower-case -> 1..12
    weekdays: dict[str, int]  # name or abbreviation, lower-case -> 0 (Monday)..6
    numbers: dict[str, int | None]
    units: dict[str, Unit]  # unit word ("weeks") -> its unit
    singular_units: frozenset[str]  # the singular unit words ("week")
    period_units: dict[str, str]
    shifts: dict[str, int]
    day_words: dict[str, int]
    directions: dict[str, int]
    relative: tuple[RelativeRule, ...]
    patterns: tuple[TimePattern, ...]
    future_auxiliaries: frozenset[str]
    future_governors: frozenset[str]
    future_verbs: frozenset[str]
    future_modifiers: frozenset[str]
    past_modifiers: frozenset[str] = frozenset()  # "recent": "recent meetings" are over, whatever the clause's tense
    relations: frozenset[str] = frozenset()  # "after", "since": a phrase they open holds another event's time
    ordinals: frozenset[str] = frozenset()  # "third": "their third summit this year" counts, not dates
    deadlines: tuple[str, ...] = ()  # "by": "by the end of May" is a deadline
    sequences: frozenset[str] = frozenset()  # "before": "before the dinner" is the dinner's day
    definites: frozenset[str] = frozenset()  # "the", "their": a noun that names a known event
    reporting_verbs: frozenset[str] = frozenset()  # "reported": "X met Y, the agency reported on Friday"
    event_links: frozenset[str] = frozenset()  # "after": "a day after [the summit]" names its event
    occurrence_verbs: frozenset[str] = frozenset()  # "took (place)": "the meeting that took place on Monday"
    report_lag_days: int = 1  # a reported happening is on the report's day or up to this many days before
    days_ahead_in_past: int = 0  # a yearless "June 12" this close after the anchor is that coming day, even in a past clause
    stay_end_words: frozenset[str] = frozenset()  # "after": "returned on Friday after a three-day visit"
    stay_start_preps: frozenset[str] = frozenset()  # "for": "arrived on Monday for a two-day visit"
    stay_start_verbs: frozenset[str] = frozenset()  # "arrive"


# ----------------------------------------------------------------------------- loading


def _key(text: str) -> str:
    """A table key: lower-case, single spaces, no trailing dot."""
    return _SPACES.sub(" ", text.strip().lower()).rstrip(".")


def _phrases(words) -> str:
    """An alternation of literal words or phrases (spaces match any whitespace), longest first."""
    ordered = sorted({_key(str(word)) for word in words}, key=lambda word: (-len(word), word))
    return "|".join(r"\s+".join(re.escape(part) for part in word.split(" ")) for word in ordered)


def _cased(names) -> str:
    """An alternation of names that matches only Capitalized or UPPER forms ("May", "MAY",
    never "may"). `names` are lists whose first item is the full name; the others are
    abbreviations, which may take a dot ("Sept.")."""
    forms = set()
    for group in names:
        for position, word in enumerate(group):
            word = str(word).lower()
            dot = r"\.?" if position else ""
            forms.update({re.escape(word.capitalize()) + dot, re.escape(word.upper()) + dot})
    ordered = sorted(forms, key=lambda form: (-len(form), form))
    return "(?-i:" + "|".join(ordered) + ")"


def _placeholders(data: dict) -> dict[str, str]:
    months, weekdays = data["months"], data["weekdays"]
    return {
        "month": _cased(months.values()),
        "month_full": _cased([names[0]] for names in months.values()),
        "weekday": _phrases(names[0] for names in weekdays.values()),
        "weekday_any": _cased(weekdays.values()),
        "day": r"(?:0?[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)?(?![0-9])",
        "year": r"(?:19|20)[0-9]{2}(?![0-9])",
        "mm": r"(?:0[1-9]|1[0-2])",
        "dd": r"(?:0[1-9]|[12][0-9]|3[01])",
        "count": _phrases(data["numbers"]) + r"|[0-9]{1,3}(?![0-9])",
        "unit": _phrases(word for entry in data["units"].values() for word in entry["words"]),
        "period_unit": _phrases(data["period_units"]),
        "shift": _phrases(data["shifts"]),
        "part": _phrases(data["parts"]),
        "modifier": _phrases(data["modifiers"]),
        "part_of_day": _phrases(data["parts_of_day"]),
        "day_word": _phrases(data["day_words"]),
        "hedge": _phrases(data["hedges"]),
        "since": _phrases(data["since"]),
        "direction": _phrases(data["directions"]),
        "duration_word": _phrases(data["duration_words"]),
        "to": _phrases(data["connectors"]),
        "dash": data.get("dash", "[-–—]"),
        "relative": "|".join(f"(?:{entry['pattern']})" for entry in data["relative_to_event"]),
        "vague": "|".join(f"(?:{phrase})" for phrase in data["vague_phrases"]),
    }


def _expand(template: str, parts: dict[str, str]) -> str:
    def substitute(match: re.Match[str]) -> str:
        key, group = match.group(1), match.group(2)
        if key not in parts:
            raise ValueError(f"unknown placeholder {{{key}}} in times pattern {template!r}")
        return f"(?P<{group}>{parts[key]})" if group else f"(?:{parts[key]})"

    return _PLACEHOLDER.sub(substitute, template)


def load_time_rules(path: Path | str | None = None) -> TimeRules:
    """Read the rules from `path`, by default the packaged `data/times.yaml`."""
    data = load_yaml("times.yaml", path)
    parts = _placeholders(data)
    flags = re.IGNORECASE
    patterns = []
    for entry in data["patterns"]:
        body = _expand(entry["pattern"], parts)
        try:
            regex = re.compile(rf"(?<!\w)(?:{body})(?!\w)", flags)
        except re.error as error:
            raise ValueError(f"times pattern {entry['name']!r} is not a valid expression: {error}") from error
        patterns.append(TimePattern(entry["name"], entry["kind"], regex))
    relative = tuple(
        RelativeRule(re.compile(entry["pattern"], flags), int(entry.get("days", 0)), int(entry.get("weeks", 0)))
        for entry in data["relative_to_event"]
    )
    tense = data.get("tense") or {}
    units = [
        Unit(name, int(entry.get("days", 0)), int(entry.get("months", 0)), int(entry.get("years", 0)),
             entry.get("precision", "day"))
        for name, entry in data["units"].items()
    ]
    return TimeRules(
        months={_key(name): int(number) for number, names in data["months"].items() for name in names},
        weekdays={_key(name): int(number) for number, names in data["weekdays"].items() for name in names},
        numbers={_key(word): (None if value is None else int(value)) for word, value in data["numbers"].items()},
        units={_key(word): unit for unit in units for word in data["units"][unit.name]["words"]},
        singular_units=frozenset(_key(entry["words"][0]) for entry in data["units"].values()),
        period_units={_key(word): unit for word, unit in data["period_units"].items()},
        shifts={_key(word): int(value) for word, value in data["shifts"].items()},
        day_words={_key(word): int(value) for word, value in data["day_words"].items()},
        directions={_key(word): int(value) for word, value in data["directions"].items()},
        relative=relative,
        patterns=tuple(patterns),
        future_auxiliaries=frozenset(_key(word) for word in tense.get("future_auxiliaries", ())),
        future_governors=frozenset(_key(word) for word in tense.get("future_governors", ())),
        future_verbs=frozenset(_key(word) for word in tense.get("future_verbs", ())),
        future_modifiers=frozenset(_key(word) for word in tense.get("future_modifiers", ())),
        past_modifiers=frozenset(_key(word) for word in tense.get("past_modifiers", ())),
        days_ahead_in_past=int(tense.get("days_ahead_in_past", 0)),
        relations=frozenset(_key(word) for word in (data.get("attachment") or {}).get("relations", ())),
        ordinals=frozenset(_key(word) for word in (data.get("attachment") or {}).get("ordinals", ())),
        deadlines=tuple(_key(word) for word in (data.get("attachment") or {}).get("deadlines", ())),
        sequences=frozenset(_key(word) for word in (data.get("attachment") or {}).get("sequences", ())),
        definites=frozenset(_key(word) for word in (data.get("attachment") or {}).get("definites", ())),
        reporting_verbs=frozenset(_key(word) for word in (data.get("attachment") or {}).get("reporting_verbs", ())),
        event_links=frozenset(_key(word) for word in (data.get("attachment") or {}).get("event_links", ())),
        occurrence_verbs=frozenset(_key(word) for word in (data.get("attachment") or {}).get("occurrence_verbs", ())),
        report_lag_days=int((data.get("attachment") or {}).get("report_lag_days", 1)),
        stay_end_words=frozenset(_key(word) for word in (data.get("stays") or {}).get("end_words", ())),
        stay_start_preps=frozenset(_key(word) for word in (data.get("stays") or {}).get("start_preps", ())),
        stay_start_verbs=frozenset(_key(word) for word in (data.get("stays") or {}).get("start_verbs", ())),
    )


# ----------------------------------------------------------------------------- finding


def _inside_name(text: str, start: int, rules: TimeRules) -> bool:
    """Whether a match starting at `start` is the tail of a name ("Russia Today", "USA
    Today"): its first word, not a month or weekday name, is capitalized right after a
    capitalized word, with no punctuation between."""
    word = re.match(r"\w+", text[start:])
    if word is None or not word.group()[0].isupper():
        return False
    if _key(word.group()) in rules.months or _key(word.group()) in rules.weekdays:
        return False
    before = re.search(r"(\w+)[ \t]+$", text[max(0, start - 40) : start])
    return before is not None and before.group(1)[0].isupper()


def find_time_expressions(text: str, rules: TimeRules) -> list[TimeExpression]:
    """Every time expression in `text`, in order, with character offsets into `text`.

    All patterns are matched; where matches overlap the longest wins, then the one listed
    first in the data. A pattern's `expr` group, when it has one, is the expression; the
    rest of its match is required context ("in" before a bare month).
    """
    candidates = []
    for order, pattern in enumerate(rules.patterns):
        for match in pattern.regex.finditer(text):
            candidates.append((match.start(), match.end(), order, pattern, match))
    candidates.sort(key=lambda item: (-(item[1] - item[0]), item[2], item[0]))
    taken = bytearray(len(text))  # 1 where an accepted match already is
    chosen = []
    for start, end, _, pattern, match in candidates:
        if any(taken[start:end]) or _inside_name(text, start, rules):
            continue
        taken[start:end] = b"\x01" * (end - start)
        chosen.append((pattern, match))
    expressions = []
    for pattern, match in chosen:
        groups = {name: value for name, value in match.groupdict().items() if value is not None}
        span = match.span("expr") if "expr" in groups else match.span()
        parts = tuple((name, _SPACES.sub(" ", value)) for name, value in groups.items() if name != "expr")
        expressions.append(
            TimeExpression(span[0], span[1], text[span[0] : span[1]], pattern.kind, parts, pattern.name)
        )
    return sorted(expressions, key=lambda expression: expression.start)


# ----------------------------------------------------------------------------- calendar


def _iso_day(day: dt.date) -> str:
    return day.isoformat()


def _iso_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _iso_year(year: int) -> str:
    return f"{year:04d}"


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _weekday_day(anchor: dt.date, weekday: int, tense: str, shift: int | None) -> dt.date:
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
        return _monday(anchor) + dt.timedelta(days=weekday)
    if back == 0:
        return anchor
    if tense == "future" or (tense == "present" and ahead < back):
        return anchor + dt.timedelta(days=ahead)
    return anchor - dt.timedelta(days=back)


def _month_year(anchor: dt.date, month: int, tense: str, shift: int | None) -> int:
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


def _month_day_date(anchor: dt.date, month: int, day: int, tense: str, weekday: int | None,
                    days_ahead: int = 0) -> dt.date | None:
    """The date of a month and day written without a year ("Sept. 25"), seen from `anchor`.

    A written weekday that fits only one of the neighbouring years picks that year;
    otherwise past clauses take the latest such date not after the anchor (but one at most
    `days_ahead` days after it is that coming day: a year back would carry its year, "before
    his visit from June 12" on June 11), future ones the earliest not before it, present
    ones the nearest.
    """
    candidates = [date for year in (anchor.year - 1, anchor.year, anchor.year + 1) if (date := _date(year, month, day))]
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


# ----------------------------------------------------------------------------- normalizing


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
    return rules.shifts.get(_key(word)) if word else None


def _count(word: str | None, unit_word: str, rules: TimeRules) -> int | None:
    """The count before a unit: a number, a number word, one when none is written before a
    singular unit ("the past year"), None when unknown ("several years", "decades")."""
    if word is None:
        return 1 if _key(unit_word) in rules.singular_units else None
    word = _key(word)
    if word.isdigit():
        return int(word)
    return rules.numbers.get(word)


def _month_of(expression: TimeExpression, rules: TimeRules, name: str = "month") -> int | None:
    word = expression.part(name)
    if word is None:
        return int(expression.part("monthnum")) if name == "month" and expression.part("monthnum") else None
    return rules.months.get(_key(word))


def _day_of(expression: TimeExpression, name: str = "day") -> int | None:
    word = expression.part(name)
    return int(re.sub(r"[^0-9]", "", word)) if word else None


def _year_of(expression: TimeExpression, name: str = "year") -> int | None:
    word = expression.part(name)
    return int(word) if word else None


def _normalize_date(expression: TimeExpression, anchor: dt.date | None, tense: str, rules: TimeRules) -> TimeValue:
    month, day, year = _month_of(expression, rules), _day_of(expression), _year_of(expression)
    since = expression.part("since") is not None
    weekday_word = expression.part("weekday")
    weekday = rules.weekdays.get(_key(weekday_word)) if weekday_word else None
    if since:
        tense = "past"
    if month is None:  # a year alone
        return _make(expression, anchor, _iso_year(year), "year", "year", open_ended=since)
    if day is not None and year is not None:
        date = _date(year, month, day)
        if date is None:
            return _unresolved(expression, anchor, "date:impossible")
        rule = "date" if weekday is None or date.weekday() == weekday else "date:weekday-mismatch"
        return _make(expression, anchor, _iso_day(date), "day", rule, open_ended=since)
    if year is not None:
        return _make(expression, anchor, _iso_month(year, month), "month", "month-year", open_ended=since)
    if anchor is None:
        return _unresolved(expression, anchor, "date:no-anchor")
    if day is not None:
        date = _month_day_date(anchor, month, day, tense, weekday, rules.days_ahead_in_past)
        if date is None:
            return _unresolved(expression, anchor, "month-day:impossible")
        return _make(expression, anchor, _iso_day(date), "day", f"month-day+anchor:{tense}", open_ended=since)
    shift = _shift(expression, rules)
    year = _month_year(anchor, month, tense, shift)
    rule = f"month+anchor:{expression.part('shift').lower()}" if shift is not None else f"month+anchor:{tense}"
    return _make(expression, anchor, _iso_month(year, month), "month", rule, open_ended=since)


def _normalize_range(expression: TimeExpression, anchor: dt.date | None, tense: str, rules: TimeRules) -> TimeValue:
    year2 = _year_of(expression, "year2")
    first_year = _year_of(expression, "year") or _year_of(expression, "year_b") or _year_of(expression, "year_d")
    month2 = _month_of(expression, rules, "month2")
    if month2 is None and _month_of(expression, rules) is None:  # years
        if first_year is None or year2 is None or first_year > year2:
            return _unresolved(expression, anchor, "range:impossible")
        return _make(expression, anchor, _iso_year(first_year), "year", "range-years", end=_iso_year(year2))
    month = _month_of(expression, rules) or month2
    month2 = month2 or month
    day, day2 = _day_of(expression), _day_of(expression, "day2")
    if day is None:  # months: "from June 1950 to July 1953"
        start_year = first_year or (year2 if month <= month2 else year2 - 1)
        if (start_year, month) > (year2, month2):
            return _unresolved(expression, anchor, "range:impossible")
        return _make(expression, anchor, _iso_month(start_year, month), "month", "range-months",
                     end=_iso_month(year2, month2))
    if year2 is not None:
        end = _date(year2, month2, day2)
        start_year = first_year or (year2 if (month, day) <= (month2, day2) else year2 - 1)
        start = _date(start_year, month, day)
        rule = "range-days"
    else:
        if anchor is None:
            return _unresolved(expression, anchor, "range:no-anchor")
        start = _month_day_date(anchor, month, day, tense, None, rules.days_ahead_in_past)
        end = None
        if start is not None:
            end = _date(start.year, month2, day2)
            if end is not None and end < start:
                end = _date(start.year + 1, month2, day2)
        rule = f"range-days+anchor:{tense}"
    if start is None or end is None or end < start:
        return _unresolved(expression, anchor, "range:impossible")
    return _make(expression, anchor, _iso_day(start), "day", rule, end=_iso_day(end))


def _normalize_weekday(expression: TimeExpression, anchor: dt.date | None, tense: str, rules: TimeRules) -> TimeValue:
    if anchor is None:
        return _unresolved(expression, anchor, "weekday:no-anchor")
    since = expression.part("since") is not None
    weekday = rules.weekdays[_key(expression.part("weekday"))]
    shift = _shift(expression, rules)
    day = _weekday_day(anchor, weekday, "past" if since else tense, shift)
    rule = f"weekday:{expression.part('shift').lower()}" if shift is not None else f"weekday:{tense}"
    if day == anchor and shift is None:
        rule = "weekday:anchor"
    return _make(expression, anchor, _iso_day(day), "day", rule, open_ended=since)


def _normalize_weekday_range(expression: TimeExpression, anchor: dt.date | None, tense: str,
                             rules: TimeRules) -> TimeValue:
    if anchor is None:
        return _unresolved(expression, anchor, "weekday-range:no-anchor")
    first = rules.weekdays[_key(expression.part("weekday"))]
    last = rules.weekdays[_key(expression.part("weekday2"))]
    length = (last - first) % 7
    if tense == "future":
        start = _weekday_day(anchor, first, tense, None)
        end = start + dt.timedelta(days=length)
    else:
        end = _weekday_day(anchor, last, tense, None)
        start = end - dt.timedelta(days=length)
    return _make(expression, anchor, _iso_day(start), "day", f"weekday-range:{tense}", end=_iso_day(end))


def _normalize_day_word(expression: TimeExpression, anchor: dt.date | None, rules: TimeRules) -> TimeValue:
    if anchor is None:
        return _unresolved(expression, anchor, "day-word:no-anchor")
    offset = rules.day_words[_key(expression.part("word"))]
    day = anchor + dt.timedelta(days=offset)
    return _make(expression, anchor, _iso_day(day), "day", "day-word",
                 open_ended=expression.part("since") is not None)


def _weekend(anchor: dt.date, tense: str, shift: int | None) -> dt.date:
    """The Saturday of the weekend meant: "this weekend" is the anchor's week's, "last
    weekend" the previous week's (the latest one over before the anchor), "next weekend" the
    first one starting after the anchor; "the weekend" is the latest one begun by the anchor
    for past and present clauses, the first one not yet over for future ones."""
    saturday = _monday(anchor) + dt.timedelta(days=5)
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
    unit = rules.period_units[_key(expression.part("unit"))]
    shift = _shift(expression, rules)
    since = expression.part("since") is not None
    rule = f"period:{expression.part('shift').lower() if shift is not None else tense}-{unit}"
    if unit == "weekend":
        saturday = _weekend(anchor, tense, shift)
        return _make(expression, anchor, _iso_day(saturday), "day", rule,
                     end=_iso_day(saturday + dt.timedelta(days=1)), open_ended=since)
    shift = shift or 0
    if unit == "week":
        monday = _monday(anchor) + dt.timedelta(weeks=shift)
        return _make(expression, anchor, _iso_day(monday), "week", rule, open_ended=since)
    if unit == "month":
        year, month = _add_months(anchor.year, anchor.month, shift)
        return _make(expression, anchor, _iso_month(year, month), "month", rule, open_ended=since)
    return _make(expression, anchor, _iso_year(anchor.year + shift), "year", rule, open_ended=since)


def _back(anchor: dt.date, unit: Unit, count: int) -> tuple[str, str, str]:
    """(value, precision, coarse value) `count` units before `anchor` (after it for a
    negative count). The coarse value is the month, or the year for units of years."""
    if unit.days:
        day = anchor - dt.timedelta(days=count * unit.days)
        value = _iso_day(_monday(day)) if unit.precision == "week" else _iso_day(day)
        return value, unit.precision, _iso_month(day.year, day.month)
    if unit.months:
        month = _iso_month(*_add_months(anchor.year, anchor.month, -count * unit.months))
        return month, unit.precision, month
    year = _iso_year(anchor.year - count * unit.years)
    return year, unit.precision, year


def _normalize_ago(expression: TimeExpression, anchor: dt.date | None, rules: TimeRules) -> TimeValue:
    if anchor is None:
        return _unresolved(expression, anchor, "ago:no-anchor")
    unit = rules.units[_key(expression.part("unit"))]
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
        unit = rules.units[_key(expression.part("unit"))]
        count = _count(expression.part("count"), expression.part("unit"), rules)
        direction = rules.directions[_key(expression.part("direction"))]
        if count is None or expression.part("hedge") is not None:
            return _unresolved(expression, anchor, "relative-to-event:uncounted")
        days, months, years = (direction * count * length for length in (unit.days, unit.months, unit.years))
    if reference is None or reference.value is None or reference.precision not in ("day", "reported"):
        return _unresolved(expression, anchor, "relative-to-event")
    base = dt.date.fromisoformat(reference.value)
    if months or years:
        year, month = _add_months(base.year + years, base.month, months)
        if years and not months:
            return _make(expression, anchor, _iso_year(year), "year", "relative-to-event:reference")
        return _make(expression, anchor, _iso_month(year, month), "month", "relative-to-event:reference")
    return _make(expression, anchor, _iso_day(base + dt.timedelta(days=days)), "day", "relative-to-event:reference")


def _normalize_decade(expression: TimeExpression, anchor: dt.date | None) -> TimeValue:
    start = int(expression.part("decade"))
    if expression.part("since") is not None:
        return _make(expression, anchor, _iso_year(start), "year", "decade", open_ended=True)
    return _make(expression, anchor, _iso_year(start), "year", "decade", end=_iso_year(start + 9))


def _normalize_duration(expression: TimeExpression, anchor: dt.date | None, rules: TimeRules) -> TimeValue:
    """"in the last month", "over the past two years": a vague stretch up to (or from) the anchor."""
    if anchor is None:
        return _unresolved(expression, anchor, "duration:no-anchor")
    count = _count(expression.part("count"), expression.part("unit"), rules)
    if count is None:  # "the past decades", "the last several years"
        return _unresolved(expression, anchor, "duration:uncounted")
    unit = rules.units[_key(expression.part("unit"))]
    forward = rules.shifts.get(_key(expression.part("shift")), -1) > 0
    here = _iso_year(anchor.year) if unit.years else _iso_month(anchor.year, anchor.month)
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


_WRITTEN_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")


def page_date_flags(published: dt.date | None, values: Sequence[TimeValue]) -> tuple[str, ...]:
    """Why the text contradicts its page date, if it does: a page date more than a year
    after every full date the text writes (a re-dated page, an archive's current date)."""
    if published is None:
        return ()
    written = [
        dt.date.fromisoformat(v.value[:10] if len(v.value) >= 10 else f"{v.value}-01")
        for v in values
        if v.resolved and _WRITTEN_YEAR.search(v.expression) and v.precision in ("day", "month")
    ]
    if written and (published - max(written)).days > 365:
        return (
            f"page date {published.isoformat()} is over a year after the latest date the text "
            f"writes ({max(written).isoformat()})",
        )
    return ()


def weekday_contradictions(
    found: Sequence[tuple[TimeExpression, TimeValue]], sentence_starts: Sequence[int]
) -> tuple[str, ...]:
    """A weekday word that, read from the page date, lands in another week than the full
    date its own sentence writes for the same weekday ("last Thursday ... May 9, 2013"
    where the page date makes "last Thursday" May 16): the page date is suspect."""
    from bisect import bisect_right

    def sentence(expression: TimeExpression) -> int:
        return bisect_right(sentence_starts, expression.start)

    written = [
        (sentence(e), dt.date.fromisoformat(v.value))
        for e, v in found
        if e.kind == "date" and v.precision == "day" and v.value and _WRITTEN_YEAR.search(e.text)
    ]
    flags = []
    for expression, value in found:
        if expression.kind != "weekday" or value.precision != "day" or not value.value:
            continue
        day = dt.date.fromisoformat(value.value)
        for where, date in written:
            if where == sentence(expression) and date.weekday() == day.weekday() and abs((date - day).days) >= 7:
                flags.append(
                    f"'{expression.text}' read from the page date is {day.isoformat()}, but its "
                    f"sentence dates it {date.isoformat()}"
                )
    return tuple(dict.fromkeys(flags))
