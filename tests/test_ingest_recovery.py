"""Crash recovery: an ingest killed at any point, re-run, leaves the store a clean run leaves.

The interrupted runs are real processes killed with SIGKILL; each pauses in its progress
callback (called after a batch has committed) so the kill lands at a known point.
"""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

import chronicle
from chronicle.runners.local import ingest, reprocess
from chronicle.settings import Settings

MEETINGS = [  # invented reports: (source, target, place, published, outlet)
    ("Vladimir Putin", "Benjamin Netanyahu", "Moscow", "2018-01-08", "Invented Times"),
    ("Sergei Lavrov", "Mevlut Cavusoglu", "Ankara", "2018-02-05", "Invented Times"),
    ("Recep Tayyip Erdogan", "Hassan Rouhani", "Tehran", "2018-03-12", "Invented Times"),
    ("Emmanuel Macron", "Angela Merkel", "Berlin", "2018-04-09", "Invented Times"),
    ("Vladimir Putin", "Benjamin Netanyahu", "Moscow", "2018-01-08", "Made-up Post"),
    ("Sergei Lavrov", "Mevlut Cavusoglu", "Ankara", "2018-02-05", "Made-up Post"),
    ("Donald Trump", "Shinzo Abe", "Tokyo", "2018-05-14", "Made-up Post"),
    ("Theresa May", "Justin Trudeau", "Ottawa", "2018-06-11", "Made-up Post"),
]

CHILD = """
import select
import sys
from chronicle.runners.local import ingest, reprocess
from chronicle.settings import Settings

def pause(count):
    print("committed", flush=True)
    # wait here until the test lets us go on, or kills us: in short waits, so that a ctrl-c
    # the kernel hands to another thread (the libraries' workers) still reaches Python at once
    while not select.select([sys.stdin], [], [], 0.1)[0]:
        pass
    sys.stdin.readline()

settings = Settings(db=sys.argv[2], batch_size=2)
if sys.argv[1] == "reprocess":
    reprocess(settings, progress=pause)
else:
    ingest(sys.argv[3:], settings, progress=pause)
print("done", flush=True)
"""


def write_half(path: Path, meetings: list[tuple]) -> str:
    with path.open("w", encoding="utf-8") as out:
        for source, target, place, published, outlet in meetings:
            text = (
                f"{source} met {target} in {place} on Monday to discuss trade and security. "
                f"The talks, reported by {outlet}, lasted three hours."
            )
            record = {"id": f"{outlet}/{source}", "published": published, "outlet": outlet, "text": text}
            out.write(json.dumps(record) + "\n")
    return str(path)


def killed_after(
    db: str, paths: list[str], batches: int, sig: int = signal.SIGKILL, then: float | None = None, run: str = "ingest"
) -> None:
    """Run an ingest (or reprocess) in a child process and send it `sig` once `batches`
    batches have committed: at once (before fusion), or `then` seconds after letting it go on."""
    env = dict(os.environ, PYTHONPATH=str(Path(chronicle.__file__).parents[1]))
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, run, db, *paths],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env,
    )
    try:
        for done in range(1, batches + 1):
            assert child.stdout.readline().strip() == "committed"
            if done < batches or then is not None:  # let it go on
                child.stdin.write("\n")
                child.stdin.flush()
        if then is not None:
            time.sleep(then)
    finally:
        child.send_signal(sig)
        child.wait(timeout=60)
    assert child.returncode != 0 or then is not None  # killed, unless it finished first


def snapshot(db: str) -> dict[str, list[tuple]]:
    """Every table that a run writes, without the wall-clock columns."""
    queries = {
        "articles": "SELECT id, article_id, published, outlet, near_duplicate_of FROM articles ORDER BY id",
        "aliases": "SELECT alias, id FROM article_aliases ORDER BY ALL",
        "event_mentions": "SELECT id, idx, type, date FROM event_mentions ORDER BY ALL",
        "events": "SELECT * EXCLUDE (created_at) FROM events ORDER BY id",
        "event_members": "SELECT * FROM event_members ORDER BY ALL",
        "problems": "SELECT source, code FROM problems ORDER BY ALL",
        "fusion_queue": "SELECT id FROM fusion_queue",
        "completions": "SELECT id, field, value FROM article_completions ORDER BY ALL",
    }
    with duckdb.connect(db, read_only=True) as con:
        return {name: con.execute(sql).fetchall() for name, sql in queries.items()}


