"""Outdated translations, text by text: when the English of one text changes, exactly that text is
outdated in every language that translated it, until its translator marks it as updated.

The real handbook is used where "every other language" matters (all four translate everything);
the minimal fixture where a language lacks texts. Each test edits its own copy.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from axecheck import serious_violations
from handbook.cli import main as handbook_cli
from handbook.errors import Problems
from handbook.freshness import LOCK_FILE, fingerprint
from handbook.loader import load_handbook
from handbook.project import read_project
from handbook.render import render_pages
from handbook.richtext import escape
from handbook.yamlfile import load_yaml_file
from htmlpages import article
from projects import REPO, edit, make_project
from sites import build_site, serve
from synthetic import scale_content

LISTEN = "content/guidelines/listen-actively.yaml"
OTHERS = ("hr", "es", "el", "sv")


@pytest.fixture
def real(tmp_path: Path) -> Path:
    """A fresh copy of the real handbook."""
    return make_project(tmp_path / "real", content=REPO / "content")


def change_english(project: Path, relative: str, at: tuple, change) -> tuple[str, str, int]:
    """Change the English text at `at` (a one-line text) where it is written; returns the text
    before and after, and its line."""
    file = load_yaml_file(project / relative, relative, Problems())
    old = file.data["text"]["en"]
    for part in at:
        old = old[part]
    line = file.position(("text", "en", *at))[0]
    lines = (project / relative).read_text(encoding="utf-8").splitlines(keepends=True)
    assert old in lines[line - 1], (relative, line, old)
    new = change(old)
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    (project / relative).write_text("".join(lines), encoding="utf-8")
    return old, new, line


def outdated(project: Path) -> dict[str, list[tuple[str, str, str, str]]]:
    """Per language: (file:line, kind id, field, was → now) of every outdated text."""
    handbook = load_handbook(read_project(project))
    found: dict[str, list] = {}
    for text in handbook.freshness.outdated:
        kind, item_id, field = text.item
        found.setdefault(text.language, []).append(
            (f"{text.file.name}:{text.line}", f"{kind} {item_id}", field, f"{text.was} → {text.now}")
        )
    return found


def status(project: Path, *args: str) -> tuple[int, str]:
    """`python -m handbook status` in the project, as `make status` runs it."""
    result = subprocess.run(
        [sys.executable, "-m", "handbook", "status", *args], cwd=project, capture_output=True, text=True, timeout=120, check=False
    )
    return result.returncode, result.stdout + result.stderr


def test_the_handbook_and_the_fixture_start_up_to_date(project: Path):
    assert load_handbook(read_project(REPO)).freshness.outdated == []
    assert load_handbook(read_project(project)).freshness.outdated == []


def test_one_changed_english_step_is_outdated_in_every_other_language_and_nothing_else(real: Path):
    old, new, english_line = change_english(real, LISTEN, ("steps", 1), lambda text: text.rstrip(".") + ", and wait.")
    file = load_yaml_file(real / LISTEN, LISTEN, Problems())
    found = outdated(real)
    assert sorted(found) == sorted(OTHERS)
    for language in OTHERS:
        line = file.position(("text", language, "steps", 1))[0]
        assert found[language] == [(f"{LISTEN}:{line}", "guideline listen-actively", "steps, item 2", f"{old} → {new}")]

    code, report = status(real)
    assert code == 0
    for language in OTHERS:
        row = next(row for row in report.splitlines() if row.startswith(f"{language} "))
        assert row.endswith("100.0%  1 text(s) outdated"), row
        line = file.position(("text", language, "steps", 1))[0]
        block = report.split(f"Outdated in {language}:", 1)[1]
        assert block.splitlines()[1:4] == [
            f"  - {LISTEN}:{line}: guideline listen-actively, steps, item 2",
            f"      was: {old}",
            f"      now: {new}  (line {english_line})",
        ]
        assert f"Once updated, mark them: python -m handbook translated {language} {LISTEN}" in block
    assert next(row for row in report.splitlines() if row.startswith("en ")).endswith("100.0%  complete")


def test_marking_one_language_as_updated_clears_only_that_language(real: Path, capsys, monkeypatch):
    change_english(real, LISTEN, ("steps", 1), lambda text: text.rstrip(".") + ", and wait.")
    lock_before = (real / "content" / LOCK_FILE).read_text(encoding="utf-8")
    monkeypatch.chdir(real)
    assert handbook_cli(["translated", "hr", LISTEN]) == 0
    said = capsys.readouterr().out.splitlines()
    assert said[0].startswith(f"hr: the texts of {LISTEN} are marked as translated from the current English (1 was outdated:")
    assert said[-1] == "wrote content/translations.lock.yaml"
    assert sorted(outdated(real)) == ["el", "es", "sv"]
    lock_after = (real / "content" / LOCK_FILE).read_text(encoding="utf-8")
    changed = {line for line in lock_after.splitlines() if line not in lock_before.splitlines()}
    step = load_yaml_file(real / LISTEN, LISTEN, Problems()).data["text"]["en"]["steps"][1]
    assert changed == {f"      steps[1]: '{fingerprint(step)}'", f"  '{fingerprint(step)}': {step}"}

    assert handbook_cli(["translated", "es sv", LISTEN]) == 0
    assert handbook_cli(["translated", "all"]) == 0
    assert outdated(real) == {}


def test_a_whitespace_only_edit_outdates_nothing(real: Path):
    change_english(real, LISTEN, ("title",), lambda text: "  " + text.replace(" ", "   ") + "  ")
    change_english(real, LISTEN, ("steps", 0), lambda text: text.replace(" ", "  "))
    assert outdated(real) == {}


def test_a_new_language_starts_missing_not_outdated(project: Path):
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        config.replace(
            "        - locale: sv\n", "        - locale: it\n          name: Italiano\n          build: true\n        - locale: sv\n"
        ),
        encoding="utf-8",
    )
    handbook = load_handbook(read_project(project))
    assert "it" in handbook.languages
    assert handbook.freshness.of_language("it") == []
    code, report = status(project, "--strict")
    assert code == 1
    row = next(row for row in report.splitlines() if row.startswith("it "))
    assert re.search(r" 0 / (\d+) +0\.0%  \1 item\(s\) missing$", row), row
    assert "Outdated in it" not in report


def test_a_translation_with_no_record_is_outdated_until_marked(project: Path, monkeypatch):
    lock = project / "content" / LOCK_FILE
    text = lock.read_text(encoding="utf-8")
    record = text.split("  hr:\n", 1)[1].split("    guidelines/listen-actively.yaml:\n", 1)[1].split("    guidelines/", 1)[0]
    lock.write_text(text.replace("    guidelines/listen-actively.yaml:\n" + record, "", 1), encoding="utf-8")
    found = outdated(project)
    report = status(project)[1]
    assert list(found) == ["hr"]
    assert len(found["hr"]) == len(record.splitlines())  # every text of the file: nobody said what it translates
    assert {was for _, _, _, was in found["hr"]} >= {"None → Listen actively"}
    assert "      was: (no record of the text it was translated from)" in report
    monkeypatch.chdir(project)
    assert handbook_cli(["translated", "hr", LISTEN]) == 0
    assert outdated(project) == {}


def test_a_text_the_english_dropped_is_outdated_where_a_translation_keeps_it(project: Path):
    edit(
        project,
        LISTEN,
        "    do:\n      - Keep eye contact.\n    dont:\n      - Interrupt.\n  hr:",
        "    do:\n      - Keep eye contact.\n  hr:",
    )
    found = outdated(project)
    assert sorted(found) == ["el", "hr"]
    assert [(field, was) for _, _, field, was in found["hr"]] == [("dont, item 1", "Interrupt. → None")]
    report = status(project)[1]
    assert "      now: (no longer there: remove this translation, or keep it and mark it)" in report


def test_strict_status_fails_while_anything_is_missing_or_outdated(real: Path, project: Path):
    assert status(real, "--strict")[0] == 0
    assert status(project, "--strict")[0] == 1  # the fixture lacks translations
    change_english(real, LISTEN, ("title",), lambda text: text + " today")
    assert status(real)[0] == 0
    assert status(real, "--strict")[0] == 1


def test_make_status_strict(real: Path):
    change_english(real, LISTEN, ("title",), lambda text: text + " today")
    make = ["make", "--no-print-directory", f"VENV={sys.prefix}", f"PYTHON={sys.executable}"]
    plain = subprocess.run([*make, "status"], cwd=real, capture_output=True, text=True, timeout=300, check=False)
    assert plain.returncode == 0, plain.stdout + plain.stderr
    strict = subprocess.run([*make, "status", "STRICT=1"], cwd=real, capture_output=True, text=True, timeout=300, check=False)
    assert strict.returncode != 0
    assert "1 text(s) outdated" in strict.stdout


def test_check_counts_outdated_texts_without_listing_them(real: Path, capsys, monkeypatch):
    change_english(real, LISTEN, ("title",), lambda text: text + " today")
    monkeypatch.chdir(real)
    assert handbook_cli(["check"]) == 0
    report = capsys.readouterr().out
    assert next(row for row in report.splitlines() if row.startswith("hr ")).endswith("100.0%  1 text(s) outdated")
    assert "`make status` lists them" in report
    assert "was:" not in report


def test_translated_refuses_what_it_cannot_mark(project: Path, capsys, monkeypatch):
    monkeypatch.chdir(project)
    lock = (project / "content" / LOCK_FILE).read_bytes()
    assert handbook_cli(["translated", "en"]) == 2
    assert handbook_cli(["translated", "xx", LISTEN]) == 2
    assert "name the language(s) whose texts were updated: hr, es, el, sv, or all" in capsys.readouterr().err
    assert handbook_cli(["translated", "hr", "content/sources.yaml"]) == 2
    assert "content/sources.yaml: not a content file with texts" in capsys.readouterr().err
    assert (project / "content" / LOCK_FILE).read_bytes() == lock


def test_a_damaged_lock_is_reported_with_line_and_column(project: Path):
    from conftest import problems_of

    lock = project / "content" / LOCK_FILE
    text = lock.read_text(encoding="utf-8")
    first = text.split("      title: ", 1)[1].split("\n", 1)[0]
    lock.write_text(text.replace(f"      title: {first}", "<<<<<<< HEAD", 1), encoding="utf-8")
    assert problems_of(project) == [
        "content/translations.lock.yaml: the translation lock cannot be read (this file is written by `python -m handbook translated`:"
        " after a merge keep the lines of both sides, or take it back from version control)",
        "content/translations.lock.yaml:9:14: invalid YAML: while scanning a simple key started on line 8, could not find expected ':'"
        " (each line of a mapping needs 'key: value'; check this line and the one above)",
    ]

    lock.write_text(text.replace(f"      title: {first}", "      title: not-a-fingerprint", 1), encoding="utf-8")
    line = text.split(f"      title: {first}", 1)[0].count("\n") + 1
    assert problems_of(project) == [
        f"content/translations.lock.yaml:{line}:14: 'not-a-fingerprint' is not a fingerprint (12 hexadecimal digits)"
        " (this file is written by `python -m handbook translated`: after a merge keep the lines of both sides,"
        " or take it back from version control)"
    ]


# -- what pages show -----------------------------------------------------------------------------


def test_pages_that_show_an_outdated_text_say_so_in_their_language(real: Path):
    change_english(real, LISTEN, ("steps", 1), lambda text: text.rstrip(".") + ", and wait.")
    project = read_project(real)
    handbook = load_handbook(project)
    notices = {language: handbook.ui[language]["outdated_notice"] for language in project.languages}
    for language in project.languages:
        pages = render_pages(handbook, language, project.names)
        flagged = sorted(path for path, page in pages.items() if 'class="hb-outdated"' in page.source)
        if language == "en":
            assert flagged == []
            continue
        # the guideline page, the booklet (every guideline in full), and the card pages whose cards
        # show that step in this language
        assert "guidelines/listen-actively" in flagged and "booklet" in flagged
        assert all(path in ("guidelines/listen-actively", "booklet") or path.startswith("cards/") for path in flagged), flagged
        assert notices[language] in pages["guidelines/listen-actively"].source
        assert pages["guidelines/listen-actively"].outdated == ["this guideline: steps"]
        assert pages["sections/listen/index"].outdated == []  # it shows the title and summary only


def test_the_status_page_lists_the_outdated_text_with_both_english_versions(real: Path):
    old, new, _ = change_english(real, LISTEN, ("steps", 1), lambda text: text.rstrip(".") + ", and wait.")
    project = read_project(real)
    handbook = load_handbook(project)
    file = load_yaml_file(real / LISTEN, LISTEN, Problems())
    status_page = render_pages(handbook, "hr", project.names)["status"].source
    for language in OTHERS:
        section = status_page.split(f"{{: #outdated-{language} }}", 1)[1].split("\n## ", 1)[0]
        line = file.position(("text", language, "steps", 1))[0]
        assert f"- guideline <code>listen-actively</code> (steps, item 2): {LISTEN}:{line}" in section
        assert f'    - <span class="hb-label">Engleski tekst pri prevođenju</span> {escape(old)}' in section
        assert f'    - <span class="hb-label">Engleski tekst sada</span> {escape(new)}' in section


def test_a_synthetic_handbook_is_recorded_as_fully_translated(tmp_path: Path):
    content = tmp_path / "content"
    scale_content(REPO / "tests" / "fixtures" / "minimal" / "content", content, 2, read_project(REPO).languages, "en")
    handbook = load_handbook(read_project(make_project(tmp_path / "scaled", content)))
    assert len(handbook.guidelines) == 6
    assert handbook.freshness.outdated == []


@pytest.fixture(scope="module")
def outdated_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture handbook with one English step changed, built with `mkdocs build --strict`."""
    project = make_project(tmp_path_factory.mktemp("outdated") / "project")
    change_english(project, LISTEN, ("steps", 1), lambda text: text.rstrip(".") + " or *I see*.")
    result = build_site(project)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return project


