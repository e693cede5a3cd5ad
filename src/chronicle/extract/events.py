"""PLOVER event mentions from a parsed article: trigger, type and mode, actors with roles,
modality, time, place, confidence and evidence.

Triggers are data (`data/triggers.yaml`): a lemma, its part of speech and the conditions
under which it signals a type. Each trigger's arguments come from the dependency parse
(subject, object, prepositional objects, possessors and modifiers, with conjuncts), and
each argument is the resolved actor mention at that word. Several sentences about the
same event in one article give one event mention with several evidence spans.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import replace

from chronicle.extract.arguments import inviters, noun_arguments, with_roles, verb_arguments
from chronicle.extract.arrivals import meets_no_one
from chronicle.extract.article_actors import ArticleActors
from chronicle.extract.complements import complement_place
from chronicle.extract.context import ArticleContext, Found
from chronicle.extract.coordination import conjunct_targets
from chronicle.extract.crowds import crowd_act
from chronicle.extract.elsewhere import away_from_main
from chronicle.extract.event_places import consult_mode, dateline_applies, dateline_city, evidence_city, finer_place, organisation_names, event_place, meeting_placed, stated_place, trip_destination
from chronicle.extract.figures import obstacle_figure
from chronicle.extract.framing import said_before
from chronicle.extract.headlines import headline_time, lead_paragraph_time, lead_time, undated_page_meeting_time, undated_page_time, written_day
from chronicle.extract.interviews import interview
from chronicle.extract.lexicon import EventLexicon, PARTICLE_DEPS
from chronicle.extract.meals import meal_agendas
from chronicle.extract.sequenced import sequenced_counterparts
from chronicle.extract.merging import bilaterals, consolidate, continued, fold_titles, last_occurrence, merge_event, merge_anaphor, perfect_aspect, same_day_places, event_sides, unreal_form, without_implied_duplicates
from chronicle.extract.modality import dated_modality, event_modality, phrase_before
from chronicle.extract.narrative import background_main_time, carried_date, news_perfect_time
from chronicle.extract.occasions import listed_occasions
from chronicle.extract.participants import gathered_referents, plural_gathered, plural_holder
from chronicle.extract.periods import is_dated
from chronicle.extract.proposed import governing_subjects
from chronicle.extract.recalled import may_date_story, pluperfect_time, recalled_time
from chronicle.extract.records import Trigger
from chronicle.extract.roles import manner_noun, names_field_organ, repeated_period, struck_city, told_in_past, told_in_perfect
from chronicle.extract.seats import seat_place
from chronicle.extract.summits import summit_place
from chronicle.extract.targets import state_targets
from chronicle.extract.triggers import has_phrase, coarse_pos, best_trigger
from chronicle.kb import KnowledgeBase
from chronicle.model import EventMention, Evidence, HAPPENED
from chronicle.resolve.page_month import page_month_time
from chronicle.resolve.stays import stay_days
from chronicle.resolve.times import TimeExpression, TimeRules, TimeValue
from chronicle.resolve.timing import attach_time, clause_tense, closing_day, counted_from_report, news_window, present_news_time, published_time, relative_to_event, sequenced_time


def _extent(token, noun, trigger: Trigger) -> tuple[int, int]:
    words = [token] + ([noun] if noun is not None else [])
    words += [c for c in token.children if c.dep_ in PARTICLE_DEPS and c.lower_ == trigger.particle]
    return min(w.idx for w in words), max(w.idx + len(w.text) for w in words)


def _plural_referent(token, lexicon: EventLexicon) -> bool:
    """"the two leaders met": a subject that refers back to the last event's actors."""
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    for subject in subjects:
        if subject.lemma_.lower() in lexicon.plural_referents and (
            "Plur" in subject.morph.get("Number") or subject.lower_ in ("both", "two")
        ):
            return True
    return False


def _setting(token, lexicon: EventLexicon) -> bool:
    """An event noun that is the setting of another action ("raise oil in a meeting with
    X", "discuss trade at the talks"): what is planned is the action, not the meeting."""
    return coarse_pos(token) == "NOUN" and token.dep_ == "pobj" and has_phrase([token.head], lexicon.attendance_prepositions)


def _plural_possessor(token, lexicon: EventLexicon) -> bool:
    """"their first meeting", "we had a good call": an event owned or held by the last
    event's actors."""
    return (_plural_owned(token, lexicon) or plural_holder(token, lexicon.plural_pronouns)
            or plural_gathered(token, lexicon.gathered_pronouns))


