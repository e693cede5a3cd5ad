"""Which event each time belongs to: clause tense, times over a parsed Doc, attachment.

The parse-aware half of the time resolution (`chronicle.resolve.times` finds and normalizes
expressions in plain text):

- `clause_tense(token, rules)` reads a clause's tense from the parse;
- `resolve_times(doc, anchor, rules)` finds every expression in a Doc and normalizes it with
  its own clause's tense;
- `attach_time(doc, token_index, ...)` picks the time of one event (a verb or a noun): the
  expression governing it, else one in its sentence that belongs to no other event, else
  the article's main event time, else the publication date marked "reported";
- `relative_to_event(time, ...)` resolves "earlier in the day" or "three days after the
  summit" against the event it counts from; `published_time` is the publication-day value.

English wording ("after", "since", "by", ordinals, future markers) is data:
`data/times.yaml`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from chronicle.nlp import doc_text
from chronicle.model import TimeValue
from chronicle.resolve.time_rules import TimeExpression, TimeRules, load_time_rules
from chronicle.resolve.time_values import normalize
from chronicle.resolve.times import find_time_expressions


def _is_clause_verb(token) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass")


def _clause_verb(token):
    """The verb heading `token`'s clause: the token itself when it is a verb, else its
    nearest verb ancestor (None for a verbless fragment)."""
    node = token
    while not _is_clause_verb(node):
        if node.head.i == node.i:
            return None
        node = node.head
    return node


def _own_clause(token) -> set[int]:
    """Indices of the verbs of `token`'s own clause: its clause verb and the verbs it is an
    open complement of ("is set to [meet]": set, meet)."""
    verb = _clause_verb(token)
    verbs = set()
    while verb is not None:
        verbs.add(verb.i)
        if verb.dep_ != "xcomp" or verb.head.i == verb.i:
            break
        verb = verb.head
    return verbs


def _words(token) -> set[str]:
    return {token.lower_, token.lemma_.lower()}


def infinitive(verb) -> bool:
    """A "to" infinitive: "to meet"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def finite_past(token) -> bool:
    """Whether the word, or the verb it complements, or their auxiliaries, is a finite past
    form ("planned to", "was due to", "was likely to")."""
    heads = [token] if _is_clause_verb(token) else [token, token.head]
    forms = [form for head in heads for form in [head, *(c for c in head.children if c.dep_ in ("aux", "auxpass"))]]
    return any("Past" in form.morph.get("Tense") and "Fin" in form.morph.get("VerbForm") for form in forms)


def _event_clause_verb(token):
    """The clause verb that carries `token`'s tense: a bare participle modifying a noun ("an
    event [hosted] by ...") takes the tense of the noun's own clause."""
    verb = _clause_verb(token)
    while (
        verb is not None
        and verb.dep_ == "acl"
        and "Part" in verb.morph.get("VerbForm")
        and not any(child.dep_ in ("aux", "auxpass") for child in verb.children)
    ):
        verb = _clause_verb(verb.head)
    return verb


def _bare_participle(verb) -> bool:
    """A participle opening the sentence before its main clause, with no auxiliary and no
    conjunction of its own ("Dining with X on Sunday, he said ..."): it takes its main
    clause's tense (not "will talk following the meeting", a participle used as a preposition)."""
    return verb.tag_ in ("VBG", "VBN") and verb.i < verb.head.i and not any(c.dep_ in ("aux", "auxpass", "mark") for c in verb.children)


