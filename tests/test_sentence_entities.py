"""The classifier's entities of a sentence, read off its own words (models/type_features.py)."""

from __future__ import annotations

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from chronicle.models.type_features import sentence_entities


def _doc(words: list[str], starts: list[int], ents: list[tuple[int, int, str]]) -> Doc:
    doc = Doc(Vocab(), words=words, sent_starts=[i in starts for i in range(len(words))])
    doc.ents = [Span(doc, a, b, label=label) for a, b, label in ents]
    return doc


def _spans(spans) -> list[tuple[int, int, str]]:
    return [(s.start, s.end, s.label_) for s in spans]


def test_the_entities_inside_each_sentence_are_spacys():
    words = "Mara Velt met Oskar Brin in Tullow . The talks ended on Friday .".split()
    doc = _doc(words, [0, 8], [(0, 2, "PERSON"), (3, 5, "PERSON"), (6, 7, "GPE"), (11, 12, "DATE")])
    for sentence in doc.sents:
        assert _spans(sentence_entities(sentence)) == _spans(sentence.ents)
    first, second = doc.sents
    assert _spans(sentence_entities(first)) == [(0, 2, "PERSON"), (3, 5, "PERSON"), (6, 7, "GPE")]
    assert _spans(sentence_entities(second)) == [(11, 12, "DATE")]


def test_an_entity_across_a_sentence_break_belongs_to_neither():
    words = "They met the Port Selm Harbour Board on Monday".split()
    doc = _doc(words, [0, 5], [(3, 7, "ORG"), (8, 9, "DATE")])
    first, second = doc.sents
    assert sentence_entities(first) == [] == list(first.ents)
    assert _spans(sentence_entities(second)) == [(8, 9, "DATE")] == _spans(second.ents)


def test_adjacent_entities_stay_apart():
    doc = _doc("Velmora Tullow talks".split(), [0], [(0, 1, "GPE"), (1, 2, "GPE")])
    sentence = next(iter(doc.sents))
    assert _spans(sentence_entities(sentence)) == [(0, 1, "GPE"), (1, 2, "GPE")] == _spans(sentence.ents)
