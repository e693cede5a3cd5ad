"""Benchmark of event fusion alone, on synthetic event mentions (measured, not asserted).

    .venv/bin/python bench/fusion_bench.py [--sizes 10000 20000 50000 100000 200000] [--quick]

For each size N (event mentions), a deterministic generator (seeded) makes a corpus:
a population of actors, countries and persons (persons grow with the corpus as
sqrt(N), Heaps-like; popularity is Zipf, and pair affinities are log-normal, so a few
pairs meet often and most rarely); real events over eight years, of two actors
(CONSULT with VISIT, MEET or PHONE, and other types), three, one or none; each reported
by a heavy-tailed number of mentions (most once, some dozens of times) in articles of
about twelve mentions, at day, reported, week, month, year or vague precision in
shares close to the Guardian corpus's, with places (city, country, region), modalities
(reported, historical, planned, negated, hypothetical), extraction noise (a wrong day,
a dropped actor, a missing mode) and 3% near-duplicate articles.

Each size runs in fresh processes, so each peak is its own:
  1. `cluster()` on the mentions as `Member`s (built by fuse's own row reader): time,
     and the peak RSS while it runs (the peak is reset after generating the input);
  2. a DuckDB store (chronicle.store.Store) filled directly with `articles`,
     `places` and `event_mentions` rows (Arrow tables; no NLP) holding 99% of the
     articles, the latest 1% kept aside; then, in another process: `fuse(store)` (the
     first fusion), the 1% inserted and `fuse(store, new)` (incremental), and
     `fuse(store)` again over all N (a full re-fusion, as `reprocess --all`), whose
     events must equal the incremental result (ids included);
  3. growth: time per mention at the largest size over the smallest, and
     time(200k)/time(20k) against 10 (linear) and 100 (quadratic).

Results: a markdown table on stdout and in bench/out/fusion.md, JSON in
bench/out/fusion.json.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import gc
import json
import math
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import pyarrow as pa

from paths import OUT, REPO  # bench/paths.py

SEED = 1
DEFAULT_SIZES = (10_000, 20_000, 50_000, 100_000, 200_000)
QUICK_SIZES = (10_000, 50_000)
NEW_SHARE = 0.01  # the articles that arrive for the incremental run

# ---- the synthetic corpus: parameters -------------------------------------------------

START = dt.date(2012, 1, 1)  # articles are published from START to END
END = dt.date(2019, 12, 31)
EVENTS_FROM = dt.date(2010, 1, 1)  # events start earlier: historical mentions recall them
MENTIONS_PER_ARTICLE = 12
NEAR_DUPLICATE_SHARE = 0.03
PERSONS_AT_3000 = 300  # the Guardian corpus: 303 persons in 2,993 mentions
CITIES_PER_COUNTRY = 4
MAX_COVERAGE = 80
COUNTRY_CODES = (
    "USA RUS CHN GBR FRA DEU TUR SYR IRN ISR SAU IRQ JPN KOR PRK IND PAK AFG EGY JOR LBN QAT "
    "ARE UKR POL ITA ESP CAN AUS BRA MEX ARG VEN CUB NGA ZAF ETH KEN LBY TUN DZA MAR SDN YEM "
    "OMN KWT BHR AZE ARM GEO KAZ UZB BLR SRB HUN AUT CHE NLD BEL SWE NOR FIN DNK GRC CYP IDN "
    "MYS PHL VNM THA MMR BGD LKA NPL MNG NZL CHL COL PER"
)
COUNTRIES = tuple(COUNTRY_CODES.split())
OUTLETS = tuple((f"Outlet {i}", f"outlet{i}.example") for i in range(40))

# (value, weight) tables
EVENT_KINDS = (("pair", 17), ("triple", 2), ("single", 71), ("none", 10))
COVERAGE_ALPHA = (("pair", 1.4), ("triple", 1.4), ("single", 2.4), ("none", 3.0))  # Pareto
PAIR_TYPES = (
    ("CONSULT", 45), ("AGREE", 8), ("COOPERATE", 8), ("ACCUSE", 8), ("REQUEST", 7),
    ("SUPPORT", 7), ("THREATEN", 6), ("SANCTION", 4), ("AID", 4), ("REJECT", 3),
)
SINGLE_TYPES = (
    ("ASSAULT", 30), ("SUPPORT", 8), ("REQUEST", 8), ("RETREAT", 8), ("ACCUSE", 8),
    ("REJECT", 6), ("THREATEN", 6), ("PROTEST", 6), ("COERCE", 5), ("MOBILIZE", 5),
    ("AID", 5), ("AGREE", 5),
)
JOINT_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})  # every actor a participant
CONSULT_MODES = (("VISIT", 40), ("MEET", 35), ("PHONE", 20), (None, 5))
OTHER_MODES = (
    (None, 70), ("ALLEGE", 6), ("AERIAL", 6), ("WITHDRAW", 6), ("ARREST", 4), ("DEMO", 4),
    ("RESTRICT", 4),
)
TRUTHS = (("happened", 90), ("planned", 5), ("negated", 3), ("hypothetical", 2))
MODALITY_GIVEN = (
    ("happened", (("reported", 62), ("historical", 26), ("planned", 10), ("negated", 1), ("hypothetical", 1))),
    ("planned", (("planned", 80), ("hypothetical", 15), ("negated", 5))),
    ("negated", (("negated", 90), ("hypothetical", 10))),
    ("hypothetical", (("hypothetical", 100),)),
)
PRECISION_GIVEN = (
    ("reported", (("day", 45), ("reported", 28), ("week", 11), ("month", 8), ("year", 5), ("vague", 3))),
    ("negated", (("day", 45), ("reported", 28), ("week", 11), ("month", 8), ("year", 5), ("vague", 3))),
    ("historical", (("day", 22), ("week", 2), ("month", 30), ("year", 42), ("vague", 4))),
    ("planned", (("day", 40), ("week", 14), ("month", 25), ("year", 15), ("vague", 6))),
    ("hypothetical", (("day", 40), ("week", 14), ("month", 25), ("year", 15), ("vague", 6))),
)
REPORTED_LAG = ((0, 45), (1, 35), (2, 12), (3, 8))  # days from the event to the report
PLACE_KINDS = (("city", 60), ("country", 37), ("region", 3))
VERBS = (
    ("CONSULT", "met"), ("AGREE", "agreed with"), ("COOPERATE", "worked with"),
    ("ACCUSE", "accused"), ("REQUEST", "asked"), ("SUPPORT", "backed"), ("THREATEN", "threatened"),
    ("SANCTION", "sanctioned"), ("AID", "sent aid to"), ("REJECT", "rejected"),
    ("ASSAULT", "struck"), ("RETREAT", "pulled back from"), ("PROTEST", "protested against"),
    ("COERCE", "pressed"), ("MOBILIZE", "mobilised against"),
)
FILLERS = (
    "according to officials familiar with the talks, who spoke on condition of anonymity",
    "the foreign ministry said in a statement published late on Tuesday",
    "in what analysts described as a sign of shifting alliances in the region",
    "a spokesman said, adding that further details would be released in due course",
    "amid growing pressure from parliament and a sharply divided public",
    "the state news agency reported, citing a senior government source",
    "days after the previous round of negotiations ended without agreement",
    "as thousands gathered outside the venue despite heavy security",
)


def weighted(rng: random.Random, table) -> object:
    """A value drawn from a (value, weight) table."""
    values, weights = zip(*table)
    return rng.choices(values, weights)[0]


# ---- the synthetic corpus: generator ----------------------------------------------------


class Who(NamedTuple):
    id: str
    name: str
    kind: str  # person | country
    country: str


@dataclass(frozen=True)
class Population:
    """Actors with Zipf popularity, and pairs of actors with skewed meeting rates."""

    actors: tuple[Who, ...]
    popularity: tuple[float, ...]  # cumulative weights over `actors`
    pairs: tuple[tuple[Who, Who], ...]
    pair_weights: tuple[float, ...]  # cumulative weights over `pairs`

    def actor(self, rng: random.Random) -> Who:
        return rng.choices(self.actors, cum_weights=self.popularity)[0]

    def pair(self, rng: random.Random) -> tuple[Who, Who]:
        return rng.choices(self.pairs, cum_weights=self.pair_weights)[0]


def population(size: int, rng: random.Random) -> Population:
    """Countries and persons (sqrt(size) of them), Zipf popularity; 3 pairs per actor."""
    persons = round(PERSONS_AT_3000 * math.sqrt(size / 3000))
    country_weight = [1 / (rank + 1) for rank in range(len(COUNTRIES))]
    actors = [Who(code, code, "country", code) for code in COUNTRIES]
    for i in range(persons):
        country = rng.choices(COUNTRIES, country_weight)[0]
        actors.append(Who(f"person-{i:05d}", f"Person {i}", "person", country))
    rng.shuffle(actors)
    weights = [1 / (rank + 1) for rank in range(len(actors))]
    popularity = list(_cumulative(weights))
    weight_of = {who.id: weight for who, weight in zip(actors, weights)}
    pairs: dict[tuple[str, str], tuple[Who, Who, float]] = {}
    while len(pairs) < 3 * len(actors):
        a, b = rng.choices(actors, cum_weights=popularity, k=2)
        if a.id == b.id or (a.id, b.id) in pairs or (b.id, a.id) in pairs:
            continue
        affinity = rng.lognormvariate(0, 1.0)
        pairs[(a.id, b.id)] = (a, b, weight_of[a.id] * weight_of[b.id] * affinity)
    ordered = list(pairs.values())
    return Population(
        actors=tuple(actors),
        popularity=tuple(popularity),
        pairs=tuple((a, b) for a, b, _ in ordered),
        pair_weights=tuple(_cumulative(w for _, _, w in ordered)),
    )


def _cumulative(weights):
    total = 0.0
    for weight in weights:
        total += weight
        yield total


class Draft(NamedTuple):
    """A mention before it is placed in an article."""

    event: int  # the real event it reports
    type: str
    mode: str | None
    modality: str
    precision: str
    day: int  # the event's first day (ordinal), with extraction noise for day precision
    last: int  # its last day
    published: int  # the wanted publication day (ordinal)
    place: str | None
    actors: tuple[tuple[Who, str], ...]  # (actor, role)
    confidence: float
    text: str


def place_rows() -> tuple[dict, ...]:
    """The places table: per country, the country itself, its cities and a region."""
    rows = []
    for code in COUNTRIES:
        rows.append({"id": code, "name": code, "kind": "country", "country": code})
        rows += [{"id": f"geo:{code}:{k}", "name": f"{code} city {k}", "kind": "city", "country": code}
                 for k in range(CITIES_PER_COUNTRY)]
        rows.append({"id": f"geo:{code}:r", "name": f"{code} region", "kind": "region", "country": code})
    return tuple(rows)


def real_event(number: int, pop: Population, rng: random.Random) -> list[Draft]:
    """One real event and the mentions that report it (possibly none in the period)."""
    kind = weighted(rng, EVENT_KINDS)
    if kind in ("pair", "triple"):
        actors = list(pop.pair(rng))
        if kind == "triple":
            third = pop.actor(rng)
            actors += [third] if third not in actors else []
        type_ = weighted(rng, PAIR_TYPES)
    elif kind == "single":
        actors, type_ = [pop.actor(rng)], weighted(rng, SINGLE_TYPES)
    else:
        actors, type_ = [], weighted(rng, SINGLE_TYPES)
    mode = weighted(rng, CONSULT_MODES) if type_ == "CONSULT" else weighted(rng, OTHER_MODES)
    truth = weighted(rng, TRUTHS)
    first = EVENTS_FROM.toordinal() + rng.randrange(END.toordinal() - EVENTS_FROM.toordinal() + 1)
    last = first + (rng.randint(1, 2) if type_ == "CONSULT" and rng.random() < 0.08 else 0)
    host = rng.choice(actors).country if actors else rng.choice(COUNTRIES)
    city = f"geo:{host}:{0 if rng.random() < 0.5 else rng.randrange(1, CITIES_PER_COUNTRY)}"
    coverage = min(MAX_COVERAGE, int(rng.paretovariate(dict(COVERAGE_ALPHA)[kind])))
    return [_mention(number, type_, mode, truth, first, last, host, city, actors, rng) for _ in range(coverage)]


def _mention(number, type_, mode, truth, first, last, host, city, actors, rng) -> Draft:
    """One report of an event, with the noise of extraction."""
    modality = weighted(rng, dict(MODALITY_GIVEN)[truth])
    precision = weighted(rng, dict(PRECISION_GIVEN)[modality])
    if modality in ("reported", "negated"):
        published = first + weighted(rng, REPORTED_LAG)
    elif modality == "historical":
        published = last + 30 + int(rng.expovariate(1 / 400))
    else:  # planned, hypothetical: before the event
        published = first - 1 - int(rng.expovariate(1 / 12))
    day = first
    if precision == "day" and rng.random() < 0.04:  # a wrong day
        day += rng.choice((-1, 1)) * rng.randint(1, 5)
    roles = _roles(type_, actors, rng)
    if len(roles) == 2 and rng.random() < 0.06:  # an actor not found
        roles = [rng.choice(roles)]
    elif roles and rng.random() < 0.03:  # an extra actor
        code = rng.choice(COUNTRIES)
        roles.append((Who(code, code, "country", code), "target"))
    place = _place(type_, mode, host, city, len(actors), rng)
    if mode is not None and rng.random() < 0.1:  # the mode not extracted
        mode = None
    names = " and ".join(who.name for who, _ in roles) or "Gunmen"
    verb = dict(VERBS)[type_]
    text = f"{names} {verb} {place or 'officials'} on {dt.date.fromordinal(first)}, {rng.choice(FILLERS)}."
    confidence = round(rng.uniform(0.4, 0.95), 2)
    return Draft(number, type_, mode, modality, precision, day, last, published, place,
                 tuple(roles), confidence, text)


def _roles(type_: str, actors: list[Who], rng: random.Random) -> list[tuple[Who, str]]:
    if type_ in JOINT_TYPES:
        return [(who, "participant") for who in actors]
    if len(actors) == 1:
        return [(actors[0], "source" if rng.random() < 0.6 else "target")]
    return [(who, "source" if i == 0 else "target") for i, who in enumerate(actors)]


def _place(type_, mode, host, city, actor_count, rng) -> str | None:
    """A place for the mention, or None: more often for visits, never for calls."""
    if mode == "PHONE":
        return None
    chance = 0.55 if mode == "VISIT" else 0.35 if actor_count >= 2 else 0.2
    if rng.random() >= chance:
        return None
    if rng.random() < 0.03:  # a wrong place
        host = rng.choice(COUNTRIES)
        city = f"geo:{host}:{rng.randrange(CITIES_PER_COUNTRY)}"
    kind = weighted(rng, PLACE_KINDS)
    return city if kind == "city" else host if kind == "country" else f"geo:{host}:r"


def date_fields(draft: Draft, published: int, rng: random.Random) -> tuple[str | None, str | None]:
    """`date` and `end_date` at the draft's precision; `reported` gives the article's day."""
    day = dt.date.fromordinal(draft.day)
    if draft.precision == "day":
        end = dt.date.fromordinal(draft.last).isoformat() if draft.last > draft.day and rng.random() < 0.6 else None
        return day.isoformat(), end
    if draft.precision == "reported":
        return dt.date.fromordinal(published).isoformat(), None
    if draft.precision == "week":
        return (day - dt.timedelta(days=day.weekday())).isoformat(), None
    if draft.precision == "month":
        return day.strftime("%Y-%m"), None
    if draft.precision == "year":
        return str(day.year), None
    month = day.strftime("%Y-%m")  # vague: mostly undated, else a month given as a range
    return (None, None) if rng.random() < 0.7 else (month, month)


@dataclass
class Corpus:
    """Articles and event mentions in the store's shapes, and the places table."""

    articles: list[dict]
    mentions: list[dict]
    places: tuple[dict, ...]
    events: int  # real events drawn