def clause_tense(token, rules: TimeRules | None = None) -> str:
    """The tense of `token`'s clause: "future", "past" or "present".

    Future: an auxiliary such as "will"; the verb an open complement of a governor such as
    "due", "set", "likely", "expected", "plans" ("is due to meet", "is likely to be held"),
    unless that governor is in the finite past ("planned to meet"): then past; the verb
    itself such a word ("is scheduled for Friday"); an event noun with a modifier such as
    "planned" or "upcoming". A bare participle modifying a noun takes that noun's clause's
    tense, and so does a participle opening the sentence ("Dining with X on Sunday, he said").
    Past: a verb of the clause (or its auxiliary) has Tense=Past. Otherwise present.
    The words come from `data/times.yaml` (`rules`: loaded when not given, so pass them in a
    loop).
    """
    rules = rules if rules is not None else load_time_rules()
    if not _is_clause_verb(token):
        modifiers = [child for child in token.children if child.dep_ in ("amod", "compound")]
        if any(_words(child) & rules.future_modifiers for child in modifiers):
            return "future"
    verb = _event_clause_verb(token)
    if verb is None:
        return "present"
    if _words(verb) & rules.future_verbs and not finite_past(verb):
        return "future"
    chain, node = [verb], verb
    while True:
        if any(_words(child) & rules.future_auxiliaries for child in node.children if child.dep_ in ("aux", "auxpass")):
            return "future"
        if node.dep_ not in ("xcomp", "advcl") or node.head.i == node.i:
            break
        head = node.head
        governors = [head] + [child for child in head.children if child.dep_ == "acomp"]
        # "is due to meet", "is to visit": a governor makes only a "to" infinitive future
        # ("is his second, as last November he met ..." is past)
        governor = next((word for word in governors if _words(word) & rules.future_governors), None) if infinitive(node) else None
        if governor is not None:
            return "past" if finite_past(governor) else "future"
        if node.dep_ == "advcl" and not _bare_participle(node):
            break
        chain.append(head)
        node = head
    forms = [form for node in chain for form in [node, *(c for c in node.children if c.dep_ in ("aux", "auxpass"))]]
    if any("Past" in form.morph.get("Tense") for form in forms):
        return "past"
    return "present"


def resolve_times(doc, anchor: dt.date | None, rules: TimeRules,
                  reference: TimeValue | None = None) -> list[tuple[TimeExpression, TimeValue]]:
    """Every time expression in a parsed Doc, normalized against `anchor` with the tense of
    its own clause (the clause of the expression's head token); `reference` (say, the main
    event's time, once known) resolves the expressions relative to another event. Offsets
    are into doc.text."""
    found = []
    for expression in find_time_expressions(doc_text(doc), rules):
        span = doc.char_span(expression.start, expression.end, alignment_mode="expand")
        late = _late_clause(span) if span is not None and len(span) else None  # "a visit that includes ... on Friday"
        tense = clause_tense(late if late is not None else span.root, rules) if span is not None and len(span) else "past"
        if tense == "present" and _names_known_event(span):
            tense = "past"  # "is seeking warrants over [the 7 October] attacks": a known, past event
        found.append((expression, normalize(expression, anchor, tense, rules, reference=reference)))
    return found


def _describes_occurrence(verb, target, rules: TimeRules | None) -> bool:
    """A clause on the event noun itself that says when or where it happened: "talks [held]
    on Tuesday", "the meeting that [brought] them together in Cairo in May", "the summit,
    which [took] place on Friday" (not "the summit that he cancelled on Monday")."""
    if verb.head.i != target.i:
        return False
    if verb.dep_ == "acl":
        return True
    return verb.dep_ == "relcl" and rules is not None and verb.lemma_.lower() in rules.occurrence_verbs


def _governs(root, target, own_clause: set[int], rules: TimeRules | None = None) -> tuple[int, int] | None:
    """(0 when the head chain from `root` reaches `target` itself, 1 when it reaches a verb
    of `target`'s own clause; the number of steps), or None when it first crosses another
    clause's verb (other than one saying when the target noun happened:
    `_describes_occurrence`), or a noun inside a prepositional phrase (the time of "talks
    ahead of their meeting [on Wednesday]" is the meeting's), or ends at the sentence root."""
    node, steps = root, 0
    while True:
        if node.i == target.i:
            return 0, steps
        if _is_clause_verb(node):
            if node.i in own_clause:
                return 1, steps
            if not _describes_occurrence(node, target, rules):  # "talks [held] on Tuesday"
                return None
        elif steps and node.dep_ == "pobj" and node.pos_ in ("NOUN", "PROPN"):
            return None
        if node.head.i == node.i:
            return None
        node, steps = node.head, steps + 1


_SUBORDINATE = ("relcl", "ccomp", "pcomp", "conj", "csubj")


