"""Which content files passed their schema check in an earlier build, by the digest of their bytes.

Checking a file against its JSON Schema costs more than reading it, and most builds, `make build`
after `make build` or a preview after one edit, read files that passed last time unchanged. A
file whose key is remembered skips the check (and a build where every file does never imports
the validator). The key is the digest of the file's bytes, salted with everything that decides
the verdict: the schemas, the code that reads and checks files, and the validator's version, so
a change to any of them checks every file again.

Only passes are kept, never problems: a file with a problem is checked, and reported, on every
build. The cache is a list of digests in JSON, read with no code run; deleting it only makes the
next build slower, and a build with or without it reports the same problems and writes the same site.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import cache
from importlib.metadata import version
from pathlib import Path

# The modules whose code decides whether a file passes: how it is read, and how it is checked.
_CHECKER_MODULES = ("yamlfile.py", "schema.py", "loader.py")
_KEY_LENGTH = 32  # hexadecimal digits of a key

_passed: set[str] = set()  # known to pass: kept by an earlier build or checked in this process
_used: set[str] = set()  # passed in a build of this process: what the next build may need
_on_disk: set[str] = set()


@cache
def checker_version(schema_dir: Path) -> bytes:
    """A digest of everything besides the file itself that decides whether a file passes."""
    digest = hashlib.blake2b(digest_size=16)
    here = Path(__file__).parent
    for path in [*sorted(schema_dir.glob("*.schema.json")), *(here / name for name in _CHECKER_MODULES)]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    digest.update(version("jsonschema").encode())
    return digest.digest()


def key(schema_dir: Path, schema_name: str, file_digest: bytes) -> str:
    """The key of one file's bytes checked against one schema by this checker."""
    salted = checker_version(schema_dir) + schema_name.encode() + b"\0" + file_digest
    return hashlib.blake2b(salted, digest_size=_KEY_LENGTH // 2).hexdigest()


def start_build() -> None:
    """Forget which passes the previous build used: the next save keeps only this build's."""
    _used.clear()


def passed_before(file_key: str) -> bool:
    if file_key in _passed:
        _used.add(file_key)
        return True
    return False


def remember_passed(file_key: str) -> None:
    _passed.add(file_key)
    _used.add(file_key)


def load_cache(path: Path) -> int:
    """Remember the passes kept in `path` by an earlier build; return how many. A missing or
    unreadable cache is simply not used: every file is checked."""
    global _on_disk  # noqa: PLW0603
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return 0
    entries = kept.get("passed") if isinstance(kept, dict) else None
    if not isinstance(entries, list):
        return 0
    keys = {entry for entry in entries if isinstance(entry, str) and len(entry) == _KEY_LENGTH}
    _passed.update(keys)
    _on_disk = keys
    return len(keys)


def save_cache(path: Path) -> bool:
    """Keep the passes of this process's builds in `path` for the next build, when they differ
    from what is there; True if written. Passes of files since changed or removed are dropped,
    so the cache stays the size of the content. Written whole and then renamed, so a build that
    stops half-way never leaves a broken cache."""
    global _on_disk  # noqa: PLW0603
    if not _used or _used == _on_disk:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, prefix=path.name, delete=False) as handle:
        json.dump({"passed": sorted(_used)}, handle)
    os.replace(handle.name, path)
    _on_disk = set(_used)
    return True
