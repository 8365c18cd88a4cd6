"""`mkdocs serve` (what `make serve` runs) keeps serving the last good build while content is
broken, prints the problem with file:line:col, and shows the fix as soon as it is saved."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from liveserve import mkdocs_serve, wait_for
from projects import edit, make_project, write

pytestmark = pytest.mark.build

LISTEN = "content/guidelines/listen-actively.yaml"


def served_bytes(url: str) -> bytes:
    """The file as served; a server stuck waiting for a rebuild fails the test instead of hanging it."""
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.status == 200
        return response.read()


def fetch(url: str) -> str:
    return served_bytes(url).decode("utf-8")


def served(url: str) -> str:
    """The page as built: without the live-reload call the server adds to every response."""
    return re.sub(r"livereload\(\d+, \d+\)", "livereload()", fetch(url))


def reachable(url: str) -> bool:
    try:
        fetch(url)
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False
    return True


@contextmanager
def serving(project: Path, log: Path) -> Iterator[str]:
    """`mkdocs serve` in the project, its log in `log`; yields the site's address."""
    with log.open("w", encoding="utf-8") as output, mkdocs_serve(project, output) as site:
        yield site


def test_serve_keeps_the_last_good_build_and_recovers(tmp_path: Path):
    project = make_project(tmp_path / "project")
    log = tmp_path / "serve.log"
    with serving(project, log) as site:
        url = f"{site}guidelines/listen-actively/"
        wait_for(lambda: reachable(url), "the first build to be served")
        assert '<h1 id="listen-actively">Listen actively' in fetch(url)

        # A content mistake: caught before MkDocs touches the output.
        edit(project, LISTEN, "    summary: Let the customer finish", "    sumary: Let the customer finish")
        problem = f"{LISTEN}:12:5: unknown key 'sumary' (did you mean 'summary'?)"
        wait_for(lambda: "still shows the last good build" in log.read_text(encoding="utf-8"), "the failed rebuild")
        assert problem in log.read_text(encoding="utf-8").splitlines()
        assert '<h1 id="listen-actively">Listen actively' in fetch(url)

        # A failure after MkDocs has emptied the output folder: a broken link under --strict.
        edit(project, LISTEN, "    sumary: Let the customer finish", "    summary: Let the customer finish")
        write(project, "docs/notes.md", "# Notes\n\nSee [the missing page](missing.md).\n")
        wait_for(lambda: log.read_text(encoding="utf-8").count("still shows the last good build") == 2, "the second failure")
        assert "missing.md" in log.read_text(encoding="utf-8")
        assert '<h1 id="listen-actively">Listen actively' in fetch(url)
        assert reachable(f"{site}hr/guidelines/listen-actively/")

        # The fix is served as soon as it is saved.
        (project / "docs/notes.md").unlink()
        edit(project, LISTEN, "    title: Listen actively", "    title: Listen with care")
        wait_for(lambda: '<h1 id="listen-actively">Listen with care' in fetch(url), "the fixed page")
        assert "Traceback" not in log.read_text(encoding="utf-8")


def test_serve_reports_a_schema_edit_and_keeps_the_last_good_build(tmp_path: Path):
    project = make_project(tmp_path / "project")
    log = tmp_path / "serve.log"
    with serving(project, log) as site:
        url = f"{site}guidelines/listen-actively/"
        wait_for(lambda: reachable(url), "the first build to be served")
        edit(project, "schema/common.schema.json", '"maxLength": 120', '"maxLength": 5')
        wait_for(lambda: "still shows the last good build" in log.read_text(encoding="utf-8"), "the failed rebuild")
        text = log.read_text(encoding="utf-8")
        assert re.search(r"content/guidelines/listen-actively\.yaml:\d+:\d+: .*too long", text), text
        assert '<h1 id="listen-actively">Listen actively' in fetch(url)
        assert "Traceback" not in text


def test_serve_previews_the_languages_asked_for(tmp_path: Path):
    project = make_project(tmp_path / "project")
    log = tmp_path / "serve.log"
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1", "HANDBOOK_LANGUAGES": "hr"}
    page = "guidelines/listen-actively/"
    with log.open("w", encoding="utf-8") as output, mkdocs_serve(project, output, environment) as site:
        wait_for(lambda: reachable(f"{site}hr/{page}"), "the first build to be served")
        assert "Previewing en, hr only" in log.read_text(encoding="utf-8")
        english, croatian = fetch(site + page), fetch(f"{site}hr/{page}")
        assert "Listen actively" in english and "Aktivno slušajte" in croatian
        assert not reachable(f"{site}es/{page}")
        # The switcher still offers every language; the ones previewed lead to the same page.
        switcher = re.findall(r'<a href="([^"]*)" hreflang="([a-z]+)" class="md-select__link">', croatian)
        assert [language for _, language in switcher] == ["en", "hr", "es", "el", "sv"]
        assert dict((language, href) for href, language in switcher)["en"].endswith(page)
        # Cards still know every language: the Croatian card sheets for Greek customers exist.
        assert reachable(f"{site}hr/cards/el/")
        assert "Ελληνικά" in fetch(f"{site}hr/cards/el/")

        edit(project, LISTEN, "    title: Aktivno slušajte", "    title: Pažljivo slušajte")
        wait_for(lambda: "Pažljivo slušajte" in fetch(f"{site}hr/{page}"), "the Croatian edit")
        assert "Pažljivo slušajte" in fetch(f"{site}hr/search/search_index.json")
        assert "Traceback" not in log.read_text(encoding="utf-8")


def test_serve_names_an_unknown_preview_language(tmp_path: Path):
    project = make_project(tmp_path / "project")
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HANDBOOK_LANGUAGES": "hr xx"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", "127.0.0.1:0"],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert "LANGUAGES: unknown language 'xx'" in result.stderr and "Traceback" not in result.stderr
