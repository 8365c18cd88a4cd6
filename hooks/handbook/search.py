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
_SPECIAL = {"ς": "σ", "đ": "d", "ð": "d", "ø": "o", "ł": "l", "æ": "ae", "œ": "oe", "ß": "ss", "þ": "th"}
_SPECIAL_CHARACTER = re.compile(f"[{''.join(_SPECIAL)}]")
_WORD = re.compile(r"[^\W_]+")
_TAG = re.compile(r"<[^>]*>")
_ENDING = re.compile(rf"[^\W\d_]{{0,{ENDING_LETTERS}}}")


def fold(text: str) -> str:
    """Lowercase without accents, as the search folds both the index and what is typed."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    # Regular expressions rather than str.translate, which looks up every character of a page's
    # text one by one: these look up only the characters they match.
    accents = "".join(char for char in set(decomposed) if unicodedata.combining(char))
    if accents:
        decomposed = re.sub(f"[{re.escape(accents)}]", "", decomposed)
    return _SPECIAL_CHARACTER.sub(lambda match: _SPECIAL[match.group()], decomposed)


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
    def _folded_groups(self) -> tuple[tuple[tuple[str, str], ...], ...]:
        """The synonym groups, each word as written and folded."""
        return tuple(tuple((word, fold(word)) for word in group) for group in self.groups)

    @cached_property
    def _spelled_differently(self) -> tuple[tuple[str, ...], frozenset[str]]:
        """The word endings and the whole words some spelling rule covers."""
        endings = tuple(part for rule in self.spellings if rule.ending for part in (rule.first, rule.second))
        words = frozenset(part for rule in self.spellings if not rule.ending for part in (rule.first, rule.second))
        return endings, words

    def extra_words(self, text: str) -> list[str]:
        """The words a search entry means without using them, for its `text` (HTML or plain)."""
        folded = fold(_TAG.sub(" ", text))
        used = set(_WORD.findall(folded))
        starts = _word_starts(used)
        extra: dict[str, None] = {}
        for group in self._folded_groups:
            unused = [word for word, folded_word in group if not _uses(folded_word, folded, starts)]
            if len(unused) < len(group):
                extra.update((word, None) for word in unused)
        endings, whole_words = self._spelled_differently
        for word in sorted(used):
            if word in whole_words or word.endswith(endings):
                for spelling in self.spellings:
                    extra.update((variant, None) for variant in spelling.variants(word) if variant not in used)
        return list(extra)


def _word_starts(words: set[str]) -> set[str]:
    """Each word, and each word less an ending of up to ENDING_LETTERS letters (customers:
    customers, customer, custome, custom)."""
    starts = set(words)
    for word in words:
        for letters in range(1, min(ENDING_LETTERS, len(word) - 1) + 1):
            if not _ENDING.fullmatch(word, len(word) - letters):
                break
            starts.add(word[:-letters])
    return starts


def _uses(word: str, text: str, starts: set[str]) -> bool:
    """Whether the folded `text` uses the folded `word` or phrase: at the start of a word, with an
    ending of up to ENDING_LETTERS letters. `starts` are the text's words less such endings."""
    if _WORD.fullmatch(word):
        return word in starts
    # A phrase ("money back", "co-worker"): looking for it as written first is much faster.
    return word in text and re.search(rf"(?<![^\W_]){re.escape(word)}[^\W\d_]{{0,{ENDING_LETTERS}}}(?![^\W_])", text) is not None


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
