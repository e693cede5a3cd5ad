"""A mention its page cannot date takes the day of the fused event another article's report
dates (fuse_dates.py). Invented text and records, case and counter-case."""

from __future__ import annotations

import json

from chronicle import query
from chronicle.fuse_dates import date_from_event, fits_expression
from chronicle.runners import local
from chronicle.settings import Settings
from chronicle.store import Store

UNDATED = {"date": None, "date_expression": "", "modality": "reported"}
EVENT = {"date": "2016-04-09", "end_date": None, "date_precision": "day", "date_from": "other:2", "modality": "reported"}


def test_an_undated_mention_takes_the_day_another_report_gives_its_event():
    found = date_from_event(UNDATED, EVENT, "mine")
    assert found == {"date": "2016-04-09", "end_date": None, "date_precision": "day", "date_from": "other:2"}
    stay = {**EVENT, "end_date": "2016-04-11"}
    assert date_from_event(UNDATED, stay, "mine")["end_date"] == "2016-04-11"


def test_a_mention_keeps_its_own_date_and_a_loose_event_dates_nothing():
    assert date_from_event({**UNDATED, "date": "2016-04"}, EVENT, "mine") is None
    assert date_from_event(UNDATED, {**EVENT, "date": "2016-04", "date_precision": "month"}, "mine") is None
    assert date_from_event(UNDATED, {**EVENT, "date_precision": "reported"}, "mine") is None  # a report's day
    assert date_from_event(UNDATED, {**EVENT, "end_date": "2016-05-20"}, "mine") is None  # a long stay
    assert date_from_event(UNDATED, None, "mine") is None


def test_only_another_articles_report_that_it_happened_dates_it():
    assert date_from_event(UNDATED, {**EVENT, "date_from": "mine:0"}, "mine") is None  # its own article
    assert date_from_event(UNDATED, {**EVENT, "modality": "planned"}, "mine") is None
    assert date_from_event({**UNDATED, "modality": "planned"}, EVENT, "mine") is None


def test_the_mentions_own_time_words_must_agree_with_the_day():
    saturday = [__import__("datetime").date(2016, 4, 9)]
    assert fits_expression("on Saturday night", saturday)
    assert fits_expression("April 9", saturday) and fits_expression("", saturday)
    assert not fits_expression("Monday", saturday)
    assert not fits_expression("March 9", saturday) and not fits_expression("April 12", saturday)
    assert date_from_event({**UNDATED, "date_expression": "Tuesday"}, EVENT, "mine") is None
    assert date_from_event({**UNDATED, "date_expression": "Saturday"}, EVENT, "mine")["date"] == "2016-04-09"


KIGALI = [
    {"id": "dated", "published": "2019-03-12", "url": "https://example.org/a",
     "text": "KIGALI - Paul Kagame met Cyril Ramaphosa in Kigali on Monday to discuss trade and the"
             " border.\n\nThe two leaders agreed to meet again next year."},
    {"id": "undated", "url": "https://example.org/news/kagame-ramaphosa",
     "text": "Kagame and Ramaphosa hold talks in Kigali\n\nRwandan President Paul Kagame on Monday held"
             " talks with South African President Cyril Ramaphosa in Kigali on trade.\n\nKagame also met"
             " Mozambican President Filipe Nyusi to discuss security."},
]


def _kigali(tmp_path) -> Settings:
    """A store of the invented Kigali meeting: a dated report, an undated page."""
    path = tmp_path / "a.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in KIGALI))
    settings = Settings(db=str(tmp_path / "s.duckdb"))
    local.ingest([str(path)], settings)
    return settings


def test_a_report_on_a_page_without_a_date_is_listed_with_its_events_day(tmp_path):
    """End to end: a dated report and an undated page of the same meeting at one place."""
    settings = _kigali(tmp_path)
    with Store(settings.db, read_only=True) as store:
        mentions = query.list_event_mentions(store, type="CONSULT")
    pair = {"Paul Kagame", "Cyril Ramaphosa"}
    by_article = {m["article_id"]: m for m in mentions if {a["name"] for a in m["actors"]} >= pair and m["modality"] == "reported"}
    assert by_article["dated"]["date"] == "2019-03-11"
    assert by_article["undated"]["date"] == "2019-03-11"
    assert by_article["undated"]["date_from"].endswith(":" + by_article["dated"]["id"].rsplit(":e", 1)[1])
    # the page's later meeting, with no time words of its own, takes the page's main event day
    later = [m for m in mentions if m["article_id"] == "undated" and "Filipe Nyusi" in {a["name"] for a in m["actors"]}]
    assert [m["date"] for m in later] == ["2019-03-11"]


