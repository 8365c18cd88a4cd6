"""Add the generated pages to the build, one Markdown file per page and language.

Two steps around static-i18n's own `on_files` (priority -100): first announce every page in
every language as `<path>.<lang>.md` so i18n can pair translations and build the language
switcher; then, for the language being built, fill in the rendered Markdown.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, Files

from handbook.pages import plan_pages
from handbook.render import rendered_pages
from handbook_mkdocs import current_language, handbook_for, project_for
from handbook_timing import timed

GENERATED_BY = "handbook"


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
    by_source = {page.plan.source_name(language): page for page in rendered.values()}
    for file in files.documentation_pages():
        page = by_source.get(file.src_uri)
        if page is not None:
            file.content_string = page.markdown
            file.generated_by = GENERATED_BY
            file.edit_uri = None
    return files


on_files = CombinedEvent(_announce_pages, _fill_pages)
