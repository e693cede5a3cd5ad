"""`chronicle eval`: run the pipeline on gold-annotated articles and score what it stored.

Scores grow with the pipeline. Now: actors — the share of gold participants (meetings
held and planned) and quote speakers whose mentions in the article resolve to the right
identity (a KB actor whose name or alias is the gold name, or the corpus actor of that
name); and publication dates where the articles file gives them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from .errors import UsageError
from .kb import KnowledgeBase, load_kb, name_key
from .query import list_event_mentions, list_quotes
from .query.sql import article_ref
from .resolve.actors import corpus_id, load_lexicon
from .runners.local import Progress, ingest
from .settings import Settings
from .store import Store


def read_jsonl(path: str | Path) -> list[dict]:
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error}") from error
    try:
        return [json.loads(line) for line in lines if line.strip()]
    except json.JSONDecodeError as error:
        raise UsageError(f"{path} is not JSONL: {error}") from error


def _gold_article_rows(store: Store, gold_id: str, select: str) -> list[dict]:
    """Rows of `select` (over `articles a`) for the article a gold line names by input id."""
    clause, params = article_ref("a", gold_id)
    return store.query(f"{select} WHERE {clause}", params)


def gold_actors(gold: dict) -> list[tuple[str, str]]:
    """(role in the gold, name) for every participant and quote speaker of one article."""
    names = []
    for section in ("meetings", "planned"):
        for meeting in gold.get(section) or []:
            names += [(section, name) for name in meeting.get("participants") or []]
    names += [("quotes", quote["speaker"]) for quote in gold.get("quotes") or [] if quote.get("speaker")]
    return names


def identities_of(name: str, kb: KnowledgeBase) -> set[str]:
    """The actor ids a gold name may be stored as."""
    ids = set(kb.names.get(name_key(name), ()))
    ids.add(corpus_id(name, "person"))
    return ids


def name_parts(name: str, kb: KnowledgeBase, family_first: frozenset[str]) -> set[str]:
    """The surnames of a gold person (KB aliases included) that a mention may use: the last
    word of each name, and the first where the family name comes first."""
    actors = [kb.actors[i] for i in kb.names.get(name_key(name), ())]
    names = [name] + [alias for actor in actors for alias in actor.aliases]
    first = any(actor.country in family_first for actor in actors)
    words = [name_key(n).split() for n in names]
    return {w[-1] for w in words if w} | ({w[0] for w in words if w} if first else set())


def actor_score(store: Store, golds: Sequence[dict], kb: KnowledgeBase) -> dict:
    """Gold participants and speakers whose mentions resolve to them, per article and overall.

    `found`: the person has at least one mention resolved to the right identity.
    `name_mentions`: of the mentions that use one of the person's names (a full name or a
    surname), the share resolved to the right identity (a mention whose words fit two gold
    persons counts for each, so a confusion costs twice).
    """
    found = total = name_total = name_right = 0
    family_first = load_lexicon().family_name_first
    misses, confusions = [], []
    for gold in golds:
        rows = _gold_article_rows(
            store, gold["id"], "SELECT m.text, m.value, m.label FROM articles a "
            "JOIN mentions m ON m.id = a.id AND m.kind = 'actor'",
        )
        resolved = {m["value"] for m in rows if m["value"]}
        mentions = [m for m in rows if m["label"] == "PERSON"]
        for role, name in dict.fromkeys(gold_actors(gold)):
            total += 1
            identities = identities_of(name, kb)
            if identities & resolved:
                found += 1
            else:
                misses.append({"article": gold["id"], "role": role, "name": name})
        people = {name: (identities_of(name, kb), name_parts(name, kb, family_first)) for _, name in gold_actors(gold)}
        for mention in mentions:
            words = set(name_key(mention["text"]).split())
            fits = [name for name, (_, parts) in people.items() if parts & words]
            if not fits:
                continue
            name_total += 1
            if any(mention["value"] in people[name][0] for name in fits):
                name_right += 1
            else:
                confusions.append({"article": gold["id"], "name": " / ".join(fits), "text": mention["text"], "resolved": mention["value"]})
    return {
        "total": total,
        "found": found,
        "accuracy": round(found / total, 4) if total else None,
        "name_mentions": {"total": name_total, "correct": name_right, "accuracy": round(name_right / name_total, 4) if name_total else None},
        "misses": misses,
        "confusions": confusions,
    }


def meeting_date_score(store: Store, golds: Sequence[dict]) -> dict:
    """Dated gold meetings (held and planned) whose date the article's resolved times
    give at the gold precision ("2013-05-14" day, "2013-05" month; a finer value inside
    the gold month counts for it). Until events attach a
    time to each meeting this is the ceiling of event-date accuracy; `with_published`
    also accepts the publication date, the fallback for a meeting with no time words."""
    total = found = with_published = 0
    misses = []
    for gold in golds:
        rows = _gold_article_rows(
            store, gold["id"], "SELECT m.value, m.precision, a.published FROM articles a "
            "LEFT JOIN mentions m ON m.id = a.id AND m.kind = 'time'",
        )
        times = {(r["value"], r["precision"]) for r in rows if r["value"]}
        times |= {(value[:7], "month") for value, precision in set(times) if precision in ("day", "week") and _week_in_month(value, precision)}
        published = {str(r["published"]) for r in rows if r["published"]}
        for section in ("meetings", "planned"):
            for meeting in gold.get(section) or []:
                date = meeting.get("date")
                if not date:
                    continue
                total += 1
                precision = "day" if len(date) == 10 else "month"
                if (date, precision) in times:
                    found += 1
                    with_published += 1
                elif date in published:
                    with_published += 1
                else:
                    misses.append({"article": gold["id"], "section": section, "date": date, "participants": meeting.get("participants")})
    share = lambda n: round(n / total, 4) if total else None  # noqa: E731
    return {"total": total, "found": found, "accuracy": share(found), "with_published": with_published,
            "accuracy_with_published": share(with_published), "misses": misses}


def _week_in_month(value: str, precision: str) -> bool:
    """A day, or a week (its Monday) that ends in the same month: it gives the month."""
    first = dt.date.fromisoformat(value)
    last = first + dt.timedelta(days=6 if precision == "week" else 0)
    return (first.year, first.month) == (last.year, last.month)


def date_score(store: Store, articles: Sequence[dict]) -> dict:
    """Publication dates against the articles file's own `published` (where it gives one)."""
    stored = {
        row["alias"]: (str(row["published"]) if row["published"] else None)
        for row in store.query("SELECT l.alias, a.published FROM article_aliases l JOIN articles a USING (id)")
    }
    known = [a for a in articles if a.get("published") and a.get("id") in stored]
    right = sum(1 for a in known if stored[a["id"]] == a["published"])
    return {"total": len(known), "correct": right, "accuracy": round(right / len(known), 4) if known else None}


