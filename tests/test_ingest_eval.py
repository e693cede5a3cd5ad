"""bench/ingest_eval.py: a labelled page directory in, text and date figures out."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

BENCH = Path(__file__).parents[1] / "bench" / "ingest_eval.py"
spec = importlib.util.spec_from_file_location("ingest_eval", BENCH)
ingest_eval = importlib.util.module_from_spec(spec)
sys.modules["ingest_eval"] = ingest_eval  # dataclasses look their module up
spec.loader.exec_module(ingest_eval)

STORY = "<p>The bridge over the estuary reopened on Monday after eight months of repairs to its cables.</p>" * 3


def write_set(directory: Path) -> None:
    page = f"<html><head><title>Bridge</title></head><body><article>{STORY}<p>Get the app</p></article></body></html>"
    (directory / "a.html").write_text(page, encoding="utf-8")
    (directory / "b.html").write_text(page.replace("Bridge", "Bridge two"), encoding="utf-8")
    labels = {
        "a.html": {"url": "https://x.example/2020/05/04/bridge", "date": "2020-05-04",
                   "with": ["reopened on Monday"], "without": ["Get the app"]},
        "b.html": {"date": None, "with": ["eight months of repairs", "not in the page"]},
    }
    (directory / "labels.json").write_text(json.dumps(labels), encoding="utf-8")


def test_counts_follow_the_snippets_and_dates(tmp_path):
    write_set(tmp_path)
    pages = ingest_eval.load_pages(tmp_path)
    assert [p.file for p in pages] == ["a.html", "b.html"] and pages[1].dated and pages[1].date is None

    def reader(page):  # keeps one snippet it must not, finds one date right and one where none is due
        return "reopened on Monday. Get the app. eight months of repairs", "2020-05-05"

    tally = ingest_eval.score(pages, reader, True, True)
    assert (tally.tp, tally.fn, tally.fp, tally.tn) == (2, 1, 1, 0)
    assert (tally.exact, tally.near, tally.due, tally.date_fp) == (0, 1, 1, 2)
    row = ingest_eval.figures(tally, True, True)
    assert row["text_P"] == round(2 / 3, 3) and row["date_1day"] == 1.0 and row["date_exact"] == 0.0


def test_chronicle_runs_on_a_directory(tmp_path, capsys):
    write_set(tmp_path)
    out = tmp_path / "out.json"
    assert ingest_eval.main([str(tmp_path), "--today", "2026-01-01", "--json", str(out)]) == 0
    rows = json.loads(out.read_text())["rows"]
    assert rows["chronicle"]["date_exact"] == 1.0  # from the URL
    assert rows["chronicle"]["text_R"] == round(2 / 3, 3)  # "not in the page" is missed by every system
    assert rows["chronicle"]["text_P"] == 1.0  # "Get the app" was cleaned away
    assert "| chronicle |" in capsys.readouterr().out
