"""Ingest benchmark: chronicle end to end against spaCy's own floor. Measured, not asserted.

    .venv/bin/python bench/ingest_bench.py                 # Guardian 249, generated 1,000 and 5,000
    .venv/bin/python bench/ingest_bench.py --quick         # Guardian 249 and generated 200
    .venv/bin/python bench/ingest_bench.py --sizes 1000    # Guardian 249 and generated 1,000

For each corpus it
  (a) runs the real CLI, `chronicle ingest FILE --db bench/out/X.duckdb --workers W`, in a
      subprocess on a fresh store, and measures wall time and the peak RSS of the process
      tree (the sum over the process and its children, polled every 0.1 s);
  (b) measures the floor in a fresh subprocess: the same spaCy pipeline, loaded as
      chronicle loads it but with spaCy's own lemmatizer and attribute ruler
      (`chronicle.nlp.load_pipeline(default_model(), memos=False)`), run with
      `nlp.pipe(texts, batch_size=32)` over the clean texts read back from the store made
      in (a); model loading (imports included) and piping are timed separately; with W
      workers the floor uses `n_process=W`;
  (c) reports ratio = ingest time / (floor load + floor pipe), and the steady-state ratio
      (ingest time - floor load) / floor pipe; and the CPU ratio: CPU time (user + sys) of
      the whole ingest process tree over that of the whole floor process (both include
      Python start-up, imports and model loading). On a shared machine CPU time is the
      steadier figure: other work stretches wall time, not CPU time;
  (d) the share of sentences parsed: 1.0 unless the ingest ran with sentence gating
      (`--gate`, which sets CHRONICLE_PARSE_GATE=1): then the share the gate opens, counted
      by a child that runs the gate's cheap components over the stored texts.
Start-up is measured once per run: `chronicle ingest` of one article into a fresh store and
`chronicle events` on that store (median of 3 wall and CPU times).
Targets (reported, not enforced): ratio at most 1.25; CPU ratio at most 0.6 (issue 16);
start-up under 2 s; peak RSS at 5,000 articles within 10% of that at 1,000.

Results: a markdown table on stdout and in bench/out/results.md, JSON in
bench/out/results.json. Generated corpora are written to bench/out/ (git-ignored) by
bench/generate_corpus.py from the texts in ../shared.
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

import resource
import statistics

import psutil

from paths import GUARDIAN, HERE, OUT, REPO, SHARED  # bench/paths.py
from process_tree import watch

POLL_SECONDS = 0.1
TARGET_RATIO = 1.25
TARGET_CPU_RATIO = 0.6
TARGET_STARTUP_SECONDS = 2.0
TARGET_RSS_GROWTH = 0.10
SEED = 1

sys.path.insert(0, str(HERE))
import generate_corpus  # noqa: E402  (bench/ is not a package)


@dataclass
class Usage:
    seconds: float
    peak_rss_mb: float  # sum over the process tree, at its highest
    peak_process_rss_mb: float  # the largest single process
    returncode: int
    cpu_seconds: float = 0.0  # user + sys of the process and every descendant it waited for


@dataclass
class Run:
    corpus: str
    path: str
    documents: int  # input lines
    workers: int
    seconds: float
    articles_per_second: float
    peak_rss_mb: float
    peak_process_rss_mb: float
    stored: int  # articles in the store afterwards (exact duplicates stored once)
    floor_texts: int
    floor_load_seconds: float
    floor_pipe_seconds: float
    floor_peak_rss_mb: float
    ratio: float  # ingest / (load + pipe)
    steady_ratio: float  # (ingest - load) / pipe
    load_average: float  # 1-minute load average after the ingest run: other work skews figures
    log: str
    cpu_seconds: float = 0.0  # the ingest process tree, user + sys
    floor_cpu_seconds: float = 0.0  # the floor process tree, user + sys (load + pipe)
    cpu_ratio: float = 0.0  # cpu_seconds / floor_cpu_seconds
    share_parsed: float = 1.0  # sentences given the tagger/parser/lemmatizer
    gate: bool = False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000],
                        help="sizes of the generated corpora (default: 1000 5000)")
    parser.add_argument("--quick", action="store_true",
                        help="the Guardian corpus and 200 generated articles only")
    parser.add_argument("--seed", type=int, default=SEED, help="generator seed (default 1)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run each measurement N times and keep the fastest (default 1)")
    parser.add_argument("--workers", type=int, nargs="+", dest="worker_counts",
                        help="worker counts for every generated corpus (default: 1, and also 2 at 1,000)")
    parser.add_argument("--gate", action="store_true",
                        help="ingest with sentence gating (CHRONICLE_PARSE_GATE=1)")
    parser.add_argument("--no-guardian", action="store_true", help="generated corpora only")
    parser.add_argument("--floor-db", help=argparse.SUPPRESS)  # internal: the floor child
    parser.add_argument("--floor-processes", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--share-db", help=argparse.SUPPRESS)  # internal: the gate's share child
    args = parser.parse_args(argv)
    if args.floor_db:
        return floor_child(args.floor_db, args.floor_processes)
    if args.share_db:
        return share_child(args.share_db)
    if not SHARED.is_dir():
        sys.exit(f"ingest_bench: {SHARED} not found; the benchmark corpora are read from there")
    chronicle = find_chronicle()
    OUT.mkdir(parents=True, exist_ok=True)
    sizes = [200] if args.quick else args.sizes
    if args.gate:
        os.environ["CHRONICLE_PARSE_GATE"] = "1"  # inherited by the ingest runs only
    plan = [] if args.no_guardian else [("guardian", GUARDIAN, 1)]
    for size in sizes:
        path = generated(size, args.seed)
        for workers in args.worker_counts or ([1, 2] if size == 1000 else [1]):
            plan.append((f"generated-{size}", path, workers))
    startup = measure_startup(chronicle)
    runs = []
    floors: dict[tuple[str, int], dict] = {}
    for corpus, path, workers in plan:
        say(f"load average {os.getloadavg()[0]:.2f} (other work on the machine skews the figures)")
        runs.append(bench_one(chronicle, corpus, path, workers, floors, args.repeat, args.gate))
    write_results(runs, startup)
    return 0


# -- corpora -------------------------------------------------------------------------


def generated(size: int, seed: int) -> Path:
    """bench/out/generated_SIZE_sSEED.jsonl, generated if absent (deterministic)."""
    path = OUT / f"generated_{size}_s{seed}.jsonl"
    if not path.exists():
        say(f"generating {size} articles -> {path.relative_to(REPO)}")
        generate_corpus.main(["--n", str(size), "--out", str(path), "--seed", str(seed)])
    return path


def count_lines(path: Path) -> int:
    with path.open("rb") as lines:
        return sum(1 for line in lines if line.strip())


# -- measuring -----------------------------------------------------------------------


def find_chronicle() -> str:
    local = REPO / ".venv" / "bin" / "chronicle"
    if local.exists():
        return str(local)
    beside = Path(sys.executable).with_name("chronicle")
    found = str(beside) if beside.exists() else shutil.which("chronicle")
    if not found:
        sys.exit("ingest_bench: the chronicle command is not installed (run `make venv`)")
    return found


def measure(command: list[str], log: Path, stdout=subprocess.DEVNULL, env: dict | None = None) -> tuple[Usage, str]:
    """Run `command`, polling the RSS of its process tree; stderr goes to `log`."""
    with log.open("w", encoding="utf-8") as err:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        child = subprocess.Popen(command, stdout=stdout, stderr=err, cwd=REPO, text=True,
                                 env={**os.environ, **(env or {})})
        peaks = {"total": 0, "single": 0}

        def sample(tree: list[tuple[psutil.Process, int]]) -> None:
            peaks["total"] = max(peaks["total"], sum(rss for _, rss in tree))
            peaks["single"] = max([peaks["single"], *(rss for _, rss in tree)])

        watch(child, sample, POLL_SECONDS)
        seconds = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        output = child.stdout.read() if child.stdout else ""
    mb = 1024 * 1024
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Usage(seconds, peaks["total"] / mb, peaks["single"] / mb, child.returncode, cpu), output


def measure_startup(chronicle: str, runs: int = 3) -> dict:
    """Median wall and CPU seconds of `chronicle ingest` of one article into a fresh store,
    and of `chronicle events` on that store (the compiled cache warmed by a first run)."""
    article = OUT / "startup_one.jsonl"
    with GUARDIAN.open(encoding="utf-8") as lines:
        article.write_text(next(lines), encoding="utf-8")
    db = OUT / "startup.duckdb"
    figures: dict[str, list[tuple[float, float]]] = {"ingest_one": [], "events": []}
    for attempt in range(runs + 1):
        for stale in (db, db.with_name(db.name + ".wal")):
            stale.unlink(missing_ok=True)
        usage, _ = measure([chronicle, "ingest", str(article), "--db", str(db)], OUT / "startup.log")
        events, _ = measure([chronicle, "events", "--db", str(db)], OUT / "startup-events.log")
        if attempt:  # the first run may build the compiled cache
            figures["ingest_one"].append((usage.seconds, usage.cpu_seconds))
            figures["events"].append((events.seconds, events.cpu_seconds))
    result = {
        name: {"wall": round(statistics.median(w for w, _ in pairs), 2),
               "cpu": round(statistics.median(c for _, c in pairs), 2)}
        for name, pairs in figures.items()
    }
    say(f"start-up: ingest of one article {result['ingest_one']}, events {result['events']}")
    return result


def bench_one(
    chronicle: str, corpus: str, path: Path, workers: int, floors: dict, repeat: int = 1, gate: bool = False
) -> Run:
    documents = count_lines(path)
    db = OUT / f"{corpus}-w{workers}.duckdb"
    log = OUT / f"{corpus}-w{workers}.log"
    command = [chronicle, "ingest", str(path), "--db", str(db), "--workers", str(workers)]
    usage = None
    for attempt in range(repeat):
        for stale in (db, db.with_name(db.name + ".wal")):
            stale.unlink(missing_ok=True)
        say(f"{corpus}: chronicle ingest {documents} documents, {workers} worker(s)"
            + (f", run {attempt + 1} of {repeat}" if repeat > 1 else ""))
        this, _ = measure(command, log)
        if this.returncode != 0:
            sys.exit(f"ingest_bench: `{' '.join(command)}` exited {this.returncode}; see {log}")
        say(f"  {this.seconds:.1f}s ({this.cpu_seconds:.1f}s CPU), {documents / this.seconds:.1f} articles/s, "
            f"peak RSS {this.peak_rss_mb:.0f} MB")
        usage = this if usage is None or this.seconds < usage.seconds else usage
    load_average = round(os.getloadavg()[0], 2)
    stored = count_articles(db)
    key = (corpus, workers)
    if key not in floors:
        tries = [floor(db, corpus, workers) for _ in range(repeat)]
        floors[key] = min(tries, key=lambda t: t["load_seconds"] + t["pipe_seconds"])
    fl = floors[key]
    spacy_total = fl["load_seconds"] + fl["pipe_seconds"]
    share = gate_share(db, corpus) if gate else 1.0
    return Run(
        corpus=corpus,
        path=str(path),
        documents=documents,
        workers=workers,
        seconds=round(usage.seconds, 2),
        articles_per_second=round(documents / usage.seconds, 2),
        peak_rss_mb=round(usage.peak_rss_mb, 1),
        peak_process_rss_mb=round(usage.peak_process_rss_mb, 1),
        stored=stored,
        floor_texts=fl["texts"],
        floor_load_seconds=round(fl["load_seconds"], 2),
        floor_pipe_seconds=round(fl["pipe_seconds"], 2),
        floor_peak_rss_mb=round(fl["peak_rss_mb"], 1),
        ratio=round(usage.seconds / spacy_total, 3),
        steady_ratio=round((usage.seconds - fl["load_seconds"]) / fl["pipe_seconds"], 3),
        load_average=load_average,
        log=str(log.relative_to(REPO)),
        cpu_seconds=round(usage.cpu_seconds, 2),
        floor_cpu_seconds=round(fl["cpu_seconds"], 2),
        cpu_ratio=round(usage.cpu_seconds / fl["cpu_seconds"], 3),
        share_parsed=round(share, 3),
        gate=gate,
    )


def count_articles(db: Path) -> int:
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT count(*) FROM articles").fetchone()[0]


def floor(db: Path, corpus: str, processes: int) -> dict:
    """spaCy alone on the stored clean texts, in a fresh process."""
    say(f"  floor: nlp.pipe over the clean texts, n_process={processes}")
    log = OUT / f"{corpus}-floor-p{processes}.log"
    command = [sys.executable, str(Path(__file__).resolve()), "--floor-db", str(db),
               "--floor-processes", str(processes)]
    usage, output = measure(command, log, stdout=subprocess.PIPE, env={"CHRONICLE_PARSE_GATE": "0"})
    if usage.returncode != 0:
        sys.exit(f"ingest_bench: the floor run exited {usage.returncode}; see {log}")
    result = json.loads(output.strip().splitlines()[-1])
    result["load_average"] = round(os.getloadavg()[0], 2)
    result["peak_rss_mb"] = usage.peak_rss_mb
    result["cpu_seconds"] = usage.cpu_seconds
    say(f"  floor: load {result['load_seconds']:.1f}s + pipe {result['pipe_seconds']:.1f}s "
        f"({result['texts']} texts, {usage.cpu_seconds:.1f}s CPU), peak RSS {usage.peak_rss_mb:.0f} MB")
    return result


def gate_share(db: Path, corpus: str) -> float:
    """The share of the stored texts' sentences that sentence gating parses (a child process)."""
    command = [sys.executable, str(Path(__file__).resolve()), "--share-db", str(db)]
    usage, output = measure(command, OUT / f"{corpus}-share.log", stdout=subprocess.PIPE)
    if usage.returncode != 0:
        sys.exit(f"ingest_bench: the share run exited {usage.returncode}; see {OUT / f'{corpus}-share.log'}")
    share = json.loads(output.strip().splitlines()[-1])["share"]
    say(f"  gate: {share:.1%} of sentences parsed")
    return share


