"""`make audit`: the pages staff use most, checked by third-party tools as a deployed site.

The site is built for the address it is then served at (SITE_URL, as a deployment would be) and
served the way a web server serves a static site, text compressed with gzip. Lighthouse (mobile,
with Debian's chromium) scores the home page, a guideline, the phrasebook and a cue-card page in
every language, and the W3C Nu HTML checker reads the same pages. It prints the scores, every
Lighthouse audit that lost points and every HTML error; errors in the theme's own markup (listed
in MATERIAL_MARKUP, with why) are counted apart from the handbook's. The exit status is 1 when a
page misses its target (accessibility, best practices and SEO 100, performance at least 90) or
the handbook's own markup has an error.

Not part of `make test`: it takes minutes. Lighthouse and the checker are installed by `make audit`
into tools/audit/node_modules from tools/audit/package-lock.json, apart from the test packages.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from handbook.project import read_project
from localsite import LanguageNotFoundHandler, free_port

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "tools" / "audit" / "node_modules"
LIGHTHOUSE = TOOLS / "lighthouse" / "cli" / "index.js"
VNU = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 90, "accessibility": 100, "best-practices": 100, "seo": 100}
PAGES = {"home": "", "guideline": "guidelines/listen-actively/", "phrasebook": "phrases/", "cue cards": "cards/{other}/"}
# The Nu checker's errors on every stock Material page: the theme's markup, not the handbook's.
MATERIAL_MARKUP = {
    # the drawer and search toggles: <input type="checkbox" autocomplete="off"> (partials in base.html)
    "Attribute “autocomplete” is only allowed when the input type is",
    # navigation.indexes: the section index page's nav title is a label for the hidden toc toggle
    "The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control.",
}
COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--languages", nargs="*", help="only these languages (default: every language of mkdocs.yml)")
    parser.add_argument("--pages", nargs="*", choices=list(PAGES), help="only these page kinds (default: all)")
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page; the median scores count (default 1)")
    parser.add_argument("--keep", type=Path, help="keep the Lighthouse reports (JSON) in this folder")
    args = parser.parse_args(argv)
    for tool in (LIGHTHOUSE, VNU):
        if not tool.exists():
            print(f"{tool.relative_to(ROOT)} is missing: run `make audit`, which installs it", file=sys.stderr)
            return 2
    languages = args.languages or configured_languages()
    default = configured_languages()[0]
    kinds = args.pages or list(PAGES)

    with tempfile.TemporaryDirectory(prefix="handbook-audit-") as folder:
        site = Path(folder) / "site"
        port = free_port()
        base = f"http://127.0.0.1:{port}/"
        print(f"Building the site for {base} ...", flush=True)
        build(site, base)
        pages = [(language, kind, page_path(language, kind, default, languages)) for language in languages for kind in kinds]
        with serve(site, port):
            scores = {}
            for language, kind, path in pages:
                print(f"Lighthouse: {language} {kind} ({path or '/'}) ...", flush=True)
                scores[(language, kind)] = lighthouse(base + path, args.runs, args.keep, f"{language}-{kind.replace(' ', '-')}")
        own, theirs = check_markup([site / path / "index.html" for _, _, path in pages])

    return report(scores, own, theirs)


def configured_languages() -> list[str]:
    """The languages of mkdocs.yml, default first (as the handbook reads them)."""
    return list(read_project(ROOT).languages)


def page_path(language: str, kind: str, default: str, languages: list[str]) -> str:
    """A page of one kind in one language; the cue cards for a customer of another language."""
    other = next((lang for lang in languages if lang != language), language)
    folder = "" if language == default else f"{language}/"
    return folder + PAGES[kind].format(other=other)


def build(site: Path, site_url: str) -> None:
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "hooks")}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if result.returncode:
        sys.exit(f"The build failed:\n{result.stderr}")


class _Handler(LanguageNotFoundHandler):
    """A static web server as deployed: text compressed, each language folder's own 404 page."""

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the base class redirects to the address with a slash
            path = path / "index.html"
        if path.suffix not in COMPRESSED or "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        return _Body(body)


class _Body:
    """The compressed body, read once by the base class's copyfile."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, size: int = -1) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


@contextmanager
def serve(site: Path, port: int) -> Iterator[None]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_Handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield
    finally:
        server.shutdown()
        server.server_close()


def lighthouse(url: str, runs: int, keep: Path | None, name: str) -> dict:
    """Median scores of `runs` Lighthouse runs, and the audits that lost points in the last one."""
    results = []
    for run in range(runs):
        command = [
            "node",
            str(LIGHTHOUSE),
            url,
            f"--chrome-path={CHROMIUM}",
            f"--chrome-flags={CHROMIUM_FLAGS}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--output=json",
            "--output-path=stdout",
            "--quiet",
        ]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode:
            sys.exit(f"Lighthouse failed on {url}:\n{done.stderr[-2000:]}")
        report = json.loads(done.stdout)
        if keep:
            keep.mkdir(parents=True, exist_ok=True)
            (keep / f"{name}-{run + 1}.json").write_text(done.stdout, encoding="utf-8")
        results.append(report)
    scores = {category: statistics.median(round(100 * r["categories"][category]["score"]) for r in results) for category in CATEGORIES}
    last = results[-1]
    lost = []
    for category in CATEGORIES:
        for reference in last["categories"][category]["auditRefs"]:
            audit = last["audits"][reference["id"]]
            if reference.get("weight") and audit.get("score") is not None and audit["score"] < 1:
                lost.append(f"{category}: {audit['title']} ({audit.get('displayValue') or round(100 * audit['score'])})")
    return {"scores": scores, "lost": lost}


def check_markup(pages: list[Path]) -> tuple[list[str], list[str]]:
    """The Nu checker's errors on the pages: the handbook's own, and the theme's (MATERIAL_MARKUP)."""
    done = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--errors-only", *map(str, pages)], capture_output=True, text=True, check=False
    )
    messages = json.loads(done.stderr or '{"messages": []}')["messages"]
    own, theirs = [], []
    for message in messages:
        where = message.get("url", "").split("/site/", 1)[-1]
        line = f"{where}:{message.get('lastLine', '?')}: {message['message']}"
        (theirs if any(known in message["message"] for known in MATERIAL_MARKUP) else own).append(line)
    return own, theirs


def report(scores: dict, own: list[str], theirs: list[str]) -> int:
    print()
    print(f"{'page':<18} {'perf':>5} {'a11y':>5} {'b.p.':>5} {'seo':>5}")
    missed = []
    for (language, kind), result in scores.items():
        row = result["scores"]
        print(f"{language + ' ' + kind:<18} " + " ".join(f"{row[category]:>5}" for category in CATEGORIES))
        if any(row[category] < target for category, target in TARGETS.items()):
            missed.append((language, kind, result["lost"]))
    for category in CATEGORIES:
        values = [result["scores"][category] for result in scores.values()]
        print(f"{category}: median {statistics.median(values)}, lowest {min(values)}")
    for language, kind, lost in missed:
        print(f"\n{language} {kind} misses a target; points lost on:")
        for line in lost:
            print(f"  {line}")
    print(f"\nNu HTML checker: {len(own)} error(s) in the handbook's markup, {len(theirs)} in the theme's own (Material, known)")
    for line in own:
        print(f"  {line}")
    return 1 if missed or own else 0


if __name__ == "__main__":
    sys.exit(main())
