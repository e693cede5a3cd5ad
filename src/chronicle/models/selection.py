"""Choosing the combination's settings on held-out folds of the training data (`make train`).

The classifier's weights are fitted on every training sentence; what it may overrule is
chosen on held-out scores: each sentence scored by a model trained on the other folds.
One split into folds is noisy (which types the lexicon stays trusted for changed with the
split alone, and with one or two training sentences), so the choice reads `REPEATS`
seeded splits (by page or article, `fold_of`) and

- trusts the lexicon on a type unless the classifier is right on its sentences more often,
  averaged over the splits, by at least `TRUST_MIN_GAIN` sentences and `TRUST_Z` standard
  errors of that gain (`trusted_types`: a near tie stays the lexicon's);
- keeps the default margin, then the default propose/quiet thresholds, unless another value
  of the grid is clearly better by the same rule (`prefer`: the objective is flat over these
  grids, so an arg-max followed noise).

Deterministic: the splits come from numpy's seeded PCG64 generator.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import numpy as np

from chronicle.models import type_classifier
from chronicle.models.type_classifier import NONE, PROTECTED, TypeClassifier

FOLDS = 5
REPEATS = 6  # seeded splits of the groups into folds, their held-out scores averaged
MARGIN_GRID = (0.0, 0.1, 0.2, 0.3, 0.5)
PROPOSE_GRID = (0.2, 0.3, 0.4, 0.5)
QUIET_GRID = (0.5, 0.7, 0.9)
TRUST_MIN_GAIN = 3.0  # sentences (mean over the splits) the classifier must gain on a type to overrule the lexicon
TRUST_Z = 1.0  # ... and in standard errors of that gain
DEFAULT_MARGIN = 0.1  # the margin and thresholds kept unless others are clearly better (`prefer`)
DEFAULT_THRESHOLDS = (0.4, 0.7)  # propose, quiet
CHANGE_MIN_GAIN = 3.0  # sentences another margin or threshold must gain over the default
CHANGE_Z = 1.0  # ... and in standard errors of that gain

Scores = Sequence[dict[str, float]]  # held-out scores, one dict per example


@dataclass(frozen=True)
class Example:
    """One labelled sentence as the classifier sees it."""

    features: frozenset[str]
    lexicon: tuple[tuple[str, float], ...]  # the lexicon's (type, confidence) events
    types: tuple[str, ...]
    modality: str | None
    group: str


def accepted(example: Example) -> set[str]:
    """The types that count as the main one (as ../shared/tools/score_plover.py counts them)."""
    ok = {example.types[0]}
    if example.modality in ("planned", "hypothetical") and example.types[0] in ("AGREE", "CONCEDE") and len(example.types) > 1:
        ok.add(example.types[1])
    return ok


def lexicon_top(example: Example) -> str | None:
    """The type of the lexicon's surest event in the sentence (None without any)."""
    return max(example.lexicon, key=lambda e: e[1])[0] if example.lexicon else None


def simulate(example: Example, scores: dict[str, float], model: TypeClassifier) -> str | None:
    """The top type the combination would give a one-sentence text (actors assumed found)."""
    top = lexicon_top(example)
    if top is None:
        best, score = type_classifier.best_type(scores, model)
        return best if score >= model.propose and scores[NONE] < model.quiet else None
    return top if top in PROTECTED else type_classifier.retype(top, scores, model)


def fold_of(groups: Sequence[str], seed: int, folds: int = FOLDS) -> dict[str, int]:
    """Each group's fold in the seeded split `seed` (groups sorted first: the order they come in does not matter)."""
    ordered = sorted(set(groups))
    places = np.random.default_rng(seed).permutation(len(ordered))
    return {g: int(places[i]) % folds for i, g in enumerate(ordered)}


def held_out(data: Sequence[Example], fit: Callable[[Sequence[Example]], TypeClassifier], seed: int,
             folds: int = FOLDS) -> list[dict[str, float]]:
    """Each example's scores from a model `fit` on the other folds of split `seed`."""
    where = fold_of([e.group for e in data], seed, folds)
    out: list[dict[str, float]] = [{} for _ in data]
    for fold in range(folds):
        model = fit([e for e in data if where[e.group] != fold])
        for i, e in enumerate(data):
            if where[e.group] == fold:
                out[i] = model.scores(set(e.features))
    return out


