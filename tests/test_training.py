"""The course's content kinds (conversations, role-plays, self-checks, the quick reference, the
trainer guide, local procedures) through the loader and the renderer, without a build.

Each mistake an editor can make in the new files is reported like any other content problem: the
exact file:line:col, what is wrong and a hint, all in one run.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import problems_of
from handbook.loader import load_handbook
from handbook.project import read_project
from handbook.render import Renderer
from handbook.sheets import QUICK_LAYOUT, quick_sheet, quick_sheet_height, role_play_cards
from handbook.translation import translation_status
from projects import REPO, edit, make_project, make_training_project

CONVERSATION = "content/conversations/wait-at-the-desk.yaml"
ROLE_PLAY = "content/role-plays/long-wait.yaml"
SELF_CHECK = "content/self-checks/listen.yaml"
COURSE = "content/course.yaml"
QUICK = "content/quick-reference.yaml"
LOCAL = "content/local-procedures.yaml"
WIDE = "WWWWW MMMMM " * 24  # 288 characters of the widest letters


@pytest.fixture
def training(tmp_path: Path) -> Path:
    """A fresh copy of the minimal handbook with the small course on top."""
    return make_training_project(tmp_path / "project")


def test_the_training_fixture_is_valid(training: Path):
    assert problems_of(training) == []


def test_a_handbook_without_a_course_has_no_course_pages(tmp_path: Path):
    project = read_project(make_project(tmp_path / "plain"))
    handbook = load_handbook(project)
    paths = Renderer(handbook, "en", project.names).render_all()
    assert not [path for path in paths if path.startswith(("conversations", "practice", "quick-reference", "trainers"))]
    assert "start-here" not in paths["index"].markdown


# Each case: one edit of the training fixture, and the exact report it must produce.
CASES = {
    "conversation channel not allowed (schema)": (
        lambda p: edit(p, CONVERSATION, "channel: desk", "channel: counter"),
        [f"{CONVERSATION}:4:10: 'counter' is not allowed here (allowed: desk, phone, chat, email)"],
    ),
    "conversation turn names an unknown guideline": (
        lambda p: edit(
            p,
            CONVERSATION,
            "    guidelines: [listen-actively]\n  - speaker: customer",
            "    guidelines: [listen-activly]\n  - speaker: customer",
        ),
        [f"{CONVERSATION}:8:18: unknown guideline 'listen-activly' (did you mean 'listen-actively'?)"],
    ),
    "conversation turns missing in a language": (
        lambda p: edit(p, CONVERSATION, "      - says: Pa, danas je gužva.\n        note: Isprika bez isprike.\n", ""),
        [
            f"{CONVERSATION}:39:7: 'turns' has 4 items in 'hr' but the conversation has 5 turns"
            " (write one entry per turn listed under 'turns' at the top, in the same order)"
        ],
    ),
    "customer turn names a guideline": (
        lambda p: edit(
            p, CONVERSATION, "turns:\n  - speaker: customer\n", "turns:\n  - speaker: customer\n    guidelines: [listen-actively]\n"
        ),
        [f"{CONVERSATION}:7:5: turn 1 is the customer's: only staff turns name guidelines (remove 'guidelines', or set 'speaker: staff')"],
    ),
    "note links to an unknown guideline": (
        lambda p: edit(p, CONVERSATION, "See [listening](listen-actively)", "See [listening](listen-activelly)"),
        [f"{CONVERSATION}:23:61: link to unknown guideline 'listen-activelly' (did you mean 'listen-actively'?)"],
    ),
    "HTML in a turn": (
        lambda p: edit(p, CONVERSATION, "Please go on.", "Please <b>go</b> on."),
        [
            f"{CONVERSATION}:22:22: HTML is not allowed in content ('<b>')"
            " (write plain text; use **bold**, *italic* or [text](https://…) for formatting and links)",
            f"{CONVERSATION}:22:27: HTML is not allowed in content ('</b>')"
            " (write plain text; use **bold**, *italic* or [text](https://…) for formatting and links)",
        ],
    ),
    "role-play without an observer checklist (schema)": (
        lambda p: edit(p, ROLE_PLAY, "observe: [listen-actively, apologise-sincerely]\n", ""),
        [
            f"{ROLE_PLAY}:2:1: missing required key 'observe' (add 'observe:'; ids of the guidelines the observer watches for,"
            " in order; say what to watch for under text.<language>.observe)"
        ],
    ),
    "role-play names an unknown conversation": (
        lambda p: edit(p, ROLE_PLAY, "conversation: wait-at-the-desk", "conversation: wait-at-desk"),
        [f"{ROLE_PLAY}:5:15: unknown conversation 'wait-at-desk' (did you mean 'wait-at-the-desk'?)"],
    ),
    "role-play watches a guideline it does not declare": (
        lambda p: edit(p, ROLE_PLAY, "      listen-actively: Pušta", "      offer-solutions: Pušta"),
        [
            f"{ROLE_PLAY}:33:7: 'offer-solutions' is not a declared guideline to observe (see 'observe' at the top)"
            " (allowed: listen-actively, apologise-sincerely)"
        ],
    ),
    "role-play card does not fit": (
        lambda p: edit(
            p,
            ROLE_PLAY,
            "    title: The long wait\n    situation: The customer has waited thirty minutes at the desk.\n    customer:\n      - Start loud.\n      - Calm down when you hear a real apology.",
            f"    title: {WIDE[:110]}\n    situation: {WIDE[:250]}\n    customer:\n      - {WIDE}\n      - {WIDE}",
        ),
        [
            f"{ROLE_PLAY}:13:9: role-play card 'long-wait' (customer) in 'en' does not fit: about 330 characters too long"
            " (shorten it, or say it in fewer lines)"
        ],
    ),
    "self-check key misspelt (schema)": (
        lambda p: edit(p, SELF_CHECK, "        answer: It tells", "        anwser: It tells"),
        [f"{SELF_CHECK}:20:9: unknown key 'anwser' (did you mean 'answer'?)"],
    ),
    "self-check choices missing in a language": (
        lambda p: edit(p, SELF_CHECK, "          - Ponudite povrat novca.\n", ""),
        [f"{SELF_CHECK}:27:11: 'choices' has 2 items in 'hr' but 3 items in 'en' (each language lists the same choices in the same order)"],
    ),
    "self-check file for another section": (
        lambda p: edit(p, SELF_CHECK, "section: listen", "section: solve"),
        [
            f"{COURSE}:12:23: unknown self-check (section id) 'listen' (allowed: solve)",
            f"{SELF_CHECK}:2:10: section 'solve' does not match the file name 'listen.yaml' (rename the file to solve.yaml, or set 'section: listen')",
        ],
    ),
    "course minutes as words (schema)": (
        lambda p: edit(p, COURSE, "      - minutes: 20", "      - minutes: twenty"),
        [f"{COURSE}:8:18: expected a whole number, found text (write the number with digits only, without quotes, e.g. 10)"],
    ),
    "course uses an unknown role-play": (
        lambda p: edit(p, COURSE, "role_plays: [long-wait]", "role_plays: [long-wiat]"),
        [f"{COURSE}:11:22: unknown role-play 'long-wiat' (did you mean 'long-wait'?)"],
    ),
    "course agenda lines do not match the activities": (
        lambda p: edit(p, COURSE, "          - Role-play and self-check.\n", ""),
        [
            f"{COURSE}:33:11: 'agenda' has 2 items in 'en' but 3 items above"
            " (write one line per activity of the agenda at the top, in the same order)"
        ],
    ),
    "quick reference without a safety box (schema)": (
        lambda p: edit(p, QUICK, "safety:\n  guideline: listen-actively\n  phrase: i-see-why\n", ""),
        [f"{QUICK}:2:1: missing required key 'safety' (add 'safety:'; what to do when you feel unsafe)"],
    ),
    "quick reference step says an 'avoid' phrase": (
        lambda p: edit(p, QUICK, "    phrase: sorry-wait", "    phrase: calm-down"),
        [f"{QUICK}:8:13: phrase 'calm-down' is not a phrase to say (choose a phrase to say here)"],
    ),
    "quick reference 'never say' holds a phrase to say": (
        lambda p: edit(p, QUICK, "never: [calm-down]", "never: [sorry-wait]"),
        [f"{QUICK}:12:9: phrase 'sorry-wait' is not an 'avoid' phrase (choose an 'avoid' phrase here)"],
    ),
    "quick reference names an unknown local slot": (
        lambda p: edit(p, QUICK, "local: [manager, security]", "local: [manager, securty]"),
        [f"{QUICK}:16:18: unknown local procedure slot 'securty' (did you mean 'security'?)"],
    ),
    "quick reference does not fit on one page": (
        lambda p: [
            edit(p, QUICK, f"      {step}: {{label: {label}, hint: {hint}}}", f"      {step}: {{label: {label}, hint: {WIDE}}}")
            for step, label, hint in (
                ("listen", "Listen", "Let them finish."),
                ("apologise", "Apologise", "Say sorry first."),
                ("offer", "Offer", "Two options."),
            )
        ],
        [
            f"{QUICK}:22:37: the quick reference in 'en' does not fit on one page: about 390 characters too long"
            " (shorten the longest texts: step hints, phrases, the safety line)"
        ],
    ),
    "local procedures box on an unknown guideline": (
        lambda p: edit(p, LOCAL, "guidelines: [listen-actively]", "guidelines: [listen]"),
        [f"{LOCAL}:2:14: unknown guideline 'listen' (allowed: apologise-sincerely, listen-actively, offer-solutions)"],
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_mistakes_in_the_course_are_reported_exactly(training: Path, name: str):
    change, expected = CASES[name]
    change(training)
    assert problems_of(training) == expected


def test_a_broken_file_does_not_cascade(training: Path):
    """A conversation that fails its schema still lends its id: the role-play naming it is fine."""
    edit(training, CONVERSATION, "channel: desk", "channel: counter")
    assert [line for line in problems_of(training) if "unknown conversation" in line] == []


def test_the_translation_status_counts_the_course(training: Path):
    handbook = load_handbook(read_project(training))
    statuses = {status.language: status for status in translation_status(handbook)}
    assert statuses["hr"].complete
    spanish = {(item.kind, item.id) for item in statuses["es"].missing}
    assert {
        ("conversation", "wait-at-the-desk"),
        ("role-play", "long-wait"),
        ("self-check question", "listen/first-move"),
        ("quick reference", "quick-reference"),
        ("quick reference step", "offer"),
        ("course", "course"),
        ("session", "huddle"),
        ("local procedure slot", "security"),
    } <= spanish


def test_conversations_and_guidelines_link_both_ways(training: Path):
    project = read_project(training)
    pages = Renderer(load_handbook(project), "hr", project.names).render_all()
    conversation = pages["conversations/wait-at-the-desk"].markdown
    assert "[Aktivno slušajte](../guidelines/listen-actively.md)" in conversation
    assert 'id="turn-4"' in conversation and "hb-turn--misstep" in conversation
    guideline = pages["guidelines/listen-actively"].markdown
    assert "[Dugo čekanje na šalteru](../conversations/wait-at-the-desk.md#turn-2)" in guideline
    assert "[Dugo čekanje](../practice/role-plays.md#role-play-long-wait)" in conversation


def test_untranslated_course_text_is_flagged_on_its_page(training: Path):
    project = read_project(training)
    pages = Renderer(load_handbook(project), "es", project.names).render_all()
    for path in (
        "conversations/wait-at-the-desk",
        "practice/self-check/listen",
        "trainers",
        "quick-reference/index",
        "practice/role-plays",
    ):
        assert pages[path].untranslated, path
        assert 'class="hb-untranslated"' in pages[path].markdown, path


def test_the_home_page_starts_with_the_start_here_guidelines(training: Path):
    project = read_project(training)
    home = Renderer(load_handbook(project), "en", project.names).render_all()["index"].markdown
    start = home.index("## Start here")
    assert home.index("1. [Listen actively]", start) < home.index("1. [Apologise sincerely]", start) < home.index("## Sections")


def test_the_fit_estimates_grow_with_the_text(training: Path):
    handbook = load_handbook(read_project(training))
    names = read_project(training).names
    short = quick_sheet_height(quick_sheet(handbook, "en", "en", names))
    bilingual = quick_sheet_height(quick_sheet(handbook, "en", "hr", names))
    assert 0 < short < bilingual <= QUICK_LAYOUT.sheet_height_mm
    cards = role_play_cards(handbook, handbook.training.role_plays["long-wait"], "hr")
    assert [card.role for card in cards] == ["customer", "staff", "observer", "debrief"]
    assert cards[2].items[0].printed == "Pušta korisnika da završi. – Aktivno slušajte"


def test_the_quick_reference_layout_is_the_one_training_css_declares():
    css = (REPO / "docs" / "assets" / "training.css").read_text(encoding="utf-8")
    block = re.search(r"\.hb-quick \{(.*?)\n\}", css, re.S).group(1)
    declared = dict(re.findall(r"(--hb-quick-[a-z-]+):\s*([^;]+);", block))
    expected = QUICK_LAYOUT.css_variables()
    assert {name: declared.get(name) for name in expected} == expected


def test_the_handbook_has_the_whole_course():
    """The course of content/: what a trainer needs to run it, in every channel."""
    handbook = load_handbook(read_project(REPO))
    training = handbook.training
    conversations = training.conversations_in_order()
    assert len(conversations) >= 6
    assert {c.channel for c in conversations} == {"desk", "phone", "chat", "email"}
    assert any(turn.misstep for c in conversations for turn in c.turns), "one conversation goes wrong and recovers"
    assert any("set-a-boundary-at-the-desk" in turn.guidelines for c in conversations for turn in c.turns), "one ends with a boundary"
    assert len(training.role_plays) >= 6
    assert all(len(r.observe) >= 3 for r in training.role_plays.values())
    assert set(training.self_checks) == set(handbook.sections)
    assert all(len(check.questions) >= 3 for check in training.self_checks.values())
    assert 2 <= len(training.course.sessions) <= 3
    assert training.course.huddle.minutes == 10
    assert len(training.course.start_here) == 8
    assert [step.id for step in training.quick_reference.steps][:4] == ["listen", "thank", "acknowledge", "apologise"]
    desk = [g for g in handbook.guidelines.values() if g.section == "protect" and "face-to-face" in g.tags]
    assert {"set-a-boundary-at-the-desk", "get-safe-when-threatened"} <= {g.id for g in desk}
    assert {"set-a-boundary-at-the-desk", "get-safe-when-threatened", "recover-after-an-abusive-contact"} <= set(training.local.guidelines)
