"""The publication date a page or its input gives itself (`date_from_metadata`), read from
any common format (`parse_date_string`); `a_day_off` says when the URL's date replaces a
timestamp a time zone moved across midnight."""

from __future__ import annotations

import datetime as dt
import re

from chronicle.ingest.date_candidates import DateCandidate, DateLimits
from chronicle.ingest.date_rules import DateRules, read_date
from chronicle.model import Document, PublicationDate


def parse_date_string(value: str, rules: DateRules) -> tuple[dt.date | None, str | None]:
    """A metadata date in any common format, or None and why not.

    ISO dates and datetimes give the date as written (no time-zone conversion); then the
    formats of dates.yaml (which read RFC 822 feed dates and "March 3, 2020"); then
    python-dateutil, accepted only when the string gives year, month and day itself.
    """
    text = value.strip()
    iso = re.match(r"(\d{4})-(\d{2})-(\d{2})(?![0-9])", text)
    if iso:
        try:
            return dt.date(*(int(part) for part in iso.groups())), None
        except ValueError:
            return None, "invalid date"
    compact = re.fullmatch(r"(\d{4})(\d{2})(\d{2})(?:T.*)?", text)
    if compact:
        try:
            return dt.date(*(int(part) for part in compact.groups())), None
        except ValueError:
            return None, "invalid date"
    found = rules.any_date.search(text)
    if found:
        return read_date(found.group(0), rules)
    return _parse_with_dateutil(text)


def _parse_with_dateutil(text: str) -> tuple[dt.date | None, str | None]:
    from dateutil import parser

    if len(text) > 100:
        return None, "unreadable date"
    try:
        first = parser.parse(text, default=dt.datetime(2001, 1, 1))
        second = parser.parse(text, default=dt.datetime(2002, 2, 2))
    except (ValueError, OverflowError, TypeError):
        return None, "unreadable date"
    if first.date() != second.date():
        return None, "not a full date (year, month and day are not all given)"
    return first.date(), None


_CLOCK = re.compile(r"[T\s][0-9]{1,2}:[0-9]{2}")


def date_from_metadata(doc: Document, rules: DateRules, limits: DateLimits, guess: bool = False) -> PublicationDate | None:
    """The input's or the page's own date; with `guess`, only the page's free-text guess
    (htmldate's extensive search), which ranks after the URL and the text."""
    if not doc.published or not doc.published.strip() or (doc.published_source == "html-guess") != guess:
        return None
    source = "html" if doc.published_source in ("html", "html-guess") else "metadata"
    value, reason = parse_date_string(doc.published, rules)
    context = "extensive search" if guess else "published"
    candidate = DateCandidate(source, context, doc.published.strip(), value=value, reason=reason)
    if limits.check(candidate):
        return PublicationDate(value.isoformat(), source, candidate.evidence)
    return None


def a_day_off(found: PublicationDate, doc: Document, url_date: PublicationDate | None) -> bool:
    """Whether the URL's date should replace a metadata date one day off it: a page's date
    (htmldate gives the date of a UTC stamp) or a metadata timestamp, which a time zone moves
    across midnight. The URL was written in the outlet's own day."""
    if url_date is None or found.source not in ("metadata", "html"):
        return False
    timed = found.source == "html" or _CLOCK.search(doc.published or "") is not None
    gap = abs((dt.date.fromisoformat(found.value) - dt.date.fromisoformat(url_date.value)).days)
    return timed and gap == 1
