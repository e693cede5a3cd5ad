"""Towns the gazetteer lacks, named as towns by the text: "the eastern town of Chibok,
Nigeria", "the Ugandan village of X".

A place name NER found that no gazetteer entry matches stays unresolved, so an event there
took no city, or a wrong one (the one city of its country the article names). When the text
itself says the name is a town (the object of "of" after a description noun of
`descriptions` in data/landmarks.yaml: town, village, city, port ...), the name is a city of
its own: a place record with no coordinates, id "town:<iso3>:<name key>", in the country a
qualifier after a comma ("Chibok, Nigeria") or a demonym on the description ("the Nigerian
town of") gives, else in no known country ("town:-:<key>"). A name NER did not call a place,
or one after another noun ("the leader of X"), stays as it was.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from chronicle.model import Mention, Place

_PLACE_LABELS = frozenset({"GPE", "LOC"})


def named_towns(doc, mentions: Sequence[Mention], gazetteer) -> tuple[list[Mention], dict[str, Place]]:
    """`mentions` with each unresolved name the text calls a town resolved to a town record of
    its own (module docstring), and those records."""
    out, towns = [], {}
    for mention in mentions:
        town = _town(doc, mention, mentions, gazetteer) if mention.value is None and mention.label in _PLACE_LABELS else None
        if town is None:
            out.append(mention)
            continue
        towns[town.id] = town
        out.append(replace(mention, value=town.id, method="named-town", confidence=0.6))
    return out, towns


def _town(doc, mention: Mention, mentions: Sequence[Mention], gazetteer) -> Place | None:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    root = span.root
    of = root.head
    if root.dep_ != "pobj" or of.lower_ not in gazetteer.description_preps or of.head.lower_ not in gazetteer.descriptions:
        return None
    name, _, qualifier = mention.text.partition(",")  # NER may hold the qualifier: "Chibok, Nigeria"
    name = name.strip()
    country = (gazetteer.country(qualifier.strip()) if qualifier.strip() else None) \
        or _qualifier_country(mention, mentions, doc.text, gazetteer) or _demonym_country(of.head, gazetteer)
    key = gazetteer.key(name)
    if not key:
        return None
    return Place(f"town:{country or '-'}:{key.replace(' ', '-')}", name, "city", country, None, None)


def _qualifier_country(mention: Mention, mentions: Sequence[Mention], text: str, gazetteer) -> str | None:
    """The country a qualifier right after the name gives ("Chibok, Nigeria")."""
    rest = text[mention.end : mention.end + 3]
    if not rest.startswith(","):
        return None
    after = next((m for m in mentions if mention.end < m.start <= mention.end + 3), None)
    if after is None or not after.value:
        return None
    place = gazetteer.places.get(after.value)
    return after.value if place is not None and place.kind == "country" else None


def _demonym_country(noun, gazetteer) -> str | None:
    """The country a demonym on the description gives ("the Nigerian town of")."""
    for word in noun.children:
        if word.dep_ in ("amod", "compound") and word.text[:1].isupper():
            code = gazetteer.demonym_country(word.text)
            if code:
                return code
    return None
