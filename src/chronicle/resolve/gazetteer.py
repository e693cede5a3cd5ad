"""The gazetteer: places by id (`PlaceTable`) and the names that point to them
(`Gazetteer`), read only, with the name key every look-up folds a name to."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from ..model import Place


_SPACES = re.compile(r"[ \t\r\f\v]+")
_LINE_EDGES = re.compile(r"[ \t]*\n[ \t]*")


class PlaceTable(Mapping[str, Place]):
    """Places by id, kept as rows and made into `Place` records when first read.

    Read only. The gazetteer holds 34,000 places, of which an article reads a few dozen:
    unpickling them as records cost 0.15 s of CPU at every start, as rows 0.02 s."""

    __slots__ = ("_rows", "_made")

    def __init__(self, places: Mapping[str, Place] | None = None):
        self._rows: dict[str, tuple] = {i: (p.name, p.kind, p.country, p.lat, p.lon) for i, p in (places or {}).items()}
        self._made: dict[str, Place] = {}

    @classmethod
    def from_rows(cls, rows: dict[str, tuple]) -> PlaceTable:
        table = cls()
        table._rows = rows
        return table

    def __getitem__(self, place_id: str) -> Place:
        made = self._made.get(place_id)
        if made is None:
            made = self._made[place_id] = Place(place_id, *self._rows[place_id])
        return made

    def __contains__(self, place_id: object) -> bool:
        return place_id in self._rows

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    def __reduce__(self):
        return PlaceTable.from_rows, (self._rows,)  # the records made so far are not kept


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """Places and the names that point to them, loaded once per worker and read only.

    Name keys are folded (see `place_key`): accents removed, lowercase, dots dropped,
    hyphens and slashes as spaces.
    """

    places: Mapping[str, Place]  # every place by id: cities, countries, regions
    population: Mapping[str, int]  # ranking weight by place id
    names: Mapping[str, str | tuple[str, ...]]  # name key -> place id (a tuple when shared)
    countries: Mapping[str, str]  # name key of a country name or alias -> ISO3
    codes: Mapping[str, str]  # ISO2 or ISO3 code -> ISO3 (matched only when written in capitals)
    capitals: Mapping[str, str]  # ISO3 -> id of its capital
    divisions: Mapping[str, str]  # city id -> id of its first-level division (US states)
    division_codes: Mapping[str, str]  # "TX" -> id of Texas
    division_ids: frozenset[str]  # ids of the first-level divisions
    demonyms: Mapping[str, str]  # name key of a demonym -> ISO3
    demonym_endings: tuple[tuple[str, str], ...]  # fallback when no demonym list is loaded
    landmarks: Mapping[str, str | None]  # name key -> id of the place it is in (None: generic)
    generic_countries: Mapping[str, frozenset[str]]  # generic name key -> countries that use it (empty: any)
    seats: Mapping[str, str]  # ISO3 -> id of the city its government sits in
    landmark_pattern: re.Pattern[str]
    descriptions: Mapping[str, str]  # noun -> "capital" | "city"
    description_blockers: frozenset[str]
    description_preps: frozenset[str]  # "of": "the city of X"
    description_pattern: re.Pattern[str]
    regions: Mapping[str, frozenset[str]]  # name key of a modifier ("black sea") -> ISO3 codes
    not_places: frozenset[str]  # name keys NER tags as places that news uses for other things
    event_words: frozenset[str]  # "summit": a city inside such a name is where it happens
    event_labels: frozenset[str]  # NER labels of names searched for such cities
    locatives: frozenset[str]  # "in", "to": a one-word PERSON after one may be a misread city
    fold: Mapping[int, str]  # length-preserving str.translate table: accents, quotes, dashes
    division_abbreviations: Mapping[str, str] = field(default_factory=dict)  # "Calif." -> id of California (qualifiers only)

    def key(self, text: str) -> str:
        """The name key of `text`."""
        return place_key(text, self.fold)

    def ids(self, key: str) -> tuple[str, ...]:
        """Ids of the cities, regions and landmark places whose name has this key."""
        found = self.names.get(key, ())
        return (found,) if isinstance(found, str) else found

    def candidates(self, name: str) -> tuple[Place, ...]:
        """Cities, regions and landmark places called `name` (primary or alternate name)."""
        return tuple(self.places[i] for i in self.ids(self.key(name)))

    def country(self, name: str) -> str | None:
        """The ISO3 code of the country called `name` (name, alias, or capitalised code)."""
        key = strip_article(self.key(name))
        if key in self.countries:
            return self.countries[key]
        code = name.replace(".", "").strip()
        return self.codes.get(code) if code.isupper() else None

    def demonym_country(self, word: str) -> str | None:
        """The ISO3 code of the country a demonym ("Russian", "Saudi") stands for."""
        key = self.key(word)
        if key in self.demonyms:
            return self.demonyms[key]
        if not self.demonym_endings or not word[:1].isupper() or len(key) < 4:
            return None
        for ending, replacement in self.demonym_endings:
            if key.endswith(ending):
                stem = key[: len(key) - len(ending)] + replacement
                if stem in self.countries:
                    return self.countries[stem]
        starting = {iso for name, iso in self.countries.items() if name.startswith(key)}
        return starting.pop() if len(starting) == 1 else None


def place_key(text: str, fold: Mapping[int, str]) -> str:
    """A name as the gazetteer indexes it: "Sharm el-Sheikh" and "SHARM EL SHEIKH" alike.

    Newlines are kept, so many names joined by newlines are keyed in one call.
    """
    if not text.isascii():
        text = text.translate(fold)
    text = text.lower().replace(".", "").replace("-", " ").replace("_", " ").replace("/", " ")
    if "  " in text or " \n" in text or "\n " in text or "\t" in text or "\r" in text:
        text = _SPACES.sub(" ", _LINE_EDGES.sub("\n", text))
    return text.strip()


def strip_article(key: str) -> str:
    """A name key without a leading "the "."""
    return key.removeprefix("the ")