def _subordinate_clause(verb) -> bool:
    """A verb heading a clause inside another: a relative clause, also without "that" ("the
    invitation Smith issued yesterday"; a bare participle describes its noun: "a visit
    starting on June 12"), a complement, a gerund after a preposition ("for backing out of
    the accord on June 1"), a coordinated clause, an adverbial clause with a subordinator
    ("since he took office last August")."""
    marks = {child.dep_ for child in verb.children}
    return (
        verb.dep_ in _SUBORDINATE
        or (verb.dep_ == "acl" and bool(marks & {"nsubj", "nsubjpass"}))
        or (verb.dep_ == "advcl" and "mark" in marks)
    )


def _relational(token, rules: TimeRules) -> bool:
    """A word that opens a phrase about another event ("after", "since", "ahead of")."""
    return token.dep_ in ("prep", "mark", "advmod") and token.lower_ in rules.relations


def _scope(target, rules: TimeRules) -> set[int]:
    """The target and its ancestors, up to a relational word: a time above that word dates
    the other event ("returned on Friday after a visit where he [met] ...")."""
    scope = {target.i}
    for node in target.ancestors:
        if _relational(node, rules):
            break
        scope.add(node.i)
    return scope


def _names_known_event(span) -> bool:
    """A date written into a definite noun phrase names that noun's event: "the 7 October
    attacks", "the September 11 attacks" (not "on 7 October", not "an October summit")."""
    root = span.root
    head = root.head
    return (root.dep_ in ("compound", "nmod", "amod", "nummod") and head.i != root.i and head.pos_ == "NOUN"
            and head.i > span.end - 1 and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children))


def _elsewhere(span, scope: set[int], rules: TimeRules) -> bool:
    """Whether the time at `span` belongs to another event than the scope's: it is written
    into another noun's phrase ("over the 7 October attacks"), or its head chain meets
    another verb's subordinate clause or a relational word before reaching the scope
    ("after a flurry of meetings [this year], they began talks"), or never reaches it."""
    node = span.root
    if _names_known_event(span) and node.head.i not in scope:
        return True
    while node.i not in scope:
        if (_is_clause_verb(node) and _subordinate_clause(node)) or (
            _relational(node, rules) and not span.start <= node.i < span.end
        ):
            return True
        if node.head.i == node.i:
            return True
        node = node.head
    return False


_POSSESSIVE_ENDINGS = ("'s", "’s")


def possessed_day(span, target) -> bool:
    """Whether a time is the possessor of a noun other than the event's own ("called for
    talks before [Sunday's] election", "condemned [Tuesday's] attack" for the condemnation):
    it dates that noun's occasion, not the event; "[Sunday's] talks", "Sunday's peace talks"
    date the talks."""
    noun = _possessed_noun(span)
    return noun is not None and noun.i != target.i and not (target.dep_ == "compound" and target.head.i == noun.i)


def _possessed_noun(span):
    """The noun a time owns ("[Sunday's] election"): its head when parsed as a possessor,
    else, after a possessive ending the parse hung elsewhere, the first noun after the
    ending that is not a modifier ("Sunday's disputed presidential elections"); None when
    the time owns nothing."""
    root, doc = span.root, span.doc
    if root.dep_ == "poss" and root.head.i != root.i:
        return root.head
    if span.end >= len(doc) or doc[span.end].lower_ not in _POSSESSIVE_ENDINGS:
        return None
    return next((t for t in doc[span.end + 1 : span.end + 6] if t.pos_ in ("NOUN", "PROPN") and t.dep_ not in ("compound", "amod")), None)


def _counted(span, rules: TimeRules) -> bool:
    """A period counting events of a noun rather than dating one: "their third summit [this
    year]", "the second call [this month]"."""
    if span.start == 0:
        return False
    noun = span.doc[span.start - 1]  # right before it, whatever the parse attached it to
    return noun.pos_ == "NOUN" and any(child.dep_ == "amod" and child.lower_ in rules.ordinals for child in noun.children)


def _in_relational_phrase(span, target, rules: TimeRules) -> bool:
    """Whether the expression sits in a phrase a relational word opens, with the target
    outside it: "after a flurry of meetings [this year], they began talks", "their first
    meeting since the crash [in September]"; or right after a deadline word: "agreed to meet
    by [the end of May]". Read back from the expression to the nearest punctuation or verb,
    whatever the parse attached it to."""
    before = " ".join(doc_text(span.doc)[max(0, span.start_char - 20) : span.start_char].lower().split())
    if any(before == word or before.endswith(" " + word) for word in rules.deadlines):
        return True
    for token in reversed(span.doc[span.sent.start : span.start]):
        if _relational(token, rules):  # before the verb test: "Following" is often tagged a verb
            return True
        if token.is_punct or _is_clause_verb(token) or token.i == target.i:
            return False
    return False


