"""Fusion: each distinct gold meeting against the fused events that hold its reports."""

from __future__ import annotations

from collections.abc import Sequence

from ..kb import KnowledgeBase
from ..model import HAPPENED
from ..query import list_event_mentions
from ..store import Store
from .gold import identities_of


def fusion_score(store: Store, golds: Sequence[dict], kb: KnowledgeBase) -> dict:
    """Corpus-level fusion: each distinct gold meeting (sorted participants, date, kind)
    against the fused events holding the CONSULT mentions that report it (all its
    participants, the same channel, an overlapping date; an article's undated mentions only
    where it has no dated report of the meeting, for then they tell of another occasion):
    exactly one event, split over several, or missed; and the events that hold mentions of
    two distinct gold meetings."""
    from collections import defaultdict

    from ..query import period

    if not store.has_table("event_members"):
        return {"meetings": 0, "one": 0, "split": 0, "missed": 0, "merging_events": 0}
    events_of = {}
    for row in store.query("SELECT m.event_id, m.article, m.idx, a.article_id FROM event_members m JOIN articles a ON a.id = m.article"):
        events_of[(row["article_id"], row["idx"])] = row["event_id"]
    meetings: dict[tuple, set[str]] = {}
    gold_of_event: dict[str, set[tuple]] = defaultdict(set)
    for gold in golds:
        mentions = [e for e in list_event_mentions(store, article=gold["id"], type="CONSULT")
                    if e["modality"] in HAPPENED]
        for meeting in gold.get("meetings") or []:
            key = (tuple(sorted(meeting["participants"])), meeting["date"], meeting["kind"])
            meetings.setdefault(key, set())
            wanted = [identities_of(name, kb) for name in meeting["participants"]]
            reports = [e for e in mentions if all(w & {a["id"] for a in e["actors"]} for w in wanted)
                       and (e["mode"] == "PHONE") == (meeting["kind"] == "phone")
                       and (not (meeting["date"] and e["date"]) or _overlaps(meeting["date"], e, period))]
            if any(e["date"] for e in reports):  # a dated report of it: the article's undated ones tell of another
                reports = [e for e in reports if e["date"]]
            for e in reports:
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


def _overlaps(gold_date: str, mention: dict, period) -> bool:
    """Whether a dated mention's days (at its precision, with a stay's end) meet the gold date's."""
    gold_first, gold_last = period(gold_date)
    first, last = period(mention["date"][:10] if mention["date_precision"] in ("day", "reported") else mention["date"])
    if mention["date_precision"] in ("day", "week", "reported") and len(mention.get("end_date") or "") == 10:
        last = max(last, period(mention["end_date"])[1])
    return not (first > gold_last or gold_first > last)
