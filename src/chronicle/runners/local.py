"""The local runner: ingest and reprocess on one machine, with a process pool for spaCy.

The main process reads, cleans and identifies articles (cheap), skips those already
stored, hands new ones to the annotators (in-process, or `workers` processes that each
load the resources once) and writes each batch to the store in one transaction.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import BinaryIO, TypeVar

from ..errors import UsageError, problem
from ..ingest.dedup import LshParams
from ..store import parquet as layout
from ..ingest.readers import iter_documents
from ..kb import KbFile
from ..model import Annotation, Document, IngestReport, Problem
from ..pipeline import (
    AnnotationFailure,
    Resources,
    ToAnnotate,
    annotate_each,
    cached_lsh_params,
    load_resources,
    load_text_resources,
    pipeline_version_of,
    prepare,
    reference_day,
    to_annotate,
)
from ..store.parquet import RunReport
from ..settings import Settings
from ..store import Batch, Store, unique_new
from ..store_upkeep import completions, fuse_pending, redate_inputs

Progress = Callable[[int], None]
Job = TypeVar("Job")


@functools.lru_cache(maxsize=2)
def worker_resources(settings: Settings, kb_files: tuple[KbFile, ...]) -> Resources:
    """The resources of this process, loaded on first use (once per worker)."""
    return load_resources(settings, kb_files)


def annotate_task(
    settings: Settings, kb_files: tuple[KbFile, ...], articles: list[ToAnnotate]
) -> list[Annotation | AnnotationFailure]:
    """A unit of annotation work, run in a worker process or in-process; an article that
    fails is returned as its failure, the others as their annotations."""
    return annotate_each(articles, worker_resources(settings, kb_files)) if articles else []


class Annotator:
    """Runs `annotate_task` in-process (workers=1) or in a pool of worker processes."""

    def __init__(self, settings: Settings, kb_files: Sequence[KbFile] = ()):
        self.settings = settings
        self.kb_files = tuple(kb_files)
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

    def submit(self, articles: list[ToAnnotate]) -> Future:
        if self.pool is not None:
            return self.pool.submit(annotate_task, self.settings, self.kb_files, articles)
        future: Future = Future()
        try:
            future.set_result(annotate_task(self.settings, self.kb_files, articles))
        except Exception as error:  # surfaced per batch by `_finish`
            future.set_exception(error)
        return future

    @property
    def depth(self) -> int:
        """How many batches to keep in flight."""
        return self.settings.workers + 1 if self.pool is not None else 1

    def run(
        self, jobs: Iterable[tuple[Job, list[ToAnnotate]]]
    ) -> Iterator[tuple[Job, Future]]:
        """Annotate each job's articles, `depth` jobs in flight; yield jobs in their order."""
        pending: deque[tuple[Job, Future]] = deque()
        for job, articles in jobs:
            pending.append((job, self.submit(articles)))
            if len(pending) >= self.depth:
                yield pending.popleft()
        while pending:
            yield pending.popleft()


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
    on_wait: Callable[[str], None] | None = None,
) -> IngestReport:
    """Read, clean, annotate and store every article under `paths` ("-": `stdin`); return
    what happened (`ingest_documents`)."""
    if not paths:
        raise UsageError("nothing to ingest: give at least one path, or - for stdin")
    documents = iter_documents(paths, settings, stdin=stdin)
    return ingest_documents(documents, settings, today=today, progress=progress, on_wait=on_wait)


def ingest_documents(
    documents: Iterable[Document | Problem],
    settings: Settings,
    *,
    today: dt.date | None = None,
    progress: Progress | None = None,
    on_wait: Callable[[str], None] | None = None,
) -> IngestReport:
    """Clean, annotate and store documents as a reader gives them (a Problem is recorded);
    return what happened.

    The store is open only while a batch is checked or written and while fusing, so other
    commands can read it in between (docs/store.md); `on_wait` hears when this run waits."""
    started = time.perf_counter()
    today = today or dt.date.today()
    text = load_text_resources()
    lsh = cached_lsh_params(settings)
    report = IngestReport()
    in_flight: set[str] = set()  # ids sent to annotation and not yet written
    written: set[str] = set()  # ids stored (or re-dated) by this run
    session = functools.partial(Store, settings.db, wait=settings.lock_wait, on_wait=on_wait)
    with session() as store:
        kb_files = store.kb_files()
    with Annotator(settings, kb_files) as annotator:

        def jobs() -> Iterator[tuple[tuple[Batch, int], list[ToAnnotate]]]:
            for chunk in _chunks(documents, settings.batch_size):
                batch = _prepare_batch(chunk, text, today, report)
                with session() as store:
                    inputs = _select_new(batch, store, in_flight)
                report.already_stored += len(chunk) - len(batch.problems) - len(batch.articles)
                in_flight.update(article.id for article in batch.articles)
                yield (batch, len(chunk)), inputs

        for (batch, size), future in annotator.run(jobs()):
            _take_results(batch, future)
            with session() as store:
                _write(batch, store, lsh, report)
            in_flight.difference_update(article.id for article in batch.articles)
            written.update(article.id for article in batch.articles)
            written.update(c.article.id for c in batch.completions if c.redates)
            if progress:
                progress(size)
    with session() as store:
        # corpus-level: fuse the events the new articles touch, and those an interrupted
        # earlier run stored but never fused
        fuse_pending(store, written)
    report.seconds = time.perf_counter() - started
    return report


