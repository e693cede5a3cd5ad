"""SPARQL query results (the JSON results format, or the flat list the query service's
"download JSON" writes): persons and their position-held statements, one row each."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .records import HUMAN, ISO3, SPARQL_VARS, Person, Statement, qid_of


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


def read_sparql(document: dict) -> list[Person]:
    """The persons of SPARQL results, in the order they first appear, each statement once."""
    bindings = _bindings(document)
    persons: dict[str, Person] = {}
    seen: set[tuple] = set()
    for number, row in enumerate(bindings, 1):
        person_value = _binding_value(row, SPARQL_VARS["person"])
        qid = qid_of(person_value)
        if qid is None:
            raise ValueError(
                f"row {number}: the person {person_value!r} is not a Wikidata item (…/entity/Q…)"
            )
        person = persons.setdefault(qid, Person(qid))
        _note_names(person, row)
        country = _binding_value(row, SPARQL_VARS["country"])
        country = (
            country.strip().upper() if country and ISO3.match(country.strip().upper()) else None
        )
        if country and country not in person.countries:
            person.countries.append(country)
        statement = _statement(row, number, country)
        if statement is None:
            continue
        key = (qid, statement.position, statement.start, statement.end, statement.rank)
        if key not in seen:  # OPTIONAL aliases multiply rows: keep each statement once
            seen.add(key)
            person.statements.append(statement)
    return list(persons.values())


def _bindings(document: dict) -> list[dict]:
    """The result rows, once the document is known to hold a person and a position variable."""
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
    return bindings


def _note_names(person: Person, row: dict) -> None:
    """What a row says of the person: an English label, aliases, whether it is human."""
    label = _binding_value(row, SPARQL_VARS["label"], english_only=True)
    if label and not person.label and label != person.qid:
        person.label = label
    alias_field = next((v for v in SPARQL_VARS["alias"] if v in row), None)
    alias = _binding_value(row, SPARQL_VARS["alias"], english_only=True)
    if alias:
        # the label service joins all aliases with ", " into one *AltLabel value
        parts = (
            alias.split(", ") if alias_field and alias_field.endswith("AltLabel") else [alias]
        )
        person.aliases += [a for a in parts if a and a not in person.aliases]
    instance = qid_of(_binding_value(row, SPARQL_VARS["instance"]))
    if instance:
        person.human = bool(person.human) or instance == HUMAN


def _statement(row: dict, number: int, country: str | None) -> Statement | None:
    """The row's position-held statement, or None when the row names no position."""
    position_value = _binding_value(row, SPARQL_VARS["position"])
    if position_value is None:
        return None
    position = qid_of(position_value)
    if position is None:
        raise ValueError(
            f"row {number}: the position {position_value!r} is not a Wikidata item"
        )
    statement = Statement(
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
    return statement


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

