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

One module a step: `landmark_places.py` (1), `place_readings.py` and `datelines.py` (2,
the names), `place_choice.py` (2, which place), `place_descriptions.py` (3), over the
gazetteer (`gazetteer.py`, loaded by `gazetteer_load.py`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import Mention, Place
from ..nlp import doc_text
from .gazetteer import Gazetteer
from .landmark_places import find_landmarks, landmark_mentions
from .named_towns import named_towns
from .place_choice import PlaceChoice, article_countries, article_divisions, choose_place, name_qualifiers
from .place_descriptions import description_mentions
from .place_readings import PLACE_LABELS, PlaceReading, entity_is_dateline, read_places

if TYPE_CHECKING:  # spaCy itself is imported by chronicle.nlp (chronicle.spacy_import)
    from spacy.tokens import Doc


RESCUED_FACTOR = 0.8  # confidence kept by a city inside an event name or labelled PERSON


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
    landmark_hits = find_landmarks(text, folded, gazetteer)
    ents = doc.ents  # computed on each access: read once
    entities = [e for e in ents if e.label_ in PLACE_LABELS or entity_is_dateline(e, text)]
    readings = read_places(doc, text, ents, entities, landmark_hits, gazetteer)
    qualifiers = name_qualifiers(readings, doc, text, gazetteer)
    countries = article_countries(context_countries, readings, qualifiers, ents, landmark_hits, gazetteer)
    divisions = article_divisions(readings, qualifiers, gazetteer)
    mentions = _named_mentions(readings, qualifiers, countries, divisions, text, gazetteer)
    mentions.extend(landmark_mentions(doc, text, landmark_hits, entities, mentions, countries, gazetteer))
    mentions.extend(description_mentions(doc, text, folded, mentions, gazetteer))

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


def _named_mentions(readings: list[PlaceReading], qualifiers: dict[str, set[tuple[str, str]]], countries: set[str],
                    divisions: set[str], text: str, gazetteer: Gazetteer) -> list[Mention]:
    """A mention per reading, its place chosen once per name key for the whole article; a
    name NER did not call a place counts only when it is a known city."""
    choices: dict[str, PlaceChoice] = {}
    mentions: list[Mention] = []
    for reading in readings:
        if reading.key not in choices:
            choices[reading.key] = choose_place(reading, qualifiers.get(reading.key, set()), countries, divisions, gazetteer)
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
    return mentions
