"""Integration: the real Guardian corpus and seeds from ../shared through the whole ingest path."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import duckdb
import pytest

from chronicle.runners.local import ingest
from chronicle.settings import Settings

from conftest import CORPUS, SEEDS, read_jsonl, shared_path

pytestmark = pytest.mark.integration

TABLES = ("articles", "article_aliases", "sentences", "entities", "signatures", "lsh_bands", "near_duplicate_pairs",
          "event_mentions", "events", "event_members")


def snapshot(db: str) -> dict:
    """Everything a run stored, in a comparable form (ingest times left out)."""
    with duckdb.connect(db, read_only=True) as con:
        state = {table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES}
        state["rows"] = con.execute(
            "SELECT id, article_id, published, published_source, near_duplicate_of, md5(clean_text), "
            "offset_clean, (SELECT list(label || ':' || start ORDER BY idx) FROM entities e WHERE e.id = a.id) "
            "FROM articles a ORDER BY id"
        ).fetchall()
    return state


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory) -> tuple[str, object]:
    db = str(tmp_path_factory.mktemp("corpus") / "clean.duckdb")
    report = ingest([str(shared_path(CORPUS))], Settings(db=db))
    return db, report


def test_corpus_is_ingested_whole(corpus_store):
    db, report = corpus_store
    expected = len(read_jsonl(CORPUS))
    assert report.read == expected == 249
    assert report.stored + report.already_stored == expected and not report.problems
    state = snapshot(db)
    assert state["articles"] == report.stored
    assert state["article_aliases"] == expected  # every input id kept
    with duckdb.connect(db, read_only=True) as con:
        undated = con.execute("SELECT count(*) FROM articles WHERE published IS NULL").fetchone()[0]
        no_sentences = con.execute(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.id = a.id)"
        ).fetchone()[0]
        bad_spans = con.execute(
            "SELECT count(*) FROM entities e JOIN articles a USING (id) "
            "WHERE substr(a.raw_text, e.start + 1, e.\"end\" - e.start) <> e.text"
        ).fetchone()[0]
    assert undated == 0 and no_sentences == 0
    assert bad_spans == 0  # every entity's raw span shows the same words as in the clean text


def test_reingest_is_a_no_op(corpus_store, tmp_path):
    db, _ = corpus_store
    before = snapshot(db)
    report = ingest([str(CORPUS)], Settings(db=db))
    assert report.stored == 0 and report.already_stored == report.read == 249
    assert snapshot(db) == before


def test_sigkill_mid_ingest_then_rerun_matches_a_clean_run(corpus_store, tmp_path):
    """Kill the writer once a batch is committed (seen by reading the store between its
    batches), maybe again during the next run, then let a run finish: the store equals a
    clean run's."""
    clean_db, _ = corpus_store
    db = str(tmp_path / "crashed.duckdb")
    command = [sys.executable, "-m", "chronicle", "ingest", str(CORPUS), "--db", db]
    partials = []
    for threshold in (1, 65, 129):
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 300
        while time.time() < deadline and child.poll() is None:
            time.sleep(0.1)
            if _stored(db) >= threshold:
                break
        child.send_signal(signal.SIGKILL)
        child.wait()
        partials.append(_stored(db))
        if 0 < partials[-1] < 249:
            break
    assert any(0 < partial < 249 for partial in partials), f"no kill landed mid-run: {partials}"
    rerun = subprocess.run(command, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert snapshot(db) == snapshot(clean_db)


def _stored(db: str) -> int:
    """Articles committed so far; 0 while the writer holds the store (or before it exists)."""
    try:
        with duckdb.connect(db, read_only=True) as con:
            return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    except duckdb.Error:
        return 0


def test_seeds_as_text_and_as_jsonl_are_the_same_articles(tmp_path):
    seeds = sorted(shared_path(SEEDS).glob("*.txt"))
    db = str(tmp_path / "seeds.duckdb")
    first = ingest([str(p) for p in seeds], Settings(db=db))
    assert first.stored == len(seeds) == 5
    second = ingest([str(SEEDS / "seeds.jsonl")], Settings(db=db))
    assert second.stored == 0 and second.already_stored == 5 and second.new_aliases == 5
    with duckdb.connect(db, read_only=True) as con:
        names = sorted(row[0] for row in con.execute("SELECT article_id FROM articles").fetchall())
    assert names == [f"seed-00{i}" for i in range(5)]
