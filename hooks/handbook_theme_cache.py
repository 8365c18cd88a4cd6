"""Compile the theme's templates once per process instead of once per language.

MkDocs makes a new Jinja environment for every build, and static-i18n runs one build per language:
Material's templates were parsed and compiled again for every language of a `mkdocs build` and of
every `mkdocs serve` rebuild. Jinja's bytecode cache keeps each compiled template by its name and
the checksum of its source, so it is compiled once, and again only when its source changes.
"""

from __future__ import annotations

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from handbook_timing import timed


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept in memory for the rest of the process."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # ignored by Jinja if the source has changed since

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


_compiled = _CompiledTemplates()


@timed
def on_env(env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    env.bytecode_cache = _compiled
    return env
