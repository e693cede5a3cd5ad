"""Web pages (issue 17): charset, NFC, debris, page dates and the per-page time limit, on small pages written here.

Every defect has its case and its counter-case (what must not change).
"""

from __future__ import annotations

import datetime as dt
import signal
import unicodedata

import duckdb
import lxml.html
import pytest

from chronicle.ingest.clean import clean, load_debris_rules
from chronicle.ingest.document import read_document
from chronicle.ingest.html import extract_html, page_date, time_limit
from chronicle.ingest.date_rules import load_date_rules
from chronicle.ingest.pubdate import discover_publication_date
from chronicle.ingest.sniff import decode
from chronicle.model import Document
from chronicle.runners.local import ingest
from chronicle.settings import Settings

RULES = load_debris_rules()
PROSE = "The delegation arrived in the port city on Wednesday and was received by the governor."
PROSE_2 = "Talks on the fishing quota went on late into the evening, according to two aides."


def page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}<title>Quota talks</title></head><body><article>{body}</article></body></html>"


# --- charset ------------------------------------------------------------------------


def test_declared_utf8_with_stray_bytes_stays_utf8():
    text = "Le négociateur a salué un accord « très équilibré », selon l'agence. " * 3
    html = page(f"<p>{text}</p><p>{PROSE}</p>", '<meta charset="utf-8">').encode()
    broken = html.replace("équilibré".encode(), b"\xe9quilibr\xe9", 1)  # two Latin-1 bytes inside UTF-8
    doc = read_document(broken, "p.html", "html")
    assert isinstance(doc, Document)
    assert "négociateur" in doc.text and "très" in doc.text  # the rest decoded as UTF-8
    assert "\ufffdquilibr\ufffd" in doc.text  # the bad bytes replaced, not re-guessed


def test_undeclared_utf8_with_one_stray_byte_stays_utf8():
    data = ("Čeština, français, Größe, ñandú: " * 4).encode() + b"\x96 end"
    assert decode(data).startswith("Čeština, français, Größe, ñandú")


def test_latin1_text_is_not_read_as_cp1250():
    text = "Le ministre a déclaré à la presse que les négociations étaient très avancées. Über die Größe wird später entschieden."
    assert decode(text.encode("latin-1")) == text


def test_central_european_text_is_still_guessed():
    text = "Český text: příliš žluťoučký kůň úpěl ďábelské ódy, řekl ministr."
    assert decode(text.encode("cp1250")) == text


def test_a_transport_charset_wins_over_the_page_declaration():
    html = page(f"<p>Größe und Qualität. {PROSE}</p><p>{PROSE_2}</p>", '<meta charset="utf-8">').encode("latin-1")
    doc = read_document(html, "p.html", "html", charset="iso-8859-1")
    assert "Größe und Qualität" in doc.text


# --- NFC ----------------------------------------------------------------------------


def test_clean_text_is_nfc_and_offsets_point_into_the_raw_text():
    raw = "Share\nLe pre\u0301sident a salue\u0301  la de\u0301le\u0301gation.\n" + PROSE
    cleaned = clean(raw, RULES)
    assert unicodedata.is_normalized("NFC", cleaned.text)
    assert "Le président a salué la délégation." in cleaned.text
    for index, character in enumerate(cleaned.text):  # each clean character starts at its raw sequence
        at = cleaned.offsets.to_raw(index)
        assert unicodedata.normalize("NFC", raw[at : at + 2]).startswith(character)
    start = cleaned.text.index("délégation")
    raw_start, _ = cleaned.offsets.span_to_raw(start, start + 10)
    assert raw[raw_start:].startswith("de\u0301le\u0301gation")
    assert cleaned.text.endswith(PROSE)  # verbatim text after it still maps one to one
    tail = cleaned.text.index(PROSE)
    assert raw[cleaned.offsets.to_raw(tail) :] == PROSE


def test_text_already_in_nfc_is_untouched():
    raw = f"Café “quoted”\u00a0text.\n{PROSE}"
    cleaned = clean(raw, RULES)
    assert cleaned.text == raw and cleaned.offsets.segments == ((0, 0, len(raw)),)


# --- cleaner rules that cut real text -------------------------------------------------


def test_a_paragraph_mentioning_document_write_is_prose():
    paragraph = "Security researchers said the old widget still called document.write to insert adverts into the page."
    cleaned = clean(f"{PROSE}\n{paragraph}\n{PROSE_2}", RULES)
    assert paragraph in cleaned.text


def test_a_script_line_calling_document_write_is_dropped():
    cleaned = clean(f"{PROSE}\ndocument.write('<div class=\"ad\">' + slot + '</div>');\n{PROSE_2}", RULES)
    assert "document.write" not in cleaned.text


