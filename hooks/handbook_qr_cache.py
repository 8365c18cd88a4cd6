"""Keep the cue cards' QR codes between builds, in .cache/handbook/qr-codes.json.

Drawing the symbols is most of the handbook's own work in a build (see handbook/qr.py), and they
depend only on the addresses, which rarely change. The cache holds nothing else: deleting it only
makes the next build slower, and a build with or without it writes the same site.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from handbook.qr import load_cache, save_cache
from handbook_mkdocs import i18n_plugin
from handbook_timing import timed

CACHE = Path(".cache", "handbook", "qr-codes.json")


def _cache_file(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent / CACHE


@timed
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not i18n_plugin(config).building:  # once per build, not again for every language
        load_cache(_cache_file(config))
    return config


@timed
@event_priority(-120)  # after static-i18n (-100) has built the other languages
def on_post_build(*, config: MkDocsConfig) -> None:
    if not i18n_plugin(config).building:
        save_cache(_cache_file(config))
