"""Headlines the parser reads badly (issue 14, family 3): a headline's meeting noun tagged
as a verb in a noun's place is still a noun; in the body the parser's tag stands. Docs built
by hand, so the test does not depend on the small model's mood."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from chronicle.extract.headlines import noun_read_as_verb


def _doc(words, pos, deps, heads):
    """One sentence with the given tags and parse (heads as absolute indices)."""
    return Doc(spacy.blank("en").vocab, words=words, pos=pos, deps=deps, heads=heads,
               sent_starts=[True] + [False] * (len(words) - 1))


def test_a_headline_object_tagged_as_a_verb_is_a_noun():
    words = ["Smiles", "mark", "historic", "Smith", "-", "Jones", "talks"]
    doc = _doc(words, ["NOUN", "VERB", "ADJ", "PROPN", "PUNCT", "PROPN", "VERB"],
               ["nsubj", "ROOT", "amod", "compound", "punct", "compound", "dobj"], [1, 1, 6, 5, 5, 6, 1])
    assert noun_read_as_verb(doc[6])
    assert not noun_read_as_verb(doc[1])  # the headline's own verb


def test_a_body_sentence_keeps_the_parsers_tag():
    words = ["Smiles", "mark", "the", "talks", "."]
    doc = _doc(words, ["NOUN", "VERB", "DET", "VERB", "PUNCT"], ["nsubj", "ROOT", "det", "dobj", "punct"], [1, 1, 3, 1, 1])
    assert not noun_read_as_verb(doc[3])  # a sentence ending in a full stop is the body's
