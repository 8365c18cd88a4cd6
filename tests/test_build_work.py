"""How much work a build does: the content is loaded once per build (not once per language), QR
codes and passed schema checks are kept and the theme compiled once, without changing the site or
what is reported; the hooks can time themselves."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from handbook import checkcache, loader, qr, schema
from handbook.errors import ContentError
from handbook.passes import PassCache
from handbook.project import read_project
from projects import edit, make_project
from sites import LANGUAGES, build_site, differing_files, snapshot

pytestmark = pytest.mark.build

CACHE = Path(".cache/handbook/qr-codes.json")
CHECKED = Path(".cache/handbook/checked-files.json")


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


def _content_files(project: Path) -> set[str]:
    content = project / "content"
    return {path.relative_to(project).as_posix() for path in content.rglob("*.yaml")}


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A fresh process's check cache, and the names of the files the schemas check."""
    monkeypatch.setattr(checkcache, "passes", PassCache())
    monkeypatch.setattr(loader, "_checked", {})
    checked: list[str] = []
    check = schema.SchemaSet.check

    def counting(self: schema.SchemaSet, loaded, schema_name: str, problems) -> bool:
        checked.append(loaded.name)
        return check(self, loaded, schema_name, problems)

    monkeypatch.setattr(schema.SchemaSet, "check", counting)
    return checked


def _next_build(monkeypatch: pytest.MonkeyPatch, cache: Path, checks: list[str]) -> int:
    """Start over as a new `mkdocs build` process would, with the cache an earlier one left."""
    monkeypatch.setattr(checkcache, "passes", PassCache())
    monkeypatch.setattr(loader, "_checked", {})
    checks.clear()
    return checkcache.load_cache(cache)


def test_files_that_passed_before_are_not_checked_again(tmp_path: Path, checks: list[str], monkeypatch: pytest.MonkeyPatch):
    project = make_project(tmp_path / "project")
    files = _content_files(project)
    cache = tmp_path / "checked.json"
    loader.load_handbook(read_project(project))
    assert sorted(checks) == sorted(files)
    assert checkcache.save_cache(cache)
    assert not checkcache.save_cache(cache)  # nothing new to keep

    assert _next_build(monkeypatch, cache, checks) == len(files)
    loader.load_handbook(read_project(project))
    assert checks == []

    # an edited file is checked again, and the pass of its old bytes is dropped from the cache
    _next_build(monkeypatch, cache, checks)
    edit(project, "content/guidelines/listen-actively.yaml", "title: Listen actively", "title: Listen, really listen")
    loader.load_handbook(read_project(project))
    assert checks == ["content/guidelines/listen-actively.yaml"]
    assert checkcache.save_cache(cache)
    assert len(json.loads(cache.read_text(encoding="utf-8"))["passed"]) == len(files)


def test_a_file_with_a_problem_is_reported_on_every_build(tmp_path: Path, checks: list[str], monkeypatch: pytest.MonkeyPatch):
    project = make_project(tmp_path / "project")
    cache = tmp_path / "checked.json"
    loader.load_handbook(read_project(project))
    checkcache.save_cache(cache)
    edit(project, "content/guidelines/listen-actively.yaml", "order: 10", "ordre: 10")
    for _ in range(2):
        _next_build(monkeypatch, cache, checks)
        with pytest.raises(ContentError) as raised:
            loader.load_handbook(read_project(project))
        assert "content/guidelines/listen-actively.yaml:4:1: unknown key 'ordre'" in raised.value.problems.report()
        assert checks == ["content/guidelines/listen-actively.yaml"]
        checkcache.save_cache(cache)


def test_a_pass_counts_only_for_the_same_bytes_schemas_and_checker(tmp_path: Path):
    schemas = tmp_path / "schema"
    shutil.copytree(Path(__file__).parent.parent / "schema", schemas)
    digest = b"digest of a file"
    first = checkcache.key(schemas, "guideline.schema.json", digest)
    assert first == checkcache.key(schemas, "guideline.schema.json", digest)
    assert first != checkcache.key(schemas, "guideline.schema.json", b"digest of another file")
    assert first != checkcache.key(schemas, "phrase-list.schema.json", digest)
    changed = tmp_path / "changed-schema"
    shutil.copytree(schemas, changed)
    common = json.loads((schemas / "common.schema.json").read_text(encoding="utf-8"))
    common["$defs"]["id"]["pattern"] = "^[a-z]+$"
    (changed / "common.schema.json").write_text(json.dumps(common), encoding="utf-8")
    assert first != checkcache.key(changed, "guideline.schema.json", digest)

    cache = tmp_path / "checked.json"
    for unusable in ("{not json", '{"passed": "abc"}', "[]"):
        cache.write_text(unusable, encoding="utf-8")
        assert checkcache.load_cache(cache) == 0
    cache.write_text(json.dumps({"passed": [first, "too-short", 42]}), encoding="utf-8")
    assert checkcache.load_cache(cache) == 1
    assert checkcache.load_cache(tmp_path / "missing.json") == 0


def test_builds_keep_passed_checks_and_still_report_problems(tmp_path: Path):
    project = make_project(tmp_path / "project")
    assert build_site(project).returncode == 0
    first = snapshot(project / "site")
    kept = json.loads((project / CHECKED).read_text(encoding="utf-8"))
    assert len(kept["passed"]) == len(_content_files(project))

    assert build_site(project).returncode == 0
    assert differing_files(first, snapshot(project / "site")) == []

    edit(project, "content/guidelines/listen-actively.yaml", "order: 10", "order: ten")
    result = build_site(project)
    assert result.returncode == 1
    assert "content/guidelines/listen-actively.yaml:4:8: expected a whole number, found text" in result.stderr
    assert differing_files(first, snapshot(project / "site")) == []
