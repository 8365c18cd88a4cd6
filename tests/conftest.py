from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from browser import launch
from handbook.errors import ContentError
from handbook.loader import load_handbook
from handbook.project import read_project
from localsite import free_port
from projects import REPO, edit, make_project
from sites import BUILD_DATE_EPOCH, build_site, serve


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh copy of the minimal, valid fixture handbook."""
    return make_project(tmp_path / "project")


def problems_of(root: Path) -> list[str]:
    """Every problem the loader reports for the project at `root`, as printed to editors."""
    try:
        load_handbook(read_project(root))
    except ContentError as error:
        return [str(problem) for problem in error.problems.sorted()]
    return []


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal fixture handbook, built once per test run with `mkdocs build --strict`."""
    root = make_project(tmp_path_factory.mktemp("fixture") / "project")
    result = build_site(root)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return root / "site"


@pytest.fixture(scope="session")
def handbook_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real handbook from content/, built once per test run."""
    root = make_project(tmp_path_factory.mktemp("handbook") / "project", content=REPO / "content")
    result = build_site(root)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return root / "site"


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal fixture handbook's offline copy, made once per run by `make offline`. One
    guideline links to a web page, so that the booklet shows how it prints such a link."""
    root = make_project(tmp_path_factory.mktemp("offline") / "project")
    edit(
        root,
        "content/guidelines/offer-solutions.yaml",
        "    body: Offer two or three options.",
        "    body: Offer two or three options from the [service charter](https://example.org/charter).",
    )
    make = ["make", "--no-print-directory", "offline", f"VENV={sys.prefix}", f"PYTHON={sys.executable}"]
    env = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_DATE_EPOCH, "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run(make, cwd=root, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return root / "site-offline"


@pytest.fixture(scope="session")
def addressed_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """The minimal fixture handbook built for the address it is then served at (SITE_URL), as a
    deployment is: its language alternates and the cue cards' QR codes lead there."""
    port = free_port()
    root = make_project(tmp_path_factory.mktemp("addressed") / "project")
    result = build_site(root, site_url=f"http://127.0.0.1:{port}/")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return root / "site", port


@pytest.fixture(scope="session")
def addressed_url(addressed_site: tuple[Path, int]):
    site, port = addressed_site
    with serve(site, port) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole run (never downloaded: Debian's package)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def fixture_url(fixture_site: Path):
    with serve(fixture_site) as url:
        yield url


@pytest.fixture(scope="session")
def handbook_url(handbook_site: Path):
    with serve(handbook_site) as url:
        yield url
