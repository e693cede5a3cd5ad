"""Spark benchmark: `chronicle run` on Spark (local[1], local[2]) against the local engine
(1 and 2 workers), on generated articles. Measured, not asserted.

    .venv/bin/python bench/spark_bench.py                    # 500, 1,000 and 2,000 articles
    .venv/bin/python bench/spark_bench.py --sizes 100 200    # a quick check

For each size N it takes the first N articles of bench/out/generated_2000_s1.jsonl (made
by bench/generate_corpus.py if absent) and runs, each in a subprocess on a fresh output
directory, the real CLI:

    chronicle run --engine local --workers W FILE --out DIR        W = 1, 2
    chronicle run --engine spark --master local[C] FILE --out DIR  C = 1, 2

It reports wall time, throughput (articles added per second, whole run: start-up,
reading, annotation, deduplication, fusion, commit), and the peak RSS of the driver,
polled every 0.1 s over the process tree: for Spark the Python driver and its JVM (a
child of it), and separately the whole tree including the Python workers the JVM starts;
for the local engine the process and its worker processes. Growth: time at the largest
size over time at the smallest, against the ratio of the sizes.

Results: a markdown table on stdout and in bench/out/spark_bench.md, JSON in
bench/out/spark_bench.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import psutil

from chronicle.store import Store

from paths import HERE, OUT, REPO  # bench/paths.py
from process_tree import watch

POLL_SECONDS = 0.1
SOURCE_SIZE = 2000
SEED = 1
CONFIGS = (("local", 1), ("local", 2), ("spark", 1), ("spark", 2))
SPARK_WORKER_MARKS = ("pyspark.daemon", "pyspark.worker")

sys.path.insert(0, str(HERE))
from ingest_bench import generated  # noqa: E402 - a sibling script: the generated corpora


@dataclass
class Result:
    engine: str
    parallelism: int  # local: worker processes; spark: local[C] cores
    articles: int  # input articles
    added: int  # articles the run added
    seconds: float
    articles_per_second: float
    peak_driver_mb: float  # local: the whole tree; spark: the Python driver and its JVM
    peak_tree_mb: float  # every process of the run
    exit_code: int


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def first_articles(size: int) -> Path:
    """bench/out/spark_input_SIZE.jsonl: the first `size` lines of the source corpus."""
    path = OUT / f"spark_input_{size}.jsonl"
    lines = [line for line in generated(SOURCE_SIZE, SEED).read_text(encoding="utf-8").splitlines() if line.strip()]
    if size > len(lines):
        sys.exit(f"spark_bench: at most {len(lines)} articles (asked for {size})")
    path.write_text("\n".join(lines[:size]) + "\n", encoding="utf-8")
    return path


def find_chronicle() -> str:
    local = REPO / ".venv" / "bin" / "chronicle"
    found = str(local) if local.exists() else shutil.which("chronicle")
    if not found:
        sys.exit("spark_bench: the chronicle command is not installed")
    return found


def measure(command: list[str], log: Path, env: dict) -> tuple[float, float, float, int]:
    """Run `command`; (seconds, peak driver MB, peak tree MB, exit code)."""
    with log.open("w", encoding="utf-8") as err:
        started = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err, cwd=REPO, env=env)
        peaks = {"driver": 0, "tree": 0}

        def sample(processes: list[tuple[psutil.Process, int]]) -> None:
            driver = tree = 0
            for process, rss in processes:
                try:
                    worker = any(mark in " ".join(process.cmdline()) for mark in SPARK_WORKER_MARKS)
                except (psutil.NoSuchProcess, psutil.AccessDenied):
                    continue
                tree += rss
                driver += 0 if worker else rss
            peaks["driver"], peaks["tree"] = max(peaks["driver"], driver), max(peaks["tree"], tree)

        watch(child, sample, POLL_SECONDS)
        seconds = time.perf_counter() - started
    mb = 1024 * 1024
    return seconds, peaks["driver"] / mb, peaks["tree"] / mb, child.returncode


def added_articles(out: Path) -> int:
    with Store(str(out), read_only=True) as store:
        return store.query("SELECT count(*) AS n FROM articles")[0]["n"]


def bench_one(chronicle: str, engine: str, parallelism: int, path: Path, size: int) -> Result:
    out = OUT / f"spark-bench-{engine}-{parallelism}-{size}"
    shutil.rmtree(out, ignore_errors=True)
    command = [chronicle, "run", "--engine", engine, str(path), "--out", str(out)]
    command += ["--workers", str(parallelism)] if engine == "local" else ["--master", f"local[{parallelism}]"]
    env = {**os.environ, "SPARK_LOCAL_IP": os.environ.get("SPARK_LOCAL_IP", "127.0.0.1")}
    say(f"{engine} x{parallelism}, {size} articles: {' '.join(command)}")
    seconds, driver, tree, code = measure(command, OUT / f"spark-bench-{engine}-{parallelism}-{size}.log", env)
    added = added_articles(out) if code == 0 else 0
    result = Result(engine, parallelism, size, added, round(seconds, 1), round(added / seconds, 2), round(driver), round(tree), code)
    say(f"  {result}")
    shutil.rmtree(out, ignore_errors=True)
    return result


def growth(results: list[Result]) -> list[dict]:
    """Per configuration: time at the largest size over time at the smallest."""
    rows = []
    for engine, parallelism in CONFIGS:
        runs = sorted((r for r in results if (r.engine, r.parallelism) == (engine, parallelism) and r.exit_code == 0), key=lambda r: r.articles)
        if len(runs) >= 2:
            small, large = runs[0], runs[-1]
            rows.append(
                {
                    "engine": engine,
                    "parallelism": parallelism,
                    "from": small.articles,
                    "to": large.articles,
                    "size_ratio": round(large.articles / small.articles, 2),
                    "time_ratio": round(large.seconds / small.seconds, 2),
                    "driver_mb_ratio": round(large.peak_driver_mb / small.peak_driver_mb, 2) if small.peak_driver_mb else None,
                }
            )
    return rows


def markdown(results: list[Result], grown: list[dict], machine: dict) -> str:
    lines = [
        f"# chronicle run: Spark against the local engine ({machine['date']}, {machine['cpus']} CPUs, {machine['python']})",
        "",
        "| engine | parallelism | articles | added | seconds | articles/s | peak driver MB | peak tree MB |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        name = f"local[{r.parallelism}]" if r.engine == "spark" else f"{r.parallelism} worker(s)"
        lines.append(f"| {r.engine} | {name} | {r.articles} | {r.added} | {r.seconds} | {r.articles_per_second} | {r.peak_driver_mb} | {r.peak_tree_mb} |")
    if grown:
        lines += ["", "| engine | parallelism | articles | size ratio | time ratio | driver memory ratio |", "|---|---|---|---|---|---|"]
        for g in grown:
            lines.append(f"| {g['engine']} | {g['parallelism']} | {g['from']} → {g['to']} | {g['size_ratio']} | {g['time_ratio']} | {g['driver_mb_ratio']} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 1000, 2000], help="numbers of articles (default 500 1000 2000)")
    parser.add_argument("--configs", nargs="+", default=[f"{e}:{p}" for e, p in CONFIGS], help="engine:parallelism pairs (default all four)")
    args = parser.parse_args(argv)
    OUT.mkdir(exist_ok=True)
    chronicle = find_chronicle()
    configs = [(c.split(":")[0], int(c.split(":")[1])) for c in args.configs]
    results = []
    for size in sorted(args.sizes):
        path = first_articles(size)
        for engine, parallelism in configs:
            results.append(bench_one(chronicle, engine, parallelism, path, size))
    machine = {
        "date": dt.date.today().isoformat(),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "load_average": os.getloadavg(),
    }
    grown = growth(results)
    (OUT / "spark_bench.json").write_text(
        json.dumps({"machine": machine, "results": [asdict(r) for r in results], "growth": grown}, indent=2) + "\n", encoding="utf-8"
    )
    table = markdown(results, grown, machine)
    (OUT / "spark_bench.md").write_text(table, encoding="utf-8")
    print(table)
    return 0 if all(r.exit_code == 0 for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
