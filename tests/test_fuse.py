"""Fusion: one event per real-world happening, stable ids, timelines (docs/fusion.md)."""

from __future__ import annotations

import datetime as dt

import json
import random

import pytest
from conftest import DEV, SEEDS, read_jsonl, shared_path
from typer.testing import CliRunner

from chronicle import query
from chronicle.cli import app
from chronicle.evaluate import fusion_score
from chronicle.fuse import Member, cluster
from chronicle.fuse_record import fused_event
from chronicle.fuse_ids import assign_ids, new_event_id
from chronicle.model import FusedActor as Actor
from chronicle.runners import local
from chronicle.store import Store
from chronicle.store.fusion import fuse

A = Actor("a", "Alpha", "person", "participant", "AAA")
B = Actor("b", "Beta", "person", "participant", "BBB")
C = Actor("c", "Gamma", "person", "participant", "CCC")


def m(article: str, date: str | None, precision: str = "day", *, idx: int = 0, modality: str = "reported",
      mode: str | None = None, actors=(A, B), place=None, country=None, kind="city", confidence=0.7,
      canonical=None, outlet=None, end=None, type="CONSULT", published=None, text=None) -> Member:
    """A hand-built event mention."""
    return Member(
        key=(article, idx), type=type, mode=mode, modality=modality, date=date, end_date=end,
        precision=precision, confidence=confidence, actors=tuple(actors), place=place,
        place_country=country, place_kind=kind if place else None, canonical=canonical, outlet=outlet,
        text=text or f"sentence of {article}", published=dt.date.fromisoformat(published) if published else None,
    )


def together(members) -> bool:
    return len(cluster(members)) == 1


# ---- compatibility at each precision -------------------------------------------------------


@pytest.mark.parametrize(
    "first, second, joined",
    [
        (("2018-11", "month"), ("2018-11-11", "day"), True),
        (("2013-05-14", "day"), ("2013-05-21", "day"), False),
        (("2013-05-14", "day"), ("2013-05-14", "day"), True),
        (("2013", "year"), ("2013-05-14", "day"), True),
        (("2014", "year"), ("2013-05-14", "day"), False),
        (("2013-05-13", "week"), ("2013-05-17", "day"), True),  # a week: its first day + 6
        (("2013-05-13", "week"), ("2013-05-21", "day"), False),
        (("2013-05-17", "reported"), ("2013-05-14", "day"), True),  # up to 3 days before publication
        (("2013-05-17", "reported"), ("2013-05-13", "day"), False),
        (("2013-05-17", "reported"), ("2013-05-18", "day"), False),  # not after it
        (("2018-10", "month"), ("2018-11", "month"), False),
    ],
)
def test_dates_compatible_at_their_precision(first, second, joined):
    assert together([m("x", *first), m("y", *second)]) is joined


def test_a_reported_window_reaches_its_end_day():
    """News of an undated meeting dated to the day before publication through that day joins
    a mention of the publication day itself; never a later one."""
    assert together([m("x", "2013-05-16", "reported", end="2013-05-17"), m("y", "2013-05-17")])
    assert not together([m("x", "2013-05-16", "reported", end="2013-05-17"), m("y", "2013-05-18")])


def test_multi_day_range_joins_a_day_inside_it():
    assert together([m("x", "2019-06-10", end="2019-06-12"), m("y", "2019-06-11")])
    event = fused_event([m("x", "2019-06-10", end="2019-06-12"), m("y", "2019-06-10", end="2019-06-12")])
    assert (event.date, event.end_date) == ("2019-06-10", "2019-06-12")


def test_undated_mentions_stay_apart():
    assert not together([m("x", None, "vague"), m("y", None, "vague")])


def test_undated_mention_joins_the_one_event_at_its_place():
    sochi = {"place": "g:sochi", "country": "RUS"}
    soon = {"published": "2017-11-22", **sochi}
    assert together([m("x", "2017-11-20", **sochi), m("y", None, "vague", **soon), m("z", None, "vague", **soon)])
    assert not together([m("x", "2017-11-20"), m("y", None, "vague", **soon)])
    two = cluster([m("x", "2017-11-20", **sochi), m("w", "2017-11-21", **sochi), m("y", None, "vague", **soon)])
    assert [("y", 0)] in two  # two events at that place then: it joins neither
    later = cluster([m("x", "2017-11-20", **sochi), m("w", "2018-05-17", **sochi), m("y", None, "vague", **soon)])
    assert [("x", 0), ("y", 0)] in later  # the other one is months after its article
    assert not together([m("x", "2017-11-20", **sochi), m("y", None, "vague", modality="negated", **soon)])


