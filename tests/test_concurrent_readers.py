"""Reading while writing: commands and the server read a store an ingest is writing to,
waiting for its lock with a message, never failing (real processes, real locks)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from fastapi.testclient import TestClient

import chronicle
from chronicle.server.app import create_app

ENV = dict(os.environ, PYTHONPATH=str(Path(chronicle.__file__).parents[1]))
PEOPLE = ["Vladimir Putin", "Benjamin Netanyahu", "Sergei Lavrov", "Mevlut Cavusoglu", "Angela Merkel", "Emmanuel Macron"]
INGEST = """
import sys
from chronicle.runners.local import ingest
from chronicle.settings import Settings
ingest(sys.argv[2:], Settings(db=sys.argv[1], batch_size=2))
"""
HOLD = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1])
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
con.close()
"""


def command(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "chronicle", *args], capture_output=True, text=True, env=ENV, timeout=300)


def inputs(folder: Path, count: int) -> str:
    path = folder / "in.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            a, b = PEOPLE[i % 6], PEOPLE[(i + 1) % 6]
            text = f"{a} met {b} in Vienna on Monday, report {i} said. The talks on trade number {i} went on."
            out.write(json.dumps({"id": f"r{i}", "published": f"2018-03-{i + 1:02d}", "text": text}) + "\n")
    return str(path)


def test_a_reader_waits_for_the_lock_with_a_message(tmp_path):
    db = str(tmp_path / "store.duckdb")
    assert command("ingest", inputs(tmp_path, 1), "--db", db).returncode == 0
    holder = subprocess.Popen([sys.executable, "-c", HOLD, db, "4"], stdout=subprocess.PIPE, text=True, env=ENV)
    assert holder.stdout.readline().strip() == "locked"
    started = time.monotonic()
    result = command("stats", "--db", db)
    holder.wait(timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["articles"] == 1
    assert "being written by another process: waiting" in result.stderr and "Traceback" not in result.stderr
    assert time.monotonic() - started >= 1


def test_commands_and_the_server_read_while_an_ingest_runs(tmp_path):
    db = str(tmp_path / "store.duckdb")
    writer = subprocess.Popen([sys.executable, "-c", INGEST, db, inputs(tmp_path, 16)], env=ENV, stderr=subprocess.PIPE, text=True)
    seen, served = [], []
    try:
        while writer.poll() is None:
            if not Path(db).exists():
                time.sleep(0.2)
                continue
            stats = command("stats", "--db", db)
            assert stats.returncode == 0, stats.stderr
            seen.append(json.loads(stats.stdout)["articles"])
            events = command("events", "--db", db, "--format", "jsonl")
            assert events.returncode == 0 and "Traceback" not in events.stderr, events.stderr
            if not served:  # the server starts beside the ingest and answers from what is committed
                client = TestClient(create_app(db, wait=120))
                response = client.get("/api/stats")
                assert response.status_code == 200
                served.append(response.json()["articles"])
    finally:
        writer.wait(timeout=600)
    assert writer.returncode == 0, writer.stderr.read()
    assert seen and seen == sorted(seen) and served  # read during the run, the store only grew
    assert json.loads(command("stats", "--db", db).stdout)["articles"] == 16
