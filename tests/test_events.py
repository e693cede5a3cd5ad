"""Event mentions from hand-built sentences: triggers, roles, modality, time, place, merging.

Each test runs the real per-article stages (spaCy, actor, place and time resolution) on a
small text written for the test, then the event extractor.
"""

from __future__ import annotations


import pytest

from chronicle.extract.lexicon import load_event_lexicon

PUBLISHED = "2016-06-07"  # a Tuesday


@pytest.fixture(scope="module")
def extract(annotate_text):
    return lambda body, published=PUBLISHED: annotate_text(body, published).event_mentions


def names(event, role=None):
    return sorted(a.name for a in event.actors if role is None or a.role == role)


def only(events, type_):
    found = [e for e in events if e.type == type_]
    assert len(found) == 1, [(e.type, names(e), [v.trigger for v in e.evidence]) for e in events]
    return found[0]


def test_the_lexicon_loads_all_sixteen_types():
    lexicon = load_event_lexicon()
    assert set(lexicon.types) == {
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    }
    assert {t.type for entries in lexicon.triggers.values() for t in entries} == set(lexicon.types)
    assert lexicon.modes("CONSULT") >= {"VISIT", "THIRD-PARTY", "MULTILATERAL", "PHONE"}


def test_a_bad_trigger_entry_is_refused_with_its_place(tmp_path):
    bad = tmp_path / "triggers.yaml"
    bad.write_text("triggers:\n  - {type: CONSULT, lemma: meet}\n  - {type: GREET, lemma: wave}\n")
    with pytest.raises(ValueError, match="entry 2.*GREET"):
        load_event_lexicon(triggers=bad)


def test_met_gives_one_consult_between_both(extract):
    event = only(extract("Recep Tayyip Erdogan met Narendra Modi in Moscow on Monday."), "CONSULT")
    assert names(event) == ["Narendra Modi", "Recep Tayyip Erdogan"]
    assert event.modality == "reported"
    assert (event.date, event.date_precision) == ("2016-06-06", "day")


def test_compound_subject_is_one_event_with_several_actors(extract):
    event = only(extract("Narendra Modi and Recep Tayyip Erdogan held talks in Ankara on Tuesday."), "CONSULT")
    assert names(event) == ["Narendra Modi", "Recep Tayyip Erdogan"]
    assert event.evidence[0].trigger == "held talks"
    assert event.date == "2016-06-07"


def test_host_is_target_and_guest_is_source(extract):
    event = only(extract("German Chancellor Angela Merkel hosted French President Emmanuel Macron in Berlin on Monday."), "CONSULT")
    assert names(event, "target") == ["Angela Merkel"]
    assert names(event, "source") == ["Emmanuel Macron"]


def test_visiting_a_capital_makes_its_country_the_host(extract):
    event = only(extract("Indian Prime Minister Narendra Modi visited Moscow on Monday."), "CONSULT")
    assert event.mode == "VISIT"
    assert names(event, "source") == ["Narendra Modi"]
    assert [a.id for a in event.actors if a.role == "target"] == ["RUS", "vladimir-putin"]  # the host, implied
    assert event.place == "geonames:524901"


def test_phone_call(extract):
    event = only(extract("Joe Biden spoke by phone with Recep Tayyip Erdogan on Monday."), "CONSULT")
    assert event.mode == "PHONE"
    assert names(event) == ["Joe Biden", "Recep Tayyip Erdogan"]


def test_a_meeting_between_two_named_leaders(extract):
    event = only(extract("A meeting between Recep Tayyip Erdogan and Emmanuel Macron took place in Brussels on Monday."), "CONSULT")
    assert names(event) == ["Emmanuel Macron", "Recep Tayyip Erdogan"]
    assert event.place is not None


def test_a_hyphenated_summit_names_its_participants(extract):
    event = only(extract("The Trump-Erdogan summit ended in Helsinki on Monday."), "CONSULT")
    assert names(event) == ["Donald Trump", "Recep Tayyip Erdogan"]


