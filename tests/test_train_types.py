"""Choosing where the lexicon's type stands and the thresholds (chronicle.models.selection), on invented examples."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from chronicle.models.selection import (Example, choose, clearly_better, fold_of, held_out, prefer, type_gains,
                                        trusted_types)
from chronicle.models.type_classifier import TypeClassifier

CLASSES = ("NONE", "ACCUSE", "REJECT", "SANCTION")


def _model() -> TypeClassifier:
    return TypeClassifier(CLASSES, {"bias": 0}, np.zeros((1, 4)))


def _examples(type_: str, lexicon_right: int, classifier_right: int, total: int):
    """`total` sentences the lexicon types `type_`; the classifier says SANCTION on all."""
    out = []
    for i in range(total):
        gold = type_ if i < lexicon_right else "SANCTION" if i < lexicon_right + classifier_right else "REJECT"
        out.append(Example(frozenset(), ((type_, 0.6),), (gold,), "reported", f"g{i}"))
    return out


def _scores(n: int, best: str = "SANCTION"):
    return [{"NONE": 0.0, "ACCUSE": 0.1, "SANCTION": 0.1, "REJECT": 0.1} | {best: 0.8} for _ in range(n)]


def test_the_lexicon_keeps_a_type_the_classifier_types_only_slightly_better():
    near = _examples("ACCUSE", 40, 41, 100)  # the classifier right on 41, the lexicon on 40: a near tie
    assert trusted_types(near, [_scores(100)], _model()) == frozenset({"ACCUSE"})
    clear = _examples("ACCUSE", 40, 50, 100)  # the classifier clearly better
    assert trusted_types(clear, [_scores(100)], _model()) == frozenset()


def test_a_gain_of_two_sentences_is_not_enough_even_where_it_doubles_the_right_ones():
    few = _examples("ACCUSE", 2, 4, 10)  # gain 2 sentences (twice as many right), under TRUST_MIN_GAIN
    assert trusted_types(few, [_scores(10)], _model()) == frozenset({"ACCUSE"})
    more = _examples("ACCUSE", 2, 8, 10)  # gain 6
    assert trusted_types(more, [_scores(10)], _model()) == frozenset()


def test_a_gain_within_its_standard_error_leaves_the_lexicon_trusted():
    # 200 sentences: the lexicon right on 60, the classifier on 65 of the others (gain 5, but
    # 125 sentences disagree: standard error about 11)
    noisy = _examples("ACCUSE", 60, 65, 200)
    gain, error = type_gains(noisy, [_scores(200)], _model())["ACCUSE"]
    assert gain == 5 and error > 10
    assert trusted_types(noisy, [_scores(200)], _model()) == frozenset({"ACCUSE"})


def test_gains_are_averaged_over_the_splits():
    data = _examples("ACCUSE", 0, 9, 9)  # gold SANCTION everywhere, the lexicon never right
    sure = _scores(9)  # the classifier says SANCTION: gain 9 in this split
    unsure = _scores(9, best="ACCUSE")  # ... and the lexicon's type in two others: gain 0 there
    assert type_gains(data, [sure], _model())["ACCUSE"][0] == 9
    assert type_gains(data, [sure, unsure, unsure], _model())["ACCUSE"][0] == 3
    assert trusted_types(data, [sure], _model()) == frozenset()
    assert trusted_types(data, [sure, unsure, unsure, unsure], _model()) == frozenset({"ACCUSE"})  # gain 2.25


def test_folds_keep_groups_whole_and_change_with_the_seed_only():
    groups = [f"page{i % 40}" for i in range(200)]
    split = fold_of(groups, seed=1)
    assert set(split) == set(groups) and set(split.values()) == {0, 1, 2, 3, 4}
    assert fold_of(list(reversed(groups)), seed=1) == split  # the order the groups come in does not matter
    assert fold_of(groups, seed=2) != split


def test_held_out_scores_come_from_a_model_that_never_saw_the_group():
    data = [Example(frozenset({f"w{i % 10}"}), (), ("ACCUSE",), None, f"g{i % 10}") for i in range(30)]
    seen: list[set[str]] = []

    def fit(part):
        seen.append({e.group for e in part})
        return _model()

    scores = held_out(data, fit, seed=0)
    assert len(seen) == 5 and all(len(s) == 8 for s in seen)  # 10 groups in 5 folds
    assert all(set(s) == set(CLASSES) for s in scores)


def test_another_setting_must_gain_several_sentences_beyond_their_error():
    base = np.array([1.0] * 10 + [0.0] * 90)
    two = base.copy()
    two[10:12] = 1  # two sentences more: under the least gain
    assert not clearly_better(two, base)
    six = base.copy()
    six[10:16] = 1  # six more, none lost: clearly better
    assert clearly_better(six, base)
    churn = base.copy()
    churn[10:30] = 1
    churn[0:10] = 0  # 20 won, 10 lost: gain 10, error sqrt(30) = 5.5
    assert clearly_better(churn, base)
    wide = np.array([1.0] * 40 + [0.0] * 60)
    swap = wide.copy()
    swap[40:60], swap[0:16] = 1, 0  # 20 won, 16 lost: gain 4 under its error 6
    assert not clearly_better(swap, wide)


def test_the_default_stays_unless_another_candidate_is_clearly_better():
    data = [Example(frozenset(), (), ("SANCTION",), None, f"e{i}") for i in range(20)]
    scores = [[{"NONE": 0.1, "ACCUSE": 0.0, "SANCTION": 0.35, "REJECT": 0.0} for _ in data]]
    low, high = replace(_model(), propose=0.3), replace(_model(), propose=0.4)
    assert prefer(data, scores, [low, high], default=0) is low
    assert prefer(data, scores, [low, high], default=1) is low  # 0.4 proposes none of 20: 0.3 clearly better
    near = [[{"NONE": 0.1, "ACCUSE": 0.0, "SANCTION": 0.35 if i < 2 else 0.5, "REJECT": 0.0} for i in range(20)]]
    assert prefer(data, near, [low, high], default=1) is high  # only two sentences apart: the default stays


def test_choose_proposes_where_the_lexicon_is_silent_and_stays_quiet_on_no_event_sentences():
    events = [Example(frozenset(), (), ("SANCTION",), None, f"e{i}") for i in range(20)]
    quiet = [Example(frozenset(), (), (), None, f"q{i}") for i in range(20)]
    sure = [{"NONE": 0.1, "ACCUSE": 0.0, "SANCTION": 0.9, "REJECT": 0.0} for _ in events]
    none = [{"NONE": 0.8, "ACCUSE": 0.1, "SANCTION": 0.1, "REJECT": 0.0} for _ in quiet]
    chosen = choose(events + quiet, [sure + none], _model())
    assert chosen.propose <= 0.5 and chosen.quiet <= 0.8  # every event proposed, no-event sentences quiet
