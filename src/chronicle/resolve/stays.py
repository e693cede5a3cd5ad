"""The days of a stay of a stated length ("a three-day visit"), from the day it ended or began.

"Returned to Cairo on Friday after a three-day visit to London": the visit took the three
days up to Friday or up to the day before, so it lies within Tuesday-Friday (the range from
the day its length before). "Arrived in Asmara on Monday for a two-day visit": Monday and
Tuesday. Anything else a stay's day is said of ("held talks on Monday during a three-day
visit") is left alone. The words are data (`data/times.yaml`, `stays`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from chronicle.model import TimeValue
from chronicle.resolve.time_rules import TimeRules


def stay_days(token, time: TimeValue, rules: TimeRules) -> TimeValue:
    """`time` (a day) widened to the days of the stay `token` names, when `token` is a noun
    with a length in days ("three-day") opened by an ending word ("after") or the object of a
    starting verb's "for"/"on" ("arrived ... for a two-day visit"); else `time` unchanged."""
    if time.precision != "day" or time.end or len(time.value or "") != 10:
        return time
    closed = _closed_length(token, rules)
    if closed:  # "closed two days of talks yesterday": the days up to that one
        start = dt.date.fromisoformat(time.value) - dt.timedelta(days=closed - 1)
        return replace(time, value=start.isoformat(), end=time.value, rule=f"stay-closed:{time.rule}")
    if token.dep_ != "pobj":
        return time
    length = _length_in_days(token, rules)
    if not length:
        return time
    preposition, day = token.head, dt.date.fromisoformat(time.value)
    verb = preposition.head
    if preposition.lower_ in rules.stay_end_words:
        return replace(time, value=(day - dt.timedelta(days=length)).isoformat(), end=time.value, rule=f"stay-ended:{time.rule}")
    if preposition.lower_ in rules.stay_start_preps and verb.lemma_.lower() in rules.stay_start_verbs:
        return replace(time, end=(day + dt.timedelta(days=length - 1)).isoformat(), rule=f"stay-began:{time.rule}")
    return time


def daily_meetings(token, time: TimeValue, rules: TimeRules) -> list[tuple[TimeValue, None]]:
    """A closed summit of a few days ("closed two days of talks yesterday", "wrapped up their
    two-day summit on Saturday"; `stay_days` gave its range): one (day, no place) per day,
    each a meeting of its own, as a reader counts them; [] for anything else (a visit, a
    summit told by its start, one longer than `stay_daily_max_days`)."""
    if not time.rule.startswith("stay-closed:") or token.lemma_.lower() not in rules.stay_daily_nouns and token.lower_ not in rules.stay_daily_nouns:
        return []
    first, last = dt.date.fromisoformat(time.value), dt.date.fromisoformat(time.end)
    days = (last - first).days + 1
    if not 1 < days <= rules.stay_daily_max_days:
        return []
    return [(replace(time, value=(first + dt.timedelta(days=n)).isoformat(), end=None, rule=f"stay-day:{time.rule}"), None)
            for n in range(days)]


def _closed_length(token, rules: TimeRules) -> int | None:
    """The length in days of a stay a closing verb ends: its object ("wrapped up their
    two-day [summit]") or the noun after "N days of" ("closed two days of [talks]"); else None."""
    if token.dep_ == "dobj" and token.head.lemma_.lower() in rules.stay_close_verbs:
        return _length_in_days(token, rules)
    preposition = token.head
    days = preposition.head
    if token.dep_ != "pobj" or preposition.lower_ not in rules.grammar.genitive_preps or days.dep_ != "dobj" or days.head.lemma_.lower() not in rules.stay_close_verbs:
        return None
    unit = rules.units.get(days.lower_)
    count = next((c for c in days.children if c.dep_ == "nummod"), None)
    if unit is None or not unit.days or count is None:
        return None
    number = int(count.text) if count.text.isdigit() else rules.numbers.get(count.lower_)
    return number * unit.days if number else None


def _length_in_days(noun, rules: TimeRules) -> int | None:
    """The length "three-day" or "3-day" gives a noun, in days; None without one."""
    for child in noun.children:
        if child.dep_ not in ("compound", "amod", "nmod"):
            continue
        unit = rules.units.get(child.lower_)
        count = next((c for c in child.children if c.dep_ == "nummod"), None)
        if unit is None or not unit.days or count is None:
            continue
        number = int(count.text) if count.text.isdigit() else rules.numbers.get(count.lower_)
        return number * unit.days if number else None
    return None
