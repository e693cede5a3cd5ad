"""The date of a headline's event: a headline in the present tense ("X rejects election
result", "Y calls for talks") reports the article's lead event, which the body dates ("on
Monday"); known only as of publication, it takes that date when the lead event is a day
shortly before publication. Pure functions over spaCy sentences and time values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

import re

from chronicle.dates import month_names
from chronicle.model import TimeValue

_CLOSING = (".", "!", "?", '"', "”", "'", "’", ":")
_STOPS = (".", "!", "?", ",")
_SINGLE_QUOTES = ("'", "’")


def in_title_block(sentence) -> bool:
    """Whether a sentence is part of the title block: neither it nor any sentence before it
    ends like a sentence of the body (a full stop, a question or exclamation mark, a quote).
    A single quote mark round the last words ("X expels 23 'spies'") ends a title as well:
    it closes a body sentence only after a stop ('... he said, 'we will stay.'')."""
    for sent in sentence.doc.sents:
        words = [w for w in sent if not w.is_space]
        if words and words[-1].text in _CLOSING and not _quoted_title_word(words):
            return False
        if sent.start >= sentence.start:
            return True
    return False


def _quoted_title_word(words) -> bool:
    """A sentence ending in a single quote mark with no stop before it: a headline's quoted word."""
    return words[-1].text in _SINGLE_QUOTES and len(words) > 1 and words[-2].text not in _STOPS


def lead_time(dated: Sequence[tuple[object, TimeValue]]) -> TimeValue | None:
    """The day of the article's lead: of the happened events (sentence, time) in text order,
    those of the first body sentence (after the title block); the first of them dated to
    the day by words of its own ("on Monday"), else None (a lead known only as of
    publication: "X and Y are meeting")."""
    body = [(sentence, time) for sentence, time in dated if not in_title_block(sentence)]
    if not body:
        return None
    first = body[0][0].start
    return next((time for sentence, time in body if sentence.start == first and time.precision == "day"
                 and time.expression and not time.rule.startswith(("published", "main-event:"))), None)


def headline_time(time: TimeValue, sentence, lead: TimeValue | None, published: dt.date | None,
                  max_days: int = 3) -> TimeValue:
    """A title-block event dated only by publication takes the lead's day (`lead_time`) when
    that is at most `max_days` before publication; any other time stays."""
    if time.rule != "published" or lead is None or published is None:
        return time
    day = dt.date.fromisoformat((lead.value or "")[:10])
    if not 0 <= (published - day).days <= max_days or not in_title_block(sentence):
        return time
    return replace(lead, rule=f"main-event:{lead.rule}")


def body_index(sentence) -> int | None:
    """The position of a sentence among the body's (after the title block), from 0; None
    for a title-block sentence."""
    index = 0
    for sent in sentence.doc.sents:
        if in_title_block(sent):
            continue
        if sent.start >= sentence.start:
            return index if sent.start == sentence.start else None
        index += 1
    return None


def lead_paragraph_time(time: TimeValue, sentence, lead: TimeValue | None, published: dt.date | None,
                        lead_sentences: int = 6, max_days: int = 3) -> TimeValue:
    """An event of the article's first `lead_sentences` body sentences dated only by
    publication ("He also urged X to ...", "Women burned their hijabs ... as protests
    continued on Tuesday") happened on the lead's day (`lead_time`) when that is at most
    `max_days` before publication; any other time stays."""
    if time.rule != "published" or lead is None or published is None:
        return time
    day = dt.date.fromisoformat((lead.value or "")[:10])
    index = body_index(sentence)
    if not 0 <= (published - day).days <= max_days or index is None or index >= lead_sentences:
        return time
    return replace(lead, rule=f"main-event:{lead.rule}")


_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")


def written_day(times: Sequence[tuple[object, TimeValue]], ahead: Callable[[object], bool] = lambda _: False) -> TimeValue | None:
    """The latest full date (a day with its year) an undated page writes anywhere, in a
    caption, a dateline or an embedded post ("... on Sept. 15, 2020"): the day of the report
    its undated events belong to; None when it writes none. A day the text puts ahead of
    it (`ahead(expression)`: "a truce is set to take effect on Wednesday November 27, 2024")
    is not the report's day, only its bound: without another day, the report is of the
    month of the day before it (month precision, `ahead_month`)."""
    days = [(expression, time) for expression, time in times if time.resolved and time.precision == "day"
            and not time.open_ended and _YEAR.search(time.expression or "")]
    told = [time for expression, time in days if not ahead(expression)]
    if told:
        return max(told, key=lambda t: t.value or "")
    return ahead_month(min((time for _, time in days), key=lambda t: t.value or "", default=None))


def ahead_month(time: TimeValue | None) -> TimeValue | None:
    """The month of the day before `time` (a day the text puts ahead of its report), at
    month precision; None without one."""
    if time is None or not time.value:
        return None
    before = dt.date.fromisoformat(time.value[:10]) - dt.timedelta(days=1)
    return replace(time, value=before.strftime("%Y-%m"), end=None, precision="month", rule=f"ahead:{time.rule}")


def undated_page_time(time: TimeValue, written: TimeValue | None, published: dt.date | None) -> TimeValue:
    """A reported event of a page without a publication date and with no date of its own
    takes the page's latest full date (`written_day`); any other time stays."""
    if published is not None or written is None or time.resolved:
        return time
    return replace(written, rule=f"written-day:{written.rule}")


def undated_page_meeting_time(time: TimeValue, written: TimeValue | None, published: dt.date | None,
                              day_words: Mapping[str, int]) -> TimeValue:
    """A meeting reported on a page without a publication date: with no time words of its
    own ("X and Y are holding talks"), it takes the page's latest full date (`written_day`);
    dated by a day word only ("today", "yesterday", `day_words`: days after the anchor), that
    day counted from the written date; by a day without its year ("on Sept. 23"), that day
    nearest the written date. Any other unanchored time ("on Monday", "last month") stays:
    the page's date does not say which Monday, nor whether it is the meeting's."""
    if published is not None or written is None or time.resolved:
        return time
    if not time.expression.strip():
        return replace(written, rule=f"written-day:{written.rule}")
    offset = day_words.get(time.expression.strip().lower())
    if offset is None:
        return _nearest_month_day(time, written)
    day = dt.date.fromisoformat((written.value or "")[:10]) + dt.timedelta(days=offset)
    return replace(written, value=day.isoformat(), end=None, expression=time.expression,
                   anchor=written.value, rule=f"written-day:{time.rule}")


def _nearest_month_day(time: TimeValue, written: TimeValue) -> TimeValue:
    """A day written without its year ("Sept. 23", unresolved) in the year, before, of or
    after the written date's, whichever is nearest it; any other time stays."""
    if time.rule != "date:no-anchor":
        return time
    words = re.findall(r"[a-z]+|\d+", time.expression.lower())
    months = [month_names()[w] for w in words if w in month_names()]
    days = [int(w) for w in words if w.isdigit() and 1 <= int(w) <= 31]
    if len(months) != 1 or len(days) != 1 or any(w.isdigit() and len(w) == 4 for w in words):
        return time
    anchor = dt.date.fromisoformat((written.value or "")[:10])
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(dt.date(year, months[0], days[0]))
        except ValueError:
            continue
    if not candidates:
        return time
    day = min(candidates, key=lambda d: abs((d - anchor).days))
    return replace(written, value=day.isoformat(), end=None, expression=time.expression,
                   anchor=written.value, rule=f"written-day:{time.rule}")
