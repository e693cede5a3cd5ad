"""One event mention per happening in an article: merging mentions of the same event,
folding previews into the meeting they announce, splitting bilateral meetings on a trip,
and the date and place checks that keep different occasions apart."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace

from chronicle.extract.context import Found
from chronicle.extract.elsewhere import other_city_other_date, two_countries
from chronicle.extract.headlines import in_title_block
from chronicle.extract.lexicon import EventLexicon
from chronicle.extract.periods import before_publication, is_dated, periods_overlap, time_period, on_same_day
from chronicle.extract.previews import only_timetable
from chronicle.extract.recalled import other_month, other_story_day, recalled, recalled_apart, told_apart
from chronicle.extract.records import Modality
from chronicle.extract.distinct_events import fighting_apart, opposed_sides
from chronicle.extract.separate_acts import separate_acts
from chronicle.extract.summaries import restated_by, summarised_by
from chronicle.extract.triggers import has_phrase, is_verb, coarse_pos
from chronicle.model import EventActor, HAPPENED, PRECISIONS, Place, TimeValue
from chronicle.resolve.time_rules import TimeExpression, TimeRules
from chronicle.resolve.clauses import clause_tense, infinitive
from chronicle.resolve.time_attachment import attach_time


# a mention dated only by its publication day stands for the days this close to it
NEWS_WINDOW = dt.timedelta(days=7)
# "more talks" the day after a meeting continue it: a visit's days
VISIT_DAYS = dt.timedelta(days=2)


def event_sides(sources: list[EventActor], targets: list[EventActor]) -> tuple[frozenset[str], frozenset[str]]:
    """The persons on each side of a mention ("A and B met C": {A, B}, {C})."""
    source_ids = frozenset(a.id for a in sources if a.kind == "person")
    return source_ids, frozenset(a.id for a in targets if a.kind == "person") - source_ids


def _joined_sides(a: tuple[frozenset[str], frozenset[str]], b: tuple[frozenset[str], frozenset[str]]) -> tuple[frozenset[str], frozenset[str]]:
    """The sides of two mentions of one event; none when they cross (who met whom is unclear).
    A mention with one side only ("A and B met", "A is to meet with B") says they met, not
    who stood beside whom: when the other mention places all its persons, the other's sides stand."""
    for one, other in ((a, b), (b, a)):
        if not (one[0] and one[1]) and (one[0] | one[1]) <= (other[0] | other[1]) and other[0] and other[1]:
            return other
    if a[0] & b[1] or a[1] & b[0]:
        return frozenset(), frozenset()
    return a[0] | b[0], a[1] | b[1]


def bilaterals(events: list[Found], text: str, lexicon: EventLexicon, measures: frozenset[str] = frozenset()) -> list[Found]:
    """"Smith met Jones, Brown and Green", "the king and the crown prince received Smith":
    one meeting of Smith with each, unless the words say the meeting was one ("trilateral
    talks", "a summit"; a number counting `measures`, "four decades", says nothing of it).
    Smith is the one alone on a side of the mention."""
    result = []
    for event in events:
        persons = [a for a in event.actors if a.kind == "person"]
        words = {w for e in event.evidence for w in meeting_words(text[e.start : e.end], measures)}
        if counted_meetings(event.token, lexicon.grammar.uncounted_meeting_nouns) and len(event.evidence) == 1:  # "his meetings with A and B": their own words
            words = meeting_words(" ".join(t.text for t in event.token.subtree), measures)
        if event.type != "CONSULT" or len(persons) < 3 or words & lexicon.multilateral_words:
            result.append(event)
            continue
        lone = [side for side in event.sides if len(side) == 1]
        if len(lone) != 1 or set().union(*event.sides) != {a.id for a in persons} or _one_description(persons, lone[0]):
            result.append(event)  # no one person met the others (or the mention grew): one meeting
            continue
        anchor = next(a for a in persons if a.id in lone[0])
        others = [a for a in event.actors if a.kind != "person"]
        foreign = {p.country for p in persons} - {anchor.country, None}
        for person in (p for p in persons if p is not anchor):
            if foreign and person.country and person.country == anchor.country:
                continue  # compatriots beside a foreign guest host together: no meeting of their own
            mode = None if event.mode == "MULTILATERAL" else event.mode
            result.append(replace(event, actors=[anchor, person, *others], mode=mode, evidence=list(event.evidence)))
    return result


