"""Name checks that learn from the cluster itself: names and acronyms no reference list holds.

Glued names of anyone the cluster names, acronym casing learned from the
sources that define or capitalize an acronym, and wrong diacritics against
the cluster's majority.  The texts and names are invented; they run through
the real spaCy pipeline and the bundled rules and name lists.
"""

from __future__ import annotations

import factcheck
from factcheck.extraction.entities import glue_word
from factcheck.extraction.vocabulary import english_words
from factcheck.names.folding import accent_key
from factcheck.report import Finding
from factcheck.sources.model import Source


def run(*texts: str) -> list[Finding]:
    sources = [Source(id=f"s{i}", text=t) for i, t in enumerate(texts)]
    return factcheck.check(sources, reference_date="2025-03-10").findings


def of(findings: list[Finding], category: str) -> list[tuple[str, str, str]]:
    """(source, text, severity) of each finding of a category."""
    return [(f.evidence[0].source, f.evidence[0].text, f.severity) for f in findings if f.category == category]


# --- 1. glued names -------------------------------------------------------------------------


def test_glued_name_of_someone_the_cluster_names_in_full_is_a_warning() -> None:
    findings = run(
        "Harbour director Idunn Quarshie said the berth was closed.",
        "The harbour director, Idunn Quarshiesaid the berth was closed on Monday.",
        "Quarshie said repairs would take weeks.",
    )
    assert of(findings, "name-glued") == [("s1", "Quarshiesaid", "warning")]


def test_glued_name_before_a_conjunction_is_found() -> None:
    findings = run(
        "Idunn Quarshie and Bertil Maungo inspected the berth.",
        "Idunn Quarshieand Bertil Maungo inspected the berth on Monday.",
    )
    assert of(findings, "name-glued") == [("s1", "Quarshieand", "warning")]


def test_glued_name_confirmed_only_by_a_lone_word_is_info() -> None:
    findings = run(
        "Ms Quarshie said the berth was closed.",
        "Speaking on Monday, Quarshiesaid the berth was closed.",
    )
    assert of(findings, "name-glued") == [("s1", "Quarshiesaid", "info")]


def test_a_name_ending_in_a_number_or_a_quantifier_is_one_word() -> None:
    findings = run(
        "Pilot Tove Brandt and medic Kris Dallow led the rescue.",
        "Kristen, a nurse, was among the first at the scene.",
        "Striker Oren Wood scored twice, and Woodall saved a penalty.",
        "Dallow said the crew worked all night.",
    )
    assert of(findings, "name-glued") == []


def test_glue_words_follow_a_name(nlp) -> None:  # type: ignore[no-untyped-def]
    words = english_words(nlp)
    assert all(glue_word(w, words) for w in ("and", "was", "who", "with", "said"))
    assert not any(glue_word(w, words) for w in ("ten", "all", "any", "her", "than", "via", "the"))


# --- 2. acronym casing learned from the cluster ----------------------------------------------


def test_lowercase_acronym_the_cluster_defines_is_a_warning() -> None:
    findings = run(
        "The Ostrel Building Council (OBCX) published its permit figures on Monday.",
        "The obcx's figures show a sharp fall in permits.",
    )
    assert of(findings, "name-casing") == [("s1", "obcx", "warning")]


def test_lowercase_acronym_capitalized_by_one_other_source_only_is_info() -> None:
    findings = run(
        "The KRTB said the line was closed. KRTB engineers are on site.",
        "Officials at the krtb said the line was closed.",
    )
    assert of(findings, "name-casing") == [("s1", "krtb", "info")]


def test_lowercase_noun_before_of_is_no_acronym() -> None:
    findings = run(
        "The Tarvel Office of Public Safety (TOPS) closed the road.",
        "Officials said the tops of the hills were closed.",
    )
    assert of(findings, "name-casing") == []


def test_question_word_and_house_style_are_not_miscased_acronyms() -> None:
    findings = run(
        "Who will pay for the repairs? Nobody has said.",
        "The World Health Organization (WHO) said the WHO team had left.",
        "The Ortal office in Tarvel said aid arrived. Ortal staff were there.",
        "The Tarvel Relief Agency (ORTAL) said aid had arrived.",
    )
    assert [f for f in of(findings, "name-casing") if f[2] != "info"] == []


# --- 3. wrong diacritics against the cluster's majority ---------------------------------------


def test_lone_surname_with_other_accents_than_the_majority_is_a_misspelling() -> None:
    findings = run(
        "Coach Radomír Vlčánek praised his players.",
        "Radomír Vlčánek said the team had earned it.",
        "Vlčánek was hired in May.",
        "Vlčanek praised his players on Sunday.",
    )
    spelling = [f for f in findings if f.category == "name-spelling"]
    assert [(f.evidence[0].text, f.severity) for f in spelling] == [("Vlčanek", "warning")]
    assert spelling[0].suggestion == "Vlčánek"


def test_ascii_folding_and_a_tie_are_not_misspellings() -> None:
    findings = run(
        "Vlčánek praised his players.",
        "Vlcanek said the team had earned it.",
        "Coach Radomír Vlčanek spoke on Sunday.",
    )
    assert [f for f in findings if f.category == "name-spelling"] == []


def test_cedilla_and_comma_below_are_one_letter() -> None:
    assert accent_key("Ştefănescu") == accent_key("Ștefănescu")
    findings = run(
        "Coach Ionela Ştefănescu praised her players.",
        "Ionela Ștefănescu said the team had earned it.",
        "Coach Ionela Ștefănescu spoke after the game.",
    )
    assert [f for f in findings if f.category == "name-spelling"] == []
