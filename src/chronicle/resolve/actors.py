"""Actor mentions resolved to identities, as of the article's date.

Mentions come from named entities (PERSON, ORG, GPE, NORP), role descriptions ("the
Russian president", "Israel's prime minister", "his Turkish counterpart"), seats of
power used as metonyms ("Downing Street"), capitals acting as governments ("Paris said")
and personal pronouns. They are resolved in two passes over the article:

1. names: a full name or alias in the KB; a variant spelling of a KB name with the same
   surname; a surname (or any name part) of a person named earlier in the article;
   a surname that only one KB person holding office on the date has;
2. what depends on the article's other evidence: surnames and typos matched against the
   persons the article names anywhere ("Merkle" when "Merkel" is named), then
   descriptions (office holder of that country on that date, preferring persons the
   article names) and pronouns (the most recent person, a subject preferred).

Persons not in the KB become corpus actors with a stable id; titles and appositions give
dated role evidence for KB and corpus actors alike.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from ..data import load_yaml
from ..kb import Actor, KnowledgeBase, name_key
from ..model import CorpusActor, Mention, RoleEvidence
from ..nlp import doc_text
from .titles import own_title_holder

if TYPE_CHECKING:  # spaCy itself is imported by chronicle.nlp (chronicle.spacy_import)
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

MAIN_OFFICES = ("head_of_state", "head_of_government", "foreign_minister", "defence_minister")
LEADER = "leader"


@dataclass(frozen=True)
class ResolverLexicon:
    """Words the resolver reads, from `data/resolve.yaml`."""

    pronouns: frozenset[str]
    counterparts: frozenset[str]
    determiners: frozenset[str]
    honorifics: frozenset[str]
    agent_dependencies: frozenset[str]
    family_name_first: frozenset[str]
    other_office: frozenset[str]
    same_office: frozenset[str]
    locative: frozenset[str]
    possessives: frozenset[str]
    object_dependencies: frozenset[str]
    title_function_words: frozenset[str]
    feminine_pronouns: frozenset[str] = frozenset()
    feminine_honorifics: frozenset[str] = frozenset()
    masculine_honorifics: frozenset[str] = frozenset()
    ordinal_referents: Mapping[str, int] = field(default_factory=dict)


def load_lexicon() -> ResolverLexicon:
    data = load_yaml("resolve.yaml")
    words = lambda key: frozenset(str(w).lower() for w in data.get(key) or [])  # noqa: E731
    return ResolverLexicon(
        pronouns=words("person_pronouns"),
        counterparts=words("counterpart_words"),
        determiners=words("determiners"),
        honorifics=words("honorifics"),
        agent_dependencies=frozenset(data.get("agent_dependencies") or []),
        family_name_first=frozenset(data.get("family_name_first") or []),
        other_office=words("other_office_modifiers"),
        same_office=words("same_office_modifiers"),
        locative=words("locative_prepositions"),
        possessives=words("possessive_pronouns"),
        object_dependencies=frozenset(data.get("object_dependencies") or []),
        title_function_words=words("title_function_words"),
        feminine_pronouns=words("feminine_pronouns"),
        feminine_honorifics=words("feminine_honorifics"),
        masculine_honorifics=words("masculine_honorifics"),
        ordinal_referents={str(k).lower(): int(v) for k, v in (data.get("ordinal_referents") or {}).items()},
    )


@dataclass(frozen=True)
class ActorPatterns:
    """Regular expressions built once from the KB: titles, seats, modifiers."""

    titles: re.Pattern[str]
    seats: re.Pattern[str]
    family_names: dict[str, tuple[str, ...]]  # first name part of family-name-first persons
    counterparts: frozenset[str]  # name keys of the counterpart words
    leader_words: frozenset[str]  # lower-cased leader words
    surnames: tuple[str, ...]  # the KB's surname keys, for fuzzy look-up
    given_names: dict[str, tuple[str, ...]] = field(default_factory=dict)  # first name part -> persons
    government_led: frozenset[str] = frozenset()  # countries the head of government leads
    particles: frozenset[str] = frozenset()  # "el" of "el-Sisi"
    organizations: re.Pattern[str] | None = None  # the KB's capitalised names of several words


def _alternation(phrases) -> str:
    ordered = sorted({p for p in phrases if p}, key=lambda p: (-len(p), p))
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered) or "(?!)"


def build_patterns(kb: KnowledgeBase, lexicon: ResolverLexicon) -> ActorPatterns:
    titles = [w for words in kb.office_titles.values() for w in words]
    titles += [w for words in kb.country_titles.values() for w in words]
    titles += list(kb.leader_words) + list(lexicon.counterparts)
    seats = [seat for country in kb.countries.values() for seat in country.seats]
    seats = [re.sub(r"^the\s+", "", s, flags=re.IGNORECASE) for s in seats]
    family: dict[str, set[str]] = {}
    given: dict[str, set[str]] = {}
    for actor in kb.actors.values():
        if actor.kind == "person":
            for name in (actor.name, *actor.aliases):
                given.setdefault(name_key(name).split()[0], set()).add(actor.id) if name_key(name) else None
    for actor in kb.actors.values():
        if actor.kind == "person" and actor.country in lexicon.family_name_first:
            for name in (actor.name, *actor.aliases):
                family.setdefault(name_key(name).split()[0], set()).add(actor.id)
    return ActorPatterns(
        family_names={k: tuple(sorted(v)) for k, v in family.items()},
        given_names={k: tuple(sorted(v)) for k, v in given.items()},
        government_led=frozenset(str(c).upper() for c in load_yaml("resolve.yaml").get("government_led") or ()),
        particles=frozenset(str(w).lower() for w in load_yaml("resolve.yaml").get("surname_particles") or ()),
        counterparts=frozenset(name_key(w) for w in lexicon.counterparts),
        leader_words=frozenset(w.lower() for w in kb.leader_words),
        surnames=tuple(kb.surnames),
        titles=re.compile(rf"\b(?:{_alternation(t.lower() for t in titles)})s?\b", re.IGNORECASE),
        seats=re.compile(rf"\b(?:the\s+)?(?:{_alternation(seats)})\b"),
        organizations=_organization_names(kb),
    )


def _organization_names(kb: KnowledgeBase) -> re.Pattern[str] | None:
    """The names of the KB's organizations and groups written in several capitalised words
    ("Economic Community of ..."), matched as written: the tagger may miss or cut them."""
    names = [name for actor in kb.actors.values() if actor.kind in ("organization", "group")
             for name in (actor.name, *actor.aliases)
             if len(name.split()) > 1 and name[:1].isupper() and len(kb.names.get(name_key(name), ())) == 1]
    return re.compile(rf"(?<![\w-])(?:{_alternation(names)})(?![\w-])") if names else None


@dataclass
class ActorResolution:
    """Everything actor resolution found in one article."""

    mentions: list[Mention] = field(default_factory=list)
    evidence: list[RoleEvidence] = field(default_factory=list)
    corpus_actors: dict[str, CorpusActor] = field(default_factory=dict)


@dataclass
class _Candidate:
    """A mention being resolved."""

    start: int
    end: int
    text: str
    label: str  # PERSON ORG GPE NORP ROLE PRON METONYM
    subject: bool = False
    possessive: bool = False  # PRON: "his", "her"
    clause: int = -1  # the verb governing the mention (token index), for binding constraints
    offices: tuple[str, ...] = ()  # ROLE: offices the title names
    title: str = ""
    country: str | None = None  # ROLE: the country modifier; GPE/NORP: the country
    counterpart: bool = False
    plural: bool = False
    full_name: str = ""  # PERSON: the full name a bare surname refers to
    title_of: int | None = None  # ROLE: index of the PERSON it titles
    titled: str = ""  # PERSON: the honorific or title before it ("King Salman", "President Isaias")
    value: str | None = None
    method: str = ""
    confidence: float = 0.0
    kind: str = "person"
    ordinal: int = 0  # "the latter" 1, "the former" 2: which person back it names


def corpus_id(name: str, kind: str = "person") -> str:
    """A stable id for an actor the KB does not know."""
    slug = "-".join(name_key(name).split()) or "unnamed"
    return f"corpus:{kind}:{slug}"


def resolve_actors(
    doc: Doc,
    kb: KnowledgeBase,
    lexicon: ResolverLexicon,
    patterns: ActorPatterns,
    day: dt.date | None,
) -> ActorResolution:
    """The actor mentions of one parsed article, resolved as of `day` (its date, or None)."""
    candidates = _candidates(doc, kb, lexicon, patterns)
    _resolve_names(candidates, kb, patterns, day)
    _resolve_from_context(candidates, kb, day, doc, lexicon.pronouns, patterns.government_led, lexicon)
    result = ActorResolution()
    for c in candidates:
        if c.value and c.value.startswith("corpus:"):
            result.corpus_actors[c.value] = CorpusActor(c.value, c.full_name or c.text, c.kind)
        result.mentions.append(
            Mention(
                c.start,
                c.end,
                c.text,
                "actor",
                c.value,
                c.method or "unresolved",
                round(c.confidence, 2),
                c.label,
            )
        )
    result.evidence = _role_evidence(candidates, doc, day)
    return result


# ---- finding candidates ------------------------------------------------------------------


def _candidates(
    doc: Doc, kb: KnowledgeBase, lexicon: ResolverLexicon, patterns: ActorPatterns
) -> list[_Candidate]:
    found: list[_Candidate] = []
    text = doc_text(doc)
    taken = [False] * (len(text) + 1)

    def free(start: int, end: int) -> bool:
        return not any(taken[start:end])

    def take(candidate: _Candidate) -> None:
        for i in range(candidate.start, candidate.end):
            taken[i] = True
        found.append(candidate)

    for ent in doc.ents:  # names first: a title before a name is evidence, not a description
        person = (ent.label_ == "PERSON" and not _is_place_name(ent.text, kb) and ent.text.lower() not in lexicon.pronouns
                  and not ent.text[:1].islower())  # "wi", "the": NER debris, not a name
        if person or _titled_name(ent, kb, lexicon):
            span = _strip_honorifics(ent, lexicon)
            if span is not None:
                span = _with_name_tail(_with_hyphenated_tail(span, text), kb)
                take(
                    _Candidate(
                        span.start_char,
                        span.end_char,
                        span.text,
                        "PERSON",
                        subject=_is_subject(span, lexicon),
                        titled=doc[span.start - 1].lower_ if span.start > 0 and doc[span.start - 1].lower_ in lexicon.honorifics else "",
                    )
                )
    for match in patterns.seats.finditer(text):
        country = kb.seats.get(name_key(match.group(0))) or kb.seats.get(
            name_key(re.sub(r"^the\s+", "", match.group(0), flags=re.I))
        )
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if (
            country
            and span is not None
            and free(span.start_char, span.end_char)
            and not _is_locative(span, lexicon)
        ):
            take(
                _Candidate(
                    span.start_char,
                    span.end_char,
                    span.text,
                    "METONYM",
                    country=country,
                    kind="country",
                )
            )
    for match in patterns.titles.finditer(text):
        roles = _role_phrase(doc, text, match, kb, lexicon, patterns)
        if roles and free(roles[0].start, roles[0].end):
            for role in roles:  # one span may describe several persons: one mention each
                take(role)
    for ent in doc.ents:
        if ent.label_ in ("ORG", "GPE", "NORP", "FAC") and free(ent.start_char, ent.end_char):
            candidate = _entity_candidate(ent, kb, lexicon)
            if candidate is not None:
                take(candidate)
        elif ent.label_ in ("WORK_OF_ART", "PRODUCT") and free(ent.start_char, ent.end_char):
            candidate = _misread_group(ent, kb)
            if candidate is not None:
                take(candidate)
    for match in patterns.organizations.finditer(text) if patterns.organizations is not None else ():
        span = doc.char_span(match.start(), match.end())
        ids = kb.names.get(name_key(match.group(0)), ())
        if span is not None and free(span.start_char, span.end_char) and len(ids) == 1:
            take(_Candidate(span.start_char, span.end_char, span.text, "ORG", value=ids[0], method="alias",
                            confidence=0.85, kind=kb.actors[ids[0]].kind))
    for token in doc:  # "the latter"
        if token.lower_ in lexicon.ordinal_referents and any(c.lower_ == "the" for c in token.children) and free(token.idx, token.idx + len(token)):
            take(_Candidate(token.idx, token.idx + len(token), token.text, "PRON", ordinal=lexicon.ordinal_referents[token.lower_]))
    for token in doc:
        if (
            token.lower_ in lexicon.pronouns
            and token.pos_ == "PRON"
            and free(token.idx, token.idx + len(token))
        ):
            take(
                _Candidate(
                    token.idx,
                    token.idx + len(token),
                    token.text,
                    "PRON",
                    subject=token.dep_ in lexicon.agent_dependencies and token.dep_ != "poss",
                    possessive=token.dep_ == "poss",
                    clause=_clause_verb(token) if token.dep_ in lexicon.object_dependencies else -1,
                )
            )
    found.sort(key=lambda c: c.start)
    found = _split_name_pairs(found, kb, patterns)
    _relabel_persons(found, kb, patterns.particles)
    for c in found:  # the verb each subject is the subject of
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        root = span.root if span is not None else None
        while root is not None and root.dep_ == "conj" and root.head.i != root.i:  # "Kerry and Cameron met him"
            root = root.head
        if root is not None and c.label != "PRON" and root.dep_ in ("nsubj", "nsubjpass"):
            c.clause = root.head.i
    for index, c in enumerate(found):  # a title directly before a name titles it
        if c.label == "ROLE" and not c.plural and index + 1 < len(found):
            nxt = found[index + 1]
            if nxt.label == "PERSON" and text[c.end : nxt.start].strip() == "":
                c.title_of = index + 1
    return found


_HYPHEN_TAIL = re.compile(r"-[^\W\d_]+")


def _with_hyphenated_tail(span: SpacySpan, text: str) -> SpacySpan:
    """A name NER cut at a hyphen ("Moon Jae" of "Moon Jae-in") gets its tail back."""
    tail = _HYPHEN_TAIL.match(text, span.end_char)
    if tail is None:
        return span
    extended = span.doc.char_span(span.start_char, tail.end(), alignment_mode="expand")
    return extended if extended is not None else span


def _with_name_tail(span: SpacySpan, kb: KnowledgeBase) -> SpacySpan:
    """A name NER cut one word short ("Moon Jae" of "Moon Jae In", "Khan" of "Imran Khan")
    when the KB knows it whole."""
    if span.end < len(span.doc) and name_key(span.doc[span.start : span.end + 1].text) in kb.names:
        return span.doc[span.start : span.end + 1]
    if span.start > 0 and name_key(span.doc[span.start - 1 : span.end].text) in kb.names:
        return span.doc[span.start - 1 : span.end]
    return span


_SURNAME_PAIR = re.compile(r"^([^\W\d_][\w']+)\s+([^\W\d_][\w']+)\s*$")
_NAME_PAIR = re.compile(r"^([^\W\d_][\w']+)[-–]([^\W\d_][\w']+)$")


def _split_name_pairs(found: list[_Candidate], kb: KnowledgeBase, patterns: ActorPatterns) -> list[_Candidate]:
    """"Biden-Xi summit", "Moon-Kim talks": a hyphenated pair of names is two persons."""
    parts = set().union(*(_parts(c.text) for c in found if c.label == "PERSON" and " " in c.text.strip()))
    known = lambda key: key in parts or key in kb.surnames or key in patterns.family_names  # noqa: E731
    result = []
    for c in found:
        pair = _NAME_PAIR.match(c.text) if c.label in ("PERSON", "ORG", "NORP", "GPE") and c.value is None else None
        if pair is None and c.label == "PERSON":
            pair = _SURNAME_PAIR.match(c.text)
            if pair and not all(len(kb.surnames.get(name_key(p), ())) == 1 for p in pair.groups()):
                pair = None
        if pair and name_key(c.text) not in kb.names and all(known(name_key(p)) for p in pair.groups()):
            for index in (1, 2):
                result.append(_Candidate(c.start + pair.start(index), c.start + pair.end(index), pair.group(index), "PERSON"))
        else:
            result.append(c)
    return result


def _relabel_persons(found: list[_Candidate], kb: KnowledgeBase, particles: frozenset[str] = frozenset()) -> None:
    """NER often tags a surname as ORG: an unknown ORG that is a person's name part (after a
    particle: "El-Sisi") is a PERSON."""
    parts = set().union(*(_parts(c.text) for c in found if c.label == "PERSON"))
    for c in found:
        if c.label == "ORG" and c.value is None:
            key = name_key(c.text)
            if len(key.split()) == 2 and key.split()[0] in particles:
                key = key.split()[1]
            if key in parts or key in kb.surnames or any(kb.actors[i].kind == "person" for i in kb.names.get(key, ())):
                c.label, c.kind = "PERSON", "person"


def _strip_honorifics(ent: SpacySpan, lexicon: ResolverLexicon) -> SpacySpan | None:
    start, end = ent.start, ent.end
    while start < end and ent.doc[start].lower_ in lexicon.honorifics:
        start += 1
    while end > start and (ent.doc[end - 1].is_punct or ent.doc[end - 1].lower_ in ("'s", "’s")):
        end -= 1
    return ent.doc[start:end] if end > start else None


def _titled_name(ent: SpacySpan, kb: KnowledgeBase, lexicon: ResolverLexicon) -> bool:
    """An entity NER calls an organization that is a title and a KB person's name ("PM Modi")."""
    if ent.label_ not in ("ORG", "NORP", "GPE") or len(ent) < 2 or ent[0].lower_ not in lexicon.honorifics:
        return False
    key = name_key(ent[1:].text)
    return key in kb.surnames or any(kb.actors[i].kind == "person" for i in kb.names.get(key, ()))


