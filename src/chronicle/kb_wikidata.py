"""Wikidata exports converted to KB actors (`chronicle kb import-wikidata FILE`).

Two export formats are read (docs/knowledge-base-wikidata.md lists every accepted shape):

* entity JSON, as `Special:EntityData/Qxxx.json` serves it (`{"entities": {...}}`), a JSON
  list of entities, a single entity, or a dump slice / JSON lines (one entity per line);
* SPARQL query results JSON (`{"head": {"vars": ...}, "results": {"bindings": [...]}}`), and
  the flat JSON list the query service's "download JSON" writes.

Positions held (P39) become roles only when `data/wikidata_positions.yaml` (or a user map)
maps the position's QID to a chronicle office; everything else is skipped and counted in
the returned `WikidataImport`. Conversion is pure: bytes in, KB YAML text and a report out.
Malformed input raises ValueError naming the problem.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from .kb import KnowledgeBase, name_key

POSITIONS_FILE = "wikidata_positions.yaml"
HUMAN = "Q5"
GREGORIAN = "Q1985727"
ENGLISH = ("en", "mul", "en-gb", "en-us", "en-ca")  # label languages, in order of preference
DAY, MONTH = 11, 10  # Wikidata time precisions

_QID = re.compile(r"^Q[1-9][0-9]*$")
_QID_IN = re.compile(r"(?:^|[/:])(Q[1-9][0-9]*)$")
_ISO3 = re.compile(r"^[A-Z]{3}$")
_TIME = re.compile(r"^([+-]?)(\d{1,16})-(\d{2})-(\d{2})(?:T|$)")
_SLUG = re.compile(r"[^a-z0-9]+")
DEPRECATED = "deprecated"

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


# --------------------------------------------------------------------------- position map


@dataclass(frozen=True)
class Position:
    """What a Wikidata position item means in the KB: an office of a country or organization."""

    office: str
    country: str | None = None
    organization: str | None = None
    labels: tuple[str, ...] = ()  # the item's English label(s), a check on the QID

    @property
    def seat(self) -> str:
        return self.country or self.organization or ""


PositionMap = Mapping[str, Position]


def load_position_map(
    path: str | Path | None = None, *, packaged: bool = True
) -> dict[str, Position]:
    """The position map: the packaged `data/wikidata_positions.yaml`, then `path` (a user's
    file in the same format) whose entries add to or replace the packaged ones.
    `packaged=False` with a `path` reads the user's file alone. ValueError on a bad entry."""
    positions: dict[str, Position] = {}
    if packaged:
        text = (
            resources.files("chronicle.data").joinpath(POSITIONS_FILE).read_text(encoding="utf-8")
        )
        positions.update(parse_position_map(text, f"data/{POSITIONS_FILE}"))
    if path is not None:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise ValueError(f"cannot read the position map {path}: {error}") from error
        positions.update(parse_position_map(text, str(path)))
    return positions


def parse_position_map(text: str, name: str = "positions") -> dict[str, Position]:
    """A position map from its YAML text: `QID: {office: ..., country: ISO3 | organization: id}`."""
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as error:
        raise ValueError(f"{name}: not valid YAML: {error}") from error
    if not isinstance(data, dict):
        raise ValueError(f"{name}: the top level must map position QIDs to offices")
    positions = {}
    for qid, entry in data.items():
        where = f"{name}: {qid}"
        if not isinstance(qid, str) or not _QID.match(qid):
            raise ValueError(f"{where}: not a Wikidata QID (Q followed by digits)")
        if not isinstance(entry, dict) or not isinstance(entry.get("office"), str):
            raise ValueError(f"{where}: needs an `office:` (a key of offices.yaml)")
        unknown = set(entry) - {"office", "country", "organization", "label"}
        if unknown:
            raise ValueError(f"{where}: unknown fields {', '.join(sorted(map(str, unknown)))}")
        country, organization = entry.get("country"), entry.get("organization")
        if bool(country) == bool(organization):
            raise ValueError(f"{where}: needs exactly one of `country:` (ISO3) or `organization:`")
        if country and not (isinstance(country, str) and _ISO3.match(country)):
            raise ValueError(f"{where}: country {country!r} is not an ISO 3166-1 alpha-3 code")
        positions[qid] = Position(
            office=entry["office"],
            country=country or None,
            organization=str(organization) if organization else None,
            labels=_label_list(entry.get("label"), where),
        )
    return positions