def _mention(idx, *, date=None, precision="vague", rule="unresolved", expression="", modality="reported", event=None):
    return {"id": "mine", "idx": idx, "date": date, "date_precision": precision, "date_rule": rule,
            "date_expression": expression, "modality": modality, "event": event}


def test_an_undated_pages_main_event_day_comes_from_its_first_happened_meeting_dated_by_its_event():
    from chronicle.fuse_dates import main_day, takes_main_day

    page = [_mention(0, modality="planned", event=EVENT), _mention(1, expression="Saturday", event=EVENT), _mention(2)]
    idx, found = main_day(page)
    assert idx == 1 and found["date"] == "2016-04-09"
    # a later mention with no time words takes it ("Alpha also met Gamma"), as the extractor
    # gives such a mention its main event's time on a dated page
    assert takes_main_day(page[2], idx)
    # one before it, one with its own time words, a plan: not
    assert not takes_main_day(_mention(0), idx)
    assert not takes_main_day(_mention(3, rule="weekday:no-anchor", expression="Tuesday"), idx)
    assert not takes_main_day(_mention(3, modality="planned"), idx)


def test_no_main_event_day_when_the_page_dates_its_first_meeting_itself_or_nothing_does():
    from chronicle.fuse_dates import main_day

    assert main_day([_mention(0, date="2016-04-08", precision="day", rule="date"), _mention(1, event=EVENT)]) is None
    assert main_day([_mention(0), _mention(1)]) is None
    assert main_day([_mention(0, event={**EVENT, "date_from": "mine:3"})]) is None


def _members(store: Store) -> list[tuple]:
    return store.con.execute("SELECT * FROM event_members ORDER BY article, idx").fetchall()


def test_the_day_fusion_gives_is_stored_and_every_query_filters_on_it(tmp_path):
    """The derived day is written by fusion (event_members), so `--since`/`--until` of
    `mentions` find the undated page on it; the mention keeps its own (no) date."""
    from typer.testing import CliRunner

    from chronicle.cli import app

    settings = _kigali(tmp_path)
    runner = CliRunner()
    found = runner.invoke(app, ["mentions", "--db", settings.db, "--article", "undated", "--since", "2019-03-11",
                                "--until", "2019-03-11", "--format", "jsonl"])
    assert found.exit_code == 0, found.output
    listed = [json.loads(line) for line in found.output.splitlines() if line.strip()]
    assert {"Paul Kagame", "Cyril Ramaphosa"} <= {a["name"] for m in listed for a in m["actors"]}
    assert all(m["date"] == "2019-03-11" and m["date_from"] for m in listed)
    before = runner.invoke(app, ["mentions", "--db", settings.db, "--article", "undated", "--until", "2019-03-10", "--format", "jsonl"])
    assert not [line for line in before.output.splitlines() if line.strip()]  # not on another day
    events = runner.invoke(app, ["events", "--db", settings.db, "--since", "2019-03-11", "--until", "2019-03-11", "--format", "jsonl"])
    assert any({s["article_id"] for s in json.loads(line)["sources"]} == {"dated", "undated"} for line in events.output.splitlines())
    with Store(settings.db, read_only=True) as store:
        own = store.query("SELECT e.date FROM event_mentions e JOIN articles a USING (id) JOIN event_members m "
                          "ON m.article = e.id AND m.idx = e.idx WHERE a.article_id = 'undated' AND m.date IS NOT NULL")
        assert own and all(row["date"] is None for row in own)  # its own text still dates nothing
        assert query.count_event_mentions(store, article="undated", since="2019-03-11", until="2019-03-11") == len(listed)