def counted_meetings(token, uncounted: frozenset[str]) -> bool:
    """A plural count noun of meetings ("meetings", "visits", "calls"; not "talks", one
    round as often as several): each of the persons it lists met the one alone on the other
    side, whatever else its sentence says ("at a news conference"); never one of `uncounted`."""
    return token.pos_ == "NOUN" and token.tag_ == "NNS" and token.lemma_.lower() != token.lower_ and token.lemma_.lower() not in uncounted


def meeting_words(sentence: str, measures: frozenset[str]) -> set[str]:
    """The lower-case words of a sentence, less a word before one of `measures` (a number
    counting time: "the first visit in four decades")."""
    words = [w.strip(".,;:!?\"'()“”’").lower() for w in sentence.replace("-", " ").split()]
    return {w for w, after in zip(words, [*words[1:], ""]) if after not in measures}


def _one_description(persons: list[EventActor], lone: frozenset[str]) -> bool:
    """Whether the persons beside the lone one are named by one plural description ("met
    the foreign ministers of A and B"): a group met together, one meeting."""
    spans = {(a.start, a.end) for a in persons if a.id not in lone}
    return len(spans) == 1


def unreal_form(token, rules: TimeRules) -> bool:
    """An infinitive or a future ("Smith to visit Kenya", "will be the first to visit"): no
    ground to guess who received a visit read as having happened."""
    verbs = []
    for word in (token, *token.ancestors):  # the verbs of its own clause: not past a reported clause
        if is_verb(word):
            verbs.append(word)
            if word.dep_ in ("ccomp", "relcl", "advcl", "parataxis"):
                break
    return infinitive(token, rules.grammar.infinitive_markers) or any(clause_tense(verb, rules) == "future" for verb in verbs)


def without_implied_duplicates(events: list[Found], published: dt.date | None) -> list[Found]:
    """An implied host ("arrived in Moscow") is a guess the article may state itself: a
    meeting of the same persons, reported in words, within a few days, replaces it (so does
    one reported on the day of an implied host's plan: "deals will be signed during his visit
    to Valdora" beside "they talked in Valdora on Wednesday", the visit under way); one the
    article says is still ahead on the publication day or later ("arrived in Chennai ... will
    meet Modi later today") undoes it: the visit stays, without the host."""
    def persons(event: Found) -> frozenset[str]:
        return frozenset(a.id for a in event.actors if a.kind == "person")

    def near(a: TimeValue, b: TimeValue) -> bool:
        if not (is_dated(a) and is_dated(b)):
            return True
        (first_a, last_a), (first_b, last_b) = time_period(a), time_period(b)
        return first_a - dt.timedelta(days=3) <= last_b and first_b - dt.timedelta(days=3) <= last_a

    stated = [e for e in events if not e.implied]
    kept = [
        e for e in events
        if not e.implied or not any(
            s.type == e.type and persons(s) == persons(e) and near(s.time, e.time) and not _by_phone(s)
            and (_group(s.modality) == _group(e.modality) or _visit_underway(e, s))
            for s in stated
        )
    ]
    for event in kept:  # "arrived in Chennai ... will meet Modi later today": the host is still to come
        if event.implied and event.modality in HAPPENED and any(
            s.type == event.type and s.modality == "planned" and persons(s) == persons(event) and near(s.time, event.time)
            and is_dated(s.time) and not before_publication(s.time, published) for s in stated
        ):
            event.actors, event.implied = _without_implied_host(event.actors), False
    return kept


def _by_phone(event: Found) -> bool:
    return "PHONE" in (event.mode, event.trigger.mode)


def _visit_underway(implied: Found, stated: Found) -> bool:
    """Whether an implied host's plan ("will be offered weapons during his visit to Valdora")
    is the visit a stated meeting of the same day reports ("talked in Valdora on Wednesday"):
    both dated to the same day, the plan by words of its own (an invitation dated only by the
    article's main event is a visit still to come), the one planned, the other reported."""
    return (implied.modality == "planned" and stated.modality == "reported" and is_dated(implied.time)
            and on_same_day(implied.time, stated.time))


def _without_implied_host(actors: list[EventActor]) -> list[EventActor]:
    """The actors less the host a visited country implied (a person on the country's words)."""
    places = {(a.start, a.end) for a in actors if a.kind != "person"}
    return [a for a in actors if a.kind != "person" or (a.start, a.end) not in places]


