"""The state the hooks share: one `Build` per build, and how MkDocs was started.

A `mkdocs build`, and each rebuild of `mkdocs serve`, makes a new MkDocs config object; every
language build inside it (static-i18n) shares that one object. So the `Build` for a config is made
on first use and kept while that config is the one being built: the content is read and checked
once per build, from the files as they are now, never carried over from an earlier build.
"""

from __future__ import annotations

import contextlib
import html
import weakref
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from handbook.errors import ContentError
from handbook.idschema import write_ids_schema
from handbook.loader import load_handbook
from handbook.model import Handbook
from handbook.project import Project, project_from_languages
from handbook.qr import QrCodes, is_example_address
from handbook.render import RenderedPage

from . import i18n

QR_CACHE = Path(".cache", "handbook", "qr-codes.json")
# Jinja's bytecode cache, for the theme's templates and the pages' (see template_cache).
TEMPLATE_CACHE = Path(".cache", "handbook", "templates")


@dataclass
class Session:
    """What holds for the whole process: how MkDocs was started (`on_startup` fires once, before
    any build)."""

    command: str = "build"

    @property
    def serving(self) -> bool:
        return self.command == "serve"


session = Session()


@dataclass
class Build:
    """One build of the site, in every language it makes."""

    project: Project  # every language of the handbook, built now or not
    handbook: Handbook
    site_url: str  # where the cue cards' QR codes lead: "" for an example address (no QR codes)
    qr_codes: QrCodes
    template_cache: Path | None  # where Jinja keeps compiled templates; None: compiled every time
    # Pages of the language being built that hold finished HTML, by source file (handbook_pages).
    pages_with_blocks: dict[str, RenderedPage] = field(default_factory=dict)


_current: tuple[weakref.ref[MkDocsConfig], Build] | None = None


def build_for(config: MkDocsConfig) -> Build:
    """The build `config` belongs to; made, loading and checking the content, on first use.
    Content problems become PluginError: MkDocs prints the message and exits 1, no traceback."""
    global _current  # noqa: PLW0603
    if _current is None or _current[0]() is not config:
        _current = (weakref.ref(config), _new_build(config))
    return _current[1]


def _new_build(config: MkDocsConfig) -> Build:
    root = Path(config.config_file_path).parent
    entries = [{"locale": entry.locale, "name": entry.name, "default": entry.default} for entry in i18n.languages(config)]
    project = project_from_languages(root, entries)
    try:
        handbook = load_handbook(project)
    except ContentError as error:
        raise PluginError("The handbook content has problems:\n" + error.problems.report()) from None
    # Editors' completions follow the content (idschema.py). A checkout that cannot be written to
    # keeps the schema it has: it is for editors, and the build does not read it.
    with contextlib.suppress(OSError):
        write_ids_schema(project, handbook)
    site_url = "" if is_example_address(config.site_url or "") else config.site_url
    return Build(
        project=project, handbook=handbook, site_url=site_url, qr_codes=QrCodes(root / QR_CACHE), template_cache=template_cache(root)
    )


def template_cache(root: Path) -> Path | None:
    """The folder of Jinja's own bytecode cache (`jinja2.FileSystemBytecodeCache`): the theme's and
    the pages' templates are compiled once, not in every build and every language. Jinja keys each
    template on its path and the checksum of its source, so an edited template is compiled again.
    None where the folder cannot be made: a read-only checkout compiles them every time."""
    folder = root / TEMPLATE_CACHE
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder


def theme_text(text: str) -> Markup:
    """Content text for Material's own templates (site name, navigation titles), escaped once.

    Material prints these without escaping, some of them inside attributes (aria-label): plain
    content there could break out of the attribute and add markup. As Markup the text is escaped
    here and the templates' own `| e` filters leave it alone instead of escaping it twice.
    """
    return Markup(html.escape(text, quote=True))
