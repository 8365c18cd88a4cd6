"""The catalogue of bad and unusual content (`catalogue.py`), through the loader and real builds.

Every failure must be one exact report line per problem with file:line:col where a line exists and
a one-line hint; through `mkdocs build --strict` it must exit 1 with that report, no traceback,
and leave the last good site/ byte for byte as it was. Unusual but valid input must build the
very same site as the plain fixture.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from catalogue import CASES, Case
from handbook.errors import ContentError, Problem
from handbook.loader import load_handbook
from handbook.project import read_project
from projects import make_project
from sites import build_site, differing_files, snapshot

BUILD_CASES = [case for case in CASES if case.build]


def problems_found(root: Path) -> list[Problem]:
    try:
        load_handbook(read_project(root))
    except ContentError as error:
        return error.problems.sorted()
    return []


def test_the_catalogue_covers_enough_cases():
    assert len(CASES) >= 35
    assert len({case.name for case in CASES}) == len(CASES)
    assert len(BUILD_CASES) >= 12
    assert any(case.expected == () for case in BUILD_CASES), "unusual but valid input must be built too"


@pytest.mark.parametrize("case", CASES, ids=str)
def test_the_loader_reports_exactly(case: Case, project: Path):
    case.change(project)
    problems = problems_found(project)
    assert [str(problem) for problem in problems] == list(case.expected)
    for problem in problems:
        assert problem.hint, f"no hint: {problem}"
        assert "\n" not in problem.message + problem.hint, f"not one line: {problem}"


@pytest.fixture(scope="module")
def built_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture project with its last good site/ already built."""
    root = make_project(tmp_path_factory.mktemp("catalogue") / "project")
    result = build_site(root)
    assert result.returncode == 0, result.stderr
    return root


def content_report(stderr: str) -> list[str]:
    """The problem lines of MkDocs' error output, checked against the closing count line."""
    lines = stderr.splitlines()
    start = next(index for index, line in enumerate(lines) if line.endswith("The handbook content has problems:"))
    end = next(index for index in range(start, len(lines)) if re.fullmatch(r"\d+ problems? found in the content\.", lines[index]))
    report = lines[start + 1 : end]
    assert lines[end].startswith(f"{len(report)} problem")
    return report


@pytest.mark.build
@pytest.mark.parametrize("case", BUILD_CASES, ids=str)
def test_a_real_build_fails_cleanly_or_builds_the_same_site(case: Case, built_project: Path, tmp_path: Path):
    project = tmp_path / "project"
    shutil.copytree(built_project, project)
    before = snapshot(project / "site")
    case.change(project)

    result = build_site(project)

    assert "Traceback" not in result.stderr, result.stderr
    if case.expected:
        assert result.returncode == 1, result.stderr
        assert content_report(result.stderr) == list(case.expected)
    else:
        assert result.returncode == 0, result.stderr
        assert "WARNING" not in result.stderr, result.stderr
    assert differing_files(before, snapshot(project / "site")) == []


def test_nfd_and_nfc_text_render_the_same(tmp_path: Path):
    """Text typed decomposed (as some macOS tools save it) renders exactly like composed text."""
    from catalogue import every_content_file, nfd
    from handbook.render import Renderer

    composed = make_project(tmp_path / "nfc")
    decomposed = make_project(tmp_path / "nfd")
    every_content_file(nfd)(decomposed)
    assert (decomposed / "content/tags.yaml").read_bytes() != (composed / "content/tags.yaml").read_bytes()

    def pages(root: Path) -> dict[tuple[str, str], str]:
        project = read_project(root)
        handbook = load_handbook(project)
        rendered = {}
        for language in project.languages:
            for path, page in Renderer(handbook, language, project.names).render_all().items():
                rendered[language, path] = page.markdown
        return rendered

    assert pages(decomposed) == pages(composed)
