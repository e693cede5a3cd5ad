"""Generate a synthetic news corpus (JSONL) for benchmarks, recombined from ../shared.

    python bench/generate_corpus.py --n 1000 --out bench/out/generated_1000.jsonl --seed 1

Each output line has `id`, `url`, `outlet`, `title`, `published`, `text`. An article is
built at run time from paragraphs of the real texts in ../shared (the seeds, the dev
articles and the Guardian corpus): runs of paragraphs from three to five source texts,
the people in them swapped among the names in bench/names.txt, every date expression
shifted by the same number of days, some paragraphs reordered, some page debris added,
600-1,200 words. About 10% of the articles are near-duplicates of an earlier one (a few
words changed, another id, url and outlet) and about 2% exact duplicates (same text,
another id, url and outlet). The same seed gives the same file.

Nothing from ../shared is stored in the repository: the corpus is written under
bench/out/ (git-ignored) and rebuilt when needed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from paths import HERE, SHARED  # bench/paths.py

NAMES = HERE / "names.txt"

NEAR_DUPLICATE_RATE = 0.10
EXACT_DUPLICATE_RATE = 0.02
MIN_WORDS, MAX_WORDS = 600, 1200
MAX_DAY_SHIFT = 900

OUTLETS = (
    "Northern Ledger", "The Continental", "Daily Meridian", "Capital Wire", "Harbour Herald",
    "Global Dispatch", "The Evening Courier", "Frontier Press", "World Report Online",
    "Eastern Standard", "The Observer Post", "Atlas News Agency", "Riverside Gazette",
    "The Pacific Review", "Crescent Times", "Metro International",
)
SECTIONS = ("world", "politics", "middle-east", "europe", "diplomacy", "news")
HEAD_DEBRIS = (
    "Advertisement", "Skip to main content", "Share this article", "Listen to this article",
    "Follow us on Twitter",
)
TAIL_DEBRIS = (
    "Comments are closed.",
    "Do you like the content of this article?",
    "Most Popular",
    "read more: Markets close higher as oil steadies",
    "Sign up for our daily newsletter",
    "document.getElementById(\"related\").innerHTML = cont;",
    "Reporting by staff correspondents; editing by the foreign desk",
)
FILLER_WORDS = (
    "also", "now", "then", "still", "later", "again", "already", "officially", "reportedly",
    "publicly", "firmly", "again", "formally",
)

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)
MONTH_NUMBER = {name: i for i, name in enumerate(MONTHS, 1)}
MONTH_NUMBER.update({name[:3]: i for i, name in enumerate(MONTHS, 1)})
MONTH_NUMBER["Sept"] = 9
_MONTH = r"(?P<{0}>" + "|".join(sorted(MONTH_NUMBER, key=len, reverse=True)) + r")\.?"
DATE_PATTERN = re.compile(
    r"\b(?=[JFMASOND0-9])(?:"  # a cheap first test: dates start with a month or a digit
    + "|".join(
        (
            r"(?P<mdy>" + _MONTH.format("m1") + r"\s+(?P<d1>\d{1,2}),?\s+(?P<y1>(?:19|20)\d\d))\b",
            r"(?P<dmy>(?P<d2>\d{1,2})\s+" + _MONTH.format("m2") + r",?\s+(?P<y2>(?:19|20)\d\d))\b",
            r"(?P<iso>(?P<y3>(?:19|20)\d\d)-(?P<m3>\d\d)-(?P<d3>\d\d))\b",
            r"(?P<my>" + _MONTH.format("m4") + r"\s+(?P<y4>(?:19|20)\d\d))\b",
            r"(?P<md>" + _MONTH.format("m5") + r"\s+(?P<d5>\d{1,2}))\b(?!:)",
            r"(?P<year>(?:19[6-9]\d|20[0-3]\d))\b(?![-/]\d)",
        )
    )
    + ")"
)
SENTENCE_END = re.compile(r"(?<=[.!?…”\"])\s+(?=[“\"‘A-Z0-9])")
WORD = re.compile(r"[A-Za-z][a-z]{3,}")


@dataclass(frozen=True)
class Source:
    """A real text from ../shared cut into paragraphs."""

    name: str
    paragraphs: tuple[str, ...]
    published: dt.date | None


@dataclass(frozen=True)
class Person:
    full: str
    short: tuple[str, ...]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="number of articles (default 1000)")
    parser.add_argument("--out", type=Path, required=True, help="output JSONL file")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args(argv)
    if not SHARED.is_dir():
        sys.exit(f"generate_corpus: {SHARED} not found; the generator reads the shared texts from there")
    sources = load_sources(SHARED)
    if not sources:
        sys.exit(f"generate_corpus: no texts found under {SHARED}")
    people = load_people(NAMES)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as out:
        for record in generate(args.n, args.seed, sources, people):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"wrote {args.n} articles to {args.out}", file=sys.stderr)
    return 0


# -- reading ../shared ---------------------------------------------------------------


def load_sources(shared: Path) -> list[Source]:
    """Every text in the seeds, the dev articles and the Guardian corpus, as paragraphs."""
    sources = []
    seeds = shared / "seeds" / "seeds.jsonl"
    if seeds.exists():
        sources += [_source(f"seed:{r.get('id')}", r) for r in _jsonl(seeds)]
    else:
        for path in sorted((shared / "seeds").glob("*.txt")):
            sources.append(_source(f"seed:{path.name}", {"text": path.read_text("utf-8")}))
    dev = shared / "eval" / "dev" / "articles.jsonl"
    if dev.exists():
        sources += [_source(f"dev:{r.get('id')}", r) for r in _jsonl(dev)]
    guardian = shared / "corpora" / "guardian_syria_2017_2019.jsonl"
    if guardian.exists():
        sources += [_source(f"guardian:{r.get('id')}", r) for r in _jsonl(guardian)]
    return [s for s in sources if s.paragraphs]


def _jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def _source(name: str, record: dict) -> Source:
    return Source(name, tuple(paragraphs(record.get("text") or "")), _date(record.get("published")))


def _date(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def paragraphs(text: str) -> list[str]:
    """Lines of a scraped text; a text without line breaks is cut every 2-4 sentences."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) > 1:
        return lines
    sentences = SENTENCE_END.split(text.strip())
    out, i = [], 0
    while i < len(sentences):
        size = 2 + (len(sentences[i]) % 3)  # 2-4 sentences, fixed by the text itself
        out.append(" ".join(sentences[i : i + size]))
        i += size
    return out


