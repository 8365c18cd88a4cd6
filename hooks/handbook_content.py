"""Load and check the content before MkDocs touches site/.

`on_config` fires before MkDocs cleans the site directory, so a content error stops the build
with the last good site still in place. It also says when the site has no address of its own:
the cue cards are then printed without QR codes, which would lead nowhere.
"""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from sitebuild import i18n
from sitebuild.state import build_for

log = logging.getLogger("mkdocs.hooks.handbook_content")


@event_priority(100)  # before static-i18n (-100) and the other hooks use the content
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    build = build_for(config)
    if not build.site_url and not i18n.in_nested_build(config):
        log.info(
            "No QR codes on the cue cards: the site's address (site_url) is %s, an example. "
            "Build for the address the site will be served at to have them: SITE_URL=https://<that address>/ make build",
            config.site_url or "not set",
        )
    return config
