"""Start-up benchmark: `chronicle ingest` of one article and `chronicle events`. Measured, not asserted.

    .venv/bin/python bench/startup_bench.py                     # this checkout, 7 runs
    .venv/bin/python bench/startup_bench.py --runs 9 --src OLD/src --src src   # A/B, interleaved

Each run ingests one article (the first line of the Guardian corpus in ../shared, or
`--article FILE`) into a fresh store with the real command (`chronicle ingest FILE --db X`),
then runs `chronicle events --db X` on that store. Both are subprocesses; for each the
wall time and the CPU time (user + sys of the process and what it waited for) are taken.
CPU time is the steadier figure on a shared machine: other work stretches wall time.

With several `--src` trees (each a directory holding the `chronicle` package, put first on
PYTHONPATH) the runs are interleaved (A, B, A, B ...) so that a change in the machine's
load falls on every tree alike. Each tree gets its own compiled cache
(CHRONICLE_CACHE_DIR under bench/out/), filled by a first, uncounted run; the `events`
output of every tree is compared with the first tree's (the same store contents give the
same listing), and a difference is reported.

Bytecode: with PYTHONDONTWRITEBYTECODE set (as on the benchmark machine), a tree whose
modules were never compiled pays for compiling them at every start; `--compile` runs
`python -m compileall -q` on every tree first, as `make venv` does.

Prints a markdown table (medians, with the min and max) and writes bench/out/startup.json.
Target (issue 16): each command under 2 s of wall time.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from paths import GUARDIAN, OUT, REPO  # bench/paths.py

TARGET_SECONDS = 2.0
COMMANDS = ("ingest", "events")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="counted runs per tree (default 7)")
    parser.add_argument("--src", action="append", help="a source tree to put first on PYTHONPATH "
                        "(repeat for an interleaved A/B; default: this checkout's src)")
    parser.add_argument("--article", help="a one-line JSONL file (default: the first Guardian article)")
    parser.add_argument("--compile", action="store_true", help="compile each tree's bytecode first")
    parser.add_argument("--json", default=str(OUT / "startup.json"), help="where to write the figures")
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    trees = [Path(s).resolve() for s in (args.src or [str(REPO / "src")])]
    article = Path(args.article) if args.article else first_article()
    if args.compile:
        for tree in trees:
            subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree)], check=True)
    figures = measure(trees, article, args.runs)
    print(table(figures))
    Path(args.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


def first_article() -> Path:
    if not GUARDIAN.exists():
        sys.exit(f"startup_bench: {GUARDIAN} not found; pass --article FILE")
    article = OUT / "startup_one.jsonl"
    with GUARDIAN.open(encoding="utf-8") as lines:
        article.write_text(next(lines), encoding="utf-8")
    return article


def chronicle_command() -> list[str]:
    """The installed entry point's interpreter, running chronicle.cli (PYTHONPATH picks the tree)."""
    return [sys.executable, "-c", "import sys; from chronicle.cli import main; sys.argv[0] = 'chronicle'; sys.exit(main())"]


def timed(command: list[str], env: dict, stdout=subprocess.DEVNULL) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (user + sys, with children) and stdout of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode:
        sys.exit(f"startup_bench: {' '.join(command[-4:])} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.stdout


def measure(trees: list[Path], article: Path, runs: int) -> dict:
    """Interleaved runs of every tree; the first run of each (it fills the cache) is not counted."""
    base = chronicle_command()
    samples = {str(t): {c: [] for c in COMMANDS} for t in trees}
    outputs: dict[str, str] = {}
    loads = []
    for attempt in range(runs + 1):
        for index, tree in enumerate(trees):
            env = {**os.environ, "PYTHONPATH": str(tree),
                   "CHRONICLE_CACHE_DIR": str(OUT / f"startup-cache-{index}")}
            db = OUT / f"startup-{index}.duckdb"
            for stale in (db, db.with_name(db.name + ".wal")):
                stale.unlink(missing_ok=True)
            ingest = timed([*base, "ingest", str(article), "--db", str(db)], env)
            events = timed([*base, "events", "--db", str(db)], env)
            outputs.setdefault(str(tree), events[2])
            if attempt:
                samples[str(tree)]["ingest"].append(ingest[:2])
                samples[str(tree)]["events"].append(events[:2])
        loads.append(os.getloadavg()[0])
        say(f"run {attempt}/{runs} done, load average {loads[-1]:.2f}")
    first = outputs[str(trees[0])]
    return {
        "runs": runs,
        "article": str(article),
        "load_average": [round(min(loads), 2), round(max(loads), 2)],
        "trees": {
            tree: {
                "events_output_same_as_first_tree": outputs[tree] == first,
                **{command: summary(pairs) for command, pairs in by_command.items()},
            }
            for tree, by_command in samples.items()
        },
    }


def summary(pairs: list[tuple[float, float]]) -> dict:
    walls = [w for w, _ in pairs]
    cpus = [c for _, c in pairs]
    return {
        "wall_median": round(statistics.median(walls), 3), "wall_min": round(min(walls), 3),
        "wall_max": round(max(walls), 3), "cpu_median": round(statistics.median(cpus), 3),
        "cpu_min": round(min(cpus), 3), "cpu_max": round(max(cpus), 3),
    }


def table(figures: dict) -> str:
    lines = [
        f"{figures['runs']} counted runs per tree, interleaved; 1-minute load average "
        f"{figures['load_average'][0]}-{figures['load_average'][1]}",
        "",
        "| tree | command | wall s median (min-max) | CPU s median (min-max) | under 2 s wall | events output |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for tree, by_command in figures["trees"].items():
        for command in COMMANDS:
            f = by_command[command]
            lines.append(
                f"| {tree} | {command} | {f['wall_median']:.2f} ({f['wall_min']:.2f}-{f['wall_max']:.2f}) "
                f"| {f['cpu_median']:.2f} ({f['cpu_min']:.2f}-{f['cpu_max']:.2f}) "
                f"| {'yes' if f['wall_median'] < TARGET_SECONDS else 'no'} "
                f"| {'same' if by_command['events_output_same_as_first_tree'] else 'DIFFERS'} |"
            )
    return "\n".join(lines)


def say(message: str) -> None:
    print(f"[startup_bench] {message}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
