"""Checks that passed in an earlier build, remembered by a key of everything that decided them.

Some checks cost more than the rest of loading (a file against its JSON Schema, a guideline's cue
cards against the card size) and most builds, `make build` after `make build` or a preview after
one edit, repeat them on the same input. Each kind of check keeps the keys of its passes in a
`PassCache`: a check whose key is known is skipped. A key must be a digest of everything the
verdict depends on, input and checking code alike, so any change to them checks again.

Only passes are kept, never problems: a check that fails runs, and is reported, on every build.
A cache file is a list of keys in JSON, read with no code run; deleting it only makes the next
build slower, and a build with or without it reports the same problems and writes the same site.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

from .cachefile import write_whole

KEY_LENGTH = 32  # hexadecimal digits of a key


def make_key(parts: Iterable[bytes]) -> str:
    """A key from the parts that decide a verdict (each part separated, so no two lists collide)."""
    digest = hashlib.blake2b(digest_size=KEY_LENGTH // 2)
    for part in parts:
        digest.update(len(part).to_bytes(8, "little") + part)
    return digest.hexdigest()


class PassCache:
    """The passes of one kind of check: kept by earlier builds, and used by this process's builds."""

    def __init__(self) -> None:
        self._passed: set[str] = set()  # known to pass: kept by an earlier build or checked in this process
        self._used: set[str] = set()  # passed in the latest build: what the next build may need
        self._on_disk: set[str] = set()

    def start_build(self) -> None:
        """Forget which passes the previous build used: the next save keeps only this build's."""
        self._used.clear()

    def passed_before(self, key: str) -> bool:
        if key in self._passed:
            self._used.add(key)
            return True
        return False

    def remember_passed(self, key: str) -> None:
        self._passed.add(key)
        self._used.add(key)

    def load(self, path: Path) -> int:
        """Remember the passes kept in `path` by an earlier build; return how many. A missing or
        unreadable cache is simply not used: everything is checked."""
        try:
            kept = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return 0
        entries = kept.get("passed") if isinstance(kept, dict) else None
        if not isinstance(entries, list):
            return 0
        keys = {entry for entry in entries if isinstance(entry, str) and len(entry) == KEY_LENGTH}
        self._passed.update(keys)
        self._on_disk = keys
        return len(keys)

    def save(self, path: Path) -> bool:
        """Keep the passes of the latest build in `path` for the next one, when they differ from
        what is there; True if written. Passes of input since changed or removed are dropped, so
        the cache stays the size of the content. Written whole and then renamed, so a build that
        stops half-way never leaves a broken cache."""
        if not self._used or self._used == self._on_disk:
            return False
        write_whole(path, json.dumps({"passed": sorted(self._used)}).encode())
        self._on_disk = set(self._used)
        return True
