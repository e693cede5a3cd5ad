"""Scoring event gold of every type (chronicle.evaluate_events), on invented gold and mentions."""

from __future__ import annotations

import pytest

from chronicle.evaluate_events import event_score, failure_lines, fusion_score, is_event_gold, name_matches


def mention(type_, actors, modality="reported", date="2031-03-02", place=None):
    return {"type": type_, "modality": modality, "date": date, "place": {"name": place} if place else None,
            "actors": [{"name": n, "role": r} for r, n in actors], "sources": [{"text": "words"}]}


GOLD = [{"id": "a1", "events": [
    {"type": "ASSAULT", "modality": "reported", "source": ["Ghana"], "target": ["Togo"], "date": "2031-03-02",
     "city": "Lome", "main": True, "evidence": "Ghana shelled Lome"},
    {"type": "PROTEST", "modality": "reported", "source": ["Togolese protesters"], "target": [], "date": "2031-03",
     "main": False, "evidence": "protests"},
    {"type": "AGREE", "modality": "planned", "source": ["Ghana"], "target": [], "main": False, "evidence": "will sign"},
]}]


def test_names_match_whole_by_last_word_or_inside():
    assert name_matches("Ghana", ["police (Ghana)"]) and name_matches("Togolese protesters", ["protesters (Togo)"])
    assert not name_matches("Ghana", ["Togo"]) and not name_matches("", ["Ghana"])


def test_a_person_names_the_gold_country_through_the_country_code():
    pytest.importorskip("pycountry")
    gold = [{"id": "a1", "events": [{"type": "SANCTION", "modality": "reported", "source": ["Ghana"], "target": [],
                                     "date": "2031-03-02", "main": True, "evidence": "x"}]}]
    by_person = {"a1": [mention("SANCTION", [("source", "Kofi Mensah")])]}
    by_person["a1"][0]["actors"][0]["country"] = "GHA"
    assert event_score(gold, by_person)["found"] == 1
    by_other = {"a1": [mention("SANCTION", [("source", "Kofi Mensah")])]}
    by_other["a1"][0]["actors"][0]["country"] = "TGO"
    assert event_score(gold, by_other)["found"] == 0


def test_a_gold_event_needs_its_type_and_who_did_it():
    mentions = {"a1": [mention("ASSAULT", [("source", "Ghana"), ("target", "Togo")], place="Lome"),
                       mention("PROTEST", [("source", "Ghana")])]}
    score = event_score(GOLD, mentions)
    assert (score["gold"], score["found"], score["main_recall"]) == (2, 1, 1.0)  # planned events are not counted
    assert score["recall_with_target"] == 0.5 and score["date_accuracy"] == 1.0 and score["city_accuracy"] == 1.0
    assert score["unmatched_share"] == 0.5
    protest = score["verdicts"][1]
    assert not protest["found"] and protest["why"] == "type with other actors"
    assert any("MISS" in line for line in failure_lines(score, mentions))


def test_fusion_counts_events_of_two_articles_that_became_one():
    golds = [{"id": i, "events": [GOLD[0]["events"][0]]} for i in ("a1", "a2")]
    one = [{"type": "ASSAULT", "modality": "reported", "date": "2031-03-02", "actors": [{"name": "Ghana"}]}]
    assert fusion_score(golds, one)["once_share"] == 1.0
    assert fusion_score(golds, one * 2)["once_share"] == 0.0


def test_event_gold_is_told_from_meeting_gold():
    assert is_event_gold(GOLD) and not is_event_gold([{"id": "x", "meetings": []}])


def test_chronicle_eval_scores_event_gold_and_lists_failures(tmp_path):
    import json

    from typer.testing import CliRunner

    from chronicle.cli import app

    articles, gold = tmp_path / "articles.jsonl", tmp_path / "gold.jsonl"
    articles.write_text(json.dumps({"id": "g1", "published": "2031-03-04", "text": "ACCRA (Reuters) - Ghana imposed sanctions on Togo on Monday. Togo protested."}) + "\n")
    gold.write_text(json.dumps({"id": "g1", "events": [
        {"type": "SANCTION", "modality": "reported", "source": ["Ghana"], "target": ["Togo"], "date": "2031-03-03", "main": True, "evidence": "Ghana imposed sanctions"},
        {"type": "THREATEN", "modality": "reported", "source": ["Togo"], "target": ["Ghana"], "main": False, "evidence": "Togo protested"},
    ]}) + "\n")
    result = CliRunner().invoke(app, ["eval", str(gold), "--articles", str(articles), "--format", "json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout[result.stdout.index("{"):])
    assert (scores["gold"], scores["found"], scores["main_recall"]) == (2, 1, 1.0)
    failures = CliRunner().invoke(app, ["eval", str(gold), "--articles", str(articles), "--failures"])
    assert "THREATEN ['Togo']->['Ghana']" in failures.stdout and "MISS" in failures.stdout
