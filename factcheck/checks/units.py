"""Unit conversion: a normalized unit of a quantity claim to the base unit of its dimension.

The extractor normalizes units to short names (``km``, ``mile``, ``tonne``,
``km/h``, ``degC`` ...; see ``quantities.UNIT_PATTERNS``).  Comparing "100 km"
with "62 miles" needs both in one unit, which is what ``to_base`` gives, using
pint (one registry per process, created on first use because building it
costs a few hundred milliseconds).

Currencies and percentages are never converted: exchange rates change daily
and a percentage has no base unit, so ``to_base`` returns None for them, as
for any unit it does not know.
"""

from __future__ import annotations

import functools
import math
from typing import Any

PINT_NAMES: dict[str, str] = {
    # length
    "km": "kilometer", "m": "meter", "cm": "centimeter", "mm": "millimeter",
    "dm": "decimeter", "nm": "nanometer", "pm": "picometer", "mile": "mile", "ft": "foot",
    "inch": "inch", "yard": "yard", "nautical mile": "nautical_mile",
    # mass
    "kg": "kilogram", "g": "gram", "mg": "milligram", "ug": "microgram", "lb": "pound",
    "oz": "ounce", "tonne": "tonne",
    # area
    "km2": "kilometer ** 2", "m2": "meter ** 2", "mile2": "mile ** 2", "hectare": "hectare",
    "acre": "acre",
    # volume (a news "barrel" is a barrel of oil, 159 litres)
    "km3": "kilometer ** 3", "m3": "meter ** 3", "ft3": "foot ** 3", "litre": "liter",
    "ml": "milliliter", "cl": "centiliter", "gallon": "gallon", "barrel": "oil_barrel",
    "tbsp": "tablespoon", "tsp": "teaspoon", "cup": "cup",
    # speed
    "km/h": "kilometer / hour", "mph": "mile / hour", "knot": "knot",
    # pressure
    "psi": "psi", "ksi": "ksi",
    # temperature (absolute readings: 0 degC is 273.15 K)
    "degC": "degC", "degF": "degF",
    # duration
    "second": "second", "minute": "minute", "hour": "hour", "day": "day", "week": "week", "fortnight": "fortnight",
    "month": "month", "year": "year",
    # information
    "bit": "bit", "byte": "byte", "kB": "kilobyte", "MB": "megabyte", "GB": "gigabyte",
    "TB": "terabyte", "EB": "exabyte", "Mbit": "megabit",
    # angle, power, energy, frequency
    "rad": "radian", "hp": "horsepower",
    "W": "watt", "kW": "kilowatt", "MW": "megawatt", "GW": "gigawatt", "TW": "terawatt",
    "Wh": "watt_hour", "kWh": "kilowatt_hour", "MWh": "megawatt_hour",
    "GWh": "gigawatt_hour", "TWh": "terawatt_hour",
    "Hz": "hertz", "kHz": "kilohertz", "MHz": "megahertz", "GHz": "gigahertz",
    "THz": "terahertz",
    "eV": "electron_volt", "keV": "kiloelectron_volt", "MeV": "megaelectron_volt",
    "GeV": "gigaelectron_volt", "TeV": "teraelectron_volt",
}
"""Normalized unit name -> pint unit expression.  Currencies and percent are absent."""

NEVER_CONVERTED = frozenset({"percent", "percentage point"})


@functools.cache
def _registry() -> Any:
    """The process's one pint registry, built on first use."""
    import pint  # deliberately lazy, see module docstring

    return pint.UnitRegistry()


def to_base(value: float, unit: str) -> tuple[float, str] | None:
    """``value`` in ``unit`` converted to the base unit of its dimension, with that unit's name.

    ``to_base(100, "km") == (100000.0, "meter")``; ``to_base(62, "mile")`` gives
    about 99779 metres.  None for currencies, percentages and unknown units.
    """
    conversion = _conversion(unit)
    if conversion is None or not math.isfinite(value):
        return None
    factor, base = conversion
    if factor is None:  # a unit with an offset (degC, degF): pint does the arithmetic
        quantity = _registry().Quantity(value, PINT_NAMES[unit]).to_base_units()
        return float(quantity.magnitude), base
    return value * factor, base


@functools.cache
def _conversion(unit: str) -> tuple[float | None, str] | None:
    """The factor to the base unit and its name, asked of pint once per unit.

    A large cluster compares tens of thousands of figures, and a pint
    Quantity per figure cost more than all other checks together.  Units
    with an offset get no factor (None).
    """
    if unit in NEVER_CONVERTED or unit not in PINT_NAMES:
        return None
    ureg = _registry()
    one = ureg.Quantity(1.0, PINT_NAMES[unit])
    base = one.to_base_units()
    multiplicative = float(ureg.Quantity(0.0, PINT_NAMES[unit]).to_base_units().magnitude) == 0.0
    return (float(base.magnitude) if multiplicative else None), str(base.units)


def same_dimension(unit_a: str, unit_b: str) -> bool:
    """Whether two normalized units measure the same thing (km and mile, not km and kg)."""
    a, b = to_base(1.0, unit_a), to_base(1.0, unit_b)
    return a is not None and b is not None and a[1] == b[1]
