"""`chronicle eval TYPED.jsonl` on plover_dev-style sentences: per-type precision, recall and
the confusion table (issue 15), on invented sentences."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from chronicle.evaluate import precision_recall, typing_items


def test_precision_and_recall_count_the_top_type_per_text():
    pairs = [("AID", {"AID"}, "AID"), ("AID", {"AID"}, "SANCTION"), ("SANCTION", {"SANCTION"}, "SANCTION"),
             ("AGREE", {"AGREE", "CONSULT"}, "CONSULT"), (None, set(), "ASSAULT"), (None, set(), None)]
    scores = precision_recall(pairs)
    assert scores["AID"] == {"gold": 2, "predicted": 1, "precision": 1.0, "recall": 0.5}
    assert scores["SANCTION"] == {"gold": 1, "predicted": 2, "precision": 0.5, "recall": 1.0}
    assert scores["AGREE"]["recall"] == 1.0 and scores["CONSULT"]["precision"] == 1.0  # planned AGREE: either type
    assert scores["ASSAULT"] == {"gold": 0, "predicted": 1, "precision": 0.0, "recall": None}  # on a no-event text


def test_plover_style_lines_keep_every_gold_type_and_the_accepted_main_ones(tmp_path):
    path = tmp_path / "typed.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in [
        {"id": "x1", "text": "Norway will host talks with Chile next week.", "types": ["AGREE", "CONSULT"], "modality": "planned"},
        {"id": "x2", "text": "Chile signed a deal with Norway and met its envoy.", "types": ["AGREE", "CONSULT"], "modality": "reported"},
        {"id": "x3", "text": "It rained in the capital.", "types": [], "modality": None},
    ]) + "\n")
    planned, reported, quiet = typing_items(path, None)
    assert planned["type"] == "AGREE" and planned["accepted"] == {"AGREE", "CONSULT"}
    assert reported["accepted"] == {"AGREE"} and reported["types"] == {"AGREE", "CONSULT"}
    assert quiet["type"] is None and quiet["accepted"] == set()


def test_the_cli_prints_precision_recall_and_confusions_of_a_typed_file(tmp_path):
    from chronicle.cli import app

    path = tmp_path / "typed.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in [
        {"id": "y1", "text": "Ghana imposed sanctions on Togo on Monday.", "types": ["SANCTION"], "modality": "reported"},
        {"id": "y2", "text": "Police in Accra arrested twelve opposition activists on Tuesday.", "types": ["COERCE"], "modality": "reported"},
        {"id": "y3", "text": "The weather in Accra was mild on Tuesday.", "types": [], "modality": None},
    ]) + "\n")
    result = CliRunner().invoke(app, ["eval", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout[result.stdout.index("{"):])
    assert scores["precision_recall"]["SANCTION"]["gold"] == 1
    assert sum(n for _, _, n in scores["confusions"]) == 3 and ["none", "none", 1] in scores["confusions"]
    table = CliRunner().invoke(app, ["eval", str(path)])
    assert table.exit_code == 0, table.output
    assert "precision" in table.stdout and "confusions" in table.stdout
