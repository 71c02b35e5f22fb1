"""Each normalized unit's conversion to the base unit of its dimension, as pint gives it.

Written out once from pint 0.25.3 (``tests/test_units.py`` rebuilds it from the
installed pint and fails, printing the new table, if any entry differs), so
that a run never imports pint: importing it and building its registry cost
about half a second per process, more than checking a few articles.

Unit name -> (factor, offset, base unit): ``value * factor`` in the base
unit, plus ``offset`` for the units whose zero is not the base's zero
(degC and degF to kelvin: pint's ``value * scale + offset``).
"""

from __future__ import annotations

PINT_VERSION = "0.25.3"
"""The pint that wrote the table (for the reader; the test compares values, not versions)."""

UNIT_FACTORS: dict[str, tuple[float, float | None, str]] = {
    "km": (1000.0, None, "meter"),
    "m": (1.0, None, "meter"),
    "cm": (0.01, None, "meter"),
    "mm": (0.001, None, "meter"),
    "dm": (0.1, None, "meter"),
    "nm": (1e-09, None, "meter"),
    "pm": (1e-12, None, "meter"),
    "mile": (1609.344, None, "meter"),
    "ft": (0.30479999999999996, None, "meter"),
    "inch": (0.0254, None, "meter"),
    "yard": (0.9144, None, "meter"),
    "nautical mile": (1852.0, None, "meter"),
    "kg": (1.0, None, "kilogram"),
    "g": (0.001, None, "kilogram"),
    "mg": (1e-06, None, "kilogram"),
    "ug": (1e-09, None, "kilogram"),
    "lb": (0.4535923700000001, None, "kilogram"),
    "oz": (0.028349523125000005, None, "kilogram"),
    "tonne": (1000.0, None, "kilogram"),
    "km2": (1000000.0, None, "meter ** 2"),
    "m2": (1.0, None, "meter ** 2"),
    "mile2": (2589988.110336, None, "meter ** 2"),
    "hectare": (10000.0, None, "meter ** 2"),
    "acre": (4046.8726098742513, None, "meter ** 2"),
    "km3": (1000000000.0, None, "meter ** 3"),
    "m3": (1.0, None, "meter ** 3"),
    "ft3": (0.028316846591999994, None, "meter ** 3"),
    "litre": (0.0010000000000000002, None, "meter ** 3"),
    "ml": (1.0000000000000002e-06, None, "meter ** 3"),
    "cl": (1.0000000000000003e-05, None, "meter ** 3"),
    "gallon": (0.0037854117839999993, None, "meter ** 3"),
    "barrel": (0.15898729492799996, None, "meter ** 3"),
    "tbsp": (1.4786764781249997e-05, None, "meter ** 3"),
    "tsp": (4.928921593749999e-06, None, "meter ** 3"),
    "cup": (0.00023658823649999996, None, "meter ** 3"),
    "km/h": (0.2777777777777778, None, "meter / second"),
    "mph": (0.44704, None, "meter / second"),
    "knot": (0.5144444444444445, None, "meter / second"),
    "psi": (6894.7572931683635, None, "kilogram / meter / second ** 2"),
    "ksi": (6894757.293168363, None, "kilogram / meter / second ** 2"),
    "degC": (1.0, 273.15, "kelvin"),
    "degF": (0.5555555555555556, 255.37222222222223, "kelvin"),
    "second": (1.0, None, "second"),
    "minute": (60.0, None, "second"),
    "hour": (3600.0, None, "second"),
    "day": (86400.0, None, "second"),
    "week": (604800.0, None, "second"),
    "fortnight": (1209600.0, None, "second"),
    "month": (2629800.0, None, "second"),
    "year": (31557600.0, None, "second"),
    "bit": (1.0, None, "bit"),
    "byte": (8.0, None, "bit"),
    "kB": (8000.0, None, "bit"),
    "MB": (8000000.0, None, "bit"),
    "GB": (8000000000.0, None, "bit"),
    "TB": (8000000000000.0, None, "bit"),
    "EB": (8e+18, None, "bit"),
    "Mbit": (1000000.0, None, "bit"),
    "rad": (1.0, None, "radian"),
    "hp": (745.6998715822701, None, "kilogram * meter ** 2 / second ** 3"),
    "W": (1.0, None, "kilogram * meter ** 2 / second ** 3"),
    "kW": (1000.0, None, "kilogram * meter ** 2 / second ** 3"),
    "MW": (1000000.0, None, "kilogram * meter ** 2 / second ** 3"),
    "GW": (1000000000.0, None, "kilogram * meter ** 2 / second ** 3"),
    "TW": (1000000000000.0, None, "kilogram * meter ** 2 / second ** 3"),
    "Wh": (3600.0, None, "kilogram * meter ** 2 / second ** 2"),
    "kWh": (3600000.0, None, "kilogram * meter ** 2 / second ** 2"),
    "MWh": (3600000000.0, None, "kilogram * meter ** 2 / second ** 2"),
    "GWh": (3600000000000.0, None, "kilogram * meter ** 2 / second ** 2"),
    "TWh": (3600000000000000.0, None, "kilogram * meter ** 2 / second ** 2"),
    "Hz": (1.0, None, "1 / second"),
    "kHz": (1000.0, None, "1 / second"),
    "MHz": (1000000.0, None, "1 / second"),
    "GHz": (1000000000.0, None, "1 / second"),
    "THz": (1000000000000.0, None, "1 / second"),
    "eV": (1.602176634e-19, None, "kilogram * meter ** 2 / second ** 2"),
    "keV": (1.602176634e-16, None, "kilogram * meter ** 2 / second ** 2"),
    "MeV": (1.6021766339999998e-13, None, "kilogram * meter ** 2 / second ** 2"),
    "GeV": (1.6021766339999998e-10, None, "kilogram * meter ** 2 / second ** 2"),
    "TeV": (1.602176634e-07, None, "kilogram * meter ** 2 / second ** 2"),
}