def test_undated_mentions_join_only_on_strong_evidence_and_never_across_years():
    sochi = {"place": "g:sochi", "country": "RUS"}
    # published years later: another meeting at the same place
    assert not together([m("x", "2017-11-20", **sochi), m("y", None, "vague", published="2021-08-20", **sochi)])
    # no date to go by, and the pair's event at that place is only dated to a month
    assert not together([m("x", "2017-11", "month", **sochi), m("y", None, "vague", **sochi)])
    assert not together([m("x", None, "vague", published="2014-01-10", **sochi), m("y", None, "vague", published="2019-03-02", **sochi)])
    # other actors at the same place and time
    assert not together([m("x", "2017-11-20", **sochi), m("y", None, "vague", published="2017-11-21", actors=(A, C), **sochi)])
    # near-identical words, with no publication date
    words = "the two presidents held talks at the residence in the resort town"
    assert together([m("x", "2017-11-20", text=words, **sochi), m("y", None, "vague", text=words + " late", **sochi)])
    # two headlines of the same pair and place are not copies of each other: with two events
    # of the pair there, the undated one joins neither
    two = cluster([m("x", "2021-02-22", text="Alpha and Beta held talks in Sochi", **sochi),
                   m("w", "2020-09-14", text="Alpha hosted Beta in Sochi", **sochi),
                   m("y", None, "vague", text="Talks between Alpha and Beta begin in Sochi", **sochi)])
    assert [("y", 0)] in two
    assert together([m("x", None, "vague", published="2017-11-21", **sochi), m("y", None, "vague", published="2017-11-25", **sochi)])


def test_an_undated_report_on_a_page_without_a_date_joins_the_pairs_one_event_at_its_place():
    """Issue 14, family 1: a page with no publication date tells an undated meeting at a
    place where the two persons have exactly one event that happened, dated to a day."""
    lagos = {"place": "g:lagos", "country": "NGA"}
    dated = m("x", "2016-04-09", published="2016-04-10", text="Alpha met Beta in Lagos on Saturday", **lagos)
    headline = m("y", None, "vague", text="Alpha and Beta hold talks in Lagos", **lagos)
    assert together([dated, headline])
    # a weekday it names must be one of the event's days (2016-04-09 was a Saturday)
    assert together([dated, m("y", None, "vague", text="Alpha received Beta in Lagos on Saturday", **lagos)])
    assert not together([dated, m("y", None, "vague", text="Alpha received Beta in Lagos on Tuesday", **lagos)])
    # a stay of a few days counts as dated; a month does not
    assert together([m("x", "2016-04-08", end="2016-04-10", **lagos), headline])
    assert not together([m("x", "2016-04", "month", **lagos), headline])
    # no place, another place, or two events of the pair at that place: it stays apart
    assert not together([dated, m("y", None, "vague")])
    assert not together([dated, m("y", None, "vague", place="g:abuja", country="NGA")])
    assert [("y", 0)] in cluster([dated, m("w", "2017-06-02", **lagos), headline])
    # a preview of the visit (planned only) does not count as a second event
    preview = m("p", "2016-04-05", modality="planned", published="2016-04-01", **lagos)
    assert [("x", 0), ("y", 0)] in cluster([dated, preview, headline])
    # two persons are needed: a state and its leader at the place say nothing about a visit
    state = Actor("AAA", "Alphaland", "country", "participant", "AAA")
    assert not together([m("x", "2016-04-09", actors=(A, state), **lagos), m("y", None, "vague", actors=(A, state), **lagos)])
    assert [("y", 0)] in cluster([m("x", "2016-04-09", actors=(A, state, C), **lagos),
                                  m("y", None, "vague", actors=(A, state, B), **lagos)])


def test_phone_does_not_join_in_person():
    assert not together([m("x", "2018-11-11", mode="PHONE"), m("y", "2018-11-11", mode="VISIT")])
    assert not together([m("x", "2018-11-11", mode="PHONE"), m("y", "2018-11-11")])
    assert together([m("x", "2018-11-11", mode="PHONE"), m("y", "2018-11", "month", mode="PHONE")])


def test_places_compatible_when_same_missing_or_same_country():
    sochi = {"place": "g:sochi", "country": "RUS"}
    assert together([m("x", "2013-05-14", **sochi), m("y", "2013-05-14")])
    assert together([m("x", "2013-05-14", **sochi), m("y", "2013-05-14", place="g:moscow", country="RUS")])
    assert not together([m("x", "2013-05-14", **sochi), m("y", "2013-05-14", place="g:paris", country="FRA")])


def test_planned_joins_happened_and_the_event_is_reported():
    members = [m("x", "2019-02-27", modality="planned"), m("y", "2019-02-27", modality="historical"), m("z", "2019-02", "month", modality="planned")]
    assert together(members)
    assert fused_event(members).modality == "reported"
    assert fused_event([m("x", "2019-02-27", modality="planned")]).modality == "planned"


