"""Validate the content before MkDocs touches site/.

Runs in `on_config`, which fires before the site directory is cleaned, so a content error
leaves the last good site in place.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from handbook_mkdocs import handbook_for
from handbook_timing import timed


@timed
@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    handbook_for(config)
    return config
