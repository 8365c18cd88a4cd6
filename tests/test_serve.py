"""`mkdocs serve` (what `make serve` runs) keeps serving the last good build while content is
broken, prints the problem with file:line:col, and shows the fix as soon as it is saved."""

from __future__ import annotations

import os
import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from handbook.background import second_core_available
from liveserve import mkdocs_serve, wait_for
from projects import edit, make_project, write
from sites import BUILD_DATE_EPOCH, build_site

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


def test_serve_builds_again_only_the_languages_an_edit_changes(tmp_path: Path):
    project = make_project(tmp_path / "project")
    log = tmp_path / "serve.log"
    page = "guidelines/listen-actively/"
    with serving(project, log) as site:
        wait_for(lambda: reachable(site + page), "the first build to be served")
        others = ("es", "el", "sv")
        before = {language: served(f"{site}{language}/{page}") for language in others}
        english = {path: served(site + path) for path in ("", page, "search/search_index.json", "sitemap.xml", "404.html")}

        # A Croatian edit: only Croatian is built again. English, whose build static-i18n always
        # runs, builds a stand-in home page alone and everything of it is taken over.
        edit(project, LISTEN, "    title: Aktivno slušajte", "    title: Pažljivo slušajte")
        wait_for(lambda: "Pažljivo slušajte" in fetch(f"{site}hr/{page}"), "the Croatian edit")
        assert "Unchanged, not built again: en, es, el, sv" in log.read_text(encoding="utf-8")
        for language, text in before.items():  # the languages taken over are served as they were
            assert served(f"{site}{language}/{page}") == text, language
        for path, text in english.items():
            assert served(site + path) == text, path
        assert "Listen actively" in english[""] and '"location":"guidelines/listen-actively/"' in english["search/search_index.json"]
        assert "Pažljivo slušajte" in fetch(f"{site}hr/search/search_index.json")

        # A change every language shows: a new position in the section. Nothing is skipped.
        edit(project, LISTEN, "order: 10\n", "order: 99\n")
        wait_for(lambda: log.read_text(encoding="utf-8").count("Building documentation...") == 3, "the second rebuild")
        wait_for(lambda: served(f"{site}sv/{page}") != before["sv"], "the Swedish page in its new place")
        assert log.read_text(encoding="utf-8").count("Unchanged, not built again") == 1
        assert "Traceback" not in log.read_text(encoding="utf-8")


def test_serve_notices_a_saved_content_file_within_a_tenth_of_a_second(tmp_path: Path):
    from types import SimpleNamespace

    from mkdocs.livereload import LiveReloadServer

    import handbook_serve

    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path / "site"))
    server.watch(str(tmp_path))  # docs/ and mkdocs.yml are watched before the event, as MkDocs does
    returned = handbook_serve.on_serve(server, config=SimpleNamespace(site_dir=str(tmp_path / "site")), builder=server.builder)
    (tmp_path / "content").mkdir()
    returned.watch(str(tmp_path / "content"))  # mkdocs.yml's `watch:` folders come after it
    timeouts = {emitter.watch.path: emitter.timeout for emitter in returned.observer.emitters}
    assert timeouts[str(tmp_path / "content")] == handbook_serve.SAVE_POLLING_SECONDS == 0.1
    assert timeouts[str(tmp_path)] == 0.5
    server.server_close()


# What the server adds to every HTML page it serves.
_LIVE_RELOAD_SCRIPT = re.compile(rb"<script>\s*var livereload = function.*?</script>", re.DOTALL)


def test_serve_rebuilds_the_site_a_fresh_build_makes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """After edits every language shows, taken over or not, converted again or not, built here or
    in a second process: every page, index and asset served is the file a fresh `mkdocs build` of
    the content makes."""
    project = make_project(tmp_path / "project")
    log = tmp_path / "serve.log"
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1", "SOURCE_DATE_EPOCH": BUILD_DATE_EPOCH}
    page = "guidelines/listen-actively/"
    with log.open("w", encoding="utf-8") as output, mkdocs_serve(project, output, environment) as site:
        wait_for(lambda: reachable(site + page), "the first build to be served")
        edit(project, LISTEN, "order: 10\n", "order: 99\n")
        edit(project, LISTEN, "    title: Listen actively", "    title: Listen with care")
        wait_for(lambda: "Listen with care" in fetch(site + page), "the edit every language shows")
        edit(project, LISTEN, "order: 99\n", "order: 98\n")
        edit(project, LISTEN, "    title: Listen with care", "    title: Listen with patience")
        wait_for(lambda: "Listen with patience" in fetch(site + page), "the second edit")
        text = log.read_text(encoding="utf-8")
        assert "Traceback" not in text and "ERROR" not in text and "WARNING" not in text
        assert "Pages whose Markdown is unchanged, not converted again:" in text
        assert "Pages whose search entries are unchanged, not indexed again:" in text
        if second_core_available():
            assert "Built in a second process: el, sv" in text

        # serve gives the site its own address; a build given the same address writes the same
        monkeypatch.setenv("SITE_URL", site)
        fresh = tmp_path / "fresh"
        built = build_site(project, fresh)
        assert built.returncode == 0, built.stderr
        files = sorted(path.relative_to(fresh).as_posix() for path in fresh.rglob("*") if path.is_file())
        assert all(f"{language}/{page}index.html" in files for language in ("hr", "es", "el", "sv")) and len(files) > 100
        differing = []
        for name in files:
            url = site + name.removesuffix("index.html")
            body = served_bytes(url)
            if name.endswith(".html"):
                body = _LIVE_RELOAD_SCRIPT.sub(b"", body)
            if body != (fresh / name).read_bytes():
                differing.append(name)
        # Known difference: each language's build rewrites the site-wide sitemap with the languages
        # built so far, so after a rebuild that took languages over it lists the built ones only.
        assert [name for name in differing if name not in {"sitemap.xml", "sitemap.xml.gz"}] == []
