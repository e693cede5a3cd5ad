"""Places that stand for actors: a place mention's country (`place_country`: "drone attacks
on <city>"), a seat of government standing for its state (`capital_country`: "urged
<capital> to ..."), and the city an attack hit, named as its target (`struck_city`)."""

from __future__ import annotations


def place_country(word, places: dict, place_records) -> str | None:
    """The country of a place mention at `word` (a city or the country itself), if any."""
    mention = places.get(word.i)
    place = place_records.get(mention.value or "") if mention is not None else None
    return place.country if place is not None else None


def capital_country(word, places: dict, place_records, seats) -> str | None:
    """The country whose seat of government the place mention at `word` is ("urged
    Washington to ..."), else None (any other city, or a country)."""
    mention = places.get(word.i)
    place = place_records.get(mention.value or "") if mention is not None else None
    if place is None or place.kind != "city":
        return None
    seat = seats.get(place.country or "")
    return place.country if seat is not None and seat.id == place.id else None


def struck_city(token, type_: str, actors, places: dict, place_records, types: frozenset[str]) -> str | None:
    """The city an attack of `types` at `token` hit, named as its target on the trigger's
    object, else on the trigger ("launched drone attacks on <city>", "shelled <city>"):
    where the attack happened (not a city it came from, nor one another event hit). When
    the object has targets, only they count."""
    if type_ not in types:
        return None
    rank = {c.i: 0 for c in token.children if c.dep_ in ("dobj", "obj")} | {token.i: 1}
    hit = []
    for actor in actors:
        span = token.doc.char_span(actor.start, actor.end, alignment_mode="expand") if actor.role == "target" else None
        word = span.root if span is not None and len(span) else None
        if word is None or word.dep_ != "pobj" or word.head.head.i not in rank:
            continue
        mention = places.get(word.i)
        record = place_records.get(mention.value or "") if mention is not None else None
        hit.append((rank[word.head.head.i], word.i, record.id if record is not None and record.kind == "city" else None))
    first = min(hit) if hit else None  # the object's target first: "attacks on Israel" names no city
    return next((city for r, _, city in sorted(hit) if r == first[0] and city), None) if first else None
