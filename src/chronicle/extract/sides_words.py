"""Who acts and who undergoes an event when its trigger's own words leave it to a nearby
phrase (issue 19), as small pure functions over spaCy tokens:

- the body whose members a plural noun names: "leaders of the bloc held a summit", "envoys
  from the union attended" (the bloc, the union), not "leaders said" (no body);
- the actor a warning's condition names: "warned that it would act if X visits Y" (X), not
  "warned that it would act if prices rose" (no actor: the caller finds none);
- a generic organ's country when the article's cascade gave it the country it acts on
  ("officials accusing X": not X's officials);
- the person "the former president" is: the last one the article titled "former ...
  president", not the office's holder;
- the doer of an event noun counted by a quantity the verb enacts: "X announced a new
  round of sanctions on Y" (X), not "X condemned a new round of sanctions" (no enacting verb);
- the maker of a thing rejected: "X proposed a resolution, which was vetoed by Y", "the
  victory claimed by X but disputed by Y" (X), not "Y rejected the results" (no maker);
- the state a protest led by (or for) a person of no known country is aimed at: the
  article's ("X's supporters blocked roads": the article's country), not when the protest
  has a target word of its own;
- whom a denial of charges answers: the accuser of the one denying, found before ("X
  accused Y of fraud. Y denied the charges": X), not when no one accused them;
- the name of an attribution the parser took for a subject ("According to the agency Tass,
  the ministry gave ..."): who reports, never who acts (the ministry acts).

The words are data (`data/sides.yaml`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from chronicle.data import code_set, load_yaml, word_set
from chronicle.function_words import FunctionWords
from chronicle.resolve.generic_actors import state_of


@dataclass(frozen=True)
class SideWords:
    """The words of `data/sides.yaml`."""

    member_nouns: frozenset[str] = frozenset()
    member_preps: frozenset[str] = frozenset()
    conditional_target_types: frozenset[str] = frozenset()
    condition_marks: frozenset[str] = frozenset()
    attribution_phrases: tuple[tuple[str, ...], ...] = ()
    former_words: frozenset[str] = frozenset()
    quantity_nouns: frozenset[str] = frozenset()
    made_thing_target_types: frozenset[str] = frozenset()
    answered_types: frozenset[str] = frozenset()
    charge_nouns: frozenset[str] = frozenset()
    accusation_types: frozenset[str] = frozenset()


def load_side_words(path=None) -> SideWords:
    """Read `data/sides.yaml` (or a user file of the same shape)."""
    data = load_yaml("sides.yaml", path)
    words = lambda key: word_set(data.get(key))  # noqa: E731
    return SideWords(
        member_nouns=words("member_nouns"), member_preps=words("member_preps"),
        conditional_target_types=code_set(data.get("conditional_target_types")),
        condition_marks=words("condition_marks"),
        attribution_phrases=tuple(tuple(str(p).lower().split()) for p in data.get("attribution_phrases") or ()),
        former_words=words("former_words"), quantity_nouns=words("quantity_nouns"),
        made_thing_target_types=code_set(data.get("made_thing_target_types")),
        answered_types=code_set(data.get("answered_types")),
        charge_nouns=words("charge_nouns"),
        accusation_types=code_set(data.get("accusation_types")),
    )


def member_body(token, lemma: str, words: SideWords):
    """The word after "of"/"from" naming the body a plural member noun belongs to ("leaders
    of the bloc": bloc), else None: a singular ("the leader of X") is one person."""
    if lemma not in words.member_nouns or "Plur" not in token.morph.get("Number"):
        return None
    return next((w for p in token.children if p.dep_ == "prep" and p.lower_ in words.member_preps
                 for w in p.children if w.dep_ == "pobj" and w.pos_ in ("PROPN", "NOUN")), None)


def condition_subjects(verb, type_: str, words: SideWords) -> list:
    """The subjects of the conditional clauses ("if X visits Y") under a trigger of
    `conditional_target_types` or under the clause it reports ("warned that ... if X ..."),
    else of the clause it reports when that tells what will befall them ("warned that X
    would face consequences"); pronouns left out."""
    if type_ not in words.conditional_target_types:
        return []
    clauses = [w for w in verb.subtree if w.dep_ == "advcl" and w.i > verb.i
               and any(m.dep_ == "mark" and m.lower_ in words.condition_marks for m in w.children)]
    found = [s for c in clauses for s in c.children if s.dep_ in ("nsubj", "nsubjpass") and s.pos_ != "PRON"]
    if found:
        return found
    told = [c for c in verb.children if c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.tag_ == "MD" for a in c.children)]
    return [s for c in told for s in c.children if s.dep_ in ("nsubj", "nsubjpass") and s.pos_ != "PRON"
            and not any(p.dep_ == "poss" for p in s.children)]  # "its troops would retaliate": its own


