"""Conformance of the number and quantity readers against other projects' test suites.

Run from the repository root::

    python -m tests.conformance.quantities            # pass rate per file
    python -m tests.conformance.quantities -v         # ... and every failing case

Data (copied byte for byte under ``tests/data/conformance``; see the SOURCE.md
and LICENSE files there):

* Microsoft Recognizers-Text English specs: ``Number/English/NumberModel.json``,
  ``NumberRangeModel.json``, ``PercentModel.json`` and
  ``NumberWithUnit/English/CurrencyModel.json``, ``DimensionModel.json``.
  A case is ``Input`` plus ``Results``, each with ``Text``, ``Start``, ``End``
  (inclusive) or ``Length``, ``TypeName`` and ``Resolution`` (``value``, and
  ``unit`` for NumberWithUnit; NumberRange values are interval strings such as
  ``(20,30]`` or ``[3965,)``).  ``NotSupported`` lists the reference platforms
  that fail a case; it is shown, not used: the project decides for itself, in
  ``unsupported_quantities.yaml``.
* quantulum3's ``quantities.json``: ``req`` plus ``res``, each with ``value``,
  ``unit`` (quantulum3's unit name), ``surface`` and, for ranges, ``uncertainty``
  (a range is written as its midpoint plus/minus the uncertainty).

How our output maps to a spec result
------------------------------------

A case passes when every expected result is matched by one of our readings
(same span, same value, same unit where the spec has one) and we produce no
reading the spec does not expect.  Which of our readings count depends on the
file, because each spec only looks at one kind of thing:

* NumberModel: the readings are ``numbers.find_numbers(text)`` (every number
  written in the text, dates and phone numbers included, as the spec wants) with
  the number-only options (``signed``, ``slash_fractions``, ``exponents``,
  ``ratios``) of ``numbers.find_numbers``, which the claim extractor leaves
  off.  Spans must match exactly; values to 1e-6 relative.
  Vague amounts ("hundreds") have no value and do not count; neither do
  figures glued to a unit symbol ("29km", "180ml"), which the spec leaves to
  its unit models; the currency sign of "$20" is not part of the number "20".
* PercentModel: the quantity claims whose dimension is ``percent``.
* NumberRangeModel: the claims that state a bound, i.e. whose qualifier is
  ``more_than``, ``at_least``, ``less_than``, ``at_most``, ``nearly`` or
  ``range``, or ``exact`` written with an equality word ("equal to 20").  The
  interval ``[low, high]`` with its inclusiveness must equal the spec's.  One
  convention differs on purpose: Recognizers-Text resolves a written two-sided
  range ("between 20 and 30", "20-30", "from 20 to 30") as half-open ``[20,30)``,
  whereas the project reads it closed ``[20,30]`` (news "between 20 and 30
  dead" includes 30).  So for a ``range`` claim the upper bound's inclusiveness
  is not compared when the spec's is open and ours closed.
* CurrencyModel: the claims whose dimension is ``currency``; the value must
  match and our currency code must map to the spec's unit name (below).
* DimensionModel: the claims whose dimension is a physical one other than
  duration and temperature (Recognizers-Text has separate models for those):
  length, mass, area, volume, speed, information, angle.
* quantulum3: every claim except vague amounts ("several hundred years", which
  quantulum3 does not read at all); a spec unit ``dimensionless`` means our
  claim has no unit.  A range (``uncertainty``) must equal our claim's
  ``[low, high]``.  The project reports a spelled fraction of a whole ("two
  thirds of the cake") in percent, so quantulum3's dimensionless 0.667 matches
  our 66.67 percent.

Spans of claims are compared leniently at the edges: our claim text includes
the approximator in front ("about") and, for plain counts, the counted noun
("30 people"), which the specs leave out (or the other way round).  So a
claim's start may differ from the spec's by digit-free words that one side
includes, and so may its end; the numbers themselves must be the same.

Units: our normalized unit names map to the names each spec uses in
``RT_UNITS`` (Recognizers-Text) and ``QUANTULUM_UNITS`` (quantulum3).
News "ton(s)" are metric tonnes, which Recognizers-Text calls "Ton" unless
"metric" is written.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from spacy.language import Language

from factcheck.claims import QuantityClaim
from factcheck.extraction.quantities.extract import extract_quantities
from factcheck.extraction.quantities.numbers import find_numbers

DATA = Path(__file__).resolve().parents[1] / "data" / "conformance"
RT = DATA / "recognizers-text" / "Specs"
UNSUPPORTED_FILE = Path(__file__).resolve().parent / "unsupported_quantities.yaml"

SPEC_FILES: dict[str, Path] = {
    "NumberModel": RT / "Number" / "English" / "NumberModel.json",
    "NumberRangeModel": RT / "Number" / "English" / "NumberRangeModel.json",
    "PercentModel": RT / "Number" / "English" / "PercentModel.json",
    "CurrencyModel": RT / "NumberWithUnit" / "English" / "CurrencyModel.json",
    "DimensionModel": RT / "NumberWithUnit" / "English" / "DimensionModel.json",
    "quantulum3": DATA / "quantulum3" / "quantulum3" / "_lang" / "en_US" / "tests"
    / "quantities.json",
}
"""Short file name (used in the unsupported list) -> spec file."""

RT_UNITS: dict[str, frozenset[str]] = {
    # currency (codes are ours; a bare "$" is USD, which the spec calls "Dollar")
    "USD": frozenset({"Dollar", "United States dollar"}),
    "EUR": frozenset({"Euro"}),
    "GBP": frozenset({"Pound", "British pound"}),
    "JPY": frozenset({"Japanese yen"}),
    "CNY": frozenset({"Chinese yuan"}),
    "RUB": frozenset({"Russian ruble"}),
    "UAH": frozenset({"Ukrainian hryvnia"}),
    "CAD": frozenset({"Canadian dollar"}),
    "AUD": frozenset({"Australian dollar"}),
    "HKD": frozenset({"Hong Kong dollar"}),
    "CHF": frozenset({"Swiss franc"}),
    "FRF": frozenset({"Franc"}),
    "INR": frozenset({"Rupee"}),
    "cent": frozenset({"Cent"}),
    "penny": frozenset({"Penny", "Pence"}), "dime": frozenset({"Dime"}),
    # length
    "km": frozenset({"Kilometer"}), "m": frozenset({"Meter"}), "cm": frozenset({"Centimeter"}),
    "mm": frozenset({"Millimeter"}), "dm": frozenset({"Decimeter"}),
    "mile": frozenset({"Mile"}), "ft": frozenset({"Foot"}), "inch": frozenset({"Inch"}),
    "yard": frozenset({"Yard"}),
    # mass
    "kg": frozenset({"Kilogram"}), "g": frozenset({"Gram"}), "mg": frozenset({"Milligram"}),
    "ug": frozenset({"Microgram"}), "lb": frozenset({"Pound"}), "oz": frozenset({"Ounce"}),
    "tonne": frozenset({"Ton", "Metric ton"}),
    # area, volume, speed, information
    "km2": frozenset({"Square kilometer"}), "m2": frozenset({"Square meter"}),
    "hectare": frozenset({"Hectare"}), "acre": frozenset({"Acre"}),
    "mile2": frozenset({"Square mile"}),
    "litre": frozenset({"Liter"}), "ml": frozenset({"Milliliter"}),
    "gallon": frozenset({"Gallon"}), "barrel": frozenset({"Barrel"}),
    "ft3": frozenset({"Cubic foot"}), "m3": frozenset({"Cubic meter"}),
    "km/h": frozenset({"Kilometer per hour"}), "mph": frozenset({"Mile per hour"}),
    "bit": frozenset({"Bit"}), "byte": frozenset({"Byte"}),
    "kB": frozenset({"Kilobyte"}), "MB": frozenset({"Megabyte"}), "GB": frozenset({"Gigabyte"}),
    "TB": frozenset({"Terabyte"}), "Mbit": frozenset({"Megabit"}),
    "nm": frozenset({"Nanometer"}), "pm": frozenset({"Picometer"}),
    "cl": frozenset({"Centiliter"}), "tbsp": frozenset({"Tablespoon"}),
    "tsp": frozenset({"Teaspoon"}), "cup": frozenset({"Cup"}), "rad": frozenset({"Radian"}),
    "MXN": frozenset({"Mexican peso"}), "NZD": frozenset({"New Zealand dollar"}),
    "FIM": frozenset({"Finnish markka"}), "ESP": frozenset({"Peseta"}),
    "NLG": frozenset({"Netherlands guilder"}), "TRY": frozenset({"Turkish lira"}),
    "BTC": frozenset({"Bitcoin"}), "satoshi": frozenset({"Satoshi"}),
    "CRC": frozenset({"Costa Rican colón"}), "GEL": frozenset({"Georgian lari"}),
    "LAK": frozenset({"Lao kip"}),
}
"""Our normalized unit -> the Recognizers-Text unit names it matches."""

QUANTULUM_UNITS: dict[str, str | None] = {
    "dimensionless": None,
    "metre": "m", "kilometre": "km", "centimetre": "cm", "millimetre": "mm", "mile": "mile",
    "foot": "ft", "inch": "inch", "yard": "yard",
    "kilogram": "kg", "gram": "g", "milligram": "mg", "microgram": "ug", "tonne": "tonne",
    "pound-mass": "lb", "ounce": "oz",
    "square kilometre": "km2", "square metre": "m2", "square mile": "mile2",
    "hectare": "hectare", "acre": "acre",
    "litre": "litre", "cubic centimetre": "ml", "gallon": "gallon", "cubic metre": "m3",
    "kilometre per hour": "km/h", "mile per hour": "mph",
    "degree Celsius": "degC", "degree fahrenheit": "degF",
    "second": "second", "minute": "minute", "hour": "hour", "day": "day", "week": "week",
    "month": "month", "year": "year",
    "percentage": "percent",
    "dollar": "USD", "euro": "EUR", "pound sterling": "GBP", "cent": "cent", "penny": "penny",
    "dime": "dime", "byte": "byte", "bit": "bit", "megabyte": "MB", "gigabyte": "GB",
    "exabyte": "EB", "nanometre": "nm", "picometre": "pm", "centilitre": "cl", "cup": "cup",
    "tablespoon": "tbsp", "teaspoon": "tsp", "japanese yen": "JPY",
    "cubic kilometre": "km3", "electronvolt": "eV", "teraelectronvolt": "TeV",
    "watt hour": "Wh", "megawatt hour": "MWh", "gigahertz": "GHz", "watt": "W",
}
"""quantulum3 unit name -> our normalized unit (None: a plain count)."""

DIMENSION_KINDS = frozenset({"length", "mass", "area", "volume", "speed", "information", "angle"})
BOUND_QUALIFIERS = frozenset({"more_than", "at_least", "less_than", "at_most", "nearly", "range"})
_EQUALITY = re.compile(r"^(?:equal(?:s|ing)?|is equal)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Interval:
    low: float | None
    high: float | None
    low_inclusive: bool = True
    high_inclusive: bool = True


@dataclass(frozen=True)
class Expected:
    start: int
    end: int
    text: str
    value: float | None = None
    interval: Interval | None = None
    units: frozenset[str] | None = None
    """Names the spec may use for the unit; matched through the tables above."""
    unit_name: str | None = None


@dataclass(frozen=True)
class Reading:
    start: int
    end: int
    value: float | None
    interval: Interval | None
    unit: str | None
    qualifier: str = "exact"


@dataclass(frozen=True)
class Case:
    file: str
    index: int
    input: str
    expected: tuple[Expected, ...]
    not_supported: str = ""


@dataclass
class FileResult:
    file: str
    total: int = 0
    passed: int = 0
    unsupported: int = 0
    unsupported_passed: int = 0
    failures: list[tuple[Case, list[Reading]]] = field(default_factory=list)

    @property
    def rate(self) -> float:
        scored = self.total - self.unsupported
        return 100.0 * self.passed / scored if scored else 100.0


# ----------------------------------------------------------------------------- loading


def _load_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8-sig"))


def _rt_end(r: dict[str, Any]) -> int:
    if "End" in r:
        return int(r["End"]) + 1
    return int(r["Start"]) + int(r["Length"])


def _num(s: Any) -> float | None:
    if s is None or s == "null":
        return None
    txt = str(s).strip().rstrip("%")
    try:
        return float(txt)
    except ValueError:
        return None


def parse_interval(s: str) -> Interval:
    """"(20,30]" / "[3965,)" / "(,100]" -> Interval."""
    m = re.fullmatch(r"([\[(])\s*([^,]*)\s*,\s*([^,]*)\s*([\])])", s.strip())
    if m is None:
        raise ValueError(f"not an interval: {s!r}")
    return Interval(_num(m.group(2)) if m.group(2) else None,
                    _num(m.group(3)) if m.group(3) else None,
                    m.group(1) == "[", m.group(4) == "]")


def load_cases(name: str) -> list[Case]:
    """The cases of one spec file, in file order."""
    data = _load_json(SPEC_FILES[name])
    cases: list[Case] = []
    for i, raw in enumerate(data):
        if name == "quantulum3":
            cases.append(_quantulum_case(i, raw))
            continue
        expected: list[Expected] = []
        for r in raw["Results"]:
            res = r.get("Resolution") or {}
            start, end = int(r["Start"]), _rt_end(r)
            if name == "NumberRangeModel":
                expected.append(Expected(start, end, r["Text"],
                                         interval=parse_interval(res["value"])))
            elif name in ("CurrencyModel", "DimensionModel"):
                unit = res.get("unit")
                expected.append(Expected(start, end, r["Text"], _num(res.get("value")),
                                         unit_name=unit))
            else:
                expected.append(Expected(start, end, r["Text"], _num(res.get("value"))))
        cases.append(Case(name, i, raw["Input"], tuple(expected), raw.get("NotSupported", "")))
    return cases


def _quantulum_case(i: int, raw: dict[str, Any]) -> Case:
    text = raw["req"]
    expected: list[Expected] = []
    pos = 0
    for r in raw["res"]:
        surface = r["surface"]
        start = text.find(surface, pos)
        if start < 0:
            start = text.find(surface)
        end = start + len(surface)
        pos = end
        value = float(r["value"])
        unc = r.get("uncertainty")
        interval = Interval(value - unc, value + unc) if unc else None
        expected.append(Expected(start, end, surface, None if interval else value, interval,
                                 unit_name=str(r["unit"])))
    return Case("quantulum3", i, text, tuple(expected))


def load_unsupported(path: Path = UNSUPPORTED_FILE) -> list[dict[str, str]]:
    """The checked-in list of cases the project does not aim to pass."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return [dict(e) for e in data]


