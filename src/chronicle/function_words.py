"""English function words by the part they play in a parse (`data/function_words.yaml`):
"of" joining a noun to its owner, "by" naming an agent, the "to" of an infinitive, ...
The steps of extract/ and resolve/ compare a token's word with these lists (held by the
records they are given: `EventLexicon.grammar`, `TimeRules.grammar`, ...), never with a word
written in code."""

from __future__ import annotations

from dataclasses import dataclass, fields

from chronicle.data import load_yaml, word_set


@dataclass(frozen=True)
class FunctionWords:
    """The lists of `data/function_words.yaml`, each a set of lower-cased words."""

    genitive_preps: frozenset[str] = frozenset()
    agent_preps: frozenset[str] = frozenset()
    infinitive_markers: frozenset[str] = frozenset()
    accompaniment_preps: frozenset[str] = frozenset()
    purpose_preps: frozenset[str] = frozenset()
    between_preps: frozenset[str] = frozenset()
    occasion_preps: frozenset[str] = frozenset()
    journey_preps: frozenset[str] = frozenset()
    venue_preps: frozenset[str] = frozenset()
    owning_possessives: frozenset[str] = frozenset()
    inside_preps: frozenset[str] = frozenset()
    spread_preps: frozenset[str] = frozenset()
    separation_preps: frozenset[str] = frozenset()
    invitation_preps: frozenset[str] = frozenset()
    anterior_words: frozenset[str] = frozenset()
    place_relatives: frozenset[str] = frozenset()
    definite_articles: frozenset[str] = frozenset()
    definite_determiners: frozenset[str] = frozenset()
    copulas: frozenset[str] = frozenset()
    perfect_auxiliaries: frozenset[str] = frozenset()
    gathering_verbs: frozenset[str] = frozenset()
    gathering_particles: frozenset[str] = frozenset()
    uncounted_meeting_nouns: frozenset[str] = frozenset()


def load_function_words(path=None) -> FunctionWords:
    """Read `data/function_words.yaml` (or a user file of the same shape); a bare on/off/yes/no,
    which YAML reads as a boolean, is an error."""
    data = load_yaml("function_words.yaml", path)
    for name, items in data.items():
        if any(isinstance(item, bool) for item in items or ()):
            raise ValueError(f"function_words.yaml: {name} holds {items!r}: quote on, off, yes, no")
    return FunctionWords(**{f.name: word_set(data.get(f.name)) for f in fields(FunctionWords)})
