"""Sources in other languages: stated or detected, skipped with a problem naming how; English is checked."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import factcheck
from factcheck.cli import main
from factcheck.errors import FactcheckError
from factcheck.rulebook.config import load_config
from factcheck.sources.language import (
    MIN_CONFIDENCE,
    MIN_WORDS,
    WINDOW_CHARS,
    _identifier,
    decide_language,
    detect_language,
    validate_language_tag,
)
from factcheck.sources.language_filter import split_by_language
from factcheck.sources.model import Source

GERMAN = (
    "Nach Angaben der Feuerwehr brach das Feuer am frühen Dienstagmorgen in einer Lagerhalle im Norden "
    "der Stadt aus. Verletzt wurde niemand. Den Schaden schätzt die Polizei auf 3,5 Millionen Euro; "
    "die Ermittlungen zur Ursache dauern an.\n"
)
FRENCH = (
    "Selon les pompiers, l'incendie s'est déclaré mardi à l'aube dans un entrepôt au nord de la ville. "
    "Personne n'a été blessé et les dégâts sont estimés à 3,5 millions d'euros.\n"
)
ENGLISH = (
    "A fire broke out at dawn on Tuesday in a warehouse in the north of the city, the fire service said. "
    "Nobody was hurt. Police put the damage at 3.5 million euros and are looking into the cause.\n"
)
ENGLISH_OTHER = (
    "Firefighters said the blaze started before sunrise on Tuesday at a storage hall on the northern edge "
    "of town. No one was injured, and the police estimate the damage at 4 million euros.\n"
)


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, Any], str]:
    status = main(["check", *args, "--format", "json", "--no-config", "--no-cache", "-q"])
    out = capsys.readouterr()
    return status, json.loads(out.out), out.err


def sources_of(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {s["id"]: s for s in report["sources"]}


# --- what the detector says --------------------------------------------------------------------


def test_the_detector_is_sure_of_a_german_and_an_english_article() -> None:
    german, english = detect_language(GERMAN), detect_language(ENGLISH)
    assert (german.language, german.sure) == ("de", True)
    assert german.confidence >= MIN_CONFIDENCE and german.words >= MIN_WORDS
    assert (english.language, english.sure) == ("en", True)


def test_a_long_text_is_judged_on_three_windows() -> None:
    text = GERMAN * 400
    found = detect_language(text)
    assert len(text) > 3 * WINDOW_CHARS
    assert (found.language, found.sampled, found.sure) == ("de", True, True)
    assert found.words < len(text.split())  # only the windows were read


def test_figures_and_dashes_are_no_words() -> None:
    decision = decide_language("12 000 — 45 000 — 2022-02-01", None)
    assert (decision.language, decision.origin) == ("en", "assumed")
    assert "0 words are too few" in decision.detail


# --- the `language` key ------------------------------------------------------------------------


@pytest.mark.parametrize("tag", ["en", "EN", "en-GB", "pt_BR", "zh-Hant-TW", " de "])
def test_iso_639_1_codes_with_regions_are_accepted(tag: str) -> None:
    assert validate_language_tag(tag) == tag.strip()


@pytest.mark.parametrize("tag", ["english", "eng", "e", "xx", "en GB", "en-", "False"])
def test_other_language_values_are_refused(tag: str) -> None:
    with pytest.raises(ValueError, match="is not an ISO 639-1 language code"):
        validate_language_tag(tag)


def test_a_bad_language_in_front_matter_is_a_problem_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "typo.md").write_text("---\nlanguage: english\n---\n" + ENGLISH, encoding="utf-8")
    (tmp_path / "norway.md").write_text("---\nlanguage: no\n---\n" + ENGLISH_OTHER, encoding="utf-8")
    (tmp_path / "good.txt").write_text(ENGLISH, encoding="utf-8")
    status, report, err = run([str(tmp_path)], capsys)
    assert status == 2
    assert set(sources_of(report)) == {"good"}
    assert f"{tmp_path / 'typo.md'}: language: 'english' is not an ISO 639-1 language code" in err
    assert "quote the code" in err  # YAML read `no` as false


def test_a_bad_language_in_a_jsonl_line_names_the_line(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    lines = [
        {"id": "a", "text": ENGLISH, "language": "en-US"},
        {"id": "b", "text": ENGLISH_OTHER, "language": "en_us!"},
    ]
    feed.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    report = factcheck.check([feed])
    assert [s.id for s in report.sources] == ["a"]
    (problem,) = report.problems
    assert (problem.path, problem.line) == (str(feed), 2)
    assert "'en_us!' is not an ISO 639-1 language code" in problem.message


def test_a_source_object_with_a_bad_language_does_not_validate() -> None:
    with pytest.raises(ValueError, match="not an ISO 639-1"):
        Source(id="x", text=ENGLISH, language="British")


def test_a_bad_configured_language_is_a_configuration_error(tmp_path: Path) -> None:
    config = tmp_path / "factcheck.toml"
    config.write_text('[sources]\nlanguage = "british"\n', encoding="utf-8")
    with pytest.raises(FactcheckError, match=r"sources\.language: 'british' is not an ISO 639-1 language code"):
        load_config(config)


# --- which sources are checked -----------------------------------------------------------------


def test_a_german_article_without_the_key_is_skipped_with_a_problem_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "bericht.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "report.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "story.txt").write_text(ENGLISH_OTHER, encoding="utf-8")
    status, report, err = run([str(tmp_path)], capsys)
    assert status == 2  # a source left out is not a clean run, as for any skipped source
    assert set(sources_of(report)) == {"report", "story"}
    assert report["summary"]["sources_skipped"] == 1
    line = next(line for line in err.splitlines() if "bericht.txt" in line)
    assert line.startswith(f"factcheck: source problem: {tmp_path / 'bericht.txt'}: language 'de', detected at ")
    assert "factcheck reads English only; skipped" in line
    assert "`language: en`" in line  # how to override a wrong guess
    # nothing was read from the German text: no invented name, no 3.5
    assert all(c["source"] != "bericht" for c in report["claims"])


def test_skipped_sources_exit_by_the_findings_with_allow_failed_sources(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "bericht.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "report.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "story.txt").write_text(ENGLISH_OTHER, encoding="utf-8")
    status, report, _ = run([str(tmp_path), "--allow-failed-sources"], capsys)
    assert status == (1 if report["findings"] else 0)


def test_the_text_summary_counts_skipped_sources(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "bericht.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "report.txt").write_text(ENGLISH, encoding="utf-8")
    main(["check", str(tmp_path), "--no-config", "--no-cache", "-q"])
    assert "1 source(s) checked, 0 failed, 1 skipped" in capsys.readouterr().out


def test_language_fr_in_front_matter_skips_even_a_short_text() -> None:
    report = factcheck.check(texts=["---\nlanguage: fr\n---\nIncendie à Lyon\n", ENGLISH], reference_date="2025-03-10")
    assert [s.id for s in report.sources] == ["text-2"]
    (problem,) = report.problems
    assert problem.path == "text-1"
    assert problem.message == "language 'fr', stated in front matter: factcheck reads English only; skipped"
    assert report.summary.sources_skipped == 1


def test_language_en_wins_over_detection() -> None:
    stated = Source.from_text("---\nlanguage: en\n---\n" + GERMAN, id="stated")
    report = factcheck.check([stated])
    (info,) = report.sources
    assert (info.language, info.language_origin, info.language_detail) == ("en", "stated", "stated in front matter")
    assert report.summary.sources_skipped == 0
    assert report.claims  # it was read


def test_a_short_english_headline_is_checked() -> None:
    report = factcheck.check(texts=["Warehouse fire in Lyon"])
    (info,) = report.sources
    assert (info.language, info.language_origin) == ("en", "assumed")
    assert info.language_detail == f"assumed, as 4 words are too few to detect a language (at least {MIN_WORDS})"
    assert report.problems == []


def test_a_short_foreign_headline_is_checked_as_english_and_says_so() -> None:
    """Under MIN_WORDS a guess is too shaky to skip on: checked as English, and the report says why."""
    report = factcheck.check(texts=["Feuerwehr löscht Brand in Lagerhalle"])
    (info,) = report.sources
    assert (info.language, info.language_origin) == ("en", "assumed")
    assert "too few to detect" in info.language_detail


def test_a_text_too_short_to_detect_does_not_load_the_detector() -> None:
    """Its answer would not be taken under MIN_WORDS, so its half-second model load is spared."""
    _identifier.cache_clear()
    decision = decide_language("Feuerwehr löscht Brand in Lagerhalle", None)
    assert (decision.language, decision.origin) == ("en", "assumed")
    assert "5 words are too few" in decision.detail
    assert _identifier.cache_info().currsize == 0
    assert decide_language(GERMAN, None).language == "de"
    assert _identifier.cache_info().currsize == 1


def test_the_json_report_records_each_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "uk.md").write_text("---\nlanguage: en-GB\n---\n" + ENGLISH, encoding="utf-8")
    (tmp_path / "wire.txt").write_text(ENGLISH_OTHER, encoding="utf-8")
    _, report, _ = run([str(tmp_path)], capsys)
    uk, wire = sources_of(report)["uk"], sources_of(report)["wire"]
    assert (uk["language"], uk["language_origin"], uk["language_confidence"]) == ("en-GB", "stated", None)
    assert (wire["language"], wire["language_origin"]) == ("en", "detected")
    # plain English news is told by its function words, without the detector's probability
    assert wire["language_confidence"] is None
    assert wire["language_detail"].startswith("detected by its English function words")


def test_mixed_clusters_check_their_english_sources(tmp_path: Path) -> None:
    for cluster, texts in {
        "fire": {"en1": ENGLISH, "de1": GERMAN, "en2": ENGLISH_OTHER},
        "blaze": {"fr1": FRENCH, "en3": ENGLISH_OTHER},
    }.items():
        (tmp_path / cluster).mkdir()
        for name, text in texts.items():
            (tmp_path / cluster / f"{name}.txt").write_text(text, encoding="utf-8")
    report = factcheck.check([tmp_path], clusters=True)
    assert sorted((s.cluster, s.id) for s in report.sources) == [
        ("blaze", "en3"),
        ("fire", "en1"),
        ("fire", "en2"),
    ]
    assert report.summary.sources_skipped == 2
    assert sorted(Path(p.path).name for p in report.problems) == ["de1.txt", "fr1.txt"]
    assert {c.source for c in report.claims} <= {"en1", "en2", "en3"}


def test_a_jsonl_language_field_is_stated(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    lines = [{"id": "a", "text": ENGLISH}, {"id": "b", "text": "Incendie à Lyon", "language": "fr-FR"}]
    feed.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    report = factcheck.check([feed])
    assert [s.id for s in report.sources] == ["a"]
    (problem,) = report.problems
    assert (problem.path, problem.line) == (str(feed), 2)
    assert problem.message.startswith("language 'fr-FR', stated in its .jsonl line")


def test_the_configured_language_settles_what_detection_cannot(tmp_path: Path) -> None:
    config = tmp_path / "factcheck.toml"
    config.write_text('[sources]\nlanguage = "fr"\n', encoding="utf-8")
    report = factcheck.check(texts=["Incendie à Lyon", ENGLISH], config=load_config(config))
    assert [s.id for s in report.sources] == ["text-2"]  # detected English: the default does not override it
    (problem,) = report.problems
    assert problem.message.startswith("language 'fr', from the configuration, as 3 words are too few")


def test_a_configured_english_locale_does_not_read_a_german_article(tmp_path: Path) -> None:
    config = tmp_path / "factcheck.toml"
    config.write_text('[sources]\nlanguage = "en-GB"\n', encoding="utf-8")
    report = factcheck.check(texts=[GERMAN, ENGLISH], config=load_config(config))
    assert [(s.id, s.language) for s in report.sources] == [("text-2", "en")]
    assert report.summary.sources_skipped == 1


def test_split_by_language_keeps_the_input_objects_unchanged() -> None:
    given = [Source(id="a", text=ENGLISH), Source(id="b", text=GERMAN)]
    kept, skipped = split_by_language(given)
    assert [s.id for s in kept] == ["a"] and [p.path for p in skipped] == ["b"]
    assert given[0]._language is None and kept[0]._language is not None


def test_a_bad_language_in_a_rule_example_is_a_rule_problem(tmp_path: Path) -> None:
    from factcheck.rulebook.loader import load_rule_packs

    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "rules.yaml").write_text(
        "rules:\n"
        "  - id: my.casing\n"
        "    check: name-casing\n"
        "    category: name-casing\n"
        "    severity: warning\n"
        '    message: "{text} -> {suggestion}"\n'
        "    examples:\n"
        "      - name: british\n"
        "        sources:\n"
        "          - {id: a, text: Leaders of nato met., language: british}\n"
        "        expect: [{source: a, text: nato}]\n",
        encoding="utf-8",
    )
    problems = load_rule_packs([pack]).problems
    assert any("'british' is not an ISO 639-1 language code" in p.message for p in problems), problems


def test_plain_english_news_is_decided_without_the_detector() -> None:
    from factcheck.sources.language import decide_language, plainly_english

    decision = decide_language(ENGLISH, None)
    assert (decision.language, decision.origin, decision.confidence) == ("en", "detected", None)
    assert decision.detail.startswith("detected by its English function words")
    assert plainly_english(GERMAN) is None  # left to the detector, which skips it
    assert decide_language(GERMAN, None).language == "de"
