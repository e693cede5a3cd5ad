"""Event typing on labelled sentences, counted as ../shared/tools/score_plover.py counts it.

Each sentence is read as a one-sentence article through the pipeline (with the typing its
settings ask for). The gold main type is "among" the predicted types when any stored event
has it, "top" when the surest event has it; for a planned or hypothetical AGREE/CONCEDE with
a second type, either type counts as the main one; "extra" counts predicted types that are
none of the gold's; a no-event sentence is "quiet" when no event is stored.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence

from chronicle.models.labelled import Labelled
from chronicle.settings import Settings


def accepted(types: Sequence[str], modality: str | None) -> set[str]:
    """The types that count as the main one."""
    ok = {types[0]}
    if modality in ("planned", "hypothetical") and types[0] in ("AGREE", "CONCEDE") and len(types) > 1:
        ok.add(types[1])
    return ok


def predictions(sentences: Sequence[Labelled], settings: Settings) -> list[tuple[set[str], str | None]]:
    """(types, top type) the pipeline stores for each sentence."""
    from chronicle.pipeline import ToAnnotate, annotate, load_resources

    res = load_resources(settings)
    day = dt.date(2026, 1, 1)
    found = annotate([ToAnnotate(f"s{i}", s.text.strip(), day, day) for i, s in enumerate(sentences)], res)
    out = []
    for annotation in found:
        events = annotation.event_mentions
        top = max(events, key=lambda e: e.confidence).type if events else None
        out.append(({e.type for e in events}, top))
    return out


def typing_metrics(sentences: Sequence[Labelled], predicted: Sequence[tuple[set[str], str | None]]) -> dict:
    """among, top1, extra (per event sentence), quiet (share of no-event sentences left
    without an event), and per gold main type [among, top, total]."""
    among = top = extra = events = quiet = quiet_ok = 0
    per_type: dict[str, list[int]] = {}
    for sentence, (types, best) in zip(sentences, predicted):
        if not sentence.types:
            quiet += 1
            quiet_ok += not types
            continue
        events += 1
        ok = accepted(sentence.types, sentence.modality)
        row = per_type.setdefault(sentence.types[0], [0, 0, 0])
        row[0] += bool(ok & types)
        row[1] += best in ok
        row[2] += 1
        among += bool(ok & types)
        top += best in ok
        extra += len(types - set(sentence.types))
    share = lambda a, b: round(a / b, 3) if b else None  # noqa: E731
    return {"among": share(among, events), "top1": share(top, events), "extra": share(extra, events),
            "quiet": share(quiet_ok, quiet), "events": events, "no_event": quiet,
            "per_type": dict(sorted(per_type.items()))}


def score(sentences: Sequence[Labelled], typing: str) -> dict:
    """The metrics of one typing variant (lexicon, classifier or combined) on `sentences`."""
    return typing_metrics(sentences, predictions(sentences, Settings(event_typing=typing)))


def confusions(sentences: Sequence[Labelled], predicted: Sequence[tuple[set[str], str | None]]) -> Counter:
    """(gold main type, top predicted type or "none") counts over the event sentences."""
    return Counter((s.types[0], best or "none") for s, (_, best) in zip(sentences, predicted) if s.types)
