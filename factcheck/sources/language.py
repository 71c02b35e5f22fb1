"""The language of a source: the one it states, else the one detected, and whether factcheck reads it.

factcheck reads English only: its spaCy model, date parser, number forms and
name lists are English.  A German or French text checked as English yields
invented names ("Nach Angaben") and wrong figures ("3,5 Millionen Euro" as
3.5), so such a source is skipped, with a problem that says how its language
was decided.  The language is settled in this order:

1. the source's own ``language`` (front matter, a ``.jsonl`` field,
   `Source.language`): an ISO 639-1 code, optionally with a region or script
   ("en", "en-GB", "pt_BR"), checked by `validate_language_tag`;
2. detection, when the source states none: plainly English when at least
   `PLAINLY_ENGLISH_SHARE` of its words (and `MIN_WORDS` or more) are
   English function words ("the", "of", "said"; 20-30% in English news, 0-2%
   in German, French, Spanish or Dutch news), which spares the detector's
   model load on most runs; else the detector, when it is sure: at
   least `MIN_WORDS` words and a probability of at least `MIN_CONFIDENCE`
   for the best language;
3. the configuration's ``[sources] language``, when detection cannot tell;
4. English, assumed.

The detector is py3langid (naive Bayes over byte n-grams, 140 languages):
its model ships inside the wheel, so nothing is downloaded, and the same
text always gets the same answer.  It is loaded once per process, on the
first source that needs it (a few milliseconds once a run on the machine
has unpacked its LZMA-compressed model: `factcheck.sources.language_model`),
and takes 1-2 ms for a news article.  A long text is judged on three windows of
`WINDOW_CHARS` characters (start, middle, end), so a 10 MB source costs no
more than a long article.

The thresholds come from measurement.  On the 982 English articles of ECB+
cut to their first 3 to 40 words, no other language ever reached a
probability of 0.87 (Nigerian Pidgin, on bare datelines), nor 0.73 on English
sentences packed with German, French, Spanish and Dutch names; whole, all 982
are English or too short to tell.  A German, French, Italian, Dutch,
Portuguese or Polish news sentence of 20 words reaches 0.96 to 1.00.  Under
20 words one foreign quote can carry a text (a 15-word English sentence
opening with a French quote scores 0.95 French), so a short text is never
skipped on detection alone: it is checked as English, and the report says
why.  A source that is English after all takes a ``language: en`` key.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

READ_LANGUAGES = frozenset({"en"})
"""The languages factcheck reads (primary subtags)."""

MIN_WORDS = 20
"""Fewest words (tokens with a letter) a text needs before detection may skip it."""

MIN_CONFIDENCE = 0.95
"""Lowest probability of the detected language for it to count."""

WINDOW_CHARS = 2_000
"""A text longer than three windows is judged on its start, middle and end."""

NOT_A_LANGUAGE = frozenset({"zxx"})
"""Detector labels that name no language ("no linguistic content"): never a reason to skip."""

ISO_639_1 = frozenset(
    (
        "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bh", "bi", "bm",
        "bn", "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da", "de", "dv", "dz", "ee",
        "el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr", "fy", "ga", "gd", "gl", "gn", "gu",
        "gv", "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz", "ia", "id", "ie", "ig", "ii", "ik", "io", "is",
        "it", "iu", "ja", "jv", "ka", "kg", "ki", "kj", "kk", "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw",
        "ky", "la", "lb", "lg", "li", "ln", "lo", "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms",
        "mt", "my", "na", "nb", "nd", "ne", "ng", "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os",
        "pa", "pi", "pl", "ps", "pt", "qu", "rm", "rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk",
        "sl", "sm", "sn", "so", "sq", "sr", "ss", "st", "su", "sv", "sw", "ta", "te", "tg", "th", "ti", "tk", "tl",
        "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug", "uk", "ur", "uz", "ve", "vi", "vo", "wa", "wo", "xh", "yi",
        "yo", "za", "zh", "zu"
    )
)
"""The 184 two-letter codes of ISO 639-1."""

_TAG = re.compile(r"([A-Za-z]{2,3})((?:[-_][A-Za-z0-9]{1,8})*)")

LanguageOrigin = Literal["stated", "detected", "configuration", "assumed"]


def primary_language(tag: str) -> str:
    """The language of a tag, lower case: "en" of "en-GB"."""
    return re.split(r"[-_]", tag.strip(), maxsplit=1)[0].lower()


def validate_language_tag(value: str) -> str:
    """``value`` stripped, when it is an ISO 639-1 code with optional subtags; else ``ValueError``.

    "en", "EN", "en-GB", "pt_BR", "zh-Hant-TW" pass; "english", "eng" and
    "e" do not.  YAML reads an unquoted ``no`` (Norwegian) as false, so a
    "False" or "True" gets a hint to quote the code.
    """
    written = value.strip()
    match = _TAG.fullmatch(written)
    if match is None or match.group(1).lower() not in ISO_639_1:
        hint = ""
        if written in ("True", "False"):
            hint = ' (YAML reads an unquoted no, yes, on or off as true or false: quote the code, "no")'
        raise ValueError(
            f"{written[:40]!r} is not an ISO 639-1 language code: write two letters such as 'en' or 'de', "
            f"optionally with a region such as 'en-GB'{hint}"
        )
    return written


@dataclass(frozen=True)
class Detection:
    """What the detector says of a text: its best language, the probability, the words it saw."""

    language: str
    confidence: float
    words: int
    sampled: bool = False

    @property
    def sure(self) -> bool:
        """Long enough and confident enough to decide on, and a language at all."""
        return (
            self.words >= MIN_WORDS and self.confidence >= MIN_CONFIDENCE and self.language not in NOT_A_LANGUAGE
        )

    def describe(self) -> str:
        """The probability and the words it rests on: "at probability 0.99 over 143 words"."""
        words = f"{self.words:,} words{' sampled' if self.sampled else ''}"
        return f"at probability {self.confidence:.2f} over {words}"


@dataclass(frozen=True)
class LanguageDecision:
    """A source's language and how it was decided."""

    language: str
    """As stated ("en-GB"), or the detector's code ("de"; some are ISO 639-3, "pcm")."""
    origin: LanguageOrigin
    detail: str
    """How it was decided, in words."""
    confidence: float | None = None
    """The detector's probability for ``language``, when detected."""

    @property
    def read(self) -> bool:
        """Whether factcheck reads this language."""
        return primary_language(self.language) in READ_LANGUAGES

    def skip_reason(self) -> str:
        """The problem message for a source skipped for its language."""
        override = " (a `language: en` front-matter key overrides detection)" if self.origin == "detected" else ""
        return f"language {self.language!r}, {self.detail}: factcheck reads English only; skipped{override}"


