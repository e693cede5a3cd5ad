"""Train the event-type classifier (`make train`): seeded, deterministic, a minute on CPU.

Reads the labelled sentences (`labelled.training_sentences`: our annotations,
plover_dev's train part, never its eval part, and the repository's wire-style sentences), parses each through the pipeline with the
lexicon alone, fits a multinomial logistic regression (L2, L-BFGS from zeros: no
randomness) on their features and main types, and a multi-label head (one-vs-rest, the
same way) on every type each sentence lists, chooses on held-out folds (split by page or article) the
types where the lexicon's own choice stands and the proposal thresholds, and writes
`models/data/event_type_classifier.npz`.

    python -m chronicle.models.train_types --shared ../shared
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.optimize import minimize

from chronicle.models import labelled, type_classifier
from chronicle.models.type_classifier import NONE, PROTECTED, TypeClassifier
from chronicle.models.type_features import sentence_features

WIRE = Path(__file__).resolve().parents[3] / "tests" / "data" / "event_sentences.jsonl"
C = 3.0  # inverse L2 strength
MIN_COUNT = 2  # a feature seen fewer times in training is not kept
FOLDS = 5
MARGIN_GRID = (0.0, 0.1, 0.2, 0.3, 0.5)
PROPOSE_GRID = (0.2, 0.3, 0.4, 0.5)
QUIET_GRID = (0.5, 0.7, 0.9)
TRUST_GAIN = 1.05  # the classifier re-types a lexicon type only when it is right on 5% more of its sentences


@dataclass(frozen=True)
class Example:
    """One labelled sentence as the classifier sees it."""

    features: frozenset[str]
    lexicon: tuple[tuple[str, float], ...]  # the lexicon's (type, confidence) events
    types: tuple[str, ...]
    modality: str | None
    group: str


def examples(sentences: Sequence[labelled.Labelled]) -> list[Example]:
    """Parse each sentence with the lexicon alone; its features and the lexicon's events."""
    from chronicle.nlp import parse
    from chronicle.pipeline import ToAnnotate, annotate, load_resources
    from chronicle.settings import Settings

    res = load_resources(Settings(event_typing="lexicon"))
    day = dt.date(2026, 1, 1)
    texts = [s.text.strip() for s in sentences]
    found = annotate([ToAnnotate(f"s{i}", t, day, day) for i, t in enumerate(texts)], res)
    out = []
    for sentence, annotation, doc in zip(sentences, found, parse(res.nlp, texts)):
        events = tuple((m.type, m.confidence) for m in annotation.event_mentions)
        features: set[str] = set()
        for part in doc.sents:
            features |= sentence_features(part, res.events)
        out.append(Example(frozenset(features), events, sentence.types, sentence.modality, sentence.group))
    return out


def fit(x: sparse.csr_matrix, y: np.ndarray, classes: int) -> np.ndarray:
    """Multinomial logistic regression weights (features x classes); row 0 (bias) unpenalized."""
    n, f = x.shape
    target = np.zeros((n, classes))
    target[np.arange(n), y] = 1

    def loss(flat: np.ndarray) -> tuple[float, np.ndarray]:
        w = flat.reshape(f, classes)
        z = x @ w
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        value = -np.log((p * target).sum(axis=1) + 1e-12).sum() + 0.5 / C * (w[1:] ** 2).sum()
        grad = x.T @ (p - target)
        grad[1:] += w[1:] / C
        return value, grad.ravel()

    result = minimize(loss, np.zeros(f * classes), jac=True, method="L-BFGS-B", options={"maxiter": 500})
    return result.x.reshape(f, classes)


def fit_asserted(x: sparse.csr_matrix, target: np.ndarray) -> np.ndarray:
    """One-vs-rest logistic regressions (features x classes), fitted together: column k says
    whether a sentence asserts type k at all (main or not); row 0 (bias) unpenalized."""
    n, f = x.shape
    classes = target.shape[1]

    def loss(flat: np.ndarray) -> tuple[float, np.ndarray]:
        w = flat.reshape(f, classes)
        z = x @ w
        p = 1.0 / (1.0 + np.exp(-z))
        value = -(target * np.log(p + 1e-12) + (1 - target) * np.log(1 - p + 1e-12)).sum() + 0.5 / C * (w[1:] ** 2).sum()
        grad = x.T @ (p - target)
        grad[1:] += w[1:] / C
        return value, grad.ravel()

    result = minimize(loss, np.zeros(f * classes), jac=True, method="L-BFGS-B", options={"maxiter": 500})
    return result.x.reshape(f, classes)


