"""Add the generated pages to the build, one Markdown file per page and language.

Two steps around static-i18n's own `on_files` (priority -100): first announce every page in
every language as `<path>.<lang>.md` so i18n can pair translations and build the language
switcher; then, for the language being built, fill in the rendered Markdown. Once MkDocs has
converted a page, its finished HTML blocks (the cue cards) go in.

`mkdocs build` renders the pages of every language in a second process as soon as the content is
loaded (handbook/background.py), so each language's build finds its pages ready. `mkdocs serve`
renders in its own process: its server threads make forking unsafe.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from handbook.background import BackgroundRendering
from handbook.pages import plan_pages
from handbook.render import RenderedPage, render_in_background, rendered_pages
from handbook_mkdocs import current_language, handbook_for, i18n_plugin, project_for
from handbook_timing import record_background, timed

GENERATED_BY = "handbook"

# The pages of the language being built that have finished HTML blocks, by source file.
_with_blocks: dict[str, RenderedPage] = {}

BACKGROUND_COMMANDS = {"build", "gh-deploy"}
_command = ""
_background: BackgroundRendering | None = None


@timed
def on_startup(*, command: str, dirty: bool) -> None:
    global _command  # noqa: PLW0603
    _command = command


@timed
@event_priority(90)  # right after handbook_content (100) has loaded the content
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _background  # noqa: PLW0603
    if not i18n_plugin(config).building:
        _background = None
        if _command in BACKGROUND_COMMANDS:
            _background = render_in_background(handbook_for(config), project_for(config).names, config.site_url or "")
    return config


@timed
@event_priority(50)
def _announce_pages(files: Files, *, config: MkDocsConfig) -> Files:
    handbook = handbook_for(config)
    for plan in plan_pages(handbook):
        for language in handbook.languages:
            files.append(File(plan.source_name(language), config.docs_dir, config.site_dir, config.use_directory_urls))
    return files


@timed
@event_priority(-150)
def _fill_pages(files: Files, *, config: MkDocsConfig) -> Files:
    handbook = handbook_for(config)
    language = current_language(config)
    rendered = rendered_pages(handbook, language, project_for(config).names, config.site_url or "")
    if _background is not None and language in _background.seconds:
        record_background("handbook_pages: rendering in the second process", _background.seconds[language])
    by_source = {page.plan.source_name(language): page for page in rendered.values()}
    _with_blocks.clear()
    for file in files.documentation_pages():
        page = by_source.get(file.src_uri)
        if page is not None:
            file.content_string = page.source
            if page.blocks:
                _with_blocks[file.src_uri] = page
            file.generated_by = GENERATED_BY
            file.edit_uri = None
    return files


on_files = CombinedEvent(_announce_pages, _fill_pages)


@timed
@event_priority(100)  # before any other hook or plugin reads the page's HTML
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    rendered = _with_blocks.get(page.file.src_uri)
    if rendered is None:
        return html
    try:
        html = rendered.with_blocks(html)
    except ValueError as error:
        raise PluginError(str(error)) from None
    if page.present_anchor_ids is not None:  # MkDocs checks links to these after every page is converted
        page.present_anchor_ids |= rendered.block_anchors
    return html