def fusion_score(store: Store, golds: Sequence[dict], kb: KnowledgeBase) -> dict:
    """Corpus-level fusion: each distinct gold meeting (sorted participants, date, kind)
    against the fused events holding the CONSULT mentions that report it (all its
    participants, the same channel, an overlapping date): exactly one event, split over
    several, or missed; and the events that hold mentions of two distinct gold meetings."""
    from collections import defaultdict

    from .query import period

    if not store.has_table("event_members"):
        return {"meetings": 0, "one": 0, "split": 0, "missed": 0, "merging_events": 0}
    events_of = {}
    for row in store.query("SELECT m.event_id, m.article, m.idx, a.article_id FROM event_members m JOIN articles a ON a.id = m.article"):
        events_of[(row["article_id"], row["idx"])] = row["event_id"]
    meetings: dict[tuple, set[str]] = {}
    gold_of_event: dict[str, set[tuple]] = defaultdict(set)
    for gold in golds:
        mentions = [e for e in list_event_mentions(store, article=gold["id"], type="CONSULT")
                    if e["modality"] in ("reported", "historical")]
        for meeting in gold.get("meetings") or []:
            key = (tuple(sorted(meeting["participants"])), meeting["date"], meeting["kind"])
            meetings.setdefault(key, set())
            wanted = [identities_of(name, kb) for name in meeting["participants"]]
            for e in mentions:
                ids = {a["id"] for a in e["actors"]}
                if not all(w & ids for w in wanted) or (e["mode"] == "PHONE") != (meeting["kind"] == "phone"):
                    continue
                if meeting["date"] and e["date"]:
                    gold_first, gold_last = period(meeting["date"])
                    first, last = period(e["date"][:10] if e["date_precision"] in ("day", "reported") else e["date"])
                    if e["date_precision"] in ("day", "week", "reported") and len(e.get("end_date") or "") == 10:
                        last = max(last, period(e["end_date"])[1])
                    if first > gold_last or gold_first > last:
                        continue
                event = events_of.get((e["article_id"], int(e["id"].rsplit(":e", 1)[1])))
                if event is not None:
                    meetings[key].add(event)
                    gold_of_event[event].add(key)
    outcome = {"meetings": len(meetings), "one": 0, "split": 0, "missed": 0}
    details: dict[str, list] = {"split": [], "missed": []}
    for key, events in meetings.items():
        kind = "missed" if not events else "one" if len(events) == 1 else "split"
        outcome[kind] += 1
        if kind in details:
            details[kind].append({"participants": list(key[0]), "date": key[1], "kind": key[2], "events": sorted(events)})
    merging = [{"event": event, "meetings": [{"participants": list(k[0]), "date": k[1]} for k in sorted(keys, key=str)]}
               for event, keys in gold_of_event.items() if len(keys) > 1]
    share = lambda n: round(n / outcome["meetings"], 4) if outcome["meetings"] else None  # noqa: E731
    return {**outcome, "one_share": share(outcome["one"]), "merging_events": len(merging),
            "splits": details["split"], "misses": details["missed"], "merges": merging}


