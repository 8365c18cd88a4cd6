"""Compile the theme's templates once, not in every build and every language.

MkDocs makes a new Jinja environment for every build, and static-i18n runs one build per language.
Jinja's public bytecode cache keeps each compiled template, keyed on its path and source checksum,
in .cache/handbook/templates/ (sitebuild/state.py), where the pages' own templates are kept too.
"""

from __future__ import annotations

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from sitebuild.state import build_for


def on_env(env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    folder = build_for(config).template_cache
    if folder is not None:
        env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))
    return env
