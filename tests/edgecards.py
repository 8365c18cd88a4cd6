"""A handbook whose cue cards are as full as the fit estimate allows: the test of its promise.

Starting from the minimal fixture, it adds guidelines in English, Croatian and Greek and lets
the estimate itself grow their texts word by word until one more word would make some card of
the guideline (any staff language, any customer language) overflow. If the estimate were ever
optimistic, these cards would come out of the printer clipped.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

import yaml

from handbook.cards import CardMaker
from handbook.loader import load_handbook
from handbook.project import read_project
from projects import make_project, write

LANGUAGES = ("en", "hr", "el")
SENTENCES = {
    "en": "let the customer finish before you answer and show that you are listening while they explain what went wrong",
    "hr": "pustite korisnika da završi prije nego što odgovorite i pokažite da slušate dok objašnjava što je pošlo po zlu ćutite čekajte",
    "el": "αφήστε τον πελάτη να τελειώσει πριν απαντήσετε και δείξτε ότι ακούτε όσο εξηγεί τι πήγε στραβά ζητήστε συγγνώμη",
}
WORDS = {language: sentence.split() for language, sentence in SENTENCES.items()}
# Hyphenated compounds, a no-break space and a word longer than a card line.
ODD = {
    "en": "well-meant follow-up 24\u00a0hours customer-service-desk-experience-improvement-programme-coordination-meeting",
    "hr": "kratko-dugo e-pošta 24\u00a0sata najneprijateljskijeglasnijenajnestrpljivijenajzahtjevnijekorisnikovepritužbe",
    "el": "μέσω e-mail εντός 24\u00a0ωρών υπερπολυάσχολοςεξυπηρετητήςπελατώνπουαπαντάειστοτηλέφωνοκαιστοταχυδρομείο",
}
LIMITS = {"title": 120, "summary": 300, "step": 600, "card_step": 300, "phrase": 300}


def _words(language: str, seed: int) -> Callable[[], str]:
    cycle = itertools.cycle(WORDS[language][seed % 5 :] + WORDS[language][: seed % 5])
    return lambda: next(cycle)


def _guideline(gid: str, order: int, steps: int, phrases: list[str], card_phrases: list[str] | None = None) -> dict:
    texts = {}
    for language in LANGUAGES:
        word = _words(language, order)
        texts[language] = {
            "title": " ".join(word() for _ in range(3)).capitalize(),
            "summary": " ".join(word() for _ in range(6)).capitalize() + ".",
            "body": "Body.",
            "steps": [" ".join(word() for _ in range(4 + 3 * index)).capitalize() + "." for index in range(steps)],
        }
    data = {"id": gid, "section": "listen", "order": 100 + order, "phrases": phrases, "sources": ["test-doc/listen"]}
    if card_phrases:
        data["card"] = {"phrases": card_phrases}
    data["text"] = texts
    return data


def _phrase_list(ids: list[str]) -> dict:
    texts = {}
    for language in LANGUAGES:
        word = _words(language, 3)
        texts[language] = {
            "title": "Edge",
            "summary": "Edge.",
            "phrases": {pid: " ".join(word() for _ in range(5 + 4 * index)).capitalize() + "." for index, pid in enumerate(ids)},
        }
    return {"id": "edge", "order": 90, "phrases": [{"id": pid} for pid in ids], "text": texts}


def make_edge_project(target: Path) -> Path:
    project = make_project(target)
    phrase_ids = [f"edge-say-{n}" for n in range(1, 5)]
    guidelines = [
        _guideline("edge-summary", 1, 1, phrase_ids[:2]),
        _guideline("edge-steps", 2, 6, phrase_ids[:3]),
        _guideline("edge-phrases", 3, 2, phrase_ids, card_phrases=phrase_ids[1:4]),
        _guideline("edge-odd-words", 4, 3, phrase_ids[:2]),
        _guideline("edge-title", 5, 4, phrase_ids[2:]),
        # No phrases and its own card steps: every card of it is the same height, so the cards in
        # a single language are filled too (elsewhere the phrases' meanings make the cards for
        # another customer language the fuller ones).
        _guideline("edge-card-steps", 6, 5, []),
    ]
    for language in LANGUAGES:
        guidelines[1]["text"][language]["card"] = {"title": guidelines[1]["text"][language]["title"][:30]}
        guidelines[3]["text"][language]["summary"] = ODD[language] + " " + guidelines[3]["text"][language]["summary"]
        guidelines[5]["text"][language]["card"] = {"steps": [step[:40] for step in guidelines[5]["text"][language]["steps"]]}
    phrases = _phrase_list(phrase_ids)
    _save(project, guidelines, phrases)

    loaded = read_project(project)
    handbook = load_handbook(loaded)
    maker = CardMaker(handbook, loaded.names)

    def all_fit(*gids: str) -> Callable[[], bool]:
        return lambda: all(
            maker.card(g, staff, customer).fits for g in gids for staff in handbook.languages for customer in handbook.languages
        )

    def grow(fits: Callable[[], bool], language: str, get: Callable[[], str], put: Callable[[str], None], limit: int) -> None:
        """Add words while every card still fits; stop at the schema's length limit."""
        word = _words(language, len(get()))
        while True:
            before = get()
            longer = f"{before.rstrip('.')} {word()}."
            if len(longer) > limit:
                return
            put(longer)
            if not fits():
                put(before)
                return

    for data in guidelines:
        gid = data["id"]
        texts = handbook.guidelines[gid].texts
        for language in LANGUAGES:
            block = texts[language]
            fields = ["title", "summary"] if gid == "edge-title" else ["summary"]
            for name in fields:
                grow(all_fit(gid), language, lambda b=block, n=name: b[n], lambda v, b=block, n=name: b.__setitem__(n, v), LIMITS[name])
            steps = block["steps"]
            grow(all_fit(gid), language, lambda s=steps: s[0], lambda v, s=steps: s.__setitem__(0, v), LIMITS["step"])
            for index, _ in enumerate(block.get("card", {}).get("steps", [])):
                own = block["card"]["steps"]
                grow(
                    all_fit(gid), language, lambda s=own, i=index: s[i], lambda v, s=own, i=index: s.__setitem__(i, v), LIMITS["card_step"]
                )
        data["text"] = texts
    for pid in phrase_ids:
        users = [g["id"] for g in guidelines if pid in maker.phrase_choice(handbook.guidelines[g["id"]])[0]]
        entries = handbook.phrases[pid].texts
        for language in LANGUAGES:
            grow(
                all_fit(*users),
                language,
                lambda e=entries, lang=language: e[lang],
                lambda v, e=entries, lang=language: e.__setitem__(lang, v),
                LIMITS["phrase"],
            )
            phrases["text"][language]["phrases"][pid] = entries[language]
    _save(project, guidelines, phrases)
    return project


def _save(project: Path, guidelines: list[dict], phrases: dict) -> None:
    def dump(data: dict) -> str:
        return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)

    for data in guidelines:
        write(project, f"content/guidelines/{data['id']}.yaml", dump(data))
    write(project, "content/phrases/edge.yaml", dump(phrases))
