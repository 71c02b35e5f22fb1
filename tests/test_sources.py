"""Reading sources: formats, front matter, and every bad input reported precisely."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from factcheck.errors import SourceError
from factcheck.sources.front_matter import parse_front_matter
from factcheck.sources.model import Source
from factcheck.sources.reading import load_sources
from factcheck.sources.reference_dates import assign_reference_dates, find_dateline


def test_front_matter_fields_and_offsets(write) -> None:  # type: ignore[no-untyped-def]
    text = "---\npublished: 2023-05-04\ntitle: A title\noutlet: Daily\nlanguage: en-GB\n---\nBody here.\n"
    path = write("a.md", text)
    (source,), problems = load_sources([path])
    assert problems == []
    assert source.id == "a"
    assert source.published == dt.date(2023, 5, 4)
    assert source.language == "en-GB"
    assert source.text == text  # offsets count the front matter
    assert source.text[source.body_start :] == "Body here.\n"


def test_front_matter_that_is_not_yaml_is_text() -> None:
    assert parse_front_matter("---\n: : :\n---\nx") == ({}, 0)


def test_jsonl_bad_line_is_reported_and_others_load(write) -> None:  # type: ignore[no-untyped-def]
    path = write(
        "feed.jsonl",
        '{"id": "one", "text": "First text.", "published": "2022-02-01"}\n'
        "{not json\n"
        '{"id": "three", "text": "Third text.", "published": null}\n',
    )
    sources, problems = load_sources([path])
    assert [s.id for s in sources] == ["one", "three"]
    assert sources[0].published == dt.date(2022, 2, 1)
    assert len(problems) == 1 and problems[0].line == 2 and problems[0].path == str(path)


def test_invalid_utf8_names_byte_offset(write) -> None:  # type: ignore[no-untyped-def]
    good = write("good.txt", "A fine text.")
    bad = write("bad.txt", b"Caf\xe9 au lait")
    sources, problems = load_sources([good, bad])
    assert [s.id for s in sources] == ["good"]
    assert "byte offset 3" in problems[0].cause and problems[0].path == str(bad)


def test_empty_and_binary_files_are_problems(write) -> None:  # type: ignore[no-untyped-def]
    sources, problems = load_sources([write("empty.txt", "  \n"), write("bin.txt", b"ab\x00cd")])
    assert sources == []
    causes = {Path(p.path).name: p.cause for p in problems}
    assert "empty source" in causes["empty.txt"] and "binary" in causes["bin.txt"]


def test_bom_is_kept_so_offsets_stay_true(write) -> None:  # type: ignore[no-untyped-def]
    (source,), _ = load_sources([write("bom.txt", "\ufeffText.")])
    assert source.text == "\ufeffText."


def test_duplicate_ids_skip_the_later(tmp_path: Path, write) -> None:  # type: ignore[no-untyped-def]
    folder = write("x/a.txt", "One.").parent
    sources, problems = load_sources([folder, folder / "a.txt"])  # one file named twice
    assert [s.text for s in sources] == ["One."]
    assert "duplicate source id 'a'" in problems[0].cause


def test_missing_file_raises_and_empty_directory_is_a_problem(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"nope\.txt: no such file or directory$"):
        load_sources([str(tmp_path / "nope.txt")])
    (tmp_path / "empty").mkdir()
    sources, problems = load_sources([tmp_path / "empty"])
    assert sources == []
    assert [p.cause for p in problems] == ["directory holds no .txt, .md or .jsonl sources"]


def test_broken_symlink(tmp_path: Path) -> None:
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "missing-target.txt")
    _, problems = load_sources([tmp_path])
    assert problems[0].cause == "broken symbolic link"


def test_texts_and_source_objects() -> None:
    mine = Source(id="mine", text="Hello.")
    sources, problems = load_sources([mine], texts=["Some text of a source."])
    assert [s.id for s in sources] == ["mine", "text-1"] and problems == []


def test_reference_dates_by_origin() -> None:
    dated = Source.from_text("---\npublished: 2022-02-03\n---\nBody", id="dated")
    dateline = Source(id="line", text=" date 2022-02-02 Rest of the text")
    plain = Source(id="plain", text="No date here.")
    refs = assign_reference_dates([dated, dateline, plain])
    assert refs["dated"].origin == "published" and refs["dated"].date == dt.date(2022, 2, 3)
    assert refs["line"].origin == "dateline" and refs["line"].date == dt.date(2022, 2, 2)
    assert refs["plain"].origin == "inferred" and refs["plain"].date == dt.date(2022, 2, 2)
    given = assign_reference_dates([plain], dt.date(2020, 1, 1))
    assert given["plain"].origin == "argument"
    assert assign_reference_dates([plain])["plain"].origin == "none"


def test_dateline_forms() -> None:
    assert find_dateline(Source(id="a", text="Published: 4 March 2021\nText")) == dt.date(
        2021, 3, 4
    )
    assert find_dateline(Source(id="b", text="Updated March 4, 2021 text")) == dt.date(2021, 3, 4)
    assert find_dateline(Source(id="c", text="On 4 March 2021 something happened")) is None
