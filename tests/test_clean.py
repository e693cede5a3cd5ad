"""The cleaner: each rule on small hand-written inputs, the offset map, and the real seeds.

The seeds and dev articles are read from ../shared (never copied here); those tests skip
cleanly when it is absent.
"""

from __future__ import annotations

import unicodedata

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronicle.ingest.clean import DebrisRules, clean, load_debris_rules
from chronicle.model import OffsetMap

SHARED = Path(__file__).parents[1].parent / "shared"
SEEDS = SHARED / "seeds"
DEV_ARTICLES = SHARED / "eval" / "dev" / "articles.jsonl"

RULES = load_debris_rules()
PROSE = "The two leaders met in the capital on Tuesday and discussed trade, security and the war."
PROSE_2 = "Officials said the talks lasted three hours and would continue at a lower level next month."

# Debris named in the brief, each on its own line in a scraped page.
DEBRIS_LINES = [
    "Comments are closed.",
    "Do you like the content of this article?",
    "COMMENT",
    "Most Popular",
    "read more:",
    "Views: 3973",
    "Auto refresh feeds",
    "Last Update 9:43",
    "Advertisement",
    "- Advertisement -",
    "Share this article",
    "Subscribe to our newsletter",
    "Skip to main content",
    "Related Articles",
    "Leave a Reply",
    "2 hours ago",
    "Adjust Comment Print",
    "Photo Credit: The Press Office",
    "Image Credit: AFP/Getty Images",
    "© Some Photographer/TASS",
    "Source: Instagram",
    "(Reporting by A. Writer; Editing by B. Editor)",
]
SCRIPT_LINES = [
    "`; document.getElementById(“boxPaywall”).innerHTML = html; (function (a, b){ });",
    "`; var x = 1;",
    "document.getElementById('x').innerHTML = cont;",
    "(function (v, i){ });",
    "var settings = {a: 1};",
]