def test_what_happened_is_dated_and_placed_by_the_reports_that_say_so():
    """A preview's date and venue ("will visit him in the capital on the 30th") yield to those
    of the reports that the meeting happened; they serve only when no report gives one."""
    preview = m("x", "2019-06-30", modality="planned", place="g:capital", country="AAA")
    report = m("y", "2019", "year", place="g:border", country="AAA", kind="city")
    event = fused_event([preview, report])
    assert (event.modality, event.date, event.place) == ("reported", "2019", "g:border")
    event = fused_event([preview, m("y", None, "vague")])
    assert (event.modality, event.date, event.place) == ("reported", "2019-06-30", "g:capital")


def test_negated_and_hypothetical_stay_apart():
    for other in ("negated", "hypothetical"):
        assert not together([m("x", "2019-02-27"), m("y", "2019-02-27", modality=other)])
        assert not together([m("x", "2019-02-27", modality="planned"), m("y", "2019-02-27", modality=other)])
    assert together([m("x", "2019-02-27", modality="negated"), m("y", "2019-02-27", modality="negated")])


def test_actors_block_by_pair_and_single_actor():
    assert not together([m("x", "2019-02-27", actors=(A, B)), m("y", "2019-02-27", actors=(A, C))])
    assert not together([m("x", "2019-02-27", actors=(A,)), m("y", "2019-02-27", actors=(A, B))])
    assert together([m("x", "2019-02-27", actors=(A,)), m("y", "2019-02-27", actors=(A,))])
    # a three-party mention joins both pairs' events
    assert together([m("x", "2019-02-27", actors=(A, B)), m("y", "2019-02-27", actors=(B, C)), m("z", "2019-02-27", actors=(A, B, C))])
    assert not together([m("x", "2019-02-27", actors=(A, B)), m("y", "2019-02-27", actors=(A, B), type="ACCUSE")])


def test_a_coarse_date_does_not_bridge_two_days():
    """"2018-11" fits both days; it joins one of them and the two days stay apart."""
    members = [m("x", "2018-11-11"), m("x2", "2018-11-11", idx=1), m("y", "2018-11-25"), m("z", "2018-11", "month")]
    clusters = cluster(members)
    assert len(clusters) == 2
    assert sorted(map(len, clusters)) == [1, 3]  # the month joins the better-supported day


def test_order_independence():
    rng = random.Random(7)
    members = []
    for i in range(60):
        day = f"2018-11-{rng.randint(1, 28):02d}"
        precision = rng.choice(["day", "day", "month", "reported", "week", "year"])
        date = {"month": day[:7], "year": day[:4]}.get(precision, day)
        actors = rng.choice([(A, B), (A, C), (B, C), (A, B, C), (A,)])
        members.append(m(f"art{i % 17}", date, precision, idx=i, actors=actors,
                         modality=rng.choice(["reported", "planned", "negated"]),
                         mode=rng.choice([None, "PHONE"])))
    results = []
    for seed in (1, 2, 3):
        shuffled = members[:]
        random.Random(seed).shuffle(shuffled)
        results.append(cluster(shuffled))
    assert results[0] == results[1] == results[2]
    assert results[0] == cluster(sorted(members, key=lambda x: x.key, reverse=True))


def test_best_date_place_actors_and_counts():
    members = [
        m("x", "2018-11-11", place="g:paris", country="FRA", confidence=0.6, canonical="x", outlet="one"),
        m("y", "2018-11-11", place="g:paris", country="FRA", confidence=0.5, canonical="x", outlet="one",
          actors=(A, Actor("b", "Beta", "person", "target", "BBB"))),
        m("z", "2018-11", "month", place="g:france", country="FRA", kind="country", confidence=0.9, canonical="z", outlet="two",
          actors=(A, Actor("b", "Beta", "person", "target", "BBB"))),
    ]
    event = fused_event(members)
    assert (event.date, event.date_precision, event.date_from) == ("2018-11-11", "day", "x:0")
    assert (event.place, event.place_from) == ("g:paris", "x:0")
    assert event.mentions == 3 and event.articles == 2 and event.outlets == 2  # y near-duplicates x
    assert {a.id: a.role for a in event.actors} == {"a": "participant", "b": "target"}
    assert event.summary == "sentence of z" or event.summary.startswith("sentence of")


