"""The place names of an article as the resolver reads them (`PlaceReading`): GPE, LOC and
FAC entities (a name NER cut short completed), and cities NER did not call places (after
"the city of", in a dateline, inside an event's name, a person or organisation after "in")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .datelines import DATELINE, is_dateline
from .gazetteer import Gazetteer, strip_article

if TYPE_CHECKING:  # spaCy itself is imported by chronicle.nlp (chronicle.spacy_import)
    from spacy.tokens import Doc


PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_MISREAD_LABELS = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART"})  # may hide a city after "in"
_EDGE_JUNK = " \t\n-\u2013\u2014,:;|/"


@dataclass(frozen=True)
class PlaceReading:
    """One GPE/LOC/FAC entity as the resolver reads it."""

    start: int
    end: int
    label: str
    key: str  # the name key to look up
    country: str | None  # when the name is a country
    candidates: tuple[str, ...]  # city/region/landmark-place ids sharing the name
    rescued: bool = False  # not a place label (a dateline, a city in an event name or a PERSON)


def read_places(doc: Doc, text: str, ents, entities: list, landmark_hits: list[tuple[int, int, str | None]],
                gazetteer: Gazetteer) -> list[PlaceReading]:
    """The article's place names outside its landmarks: its place entities and datelines
    (`entities`), then names NER did not call places ("the city of X", a dateline it
    missed), cities inside an event's name, and cities NER called a person or organisation."""
    person_words = {  # words of full names: "Moon" in "Moon Jae-in", not a lone "Geneva"
        w for e in ents if e.label_ == "PERSON" and len(e) > 1 for w in gazetteer.key(e.text).split()
    }
    readings: list[PlaceReading] = []
    for ent in entities:
        if any(ent.start_char < end and start < ent.end_char for start, end, _ in landmark_hits):
            continue
        reading = read_entity(ent, text, gazetteer, person_words)
        if reading is not None:
            readings.append(reading)
    taken = [(r.start, r.end) for r in readings] + [(start, end) for start, end, _ in landmark_hits]
    readings.extend(unlabelled_names(doc, text, gazetteer, taken))
    named_keys = {r.key for r in readings if r.candidates}
    for ent in ents:
        if ent in entities or any(ent.start_char < end and start < ent.end_char for start, end, _ in landmark_hits):
            continue
        named_event = event_name_places(ent, gazetteer, person_words) if ent.label_ in gazetteer.event_labels else []
        readings.extend(named_event)
        if not named_event and ent.label_ in _MISREAD_LABELS and len(ent) <= 3:
            reading = misread_person(ent, gazetteer, named_keys)
            if reading is not None:
                readings.append(reading)
    return readings


def entity_is_dateline(ent, text: str) -> bool:
    """Whether an entity is a dateline (`is_dateline` on its span)."""
    return is_dateline(text, ent.start_char, ent.end_char)


def unlabelled_names(doc: Doc, text: str, gazetteer: Gazetteer, taken: list[tuple[int, int]]) -> list[PlaceReading]:
    """Names NER did not call places but the text does: the object of "the city of",
    "the resort town of", "the village of" ("the coastal city of Durban", NER: ORG), and a
    dateline opening a line ("RANCHO MIRAGE, Calif." or "Batumi, Georgia" alone on its
    line). Kept, like other rescued names, only when they resolve to a city."""
    spans = []
    for token in doc:
        if token.lower_ in gazetteer.description_preps and token.head.lower_ in gazetteer.descriptions and token.head.i < token.i:
            name = next((c for c in token.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None)
            if name is not None:
                spans.append((name.left_edge.idx if name.left_edge.pos_ == "PROPN" else name.idx, name.idx + len(name.text)))
    for match in DATELINE.finditer(text):
        spans.append(match.span("name") if match.group("name") else match.span("line"))
    found = []
    for start, end in spans:
        if any(start < e and s < end for s, e in taken) or not text[start:end][:1].isupper():
            continue
        key = strip_article(gazetteer.key(text[start:end]))
        cities = tuple(c for c in gazetteer.ids(key) if gazetteer.places[c].kind == "city")
        if cities and key not in gazetteer.not_places:
            found.append(PlaceReading(start, end, "GPE", key, None, cities, True))
            taken.append((start, end))
    return found


def misread_person(ent, gazetteer: Gazetteer, named_keys: set[str]) -> PlaceReading | None:
    """A city NER called a person or an organisation: after "in"/"to"/... ("Xi flew to
    Geneva", "talks in Durban", NER: PERSON, ORG), or, for a one-word PERSON, named as a
    place elsewhere in the article."""
    key = strip_article(gazetteer.key(ent.text))
    previous = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
    if previous not in gazetteer.locatives and (key not in named_keys or ent.label_ != "PERSON" or len(ent) > 1):
        return None
    if key in gazetteer.not_places:
        return None
    cities = tuple(c for c in gazetteer.ids(key) if gazetteer.places[c].kind == "city")
    return PlaceReading(ent.start_char, ent.end_char, ent.label_, key, None, cities, True) if cities else None


def event_name_places(ent, gazetteer: Gazetteer, person_words: set[str]) -> list[PlaceReading]:
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
            key = strip_article(gazetteer.key(span.text))
            cities = tuple(c for c in gazetteer.ids(key) if gazetteer.places[c].kind == "city")
            if cities and not gazetteer.country(span.text) and not set(key.split()) <= person_words:
                found.append(PlaceReading(span.start_char, span.end_char, ent.label_, key, None, cities, True))
                i += size
                break
        else:
            i += 1
    return found


def read_entity(ent, text: str, gazetteer: Gazetteer, person_words: set[str]) -> PlaceReading | None:
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
    key = strip_article(gazetteer.key(head))
    if key in gazetteer.not_places:
        return None
    candidates = gazetteer.ids(key) or gazetteer.ids(gazetteer.key(head))
    if country is None:
        words = key.split()
        if words and all(w in person_words for w in words):
            return None  # a person's name mislabelled as a place
        if not candidates and gazetteer.demonym_country(head):
            return None  # a demonym ("Ukrainian") mislabelled as a place
    return PlaceReading(start, end, ent.label_, key, country, tuple(candidates), ent.label_ not in PLACE_LABELS)


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
        if gazetteer.ids(strip_article(gazetteer.key(doc[ent.start : ent.end + size].text))):
            return words[-1].idx + len(words[-1].text)
    return end
