"""Per-language views of the content, with the default language filling any gap.

A missing translation must be visible, never silent: every view records which fields fell back,
so pages can show a notice and the status report can list exactly what is left to translate.
So must an outdated one (translated from a default-language text that has changed since, see
freshness.py): every view also records which of its own fields are outdated.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from .freshness import OutdatedText
from .model import (
    GUIDELINE_FIELDS,
    HANDBOOK_FIELDS,
    PHRASE_LIST_FIELDS,
    SECTION_FIELDS,
    FieldSpec,
    Handbook,
    Origin,
    Texts,
)
from .training import training_status


@dataclass
class Localized:
    """The text of one item in one language; `missing` names the fields shown in the default
    language, `outdated` those translated from an earlier version of the default-language text."""

    values: dict[str, Any]
    missing: list[str] = field(default_factory=list)
    outdated: list[str] = field(default_factory=list)

    def __getitem__(self, name: str) -> Any:
        return self.values.get(name)

    def get(self, name: str, default: Any = None) -> Any:
        return self.values.get(name, default)


def localize(texts: Texts, language: str, default: str, fields: tuple[FieldSpec, ...], outdated: Collection[str] = ()) -> Localized:
    """`outdated`: the fields of this item that hold an outdated text in `language`."""
    own = texts.get(language, {})
    fallback = texts.get(default, {})
    values: dict[str, Any] = {}
    missing: list[str] = []
    for spec in fields:
        if spec.name in own:
            values[spec.name] = own[spec.name]
        elif spec.name in fallback:
            values[spec.name] = fallback[spec.name]
            missing.append(spec.name)
    return Localized(values, missing, [spec.name for spec in fields if spec.name in own and spec.name in outdated])


def localize_entry(entries: dict[str, Any], language: str, default: str, name: str, *, outdated: bool = False) -> Localized:
    """One keyed entry (a phrase, a tag label, a UI word) with its fallback; `outdated`: its text
    in `language` is outdated."""
    if language in entries:
        return Localized({name: entries[language]}, [], [name] if outdated else [])
    if default in entries:
        return Localized({name: entries[default]}, [name])
    return Localized({}, [])


def interface_word(handbook: Handbook, key: str, language: str) -> Localized:
    """One interface word (content/ui.yaml) in a language, with its fallback."""
    entries = {lang: block[key] for lang, block in handbook.ui.items() if key in block}
    origin = handbook.origins.get("ui")
    outdated = origin is not None and handbook.freshness.covers(language, origin.name, (key,))
    return localize_entry(entries, language, handbook.default_language, key, outdated=outdated)


@dataclass
class MissingItem:
    kind: str
    id: str
    fields: list[str]
    origin: Origin | None = None


@dataclass
class LanguageStatus:
    """What a language lacks (items with missing fields) and which of its texts are outdated."""

    language: str
    total: int
    missing: list[MissingItem]
    outdated: list[OutdatedText] = field(default_factory=list)

    @property
    def translated(self) -> int:
        return self.total - len(self.missing)

    @property
    def complete(self) -> bool:
        """Nothing is missing (whether or not something is outdated)."""
        return not self.missing

    @property
    def up_to_date(self) -> bool:
        """Nothing is missing and nothing is outdated."""
        return not self.missing and not self.outdated

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0


def translation_status(handbook: Handbook) -> list[LanguageStatus]:
    """What each language lacks, item by item, in reading order."""
    return [_language_status(handbook, language) for language in handbook.languages]


def _language_status(handbook: Handbook, language: str) -> LanguageStatus:
    default = handbook.default_language
    items: list[tuple[str, str, list[str], Origin | None]] = []

    def add(kind: str, item_id: str, missing: list[str], origin: Origin | None) -> None:
        items.append((kind, item_id, missing, origin))

    add("handbook", "handbook", localize(handbook.texts, language, default, HANDBOOK_FIELDS).missing, handbook.origins.get("handbook"))
    for key in handbook.ui_keys:
        add("interface", key, interface_word(handbook, key, language).missing, handbook.origins.get("ui"))
    for section in handbook.sections.values():
        add("section", section.id, localize(section.texts, language, default, SECTION_FIELDS).missing, section.origin)
    for tag in handbook.tags.values():
        add("tag", tag.id, localize_entry(tag.labels, language, default, "label").missing, tag.origin)
    for group, texts in handbook.synonyms.items():
        add("search words", group, localize_entry(texts, language, default, "words").missing, handbook.origins.get("search"))
    for guideline in handbook.guidelines_in_order():
        add("guideline", guideline.id, localize(guideline.texts, language, default, GUIDELINE_FIELDS).missing, guideline.origin)
    for phrase_list in handbook.phrase_lists_in_order():
        add("phrase list", phrase_list.id, localize(phrase_list.texts, language, default, PHRASE_LIST_FIELDS).missing, phrase_list.origin)
        for phrase_id in phrase_list.phrases:
            phrase = handbook.phrases[phrase_id]
            missing = localize_entry(phrase.texts, language, default, "text").missing
            missing += localize_entry(phrase.why, language, default, "why").missing
            add("phrase", phrase.id, missing, phrase.origin)
    for item in training_status(handbook, language):
        add(*item)
    missing_items = [MissingItem(kind, item_id, fields, origin) for kind, item_id, fields, origin in items if fields]
    return LanguageStatus(language, len(items), missing_items, handbook.freshness.of_language(language))
