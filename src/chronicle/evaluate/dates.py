"""Dates: the dates of gold meetings among an article's resolved times, and publication dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..store import Store
from .gold import gold_article_rows


def meeting_date_score(store: Store, golds: Sequence[dict]) -> dict:
    """Dated gold meetings (held and planned) whose date the article's resolved times
    give at the gold precision ("2013-05-14" day, "2013-05" month; a finer value inside
    the gold month counts for it). Until events attach a
    time to each meeting this is the ceiling of event-date accuracy; `with_published`
    also accepts the publication date, the fallback for a meeting with no time words."""
    total = found = with_published = 0
    misses = []
    for gold in golds:
        rows = gold_article_rows(
            store, gold["id"], "SELECT m.value, m.precision, a.published FROM articles a "
            "LEFT JOIN mentions m ON m.id = a.id AND m.kind = 'time'",
        )
        times = {(r["value"], r["precision"]) for r in rows if r["value"]}
        times |= {(value[:7], "month") for value, precision in set(times) if precision in ("day", "week") and week_in_month(value, precision)}
        published = {str(r["published"]) for r in rows if r["published"]}
        for section in ("meetings", "planned"):
            for meeting in gold.get(section) or []:
                date = meeting.get("date")
                if not date:
                    continue
                total += 1
                precision = "day" if len(date) == 10 else "month"
                if (date, precision) in times:
                    found += 1
                    with_published += 1
                elif date in published:
                    with_published += 1
                else:
                    misses.append({"article": gold["id"], "section": section, "date": date, "participants": meeting.get("participants")})
    share = lambda n: round(n / total, 4) if total else None  # noqa: E731
    return {"total": total, "found": found, "accuracy": share(found), "with_published": with_published,
            "accuracy_with_published": share(with_published), "misses": misses}


def week_in_month(value: str, precision: str) -> bool:
    """A day, or a week (its Monday) that ends in the same month: it gives the month."""
    first = dt.date.fromisoformat(value)
    last = first + dt.timedelta(days=6 if precision == "week" else 0)
    return (first.year, first.month) == (last.year, last.month)


def date_score(store: Store, articles: Sequence[dict]) -> dict:
    """Publication dates against the articles file's own `published` (where it gives one)."""
    stored = {
        row["alias"]: (str(row["published"]) if row["published"] else None)
        for row in store.query("SELECT l.alias, a.published FROM article_aliases l JOIN articles a USING (id)")
    }
    known = [a for a in articles if a.get("published") and a.get("id") in stored]
    right = sum(1 for a in known if stored[a["id"]] == a["published"])
    return {"total": len(known), "correct": right, "accuracy": round(right / len(known), 4) if known else None}