def test_talks_with(extract):
    event = only(extract("Wang Yi said on Monday that his talks with John Kerry were useful."), "CONSULT")
    assert names(event) == ["John Kerry", "Wang Yi"]


@pytest.mark.parametrize(
    "sentence, modality",
    [
        ("Recep Tayyip Erdogan will meet Narendra Modi in Moscow next week.", "planned"),
        ("Recep Tayyip Erdogan is due to meet Narendra Modi in Moscow on Thursday.", "planned"),
        ("A meeting between Recep Tayyip Erdogan and Narendra Modi is scheduled for Thursday.", "planned"),
        ("Recep Tayyip Erdogan said he would meet Narendra Modi on Thursday.", "planned"),
        ("Recep Tayyip Erdogan would meet Narendra Modi if the ceasefire held.", "hypothetical"),
        ("Recep Tayyip Erdogan did not meet Narendra Modi on Monday.", "negated"),
        ("Recep Tayyip Erdogan cancelled his meeting with Narendra Modi.", "negated"),
        ("Recep Tayyip Erdogan first met Narendra Modi in September 2015.", "historical"),
        ("Recep Tayyip Erdogan met Narendra Modi on Monday.", "reported"),
    ],
)
def test_modality(extract, sentence, modality):
    assert only(extract(sentence), "CONSULT").modality == modality


def test_not_met_since_means_they_last_met_then(extract):
    events = extract("Recep Tayyip Erdogan met Narendra Modi on Monday. The two leaders had not met since last July.")
    dated = sorted((e.date, e.modality) for e in events if e.type == "CONSULT")
    assert dated == [("2015-07", "historical"), ("2016-06-06", "reported")]


def test_sentences_about_one_meeting_give_one_mention_with_their_evidence(extract):
    events = extract(
        "Recep Tayyip Erdogan met Narendra Modi in Moscow on Tuesday. "
        "The meeting lasted three hours. "
        "Erdogan said his talks with Modi were useful."
    )
    event = only(events, "CONSULT")
    assert len(event.evidence) == 3
    assert event.place == "geonames:524901"
    assert event.date == "2016-06-07"


def test_two_meetings_on_different_days_stay_apart(extract):
    events = extract("Recep Tayyip Erdogan met Narendra Modi on Monday. He met Modi again in May 2013.")
    assert sorted(e.date for e in events if e.type == "CONSULT") == ["2013-05", "2016-06-06"]


def test_a_call_and_a_meeting_are_two_events(extract):
    events = extract("Narendra Modi spoke with Recep Tayyip Erdogan by phone in May and met with him in Paris in November.")
    consult = sorted((e.mode or "", e.date) for e in events if e.type == "CONSULT")
    assert consult == [("PHONE", "2016-05"), ("THIRD-PARTY", "2015-11")]  # Paris: neither side's country


def test_an_event_with_no_time_words_takes_the_publication_date(extract):
    """News of an undated happening: the publication day or the day before (a range)."""
    event = only(extract("Recep Tayyip Erdogan met Narendra Modi in Moscow."), "CONSULT")
    assert (event.date, event.end_date, event.date_precision) == ("2016-06-06", PUBLISHED, "reported")


def test_evidence_spans_point_at_the_words(extract):
    body = "Recep Tayyip Erdogan met Narendra Modi in Moscow on Monday."
    event = only(extract(body), "CONSULT")
    evidence = event.evidence[0]
    assert body[evidence.trigger_start : evidence.trigger_end] == "met"
    assert body[evidence.start : evidence.end] == body


@pytest.mark.parametrize(
    "sentence, type_",
    [
        ("Israeli jets carried out airstrikes against Hamas positions in Gaza on Monday.", "ASSAULT"),
        ("Syrian air defences shot down an Israeli drone on Monday.", "ASSAULT"),
        ("Russia began supplies of S-300 missiles to Syria on Monday.", "AID"),
        ("The United Nations called on Israel to halt settlement construction.", "REQUEST"),
        ("Angela Merkel asked Recep Tayyip Erdogan to release the detained sailors.", "REQUEST"),
        ("Recep Tayyip Erdogan warned Israel against striking Syrian territory.", "THREATEN"),
        ("Recep Tayyip Erdogan accepted an invitation to visit New Delhi next year.", "CONSULT"),
    ],
)
def test_other_types(extract, sentence, type_):
    assert type_ in {e.type for e in extract(sentence)}


