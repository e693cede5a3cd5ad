"""The actor knowledge base: countries, offices, organizations and persons with dated roles.

Loaded from the packaged YAML files (`data/countries.yaml`, `data/offices.yaml`,
`data/organizations.yaml`, `data/actors/*.yaml`) plus any files a user added to the store
(`chronicle kb add`). Every error names its file, line and reason; `validate` checks the
KB's consistency (one holder per office at a time, spans in order, aliases unique or
marked ambiguous). The KB is immutable once built; look-ups are pure.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources

import yaml

from .errors import ChronicleError

ACTOR_KINDS = ("person", "organization", "country", "group")
_NON_WORD = re.compile(r"[^\w]+")
_QID = re.compile(r"^Q[1-9][0-9]*$")


def name_key(text: str) -> str:
    """A name as look-ups compare it: no diacritics, case-folded, punctuation as spaces."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    bare = bare.replace("'s ", " ").removesuffix("'s")
    return _NON_WORD.sub(" ", bare.casefold().replace("'", "")).strip()


@dataclass(frozen=True)
class KbProblem:
    """An error in a KB file: where it is and what is wrong."""

    file: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        return (
            f"{self.file}:{self.line}: {self.reason}"
            if self.line
            else f"{self.file}: {self.reason}"
        )


class KbError(ChronicleError):
    """A KB file or the KB as a whole is inconsistent."""

    def __init__(self, problems: Sequence[KbProblem]):
        self.problems = list(problems)
        shown = "\n".join(f"  {p}" for p in self.problems[:20])
        more = f"\n  ... and {len(self.problems) - 20} more" if len(self.problems) > 20 else ""
        super().__init__(f"knowledge base refused ({len(self.problems)} problems):\n{shown}{more}")


@dataclass(frozen=True)
class Role:
    """An office held over a span: [start, end), end None while in office."""

    office: str
    start: dt.date
    end: dt.date | None = None
    country: str | None = None
    organization: str | None = None
    acting: bool = False
    source: str = ""
    line: int | None = None

    def holds_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)

    @property
    def seat(self) -> str:
        """Where the office belongs: a country code or an organization id."""
        return self.country or self.organization or ""


@dataclass(frozen=True)
class Actor:
    """A person, organization, country or group with names and dated roles."""

    id: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    aliases: tuple[str, ...] = ()
    ambiguous_aliases: tuple[str, ...] = ()
    qid: str | None = None
    roles: tuple[Role, ...] = ()
    source: str = ""
    line: int | None = None

    def roles_on(self, day: dt.date | None) -> tuple[Role, ...]:
        return tuple(r for r in self.roles if day is None or r.holds_on(day))


@dataclass(frozen=True)
class Country:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capital: str | None = None
    seats: tuple[str, ...] = ()


@dataclass(frozen=True)
class KbFile:
    """One YAML source of the KB: a name for messages and its text."""

    name: str
    text: str


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when installed: 6x faster
    """A YAML loader that records each mapping's line as `__line__` and keeps dates as text
    (so a bad date is reported with its line, not raised by the parser)."""

    yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


def _mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def parse_file(source: KbFile) -> tuple[dict, list[KbProblem]]:
    """A KB file's content, or the YAML error with its line."""
    try:
        data = yaml.load(source.text, Loader=_LineLoader) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return {}, [
            KbProblem(
                source.name,
                mark.line + 1 if mark else None,
                f"not valid YAML: {getattr(error, 'problem', error)}",
            )
        ]
    if not isinstance(data, dict):
        return {}, [
            KbProblem(
                source.name,
                1,
                "the top level must be a mapping (countries:, offices:, organizations:, actors:)",
            )
        ]
    return data, []


def packaged_files() -> list[KbFile]:
    """The KB files shipped with chronicle, in a stable order."""
    data = resources.files("chronicle.data")
    names = ["countries.yaml", "offices.yaml", "organizations.yaml"]
    files = [
        KbFile(f"data/{n}", data.joinpath(n).read_text(encoding="utf-8"))
        for n in names
        if data.joinpath(n).is_file()
    ]
    actors = data.joinpath("actors")
    if actors.is_dir():
        for entry in sorted(actors.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".yaml"):
                files.append(KbFile(f"data/actors/{entry.name}", entry.read_text(encoding="utf-8")))
    return files


def fingerprint(files: Iterable[KbFile]) -> str:
    digest = hashlib.sha256()
    for source in files:
        digest.update(source.name.encode())
        digest.update(source.text.encode())
    return digest.hexdigest()[:10]


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