def _is_place_name(text: str, kb: KnowledgeBase) -> bool:
    """NER sometimes tags a capital, a country or a demonym as a person ("Kyiv")."""
    key = name_key(text)
    return key in kb.capitals or key in kb.country_names or key in kb.demonyms


def _clause_verb(token) -> int:
    """The verb a token hangs from (its nearest verb ancestor), or -1."""
    for ancestor in token.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            return ancestor.i
    return -1


def _is_subject(span: SpacySpan, lexicon: ResolverLexicon) -> bool:
    return span.root.dep_ in lexicon.agent_dependencies and span.root.dep_ != "poss"


def _is_locative(span: SpacySpan, lexicon: ResolverLexicon) -> bool:
    return span.root.dep_ == "pobj" and span.root.head.lower_ in lexicon.locative


def _role_phrase(
    doc: Doc, text: str, match: re.Match[str], kb: KnowledgeBase, lexicon: ResolverLexicon, patterns: ActorPatterns
) -> list[_Candidate]:
    """Descriptions around a title: [the|his|Israel's] [Russian] title [of Russia] [counterpart].

    A plural title with several countries ("the Iranian and Turkish presidents", "the
    foreign ministers of Germany and France") describes one person per country.
    """
    span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
    if span is None:
        return []
    title, plural = _singular_title(match.group(0).lower(), kb, patterns)
    counterpart = name_key(title) in patterns.counterparts
    start = span.start
    countries: list[str] = []
    index = span.start - 1
    while index >= 0 and index >= span.start - (8 if plural else 4):  # modifiers, right to left
        token = doc[index]
        if token.lower_ in ("'s", "’s") and index > 0:
            found = kb.country_of_word(doc[index - 1].text)
            if found:
                countries.insert(0, found)
                start, index = index - 1, index - 2
                continue
            break
        found, width = _country_ending_at(doc, index, kb)
        if found and (plural or not countries):
            countries.insert(0, found)
            start = index = index - width + 1
        elif plural and countries and token.lower_ in (",", "and"):
            pass
        elif plural and countries and token.lower_ == "the" and index > 0 and doc[index - 1].lower_ in (",", "and"):
            pass  # "the U.S. and the Russian presidents": a determiner inside the list
        elif token.lower_ in lexicon.other_office:
            return []  # "Deputy Foreign Minister", "former President": not the holder
        elif token.lower_ in lexicon.determiners:
            start = index
            break
        elif token.text[:1].isupper() and token.pos_ in ("PROPN", "ADJ") and not found:
            break  # another modifier ("Finish Foreign Minister"): keep it out
        elif not found and token.lower_ not in lexicon.same_office:
            break
        index -= 1
    following, end = _countries_after_of(doc, span.end, kb, plural)
    if following:
        countries, span = following, doc[span.start : end]
    if plural and not countries:
        return []  # "the leaders", "the two presidents": several persons, left to the event's context
    if counterpart:
        if not any(doc[i].lower_ in lexicon.possessives for i in range(start, span.start)):
            return []
    elif not countries and doc[start].lower_ not in lexicon.determiners and not _title_case(span, lexicon):
        return []  # "president" in running text without "the": not a description
    text_start = doc[start].idx
    candidates = []
    for country in countries or [None]:
        if counterpart:
            offices: tuple[str, ...] = ()
        elif title in patterns.leader_words:
            offices = (LEADER,)
        else:
            offices = tuple(kb.offices_titled(title, country))
            if not offices and (country is not None or name_key(title) not in kb.titles):  # "the Queen": see titles.py
                continue
        candidates.append(
            _Candidate(
                text_start, span.end_char, text[text_start : span.end_char], "ROLE",
                subject=_is_subject(doc[start : span.end], lexicon), offices=offices, title=title,
                country=country, counterpart=counterpart, plural=plural,
            )
        )
    return candidates


