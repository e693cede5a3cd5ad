"""Hostile stored text through the real command line: ingested, and printed as it is."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import chronicle

MARKUP = "Vladimir Putin met Benjamin Netanyahu in Moscow on Monday to discuss [/i] security [link=https://example.org]here[/link]."


def run(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(Path(chronicle.__file__).parents[1]), COLUMNS="400")
    return subprocess.run([sys.executable, "-m", "chronicle", *args], capture_output=True, text=True, env=env, timeout=300)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    inputs = os.fsencode(folder / "inputs")
    os.mkdir(inputs)
    with open(os.path.join(inputs, b"caf\xe9.txt"), "wb") as out:  # a file name that is not UTF-8
        out.write(b"Sergei Lavrov met Mevlut Cavusoglu in Ankara on Tuesday.")
    record = {"id": "[/i]x", "title": "[link=javascript:alert(1)]T[/link] [/i]", "published": "2018-01-10",
              "outlet": "[bold]Wire", "text": MARKUP}
    with open(os.path.join(inputs, b"b.jsonl"), "w", encoding="utf-8") as out:
        out.write(json.dumps(record) + "\n")
        out.write('{"id": "half", "title": "\\ud800", "text": "Emmanuel Macron met Angela Merkel \\udfff in Berlin."}\n')
    os.mkfifo(os.path.join(inputs, b"pipe"))
    path = str(folder / "store.duckdb")
    result = run("ingest", str(folder / "inputs"), "--db", path)
    assert result.returncode == 0, result.stderr
    return path


def test_hostile_inputs_are_stored(db):
    stats = json.loads(run("stats", "--db", db).stdout)
    assert stats["articles"] == 3


@pytest.mark.parametrize("command", [["articles"], ["mentions"], ["events"], ["show", "[/i]x"], ["problems"]])
def test_stored_markup_is_printed_as_text(db, command):
    result = run(*command, "--db", db)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    shown = " ".join(result.stdout.split())
    if command[0] == "show":
        assert "title: [link=javascript:alert(1)]T[/link] [/i]" in result.stdout and "discuss [/i] security [link=https://example.org]here[/link]" in result.stdout
    elif command[0] == "articles":
        assert "[/i]x" in shown and "[bold]Wire" in shown
    elif command[0] in ("mentions", "events"):
        assert "[/i]" in shown
    else:
        assert "pipe" in shown
