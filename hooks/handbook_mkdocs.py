"""What the handbook hooks share: the project as MkDocs sees it, and the one loaded handbook.

Not a hook itself. Content errors become PluginError, which MkDocs reports as a clean message
with exit code 1 and no traceback.
"""

from __future__ import annotations

import html
import weakref
from pathlib import Path

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from handbook.errors import ContentError
from handbook.loader import load_handbook_cached
from handbook.model import Handbook
from handbook.project import Project, project_from_languages


def i18n_plugin(config: MkDocsConfig) -> BasePlugin:
    return config.plugins["i18n"]


def project_for(config: MkDocsConfig) -> Project:
    languages = [dict(entry) for entry in i18n_plugin(config).config.languages]
    return project_from_languages(Path(config.config_file_path).parent, languages)


# The handbook of the build in progress. Every event of every language build of one `mkdocs build`
# (or of one `mkdocs serve` rebuild) sees the same config object; only a new build, with a new
# config, looks at the content files again.
_current: tuple[weakref.ref[MkDocsConfig], Handbook] | None = None


def handbook_for(config: MkDocsConfig) -> Handbook:
    """The validated handbook; loaded once and reused until a content file changes."""
    global _current  # noqa: PLW0603
    if _current is not None and _current[0]() is config:
        return _current[1]
    try:
        handbook = load_handbook_cached(project_for(config))
    except ContentError as error:
        raise PluginError("The handbook content has problems:\n" + error.problems.report()) from None
    _current = (weakref.ref(config), handbook)
    return handbook


def current_language(config: MkDocsConfig) -> str:
    """The language being built (static-i18n runs one full build per language)."""
    plugin = i18n_plugin(config)
    return plugin.current_language or plugin.default_language


def theme_text(text: str) -> Markup:
    """Content text for Material's own templates (site name, navigation titles), escaped once.

    Material prints these without escaping, some of them inside attributes (aria-label): plain
    content there could break out of the attribute and add markup. As Markup the text is escaped
    here and the templates' own `| e` filters leave it alone instead of escaping it twice.
    """
    return Markup(html.escape(text, quote=True))
