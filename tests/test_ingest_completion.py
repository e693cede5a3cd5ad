"""A later input with richer metadata completes the stored article, and re-dates its events."""

from __future__ import annotations

import json

import duckdb

from chronicle.runners.local import ingest

TEXT = "Vladimir Putin met Benjamin Netanyahu in Moscow on Monday to discuss security in Syria."


def rows(db: str, sql: str) -> list[tuple]:
    with duckdb.connect(db, read_only=True) as con:
        return con.execute(sql).fetchall()


def test_later_metadata_completes_the_article_and_redates_its_events(settings, tmp_path):
    (tmp_path / "meeting.txt").write_text(TEXT, encoding="utf-8")
    first = ingest([str(tmp_path / "meeting.txt")], settings)
    assert first.stored == 1
    assert rows(settings.db, "SELECT date FROM events") == [(None,)]

    record = {"id": "wire-1", "published": "2018-01-10", "outlet": "Invented Wire", "url": "https://example.org/a",
              "text": TEXT}
    (tmp_path / "meeting.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    second = ingest([str(tmp_path / "meeting.jsonl")], settings)
    assert (second.stored, second.already_stored, second.completed) == (0, 1, 1)

    assert rows(settings.db, "SELECT article_id, outlet, url, published::VARCHAR, published_source FROM articles") == [
        ("wire-1", "Invented Wire", "https://example.org/a", "2018-01-10", "metadata")
    ]
    completed = rows(settings.db, "SELECT field, value, previous FROM article_completions ORDER BY field")
    assert completed == [("outlet", "Invented Wire", None), ("published", "2018-01-10", None), ("url", "https://example.org/a", None)]
    # the events are extracted again against the new date: Monday before 2018-01-10
    assert rows(settings.db, "SELECT date FROM event_mentions") == [("2018-01-08",)]
    assert rows(settings.db, "SELECT date, mentions FROM events") == [("2018-01-08", 1)]

    third = ingest([str(tmp_path / "meeting.jsonl"), str(tmp_path / "meeting.txt")], settings)
    assert third.completed == 0  # nothing new to add: no change
    assert len(rows(settings.db, "SELECT * FROM article_completions")) == 3