def type_gains(data: Sequence[Example], splits: Sequence[Scores], model: TypeClassifier) -> dict[str, tuple[float, float]]:
    """Per lexicon type, (gain, standard error): how many more of the sentences whose main
    lexicon event has that type the classifier types right than the lexicon, each sentence's
    difference averaged over the splits; the error treats the sentences as independent."""
    differences: dict[str, list[float]] = {}
    for i, e in enumerate(data):
        top = lexicon_top(e)
        if not e.types or top is None:
            continue
        ok = accepted(e)
        classifier = sum(type_classifier.retype(top, scores[i], model) in ok for scores in splits) / len(splits)
        differences.setdefault(top, []).append(classifier - (top in ok))
    return {t: (sum(d), math.sqrt(sum(x * x for x in d))) for t, d in differences.items()}


def trusted_types(data: Sequence[Example], splits: Sequence[Scores], model: TypeClassifier) -> frozenset[str]:
    """The lexicon types the classifier does not type clearly better: its gain on their
    sentences is under `TRUST_MIN_GAIN` sentences or under `TRUST_Z` standard errors. Near
    ties stay the lexicon's, whose frames whole articles need (dev3)."""
    gains = type_gains(data, splits, model)
    return frozenset(t for t, (gain, error) in gains.items() if gain < max(TRUST_MIN_GAIN, TRUST_Z * error))


def per_sentence(data: Sequence[Example], splits: Sequence[Scores], model: TypeClassifier) -> np.ndarray:
    """Each sentence's worth under `model`, averaged over the splits: 1 for an event sentence
    whose main type the combination gets right; for a no-event sentence left quiet, half of
    (event sentences / no-event sentences), so quiet counts half as much as typing in all."""
    events = sum(bool(e.types) for e in data)
    quiet_worth = 0.5 * events / max(1, len(data) - events)
    worth = np.zeros(len(data))
    for scores in splits:
        for i, (e, s) in enumerate(zip(data, scores)):
            top = simulate(e, s, model)
            worth[i] += (top in accepted(e)) if e.types else quiet_worth * (top is None)
    return worth / len(splits)


def objective(data: Sequence[Example], splits: Sequence[Scores], model: TypeClassifier) -> float:
    """Share of event sentences whose main type the combination gets right, plus half the
    share of no-event sentences it leaves quiet; averaged over the splits."""
    return float(per_sentence(data, splits, model).sum()) / max(1, sum(bool(e.types) for e in data))


def clearly_better(worth: np.ndarray, than: np.ndarray) -> bool:
    """Whether `worth` beats `than` (per-sentence worths) by at least `CHANGE_MIN_GAIN`
    sentences and `CHANGE_Z` standard errors of the paired difference."""
    difference = worth - than
    gain = float(difference.sum())
    return gain >= max(CHANGE_MIN_GAIN, CHANGE_Z * math.sqrt(float((difference**2).sum())))


def prefer(data: Sequence[Example], splits: Sequence[Scores], candidates: Sequence[TypeClassifier],
           default: int) -> TypeClassifier:
    """`candidates[default]`, unless others beat it clearly (`clearly_better`): then the best
    of those (the first among equals). The objective is flat over these grids (its values
    differ by a few sentences in 2,000, less than between two splits), so an arg-max would
    follow noise."""
    worths = [per_sentence(data, splits, c) for c in candidates]
    better = [i for i, w in enumerate(worths) if clearly_better(w, worths[default])]
    if not better:
        return candidates[default]
    return candidates[max(better, key=lambda i: (round(float(worths[i].sum()), 9), -i))]


def choose(data: Sequence[Example], splits: Sequence[Scores], model: TypeClassifier) -> TypeClassifier:
    """The margin with the lexicon-trusted types it leaves, then the proposal thresholds;
    each the default unless another value is clearly better (`prefer`)."""
    margins = []
    for margin in MARGIN_GRID:
        candidate = replace(model, margin=margin)
        margins.append(replace(candidate, lexicon_types=trusted_types(data, splits, candidate)))
    model = prefer(data, splits, margins, MARGIN_GRID.index(DEFAULT_MARGIN))
    grid = [replace(model, propose=p, quiet=q) for p in PROPOSE_GRID for q in QUIET_GRID]
    return prefer(data, splits, grid, [(m.propose, m.quiet) for m in grid].index(DEFAULT_THRESHOLDS))


def describe(data: Sequence[Example], splits: Sequence[Scores], model: TypeClassifier) -> list[str]:
    """One line per lexicon type: its gain, error and whether the lexicon stays trusted (for `make train`'s log)."""
    gains = type_gains(data, splits, replace(model, lexicon_types=frozenset()))
    counts = Counter(lexicon_top(e) for e in data if e.types and e.lexicon)
    return [f"  {t:<10} {counts[t]:4d} sentences  gain {g:5.1f} +- {s:4.1f}  "
            f"{'lexicon' if t in model.lexicon_types else 'classifier'}" for t, (g, s) in sorted(gains.items())]
