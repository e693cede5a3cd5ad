"""The evaluation gate: accuracy on the dev gold must not drop below the pinned floors.

Floors are raised as the system improves, never lowered silently. Measured when pinned
(chronicle eval, 2026-11-22): seeds actors 40/40, name mentions 127/127; dev actors
265/267 (0.993), name mentions 736/742 (0.992); gold meeting dates among the resolved
times 17/17 and 68/110 (0.618; 23 dev articles have no publication date, so their
relative dates stay unresolved); publication dates 5/5 and 43/43.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chronicle.evaluate import evaluate

from conftest import DEV, SEEDS, shared_path

pytestmark = pytest.mark.integration

FLOORS = {  # dev2 (measured 2026-12-07): actors 0.980, name mentions 0.989, publication dates 1.0,
    # gold meeting dates among the resolved times 0.508 (30 of its 82 pages carry no date)
    "seeds": {"actors": 0.97, "name_mentions": 0.97, "published": 1.0, "meeting_dates": 0.94},
    "dev": {"actors": 0.97, "name_mentions": 0.97, "published": 1.0, "meeting_dates": 0.6},
    "dev2": {"actors": 0.96, "name_mentions": 0.97, "published": 1.0, "meeting_dates": 0.51},  # 0.530 with story date lines (issue 14)
}
# Quotes (measured 2026-11-22): seeds recall 28/28, speakers 27/28, 18 of 47 direct and
# partial quotes match no gold quote; dev recall 180/180, speakers 170/180 (0.944), 60 of
# 247 unmatched (the gold lists at most 6 quotes per article). Unmatched is a ceiling.
QUOTE_FLOORS = {  # dev2 (2026-12-07): recall 0.956, speakers 0.902, unmatched 0.276
    "seeds": {"recall": 0.95, "speaker_accuracy": 0.92, "unmatched_share": 0.45},
    "dev": {"recall": 0.97, "speaker_accuracy": 0.91, "unmatched_share": 0.3},
    "dev2": {"recall": 0.93, "speaker_accuracy": 0.88, "unmatched_share": 0.3},
}
SETS = {
    "seeds": (DEV / "seeds_gold.jsonl", SEEDS / "seeds.jsonl"),
    "dev": (DEV / "gold.jsonl", DEV / "articles.jsonl"),
    "dev2": (DEV.parent / "dev2" / "gold.jsonl", DEV.parent / "dev2" / "articles.jsonl"),
}


@pytest.fixture(scope="module", params=sorted(SETS))
def result(request, tmp_path_factory):
    gold, articles = SETS[request.param]
    return request.param, evaluate(shared_path(gold), shared_path(articles))


def test_actor_identities_stay_above_the_floor(result):
    name, scores = result
    assert scores["actors"]["accuracy"] >= FLOORS[name]["actors"], scores["actors"]["misses"]
    assert scores["actors"]["name_mentions"]["accuracy"] >= FLOORS[name]["name_mentions"], scores["actors"]["confusions"]


def test_publication_dates_stay_above_the_floor(result):
    name, scores = result
    assert scores["published"]["accuracy"] >= FLOORS[name]["published"]


def test_meeting_dates_stay_above_the_floor(result):
    name, scores = result
    assert scores["meeting_dates"]["accuracy"] >= FLOORS[name]["meeting_dates"], scores["meeting_dates"]["misses"]


def test_quotes_stay_above_the_floor(result):
    name, scores = result
    quotes, floors = scores["quotes"], QUOTE_FLOORS[name]
    assert quotes["recall"] >= floors["recall"], quotes["misses"]
    assert quotes["speaker_accuracy"] >= floors["speaker_accuracy"], quotes["wrong_speakers"]
    assert quotes["unmatched_share"] <= floors["unmatched_share"], quotes["unmatched_sample"]


def test_seeds_without_metadata_date_from_captions_or_stay_unresolved(tmp_path):
    """The .txt seeds carry no publication date: two resolve from their dated captions,
    the others keep their relative dates unresolved rather than guess."""
    import json

    import duckdb

    from chronicle.runners.local import ingest
    from chronicle.settings import Settings

    rows = [json.loads(line) for line in shared_path(SEEDS / "seeds.jsonl").read_text().splitlines()]
    db = str(tmp_path / "txt.duckdb")
    ingest([str(SEEDS / row["file"]) for row in rows], Settings(db=db))
    with duckdb.connect(db, read_only=True) as con:
        stored = dict(con.execute("SELECT source, published FROM articles").fetchall())
        guessed = con.execute(
            "SELECT count(*) FROM mentions m JOIN articles a USING (id) WHERE m.kind = 'time' "
            "AND a.published IS NULL AND m.anchor IS NOT NULL"
        ).fetchone()[0]
    dated = {Path(source).name: published for source, published in stored.items() if published}
    expected = {row["file"]: row["published"] for row in rows if row["file"] in dated}
    assert len(dated) == 2 and {f: str(d) for f, d in dated.items()} == expected
    assert guessed == 0  # no relative date resolved against a guessed anchor


EVENT_FLOORS = {  # meetings that happened; planned meetings. Measured when pinned (2026-12-07, issue 14,
    # docs/events.md): seeds 15/15 found, 15/15 predicted right, dates 14/14, cities 10/10,
    # planned 5/5; dev 78/101 found, 78/91 predicted right, dates 48/76, cities 66/71, planned
    # 9/15; dev2 86/110 found, 85/108 predicted right, dates 43/85, cities 59/68, planned 19/38
    "seeds": {"recall": 0.97, "precision": 0.95, "date_accuracy": 0.95, "city_accuracy": 0.95, "planned_recall": 0.9},
    "dev": {"recall": 0.88, "precision": 0.83, "date_accuracy": 0.79, "city_accuracy": 0.92, "planned_recall": 0.75},
    "dev2": {"recall": 0.94, "precision": 0.76, "date_accuracy": 0.67, "city_accuracy": 0.86, "planned_recall": 0.75},
}  # date floors raised (2026-12-07, s7dates: an undated page's mention takes its fused event's day,
# query/event_dates.py): dev dates 71/88 (0.807), dev2 66/98 (0.674)  # issue 14 date part (2026-12-07): dates dev 49/76 (0.645), dev2 50/85 (0.588), a range holding the gold day counts
# s7strict (participants in descriptions, hosting capitals, counted meetings): dev2 recall 103/110, cities 68/78
# recall raised (2026-12-07, h14r2: recalled calls, date-framed background): dev 81/101, dev2 91/110
# dev recall floor raised (2026-12-07, h14r3: counted meetings listed one by one): dev 83/101
# recall floors raised (2026-12-07, h14p: participants in lists, groups, quotes): dev 85/101, dev2 96/110
# planned recall floors raised (2026-12-07, h14f: modality framing, invitations, previews): dev 10/15, dev2 24/38
# dev2 planned recall floor raised (2026-12-07, h14h: granted audiences, pronouns meeting a compatriot): 26/38
# planned recall floors raised (2026-12-07, h14p: plans said before / title plans / implied hosts folded,
# pronouns bound to the speaker): dev 11/15, dev2 28/38
# dev2 recall floor raised (2026-12-07, h14f second pass: meetings recalled in a since-clause, "brought them together"): 97/110 (0.882)
# date floors raised (2026-12-07, h14t: news windows, meetings in progress, page months, stays):
# dates dev 51/81 -> 54/82 (0.6585), dev2 51/90 -> 54/90 (0.60)
# date and recall floors raised (2026-12-07, h14d: calls on the telephone, relative clauses of
# occurrence, the previous evening, other occasions elsewhere, late closure): dev found 88/101,
# dates 59/86 (0.686); dev2 found 98/110, dates 59/95 (0.621)
# date and planned floors raised (2026-12-07, m14a: meetings on undated pages take the date the page
# writes, timetable previews planned, "the two leaders" not a passing name): dev dates 0.721, planned
# 12/15 (0.80); dev2 dates 0.629, planned 30/38 (0.79)


# dev2 recall and planned recall floors raised (2026-12-07, h14a: meals as meetings, titles one
# country uses, a coordinated verb sharing its head's future): dev2 found 100/110, planned 29/38
# floors raised (2026-12-07, m14b: yearless dates on undated pages, occasions told apart, typographic
# apostrophes, two countries, arrivals with a stated aim, reports about a visit): dev found 89/101
# (0.881), dates 0.713, cities 0.938; dev2 found 102/110 (0.927), cities 0.859
# dev recall floor raised (2026-12-07, m14c: "the meeting was preceded by a discussion with X" takes
# the guest): dev found 90/101 (0.891); dev2 planned stays 29/38 here (the split plan was found before)
# dev2 recall and city floors raised (2026-12-07, s7strict: "a meeting involving A and B", plural
# "meetings with A and B" one by one, a call no longer replacing an implied host's visit, "Beijing
# hosted X" at Beijing): dev2 found 103/110 (0.936), cities 68/78 (0.872)
# dev2 recall and date floors raised (2026-12-07, s7pub: "recent meetings" in the weeks before the
# page, a closed two-day summit a meeting each day): dev2 found 104/110 (0.945), dates 68/100 (0.68)


def test_meetings_stay_above_the_floor(result):
    name, scores = result
    held, planned = scores["events"]["meetings"], scores["events"]["planned"]
    floors = EVENT_FLOORS[name]
    for key in ("recall", "precision", "date_accuracy", "city_accuracy"):
        assert held[key] >= floors[key], (key, held[key], held["misses"])
    assert planned["recall"] >= floors["planned_recall"], planned["misses"]


TYPING_FLOORS = {"among_predicted": 0.78, "top": 0.77, "max_other_types_per_text": 0.4, "quiet_on_no_event": 0.85}  # measured 0.80, 0.80, 0.36, 0.87


def test_event_typing_on_wire_sentences_stays_above_the_floor():
    """Our own wire-style sentences, at least 12 per PLOVER type and 20 with no event."""
    from chronicle.evaluate import typing_score

    scores = typing_score(Path(__file__).parent / "data" / "event_sentences.jsonl")
    assert scores["among_predicted"] >= TYPING_FLOORS["among_predicted"], scores["per_type"]
    assert scores["top"] >= TYPING_FLOORS["top"], scores["per_type"]
    assert scores["other_types_per_text"] <= TYPING_FLOORS["max_other_types_per_text"]
    assert scores["per_type"]["none"]["no_event_predicted"] >= TYPING_FLOORS["quiet_on_no_event"]


FUSION_FLOORS = {"seeds": 0.95, "dev": 0.75, "dev2": 0.86}  # (2026-12-07 s6 merge: dev 39/51 (0.765), dev2 60/69 -> dev floor 0.75; 2026-12-07 s5 merge: an article's undated mentions no longer count for a gold meeting it reports dated: dev 38/51, dev2 58/69; main 900e9f0: dev 37/51, dev2 60/69 -> dev2 floor 0.86) measured: seeds 15/15 one event each, dev 35/51, dev2 48/69; merged issue-14 round (2026-12-07): dev2 52/69; undated-page rule (h14g): dev 35/51 (0.686), dev2 57/69 (0.826); h14d (dates of calls, earlier meetings, other occasions): dev 38/51 (0.745), dev2 58/69 (0.841)


def test_fusion_stays_above_the_floor(result):
    """The share of distinct gold meetings that became exactly one fused event."""
    name, scores = result
    fusion = scores["fusion"]
    assert fusion["one_share"] >= FUSION_FLOORS[name], (fusion["splits"], fusion["misses"], fusion["merges"])


# Events of every type (issue 19) on dev3: 50 real articles on attacks, protests, sanctions,
# arrests, aid, agreements, threats ... (../shared/eval/dev3), scored as
# ../shared/tools/score_events.py counts. Measured when pinned (2026-12-07, issue 19): 124/286
# found (0.434; main before issue 19: 0.269), 0.227 with the target, main events 40/50 (0.80),
# dates 0.482 (0.491 with headline dates, extract/headlines.py), cities 0.264 (0.585 with seats of government, extract/seats.py, struck cities and other events' places), fusion 13/37 (0.351), unmatched predicted mentions 0.536.
# 0.238 with the target once capitals stand for their state as targets (extract/roles.py capital_target);
# cities 0.63 once resignations and releases without troops or police are at the seat (field_seat_types).
# Raised (2026-12-07, h19: swapped sides not merged, armed nouns as the named group, "strike on X",
# crowd-control targets, lead-paragraph and undated-page dates, past acts after publication):
# 134/286 (0.469), 0.269 with the target, main 42/50 (0.84), dates 0.558, cities 0.684,
# fusion 14/37 (0.378), unmatched 0.530 (chronicle eval).
# Fusion raised (2026-12-07, h19f: a lone actor's report of a day joins the one event of that day
# its actor takes part in, fuse_rules.py): 15/37 (0.405).
# Issue 15, third round (the multi-label head drops sourceless second events it does not hear):
# 136/286 (0.476), 0.269 with the target, main 0.84, dates 0.623, cities 0.69, unmatched 0.507.
# h19g (passive agents the parse mislabels: a stray "by", a group read as a title): 137/286
# (0.479), main 43/50 (0.86), dates 0.626, cities 0.678, unmatched 0.502: main floor 0.80 -> 0.84.
# h19g, KB organization names found as written (resolve/actors.py): 138/286 (0.483), main 44/50
# (0.88), dates 0.629, cities 0.667 (two more events found, without the gold city), unmatched 0.50,
# fusion 16/37 (0.432): main floor -> 0.86, fusion -> 0.42.
# h19 (round 2): chronicle eval now also matches a country through a person's country code, as
# score_events.py does with pycountry (a test dependency); anaphors ("the neighbours", "these
# states", "they"), the target's country no longer the organ's, charges without agent, titled
# countries of persons the KB lacks: 148/286 (0.517), 0.304 with the target, main 45/50 (0.90),
# dates 0.615, cities 0.677, fusion 17/37 (0.459), unmatched 0.466: recall -> 0.50, target -> 0.28,
# main -> 0.88, fusion -> 0.44, unmatched -> 0.49.
# h19d (dates of events other than meetings: background main times, perfects in the lead, acts
# counted back from a report, days owned by another noun): dates 0.615 -> 0.662: date floor -> 0.63.
# h19a (arrivals meeting no one, untagged demonyms, coordinated verbs sharing a target, obstacles
# that are figures, fighting kept apart from the attack): 149/286 (0.521), 0.318 with the target,
# main 0.90, dates 0.615, cities 0.677, fusion 0.459, unmatched 0.466 (score_events.py):
# recall -> 0.51, target -> 0.30.
# Issue 15, fifth round (trigger families of plover_dev's train part): 0.510, with the target 0.294,
# main 0.90, dates 0.623, cities 0.677, fusion 0.459, unmatched 0.484 (score_events.py): recall -> 0.49.
# e19b (undated pages: a written day put ahead of the report gives its month; "a day after X did";
# withdrawals at the place left, ordered withdrawals at their complement's place, an organisation's
# acts at its placed summit, bodies with a seat of their own, place names NER cut short, towns the
# gazetteer lacks): dates 0.659 -> 0.698, cities 0.672 -> 0.754 (score_events.py; chronicle eval
# 0.738 before the towns): date -> 0.68, city -> 0.73.
# e19a (who did it and spurious mentions: implied agents, fired instruments, own forces, expelled
# emissaries, requested, failed and alleged acts not reported, a leader telling of his state's act,
# titles summing up the body, interviews, orders, nouns a participle modifies undergo it): 151/286
# (0.528), 0.325 with the target (0.322 chronicle eval), main 0.90, dates 0.672, cities 0.689,
# fusion 18/37 (0.486), unmatched 0.439 (score_events.py): recall -> 0.515, target -> 0.31,
# fusion -> 0.46, unmatched -> 0.45.
# Issue 15, sixth round (generic organisations, captures, acquittals; weights retrained): 151/286
# (0.528), with the target 0.315, main 0.90, dates 0.664, cities 0.661, fusion 0.459, unmatched
# 0.470 (score_events.py): recall -> 0.52.
# e19d (events told by a copula and an adjective, forgiveness, wars waged on someone, verb + noun
# acts, disputed results): 0.552, with the target 0.336, main 0.90, dates 0.662, cities 0.692,
# fusion 0.486, unmatched 0.455 (score_events.py): recall -> 0.53, target -> 0.32. Reported demands
# and blame ("said X should ...", "said X was behind ..."): 0.559, target 0.343, unmatched 0.454.
# Sixth session's merge (e19a-d, t15, m14a/b; weights retrained on the merged lexicon): 0.580, with the
# target 0.353, main 0.88, dates 0.727, cities 0.746, fusion 0.514, unmatched 0.413 (chronicle eval and
# score_events.py agree): recall -> 0.56, target -> 0.34, date -> 0.70, fusion -> 0.49, unmatched -> 0.43.
# e19e (whom it was aimed at: asked actors, protests' states, carrying verbs, organs in a capital, offices
# taken for names, "its leader" of an organization): 0.591, with the target 0.367, main 0.88, dates 0.726,
# cities 0.739, fusion 0.514, unmatched 0.407 (score_events.py): recall -> 0.57, target -> 0.35, unmatched -> 0.42.
# e19f (spurious types: missiles launched at no one, a state's own airspace, strikes that are attacks,
# a crowd storming is a protest, troops described where they stand, words of names; weights retrained):
# 0.584, with the target 0.353, main 0.90, dates 0.729, cities 0.75, fusion 0.514, unmatched 0.399 (0.397 with acts kept from happening, 0.395 with bare fighting joined)
# (score_events.py): recall -> 0.57, unmatched -> 0.41.
# Sixth session's second merge (e19e, e19f, t15b, m14c, r18's split; weights retrained): 0.594, with the
# target 0.367 (0.371 chronicle eval), main 0.90, dates 0.728, cities 0.743, fusion 0.514, unmatched 0.388
# (score_events.py): recall -> 0.58, target -> 0.36, fusion -> 0.50, unmatched -> 0.40.
# s7actors (extract/sides_words.py): 0.612, with the target 0.406, main 0.90, dates 0.725, cities 0.732,
# fusion 0.541, unmatched 0.373 (score_events.py): recall -> 0.60, target -> 0.39, fusion -> 0.52, unmatched -> 0.39.
# s7spurious (uses, conditional obligations, contents of intent, trends, figures, brandished documents,
# counted gunmen, attacks in words, places from the wrong clause, congratulations offered): unmatched 0.388 -> 0.366, every other figure
# unchanged: unmatched -> 0.385.
# s7fusion (a day and a publication window holding it name one day for lone actors and stand-ins,
# fuse_rules.on_named_day): fusion 19/37 -> 21/37 (0.568; score_events.py and chronicle eval agree),
# every other dev3 figure unchanged: fusion -> 0.55.
# s7multi (extract/separate_acts.py, extract/retold.py, nlp.model_text): 0.615, with the target 0.416, main 0.90,
# dates 0.753, cities 0.736, fusion 0.541, unmatched 0.378 (score_events.py and chronicle eval agree): recall -> 0.61,
# target -> 0.41.
# s7naming (names the article gives, persons' countries from their descriptors, organs of a named
# leader, hashtags, members of parliament, harms a protest is over, titles restating the body with
# a person for the state): 0.622, with the target 0.42, main 0.90, dates 0.76, cities 0.746, fusion
# 0.541, unmatched 0.333 (chronicle eval; score_events.py 0.622 / 0.416 / unmatched 0.333):
# recall -> 0.61, target -> 0.40, unmatched -> 0.35.
# Seventh session's merge (s7actors, s7spurious, s7fusion, s7multi, s7naming, s7dates, s7strict, s7pub, the splits):
# 0.633, with the target 0.434, main 0.90, dates 0.758, cities 0.74, fusion 0.595, unmatched 0.335
# (score_events.py): recall -> 0.62, target -> 0.42, fusion -> 0.57, unmatched -> 0.345.
# s8fusion (the day fusion gives an undated page's mentions stored at fusion, and the blocks
# clustered again with it: fuse.with_page_day): fusion 22/37 -> 23/37 (0.622, score_events.py),
# every other dev3 figure unchanged: fusion -> 0.60.
# s8actors (acronyms as written, a protest's leader, aid's one recipient, threatened and agreed acts,
# condemned acts' doers, parties "between", "we" in a quote, tear gas's police): 0.640, with the target
# 0.465 (0.472 chronicle eval), main 0.90, dates 0.761, cities 0.733 (0.747 chronicle eval), fusion
# 0.595, unmatched 0.330 (score_events.py): recall -> 0.63, target -> 0.45, unmatched -> 0.34.
# s8actors, later steps (aid's recipient after typing, a member's body, a leader's second speech verb,
# extraditions): 0.647, with the target 0.476 (0.483 chronicle eval), main 0.92, dates 0.764, cities
# 0.737 (0.75 chronicle eval), fusion 0.595, unmatched 0.322: recall -> 0.64, target -> 0.46, main -> 0.90,
# unmatched -> 0.335.
EVENTS3_FLOORS = {"recall": 0.64, "recall_with_target": 0.46, "main_recall": 0.90, "date_accuracy": 0.70,
                  "city_accuracy": 0.73, "fusion": 0.60, "max_unmatched_share": 0.335}


def test_events_of_every_type_stay_above_the_floor():
    from chronicle.evaluate_events import evaluate_events

    dev3 = DEV.parent / "dev3"
    scores = evaluate_events(shared_path(dev3 / "gold.jsonl"), shared_path(dev3 / "articles.jsonl"))
    misses = [v for v in scores["verdicts"] if not v["found"]][:20]
    for key in ("recall", "recall_with_target", "main_recall", "date_accuracy", "city_accuracy"):
        assert scores[key] >= EVENTS3_FLOORS[key], (key, scores[key], misses)
    assert scores["fusion"]["once_share"] >= EVENTS3_FLOORS["fusion"], scores["fusion"]["missed"]
    assert scores["unmatched_share"] <= EVENTS3_FLOORS["max_unmatched_share"]


# The wire sentences above are also training data of the type classifier (make train), so
# their floors guard against regressions, not generalisation: plover_dev's eval part (held out
# from the classifier's training; issue 15) does. Measured 2026-12-07 (classifier retrained on
# the merged lexicon; the lexicon alone: among 0.534, top-1 0.509, extra 0.348, quiet 14/14):
# combined (opt-in) 0.584 / 0.559 / 0.230 / 14 of 14; guarded (the default: keeps every
# lexicon event, dev3 type and who 0.444 vs the lexicon's 0.441) 0.571 / 0.547 / 0.348 / 14.
# Issue 15, second round (2,444 labels of our own, richer features, guard doubt 0.3, proposals
# without a resolved actor): combined 0.571 / 0.553 / 0.236 / 14; guarded 0.602 / 0.571 / 0.354 / 14
# (dev3 type and who 0.448). Third round (the multi-label head): guarded 0.602 / 0.571 / 0.298 / 14.
# Fourth round (off-root proposals where an actor is named, with the subject above): guarded
# 0.627 / 0.596 / 0.298 / 14. Fifth round (trigger families of the train part, acts repeated in
# the perfect): guarded 0.634 / 0.602 / 0.304 / 14; combined 0.578 / 0.559 / 0.230 / 14.
# Sixth session's merge (weights retrained on the merged lexicon of e19a/e19d/m14b/t15): guarded
# 0.634 / 0.609 / 0.286 / 14 (one sentence below the fifth round); the opt-in combined variant
# 0.565 / 0.553 / 0.230 / 14: its among floor goes 0.57 -> 0.56, written here, because the folds now
# trust the lexicon for AID and REQUEST (the trusted-type choice flips with small lexicon changes,
# docs/events.md) while dev3 type and who rose 0.521 -> 0.580 with the same weights.
# Issue 15, seventh round (the choice on 6 seeded splits, a type overruled only when clearly
# better): guarded unchanged 0.634 / 0.609 / 0.286 / 14; combined 0.590 / 0.578 / 0.224 / 14.
PLOVER_FLOORS = {
    "combined": {"among": 0.57, "top1": 0.56, "max_extra": 0.25, "quiet": 0.92},
    "guarded": {"among": 0.62, "top1": 0.59, "max_extra": 0.31, "quiet": 0.92},
}


@pytest.mark.parametrize("typing", sorted(PLOVER_FLOORS))
def test_event_typing_on_plover_dev_eval_part_stays_above_the_floor(typing):
    from chronicle.models import labelled, scoring

    shared_path(DEV.parent / "plover_dev" / "sentences.jsonl")
    sentences = labelled.plover_dev(DEV.parent.parent, "eval")
    scores = scoring.score(sentences, typing)
    floors = PLOVER_FLOORS[typing]
    assert scores["among"] >= floors["among"], scores["per_type"]
    assert scores["top1"] >= floors["top1"], scores["per_type"]
    assert scores["extra"] <= floors["max_extra"]
    assert scores["quiet"] >= floors["quiet"]


# Eighth session: the 729 labels of issue 15's tenth round are held out of training
# (models/data/event_type_heldout.jsonl); guarded typing on them 0.470 / 0.432 / 0.297 / 0.738
# (among / top-1 / extra / no-event quiet) with the weights retrained at the merge.
HELD_OUT_FLOORS = {"among": 0.45, "top1": 0.41, "max_extra": 0.32, "quiet": 0.71}


def test_event_typing_on_our_held_out_labels_stays_above_the_floor():
    from chronicle.models import labelled, scoring

    shared_path(DEV.parent.parent / "corpora" / "guardian_syria_2017_2019.jsonl")
    scores = scoring.score(labelled.annotated(DEV.parent.parent, labelled.HELD_OUT), "guarded")
    assert scores["among"] >= HELD_OUT_FLOORS["among"], scores["per_type"]
    assert scores["top1"] >= HELD_OUT_FLOORS["top1"], scores["per_type"]
    assert scores["extra"] <= HELD_OUT_FLOORS["max_extra"]
    assert scores["quiet"] >= HELD_OUT_FLOORS["quiet"]
