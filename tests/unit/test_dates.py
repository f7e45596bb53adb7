"""Tests for jsrt.runtime.dates: known-value tables plus a differential run against node."""

from __future__ import annotations

import json
import math
import random
import shutil
import subprocess

import pytest

from jsrt.runtime import dates
from jsrt.runtime.dates import (
    date_from_time,
    day,
    day_from_year,
    day_within_year,
    days_in_year,
    hour_from_time,
    in_leap_year,
    local_time,
    local_tza,
    make_date,
    make_day,
    make_full_year,
    make_time,
    min_from_time,
    month_from_time,
    ms_from_time,
    parse,
    sec_from_time,
    set_timezone,
    time_clip,
    time_from_year,
    time_within_day,
    timezone_key,
    timezone_offset,
    to_date_string,
    to_iso_string,
    to_locale_date_string,
    to_locale_string,
    to_locale_time_string,
    to_string,
    to_time_string,
    to_utc_string,
    tz_name,
    utc,
    week_day,
    year_from_time,
)

NAN = math.nan
INF = math.inf
MAX_TIME = 8.64e15
ZONES = ["UTC", "America/New_York", "Europe/Berlin", "Asia/Kolkata", "Australia/Lord_Howe"]


def same(a: float, b: float) -> bool:
    """SameValue for Numbers: NaN equals NaN, +0 differs from -0."""
    if a != a or b != b:
        return a != a and b != b
    return a == b and math.copysign(1.0, a) == math.copysign(1.0, b)


def js_number(x: float) -> str:
    """Number::toString for the integral values and NaN the tests compare."""
    if x != x:
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    if x == int(x):
        return str(int(x))
    return repr(x)


def date_utc(*args: float) -> float:
    """Date.UTC (§21.4.3.4) from the abstract operations."""
    y, m, dt, h, mi, s, ms = (list(args) + [0.0, 1.0, 0.0, 0.0, 0.0, 0.0][len(args) - 1:])[:7]
    return time_clip(make_date(make_day(make_full_year(y), m, dt), make_time(h, mi, s, ms)))


def date_local(*args: float) -> float:
    """new Date(y, m, ...) (§21.4.2.1 step 4) from the abstract operations."""
    y, m, dt, h, mi, s, ms = (list(args) + [1.0, 0.0, 0.0, 0.0, 0.0][len(args) - 2:])[:7]
    final = make_date(make_day(make_full_year(y), m, dt), make_time(h, mi, s, ms))
    return time_clip(utc(final))


@pytest.fixture
def zone():
    """Switch the local time zone for one test, then go back to TZ/host."""
    def use(name):
        set_timezone(name)
    yield use
    set_timezone(None)


# ---------------------------------------------------------------------------
# Fields of a time value.

def ymd(t: float) -> tuple:
    return (year_from_time(t), month_from_time(t), date_from_time(t), week_day(t))


# (time value, (year, month, date, weekday))
FIELD_CASES = [
    (0.0, (1970.0, 0.0, 1.0, 4.0)),
    (-1.0, (1969.0, 11.0, 31.0, 3.0)),
    (86399999.0, (1970.0, 0.0, 1.0, 4.0)),
    (86400000.0, (1970.0, 0.0, 2.0, 5.0)),
    (951782400000.0, (2000.0, 1.0, 29.0, 2.0)),      # 2000-02-29: leap (÷400)
    (951868800000.0, (2000.0, 2.0, 1.0, 3.0)),
    (-2203891200000.0, (1900.0, 2.0, 1.0, 4.0)),     # 1900-03-01: not leap (÷100)
    (4107542400000.0, (2100.0, 2.0, 1.0, 1.0)),
    (1078012800000.0, (2004.0, 1.0, 29.0, 0.0)),
    (-62167219200000.0, (0.0, 0.0, 1.0, 6.0)),       # year 0 is leap
    (-62162121600000.0, (0.0, 1.0, 29.0, 2.0)),
    (-62198755200000.0, (-1.0, 0.0, 1.0, 5.0)),
    (-62135596800000.0, (1.0, 0.0, 1.0, 1.0)),
    (-62135596800001.0, (0.0, 11.0, 31.0, 0.0)),
    (-74784902400000.0, (-400.0, 1.0, 29.0, 2.0)),
    (-12219292800000.0, (1582.0, 9.0, 15.0, 5.0)),   # proleptic: no Julian switch
    (253402300799999.0, (9999.0, 11.0, 31.0, 5.0)),
    (253402300800000.0, (10000.0, 0.0, 1.0, 6.0)),
    (MAX_TIME, (275760.0, 8.0, 13.0, 6.0)),
    (-MAX_TIME, (-271821.0, 3.0, 20.0, 2.0)),
    (MAX_TIME - 1, (275760.0, 8.0, 12.0, 5.0)),
    (-MAX_TIME + 86400000.0, (-271821.0, 3.0, 21.0, 3.0)),
]


@pytest.mark.parametrize("t,expected", FIELD_CASES)
def test_calendar_fields(t, expected):
    assert ymd(t) == expected
    year = expected[0]
    assert time_from_year(year) <= t < time_from_year(year + 1)
    assert in_leap_year(t) == (1.0 if days_in_year(year) == 366.0 else 0.0)


