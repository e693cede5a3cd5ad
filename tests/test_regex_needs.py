"""The words a pattern cannot match without (resolve/regex_needs.py), on invented text."""

import re
import sys

from chronicle.resolve.regex_needs import CASE_TRAPS, lowered_for_needs, may_match, required_words
from chronicle.resolve.time_rules import load_time_rules
from chronicle.resolve.times import find_time_expressions


def test_words_of_literals_branches_and_repeats():
    # the most selective word: "days" (4 letters) before "ago"; the branch holds none (digits)
    assert required_words(re.compile(r"(?<!\w)(?:\d+|a few)\s+days\s+ago(?!\w)", re.I)) == {"days"}
    assert required_words(re.compile(r"(?:since|from)\s+\d{4}", re.I)) == frozenset({"since", "from"})
    assert required_words(re.compile(r"(?:(?:Mon|Tues)day)+", re.I)) == {"day"}  # one word beats two
    assert required_words(re.compile(r"(?-i:LATER)|Earlier", re.I)) == {"later", "earlier"}


def test_no_words_where_a_match_may_hold_none():
    assert required_words(re.compile(r"\d{4}")) is None
    assert required_words(re.compile(r"(?:ago)?\s*\d+", re.I)) is None  # optional word
    assert required_words(re.compile(r"(?:ago|\d+)", re.I)) is None  # a branch without a word


def test_may_match_skips_only_texts_without_the_words():
    needs = required_words(re.compile(r"\d+\s+weeks\s+ago", re.I))
    assert not may_match(needs, lowered_for_needs("The envoys met in the capital."))
    assert may_match(needs, lowered_for_needs("It happened three WEEKS AGO."))
    assert may_match(None, lowered_for_needs("Anything at all."))


def test_case_traps_disable_the_test():
    assert lowered_for_needs("A \u212aelvin sign") is None  # re.I matches it to "k"
    for code in range(0x80, sys.maxunicode + 1):  # every non-ASCII letter re.I matches to ASCII
        char = chr(code)
        if re.fullmatch(r"[a-z]", char, re.I) or any(c.isascii() and c.isalpha() for c in char.lower()):
            assert char in CASE_TRAPS, hex(code)


def test_time_expressions_unchanged_by_the_test():
    rules = load_time_rules()
    plain = type(rules)(**{**rules.__dict__, "patterns": type(rules.patterns)(
        type(p)(p.name, p.kind, p.regex) for p in rules.patterns)})
    texts = [
        "The minister arrived on Tuesday, two days after the talks of 3 March 2015 ended.",
        "Nothing dated here at all, only a meeting of envoys.",
        "Since the \u017fpring of 2009 the border stayed closed; it reopened a week ago.",
    ]
    for text in texts:
        assert find_time_expressions(text, rules) == find_time_expressions(text, plain)
    assert find_time_expressions(texts[1], rules) == []