@dataclass
class KnowledgeBase:
    """Actors and the indexes the resolver asks: names, surnames, titles, demonyms, seats."""

    actors: dict[str, Actor]
    countries: dict[str, Country]
    office_titles: dict[str, tuple[str, ...]]
    country_titles: dict[tuple[str, str], tuple[str, ...]]
    leader_words: tuple[str, ...] = ()
    version: str = ""
    names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    ambiguous_names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    surnames: dict[str, tuple[str, ...]] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)
    seats: dict[str, str] = field(default_factory=dict)
    capitals: dict[str, str] = field(default_factory=dict)
    titles: dict[str, tuple[tuple[str, str | None], ...]] = field(default_factory=dict)
    holders_index: dict[tuple[str, str], tuple[tuple[Role, str], ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        names, ambiguous, surnames = defaultdict(set), defaultdict(set), defaultdict(set)
        for actor in self.actors.values():
            for name in (actor.name, *actor.aliases):
                names[name_key(name)].add(actor.id)
            for name in actor.ambiguous_aliases:
                ambiguous[name_key(name)].add(actor.id)
            if actor.kind == "person":
                for name in (actor.name, *actor.aliases):
                    parts = name_key(name).split()
                    if len(parts) > 1:
                        surnames[parts[-1]].add(actor.id)
        self.names = {k: tuple(sorted(v)) for k, v in names.items()}
        self.ambiguous_names = {k: tuple(sorted(v)) for k, v in ambiguous.items()}
        self.surnames = {k: tuple(sorted(v)) for k, v in surnames.items()}
        for country in self.countries.values():
            for demonym in country.demonyms:
                self.demonyms.setdefault(name_key(demonym), country.id)
            for name in (country.name, *country.aliases):
                self.country_names.setdefault(name_key(name), country.id)
            for seat in country.seats:
                self.seats.setdefault(name_key(seat), country.id)
            if country.capital:
                self.capitals.setdefault(name_key(country.capital), country.id)
        titles = defaultdict(set)
        for office, words in self.office_titles.items():
            for word in words:
                titles[name_key(word)].add((office, None))
        for (country, office), words in self.country_titles.items():
            for word in words:
                titles[name_key(word)].add((office, country))
        self.titles = {
            k: tuple(sorted(v, key=lambda t: (t[0], t[1] or ""))) for k, v in titles.items()
        }
        holders = defaultdict(list)
        for actor in self.actors.values():
            for role in actor.roles:
                holders[(role.office, role.seat)].append((role, actor.id))
        self.holders_index = {
            k: tuple(sorted(v, key=lambda rv: rv[0].start)) for k, v in holders.items()
        }

    def holders(self, office: str, seat: str, day: dt.date | None) -> list[Actor]:
        """Who held `office` of a country/organization on `day` (all holders if day is None)."""
        return [
            self.actors[actor_id]
            for role, actor_id in self.holders_index.get((office, seat), ())
            if day is None or role.holds_on(day)
        ]

    def offices_titled(self, title: str, country: str | None) -> list[str]:
        """Offices a title names for a country: its own titles first, then the defaults."""
        entries = self.titles.get(name_key(title), ())
        own = [office for office, where in entries if where == country and country]
        if own:
            return own
        overridden = {office for (c, office) in self.country_titles if c == country}
        return [
            office for office, where in entries if where is None and office not in overridden
        ] or [office for office, where in entries if where is None]

    def country_of_word(self, word: str) -> str | None:
        """A country named by a demonym or a name ("Russian", "Russia's", "Israel")."""
        key = name_key(word)
        return self.demonyms.get(key) or self.country_names.get(key)


def load_kb(
    extra: Sequence[KbFile] = (), packaged: Sequence[KbFile] | None = None
) -> KnowledgeBase:
    """The KB from the packaged files plus `extra` user files; KbError lists every problem."""
    files = list(packaged_files() if packaged is None else packaged) + list(extra)
    problems: list[KbProblem] = []
    countries: dict[str, Country] = {}
    office_titles: dict[str, tuple[str, ...]] = {}
    country_titles: dict[tuple[str, str], tuple[str, ...]] = {}
    leader_words: list[str] = []
    actors: dict[str, Actor] = {}
    raw_actors: list[tuple[dict, str]] = []
    for source in files:
        data, errors = parse_file(source)
        problems += errors
        for entry in data.get("countries") or []:
            country = _country(entry, source.name, problems)
            if country:
                countries[country.id] = country
        for key, entry in (data.get("offices") or {}).items():
            if key != "__line__":
                office_titles[key] = _strings((entry or {}).get("titles"))
        for code, overrides in (data.get("country_titles") or {}).items():
            if code == "__line__":
                continue
            for office, words in (overrides or {}).items():
                if office != "__line__":
                    country_titles[(code, office)] = _strings(words)
        leader_words += _strings(data.get("leader_words"))
        for key in ("organizations", "actors"):
            raw_actors += [(entry, source.name) for entry in data.get(key) or []]
        unknown = set(data) - {
            "countries",
            "offices",
            "country_titles",
            "leader_words",
            "organizations",
            "actors",
            "__line__",
        }
        if unknown:
            problems.append(
                KbProblem(
                    source.name,
                    data.get("__line__"),
                    f"unknown sections: {', '.join(sorted(unknown))}",
                )
            )
    for country in countries.values():
        actors[country.id] = Actor(
            id=country.id,
            name=country.name,
            kind="country",
            country=country.id,
            sector="GOV",
            aliases=country.aliases,
            source="countries",
        )
    for entry, source_name in raw_actors:
        actor = _actor(entry, source_name, problems, office_titles)
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
    kb = KnowledgeBase(
        actors,
        countries,
        office_titles,
        country_titles,
        tuple(leader_words),
        version=fingerprint(files),
    )
    problems += validate(kb)
    if problems:
        raise KbError(problems)
    return kb


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
    if qid is not None and not _QID.match(str(qid)):
        problems.append(
            KbProblem(source, line, f"actor {entry['id']!r}: {qid!r} is not a Wikidata QID")
        )
    roles = []
    for role in entry.get("roles") or []:
        where = (source, role.get("__line__", line))
        start = _date(role.get("start"), where, problems, "start")
        end = _date(role.get("end"), where, problems, "end")
        office = role.get("office")
        if office not in offices:
            problems.append(
                KbProblem(source, where[1], f"actor {entry['id']!r}: unknown office {office!r}")
            )
            continue
        if start is None:
            problems.append(
                KbProblem(source, where[1], f"actor {entry['id']!r}: a role needs a start date")
            )
            continue
        if end is not None and end < start:
            problems.append(
                KbProblem(
                    source,
                    where[1],
                    f"actor {entry['id']!r}: role {office} ends ({end}) before it starts ({start})",
                )
            )
        if not role.get("country") and not role.get("organization"):
            problems.append(
                KbProblem(
                    source,
                    where[1],
                    f"actor {entry['id']!r}: role {office} needs a country or an organization",
                )
            )
        roles.append(
            Role(
                office=office,
                start=start,
                end=end,
                country=role.get("country"),
                organization=role.get("organization"),
                acting=bool(role.get("acting", False)),
                source=source,
                line=where[1],
            )
        )
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


def validate(kb: KnowledgeBase) -> list[KbProblem]:
    """Consistency: one holder per office at a time, known countries, aliases unique or ambiguous."""
    problems = []
    for (office, seat), entries in kb.holders_index.items():
        for (role_a, actor_a), (role_b, actor_b) in zip(entries, entries[1:]):
            if role_a.end is None or role_b.start < role_a.end:
                if actor_a == actor_b:
                    continue
                problems.append(
                    KbProblem(
                        role_b.source,
                        role_b.line,
                        f"{actor_b} holds {office} of {seat} from {role_b.start} while {actor_a} holds it ({role_a.start} to {role_a.end or 'today'}, {role_a.source}:{role_a.line})",
                    )
                )
    known_seats = set(kb.countries) | {
        a.id for a in kb.actors.values() if a.kind in ("organization", "group")
    }
    for actor in kb.actors.values():
        for role in actor.roles:
            if role.seat and kb.countries and role.seat not in known_seats:
                problems.append(
                    KbProblem(
                        role.source,
                        role.line,
                        f"actor {actor.id!r}: role {role.office} of unknown country or organization {role.seat!r}",
                    )
                )
    for key in set(kb.names) | set(kb.ambiguous_names):
        users = set(kb.names.get(key, ())) | set(kb.ambiguous_names.get(key, ()))
        if len(users) < 2 or not set(kb.names.get(key, ())):
            continue
        where = kb.actors[sorted(kb.names[key])[-1]]
        problems.append(
            KbProblem(
                where.source,
                where.line,
                f"name {key!r} names several actors ({', '.join(sorted(users))}): make it unique or list it under ambiguous_aliases of each",
            )
        )
    return problems