def generate(size: int, seed: int) -> Corpus:
    """`size` event mentions in articles of about twelve, deterministic for (size, seed)."""
    rng = random.Random(seed)
    pop = population(size, rng)
    period = (START.toordinal(), END.toordinal())
    drafts: list[Draft] = []
    events = 0
    while len(drafts) < size:
        drafts += [d for d in real_event(events, pop, rng) if period[0] <= d.published <= period[1]]
        events += 1
    articles, mentions = _into_articles(drafts, size, rng)
    return Corpus(articles, mentions, place_rows(), events)


def _into_articles(drafts: list[Draft], size: int, rng: random.Random) -> tuple[list[dict], list[dict]]:
    """Articles on random days; a mention goes to an article of the first publishing day
    on or after the day it wants; 3% of articles get a near-duplicate; `size` mentions kept."""
    count = max(1, round(len(drafts) / MENTIONS_PER_ARTICLE))
    first, last = START.toordinal(), END.toordinal()
    days = sorted(first + rng.randrange(last - first + 1) for _ in range(count))
    distinct = sorted(set(days))
    by_day: dict[int, list[int]] = {}
    for index, day in enumerate(days):
        by_day.setdefault(day, []).append(index)
    contents: list[list[Draft]] = [[] for _ in range(count)]
    for draft in drafts:
        at = min(bisect.bisect_left(distinct, draft.published), len(distinct) - 1)
        contents[rng.choice(by_day[distinct[at]])].append(draft)
    articles, mentions = [], []
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    for index, content in enumerate(contents):
        if not content:
            continue
        copies = 2 if rng.random() < NEAR_DUPLICATE_SHARE else 1
        original = None
        for _ in range(copies):
            article = _article(len(articles), days[index], original, rng, now)
            original = original or article["id"]
            articles.append(article)
            for idx, draft in enumerate(content):
                mentions.append(_mention_row(article["id"], idx, draft, days[index], rng))
    articles.sort(key=lambda a: a["id"])  # content ids are random: this order is random
    by_article: dict[str, list[dict]] = {}
    for row in mentions:
        by_article.setdefault(row["id"], []).append(row)
    kept_articles, kept = [], []
    for article in articles:
        if len(kept) >= size:
            break
        kept_articles.append(article)
        kept += by_article[article["id"]][: size - len(kept)]
    return kept_articles, kept


