"""Times known from the news itself: the publication day (`published_time`), the window a
happening reported that day may fall in (`news_window`, `report_window`), and the time of
an event the article tells in its present (`present_news_time`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from chronicle.model import TimeValue
from chronicle.resolve.clauses import clause_tense, event_clause_verb, word_forms
from chronicle.resolve.time_rules import TimeRules


def reporting_verb(verb, rules: TimeRules) -> bool:
    """A verb that reports a happening rather than being one ("reported", "told", "confirmed")."""
    return verb is not None and verb.lemma_.lower() in rules.reporting_verbs


def report_window(report: TimeValue, rules: TimeRules, published: dt.date | None = None) -> TimeValue:
    """The time of a happening known from a report dated `report` ("X met Y, the agency
    reported on Friday"): a day-dated report gives the range from `report_lag_days` before it
    to the report's day (rule prefixed "report:"); a coarser one is kept as it is. A past
    weekday the day after publication ("confirmed Wednesday" on a Tuesday's date) is that
    next day (`page_day_ahead`), not six days back."""
    if not report.resolved or report.precision != "day" or len(report.value or "") != 10:
        return report
    day = page_day_ahead(dt.date.fromisoformat(report.value), report.rule, published)
    start = day - dt.timedelta(days=rules.report_lag_days)
    end = report.end or report.value if day.isoformat() == report.value else day.isoformat()
    return replace(report, value=start.isoformat(), end=end, rule=f"report:{report.rule}")


def page_day_ahead(day: dt.date, rule: str, published: dt.date | None) -> dt.date:
    """A report's past weekday six days before the publication date, read as the day after
    it: the date the page carries is a day behind its time zone ("China confirmed Wednesday"
    on a page dated Tuesday reports that Wednesday, not last week's)."""
    if rule == "weekday:past" and published is not None and published - day == dt.timedelta(days=6):
        return published + dt.timedelta(days=1)
    return day


def news_window(time: TimeValue, rules: TimeRules) -> TimeValue:
    """A happening known only as of its report's publication day (precision "reported", no
    range yet): that day or up to `report_lag_days` before it, as a range whose end is the
    publication day (news of a call or a visit often comes out the day after); the
    precision stays "reported"."""
    if time.precision != "reported" or time.end or len(time.value or "") != 10 or not rules.report_lag_days:
        return time
    day = dt.date.fromisoformat(time.value)
    start = day - dt.timedelta(days=rules.report_lag_days)
    return replace(time, value=start.isoformat(), end=time.value)


def present_news_time(token, published: dt.date | None, rules: TimeRules) -> TimeValue | None:
    """The time of an event with no time of its own that the article tells in its present:
    in the present progressive ("are holding talks", "are mixing business with pleasure on the
    second day of the summit"), the publication day itself (precision day, rule
    "published:progressive"); inside the clause of a reporting verb in the simple present
    ("says during a news conference with X"), news of the publication day (`published_time`,
    rule "published:present-report"), not of the story's earlier main event. None otherwise
    (for a noun a word such as "recent" says is over, for words inside quotation marks, and
    for a participle under the progressive verb: "are tweeting photos of X meeting Y"), and
    without a publication day."""
    verb = event_clause_verb(token)
    if published is None or verb is None or clause_tense(token, rules) != "present":
        return None
    if any(word_forms(child) & rules.past_modifiers for child in token.children if child.dep_ in ("amod", "compound")):
        return None  # "is pointing to the benefits of recent meetings"
    auxiliaries = [c for c in verb.children if c.dep_ == "aux"]
    if _quoted(token):
        return None  # a speaker's present is the time of the words, not of the article
    if verb.tag_ == "VBG" and _told_by(token, verb) and any(a.lemma_.lower() in rules.grammar.copulas and "Pres" in a.morph.get("Tense") for a in auxiliaries):
        return replace(published_time(published, "published:progressive"), precision="day")
    if (verb.tag_ in ("VBZ", "VBP") and not auxiliaries and reporting_verb(verb, rules)
            and verb.i != token.i and any(t.i == token.i for t in verb.subtree)):
        return published_time(published, "published:present-report")
    return None


def _told_by(token, verb) -> bool:
    """Whether the progressive `verb` tells the event at `token` itself: the verb, its
    subject or object ("are holding [talks]"), or a noun in its prepositional phrases ("on
    the second day of the [summit]"); not a noun inside its object ("are tweeting photos of
    the [meeting]")."""
    path, node = [], token
    while node.i != verb.i:
        if node.head.i == node.i:
            return False
        path.append(node.dep_)
        node = node.head
    return len(path) <= 1 and (not path or path[0] in _TOLD_DEPS) or all(dep in ("prep", "pobj", "conj") for dep in path)


_TOLD_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "prep", "conj"})


def _quoted(token) -> bool:
    """Whether `token` stands inside quotation marks opened in its sentence."""
    marks = sum(1 for t in token.sent if t.i < token.i and t.text in _QUOTE_MARKS)
    opening = sum(1 for t in token.sent if t.i < token.i and t.text in _OPENING_MARKS)
    closing = sum(1 for t in token.sent if t.i < token.i and t.text in _CLOSING_MARKS)
    return marks % 2 == 1 or opening > closing


_QUOTE_MARKS = frozenset({'"', "''", "``"})
_OPENING_MARKS = frozenset({"“", "‘"})
_CLOSING_MARKS = frozenset({"”", "’"})


def published_time(published: dt.date | None, rule: str = "published") -> TimeValue:
    """An event known only as of the publication date: that day, precision "reported"
    (unresolved without one)."""
    if published is None:
        return TimeValue(value=None, end=None, precision="vague", expression="", anchor=None, rule="unresolved")
    iso = published.isoformat()
    return TimeValue(value=iso, end=None, precision="reported", expression="", anchor=iso, rule=rule)


def recent_window(token, time: TimeValue, published: dt.date | None, rules: TimeRules) -> TimeValue:
    """The time of an event word marked "recent" ("the benefits of recent meetings with X",
    "they recently held talks") that has no time of its own (`time` borrowed from the
    publication day or the story's main event): the `recent_days` up to the publication day,
    precision vague, rule "recent". Any other time stays: a date of its own ("their recent
    meeting on May 3"), a word not marked, a page with no publication day."""
    if published is None or not rules.recent_days or not _borrowed(time):
        return time
    words = [*token.children, *(token.head.children if token.dep_ == "dobj" else ())]  # "recently held [talks]"
    marks = [child for child in words if child.dep_ in ("amod", "advmod") and word_forms(child) & rules.recent_words]
    if not marks:
        return time
    start = published - dt.timedelta(days=rules.recent_days)
    return TimeValue(value=start.isoformat(), end=published.isoformat(), precision="vague",
                     expression=marks[0].text, anchor=published.isoformat(), rule="recent")


def _borrowed(time: TimeValue) -> bool:
    """A time the event's own words do not give: the publication day's, the main event's, or none."""
    return (not time.resolved or time.rule in ("published", "perfect-aspect")
            or time.rule.startswith(("published:", "main-event:")))
