"""An undated happening somewhere else than the article's main event (issue 14, family 5).

"Smith and Jones met in Geneva on Friday. ... Smith also met the German foreign minister in
Berlin": the Berlin meeting has no time of its own, and a city in another country than the
main event's says it was another occasion, so it does not take the main event's day; it is
news of the publication day (the news window then covers the day before). A second mention
in the main event's own city (or with no place) keeps the main event's day.

Pure functions over place ids and the article's places."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

from chronicle.resolve.news_times import published_time
from chronicle.model import TimeValue


def abroad_from(place: str | None, main_place: str | None, places: Mapping[str, object]) -> bool:
    """Whether `place` and `main_place` are two places, one of them a city, in two different
    countries (two cities of one country may be a venue and its town)."""
    first, second = places.get(place or ""), places.get(main_place or "")
    if first is None or second is None or first.id == second.id or "city" not in (first.kind, second.kind):
        return False
    return bool(first.country and second.country and first.country != second.country)


def away_from_main(time: TimeValue, place: str | None, stated: bool, main_place: str | None,
                   places: Mapping[str, object], published: dt.date | None) -> TimeValue:
    """The time of a happening that borrowed the main event's (rule "main-event:..."): the
    publication day (rule "published:elsewhere") when its own sentence places it in another
    country's city than the main event's; else `time` unchanged."""
    if not time.rule.startswith("main-event:") or not stated or not abroad_from(place, main_place, places):
        return time
    return published_time(published, "published:elsewhere")


def behind_sequel(prep, anchors: set[int], sequels: frozenset[str], max_steps: int = 6) -> bool:
    """Whether a place phrase (its preposition `prep`) hangs from the event's words only
    through a preposition that orders another occasion before or after it (`sequels`):
    "Smith to speak with Jones after hosting Brown in Lyon" (a headline's parse hangs "in
    Lyon" under "after"): Lyon is where Brown was hosted, not where Smith speaks with Jones.
    The preposition itself being a sequel ("met before noon") is not a place phrase."""
    return stands_between(prep, anchors, lambda node: node.lower_ in sequels and node.pos_ in ("ADP", "SCONJ"), max_steps)


def in_sequel_clause(token, prep, sequels: frozenset[str], max_steps: int = 6) -> bool:
    """Whether the event's word sits in a clause that orders it before or after another
    (`sequels`: "protests broke out in Kampala after police arrested X") while the place
    phrase (its preposition `prep`) stands outside that clause: the place is the other
    occasion's, not the arrest's. A place put first sets the scene of the whole sentence
    ("In Kumasi, police fired tear gas after protesters stormed the office")."""
    if prep.i < prep.head.i and prep.head.dep_ == "ROOT":
        return False
    node = token
    for _ in range(max_steps):
        if node.dep_ in ("advcl", "pcomp") and any(
            c.lower_ in sequels and c.dep_ in ("mark", "prep") for c in (*node.children, node.head)
        ):
            return prep.i not in {t.i for t in node.subtree}
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def stands_between(prep, anchors: set[int], test: Callable, max_steps: int) -> bool:
    """Whether, on the way up from a place phrase (its preposition `prep`) to the event's own
    words (`anchors`, token indices), within `max_steps` heads, a word passes `test`."""
    node = prep.head
    for _ in range(max_steps):
        if node.i in anchors:
            return False
        if test(node):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def other_city_other_date(places_of: tuple[str | None, str | None], stated: tuple[bool, bool],
                          dated: tuple[bool, bool], places: Mapping[str, object]) -> bool:
    """Whether two mentions of an article are two occasions because exactly one of them is
    dated by its own words and each sentence names a different city ("Smith is having
    dinner with Jones in Nice" and "the two men had talks in Paris last March"): an undated
    mention cannot take the other's month when it stands in another city. Two undated or
    two dated mentions are left to the other rules (a venue and its town may be named apart)."""
    if dated[0] == dated[1] or not all(stated):
        return False
    first, second = places.get(places_of[0] or ""), places.get(places_of[1] or "")
    if first is None or second is None or first.id == second.id:
        return False
    return first.kind == "city" and second.kind == "city"


def someone_else_travelled(movers, participants: set[str]) -> bool:
    """Whether a trip was made by named actors none of whom takes part in the event
    (`movers`: the actor mentions of the trip's subject or possessor, None where a word
    names no one): "Smith to speak with Jones ... Brown has visited France" is Brown's trip,
    not where Smith and Jones speak. A trip with no named mover ("his visit") may be theirs."""
    named = [m for m in movers if m is not None and getattr(m, "value", None)]
    return bool(named) and not any(m.value in participants for m in named)


def two_countries(first, second) -> bool:
    """Whether two stated places are two different countries ("we had a good meeting in
    Italy, we had a good meeting in Norway"): two occasions, as a city of one country and a
    city of another are."""
    return (first is not None and second is not None and first.kind == "country" == second.kind
            and first.id != second.id)


def talked_about(token, noun, subject_preps: frozenset[str]) -> bool:
    """Whether the event's noun (the trigger, or the noun of its light verb) is what another
    noun is about: the object of one of `subject_preps` on a noun ("a television report about
    a visit to China", "protests against the visit"). Such a noun names the event; the
    sentence's other places are the report's or the protest's."""
    word = noun if noun is not None else token
    if word.pos_ not in ("NOUN", "PROPN") or word.dep_ != "pobj":
        return False
    prep = word.head
    return prep.lower_ in subject_preps and prep.head.i != prep.i and prep.head.pos_ in ("NOUN", "PROPN")
