"""Meals that bring leaders together (issue 14): "dined with X", "a working lunch with X",
"had dinner" are meetings (the triggers are data in `data/triggers.yaml`); a meal is one
occasion, so its plural ("hosted private dinners between X and Y") is many meals, no
single event. The meal nouns are data (`data/events.yaml`, `modality.meal_words`)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from ..model import HAPPENED


def several_meals(token, meal_words: Collection[str]) -> bool:
    """Whether `token` is a meal noun in the plural ("dinners", "lunches"): several
    occasions, not one meeting."""
    return token.pos_ in ("NOUN", "PROPN") and token.tag_ == "NNS" and token.lemma_.lower() in meal_words


def meal_agendas(events: Sequence, meal_words: Collection[str], dated: Callable[[object], bool]) -> set[int]:
    """The indices of planned meals that are the agenda of a meeting the article reports:
    the same persons met, and the meal has no date of its own or that meeting's day
    ("After the talks, X and Y plan to have lunch"). `events` carry `modality`, `trigger`
    (its `lemma` or `object` a meal), `time` and `actors`; `dated(time)` says whether a time is a date."""
    happened = [e for e in events if e.modality in HAPPENED]
    agendas = set()
    for index, event in enumerate(events):
        if event.modality != "planned" or not (event.trigger.lemma in meal_words or event.trigger.object & set(meal_words)):
            continue
        persons = _persons(event)
        if len(persons) >= 2 and any(
            _persons(met) == persons and (not dated(event.time) or event.time.value == met.time.value) for met in happened
        ):
            agendas.add(index)
    return agendas


def _persons(event) -> frozenset[str]:
    return frozenset(a.id for a in event.actors if a.kind == "person")