def _late_closure(span, target) -> bool:
    """Whether a time the parse hangs on a verb before it belongs, as a reader takes it, to a
    relative clause between them that no comma closes (late closure): in "the meeting
    followed a parade that welcomed him for a visit that includes a dinner and a ceremony
    on Friday", Friday is the visit's, not the meeting's. `target` inside the noun phrase
    that clause describes keeps it; a comma before the time ("met the envoy, who arrived
    from Lima, on Friday") closes the clause."""
    clause = _late_clause(span)
    if clause is None:
        return False
    phrase = clause.head
    return not phrase.left_edge.i <= target.i <= phrase.right_edge.i


def _late_clause(span):
    """The relative clause a time closes into (`_late_closure`): the last one between the
    verb the parse hangs the time on and the time, inside that verb's clause, with no comma
    after it; None when there is none."""
    verb = _clause_verb(span.root)
    if verb is None or verb.i > span.start:
        return None
    doc = span.doc
    clauses = [t for t in doc[verb.i + 1 : span.start] if t.dep_ == "relcl" and verb in t.ancestors]
    if not clauses or any(t.text == "," for t in doc[clauses[-1].i : span.start]):
        return None
    return clauses[-1]


def _sentence_spans(doc, token_index: int, expressions_with_values, rules: TimeRules):
    """The (span, value) pairs of the expressions in the token's sentence that may date it:
    not the token's own words, nor a period counting events, nor a time inside a phrase about
    another event."""
    target = doc[token_index]
    sentence = target.sent
    spans = []
    for expression, value in expressions_with_values:
        span = doc.char_span(expression.start, expression.end, alignment_mode="expand")
        if span is None or not len(span) or span.start <= token_index < span.end:
            continue
        if not sentence.start <= span.start < sentence.end:
            continue
        if not _counted(span, rules) and not _in_relational_phrase(span, target, rules) and not _late_closure(span, target):
            spans.append((span, value))
    return spans


def _governing(token, spans, rules: TimeRules | None = None):
    """The value of the expression governing `token`'s clause, nearest in the tree first,
    resolved ones before unresolved; None when none does."""
    own_clause = _own_clause(token)
    found = []
    for span, value in spans:
        governed = _governs(span.root, token, own_clause, rules)
        if governed is not None:
            distance = min(abs(word.i - token.i) for word in span)
            found.append(((*governed, value.value is None, distance), value))
    return min(found, key=lambda item: item[0])[1] if found else None


def attach_time(doc, token_index: int, expressions_with_values: list[tuple[TimeExpression, TimeValue]],
                main_event: TimeValue | None, published: dt.date | None,
                rules: TimeRules | None = None) -> TimeValue:
    """The time of the event at `doc[token_index]` (a verb or an event noun).

    In order: the expression governing it (its head chain in the dependency parse reaches
    the token, or the token's own clause verb, without crossing another clause's verb: the
    nearest in the tree, resolved ones first); else one governing an enclosing clause ("the
    envoy arrived on Tuesday, where he and the president held talks"), not across a
    relational word ("after a visit where he met"); else the nearest resolved one in its
    sentence that does not belong to another event (another verb's subordinate clause, a
    phrase opened by "after" or "since"); else the article's main event time (rule
    prefixed "main-event:"); else the publication date, precision "reported"; else an
    unresolved vague value. Expression offsets must be offsets into `doc.text`. A period
    counting events ("their third summit this year") dates none.
    """
    rules = rules if rules is not None else load_time_rules()
    target = doc[token_index]
    spans = _sentence_spans(doc, token_index, expressions_with_values, rules)
    scope = _scope(target, rules)
    chosen = _governing(target, spans, rules)
    clause = _clause_verb(target)
    while chosen is None and clause is not None and clause.head.i != clause.i:
        clause = _clause_verb(clause.head)
        chosen = _governing(clause, spans, rules) if clause is not None and clause.i in scope else None
        if chosen is not None and _reported_happening(target, clause, rules):  # "X received Y, the agency [reported] on Friday"
            chosen = next((report_window(v, rules, published) for span, v in spans if v is chosen and _dates_verb(span, clause)), chosen)
    resolved = [(span, value) for span, value in spans
                if value.resolved and not _elsewhere(span, scope, rules) and not possessed_day(span, target)]
    if chosen is None and resolved:  # an unresolved expression that does not govern it says nothing
        nearest = lambda item: min(abs(word.i - token_index) for word in item[0])  # noqa: E731
        span, chosen = min(resolved, key=nearest)
        verb = _clause_verb(span.root)
        if verb is not None and verb.i not in _own_clause(target) and _reported_happening(target, verb, rules) and _dates_verb(span, verb):
            chosen = report_window(chosen, rules, published)  # "..., the agency [reported] on Friday" (parsed as a modifier)
    if chosen is None and clause_tense(target, rules) == "past":
        chosen = _report_beside(target, spans, scope, rules, published)
    if chosen is not None:
        return chosen
    if main_event is not None:
        return replace(main_event, rule=f"main-event:{main_event.rule}")
    return published_time(published)