def _country_ending_at(doc: Doc, index: int, kb: KnowledgeBase) -> tuple[str | None, int]:
    """A country named by the words ending at `index` ("North Korean", "South Africa's")."""
    for width in (3, 2, 1):
        words = doc[max(index - width + 1, 0) : index + 1]
        if len(words) == width and not any(token.is_space for token in words):
            found = kb.country_of_word(words.text)
            if found:
                return found, width
    return None, 1


def _singular_title(title: str, kb: KnowledgeBase, patterns: ActorPatterns) -> tuple[str, bool]:
    """A matched title and whether it was plural ("presidents" -> "president", True)."""
    if title.endswith("s") and (
        kb.titles.get(name_key(title[:-1]))
        or name_key(title[:-1]) in patterns.counterparts
        or title[:-1] in patterns.leader_words
    ):
        return title[:-1], True
    return title, False


def _countries_after_of(doc: Doc, index: int, kb: KnowledgeBase, plural: bool) -> tuple[list[str], int]:
    """Countries named after a title: "of Russia", "of Germany, France, and the United Kingdom"."""
    if index >= len(doc) or doc[index].lower_ != "of":
        return [], index
    countries, cursor, end = [], index + 1, index
    while cursor < len(doc):
        while cursor < len(doc) and doc[cursor].lower_ in ("the", ",", "and"):
            cursor += 1
        for width in (4, 3, 2, 1):  # the longest country name starting here
            words = doc[cursor : cursor + width]
            found = kb.country_of_word(words.text) if len(words) == width else None
            if found:
                countries.append(found)
                cursor = end = cursor + width
                break
        else:
            break
        if not plural:
            break
    return countries, end