def share_child(db: str) -> int:
    """Child process: the gate's cheap components and test over the stored texts."""
    import duckdb

    from chronicle.gate import load_parse_gate, parse_gated
    from chronicle.pipeline import load_resources
    from chronicle.settings import Settings

    res = load_resources(Settings(db=db))
    gate = load_parse_gate(res.nlp, res.data.events, res.data.quotes, res.data.claims)
    with duckdb.connect(db, read_only=True) as con:
        texts = [row[0] for row in con.execute("SELECT clean_text FROM articles").fetchall()]
    parsed = total = 0
    for doc in parse_gated(res.nlp, texts, gate):
        done, sentences = doc.user_data["chronicle_parsed"]
        parsed += done
        total += sentences
    print(json.dumps({"share": parsed / total if total else 1.0, "sentences": total}))
    return 0


def floor_child(db: str, processes: int) -> int:
    """Child process: load the pipeline as chronicle does, then time nlp.pipe."""
    started = time.perf_counter()
    from chronicle.nlp import load_pipeline
    from chronicle.settings import default_model

    model = default_model()
    try:  # spaCy's own lemmatizer and attribute ruler, not chronicle's memos of them (chronicle.nlp)
        nlp = load_pipeline(model, memos=False)
    except TypeError:  # a chronicle from before the memo
        nlp = load_pipeline(model)
    load_seconds = time.perf_counter() - started

    import duckdb

    with duckdb.connect(db, read_only=True) as con:
        texts = [row[0] for row in con.execute("SELECT clean_text FROM articles").fetchall()]
    started = time.perf_counter()
    if processes > 1:
        docs = list(nlp.pipe(texts, batch_size=32, n_process=processes))
    else:
        docs = list(nlp.pipe(texts, batch_size=32))
    pipe_seconds = time.perf_counter() - started
    print(json.dumps({
        "model": model,
        "components": nlp.pipe_names,
        "texts": len(docs),
        "characters": sum(len(t) for t in texts),
        "load_seconds": load_seconds,
        "pipe_seconds": pipe_seconds,
    }))
    return 0