@functools.cache
def _identifier() -> LanguageIdentifier:
    from factcheck.sources.language_model import load_identifier

    return load_identifier()


def _sample(text: str) -> tuple[str, bool]:
    """The text, or its start, middle and end when it is longer than three windows."""
    if len(text) <= 3 * WINDOW_CHARS:
        return text, False
    middle = (len(text) - WINDOW_CHARS) // 2
    windows = (text[:WINDOW_CHARS], text[middle : middle + WINDOW_CHARS], text[-WINDOW_CHARS:])
    return "\n".join(windows), True


def count_words(text: str) -> int:
    """Whitespace-separated tokens holding a letter: figures and dashes are not words."""
    return sum(1 for token in text.split() if any(c.isalpha() for c in token))


ENGLISH_FUNCTION_WORDS = frozenset(
    ("the", "of", "and", "to", "was", "were", "that", "with", "said", "which", "from", "this", "have", "has",
     "been", "would", "their", "they", "after", "about", "will")
)  # fmt: skip
"""Words that only English writes often; other languages' texts hold almost none (a name, a quote)."""
PLAINLY_ENGLISH_SHARE = 0.12
"""English news runs at 20-30% of these words; German, French, Spanish and Dutch news at 0-2%."""
_WORD_RE = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def plainly_english(text: str) -> str | None:
    """How a text shows itself English without the detector, or None when it does not plainly.

    Most sources are plain English news, and the detector's model costs half a
    second to load on a machine's first run (a few hundredths after, from the
    table cache): a text of `MIN_WORDS` words or more of which at least
    `PLAINLY_ENGLISH_SHARE` are English function words is English, and the
    model is loaded only for the others.
    """
    return _plainly_english(_sample(text)[0])


def _plainly_english(sample: str) -> str | None:
    """`plainly_english` of a text already cut to its sample."""
    words = _WORD_RE.findall(sample)
    if len(words) < MIN_WORDS:
        return None
    share = sum(1 for word in words if word.lower() in ENGLISH_FUNCTION_WORDS) / len(words)
    if share < PLAINLY_ENGLISH_SHARE:
        return None
    return f"detected by its English function words ({share:.0%} of {len(words):,} words)"


def detect_language(text: str) -> Detection:
    """The detector's best language for ``text``, with its probability and the words it saw."""
    sample, sampled = _sample(text)
    return _detect(sample, sampled, count_words(sample))


def _detect(sample: str, sampled: bool, words: int) -> Detection:
    """`detect_language` of a text already cut to its sample, of ``words`` words."""
    language, confidence = _identifier().classify(sample)
    return Detection(str(language), round(float(confidence), 3), words, sampled)


def decide_language(
    body: str, stated: str | None, default: str | None = None, stated_in: str = "stated on the source"
) -> LanguageDecision:
    """The language of a source whose text after front matter is ``body`` (see the module docstring).

    ``stated`` is the source's own ``language``, ``default`` the
    configuration's, ``stated_in`` where the statement was read, for the
    report ("stated in front matter").
    """
    if stated:
        return LanguageDecision(stated, "stated", stated_in)
    sample, sampled = _sample(body)
    plainly = _plainly_english(sample)
    if plainly is not None:
        return LanguageDecision("en", "detected", plainly)
    words = count_words(sample)
    # Under MIN_WORDS the detector's answer is never taken: spare its model load.
    found = _detect(sample, sampled, words) if words >= MIN_WORDS else Detection("", 0.0, words, sampled)
    if found.sure:
        return LanguageDecision(found.language, "detected", f"detected {found.describe()}", found.confidence)
    if found.words < MIN_WORDS:
        unsure = f"{found.words} words are too few to detect a language (at least {MIN_WORDS})"
    elif found.language in NOT_A_LANGUAGE:
        unsure = f"the detector finds no language ({found.describe()})"
    else:
        unsure = f"the detector is unsure (best guess {found.language!r} {found.describe()}, under {MIN_CONFIDENCE})"
    if default:
        return LanguageDecision(default, "configuration", f"from the configuration, as {unsure}")
    return LanguageDecision("en", "assumed", f"assumed, as {unsure}")
