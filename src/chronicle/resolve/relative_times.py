"""Times relative to another event: "three days after the summit", "earlier in the day"
(`relative_to_event`), an event sequenced against a dated one ("before the dinner":
`sequenced_time`), and one counted back from a report ("a week after admitting defeat":
`counted_from_report`)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from chronicle.model import TimeValue
from chronicle.nlp import doc_text
from chronicle.resolve.clauses import clause_verb
from chronicle.resolve.news_times import news_window, published_time
from chronicle.resolve.time_attachment import attach_time
from chronicle.resolve.time_rules import TimeExpression, TimeRules
from chronicle.resolve.time_values import normalize

_NAMES_ITS_EVENT = re.compile(r"[ \t]*[\w“\"'‘]")
_MODIFIERS = ("det", "amod", "compound", "poss", "case", "nummod", "nmod")


def _ends_in_link(expression: TimeExpression, rules: TimeRules) -> bool:
    """Whether an expression ends in a word that links it to what follows ("a day [after]
    the summit", "the eve [of] the talks"); a complete one ("the previous evening", "the next
    day") counts from the story's event whatever word comes next ("met the previous evening
    for a dinner")."""
    words = expression.text.lower().split()
    return bool(words) and words[-1] in rules.event_links


def _named_event(doc, expression: TimeExpression):
    """The head noun of the event an expression names right after it ("three days after
    [the G20 summit]", "the eve of [the talks]"); None when what follows is not a noun
    phrase ("a day after Moscow called": a clause)."""
    following = doc.char_span(expression.end, len(doc_text(doc)), alignment_mode="expand")
    for token in following or ():
        if token.is_space or token.dep_ in _MODIFIERS:
            continue
        return token if token.pos_ == "NOUN" and token.dep_ not in ("nsubj", "nsubjpass") else None
    return None


def _named_event_time(doc, expression: TimeExpression, expressions_with_values, rules: TimeRules) -> TimeValue | None:
    """The day of the event named after a relative expression, from another mention of the
    same noun whose own words date it ("the summit on Monday ... three days after the
    summit"); None when the article does not date it to the day."""
    noun = _named_event(doc, expression)
    return None if noun is None else _dated_mention(doc, noun, expressions_with_values, rules)


def _dated_mention(doc, noun, expressions_with_values, rules: TimeRules, nearby: bool = False) -> TimeValue | None:
    """The day another mention of `noun`'s word is dated to by its own words ("had a working
    dinner on Friday" for "the dinner"), or None. `nearby`: only a mention in the noun's
    sentence or the one before (the story's thread, not "the election" of another part)."""
    dated = [(e, v) for e, v in expressions_with_values if e.kind != "relative"]
    sentences = list(doc.sents)
    here = next(i for i, sentence in enumerate(sentences) if sentence.start <= noun.i < sentence.end)
    window = range(sentences[max(0, here - 1)].start, sentences[here].end) if nearby else range(len(doc))
    for token in doc:
        if token.i in window and token.i != noun.i and token.lemma_.lower() == noun.lemma_.lower():
            value = attach_time(doc, token.i, dated, None, None, rules)
            if value.resolved and value.precision == "day":
                return value
    return None


def sequenced_time(doc, token_index: int, expressions_with_values: list[tuple[TimeExpression, TimeValue]],
                   rules: TimeRules) -> TimeValue | None:
    """For an event with no time of its own, the day of the event its clause is sequenced
    against by a sequence word and a definite noun ("Before the dinner, the two held talks",
    "after the talks, they spoke to reporters"), where the sentence or the one before dates
    that event to the day: the same day (rule prefixed "sequence:"). None otherwise ("before
    the election", undated or dated far from here; "since the crash" is no sequence word)."""
    target = doc[token_index]
    heads = [target] + [verb for verb in (clause_verb(target),) if verb is not None and verb.i != target.i]
    for head in heads:
        for word in head.children:
            if word.dep_ != "prep" or word.lower_ not in rules.sequences:
                continue
            noun = next((c for c in word.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None)
            if noun is None or not any(c.dep_ in ("det", "poss") and c.lower_ in rules.definites for c in noun.children):
                continue
            value = _dated_mention(doc, noun, expressions_with_values, rules, nearby=True)
            if value is not None:
                return replace(value, rule=f"sequence:{value.rule}")
    return None


def relative_to_event(time: TimeValue, expressions_with_values: list[tuple[TimeExpression, TimeValue]],
                      reference: TimeValue | None, rules: TimeRules, doc, token_index: int | None = None) -> TimeValue:
    """`time` resolved when it is an unresolved expression relative to another event: one
    that names its event ("three days after the summit", "the day before the talks") counts
    from that event's day where the article gives it, else stays unresolved ("five days
    before the election"); one that does not ("Earlier in the day, ...", "two days later",
    "the previous evening") counts from `reference`, the event the story is at. The event
    at `token_index` inside the clause such an expression opens ("came two weeks after X
    [returned] from a visit") is that far before (or after) the reference, or the publication
    day. Else `time` itself. Expression offsets are into `doc.text`."""
    if time.resolved or not time.rule.startswith("relative-to-event"):
        return time
    expression = next((e for e, v in expressions_with_values if v is time), None)
    if expression is None:
        return time
    if token_index is not None and _opens_clause_of(doc, expression, doc[token_index], rules):
        return _counted_back(expression, time, reference, rules, _sentence_day(doc, expression, token_index, expressions_with_values))
    if _NAMES_ITS_EVENT.match(doc_text(doc), expression.end) and _ends_in_link(expression, rules):
        reference = _named_event_time(doc, expression, expressions_with_values, rules)
    if reference is None:
        return time
    anchor = _anchor_day(time)
    return normalize(expression, anchor, "past", rules, reference=reference)


def _anchor_day(time: TimeValue) -> dt.date | None:
    """The day `time` was resolved from; None without one (or with only a page month)."""
    return dt.date.fromisoformat(time.anchor) if time.anchor and len(time.anchor) == 10 else None


def _opens_clause_of(doc, expression: TimeExpression, target, rules: TimeRules) -> bool:
    """Whether a counted relative expression ends in a relational word ("two weeks [after]",
    "a day [after]") that opens the clause or phrase holding `target` ("after X returned
    from a [visit]")."""
    span = doc.char_span(expression.start, expression.end, alignment_mode="expand")
    if span is None or expression.part("direction") is None and expression.part("relative") is None:
        return False
    word = span[-1]
    if word.lower_ not in rules.relations or word.dep_ not in ("mark", "prep") or target.i < word.i:
        return False
    head = word.head if word.dep_ == "mark" else word
    if target.i == head.i:
        return word.dep_ == "mark"
    node = target
    while node.i != head.i:  # "..., spoke by phone, Ankara [pledged]": a clause beside it, not in it
        if node.head.i == node.i or node.dep_ == "conj" and node.head.i == head.i:
            return False
        node = node.head
    return True


def _counted_back(expression: TimeExpression, time: TimeValue, reference: TimeValue | None, rules: TimeRules,
                  own_day: TimeValue | None = None) -> TimeValue:
    """The day of the event an expression such as "two weeks after" counts from, seen from the
    event it dates (its sentence's own day, `own_day`; else `reference`, else the publication
    day): the same distance the other way."""
    if own_day is not None:
        reference = own_day
    elif reference is None or reference.value is None or reference.precision not in ("day", "reported"):
        reference = published_time(_anchor_day(time)) if _anchor_day(time) else None
    if reference is None:
        return time
    anchor = _anchor_day(time)
    forward = normalize(expression, anchor, "past", rules, reference=reference)
    if forward.precision != "day" or not forward.value:
        return time
    base = dt.date.fromisoformat(reference.value[:10])
    back = base - (dt.date.fromisoformat(forward.value) - base)
    if reference.precision == "reported" and back > base:
        return time  # a report is no day to count forward from ("met three days before X held talks")
    return replace(forward, value=back.isoformat(), end=None, rule="relative-to-event:counted-back")


def _sentence_day(doc, expression: TimeExpression, token_index: int, expressions_with_values) -> TimeValue | None:
    """The day the clause around "[three days after] X spoke" is dated to in its own sentence:
    a day written before the expression ("On Monday, three days after ..."), else after the
    event it counts from; None when the sentence has none."""
    sentence = doc[token_index].sent
    target_end = doc[token_index].idx + len(doc[token_index].text)
    days = [(e, v) for e, v in expressions_with_values
            if v.resolved and v.precision == "day" and sentence.start_char <= e.start < sentence.end_char]
    before = [v for e, v in days if e.end <= expression.start]
    after = [v for e, v in days if e.start >= target_end]
    return before[-1] if before else after[0] if after else None


def counted_from_report(doc, token_index: int, expressions_with_values: list[tuple[TimeExpression, TimeValue]],
                        time: TimeValue, published: dt.date | None, rules: TimeRules) -> TimeValue:
    """The time of an event inside the clause a counted expression opens ("has rejected the
    result, [a week after] admitting defeat") when the clause it counts from is known only
    as of publication: the news window (`news_window`) moved that far back, precision
    "reported" (rule "relative-to-event:counted-back-report"); from the day its sentence
    gives, when it gives one (`_counted_back`). Any other time stays: a time of its own, an expression that does not open the event's clause, or one counting forward
    ("a week before")."""
    if time.rule != "published" or published is None:
        return time
    target = doc[token_index]
    sentence = target.sent
    for expression, value in expressions_with_values:
        if value.resolved or not value.rule.startswith("relative-to-event"):
            continue
        if not sentence.start_char <= expression.start < sentence.end_char or not _opens_clause_of(doc, expression, target, rules):
            continue
        own_day = _sentence_day(doc, expression, token_index, expressions_with_values)
        if own_day is not None:  # "rejected it on Monday, a week after admitting defeat": from Monday
            return _counted_back(expression, value, None, rules, own_day)
        report = published_time(published)
        forward = normalize(expression, published, "past", rules, reference=report)
        if forward.precision != "day" or not forward.value:
            return time
        shift = dt.date.fromisoformat(forward.value) - published
        if shift.days <= 0:
            return time
        window = news_window(report, rules)
        first = dt.date.fromisoformat(window.value) - shift
        return replace(window, value=first.isoformat(), end=(published - shift).isoformat(),
                       expression=expression.text, rule="relative-to-event:counted-back-report")
    return time
