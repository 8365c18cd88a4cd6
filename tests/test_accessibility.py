"""No serious or critical WCAG 2.1 AA violation on the pages people use most, in every language.

axe-core (pinned in package.json, installed by `make test` with `npm ci`) is injected into each
built page in headless Chromium and run offline. Violations are fixed in our templates and CSS,
never by switching rules off.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from axecheck import serious_violations
from sites import LANGUAGES

pytestmark = pytest.mark.browser


def prefix(language: str) -> str:
    return "" if language == "en" else f"{language}/"


PAGES = [
    *(f"{prefix(language)}" for language in LANGUAGES),  # every language's home page
    *(f"{prefix(language)}guidelines/listen-actively/" for language in LANGUAGES),
    *(f"{prefix(language)}phrases/" for language in LANGUAGES),  # every language's phrasebook
    "phrases/acknowledging/",
    "tags/anger/",
    "status/",
    "cards/",  # the cue card chooser
    *(f"{prefix(language)}cards/{language}/" for language in LANGUAGES),  # every language's own card sheet
    "hr/cards/es/",  # a bilingual sheet: Croatian staff, Spanish customer
]


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violations(page, fixture_site: Path, fixture_url: str, path: str):
    response = page.goto(fixture_url + path)
    assert response.status == 200
    blocking = serious_violations(page)
    assert blocking == [], "\n".join(blocking)
