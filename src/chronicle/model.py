"""The records chronicle reads, builds and stores: dataclasses, nothing else."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Literal, get_args

# How an article tells an event (docs/events.md): it happened (reported; historical: long
# before the article), it is planned, it might happen, or it did not.
Modality = Literal["reported", "historical", "planned", "hypothetical", "negated"]
MODALITIES: tuple[Modality, ...] = get_args(Modality)
HAPPENED: frozenset[Modality] = frozenset({"reported", "historical"})  # the modalities that say an event took place

# How precise a resolved time is; "reported": the day the article was published.
Precision = Literal["day", "week", "month", "year", "vague", "reported"]
PRECISIONS: tuple[Precision, ...] = get_args(Precision)
STATED_PRECISIONS: frozenset[Precision] = frozenset({"day", "week", "month", "year"})  # a time the text itself dates (not vague, not only its report)


@dataclass(frozen=True)
class Document:
    """One input article as a reader found it, before cleaning.

    `text` is the article's raw text (for HTML, the main text trafilatura extracted);
    `source` says where it came from ("path", "path:line 12", "path:record 3", "-").
    """

    source: str
    format: str  # text | jsonl | html | warc | feed
    text: str
    id: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None  # as the input's metadata gives it, any common format
    published_source: str | None = None  # metadata | html | html-guess (how the metadata knew it)
    crawled: str | None = None  # retrieval time (WARC-Date): an upper bound for publication
    language: str | None = None
    extracted: bool = False  # `text` is the main text extracted from a page (no site header above it)


@dataclass(frozen=True)
class Problem:
    """An input that was skipped, with a stable code and a reason a person can act on."""

    source: str
    code: str
    reason: str


@dataclass(frozen=True)
class OffsetMap:
    """Maps offsets in the clean text to offsets in the raw text.

    `segments` are (clean_start, raw_start, length) runs, sorted, non-overlapping: each
    run of clean text is a verbatim copy of raw text.
    """

    segments: tuple[tuple[int, int, int], ...]
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "segments", tuple(tuple(seg) for seg in self.segments))
        object.__setattr__(self, "_starts", tuple(seg[0] for seg in self.segments))

    def to_raw(self, offset: int) -> int:
        """The raw offset of a clean offset (an end offset maps to the end of its run)."""
        if not self.segments:
            return offset
        index = max(bisect_right(self._starts, offset) - 1, 0)
        clean_start, raw_start, length = self.segments[index]
        return raw_start + min(max(offset - clean_start, 0), length)

    def span_to_raw(self, start: int, end: int) -> tuple[int, int]:
        """A clean span as a raw span; the end is mapped as an exclusive end."""
        raw_start = self.to_raw(start)
        raw_end = self.to_raw(end - 1) + 1 if end > start else raw_start
        return raw_start, raw_end


@dataclass(frozen=True)
class Removal:
    """A raw-text span the cleaner dropped, and the rule that dropped it."""

    start: int
    end: int
    reason: str


@dataclass(frozen=True)
class CleanText:
    """The cleaner's output: clean text, its map back to the raw text, and what it removed."""

    text: str
    offsets: OffsetMap
    removed: tuple[Removal, ...] = ()


@dataclass(frozen=True)
class PublicationDate:
    """The publication date chosen for an article and how it was known.

    `source` is one of metadata, html, url, text, none; `rejected` lists candidates that
    were refused, each with the reason.
    """

    value: str | None  # yyyy-mm-dd
    source: str = "none"
    evidence: str | None = None
    rejected: tuple[str, ...] = ()
    month: str | None = None  # yyyy-mm, when only the month is known (a URL's /2017/11/)


@dataclass(frozen=True)
class Article:
    """An article after reading and cleaning: identity, metadata, texts and offset map."""

    id: str  # hash of the normalized clean text
    alias: str | None  # the input id it came with, if any
    source: str
    format: str
    url: str | None
    title: str | None
    outlet: str | None
    published: PublicationDate
    language: str | None
    raw_text: str
    clean: CleanText


