"""Entity JSON (`Special:EntityData/Qxxx.json`, a dump slice): persons, their labels and
position-held (P39) statements."""

from __future__ import annotations

from ..records import QID
from .records import DEPRECATED, ENGLISH, HUMAN, Person, Statement


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


def read_entities(entities: list) -> tuple[list[Person], dict[str, str], int]:
    persons, labels, not_persons = [], {}, 0
    for number, entity in enumerate(entities, 1):
        if not isinstance(entity, dict):
            raise ValueError(f"entity {number} is not an object")
        if "missing" in entity:
            continue
        qid = entity.get("id")
        if not isinstance(qid, str):
            raise ValueError(f"entity {number} has no `id`")
        if not QID.match(qid):
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
        person = Person(
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


def _entity_statement(statement: dict, where: str) -> Statement:
    kind, value = _snak_value(statement.get("mainsnak"), f"{where}: mainsnak")
    position = _item_id(value) if kind == "value" else None
    qualifiers = statement.get("qualifiers") or {}
    if not isinstance(qualifiers, dict):
        raise ValueError(f"{where}: `qualifiers` must be an object keyed by property")
    record = Statement(position=position or "", rank=str(statement.get("rank", "normal")))
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

