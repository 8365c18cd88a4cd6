"""What an edit changes, language by language: `mkdocs serve` builds again only those languages."""

from __future__ import annotations

from pathlib import Path

from handbook.changes import language_digests, unchanged_languages
from handbook.loader import load_handbook
from handbook.project import read_project
from projects import edit

LISTEN = "content/guidelines/listen-actively.yaml"


def digests(project: Path) -> dict[str, str]:
    loaded = read_project(project)
    return language_digests(load_handbook(loaded), loaded.names, "https://handbook.example.org/")


def changed_by(project: Path, old: str, new: str, file: str = LISTEN) -> set[str]:
    before = digests(project)
    edit(project, file, old, new)
    after = digests(project)
    return set(after) - set(unchanged_languages(before, after))


def test_nothing_changes_without_an_edit(project: Path):
    assert unchanged_languages(digests(project), digests(project)) == ["en", "hr", "es", "el", "sv"]


def test_a_translation_changes_its_own_language_only(project: Path):
    assert changed_by(project, "    title: Aktivno slušajte", "    title: Pažljivo slušajte") == {"hr"}


def test_the_default_language_changes_the_languages_that_show_it(project: Path):
    # Croatian and Greek have their own title; Spanish and Swedish show the English one.
    assert changed_by(project, "    title: Listen actively", "    title: Listen with care") == {"en", "es", "sv"}


def test_an_interface_word_changes_its_language(project: Path):
    ui = (project / "content/ui.yaml").read_text(encoding="utf-8")
    hr_block = ui[ui.index("\n  hr:") :]
    word = next(line for line in hr_block.splitlines() if line.startswith("    page_not_found:"))
    assert changed_by(project, word, word + " (uredi)", "content/ui.yaml") == {"hr"}


def test_a_new_order_changes_every_language(project: Path):
    assert changed_by(project, "order: 10\n", "order: 99\n") == {"en", "hr", "es", "el", "sv"}
