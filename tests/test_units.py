"""Unit conversion as pint gives it: comparable bases for normalized units, never for money."""

from __future__ import annotations

import functools
import json
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.checks.unit_factors import UNIT_FACTORS
from factcheck.checks.units import PINT_NAMES, same_dimension, to_base


def test_100_km_is_about_62_miles() -> None:
    km = to_base(100, "km")
    miles = to_base(62, "mile")
    assert km is not None and miles is not None
    assert km[1] == miles[1] == "meter"
    assert km[0] == pytest.approx(100_000)
    assert miles[0] == pytest.approx(km[0], rel=0.01)


@pytest.mark.parametrize(
    ("value", "unit", "base", "base_unit"),
    [
        (2, "tonne", 2000, "kilogram"),
        (1, "kg", 1, "kilogram"),
        (1, "hectare", 10_000, "meter ** 2"),
        (1, "km2", 1_000_000, "meter ** 2"),
        (36, "km/h", 10, "meter / second"),
        (0, "degC", 273.15, "kelvin"),
        (32, "degF", 273.15, "kelvin"),
        (2, "hour", 7200, "second"),
        (3, "minute", 180, "second"),
        (1, "day", 86_400, "second"),
        (1, "week", 604_800, "second"),
        (1, "barrel", 0.158987, "meter ** 3"),
        (1, "lb", 0.45359237, "kilogram"),
    ],
)
def test_to_base(value: float, unit: str, base: float, base_unit: str) -> None:
    got = to_base(value, unit)
    assert got is not None
    assert got[0] == pytest.approx(base, rel=1e-4)
    assert got[1] == base_unit


def test_mph_and_kmh_compare() -> None:
    mph = to_base(60, "mph")
    kmh = to_base(96.56, "km/h")
    assert mph is not None and kmh is not None
    assert mph[0] == pytest.approx(kmh[0], rel=1e-3)


@pytest.mark.parametrize("unit", ["USD", "EUR", "GBP", "JPY", "percent", "percentage point",
                                  "cent", "penny", "furlong-per-fortnight", ""])
def test_currencies_percent_and_unknown_units_are_not_converted(unit: str) -> None:
    assert to_base(100, unit) is None


def test_every_mapped_unit_converts() -> None:
    for unit in PINT_NAMES:
        assert to_base(1.0, unit) is not None, unit


def test_same_dimension() -> None:
    assert same_dimension("km", "mile")
    assert same_dimension("tonne", "lb")
    assert not same_dimension("km", "kg")
    assert not same_dimension("USD", "EUR")


@functools.cache
def _pint() -> Any:
    import pint

    return pint.UnitRegistry()


def pints_table() -> dict[str, tuple[float, float | None, str]]:
    """`UNIT_FACTORS` as the installed pint gives it: a factor, and pint's scale and offset for degC/degF."""
    ureg = _pint()
    table: dict[str, tuple[float, float | None, str]] = {}
    for unit, expression in PINT_NAMES.items():
        base = ureg.Quantity(1.0, expression).to_base_units()
        if float(ureg.Quantity(0.0, expression).to_base_units().magnitude) == 0.0:
            table[unit] = (float(base.magnitude), None, str(base.units))
        else:
            converter = ureg._units[ureg.get_name(expression)].converter
            table[unit] = (float(converter.scale), float(converter.offset), str(base.units))
    return table


def table_source(table: dict[str, tuple[float, float | None, str]]) -> str:
    """The entries of `factcheck/checks/unit_factors.py` for ``table``, to paste when pint changes."""
    return "\n".join(f"    {json.dumps(unit)}: ({f!r}, {o!r}, {json.dumps(b)})," for unit, (f, o, b) in table.items())


def test_the_shipped_table_is_pints_own() -> None:
    """A run never imports pint; the table it reads is what the installed pint gives, entry for entry."""
    expected = pints_table()
    assert expected == UNIT_FACTORS, "regenerate UNIT_FACTORS in factcheck/checks/unit_factors.py:\n" + table_source(
        expected
    )


def test_converting_imports_no_pint() -> None:
    probe = "import sys\nfrom factcheck.checks.units import to_base\nto_base(1.0, 'degF')\nprint('pint' in sys.modules)"
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "False"


@settings(max_examples=300, deadline=None)  # pint's registry is built on the first call
@given(
    st.sampled_from(sorted(set(PINT_NAMES) - {"percent", "percentage point"})),
    st.floats(-1e12, 1e12, allow_nan=False),
)
def test_to_base_is_pints_own_conversion(unit: str, value: float) -> None:
    """The table's factor gives what a pint Quantity per figure gives; with an offset (degC, degF), exactly."""
    expected = _pint().Quantity(value, PINT_NAMES[unit]).to_base_units()
    got = to_base(value, unit)
    assert got is not None
    assert got[1] == str(expected.units)
    assert got[0] == pytest.approx(float(expected.magnitude), rel=1e-12, abs=1e-9)
    if UNIT_FACTORS[unit][1] is not None:
        assert got[0] == float(expected.magnitude)
