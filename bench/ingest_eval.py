"""Page evaluation: chronicle's HTML path on a labelled page set, beside trafilatura and htmldate.

    .venv/bin/python bench/ingest_eval.py bench/pages                 # the small set in this repository
    .venv/bin/python bench/ingest_eval.py /data/htmldate-eval --failures
    .venv/bin/python bench/ingest_eval.py DIR --labels my.json --json out.json

A page set is a directory (nothing is copied into the repository):

    DIR/labels.jsonl    one JSON object per page (or DIR/labels.json: a list of such objects,
                        or an object mapping a file name to one), with
                          "file"     path of the page, relative to DIR (required)
                          "url"      the page's address (optional; both chronicle and
                                     htmldate may read a date from it)
                          "date"     the publication date, yyyy-mm-dd, or null for a page
                                     without one (optional: pages without the key are not
                                     counted for dates; "published" is read the same way)
                          "with"     snippets the main text must contain ("must" also read)
                          "without"  snippets it must not contain ("must_not" also read)
    DIR/<file>          the page itself, raw bytes as fetched (any encoding)

Text (as trafilatura's own evaluation counts it): each "with" snippet found is a true
positive, missed a false negative; each "without" snippet found is a false positive, absent
a true negative. Precision, recall, F1 and accuracy over all snippets of all pages.
chronicle is judged on its clean text (reader + cleaner); trafilatura on `extract()`.

Dates: over the pages whose label has a date, the share found exactly and within one day;
and, as htmldate's evaluation counts it over all pages with a "date" key, a right date is a
true positive, a wrong one a false positive, none where a date was due a false negative,
none where the label is null a true negative. chronicle's date is the one it would store
(metadata, URL, text, in that order); htmldate is run fast (`extensive_search=False`) and
extensive, with the URL.

trafilatura and htmldate are chronicle dependencies; a column is left out if either cannot
be imported. Snippets and dates are compared after Unicode NFC and whitespace collapsing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from chronicle.ingest.clean import clean, load_debris_rules
from chronicle.ingest.document import read_document
from chronicle.ingest.date_rules import load_date_rules
from chronicle.ingest.pubdate import discover_publication_date
from chronicle.model import Document


@dataclass(frozen=True)
class Page:
    file: str
    data: bytes
    url: str | None
    date: str | None
    dated: bool  # the label says something about the date (a date or null)
    must: tuple[str, ...]
    must_not: tuple[str, ...]


@dataclass
class Tally:
    """Counts for one system: text snippets and dates."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    date_tp: int = 0
    date_fp: int = 0
    date_fn: int = 0
    date_tn: int = 0
    exact: int = 0
    near: int = 0
    due: int = 0  # pages whose label has a date
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)


def norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def load_pages(directory: Path, labels: Path | None = None) -> list[Page]:
    """The labelled pages of a directory, in label order."""
    path = labels or next((directory / name for name in ("labels.jsonl", "labels.json") if (directory / name).exists()), None)
    if path is None:
        sys.exit(f"no labels.jsonl or labels.json in {directory}")
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonl":
        entries = [json.loads(line) for line in text.splitlines() if line.strip()]
    else:
        loaded = json.loads(text)
        entries = loaded if isinstance(loaded, list) else [{"file": name, **entry} for name, entry in loaded.items()]
    pages = []
    for entry in entries:
        dated = "date" in entry or "published" in entry
        date = entry.get("date", entry.get("published"))
        pages.append(Page(
            file=entry["file"], data=(directory / entry["file"]).read_bytes(), url=entry.get("url"),
            date=str(date)[:10] if date else None, dated=dated,
            must=tuple(entry.get("with", entry.get("must", ())) or ()),
            must_not=tuple(entry.get("without", entry.get("must_not", ())) or ()),
        ))
    return pages


def chronicle_reader(today: dt.date) -> Callable[[Page], tuple[str | None, str | None]]:
    """chronicle's HTML path: the reader (charset, trafilatura, page date), the cleaner, pubdate."""
    debris, dates = load_debris_rules(), load_date_rules()

    def run(page: Page) -> tuple[str | None, str | None]:
        doc = read_document(page.data, page.file, "html", url=page.url)
        if not isinstance(doc, Document):
            return None, None
        cleaned = clean(doc.text, debris)
        return cleaned.text, discover_publication_date(doc, cleaned.text, dates, today).value

    return run


def library_readers() -> dict[str, Callable[[Page], tuple[str | None, str | None]]]:
    """trafilatura's text and htmldate's dates (fast and extensive), when importable."""
    readers: dict[str, Callable[[Page], tuple[str | None, str | None]]] = {}
    try:
        import trafilatura
    except ImportError:
        trafilatura = None
    try:
        import htmldate
    except ImportError:
        htmldate = None
    if trafilatura is not None:
        readers["trafilatura"] = lambda page: (trafilatura.extract(page.data, url=page.url), None)
    if htmldate is not None:
        readers["htmldate fast"] = lambda page: (None, htmldate.find_date(page.data, url=page.url, extensive_search=False))
        readers["htmldate extensive"] = lambda page: (None, htmldate.find_date(page.data, url=page.url))
    return readers


