"""Cue-card pages in the built site: where they are, how they are found, and the build's check."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from handbook.qr import QrCodes
from htmlpages import article, parse, resolve_link
from projects import edit, make_project
from sites import LANGUAGES, build_site, language_root
from test_cards import LISTEN, LONG_STEP_HR, LONG_SUMMARY_HR, LONG_TITLE_HR

pytestmark = pytest.mark.build


def test_each_guideline_links_to_its_cue_card(fixture_site: Path):
    for language in LANGUAGES:
        page = language_root(fixture_site, language) / "guidelines/offer-solutions/index.html"
        links = [link["href"] for link in parse(page).links if "#card-" in link["href"]]
        assert links == [f"../../cards/{language}/#card-offer-solutions"], language
        target = resolve_link(page, fixture_site, links[0])
        assert target == language_root(fixture_site, language) / f"cards/{language}/index.html"
        assert "card-offer-solutions" in parse(target).ids


def test_card_pages_offer_every_customer_language(fixture_site: Path):
    for language in LANGUAGES:
        root = language_root(fixture_site, language)
        for page in [root / "cards/index.html", *(root / f"cards/{other}/index.html" for other in LANGUAGES)]:
            offered = {
                link["hreflang"]: resolve_link(page, fixture_site, link["href"])
                for link in parse(page).links
                if "md-select__link" not in link.get("class", "") and link.get("hreflang")
            }
            assert offered == {other: root / f"cards/{other}/index.html" for other in LANGUAGES}, page


def test_card_sheets_are_left_out_of_search(fixture_site: Path):
    for language in LANGUAGES:
        index = json.loads((language_root(fixture_site, language) / "search/search_index.json").read_text(encoding="utf-8"))
        pages = {doc["location"].split("#")[0] for doc in index["docs"]}
        assert "cards/" in pages  # the page that explains printing is found
        assert not [page for page in pages if page.startswith("cards/") and page != "cards/"]  # the sheets repeat guidelines


def test_cards_show_card_wording_where_the_content_gives_it(fixture_site: Path):
    cards = article(fixture_site / "el/cards/el/index.html")
    guideline = article(fixture_site / "el/guidelines/listen-actively/index.html")
    assert "Αφήστε τον πελάτη να τελειώσει.</p>" in cards
    assert "Αφήστε τον πελάτη να τελειώσει πριν απαντήσετε." in guideline
    assert "Αφήστε τον πελάτη να τελειώσει πριν απαντήσετε." not in cards


def test_qr_codes_point_at_the_guideline_in_the_sheets_language(addressed_site: tuple[Path, int]):
    site, port = addressed_site
    for language in ("en", "hr", "el"):
        page = (language_root(site, language) / "cards/es/index.html").read_text(encoding="utf-8")
        prefix = "" if language == "en" else f"{language}/"
        for guideline in ("listen-actively", "apologise-sincerely", "offer-solutions"):
            assert QrCodes().svg(f"http://127.0.0.1:{port}/{prefix}guidelines/{guideline}/") in page


def test_an_example_address_gets_cards_without_qr_codes_and_says_so(tmp_path: Path):
    """Built without SITE_URL, the site's address is mkdocs.yml's example: a QR code would lead
    nowhere, so the cards have none, and the build says why and what to do."""
    project = make_project(tmp_path / "project")
    result = build_site(project)
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("No QR codes on the cue cards") == 1, result.stderr
    assert "https://handbook.example.org/, an example" in result.stderr and "SITE_URL=" in result.stderr
    for language in LANGUAGES:
        page = (language_root(project / "site", language) / "cards/es/index.html").read_text(encoding="utf-8")
        assert page.count('class="hb-card"') + page.count('class="hb-card hb-card--bilingual"') == 3
        assert "hb-card__qr" not in page and "<svg" not in article(language_root(project / "site", language) / "cards/es/index.html")


def test_overlong_card_stops_the_build_and_keeps_the_last_site(tmp_path: Path):
    project = make_project(tmp_path / "project")
    assert build_site(project).returncode == 0
    before = (project / "site/hr/cards/hr/index.html").read_bytes()
    edit(project, LISTEN, "    title: Aktivno slušajte\n", f"    title: {LONG_TITLE_HR}\n")
    edit(project, LISTEN, "    summary: Pustite korisnika da završi prije nego što odgovorite.\n", f"    summary: {LONG_SUMMARY_HR}\n")
    edit(project, LISTEN, "      - Pustite ih da govore.\n", f"      - {LONG_STEP_HR}\n")
    result = build_site(project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (
        f"{LISTEN}:28:9: cue card 'listen-actively' in 'hr' does not fit: about 60 characters too long"
        " (shorten it, or give the card shorter wording under text.hr.card)\n1 problem found in the content."
    ) in result.stderr
    assert (project / "site/hr/cards/hr/index.html").read_bytes() == before
