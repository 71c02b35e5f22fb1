"""Normal forms of names for comparison: accents, case, transliteration.

Three levels, each forgiving more: ``fold`` drops accents and case (Orbán ->
orban); ``translit_key`` also merges the spellings that transliteration
systems produce for one sound (Sergei/Sergey, Zelenskiy/Zelenskyy,
Kharkiv/Kharkov is NOT merged: that is a different name form).  Two
spellings with the same key are variants, not typos.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from unidecode import unidecode

_APOSTROPHES = "'’‘`´ʼ"
_NON_WORD = re.compile(r"[^a-z0-9 ]+")
_SPACES = re.compile(r"\s+")
_LETTER_RUN = re.compile(r"\b[a-z](?: [a-z]\b)+")

# Rewrites applied in order to a folded name; each pair merges spellings
# that English-language transliteration systems of Cyrillic, Arabic and
# other scripts produce for one sound.
_TRANSLIT_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), repl)
    for pattern, repl in (
        (r"(?<=[aeiou])y(?=\b)", "i"),  # Sergey -> Sergei, Nikolay -> Nikolai
        (r"(?:iy|yy|yi|ij|yj|ii)\b", "y"),  # Zelenskiy/Zelenskyy/Zelenskyj -> Zelensky
        (r"(?<=[aeiou][^aeiouy])y\b", "i"),  # Orazguly -> Orazguli (not Kelly, Zelensky)
        (r"ey(?=[^aeiou\s])", "ei"),  # Reyhan -> Reihan
        (r"iy(?=[aeiou])", "y"),  # Dmitriy-a
        (r"kh", "h"),  # Mikhail/Mihail
        (r"zh", "j"),
        (r"(?<=\w)j(?=[aeiou])", "y"),  # Selenskyj-style j for y before vowels
        (r"ts", "c"),
        (r"tz", "c"),
        (r"ks", "x"),
        (r"ph", "f"),
        (r"w", "v"),
        (r"yu", "iu"),
        (r"ya", "ia"),
        (r"ye", "e"),
        (r"yo", "io"),
        (r"ou", "u"),
    )
)


def has_diacritics(text: str) -> bool:
    return any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", text))


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Accents, case, apostrophes and punctuation removed; spaces normalized.

    Spaced initials are joined ("U. S." and "U.S." both fold to "us"): how
    an acronym is spaced is typography, not spelling.
    """
    ascii_text = unidecode(text).lower()
    for mark in _APOSTROPHES:
        ascii_text = ascii_text.replace(mark, "")
    ascii_text = ascii_text.replace("-", " ").replace(".", ". ")
    folded = _SPACES.sub(" ", _NON_WORD.sub("", ascii_text)).strip()
    return _LETTER_RUN.sub(lambda m: m.group(0).replace(" ", ""), folded)


@functools.lru_cache(maxsize=1 << 16)
def translit_key(text: str) -> str:
    """A key equal for spellings that differ only by transliteration system."""
    key = fold(text)
    for pattern, repl in _TRANSLIT_RULES:
        key = pattern.sub(repl, key)
    return key


def strip_accents(text: str) -> str:
    """The text with combining marks removed, keeping case and other characters."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


_SAME_LETTER = str.maketrans({"ş": "ș", "ţ": "ț", "Ş": "Ș", "Ţ": "Ț"})
"""Romanian s and t with a cedilla or a comma below: one letter in two encodings, not two spellings."""


def accent_key(text: str) -> str:
    """The text as spelled, accents kept: composed, case folded, the cedilla and comma forms of ș and ț merged."""
    return unicodedata.normalize("NFC", text).translate(_SAME_LETTER).casefold()
