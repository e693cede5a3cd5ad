"""Passive agents the parser mislabels (issue 19): a "by" hung as a plain preposition on a
passive verb, and a known armed group the tagger reads as a title before its members' noun.
Invented sentences; parses are built by hand so the test does not hang on the tagger."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from chronicle.extract.argument_frames import stray_agents
from chronicle.kb import KbFile, load_kb
from chronicle.resolve.actor_candidates import misread_group

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
    assert [w.text for w in stray_agents(doc[2], frozenset({"by"}))] == ["gunmen"]


def test_a_by_phrase_on_an_active_verb_is_no_agent():
    # "Rebels seized the town by night ." : active, "by night" is a manner
    doc = parsed(["Rebels", "seized", "the", "town", "by", "night", "."],
                 [1, 1, 3, 1, 1, 4, 1],
                 ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"])
    assert stray_agents(doc[1], frozenset({"by"})) == []


def test_a_known_group_misread_as_a_title_is_the_group():
    kb = load_kb([], packaged=[KbFile("test.yaml", KB_TEXT)])
    doc = parsed(["armed", "Red", "Valley", "Front", "militants"], [4, 2, 3, 4, 4], ["amod", "compound", "compound", "compound", "ROOT"])
    doc.ents = [Span(doc, 1, 5, label="WORK_OF_ART")]
    found = misread_group(doc.ents[0], kb)
    assert found is not None and found.value == "red-valley-front" and found.text == "Red Valley Front militants"


def test_an_unknown_title_stays_unresolved():
    kb = load_kb([], packaged=[KbFile("test.yaml", KB_TEXT)])
    doc = parsed(["the", "Red", "Valley", "Song"], [3, 2, 3, 3], ["det", "compound", "compound", "ROOT"])
    doc.ents = [Span(doc, 1, 4, label="WORK_OF_ART")]
    assert misread_group(doc.ents[0], kb) is None


ORG_KB = """
countries:
  - {id: GHA, name: Ghana, demonyms: [Ghanaian], capital: Accra}
actors:
  - {id: council-of-fishing-towns, name: Council of Northern Fishing Towns, kind: organization}
"""


def organization_mentions(text: str, cut: tuple[int, int] | None = None) -> dict[str, str | None]:
    """Resolved mentions; `cut`: the token range the tagger is made to read as a place (it
    may cut a long name: "Council of [Northern Fishing Towns]")."""
    from chronicle.nlp import load_pipeline
    from chronicle.resolve.actor_lexicon import build_patterns, load_lexicon
    from chronicle.resolve.actors import resolve_actors
    from chronicle.settings import default_model

    kb, lexicon = load_kb([], packaged=[KbFile("test.yaml", ORG_KB)]), load_lexicon()
    doc = load_pipeline(default_model())(text)
    if cut is not None:
        doc.ents = [Span(doc, cut[0], cut[1], label="GPE")]
    result = resolve_actors(doc, kb, lexicon, build_patterns(kb, lexicon), None)
    return {m.text: m.value for m in result.mentions}


def test_a_known_organization_name_is_found_whatever_the_tagger_makes_of_it():
    found = organization_mentions("Council of Northern Fishing Towns (CNFT), on Friday, said it would close its ports to Ghana.", (2, 5))
    assert found.get("Council of Northern Fishing Towns") == "council-of-fishing-towns"


def test_the_same_words_in_lower_case_are_no_name():
    found = organization_mentions("A council of northern fishing towns said on Friday it would close its ports.", (3, 6))
    assert "council-of-fishing-towns" not in found.values()
