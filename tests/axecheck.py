"""axe-core, pinned in package.json and installed by `make test` with `npm ci`, run offline on a
page open in headless Chromium: the WCAG 2.1 AA violations that block a reader."""

from __future__ import annotations

from projects import REPO

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}


def serious_violations(page) -> list[str]:
    """Every serious or critical violation on the open page, with up to five of its elements."""
    assert AXE.exists(), "axe-core is missing: run `npm ci` (make test does)"
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", WCAG_21_AA)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} -> "
        + "; ".join(node["target"][0] if len(node["target"]) == 1 else str(node["target"]) for node in violation["nodes"][:5])
        for violation in results["violations"]
        if violation["impact"] in BLOCKING
    ]
