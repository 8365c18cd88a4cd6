"""Load and check the content before MkDocs touches site/.

`on_config` fires before MkDocs cleans the site directory, so a content error stops the build
with the last good site still in place.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from sitebuild.state import build_for


@event_priority(100)  # before static-i18n (-100) and the other hooks use the content
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    build_for(config)
    return config
