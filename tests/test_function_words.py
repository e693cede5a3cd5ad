"""English function words are data (`data/function_words.yaml`, chronicle/function_words.py):
the steps compare a token's word with the lists the records they are given hold, never with
a word written in code. Invented text; each case with its counter-case."""

from __future__ import annotations

from dataclasses import fields

import pytest

from chronicle.data import load_yaml
from chronicle.extract.lexicon import load_event_lexicon
from chronicle.extract.merging import counted_meetings, perfect_aspect
from chronicle.extract.participants import involved_words
from chronicle.function_words import FunctionWords, load_function_words
from chronicle.resolve.clauses import infinitive, names_known_event


def test_the_data_file_fills_every_list_and_names_no_other():
    data = load_yaml("function_words.yaml")
    names = {f.name for f in fields(FunctionWords)}
    assert set(data) == names
    words = load_function_words()
    assert all(getattr(words, name) for name in names)
    assert "of" in words.genitive_preps and "to" in words.infinitive_markers and "be" in words.copulas


def test_a_user_file_reaches_every_record_of_the_lexicon(tmp_path):
    (tmp_path / "function_words.yaml").write_text("genitive_preps: [de]\ninfinitive_markers: [zu]\n", encoding="utf-8")
    lexicon = load_event_lexicon(directory=tmp_path)
    assert lexicon.grammar.genitive_preps == {"de"}
    assert lexicon.modality.grammar is lexicon.grammar and lexicon.places.grammar is lexicon.grammar
    assert load_event_lexicon().grammar.genitive_preps == {"of"}


def test_an_infinitive_is_told_by_its_marker(nlp):
    doc = nlp("The envoys agreed to meet in Accra.")
    meet = next(t for t in doc if t.lower_ == "meet")
    assert infinitive(meet, frozenset({"to"}))
    assert not infinitive(meet, frozenset())  # no marker listed: no infinitive


def test_a_dated_definite_noun_names_its_event(nlp):
    doc = nlp("Officials recalled the 9 March floods.")
    span = doc.char_span(doc.text.index("9 March"), doc.text.index("9 March") + len("9 March"), alignment_mode="expand")
    articles = load_function_words().definite_articles
    assert names_known_event(span, articles)
    assert not names_known_event(span, frozenset())


def test_the_perfect_and_counted_meetings_read_their_words(nlp):
    doc = nlp("The minister has met the envoys. His meetings with the envoys ended.")
    met = next(t for t in doc if t.lower_ == "met")
    assert perfect_aspect(met, frozenset({"have"})) and not perfect_aspect(met, frozenset())
    meetings = next(t for t in doc if t.lower_ == "meetings")
    assert counted_meetings(meetings, frozenset({"talk"})) and not counted_meetings(meetings, frozenset({"meeting"}))


def test_a_gathering_verb_names_its_participants_only_with_its_particle(nlp):
    words = load_function_words()
    doc = nlp("A summit that will bring Kofi together with Ama opens today.")
    summit = next(t for t in doc if t.lower_ == "summit")
    assert "Kofi" in [w.text for w in involved_words(summit, {"bring"}, words)]
    assert involved_words(summit, {"bring"}, FunctionWords(gathering_verbs=frozenset({"bring"}))) == []  # no particle listed


def test_a_bare_yaml_boolean_is_refused(tmp_path):
    path = tmp_path / "function_words.yaml"
    path.write_text("occasion_preps: [on]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="quote"):
        load_function_words(path)
    path.write_text('occasion_preps: ["on"]\n', encoding="utf-8")
    assert load_function_words(path).occasion_preps == {"on"}
