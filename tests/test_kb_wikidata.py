"""Wikidata exports -> KB actors (kb/wikidata/): both export formats, on small hand-written
exports in tests/fixtures/wikidata/. QIDs Q9000000xx there are placeholders, not real items."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from chronicle.kb import KbFile, load_kb
from chronicle.kb.wikidata import (
    WikidataImport,
    convert_wikidata,
    load_position_map,
    parse_position_map,
    slug,
)

FIXTURES = Path(__file__).parent / "fixtures" / "wikidata"
D = dt.date

BASE = KbFile(
    "base.yaml",
    """
countries:
  - {id: RUS, name: Russia, demonyms: [Russian]}
  - {id: USA, name: United States, demonyms: [American]}
offices:
  head_of_state: {titles: [president]}
  head_of_government: {titles: [prime minister]}
  foreign_minister: {titles: [foreign minister]}
  vice_president: {titles: [vice president]}
""",
)

# The packaged map plus placeholder positions the fixtures use.
POSITIONS = {
    **load_position_map(),
    **parse_position_map(
        "Q900000002: {office: head_of_government, country: RUS}\n"
        "Q900000003: {office: foreign_minister, country: RUS}\n"
    ),
}


def convert(data: bytes | str, name: str = "export.json", **kwargs) -> WikidataImport:
    return convert_wikidata(
        data.encode() if isinstance(data, str) else data, name, POSITIONS, **kwargs
    )


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def loaded(result: WikidataImport, base: KbFile = BASE):
    return load_kb([KbFile(f"wikidata-{result.source}", result.yaml_text)], packaged=[base])


def spans(actor) -> list[tuple]:
    return [(r.office, r.seat, r.start, r.end) for r in actor.roles]


def test_entity_json_converts_to_a_kb_file_that_loads():
    result = convert(fixture("entities.json"), "entities.json")
    kb = loaded(result)
    putin, medvedev, clinton = (
        kb.actors[i] for i in ("vladimir-putin", "dmitry-medvedev", "hillary-clinton")
    )
    # two consecutive terms merged; the deprecated 1999 statement left out
    assert spans(putin) == [
        ("head_of_state", "RUS", D(2000, 5, 7), D(2008, 5, 7)),
        ("head_of_state", "RUS", D(2012, 5, 7), None),
    ]
    assert (putin.qid, putin.country, putin.sector, putin.kind) == ("Q7747", "RUS", "GOV", "person")
    assert putin.aliases == ("Vladimir Vladimirovich Putin", "Vladimir V. Putin")  # English only
    assert putin.ambiguous_aliases == ("Putin",)  # one word: a short form
    # a month-precise start is taken as the 1st; a year-precise one is refused
    assert spans(medvedev) == [
        ("head_of_state", "RUS", D(2008, 5, 7), D(2012, 5, 7)),
        ("head_of_government", "RUS", D(2012, 5, 1), None),
    ]
    # an end of unknown date ("somevalue") drops the role rather than keep it open
    assert spans(clinton) == [("foreign_minister", "USA", D(2009, 1, 21), D(2013, 2, 1))]
    assert [a.id for a in kb.holders("head_of_state", "RUS", D(2010, 1, 1))] == ["dmitry-medvedev"]

    assert result.persons == ["vladimir-putin", "dmitry-medvedev", "hillary-clinton"]
    assert result.roles == 5
    assert result.deprecated == 1
    assert result.unmapped_positions == {"Q900000001": 2}
    assert result.not_persons == 1  # the position item Q218295 in the export
    assert [s.split(":")[0] for s in result.skipped_persons] == [
        "Q900000010 (Example Person Without Office)"
    ]
    assert any("Q23530 Q900000003" in s and "year" in s for s in result.skipped_roles)
    assert any("Q6294 Q14213" in s and "unknown date" in s for s in result.skipped_roles)
    assert not result.warnings
    assert result.summary.startswith("3 persons with 5 roles; skipped 1 person")
    assert "unmapped position Q900000001: 2 statements" in result.report()


def test_sparql_results_convert_to_a_kb_file_that_loads():
    result = convert(fixture("sparql.json"), "sparql.json")
    kb = loaded(result)
    putin, obama = kb.actors["vladimir-putin"], kb.actors["barack-obama"]
    assert spans(putin) == [
        ("head_of_state", "RUS", D(2000, 5, 7), D(2008, 5, 7)),
        ("head_of_state", "RUS", D(2012, 5, 7), None),
    ]
    # rows multiplied by the OPTIONAL alias give one role and each alias once
    assert putin.aliases == ("Vladimir Vladimirovich Putin",) and putin.ambiguous_aliases == (
        "Putin",
    )
    assert (obama.qid, obama.country, obama.aliases) == ("Q76", "USA", ("Barack Hussein Obama",))
    assert spans(obama) == [("head_of_state", "USA", D(2009, 1, 20), D(2017, 1, 20))]
    assert spans(kb.actors["hillary-clinton"]) == [
        ("foreign_minister", "USA", D(2009, 1, 21), D(2013, 2, 1))
    ]
    assert spans(kb.actors["example-month-precision"]) == [
        ("head_of_government", "RUS", D(2012, 5, 1), None)
    ]
    assert "example-year-precision" not in kb.actors  # startPrecision 9: refused
    assert result.deprecated == 1
    assert result.unmapped_positions == {"Q900000001": 1}
    assert result.position_labels["Q900000001"] == "Example unmapped position"
    assert (
        "unmapped position Q900000001 (Example unmapped position): 1 statement" in result.report()
    )


def test_both_formats_give_the_same_actor():
    from_entities = loaded(convert(fixture("entities.json"))).actors["vladimir-putin"]
    from_sparql = loaded(convert(fixture("sparql.json"))).actors["vladimir-putin"]
    assert spans(from_entities) == spans(from_sparql)
    assert from_entities.qid == from_sparql.qid


def _entities() -> list[dict]:
    return list(json.loads(fixture("entities.json"))["entities"].values())


def _flat_rows() -> list[dict]:
    """The query service's "download JSON": a list of {variable: value} rows."""
    rows = json.loads(fixture("sparql.json"))["results"]["bindings"]
    return [{k: v["value"] for k, v in row.items()} for row in rows]