@pytest.mark.parametrize(
    "sentence, modality",
    [
        # announcements are plans, not happenings
        ("Ramaphosa to meet Kagame in Kigali", "planned"),
        ("Cyril Ramaphosa was scheduled to meet Paul Kagame on Friday.", "planned"),
        ("President Cyril Ramaphosa flew to Kigali on Monday to meet Paul Kagame.", "planned"),
        ("Cyril Ramaphosa said he was looking forward to meeting Paul Kagame.", "planned"),
        # readiness and conditions are hypothetical; a cancelled would-be meeting is negated
        ("Cyril Ramaphosa confirmed his readiness to meet Paul Kagame without preconditions.", "hypothetical"),
        ("Cyril Ramaphosa said he would certainly meet Paul Kagame if the Rwandan leader was willing.", "hypothetical"),
        ("Cyril Ramaphosa canceled what would have been his first meeting with Paul Kagame.", "negated"),
        # counter-cases: the same words where the meeting happened
        ("Cyril Ramaphosa flew to Kigali on Monday and met Paul Kagame.", "reported"),
        ("Cyril Ramaphosa met Paul Kagame for the first time on Monday.", "reported"),
        ("Cyril Ramaphosa canceled his trip to Paris and met Paul Kagame on Monday.", "reported"),
        ("In Kigali, Cyril Ramaphosa met Paul Kagame on Monday to discuss trade.", "reported"),
    ],
)
def test_announcements_conditions_and_happenings(extract, sentence, modality):
    events = [  # the meeting itself (a trip to its host's country may name the host as implied)
        e for e in extract(sentence)
        if e.type == "CONSULT" and any("Kagame" in n for n in names(e)) and any(v.trigger != "flew" for v in e.evidence)
    ]
    assert [e.modality for e in events] == [modality], [(e.modality, names(e)) for e in events]


def test_an_invitation_to_visit_is_a_planned_visit(extract):
    assert only(extract("Paul Kagame invited Cyril Ramaphosa to visit Rwanda."), "CONSULT").modality == "planned"


@pytest.mark.parametrize(
    "sentence",
    [
        "Cyril Ramaphosa and Paul Kagame have met repeatedly over the past two years.",
        "Cyril Ramaphosa regularly speaks with Paul Kagame by phone.",
        "Cyril Ramaphosa has met Paul Kagame several times.",
    ],
)
def test_habits_and_aggregates_are_not_events(extract, sentence):
    assert [e for e in extract(sentence) if e.type == "CONSULT"] == []


def test_the_aim_of_a_trip_folds_into_the_meeting_the_article_reports(extract):
    events = extract("Cyril Ramaphosa flew to Kigali to meet Paul Kagame. Ramaphosa met Kagame on Monday at the airport.")
    event = only(events, "CONSULT") if len([e for e in events if e.type == "CONSULT"]) == 1 else None
    meetings = [e for e in events if e.type == "CONSULT" and "Paul Kagame" in names(e)]
    assert [e.modality for e in meetings] == ["reported"], [(e.modality, names(e)) for e in events]
    assert {"meet", "met"} <= {v.trigger for v in meetings[0].evidence}
    assert event is None or event is meetings[0]


def test_a_plan_to_meet_again_stays_a_plan(extract):
    events = extract("Cyril Ramaphosa met Paul Kagame on Monday. Ramaphosa will fly back to Kigali to meet Kagame again.")
    modalities = sorted(e.modality for e in events if e.type == "CONSULT" and "Paul Kagame" in names(e))
    assert modalities == ["planned", "reported"]


