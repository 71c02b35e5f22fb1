"""The bad-input catalogue of docs/reliability.md, one test (or more) per item.

Every bad input ends the same way: the run finishes, the bad source is a
problem naming the file (and line) and the cause, the good ones are read.
Items already covered in test_sources.py (invalid UTF-8 with its byte
offset, BOM, empty and binary files, a malformed .jsonl line, duplicate ids,
a broken symlink, an empty directory) are not repeated here.
"""

from __future__ import annotations

import json
import os
import time
import tracemalloc
from pathlib import Path

import pytest

import factcheck
from factcheck.cli import main
from factcheck.errors import FactcheckError
from factcheck.sources.files import DEFAULT_MAX_SOURCE_BYTES, MAX_SOURCE_BYTES_ENV
from factcheck.sources.front_matter import parse_front_matter
from factcheck.sources.model import Source
from factcheck.sources.reading import load_sources

MB = 1 << 20


def write_big_text(path: Path, size: int) -> None:
    chunk = b"The talks went on all night. " * 36_000  # ~1 MB of ordinary text
    with path.open("wb") as handle:
        written = 0
        while written < size:
            part = chunk[: size - written]
            handle.write(part)
            written += len(part)


# --- size -----------------------------------------------------------------------------------------


def test_a_50_mb_source_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    write_big_text(big, 50 * MB)
    small = tmp_path / "small.txt"
    small.write_text("A short text.", encoding="utf-8")
    tracemalloc.start()
    try:
        sources, problems = load_sources([big, small])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [s.id for s in sources] == ["small"]
    (problem,) = problems
    assert problem.path == str(big)
    assert f"{50 * MB:,} bytes" in problem.cause and f"{DEFAULT_MAX_SOURCE_BYTES:,}-byte limit" in problem.cause
    assert MAX_SOURCE_BYTES_ENV in problem.cause
    assert peak < 2 * MB, f"refusing the file allocated {peak:,} bytes"


def test_the_limit_is_configurable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.txt"
    path.write_text("x" * 1000, encoding="utf-8")
    assert load_sources([path], max_source_bytes=999)[0] == []
    assert len(load_sources([path], max_source_bytes=1000)[0]) == 1
    monkeypatch.setenv(MAX_SOURCE_BYTES_ENV, "500")
    sources, problems = load_sources([path])
    assert sources == [] and "1,000 bytes, over the 500-byte limit" in problems[0].cause
    assert len(load_sources([path], max_source_bytes=2000)[0]) == 1  # the argument wins
    monkeypatch.setenv(MAX_SOURCE_BYTES_ENV, "0")  # no limit
    assert len(load_sources([path])[0]) == 1
    monkeypatch.setenv(MAX_SOURCE_BYTES_ENV, "ten megabytes")
    with pytest.raises(FactcheckError, match=MAX_SOURCE_BYTES_ENV):
        load_sources([path])
    with pytest.raises(FactcheckError, match="max_source_bytes"):
        load_sources([path], max_source_bytes=-1)


def test_jsonl_is_streamed_and_an_oversized_line_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "one", "text": "First."}) + "\n")
        handle.write(json.dumps({"id": "huge", "text": "word " * 4_000_000}) + "\n")  # 20 MB
        handle.write(json.dumps({"id": "three", "text": "Third."}) + "\r\n")
    tracemalloc.start()
    try:
        sources, problems = load_sources([path], max_source_bytes=MB)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [s.id for s in sources] == ["one", "three"]
    (problem,) = problems
    assert problem.line == 2 and f"over the {MB:,}-byte limit" in problem.cause
    assert peak < 4 * MB, f"skipping the 20 MB line allocated {peak:,} bytes"


# --- many sources ---------------------------------------------------------------------------------


