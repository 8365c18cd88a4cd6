"""Which guidelines' cue cards all fitted in an earlier build (see passes.py).

Checking that every card fits sets the text of 25 cards per guideline (five staff languages by
five customer languages) and is the costliest part of loading the content. A guideline whose
cards all fitted is not checked again while nothing its cards are made from has changed: its own
file; the files every card draws on (section titles, interface words, the handbook's name, the
phrase lists); the languages and their names; and the code and font metrics that lay a card out.
Any change to these checks the guideline's cards again; a guideline with a card that does not fit
is checked, and reported, on every build.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from .model import Guideline, Handbook
from .passes import PassCache, make_key

passes = PassCache()


@cache
def fitter_version() -> bytes:
    """A digest of the code and font metrics that make a card and set its text."""
    digest = hashlib.blake2b(digest_size=16)
    here = Path(__file__).parent
    for path in sorted([*here.glob("*.py"), here / "fontmetrics.json"]):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.digest()


def shared_input(handbook: Handbook, language_names: dict[str, str]) -> bytes:
    """A digest of what every guideline's cards are made from besides the guideline's own file."""
    files = {origin.file.name: origin.file.digest for origin in handbook.origins.values()}
    files.update((phrase_list.origin.file.name, phrase_list.origin.file.digest) for phrase_list in handbook.phrase_lists.values())
    digest = hashlib.blake2b(fitter_version(), digest_size=16)
    digest.update(repr((handbook.languages, handbook.default_language, sorted(language_names.items()))).encode())
    for name, file_digest in sorted(files.items()):
        digest.update(name.encode() + b"\0" + file_digest + b"\0")
    return digest.digest()


def key(shared: bytes, guideline: Guideline) -> str:
    """The key of one guideline's cards, given `shared_input`."""
    return make_key((shared, guideline.origin.file.name.encode(), guideline.origin.file.digest))


# The cache-file interface that handbook_caches.py uses for every cache it keeps.
def load_cache(path: Path) -> int:
    return passes.load(path)


def save_cache(path: Path) -> bool:
    return passes.save(path)
