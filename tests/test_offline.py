"""The offline copy (`make offline`): the handbook opened straight from disk, with no web server
and no network, in every language: every link opens a page, search finds pages of the reader's
language whatever accents are typed, the language switcher keeps the page, no request fails.
The web build (`make build`) stays as it was."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import expect

from browser import type_search
from htmlpages import parse
from sites import LANGUAGES

# (language, the same word typed with and without its accents, the page it is on)
QUERIES = [
    ("en", ["sincerely", "SINCERELY"], "guidelines/apologise-sincerely.html"),
    ("hr", ["žao", "zao"], "guidelines/apologise-sincerely.html"),
    ("es", ["discúlpese", "disculpese"], "guidelines/apologise-sincerely.html"),
    ("el", ["συγγνώμη", "συγγνωμη"], "guidelines/apologise-sincerely.html"),
    ("sv", ["ursäkt", "ursakt"], "guidelines/apologise-sincerely.html"),
]
_RESOURCE = re.compile(r'<(?:script|img|iframe)\b[^>]*\bsrc="([^"]+)"|<link\b[^>]*\bhref="([^"]+)"')


def prefix(language: str) -> str:
    return "" if language == "en" else f"{language}/"


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


# -- the files -----------------------------------------------------------------------------------


@pytest.mark.build
def test_make_offline_writes_the_copy_and_a_zip_of_it(offline_site: Path):
    project = offline_site.parent
    assert not (project / "site").exists(), "make offline must leave the web build alone"
    for language in LANGUAGES:
        root = offline_site / prefix(language)
        assert (root / "index.html").is_file()
        assert (root / "guidelines" / "listen-actively.html").is_file()
        assert (root / "booklet.html").is_file()
        assert (root / "search" / "search_index.js").read_text(encoding="utf-8").startswith("var __index = {")
    with zipfile.ZipFile(project / "site-offline.zip") as archive:
        names = set(archive.namelist())
    assert names == {f"handbook/{path.relative_to(offline_site).as_posix()}" for path in offline_site.rglob("*") if path.is_file()}


@pytest.mark.build
def test_every_link_of_the_offline_copy_opens_a_file(offline_site: Path):
    """From disk, a link to a folder opens a folder listing: every link must name a file."""
    checked = 0
    for page in pages(offline_site):
        text = page.read_text(encoding="utf-8")
        hrefs = [link["href"] for link in parse(page).links]
        resources = [src or href for src, href in _RESOURCE.findall(text)]
        for href in hrefs + resources:
            if re.match(r"^[a-z][a-z0-9+.-]*:", href) or href.startswith("#"):
                continue
            target = (page.parent / unquote(urlsplit(href).path)).resolve()
            assert target.is_file(), f"{page.relative_to(offline_site)}: {href}"
            checked += 1
    assert checked > 3000


@pytest.mark.build
def test_the_offline_copy_loads_nothing_from_the_web(offline_site: Path):
    for page in pages(offline_site):
        text = page.read_text(encoding="utf-8")
        head = text[: text.index("</head>")]
        loaded = [src or href for src, href in _RESOURCE.findall(text)]
        assert not [url for url in loaded if re.match(r"^(https?:)?//", url)], page
        # Material fetches a sitemap for each language alternate, which a browser refuses from disk
        assert 'rel="alternate"' not in head, page


@pytest.mark.build
def test_the_web_build_stays_as_it_was(fixture_site: Path):
    assert (fixture_site / "hr" / "guidelines" / "listen-actively" / "index.html").is_file()
    assert not list(fixture_site.rglob("search_index.js"))
    assert not (fixture_site / "assets" / "javascripts" / "iframe-worker").exists()
    head = (fixture_site / "hr" / "index.html").read_text(encoding="utf-8").split("</head>")[0]
    assert 'rel="alternate" href="https://handbook.example.org/hr/" hreflang="hr"' in head
    assert "iframe-worker" not in head


# -- in the browser, from file:// -----------------------------------------------------------------


@pytest.fixture
def watched(page):
    """The page, and every failed request, console error and script error while it is used."""
    problems: list[str] = []
    page.on("requestfailed", lambda request: problems.append(f"request failed: {request.url} {request.failure}"))
    page.on("console", lambda message: problems.append(f"console: {message.text}") if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    return page, problems


def search(page, url: str, query: str):
    # Every page loads its language's search index as it opens: let it finish before acting, as
    # leaving a page sooner cancels what it is still loading (a cancelled request, not a failure)
    page.goto(url, wait_until="networkidle")
    type_search(page, query)
    results = page.locator(".md-search-result__item > a")
    expect(results.first).to_be_visible(timeout=10_000)
    return results


@pytest.mark.browser
@pytest.mark.parametrize(("language", "queries", "expected"), QUERIES, ids=[q[0] for q in QUERIES])
def test_search_from_disk_finds_pages_of_the_readers_language(watched, offline_site: Path, language: str, queries, expected: str):
    page, problems = watched
    root = offline_site.as_uri() + "/"
    own = root + prefix(language)
    others = tuple(root + f"{lang}/" for lang in LANGUAGES if lang not in ("en", language))
    for query in queries:
        results = search(page, own + "index.html", query)
        links = [href.split("?")[0] for href in results.evaluate_all("links => links.map(a => a.href)")]
        assert own + expected in links, (query, links)
        assert all(link.startswith(own) and not link.startswith(others) for link in links), (query, links)
    first = links[0]
    results.first.click()
    page.wait_for_url(first + "*")
    assert page.locator("html").get_attribute("lang") == language
    expect(page.locator("article h1")).to_be_visible()
    assert problems == []


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_language_switcher_from_disk_keeps_the_page(watched, offline_site: Path, language: str):
    page, problems = watched
    root = offline_site.as_uri() + "/"
    other = LANGUAGES[(LANGUAGES.index(language) + 1) % len(LANGUAGES)]
    for path in ("guidelines/offer-solutions.html", "index.html"):
        page.goto(root + prefix(language) + path, wait_until="networkidle")
        page.locator(f".md-select__link[hreflang='{other}']").first.dispatch_event("click")
        page.wait_for_url(root + prefix(other) + path)
        assert page.locator("html").get_attribute("lang") == other
        expect(page.locator("article h1")).to_be_visible()
    assert problems == []