def _title_case(span: SpacySpan, lexicon: ResolverLexicon) -> bool:
    """A title written as one ("Foreign Minister"), small function words aside."""
    return all(t.text[:1].isupper() for t in span if t.is_alpha and t.lower_ not in lexicon.title_function_words)


def _misread_group(ent: SpacySpan, kb: KnowledgeBase) -> _Candidate | None:
    """A known organization or group the tagger misread as a title or product, alone or
    before its members' noun ("X Islamists", "X fighters"): the longest leading words
    that name exactly one organization or group of the knowledge base; the mention keeps
    the whole name, so the members' noun the parse hangs roles on stays inside it."""
    for end in range(len(ent), 1, -1):
        span = ent[:end]
        ids = kb.names.get(name_key(span.text), ())
        if len(ids) == 1 and kb.actors[ids[0]].kind in ("organization", "group"):
            return _Candidate(ent.start_char, ent.end_char, ent.text, "ORG", value=ids[0],
                              method="alias", confidence=0.8, kind=kb.actors[ids[0]].kind)
    return None


def _entity_candidate(
    ent: SpacySpan, kb: KnowledgeBase, lexicon: ResolverLexicon
) -> _Candidate | None:
    text = ent.text
    key = name_key(text)
    if ent.label_ in ("GPE", "NORP"):
        country = kb.country_of_word(text) or kb.country_of_word(
            re.sub(r"^the\s+", "", text, flags=re.I)
        )
        if country:
            method = "demonym" if key in kb.demonyms else "country"
            return _Candidate(
                ent.start_char,
                ent.end_char,
                text,
                ent.label_,
                country=country,
                value=country,
                method=method,
                confidence=0.9,
                kind="country",
            )
        capital_of = kb.capitals.get(key)
        if capital_of and ent.root.dep_ in lexicon.agent_dependencies:
            return _Candidate(
                ent.start_char,
                ent.end_char,
                text,
                "METONYM",
                country=capital_of,
                value=capital_of,
                method="metonym",
                confidence=0.75,
                kind="country",
            )
        ids = kb.names.get(key, ())
        if len(ids) == 1 and kb.actors[ids[0]].kind in ("organization", "group"):
            return _Candidate(
                ent.start_char,
                ent.end_char,
                text,
                "ORG",
                value=ids[0],
                method="alias",
                confidence=0.9,
                kind=kb.actors[ids[0]].kind,
            )
        return None
    if ent.label_ == "FAC":
        return None  # places are resolved by the place resolver
    ids = kb.names.get(key) or kb.names.get(name_key(re.sub(r"^the\s+", "", text, flags=re.I)), ())
    if len(ids) == 1:
        actor = kb.actors[ids[0]]
        if actor.kind == "person":
            return _Candidate(
                ent.start_char,
                ent.end_char,
                text,
                "PERSON",
                value=actor.id,
                method="alias",
                confidence=0.9,
            )
        return _Candidate(
            ent.start_char,
            ent.end_char,
            text,
            "ORG",
            value=actor.id,
            method="alias",
            confidence=0.9,
            kind=actor.kind,
        )
    return _Candidate(ent.start_char, ent.end_char, text, "ORG", kind="organization")


