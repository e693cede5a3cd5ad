"""Position-held statements to KB roles: mapped positions only, with usable dates, one role
per continuous tenure; every statement left out is counted in the import's report."""

from __future__ import annotations

import datetime as dt
import re

from .positions import PositionMap
from .records import DAY, DEPRECATED, GREGORIAN, MONTH, Person, Tenure, qid_of
from .report import WikidataImport

_TIME = re.compile(r"^([+-]?)(\d{1,16})-(\d{2})-(\d{2})(?:T|$)")


def _date(value: object, precision: int | None) -> tuple[dt.date | None, str | None]:
    """A day from a Wikidata time value or SPARQL literal, or the reason it is not usable.
    Day precision is taken as is; month precision as the first of the month; anything less
    precise (a year, a decade) is refused."""
    calendar = None
    if isinstance(value, dict):
        text = value.get("time")
        precision = value.get("precision", precision)
        calendar = qid_of(str(value.get("calendarmodel") or ""))
    else:
        text = value
    if not isinstance(text, str):
        return None, f"time value {value!r} has no time string"
    match = _TIME.match(text.strip())
    if not match:
        return None, f"time {text!r} is not a date"
    sign, year, month, day = (
        match.group(1),
        int(match.group(2)),
        int(match.group(3)),
        int(match.group(4)),
    )
    if precision is None:
        precision = DAY if day else MONTH if month else 9
    if not isinstance(precision, int):
        return None, f"time precision {precision!r} is not a number"
    if precision < MONTH:
        return None, f"date {text} is only precise to the year or less"
    if calendar and calendar != GREGORIAN:
        return None, f"date {text} is in the Julian calendar"
    if sign == "-" or not 1 <= year <= 9999:
        return None, f"date {text} is out of range"
    if precision == MONTH:
        day = 1
    try:
        return dt.date(year, month, day), None
    except ValueError:
        return None, f"date {text} is not a calendar day"


def roles_of(person: Person, positions: PositionMap, result: WikidataImport) -> list[Tenure]:
    """A person's roles: the statements of mapped positions with usable dates, merged per
    tenure; each statement left out is counted or explained in `result`."""
    roles = []
    for statement in person.statements:
        who = f"{person.qid} {statement.position or '(no position)'}"
        if statement.rank == DEPRECATED:
            result.deprecated += 1
            continue
        if not statement.position:
            continue  # "position held: unknown value"
        if statement.position_label and statement.position_label != statement.position:
            result.position_labels.setdefault(statement.position, statement.position_label)
        position = positions.get(statement.position)
        if position is None:
            result.unmapped_positions[statement.position] += 1
            continue
        if statement.country and position.country and statement.country != position.country:
            result.warnings.append(
                f"{who}: the export says country {statement.country}, the position map "
                f"{position.country}; the map's country is used: check the map's QID"
            )
        if statement.start is None:
            result.skipped_roles.append(f"{who}: no start date")
            continue
        start, why = _date(statement.start, statement.start_precision)
        if start is None:
            result.skipped_roles.append(f"{who}: start {why}")
            continue
        end = None
        if statement.end_unknown:
            result.skipped_roles.append(f"{who}: it ended on an unknown date")
            continue
        if statement.end is not None:
            end, why = _date(statement.end, statement.end_precision)
            if end is None:
                result.skipped_roles.append(f"{who}: end {why}")
                continue
        elif not statement.end_missing:
            result.skipped_roles.append(f"{who}: no end date")
            continue
        if end is not None and end < start:
            result.skipped_roles.append(f"{who}: it ends ({end}) before it starts ({start})")
            continue
        roles.append(Tenure(position.office, position.country, position.organization, start, end))
    return _merged(roles)


def _merged(roles: list[Tenure]) -> list[Tenure]:
    """One role per continuous tenure: consecutive or overlapping terms of one office joined."""
    roles = sorted(roles, key=lambda r: (r.office, r.country or "", r.organization or "", r.start))
    merged: list[Tenure] = []
    for role in roles:
        last = merged[-1] if merged else None
        if (
            last
            and (last.office, last.country, last.organization)
            == (role.office, role.country, role.organization)
            and (last.end is None or role.start <= last.end)
        ):
            if last.end is not None:
                last.end = None if role.end is None else max(last.end, role.end)
            continue
        merged.append(Tenure(role.office, role.country, role.organization, role.start, role.end))
    return sorted(merged, key=lambda r: (r.start, r.office))

