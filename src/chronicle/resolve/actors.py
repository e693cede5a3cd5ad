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
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..kb import KnowledgeBase
from ..model import CorpusActor, Mention, RoleEvidence
from ..nlp import doc_text
from .actor_candidates import find_candidates
from .actor_context import resolve_from_context
from .actor_lexicon import ActorPatterns, ResolverLexicon
from .actor_names import resolve_names
from .actor_records import Candidate, LEADER

if TYPE_CHECKING:  # spaCy itself is imported by chronicle.nlp (chronicle.spacy_import)
    from spacy.tokens import Doc


@dataclass
class ActorResolution:
    """Everything actor resolution found in one article."""

    mentions: list[Mention] = field(default_factory=list)
    evidence: list[RoleEvidence] = field(default_factory=list)
    corpus_actors: dict[str, CorpusActor] = field(default_factory=dict)


def resolve_actors(
    doc: Doc,
    kb: KnowledgeBase,
    lexicon: ResolverLexicon,
    patterns: ActorPatterns,
    day: dt.date | None,
) -> ActorResolution:
    """The actor mentions of one parsed article, resolved as of `day` (its date, or None)."""
    candidates = find_candidates(doc, kb, lexicon, patterns)
    resolve_names(candidates, kb, patterns, day)
    resolve_from_context(candidates, kb, day, doc, lexicon.pronouns, patterns.government_led, lexicon)
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


def _role_evidence(
    candidates: list[Candidate], doc: Doc, day: dt.date | None
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
