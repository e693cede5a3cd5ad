"""The command line, through the real entry point, on small hand-written inputs."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

ARTICLE = (
    "Ministers meet in Vienna\n"
    "Foreign Minister Anna Berg met her Austrian counterpart Karl Huber in Vienna on Tuesday.\n"
    "\"We agreed on a great deal,\" Berg said after the talks.\n"
    "Comments are closed.\n"
)


def chronicle(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "chronicle", *args], input=stdin, capture_output=True, text=True)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli")
    (folder / "inputs").mkdir()
    (folder / "inputs" / "a.txt").write_text(ARTICLE)
    lines = [
        {"id": "wire-7", "outlet": "Wire", "published": "2020-03-03", "text": ARTICLE},
        {"id": "wire-8", "outlet": "Other", "published": "2021-04-04", "text": "Leaders spoke by phone on Friday."},
    ]
    (folder / "inputs" / "b.jsonl").write_text("\n".join(json.dumps(line) for line in lines) + "\n{broken\n")
    (folder / "inputs" / "c.bin").write_bytes(b"\x00\x01\x02binary\x00")
    db = str(folder / "cli.duckdb")
    result = chronicle("ingest", str(folder / "inputs"), "--db", db)
    return db, result


def test_ingest_summarises_and_exits_zero_with_skips(store):
    db, result = store
    assert result.returncode == 0, result.stderr
    assert "articles stored" in result.stderr and "E111" in result.stderr and "E102" in result.stderr


def test_articles_lists_in_each_format(store):
    db, _ = store
    rows = [json.loads(line) for line in chronicle("articles", "--db", db, "--format", "jsonl").stdout.splitlines()]
    assert sorted(r["article_id"] for r in rows) == ["wire-7", "wire-8"]  # the text file's copy took the input id
    assert chronicle("articles", "--db", db, "--format", "csv").stdout.startswith("article_id,")
    assert "wire-8" in chronicle("articles", "--db", db, "--since", "2021-01-01").stdout
    assert "wire-7" not in chronicle("articles", "--db", db, "--since", "2021-01-01").stdout


def test_show_marks_entities_and_accepts_any_input_id(store):
    db, _ = store
    shown = chronicle("show", "wire-7", "--db", db)
    assert shown.returncode == 0 and "Anna Berg" in shown.stdout and "PERSON" in shown.stdout
    assert "Comments are closed" not in shown.stdout
    record = json.loads(chronicle("show", "wire-7", "--db", db, "--format", "json").stdout)
    assert record["raw_text"][record["entities"][0]["start"]:record["entities"][0]["end"]] == record["entities"][0]["text"]
    assert chronicle("show", "nope", "--db", db).returncode == 1


def test_stats_and_problems(store):
    db, _ = store
    figures = json.loads(chronicle("stats", "--db", db).stdout)
    assert figures["articles"] == 2 and figures["problems"] == 2
    problems = [json.loads(line) for line in chronicle("problems", "--db", db, "--format", "jsonl").stdout.splitlines()]
    assert {p["code"] for p in problems} == {"E111", "E102"}
    assert any(p["source"].endswith("b.jsonl:line 3") for p in problems)


def test_stdin_and_exit_codes(tmp_path):
    db = str(tmp_path / "stdin.duckdb")
    assert chronicle("ingest", "-", "--db", db, stdin="One sentence is an article.").returncode == 0
    assert chronicle("ingest", str(tmp_path / "missing.txt"), "--db", db).returncode == 1  # nothing readable
    assert chronicle("ingest", "--db", db).returncode == 2  # usage error: no path
    assert chronicle("articles", "--db", str(tmp_path / "none.duckdb")).returncode == 2