def test_100000_tiny_sources_load(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    path.write_text(
        "".join(json.dumps({"id": f"s{i}", "text": f"Text {i}."}) + "\n" for i in range(100_000)),
        encoding="utf-8",
    )
    started = time.perf_counter()
    sources, problems = load_sources([path])
    elapsed = time.perf_counter() - started
    assert problems == [] and len(sources) == 100_000
    assert sources[-1].id == "s99999" and sources[-1].text == "Text 99999."
    assert elapsed < 60, elapsed


def test_a_directory_of_many_tiny_files_runs_end_to_end(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(300):
        (folder / f"s{i:03}.txt").write_text(f"Officials said {i} people were evacuated.", encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"\xff\xfe broken")
    report = factcheck.check([folder], reference_date="2025-03-10")
    assert report.summary.sources_read == 300
    assert [p.path for p in report.problems if p.kind == "source"] == [str(folder / "bad.txt")]
    assert report.summary.sources_failed >= 1


# --- unreadable and special files -------------------------------------------------------------------


def test_unreadable_file_is_a_problem(tmp_path: Path) -> None:
    """A file that cannot be read is reported, and the others are still read.

    As an ordinary user ``chmod 000`` makes a file unreadable.  As root (CI)
    permissions do not stop reading, so the test then reads a file whose read
    fails in the kernel: ``/proc/self/mem`` at offset 0 raises EIO.  Either
    way a real ``OSError`` comes from the operating system.
    """
    good = tmp_path / "good.txt"
    good.write_text("Readable.", encoding="utf-8")
    bad = tmp_path / "locked.txt"
    if os.geteuid() != 0:
        bad.write_text("secret", encoding="utf-8")
        bad.chmod(0)
        expected = "cannot read: Permission denied"
    else:
        bad.symlink_to("/proc/self/mem")
        expected = "cannot read: Input/output error"
    try:
        sources, problems = load_sources([tmp_path])
    finally:
        if not bad.is_symlink():
            bad.chmod(0o644)
    assert [s.id for s in sources] == ["good"]
    assert [(p.path, p.cause) for p in problems] == [(str(bad), expected)]


def test_permission_denied_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The message for EACCES, which root cannot provoke: ``os.open`` is made to refuse."""
    path = tmp_path / "a.txt"
    path.write_text("text", encoding="utf-8")
    real_open = os.open

    def refusing_open(file: object, *args: object, **kwargs: object) -> int:
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refusing_open)
    for name in ("a.txt", "a.jsonl"):
        if name.endswith(".jsonl"):
            path = tmp_path / name
            path.write_text('{"id": "x", "text": "y"}\n', encoding="utf-8")
        sources, problems = load_sources([path])
        assert sources == [] and problems[0].cause == "cannot read: Permission denied"


def test_fifo_and_device_are_not_read(tmp_path: Path) -> None:
    """A FIFO would block a read forever; it is reported, in a walk and when named."""
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (tmp_path / "ok.md").write_text("Fine.", encoding="utf-8")
    started = time.perf_counter()
    sources, problems = load_sources([tmp_path, str(fifo), "/dev/zero"])
    assert time.perf_counter() - started < 5
    assert [s.id for s in sources] == ["ok"]
    assert [p.path for p in problems] == [str(fifo), str(fifo), "/dev/zero"]
    assert all("not a regular file" in p.cause for p in problems)


def test_symlink_loops_and_links_to_directories(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "a.txt").write_text("Text.", encoding="utf-8")
    (folder / "loop.txt").symlink_to(folder)
    (folder / "self.md").symlink_to(folder / "self.md")
    sources, problems = load_sources([folder])
    assert [s.id for s in sources] == ["a"]
    causes = {Path(p.path).name: p.cause for p in problems}
    assert "not followed" in causes["loop.txt"]
    assert "cannot read" in causes["self.md"]  # ELOOP


# --- contents -------------------------------------------------------------------------------------


def test_deeply_nested_jsonl_line(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    path.write_text("[" * 100_000 + "\n" + '{"id": "ok", "text": "Fine."}\n', encoding="utf-8")
    sources, problems = load_sources([path])
    assert [s.id for s in sources] == ["ok"]
    assert problems[0].line == 1 and "nested too deeply" in problems[0].cause


def test_duplicate_id_in_jsonl_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text('{"id": "a", "text": "One."}\n\n{"id": "a", "text": "Two."}\n', encoding="utf-8")
    sources, problems = load_sources([path])
    assert [s.text for s in sources] == ["One."]
    assert (problems[0].path, problems[0].line) == (str(path), 3)
    assert f"first read from {path}:1" in problems[0].cause


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        ("published: 2022-0z-01", "published '2022-0z-01' is not a YYYY-MM-DD date"),  # fuzz: sources
        ("published: 2022-20-01", "published '2022-20-01' is not a YYYY-MM-DD date"),  # fuzz: sources
    ],
)
def test_bad_published_date_is_dropped_with_a_warning_for_files_and_texts(
    tmp_path: Path, front: str, expected: str
) -> None:
    """Issue 17: an unreadable ``published`` dropped the whole article; now only the field goes."""
    text = f"---\n{front}\n---\nBody text.\n"
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    sources, problems = load_sources([path], texts={"b": text})  # a file, and the same as a text
    assert [(s.id, s.published, s.text[s.body_start :]) for s in sources] == [
        ("a", None, "Body text.\n"),
        ("b", None, "Body text.\n"),
    ]
    assert [(p.path, p.line, p.cause, p.severity) for p in problems] == [
        (str(path), 2, f"{expected}; the field is dropped", "warning"),
        ("b", 2, f"{expected}; the field is dropped", "warning"),
    ]


def test_loose_yaml_dates_still_read() -> None:
    source = Source.from_text("---\npublished: 2022-2-1 10:00\n---\nBody.")
    assert str(source.published) == "2022-02-01"


def test_empty_string_is_an_empty_source_not_the_current_directory() -> None:
    """Fuzz (sources): ``""`` named ``.``, so the current directory was read as sources."""
    sources, problems = load_sources(texts=["", "   "])
    assert sources == [] and [p.cause for p in problems] == ["empty source: no text to check"] * 2


def test_billion_laughs_front_matter_is_refused_quickly() -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    text = "---\n" + "\n".join(lines) + "\n---\nBody.\n"
    started = time.perf_counter()
    front, body_start = parse_front_matter(text)
    (source,), (problem,) = load_sources(texts=[text])
    assert time.perf_counter() - started < 1
    assert front == {} and text[body_start:] == "Body.\n" and source.meta == {}
    assert "more than 10000 values" in problem.cause and problem.severity == "warning"


def test_arbitrary_control_characters_and_long_lines(tmp_path: Path) -> None:
    text = "Start\r\n\x01\x02\x1b[31m \u202e\u2066 \ufeff \u0301" + "x" * 200_000 + "\n😀 שלום\rend"
    path = tmp_path / "odd.txt"
    path.write_text(text, encoding="utf-8", newline="")
    (source,), problems = load_sources([path])
    assert problems == [] and source.text == text


# --- the command line ------------------------------------------------------------------------------


def test_cli_with_only_bad_sources_finishes_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\xff")
    (tmp_path / "empty.md").write_text("", encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text("{oops\n", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    status = main(["check", str(tmp_path), "--format", "json"])
    out = capsys.readouterr()
    assert status == 2
    summary = json.loads(out.out)["summary"]
    assert summary["sources_read"] == 0
    assert summary["sources_failed"] + summary.get("sources_skipped", 0) == 4
    assert "bad.txt" in out.err and "feed.jsonl:1" in out.err and "pipe.txt" in out.err


def test_cli_with_a_directory_of_no_sources_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 2
    assert "holds no .txt, .md or .jsonl sources" in capsys.readouterr().err


@pytest.mark.parametrize("published", ["0001-01-15", "9999-12-15"])
def test_calendar_edge_reference_dates_finish_the_run(published: str) -> None:
    """Fuzz (dates): "the 10th" against a reference date in year 1 or 9999 overflows the calendar.

    Until date_calendar guards the ends of the calendar, the source fails
    extraction; the run must still finish and say so, never drop it silently.
    """
    source = Source.from_text(f"---\npublished: {published}\n---\nThe talks ended on the 10th.", id="edge")
    report = factcheck.check([source, Source(id="ok", text="The talks ended on Monday.")])
    assert report.summary.sources_read + report.summary.sources_failed + report.summary.sources_skipped == 2
    if report.summary.sources_read < 2:
        assert any(p.kind == "source" and p.path == "edge" for p in report.problems), report.problems