def same_day_places(events: list[Found]) -> None:
    """An in-person event with no place of its own, told after the article's first placed
    event, on its day and sharing an actor with it ("earlier on Monday, he met ..."), was
    there too; so was an undated one the article reports as news beside it ("X also met
    Y"); not one told before it ("met X before flying to Nairobi")."""
    main = next((e for e in events if e.place and e.modality in HAPPENED and len(e.actors) >= 2), None)
    if main is None:
        return
    ids = {a.id for a in main.actors}
    for event in events:
        same_day = main.time.value and event.time.value == main.time.value and len(event.time.value) == 10
        beside = not event.time.value and event.modality == main.modality == "reported"
        if (
            event.place is None and event.mode != "PHONE" and event.modality in HAPPENED
            and (same_day or beside) and ids & {a.id for a in event.actors}
            and event.evidence[0].start > main.evidence[0].start
        ):
            event.place = main.place


def perfect_aspect(token, auxiliaries_of_perfect: frozenset[str]) -> bool:
    """A verb in the perfect ("has met", "have spoken": an auxiliary of `auxiliaries_of_perfect`),
    or a noun whose clause verb is."""
    verb = token if is_verb(token) else next((a for a in token.ancestors if is_verb(a)), None)
    if verb is None:
        return False
    auxiliaries = [c for c in verb.children if c.dep_ == "aux"]
    if verb.dep_ == "conj" and not auxiliaries:  # "has spoken ... and met": the shared auxiliary
        auxiliaries = [c for c in verb.head.children if c.dep_ == "aux"]
    return any(a.lemma_.lower() in auxiliaries_of_perfect for a in auxiliaries) and "Part" in verb.morph.get("VerbForm")


def last_occurrence(doc, token, since: list[tuple[TimeExpression, TimeValue]], rules: TimeRules) -> TimeValue | None:
    """The time in "have not met since last July" (the last time it happened), when a
    "since" expression governs the negated trigger's clause."""
    value = attach_time(doc, token.i, since, None, None, rules)
    if not value.resolved or not value.open_ended:
        return None
    return replace(value, open_ended=False, rule=f"last-before-negated-since:{value.rule}")


def _group(modality: str) -> str:
    return "happened" if modality in HAPPENED else modality


def _compatible_dates(a: TimeValue, b: TimeValue) -> bool:
    """Periods that overlap; a mention dated only by the publication day ("reported") stands
    for the days around it, so an explicit date weeks away is another event; an undated
    mention fits any date."""
    if is_dated(a) and is_dated(b):
        return periods_overlap(time_period(a), time_period(b))
    if told_apart(a, b) or other_month(a, b):  # "on Saturday" or "on Sept. 23" on an undated page, "in December 2019": two occasions
        return False
    dated, news = (a, b) if is_dated(a) else (b, a)
    if is_dated(dated) and news.precision == "reported" and news.value and news.rule == "published":
        day = dt.date.fromisoformat(news.value[:10])
        return periods_overlap(time_period(dated), (day - NEWS_WINDOW, day + NEWS_WINDOW))
    return True


def _different_places(a: Found, b: Found, places: Mapping[str, Place]) -> bool:
    """Two mentions placed in cities of two different countries are two events ("their
    first meeting in Lisbon" is not the Oslo summit), when both sentences say so; two
    cities of one country may be a venue and its town."""
    first, second = places.get(a.place or ""), places.get(b.place or "")
    if a.stated and b.stated and two_countries(first, second):  # "a meeting in Italy, a meeting in Norway"
        return True
    if not (a.stated and b.stated) or first is None or second is None or first.id == second.id or "city" not in (first.kind, second.kind):
        return False
    return bool(first.country and second.country and first.country != second.country)


def _different_channels(a: Found, b: Found) -> bool:
    """A call and an in-person meeting are two events: a PHONE mention does not join a verb
    trigger without a mode ("spoke by phone and met in Paris") nor a meeting placed in
    someone's country or a third one (a visit)."""
    modes = {a.trigger.mode, b.trigger.mode}
    if "PHONE" not in modes or len(modes) == 1:
        return False
    other = b if a.trigger.mode == "PHONE" else a
    if other.trigger.any_channel and other.mode is None:  # "to speak with X" and "a phone call with X": one contact
        return False
    return other.trigger.pos == "VERB" or other.mode in ("VISIT", "THIRD-PARTY", "MULTILATERAL")


