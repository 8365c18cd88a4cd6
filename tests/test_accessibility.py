"""No serious or critical WCAG 2.1 AA violation on the pages people use most, in every language.

axe-core (pinned in package.json, installed by `make test` with `npm ci`) is injected into each
built page in headless Chromium and run offline. Violations are fixed in our templates and CSS,
never by switching rules off.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from projects import REPO
from sites import LANGUAGES

pytestmark = pytest.mark.browser

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}


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
    assert AXE.exists(), "axe-core is missing: run `npm ci` (make test does)"
    response = page.goto(fixture_url + path)
    assert response.status == 200
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", WCAG_21_AA)
    blocking = [
        f"{violation['id']} ({violation['impact']}): {violation['help']} -> "
        + "; ".join(node["target"][0] if len(node["target"]) == 1 else str(node["target"]) for node in violation["nodes"][:5])
        for violation in results["violations"]
        if violation["impact"] in BLOCKING
    ]
    assert blocking == [], "\n".join(blocking)