@pytest.mark.parametrize(
    "text, count",
    [
        # different explicit months, an old date against news of the day, different cities: two events
        ("Cyril Ramaphosa met Paul Kagame in April. In June, Ramaphosa met Kagame again.", 2),
        ("Cyril Ramaphosa met Paul Kagame. The two men also met in March 2014.", 2),
        ("Cyril Ramaphosa met Paul Kagame in Kigali on Monday. Their first meeting was in Lisbon.", 2),
        # counter-cases: one meeting told twice
        ("Cyril Ramaphosa met Paul Kagame in Kigali on Monday. Ramaphosa said his talks with Kagame were useful.", 1),
        ("Cyril Ramaphosa met Paul Kagame on Monday. The meeting between Ramaphosa and Kagame lasted two hours.", 1),
    ],
)
def test_mentions_with_different_dates_or_places_are_different_meetings(extract, text, count):
    meetings = [e for e in extract(text) if e.type == "CONSULT" and e.modality in ("reported", "historical")]
    assert len(meetings) == count, [(names(e), e.date, e.place, [v.trigger for v in e.evidence]) for e in meetings]


def test_the_agenda_of_a_reported_meeting_is_not_a_second_planned_meeting(extract):
    events = extract(
        "Cyril Ramaphosa met Paul Kagame in Kigali on Monday. "
        "Ramaphosa intended to raise trade in a meeting with Kagame, officials said."
    )
    meetings = [e for e in events if e.type == "CONSULT" and "Paul Kagame" in names(e)]
    assert [e.modality for e in meetings] == ["reported"], [(e.modality, names(e)) for e in meetings]


def test_the_setting_of_a_plan_with_no_reported_meeting_stays_planned(extract):
    events = extract("Cyril Ramaphosa will raise trade at a meeting with Paul Kagame next week.")
    assert [e.modality for e in events if e.type == "CONSULT"] == ["planned"]


def test_a_possible_meeting_is_hypothetical(extract):
    events = extract("Officials discussed a possible meeting between Cyril Ramaphosa and Paul Kagame.")
    assert [e.modality for e in events if e.type == "CONSULT" and "Paul Kagame" in names(e)] == ["hypothetical"]


@pytest.mark.parametrize(
    "sentence, modality",
    [
        # "not since X" asserts X; a summit "in the wake of" which something is avoided happened
        ("Not since Cyril Ramaphosa met Paul Kagame in Kigali in 2014 has a visit mattered so much.", "historical"),
        ("Kigali is keen to avoid delays in the wake of Cyril Ramaphosa's summit last week with Paul Kagame.", "reported"),
        # counter-cases: a plain negation, and an event still ahead
        ("Cyril Ramaphosa has not met Paul Kagame since 2014.", "historical"),
        ("Cyril Ramaphosa did not meet Paul Kagame in Kigali.", "negated"),
        ("Officials are keen to avoid delays ahead of the summit between Cyril Ramaphosa and Paul Kagame.", "planned"),
    ],
)
def test_negations_that_assert_and_events_told_as_before(extract, sentence, modality):
    events = [e for e in extract(sentence) if e.type == "CONSULT" and "Paul Kagame" in names(e)]
    assert [e.modality for e in events] == [modality], [(e.modality, names(e), e.date) for e in events]


def test_a_past_verb_beside_a_copula_is_not_future(extract):
    event = only(extract("The visit is his second, as last November Cyril Ramaphosa met Paul Kagame in Kigali."), "CONSULT")
    assert event.modality == "historical"


@pytest.mark.parametrize(
    "sentence, modality",
    [
        ("Cyril Ramaphosa vowed not to be lectured by Paul Kagame when they meet in Kigali.", "planned"),
        ("Cyril Ramaphosa will visit Rwanda on Friday and hold talks with Paul Kagame.", "planned"),
        ("After meeting Paul Kagame, Cyril Ramaphosa will travel to Nairobi.", "planned"),
        # counter-cases: the same shapes in the past
        ("Cyril Ramaphosa smiled when he met Paul Kagame in Kigali on Monday.", "reported"),
        ("Cyril Ramaphosa visited Rwanda on Monday and held talks with Paul Kagame.", "reported"),
        ("After meeting Paul Kagame on Monday, Cyril Ramaphosa travelled to Nairobi.", "reported"),
    ],
)
def test_time_clauses_and_coordinated_verbs_share_the_future(extract, sentence, modality):
    events = [e for e in extract(sentence) if e.type == "CONSULT" and "Paul Kagame" in names(e)]
    assert [e.modality for e in events] == [modality], [(e.modality, names(e), e.date) for e in events]