@pytest.mark.parametrize(
    "shape",
    [
        pytest.param(lambda: json.dumps(_entities()), id="list-of-entities"),
        pytest.param(lambda: "\n".join(json.dumps(e) for e in _entities()), id="json-lines"),
        pytest.param(
            lambda: "[\n" + ",\n".join(json.dumps(e) for e in _entities()) + "\n]\n",
            id="dump-slice",
        ),
        pytest.param(
            lambda: "[\n" + "".join(json.dumps(e) + ",\n" for e in _entities()[:3]),
            id="cut-dump-slice",
        ),
        pytest.param(lambda: json.dumps(_entities()[0]), id="single-entity"),
        pytest.param(lambda: json.dumps(_flat_rows()), id="sparql-flat-download"),
    ],
)
def test_other_export_shapes(shape):
    kb = loaded(convert(shape()))
    assert spans(kb.actors["vladimir-putin"])[0] == (
        "head_of_state",
        "RUS",
        D(2000, 5, 7),
        D(2008, 5, 7),
    )


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty"),
        (b"this is not json", "not JSON (line 1, column 1"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        (b'{"foo": 1, "bar": 2}', "not a Wikidata export"),
        (b"[1, 2]", "item 1 of the list is neither a Wikidata entity"),
        (b'{"entities": []}', "`entities` must be an object"),
        (b'{"head": {"vars": []}, "results": {"bindings": {}}}', "results.bindings"),
        (b'{"head": {"vars": ["x", "y"]}, "results": {"bindings": []}}', "no person variable"),
        (b'{"head": {"vars": ["person"]}, "results": {"bindings": []}}', "no position variable"),
        (
            b'{"results": {"bindings": [{"person": {"value": "Vladimir Putin"}, "position": {"value": "Q1"}}]}}',
            "row 1: the person 'Vladimir Putin' is not a Wikidata item",
        ),
        (
            b'{"id": "Q1", "claims": {"P39": [{"mainsnak": {"snaktype": "value"}}]}}',
            "entity Q1: P39 statement 1: mainsnak has no `datavalue.value`",
        ),
        (b'{"id": "Q1", "claims": {"P39": {"bad": 1}}}', "claims.P39 must be a list"),
        (b'{"id": "Q1", "labels": {"en": "Putin"}}', "labels.en must hold objects"),
        (b'{"id": "Q1", "labels": {}}\n{"id": "Q2", oops}\n', "line 2 is not JSON"),
    ],
)
def test_malformed_input_is_refused_with_the_problem(data, reason):
    with pytest.raises(ValueError) as error:
        convert(data)
    assert reason in str(error.value)


