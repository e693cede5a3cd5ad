"""The KB built from its files: the packaged ones plus those a user added to the store
(`chronicle kb add`). Every problem names its file, line and reason; a KB with any problem
is refused as a whole (`KbError`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from .files import fingerprint, packaged_files, parse_file
from .lookups import KnowledgeBase
from .records import ACTOR_KINDS, QID, Actor, Country, KbError, KbFile, KbProblem, Role
from .validate import validate

SECTIONS = ("countries", "offices", "country_titles", "leader_words", "organizations", "actors")


@dataclass
class _Sections:
    """What the files say, gathered before the actors are built."""

    countries: dict[str, Country] = field(default_factory=dict)
    office_titles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    country_titles: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    leader_words: list[str] = field(default_factory=list)
    raw_actors: list[tuple[dict, str]] = field(default_factory=list)  # (entry, file name)


def load_kb(
    extra: Sequence[KbFile] = (), packaged: Sequence[KbFile] | None = None
) -> KnowledgeBase:
    """The KB from the packaged files plus `extra` user files; KbError lists every problem."""
    files = list(packaged_files() if packaged is None else packaged) + list(extra)
    problems: list[KbProblem] = []
    sections = _Sections()
    for source in files:
        _read_sections(source, sections, problems)
    kb = KnowledgeBase(
        _actors(sections, problems),
        sections.countries,
        sections.office_titles,
        sections.country_titles,
        tuple(sections.leader_words),
        version=fingerprint(files),
    )
    problems += validate(kb)
    if problems:
        raise KbError(problems)
    return kb


def _read_sections(source: KbFile, sections: _Sections, problems: list[KbProblem]) -> None:
    """One file's sections added to `sections`; its problems to `problems`."""
    data, errors = parse_file(source)
    problems += errors
    for entry in data.get("countries") or []:
        country = _country(entry, source.name, problems)
        if country:
            sections.countries[country.id] = country
    for key, entry in (data.get("offices") or {}).items():
        if key != "__line__":
            sections.office_titles[key] = _strings((entry or {}).get("titles"))
    for code, overrides in (data.get("country_titles") or {}).items():
        if code == "__line__":
            continue
        for office, words in (overrides or {}).items():
            if office != "__line__":
                sections.country_titles[(code, office)] = _strings(words)
    sections.leader_words += _strings(data.get("leader_words"))
    for key in ("organizations", "actors"):
        sections.raw_actors += [(entry, source.name) for entry in data.get(key) or []]
    unknown = set(data) - {*SECTIONS, "__line__"}
    if unknown:
        problems.append(
            KbProblem(
                source.name,
                data.get("__line__"),
                f"unknown sections: {', '.join(sorted(unknown))}",
            )
        )


def _actors(sections: _Sections, problems: list[KbProblem]) -> dict[str, Actor]:
    """Every actor by id: the countries first, then the files' actors in order (a second
    definition of an id is a problem)."""
    actors: dict[str, Actor] = {}
    for country in sections.countries.values():
        actors[country.id] = Actor(
            id=country.id,
            name=country.name,
            kind="country",
            country=country.id,
            sector="GOV",
            aliases=country.aliases,
            source="countries",
        )
    for entry, source_name in sections.raw_actors:
        actor = _actor(entry, source_name, problems, sections.office_titles)
        if actor is None:
            continue
        if actor.id in actors:
            first = actors[actor.id]
            problems.append(
                KbProblem(
                    source_name,
                    actor.line,
                    f"actor id {actor.id!r} already defined in {first.source}:{first.line}",
                )
            )
            continue
        actors[actor.id] = actor
    return actors


def _country(entry, source: str, problems: list[KbProblem]) -> Country | None:
    if not isinstance(entry, dict) or not entry.get("id") or not entry.get("name"):
        problems.append(
            KbProblem(
                source,
                entry.get("__line__") if isinstance(entry, dict) else None,
                "a country needs an id (ISO3) and a name",
            )
        )
        return None
    return Country(
        id=str(entry["id"]),
        name=str(entry["name"]),
        aliases=_strings(entry.get("aliases")),
        demonyms=_strings(entry.get("demonyms")),
        capital=entry.get("capital"),
        seats=_strings(entry.get("seats")),
    )


def _actor(
    entry, source: str, problems: list[KbProblem], offices: dict
) -> Actor | None:
    line = entry.get("__line__") if isinstance(entry, dict) else None
    if not isinstance(entry, dict) or not entry.get("id") or not entry.get("name"):
        problems.append(KbProblem(source, line, "an actor needs an id and a name"))
        return None
    kind = entry.get("kind", "person")
    if kind not in ACTOR_KINDS:
        problems.append(
            KbProblem(
                source,
                line,
                f"actor {entry['id']!r}: kind {kind!r} is not one of {', '.join(ACTOR_KINDS)}",
            )
        )
    qid = entry.get("qid")
    if qid is not None and not QID.match(str(qid)):
        problems.append(
            KbProblem(source, line, f"actor {entry['id']!r}: {qid!r} is not a Wikidata QID")
        )
    roles = [
        role
        for raw in entry.get("roles") or []
        if (role := _role(raw, entry["id"], (source, raw.get("__line__", line)), problems, offices))
    ]
    return Actor(
        id=str(entry["id"]),
        name=str(entry["name"]),
        kind=kind,
        country=entry.get("country"),
        sector=entry.get("sector"),
        aliases=_strings(entry.get("aliases")),
        ambiguous_aliases=_strings(entry.get("ambiguous_aliases")),
        qid=str(qid) if qid else None,
        roles=tuple(roles),
        source=source,
        line=line,
    )


def _role(
    role: dict, actor_id, where: tuple[str, int | None], problems: list[KbProblem], offices: dict
) -> Role | None:
    """One role of an actor's entry, or None when it cannot be kept (its problems noted)."""
    source, line = where
    start = _date(role.get("start"), where, problems, "start")
    end = _date(role.get("end"), where, problems, "end")
    office = role.get("office")
    if office not in offices:
        problems.append(KbProblem(source, line, f"actor {actor_id!r}: unknown office {office!r}"))
        return None
    if start is None:
        problems.append(KbProblem(source, line, f"actor {actor_id!r}: a role needs a start date"))
        return None
    if end is not None and end < start:
        problems.append(
            KbProblem(
                source,
                line,
                f"actor {actor_id!r}: role {office} ends ({end}) before it starts ({start})",
            )
        )
    if not role.get("country") and not role.get("organization"):
        problems.append(
            KbProblem(
                source,
                line,
                f"actor {actor_id!r}: role {office} needs a country or an organization",
            )
        )
    return Role(
        office=office,
        start=start,
        end=end,
        country=role.get("country"),
        organization=role.get("organization"),
        acting=bool(role.get("acting", False)),
        source=source,
        line=line,
    )


def _date(
    value, where: tuple[str, int | None], problems: list[KbProblem], what: str
) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        problems.append(KbProblem(where[0], where[1], f"{what} {value!r} is not a yyyy-mm-dd date"))
        return None


def _strings(value) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value if v is not None)
