"""The words of `data/roles.yaml` (`RoleWords`, read by `load_role_words`): the prepositions,
event types, sectors and nouns by which the steps of extract/ find an event's actors beyond
its trigger's own words."""

from __future__ import annotations

from dataclasses import dataclass

from chronicle.data import code_set, load_yaml, word_set


@dataclass(frozen=True)
class RoleWords:
    """The prepositions and types of `data/roles.yaml`."""

    object_target_preps: frozenset[str] = frozenset()
    nominal_target_preps: frozenset[str] = frozenset()
    place_target_types: frozenset[str] = frozenset()
    implied_agent_types: frozenset[str] = frozenset()
    implied_agent_sectors: frozenset[str] = frozenset()
    implied_agent_sentences: int = 2
    authority_types: frozenset[str] = frozenset()
    enacting_verbs: frozenset[str] = frozenset()
    responding_verbs: frozenset[str] = frozenset()  # "X responded with threats": X does the noun after "with"
    default_agents: tuple[tuple[str, str, str], ...] = ()  # (type or mode, group noun lemma, its name)
    means_preps: frozenset[str] = frozenset()  # "dispersed the crowd with tear gas": no agent of the mode's
    speaker_pronouns: frozenset[str] = frozenset()
    document_nouns: frozenset[str] = frozenset()
    stand_in_types: frozenset[str] = frozenset()
    stand_in_preps: frozenset[str] = frozenset()
    clause_target_types: frozenset[str] = frozenset()
    manner_nouns: frozenset[str] = frozenset()
    seat_types: frozenset[str] = frozenset()  # acts of state placed at the seat of government (extract/seats.py)
    seat_sectors: frozenset[str] = frozenset()  # generic organs that speak for their government
    capital_target_types: frozenset[str] = frozenset()  # a seat of government as target stands for its state
    requested_noun_types: frozenset[str] = frozenset()  # "called for talks with X": the noun after the prep
    field_seat_types: frozenset[str] = frozenset()  # at the seat unless troops or police take part
    field_sectors: frozenset[str] = frozenset()  # the organs that act where they are
    complement_place_types: frozenset[str] = frozenset()  # "ordered X to withdraw from Y": at Y (extract/complements.py)
    organisation_seats: tuple[tuple[str, str], ...] = ()  # (KB id, city name): a body that sits in one place
    named_group_sectors: frozenset[str] = frozenset()  # "gunmen": the one such group the article names
    against_prefixes: frozenset[str] = frozenset()  # "anti-government protests": the government is the target
    dispersal_verbs: frozenset[str] = frozenset()  # "fired tear gas to disperse protesters": the protesters
    dispersal_types: frozenset[str] = frozenset()
    anaphor_nouns: tuple[tuple[str, str], ...] = ()  # (noun, kind of actor it refers back to)
    anaphor_determiners: frozenset[str] = frozenset()
    anaphor_sentences: int = 2
    anaphor_pronouns: frozenset[str] = frozenset()
    counterpart_verbs: frozenset[str] = frozenset()  # a meeting only with someone met (extract/arrivals.py)
    figure_nouns: frozenset[str] = frozenset()  # "the last roadblock to X": an obstacle (extract/figures.py)
    figure_preps: frozenset[str] = frozenset()
    campaign_nouns: frozenset[str] = frozenset()  # "the war on drugs": a policy (extract/figures.py)
    campaign_preps: frozenset[str] = frozenset()
    campaign_ills: frozenset[str] = frozenset()
    instrument_verbs: frozenset[str] = frozenset()  # "missiles were fired": the missiles are no target (extract/agents.py)
    origin_preps: frozenset[str] = frozenset()  # "... fired from X": X is the source
    reporting_verbs: frozenset[str] = frozenset()  # "officials said": no implied agent
    own_forces_types: frozenset[str] = frozenset()  # "mobilized warplanes": the source's own, no target (extract/sides.py)
    withdrawal_preps: frozenset[str] = frozenset()  # "ordered troops to withdraw from X": X the target
    emissary_types: frozenset[str] = frozenset()  # "expelled Togolese diplomats": Togo the target
    emissary_nouns: frozenset[str] = frozenset()
    media_words: frozenset[str] = frozenset()  # "spoke to the Associated Press": no meeting (extract/interviews.py)
    asked_actor_types: frozenset[str] = frozenset()  # "called for X to release Y": X the target (extract/targets.py)
    state_target_types: frozenset[str] = frozenset()  # "students protested": against their state
    state_target_preps: frozenset[str] = frozenset()  # "protested against the fees": a target word of its own
    leader_target_offices: tuple[str, ...] = ()  # a protest against a state: its leader the sentence names
    recipient_types: frozenset[str] = frozenset()  # an aid event naming no one: the article's one recipient
    threat_types: frozenset[str] = frozenset()  # a threat naming no one: the target of the act threatened
    setting_target_types: frozenset[str] = frozenset()  # "X launched missiles, in actions condemned by Y": X
    between_target_types: frozenset[str] = frozenset()  # "urged a cessation of hostilities between X and Y"
    aspect_nouns: frozenset[str] = frozenset()  # "X's intensification of airstrikes": X attacks
    involving_verbs: frozenset[str] = frozenset()  # "a meeting involving X and Y": X, Y take part (extract/participants.py)
    undergoer_place_preps: frozenset[str] = frozenset()  # "In X, police arrested ...": X is where, not whom (extract/anaphors.py)
    grievance_nouns: frozenset[str] = frozenset()  # "protests over X's death": what it is about (extract/grievances.py)

    def default_agent(self, type_: str) -> tuple[str, str] | None:
        """(noun lemma, name) of the group that does an event of `type_` (a type or a mode) no one is named for."""
        return next(((noun, name) for t, noun, name in self.default_agents if t == type_), None)


