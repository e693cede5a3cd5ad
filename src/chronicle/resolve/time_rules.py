"""What the time resolution knows about English temporal expressions (`TimeRules`, read
from `data/times.yaml` by `load_time_rules`), and the record of an expression found in a
text (`TimeExpression`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from chronicle.data import load_yaml
from chronicle.function_words import FunctionWords, load_function_words
from chronicle.resolve.regex_needs import required_words

_PLACEHOLDER = re.compile(r"\{(\w+)(?::(\w+))?\}")
SPACES = re.compile(r"\s+")


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
    needs: frozenset[str] | None = None  # words one of which any match holds (`regex_needs`)


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
    """Everything the time resolution knows about English temporal expressions, from data/times.yaml."""

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
    recent_words: frozenset[str] = frozenset()  # "recent": "recent meetings" fell in the last `recent_days`
    recent_days: int = 0  # how far back "recent" reaches from publication
    days_ahead_in_past: int = 0  # a yearless "June 12" this close after the anchor is that coming day, even in a past clause
    stay_end_words: frozenset[str] = frozenset()  # "after": "returned on Friday after a three-day visit"
    stay_start_preps: frozenset[str] = frozenset()  # "for": "arrived on Monday for a two-day visit"
    stay_start_verbs: frozenset[str] = frozenset()  # "arrive"
    stay_close_verbs: frozenset[str] = frozenset()  # "closed": "closed two days of talks yesterday"
    stay_daily_nouns: frozenset[str] = frozenset()  # "summit": a closed summit is a meeting each day
    stay_daily_max_days: int = 0  # the longest closed summit told day by day
    grammar: FunctionWords = field(default_factory=FunctionWords)  # "to", "the", "be", "of" (data/function_words.yaml)


def rule_key(text: str) -> str:
    """A table key: lower-case, single spaces, no trailing dot."""
    return SPACES.sub(" ", text.strip().lower()).rstrip(".")


def _phrases(words) -> str:
    """An alternation of literal words or phrases (spaces match any whitespace), longest first."""
    ordered = sorted({rule_key(str(word)) for word in words}, key=lambda word: (-len(word), word))
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
        patterns.append(TimePattern(entry["name"], entry["kind"], regex, required_words(regex)))
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
        months={rule_key(name): int(number) for number, names in data["months"].items() for name in names},
        weekdays={rule_key(name): int(number) for number, names in data["weekdays"].items() for name in names},
        numbers={rule_key(word): (None if value is None else int(value)) for word, value in data["numbers"].items()},
        units={rule_key(word): unit for unit in units for word in data["units"][unit.name]["words"]},
        singular_units=frozenset(rule_key(entry["words"][0]) for entry in data["units"].values()),
        period_units={rule_key(word): unit for word, unit in data["period_units"].items()},
        shifts={rule_key(word): int(value) for word, value in data["shifts"].items()},
        day_words={rule_key(word): int(value) for word, value in data["day_words"].items()},
        directions={rule_key(word): int(value) for word, value in data["directions"].items()},
        relative=relative,
        patterns=tuple(patterns),
        future_auxiliaries=frozenset(rule_key(word) for word in tense.get("future_auxiliaries", ())),
        future_governors=frozenset(rule_key(word) for word in tense.get("future_governors", ())),
        future_verbs=frozenset(rule_key(word) for word in tense.get("future_verbs", ())),
        future_modifiers=frozenset(rule_key(word) for word in tense.get("future_modifiers", ())),
        past_modifiers=frozenset(rule_key(word) for word in tense.get("past_modifiers", ())),
        days_ahead_in_past=int(tense.get("days_ahead_in_past", 0)),
        relations=frozenset(rule_key(word) for word in (data.get("attachment") or {}).get("relations", ())),
        ordinals=frozenset(rule_key(word) for word in (data.get("attachment") or {}).get("ordinals", ())),
        deadlines=tuple(rule_key(word) for word in (data.get("attachment") or {}).get("deadlines", ())),
        sequences=frozenset(rule_key(word) for word in (data.get("attachment") or {}).get("sequences", ())),
        definites=frozenset(rule_key(word) for word in (data.get("attachment") or {}).get("definites", ())),
        reporting_verbs=frozenset(rule_key(word) for word in (data.get("attachment") or {}).get("reporting_verbs", ())),
        event_links=frozenset(rule_key(word) for word in (data.get("attachment") or {}).get("event_links", ())),
        occurrence_verbs=frozenset(rule_key(word) for word in (data.get("attachment") or {}).get("occurrence_verbs", ())),
        report_lag_days=int((data.get("attachment") or {}).get("report_lag_days", 1)),
        recent_words=frozenset(rule_key(word) for word in (data.get("attachment") or {}).get("recent_words", ())),
        recent_days=int((data.get("attachment") or {}).get("recent_days", 0)),
        stay_end_words=frozenset(rule_key(word) for word in (data.get("stays") or {}).get("end_words", ())),
        stay_start_preps=frozenset(rule_key(word) for word in (data.get("stays") or {}).get("start_preps", ())),
        stay_start_verbs=frozenset(rule_key(word) for word in (data.get("stays") or {}).get("start_verbs", ())),
        stay_close_verbs=frozenset(rule_key(word) for word in (data.get("stays") or {}).get("close_verbs", ())),
        stay_daily_nouns=frozenset(rule_key(word) for word in (data.get("stays") or {}).get("daily_nouns", ())),
        stay_daily_max_days=int((data.get("stays") or {}).get("daily_max_days", 0)),
        grammar=load_function_words(),
    )