def _article(number: int, day: int, original: str | None, rng: random.Random, now) -> dict:
    outlet, host = rng.choices(OUTLETS, [1 / (i + 1) for i in range(len(OUTLETS))])[0]
    content_id = f"{rng.getrandbits(80):020x}"
    return {
        "id": content_id,
        "article_id": f"synthetic-{number}",
        "url": f"https://{host}/{dt.date.fromordinal(day)}/{number}" if rng.random() < 0.5 else None,
        "outlet": outlet,
        "published": dt.date.fromordinal(day),
        "published_source": "metadata",
        "source": "fusion_bench",
        "format": "jsonl",
        "raw_text": "",
        "clean_text": "",
        "offset_clean": [],
        "offset_raw": [],
        "offset_length": [],
        "near_duplicate_of": original,
        "pipeline_version": "fusion-bench",
        "ingested_at": now,
    }


def _mention_row(article: str, idx: int, draft: Draft, published: int, rng: random.Random) -> dict:
    """An `event_mentions` row (spans are dummies: fusion does not read them)."""
    date, end_date = date_fields(draft, published, rng)
    span = {"clean_start": 0, "clean_end": len(draft.text), "start": 0, "end": len(draft.text)}
    return {
        "id": article,
        "idx": idx,
        **span,
        "type": draft.type,
        "mode": draft.mode,
        "modality": draft.modality,
        "date": date,
        "end_date": end_date,
        "date_precision": draft.precision,
        "date_expression": None,
        "date_rule": None,
        "place": draft.place,
        "confidence": draft.confidence,
        "actors": [
            {"id": who.id, "name": who.name, "kind": who.kind, "role": role, "country": who.country, **span}
            for who, role in draft.actors
        ],
        "evidence": [
            {**span, "trigger_clean_start": 0, "trigger_clean_end": 1, "trigger_start": 0,
             "trigger_end": 1, "trigger": "met", "text": draft.text}
        ],
        "event": draft.event,  # not stored: for the corpus statistics
    }


