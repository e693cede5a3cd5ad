"""`chronicle eval`: the pipeline on gold-annotated articles (meetings, actors, quotes,
fusion; or events of every type), or event typing on labelled texts, and how each score is
printed."""

from __future__ import annotations

import json
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from .base import err, settings_for, wide_console, with_progress
from .options import Model, Workers


def evaluate_command(
    gold: Annotated[str, typer.Argument(help="Gold JSONL: meetings, planned and quotes per article id (with --articles), or texts labelled with an event type (without).")],
    articles_file: Annotated[Optional[str], typer.Option("--articles", help="The articles the gold annotates (JSONL).")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    limit: Annotated[Optional[int], typer.Option(help="Typing: score only the first N texts.")] = None,
    failures: Annotated[bool, typer.Option("--failures", help="Meetings: one line per gold meeting (found, date, city) and, for each miss, the nearest predicted mention. Event gold of every type: each article's failing gold events beside its predicted mentions.")] = False,
    workers: Workers = 1,
    model: Model = None,
) -> None:
    """Run the pipeline on gold-annotated articles in a temporary store and print the scores;
    or, given texts labelled with PLOVER types, score event typing."""
    from ..evaluate import evaluate, typing_score
    from ..evaluate import read_jsonl as read_gold

    settings = settings_for("unused.duckdb", workers, model)
    if articles_file is None:
        result = with_progress("eval", lambda tick: typing_score(gold, settings, limit, progress=tick))
        if fmt == "json":
            print(json.dumps(result, ensure_ascii=False, indent=2))
            return
        _print_typing(result)
        return
    from ..evaluate_events import evaluate_events, is_event_gold

    if is_event_gold(read_gold(gold)):  # events of every type (dev3's shape)
        scores = with_progress("eval", lambda tick: evaluate_events(gold, articles_file, settings, progress=tick))
        _print_event_scores(scores, fmt, failures)
        return
    result = with_progress("eval", lambda tick: evaluate(gold, articles_file, settings, progress=tick))
    if fmt == "json":
        print(json.dumps(result, default=str, ensure_ascii=False, indent=2))
        return
    if failures:
        _print_failures(result["events"])
        return
    _print_meetings(result["events"])
    _print_meeting_scores(result, gold)


def _print_meeting_scores(result: dict, gold: str) -> None:
    """Fusion, actors, dates and quotes of a meetings gold, then the first misses of each."""
    fusion = result["fusion"]
    err.print(
        f"fusion: of {fusion['meetings']} distinct gold meetings, {fusion['one']} became exactly one event "
        f"({fusion['one_share']}), {fusion['split']} were split, {fusion['missed']} missed; "
        f"{fusion['merging_events']} events hold two gold meetings"
    )
    actors_score = result["actors"]
    table = Table(title=f"chronicle eval {gold}", show_header=True)
    for column in ("score", "correct", "total", "accuracy"):
        table.add_column(column)
    table.add_row("actors (participants + speakers)", str(actors_score["found"]), str(actors_score["total"]), str(actors_score["accuracy"]))
    names = actors_score["name_mentions"]
    table.add_row("person mentions by name resolved right", str(names["correct"]), str(names["total"]), str(names["accuracy"]))
    meetings = result["meeting_dates"]
    table.add_row("meeting dates among resolved times", str(meetings["found"]), str(meetings["total"]), str(meetings["accuracy"]))
    table.add_row("  ... or the publication date", str(meetings["with_published"]), str(meetings["total"]), str(meetings["accuracy_with_published"]))
    dates = result["published"]
    table.add_row("publication dates", str(dates["correct"]), str(dates["total"]), str(dates["accuracy"]))
    quoted = result["quotes"]
    table.add_row("gold quotes found", str(quoted["found"]), str(quoted["gold"]), str(quoted["recall"]))
    table.add_row("  ... with the right speaker", str(quoted["speaker_right"]), str(quoted["found"]), str(quoted["speaker_accuracy"]))
    table.add_row("extracted quotes matching no gold quote", str(quoted["unmatched"]), str(quoted["extracted"]), str(quoted["unmatched_share"]))
    Console().print(table)
    for miss in actors_score["misses"][:30]:
        err.print(f"  missed {miss['role']}: {miss['name']} in {miss['article']}")
    for wrong in actors_score["confusions"][:30]:
        err.print(f"  {wrong['article']}: {wrong['text']!r} resolved to {wrong['resolved']}, gold {wrong['name']}")
    for miss in quoted["misses"][:30]:
        err.print(f"  missed quote in {miss['article']}: {miss['starts_with']!r} ({miss['speaker']})")
    for wrong in quoted["wrong_speakers"][:30]:
        err.print(f"  {wrong['article']}: quote {wrong['text'][:50]!r} given to {wrong['speaker']}, gold {wrong['gold']}")


def _print_typing(result: dict) -> None:
    table = Table(title=f"event typing on {result['file']} ({result['texts']} texts)")
    for column in ("gold type", "texts", "among predicted", "top", "other types per text", "mode", "no event predicted"):
        table.add_column(column)
    cell = lambda value: "" if value is None else str(value)  # noqa: E731
    for gold, row in result["per_type"].items():
        table.add_row(gold, str(row["total"]), cell(row["among_predicted"]), cell(row["top"]),
                      cell(row["other_types_per_text"]), cell(row["mode"]), cell(row["no_event_predicted"]))
    table.add_row("all typed", "", cell(result["among_predicted"]), cell(result["top"]), cell(result["other_types_per_text"]), cell(result["mode"]), "")
    wide_console().print(table)
    scores = Table(title="per type: precision and recall of the top predicted type")
    for column in ("type", "gold", "predicted top", "precision", "recall"):
        scores.add_column(column)
    for type_, row in result["precision_recall"].items():
        scores.add_row(type_, str(row["gold"]), str(row["predicted"]), cell(row["precision"]), cell(row["recall"]))
    wide_console().print(scores)
    _print_confusions(result["confusions"])


def _print_confusions(confusions: list) -> None:
    """Gold main type (rows) by top predicted type (columns); the columns are abbreviated."""
    golds = sorted({gold for gold, _, _ in confusions})
    tops = sorted({top for _, top, _ in confusions})
    counts = {(gold, top): n for gold, top, n in confusions}
    table = Table(title="confusions: gold main type (rows) x top predicted type (columns)")
    table.add_column("gold")
    for top in tops:
        table.add_column(top[:4], justify="right")
    for gold in golds:
        table.add_row(gold, *(str(counts.get((gold, top), "")) for top in tops))
    wide_console().print(table)


def _print_meetings(events: dict) -> None:
    table = Table(title="meetings (CONSULT mentions between persons) against the gold")
    columns = ("gold", "predicted", "found", "recall", "precision", "date_accuracy", "date_accuracy_by_text",
               "city_accuracy", "participant_precision")
    table.add_column("section")
    for column in columns:
        table.add_column(column.replace("_accuracy", "").replace("participant_", "persons ").replace("_", " "))
    for section, row in events.items():
        table.add_row(section, *("" if row[c] is None else str(row[c]) for c in columns))
    wide_console().print(table)
    articles = Table(title="per article: gold / found / predicted / predicted that found one")
    articles.add_column("article")
    for section in events:
        articles.add_column(section)
    rows = {section: {r["article"]: r for r in row["per_article"]} for section, row in events.items()}
    for article in rows[next(iter(events))]:
        cells = [rows[section][article] for section in events]
        if any(c["gold"] or c["predicted"] for c in cells):
            articles.add_row(article, *(f"{c['gold']} / {c['found']} / {c['predicted']} / {c['matched']}" for c in cells))
    wide_console().print(articles)
    for section, row in events.items():
        for miss in row["misses"][:40]:
            err.print(f"  {section} miss: {miss}")


def _print_event_scores(scores: dict, fmt: str, failures: bool) -> None:
    """Event gold of every type: the scores, or (--failures) each article's failing gold
    events beside its predicted mentions."""
    if fmt == "json":
        print(json.dumps(scores, default=str, ensure_ascii=False, indent=2))
        return
    if failures:
        print("\n".join(scores["failures"]))
        return
    table = Table(title="events of every type against the gold (those that happened)")
    for column in ("score", "value"):
        table.add_column(column)
    for key in ("gold", "found", "recall", "recall_with_target", "main_recall", "date_accuracy", "city_accuracy", "unmatched_share"):
        table.add_row(key.replace("_", " "), str(scores[key]))
    fusion = scores["fusion"]
    table.add_row("fusion: reported by 2+ articles, one event", f"{fusion['once']}/{fusion['events']} ({fusion['once_share']})")
    wide_console().print(table)


def _print_failures(events: dict) -> None:
    """Per gold meeting: found, date right, city right; the mention that found it, or for a
    miss the nearest mention of its article, so failure families show at a glance."""
    mark = {True: "ok", False: "WRONG", None: "-"}
    for section, row in events.items():
        verdicts = row["verdicts"]
        failed = [not v["found"] or v["date_right"] is False or v["city_right"] is False for v in verdicts]
        print(f"== {section}: {len(verdicts)} gold, {sum(v['found'] for v in verdicts)} found, {sum(failed)} with a failure")
        for v, wrong in zip(verdicts, failed):
            people = " + ".join(v["participants"] or [])
            head = f"{v['article']:<10} {people} | gold {v['date'] or '-'} {v['city'] or '-'}"
            if not v["found"]:
                print(f"MISS  {head}")
                _print_brief("nearest", v["nearest"])
                continue
            status = f"date {mark[v['date_right']]}, city {mark[v['city_right']]}"
            print(f"{'FOUND' if wrong else 'ok   '} {head} | {status}")
            if wrong:
                _print_brief("found", v["predicted"])


def _print_brief(label: str, brief: dict | None) -> None:
    if brief is None:
        print(f"      {label}: no mention")
        return
    print(f"      {label}: {brief['id']} {brief['type']}/{brief['mode'] or '-'} {brief['modality']} "
          f"[{', '.join(brief['actors'])}] {brief['date'] or '-'}{'..' + brief['end_date'] if brief.get('end_date') else ''} ({brief['date_precision']}: {brief['date_expression'] or '-'}) "
          f"@ {brief['place'] or '-'} «{brief['trigger']}»")
    print(f"        {brief['evidence']}")
