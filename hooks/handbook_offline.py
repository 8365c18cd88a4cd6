"""The offline copy (`make offline`, mkdocs.offline.yml): the site opened straight from disk.

Browsers refuse what Material's search needs when a page comes from file://: they fetch no
JSON and start no worker. Material loads the index from a script instead (`search_index.js`,
defining `__index`) and runs its worker in a hidden frame when the iframe-worker shim is on the
page. Material's own offline plugin does both, but it loads the shim from the web (a desk PC
without network then has no search) and writes one script of the index that mixes all languages.
So this hook ships the shim with the copy (offline/iframe-worker, MIT) and, once the index is
split per language (handbook_search), writes each language's index as a script beside it.

The rest of the offline copy is configuration: mkdocs.offline.yml links to files
(`use_directory_urls: false`, so no link opens a folder listing) and sets `extra.offline`, which
this hook and overrides/main.html read. Nothing happens in a normal build.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from sitebuild import i18n

SHIM_FOLDER = Path("offline", "iframe-worker")
SHIM_SITE_FOLDER = "assets/javascripts/iframe-worker"
SHIM = f"{SHIM_SITE_FOLDER}/shim.js"
INDEX = os.path.join("search", "search_index.json")
NOT_FOUND = "404.html"


def is_offline(config: MkDocsConfig) -> bool:
    """True when building the offline copy (mkdocs.offline.yml sets `extra.offline`)."""
    return bool(config.extra.get("offline"))


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not is_offline(config):
        return config
    if SHIM not in config.extra.get("polyfills", []):
        # Material puts these scripts in every page's head, before its own.
        config.extra["polyfills"] = [*config.extra.get("polyfills", []), SHIM]
    # No web server answers a missing page from disk, and a "page not found" page links to the
    # site's root, which on disk is the root of the drive: the copy has none.
    config.theme.static_templates.discard(NOT_FOUND)
    return config


@event_priority(-150)  # after static-i18n (-100) has re-created the files from the docs folder
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    if not is_offline(config) or i18n.in_nested_build(config):
        return files
    folder = Path(config.config_file_path).parent / SHIM_FOLDER
    for name in ("shim.js", "LICENSE"):  # the licence travels with the copy, as MIT asks
        files.append(File.generated(config, f"{SHIM_SITE_FOLDER}/{name}", abs_src_path=str(folder / name)))
    return files


@event_priority(-120)  # after handbook_search (-110) has written one index per language
def on_post_build(*, config: MkDocsConfig) -> None:
    if not is_offline(config) or i18n.in_nested_build(config):
        return
    for language in i18n.built_languages(config):
        index = os.path.join(config.site_dir, i18n.language_folder(config, language), INDEX)
        with open(index, encoding="utf-8") as handle:
            data = handle.read()
        with open(index.removesuffix(".json") + ".js", "w", encoding="utf-8") as handle:
            handle.write(f"var __index = {data};\n")
