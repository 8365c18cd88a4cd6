"""Throwaway copies of the handbook site with chosen content, for tests and the benchmark.

A copy holds what a build reads (mkdocs.yml, hooks, schema, docs, overrides; mkdocs.offline.yml,
offline/ and the zip tool for `make offline`) and a content folder,
so it builds exactly like the checkout it came from without touching it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SKELETON = (
    *("mkdocs.yml", "Makefile", "requirements.txt", "hooks", "schema", "docs", "overrides"),
    *("mkdocs.offline.yml", "offline", "tools/zipsite.py"),
)


def copy_site(target: Path, content: Path, code: Path = REPO) -> Path:
    """Copy the site skeleton of `code` (default: this checkout) and the `content` folder into `target`."""
    target.mkdir(parents=True, exist_ok=True)
    for name in SKELETON:
        source = code / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    shutil.copytree(content, target / "content")
    return target