def evaluate(
    gold_path: str | Path,
    articles_path: str | Path,
    settings: Settings | None = None,
    progress: Progress | None = None,
) -> dict:
    """Ingest the articles into a temporary store and score it against the gold."""
    golds = read_jsonl(gold_path)
    articles = read_jsonl(articles_path)
    with tempfile.TemporaryDirectory(prefix="chronicle-eval-") as folder:
        run = dataclasses.replace(settings or Settings(), db=str(Path(folder) / "eval.duckdb"))
        report = ingest([str(articles_path)], run, progress=progress)
        with Store(run.db) as store:
            kb = load_kb([])
            return {
                "gold": str(gold_path),
                "articles": str(articles_path),
                "ingested": report.stored + report.already_stored,
                "actors": actor_score(store, golds, kb),
                "published": date_score(store, articles),
                "meeting_dates": meeting_date_score(store, golds),
                "events": meeting_score(golds, {g["id"]: list_event_mentions(store, article=g["id"]) for g in golds}, kb),
                "fusion": fusion_score(store, golds, kb),
                "quotes": quote_score(golds, {g["id"]: list_quotes(store, article=g["id"], kb=kb) for g in golds}, kb),
            }


# ----------------------------------------------------------------------------- meetings

# gold section -> the predicted modalities that find it (dev2's gold also lists meetings
# that were cancelled, refused or only hypothetical: `not_happened`)
MEETING_SECTIONS = {"meetings": ("reported", "historical"), "planned": ("planned",),
                    "not_happened": ("negated", "hypothetical")}


def _meeting_candidates(events: Sequence[dict], modalities: Sequence[str]) -> list[dict]:
    """Predicted meetings: CONSULT mentions of that modality between two or more persons."""
    return [
        e for e in events
        if e["type"] == "CONSULT" and e["modality"] in modalities
        and _persons(e) >= 2
    ]


def _persons(event: dict) -> int:
    return len({a["id"] for a in event["actors"] if a["kind"] == "person"})


def _date_right(gold: str, event: dict) -> bool:
    """The predicted date at the gold's precision: the same day, or a range of days or a week
    that holds it ("on Friday or the day before", "two weeks ago", news of the publication day
    or the day before); for a gold month, the month or a day or week inside it."""
    date, precision, end = event.get("date") or "", event.get("date_precision"), event.get("end_date") or ""
    if len(gold) == 10:  # the publication date stands for an event the text does not date
        in_range = precision in ("day", "week", "reported") and len(date) == len(end) == 10 and date <= gold <= end
        return date == gold and precision in ("day", "reported") or in_range
    if precision == "week":
        return _week_in_month(date, "week") and date[:7] == gold
    return date[:7] == gold and precision in ("day", "month")


def _city_right(gold: str, event: dict) -> bool:
    place = event.get("place") or {}
    predicted, wanted = name_key(place.get("name") or ""), name_key(gold)
    return bool(predicted) and (predicted == wanted or predicted.startswith(wanted + " "))  # "New York City"


