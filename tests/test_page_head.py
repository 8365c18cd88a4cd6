"""What every built page carries besides its text: a description, words in its own language, and
only the style sheets and scripts it uses."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from htmlpages import article, parse
from sites import LANGUAGES, language_root, pages_of

pytestmark = pytest.mark.build

_DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)">')
PAGE_ASSETS = {
    "assets/cards.css": "cards/",
    "assets/javascripts/cards.js": "cards/",
    "assets/phrasebook.css": "phrases/index.html",
    "assets/javascripts/phrasebook.js": "phrases/index.html",
}


def description(page: Path) -> str:
    found = _DESCRIPTION.findall(page.read_text(encoding="utf-8"))
    assert len(found) == 1, page
    return html.unescape(found[0])


def test_every_page_has_a_description_in_its_language(fixture_site: Path):
    for language in LANGUAGES:
        root = language_root(fixture_site, language)
        for name in pages_of(fixture_site, language) | {"404.html"}:
            assert len(description(root / name)) > 10, (language, name)
    assert (
        description(fixture_site / "hr/guidelines/listen-actively/index.html") == "Pustite korisnika da završi prije nego što odgovorite."
    )
    assert description(fixture_site / "guidelines/listen-actively/index.html") == "Let the customer finish before you answer."
    assert description(fixture_site / "el/phrases/acknowledging/index.html") == description(
        fixture_site / "phrases/acknowledging/index.html"
    )


def test_a_description_is_escaped_once(tmp_path: Path):
    """The theme prints a description into the page as it is: what the content says must come out
    as text, neither as markup nor escaped twice (test_hostile.py tries every field)."""
    from projects import edit, make_project
    from sites import build_site

    project = make_project(tmp_path / "project")
    summary = 'Say "sorry" & mean it <3'
    edit(
        project,
        "content/guidelines/listen-actively.yaml",
        "    summary: Let the customer finish before you answer.\n",
        f"    summary: '{summary}'\n",
    )
    assert build_site(project).returncode == 0
    page = project / "site/guidelines/listen-actively/index.html"
    assert '<meta name="description" content="Say &quot;sorry&quot; &amp; mean it &lt;3">' in page.read_text(encoding="utf-8")


def test_heading_links_are_named_in_the_pages_language(fixture_site: Path):
    titles = {
        "en": "Link to this section",
        "hr": "Poveznica na ovaj odjeljak",
        "el": "Σύνδεσμος σε αυτή την ενότητα",
        "es": "Link to this section",  # the fixture's Spanish is incomplete: the default language stands in
    }
    for language, title in titles.items():
        page = article(language_root(fixture_site, language) / "guidelines/listen-actively/index.html")
        links = re.findall(r'<a class="headerlink" href="#[^"]+" title="([^"]+)">', page)
        assert links and set(links) == {title}, (language, links)
    for language in LANGUAGES:
        for name in pages_of(fixture_site, language):
            assert "Permanent link" not in (language_root(fixture_site, language) / name).read_text(encoding="utf-8"), (language, name)


def test_no_page_carries_the_themes_english_footer_credit(fixture_site: Path):
    for language in LANGUAGES:
        root = language_root(fixture_site, language)
        for name in pages_of(fixture_site, language) | {"404.html"}:
            footer = re.search(r'<div class="md-copyright">(.*?)</div>', (root / name).read_text(encoding="utf-8"), re.DOTALL)
            assert footer and "Made with" not in footer.group(1), (language, name)


def test_page_style_sheets_and_scripts_are_loaded_only_where_used(fixture_site: Path):
    for language in LANGUAGES:
        root = language_root(fixture_site, language)
        for name in pages_of(fixture_site, language):
            page = root / name
            loaded = {
                re.sub(r"^(\.\./)*", "", link)
                for link in re.findall(r'<(?:link rel="stylesheet" href|script(?: defer)? src)="([^"]+)"', page.read_text(encoding="utf-8"))
            }
            for asset, where in PAGE_ASSETS.items():
                used = name.startswith(where) and name != "cards/index.html" if where == "cards/" else name == where
                assert (asset in loaded) == used, (language, name, asset)
    assert (fixture_site / "assets/cards.css").exists() and (fixture_site / "assets/phrasebook.css").exists()


def test_the_phrasebook_starts_with_the_readers_language(fixture_site: Path):
    for language in LANGUAGES:
        table = article(language_root(fixture_site, language) / "phrases/index.html")
        headings = re.findall(r'<th scope="col" lang="([a-z]+)"', table)
        assert headings[: len(LANGUAGES)] == [language] + [other for other in LANGUAGES if other != language], language
        form = re.search(r"(.{4})\n<form[^>]*data-hb-languages[^>]*>", table)
        assert form and form.group(1) == "</p>", language  # a block of its own, after the introduction
        assert "hidden" not in form.group(0)  # in place from the start
    assert [
        link["href"] for link in parse(fixture_site / "hr/phrases/index.html").links if link.get("href", "").startswith("acknowledging")
    ]


def test_the_search_dialog_is_named_in_the_pages_language(fixture_site: Path):
    names = {"en": "Search", "hr": "Pretraživanje", "el": "Αναζήτηση"}
    for language, name in names.items():
        page = (language_root(fixture_site, language) / "guidelines/listen-actively/index.html").read_text(encoding="utf-8")
        assert f'<div class="md-search" data-md-component="search" role="dialog" aria-label="{name}">' in page, language
