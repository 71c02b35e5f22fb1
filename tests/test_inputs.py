"""The front door (issue 17): what `check` takes, the ids files get, the folders a walk
enters, front matter that cannot be used, and copies of one article counted once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import factcheck
from factcheck.errors import SourceError
from factcheck.sources.copies import NEAR_COPY_JACCARD, find_copies
from factcheck.sources.file_ids import file_ids
from factcheck.sources.model import Source
from factcheck.sources.reading import load_sources

REPO = Path(__file__).resolve().parents[1]

WIRE = "At least 40 people were killed when the dam gave way near Tarnow, officials said.\n"
DAILY = "Officials said 12 people were killed when the dam gave way near Tarnow.\n"


# --- strings are paths; texts go in texts= -----------------------------------------------------------


def test_a_string_that_names_no_file_raises_naming_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "articles").mkdir()
    with pytest.raises(SourceError) as raised:
        factcheck.check(["articels"])
    assert raised.value.path == "articels" and str(raised.value) == "articels: no such file or directory"
    with pytest.raises(SourceError, match="pass a text as texts="):
        factcheck.check(["The dam gave way near Tarnow."])


def test_texts_are_checked_under_their_ids() -> None:
    report = factcheck.check(texts=[WIRE, DAILY], reference_date="2025-03-10")
    assert [s.id for s in report.sources] == ["text-1", "text-2"]
    assert [f.category for f in report.findings] == ["quantity-conflict"]


def test_a_mapping_is_one_cluster_of_texts_everywhere(factcheck_cluster) -> None:  # type: ignore[no-untyped-def]
    """``check({"wire": t1, "daily": t2})`` read two clusters both named text-1: no finding, no error."""
    given = {"wire": WIRE, "daily": DAILY}
    report = factcheck.check(given, reference_date="2025-03-10")
    assert sorted((s.id, s.cluster) for s in report.sources) == [("daily", "default"), ("wire", "default")]
    assert report.problems == [] and [f.category for f in report.findings] == ["quantity-conflict"]
    as_texts = factcheck.check(texts=given, reference_date="2025-03-10")
    from_fixture = factcheck_cluster(given, reference_date="2025-03-10")
    assert report.model_dump_json() == as_texts.model_dump_json() == from_fixture.model_dump_json()


def test_dicts_are_read_as_jsonl_lines_are() -> None:
    """``check([{"id": "a", "text": ...}])`` ended in AttributeError: 'dict' object has no attribute 'strip'."""
    records = [
        {"id": "wire", "text": WIRE, "published": "2025-03-04", "desk": "world"},
        {"id": "daily", "text": DAILY},
    ]
    report = factcheck.check(records, reference_date="2025-03-10")
    assert [(s.id, s.published) for s in report.sources] == [("wire", dt.date(2025, 3, 4)), ("daily", None)]
    assert [f.category for f in report.findings] == ["quantity-conflict"]
    sources, problems = load_sources([{"id": "ok", "text": "Fine."}, {"id": "b"}, {"text": "No id."}])
    assert [s.id for s in sources] == ["ok"]
    assert [(p.path, p.cause) for p in problems] == [
        ("<sources[1]>", "source 'b': missing string field 'text'"),  # the causes of a .jsonl line
        ("<sources[2]>", "missing or empty string field 'id'"),
    ]


@pytest.mark.parametrize(
    ("sources", "texts", "expected"),
    [
        ([3], None, r"sources\[0\] is an int; a source is a path \(str or pathlib.Path\)"),
        ([None], None, r"sources\[0\] is None; a source is a path"),
        (7, None, "sources must be a path"),
        ({"alpha": ["lyon/"]}, None, r"sources\['alpha'\] is a list; a mapping is \{source id: text\} of one cluster"),
        ({"id": "a", "text": "One."}, None, "a source record goes in a list"),
        (None, [b"bytes"], r"texts\[0\] is a bytes; texts must be a str, a list of str"),
        (None, 42, "texts must be a str, a list of str, or a mapping"),
    ],
)
def test_unsupported_values_raise_type_error_naming_what_is_accepted(
    sources: object, texts: object, expected: str
) -> None:
    with pytest.raises(TypeError, match=expected):
        factcheck.check(sources, texts=texts)  # type: ignore[arg-type]


# --- ids of files with the same name -----------------------------------------------------------------


def test_same_name_in_two_folders_gets_ids_from_the_path(write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write("2025-10-14/article.txt", "The river rose all night.")
    write("2025-10-15/article.txt", "The river fell by morning.")
    write("2025-10-15/notes.md", "Notes of the day.")
    write("2025-10-15/side.txt", "One.")
    write("2025-10-15/side.md", "Two.")
    sources, problems = load_sources([tmp_path])
    assert problems == []
    assert [s.id for s in sources] == [
        "2025-10-14/article",
        "2025-10-15/article",
        "notes",  # no collision: the plain name, as before
        "2025-10-15/side.md",
        "2025-10-15/side.txt",
    ]
    assert file_ids([tmp_path]) == file_ids([tmp_path / "."])  # the same tree, the same ids
    wire, daily = write("wire/article.txt", "A."), write("daily/article.txt", "B.")
    named = file_ids([daily.parent, wire.parent])
    assert (named[wire], named[daily]) == ("wire/article", "daily/article")
    assert file_ids([wire.parent, daily.parent]) == named  # the order named does not matter


def test_ids_stay_unique_across_clusters(write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write("lyon/report.txt", "At least 40 people were killed in the fire in Lyon.")
    write("graz/report.txt", "Twelve people were killed in the flood in Graz.")
    report = factcheck.check([tmp_path], clusters=True, reference_date="2025-03-10")
    assert sorted((s.id, s.cluster) for s in report.sources) == [("graz/report", "graz"), ("lyon/report", "lyon")]
    assert report.summary.sources_skipped == 0 and report.problems == []


# --- folders a walk leaves out --------------------------------------------------------------------


def test_walk_skips_hidden_environment_and_cache_folders(write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write("articles/story.txt", "The weather was mild.")
    write(".pytest_cache/README.md", "# pytest cache directory #")
    write(".venv/pyvenv.cfg", "home = /usr/bin")
    write(".venv/lib/site-packages/pkg/README.md", "A package.")
    write("env/pyvenv.cfg", "home = /usr/bin")
    write("env/share/doc.txt", "Docs of a tool.")
    write("conda/conda-meta/history", "")
    write("conda/info.md", "Conda.")
    write("web/node_modules/lib/readme.md", "A library.")
    write("pkg/__pycache__/notes.txt", "Cache.")
    write("site-packages/x.txt", "Installed.")
    write(".git/description.md", "Git.")
    write("articles/.draft.txt", "A hidden draft.")
    sources, problems = load_sources([tmp_path])
    assert ([s.id for s in sources], problems) == (["story"], [])
    named, _ = load_sources([tmp_path / "env"])  # a folder named on purpose is read
    assert [s.id for s in named] == ["doc"]
    assert [s.id for s in load_sources([tmp_path / ".pytest_cache"])[0]] == ["README"]


# --- front matter ---------------------------------------------------------------------------------


def test_front_matter_that_is_not_yaml_is_reported_and_the_body_checked(write) -> None:  # type: ignore[no-untyped-def]
    text = "---\ntitle: Floods: 23 dead\npublished: 2025-10-14\n---\nThe river rose on Tuesday.\n"
    path = write("flood.md", text)
    (source,), (problem,) = load_sources([path])
    assert source.text[source.body_start :] == "The river rose on Tuesday.\n"  # not the front matter
    assert source.published == dt.date(2025, 10, 14)  # the lines that are fields are still read
    assert (problem.path, problem.line, problem.severity) == (str(path), 2, "warning")
    assert problem.cause.startswith("front matter is not valid YAML (mapping values are not allowed")
    report = factcheck.check([path])
    assert report.summary.sources_read == 1 and report.summary.sources_failed == 0
    assert [(p.path, p.line, p.severity) for p in report.problems] == [(str(path), 2, "warning")]
    assert all(c.start >= source.body_start for c in report.claims)


def test_unknown_front_matter_key_gets_did_you_mean(write) -> None:  # type: ignore[no-untyped-def]
    path = write("a.md", "---\npublised: 2025-10-14\nauthor: Ann\nsubtitle: More\n---\nBody.\n")
    (source,), problems = load_sources([path])
    assert source.meta == {"publised": "2025-10-14", "author": "Ann", "subtitle": "More"}
    assert [(p.line, p.cause) for p in problems] == [
        (2, "unknown field 'publised' (did you mean 'published'?); kept as metadata")
    ]


def test_byte_order_mark_before_front_matter(write) -> None:  # type: ignore[no-untyped-def]
    path = write("bom.md", "\ufeff---\npublished: 2025-10-14\n---\nBody.\n")
    (source,), problems = load_sources([path])
    assert problems == [] and source.published == dt.date(2025, 10, 14)
    assert source.text[source.body_start :] == "Body.\n" and source.text[0] == "\ufeff"


def test_dashes_that_open_prose_stay_text() -> None:
    text = "---\nHe said: it was over.\nThen he left.\n---\nMore.\n"
    source = Source.from_text(text)
    assert source.body_start == 0 and source.reading_notes() == ()


# --- copies counted once --------------------------------------------------------------------------

ARTICLE = (
    "The regional council met on Tuesday to vote on the new budget for the coming year. "
    "Members argued for most of the afternoon about the money set aside for roads, schools "
    "and the hospital in the north of the region. The finance chief said the plan would cut "
    "the deficit in half within three years without raising local taxes. Opposition members "
    "said the figures did not add up and asked for an independent review of the accounts. "
    "After a long debate the budget passed with a narrow majority late in the evening. "
    "Residents who followed the session from the public gallery said they hoped the promised "
    "repairs to the main bridge would finally begin before the winter. The council will meet "
    "again next month to discuss the details of the transport plan and the new bus routes."
)
QUOTE = (
    '"We will not accept any plan that closes the maternity ward, and we will say so at every meeting '
    'until the council listens to the families who depend on it," the spokeswoman told reporters.'
)


def test_identical_and_near_identical_texts_are_copies() -> None:
    near = ARTICLE.replace("on Tuesday", "on Wednesday")
    sources = [
        Source.from_text(f"---\noutlet: The Paper\npublished: 2025-01-01\n---\n{ARTICLE}", id="c-paper"),
        Source(id="a-wire", text=ARTICLE.upper().replace(". ", ".\n\n")),  # case, spacing, front matter aside
        Source(id="b-site", text=near),
        Source(id="d-other", text="A different story about the harbour."),
    ]
    kept, copies = find_copies(sources)
    assert [s.id for s in kept] == ["a-wire", "d-other"]  # the first by id order stays
    assert [(c.copy.id, c.of.id) for c in copies] == [("b-site", "a-wire"), ("c-paper", "a-wire")]
    assert NEAR_COPY_JACCARD <= copies[0].similarity < 1.0 and copies[1].similarity == 1.0


def test_a_shared_quote_or_a_short_sentence_makes_no_copy() -> None:
    first = "The hospital board met in the morning to discuss the budget cuts. " + QUOTE
    second = QUOTE + " Hundreds of parents marched through the town centre on Saturday afternoon."
    sources = [Source(id="a", text=first), Source(id="b", text=second)]
    assert find_copies(sources) == (sources, [])
    alike = [Source(id=f"s{i}", text="NATO leaders met in Brussels on Monday.") for i in (1, 2)]
    assert find_copies(alike)[1] == []  # one short sentence two sources write alike is agreement


def test_the_seeds_are_five_distinct_articles() -> None:
    sources, _ = load_sources([REPO / "seeds"])
    assert len(sources) == 5 and find_copies(sources)[1] == []


def test_a_copy_is_one_voice_in_the_majority() -> None:
    """The same article under two names made a majority of "2 sources" against one."""
    story = WIRE + "Rescue teams searched the flooded villages below the dam through the night.\n"
    lone = "Officials said 12 people were killed when the dam gave way near Tarnow on Monday."
    report = factcheck.check(
        texts={"wire": story, "wire-copy": story.lower(), "daily": lone}, reference_date="2025-03-10"
    )
    assert [s.id for s in report.sources] == ["wire", "daily"]
    assert report.summary.sources_duplicate == 1 and report.summary.sources_skipped == 0
    (problem,) = report.problems
    assert problem.severity == "info" and problem.path == "wire-copy"
    assert "'wire-copy' is the same text" in problem.message and "of 'wire'" in problem.message
    assert {e.source for f in report.findings for e in f.evidence} <= {"wire", "daily"}