@dataclass(frozen=True)
class Span:
    """A labelled character span of the clean text (sentence, entity)."""

    start: int
    end: int
    label: str = ""


@dataclass(frozen=True)
class Annotation:
    """What the per-article NLP stages produced for one article (spans in clean text)."""

    article_id: str
    sentences: tuple[Span, ...]
    entities: tuple[Span, ...]
    signature: tuple[int, ...]  # MinHash values of the clean text's shingles
    pipeline_version: str
    mentions: tuple[Mention, ...] = ()
    role_evidence: tuple[RoleEvidence, ...] = ()
    corpus_actors: tuple[CorpusActor, ...] = ()
    places: tuple[Place, ...] = ()
    date_flags: tuple[str, ...] = ()  # the text contradicts the page date: why
    event_mentions: tuple[EventMention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()


@dataclass
class IngestReport:
    """What one ingest run did: counts by outcome and the problems met."""

    read: int = 0
    stored: int = 0
    already_stored: int = 0
    new_aliases: int = 0
    near_duplicates: int = 0
    completed: int = 0  # stored articles whose metadata a later input completed
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def skipped(self) -> int:
        return len(self.problems)


@dataclass(frozen=True)
class Mention:
    """A span of an article's clean text that names an actor, a place or a time, resolved.

    `value` is the resolved identity: an actor id, a place id ("geonames:<id>", or a
    country's ISO3 code), or a normalized time; None when it could not be resolved.
    `method` says how (alias, surname, title, demonym, metonym, pronoun, gazetteer, ...).
    """

    start: int
    end: int
    text: str
    kind: str  # actor | place | time
    value: str | None
    method: str
    confidence: float
    label: str = ""  # the NER label, or PRON / ROLE / METONYM for non-NER mentions
    precision: Precision | None = None  # times
    end_value: str | None = None  # times: the end of a range; "open" for "since ..."
    anchor: str | None = None  # times: the date the expression was resolved against


@dataclass(frozen=True)
class Place:
    """A resolved place: a GeoNames city, a country, or a region, with coordinates."""

    id: str  # "geonames:<id>" for cities; ISO3 for countries
    name: str
    kind: str  # city | country | region
    country: str | None  # ISO 3166 alpha-3
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class RoleEvidence:
    """A title or apposition saying an actor held an office: "Russian Foreign Minister X"."""

    actor: str
    office: str
    seat: str | None  # the country (ISO3) or organization of the office, when the text says
    title: str
    start: int  # the sentence, in clean-text offsets
    end: int
    day: dt.date | None


@dataclass(frozen=True)
class CorpusActor:
    """An actor the KB does not know, named in the corpus, with a stable id."""

    id: str
    name: str
    kind: str


@dataclass(frozen=True)
class EventActor:
    """An actor taking part in an event mention, with its PLOVER role."""

    id: str  # actor id: a KB id, an ISO3 country, "corpus:..." or "group:..."
    name: str
    kind: str  # person | organization | country | group
    role: str  # source | target | participant
    country: str | None = None  # ISO 3166 alpha-3
    start: int = 0  # the words naming it, in clean-text offsets
    end: int = 0


@dataclass(frozen=True)
class Evidence:
    """A sentence that reports an event, and its trigger words (clean-text offsets)."""

    start: int
    end: int
    trigger_start: int
    trigger_end: int
    trigger: str


@dataclass(frozen=True)
class EventMention:
    """One event as one article reports it: a PLOVER type and mode, its actors with roles,
    modality, time, place, confidence and the evidence sentences (the first one gives
    `start`/`end`)."""

    start: int
    end: int
    type: str
    mode: str | None
    modality: Modality
    actors: tuple[EventActor, ...]
    date: str | None
    end_date: str | None
    date_precision: Precision
    date_expression: str
    date_rule: str
    place: str | None  # a place id (see Place)
    confidence: float
    evidence: tuple[Evidence, ...]
    # the typing evidence once the trained classifier has decided the type
    # (chronicle.models.type_classifier): the lexicon's type and the classifier's top scores
    lexicon_type: str | None = None
    type_scores: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True)
