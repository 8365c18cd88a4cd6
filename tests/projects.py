"""Throwaway handbook projects for tests: the real site configuration with chosen content."""

from __future__ import annotations

import shutil
from pathlib import Path

from sitecopy import REPO, copy_site

FIXTURES = Path(__file__).resolve().parent / "fixtures"
MINIMAL_CONTENT = FIXTURES / "minimal" / "content"
# The course's content kinds (conversations, practice, quick reference, trainer guide), laid
# over the minimal handbook.
TRAINING_CONTENT = FIXTURES / "training" / "content"

__all__ = ["FIXTURES", "MINIMAL_CONTENT", "REPO", "TRAINING_CONTENT", "edit", "make_project", "make_training_project", "write"]


def make_project(target: Path, content: Path | None = None) -> Path:
    """Copy the site skeleton and a content folder (default: the minimal fixture) into `target`."""
    return copy_site(target, content or MINIMAL_CONTENT)


def make_training_project(target: Path) -> Path:
    """The minimal handbook with a small course on top."""
    root = make_project(target)
    shutil.copytree(TRAINING_CONTENT, root / "content", dirs_exist_ok=True)
    return root


def edit(project: Path, relative: str, old: str, new: str) -> None:
    """Replace one exact snippet in a content file; fail loudly if it is not there."""
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {relative}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def write(project: Path, relative: str, text: str | bytes) -> Path:
    path = project / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path