@pytest.mark.build
def test_a_build_shows_the_outdated_step_and_writes_the_ids(outdated_project: Path):
    project = outdated_project
    site = project / "site"

    croatian = article(site / "hr/guidelines/listen-actively/index.html")
    assert (
        '<div class="hb-outdated" role="note">\n<p><span class="hb-badge">Treba ažurirati</span> Dijelovi ove stranice prevedeni su'
        " s ranije inačice engleskog teksta i još nisu ažurirani.</p>\n</div>"
    ) in croatian
    assert 'class="hb-outdated"' in article(site / "el/guidelines/listen-actively/index.html")
    assert 'class="hb-outdated"' not in article(site / "guidelines/listen-actively/index.html")
    assert 'class="hb-outdated"' not in article(site / "hr/guidelines/apologise-sincerely/index.html")  # links to it, by title

    status_page = article(site / "hr/status/index.html")
    assert '<h2 id="outdated-hr">Hrvatski: Treba ažurirati' in status_page
    assert '<h2 id="outdated-el">Ελληνικά: Treba ažurirati' in status_page
    assert '<li><span class="hb-label">Engleski tekst pri prevođenju</span> Nod and say *mm-hmm*.</li>' in status_page
    assert '<li><span class="hb-label">Engleski tekst sada</span> Nod and say *mm-hmm* or *I see*.</li>' in status_page
    assert "<td>1</td></tr>" in status_page  # the outdated column of the table

    ids = json.loads((project / "schema" / "ids.schema.json").read_text(encoding="utf-8"))
    assert ids["$defs"]["guideline"]["enum"] == ["listen-actively", "apologise-sincerely", "offer-solutions"]


@pytest.mark.browser
@pytest.mark.parametrize("path", ["hr/guidelines/listen-actively/", "hr/status/", "hr/cards/es/"])
def test_the_outdated_notice_and_list_pass_axe(page, outdated_project: Path, path: str):
    with serve(outdated_project / "site") as url:
        assert page.goto(url + path).status == 200
        # the changed step is the second: the cue cards show the key step only, so no card shows it
        assert page.locator(".hb-outdated").count() == (1 if path.startswith("hr/guidelines/") else 0)
        blocking = serious_violations(page)
    assert blocking == [], "\n".join(blocking)


def test_fingerprints_are_written_as_text_for_every_yaml_reader():
    """YAML 1.2 readers (the editor's language server) read 574042e83326 unquoted as a number, and
    two such keys as the same one."""
    from handbook.freshness import _FINGERPRINT

    lock = (REPO / "content" / "translations.lock.yaml").read_text(encoding="utf-8")
    unquoted = [line for line in lock.splitlines() if re.search(r"(^|: )[0-9a-f]{12}(:|$)", line.strip())]
    assert unquoted == []
    assert len(re.findall(r"'[0-9a-f]{12}'", lock)) > 1000
    assert _FINGERPRINT.fullmatch("574042e83326")