def test_ids_stable_when_a_new_article_is_added():
    before = [m("x", "2018-11-11"), m("y", "2018-11", "month")]
    first = cluster(before)
    ids = assign_ids(first, {})
    assert ids == [new_event_id(("x", 0))]
    after = before + [m("a-first", "2018-11-11"), m("w", "2013-05-14")]
    second = cluster(after)
    old = {ids[0]: set(first[0])}
    new_ids = assign_ids(second, old)
    by_members = dict(zip(map(tuple, second), new_ids))
    assert by_members[("a-first", 0), ("x", 0), ("y", 0)] == ids[0]  # reused, though its smallest key changed
    assert by_members[(("w", 0),)] == new_event_id(("w", 0))


def test_split_keeps_the_id_for_the_larger_part_and_never_reuses_it():
    old = {"ev-old": {("x", 0), ("y", 0), ("z", 0)}, "ev-older": {("q", 0)}}
    ids = assign_ids([[("x", 0)], [("y", 0), ("z", 0)], [("q", 0), ("r", 0)]], old, {"ev-old": 2, "ev-older": 1})
    assert ids[1] == "ev-old" and ids[2] == "ev-older" and ids[0] not in old
    assert len(set(ids)) == 3


# ---- the store --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds_store(tmp_path_factory):
    """The seeds, ingested (fusion runs at the end of ingest)."""
    from chronicle.settings import Settings

    path = shared_path(SEEDS / "seeds.jsonl")
    settings = Settings(db=str(tmp_path_factory.mktemp("seeds") / "s.duckdb"), batch_size=2)
    local.ingest([str(path)], settings)
    return settings


def _gold_pair(golds: list[dict]) -> list[str]:
    """The two persons who meet in every gold article."""
    common = None
    for gold in golds:
        pairs = {frozenset(meeting["participants"]) for meeting in gold["meetings"] if len(meeting["participants"]) == 2}
        common = pairs if common is None else common & pairs
    (pair,) = common
    return sorted(pair)


def test_timeline_of_the_seed_leaders_lists_each_gold_meeting_once(seeds_store):
    golds = read_jsonl(DEV / "seeds_gold.jsonl")
    pair = _gold_pair(golds)
    wanted = {  # distinct dated meetings that happened, by channel
        (meeting["date"], meeting["kind"] == "phone")
        for gold in golds for meeting in gold["meetings"]
        if sorted(meeting["participants"]) == pair and meeting["date"]
    }
    with Store(seeds_store.db, read_only=True) as store:
        events = query.timeline(store, [name.split()[-1] for name in pair], type="CONSULT")
    assert all(e["modality"] == "reported" and e["date"] for e in events)
    dates = [e["date"] for e in events]
    assert dates == sorted(dates)
    in_person = [(e["date"], False) for e in events if e["mode"] != "PHONE"]
    assert sorted(in_person) == sorted(d for d in wanted if not d[1])  # each once, at gold precision
    phone = {(e["date"], True) for e in events if e["mode"] == "PHONE"}
    assert phone == {d for d in wanted if d[1]}  # the seeds' one call is undated: not on a timeline


def test_fusion_is_idempotent_and_ids_survive_a_refusion(seeds_store):
    with Store(seeds_store.db) as store:
        before = store.query("SELECT id, mentions FROM events ORDER BY id")
        members = store.query("SELECT * FROM event_members ORDER BY article, idx")
        fuse(store)
        some = [row["id"] for row in store.query("SELECT id FROM articles ORDER BY id LIMIT 2")]
        fuse(store, some)
        assert store.query("SELECT id, mentions FROM events ORDER BY id") == before
        assert store.query("SELECT * FROM event_members ORDER BY article, idx") == members
        assert store.con.execute("SELECT count(*) FROM event_mentions").fetchone()[0] == len(members)


def test_ingesting_one_article_at_a_time_gives_the_same_events(seeds_store, tmp_path):
    from chronicle.settings import Settings

    lines = (SEEDS / "seeds.jsonl").read_text(encoding="utf-8").splitlines()
    settings = Settings(db=str(tmp_path / "one.duckdb"), batch_size=1)
    for i, line in enumerate(reversed(lines)):
        part = tmp_path / f"{i}.jsonl"
        part.write_text(line + "\n", encoding="utf-8")
        local.ingest([str(part)], settings)
    sql = "SELECT id, date, modality, mentions, articles FROM events ORDER BY id"
    with Store(settings.db, read_only=True) as one, Store(seeds_store.db, read_only=True) as whole:
        assert one.query(sql) == whole.query(sql)


