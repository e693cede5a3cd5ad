"""When an event happened, before its modality is known (the time step of extract/events.py):
a recalled occasion ("have not met since"), the expression that dates it (`attach_time`), a
stay's days, a day counted from the story's last dated event or sequenced against a nearby
one, a perfect as news of publication or undated background, a pluperfect's earlier
occasion, a date carried from before, a week counted back from the report; and the
article's main event time (`main_event_time`), which undated events borrow."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from chronicle.extract.context import ArticleContext, Found
from chronicle.extract.lexicon import EventLexicon
from chronicle.extract.merging import perfect_aspect
from chronicle.extract.narrative import background_main_time, carried_date, news_perfect_time
from chronicle.extract.periods import is_dated
from chronicle.extract.recalled import pluperfect_time, recalled_time
from chronicle.model import HAPPENED, TimeValue
from chronicle.resolve.news_times import present_news_time, published_time, recent_window
from chronicle.resolve.page_month import page_month_time
from chronicle.resolve.relative_times import counted_from_report, relative_to_event, sequenced_time
from chronicle.resolve.stays import stay_days
from chronicle.resolve.time_attachment import attach_time
from chronicle.resolve.time_rules import TimeExpression, TimeRules


def event_time(doc, token, context: ArticleContext, dating, since, found: list[Found], main_time: TimeValue | None,
               lexicon: EventLexicon, rules: TimeRules) -> TimeValue:
    """When the event at `token` happened, before its modality is known: `dating` are the
    article's dates that date events, `since` its open-ended ones ("since 2015"), `found`
    the events before it, `main_time` the article's main event time so far."""
    time = recalled_time(token, since, lexicon.modality.recall_markers) or _event_time(doc, token, context, dating, found, main_time, rules)
    time = pluperfect_time(token, time, lexicon.modality.perfect_auxiliaries)  # "had helped" in April 2018: an earlier occasion
    if not is_dated(time):
        time = carried_date(token, dating, context.published) or time  # "In May 2014, ... . They had talks": May 2014
    # "came to power in 1994. The US condemned ...": news; "has ordered ..." in the lead: news
    time = news_perfect_time(background_main_time(time, context.published), token, context.times, context.published)
    time = recent_window(token, time, context.published, rules)  # "recent meetings with X": the weeks before
    return counted_from_report(doc, token.i, dating, time, context.published, rules)  # "a week after admitting defeat"


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
    if (time.rule == "published" or time.rule.startswith("main-event:")) and perfect_aspect(token, rules.grammar.perfect_auxiliaries):
        time = _perfect_time(token, context.times, context.published)
    if time.rule == "published" or time.rule.startswith("main-event:"):  # "are holding talks", "says at a news conference"
        time = present_news_time(token, context.published, rules) or time
    if time.rule == "unresolved":  # a page known only by its month: news of that month
        time = page_month_time(context.page_month) or time
    return time


def _perfect_time(token, times: Sequence[tuple[TimeExpression, TimeValue]], published: dt.date | None) -> TimeValue:
    """A perfect with no time of its own: news as of the publication date ("Merkel has met
    Ruto in Nairobi"), unless its sentence dates other things, which makes it background ("has
    spoken with him by phone and met him in Paris in November"): some time before, undated."""
    sentence = token.sent
    if any(sentence.start_char <= e.start < sentence.end_char for e, _ in times):
        return TimeValue(None, None, "vague", "", None, "perfect-aspect")
    return published_time(published, "published:perfect")


def main_event_time(current: TimeValue | None, time: TimeValue) -> TimeValue | None:
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