def load_people(path: Path) -> list[Person]:
    people = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            full, *short = (part.strip() for part in line.split("|"))
            people.append(Person(full, tuple(short)))
    return people


# -- generating ----------------------------------------------------------------------


class NameSwapper:
    """Replaces people in the names list with others from it, consistently within a text."""

    def __init__(self, people: list[Person]):
        self.people = people
        self.key_of: dict[str, int] = {}  # surface form -> index of the person
        self.is_short: dict[str, bool] = {}
        for i, person in enumerate(people):
            self.key_of.setdefault(person.full, i)
            self.is_short[person.full] = False
            for short in person.short:
                self.key_of.setdefault(short, i)
                self.is_short.setdefault(short, True)
        forms = sorted(self.key_of, key=len, reverse=True)
        self.pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, forms)) + r")(?![\w-])")

    def mapping(self, rng: random.Random) -> list[int]:
        order = list(range(len(self.people)))
        rng.shuffle(order)
        return order

    def swap(self, text: str, mapping: list[int]) -> str:
        def replace(match: re.Match) -> str:
            form = match.group(1)
            target = self.people[mapping[self.key_of[form]]]
            if self.is_short[form]:
                return target.short[0] if target.short else target.full
            return target.full

        return self.pattern.sub(replace, text)


def shift_dates(text: str, days: int) -> str:
    """Every date expression moved by `days` (a year alone by the whole years in `days`)."""
    delta = dt.timedelta(days=days)
    years = round(days / 365.25)

    def moved(year: int, month: int, day: int) -> dt.date | None:
        try:
            return dt.date(year, month, day) + delta
        except ValueError:
            return None

    def replace(m: re.Match) -> str:
        kind = m.lastgroup
        if kind == "mdy" and (d := moved(int(m["y1"]), MONTH_NUMBER[m["m1"]], int(m["d1"]))):
            return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
        if kind == "dmy" and (d := moved(int(m["y2"]), MONTH_NUMBER[m["m2"]], int(m["d2"]))):
            return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
        if kind == "iso" and (d := moved(int(m["y3"]), int(m["m3"]), int(m["d3"]))):
            return d.isoformat()
        if kind == "my":
            months = int(m["y4"]) * 12 + MONTH_NUMBER[m["m4"]] - 1 + round(days / 30.44)
            return f"{MONTHS[months % 12]} {months // 12}"
        if kind == "md" and (d := moved(2001, MONTH_NUMBER[m["m5"]], int(m["d5"]))):
            return f"{MONTHS[d.month - 1]} {d.day}"
        if kind == "year":
            return str(int(m["year"]) + years)
        return m.group(0)

    return DATE_PATTERN.sub(replace, text)


