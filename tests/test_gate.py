"""Sentence gating (chronicle.gate): which sentences get the parse, and what the others keep."""

import pytest

from chronicle.gate import candidate_lemmas, load_parse_gate, parse_gated
from chronicle.nlp import load_pipeline
from chronicle.pipeline import cached_data_resources
from chronicle.settings import Settings, default_model


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(default_model())


@pytest.fixture(scope="module")
def gate(nlp, tmp_path_factory):
    data = cached_data_resources(Settings(db=str(tmp_path_factory.mktemp("g") / "x.duckdb")))
    return load_parse_gate(nlp, data.events, data.quotes, data.claims)


@pytest.fixture(scope="module")
def no_context_gate(nlp, gate, tmp_path_factory):
    path = tmp_path_factory.mktemp("gate") / "parse_gate.yaml"
    path.write_text("open_on: {quotes: [indirect_verbs], quote_marks: true}\ncontext_sentences: 0\n")
    data = cached_data_resources(Settings(db=str(path.parent / "x.duckdb")))
    return load_parse_gate(nlp, data.events, data.quotes, data.claims, path)


def test_irregular_and_inflected_forms_reach_their_lemma(gate):
    assert "tell" in candidate_lemmas("told", gate)
    assert "say" in candidate_lemmas("said", gate)
    assert "warn" in candidate_lemmas("warning", gate)
    assert "tell" not in candidate_lemmas("tall", gate)


def test_only_the_gated_sentence_is_parsed(nlp, no_context_gate):
    text = ("The orchard grows pears near the river. "
            "The mayor of Dunmore said the bridge would reopen. "
            "Pears are picked in autumn.")
    doc = next(parse_gated(nlp, [text], no_context_gate))
    sentences = list(doc.sents)
    assert [s.text for s in sentences] == [
        "The orchard grows pears near the river.",
        "The mayor of Dunmore said the bridge would reopen.",
        "Pears are picked in autumn.",
    ]
    assert doc.user_data["chronicle_parsed"] == (1, 3)
    said = next(t for t in sentences[1] if t.text == "said")
    assert said.lemma_ == "say" and said.pos_ == "VERB"
    assert any(t.dep_ == "nsubj" for t in sentences[1])
    grows = next(t for t in sentences[0] if t.text == "grows")
    assert grows.lemma_ == "" and grows.tag_ == "" and grows.head.i == sentences[0].start
    assert "Dunmore" in [e.text for e in doc.ents]  # entities everywhere, parsed or not


def test_a_quote_mark_opens_the_gate_and_context_reaches_neighbours(nlp, gate):
    text = ("Rain fell on the valley all night. "
            "“We will rebuild,” a farmer shouted. "
            "The pears were ripe. "
            "Weeds grew slowly in the fields. "
            "Cows grazed quietly.")
    doc = next(parse_gated(nlp, [text], gate))
    parsed, total = doc.user_data["chronicle_parsed"]
    assert total == 5 and parsed == 3  # the quote and one sentence on each side


def test_the_gate_is_off_unless_asked_for(monkeypatch):
    monkeypatch.delenv("CHRONICLE_PARSE_GATE", raising=False)
    assert Settings(db="x").parse_gate is False
    monkeypatch.setenv("CHRONICLE_PARSE_GATE", "1")
    assert Settings(db="x").parse_gate is True
