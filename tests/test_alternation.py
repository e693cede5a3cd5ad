"""data.alternation: a word list from a data file as one regex alternation."""

from __future__ import annotations

import re

from chronicle.data import alternation


def test_the_longest_phrase_wins():
    pattern = re.compile(rf"(?:{alternation(['ahead', 'ahead of'])})")
    assert pattern.match("ahead of the vote").group() == "ahead of"
    assert pattern.match("ahead again").group() == "ahead"


def test_a_space_matches_any_run_of_whitespace_and_nothing_else_is_special():
    pattern = re.compile(rf"\b(?:{alternation(['so-called', 'in front of'])})\b", re.IGNORECASE)
    assert pattern.search("they met in  front\nof the hall")
    assert pattern.search("the so-called plan")
    assert not pattern.search("infront of")
    assert re.search(alternation(["U.N."]), "at the U.N. today")
    assert not re.search(alternation(["U.N."]), "at the UxNx today")  # a dot is a dot


def test_no_words_never_match_and_repeats_are_read_once():
    assert not re.search(alternation([]), "anything at all")
    assert not re.search(alternation(["", None]), "")
    assert alternation(["visit", "talks", "visit"]) == "talks|visit"
