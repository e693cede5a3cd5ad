"""Score event mentions of every PLOVER type against article-level event gold.

A gold line is `{"id", "events": [{"type", "modality", "source": [names], "target": [names],
"date", "city", "main", "evidence"}]}` (the shape of ../shared/eval/dev3). A gold event that
happened is found when one unused predicted mention of its article that says it happened has
its type and names a gold source as source or participant (without a source: a gold
target as target). Names match whole, on their last word, or inside a longer name, and a country also
on the name of an actor's country code, as the shared scorer does where pycountry is
importable (a test dependency; without it, names only).
Each gold event gets a verdict (found, with the target, date, city; for a miss, why:
no mention of the type, or the type with other actors), so `chronicle eval --failures`
can list them beside the article's predicted mentions. Fusion: of the gold events (type,
day, first source) that two or more articles report, the share that became exactly one
fused event. The figures follow ../shared/tools/score_events.py.
"""

from __future__ import annotations

import dataclasses
import re
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from .model import HAPPENED  # noqa: E402
CEASEFIRE_WORDS = ("ceasefire", "cease-fire", "cease fire", "truce", "armistice")
CEASEFIRE_TYPES = frozenset({"CONCEDE", "AGREE", "RETREAT"})


def _words(text: str | None) -> list[str]:
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9 ]+", " ", text).split()


def country_names(code: str | None) -> list[str]:
    """The ISO names of a 3-letter country code (name and common name), where pycountry is importable."""
    try:
        import pycountry
    except ImportError:
        return []
    country = pycountry.countries.get(alpha_3=code) if code and len(code) == 3 else None
    if country is None:
        return []
    return [country.name] + ([country.common_name] if hasattr(country, "common_name") else [])


def role_names(mention: dict, role: str) -> list[str]:
    """The names of a mention's actors in `role` (participants count in both roles), each
    followed by the names of its country code."""
    names = []
    for actor in mention.get("actors") or []:
        if actor.get("role") in (role, "participant"):
            names += [actor.get("name") or ""] + country_names(actor.get("country"))
    return names


def name_matches(gold: str, predicted: Sequence[str]) -> bool:
    """A gold name is predicted whole, by its last word, or inside a longer name (or the reverse)."""
    wanted = _words(gold)
    if not wanted:
        return False
    for name in predicted:
        words = _words(name)
        if not words:
            continue
        joined, gold_joined = " ".join(words), " ".join(wanted)
        if gold_joined == joined or wanted[-1] in words or (len(wanted) > 1 and gold_joined in joined) or joined in gold_joined:
            return True
    return False


def _types(gold: dict) -> set[str]:
    types = {gold["type"]}
    if gold["type"] in CEASEFIRE_TYPES and any(w in (gold.get("evidence") or "").lower() for w in CEASEFIRE_WORDS):
        types |= CEASEFIRE_TYPES
    return types


def _who_matches(gold: dict, mention: dict) -> bool:
    sources, targets = gold.get("source") or [], gold.get("target") or []
    if sources:
        return any(name_matches(name, role_names(mention, "source")) for name in sources)
    return bool(targets) and any(name_matches(name, role_names(mention, "target")) for name in targets)


def _target_matches(gold: dict, mention: dict) -> bool:
    targets = gold.get("target") or []
    return not targets or any(name_matches(name, role_names(mention, "target")) for name in targets)


def _date_right(gold: dict, mention: dict) -> bool | None:
    wanted = gold.get("date") if gold.get("date") and len(gold["date"]) >= 7 else None
    if not wanted:
        return None
    date, end = mention.get("date") or "", mention.get("end_date")
    if len(wanted) == 7:
        return date[:7] == wanted
    if date == wanted or (end and len(date) == 10 and date <= wanted <= end):
        return True
    return len(date) == 7 and wanted.startswith(date) and "public record" in (gold.get("date_evidence") or "")


def _city_right(gold: dict, mention: dict) -> bool | None:
    if not gold.get("city"):
        return None
    wanted, name = " ".join(_words(gold["city"])), " ".join(_words((mention.get("place") or {}).get("name")))
    return bool(name) and (wanted == name or wanted in name or name in wanted)


def brief(mention: dict) -> str:
    """One line for a predicted mention: type, modality, roles, date, place, trigger sentence start."""
    roles = "; ".join(f"{a.get('role', '?')[:3]}={a.get('name')}({a.get('country') or '-'})" for a in mention.get("actors") or [])
    place = (mention.get("place") or {}).get("name")
    text = ((mention.get("sources") or [{}])[0].get("text") or "")[:90]
    return f"{mention.get('type')}/{mention.get('modality')} [{roles}] {mention.get('date')} {place or ''} | {text}"


