"""Choosing where the lexicon's type stands (chronicle.models.train_types), on invented examples."""

from __future__ import annotations

import numpy as np

from chronicle.models.train_types import Example, trusted_types
from chronicle.models.type_classifier import TypeClassifier


def _examples(type_: str, lexicon_right: int, classifier_right: int, total: int):
    """`total` sentences the lexicon types `type_`; the classifier says SANCTION on all."""
    out = []
    for i in range(total):
        gold = type_ if i < lexicon_right else "SANCTION" if i < lexicon_right + classifier_right else "REJECT"
        out.append(Example(frozenset(), ((type_, 0.6),), (gold,), "reported", f"g{i}"))
    return out


def _scores(n: int):
    return [{"NONE": 0.0, "ACCUSE": 0.1, "SANCTION": 0.8, "REJECT": 0.1} for _ in range(n)]


def test_the_lexicon_keeps_a_type_the_classifier_types_only_slightly_better():
    model = TypeClassifier(("NONE", "ACCUSE", "REJECT", "SANCTION"), {"bias": 0}, np.zeros((1, 4)))
    near = _examples("ACCUSE", 40, 41, 100)  # the classifier right on 41, the lexicon on 40: a near tie
    assert trusted_types(near, _scores(100), model) == frozenset({"ACCUSE"})
    clear = _examples("ACCUSE", 40, 50, 100)  # the classifier clearly better
    assert trusted_types(clear, _scores(100), model) == frozenset()
