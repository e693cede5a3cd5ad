"""One article that fails annotation fails alone, as its own problem, leaving nothing behind."""

from __future__ import annotations

import json

import duckdb

from chronicle.runners.local import ingest

MEETING = "Vladimir Putin met Benjamin Netanyahu in Moscow on Monday to discuss security."


def test_a_failing_article_fails_alone(settings, tmp_path):
    long_text = " ".join(f"Committee number {i} met again." for i in range(36_000))  # over 1,000,000 characters
    records = [
        {"id": "good-1", "published": "2018-01-08", "text": MEETING},
        {"id": "year-one", "published": "0001-01-01", "text": "The council met on Monday and again on Friday."},
        {"id": "too-long", "text": long_text},
        {"id": "good-2", "published": "2018-02-05", "text": "Sergei Lavrov met Mevlut Cavusoglu in Ankara on Tuesday."},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    report = ingest([str(path)], settings)
    assert report.stored == 2
    with duckdb.connect(settings.db, read_only=True) as con:
        names = {row[0] for row in con.execute("SELECT article_id FROM articles").fetchall()}
        aliases = {row[0] for row in con.execute("SELECT alias FROM article_aliases").fetchall()}
        problems = con.execute("SELECT source, code, reason FROM problems ORDER BY source").fetchall()
        events = con.execute("SELECT count(*) FROM event_mentions").fetchone()[0]
    assert names == aliases == {"good-1", "good-2"}  # no orphan input ids
    assert events >= 2
    by_line = {source.rsplit(":", 1)[-1]: (code, reason) for source, code, reason in problems}
    assert set(by_line) == {"line 2", "line 3"}
    assert by_line["line 3"][0] == "E202" and f"{len(long_text)} characters" in by_line["line 3"][1]
    assert by_line["line 2"][0] == "E201"
    assert "characters" not in by_line["line 2"][1]  # its own error, not its neighbour's
