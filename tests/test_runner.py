"""The local runner: workers, reprocess, and the examples shipped with the project."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import duckdb

from chronicle.pipeline import pipeline_version_of
from chronicle.runners.local import ingest, reprocess

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def stored(db: str) -> list[tuple]:
    with duckdb.connect(db, read_only=True) as con:
        return con.execute(
            "SELECT id, article_id, published, near_duplicate_of, pipeline_version, "
            "(SELECT list((label, start, \"end\") ORDER BY idx) FROM entities e WHERE e.id = a.id), "
            "(SELECT list((start, \"end\") ORDER BY idx) FROM sentences s WHERE s.id = a.id) "
            "FROM articles a ORDER BY id"
        ).fetchall()


def test_two_workers_store_what_one_worker_stores(settings, tmp_path):
    one = ingest([str(EXAMPLES)], settings)
    two_settings = dataclasses.replace(settings, db=str(tmp_path / "two.duckdb"), workers=2, batch_size=3)
    two = ingest([str(EXAMPLES)], two_settings)
    assert (one.read, one.stored, one.near_duplicates) == (two.read, two.stored, two.near_duplicates)
    assert one.stored >= 6 and one.near_duplicates >= 1 and one.already_stored >= 1
    assert stored(settings.db) == stored(two_settings.db)


def test_reprocess_reruns_only_stale_articles(settings):
    ingest([str(EXAMPLES)], settings)
    before = stored(settings.db)
    with duckdb.connect(settings.db) as con:
        stale = con.execute("SELECT id FROM articles ORDER BY id LIMIT 2").fetchall()
        con.execute("UPDATE articles SET pipeline_version = 'chronicle-0.0.1' WHERE id IN (SELECT id FROM articles ORDER BY id LIMIT 2)")
        con.execute("DELETE FROM entities WHERE id IN (SELECT id FROM articles ORDER BY id LIMIT 2)")
    done, version = reprocess(settings, stale_only=True)
    assert done == len(stale) == 2 and version == pipeline_version_of(settings)
    assert stored(settings.db) == before  # the stale articles' annotations are back, the rest untouched
    assert reprocess(settings, stale_only=True)[0] == 0
    assert reprocess(settings, stale_only=False)[0] == len(before)
    assert stored(settings.db) == before
