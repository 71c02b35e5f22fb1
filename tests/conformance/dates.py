"""Date conformance: the Recognizers-Text English date specs run through ``extract_dates``.

Run from the repository root::

    .venv/bin/python -m tests.conformance.dates            # pass rate per file
    .venv/bin/python -m tests.conformance.dates --failures # ... and every failing case

The specs are a vendored copy (``tests/data/conformance/recognizers-text``, MIT,
see its SOURCE.md and LICENSE); nothing outside the repository is read.

What is run
-----------
``DateExtractor.json`` and ``DatePeriodExtractor.json`` (spans only),
``DateParser.json`` and ``DatePeriodParser.json`` (spans and values) and
``DateTimeModel.json`` (spans and values of the results typed ``date`` or
``daterange``; cases whose results are all of other types -- times, durations,
sets -- are out of scope and not counted).

A case with expected results passes when every in-scope expected result is
matched by one of our claims: same span (claim text equals the expected
``Text`` case-insensitively, or the offsets match) and, for parser and model
files, a value that agrees with the spec (see *Value mapping* below).  Texts
are compared without a trailing "." (the spec never ends a span with an
abbreviation's dot, "second of Aug", we keep it, "second of Aug.") and without
a leading "the" or "on" (the spec keeps them in some shapes, "on Friday next
week", "the week of the 18th", and drops them in others, "next two days",
"tuesday of last week"; the date named is the same).  Extra
claims do not fail such a case.  A case with no expected result at all is a
negative case: it passes when we produce no dated claim (for the Date* files,
claims at minute/hour precision are times, out of their scope, and ignored).

Cases are not counted in the rate when

* the .NET reference implementation itself fails them (``dotnet`` in
  ``NotSupported``): reported as ``reference-fails``;
* the project decided not to support them (``unsupported_dates.yaml``, one
  line of reason each): reported as ``unsupported``, with how many of them pass
  anyway.

Reference date: ``Context.ReferenceDateTime`` (its date part); without one the
Recognizers test harness uses 2016-11-07, and so do we.  The English specs are
the en-US culture (``EnglishOthers`` holds the day-first variants), so numeric
dates are read with ``locale="en-US"``.

Value mapping
-------------
Our values and the spec's are both turned into sets of comparable keys and a
result's value agrees when the two sets meet.

Spec side (``Timex`` and the resolutions):

* ``t:<timex>`` -- the timex string as given (``2016-W46``, ``2016-11``,
  ``2016-SU``, ``SU``, ``(2016-11-04,2016-11-22,P18D)``);
* ``d:<date>`` -- every resolved single date (``FutureResolution.date``,
  ``PastResolution.date``; the model's ``value`` of a ``date``); a timex without
  a year (``XXXX-02-01``, ``XXXX-WXX-5``) is thus matched by either reading;
* ``r:<start>,<end>`` -- every resolved range (``startDate``/``endDate``, the
  model's ``start``/``end``); ranges with only a start (``since``, ``after``) give
  ``s:<start>``, with only an end (``before``, ``till date``) ``e:<end>``.

Our side (``DateClaim.value``):

* ``2022-02-01`` (day) -> ``d:2022-02-01``, ``t:2022-02-01``;
* ``2022-02`` (month), ``2022`` (year), ``2022-W05`` (ISO week) -> ``t:`` of the
  value itself and ``r:`` of its bounds; ``2022-Q3`` -> ``r:`` of its bounds;
* an open-ended claim (``mod``: "after 2018", "2012 or later") adds the bound
  it sets: ``s:`` the day after the value (``AFTER``) or its first day
  (``ON_OR_AFTER``), ``e:`` its first day (``BEFORE``) or, for
  ``ON_OR_BEFORE``, its first day, last day or the day after;
* ``a/b`` intervals (inclusive days) -> ``r:a,b`` and ``r:a,b+1``: the spec writes
  whole units with an exclusive end (``XXXX-02`` is 02-01..03-01, a weekend is
  Sat..Mon) but stated ranges with the stated end (``from 4 to 22`` is
  04..22), so both conventions are accepted; a range of whole months or years
  also gives ``r:a,<first day of its last month, quarter or year>``, the spec's
  reading of "from March to May" (03-01..05-01), "2014-2018"
  (2014-01-01..2018-01-01) and "from 2017-q1 to 2018-q1" (2017-01-01..2018-01-01);
  plus ``s:a`` and ``e:b`` for the
  spec's open ranges; an interval that is exactly a meteorological season also
  gives ``t:YYYY-SU`` (``SP``/``SU``/``FA``/``WI``, winter by its December year)
  and the year-less ``t:SU``.

The bounds of a month, year, week or quarter likewise give both the inclusive
and the exclusive end, so "2016-11" agrees with ``(2016-11-01,2016-12-01,P1M)``.
Times of day (``2022-02-01T10:00``) give no key: a date result is not matched
by a datetime claim.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Final, Literal

import yaml
from spacy.language import Language

if __package__ in {None, ""}:  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from factcheck.claims import DateClaim
from factcheck.extraction.dates import calendar as cal
from factcheck.extraction.dates.extract import extract_dates
from factcheck.extraction.nlp import load_pipeline

REPO: Final[Path] = Path(__file__).resolve().parents[2]
SPEC_DIR: Final[Path] = (
    REPO / "tests" / "data" / "conformance" / "recognizers-text" / "Specs" / "DateTime" / "English"
)
UNSUPPORTED_PATH: Final[Path] = Path(__file__).resolve().parent / "unsupported_dates.yaml"
DEFAULT_REFERENCE: Final[date] = date(2016, 11, 7)
"""The Recognizers test harness's reference when a case gives none."""
LOCALE: Final[str] = "en-US"

