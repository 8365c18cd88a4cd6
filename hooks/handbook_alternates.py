"""Language alternates in each page's head as absolute URLs, plus x-default.

Material writes `<link rel="alternate" hreflang>` with relative URLs; search engines expect
absolute ones built on site_url, and an x-default pointing at the default language.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from handbook_mkdocs import i18n_plugin
from handbook_timing import timed

_ALTERNATE = re.compile(r'<link rel="alternate" href="([^"]*)" hreflang="([^"]+)">')
# A page address "scheme://host/folder/.../" (directory URLs), split into its origin and folders.
_FOLDER_URL = re.compile(r"([a-z][a-z0-9+.-]*://[^/?#@]+)(/(?:[^/?#.][^/?#]*/)*)")
# The links Material writes: "../" steps up, or a path from the site root, then folders.
_FOLDER_LINK = re.compile(r"((?:\.\./)*)(\./)?((?:[^/?#:.][^/?#:]*/)*)|(/(?:[^/?#:.][^/?#:]*/)*)")


@timed
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    if not config.site_url:
        return output
    page_url = urljoin(config.site_url, page.url)
    default = i18n_plugin(config).default_language
    default_link = ""
    join = _folder_join(page_url)

    def absolute(match: re.Match) -> str:
        nonlocal default_link
        href = join(match.group(1))
        if match.group(2) == default:
            default_link = href
        return f'<link rel="alternate" href="{href}" hreflang="{match.group(2)}">'

    # The alternates are in the head: leave the (much longer) rest of the page unsearched.
    head_end = output.find("</head>")
    head, rest = (output[:head_end], output[head_end:]) if head_end >= 0 else (output, "")
    head = _ALTERNATE.sub(absolute, head)
    if default_link:
        marker = f'hreflang="{default}">'
        head = head.replace(marker, f'{marker}\n    <link rel="alternate" href="{default_link}" hreflang="x-default">', 1)
    return head + rest


def _folder_join(page_url: str) -> Callable[[str], str]:
    """urljoin(page_url, link), where both are plain folder addresses worked out directly (a few
    thousand links a build; urljoin's general parsing was most of this hook's time); anything
    else goes to urljoin itself."""
    page = _FOLDER_URL.fullmatch(page_url)
    if page is None:
        return lambda link: urljoin(page_url, link)
    origin, folders = page.group(1), page.group(2).split("/")[1:-1]

    def join(link: str) -> str:
        parts = _FOLDER_LINK.fullmatch(link)
        if parts is None:
            return urljoin(page_url, link)
        up, _, rest, from_root = parts.groups()
        if from_root is not None:
            return origin + from_root
        kept = folders[: max(len(folders) - len(up) // 3, 0)]
        return origin + "/" + "".join(folder + "/" for folder in kept) + rest

    return join