# ----------------------------------------------------------------------------- readings


def _claim_interval(c: QuantityClaim) -> Interval:
    return Interval(c.low, c.high, c.low_inclusive, c.high_inclusive)


def _claim_reading(c: QuantityClaim) -> Reading:
    return Reading(c.start, c.end, c.value, _claim_interval(c), c.unit, c.qualifier)


def number_readings(text: str) -> list[Reading]:
    """NumberModel: every number written in the text, read by ``numbers.find_numbers``."""
    out: list[Reading] = []
    numbers = find_numbers(text, signed=True, slash_fractions=True, exponents=True, ratios=True)
    for nm in numbers:
        if nm.value is None or nm.glued_unit is not None:
            continue  # vague amounts have no value; "29km" is a measure, not a number
        start = nm.start
        if nm.currency:  # the spec reads the figure of "$20" as "20"
            start = next(i for i in range(nm.start, nm.end) if nm.text[i - nm.start].isdigit())
        out.append(Reading(start, nm.end, nm.value, None, None))
    return out


def claim_readings(name: str, claims: Iterable[QuantityClaim]) -> list[Reading]:
    """The claims a spec looks at (see the module docstring)."""
    keep: Callable[[QuantityClaim], bool]
    if name == "PercentModel":
        def keep(c: QuantityClaim) -> bool:
            return c.dimension == "percent"
    elif name == "NumberRangeModel":
        def keep(c: QuantityClaim) -> bool:
            return c.qualifier in BOUND_QUALIFIERS or (
                c.qualifier == "exact" and bool(_EQUALITY.match(c.text)))
    elif name == "CurrencyModel":
        def keep(c: QuantityClaim) -> bool:
            return c.dimension == "currency"
    elif name == "DimensionModel":
        def keep(c: QuantityClaim) -> bool:
            return c.dimension in DIMENSION_KINDS
    else:  # quantulum3 has no vague amounts ("several hundred"): those are not compared
        def keep(c: QuantityClaim) -> bool:
            return c.qualifier != "vague"
    return [_claim_reading(c) for c in claims if keep(c)]


