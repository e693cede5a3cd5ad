"""A thing named again by a bare definite noun is the one told before (issue 19).

"Hungary's lawmakers approved Sweden's accession ... Turkey ratified the request last
month": "the request" owns no one, yet it is Sweden's; the support is aimed at the target of
the last earlier event of its type. The words are in `data/retold.yaml`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from chronicle.data import load_yaml


@dataclass(frozen=True)
class RetoldWords:
    """The words of `data/retold.yaml`."""

    types: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()
    determiners: frozenset[str] = frozenset()


def load_retold_words(path=None) -> RetoldWords:
    """Read `data/retold.yaml` (or a user file of the same shape)."""
    data = load_yaml("retold.yaml", path)
    words = lambda key: frozenset(str(w).lower() for w in data.get(key) or ())  # noqa: E731
    return RetoldWords(types=frozenset(str(t).upper() for t in data.get("types") or ()),
                       nouns=words("nouns"), determiners=words("determiners"))


def bare_retold_object(verb, words: RetoldWords):
    """The trigger's object when it is one of `words.nouns` with only a determiner of
    `words.determiners` ("ratified the request"), else None."""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    if obj is None or obj.lemma_.lower() not in words.nouns:
        return None
    children = list(obj.children)
    if len(children) != 1 or children[0].dep_ != "det" or children[0].lower_ not in words.determiners:
        return None
    return obj


def retold_targets(verb, type_: str, sources: list, targets: list, found: list, words: RetoldWords) -> list:
    """`targets`, or for a trigger of `words.types` with a source and no target whose object
    is a bare definite noun of `words.nouns`, the targets of the last event of its type in
    `found` (events found before it) that has targets none of which is one of its sources."""
    if type_ not in words.types or targets or not sources or bare_retold_object(verb, words) is None:
        return targets
    own = {a.id for a in sources}
    for event in reversed(found):
        told = [a for a in event.actors if a.role == "target"]
        if event.type == type_ and told and not any(a.id in own for a in told):
            return [replace(a, role="target") for a in told]
    return targets
