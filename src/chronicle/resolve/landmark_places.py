"""Landmarks: seats of power and venues found on the text ("at the Elysee"), and the
place of a seat many countries name alike ("State House"): the place named with it, or
the seat of the country the article or its host points to."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..model import Mention
from .gazetteer import Gazetteer, strip_article

if TYPE_CHECKING:  # spaCy itself is imported by chronicle.nlp (chronicle.spacy_import)
    from spacy.tokens import Doc


NEAR = 6  # characters allowed between a generic landmark and "in <place>"
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


def landmark_mentions(doc: Doc, text: str, landmark_hits: list[tuple[int, int, str | None]], entities: list,
                      mentions: list[Mention], countries: set[str], gazetteer: Gazetteer) -> list[Mention]:
    """A mention per landmark on the text, after the named places (`mentions`): a specific
    one in its place, a generic seat where the place named with it, the article or the
    host's country points (each reading the mentions before it)."""
    seen = list(mentions)
    found: list[Mention] = []
    for start, end, place_id in landmark_hits:
        label = next((e.label_ for e in entities if e.start_char < end and start < e.end_char), "LANDMARK")
        if place_id is None:  # generic: the place named with it, or the seat the article points to
            key = strip_article(gazetteer.key(_LEADING_THE.sub("", text[start:end])))
            allowed = gazetteer.generic_countries.get(key)
            value, confidence = generic_seat(start, end, text, seen, countries, allowed, gazetteer)
            host = host_country(doc, start, gazetteer) if value is None and allowed is not None else None
            if host in gazetteer.seats and (not allowed or host in allowed):
                value, confidence = gazetteer.seats[host], 0.6
            mention = Mention(start, end, text[start:end], "place", value, "landmark", confidence, label)
        else:
            mention = Mention(start, end, text[start:end], "place", place_id, "landmark", 0.85, label)
        seen.append(mention)
        found.append(mention)
    return found


def generic_seat(
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


def host_country(doc: Doc, char: int, gazetteer: Gazetteer) -> str | None:
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


def find_landmarks(text: str, folded: str, gazetteer: Gazetteer) -> list[tuple[int, int, str | None]]:
    """(start, end, place id or None for a generic seat) of every landmark on the text."""
    hits = []
    for match in gazetteer.landmark_pattern.finditer(folded):
        key = strip_article(gazetteer.key(match.group("name")))
        if key not in gazetteer.landmarks:
            continue
        target = gazetteer.landmarks[key]
        if target is not None and not text[match.start("name")].isupper():
            continue  # a specific landmark is written as a name
        hits.append((match.start(), match.end(), target))
    return hits
