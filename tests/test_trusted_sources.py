"""Trusted-sources mode: a candidate text checked against references (issue 18, docs/trusted-sources.md).

The sentences are invented; extraction and the checks run on the real spaCy
pipeline and the bundled rules.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import factcheck
from factcheck.cli import main
from factcheck.output import FORMATS
from factcheck.report import Finding, Report
from factcheck.rulebook.config import Config
from factcheck.sources.model import Source


def check(candidate: str | dict[str, str], *references: str, **kwargs: object) -> Report:
    """``candidate`` (id ``draft``, or a mapping of ids to texts) against references ``ref1``, ``ref2`` ..."""
    texts = candidate if isinstance(candidate, dict) else {"draft": candidate}
    sources = [Source.from_text(text, id=source_id) for source_id, text in texts.items()]
    trusted = [Source.from_text(text, id=f"ref{n}") for n, text in enumerate(references, start=1)]
    return factcheck.check(sources, references=trusted, **kwargs)  # type: ignore[arg-type]


def loud(report: Report, category: str | None = None) -> list[Finding]:
    return [f for f in report.at_or_above("warning") if category is None or f.category == category]


def on(report: Report, text: str) -> list[Finding]:
    """Findings with a candidate span holding ``text``."""
    return [f for f in report.findings if any(text in e.text and not e.source.startswith("ref") for e in f.evidence)]


# --- interface ------------------------------------------------------------------------------------


def test_roles_are_reported_only_with_references() -> None:
    with_references = check("The pier is 40 metres long.", "The pier is 40 metres long.")
    assert {s.id: s.role for s in with_references.sources} == {"draft": "candidate", "ref1": "reference"}
    assert [s["role"] for s in json.loads(with_references.model_dump_json())["sources"]] == ["candidate", "reference"]
    assert "trusted.unsupported" in {r.id for r in with_references.rules}

    plain = factcheck.check([Source.from_text("The pier is 40 metres long.", id="draft")])
    assert [s.role for s in plain.sources] == [None]
    assert "role" not in json.loads(plain.model_dump_json())["sources"][0]
    assert "trusted.unsupported" not in {r.id for r in plain.rules}


def test_a_source_object_may_carry_its_role() -> None:
    assert Source(id="a", text="x").role == "candidate"
    report = factcheck.check(
        [
            Source(id="draft", text="The museum reopened with 31 rooms on Monday."),
            Source(id="wire", text="The museum reopened with 13 rooms on Monday.", role="reference"),
        ]
    )
    assert [f.evidence[0].source for f in loud(report)] == ["draft"]


def test_reference_texts_keep_the_ids_they_are_given() -> None:
    report = factcheck.check(texts=["The dam holds 80 tonnes."], references={"wire": "The dam holds 80 tonnes."})
    assert [(s.id, s.role) for s in report.sources] == [("text-1", "candidate"), ("wire", "reference")]


def test_a_reference_path_that_names_nothing_is_an_error() -> None:
    with pytest.raises(factcheck.SourceError, match="no such file"):
        factcheck.check(texts=["The dam holds 80 tonnes."], references=["refs/wire.txt"])


def test_a_candidate_with_a_reference_id_is_a_duplicate(tmp_path: Path) -> None:
    (tmp_path / "refs").mkdir()
    (tmp_path / "refs" / "story.txt").write_text("The ferry carried 212 people.", encoding="utf-8")
    (tmp_path / "story.txt").write_text("The ferry carried 221 people.", encoding="utf-8")
    report = factcheck.check([tmp_path / "story.txt"], references=[tmp_path / "refs"])
    assert [s.role for s in report.sources] == ["reference"]
    assert any("duplicate source id 'story'" in p.message for p in report.problems)


def test_cli_reference_is_repeatable_and_takes_folders(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "refs").mkdir()
    texts = {
        "refs/wire.txt": "The tunnel stretches 14 kilometres under the bay, engineers said.",
        "agency.txt": "Engineers said the tunnel stretches 14 kilometres under the bay.",
        "draft.txt": "The tunnel stretches 41 kilometres under the bay, engineers said.",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    options = ["--no-cache", "--no-config", "-q"]
    args = ["check", str(tmp_path / "draft.txt"), "--reference", str(tmp_path / "refs")]
    assert main([*args, "--reference", str(tmp_path / "agency.txt"), "--format", "json", *options]) == 1
    report = json.loads(capsys.readouterr().out)
    roles = {s["id"]: s["role"] for s in report["sources"]}
    assert roles == {"draft": "candidate", "wire": "reference", "agency": "reference"}
    conflict = next(f for f in report["findings"] if f["category"] == "quantity-conflict")
    assert conflict["evidence"][0]["source"] == "draft"
    assert main(["claims", str(tmp_path / "draft.txt"), "--reference", str(tmp_path / "agency.txt"), *options]) == 0
    assert {json.loads(line)["source"] for line in capsys.readouterr().out.splitlines()} == {"draft", "agency"}


def test_configuration_names_references_relative_to_itself(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.rulebook.config import load_config

    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "wire.txt").write_text("The orchestra has 96 players.", encoding="utf-8")
    (tmp_path / "factcheck.toml").write_text('references = ["sources/wire.txt"]\n', encoding="utf-8")
    (tmp_path / "draft.txt").write_text("The orchestra has 69 players.", encoding="utf-8")
    config = load_config(tmp_path / "factcheck.toml")
    assert config.references == [str(tmp_path / "sources" / "wire.txt")]
    monkeypatch.chdir(tmp_path)
    report = factcheck.check(["draft.txt"], config=config)
    assert [s.role for s in report.sources] == ["candidate", "reference"]


def test_pytest_fixture_checks_a_candidate_against_references(factcheck_cluster) -> None:  # type: ignore[no-untyped-def]
    report = factcheck_cluster(
        {"summary": "The storm cut power to 5,200 homes on Sunday."},
        references={"wire": "The storm cut power to 2,500 homes on Sunday."},
    )
    assert [f.evidence[0].source for f in report.at_or_above("warning")] == ["summary"]
    assert [s.role for s in report.sources] == ["candidate", "reference"]
    listed = factcheck_cluster(["The storm cut power to 5,200 homes."], references=["Power was cut to 5,200 homes."])
    assert [(s.id, s.role) for s in listed.sources] == [("s1", "candidate"), ("r1", "reference")]


# --- semantics ------------------------------------------------------------------------------------


def test_one_reference_decides_a_figure_and_the_candidate_comes_first() -> None:
    report = check(
        "Heavy rain flooded the valley on Monday, killing 31 people, officials said.",
        "Officials said 13 people were killed when heavy rain flooded the valley on Monday.",
    )
    (finding,) = loud(report, "quantity-conflict")
    assert [e.source for e in finding.evidence] == ["draft", "ref1"]
    assert finding.evidence[0].text.startswith("31")
    assert finding.suggestion == finding.evidence[1].text


def test_whatever_the_majority_the_references_decide() -> None:
    candidates = {
        "draft1": "The new bridge spans 640 metres, the council said.",
        "draft2": "The council said the new bridge spans 640 metres.",
    }
    report = check(candidates, "The council said the new bridge spans 460 metres.")
    flagged = sorted(f.evidence[0].source for f in loud(report, "quantity-conflict"))
    assert flagged == ["draft1", "draft2"]


def test_one_reference_decides_a_date() -> None:
    report = check(
        "The Orlen Street bridge reopened to traffic on 17 September 2025 after repairs.",
        "The Orlen Street bridge reopened to traffic on 18 September 2025 after repairs.",
    )
    (finding,) = loud(report, "date-conflict")
    assert finding.evidence[0].source == "draft" and finding.suggestion == "18 September 2025"


def test_a_wrong_year_of_an_earlier_event_is_reported() -> None:
    report = check(
        "In 2004 she was elected to the board of the Halden Rowing Club.",
        "She joined in 1998, and in 2006 she was elected to the board of the Halden Rowing Club.",
    )
    assert [f.evidence[0].text for f in loud(report, "date-conflict")] == ["2004"]


def test_one_reference_decides_a_name_spelling() -> None:
    report = check(
        "The award went to the engineer Teodor Vansk for the design.",
        "The engineer Teodor Vanek received the award for the design.",
    )
    (finding,) = loud(report, "name-spelling")
    assert finding.evidence[0].source == "draft" and finding.evidence[1].source == "ref1"
    assert finding.suggestion == "Teodor Vanek"


def test_two_letters_swapped_in_a_surname_are_a_misspelling() -> None:
    report = check(
        "Police said Marek Tlosan was rescued from the ridge on Sunday.",
        "Police said Marek Tolsan was rescued from the ridge on Sunday.",
    )
    assert [f.suggestion for f in loud(report, "name-spelling")] == ["Marek Tolsan"]


def test_one_reference_decides_a_title() -> None:
    report = check(
        "The car was found on Friday, said Police Sergeant Alma Rusk.",
        "The car was found on Friday, said Police Inspector Alma Rusk.",
    )
    (finding,) = loud(report, "title-conflict")
    assert finding.evidence[0].source == "draft"
    assert finding.suggestion == "Police Inspector"


def test_ages_of_one_person_however_the_name_is_written() -> None:
    report = check(
        "The boat capsized near the pier. Maria K. Lindholm, 29, swam to shore, police said.",
        "Maria Lindholm, 32, swam to shore after the boat capsized, police said.",
    )
    assert [f.evidence[0].text for f in loud(report, "quantity-conflict")] == ["29"]


def test_a_count_without_its_noun_is_a_count_of_people() -> None:
    report = check(
        "The blast killed 12 people and left 418 injured, police said.",
        "Police said 12 people were killed and 148 people injured in the blast.",
    )
    assert [f.evidence[0].text for f in loud(report, "quantity-conflict")] == ["418"]


def test_swapped_digits_are_misreported_even_within_about() -> None:
    report = check(
        "About $317 million of the price will be paid in cash.",
        "Roughly $371 million of the price will be paid in cash, the company said.",
    )
    assert [f.evidence[0].text for f in loud(report, "quantity-conflict")] == ["About $317 million"]


@pytest.mark.parametrize(
    ("candidate", "reference"),
    [
        ("About 12,000 people were evacuated from the valley.", "11,800 people were evacuated from the valley."),
        ("The storm reached 130 km/h, forecasters said.", "The storm reached 80 mph, forecasters said."),
        (
            "Teodor Vanek designed the bridge. Vanek said it took six years.",
            "The engineer Teodor Vanek designed the bridge over six years.",
        ),
        (
            "---\npublished: 2025-03-14\n---\nThe plant closed on Wednesday, 12 March 2025.",
            "---\npublished: 2025-03-14\n---\nThe plant closed on Wednesday, the company said.",
        ),
        ("President Volodymyr Zelenskyy met the delegation.", "President Volodymyr Zelensky met the delegation."),
    ],
    ids=["rounding", "conversion", "surname-alone", "weekday", "accepted-variant"],
)
def test_agreement_is_judged_as_in_the_cluster_checks(candidate: str, reference: str) -> None:
    report = check(candidate, reference)
    assert [f for f in report.findings if f.category != "unsupported-claim"] == []


def test_what_no_reference_states_is_an_unsupported_claim_at_info() -> None:
    report = check(
        "The library reopened on Monday with 40,000 books, said the mayor, Ilse Brandvik.",
        "The library reopened on Monday with 40,000 books.",
        reference_date="2025-05-07",
    )
    unsupported = [f for f in report.findings if f.category == "unsupported-claim"]
    assert [(f.evidence[0].text, f.severity) for f in unsupported] == [("Ilse Brandvik", "info")]


def test_unsupported_claims_are_rule_configurable() -> None:
    config = Config(severity={"trusted.unsupported": "warning"}, params={"trusted.unsupported": {"kinds": ["figure"]}})
    report = check(
        "The library holds 40,000 books and 900 maps, said Ilse Brandvik.",
        "The library holds 40,000 books.",
        config=config,
    )
    assert [(f.evidence[0].text, f.severity) for f in on(report, "900") if f.category == "unsupported-claim"] == [
        ("900 maps", "warning")
    ]
    assert not [f for f in report.findings if f.category == "unsupported-claim" and "Brandvik" in f.evidence[0].text]


def test_a_contradicted_claim_is_not_also_unsupported() -> None:
    report = check("The hall seats 850 people.", "The hall seats 580 people.")
    assert [f.category for f in on(report, "850")] == ["quantity-conflict"]


def test_references_that_disagree_are_reported_once_at_info_and_never_against_the_candidate() -> None:
    report = check(
        "The reservoir holds 40 million cubic metres, the water board said.",
        "The reservoir holds 40 million cubic metres, the water board said.",
        "The water board said the reservoir holds 55 million cubic metres.",
    )
    assert on(report, "40 million") == []
    between = [f for f in report.findings if f.details.get("between_references")]
    assert [(f.category, f.severity) for f in between] == [("quantity-conflict", "info")]


def test_a_candidate_title_agreeing_with_one_reference_is_not_reported() -> None:
    report = check(
        "Captain Ruben Osei said the ship left port at dawn.",
        "Captain Ruben Osei said the ship left port at dawn.",
        "Major Ruben Osei said the ship left port at dawn.",
    )
    assert on(report, "Ruben Osei") == []


def test_a_rule_scoped_to_the_candidate_keeps_its_conflicts_with_references(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "figures.yaml").write_text(
        "rules:\n"
        "  - id: draft.figures\n"
        "    check: quantity-conflict\n"
        "    category: quantity-conflict\n"
        "    severity: warning\n"
        "    message: '{first} vs {second}'\n"
        "    scope: {sources: [draft]}\n",
        encoding="utf-8",
    )
    report = check(
        "The hall seats 850 people, the council said.", "The council said the hall seats 580 people.", rules=[pack]
    )
    assert [f.rule for f in loud(report)] == ["draft.figures"]


def test_rule_examples_may_mark_references() -> None:
    from factcheck.rule_tests import example_sources
    from factcheck.rulebook.model import ExampleSource, RuleExample

    example = RuleExample(
        name="x",
        sources=[ExampleSource(id="a", text="One."), ExampleSource(id="b", text="Two.", role="reference")],
        forbid=[{"source": "a"}],  # type: ignore[list-item]
    )
    assert [s.role for s in example_sources(example)] == ["candidate", "reference"]


# --- reports --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def figures_report() -> Report:
    return check(
        "Heavy rain flooded the valley on Monday, killing 31 people, officials said.",
        "Officials said 13 people were killed when heavy rain flooded the valley on Monday.",
    )


def test_every_format_shows_which_sources_are_references(figures_report: Report) -> None:
    text = FORMATS["text"](figures_report, False)
    assert "ref1 (reference)" in text and "Checked against the references ref1: draft" in text
    sarif = json.loads(FORMATS["sarif"](figures_report, False))
    roles = {a["properties"]["sourceId"]: a["roles"] for a in sarif["runs"][0]["artifacts"]}
    assert roles == {"draft": ["analysisTarget"], "ref1": ["referencedOnCommandLine"]}
    junit = FORMATS["junit"](figures_report, False)
    assert '<property name="role" value="reference" />' in junit and "ref1 (reference)" in junit
    github = FORMATS["github"](figures_report, False)
    loud_lines = [line for line in github.splitlines() if line.startswith(("::warning", "::error"))]
    assert len(loud_lines) == 1 and "References: ref1" in loud_lines[0] and "summary" not in loud_lines[0]
    lines = [json.loads(line) for line in FORMATS["jsonl"](figures_report, False).splitlines()]
    assert any(f["evidence"][0]["source"] == "draft" and f["evidence"][-1]["source"] == "ref1" for f in lines)


def test_html_shows_the_candidate_beside_the_reference_passages(figures_report: Report) -> None:
    page = FORMATS["html"](figures_report, False)
    section = page[page.index('<section id="against">') :]
    section = section[: section.index("</section>")]
    assert '<mark class="error"' in section and "draft" in section
    assert '<span class="role">reference</span>' in section and "13 people" in section
    ids = re.findall(r' id="([^"]+)"', page)
    assert len(ids) == len(set(ids))


def test_without_references_the_html_has_no_such_section() -> None:
    report = factcheck.check([Source.from_text("The pier is 40 metres long.", id="draft")])
    assert 'id="against"' not in FORMATS["html"](report, False)


# --- general fixes found on the trusted-sources cases ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("Police Sgt. Tove Brekke said the boat sank.", "Tove Brekke", "Police Sgt."),
        (
            "The fine was set aside, Orrin County District Attorney Paul Vesey said.",
            "Paul Vesey",
            "Orrin County District Attorney",
        ),
        (
            "Laura Benton, senior vice president and general manager of Orvex's Data Center Units, said sales rose.",
            "Laura Benton",
            "senior vice president and general manager of Orvex's Data Center Units",
        ),
    ],
    ids=["rank-abbreviation", "two-word-office", "joined-apposition"],
)
def test_titles_the_cluster_checks_missed(nlp, text: str, name: str, title: str) -> None:  # type: ignore[no-untyped-def]
    from factcheck.extraction.entities import extract_entities
    from factcheck.extraction.vocabulary import english_words
    from factcheck.names.index import NameIndex

    claims = extract_entities(nlp(text), "s", NameIndex([]), english_words(nlp), nlp.tokenizer)
    assert [c.titles for c in claims if c.surface == name] == [(title,)]


def test_two_swapped_letters_are_one_name_among_equal_sources() -> None:
    from factcheck.names.forms import Difference, person_difference

    assert person_difference("Marek Tlosan", "Marek Tolsan") is Difference.NEAR
    assert person_difference("Marek Tolsan", "Marek Tolsen") is Difference.NEAR
    assert person_difference("Anna Ros", "Anna Sor") is None  # short words: too little to tell a slip


def test_a_candidate_repeating_a_reference_figure_is_backed_whatever_else_is_said() -> None:
    from factcheck.checks.figures import Interval
    from factcheck.checks.quantity_parts import backed_candidates
    from factcheck.claims import QuantityClaim

    def figure(source: str, value: float, predicate: str) -> tuple[QuantityClaim, Interval]:
        text = f"{value:g} ports"
        claim = QuantityClaim(
            source=source, start=0, end=len(text), text=text, sentence=text, sentence_start=0,
            value=value, low=value, high=value, noun="ports", noun_lemma="port", predicate=predicate,
        )  # fmt: skip
        return claim, Interval(value, value, False, False)

    draft, same, other = figure("draft", 2, "offer"), figure("ref1", 2, "offer"), figure("ref2", 3, "tout")
    wrong = figure("draft", 5, "offer")
    backed = backed_candidates([draft, same, other, wrong], frozenset({"ref1", "ref2"}))
    assert backed == {id(draft[0])}
    assert backed_candidates([draft, same], frozenset()) == frozenset()


FERRY = "---\npublished: 2025-04-03\n---\nThe Harwich ferry with 300 passengers aboard sailed at {} BST on Wednesday."


def test_one_reference_decides_a_time_and_a_time_a_reference_gives_is_backed() -> None:
    decided = check(FERRY.format("21:40"), FERRY.format("20:40"))
    (finding,) = [f for f in loud(decided) if f.rule == "dates.time-conflict"]
    assert [e.source for e in finding.evidence] == ["draft", "ref1"]
    assert finding.suggestion == "20:40 BST on Wednesday"
    backed = check(FERRY.format("21:40"), FERRY.format("21:40"), FERRY.format("20:40"))
    assert [f for f in backed.findings if f.rule == "dates.time-conflict" and f.severity != "info"] == []
    assert on(backed, "21:40") == []


def test_a_wrong_weekday_in_a_reference_is_only_a_note() -> None:
    report = check(
        "The council met on Tuesday, 4 March 2025, and approved the plan.",
        "The council met on Monday, 4 March 2025, and approved the plan.",
    )
    weekday = [f for f in report.findings if f.category == "date-weekday"]
    assert [(f.evidence[0].source, f.severity, f.details.get("between_references")) for f in weekday] == [
        ("ref1", "info", True)
    ]


def test_the_same_verb_decides_a_figure_a_power_of_ten_off_but_not_any_other() -> None:
    zero_too_many = check(
        "Elsewhere, armed men raided a post office in Lille last week, escaping with around €400,000.",
        "The gang escaped with around €40,000, a prosecutor said.",
    )
    assert [f.evidence[0].text for f in loud(zero_too_many, "quantity-conflict")] == ["around €400,000"]
    other_thing = check(
        "The larger model costs $1,199 in the United States.", "Cases for the phones cost $19.99 each at launch."
    )
    assert loud(other_thing) == []
    assert [f.severity for f in other_thing.findings if f.category == "quantity-conflict"] == ["info"]


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        ("The jury heard from Karl Ostrander's 16-year-old daughter on Tuesday.", None),
        ("A tape showed Karl Ostrander assaulting the 11-year-old girl.", None),
        ("Ana Kovac, a 58-year-old teacher, was hurt.", "Ana Kovac"),
        ("Karl Ostrander is a 58-year-old teacher.", "Karl Ostrander"),
    ],
)
def test_an_age_is_the_persons_the_noun_names(text: str, holder: str | None) -> None:
    report = factcheck.check([Source.from_text(text, id="a")])
    assert [c.holder for c in report.claims if c.kind == "quantity" and c.attribute == "age"] == [holder]


def test_a_candidate_that_copies_a_reference_is_checked_not_dropped_as_a_copy() -> None:
    text = (
        "Firefighters fought a blaze at a paper mill outside Tampere on Tuesday for nine hours. "
        "Forty workers were evacuated and two were treated for smoke inhalation, the rescue service said. "
        "The mill's owner said production would resume next week after an inspection."
    )
    report = factcheck.check(texts={"draft": text}, references={"wire": text})
    assert {s.id for s in report.sources} == {"draft", "wire"}
    assert report.summary.sources_duplicate == 0
    assert [f for f in report.findings if f.severity != "info"] == []


def test_a_holders_figure_is_held_against_the_references_figure_for_that_holder() -> None:
    """The reference's own figure for the person decides, not another figure under the same verb."""
    report = factcheck.check(
        texts={
            "draft": "The Hawks ran all over the Rangers on Sunday. "
            "Tomas Herrera rushed for 184 yards, including a 61-yard touchdown run."
        },
        references={
            "wire": "The Hawks, who had 305 yards rushing, beat the Rangers on Sunday. "
            "Tomas Herrera's 148 yards rushing led the way, with a 61-yard touchdown run."
        },
    )
    (finding,) = [f for f in report.findings if f.category == "quantity-conflict" and f.severity != "info"]
    assert [e.text for e in finding.evidence] == ["184 yards", "148 yards"]
    assert finding.suggestion == "148 yards"