# -- reporting -----------------------------------------------------------------------


HEADER = ("corpus", "articles", "workers", "seconds", "articles/s", "peak RSS MB",
          "spaCy floor s (load + pipe)", "ratio", "steady-state ratio", "CPU s (floor CPU s)",
          "CPU ratio", "share parsed")


def table(runs: list[Run]) -> str:
    lines = ["| " + " | ".join(HEADER) + " |", "|" + " --- |" * len(HEADER)]
    for r in runs:
        cells = (
            r.corpus, f"{r.documents} ({r.stored} stored)", str(r.workers), f"{r.seconds:.1f}",
            f"{r.articles_per_second:.1f}", f"{r.peak_rss_mb:.0f}",
            f"{r.floor_load_seconds + r.floor_pipe_seconds:.1f} "
            f"({r.floor_load_seconds:.1f} + {r.floor_pipe_seconds:.1f})",
            f"{r.ratio:.2f}", f"{r.steady_ratio:.2f}",
            f"{r.cpu_seconds:.1f} ({r.floor_cpu_seconds:.1f})", f"{r.cpu_ratio:.2f}", f"{r.share_parsed:.2f}",
        )
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def targets(runs: list[Run], startup: dict) -> list[str]:
    notes = []
    for name, label in (("ingest_one", "`chronicle ingest` of one article"), ("events", "`chronicle events`")):
        figure = startup[name]
        verdict = "meets" if figure["wall"] < TARGET_STARTUP_SECONDS else "misses"
        notes.append(f"- start-up, {label}: {figure['wall']:.2f} s wall ({figure['cpu']:.2f} s CPU), "
                     f"{verdict} the target of under {TARGET_STARTUP_SECONDS:.0f} s wall")
    for r in runs:
        verdict = "meets" if r.ratio <= TARGET_RATIO else "misses"
        cpu_verdict = "meets" if r.cpu_ratio <= TARGET_CPU_RATIO else "misses"
        notes.append(f"- {r.corpus}, {r.workers} worker(s): ratio {r.ratio:.2f} "
                     f"(steady-state {r.steady_ratio:.2f}) {verdict} the target of at most {TARGET_RATIO}; "
                     f"CPU ratio {r.cpu_ratio:.2f} {cpu_verdict} the target of at most {TARGET_CPU_RATIO}")
    single = {r.documents: r for r in runs if r.corpus.startswith("generated") and r.workers == 1}
    if 1000 in single and 5000 in single:
        growth = single[5000].peak_rss_mb / single[1000].peak_rss_mb - 1
        verdict = "meets" if growth <= TARGET_RSS_GROWTH else "misses"
        notes.append(f"- peak RSS, 5,000 vs 1,000 articles (1 worker): {single[5000].peak_rss_mb:.0f} "
                     f"vs {single[1000].peak_rss_mb:.0f} MB ({growth:+.1%}), {verdict} the target "
                     f"of at most +{TARGET_RSS_GROWTH:.0%}")
    return notes


