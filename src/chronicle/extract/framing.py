"""What the words around an event say of its reality (issue 14, family 2), beside the
clause's own tense and auxiliaries (extract/events.py `_modality`):

- an event noun as the object of a verb of planning, considering or refusing: "scheduled
  talks", "was granted an audience" (planned); "considering a trip" (hypothetical);
  "declined a meeting", "ruled out talks" (negated);
- an event noun asked for: the object of a verb of requesting, or of its "for" ("called
  for a ceasefire", "demanded the release of X"): hypothetical, not done;
- an act alleged: the gerund of an accusation or its clause ("accused X of supporting
  terrorism", "alleged that police broke into his car"): hypothetical, only alleged;
- an order in the imperative ("Begin to pull out troops," he said): planned, not done;
- a noun framed as happening now: "during his current visit" (reported, whatever future
  the sentence goes on to);
- a condition on a plan: "will meet them if they want to meet" (hypothetical);
- a meeting verb coordinated with a future one: "will meet and have lunch" (planned).

Pure functions over spaCy tokens; the word lists are data (data/events.yaml, `modality`)."""

from __future__ import annotations

from collections.abc import Set

_OBJECT_DEPS = ("dobj", "obj", "nsubjpass")


def _verb(token) -> bool:
    return token.pos_ in ("VERB", "AUX")


def object_modality(token, planning: Set[str], considering: Set[str], refusing: Set[str],
                    refusing_phrasal: Set[tuple[str, str]], copulas: Set[str]) -> str | None:
    """The modality an event noun takes from the verb it is the object (or passive subject)
    of: one of `planning` makes it planned ("scheduled a meeting"), or negated when that verb
    is negated ("did not schedule talks"); `considering` hypothetical; `refusing` (or a
    phrasal verb of `refusing_phrasal`, "ruled out") negated. None for any other verb."""
    head = token.head
    if token.dep_ not in _OBJECT_DEPS or head.i == token.i or not _verb(head):
        return None
    lemma = head.lemma_.lower()
    particles = [c.lower_ for c in head.children if c.dep_ == "prt"]
    if lemma in refusing or any((lemma, p) in refusing_phrasal for p in particles):
        return "negated"
    if lemma in considering and not _judged(token, copulas):
        return "hypothetical"
    if lemma in planning:
        return "negated" if any(c.dep_ == "neg" for c in head.children) else "planned"
    return None


def requested(token, verbs: Set[str], preps: Set[str]) -> bool:
    """Whether an event noun (or the first of its conjuncts) is what a verb of `verbs` asks
    for: its object ("demanded the release of X") or the object of one of `preps` on it
    ("called for a ceasefire and the release of X", "urged for a cessation of hostilities")."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    head = token.head
    if token.dep_ in ("dobj", "obj") and _verb(head):
        return head.lemma_.lower() in verbs
    if token.dep_ == "pobj" and head.lower_ in preps and head.head.i != head.i and _verb(head.head):
        return head.head.lemma_.lower() in verbs
    return False


def alleged(token, verbs: Set[str], preps: Set[str]) -> bool:
    """Whether a verbal trigger is the act an accusation alleges: the gerund after one of
    `preps` on a verb of `verbs` ("accused X of supporting terrorism", "charged with
    attacking") or the clause of such a verb ("alleged that police broke into ...")."""
    if not _verb(token) or token.head.i == token.i:
        return False
    head = token.head
    if token.dep_ == "pcomp" and head.lower_ in preps and head.head.i != head.i:
        return _verb(head.head) and head.head.lemma_.lower() in verbs
    if token.dep_ == "ccomp":
        return _verb(head) and head.lemma_.lower() in verbs
    return False


def imperative(verb) -> bool:
    """Whether a clause is an order: a bare verb (VB) opening its sentence (after quote
    marks) with no subject and no auxiliary ("Begin to pull out troops," he said)."""
    if verb.tag_ != "VB" or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for c in verb.children):
        return False
    opening = next((w for w in verb.sent if not (w.is_punct or w.is_quote or w.is_space)), None)
    return opening is not None and opening.i == verb.i


def _judged(noun, copulas: Set[str]) -> bool:
    """"considered the meeting (to be) a good start": a judgement of the event, not a plan."""
    complements = [c for c in noun.head.children if c.dep_ in ("xcomp", "ccomp", "oprd", "acomp")]
    return bool(complements) or any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in copulas for c in noun.children)


def framed_as_present(token, present_modifiers: Set[str]) -> bool:
    """Whether an event noun is told as happening now: modified by one of
    `present_modifiers` ("during his current visit", "the ongoing talks")."""
    return any(c.dep_ in ("amod", "compound") and c.lower_ in present_modifiers for c in token.children)


def conditioned(verbs, markers: Set[str]) -> bool:
    """Whether one of `verbs` (a trigger's clause and the clauses that govern it) is itself
    a condition ("if they want to meet") or carries one ("will meet him if he asks")."""
    for verb in verbs:  # a condition is an adverbial clause: "asked if he intends to meet" is a question
        if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in markers for c in verb.children):
            return True
        if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in markers for m in c.children) for c in verb.children):
            return True
    return False


def said_before(token, speech_verbs: Set[str]) -> bool:
    """Whether an event is told inside words said in the past: its clause hangs under a verb
    of `speech_verbs` in the simple past ("Earlier, X said that A and B will meet", "Y said
    the talks will help"): a plan as it stood when said, which the article may go on to
    report as done."""
    return any(
        verb.tag_ == "VBD" and verb.lemma_.lower() in speech_verbs and verb.pos_ in ("VERB", "AUX")
        for verb in token.ancestors
    )


def shares_future(verb, future_auxiliaries: Set[str]) -> bool:
    """A coordinated verb in the base form (or read as a present one) with neither an
    auxiliary nor a subject of its own, whose head has a future auxiliary: "will meet for
    talks and [have] lunch" is planned too."""
    if verb.dep_ != "conj" or verb.tag_ not in ("VB", "VBP"):
        return False
    if any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children):
        return False
    return any(c.dep_ == "aux" and c.lower_ in future_auxiliaries for c in verb.head.children)


def gerund_in_infinitive(verb) -> bool:
    """A gerund after a preposition of a verb in an infinitive chain ("plan to move toward
    easing tensions at the summit"): the chain's governor frames it as its infinitive does."""
    prep = verb.head
    return (verb.dep_ == "pcomp" and prep.dep_ == "prep" and prep.head.i != prep.i
            and _verb(prep.head) and prep.head.dep_ in ("xcomp", "acl"))
_PRESENT_TAGS = ("VBZ", "VBP")


def occasion_offered(token, setting_nouns: Set[str], purpose_preps: Set[str]) -> bool:
    """Whether an event noun is what a setting is for, told in the simple present: "these
    retreats provide a relaxed setting for talks", "the forum offers a chance for talks
    between X and Y" say what may happen there (a possibility), not that talks took place.
    Told in the past ("provided a setting for talks on Monday") it is an occasion."""
    if token.dep_ != "pobj" or token.head.lower_ not in purpose_preps:
        return False
    noun = token.head.head
    if noun.i == token.head.i or noun.lemma_.lower() not in setting_nouns or noun.pos_ != "NOUN":
        return False
    verb = noun.head
    if verb.i == noun.i or not _verb(verb):
        return False
    return verb.tag_ in _PRESENT_TAGS and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
