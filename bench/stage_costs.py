"""Per-article cost of each per-article stage on real articles (measured, not asserted).

    .venv/bin/python bench/stage_costs.py [--limit 120]

Parses the dev articles and the Guardian corpus from ../shared once with spaCy, then
times cleaning, publication dates, actor, place and time resolution, event and quote
extraction and MinHash on the same texts, and prints milliseconds per article for each stage next to spaCy's.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time

from chronicle.extract.context import ArticleContext
from chronicle.extract.events import find_events
from chronicle.extract.quotes import find_quotes
from chronicle.ingest.clean import clean
from chronicle.ingest.dedup import signature
from chronicle.ingest.pubdate import discover_publication_date
from chronicle.model import Document
from chronicle.pipeline import load_resources, reference_day
from chronicle.resolve.actors import resolve_actors
from chronicle.resolve.places import resolve_places
from chronicle.resolve.timing import resolve_times
from chronicle.settings import Settings

from paths import GUARDIAN, SHARED  # bench/paths.py

SOURCES = [SHARED / "eval" / "dev" / "articles.jsonl", GUARDIAN]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=120, help="articles per source")
    args = parser.parse_args()
    if not all(p.exists() for p in SOURCES):
        sys.exit(f"needs {', '.join(map(str, SOURCES))}: ../shared is absent")
    rows = []
    for path in SOURCES:
        rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()[: args.limit]]
    started = time.perf_counter()
    res = load_resources(Settings())
    load_seconds = time.perf_counter() - started
    totals = dict.fromkeys(
        ["clean", "publication date", "spaCy (nlp.pipe)", "actors", "places", "times", "events", "quotes", "minhash"], 0.0
    )
    today = dt.date.today()

    def timed(stage, function, *a):
        t = time.perf_counter()
        value = function(*a)
        totals[stage] += time.perf_counter() - t
        return value

    documents = [Document(source="bench", format="jsonl", text=r["text"], url=r.get("url"), published=r.get("published"), published_source="metadata") for r in rows]
    cleaned = [timed("clean", clean, d.text, res.data.debris) for d in documents]
    dates = [timed("publication date", discover_publication_date, d, c.text, res.data.dates, today) for d, c in zip(documents, cleaned, strict=True)]
    t = time.perf_counter()
    docs = list(res.nlp.pipe([c.text for c in cleaned], batch_size=32))
    totals["spaCy (nlp.pipe)"] = time.perf_counter() - t
    for doc, date, text in zip(docs, dates, cleaned, strict=True):
        actors = timed("actors", resolve_actors, doc, res.data.kb, res.data.lexicon, res.data.patterns, reference_day(date.value, date.month))
        countries = [m.value for m in actors.mentions if m.value in res.data.kb.countries]
        place_mentions, places = timed("places", resolve_places, doc, res.data.gazetteer, countries)
        published = dt.date.fromisoformat(date.value) if date.value else None
        times = timed("times", resolve_times, doc, published, res.data.times)
        context = ArticleContext(actors.mentions, place_mentions, places, times, published)
        events = timed("events", find_events, doc, context, res.data.kb, res.data.events, res.data.times)
        timed("quotes", find_quotes, doc, actors.mentions, events, res.data.quotes)
        timed("minhash", signature, text.text, 5, 128)
    print(f"{len(rows)} articles; resources loaded in {load_seconds:.1f} s (model, KB, gazetteer)")
    print("| stage | ms per article | share of spaCy |")
    print("| --- | --- | --- |")
    spacy_ms = totals["spaCy (nlp.pipe)"] * 1000 / len(rows)
    for stage, seconds in totals.items():
        ms = seconds * 1000 / len(rows)
        print(f"| {stage} | {ms:.1f} | {ms / spacy_ms:.0%} |")


if __name__ == "__main__":
    main()
