"""Train the event-type classifier (`make train`): seeded, deterministic, a minute on CPU.

Reads the labelled sentences (`labelled.training_sentences`: our annotations,
plover_dev's train part, never its eval part, and the repository's wire-style sentences), parses each through the pipeline with the
lexicon alone, fits a multinomial logistic regression (L2, L-BFGS from zeros: no
randomness) on their features and main types, and a multi-label head (one-vs-rest, the
same way) on every type each sentence lists, chooses on held-out folds (split by page or article) the
types where the lexicon's own choice stands and the proposal thresholds (`selection`:
several seeded splits, averaged), and writes
`models/data/event_type_classifier.npz`.

    python -m chronicle.models.train_types --shared ../shared
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.optimize import minimize

from chronicle.models import labelled, type_classifier
from chronicle.models.selection import REPEATS, Example, choose, describe, held_out
from chronicle.models.type_classifier import NONE, TypeClassifier
from chronicle.models.type_features import sentence_features

WIRE = Path(__file__).resolve().parents[3] / "tests" / "data" / "event_sentences.jsonl"
C = 3.0  # inverse L2 strength
MIN_COUNT = 2  # a feature seen fewer times in training is not kept


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


def held_out_scores(data: Sequence[Example], classes: Sequence[str], repeats: int = REPEATS) -> list[list[dict[str, float]]]:
    """Each example's held-out scores in each of `repeats` seeded splits into folds by group
    (the multinomial head only: the choice reads nothing else)."""
    fit = lambda part: train(part, classes, multi_label=False)  # noqa: E731
    return [held_out(data, fit, seed) for seed in range(repeats)]


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
    print("\n".join(describe(data, scores, final)))
    print(f"lexicon trusted for: {', '.join(sorted(final.lexicon_types)) or '-'}; margin {final.margin}; "
          f"propose {final.propose}, quiet {final.quiet}; {len(final.rows)} features")
    out = args.out or type_classifier.packaged_path()
    type_classifier.save(final, out)
    print(f"written {out} ({out.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
