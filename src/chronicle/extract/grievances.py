"""What a reaction is about is not whom it is aimed at: in "protests over X's death" or
"anger at the arrest of X", X suffered the act the protest is over; the protest is aimed at
whoever did it, not at X (issue 19, actors named otherwise). Pure functions over spaCy
tokens, the nouns read from data/roles.yaml (`RoleWords.grievance_nouns`)."""

from __future__ import annotations


def suffered_harm(word, nouns: frozenset[str], genitive_preps: frozenset[str]) -> bool:
    """Whether a word is a harm noun told with whom it befell ("X's death", "the arrest of
    X", "of" among `genitive_preps`): the person after it suffered it."""
    if word.lemma_.lower() not in nouns:
        return False
    return any(c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ in genitive_preps for c in word.children)


def over_a_harm(token, preps: frozenset[str], nouns: frozenset[str], genitive_preps: frozenset[str]) -> bool:
    """Whether every object of the trigger's target prepositions is a suffered harm ("protests
    over X's death"): the protest names what it is about, not whom it is against."""
    objects = [w for p in token.children if p.dep_ == "prep" and p.lower_ in preps for w in p.children if w.dep_ == "pobj"]
    return bool(objects) and all(suffered_harm(w, nouns, genitive_preps) for w in objects)


def not_about_harm(pairs: list, preps: frozenset[str], nouns: frozenset[str], genitive_preps: frozenset[str]) -> list:
    """(preposition, object) pairs less those of `preps` whose object is a suffered harm
    ("over X's death"), the harms being `nouns`."""
    return [(prep, word) for prep, word in pairs if not (prep in preps and suffered_harm(word, nouns, genitive_preps))]