def test_fusing_again_stores_the_same_days(tmp_path):
    """Re-fusing one article, or the whole store, or ingesting again changes no stored day."""
    from chronicle.store.fusion import fuse

    settings = _kigali(tmp_path)
    with Store(settings.db) as store:
        first = _members(store)
        assert any(row[3] == "2019-03-11" for row in first)
        undated = store.con.execute("SELECT id FROM articles WHERE article_id = 'undated'").fetchone()[0]
        fuse(store, [undated])
        assert _members(store) == first
        fuse(store)
        assert _members(store) == first
    path = tmp_path / "a.jsonl"
    local.ingest([str(path)], settings)
    with Store(settings.db, read_only=True) as store:
        assert _members(store) == first


def test_a_page_with_its_own_date_takes_no_main_day():
    """`page_dates`: the main event day is for pages with no publication date only; a
    mention's own event day for any page."""
    from chronicle.fuse_dates import page_dates

    page = [_mention(0, expression="Saturday", event=EVENT), _mention(1)]
    assert set(page_dates(page, dated_page=False)) == {0, 1}
    assert set(page_dates(page, dated_page=True)) == {0}
    assert page_dates([_mention(0, date="2016-04-08", precision="day", rule="date", event=EVENT)], dated_page=False) == {}


def test_migration_11_queues_the_fused_articles_so_the_next_run_dates_them():
    import duckdb

    from chronicle.store import MIGRATIONS
    from chronicle.store.schema import migrate

    con = duckdb.connect()
    con.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)")
    for version, name, step in MIGRATIONS[:10]:
        step(con)
        con.execute("INSERT INTO schema_migrations VALUES (?, ?, now())", [version, name])
    con.execute("INSERT INTO event_members VALUES ('ev-1', 'page', 0), ('ev-1', 'page', 1), ('ev-2', 'other', 0)")
    assert migrate(con) == [11]
    assert con.execute("SELECT date, date_from FROM event_members").fetchall() == [(None, None)] * 3
    assert sorted(row[0] for row in con.execute("SELECT id FROM fusion_queue").fetchall()) == ["other", "page"]


NYUSI = {"id": "nyusi", "published": "2019-03-12", "url": "https://example.net/b",
         "text": "KIGALI - Mozambican President Filipe Nyusi met Rwandan President Paul Kagame in Kigali on"
                 " Monday to discuss security on their borders."}


def _events_by_members(tmp_path, runs) -> list[tuple]:
    tmp_path.mkdir()
    settings = Settings(db=str(tmp_path / "s.duckdb"))
    for number, articles in enumerate(runs):
        path = tmp_path / f"run{number}.jsonl"
        path.write_text("".join(json.dumps(a) + "\n" for a in articles))
        local.ingest([str(path)], settings)
    with Store(settings.db, read_only=True) as store:
        rows = store.query(
            "SELECT e.id, e.type, e.date, list(a.article_id || ':' || m.idx || '=' || coalesce(m.date, '') "
            "ORDER BY a.article_id, m.idx) AS members FROM events e JOIN event_members m ON m.event_id = e.id "
            "JOIN articles a ON a.id = m.article GROUP BY ALL ORDER BY e.id"
        )
    return [(row["id"], row["type"], row["date"], tuple(row["members"])) for row in rows]


def test_a_meeting_the_page_day_dates_joins_that_days_report_in_one_run_or_article_by_article(tmp_path):
    """"Kagame also met Nyusi" on the undated page takes the page's main day (Monday, from
    the Kigali talks another report dates) and, dated so, joins the dated report of the
    Kagame–Nyusi meeting; ingesting the articles one at a time, in another order, gives the
    same events and the same stored days."""
    one = _events_by_members(tmp_path / "one", [KIGALI + [NYUSI]])
    nyusi = [event for event in one if any(member.startswith("nyusi:") for member in event[3])]
    assert len(nyusi) == 1 and nyusi[0][2] == "2019-03-11"
    assert any(member.startswith("undated:") and member.endswith("=2019-03-11") for member in nyusi[0][3])
    assert _events_by_members(tmp_path / "each", [[KIGALI[1]], [NYUSI], [KIGALI[0]]]) == one
