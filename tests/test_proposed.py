"""Who did what the type classifier proposes below another clause (invented sentences)."""

from __future__ import annotations

import pytest

from chronicle.extract.proposed import governing_subjects


def _word(doc, text):
    return next(t for t in doc if t.text == text)


def test_a_clause_without_a_subject_takes_the_subject_of_the_clause_above(nlp):
    doc = nlp("The envoy of Vantoria stressed that the talks were rejected.")
    assert [t.text for t in governing_subjects(_word(doc, "rejected"))] == ["envoy"]


def test_a_clause_under_a_preposition_takes_the_subject_above(nlp):
    doc = nlp("Vantoria played a role, with its army deploying soldiers to the border.")
    assert [t.text for t in governing_subjects(_word(doc, "deploying"))] == ["Vantoria"]


def test_a_word_at_the_root_or_the_object_of_a_preposition_takes_no_one_above(nlp):
    root = nlp("The rebels of Vantoria rejected the talks.")
    assert governing_subjects(_word(root, "rejected")) == []
    noun = nlp("The envoy of Vantoria spoke about the blockade.")
    assert governing_subjects(_word(noun, "blockade")) == []  # a noun's own preposition: not a clause


def _propose_at(word: str, type_: str):
    """A stand-in for the classifier's proposals: one trigger of `type_` at `word`."""
    from chronicle.extract.records import Trigger

    def propose(doc, scores, model, lexicon, actor_starts):
        return {t.i: Trigger(type=type_, lemma=t.lemma_.lower(), confidence=0.7) for t in doc if t.text == word}
    return propose


def test_an_off_root_proposal_takes_the_subject_above_or_goes(annotate_text, monkeypatch):
    from chronicle.models import type_classifier as tc

    monkeypatch.setattr(tc, "proposals", _propose_at("shelved", "REJECT"))
    named = annotate_text("France said on Monday that the plan was shelved.", "2026-03-02").event_mentions
    at = lambda events: [e for e in events if e.evidence[0].trigger == "shelved"]  # noqa: E731
    assert [[(a.id, a.role) for a in e.actors] for e in at(named)] == [[("FRA", "source")]]
    unnamed = annotate_text("The newspaper said on Monday that the plan was shelved.", "2026-03-02").event_mentions
    assert not at(unnamed)  # no one named above it: the proposal goes


def _sources(annotate_text, monkeypatch, word: str, type_: str, text: str):
    """The (id, role) lists of the events at `word` when the classifier proposes `type_` there."""
    from chronicle.models import type_classifier as tc

    monkeypatch.setattr(tc, "proposals", _propose_at(word, type_))
    events = annotate_text(text, "2026-03-02").event_mentions
    return [[(a.id, a.role) for a in e.actors] for e in events if e.evidence[0].trigger.split()[0] == word]


def test_a_proposed_noun_takes_its_possessor_through_the_reported_pronoun(annotate_text, monkeypatch):
    text = "Germany says that it is firm in its support for the new treaty."
    assert _sources(annotate_text, monkeypatch, "support", "SUPPORT", text) == [[("DEU", "source")]]
    unnamed = "The newspaper says that it is firm in its support for the new treaty."
    assert _sources(annotate_text, monkeypatch, "support", "SUPPORT", unnamed) == []  # no one to refer to: it goes


def test_an_open_complement_of_a_passive_takes_the_passive_subject(annotate_text, monkeypatch):
    text = "The Kenyan government was forced to resign on Friday."
    assert _sources(annotate_text, monkeypatch, "resign", "RETREAT", text) == [[("group:ken:government", "source")]]
    unnamed = "Someone was forced to resign on Friday."
    assert _sources(annotate_text, monkeypatch, "resign", "RETREAT", unnamed) == []



def test_a_pronoun_subject_takes_the_actor_it_refers_back_to(annotate_text, monkeypatch):
    text = "Ghana recalled its envoy on Monday. The newspaper said it had shelved the plan."
    assert _sources(annotate_text, monkeypatch, "shelved", "REJECT", text) == [[("GHA", "source")]]
    alone = "The newspaper said it had shelved the plan."
    assert _sources(annotate_text, monkeypatch, "shelved", "REJECT", alone) == []  # nothing before it: it goes