def readings_for(name: str, text: str, nlp: Language) -> list[Reading]:
    if name == "NumberModel":
        return number_readings(text)
    return claim_readings(name, extract_quantities(nlp(text), "case"))


# ----------------------------------------------------------------------------- matching


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _soft_gap(text: str, a: int, b: int) -> bool:
    """Text between two span edges that one side may include and the other not."""
    lo, hi = min(a, b), max(a, b)
    gap = text[lo:hi]
    if any(ch.isdigit() for ch in gap):
        return False
    return len(gap.split()) <= 3


def span_matches(name: str, text: str, exp: Expected, r: Reading) -> bool:
    if name == "NumberModel":
        return (r.start, r.end) == (exp.start, exp.end)
    if not (r.start == exp.start or _soft_gap(text, r.start, exp.start)):
        return False
    return r.end == exp.end or _soft_gap(text, exp.end, r.end)


def interval_matches(exp: Interval, r: Reading) -> bool:
    got = r.interval
    if got is None:
        return False
    if not (_close(exp.low, got.low) and _close(exp.high, got.high)):
        return False
    if exp.low is not None and exp.low_inclusive != got.low_inclusive:
        return False
    if exp.high is not None and exp.high_inclusive != got.high_inclusive:
        # Two-sided written ranges: spec half-open by convention, ours closed.
        return r.qualifier == "range" and not exp.high_inclusive and got.high_inclusive
    return True


