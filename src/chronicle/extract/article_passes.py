"""The passes over an article's events once every token is read (`find_events`): dates
from the title and the lead, and places from all of an event's evidence, a complement, the
same day, a summit or a government's seat."""

from __future__ import annotations

from collections.abc import Mapping

from chronicle.extract.article_actors import ArticleActors
from chronicle.extract.complements import complement_place
from chronicle.extract.context import ArticleContext, Found
from chronicle.extract.event_places import evidence_city, meeting_placed, organisation_names, stated_place
from chronicle.extract.headlines import headline_time, lead_paragraph_time, lead_time, undated_page_meeting_time, undated_page_time, written_day
from chronicle.extract.lexicon import EventLexicon
from chronicle.extract.merging import same_day_places
from chronicle.extract.records import Trigger
from chronicle.extract.seats import names_field_organ, seat_place
from chronicle.extract.summits import summit_place
from chronicle.extract.triggers import other_type_triggers
from chronicle.kb import KnowledgeBase
from chronicle.model import HAPPENED
from chronicle.nlp import doc_text
from chronicle.resolve.time_rules import TimeExpression, TimeRules
from chronicle.resolve.clauses import clause_tense


def dated_from_title_and_lead(found: list[Found], doc, context: ArticleContext, time_rules: TimeRules) -> None:
    """"X rejects result" in the title: the lead event the body dates; reports after a dated
    lead; on an undated page, the date it writes."""
    lead = lead_time([(e.token.sent, e.time) for e in found if e.modality in HAPPENED])
    written = written_day(context.times, lambda e: said_ahead(doc, e, time_rules)) if context.published is None else None
    for event in found:  # "X rejects result" in the title: the lead event the body dates
        event.time = headline_time(event.time, event.token.sent, lead, context.published)
        if event.type != "CONSULT" and event.modality == "reported":  # "He also urged X ...", after a lead dated Monday
            event.time = lead_paragraph_time(event.time, event.token.sent, lead, context.published)
            event.time = undated_page_time(event.time, written, context.published)  # an undated page: its latest full date
        elif event.type == "CONSULT" and event.modality == "reported":  # "X and Y are holding talks" on an undated page: the date it writes
            event.time = undated_page_meeting_time(event.time, written, context.published, time_rules.day_words)


def place_events(events: list[Found], doc, context: ArticleContext, lexicon: EventLexicon, kb: KnowledgeBase,
                 actors: ArticleActors, triggers: Mapping[int, tuple[Trigger, object]]) -> None:
    """Each consolidated event's place from all its evidence; then a complement's, the same
    day's, a summit's or a government's seat where it has none."""
    for event in events:
        if event.time.rule.startswith("last-before-negated-since") or event.listed:
            continue  # "have not met since July": where they last met is not this sentence's place
        event.place = evidence_city(event, doc, actors, context, lexicon.places)
        others = other_type_triggers(triggers, event.type)
        event.place = stated_place(event, doc, actors, context, lexicon.places, others)
        if event.mode == "PHONE":  # a call has no one place, whatever a merged sentence said
            event.place = None
    placed = {e.token.i: e.place for e in events if e.place is not None}
    for event in events:  # "ordered troops to withdraw from X": the order is placed at X
        event.place = complement_place(event.token, placed, event.type, event.place, lexicon.roles.complement_place_types)
    same_day_places(events)
    text = doc_text(doc)  # built once per doc: spaCy joins every token's text at each `doc.text`
    meetings = [m for m in (meeting_placed(e, context, text) for e in events) if m is not None]
    for event in events:  # "ECOWAS said ... after a summit of ECOWAS leaders in Accra": at the summit
        event.place = summit_place(event.type, event.place, event.time.value if event.time.precision == "day" else None,
                                   event.actors, meetings, lexicon.roles.seat_types, organisation_names(event.actors, kb))
    for event in events:  # a government's statement or decision with no place: its seat
        event.place = seat_place(event.type, event.place, event.actors, context.places, context.seats,
                                 lexicon.roles.seat_types, lexicon.roles.seat_sectors,
                                 lexicon.roles.field_seat_types, lexicon.roles.field_sectors,
                                 names_field_organ(event.token, lexicon.sectors, lexicon.roles.field_sectors), lexicon.sectors)


def said_ahead(doc, expression: TimeExpression, rules: TimeRules) -> bool:
    """Whether the text puts a written date ahead of its report: the date's clause is a
    future one ("a truce is set to take effect on Wednesday November 27, 2024")."""
    span = doc.char_span(expression.start, expression.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and clause_tense(span.root, rules) == "future"
