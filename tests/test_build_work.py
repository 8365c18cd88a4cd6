"""How much work a build does: the content is loaded once per build (not once per language), QR
codes are kept and the theme compiled once, without changing the site; the hooks can time themselves."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from handbook import loader, qr
from projects import make_project
from sites import LANGUAGES, build_site, differing_files, snapshot

pytestmark = pytest.mark.build

CACHE = Path(".cache/handbook/qr-codes.json")


def test_hook_timing_is_written_only_when_asked_for(tmp_path: Path):
    project = make_project(tmp_path / "project")
    times = tmp_path / "times.json"
    os.environ["HANDBOOK_HOOK_TIMES"] = str(times)
    try:
        result = build_site(project)
    finally:
        del os.environ["HANDBOOK_HOOK_TIMES"]
    assert result.returncode == 0, result.stderr
    report = json.loads(times.read_text(encoding="utf-8"))
    events = report["events"]
    # static-i18n builds each language on its own: every event fires once per language
    assert events["handbook_pages._fill_pages"]["calls"] == len(LANGUAGES)
    assert events["handbook_content.on_config"]["calls"] == len(LANGUAGES)
    assert events["handbook_alternates.on_post_page"]["calls"] == len(LANGUAGES) * 19  # 19 pages per language
    assert report["seconds"] == pytest.approx(sum(event["seconds"] for event in events.values()))

    times.unlink()
    assert build_site(project).returncode == 0
    assert not times.exists()


def test_the_content_is_loaded_once_per_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """static-i18n builds every language on its own; they all use the one validated handbook."""
    project = make_project(tmp_path / "project")
    loads = []
    load = loader.load_handbook
    monkeypatch.setattr(loader, "load_handbook", lambda *args: loads.append(args) or load(*args))
    monkeypatch.chdir(project)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site")))
    assert (tmp_path / "site" / "sv" / "guidelines" / "listen-actively" / "index.html").exists()
    assert len(loads) == 1


def test_qr_codes_are_kept_between_builds_and_change_nothing(tmp_path: Path):
    project = make_project(tmp_path / "project")
    assert build_site(project).returncode == 0
    first = snapshot(project / "site")
    kept = json.loads((project / CACHE).read_text(encoding="utf-8"))
    assert kept["drawing"] == qr.DRAWING
    assert len(kept["codes"]) == len(LANGUAGES) * 3  # three guidelines, one address per language
    assert "https://handbook.example.org/hr/guidelines/listen-actively/" in kept["codes"]

    stamp = (project / CACHE).stat().st_mtime_ns
    assert build_site(project).returncode == 0
    assert differing_files(first, snapshot(project / "site")) == []
    assert (project / CACHE).stat().st_mtime_ns == stamp  # nothing new to keep

    (project / CACHE).write_text("{not json", encoding="utf-8")
    assert build_site(project).returncode == 0
    assert differing_files(first, snapshot(project / "site")) == []


def test_a_cache_from_other_settings_is_not_used(tmp_path: Path):
    cache = tmp_path / "qr.json"
    url = "https://handbook.example.org/guidelines/made-up-for-this-test/"
    svg = qr.qr_svg(url)
    assert qr.save_cache(cache)
    kept = json.loads(cache.read_text(encoding="utf-8"))
    assert kept["codes"][url] == svg
    kept["drawing"] = "another segno"
    kept["codes"] = {"https://example.org/other/": svg}
    cache.write_text(json.dumps(kept), encoding="utf-8")
    assert qr.load_cache(cache) == 0
    assert qr.load_cache(tmp_path / "missing.json") == 0


def test_compiling_the_theme_once_changes_nothing(tmp_path: Path):
    """The theme's templates compiled once and kept for every language give the very same site
    as compiling them for each language."""
    cached = make_project(tmp_path / "cached")
    compiled = make_project(tmp_path / "compiled")
    settings = compiled / "mkdocs.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("  - hooks/handbook_theme_cache.py\n", ""), encoding="utf-8")
    assert "theme_cache" not in settings.read_text(encoding="utf-8")
    for project in (cached, compiled):
        assert build_site(project).returncode == 0
    assert differing_files(snapshot(cached / "site"), snapshot(compiled / "site")) == []
