"""The derived indexes of the model: what each page lists besides its own content."""

from __future__ import annotations

from pathlib import Path

from handbook.loader import load_handbook
from handbook.project import read_project
from projects import edit


def test_referenced_by_lists_only_links_not_already_related(project: Path):
    # listen-actively -> apologise-sincerely, and now apologise-sincerely -> listen-actively too.
    edit(project, "content/guidelines/apologise-sincerely.yaml", "tags: [wording]\n", "tags: [wording]\nrelated: [listen-actively]\n")
    handbook = load_handbook(read_project(project))
    assert handbook.guidelines["listen-actively"].related == ["apologise-sincerely"]
    assert handbook.backlinks["listen-actively"] == ["offer-solutions"]  # apologise-sincerely is under Related
    assert "apologise-sincerely" not in handbook.backlinks  # its only backlink is already related


def test_phrase_users_and_tag_members_follow_reading_order(project: Path):
    handbook = load_handbook(read_project(project))
    order = [guideline.id for guideline in handbook.guidelines_in_order()]
    for users in [*handbook.phrase_users.values(), *handbook.tag_members.values()]:
        assert users == sorted(users, key=order.index)