def _reporting(verb, rules: TimeRules) -> bool:
    """A verb that reports a happening rather than being one ("reported", "told", "confirmed")."""
    return verb is not None and verb.lemma_.lower() in rules.reporting_verbs


def _reported_happening(target, verb, rules: TimeRules) -> bool:
    """Whether `verb` reports the past happening at `target` ("received ..., the agency
    reported"); not a plan ("will receive ..., the agency reported") nor a present or
    generic one inside a quote ("the importance of having conversations, she told ..."), nor
    a conditional ("an offensive would be launched if ..., he said on Friday")."""
    own = _clause_verb(target)
    modal = own is not None and any(child.tag_ == "MD" for child in own.children)
    return _reporting(verb, rules) and clause_tense(target, rules) == "past" and not modal


def _dates_verb(span, verb) -> bool:
    """Whether the time at `span` modifies `verb` itself ("reported [on Friday]", "confirmed
    [Wednesday]"), not a noun of its clause ("told reporters at her [Thursday] briefing")."""
    head = span.root.head
    return head.i == verb.i or (head.dep_ == "prep" and head.head.i == verb.i)


def report_window(report: TimeValue, rules: TimeRules, published: dt.date | None = None) -> TimeValue:
    """The time of a happening known from a report dated `report` ("X met Y, the agency
    reported on Friday"): a day-dated report gives the range from `report_lag_days` before it
    to the report's day (rule prefixed "report:"); a coarser one is kept as it is. A past
    weekday the day after publication ("confirmed Wednesday" on a Tuesday's date) is that
    next day (`page_day_ahead`), not six days back."""
    if not report.resolved or report.precision != "day" or len(report.value or "") != 10:
        return report
    day = page_day_ahead(dt.date.fromisoformat(report.value), report.rule, published)
    start = day - dt.timedelta(days=rules.report_lag_days)
    end = report.end or report.value if day.isoformat() == report.value else day.isoformat()
    return replace(report, value=start.isoformat(), end=end, rule=f"report:{report.rule}")


def page_day_ahead(day: dt.date, rule: str, published: dt.date | None) -> dt.date:
    """A report's past weekday six days before the publication date, read as the day after
    it: the date the page carries is a day behind its time zone ("China confirmed Wednesday"
    on a page dated Tuesday reports that Wednesday, not last week's)."""
    if rule == "weekday:past" and published is not None and published - day == dt.timedelta(days=6):
        return published + dt.timedelta(days=1)
    return day


def news_window(time: TimeValue, rules: TimeRules) -> TimeValue:
    """A happening known only as of its report's publication day (precision "reported", no
    range yet): that day or up to `report_lag_days` before it, as a range whose end is the
    publication day (news of a call or a visit often comes out the day after); the
    precision stays "reported"."""
    if time.precision != "reported" or time.end or len(time.value or "") != 10 or not rules.report_lag_days:
        return time
    day = dt.date.fromisoformat(time.value)
    start = day - dt.timedelta(days=rules.report_lag_days)
    return replace(time, value=start.isoformat(), end=time.value)


