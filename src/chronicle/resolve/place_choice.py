"""One place for a name shared by several: a qualifier written next to it ("Geneva,
Switzerland"), a US state named, the countries in context, then population."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .gazetteer import Gazetteer
from .place_readings import PlaceReading

if TYPE_CHECKING:  # spaCy itself is imported by chronicle.nlp (chronicle.spacy_import)
    from spacy.tokens import Doc


DOMINANCE = 50  # a city this many times as populous as the context's choice wins anyway
TOWN = 100_000  # below this, a town in a named country yields to a namesake...
TOWN_DOMINANCE = 3  # ...this many times as populous ("Geneva" is not Geneva, Illinois)
SMALL = 50_000  # a place this small is resolved only with support from the article


@dataclass(frozen=True)
class PlaceChoice:
    """The place chosen for a name, how, and how surely."""

    value: str | None
    method: str
    confidence: float


def article_countries(context_countries, readings: list[PlaceReading], qualifiers: dict[str, set[tuple[str, str]]],
                      ents, landmark_hits: list[tuple[int, int, str | None]], gazetteer: Gazetteer) -> set[str]:
    """The countries an article's places are read in: those known from elsewhere, the
    countries it names, qualifiers, nationalities, landmarks' countries, and the country
    of a name only one sizeable place bears."""
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
    return countries


def article_divisions(readings: list[PlaceReading], qualifiers: dict[str, set[tuple[str, str]]], gazetteer: Gazetteer) -> set[str]:
    """The US states an article names, as qualifiers or alone (unless a bigger namesake,
    "Washington", wins)."""
    divisions = {q for qs in qualifiers.values() for kind, q in qs if kind == "division"}
    for reading in readings:  # a US state named, unless a bigger namesake ("Washington") wins
        if reading.candidates and not reading.country:
            top = max(reading.candidates, key=lambda c: gazetteer.population.get(c, 0))
            if top in gazetteer.division_ids:
                divisions.add(top)
    return divisions


def _is_qualifier(doc: Doc, text: str, head: PlaceReading, following: PlaceReading) -> bool:
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


def name_qualifiers(readings: list[PlaceReading], doc: Doc, text: str, gazetteer: Gazetteer) -> dict[str, set[tuple[str, str]]]:
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


def choose_place(reading: PlaceReading, qualifiers, countries: set[str], divisions: set[str], gazetteer: Gazetteer) -> PlaceChoice:
    """One place for a name: qualifier, then named US state, then country context, then
    population; a small place with no support in the article is left unresolved."""
    if reading.country:
        return PlaceChoice(reading.country, "country", 0.95)
    candidates = list(reading.candidates)
    if not candidates:
        return PlaceChoice(None, "unresolved", 0.0)
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
        return PlaceChoice(None, "unresolved", 0.0)  # a small namesake the article gives no support
    return PlaceChoice(best, method, confidence)