# ---- pass 1: names --------------------------------------------------------------------------


def _resolve_names(
    candidates: list[_Candidate], kb: KnowledgeBase, patterns: ActorPatterns, day: dt.date | None
) -> None:
    named: list[tuple[str, set[str]]] = []  # (actor id, name parts) of persons named so far
    surnames = Counter(name_key(c.text).split()[-1] for c in candidates if c.label == "PERSON" and name_key(c.text))
    for index, c in enumerate(candidates):
        if c.label != "PERSON" or c.value is not None:
            if c.label == "PERSON" and c.value:
                named.append((c.value, _parts(c.text)))
            continue
        key = name_key(c.text)
        parts = key.split()
        if len(parts) == 2 and parts[0] in patterns.particles and key not in kb.names:  # "El-Sisi": Sisi
            key, parts = parts[1], parts[1:]
        title = candidates[index - 1] if index and candidates[index - 1].title_of == index else None
        if key in kb.names and len(kb.names[key]) == 1:
            c.value, c.method, c.confidence = kb.names[key][0], "alias", 0.95
        elif len(parts) == 1:
            earlier = _most_named([actor for actor, name_parts in named if key in name_parts])
            if earlier:
                c.value, c.method, c.confidence = earlier, "name-part", 0.9
            else:
                _by_surname(c, key, kb, patterns, day, title)
        else:
            _by_variant(c, parts, kb, patterns) or (surnames[parts[-1]] < 2 and _by_known_prefix(c, parts, kb, named))
        if c.value and kb.actors.get(c.value, Actor("", "", "person")).kind == "person":
            named.append((c.value, _parts(c.text) | _parts(kb.actors[c.value].name)))


def _most_named(actors: list[str]) -> str | None:
    """Of the persons a name part fits, the one named most often so far (ties: the latest)."""
    if not actors:
        return None
    counts = Counter(actors)
    return max(reversed(actors), key=lambda actor: counts[actor])


def _by_known_prefix(c: _Candidate, parts: list[str], kb: KnowledgeBase, named: list[tuple[str, set[str]]]) -> bool:
    """A name NER ran into the next words ("Blinken Meets With"): its first word alone. Not
    when the article names the person by the last word elsewhere ("Yahya Jammeh ... Mr
    Jammeh": a full name whose given name is someone else's surname)."""
    first = parts[0]
    surname_of = set(kb.surnames.get(first, ()))
    known = _most_named([actor for actor, _ in named if actor in surname_of])
    if known is None and len(surname_of) == 1:
        known = next(iter(surname_of))
    if known is not None:
        c.value, c.method, c.confidence = known, "name-part", 0.7
    return known is not None


def _parts(text: str) -> set[str]:
    return {part for part in name_key(text).split() if len(part) > 1}


