"""`mkdocs serve`: a page whose Markdown is as it was in a recent rebuild is not converted again.

Converting Markdown to HTML is the largest single share of a language's build, and a rebuild
converts every page of every language it builds, though an edit usually changes the Markdown of a
few: a new position in a section changes every language's navigation, but hardly any page's text.
What MkDocs' conversion makes (the HTML, the table of contents, the title found in it, the anchors
it holds and the links to other pages' anchors) depends on the page's Markdown, its place in the
site, the site's files and addresses (links are resolved against them) and mkdocs.yml (the Markdown
extensions); with all of them in the key, taking a result over is the same as converting again.

A conversion that logged a warning is not kept, so the warning is logged by every build that would
log it, and `--strict` fails as before. Everything after the conversion (the other hooks, anchor
checks, templates) runs as always. `mkdocs build` converts every page, as it always did.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from handbook.recent import RecentResults, digest_of
from handbook_mkdocs import i18n_plugin
from handbook_timing import timed

log = logging.getLogger("mkdocs.hooks.handbook_reuse_conversions")


@dataclass(frozen=True)
class _Conversion:
    """What Page.render leaves on the page."""

    content: str
    toc: TableOfContents
    title: str | None
    anchors: frozenset[str] | None
    links_to_anchors: dict[str, dict[str, str]] | None  # by the linked file's src_uri

    @classmethod
    def of(cls, page: Page) -> _Conversion:
        links = page.links_to_anchors
        return cls(
            content=page.content or "",
            toc=copy.deepcopy(page.toc),
            title=page._title_from_render,
            anchors=frozenset(page.present_anchor_ids) if page.present_anchor_ids is not None else None,
            links_to_anchors=None if links is None else {file.src_uri: dict(anchors) for file, anchors in links.items()},
        )

    def put_on(self, page: Page, files: Files) -> None:
        page.content = self.content
        page.toc = copy.deepcopy(self.toc)
        page._title_from_render = self.title
        page.present_anchor_ids = set(self.anchors) if self.anchors is not None else None
        if self.links_to_anchors is not None:
            page.links_to_anchors = {_file(files, uri): dict(anchors) for uri, anchors in self.links_to_anchors.items()}


def _file(files: Files, src_uri: str) -> File:
    file = files.get_file_from_path(src_uri)
    if file is None:  # cannot happen: the set of files is part of the key
        raise LookupError(src_uri)
    return file


class _Warnings(logging.Handler):
    """Counts the warnings MkDocs and its plugins log while a page is converted."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


_conversions: RecentResults[_Conversion] = RecentResults()
_active = False
_site_key: tuple[object, str] | None = None  # (the Files of the language being built, their digest)


@timed
def on_startup(*, command: str, dirty: bool) -> None:
    global _active  # noqa: PLW0603
    _active = command == "serve"


@timed
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if _active and not i18n_plugin(config).building:  # once per rebuild, not for every language
        _conversions.start_build()
    return config


@timed
@event_priority(-130)  # after static-i18n (-100) has built the other languages
def on_post_build(*, config: MkDocsConfig) -> None:
    if _active and not i18n_plugin(config).building and _conversions.taken:
        asked = _conversions.taken + _conversions.made
        log.info("Pages whose Markdown is unchanged, not converted again: %d of %d", _conversions.taken, asked)


@timed
@event_priority(-1000)  # after every other change to the page's Markdown
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not _active:
        return markdown
    key = digest_of((_site_digest(config, files), page.file.src_uri, page.file.url, markdown))
    kept = _conversions.take(key)
    if kept is not None:
        page.render = lambda config, files: kept.put_on(page, files)  # type: ignore[method-assign]
    else:
        page.render = _converting_and_keeping(page.render, page, key)  # type: ignore[method-assign]
    return markdown


def _converting_and_keeping(render: Callable[[MkDocsConfig, Files], None], page: Page, key: str) -> Callable[[MkDocsConfig, Files], None]:
    def convert(config: MkDocsConfig, files: Files) -> None:
        warnings = _Warnings()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(warnings)
        try:
            render(config, files)
        finally:
            logger.removeHandler(warnings)
        if not warnings.count:
            _conversions.keep(key, _Conversion.of(page))

    return convert


def _site_digest(config: MkDocsConfig, files: Files) -> str:
    """What every page's conversion depends on besides its own Markdown: mkdocs.yml and the
    addresses of all the files its links may point to. Worked out once per language build."""
    global _site_key  # noqa: PLW0603
    if _site_key is None or _site_key[0] is not files:
        settings = Path(config.config_file_path).read_text(encoding="utf-8") if config.config_file_path else ""
        addresses = sorted(f"{file.src_uri}\0{file.dest_uri}\0{file.url}\0{file.inclusion.name}" for file in files)
        _site_key = (files, digest_of([settings, *addresses]))
    return _site_key[1]