def test_a_related_heading_before_short_real_paragraphs_does_not_cut_them():
    short = [
        "At the harbour, families waited with flags for the returning crew.",
        "Several of the sailors had been away for more than eight months.",
        "One of them said the food had run out two weeks before the end.",
        "The harbour master thanked the coast guard for its patience and help.",
        "A reception for the crew is planned at the town hall on Saturday.",
    ]
    raw = "\n\n".join([PROSE, PROSE_2, "See also", *short])
    cleaned = clean(raw, RULES)
    assert all(line in cleaned.text for line in short)
    assert "See also" not in cleaned.text  # the heading itself is still debris


def test_a_related_heading_before_a_list_of_links_still_cuts():
    links = ["Fishing fleet returns early", "Quota row: what we know", "Governor visits the coast"]
    raw = "\n\n".join([PROSE, PROSE_2, PROSE, "See also", *links])
    cleaned = clean(raw, RULES)
    assert not any(link in cleaned.text for link in links)


# --- debris as data: English and European languages ---------------------------------------

DEBRIS = [
    "Follow Jane Roe on Twitter…",
    "Jane Roe is our harbour correspondent. Follow her on Twitter @janeroe",
    "— Follow @janeroe on X",
    "Suivez-nous sur Facebook",
    "Folgen Sie uns auf Instagram",
    "Download the Coastal Times app",
    "Get the app",
    "Téléchargez l'application du journal",
    "This article is for subscribers only.",
    "Already a subscriber? Log in",
    "You have reached your limit of free articles.",
    "Il vous reste 64% de cet article à lire.",
    "Réservé aux abonnés",
    "Dieser Artikel ist nur für Abonnenten",
    "Contenido exclusivo para suscriptores",
    "Copyright 2021 Coastal Times. All rights reserved.",
    "This material may not be published, broadcast, rewritten or redistributed.",
    "Tous droits réservés",
    "Alle Rechte vorbehalten",
    "Riproduzione riservata",
    "À lire aussi : Le port prépare la saison",
    "Lea también: El puerto prepara la temporada",
    "Lesen Sie auch: Der Hafen bereitet sich vor",
    "Leggi anche",
]


@pytest.mark.parametrize("line", DEBRIS)
def test_debris_line_is_dropped(line):
    cleaned = clean(f"{PROSE}\n{line}\n{PROSE_2}", RULES)
    assert line not in cleaned.text and PROSE in cleaned.text and PROSE_2 in cleaned.text


PROSE_WITH_DEBRIS_WORDS = [
    "The campaign urged voters to follow the candidates on Twitter, where both posted long statements overnight.",
    "Officials said the new app would let citizens download their records and get updates on applications.",
    "Lea también el informe completo, dijo el ministro en una entrevista con periodistas extranjeros en la capital.",
    "The copyright dispute between the two publishers reached the supreme court on Tuesday after years of appeals.",
    "The report may not be published until the court rules on the request, the lawyers said.",
    "Subscribers only learned of the rise in March.",
]


@pytest.mark.parametrize("line", PROSE_WITH_DEBRIS_WORDS)
def test_prose_with_debris_words_is_kept(line):
    cleaned = clean(f"{PROSE}\n{line}\n{PROSE_2}", RULES)
    assert line in cleaned.text


# --- publication dates of pages ----------------------------------------------------------

DATES = load_date_rules()
NOW = dt.date(2026, 1, 1)
STORY = f"{PROSE}\n{PROSE_2}"


def published(doc: Document) -> tuple[str | None, str]:
    found = discover_publication_date(doc, clean(doc.text, RULES).text, DATES, NOW)
    return found.value, found.source


def test_url_date_wins_over_page_metadata_a_day_off():
    doc = Document("p", "html", STORY, url="https://news.example/2021/03/04/quota-talks",
                   published="2021-03-03", published_source="html")
    assert published(doc) == ("2021-03-04", "url")
    stamped = Document("p", "jsonl", STORY, url="https://news.example/2021/03/04/quota-talks",
                       published="2021-03-03T23:30:00Z", published_source="metadata")
    assert published(stamped) == ("2021-03-04", "url")


def test_metadata_wins_when_it_is_not_just_a_day_off():
    two_days = Document("p", "html", STORY, url="https://news.example/2021/03/05/quota-talks",
                        published="2021-03-03", published_source="html")
    assert published(two_days) == ("2021-03-03", "html")
    bare_date = Document("p", "jsonl", STORY, url="https://news.example/2021/03/04/quota-talks",
                         published="2021-03-03", published_source="metadata")
    assert published(bare_date) == ("2021-03-03", "metadata")  # a date the input gives, no clock


