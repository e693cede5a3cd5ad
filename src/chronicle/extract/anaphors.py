"""Descriptions that refer back to an actor named before: "the country", "the bloc", "these
states", "the neighbours", and a plural "they" that stands for no two persons.

A definite or demonstrative description whose noun is listed in `data/roles.yaml`
(`anaphor_nouns`, by kind of actor) names the nearest actor of its kind named before it, in
its sentence or the `anaphor_sentences` before: "Ghana recalled its envoy. The country also
suspended flights": Ghana; "accusing Iran of ..., X said the country had ...": Iran. A plural
description ("these states", "the two neighbours") names the two nearest ("Sweden's and
Finland's bid ... He accused these states": both). The subject of the description's own
verb is never its antecedent ("Togo accused these states"). A plural "they" refers back to
the nearest clause subject naming a state, an organization or a group.

Pure functions over spaCy tokens; the actors come from a `resolve` callback (extract/events.py
`_Actors.of`), which reads a subject's words (and its conjuncts) as actors.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

SUBJECTS = ("nsubj", "nsubjpass")
DESCRIPTION_DEPS = ("det", "predet", "nummod", "amod", "advmod", "case")  # what "the two neighbouring states" may carry


def anaphor_kind(token, nouns: Mapping[str, str], determiners: frozenset[str]) -> str | None:
    """The kind of actor ("country", "organization") a description like "the country" or
    "these states" refers back to; None for any other word ("the country's army", "a country")."""
    if token.pos_ != "NOUN":
        return None
    kind = nouns.get(token.lemma_.lower()) or nouns.get(token.lower_)
    if kind is None:
        return None
    if not any(c.dep_ in ("det", "predet") and c.lower_ in determiners for c in token.children):
        return None
    if any(c.dep_ not in DESCRIPTION_DEPS for c in token.children):
        return None  # "the country's army", "the island nation", "the state of emergency", "the group that ..."
    return kind


def is_plural(token) -> bool:
    """Whether a description counts more than one ("these states", "the two neighbours")."""
    return "Plur" in token.morph.get("Number") or any(c.dep_ == "nummod" for c in token.children)


def antecedent_subjects(token, sentences: int) -> list:
    """Active clause subjects that may name what `token` refers back to: those of its own
    sentence before it (not the subject of its own verb), then those of each earlier
    sentence, the main clause's first; nearest sentence first. Whoever underwent an act
    ("students were abducted") is no antecedent of who acts next."""
    own_head = token.head.i
    found = [w for w in reversed(token.doc[token.sent.start: token.i]) if w.dep_ == "nsubj" and w.head.i != own_head]
    for sentence in _earlier_sentences(token, sentences):
        found += sorted((w for w in sentence if w.dep_ == "nsubj"), key=lambda w: (w.head.i != sentence.root.i, w.i))
    return found


def _earlier_sentences(token, sentences: int) -> list:
    """Up to `sentences` sentences before `token`'s, nearest first (blank lines skipped)."""
    doc, start, found = token.doc, token.sent.start, []
    while len(found) < sentences:
        while start > 0 and doc[start - 1].is_space:
            start -= 1
        if start == 0:
            break
        found.append(doc[start - 1].sent)
        start = found[-1].start
    return found


def words_before(token, sentences: int) -> list:
    """The words before `token` in its sentence and the `sentences` before it (blank lines
    skipped), nearest first."""
    earlier = _earlier_sentences(token, sentences)
    start = earlier[-1].start if earlier else token.sent.start
    return list(reversed(token.doc[start: token.i]))


def preceding_words(token, sentences: int) -> list:
    """`words_before`, without the subject of `token`'s own verb ("Togo accused these
    states": not Togo)."""
    own = {w.i for w in own_subject(token)}
    return [w for w in words_before(token, sentences) if w.i not in own]


def own_subject(token) -> list:
    """The words of the subject of `token`'s own verb (not `token` itself)."""
    return [w for c in token.head.children if c.dep_ in SUBJECTS and c.i != token.i for w in c.subtree]


def nearest_named(words: list, kinds: frozenset[str], plural: bool, resolve: Callable[[object], object],
                  excluded: frozenset[str] = frozenset()) -> list:
    """The nearest actor of `kinds` the words name (`resolve`: a word's actor or None), the
    two nearest distinct ones for a plural description, never one of `excluded` (the own
    verb's subject); [] when too few are named."""
    found: dict[str, object] = {}
    for word in words:
        actor = resolve(word)
        if actor is None or actor.kind not in kinds or actor.id in found or actor.id in excluded:
            continue
        found[actor.id] = actor
        if len(found) == (2 if plural else 1):
            return list(found.values())
    return []


def antecedents(token, kinds: frozenset[str], sentences: int, resolve: Callable[[object], list]) -> list:
    """The actors of `kinds` the nearest antecedent subject names that names any ("France and
    Ghana closed ... They": both); [] when none does. Persons and generic nouns are left to
    the meeting rules ("they" after two leaders) and to no one."""
    for subject in antecedent_subjects(token, sentences):
        actors = [a for a in resolve(subject) if a.kind in kinds and not a.id.startswith("group:")]
        if actors:
            return actors
    return []


UNDERGOER_DEPS = frozenset({"dobj", "obj", "dative", "iobj", "attr", "oprd", "xcomp", "ccomp"})


def undergoer_words(token, place_preps: frozenset[str]) -> set[int]:
    """The words of whom `token` acts on: the objects, complements and non-place prepositional
    objects of the verbs it is the subject of, or that describe it ("officials accusing X").
    A country named there is the other side of the event ("the lawmakers approved X's bid"),
    never the country of `token`; "In X, police arrested ..." is not."""
    verbs = [token.head] if token.dep_ in ("nsubj", "nsubjpass") else []
    verbs += [c for c in token.children if c.dep_ in ("acl", "relcl")]
    words: set[int] = set()
    for verb in verbs:
        for child in verb.children:
            if child.i == token.i:
                continue
            if child.dep_ in UNDERGOER_DEPS or child.dep_ == "prep" and child.lower_ not in place_preps:
                words |= {w.i for w in child.subtree}
    return words
