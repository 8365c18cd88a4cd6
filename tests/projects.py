"""Throwaway handbook projects for tests: the real site configuration with chosen content."""

from __future__ import annotations

from pathlib import Path

from sitecopy import REPO, copy_site

FIXTURES = Path(__file__).resolve().parent / "fixtures"
MINIMAL_CONTENT = FIXTURES / "minimal" / "content"

__all__ = ["FIXTURES", "MINIMAL_CONTENT", "REPO", "edit", "make_project", "write"]


def make_project(target: Path, content: Path | None = None) -> Path:
    """Copy the site skeleton and a content folder (default: the minimal fixture) into `target`."""
    return copy_site(target, content or MINIMAL_CONTENT)


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
