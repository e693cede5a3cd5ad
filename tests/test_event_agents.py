"""Who did it when a passive names no agent with "by" (issue 19, family 2; extract/agents.py),
on invented text, each case with its counter-case: the implied agent is never a modifier,
an undergoer or a reporter; a passive of firing names what was fired, not whom it hit, and
its "from" phrase is the source."""

from __future__ import annotations

PUBLISHED = "2031-03-04"


def sources(event) -> list[str]:
    return [a.name for a in event.actors if a.role == "source"]


def test_a_modifier_is_no_implied_agent(events):
    (kidnap,) = events("The minister visited our government school in Kumasi. At least 40 pupils were kidnapped on Monday.", "ASSAULT")
    assert sources(kidnap) == []
    (shooting,) = events("Police opened fire in Kumasi. Several demonstrators were shot on Monday.", "ASSAULT")
    assert [a.country for a in shooting.actors if a.role == "source"] == ["GHA"]


def test_an_undergoer_is_no_implied_agent(events):
    kidnaps = [e for e in events("Gunmen engaged the soldiers in Kumasi. At least 40 pupils were kidnapped on Monday.", "ASSAULT")
               if any(ev.trigger == "kidnapped" for ev in e.evidence)]
    assert kidnaps and all("soldiers" not in " ".join(sources(e)) for e in kidnaps)
    (shooting,) = events("Protesters forced police to open fire in Kumasi. Several demonstrators were shot on Monday.", "ASSAULT")
    assert any("police" in name.lower() for name in sources(shooting))  # the object does the complement


def test_a_reporter_is_no_implied_agent(events):
    kidnaps = events("Officials said on Monday that classes had resumed. At least 40 pupils were kidnapped in Kumasi on Sunday.", "ASSAULT")
    assert kidnaps and all(sources(e) == [] for e in kidnaps)
    (shooting,) = events("Police opened fire in Kumasi. Several demonstrators were shot on Monday, police said.", "ASSAULT")
    assert [a.country for a in shooting.actors if a.role == "source"] == ["GHA"]  # the police who opened fire


def test_what_was_fired_is_no_target_and_its_origin_is_the_source(events):
    (salvo,) = events("Over 50 rockets were fired from Togo towards Ghana on Monday.", "ASSAULT")
    assert [(a.role, a.country) for a in salvo.actors] == [("source", "TGO"), ("target", "GHA")]
    (downed,) = events("Togolese drones were shot down over Ghana on Monday.", "ASSAULT")
    assert [(a.role, a.country) for a in downed.actors] == [("target", "TGO")]  # shot down: the drones were hit


def test_an_event_asked_for_is_not_done(events):
    """extract/framing.py `requested`: the object of a verb of requesting, or of its "for"."""
    (ceasefire,) = events("Ghana and Benin urged for a cessation of hostilities between Togo and Niger on Monday.", "RETREAT")
    assert ceasefire.modality == "hypothetical"
    (release,) = events("Ghana demanded the release of the hostages on Monday.", "RETREAT")
    assert release.modality == "hypothetical"
    (welcomed,) = events("Ghana welcomed the release of the hostages on Monday.", "RETREAT")
    assert welcomed.modality == "reported"  # a reaction to what was done


def test_an_act_failed_or_demanded_by_an_ultimatum_is_not_done(events):
    """data/events.yaml: "failure" a hypothetical governor, "ultimatum" a prospective one."""
    agreements = events("Kofi Mensah said that failure to reach an agreement with Togo would mean war.")
    assert agreements and all(e.modality == "hypothetical" for e in agreements)  # no refusal (REJECT) either
    (reached,) = events("Kofi Mensah reached an agreement with Togo on Monday.", "AGREE")
    assert reached.modality == "reported"
    surrenders = events("Ghana rejected the Togolese ultimatum to surrender the city of Kumasi on Monday.", "RETREAT")
    assert surrenders and all(e.modality == "planned" for e in surrenders)


def test_a_leader_telling_of_his_own_states_act_is_its_source(annotate_text):
    """roles.FrameActors.speaker_for_state: "X told Y that <X's state> opposes ..."."""
    def accusations(body):
        return [e for e in annotate_text(body, PUBLISHED).event_mentions if e.type == "ACCUSE"]

    (told,) = accusations("Togolese President Kofi Mensah told Ghanaian President Yaw Boateng that Togo strongly "
                          "opposes unilateral efforts to change the status quo.")
    assert [(a.role, a.name) for a in told.actors] == [("source", "Togo"), ("source", "Kofi Mensah"), ("target", "Yaw Boateng")]
    (other,) = accusations("Togolese President Kofi Mensah said that Ghana strongly opposes unilateral efforts to change the status quo.")
    assert [(a.role, a.name) for a in other.actors] == [("source", "Ghana")]  # another state's act: the speaker only tells it


def test_an_act_an_accusation_alleges_is_not_reported_as_done(annotate_text):
    """extract/framing.py `alleged`: the gerund of "accused X of" or the clause of "alleged that"."""
    def mentions(body, type_):
        return [e for e in annotate_text(body, PUBLISHED).event_mentions if e.type == type_]

    (support,) = mentions("Togo accused Ghana of supporting terrorism on Monday.", "SUPPORT")
    assert support.modality == "hypothetical"
    (attack,) = mentions("Kofi Mensah alleged that police attacked his car on Monday.", "ASSAULT")
    assert attack.modality == "hypothetical"
    (done,) = mentions("Ghana supported the rebels on Monday, Togo said.", "SUPPORT")
    assert done.modality == "reported"  # told, not alleged


def test_an_order_or_an_unmet_intention_is_not_done(annotate_text):
    """extract/framing.py `imperative`; "was meant to" a hypothetical governor (data/events.yaml)."""
    def mentions(body, type_):
        return [e for e in annotate_text(body, PUBLISHED).event_mentions if e.type == type_]

    (order,) = mentions('"Begin to pull out troops," Mensah said on Monday.', "RETREAT")
    assert order.modality == "planned"
    (done,) = mentions("Troops began to pull out of Kara on Monday.", "RETREAT")
    assert done.modality == "reported"
    visits = [e for e in mentions("Kofi Mensah was meant to visit Togo last August.", "CONSULT")]
    assert visits and all(e.modality == "hypothetical" for e in visits)


def test_a_noun_a_past_participle_modifies_undergoes_it(events):
    """events._subjects: "villagers abducted in X" (VBN acl) are the target, "soldiers attacking
    the town" (VBG acl) the source."""
    (abduction,) = events("Dozens of villagers abducted in northern Ghana\n\nNothing else.", "ASSAULT")
    assert [(a.role, a.country) for a in abduction.actors] == [("target", "GHA")]
    (attack,) = events("Togolese soldiers attacking the town killed ten villagers on Monday.", "ASSAULT")
    assert ("source", "TGO") in [(a.role, a.country) for a in attack.actors]
