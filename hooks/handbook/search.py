"""What search knows beyond the words on a page: other words for the same thing, other spellings.

Both are content (content/search.yaml), translated and checked like the rest, so trainers can
add their own. Material's search matches what a reader types against the words of each search
entry, and treats every typed word as the start of a word ("custom" finds "customer"). So the
build adds to each page's entry the words the page does not use but means: every word of a
synonym group it uses ("boss" and "supervisor" on a page about managers), and the other spelling
of each of its words ("apologize" beside "apologise"). Readers then find the page whichever word
they type.

Words are compared folded (lowercase, no accents: "žao" is "zao"), as the search does
(docs/assets/javascripts/lunr/min/lunr.handbook.min.js folds the same way).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from .model import Handbook

# A synonym in a page also counts with an ending of up to this many letters (customers, klijenta).
ENDING_LETTERS = 3
# A spelling ending applies to words at least this much longer than the ending ("our" is no
# "-our" word, "behaviour" is).
MIN_STEM_LETTERS = 2
SEPARATOR = ","
SPELLING_SEPARATOR = " = "
_SPECIAL = str.maketrans({"ς": "σ", "đ": "d", "ð": "d", "ø": "o", "ł": "l", "æ": "ae", "œ": "oe", "ß": "ss", "þ": "th"})
_WORD = re.compile(r"[^\W_]+")
_TAG = re.compile(r"<[^>]*>")


def fold(text: str) -> str:
    """Lowercase without accents, as the search folds both the index and what is typed."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char)).translate(_SPECIAL)


def words_of(line: str) -> list[str]:
    """The words and phrases of one language's line of a synonym group, as written."""
    return [word.strip() for word in line.split(SEPARATOR) if word.strip()]


@dataclass(frozen=True)
class Spelling:
    """Two spellings of a word, or (`ending`) two spellings of a word ending."""

    first: str
    second: str
    ending: bool

    @staticmethod
    def parse(rule: str) -> Spelling:
        first, _, second = rule.partition(SPELLING_SEPARATOR)
        ending = first.startswith("-")
        return Spelling(fold(first.removeprefix("-")), fold(second.removeprefix("-")), ending)

    def variants(self, word: str) -> list[str]:
        """The other spelling of a folded word, if this rule covers it."""
        found = []
        for this, other in ((self.first, self.second), (self.second, self.first)):
            if self.ending:
                if word.endswith(this) and len(word) >= len(this) + MIN_STEM_LETTERS:
                    found.append(word[: -len(this)] + other)
            elif word == this:
                found.append(other)
        return found


@dataclass(frozen=True)
class SearchWords:
    """What one language's search knows beyond the pages: synonym groups and spellings."""

    groups: tuple[tuple[str, ...], ...] = ()
    spellings: tuple[Spelling, ...] = ()

    @cached_property
    def _patterns(self) -> dict[str, re.Pattern[str]]:
        """Where a page uses a word or phrase: at the start of a word, with an ending of a few letters."""
        return {
            word: re.compile(rf"(?<![^\W_]){re.escape(fold(word))}[^\W\d_]{{0,{ENDING_LETTERS}}}(?![^\W_])")
            for group in self.groups
            for word in group
        }

    def extra_words(self, text: str) -> list[str]:
        """The words a search entry means without using them, for its `text` (HTML or plain)."""
        folded = fold(_TAG.sub(" ", text))
        extra: dict[str, None] = {}
        for group in self.groups:
            unused = [word for word in group if not self._patterns[word].search(folded)]
            if len(unused) < len(group):
                extra.update((word, None) for word in unused)
        used = set(_WORD.findall(folded))
        for word in sorted(used):
            for spelling in self.spellings:
                extra.update((variant, None) for variant in spelling.variants(word) if variant not in used)
        return list(extra)


def add_to_pages(entries: list[dict[str, Any]], words: SearchWords, field: str) -> None:
    """Give each page's first search entry (the page itself, as Material lists it) the words
    the whole page means without using them, in `field`: a reader who types one finds the page,
    and the index carries them once per page rather than once per heading."""
    pages: dict[str, list[dict[str, Any]]] = {}
    for entry in entries:
        pages.setdefault(entry["location"].split("#", 1)[0], []).append(entry)
    for page in pages.values():
        if extra := words.extra_words(" ".join(f"{entry['title']} {entry['text']}" for entry in page)):
            page[0][field] = " ".join(extra)


def search_words(handbook: Handbook, language: str) -> SearchWords:
    """The search words of one language (none where content/search.yaml lists none)."""
    groups = tuple(tuple(words_of(texts[language])) for texts in handbook.synonyms.values() if language in texts)
    spellings = tuple(Spelling.parse(rule) for rule in handbook.spellings.get(language, []))
    return SearchWords(groups, spellings)
