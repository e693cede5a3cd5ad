"""The trained event-type classifier: features, the combination with the lexicon, the
proposals where the lexicon finds nothing, and the packaged weights (invented sentences)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from chronicle.extract.lexicon import load_event_lexicon
from chronicle.model import EventActor, EventMention, Evidence
from chronicle.models import type_classifier as tc
from chronicle.models.type_features import sentence_features, trigger_hits


@pytest.fixture(scope="module")
def lexicon():
    return load_event_lexicon()


def _event(type_: str, confidence: float, span=(0, 50), mode=None) -> EventMention:
    return EventMention(span[0], span[1], type_, mode, "reported", (), None, None, "day", "", "published", None,
                        confidence, (Evidence(span[0], span[1], span[0], span[0] + 4, "word"),))


def _model(**settings) -> tc.TypeClassifier:
    classes = ("NONE", "ACCUSE", "CONSULT", "REJECT", "SANCTION")
    return tc.TypeClassifier(classes, {"bias": 0}, np.zeros((1, len(classes))), **settings)


def _scores(**values: float) -> dict[str, float]:
    base = dict.fromkeys(("NONE", "ACCUSE", "CONSULT", "REJECT", "SANCTION"), 0.0)
    return {**base, **values}


def test_features_carry_lexicon_hits_root_and_negation(nlp, lexicon):
    sentence = next(nlp("The ministry of Vantoria did not condemn the blockade of the port.").sents)
    features = sentence_features(sentence, lexicon)
    assert "neg" in features and "root=condemn" in features
    assert "t=ACCUSE" in features and "tl=ACCUSE:condemn" in features and "t=none" not in features
    assert "rd=dobj:blockade" in features


def test_features_carry_the_triggers_voice_arguments_and_entity_paths(nlp, lexicon):
    passive = sentence_features(next(nlp("Police units were deployed by Vantoria to the northern border.").sents), lexicon)
    assert {"pass=deploy", "tpass=MOBILIZE", "troot=MOBILIZE", "va=deploy:nsubjpass:unit", "vp=deploy:to:border"} <= passive
    assert "ep=ORG:pobj/agent:deploy" in passive  # the actor is the agent of the root
    active = sentence_features(next(nlp("Vantoria deployed police units to the northern border.").sents), lexicon)
    assert "pass=deploy" not in active and "tpass=MOBILIZE" not in active
    assert {"va=deploy:dobj:unit", "eh=ORG:nsubj:deploy"} <= active


def test_a_sentence_without_triggers_has_no_lexicon_features(nlp, lexicon):
    sentence = next(nlp("The weather in the valley stayed mild all week.").sents)
    assert trigger_hits(sentence, lexicon) == []
    features = sentence_features(sentence, lexicon)
    assert "t=none" in features and not any(f.startswith("tl=") for f in features)


def test_the_main_event_takes_the_classifier_type_and_other_types_go():
    events = [_event("ACCUSE", 0.6), _event("REJECT", 0.4)]
    decided = tc.decide(events, {(0, 50): _scores(SANCTION=0.7, REJECT=0.1, ACCUSE=0.2)}, _model())
    assert [(e.type, e.lexicon_type) for e in decided] == [("SANCTION", "ACCUSE")]
    assert decided[0].type_scores[0] == ("SANCTION", 0.7)


def test_a_second_type_the_classifier_also_backs_stays():
    events = [_event("ACCUSE", 0.6), _event("SANCTION", 0.4), _event("REJECT", 0.3)]
    backed = tc.decide(events, {(0, 50): _scores(REJECT=0.5, SANCTION=0.35)}, _model(keep=0.3))
    assert [(e.type, e.lexicon_type) for e in backed] == [("REJECT", "ACCUSE"), ("SANCTION", "SANCTION")]
    unbacked = tc.decide(events, {(0, 50): _scores(REJECT=0.5, SANCTION=0.2)}, _model(keep=0.3))
    assert [e.type for e in unbacked] == ["REJECT"]  # the lexicon's own REJECT event is not kept twice


def test_a_trusted_lexicon_type_and_a_small_margin_keep_the_lexicon():
    events = [_event("ACCUSE", 0.6, mode="allege")]
    scores = {(0, 50): _scores(SANCTION=0.5, ACCUSE=0.45)}
    assert tc.decide(events, scores, _model(lexicon_types=frozenset({"ACCUSE"})))[0].type == "ACCUSE"
    kept = tc.decide(events, scores, _model(margin=0.1))[0]
    assert (kept.type, kept.mode) == ("ACCUSE", "allege")
    changed = tc.decide(events, scores, _model(margin=0.0))[0]
    assert (changed.type, changed.mode) == ("SANCTION", None)


def test_meetings_are_left_to_the_lexicon():
    events = [_event("CONSULT", 0.8), _event("ACCUSE", 0.5)]
    decided = tc.decide(events, {(0, 50): _scores(SANCTION=0.9)}, _model())
    assert [e.type for e in decided] == ["CONSULT", "SANCTION"]
    assert tc.best_type(_scores(CONSULT=0.9, REJECT=0.1), _model()) == ("REJECT", 0.1)


def test_the_classifier_alone_drops_a_sentence_it_reads_as_no_event():
    events = [_event("ACCUSE", 0.6)]
    assert tc.decide(events, {(0, 50): _scores(NONE=0.8, ACCUSE=0.2)}, _model(alone=True)) == []
    assert [e.type for e in tc.decide(events, {(0, 50): _scores(NONE=0.8, ACCUSE=0.2)}, _model())] == ["ACCUSE"]


def test_a_confident_sentence_with_an_actor_gets_a_proposed_trigger(nlp, lexicon):
    doc = nlp("Officials in Vantoria turned back the convoy at the border.")
    span = (doc[:].sent.start_char, doc[:].sent.end_char)
    confident = {span: _scores(REJECT=0.8, NONE=0.1)}
    model = _model(propose=0.3, quiet=0.5)
    proposed = tc.proposals(doc, confident, model, lexicon, actor_starts=[13])
    assert [(t.type, t.lemma) for t in proposed.values()] == [("REJECT", "turn")]
    assert tc.proposals(doc, confident, model, lexicon, actor_starts=[]) == {}  # no actor named
    unsure = {span: _scores(REJECT=0.2, NONE=0.7)}
    assert tc.proposals(doc, unsure, model, lexicon, actor_starts=[13]) == {}


def test_a_proposed_event_gives_way_to_the_lexicon_in_its_sentence():
    lexicon_event, proposed_event = _event("ACCUSE", 0.5), _event("REJECT", 0.9)
    proposed_event = EventMention(**{**proposed_event.__dict__, "evidence": (Evidence(0, 50, 20, 24, "turn"),)})
    decided = tc.decide([lexicon_event, proposed_event], {(0, 50): _scores(ACCUSE=0.6, REJECT=0.3)}, _model(),
                        proposed_at=frozenset({20}))
    assert [e.type for e in decided] == ["ACCUSE"]
    alone = tc.decide([proposed_event], {(0, 50): _scores(REJECT=0.6)}, _model(), proposed_at=frozenset({20}))
    assert [e.type for e in alone] == ["REJECT"]


def test_weights_round_trip_byte_identical(tmp_path):
    model = _model(lexicon_types=frozenset({"ACCUSE"}), margin=0.2, propose=0.4, quiet=0.6)
    first, second = tmp_path / "a.npz", tmp_path / "b.npz"
    tc.save(model, first)
    tc.save(tc.load(first), second)
    assert first.read_bytes() == second.read_bytes()
    loaded = tc.load(first)
    assert (loaded.lexicon_types, loaded.margin, loaded.propose, loaded.quiet) == (frozenset({"ACCUSE"}), 0.2, 0.4, 0.6)


def test_the_packaged_model_loads_and_scores_every_type(nlp, lexicon):
    model = tc.for_typing("combined")
    assert model is not None and model.classes[0] == "NONE" and len(model.classes) == 17
    sentence = next(nlp("Rebels shelled the northern districts of the capital overnight.").sents)
    scores = model.scores(sentence_features(sentence, lexicon))
    assert abs(sum(scores.values()) - 1) < 1e-6 and tc.best_type(scores, model)[0] == "ASSAULT"
    assert tc.for_typing("lexicon") is None
    assert tc.for_typing("classifier").alone
    with pytest.raises(Exception, match="event typing"):
        tc.for_typing("guess")


def _with_actors(event: EventMention, *roles: str) -> EventMention:
    actors = tuple(EventActor(id=f"a{i}", name=f"actor {i}", kind="group", role=r) for i, r in enumerate(roles))
    return replace(event, actors=actors)


def test_guarded_keeps_the_sentences_other_events():
    events = [_event("ACCUSE", 0.6), _event("SANCTION", 0.4)]
    scores = {(0, 50): _scores(ACCUSE=0.8, SANCTION=0.01)}
    assert [e.type for e in tc.decide(events, scores, _model(guarded=True))] == ["ACCUSE", "SANCTION"]
    assert [e.type for e in tc.decide(events, scores, _model())] == ["ACCUSE"]  # combined prunes it


def test_guarded_retypes_only_a_doubted_main_event_without_both_actors():
    scores = {(0, 50): _scores(SANCTION=0.7, ACCUSE=0.05)}
    bare = _with_actors(_event("ACCUSE", 0.6), "source")
    assert tc.decide([bare], scores, _model(guarded=True))[0].type == "SANCTION"
    framed = _with_actors(_event("ACCUSE", 0.6), "source", "target")
    assert tc.decide([framed], scores, _model(guarded=True))[0].type == "ACCUSE"
    backed = {(0, 50): _scores(SANCTION=0.7, ACCUSE=0.35)}  # the classifier does not doubt ACCUSE (GUARD_DOUBT 0.3)
    assert tc.decide([bare], backed, _model(guarded=True))[0].type == "ACCUSE"
    assert tc.decide([bare], backed, _model())[0].type == "SANCTION"
    close = {(0, 50): _scores(SANCTION=0.3, ACCUSE=0.05)}  # beats it by less than the guard margin
    assert tc.decide([bare], close, _model(guarded=True))[0].type == "ACCUSE"


def test_guarded_skip_option_proposes_nothing_beside_a_lexicon_trigger_off_the_root(nlp, lexicon, monkeypatch):
    monkeypatch.setattr(tc, "GUARD_OFF_ROOT", "skip")
    doc = nlp("Officials in Vantoria turned back the convoy after protests.")
    span = (doc[:].sent.start_char, doc[:].sent.end_char)
    confident = {span: _scores(REJECT=0.8, NONE=0.1)}
    assert tc.lexicon_trigger_off_root(next(doc.sents), lexicon)
    assert tc.proposals(doc, confident, _model(guarded=True), lexicon, actor_starts=[13]) == {}
    assert [t.type for t in tc.proposals(doc, confident, _model(), lexicon, actor_starts=[13]).values()] == ["REJECT"]
    plain = nlp("Officials in Vantoria turned back the convoy at the border.")
    plain_span = (plain[:].sent.start_char, plain[:].sent.end_char)
    assert not tc.lexicon_trigger_off_root(next(plain.sents), lexicon)
    sure, unsure = {plain_span: _scores(REJECT=0.8, NONE=0.1)}, {plain_span: _scores(REJECT=0.35, NONE=0.1)}
    assert [t.type for t in tc.proposals(plain, sure, _model(guarded=True), lexicon, actor_starts=[13]).values()] == ["REJECT"]
    assert tc.proposals(plain, unsure, _model(guarded=True, propose=0.3), lexicon, actor_starts=[13]) == {}


def test_guarded_proposes_without_a_resolved_actor_and_combined_does_not(nlp, lexicon):
    doc = nlp("Thousands of people were turned back at the border crossing.")
    span = (doc[:].sent.start_char, doc[:].sent.end_char)
    sure = {span: _scores(REJECT=0.8, NONE=0.1)}
    assert [t.type for t in tc.proposals(doc, sure, _model(guarded=True), lexicon, actor_starts=[]).values()] == ["REJECT"]
    assert tc.proposals(doc, sure, _model(), lexicon, actor_starts=[]) == {}
    quiet = {span: _scores(REJECT=0.3, NONE=0.6)}
    assert tc.proposals(doc, quiet, _model(guarded=True), lexicon, actor_starts=[]) == {}


def test_guarded_off_root_trigger_option_proposes_at_the_lexicon_trigger(nlp, lexicon, monkeypatch):
    doc = nlp("Officials in Vantoria turned back the convoy after protests.")
    span = (doc[:].sent.start_char, doc[:].sent.end_char)
    confident = {span: _scores(REJECT=0.8, NONE=0.1)}
    monkeypatch.setattr(tc, "GUARD_OFF_ROOT", "trigger")
    proposed = tc.proposals(doc, confident, _model(guarded=True), lexicon, actor_starts=[13])
    assert [doc[i].text for i in proposed] == ["protests"]  # the sentence's only lexicon trigger, not the root


def test_guarded_typing_is_the_trained_model_marked_guarded():
    model = tc.for_typing("guarded")
    assert model is not None and model.guarded and not model.alone


def test_the_multi_label_head_scores_each_type_apart_and_round_trips(tmp_path):
    classes = ("NONE", "ACCUSE", "CONSULT", "REJECT", "SANCTION")
    asserted = np.zeros((2, len(classes)))
    asserted[1, 1] = asserted[1, 4] = 4.0  # the feature "x" asserts ACCUSE and SANCTION both
    model = tc.TypeClassifier(classes, {"bias": 0, "x": 1}, np.zeros((2, len(classes))), asserted=asserted)
    heard = model.asserts({"bias", "x"})
    assert heard["ACCUSE"] > 0.9 and heard["SANCTION"] > 0.9 and heard["REJECT"] == 0.5
    assert _model().asserts({"bias"}) == {}  # no head: no scores
    tc.save(model, tmp_path / "m.npz")
    assert np.allclose(tc.load(tmp_path / "m.npz").asserted, asserted)


def test_guarded_drops_another_event_the_head_does_not_hear_unless_framed(monkeypatch):
    monkeypatch.setattr(tc, "GUARD_OTHER_ASSERTED", 0.2)
    events = [_event("ACCUSE", 0.6), _event("SANCTION", 0.4), _event("REJECT", 0.3)]
    scores = {(0, 50): _scores(ACCUSE=0.8, SANCTION=0.01, REJECT=0.01)}
    heard = {(0, 50): _scores(ACCUSE=0.9, SANCTION=0.6, REJECT=0.05)}
    assert [e.type for e in tc.decide(events, scores, _model(guarded=True), asserted=heard)] == ["ACCUSE", "SANCTION"]
    framed = [events[0], events[1], _with_actors(events[2], "source", "target")]
    assert [e.type for e in tc.decide(framed, scores, _model(guarded=True), asserted=heard)] == ["ACCUSE", "SANCTION", "REJECT"]
    assert len(tc.decide(events, scores, _model(guarded=True))) == 3  # no head: every event stays
    sourced = [events[0], events[1], _with_actors(events[2], "source")]  # who did it is named: it stays
    assert [e.type for e in tc.decide(sourced, scores, _model(guarded=True), asserted=heard)] == ["ACCUSE", "SANCTION", "REJECT"]
    unheard = {(0, 50): _scores(ACCUSE=0.9, SANCTION=0.6, REJECT=0.005)}  # under GUARD_OTHER_FLOOR: it goes, doer or not
    assert [e.type for e in tc.decide(sourced, scores, _model(guarded=True), asserted=unheard)] == ["ACCUSE", "SANCTION"]
    monkeypatch.setattr(tc, "GUARD_OTHER_SOURCELESS", False)
    assert [e.type for e in tc.decide(sourced, scores, _model(guarded=True), asserted=heard)] == ["ACCUSE", "SANCTION"]


def test_a_retyped_main_event_keeps_its_lexicon_type_the_head_hears(monkeypatch):
    monkeypatch.setattr(tc, "GUARD_SECOND_ASSERTED", 0.5)
    scores = {(0, 50): _scores(SANCTION=0.7, ACCUSE=0.05)}
    bare = _with_actors(_event("ACCUSE", 0.6), "source")
    both = tc.decide([bare], scores, _model(guarded=True), asserted={(0, 50): _scores(ACCUSE=0.8, SANCTION=0.9)})
    assert [e.type for e in both] == ["SANCTION", "ACCUSE"] and both[1].confidence < both[0].confidence
    one = tc.decide([bare], scores, _model(guarded=True), asserted={(0, 50): _scores(ACCUSE=0.2, SANCTION=0.9)})
    assert [e.type for e in one] == ["SANCTION"]


def test_a_proposed_trigger_reads_actors_with_the_lexicons_frame_for_its_type(nlp, lexicon):
    doc = nlp("The rebels pelted the convoy with stones.")
    frames = {(t.roles, t.target_preps) for entries in lexicon.triggers.values() for t in entries
              if t.type == "CONSULT" and t.pos == "VERB"}
    proposed = tc.frame_trigger("CONSULT", doc[2], 0.6, lexicon)
    assert (proposed.type, proposed.lemma, proposed.confidence) == ("CONSULT", "pelt", 0.6)
    assert (proposed.roles, proposed.target_preps) in frames and proposed.roles == "symmetric"
    own = next(t for t in lexicon.triggers[("accuse", "VERB")] if t.type == "ACCUSE")
    accused = tc.frame_trigger("ACCUSE", nlp("They accused him.")[1], 0.5, lexicon)
    assert (accused.roles, accused.target_preps) == (own.roles, own.target_preps) and not accused.words


def test_a_proposal_without_actors_goes_when_proposals_need_them(monkeypatch):
    bare = EventMention(**{**_event("REJECT", 0.6).__dict__, "evidence": (Evidence(0, 50, 20, 24, "turn"),)})
    framed = _with_actors(bare, "source")
    scores = {(0, 50): _scores(REJECT=0.8)}
    assert len(tc.decide([bare], scores, _model(guarded=True), proposals_at=frozenset({20}))) == 1
    monkeypatch.setattr(tc, "PROPOSAL_NEEDS_ACTORS", True)
    assert tc.decide([bare], scores, _model(guarded=True), proposals_at=frozenset({20})) == []
    assert len(tc.decide([framed], scores, _model(guarded=True), proposals_at=frozenset({20}))) == 1


def test_guarded_off_root_proposals_need_a_named_actor_and_a_sure_score(nlp, lexicon):
    doc = nlp("Officials in Vantoria turned back the convoy after protests.")
    span = (doc[:].sent.start_char, doc[:].sent.end_char)
    assert tc.GUARD_OFF_ROOT == "actor"
    sure = {span: _scores(REJECT=0.8, NONE=0.1)}
    proposed = tc.proposals(doc, sure, _model(guarded=True), lexicon, actor_starts=[13])
    assert [doc[i].text for i in proposed] == ["protests"]  # at the lexicon trigger, not the root
    assert tc.proposals(doc, sure, _model(guarded=True), lexicon, actor_starts=[]) == {}  # no actor named
    unsure = {span: _scores(REJECT=0.5, NONE=0.1)}  # above the proposal floor, below the off-root one
    assert tc.proposals(doc, unsure, _model(guarded=True), lexicon, actor_starts=[13]) == {}
