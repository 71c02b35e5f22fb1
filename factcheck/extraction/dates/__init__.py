"""Dates: every date and time a news report can write, resolved to ISO values.

``extract.py`` is the entry point (a parsed ``Doc`` to `DateClaim` objects);
``cues.py`` finds where date words are, ``grammar.py`` holds the patterns,
``resolution.py`` turns one matched span into a value with ``shapes.py``,
``relative.py``, ``ordinals.py`` and ``holidays.py``; ``calendar.py`` is
calendar arithmetic, ``lexicon.py`` and ``types.py`` are tables and types.
"""
