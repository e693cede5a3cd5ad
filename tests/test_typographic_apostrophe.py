"""A typographic apostrophe reads as the straight one (issue 14): the small English model
misses a name before "’s" that it finds before "'s", and "to speak with X" (no channel
said) is the call another sentence of the article reports. Invented sentences."""

from __future__ import annotations

from chronicle.nlp import model_text


def people(event) -> list[str]:
    return sorted(a.name for a in event.actors if a.kind == "person")


def test_an_apostrophe_inside_a_word_becomes_straight_and_offsets_stay():
    text = "Xi’s talks, the leaders’ plan and ‘quoted’ words don’t move."
    seen = model_text(text)
    assert len(seen) == len(text)
    assert "Xi's talks" in seen and "don't" in seen
    assert "leaders’ plan" in seen and "‘quoted’ words" in seen  # a closing mark before a space stays


def test_a_modifier_letter_apostrophe_inside_a_word_becomes_straight():
    text = "Togo\u02bcs and Benin\u02bcs bids, and the word \u02bcokina alone."
    seen = model_text(text)
    assert len(seen) == len(text)
    assert seen.startswith("Togo's and Benin's bids")
    assert "\u02bcokina" in seen  # not inside a word: kept


def test_a_name_before_a_typographic_possessive_is_a_participant(consults):
    events = consults("Xi’s talks with Shinzo Abe in Osaka in March 2016 eased the dispute.", None)
    assert [people(e) for e in events] == [["Shinzo Abe", "Xi Jinping"]]


def test_the_straight_possessive_reads_the_same(consults):
    events = consults("Xi's talks with Shinzo Abe in Osaka in March 2016 eased the dispute.", None)
    assert [people(e) for e in events] == [["Shinzo Abe", "Xi Jinping"]]


def test_to_speak_with_someone_is_the_phone_call_the_article_reports(consults):
    events = consults("Erdogan to speak with Scholz after summit\n\nRecep Tayyip Erdogan plans to hold a phone "
                      "conversation with Olaf Scholz, his office said.")
    plans = [e for e in events if e.modality == "planned" and people(e) == ["Olaf Scholz", "Recep Tayyip Erdogan"]]
    assert len(plans) == 1


def test_to_meet_someone_is_not_the_phone_call(consults):
    events = consults("Erdogan to meet Scholz after summit\n\nRecep Tayyip Erdogan plans to hold a phone "
                      "conversation with Olaf Scholz, his office said.")
    plans = [e for e in events if e.modality == "planned" and people(e) == ["Olaf Scholz", "Recep Tayyip Erdogan"]]
    assert len(plans) == 2