def _by_surname(
    c: _Candidate,
    key: str,
    kb: KnowledgeBase,
    patterns: ActorPatterns,
    day: dt.date | None,
    title: _Candidate | None,
) -> None:
    """A bare surname: the one KB person with it in office on the date (and in the title's office)."""
    ids = set(kb.surnames.get(key, ())) | set(kb.ambiguous_names.get(key, ()))
    ids |= {a for a in kb.names.get(key, ()) if kb.actors[a].kind == "person"}
    ids |= set(patterns.family_names.get(key, ()))
    offices = _offices(title) if title is not None and title.offices else tuple({o for o, _ in kb.titles.get(name_key(c.titled), ())}) if c.titled else ()
    by_given = set()
    if offices and day is not None:  # "King Salman", "President Isaias": a given name and a title, in office
        by_given = {i for i in patterns.given_names.get(key, ()) if i not in ids and kb.actors[i].roles_on(day)}
        ids |= by_given
    people = [kb.actors[i] for i in sorted(ids)]
    if offices:
        country = title.country if title is not None else None
        people = [
            p for p in people if any(r.office in offices and (not country or r.seat == country) for r in p.roles_on(day))
        ] or [p for p in people if p.id not in by_given]
    if day is not None:
        current = [p for p in people if p.roles_on(day)]
        people = current or people
    if len(people) == 1:
        c.value, c.method, c.confidence = people[0].id, "surname", 0.7


_LONG_WORD_VARIANT = 75  # "Bolsanoro" for "Bolsonaro": two letters swapped in a long word


def _variant_scores(scores: list[float], parts: list[str]) -> bool:
    """Whether word-by-word spelling scores make a variant of a name: at most one word not
    identical, close (80) in spelling; a long word (8 letters or more) beside an identical
    one may be a little further off (two vowels swapped)."""
    differing = [(score, part) for score, part in zip(scores, parts, strict=True) if score < 100]
    if len(differing) > 1:
        return False
    if not differing:
        return True
    score, part = differing[0]
    return score >= 80 or score >= _LONG_WORD_VARIANT and len(part) >= 8 and len(parts) >= 2


def _by_variant(c: _Candidate, parts: list[str], kb: KnowledgeBase, patterns: ActorPatterns) -> bool:
    """A full name spelled otherwise than the KB ("Antony Blinkin"): every word close in
    spelling to the KB name's word in the same place, at most one word not identical; else
    the one KB person whose name it is without its last word ("Abdi Yusuf" for "Abdi Yusuf
    Hassan")."""
    close = process.extract(parts[-1], patterns.surnames, scorer=fuzz.ratio, score_cutoff=_LONG_WORD_VARIANT, limit=5)
    pool = {actor for surname, _, _ in close for actor in kb.surnames[surname]}
    pool |= set(kb.surnames.get(parts[0], ()))
    best, best_score = None, 0.0
    shortened: set[str] = set()  # "Abdi Yusuf Hassan" written "Abdi Yusuf": the last name dropped
    for actor_id in sorted(pool):
        actor = kb.actors[actor_id]
        for name in (actor.name, *actor.aliases):
            words = name_key(name).split()
            if len(words) == len(parts) + 1 and len(parts) >= 2:
                scores = [fuzz.ratio(a, b) for a, b in zip(parts, words[: len(parts)], strict=True)]
                if _variant_scores(scores, parts):
                    shortened.add(actor_id)
            if len(words) != len(parts):
                continue
            scores = [fuzz.ratio(a, b) for a, b in zip(parts, words, strict=True)]
            if _variant_scores(scores, parts) and sum(scores) > best_score:
                best, best_score = actor_id, sum(scores)
    if best is None and len(shortened) == 1:
        best = shortened.pop()
    if best is not None:
        c.value, c.method, c.confidence = best, "variant", 0.85
    return best is not None


# ---- pass 2: context ------------------------------------------------------------------------


def _resolve_from_context(
    candidates: list[_Candidate],
    kb: KnowledgeBase,
    day: dt.date | None,
    doc: Doc,
    pronouns: frozenset[str] | set[str] = frozenset(),
    government_led: frozenset[str] = frozenset(),
    lexicon: ResolverLexicon | None = None,
) -> None:
    persons = [
        c
        for c in candidates
        if c.label == "PERSON" and c.value and not c.value.startswith("corpus:")
    ]
    named_parts: dict[str, set[str]] = {}
    for c in persons:
        named_parts.setdefault(c.value, set()).update(
            _parts(c.text) | _parts(kb.actors[c.value].name)
        )
    for c in candidates:  # surnames named later in the article, and typos of names it holds
        if c.label == "PERSON" and c.value is None:
            _by_article_names(c, named_parts)
    unknown_full = {}
    for c in candidates:  # corpus persons: a surname refers to the full name the article gives
        parts = name_key(c.text).split()
        if c.label == "PERSON" and c.value is None and len(parts) > 1:
            unknown_full.setdefault(parts[-1], c.text)
            unknown_full.setdefault(parts[0], c.text)
    for c in candidates:
        parts = name_key(c.text).split()
        if c.label == "PERSON" and c.value is None and len(parts) == 1 and parts[0] in unknown_full:
            c.full_name = unknown_full[parts[0]]
    for c in candidates:  # what the KB does not know is a corpus actor, named by its full name
        if c.label in ("PERSON", "ORG") and c.value is None and c.text.strip() and name_key(c.text) not in pronouns:  # NER tags a sentence-initial "He" PERSON
            c.kind = "person" if c.label == "PERSON" else "organization"
            c.value = corpus_id(c.full_name or c.text, c.kind)
            c.method, c.confidence = "corpus", 0.5
    countries = Counter(
        c.country for c in candidates if c.country and c.label in ("GPE", "NORP", "METONYM")
    )
    countries.update(kb.actors[c.value].country for c in persons if kb.actors[c.value].country)
    named_ids = {c.value for c in persons}
    article_titles = _titled_in_article(candidates)
    sentence_starts = [sent.start_char for sent in doc.sents]
    persons_seen: list[tuple[int, _Candidate]] = []  # (sentence index, candidate)
    last_person: _Candidate | None = None
    for i, c in enumerate(candidates):
        sentence = bisect_right(sentence_starts, c.start) - 1
        if c.label == "ROLE" and c.title_of is not None:
            titled = candidates[c.title_of]
            c.value, c.method, c.confidence = titled.value, "title-of-name", titled.confidence
        elif c.label == "ROLE" and c.country and not c.counterpart and any((o, c.country) in article_titles for o in _offices(c)):
            c.value = next(article_titles[(o, c.country)] for o in _offices(c) if (o, c.country) in article_titles)
            c.kind, c.method, c.confidence = "person", "title-in-article", 0.8
        elif c.label == "ROLE" and _owned_by_organization(c, candidates[:i]):
            continue  # "<group> stepped up attacks, and its leader ...": the group's leader, no state's
        elif c.label == "ROLE":
            _resolve_description(c, kb, day, named_ids, countries, last_person, government_led)
        elif c.label == "PRON" and c.ordinal and c.value is None:
            antecedent = _ordinal_antecedent(c.ordinal, sentence, persons_seen)
            if antecedent is not None:
                c.value, c.method, c.confidence = antecedent.value, "pronoun", 0.6
        elif c.label == "PRON" and c.value is None and (bound := _bound_possessive(c, sentence, candidates[:i], sentence_starts, lexicon)):
            c.value, c.method, c.confidence = bound.value, "pronoun", 0.6
        elif c.label == "PRON" and c.value is None and (speaker := _reporting_subject(c, doc, candidates[:i])):
            c.value, c.method, c.confidence = speaker.value, "pronoun", 0.6
        elif c.label == "PRON" and c.value is None:
            antecedent = _antecedent(c, sentence, _of_gender(c, persons_seen, candidates, lexicon))
            sentence_end = sentence_starts[sentence + 1] if sentence + 1 < len(sentence_starts) else len(doc_text(doc))
            antecedent = _not_a_compatriot_of_the_object(c, antecedent, persons_seen, candidates[i + 1:], sentence_end, kb)
            if antecedent is not None:
                c.value, c.method, c.confidence = antecedent.value, "pronoun", 0.6
        elif c.label == "METONYM" and c.value is None:
            c.value, c.method, c.confidence = c.country, "metonym", 0.8
        if c.kind == "person" and c.label in ("PERSON", "ROLE") and c.value:
            last_person = c
            if c.label == "PERSON" or c.title_of is None:
                persons_seen.append((sentence, c))