def _plural_owned(token, lexicon: EventLexicon) -> bool:
    """"their first meeting", "their commitment to meet": an event (or the noun whose
    infinitive it is) with a plural possessive."""
    owners = [token, token.head] if token.dep_ == "acl" and coarse_pos(token.head) == "NOUN" else [token]
    return any(c.dep_ == "poss" and c.lower_ in lexicon.plural_possessives for o in owners for c in o.children)


# long: the per-token cascade (trigger, arguments, time, modality, place, merge), to split along those steps (issue 18)
def find_events(
    doc,
    context: ArticleContext,
    kb: KnowledgeBase,
    lexicon: EventLexicon,
    time_rules: TimeRules,
    proposed: Mapping[int, Trigger] | None = None,
) -> list[EventMention]:
    """The event mentions of one parsed article (offsets into `doc.text`, the clean text);
    `proposed` adds triggers by token index (the type classifier's, chronicle.models): an
    event of theirs is kept without actors of its own, except one off its sentence's root,
    which takes the subject of the clause above it (`governing_subjects`) or goes."""
    actors = ArticleActors(doc, context, kb, lexicon)
    dateline = dateline_city(actors.text, context)
    dating = [(e, v) for e, v in context.times if not v.open_ended]  # "since 2015" dates no event
    since = [(e, v) for e, v in context.times if v.open_ended]
    found: list[Found] = []
    consumed: set[int] = set()
    main_time: TimeValue | None = None
    main_place: str | None = None  # where the main event happened, as its own sentence says
    main_seen: TimeValue | None = None
    triggers = {token.i: best for token in doc if (best := best_trigger(token, lexicon)) is not None}
    added = {i for i in proposed or {} if i not in triggers}  # a proposal at a lexicon trigger keeps the lexicon's entry
    triggers.update((i, (proposed[i], None)) for i in added)
    for token in doc:
        if token.i in consumed or token.i not in triggers:
            continue
        trigger, noun = triggers[token.i]
        if manner_noun(token, lexicon.roles.manner_nouns):
            continue  # "withdrew its ambassador in protest": how, not another event
        if any(obstacle_figure(w, lexicon.roles.figure_nouns, lexicon.roles.figure_preps) for w in (token, noun) if w is not None):
            continue  # "the last roadblock to membership": an obstacle, not a blockade
        if noun is not None and (trigger.absorbs or (triggers.get(noun.i) or (trigger,))[0].type == trigger.type):
            consumed.add(noun.i)  # "held talks": one event; "cancelled the meeting": REJECT, and a negated CONSULT
        if trigger.pos == "VERB":
            sources, targets, place_word = verb_arguments(token, trigger, noun, actors)
            targets += inviters(token, trigger, [*sources, *targets], actors, lexicon)
        else:
            sources, targets, place_word = noun_arguments(token, trigger, actors, lexicon)
        if (riot := crowd_act(token, trigger, lexicon.sectors)) is not None:  # "protesters stormed the parliament": a protest
            trigger, sources = riot, sources or actors.default_agent(token, lexicon.roles.default_agent("PROTEST"))
        unsaid = trigger.pos == "NOUN" or not any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in token.children)
        if not sources and unsaid and lexicon.roles.default_agent(trigger.type):  # "protests broke out in X", not "they looted"
            sources = actors.default_agent(token, lexicon.roles.default_agent(trigger.type))
        if trigger.pos == "VERB" and trigger.roles == "directed" and not targets:  # "closed its borders with X and imposed sanctions"
            targets = conjunct_targets(token, found, sources)
        if trigger.pos == "VERB" and trigger.roles == "directed":  # "mobilized warplanes", "expelled Togolese diplomats"
            targets = actors.settled_targets(token, trigger, sources, targets)
            sources, targets = actors.speaker_for_state(token, trigger, sources, targets)  # "X told Y that <X's state> opposes"
        targets = state_targets(token, trigger, sources, targets, actors)  # "students protested": against their state
        event_actors = with_roles(trigger, sources, targets)
        if trigger.type == "CONSULT" and interview(event_actors, lexicon.roles.media_words, frozenset(n for n, c in lexicon.sectors.of_noun.items() if c == "MED")):
            continue  # "officials, who spoke to the Associated Press": an interview, no meeting
        off_root = token.i in (proposed or {}) and token.i != token.sent.root.i
        if off_root and not event_actors:  # a proposal below another clause: that clause's subject did it
            event_actors = with_roles(trigger, [a for s in governing_subjects(token) for a in actors.of(s, "source")], [])
        anaphoric = not event_actors and (
            _plural_referent(token, lexicon) or gathered_referents(token, trigger.particle, lexicon.gathered_pronouns))
        time = recalled_time(token, since, lexicon.modality.recall_markers) or _event_time(doc, token, context, dating, found, main_time, time_rules)
        time = pluperfect_time(token, time, lexicon.modality.perfect_auxiliaries)  # "had helped" in April 2018: an earlier occasion
        if not is_dated(time):
            time = carried_date(token, dating, context.published) or time  # "In May 2014, ... . They had talks": May 2014
        # "came to power in 1994. The US condemned ...": news; "has ordered ..." in the lead: news
        time = news_perfect_time(background_main_time(time, context.published), token, context.times, context.published)
        time = counted_from_report(doc, token.i, dating, time, context.published, time_rules)  # "a week after admitting defeat"
        modality = event_modality(token, noun, lexicon, time_rules, time, context.published, trigger.type)
        listed = []
        if modality == "habitual" and trigger.type != "CONSULT" and (told_in_past(token) or told_in_perfect(token)):
            modality = "reported"  # "police repeatedly fired tear gas at X's rallies", "X has repeatedly denied it": acts the article reports
            time = repeated_period(time)  # over a period: its month, unless a date of its own says more
        if modality == "habitual":  # "they meet regularly": no one event, unless its occasions are listed
            listed = listed_occasions(token, dating, actors.places, context.places,
                                      lexicon.modality.occasion_counts, lexicon.modality.occasion_nouns)
            if not listed:
                continue
            modality = "reported"
        aim = modality == "aim"  # "flew to Oslo for talks with X": see _settle_aims
        # "shook hands ahead of their summit": the summit the article may report (see _fold_previews)
        ahead = modality == "planned" and phrase_before(token, lexicon.modality.prospective_prepositions)
        follows = modality == "planned" and continued(noun if noun is not None else token, lexicon.modality)
        preview = modality in ("purpose", "aim") or modality == "planned" and (_setting(token, lexicon) or ahead or follows)
        modality = "planned" if modality in ("purpose", "aim") else modality
        if trigger.type != "CONSULT" and modality == "planned" and told_in_past(token) and dated_modality(time, context.published, lexicon.modality) == "planned":
            modality = "reported"  # "rejected the ultimatum Monday", Monday read after publication: a past act
        if time.rule == "perfect-aspect" and modality == "reported":
            modality = "historical"
        if modality == "negated" and since:  # "have not met since July": they met in July
            last = last_occurrence(doc, token, since, time_rules)
            if last is not None:
                time, modality = last, "historical"
        if modality == "negated" and trigger.type in lexicon.modality.refused_types:  # "would not recognise the vote"
            trigger, modality = replace(trigger, type=lexicon.modality.refused_types[trigger.type], mode=None), "reported"
        if modality in HAPPENED and may_date_story(time, context.published):  # a recalled meeting or a bare year is no main event
            main_time = _main_time(main_time, time)
        others = frozenset(i for i, (t, _) in triggers.items() if t.type != trigger.type)  # "in response to the attack in X"
        place = event_place(token, noun, place_word, actors, context, lexicon.places, others)
        place = struck_city(token, trigger.type, event_actors, actors.places, context.places, lexicon.roles.place_target_types) or place
        if time.rule.startswith("last-before-negated-since") and place_word is None:
            place = None  # "have not met since July": where they last met is not this sentence's place
        if place is None and trigger.mode != "PHONE":
            place = trip_destination(token, event_actors, actors, context, lexicon.places,
                                      lexicon.modality.hypothetical_auxiliaries | time_rules.future_auxiliaries)
        stated = place is not None  # the sentence's own place, not a trip's or the dateline's
        if modality in HAPPENED:  # "also met X in Berlin", the main event in Geneva: another occasion
            if main_time is not main_seen:
                main_place, main_seen = None, main_time
            time = away_from_main(time, place, stated, main_place, context.places, context.published)
            if main_place is None and stated and (time is main_time or time.rule.startswith("main-event:")):
                main_place = place  # the main event's place: the first its day's mentions state
        if place is None and trigger.mode != "PHONE" and dateline_applies(time, modality, context.published):
            place = dateline
        place = finer_place(place, token, actors, context, dateline, lexicon.places)
        if trigger.roles == "visit" and place_word is not None and not any(a.role == "target" for a in event_actors):
            country = context.places[place].country if place in context.places else None
            if country and country in kb.countries:
                event_actors.append(actors.describe(country, None, "target", place_word.idx, place_word.idx + len(place_word.text)))
        sentence = token.sent
        extent = _extent(token, noun, trigger)
        evidence = Evidence(sentence.start_char, sentence.end_char, *extent, actors.text[extent[0] : extent[1]])
        completeness = 1.0 if len(event_actors) >= 2 else 0.8 if event_actors else 0.5
        if any(a.i in triggers and a.i not in added and a.i != (noun.i if noun is not None else -1)
               for a in token.ancestors):
            completeness *= 0.6  # inside another event's words ("urged X to free ...", "lift sanctions"): not the sentence's main event
        event = Found(
            type=trigger.type, mode=trigger.mode, trigger=trigger, token=token, extent=extent,
            actors=event_actors, modality=modality, time=time, place=place,
            confidence=round(trigger.confidence * completeness, 3), evidence=[evidence], preview=preview, stated=stated,
            sides=event_sides(sources, targets), aim=aim, ahead=ahead, follows=follows,
            said=modality == "planned" and said_before(token, lexicon.modality.speech_verbs),
        )
        if trigger.type == "CONSULT" and not (modality in HAPPENED and unreal_form(token, time_rules)):
            event.actors, event.implied = actors.with_implied_host(event.actors, time, token, trigger)
            event.confidence = round(event.confidence * (0.8 if event.implied else 1.0), 3)
            mode, roles = consult_mode(event, context)
            event.mode, event.actors = mode, roles
            if mode == "PHONE":  # a call has no one place
                event.place = None
        if meets_no_one(token, trigger.type, event.actors, lexicon.roles.counterpart_verbs):
            continue  # "divers arrived at the port", "came to power": no one met
        # the classifier's: its event stands without actors, unless it lies off the root and names no one
        proposal = token.i in (proposed or {}) and not (off_root and not event_actors)
        occasions = [  # "met twice: in A in July and in B in May": one event per item
            replace(event, time=when, place=where or event.place, stated=bool(where), listed=True,
                    modality=dated_modality(when, context.published, lexicon.modality) or "reported",
                    actors=list(event.actors), evidence=list(event.evidence))
            for when, where in listed
        ]
        for event in occasions or [event]:
            if not event_actors and not anaphoric and not proposal and trigger.type.lower() not in lexicon.anonymous_types:
                merge_anaphor(found, event, _plural_possessor(token, lexicon) or bool(occasions), context.places,
                               named=_plural_owned(token, lexicon))
                continue
            if anaphoric and event.modality == "historical" and found:  # "the two have not met since"
                earlier = next((e for e in reversed(found) if e.type == event.type and len(e.actors) >= 2), None)
                if earlier is not None:
                    event.actors = [replace(a, start=a.start, end=a.end) for a in earlier.actors]
                    merge_event(found, event, context.places)
                continue
            if anaphoric:
                merge_anaphor(found, event, True, context.places, named=True)
                continue
            merge_event(found, event, context.places)
    lead = lead_time([(e.token.sent, e.time) for e in found if e.modality in HAPPENED])
    written = written_day(context.times, lambda e: _said_ahead(doc, e, time_rules)) if context.published is None else None
    for event in found:  # "X rejects result" in the title: the lead event the body dates
        event.time = headline_time(event.time, event.token.sent, lead, context.published)
        if event.type != "CONSULT" and event.modality == "reported":  # "He also urged X ...", after a lead dated Monday
            event.time = lead_paragraph_time(event.time, event.token.sent, lead, context.published)
            event.time = undated_page_time(event.time, written, context.published)  # an undated page: its latest full date
        elif event.type == "CONSULT" and event.modality == "reported":  # "X and Y are holding talks" on an undated page: the date it writes
            event.time = undated_page_meeting_time(event.time, written, context.published, time_rules.day_words)
    events = without_implied_duplicates(fold_titles(consolidate(found, lexicon, context.places)), context.published)
    events = bilaterals(events, actors.text, lexicon, frozenset(time_rules.units))
    sequenced_counterparts(events, lexicon.sequence_verbs)
    agendas = meal_agendas(events, lexicon.modality.meal_words, is_dated)  # "after the talks, they plan to have lunch"
    events = [e for i, e in enumerate(events) if i not in agendas]
    for event in events:
        if event.time.rule.startswith("last-before-negated-since") or event.listed:
            continue  # "have not met since July": where they last met is not this sentence's place
        event.place = evidence_city(event, doc, actors, context, lexicon.places)
        others = frozenset(i for i, (t, _) in triggers.items() if t.type != event.type)
        event.place = stated_place(event, doc, actors, context, lexicon.places, others)
        if event.mode == "PHONE":  # a call has no one place, whatever a merged sentence said
            event.place = None
    placed = {e.token.i: e.place for e in events if e.place is not None}
    for event in events:  # "ordered troops to withdraw from X": the order is placed at X
        event.place = complement_place(event.token, placed, event.type, event.place, lexicon.roles.complement_place_types)
    same_day_places(events)
    meetings = [m for m in (meeting_placed(e, context, doc.text) for e in events) if m is not None]
    for event in events:  # "ECOWAS said ... after a summit of ECOWAS leaders in Accra": at the summit
        event.place = summit_place(event.type, event.place, event.time.value if event.time.precision == "day" else None,
                                   event.actors, meetings, lexicon.roles.seat_types, organisation_names(event.actors, kb))
    for event in events:  # a government's statement or decision with no place: its seat
        event.place = seat_place(event.type, event.place, event.actors, context.places, context.seats,
                                 lexicon.roles.seat_types, lexicon.roles.seat_sectors,
                                 lexicon.roles.field_seat_types, lexicon.roles.field_sectors,
                                 names_field_organ(event.token, lexicon.sectors, lexicon.roles.field_sectors))
    for event in events:  # news of an undated happening: on the publication day or the day before
        if event.modality in HAPPENED:
            event.time = news_window(event.time, time_rules)
    return [_record(event) for event in events]


