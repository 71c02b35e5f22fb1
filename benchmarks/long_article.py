"""A deterministic long news-like article: one source of any number of words.

Issue 17 asks that a single long source (a 200,000-word article) be checked
in time linear in its length.  This generator writes one: paragraphs of
varied news-like English sentences drawn from templates, each filled with
people (with titles), organisations, places, dates in several forms and
figures with units, so every extractor has work all along the text.  The
people are many (first and last names combined), some are misspelled now
and then, and the same seed always gives the same text.

    python benchmarks/long_article.py 20000 > article.txt
"""

from __future__ import annotations

import datetime as dt
import random
import sys

FIRST_NAMES = [
    "Amelia", "Bruno", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hamid", "Ingrid", "Jonas",
    "Katarina", "Lucas", "Marta", "Nikolai", "Olga", "Pedro", "Rania", "Stefan", "Tamara", "Viktor",
    "Wanda", "Yusuf", "Zofia", "Anton", "Beatriz", "Cyril", "Dagmar", "Emil", "Fatima", "Goran",
]  # fmt: skip
LAST_NAMES = [
    "Albrecht", "Barros", "Castellano", "Dvorak", "Eriksen", "Ferreira", "Gallagher", "Horvath",
    "Ivanova", "Jankowski", "Kowalczyk", "Lindqvist", "Marchetti", "Novak", "Oyelaran", "Petrenko",
    "Quintero", "Rasmussen", "Szabo", "Tanaka", "Urquhart", "Vasquez", "Whitfield", "Yilmaz",
    "Zimmermann", "Brennan", "Costa", "Delacroix", "Engstrom", "Fitzgerald",
]  # fmt: skip
TITLES = [
    "Mayor", "Finance Minister", "Interior Minister", "Governor", "President", "Prime Minister",
    "Ambassador", "Chancellor", "Foreign Minister", "spokesperson",
]  # fmt: skip
ORGS = [
    "the Red Cross", "NATO", "the European Commission", "the World Health Organization", "UNICEF",
    "the national railway company", "the regional water board", "Amnesty International", "the IMF",
]  # fmt: skip
PLACES = [
    "Lyon", "Kharkiv", "Gdansk", "Porto", "Izmir", "Leeds", "Graz", "Brno", "Tartu", "Split",
    "Bergen", "Cluj", "Malmo", "Bilbao", "Plovdiv", "Aarhus", "Ghent", "Turku", "Kaunas", "Zadar",
]  # fmt: skip
EVENTS = ["fire", "flood", "strike", "summit", "trial", "storm", "election", "protest", "landslide"]
NOUNS = ["people", "residents", "workers", "passengers", "soldiers", "students", "volunteers", "homes"]
DISTANCES = [("km", 1, 400), ("kilometres", 1, 900), ("miles", 1, 500)]
LOADS = [("tonnes", 5, 9000), ("kg", 50, 900), ("litres", 100, 90000)]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
FILLER = [
    "Witnesses described scenes of confusion as emergency services arrived.",
    "Local officials said the investigation would take several weeks to complete.",
    "Residents gathered outside the town hall to ask for information.",
    "Analysts said the decision raised questions about the budget for next year.",
    "The opposition demanded a parliamentary inquiry into the response of the authorities.",
    "Traffic in the city centre was diverted while engineers inspected the bridge.",
    "Schools in the district will remain closed until further notice.",
    "The company said it was cooperating fully with investigators.",
]  # fmt: skip


def _capitalized(phrase: str) -> str:
    return phrase[:1].upper() + phrase[1:]


class _Writer:
    """The sentence templates, drawing from one seeded random generator."""

    def __init__(self, seed: int) -> None:
        self.rnd = random.Random(seed)
        self.day = dt.date(2024, 1, 1) + dt.timedelta(days=self.rnd.randint(0, 500))

    def person(self) -> str:
        first, last = self.rnd.choice(FIRST_NAMES), self.rnd.choice(LAST_NAMES)
        if self.rnd.random() < 0.02:  # a misspelling now and then: two letters swapped
            k = self.rnd.randrange(1, len(last) - 2)
            last = last[:k] + last[k + 1] + last[k] + last[k + 2 :]
        return f"{first} {last}"

    def date(self) -> str:
        self.day += dt.timedelta(days=self.rnd.randint(0, 3))
        day = self.day
        forms = [
            f"on {WEEKDAYS[day.weekday()]}",
            f"on {day.day} {day:%B %Y}",
            f"on {day:%B} {day.day}",
            f"on {WEEKDAYS[day.weekday()]}, {day:%B} {day.day}, {day.year}",
            "last week",
            f"in {day:%B}",
        ]
        return self.rnd.choice(forms)

    def count(self) -> str:
        return f"{self.rnd.randint(2, 20000):,} {self.rnd.choice(NOUNS)}"

    def measure(self, units: list[tuple[str, int, int]]) -> str:
        unit, low, high = self.rnd.choice(units)
        return f"{self.rnd.randint(low, high)} {unit}"

    def sentence(self) -> str:
        r = self.rnd
        templates = [
            lambda: f"{r.choice(TITLES)} {self.person()} said {self.date()} that {self.count()} were affected.",
            lambda: f"The {r.choice(EVENTS)} in {r.choice(PLACES)} {self.date()} left {self.count()} without power.",
            lambda: f"{self.person()}, a {r.choice(TITLES).lower()} from {r.choice(PLACES)}, met {self.person()}.",
            lambda: f"{_capitalized(r.choice(ORGS))} said it had sent {self.measure(LOADS)} of aid to "
            f"{r.choice(PLACES)}.",
            lambda: f"About {r.randint(2, 99)} percent of the budget, or ${r.randint(1, 900)} million, was spent.",
            lambda: f"{self.person()} told reporters {self.date()} that the {r.choice(EVENTS)} had ended.",
            lambda: f"Police in {r.choice(PLACES)} arrested {r.randint(2, 60)} people {self.date()}.",
            lambda: f"The road between {r.choice(PLACES)} and {r.choice(PLACES)} is {self.measure(DISTANCES)} long.",
            lambda: f"Rain of {r.randint(5, 300)} mm fell on {r.choice(PLACES)} {self.date()}, {self.person()} said.",
            lambda: r.choice(FILLER),
            lambda: r.choice(FILLER),
        ]
        return _capitalized(r.choice(templates)())


def long_article(words: int, seed: int = 17) -> str:
    """An article of at least ``words`` words, in paragraphs of three to six sentences."""
    writer = _Writer(seed)
    paragraphs: list[str] = []
    count = 0
    while count < words:
        sentences = [writer.sentence() for _ in range(writer.rnd.randint(3, 6))]
        paragraph = " ".join(sentences)
        count += len(paragraph.split())
        paragraphs.append(paragraph)
    return "\n\n".join(paragraphs) + "\n"


if __name__ == "__main__":
    sys.stdout.write(long_article(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000))
