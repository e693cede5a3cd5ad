"""Descriptions that refer to a named city: "the Black Sea resort", "the port city" (the
most recent fitting city named before), "the Russian capital" (that country's capital)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..model import Mention
from .gazetteer import Gazetteer, strip_article

if TYPE_CHECKING:  # spaCy itself is imported by chronicle.nlp (chronicle.spacy_import)
    from spacy.tokens import Doc


def description_mentions(doc: Doc, text: str, folded: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
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
            key = strip_article(gazetteer.key(phrase))
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
