"""Where an event happened: a place phrase in its clause, a trip's destination, a
dateline, a seat, and the city the evidence names, with the CONSULT mode it implies."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from chronicle.extract.article_actors import ArticleActors
from chronicle.extract.context import ArticleContext, Found
from chronicle.extract.elsewhere import behind_sequel, in_sequel_clause, someone_else_travelled, stands_between, talked_about
from chronicle.extract.modality import governs_within
from chronicle.extract.periods import is_dated
from chronicle.extract.records import PlaceWords
from chronicle.extract.summits import PlacedMeeting, placed_meeting
from chronicle.extract.triggers import is_verb, coarse_pos
from chronicle.extract.trips import unmade_trip
from chronicle.kb import KnowledgeBase
from chronicle.model import EventActor, HAPPENED, TimeValue
from chronicle.resolve.datelines import is_dateline


_PERSON_LABELS = ("PERSON", "ROLE", "PRON", "NORP")


def event_place(token, noun, place_word, actors: ArticleActors, context: ArticleContext, words: PlaceWords,
           event_words: frozenset[int] = frozenset()) -> str | None:
    """The event's place: a visited place; else "X, where they met"; else a place phrase
    on the trigger (or its light-verb noun, or the verb it serves: "flew to X to meet Y",
    "arrived in X for talks"), a place naming the trigger ("the Helsinki summit"); else a
    place phrase elsewhere in the sentence, but not inside a relative clause ("X, who was
    in Paris last week, met Y")."""
    if place_word is not None:
        return actors.places[place_word.i].value
    anchors = _anchors(token, noun, words.grammar)
    where = _where_antecedent(anchors, token.doc, actors, words.grammar)
    if where is not None:
        return where
    governed, elsewhere = [], []
    sentence = token.sent
    for i in place_word_indices(actors, sentence.start, sentence.end):
        word, mention = token.doc[i], actors.places[i]
        if (
            word.i in actors.at and actors.at[word.i].label in _PERSON_LABELS and mention.method != "landmark"
        ):
            continue  # a person named like a place; a landmark or a place NER calls an ORG stays a place
        city = mention.value in context.places and context.places[mention.value].kind == "city"
        path, prep = _place_phrase(word, words)
        named_trigger = word.dep_ in ("compound", "nmod", "poss") and word.head.i in anchors
        if city and (named_trigger or any(node.i in anchors for node in path[1:])):
            governed.append(mention.value)  # "the Helsinki summit", "Geneva talks"
            continue
        if prep is None or {prep.head.lower_, prep.head.lemma_.lower()} & words.topics:
            continue  # "the situation in Gaza", "the war in Sudan": what they discussed
        if behind_sequel(prep, anchors, words.sequels):
            continue  # "to speak with X after hosting Y in Z": the hosting's place
        on_trigger = prep.head.i in anchors or governs_within(prep, anchors)
        if prep.lower_ in words.locatives or (prep.lower_ in words.surfaces and len(path) > 1):
            if on_trigger:
                governed.append(mention.value)
            elif not _in_relative_clause(prep, token) and not on_other_event(prep, anchors, event_words) \
                    and not in_sequel_clause(token, prep, words.sequels):  # "protests in X after police arrested Y"
                elsewhere.append(mention.value)
        elif prep.lower_ in words.destinations and on_trigger and city:
            governed.append(mention.value)  # "welcomed X to the White House"
        elif prep.lower_ in words.departures and prep.head.i in anchors and prep.head.lemma_.lower() in words.departure_words:
            governed.append(mention.value)  # "withdrew from the city of X", "the pullout from X"
    if talked_about(token, noun, words.subject_preps):
        elsewhere = []  # "a news report about a visit to X, at a station in Y": Y is the report's
    cities = [p for p in governed + elsewhere if p in context.places and context.places[p].kind == "city"]
    if governed:  # a country governs, a city of it is named too: the city ("in Germany, at Hamburg")
        country = context.places[governed[0]].country if governed[0] in context.places else None
        finer = [c for c in cities if context.places[c].country == country]
        return finer[0] if context.places.get(governed[0]) and context.places[governed[0]].kind != "city" and finer else governed[0]
    return cities[0] if cities else None


def place_word_indices(actors: ArticleActors, start: int, end: int) -> list[int]:
    """The indices in [start, end) of the words that name a place, in order: the loops over a
    sentence's places read these words only (issue 16: a Token made for every word was most
    of their cost)."""
    if end - start < len(actors.places):
        return [i for i in range(start, end) if i in actors.places]
    return sorted(i for i in actors.places if start <= i < end)


def _anchors(token, noun, grammar) -> set[int]:
    """The words a place phrase of the event may hang from: the trigger, its light-verb
    noun, the verb a noun trigger depends on, and the verb a purpose clause or phrase
    serves ("flew to X to meet Y", "came to X for talks")."""
    anchors = {token.i} | ({noun.i} if noun is not None else set())
    if coarse_pos(token) == "NOUN" and is_verb(token.head):
        anchors.add(token.head.i)
    if coarse_pos(token) == "NOUN" and token.dep_ == "pobj" and token.head.lower_ in grammar.purpose_preps and is_verb(token.head.head):
        anchors.add(token.head.head.i)
    verb = token if is_verb(token) else token.head if is_verb(token.head) else None
    if verb is not None and verb.dep_ in ("xcomp", "advcl") and any(c.lower_ in grammar.infinitive_markers and c.dep_ == "aux" for c in verb.children):
        anchors.add(verb.head.i)
    return anchors


def _place_phrase(word, words: PlaceWords) -> tuple[list, object | None]:
    """The words from a place word up to the object of the preposition that holds it, and
    that preposition: "at the Black Sea resort of Batumi", "in the presidential Blue House
    complex", "at her country retreat Chequers" (None: not in a prepositional phrase)."""
    node, path = word, [word]
    for _ in range(6):
        if node.dep_ == "pobj":
            prep = node.head
            if prep.lower_ in words.grammar.genitive_preps and {prep.head.lower_, prep.head.lemma_.lower()} & words.nouns and prep.head.i != prep.i:
                node = prep.head  # "the city of X", "the outskirts of X"
                path.append(node)
                continue
            return path, prep
        head = node.head
        if node.dep_ in ("compound", "appos", "nmod", "poss") and head.i != node.i and (
            head.ent_iob_ == "I" and node.ent_iob_ != "O" or {head.lower_, head.lemma_.lower()} & words.nouns
            or node.dep_ == "appos" or head.pos_ == "PROPN"
        ):
            node = head  # a word of the same name, or a place noun ("the Mar-a-Lago resort"), not "Bethnal Green academy"
            path.append(node)
            continue
        break
    return path, None


def _where_antecedent(anchors: set[int], doc, actors: ArticleActors, grammar) -> str | None:
    """The place a "where" clause holding the event hangs from ("Batumi, where the two
    leaders held talks")."""
    for i in sorted(anchors):
        verb = doc[i]
        if not is_verb(verb) or verb.dep_ != "relcl" or not any(c.lower_ in grammar.place_relatives for c in verb.children):
            continue
        head = verb.head
        mention = actors.places.get(head.i)
        if mention is None:  # "the resort city of Batumi, where"
            inner = [o for c in head.children if c.lower_ in grammar.genitive_preps for o in c.children if o.dep_ == "pobj"]
            mention = actors.places.get(inner[0].i) if inner else None
        if mention is not None:
            return mention.value
    return None


def _in_relative_clause(prep, token) -> bool:
    """Whether `prep` is inside a relative clause that does not hold `token` ("X, who was in
    Paris last week, met Y")."""
    for node in prep.ancestors:
        if node.dep_ in ("relcl", "acl") and not node.left_edge.i <= token.i <= node.right_edge.i:
            return True
    return False


def _near_publication(time: TimeValue, published: dt.date | None, days: int = 2) -> bool:
    """Whether an event is news of the day the article was filed (where a dateline is)."""
    if published is None or not time.resolved or time.precision not in ("day", "reported"):
        return False
    return abs((dt.date.fromisoformat(time.value[:10]) - published).days) <= days


def dateline_applies(time: TimeValue, modality: str, published: dt.date | None) -> bool:
    """Whether an event with no place of its own happened where the article was filed: news
    of the day it was filed, or, in an article without a date, a reported event the text
    does not date."""
    if published is None:
        return modality == "reported" and not is_dated(time)
    return _near_publication(time, published)


def _travel_word(word, words: PlaceWords):
    """The travel word whose destination `word` is ("flew to X", "arrived in X", "visited
    X", "a trip to X"), unless the trip comes after ("before flying to X")."""
    path, prep = _place_phrase(word, words)
    if prep is not None and prep.lower_ in words.locatives | words.destinations:
        travel = prep.head
    elif path[-1].dep_ == "dobj":
        travel = path[-1].head
    else:
        return None
    if travel.lemma_.lower() not in words.arrivals:
        return None
    if travel.dep_ == "acl" and coarse_pos(travel.head) == "NOUN" and travel.head.ent_type_ != "PERSON":
        return None  # "refugees arriving in Berlin": someone else's journey
    if travel.head.lower_ in words.grammar.anterior_words or any(c.lower_ in words.grammar.anterior_words for c in travel.children):
        return None
    return travel


def trip_destination(token, event_actors, actors: ArticleActors, context: ArticleContext, words: PlaceWords,
                      unmade: frozenset[str] = frozenset()) -> str | None:
    """Where a meeting with no place phrase took place: the destination of a trip in its
    sentence or the one before, made by one of its participants or to a participant's
    country ("Ruto flew to Ankara on Monday. He met Erdogan at the palace."), or in the
    sentence after when it is a participant's country ("... This was his first visit to Iran")
    and that trip is told as made (not under an auxiliary of `unmade`: "... could follow
    it with a visit to Washington")."""
    sentence = token.sent
    before = token.doc[sentence.start - 1].sent if sentence.start > 0 else None
    after = token.doc[sentence.end].sent if sentence.end < len(token.doc) else None
    ids = {a.id for a in event_actors}
    countries = {a.country for a in event_actors if a.country}
    for span, mover_counts in ((sentence, True), (before, True), (after, False)):
        for i in place_word_indices(actors, span.start, span.end) if span is not None else ():
            word, mention = token.doc[i], actors.places[i]
            travel = _travel_word(word, words)
            if travel is None or mention.value not in context.places:
                continue
            if not mover_counts and unmade_trip(travel, unmade):
                continue
            movers = [actors.at.get(s.i) for s in travel.children if s.dep_ in ("nsubj", "poss")]
            if someone_else_travelled(movers, ids):
                continue  # "X to speak with Y ... Z has visited Russia": Z's trip, not X and Y's meeting
            if context.places[mention.value].country in countries:
                return mention.value
            if mover_counts and any(m is not None and m.value in ids for m in movers):
                return mention.value
    return None


def finer_place(place: str | None, token, actors: ArticleActors, context: ArticleContext, dateline: str | None, words: PlaceWords) -> str | None:
    """A city for an event placed in a country: the dateline's city in that country, else
    a city of that country the sentence gives as a place ("in X", not "between Ankara and
    Riyadh"), else the one city of that country the article names ("her first visit to
    Georgia" in an article that names only Batumi)."""
    country = context.places.get(place) if place else None
    if country is None or country.kind != "country":
        return place
    if dateline and context.places[dateline].country == country.id:
        return dateline
    for word in token.sent:
        mention = actors.places.get(word.i)
        found = context.places.get(mention.value) if mention is not None else None
        if found is not None and found.kind == "city" and found.country == country.id and _locative(word, words):
            return found.id
    cities = {m.value for m in context.place_mentions if m.value in context.places
              and context.places[m.value].kind == "city" and context.places[m.value].country == country.id}
    return cities.pop() if len(cities) == 1 else place


def stated_place(event: Found, doc, actors: ArticleActors, context: ArticleContext, words: PlaceWords,
                  event_words: frozenset[int] = frozenset()) -> str | None:
    """A merged event keeps its place when one of its sentences states it (a city of its
    country or state when one does: "in Florida" + "at Mar-a-Lago"); else the first place
    a sentence states beats one taken from the dateline, a trip or another event ("CAIRO -
    ... met Johnson" + "During the meeting in London, ...")."""
    if event.mode == "PHONE" or event.trigger.mode == "PHONE":
        return event.place
    stated = []
    for evidence in event.evidence:
        span = doc.char_span(evidence.trigger_start, evidence.trigger_end, alignment_mode="expand")
        if span is not None and len(span):
            place = event_place(span[0], None, None, actors, context, words, event_words)
            if place is not None:
                stated.append(place)
    if not stated:
        return event.place
    cities = [p for p in stated if p in context.places and context.places[p].kind == "city"]
    current = context.places.get(event.place) if event.place else None
    finer = [c for c in cities if current is not None and current.kind != "city" and context.places[c].country == current.country]
    if finer:  # "in Florida" + "at Mar-a-Lago": the city
        return finer[0]
    if event.place in stated:
        return event.place
    if current is not None and current.country in stated and not any(context.places[c].country == current.country for c in cities):
        return event.place  # a city of a stated country, none of whose cities is stated ("in Germany" + HAMBURG dateline)
    return (cities or stated)[0]


def evidence_city(event: Found, doc, actors: ArticleActors, context: ArticleContext, words: PlaceWords) -> str | None:
    """A merged event placed in a country takes a city of that country that one of its
    sentences gives as a place ("met in northeast China" + "in the city of Dalian")."""
    country = context.places.get(event.place) if event.place else None
    if country is None or country.kind != "country":
        return event.place
    for evidence in event.evidence:
        for word in doc.char_span(evidence.start, evidence.end, alignment_mode="expand") or ():
            mention = actors.places.get(word.i)
            found = context.places.get(mention.value) if mention is not None else None
            if found is None or found.kind != "city" or found.country != country.id:
                continue
            if _locative(word, words):
                return found.id
    return event.place


def _locative(word, words: PlaceWords) -> bool:
    """Whether a place word is the object of a locative phrase ("in X", "at the city of X")."""
    _, prep = _place_phrase(word, words)
    return prep is not None and prep.lower_ in words.locatives


def dateline_city(text: str, context: ArticleContext) -> str | None:
    """The city of the article's dateline ("GENEVA (AP) -"), if it has one."""
    for mention in context.place_mentions:
        if mention.start > 400:
            break
        place = context.places.get(mention.value or "")
        if place is not None and place.kind == "city" and is_dateline(text, mention.start, mention.end):
            return place.id
    return None


def consult_mode(event: Found, context: ArticleContext) -> tuple[str | None, list[EventActor]]:
    """VISIT, THIRD-PARTY or MULTILATERAL from where the participants are from and where
    they met; a visit makes the visitors sources and the hosts targets."""
    actors = event.actors
    countries = {a.country for a in actors if a.country}
    if event.trigger.mode or event.mode:
        return event.trigger.mode or event.mode, actors
    if len({a.country for a in actors if a.kind in ("person", "country") and a.country}) >= 3:
        return "MULTILATERAL", actors
    place = context.places.get(event.place) if event.place else None
    if place is None or not place.country or len(countries) < 2 or any(not a.country for a in actors):
        return None, actors
    hosts = [a for a in actors if a.country == place.country]
    if not hosts:
        return "THIRD-PARTY", actors
    if event.trigger.roles == "symmetric" and len(hosts) < len(actors):
        return "VISIT", [replace(a, role="target" if a.country == place.country else "source") for a in actors]
    return "VISIT", actors


def meeting_placed(event: Found, context: ArticleContext, context_text: str) -> PlacedMeeting | None:
    """A happened meeting with its day, its place and every actor its sentences name."""
    if event.type != "CONSULT" or event.modality not in HAPPENED or event.time.precision != "day":
        return None
    named = {m.value for m in context.actor_mentions if m.value
             and any(e.start <= m.start < e.end for e in event.evidence)}
    text = " ".join(context_text[e.start:e.end] for e in event.evidence)
    return placed_meeting(event.time.value, event.place, named | {a.id for a in event.actors}, text)


def organisation_names(actors: Sequence[EventActor], kb: KnowledgeBase) -> dict[str, tuple[str, ...]]:
    """The name and aliases the knowledge base gives each organisation among `actors`."""
    return {a.id: (kb.actors[a.id].name, *kb.actors[a.id].aliases) for a in actors
            if a.kind == "organization" and a.id in kb.actors}


def hosting_city(token, roles: str, actors: ArticleActors, context: ArticleContext) -> str | None:
    """The city that hosts, named as the subject of a hosting verb ("Beijing hosted X",
    "Moscow welcomed X"): the capital stands for its state and is where the meeting was.
    A country as subject ("China hosted X") names no city."""
    if roles != "host" or not is_verb(token):
        return None
    for subject in (c for c in token.children if c.dep_ == "nsubj"):
        mention = actors.places.get(subject.i)
        place = context.places.get(mention.value or "") if mention is not None else None
        if place is not None and place.kind == "city":
            return place.id
    return None


def on_other_event(prep, anchors, event_words, max_steps: int = 8) -> bool:
    """Whether a place phrase belongs to the noun of another event of the sentence: on the
    way up from it to the event's own words stands the noun of an event of another type
    (`event_words`; "talks at the summit in X" stay one meeting's place) ("expelled diplomats
    in response to the attack on X and his daughter in <city>"): that event's place."""
    return stands_between(prep, anchors, lambda node: node.i in event_words and node.pos_ in ("NOUN", "PROPN"), max_steps)
