"""Actor resolution on small hand-written articles, with a small hand-written KB."""

from __future__ import annotations

import datetime as dt

import pytest

from chronicle.kb import KbFile, load_kb
from chronicle.nlp import load_pipeline
from chronicle.resolve.actor_lexicon import build_patterns, load_lexicon
from chronicle.resolve.actors import resolve_actors
from chronicle.settings import default_model

KB_TEXT = """
countries:
  - {id: RUS, name: Russia, demonyms: [Russian], capital: Moscow, seats: [the Kremlin]}
  - {id: ISR, name: Israel, demonyms: [Israeli], capital: Jerusalem}
  - {id: FIN, name: Finland, demonyms: [Finnish], capital: Helsinki}
offices:
  head_of_state: {titles: [president]}
  head_of_government: {titles: [prime minister, premier]}
  foreign_minister: {titles: [foreign minister]}
leader_words: [leader]
actors:
  - id: ivan-petrov
    name: Ivan Petrov
    country: RUS
    roles:
      - {office: head_of_state, country: RUS, start: 2000-05-07, end: 2008-05-07}
  - id: oleg-sidorov
    name: Oleg Sidorov
    country: RUS
    roles:
      - {office: head_of_state, country: RUS, start: 2008-05-07, end: 2012-05-07}
  - id: dan-levin
    name: Dan Levin
    country: ISR
    aliases: [Danny Levin]
    roles:
      - {office: head_of_government, country: ISR, start: 2001-01-01, end: 2009-01-01}
"""


@pytest.fixture(scope="module")
def setup():
    kb = load_kb([], packaged=[KbFile("test.yaml", KB_TEXT)])
    lexicon = load_lexicon()
    return load_pipeline(default_model()), kb, lexicon, build_patterns(kb, lexicon)


def resolved(setup, text: str, day: dt.date | None = dt.date(2005, 6, 1)):
    nlp, kb, lexicon, patterns = setup
    result = resolve_actors(nlp(text), kb, lexicon, patterns, day)
    return {m.text: m.value for m in result.mentions}, result


def test_names_surnames_and_titles(setup):
    values, result = resolved(setup, "Russian President Ivan Petrov met Israeli Prime Minister Dan Levin on Monday. Petrov said the talks went well.")
    assert values["Ivan Petrov"] == values["Petrov"] == "ivan-petrov"
    assert values["Dan Levin"] == "dan-levin"
    assert {(e.actor, e.office, e.seat) for e in result.evidence} == {("ivan-petrov", "head_of_state", "RUS"), ("dan-levin", "head_of_government", "ISR")}


@pytest.mark.parametrize("day, expected", [(dt.date(2005, 6, 1), "ivan-petrov"), (dt.date(2010, 6, 1), "oleg-sidorov")])
def test_descriptions_resolve_at_the_articles_date(setup, day, expected):
    values, _ = resolved(setup, "The Russian president said the talks went well.", day)
    assert values["The Russian president"] == expected


def test_description_prefers_the_person_the_article_names(setup):
    values, _ = resolved(setup, "Oleg Sidorov spoke in Moscow. Later the Russian leader left.", None)
    assert values["the Russian leader"] == "oleg-sidorov"


def test_variant_spelling_and_typo_consistent_with_the_article(setup):
    values, _ = resolved(setup, "Danny Levin arrived. Ivan Petrow greeted him. Levni smiled.")
    assert values["Danny Levin"] == "dan-levin"
    assert values["Ivan Petrow"] == "ivan-petrov"
    assert values["Levni"] == "dan-levin"


def test_pronouns_metonyms_demonyms_and_counterparts(setup):
    values, _ = resolved(setup, "Ivan Petrov met his Israeli counterpart in Jerusalem. He said the Kremlin wants peace. Russian officials agreed.")
    assert values["his Israeli counterpart"] is None  # Levin was prime minister, not president
    assert values["He"] == "ivan-petrov"
    assert values["the Kremlin"] == "RUS"
    assert values["Russian"] == "RUS"
    values, _ = resolved(setup, "Dan Levin met his Russian counterpart.")
    assert values["his Russian counterpart"] is None  # no Russian head of government in this KB
    values, _ = resolved(setup, "Moscow said it would reply.")
    assert values["Moscow"] == "RUS"


def test_persons_outside_the_kb_become_corpus_actors_with_role_evidence(setup):
    values, result = resolved(setup, "Finnish Foreign Minister Timo Saari met Petrov. Saari said little.")
    assert values["Timo Saari"] == values["Saari"] == "corpus:person:timo-saari"
    assert ("corpus:person:timo-saari", "foreign_minister", "FIN") in {(e.actor, e.office, e.seat) for e in result.evidence}
    assert "corpus:person:timo-saari" in result.corpus_actors


def test_a_pronoun_does_not_refer_to_a_person_called_by_the_other_gender(setup):
    values, _ = resolved(setup, "Mrs Anna Petrova met Ivan Petrov on Monday. He said the talks went well.")
    assert values["He"] == "ivan-petrov"
    values, _ = resolved(setup, "Mr Ivan Petrov met Anna Petrova on Monday. She said the talks went well.")
    assert values["She"] != "ivan-petrov"
