"""Checks on the bundled reference name lists in ``rules/names/*.yaml``.

These tests read the real files on disk: they guard the data, not the code.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from pathlib import Path

import pytest
import yaml
from unidecode import unidecode

from factcheck.names.reference import NameList, ReferenceEntity

REPO_ROOT = Path(__file__).resolve().parents[1]
NAMES_DIR = REPO_ROOT / "rules" / "names"
YAML_FILES = sorted(NAMES_DIR.glob("*.yaml"))

MIN_ENTITIES = 300

# Strings the library must catch by fuzzy matching; the lists must never contain them.
FORBIDDEN_FORMS = ("Zelesnki", "Volodmyr", "Órban", "Saakshvilli", "Yuschenko", "Putinaccused")


def fold(text: str) -> str:
    """Compare forms the way the library does: accents removed, case folded."""
    return " ".join(unidecode(text).casefold().split())


def load(path: Path) -> NameList:
    with path.open(encoding="utf-8") as handle:
        return NameList.model_validate(yaml.safe_load(handle))


@pytest.fixture(scope="module")
def name_lists() -> dict[str, NameList]:
    return {path.name: load(path) for path in YAML_FILES}


@pytest.fixture(scope="module")
def entities(name_lists: dict[str, NameList]) -> list[ReferenceEntity]:
    return [entity for name_list in name_lists.values() for entity in name_list.entities]


def accepted_forms(entity: ReferenceEntity) -> list[str]:
    """Forms correct in English text: canonical, variants, acronym and its house styles."""
    forms = [entity.canonical, *(v.form for v in entity.variants), *entity.house_styles]
    if entity.acronym:
        forms.append(entity.acronym)
    return forms


def all_forms(entity: ReferenceEntity) -> list[str]:
    return [
        *accepted_forms(entity),
        *(f.form for f in entity.foreign),
        *entity.misspellings,
    ]


def year_month_day(value: dt.date | int) -> tuple[int, ...]:
    """A date as a comparable tuple; a bare year compares on the year only."""
    if isinstance(value, dt.date):
        return (value.year, value.month, value.day)
    return (value,)


def test_files_exist() -> None:
    names = {path.name for path in YAML_FILES}
    assert {"people.yaml", "organizations.yaml"} <= names


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: p.name)
def test_file_validates_against_schema(path: Path) -> None:
    name_list = load(path)
    assert name_list.about.strip(), f"{path.name}: 'about' is empty"
    assert name_list.sources, f"{path.name}: 'sources' is empty"
    assert name_list.entities, f"{path.name}: no entities"


def test_enough_entities(entities: list[ReferenceEntity]) -> None:
    assert len(entities) >= MIN_ENTITIES


def test_ids_unique_across_files(name_lists: dict[str, NameList]) -> None:
    seen: dict[str, str] = {}
    duplicates = []
    for file_name, name_list in name_lists.items():
        for entity in name_list.entities:
            if entity.id in seen:
                duplicates.append(f"{entity.id} ({seen[entity.id]}, {file_name})")
            seen[entity.id] = file_name
    assert not duplicates, duplicates


def test_no_form_belongs_to_two_entities(entities: list[ReferenceEntity]) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for entity in entities:
        for form in all_forms(entity):
            owners[fold(form)].add(entity.id)
    shared = {form: sorted(ids) for form, ids in owners.items() if len(ids) > 1}
    assert not shared, shared


def test_no_form_shared_under_library_folding(entities: list[ReferenceEntity]) -> None:
    """The library folds harder (punctuation and hyphens dropped): "OPEC+" is "opec" there."""
    folding = pytest.importorskip("factcheck.names.folding")
    owners: dict[str, set[str]] = defaultdict(set)
    for entity in entities:
        for form in all_forms(entity):
            owners[folding.fold(form)].add(entity.id)
    shared = {form: sorted(ids) for form, ids in owners.items() if len(ids) > 1}
    assert not shared, shared


def test_form_classes_do_not_overlap_within_an_entity(entities: list[ReferenceEntity]) -> None:
    """An accepted form cannot also be listed as foreign or as a misspelling."""
    problems = []
    for entity in entities:
        accepted = {fold(form) for form in accepted_forms(entity)}
        foreign = {fold(f.form) for f in entity.foreign}
        misspelled = {fold(form) for form in entity.misspellings}
        for label, overlap in (
            ("accepted/foreign", accepted & foreign),
            ("accepted/misspelling", accepted & misspelled),
            ("foreign/misspelling", foreign & misspelled),
        ):
            if overlap:
                problems.append(f"{entity.id}: {label}: {sorted(overlap)}")
    assert not problems, problems


def test_every_person_has_a_role(entities: list[ReferenceEntity]) -> None:
    missing = [e.id for e in entities if e.type == "PERSON" and not e.roles]
    assert not missing, missing


def test_every_role_has_a_start(entities: list[ReferenceEntity]) -> None:
    missing = [f"{e.id}: {r.title}" for e in entities for r in e.roles if r.start is None]
    assert not missing, missing


def test_role_end_not_before_start(entities: list[ReferenceEntity]) -> None:
    bad = []
    for entity in entities:
        for role in entity.roles:
            if role.start is None or role.end is None:
                continue
            start, end = year_month_day(role.start), year_month_day(role.end)
            width = min(len(start), len(end))
            if end[:width] < start[:width]:
                bad.append(f"{entity.id}: {role.title} {role.start} -> {role.end}")
    assert not bad, bad


def test_role_years_are_plausible(entities: list[ReferenceEntity]) -> None:
    bad = []
    for entity in entities:
        for role in entity.roles:
            for value in (role.start, role.end):
                if value is None:
                    continue
                year = value.year if isinstance(value, dt.date) else value
                if not 1900 <= year <= 2030:
                    bad.append(f"{entity.id}: {role.title}: {value}")
    assert not bad, bad


def test_non_ascii_canonical_has_ascii_variant(entities: list[ReferenceEntity]) -> None:
    missing = []
    for entity in entities:
        if entity.canonical.isascii():
            continue
        folded = unidecode(entity.canonical)
        if folded not in {v.form for v in entity.variants}:
            missing.append(f"{entity.id}: {folded!r}")
    assert not missing, missing


def test_forms_have_no_stray_whitespace(entities: list[ReferenceEntity]) -> None:
    bad = [
        f"{entity.id}: {form!r}"
        for entity in entities
        for form in all_forms(entity)
        if form != form.strip() or "  " in form
    ]
    assert not bad, bad


def test_foreign_languages_are_iso_639_1(entities: list[ReferenceEntity]) -> None:
    bad = [
        f"{entity.id}: {f.form} ({f.language})"
        for entity in entities
        for f in entity.foreign
        if not re.fullmatch(r"[a-z]{2}", f.language)
    ]
    assert not bad, bad


def test_house_styles_are_case_variants_of_the_acronym(entities: list[ReferenceEntity]) -> None:
    bad = []
    for entity in entities:
        if entity.house_styles and not entity.acronym:
            bad.append(f"{entity.id}: house styles without an acronym")
        for style in entity.house_styles:
            if entity.acronym and style.casefold() != entity.acronym.casefold():
                bad.append(f"{entity.id}: {style!r} is not a case variant of {entity.acronym!r}")
    assert not bad, bad


def test_forbidden_corpus_strings_absent() -> None:
    """The lists must not be tuned to a test corpus: these typos are for fuzzy matching."""
    for path in YAML_FILES:
        text = path.read_text(encoding="utf-8").casefold()
        present = [form for form in FORBIDDEN_FORMS if form.casefold() in text]
        assert not present, f"{path.name}: {present}"
