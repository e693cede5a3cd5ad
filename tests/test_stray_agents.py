"""Passive agents the parser mislabels (issue 19): a "by" hung as a plain preposition on a
passive verb, and a known armed group the tagger reads as a title before its members' noun.
Invented sentences; parses are built by hand so the test does not hang on the tagger."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from chronicle.extract.roles import stray_agents
from chronicle.kb import KbFile, load_kb
from chronicle.resolve.actors import _misread_group

KB_TEXT = """
countries:
  - {id: GHA, name: Ghana, demonyms: [Ghanaian], capital: Accra}
actors:
  - {id: red-valley-front, name: Red Valley Front, kind: group, country: GHA}
"""


def parsed(words, heads, deps) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)


def test_a_by_phrase_on_a_passive_verb_is_its_agent():
    # "Villagers were seized in the hills by gunmen ." with "by" parsed as a plain prep
    doc = parsed(["Villagers", "were", "seized", "in", "the", "hills", "by", "gunmen", "."],
                 [2, 2, 2, 2, 5, 3, 2, 6, 2],
                 ["nsubjpass", "auxpass", "ROOT", "prep", "det", "pobj", "prep", "pobj", "punct"])
    assert [w.text for w in stray_agents(doc[2])] == ["gunmen"]


def test_a_by_phrase_on_an_active_verb_is_no_agent():
    # "Rebels seized the town by night ." : active, "by night" is a manner
    doc = parsed(["Rebels", "seized", "the", "town", "by", "night", "."],
                 [1, 1, 3, 1, 1, 4, 1],
                 ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"])
    assert stray_agents(doc[1]) == []


def test_a_known_group_misread_as_a_title_is_the_group():
    kb = load_kb([], packaged=[KbFile("test.yaml", KB_TEXT)])
    doc = parsed(["armed", "Red", "Valley", "Front", "militants"], [4, 2, 3, 4, 4], ["amod", "compound", "compound", "compound", "ROOT"])
    doc.ents = [Span(doc, 1, 5, label="WORK_OF_ART")]
    found = _misread_group(doc.ents[0], kb)
    assert found is not None and found.value == "red-valley-front" and found.text == "Red Valley Front militants"


def test_an_unknown_title_stays_unresolved():
    kb = load_kb([], packaged=[KbFile("test.yaml", KB_TEXT)])
    doc = parsed(["the", "Red", "Valley", "Song"], [3, 2, 3, 3], ["det", "compound", "compound", "ROOT"])
    doc.ents = [Span(doc, 1, 4, label="WORK_OF_ART")]
    assert _misread_group(doc.ents[0], kb) is None