def _report_beside(target, spans, scope: set[int], rules: TimeRules, published: dt.date | None = None) -> TimeValue | None:
    """The report window of a day governing a reporting verb coordinated with the target's
    clause ("have begun talks ..., Peskov told TASS on Monday"), or None."""
    for span, value in spans:
        if not value.resolved or value.precision != "day":
            continue
        verb = _clause_verb(span.root)
        if _reporting(verb, rules) and verb.dep_ in ("conj", "parataxis") and verb.head.i in scope and _dates_verb(span, verb):
            return report_window(value, rules, published)
    return None


def closing_day(time: TimeValue) -> str | None:
    """The last day of a time that spans days: a range's end, the Sunday of a week ("two
    weeks ago": its Monday to its Sunday); None for a single day, a coarser time or "since"."""
    if time.open_ended:
        return None
    if time.end is None and time.precision == "week" and len(time.value or "") == 10:
        return (dt.date.fromisoformat(time.value) + dt.timedelta(days=6)).isoformat()
    return time.end


def present_news_time(token, published: dt.date | None, rules: TimeRules) -> TimeValue | None:
    """The time of an event with no time of its own that the article tells in its present:
    in the present progressive ("are holding talks", "are mixing business with pleasure on the
    second day of the summit"), the publication day itself (precision day, rule
    "published:progressive"); inside the clause of a reporting verb in the simple present
    ("says during a news conference with X"), news of the publication day (`published_time`,
    rule "published:present-report"), not of the story's earlier main event. None otherwise
    (for a noun a word such as "recent" says is over, for words inside quotation marks, and
    for a participle under the progressive verb: "are tweeting photos of X meeting Y"), and
    without a publication day."""
    verb = _event_clause_verb(token)
    if published is None or verb is None or clause_tense(token, rules) != "present":
        return None
    if any(_words(child) & rules.past_modifiers for child in token.children if child.dep_ in ("amod", "compound")):
        return None  # "is pointing to the benefits of recent meetings"
    auxiliaries = [c for c in verb.children if c.dep_ == "aux"]
    if _quoted(token):
        return None  # a speaker's present is the time of the words, not of the article
    if verb.tag_ == "VBG" and _told_by(token, verb) and any(a.lemma_.lower() == "be" and "Pres" in a.morph.get("Tense") for a in auxiliaries):
        return replace(published_time(published, "published:progressive"), precision="day")
    if (verb.tag_ in ("VBZ", "VBP") and not auxiliaries and _reporting(verb, rules)
            and verb.i != token.i and any(t.i == token.i for t in verb.subtree)):
        return published_time(published, "published:present-report")
    return None


def _told_by(token, verb) -> bool:
    """Whether the progressive `verb` tells the event at `token` itself: the verb, its
    subject or object ("are holding [talks]"), or a noun in its prepositional phrases ("on
    the second day of the [summit]"); not a noun inside its object ("are tweeting photos of
    the [meeting]")."""
    path, node = [], token
    while node.i != verb.i:
        if node.head.i == node.i:
            return False
        path.append(node.dep_)
        node = node.head
    return len(path) <= 1 and (not path or path[0] in _TOLD_DEPS) or all(dep in ("prep", "pobj", "conj") for dep in path)


_TOLD_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "prep", "conj"})


def _quoted(token) -> bool:
    """Whether `token` stands inside quotation marks opened in its sentence."""
    marks = sum(1 for t in token.sent if t.i < token.i and t.text in _QUOTE_MARKS)
    opening = sum(1 for t in token.sent if t.i < token.i and t.text in _OPENING_MARKS)
    closing = sum(1 for t in token.sent if t.i < token.i and t.text in _CLOSING_MARKS)
    return marks % 2 == 1 or opening > closing


_QUOTE_MARKS = frozenset({'"', "''", "``"})
_OPENING_MARKS = frozenset({"“", "‘"})
_CLOSING_MARKS = frozenset({"”", "’"})


def published_time(published: dt.date | None, rule: str = "published") -> TimeValue:
    """An event known only as of the publication date: that day, precision "reported"
    (unresolved without one)."""
    if published is None:
        return TimeValue(value=None, end=None, precision="vague", expression="", anchor=None, rule="unresolved")
    iso = published.isoformat()
    return TimeValue(value=iso, end=None, precision="reported", expression="", anchor=iso, rule=rule)


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
    heads = [target] + [verb for verb in (_clause_verb(target),) if verb is not None and verb.i != target.i]
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
