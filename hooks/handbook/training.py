"""The course built on the handbook: worked conversations, role-plays, self-checks, the quick
reference, the trainer guide and the slot for local procedures.

Each kind is optional (a handbook without content/conversations/ builds as before), and what is
there is held to the rules of the rest of the content: one stable id per item, structure first and
words per language, every id it names must exist, lists line up across languages, the default
language is complete, links point at real pages, and every problem names its file:line:col.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from .errors import Problems
from .model import FieldSpec, Handbook, Origin, Texts, register_unique
from .references import check_links
from .schema import did_you_mean
from .yamlfile import YamlFile

CHANNELS = ("desk", "phone", "chat", "email")
# Where each kind lives in content/: folders of one item per file, and single files.
FOLDERS = {"conversations": "conversation.schema.json", "role-plays": "role-play.schema.json", "self-checks": "self-check.schema.json"}
FILES = {
    "course.yaml": "course.schema.json",
    "quick-reference.yaml": "quick-reference.schema.json",
    "local-procedures.yaml": "local-procedures.schema.json",
}

CONVERSATION_FIELDS = (
    FieldSpec("title"),
    FieldSpec("summary"),
    FieldSpec("setting", rich=True),
    FieldSpec("turns", is_list=True),
    FieldSpec("takeaways", rich=True, is_list=True, required=False),
)
ROLE_PLAY_FIELDS = (
    FieldSpec("title"),
    FieldSpec("situation"),
    FieldSpec("customer", is_list=True),
    FieldSpec("staff", is_list=True),
    FieldSpec("observe"),
    FieldSpec("debrief", is_list=True),
)
QUESTION_FIELDS = (
    FieldSpec("question"),
    FieldSpec("choices", is_list=True, required=False),
    FieldSpec("answer"),
    FieldSpec("why", rich=True),
)
COURSE_FIELDS = (
    FieldSpec("title"),
    FieldSpec("summary"),
    FieldSpec("intro", rich=True),
    FieldSpec("start_here"),
    FieldSpec("conversations_intro", rich=True, required=False),
    FieldSpec("practice_intro", rich=True, required=False),
)
PLAN_FIELDS = (
    FieldSpec("title"),
    FieldSpec("summary"),
    FieldSpec("objectives", rich=True, is_list=True),
    FieldSpec("agenda", rich=True, is_list=True),
)
QUICK_FIELDS = (
    FieldSpec("title"),
    FieldSpec("summary"),
    FieldSpec("never_title"),
    FieldSpec("safety_title"),
    FieldSpec("safety"),
    FieldSpec("local_title", required=False),
)
STEP_FIELDS = (FieldSpec("label"), FieldSpec("hint"))
LOCAL_FIELDS = (FieldSpec("title"), FieldSpec("intro", rich=True))
COMPLETE_HINT = "the default language must be complete: other languages fall back to it"


@dataclass
class Turn:
    speaker: str
    guidelines: list[str]
    misstep: bool = False

    @property
    def staff(self) -> bool:
        return self.speaker == "staff"


@dataclass
class Conversation:
    id: str
    order: int
    channel: str
    turns: list[Turn]
    texts: Texts
    origin: Origin


@dataclass
class RolePlay:
    id: str
    order: int
    channel: str
    conversation: str | None
    observe: list[str]
    texts: Texts
    origin: Origin


@dataclass
class Question:
    id: str
    guidelines: list[str]
    texts: Texts
    origin: Origin


@dataclass
class SelfCheck:
    section: str
    questions: list[Question]
    origin: Origin


@dataclass
class Activity:
    minutes: int
    guidelines: list[str]
    conversations: list[str]
    role_plays: list[str]
    self_checks: list[str]


@dataclass
class Plan:
    """A session plan or the weekly huddle: timed activities and, per language, what happens."""

    id: str
    agenda: list[Activity]
    texts: Texts
    origin: Origin

    @property
    def minutes(self) -> int:
        return sum(activity.minutes for activity in self.agenda)


@dataclass
class Course:
    start_here: list[str]
    sessions: list[Plan]
    huddle: Plan
    texts: Texts
    origin: Origin


@dataclass
class QuickStep:
    id: str
    guideline: str
    phrase: str
    texts: Texts
    origin: Origin


@dataclass
class QuickReference:
    steps: list[QuickStep]
    never: list[str]
    safety_guideline: str
    safety_phrase: str
    local: list[str]
    texts: Texts
    origin: Origin


@dataclass
class Slot:
    id: str
    value: str
    labels: dict[str, str]
    origin: Origin


@dataclass
class LocalProcedures:
    guidelines: list[str]
    slots: list[Slot]
    texts: Texts
    origin: Origin

    def slot(self, slot_id: str) -> Slot | None:
        return next((slot for slot in self.slots if slot.id == slot_id), None)


@dataclass
class Training:
    """Everything the course pages are made from; empty when the content has none of it."""

    conversations: dict[str, Conversation] = field(default_factory=dict)
    role_plays: dict[str, RolePlay] = field(default_factory=dict)
    self_checks: dict[str, SelfCheck] = field(default_factory=dict)  # by section id
    course: Course | None = None
    quick_reference: QuickReference | None = None
    local: LocalProcedures | None = None
    # guideline id -> (conversation id, turn number from 1) of each staff turn that names it
    seen_in: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    # role-plays that practise a conversation, by conversation id
    practised_by: dict[str, list[str]] = field(default_factory=dict)

    def conversations_in_order(self) -> list[Conversation]:
        return sorted(self.conversations.values(), key=lambda c: (c.order, c.id))

    def role_plays_in_order(self) -> list[RolePlay]:
        return sorted(self.role_plays.values(), key=lambda r: (r.order, r.id))

    def self_checks_in_order(self, handbook: Handbook) -> list[SelfCheck]:
        return [self.self_checks[sid] for sid in handbook.sections if sid in self.self_checks]

    @property
    def has_practice(self) -> bool:
        return bool(self.role_plays or self.self_checks)

    def origins(self) -> Iterator[Origin]:
        """Where each item is written: one origin per content file."""
        for item in [*self.conversations.values(), *self.role_plays.values(), *self.self_checks.values()]:
            yield item.origin
        for single in (self.course, self.quick_reference, self.local):
            if single is not None:
                yield single.origin

    def index(self) -> None:
        """The links back: which conversations show a guideline, which role-plays practise one."""
        seen: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for conversation in self.conversations_in_order():
            for number, turn in enumerate(conversation.turns, start=1):
                for guideline in turn.guidelines if turn.staff else []:
                    if conversation.id not in (cid for cid, _ in seen[guideline]):
                        seen[guideline].append((conversation.id, number))
        self.seen_in = dict(seen)
        practised: dict[str, list[str]] = defaultdict(list)
        for role_play in self.role_plays_in_order():
            if role_play.conversation:
                practised[role_play.conversation].append(role_play.id)
        self.practised_by = dict(practised)


# -- building ------------------------------------------------------------------------------------


def _keyed(texts: Texts, part: str, key: str) -> Texts:
    """The texts of one keyed entry (a question, a step, a session) per language."""
    return {lang: block[part][key] for lang, block in texts.items() if isinstance(block.get(part), dict) and key in block[part]}


def build_training(files: dict[str, list[YamlFile]], problems: Problems) -> Training:
    """The course items of every file that passed its schema check."""
    training = Training()
    for file in files.get("conversations", []):
        data = file.data
        turns = [Turn(t["speaker"], t.get("guidelines", []), t.get("misstep", False)) for t in data["turns"]]
        conversation = Conversation(data["id"], data.get("order", 0), data["channel"], turns, data["text"], Origin(file))
        _named_after(file, data["id"], "id", problems)
        register_unique(training.conversations, conversation.id, conversation, "conversation", problems)
    for file in files.get("role-plays", []):
        data = file.data
        role_play = RolePlay(
            data["id"], data.get("order", 0), data["channel"], data.get("conversation"), data["observe"], data["text"], Origin(file)
        )
        _named_after(file, data["id"], "id", problems)
        register_unique(training.role_plays, role_play.id, role_play, "role-play", problems)
    for file in files.get("self-checks", []):
        data = file.data
        questions: dict[str, Question] = {}
        for index, entry in enumerate(data["questions"]):
            question = Question(
                entry["id"], entry.get("guidelines", []), _keyed(data["text"], "questions", entry["id"]), Origin(file, ("questions", index))
            )
            register_unique(questions, question.id, question, "question", problems)
        check = SelfCheck(data["section"], list(questions.values()), Origin(file))
        _named_after(file, data["section"], "section", problems)
        if check.section in training.self_checks:
            first = training.self_checks[check.section].origin.name
            file.problem(problems, ("section",), f"section '{check.section}' already has a self-check in {first}", "merge the two files")
        else:
            training.self_checks[check.section] = check
    if file := _single(files, "course.yaml"):
        data = file.data
        sessions = [
            Plan(entry["id"], _agenda(entry["agenda"]), _keyed(data["text"], "sessions", entry["id"]), Origin(file, ("sessions", index)))
            for index, entry in enumerate(data["sessions"])
        ]
        _no_repeats(file, [plan.id for plan in sessions], ("sessions",), "session", problems)
        huddle_texts = {lang: block["huddle"] for lang, block in data["text"].items() if "huddle" in block}
        huddle = Plan("huddle", _agenda(data["huddle"]["agenda"]), huddle_texts, Origin(file, ("huddle",)))
        training.course = Course(data["start_here"], sessions, huddle, data["text"], Origin(file))
    if file := _single(files, "quick-reference.yaml"):
        data = file.data
        steps = [
            QuickStep(
                entry["id"], entry["guideline"], entry["phrase"], _keyed(data["text"], "steps", entry["id"]), Origin(file, ("steps", index))
            )
            for index, entry in enumerate(data["steps"])
        ]
        _no_repeats(file, [step.id for step in steps], ("steps",), "step", problems)
        safety = data["safety"]
        training.quick_reference = QuickReference(
            steps, data["never"], safety["guideline"], safety["phrase"], data.get("local", []), data["text"], Origin(file)
        )
    if file := _single(files, "local-procedures.yaml"):
        data = file.data
        slots = [
            Slot(entry["id"], entry.get("value", ""), _keyed(data["text"], "slots", entry["id"]), Origin(file, ("slots", index)))
            for index, entry in enumerate(data["slots"])
        ]
        _no_repeats(file, [slot.id for slot in slots], ("slots",), "slot", problems)
        training.local = LocalProcedures(data["guidelines"], slots, data["text"], Origin(file))
    training.index()
    return training


def _agenda(entries: list[dict[str, Any]]) -> list[Activity]:
    return [
        Activity(
            entry["minutes"],
            entry.get("guidelines", []),
            entry.get("conversations", []),
            entry.get("role_plays", []),
            entry.get("self_checks", []),
        )
        for entry in entries
    ]


def _single(files: dict[str, list[YamlFile]], name: str) -> YamlFile | None:
    found = files.get(name)
    return found[0] if found else None


def _named_after(file: YamlFile, item_id: str, key: str, problems: Problems) -> None:
    if item_id == file.path.stem:
        return
    file.problem(
        problems,
        (key,),
        f"{key} '{item_id}' does not match the file name '{file.path.name}'",
        f"rename the file to {item_id}.yaml, or set '{key}: {file.path.stem}'",
    )


def _no_repeats(file: YamlFile, ids: list[str], at: tuple, kind: str, problems: Problems) -> None:
    seen: dict[str, int] = {}
    for index, item_id in enumerate(ids):
        if item_id in seen:
            line = file.position(at + (seen[item_id], "id"))[0]
            file.problem(
                problems,
                at + (index, "id"),
                f"duplicate {kind} id '{item_id}' (already used on line {line})",
                "every id in this file must be unique; rename one of them",
            )
        else:
            seen[item_id] = index


# -- checking ------------------------------------------------------------------------------------


class KnownIds(Protocol):
    def maybe_defined(self, kind: str, item_id: str) -> bool: ...


def check_training(handbook: Handbook, known: KnownIds, problems: Problems) -> None:
    """Every id the course names exists, lists line up, the default language is complete."""
    if handbook.training is not None:
        _TrainingChecker(handbook, handbook.training, known, problems).run()


class _TrainingChecker:
    def __init__(self, handbook: Handbook, training: Training, known: KnownIds, problems: Problems) -> None:
        self.hb = handbook
        self.training = training
        self.known = known
        self.problems = problems
        self.default = handbook.default_language

    def run(self) -> None:
        for conversation in self.training.conversations.values():
            self.conversation(conversation)
        for role_play in self.training.role_plays.values():
            self.role_play(role_play)
        for check in self.training.self_checks.values():
            self.self_check(check)
        if self.training.course:
            self.course(self.training.course)
        if self.training.quick_reference:
            self.quick_reference(self.training.quick_reference)
        if self.training.local:
            self.local(self.training.local)

    # -- helpers ------------------------------------------------------------------------------

    def _exists(self, origin: Origin, at: tuple, kind: str, target: str, registry: dict | list, label: str) -> bool:
        if target in registry:
            return True
        if not self.known.maybe_defined(kind, target):
            hint = did_you_mean(target, sorted(registry)) or f"no {label} is defined yet"
            origin.file.problem(self.problems, origin.at + at, f"unknown {label} '{target}'", hint)
        return False

    def _guidelines(self, origin: Origin, at: tuple, ids: list[str]) -> None:
        for index, gid in enumerate(ids):
            self._exists(origin, at + (index,), "guidelines", gid, self.hb.guidelines, "guideline")

    def _phrase(self, origin: Origin, at: tuple, phrase_id: str, kind: str) -> None:
        if not self._exists(origin, at, "phrases", phrase_id, self.hb.phrases, "phrase"):
            return
        if self.hb.phrases[phrase_id].kind != kind:
            wanted = "a phrase to say" if kind == "say" else "an 'avoid' phrase"
            origin.file.problem(self.problems, origin.at + at, f"phrase '{phrase_id}' is not {wanted}", f"choose {wanted} here")

    def _complete(self, origin: Origin, texts: Texts, fields: tuple[FieldSpec, ...], at: tuple, label: str) -> bool:
        """Report what the default language lacks; False when it has no text at all."""
        block = texts.get(self.default)
        if block is None:
            origin.file.problem(self.problems, at, f"{label} has no text in the default language ({self.default})", COMPLETE_HINT)
            return False
        for spec in fields:
            if spec.required and spec.name not in block:
                origin.file.problem(
                    self.problems,
                    at + (self.default,),
                    f"{label} is missing '{spec.name}' in the default language ({self.default})",
                    COMPLETE_HINT,
                    key=True,
                )
        return True

    def _aligned(self, origin: Origin, texts: Texts, fields: tuple[FieldSpec, ...], at: tuple, inner: tuple = ()) -> None:
        """Lists are translated item by item: each language has as many items as the default."""
        reference = texts.get(self.default, {})
        for language, block in texts.items():
            for spec in fields:
                if language == self.default or not spec.is_list or spec.name not in block or spec.name not in reference:
                    continue
                mine, theirs = len(block[spec.name]), len(reference[spec.name])
                if mine != theirs:
                    origin.file.problem(
                        self.problems,
                        at + (language,) + inner + (spec.name,),
                        f"'{spec.name}' has {_items(mine)} in '{language}' but {_items(theirs)} in '{self.default}'",
                        "each language lists the same items in the same order",
                    )

    def _declared(self, file: YamlFile, part: str, declared: list[str], label: str, inner: tuple = ()) -> None:
        """Keys under text.<language>.<part> name ids declared above."""
        for language, block in file.data["text"].items():
            entries = block
            for key in inner + (part,):
                entries = entries.get(key, {}) if isinstance(entries, dict) else {}
            for key in entries:
                if key not in declared:
                    file.problem(
                        self.problems,
                        ("text", language) + inner + (part, key),
                        f"'{key}' is not a declared {label}",
                        did_you_mean(key, declared),
                        key=True,
                    )

    def _links(self, file: YamlFile, at: tuple, text: str) -> None:
        check_links(self.hb, self.known, file, at, text, self.problems)

    def _rich(self, origin: Origin, texts: Texts, fields: tuple[FieldSpec, ...], at: tuple) -> None:
        for language, block in texts.items():
            for spec in fields:
                if not spec.rich or spec.name not in block:
                    continue
                values = block[spec.name] if spec.is_list else [block[spec.name]]
                for index, value in enumerate(values):
                    where = at + (language, spec.name) + ((index,) if spec.is_list else ())
                    self._links(origin.file, where, value)

    # -- the kinds ----------------------------------------------------------------------------

    def conversation(self, conversation: Conversation) -> None:
        origin = conversation.origin
        label = f"conversation '{conversation.id}'"
        for number, turn in enumerate(conversation.turns):
            at = ("turns", number)
            if not turn.staff and (turn.guidelines or turn.misstep):
                key = "guidelines" if turn.guidelines else "misstep"
                origin.file.problem(
                    self.problems,
                    at + (key,),
                    f"turn {number + 1} is the customer's: only staff turns name guidelines",
                    f"remove '{key}', or set 'speaker: staff'",
                    key=True,
                )
            elif turn.misstep and not turn.guidelines:
                origin.file.problem(
                    self.problems,
                    at + ("misstep",),
                    f"turn {number + 1} is a misstep but names no guideline",
                    "add 'guidelines:' with what it should have applied",
                    key=True,
                )
            self._guidelines(origin, at + ("guidelines",), turn.guidelines)
        if self._complete(origin, conversation.texts, CONVERSATION_FIELDS, ("text",), label):
            self._aligned(origin, conversation.texts, _without(CONVERSATION_FIELDS, "turns"), ("text",))
        for language, block in conversation.texts.items():
            turns = block.get("turns")
            if turns is not None and len(turns) != len(conversation.turns):
                origin.file.problem(
                    self.problems,
                    ("text", language, "turns"),
                    f"'turns' has {_items(len(turns))} in '{language}' but the conversation has {len(conversation.turns)} turns",
                    "write one entry per turn listed under 'turns' at the top, in the same order",
                )
            for number, entry in enumerate(turns or []):
                if "note" in entry:
                    self._links(origin.file, ("text", language, "turns", number, "note"), entry["note"])
        self._rich(origin, conversation.texts, CONVERSATION_FIELDS, ("text",))

    def role_play(self, role_play: RolePlay) -> None:
        origin = role_play.origin
        if role_play.conversation:
            self._exists(origin, ("conversation",), "conversations", role_play.conversation, self.training.conversations, "conversation")
        self._guidelines(origin, ("observe",), role_play.observe)
        label = f"role-play '{role_play.id}'"
        if self._complete(origin, role_play.texts, ROLE_PLAY_FIELDS, ("text",), label):
            self._aligned(origin, role_play.texts, ROLE_PLAY_FIELDS, ("text",))
            watch = role_play.texts[self.default].get("observe", {})
            for index, gid in enumerate(role_play.observe):
                if "observe" in role_play.texts[self.default] and gid not in watch:
                    origin.file.problem(
                        self.problems,
                        ("observe", index),
                        f"{label} says nothing to watch for '{gid}' in the default language ({self.default})",
                        f"add '{gid}: <what the observer watches for>' under text.{self.default}.observe",
                    )
        self._declared(origin.file, "observe", role_play.observe, "guideline to observe (see 'observe' at the top)")

    def self_check(self, check: SelfCheck) -> None:
        origin = check.origin
        self._exists(origin, ("section",), "sections", check.section, self.hb.sections, "section")
        ids = [question.id for question in check.questions]
        self._declared(origin.file, "questions", ids, "question of this self-check")
        for question in check.questions:
            self._guidelines(question.origin, ("guidelines",), question.guidelines)
            at = ("text",)
            label = f"question '{question.id}'"
            block = question.texts.get(self.default)
            if block is None:
                origin.file.problem(self.problems, at, f"{label} has no text in the default language ({self.default})", COMPLETE_HINT)
                continue
            for spec in QUESTION_FIELDS:
                if spec.required and spec.name not in block:
                    origin.file.problem(
                        self.problems,
                        ("text", self.default, "questions", question.id),
                        f"{label} is missing '{spec.name}' in the default language ({self.default})",
                        COMPLETE_HINT,
                        key=True,
                    )
            for language, texts in question.texts.items():
                choices, reference = texts.get("choices"), block.get("choices")
                if language != self.default and choices is not None and reference is not None and len(choices) != len(reference):
                    origin.file.problem(
                        self.problems,
                        ("text", language, "questions", question.id, "choices"),
                        f"'choices' has {_items(len(choices))} in '{language}' but {_items(len(reference))} in '{self.default}'",
                        "each language lists the same choices in the same order",
                    )
                if "why" in texts:
                    self._links(origin.file, ("text", language, "questions", question.id, "why"), texts["why"])

    def course(self, course: Course) -> None:
        origin = course.origin
        self._guidelines(origin, ("start_here",), course.start_here)
        plans = [*course.sessions, course.huddle]
        for plan in plans:
            for index, activity in enumerate(plan.agenda):
                at = plan.origin.at + ("agenda", index)
                for number, gid in enumerate(activity.guidelines):
                    self._exists(origin, at + ("guidelines", number), "guidelines", gid, self.hb.guidelines, "guideline")
                for number, cid in enumerate(activity.conversations):
                    self._exists(origin, at + ("conversations", number), "conversations", cid, self.training.conversations, "conversation")
                for number, rid in enumerate(activity.role_plays):
                    self._exists(origin, at + ("role_plays", number), "role-plays", rid, self.training.role_plays, "role-play")
                for number, sid in enumerate(activity.self_checks):
                    self._exists(
                        origin, at + ("self_checks", number), "self-checks", sid, self.training.self_checks, "self-check (section id)"
                    )
        self._declared(origin.file, "sessions", [plan.id for plan in course.sessions], "session (see 'sessions' at the top)")
        if self._complete(origin, course.texts, COURSE_FIELDS, ("text",), "the course"):
            for plan in plans:
                label = "the huddle" if plan is course.huddle else f"session '{plan.id}'"
                inner = ("huddle",) if plan is course.huddle else ("sessions", plan.id)
                block = plan.texts.get(self.default)
                if block is None:
                    origin.file.problem(
                        self.problems,
                        ("text", self.default),
                        f"{label} has no text in the default language ({self.default})",
                        COMPLETE_HINT,
                        key=True,
                    )
                    continue
                for spec in PLAN_FIELDS:
                    if spec.required and spec.name not in block:
                        origin.file.problem(
                            self.problems,
                            ("text", self.default) + inner,
                            f"{label} is missing '{spec.name}' in the default language ({self.default})",
                            COMPLETE_HINT,
                            key=True,
                        )
        for plan in plans:
            inner = ("huddle",) if plan is course.huddle else ("sessions", plan.id)
            for language, block in plan.texts.items():
                agenda = block.get("agenda")
                if agenda is not None and len(agenda) != len(plan.agenda):
                    origin.file.problem(
                        self.problems,
                        ("text", language) + inner + ("agenda",),
                        f"'agenda' has {_items(len(agenda))} in '{language}' but {_items(len(plan.agenda))} above",
                        "write one line per activity of the agenda at the top, in the same order",
                    )
            self._aligned(origin, plan.texts, _without(PLAN_FIELDS, "agenda"), ("text",), inner)
            for language, block in plan.texts.items():
                for spec in PLAN_FIELDS:
                    if spec.rich and spec.name in block:
                        for index, value in enumerate(block[spec.name]):
                            self._links(origin.file, ("text", language) + inner + (spec.name, index), value)
        self._rich(origin, course.texts, COURSE_FIELDS, ("text",))

    def quick_reference(self, quick: QuickReference) -> None:
        origin = quick.origin
        for step in quick.steps:
            self._exists(step.origin, ("guideline",), "guidelines", step.guideline, self.hb.guidelines, "guideline")
            self._phrase(step.origin, ("phrase",), step.phrase, "say")
        for index, phrase_id in enumerate(quick.never):
            self._phrase(origin, ("never", index), phrase_id, "avoid")
        self._exists(origin, ("safety", "guideline"), "guidelines", quick.safety_guideline, self.hb.guidelines, "guideline")
        self._phrase(origin, ("safety", "phrase"), quick.safety_phrase, "say")
        slots = [slot.id for slot in self.training.local.slots] if self.training.local else []
        for index, slot_id in enumerate(quick.local):
            if slot_id not in slots and not self.known.maybe_defined("slots", slot_id):
                hint = did_you_mean(slot_id, slots) if slots else "declare it under 'slots' in content/local-procedures.yaml"
                origin.file.problem(self.problems, ("local", index), f"unknown local procedure slot '{slot_id}'", hint)
        self._declared(origin.file, "steps", [step.id for step in quick.steps], "step (see 'steps' at the top)")
        if self._complete(origin, quick.texts, QUICK_FIELDS, ("text",), "the quick reference"):
            for step in quick.steps:
                block = step.texts.get(self.default, {})
                for spec in STEP_FIELDS:
                    if spec.name not in block:
                        origin.file.problem(
                            self.problems,
                            step.origin.at + ("id",),
                            f"step '{step.id}' has no '{spec.name}' in the default language ({self.default})",
                            f"add it under text.{self.default}.steps.{step.id}",
                        )

    def local(self, local: LocalProcedures) -> None:
        origin = local.origin
        self._guidelines(origin, ("guidelines",), local.guidelines)
        self._declared(origin.file, "slots", [slot.id for slot in local.slots], "slot (see 'slots' at the top)")
        if self._complete(origin, local.texts, LOCAL_FIELDS, ("text",), "the local procedures"):
            for slot in local.slots:
                if self.default not in slot.labels:
                    origin.file.problem(
                        self.problems,
                        slot.origin.at + ("id",),
                        f"slot '{slot.id}' has no label in the default language ({self.default})",
                        f"add '{slot.id}: <label>' under text.{self.default}.slots",
                    )
        self._rich(origin, local.texts, LOCAL_FIELDS, ("text",))


def _without(fields: tuple[FieldSpec, ...], name: str) -> tuple[FieldSpec, ...]:
    """The fields but one (a list whose length is checked against the structure instead)."""
    return tuple(spec for spec in fields if spec.name != name)


def _items(count: int) -> str:
    return f"{count} item" + ("" if count == 1 else "s")


# -- translation status --------------------------------------------------------------------------

StatusItem = tuple[str, str, list[str], Origin | None]


def training_status(handbook: Handbook, language: str) -> list[StatusItem]:
    """What the course lacks in one language, item by item, in reading order."""
    training = handbook.training
    if training is None:
        return []
    default = handbook.default_language
    items: list[StatusItem] = []

    def fields(texts: Texts, specs: tuple[FieldSpec, ...]) -> list[str]:
        own, fallback = texts.get(language, {}), texts.get(default, {})
        return [spec.name for spec in specs if spec.name not in own and spec.name in fallback]

    if training.course:
        course = training.course
        items.append(("course", "course", fields(course.texts, COURSE_FIELDS), course.origin))
        for plan in [*course.sessions, course.huddle]:
            items.append(("session", plan.id, fields(plan.texts, PLAN_FIELDS), course.origin))
    for conversation in training.conversations_in_order():
        missing = fields(conversation.texts, CONVERSATION_FIELDS)
        own, reference = conversation.texts.get(language, {}).get("turns"), conversation.texts.get(default, {}).get("turns") or []
        if own is not None and any(
            "note" in ref and (index >= len(own) or "note" not in own[index]) for index, ref in enumerate(reference)
        ):
            missing.append("turns (notes)")
        items.append(("conversation", conversation.id, missing, conversation.origin))
    for role_play in training.role_plays_in_order():
        missing = fields(role_play.texts, ROLE_PLAY_FIELDS)
        own = role_play.texts.get(language, {}).get("observe")
        if own is not None and any(gid not in own for gid in role_play.texts.get(default, {}).get("observe", {})):
            missing.append("observe")
        items.append(("role-play", role_play.id, missing, role_play.origin))
    for check in training.self_checks_in_order(handbook):
        for question in check.questions:
            items.append(("self-check question", f"{check.section}/{question.id}", fields(question.texts, QUESTION_FIELDS), check.origin))
    if training.quick_reference:
        quick = training.quick_reference
        items.append(("quick reference", "quick-reference", fields(quick.texts, QUICK_FIELDS), quick.origin))
        for step in quick.steps:
            items.append(("quick reference step", step.id, fields(step.texts, STEP_FIELDS), quick.origin))
    if training.local:
        local = training.local
        items.append(("local procedures", "local-procedures", fields(local.texts, LOCAL_FIELDS), local.origin))
        for slot in local.slots:
            missing = [] if language in slot.labels or default not in slot.labels else ["label"]
            items.append(("local procedure slot", slot.id, missing, local.origin))
    return items