def test_killed_second_run_into_a_store_with_events_is_completed_by_a_rerun(tmp_path):
    first = write_half(tmp_path / "first.jsonl", MEETINGS[:4])
    second = write_half(tmp_path / "second.jsonl", MEETINGS[4:])
    clean = Settings(db=str(tmp_path / "clean.duckdb"), batch_size=2)
    ingest([first], clean)
    ingest([second], clean)
    expected = snapshot(clean.db)
    assert len(expected["events"]) == 6 and len(expected["event_mentions"]) == 8

    crashed = dataclasses.replace(clean, db=str(tmp_path / "crashed.duckdb"))
    ingest([first], crashed)
    killed_after(crashed.db, [second], batches=1)  # one batch of the second half stored, unfused
    rerun = ingest([second], crashed)
    assert rerun.already_stored == 2 and rerun.stored == 2
    assert snapshot(crashed.db) == expected


@pytest.mark.parametrize(
    ("sig", "then"),
    [(signal.SIGKILL, None), (signal.SIGINT, None), (signal.SIGKILL, 0.3), (signal.SIGKILL, 1.5)],
    ids=["kill-before-fusion", "ctrl-c-before-fusion", "kill-0.3s-later", "kill-1.5s-later"],
)
def test_kill_around_fusion_on_a_fresh_store_is_repaired_by_a_rerun(tmp_path, sig, then):
    everything = write_half(tmp_path / "all.jsonl", MEETINGS)
    clean = Settings(db=str(tmp_path / "clean.duckdb"), batch_size=2)
    ingest([everything], clean)
    expected = snapshot(clean.db)

    crashed = dataclasses.replace(clean, db=str(tmp_path / "crashed.duckdb"))
    killed_after(crashed.db, [everything], batches=4, sig=sig, then=then)  # every batch stored
    if then is None:
        assert snapshot(crashed.db)["events"] == []  # fusion never committed
    rerun = ingest([everything], crashed)
    assert rerun.stored == 0 and rerun.already_stored == 8
    assert snapshot(crashed.db) == expected
    ingest([everything], crashed)  # and a further run changes nothing
    assert snapshot(crashed.db) == expected


def test_killed_redating_run_is_fused_again_by_a_rerun(tmp_path):
    text_only = tmp_path / "texts"
    text_only.mkdir()
    meetings = MEETINGS[:4]
    dated = write_half(tmp_path / "dated.jsonl", meetings)
    for number, line in enumerate(Path(dated).read_text(encoding="utf-8").splitlines()):
        (text_only / f"{number}.txt").write_text(json.loads(line)["text"], encoding="utf-8")
    clean = Settings(db=str(tmp_path / "clean.duckdb"), batch_size=2)
    ingest([str(text_only)], clean)
    ingest([dated], clean)
    expected = snapshot(clean.db)
    assert all(date for _, _, _, date in expected["event_mentions"])

    crashed = dataclasses.replace(clean, db=str(tmp_path / "crashed.duckdb"))
    ingest([str(text_only)], crashed)
    killed_after(crashed.db, [dated], batches=2)  # every article re-dated, fusion never committed
    ingest([dated], crashed)
    assert snapshot(crashed.db) == expected


def test_killed_reprocess_is_completed_by_a_rerun(tmp_path):
    everything = write_half(tmp_path / "all.jsonl", MEETINGS)
    settings = Settings(db=str(tmp_path / "store.duckdb"), batch_size=2)
    ingest([everything], settings)
    expected = snapshot(settings.db)
    with duckdb.connect(settings.db) as con:  # stale extraction, fused as such
        con.execute("UPDATE articles SET pipeline_version = 'chronicle-0.0.1'")
        con.execute("UPDATE event_mentions SET date = NULL, date_precision = 'vague'")
    ingest([everything], settings)  # nothing new: no re-fusion
    from chronicle.store.fusion import fuse
    from chronicle.store import Store

    with Store(settings.db) as store:
        fuse(store)
    assert snapshot(settings.db) != expected
    killed_after(settings.db, [], batches=1, run="reprocess")  # one batch re-extracted, never re-fused
    reprocess(settings)
    assert snapshot(settings.db) == expected