def _event_time(doc, token, context: ArticleContext, dating, found: list[Found], main_time: TimeValue | None,
                rules: TimeRules) -> TimeValue:
    """The time of the event at `token`: the expression that dates it (`attach_time`), one
    relative to the story's last dated event ("Earlier in the day"); without a time of its
    own, the day of a nearby event it is sequenced against ("Before the dinner, ..."), and a
    perfect ("has met") as of publication or, beside dated background, undated."""
    time = stay_days(token, attach_time(doc, token.i, dating, main_time, context.published, rules), rules)
    time = relative_to_event(time, dating, _reference_time(found, main_time), rules, doc, token.i)
    if time.rule == "published" or time.rule.startswith("main-event:"):
        time = sequenced_time(doc, token.i, dating, rules) or time
    if (time.rule == "published" or time.rule.startswith("main-event:")) and perfect_aspect(token):
        time = _perfect_time(token, context.times, context.published)
    if time.rule == "published" or time.rule.startswith("main-event:"):  # "are holding talks", "says at a news conference"
        time = present_news_time(token, context.published, rules) or time
    if time.rule == "unresolved":  # a page known only by its month: news of that month
        time = page_month_time(context.page_month) or time
    return time


def _said_ahead(doc, expression: TimeExpression, rules: TimeRules) -> bool:
    """Whether the text puts a written date ahead of its report: the date's clause is a
    future one ("a truce is set to take effect on Wednesday November 27, 2024")."""
    span = doc.char_span(expression.start, expression.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and clause_tense(span.root, rules) == "future"


def _perfect_time(token, times: Sequence[tuple[TimeExpression, TimeValue]], published: dt.date | None) -> TimeValue:
    """A perfect with no time of its own: news as of the publication date ("Merkel has met
    Ruto in Nairobi"), unless its sentence dates other things, which makes it background ("has
    spoken with him by phone and met him in Paris in November"): some time before, undated."""
    sentence = token.sent
    if any(sentence.start_char <= e.start < sentence.end_char for e, _ in times):
        return TimeValue(None, None, "vague", "", None, "perfect-aspect")
    return published_time(published, "published:perfect")


def _main_time(current: TimeValue | None, time: TimeValue) -> TimeValue | None:
    """The article's main event time: the first happened event dated to the day; until one
    is seen, the first dated at all ("this year" yields to "on Friday")."""
    if not is_dated(time) or (current is not None and (current.precision in ("day", "week") or time.precision != "day")):
        return current
    return time


def _reference_time(found: list[Found], main_time: TimeValue | None) -> TimeValue | None:
    """What "earlier in the day" or "two days later" counts from: the last happened event
    before it dated to the day, else the main event."""
    return next(
        (e.time for e in reversed(found) if e.modality in HAPPENED and is_dated(e.time) and e.time.precision == "day"),
        main_time,
    )


def _record(event: Found) -> EventMention:
    first = event.evidence[0]
    time = event.time
    return EventMention(
        start=first.start,
        end=first.end,
        type=event.type,
        mode=event.mode,
        modality=event.modality,
        actors=tuple(event.actors),
        date=time.value,
        end_date=closing_day(time),
        date_precision=time.precision,
        date_expression=time.expression,
        date_rule=time.rule,
        place=event.place,
        confidence=event.confidence,
        evidence=tuple(event.evidence),
    )
