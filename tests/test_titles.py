"""Titles: reading them around a name, telling equivalent ones apart, and the ``title-conflict`` check.

The sentences are invented; extraction and the check run on the real spaCy
pipeline and the bundled rules.
"""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

import factcheck
from factcheck.extraction.entities import extract_entities
from factcheck.extraction.vocabulary import english_words
from factcheck.names.index import NameIndex
from factcheck.names.titles import Dimension, Relation, read_titles, relation, same_office
from factcheck.report import Finding
from factcheck.sources.model import Source


def titles_of(nlp: Language, text: str, name: str) -> tuple[str, ...]:
    claims = extract_entities(nlp(text), "s", NameIndex([]), english_words(nlp), nlp.tokenizer)
    found = [c for c in claims if c.surface == name]
    assert found, [c.surface for c in claims]
    return found[0].titles


@pytest.mark.parametrize(
    ("text", "name", "titles"),
    [
        ("Transport Minister Laura Benton opened the bridge.", "Laura Benton", ("Transport Minister",)),
        (
            "Laura Benton, the city's director of public works, opened the bridge.",
            "Laura Benton",
            ("the city's director of public works",),
        ),
        ("The city's deputy mayor, Laura Benton, opened the bridge.", "Laura Benton", ("The city's deputy mayor",)),
        ("The inquiry, chaired by Professor Martin Hale, reported on Monday.", "Martin Hale", ("chaired by",)),
        ("Then presiding judge Martin Hale read out the sentence.", "Martin Hale", ("presiding judge",)),
        (
            "It went well, said Dr Laura Benton, Chief Scientific Officer.",
            "Laura Benton",
            ("Chief Scientific Officer",),
        ),
        (
            "Police said Captain Martin Hale, commander of the harbour unit, led the search.",
            "Martin Hale",
            ("Captain", "commander of the harbour unit"),
        ),
        ("The visit of Health Minister Laura Benton was short.", "Laura Benton", ("Health Minister",)),
    ],
)
def test_titles_are_read_before_after_and_by_verb(nlp: Language, text: str, name: str, titles: tuple[str, ...]) -> None:
    assert titles_of(nlp, text, name) == titles


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("After meeting the manager, Martin Hale said he was pleased.", "Martin Hale"),  # no apposition
        ("Dr Laura Benton said the results were clear.", "Laura Benton"),  # an honorific is no title
        ("Professor Martin Hale, a heart surgeon, spoke first.", "Martin Hale"),  # an occupation is no office
    ],
)
def test_no_title_where_none_is_given(nlp: Language, text: str, name: str) -> None:
    assert titles_of(nlp, text, name) == ()


def test_a_past_title_is_kept_as_written_but_not_compared(nlp: Language) -> None:
    titles = titles_of(nlp, "Former Redbridge Rovers manager Martin Hale watched from the stand.", "Martin Hale")
    assert titles == ("Former Redbridge Rovers manager",)
    assert read_titles(titles[0]) == []
    assert read_titles("President-elect") == read_titles("then-Mayor") == read_titles("new chief executive") == []


def only(written: str):  # type: ignore[no-untyped-def]
    titles = read_titles(written)
    assert len(titles) == 1, titles
    return titles[0]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Gov.", "Governor", Relation.SAME),
        ("CEO", "chief executive", Relation.SAME),
        ("the Minister of Finance", "Finance Minister", Relation.SAME),
        ("Minister", "Finance Minister", Relation.SAME),
        ("Judge", "presiding judge", Relation.SAME),
        ("Admiral", "Rear Admiral", Relation.SAME),
        ("the state's director of emergencies", "Director General of Emergencies", Relation.SAME),
        ("Finance Minister", "Health Minister", Relation.CONFLICT),
        ("Judge", "public prosecutor", Relation.CONFLICT),
        ("Captain", "Rear Admiral", Relation.CONFLICT),
        ("club chairman", "the club's manager", Relation.CONFLICT),
        ("the regional president", "director of civil defence", Relation.CONFLICT),
        ("the vice-president", "Deputy Governor", Relation.LOOSE),  # a bank's titles, translated
        ("the president of the central bank", "Governor", Relation.LOOSE),
        ("manager", "head coach", Relation.LOOSE),
        ("Deputy Governor", "Governor", Relation.LOOSE),
        ("Captain", "mayor", Relation.UNRELATED),  # a rank and an office
        ("Senator", "committee chairman", Relation.UNRELATED),  # a seat goes with any office
        ("Acmetron CEO", "Globex general manager", Relation.UNRELATED),  # two organisations
    ],
)
def test_relations(a: str, b: str, expected: Relation) -> None:
    assert relation(only(a), only(b)) is expected
    assert relation(only(b), only(a)) is expected


def test_honorifics_and_vague_heads_are_not_titles() -> None:
    for written in (
        "Dr",
        "Professor",
        "Sir",
        "civil defence boss",
        "party leader",
        "bank chief",
        "a heart surgeon",
    ):
        assert read_titles(written) == [], written


def test_one_phrase_may_give_several_titles() -> None:
    heads = {(t.head, t.dimension) for t in read_titles("navy spokesman Commander")}
    assert heads == {("spokesperson", Dimension.OFFICE), ("commander", Dimension.RANK)}
    assert {t.head for t in read_titles("President and CEO of Acmetron")} == {"president", "chief executive"}
    assert {t.dimension for t in read_titles("Energy Committee Chairman Rep.")} == {Dimension.OFFICE, Dimension.SEAT}