def unit_matches(name: str, exp: Expected, r: Reading) -> bool:
    if exp.unit_name is None:
        return True
    if name == "quantulum3":
        if exp.unit_name not in QUANTULUM_UNITS:
            return False
        return QUANTULUM_UNITS[exp.unit_name] == r.unit or _fraction_in_percent(name, exp, r)
    return r.unit is not None and exp.unit_name in RT_UNITS.get(r.unit, frozenset())


def _fraction_in_percent(name: str, exp: Expected, r: Reading) -> bool:
    """quantulum3's dimensionless "two thirds" (0.667) is our 66.67 percent."""
    return (name == "quantulum3" and exp.unit_name == "dimensionless" and r.unit == "percent"
            and exp.value is not None and r.value is not None
            and math.isclose(exp.value * 100, r.value, abs_tol=0.01))


def value_matches(name: str, exp: Expected, r: Reading) -> bool:
    if exp.interval is not None:
        return interval_matches(exp.interval, r)
    if name == "quantulum3" and r.qualifier == "range":
        return False
    if _fraction_in_percent(name, exp, r):
        return True
    return exp.value is not None and _close(exp.value, r.value)


def case_passes(case: Case, readings: list[Reading]) -> bool:
    """Every expected result matched by a distinct reading, and no reading left over."""
    if len(readings) != len(case.expected):
        return False
    left = list(readings)
    for exp in case.expected:
        hit = next(
            (r for r in left
             if span_matches(case.file, case.input, exp, r)
             and value_matches(case.file, exp, r)
             and unit_matches(case.file, exp, r)),
            None,
        )
        if hit is None:
            return False
        left.remove(hit)
    return True


