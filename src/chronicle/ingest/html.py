"""HTML pages and fragments to text, with trafilatura.

trafilatura, htmldate and lxml are imported when a page is read, not with the module:
a run that reads no HTML does not pay for them (start-up, issue 16).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import problem
from ..model import Document, Problem

if TYPE_CHECKING:
    import lxml.html


def page_date(tree: lxml.html.HtmlElement) -> str | None:
    """The page's own date, from its metadata and markup only (yyyy-mm-dd).

    No free-text guessing (`extensive_search=False`, which also drops the copyright-year
    guess) and no date read from the URL (`url=""`; the URL is kept on the Document, so a
    later stage can use it and say so). htmldate's only use of "today" is as the latest
    acceptable date.
    """
    import htmldate

    return htmldate.find_date(tree, url="", extensive_search=False, original_date=True)


def extract_html(html: str, source: str, url: str | None = None) -> Document | Problem:
    """The main text and metadata (title, site name, canonical url, date) of an HTML page.

    `url`, when given, is the page's known address and wins over the canonical one.
    E121 when trafilatura finds no main text.
    """
    import trafilatura

    try:
        tree = trafilatura.load_html(html)
        if tree is None:  # trafilatura refuses a bare fragment such as "<p>...</p>"
            tree = trafilatura.load_html(f"<html><body>{html}</body></html>")
        page = None if tree is None else trafilatura.bare_extraction(
            tree, url=url, with_metadata=True, include_comments=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
        if page is None or not (page.text or "").strip():
            return problem(source, "E121", "no main text found")
        published = page_date(tree)
    except Exception as error:  # any parser failure on arbitrary markup is a skipped page
        return problem(source, "E121", f"{type(error).__name__}: {error}")
    return Document(
        source=source, format="html", text=page.text, url=url or page.url, title=page.title,
        outlet=page.sitename, published=published,
        published_source="html" if published else None,
    )


def html_to_text(fragment: str) -> str:
    """The text of an HTML fragment (a feed entry): trafilatura, else lxml's plain text."""
    if not fragment.strip():
        return ""
    import lxml.etree
    import lxml.html
    import trafilatura

    try:
        text = trafilatura.extract(f"<html><body><div>{fragment}</div></body></html>", include_comments=False)
        return text or lxml.html.fragment_fromstring(fragment, create_parent="div").text_content().strip()
    except (ValueError, lxml.etree.LxmlError):
        return ""
