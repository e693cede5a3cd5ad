"""An interview is no meeting (issue 19, spurious mentions): "officials, who spoke to the
<news agency> on condition of anonymity", "X told <broadcaster> in an interview". A
meeting whose counterpart is a news medium (a name with one of `media_words`, data/
roles.yaml, or a generic actor of the MED sector: "reporters") is a statement to the
press, not a meeting. Pure function, used by extract/events.py.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from chronicle.model import EventActor


def news_medium(actor: EventActor, media_words: frozenset[str], media_nouns: frozenset[str] = frozenset()) -> bool:
    """Whether an actor is a news medium: an organization or unknown name with a word of
    `media_words` ("the Associated Press", "Daily Times"), or a generic group of one of
    `media_nouns` ("reporters"). A person is never one."""
    if actor.kind == "person":
        return False
    parts = actor.id.split(":")
    if actor.kind == "group" and len(parts) == 3 and parts[2] in media_nouns:
        return True
    return any(word in media_words for word in re.findall(r"[a-z]+", (actor.name or "").lower()))


def interview(actors: Sequence[EventActor], media_words: frozenset[str], media_nouns: frozenset[str] = frozenset()) -> bool:
    """Whether a meeting's actors include a news medium: an interview or a briefing."""
    return any(news_medium(a, media_words, media_nouns) for a in actors)
