"""The handbook as plain objects: what the loader builds and what pages are rendered from.

Structure (ids, order, links) is language-neutral; every text lives in `texts[language]`. The
derived indexes (backlinks, phrase users, tag members) are computed once here, in linear time,
so no page has to search the whole handbook.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .freshness import Freshness
from .yamlfile import YamlFile

if TYPE_CHECKING:
    from .errors import Problems
    from .training import Training

Texts = dict[str, dict[str, Any]]


@dataclass(frozen=True)
class FieldSpec:
    """How one text field behaves: rich or plain, a list or not, needed in the default language."""

    name: str
    rich: bool = False
    is_list: bool = False
    required: bool = True


GUIDELINE_FIELDS = (
    FieldSpec("title"),
    FieldSpec("summary"),
    FieldSpec("body", rich=True),
    FieldSpec("steps", rich=True, is_list=True),
    FieldSpec("do", rich=True, is_list=True, required=False),
    FieldSpec("dont", rich=True, is_list=True, required=False),
)
CARD_FIELDS = (
    FieldSpec("title", required=False),
    FieldSpec("summary", required=False),
    FieldSpec("steps", is_list=True, required=False),
)
PHRASE_LIST_FIELDS = (FieldSpec("title"), FieldSpec("summary"))
SECTION_FIELDS = (FieldSpec("title"), FieldSpec("summary"), FieldSpec("intro", rich=True, required=False))
HANDBOOK_FIELDS = (
    FieldSpec("name"),
    FieldSpec("tagline"),
    FieldSpec("intro", rich=True),
    FieldSpec("how_to_use", rich=True, is_list=True),
    FieldSpec("phrasebook_intro", rich=True),
    FieldSpec("cards_intro", rich=True),
)


@dataclass
class Origin:
    """Where an item is written, so later checks (card fit, translations) can point at it."""

    file: YamlFile
    at: tuple = ()

    @property
    def name(self) -> str:
        return self.file.name

    def position(self, *more: Any) -> tuple[int, int]:
        return self.file.position(self.at + more)


@dataclass
class Section:
    id: str
    texts: Texts
    origin: Origin
    guidelines: list[str] = field(default_factory=list)


@dataclass
class Guideline:
    id: str
    section: str
    order: int
    tags: list[str]
    related: list[str]
    phrases: list[str]
    sources: list[str]
    card_phrases: list[str]
    texts: Texts
    origin: Origin


@dataclass
class Phrase:
    id: str
    list_id: str
    kind: str
    instead: str | None
    texts: dict[str, str]
    why: dict[str, str]
    origin: Origin


@dataclass
class PhraseList:
    id: str
    order: int
    phrases: list[str]
    texts: Texts
    origin: Origin


@dataclass
class Tag:
    id: str
    labels: dict[str, str]
    origin: Origin


@dataclass
class SourcePoint:
    source: str
    id: str
    point: str
    origin: Origin

    @property
    def ref(self) -> str:
        return f"{self.source}/{self.id}"


@dataclass
class Source:
    id: str
    language: str
    title: str
    note: str
    points: list[SourcePoint]
    origin: Origin


@dataclass
class Handbook:
    """Everything the site is built from, validated and cross-referenced."""

    languages: list[str]
    default_language: str
    texts: Texts
    ui: Texts
    ui_keys: list[str]
    sections: dict[str, Section]
    guidelines: dict[str, Guideline]
    phrase_lists: dict[str, PhraseList]
    phrases: dict[str, Phrase]
    tags: dict[str, Tag]
    sources: dict[str, Source]
    origins: dict[str, Origin] = field(default_factory=dict)
    # The course (worked conversations, practice, quick reference, trainer guide), when the
    # content has it: see training.py.
    training: Training | None = None
    # Search words (content/search.yaml, optional): synonym group id -> language -> its words on
    # one line, and language -> its other spellings ("-ise = -ize").
    synonyms: dict[str, dict[str, str]] = field(default_factory=dict)
    spellings: dict[str, list[str]] = field(default_factory=dict)
    backlinks: dict[str, list[str]] = field(default_factory=dict)
    phrase_users: dict[str, list[str]] = field(default_factory=dict)
    tag_members: dict[str, list[str]] = field(default_factory=dict)
    # The cue-card makers by language names (cards.CardMaker.of): the build-time check and every
    # language's card pages share their cards. A loaded handbook never changes.
    card_makers: dict[tuple, Any] = field(default_factory=dict, repr=False, compare=False)
    # The translations whose default-language text has changed since (freshness.py).
    freshness: Freshness = field(default_factory=Freshness, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.index()

    def index(self) -> None:
        """Derive reverse links in one pass over the guidelines, in reading order."""
        backlinks: dict[str, list[str]] = defaultdict(list)
        phrase_users: dict[str, list[str]] = defaultdict(list)
        tag_members: dict[str, list[str]] = defaultdict(list)
        for section in self.sections.values():
            section.guidelines = []
        section_position = {sid: position for position, sid in enumerate(self.sections)}

        def reading_key(guideline: Guideline) -> tuple[int, int, str]:
            return section_position.get(guideline.section, len(section_position)), guideline.order, guideline.id

        for guideline in sorted(self.guidelines.values(), key=reading_key):
            if guideline.section in self.sections:
                self.sections[guideline.section].guidelines.append(guideline.id)
            for other in guideline.related:
                backlinks[other].append(guideline.id)
            for phrase in guideline.phrases:
                phrase_users[phrase].append(guideline.id)
            for tag in guideline.tags:
                tag_members[tag].append(guideline.id)
        # A mutual relation is already listed under "Related"; "Referenced by" adds only the rest.
        self.backlinks = {}
        for target, sources in backlinks.items():
            listed = set(self.guidelines[target].related) if target in self.guidelines else set()
            if rest := [source for source in sources if source not in listed]:
                self.backlinks[target] = rest
        self.phrase_users = dict(phrase_users)
        self.tag_members = dict(tag_members)

    def guidelines_in_order(self) -> list[Guideline]:
        return [self.guidelines[gid] for section in self.sections.values() for gid in section.guidelines]

    def phrase_lists_in_order(self) -> list[PhraseList]:
        return sorted(self.phrase_lists.values(), key=lambda p: (p.order, p.id))


def register_unique(registry: dict[str, Any], item_id: str, item: Any, kind: str, problems: Problems) -> None:
    """Register an item under its id, reporting a second definition where it is written (content
    files and course files alike)."""
    first = registry.get(item_id)
    if first is None:
        registry[item_id] = item
        return
    first_line = first.origin.position("id")[0]
    item.origin.file.problem(
        problems,
        item.origin.at + ("id",),
        f"duplicate {kind} id '{item_id}' (already defined in {first.origin.name}:{first_line})",
        "every id must be unique; rename one of them",
    )
