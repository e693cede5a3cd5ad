"""A title only some countries use, with no country beside it ("the Queen", "the Emir",
"the Pope", "the Crown Prince"): the countries whose own titles (`country_titles` in
`data/offices.yaml`) include it, in the order the article names them; a title only one
country uses names that country's office wherever the article is (issue 14, family 3)."""

from __future__ import annotations

from collections.abc import Iterable

from ..kb import Actor, KnowledgeBase, name_key


def titled_seats(title: str, article_countries: Iterable[str], kb: KnowledgeBase) -> list[tuple[str, tuple[str, ...]]]:
    """(country, offices) for a title that no office carries everywhere: the article's
    countries that use the title, else the one country in the KB that does; [] for a
    title every country may use ("the president") or one several unnamed countries use."""
    entries = kb.titles.get(name_key(title), ())
    if not entries or any(where is None for _, where in entries):
        return []
    offices_of: dict[str, list[str]] = {}
    for office, where in entries:
        offices_of.setdefault(where, []).append(office)
    named = [(c, tuple(offices_of[c])) for c in dict.fromkeys(article_countries) if c in offices_of]
    if named:
        return named
    if len(offices_of) == 1:
        ((country, offices),) = offices_of.items()
        return [(country, tuple(offices))]
    return []


def own_title_holder(title: str, article_countries: Iterable[str], kb: KnowledgeBase, day) -> Actor | None:
    """Who bore a title only some countries use on `day`, in the first of
    `titled_seats` that has one holder (or, dated, its first)."""
    for seat, offices in titled_seats(title, article_countries, kb):
        holders = list({a.id: a for office in offices for a in kb.holders(office, seat, day)}.values())
        if len(holders) == 1 or holders and day is not None:
            return holders[0]
    return None
