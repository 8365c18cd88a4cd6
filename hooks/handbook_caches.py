"""Keep what earlier builds worked out, in .cache/handbook/: the cue cards' QR codes
(qr-codes.json, see handbook/qr.py), which content files passed their schema check
(checked-files.json, see handbook/checkcache.py), which guidelines' cue cards all fitted
(card-fits.json, see handbook/cardfits.py) and the content files as parsed (parsed-files/, see
handbook/parsecache.py).

They are the handbook's costliest work that rarely needs doing again: the symbols depend only on
the addresses, the checks and the parsing only on the input they read. The caches hold nothing
else: deleting them only makes the next build slower, and a build with or without them reports
the same problems and writes the same site.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from handbook import cardfits, checkcache, parsecache, qr
from handbook_mkdocs import i18n_plugin
from handbook_timing import timed

FOLDER = Path(".cache", "handbook")
CACHES = {"qr-codes.json": qr, "checked-files.json": checkcache, "card-fits.json": cardfits, "parsed-files": parsecache}


def _folder(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent / FOLDER


@timed
@event_priority(110)  # before handbook_content (100) loads the content
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not i18n_plugin(config).building:  # once per build, not again for every language
        for name, cache in CACHES.items():
            cache.load_cache(_folder(config) / name)
    return config


@timed
@event_priority(-120)  # after static-i18n (-100) has built the other languages
def on_post_build(*, config: MkDocsConfig) -> None:
    if not i18n_plugin(config).building:
        for name, cache in CACHES.items():
            cache.save_cache(_folder(config) / name)
