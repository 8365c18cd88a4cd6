"""Two builds of the same commit are byte-identical: in different folders, at different times.

`make build` takes SOURCE_DATE_EPOCH from the last commit, and MkDocs dates the sitemap (and the
gzip header of sitemap.xml.gz) from it instead of from the clock. The clock is moved with
faketime (Debian's package), so a date that leaks into the output cannot go unnoticed.
"""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from projects import make_project
from sites import differing_files, snapshot

pytestmark = pytest.mark.build

COMMIT_DATE = "2024-03-05T12:00:00+00:00"
FAKETIME = shutil.which("faketime")


def committed_project(target: Path) -> Path:
    project = make_project(target)
    env = {**os.environ, "GIT_AUTHOR_DATE": COMMIT_DATE, "GIT_COMMITTER_DATE": COMMIT_DATE}
    git = ["git", "-c", "user.name=Handbook", "-c", "user.email=handbook@example.org", "-c", "commit.gpgsign=false"]
    subprocess.run([*git, "init", "--quiet"], cwd=project, check=True)
    subprocess.run([*git, "add", "."], cwd=project, check=True)
    subprocess.run([*git, "commit", "--quiet", "-m", "content"], cwd=project, env=env, check=True)
    return project


def make_build_at(project: Path, clock: str) -> None:
    assert FAKETIME, "faketime is missing: apt-get install faketime (.ci/run installs it)"
    env = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    make = ["make", "--no-print-directory", "build", f"VENV={sys.prefix}", f"PYTHON={sys.executable}"]
    result = subprocess.run([FAKETIME, clock, *make], cwd=project, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_two_builds_of_one_commit_are_byte_identical(tmp_path: Path):
    first = committed_project(tmp_path / "first")
    second = committed_project(tmp_path / "elsewhere" / "second")

    make_build_at(first, "2031-01-02 03:04:05")
    make_build_at(second, "2032-07-08 22:59:59")

    first_site, second_site = snapshot(first / "site"), snapshot(second / "site")
    assert "sitemap.xml.gz" in first_site
    assert differing_files(first_site, second_site) == []
    sitemap = (first / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<lastmod>2024-03-05</lastmod>" in sitemap
    with gzip.open(first / "site" / "sitemap.xml.gz") as packed:
        assert packed.read().decode("utf-8") == sitemap
    header_time = int.from_bytes((first / "site" / "sitemap.xml.gz").read_bytes()[4:8], "little")
    assert datetime.fromtimestamp(header_time, UTC).date().isoformat() == "2024-03-05"