def _verdict(gold: dict, happened: list[dict], used: set[int]) -> dict:
    typed = [i for i, m in enumerate(happened) if m.get("type") in _types(gold)]
    fitting = [i for i in typed if i not in used and _who_matches(gold, happened[i])]
    hit = next((i for i in fitting if _date_right(gold, happened[i])), fitting[0] if fitting else None)
    verdict = {"type": gold["type"], "main": bool(gold.get("main")), "source": gold.get("source") or [],
               "target": gold.get("target") or [], "date": gold.get("date"), "city": gold.get("city"),
               "evidence": gold.get("evidence"), "found": hit is not None}
    if hit is None:
        verdict["why"] = "type with other actors" if typed else "no mention of the type"
        verdict["nearest"] = [brief(happened[i]) for i in typed[:3]]
        return verdict
    used.add(hit)
    mention = happened[hit]
    verdict.update(target_right=_target_matches(gold, mention), date_right=_date_right(gold, mention),
                   city_right=_city_right(gold, mention), mention=brief(mention))
    return verdict


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def event_score(golds: Sequence[dict], mentions_by_article: dict[str, list[dict]]) -> dict:
    """Gold events that happened against each article's predicted happened mentions (see the module doc)."""
    verdicts, predicted, matched = [], 0, 0
    for gold in golds:
        happened = [m for m in mentions_by_article.get(gold["id"], []) if m.get("modality") in HAPPENED]
        used: set[int] = set()
        for event in gold.get("events") or []:
            if event.get("modality", "reported") in HAPPENED:
                verdicts.append({"article": gold["id"], **_verdict(event, happened, used)})
        predicted += len(happened)
        matched += len(used)
    found = [v for v in verdicts if v["found"]]
    dated = [v for v in found if v["date_right"] is not None]
    placed = [v for v in found if v["city_right"] is not None]
    main = [v for v in verdicts if v["main"]]
    return {
        "gold": len(verdicts), "found": len(found), "recall": _share(len(found), len(verdicts)),
        "recall_with_target": _share(sum(v["target_right"] for v in found), len(verdicts)),
        "main_recall": _share(sum(v["found"] for v in main), len(main)),
        "date_accuracy": _share(sum(v["date_right"] for v in dated), len(dated)),
        "city_accuracy": _share(sum(v["city_right"] for v in placed), len(placed)),
        "unmatched_share": _share(predicted - matched, predicted),
        "verdicts": verdicts,
    }


def failure_lines(score: dict, mentions_by_article: dict[str, list[dict]]) -> list[str]:
    """One block per article with a failing gold event: the verdicts, then the predicted mentions."""
    lines, by_article = [], {}
    for verdict in score["verdicts"]:
        by_article.setdefault(verdict["article"], []).append(verdict)
    for article, verdicts in by_article.items():
        failing = [v for v in verdicts if not v["found"] or v["target_right"] is False or v["date_right"] is False or v["city_right"] is False]
        if not failing:
            continue
        lines.append(f"== {article}")
        for v in failing:
            mark = "MISS " + v["why"] if not v["found"] else "found " + " ".join(
                f"{k[:-6]}=no" for k in ("target_right", "date_right", "city_right") if v[k] is False)
            lines.append(f"  {'*' if v['main'] else ' '}{v['type']} {v['source']}->{v['target']} {v['date']} {v['city'] or ''}: {mark}")
            lines.append(f"      gold: {(v['evidence'] or '')[:110]}")
            if v["found"]:
                lines.append(f"      got:  {v['mention']}")
        for mention in mentions_by_article.get(article, []):
            lines.append(f"    pred {brief(mention)}")
    return lines


def is_event_gold(golds: Sequence[dict]) -> bool:
    """Whether gold lines are event gold of every type (an `events` list), not meeting gold."""
    return bool(golds) and all("events" in gold for gold in golds)


def fusion_score(golds: Sequence[dict], events: Sequence[dict]) -> dict:
    """Gold events (type, day, first source's last word) reported by two or more articles,
    and how many became exactly one fused event that happened on that day naming that source."""
    groups: dict[tuple, set[str]] = defaultdict(set)
    for gold in golds:
        for event in gold.get("events") or []:
            if event.get("modality", "reported") in HAPPENED and len(event.get("date") or "") == 10:
                first = [w[-1] for w in map(_words, (event.get("source") or [])[:1]) if w]
                groups[(event["type"], event["date"], tuple(first))].add(gold["id"])
    multi = {key: articles for key, articles in groups.items() if len(articles) > 1}
    once, missed = 0, []
    for (type_, day, source), articles in sorted(multi.items()):
        hits = [e for e in events if e.get("type") == type_ and e.get("modality") in HAPPENED and e.get("date") == day
                and (not source or any(source[0] in _words(a.get("name")) for a in e.get("actors") or []))]
        once += len(hits) == 1
        if len(hits) != 1:
            missed.append({"type": type_, "date": day, "source": list(source), "articles": sorted(articles), "events": len(hits)})
    return {"events": len(multi), "once": once, "once_share": _share(once, len(multi)), "missed": missed}


def evaluate_events(gold_path: str | Path, articles_path: str | Path, settings=None, progress=None) -> dict:
    """Ingest the articles into a temporary store and score its event mentions and fused
    events against event gold of every type."""
    from .evaluate import read_jsonl
    from .query import list_event_mentions, list_events
    from .runners.local import ingest
    from .settings import Settings
    from .store import Store

    golds = read_jsonl(gold_path)
    with tempfile.TemporaryDirectory(prefix="chronicle-eval-") as folder:
        run = dataclasses.replace(settings or Settings(), db=str(Path(folder) / "eval.duckdb"))
        ingest([str(articles_path)], run, progress=progress)
        with Store(run.db) as store:
            mentions = {gold["id"]: list_event_mentions(store, article=gold["id"]) for gold in golds}
            events = list_events(store)
    score = event_score(golds, mentions)
    score["fusion"] = fusion_score(golds, events)
    score["failures"] = failure_lines(score, mentions)
    return score
