"""Claims about the record ("the 13th meeting between the two leaders since September
2015"), each beside what the store holds."""

from __future__ import annotations

import datetime as dt

from ..errors import ChronicleError
from ..kb import KnowledgeBase
from ..store import Store
from .actors import actor_ids, actor_namer, kb_of
from .filters import HAPPENED, period
from .sql import article_ref, has_rows, require_table, where_sql


def list_claims(
    store: Store,
    *,
    actor: str | None = None,
    article: str | None = None,
    kb: KnowledgeBase | None = None,
) -> list[dict]:
    """Claims about the record, each beside what the store holds: the events of the claimed
    kind between the claimed pair that happened (reported or historical) in the claimed
    period, their count and the difference (in store minus claimed).

    The record is the fused `events` table when the store has one with rows, else the event mentions,
    one meeting per distinct date (a coarser date that contains a finer one is the same
    meeting). `actor` matches an id of the pair, a part of a name, or the actor a name
    resolves to; `article` is an article_id, content id or any input id.
    """
    require_table(store, "claims", "claims")
    kb = kb if kb is not None else kb_of(store)
    clauses, params = [], []
    if article:
        clause, params = article_ref("c", article)
        clauses.append(clause)
    rows = store.query(
        f"SELECT c.*, a.article_id FROM claims c JOIN articles a USING (id) {where_sql(clauses)} "
        "ORDER BY c.until NULLS LAST, a.article_id, c.idx",
        params,
    )
    name = actor_namer(store, kb)
    wanted = set(actor_ids(store, kb, actor)) if actor else set()
    record_kind = "events" if has_rows(store, "events") else "event_mentions"
    happened: dict[str, list[dict]] = {}
    from ..extract.claims import load_claim_lexicon  # the lexicon only (spaCy is not used)

    uncounted = load_claim_lexicon().uncounted_modes  # a phone call is not a meeting
    claims = []
    for row in rows:
        pair = [name(actor_id) for actor_id in row["actors"]]
        if actor and not (wanted & set(row["actors"]) or any(actor.lower() in p["name"].lower() for p in pair)):
            continue
        if row["kind"] not in happened:
            happened[row["kind"]] = _happened(store, row["kind"], record_kind, uncounted.get(row["kind"], frozenset()))
        events = (
            _in_period(happened[row["kind"]], row["actors"], row["since"], row["until"], collapse=record_kind == "event_mentions")
            if len(row["actors"]) >= 2 and row["until"]
            else None  # a pair to count, and a date to count to
        )
        claims.append(_claim(row, pair, name, events, record_kind))
    return claims


def _claim(row: dict, pair: list[dict], name, events: list[dict] | None, record_kind: str) -> dict:
    """A stored claim row beside the events the store holds (None: nothing to count)."""
    return {
        "id": f"{row['article_id']}:c{row['idx']}",
        "article_id": row["article_id"],
        "text": row["text"],
        "claimed": row["count"],
        "in_store": len(events) if events is not None else None,
        "difference": len(events) - row["count"] if events is not None else None,
        "kind": row["kind"],
        "form": row["form"],
        "pair": pair,
        "since": row["since"],
        "until": row["until"],
        "speaker": name(row["speaker"]) if row["speaker"] else None,
        "events": events,
        "record": record_kind,
        "start": row["start"],
        "end": row["end"],
    }


def _safe_period(value: str | None) -> tuple[dt.date, dt.date] | None:
    try:
        return period(value) if value else None
    except ChronicleError:
        return None


def _happened(store: Store, kind: str, record: str, uncounted: frozenset[str]) -> list[dict]:
    """Events of a kind that happened, in a mode a count includes, as {"id", "date",
    "period", "actors"}."""
    modes = "AND (e.mode IS NULL OR e.mode NOT IN (SELECT unnest(?)))"
    params = [kind, sorted(HAPPENED), sorted(uncounted) or [""]]
    if record == "events":
        rows = store.query(
            f"SELECT e.id, e.date, e.actors FROM events e WHERE e.type = ? AND e.modality IN (SELECT unnest(?)) {modes}",
            params,
        )
    else:
        rows = store.query(
            "SELECT a.article_id || ':e' || e.idx AS id, e.date, e.actors FROM event_mentions e JOIN articles a USING (id) "
            f"WHERE e.type = ? AND e.modality IN (SELECT unnest(?)) {modes} ORDER BY a.article_id, e.idx",
            params,
        )
    found = [{"id": r["id"], "date": r["date"], "actors": {a["id"] for a in r["actors"]}} for r in rows]
    for event in found:
        event["period"] = _safe_period(event["date"])
    return [event for event in found if event["period"] is not None]


def _in_period(happened: list[dict], pair: list[str], since: str | None, until: str | None, collapse: bool) -> list[dict]:
    """The events between the pair whose period overlaps [since, until], by date. With
    `collapse` (event mentions), one per distinct date: a mention dated more coarsely ("2018-11") joins one
    dated within it ("2018-11-11"); each keeps the ids behind it."""
    first = period(since)[0] if since else dt.date.min
    last = period(until)[1] if until else dt.date.max
    between = [
        e for e in happened
        if set(pair) <= e["actors"] and e["period"][1] >= first and e["period"][0] <= last
    ]
    kept: list[dict] = []
    for event in sorted(between, key=lambda e: (e["period"][1] - e["period"][0], e["date"], e["id"])):
        if collapse:
            same = next((k for k in kept if event["period"][0] <= k["period"][0] and k["period"][1] <= event["period"][1]), None)
            if same is not None:
                same["ids"].append(event["id"])
                continue
        kept.append({**event, "ids": [event["id"]]})
    return [{"date": k["date"], "ids": k["ids"]} for k in sorted(kept, key=lambda k: (k["period"][0], k["date"]))]
