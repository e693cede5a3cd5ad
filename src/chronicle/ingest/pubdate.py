"""Find an article's publication date, and say how it was known.

The fallbacks are written out in order, as trafilatura does it:

1. metadata: `doc.published`, in any common format (ISO dates and datetimes, RFC 822
   feed dates, "March 3, 2020", ...), reported as source "metadata" or "html" as
   `doc.published_source` says; when the URL's date is one day off a page date or a
   metadata timestamp (a UTC stamp across midnight), the URL's date;
2. the URL: its path, /2020/03/03/, /2020-03-03/, /20200303-..., ...-20200303-..., /2020/mar/03/
   (a month alone, /2020/03/, is not a publication date, but rules out text dates from
   other months), then a date parameter of its query (?date=2020-03-03);
3. the text: a leading "date 2020-03-03" field (read from the raw text, since the cleaner
   removes it), then, line by line in the clean text, publication labels ("Posted at 9:12
   AM, Mar 3, 2020"), bylines ("Staff Reporter March 3, 2020 10:15:00 IST"), timestamps
   ("11:20, 3 March 2020"), lines that are just a date, agency datelines ("LONDON, Mar. 3,
   2020 (Reuters) -") and dated photo captions ("... in Paris on March 3, 2020. (AFP)").
   A date mentioned inside a sentence is not a candidate. When text candidates disagree,
   the date with the most support wins (each candidate weighs as its context says:
   captions least); ties go to the earliest;
4. a page's guess: htmldate's extensive search (`published_source="html-guess"`).

Every candidate is checked before it is used; a refused one goes to
`PublicationDate.rejected` with the reason: an impossible date, a written weekday that
contradicts the date, a date after `now` or after `doc.crawled`, a date on a "last update"
stamp, a bare date line above the headline (the site's current date, not the article's),
a text date outside the URL's month. With no evidence the value is None and the source
"none": no date is ever invented, and there is no hidden "today" (`now` is passed in).

How dates are written (month and weekday names, formats, contexts, URL shapes) is data:
`data/dates.yaml`, read by `date_rules.py`. One module per step: `metadata_dates.py` (1,
and 4), `url_dates.py` (2), `text_dates.py` (3, and `story_day`), each checking its
candidates against `date_candidates.DateLimits`; this module chains them.
"""

from __future__ import annotations

import datetime as dt

from chronicle.ingest.date_candidates import DateLimits
from chronicle.ingest.date_rules import DateRules
from chronicle.ingest.metadata_dates import a_day_off, date_from_metadata, parse_date_string
from chronicle.ingest.text_dates import date_from_text
from chronicle.ingest.url_dates import date_from_url
from chronicle.model import Document, PublicationDate


def discover_publication_date(
    doc: Document, clean_text: str, rules: DateRules, now: dt.date
) -> PublicationDate:
    """The publication date of `doc` from its metadata, else its URL, else its text.

    `clean_text` is the cleaner's output for `doc.text`; `now` is the reference date (no
    date after it is accepted). Rejected candidates are listed with their reasons.
    """
    if isinstance(now, dt.datetime):
        now = now.date()
    crawled = None
    if doc.crawled:
        crawled, _ = parse_date_string(doc.crawled, rules)
    limits = DateLimits(now=now, crawled=crawled)
    found = date_from_metadata(doc, rules, limits)
    if found is not None and doc.url:
        url_date = date_from_url(doc, rules, DateLimits(now=now, crawled=crawled))
        if a_day_off(found, doc, url_date):
            limits.rejected.append(
                f"{found.value} [{found.source}:published] {found.evidence!r}: a day off the URL's date"
                f" ({url_date.value}), as a UTC timestamp is"
            )
            found = url_date
    found = (
        found
        or date_from_url(doc, rules, limits)
        or date_from_text(doc, clean_text, rules, limits)
        or date_from_metadata(doc, rules, limits, guess=True)
    )
    rejected = tuple(limits.rejected)
    if found is None:
        month = f"{limits.url_month[0]}-{limits.url_month[1]:02d}" if limits.url_month else None
        return PublicationDate(None, "none", None, rejected, month=month)
    return PublicationDate(found.value, found.source, found.evidence, rejected)
