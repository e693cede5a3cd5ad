"""The country of a person the KB does not know, from the words the article puts before
their name ("Ukrainian Deputy Prime Minister X", "Kenya's opposition leader X")."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

_DESCRIPTOR_LINKS = ("compound", "amod", "poss", "nmod")  # words a name's head takes on its left


def described_country(doc, mentions: Iterable, actor_id: str, at: Mapping, countries: Mapping) -> str | None:
    """The one country a descriptor before the person's name names, over all the article's
    mentions of that person: a demonym or a country in the chain of modifiers hung on the
    name's left ("Ukrainian Deputy Prime Minister X": Ukraine); None when none does or two
    differ. A place after a preposition ("envoy to Ukraine X") describes no nationality."""
    found = set()
    for mention in mentions:
        if mention.value != actor_id or mention.label != "PERSON":
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        for word in _left_descriptors(span.root, span.start):
            named = at.get(word.i)
            if named is not None and named.value in countries:
                found.add(named.value)
    return found.pop() if len(found) == 1 else None


def _left_descriptors(head, before: int) -> list:
    """The modifiers left of a name's head, and theirs, through compound, adjective and
    possessive links only."""
    out, stack = [], [c for c in head.children if c.i < before and c.dep_ in _DESCRIPTOR_LINKS]
    while stack:
        word = stack.pop()
        out.append(word)
        stack.extend(c for c in word.children if c.i < word.i and c.dep_ in _DESCRIPTOR_LINKS)
    return out


def leader_country(token, at: Mapping, country_of, genitive_preps: frozenset[str]) -> str | None:
    """The country of the person a state organ is said to be of ("the government of Prime
    Minister X", "X's government" is a possessive the caller reads): the country `country_of`
    gives that person's id; None for an organ of anything else ("the government of the
    region")."""
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ not in genitive_preps:
            continue
        for word in prep.children:
            mention = at.get(word.i) if word.dep_ == "pobj" else None
            if mention is not None and mention.label == "PERSON" and mention.value:
                return country_of(mention.value)
    return None