Kind = Literal["extractor", "parser", "model"]
FILES: Final[dict[str, Kind]] = {
    "DateExtractor.json": "extractor",
    "DateParser.json": "parser",
    "DatePeriodExtractor.json": "extractor",
    "DatePeriodParser.json": "parser",
    "DateTimeModel.json": "model",
}
IN_SCOPE_TYPES: Final[frozenset[str]] = frozenset({"date", "daterange"})
TIME_GRANULARITIES: Final[frozenset[str]] = frozenset({"minute", "hour"})
_SEASON_CODES: Final[dict[int, str]] = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}


# --- cases ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Expected:
    """One in-scope result a case expects."""

    text: str
    start: int
    end: int
    """Exclusive end offset."""
    keys: frozenset[str]
    """Acceptable value keys; empty for extractor files (span only)."""


@dataclass(frozen=True)
class Case:
    file: str
    index: int
    input: str
    reference: date
    expected: tuple[Expected, ...]
    negative: bool
    """No result of any type: nothing dated should be found."""
    reference_fails: bool
    """The .NET reference implementation does not support it either."""


def load_cases(file: str, spec_dir: Path = SPEC_DIR) -> list[Case]:
    """The cases of one spec file that are in scope (date or daterange, or negative)."""
    kind = FILES[file]
    raw = json.loads((spec_dir / file).read_text(encoding="utf-8-sig"))
    cases: list[Case] = []
    for index, item in enumerate(raw):
        results = item.get("Results") or []
        expected = tuple(
            _expected(item["Input"], result, kind)
            for result in results
            if _result_type(result) in IN_SCOPE_TYPES
        )
        if results and not expected:
            continue  # only times, durations, sets ...: out of scope
        not_supported = str(item.get("NotSupported") or "").lower()
        cases.append(Case(
            file=file,
            index=index,
            input=item["Input"],
            reference=_reference(item),
            expected=expected,
            negative=not results,
            reference_fails="dotnet" in not_supported,
        ))
    return cases


def _reference(item: dict[str, Any]) -> date:
    stamp = (item.get("Context") or {}).get("ReferenceDateTime")
    return date.fromisoformat(stamp[:10]) if stamp else DEFAULT_REFERENCE


def _result_type(result: dict[str, Any]) -> str:
    name = result.get("Type") or result.get("TypeName") or result.get("Typename") or ""
    return str(name).rsplit(".", 1)[-1].lower()


def _expected(text: str, result: dict[str, Any], kind: Kind) -> Expected:
    start = int(result.get("Start", -1))
    if "Length" in result:
        end = start + int(result["Length"])
    elif "End" in result:
        end = int(result["End"]) + 1  # the model's End is inclusive
    else:
        end = start + len(result["Text"])
    keys: frozenset[str] = frozenset()
    if kind == "parser":
        keys = frozenset(_parser_keys(result.get("Value") or {}))
    elif kind == "model":
        keys = frozenset(_model_keys((result.get("Resolution") or {}).get("values") or []))
    return Expected(text=result["Text"], start=start, end=end, keys=keys)


def _parser_keys(value: dict[str, Any]) -> Iterable[str]:
    if value.get("Timex"):
        yield f"t:{value['Timex']}"
    for side in ("FutureResolution", "PastResolution"):
        resolution = value.get(side) or {}
        if resolution.get("date"):
            yield f"d:{resolution['date'][:10]}"
        yield from _range_keys(resolution.get("startDate"), resolution.get("endDate"))