def unattributed(subjects: list, words: SideWords) -> list:
    """The subjects of a verb without the name of an attribution the parser took for one
    ("According to the agency Tass, the ministry gave ...", parsed with Tass the subject
    and the ministry its apposition): its apposition instead, else nothing."""
    found = []
    for word in subjects:
        if not _after_attribution(word, words):
            found.append(word)
            continue
        found += [c for c in word.children if c.dep_ == "appos"]
    return found


def _after_attribution(word, words: SideWords) -> bool:
    """Whether an attribution phrase opens the stretch of the sentence before `word`, with
    no comma between them ("According to the agency Tass": Tass)."""
    index = word.i - 1
    sentence_start = word.sent.start
    while index >= sentence_start and word.doc[index].text not in (",", ";", ":", "(", ")"):
        index -= 1
    opening = tuple(t.lower_ for t in word.doc[index + 1: word.i])
    return any(opening[: len(p)] == p for p in words.attribution_phrases)


def stray_by_agents(noun, grammar: FunctionWords) -> list:
    """The "by" phrase of an event noun that the parser hung elsewhere: on the noun's own
    "of" object ("criticism of X's record by Y") or on the active verb the noun is the object
    of ("rejected criticism of X by Y"): Y does the event. Not a passive verb's agent."""
    hosts = [w for p in noun.children if p.dep_ == "prep" and p.lower_ in grammar.genitive_preps for w in p.children if w.dep_ == "pobj"]
    verb = noun.head
    if noun.dep_ in ("dobj", "obj") and not any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        hosts.append(verb)
    return [o for h in hosts for p in h.children if p.dep_ in ("prep", "agent") and p.lower_ in grammar.agent_preps and p.i > noun.i
            for o in p.children if o.dep_ == "pobj"]


def unmirrored_sources(token, roles: str, sources: list, targets: list, actors) -> list:
    """The sources of a directed event without a generic state organ given the country it
    acts on ("officials accusing X", resolved to X's officials by the article's dominant
    country): that organ is of the one other country its sentence names, else of none. A
    country written in the phrase ("X's officials") stays, and so does a crowd's ("protesters
    marched against X": X's own). `actors` is the article's `ArticleActors`."""
    targeted = {t.id for t in targets if t.kind == "country"}
    if roles != "directed" or not targeted:
        return sources
    found = []
    for source in sources:
        country = actors.kb.countries.get(source.country or "")
        parts = source.id.split(":")
        if source.country not in targeted or country is None or state_of(source.id, actors.lexicon.sectors) is None \
                or not source.name.endswith(f"({country.name})"):
            found.append(source)
            continue
        other = _sentence_countries(token, actors) - targeted
        home = other.pop() if len(other) == 1 else None
        written = source.name[: -len(f" ({country.name})")]
        name = f"{written} ({actors.kb.countries[home].name})" if home in actors.kb.countries else written
        found.append(replace(source, id=f"group:{(home or 'x').lower()}:{parts[2]}", name=name, country=home))
    return found


def _sentence_countries(token, actors) -> set[str]:
    """The countries a token's sentence names: country actors and the countries of places."""
    start, end = token.sent.start_char, token.sent.end_char
    context = actors.context
    found = {m.value for m in context.actor_mentions if start <= m.start < end and m.value in actors.kb.countries}
    return found | {place.country for m in context.place_mentions if start <= m.start < end
                    and (place := context.places.get(m.value or "")) is not None and place.country}


