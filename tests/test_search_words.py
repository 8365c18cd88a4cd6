"""Search words (content/search.yaml): what each page is also found by, and how mistakes are reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import problems_of
from handbook.loader import load_handbook
from handbook.project import read_project
from handbook.search import SearchWords, Spelling, add_to_pages, fold, search_words
from handbook.translation import translation_status
from projects import REPO, write
from sites import language_root

SEARCH = "content/search.yaml"
VALID = """\
# yaml-language-server: $schema=../schema/search.schema.json
synonyms: [customer, manager]
spellings:
  en:
    - "-ise = -ize"
    - "judgement = judgment"
text:
  en:
    customer: "customer, client, money back"
    manager: "manager, boss"
  hr:
    customer: "kupac, kupca, klijent"
    manager: "voditelj, šef"
"""


def words(groups: list[str], spellings: list[str] = ()) -> SearchWords:
    return SearchWords(tuple(tuple(group.split(", ")) for group in groups), tuple(Spelling.parse(rule) for rule in spellings))


def test_a_page_using_a_word_of_a_group_is_given_the_others():
    customer = words(["customer, client, money back", "manager, boss"])
    assert customer.extra_words("<p>Let the customer finish.</p>") == ["client", "money back"]
    assert customer.extra_words("Ask a <em>manager</em>") == ["boss"]
    assert customer.extra_words("Nothing to do with it: managerially customerservice") == []  # endings of three letters at most
    assert customer.extra_words("Customers queue.") == ["client", "money back"]  # an ending counts: customers
    assert customer.extra_words("They want their money back.") == ["customer", "client"]  # a phrase counts as a whole
    assert customer.extra_words("customer2 and 2customer") == []  # digits are no ending, and no word starts inside another
    assert customer.extra_words("A co-worker's customer_") == ["client", "money back"]  # "_" and "'" end a word


def test_phrases_count_with_an_ending_and_only_as_whole_words():
    colleague = words(["co-worker, colleague", "money back, refund"])
    assert colleague.extra_words("Ask your co-workers.") == ["colleague"]
    assert colleague.extra_words("Ask a co-workerless team") == []  # an ending of three letters at most
    assert colleague.extra_words("No easymoney back") == []  # a phrase starts a word
    assert colleague.extra_words("an ex-co-worker") == ["colleague"]  # "-" ends a word


def test_groups_compare_folded_words_and_give_them_as_written():
    croatian = words(["kupac, kupca, klijent", "žao mi je, isprika"])
    assert croatian.extra_words("KUPCA nema") == ["kupac", "klijent"]
    assert croatian.extra_words("Zao mi je.") == ["isprika"]
    assert croatian.extra_words("ŽAO MI JE") == ["isprika"]
    assert fold("Συγγνώμη, ΆΈΉ ς") == "συγγνωμη, αεη σ"


def test_other_spellings_of_the_words_on_a_page_either_way_round():
    british = words([], ["-ise = -ize", "-our = -or", "judgement = judgment"])
    assert british.extra_words("Apologise for their behaviour") == ["apologize", "behavior"]
    assert british.extra_words("We apologize, use your judgment") == ["apologise", "judgement"]
    assert british.extra_words("our four hours") == []  # too short to be an -our word: no "or", "for"


def test_the_words_of_a_whole_page_go_on_its_own_entry():
    entries = [
        {"location": "guidelines/x/", "title": "Involve a manager", "text": "<p>When it gets too hard.</p>"},
        {"location": "guidelines/x/#steps", "title": "Steps", "text": "<p>Offer a refund.</p>"},
        {"location": "guidelines/y/", "title": "Listen", "text": "<p>Nothing to add.</p>"},
    ]
    add_to_pages(entries, words(["manager, boss", "refund, money back"]), "synonyms")
    assert [entry.get("synonyms") for entry in entries] == ["boss money back", None, None]


def test_each_language_reads_its_own_words(project: Path):
    write(project, SEARCH, VALID)
    handbook = load_handbook(read_project(project))
    assert search_words(handbook, "hr").extra_words("kupca") == ["kupac", "klijent"]
    assert search_words(handbook, "hr").spellings == ()
    assert search_words(handbook, "en").extra_words("judgement") == ["judgment"]
    assert search_words(handbook, "es") == SearchWords()  # no Spanish words: nothing added, no fallback
    status = {item.language: [(m.kind, m.id) for m in item.missing] for item in translation_status(handbook)}
    assert ("search words", "customer") in status["es"] and ("search words", "customer") not in status["hr"]


def test_the_file_is_optional(project: Path):
    assert not (project / SEARCH).exists()
    assert load_handbook(read_project(project)).synonyms == {}


def test_mistakes_in_the_form_of_search_words_are_reported_where_they_are(project: Path):
    write(
        project,
        SEARCH,
        VALID.replace('    - "-ise = -ize"', '    - "ise -> ize"').replace('"customer, client, money back"', '"customer,, client"'),
    )
    assert problems_of(project) == [
        f"{SEARCH}:5:7: 'ise -> ize' does not have the expected form (Two spellings of one word, either way round, as"
        " 'judgement = judgment'; or two word endings, each with a hyphen, as '-ise = -ize' (apologise, apologize).)",
        f"{SEARCH}:9:15: 'customer,, client' does not have the expected form (Words (or short phrases) that mean the same,"
        " separated by commas, e.g. 'customer, client, shopper'. A page using one of them, also with an ending of up to"
        " three letters (customers, klijenta), is found by all the others. List the forms readers type: 'klijent, klijenta,"
        " klijentu'.)",
    ]


def test_unknown_groups_languages_and_missing_default_words_are_reported(project: Path):
    write(
        project,
        SEARCH,
        VALID.replace('    manager: "manager, boss"\n', "")
        .replace('    manager: "voditelj, šef"', '    manger: "voditelj, šef"')
        .replace("spellings:\n  en:", 'spellings:\n  xx:\n    - "a = b"\n  en:'),
    )
    assert problems_of(project) == [
        f"{SEARCH}:4:3: language 'xx' is not configured in mkdocs.yml"
        " (configured: en, hr, es, el, sv; add it under plugins > i18n > languages, or fix the code)",
        f"{SEARCH}:10:3: synonym group 'manager' has no words in the default language (en)"
        " (the default language must be complete: other languages fall back to it)",
        f"{SEARCH}:14:5: 'manger' is not a declared synonym group (did you mean 'manager'?)",
    ]


@pytest.mark.build
def test_the_real_handbook_index_finds_pages_by_words_they_do_not_use(handbook_site: Path):
    """The words the browser tests type (test_search.py) are on no page: only their synonyms are."""
    for language, word in [
        ("en", "boss"),
        ("hr", "menadžer"),
        ("es", "gerente"),
        ("el", "αφεντικό"),
        ("sv", "förman"),
        ("en", "apologize"),
    ]:
        index = json.loads((language_root(handbook_site, language) / "search/search_index.json").read_text(encoding="utf-8"))
        assert index["config"]["fields"]["synonyms"] == {"boost": 1.0}
        assert not [doc for doc in index["docs"] if fold(word) in fold(doc["title"] + " " + doc["text"])], (language, word)
        found = {doc["location"] for doc in index["docs"] if word in doc.get("synonyms", "").split(" ")}
        expected = "guidelines/apologise-sincerely/" if word == "apologize" else "guidelines/involve-a-manager/"
        assert expected in found, (language, word)


def test_the_real_search_words_are_valid_and_complete():
    handbook = load_handbook(read_project(REPO))
    assert len(handbook.synonyms) >= 10
    for group, texts in handbook.synonyms.items():
        assert sorted(texts) == sorted(handbook.languages), group