def machine() -> dict:
    import spacy

    from chronicle import __version__
    from chronicle.settings import default_model

    return {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "memory_gb": round(psutil.virtual_memory().total / 1024**3, 1),
        "load_average_at_end": [round(x, 2) for x in os.getloadavg()],
        "platform": platform.platform(),
        "python": platform.python_version(),
        # unset with PYTHONDONTWRITEBYTECODE: chronicle's modules are then compiled at every start
        # (0.2 s of CPU) unless their bytecode was compiled at install (`make venv` does)
        "python_writes_bytecode": not sys.flags.dont_write_bytecode,
        "spacy": spacy.__version__,
        "model": default_model(),
        "chronicle": __version__,
    }


def write_results(runs: list[Run], startup: dict) -> None:
    info = machine()
    text = "\n".join([
        f"# chronicle ingest benchmark, {info['date']}",
        "",
        f"{info['cpus']} CPUs, {info['memory_gb']} GB, {info['platform']}, Python {info['python']}, "
        f"spaCy {info['spacy']} ({info['model']}), chronicle {info['chronicle']}; "
        f"load average at the end {info['load_average_at_end'][0]:.2f}",
        "",
        table(runs),
        "",
        "ratio = ingest wall time / (spaCy load + nlp.pipe); steady-state = (ingest - load) / pipe.",
        "CPU ratio = CPU time (user + sys) of the ingest process tree / that of the floor process.",
        "Peak RSS is summed over the ingest process and its worker processes.",
        f"Sentence gating: {'on' if any(r.gate for r in runs) else 'off'}.",
        "",
        *targets(runs, startup),
        "",
    ])
    print(text)
    (OUT / "results.md").write_text(text, encoding="utf-8")
    (OUT / "results.json").write_text(
        json.dumps({"machine": info, "startup": startup, "runs": [asdict(r) for r in runs]}, indent=2) + "\n",
        encoding="utf-8",
    )
    say(f"wrote {(OUT / 'results.md').relative_to(REPO)} and {(OUT / 'results.json').relative_to(REPO)}")


def say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
