"""Role descriptions around a title: "the Russian president", "Israel's prime minister",
"his Turkish counterpart", "the foreign ministers of Germany and France" (one
description per country)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..kb import KnowledgeBase, name_key
from .actor_lexicon import ActorPatterns, ResolverLexicon
from .actor_records import Candidate, LEADER, is_subject

if TYPE_CHECKING:  # spaCy itself is imported by chronicle.nlp (chronicle.spacy_import)
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan


def role_phrase(
    doc: Doc, text: str, match: re.Match[str], kb: KnowledgeBase, lexicon: ResolverLexicon, patterns: ActorPatterns
) -> list[Candidate]:
    """Descriptions around a title: [the|his|Israel's] [Russian] title [of Russia] [counterpart].

    A plural title with several countries ("the Iranian and Turkish presidents", "the
    foreign ministers of Germany and France") describes one person per country.
    """
    span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
    if span is None:
        return []
    title, plural = _singular_title(match.group(0).lower(), kb, patterns)
    counterpart = name_key(title) in patterns.counterparts
    modifiers = _modifiers_before(doc, span.start, plural, kb, lexicon)
    if modifiers is None:
        return []  # "Deputy Foreign Minister", "former President": not the holder
    start, countries = modifiers
    following, end = _countries_after_of(doc, span.end, kb, plural, lexicon)
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
            Candidate(
                text_start, span.end_char, text[text_start : span.end_char], "ROLE",
                subject=is_subject(doc[start : span.end], lexicon), offices=offices, title=title,
                country=country, counterpart=counterpart, plural=plural,
            )
        )
    return candidates


def _modifiers_before(doc: Doc, title_start: int, plural: bool, kb: KnowledgeBase,
                      lexicon: ResolverLexicon) -> tuple[int, list[str]] | None:
    """Where a description starts before its title (token index) and the countries its
    modifiers name, read right to left: a determiner or possessive, demonyms, "Russia's",
    a list of them before a plural title; None for a title of another office ("former")."""
    start = title_start
    countries: list[str] = []
    index = title_start - 1
    while index >= 0 and index >= title_start - (8 if plural else 4):  # modifiers, right to left
        token = doc[index]
        if token.lower_ in lexicon.possessive_clitics and index > 0:
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
        elif plural and countries and token.lower_ in lexicon.list_joiners:
            pass
        elif plural and countries and token.lower_ in lexicon.list_determiners and index > 0 and doc[index - 1].lower_ in lexicon.list_joiners:
            pass  # "the U.S. and the Russian presidents": a determiner inside the list
        elif token.lower_ in lexicon.other_office:
            return None  # "Deputy Foreign Minister", "former President": not the holder
        elif token.lower_ in lexicon.determiners:
            start = index
            break
        elif token.text[:1].isupper() and token.pos_ in ("PROPN", "ADJ") and not found:
            break  # another modifier ("Finish Foreign Minister"): keep it out
        elif not found and token.lower_ not in lexicon.same_office:
            break
        index -= 1
    return start, countries


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


def _countries_after_of(doc: Doc, index: int, kb: KnowledgeBase, plural: bool,
                        lexicon: ResolverLexicon) -> tuple[list[str], int]:
    """Countries named after a title: "of Russia", "of Germany, France, and the United Kingdom"."""
    if index >= len(doc) or doc[index].lower_ not in lexicon.title_country_preps:
        return [], index
    countries, cursor, end = [], index + 1, index
    while cursor < len(doc):
        while cursor < len(doc) and doc[cursor].lower_ in lexicon.list_joiners | lexicon.list_determiners:
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
