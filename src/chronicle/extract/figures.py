"""Event words used as figures of speech (issue 19).

"Removing the last roadblock to membership", "a barrier to peace": a noun of obstruction
with a phrase of `figure_preps` ("to") names an obstacle to something, not a blockade that
protesters set up ("roadblocks on the highway"), whether the parser hangs the phrase on the
noun or on the verb the noun is the object of ("removing the last roadblock [to] X"); a verb
done to such a noun ("removed the last roadblock to X") is no event either. The words are
data (`data/roles.yaml`). Likewise a noun of fighting on an ill of society ("the war on
drugs", "the fight against corruption") names a policy, not a clash; and an event noun
after a bare "in" says how something else was done ("withdrew its ambassador in protest").
"""

from __future__ import annotations

from chronicle.extract.role_words import RoleWords
from chronicle.function_words import FunctionWords


def obstacle_figure(noun, nouns: frozenset[str], preps: frozenset[str]) -> bool:
    """An obstruction noun of `nouns` with a prepositional phrase of `preps`: "the last roadblock to X"."""
    if noun.pos_ not in ("NOUN", "PROPN") or noun.lemma_.lower() not in nouns:
        return False
    if any(child.dep_ == "prep" and child.lower_ in preps for child in noun.children):
        return True
    following = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    return following is not None and following.dep_ == "prep" and following.lower_ in preps and following.head == noun.head


def campaign_figure(noun, nouns: frozenset[str], preps: frozenset[str], ills: frozenset[str]) -> bool:
    """A fighting noun of `nouns` whose `preps` phrase names one of `ills`: "the war on drugs"."""
    if noun.pos_ not in ("NOUN", "PROPN") or noun.lemma_.lower() not in nouns:
        return False
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            phrase = lambda o: " ".join(t.lower_ for t in o.subtree if t.dep_ in ("compound", "amod") or t.i == o.i)  # noqa: E731
            if any(o.lower_ in ills or o.lemma_.lower() in ills or phrase(o) in ills for o in objects):
                return True
    return False


def manner_noun(token, nouns: frozenset[str], inside_preps: frozenset[str]) -> bool:
    """An event noun after a bare "in" says how something else was done ("withdrew its
    ambassador in protest", "in retaliation"), not an event of its own."""
    return (token.pos_ == "NOUN" and token.lemma_.lower() in nouns and token.dep_ == "pobj" and token.head.lower_ in inside_preps
            and not any(c.dep_ in ("det", "poss", "amod", "compound", "nummod") for c in token.children))


def not_an_event(token, noun, roles: RoleWords, grammar: FunctionWords) -> bool:
    """An event word (the trigger at `token`, or its `noun`) used for something else: a
    manner, a figure."""
    if manner_noun(token, roles.manner_nouns, grammar.inside_preps):
        return True  # "withdrew its ambassador in protest": how, not another event
    # "the last roadblock to membership": an obstacle, not a blockade; "the war on drugs": a policy, not a clash
    return any(obstacle_figure(w, roles.figure_nouns, roles.figure_preps)
               or campaign_figure(w, roles.campaign_nouns, roles.campaign_preps, roles.campaign_ills) for w in (token, noun) if w is not None)
