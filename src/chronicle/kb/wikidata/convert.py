"""A Wikidata export converted to KB actors: persons with a mapped role, not in the KB yet,
with aliases the KB will accept."""

from __future__ import annotations

import re
import unicodedata

from ..lookups import KnowledgeBase
from ..records import name_key
from .document import parse_json, read_export
from .positions import PositionMap
from .records import Person, Tenure
from .report import WikidataImport
from .roles import roles_of
from .writer import write_yaml

_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """An actor id from a name: ascii, lowercase, hyphens ("Recep Tayyip Erdoğan" -> "recep-tayyip-erdogan")."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii").lower().replace("'", "")
    return _SLUG.sub("-", ascii_text).strip("-")


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
    persons, labels, not_persons = read_export(parse_json(data))
    result = WikidataImport(source=name, yaml_text="", not_persons=not_persons)
    drafts = _drafts(persons, positions, existing, result)
    _check_position_labels(labels, positions, result)
    _settle_aliases(drafts, existing, result)
    result.persons = [d["id"] for d in drafts]
    result.roles = sum(len(d["roles"]) for d in drafts)
    result.yaml_text = write_yaml(drafts, name)
    return result


def _drafts(
    persons: list[Person], positions: PositionMap, existing: KnowledgeBase | None, result: WikidataImport
) -> list[dict]:
    """The actors to write, one per person with a mapped role who is not in the KB yet, under
    an id no other actor has; each person left out is noted in `result` with the reason."""
    known_qids = {a.qid: a.id for a in existing.actors.values() if a.qid} if existing else {}
    taken_ids = set(existing.actors) if existing else set()
    drafts: list[dict] = []
    done: set[str] = set()
    for person in persons:
        if person.human is False:
            result.not_persons += 1
            continue
        roles = roles_of(person, positions, result)
        why = _left_out(person, roles, known_qids, existing)
        if why:
            tag = f"{person.qid} ({person.label})" if person.label else person.qid
            result.skipped_persons.append(f"{tag}: {why}")
            continue
        if person.qid in done:
            continue
        done.add(person.qid)
        actor_id = slug(person.label) or person.qid.lower()
        if actor_id in taken_ids:
            actor_id = f"{actor_id}-{person.qid.lower()}"
        taken_ids.add(actor_id)
        drafts.append(_draft(person, actor_id, roles))
    return drafts


def _left_out(
    person: Person, roles: list[Tenure], known_qids: dict[str, str], existing: KnowledgeBase | None
) -> str | None:
    """Why a person is not imported, or None when it is."""
    if not person.label:
        return "no English label"
    if not roles:
        return "no mapped position with usable dates"
    if person.qid in known_qids:
        return f"already in the knowledge base as {known_qids[person.qid]}"
    namesakes = _namesakes_without_qid(existing, person.label)
    if namesakes:
        return f"already in the knowledge base as {', '.join(namesakes)} (same name, no QID there)"
    return None


def _draft(person: Person, actor_id: str, roles: list[Tenure]) -> dict:
    """An actor to write; its country is that of its latest role with one, else the export's."""
    with_country = [r for r in roles if r.country]
    country = max(with_country, key=lambda r: r.start).country if with_country else None
    return {
        "id": actor_id,
        "name": person.label,
        "qid": person.qid,
        "country": country or (person.countries[0] if person.countries else None),
        "aliases": person.aliases,
        "ambiguous_aliases": [],
        "roles": roles,
    }


def _check_position_labels(labels: dict[str, str], positions: PositionMap, result: WikidataImport) -> None:
    """Labels the export gives the positions, kept for the report; a warning where one
    disagrees with the position map's label (a wrong QID in the map)."""
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