def entity(qid: str, label: str | None, aliases=(), positions=(), p31: str | None = "Q5") -> dict:
    """A minimal entity in the EntityData shape; positions are (QID, start, end, precision)."""

    def time(value: str, precision: int, calendar: str = "Q1985727") -> dict:
        return {
            "snaktype": "value",
            "datavalue": {
                "value": {
                    "time": value,
                    "precision": precision,
                    "calendarmodel": f"http://www.wikidata.org/entity/{calendar}",
                },
                "type": "time",
            },
        }

    claims: dict = {}
    if p31:
        claims["P31"] = [
            {
                "mainsnak": {"snaktype": "value", "datavalue": {"value": {"id": p31}}},
                "rank": "normal",
            }
        ]
    statements = []
    for position, start, end, *more in positions:
        qualifiers = {}
        if start:
            qualifiers["P580"] = [time(start, *(more or [11]))]
        if end:
            qualifiers["P582"] = [time(end, 11)]
        statements.append(
            {
                "mainsnak": {
                    "snaktype": "value",
                    "datavalue": {"value": {"numeric-id": int(position[1:])}},
                },
                "qualifiers": qualifiers,
                "rank": "normal",
            }
        )
    claims["P39"] = statements
    return {
        "id": qid,
        "labels": {"en": {"value": label}} if label else {},
        "aliases": {"en": [{"value": a} for a in aliases]},
        "claims": claims,
    }


def export(*entities: dict) -> str:
    return json.dumps({"entities": {e["id"]: e for e in entities}})


def test_aliases_are_settled_so_the_kb_accepts_them():
    a = entity(
        "Q900000101",
        "Ivan Ivanov",
        ["Ivan the Elder", "Oleg Petrov"],
        [("Q218295", "+2001-01-01T00:00:00Z", "+2002-01-01T00:00:00Z")],
    )
    b = entity(
        "Q900000102",
        "Oleg Petrov",
        ["Ivan the Elder"],
        [("Q218295", "+2002-01-01T00:00:00Z", None)],
    )
    result = convert(export(a, b))
    kb = loaded(result)
    ivan, oleg = kb.actors["ivan-ivanov"], kb.actors["oleg-petrov"]
    assert ivan.aliases == () and ivan.ambiguous_aliases == (
        "Ivan the Elder",
    )  # shared: ambiguous for both
    assert oleg.ambiguous_aliases == ("Ivan the Elder",)
    assert any("'Oleg Petrov' dropped" in w for w in result.warnings)  # another person's name


def test_persons_already_in_the_kb_are_left_out_and_ids_kept_unique():
    base = KbFile(
        "base-with-actors.yaml",
        BASE.text + "actors:\n"
        "  - {id: vladimir-putin, name: Vladimir Putin, qid: Q7747}\n"
        "  - {id: john-smith, name: John Smith, aliases: [Johnny Smith]}\n"
        "  - {id: ivan-petrov, name: Ivan Petrov, qid: Q900000199}\n",
    )
    existing = load_kb(packaged=[base])
    putin = entity("Q7747", "Vladimir Putin", [], [("Q218295", "+2000-05-07T00:00:00Z", None)])
    other = entity(
        "Q900000103",
        "John Smith Jr",
        ["Johnny Smith", "J. Smith Junior"],
        [("Q11696", "+2001-01-20T00:00:00Z", None)],
    )
    namesake = entity(
        "Q900000104", "John Smith Jr", [], [("Q14213", "+2001-01-20T00:00:00Z", None)]
    )
    smith = entity("Q900000105", "John Smith", [], [("Q11699", "+2001-01-20T00:00:00Z", None)])
    petrov = entity("Q900000106", "Ivan Petrov", [], [("Q14213", "+2005-01-20T00:00:00Z", None)])
    result = convert(export(putin, other, namesake, smith, petrov), existing=existing)
    assert any(
        s.startswith("Q7747 (Vladimir Putin): already in the knowledge base as vladimir-putin")
        for s in result.skipped_persons
    )
    assert any(
        s.startswith(
            "Q900000105 (John Smith): already in the knowledge base as john-smith (same name"
        )
        for s in result.skipped_persons
    )
    assert result.persons == ["john-smith-jr", "john-smith-jr-q900000104", "ivan-petrov-q900000106"]
    assert any("(Ivan Petrov): the name already names ivan-petrov" in w for w in result.warnings)
    assert any("'Johnny Smith' dropped" in w for w in result.warnings)
    with pytest.raises(
        Exception, match="names several actors"
    ):  # two persons of one name: the KB decides
        loaded(result, base)


def test_dates_calendar_rank_and_position_label_checks():
    julian = entity("Q900000105", "Old Style", [], [("Q218295", "+2001-01-01T00:00:00Z", None, 11)])
    julian["claims"]["P39"][0]["qualifiers"]["P580"][0]["datavalue"]["value"]["calendarmodel"] = (
        "http://www.wikidata.org/entity/Q1985786"
    )
    backwards = entity(
        "Q900000106",
        "Back Wards",
        [],
        [("Q11696", "+2005-01-01T00:00:00Z", "+2004-01-01T00:00:00Z")],
    )
    no_start = entity("Q900000107", "No Start", [], [("Q11696", None, "+2004-01-01T00:00:00Z")])
    wrong = entity("Q218295", "Mayor of Nowhere", p31="Q4164871")
    result = convert(export(julian, backwards, no_start, wrong))
    assert result.persons == []
    assert result.yaml_text.rstrip().endswith("actors: []")
    assert loaded(result).actors.keys() == {"RUS", "USA"}
    reasons = " | ".join(result.skipped_roles)
    assert (
        "Julian calendar" in reasons
        and "before it starts" in reasons
        and "no start date" in reasons
    )
    assert any(
        "Q218295 is 'Mayor of Nowhere'" in w and "check the map's QID" in w for w in result.warnings
    )


