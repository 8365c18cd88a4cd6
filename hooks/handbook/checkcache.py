"""Which content files passed their schema check in an earlier build, by the digest of their bytes.

Checking a file against its JSON Schema costs more than reading it. A file whose key is remembered
(passes.py) skips the check, and a build where every file does never imports the validator. The
key is the digest of the file's bytes, salted with everything else that decides the verdict: the
schemas, the code that reads and checks files, and the validator's version, so a change to any of
them checks every file again.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib.metadata import version
from pathlib import Path

from .passes import PassCache, make_key

# The modules whose code decides whether a file passes: how it is read, and how it is checked.
_CHECKER_MODULES = ("yamlfile.py", "schema.py", "loader.py")

passes = PassCache()


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
    return make_key((checker_version(schema_dir), schema_name.encode(), file_digest))


# The cache-file interface that handbook_caches.py uses for every cache it keeps.
def load_cache(path: Path) -> int:
    return passes.load(path)


def save_cache(path: Path) -> bool:
    return passes.save(path)
