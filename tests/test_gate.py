"""Sentence gating (chronicle.gate): which sentences get the parse, and what the others keep."""

import pytest

from chronicle.gate import candidate_lemmas, load_parse_gate, parse_gated
from chronicle.pipeline import cached_data_resources
from chronicle.settings import Settings


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


def test_a_parsed_run_keeps_its_line_breaks_as_sentence_boundaries(nlp, no_context_gate):
    """A headline without a full stop stands alone in a parsed run, as in the full pipeline
    (the run is parsed as its own Doc: chronicle's line-break rule must run on it too)."""
    text = ("Mayor says bridge will reopen\n\n"
            "The mayor of Dunmore said the bridge would reopen in May.")
    gated = next(parse_gated(nlp, [text], no_context_gate))
    full = nlp(text)
    assert [s.text.strip() for s in gated.sents] == [s.text.strip() for s in full.sents]
    assert [s.text.strip() for s in gated.sents][0] == "Mayor says bridge will reopen"
    assert gated.user_data["chronicle_parsed"] == (2, 2)  # both hold "say"
    assert [(t.head.i, t.dep_) for t in gated] == [(t.head.i, t.dep_) for t in full]


def test_a_run_that_is_not_opened_is_not_joined_to_its_neighbour_by_a_line_break(nlp, no_context_gate):
    """Counter-case: a line break between an unopened line and an opened sentence keeps
    the unopened line flat and unparsed."""
    text = ("Pears and apples in the valley\n\n"
            "The mayor of Dunmore said the bridge would reopen.")
    doc = next(parse_gated(nlp, [text], no_context_gate))
    first = list(doc.sents)[0]
    assert first.text.strip() == "Pears and apples in the valley"
    assert doc.user_data["chronicle_parsed"] == (1, 2)
    assert all(t.tag_ == "" for t in first if not t.is_space)