def load_role_words(path=None) -> RoleWords:
    """Read `data/roles.yaml` (or a user file of the same shape)."""
    data = load_yaml("roles.yaml", path)
    words = lambda key: word_set(data.get(key))  # noqa: E731
    codes = lambda key: code_set(data.get(key))  # noqa: E731
    return RoleWords(
        object_target_preps=words("object_target_preps"), nominal_target_preps=words("nominal_target_preps"),
        place_target_types=codes("place_target_types"), implied_agent_types=codes("implied_agent_types"),
        implied_agent_sectors=codes("implied_agent_sectors"),
        implied_agent_sentences=int(data.get("implied_agent_sentences", 2)), authority_types=codes("authority_types"),
        enacting_verbs=words("enacting_verbs"), responding_verbs=words("responding_verbs"),
        means_preps=words("means_preps"),
        default_agents=tuple((str(t).upper(), str(a["noun"]).lower(), str(a.get("name") or a["noun"]))
                             for t, a in (data.get("default_agents") or {}).items()),
        speaker_pronouns=words("speaker_pronouns"), document_nouns=words("document_nouns"),
        stand_in_types=codes("stand_in_types"), stand_in_preps=words("stand_in_preps"),
        clause_target_types=codes("clause_target_types"), manner_nouns=words("manner_nouns"),
        seat_types=codes("seat_types"), seat_sectors=codes("seat_sectors"), capital_target_types=codes("capital_target_types"),
        requested_noun_types=codes("requested_noun_types"), field_seat_types=codes("field_seat_types"),
        field_sectors=codes("field_sectors"), named_group_sectors=codes("named_group_sectors"),
        complement_place_types=codes("complement_place_types"),
        organisation_seats=tuple((str(k), str(v)) for k, v in (data.get("organisation_seats") or {}).items()),
        against_prefixes=words("against_prefixes"), dispersal_verbs=words("dispersal_verbs"),
        dispersal_types=codes("dispersal_types"),
        anaphor_nouns=tuple((str(n).lower(), str(kind)) for kind, ns in (data.get("anaphor_nouns") or {}).items() for n in ns),
        anaphor_determiners=words("anaphor_determiners"), anaphor_sentences=int(data.get("anaphor_sentences", 2)),
        anaphor_pronouns=words("anaphor_pronouns"), counterpart_verbs=words("counterpart_verbs"),
        figure_nouns=words("figure_nouns"), figure_preps=words("figure_preps"),
        campaign_nouns=words("campaign_nouns"), campaign_preps=words("campaign_preps"), campaign_ills=words("campaign_ills"),
        instrument_verbs=words("instrument_verbs"), origin_preps=words("origin_preps"),
        reporting_verbs=words("reporting_verbs"), own_forces_types=codes("own_forces_types"),
        withdrawal_preps=words("withdrawal_preps"), emissary_types=codes("emissary_types"), emissary_nouns=words("emissary_nouns"),
        media_words=words("media_words"), asked_actor_types=codes("asked_actor_types"),
        state_target_types=codes("state_target_types"), state_target_preps=words("state_target_preps"),
        leader_target_offices=tuple(data.get("leader_target_offices") or ()), recipient_types=codes("recipient_types"),
        threat_types=codes("threat_types"), setting_target_types=codes("setting_target_types"),
        between_target_types=codes("between_target_types"),
        aspect_nouns=words("aspect_nouns"), involving_verbs=words("involving_verbs"),
        undergoer_place_preps=words("undergoer_place_preps"), grievance_nouns=words("grievance_nouns"),
    )