# ----------------------------------------------------------------------------- running


def unsupported_keys(entries: Iterable[dict[str, str]]) -> set[tuple[str, str]]:
    return {(e["file"], e["input"]) for e in entries}


def run(nlp: Language, files: Iterable[str] = tuple(SPEC_FILES)) -> dict[str, FileResult]:
    """Run the chosen spec files; unsupported cases are run but scored apart."""
    skip = unsupported_keys(load_unsupported())
    results: dict[str, FileResult] = {}
    for name in files:
        res = FileResult(name)
        for case in load_cases(name):
            readings = readings_for(name, case.input, nlp)
            ok = case_passes(case, readings)
            res.total += 1
            if (name, case.input) in skip:
                res.unsupported += 1
                res.unsupported_passed += ok
                continue
            if ok:
                res.passed += 1
            else:
                res.failures.append((case, readings))
        results[name] = res
    return results


def _describe(case: Case, readings: list[Reading]) -> str:
    lines = [f"  [{case.file} #{case.index}] {case.input[:160]!r}"
             + (f"  (NotSupported: {case.not_supported})" if case.not_supported else "")]
    for e in case.expected:
        what = e.interval if e.interval is not None else e.value
        lines.append(f"      want {case.input[e.start:e.end]!r} {what} {e.unit_name or ''}")
    for r in readings:
        what = r.value if r.qualifier == "exact" else r.interval
        lines.append(f"      got  {case.input[r.start:r.end]!r} {what} {r.unit or ''}"
                     f" {r.qualifier}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list failing cases")
    parser.add_argument("files", nargs="*", choices=[*SPEC_FILES, []], help="spec files")
    args = parser.parse_args(argv)
    from factcheck.extraction.nlp import load_pipeline  # after argument errors

    results = run(load_pipeline(), args.files or tuple(SPEC_FILES))
    if args.verbose:
        for res in results.values():
            for case, readings in res.failures:
                print(_describe(case, readings))
    print(f"{'file':<18} {'passed':>7} {'scored':>7} {'rate':>7} {'unsupported':>12}")
    for res in results.values():
        scored = res.total - res.unsupported
        print(f"{res.file:<18} {res.passed:>7} {scored:>7} {res.rate:>6.1f}% "
              f"{res.unsupported:>5} ({res.unsupported_passed} pass)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
