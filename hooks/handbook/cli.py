"""Command line for editors and CI: check the content without building the site.

python -m handbook check     validate everything, print the translation status
python -m handbook status    list every missing translation, item by item
python -m handbook sources   print the source coverage table (--write updates content/SOURCES.md)
python -m handbook export D  write every page as Markdown, with an mkdocs.yml that builds them without the hooks
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import ContentError
from .export import export_site
from .loader import load_handbook
from .model import Handbook
from .project import Project, ProjectConfigError, read_project
from .sources import coverage_markdown
from .translation import LanguageStatus, translation_status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m handbook", description="Check the handbook content.")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="folder with mkdocs.yml and content/ (default: current folder)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate all content and print the translation status")
    status = commands.add_parser("status", help="list every missing translation")
    status.add_argument("--strict", action="store_true", help="exit with 1 when any language is incomplete")
    sources = commands.add_parser("sources", help="print the table of source points and the guidelines covering them")
    sources.add_argument("--write", action="store_true", help="write the table to content/SOURCES.md")
    export = commands.add_parser("export", help="write the generated Markdown and an mkdocs.yml that builds it without the hooks")
    export.add_argument("out", type=Path, help="folder to write (new or empty); build it with: mkdocs build -f <folder>/mkdocs.yml")
    args = parser.parse_args(argv)

    try:
        project = read_project(args.root.resolve())
        handbook = load_handbook(project)
    except ProjectConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except ContentError as error:
        print(error.problems.report(), file=sys.stderr)
        return 1

    if args.command == "check":
        print(summary(handbook))
        print()
        print(status_table(translation_status(handbook), project))
        return 0
    if args.command == "status":
        statuses = translation_status(handbook)
        print(status_table(statuses, project, details=True))
        return 1 if args.strict and not all(s.complete for s in statuses) else 0
    if args.command == "export":
        try:
            count = export_site(project, handbook, args.out.resolve())
        except FileExistsError as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
        print(f"wrote {count} pages to {args.out}; build them with: mkdocs build -f {args.out / 'mkdocs.yml'}")
        return 0
    table = coverage_markdown(handbook)
    if args.write:
        (project.content_dir / "SOURCES.md").write_text(table, encoding="utf-8")
        print(f"wrote {project.display_name(project.content_dir / 'SOURCES.md')}")
    else:
        print(table, end="")
    return 0


def summary(handbook: Handbook) -> str:
    points = sum(len(source.points) for source in handbook.sources.values())
    return (
        f"Content OK: {len(handbook.sections)} sections, {len(handbook.guidelines)} guidelines, "
        f"{len(handbook.phrase_lists)} phrase lists, {len(handbook.phrases)} phrases, "
        f"{len(handbook.tags)} tags, {points} source points, languages: {', '.join(handbook.languages)}"
    )


def status_table(statuses: list[LanguageStatus], project: Project, *, details: bool = True) -> str:
    names = project.names
    rows = ["Translation status", f"{'language':<18} {'translated':>12} {'':>6}  missing"]
    for status in statuses:
        label = f"{status.language} {names.get(status.language, '')}".strip()
        state = "complete" if status.complete else f"{len(status.missing)} item(s)"
        rows.append(f"{label:<18} {status.translated:>5} / {status.total:<5} {status.percent:>5.1f}%  {state}")
    if details:
        for status in statuses:
            if status.missing:
                rows.append("")
                rows.append(f"Missing in {status.language}:")
                for item in status.missing:
                    where = f"  ({item.origin.name})" if item.origin else ""
                    rows.append(f"  - {item.kind} {item.id}: {', '.join(item.fields)}{where}")
    return "\n".join(rows)


if __name__ == "__main__":
    sys.exit(main())
