"""Fusion on real pipeline output: time and memory of `fuse` on stores `chronicle ingest` made.

    .venv/bin/python bench/fusion_stores.py STORE [STORE ...]

Each store (for example the generated corpus at 1,000 and 5,000 articles, ingested with
`chronicle ingest` or brought up to date with `chronicle reprocess --all`) is copied to a
temporary file and fused in a fresh process, so each peak RSS is its own:
  1. full fusion, `fuse(store)`, as `reprocess --all` runs it;
  2. incremental fusion of the latest 1% of articles, `fuse(store, those)`, as `ingest`
     runs it after adding them (their scope: the mentions re-fused).
Growth is reported between the smallest and the largest store: time ratio against the
mention ratio (linear) and its square (quadratic). Results on stdout and in
bench/out/fusion_stores.json. Measured, not asserted.
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from paths import OUT  # bench/paths.py


def measure(path: str) -> dict:
    """Fuse one store (in this process): counts, times and peak RSS."""
    from chronicle.store.fusion import fuse
    from chronicle.store import Store

    with Store(path) as store:
        one = lambda sql: store.con.execute(sql).fetchone()[0]  # noqa: E731
        articles, mentions = one("SELECT count(*) FROM articles"), one("SELECT count(*) FROM event_mentions")
        start = time.perf_counter()
        full = fuse(store)
        full_s = time.perf_counter() - start
        full_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        latest = [
            row[0]
            for row in store.con.execute(
                "SELECT id FROM articles ORDER BY published DESC NULLS LAST, id LIMIT ?", [max(1, articles // 100)]
            ).fetchall()
        ]
        start = time.perf_counter()
        incremental = fuse(store, latest)
        incremental_s = time.perf_counter() - start
        multi = one("SELECT count(*) FROM events WHERE articles >= 2")
    return {
        "articles": articles,
        "mentions": mentions,
        "events": full.events,
        "events_2plus_articles": multi,
        "full_s": round(full_s, 3),
        "full_peak_rss_mb": round(full_rss),
        "incremental_articles": len(latest),
        "incremental_mentions": incremental.mentions,
        "incremental_s": round(incremental_s, 3),
    }


def in_child(store: str) -> dict:
    """`measure` on a temporary copy of the store, in a fresh process."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = str(Path(tmp) / "store.duckdb")
        shutil.copy(store, copy)
        done = subprocess.run(
            [sys.executable, __file__, "--child", copy], check=True, capture_output=True, text=True
        )
    return {"store": store, **json.loads(done.stdout.strip().splitlines()[-1])}


def growth(small: dict, large: dict, field: str) -> str:
    scale = large["mentions"] / small["mentions"]
    ratio = large[field] / small[field]
    exponent = math.log(ratio) / math.log(scale) if scale > 1 else float("nan")
    return f"{field}: x{ratio:.2f} for x{scale:.2f} mentions (linear x{scale:.2f}, quadratic x{scale * scale:.1f}), exponent {exponent:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stores", nargs="*")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child)))
        return
    results = [in_child(store) for store in args.stores]
    header = list(results[0])
    print("| " + " | ".join(header) + " |")
    print("|" + " --- |" * len(header))
    for row in results:
        print("| " + " | ".join(f"{row[k]:,}" if isinstance(row[k], int) else str(row[k]) for k in header) + " |")
    lines = []
    if len(results) > 1:
        small, large = min(results, key=lambda r: r["mentions"]), max(results, key=lambda r: r["mentions"])
        lines = [growth(small, large, "full_s"), growth(small, large, "incremental_s")]
        print("\n" + "\n".join(lines))
    OUT.mkdir(exist_ok=True)
    (OUT / "fusion_stores.json").write_text(json.dumps({"results": results, "growth": lines}, indent=2) + "\n")


if __name__ == "__main__":
    main()
