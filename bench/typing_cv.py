"""Typing failures on the TRAINING data, held out by page (issue 15): plover_dev's eval part is
never read here.

    .venv/bin/python bench/typing_cv.py [--shared ../shared] [--part plover|all] [--out cv.json]

Parses the training sentences once (`train_types.examples`), splits their pages or articles into
5 folds (`selection.fold_of`, seed 0), and types each held-out fold with the whole pipeline
(guarded by default) under a classifier trained on the other folds, with the shipped weights'
trusted types, margin and thresholds. Prints among / top-1 / extra / quiet as
`models/scoring.py` counts them (plover_dev's train part by default; `--part all` adds our
own annotations) and writes one record per sentence (gold, predicted, the lexicon's events,
the classifier's top scores) for reading the failures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

from chronicle.models import labelled, scoring, train_types, type_classifier
from chronicle.models.selection import FOLDS, fold_of
from chronicle.models.type_classifier import NONE


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=None)
    parser.add_argument("--part", choices=("plover", "all"), default="plover")
    parser.add_argument("--typing", default="guarded")
    parser.add_argument("--out", type=Path, default=Path("typing_cv.json"))
    args = parser.parse_args()
    from chronicle.pipeline import ToAnnotate, annotate, load_resources
    from chronicle.settings import Settings

    shared = args.shared or labelled.default_shared_root()
    sentences = labelled.training_sentences(shared, wire=train_types.WIRE if train_types.WIRE.exists() else None)
    examples = train_types.examples(sentences)
    classes = [NONE, *sorted({t for e in examples for t in e.types})]
    shipped = type_classifier.load()
    plover = set(labelled.read_split()["train"])
    where = fold_of([e.group for e in examples], 0)
    res = load_resources(Settings(event_typing=args.typing))
    if res.types is None or shipped is None:
        raise SystemExit("a classifier typing (guarded, combined, classifier) and shipped weights are needed")
    day = dt.date(2026, 1, 1)
    records, scored = [], []
    for fold in range(FOLDS):
        model = train_types.train([e for e in examples if where[e.group] != fold], classes)
        model = replace(model, lexicon_types=shipped.lexicon_types, margin=shipped.margin, propose=shipped.propose,
                        quiet=shipped.quiet, guarded=res.types.guarded, alone=res.types.alone)
        held = [i for i, e in enumerate(examples) if where[e.group] == fold
                and (args.part == "all" or sentences[i].key in plover)]
        found = annotate([ToAnnotate(f"s{i}", sentences[i].text.strip(), day, day) for i in held], replace(res, types=model))
        for i, annotation in zip(held, found):
            events = annotation.event_mentions
            top = max(events, key=lambda e: e.confidence).type if events else None
            scores = model.scores(set(examples[i].features))
            scored.append((sentences[i], ({e.type for e in events}, top)))
            records.append({"key": sentences[i].key, "gold": list(sentences[i].types), "modality": sentences[i].modality,
                             "predicted": sorted({e.type for e in events}), "top": top,
                             "lexicon": [list(e) for e in examples[i].lexicon],
                             "events": [[e.type, e.lexicon_type, e.confidence, [a.role for a in e.actors]] for e in events],
                             "scores": sorted(([t, round(s, 3)] for t, s in scores.items()), key=lambda x: -x[1])[:3]})
    metrics = scoring.typing_metrics([s for s, _ in scored], [p for _, p in scored])
    metrics.pop("per_type")
    print(metrics)
    args.out.write_text(json.dumps(records, indent=0), encoding="utf-8")
    print(f"written {args.out} ({len(records)} sentences)")


if __name__ == "__main__":
    main()
