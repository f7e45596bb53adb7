"""Date abstract operations, host time zone, Date.parse and Date formatting.

ECMA-262 §21.4 Date Objects, https://tc39.es/ecma262/#sec-date-objects

Pure functions over time values: a time value is a Python float holding
milliseconds since 1970-01-01T00:00:00Z, or NaN.  Nothing here depends on the
rest of jsrt; the Date built-ins call in with Numbers and get Numbers or
strings back.  Where the specification leaves a choice to the implementation
(time zone names, the legacy ``Date.parse`` formats, the range limits of
MakeDay, ``toLocaleString``) the functions reproduce what V8 and node print, and
say so in their docstrings.

The local time zone is read from the ``TZ`` environment variable (IANA names,
``:Name``, absolute TZif paths and POSIX strings such as ``EST5EDT`` or
``XYZ-3``), falling back to ``/etc/localtime``; ``set_timezone`` overrides it.
Offsets come from :mod:`zoneinfo`.  Years outside 100..9899 are folded by whole
400-year Gregorian cycles (146097 days, an exact multiple of 7: same leap years,
same weekdays), so every finite time value gets the offset that the zone's
rules give it, as ICU does for node: the first recorded offset (usually local
mean time) before the zone's history and the zone's final rule after it.

Sections cited are those of ECMA-262 2025.
"""

from __future__ import annotations

import functools
import math
import os
import re
import zoneinfo
from datetime import datetime, timedelta
from fractions import Fraction

__all__ = [
    "MS_PER_DAY",
    "MS_PER_HOUR",
    "MS_PER_MINUTE",
    "MS_PER_SECOND",
    "date_from_time",
    "day",
    "day_from_year",
    "day_within_year",
    "days_in_year",
    "hour_from_time",
    "in_leap_year",
    "local_time",
    "local_tza",
    "make_date",
    "make_day",
    "make_full_year",
    "make_time",
    "min_from_time",
    "month_from_time",
    "ms_from_time",
    "parse",
    "sec_from_time",
    "set_timezone",
    "time_clip",
    "time_from_year",
    "time_within_day",
    "timezone_key",
    "timezone_offset",
    "to_date_string",
    "to_iso_string",
    "to_locale_date_string",
    "to_locale_string",
    "to_locale_time_string",
    "to_string",
    "to_time_string",
    "to_utc_string",
    "tz_name",
    "utc",
    "week_day",
    "year_from_time",
]

NAN = math.nan
_isfinite = math.isfinite
_floor = math.floor
_trunc = math.trunc

# §21.4.1.2 Time-related Constants
MS_PER_SECOND = 1000.0
MS_PER_MINUTE = 60000.0
MS_PER_HOUR = 3600000.0
MS_PER_DAY = 86400000.0

# §21.4.1.1: time values lie within 100,000,000 days of the epoch.
_MAX_TIME = 8.64e15
# V8 (DateCache::kMaxTimeBeforeUTCInMs) rejects local times more than ten days
# beyond the range before converting them; after TimeClip this changes nothing.
_MAX_LOCAL_TIME = _MAX_TIME + 864000000.0
# V8's MakeDay treats |year| > 1e6 or |month| > 1e7 as "out of range".
_MAX_MAKE_DAY_YEAR = 1e6
_MAX_MAKE_DAY_MONTH = 1e7

_WEEKDAY_NAMES = ("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat")  # Table 62
_MONTH_NAMES = (  # Table 63
    "Jan", "Feb", "Mar", "Apr", "May", "Jun",
    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
)
_INVALID_DATE = "Invalid Date"


# ---------------------------------------------------------------------------
# Proleptic Gregorian calendar on integer day numbers (day 0 = 1970-01-01).
# Closed form (H. Hinnant's civil/days algorithms on 400-year eras): no loops.