def former_title_holder(token, person_starts: list[int], words: SideWords, window: int = 5) -> int | None:
    """The start of the last person mention before "the former <noun>" (`token`, a noun with
    a former-word modifier and nothing named on it) that the article titled with a former-word
    and the same noun within `window` words before it ("Former Togolese President X"), else None."""
    if not any(c.dep_ in ("amod", "compound") and c.lower_ in words.former_words for c in token.children):
        return None
    doc, lemma = token.doc, token.lemma_.lower()
    for start in sorted((s for s in person_starts if s < token.idx), reverse=True):
        span = doc.char_span(start, start + 1, alignment_mode="expand")
        if span is None:
            continue
        before = doc[max(0, span.start - window): span.start]
        if any(w.lower_ in words.former_words for w in before) and any(w.lemma_.lower() == lemma for w in before):
            return start
    return None


def enacting_quantity_verb(noun, enacting_verbs: frozenset[str], words: SideWords, genitive_preps: frozenset[str]):
    """The enacting verb whose object counts an event noun ("announced a new round of
    sanctions": announced), else None."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in genitive_preps or prep.head.lemma_.lower() not in words.quantity_nouns:
        return None
    quantity = prep.head
    if quantity.dep_ not in ("dobj", "obj") or quantity.head.lemma_.lower() not in enacting_verbs:
        return None
    return quantity.head


def thing_makers(verb, type_: str, words: SideWords) -> list:
    """The words naming who made the thing a trigger of `made_thing_target_types` acts on:
    the subject of the verb the thing is the object of ("X proposed a resolution, which was
    vetoed"), the agent of a participle on the thing ("the victory claimed by X but disputed
    by Y"). The thing is the trigger's object, its passive subject, or the noun its relative
    clause or coordinated participle describes."""
    if type_ not in words.made_thing_target_types:
        return []
    things = [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass") and c.tag_ not in ("WDT", "WP")]
    if verb.dep_ == "relcl":
        things.append(verb.head)
    elif verb.dep_ == "conj" and verb.head.dep_ == "acl":  # "claimed by X but disputed by Y"
        things.append(verb.head.head)
    makers = []
    for thing in things:
        if thing.dep_ in ("dobj", "obj") and thing.head.i != verb.i and thing.head.pos_ == "VERB":
            makers += [c for c in thing.head.children if c.dep_ == "nsubj"]
        makers += [o for acl in thing.children if acl.dep_ == "acl" and acl.i != verb.i
                   for agent in acl.children if agent.dep_ == "agent" for o in agent.children if o.dep_ == "pobj"]
    return makers


def followers_protest_targets(token, type_: str, sources: list, targets: list, actors) -> list:
    """`targets`, with the article's country (its dateline's, else the one it names most)
    for a protest of `state_target_types` with no target whose sources are all persons of no
    known country ("X's supporters blocked roads", the supporters read as X); `actors` is
    the article's `ArticleActors`."""
    roles = actors.lexicon.roles
    if type_ not in roles.state_target_types or targets or not sources:
        return targets
    if any(a.kind != "person" or actors.country_of(a) is not None for a in sources):
        return targets
    if any(c.dep_ == "prep" and c.lower_ in roles.state_target_preps for c in token.children):
        return targets
    country = actors.country.dateline or actors.country.dominant
    if country not in actors.kb.countries:
        return targets
    return [*targets, actors.describe(country, None, "target", token.idx, token.idx + len(token.text))]


def answered_accusers(verb, type_: str, sources: list, targets: list, found: list, words: SideWords) -> list:
    """`targets`, or for a denial of charges with none (`answered_types`, an object among
    `charge_nouns`) the sources of the last accusation in `found` (events found before it,
    with `.type` and `.actors`) aimed at one of its sources."""
    if type_ not in words.answered_types or targets or not sources:
        return targets
    if not any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() in words.charge_nouns for c in verb.children):
        return targets
    denying = {a.id for a in sources}
    for event in reversed(found):
        if event.type in words.accusation_types and any(a.role == "target" and a.id in denying for a in event.actors):
            return [replace(a, role="target") for a in event.actors if a.role == "source" and a.id not in denying]
    return targets

