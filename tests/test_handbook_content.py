"""The real handbook in content/: complete in every language, and really translated.

The loader already refuses broken content; these tests hold the handbook itself to the promise
that every language is first-class: every text the English master has exists in every language,
none is empty, and none is the English text copied over (unless it is listed below, with why).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from handbook.cli import main as handbook_cli
from handbook.loader import load_handbook
from handbook.project import read_project
from handbook.sources import coverage, coverage_markdown
from handbook.translation import translation_status
from projects import REPO

CONTENT = REPO / "content"
MASTER = "en"

# Texts that are rightly the same as in English, per language: (file, path inside the language
# block). Keep this list short and say why each entry is here.
SAME_AS_ENGLISH: dict[str, set[tuple[str, str]]] = {
    # Paper sizes are international names.
    "*": {
        ("ui.yaml", "paper_a4"),
        # A customer types nothing but the order number into the chat.
        ("conversations/refund-in-the-chat.yaml", "turns[4].says"),
    },
    # Croatian printer dialogues and shops name it so too; "min" is how these languages shorten
    # minutes too.
    "hr": {("ui.yaml", "paper_letter"), ("ui.yaml", "minutes")},
    "es": {("ui.yaml", "minutes")},
    # "Material" is the Swedish word too.
    "sv": {("ui.yaml", "minutes"), ("ui.yaml", "agenda_material")},
}


@pytest.fixture(scope="module")
def handbook():
    return load_handbook(read_project(REPO))


def content_files() -> list[Path]:
    return sorted(CONTENT.rglob("*.yaml"))


def strings(value: object, path: str = "") -> Iterator[tuple[str, object]]:
    """Every leaf of a text block as (dotted path, value); lists are indexed."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from strings(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from strings(item, f"{path}[{index}]")
    else:
        yield path, value


def text_blocks() -> Iterator[tuple[str, dict, dict]]:
    for path in content_files():
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and "text" in data:
            yield path.relative_to(CONTENT).as_posix(), data["text"], data["text"][MASTER]


def test_every_language_is_complete(handbook):
    incomplete = {
        status.language: [f"{item.kind} {item.id}: {', '.join(item.fields)}" for item in status.missing]
        for status in translation_status(handbook)
    }
    assert {language: missing for language, missing in incomplete.items() if missing} == {}
    assert sorted(incomplete) == sorted(["en", "hr", "es", "el", "sv"])


def test_make_check_reports_every_language_at_100_percent(capsys, monkeypatch):
    monkeypatch.chdir(REPO)
    assert handbook_cli(["check"]) == 0
    table = capsys.readouterr().out
    for language in ["en", "hr", "es", "el", "sv"]:
        row = next(line for line in table.splitlines() if line.startswith(f"{language} "))
        assert row.endswith("100.0%  complete"), table


def test_every_text_exists_in_every_language_and_is_not_empty():
    """A language may add card wording of its own (`card.steps`, `card.summary`...): a shorter
    wording where its text is longer than the card allows. Nothing else is extra."""
    problems = []
    for file, blocks, master in text_blocks():
        master_paths = dict(strings(master))
        for language, block in blocks.items():
            found = dict(strings(block))
            problems += [f"{file}: {language} lacks {path}" for path in master_paths if path not in found]
            problems += [
                f"{file}: {language} has extra {path}" for path in found if path not in master_paths and not path.startswith("card.")
            ]
            problems += [f"{file}: {language}.{path} is empty" for path, value in found.items() if not str(value).strip()]
    assert problems == []


def test_no_translation_is_the_english_text_copied_over():
    copied = []
    for file, blocks, master in text_blocks():
        english = dict(strings(master))
        for language, block in blocks.items():
            if language == MASTER:
                continue
            allowed = SAME_AS_ENGLISH.get("*", set()) | SAME_AS_ENGLISH.get(language, set())
            for path, value in strings(block):
                if value == english.get(path) and (file, path) not in allowed:
                    copied.append(f"{file}: {language}.{path} = {value!r}")
    assert copied == []


def test_the_exceptions_are_still_needed():
    """An entry in SAME_AS_ENGLISH that no longer matches anything is stale: remove it."""
    used = set()
    for file, blocks, master in text_blocks():
        english = dict(strings(master))
        for language, block in blocks.items():
            for path, value in strings(block):
                if language != MASTER and value == english.get(path):
                    used.add((file, path))
    declared = set().union(*SAME_AS_ENGLISH.values())
    assert declared - used == set()


def test_the_handbook_is_big_enough_and_phrases_are_aligned(handbook):
    assert len(handbook.guidelines) >= 25
    assert len(handbook.phrases) >= 60
    for phrase in handbook.phrases.values():
        assert sorted(phrase.texts) == sorted(handbook.languages), phrase.id
    avoid = [phrase for phrase in handbook.phrases.values() if phrase.kind == "avoid"]
    assert len(avoid) >= 10
    assert all(sorted(phrase.why) == sorted(handbook.languages) for phrase in avoid)


def test_every_section_has_guidelines_and_every_guideline_cites_a_source(handbook):
    assert [section_id for section_id, section in handbook.sections.items() if not section.guidelines] == []
    assert [guideline.id for guideline in handbook.guidelines.values() if not guideline.sources] == []


def test_every_source_point_is_covered_and_the_table_is_current(handbook):
    uncovered = [point for point, guidelines in coverage(handbook).items() if not guidelines]
    assert uncovered == []
    assert len(handbook.sources) == 4
    committed = (CONTENT / "SOURCES.md").read_text(encoding="utf-8")
    assert committed == coverage_markdown(handbook), "content/SOURCES.md is out of date: run `make sources`"


@pytest.mark.build
def test_the_built_handbook_shows_no_fallback(handbook_site: Path):
    pages = sorted(handbook_site.rglob("*.html"))
    assert len(pages) > 5 * 50
    markers = ('class="hb-untranslated"', 'class="hb-badge"', 'class="hb-card__tag"')  # notice, phrasebook, cue card
    flagged = [
        page.relative_to(handbook_site).as_posix()
        for page in pages
        if any(marker in page.read_text(encoding="utf-8") for marker in markers)
    ]
    assert flagged == []


@pytest.mark.build
def test_every_language_has_the_same_pages_and_its_own_search(handbook_site: Path, handbook):
    def pages(root: Path) -> set[str]:
        return {
            page.relative_to(root).as_posix()
            for page in root.rglob("index.html")
            if page.relative_to(root).parts[0] not in ("hr", "es", "el", "sv")
        }

    english = pages(handbook_site)
    assert len([page for page in english if page.startswith("guidelines/")]) == len(handbook.guidelines)
    for language in ["hr", "es", "el", "sv"]:
        assert pages(handbook_site / language) == english, language
    for language in ["", "hr/", "es/", "el/", "sv/"]:
        index = handbook_site / language / "search/search_index.json"
        assert 0 < index.stat().st_size <= 400_000, f"{index}: {index.stat().st_size} bytes"
