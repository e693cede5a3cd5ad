"""A `chronicle run` output directory as a store: the Parquet layout, the DuckDB views over
it, every read command on it, and the staged commit that survives a crash.

The output is built by the local engine (`chronicle run --engine local`) from the small
articles of tests/fixtures/server and the project's examples (which hold near-duplicates);
its working DuckDB store is the reference the views must equal."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from chronicle.cli import app
from chronicle.errors import ChronicleError
from chronicle.store.parquet import (
    COMPLETE,
    LOCAL_STORE,
    OUTPUT_TABLES,
    LocalFiles,
    conform,
    join,
    recover,
    staging,
)
from chronicle.runners.local import run_local
from chronicle.server.app import create_app
from chronicle.settings import Settings
from chronicle.store import Store

REPO = Path(__file__).resolve().parents[1]
ARTICLES = REPO / "tests" / "fixtures" / "server" / "articles.jsonl"
EXAMPLES = REPO / "examples"
TODAY = dt.date(2026, 1, 1)
MERKEL, MACRON = "angela-merkel", "emmanuel-macron"

pytestmark = pytest.mark.slow  # one real-pipeline run per module (a few seconds)


@pytest.fixture(scope="module")
def output(tmp_path_factory) -> tuple[str, str]:
    """(the output directory, its working DuckDB store)."""
    out = tmp_path_factory.mktemp("run") / "out"
    report = run_local([str(ARTICLES), str(EXAMPLES)], str(out), Settings(), today=TODAY)
    assert report.stored >= 10 and report.near_duplicates >= 1 and report.events > 0
    return str(out), str(out / LOCAL_STORE)


def test_layout_partitions_per_article_tables_by_month(output):
    out, _ = output
    months = sorted(p.name for p in (Path(out) / "articles").iterdir())
    assert months and all(m.startswith("month=") for m in months)
    assert "month=2019-05" in months  # examples/wire/maas-kono-call-2019-05-17.txt
    for table in ("sentences", "event_mentions", "quotes"):
        assert {p.name for p in (Path(out) / table).iterdir()} <= set(months)
    assert list((Path(out) / "events").glob("*.parquet")) and not (Path(out) / "_staging").exists()


def test_views_have_the_store_columns_and_rows(output):
    out, working = output
    with Store(out, read_only=True) as parquet, Store(working, read_only=True) as duck:
        for table in sorted(duck.table_names() & set(OUTPUT_TABLES)):
            columns = f"SELECT column_name, column_type FROM (DESCRIBE {table})"
            assert parquet.query(columns) == duck.query(columns), table
            order = ", ".join(f"{i}" for i in range(1, len(duck.query(columns)) + 1))
            sql = f"SELECT * FROM {table} ORDER BY {order}"
            assert parquet.query(sql) == duck.query(sql), table
        assert parquet.has_table("events") and parquet.query("SELECT * FROM kb_files") == []  # empty, but there
        assert parquet.query("SELECT count(*) AS n FROM articles WHERE near_duplicate_of IS NOT NULL")[0]["n"] >= 1


def test_a_parquet_directory_is_read_only(output):
    out, _ = output
    with pytest.raises(ChronicleError, match="chronicle run --out"):
        Store(out)


@pytest.mark.parametrize(
    "command",
    [
        ["articles"],
        ["stats"],
        ["problems"],
        ["mentions", "--format", "jsonl"],
        ["events", "--format", "jsonl"],
        ["timeline", MERKEL, MACRON, "--format", "jsonl"],
        ["quotes", "--format", "jsonl"],
        ["claims", "--format", "jsonl"],
        ["actors"],
        ["places"],
        ["actor", MERKEL, "--format", "json"],
        ["export", "events", "--format", "plover"],
        ["export", "mentions", "--format", "csv"],
    ],
)
def test_read_commands_print_the_same_on_the_directory(output, command):
    out, working = output
    runner = CliRunner()
    on_directory = runner.invoke(app, [*command, "--db", out])
    on_store = runner.invoke(app, [*command, "--db", working])
    assert on_directory.exit_code == on_store.exit_code == 0, on_directory.output
    if command == ["stats"]:  # counts tied in rank may come in either order
        assert json.loads(on_directory.stdout) == json.loads(on_store.stdout)
    else:
        assert on_directory.stdout == on_store.stdout
    assert on_directory.stdout.strip()


def test_serve_answers_from_the_directory(output):
    out, working = output
    on_directory, on_store = TestClient(create_app(out)), TestClient(create_app(working))
    for url in ("/api/events?limit=500", f"/api/timeline?actor={MERKEL}&actor={MACRON}", "/api/quotes", "/api/stats"):
        assert on_directory.get(url).json() == on_store.get(url).json(), url
    events = on_directory.get("/api/events").json()
    assert events["total"] > 0
    page = on_directory.get(f"/api/events/{events['items'][0]['id']}")
    assert page.status_code == 200 and page.json()["sources"]


def test_a_second_local_run_adds_only_new_articles(output, tmp_path):
    out = str(tmp_path / "out")
    shutil.copytree(output[0], out)  # the module's output stays as it is
    with Store(out, read_only=True) as store:
        before = store.query("SELECT count(*) AS n FROM articles")[0]["n"]
    extra = tmp_path / "extra.jsonl"
    extra.write_text(json.dumps({"id": "extra-1", "published": "2021-02-03", "text": "Leaders spoke by phone on Friday about trade."}) + "\n")
    report = run_local([str(ARTICLES), str(extra)], out, Settings(), today=TODAY)
    assert (report.stored, report.already_stored) == (1, 4)
    with Store(out, read_only=True) as store:
        assert store.query("SELECT article_id FROM articles WHERE published = '2021-02-03'") == [{"article_id": "extra-1"}]
        assert store.query("SELECT count(*) AS n, count(DISTINCT id) AS d FROM articles")[0] == {"n": before + 1, "d": before + 1}


# ---- the staged commit ----------------------------------------------------------------------


def _part(folder: Path, table: str, rows: list[dict], name: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    pq.write_table(conform(pa.Table.from_pylist(rows), table), folder / name)


def _alias_rows(out: str) -> list[tuple]:
    return sorted((r["alias"], r["id"]) for r in Store(out, read_only=True).query("SELECT alias, id FROM article_aliases"))


def test_an_unfinished_staging_directory_is_dropped(tmp_path):
    out = tmp_path / "out"
    _part(out / "article_aliases", "article_aliases", [{"alias": "a", "id": "1", "added_at": dt.datetime(2020, 1, 1)}], "part-a.parquet")
    stage = Path(staging(str(out), "crashed"))
    _part(stage / "article_aliases", "article_aliases", [{"alias": "b", "id": "2", "added_at": dt.datetime(2020, 1, 1)}], "part-b.parquet")
    assert recover(LocalFiles(), str(out)) == ["crashed"]
    assert not stage.exists() and _alias_rows(str(out)) == [("a", "1")]


def test_a_complete_run_interrupted_while_moving_is_finished_once(tmp_path):
    """A crash after some files moved: recovery moves the rest, none twice, and replaces
    the replaced tables once."""
    out = tmp_path / "out"
    when = dt.datetime(2020, 1, 1)
    _part(out / "article_aliases", "article_aliases", [{"alias": "a", "id": "1", "added_at": when}], "part-a.parquet")
    _part(out / "event_members", "event_members", [{"event_id": "ev-old", "article": "1", "idx": 0}], "part-old.parquet")
    stage = Path(staging(str(out), "run-2"))
    _part(stage / "article_aliases", "article_aliases", [{"alias": "b", "id": "2", "added_at": when}], "part-b.parquet")
    _part(stage / "article_aliases", "article_aliases", [{"alias": "c", "id": "3", "added_at": when}], "part-c.parquet")
    _part(stage / "event_members", "event_members", [{"event_id": "ev-new", "article": "1", "idx": 0}], "part-new.parquet")
    files = LocalFiles()
    files.write_text(join(str(stage), COMPLETE), json.dumps({"engine": "spark", "tables": ["article_aliases", "event_members"]}))
    files.move(str(stage / "article_aliases" / "part-b.parquet"), str(out / "article_aliases" / "part-b.parquet"))  # then the crash
    files.move(str(out / "event_members"), str(stage / "_replaced" / "event_members"))
    assert recover(files, str(out)) == ["run-2"]
    assert _alias_rows(str(out)) == [("a", "1"), ("b", "2"), ("c", "3")]
    with Store(str(out), read_only=True) as store:
        assert store.query("SELECT event_id FROM event_members") == [{"event_id": "ev-new"}]
    assert not stage.exists() and recover(files, str(out)) == []
    assert sorted(os.listdir(out)) == ["_chronicle.json", "article_aliases", "event_members"]


def test_engines_do_not_mix(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "_chronicle.json").write_text(json.dumps({"engine": "spark", "layout": 1}))
    with pytest.raises(ChronicleError, match="--engine spark"):
        run_local([str(ARTICLES)], str(out), Settings(), today=TODAY)


def test_files_written_before_a_column_was_added_read_it_as_null(tmp_path):
    """An output written before migration 11 (event_members without the day fusion gives a
    mention) still opens: the missing columns read as NULL, the others as written."""
    from chronicle.store.parquet import connect

    folder = tmp_path / "out" / "event_members"
    folder.mkdir(parents=True)
    old = pa.table({"event_id": ["ev-1"], "article": ["page"], "idx": pa.array([0], pa.int32())})
    pq.write_table(old, folder / "part-0.parquet")
    con = connect(tmp_path / "out")
    assert con.execute("SELECT event_id, article, idx, date, date_from FROM event_members").fetchall() == [
        ("ev-1", "page", 0, None, None)
    ]
