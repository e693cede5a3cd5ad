"""Event typing: labelled texts (sentences or documents) against the types the pipeline predicts."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UsageError
from ..runners.local import Progress
from ..settings import Settings
from .gold import read_jsonl


def typing_items(path: str | Path, limit: int | None) -> list[dict]:
    """Labelled texts: sentences ({"text", "type", "mode"}, or plover_dev's {"text", "types"
    main first, "modality"}) or documents ({"title", "text", "event", "mode"}); the label is
    None for a text that reports no event. `accepted`: the types that count as the main one
    (a planned or hypothetical AGREE/CONCEDE with a second type: either), `types`: every gold type."""
    from ..models.scoring import accepted

    items = read_jsonl(path)[: limit or None]
    for item in items:
        if "text" not in item or not ({"type", "types", "event"} & set(item)):
            raise UsageError(f"{path}: each line needs `text` and `type` (or `types`, or `event`)")
    out = []
    for item in items:
        if "types" in item:
            types = [str(t) for t in item["types"] or []]
        else:
            label = item.get("type", item.get("event"))
            types = [label] if label else []
        out.append({"text": "\n".join(p for p in (item.get("title"), item["text"]) if p), "type": types[0] if types else None,
                    "types": set(types), "accepted": accepted(types, item.get("modality")) if types else set(),
                    "mode": item.get("mode"), "document": "event" in item})
    return out


def precision_recall(pairs: Sequence[tuple[str | None, set[str], str | None]]) -> dict[str, dict]:
    """Per type, from (gold main type or None, the types accepted as main, top predicted type
    or None) per text: `precision` (texts whose top type it is that are right), `recall` (texts
    of that gold type whose top type is right), and the counts behind them."""
    gold: Counter = Counter()
    right: Counter = Counter()
    predicted: Counter = Counter()
    predicted_right: Counter = Counter()
    for main, ok, top in pairs:
        if main is not None:
            gold[main] += 1
            right[main] += top in ok
        if top is not None:
            predicted[top] += 1
            predicted_right[top] += top in ok
    share = lambda a, b: round(a / b, 4) if b else None  # noqa: E731
    return {t: {"gold": gold[t], "predicted": predicted[t], "precision": share(predicted_right[t], predicted[t]),
                "recall": share(right[t], gold[t])}
            for t in sorted(set(gold) | set(predicted))}


def typing_score(path: str | Path, settings: Settings | None = None, limit: int | None = None,
                 progress: Progress | None = None) -> dict:
    """Event typing on labelled texts. Per gold type: how often it is among the predicted
    types, how often it is the highest-confidence one (for a document: the type with the
    largest summed confidence), how many other types are predicted per text, and how often
    the top mention of the gold type has the gold mode; for texts labelled with no event,
    the share with no prediction."""
    from ..model import Article, Document
    from ..pipeline import annotate, load_resources, load_text_resources, prepare, to_annotate

    items = typing_items(path, limit)
    resources = load_resources(settings or Settings())
    text = load_text_resources()
    tally = _Tally()
    today = dt.date.today()
    batch_size = 32
    for first in range(0, len(items), batch_size):
        batch = items[first : first + batch_size]
        articles = [prepare(Document(source=f"{path}:{first + i + 1}", format="text", text=item["text"]), text, today)
                    for i, item in enumerate(batch)]
        ready = [a for a in articles if isinstance(a, Article)]
        annotations = {a.article_id: a for a in annotate([to_annotate(a) for a in ready], resources)}
        for item, article in zip(batch, articles):
            tally.add(item, annotations[article.id].event_mentions if isinstance(article, Article) else ())
        if progress is not None:
            progress(len(batch))
    return tally.summary(path, len(items))


@dataclass
class _Tally:
    """What `typing_score` counts, text by text."""

    counts: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))  # per gold type or "none"
    pairs: list[tuple[str | None, set[str], str | None]] = field(default_factory=list)  # (gold main type, accepted, top predicted)
    confusion: Counter = field(default_factory=Counter)  # (gold main type or "none", top predicted type or "none")

    def add(self, item: dict, mentions: Sequence) -> None:
        """One labelled text and the event mentions predicted for it."""
        scores: dict[str, float] = defaultdict(float)
        for mention in mentions:
            if item["document"]:  # a document's type: the most and surest evidence
                scores[mention.type] += mention.confidence
            else:
                scores[mention.type] = max(scores[mention.type], mention.confidence)
        gold = item["type"] or "none"
        top = max(scores, key=scores.get) if scores else None
        self.pairs.append((item["type"], item["accepted"], top))
        self.confusion[(gold, top or "none")] += 1
        tally = self.counts[gold]
        tally["total"] += 1
        if gold == "none":
            tally["quiet"] += not scores
            tally["other_types"] += len(scores)
            return
        tally["among"] += bool(item["accepted"] & set(scores))
        tally["top"] += top in item["accepted"]
        tally["other_types"] += len(set(scores) - item["types"])
        if item.get("mode"):
            tally["with_mode"] += 1
            best = max((m for m in mentions if m.type == gold), key=lambda m: m.confidence, default=None)
            tally["mode_right"] += best is not None and best.mode == item["mode"]

    def summary(self, path: str | Path, texts: int) -> dict:
        """The shares over every text and per gold type, the precision and recall per type,
        and the confusions."""
        share = lambda a, b: round(a / b, 4) if b else None  # noqa: E731
        per_type = {
            gold: {
                "total": c["total"],
                "among_predicted": share(c["among"], c["total"]) if gold != "none" else None,
                "top": share(c["top"], c["total"]) if gold != "none" else None,
                "other_types_per_text": share(c["other_types"], c["total"]),
                "mode": share(c["mode_right"], c["with_mode"]),
                "no_event_predicted": share(c["quiet"], c["total"]) if gold == "none" else None,
            }
            for gold, c in sorted(self.counts.items())
        }
        typed = [c for gold, c in self.counts.items() if gold != "none"]
        total = sum(c["total"] for c in typed)
        return {
            "file": str(path),
            "texts": texts,
            "among_predicted": share(sum(c["among"] for c in typed), total),
            "top": share(sum(c["top"] for c in typed), total),
            "other_types_per_text": share(sum(c["other_types"] for c in typed), total),
            "mode": share(sum(c["mode_right"] for c in typed), sum(c["with_mode"] for c in typed)),
            "per_type": per_type,
            "precision_recall": precision_recall(self.pairs),
            "confusions": [[gold, top, n] for (gold, top), n in sorted(self.confusion.items())],
        }
