"""Dates as the outlets write them: named formats, strptime patterns and time zones.

Pure functions of text, shared by the source profiles (which name formats and zones) and
by the structure and metadata rules (which read the date element). Every format is read
with an anchored regex without nested quantifiers, so parsing is linear in the input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo
from enum import Enum
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_NUMBERS = {name: number for number, name in enumerate(MONTHS, 1)}
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                 "Sunday")
CJK_WEEKDAYS = "一二三四五六日"

# RFC 2822 §3.3 zones, including the obsolete US names (§4.3).
_RFC_ZONES = {"gmt": 0, "ut": 0, "utc": 0, "z": 0, "est": -5, "edt": -4, "cst": -6,
              "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7}

_RFC2822 = re.compile(
    r"(?:(?P<wd>[A-Za-z]{3,9})\s*,\s*)?(?P<d>\d{1,2})\s+(?P<mon>[A-Za-z]{3})\s+"
    r"(?P<y>\d{4})\s+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?\s*(?P<z>[A-Za-z]{1,3}|"
    r"[+-]\d{4})?\Z")
_ISO = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?P<sep>[T ])(?P<H>\d{2}):(?P<M>\d{2})"
    r"(?::(?P<S>\d{2})(?:\.(?P<f>\d{1,9}))?)?(?P<z>Z|[+-]\d{2}:?\d{2})?\Z")
_CJK = re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\Z")
_DMY = re.compile(
    r"(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\s*-\s*(?P<H>\d{1,2}):(?P<M>\d{2})\Z")
_OFFSET = re.compile(r"(?:UTC|GMT)?(?P<sign>[+-])(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?\Z")


class Precision(str, Enum):
    DAY = "day"
    MINUTE = "minute"
    SECOND = "second"


@dataclass(frozen=True, slots=True)
class ParsedDate:
    """A date read from text. `local` is the date and time as written (naive); `value` is
    the instant, in the written zone or else the profile's zone. With day precision,
    `value` is the start of that day."""

    local: datetime
    value: datetime
    precision: Precision
    format: str
    zone_written: bool

    @property
    def latest(self) -> datetime:
        """The last instant the written date can mean (the end of a date-only day)."""
        if self.precision is Precision.DAY:
            return self.value + timedelta(days=1)
        return self.value


@dataclass(frozen=True, slots=True)
class NamedFormat:
    name: str
    example: str
    description: str


NAMED_FORMATS: dict[str, NamedFormat] = {
    f.name: f for f in (
        NamedFormat("rfc2822", "Mon, 20 Jul 2020 19:22:03 GMT", "RFC 2822 (e-mail and RSS)"),
        NamedFormat("iso8601", "2020-07-20T14:58:19.428Z",
                    "ISO 8601 with `T`, zone optional"),
        NamedFormat("datetime", "2020-07-20 19:22:17", "`YYYY-MM-DD HH:MM:SS`, zone optional"),
        NamedFormat("cjk-date", "2020年 7月 20日", "`YYYY年M月D日`, date only"),
        NamedFormat("dmy-hm", "20/07/2020 - 17:50", "`DD/MM/YYYY - HH:MM`"),
    )
}


def check_format(spec: str) -> str:
    """Validate a format name or strptime pattern; return it unchanged."""
    if spec in NAMED_FORMATS:
        return spec
    if "%" not in spec:
        raise ValueError(f"unknown date format `{spec}`: use one of "
                         f"{', '.join(NAMED_FORMATS)} or a strptime pattern with `%`")
    try:
        datetime.now().strftime(spec)
    except ValueError as exc:
        raise ValueError(f"bad strptime pattern `{spec}`: {exc}") from None
    return spec


def format_example(spec: str) -> str:
    named = NAMED_FORMATS.get(spec)
    return named.example if named else spec


@lru_cache(maxsize=256)
def parse_zone(spec: str) -> tzinfo:
    """`UTC`, a fixed offset such as `+08:00`, or an IANA zone name (`Europe/Paris`).
    Memoised: a profile's zone is read for every article (zones are immutable; a bad
    spec raises every time, as errors are not cached)."""
    text = spec.strip()
    if text.upper() in ("UTC", "GMT", "Z"):
        return timezone.utc
    match = _OFFSET.match(text)
    if match:
        hours, minutes = int(match["h"]), int(match["m"] or 0)
        if hours > 14 or minutes > 59:
            raise ValueError(f"time zone offset `{spec}` is out of range")
        delta = timedelta(hours=hours, minutes=minutes)
        return timezone(-delta if match["sign"] == "-" else delta)
    try:
        return ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone `{spec}`: use `UTC`, an offset such as "
                         "`+08:00`, or an IANA name such as `Asia/Shanghai`") from None


def parse_date(text: str, formats: tuple[str, ...] | list[str],
               zone: tzinfo) -> ParsedDate | None:
    """The first of `formats` that reads the whole of `text` (trimmed), or None."""
    text = " ".join(text.split())
    if not text or len(text) > 80:
        return None
    for spec in formats:
        parsed = _parse_one(text, spec, zone)
        if parsed is not None:
            return parsed
    return None


def _parse_one(text: str, spec: str, zone: tzinfo) -> ParsedDate | None:
    try:
        if spec == "rfc2822":
            return _rfc2822(text, zone)
        if spec in ("iso8601", "datetime"):
            return _iso(text, spec, zone)
        if spec == "cjk-date":
            match = _CJK.match(text)
            if match is None:
                return None
            day = datetime(int(match["y"]), int(match["m"]), int(match["d"]))
            return _made(day, zone, None, Precision.DAY, spec)
        if spec == "dmy-hm":
            match = _DMY.match(text)
            if match is None:
                return None
            local = datetime(int(match["y"]), int(match["m"]), int(match["d"]),
                             int(match["H"]), int(match["M"]))
            return _made(local, zone, None, Precision.MINUTE, spec)
        return _strptime(text, spec, zone)
    except (ValueError, OverflowError):  # 31 February, hour 25, year 0…
        return None


def _rfc2822(text: str, zone: tzinfo) -> ParsedDate | None:
    match = _RFC2822.match(text)
    if match is None:
        return None
    # The groups in one call, not a look-up by name each (every article's date).
    weekday, day, month_name, year, hour, minute, second, zone_name = match.groups()
    month = _MONTH_NUMBERS.get(month_name.lower())
    if month is None:
        return None
    if weekday is not None and weekday_index(weekday) is None:
        return None
    local = datetime(int(year), month, int(day), int(hour), int(minute), int(second or 0))
    written = _rfc_zone(zone_name)
    precision = Precision.SECOND if second else Precision.MINUTE
    return _made(local, zone, written, precision, "rfc2822")


def _rfc_zone(name: str | None) -> tzinfo | None:
    if name is None:
        return None
    if name[0] in "+-":
        delta = timedelta(hours=int(name[1:3]), minutes=int(name[3:5]))
        return timezone(-delta if name[0] == "-" else delta)
    hours = _RFC_ZONES.get(name.lower())
    if hours is None:
        raise ValueError(f"unknown zone {name}")
    return timezone(timedelta(hours=hours))


def _iso(text: str, spec: str, zone: tzinfo) -> ParsedDate | None:
    match = _ISO.match(text)
    if match is None or (match["sep"] == "T") != (spec == "iso8601"):
        return None
    fraction = (match["f"] or "").ljust(6, "0")[:6]
    local = datetime(int(match["y"]), int(match["m"]), int(match["d"]), int(match["H"]),
                     int(match["M"]), int(match["S"] or 0), int(fraction or 0))
    written = None
    if match["z"]:
        written = timezone.utc if match["z"] == "Z" else parse_zone(match["z"])
    precision = Precision.SECOND if match["S"] else Precision.MINUTE
    return _made(local, zone, written, precision, spec)


def _strptime(text: str, spec: str, zone: tzinfo) -> ParsedDate | None:
    parsed = datetime.strptime(text, spec)
    has_time = any(d in spec for d in ("%H", "%I", "%M", "%S", "%X", "%c", "%T", "%R"))
    precision = Precision.SECOND if "%S" in spec or "%T" in spec else (
        Precision.MINUTE if has_time else Precision.DAY)
    written = parsed.tzinfo
    return _made(parsed.replace(tzinfo=None), zone, written, precision, spec)


def _made(local: datetime, zone: tzinfo, written: tzinfo | None, precision: Precision,
          spec: str) -> ParsedDate:
    value = local.replace(tzinfo=written or zone)
    # Normalise to UTC so that comparisons never depend on a zone's fold rules.
    return ParsedDate(local, value.astimezone(timezone.utc), precision, spec,
                      written is not None)


# Lower-cased abbreviation or full name -> weekday index: one look-up per token, where a
# loop over the names lower-cased and sliced each one per call.
_WEEKDAY_INDEX = {spelling: index for index, name in enumerate(WEEKDAY_NAMES)
                  for spelling in (name[:3].lower(), name.lower())}


def weekday_index(token: str) -> int | None:
    """0 for Monday … 6 for Sunday, from `Mon`, `Monday`, `星期一`, `周一`, `礼拜天`."""
    index = _WEEKDAY_INDEX.get(token.lower())
    if index is not None:
        return index
    if token[:-1] in ("星期", "周", "礼拜") and token[-1:]:
        last = "日" if token[-1] == "天" else token[-1]
        return CJK_WEEKDAYS.index(last) if last in CJK_WEEKDAYS else None
    return None


def weekday_like(token: str, index: int) -> str:
    """The weekday `index` written in the style of `token` (`Thu` → `Tue`, `星期四` …)."""
    if token[:1] in "星周礼" and len(token) > 1:
        return token[:-1] + CJK_WEEKDAYS[index]
    name = WEEKDAY_NAMES[index]
    word = name if len(token) > 3 else name[:3]
    if token.isupper():
        return word.upper()
    if token.islower():
        return word.lower()
    return word


_WEEKDAY_TOKEN = re.compile(
    r"(?<![A-Za-z])(?:mon|tue|wed|thu|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?"
    r"(?![A-Za-z])|星期[一二三四五六日天]|周[一二三四五六日天]|礼拜[一二三四五六日天]",
    re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class WeekdayToken:
    start: int  # index into the text
    end: int
    token: str
    index: int


def weekday_tokens(text: str) -> list[WeekdayToken]:
    """Weekday names written in a date text."""
    found = []
    for match in _WEEKDAY_TOKEN.finditer(text):
        token = match.group()
        index = weekday_index(token)
        if index is not None:
            found.append(WeekdayToken(match.start(), match.end(), token, index))
    return found


def local_date(parsed: ParsedDate) -> date:
    """The calendar date as written."""
    return parsed.local.date()
