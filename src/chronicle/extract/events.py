"""PLOVER event mentions from a parsed article: trigger, type and mode, actors with roles,
modality, time, place, confidence and evidence.

Triggers are data (`data/triggers.yaml`): a lemma, its part of speech and the conditions
under which it signals a type. Each trigger's arguments come from the dependency parse
(subject, object, prepositional objects, possessors and modifiers, with conjuncts), and
each argument is the resolved actor mention at that word. Several sentences about the
same event in one article give one event mention with several evidence spans.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from chronicle.extract.arguments import inviters, noun_arguments, with_roles, verb_arguments
from chronicle.extract.arrivals import meets_no_one
from chronicle.extract.article_passes import dated_from_title_and_lead, place_events
from chronicle.extract.article_actors import ArticleActors
from chronicle.extract.context import ArticleContext, Found
from chronicle.extract.coordination import conjunct_targets
from chronicle.extract.crowds import crowd_act
from chronicle.extract.elsewhere import away_from_main
from chronicle.extract.event_places import consult_mode, dateline_applies, dateline_city, finer_place, event_place, hosting_city, trip_destination
from chronicle.extract.event_times import event_time, main_event_time
from chronicle.extract.figures import not_an_event
from chronicle.extract.framing import said_before
from chronicle.extract.interviews import interview
from chronicle.extract.lexicon import EventLexicon, PARTICLE_DEPS
from chronicle.extract.meals import meal_agendas
from chronicle.extract.sequenced import sequenced_counterparts
from chronicle.extract.merging import bilaterals, consolidate, continued, fold_titles, last_occurrence, merge_event, merge_anaphor, event_sides, unreal_form, without_implied_duplicates
from chronicle.extract.modality import dated_modality, event_modality, phrase_before
from chronicle.extract.occasions import listed_occasions
from chronicle.extract.participants import gathered_referents, plural_gathered, plural_holder
from chronicle.extract.periods import is_dated
from chronicle.extract.proposed import proposal_sources
from chronicle.extract.recalled import may_date_story
from chronicle.extract.records import Trigger
from chronicle.extract.place_actors import struck_city
from chronicle.extract.reported_acts import repeated_period, told_in_past, told_in_perfect
from chronicle.extract.retold import retold_targets
from chronicle.extract.sides_words import answered_accusers, followers_protest_targets, unmirrored_sources
from chronicle.extract.targets import protested_leaders, state_targets
from chronicle.extract.threatened import threatened_targets
from chronicle.extract.triggers import has_phrase, coarse_pos, best_trigger, other_type_triggers, trigger_candidates
from chronicle.kb import KnowledgeBase
from chronicle.model import EventActor, EventMention, Evidence, HAPPENED, TimeValue
from chronicle.resolve.stays import daily_meetings
from chronicle.resolve.time_rules import TimeExpression, TimeRules
from chronicle.resolve.news_times import news_window
from chronicle.resolve.timing import closing_day


def _extent(token, noun, trigger: Trigger) -> tuple[int, int]:
    words = [token] + ([noun] if noun is not None else [])
    words += [c for c in token.children if c.dep_ in PARTICLE_DEPS and c.lower_ == trigger.particle]
    return min(w.idx for w in words), max(w.idx + len(w.text) for w in words)


def _plural_referent(token, lexicon: EventLexicon) -> bool:
    """"the two leaders met": a subject that refers back to the last event's actors."""
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    for subject in subjects:
        if subject.lemma_.lower() in lexicon.plural_referents and (
            "Plur" in subject.morph.get("Number") or subject.lower_ in lexicon.pair_words
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


@dataclass(frozen=True)
class _Article:
    """What every step of one article's cascade reads: the parse, its context and the data,
    with the article's resolved actors, its dateline city, its dates and its trigger table."""

    doc: object
    context: ArticleContext
    kb: KnowledgeBase
    lexicon: EventLexicon
    time_rules: TimeRules
    proposed: Mapping[int, Trigger]  # the classifier's triggers by token index
    actors: ArticleActors
    dateline: str | None
    dating: list[tuple[TimeExpression, TimeValue]]  # the dates that date events
    since: list[tuple[TimeExpression, TimeValue]]  # "since 2015": open-ended, dating no event
    triggers: dict[int, tuple[Trigger, object]]  # token index -> (trigger, its noun)
    added: frozenset[int]  # the classifier's triggers where the lexicon has none


@dataclass
class _Running:
    """The cascade's state as it reads an article's tokens in order."""

    found: list[Found] = field(default_factory=list)
    consumed: set[int] = field(default_factory=set)  # nouns already part of a verb's event ("held talks")
    main_time: TimeValue | None = None
    main_place: str | None = None  # where the main event happened, as its own sentence says
    main_seen: TimeValue | None = None  # the main time `main_place` belongs to


@dataclass(frozen=True)
class _Who:
    """The participants of the event at a trigger token."""

    trigger: Trigger  # the token's trigger, or the one its arguments make it ("protesters stormed": a riot)
    sources: list[EventActor]
    targets: list[EventActor]
    actors: list[EventActor]  # with their roles (`with_roles`)
    place_word: object | None  # "visited Kenya": the visited place's word
    off_root: bool  # a classifier's trigger below another clause
    anaphoric: bool  # "the two leaders met": the actors of an earlier event


@dataclass(frozen=True)
class _Qualified:
    """The modality of the event at a trigger token, with what settling it changed."""

    trigger: Trigger  # a refusal ("would not recognise the vote") retypes it
    modality: str
    time: TimeValue
    listed: list  # a habit's listed occasions: (time, place) each
    aim: bool
    ahead: bool
    follows: bool
    preview: bool


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
    which takes who a reader would take (`proposal_sources`: the clause above's subject, a
    pronoun's antecedent, the sentence's one actor) or goes."""
    art = _article(doc, context, kb, lexicon, time_rules, proposed or {})
    run = _Running()
    for i in sorted(art.triggers):  # in the text's order, without a Token for every other word
        if i not in run.consumed:
            _read_token(art, run, doc[i])
    return [_record(event) for event in _article_passes(art, run.found)]


def _article(doc, context: ArticleContext, kb: KnowledgeBase, lexicon: EventLexicon, time_rules: TimeRules,
             proposed: Mapping[int, Trigger]) -> _Article:
    """What every step reads of the article (`_Article`), read once."""
    actors = ArticleActors(doc, context, kb, lexicon)
    dateline = dateline_city(actors.text, context)
    dating = [(e, v) for e, v in context.times if not v.open_ended]  # "since 2015" dates no event
    since = [(e, v) for e, v in context.times if v.open_ended]
    triggers, added = _trigger_table(doc, lexicon, proposed)
    return _Article(doc, context, kb, lexicon, time_rules, proposed, actors, dateline, dating, since, triggers, added)


def _trigger_table(doc, lexicon: EventLexicon, proposed: Mapping[int, Trigger]) -> tuple[dict[int, tuple[Trigger, object]], frozenset[int]]:
    """token index -> (trigger, its noun), the lexicon's and the classifier's; and the
    indices of the classifier's (a proposal at a lexicon trigger keeps the lexicon's entry)."""
    triggers = {i: best for i in trigger_candidates(doc, lexicon) if (best := best_trigger(doc[i], lexicon)) is not None}
    added = {i for i in proposed if i not in triggers}
    triggers.update((i, (proposed[i], None)) for i in added)
    return triggers, frozenset(added)


def _read_token(art: _Article, run: _Running, token) -> None:
    """The event at a trigger token, added to `run.found`, unless a step finds there is none."""
    trigger, noun = art.triggers[token.i]
    if not_an_event(token, noun, art.lexicon.roles, art.lexicon.grammar):  # a manner, a figure
        return
    if noun is not None and (trigger.absorbs or (art.triggers.get(noun.i) or (trigger,))[0].type == trigger.type):
        run.consumed.add(noun.i)  # "held talks": one event; "cancelled the meeting": REJECT, and a negated CONSULT
    who = _participants(art, run.found, token, trigger, noun)
    if who is None:
        return  # an interview
    trigger = who.trigger
    qualified = _modality(art, token, noun, trigger, _time(art, run, token))
    if qualified is None:
        return  # a habit with no listed occasion
    if qualified.modality in HAPPENED and may_date_story(qualified.time, art.context.published):  # a recalled meeting or a bare year is no main event
        run.main_time = main_event_time(run.main_time, qualified.time)
    place, stated, time = _place(art, run, token, noun, qualified, who)
    who.actors.extend(_visited_country(art, qualified.trigger, who.place_word, place, who.actors))
    event = _found(art, token, noun, qualified, who, time, place, stated)
    if meets_no_one(token, event.type, event.actors, art.lexicon.roles.counterpart_verbs):
        return  # "divers arrived at the port", "came to power": no one met
    # the classifier's: its event stands without actors, unless it lies off the root and names no one
    proposal = token.i in art.proposed and not (who.off_root and not who.actors)
    _add(art, run, token, event, qualified.listed, who, proposal)


def _participants(art: _Article, found: list[Found], token, trigger: Trigger, noun) -> _Who | None:
    """Who takes part in the event at `token`, with their roles; None for an interview."""
    actors, lexicon = art.actors, art.lexicon
    trigger, sources, targets, place_word = _arguments(art, found, token, trigger, noun)
    event_actors = with_roles(trigger, sources, targets)
    if trigger.type == "CONSULT" and interview(event_actors, lexicon.roles.media_words, frozenset(n for n, c in lexicon.sectors.of_noun.items() if c == "MED")):
        return None  # "officials, who spoke to the Associated Press": an interview, no meeting
    off_root = token.i in art.proposed and token.i != token.sent.root.i
    if token.i in art.proposed and not event_actors:  # the classifier's: who a reader takes to have done it
        event_actors = with_roles(trigger, proposal_sources(token, actors, lexicon.roles.anaphor_sentences), [])
    anaphoric = not event_actors and (
        _plural_referent(token, lexicon) or gathered_referents(token, trigger.particle, lexicon.gathered_pronouns))
    return _Who(trigger, sources, targets, event_actors, place_word, off_root, anaphoric)


def _arguments(art: _Article, found: list[Found], token, trigger: Trigger, noun) -> tuple[Trigger, list[EventActor], list[EventActor], object | None]:
    """(trigger, sources, targets, place word) of the event at `token` from the parse, with a
    type's default agent, a conjunct verb's targets, a state's speaker and the state a protest
    is against where the parse says less; a crowd's storming re-types the trigger as a riot."""
    actors, lexicon = art.actors, art.lexicon
    if trigger.pos == "VERB":
        sources, targets, place_word = verb_arguments(token, trigger, noun, actors)
        targets += inviters(token, trigger, [*sources, *targets], actors, lexicon)
    else:
        sources, targets, place_word = noun_arguments(token, trigger, actors, lexicon)
    if (riot := crowd_act(token, trigger, lexicon.sectors, lexicon.crowds, lexicon.grammar.genitive_preps)) is not None:  # "protesters stormed the parliament": a protest
        trigger, sources = riot, sources or actors.default_agent(token, lexicon.roles.default_agent("PROTEST"))
    unsaid = trigger.pos == "NOUN" or not any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in token.children)
    means = trigger.pos != "NOUN" or token.dep_ == "pobj" and token.head.lower_ in lexicon.roles.means_preps  # "with tear gas"
    agent = (None if means else lexicon.roles.default_agent(trigger.mode or "")) or lexicon.roles.default_agent(trigger.type)
    if not sources and unsaid and agent:  # "protests broke out in X", "fled the tear gas"; not "they looted"
        sources = actors.default_agent(token, agent)
    if trigger.pos == "VERB" and trigger.roles == "directed" and not targets:  # "closed its borders with X and imposed sanctions"
        targets = conjunct_targets(token, found, sources)
    if trigger.pos == "VERB" and trigger.roles == "directed":  # "mobilized warplanes", "expelled Togolese diplomats"
        targets = actors.settled_targets(token, trigger, sources, targets)
        sources, targets = actors.speaker_for_state(token, trigger, sources, targets)  # "X told Y that <X's state> opposes"
    sources = unmirrored_sources(token, trigger.roles, sources, targets, actors)  # "officials accusing X": not X's
    targets = state_targets(token, trigger, sources, targets, actors)  # "students protested": against their state
    targets = followers_protest_targets(token, trigger.type, sources, targets, actors)  # "X's supporters blocked roads"
    targets = protested_leaders(token, trigger.type, targets, actors)  # "protests against President X's victory": X
    targets = answered_accusers(token, trigger.type, sources, targets, found, lexicon.sides)  # "Y denied the charges": X's
    targets = retold_targets(token, trigger.type, sources, targets, found, lexicon.retold)  # "... Sweden's bid. Turkey ratified the request": Sweden
    return trigger, sources, targets, place_word