def _model_keys(values: list[dict[str, Any]]) -> Iterable[str]:
    for value in values:
        if value.get("timex"):
            yield f"t:{value['timex']}"
        if value.get("type") == "date" and value.get("value"):
            yield f"d:{value['value'][:10]}"
        yield from _range_keys(value.get("start"), value.get("end"))


def _range_keys(start: str | None, end: str | None) -> Iterable[str]:
    if start and end:
        yield f"r:{start[:10]},{end[:10]}"
    elif start:
        yield f"s:{start[:10]}"
    elif end:
        yield f"e:{end[:10]}"


# --- our values as keys ----------------------------------------------------------------------


def value_keys(value: str | None) -> frozenset[str]:
    """The keys our value agrees with (see the module docstring)."""
    if not value or "T" in value:
        return frozenset()
    keys: set[str] = set()
    if "/" in value:
        left, right = value.split("/", 1)
        try:
            start, end = date.fromisoformat(left), date.fromisoformat(right)
        except ValueError:
            return frozenset()
        keys |= _bounds_keys(start, end)
        keys |= {f"s:{start}", f"e:{end}"}
        keys |= {f"r:{start},{last}" for last in _last_unit_starts(start, end)}
        code = _season_code(start, end)
        if code:
            keys |= {f"t:{start.year:04d}-{code}", f"t:{code}"}
        return frozenset(keys)
    keys.add(f"t:{value}")
    if len(value) == 10:
        keys.add(f"d:{value}")
        return frozenset(keys)
    bounds = cal.value_bounds(value)
    if bounds is not None:
        keys |= _bounds_keys(*bounds)
    return frozenset(keys)


def claim_keys(claim: DateClaim) -> frozenset[str]:
    """The keys of a claim: its value's, and for an open-ended claim the bound it sets."""
    keys = value_keys(claim.value)
    if claim.mod is None or not claim.value or "/" in claim.value or "T" in claim.value:
        return keys
    bounds = cal.value_bounds(claim.value)
    if bounds is None:
        return keys
    first, last = bounds
    after = last + timedelta(days=1)
    bound = {
        "AFTER": {f"s:{after}"},
        "ON_OR_AFTER": {f"s:{first}"},
        "BEFORE": {f"e:{first}"},
        # The spec ends "no later than January 1" on that day, and "until May" at its end.
        "ON_OR_BEFORE": {f"e:{first}", f"e:{last}", f"e:{after}"},
    }[claim.mod]
    return keys | frozenset(bound)


def _last_unit_starts(start: date, end: date) -> set[date]:
    """Where the spec ends "from March to May" / "2014-2018": at the start of the last unit.

    Only for ranges over whole months spanning more than one; the last unit is
    the end's month, its quarter (when the range is in quarters) or its year
    (when the range ends on 31 December).
    """
    if start.day != 1 or end != cal.month_end(end.year, end.month):
        return set()
    if (start.year, start.month) == (end.year, end.month):
        return set()
    starts = {date(end.year, end.month, 1)}
    if (end.month, end.day) == (12, 31) and end.year > start.year:
        starts.add(date(end.year, 1, 1))
    if start.month % 3 == 1 and end.month % 3 == 0 and (end.year, end.month) > (
            start.year, start.month + 2):
        starts.add(date(end.year, end.month - 2, 1))  # "from 2017-q1 to 2018-q1"
    return starts


def _bounds_keys(start: date, end: date) -> set[str]:
    """An inclusive day range as ``r:`` keys, with the end inclusive and exclusive."""
    return {f"r:{start},{end}", f"r:{start},{end + timedelta(days=1)}"}


def _season_code(start: date, end: date) -> str | None:
    code = _SEASON_CODES.get(start.month)
    if start.day != 1 or code is None:
        return None
    return code if (start, end) == cal.season_bounds(start.month, start.year) else None


# --- running --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    case: Case
    passed: bool
    detail: str
    """What went wrong, or "" when the case passed."""


def run_case(nlp: Language, case: Case) -> Outcome:
    """Run the extractor on one case's input and compare with what the spec expects."""
    doc = nlp(case.input)
    claims = extract_dates(doc, "case", case.reference, locale=LOCALE)
    if case.negative:
        dated = [
            c for c in claims
            if c.value is not None
            and (case.file == "DateTimeModel.json" or c.granularity not in TIME_GRANULARITIES)
        ]
        if dated:
            return Outcome(case, False, "unexpected " + _describe(dated))
        return Outcome(case, True, "")
    problems: list[str] = []
    for expected in case.expected:
        problem = _match(expected, claims)
        if problem:
            problems.append(problem)
    if problems:
        return Outcome(case, False, "; ".join(problems) + " | got " + _describe(claims))
    return Outcome(case, True, "")


