"""What both export formats are read into (a person, their position-held statements, a
tenure) and the Wikidata constants the readers share."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

HUMAN = "Q5"
GREGORIAN = "Q1985727"
ENGLISH = ("en", "mul", "en-gb", "en-us", "en-ca")  # label languages, in order of preference
DAY, MONTH = 11, 10  # Wikidata time precisions
DEPRECATED = "deprecated"

ISO3 = re.compile(r"^[A-Z]{3}$")
_QID_IN = re.compile(r"(?:^|[/:])(Q[1-9][0-9]*)$")

# SPARQL variable names accepted for each field, in order of preference.
SPARQL_VARS: dict[str, tuple[str, ...]] = {
    "person": ("person", "item", "human", "politician"),
    "label": ("personLabel", "itemLabel", "humanLabel", "politicianLabel", "label", "name"),
    "alias": (
        "alias",
        "personAltLabel",
        "itemAltLabel",
        "humanAltLabel",
        "politicianAltLabel",
        "altLabel",
    ),
    "position": ("position", "positionHeld", "office"),
    "position_label": ("positionLabel", "positionHeldLabel", "officeLabel"),
    "start": ("start", "startTime", "startDate"),
    "end": ("end", "endTime", "endDate"),
    "start_precision": ("startPrecision", "startTimePrecision"),
    "end_precision": ("endPrecision", "endTimePrecision"),
    "country": ("countryCode", "country", "iso3"),
    "rank": ("rank", "statementRank"),
    "instance": ("instanceOf", "instance"),
}


@dataclass
class Statement:
    """One position-held statement, as either format gives it."""

    position: str
    start: object = None  # a Wikidata time value (dict) or a SPARQL literal (str); None if absent
    end: object = None
    start_precision: int | None = None
    end_precision: int | None = None
    end_missing: bool = True  # no end qualifier at all (or novalue): still in office
    end_unknown: bool = False  # end qualifier is "somevalue": ended, date unknown
    rank: str = "normal"
    position_label: str | None = None
    country: str | None = None  # ISO3 the export gave with the statement (SPARQL only)


@dataclass
class Person:
    """A person of the export: names, statements, and whether the export says it is human."""

    qid: str
    label: str | None = None
    aliases: list[str] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    human: bool | None = None  # None: the export does not say (no P31)
    countries: list[str] = field(default_factory=list)


@dataclass
class Tenure:
    """An office held from `start` to `end` (None: still held), as it will be written."""

    office: str
    country: str | None
    organization: str | None
    start: dt.date
    end: dt.date | None


def qid_of(value: str | None) -> str | None:
    """The QID at the end of an entity URI, a prefixed name or a bare id; None if there is none."""
    if not value:
        return None
    match = _QID_IN.search(value.strip())
    return match.group(1) if match else None

