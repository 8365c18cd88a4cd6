"""tools/synthetic.py: a handbook N times the size of another, valid, with every id renamed in step."""

from __future__ import annotations

from pathlib import Path

import pytest

from handbook.loader import load_handbook
from handbook.pages import plan_pages
from handbook.project import read_project
from projects import MINIMAL_CONTENT, make_project
from sitecopy import REPO
from synthetic import scale_content

LANGUAGES = read_project(REPO).languages


def scaled(tmp_path: Path, scale: int, name: str = "scaled"):
    content = tmp_path / f"{name}-content"
    scale_content(MINIMAL_CONTENT, content, scale, LANGUAGES, LANGUAGES[0])
    return load_handbook(read_project(make_project(tmp_path / name, content)))


@pytest.fixture(scope="module")
def original(tmp_path_factory: pytest.TempPathFactory):
    return load_handbook(read_project(make_project(tmp_path_factory.mktemp("original") / "project")))


def test_three_copies_validate_and_hold_three_times_the_items(tmp_path: Path, original):
    handbook = scaled(tmp_path, 3)  # load_handbook raises on any problem: ids, references, coverage
    assert len(handbook.guidelines) == 3 * len(original.guidelines)
    assert len(handbook.phrase_lists) == 3 * len(original.phrase_lists)
    assert len(handbook.phrases) == 3 * len(original.phrases)
    points = sum(len(source.points) for source in handbook.sources.values())
    assert points == 3 * sum(len(source.points) for source in original.sources.values())
    assert list(handbook.sections) == list(original.sections)
    assert list(handbook.tags) == list(original.tags)


def test_scale_one_keeps_the_original_ids(tmp_path: Path, original):
    handbook = scaled(tmp_path, 1)
    assert set(handbook.guidelines) == set(original.guidelines)
    assert set(handbook.phrases) == set(original.phrases)


def test_each_copy_refers_only_to_its_own_items(tmp_path: Path, original):
    handbook = scaled(tmp_path, 3)
    for gid, guideline in original.guidelines.items():
        copy = handbook.guidelines[f"{gid}-2"]
        assert copy.related == [f"{other}-2" for other in guideline.related]
        assert copy.phrases == [f"{phrase}-2" for phrase in guideline.phrases]
        assert copy.sources == [f"{ref}-2" for ref in guideline.sources]
        assert copy.card_phrases == [f"{phrase}-2" for phrase in guideline.card_phrases]
    for pid, phrase in original.phrases.items():
        copy = handbook.phrases[f"{pid}-3"]
        assert copy.list_id == f"{phrase.list_id}-3"
        assert copy.instead == (f"{phrase.instead}-3" if phrase.instead else None)
    body = handbook.guidelines["listen-actively-2"].texts["hr"]["body"]
    assert "[ispriku](apologise-sincerely-2)" in body


def test_every_language_gets_the_texts_the_default_language_has(tmp_path: Path, original):
    assert "es" not in original.guidelines["listen-actively"].texts  # the fixture has no Spanish guideline text
    handbook = scaled(tmp_path, 2)
    for language in LANGUAGES:
        assert handbook.guidelines["listen-actively-2"].texts[language]["title"]
        assert language in handbook.phrases["calm-down-2"].why
    # what a language has of its own stays its own
    assert handbook.guidelines["listen-actively"].texts["hr"]["title"] == "Aktivno slušajte"
    assert handbook.guidelines["listen-actively"].texts["el"]["card"]["summary"] == "Αφήστε τον πελάτη να τελειώσει."


def test_page_count_grows_with_the_scale(tmp_path: Path, original):
    one, four = scaled(tmp_path, 1, "one"), scaled(tmp_path, 4, "four")
    shared = len(plan_pages(original)) - len(original.guidelines) - len(original.phrase_lists)
    assert len(plan_pages(one)) == len(plan_pages(original))
    assert len(plan_pages(four)) == shared + 4 * (len(original.guidelines) + len(original.phrase_lists))


def test_refuses_to_write_over_a_folder_with_files(tmp_path: Path):
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "keep.yaml").write_text("id: keep\n", encoding="utf-8")
    with pytest.raises(FileExistsError):
        scale_content(MINIMAL_CONTENT, tmp_path / "content", 2, LANGUAGES, LANGUAGES[0])
    assert (tmp_path / "content" / "keep.yaml").exists()
