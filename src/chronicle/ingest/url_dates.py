"""The publication date written in a URL (`date_from_url`): its path (/2020/03/03/,
/20200303-...), then a date parameter of its query; a month alone (/2020/03/) only limits
the text dates to that month."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from chronicle.ingest.date_candidates import DateCandidate, DateLimits
from chronicle.ingest.date_rules import DateRules
from chronicle.model import Document, PublicationDate


def _month_number(parts: dict[str, str | None], rules: DateRules) -> int | None:
    if parts.get("month"):
        return int(parts["month"])
    name = (parts.get("monthname") or "").lower()
    return rules.months.get(name)


def date_from_url(doc: Document, rules: DateRules, limits: DateLimits) -> PublicationDate | None:
    """The first acceptable full date in the URL's path, then in its query; a month alone
    in the path sets `limits.url_month` instead."""
    if not doc.url:
        return None
    parts = urlsplit(doc.url.strip())
    path = parts.path
    found = [(pattern, path) for pattern in rules.url_dates] + [(pattern, parts.query) for pattern in rules.url_query_dates]
    for pattern, where in found:
        for match in pattern.finditer(where):
            parts = match.groupdict()
            month = _month_number(parts, rules)
            if month is None:
                continue
            candidate = DateCandidate("url", "path", match.group(0))
            try:
                candidate.value = dt.date(int(parts["year"]), month, int(parts["day"]))
            except ValueError:
                candidate.reason = "invalid date"
            if limits.check(candidate):
                return PublicationDate(candidate.value.isoformat(), "url", candidate.evidence)
    for pattern in rules.url_months:
        match = pattern.search(path)
        if match:
            month = _month_number(match.groupdict(), rules)
            if month is not None:
                limits.url_month = (int(match.group("year")), month)
                break
    return None