def member_rows(corpus: Corpus) -> list[dict]:
    """The mentions as fuse's member query returns them (joined with articles and places)."""
    articles = {a["id"]: a for a in corpus.articles}
    places = {p["id"]: p for p in corpus.places}
    rows = []
    for m in corpus.mentions:
        article, place = articles[m["id"]], places.get(m["place"]) or {}
        rows.append({
            "id": m["id"], "idx": m["idx"], "type": m["type"], "mode": m["mode"],
            "modality": m["modality"], "date": m["date"], "end_date": m["end_date"],
            "date_precision": m["date_precision"], "confidence": m["confidence"],
            "actors": m["actors"], "place": m["place"], "place_country": place.get("country"),
            "place_kind": place.get("kind"),
            "canonical": article["near_duplicate_of"] or article["id"],
            "outlet": article["outlet"], "url": article["url"], "text": m["evidence"][0]["text"],
            "published": article["published"],
        })
    return rows


def corpus_stats(corpus: Corpus) -> dict:
    """Shares that show the corpus is shaped like news (for the report)."""
    n = len(corpus.mentions)

    def share(counter: Counter) -> dict:
        total = sum(counter.values()) or 1
        return {k if k is not None else "none": round(v / total, 3) for k, v in counter.most_common()}

    per_event = Counter(m["event"] for m in corpus.mentions)
    pairs = Counter(
        (m["type"], *sorted({a["id"] for a in m["actors"]})[:2]) for m in corpus.mentions if len(m["actors"]) >= 2
    )
    top = pairs.most_common(1)[0] if pairs else (None, 0)
    coverage = Counter(min(c, 10) for c in per_event.values())
    return {
        "mentions": n,
        "articles": len(corpus.articles),
        "near_duplicate_articles": sum(1 for a in corpus.articles if a["near_duplicate_of"]),
        "real_events_reported": len(per_event),
        "mentions_per_real_event": round(n / len(per_event), 2),
        "real_events_by_mentions": {("10+" if k == 10 else str(k)): v for k, v in sorted(coverage.items())},
        "largest_real_event": max(per_event.values()),
        "distinct_actors": len({a["id"] for m in corpus.mentions for a in m["actors"]}),
        "actors_per_mention": share(Counter(min(len(m["actors"]), 3) for m in corpus.mentions)),
        "precision": share(Counter(m["date_precision"] for m in corpus.mentions)),
        "undated": round(sum(1 for m in corpus.mentions if m["date"] is None) / n, 3),
        "modality": share(Counter(m["modality"] for m in corpus.mentions)),
        "mode": share(Counter(m["mode"] for m in corpus.mentions if m["type"] == "CONSULT")),
        "with_place": round(sum(1 for m in corpus.mentions if m["place"]) / n, 3),
        "distinct_pairs": len(pairs),
        "top_pair": {"block": list(top[0]) if top[0] else None, "mentions": top[1]},
        "pair_mentions_in_top_10_pairs": round(sum(c for _, c in pairs.most_common(10)) / max(1, sum(pairs.values())), 3),
    }


