"""Meetings: gold meetings (held, planned, not happened) against each article's predicted
CONSULT mentions, with one verdict per gold meeting."""

from __future__ import annotations

from collections.abc import Sequence

from ..kb import KnowledgeBase, name_key
from ..model import HAPPENED
from .dates import week_in_month
from .gold import identities_of


# gold section -> the predicted modalities that find it (dev2's gold also lists meetings
# that were cancelled, refused or only hypothetical: `not_happened`)
MEETING_SECTIONS = {"meetings": HAPPENED, "planned": ("planned",),
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
        return week_in_month(date, "week") and date[:7] == gold
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
            meetings = gold.get(section) or []
            dated_first = [_judge(m, predicted, used, events, kb, dated_only=True) for m in meetings]
            found_here = 0
            for meeting, verdict in zip(meetings, dated_first):
                verdict = verdict or _judge(meeting, predicted, used, events, kb)
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


def _judge(meeting: dict, predicted: list[dict], used: set[int], events: list[dict], kb: KnowledgeBase,
           dated_only: bool = False) -> dict | None:
    """One gold meeting against the article's predicted meetings: the one that finds it
    (marked used), whether its date and city are right; for a miss, the nearest mention.
    `dated_only` takes only a mention with the right date and gives None without one: a
    first pass over the article's gold meetings, so that a meeting listed earlier cannot take
    the mention whose date fits a later one."""
    wanted = [identities_of(name, kb) for name in meeting.get("participants") or []]
    fits = [  # a compound meeting ("A and B met C") may stand for two gold ones
        i for i, event in enumerate(predicted)
        if (i not in used or _persons(event) > 2) and all(ids & {a["id"] for a in event["actors"]} for ids in wanted)
    ]
    date, city = meeting.get("date"), meeting.get("city")
    phone = meeting.get("kind") == "phone"
    fits.sort(key=lambda i: ((predicted[i].get("mode") == "PHONE") != phone,
                             not (date and _date_right(date, predicted[i])), -predicted[i]["confidence"]))
    if dated_only:
        fits = [i for i in fits if date and _date_right(date, predicted[i])]
        if not fits:
            return None
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
