"""How much work a build does: the content is loaded once per build (not once per language), and
the hooks can time themselves."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from handbook import loader
from projects import make_project
from sites import LANGUAGES, build_site

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
