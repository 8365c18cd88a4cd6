"""Which languages of the site an edit changes, so `mkdocs serve` builds only those again.

A language's part of the site is made from its pages, its navigation, the handbook's name and its
interface words, all decided here in the core from the content. Their digest changes exactly when
something the language shows changes: a translator's edit in one language changes that language
only; an edit in the default language also changes the languages that show it because their own
translation is missing; a new guideline or a new order changes every language.
"""

from __future__ import annotations

import hashlib
import json

from .model import Handbook
from .navigation import navigation, site_name
from .render import rendered_pages
from .translation import interface_word


def language_digest(handbook: Handbook, language: str, language_names: dict[str, str], site_url: str = "") -> str:
    """A digest of everything the handbook decides about one language's part of the site; worked
    out once per loaded handbook, however often a rebuild asks."""
    key = ("language digest", language, tuple(sorted(language_names.items())), site_url)
    if key not in handbook.derived:
        handbook.derived[key] = _language_digest(handbook, language, language_names, site_url)
    return handbook.derived[key]


def _language_digest(handbook: Handbook, language: str, language_names: dict[str, str], site_url: str) -> str:
    digest = hashlib.sha256()
    for path, page in sorted(rendered_pages(handbook, language, language_names, site_url).items()):
        digest.update(f"\0page {path}\0{page.markdown}".encode())
    shown = {
        "navigation": navigation(handbook, language, language_names),
        "name": site_name(handbook, language),
        "words": [interface_word(handbook, key, language).get(key, key) for key in handbook.ui_keys],
        "languages": language_names,
    }
    digest.update(json.dumps(shown, ensure_ascii=False, sort_keys=True).encode())
    return digest.hexdigest()


def language_digests(handbook: Handbook, language_names: dict[str, str], site_url: str = "") -> dict[str, str]:
    return {language: language_digest(handbook, language, language_names, site_url) for language in handbook.languages}


def unchanged_languages(before: dict[str, str], after: dict[str, str]) -> list[str]:
    """The languages whose digest is the same in both builds."""
    return [language for language, digest in after.items() if before.get(language) == digest]
