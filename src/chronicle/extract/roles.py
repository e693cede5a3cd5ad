"""Argument frames of directed events read from the parse, beyond a trigger's own words.

Small pure functions over spaCy tokens, used by extract/events.py:

- a headline passive: a past participle with a subject and no auxiliary ("Rebel leader
  arrested", "Two hostages freed") undergoes the event: its subject is the target;
- targets on a verb's direct object: "fired missiles at X", "imposed sanctions on X";
- the objective "of" of an event noun: "the invasion of X", "the arrest of X";
- a place that stands for its country as a target: "drone attacks on <city>";
- the implied agent of a passive without "by": the state organ named just before
  ("police opened fire ... several were shot"), else for arrests and sanctions the
  authorities of the article's country.

The words are data (`data/roles.yaml`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from chronicle.data import load_yaml


@dataclass(frozen=True)
class RoleWords:
    """The prepositions and types of `data/roles.yaml`."""

    object_target_preps: frozenset[str] = frozenset()
    nominal_target_preps: frozenset[str] = frozenset()
    place_target_types: frozenset[str] = frozenset()
    implied_agent_types: frozenset[str] = frozenset()
    implied_agent_sectors: frozenset[str] = frozenset()
    implied_agent_sentences: int = 2
    authority_types: frozenset[str] = frozenset()
    enacting_verbs: frozenset[str] = frozenset()
    default_agents: tuple[tuple[str, str, str], ...] = ()  # (type, group noun lemma, its name)

    def default_agent(self, type_: str) -> tuple[str, str] | None:
        """(noun lemma, name) of the group that does an event of `type_` no one is named for."""
        return next(((noun, name) for t, noun, name in self.default_agents if t == type_), None)


def load_role_words(path=None) -> RoleWords:
    """Read `data/roles.yaml` (or a user file of the same shape)."""
    data = load_yaml("roles.yaml", path)
    words = lambda key: frozenset(str(w).lower() for w in data.get(key) or ())  # noqa: E731
    codes = lambda key: frozenset(str(w).upper() for w in data.get(key) or ())  # noqa: E731
    return RoleWords(words("object_target_preps"), words("nominal_target_preps"), codes("place_target_types"),
                     codes("implied_agent_types"), codes("implied_agent_sectors"),
                     int(data.get("implied_agent_sentences", 2)), codes("authority_types"), words("enacting_verbs"),
                     tuple((str(t).upper(), str(a["noun"]).lower(), str(a.get("name") or a["noun"]))
                           for t, a in (data.get("default_agents") or {}).items()))


@functools.cache
def packaged_role_words() -> RoleWords:
    """The packaged `data/roles.yaml`, read once (immutable)."""
    return load_role_words()


def headline_passive(verb) -> bool:
    """A past participle with a subject, no auxiliary and no object: the subject undergoes
    it ("Opposition leader arrested in capital"), unlike "Police arrested X". In a headline
    (a sentence without final punctuation) the parser may tag the participle as a past tense."""
    if verb.tag_ not in ("VBN", "VBD") or verb.dep_ not in ("ROOT", "advcl", "conj", "ccomp"):
        return False
    if verb.tag_ == "VBD" and not _headline(verb.sent):
        return False
    children = {c.dep_ for c in verb.children}
    return "nsubj" in children and not children & {"aux", "auxpass", "dobj", "obj", "agent", "dative", "ccomp", "xcomp"}


def _headline(sentence) -> bool:
    words = [w for w in sentence if not w.is_space]
    return bool(words) and words[-1].text not in (".", "!", "?", '"', "”", "'", "’", ":")


def object_prep_objects(obj, preps: frozenset[str]) -> list:
    """Objects of `preps` hung on a verb's direct object ("missiles at X"), with conjuncts."""
    found = []
    for child in (c for o in (obj, *obj.conjuncts) for c in o.children):  # "drones and missiles at X"
        if child.dep_ == "prep" and child.lower_ in preps:
            for word in child.children:
                if word.dep_ == "pobj":
                    found += [word, *word.conjuncts]
    return found


def place_country(word, places: dict, place_records) -> str | None:
    """The country of a place mention at `word` (a city or the country itself), if any."""
    mention = places.get(word.i)
    place = place_records.get(mention.value or "") if mention is not None else None
    return place.country if place is not None else None


def recent_words(token, sentences: int) -> list:
    """The words before `token` in its sentence and the `sentences` before it, nearest first."""
    doc, start = token.doc, token.sent.start
    for _ in range(sentences):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    return list(reversed(doc[start: token.i]))
