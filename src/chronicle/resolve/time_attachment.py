"""Which time dates one event (`attach_time`): the expression governing it, else one
governing an enclosing clause, else the nearest in its sentence that belongs to no other
event, else the main event's time, else the publication day; a time a reporting verb
carries gives a report window."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from chronicle.model import TimeValue
from chronicle.nlp import doc_text
from chronicle.resolve.clauses import clause_tense, clause_verb, is_clause_verb, late_clause, names_known_event, own_clause_verbs
from chronicle.resolve.news_times import published_time, report_window, reporting_verb
from chronicle.resolve.time_rules import TimeExpression, TimeRules, load_time_rules


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
        if is_clause_verb(node):
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


def _elsewhere(span, scope: set[int], rules: TimeRules) -> bool:
    """Whether the time at `span` belongs to another event than the scope's: it is written
    into another noun's phrase ("over the 7 October attacks"), or its head chain meets
    another verb's subordinate clause or a relational word before reaching the scope
    ("after a flurry of meetings [this year], they began talks"), or never reaches it."""
    node = span.root
    if names_known_event(span, rules.grammar.definite_articles) and node.head.i not in scope:
        return True
    while node.i not in scope:
        if (is_clause_verb(node) and _subordinate_clause(node)) or (
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
        if token.is_punct or is_clause_verb(token) or token.i == target.i:
            return False
    return False


def _late_closure(span, target) -> bool:
    """Whether a time the parse hangs on a verb before it belongs, as a reader takes it, to a
    relative clause between them that no comma closes (late closure): in "the meeting
    followed a parade that welcomed him for a visit that includes a dinner and a ceremony
    on Friday", Friday is the visit's, not the meeting's. `target` inside the noun phrase
    that clause describes keeps it; a comma before the time ("met the envoy, who arrived
    from Lima, on Friday") closes the clause."""
    clause = late_clause(span)
    if clause is None:
        return False
    phrase = clause.head
    return not phrase.left_edge.i <= target.i <= phrase.right_edge.i


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
    own_clause = own_clause_verbs(token)
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
    clause = clause_verb(target)
    while chosen is None and clause is not None and clause.head.i != clause.i:
        clause = clause_verb(clause.head)
        chosen = _governing(clause, spans, rules) if clause is not None and clause.i in scope else None
        if chosen is not None and _reported_happening(target, clause, rules):  # "X received Y, the agency [reported] on Friday"
            chosen = next((report_window(v, rules, published) for span, v in spans if v is chosen and _dates_verb(span, clause)), chosen)
    resolved = [(span, value) for span, value in spans
                if value.resolved and not _elsewhere(span, scope, rules) and not possessed_day(span, target)]
    if chosen is None and resolved:  # an unresolved expression that does not govern it says nothing
        nearest = lambda item: min(abs(word.i - token_index) for word in item[0])  # noqa: E731
        span, chosen = min(resolved, key=nearest)
        verb = clause_verb(span.root)
        if verb is not None and verb.i not in own_clause_verbs(target) and _reported_happening(target, verb, rules) and _dates_verb(span, verb):
            chosen = report_window(chosen, rules, published)  # "..., the agency [reported] on Friday" (parsed as a modifier)
    if chosen is None and clause_tense(target, rules) == "past":
        chosen = _report_beside(target, spans, scope, rules, published)
    if chosen is not None:
        return chosen
    if main_event is not None:
        return replace(main_event, rule=f"main-event:{main_event.rule}")
    return published_time(published)


def _reported_happening(target, verb, rules: TimeRules) -> bool:
    """Whether `verb` reports the past happening at `target` ("received ..., the agency
    reported"); not a plan ("will receive ..., the agency reported") nor a present or
    generic one inside a quote ("the importance of having conversations, she told ..."), nor
    a conditional ("an offensive would be launched if ..., he said on Friday")."""
    own = clause_verb(target)
    modal = own is not None and any(child.tag_ == "MD" for child in own.children)
    return reporting_verb(verb, rules) and clause_tense(target, rules) == "past" and not modal


def _dates_verb(span, verb) -> bool:
    """Whether the time at `span` modifies `verb` itself ("reported [on Friday]", "confirmed
    [Wednesday]"), not a noun of its clause ("told reporters at her [Thursday] briefing")."""
    head = span.root.head
    return head.i == verb.i or (head.dep_ == "prep" and head.head.i == verb.i)


def _report_beside(target, spans, scope: set[int], rules: TimeRules, published: dt.date | None = None) -> TimeValue | None:
    """The report window of a day governing a reporting verb coordinated with the target's
    clause ("have begun talks ..., Peskov told TASS on Monday"), or None."""
    for span, value in spans:
        if not value.resolved or value.precision != "day":
            continue
        verb = clause_verb(span.root)
        if reporting_verb(verb, rules) and verb.dep_ in ("conj", "parataxis") and verb.head.i in scope and _dates_verb(span, verb):
            return report_window(value, rules, published)
    return None
