"""Add the generated pages to the build, one Markdown file per page and language.

Two steps around static-i18n's own `on_files` (priority -100), which pairs translations by file
name and re-creates every file object (dropping any content they hold): first announce every page
in every language being built as `<path>.<lang>.md`, then, for the language being built, fill in
its rendered Markdown. Once MkDocs has converted a page, its finished HTML blocks (the cue cards)
go in.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from handbook.pages import plan_pages
from handbook.render import render_pages
from sitebuild import i18n
from sitebuild.state import build_for

GENERATED_BY = "handbook"


@event_priority(50)  # before static-i18n (-100) pairs the files by language
def _announce_pages(files: Files, *, config: MkDocsConfig) -> Files:
    build = build_for(config)
    for plan in plan_pages(build.handbook):
        for language in i18n.built_languages(config):
            files.append(File(plan.source_name(language), config.docs_dir, config.site_dir, config.use_directory_urls))
    return files


@event_priority(-150)  # after static-i18n (-100) has re-created the files
def _fill_pages(files: Files, *, config: MkDocsConfig) -> Files:
    build = build_for(config)
    language = i18n.current_language(config)
    rendered = render_pages(build.handbook, language, build.project.names, build.site_url, build.qr_codes, build.template_cache)
    build.qr_codes.save()
    by_source = {page.plan.source_name(language): page for page in rendered.values()}
    build.pages_with_blocks = {}
    for file in files.documentation_pages():
        page = by_source.get(file.src_uri)
        if page is not None:
            file.content_string = page.source
            file.generated_by = GENERATED_BY
            file.edit_uri = None
            if page.blocks:
                build.pages_with_blocks[file.src_uri] = page
    return files


on_files = CombinedEvent(_announce_pages, _fill_pages)


@event_priority(100)  # before any other hook or plugin reads the page's HTML
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    rendered = build_for(config).pages_with_blocks.get(page.file.src_uri)
    if rendered is None:
        return html
    try:
        html = rendered.with_blocks(html)
    except ValueError as error:
        raise PluginError(str(error)) from None
    if page.present_anchor_ids is not None:  # MkDocs checks links to these after every page is converted
        page.present_anchor_ids |= rendered.block_anchors
    return html
