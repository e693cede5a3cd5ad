"""Every country code the knowledge base uses is an ISO 3166-1 alpha-3 code.

The data model promises ISO 3166-1 alpha-3 countries (DESIGN.md, Records: Actor), and
users join chronicle's output to other data sets on them. pycountry carries the standard's
own list, so a typo in data/countries.yaml or an actor file ("UKR" written "UKN") fails here.
"""

from __future__ import annotations

import pytest

from chronicle.kb import load_kb

pycountry = pytest.importorskip("pycountry", reason="pycountry (a test dependency) is not installed")

# user-assigned codes in common use where ISO 3166-1 has none (see data/countries.yaml)
USER_ASSIGNED = {"XKX"}


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def _iso(code: str) -> bool:
    return code in USER_ASSIGNED or pycountry.countries.get(alpha_3=code) is not None


def test_every_country_id_is_an_iso_alpha3_code(kb):
    assert [code for code in kb.countries if not _iso(code)] == []


def test_every_actor_country_is_an_iso_alpha3_code(kb):
    wrong = sorted({(actor.id, actor.country) for actor in kb.actors.values() if actor.country and not _iso(actor.country)})
    assert wrong == []


def test_the_check_refuses_a_code_that_is_not_iso():
    assert not _iso("UKN") and _iso("UKR")
