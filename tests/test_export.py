"""`chronicle export`: every table in every format it takes, read back with the tools a
user would read it with (json, csv, pyarrow)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from chronicle.cli import app
from chronicle.export import GDELT_COLUMNS

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("export") / "export.duckdb")
    result = CliRunner().invoke(app, ["ingest", str(EXAMPLES / "wire"), str(EXAMPLES / "feeds"), "--db", path])
    assert result.exit_code == 0, result.output
    return path


def run(db: str, *args: str) -> str:
    result = CliRunner().invoke(app, ["export", "--db", db, *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def count(db: str, table: str) -> int:
    listing = {"mentions": ["mentions"], "quotes": ["quotes"], "events": ["events"]}[table]
    result = CliRunner().invoke(app, [*listing, "--db", db, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    return len([line for line in result.stdout.splitlines() if line.strip()])


@pytest.mark.parametrize("table", ["events", "mentions", "quotes"])
def test_jsonl_and_csv_hold_every_record(db, table):
    total = count(db, table)
    assert total > 0
    lines = [json.loads(line) for line in run(db, table, "--format", "jsonl").splitlines()]
    assert len(lines) == total and all("id" in line for line in lines)
    rows = list(csv.DictReader(io.StringIO(run(db, table, "--format", "csv"))))
    assert len(rows) == total and {row["id"] for row in rows} == {line["id"] for line in lines}


def test_parquet_keeps_nested_fields(db, tmp_path):
    out = tmp_path / "mentions.parquet"
    run(db, "mentions", "--format", "parquet", "--out", str(out))
    table = pq.read_table(out)
    assert table.num_rows == count(db, "mentions")
    first = table.slice(0, 1).to_pylist()[0]
    assert isinstance(first["actors"], list) and isinstance(first["sources"], list)


def test_actors_and_articles_export(db):
    actors = [json.loads(line) for line in run(db, "actors", "--format", "jsonl").splitlines()]
    assert actors and all(a["name"] and a["mentions"] >= 1 for a in actors)
    articles = list(csv.DictReader(io.StringIO(run(db, "articles", "--format", "csv"))))
    assert len(articles) >= 4


def test_plover_records(db):
    records = [json.loads(line) for line in run(db, "events", "--format", "plover").splitlines()]
    assert len(records) == count(db, "events")
    consult = [r for r in records if r["event"] == ["CONSULT"] and r["has_event"]]
    assert consult
    for record in consult:
        assert record["quad_code"] == 1 and record["cite_info"]
        assert record["actor"] or record["recipient"]
        assert all(e["entity_text"] for e in record["actor"] + record["recipient"])


def test_gdelt_table(db):
    rows = list(csv.DictReader(io.StringIO(run(db, "events", "--format", "gdelt")), delimiter="\t"))
    assert rows and list(rows[0]) == list(GDELT_COLUMNS)
    consult = [r for r in rows if r["EventRootCode"] == "04"]
    assert consult and all(r["QuadClass"] == "1" for r in consult)
    dated = [r for r in rows if r["SQLDATE"]]
    assert dated and all(len(r["SQLDATE"]) == 8 and r["SQLDATE"].isdigit() for r in dated)


def test_bad_requests_are_usage_errors(db):
    for args in (["nonsense"], ["quotes", "--format", "gdelt"], ["events", "--format", "xml"], ["events", "--format", "parquet"]):
        result = CliRunner().invoke(app, ["export", "--db", db, *args])
        assert result.exit_code == 2, (args, result.output)
