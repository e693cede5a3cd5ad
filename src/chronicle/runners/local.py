"""The local runner: ingest and reprocess on one machine, with a process pool for spaCy.

The main process reads, cleans and identifies articles (cheap), skips those already
stored, hands new ones to the annotators (in-process, or `workers` processes that each
load the resources once) and writes each batch to the store in one transaction.
"""

from __future__ import annotations

import datetime as dt
import functools
import time
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import BinaryIO

from ..errors import ChronicleError, problem
from ..ingest.dedup import lsh_params
from ..ingest.readers import iter_documents
from ..model import Annotation, Document, IngestReport, Problem
from ..pipeline import (
    Resources,
    annotate,
    load_resources,
    load_text_resources,
    pipeline_version_of,
    prepare,
)
from ..settings import Settings
from ..store import Batch, Store, unique_new

Progress = Callable[[int], None]


@functools.lru_cache(maxsize=2)
def worker_resources(settings: Settings) -> Resources:
    """The resources of this process, loaded on first use (once per worker)."""
    return load_resources(settings)


def annotate_task(settings: Settings, articles: list[tuple[str, str]]) -> list[Annotation]:
    """A unit of annotation work, run in a worker process or in-process."""
    return annotate(articles, worker_resources(settings)) if articles else []


class Annotator:
    """Runs `annotate_task` in-process (workers=1) or in a pool of worker processes."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.pool = None
        if settings.workers > 1:
            self.pool = ProcessPoolExecutor(
                max_workers=settings.workers, mp_context=multiprocessing.get_context("spawn")
            )

    def __enter__(self) -> Annotator:
        return self

    def __exit__(self, *exc) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)

    def submit(self, articles: list[tuple[str, str]]) -> Future:
        if self.pool is not None:
            return self.pool.submit(annotate_task, self.settings, articles)
        future: Future = Future()
        try:
            future.set_result(annotate_task(self.settings, articles))
        except Exception as error:  # surfaced per batch by `_finish`
            future.set_exception(error)
        return future

    @property
    def depth(self) -> int:
        """How many batches to keep in flight."""
        return self.settings.workers + 1 if self.pool is not None else 1


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def ingest(
    paths: Sequence[str],
    settings: Settings,
    *,
    stdin: BinaryIO | None = None,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Read, clean, annotate and store every article under `paths`; return what happened."""
    if not paths:
        raise ChronicleError("nothing to ingest: give at least one path, or - for stdin")
    started = time.perf_counter()
    today = today or dt.date.today()
    text = load_text_resources()
    lsh = lsh_params(settings.near_duplicate_threshold, settings.minhash_permutations)
    report = IngestReport()
    in_flight: set[str] = set()
    pending: deque[tuple[Batch, int, Future]] = deque()
    with Store(settings.db) as store, Annotator(settings) as annotator:
        documents = iter_documents(paths, settings, stdin=stdin)
        for chunk in _chunks(documents, settings.batch_size):
            batch = _prepare_batch(chunk, text, today, report)
            known = store.known_ids(a.id for a in batch.articles) | in_flight
            new = unique_new(batch.articles, known)
            report.already_stored += len(batch.articles) - len(new)
            in_flight |= {article.id for article in new}
            batch.articles = new
            future = annotator.submit([(a.id, a.clean.text) for a in new])
            pending.append((batch, len(chunk), future))
            while len(pending) >= annotator.depth:
                _finish(pending.popleft(), store, lsh, report, progress)
        while pending:
            _finish(pending.popleft(), store, lsh, report, progress)
    report.seconds = time.perf_counter() - started
    return report


def _prepare_batch(
    chunk: list[Document | Problem], text, today: dt.date, report: IngestReport
) -> Batch:
    batch = Batch()
    for item in chunk:
        if isinstance(item, Document):
            report.read += 1
            item = prepare(item, text, today)
        if isinstance(item, Problem):
            batch.problems.append(item)
            continue
        batch.articles.append(item)
        if item.alias:
            batch.aliases.append((item.alias, item.id))
    return batch


def _finish(pending, store: Store, lsh, report: IngestReport, progress: Progress | None) -> None:
    batch, size, future = pending
    try:
        batch.annotations = future.result()
    except Exception as error:  # one bad batch is recorded, the run goes on
        batch.problems += [problem(a.source, "E201", str(error)) for a in batch.articles]
        batch.articles = []
    result = store.write_batch(batch, lsh)
    report.stored += result.stored
    report.new_aliases += result.new_aliases
    report.near_duplicates += result.near_duplicates
    report.problems += batch.problems
    if progress:
        progress(size)


def reprocess(
    settings: Settings, *, stale_only: bool = True, progress: Progress | None = None
) -> tuple[int, str]:
    """Re-run the per-article stages on stored articles (only stale ones by default)."""
    version = pipeline_version_of(settings)
    with Store(settings.db) as store, Annotator(settings) as annotator:
        where = "WHERE pipeline_version <> ?" if stale_only else ""
        rows = store.con.execute(
            f"SELECT id, clean_text FROM articles {where} ORDER BY id",
            [version] if stale_only else [],
        ).fetchall()
        done = 0
        for chunk in _chunks(rows, settings.batch_size):
            store.replace_annotations(annotator.submit(list(chunk)).result())
            done += len(chunk)
            if progress:
                progress(len(chunk))
    return done, version