def _time(art: _Article, run: _Running, token) -> TimeValue:
    """When the event at `token` happened, before its modality is known."""
    return event_time(art.doc, token, art.context, art.dating, art.since, run.found, run.main_time, art.lexicon, art.time_rules)


def _modality(art: _Article, token, noun, trigger: Trigger, time: TimeValue) -> _Qualified | None:
    """The modality of the event at `token`, and what it settles: a habit's listed occasions
    (None: a habit with none), a preview of an event the article may report, a past act or
    the last occasion before a "not since", a refusal's type."""
    lexicon, context, time_rules = art.lexicon, art.context, art.time_rules
    modality = event_modality(token, noun, lexicon, time_rules, time, context.published, trigger.type)
    listed = daily_meetings(token, time, time_rules) if modality in HAPPENED else []  # "closed two days of talks": one a day
    if modality == "habitual" and trigger.type != "CONSULT" and (told_in_past(token) or told_in_perfect(token)):
        modality = "reported"  # "police repeatedly fired tear gas at X's rallies", "X has repeatedly denied it": acts the article reports
        time = repeated_period(time)  # over a period: its month, unless a date of its own says more
    if modality == "habitual":  # "they meet regularly": no one event, unless its occasions are listed
        listed = listed_occasions(token, art.dating, art.actors.places, context.places,
                                  lexicon.modality.occasion_counts, lexicon.modality.occasion_nouns)
        if not listed:
            return None
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
    if modality == "negated" and art.since:  # "have not met since July": they met in July
        last = last_occurrence(art.doc, token, art.since, time_rules)
        if last is not None:
            time, modality = last, "historical"
    if modality == "negated" and trigger.type in lexicon.modality.refused_types:  # "would not recognise the vote"
        trigger, modality = replace(trigger, type=lexicon.modality.refused_types[trigger.type], mode=None), "reported"
    return _Qualified(trigger, modality, time, listed, aim, ahead, follows, preview)