def within_a_day(found: str, due: str) -> bool:
    try:
        return abs((dt.date.fromisoformat(found) - dt.date.fromisoformat(due)).days) <= 1
    except ValueError:
        return False


def score(pages: list[Page], reader: Callable[[Page], tuple[str | None, str | None]], judges_text: bool, judges_dates: bool) -> Tally:
    tally = Tally()
    for page in pages:
        started = time.perf_counter()
        try:
            text, date = reader(page)
        except Exception as error:  # a library failing on one page is a miss, not a crash
            text, date = None, None
            tally.failures.append(f"{page.file}: {type(error).__name__}: {error}")
        tally.seconds += time.perf_counter() - started
        if judges_text:
            body = norm(text or "")
            for snippet in page.must:
                hit = norm(snippet) in body
                tally.tp, tally.fn = tally.tp + hit, tally.fn + (not hit)
                if not hit:
                    tally.failures.append(f"{page.file}: missing {snippet!r}")
            for snippet in page.must_not:
                hit = norm(snippet) in body
                tally.fp, tally.tn = tally.fp + hit, tally.tn + (not hit)
                if hit:
                    tally.failures.append(f"{page.file}: kept {snippet!r}")
        if judges_dates and page.dated:
            date = date[:10] if date else None
            if page.date:
                tally.due += 1
                tally.exact += date == page.date
                tally.near += bool(date) and within_a_day(date, page.date)
            if date and date == page.date:
                tally.date_tp += 1
            elif date:
                tally.date_fp += 1
            elif page.date:
                tally.date_fn += 1
            else:
                tally.date_tn += 1
            if date != page.date:
                tally.failures.append(f"{page.file}: date {date} instead of {page.date}")
    return tally


def ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def figures(tally: Tally, judges_text: bool, judges_dates: bool) -> dict:
    row: dict = {"seconds": round(tally.seconds, 2)}
    if judges_text:
        precision, recall = ratio(tally.tp, tally.tp + tally.fp), ratio(tally.tp, tally.tp + tally.fn)
        f1 = round(2 * precision * recall / (precision + recall), 3) if precision and recall else None
        row |= {"text_P": precision, "text_R": recall, "text_F1": f1,
                "text_acc": ratio(tally.tp + tally.tn, tally.tp + tally.tn + tally.fp + tally.fn)}
    if judges_dates:
        precision = ratio(tally.date_tp, tally.date_tp + tally.date_fp)
        recall = ratio(tally.date_tp, tally.date_tp + tally.date_fn)
        f1 = round(2 * precision * recall / (precision + recall), 3) if precision and recall else None
        total = tally.date_tp + tally.date_fp + tally.date_fn + tally.date_tn
        row |= {"date_exact": ratio(tally.exact, tally.due), "date_1day": ratio(tally.near, tally.due),
                "date_P": precision, "date_R": recall, "date_F1": f1,
                "date_acc": ratio(tally.date_tp + tally.date_tn, total)}
    return row


COLUMNS = ("text_P", "text_R", "text_F1", "text_acc", "date_exact", "date_1day", "date_P", "date_R", "date_F1", "date_acc", "seconds")


def table(rows: dict[str, dict]) -> str:
    lines = ["| system | " + " | ".join(COLUMNS) + " |", "|---" * (len(COLUMNS) + 1) + "|"]
    for name, row in rows.items():
        cells = ["" if row.get(column) is None else f"{row[column]}" for column in COLUMNS]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--labels", type=Path, help="label file (default DIR/labels.jsonl or DIR/labels.json)")
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages")
    parser.add_argument("--today", default=dt.date.today().isoformat(), help="chronicle's reference date (no later date is accepted)")
    parser.add_argument("--failures", action="store_true", help="list chronicle's misses")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    pages = load_pages(args.directory, args.labels)[: args.limit or None]
    text_pages = any(page.must or page.must_not for page in pages)
    date_pages = any(page.dated for page in pages)
    readers = {"chronicle": chronicle_reader(dt.date.fromisoformat(args.today)), **library_readers()}
    rows, tallies = {}, {}
    for name, reader in readers.items():
        judges_text = text_pages and not name.startswith("htmldate")
        judges_dates = date_pages and name != "trafilatura"
        if not (judges_text or judges_dates):
            continue
        tallies[name] = score(pages, reader, judges_text, judges_dates)
        rows[name] = figures(tallies[name], judges_text, judges_dates)
    dated = sum(page.dated for page in pages)
    print(f"{len(pages)} pages from {args.directory}: {sum(len(p.must) + len(p.must_not) for p in pages)} snippets, {dated} with a date label")
    print(table(rows))
    if args.failures:
        for line in tallies["chronicle"].failures:
            print("  chronicle:", line)
    if args.json:
        args.json.write_text(json.dumps({"pages": len(pages), "rows": rows}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