# ---- child processes --------------------------------------------------------------------


def rss_mb() -> float:
    """This process's resident set now."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1024**2


def reset_peak_rss() -> bool:
    """Reset this process's peak RSS (Linux: clear_refs 5); False where not allowed."""
    try:
        with open("/proc/self/clear_refs", "w") as clear_refs:
            clear_refs.write("5")
        return True
    except OSError:
        return False


def peak_rss_mb() -> float:
    """This process's peak RSS since it started or since `reset_peak_rss`."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def cluster_child(size: int, seed: int) -> dict:
    """Time `cluster()` on the corpus's members, and the peak RSS while it runs."""
    from chronicle.fuse import block_keys, cluster
    from chronicle.store.fusion import member_from_row

    started = time.perf_counter()
    corpus = generate(size, seed)
    members = [member_from_row(row) for row in member_rows(corpus)]
    generate_seconds = time.perf_counter() - started
    del corpus
    gc.collect()
    blocks = Counter(block for m in members for block in block_keys(m))
    rss_before = rss_mb()
    reset = reset_peak_rss()
    started = time.perf_counter()
    clusters = cluster(members)
    seconds = time.perf_counter() - started
    peak = peak_rss_mb()
    largest = blocks.most_common(1)[0] if blocks else (None, 0)
    return {
        "mentions": len(members),
        "generate_seconds": round(generate_seconds, 2),
        "seconds": round(seconds, 3),
        "us_per_mention": round(seconds / len(members) * 1e6, 1),
        "events": len(clusters),
        "blocks": len(blocks),
        "largest_block": {"key": list(largest[0]) if largest[0] else None, "mentions": largest[1]},
        "rss_before_mb": round(rss_before, 1),
        "peak_rss_mb": round(peak, 1),  # while clustering, if `peak_reset`; else the process's
        "peak_added_mb": round(peak - rss_before, 1),
        "peak_reset": reset,
    }