def _match(expected: Expected, claims: Sequence[DateClaim]) -> str:
    """"" when a claim has the expected span (and value), else what is missing."""
    spans = [
        c for c in claims
        if _same_text(c.text, expected.text) or (c.start, c.end) == (expected.start, expected.end)
    ]
    if not spans:
        return f"no span {expected.text!r}"
    if not expected.keys:
        return ""
    if any(claim_keys(c) & expected.keys for c in spans):
        return ""
    wanted = sorted(k for k in expected.keys if k.startswith(("t:", "d:", "r:", "s:", "e:")))
    return f"value of {expected.text!r}: want one of {wanted}"


_LEADING_WORDS: Final[tuple[str, ...]] = ("the ", "on ")


def _same_text(ours: str, theirs: str) -> bool:
    """Case-insensitive equality up to a trailing dot and a leading "the"/"on"."""
    return _span_core(ours) == _span_core(theirs)


def _span_core(text: str) -> str:
    core = text.lower().strip().rstrip(".")
    for word in _LEADING_WORDS:
        core = core.removeprefix(word)
    return core


def _describe(claims: Sequence[DateClaim]) -> str:
    return ", ".join(f"{c.text!r}={c.value}" for c in claims) or "nothing"


# --- the list of cases the project does not support --------------------------------------


@dataclass(frozen=True)
class Unsupported:
    file: str
    input: str
    reason: str


def load_unsupported(path: Path = UNSUPPORTED_PATH) -> list[Unsupported]:
    """The checked-in list of cases the project decided not to support."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return [
        Unsupported(file=str(entry["file"]), input=str(entry["input"]),
                    reason=str(entry["reason"]))
        for entry in data
    ]


@dataclass
class FileReport:
    file: str
    counted: list[Outcome] = field(default_factory=list)
    unsupported: list[Outcome] = field(default_factory=list)
    reference_fails: list[Outcome] = field(default_factory=list)

    @property
    def passed(self) -> int:
        return sum(o.passed for o in self.counted)

    @property
    def rate(self) -> float:
        return 100.0 * self.passed / len(self.counted) if self.counted else 100.0

    @property
    def rate_all(self) -> float:
        """The pass rate with the unsupported cases counted as cases (most of them fail)."""
        cases = [*self.counted, *self.unsupported]
        return 100.0 * sum(o.passed for o in cases) / len(cases) if cases else 100.0

    @property
    def failures(self) -> list[Outcome]:
        return [o for o in self.counted if not o.passed]

    def summary(self) -> str:
        extra_pass = sum(o.passed for o in self.unsupported)
        ref_pass = sum(o.passed for o in self.reference_fails)
        return (
            f"{self.file:26} {self.passed:4d}/{len(self.counted):<4d} {self.rate:6.2f}%"
            f"   all cases {self.rate_all:6.2f}%   unsupported {len(self.unsupported)} ({extra_pass} pass)"
            f"   reference-fails {len(self.reference_fails)} ({ref_pass} pass)"
        )


def run_file(
    nlp: Language, file: str, unsupported: Sequence[Unsupported] = ()
) -> FileReport:
    """Every case of one spec file, sorted into counted / unsupported / reference-fails."""
    skipped = {u.input for u in unsupported if u.file == file}
    report = FileReport(file)
    for case in load_cases(file):
        outcome = run_case(nlp, case)
        if case.input in skipped:
            report.unsupported.append(outcome)
        elif case.reference_fails:
            report.reference_fails.append(outcome)
        else:
            report.counted.append(outcome)
    return report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    parser.add_argument("files", nargs="*", help=f"spec files (default all: {', '.join(FILES)})")
    parser.add_argument("--failures", action="store_true", help="list every failing case")
    args = parser.parse_args(argv)
    unknown = [f for f in args.files if f not in FILES]
    if unknown:
        parser.error(f"unknown spec file(s): {', '.join(unknown)}")
    nlp = load_pipeline()
    unsupported = load_unsupported()
    for file in args.files or list(FILES):
        report = run_file(nlp, file, unsupported)
        if args.failures:
            for outcome in report.failures:
                print(f"FAIL {file}#{outcome.case.index} {outcome.case.input!r}: {outcome.detail}")
        print(report.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