def lines_of(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


def key(text: str) -> str:
    return " ".join(text.split())


def assert_offsets_hold(raw: str, result) -> None:
    """Every clean character maps to its raw character, or, where NFC changed it (e + U+0301
    -> é, a compatibility ideograph -> its unified one), to the start of what it replaced."""
    for index, char in enumerate(result.text):
        raw_index = result.offsets.to_raw(index)
        assert raw[raw_index] == char or char in unicodedata.normalize("NFC", raw[raw_index:raw_index + 8]), (index, char, raw_index)
    for removal in result.removed:
        assert 0 <= removal.start <= removal.end <= len(raw)
        assert removal.reason


# --- loading -------------------------------------------------------------------------------


def test_packaged_rules_load_with_every_kind():
    assert isinstance(RULES, DebrisRules)
    assert RULES.drop_line and RULES.cut_tail and RULES.remove_span
    assert 0 < RULES.tail_zone < 1


def test_rules_load_from_a_given_path(tmp_path):
    path = tmp_path / "debris.yaml"
    path.write_text(
        "rules:\n  - name: shout\n    kind: drop_line\n    pattern: '^HELLO$'\n    case_sensitive: true\n",
        encoding="utf-8",
    )
    rules = load_debris_rules(path)
    result = clean(f"HELLO\n{PROSE}\nhello", rules)
    assert lines_of(result.text) == [PROSE, "hello"]
    assert [r.reason for r in result.removed] == ["shout"]


@pytest.mark.parametrize(
    "body",
    [
        "rules:\n  - name: x\n    kind: explode\n    pattern: 'a'\n",
        "rules:\n  - name: x\n    kind: drop_line\n    pattern: '(unclosed'\n",
    ],
)
def test_bad_rules_are_refused_with_the_rule_named(tmp_path, body):
    path = tmp_path / "debris.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ValueError, match="'x'"):
        load_debris_rules(path)


# --- line rules ------------------------------------------------------------------------------


@pytest.mark.parametrize("debris", DEBRIS_LINES)
def test_boilerplate_line_is_dropped_and_prose_kept(debris):
    raw = f"{PROSE}\n{debris}\n{PROSE_2}\n"
    result = clean(raw, RULES)
    assert lines_of(result.text) == [PROSE, PROSE_2]
    assert any(raw[r.start : r.end].strip() == debris for r in result.removed)


@pytest.mark.parametrize("script", SCRIPT_LINES)
def test_script_fragments_are_dropped(script):
    raw = f"{PROSE}\n{script}\n{PROSE_2}"
    result = clean(raw, RULES)
    assert lines_of(result.text) == [PROSE, PROSE_2]
    assert [r.reason for r in result.removed] == ["script"]


def test_a_prose_sentence_mentioning_a_debris_word_is_kept():
    raw = (
        "The minister declined to comment on the advertisement campaign, and said comments are closed to the press.\n"
        "The most popular proposal was to read more of the agreement aloud.\n"
    )
    assert lines_of(clean(raw, RULES).text) == lines_of(raw)


# --- tail sections -----------------------------------------------------------------------------


def test_tail_marker_near_the_end_cuts_the_rest():
    raw = f"{PROSE}\n{PROSE_2}\n{PROSE}!\nMost Popular\nMinister wins again\nGolf photos of the week\n"
    result = clean(raw, RULES)
    assert lines_of(result.text) == [PROSE, PROSE_2, PROSE + "!"]
    cut = [r for r in result.removed if r.reason == "tail-popular"]
    assert len(cut) == 1 and raw[cut[0].start :].startswith("Most Popular")


def test_tail_marker_in_the_first_part_does_not_cut_the_article():
    raw = f"Headline\nRelated Articles\n{PROSE}\n{PROSE_2}\n{PROSE} Again.\n"
    result = clean(raw, RULES)
    assert lines_of(result.text) == ["Headline", PROSE, PROSE_2, PROSE + " Again."]


def test_tail_marker_followed_by_a_prose_paragraph_does_not_cut():
    long_paragraph = " ".join([PROSE, PROSE_2, PROSE])
    raw = f"{PROSE}\n{PROSE_2}\n{PROSE} x\nread more:\n{long_paragraph}\n"
    result = clean(raw, RULES)
    assert long_paragraph in result.text
    assert "read more:" not in result.text  # the marker line alone is still debris


# --- repeats ---------------------------------------------------------------------------------------


def test_exact_repeat_after_whitespace_normalisation_is_dropped():
    raw = f"Leaders meet in Lisbon\n\n{PROSE}\nLeaders  meet in Lisbon \n{PROSE_2}"
    result = clean(raw, RULES)
    assert lines_of(result.text) == ["Leaders meet in Lisbon", PROSE, PROSE_2]
    assert [r.reason for r in result.removed] == ["duplicate"]


def test_truncated_teaser_before_the_full_line_is_dropped():
    full = "The visiting president and his host inspect an honour guard outside the palace in Lisbon yesterday."
    teaser = full[:60]  # cut mid-word
    raw = f"Headline of the day\n{teaser}\n{full}\n{PROSE}"
    result = clean(raw, RULES)
    assert lines_of(result.text) == ["Headline of the day", full, PROSE]
    assert [r.reason for r in result.removed] == ["truncated-duplicate"]


def test_teaser_ending_in_an_ellipsis_is_a_truncated_duplicate():
    full = "The president and his guest walk along the river after the talks in Lisbon on Wednesday."
    raw = f"{full[:50]}…\n{full}"
    assert lines_of(clean(raw, RULES).text) == [full]


def test_short_line_that_begins_the_next_line_is_kept():
    raw = "Portugal\nPortugal's president on the phone call: we will talk again soon\n" + PROSE
    assert lines_of(clean(raw, RULES).text) == lines_of(raw)


def test_line_made_of_the_same_caption_twice_keeps_one():
    caption = "The two presidents review the soldiers when they reach the palace in Lisbon. (Source: Reuters)"
    raw = f"{caption} {caption}\n{PROSE}"
    result = clean(raw, RULES)
    assert lines_of(result.text) == [caption, PROSE]
    assert [r.reason for r in result.removed] == ["duplicate"]


# --- inline credits --------------------------------------------------------------------------------


def test_labelled_photo_credit_is_removed_and_reveals_a_repeated_caption():
    caption = "The prime minister meets the visiting president in Lisbon"
    raw = f"Headline\n{caption} (photo credit: Courtesy)\n{caption}\n(photo credit: Courtesy)\n{PROSE}"
    result = clean(raw, RULES)
    assert lines_of(result.text) == ["Headline", caption, PROSE]
    reasons = sorted(r.reason for r in result.removed)
    assert reasons == ["duplicate", "photo-credit", "photo-credit"]


def test_agency_credit_inside_a_caption_is_kept():
    caption = "The president (R) greets the chancellor in Lisbon on March 3, 2020. (JANE DOE / POOL / AFP)"
    assert lines_of(clean(f"{caption}\n{PROSE}", RULES).text) == [caption, PROSE]


# --- whitespace and characters ------------------------------------------------------------------------


def test_whitespace_is_normalised_and_line_structure_kept():
    raw = "  Title line  \n\n\n\nFirst   line\t\tof text  \nSecond line\n \u00a0\n\nThird line   "
    result = clean(raw, RULES)
    assert result.text == "Title line\n\nFirst line\tof text\nSecond line\n\nThird line"
    assert_offsets_hold(raw, result)


def test_other_characters_stay_verbatim():
    raw = "“Quoted,” he said — it’s the minister’s view.\u00a0Then\u00a0more. "
    result = clean(raw, RULES)
    assert result.text == raw.rstrip()


def test_a_collapsed_run_is_represented_by_its_first_character():
    raw = "The leaders met\u00a0 \tin the capital.  Then  \u00a0 they left."
    result = clean(raw, RULES)
    assert result.text == "The leaders met\u00a0in the capital. Then they left."
    assert_offsets_hold(raw, result)


def test_empty_and_blank_inputs():
    for raw in ("", "\n\n", "   \n \t "):
        result = clean(raw, RULES)
        assert result.text == "" and result.offsets.segments == ()


# --- offset map ----------------------------------------------------------------------------------------


def test_offset_map_points_every_clean_character_at_its_raw_source():
    raw = f"Headline\n\nAdvertisement\n{PROSE}   {PROSE_2}\n\n\n\nDo you like the content of this article?\nCOMMENT"
    result = clean(raw, RULES)
    assert result.text == f"Headline\n\n{PROSE} {PROSE_2}"
    assert_offsets_hold(raw, result)
    start = result.text.index("capital")
    raw_start, raw_end = result.offsets.span_to_raw(start, start + len("capital"))
    assert raw[raw_start:raw_end] == "capital"


def test_offset_map_api():
    offsets = OffsetMap(((0, 10, 5), (5, 20, 3)))
    assert offsets.to_raw(0) == 10 and offsets.to_raw(4) == 14
    assert offsets.to_raw(5) == 20 and offsets.to_raw(8) == 23  # an end maps to its run's end
    assert offsets.span_to_raw(3, 7) == (13, 22)
    assert offsets == OffsetMap([(0, 10, 5), (5, 20, 3)])
    assert OffsetMap(()).to_raw(7) == 7


_ALPHABET = st.sampled_from(list("ab Z.,:;!?()`{}'\"“”’—-\n\t\u00a0\r1234567890"))
_PIECES = st.one_of(
    st.text(_ALPHABET, max_size=40),
    st.text(max_size=20),
    st.sampled_from(
        DEBRIS_LINES + SCRIPT_LINES + [PROSE, PROSE_2, PROSE[:40], "(photo credit: Courtesy)", "\n\n\n", "   ", ""]
    ),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=25).map("\n".join))
