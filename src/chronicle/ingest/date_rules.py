"""How dates are written, as the publication-date search reads them (`DateRules`, from
`data/dates.yaml` by `load_date_rules`): month and weekday names, full-date formats, the
places in a text where a publication date stands; `read_date` reads one written date."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from chronicle.data import alternation, load_yaml

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class DateFormat:
    """One way of writing a full date; `pattern` has named groups to read it back."""

    name: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class DateContext:
    """A place in a text where a publication date is written."""

    name: str
    scope: str  # field | line | caption
    weight: int
    header: bool
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class DateRules:
    """Everything pubdate knows about writing dates, as loaded from a dates YAML file."""

    months: dict[str, int]
    weekdays: dict[str, int]
    formats: tuple[DateFormat, ...]
    contexts: tuple[DateContext, ...]
    caption_markers: tuple[re.Pattern[str], ...]
    update_markers: tuple[re.Pattern[str], ...]
    update_label_lines: tuple[re.Pattern[str], ...]
    url_dates: tuple[re.Pattern[str], ...]
    url_query_dates: tuple[re.Pattern[str], ...]
    url_months: tuple[re.Pattern[str], ...]
    plan_markers: tuple[re.Pattern[str], ...]
    any_date: re.Pattern[str]  # a full date anywhere, in any format (for metadata strings)
    story_day_window: int = 0  # a story's own date line this many days before the page date anchors it


def name_alternation(names: dict[str, int]) -> str:
    """A regex matching any of the names as whole words, longest first."""
    return r"\b(?:" + alternation(names) + r")\b"


def _expander(data: dict, months: dict[str, int], weekdays: dict[str, int]):
    raw_parts = dict(data.get("placeholders") or {})
    raw_parts["month"] = name_alternation(months)
    raw_parts["weekday"] = name_alternation(weekdays)
    named = {"month", "weekday", "day", "year", "mm", "dd"}

    def expand(template: str, with_names: bool, date_alternation: str | None = None) -> str:
        def substitute(match: re.Match[str]) -> str:
            key = match.group(1)
            if key == "date":
                if date_alternation is None:
                    raise ValueError("{date} is not allowed inside a date format")
                return f"(?P<date>{date_alternation})"
            if key not in raw_parts:
                raise ValueError(f"unknown placeholder {{{key}}} in {template!r}")
            body = raw_parts[key]
            if key == "day":
                body = f"(?:{body})(?![0-9])"
            if with_names and key in named:
                return f"(?P<{key}>{body})"
            return f"(?:{body})"

        return _PLACEHOLDER.sub(substitute, template)

    return expand


def load_date_rules(path: Path | None = None) -> DateRules:
    """Read date rules from `path`, by default the packaged `data/dates.yaml`."""
    data = load_yaml("dates.yaml", path)
    months = {name.lower(): int(number) for number, names in data["months"].items() for name in names}
    weekdays = {name.lower(): int(number) for number, names in data["weekdays"].items() for name in names}
    expand = _expander(data, months, weekdays)
    flags = re.IGNORECASE

    formats = tuple(
        DateFormat(entry["name"], re.compile(expand(entry["pattern"], True), flags)) for entry in data["formats"]
    )
    date_alternation = "|".join(f"(?:{expand(entry['pattern'], False)})" for entry in data["formats"])
    contexts = []
    for entry in data["contexts"]:
        scope = entry.get("scope", "line")
        if scope not in ("field", "line", "caption"):
            raise ValueError(f"date context {entry.get('name')!r}: unknown scope {scope!r}")
        pattern = re.compile(expand(entry["pattern"], False, date_alternation), flags)
        contexts.append(
            DateContext(entry["name"], scope, int(entry.get("weight", 1)), bool(entry.get("header")), pattern)
        )
    return DateRules(
        months=months,
        weekdays=weekdays,
        formats=formats,
        contexts=tuple(contexts),
        caption_markers=tuple(re.compile(p, flags) for p in data.get("caption_markers") or []),
        update_markers=tuple(re.compile(p, flags) for p in data.get("update_markers") or []),
        update_label_lines=tuple(re.compile(p, flags) for p in data.get("update_label_lines") or []),
        url_dates=tuple(re.compile(p, flags) for p in data.get("url_dates") or []),
        url_query_dates=tuple(re.compile(p, flags) for p in data.get("url_query_dates") or []),
        url_months=tuple(re.compile(p, flags) for p in data.get("url_months") or []),
        plan_markers=tuple(re.compile(p, flags) for p in data.get("plan_markers") or []),
        any_date=re.compile(date_alternation, flags),
        story_day_window=int(data.get("story_day_window") or 0),
    )


def read_date(text: str, rules: DateRules) -> tuple[dt.date | None, str | None]:
    """The date written in `text` (a match of one of the formats), or None and why not."""
    for date_format in rules.formats:
        match = date_format.pattern.fullmatch(text.strip())
        if match is None:
            continue
        parts = match.groupdict()
        year = int(parts["year"])
        if parts.get("month"):
            month = rules.months[parts["month"].lower()]
        else:
            month = int(parts["mm"])
        day = int(re.sub(r"\D", "", parts.get("day") or parts.get("dd") or ""))
        try:
            value = dt.date(year, month, day)
        except ValueError:
            return None, "invalid date"
        weekday = parts.get("weekday")
        if weekday and rules.weekdays[weekday.lower()] != value.weekday():
            return value, f"the weekday ({weekday}) contradicts the date (a {value.strftime('%A')})"
        return value, None
    return None, "unreadable date"
