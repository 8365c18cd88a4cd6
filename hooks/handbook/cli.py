"""Command line for editors and CI: check the content without building the site.

python -m handbook check        validate everything, print the translation status, update schema/ids.schema.json
python -m handbook status       list every missing and every outdated translation (--strict: exit 1 if there is any)
python -m handbook translated L [FILE ...]
                                mark language L's texts (in FILEs, or everywhere) as translated from today's text
python -m handbook sources      print the source coverage table (--write updates content/SOURCES.md)
python -m handbook export D     write every page as Markdown, with an mkdocs.yml that builds them without the hooks
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from .errors import ContentError
from .export import export_site
from .freshness import LOCK_FILE, OutdatedText, lock_name, mark_translated, write_lock
from .idschema import IDS_SCHEMA, write_ids_schema
from .loader import load_handbook
from .model import Handbook
from .project import Project, ProjectConfigError, read_project
from .sources import coverage_markdown
from .translation import LanguageStatus, translation_status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m handbook", description="Check the handbook content.")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="folder with mkdocs.yml and content/ (default: current folder)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate all content, print the translation status and update schema/ids.schema.json")
    status = commands.add_parser("status", help="list every missing and every outdated translation")
    status.add_argument("--strict", action="store_true", help="exit with 1 while any text is missing or outdated")
    translated = commands.add_parser(
        "translated", help="mark a language's texts as translated from the current default-language text (after updating them)"
    )
    translated.add_argument("languages", help="language code(s), e.g. hr or 'hr sv'; 'all' for every language but the default")
    translated.add_argument("files", nargs="*", type=Path, help="content files (default: every file)")
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
        if write_ids_schema(project, handbook):
            print(f"updated schema/{IDS_SCHEMA} (the ids and languages editors are offered)")
        print()
        print(status_table(translation_status(handbook), project, outdated=False))
        return 0
    if args.command == "status":
        statuses = translation_status(handbook)
        print(status_table(statuses, project, details=True))
        return 1 if args.strict and not all(s.up_to_date for s in statuses) else 0
    if args.command == "translated":
        return mark(project, handbook, args.languages, args.files)
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


def status_table(statuses: list[LanguageStatus], project: Project, *, details: bool = True, outdated: bool = True) -> str:
    """Per language: items translated, then what is missing (items) and outdated (texts).
    With `details`, every missing item; with `outdated` too, every outdated text, with what its
    default-language text said when it was translated and what it says now."""
    names = project.names
    rows = ["Translation status", f"{'language':<18} {'translated':>12} {'':>6}  missing, outdated"]
    for status in statuses:
        label = f"{status.language} {names.get(status.language, '')}".strip()
        state = [f"{len(status.missing)} item(s) missing"] if status.missing else []
        state += [f"{len(status.outdated)} text(s) outdated"] if status.outdated else []
        rows.append(f"{label:<18} {status.translated:>5} / {status.total:<5} {status.percent:>5.1f}%  {', '.join(state) or 'complete'}")
    if not details:
        return "\n".join(rows)
    for status in statuses:
        if status.missing:
            rows.append("")
            rows.append(f"Missing in {status.language}:")
            for item in status.missing:
                where = f"  ({item.origin.name})" if item.origin else ""
                rows.append(f"  - {item.kind} {item.id}: {', '.join(item.fields)}{where}")
    if not outdated:
        if any(status.outdated for status in statuses):
            rows += ["", "Outdated texts: `make status` lists them, with the text they were translated from and the text now."]
        return "\n".join(rows)
    default_name = names.get(project.default_language, project.default_language)
    for status in statuses:
        if status.outdated:
            rows.append("")
            rows.append(f"Outdated in {status.language}: the {default_name} text has changed since these were translated")
            rows += [line for text in status.outdated for line in _outdated_lines(text)]
            files = sorted({text.file.name for text in status.outdated})
            named = " ".join(files) if len(files) <= 3 else "<file> (each file you updated)"
            rows.append("")
            rows.append(f"Once updated, mark them: python -m handbook translated {status.language} {named}")
    return "\n".join(rows)


def _outdated_lines(text: OutdatedText) -> list[str]:
    kind, item_id, field = text.item
    was = "(no record of the text it was translated from)" if text.was is None else _one_line(text.was)
    now = "(no longer there: remove this translation, or keep it and mark it)" if text.now is None else _one_line(text.now)
    return [
        f"  - {text.file.name}:{text.line}: {kind} {item_id}, {field}",
        f"      was: {was}",
        f"      now: {now}" + (f"  (line {text.default_line})" if text.default_line else ""),
    ]


def _one_line(text: str) -> str:
    return " ".join(text.split())


def mark(project: Project, handbook: Handbook, languages: str, files: list[Path]) -> int:
    """`translated`: record that the translators of `languages` have checked their texts in `files`
    (every file when none is named) against today's default-language text."""
    default = handbook.default_language
    others = [language for language in handbook.languages if language != default]
    codes = others if languages.strip() == "all" else [code for code in re.split(r"[\s,]+", languages) if code]
    if not codes or any(code not in others for code in codes):
        print(f"error: name the language(s) whose texts were updated: {', '.join(others)}, or all", file=sys.stderr)
        return 2
    known = {file.path.resolve(): file for file in handbook.freshness.files}
    chosen = []
    for path in files:
        file = known.get(path.resolve()) or known.get((project.root / path).resolve())
        if file is None:
            print(f"error: {path}: not a content file with texts (e.g. content/guidelines/<id>.yaml)", file=sys.stderr)
            return 2
        chosen.append(file)
    chosen = chosen or handbook.freshness.files
    lock = mark_translated(handbook.freshness.lock, chosen, codes, default, everything=not files)
    write_lock(project.content_dir / LOCK_FILE, lock, handbook.languages)
    names = {file.name for file in chosen}
    where = chosen[0].name if len(chosen) == 1 else f"{len(chosen)} files"
    default_name = project.names.get(default, default)
    for code in codes:
        cleared = sum(1 for text in handbook.freshness.of_language(code) if text.file.name in names)
        recorded = sum(len(lock.record(code, lock_name(file))) for file in chosen)
        print(
            f"{code}: the texts of {where} are marked as translated from the current {default_name}"
            f" ({cleared} {'was' if cleared == 1 else 'were'} outdated: {recorded} text(s) recorded)"
        )
    print(f"wrote {project.display_name(project.content_dir / LOCK_FILE)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