def _absorb(into: Found, event: Found) -> None:
    """Fold a mention of the same event into `into`: evidence, actors, the better time and place."""
    into.evidence.append(event.evidence[0])
    known = {a.id for a in into.actors}
    into.actors += [a for a in event.actors if a.id not in known]
    if not is_dated(into.time) and is_dated(event.time) or (
        is_dated(event.time) and is_dated(into.time) and _precision_rank(event.time) < _precision_rank(into.time)
    ):
        into.time = event.time
    if into.place is None or not into.stated and event.stated and event.place:
        into.place, into.stated = event.place, event.stated
    into.mode = into.mode or event.mode
    into.confidence = max(into.confidence, event.confidence)
    into.implied = into.implied and (event.implied or sum(a.kind == "person" for a in event.actors) < 2)
    into.sides = _joined_sides(into.sides, event.sides)
    into.aim = into.aim or event.aim
    into.preview = into.preview and (event.preview or len(_persons_of(event)) < 2)  # a plan of named persons is no mere preview
    into.ahead = into.ahead and (event.ahead or len(_persons_of(event)) < 2)
    into.follows = into.follows and (event.follows or len(_persons_of(event)) < 2)
    into.said = into.said and event.said


def _precision_rank(time: TimeValue) -> int:
    return PRECISIONS.index(time.precision)


def merge_anaphor(found: list[Found], event: Found, plural: bool, places: Mapping[str, Place], named: bool = False) -> None:
    """An event word with no actors of its own ("the meeting lasted three hours") is more
    evidence for the last event of its type and modality with a compatible date and place,
    if any. A plural one ("their first meeting was in Lisbon", "the two leaders met in
    March") with another date or city is another event between the same actors. One that
    names its referents (`named`: "their", "the two leaders", not a bare "they", which may
    stand for anyone in a quote) refers to them whatever the modality: "they spoke on Friday
    ... their commitment to meet at the summit" is a plan of the same two."""
    same_kind = [e for e in found if e.type == event.type and _group(e.modality) == _group(event.modality)]
    fitting = [
        e for e in same_kind
        if _compatible_dates(e.time, event.time) and not _different_places(e, event, places) and not _different_channels(e, event)
        and not _other_story_days(e, event)
    ]
    between = [e for e in fitting if len(e.actors) >= 2]  # the last event between two actors, else the last
    referents = found if named else same_kind
    last = next((e for e in reversed(referents) if e.type == event.type and len(e.actors) >= 2), None)
    if fitting and (between or not (plural and named) or last is None):
        _absorb((between or fitting)[-1], event)
        return
    if plural and last is not None:
        event.actors = list(last.actors)
        if _different_channels(last, event):  # "we had a good call" after their meeting: another, earlier contact
            event.place = None
            if not is_dated(event.time):  # not the meeting's day, which it borrowed
                event.time = TimeValue(None, None, "vague", "", None, "other-channel")
        found.append(event)


def merge_event(found: list[Found], event: Found, places: Mapping[str, Place]) -> None:
    """One event mention per event: a later mention with the same type and modality,
    compatible dates, and the same actors (or a part of them: one or two) joins it."""
    for earlier in reversed(found):
        if _same_event(earlier, event, places):
            _absorb(earlier, event)
            return
    found.append(event)


def _same_event(earlier: Found, event: Found, places: Mapping[str, Place]) -> bool:
    """Same type and modality, compatible dates and places, the same channel, and actors
    that agree: where both name two or more persons, the same persons; else one set of
    actors inside the other."""
    if earlier.type != event.type or _group(earlier.modality) != _group(event.modality):
        return False
    if not _compatible_dates(earlier.time, event.time) or _different_channels(earlier, event):
        return False
    if _other_story_days(earlier, event):  # "on Friday", "on Saturday" on an undated page
        return False
    if recalled_apart(earlier.time, event.time, is_dated):  # "since May 2018, when they met": not today's talks
        return False
    if _different_places(earlier, event, places):
        return False
    if other_city_other_date((earlier.place, event.place), (earlier.stated, event.stated),
                             (is_dated(earlier.time), is_dated(event.time)), places):
        return False  # "dinner in Nice" and "talks in Paris last March"
    if event.type != "CONSULT" and opposed_sides(earlier.actors, event.actors):  # "X accused Y", "Y accused X"
        return False
    if event.type != "CONSULT" and fighting_apart(earlier.trigger.roles, event.trigger.roles) and not _bare_in_one_sentence(earlier, event):
        return False  # "abducted X ... a gun battle with Y"; not "during the clashes, dozens were hit by rounds fired by police"
    if event.type != "CONSULT" and separate_acts(earlier.trigger, event.trigger):  # "kidnapped students ... burned homes"
        return False
    ids, known = {a.id for a in event.actors}, {a.id for a in earlier.actors}
    persons, known_persons = _persons_of(event), _persons_of(earlier)
    if len(persons) >= 2 and len(known_persons) >= 2:
        return persons <= known_persons or known_persons <= persons
    return ids <= known or known <= ids


