"""Time zones as news names them, and their UTC offsets on a given day.

A time of day names its zone in one of four ways:

- an abbreviation: "GMT", "CEST", "ET" (`ABBREVIATIONS`).  Most have one
  offset; a few name a region whose offset depends on the season ("ET" is
  EST in winter and EDT in summer) and are resolved with the date, by the
  daylight-saving rule of that region (`Zone.offset_on`);
- a written offset: "GMT+2", "UTC-03:00";
- a region or a country whose territory keeps one zone: "UK time",
  "Eastern time", "Swedish time", "Japan time" (`NAMED`);
- "local time": the zone of the place the text is about, whose offset only
  another statement gives ("21:05 local time (1905 GMT)" says local is
  UTC+2); see `factcheck.extraction.dates.clock`.

Only two daylight-saving rules are needed for the zones listed: the
European Union's (from the last Sunday of March to the last Sunday of
October, switching at 01:00 UTC; the UK and Ireland keep it too) and the
United States' (from the second Sunday of March to the first Sunday of
November, switching at 02:00 local time).  Nothing here reads the system's
time-zone database, so a value never depends on the machine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final, Literal

from factcheck.pattern_cache import compile_patterns

DstRule = Literal["eu", "us"]


@dataclass(frozen=True)
class Zone:
    """A zone as a time of day names it: its label, standard offset and daylight-saving rule."""

    label: str
    """How messages write it: "CEST", "UK time", "local time", "UTC+02:00"."""
    standard: int | None
    """Minutes east of UTC outside daylight-saving time; None for "local time"."""
    dst: DstRule | None = None
    """The rule that adds an hour in summer, for a zone named by its region."""

    @property
    def local(self) -> bool:
        """ "local time": no offset of its own."""
        return self.standard is None

    def offset_on(self, day: date | None, minute_of_day: int) -> int | None:
        """Minutes east of UTC at that wall-clock time of that day; None when unknown.

        A zone with a seasonal offset needs the day; without one its offset is unknown.
        """
        if self.standard is None:
            return None
        if self.dst is None:
            return self.standard
        if day is None:
            return None
        return self.standard + 60 if _in_summer(self.dst, day, minute_of_day, self.standard) else self.standard


UTC: Final[Zone] = Zone("UTC", 0)
LOCAL: Final[Zone] = Zone("local time", None)


def _fixed(label: str, minutes: int) -> Zone:
    return Zone(label, minutes)


ABBREVIATIONS: Final[dict[str, Zone]] = {
    "utc": UTC, "gmt": Zone("GMT", 0), "z": Zone("UTC", 0),
    "wet": _fixed("WET", 0), "west": _fixed("WEST", 60), "bst": _fixed("BST", 60),
    "cet": _fixed("CET", 60), "cest": _fixed("CEST", 120),
    "eet": _fixed("EET", 120), "eest": _fixed("EEST", 180),
    "msk": _fixed("MSK", 180), "trt": _fixed("TRT", 180),
    "wat": _fixed("WAT", 60), "cat": _fixed("CAT", 120), "sast": _fixed("SAST", 120), "eat": _fixed("EAT", 180),
    "gst": _fixed("GST", 240), "pkt": _fixed("PKT", 300), "ist": _fixed("IST", 330),
    "ict": _fixed("ICT", 420), "wib": _fixed("WIB", 420),
    "sgt": _fixed("SGT", 480), "hkt": _fixed("HKT", 480), "pht": _fixed("PHT", 480), "awst": _fixed("AWST", 480),
    "jst": _fixed("JST", 540), "kst": _fixed("KST", 540),
    "acst": _fixed("ACST", 570), "acdt": _fixed("ACDT", 630),
    "aest": _fixed("AEST", 600), "aedt": _fixed("AEDT", 660),
    "nzst": _fixed("NZST", 720), "nzdt": _fixed("NZDT", 780),
    "brt": _fixed("BRT", -180), "art": _fixed("ART", -180),
    "ast": _fixed("AST", -240), "adt": _fixed("ADT", -180),
    "est": _fixed("EST", -300), "edt": _fixed("EDT", -240),
    "cst": _fixed("CST", -360), "cdt": _fixed("CDT", -300),
    "mst": _fixed("MST", -420), "mdt": _fixed("MDT", -360),
    "pst": _fixed("PST", -480), "pdt": _fixed("PDT", -420),
    "akst": _fixed("AKST", -540), "akdt": _fixed("AKDT", -480), "hst": _fixed("HST", -600),
    "et": Zone("ET", -300, "us"), "ct": Zone("CT", -360, "us"),
    "mt": Zone("MT", -420, "us"), "pt": Zone("PT", -480, "us"),
}  # fmt: skip
"""Zone abbreviations common in news copy, with the usual news reading of the ambiguous ones
("CST" is US Central, "IST" India, "AST" Atlantic).  "ET", "CT", "MT" and "PT" follow US
daylight-saving time."""

ABBREVIATION_ONLY_UPPER: Final[frozenset[str]] = frozenset({"et", "ct", "mt", "pt", "cat", "art", "west", "z"})
"""Abbreviations that are also words or letters ("et al.", "west"): a zone only written in capitals."""

_EU_CET: Final[tuple[DstRule | None, int]] = ("eu", 60)
_EU_EET: Final[tuple[DstRule | None, int]] = ("eu", 120)
_EU_WET: Final[tuple[DstRule | None, int]] = ("eu", 0)

_REGIONS: Final[dict[str, tuple[DstRule | None, int]]] = {
    # the British Isles and Portugal: GMT/WET in winter, an hour more in summer
    **dict.fromkeys(("uk", "u.k.", "british", "britain", "london", "irish", "ireland", "dublin", "portuguese",
                     "portugal", "lisbon", "western european"), _EU_WET),
    # Central European time
    **dict.fromkeys(("central european", "cet", "norwegian", "norway", "oslo", "swedish", "sweden", "danish",
                     "denmark", "german", "germany", "berlin", "french", "france", "paris", "spanish", "spain",
                     "madrid", "italian", "italy", "rome", "dutch", "netherlands", "amsterdam", "belgian", "belgium",
                     "brussels", "swiss", "switzerland", "austrian", "austria", "vienna", "polish", "poland",
                     "warsaw", "czech", "prague", "slovak", "slovakia", "hungarian", "hungary", "budapest",
                     "slovenian", "slovenia", "croatian", "croatia", "serbian", "serbia", "belgrade", "bosnian",
                     "maltese", "malta", "luxembourg", "albanian", "albania", "montenegrin", "macedonian"),
                    _EU_CET),
    # Eastern European time
    **dict.fromkeys(("eastern european", "eet", "finnish", "finland", "helsinki", "estonian", "estonia",
                     "latvian", "latvia", "lithuanian", "lithuania", "greek", "greece", "athens", "romanian",
                     "romania", "bucharest", "bulgarian", "bulgaria", "sofia", "ukrainian", "ukraine", "kyiv",
                     "kiev", "cypriot", "cyprus", "moldovan", "moldova"), _EU_EET),
    # US regions
    **dict.fromkeys(("eastern", "us eastern", "new york"), ("us", -300)),
    **dict.fromkeys(("central", "us central", "chicago"), ("us", -360)),
    **dict.fromkeys(("mountain", "us mountain", "denver"), ("us", -420)),
    **dict.fromkeys(("pacific", "us pacific", "los angeles"), ("us", -480)),
    # one zone, no daylight-saving time
    **dict.fromkeys(("icelandic", "iceland", "ghanaian", "ghana", "greenwich", "universal",
                     "coordinated universal"), (None, 0)),
    **dict.fromkeys(("nigerian", "nigeria", "west african"), (None, 60)),
    **dict.fromkeys(("south african", "south africa", "central african"), (None, 120)),
    **dict.fromkeys(("moscow", "turkish", "turkey", "istanbul", "ankara", "saudi", "saudi arabia", "qatari",
                     "qatar", "kuwaiti", "kuwait", "iraqi", "iraq", "baghdad", "kenyan", "kenya", "nairobi",
                     "ethiopian", "ethiopia", "tanzanian", "ugandan", "east african", "belarusian", "minsk"),
                    (None, 180)),
    **dict.fromkeys(("iranian", "iran", "tehran"), (None, 210)),
    **dict.fromkeys(("emirati", "uae", "dubai", "abu dhabi", "gulf", "omani", "oman", "armenian", "azerbaijani"),
                    (None, 240)),
    **dict.fromkeys(("afghan", "afghanistan", "kabul"), (None, 270)),
    **dict.fromkeys(("pakistani", "pakistan", "islamabad", "uzbek"), (None, 300)),
    **dict.fromkeys(("indian", "india", "delhi", "new delhi", "mumbai", "sri lankan"), (None, 330)),
    **dict.fromkeys(("nepali", "nepalese", "nepal"), (None, 345)),
    **dict.fromkeys(("bangladeshi", "bangladesh", "dhaka"), (None, 360)),
    **dict.fromkeys(("myanmar",), (None, 390)),
    **dict.fromkeys(("thai", "thailand", "bangkok", "vietnamese", "vietnam", "hanoi", "cambodian", "jakarta"),
                    (None, 420)),
    **dict.fromkeys(("chinese", "china", "beijing", "hong kong", "taiwanese", "taiwan", "taipei", "singapore",
                     "singaporean", "malaysian", "malaysia", "philippine", "philippines", "manila"),
                    (None, 480)),
    **dict.fromkeys(("japanese", "japan", "tokyo", "korean", "south korean", "korea", "seoul", "pyongyang"),
                    (None, 540)),
    **dict.fromkeys(("argentine", "argentinian", "argentina", "buenos aires", "brasilia", "uruguayan"),
                    (None, -180)),
    **dict.fromkeys(("venezuelan", "venezuela", "bolivian", "bolivia"), (None, -240)),
    **dict.fromkeys(("colombian", "colombia", "bogota", "peruvian", "peru", "lima", "ecuadorian", "panamanian"),
                    (None, -300)),
}
"""Regions and countries whose (mainland) territory keeps one zone: "<name> time"."""

_NAMED_LABELS: Final[dict[str, str]] = {"uk": "UK time", "u.k.": "UK time"}


def named_zone(name: str) -> Zone | None:
    """The zone of "<name> time" ("Swedish", "UK", "Eastern"), lower-case name; None when unknown."""
    name = " ".join(name.split())
    found = _REGIONS.get(name)
    if found is None:
        return None
    rule, standard = found
    return Zone(_NAMED_LABELS.get(name, f"{name.title()} time"), standard, rule)


NAMED_ALT: Final[str] = "|".join(
    re.escape(name).replace(r"\ ", r"\s+") for name in sorted(_REGIONS, key=len, reverse=True)
)
"""The region names, longest first, for patterns (lower-case; compile case-insensitively)."""


def _last_sunday(year: int, month: int) -> date:
    last = date(year, month + 1, 1) - timedelta(days=1) if month < 12 else date(year, 12, 31)
    return last - timedelta(days=(last.weekday() + 1) % 7)


def _nth_sunday(year: int, month: int, n: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(6 - first.weekday()) % 7 + 7 * (n - 1))


def _in_summer(rule: DstRule, day: date, minute_of_day: int, standard: int) -> bool:
    """Whether daylight-saving time applies at that local wall-clock time (standard time assumed near the switch)."""
    if rule == "eu":
        # switches at 01:00 UTC on the last Sundays of March and October
        utc_minute = minute_of_day - standard
        start, end = _last_sunday(day.year, 3), _last_sunday(day.year, 10)
        if start < day < end:
            return True
        if day == start:
            return utc_minute >= 60
        if day == end:
            return utc_minute < 60
        return False
    # the United States since 2007: 02:00 local on the second Sunday of March to the first of November
    start, end = _nth_sunday(day.year, 3, 2), _nth_sunday(day.year, 11, 1)
    if start < day < end:
        return True
    if day == start:
        return minute_of_day >= 120
    if day == end:
        return minute_of_day < 120
    return False


def offset_text(minutes: int) -> str:
    """ "+02:00", "-05:00", "+05:30": an ISO 8601 offset."""
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{rest:02d}"


_OFFSET_VALUE_RE: Final[re.Pattern[str]] = re.compile(r"(?:Z|([+-])(\d\d):?(\d\d))$")


def value_offset(value: str) -> int | None:
    """The UTC offset a time value carries ("...T21:05+02:00" -> 120, "...Z" -> 0), None without one."""
    if "T" not in value:
        return None
    match = _OFFSET_VALUE_RE.search(value[value.index("T") :])
    if match is None:
        return None
    if match[0] == "Z":
        return 0
    minutes = int(match[2]) * 60 + int(match[3])
    return -minutes if match[1] == "-" else minutes


def plausible_offset(minutes: int) -> int | None:
    """A difference of two clocks as a zone offset: wrapped into a day, on a quarter hour, else None."""
    wrapped = (minutes + 720) % 1440 - 720
    if wrapped % 15 or not -720 <= wrapped <= 840:
        return None
    return wrapped


# --- patterns over the raw text -----------------------------------------------------------

_ABBR_UPPER = "|".join(sorted((a.upper() for a in ABBREVIATIONS if len(a) > 1), key=len, reverse=True))
_EXPLICIT_ZONE = (
    r"\s*\(?(?:UTC|GMT)\s*[+\-−]\s*\d{1,2}(?::?\d\d)?\)?"
    rf"|\s*\(?(?:{_ABBR_UPPER})\)?(?![\w])"
    rf"|\s+(?i:(?:{NAMED_ALT})(?:\s+(?:standard|daylight|summer|mean))?\s+time)\b"
)
_LOCAL_ZONE = r"\s*(?:\(?(?i:local\s+(?:time|hour))\)?|\((?i:local)\)|(?i:local)(?=\s*[,.;:)]))(?![\w])"
ZONE_TEXT: Final[str] = rf"(?:{_EXPLICIT_ZONE}|{_LOCAL_ZONE})"
"""A zone after a clock in the raw text: "GMT", "(CEST)", "GMT+2", "local time", "(local time)", "UK time"."""

CLOCK_TEXT: Final[str] = (
    r"(?:(?:[01]?\d|2[0-3])(?::[0-5]\d|h[0-5]\d)(?:\s*[ap]\.?\s?m\.?)?"
    r"|(?:[01]?\d|2[0-3])\.[0-5]\d(?=\s*[ap]\.?m)\s*[ap]\.?\s?m\.?"
    r"|(?:1[0-2]|0?[1-9])\s*[ap]\.?\s?m\.?)"
)
"""A clock time that reads as one by itself: "21:05", "21h05", "9.05pm", "8.25 p.m.", "1pm"."""

_ZONED_CLOCK = rf"(?:[01]?\d|2[0-3])\.[0-5]\d(?={ZONE_TEXT})|(?:[01]\d|2[0-3])[0-5]\d(?={_EXPLICIT_ZONE})"
"""Clocks that read as one only before a zone: "19.25 BST", "1905 GMT"."""
_PAIRED = rf"\s*\(\s*(?:{CLOCK_TEXT}|{_ZONED_CLOCK}){ZONE_TEXT}\s*\)"

TIME_OF_DAY_TEXT: Final[str] = (
    rf"(?<![\w:.])(?:{CLOCK_TEXT}(?:\s+(?:hours|hrs)\b)?(?:{ZONE_TEXT})?|(?:{_ZONED_CLOCK}){ZONE_TEXT})"
    rf"(?:{_PAIRED})?(?![\w:])"
)
"""A time of day with its zone and a bracketed conversion, as a candidate date span."""

CLOCK_SEARCH_RE: Final[re.Pattern[str]] = compile_patterns([(rf"(?:{CLOCK_TEXT}|{_ZONED_CLOCK})", re.IGNORECASE)])[0]
"""Compiled through the table cache (`factcheck.pattern_cache`): the zone names make it long to compile."""
"""Whether a span holds a time of day (to join it to the date beside it)."""
