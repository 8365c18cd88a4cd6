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
    monkeypatch.setattr(loader, "load_handbook", lambda *args: loads.append(args) or load(*args))
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
