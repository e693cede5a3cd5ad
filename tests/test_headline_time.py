"""A headline's event known only as of publication takes the day the article's lead
sentence gives (extract/headlines.py), on invented text, with its counter-cases."""

from __future__ import annotations

import pytest

PUBLISHED = "2025-03-04"  # a Tuesday (the test fixture rejects dates after 2026-01-01)


@pytest.fixture(scope="module")
def events(annotate_text):
    def run(body: str, type_: str):
        return [e for e in annotate_text(body, PUBLISHED).event_mentions if e.type == type_]

    return run


def test_a_headline_takes_the_day_of_the_dated_lead(events):
    found = events("Ghana demands fresh vote in Togo\n\nGhanaian police on Monday arrested two opposition leaders in Accra.", "REQUEST")
    assert found and found[0].date == "2025-03-03"


def test_a_headline_keeps_publication_when_the_lead_has_no_day(events):
    found = events("Ghana demands fresh vote in Togo\n\nGhanaian police are arresting opposition leaders in Accra, witnesses say.", "REQUEST")
    assert found and found[0].end_date == PUBLISHED and found[0].date_precision == "reported"


def test_a_lead_long_before_publication_does_not_date_the_headline(events):
    found = events("Ghana demands fresh vote in Togo\n\nGhanaian police on January 5 arrested two opposition leaders in Accra.", "REQUEST")
    assert found and found[0].end_date == PUBLISHED and found[0].date_precision == "reported"


def test_an_undated_event_of_the_lead_paragraph_takes_the_leads_day():
    import datetime as dt

    from chronicle.extract.headlines import lead_paragraph_time
    from chronicle.nlp import load_pipeline
    from chronicle.model import TimeValue
    from chronicle.settings import Settings

    nlp = load_pipeline(Settings().model)
    doc = nlp("Ghana warned Togo on Monday. He also urged Togo to act. " + "The border was calm. " * 6 + "Nigeria urged calm.")
    sentences = list(doc.sents)
    lead = TimeValue("2025-03-03", None, "day", "on Monday", "2025-03-04", "weekday")
    published = TimeValue("2025-03-04", None, "day", "", None, "published")
    day = dt.date(2025, 3, 4)
    assert lead_paragraph_time(published, sentences[1], lead, day).value == "2025-03-03"
    assert lead_paragraph_time(published, sentences[-1], lead, day).value == "2025-03-04"  # past the lead paragraph
    stated = TimeValue("2025-03-01", None, "day", "on Saturday", "2025-03-04", "weekday")
    assert lead_paragraph_time(stated, sentences[1], lead, day) == stated  # its own day stays
    early = TimeValue("2025-01-05", None, "day", "on January 5", "2025-03-04", "absolute")
    assert lead_paragraph_time(published, sentences[1], early, day) == published  # a lead long before publication


def test_a_past_tense_act_dated_after_publication_is_still_reported(annotate_text):
    found = [e for e in annotate_text("Ghana rejected a Togolese ultimatum to surrender the city of Ho Monday.",
                                      "2025-03-02").event_mentions if e.type == "REJECT"]
    assert [e.modality for e in found] == ["reported"]  # "Monday" read as the day after a Sunday publication
    counter = [e for e in annotate_text("Ghana will reject the Togolese ultimatum on Monday.", "2025-03-02").event_mentions
               if e.type == "REJECT"]
    assert [e.modality for e in counter] == ["planned"]


def test_an_undated_page_dates_its_undated_events_by_the_full_date_it_writes(annotate_text):
    def sanctions(body, published=None):
        return [e.date for e in annotate_text(body, published).event_mentions if e.type == "SANCTION"]

    body = "Ghana imposed sanctions on Togo. A photo taken in Accra on Sept. 15, 2024 shows the minister."
    assert sanctions(body) == ["2024-09-15"]
    dated = [e for e in annotate_text(body, PUBLISHED).event_mentions if e.type == "SANCTION"]
    assert [(e.end_date, e.date_precision) for e in dated] == [(PUBLISHED, "reported")]  # a dated page: news of its publication
    assert sanctions("Ghana imposed sanctions on Togo. A photo taken in Accra on Sept. 15 shows the minister.") == [None]


# ----------------------------------------------------------------------------- pages without a date


def test_an_undated_page_takes_its_latest_written_day(annotate_text):
    body = ("Envoys back the Oruma accord\n\nRegional envoys praised the Oruma accord, a statement "
            "posted on March 3, 2023 said. Ministers of Tamboria welcomed the accord.")
    found = [e for e in annotate_text(body, None).event_mentions if e.type == "SUPPORT" and e.modality == "reported"]
    assert found and all((e.date, e.date_precision) == ("2023-03-03", "day") for e in found)


def test_a_day_the_page_puts_ahead_gives_only_the_month_before_it(annotate_text):
    body = ("Truce to start in Tamboria\n\nThe president of Tamboria confirmed that a truce is set to take "
            "effect on Friday March 10, 2023. Ministers of Tamboria welcomed the truce.")
    found = [e for e in annotate_text(body, None).event_mentions if e.type == "SUPPORT" and e.modality == "reported"]
    assert found and all((e.date, e.date_precision) == ("2023-03", "month") for e in found)


def test_ahead_month_is_the_month_of_the_day_before():
    from chronicle.extract.headlines import ahead_month
    from chronicle.model import TimeValue

    day = TimeValue("2023-04-01", None, "day", "April 1, 2023", None, "date")
    assert (ahead_month(day).value, ahead_month(day).precision) == ("2023-03", "month")
    assert ahead_month(None) is None
