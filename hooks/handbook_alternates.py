"""The language switcher and the language alternates in each page's head.

The switcher lists every language of the handbook, also in a preview that builds only some of
them: the list is set here, before static-i18n's `on_config` (-100) takes it over and points each
entry at the same page in that language. Material writes `<link rel="alternate" hreflang>` in the
head with relative URLs; search engines expect absolute ones built on site_url, and an x-default
pointing at the default language.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from sitebuild import i18n

_ALTERNATE = re.compile(r'<link rel="alternate" href="([^"]*)" hreflang="([^"]+)">')


@event_priority(90)  # before static-i18n (-100) reads the switcher's languages
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.extra["alternate"] = i18n.home_alternates(config)
    return config


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    if not config.site_url:
        return output
    page_url = urljoin(config.site_url, page.url)
    default = i18n.default_language(config)
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
