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


REPORT = (
    "Vladimir Putin met Benjamin Netanyahu in Moscow on Monday to discuss security in Syria and the "
    "situation on the border. The two leaders spoke for three hours at the Kremlin, officials said, and "
    "agreed to keep the military coordination between their armies in place. Netanyahu thanked Putin for "
    "his hospitality and said the talks were frank and useful for both countries. Both sides said more "
    "meetings would follow in the coming months, and that their ministers would meet in the spring."
)


def test_redating_a_near_duplicate_gives_the_links_an_input_order_would(settings, tmp_path):
    """The earliest-published near-duplicate is its cluster's canonical article, whether its
    date came with its first input or later."""
    undated, copy = REPORT, REPORT.replace("frank and useful", "frank and very useful")
    (tmp_path / "first.txt").write_text(undated, encoding="utf-8")
    records = [{"id": "copy", "published": "2018-01-12", "text": copy},
               {"id": "first", "published": "2018-01-09", "text": undated}]
    (tmp_path / "dated.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    ingest([str(tmp_path / "first.txt")], settings)
    ingest([str(tmp_path / "dated.jsonl")], settings)
    later = rows(settings.db, "SELECT article_id, near_duplicate_of IS NULL FROM articles ORDER BY article_id")

    direct = settings.__class__(db=str(tmp_path / "direct.duckdb"), batch_size=settings.batch_size)
    ingest([str(tmp_path / "dated.jsonl")], direct)
    assert later == rows(direct.db, "SELECT article_id, near_duplicate_of IS NULL FROM articles ORDER BY article_id")
    assert later == [("copy", False), ("first", True)]
    events = "SELECT date, mentions, articles FROM events ORDER BY ALL"
    assert rows(settings.db, events) == rows(direct.db, events)
