"""Unit conversion: a normalized unit of a quantity claim to the base unit of its dimension.

The extractor normalizes units to short names (``km``, ``mile``, ``tonne``,
``km/h``, ``degC`` ...; see ``quantities.UNIT_PATTERNS``).  Comparing "100 km"
with "62 miles" needs both in one unit, which is what ``to_base`` gives:
pint's own conversion of each unit in `PINT_NAMES`, written out once in
`factcheck.checks.unit_factors` (a test rebuilds it from pint), so that no
run imports pint or builds its registry (half a second per process).

Currencies and percentages are never converted: exchange rates change daily
and a percentage has no base unit, so ``to_base`` returns None for them, as
for any unit it does not know.
"""

from __future__ import annotations

import math

from factcheck.checks.unit_factors import UNIT_FACTORS

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
"""Normalized unit name -> pint unit expression (what `UNIT_FACTORS` is built from).  Currencies and
percent are absent."""

NEVER_CONVERTED = frozenset({"percent", "percentage point"})


def to_base(value: float, unit: str) -> tuple[float, str] | None:
    """``value`` in ``unit`` converted to the base unit of its dimension, with that unit's name.

    ``to_base(100, "km") == (100000.0, "meter")``; ``to_base(62, "mile")`` gives
    about 99779 metres.  None for currencies, percentages and unknown units.
    """
    conversion = UNIT_FACTORS.get(unit)
    if conversion is None or unit in NEVER_CONVERTED or not math.isfinite(value):
        return None
    factor, offset, base = conversion
    if offset is None:
        return value * factor, base
    return value * factor + offset, base  # degC, degF: pint's scale and offset, in its order


def same_dimension(unit_a: str, unit_b: str) -> bool:
    """Whether two normalized units measure the same thing (km and mile, not km and kg)."""
    a, b = to_base(1.0, unit_a), to_base(1.0, unit_b)
    return a is not None and b is not None and a[1] == b[1]
