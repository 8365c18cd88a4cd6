"""`python -m handbook export`: the generated pages as Markdown files that plain MkDocs, with the
hooks off, builds into the same pages (the floor `make bench` measures the hooks against)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from htmlpages import article
from projects import make_project
from sites import LANGUAGES, build_site, language_root, pages_of

pytestmark = pytest.mark.build


def export(project: Path, out: Path) -> subprocess.CompletedProcess:
    """What `make` does for the command line: the project's own core, run from the project."""
    command = [sys.executable, "-m", "handbook", "export", str(out)]
    env = {**os.environ, "PYTHONPATH": str(project / "hooks"), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture handbook exported and built by plain `mkdocs build --strict`."""
    root = tmp_path_factory.mktemp("export")
    project = make_project(root / "project")
    result = export(project, root / "plain")
    assert result.returncode == 0, result.stderr
    built = build_site(root / "plain")
    assert built.returncode == 0, built.stderr
    assert "WARNING" not in built.stderr, built.stderr
    return root / "plain" / "site"


def test_the_export_holds_every_page_in_every_language_and_no_hooks(tmp_path: Path, exported: Path):
    plain = exported.parent
    page = (plain / "docs" / "guidelines" / "listen-actively.hr.md").read_text(encoding="utf-8")
    front_matter, heading = page.split("\n---\n", 1)
    assert front_matter == '---\ndescription: "Pustite korisnika da završi prije nego što odgovorite."'
    assert heading.startswith("# Aktivno slušajte")
    assert len(list((plain / "docs").rglob("*.md"))) == len(LANGUAGES) * len(pages_of(exported, "en"))
    settings = (plain / "mkdocs.yml").read_text(encoding="utf-8")
    assert "hooks: []" in settings
    assert "INHERIT: ../project/mkdocs.yml" in settings


def test_plain_mkdocs_builds_the_same_pages_as_the_hooks(exported: Path, fixture_site: Path):
    for language in LANGUAGES:
        assert pages_of(exported, language) == pages_of(fixture_site, language), language
        for page in pages_of(fixture_site, language):
            plain, hooked = language_root(exported, language) / page, language_root(fixture_site, language) / page
            assert without_heading_link_names(article(plain)) == without_heading_link_names(article(hooked)), (language, page)


def without_heading_link_names(html: str) -> str:
    """The page without the tooltips of its heading links, which only the hooks put in the page's
    language (the Markdown settings are the same for every language of a plain build)."""
    return re.sub(r'(<a class="headerlink" href="[^"]*") title="[^"]*"', r"\1", html)


def test_the_navigation_and_name_are_in_each_language(exported: Path):
    croatian = (exported / "hr" / "guidelines" / "listen-actively" / "index.html").read_text(encoding="utf-8")
    assert "Najprije slušajte" in croatian  # the section's Croatian title in the navigation
    assert "Testni priručnik" in croatian  # the handbook's Croatian name


def test_export_refuses_a_folder_with_files(tmp_path: Path):
    project = make_project(tmp_path / "project")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "keep.txt").write_text("mine", encoding="utf-8")
    result = export(project, tmp_path / "out")
    assert result.returncode == 2
    assert "not empty" in result.stderr
    assert (tmp_path / "out" / "keep.txt").read_text(encoding="utf-8") == "mine"