def _days_from_civil(year: int, month0: int, mday: int) -> int:
    """Day number of ``year``-``month0 + 1``-``mday`` (month0 in 0..11)."""
    if month0 < 2:
        year -= 1
        shifted = month0 + 10  # March-based month: Jan = 10, Feb = 11
    else:
        shifted = month0 - 2
    era = year // 400
    yoe = year - era * 400
    doy = (153 * shifted + 2) // 5 + mday - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def _civil_from_days(days: int) -> tuple[int, int, int]:
    """(year, month0, mday) of day number ``days``; month0 in 0..11."""
    z = days + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    mday = doy - (153 * mp + 2) // 5 + 1
    if mp < 10:
        return yoe + era * 400, mp + 2, mday
    return yoe + era * 400 + 1, mp - 10, mday


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _day_from_year_int(year: int) -> int:
    return (365 * (year - 1970) + (year - 1969) // 4
            - (year - 1901) // 100 + (year - 1601) // 400)


def _split_ms(ms: int) -> tuple[int, int, int, int, int, int, int, int]:
    """(year, month0, mday, weekday, hour, minute, second, millisecond)."""
    days, rem = divmod(ms, 86400000)
    year, month0, mday = _civil_from_days(days)
    hour, rem = divmod(rem, 3600000)
    minute, rem = divmod(rem, 60000)
    second, milli = divmod(rem, 1000)
    return year, month0, mday, (days + 4) % 7, hour, minute, second, milli


def _to_integer(x: float) -> float:
    """ToIntegerOrInfinity for a finite Number, as a Number (-0 becomes +0)."""
    return float(_trunc(x))


# ---------------------------------------------------------------------------
# §21.4.1.3 - §21.4.1.17: fields of a time value.
#
# Arguments are Numbers.  NaN gives NaN.  The operations that only divide and
# floor keep IEEE behaviour for infinities (Day(+Infinity) is +Infinity, as
# Math.floor(Infinity / msPerDay) is); the ones that take a remainder or a
# calendar field of an infinite time give NaN.

def day(t: float) -> float:
    """Day ( t ) — §21.4.1.3, https://tc39.es/ecma262/#sec-day

    ``𝔽(floor(ℝ(t / msPerDay)))``; the division is a Number division.
    """
    if not _isfinite(t):
        return t
    return float(_floor(t / MS_PER_DAY))


def time_within_day(t: float) -> float:
    """TimeWithinDay ( t ) — §21.4.1.4, https://tc39.es/ecma262/#sec-timewithinday

    ``𝔽(ℝ(t) modulo ℝ(msPerDay))``: Python's float ``%`` is the exact
    remainder rounded once, with the sign of the divisor.
    """
    if not _isfinite(t):
        return NAN
    return t % MS_PER_DAY


def days_in_year(y: float) -> float:
    """DaysInYear ( y ) — §21.4.1.5, https://tc39.es/ecma262/#sec-daysinyear"""
    if not _isfinite(y):
        return NAN
    if y % 400.0 == 0:
        return 366.0
    if y % 100.0 == 0:
        return 365.0
    if y % 4.0 == 0:
        return 366.0
    return 365.0


def day_from_year(y: float) -> float:
    """DayFromYear ( y ) — §21.4.1.6, https://tc39.es/ecma262/#sec-dayfromyear

    ``365 × (y − 1970) + floor((y − 1969) / 4) − floor((y − 1901) / 100) +
    floor((y − 1601) / 400)`` in exact arithmetic.  NaN and ±Infinity
    propagate.
    """
    if not _isfinite(y):
        return y
    if y == _trunc(y):
        return float(_day_from_year_int(int(y)))
    ry = Fraction(y)  # a non-integral year: rare, keep it exact
    return float(365 * (ry - 1970) + _floor((ry - 1969) / 4)
                 - _floor((ry - 1901) / 100) + _floor((ry - 1601) / 400))


def time_from_year(y: float) -> float:
    """TimeFromYear ( y ) — §21.4.1.7, https://tc39.es/ecma262/#sec-timefromyear"""
    return MS_PER_DAY * day_from_year(y)


def year_from_time(t: float) -> float:
    """YearFromTime ( t ) — §21.4.1.8, https://tc39.es/ecma262/#sec-yearfromtime

    The largest integral y with TimeFromYear(y) ≤ t, in closed form.
    ±Infinity gives ±Infinity.
    """
    if not _isfinite(t):
        return t
    return float(_civil_from_days(_floor(t / MS_PER_DAY))[0])


def day_within_year(t: float) -> float:
    """DayWithinYear ( t ) — §21.4.1.9, https://tc39.es/ecma262/#sec-daywithinyear"""
    if not _isfinite(t):
        return NAN
    days = _floor(t / MS_PER_DAY)
    return float(days - _day_from_year_int(_civil_from_days(days)[0]))


def in_leap_year(t: float) -> float:
    """InLeapYear ( t ) — §21.4.1.10, https://tc39.es/ecma262/#sec-inleapyear

    1 if YearFromTime(t) has 366 days, else 0 (Numbers, as in the spec).
    """
    if not _isfinite(t):
        return NAN
    return 1.0 if _is_leap(_civil_from_days(_floor(t / MS_PER_DAY))[0]) else 0.0


def month_from_time(t: float) -> float:
    """MonthFromTime ( t ) — §21.4.1.11, https://tc39.es/ecma262/#sec-monthfromtime

    0 (January) to 11 (December).
    """
    if not _isfinite(t):
        return NAN
    return float(_civil_from_days(_floor(t / MS_PER_DAY))[1])


def date_from_time(t: float) -> float:
    """DateFromTime ( t ) — §21.4.1.12, https://tc39.es/ecma262/#sec-datefromtime

    Day of the month, 1 to 31.
    """
    if not _isfinite(t):
        return NAN
    return float(_civil_from_days(_floor(t / MS_PER_DAY))[2])


def week_day(t: float) -> float:
    """WeekDay ( t ) — §21.4.1.13, https://tc39.es/ecma262/#sec-weekday

    ``𝔽(ℝ(Day(t) + 4𝔽) modulo 7)``: 0 is Sunday.
    """
    if not _isfinite(t):
        return NAN
    return float((_floor(t / MS_PER_DAY) + 4) % 7)


def hour_from_time(t: float) -> float:
    """HourFromTime ( t ) — §21.4.1.14, https://tc39.es/ecma262/#sec-hourfromtime"""
    if not _isfinite(t):
        return NAN
    return float(_floor(t / MS_PER_HOUR) % 24)


def min_from_time(t: float) -> float:
    """MinFromTime ( t ) — §21.4.1.15, https://tc39.es/ecma262/#sec-minfromtime"""
    if not _isfinite(t):
        return NAN
    return float(_floor(t / MS_PER_MINUTE) % 60)


def sec_from_time(t: float) -> float:
    """SecFromTime ( t ) — §21.4.1.16, https://tc39.es/ecma262/#sec-secfromtime"""
    if not _isfinite(t):
        return NAN
    return float(_floor(t / MS_PER_SECOND) % 60)


def ms_from_time(t: float) -> float:
    """msFromTime ( t ) — §21.4.1.17, https://tc39.es/ecma262/#sec-msfromtime"""
    if not _isfinite(t):
        return NAN
    return t % MS_PER_SECOND


# ---------------------------------------------------------------------------
# §21.4.1.27 - §21.4.1.31: building time values.

def make_time(hour: float, minute: float, sec: float, ms: float) -> float:
    """MakeTime ( hour, min, sec, ms ) — §21.4.1.27, https://tc39.es/ecma262/#sec-maketime

    Each argument is truncated by ToIntegerOrInfinity, then combined with
    Number arithmetic, in the spec's order:
    ``((h × msPerHour + m × msPerMinute) + s × msPerSecond) + milli``.
    """
    # 1. If any argument is not finite, return NaN.
    if not (_isfinite(hour) and _isfinite(minute) and _isfinite(sec) and _isfinite(ms)):
        return NAN
    # 2.-5. Truncate.
    h = float(_trunc(hour))
    m = float(_trunc(minute))
    s = float(_trunc(sec))
    milli = float(_trunc(ms))
    # 6. IEEE 754 arithmetic, as the ECMAScript * and + operators.
    return ((h * MS_PER_HOUR + m * MS_PER_MINUTE) + s * MS_PER_SECOND) + milli


def make_day(year: float, month: float, date: float) -> float:
    """MakeDay ( year, month, date ) — §21.4.1.28, https://tc39.es/ecma262/#sec-makeday

    Step 8 returns NaN when no time value has the requested year and month
    "because some argument is out of range"; like V8, |year| > 10^6 or
    |month| > 10^7 counts as out of range (no such year is within
    TimeClip's range, so this only matters where a huge ``date`` would bring
    the day back).
    """
    # 1. If year, month or date is not finite, return NaN.
    if not (_isfinite(year) and _isfinite(month) and _isfinite(date)):
        return NAN
    if not (-_MAX_MAKE_DAY_YEAR <= year <= _MAX_MAKE_DAY_YEAR
            and -_MAX_MAKE_DAY_MONTH <= month <= _MAX_MAKE_DAY_MONTH):
        return NAN
    # 2.-4. Truncate (exact Python integers from here on).
    y = _trunc(year)
    m = _trunc(month)
    dt = float(_trunc(date))
    # 5. ym = y + floor(m / 12); 7. mn = m modulo 12.
    ym = y + m // 12
    mn = m % 12
    # 8. Day(t) of the first day of that month, in closed form.
    first = float(_days_from_civil(ym, mn, 1))
    # 9. Return Day(t) + dt - 1𝔽 (Number arithmetic).
    return (first + dt) - 1.0


def make_date(day_: float, time: float) -> float:
    """MakeDate ( day, time ) — §21.4.1.29, https://tc39.es/ecma262/#sec-makedate"""
    if not (_isfinite(day_) and _isfinite(time)):
        return NAN
    tv = day_ * MS_PER_DAY + time
    return tv if _isfinite(tv) else NAN


def make_full_year(year: float) -> float:
    """MakeFullYear ( year ) — §21.4.1.30, https://tc39.es/ecma262/#sec-makefullyear

    Years 0 to 99 (after truncation) mean 1900 to 1999.
    """
    if year != year:
        return NAN
    truncated = float(_trunc(year)) if _isfinite(year) else year
    if 0.0 <= truncated <= 99.0:
        return 1900.0 + truncated
    return truncated


def time_clip(time: float) -> float:
    """TimeClip ( time ) — §21.4.1.31, https://tc39.es/ecma262/#sec-timeclip"""
    if not _isfinite(time) or abs(time) > _MAX_TIME:
        return NAN
    return float(_trunc(time))  # also turns -0 into +0


# ---------------------------------------------------------------------------
# Host time zone.

_EPOCH = datetime(1970, 1, 1)
_CYCLE_MS = 146097 * 86400000  # 400 Gregorian years: same leap years and weekdays
_FOLD_LO_MS = _days_from_civil(100, 0, 1) * 86400000
_FOLD_HI_MS = _days_from_civil(9900, 0, 1) * 86400000
# V8 names the zone of times outside [0, kMaxEpochTimeInMs] from an
# "equivalent" year in 2008..2035 (DateCache::LocalTimezone).
_MAX_EPOCH_TIME_MS = 2147483647 * 1000


def _fold_ms(ms: int) -> int:
    """Move ``ms`` by whole 400-year cycles into years 100..9899.

    ``datetime`` only covers years 1..9999.  Every zone has one fixed offset
    before its first transition (all after 1800) and repeats its final rule
    every year after its last one, so the fold never changes an offset.
    """
    if ms < _FOLD_LO_MS:
        return ms + ((_FOLD_LO_MS - ms) // _CYCLE_MS + 1) * _CYCLE_MS
    if ms >= _FOLD_HI_MS:
        return ms - ((ms - _FOLD_HI_MS) // _CYCLE_MS + 1) * _CYCLE_MS
    return ms


def _td_ms(delta: timedelta) -> int:
    return (delta.days * 86400 + delta.seconds) * 1000 + delta.microseconds // 1000


class _FixedZone:
    """A zone with a single offset (UTC, "XYZ-3", unknown names)."""

    __slots__ = ("key", "_offset", "_abbrev")

    def __init__(self, offset_ms: int, abbrev: str, key: str | None) -> None:
        self.key = key
        self._offset = offset_ms
        self._abbrev = abbrev

    def offset_utc(self, ms: int) -> int:
        return self._offset

    def offset_local(self, ms: int) -> int:
        return self._offset

    def is_dst(self, ms: int) -> bool:
        return False

    def abbrev(self, ms: int) -> str:
        return self._abbrev


class _IanaZone:
    """A zone backed by a :class:`zoneinfo.ZoneInfo` (TZif data)."""

    __slots__ = ("key", "_tz", "_utc_cache")

    def __init__(self, tz: zoneinfo.ZoneInfo, key: str | None) -> None:
        self.key = key
        self._tz = tz
        self._utc_cache: dict[int, datetime] = {}

    def _local_from_utc(self, ms: int) -> datetime:
        # Transitions fall on whole seconds: cache per UTC second.
        sec = ms // 1000
        cache = self._utc_cache
        local = cache.get(sec)
        if local is None:
            if len(cache) >= 4096:
                cache.clear()
            tz = self._tz
            naive = _EPOCH + timedelta(seconds=_fold_ms(sec * 1000) // 1000)
            local = cache[sec] = tz.fromutc(naive.replace(tzinfo=tz))
        return local

    def offset_utc(self, ms: int) -> int:
        return _td_ms(self._local_from_utc(ms).utcoffset())

    def offset_local(self, ms: int) -> int:
        # fold=0 is the spec's choice (§21.4.1.26 UTC step 5): the earlier
        # instant for a repeated wall time, the offset from before the
        # transition for a skipped one.
        naive = _EPOCH + timedelta(milliseconds=_fold_ms(ms))
        return _td_ms(naive.replace(tzinfo=self._tz).utcoffset())

    def is_dst(self, ms: int) -> bool:
        return bool(self._local_from_utc(ms).dst())

    def abbrev(self, ms: int) -> str:
        return self._local_from_utc(ms).tzname() or ""


# POSIX TZ rules ("EST5EDT,M3.2.0,M11.1.0"), for TZ values zoneinfo has no
# file for.
_POSIX_OFFSET = r"[+-]?[0-9]{1,3}(?::[0-9]{1,2}(?::[0-9]{1,2})?)?"
_POSIX_TZ_RE = re.compile(
    rf"(?P<std><[^>]+>|[A-Za-z]{{3,}})(?P<stdoff>{_POSIX_OFFSET})"
    rf"(?:(?P<dst><[^>]+>|[A-Za-z]{{3,}})(?P<dstoff>{_POSIX_OFFSET})?"
    r"(?:,(?P<start>[^,]+),(?P<end>[^,]+))?)?\Z")
_POSIX_RULE_RE = re.compile(
    r"(?:J(?P<julian>[0-9]{1,3})|(?P<n>[0-9]{1,3})"
    r"|M(?P<m>[0-9]{1,2})\.(?P<w>[0-9])\.(?P<d>[0-9]))"
    rf"(?:/(?P<time>{_POSIX_OFFSET}))?\Z")


def _posix_seconds(text: str) -> int:
    sign = -1 if text.startswith("-") else 1
    parts = [int(p) for p in text.lstrip("+-").split(":")]
    parts += [0] * (3 - len(parts))
    return sign * (parts[0] * 3600 + parts[1] * 60 + parts[2])


class _PosixZone:
    """A zone with one standard and one daylight offset switched by POSIX rules."""

    __slots__ = ("key", "_std", "_dst", "_std_abbr", "_dst_abbr", "_start", "_end")

    def __init__(self, std_ms, dst_ms, std_abbr, dst_abbr, start, end) -> None:
        self.key = None
        self._std = std_ms
        self._dst = dst_ms
        self._std_abbr = std_abbr
        self._dst_abbr = dst_abbr
        self._start = start
        self._end = end

    @staticmethod
    def _rule_ms(rule: tuple, year: int) -> int:
        """Local wall time (ms since the epoch) at which ``rule`` fires in ``year``."""
        kind, a, b, c, secs = rule
        if kind == "J":  # 1..365, February 29 never counted
            days = _days_from_civil(year, 0, 1) + a - 1
            if _is_leap(year) and a >= 60:
                days += 1
        elif kind == "N":  # 0..365, zero-based, February 29 counted
            days = _days_from_civil(year, 0, 1) + a
        else:  # M month.week.weekday: week 5 means the last one
            first = _days_from_civil(year, a - 1, 1)
            days = first + (c - (first + 4)) % 7 + (b - 1) * 7
            if b == 5:
                nxt = _days_from_civil(year + (a == 12), a % 12, 1)
                while days >= nxt:
                    days -= 7
        return days * 86400000 + secs * 1000

    def _in_dst(self, ms: int) -> bool:
        year = _civil_from_days((ms + self._std) // 86400000)[0]
        start = self._rule_ms(self._start, year) - self._std
        end = self._rule_ms(self._end, year) - self._dst
        if start < end:
            return start <= ms < end
        return not (end <= ms < start)

    def offset_utc(self, ms: int) -> int:
        return self._dst if self._in_dst(ms) else self._std

    def offset_local(self, ms: int) -> int:
        valid = [off for off in (self._dst, self._std) if self.offset_utc(ms - off) == off]
        if not valid:  # skipped wall time: the offset before the transition
            return min(self._std, self._dst)
        return max(valid)  # repeated wall time: the earlier instant

    def is_dst(self, ms: int) -> bool:
        return self._in_dst(ms)

    def abbrev(self, ms: int) -> str:
        return self._dst_abbr if self._in_dst(ms) else self._std_abbr


def _parse_posix_rule(text: str):
    match = _POSIX_RULE_RE.match(text)
    if match is None:
        return None
    secs = _posix_seconds(match["time"]) if match["time"] else 7200
    if match["julian"]:
        return ("J", int(match["julian"]), 0, 0, secs)
    if match["n"]:
        return ("N", int(match["n"]), 0, 0, secs)
    return ("M", int(match["m"]), int(match["w"]), int(match["d"]), secs)


def _parse_posix_tz(text: str):
    match = _POSIX_TZ_RE.match(text)
    if match is None:
        return None
    std_abbr = match["std"].strip("<>")
    std_ms = -_posix_seconds(match["stdoff"]) * 1000  # POSIX counts westwards
    if not match["dst"]:
        return _FixedZone(std_ms, std_abbr, None)
    dst_ms = (-_posix_seconds(match["dstoff"]) * 1000 if match["dstoff"]
              else std_ms + 3600000)
    # glibc's default rules when none are given are the US ones.
    start = _parse_posix_rule(match["start"] or "M3.2.0")
    end = _parse_posix_rule(match["end"] or "M11.1.0")
    if start is None or end is None:
        return None
    return _PosixZone(std_ms, dst_ms, std_abbr, match["dst"].strip("<>"), start, end)


_UTC_KEYS = frozenset({"UTC", "Etc/UTC", "UCT", "Etc/UCT", "Universal",
                       "Etc/Universal", "Zulu", "Etc/Zulu"})


def _key_from_path(path: str) -> str | None:
    """The IANA name of a TZif file from where it sits under .../zoneinfo/."""
    real = os.path.realpath(path)
    marker = "/zoneinfo/"
    index = real.rfind(marker)
    if index < 0:
        return None
    key = real[index + len(marker):]
    return key[6:] if key.startswith("posix/") else key


def _zone_for_key(key: str):
    if key in _UTC_KEYS:
        return _FixedZone(0, "UTC", key)
    return _IanaZone(zoneinfo.ZoneInfo(key), key)


def _host_zone():
    """The zone glibc uses when TZ is unset: /etc/localtime, else UTC."""
    path = "/etc/localtime"
    if not os.path.exists(path):
        return _FixedZone(0, "UTC", "UTC")
    key = _key_from_path(path)
    if key is None:
        try:
            with open("/etc/timezone", encoding="utf-8") as f:
                key = f.read().strip() or None
        except OSError:
            key = None
    if key is not None:
        try:
            return _zone_for_key(key)
        except (ValueError, OSError, zoneinfo.ZoneInfoNotFoundError):
            pass
    with open(path, "rb") as f:
        return _IanaZone(zoneinfo.ZoneInfo.from_file(f), key)


def _load_zone(spec: str | None):
    """Resolve a TZ value the way glibc does (unknown names mean UTC)."""
    if spec is None:
        spec = os.environ.get("TZ")
        if spec is None:
            return _host_zone()
    if spec.startswith(":"):
        spec = spec[1:]
    if not spec:
        return _FixedZone(0, "", None)
    if spec.startswith("/"):
        try:
            with open(spec, "rb") as f:
                return _IanaZone(zoneinfo.ZoneInfo.from_file(f), _key_from_path(spec))
        except (ValueError, OSError):
            return _FixedZone(0, "", None)
    try:
        return _zone_for_key(spec)
    except (ValueError, OSError, zoneinfo.ZoneInfoNotFoundError):
        pass
    posix = _parse_posix_tz(spec)
    # Unknown names mean UTC, which ICU then names by its offset.
    return posix if posix is not None else _FixedZone(0, "", None)


_zone = None


def _current_zone():
    global _zone
    if _zone is None:
        _zone = _load_zone(None)
    return _zone


def set_timezone(name: str | None) -> None:
    """Use the time zone ``name`` (an IANA name, a TZif path or a POSIX TZ
    string) for local time; ``None`` goes back to the ``TZ`` environment
    variable, or the host's ``/etc/localtime`` when TZ is unset."""
    global _zone
    _zone = _load_zone(name)


def timezone_key() -> str | None:
    """The IANA name of the local time zone, or None when it has none."""
    return _current_zone().key


def local_tza(t: float, is_utc: bool) -> float:
    """LocalTZA ( t, isUTC ) — ECMA-262 2022 §21.4.1.7,
    https://262.ecma-international.org/13.0/#sec-local-time-zone-adjustment

    The local offset from UTC in milliseconds: at the instant ``t`` when
    ``is_utc``, else for the local wall time ``t``, which for a repeated
    wall time means the earlier instant and for a skipped one the offset in
    force before the transition (as GetNamedTimeZoneEpochNanoseconds and
    §21.4.1.26 UTC step 5 now put it).  NaN for non-finite ``t``.
    """
    if not _isfinite(t):
        return NAN
    zone = _current_zone()
    ms = _floor(t)
    return float(zone.offset_utc(ms) if is_utc else zone.offset_local(ms))


def local_time(t: float) -> float:
    """LocalTime ( t ) — §21.4.1.25, https://tc39.es/ecma262/#sec-localtime"""
    if not _isfinite(t):
        return NAN
    return t + _current_zone().offset_utc(_floor(t))


def utc(t: float) -> float:
    """UTC ( t ) — §21.4.1.26, https://tc39.es/ecma262/#sec-utc-t

    Local wall time to time value.  Like V8, a ``t`` more than ten days
    outside the time value range gives NaN directly (TimeClip would anyway).
    """
    if not _isfinite(t) or abs(t) > _MAX_LOCAL_TIME:
        return NAN
    return t - _current_zone().offset_local(_floor(t))


def timezone_offset(t: float) -> float:
    """Date.prototype.getTimezoneOffset ( ) — §21.4.4.11,
    https://tc39.es/ecma262/#sec-date.prototype.gettimezoneoffset

    ``(t - LocalTime(t)) / msPerMinute``, truncated to whole minutes as V8
    does (node prints -53, not -53.4666…, for Berlin's local mean time).
    """
    if not _isfinite(t):
        return NAN
    ms = _floor(t)
    return float(_trunc(-_current_zone().offset_utc(ms) / 60000))


def _equivalent_time(ms: int) -> int:
    """V8's DateCache::EquivalentTime: the same month, day and time of day in
    the year of 2008..2035 with the same leap-ness and weekday of 1 January."""
    days, within = divmod(ms, 86400000)
    year, month0, mday = _civil_from_days(days)
    week_day_ = (_days_from_civil(year, 0, 1) + 4) % 7
    recent = (1956 if _is_leap(year) else 1967) + (week_day_ * 12) % 28
    equivalent = 2008 + (recent + 3 * 28 - 2008) % 28
    return _days_from_civil(equivalent, month0, mday) * 86400000 + within


def tz_name(t: float) -> str:
    """The long time zone name V8 prints in parentheses in ``toString``.

    V8 asks ICU for the zone's current standard or daylight name, choosing by
    whether daylight saving time is in effect at ``t`` or, when ``t`` is
    before 1970 or after 2038-01-19, at the equivalent time in 2008..2035.
    Names come from a table of what node prints for every IANA zone; zones
    outside it fall back to the abbreviation, then to "GMT+hh:mm".
    Empty for NaN.
    """
    if not _isfinite(t):
        return ""
    zone = _current_zone()
    ms = _floor(t)
    if ms < 0 or ms > _MAX_EPOCH_TIME_MS:
        ms = _equivalent_time(ms)
    dst = zone.is_dst(ms)
    names = _zone_names().get(zone.key) if zone.key is not None else None
    if names is not None:
        standard, daylight = names
        return (daylight or standard) if dst else (standard or daylight)
    name = _ABBREVIATION_NAMES.get(zone.abbrev(ms))
    if name is not None:
        return name
    offset = zone.offset_utc(ms) // 60000
    sign = "-" if offset < 0 else "+"
    hours, minutes = divmod(abs(offset), 60)
    return f"GMT{sign}{hours:02d}:{minutes:02d}"


# ---------------------------------------------------------------------------
# Formatting.

def _year_text(year: int) -> str:
    # V8 pads to four digits, five with the sign for negative years.
    return f"{year:05d}" if year < 0 else f"{year:04d}"


def _local_fields(t: float):
    """(fields of the local time, offset east of UTC in whole minutes)."""
    ms = _trunc(t)
    offset = _current_zone().offset_utc(ms)
    # V8: -TimezoneOffset, an int64 division truncating towards zero.
    minutes = _trunc(offset / 60000)
    return _split_ms(ms + offset), minutes


def _date_text(f) -> str:
    return f"{_WEEKDAY_NAMES[f[3]]} {_MONTH_NAMES[f[1]]} {f[2]:02d} {_year_text(f[0])}"


def _time_zone_text(t: float, f, minutes: int) -> str:
    sign = "-" if minutes < 0 else "+"
    hours, mins = divmod(abs(minutes), 60)
    return (f"{f[4]:02d}:{f[5]:02d}:{f[6]:02d} GMT{sign}{hours:02d}{mins:02d}"
            f" ({tz_name(t)})")


def to_string(t: float) -> str:
    """Date.prototype.toString ( ) — §21.4.4.41,
    https://tc39.es/ecma262/#sec-date.prototype.tostring

    ``"Tue Jan 01 2019 00:00:00 GMT+0000 (Coordinated Universal Time)"``
    (ToDateString, §21.4.4.41.4), "Invalid Date" for NaN.
    """
    if not _isfinite(t):
        return _INVALID_DATE
    f, minutes = _local_fields(t)
    return f"{_date_text(f)} {_time_zone_text(t, f, minutes)}"


def to_date_string(t: float) -> str:
    """Date.prototype.toDateString ( ) — §21.4.4.35,
    https://tc39.es/ecma262/#sec-date.prototype.todatestring
    """
    if not _isfinite(t):
        return _INVALID_DATE
    return _date_text(_local_fields(t)[0])


def to_time_string(t: float) -> str:
    """Date.prototype.toTimeString ( ) — §21.4.4.42,
    https://tc39.es/ecma262/#sec-date.prototype.totimestring

    ``"00:00:00 GMT+0000 (Coordinated Universal Time)"``.
    """
    if not _isfinite(t):
        return _INVALID_DATE
    f, minutes = _local_fields(t)
    return _time_zone_text(t, f, minutes)


def to_utc_string(t: float) -> str:
    """Date.prototype.toUTCString ( ) — §21.4.4.43,
    https://tc39.es/ecma262/#sec-date.prototype.toutcstring

    ``"Tue, 01 Jan 2019 00:00:00 GMT"``.
    """
    if not _isfinite(t):
        return _INVALID_DATE
    f = _split_ms(_trunc(t))
    return (f"{_WEEKDAY_NAMES[f[3]]}, {f[2]:02d} {_MONTH_NAMES[f[1]]} {_year_text(f[0])}"
            f" {f[4]:02d}:{f[5]:02d}:{f[6]:02d} GMT")


def to_iso_string(t: float) -> str:
    """Date.prototype.toISOString ( ) — §21.4.4.36,
    https://tc39.es/ecma262/#sec-date.prototype.toisostring

    ``"2019-01-01T00:00:00.000Z"``; years outside 0..9999 use the expanded
    six-digit form (§21.4.1.32.1), ``"+275760-09-13T00:00:00.000Z"``.  The
    caller throws the RangeError for an invalid date; this raises ValueError.
    """
    if not _isfinite(t):
        raise ValueError("Invalid time value")
    year, month0, mday, _, hour, minute, second, milli = _split_ms(_trunc(t))
    if 0 <= year <= 9999:
        year_text = f"{year:04d}"
    else:
        year_text = f"{'-' if year < 0 else '+'}{abs(year):06d}"
    return (f"{year_text}-{month0 + 1:02d}-{mday:02d}"
            f"T{hour:02d}:{minute:02d}:{second:02d}.{milli:03d}Z")


def _locale_date(f) -> str:
    year = f[0] if f[0] > 0 else 1 - f[0]  # ICU prints the era year: 1 BC for 0
    return f"{f[1] + 1}/{f[2]}/{year}"


def _locale_time(f) -> str:
    hour = f[4] % 12 or 12
    return f"{hour}:{f[5]:02d}:{f[6]:02d} {'PM' if f[4] >= 12 else 'AM'}"


def to_locale_string(t: float) -> str:
    """Date.prototype.toLocaleString ( ) — §21.4.4.39,
    https://tc39.es/ecma262/#sec-date.prototype.tolocalestring

    As node prints it for en-US: ``"1/1/2019, 12:00:00 AM"``.
    """
    if not _isfinite(t):
        return _INVALID_DATE
    f = _local_fields(t)[0]
    return f"{_locale_date(f)}, {_locale_time(f)}"


def to_locale_date_string(t: float) -> str:
    """Date.prototype.toLocaleDateString ( ) — §21.4.4.38,
    https://tc39.es/ecma262/#sec-date.prototype.tolocaledatestring

    en-US, as node prints it: ``"1/1/2019"``.
    """
    if not _isfinite(t):
        return _INVALID_DATE
    return _locale_date(_local_fields(t)[0])


def to_locale_time_string(t: float) -> str:
    """Date.prototype.toLocaleTimeString ( ) — §21.4.4.40,
    https://tc39.es/ecma262/#sec-date.prototype.tolocaletimestring

    en-US, as node prints it: ``"12:00:00 AM"``.
    """
    if not _isfinite(t):
        return _INVALID_DATE
    return _locale_time(_local_fields(t)[0])


# ---------------------------------------------------------------------------
# toLocale{,Date,Time}String with ECMA-402 options, for the en-US locale: the
# patterns ICU's DateTimePatternGenerator picks for en (as node 20 prints them).

_LONG_WEEKDAYS = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                  "Saturday")
_LONG_MONTHS = ("January", "February", "March", "April", "May", "June", "July",
                "August", "September", "October", "November", "December")
# Abbreviations en-US prints for zones of the US metazones; others print GMT±h.
_US_ABBREVIATIONS = frozenset({"EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT",
                               "AKST", "AKDT", "HST", "HDT"})
_DATE_STYLES = {"full": ("long", "numeric", "long", "numeric"),
                "long": (None, "numeric", "long", "numeric"),
                "medium": (None, "numeric", "short", "numeric"),
                "short": (None, "2-digit", "numeric", "numeric")}


def locale_time_zone(name: str):
    """The zone an Intl ``timeZone`` option names (case-insensitively), or None."""
    if name.upper() in ("UTC", "ETC/UTC", "GMT", "ETC/GMT"):
        return _FixedZone(0, "UTC", "UTC")
    try:
        return _zone_for_key(name)
    except (ValueError, OSError, zoneinfo.ZoneInfoNotFoundError):
        pass
    low = name.lower()
    for key in zoneinfo.available_timezones():
        if key.lower() == low:
            return _zone_for_key(key)
    return None


def _zone_display(zone, ms: int, style: str) -> str:
    offset = zone.offset_utc(ms)
    if zone.key in _UTC_KEYS or (zone.key is None and offset == 0 and not zone.abbrev(ms)):
        return "UTC" if style == "short" else "Coordinated Universal Time"
    if style == "long":
        names = _zone_names().get(zone.key) if zone.key is not None else None
        if names is not None:
            standard, daylight = names
            dst = zone.is_dst(ms)
            return (daylight or standard) if dst else (standard or daylight)
    else:
        abbrev = zone.abbrev(ms)
        if abbrev in _US_ABBREVIATIONS:
            return abbrev
    minutes = offset // 60000
    if not minutes:
        return "GMT"
    sign = "-" if minutes < 0 else "+"
    hours, mins = divmod(abs(minutes), 60)
    return f"GMT{sign}{hours}" + (f":{mins:02d}" if mins else "")


def _num(v: int, width: str) -> str:
    return f"{v:02d}" if width == "2-digit" else str(v)


def _date_pattern(f, o) -> str:
    """The date part: weekday, month, day and year as en's available formats
    arrange them ("Sun, 1/5/2020", "January 5, 2020", "Jan 2020", ...)."""
    weekday, year, month, day = o["weekday"], o["year"], o["month"], o["day"]
    y = f[0] if f[0] > 0 else 1 - f[0]          # the era year
    ytext = f"{y % 100:02d}" if year == "2-digit" else str(y) if year else None
    dtext = _num(f[2], day) if day else None
    wtext = None
    if weekday:
        wtext = (_LONG_WEEKDAYS[f[3]] if weekday == "long" else
                 _LONG_WEEKDAYS[f[3]][0] if weekday == "narrow" else _WEEKDAY_NAMES[f[3]])
    if month in ("numeric", "2-digit") or month is None:
        mtext = _num(f[1] + 1, month) if month else None
        if mtext is not None:
            core = "/".join(x for x in (mtext, dtext, ytext) if x is not None)
        elif dtext is not None and ytext is not None:
            core = f"{ytext} (day: {dtext})"
        else:
            core = dtext if dtext is not None else ytext
        if wtext is None:
            return core or ""
        if core is None:
            return wtext
        if mtext is None:
            return f"{core} {wtext}"
        return f"{wtext}, {core}"
    mname = (_LONG_MONTHS[f[1]] if month == "long" else
             _LONG_MONTHS[f[1]][0] if month == "narrow" else _MONTH_NAMES[f[1]])
    if dtext is not None:
        core = f"{mname} {dtext}" + (f", {ytext}" if ytext is not None else "")
        return f"{wtext}, {core}" if wtext else core
    core = f"{mname} {ytext}" if ytext is not None else mname
    return f"{core} {wtext}" if wtext else core


def _time_pattern(f, o) -> str:
    hour, minute, second, fsd = o["hour"], o["minute"], o["second"], o["fsd"]
    hc = o["hc"]
    h = f[4]
    stext = None
    if second or fsd:
        stext = f"{f[6]:02d}" if minute else str(f[6])
        if fsd:
            stext += "." + f"{f[7]:03d}"[:fsd]
    period = None
    if hour:
        if hc in ("h11", "h12"):
            hv = h % 12 if hc == "h11" else (h % 12 or 12)
            htext = _num(hv, hour)
            period = "PM" if h >= 12 else "AM"
        else:
            htext = f"{(h or 24) if hc == 'h24' else h:02d}"
        if minute:
            text = f"{htext}:{f[5]:02d}" + (f":{stext}" if stext is not None else "")
        elif stext is not None:
            text = htext + (f" {period}" if period else "") + f" (second: {stext})"
            period = None
        else:
            text = htext
        if period:
            text += " " + period
        return text
    if minute:
        return f"{f[5]:02d}:{stext}" if stext is not None else str(f[5])
    return stext or ""


def format_locale(t: float, o: dict) -> str:
    """The en-US text of time value ``t`` for resolved Intl.DateTimeFormat options
    ``o`` (weekday, era, year, month, day, hour, minute, second, fsd, tzname,
    hc, date_style, time_style, zone; None where absent); "Invalid Date" for NaN."""
    if not _isfinite(t):
        return _INVALID_DATE
    zone = o["zone"] or _current_zone()
    ms = _trunc(t)
    f = _split_ms(ms + zone.offset_utc(ms))
    ds, ts = o["date_style"], o["time_style"]
    if ds or ts:
        date = time = ""
        if ds:
            w, y, m, d = _DATE_STYLES[ds]
            date = _date_pattern(f, {"weekday": w, "year": y, "month": m, "day": d})
        if ts:
            tn = {"full": "long", "long": "short"}.get(ts)
            time = _time_pattern(f, {"hour": "numeric", "minute": "2-digit",
                                     "second": None if ts == "short" else "2-digit",
                                     "fsd": None, "hc": o["hc"]})
            if tn:
                time += " " + _zone_display(zone, ms, tn)
        if date and time:
            return date + (" at " if ds in ("full", "long") else ", ") + time
        return date or time
    date = _date_pattern(f, o)
    if o["era"] and date:
        date += " " + ("AD" if f[0] > 0 else "BC")
    time = _time_pattern(f, o)
    if o["tzname"]:
        tz = _zone_display(zone, ms, "long" if o["tzname"].startswith("long") else "short")
        time = f"{time} {tz}" if time else tz
    if date and time:
        if o["weekday"] and not (o["year"] or o["month"] or o["day"]):
            return f"{date} {time}"
        return date + (" at " if o["month"] == "long" else ", ") + time
    return date or time


# ---------------------------------------------------------------------------
# Date.parse: the Date Time String Format, then V8's legacy parser.
#
# A faithful port of the behaviour of V8's DateParser (src/date/dateparser*):
# the string is split into tokens, an ISO 8601 prefix is read as far as it
# goes, and whatever is left goes through the permissive legacy rules.

# Token kinds.  Keyword kinds are the keyword types of V8's KeywordTable.
_NUMBER, _SYMBOL, _SPACE, _UNKNOWN, _END, _INVALID = range(6)
_KW_INVALID, _KW_MONTH, _KW_ZONE, _KW_TIME_SEPARATOR, _KW_AM_PM = range(10, 15)

_KEYWORDS = {  # a word's first three characters, lower-cased -> (kind, value)
    **{name.lower(): (_KW_MONTH, index + 1) for index, name in enumerate(_MONTH_NAMES)},
    "am": (_KW_AM_PM, 0), "pm": (_KW_AM_PM, 12),
    "ut": (_KW_ZONE, 0), "utc": (_KW_ZONE, 0), "z": (_KW_ZONE, 0), "gmt": (_KW_ZONE, 0),
    "cdt": (_KW_ZONE, -5), "cst": (_KW_ZONE, -6), "edt": (_KW_ZONE, -4),
    "est": (_KW_ZONE, -5), "mdt": (_KW_ZONE, -6), "mst": (_KW_ZONE, -7),
    "pdt": (_KW_ZONE, -7), "pst": (_KW_ZONE, -8),
    "t": (_KW_TIME_SEPARATOR, 0),
}

# WhiteSpace (§12.2) ends a word.  Every other character from "A" up is a word
# character to V8, including the line terminators U+2028 and U+2029.
_JS_WHITESPACE = ("\t\v\f \xa0\ufeff\u1680\u2000-\u200a\u202f\u205f\u3000")
_TOKEN_RE = re.compile(
    r"([0-9]+)"                              # number
    r"|([-:+.)])"                            # symbol
    rf"|([^\x00-\x40{_JS_WHITESPACE}]+)"      # word
    rf"|([\n\r{_JS_WHITESPACE}]+)"             # white space
    r"|.", re.S)                             # anything else
_PARENS_RE = re.compile(r"[()]")

_END_TOKEN = (_END, 0, 0)
_INVALID_TOKEN = (_INVALID, 0, 0)
_SPACE_TOKEN = (_SPACE, 0, 1)
_UNKNOWN_TOKEN = (_UNKNOWN, 0, 1)


@functools.lru_cache(maxsize=512)
def _keyword(word: str) -> tuple:
    """The token for a word, as V8's KeywordTable::Lookup classifies it."""
    prefix = word[:3]
    # V8 lower-cases with "| 0x20", which .lower() matches on ASCII.
    prefix = (prefix.lower() if prefix.isascii()
              else "".join(chr(ord(c) | 0x20) for c in prefix))
    kind, value = _KEYWORDS.get(prefix, (_KW_INVALID, 0))
    if len(word) > 3 and kind != _KW_MONTH:  # only month names may run on
        kind, value = _KW_INVALID, 0
    return (kind, value, len(word))


def _drop_parentheses(s: str) -> str:
    """Replace each parenthesised run (nesting counted; an unclosed one runs
    to the end) by one character that is a token of its own, as V8 skips it."""
    parts = []
    pos = 0
    while (start := s.find("(", pos)) >= 0:
        parts.append(s[pos:start])
        parts.append("\x01")
        balance = 1
        pos = len(s)
        for paren in _PARENS_RE.finditer(s, start + 1):
            balance += 1 if paren.group() == "(" else -1
            if balance == 0:
                pos = paren.end()
                break
    parts.append(s[pos:])
    return "".join(parts)


def _tokenize(s: str) -> list[tuple]:
    """V8's DateStringTokenizer: (kind, value, length) triples, then _END.

    A run of white space is one token here (V8 makes one per character; the
    parser cannot tell the difference).
    """
    end = s.find("\0")  # V8 reads a NUL as the end of the input
    if end >= 0:
        s = s[:end]
    if "(" in s:
        s = _drop_parentheses(s)
    tokens: list[tuple] = []
    append = tokens.append
    for number, symbol, word, space in _TOKEN_RE.findall(s):
        if number:
            # At most nine significant digits count; the rest are skipped.
            digits = number.lstrip("0")[:9]
            append((_NUMBER, int(digits) if digits else 0, len(number)))
        elif symbol:
            append((_SYMBOL, symbol, 1))
        elif word:
            append(_keyword(word))
        elif space:
            append(_SPACE_TOKEN)
        else:
            append(_UNKNOWN_TOKEN)
    append(_END_TOKEN)
    return tokens


def _is_sign(token: tuple) -> bool:
    return token[0] == _SYMBOL and token[1] in "+-"


def _read_milliseconds(token: tuple) -> int:
    """The first three digits of a fraction, from its value and digit count."""
    number, length = token[1], token[2]
    if length == 1:
        return number * 100
    if length == 2:
        return number * 10
    if length > 3:
        return number // 10 ** (min(length, 9) - 3)
    return number


class _DateParser:
    """One run of V8's DateParser::Parse over a token list."""

    __slots__ = ("tokens", "pos", "day", "named_month", "iso", "time",
                 "hour_offset", "tz_sign", "tz_hour", "tz_minute")

    def __init__(self, tokens: list[tuple]) -> None:
        self.tokens = tokens
        self.pos = 0
        self.day: list[int] = []          # DayComposer
        self.named_month: int | None = None
        self.iso = False
        self.time: list[int] = []         # TimeComposer
        self.hour_offset: int | None = None
        self.tz_sign: int | None = None   # TimeZoneComposer
        self.tz_hour: int | None = None
        self.tz_minute: int | None = None

    # -- scanner ----------------------------------------------------------
    def peek(self) -> tuple:
        return self.tokens[self.pos]

    def next(self) -> tuple:
        token = self.tokens[self.pos]
        if token[0] != _END:
            self.pos += 1
        return token

    def skip_symbol(self, symbol: str) -> bool:
        token = self.tokens[self.pos]
        if token[0] == _SYMBOL and token[1] == symbol:
            self.pos += 1
            return True
        return False

    def peek_fixed(self, length: int) -> bool:
        token = self.tokens[self.pos]
        return token[0] == _NUMBER and token[2] == length

    # -- composers --------------------------------------------------------
    def time_add(self, n: int) -> bool:
        if len(self.time) >= 4:
            return False
        self.time.append(n)
        return True

    def time_add_final(self, n: int) -> bool:
        if not self.time_add(n):
            return False
        self.time.extend([0] * (4 - len(self.time)))
        return True

    def time_expecting(self, n: int) -> bool:
        index = len(self.time)
        return ((index == 1 and 0 <= n <= 59) or (index == 2 and 0 <= n <= 59)
                or (index == 3 and 0 <= n <= 999))

    def day_add(self, n: int) -> bool:
        if len(self.day) >= 3:
            return False
        self.day.append(n)
        return True

    def tz_set(self, hours: int) -> None:
        self.tz_sign = -1 if hours < 0 else 1
        self.tz_hour = abs(hours)
        self.tz_minute = 0

    def tz_expecting(self, n: int) -> bool:
        return self.tz_hour is not None and self.tz_minute is None and 0 <= n <= 59

    def tz_is_utc(self) -> bool:
        return self.tz_hour == 0 and self.tz_minute == 0

    # -- ES5 ISO 8601 prefix ----------------------------------------------
    def parse_iso(self) -> tuple:
        """Read the Date Time String Format (§21.4.1.32) as far as it goes.

        Returns _END when the whole string matched, _INVALID when it can no
        longer be a date, else the first token the legacy rules must handle.
        Extensions (as V8): lower-case t and z, "hhmm" offsets, fractions
        of any length.
        """
        # [('-'|'+')yy]yyyy['-'MM['-'DD]]
        if _is_sign(self.peek()):
            sign_token = self.next()
            if not self.peek_fixed(6):
                return sign_token
            year = self.next()[1]
            if sign_token[1] == "-" and year == 0:
                return sign_token  # -000000 is not a year
            self.day.append(-year if sign_token[1] == "-" else year)
        elif self.peek_fixed(4):
            self.day.append(self.next()[1])
        else:
            return self.next()
        if self.skip_symbol("-"):
            if not self.peek_fixed(2) or not 1 <= self.peek()[1] <= 12:
                return self.next()
            self.day.append(self.next()[1])
            if self.skip_symbol("-"):
                if not self.peek_fixed(2) or not 1 <= self.peek()[1] <= 31:
                    return self.next()
                self.day.append(self.next()[1])
        # 'T'HH':'mm[':'ss['.'sss]][Z|(+|-)hh:mm]
        if self.peek()[0] != _KW_TIME_SEPARATOR:
            if self.peek()[0] != _END:
                return self.next()
        else:
            self.next()
            if not self.peek_fixed(2) or not 0 <= self.peek()[1] <= 24:
                return _INVALID_TOKEN
            hour_is_24 = self.peek()[1] == 24  # only as 24:00[:00[.000]]
            self.time.append(self.next()[1])
            if not self.skip_symbol(":"):
                return _INVALID_TOKEN
            if (not self.peek_fixed(2) or not 0 <= self.peek()[1] <= 59
                    or (hour_is_24 and self.peek()[1] > 0)):
                return _INVALID_TOKEN
            self.time.append(self.next()[1])
            if self.skip_symbol(":"):
                if (not self.peek_fixed(2) or not 0 <= self.peek()[1] <= 59
                        or (hour_is_24 and self.peek()[1] > 0)):
                    return _INVALID_TOKEN
                self.time.append(self.next()[1])
                if self.skip_symbol("."):
                    if self.peek()[0] != _NUMBER or (hour_is_24 and self.peek()[1] > 0):
                        return _INVALID_TOKEN
                    self.time.append(_read_milliseconds(self.next()))
            token = self.peek()
            if token[0] == _KW_ZONE and token[2] == 1 and token[1] == 0:  # Z
                self.next()
                self.tz_set(0)
            elif _is_sign(token):
                self.tz_sign = 1 if self.next()[1] == "+" else -1
                if self.peek_fixed(4):  # hhmm
                    hourmin = self.next()[1]
                    hour, minute = divmod(hourmin, 100)
                    if not (0 <= hour <= 23 and 0 <= minute <= 59):
                        return _INVALID_TOKEN
                    self.tz_hour, self.tz_minute = hour, minute
                else:
                    if not self.peek_fixed(2) or not 0 <= self.peek()[1] <= 23:
                        return _INVALID_TOKEN
                    self.tz_hour = self.next()[1]
                    if not self.skip_symbol(":"):
                        return _INVALID_TOKEN
                    if not self.peek_fixed(2) or not 0 <= self.peek()[1] <= 59:
                        return _INVALID_TOKEN
                    self.tz_minute = self.next()[1]
            if self.peek()[0] != _END:
                return _INVALID_TOKEN
        # "When the time zone offset is absent, date-only forms are
        # interpreted as a UTC time and date-time forms are interpreted as a
        # local time."
        if self.tz_hour is None and not self.time:
            self.tz_set(0)
        self.iso = True
        return _END_TOKEN

    # -- legacy rules -----------------------------------------------------
    def parse(self) -> tuple | None:
        """(year, month0, day, hour, minute, second, ms, offset seconds or
        None for local time), or None when the string is not a date."""
        token = self.parse_iso()
        if token[0] == _INVALID:
            return None
        has_read_number = bool(self.day)
        while token[0] != _END:
            kind = token[0]
            if kind == _NUMBER:
                has_read_number = True
                n = token[1]
                if self.skip_symbol(":"):
                    if self.skip_symbol(":"):  # n "::"
                        if self.time:
                            return None
                        self.time += [n, 0]
                    else:  # n ":"
                        if not self.time_add(n):
                            return None
                        if self.peek()[:2] == (_SYMBOL, "."):
                            self.next()
                elif self.skip_symbol(".") and self.time_expecting(n):
                    self.time_add(n)
                    if self.peek()[0] != _NUMBER:
                        return None
                    self.time_add_final(_read_milliseconds(self.next()))
                elif self.tz_expecting(n):
                    self.tz_minute = n
                elif self.time_expecting(n):
                    self.time_add_final(n)
                    # The time must end at a space, "Z", a sign or the end.
                    after = self.peek()
                    if not (after[0] in (_END, _SPACE) or _is_sign(after)
                            or (after[0] == _KW_ZONE and after[2] == 1 and after[1] == 0)):
                        return None
                else:
                    if not self.day_add(n):
                        return None
                    self.skip_symbol("-")
            elif kind >= _KW_INVALID:
                if kind == _KW_AM_PM and self.time:
                    self.hour_offset = token[1]
                elif kind == _KW_MONTH:
                    self.named_month = token[1]
                    self.skip_symbol("-")
                elif kind == _KW_ZONE and has_read_number:
                    self.tz_set(token[1])
                else:
                    # Words after the first number are garbage; before it they
                    # are skipped, but must not run into the number.
                    if has_read_number or self.peek()[0] == _NUMBER:
                        return None
            elif _is_sign(token) and (self.tz_is_utc() or self.time):
                # A UTC offset, after "GMT"/"UTC" or a time.
                self.tz_sign = 1 if token[1] == "+" else -1
                n = length = 0
                if self.peek()[0] == _NUMBER:
                    _, n, length = self.next()
                has_read_number = True
                if self.peek()[:2] == (_SYMBOL, ":"):
                    self.tz_hour, self.tz_minute = n, None
                elif length in (1, 2):  # GMT-8
                    self.tz_hour, self.tz_minute = n, 0
                elif length in (3, 4):  # GMT-0800
                    self.tz_hour, self.tz_minute = divmod(n, 100)
                else:
                    return None
            elif (_is_sign(token) or token[:2] == (_SYMBOL, ")")) and has_read_number:
                return None
            token = self.next()
        day_fields = self.write_day()
        time_fields = self.write_time()
        if day_fields is None or time_fields is None:
            return None
        if self.tz_sign is None:
            offset = None
        else:
            total = ((self.tz_hour or 0) * 3600 + (self.tz_minute or 0) * 60) % 2 ** 32
            if total > 2 ** 31 - 1:  # V8 computes this in 32 bits
                return None
            offset = -total if self.tz_sign < 0 else total
        return (*day_fields, *time_fields, offset)

    def write_day(self) -> tuple[int, int, int] | None:
        """V8's DayComposer::Write: which number is the year, month, day."""
        comp = self.day
        if not comp:
            return None
        comp = comp + [1] * (3 - len(comp))  # day and month default to 1
        year = 0  # no year at all means 2000 (KJS compatibility)
        if self.named_month is None:
            if self.iso or not 1 <= comp[0] <= 31:  # YMD
                year, month, mday = comp
            else:  # MD(Y)
                month, mday, year = comp
        else:
            month = self.named_month
            if not 1 <= comp[0] <= 31:  # YMD, MYD or YDM
                year, mday = comp[0], comp[1]
            else:  # DMY, MDY or DYM
                mday, year = comp[0], comp[1]
        if not self.iso:
            if 0 <= year <= 49:
                year += 2000
            elif 50 <= year <= 99:
                year += 1900
        if not (1 <= month <= 12 and 1 <= mday <= 31):
            return None
        return year, month - 1, mday

    def write_time(self) -> tuple[int, int, int, int] | None:
        """V8's TimeComposer::Write: AM/PM and range checks."""
        hour, minute, second, milli = self.time + [0] * (4 - len(self.time))
        if self.hour_offset is not None:
            if not 0 <= hour <= 12:
                return None
            hour = hour % 12 + self.hour_offset
        if not (0 <= hour <= 23 and 0 <= minute <= 59 and 0 <= second <= 59
                and 0 <= milli <= 999):
            if (hour, minute, second, milli) != (24, 0, 0, 0):
                return None
        return hour, minute, second, milli


# The common, fully valid Date Time String Format strings, read in one step;
# anything else (including out-of-range fields) goes through _DateParser.
_ISO_RE = re.compile(
    r"(?:([+-])([0-9]{6})|([0-9]{4}))(?:-([0-9]{2})(?:-([0-9]{2}))?)?"
    r"(?:[Tt]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]+))?)?"
    r"(?:([Zz])|([+-])([0-9]{2}):?([0-9]{2}))?)?\Z")


def _iso_fields(s: str) -> tuple | None:
    """_DateParser's result for a valid ISO string, or None to ask it."""
    m = _ISO_RE.match(s)
    if m is None:
        return None
    sign, long_year, year, month, mday, hour, minute, second, fraction, z, tz_sign, \
        tz_hour, tz_minute = m.groups()
    if long_year is not None:
        year = int(long_year)
        if sign == "-":
            if year == 0:
                return None
            year = -year
    else:
        year = int(year)
    month = int(month) if month else 1
    mday = int(mday) if mday else 1
    if not (1 <= month <= 12 and 1 <= mday <= 31):
        return None
    if hour is None:  # date-only forms are UTC
        return year, month - 1, mday, 0, 0, 0, 0, 0
    hour, minute = int(hour), int(minute)
    second = int(second) if second else 0
    digits = fraction.lstrip("0")[:9] if fraction else ""
    fraction_value = int(digits) if digits else 0
    if not (minute <= 59 and second <= 59 and (hour <= 23 or (
            hour == 24 and minute == second == fraction_value == 0))):
        return None
    milli = _read_milliseconds((_NUMBER, fraction_value, len(fraction))) if fraction else 0
    if z is not None:
        offset = 0
    elif tz_sign is not None:
        tz_hour, tz_minute = int(tz_hour), int(tz_minute)
        if tz_hour > 23 or tz_minute > 59:
            return None
        offset = tz_hour * 3600 + tz_minute * 60
        if tz_sign == "-":
            offset = -offset
    else:  # date-time forms without an offset are local time
        offset = None
    return year, month - 1, mday, hour, minute, second, milli, offset


def parse(s: str) -> float:
    """Date.parse ( string ) — §21.4.3.2, https://tc39.es/ecma262/#sec-date.parse

    The Date Time String Format (§21.4.1.32) first: ``YYYY[-MM[-DD]]`` and
    ``±YYYYYY`` expanded years, optionally followed by
    ``THH:mm[:ss[.sss]]`` and ``Z`` or ``±HH:mm``; date-only forms are UTC,
    date-time forms without an offset local time.  Other strings go through
    V8's legacy rules, which node accepts: ``toString`` and ``toUTCString``
    output, RFC 2822, "Jan 1, 2019", "1/2/2019", "2019/01/02", "2019-1-2"
    (local time unless a zone is named).  NaN when the string is not a date.
    """
    fields = _iso_fields(s)
    if fields is None:
        fields = _DateParser(_tokenize(s)).parse()
        if fields is None:
            return NAN
    year, month0, mday, hour, minute, second, milli, offset = fields
    date = make_date(make_day(float(year), float(month0), float(mday)),
                     make_time(float(hour), float(minute), float(second), float(milli)))
    if offset is None:
        date = utc(date)
    else:
        date -= offset * 1000.0
    return time_clip(date)


# ---------------------------------------------------------------------------
# Long zone names, as node 20 (ICU 78) prints them in Date.prototype.toString.
# Each entry: "standard|daylight:" (or just "standard:") then the IANA names,
# where "daylight" is the name for times zoneinfo marks as DST.

_ABBREVIATION_NAMES = {
    "UTC": "Coordinated Universal Time", "UCT": "Coordinated Universal Time",
    "GMT": "Greenwich Mean Time", "BST": "British Summer Time",
    "EST": "Eastern Standard Time", "EDT": "Eastern Daylight Time",
    "CST": "Central Standard Time", "CDT": "Central Daylight Time",
    "MST": "Mountain Standard Time", "MDT": "Mountain Daylight Time",
    "PST": "Pacific Standard Time", "PDT": "Pacific Daylight Time",
    "AKST": "Alaska Standard Time", "AKDT": "Alaska Daylight Time",
    "HST": "Hawaii-Aleutian Standard Time", "AST": "Atlantic Standard Time",
    "ADT": "Atlantic Daylight Time", "NST": "Newfoundland Standard Time",
    "NDT": "Newfoundland Daylight Time",
    "WET": "Western European Standard Time", "WEST": "Western European Summer Time",
    "CET": "Central European Standard Time", "CEST": "Central European Summer Time",
    "MET": "Central European Standard Time", "MEST": "Central European Summer Time",
    "EET": "Eastern European Standard Time", "EEST": "Eastern European Summer Time",
    "MSK": "Moscow Standard Time", "IST": "India Standard Time",
    "PKT": "Pakistan Standard Time", "WIB": "Western Indonesia Time",
    "HKT": "Hong Kong Standard Time", "JST": "Japan Standard Time",
    "KST": "Korean Standard Time", "AWST": "Australian Western Standard Time",
    "ACST": "Australian Central Standard Time", "ACDT": "Australian Central Daylight Time",
    "AEST": "Australian Eastern Standard Time", "AEDT": "Australian Eastern Daylight Time",
    "NZST": "New Zealand Standard Time", "NZDT": "New Zealand Daylight Time",
    "SAST": "South Africa Standard Time", "WAT": "West Africa Time",
    "CAT": "Central Africa Time", "EAT": "East Africa Time",
}

_zone_name_table: dict[str, tuple[str | None, str | None]] | None = None


def _zone_names() -> dict[str, tuple[str | None, str | None]]:
    global _zone_name_table
    if _zone_name_table is None:
        table: dict[str, tuple[str | None, str | None]] = {}
        names: tuple[str | None, str | None] = (None, None)
        for line in _ZONE_NAMES.splitlines():
            if not line.strip():
                continue
            if line.startswith(" "):
                for key in line.split():
                    table[key] = names
            else:
                standard, _, daylight = line.rstrip(":").partition("|")
                names = (standard or None, daylight or None)
        _zone_name_table = table
    return _zone_name_table


_ZONE_NAMES = """
|GMT-03:00:
    America/Coyhaique America/Punta_Arenas Antarctica/Palmer
|Greenwich Mean Time:
    Eire
Acre Standard Time:
    America/Eirunepe America/Porto_Acre America/Rio_Branco Brazil/Acre
Afghanistan Time:
    Asia/Kabul
Alaska Standard Time|Alaska Daylight Time:
    America/Anchorage America/Juneau America/Metlakatla America/Nome America/Sitka
    America/Yakutat US/Alaska
Amazon Standard Time:
    America/Boa_Vista America/Manaus America/Porto_Velho Brazil/West
Amazon Standard Time|Amazon Summer Time:
    America/Campo_Grande America/Cuiaba
American Samoa Standard Time:
    Pacific/Midway Pacific/Pago_Pago Pacific/Samoa US/Samoa
Arabian Standard Time:
    Asia/Aden Asia/Baghdad Asia/Bahrain Asia/Kuwait Asia/Qatar Asia/Riyadh
Argentina Standard Time|Argentina Summer Time:
    America/Argentina/Buenos_Aires America/Argentina/Catamarca
    America/Argentina/ComodRivadavia America/Argentina/Cordoba America/Argentina/Jujuy
    America/Argentina/La_Rioja America/Argentina/Mendoza America/Argentina/Rio_Gallegos
    America/Argentina/Salta America/Argentina/San_Juan America/Argentina/San_Luis
    America/Argentina/Tucuman America/Argentina/Ushuaia America/Buenos_Aires America/Catamarca
    America/Cordoba America/Jujuy America/Mendoza America/Rosario
Armenia Standard Time|Armenia Summer Time:
    Asia/Yerevan
Atlantic Standard Time:
    America/Anguilla America/Antigua America/Aruba America/Barbados America/Blanc-Sablon
    America/Curacao America/Dominica America/Grenada America/Guadeloupe America/Kralendijk
    America/Lower_Princes America/Marigot America/Martinique America/Montserrat
    America/Port_of_Spain America/Puerto_Rico America/Santo_Domingo America/St_Barthelemy
    America/St_Kitts America/St_Lucia America/St_Thomas America/St_Vincent America/Tortola
    America/Virgin
Atlantic Standard Time|Atlantic Daylight Time:
    America/Glace_Bay America/Goose_Bay America/Halifax America/Moncton America/Thule
    Atlantic/Bermuda Canada/Atlantic
Australian Central Standard Time:
    Australia/Darwin Australia/North
Australian Central Standard Time|Australian Central Daylight Time:
    Australia/Adelaide Australia/Broken_Hill Australia/South Australia/Yancowinna
Australian Central Western Standard Time|Australian Central Western Daylight Time:
    Australia/Eucla
Australian Eastern Standard Time:
    Australia/Brisbane Australia/Lindeman Australia/Queensland
Australian Eastern Standard Time|Australian Eastern Daylight Time:
    Antarctica/Macquarie Australia/ACT Australia/Canberra Australia/Currie Australia/Hobart
    Australia/Melbourne Australia/NSW Australia/Sydney Australia/Tasmania Australia/Victoria
Australian Western Standard Time:
    Antarctica/Casey
Australian Western Standard Time|Australian Western Daylight Time:
    Australia/Perth Australia/West
Azerbaijan Standard Time|Azerbaijan Summer Time:
    Asia/Baku
Azores Standard Time|Azores Summer Time:
    Atlantic/Azores
Bangladesh Standard Time|Bangladesh Summer Time:
    Asia/Dacca Asia/Dhaka
Bhutan Time:
    Asia/Thimbu Asia/Thimphu
Bolivia Time:
    America/La_Paz
Brasilia Standard Time:
    America/Belem America/Fortaleza America/Maceio America/Recife America/Santarem
Brasilia Standard Time|Brasilia Summer Time:
    America/Araguaina America/Bahia America/Sao_Paulo Brazil/East
Brunei Time:
    Asia/Brunei
Cape Verde Standard Time:
    Atlantic/Cape_Verde
Central Africa Time:
    Africa/Blantyre Africa/Bujumbura Africa/Gaborone Africa/Harare Africa/Juba Africa/Khartoum
    Africa/Kigali Africa/Lubumbashi Africa/Lusaka Africa/Maputo
Central European Standard Time:
    Africa/Algiers
Central European Standard Time|Central European Summer Time:
    Africa/Ceuta Africa/Tunis Arctic/Longyearbyen Atlantic/Jan_Mayen CET Europe/Amsterdam
    Europe/Andorra Europe/Belgrade Europe/Berlin Europe/Bratislava Europe/Brussels
    Europe/Budapest Europe/Busingen Europe/Copenhagen Europe/Gibraltar Europe/Ljubljana
    Europe/Luxembourg Europe/Madrid Europe/Malta Europe/Monaco Europe/Oslo Europe/Paris
    Europe/Podgorica Europe/Prague Europe/Rome Europe/San_Marino Europe/Sarajevo Europe/Skopje
    Europe/Stockholm Europe/Tirane Europe/Vaduz Europe/Vatican Europe/Vienna Europe/Warsaw
    Europe/Zagreb Europe/Zurich MET Poland
Central Indonesia Time:
    Asia/Makassar Asia/Ujung_Pandang
Central Standard Time:
    America/Belize America/Costa_Rica America/El_Salvador America/Guatemala America/Managua
    America/Regina America/Swift_Current America/Tegucigalpa Canada/Saskatchewan
Central Standard Time|Central Daylight Time:
    America/Bahia_Banderas America/Chicago America/Chihuahua America/Indiana/Knox
    America/Indiana/Tell_City America/Knox_IN America/Matamoros America/Menominee
    America/Merida America/Mexico_City America/Monterrey America/North_Dakota/Beulah
    America/North_Dakota/Center America/North_Dakota/New_Salem America/Ojinaga
    America/Rainy_River America/Rankin_Inlet America/Resolute America/Winnipeg CST6CDT
    Canada/Central Mexico/General US/Central US/Indiana-Starke
Chamorro Standard Time:
    Pacific/Guam Pacific/Saipan
Chatham Standard Time|Chatham Daylight Time:
    NZ-CHAT Pacific/Chatham
Chile Standard Time|Chile Summer Time:
    America/Santiago Chile/Continental
China Standard Time:
    Asia/Chongqing Asia/Chungking Asia/Harbin Asia/Macao Asia/Macau Asia/Shanghai PRC
Christmas Island Time:
    Indian/Christmas
Chuuk Time:
    Pacific/Chuuk Pacific/Truk Pacific/Yap
Cocos Islands Time:
    Indian/Cocos
Colombia Standard Time:
    America/Bogota
Cook Islands Standard Time:
    Pacific/Rarotonga
Coordinated Universal Time:
    Etc/UCT Etc/UTC Etc/Universal Etc/Zulu UCT UTC Universal Zulu
Cuba Standard Time|Cuba Daylight Time:
    America/Havana Cuba
Davis Time:
    Antarctica/Davis
Dumont d’Urville Time:
    Antarctica/DumontDUrville
East Africa Time:
    Africa/Addis_Ababa Africa/Asmara Africa/Asmera Africa/Dar_es_Salaam Africa/Djibouti
    Africa/Kampala Africa/Mogadishu Africa/Nairobi Indian/Antananarivo Indian/Comoro
    Indian/Mayotte
Easter Island Standard Time|Easter Island Summer Time:
    Chile/EasterIsland Pacific/Easter
Eastern European Standard Time|Eastern European Summer Time:
    Africa/Cairo Africa/Tripoli Asia/Beirut Asia/Famagusta Asia/Gaza Asia/Hebron Asia/Nicosia
    EET Egypt Europe/Athens Europe/Bucharest Europe/Chisinau Europe/Helsinki
    Europe/Kaliningrad Europe/Kiev Europe/Kyiv Europe/Mariehamn Europe/Nicosia Europe/Riga
    Europe/Sofia Europe/Tallinn Europe/Tiraspol Europe/Uzhgorod Europe/Vilnius
    Europe/Zaporozhye Libya
Eastern Indonesia Time:
    Asia/Jayapura
Eastern Standard Time:
    America/Atikokan America/Cayman America/Coral_Harbour America/Jamaica America/Panama EST
    Jamaica
Eastern Standard Time|Eastern Daylight Time:
    America/Cancun America/Detroit America/Fort_Wayne America/Grand_Turk
    America/Indiana/Indianapolis America/Indiana/Marengo America/Indiana/Petersburg
    America/Indiana/Vevay America/Indiana/Vincennes America/Indiana/Winamac
    America/Indianapolis America/Iqaluit America/Kentucky/Louisville
    America/Kentucky/Monticello America/Louisville America/Montreal America/Nassau
    America/New_York America/Nipigon America/Pangnirtung America/Port-au-Prince
    America/Thunder_Bay America/Toronto Canada/Eastern EST5EDT US/East-Indiana US/Eastern
    US/Michigan
Ecuador Time:
    America/Guayaquil
Falkland Islands Standard Time|Falkland Islands Summer Time:
    Atlantic/Stanley
Fernando de Noronha Standard Time:
    America/Noronha Brazil/DeNoronha
Fiji Standard Time|Fiji Summer Time:
    Pacific/Fiji
French Guiana Time:
    America/Cayenne
French Southern & Antarctic Time:
    Indian/Kerguelen
GMT+00:00:
    Factory localtime
GMT+00:00|GMT+01:00:
    Africa/Casablanca Africa/El_Aaiun
GMT+01:00:
    Etc/GMT-1
GMT+02:00:
    Etc/GMT-2
GMT+02:00|Central Africa Time:
    Africa/Windhoek
GMT+03:00:
    Asia/Amman Asia/Damascus Etc/GMT-3
GMT+04:00:
    Etc/GMT-4
GMT+05:00:
    Etc/GMT-5
GMT+06:00:
    Asia/Kashgar Asia/Urumqi Etc/GMT-6
GMT+07:00:
    Etc/GMT-7
GMT+08:00:
    Etc/GMT-8
GMT+09:00:
    Etc/GMT-9
GMT+10:00:
    Etc/GMT-10
GMT+11:00:
    Etc/GMT-11 Pacific/Bougainville
GMT+12:00:
    Etc/GMT-12
GMT+13:00:
    Etc/GMT-13
GMT+14:00:
    Etc/GMT-14
GMT-01:00:
    Etc/GMT+1
GMT-02:00:
    Etc/GMT+2
GMT-03:00:
    Etc/GMT+3
GMT-04:00:
    Etc/GMT+4
GMT-05:00:
    Etc/GMT+5
GMT-06:00:
    Etc/GMT+6
GMT-07:00:
    Etc/GMT+7
GMT-08:00:
    Etc/GMT+8
GMT-09:00:
    Etc/GMT+9
GMT-10:00:
    Etc/GMT+10
GMT-11:00:
    Etc/GMT+11
GMT-12:00:
    Etc/GMT+12
Galapagos Time:
    Pacific/Galapagos
Gambier Time:
    Pacific/Gambier
Georgia Standard Time:
    Asia/Tbilisi
Gilbert Islands Time:
    Pacific/Tarawa
Greenland Standard Time|Greenland Summer Time:
    America/Godthab America/Nuuk America/Scoresbysund
Greenwich Mean Time:
    Africa/Abidjan Africa/Accra Africa/Bamako Africa/Banjul Africa/Bissau Africa/Conakry
    Africa/Dakar Africa/Freetown Africa/Lome Africa/Monrovia Africa/Nouakchott
    Africa/Ouagadougou Africa/Sao_Tome Africa/Timbuktu America/Danmarkshavn Atlantic/Reykjavik
    Atlantic/St_Helena Etc/GMT Etc/GMT+0 Etc/GMT-0 Etc/GMT0 Etc/Greenwich GMT GMT+0 GMT-0 GMT0
    Greenwich Iceland
Greenwich Mean Time|British Summer Time:
    Europe/Belfast Europe/London GB GB-Eire
Greenwich Mean Time|GMT+01:00:
    Europe/Guernsey Europe/Isle_of_Man Europe/Jersey
Greenwich Mean Time|GMT+02:00:
    Antarctica/Troll
Gulf Standard Time:
    Asia/Dubai Asia/Muscat
Guyana Time:
    America/Guyana
Hawaii-Aleutian Standard Time:
    HST Pacific/Honolulu Pacific/Johnston US/Hawaii
Hawaii-Aleutian Standard Time|Hawaii-Aleutian Daylight Time:
    America/Adak America/Atka US/Aleutian
Hong Kong Standard Time:
    Asia/Hong_Kong Hongkong
India Standard Time:
    Asia/Calcutta Asia/Colombo Asia/Kolkata
Indian Ocean Time:
    Indian/Chagos
Indochina Time:
    Asia/Bangkok Asia/Ho_Chi_Minh Asia/Phnom_Penh Asia/Saigon Asia/Vientiane
Iran Standard Time|Iran Daylight Time:
    Asia/Tehran Iran
Irish Standard Time|Greenwich Mean Time:
    Europe/Dublin
Irkutsk Standard Time|Irkutsk Summer Time:
    Asia/Irkutsk
Israel Standard Time|Israel Daylight Time:
    Asia/Jerusalem Asia/Tel_Aviv Israel
Japan Standard Time:
    Asia/Tokyo Japan
Kamchatka Standard Time|Kamchatka Summer Time:
    Asia/Anadyr Asia/Kamchatka
Kazakhstan Time:
    Asia/Almaty Asia/Aqtau Asia/Aqtobe Asia/Atyrau Asia/Oral Asia/Qostanay Asia/Qyzylorda
Khovd Standard Time|Khovd Summer Time:
    Asia/Hovd
Korean Standard Time:
    Asia/Pyongyang Asia/Seoul ROK
Kosrae Time:
    Pacific/Kosrae
Krasnoyarsk Standard Time|Krasnoyarsk Summer Time:
    Asia/Barnaul Asia/Krasnoyarsk Asia/Novokuznetsk Asia/Novosibirsk Asia/Tomsk
Kyrgyzstan Time:
    Asia/Bishkek
Line Islands Time:
    Pacific/Kiritimati
Lord Howe Standard Time|Lord Howe Daylight Time:
    Australia/LHI Australia/Lord_Howe
Magadan Standard Time|Magadan Summer Time:
    Asia/Magadan Asia/Sakhalin Asia/Srednekolymsk
Malaysia Time:
    Asia/Kuala_Lumpur Asia/Kuching
Maldives Time:
    Indian/Maldives
Marquesas Time:
    Pacific/Marquesas
Marshall Islands Time:
    Kwajalein Pacific/Kwajalein Pacific/Majuro
Mauritius Standard Time|Mauritius Summer Time:
    Indian/Mauritius
Mawson Time:
    Antarctica/Mawson
Mexican Pacific Standard Time:
    America/Hermosillo
Mexican Pacific Standard Time|Mexican Pacific Daylight Time:
    America/Mazatlan Mexico/BajaSur
Moscow Standard Time|Moscow Summer Time:
    Europe/Kirov Europe/Minsk Europe/Moscow Europe/Simferopol Europe/Volgograd W-SU
Mountain Standard Time:
    America/Creston America/Dawson_Creek America/Phoenix MST US/Arizona
Mountain Standard Time|Mountain Daylight Time:
    America/Boise America/Cambridge_Bay America/Ciudad_Juarez America/Denver America/Edmonton
    America/Fort_Nelson America/Inuvik America/Shiprock America/Yellowknife Canada/Mountain
    MST7MDT Navajo US/Mountain
Myanmar Time:
    Asia/Rangoon Asia/Yangon
Nauru Time:
    Pacific/Nauru
Nepal Time:
    Asia/Kathmandu Asia/Katmandu
New Caledonia Standard Time:
    Pacific/Noumea
New Zealand Standard Time|New Zealand Daylight Time:
    Antarctica/McMurdo Antarctica/South_Pole NZ Pacific/Auckland
Newfoundland Standard Time|Newfoundland Daylight Time:
    America/St_Johns Canada/Newfoundland
Niue Time:
    Pacific/Niue
Norfolk Island Standard Time|Norfolk Island Daylight Time:
    Pacific/Norfolk
Omsk Standard Time|Omsk Summer Time:
    Asia/Omsk
Pacific Standard Time|Pacific Daylight Time:
    America/Ensenada America/Los_Angeles America/Santa_Isabel America/Tijuana
    America/Vancouver Canada/Pacific Mexico/BajaNorte PST8PDT US/Pacific
Pakistan Standard Time|Pakistan Summer Time:
    Asia/Karachi
Palau Time:
    Pacific/Palau
Papua New Guinea Time:
    Pacific/Port_Moresby
Paraguay Standard Time|Paraguay Summer Time:
    America/Asuncion
Peru Standard Time:
    America/Lima
Philippine Standard Time:
    Asia/Manila
Phoenix Islands Time:
    Pacific/Enderbury Pacific/Kanton
Pitcairn Time:
    Pacific/Pitcairn
Pohnpei Time:
    Pacific/Pohnpei Pacific/Ponape
Rothera Time:
    Antarctica/Rothera
Réunion Time:
    Indian/Reunion
Samara Standard Time|Samara Summer Time:
    Europe/Astrakhan Europe/Samara Europe/Saratov Europe/Ulyanovsk
Samoa Standard Time|Samoa Daylight Time:
    Pacific/Apia
Seychelles Time:
    Indian/Mahe
Singapore Standard Time:
    Asia/Singapore Singapore
Solomon Islands Time:
    Pacific/Guadalcanal
South Africa Standard Time:
    Africa/Johannesburg Africa/Maseru Africa/Mbabane
South Georgia Time:
    Atlantic/South_Georgia
St. Pierre & Miquelon Standard Time|St. Pierre & Miquelon Daylight Time:
    America/Miquelon
Suriname Time:
    America/Paramaribo
Syowa Time:
    Antarctica/Syowa
Tahiti Time:
    Pacific/Tahiti
Taiwan Standard Time:
    Asia/Taipei ROC
Tajikistan Time:
    Asia/Dushanbe
Timor-Leste Time:
    Asia/Dili
Tokelau Time:
    Pacific/Fakaofo
Tonga Standard Time|Tonga Summer Time:
    Pacific/Tongatapu
Turkmenistan Standard Time:
    Asia/Ashgabat Asia/Ashkhabad
Tuvalu Time:
    Pacific/Funafuti
Türkiye Standard Time|Türkiye Summer Time:
    Asia/Istanbul Europe/Istanbul Turkey
Ulaanbaatar Standard Time|Ulaanbaatar Summer Time:
    Asia/Choibalsan Asia/Ulaanbaatar Asia/Ulan_Bator
Uruguay Standard Time|Uruguay Summer Time:
    America/Montevideo
Uzbekistan Standard Time:
    Asia/Samarkand Asia/Tashkent
Vanuatu Standard Time:
    Pacific/Efate
Venezuela Time:
    America/Caracas
Vladivostok Standard Time|Vladivostok Summer Time:
    Asia/Ust-Nera Asia/Vladivostok
Vostok Time:
    Antarctica/Vostok
Wake Island Time:
    Pacific/Wake
Wallis & Futuna Time:
    Pacific/Wallis
West Africa Time:
    Africa/Bangui Africa/Brazzaville Africa/Douala Africa/Kinshasa Africa/Lagos
    Africa/Libreville Africa/Luanda Africa/Malabo Africa/Ndjamena Africa/Niamey
    Africa/Porto-Novo
Western European Standard Time|Western European Summer Time:
    Atlantic/Canary Atlantic/Faeroe Atlantic/Faroe Atlantic/Madeira Europe/Lisbon Portugal WET
Western Indonesia Time:
    Asia/Jakarta Asia/Pontianak
Yakutsk Standard Time|Yakutsk Summer Time:
    Asia/Chita Asia/Khandyga Asia/Yakutsk
Yekaterinburg Standard Time|Yekaterinburg Summer Time:
    Asia/Yekaterinburg
Yukon Time|GMT-07:00:
    America/Dawson America/Whitehorse Canada/Yukon
"""
