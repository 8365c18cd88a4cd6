"""Finding things, checked on the built fixture site: anchors, 404 pages, alternates, search indexes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from htmlpages import article, html_lang, parse
from sites import LANGUAGES, language_root, pages_of

pytestmark = pytest.mark.build


def test_no_heading_id_is_empty_or_numeric(fixture_site: Path):
    checked = 0
    for language in LANGUAGES:
        for name in pages_of(fixture_site, language):
            for tag, heading_id in parse(language_root(fixture_site, language) / name).headings:
                assert heading_id and not re.fullmatch(r"_?\d+", heading_id), (language, name, tag, heading_id)
                checked += 1
    assert checked > 150


def test_every_language_has_its_own_404_page(fixture_site: Path):
    for language in LANGUAGES:
        page = language_root(fixture_site, language) / "404.html"
        assert html_lang(page) == language
    assert "Η σελίδα δεν βρέθηκε" in (fixture_site / "el" / "404.html").read_text(encoding="utf-8")
    assert "Stranica nije pronađena" in (fixture_site / "hr" / "404.html").read_text(encoding="utf-8")
    assert "Page not found" in (fixture_site / "404.html").read_text(encoding="utf-8")


def test_404_language_switcher_offers_each_home_page(fixture_site: Path):
    links = {link["hreflang"]: link["href"] for link in parse(fixture_site / "el" / "404.html").links if link.get("hreflang")}
    assert links == {"en": "/", "hr": "/hr/", "es": "/es/", "el": "/el/", "sv": "/sv/"}


def test_alternates_are_absolute_with_x_default(fixture_site: Path):
    text = (fixture_site / "hr" / "guidelines" / "listen-actively" / "index.html").read_text(encoding="utf-8")
    alternates = dict((lang, href) for href, lang in re.findall(r'<link rel="alternate" href="([^"]+)" hreflang="([^"]+)">', text))
    base = "https://handbook.example.org/"
    assert alternates == {
        "en": f"{base}guidelines/listen-actively/",
        "x-default": f"{base}guidelines/listen-actively/",
        "hr": f"{base}hr/guidelines/listen-actively/",
        "es": f"{base}es/guidelines/listen-actively/",
        "el": f"{base}el/guidelines/listen-actively/",
        "sv": f"{base}sv/guidelines/listen-actively/",
    }


def test_sitemap_lists_every_language_with_alternates(fixture_site: Path):
    sitemap = (fixture_site / "sitemap.xml").read_text(encoding="utf-8")
    for language in ("hr", "es", "el", "sv"):
        assert f'hreflang="{language}" href="https://handbook.example.org/{language}/guidelines/listen-actively/"' in sitemap


def index_of(site: Path, language: str) -> dict:
    return json.loads((language_root(site, language) / "search" / "search_index.json").read_text(encoding="utf-8"))


def test_each_language_has_its_own_search_index(fixture_site: Path):
    for language in LANGUAGES:
        index = index_of(fixture_site, language)
        assert index["config"]["lang"] == ["handbook"]
        locations = [doc["location"] for doc in index["docs"]]
        assert "guidelines/listen-actively/" in locations
        assert not any(location.startswith(tuple(f"{lang}/" for lang in LANGUAGES)) for location in locations)
    hr_text = json.dumps(index_of(fixture_site, "hr"), ensure_ascii=False)
    en_text = json.dumps(index_of(fixture_site, "en"), ensure_ascii=False)
    assert "Aktivno slušajte" in hr_text and "Aktivno slušajte" not in en_text
    assert "Listen actively" in en_text and "Listen actively" not in hr_text


def test_search_index_leaves_out_other_languages_and_editor_pages(fixture_site: Path):
    docs = index_of(fixture_site, "hr")["docs"]
    phrasebook = " ".join(doc["text"] for doc in docs if doc["location"].startswith("phrases/#"))
    assert "Razumijem zašto se tako osjećate." in phrasebook
    assert "I can see why you feel that way." not in phrasebook
    assert not any(doc["location"].startswith("status/") for doc in docs)


def test_phrasebook_shows_all_languages_side_by_side(fixture_site: Path):
    table = article(fixture_site / "hr" / "phrases" / "index.html")
    row = re.search(r'<tr class="hb-say" id="phrasebook-sorry-wait">(.*?)</tr>', table).group(1)
    cells = dict(re.findall(r'<td lang="[^"]+" data-lang="([a-z]+)"[^>]*>(.*?)</td>', row))
    assert cells["hr"] == "Žao mi je što ste morali toliko dugo čekati."
    assert cells["el"] == "Λυπάμαι πολύ που χρειάστηκε να περιμένετε τόσο πολύ."
    assert cells["sv"] == "Förlåt att du fick vänta så länge."
    assert cells["en"] == "I’m sorry you had to wait so long."


def test_guideline_phrases_link_to_their_list_and_back(fixture_site: Path):
    guideline = article(fixture_site / "hr" / "guidelines" / "apologise-sincerely" / "index.html")
    assert 'href="../../phrases/acknowledging/#phrase-sorry-wait"' in guideline
    phrase_list = article(fixture_site / "hr" / "phrases" / "acknowledging" / "index.html")
    entry = re.search(r'<div class="hb-phrase hb-say" id="phrase-sorry-wait">(.*?)</div>', phrase_list, re.S).group(1)
    assert 'href="../../guidelines/apologise-sincerely/"' in entry


def test_related_guidelines_link_both_ways(fixture_site: Path):
    offer = article(fixture_site / "guidelines" / "offer-solutions" / "index.html")
    listen = article(fixture_site / "guidelines" / "listen-actively" / "index.html")
    related = offer.split('id="related"')[1]
    assert 'href="../listen-actively/"' in related
    referenced_by = listen.split('id="referenced-by"')[1]
    assert 'href="../offer-solutions/"' in referenced_by


def test_each_page_carries_only_its_own_part_of_the_navigation(fixture_site: Path):
    """Sections other than the page's own are listed without their pages: a page's size (and its
    build time) must not grow with every guideline of the handbook."""
    page = (fixture_site / "guidelines" / "listen-actively" / "index.html").read_text(encoding="utf-8")
    navigation = page[page.index('<nav class="md-nav md-nav--primary"') : page.index('<div class="md-content"')]
    assert 'href="../apologise-sincerely/"' in navigation  # the same section: listed
    assert 'href="../../sections/solve/"' in navigation  # another section: its own page only
    assert "offer-solutions" not in navigation
