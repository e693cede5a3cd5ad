"""The best trigger of a token is worked out once per doc and lexicon (extract/triggers.py)."""

from __future__ import annotations

import pytest

from chronicle.extract import triggers
from chronicle.extract.lexicon import load_event_lexicon


@pytest.fixture(scope="module")
def lexicon():
    return load_event_lexicon()


@pytest.fixture
def counted(monkeypatch):
    """How many times each token index was worked out (not read from the doc's table)."""
    seen: list[int] = []
    work = triggers._fired

    def counting(token, lexicon):
        seen.append(token.i)
        return work(token, lexicon)

    monkeypatch.setattr(triggers, "_fired", counting)
    return seen


def test_a_light_verb_trigger_and_its_noun_are_worked_out_once(nlp, lexicon, counted):
    doc = nlp("The two envoys held talks in Velmora on Tuesday.")
    held, talks = doc[3], doc[4]
    first = triggers.best_trigger(held, lexicon)
    again = triggers.best_trigger(doc[3], lexicon)
    assert first is not None and first[1] == talks and first[1].i == 4
    assert again[0] is first[0] and again[1] == talks
    assert counted == [3]


def test_no_trigger_is_an_answer_kept_too(nlp, lexicon, counted):
    doc = nlp("The weather in Velmora was mild on Tuesday.")
    assert [triggers.best_trigger(token, lexicon) for token in doc] == [None] * len(doc)
    assert [triggers.best_trigger(token, lexicon) for token in doc] == [None] * len(doc)
    assert counted == list(range(len(doc)))


def test_another_lexicon_gets_its_own_answers(nlp, lexicon, counted):
    doc = nlp("The two envoys held talks in Velmora on Tuesday.")
    other = load_event_lexicon()
    mine, theirs = triggers.best_trigger(doc[3], lexicon), triggers.best_trigger(doc[3], other)
    assert mine[0] == theirs[0] and mine[0] is not theirs[0] and mine[1] == theirs[1]
    assert counted == [3, 3]


def test_candidates_are_every_word_that_can_fire_and_only_such_words(nlp, lexicon):
    """`trigger_candidates` skips only words with no lexicon entry: every token where
    `best_trigger` finds one is a candidate ("met", "talks"), a word no entry names is not."""
    doc = nlp("The foreign ministers of Velmora and Ostrana met on Friday and held talks about the harbour.")
    candidates = triggers.trigger_candidates(doc, lexicon)
    fired = [t.i for t in doc if triggers.best_trigger(t, lexicon) is not None]
    assert fired and set(fired) <= set(candidates) and candidates == sorted(candidates)
    words = {doc[i].lower_ for i in candidates}
    assert "met" in words and "talks" in words
    assert not words & {"the", "velmora", "ostrana", "friday", "harbour"}
    assert triggers.trigger_candidates(doc, lexicon) is candidates  # listed once per doc


def test_sentence_candidates_are_those_inside_the_sentence(nlp, lexicon):
    doc = nlp("The envoys met in Velmora. Later the harbour stayed quiet. The rebels attacked a convoy.")
    first, second, third = doc.sents
    everywhere = triggers.trigger_candidates(doc, lexicon)
    inside = [triggers.span_trigger_candidates(s, lexicon) for s in (first, second, third)]
    assert sum(inside, []) == everywhere
    assert all(s.start <= i < s.end for s, found in zip((first, second, third), inside) for i in found)
    assert [doc[i].lower_ for i in inside[0]] and "met" in [doc[i].lower_ for i in inside[0]]