def slug(text: str, words: int = 8) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower())[:words]) or "story"


def title_of(lead: str) -> str:
    words = re.sub(r"\s+", " ", SENTENCE_END.split(lead)[0]).strip(" .").split(" ")
    return " ".join(words[:12]) + ("…" if len(words) > 12 else "")


def url_of(outlet: str, published: dt.date, title: str, number: int, rng: random.Random) -> str:
    host = slug(outlet, 4).replace("-", "")
    return (
        f"https://www.{host}.example.com/{rng.choice(SECTIONS)}/"
        f"{published:%Y/%m/%d}/{slug(title)}-{number}"
    )


def compose(rng: random.Random, sources: list[Source]) -> tuple[list[str], dt.date | None]:
    """Runs of paragraphs from 3-5 sources, up to a word budget of 600-1,200 words."""
    budget = rng.randint(MIN_WORDS, MAX_WORDS)
    picked = rng.sample(sources, k=min(len(sources), rng.randint(3, 5)))
    published = picked[0].published
    chosen: list[str] = []
    words = 0
    for turn in range(40):
        source = picked[turn % len(picked)] if turn < len(picked) else rng.choice(sources)
        share = budget // len(picked)
        start = rng.randrange(len(source.paragraphs)) if turn else 0
        taken = 0
        for paragraph in source.paragraphs[start:]:
            count = len(paragraph.split())
            if taken >= share or words >= budget or (words >= MIN_WORDS and words + count > MAX_WORDS):
                break
            chosen.append(paragraph)
            taken += count
            words += count
        if words >= budget:
            break
    if len(chosen) > 3 and rng.random() < 0.5:  # move a few paragraphs after the lead
        body = chosen[1:]
        for _ in range(rng.randint(1, 3)):
            i, j = rng.randrange(len(body)), rng.randrange(len(body))
            body[i], body[j] = body[j], body[i]
        chosen = chosen[:1] + body
    return chosen, published


def perturb(text: str, rng: random.Random) -> str:
    """A re-post: a few words changed, dropped or added."""
    parts = re.split(r"(\s+)", text)
    positions = [i for i, part in enumerate(parts) if WORD.fullmatch(part)]
    for i in rng.sample(positions, k=min(len(positions), rng.randint(3, 8))):
        action = rng.random()
        if action < 0.4:
            parts[i] = rng.choice(FILLER_WORDS)
        elif action < 0.7:
            parts[i] = f"{parts[i]} {rng.choice(FILLER_WORDS)}"
        else:
            parts[i] = ""
    return re.sub(r"  +", " ", "".join(parts))


def generate(n: int, seed: int, sources: list[Source], people: list[Person]):
    """Yield `n` article records; the same arguments give the same records."""
    rng = random.Random(seed)
    swapper = NameSwapper(people)
    made: list[dict] = []
    for number in range(1, n + 1):
        outlet = rng.choice(OUTLETS)
        roll = rng.random()
        if made and roll < EXACT_DUPLICATE_RATE + NEAR_DUPLICATE_RATE:
            original = rng.choice(made)
            exact = roll < EXACT_DUPLICATE_RATE
            text = original["text"] if exact else perturb(original["text"], rng)
            published = dt.date.fromisoformat(original["published"]) + dt.timedelta(
                days=rng.randint(0, 2)
            )
            title = original["title"]
        else:
            chosen, base = compose(rng, sources)
            days = rng.randint(-MAX_DAY_SHIFT, MAX_DAY_SHIFT)
            mapping = swapper.mapping(rng)
            chosen = [shift_dates(swapper.swap(p, mapping), days) for p in chosen]
            base = base or dt.date(2012, 1, 1) + dt.timedelta(days=rng.randrange(8 * 365))
            published = base + dt.timedelta(days=days)
            title = title_of(chosen[0])
            head = [title, ""] if rng.random() < 0.3 else []
            if rng.random() < 0.2:
                head = [rng.choice(HEAD_DEBRIS), ""] + head
            tail = rng.sample(TAIL_DEBRIS, k=rng.randint(1, 3)) if rng.random() < 0.4 else []
            text = "\n".join(head + ["\n\n".join(chosen)] + ([""] + tail if tail else []))
        record = {
            "id": f"gen{seed}-{number:06d}",
            "url": url_of(outlet, published, title, number, rng),
            "outlet": outlet,
            "title": title,
            "published": published.isoformat(),
            "text": text,
        }
        made.append(record)
        yield record


if __name__ == "__main__":
    sys.exit(main())