def _bare_in_one_sentence(a: Found, b: Found) -> bool:
    """Two mentions of one sentence, one of them naming no one: the fighting the other tells
    ("during the clashes, dozens were hit by rounds fired by police": one event)."""
    return (not a.actors or not b.actors) and a.token.sent.start == b.token.sent.start


def _other_story_days(a: Found, b: Found) -> bool:
    return other_story_day(a.time, b.time, (t.text for t in a.token.sent), (t.text for t in b.token.sent))


def _persons_of(event: Found) -> set[str]:
    return {a.id for a in event.actors if a.kind == "person"}


def consolidate(found: list[Found], lexicon: EventLexicon, places: Mapping[str, Place]) -> list[Found]:
    """Merge the events that became one as their actors filled in ("Macron and the Elysee",
    then "... and Merkel"); then fold previews into the happening they announced."""
    kept: list[Found] = []
    for event in found:
        into = next((k for k in kept if _same_event(k, event, places)), None)
        if into is None:
            kept.append(event)
        else:
            for evidence in event.evidence:
                _absorb(into, replace(event, evidence=[evidence]))
    return _fold_previews(kept, lexicon, places)


def fold_titles(events: list[Found]) -> list[Found]:
    """A title-block event with no source whose actors the first body event of its type,
    modality and date names (extract/summaries.py) is more evidence of that event ("100
    girls abducted in <country>" over "Gunmen kidnapped 100 students"), or one with a person
    for the body's state (`restated_by`: "<leader> expels diplomats"). Not meetings (their
    titles fold by `_fold_previews`)."""
    titled = {id(e) for e in events if e.type != "CONSULT" and in_title_block(e.token.sent)}
    folded = set()
    for event in (e for e in events if id(e) in titled):
        into = next((k for k in events if id(k) not in titled and k.type == event.type and _group(k.modality) == _group(event.modality)
                     and _compatible_dates(k.time, event.time)
                     and (summarised_by(event.actors, k.actors) or restated_by(event.actors, k.actors))), None)
        if into is not None:
            for evidence in event.evidence:
                _absorb(into, replace(event, actors=[], evidence=[evidence]))
            folded.add(id(event))
    return [e for e in events if id(e) not in folded]


