"""Event mentions from real articles in ../shared, through `chronicle ingest` and
`chronicle mentions`: the machine-readable contract holds on every line, evidence offsets
point into the raw text, and planned meetings never pass for meetings held."""

from __future__ import annotations

import json

import duckdb
import pytest
from typer.testing import CliRunner

from chronicle.cli import app

from conftest import DEV, SEEDS, read_jsonl, shared_path

pytestmark = pytest.mark.integration

MODALITIES = {"reported", "historical", "planned", "hypothetical", "negated"}
PRECISIONS = {"day", "week", "month", "year", "vague", "reported"}
ROLES = {"source", "target", "participant"}
KINDS = {"person", "organization", "country", "group"}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("events") / "events.duckdb")
    runner = CliRunner()
    for path in (SEEDS / "seeds.jsonl", DEV / "articles.jsonl"):
        result = runner.invoke(app, ["ingest", str(shared_path(path)), "--db", db])
        assert result.exit_code == 0, result.output
    return db


def mentions(db: str, *args: str) -> list[dict]:
    result = CliRunner().invoke(app, ["mentions", "--db", db, "--format", "jsonl", *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_every_mention_keeps_the_contract(store):
    found = mentions(store)
    assert len(found) > 300
    types = {row["type"] for row in found}
    assert "CONSULT" in types and len(types) >= 10
    with duckdb.connect(store, read_only=True) as con:
        raw = dict(con.execute("SELECT article_id, raw_text FROM articles").fetchall())
    for row in found:
        assert row["modality"] in MODALITIES and row["date_precision"] in PRECISIONS
        assert 0 < row["confidence"] <= 1
        assert row["date"] is None or len(row["date"]) in (4, 7, 10)
        for actor in row["actors"]:
            assert actor["role"] in ROLES and actor["kind"] in KINDS and actor["name"]
        assert row["sources"], row
        for source in row["sources"]:
            text = raw[source["article_id"]]
            assert 0 <= source["start"] < source["end"] <= len(text)
            assert text[source["trigger_start"] : source["trigger_end"]].split()[0] in text[source["start"] : source["end"]]


def test_filters_narrow_the_listing(store):
    consult = mentions(store, "--type", "consult")
    assert consult and {row["type"] for row in consult} == {"CONSULT"}
    planned = mentions(store, "--type", "CONSULT", "--modality", "planned")
    assert planned and all(row["modality"] == "planned" for row in planned)
    dated = mentions(store, "--since", "2018-01-01", "--until", "2018-12-31")
    assert dated and all(row["date"] and row["date"][:4] == "2018" for row in dated)
    one = mentions(store, "--article", "seed-004")
    assert one and {row["article_id"] for row in one} == {"seed-004"}


def test_planned_meetings_are_not_meetings_held(store):
    """Every gold planned meeting of the seeds that the extractor finds is planned, never
    reported as held."""
    gold = {row["id"]: row for row in read_jsonl(DEV / "seeds_gold.jsonl")}
    found = mentions(store, "--type", "CONSULT")
    for article, row in gold.items():
        for meeting in row["planned"]:
            if not meeting.get("date"):
                continue
            same_day = [m for m in found if m["article_id"] == article and m["date"] == meeting["date"]]
            assert same_day and all(m["modality"] == "planned" for m in same_day), (article, meeting)