ARTICLE_SCHEMA = pa.schema([
    ("id", pa.string()), ("article_id", pa.string()), ("url", pa.string()), ("outlet", pa.string()),
    ("published", pa.date32()), ("published_source", pa.string()), ("source", pa.string()),
    ("format", pa.string()), ("raw_text", pa.string()), ("clean_text", pa.string()),
    ("offset_clean", pa.list_(pa.int32())), ("offset_raw", pa.list_(pa.int32())),
    ("offset_length", pa.list_(pa.int32())), ("near_duplicate_of", pa.string()),
    ("pipeline_version", pa.string()), ("ingested_at", pa.timestamp("us")),
])
PLACE_SCHEMA = pa.schema([("id", pa.string()), ("name", pa.string()), ("kind", pa.string()), ("country", pa.string())])


def build_child(size: int, seed: int, db: str) -> dict:
    """Fill a store with 99% of the articles (the latest 1% in staging tables)."""
    from chronicle.store import EVENT_MENTION_SCHEMA, Store

    started = time.perf_counter()
    corpus = generate(size, seed)
    stats = corpus_stats(corpus)
    generate_seconds = time.perf_counter() - started
    by_date = sorted(corpus.articles, key=lambda a: (a["published"], a["id"]))
    held = max(1, round(len(by_date) * NEW_SHARE))
    new_ids = {a["id"] for a in by_date[-held:]}
    started = time.perf_counter()
    with Store(db) as store:
        for name in ("bench_new_articles", "bench_new_event_mentions"):
            source = name.removeprefix("bench_new_")
            store.con.execute(f"CREATE TABLE {name} AS SELECT * FROM {source} LIMIT 0")
        store._insert("places", pa.Table.from_pylist(list(corpus.places), schema=PLACE_SCHEMA))
        for new, table in ((False, ""), (True, "bench_new_")):
            articles = [a for a in corpus.articles if (a["id"] in new_ids) == new]
            mentions = [m for m in corpus.mentions if (m["id"] in new_ids) == new]
            store._insert(f"{table}articles", pa.Table.from_pylist(articles, schema=ARTICLE_SCHEMA))
            store._insert(f"{table}event_mentions", pa.Table.from_pylist(mentions, schema=EVENT_MENTION_SCHEMA))
        store.con.execute("CHECKPOINT")
    new_mentions = sum(1 for m in corpus.mentions if m["id"] in new_ids)
    return {
        "generate_seconds": round(generate_seconds, 2),
        "store_seconds": round(time.perf_counter() - started, 2),
        "new_articles": len(new_ids),
        "new_mentions": new_mentions,
        "corpus": stats,
    }


def fuse_child(db: str) -> dict:
    """First fusion of the 99%; the 1% inserted and fused incrementally; a full re-fusion.
    Each step's time and the process's peak RSS during it."""
    from chronicle.store.fusion import fuse
    from chronicle.store import Store

    def fingerprint(store) -> tuple:
        return store.con.execute(
            "SELECT count(*), count(DISTINCT event_id), bit_xor(hash(event_id, article, idx)) FROM event_members"
        ).fetchone()

    def timed(store, articles=None):
        reset_peak_rss()
        started = time.perf_counter()
        report = fuse(store, articles)
        return report, round(time.perf_counter() - started, 3), round(peak_rss_mb(), 1)

    with Store(db) as store:
        rss_open = rss_mb()
        first, first_seconds, first_peak = timed(store)
        new_ids = [row[0] for row in store.con.execute("SELECT id FROM bench_new_articles ORDER BY id").fetchall()]
        store.con.execute("INSERT INTO articles SELECT * FROM bench_new_articles")
        store.con.execute("INSERT INTO event_mentions SELECT * FROM bench_new_event_mentions")
        incremental, incremental_seconds, incremental_peak = timed(store, new_ids)
        after_incremental = fingerprint(store)
        full, full_seconds, full_peak = timed(store)
        after_full = fingerprint(store)
        mentions = store.con.execute("SELECT count(*) FROM event_mentions").fetchone()[0]
    return {
        "mentions": mentions,
        "rss_at_open_mb": round(rss_open, 1),
        "first_mentions": first.mentions,
        "first_events": first.events,
        "first_seconds": first_seconds,
        "first_peak_rss_mb": first_peak,
        "incremental_articles": len(new_ids),
        "incremental_refused": incremental.mentions,
        "incremental_replaced": incremental.removed,
        "incremental_written": incremental.events,
        "incremental_seconds": incremental_seconds,
        "incremental_peak_rss_mb": incremental_peak,
        "events": full.events,
        "full_seconds": full_seconds,
        "full_us_per_mention": round(full_seconds / mentions * 1e6, 1),
        "full_peak_rss_mb": full_peak,
        "incremental_equals_full": after_incremental == after_full,
        "peak_rss_mb": max(first_peak, incremental_peak, full_peak),
    }


