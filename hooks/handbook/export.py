"""Write the site as plain MkDocs sources: every generated page of every language as a Markdown
file, and an mkdocs.yml that builds them with the handbook hooks off.

This is the floor the hooks are measured against (`make bench`): the same pages, theme, plugins
and navigation, built by MkDocs, Material and static-i18n alone. What only the hooks do (one
search index per language, a "page not found" page per language, absolute language alternates,
the heading links' tooltip in each language) is left out, so the exported site is at most as much
work to build as the real one.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import yaml

from .model import Handbook
from .navigation import navigation, site_name
from .project import Project, i18n_options, read_config
from .qr import is_example_address
from .render import render_pages

DOCS = "docs"
SITE = "site"


def export_site(project: Project, handbook: Handbook, out: Path) -> int:
    """Write the exported site sources to `out` (an empty or new folder); return the page count."""
    if out.exists() and any(out.iterdir()):
        raise FileExistsError(f"{out} is not empty: choose a new folder")
    config = read_config(project.root)
    docs = out / DOCS
    shutil.copytree(project.root / config.get("docs_dir", DOCS), docs)
    custom_dir = (config.get("theme") or {}).get("custom_dir")
    if custom_dir:
        shutil.copytree(project.root / custom_dir, out / custom_dir)

    written = 0
    site_url = config.get("site_url") or ""
    qr_site_url = "" if is_example_address(site_url) else site_url  # as the build does: no QR codes leading nowhere
    for language in handbook.languages:
        for page in render_pages(handbook, language, project.names, qr_site_url).values():
            path = docs / page.plan.source_name(language)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(page.markdown, encoding="utf-8")
            written += 1

    settings = _plain_settings(project, handbook, config, out)
    (out / "mkdocs.yml").write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return written


def _plain_settings(project: Project, handbook: Handbook, config: dict[str, Any], out: Path) -> dict[str, Any]:
    """mkdocs.yml of the export: the project's own settings (inherited), with the hooks and the
    content watch removed and the per-language navigation and names the hooks would have set."""
    i18n = dict(i18n_options(config))
    languages = []
    for configured in i18n.get("languages") or []:
        entry = dict(configured)
        if entry.get("locale") in handbook.languages:
            entry["nav"] = navigation(handbook, entry["locale"], project.names)
            entry["site_name"] = site_name(handbook, entry["locale"])
        languages.append(entry)
    i18n["languages"] = languages
    plugins = [{"i18n": i18n} if isinstance(plugin, dict) and "i18n" in plugin else plugin for plugin in config.get("plugins") or []]
    return {
        "INHERIT": os.path.relpath(project.root / "mkdocs.yml", out),
        "docs_dir": DOCS,
        "site_dir": SITE,
        "hooks": [],
        "watch": [],
        "plugins": plugins,
    }
