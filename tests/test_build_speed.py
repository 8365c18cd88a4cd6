"""What makes a build fast without changing what it makes: pages rendered in a second process,
cue-card sheets put in after the Markdown conversion, card fits and parsed files kept between
builds, and language alternates joined without urljoin."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

import pytest

import handbook_alternates
from handbook import cardfits, cards, loader, parsecache, render
from handbook.background import BackgroundRendering
from handbook.errors import ContentError
from handbook.passes import PassCache
from handbook.project import read_project
from handbook.render import HtmlBlock, RenderedPage, Renderer, rendered_pages
from projects import edit, make_project
from sites import BUILD_DATE_EPOCH, differing_files, snapshot
from test_cards import LONG_STEP_HR, LONG_SUMMARY_HR

pytestmark = pytest.mark.build


def _pages(rendered: dict[str, RenderedPage]) -> dict[str, tuple]:
    return {path: (page.source, page.title, page.untranslated, page.blocks) for path, page in rendered.items()}


@pytest.fixture
def fixture_handbook(tmp_path: Path):
    project = read_project(make_project(tmp_path / "project"))
    return project, loader.load_handbook(project)


# -- pages rendered in a second process ------------------------------------------------------


def test_pages_rendered_in_the_background_are_the_pages_rendered_here(fixture_handbook):
    project, handbook = fixture_handbook
    site_url = "https://handbook.example.org/"
    rendering = BackgroundRendering(handbook.languages, lambda lang: Renderer(handbook, lang, project.names, site_url).render_all())
    try:
        for language in handbook.languages:
            taken = rendering.take(language)
            assert taken is not None, language
            assert _pages(taken) == _pages(Renderer(handbook, language, project.names, site_url).render_all())
            assert rendering.seconds[language] > 0
        assert rendering.take("xx") is None  # never asked for
    finally:
        rendering.stop()
    assert not rendering.folder.exists()


def test_a_background_render_that_fails_leaves_the_rendering_to_the_build(fixture_handbook):
    project, handbook = fixture_handbook

    def fail(language: str) -> dict:
        raise RuntimeError("the second process breaks")

    rendering = BackgroundRendering(handbook.languages, fail)
    assert rendering.take(handbook.default_language) is None
    rendering.stop()

    # rendered_pages falls back to rendering in its own process: the same pages
    handbook.derived[render._background_key(project.names, "")] = BackgroundRendering(handbook.languages, fail)
    fallen_back = rendered_pages(handbook, "hr", project.names)
    assert _pages(fallen_back) == _pages(Renderer(handbook, "hr", project.names).render_all())


def _build(project: Path, site: Path, *, one_core: bool, times: Path) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "SOURCE_DATE_EPOCH": BUILD_DATE_EPOCH,
        "NO_MKDOCS_2_WARNING": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
        "HANDBOOK_HOOK_TIMES": str(times),
    }
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]
    one = (lambda: os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})) if one_core else None
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=600, check=False, preexec_fn=one)


@pytest.mark.skipif(not hasattr(os, "sched_setaffinity") or len(os.sched_getaffinity(0)) < 2, reason="needs two cores")
def test_the_build_renders_in_a_second_process_and_the_site_is_the_same(tmp_path: Path):
    project = make_project(tmp_path / "project")
    two = _build(project, tmp_path / "two-cores", one_core=False, times=tmp_path / "two.json")
    one = _build(project, tmp_path / "one-core", one_core=True, times=tmp_path / "one.json")
    assert two.returncode == 0, two.stderr
    assert one.returncode == 0, one.stderr
    assert json.loads((tmp_path / "two.json").read_text(encoding="utf-8"))["background"]  # really rendered there
    assert not json.loads((tmp_path / "one.json").read_text(encoding="utf-8"))["background"]
    assert differing_files(snapshot(tmp_path / "two-cores"), snapshot(tmp_path / "one-core")) == []
    # the card sheets' finished HTML is in the pages, and the guideline pages' links to each card
    # resolved (a strict build fails on a link to a missing anchor)
    sheet = (tmp_path / "two-cores" / "hr" / "cards" / "es" / "index.html").read_text(encoding="utf-8")
    assert sheet.count('<article class="hb-card') == 3
    assert 'id="card-listen-actively"' in sheet
    assert "data-hb-block" not in sheet


# -- finished HTML put in after the Markdown conversion --------------------------------------


def test_a_page_with_a_block_has_it_in_its_markdown_and_in_its_html():
    plan = render.pages.PagePlan("cards/es", "card-sheet", "es")
    placeholder = render.block_placeholder("cards")
    page = RenderedPage(
        plan, f"# Cards\n\n{placeholder}\n", "Cards", blocks={placeholder: HtmlBlock("<div id='a'>A</div>", frozenset({"a"}))}
    )
    assert page.markdown == "# Cards\n\n<div id='a'>A</div>\n"
    assert page.with_blocks(f"<h1>Cards</h1>\n{placeholder}") == "<h1>Cards</h1>\n<div id='a'>A</div>"
    assert page.block_anchors == {"a"}
    with pytest.raises(ValueError, match="changed the placeholder"):
        page.with_blocks("<h1>Cards</h1>\n<p>placeholder gone</p>")


# -- cue cards that fitted before --------------------------------------------------------------


@pytest.fixture
def cards_made(monkeypatch: pytest.MonkeyPatch) -> list[tuple]:
    """A fresh process's card-fit cache, and the cards the check makes."""
    monkeypatch.setattr(cardfits, "passes", PassCache())
    made: list[tuple] = []
    card = cards.CardMaker.card

    def counting(self: cards.CardMaker, guideline_id: str, staff: str, customer: str) -> cards.Card:
        made.append((guideline_id, staff, customer))
        return card(self, guideline_id, staff, customer)

    monkeypatch.setattr(cards.CardMaker, "card", counting)
    return made


