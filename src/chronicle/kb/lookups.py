"""The loaded KB and the look-ups the resolver asks: names, surnames, titles, demonyms,
seats, who held an office on a day. Built once (`load.load_kb`); look-ups are pure."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from .records import Actor, Country, Role, name_key


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
        self._index_names()
        self._index_countries()
        self._index_titles()
        self._index_holders()

    def _index_names(self) -> None:
        """Actor ids by name key: full names and aliases, ambiguous aliases, persons' surnames."""
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

    def _index_countries(self) -> None:
        """Country codes by demonym, name or alias, seat of government and capital."""
        for country in self.countries.values():
            for demonym in country.demonyms:
                self.demonyms.setdefault(name_key(demonym), country.id)
            for name in (country.name, *country.aliases):
                self.country_names.setdefault(name_key(name), country.id)
            for seat in country.seats:
                self.seats.setdefault(name_key(seat), country.id)
            if country.capital:
                self.capitals.setdefault(name_key(country.capital), country.id)

    def _index_titles(self) -> None:
        """(office, country or None for every country) by the title words that name it."""
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

    def _index_holders(self) -> None:
        """(role, actor id) by (office, seat), in the order the roles start."""
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