def meeting_score(golds: Sequence[dict], events_by_article: dict[str, list[dict]], kb: KnowledgeBase) -> dict:
    """Gold meetings (held, planned, and not happened) against the predicted CONSULT
    mentions of each article: a gold meeting is found when one predicted meeting names all
    its participants (one predicted meeting per gold meeting, the one with the right date
    first); precision is the share of predicted meetings that found a gold one. Date and
    city accuracy are over the found meetings whose gold gives a date or a city
    (`date_accuracy_by_text` leaves out gold dates that rest on the public record, not on
    the text; a day the text does not give but the publication date does counts, and
    `date_from_publication` says how many); participant precision is the share of persons
    named in the found meetings who are gold participants. `verdicts` holds one line per
    gold meeting: found, date and city right, and the predicted mention that found it or,
    for a miss, the nearest one."""
    report = {}
    for section, modalities in MEETING_SECTIONS.items():
        verdicts, articles, extra = [], [], []
        predicted_total = matched_total = 0
        for gold in golds:
            events = events_by_article.get(gold["id"], [])
            predicted = _meeting_candidates(events, modalities)
            used: set[int] = set()
            found_here = 0
            for meeting in gold.get(section) or []:
                verdict = _judge(meeting, predicted, used, events, kb)
                verdicts.append({"article": gold["id"], "section": section, **verdict})
                found_here += verdict["found"]
            extra += [{"article": gold["id"], "actors": [a["name"] for a in e["actors"]], "date": e.get("date")}
                      for i, e in enumerate(predicted) if i not in used]
            predicted_total += len(predicted)
            matched_total += len(used)
            articles.append({"article": gold["id"], "gold": len(gold.get(section) or []), "found": found_here,
                             "predicted": len(predicted), "matched": len(used)})
        report[section] = {**_meeting_totals(verdicts, predicted_total, matched_total),
                           "per_article": articles, "misses": _misses(verdicts), "unmatched": extra, "verdicts": verdicts}
    return report


def _judge(meeting: dict, predicted: list[dict], used: set[int], events: list[dict], kb: KnowledgeBase) -> dict:
    """One gold meeting against the article's predicted meetings: the one that finds it
    (marked used), whether its date and city are right; for a miss, the nearest mention."""
    wanted = [identities_of(name, kb) for name in meeting.get("participants") or []]
    fits = [  # a compound meeting ("A and B met C") may stand for two gold ones
        i for i, event in enumerate(predicted)
        if (i not in used or _persons(event) > 2) and all(ids & {a["id"] for a in event["actors"]} for ids in wanted)
    ]
    date, city = meeting.get("date"), meeting.get("city")
    phone = meeting.get("kind") == "phone"
    fits.sort(key=lambda i: ((predicted[i].get("mode") == "PHONE") != phone,
                             not (date and _date_right(date, predicted[i])), -predicted[i]["confidence"]))
    verdict = {"participants": meeting.get("participants"), "date": date, "city": city,
               "by_text": "public record" not in (meeting.get("date_evidence") or ""),
               "found": bool(fits), "date_right": None, "city_right": None, "persons": 0, "persons_gold": 0}
    if not fits:
        return {**verdict, "nearest": _nearest(wanted, date, events)}
    event = predicted[fits[0]]
    used.add(fits[0])
    gold_ids = set().union(*wanted) if wanted else set()
    persons = {a["id"] for a in event["actors"] if a["kind"] == "person"}
    return {
        **verdict, "predicted": _brief(event),
        "date_right": _date_right(date, event) if date else None,
        "from_publication": bool(date) and _date_right(date, event) and event.get("date_precision") == "reported",
        "city_right": _city_right(city, event) if city else None,
        "persons": len(persons), "persons_gold": len(persons & gold_ids),
    }


def _nearest(wanted: list[set[str]], date: str | None, events: list[dict]) -> dict | None:
    """The article's mention closest to a missed gold meeting: most gold participants
    named, a CONSULT first, then one in the gold's month, then the most confident."""
    def closeness(event: dict) -> tuple[int, bool, bool, float]:
        ids = {a["id"] for a in event["actors"]}
        in_month = bool(date and (event.get("date") or "")[:7] == date[:7])
        return sum(bool(w & ids) for w in wanted), event["type"] == "CONSULT", in_month, event["confidence"]

    best = max(events, key=closeness, default=None)
    return _brief(best) if best is not None and (closeness(best)[0] or best["type"] == "CONSULT") else None


