"""Actors, places and the KB through the command line, on a small hand-written article."""

from __future__ import annotations

import json
import subprocess
import sys

import duckdb
import pytest

ARTICLE = {
    "id": "wire-actors-1",
    "published": "2010-06-01",
    "text": (
        "Russian Foreign Minister Sergei Lavrov met US Secretary of State Hillary Clinton in Geneva on Monday.\n"
        "The Russian president later telephoned his American counterpart.\n"
        "Foreign Minister Aino Virtanen of Finland joined the talks. Virtanen said they were useful.\n"
        "The Kremlin welcomed the meeting."
    ),
}
GOOD_KB = """actors:
  - id: aino-virtanen
    name: Aino Virtanen
    country: FIN
    roles:
      - {office: foreign_minister, country: FIN, start: 2009-01-01, end: 2011-06-22}
"""
BAD_KB = """actors:
  - id: second-holder
    name: Second Holder
    roles:
      - {office: foreign_minister, country: RUS, start: 2010-01-01}
"""


def chronicle(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "chronicle", *args], capture_output=True, text=True)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("actors")
    (folder / "a.jsonl").write_text(json.dumps(ARTICLE) + "\n")
    db = str(folder / "actors.duckdb")
    assert chronicle("ingest", str(folder / "a.jsonl"), "--db", db).returncode == 0
    return db


def test_actors_are_listed_with_counts(db):
    rows = [json.loads(line) for line in chronicle("actors", "--db", db, "--format", "jsonl").stdout.splitlines()]
    by_id = {row["id"]: row for row in rows}
    assert by_id["sergei-lavrov"]["in_kb"] and by_id["sergei-lavrov"]["mentions"] >= 1
    assert by_id["corpus:person:aino-virtanen"]["mentions"] == 3  # name, surname and its title
    assert by_id["RUS"]["kind"] == "country"


def test_actor_shows_roles_and_evidence(db):
    record = json.loads(chronicle("actor", "Lavrov", "--db", db, "--format", "json").stdout)
    assert record["id"] == "sergei-lavrov" and any(r["office"] == "foreign_minister" for r in record["roles"])
    assert any(e["office"] == "foreign_minister" and e["seat"] == "RUS" for e in record["role_evidence"])
    corpus = json.loads(chronicle("actor", "Aino Virtanen", "--db", db, "--format", "json").stdout)
    assert corpus["role_evidence"][0]["office"] == "foreign_minister"


def test_places_are_resolved(db):
    rows = [json.loads(line) for line in chronicle("places", "--db", db, "--format", "jsonl").stdout.splitlines()]
    assert any(row["name"] == "Geneva" and row["country"] == "CHE" for row in rows)


def test_kb_add_refuses_a_bad_file_and_keeps_the_store(db, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD_KB)
    before = duckdb.connect(db, read_only=True).execute("SELECT count(*) FROM kb_files").fetchone()[0]
    result = chronicle("kb", "add", str(bad), "--db", db)
    assert result.returncode == 1 and "bad.yaml:5" in result.stderr and "while sergei-lavrov holds it" in result.stderr
    assert duckdb.connect(db, read_only=True).execute("SELECT count(*) FROM kb_files").fetchone()[0] == before


def test_kb_add_then_reprocess_resolves_with_the_new_actor(db, tmp_path):
    good = tmp_path / "finland.yaml"
    good.write_text(GOOD_KB)
    assert chronicle("kb", "add", str(good), "--db", db).returncode == 0
    assert chronicle("reprocess", "--db", db).returncode == 0
    record = json.loads(chronicle("actor", "Virtanen", "--db", db, "--format", "json").stdout)
    assert record["id"] == "aino-virtanen" and record["mentioned_as"]


def test_kb_import_wikidata_adds_new_persons_and_skips_known_ones(tmp_path):
    from pathlib import Path

    db = str(tmp_path / "wd.duckdb")
    known_only = Path(__file__).parent / "fixtures" / "wikidata" / "sparql.json"
    refused = chronicle("kb", "import-wikidata", str(known_only), "--db", db)
    assert refused.returncode == 1 and "already in the knowledge base" in refused.stderr
    export = tmp_path / "thatcher.json"
    binding = {
        "person": {"type": "uri", "value": "http://www.wikidata.org/entity/Q7416"},
        "personLabel": {"type": "literal", "value": "Margaret Thatcher"},
        "position": {"type": "uri", "value": "http://www.wikidata.org/entity/Q14211"},
        "start": {"type": "literal", "value": "1979-05-04T00:00:00Z"},
        "end": {"type": "literal", "value": "1990-11-28T00:00:00Z"},
    }
    export.write_text(json.dumps({"head": {"vars": list(binding)}, "results": {"bindings": [binding]}}))
    result = chronicle("kb", "import-wikidata", str(export), "--db", db)
    assert result.returncode == 0, result.stderr
    assert "imported" in result.stderr
    from chronicle.kb import load_kb

    check = json.loads(chronicle("kb", "check", "--db", db).stdout)
    packaged = sum(1 for actor in load_kb().actors.values() if actor.kind == "person")
    assert check["actors"]["person"] == packaged + 1
    thatcher = json.loads(chronicle("actor", "Margaret Thatcher", "--db", db, "--format", "json").stdout)
    assert thatcher["qid"] == "Q7416" and thatcher["roles"][0]["office"] == "head_of_government"
    assert chronicle("kb", "import-wikidata", str(tmp_path / "missing.json"), "--db", db).returncode == 1