def _place(art: _Article, run: _Running, token, noun, qualified: _Qualified, who: _Who) -> tuple[str | None, bool, TimeValue]:
    """(place, stated, time) of the event at `token`: where it happened, whether its own
    sentence says so (not a trip's or the dateline's), and its time once set beside the
    main event's place (`_beside_main`)."""
    context, lexicon, trigger, time = art.context, art.lexicon, qualified.trigger, qualified.time
    others = other_type_triggers(art.triggers, trigger.type)  # "in response to the attack in X"
    place = event_place(token, noun, who.place_word, art.actors, context, lexicon.places, others)
    place = struck_city(token, trigger.type, who.actors, art.actors.places, context.places, lexicon.roles.place_target_types) or place
    if time.rule.startswith("last-before-negated-since") and who.place_word is None:
        place = None  # "have not met since July": where they last met is not this sentence's place
    place = place or hosting_city(token, trigger.roles, art.actors, context)  # "Beijing hosted X"
    if place is None and trigger.mode != "PHONE":
        place = trip_destination(token, who.actors, art.actors, context, lexicon.places,
                                 lexicon.modality.hypothetical_auxiliaries | art.time_rules.future_auxiliaries)
    stated = place is not None  # the sentence's own place, not a trip's or the dateline's
    if qualified.modality in HAPPENED:
        time = _beside_main(run, context, time, place, stated)
    if place is None and trigger.mode != "PHONE" and dateline_applies(time, qualified.modality, context.published):
        place = art.dateline
    place = finer_place(place, token, art.actors, context, art.dateline, lexicon.places)
    return place, stated, time


