"""What the hooks read of mkdocs-static-i18n, in one place.

static-i18n runs one whole MkDocs build per language: the default language's build, and from its
`on_post_build` (priority -100) the other languages' builds, nested, on the same config object.
Its documented options (the language list, `build`, `link`, `name`) are read from its config.
Which language is being built, and whether a build is one of the nested ones, it documents nowhere;
it keeps them in two plugin attributes, `current_language` and `building`, which its own templates'
context mirrors. They are read here and nowhere else; tests/test_i18n_contract.py fails if they
change meaning in a later version.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin

PLUGIN = "i18n"


def plugin(config: MkDocsConfig) -> BasePlugin:
    return config.plugins[PLUGIN]


def languages(config: MkDocsConfig) -> list[Any]:
    """The configured languages (static-i18n's own config entries), as mkdocs.yml lists them."""
    return [language for language in plugin(config).config.languages if language.locale != "null"]


def default_language(config: MkDocsConfig) -> str:
    return next(language.locale for language in languages(config) if language.default)


def built_languages(config: MkDocsConfig) -> list[str]:
    """The languages this build makes pages for, default first."""
    default = default_language(config)
    return [default] + [language.locale for language in languages(config) if language.build and language.locale != default]


def current_language(config: MkDocsConfig) -> str:
    """The language whose pages are being built."""
    return plugin(config).current_language or default_language(config)


def in_nested_build(config: MkDocsConfig) -> bool:
    """True inside the builds static-i18n runs for the languages after the default one."""
    return bool(plugin(config).building)


def language_folder(config: MkDocsConfig, language: str) -> str:
    """'' for the default language (the site root), else the language code."""
    return "" if language == default_language(config) else language


def home_alternates(config: MkDocsConfig) -> list[dict[str, Any]]:
    """Every language's home page, as Material's language switcher (`extra.alternate`) lists them."""
    base = urlsplit(config.site_url or "").path.rstrip("/")
    return [
        {"name": language.name, "link": language.fixed_link or f"{base}{language.link}", "lang": language.locale}
        for language in languages(config)
    ]
