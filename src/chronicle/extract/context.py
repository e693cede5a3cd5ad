"""What the event finder knows of an article beyond a sentence (`ArticleContext`) and the
event it is building (`Found`), with the index of resolved mentions by token."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from chronicle.extract.records import Trigger
from chronicle.model import EventActor, Evidence, Mention, Place, RoleEvidence, TimeValue
from chronicle.resolve.time_rules import TimeExpression


@dataclass(frozen=True)
class ArticleContext:
    """What event extraction needs besides the parse: the resolved mentions and the dates."""

    actor_mentions: Sequence[Mention]
    place_mentions: Sequence[Mention]
    places: Mapping[str, Place]
    times: Sequence[tuple[TimeExpression, TimeValue]]
    published: dt.date | None
    corpus_names: Mapping[str, tuple[str, str]] = field(default_factory=dict)  # id -> (name, kind)
    role_evidence: Sequence[RoleEvidence] = ()  # titles the article gives its persons
    seats: Mapping[str, Place] = field(default_factory=dict)  # ISO3 -> its seat of government (extract/seats.py)
    page_month: str | None = None  # yyyy-mm: the page's month when its day is not known (resolve/page_month.py)


@dataclass
class Found:
    """An event mention being built."""

    type: str
    mode: str | None
    trigger: Trigger
    token: object  # the trigger token
    extent: tuple[int, int]  # trigger words, char offsets
    actors: list[EventActor]
    modality: str
    time: TimeValue
    place: str | None
    confidence: float
    evidence: list[Evidence]
    preview: bool = False  # the aim of a trip, the setting of a plan: planned unless the article reports it
    stated: bool = False  # its place is its sentence's own (not the dateline's)
    implied: bool = False  # a participant stands for a visited or hosting country
    sides: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())  # persons named as sources, as targets
    aim: bool = False  # told as the aim of a journey ("arrived for talks with X")
    listed: bool = False  # one item of a counted list ("met twice: in A in May and in B in June"): its place is the item's
    ahead: bool = False  # a preview dated by the clause it is ahead of ("shook hands on Sunday ahead of their summit")
    follows: bool = False  # more of a meeting under way ("were expected to have more discussions Saturday")
    said: bool = False  # a plan told in words said in the past ("X said A and B will meet"): see _fold_previews
    announced: bool = False  # a plan of it told as still ahead was folded in ("will leave early to make the meeting")


def span_index(doc, mentions: Sequence[Mention]) -> dict[int, Mention]:
    """token index -> the resolved mention covering it (the longest, for overlaps)."""
    index: dict[int, Mention] = {}
    for mention in sorted(mentions, key=lambda m: m.end - m.start):
        if not mention.value:
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        for token in span or ():
            index[token.i] = mention
    return index


def alike_mentions(mentions: Sequence[Mention]) -> dict[tuple[int, int], list[Mention]]:
    """(start, end) -> the resolved descriptions sharing those words, where there are
    several persons ("the Iranian and Turkish presidents": one per country)."""
    spans: dict[tuple[int, int], list[Mention]] = {}
    for mention in mentions:
        if mention.value and mention.label == "ROLE":
            spans.setdefault((mention.start, mention.end), []).append(mention)
    return {span: found for span, found in spans.items() if len({m.value for m in found}) > 1}
