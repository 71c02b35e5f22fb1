"""A deterministic corpus of news-like clusters with controlled inconsistencies.

Each cluster reports one invented incident; each source of a cluster is
assembled from varied sentence templates, and a known fraction of sources
carries a planted inconsistency (a misspelled name, a conflicting toll, a
wrong weekday, a lowercase acronym).  The same seed always gives the same
corpus, so benchmark figures compare across runs.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from factcheck.sources.model import Source

PEOPLE = [
    ("Emmanuel Macron", "Emmanuel Macorn", "French President"),
    ("Olaf Scholz", "Olaf Scholtz", "German Chancellor"),
    ("Antony Blinken", "Antony Blinkin", "US Secretary of State"),
    ("Sergei Lavrov", "Sergei Lavorv", "Russian Foreign Minister"),
    ("Volodymyr Zelensky", "Volodymyr Zelensy", "Ukrainian President"),
    ("Ursula von der Leyen", "Ursula von der Layen", "European Commission President"),
    ("Recep Tayyip Erdogan", "Recep Tayyip Erdogn", "Turkish President"),
    ("Giorgia Meloni", "Giorgia Melonni", "Italian Prime Minister"),
]
CITIES = ["Lyon", "Kharkiv", "Gdansk", "Porto", "Izmir", "Leeds", "Graz", "Brno", "Tartu", "Split"]
INCIDENTS = ["fire", "explosion", "flood", "landslide", "train crash", "building collapse"]
APPROX = ["", "at least ", "about ", "more than ", "nearly ", "some "]
FILLER = [
    "Witnesses described scenes of confusion as emergency services arrived at the site.",
    "Local officials said the investigation would take several weeks to complete.",
    "The regional governor called for calm and promised a full account of what happened.",
    "Residents gathered outside the town hall to ask for information about relatives.",
    "Rescue teams worked through the night under difficult conditions.",
    "Analysts said the incident raised questions about safety standards in the region.",
    "The opposition demanded a parliamentary inquiry into the response of the authorities.",
    "Aid organisations said they were ready to send supplies if they were asked to.",
    "Traffic in the city centre was diverted while engineers inspected nearby buildings.",
    "Hospitals in the area reported that they had enough beds for the injured.",
    "The company that owns the site said it was cooperating fully with investigators.",
    "Neighbours said they had complained about the state of the building for years.",
    "Schools in the district will remain closed until the end of the week.",
    "Insurance experts expect claims to run into the millions.",
    "The mayor said flags would fly at half-mast on public buildings.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@dataclass(frozen=True)
class Cluster:
    id: str
    sources: list[Source]


def _article(
    rnd: random.Random,
    event_day: dt.date,
    facts: dict[str, int],
    city: str,
    incident: str,
    person: tuple[str, str, str],
    flaws: set[str],
    words: int,
) -> str:
    name, typo, title = person
    weekday = WEEKDAYS[event_day.weekday()]
    if "weekday" in flaws:
        weekday = WEEKDAYS[(event_day.weekday() + 1) % 7]
    toll = facts["toll"]
    stated_toll = toll * 3 if "toll" in flaws else toll
    approx = rnd.choice(APPROX)
    lines = [
        f"{approx.capitalize()}{stated_toll:,} people were killed in a {incident} in {city} on "
        f"{weekday}, {event_day.day} {event_day:%B %Y}, officials said.",
        f"{title} {typo if 'name' in flaws else name} said the country was in mourning.",
        f"The {'nato' if 'casing' in flaws else 'NATO'} liaison office offered help the next day.",
        f"Around {facts['injured']} people were injured, and {facts['evacuated']} residents were evacuated.",
    ]
    body = list(lines)
    while sum(len(line.split()) for line in body) < words:
        body.append(rnd.choice(FILLER))
        if rnd.random() < 0.15:
            body.append(f"{name.split()[-1]} is expected to visit {city} next week.")
    paragraphs = [" ".join(body[i : i + 4]) for i in range(0, len(body), 4)]
    return "\n\n".join(paragraphs) + "\n"


def generate(
    n_sources: int, n_clusters: int = 1, words: int = 600, seed: int = 7, flaw_rate: float = 0.1
) -> list[Cluster]:
    """``n_sources`` sources spread over ``n_clusters`` clusters, deterministically."""
    rnd = random.Random(seed)
    clusters: list[Cluster] = []
    per_cluster = [n_sources // n_clusters + (1 if i < n_sources % n_clusters else 0) for i in range(n_clusters)]
    for c, size in enumerate(per_cluster):
        event_day = dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randint(0, 600))
        facts = {"toll": rnd.randint(3, 400), "injured": rnd.randint(2, 9) * 10, "evacuated": rnd.randint(1, 4) * 100}
        city, incident, person = rnd.choice(CITIES), rnd.choice(INCIDENTS), rnd.choice(PEOPLE)
        sources = []
        for s in range(size):
            flaws = {f for f in ("name", "toll", "weekday", "casing") if rnd.random() < flaw_rate}
            published = event_day + dt.timedelta(days=rnd.randint(0, 2))
            text = _article(rnd, event_day, facts, city, incident, person, flaws, words)
            sources.append(Source(id=f"c{c:05d}-s{s:05d}", text=text, published=published))
        clusters.append(Cluster(f"c{c:05d}", sources))
    return clusters