def train(data: Sequence[Example], classes: Sequence[str], multi_label: bool = True) -> TypeClassifier:
    """A classifier (default thresholds) fitted on `data`, with its multi-label head unless
    `multi_label` is False."""
    counts = Counter(f for e in data for f in e.features)
    features = ["bias", *sorted(f for f, c in counts.items() if c >= MIN_COUNT and f != "bias")]
    rows = {f: i for i, f in enumerate(features)}
    cells = [(i, rows[f]) for i, e in enumerate(data) for f in e.features if f in rows]
    x = sparse.csr_matrix((np.ones(len(cells)), tuple(zip(*cells))), shape=(len(data), len(features)))
    y = np.array([classes.index(e.types[0]) if e.types else 0 for e in data])
    if not multi_label:
        return TypeClassifier(tuple(classes), rows, fit(x, y, len(classes)))
    asserted = np.zeros((len(data), len(classes)))
    for i, e in enumerate(data):
        for type_ in e.types or (NONE,):
            asserted[i, classes.index(type_)] = 1
    return TypeClassifier(tuple(classes), rows, fit(x, y, len(classes)), asserted=fit_asserted(x, asserted))


def accepted(example: Example) -> set[str]:
    """The types that count as the main one (as ../shared/tools/score_plover.py counts them)."""
    ok = {example.types[0]}
    if example.modality in ("planned", "hypothetical") and example.types[0] in ("AGREE", "CONCEDE") and len(example.types) > 1:
        ok.add(example.types[1])
    return ok


def simulate(example: Example, scores: dict[str, float], model: TypeClassifier) -> str | None:
    """The top type the combination would give a one-sentence text (actors assumed found)."""
    if not example.lexicon:
        best, score = type_classifier.best_type(scores, model)
        return best if score >= model.propose and scores[NONE] < model.quiet else None
    top = max(example.lexicon, key=lambda e: e[1])[0]
    return top if top in PROTECTED else type_classifier.retype(top, scores, model)


def held_out_scores(data: Sequence[Example], classes: Sequence[str]) -> list[dict[str, float]]:
    """Each example's scores from a model trained on the other folds (folds by group)."""
    groups = sorted({e.group for e in data})
    fold_of = {g: i % FOLDS for i, g in enumerate(groups)}
    out: list[dict[str, float]] = [{} for _ in data]
    for fold in range(FOLDS):
        model = train([e for e in data if fold_of[e.group] != fold], classes, multi_label=False)
        for i, e in enumerate(data):
            if fold_of[e.group] == fold:
                out[i] = model.scores(set(e.features))
    return out


def trusted_types(data: Sequence[Example], scores: Sequence[dict[str, float]], model: TypeClassifier) -> frozenset[str]:
    """The lexicon types whose sentences the classifier does not type clearly better (by
    `TRUST_GAIN`) than the lexicon: near ties stay the lexicon's, whose frames whole articles
    need (dev3)."""
    lexicon_right: Counter = Counter()
    classifier_right: Counter = Counter()
    for e, s in zip(data, scores):
        if e.types and e.lexicon:
            top = max(e.lexicon, key=lambda item: item[1])[0]
            lexicon_right[top] += top in accepted(e)
            classifier_right[top] += type_classifier.retype(top, s, model) in accepted(e)
    return frozenset(t for t in lexicon_right if classifier_right[t] <= lexicon_right[t] * TRUST_GAIN)


def choose(data: Sequence[Example], scores: Sequence[dict[str, float]], model: TypeClassifier) -> TypeClassifier:
    """The margin with the lexicon-trusted types it leaves, then the proposal thresholds,
    on held-out scores."""

    def objective(candidate: TypeClassifier) -> float:
        tops = [simulate(e, s, candidate) for e, s in zip(data, scores)]
        right = sum(t in accepted(e) for e, t in zip(data, tops) if e.types)
        quiet = sum(t is None for e, t in zip(data, tops) if not e.types)
        return right / max(1, sum(bool(e.types) for e in data)) + 0.5 * quiet / max(1, sum(not e.types for e in data))

    margins = []
    for margin in MARGIN_GRID:
        candidate = replace(model, margin=margin)
        margins.append(replace(candidate, lexicon_types=trusted_types(data, scores, candidate)))
    model = max(margins, key=objective)
    grid = [replace(model, propose=p, quiet=q) for p in PROPOSE_GRID for q in QUIET_GRID]
    return max(grid, key=objective)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=None, help="../shared (the labelled sentences' texts)")
    parser.add_argument("--out", type=Path, default=None, help="default: the packaged weights file")
    parser.add_argument("--wire", type=Path, default=WIRE, help="the repository's wire-style sentences (JSONL)")
    args = parser.parse_args(argv)
    shared = args.shared or labelled.default_shared_root()
    data = examples(labelled.training_sentences(shared, wire=args.wire if args.wire.exists() else None))
    classes = [NONE, *sorted({t for e in data for t in e.types})]
    print(f"{len(data)} training sentences, {len(classes) - 1} types")
    scores = held_out_scores(data, classes)
    final = choose(data, scores, train(data, classes))
    print(f"lexicon trusted for: {', '.join(sorted(final.lexicon_types)) or '-'}; margin {final.margin}; "
          f"propose {final.propose}, quiet {final.quiet}; {len(final.rows)} features")
    out = args.out or type_classifier.packaged_path()
    type_classifier.save(final, out)
    print(f"written {out} ({out.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
