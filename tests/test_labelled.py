"""The labelled event-type sentences kept as ids and offsets into ../shared (issue 15's data)."""

from __future__ import annotations

from collections import Counter

import pytest

from chronicle.models.labelled import HELD_OUT, annotated, plover_dev, read_split, training_sentences

from conftest import SHARED

PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def test_the_plover_dev_split_is_disjoint():
    split = read_split()
    assert split["train"] and split["eval"]
    assert not set(split["train"]) & set(split["eval"])


@pytest.fixture(scope="module")
def labelled():
    if not (SHARED / "corpora").exists():
        pytest.skip("../shared is absent: the labelled sentences point into its texts")
    return annotated(SHARED)


def test_labels_point_at_whole_sentences_with_known_types(labelled):
    assert len(labelled) >= 2000
    for item in labelled:
        assert item.text.strip() and item.text == item.text.strip()
        assert set(item.types) <= PLOVER_TYPES


def test_every_type_has_sixty_sentences_with_the_plover_train_part(labelled):
    counts = Counter(item.types[0] for item in [*labelled, *plover_dev(SHARED, "train")] if item.types)
    assert set(counts) == PLOVER_TYPES and min(counts.values()) >= 60, counts
    assert sum(1 for item in labelled if not item.types) >= 100  # sentences with no event


def test_every_type_has_sixty_sentences_of_our_own_labels(labelled):
    counts = Counter(item.types[0] for item in labelled if item.types)
    assert set(counts) == PLOVER_TYPES and min(counts.values()) >= 60, counts
    assert len(labelled) >= 2400


def test_held_out_labels_are_never_trained_on(labelled):
    held_out = annotated(SHARED, HELD_OUT)
    assert len(held_out) >= 700
    for item in held_out:
        assert item.text.strip() and item.text == item.text.strip()
        assert set(item.types) <= PLOVER_TYPES
    trained = {item.key for item in training_sentences(SHARED)}
    assert not trained & {item.key for item in held_out}
    assert not {item.key for item in labelled} & {item.key for item in held_out}
