"""The knowledge base: loading, consistency checks, look-ups (small hand-written KB files)."""

from __future__ import annotations

import datetime as dt

import pytest

from chronicle.kb import KbError, KbFile, load_kb, name_key

BASE = KbFile(
    "base.yaml",
    """
countries:
  - {id: RUS, name: Russia, aliases: [Russian Federation], demonyms: [Russian], capital: Moscow, seats: [the Kremlin]}
  - {id: ISR, name: Israel, demonyms: [Israeli], capital: Jerusalem}
offices:
  head_of_state: {titles: [president]}
  head_of_government: {titles: [prime minister, premier]}
  foreign_minister: {titles: [foreign minister]}
country_titles:
  USA:
    foreign_minister: [secretary of state]
leader_words: [leader]
actors:
  - id: ivan-petrov
    name: Ivan Petrov
    country: RUS
    aliases: [Iwan Petrow]
    roles:
      - {office: head_of_state, country: RUS, start: 2000-05-07, end: 2008-05-07}
      - {office: head_of_government, country: RUS, start: 2008-05-08, end: 2012-05-07}
  - id: oleg-sidorov
    name: Oleg Sidorov
    country: RUS
    roles:
      - {office: head_of_state, country: RUS, start: 2008-05-07, end: 2012-05-07}
""",
)


def test_holders_by_date_and_titles():
    kb = load_kb(packaged=[BASE])
    assert [a.id for a in kb.holders("head_of_state", "RUS", dt.date(2005, 1, 1))] == ["ivan-petrov"]
    assert [a.id for a in kb.holders("head_of_state", "RUS", dt.date(2008, 5, 7))] == ["oleg-sidorov"]  # end is exclusive
    assert kb.offices_titled("premier", "RUS") == ["head_of_government"]
    assert kb.offices_titled("secretary of state", "USA") == ["foreign_minister"]
    assert kb.country_of_word("Russian") == kb.country_of_word("Russia's") == "RUS"
    assert kb.names[name_key("Iwan Petrow")] == ("ivan-petrov",)
    assert kb.surnames["petrov"] == ("ivan-petrov",)
    assert kb.seats[name_key("the Kremlin")] == "RUS"


def test_name_key_folds_diacritics_case_and_possessives():
    assert name_key("Erdoğan’s") == name_key("ERDOGAN") == "erdogan"


def refused(text: str) -> list[str]:
    with pytest.raises(KbError) as error:
        load_kb([KbFile("user.yaml", text)], packaged=[BASE])
    return [str(p) for p in error.value.problems]


def test_two_holders_of_one_office_at_once_are_refused_with_file_and_line():
    problems = refused(
        "actors:\n"
        "  - id: usurper\n"
        "    name: Pavel Usurpov\n"
        "    roles:\n"
        "      - {office: head_of_state, country: RUS, start: 2004-01-01, end: 2005-01-01}\n"
    )
    assert any(p.startswith("user.yaml:5:") and "while ivan-petrov holds it" in p for p in problems)


@pytest.mark.parametrize(
    "text, reason",
    [
        ("actors:\n  - id: x\n    name: X Y\n    roles:\n      - {office: king, country: RUS, start: 2001-01-01}\n", "unknown office"),
        ("actors:\n  - id: x\n    name: X Y\n    roles:\n      - {office: foreign_minister, country: RUS, start: 2003-01-01, end: 2001-01-01}\n", "ends"),
        ("actors:\n  - id: x\n    name: X Y\n    roles:\n      - {office: foreign_minister, country: RUS, start: 2003-13-01}\n", "not a yyyy-mm-dd date"),
        ("actors:\n  - id: ivan-petrov\n    name: Other\n", "already defined"),
        ("actors:\n  - id: x\n    name: Ivan Petrov\n", "names several actors"),
        ("actors:\n  - id: x\n    name: X Y\n    qid: 7747\n", "not a Wikidata QID"),
        ("actors: [\n", "not valid YAML"),
        ("actors:\n  - id: x\n    name: X Y\n    roles:\n      - {office: foreign_minister, country: ATLANTIS, start: 2001-01-01}\n", "unknown country"),
    ],
)
def test_bad_files_are_refused_with_a_reason(text, reason):
    assert any(reason in p for p in refused(text))


def test_shared_short_names_must_be_marked_ambiguous_by_each_user():
    text = (
        "actors:\n"
        "  - {id: a-kim, name: Kim Aaa, ambiguous_aliases: [Kim]}\n"
        "  - {id: b-kim, name: Kim Bbb, aliases: [Kim]}\n"
    )
    assert any("names several actors" in p for p in refused(text))
    ok = text.replace("aliases: [Kim]}", "ambiguous_aliases: [Kim]}").replace("ambiguous_ambiguous_", "ambiguous_")
    kb = load_kb([KbFile("user.yaml", ok)], packaged=[BASE])
    assert kb.ambiguous_names["kim"] == ("a-kim", "b-kim")
