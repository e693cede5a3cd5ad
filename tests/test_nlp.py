import pytest

from chronicle.nlp import entity_spans, load_pipeline, sentence_spans
from chronicle.settings import default_model


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(default_model())


def texts(doc, spans):
    return [doc.text[s.start : s.end] for s in spans]


def test_headlines_and_captions_are_their_own_sentences(nlp):
    doc = nlp("Leaders meet in Oslo amid talks\n\nThe two presidents met on Monday. They spoke for an hour.\nA handout photo of the meeting\nMore follows")
    assert texts(doc, sentence_spans(doc)) == [
        "Leaders meet in Oslo amid talks",
        "The two presidents met on Monday.",
        "They spoke for an hour.",
        "A handout photo of the meeting",
        "More follows",
    ]


def test_a_single_sentence_is_a_valid_document(nlp):
    doc = nlp("Angela Merkel visited Paris.")
    assert texts(doc, sentence_spans(doc)) == ["Angela Merkel visited Paris."]
    assert ("Angela Merkel", "PERSON") in [(doc.text[s.start:s.end], s.label) for s in entity_spans(doc)]


def test_whitespace_only_sentences_are_dropped(nlp):
    doc = nlp("\n\n  \n")
    assert sentence_spans(doc) == ()
