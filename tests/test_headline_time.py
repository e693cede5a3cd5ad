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