def _bound_possessive(pronoun: _Candidate, sentence: int, before: list[_Candidate], sentence_starts: list[int],
                      lexicon: ResolverLexicon | None) -> _Candidate | None:
    """A possessive after a subject pronoun of the same gender in its sentence is bound to it:
    "X told Y that he would raise it during his meeting with Z" (his = he = X), not the last
    person named (Y)."""
    if not pronoun.possessive or lexicon is None:
        return None
    feminine = pronoun.text.lower() in lexicon.feminine_pronouns
    for c in reversed(before):
        if bisect_right(sentence_starts, c.start) - 1 != sentence:
            return None
        if c.label == "PRON" and c.subject and c.value and not c.plural and (c.text.lower() in lexicon.feminine_pronouns) == feminine:
            return c
    return None


def _reporting_subject(pronoun: _Candidate, doc, before: list[_Candidate]) -> _Candidate | None:
    """The subject pronoun of a clause said, known or decided by a named person is that person:
    "X confirmed he would meet Y", "X said she will visit" (he = X, she = X), not the first
    subject of the sentence."""
    if not pronoun.subject:
        return None
    span = doc.char_span(pronoun.start, pronoun.end, alignment_mode="expand")
    token = span.root if span is not None else None
    if token is None or token.dep_ != "nsubj" or token.head.dep_ != "ccomp":
        return None
    governor = token.head.head
    subject = next((w for w in reversed(list(governor.children)) if w.dep_ == "nsubj" and w.pos_ == "PROPN" and w.i < token.i), None)
    if subject is None:
        return None
    return next((c for c in reversed(before) if c.label == "PERSON" and c.kind == "person" and c.value
                 and c.start <= subject.idx < c.end), None)


def _titled_in_article(candidates: list[_Candidate]) -> dict[tuple[str, str], str]:
    """(office, country) -> the person the article names with that title ("Eritrean
    President X"): a later "the Eritrean president" is that person, in the KB or not."""
    titled: dict[tuple[str, str], str] = {}
    for c in candidates:
        named = candidates[c.title_of] if c.label == "ROLE" and c.title_of is not None else None
        if named is not None and named.value and named.kind == "person" and c.country:
            for office in _offices(c):
                titled.setdefault((office, c.country), named.value)
    return titled


def _offices(c: _Candidate) -> tuple[str, ...]:
    """The offices a title names, "leader" standing for the head of state or government."""
    return ("head_of_state", "head_of_government") if c.offices == (LEADER,) else c.offices


def _of_gender(pronoun: _Candidate, seen: list[tuple[int, _Candidate]], candidates: list[_Candidate],
               lexicon: ResolverLexicon | None) -> list[tuple[int, _Candidate]]:
    """The persons seen a pronoun may refer to: "she" not a person the article calls "Mr",
    "he" not one it calls "Mrs", "Ms", "Queen"."""
    if lexicon is None:
        return seen
    feminine = pronoun.text.lower() in lexicon.feminine_pronouns
    other = lexicon.masculine_honorifics if feminine else lexicon.feminine_honorifics
    excluded = {c.value for c in candidates if c.label == "PERSON" and c.value and c.titled in other}
    return [(s, c) for s, c in seen if c.value not in excluded]


def _antecedent(pronoun: _Candidate, sentence: int, seen: list[tuple[int, _Candidate]]) -> _Candidate | None:
    """The person a pronoun refers to: a subject of its own or the previous sentence with a
    person in it (a possessive too, from an earlier sentence: "X flew in for talks with Y.
    After his meeting with Z, ...": X), else that sentence's last person, else the most
    recent person."""
    if pronoun.clause >= 0:  # "Macron told him": an object is not its own verb's subject
        seen = [(s, c) for s, c in seen if c.clause != pronoun.clause]
    if not seen:
        return None
    nearest = max(s for s, _ in seen)
    if nearest < sentence - 1:  # nobody named lately: the last person named
        return seen[-1][1]
    window = [c for s, c in seen if s == nearest]
    subjects = [c for c in window if c.subject]
    if (pronoun.subject or pronoun.possessive and nearest < sentence) and subjects:
        return subjects[-1] if nearest < sentence else subjects[0]
    return window[-1]


