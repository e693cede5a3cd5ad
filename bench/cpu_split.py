"""Where a one-worker ingest's CPU goes: spaCy's components, chronicle's stages, the rest
(measured, not asserted; issue 16).

    .venv/bin/python bench/cpu_split.py FILE [--db bench/out/cpu_split.duckdb]

Runs `chronicle.runners.local.ingest` of FILE in this process on a fresh store, with
timers (`time.process_time`: CPU, which other work on the machine does not inflate much)
around each spaCy component, each per-article stage of `pipeline.annotate`, and the
runner's steps (loading the resources, preparing, writing, fusing). spaCy's batches are
run one component at a time over each batch of 32 (the same annotations as `nlp.pipe`,
which interleaves them), so each component's time can be read. Prints seconds of CPU per
part and the sums; the run's outputs are those of an ordinary ingest.
"""

from __future__ import annotations

import argparse
import collections
import time
from pathlib import Path

from paths import OUT  # bench/paths.py

STAGES = {  # pipeline.py's names -> the part they are counted in
    "resolve_actors": "stage: actors",
    "resolve_places": "stage: places",
    "_article_times": "stage: times",
    "_typed_events": "stage: events (with the classifier)",
    "find_quotes": "stage: quotes",
    "find_claims": "stage: claims",
    "signature": "stage: MinHash",
    "sentence_spans": "stage: spans",
    "entity_spans": "stage: spans",
}
RUNNER = {  # runners/local.py's names
    "annotate_each": "annotate (all of it)",
    "load_resources": "runner: load the resources (model, data)",
    "_prepare_batch": "runner: read, clean, date",
    "_select_new": "runner: check the store",
    "_write": "runner: write",
    "fuse_pending": "runner: fuse",
}


def timed(totals: collections.Counter, label: str, function):
    def wrapper(*args, **kwargs):
        started = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            totals[label] += time.process_time() - started

    return wrapper


def component_parse(totals: collections.Counter):
    """`nlp.parse` with each component timed over each batch."""

    def parse(nlp, texts, batch_size=32):
        texts = list(texts)
        for first in range(0, len(texts), batch_size):
            started = time.process_time()
            docs = [nlp.make_doc(text) for text in texts[first : first + batch_size]]
            totals["spaCy: tokenizer"] += time.process_time() - started
            for name, component in nlp.pipeline:
                started = time.process_time()
                docs = list(component.pipe(docs)) if hasattr(component, "pipe") else [component(d) for d in docs]
                totals[f"spaCy: {name}"] += time.process_time() - started
            yield from docs

    return parse


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", help="articles to ingest (any input chronicle reads)")
    parser.add_argument("--db", default=str(OUT / "cpu_split.duckdb"), help="the store (removed first)")
    args = parser.parse_args()
    started = time.process_time()
    from chronicle import pipeline
    from chronicle.runners import local
    from chronicle.settings import Settings

    imports = time.process_time() - started
    totals: collections.Counter = collections.Counter()
    pipeline.parse = component_parse(totals)
    for name, label in STAGES.items():
        setattr(pipeline, name, timed(totals, label, getattr(pipeline, name)))
    for name, label in RUNNER.items():
        setattr(local, name, timed(totals, label, getattr(local, name)))
    for stale in (Path(args.db), Path(args.db + ".wal")):
        stale.unlink(missing_ok=True)
    Path(args.db).parent.mkdir(parents=True, exist_ok=True)
    started = time.process_time()
    local.ingest([args.file], Settings(db=args.db))
    ingest = time.process_time() - started
    spacy_total = sum(v for k, v in totals.items() if k.startswith("spaCy"))
    stages = sum(v for k, v in totals.items() if k.startswith("stage"))
    print(f"imports (chronicle's pipeline, spaCy, the runner) {imports:.2f} s; ingest() {ingest:.2f} s of CPU")
    for label, seconds in sorted(totals.items(), key=lambda item: -item[1]):
        print(f"  {label:45s} {seconds:7.2f}")
    rest = totals["annotate (all of it)"] - spacy_total - stages
    print(f"spaCy {spacy_total:.2f}; chronicle's stages {stages:.2f}; the rest of annotate {rest:.2f}")


if __name__ == "__main__":
    main()