def test_single_holder_offices() -> None:
    assert same_office(only("Finance Minister"), only("the minister of finance"))
    assert not same_office(only("Finance Minister"), only("Health Minister"))
    assert not same_office(only("Judge"), only("Judge"))  # a court has many judges
    assert not same_office(only("Deputy Governor"), only("Deputy Governor"))


def run(*texts: str) -> list[Finding]:
    sources = [Source(id=f"s{i}", text=t, published=dt.date(2025, 3, 10)) for i, t in enumerate(texts)]
    findings = factcheck.check(sources, reference_date="2025-03-10").findings
    return [f for f in findings if f.category == "title-conflict"]


def test_one_source_against_two_is_a_warning() -> None:
    findings = run(
        "Redbridge Rovers manager Martin Hale praised his players after the final.",
        "Martin Hale, the Redbridge Rovers manager, said the win was deserved.",
        "Redbridge Rovers chairman Martin Hale thanked the volunteers.",
    )
    assert len(findings) == 1
    finding = findings[0]
    assert finding.severity == "warning"
    assert "s2" in finding.message and "chairman" in finding.message and "manager" in finding.message
    assert "linked by name" in finding.message
    assert any(e.source == "s2" and e.text == "Martin Hale" for e in finding.evidence)


def test_one_source_against_one_is_info() -> None:
    findings = run(
        "Judge Petra Lindqvist read out the verdict on Thursday.",
        "Prosecutor Petra Lindqvist had asked for ten years.",
    )
    assert [f.severity for f in findings] == ["info"]


def test_a_title_borrowed_from_someone_else_counts_against_it() -> None:
    findings = run(
        "Finance Minister Laura Benton was said to be delighted by the rate cut.",
        "Deputy Governor Laura Benton said inflation would ease next year.",
        "Finance Minister Oskar Brandt welcomed the decision.",
    )
    assert len(findings) == 1 and findings[0].severity == "warning"
    assert "Oskar Brandt" in findings[0].message and "s2" in findings[0].message


def test_someone_else_with_the_same_title_is_no_conflict() -> None:
    findings = run(
        "Judge Petra Lindqvist sentenced him to eight years. Judge Anton Merrill sat beside her.",
        "Judge Petra Lindqvist read the verdict, and prosecutor Oskar Brandt said he would appeal.",
        "Prosecutor Oskar Brandt had asked for ten years; Judge Anton Merrill agreed.",
    )
    assert findings == []


@pytest.mark.parametrize(
    "texts",
    [
        (
            "Gov. Laura Benton declared an emergency.",
            "Governor Laura Benton visited the shelters.",
            "Laura Benton, the state's governor, asked for federal help.",
        ),
        (
            "CEO Martin Hale told analysts the trial had stopped.",
            "Chief executive Martin Hale said patients were safe.",
            "Martin Hale, chief executive of Acmetron, apologised.",
        ),
        (
            "Judge Petra Lindqvist read the verdict.",
            "Presiding judge Petra Lindqvist said the defendant had acted alone.",
            "The president of the panel, judge Petra Lindqvist, spoke for an hour.",
        ),
        (
            "Dr Martin Hale said the results were clear.",
            "Professor Martin Hale led the study.",
            "Sir Martin Hale attended the meeting.",
        ),
        (
            "Former chairman Martin Hale watched from the stand.",
            "Redbridge Rovers manager Martin Hale praised his players.",
            "Martin Hale, the Redbridge Rovers manager, was in tears.",
        ),
    ],
    ids=["abbreviation", "ceo", "compatible-judge", "honorifics", "former"],
)
def test_equivalent_or_compatible_titles_raise_no_warning(texts: tuple[str, str, str]) -> None:
    assert [f for f in run(*texts) if f.severity != "info"] == []


def dated_titles(text: str, published: str | None) -> list[Finding]:
    day = dt.date.fromisoformat(published) if published else None
    report = factcheck.check([Source(id="s", text=text, published=day)], reference_date="2025-06-02")
    return [f for f in report.findings if f.category == "title-conflict"]


def test_a_title_the_person_no_longer_held_on_the_articles_date() -> None:
    (finding,) = dated_titles("President Katalin Novák opened the new bridge over the Tisza.", "2025-06-02")
    assert finding.severity == "warning" and finding.evidence[0].text == "Katalin Novák"
    assert "President of Hungary from 2022-05-10 to 2024-02-26" in finding.message
    assert "not on 2025-06-02 (the article's date)" in finding.message and "“former President”" in finding.message
    assert finding.details["office"] == "president"
    assert finding.details["judged_on"][0] == {"what": "the article's date", "from": "2025-06-02", "to": "2025-06-02"}


def test_a_title_held_at_another_time_than_the_article_names_the_role_held_then() -> None:
    (finding,) = dated_titles("President Vladimir Putin spoke to reporters in Moscow.", "2010-06-01")
    assert "on 2010-06-01 the list has Prime Minister of Russia" in finding.message
    assert dated_titles("Prime Minister Vladimir Putin spoke to reporters in Moscow.", "2010-06-01") == []


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("President Katalin Novák opened the new bridge over the Tisza.", "2023-06-02"),
        ("In May 2023, President Katalin Novák opened the new bridge over the Tisza.", "2025-06-02"),
        ("Former President Katalin Novák opened the new bridge over the Tisza.", "2025-06-02"),
        ("Ex-President Katalin Novák opened the new bridge over the Tisza.", "2025-06-02"),
        ("President Katalin Novák opened the new bridge over the Tisza.", None),
    ],
    ids=["in-office", "event-date-in-office", "former", "ex", "undated-article"],
)
def test_titles_of_their_time_and_undated_articles_are_not_flagged(text: str, published: str | None) -> None:
    assert dated_titles(text, published) == []