class Quote:
    """Words an article attributes to a speaker (clean-text offsets).

    `start`/`end` span the quoted (or, for indirect speech, reported) text without its
    marks; `speaker_start`/`speaker_end` the words naming the speaker, else the cue;
    `event` is the index of the article's event mention the words were said at.
    """

    start: int
    end: int
    text: str
    kind: str  # direct | partial | indirect
    speaker: str | None  # actor id
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None  # the cue verb's lemma, or a phrase ("according to")
    addressee: str | None = None  # actor id
    event: int | None = None  # index into Annotation.event_mentions


@dataclass(frozen=True)
class Claim:
    """A claim an article makes about the record: "the 13th meeting between the two leaders
    since September 2015" (clean-text offsets of the claim's sentence part).

    `count` is the number claimed; `form` says how it counts ("ordinal": the meeting the
    sentence is about is the Nth; "cardinal": N of them); `kind` the PLOVER type counted;
    `actors` the pair (actor ids) it is about; `since` opens the period counted (an ISO
    date of `since_precision`, None for all time); `until` closes it (the publication
    date, None when unknown); `speaker` is who makes the claim when it is quoted.
    """

    start: int
    end: int
    text: str
    count: int
    kind: str  # a PLOVER type: CONSULT
    actors: tuple[str, ...]
    since: str | None = None  # yyyy, yyyy-mm or yyyy-mm-dd
    since_precision: Precision | None = None  # day, week, month or year
    until: str | None = None  # yyyy-mm-dd: the claim's date
    speaker: str | None = None  # actor id
    form: str = "ordinal"  # ordinal | cardinal
    noun: str = ""  # the word counted: meeting, talks, met
    pattern: str = ""  # the data pattern that found it


# ---- fusion: one event, many reports (docs/fusion.md) ---------------------------------------

MentionKey = tuple[str, int]  # (article content id, event_mentions.idx)


@dataclass(frozen=True)
class FusedActor:
    """An actor of a stored event mention or of a fused event, with its PLOVER role (no
    text spans: `EventActor` has them)."""

    id: str
    name: str
    kind: str  # person | organization | country | group
    role: str  # source | target | participant
    country: str | None  # ISO 3166 alpha-3


@dataclass(frozen=True)
class Event:
    """A fused event: the fields of the `events` table, and its members' keys. `id` is
    given once the event is matched with the stored ones (`fuse.assign_ids`)."""

    type: str
    mode: str | None
    modality: str
    date: str | None
    end_date: str | None
    date_precision: str
    place: str | None
    confidence: float
    actors: tuple[FusedActor, ...]
    mentions: int
    articles: int
    outlets: int
    summary: str | None
    date_from: str | None  # the member whose date is the event's ("<content id>:<idx>")
    place_from: str | None
    members: tuple[MentionKey, ...] = ()
    id: str | None = None


# ---- time ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class TimeValue:
    """A normalized time: the value, how precise it is, and how it was obtained.

    `value` is "2011-05-03" (day), "2011-05-02" (week: its Monday), "2011-05" (month),
    "2011" (year) or None when the expression could not be resolved (no anchor, no
    reference event, an unknown count). `end` closes a range ("October 8-9, 2014"); an
    open interval ("since April 2010") has `open_ended` set and no end.
    """

    value: str | None
    end: str | None
    precision: str  # day | week | month | year | vague | reported
    expression: str  # the text
    anchor: str | None  # the anchor date used (iso), or None
    rule: str  # which rule resolved it
    open_ended: bool = False

    def __post_init__(self) -> None:
        if self.precision not in PRECISIONS:
            raise ValueError(f"precision must be one of {PRECISIONS}, not {self.precision!r}")

    @property
    def resolved(self) -> bool:
        return self.value is not None