def _fold_previews(events: list[Found], lexicon: EventLexicon, places: Mapping[str, Place]) -> list[Found]:
    """The aim of a trip ("flew to Batumi to meet X"), the setting of a plan ("intended to
    raise oil in a meeting with X") or what a dated act was ahead of ("on Sunday he said he
    looked forward to meeting X", "shook hands ahead of their summit") or more of a meeting
    ("were expected to have more discussions Saturday"), undated or on the same day as a
    meeting the article reports between the same persons (and not placed elsewhere), or for
    what is ahead, a few days later, for more of it, a day or two after it, announced that
    meeting, told its agenda or its sequel: it becomes evidence of it. So does a plan told in
    words said in the past ("earlier in the day X said A and B will meet") on the day of a
    meeting of the same persons the article reports, and an undated plan in the title ("X to
    meet Y") whose meeting the body reports ("X met Y on Monday"). A plan to meet again ("flew back to meet him again")
    stays a plan."""
    kept = []
    for event in events:
        happened = None
        again = bool({t.lower_ for t in event.token.sent} & lexicon.modality.repeat_words)
        if event.said and not again and event.modality == "planned" and len(_persons_of(event)) >= 2:
            happened = next((e for e in events if e.type == event.type and e.modality in HAPPENED and not e.implied
                             and _persons_of(e) == _persons_of(event) and on_same_day(e.time, event.time)
                             and not _different_places(e, event, places)), None)
        if happened is None and not again and event.modality == "planned" and len(_persons_of(event)) >= 2 \
                and not is_dated(event.time) and in_title_block(event.token.sent):
            happened = next((e for e in events if e.type == event.type and e.modality == "reported" and not e.implied
                             and _persons_of(e) == _persons_of(event) and not in_title_block(e.token.sent) and not recalled(e.time)
                             and not _different_places(e, event, places)), None)
        if happened is None and event.preview and len(_persons_of(event)) >= 2:
            sentence = {t.lower_ for t in event.token.sent}
            if not sentence & lexicon.modality.repeat_words:
                happened = next((e for e in events if e.type == event.type and e.modality in HAPPENED and not e.implied
                                 and _persons_of(e) == _persons_of(event) and not _different_places(e, event, places)
                                 and not recalled(e.time)  # the trip's summit is not the one a since-clause recalls
                                 and not _other_story_days(e, event)  # "on Saturday" after "on Friday"
                                 and (not is_dated(event.time) or on_same_day(e.time, event.time)
                                      or event.ahead and _soon_after(event.time, e.time)
                                      or event.follows and _soon_after(e.time, event.time, VISIT_DAYS))), None)
        if happened is None:
            kept.append(event)
            continue
        if event.modality == "planned" and not (event.ahead or event.said or event.aim):
            happened.announced = happened.announced or _still_ahead(happened, lexicon)  # "as they meet" over "will make the meeting"
        for evidence in event.evidence:
            happened.evidence.append(evidence)
    for event in kept:  # the present of a timetable: the meeting is ahead
        if event.announced and event.modality == "reported":
            event.modality = "planned"
    return _settle_aims(kept, places)


def _still_ahead(event: Found, lexicon: EventLexicon) -> bool:
    """Whether a reported meeting is told only in the simple present (extract/previews.py),
    undated or dated by no past words of its own."""
    if is_dated(event.time) or event.type != "CONSULT":
        return False
    doc = event.token.doc
    triggers = [span.root for ev in event.evidence
                if (span := doc.char_span(ev.trigger_start, ev.trigger_end, alignment_mode="expand")) is not None]
    return only_timetable(triggers, lambda sentence: has_phrase(sentence, lexicon.modality.prospective_prepositions))


def _soon_after(before: TimeValue, after: TimeValue, window: dt.timedelta = NEWS_WINDOW) -> bool:
    """Whether `after` is a day on or up to `window` after the day `before`."""
    if not (is_dated(before) and is_dated(after) and before.precision == after.precision == "day"):
        return False
    gap = time_period(after)[0] - time_period(before)[1]
    return dt.timedelta(0) <= gap <= window


def continued(word, words: Modality) -> bool:
    """"more discussions", "further talks" on an event noun, or a plan told as the sequel of
    "the talks" ("after the talks, they plan to have lunch"): more of a meeting (that
    `_fold_previews` may find under way)."""
    if coarse_pos(word) == "NOUN" and any(c.dep_ == "amod" and c.lower_ in words.continuation_words for c in word.children):
        return True
    return any(_after_the_meeting(head, words) for head in (word, *word.ancestors))


def _after_the_meeting(word, words: Modality) -> bool:
    """Whether `word` carries "after the talks" (a sequel preposition over a definite meeting noun)."""
    return any(
        prep.dep_ == "prep" and prep.lower_ in words.sequel_prepositions and obj.dep_ == "pobj"
        and obj.lower_ in words.sequel_nouns and any(d.dep_ == "det" and d.lower_ in words.grammar.definite_determiners for d in obj.children)
        for prep in word.children for obj in prep.children
    )


def _settle_aims(events: list[Found], places: Mapping[str, Place]) -> list[Found]:
    """A meeting told as the aim of a journey ("arrived in Jeddah for talks with X"), which
    no sentence states as a plan of the same persons ("will meet X later today") nor reports,
    is reported with the journey: the article tells the trip for the talks it made."""
    kept: list[Found] = []
    for event in events:
        if not (event.aim and event.preview and event.modality == "planned"):
            kept.append(event)
            continue
        event.modality, event.preview = "reported", False
        into = next((e for e in events if e is not event and e.modality in HAPPENED and _same_event(e, event, places)), None)
        if into is None:
            kept.append(event)
            continue
        for evidence in event.evidence:
            _absorb(into, replace(event, evidence=[evidence]))
    return kept
