"""Highlighting evidence in article text (server/views.segments, server/pages runs and
excerpts), on small hand-made texts: no store, no browser."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from chronicle.server.pages import excerpts, runs
from chronicle.server.views import segments

TEXT = "Opening line.\n\nThe two ministers met in Vienna on Monday.\n\nThey agreed to talk again. Nothing else happened."
SENTENCE = "The two ministers met in Vienna on Monday."


def span_of(text: str, part: str, trigger: str | None = None) -> dict:
    start = text.index(part)
    span = {"start": start, "end": start + len(part)}
    if trigger:
        at = text.index(trigger, start)
        span |= {"trigger_start": at, "trigger_end": at + len(trigger)}
    return span


def text_of(run: dict) -> str:
    return "".join(part["text"] for part in run["parts"])


def test_segments_cover_the_text_and_mark_evidence_and_trigger():
    cut = segments(TEXT, [span_of(TEXT, SENTENCE, "met")])
    assert "".join(s["text"] for s in cut) == TEXT
    assert "".join(s["text"] for s in cut if s["evidence"]) == SENTENCE
    assert [s["text"] for s in cut if s["trigger"]] == ["met"]


def test_overlapping_and_out_of_range_spans_are_merged_and_clipped():
    first, second = span_of(TEXT, "two ministers met"), span_of(TEXT, "met in Vienna")
    cut = segments(TEXT, [first, second, {"start": 500, "end": 600}, {"start": None, "end": 3}])
    assert [s["text"] for s in cut if s["evidence"]] == ["two ministers met in Vienna"]


def test_runs_keep_line_breaks_outside_the_mark():
    padded = {"start": TEXT.index(SENTENCE) - 2, "end": TEXT.index(SENTENCE) + len(SENTENCE) + 2}
    marked = [run for run in runs(segments(TEXT, [padded])) if run["evidence"]]
    assert [text_of(run) for run in marked] == [SENTENCE]


def test_runs_put_the_trigger_inside_its_evidence_run():
    [marked] = [run for run in runs(segments(TEXT, [span_of(TEXT, SENTENCE, "met")])) if run["evidence"]]
    assert [part["text"] for part in marked["parts"] if part["trigger"]] == ["met"]
    assert text_of(marked) == SENTENCE


def test_excerpts_show_the_evidence_with_context_cut_at_spaces():
    long_text = "word " * 200 + SENTENCE + " tail" * 200
    [excerpt] = excerpts(segments(long_text, [span_of(long_text, SENTENCE)]), context=40)
    shown = "".join(text_of(run) for run in excerpt["runs"])
    assert SENTENCE in shown and excerpt["cut_start"] and excerpt["cut_end"]
    assert len(shown) <= len(SENTENCE) + 80 and not shown.startswith("ord")


def test_nearby_evidence_shares_one_excerpt_and_far_evidence_gets_its_own():
    long_text = "A met B. C met D. " + "filler " * 300 + "E met F."
    spans = [span_of(long_text, "A met B."), span_of(long_text, "C met D."), span_of(long_text, "E met F.")]
    found = excerpts(segments(long_text, spans), context=30)
    assert len(found) == 2
    assert ["".join(text_of(r) for r in e["runs"] if r["evidence"]) for e in found] == ["A met B.C met D.", "E met F."]


@given(st.text(max_size=80), st.lists(st.tuples(st.integers(-5, 90), st.integers(-5, 90)), max_size=4))
def test_any_spans_cut_the_text_without_losing_a_character(text, pairs):
    cut = segments(text, [{"start": a, "end": b} for a, b in pairs])
    assert "".join(s["text"] for s in cut) == text
    assert "".join(text_of(run) for run in runs(cut)) == text