def _select_new(batch: Batch, store: Store, in_flight: set[str]) -> list[ToAnnotate]:
    """Keep the batch's new articles, note the stored ones it completes (docs/store.md);
    return what to annotate: the new articles, and the re-dated ones' stored text."""
    stored = store.known_ids(a.id for a in batch.articles)
    batch.completions = completions(store, [a for a in batch.articles if a.id in stored])
    batch.articles = unique_new(batch.articles, stored | in_flight)
    return [to_annotate(a) for a in batch.articles] + redate_inputs(store, batch.completions)


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


def _take_results(batch: Batch, future: Future) -> None:
    """Put a batch's annotations in it; an article whose annotation failed is recorded as its
    own problem, with nothing of it stored (not even its input id)."""
    redated = [c.article for c in batch.completions if c.redates]
    try:
        results = future.result()
    except Exception as error:  # the worker itself died: the batch is recorded, the run goes on
        results = [AnnotationFailure(a.id, "E201", f"{type(error).__name__}: {error}") for a in batch.articles + redated]
    failed = {r.article_id: r for r in results if isinstance(r, AnnotationFailure)}
    batch.annotations = [r for r in results if not isinstance(r, AnnotationFailure)]
    batch.problems += [
        problem(a.source, failed[a.id].code, failed[a.id].detail) for a in batch.articles + redated if a.id in failed
    ]
    batch.articles = [a for a in batch.articles if a.id not in failed]
    batch.aliases = [(alias, i) for alias, i in batch.aliases if i not in failed]
    batch.completions = [c for c in batch.completions if c.article.id not in failed]


def _write(batch: Batch, store: Store, lsh: LshParams, report: IngestReport) -> None:
    result = store.write_batch(batch, lsh)
    report.completed += len(batch.completions)
    report.stored += result.stored
    report.new_aliases += result.new_aliases
    report.near_duplicates += result.near_duplicates
    report.problems += batch.problems


def reprocess(
    settings: Settings, *, stale_only: bool = True, progress: Progress | None = None
) -> tuple[int, str]:
    """Re-run the per-article stages on stored articles (only stale ones by default)."""
    with Store(settings.db, wait=settings.lock_wait) as store, Annotator(settings, store.kb_files()) as annotator:
        version = pipeline_version_of(settings, annotator.kb_files)
        where = "WHERE pipeline_version <> ?" if stale_only else ""
        ids = [
            row[0]
            for row in store.con.execute(
                f"SELECT id FROM articles {where} ORDER BY id", [version] if stale_only else []
            ).fetchall()
        ]

        def jobs() -> Iterator[tuple[int, list[ToAnnotate]]]:
            for chunk in _chunks(ids, settings.batch_size):
                rows = store.con.execute(
                    "SELECT id, clean_text, published, published_month FROM articles "
                    "WHERE id IN (SELECT unnest(?)) ORDER BY id",
                    [chunk],
                ).fetchall()
                yield len(rows), [
                    ToAnnotate(i, text, reference_day(day, month), day) for i, text, day, month in rows
                ]

        for size, future in annotator.run(jobs()):
            # an article that fails to annotate keeps what it had
            store.replace_annotations([r for r in future.result() if not isinstance(r, AnnotationFailure)])
            if progress:
                progress(size)
        # re-fuse the events of the re-extracted articles (all of them with --all), and of any
        # an interrupted run left waiting
        fuse_pending(store, ids, everything=bool(ids) and not stale_only)
    return len(ids), version


def run_local(
    paths: Sequence[str], out: str, settings: Settings, today: dt.date | None = None, progress: Progress | None = None
) -> RunReport:
    """`chronicle run --engine local`: ingest into the working store DIR/_local/chronicle.duckdb
    with the local runner (incremental by itself), then export every table to the layout."""
    files = layout.LocalFiles()
    os.makedirs(out, exist_ok=True)
    layout.check_engine(files, out, "local")
    layout.recover(files, out)
    working = layout.join(out, layout.LOCAL_STORE)
    os.makedirs(os.path.dirname(working), exist_ok=True)
    ingested = ingest(paths, dataclasses.replace(settings, db=working), today=today, progress=progress)
    run = layout.new_run()
    with Store(working) as store:
        layout.export(store, layout.staging(out, run))
        events, duplicates = store.con.execute(
            "SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM articles WHERE near_duplicate_of IS NOT NULL)"
        ).fetchone()
    layout.commit(files, out, run, "local")
    return RunReport(
        engine="local",
        read=ingested.read,
        stored=ingested.stored,
        already_stored=ingested.already_stored,
        problems=len(ingested.problems),
        near_duplicates=duplicates,
        events=events,
        seconds=ingested.seconds,
    )
