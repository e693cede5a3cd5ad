"""Generic actors (issue 19, family 1): "police", "the government", "rebels" as country +
sector from the article's context, on invented text, each case with its counter-case."""

from __future__ import annotations

import pytest

from chronicle.resolve.generic_actors import (
    ArticleCountry,
    display_name,
    load_sectors,
    resolve_generic,
    sector_of_id,
)

PUBLISHED = "2031-03-04"


@pytest.fixture(scope="module")
def events(annotate_text):
    def run(body: str, type_: str):
        return [e for e in annotate_text(body, PUBLISHED).event_mentions if e.type == type_]

    return run


def groups(event, role):
    return [(a.country, a.name) for a in event.actors if a.role == role and a.kind == "group"]


def test_the_sector_vocabulary_is_data():
    sectors = load_sectors()
    assert (sectors.sector("police"), sectors.sector("rebel"), sectors.sector("protester")) == ("POL", "REB", "CVL")
    assert "GOV" in sectors.state and "CVL" not in sectors.state
    assert sector_of_id("group:gha:soldier") == "MIL" and sector_of_id("GHA") is None


def test_the_cascade_prefers_written_then_earlier_then_dateline_then_article():
    sectors, article = load_sectors(), ArticleCountry(dateline="GHA", dominant="TGO")
    assert resolve_generic("police", "BEN", lambda: "NER", article, sectors).evidence == "written"
    assert resolve_generic("police", None, lambda: "NER", article, sectors).country == "NER"
    assert resolve_generic("police", None, lambda: None, article, sectors).country == "GHA"
    assert resolve_generic("police", None, lambda: None, ArticleCountry(dominant="TGO"), sectors).evidence == "article"
    assert resolve_generic("police", None, lambda: None, ArticleCountry(), sectors).country is None
    assert resolve_generic("spokesman", None, lambda: "NER", article, sectors).country is None  # not a generic actor


def test_the_name_shows_the_country_once():
    assert display_name("police", "Ghana") == "police (Ghana)"
    assert display_name("Ghanaian police", "Ghana") == "Ghanaian police (Ghana)"
    assert display_name("Ghana police", "Ghana") == "Ghana police"
    assert display_name("police", None) == "police"


def test_bare_police_take_the_datelines_country(events):
    (assault,) = events("ACCRA (Reuters) - Police fired tear gas at hundreds of traders on Tuesday.", "ASSAULT")
    assert groups(assault, "source") == [("GHA", "Police (Ghana)")]


def test_a_written_nationality_wins_over_the_dateline(events):
    (arrest,) = events("ACCRA (Reuters) - Nigerian police arrested the trader on Tuesday.", "COERCE")
    assert [c for c, _ in groups(arrest, "source")] == ["NGA"]


def test_an_earlier_mention_gives_its_country(events):
    found = events("Nigerian soldiers crossed the border on Monday. Residents of Accra said on Tuesday that soldiers attacked a market in the town.", "ASSAULT")
    assert [c for e in found for c, _ in groups(e, "source")] == ["NGA"]


def test_the_one_country_of_the_sentence_wins_over_the_dateline(events):
    (arrest,) = events("LAGOS (Reuters) - In Ghana, police arrested the singer on Monday.", "COERCE")
    assert [c for c, _ in groups(arrest, "source")] == ["GHA"]
    (counter,) = events("LAGOS (Reuters) - Police arrested the singer on Monday.", "COERCE")
    assert [c for c, _ in groups(counter, "source")] == ["NGA"]


def test_a_possessive_country_is_not_repeated_in_the_name():
    assert display_name("Ghana's army", "Ghana") == "Ghana's army"


def test_the_agency_of_a_dateline_is_not_an_actor(events):
    (attack,) = events("LAGOS (Reuters) - Ghana's army attacked the rebels on Monday.", "ASSAULT")
    assert "Reuters" not in [a.name for a in attack.actors]
    (counter,) = events("Reuters reported that Ghana's army attacked the rebels on Monday.", "ASSAULT")
    assert [a.country for a in counter.actors if a.role == "source"] == ["GHA"]


def test_a_state_organ_sent_by_someone_is_of_their_country(events):
    # the troops are the withdrawal's (RETREAT) actor; the order (CONCEDE) no longer names its own
    # troops as a target (extract/sides.py own_forces)
    (withdrawal,) = events("LAGOS (Reuters) - Sergei Shoigu ordered troops to withdraw from the city.", "RETREAT")
    assert [a.country for a in withdrawal.actors if a.kind == "group"] == ["RUS"]


def test_a_group_noun_taken_for_a_name_is_a_generic_actor(events):
    (request,) = events("BUDAPEST (Reuters) - The prime minister asked MPs to approve the bid on Monday.", "REQUEST")
    assert [(a.country, a.name) for a in request.actors if a.role == "target"] == [("HUN", "MPs (Hungary)")]


def test_a_capitalized_plural_is_its_listed_noun():
    sectors = load_sectors()
    assert (sectors.noun("Gunmen"), sectors.noun("Rebels"), sectors.noun("militias")) == ("gunman", "rebel", "militia")
    assert sectors.noun("Buses") is None and sectors.sector("news") is None


def test_plural_endings_are_data(tmp_path):
    """The singular of a plural comes from the file's `plural_endings`: another file reads
    its own endings, and without them a plural is no listed noun."""
    other = tmp_path / "sectors.yaml"
    other.write_text("plural_endings: [[en, e]]\nsectors: {REB: {nouns: [rebelle]}}\n", encoding="utf-8")
    assert load_sectors(other).noun("Rebellen") == "rebelle"
    assert load_sectors(other).noun("rebelles") is None
    bare = tmp_path / "bare.yaml"
    bare.write_text("sectors: {REB: {nouns: [rebel]}}\n", encoding="utf-8")
    assert (load_sectors(bare).noun("rebel"), load_sectors(bare).noun("rebels")) == ("rebel", None)


def test_an_armed_noun_stands_for_the_one_armed_group_the_article_names(events):
    (raid,) = events("Gunmen kidnapped 40 villagers on Monday night in southern Somalia. Officials blamed al-Shabaab "
                     "for the raid.", "ASSAULT")
    assert [a.name for a in raid.actors if a.role == "source"] == ["al-Shabaab"]
    (counter,) = events("Gunmen kidnapped 40 villagers on Monday night in southern Somalia. Officials blamed al-Shabaab "
                        "or Boko Haram for the raid.", "ASSAULT")  # two groups: which one is not said
    assert groups(counter, "source") == [("SOM", "Gunmen (Somalia)")]
    (protest,) = events("Students protested in Mogadishu on Monday. Officials blamed al-Shabaab for a bombing.", "PROTEST")
    assert groups(protest, "source") == [("SOM", "Students (Somalia)")]  # students are no armed group