# (time value, (hour, minute, second, ms, time within day))
TIME_CASES = [
    (0.0, (0.0, 0.0, 0.0, 0.0, 0.0)),
    (-1.0, (23.0, 59.0, 59.0, 999.0, 86399999.0)),
    (45296789.0, (12.0, 34.0, 56.0, 789.0, 45296789.0)),
    (-45296789.0, (11.0, 25.0, 3.0, 211.0, 41103211.0)),
    (MAX_TIME - 1, (23.0, 59.0, 59.0, 999.0, 86399999.0)),
    (-MAX_TIME + 1, (0.0, 0.0, 0.0, 1.0, 1.0)),
]


@pytest.mark.parametrize("t,expected", TIME_CASES)
def test_time_fields(t, expected):
    got = (hour_from_time(t), min_from_time(t), sec_from_time(t), ms_from_time(t),
           time_within_day(t))
    assert got == expected
    assert day(t) * dates.MS_PER_DAY + time_within_day(t) == t


def test_day_and_year_arithmetic():
    assert day(-1.0) == -1.0 and day(86400000.0) == 1.0
    assert same(day(-0.0), 0.0)
    assert same(time_within_day(-0.0), 0.0)
    assert day_from_year(1970.0) == 0.0
    assert day_from_year(1971.0) == 365.0
    assert day_from_year(1969.0) == -365.0
    assert day_from_year(1972.0) == 730.0 and day_from_year(1973.0) == 1096.0
    assert day_from_year(2000.0) == 10957.0
    assert day_from_year(0.0) == -719528.0
    assert day_from_year(-1.0) == -719893.0
    assert time_from_year(275760.0) == 8639977881600000.0
    assert day_within_year(951782400000.0) == 59.0
    assert day_within_year(-1.0) == 364.0
    for year, length in [(1900, 365), (2000, 366), (2004, 366), (2019, 365), (2100, 365),
                         (0, 366), (-1, 365), (-4, 366), (-100, 365), (-400, 366)]:
        assert days_in_year(float(year)) == float(length), year
        assert day_from_year(float(year + 1)) - day_from_year(float(year)) == length


def year_by_search(t: float) -> int:
    """YearFromTime by the spec's definition, searching year by year."""
    y = 1970
    while time_from_year(float(y)) > t:
        y -= 1
    while time_from_year(float(y + 1)) <= t:
        y += 1
    return y