def test_property_clean_never_raises_and_every_clean_character_maps_back(raw):
    result = clean(raw, RULES)
    assert_offsets_hold(raw, result)
    assert "\n\n\n" not in result.text
    assert result.text == result.text.strip()
    for line in result.text.split("\n"):
        assert line == line.strip()
    kept = [key(line) for line in lines_of(result.text)]
    assert len(kept) == len(set(kept))


# --- the real seeds ---------------------------------------------------------------------------------------

PROSE_END = re.compile(r"[.!][\"'”’)]*$")
SURVIVING_DEBRIS = re.compile(
    r"Comments are closed|Do you like the content of this article|^COMMENT$|^Most Popular$|^read more:$"
    r"|document\.getElementById|\(function|^`|\(photo credit",
    re.MULTILINE,
)


def seed_files() -> list[Path]:
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} is absent: the seed tests read the real articles from ../shared")
    files = sorted(SEEDS.glob("*.txt"))
    if not files:
        pytest.skip(f"no seed .txt files in {SEEDS}")
    return files


def raw_lines(raw: str) -> list[tuple[int, int, str]]:
    out, start = [], 0
    for line in raw.split("\n"):
        out.append((start, start + len(line), line))
        start += len(line) + 1
    return out


@pytest.mark.integration
def test_seeds_lose_their_debris_and_repeats():
    for path in seed_files():
        raw = path.read_text(encoding="utf-8")
        result = clean(raw, RULES)
        assert_offsets_hold(raw, result)
        assert not SURVIVING_DEBRIS.search(result.text), path.name
        kept = [key(line) for line in lines_of(result.text)]
        assert len(kept) == len(set(kept)), f"{path.name}: a line appears twice"


