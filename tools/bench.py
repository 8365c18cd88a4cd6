"""The build benchmark behind `make bench`: how fast the handbook builds, and how that grows.

Measured in one run, side by side, on throwaway copies of the site:

1. the full build of the real handbook (`mkdocs build --strict`, as `make build` runs it);
2. the floor: the same pages exported by `python -m handbook export` and built by plain MkDocs
   with the hooks off;
3. scaling: synthetic handbooks (tools/synthetic.py) 1, 4 and 16 times the real one;
4. `make serve LANGUAGES=<a second language>`: seconds from saving one YAML edit until the rebuilt
   page is served, beside plain MkDocs serving the exported pages of the same two languages after
   the same edit;
5. what readers download: each language's search index and a typical guideline page.

Times are medians of several runs. The table goes to the terminal; the figures go to
bench/results.json and, for comparison over time, to bench/history/<time>.json.

The content must validate: a benchmark of content that does not build measures nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchkit import (
    Edit,
    build_seconds,
    export_floor,
    file_size,
    html_pages,
    median,
    preview_floor,
    serve_rebuild_seconds,
)
from sitecopy import REPO, copy_site
from synthetic import read_content_file, scale_content, write_content_file

sys.path.insert(0, str(REPO / "hooks"))

from handbook.errors import ContentError
from handbook.loader import FOLDERS, load_handbook
from handbook.model import Handbook
from handbook.pages import plan_pages
from handbook.project import read_project

TARGETS = {
    "floor_ratio": 1.10,
    "growth": 17.0,
    "serve_seconds": 1.5,
    "search_index_bytes": 400 * 1024,
}


@dataclass
class Subject:
    """The handbook measured: its content folder, how to describe it, and the loaded model."""

    content: Path
    label: str
    handbook: Handbook


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark the handbook build (see the module docstring).")
    parser.add_argument("--runs", type=int, default=5, help="builds per measurement of the real handbook (default 5)")
    parser.add_argument("--scale-runs", type=int, default=3, help="builds per synthetic handbook (default 3)")
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 4, 16], help="synthetic sizes (default 1 4 16)")
    parser.add_argument("--serve-edits", type=int, default=3, help="edits of each kind timed under mkdocs serve (default 3)")
    parser.add_argument("--content", type=Path, help="content folder to measure (default: content/)")
    parser.add_argument("--code", type=Path, default=REPO, help="checkout whose site code is measured (default: this one)")
    parser.add_argument("--out", type=Path, default=REPO / "bench", help="where results.json and history/ go (default: bench/)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="handbook-bench-") as folder:
        work = Path(folder)
        subject = choose_subject(args.content, work)
        results = measure(subject, args, work)
    print(table(results))
    write_results(results, args.out)
    return 0


def choose_subject(content: Path | None, work: Path) -> Subject:
    """The handbook in `content` (default: content/), which must validate."""
    folder = content or REPO / "content"
    try:
        return Subject(folder, _relative(folder), _load(folder, work / "check"))
    except ContentError as error:
        raise SystemExit(f"{_relative(folder)} does not validate:\n{error.problems.report()}") from None


def measure(subject: Subject, args: argparse.Namespace, work: Path) -> dict[str, Any]:
    load_before = os.getloadavg()[0]
    real = copy_site(work / "real", subject.content, args.code)
    floor_config = export_floor(real, work / "floor")
    _progress("real handbook: first build, with no cache from an earlier build")
    first = build_seconds(real)
    full, floor = [], []
    for number in range(args.runs):
        _progress(f"real handbook, run {number + 1} of {args.runs}: full build, plain-MkDocs floor")
        full.append(build_seconds(real))
        floor.append(build_seconds(work / "floor", floor_config))
    full_median = median(full)
    results: dict[str, Any] = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": _commit(args.code),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "system": platform.platform()},
        "content": _describe(subject),
        "runs": args.runs,
        "full_build": {"median_seconds": full_median, "seconds": full, "first_build_seconds": first},
        "floor": {"median_seconds": median(floor), "ratio": full_median / median(floor), "seconds": floor},
    }
    results["sizes"] = sizes(real / "site", subject.handbook)
    results["scaling"] = scaling(subject, args, work)
    results["serve_rebuild"] = serve(real, work / "floor", subject, args.serve_edits)
    results["targets"] = verdicts(results)
    # Other work on the machine slows every figure: the one-minute load average, before and after.
    results["machine"]["load_average"] = {"before": load_before, "after": os.getloadavg()[0]}
    return results


def scaling(subject: Subject, args: argparse.Namespace, work: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for scale in args.scales:
        content = work / f"content-{scale}x"
        scale_content(subject.content, content, scale, *_languages())
        project = copy_site(work / f"scale-{scale}x", content, args.code)
        _progress(f"synthetic handbook {scale}x: first build, with no cache from an earlier build")
        first = build_seconds(project)  # measured like the real handbook: medians of the builds after the first
        times = []
        for number in range(args.scale_runs):
            _progress(f"synthetic handbook {scale}x, run {number + 1} of {args.scale_runs}")
            times.append(build_seconds(project))
        pages = len(html_pages(project / "site"))
        row = {"scale": scale, "pages": pages, "median_seconds": median(times), "seconds": times, "first_build_seconds": first}
        row["seconds_per_page"] = row["median_seconds"] / pages
        row["growth"] = row["median_seconds"] / rows[0]["median_seconds"] if rows else 1.0
        row["page_growth"] = pages / rows[0]["pages"] if rows else 1.0
        rows.append(row)
        shutil.rmtree(project / "site")
    return rows


def serve(project: Path, floor: Path, subject: Subject, repeats: int) -> dict[str, Any]:
    """Time `make serve LANGUAGES=<second language>` rebuilding after an edit of the first
    guideline's title in that language (a translator's edit), and in the default language; and,
    for comparison, plain MkDocs serving the exported pages of the same two languages (`floor`,
    from export_floor) after the same edits of the exported Markdown."""
    handbook = subject.handbook
    first = handbook.guidelines_in_order()[0]
    path = project / "content" / "guidelines" / f"{first.id}.yaml"
    original = path.read_bytes()
    default = handbook.default_language
    other = next(language for language in handbook.languages if language != default)

    def edit_title(language: str) -> Callable[[int], str]:
        def make(number: int) -> str:
            marker = f"Edited for the benchmark {number + 1}"
            data = read_content_file(path)
            data["text"].setdefault(language, {})["title"] = marker
            write_content_file(path, data, FOLDERS["guidelines"], depth=1)
            return marker

        return make

    def undo() -> None:
        if path.read_bytes() != original:
            path.write_bytes(original)

    page = f"guidelines/{first.id}/"
    edits = [
        Edit(f"LANGUAGES={other}, title in {other}", f"{other}/{page}", edit_title(other), undo),
        Edit(f"LANGUAGES={other}, title in {default}", page, edit_title(default), undo),
    ]
    _progress(f"make serve LANGUAGES={other}: {repeats} x {len(edits)} edits of content/guidelines/{first.id}.yaml")
    times = serve_rebuild_seconds(project, edits, repeats, languages=other)
    floor_edits = [
        _heading_edit(floor / "docs" / "guidelines" / f"{first.id}.{language}.md", edit.label, edit.page)
        for language, edit in zip((other, default), edits, strict=True)
    ]
    _progress(f"plain MkDocs serving the exported pages of {default} and {other}: {repeats} x {len(floor_edits)} edits")
    floor_times = serve_rebuild_seconds(floor, floor_edits, repeats, config=preview_floor(floor / "mkdocs.yml", [default, other]))
    kinds = {}
    for label, seconds in times.items():
        floor_seconds = floor_times[label]
        kinds[label] = {
            "median_seconds": median(seconds),
            "seconds": seconds,
            "floor_median_seconds": median(floor_seconds),
            "floor_seconds": floor_seconds,
            "floor_ratio": median(seconds) / median(floor_seconds),
        }
    return {
        "edited": f"content/guidelines/{first.id}.yaml",
        "languages": [default, other],
        "median_seconds": median(times[edits[0].label]),
        "kinds": kinds,
    }


def _heading_edit(path: Path, label: str, page: str) -> Edit:
    """The page title edited in an exported Markdown page: its first heading."""
    original = path.read_text(encoding="utf-8")

    def make(number: int) -> str:
        marker = f"Edited for the benchmark {number + 1}"
        path.write_text(re.sub(r"^# .*?(?= \{:|$)", f"# {marker}", original, count=1, flags=re.MULTILINE), encoding="utf-8")
        return marker

    def undo() -> None:
        if path.read_text(encoding="utf-8") != original:
            path.write_text(original, encoding="utf-8")

    return Edit(label, page, make, undo)


def sizes(site: Path, handbook: Handbook) -> dict[str, Any]:
    indexes = {}
    for language in handbook.languages:
        folder = site if language == handbook.default_language else site / language
        indexes[language] = file_size(folder / "search" / "search_index.json")
    guideline_pages = [file_size(site / "guidelines" / g.id / "index.html") for g in handbook.guidelines_in_order()]
    return {"search_index_bytes": indexes, "guideline_page_bytes": int(median(guideline_pages))}


def verdicts(results: dict[str, Any]) -> dict[str, bool]:
    largest = results["scaling"][-1]
    return {
        "floor_ratio": results["floor"]["ratio"] <= TARGETS["floor_ratio"],
        "growth": largest["growth"] <= TARGETS["growth"] * largest["scale"] / 16,
        "serve_seconds": all(kind["median_seconds"] <= TARGETS["serve_seconds"] for kind in results["serve_rebuild"]["kinds"].values()),
        "search_index_bytes": max(results["sizes"]["search_index_bytes"].values()) <= TARGETS["search_index_bytes"],
    }


def table(results: dict[str, Any]) -> str:
    """The one table `make bench` prints."""
    ok = {True: "ok", False: "MISSED"}
    targets = results["targets"]
    content = results["content"]
    floor = results["floor"]
    rows = [
        ("(1) full build", f"{results['full_build']['median_seconds']:.2f} s", "", ""),
        ("    first build, no cache yet", f"{results['full_build']['first_build_seconds']:.2f} s", "", ""),
        (
            "(2) plain MkDocs floor (hooks off)",
            f"{floor['median_seconds']:.2f} s; full = {floor['ratio']:.2f}x",
            f"<= {TARGETS['floor_ratio']:.2f}x",
            ok[targets["floor_ratio"]],
        ),
    ]
    for row in results["scaling"]:
        last = row is results["scaling"][-1]
        rows.append(
            (
                f"(3) synthetic {row['scale']}x: {row['pages']} pages",
                f"{row['median_seconds']:.1f} s; {1000 * row['seconds_per_page']:.1f} ms/page; growth {row['growth']:.1f}x",
                f"<= {TARGETS['growth'] * row['scale'] / 16:.1f}x" if last else "",
                ok[targets["growth"]] if last else "",
            )
        )
    for label, kind in results["serve_rebuild"]["kinds"].items():
        within = kind["median_seconds"] <= TARGETS["serve_seconds"]
        rows.append(("(4) serve rebuild, " + label, f"{kind['median_seconds']:.2f} s", f"<= {TARGETS['serve_seconds']:.1f} s", ok[within]))
        plain = f"{kind['floor_median_seconds']:.2f} s; rebuild = {kind['floor_ratio']:.2f}x"
        rows.append(("    plain MkDocs serving the same pages", plain, "", ""))
    indexes = results["sizes"]["search_index_bytes"]
    rows.append(
        (
            "(5) search index per language",
            " ".join(f"{language} {size / 1024:.0f}" for language, size in indexes.items()) + " KB",
            f"<= {TARGETS['search_index_bytes'] // 1024} KB",
            ok[targets["search_index_bytes"]],
        )
    )
    rows.append(("    guideline page (median)", f"{results['sizes']['guideline_page_bytes'] / 1024:.0f} KB", "", ""))
    widths = [max(len(row[column]) for row in rows) for column in range(4)]
    heading = (
        f"Handbook build benchmark, {results['when']}, commit {results['commit']}, {results['machine']['cpus']} CPUs, "
        f"load average {results['machine']['load_average']['before']:.1f} before, {results['machine']['load_average']['after']:.1f} after\n"
        f"Content: {content['label']}: {content['guidelines']} guidelines, {content['phrase_lists']} phrase lists, "
        f"{content['phrases']} phrases, {len(content['languages'])} languages, {content['pages']} pages; "
        f"medians of {results['runs']} runs"
    )
    lines = [heading, ""] + ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows]
    return "\n".join(lines)


def write_results(results: dict[str, Any], out: Path) -> None:
    text = json.dumps(results, indent=2, ensure_ascii=False) + "\n"
    (out / "history").mkdir(parents=True, exist_ok=True)
    (out / "results.json").write_text(text, encoding="utf-8")
    stamp = results["when"].replace(":", "").replace("+0000", "Z")
    (out / "history" / f"{stamp}.json").write_text(text, encoding="utf-8")
    print(f"\nwrote {_relative(out / 'results.json')} and {_relative(out / 'history' / f'{stamp}.json')}")


def _load(content: Path, root: Path) -> Handbook:
    """Load a content folder as a build of this checkout would."""
    copy_site(root, content)
    return load_handbook(read_project(root))


def _languages() -> tuple[tuple[str, ...], str]:
    project = read_project(REPO)
    return project.languages, project.default_language


def _describe(subject: Subject) -> dict[str, Any]:
    handbook = subject.handbook
    return {
        "label": subject.label,
        "guidelines": len(handbook.guidelines),
        "phrase_lists": len(handbook.phrase_lists),
        "phrases": len(handbook.phrases),
        "languages": list(handbook.languages),
        "pages": len(plan_pages(handbook)) * len(handbook.languages),
    }


def _commit(code: Path) -> str:
    result = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=code, capture_output=True, text=True, check=False)
    return result.stdout.strip() or "unknown"


def _relative(path: Path) -> str:
    try:
        return path.resolve().relative_to(REPO).as_posix()
    except ValueError:
        return str(path)


def _progress(message: str) -> None:
    print(f"... {message}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