def _next_process(monkeypatch: pytest.MonkeyPatch, cache: Path, made: list) -> int:
    monkeypatch.setattr(cardfits, "passes", PassCache())
    monkeypatch.setattr(loader, "_checked", {})
    made.clear()
    return cardfits.load_cache(cache)


def test_cue_cards_that_fitted_before_are_not_fitted_again(tmp_path: Path, cards_made: list, monkeypatch: pytest.MonkeyPatch):
    project = make_project(tmp_path / "project")
    cache = tmp_path / "card-fits.json"
    handbook = loader.load_handbook(read_project(project))
    languages = len(handbook.languages)
    assert len(cards_made) == 3 * languages * languages  # three guidelines, every staff and customer language
    assert cardfits.save_cache(cache)
    assert not cardfits.save_cache(cache)

    assert _next_process(monkeypatch, cache, cards_made) == 3
    loader.load_handbook(read_project(project))
    assert cards_made == []

    # an edited guideline's cards are fitted again, the others' are not
    _next_process(monkeypatch, cache, cards_made)
    edit(project, "content/guidelines/listen-actively.yaml", "title: Listen actively", "title: Listen, really listen")
    loader.load_handbook(read_project(project))
    assert {made[0] for made in cards_made} == {"listen-actively"}
    assert cardfits.save_cache(cache)
    assert len(json.loads(cache.read_text(encoding="utf-8"))["passed"]) == 3

    # a change every card shows (the section titles) fits them all again
    _next_process(monkeypatch, cache, cards_made)
    sections = (project / "content/sections.yaml").read_text(encoding="utf-8")
    (project / "content/sections.yaml").write_text(sections + "\n# a comment changes the bytes\n", encoding="utf-8")
    loader.load_handbook(read_project(project))
    assert len({made[0] for made in cards_made}) == 3


def test_a_card_that_does_not_fit_is_reported_on_every_build(tmp_path: Path, cards_made: list, monkeypatch: pytest.MonkeyPatch):
    project = make_project(tmp_path / "project")
    cache = tmp_path / "card-fits.json"
    loader.load_handbook(read_project(project))
    cardfits.save_cache(cache)
    listen = "content/guidelines/listen-actively.yaml"
    edit(project, listen, "    summary: Pustite korisnika da završi prije nego što odgovorite.\n", f"    summary: {LONG_SUMMARY_HR}\n")
    edit(project, listen, "      - Pustite ih da govore.\n", f"      - {LONG_STEP_HR}\n")
    for _ in range(2):
        _next_process(monkeypatch, cache, cards_made)
        with pytest.raises(ContentError) as raised:
            loader.load_handbook(read_project(project))
        assert "cue card 'listen-actively' in 'hr' does not fit" in raised.value.problems.report()
        cardfits.save_cache(cache)


# -- files parsed before -----------------------------------------------------------------------


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A fresh process's parse cache, and the names of the files parsed."""
    monkeypatch.setattr(parsecache, "_folder", None)
    monkeypatch.setattr(parsecache, "_used", set())
    monkeypatch.setattr(parsecache, "_new", {})
    monkeypatch.setattr(loader, "_checked", {})
    parsed: list[str] = []
    load = loader.load_yaml_file

    def counting(path: Path, name: str, problems, raw: bytes | None = None):
        parsed.append(name)
        return load(path, name, problems, raw)

    monkeypatch.setattr(loader, "load_yaml_file", counting)
    return parsed


