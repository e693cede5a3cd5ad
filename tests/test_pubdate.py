"""Publication dates: each source and each rejection on small inputs, then the real texts.

The dev articles and seeds are read from ../shared (never copied here); those tests skip
cleanly when it is absent.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronicle.ingest.clean import clean, load_debris_rules
from chronicle.ingest.date_rules import DateRules, load_date_rules
from chronicle.ingest.pubdate import discover_publication_date
from chronicle.model import Document, PublicationDate

SHARED = Path(__file__).parents[1].parent / "shared"
SEEDS = SHARED / "seeds"
DEV_ARTICLES = SHARED / "eval" / "dev" / "articles.jsonl"

DATES = load_date_rules()
DEBRIS = load_debris_rules()
NOW = dt.date(2026, 1, 1)
HEADLINE = "Leaders meet in the capital for talks on trade"
BODY = "The two leaders met on Tuesday and discussed trade, security and the war in the region."


def discover(text: str = "", url: str | None = None, published: str | None = None, now=NOW, **fields):
    doc = Document(source="test", format="text", text=text, url=url, published=published, **fields)
    return discover_publication_date(doc, clean(text, DEBRIS).text, DATES, now)


def from_text(*lines: str, **kwargs) -> PublicationDate:
    return discover("\n".join([HEADLINE, *lines, BODY]), **kwargs)


def test_rules_load():
    assert isinstance(DATES, DateRules)
    assert DATES.months["sept"] == 9 and DATES.weekdays["monday"] == 0
    assert {c.scope for c in DATES.contexts} == {"field", "line", "caption"}


def test_rules_load_from_a_given_path(tmp_path):
    from importlib import resources

    path = tmp_path / "dates.yaml"
    path.write_text(resources.files("chronicle").joinpath("data/dates.yaml").read_text(encoding="utf-8"))
    assert load_date_rules(path).months == DATES.months


# --- 1. metadata ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "published, expected",
    [
        ("2020-03-04", "2020-03-04"),
        ("2020-03-04T21:17:40+05:30", "2020-03-04"),  # the date as written, no zone conversion
        ("2019-09-25T23:30:00Z", "2019-09-25"),
        ("Tue, 10 Jul 2018 04:00:00 GMT", "2018-07-10"),  # RFC 822, as in feeds
        ("March 4, 2020", "2020-03-04"),
        ("4 March 2020 10:00", "2020-03-04"),
        ("20200304", "2020-03-04"),
        ("2020/03/04", "2020-03-04"),
    ],
)
def test_metadata_in_common_formats(published, expected):
    found = discover(BODY, url="https://example.com/2001/01/01/x", published=published)
    assert (found.value, found.source, found.evidence) == (expected, "metadata", published)


def test_metadata_from_html_says_so():
    doc = Document(source="t", format="html", text=BODY, published="2020-03-04", published_source="html")
    assert discover_publication_date(doc, BODY, DATES, NOW).source == "html"


@pytest.mark.parametrize(
    "published, reason",
    [
        ("2018-02-30", "invalid date"),
        ("2018-07", "not a full date"),
        ("next week", "unreadable"),
        ("Mon, 10 Jul 2018 04:00:00 GMT", "weekday"),
        ("2027-03-01", "later than now"),
    ],
)
def test_bad_metadata_is_rejected_and_the_url_used(published, reason):
    found = discover(BODY, url="https://example.com/news/2020/03/05/story", published=published)
    assert (found.value, found.source) == ("2020-03-05", "url")
    assert any(reason in r and "metadata" in r for r in found.rejected), found.rejected


# --- 2. URL -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://example.com/world/2020/03/05/leaders-meet/", "2020-03-05"),
        ("https://example.com/2016/9/9/leaders-meet", "2016-09-09"),
        ("https://example.com/news/2020-03-05/leaders-meet", "2020-03-05"),
        ("https://example.com/story/leaders-meet-2020-02-21?utm_source=rss", "2020-02-21"),
        ("https://example.com/20200306-123456", "2020-03-06"),
        ("http://example.com/2016-08/26/content_1.htm", "2016-08-26"),
        ("https://example.com/world/2017/aug/31/leaders-meet", "2017-08-31"),
        ("https://example.com/news/leaders-meet-20180716-story.html", "2018-07-16"),
        ("https://example.com/article.php?id=3312&date=2018-07-16", "2018-07-16"),
        ("https://example.com/view?d=20180716", "2018-07-16"),
    ],
)
def test_url_dates(url, expected):
    found = discover(BODY, url=url)
    assert (found.value, found.source) == (expected, "url")
    assert found.evidence and found.evidence in url


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/2018/04/leaving-for-a-meeting/",  # a month is not a publication date
        "https://example.com/story.html?utm_campaign=20170329&ts=1490805122684",  # query strings are not paths
        "https://example.com/news/1425456/",
        "https://example.com/article/trade-talks-119101101360_1.html",  # an article number
        "https://example.com/story.html?id=20180716",  # only a date parameter counts
        "https://example.com/2019/02/30/impossible",
    ],
)
def test_urls_without_a_publication_date(url):
    assert discover(BODY, url=url).value is None


def test_future_url_date_is_rejected():
    found = discover(BODY, url="https://example.com/2030/01/02/x")
    assert found.value is None and any("later than now" in r for r in found.rejected)


# --- 3. text ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Monday, March 2, 2020", "2020-03-02"),
        ("Staff Reporter March 3, 2020 10:15:00 IST", "2020-03-03"),
        ("Daily News , Tuesday 3 Mar 2020", "2020-03-03"),
        ("Posted at 9:12 AM, Mar 3, 2020", "2020-03-03"),
        ("Published Mar 3, 2020 09:12 am", "2020-03-03"),
        ("11:20, 3 March 2020", "2020-03-03"),
        ("By AP   March 3, 2020 | 06:10 pm PT", "2020-03-03"),
        ("2020-03-03 16:05 | www.example.com | 2", "2020-03-03"),
        ("Tue 3rd March 2020 | 11:06 PM", "2020-03-03"),
        ("• Tuesday 3, March 2020 in 4:05 PM", "2020-03-03"),
        ("March 3, 2020Updated: March 4, 2020", "2020-03-03"),
        ("Mar. 3, 2020 (XYZ)—The talks in the palace went on for an hour longer than planned.", "2020-03-03"),
        ("LONDON, Mar. 3, 2020 (Reuters) - The talks went on for an hour longer than planned.", "2020-03-03"),
        ("LONDON (Example News / Agency - 3rd March, 2020) The minister said the talks went well.", "2020-03-03"),
        (
            "The president (R) greets the chancellor at the start of their talks at the palace"
            " in Lisbon on March 3, 2020. (AFP)",
            "2020-03-03",
        ),
        ("The president speaks on the phone, Tuesday, March 3, 2020. (A. Photographer/Office via AP)", "2020-03-03"),
    ],
)
def test_text_datelines_bylines_and_captions(line, expected):
    found = from_text(line)
    assert (found.value, found.source) == (expected, "text"), found.rejected
    assert found.evidence and " ".join(found.evidence.split()) in " ".join(line.split())


def test_leading_date_field_is_read_from_the_raw_text():
    found = discover(f" date 2020-03-03 {BODY}")
    assert (found.value, found.source, found.evidence) == ("2020-03-03", "text", "date 2020-03-03")


@pytest.mark.parametrize(
    "sentence",
    [
        "The summit will be held on June 5, 2019, officials said in a statement to reporters.",
        "The president met his counterpart on March 3, 2020 at the summit in Lisbon.",
        "He was born on 4 July 1950.",
        "Posted by Some Channel on Tuesday, March 3, 2020",  # an embedded social post, not a byline
    ],
)
def test_dates_inside_sentences_are_not_datelines(sentence):
    found = from_text(sentence)
    assert (found.value, found.source) == (None, "none")


def test_the_date_with_most_support_wins():
    found = from_text(
        "Leaders meet (R) in Lisbon on March 5, 2019. (AFP)",
        "A file photo (L) of the two in Porto on May 7, 2013. (Reuters)",
        "Guests (C) at the dinner in Lisbon on March 5, 2019. (AFP)",
    )
    assert found.value == "2019-03-05"
    assert any("2013-05-07" in r and "outvoted" in r for r in found.rejected)


def test_a_byline_outweighs_a_file_photo_caption():
    found = from_text(
        "Leaders meet (R) in Porto on July 10, 2019. (Xinhua)",
        "September 20, 2019",
    )
    assert found.value == "2019-09-20"


def test_a_caption_dated_before_a_later_day_the_text_reports_is_a_file_photo():
    caption = "Leaders shake hands (L) during a meeting in Porto on Aug. 19, 2025. (AFP)"  # a Tuesday
    found = from_text(caption, "The two leaders met again in Lisbon on Sept. 23 and agreed on trade.")
    assert found.value is None
    assert any("2025-08-19" in r and "older photo" in r for r in found.rejected)
    found = from_text(caption, "Their previous meeting, on Aug. 2, was shorter.")
    assert found.value == "2025-08-19"
    found = from_text(caption, "The two leaders will meet again in Lisbon on Sept. 23.")
    assert found.value == "2025-08-19"


def test_update_stamps_are_skipped():
    found = from_text("Updated: March 3, 2019", "Posted on March 1, 2019")
    assert found.value == "2019-03-01"
    assert any("update" in r for r in found.rejected)
    found = from_text("Last updated", "March 3, 2019")
    assert found.value is None and any("update" in r for r in found.rejected)


# --- rejections -------------------------------------------------------------------------------------------


def test_weekday_contradicting_the_date_is_rejected():
    found = from_text("Monday, March 3, 2020")  # a Tuesday
    assert found.value is None
    assert any("2020-03-03" in r and "weekday" in r for r in found.rejected), found.rejected


def test_invalid_date_is_rejected():
    found = from_text("February 30, 2018")
    assert found.value is None and any("invalid date" in r for r in found.rejected)


def test_date_later_than_now_is_rejected():
    found = from_text("Posted on March 1, 2019", now=dt.date(2019, 2, 1))
    assert found.value is None and any("later than now" in r for r in found.rejected)


def test_now_may_be_a_datetime():
    assert from_text("Posted on March 1, 2019", now=dt.datetime(2019, 3, 2, 12, 0)).value == "2019-03-01"


def test_date_later_than_the_crawl_is_rejected():
    found = from_text("Posted on March 1, 2019", crawled="2019-02-01T10:00:00Z")
    assert found.value is None and any("crawl" in r for r in found.rejected)
    assert from_text("Posted on March 1, 2019", crawled="2019-03-01T10:00:00Z").value == "2019-03-01"


def test_bare_date_above_the_headline_is_the_sites_date():
    found = discover("\n".join(["Monday, March 2, 2020", HEADLINE, BODY]))
    assert found.value is None and any("above the headline" in r for r in found.rejected)


def test_text_date_outside_the_urls_month_is_rejected():
    text = "\n".join([HEADLINE, "Leaders (R) in Porto on July 9, 2019. (Xinhua)", BODY])
    found = discover(text, url="https://example.com/2019/09/leaders-meet/")
    assert found.value is None and any("URL's month" in r for r in found.rejected)


def test_no_evidence_no_date():
    found = discover(BODY)
    assert found == PublicationDate(None, "none", None, ())
    assert discover("").value is None


def test_metadata_comes_before_url_and_text():
    found = discover(f" date 2020-03-03 {BODY}", url="https://example.com/2018/07/15/x", published="2018-07-14")
    assert (found.value, found.source) == ("2018-07-14", "metadata")
    found = discover(f" date 2020-03-03 {BODY}", url="https://example.com/2018/07/15/x")
    assert (found.value, found.source) == ("2018-07-15", "url")


_PIECES = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            "Monday, March 2, 2020", "February 30, 2018", "Posted at 9:12 AM, Mar 3, 2020", "Updated: ",
            " date 2020-03-03 ", "(R)", "(AFP)", " on May 4, 2013.", "11:20, 3 March 2020", "\n", "\n\n",
            "2099-01-01", "Tue 3rd March 2020 | 11:06 PM", "LONDON (", "Mar. 3, 2020 (XYZ)—", HEADLINE,
        ]
    ),
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(_PIECES, max_size=12).map("".join),
    st.one_of(st.none(), st.text(max_size=30), st.sampled_from(["2020-03-05", "Tue, 10 Jul 2018 04:00:00 GMT"])),
    st.one_of(st.none(), st.text(max_size=40), st.just("https://example.com/2020/03/05/x")),
)
def test_property_discover_never_raises_nor_passes_now(text, published, url):
    found = discover(text, url=url, published=published, now=dt.date(2020, 1, 1))
    assert found.source in ("metadata", "html", "url", "text", "none")
    if found.value is None:
        assert found.source == "none" and found.evidence is None
    else:
        assert dt.date.fromisoformat(found.value) <= dt.date(2020, 1, 1)
        assert found.evidence


# --- the real texts ------------------------------------------------------------------------------------------


def read_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        pytest.skip(f"{path} is absent: the integration tests read the real articles from ../shared")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.integration
def test_dev_articles_published_date_from_url_and_text_only():
    """Agreement with the gold `published` (null where text and URL do not support a date)."""
    records = read_jsonl(DEV_ARTICLES)
    answered = correct = 0
    misses = []
    for record in records:
        doc = Document(source=record["id"], format="jsonl", text=record["text"], url=record["url"], published=None)
        found = discover_publication_date(doc, clean(record["text"], DEBRIS).text, DATES, NOW)
        if found.value is not None:
            answered += 1
            correct += found.value == record["published"]
        if found.value != record["published"]:
            misses.append((record["id"], record["published"], found.value, found.evidence))
    gold = sum(1 for record in records if record["published"])
    precision = correct / answered if answered else 0.0
    recall = correct / gold if gold else 0.0
    print(
        f"\ndev published dates (url + text): {len(records)} articles, {gold} with gold, "
        f"{answered} answered, {correct} correct: precision {precision:.3f}, recall {recall:.3f}; "
        f"disagreements {misses}"
    )
    assert precision >= 0.93, misses
    assert recall >= 0.93, misses


@pytest.mark.integration
def test_seed_captions_give_the_public_record_date_and_the_others_none():
    records = read_jsonl(SEEDS / "seeds.jsonl")
    resolved = {}
    for record in records:
        raw = (SEEDS / record["file"]).read_text(encoding="utf-8")
        doc = Document(source=record["file"], format="text", text=raw)
        resolved[record["id"]] = discover_publication_date(doc, clean(raw, DEBRIS).text, DATES, NOW)
    expected = {record["id"]: record["published"] for record in records}
    for seed_id in ("seed-003", "seed-004"):
        assert resolved[seed_id].value == expected[seed_id]
        assert resolved[seed_id].source == "text"
    for seed_id in ("seed-000", "seed-001", "seed-002"):
        assert resolved[seed_id] == PublicationDate(None, "none", None, ())


def test_a_dated_caption_whose_weekday_the_text_never_names_is_a_file_photo():
    from chronicle.ingest.date_rules import load_date_rules
    from chronicle.ingest.pubdate import discover_publication_date
    from chronicle.model import Document

    rules = load_date_rules()
    body = (
        "The two leaders met on Thursday in the capital.\n"
        "The president greets the prime minister in Rome on March 3, 2020. (AFP)\n"
        "They discussed trade."
    )
    # 2020-03-03 was a Tuesday: the text speaks of Thursday, so the caption is another day's photo
    found = discover_publication_date(Document(source="t", format="text", text=body), body, rules, dt.date(2026, 1, 1))
    assert found.value is None
    assert any("file photo" in reason for reason in found.rejected)
    consistent = body.replace("on Thursday", "on Tuesday")
    found = discover_publication_date(Document(source="t", format="text", text=consistent), consistent, rules, dt.date(2026, 1, 1))
    assert found.value == "2020-03-03"