@pytest.mark.parametrize(
    "sentence, count",
    [
        ("Cyril Ramaphosa and Paul Kagame have held several meetings since 2015.", 0),
        ("After a flurry of meetings this year, Cyril Ramaphosa and Paul Kagame began talks on Friday.", 1),
        # counter-cases: one event through a container noun
        ("Cyril Ramaphosa and Paul Kagame held the first round of talks on Friday.", 1),
        ("Cyril Ramaphosa and Paul Kagame held two days of talks in Kigali.", 1),
    ],
)
def test_aggregates_are_no_event_and_containers_hold_one(extract, sentence, count):
    events = [e for e in extract(sentence) if e.type == "CONSULT" and "Paul Kagame" in names(e)]
    assert len(events) == count, [(e.modality, names(e), [v.trigger for v in e.evidence]) for e in events]
    assert all("flurry" not in v.trigger and v.trigger != "meetings" for e in events for v in e.evidence)


def test_a_counted_plan_is_still_a_plan(extract):
    events = extract("Cyril Ramaphosa and Paul Kagame planned to hold two meetings during the three-day visit.")
    assert [e.modality for e in events if e.type == "CONSULT" and "Paul Kagame" in names(e)] == ["planned"]


def test_not_met_since_takes_no_place_from_its_sentence(extract):
    events = extract(
        "Recep Tayyip Erdogan met Narendra Modi on Monday. Erdogan has spoken with Modi by phone and met him "
        "in Paris in November, but the two have not held a formal meeting since last July."
    )
    last = [e for e in events if e.type == "CONSULT" and e.date_rule.startswith("last-before-negated-since")]
    assert [e.place for e in last] == [None], [(e.date, e.place, e.date_rule) for e in events if e.type == "CONSULT"]


@pytest.mark.parametrize(
    "sentence, modality",
    [
        ("The meeting between Cyril Ramaphosa and Paul Kagame is due to take place in Kigali.", "planned"),
        ("The summit between Cyril Ramaphosa and Paul Kagame is expected to rebalance ties.", "planned"),
        ("The meeting between Cyril Ramaphosa and Paul Kagame was expected to focus on trade, but it ended early on Monday.", "reported"),
    ],
)
def test_an_event_noun_whose_clause_is_still_to_come(extract, sentence, modality):
    assert [e.modality for e in extract(sentence) if e.type == "CONSULT"] == [modality]


def test_a_call_recalled_after_a_meeting_is_another_contact_of_the_pair(extract):
    """"we had good phone call" (spoken, loosely parsed) after their meeting: a call of the
    same pair, undated, not folded into the in-person meeting."""
    events = [e for e in extract(
        "When Cyril Ramaphosa and Paul Kagame met for the first time on Monday in Kigali, reporters asked about trade.\n\n"
        "\"We had I think good phone call it was normal we spoke about many things. Nobody pushed me,\" Ramaphosa added."
    ) if e.type == "CONSULT"]
    assert len(events) == 2, [(names(e), [v.trigger for v in e.evidence]) for e in events]
    meeting, call = sorted(events, key=lambda e: e.date is None)
    assert [v.trigger for v in meeting.evidence] == ["met"] and meeting.date == "2016-06-06"
    assert names(call) == ["Cyril Ramaphosa", "Paul Kagame"] and call.date is None and call.place is None


def test_a_call_mentioned_after_a_call_is_the_same_call(extract):
    events = [e for e in extract(
        "Cyril Ramaphosa spoke with Paul Kagame by phone on Monday. \"We had I think good phone call,\" Ramaphosa added."
    ) if e.type == "CONSULT"]
    assert len(events) == 1 and names(events[0]) == ["Cyril Ramaphosa", "Paul Kagame"]
    assert events[0].date == "2016-06-06"