def _ordinal_antecedent(ordinal: int, sentence: int, seen: list[tuple[int, _Candidate]]) -> _Candidate | None:
    """The person "the latter" (1) or "the former" (2) names: counting back distinct persons
    named in its own or the previous sentence."""
    distinct: list[_Candidate] = []
    for s, c in reversed(seen):
        if s < sentence - 1:
            break
        if all(c.value != d.value for d in distinct):
            distinct.append(c)
    return distinct[ordinal - 1] if len(distinct) >= 2 and len(distinct) >= ordinal else None


def _not_a_compatriot_of_the_object(pronoun: _Candidate, antecedent: _Candidate | None, seen: list[tuple[int, _Candidate]],
                                     following: list[_Candidate], sentence_end: int, kb: KnowledgeBase) -> _Candidate | None:
    """A subject pronoun whose sentence goes on to name a person of the antecedent's
    country refers to the foreign person of the antecedent's sentence instead: "King X
    received the Kenyan president. He will also meet Crown Prince Y [X's compatriot]": the
    Kenyan president (`following`: the candidates after the pronoun)."""
    def country(c: _Candidate) -> str | None:
        actor = kb.actors.get(c.value) if c.value else None
        return actor.country if actor is not None else None

    if antecedent is None or not pronoun.subject or country(antecedent) is None:
        return antecedent
    objects = {country(c) for c in following if c.start < sentence_end and c.label == "PERSON"
               and c.kind == "person" and c.value != antecedent.value}
    if country(antecedent) not in objects:
        return antecedent
    sentence = next((s for s, c in seen if c is antecedent), None)
    foreign = [c for s, c in seen if s == sentence and country(c) is not None and country(c) not in objects]
    return foreign[-1] if foreign else antecedent


def _by_article_names(c: _Candidate, named_parts: dict[str, set[str]]) -> None:
    key = name_key(c.text)
    parts = key.split()
    exact = [actor for actor, names in named_parts.items() if parts and parts[-1] in names]
    if len(exact) == 1:
        c.value, c.method, c.confidence = exact[0], "name-part", 0.85
        return
    if len(parts) != 1 or len(key) < 4:
        return
    scored = sorted(
        (
            (max(fuzz.ratio(key, part) for part in names), actor)
            for actor, names in named_parts.items()
        ),
        reverse=True,
    )
    if scored and scored[0][0] >= 80 and (len(scored) == 1 or scored[1][0] < scored[0][0]):
        c.value, c.method, c.confidence = scored[0][1], "typo", 0.75


def _owned_by_organization(c: _Candidate, earlier: list[_Candidate]) -> bool:
    """Whether a title without a country is owned by "its" or "their" after an organization
    named last ("The Front stepped up attacks, and its leader ..."): the organization's
    officer, not the head of the article's state ("Ghana said its president ...": a state)."""
    if c.country or not c.text.lower().startswith(("its ", "their ")):
        return False
    last = next((e for e in reversed(earlier) if e.label in ("ORG", "GPE", "NORP", "PERSON")), None)
    return last is not None and last.label == "ORG"


def _resolve_description(
    c: _Candidate,
    kb: KnowledgeBase,
    day: dt.date | None,
    named_ids: set[str],
    countries: Counter,
    last_person: _Candidate | None,
    government_led: frozenset[str] = frozenset(),
) -> None:
    """ "the Russian president", "his Turkish counterpart", "the prime minister" ("the
    Japanese leader": the head of government where it leads)."""
    offices = c.offices
    if c.counterpart:
        if last_person is None or last_person.value not in kb.actors:
            return
        roles = [r for r in kb.actors[last_person.value].roles_on(day) if r.office in MAIN_OFFICES]
        offices = tuple(r.office for r in roles) or ()
    if not offices and not c.counterpart and not c.country:  # "the Queen", "the Emir": a title some countries use
        holder = own_title_holder(c.title, [country for country, _ in countries.most_common()], kb, day)
        if holder is not None:
            c.value, c.kind, c.method, c.confidence = holder.id, "person", "title-context", 0.6
        return
    if offices == (LEADER,):
        offices = ("head_of_government", "head_of_state") if c.country in government_led else ("head_of_state", "head_of_government")
    if not offices:
        return
    if c.country:
        seats = [c.country]
    else:  # the article's context: a named person holding the office, else its main country
        seats = [country for country, _ in countries.most_common()]
    for seat in seats:
        holders = [a for office in offices for a in kb.holders(office, seat, day)]
        if not holders:
            continue
        named = [a for a in holders if a.id in named_ids]
        chosen = (
            named[0] if named else holders[0] if len({a.id for a in holders}) == 1 or day else None
        )
        if chosen is not None:
            c.value, c.kind = chosen.id, "person"
            c.method = "title" if c.country else "title-context"
            c.confidence = (0.85 if named else 0.75) if c.country else 0.6
            return
        if c.country:
            return


def _role_evidence(
    candidates: list[_Candidate], doc: Doc, day: dt.date | None
) -> list[RoleEvidence]:
    """Titles before names ("Russian Foreign Minister X") and appositions ("X, Russia's foreign minister")."""
    text = doc_text(doc)
    evidence = []
    for index, c in enumerate(candidates):
        target = None
        if c.label == "ROLE" and c.title_of is not None:
            target = candidates[c.title_of]
        elif c.label == "ROLE" and index > 0 and candidates[index - 1].label == "PERSON":
            between = text[candidates[index - 1].end : c.start]
            if between.strip() == "," and c.country:
                target = candidates[index - 1]
        if target is None or not target.value or not c.offices or c.offices == (LEADER,):
            continue
        sentence = doc.char_span(c.start, c.end, alignment_mode="expand")
        sent = sentence.sent if sentence is not None else None
        for office in c.offices[:1]:
            evidence.append(
                RoleEvidence(
                    actor=target.value,
                    office=office,
                    seat=c.country,
                    title=c.text,
                    start=sent.start_char if sent is not None else c.start,
                    end=sent.end_char if sent is not None else c.end,
                    day=day,
                )
            )
    return evidence