def _as_parsed(handbook) -> dict[str, tuple]:
    files = [guideline.origin.file for guideline in handbook.guidelines.values()]
    files += [origin.file for origin in handbook.origins.values()]
    return {
        file.name: (
            file.data,
            file.value_marks,
            file.key_marks,
            file.scalars,
            file.text,
            [file.text_position(at, 3) for at in file.scalars],
        )
        for file in files
    }


def test_files_parsed_before_are_read_back_as_they_were_parsed(tmp_path: Path, parses: list, monkeypatch: pytest.MonkeyPatch):
    project = make_project(tmp_path / "project")
    folder = tmp_path / "parsed-files"
    count = len(list((project / "content").rglob("*.yaml")))
    assert parsecache.load_cache(folder) == 0
    first = _as_parsed(loader.load_handbook(read_project(project)))
    assert len(parses) == count
    assert parsecache.save_cache(folder)
    assert len(list(folder.iterdir())) == count

    def next_process() -> None:
        monkeypatch.setattr(parsecache, "_used", set())
        monkeypatch.setattr(loader, "_checked", {})
        parses.clear()
        assert parsecache.load_cache(folder) == count

    next_process()
    again = _as_parsed(loader.load_handbook(read_project(project)))
    assert parses == []
    assert again == first

    # a broken entry, or one holding other text, is not used: the file is parsed again
    next_process()
    entries = sorted(folder.iterdir())
    entries[0].write_bytes(b"not marshal data")
    entries[1].write_bytes(entries[2].read_bytes())
    assert _as_parsed(loader.load_handbook(read_project(project))) == first
    assert len(parses) == 2
    assert parsecache.save_cache(folder)  # and written again

    # an edited file is parsed again, and its old entry goes when the cache is saved
    next_process()
    edit(project, "content/guidelines/listen-actively.yaml", "title: Listen actively", "title: Listen, really listen")
    loader.load_handbook(read_project(project))
    assert parses == ["content/guidelines/listen-actively.yaml"]
    assert parsecache.save_cache(folder)
    assert len(list(folder.iterdir())) == count


def test_a_file_with_a_syntax_problem_is_parsed_and_reported_on_every_build(tmp_path: Path, parses: list, monkeypatch: pytest.MonkeyPatch):
    project = make_project(tmp_path / "project")
    folder = tmp_path / "parsed-files"
    parsecache.load_cache(folder)
    loader.load_handbook(read_project(project))
    parsecache.save_cache(folder)
    edit(project, "content/guidelines/listen-actively.yaml", "title: Listen actively", "title: 'Listen actively")
    for _ in range(2):
        monkeypatch.setattr(loader, "_checked", {})
        parses.clear()
        parsecache.load_cache(folder)
        with pytest.raises(ContentError) as raised:
            loader.load_handbook(read_project(project))
        assert "content/guidelines/listen-actively.yaml" in raised.value.problems.report()
        assert parses == ["content/guidelines/listen-actively.yaml"]
        parsecache.save_cache(folder)


# -- alternates --------------------------------------------------------------------------------

PAGE_URLS = (
    "https://h.org/",
    "https://h.org/hr/",
    "https://h.org/hr/guidelines/x/",
    "https://h.org/base/guidelines/a/b/",
    "https://h.org/x/index.html",
    "https://h.org",
    "http://localhost:8000/a/",
    "https://h.org/a/../b/",
    "https://h.org/.x/",
    "https://u@h.org/a/",
    "https://h.org/a/?q=1",
)
LINKS = (
    *("./", "../", "../../", "../../../../../", "..", ".", " ", "", "hr/", "../hr/guidelines/x/", "./a/b/", "a/./b/"),
    *("a/../b/", "/abs/", "/", "//other.org/x/", "https://o.org/x/", "?q", "#f", "....//", "../x/../y/", "index.html"),
    *("../index.html", ".hidden/", "..a/", "../.x/", "./../", "a//b/", "/a/../b/", "../a b/", "../é/", "../a:b/"),
    "../../../sv/guidelines/listen-actively/",
)


def test_alternates_are_joined_exactly_as_urljoin_joins_them():
    for page_url in PAGE_URLS:
        join = handbook_alternates._folder_join(page_url)
        for link in LINKS:
            assert join(link) == urljoin(page_url, link), (page_url, link)
