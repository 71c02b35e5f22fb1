"""Quantities: figures with their bounds, units, counted nouns and events.

``extract.py`` is the entry point (a parsed ``Doc`` to `QuantityClaim`
objects); ``numbers.py`` reads the numbers themselves from plain text.
"""