def _beside_main(run: _Running, context: ArticleContext, time: TimeValue, place: str | None, stated: bool) -> TimeValue:
    """A happened event's time beside the main event's place ("also met X in Berlin", the
    main event in Geneva: another occasion); the first stated place of the main event's
    day becomes the main place."""
    if run.main_time is not run.main_seen:
        run.main_place, run.main_seen = None, run.main_time
    time = away_from_main(time, place, stated, run.main_place, context.places, context.published)
    if run.main_place is None and stated and (time is run.main_time or time.rule.startswith("main-event:")):
        run.main_place = place  # the main event's place: the first its day's mentions state
    return time


def _visited_country(art: _Article, trigger: Trigger, place_word, place: str | None, event_actors: list[EventActor]) -> list[EventActor]:
    """"visited Kenya": the visited country as the target of a visit that names none."""
    if trigger.roles == "visit" and place_word is not None and not any(a.role == "target" for a in event_actors):
        country = art.context.places[place].country if place in art.context.places else None
        if country and country in art.kb.countries:
            return [art.actors.describe(country, None, "target", place_word.idx, place_word.idx + len(place_word.text))]
    return []


def _found(art: _Article, token, noun, qualified: _Qualified, who: _Who, time: TimeValue, place: str | None, stated: bool) -> Found:
    """The event at `token` as found: its evidence and confidence; a meeting's host implied
    by a visit and its mode (a call has no one place)."""
    trigger, modality, lexicon = qualified.trigger, qualified.modality, art.lexicon
    sentence = token.sent
    extent = _extent(token, noun, trigger)
    evidence = Evidence(sentence.start_char, sentence.end_char, *extent, art.actors.text[extent[0] : extent[1]])
    completeness = 1.0 if len(who.actors) >= 2 else 0.8 if who.actors else 0.5
    if any(a.i in art.triggers and a.i not in art.added and a.i != (noun.i if noun is not None else -1)
           for a in token.ancestors):
        completeness *= 0.6  # inside another event's words ("urged X to free ...", "lift sanctions"): not the sentence's main event
    event = Found(
        type=trigger.type, mode=trigger.mode, trigger=trigger, token=token, extent=extent,
        actors=who.actors, modality=modality, time=time, place=place,
        confidence=round(trigger.confidence * completeness, 3), evidence=[evidence], preview=qualified.preview, stated=stated,
        sides=event_sides(who.sources, who.targets), aim=qualified.aim, ahead=qualified.ahead, follows=qualified.follows,
        said=modality == "planned" and said_before(token, lexicon.modality.speech_verbs),
    )
    if trigger.type == "CONSULT" and not (modality in HAPPENED and unreal_form(token, art.time_rules)):
        event.actors, event.implied = art.actors.with_implied_host(event.actors, time, token, trigger)
        event.confidence = round(event.confidence * (0.8 if event.implied else 1.0), 3)
        mode, roles = consult_mode(event, art.context)
        event.mode, event.actors = mode, roles
        if mode == "PHONE":  # a call has no one place
            event.place = None
    return event