@pytest.mark.integration
def test_seeds_lose_no_sentence():
    for path in seed_files():
        raw = path.read_text(encoding="utf-8")
        result = clean(raw, RULES)
        kept = {key(line) for line in lines_of(result.text)}
        for start, end, line in raw_lines(raw):
            if not line.strip() or key(line) in kept:
                continue
            covering = [r for r in result.removed if r.start < end and r.end > start]
            assert covering, f"{path.name}: {line!r} vanished without a rule"
            reasons = {r.reason for r in covering}
            if "duplicate" in reasons:
                assert key(line) in kept, f"{path.name}: {line!r} dropped as a duplicate of nothing kept"
            if "truncated-duplicate" in reasons:
                assert any(k.startswith(key(line)[:-1]) for k in kept), line
            words = len(line.split())
            if words >= 8 and PROSE_END.search(line.strip()) and not reasons & {"duplicate", "truncated-duplicate"}:
                # a prose line may only lose inline credit spans, never the sentence itself
                assert all(r.start > start or r.end < end for r in covering), f"{path.name}: lost {line!r}"


@pytest.mark.integration
def test_seeds_jsonl_gives_the_same_clean_text_as_the_txt_files():
    seed_files()
    records = [json.loads(line) for line in (SEEDS / "seeds.jsonl").read_text(encoding="utf-8").splitlines() if line]
    assert records
    for record in records:
        from_txt = clean((SEEDS / record["file"]).read_text(encoding="utf-8"), RULES)
        from_jsonl = clean(record["text"], RULES)
        assert from_jsonl.text == from_txt.text, record["id"]
        assert from_jsonl.removed == from_txt.removed


# --- the dev articles: real debris from many sites ------------------------------------------------------------


@pytest.mark.integration
def test_dev_articles_clean_without_repeats_or_named_debris():
    if not DEV_ARTICLES.exists():
        pytest.skip(f"{DEV_ARTICLES} is absent: the dev tests read the real articles from ../shared")
    records = [json.loads(line) for line in DEV_ARTICLES.read_text(encoding="utf-8").splitlines() if line.strip()]
    named = re.compile(
        r"^(?:Views: \d+|Auto refresh feeds|Last Update [\d:]+|- ?Advertisement ?-|ADVERTISEMENT|Adjust Comment Print"
        r"|Skip to main content|Related Articles|Leave a Reply|Comments are closed\.)$",
        re.MULTILINE,
    )
    lost = []
    for record in records:
        raw = record["text"]
        result = clean(raw, RULES)
        assert_offsets_hold(raw, result)
        assert not named.search(result.text), record["id"]
        kept_lines = lines_of(result.text)
        kept = [key(line) for line in kept_lines]
        assert len(kept) == len(set(kept)), f"{record['id']}: a line appears twice"
        for start, end, line in raw_lines(raw):
            if len(line.split()) < 15 or not line.rstrip().endswith("."):
                continue
            for removal in result.removed:
                overlap = min(end, removal.end) - max(start, removal.start)
                if overlap > (end - start) / 2 and removal.reason not in ("duplicate", "truncated-duplicate"):
                    lost.append((record["id"], removal.reason, line))
    assert not lost, lost  # a long prose line only ever goes as a repeat


def test_a_character_nfc_replaces_maps_to_the_raw_character_it_replaced():
    raw = "A \uf900 and e\u0301 here."  # a compatibility ideograph, and e + combining acute
    result = clean(raw, RULES)
    assert "\u8c48" in result.text and "\u00e9" in result.text
    assert_offsets_hold(raw, result)
    assert raw[result.offsets.to_raw(result.text.index("\u8c48"))] == "\uf900"
    assert raw[result.offsets.to_raw(result.text.index("\u00e9"))] == "e"
