"""Language alternates in each page's head as absolute URLs, plus x-default.

Material writes `<link rel="alternate" hreflang>` with relative URLs; search engines expect
absolute ones built on site_url, and an x-default pointing at the default language.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from handbook_mkdocs import i18n_plugin
from handbook_timing import timed

_ALTERNATE = re.compile(r'<link rel="alternate" href="([^"]*)" hreflang="([^"]+)">')


@timed
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    if not config.site_url:
        return output
    page_url = urljoin(config.site_url, page.url)
    default = i18n_plugin(config).default_language
    default_link = ""

    def absolute(match: re.Match) -> str:
        nonlocal default_link
        href = urljoin(page_url, match.group(1))
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
