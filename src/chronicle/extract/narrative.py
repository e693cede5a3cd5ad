"""Background told as a dated narrative (issue 14, family 1): "In November 2014, X stayed
on for a state visit. ... where they had five hours of talks." A sentence that opens on
an explicit date sets the time of the next sentence's undated "they" / "their" event, so
that it is not merged into an earlier meeting of the same pair.

Pure functions over spaCy tokens and the article's resolved time expressions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from chronicle.extract.headlines import body_index, in_title_block
from chronicle.model import STATED_PRECISIONS
from chronicle.nlp import doc_text
from chronicle.resolve.news_times import published_time

# how far into a sentence a date still frames it ("In November 2014, ..."; "Then, in May, ...")
FRAME_TOKENS = 4


def framing_date(sentence, dating: Sequence[tuple]):
    """The explicit date a sentence opens on ("In November 2014, ..."), or None: the
    sentence's one dating expression within its first few words."""
    head_end = sentence[min(FRAME_TOKENS, len(sentence) - 1)].idx
    opening = [
        value for expr, value in dating
        if sentence.start_char <= expr.start <= head_end and value.resolved and value.precision in STATED_PRECISIONS
    ]
    return opening[0] if len(opening) == 1 else None


def carried_date(token, dating: Sequence[tuple], published: dt.date | None, background_days: int = 30):
    """The date of an undated event at `token` told right after a sentence of its paragraph
    framed by a background date (well before publication), when its own sentence states
    none: that frame's date, else None."""
    sentence = token.sent
    if sentence.start == 0 or any(sentence.start_char <= expr.start < sentence.end_char for expr, _ in dating):
        return None
    previous = token.doc[sentence.start - 1].sent
    if "\n" in doc_text(token.doc)[previous.start_char : sentence.start_char]:
        return None  # a new paragraph leaves the frame
    frame = framing_date(previous, dating)
    if frame is None or published is None:
        return None
    return frame if _ends_before(frame, published - dt.timedelta(days=background_days)) else None


def _ends_before(value, day: dt.date) -> bool:
    """Whether a resolved date ("2014-11", "2013", "2014-11-03") ends before `day`."""
    text = value.end or value.value
    year, *rest = text.split("-")
    if not rest:
        return int(year) < day.year
    if len(rest) == 1:
        return (int(year), int(rest[0])) < (day.year, day.month)
    return dt.date.fromisoformat(text[:10]) < day


def background_main_time(time, published: dt.date | None, background_days: int = 30):
    """An event that borrowed the article's main time ("main-event:") when that time is
    background well before publication ("Jammeh, who came to power in 1994, ... . The US
    condemned the statement"): news as of publication, as if no main time were known
    (`published_time`); any other time stays. Without a publication date nothing is known
    of the background, and it stays too."""
    if published is None or not time.rule.startswith("main-event:") or not time.resolved:
        return time
    if not _ends_before(time, published - dt.timedelta(days=background_days)):
        return time
    return published_time(published)


def news_perfect_time(time, token, dating: Sequence[tuple], published: dt.date | None):
    """A perfect left undated beside other time words ("perfect-aspect"): news as of
    publication (rule "published:perfect") when it is the article's lead ("X has ordered
    troops to withdraw ..., which Y captured after it invaded on February 24") or when none
    of its sentence's time words is a resolved date ("said he had held talks and would soon
    meet X"); any other stays (a perfect beside dated background in the body)."""
    if time.rule != "perfect-aspect" or published is None:
        return time
    sentence = token.sent
    dated_words = any(sentence.start_char <= expr.start < sentence.end_char and value.resolved for expr, value in dating)
    if dated_words and not (in_title_block(sentence) or body_index(sentence) == 0):
        return time
    return published_time(published, "published:perfect")
