"""HTML pages and fragments to text, with trafilatura; the page's own date, with htmldate.

trafilatura, htmldate and lxml are imported when a page is read, not with the module:
a run that reads no HTML does not pay for them (start-up, issue 16).
"""

from __future__ import annotations

import functools
import re
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from ..data import load_yaml
from ..errors import problem
from ..model import Document, Problem
from ..settings import Settings

if TYPE_CHECKING:
    import lxml.html

COMMENT_DATE_CHARS = 60  # how much of a comment after its label is handed on as the date
HTML_COMMENT = re.compile(r"<!--(.{0,500}?)-->", re.DOTALL)  # a longer comment is no date label


class PageTimeout(BaseException):
    """A page took longer than its time limit (a BaseException, so no library's
    `except Exception` swallows it)."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise PageTimeout in the block after `seconds` of wall time, and after the block when
    it ran over anyway. The alarm needs the main thread of a Unix process; elsewhere only the
    check after the block applies. None or 0: no limit."""
    if not seconds:
        yield
        return
    started = time.monotonic()
    armed = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if armed:
        def expire(signum, frame):
            raise PageTimeout

        previous = signal.signal(signal.SIGALRM, expire)
        outer_delay, outer_interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        elapsed = time.monotonic() - started
        if armed:  # put back whatever alarm was running before, less the time spent here
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
            if outer_delay:
                signal.setitimer(signal.ITIMER_REAL, max(outer_delay - elapsed, 0.001), outer_interval)
    if elapsed > seconds:
        raise PageTimeout


@functools.cache
def page_date_rules() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The packaged `html_page` rules of dates.yaml: the label of a date written in an HTML
    comment, and a copyright notice (whose year htmldate's free-text search takes for a date)."""
    rules = load_yaml("dates.yaml")["html_page"]
    return (
        re.compile(rules["comment_label"], re.IGNORECASE),
        re.compile(rules["copyright"], re.IGNORECASE),
    )


def comment_date(html: str) -> str | None:
    """The text after a publication label in an HTML comment (`<!-- published: 2019-05-14 -->`):
    trafilatura drops comments when it parses a page, so htmldate never sees them. pubdate
    checks and reads the date."""
    label, _ = page_date_rules()
    for comment in HTML_COMMENT.finditer(html):
        found = label.search(comment.group(1))
        if found:
            return found.group("date")[:COMMENT_DATE_CHARS].strip()
    return None


def guessed_date(tree: lxml.html.HtmlElement) -> str | None:
    """htmldate's extensive search (free text of the page), minus the 1 January it makes of a
    copyright year ("© 2021")."""
    import htmldate

    value = htmldate.find_date(tree, url="", extensive_search=True, original_date=True)
    if value and value.endswith("-01-01"):
        _, copyright_notice = page_date_rules()
        text = tree.text_content()
        if any(found.group("year") == value[:4] for found in copyright_notice.finditer(text)):
            return None
    return value


def page_date(tree: lxml.html.HtmlElement, html: str = "") -> tuple[str | None, str | None]:
    """The page's own date and how it was known, in order: its metadata and markup
    (htmldate's fast search: "html"), a labelled date in a comment of the page's `html`
    ("html"), else htmldate's extensive search of the page's text ("html-guess", which
    pubdate ranks after the URL and the article's text). Neither trafilatura nor htmldate
    changes `tree` (both work on copies).

    No date is read from the URL (`url=""`; the URL is kept on the Document, so a later stage
    can use it and say so). htmldate's only use of "today" is as the latest acceptable date.
    """
    import htmldate

    fast = htmldate.find_date(tree, url="", extensive_search=False, original_date=True)
    if fast:
        return fast, "html"
    if written := comment_date(html):
        return written, "html"
    guess = guessed_date(tree)
    return (guess, "html-guess") if guess else (None, None)


def extract_html(
    html: str, source: str, url: str | None = None, seconds: float | None = Settings.html_seconds
) -> Document | Problem:
    """The main text and metadata (title, site name, canonical url, date) of an HTML page.

    `url`, when given, is the page's known address and wins over the canonical one.
    E121 when trafilatura finds no main text; E122 when the page takes more than `seconds`.
    """
    import trafilatura

    try:
        with time_limit(seconds):
            tree = trafilatura.load_html(html)
            if tree is None:  # trafilatura refuses a bare fragment such as "<p>...</p>"
                tree = trafilatura.load_html(f"<html><body>{html}</body></html>")
            page = None if tree is None else trafilatura.bare_extraction(
                tree, url=url, with_metadata=True, include_comments=False,
                date_extraction_params={"extensive_search": False, "original_date": True},
            )
            if page is None or not (page.text or "").strip():
                return problem(source, "E121", "no main text found")
            published, known_from = page_date(tree, html)
    except PageTimeout:
        return problem(source, "E122", f"over {seconds:g} s")
    except Exception as error:  # any parser failure on arbitrary markup is a skipped page
        return problem(source, "E121", f"{type(error).__name__}: {error}")
    return Document(
        source=source, format="html", text=page.text, url=url or page.url, title=page.title,
        outlet=page.sitename, published=published, published_source=known_from, extracted=True,
    )


def html_to_text(fragment: str) -> str:
    """The text of an HTML fragment (a feed entry): trafilatura, else lxml's plain text."""
    import lxml.etree
    import lxml.html
    import trafilatura

    if not fragment.strip():
        return ""
    try:
        text = trafilatura.extract(f"<html><body><div>{fragment}</div></body></html>", include_comments=False)
        return text or lxml.html.fragment_fromstring(fragment, create_parent="div").text_content().strip()
    except (ValueError, lxml.etree.LxmlError):
        return ""
