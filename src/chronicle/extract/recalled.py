"""A meeting recalled in the clause of a "since" date: "her first visit since May 2018, when
the leaders met in Valdora". The "since" phrase dates no event of its own sentence (it opens an
interval), but the clause that hangs on its date, opened by "when", tells what happened then:
that event is dated to it (issue 14, family 5). The opening words are data
(data/events.yaml `modality.recall_markers`)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from chronicle.dates import month_names, weekday_names
from chronicle.model import TimeValue
from chronicle.resolve.time_rules import TimeExpression

CLAUSE_DEPS = ("relcl", "advcl")


def recalled_time(token, since: list[tuple[TimeExpression, TimeValue]], markers: frozenset[str]) -> TimeValue | None:
    """The date of the "since" expression whose words carry the clause of `token` (a trigger
    verb, or an event noun inside that clause) when the clause opens with one of `markers`;
    closed (not open-ended), rule prefixed "since-when:". None otherwise: "have not met since
    May" and "the first visit since May" keep their readings."""
    if not markers or not since:
        return None
    clause = next((t for t in (token, *token.ancestors) if t.dep_ in CLAUSE_DEPS), None)
    if clause is None or clause.head.i == clause.i:
        return None
    if not any(c.dep_ == "advmod" and c.lower_ in markers and c.i < clause.i for c in clause.children):
        return None
    head = clause.head
    for expression, value in since:
        if value.resolved and expression.start <= head.idx < expression.end:
            return replace(value, open_ended=False, rule=f"since-when:{value.rule}")
    return None


def recalled_apart(a: TimeValue, b: TimeValue, dated) -> bool:
    """Whether two mentions of an article stay apart because one is a meeting recalled on a
    "since" date (rule "since-when:") and the other gives no date of its own (`dated` says
    which do): an undated "the talks at the palace" is the article's meeting, not the one
    the since-clause recalls."""
    return any(recalled(t) for t in (a, b)) and not all(dated(t) for t in (a, b))


COARSE = ("month", "year")  # a past-perfect clause dated no finer than this tells background


def pluperfect_time(token, time: TimeValue, perfect_auxiliaries: frozenset[str]) -> TimeValue:
    """`time`, rule prefixed "recalled:", when the event at `token` is told in the past perfect
    and dated by its own words to a month or a year: "Modi and Xi's first summit in Wuhan in
    April 2018 had helped ...", "they had met in Oslo in 2016" recall an earlier occasion, not
    the story's. "had met earlier on Friday" (a day: the story's own day) keeps its time."""
    if not time.resolved or time.precision not in COARSE or time.rule.startswith(("main-event:", "since-when:")):
        return time
    verb = next((t for t in (token, *token.ancestors) if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.tag_ != "VBN":
        return time
    if not any(c.dep_ == "aux" and c.lower_ in perfect_auxiliaries for c in verb.children):
        return time
    return replace(time, rule=f"recalled:{time.rule}")


def recalled(time: TimeValue) -> bool:
    """Whether a mention's time marks an earlier occasion the article recalls (a "since"
    clause's or a past perfect's): no main event, kept apart from undated mentions."""
    return time.rule.startswith(("since-when:", "recalled:"))


def may_date_story(time: TimeValue, published) -> bool:
    """Whether a happened mention's time may be the article's main time, which dates the
    mentions with no time of their own: not a recalled occasion, and on a page with no
    publication date (`published` None) not a bare year ("a throwback to their meeting in
    1985"): there a year is background, never the day of the news. (With a publication
    date the bare year still dates; tried, dating those mentions to the publication day
    instead split a dev3 fused event.)"""
    return not recalled(time) and not (published is None and time.precision == "year")


STORY_DAY_RULES = ("weekday:no-anchor", "weekday-range:no-anchor", "day-word:no-anchor")


def told_apart(a: TimeValue, b: TimeValue) -> bool:
    """Whether two mentions' own words date them to different occasions although neither
    date can be checked against the other: on a page with no publication date, "on Saturday"
    or "yesterday" (unresolved) names a day of the story's week, while a month or a year
    written out in full ("the meeting in December 2019") names another time. The story's day
    does not take that month: "talks in the palace on Saturday" and "agreed during the
    summit in December 2019" stay two occasions."""
    for day, other in ((a, b), (b, a)):
        if day.rule in STORY_DAY_RULES and other.resolved and other.precision in COARSE \
                and not other.rule.startswith(("main-event:", "published", "period:")):
            return True
    return False


def other_story_day(a: TimeValue, b: TimeValue, a_words: Iterable[str], b_words: Iterable[str]) -> bool:
    """Whether two mentions dated by unresolved weekdays (a page with no publication date)
    fall on different days of the story's week: the weekdays their sentences name (`a_words`,
    `b_words`) do not meet. "will spend six hours in talks on Saturday" is not the summit
    that opened "on Friday"; "met on Tuesday" and "met on Monday and Tuesday" may be one."""
    if a.rule != "weekday:no-anchor" or b.rule != "weekday:no-anchor":
        return False
    days = [_weekdays_named(words) for words in (a_words, b_words)]
    return all(days) and not days[0] & days[1]


def _weekdays_named(words: Iterable[str]) -> set[int]:
    names = weekday_names()
    return {names[w.lower()] for w in words if w.lower() in names}


def other_month(a: TimeValue, b: TimeValue) -> bool:
    """Whether a day written without its year on a page with no publication date ("on Sept.
    23", unresolved) falls in another month than a date the other mention resolves to the
    day or the month ("on Aug. 18, 2025"): two occasions, whatever the year."""
    for loose, other in ((a, b), (b, a)):
        if loose.rule != "date:no-anchor" or not other.resolved or other.precision not in ("day", "month"):
            continue
        if other.rule.startswith(("main-event:", "published")):
            continue
        months = {month_names()[w] for w in re.findall(r"[a-z]+", loose.expression.lower()) if w in month_names()}
        if len(months) == 1 and int((other.value or "0000-00")[5:7]) not in months:
            return True
    return False
