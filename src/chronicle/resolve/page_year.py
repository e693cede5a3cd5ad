"""The year of a date written without one on a page that carries no publication date
(issue 14, family 5).

"Smith met Jones in Geneva on Sept. 23" on a page with no date has no anchor to put a year
on "Sept. 23", and an undated mention would take the page's latest full date instead (a
caption's "on Aug. 18, 2025": another day). The page still tells its year: the full dates
it writes (a caption, a dateline, an embedded post) are of the same season, so a month and
day without a year take the year that puts them nearest to the page's latest full date
(2025-09-23 here). A page that writes no full date leaves them unresolved.

Pure function over the resolved (expression, value) pairs of one article."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace

from chronicle.model import TimeValue
from chronicle.resolve.time_rules import TimeExpression, TimeRules
from chronicle.resolve.time_values import normalize

_YEAR = re.compile(r"(?<!\d)(1[89]|20)\d\d(?!\d)")
NO_ANCHOR = "date:no-anchor"


def latest_full_date(times: Sequence[tuple[TimeExpression, TimeValue]]) -> dt.date | None:
    """The latest day a page writes with its year ("Aug. 18, 2025"); None when it writes none."""
    days = [value.value for _, value in times if value.value and value.precision == "day" and not value.open_ended
            and len(value.value) == 10 and _YEAR.search(value.expression or "")]
    return dt.date.fromisoformat(max(days)) if days else None


def with_page_year(times: list[tuple[TimeExpression, TimeValue]], rules: TimeRules) -> list[tuple[TimeExpression, TimeValue]]:
    """`times` of a page without a publication date, each month and day written without a
    year ("on Sept. 23") resolved to the year nearest the page's latest full date (rule
    "page-year:..."); every other value unchanged."""
    written = latest_full_date(times)
    if written is None:
        return times
    out = []
    for expression, value in times:
        if value.rule == NO_ANCHOR and expression.kind == "date" and expression.part("day") is not None:
            seen = normalize(expression, written, "present", rules)
            if seen.value is not None:
                value = replace(seen, rule=f"page-year:{seen.rule}")
        out.append((expression, value))
    return out