def run_child(args: list[str]) -> dict:
    """This script in a fresh process; its last stdout line is the JSON result."""
    command = [sys.executable, str(Path(__file__).resolve()), *args]
    done = subprocess.run(command, cwd=REPO, stdout=subprocess.PIPE, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"fusion_bench: `{' '.join(args)}` exited {done.returncode}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# ---- the parent ---------------------------------------------------------------------------


def bench_size(size: int, seed: int) -> dict:
    say(f"{size:,} mentions: cluster()")
    clustered = run_child(["--child", "cluster", "--size", str(size), "--seed", str(seed)])
    say(f"  cluster {clustered['seconds']:.2f}s ({clustered['us_per_mention']:.0f} us/mention), "
        f"{clustered['events']:,} events, largest block {clustered['largest_block']['mentions']:,}, "
        f"peak RSS {clustered['peak_rss_mb']:.0f} MB (+{clustered['peak_added_mb']:.0f})")
    with tempfile.TemporaryDirectory(dir=OUT, prefix="fusion-") as tmp:
        db = str(Path(tmp) / f"fusion-{size}.duckdb")
        say(f"{size:,} mentions: building the store")
        built = run_child(["--child", "build", "--size", str(size), "--seed", str(seed), "--db", db])
        say(f"  stored in {built['store_seconds']:.1f}s; fuse(store)")
        fused = run_child(["--child", "fuse", "--db", db])
    say(f"  first {fused['first_seconds']:.2f}s, incremental {fused['incremental_seconds']:.2f}s "
        f"({fused['incremental_refused']:,} mentions re-fused), full {fused['full_seconds']:.2f}s, "
        f"peak RSS {fused['peak_rss_mb']:.0f} MB")
    return {"size": size, "cluster": clustered, "store": built, "fuse": fused,
            "load_average": round(os.getloadavg()[0], 2)}


def growth(runs: list[dict]) -> dict:
    """Per measure: time per mention, largest size over smallest, and the growth exponent;
    time(200k)/time(20k) when both were run (else largest over smallest)."""
    sizes = sorted(r["size"] for r in runs)
    small, large = (20_000, 200_000) if {20_000, 200_000} <= set(sizes) else (sizes[0], sizes[-1])
    by_size = {r["size"]: r for r in runs}
    measures = {
        "cluster": lambda r: r["cluster"]["seconds"],
        "fuse_full": lambda r: r["fuse"]["full_seconds"],
        "fuse_incremental": lambda r: r["fuse"]["incremental_seconds"],
    }
    result = {"sizes": [sizes[0], sizes[-1]], "pair": [small, large]}
    for name, seconds in measures.items():
        first, last = by_size[sizes[0]], by_size[sizes[-1]]
        per_mention = (seconds(last) / sizes[-1]) / (seconds(first) / sizes[0])
        ratio = seconds(by_size[large]) / seconds(by_size[small])
        exponent = math.log(ratio) / math.log(large / small) if large > small and ratio > 0 else float("nan")
        result[name] = {
            "per_mention_ratio": round(per_mention, 2),
            "time_ratio": round(ratio, 2),
            "linear": round(large / small, 2),
            "quadratic": round((large / small) ** 2, 2),
            "exponent": round(exponent, 2),
            "verdict": verdict(exponent),
        }
    return result


def verdict(exponent: float) -> str:
    """Time grows as size**exponent: 1 is linear, 2 quadratic."""
    if exponent < 1.25:
        return "near linear, far below quadratic"
    if exponent < 1.5:
        return "superlinear, well below quadratic"
    if exponent < 1.8:
        return "superlinear, nearer quadratic than linear"
    return "about quadratic"


HEADER = (
    "mentions", "articles", "real events", "events", "largest block", "cluster s", "cluster us/mention",
    "cluster peak RSS MB (added)", "first fuse s (99%)", "incremental s (1% articles: re-fused)",
    "full fuse s", "fuse us/mention", "full fuse peak RSS MB", "incr. = full",
)


def table(runs: list[dict]) -> str:
    lines = ["| " + " | ".join(HEADER) + " |", "|" + " --- |" * len(HEADER)]
    for r in runs:
        c, f, s = r["cluster"], r["fuse"], r["store"]["corpus"]
        cells = (
            f"{r['size']:,}", f"{s['articles']:,}", f"{s['real_events_reported']:,}", f"{f['events']:,}",
            f"{c['largest_block']['mentions']:,}", f"{c['seconds']:.2f}", f"{c['us_per_mention']:.0f}",
            f"{c['peak_rss_mb']:.0f} (+{c['peak_added_mb']:.0f})", f"{f['first_seconds']:.2f}",
            f"{f['incremental_seconds']:.2f} ({f['incremental_articles']}: {f['incremental_refused']:,})",
            f"{f['full_seconds']:.2f}", f"{f['full_us_per_mention']:.0f}", f"{f['full_peak_rss_mb']:.0f}",
            "yes" if f["incremental_equals_full"] else "NO",
        )
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def growth_lines(g: dict) -> list[str]:
    small, large = g["pair"]
    lines = []
    for name in ("cluster", "fuse_full", "fuse_incremental"):
        m = g[name]
        lines.append(
            f"- {name}: time per mention x{m['per_mention_ratio']} from {g['sizes'][0]:,} to {g['sizes'][1]:,}; "
            f"time({large // 1000}k)/time({small // 1000}k) = {m['time_ratio']} (linear {m['linear']:g}, "
            f"quadratic {m['quadratic']:g}), exponent {m['exponent']}: {m['verdict']}"
        )
    return lines


def machine() -> dict:
    import duckdb

    from chronicle import __version__

    return {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "duckdb": duckdb.__version__,
        "chronicle": __version__,
        "load_average_at_end": [round(x, 2) for x in os.getloadavg()],
    }


def corpus_lines(runs: list[dict]) -> list[str]:
    s = max(runs, key=lambda r: r["size"])["store"]["corpus"]
    return [(
        f"Corpus at {s['mentions']:,} mentions: {s['articles']:,} articles ({s['near_duplicate_articles']} near-duplicates), "
        f"{s['distinct_actors']:,} actors, {s['real_events_reported']:,} real events "
        f"({s['mentions_per_real_event']} mentions each on average, up to {s['largest_real_event']}; by mentions "
        f"{s['real_events_by_mentions']}); precision {s['precision']} ({s['undated']} undated); "
        f"modality {s['modality']}; CONSULT modes {s['mode']}; actors per mention {s['actors_per_mention']}; "
        f"{s['with_place']} with a place; {s['distinct_pairs']:,} (type, pair) blocks, the top one "
        f"{s['top_pair']['block']} with {s['top_pair']['mentions']:,} mentions; the top 10 hold "
        f"{s['pair_mentions_in_top_10_pairs']} of the pair mentions."
    )]


def write_results(runs: list[dict], seed: int) -> None:
    info = machine()
    g = growth(runs) if len(runs) > 1 else None
    text = "\n".join([
        f"# chronicle fusion benchmark, {info['date']}",
        "",
        (f"{info['cpus']} CPUs, {info['platform']}, Python {info['python']}, DuckDB {info['duckdb']}, "
         f"chronicle {info['chronicle']}; seed {seed}; load average at the end {info['load_average_at_end'][0]:.2f} "
         "(other work on the machine slows the figures)"),
        "",
        table(runs),
        "",
        ("cluster: `cluster()` on the members alone, in a process of its own; peak RSS while it runs, its input "
         "included (added: above the RSS before it, a lower bound: it reuses memory the generator freed). "
         "first fuse: `fuse(store)` on a store of 99% of the articles; incremental: the latest 1% of articles "
         "inserted, then `fuse(store, new)` (re-fused: the mentions in its scope); full fuse: `fuse(store)` again "
         "over all mentions, replacing the events (its result must equal the incremental one, ids included: "
         "incr. = full). Full fuse peak RSS: the fusing process (Python and DuckDB) during the full re-fusion."),
        "",
        *corpus_lines(runs),
        "",
        *(growth_lines(g) if g else ["(one size only: no growth figures)"]),
        "",
    ])
    print(text)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "fusion.md").write_text(text, encoding="utf-8")
    (OUT / "fusion.json").write_text(
        json.dumps({"machine": info, "seed": seed, "runs": runs, "growth": g}, indent=2) + "\n", encoding="utf-8"
    )
    say(f"wrote {(OUT / 'fusion.md').relative_to(REPO)} and {(OUT / 'fusion.json').relative_to(REPO)}")


def say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES),
                        help="numbers of event mentions (default: 10000 20000 50000 100000 200000)")
    parser.add_argument("--quick", action="store_true", help="10,000 and 50,000 mentions only")
    parser.add_argument("--seed", type=int, default=SEED, help="generator seed (default 1)")
    parser.add_argument("--child", choices=("cluster", "build", "fuse"), help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        result = {
            "cluster": lambda: cluster_child(args.size, args.seed),
            "build": lambda: build_child(args.size, args.seed, args.db),
            "fuse": lambda: fuse_child(args.db),
        }[args.child]()
        print(json.dumps(result))
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    sizes = sorted(QUICK_SIZES if args.quick else set(args.sizes))
    say(f"load average {os.getloadavg()[0]:.2f} (other work on the machine skews the figures)")
    runs = [bench_size(size, args.seed) for size in sizes]
    write_results(runs, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
