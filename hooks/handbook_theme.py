"""Compile the theme's templates once per process, not once per language build.

MkDocs makes a new Jinja environment for every build, and static-i18n runs one build per language.
Jinja's public bytecode cache keeps each compiled template by its name and source checksum.
"""

from __future__ import annotations

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from sitebuild.state import session


def on_env(env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    env.bytecode_cache = session.compiled_templates
    return env