def test_year_from_time_matches_definition():
    rng = random.Random(7)
    samples = [rng.uniform(-4e13, 4e13) // 1 for _ in range(300)]
    samples += [time_from_year(float(y)) + d for y in range(-410, 410, 7) for d in (-1, 0, 1)]
    for t in samples:
        assert year_from_time(t) == year_by_search(t), t


def test_month_and_date_round_trip():
    rng = random.Random(11)
    for _ in range(2000):
        days = rng.randint(-100_000_000, 100_000_000)
        t = days * dates.MS_PER_DAY
        y, m, d = year_from_time(t), month_from_time(t), date_from_time(t)
        assert make_day(y, m, d) == days
        assert 1 <= d <= 31 and 0 <= m <= 11


def test_nan_and_infinity_propagate():
    for fn in (time_within_day, days_in_year, in_leap_year, month_from_time, date_from_time,
               week_day, hour_from_time, min_from_time, sec_from_time, ms_from_time,
               day_within_year):
        assert math.isnan(fn(NAN)) and math.isnan(fn(INF)) and math.isnan(fn(-INF)), fn
    for fn in (day, year_from_time, day_from_year, time_from_year):
        assert math.isnan(fn(NAN)), fn
        assert fn(INF) == INF and fn(-INF) == -INF, fn
    assert math.isnan(local_time(NAN)) and math.isnan(utc(NAN)) and math.isnan(utc(INF))
    assert math.isnan(local_tza(NAN, True)) and math.isnan(timezone_offset(NAN))
    assert tz_name(NAN) == ""


# ---------------------------------------------------------------------------
# MakeTime, MakeDay, MakeDate, MakeFullYear, TimeClip.

def test_make_time():
    assert make_time(1.0, 2.0, 3.0, 4.0) == 3723004.0
    # ToIntegerOrInfinity truncates towards zero in every argument.
    assert make_time(1.9, 2.9, 3.9, 4.9) == 3723004.0
    assert make_time(-1.9, -2.9, -3.9, -4.9) == -3723004.0
    assert same(make_time(-0.5, -0.0, 0.0, -0.9), 0.0)
    assert make_time(25.0, 0.0, 0.0, 0.0) == 90000000.0
    for bad in (NAN, INF, -INF):
        assert math.isnan(make_time(bad, 0.0, 0.0, 0.0))
        assert math.isnan(make_time(0.0, 0.0, 0.0, bad))
    # Number arithmetic in the spec's order (test262 fp-evaluation-order.js).
    assert make_time(80063993375.0, 29.0, 1.0, -288230376151711740.0) == 29312.0


def test_make_day():
    assert make_day(1970.0, 0.0, 1.0) == 0.0
    assert make_day(2019.0, 12.0, 1.0) == make_day(2020.0, 0.0, 1.0) == 18262.0
    assert make_day(2019.0, -1.0, 1.0) == make_day(2018.0, 11.0, 1.0)
    assert make_day(2019.0, -13.0, 1.0) == make_day(2017.0, 11.0, 1.0)
    assert make_day(2019.0, 1.0, 29.0) == make_day(2019.0, 2.0, 1.0)
    assert make_day(2019.0, 0.0, 0.0) == make_day(2018.0, 11.0, 31.0)
    assert make_day(2019.9, 0.9, 1.9) == make_day(2019.0, 0.0, 1.0)
    assert make_day(-0.5, 0.0, 1.0) == make_day(0.0, 0.0, 1.0) == -719528.0
    assert make_day(-1.0, 0.0, 1.0) == -719893.0
    assert make_day(275760.0, 8.0, 13.0) == 1e8
    assert make_day(-271821.0, 3.0, 20.0) == -1e8
    for bad in (NAN, INF, -INF):
        assert math.isnan(make_day(bad, 0.0, 1.0))
        assert math.isnan(make_day(2019.0, bad, 1.0))
        assert math.isnan(make_day(2019.0, 0.0, bad))
    # Out of range, as V8 draws the line: |year| > 1e6, |month| > 1e7.
    assert math.isnan(make_day(1e6 + 1, 0.0, 1.0))
    assert math.isnan(make_day(2019.0, 1e7 + 1, 1.0))
    assert not math.isnan(make_day(1e6, -1e7, 1.0))
    assert math.isnan(make_day(1.7976931348623157e308, 0.0, 1.0))


def test_make_date_and_time_clip():
    assert make_date(1.0, 1.0) == 86400001.0
    assert math.isnan(make_date(NAN, 0.0)) and math.isnan(make_date(0.0, INF))
    assert math.isnan(make_date(1e305, 0.0))  # overflows to Infinity
    # test262 precision in MakeDate: Date.UTC(1970, 0, 213503982336, 0, 0, 0, -18446744073709552000)
    assert make_date(make_day(1970.0, 0.0, 213503982336.0), -18446744073709552000.0) == 34447360.0
    assert time_clip(MAX_TIME) == MAX_TIME and time_clip(-MAX_TIME) == -MAX_TIME
    assert math.isnan(time_clip(MAX_TIME + 1)) and math.isnan(time_clip(-MAX_TIME - 1))
    assert math.isnan(time_clip(NAN)) and math.isnan(time_clip(INF))
    assert same(time_clip(-0.0), 0.0) and same(time_clip(-0.5), 0.0)
    assert time_clip(1.5) == 1.0 and time_clip(-1.5) == -1.0


def test_make_full_year_and_date_utc():
    assert make_full_year(0.0) == 1900.0 and make_full_year(99.9) == 1999.0
    assert make_full_year(100.0) == 100.0 and make_full_year(-1.0) == -1.0
    assert make_full_year(-0.5) == 1900.0
    assert math.isnan(make_full_year(NAN)) and make_full_year(INF) == INF
    assert date_utc(2019.0, 0.0) == 1546300800000.0
    assert date_utc(99.0) == 915148800000.0
    assert date_utc(275760.0, 8.0, 13.0) == MAX_TIME
    assert math.isnan(date_utc(275760.0, 8.0, 13.0, 0.0, 0.0, 0.0, 1.0))
    assert date_utc(-271821.0, 3.0, 20.0) == -MAX_TIME
    assert math.isnan(date_utc(-271821.0, 3.0, 19.0, 23.0, 59.0, 59.0, 999.0))
    assert date_utc(1970.0, 0.0, 1.0, 80063993375.0, 29.0, 1.0, -288230376151711740.0) == 29312.0


# ---------------------------------------------------------------------------
# Formatting, in UTC.

# (time value, toString, toUTCString, toISOString, toLocaleString,
#  Date.parse of toString and toUTCString: whole seconds, and years 0..99 or
#  with a sign fall to the legacy rules)
FORMAT_CASES = [
    (0.0, "Thu Jan 01 1970 00:00:00 GMT+0000 (Coordinated Universal Time)",
     "Thu, 01 Jan 1970 00:00:00 GMT", "1970-01-01T00:00:00.000Z", "1/1/1970, 12:00:00 AM", 0),
    (1546300800000.0, "Tue Jan 01 2019 00:00:00 GMT+0000 (Coordinated Universal Time)",
     "Tue, 01 Jan 2019 00:00:00 GMT", "2019-01-01T00:00:00.000Z", "1/1/2019, 12:00:00 AM",
     1546300800000),
    (1561986307009.0, "Mon Jul 01 2019 13:05:07 GMT+0000 (Coordinated Universal Time)",
     "Mon, 01 Jul 2019 13:05:07 GMT", "2019-07-01T13:05:07.009Z", "7/1/2019, 1:05:07 PM",
     1561986307000),
    (-1.0, "Wed Dec 31 1969 23:59:59 GMT+0000 (Coordinated Universal Time)",
     "Wed, 31 Dec 1969 23:59:59 GMT", "1969-12-31T23:59:59.999Z", "12/31/1969, 11:59:59 PM",
     -1000),
    (43200000.0, "Thu Jan 01 1970 12:00:00 GMT+0000 (Coordinated Universal Time)",
     "Thu, 01 Jan 1970 12:00:00 GMT", "1970-01-01T12:00:00.000Z", "1/1/1970, 12:00:00 PM",
     43200000),
    (-62198755200000.0, "Fri Jan 01 -0001 00:00:00 GMT+0000 (Coordinated Universal Time)",
     "Fri, 01 Jan -0001 00:00:00 GMT", "-000001-01-01T00:00:00.000Z", "1/1/2, 12:00:00 AM",
     None),
    (-62167219200000.0, "Sat Jan 01 0000 00:00:00 GMT+0000 (Coordinated Universal Time)",
     "Sat, 01 Jan 0000 00:00:00 GMT", "0000-01-01T00:00:00.000Z", "1/1/1, 12:00:00 AM",
     946684800000),
    (-59011459200001.0, "Thu Dec 31 0099 23:59:59 GMT+0000 (Coordinated Universal Time)",
     "Thu, 31 Dec 0099 23:59:59 GMT", "0099-12-31T23:59:59.999Z", "12/31/99, 11:59:59 PM",
     946684799000),
    (-65322892800000.0, "Mon Jan 01 -0100 00:00:00 GMT+0000 (Coordinated Universal Time)",
     "Mon, 01 Jan -0100 00:00:00 GMT", "-000100-01-01T00:00:00.000Z", "1/1/101, 12:00:00 AM",
     None),
    (-377736739200000.0, "Sat Jan 01 -10000 00:00:00 GMT+0000 (Coordinated Universal Time)",
     "Sat, 01 Jan -10000 00:00:00 GMT", "-010000-01-01T00:00:00.000Z", "1/1/10001, 12:00:00 AM",
     None),
    (253402300800000.0, "Sat Jan 01 10000 00:00:00 GMT+0000 (Coordinated Universal Time)",
     "Sat, 01 Jan 10000 00:00:00 GMT", "+010000-01-01T00:00:00.000Z", "1/1/10000, 12:00:00 AM",
     253402300800000),
    (MAX_TIME, "Sat Sep 13 275760 00:00:00 GMT+0000 (Coordinated Universal Time)",
     "Sat, 13 Sep 275760 00:00:00 GMT", "+275760-09-13T00:00:00.000Z", "9/13/275760, 12:00:00 AM",
     8640000000000000),
    (-MAX_TIME, "Tue Apr 20 -271821 00:00:00 GMT+0000 (Coordinated Universal Time)",
     "Tue, 20 Apr -271821 00:00:00 GMT", "-271821-04-20T00:00:00.000Z", "4/20/271822, 12:00:00 AM",
     None),
]


@pytest.mark.parametrize("t,text,utc_text,iso,locale,reparsed", FORMAT_CASES)
def test_formatting_utc(zone, t, text, utc_text, iso, locale, reparsed):
    zone("UTC")
    assert to_string(t) == text
    assert to_date_string(t) == " ".join(text.split(" ")[:4])
    assert to_time_string(t) == text.split(" ", 4)[4]
    assert to_utc_string(t) == utc_text
    assert to_iso_string(t) == iso
    assert to_locale_string(t) == locale
    assert to_locale_date_string(t) + ", " + to_locale_time_string(t) == locale
    assert parse(iso) == t
    expected = NAN if reparsed is None else float(reparsed)
    assert same(parse(text), expected) and same(parse(utc_text), expected)


def test_invalid_date_formatting():
    for fn in (to_string, to_date_string, to_time_string, to_utc_string, to_locale_string,
               to_locale_date_string, to_locale_time_string):
        assert fn(NAN) == "Invalid Date", fn
    with pytest.raises(ValueError):
        to_iso_string(NAN)


def test_formatting_in_zones(zone):
    zone("Europe/Berlin")
    assert to_string(1546300800000.0) == (
        "Tue Jan 01 2019 01:00:00 GMT+0100 (Central European Standard Time)")
    assert to_string(1561986307009.0) == (
        "Mon Jul 01 2019 15:05:07 GMT+0200 (Central European Summer Time)")
    # Local mean time before 1893: offset +0:53:28, printed truncated.
    assert to_string(-5364662400000.0) == (
        "Wed Jan 01 1800 00:53:28 GMT+0053 (Central European Standard Time)")
    assert timezone_offset(-5364662400000.0) == -53.0
    # Before 1970 V8 names the zone from an equivalent recent year.
    assert to_string(-MAX_TIME) == (
        "Tue Apr 20 -271821 00:53:28 GMT+0053 (Central European Summer Time)")
    zone("America/New_York")
    assert to_string(0.0) == "Wed Dec 31 1969 19:00:00 GMT-0500 (Eastern Standard Time)"
    assert to_locale_string(0.0) == "12/31/1969, 7:00:00 PM"
    assert to_time_string(-62198755200000.0) == "19:03:58 GMT-0456 (Eastern Standard Time)"
    assert to_string(MAX_TIME) == (
        "Fri Sep 12 275760 20:00:00 GMT-0400 (Eastern Daylight Time)")
    zone("Asia/Kolkata")
    assert to_string(0.0) == "Thu Jan 01 1970 05:30:00 GMT+0530 (India Standard Time)"
    zone("Australia/Lord_Howe")
    assert to_string(1561986307009.0) == (
        "Mon Jul 01 2019 23:35:07 GMT+1030 (Lord Howe Standard Time)")
    assert to_string(1546300800000.0) == (
        "Tue Jan 01 2019 11:00:00 GMT+1100 (Lord Howe Daylight Time)")


# ---------------------------------------------------------------------------
# Local time.

def test_local_time_and_utc(zone):
    zone("America/New_York")
    assert local_tza(0.0, True) == -18000000.0
    assert local_time(0.0) == -18000000.0 and utc(-18000000.0) == 0.0
    assert timezone_offset(0.0) == 300.0
    assert timezone_key() == "America/New_York"
    # 2019-03-10 02:30 does not exist: read with the offset before (EST),
    # so it is 07:30Z = 03:30 EDT.
    gap = make_date(make_day(2019.0, 2.0, 10.0), make_time(2.0, 30.0, 0.0, 0.0))
    assert local_tza(gap, False) == -18000000.0
    assert utc(gap) == 1552203000000.0
    assert to_string(utc(gap)) == "Sun Mar 10 2019 03:30:00 GMT-0400 (Eastern Daylight Time)"
    # 2019-11-03 01:30 happens twice: the earlier instant (EDT) wins.
    fold = make_date(make_day(2019.0, 10.0, 3.0), make_time(1.0, 30.0, 0.0, 0.0))
    assert utc(fold) == 1572759000000.0
    assert local_tza(1572759000000.0, True) == -14400000.0
    assert local_tza(1572759000000.0 + 3600000.0, True) == -18000000.0
    zone("Australia/Lord_Howe")
    assert local_tza(1561986307009.0, True) == 37800000.0  # +10:30, half-hour DST
    assert local_tza(1546300800000.0, True) == 39600000.0
    zone("UTC")
    assert local_time(123.0) == 123.0 and utc(123.0) == 123.0
    assert math.isnan(utc(MAX_TIME + 864000001.0))


def test_far_times_use_zone_rules(zone):
    zone("Europe/Berlin")
    # First recorded offset (LMT) before history, the final rule after it.
    assert local_tza(-MAX_TIME, True) == 3208000.0
    assert local_tza(MAX_TIME, True) == 7200000.0  # September: summer time
    assert local_tza(date_utc(100000.0, 0.0), True) == 3600000.0
    assert local_tza(date_utc(100000.0, 6.0), True) == 7200000.0
    assert local_tza(date_utc(-100000.0, 6.0), False) == 3208000.0


def test_timezone_selection(zone, monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Kolkata")
    zone(None)
    assert timezone_key() == "Asia/Kolkata" and local_tza(0.0, True) == 19800000.0
    monkeypatch.setenv("TZ", ":Europe/Berlin")
    zone(None)
    assert timezone_key() == "Europe/Berlin"
    zone("UTC")
    assert tz_name(0.0) == "Coordinated Universal Time"
    zone("Etc/UTC")
    assert tz_name(0.0) == "Coordinated Universal Time"
    zone("GMT")
    assert tz_name(0.0) == "Greenwich Mean Time"
    # POSIX TZ strings and unknown names, as node (ICU) prints them.
    zone("XYZ-3")
    assert local_tza(0.0, True) == 10800000.0 and tz_name(0.0) == "GMT+03:00"
    zone("Foo/Bar")
    assert local_tza(0.0, True) == 0.0 and tz_name(0.0) == "GMT+00:00"
    zone("EST5EDT,M3.2.0,M11.1.0")
    assert local_tza(1561986307009.0, True) == -14400000.0
    assert local_tza(1546300800000.0, True) == -18000000.0
    assert tz_name(1546300800000.0) == "Eastern Standard Time"
    gap = make_date(make_day(2019.0, 2.0, 10.0), make_time(2.0, 30.0, 0.0, 0.0))
    assert utc(gap) == 1552203000000.0
    fold = make_date(make_day(2019.0, 10.0, 3.0), make_time(1.0, 30.0, 0.0, 0.0))
    assert utc(fold) == 1572759000000.0
    zone("<+0530>-5:30")
    assert local_tza(0.0, True) == 19800000.0 and tz_name(0.0) == "GMT+05:30"


# ---------------------------------------------------------------------------
# Date.parse, in UTC; every value checked against node 20.

PARSE_CASES = [
    # Date Time String Format (§21.4.1.32).
    ("2019", 1546300800000), ("2019-03", 1551398400000), ("2019-03-04", 1551657600000),
    ("2019-03-04T05:06", 1551675960000), ("2019-03-04T05:06:07", 1551675967000),
    ("2019-03-04T05:06:07.089", 1551675967089), ("2019-03-04T05:06:07.089Z", 1551675967089),
    ("2019-03-04T05:06:07.089+01:30", 1551670567089),
    ("2019-03-04T05:06:07.089-01:30", 1551681367089),
    ("2019-03-04T05:06:07.8Z", 1551675967800), ("2019-03-04T05:06:07.85Z", 1551675967850),
    ("2019-01-02T10:00:00.1234567891Z", 1546423200123),
    ("2019-01-01T10:00:00.000000001Z", 1546336800000),
    ("2019-01-02t10:00z", 1546423200000), ("2019-01-01T00:00:00.000+0100", 1546297200000),
    ("2019-01-02T24:00:00Z", 1546473600000), ("2019-01-02T24:00:01Z", None),
    ("+002019-01-01", 1546300800000), ("+000000-01-01T00:00:00Z", -62167219200000),
    ("-000001-01-01T00:00:00Z", -62198755200000),
    ("-271821-04-20T00:00:00Z", -8640000000000000), ("+275760-09-13T00:00:00Z", 8640000000000000),
    ("-271821-04-19T23:59:59.999Z", None), ("+275760-09-13T00:00:00.001Z", None),
    ("-271821-04-20", -8640000000000000), ("-271821-04-19T23:00-01:00", -8640000000000000),
    ("-271821-04-19T23:00", None),
    ("-000000-01-01T00:00:00Z", None), ("-000000-01-01T00:00:00.000+00:00", None),
    ("1970-01-01T00:00:00+23:59", -86340000), ("1970-01-01T00:00:00+24:00", None),
    ("1970-01", 0), ("1970-1", 0), ("2019-02-29", 1551398400000), ("2020-02-29", 1582934400000),
    ("2019-02-30", 1551484800000), ("2019-02-30T00:00", 1551484800000), ("2019-13-01", None),
    ("2019-01-01T12", None), ("2019-01-01T12:00:00,5Z", None), ("2019-01-01T12:00:00.Z", None),
    ("2019-01-01T12:00Z ", None), ("2019-01-01T", None), ("2019-01-01T10:00:00+01", None),
    ("2019-01-01T10:00:00+1:00", None), ("20190101T100000Z", None), ("T10:00", None),
    ("2019-01-01T10:20:30.5+01:00", 1546334430500),
    # Legacy forms, as V8 reads them (local time unless a zone is given).
    ("Tue Jan 01 2019 00:00:00 GMT+0100 (Central European Standard Time)", 1546297200000),
    ("Tue, 01 Jan 2019 00:00:00 GMT", 1546300800000),
    ("01 Jan 2019 00:00:00 +0000", 1546300800000),
    ("Thu, 01 Jan 1970 00:00:00 GMT+0100", -3600000),
    ("Jan 1, 2019", 1546300800000), ("January 1, 2019 10:00:00", 1546336800000),
    ("1/2/2019", 1546387200000), ("2019/01/02", 1546387200000), ("2019-1-2", 1546387200000),
    ("2019-01-02 10:00", 1546423200000), ("2019-1-2 10:00Z", 1546423200000),
    ("-000000-01-01", 978307200000), ("Jan 5", 978652800000), ("1/2", 978393600000),
    ("1 jan", 978307200000), ("197001", 6154583904000000), ("Tue Jan 01 2019", 1546300800000),
    ("Tuesday, January 1, 2019", 1546300800000), ("1 January 2019 10:00 UTC", 1546336800000),
    ("Jan 1 2019 10:00:00 PST", 1546365600000), ("Jan 1 2019 10:00:00 EST", 1546354800000),
    ("Jan 1 2019 10:00:00 UT", 1546336800000),
    ("Jan 1 2019 10:00:00 GMT-0800 (PST)", 1546365600000),
    ("Jan 1 2019 10:00:00 GMT+01:30", 1546331400000),
    ("Jan 1 2019 10:00:00 GMT+1", 1546333200000), ("Jan 1 2019 10:00:00 +01", 1546333200000),
    ("Jan 1 2019 10:00:00 +1", 1546333200000), ("Jan 1 2019 10:00:00 -12345", None),
    ("2019 Jan 1", 1546300800000), ("Jan 2019 1", 1546300800000), ("1 2019 Jan", 1546300800000),
    ("13/1/2019", None), ("1/32/2019", None), ("0/1/2019", None), ("2019/13/1", None),
    ("32/1/2019", None), ("100/1/2", -59011372800000), ("1/2/100", -59011372800000),
    ("Jan 32 2019", None), ("Feb 30 2019", 1551484800000), ("Jan 1 10000", 253402300800000),
    ("99/1/2", 915235200000), ("1/2/99", 915235200000), ("1/2/49", 2493158400000),
    ("1/2/50", -631065600000), ("12/31/1969 23:59:59.999", -1),
    ("Jan 1 2019 10:00 pm", 1546380000000), ("Jan 1 2019 12:00 am", 1546300800000),
    ("Jan 1 2019 10:00 am pm", 1546380000000), ("Jan 1 2019 13:00 pm", None),
    ("Jan 1 2019 0:00 am", 1546300800000), ("Jan 1 2019 12:30:45.678 PM", 1546345845678),
    ("Jan 1 2019 24:00", 1546387200000), ("Jan 1 2019 10:00:00.5", 1546336800500),
    ("Jan 1 2019 10::", 1546336800000), ("Jan 1 2019 10::30", 1546336830000),
    ("Jan 1 2019 10:20:30:40", 1546338030040), ("Jan 1 2019 10:20:30:400", 1546338030400),
    ("Jan 1 2019 10:20:30.", None), ("Jan 1 2019 10:20:30.x", None),
    ("foo 2019-01-01", 1546300800000), ("foo2019", None), ("abc 1/2/2019", 1546387200000),
    ("1/2/2019 abc", None), ("1/2/2019)", None), ("(1/2/2019)", None), ("(Jan 1 2019", None),
    ("1/2/2019 (comment)", 1546387200000), ("1/2/2019 (nested (x) ok)", 1546387200000),
    ("+1/2/2019", 1546387200000), ("-1/2/2019", 1546387200000), ("1/2/2019 +0100", None),
    ("1/2/2019 10:00 +0100", 1546419600000), ("1/2/2019 UTC+0100", 1546383600000),
    ("1/2/2019 UTC+01:30", 1546381800000), ("1/2/2019 Z", 1546387200000),
    ("1/2/2019 GMT", 1546387200000), ("1/2/2019 EDT", 1546401600000),
    (" 2019-01-01", 1546300800000), ("2019-01-01 ", 1546300800000),
    ("\u00a02019-01-01", 1546300800000), ("2019-01-01\u2028", None),
    ("Jan\u20281 2019", 1546300800000), ("mayday 1 2019", 1556668800000),
    ("june 1 2019", 1559347200000), ("Sept 1 2019", 1567296000000), ("ju 1 2019", None),
    ("2019\x00garbage", 1546300800000), ("Jan 1 2019\x00 foo", 1546300800000),
    # Not dates.
    ("", None), (" ", None), ("NaN", None), ("Invalid Date", None), ("Z", None),
    ("12:00", None), ("10 PM", None), ("10:00 PM", None), ("1 p.m.", None),
]


@pytest.mark.parametrize("text,expected", PARSE_CASES)
def test_parse(zone, text, expected):
    zone("UTC")
    got = parse(text)
    if expected is None:
        assert math.isnan(got)
    else:
        assert got == float(expected)


def test_parse_local_forms(zone):
    zone("Europe/Berlin")
    assert parse("2019-01-01") == 1546300800000.0             # date-only: UTC
    assert parse("2019-01-01T00:00") == 1546297200000.0       # date-time: local
    assert parse("2019-07-01T00:00") == 1561932000000.0
    assert parse("2019-1-2") == 1546383600000.0               # legacy: local
    assert parse("Jan 1 2019 GMT") == 1546300800000.0
    assert parse("Mon Jul 01 2019 15:05:07 GMT+0200 (Central European Summer Time)") == (
        1561986307000.0)


# ---------------------------------------------------------------------------
# Differential test against node.

DST_EDGES = [  # UTC instants of transitions in the zones under test
    1552201200000, 1572760800000,    # New York 2019
    1553994000000, 1572138000000,    # Berlin 2019
    1554562800000, 1570289400000,    # Lord Howe 2019 (30-minute DST)
    -1570084924000,                  # Lord Howe... and a pre-1970 instant
    -2422054408000,                  # Berlin: end of local mean time (1893)
    2147483647000, 2147483648000,    # V8's kMaxEpochTimeInMs edge
]


def differential_inputs() -> dict:
    rng = random.Random(20190101)
    times = [0, -1, 1, 8.64e15, -8.64e15, 8.64e15 - 1, -8.64e15 + 1, NAN]
    for year in (-271821, -10000, -1000, -101, -100, -1, 0, 1, 99, 100, 1000, 1582, 1600, 1800,
                 1893, 1900, 1940, 1969, 1970, 1971, 2000, 2019, 2037, 2038, 2100, 9999, 10000,
                 100000, 275759):
        start = date_utc(float(year), 0.0)
        times += [start, start - 1, date_utc(float(year), 6.0, 15.0, 12.0)]
    for edge in DST_EDGES:
        times += [edge + d for d in (-3600001, -1, 0, 1, 1800000, 3600000)]
    times += [rng.randint(-8_640_000_000_000_000, 8_640_000_000_000_000) for _ in range(150)]
    times += [rng.randint(-2_500_000_000_000, 4_200_000_000_000) for _ in range(150)]
    times = [float(t) for t in times]

    strings = [text for text, _ in PARSE_CASES]
    strings += ["2019-03-10T02:30", "2019-11-03T01:30", "2019-03-31T02:30", "2019-10-27T02:30",
                "2019-10-06T02:15", "2019-04-07T01:45", "1800-01-01T00:00", "1969-12-31T23:59",
                "2019-01-01T00:00", "2019-07-01T00:00", "Mar 10 2019 02:30", "Nov 3 2019 1:30 AM",
                "-001000-06-01T12:00", "+100000-06-01T12:00", "Jul 1 2019 12:00:00 GMT+0530"]
    for t in times[:40] + times[-40:]:
        if math.isfinite(t):
            strings += [to_utc_string(t), to_iso_string(t)]
    # Random strings of date-ish pieces, to exercise the legacy rules.
    atoms = ["Jan", "February", "mar", "Sept", "dec", "Mon", "Tuesday", "am", "PM", "UT", "UTC",
             "GMT", "Z", "z", "EST", "pdt", "T", "t", "foo", "1", "2", "12", "13", "24", "31",
             "32", "59", "60", "99", "100", "2019", "0", "00", "01", "0001", "1970", "275760",
             "999", "123456", "0100", "0530", ":", "::", ".", "-", "+", "/", ",", " ", " ", " ",
             "(", ")", "(x)", "\t", "\u00a0"]
    strings += ["".join(rng.choice(atoms) for _ in range(rng.randint(1, 9))) for _ in range(300)]

    ctor_args = [
        [2019, 0], [2019, 0, 1], [2019, 11, 31, 23, 59, 59, 999], [2019, 12], [2019, -1],
        [2019, 1, 29], [2020, 1, 29], [0, 0], [99, 11, 31], [100, 0], [-1, 0], [-0.5, 0],
        [1.9, 1.9, 1.9, 1.9, 1.9, 1.9, 1.9], [-1.9, -1.9, -1.9, -1.9, -1.9, -1.9, -1.9],
        [275760, 8, 13], [275760, 8, 13, 0, 0, 0, 1], [275760, 8, 12, 23, 59], [-271821, 3, 20],
        [-271821, 3, 19, 23, 59, 59, 999], [-271821, 3, 20, 12], [1e6, -1e7], [1e6 + 1, 0],
        [2019, 1e7 + 1], [2019, 0, 1e10], [1970, 0, 1, 80063993375, 29, 1, -288230376151711740],
        [1970, 0, 213503982336, 0, 0, 0, -18446744073709552000], [2019, 0, 1, 25, 61, 61, 1001],
        ["NaN", 0], [2019, "NaN"], [2019, 0, "Infinity"], ["-Infinity", 0], [2019, 0, 1, "NaN"],
        [2019, 2, 10, 2, 30], [2019, 10, 3, 1, 30], [2019, 2, 31, 2, 30], [2019, 9, 27, 2, 30],
        [2019, 9, 6, 2, 15], [2019, 3, 7, 1, 45], [2019, 3, 7, 1, 15], [2019, 9, 6, 1, 59],
        [1800, 0, 1], [1893, 3, 1], [1941, 5, 1], [1969, 11, 31, 23, 59, 59, 999],
        [2038, 0, 19, 3, 14, 8], [100000, 6, 1], [-100000, 6, 1], [1, 0], [-1000, 0, 1],
    ]
    for _ in range(60):
        ctor_args.append([rng.randint(-3000, 5000), rng.randint(-30, 30), rng.randint(-40, 70),
                          rng.randint(-30, 50), rng.randint(-100, 100), rng.randint(-100, 100),
                          rng.randint(-2000, 2000)])
    ctor_args = [[str(a) if isinstance(a, str) else a for a in args] for args in ctor_args]
    return {"zones": ZONES, "times": [js_number(t) for t in times], "strings": strings,
            "ctor": [[a if isinstance(a, str) else js_number(float(a)) for a in args]
                     for args in ctor_args]}


NODE_SCRIPT = r"""
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const out = {};
const str = (x) => String(x);
for (const zone of input.zones) {
  process.env.TZ = zone;
  const times = input.times.map((t) => {
    const d = new Date(Number(t));
    let iso;
    try { iso = d.toISOString(); } catch (e) { iso = e.name; }
    return [d.toString(), d.toDateString(), d.toTimeString(), iso, d.toUTCString(),
            d.toLocaleString('en-US'), d.toLocaleDateString('en-US'),
            d.toLocaleTimeString('en-US'),
            [d.getFullYear(), d.getMonth(), d.getDate(), d.getDay(), d.getHours(),
             d.getMinutes(), d.getSeconds(), d.getMilliseconds(), d.getTimezoneOffset(),
             d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCDay(),
             d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(),
             d.getUTCMilliseconds()].map(str).join(' ')];
  });
  const parsed = input.strings.map((s) => str(Date.parse(s)));
  const ctor = input.ctor.map((a) => {
    const n = a.map(Number);
    return [str(Date.UTC(...n)), str(new Date(...n).getTime())];
  });
  out[zone] = {times, parsed, ctor};
}
process.stdout.write(JSON.stringify(out));
"""


@pytest.fixture(scope="module")
def node_run():
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    inputs = differential_inputs()
    proc = subprocess.run([node, "-e", NODE_SCRIPT], input=json.dumps(inputs),
                          capture_output=True, text=True, timeout=120, check=True)
    return inputs, json.loads(proc.stdout)


def python_time_row(t: float) -> list:
    try:
        iso = to_iso_string(t)
    except ValueError:
        iso = "RangeError"
    lt = local_time(t)
    getters = [year_from_time(lt), month_from_time(lt), date_from_time(lt), week_day(lt),
               hour_from_time(lt), min_from_time(lt), sec_from_time(lt), ms_from_time(lt),
               timezone_offset(t), year_from_time(t), month_from_time(t), date_from_time(t),
               week_day(t), hour_from_time(t), min_from_time(t), sec_from_time(t),
               ms_from_time(t)]
    return [to_string(t), to_date_string(t), to_time_string(t), iso, to_utc_string(t),
            to_locale_string(t), to_locale_date_string(t), to_locale_time_string(t),
            " ".join(js_number(g) for g in getters)]


def report(mismatches: list) -> str:
    return f"{len(mismatches)} mismatches, first ones:\n" + "\n".join(
        repr(m) for m in mismatches[:15])


@pytest.mark.node
@pytest.mark.parametrize("zone_name", ZONES)
def test_node_times(node_run, zone, zone_name):
    inputs, results = node_run
    zone(zone_name)
    mismatches = []
    for t_text, expected in zip(inputs["times"], results[zone_name]["times"]):
        got = python_time_row(float(t_text))
        if got != expected:
            mismatches.append((t_text, [(g, e) for g, e in zip(got, expected) if g != e]))
    assert not mismatches, report(mismatches)


@pytest.mark.node
@pytest.mark.parametrize("zone_name", ZONES)
def test_node_parse(node_run, zone, zone_name):
    inputs, results = node_run
    zone(zone_name)
    mismatches = []
    for text, expected in zip(inputs["strings"], results[zone_name]["parsed"]):
        got = js_number(parse(text))
        if got != expected:
            mismatches.append((text, got, expected))
    assert not mismatches, report(mismatches)


@pytest.mark.node
@pytest.mark.parametrize("zone_name", ZONES)
def test_node_construct(node_run, zone, zone_name):
    inputs, results = node_run
    zone(zone_name)
    mismatches = []
    for args, expected in zip(inputs["ctor"], results[zone_name]["ctor"]):
        numbers = [float(a) for a in args]
        got = [js_number(date_utc(*numbers)), js_number(date_local(*numbers))]
        if got != expected:
            mismatches.append((args, got, expected))
    assert not mismatches, report(mismatches)


def test_iso_fast_path_agrees_with_parser():
    """parse() reads valid ISO strings directly; the result must be what the
    general (V8) parser gives."""
    rng = random.Random(3)
    pieces = [
        ["2019", "0000", "9999", "+002019", "-000001", "-000000", "+275760", "12345", "201"],
        ["", "-01", "-12", "-00", "-13", "-1"],
        ["", "-01", "-31", "-00", "-32", "-7"],
        ["", "T00:00", "T23:59", "T24:00", "T24:01", "t12:34", "T12:60", "T1:00", " 12:00"],
        ["", ":00", ":59", ":60", ":5"],
        ["", ".0", ".5", ".123", ".0001", ".1234567891", ".", ".000"],
        ["", "Z", "z", "+01:00", "-23:59", "+24:00", "+0130", "+01", "+1:00", " Z"],
    ]
    for _ in range(5000):
        text = "".join(rng.choice(options) for options in pieces)
        fast = dates._iso_fields(text)
        if fast is not None:
            assert fast == dates._DateParser(dates._tokenize(text)).parse(), text