def test_sparql_without_precision_and_with_prefixed_rank():
    rows = [
        {
            "item": "wd:Q900000108",
            "itemLabel": "Anna Example",
            "positionHeld": "wd:Q11699",
            "startTime": "2003-04-05T00:00:00Z",
            "rank": "wikibase:NormalRank",
            "country": "usa",
        },
        {
            "item": "wd:Q900000108",
            "itemLabel": "Anna Example",
            "positionHeld": "wd:Q11699",
            "startTime": "2001-01-01T00:00:00Z",
            "endTime": "2003-04-05T00:00:00Z",
            "rank": "wikibase:DeprecatedRank",
        },
        {
            "item": "wd:Q900000108",
            "itemLabel": "Anna Example",
            "positionHeld": "wd:Q218295",
            "startTime": "2001-01-01T00:00:00Z",
            "countryCode": "USA",
        },
    ]
    result = convert(json.dumps(rows))
    anna = loaded(result).actors["anna-example"]
    assert spans(anna) == [
        ("head_of_state", "RUS", D(2001, 1, 1), None),
        ("vice_president", "USA", D(2003, 4, 5), None),
    ]
    assert anna.country == "USA"  # the latest role's country
    assert result.deprecated == 1
    assert any("country USA" in w and "RUS" in w for w in result.warnings)


def test_slug_and_labels_in_other_languages():
    assert slug("Recep Tayyip Erdoğan") == "recep-tayyip-erdogan"
    assert slug("George W. Bush") == "george-w-bush"
    rows = {
        "head": {"vars": ["person", "personLabel", "position"]},
        "results": {
            "bindings": [
                {
                    "person": {"type": "uri", "value": "http://www.wikidata.org/entity/Q900000109"},
                    "personLabel": {"xml:lang": "ru", "type": "literal", "value": "Иван"},
                    "position": {"type": "uri", "value": "http://www.wikidata.org/entity/Q218295"},
                },
            ]
        },
    }
    result = convert(json.dumps(rows))
    assert result.skipped_persons == ["Q900000109: no English label"]


def test_position_maps():
    shipped = load_position_map()
    assert (shipped["Q11696"].office, shipped["Q11696"].country) == ("head_of_state", "USA")
    assert (shipped["Q218295"].office, shipped["Q218295"].country) == ("head_of_state", "RUS")
    assert shipped["Q81066"].organization == "un"
    kb = load_kb()  # every mapped office and seat exists in the packaged KB
    for qid, position in shipped.items():
        assert position.office in kb.office_titles, qid
        assert position.seat in kb.countries or position.seat in kb.actors, qid


def test_user_position_map_adds_and_replaces(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(
        "Q11696: {office: head_of_government, country: USA}\nQ900000200: {office: defence_minister, country: RUS}\n"
    )
    merged = load_position_map(path)
    assert merged["Q11696"].office == "head_of_government" and "Q218295" in merged
    assert set(load_position_map(path, packaged=False)) == {"Q11696", "Q900000200"}


@pytest.mark.parametrize(
    "text, reason",
    [
        ("Q12x: {office: head_of_state, country: USA}", "not a Wikidata QID"),
        ("Q12: {country: USA}", "needs an `office:`"),
        ("Q12: {office: head_of_state}", "exactly one of"),
        ("Q12: {office: head_of_state, country: USA, organization: un}", "exactly one of"),
        ("Q12: {office: head_of_state, country: usa}", "not an ISO 3166-1 alpha-3"),
        ("Q12: {office: head_of_state, country: USA, holder: x}", "unknown fields holder"),
        ("- Q12", "must map position QIDs"),
    ],
)
def test_bad_position_maps_are_refused(text, reason):
    with pytest.raises(ValueError, match=reason):
        parse_position_map(text, "mine.yaml")


def test_ids_and_seats_that_yaml_would_misread_stay_strings():
    positions = parse_position_map("Q900000300: {office: head_of_state, organization: 'yes'}")
    base = KbFile(
        "b.yaml", BASE.text + "organizations:\n  - {id: 'yes', name: Yes Org, kind: organization}\n"
    )
    data = export(entity("Q900000301", "Null", [], [("Q900000300", "+2001-01-01T00:00:00Z", None)]))
    result = convert_wikidata(data.encode(), "x.json", positions)
    kb = loaded(result, base)
    assert kb.actors["null"].roles[0].organization == "yes"
