"""Labelled sentences for the event-type classifier, read from the shared texts.

The repository keeps only pointers: `data/event_type_annotations.jsonl` (our own labels,
one line per sentence: `source`, article `id`, character `start`/`end` into that article's
`text`, `types` main first, `mode`, `modality`), `data/event_type_heldout.jsonl` (labels of the
same kind never trained on: a second held-out measure beside plover_dev's eval part) and
`data/plover_dev_split.json` (the ids of plover_dev's train and eval parts, split once by page). The sentences themselves stay in
`../shared` (`shared_root`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from chronicle.errors import ChronicleError

ANNOTATIONS = "event_type_annotations.jsonl"
HELD_OUT = "event_type_heldout.jsonl"
SPLIT = "plover_dev_split.json"
PLOVER_DEV = "eval/plover_dev/sentences.jsonl"
SYNTHETIC = "eval/dev/synthetic_events.jsonl"


@dataclass(frozen=True)
class Labelled:
    """One labelled sentence: its text, PLOVER types (main first; empty: no event), and where it is from."""

    key: str  # source:id:start-end, or the plover_dev id
    text: str
    types: tuple[str, ...]
    modality: str | None
    group: str  # the page or article it comes from: folds never split a group
    weak: bool = False  # a weak label (a synthetic title), not a sentence labelled by hand


def default_shared_root() -> Path:
    """`../shared` beside the repository checkout (or the working directory's parent)."""
    for base in (Path.cwd(), *Path(__file__).resolve().parents):
        candidate = base.parent / "shared"
        if (candidate / PLOVER_DEV).exists():
            return candidate
    raise ChronicleError("cannot find ../shared (the labelled sentences' texts); pass --shared")


def _package_file(name: str) -> str:
    return resources.files("chronicle.models").joinpath("data", name).read_text(encoding="utf-8")


def read_split() -> dict[str, list[str]]:
    """plover_dev's split: {"train": [ids], "eval": [ids]}."""
    split = json.loads(_package_file(SPLIT))
    return {"train": list(split["train"]), "eval": list(split["eval"])}


def _articles(path: Path) -> dict[str, str]:
    with path.open(encoding="utf-8") as lines:
        return {str(record["id"]): record["text"] for record in map(json.loads, lines)}


def annotated(shared: Path, name: str = ANNOTATIONS) -> list[Labelled]:
    """Our own labelled sentences of the package file `name`, their texts cut from the shared
    articles: the training labels by default, `HELD_OUT` for the held-out ones."""
    texts: dict[str, dict[str, str]] = {}
    out = []
    for line in _package_file(name).splitlines():
        note = json.loads(line)
        source = note["source"]
        if source not in texts:
            texts[source] = _articles(shared / source)
        text = texts[source][note["id"]][note["start"] : note["end"]]
        out.append(
            Labelled(f"{source}:{note['id']}:{note['start']}-{note['end']}", text, tuple(note["types"]),
                     note.get("modality"), f"{source}:{note['id']}")
        )
    return out


def plover_dev(shared: Path, part: str) -> list[Labelled]:
    """plover_dev's `train` or `eval` part (by the split kept in the package)."""
    ids = set(read_split()[part])
    with (shared / PLOVER_DEV).open(encoding="utf-8") as lines:
        records = [r for r in map(json.loads, lines) if r["id"] in ids]
    return [Labelled(r["id"], r["text"], tuple(r["types"]), r.get("modality"), r["url"]) for r in records]


def synthetic_titles(shared: Path, per_type: int) -> list[Labelled]:
    """Weak labels: the titles of the synthetic NGEC documents with the document's type,
    the first `per_type` of each type (they raised the classifier's top-1 on plover_dev's
    eval part from 0.34 to 0.39; see docs/events.md)."""
    taken: dict[str, int] = {}
    out = []
    with (shared / SYNTHETIC).open(encoding="utf-8") as lines:
        for record in map(json.loads, lines):
            type_ = record.get("event")
            if not type_ or not record.get("title") or taken.get(type_, 0) >= per_type:
                continue
            taken[type_] = taken.get(type_, 0) + 1
            out.append(Labelled(record["id"], record["title"], (type_,), None, record["id"], weak=True))
    return out


def wire_sentences(path: Path) -> list[Labelled]:
    """The repository's own wire-style sentences (`tests/data/event_sentences.jsonl`: one
    PLOVER type each, or none), each its own group."""
    with path.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    return [Labelled(f"wire:{r['id']}", r["text"], (r["type"],) if r.get("type") else (), None, f"wire:{r['id']}")
            for r in records]


def training_sentences(shared: Path, synthetic_per_type: int = 0, wire: Path | None = None) -> list[Labelled]:
    """Everything the classifier may learn from: our labels, plover_dev's train part, the
    wire-style sentences at `wire` if given and, if asked, synthetic titles as weak labels."""
    weak = synthetic_titles(shared, synthetic_per_type) if synthetic_per_type else []
    own = wire_sentences(wire) if wire is not None else []
    return annotated(shared) + plover_dev(shared, "train") + own + weak
