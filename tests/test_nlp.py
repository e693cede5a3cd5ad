import pytest

from chronicle.nlp import entity_spans, load_pipeline, sentence_spans
from chronicle.settings import default_model


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


def test_memo_lemmatizer_gives_spacys_own_lemmas(nlp):
    """chronicle's per-word memo of the rule lemmatizer stands in for it, with the same lemmas."""
    spacy_own = load_pipeline(default_model(), memos=False)
    assert "chronicle_lemmatizer" in nlp.pipe_names and "lemmatizer" not in nlp.pipe_names
    assert "lemmatizer" in spacy_own.pipe_names
    text = ("The ministers met twice. They were meeting again, said the envoys, who had "
            "flown in on Tuesdays' flights; better talks were promised. Ministers meet. Met Office.")
    for first, second in zip(spacy_own.pipe([text, text]), nlp.pipe([text, text])):
        assert [t.lemma_ for t in first] == [t.lemma_ for t in second]
    lemmas = {t.text: t.lemma_ for t in nlp(text)}
    assert lemmas["met"] == "meet" and lemmas["flown"] == "fly" and lemmas["envoys"] == "envoy"


def test_memo_lemmatizer_looks_words_up_in_sets_and_leaves_spacys_lemmatizer_alone(nlp):
    """The memo's copy of the rule lemmatizer holds its known words as sets (one look-up,
    not a scan per candidate lemma); the pipeline's own lemmatizer keeps its lists, and an
    unknown word goes through the same rules ("glorbing": no known word, its rule's form)."""
    copy = nlp.get_pipe("chronicle_lemmatizer").lemmatizer
    own = nlp.get_pipe("lemmatizer")
    assert copy is not own and copy.lookups is not own.lookups
    assert isinstance(copy.lookups.get_table("lemma_index").get("noun"), frozenset)
    assert isinstance(own.lookups.get_table("lemma_index").get("noun"), list)
    doc = nlp("The envoys were glorbing the treaties.")
    assert [copy.lemmatize(t) for t in doc] == [own.rule_lemmatize(t) for t in doc]
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["treaties"] == "treaty" and lemmas["glorbing"] == own.rule_lemmatize(doc[3])[0]


def test_memo_attribute_ruler_gives_spacys_own_tags_and_morphology(nlp):
    """chronicle's per-token-state attribute ruler stands in for spaCy's, with the same
    result, rules over several tokens ("gonna", "there is") included."""
    spacy_own = load_pipeline(default_model(), memos=False)
    assert "chronicle_attribute_ruler" in nlp.pipe_names and "attribute_ruler" not in nlp.pipe_names
    text = ("I told you it was gonna rain, but there is no umbrella. You ain't seen it? "
            "They gave it to me, and I did. Which bridge did the council close? That one.\n\n"
            "The mayor's office, however, has said little.")
    for first, second in zip(spacy_own.pipe([text, text]), nlp.pipe([text, text])):
        assert [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in first] == [
            (t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in second
        ]
    doc = nlp(text)
    assert {t.text: t.lemma_ for t in doc}["gon"] == "go"


def test_lower_lemmas_lists_each_tokens_lemma_lower_cased_once_per_doc(nlp):
    """Issue 16: a backward scan by lemma reads this list, not a Token per word."""
    from chronicle.nlp import lower_lemmas

    doc = nlp("Dutch fishermen protested. The Fishermen were angry.")
    lemmas = lower_lemmas(doc)
    assert lemmas == [t.lemma_.lower() for t in doc]
    assert lemmas[1] == "fisherman" and lemmas[2] == "protest"
    assert doc[5].lemma_ == "Fishermen" and lemmas[5] == "fishermen"  # a proper noun's lemma, lower-cased
    assert lower_lemmas(doc) is lemmas  # kept with the doc: listed once


def test_place_word_indices_are_the_place_words_of_a_range_in_order():
    """Issue 16: the place loops of extract/event_places read only the words naming a
    place; both ways of listing them (few places or a short range) give the same order."""
    from types import SimpleNamespace

    from chronicle.extract.event_places import place_word_indices

    actors = SimpleNamespace(places={12: "x", 3: "y", 7: "z", 30: "w"})
    assert place_word_indices(actors, 0, 10) == [3, 7]  # the long range: places filtered and sorted
    assert place_word_indices(actors, 6, 8) == [7]  # a range shorter than the place count: scanned
    assert place_word_indices(actors, 13, 29) == []  # counter-case: no place word in the range


def test_words_at_finds_every_listed_word_whatever_its_case_and_only_those(nlp):
    from chronicle.nlp import words_at

    doc = nlp("She told him that They would meet her in Velmora; the latter agreed.")
    found = words_at(doc, {"she", "they", "her", "latter"})
    assert [doc[i].text for i in found] == ["She", "They", "her", "latter"]
    assert words_at(doc, {"nobody"}) == [] and words_at(nlp(""), {"she"}) == []