def _brief(event: dict) -> dict:
    """A predicted mention in a few fields: enough to see why it is (not) the gold one."""
    source = (event.get("sources") or [{}])[0]
    return {
        "id": event["id"], "type": event["type"], "mode": event.get("mode"), "modality": event["modality"],
        "actors": [a["name"] for a in event["actors"]], "date": event.get("date"), "end_date": event.get("end_date"),
        "date_precision": event.get("date_precision"), "date_expression": event.get("date_expression"),
        "place": (event.get("place") or {}).get("name"), "trigger": event.get("trigger"),
        "evidence": " ".join((source.get("text") or "").split())[:160],
    }


def _meeting_totals(verdicts: list[dict], predicted: int, matched: int) -> dict:
    """The section's counts and shares from its verdicts."""
    found = [v for v in verdicts if v["found"]]
    dated = [v for v in found if v["date"]]
    by_text = [v for v in dated if v["by_text"]]
    placed = [v for v in found if v["city"]]
    totals = {
        "gold": len(verdicts), "predicted": predicted, "found": len(found), "matched": matched,
        "dated": len(dated), "date_right": sum(v["date_right"] for v in dated),
        "date_from_publication": sum(v["from_publication"] for v in dated),
        "dated_by_text": len(by_text), "date_right_by_text": sum(v["date_right"] for v in by_text),
        "with_city": len(placed), "city_right": sum(v["city_right"] for v in placed),
        "persons": sum(v["persons"] for v in found), "persons_gold": sum(v["persons_gold"] for v in found),
    }
    share = lambda a, b: round(a / b, 4) if b else None  # noqa: E731
    return {
        **totals,
        "recall": share(totals["found"], totals["gold"]),
        "precision": share(matched, predicted),
        "date_accuracy": share(totals["date_right"], totals["dated"]),
        "date_accuracy_by_text": share(totals["date_right_by_text"], totals["dated_by_text"]),
        "city_accuracy": share(totals["city_right"], totals["with_city"]),
        "participant_precision": share(totals["persons_gold"], totals["persons"]),
    }


def _misses(verdicts: list[dict]) -> list[dict]:
    """Gold meetings not found, or found with a wrong date or city."""
    misses = []
    for v in verdicts:
        head = {"article": v["article"], "participants": v["participants"], "date": v["date"]}
        if not v["found"]:
            misses.append(head)
            continue
        if v["date_right"] is False:
            misses.append({**head, "predicted_date": v["predicted"]["date"], "precision": v["predicted"]["date_precision"]})
        if v["city_right"] is False:
            misses.append({**head, "city": v["city"], "predicted_place": v["predicted"]["place"]})
    return misses


# ----------------------------------------------------------------------------- typing


def _typing_items(path: str | Path, limit: int | None) -> list[dict]:
    """Labelled texts: sentences ({"text", "type", "mode"}, or plover_dev's {"text", "types"
    main first, "modality"}) or documents ({"title", "text", "event", "mode"}); the label is
    None for a text that reports no event. `accepted`: the types that count as the main one
    (a planned or hypothetical AGREE/CONCEDE with a second type: either), `types`: every gold type."""
    from .models.scoring import accepted

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
    from collections import Counter, defaultdict

    from .pipeline import annotate, load_resources, load_text_resources, prepare, to_annotate
    from .model import Article, Document

    items = _typing_items(path, limit)
    resources = load_resources(settings or Settings())
    text = load_text_resources()
    counts: dict[str, Counter] = defaultdict(Counter)
    pairs: list[tuple[str | None, set[str], str | None]] = []  # (gold main type, accepted, top predicted)
    confusion: Counter = Counter()  # (gold main type or "none", top predicted type or "none")
    today = dt.date.today()
    batch_size = 32
    for first in range(0, len(items), batch_size):
        batch = items[first : first + batch_size]
        articles = [prepare(Document(source=f"{path}:{first + i + 1}", format="text", text=item["text"]), text, today)
                    for i, item in enumerate(batch)]
        ready = [a for a in articles if isinstance(a, Article)]
        annotations = {a.article_id: a for a in annotate([to_annotate(a) for a in ready], resources)}
        for item, article in zip(batch, articles):
            mentions = annotations[article.id].event_mentions if isinstance(article, Article) else ()
            scores: dict[str, float] = defaultdict(float)
            for mention in mentions:
                if item["document"]:  # a document's type: the most and surest evidence
                    scores[mention.type] += mention.confidence
                else:
                    scores[mention.type] = max(scores[mention.type], mention.confidence)
            gold = item["type"] or "none"
            top = max(scores, key=scores.get) if scores else None
            pairs.append((item["type"], item["accepted"], top))
            confusion[(gold, top or "none")] += 1
            tally = counts[gold]
            tally["total"] += 1
            if gold == "none":
                tally["quiet"] += not scores
                tally["other_types"] += len(scores)
                continue
            tally["among"] += bool(item["accepted"] & set(scores))
            tally["top"] += top in item["accepted"]
            tally["other_types"] += len(set(scores) - item["types"])
            if item.get("mode"):
                tally["with_mode"] += 1
                best = max((m for m in mentions if m.type == gold), key=lambda m: m.confidence, default=None)
                tally["mode_right"] += best is not None and best.mode == item["mode"]
        if progress is not None:
            progress(len(batch))
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
        for gold, c in sorted(counts.items())
    }
    typed = [c for gold, c in counts.items() if gold != "none"]
    total = sum(c["total"] for c in typed)
    return {
        "file": str(path),
        "texts": len(items),
        "among_predicted": share(sum(c["among"] for c in typed), total),
        "top": share(sum(c["top"] for c in typed), total),
        "other_types_per_text": share(sum(c["other_types"] for c in typed), total),
        "mode": share(sum(c["mode_right"] for c in typed), sum(c["with_mode"] for c in typed)),
        "per_type": per_type,
        "precision_recall": precision_recall(pairs),
        "confusions": [[gold, top, n] for (gold, top), n in sorted(confusion.items())],
    }


