"""Counted meetings listed one by one (issue 14, family 2): "met twice: in Hamburg in July
2017 and in Da Nang in November 2017" is two historical meetings, each with its own date
and place; "met twice this year" (no list) stays an aggregate, which makes no event.

Pure functions over spaCy tokens and the article's resolved time expressions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from chronicle.model import STATED_PRECISIONS


def occasion_count(token, counts: Mapping[str, int], nouns: frozenset[str]) -> tuple[int, object | None]:
    """How many times the trigger `token` says it happened, and the word that says so:
    "met twice" (an adverb in `counts`), "met three times" (a number in `counts` on one of
    the `nouns`); (0, None) without a count."""
    for child in token.children:
        if child.lower_ in counts and child.dep_ in ("advmod", "npadvmod"):
            return counts[child.lower_], child
        if child.lower_ in nouns:
            number = next((n for n in child.children if n.dep_ == "nummod" and n.lower_ in counts), None)
            if number is not None:
                return counts[number.lower_], child
    return 0, None


def listed_occasions(token, dating: Sequence[tuple], place_at: Mapping[int, object], places: Mapping[str, object],
                     counts: Mapping[str, int], nouns: frozenset[str]) -> list[tuple[object, str | None]]:
    """The occasions a counted trigger lists after its count ("met twice: in A in July 2017
    and in B in November 2017"): one (time, city or None) per item, when the rest of the
    sentence holds exactly as many distinct explicit dates as the count; each item's city is
    the last one named between the previous date and its own. Else []."""
    count, word = occasion_count(token, counts, nouns)
    if count < 2:
        return []
    sentence = token.sent
    after = word.idx + len(word.text)
    items = sorted(
        ((expr, value) for expr, value in dating
         if after <= expr.start < sentence.end_char and value.resolved and value.precision in STATED_PRECISIONS),
        key=lambda item: item[0].start,
    )
    if len(items) != count or len({(value.value, value.end) for _, value in items}) != count:
        return []
    occasions, start = [], after
    for expr, value in items:
        cities = [
            mention.value for word_ in sentence
            if start <= word_.idx < expr.start and (mention := place_at.get(word_.i)) is not None
            and getattr(places.get(mention.value), "kind", None) == "city"
        ]
        occasions.append((value, cities[-1] if cities else None))
        start = expr.end
    return occasions