def test_cli_events_and_timeline(seeds_store):
    runner = CliRunner()
    result = runner.invoke(app, ["events", "--db", seeds_store.db, "--type", "CONSULT", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert records and all(set(query.EVENT_FIELDS) <= set(r) for r in records)
    assert all(r["sources"] and {"article_id", "url", "published", "start", "end", "text"} <= set(r["sources"][0]) for r in records)
    assert all(len(r["sources"]) == r["mentions"] for r in records)
    golds = read_jsonl(DEV / "seeds_gold.jsonl")
    pair = [name.split()[-1] for name in _gold_pair(golds)]
    for fmt in ("table", "csv", "markdown", "jsonl"):
        result = runner.invoke(app, ["timeline", *pair, "--db", seeds_store.db, "--type", "CONSULT", "--format", fmt])
        assert result.exit_code == 0, result.output
    assert result.output.count("\n") >= 7
    # the plain command, as a user types it: the pair's meetings that happened, each once
    result = runner.invoke(app, ["timeline", *pair, "--db", seeds_store.db, "--format", "jsonl"])
    listed = [(r["date"], r["mode"] == "PHONE") for r in map(json.loads, result.output.splitlines())]
    wanted = sorted(
        (meeting["date"], meeting["kind"] == "phone")
        for gold in golds for meeting in gold["meetings"]
        if [name.split()[-1] for name in sorted(meeting["participants"])] == pair and meeting["date"]
    )
    assert listed == wanted
    result = runner.invoke(app, ["timeline", "Nobody Atall", "--db", seeds_store.db])
    assert result.exit_code == 0 and "0 events" in result.output


# ---- measured on the dev articles (docs/fusion.md) --------------------------------------------


def test_dev_fusion_measured(tmp_path):
    from chronicle.settings import Settings

    golds = read_jsonl(DEV / "gold.jsonl")
    settings = Settings(db=str(tmp_path / "dev.duckdb"))
    local.ingest([str(shared_path(DEV / "articles.jsonl"))], settings)
    with Store(settings.db, read_only=True) as store:
        outcome = fusion_score(store, golds, query.kb_of(store))
    print("dev fusion", outcome)
    assert outcome["one"] / outcome["meetings"] >= 0.5
    assert outcome["split"] <= outcome["one"]


def test_a_lone_actors_report_of_the_day_joins_the_dated_one():
    """One outlet dates a resignation "on Monday", another only by its publication day."""
    dated, reported = m("x", "2031-03-03", actors=(A,), type="RETREAT"), m("y", "2031-03-03", "reported", actors=(A,), type="RETREAT")
    assert together([dated, reported])
    assert not together([reported, m("z", "2031-03-03", "reported", actors=(A,), type="RETREAT")])  # neither names the day
    assert not together([dated, m("y", "2031-03-04", "reported", actors=(A,), type="RETREAT")])


def test_a_lone_actors_publication_window_meets_a_day_inside_it():
    """"A resigned", from an article of Tuesday (known from the Monday to the Tuesday), is
    the resignation another outlet dates "on Tuesday", or "on Monday"; not one of Wednesday,
    and two windows alone name no day."""
    window = m("y", "2031-03-02", "reported", end="2031-03-03", actors=(A,), type="RETREAT")
    assert together([window, m("x", "2031-03-03", actors=(A,), type="RETREAT")])
    assert together([window, m("x", "2031-03-02", actors=(A,), type="RETREAT")])
    assert not together([window, m("x", "2031-03-04", actors=(A,), type="RETREAT")])
    assert not together([window, m("z", "2031-03-02", "reported", end="2031-03-03", actors=(A,), type="RETREAT")])
    week_long = m("y", "2031-03-02", "reported", end="2031-03-09", actors=(A,), type="RETREAT")
    assert not together([week_long, m("x", "2031-03-05", actors=(A,), type="RETREAT")])


# ---- lone actors beside the event of their day (fuse_rules, docs/fusion.md) ---------------

STATE = Actor("AAA", "Aland", "country", "source", "AAA")
ORGAN = Actor("group:aaa:minister", "ministers (Aland)", "group", "source", "AAA")
OTHER = Actor("BBB", "Bland", "country", "target", "BBB")
THIRD = Actor("CCC", "Cland", "country", "target", "CCC")


def lone(article="y", date="2031-03-04", idx=0, **kw):
    kw.setdefault("actors", (ORGAN,))
    return m(article, date, idx=idx, type="SANCTION", place=kw.pop("place", "g:capital"), country="AAA", **kw)


def pair(article="x", date="2031-03-04", idx=0, **kw):
    kw.setdefault("actors", (STATE, OTHER))
    return m(article, date, idx=idx, type="SANCTION", place=kw.pop("place", "g:capital"), country="AAA", **kw)


def test_a_lone_organs_report_joins_the_one_event_of_its_state_that_day():
    """"Aland expelled 20 Bland diplomats on Tuesday" and "Aland's ministers expelled 20
    diplomats on Tuesday": one expulsion, whatever the order."""
    members = [pair(), lone(), lone("z", idx=1)]
    assert together(members) and together(list(reversed(members)))
    # a publication day beside the lone report's day (the same block) comes along
    assert together([pair(), lone(), lone("z", idx=1, precision="reported")])


def test_a_lone_report_stays_apart_from_another_day_place_side_or_two_events():
    """Counter-cases: another day, another city, the actor on the other side ("Bland
    expelled Aland's diplomats"), or two events of the state that day (it would bridge them),
    or a meeting (meetings keep the block rules)."""
    assert not together([pair(), lone(date="2031-03-06")])
    assert not together([pair(), lone(place="g:port")])
    assert not together([pair(place=None), lone(place=None)])  # a day and no place: too little
    assert not together([pair(), lone(date="2031-03-03", precision="reported", end="2031-03-04")])
    self_directed = (ORGAN, Actor("AAA", "Aland", "country", "target", "AAA"))  # "an attack on Aland, Aland said"
    assert not together([pair(), lone(actors=self_directed)])
    target = Actor("AAA", "Aland", "country", "target", "AAA")
    assert not together([pair(actors=(Actor("BBB", "Bland", "country", "source", "BBB"), target)), lone()])
    groups = cluster([pair(), pair("w", actors=(STATE, THIRD)), lone()])
    assert sorted(map(len, groups)) == [1, 1, 1]
    talks = [m("x", "2031-03-04", actors=(STATE, OTHER)), m("y", "2031-03-04", actors=(ORGAN,))]
    assert not together(talks)


def test_an_unplaced_lone_report_joins_the_event_of_its_own_article_that_day():
    """"Aland expelled 20 Bland diplomats in its capital on Tuesday ... Aland's ministers
    said on Tuesday the expulsions were final": the article restating its event without a
    place is the same expulsion; from another article, or beside two events of the day, it
    stays apart (a day and no place say too little across outlets)."""
    assert together([pair(), lone("x", idx=1, place=None)])
    assert together([pair(place=None), lone("x", idx=1, place=None)])
    assert not together([pair(), lone("y", place=None)])  # another outlet
    assert not together([pair(), lone("x", idx=1, place=None, date="2031-03-05")])  # another day
    groups = cluster([pair(), pair(idx=2, actors=(STATE, THIRD)), lone("x", idx=1, place=None)])
    assert sorted(map(len, groups)) == [1, 1, 1]  # it would bridge two events


PRESIDENT = Actor("alpha-president", "Alpha Alphason", "person", "source", "AAA")
RIVAL = Actor("delta-rival", "Delta Deltason", "person", "source", "AAA")
BLAND_LEADER = Actor("beta-leader", "Beta Betason", "person", "source", "BBB")


def warning(article="x", date="2031-03-04", idx=0, **kw):
    kw.setdefault("actors", (STATE, OTHER))
    kw.setdefault("type", "THREATEN")
    return m(article, date, idx=idx, place=kw.pop("place", "g:capital"), country="AAA", **kw)


def test_a_person_standing_for_their_state_joins_the_states_event_of_that_day():
    """"Aland warned Bland on Monday" and "Aland's president Alpha Alphason warned Bland on
    Monday": one warning, whatever the order; the target side too ("... warned Aland's
    president" and "... warned Aland")."""
    members = [warning(), warning("y", actors=(PRESIDENT, OTHER))]
    assert together(members) and together(list(reversed(members)))
    bland = Actor("BBB", "Bland", "country", "source", "BBB")
    target_state = Actor("AAA", "Aland", "country", "target", "AAA")
    target_person = Actor("alpha-president", "Alpha Alphason", "person", "target", "AAA")
    assert together([warning(actors=(bland, target_state)), warning("y", actors=(bland, target_person))])


def test_a_person_stays_apart_from_their_states_event_on_another_day_side_or_kind():
    """Counter-cases: another day, a month only, the person on the other side ("Bland warned
    Alpha Alphason" beside "Aland warned Bland"), a person of another state, two persons
    of the state claiming its one event (it would bridge them), and meetings."""
    assert not together([warning(), warning("y", date="2031-03-05", actors=(PRESIDENT, OTHER))])
    assert not together([warning(), warning("y", date="2031-03", precision="month", actors=(PRESIDENT, OTHER))])
    reversed_roles = (Actor("BBB", "Bland", "country", "source", "BBB"), Actor("alpha-president", "Alpha Alphason", "person", "target", "AAA"))
    assert not together([warning(), warning("y", actors=reversed_roles)])
    assert not together([warning(actors=(STATE, THIRD)), warning("y", actors=(BLAND_LEADER, THIRD))])
    groups = cluster([warning(), warning("y", actors=(PRESIDENT, OTHER)), warning("z", actors=(RIVAL, OTHER))])
    assert sorted(map(len, groups)) == [1, 1, 1]
    assert not together([warning(type="CONSULT"), warning("y", type="CONSULT", actors=(PRESIDENT, OTHER))])


def strike(article="x", place="g:bland-capital", country="BBB", actors=None, type="ASSAULT", **kw):
    aland, bland = Actor("AAA", "Aland", "country", "source", "AAA"), Actor("BBB", "Bland", "country", "target", "BBB")
    return m(article, "2031-03-04", type=type, actors=actors or (aland, bland), place=place, country=country, **kw)


def test_a_report_between_states_joins_across_the_countries_of_its_sides():
    """"Aland fired missiles at Bland on Saturday", datelined in Bland's capital by one outlet
    and in Aland's by another: one attack."""
    assert together([strike(), strike("y", place="g:aland-capital", country="AAA")])


def test_reports_in_the_two_sides_countries_stay_apart_when_reversed_elsewhere_or_meetings():
    """Counter-cases: Bland's strike on Aland placed in Aland (the sides swapped), a place in
    a third country, and meetings (a visit and the return visit)."""
    swapped = (Actor("BBB", "Bland", "country", "source", "BBB"), Actor("AAA", "Aland", "country", "target", "AAA"))
    assert not together([strike(), strike("y", place="g:aland-capital", country="AAA", actors=swapped)])
    assert not together([strike(), strike("y", place="g:cland-capital", country="CCC")])
    assert not together([strike(type="CONSULT"), strike("y", type="CONSULT", place="g:aland-capital", country="AAA")])


def test_incremental_fusion_reaches_the_states_event_a_person_stands_for():
    """The stand-in rule's link keys meet, the blocks do not (`link_keys`, `fuse._scope`)."""
    from chronicle.fuse import block_keys
    from chronicle.fuse_rules import link_keys

    person = warning("y", actors=(PRESIDENT, OTHER))
    assert set(link_keys(warning())) & set(link_keys(person))
    assert not set(block_keys(warning())) & set(block_keys(person))


def test_incremental_fusion_reaches_the_event_a_lone_report_joins(tmp_path):
    """Fusing only the lone report's article re-fuses the pair's event too (`link_keys`)."""
    from chronicle.fuse import block_keys
    from chronicle.fuse_rules import link_keys

    shared = set(link_keys(pair())) & set(link_keys(lone()))
    assert shared and not set(block_keys(pair())) & set(block_keys(lone()))
    assert link_keys(m("x", "2031-03-04", actors=(STATE, OTHER))) == []  # meetings: blocks only


# ---- a day and a publication window holding it (fuse_rules.on_named_day) --------------------


def window(make, article="y", first="2031-03-03", last="2031-03-04", **kw):
    """A report known only by its paper's day (`reported`, from the day before to that day)."""
    return make(article, date=first, precision="reported", end=last, **kw)


def test_a_lone_report_of_a_day_joins_an_event_known_by_the_window_holding_it():
    """"Aland's ministers expelled 20 diplomats on Tuesday" and "Aland expelled 20 Bland
    diplomats" from Wednesday's paper (Tuesday or Wednesday) at the same capital: one
    expulsion; and the incremental scope reaches it (`link_keys`)."""
    from chronicle.fuse_rules import link_keys

    anchor = window(pair, "x", first="2031-03-04", last="2031-03-05")
    assert together([anchor, lone()]) and together([lone(), anchor])
    assert set(link_keys(anchor)) & set(link_keys(lone()))


def test_a_lone_report_stays_apart_from_a_window_without_its_day_or_as_a_window_itself():
    """Counter-cases: the window does not hold the lone report's day; the lone report is
    itself only a window (two windows name no day); another place."""
    assert not together([window(pair, "x", first="2031-03-05", last="2031-03-06"), lone()])
    assert not together([window(pair, "x"), window(lone, "y")])
    assert not together([window(pair, "x", first="2031-03-04", last="2031-03-05"), lone(place="g:port")])


def test_a_persons_report_of_a_day_joins_the_states_report_of_the_window_holding_it():
    """"Alpha Alphason warned Bland on Monday" and "Aland warned Bland" from Tuesday's paper:
    one warning, either way round (the person's report the window, the state's the day)."""
    assert together([warning(), window(warning, actors=(PRESIDENT, OTHER), first="2031-03-04", last="2031-03-05")])
    assert together([window(warning, "x", first="2031-03-04", last="2031-03-05"), warning("y", actors=(PRESIDENT, OTHER))])


def test_a_person_and_a_state_stay_apart_on_two_windows_or_a_window_without_the_day():
    """Counter-cases: both only windows (no day named), a window that misses the day."""
    assert not together([window(warning, "x"), window(warning, actors=(PRESIDENT, OTHER))])
    assert not together([warning(), window(warning, actors=(PRESIDENT, OTHER), first="2031-03-05", last="2031-03-06")])


def test_the_rules_beyond_the_blocks_decide_alike_per_piece_of_linked_clusters():
    """`join_by_rules` over each piece of block clusters that `link_keys` connect (what the
    Spark runner does) gives what `cluster` gives over everything at once."""
    import random

    from chronicle.fuse import join_by_rules
    from chronicle.fuse_rules import link_keys

    members = [
        pair(), lone(), lone("z", idx=1), pair("w", "2031-03-09", actors=(STATE, THIRD)), lone("v", "2031-03-09"),
        warning("p"), warning("q", actors=(PRESIDENT, OTHER)), warning("r", actors=(RIVAL, OTHER), date="2031-03-07"),
        window(warning, "s", actors=(BLAND_LEADER, THIRD)), m("t", "2031-03-04", actors=(A, B)),
    ]
    random.Random(3).shuffle(members)
    by_key = {member.key: member for member in members}
    blocks = cluster_blocks_only(members)
    pieces = _UnionFindForTest()
    for index, group in enumerate(blocks):
        pieces.find(("c", index))
        for key in group:
            for link in link_keys(by_key[key]):
                pieces.union(("c", index), ("k", link))
    by_piece: dict = {}
    for index, group in enumerate(blocks):
        by_piece.setdefault(pieces.find(("c", index)), []).append(group)
    joined = sorted(event for groups in by_piece.values() for event in join_by_rules(by_key, groups))
    assert joined == cluster(members)
    assert len(by_piece) > 1 and len(joined) < len(blocks)  # the rules joined clusters, in several pieces


def cluster_blocks_only(members) -> list[list]:
    """The block clusters alone (`cluster` before the rules beyond the blocks)."""
    from unittest import mock

    with mock.patch("chronicle.fuse.join_by_rules", lambda found, groups: sorted(sorted(g) for g in groups)):
        return cluster(members)


class _UnionFindForTest:
    def __init__(self):
        self.parent = {}

    def find(self, item):
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            item = self.parent[item]
        return item

    def union(self, a, b):
        self.parent[self.find(a)] = self.find(b)


def test_a_window_of_the_same_article_tells_of_another_act():
    """An article that gives one warning its day and leaves another to its publication day
    tells of two: "Alpha Alphason warned Bland on Monday ... Aland has also warned Bland"
    stays two events (from two outlets, the same reports are one)."""
    assert not together([warning("x"), window(warning, "x", idx=1, actors=(PRESIDENT, OTHER), first="2031-03-04", last="2031-03-05")])
    assert not together([window(pair, "x", idx=1, first="2031-03-04", last="2031-03-05"), lone("x")])


def test_a_window_never_cancels_a_join_of_the_very_day():
    """"Aland warned Bland on Monday" and "Alpha Alphason warned Bland on Monday" join; a
    second person's warning from the next day's paper (a window holding Monday) makes no
    second claim on the state's event that would leave both apart: it joins afterwards."""
    members = [warning(), warning("y", actors=(PRESIDENT, OTHER)),
               window(warning, "z", actors=(RIVAL, OTHER), first="2031-03-04", last="2031-03-05")]
    assert together(members) and together(list(reversed(members)))
    # without the window, two persons claiming the state's event of the day: neither joins
    assert sorted(map(len, cluster([warning(), warning("y", actors=(PRESIDENT, OTHER)), warning("z", actors=(RIVAL, OTHER))]))) == [1, 1, 1]


# ---- a page's day, given by its fused main event (fuse.with_page_day) ------------------------


def test_an_undated_pages_report_dated_through_its_main_event_joins_that_days_event():
    """Alpha praised Beta in Kigali (a dated report of Monday) and, on a page with no
    date, "Alpha hailed Beta" with no time words nor place: once fusion dates the page by
    its main event to that Monday, the report compares as that day and joins; compared as
    its own words date it (undated, unplaced: rule 4 keeps it apart), it stays apart."""
    from chronicle.fuse import with_page_day

    dated = m("report", "2019-03-11", type="SUPPORT", place="kigali")
    page = m("page", None, "vague", type="SUPPORT")
    assert len(cluster([dated, page])) == 2
    day = {"date": "2019-03-11", "end_date": None, "date_precision": "day", "date_from": "other:0"}
    assert cluster([dated, page], {page.key: with_page_day(page, day)}) == [[("page", 0), ("report", 0)]]
    # counter-cases: another day, or one actor (its block is its day: it is never re-dated)
    other_day = with_page_day(page, {**day, "date": "2019-03-14"})
    assert len(cluster([dated, page], {page.key: other_day})) == 2
    assert with_page_day(m("page", None, "vague", type="SUPPORT", actors=(A,)), day) is None
    assert with_page_day(page, {**day, "date": None}) is None
