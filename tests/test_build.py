"""Real `mkdocs build --strict` of the fixture handbook: pages, languages, switcher, failures."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from htmlpages import article, html_lang, language_links, parse, resolve_link
from projects import edit, make_project, write
from sites import LANGUAGES, build_site, language_root, pages_of

pytestmark = pytest.mark.build

EXPECTED_PAGES = {
    "index.html",
    "sections/listen/index.html",
    "sections/solve/index.html",
    "guidelines/listen-actively/index.html",
    "guidelines/apologise-sincerely/index.html",
    "guidelines/offer-solutions/index.html",
    "phrases/index.html",
    "phrases/acknowledging/index.html",
    "phrases/solving/index.html",
    "cards/index.html",
    *(f"cards/{language}/index.html" for language in LANGUAGES),
    "tags/index.html",
    "tags/anger/index.html",
    "tags/wording/index.html",
    "status/index.html",
    "booklet/index.html",
}


def test_every_language_has_the_same_pages(fixture_site: Path):
    for language in LANGUAGES:
        assert pages_of(fixture_site, language) == EXPECTED_PAGES, language


def test_every_page_declares_its_language(fixture_site: Path):
    for language in LANGUAGES:
        for page in EXPECTED_PAGES:
            assert html_lang(language_root(fixture_site, language) / page) == language, (language, page)


def test_language_switcher_keeps_the_guideline(fixture_site: Path):
    for language in LANGUAGES:
        page = language_root(fixture_site, language) / "guidelines/offer-solutions/index.html"
        links = language_links(page, fixture_site)
        expected = {lang: ("/" if lang == "en" else f"/{lang}/") + "guidelines/offer-solutions/" for lang in LANGUAGES}
        assert links == expected, language


def test_pages_show_their_own_language(fixture_site: Path):
    assert '<h1 id="listen-actively">Aktivno slušajte' in article(fixture_site / "hr/guidelines/listen-actively/index.html")
    assert '<h1 id="listen-actively">Ακούστε ενεργά' in article(fixture_site / "el/guidelines/listen-actively/index.html")
    assert '<h1 id="listen-actively">Listen actively' in article(fixture_site / "guidelines/listen-actively/index.html")


def test_missing_translation_is_visible(fixture_site: Path):
    untranslated = article(fixture_site / "es/guidelines/listen-actively/index.html")
    assert 'class="hb-untranslated"' in untranslated
    assert "Listen actively" in untranslated
    assert 'class="hb-untranslated"' not in article(fixture_site / "hr/guidelines/listen-actively/index.html")


def test_all_internal_links_resolve(fixture_site: Path):
    checked = 0
    for language in LANGUAGES:
        for page_name in EXPECTED_PAGES:
            page = language_root(fixture_site, language) / page_name
            for link in parse(page).links:
                target = resolve_link(page, fixture_site, link["href"])
                if target is not None:
                    assert target.exists(), (page, link["href"])
                    checked += 1
    assert checked > 500


def test_content_error_fails_cleanly_and_keeps_the_last_site(tmp_path: Path):
    project = make_project(tmp_path / "project")
    first = build_site(project)
    assert first.returncode == 0, first.stderr
    home = project / "site" / "hr" / "index.html"
    before = home.read_bytes()

    edit(project, "content/guidelines/offer-solutions.yaml", "related: [listen-actively]", "related: [listen-activly]")
    edit(project, "content/tags.yaml", "    anger: Anger\n", "    anger: [Anger\n")
    second = build_site(project)

    assert second.returncode == 1
    assert "Traceback" not in second.stderr
    assert (
        "content/guidelines/offer-solutions.yaml:6:11: unknown guideline 'listen-activly' (did you mean 'listen-actively'?)"
        in second.stderr
    )
    assert (
        "content/tags.yaml:8:12: invalid YAML: while parsing a flow sequence started on line 7, expected ',' or ']', but got ':'"
        " (close the '[' list, and put items containing ':' or ',' in quotes)"
    ) in second.stderr
    assert home.read_bytes() == before


def test_make_build_swaps_in_the_site_only_on_success(tmp_path: Path):
    project = make_project(tmp_path / "project")
    make = ["make", "--no-print-directory", "build", f"VENV={sys.prefix}", f"PYTHON={sys.executable}"]
    first = subprocess.run(make, cwd=project, capture_output=True, text=True, timeout=600, check=False)
    assert first.returncode == 0, first.stdout + first.stderr
    before = (project / "site" / "index.html").read_bytes()

    # A failure late in the build (after MkDocs has cleaned its output folder): a broken link
    # in a hand-written page is a warning, which --strict turns into an abort.
    write(project, "docs/notes.md", "# Notes\n\nSee [the missing page](missing.md).\n")
    second = subprocess.run(make, cwd=project, capture_output=True, text=True, timeout=600, check=False)
    assert second.returncode != 0
    assert "missing.md" in second.stderr
    assert (project / "site" / "index.html").read_bytes() == before
    assert not (project / "site" / "notes").exists()
