"""A clause as the time resolution reads it from the parse: its verb, its own verbs, its
tense (`clause_tense`), and where a time sits in it (a relative clause it closes into, a
definite noun phrase naming a known event)."""

from __future__ import annotations

from chronicle.resolve.time_rules import TimeRules, load_time_rules


def is_clause_verb(token) -> bool:
    """A verb or auxiliary heading a clause (not one serving another verb: "will", "was")."""
    return token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass")


def clause_verb(token):
    """The verb heading `token`'s clause: the token itself when it is a verb, else its
    nearest verb ancestor (None for a verbless fragment)."""
    node = token
    while not is_clause_verb(node):
        if node.head.i == node.i:
            return None
        node = node.head
    return node


def own_clause_verbs(token) -> set[int]:
    """Indices of the verbs of `token`'s own clause: its clause verb and the verbs it is an
    open complement of ("is set to [meet]": set, meet)."""
    verb = clause_verb(token)
    verbs = set()
    while verb is not None:
        verbs.add(verb.i)
        if verb.dep_ != "xcomp" or verb.head.i == verb.i:
            break
        verb = verb.head
    return verbs


def word_forms(token) -> set[str]:
    """The word as written (lower-case) and its lemma: what the times data lists."""
    return {token.lower_, token.lemma_.lower()}


def infinitive(verb, markers: frozenset[str]) -> bool:
    """A "to" infinitive ("to meet"; "to" among `markers`)."""
    return any(c.dep_ == "aux" and c.lower_ in markers for c in verb.children)


def finite_past(token) -> bool:
    """Whether the word, or the verb it complements, or their auxiliaries, is a finite past
    form ("planned to", "was due to", "was likely to")."""
    heads = [token] if is_clause_verb(token) else [token, token.head]
    forms = [form for head in heads for form in [head, *(c for c in head.children if c.dep_ in ("aux", "auxpass"))]]
    return any("Past" in form.morph.get("Tense") and "Fin" in form.morph.get("VerbForm") for form in forms)


def event_clause_verb(token):
    """The clause verb that carries `token`'s tense: a bare participle modifying a noun ("an
    event [hosted] by ...") takes the tense of the noun's own clause."""
    verb = clause_verb(token)
    while (
        verb is not None
        and verb.dep_ == "acl"
        and "Part" in verb.morph.get("VerbForm")
        and not any(child.dep_ in ("aux", "auxpass") for child in verb.children)
    ):
        verb = clause_verb(verb.head)
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
    if not is_clause_verb(token):
        modifiers = [child for child in token.children if child.dep_ in ("amod", "compound")]
        if any(word_forms(child) & rules.future_modifiers for child in modifiers):
            return "future"
    verb = event_clause_verb(token)
    if verb is None:
        return "present"
    if word_forms(verb) & rules.future_verbs and not finite_past(verb):
        return "future"
    chain, node = [verb], verb
    while True:
        if any(word_forms(child) & rules.future_auxiliaries for child in node.children if child.dep_ in ("aux", "auxpass")):
            return "future"
        if node.dep_ not in ("xcomp", "advcl") or node.head.i == node.i:
            break
        head = node.head
        governors = [head] + [child for child in head.children if child.dep_ == "acomp"]
        # "is due to meet", "is to visit": a governor makes only a "to" infinitive future
        # ("is his second, as last November he met ..." is past)
        governor = next((word for word in governors if word_forms(word) & rules.future_governors), None) if infinitive(node, rules.grammar.infinitive_markers) else None
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


def names_known_event(span, articles: frozenset[str]) -> bool:
    """A date written into a definite noun phrase names that noun's event: "the 7 October
    attacks", "the September 11 attacks" (not "on 7 October", not "an October summit")."""
    root = span.root
    head = root.head
    return (root.dep_ in ("compound", "nmod", "amod", "nummod") and head.i != root.i and head.pos_ == "NOUN"
            and head.i > span.end - 1 and any(c.dep_ == "det" and c.lower_ in articles for c in head.children))


def late_clause(span):
    """The relative clause a time closes into (late closure, as `time_attachment` reads it):
    the last one between the verb the parse hangs the time on and the time, inside that
    verb's clause, with no comma after it; None when there is none."""
    verb = clause_verb(span.root)
    if verb is None or verb.i > span.start:
        return None
    doc = span.doc
    clauses = [t for t in doc[verb.i + 1 : span.start] if t.dep_ == "relcl" and verb in t.ancestors]
    if not clauses or any(t.text == "," for t in doc[clauses[-1].i : span.start]):
        return None
    return clauses[-1]