BACKGROUND = (
    "Cyril Ramaphosa and Paul Kagame held talks in Pretoria on Monday. In June 2013, Kagame stopped in Lagos on "
    "his way home, where he and Ramaphosa met for eight hours. In November 2014, Ramaphosa stayed on in Rwanda "
    "for a state visit. He was invited into the presidential compound by Kagame, where they had five hours of discussions."
)


def test_a_sentence_framed_by_a_background_date_dates_the_next_one(extract):
    """"In November 2014, ... . ... they had talks": November 2014, another meeting than June 2013's."""
    events = [e for e in extract(BACKGROUND) if e.type == "CONSULT" and len(names(e)) == 2]
    assert sorted(e.date for e in events) == ["2013-06", "2014-11", "2016-06-06"], [
        (e.date, names(e), [v.trigger for v in e.evidence]) for e in events
    ]


@pytest.mark.parametrize(
    "text",
    [
        # the frame is the same background meeting's
        "Cyril Ramaphosa and Paul Kagame held talks in Pretoria on Monday. In June 2013, Kagame stopped in Lagos, "
        "where he and Ramaphosa met for eight hours. They had five hours of discussions.",
        # a new paragraph leaves the frame
        "Cyril Ramaphosa and Paul Kagame held talks in Pretoria on Monday. In June 2013, Kagame stopped in Lagos, "
        "where he and Ramaphosa met for eight hours. In November 2014, Ramaphosa stayed on in Rwanda.\n\n"
        "Kagame and Ramaphosa had five hours of discussions.",
    ],
)
def test_a_date_frame_holds_within_its_paragraph_only(extract, text):
    events = [e for e in extract(text) if e.type == "CONSULT" and len(names(e)) == 2]
    assert "2014-11" not in [e.date for e in events], [(e.date, [v.trigger for v in e.evidence]) for e in events]


def test_a_recent_date_frame_is_not_background(extract):
    """"On Sunday, ... . The two leaders had talks": the week's news, not carried as background."""
    events = [e for e in extract(
        "Cyril Ramaphosa met Paul Kagame in Kigali on Monday. On Sunday, Ramaphosa opened a new school. "
        "The two leaders had five hours of discussions."
    ) if e.type == "CONSULT" and len(names(e)) == 2]
    assert [e.date for e in events] == ["2016-06-06"], [(e.date, names(e), [v.trigger for v in e.evidence]) for e in events]


def test_a_month_naming_a_planned_summit_dates_it_not_the_preparatory_meeting(extract):
    """"officials will meet on June 20 to prepare for a July summit between A and B": the
    summit is in July; without the month, it would take the officials' day."""
    events = extract(
        "Officials from Rwanda and Kenya will meet on June 20 to lay the groundwork for a July summit "
        "between Paul Kagame and William Ruto, Kigali said."
    )
    summit = [e for e in events if e.type == "CONSULT" and names(e) == ["Paul Kagame", "William Ruto"]]
    assert [(e.modality, e.date) for e in summit] == [("planned", "2016-07")]


@pytest.mark.parametrize(
    "sentence, mode",
    [
        ("Paul Kagame held telephone talks with William Ruto on Monday.", "PHONE"),
        ("Paul Kagame held talks with William Ruto in Nairobi on Monday.", None),
    ],
)
def test_the_longer_object_phrase_decides_the_channel(extract, sentence, mode):
    """"held telephone talks" is a call (the two-word object), "held talks" is not."""
    event = only(extract(sentence), "CONSULT")
    assert event.mode == mode if mode else event.mode != "PHONE"


def test_a_planned_call_told_twice_is_one_call(extract):
    events = [e for e in extract(
        "Paul Kagame will talk to William Ruto on the telephone today after a meeting with Yoweri Museveni in Kigali. "
        "Kagame said at his meeting with Museveni that he planned to hold telephone talks with William Ruto."
    ) if e.type == "CONSULT" and names(e) == ["Paul Kagame", "William Ruto"]]
    assert [(e.modality, e.mode) for e in events] == [("planned", "PHONE")], [[v.trigger for v in e.evidence] for e in events]