def tree(html: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(html)


def test_extensive_search_is_tried_when_the_page_metadata_has_no_date():
    html = page(f"<p>{PROSE}</p><p>{PROSE_2}</p>").replace("<body>", "<body><div class='box'><span>14 May 2019</span></div>")
    assert page_date(tree(html), html) == ("2019-05-14", "html-guess")


def test_a_copyright_year_is_not_a_date():
    html = page(f"<p>{PROSE}</p><p>{PROSE_2}</p>").replace("</body>", "<footer>© 2021 Coastal Times</footer></body>")
    assert page_date(tree(html)) == (None, None)


def test_a_guessed_page_date_ranks_after_the_url_and_the_text():
    guess = Document("p", "html", STORY, url="https://news.example/2021/03/04/quota-talks",
                     published="2019-05-14", published_source="html-guess")
    assert published(guess) == ("2021-03-04", "url")
    alone = Document("p", "html", STORY, published="2019-05-14", published_source="html-guess")
    assert published(alone) == ("2019-05-14", "html")


def test_a_labelled_date_in_an_html_comment_is_read():
    html = page(f"<p>{PROSE}</p><p>{PROSE_2}</p>", "<!-- published: 2019-05-14T08:00:00 -->")
    doc = extract_html(html, "p.html")
    assert (doc.published_source, published(doc)) == ("html", ("2019-05-14", "html"))


def test_an_unlabelled_date_in_an_html_comment_is_not():
    html = page(f"<p>{PROSE}</p><p>{PROSE_2}</p>", "<!-- cache built 2024-02-02 10:00 -->")
    assert extract_html(html, "p.html").published is None


def test_a_date_on_the_first_line_of_a_page_text_is_used():
    doc = Document("p", "html", f"14 May 2019\n{STORY}", extracted=True)
    assert published(doc) == ("2019-05-14", "text")


def test_a_date_line_above_the_headline_of_a_scraped_text_is_still_refused():
    doc = Document("p", "text", f"14 May 2019\n{STORY}")
    assert published(doc) == (None, "none")


@pytest.mark.parametrize("line", [
    "Published: 14.05.2019",
    "Publié le 14 mai 2019 à 10:05",
    "Veröffentlicht am 14. Mai 2019",
    "Publicado el 14 de mayo de 2019",
    "Pubblicato il 14 maggio 2019",
    "Dienstag, 14. Mai 2019",
    "14.05.2019, 10:15 Uhr",
    "Fecha: 14 de mayo de 2019",
])
def test_day_first_and_european_dates(line):
    doc = Document("p", "text", f"Quota talks go on\n{line}\n{STORY}")
    assert published(doc) == ("2019-05-14", "text")


def test_european_update_stamps_and_month_first_dots_are_not_publication_dates():
    assert published(Document("p", "text", f"Quota talks go on\nMis à jour le 14 mai 2019\n{STORY}"))[0] is None
    assert published(Document("p", "text", f"Quota talks go on\nPublished: 05.14.2019\n{STORY}"))[0] is None


# --- bounded work ----------------------------------------------------------------------

SLOW_PAGE = page("".join(f"<p>Item {i} of a very long list, <b>bold</b> and <i>slanted</i>.</p>" for i in range(20000)))


def test_a_page_over_its_time_limit_fails_with_E122():
    result = extract_html(SLOW_PAGE, "slow.html", seconds=0.3)
    assert result.code == "E122" and "0.3 s" in result.reason


def test_a_page_over_its_time_limit_fails_alone(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a-slow.html").write_text(SLOW_PAGE, encoding="utf-8")
    (tmp_path / "in" / "b-fine.html").write_text(page(f"<p>{PROSE}</p><p>{PROSE_2}</p>"), encoding="utf-8")
    settings = Settings(db=str(tmp_path / "s.duckdb"), html_seconds=2.0)
    report = ingest([str(tmp_path / "in")], settings)
    assert report.stored == 1
    with duckdb.connect(settings.db, read_only=True) as con:
        sources = [row[0] for row in con.execute("SELECT source FROM articles").fetchall()]
        problems = con.execute("SELECT source, code FROM problems").fetchall()
    assert [s.rsplit("/", 1)[-1] for s in sources] == ["b-fine.html"]
    assert [(s.rsplit("/", 1)[-1], code) for s, code in problems] == [("a-slow.html", "E122")]


def test_the_time_limit_puts_back_an_outer_alarm():
    fired = []
    previous = signal.signal(signal.SIGALRM, lambda *_: fired.append(True))
    try:
        signal.setitimer(signal.ITIMER_REAL, 30)
        with time_limit(5):
            pass
        remaining, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 25 < remaining <= 30 and not fired
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