def _add(art: _Article, run: _Running, token, event: Found, listed: list, who: _Who, proposal: bool) -> None:
    """Add the event at `token` to `run.found`: one per listed occasion; an event naming no
    one merged into the earlier one it refers to ("their first meeting", "the two met")."""
    context, lexicon, found = art.context, art.lexicon, run.found
    occasions = [  # "met twice: in A in July and in B in May": one event per item
        replace(event, time=when, place=where or event.place, stated=bool(where), listed=True,
                modality=dated_modality(when, context.published, lexicon.modality) or "reported",
                actors=list(event.actors), evidence=list(event.evidence))
        for when, where in listed
    ]
    for event in occasions or [event]:
        if not who.actors and not who.anaphoric and not proposal and event.trigger.type.lower() not in lexicon.anonymous_types:
            merge_anaphor(found, event, _plural_possessor(token, lexicon) or bool(occasions), context.places,
                          named=_plural_owned(token, lexicon))
            continue
        if who.anaphoric and event.modality == "historical" and found:  # "the two have not met since"
            earlier = next((e for e in reversed(found) if e.type == event.type and len(e.actors) >= 2), None)
            if earlier is not None:
                event.actors = [replace(a, start=a.start, end=a.end) for a in earlier.actors]
                merge_event(found, event, context.places)
            continue
        if who.anaphoric:
            merge_anaphor(found, event, True, context.places, named=True)
            continue
        merge_event(found, event, context.places)


def _article_passes(art: _Article, found: list[Found]) -> list[Found]:
    """The article's events once every token is read: dated from the title and the lead,
    consolidated, placed, and news of an undated happening put in its news window."""
    dated_from_title_and_lead(found, art.doc, art.context, art.time_rules)
    events = without_implied_duplicates(fold_titles(consolidate(found, art.lexicon, art.context.places)), art.context.published)
    events = bilaterals(events, art.actors.text, art.lexicon, frozenset(art.time_rules.units))
    sequenced_counterparts(events, art.lexicon.sequence_verbs, art.lexicon.sequence_determiners)
    agendas = meal_agendas(events, art.lexicon.modality.meal_words, is_dated)  # "after the talks, they plan to have lunch"
    events = [e for i, e in enumerate(events) if i not in agendas]
    place_events(events, art.doc, art.context, art.lexicon, art.kb, art.actors, art.triggers)
    threatened_targets(events, art.lexicon.roles.threat_types)  # "threatened to kidnap schoolgirls": the schoolgirls
    for event in events:  # news of an undated happening: on the publication day or the day before
        if event.modality in HAPPENED:
            event.time = news_window(event.time, art.time_rules)
    return events


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