def _label_list(value: object, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ValueError(f"{where}: `label` must be a string or a list of strings")


# --------------------------------------------------------------------------- the result


@dataclass
class WikidataImport:
    """A converted export: the KB YAML text and what was taken and left out.

    `persons` are the actor ids written; `roles` counts the roles written (after merging
    adjacent terms of one office). The rest says what was skipped and why, for the user.
    """

    source: str
    yaml_text: str
    persons: list[str] = field(default_factory=list)
    roles: int = 0
    skipped_persons: list[str] = field(default_factory=list)  # "Q123 (Name): reason"
    unmapped_positions: Counter = field(default_factory=Counter)  # position QID -> statements
    position_labels: dict[str, str] = field(default_factory=dict)  # labels the export gave
    skipped_roles: list[str] = field(default_factory=list)  # "Q123 Q456: reason"
    deprecated: int = 0  # deprecated-rank statements skipped
    not_persons: int = 0  # entities that are not humans (P31 without Q5)
    warnings: list[str] = field(default_factory=list)

    @property
    def summary(self) -> str:
        """One line: what was imported and how much was skipped."""
        parts = [f"{_n(len(self.persons), 'person')} with {_n(self.roles, 'role')}"]
        skipped = []
        if self.skipped_persons:
            skipped.append(_n(len(self.skipped_persons), "person"))
        if self.unmapped_positions:
            skipped.append(
                f"{_n(sum(self.unmapped_positions.values()), 'statement')} of "
                f"{_n(len(self.unmapped_positions), 'unmapped position')}"
            )
        if self.skipped_roles:
            skipped.append(f"{_n(len(self.skipped_roles), 'role')} without usable dates")
        if self.deprecated:
            skipped.append(_n(self.deprecated, "deprecated statement"))
        if skipped:
            parts.append("skipped " + ", ".join(skipped))
        if self.warnings:
            parts.append(_n(len(self.warnings), "warning"))
        return "; ".join(parts)

    def report(self) -> str:
        """Several lines for the user: the summary, then each skip and warning."""
        lines = [f"{self.source}: {self.summary}"]
        lines += [f"  warning: {w}" for w in self.warnings]
        lines += [f"  skipped person {s}" for s in self.skipped_persons]
        for qid, count in self.unmapped_positions.most_common():
            label = self.position_labels.get(qid)
            lines.append(
                f"  unmapped position {qid}{f' ({label})' if label else ''}: {_n(count, 'statement')}"
                " (add it to a position map to import it)"
            )
        lines += [f"  skipped role {s}" for s in self.skipped_roles]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


# --------------------------------------------------------------------------- format-neutral records


@dataclass
class _Statement:
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
class _Person:
    qid: str
    label: str | None = None
    aliases: list[str] = field(default_factory=list)
    statements: list[_Statement] = field(default_factory=list)
    human: bool | None = None  # None: the export does not say (no P31)
    countries: list[str] = field(default_factory=list)


@dataclass
class _Role:
    office: str
    country: str | None
    organization: str | None
    start: dt.date
    end: dt.date | None


# --------------------------------------------------------------------------- reading the bytes


def _parse_json(data: bytes) -> object:
    """The document: one JSON value, or a list of the values of JSON lines / a dump slice."""
    if isinstance(data, str):
        text = data
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ValueError(
                f"not UTF-8 text (byte {error.start}): not a Wikidata JSON export"
            ) from error
    if not text.strip():
        raise ValueError("empty: no Wikidata JSON export in it")
    try:
        return json.loads(text)
    except json.JSONDecodeError as whole_error:
        first_error = whole_error
    # JSON lines, or a slice of the JSON dump: "[", then one entity per line ending in ",".
    values = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip().rstrip(",")
        if line in ("", "[", "]"):
            continue
        try:
            values.append(json.loads(line))
        except json.JSONDecodeError as error:
            if not values:  # not JSON lines either: report the document's error
                raise ValueError(
                    f"not JSON (line {first_error.lineno}, column {first_error.colno}: {first_error.msg})"
                ) from first_error
            raise ValueError(
                f"line {number} is not JSON ({error.msg}, column {error.colno})"
            ) from error
    return values


def _is_entity(value: object) -> bool:
    return (
        isinstance(value, dict)
        and isinstance(value.get("id"), str)
        and ("claims" in value or "labels" in value or "type" in value or "statements" in value)
    )


def _is_sparql_row(value: object) -> bool:
    return isinstance(value, dict) and any(v in value for v in SPARQL_VARS["person"])


def _read_export(document: object) -> tuple[list[_Person], dict[str, str], int]:
    """Persons, the English labels of every entity in the export, and the non-human count."""
    if isinstance(document, dict) and "results" in document:
        return _read_sparql(document), {}, 0
    if isinstance(document, dict) and "entities" in document:
        entities = document["entities"]
        if not isinstance(entities, dict):
            raise ValueError("`entities` must be an object mapping QIDs to entities")
        return _read_entities(list(entities.values()))
    if _is_entity(document):
        return _read_entities([document])
    if isinstance(document, list):
        if not document:
            return [], {}, 0
        if all(_is_entity(v) for v in document):
            return _read_entities(document)
        if all(_is_sparql_row(v) for v in document):
            return _read_sparql({"results": {"bindings": document}}), {}, 0
        if all(isinstance(v, dict) and "entities" in v for v in document):
            entities = [e for v in document for e in (v["entities"] or {}).values()]
            return _read_entities(entities)
        bad = next(i for i, v in enumerate(document, 1) if not (_is_entity(v) or _is_sparql_row(v)))
        raise ValueError(
            f"item {bad} of the list is neither a Wikidata entity (an object with `id` and "
            "`claims`) nor a SPARQL result row (an object with a `person` or `item` variable)"
        )
    shape = (
        type(document).__name__
        if not isinstance(document, dict)
        else "an object with keys " + ", ".join(sorted(map(str, document))[:6])
    )
    raise ValueError(
        f'not a Wikidata export: expected entity JSON ({{"entities": ...}}) or SPARQL results '
        f'({{"head": ..., "results": {{"bindings": [...]}}}}), got {shape}'
    )


# --------------------------------------------------------------------------- entity JSON


def _english(values: object, where: str) -> list[str]:
    """English strings of a labels/aliases object: {"en": {"value": ..}} or {"en": [{"value": ..}]}."""
    if values is None:
        return []
    if not isinstance(values, dict):
        raise ValueError(f"{where} must be an object keyed by language")
    found = []
    for language in ENGLISH:
        entry = values.get(language)
        for item in entry if isinstance(entry, list) else [entry] if entry else []:
            if not isinstance(item, dict) or not isinstance(item.get("value"), str):
                raise ValueError(f"{where}.{language} must hold objects with a string `value`")
            found.append(item["value"])
    return found


def _item_id(value: object) -> str | None:
    """The QID of an entity-id data value ({"id": "Q5"} or {"numeric-id": 5})."""
    if isinstance(value, dict):
        if isinstance(value.get("id"), str):
            return value["id"]
        if isinstance(value.get("numeric-id"), int):
            return f"Q{value['numeric-id']}"
    return None


def _snak_value(snak: object, where: str) -> tuple[str, object]:
    """A snak's type ("value", "somevalue", "novalue") and its data value."""
    if not isinstance(snak, dict):
        raise ValueError(f"{where} must be an object (a snak)")
    kind = snak.get("snaktype", "value")
    if kind != "value":
        return kind, None
    datavalue = snak.get("datavalue")
    if not isinstance(datavalue, dict) or "value" not in datavalue:
        raise ValueError(f"{where} has no `datavalue.value`")
    return kind, datavalue["value"]


def _claims(entity: dict, prop: str, where: str) -> list[dict]:
    claims = entity.get("claims", entity.get("statements")) or {}
    if not isinstance(claims, dict):
        raise ValueError(f"{where}: `claims` must be an object keyed by property")
    statements = claims.get(prop) or []
    if not isinstance(statements, list) or not all(isinstance(s, dict) for s in statements):
        raise ValueError(f"{where}: claims.{prop} must be a list of statements")
    return statements


def _read_entities(entities: list) -> tuple[list[_Person], dict[str, str], int]:
    persons, labels, not_persons = [], {}, 0
    for number, entity in enumerate(entities, 1):
        if not isinstance(entity, dict):
            raise ValueError(f"entity {number} is not an object")
        if "missing" in entity:
            continue
        qid = entity.get("id")
        if not isinstance(qid, str):
            raise ValueError(f"entity {number} has no `id`")
        if not _QID.match(qid):
            continue  # properties (P...), lexemes (L...): not persons
        where = f"entity {qid}"
        english = _english(entity.get("labels"), f"{where}: labels")
        if english:
            labels[qid] = english[0]
        kinds = set()
        for i, statement in enumerate(_claims(entity, "P31", where)):
            kind, value = _snak_value(statement.get("mainsnak"), f"{where}: P31 statement {i + 1}")
            if kind == "value" and statement.get("rank") != DEPRECATED:
                kinds.add(_item_id(value))
        person = _Person(
            qid,
            label=english[0] if english else None,
            aliases=_english(entity.get("aliases"), f"{where}: aliases"),
            human=(HUMAN in kinds) if kinds else None,
        )
        for i, statement in enumerate(_claims(entity, "P39", where)):
            person.statements.append(
                _entity_statement(statement, f"{where}: P39 statement {i + 1}")
            )
        if person.human is False:
            not_persons += 1
            continue
        if person.human is None and not person.statements:
            continue  # an item without P31 or positions: a position or place in the export
        persons.append(person)
    return persons, labels, not_persons


def _entity_statement(statement: dict, where: str) -> _Statement:
    kind, value = _snak_value(statement.get("mainsnak"), f"{where}: mainsnak")
    position = _item_id(value) if kind == "value" else None
    qualifiers = statement.get("qualifiers") or {}
    if not isinstance(qualifiers, dict):
        raise ValueError(f"{where}: `qualifiers` must be an object keyed by property")
    record = _Statement(position=position or "", rank=str(statement.get("rank", "normal")))
    for prop, slot in (("P580", "start"), ("P582", "end")):
        snaks = qualifiers.get(prop) or []
        if not isinstance(snaks, list):
            raise ValueError(f"{where}: qualifiers.{prop} must be a list")
        values = [_snak_value(s, f"{where}: qualifier {prop}") for s in snaks]
        known = [v for k, v in values if k == "value"]
        if slot == "start":
            # of several start dates, the most precise one
            record.start = max(known, key=_precision, default=None)
        else:
            record.end = max(known, key=_precision, default=None)
            record.end_missing = not values or all(k == "novalue" for k, _ in values)
            record.end_unknown = not known and any(k == "somevalue" for k, _ in values)
    return record


def _precision(value: object) -> int:
    precision = value.get("precision") if isinstance(value, dict) else None
    return precision if isinstance(precision, int) else 0


# --------------------------------------------------------------------------- SPARQL results


def _binding_value(row: dict, names: Iterable[str], english_only: bool = False) -> str | None:
    """A row's value for the first variable present: the `value` of a binding, or a plain
    string (the flat JSON download). Literals tagged with another language are ignored."""
    for name in names:
        if name not in row:
            continue
        binding = row[name]
        if isinstance(binding, dict):
            lang = binding.get("xml:lang")
            if english_only and lang and lang.split("-")[0] not in ("en", "mul"):
                return None
            value = binding.get("value")
        else:
            value = binding
        if value is None:
            return None
        return str(value)
    return None


def _qid_of(value: str | None) -> str | None:
    if not value:
        return None
    match = _QID_IN.search(value.strip())
    return match.group(1) if match else None


def _read_sparql(document: dict) -> list[_Person]:
    results = document.get("results")
    bindings = results.get("bindings") if isinstance(results, dict) else None
    if not isinstance(bindings, list):
        raise ValueError("SPARQL results need `results.bindings`, a list of rows")
    head = document.get("head")
    variables = set(head.get("vars") or []) if isinstance(head, dict) else set()
    for row in bindings:
        if not isinstance(row, dict):
            raise ValueError("each SPARQL result row must be an object of variable bindings")
        variables |= set(row)
    for need in ("person", "position"):
        if variables and not any(v in variables for v in SPARQL_VARS[need]):
            raise ValueError(
                f"the SPARQL results have no {need} variable (one of: {', '.join(SPARQL_VARS[need])}); "
                f"they have: {', '.join(sorted(variables))}"
            )
    persons: dict[str, _Person] = {}
    seen: set[tuple] = set()
    for number, row in enumerate(bindings, 1):
        person_value = _binding_value(row, SPARQL_VARS["person"])
        qid = _qid_of(person_value)
        if qid is None:
            raise ValueError(
                f"row {number}: the person {person_value!r} is not a Wikidata item (…/entity/Q…)"
            )
        person = persons.setdefault(qid, _Person(qid))
        label = _binding_value(row, SPARQL_VARS["label"], english_only=True)
        if label and not person.label and label != qid:
            person.label = label
        alias_field = next((v for v in SPARQL_VARS["alias"] if v in row), None)
        alias = _binding_value(row, SPARQL_VARS["alias"], english_only=True)
        if alias:
            # the label service joins all aliases with ", " into one *AltLabel value
            parts = (
                alias.split(", ") if alias_field and alias_field.endswith("AltLabel") else [alias]
            )
            person.aliases += [a for a in parts if a and a not in person.aliases]
        instance = _qid_of(_binding_value(row, SPARQL_VARS["instance"]))
        if instance:
            person.human = bool(person.human) or instance == HUMAN
        country = _binding_value(row, SPARQL_VARS["country"])
        country = (
            country.strip().upper() if country and _ISO3.match(country.strip().upper()) else None
        )
        if country and country not in person.countries:
            person.countries.append(country)
        position_value = _binding_value(row, SPARQL_VARS["position"])
        if position_value is None:
            continue
        position = _qid_of(position_value)
        if position is None:
            raise ValueError(
                f"row {number}: the position {position_value!r} is not a Wikidata item"
            )
        statement = _Statement(
            position=position,
            start=_binding_value(row, SPARQL_VARS["start"]),
            end=_binding_value(row, SPARQL_VARS["end"]),
            start_precision=_int(_binding_value(row, SPARQL_VARS["start_precision"]), number),
            end_precision=_int(_binding_value(row, SPARQL_VARS["end_precision"]), number),
            rank=_rank(_binding_value(row, SPARQL_VARS["rank"])),
            position_label=_binding_value(row, SPARQL_VARS["position_label"], english_only=True),
            country=country,
        )
        statement.end_missing = statement.end is None
        key = (qid, position, statement.start, statement.end, statement.rank)
        if key not in seen:  # OPTIONAL aliases multiply rows: keep each statement once
            seen.add(key)
            person.statements.append(statement)
    return list(persons.values())


def _int(value: str | None, row: int) -> int | None:
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:
        raise ValueError(f"row {row}: time precision {value!r} is not a number") from None


def _rank(value: str | None) -> str:
    """`wikibase:DeprecatedRank` (as a URI or a prefixed name) -> "deprecated", etc."""
    if not value:
        return "normal"
    tail = re.split(r"[#/:]", value)[-1]
    return tail.removesuffix("Rank").lower() or "normal"


# --------------------------------------------------------------------------- dates


def _date(value: object, precision: int | None) -> tuple[dt.date | None, str | None]:
    """A day from a Wikidata time value or SPARQL literal, or the reason it is not usable.
    Day precision is taken as is; month precision as the first of the month; anything less
    precise (a year, a decade) is refused."""
    calendar = None
    if isinstance(value, dict):
        text = value.get("time")
        precision = value.get("precision", precision)
        calendar = _qid_of(str(value.get("calendarmodel") or ""))
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


# --------------------------------------------------------------------------- building actors


def slug(text: str) -> str:
    """An actor id from a name: ascii, lowercase, hyphens ("Recep Tayyip Erdoğan" -> "recep-tayyip-erdogan")."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii").lower().replace("'", "")
    return _SLUG.sub("-", ascii_text).strip("-")


def _roles(person: _Person, positions: PositionMap, result: WikidataImport) -> list[_Role]:
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
        roles.append(_Role(position.office, position.country, position.organization, start, end))
    return _merged(roles)


def _merged(roles: list[_Role]) -> list[_Role]:
    """One role per continuous tenure: consecutive or overlapping terms of one office joined."""
    roles = sorted(roles, key=lambda r: (r.office, r.country or "", r.organization or "", r.start))
    merged: list[_Role] = []
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
        merged.append(_Role(role.office, role.country, role.organization, role.start, role.end))
    return sorted(merged, key=lambda r: (r.start, r.office))


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _word(text: str) -> str:
    """A plain YAML scalar when it reads back as the same string, else double-quoted
    (an id "null" or "yes" must stay a string)."""
    try:
        plain = yaml.safe_load(text) == text and "#" not in text and ":" not in text
    except yaml.YAMLError:
        plain = False
    return text if plain else _q(text)


def _yaml(actors: list[dict], source: str) -> str:
    safe_source = " ".join(source.split())
    lines = [
        f"# Imported from the Wikidata export {safe_source} (chronicle kb import-wikidata).",
        "# Format: docs/knowledge-base.md; conversion rules: docs/knowledge-base-wikidata.md.",
    ]
    if not actors:
        return "\n".join([*lines, "actors: []", ""])
    lines.append("actors:")
    for actor in actors:
        lines.append(f"  - id: {_word(actor['id'])}")
        lines.append(f"    name: {_q(actor['name'])}")
        lines.append("    kind: person")
        if actor["country"]:
            lines.append(f"    country: {actor['country']}")
        lines.append("    sector: GOV")
        lines.append(f"    aliases: [{', '.join(map(_q, actor['aliases']))}]")
        if actor["ambiguous_aliases"]:
            lines.append(
                f"    ambiguous_aliases: [{', '.join(map(_q, actor['ambiguous_aliases']))}]"
            )
        lines.append(f"    qid: {actor['qid']}")
        lines.append("    roles:")
        for role in actor["roles"]:
            lines.append(f"      - office: {_word(role.office)}")
            if role.country:
                lines.append(f"        country: {role.country}")
            else:
                lines.append(f"        organization: {_word(role.organization)}")
            lines.append(f"        start: {role.start.isoformat()}")
            if role.end is not None:
                lines.append(f"        end: {role.end.isoformat()}")
    return "\n".join(lines) + "\n"


def convert_wikidata(
    data: bytes | str,
    name: str,
    positions: PositionMap,
    *,
    existing: KnowledgeBase | None = None,
) -> WikidataImport:
    """KB actors (YAML text, docs/knowledge-base.md) for the persons of a Wikidata export.

    A person is written when at least one of their position-held statements maps to an
    office; persons already in `existing` (same QID) are left out. Aliases that would make
    the KB refuse the file are adjusted: one-word aliases ("Obama") go to
    `ambiguous_aliases`, an alias that is another person's name is dropped, an alias two
    imported persons share becomes ambiguous for both. ValueError if the bytes are not a
    Wikidata entity or SPARQL-results JSON export.
    """
    document = _parse_json(data)
    persons, labels, not_persons = _read_export(document)
    result = WikidataImport(source=name, yaml_text="", not_persons=not_persons)
    known_qids = {a.qid: a.id for a in existing.actors.values() if a.qid} if existing else {}
    taken_ids = set(existing.actors) if existing else set()
    drafts: list[dict] = []
    done: set[str] = set()
    for person in persons:
        tag = f"{person.qid} ({person.label})" if person.label else person.qid
        if person.human is False:
            result.not_persons += 1
            continue
        roles = _roles(person, positions, result)
        if not person.label:
            result.skipped_persons.append(f"{tag}: no English label")
            continue
        if not roles:
            result.skipped_persons.append(f"{tag}: no mapped position with usable dates")
            continue
        if person.qid in known_qids:
            result.skipped_persons.append(
                f"{tag}: already in the knowledge base as {known_qids[person.qid]}"
            )
            continue
        namesakes = _namesakes_without_qid(existing, person.label)
        if namesakes:
            result.skipped_persons.append(
                f"{tag}: already in the knowledge base as {', '.join(namesakes)} (same name, no QID there)"
            )
            continue
        if person.qid in done:
            continue
        done.add(person.qid)
        actor_id = slug(person.label) or person.qid.lower()
        if actor_id in taken_ids:
            actor_id = f"{actor_id}-{person.qid.lower()}"
        taken_ids.add(actor_id)
        with_country = [r for r in roles if r.country]
        country = max(with_country, key=lambda r: r.start).country if with_country else None
        drafts.append(
            {
                "id": actor_id,
                "name": person.label,
                "qid": person.qid,
                "country": country or (person.countries[0] if person.countries else None),
                "aliases": person.aliases,
                "ambiguous_aliases": [],
                "roles": roles,
            }
        )
    for qid in result.unmapped_positions:
        if qid in labels:
            result.position_labels.setdefault(qid, labels[qid])
    for qid, seen in {**result.position_labels, **labels}.items():
        position = positions.get(qid)
        if (
            position
            and position.labels
            and name_key(seen) not in {name_key(x) for x in position.labels}
        ):
            result.warnings.append(
                f"position {qid} is {seen!r} in the export but {' / '.join(position.labels)!r} in "
                "the position map: check the map's QID"
            )
    _settle_aliases(drafts, existing, result)
    result.persons = [d["id"] for d in drafts]
    result.roles = sum(len(d["roles"]) for d in drafts)
    result.yaml_text = _yaml(drafts, name)
    return result


def _namesakes_without_qid(existing: KnowledgeBase | None, label: str) -> list[str]:
    """Persons of the KB with this name and no QID: taken to be the same person."""
    if existing is None:
        return []
    return [
        actor_id
        for actor_id in existing.names.get(name_key(label), ())
        if existing.actors[actor_id].kind == "person" and not existing.actors[actor_id].qid
    ]


def _settle_aliases(
    drafts: list[dict], existing: KnowledgeBase | None, result: WikidataImport
) -> None:
    """Aliases the KB will accept: unique full names stay aliases; one-word ones and ones
    several imported persons share become ambiguous; another actor's name is dropped."""
    primary: dict[str, str] = {name_key(d["name"]): d["id"] for d in drafts}
    users: dict[str, set[str]] = {}
    for draft in drafts:
        own = name_key(draft["name"])
        kept, seen = [], {own}
        for alias in draft["aliases"]:
            key = name_key(alias)
            if not key or key in seen:
                continue
            seen.add(key)
            kept.append(alias)
            users.setdefault(key, set()).add(draft["id"])
        draft["aliases"] = kept
        if existing and (own in existing.names or own in existing.ambiguous_names):
            others = set(existing.names.get(own, ())) | set(existing.ambiguous_names.get(own, ()))
            result.warnings.append(
                f"{draft['qid']} ({draft['name']}): the name already names "
                f"{', '.join(sorted(others))} in the knowledge base; the KB will refuse the file"
            )
    for draft in drafts:
        aliases, ambiguous = [], []
        for alias in draft["aliases"]:
            key = name_key(alias)
            other_primary = primary.get(key) not in (None, draft["id"])
            other_known = existing is not None and bool(set(existing.names.get(key, ())))
            if other_primary or other_known:
                result.warnings.append(
                    f"{draft['qid']} ({draft['name']}): alias {alias!r} dropped: it names another actor"
                )
            elif (
                len(key.split()) == 1
                or len(users[key]) > 1
                or (existing is not None and key in existing.ambiguous_names)
            ):
                ambiguous.append(alias)
            else:
                aliases.append(alias)
        draft["aliases"], draft["ambiguous_aliases"] = aliases, ambiguous
