"""Checks that need the whole handbook: ids that must exist, languages that must be configured,
a default language that must be complete, sources that must be covered, markup that is refused.

Each check reports where the editor has to look, with the same wording for the same mistake in
every file, so a trainer learns the messages once.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Protocol

from .errors import Problems
from .model import (
    GUIDELINE_FIELDS,
    HANDBOOK_FIELDS,
    PHRASE_LIST_FIELDS,
    SECTION_FIELDS,
    FieldSpec,
    Handbook,
    Origin,
)
from .richtext import TARGET_HINT, html_tag_spans, link_target_spans, parse_target
from .schema import did_you_mean
from .yamlfile import YamlFile

COMPLETE_HINT = "the default language must be complete: other languages fall back to it"


class KnownIds(Protocol):
    def maybe_defined(self, kind: str, item_id: str) -> bool: ...

    def incomplete(self, folder: str) -> bool: ...


def check_references(handbook: Handbook, known: KnownIds, problems: Problems) -> None:
    checker = _Checker(handbook, known, problems)
    checker.languages()
    checker.spelling_languages()
    checker.default_language_complete()
    checker.lists_aligned()
    checker.guidelines()
    checker.phrases()
    checker.text_keys()
    checker.coverage()
    checker.sections_used()
    checker.markup()


class _Checker:
    def __init__(self, handbook: Handbook, known: KnownIds, problems: Problems) -> None:
        self.handbook = handbook
        self.known = known
        self.problems = problems
        self.default = handbook.default_language
        self.text_files = self._text_files()

    def _text_files(self) -> list[YamlFile]:
        files: dict[str, YamlFile] = {}
        for origin in self.handbook.origins.values():
            files[origin.name] = origin.file
        for item in [*self.handbook.guidelines.values(), *self.handbook.phrase_lists.values()]:
            files[item.origin.name] = item.origin.file
        for origin in self.handbook.training.origins() if self.handbook.training else []:
            files[origin.name] = origin.file
        return [files[name] for name in sorted(files) if isinstance(files[name].data.get("text"), dict)]

    # -- ids --------------------------------------------------------------------------------

    def _reference(self, origin: Origin, at: tuple, kind: str, target: str, registry: dict, label: str) -> bool:
        """Report an unknown id unless it may live in a file that failed to load."""
        if target in registry:
            return True
        if not self.known.maybe_defined(kind, target):
            origin.file.problem(self.problems, origin.at + at, f"unknown {label} '{target}'", did_you_mean(target, sorted(registry)))
        return False

    def guidelines(self) -> None:
        hb = self.handbook
        points = {point.ref: point for source in hb.sources.values() for point in source.points}
        for guideline in hb.guidelines.values():
            origin = guideline.origin
            self._reference(origin, ("section",), "sections", guideline.section, hb.sections, "section")
            for index, tag in enumerate(guideline.tags):
                self._reference(origin, ("tags", index), "tags", tag, hb.tags, "tag")
            for index, other in enumerate(guideline.related):
                if other == guideline.id:
                    origin.file.problem(
                        self.problems, ("related", index), "a guideline cannot be related to itself", "remove it from 'related'"
                    )
                else:
                    self._reference(origin, ("related", index), "guidelines", other, hb.guidelines, "guideline")
            for index, phrase in enumerate(guideline.phrases):
                self._reference(origin, ("phrases", index), "phrases", phrase, hb.phrases, "phrase")
            for index, ref in enumerate(guideline.sources):
                self._reference(origin, ("sources", index), "sources", ref, points, "source point")
            for index, phrase_id in enumerate(guideline.card_phrases):
                at = ("card", "phrases", index)
                if not self._reference(origin, at, "phrases", phrase_id, hb.phrases, "phrase"):
                    continue
                if phrase_id not in guideline.phrases:
                    origin.file.problem(
                        self.problems, at, f"card phrase '{phrase_id}' is not one of this guideline's phrases", "add it to 'phrases' too"
                    )
                elif hb.phrases[phrase_id].kind != "say":
                    origin.file.problem(
                        self.problems, at, f"card phrase '{phrase_id}' is an 'avoid' phrase", "a cue card shows phrases to say"
                    )

    def phrases(self) -> None:
        hb = self.handbook
        for phrase in hb.phrases.values():
            origin = phrase.origin
            if phrase.kind == "avoid" and not phrase.instead:
                origin.file.problem(
                    self.problems,
                    origin.at + ("kind",),
                    f"'avoid' phrase '{phrase.id}' has no 'instead'",
                    "add 'instead: <id of the phrase to say instead>'",
                )
            if phrase.kind == "say" and phrase.instead:
                origin.file.problem(
                    self.problems, origin.at + ("instead",), "'instead' is only for 'avoid' phrases", "remove it, or set 'kind: avoid'"
                )
            known_instead = phrase.instead and self._reference(origin, ("instead",), "phrases", phrase.instead, hb.phrases, "phrase")
            if known_instead and hb.phrases[phrase.instead].kind != "say":
                origin.file.problem(
                    self.problems,
                    origin.at + ("instead",),
                    f"'{phrase.instead}' is itself an 'avoid' phrase",
                    "point 'instead' at a phrase to say",
                )

    def coverage(self) -> None:
        if self.known.incomplete("guidelines"):
            return
        cited = {ref for guideline in self.handbook.guidelines.values() for ref in guideline.sources}
        for source in self.handbook.sources.values():
            for point in source.points:
                if point.ref not in cited:
                    point.origin.file.problem(
                        self.problems,
                        point.origin.at + ("id",),
                        f"source point '{point.ref}' is not covered by any guideline",
                        f"cite it in a guideline's 'sources' as {point.ref}",
                    )

    def sections_used(self) -> None:
        if self.known.incomplete("guidelines"):
            return
        for section in self.handbook.sections.values():
            if not section.guidelines:
                section.origin.file.problem(
                    self.problems,
                    section.origin.at + ("id",),
                    f"section '{section.id}' has no guidelines",
                    "add 'section: " + section.id + "' to a guideline, or remove the section",
                )

    # -- languages ---------------------------------------------------------------------------

    def languages(self) -> None:
        configured = self.handbook.languages
        for file in self.text_files:
            for language in file.data["text"]:
                if language not in configured:
                    file.problem(
                        self.problems,
                        ("text", language),
                        f"language '{language}' is not configured in mkdocs.yml",
                        f"configured: {', '.join(configured)}; add it under plugins > i18n > languages, or fix the code",
                        key=True,
                    )

    def spelling_languages(self) -> None:
        """Spellings are listed per language outside the text blocks: their codes are checked too."""
        if "search" not in self.handbook.origins:
            return
        file = self.handbook.origins["search"].file
        configured = self.handbook.languages
        for language in self.handbook.spellings:
            if language not in configured:
                file.problem(
                    self.problems,
                    ("spellings", language),
                    f"language '{language}' is not configured in mkdocs.yml",
                    f"configured: {', '.join(configured)}; add it under plugins > i18n > languages, or fix the code",
                    key=True,
                )

    def default_language_complete(self) -> None:
        hb = self.handbook
        default = self.default
        if "handbook" in hb.origins:
            self._complete(hb.origins["handbook"], hb.texts, HANDBOOK_FIELDS, ("text",), "the handbook")
        if "ui" in hb.origins:
            words = hb.ui.get(default, {})
            for key in hb.ui_keys:
                if key not in words:
                    hb.origins["ui"].file.problem(
                        self.problems,
                        ("text", default),
                        f"interface word '{key}' is missing in the default language ({default})",
                        COMPLETE_HINT,
                    )
        for section in hb.sections.values():
            origin = hb.origins["sections"]
            self._complete(origin, section.texts, SECTION_FIELDS, ("text",), f"section '{section.id}'", inner=(section.id,))
        for tag in hb.tags.values():
            if default not in tag.labels:
                tag.origin.file.problem(
                    self.problems, ("text", default), f"tag '{tag.id}' has no label in the default language ({default})", COMPLETE_HINT
                )
        for guideline in hb.guidelines.values():
            self._complete(guideline.origin, guideline.texts, GUIDELINE_FIELDS, ("text",), f"guideline '{guideline.id}'")
        for phrase_list in hb.phrase_lists.values():
            self._complete(phrase_list.origin, phrase_list.texts, PHRASE_LIST_FIELDS, ("text",), f"phrase list '{phrase_list.id}'")
        for group, texts in hb.synonyms.items():
            if default not in texts:
                file = hb.origins["search"].file
                file.problem(
                    self.problems,
                    ("text", default) if default in file.data["text"] else ("text",),
                    f"synonym group '{group}' has no words in the default language ({default})",
                    COMPLETE_HINT,
                    key=True,
                )
        for phrase in hb.phrases.values():
            at = ("text", default, "phrases")
            if default not in phrase.texts:
                phrase.origin.file.problem(
                    self.problems, at, f"phrase '{phrase.id}' has no text in the default language ({default})", COMPLETE_HINT
                )
            if phrase.kind == "avoid" and default not in phrase.why:
                phrase.origin.file.problem(
                    self.problems,
                    ("text", default),
                    f"'avoid' phrase '{phrase.id}' has no 'why' in the default language ({default})",
                    "say in one line why it backfires",
                )

    def _complete(self, origin: Origin, texts: dict, fields: tuple[FieldSpec, ...], at: tuple, label: str, inner: tuple = ()) -> None:
        block = texts.get(self.default)
        if block is None:
            origin.file.problem(self.problems, at, f"{label} has no text in the default language ({self.default})", COMPLETE_HINT)
            return
        for spec in fields:
            if spec.required and spec.name not in block:
                origin.file.problem(
                    self.problems,
                    at + (self.default,) + inner,
                    f"{label} is missing '{spec.name}' in the default language ({self.default})",
                    COMPLETE_HINT,
                    key=True,
                )

    def lists_aligned(self) -> None:
        """Lists are translated item by item: a different count means a step was lost or added."""
        hb = self.handbook
        checks: list[tuple[Origin, dict, tuple[FieldSpec, ...]]] = [(g.origin, g.texts, GUIDELINE_FIELDS) for g in hb.guidelines.values()]
        if "handbook" in hb.origins:
            checks.append((hb.origins["handbook"], hb.texts, HANDBOOK_FIELDS))
        for origin, texts, fields in checks:
            reference = texts.get(self.default, {})
            for language, block in texts.items():
                if language == self.default:
                    continue
                for spec in fields:
                    if (
                        spec.is_list
                        and spec.name in block
                        and spec.name in reference
                        and len(block[spec.name]) != len(reference[spec.name])
                    ):
                        counts = _items(len(block[spec.name])), _items(len(reference[spec.name]))
                        origin.file.problem(
                            self.problems,
                            origin.at + ("text", language, spec.name),
                            f"'{spec.name}' has {counts[0]} in '{language}' but {counts[1]} in '{self.default}'",
                            "each language lists the same items in the same order",
                        )

    def text_keys(self) -> None:
        """Keys inside text blocks that name ids must name declared ones."""
        hb = self.handbook
        keyed: list[tuple[YamlFile, tuple, list[str], str]] = []
        if "sections" in hb.origins:
            keyed.append((hb.origins["sections"].file, (), list(hb.sections), "section"))
        if "tags" in hb.origins:
            keyed.append((hb.origins["tags"].file, (), list(hb.tags), "tag"))
        if "search" in hb.origins:
            keyed.append((hb.origins["search"].file, (), list(hb.synonyms), "synonym group"))
        for phrase_list in hb.phrase_lists.values():
            for part in ("phrases", "why"):
                keyed.append((phrase_list.origin.file, (part,), phrase_list.phrases, f"phrase of this list ('{part}')"))
        for file, inner, declared, label in keyed:
            for language, block in file.data["text"].items():
                entries = block
                for part in inner:
                    entries = entries.get(part, {}) if isinstance(entries, dict) else {}
                for key in entries:
                    if key not in declared:
                        file.problem(
                            self.problems,
                            ("text", language) + inner + (key,),
                            f"'{key}' is not a declared {label}",
                            did_you_mean(key, declared),
                            key=True,
                        )

    # -- markup --------------------------------------------------------------------------------

    def markup(self) -> None:
        rich_fields = {
            "guideline": {spec.name for spec in GUIDELINE_FIELDS if spec.rich},
            "handbook": {spec.name for spec in HANDBOOK_FIELDS if spec.rich},
            "sections": {spec.name for spec in SECTION_FIELDS if spec.rich},
        }
        for file in self.text_files:
            kind = file.kind
            for at, text in _strings(file.data["text"], ("text",)):
                for offset, tag in html_tag_spans(text):
                    file.problem(
                        self.problems,
                        at,
                        f"HTML is not allowed in content ('{tag}')",
                        "write plain text; use **bold**, *italic* or [text](https://…) for formatting and links",
                        offset=offset,
                    )
                field = at[3] if kind == "sections" and len(at) > 3 else at[2] if len(at) > 2 else ""
                if field in rich_fields.get(kind, set()):
                    self._links(file, at, text)
        if "sources" in self.handbook.origins:
            file = self.handbook.origins["sources"].file
            for at, text in _strings(file.data.get("sources", []), ("sources",)):
                for offset, tag in html_tag_spans(text):
                    file.problem(self.problems, at, f"HTML is not allowed in content ('{tag}')", "write plain text", offset=offset)

    def _links(self, file: YamlFile, at: tuple, text: str) -> None:
        check_links(self.handbook, self.known, file, at, text, self.problems)


def _strings(value: Any, at: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, str):
        yield at, value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, at + (index,))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, at + (key,))


def _items(count: int) -> str:
    return f"{count} item" + ("" if count == 1 else "s")


def check_links(handbook: Handbook, known: KnownIds, file: YamlFile, at: tuple, text: str, problems: Problems) -> None:
    """Report every link in `text` whose target is not allowed or names an unknown id (unless a
    file that failed to load may define it: `known.maybe_defined`)."""
    registries = {"guideline": handbook.guidelines, "sections": handbook.sections, "phrases": handbook.phrase_lists, "tags": handbook.tags}
    kinds = {"guideline": "guidelines", "sections": "sections", "phrases": "phrase-lists", "tags": "tags"}
    for offset, raw in link_target_spans(text):
        target = parse_target(raw)
        if target is None:
            file.problem(problems, at, f"link target '{raw}' is not allowed", TARGET_HINT, offset=offset)
        elif (
            target.kind != "external"
            and target.value not in registries[target.kind]
            and not known.maybe_defined(kinds[target.kind], target.value)
        ):
            label = "guideline" if target.kind == "guideline" else target.kind.rstrip("s").replace("phrase", "phrase list")
            file.problem(
                problems,
                at,
                f"link to unknown {label} '{target.value}'",
                did_you_mean(target.value, sorted(registries[target.kind])),
                offset=offset,
            )
