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
