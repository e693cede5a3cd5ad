"""An export's bytes read as a document, and the document told apart: entity JSON or
SPARQL results, in each of the shapes docs/knowledge-base-wikidata.md lists."""

from __future__ import annotations

import json

from .entities import read_entities
from .records import SPARQL_VARS, Person
from .sparql import read_sparql


def parse_json(data: bytes) -> object:
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


def read_export(document: object) -> tuple[list[Person], dict[str, str], int]:
    """Persons, the English labels of every entity in the export, and the non-human count."""
    if isinstance(document, dict) and "results" in document:
        return read_sparql(document), {}, 0
    if isinstance(document, dict) and "entities" in document:
        entities = document["entities"]
        if not isinstance(entities, dict):
            raise ValueError("`entities` must be an object mapping QIDs to entities")
        return read_entities(list(entities.values()))
    if _is_entity(document):
        return read_entities([document])
    if isinstance(document, list):
        if not document:
            return [], {}, 0
        if all(_is_entity(v) for v in document):
            return read_entities(document)
        if all(_is_sparql_row(v) for v in document):
            return read_sparql({"results": {"bindings": document}}), {}, 0
        if all(isinstance(v, dict) and "entities" in v for v in document):
            entities = [e for v in document for e in (v["entities"] or {}).values()]
            return read_entities(entities)
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

