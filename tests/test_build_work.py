"""How much work a build does, and that none of it outlives the files it came from: the content is
loaded once per build (not once per language), and again on the next build in the same process
(as under `mkdocs serve`), so an edit of content or schema is always seen. The QR codes are the
one thing kept between builds, keyed on what they encode."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from handbook import loader, qr, render
from projects import edit, make_project
from sitebuild import state
from sites import LANGUAGES, build_site, differing_files, snapshot

pytestmark = pytest.mark.build

CACHE = Path(".cache/handbook/qr-codes.json")


def _build_in_this_process(project: Path, site: Path) -> None:
    """One `mkdocs build` as `mkdocs serve` runs each rebuild: a new config, the same process."""
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(site)))


@pytest.fixture
def in_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    project = make_project(tmp_path / "project")
    monkeypatch.chdir(project)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    return project


def test_the_content_is_loaded_once_per_build(in_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """static-i18n builds every language on its own; they all use the one validated handbook.
    The next build loads it again."""
    loads = []
    load = loader.load_handbook
    # Where the build calls it (whether or not the hooks were imported before this test).
    monkeypatch.setattr(state, "load_handbook", lambda *args: loads.append(args) or load(*args))
    _build_in_this_process(in_project, tmp_path / "site")
    assert (tmp_path / "site" / "sv" / "guidelines" / "listen-actively" / "index.html").exists()
    assert len(loads) == 1
    _build_in_this_process(in_project, tmp_path / "site")
    assert len(loads) == 2


def test_a_schema_edit_is_seen_by_the_next_build_in_the_same_process(in_project: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture):
    _build_in_this_process(in_project, tmp_path / "site")
    edit(in_project, "schema/common.schema.json", '"maxLength": 120', '"maxLength": 5')
    with pytest.raises(Abort):
        _build_in_this_process(in_project, tmp_path / "site")
    assert "content/guidelines/listen-actively.yaml:11:12: text is too long (15 characters; the limit is 5)" in caplog.text


def test_an_edited_page_template_is_read_again(tmp_path: Path):
    """`mkdocs serve` keeps one process: the page templates it has compiled must not outlive an edit."""
    (tmp_path / "probe.md.j2").write_text("first", encoding="utf-8")
    env = render.template_environment(tmp_path)
    assert env.get_template("probe.md.j2").render() == "first"
    (tmp_path / "probe.md.j2").write_text("second", encoding="utf-8")
    os.utime(tmp_path / "probe.md.j2", ns=(0, 10**18))
    assert env.get_template("probe.md.j2").render() == "second"


def test_qr_codes_are_kept_between_builds_and_change_nothing(tmp_path: Path):
    project = make_project(tmp_path / "project")
    address = "http://127.0.0.1:8000/"  # any real address: an example one gets no QR codes
    assert build_site(project, site_url=address).returncode == 0
    first = snapshot(project / "site")
    kept = json.loads((project / CACHE).read_text(encoding="utf-8"))
    assert kept["drawing"] == qr.DRAWING
    assert len(kept["codes"]) == len(LANGUAGES) * 3  # three guidelines, one address per language
    assert f"{address}hr/guidelines/listen-actively/" in kept["codes"]

    stamp = (project / CACHE).stat().st_mtime_ns
    assert build_site(project, site_url=address).returncode == 0
    assert differing_files(first, snapshot(project / "site")) == []
    assert (project / CACHE).stat().st_mtime_ns == stamp  # nothing new to keep

    (project / CACHE).write_text("{not json", encoding="utf-8")
    assert build_site(project, site_url=address).returncode == 0
    assert differing_files(first, snapshot(project / "site")) == []


def test_a_cache_from_other_settings_is_not_used(tmp_path: Path):
    cache = tmp_path / "qr.json"
    url = "https://handbook.example.org/guidelines/made-up-for-this-test/"
    codes = qr.QrCodes(cache)
    svg = codes.svg(url)
    assert codes.save()
    assert not codes.save()  # nothing new since
    kept = json.loads(cache.read_text(encoding="utf-8"))
    assert kept["codes"][url] == svg
    kept["drawing"] = "another segno"
    kept["codes"] = {"https://example.org/other/": "<svg>made up</svg>"}
    cache.write_text(json.dumps(kept), encoding="utf-8")
    assert qr.QrCodes(cache).svg("https://example.org/other/") != "<svg>made up</svg>"
    assert qr.QrCodes(tmp_path / "missing.json").svg(url) == svg


def test_compiled_templates_are_kept_between_builds_and_an_edit_is_compiled_again(tmp_path: Path):
    """The theme's templates and the pages' are compiled once and kept in .cache/handbook/templates/
    (Jinja's bytecode cache); a build after an edit of one uses the edit."""
    project = make_project(tmp_path / "project")
    assert build_site(project).returncode == 0
    kept = sorted((project / state.TEMPLATE_CACHE).iterdir())
    assert len(kept) > 20  # Material's templates and the handbook's own
    stamps = {path.name: path.stat().st_mtime_ns for path in kept}
    assert build_site(project).returncode == 0
    assert {path.name: path.stat().st_mtime_ns for path in (project / state.TEMPLATE_CACHE).iterdir()} == stamps  # used, not rewritten

    edit(project, "overrides/main.html", "{% block extrahead %}", '{% block extrahead %}\n<meta name="probe" content="edited">')
    assert build_site(project).returncode == 0
    for page in ("index.html", "hr/guidelines/listen-actively/index.html"):
        assert '<meta name="probe" content="edited">' in (project / "site" / page).read_text(encoding="utf-8")


def test_a_page_template_edit_is_compiled_again_from_a_kept_cache(tmp_path: Path):
    """As a new process would: a new environment over the same bytecode cache reads the edit."""
    templates, compiled = tmp_path / "templates", tmp_path / "compiled"
    templates.mkdir()
    compiled.mkdir()
    (templates / "probe.md.j2").write_text("first", encoding="utf-8")
    assert render.template_environment(templates, compiled).get_template("probe.md.j2").render() == "first"
    assert list(compiled.iterdir())
    (templates / "probe.md.j2").write_text("second", encoding="utf-8")
    render.template_environment.cache_clear()
    assert render.template_environment(templates, compiled).get_template("probe.md.j2").render() == "second"
