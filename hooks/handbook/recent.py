"""Results of recent builds, kept in memory by a long-running process (`mkdocs serve`) so that a
rebuild can take over what it would otherwise work out again, exactly as before.

A result is found only by a key that covers everything it was made from, so taking it over is the
same as making it again. Results are let go, least recently asked for first, once there are more
than a few builds' worth: an edit and its undo each ask for the other's results, and a language
built in a second process for a while finds its results still here when it is built here again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

Result = TypeVar("Result")

# How many builds' worth of results are kept (a build's worth: the most one build asked for).
KEPT_FOR_BUILDS = 3


def digest_of(parts: Iterable[str]) -> str:
    """One digest of several texts, none of which can run into the next."""
    digest = hashlib.sha256()
    for part in parts:
        encoded = part.encode("utf-8", "surrogatepass")
        digest.update(len(encoded).to_bytes(8, "big"))
        digest.update(encoded)
    return digest.hexdigest()


@dataclass
class RecentResults(Generic[Result]):
    """Results by key, each remembered with the last build that made or took it."""

    kept_for_builds: int = KEPT_FOR_BUILDS
    build: int = 0
    taken: int = 0  # in the current build
    made: int = 0  # in the current build
    most_asked: int = 0  # in any one build so far
    _results: dict[Hashable, tuple[int, Result]] = field(default_factory=dict)

    def start_build(self) -> None:
        """A new build starts: let go of the least recently asked for beyond a few builds' worth."""
        self.most_asked = max(self.most_asked, self.taken + self.made)
        self.build += 1
        self.taken = self.made = 0
        room = self.kept_for_builds * self.most_asked
        if len(self._results) > room:
            newest_first = sorted(self._results.items(), key=lambda item: item[1][0], reverse=True)
            self._results = dict(newest_first[:room])

    def take(self, key: Hashable) -> Result | None:
        entry = self._results.get(key)
        if entry is None:
            return None
        self._results[key] = (self.build, entry[1])
        self.taken += 1
        return entry[1]

    def keep(self, key: Hashable, result: Result) -> None:
        self._results[key] = (self.build, result)
        self.made += 1

    def __len__(self) -> int:
        return len(self._results)