# ----------------------------------------------------------------------------- quotes

_QUOTE_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "`": "'"})


def quote_key(text: str) -> str:
    """A quote's text for matching: whitespace collapsed, curly marks made straight."""
    return " ".join(text.translate(_QUOTE_MARKS).split())


def _quote_matches(gold: str, text: str) -> bool:
    """The extracted text starts with the gold's first words (trailing punctuation aside)."""
    wanted, got = quote_key(gold), quote_key(text)
    return bool(wanted) and got.startswith((wanted, wanted.rstrip(".,;:!?'\" ")))


def quote_score(golds: Sequence[dict], quotes_by_article: dict[str, list[dict]], kb: KnowledgeBase) -> dict:
    """Gold quotes against the extracted ones of each article: recall (a gold quote is
    found when an extracted direct or partial quote starts with its first words), speaker
    accuracy over the found ones (the speaker is one of the gold name's identities), and
    the share of extracted direct and partial quotes that match no gold quote."""
    gold_total = found = speaker_right = extracted = unmatched_count = indirect = 0
    misses, wrong, unmatched = [], [], []
    for gold in golds:
        quotes = quotes_by_article.get(gold["id"], [])
        marked = [q for q in quotes if q["kind"] != "indirect"]
        indirect += len(quotes) - len(marked)
        extracted += len(marked)
        used: set[int] = set()
        for item in gold.get("quotes") or []:
            gold_total += 1
            fits = [i for i, q in enumerate(marked) if _quote_matches(item["starts_with"], q["text"])]
            if not fits:
                misses.append({"article": gold["id"], "speaker": item.get("speaker"), "starts_with": item["starts_with"]})
                continue
            found += 1
            identities = identities_of(item["speaker"], kb) if item.get("speaker") else set()
            right = [i for i in fits if (marked[i]["speaker"] or {}).get("id") in identities]
            used.update(fits)
            if right:
                speaker_right += 1
            else:
                speaker = marked[fits[0]]["speaker"]
                wrong.append({"article": gold["id"], "gold": item.get("speaker"), "speaker": speaker and speaker["id"],
                              "text": marked[fits[0]]["text"][:80]})
        for i, quote in enumerate(marked):
            if i not in used:
                unmatched_count += 1
                unmatched.append({"article": gold["id"], "kind": quote["kind"], "speaker": (quote["speaker"] or {}).get("id"),
                                  "text": quote["text"][:100]})
    share = lambda a, b: round(a / b, 4) if b else None  # noqa: E731
    return {
        "gold": gold_total,
        "found": found,
        "recall": share(found, gold_total),
        "speaker_right": speaker_right,
        "speaker_accuracy": share(speaker_right, found),
        "extracted": extracted,
        "indirect": indirect,
        "unmatched": unmatched_count,
        "unmatched_share": share(unmatched_count, extracted),
        "misses": misses,
        "wrong_speakers": wrong,
        "unmatched_sample": unmatched[:: max(1, len(unmatched) // 40)][:40],
    }
