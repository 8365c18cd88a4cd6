"""Content files as an earlier build parsed them, by the digest of their bytes.

Reading YAML while keeping the line and column of every key and value is most of what loading the
content costs, and most builds, `make build` after `make build` or a preview after one edit, read
files whose bytes were parsed before. Such a file is read back from .cache/handbook/parsed-files/
instead: its data, the positions of its keys and values, and its text, as plain values in marshal
format, the format Python keeps its own compiled-code cache in (reading it builds values and never
runs anything). An entry is named by the file's digest salted with the parser's code and versions,
and is used only when the text it holds has exactly the digest of the file being loaded.

Only files that parsed without a problem are kept: a file with a syntax problem is parsed, and
reported, on every build. Entries no build used are removed when the cache is saved, so it stays
the size of the content; deleting it only makes the next build slower.
"""

from __future__ import annotations

import hashlib
import marshal
import sys
from functools import cache
from pathlib import Path

import yaml

from .cachefile import write_whole
from .passes import make_key
from .yamlfile import YamlFile

SUFFIX = ".marshal"
_BOM = "\ufeff".encode()

_folder: Path | None = None  # where the entries are; None until a build names it (load_cache)
_used: set[str] = set()  # entries read or parsed by the latest build
_new: dict[str, bytes] = {}  # entries parsed since the cache was last saved


@cache
def parser_version() -> bytes:
    """A digest of what decides how a file is parsed and how an entry is written."""
    source = (Path(__file__).parent / "yamlfile.py").read_bytes()
    return hashlib.blake2b(source + f"\0{yaml.__version__}\0{marshal.version}\0{sys.version}".encode(), digest_size=16).digest()


def _entry(digest: bytes) -> str:
    return make_key((parser_version(), digest)) + SUFFIX


def start_build() -> None:
    _used.clear()


def recall(digest: bytes, path: Path, name: str) -> YamlFile | None:
    """The file parsed from bytes with this digest by an earlier build, or None."""
    if _folder is None or not digest:
        return None
    entry = _entry(digest)
    try:
        plain = marshal.loads((_folder / entry).read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not _holds(plain, digest):
        return None
    _used.add(entry)
    loaded = YamlFile.from_plain(path, name, plain)
    loaded.digest = digest
    return loaded


def remember(loaded: YamlFile) -> None:
    """Keep a file that parsed without a problem, for the next build."""
    if _folder is None or not loaded.digest:
        return
    entry = _entry(loaded.digest)
    _used.add(entry)
    _new[entry] = marshal.dumps(loaded.to_plain())


def _holds(plain: object, digest: bytes) -> bool:
    """Whether an entry has the expected shape and holds the text of the file being loaded."""
    if not (isinstance(plain, tuple) and len(plain) == 5):
        return False
    _, value_marks, key_marks, scalars, text = plain
    if not all(isinstance(part, dict) for part in (value_marks, key_marks, scalars)) or not isinstance(text, str):
        return False
    raw = text.encode("utf-8")
    return digest in (hashlib.blake2b(raw).digest(), hashlib.blake2b(_BOM + raw).digest())


# The cache interface that handbook_caches.py uses for every cache it keeps; this one is a folder.
def load_cache(path: Path) -> int:
    """Use the entries in the folder `path` from now on; return how many there are."""
    global _folder  # noqa: PLW0603
    _folder = path
    return len(list(path.glob("*" + SUFFIX))) if path.is_dir() else 0


def save_cache(path: Path) -> bool:
    """Write the entries parsed since the last save and remove those the latest build did not use;
    True if anything changed. Each entry is written whole and then renamed."""
    if not _used:
        return False
    changed = False
    for entry, data in _new.items():
        if entry in _used:  # parsed because its entry was missing or unusable
            write_whole(path / entry, data)
            changed = True
    _new.clear()
    for stale in path.glob("*" + SUFFIX):
        if stale.name not in _used:
            stale.unlink(missing_ok=True)
            changed = True
    return changed
