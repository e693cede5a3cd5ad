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
    if time.precision != "day" or time.end or len(time.value or "") != 10 or token.dep_ != "pobj":
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
