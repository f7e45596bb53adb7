"""Tests for jsrt.runtime.numconv: case tables plus a differential run against node."""

from __future__ import annotations

import json
import math
import random
import shutil
import struct
import subprocess
import sys
import timeit
import unicodedata
from fractions import Fraction

import pytest

from jsrt.runtime.numconv import (
    JS_WHITESPACE,
    canonical_numeric_index,
    is_array_index,
    number_to_key,
    number_to_string,
    parse_float,
    parse_int,
    string_to_number,
    to_exponential,
    to_fixed,
    to_int8,
    to_int16,
    to_int32,
    to_integer_or_infinity,
    to_length,
    to_precision,
    to_uint8,
    to_uint8_clamp,
    to_uint16,
    to_uint32,
)

NAN = math.nan
INF = math.inf


def bits(x: float) -> str:
    return struct.pack(">d", x).hex()


def from_bits(h: str) -> float:
    return struct.unpack(">d", bytes.fromhex(h))[0]


def same_number(a: float, b: float) -> bool:
    """SameValue for Numbers: NaN equals NaN, -0 differs from +0."""
    if a != a:
        return b != b
    return a == b and math.copysign(1.0, a) == math.copysign(1.0, b)


# ---------------------------------------------------------------------------
# Tables


NUMBER_TO_STRING = [
    (0.0, "0"), (-0.0, "0"), (NAN, "NaN"), (INF, "Infinity"), (-INF, "-Infinity"),
    (1.0, "1"), (-1.0, "-1"), (1.5, "1.5"), (-1.5, "-1.5"), (0.1, "0.1"),
    (0.1 + 0.2, "0.30000000000000004"), (123.456, "123.456"), (100.0, "100"),
    (1e21, "1e+21"), (-1e21, "-1e+21"), (1e20, "100000000000000000000"),
    (123456789012345680000.0, "123456789012345680000"),
    (1e-7, "1e-7"), (1.5e-7, "1.5e-7"), (0.000001, "0.000001"), (0.0000015, "0.0000015"),
    (123e-20, "1.23e-18"), (1e16, "10000000000000000"), (2.0 ** 53, "9007199254740992"),
    (2.0 ** 60, "1152921504606847000"), (1e300, "1e+300"),
    (5e-324, "5e-324"), (-5e-324, "-5e-324"), (1.7976931348623157e308, "1.7976931348623157e+308"),
    (2.2250738585072014e-308, "2.2250738585072014e-308"), (0.0001, "0.0001"), (1e-5, "0.00001"),
    (4294967295.0, "4294967295"), (-2147483648.0, "-2147483648"), (1.2e21, "1.2e+21"),
]

RADIX = [
    (0.5, 2, "0.1"), (255.0, 16, "ff"), (-255.5, 16, "-ff.8"), (-255.0, 2, "-11111111"),
    (0.1, 3, "0.0022002200220022002200220022002201"), (1e21, 36, "5v1j4f4ds7c000"),
    (math.pi, 7, "3.066365143203613411"), (0.0, 2, "0"), (-0.0, 36, "0"), (35.0, 36, "z"),
    (NAN, 2, "NaN"), (INF, 16, "Infinity"), (-INF, 16, "-Infinity"),
    (2.0 ** 60, 7, "2031000661631341064200"), (-1e-7, 36, "-0.000061oezo085tl"),
    (0.1, 2, "0.0001100110011001100110011001100110011001100110011001101"),
]

TO_FIXED = [
    (1.005, 2, "1.00"), (1.45, 1, "1.4"), (0.5, 0, "1"), (1.5, 0, "2"), (2.5, 0, "3"),
    (-2.5, 0, "-3"), (1e21, 2, "1e+21"), (-1e21, 2, "-1e+21"), (-1.5e-10, 3, "-0.000"),
    (-0.0, 2, "0.00"), (0.0, 0, "0"), (NAN, 2, "NaN"), (-INF, 2, "-Infinity"),
    (123.456, 2, "123.46"), (0.000001, 7, "0.0000010"), (1e20, 2, "100000000000000000000.00"),
    (1.25, 1, "1.3"), (1.35, 1, "1.4"), (8.345, 2, "8.35"), (10.235, 2, "10.23"),
    (0.1, 20, "0.10000000000000000555"),
    (5e-324, 100, "0." + "0" * 100), (1.0, 100, "1." + "0" * 100),
    (0.1, 100, "0.1000000000000000055511151231257827021181583404541015625" + "0" * 45),
]

TO_EXPONENTIAL = [
    (123.456, None, "1.23456e+2"), (0.0, None, "0e+0"), (-0.0, None, "0e+0"), (0.0, 2, "0.00e+0"),
    (1.0, None, "1e+0"), (1.0, 2, "1.00e+0"), (123456.0, 2, "1.23e+5"), (0.00015, 1, "1.5e-4"),
    (1.25, 1, "1.3e+0"), (1.35, 1, "1.4e+0"), (-1.5e-10, 0, "-1e-10"), (9.95, 1, "9.9e+0"),
    (9.96, 1, "1.0e+1"), (NAN, 1, "NaN"), (INF, None, "Infinity"), (5e-324, None, "5e-324"),
    (5e-324, 3, "4.941e-324"), (1e21, None, "1e+21"), (1.7976931348623157e308, 0, "2e+308"),
]

TO_PRECISION = [
    (0.0, 3, "0.00"), (0.0, 1, "0"), (-0.0, 4, "0.000"), (25.0, 1, "3e+1"), (1.25, 2, "1.3"),
    (1.35, 2, "1.4"), (123.0, 2, "1.2e+2"), (123.0, 3, "123"), (123.0, 4, "123.0"),
    (0.000001, 2, "0.0000010"), (1e-7, 2, "1.0e-7"), (1e-7, 1, "1e-7"), (0.999, 1, "1"),
    (0.999, 2, "1.0"), (0.999, 3, "0.999"), (7.0, 21, "7.00000000000000000000"),
    (-7.0, 1, "-7"), (1e21, 3, "1.00e+21"), (123456.0, 6, "123456"), (123456.0, 5, "1.2346e+5"),
    (NAN, 3, "NaN"), (-INF, 3, "-Infinity"),
]

STRING_TO_NUMBER = [
    ("", 0.0), ("   ", 0.0), ("\t\n\v\f\r \u00a0\ufeff\u2028\u2029\u3000", 0.0),
    ("0", 0.0), ("-0", -0.0), ("+0", 0.0), ("42", 42.0), ("  42  ", 42.0), ("-42", -42.0),
    (".5", 0.5), ("5.", 5.0), ("-.5e1", -5.0), ("1e5", 1e5), ("1E+5", 1e5), ("1e-5", 1e-5),
    ("00012", 12.0), ("0x1F", 31.0), ("0X1f", 31.0), ("0o17", 15.0), ("0b101", 5.0),
    ("-0x10", NAN), ("+0x10", NAN), ("0x", NAN), ("0xg", NAN), ("0b2", NAN), ("0o8", NAN),
    ("Infinity", INF), ("+Infinity", INF), ("-Infinity", -INF), ("  Infinity\n", INF),
    ("infinity", NAN), ("inf", NAN), ("nan", NAN), ("NaN", NAN), ("1_000", NAN),
    ("0x1_0", NAN), ("0x1p3", NAN), (".", NAN), ("e5", NAN), ("1e", NAN), ("1e+", NAN),
    ("1 2", NAN), ("12abc", NAN), ("\u0661\u0662", NAN), ("\uff11", NAN), ("\x1c1", NAN),
    ("1\x85", NAN), ("\u180e1", NAN), ("\u200b1", NAN), ("1e1000", INF), ("-1e1000", -INF),
    ("1e-1000", 0.0), ("-1e-1000", -0.0), ("0x" + "f" * 300, INF),
    ("9007199254740993", 9007199254740992.0), ("0x20000000000001", 9007199254740992.0),
    ("0x20000000000003", 9007199254740996.0),
    ("1.7976931348623158e308", 1.7976931348623157e308), ("1.7976931348623159e308", INF),
    ("++1", NAN), ("--1", NAN), ("- 1", NAN),
]

PARSE_INT = [
    ("42", 0, 42.0), ("  42px", 0, 42.0), ("-42", 0, -42.0), ("+42", 0, 42.0), ("-0", 0, -0.0),
    ("0x1F", 0, 31.0), ("0x1F", 16, 31.0), ("-0x1F", 0, -31.0), ("0x1F", 10, 0.0), ("0x", 0, NAN),
    ("0x", 16, NAN), ("ff", 16, 255.0), ("FF", 16, 255.0), ("z", 36, 35.0), ("Z", 36, 35.0),
    ("10", 2, 2.0), ("2", 2, NAN), ("10", 1, NAN), ("10", 37, NAN), ("10", -1, NAN),
    ("10", 4294967312.0, 16.0), ("10", 10.9, 10.0), ("", 0, NAN), ("   ", 0, NAN), ("-", 0, NAN),
    ("1e3", 0, 1.0), ("0.9", 0, 0.0), ("\u00a0\ufeff12", 0, 12.0), ("\u0661", 0, NAN),
    ("1_000", 0, 1.0), ("0b11", 0, 0.0), ("0o11", 0, 0.0), ("Infinity", 0, NAN),
    ("9007199254740993", 0, 9007199254740992.0), ("1" * 400, 0, INF), ("0" * 5000 + "7", 10, 7.0),
    ("0" * 5000 + "7", 7, 0.0), ("0" * 5000 + "6", 7, 6.0), ("z" * 5000, 36, INF),
    ("-" + "1" * 2000, 2, -INF),
]

PARSE_FLOAT = [
    ("3.14", 3.14), ("  3.14abc", 3.14), ("-.5", -0.5), (".e1", NAN), (".", NAN), ("1e", 1.0),
    ("1e+", 1.0), ("1.5e3x", 1500.0), ("-0", -0.0), ("Infinityx", INF), ("-Infinity", -INF),
    ("+Infinity", INF), ("infinity", NAN), ("0x10", 0.0), ("1_5", 1.0), ("", NAN), ("\n\t7", 7.0),
    ("\u0661", NAN), ("5.", 5.0), ("1e1000", INF), ("--1", NAN),
]


@pytest.mark.parametrize("x, expected", NUMBER_TO_STRING)
def test_number_to_string(x, expected):
    assert number_to_string(x) == expected
    assert number_to_key(x) == expected


@pytest.mark.parametrize("x, radix, expected", RADIX)
def test_number_to_string_radix(x, radix, expected):
    assert number_to_string(x, radix) == expected


@pytest.mark.parametrize("radix", [0, 1, 37, -10])
def test_number_to_string_bad_radix(radix):
    with pytest.raises(ValueError):
        number_to_string(1.0, radix)


@pytest.mark.parametrize("x, fd, expected", TO_FIXED)
def test_to_fixed(x, fd, expected):
    assert to_fixed(x, fd) == expected


@pytest.mark.parametrize("x, fd, expected", TO_EXPONENTIAL)
def test_to_exponential(x, fd, expected):
    assert to_exponential(x, fd) == expected


@pytest.mark.parametrize("x, p, expected", TO_PRECISION)
def test_to_precision(x, p, expected):
    assert to_precision(x, p) == expected


def test_digit_arguments_out_of_range():
    for call in (lambda: to_fixed(1.0, -1), lambda: to_fixed(1.0, 101),
                 lambda: to_exponential(1.0, -1), lambda: to_exponential(1.0, 101),
                 lambda: to_precision(1.0, 0), lambda: to_precision(1.0, 101)):
        with pytest.raises(ValueError):
            call()


@pytest.mark.parametrize("s, expected", STRING_TO_NUMBER)
def test_string_to_number(s, expected):
    assert same_number(string_to_number(s), expected), s


@pytest.mark.parametrize("s, radix, expected", PARSE_INT)
def test_parse_int(s, radix, expected):
    assert same_number(parse_int(s, radix), expected), (s[:40], radix)


@pytest.mark.parametrize("s, expected", PARSE_FLOAT)
def test_parse_float(s, expected):
    assert same_number(parse_float(s), expected), s


def test_whitespace_set_is_whitespace_and_line_terminators():
    zs = {chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Zs"}
    expected = zs | set("\t\v\f\ufeff\n\r\u2028\u2029")
    assert set(JS_WHITESPACE) == expected
    assert len(JS_WHITESPACE) == len(expected)


INT_CONVERSIONS = [
    # x, int32, uint32, int16, uint16, int8, uint8, uint8clamp
    (0.0, 0, 0, 0, 0, 0, 0, 0),
    (-0.0, 0, 0, 0, 0, 0, 0, 0),
    (NAN, 0, 0, 0, 0, 0, 0, 0),
    (INF, 0, 0, 0, 0, 0, 0, 255),
    (-INF, 0, 0, 0, 0, 0, 0, 0),
    (1.9, 1, 1, 1, 1, 1, 1, 2),
    (-1.9, -1, 4294967295, -1, 65535, -1, 255, 0),
    (0.5, 0, 0, 0, 0, 0, 0, 0),
    (1.5, 1, 1, 1, 1, 1, 1, 2),
    (2.5, 2, 2, 2, 2, 2, 2, 2),
    (254.5, 254, 254, 254, 254, -2, 254, 254),
    (255.5, 255, 255, 255, 255, -1, 255, 255),
    (300.0, 300, 300, 300, 300, 44, 44, 255),
    (2147483648.0, -2147483648, 2147483648, 0, 0, 0, 0, 255),
    (4294967296.0, 0, 0, 0, 0, 0, 0, 255),
    (4294967297.5, 1, 1, 1, 1, 1, 1, 255),
    (-2147483649.0, 2147483647, 2147483647, -1, 65535, -1, 255, 0),
    (32768.0, 32768, 32768, -32768, 32768, 0, 0, 255),
    (1e20, 1661992960, 1661992960, 0, 0, 0, 0, 255),
    (-1e20, -1661992960, 2632974336, 0, 0, 0, 0, 0),
    (1.7976931348623157e308, 0, 0, 0, 0, 0, 0, 255),
]


@pytest.mark.parametrize("row", INT_CONVERSIONS)
def test_integer_conversions(row):
    x = row[0]
    got = (to_int32(x), to_uint32(x), to_int16(x), to_uint16(x), to_int8(x), to_uint8(x),
           to_uint8_clamp(x))
    assert got == row[1:]
    assert all(type(v) is int for v in got)


def test_to_integer_or_infinity_and_to_length():
    assert to_integer_or_infinity(NAN) == 0
    assert to_integer_or_infinity(-0.0) == 0
    assert to_integer_or_infinity(-1.9) == -1
    assert to_integer_or_infinity(1e300) == int(1e300)
    assert to_integer_or_infinity(INF) == INF
    assert to_integer_or_infinity(-INF) == -INF
    assert type(to_integer_or_infinity(3.7)) is int
    assert [to_length(x) for x in (NAN, -1.0, -0.0, 0.9, 1.9, 2.0 ** 53, INF, -INF, 1e300)] == [
        0, 0, 0, 0, 1, 2 ** 53 - 1, 2 ** 53 - 1, 0, 2 ** 53 - 1]


@pytest.mark.parametrize("s, expected", [
    ("0", 0), ("1", 1), ("4294967294", 4294967294), ("4294967295", -1), ("4294967296", -1),
    ("01", -1), ("00", -1), ("-0", -1), ("-1", -1), ("+1", -1), ("1.0", -1), ("", -1),
    (" 1", -1), ("1e3", -1), ("\u0661", -1), ("\u00b2", -1), ("99999999999", -1), ("abc", -1),
])
def test_is_array_index(s, expected):
    assert is_array_index(s) == expected


@pytest.mark.parametrize("s, expected", [
    ("-0", -0.0), ("0", 0.0), ("1", 1.0), ("-1", -1.0), ("1.5", 1.5), ("NaN", NAN),
    ("Infinity", INF), ("-Infinity", -INF), ("1e+21", 1e21), ("1e-7", 1e-7),
    ("01", None), ("1.0", None), ("+1", None), ("", None), (" 1", None), ("0x10", None),
    ("1e21", None), ("foo", None), ("-0.0", None), ("4294967295", 4294967295.0),
])
def test_canonical_numeric_index(s, expected):
    got = canonical_numeric_index(s)
    if expected is None:
        assert got is None
    else:
        assert got is not None and same_number(got, expected)


def test_number_to_string_round_trips():
    rng = random.Random(7)
    for _ in range(20000):
        x = from_bits("%016x" % rng.getrandbits(64))
        s = number_to_string(x)
        y = string_to_number(s)
        if x != x:
            assert s == "NaN"
        else:
            assert y == x and (x != 0 or s == "0"), (x, s)


def test_number_to_string_speed_report(capsys):
    """Prints per-call times; never asserts on them (house style)."""
    cases = {"int": 12345.0, "fraction": 123.456, "small": 1.5e-7, "large": 1.5e300}
    with capsys.disabled():
        for name, x in cases.items():
            n = 20000
            t = timeit.timeit(lambda: number_to_string(x), number=n) / n
            print("\nnumber_to_string(%s=%r): %.2f us" % (name, x, t * 1e6), end="")


# ---------------------------------------------------------------------------
# Differential test against node


NODE = shutil.which("node")

_NODE_SCRIPT = r"""
const fs = require("fs");
const D = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const dv = new DataView(new ArrayBuffer(8));
function f64(h) { dv.setBigUint64(0, BigInt("0x" + h)); return dv.getFloat64(0); }
function hex(x) { dv.setFloat64(0, x); return dv.getBigUint64(0).toString(16).padStart(16, "0"); }
const xs = D.nums.map(f64);
const i16 = new Int16Array(1), u16 = new Uint16Array(1), i8 = new Int8Array(1),
      u8 = new Uint8Array(1), u8c = new Uint8ClampedArray(1);
const out = {
  str: xs.map(x => String(x)),
  ints: xs.map(x => {
    i16[0] = x; u16[0] = x; i8[0] = x; u8[0] = x; u8c[0] = x;
    return [x | 0, x >>> 0, i16[0], u16[0], i8[0], u8[0], u8c[0]];
  }),
  radix: D.radix.map(([i, r]) => xs[i].toString(r)),
  fixed: D.fixed.map(([i, d]) => xs[i].toFixed(d)),
  exp: D.exp.map(([i, d]) => d === null ? xs[i].toExponential() : xs[i].toExponential(d)),
  prec: D.prec.map(([i, p]) => xs[i].toPrecision(p)),
  number: D.strings.map(s => hex(Number(s))),
  pfloat: D.strings.map(s => hex(parseFloat(s))),
  pint: D.pint.map(([j, r]) =>
    hex(r === null ? parseInt(D.strings[j]) : parseInt(D.strings[j], r))),
};
process.stdout.write(JSON.stringify(out));
"""

_WS = list(JS_WHITESPACE)
_NOT_WS = ["\x1c", "\x85", "\u180e", "\u200b", "x"]


def _make_numbers(rng: random.Random) -> list[float]:
    xs: list[float] = [0.0, -0.0, NAN, INF, -INF, 5e-324, -5e-324, 1.7976931348623157e308,
                       2.2250738585072014e-308, 1e21, 1e-7, 1e-6, 0.5, 1.005, 1.45, 2.5, -2.5]
    for b in (1e21, 1e-7, 1e-6, 2.0 ** 53, 2.0 ** 31, 2.0 ** 32, 1.0, 10.0, 0.1):
        xs += [math.nextafter(b, INF), math.nextafter(b, -INF), -b]
    # Random bit patterns over the whole range.
    for _ in range(1200):
        xs.append(from_bits("%016x" % rng.getrandbits(64)))
    # Random mantissas with moderate exponents (where toFixed has work to do).
    for _ in range(1200):
        e = rng.randint(1023 - 45, 1023 + 75)
        u = (rng.getrandbits(1) << 63) | (e << 52) | rng.getrandbits(52)
        xs.append(struct.unpack(">d", u.to_bytes(8, "big"))[0])
    # Subnormals.
    for _ in range(100):
        xs.append(struct.unpack(">d", rng.getrandbits(52).to_bytes(8, "big"))[0])
    # Small integers and integer boundaries.
    xs += [float(i) for i in range(-40, 41)]
    xs += [float(rng.randint(-10 ** 6, 10 ** 6)) for _ in range(150)]
    xs += [float(rng.randint(-2 ** 60, 2 ** 60)) for _ in range(100)]
    xs += [float(s * (2 ** k + d)) for k in (7, 8, 15, 16, 31, 32, 53, 64) for d in (-1, 0, 1)
           for s in (1, -1)]
    # Powers of two and ten.
    xs += [math.ldexp(1.0, k) for k in range(-1074, 1024, 7)]
    xs += [float("1e%d" % k) for k in range(-323, 309, 3)]
    # Decimal-looking values, many of them ties in decimal notation.
    for _ in range(600):
        d = rng.randint(0, 8)
        xs.append(rng.randint(-10 ** 7, 10 ** 7) / 10 ** d)
    for _ in range(300):
        d = rng.randint(1, 6)
        xs.append(float("%d.%s5" % (rng.randint(0, 999), "".join(rng.choice("0123456789")
                                                                 for _ in range(d - 1)))))
    return xs


def _make_strings(rng: random.Random, xs: list[float]) -> list[str]:
    strings = [s for s, _ in STRING_TO_NUMBER] + [s for s, _ in PARSE_FLOAT]
    strings += [s for s, _, _ in PARSE_INT if len(s) < 500]
    for x in rng.sample(xs, 600):
        strings.append(number_to_string(x))
    for x in rng.sample(xs, 200):
        if math.isfinite(x):
            strings.append(to_exponential(x, rng.randint(17, 40)))   # rounding of long inputs
            strings.append(to_fixed(x, rng.randint(0, 30)))
    for _ in range(200):
        core = number_to_string(rng.choice(xs))
        strings.append("".join(rng.choices(_WS, k=rng.randint(0, 3))) + core
                       + "".join(rng.choices(_WS, k=rng.randint(0, 3))))
        junk = rng.choice(_NOT_WS)
        strings.append(junk + core if rng.random() < 0.5 else core + junk)
    for _ in range(200):
        prefix = rng.choice(["0x", "0X", "0o", "0O", "0b", "0B", "-0x", "+0x", "0x", ""])
        alphabet = rng.choice(["0123456789abcdefABCDEF", "01234567", "01", "0123456789",
                               "0123456789abcdefghijklmnopqrstuvwxyzXYZ", "0123456789.e+-_"])
        body = "".join(rng.choices(alphabet, k=rng.choice([0, 1, 2, 5, 13, 14, 15, 20, 40, 300])))
        strings.append(prefix + body)
    # Decimal strings right at halfway points between doubles.
    for _ in range(100):
        x = abs(rng.choice(xs))
        if math.isfinite(x) and x > 0:
            up = math.nextafter(x, INF)
            if math.isfinite(up):
                mid = (Fraction(x) + Fraction(up)) / 2
                strings.append(_fraction_to_decimal(mid))
    return strings


def _fraction_to_decimal(f) -> str:
    """The exact decimal expansion of a dyadic Fraction, as a StrDecimalLiteral."""
    num, den = f.numerator, f.denominator
    k = den.bit_length() - 1          # den == 2**k
    digits = str(num * 5 ** k)
    if k == 0:
        return digits
    return digits + "e-" + str(k)


@pytest.fixture(scope="module")
def node_diff(tmp_path_factory):
    if NODE is None:
        pytest.skip("node is not installed")
    rng = random.Random(20240601)
    xs = _make_numbers(rng)
    n = len(xs)
    radices = [r for r in range(2, 37) if r != 10]
    radix_cases = []
    for i in range(n):
        for r in {rng.choice(radices), rng.choice((2, 16, 36, 3, 7))}:
            radix_cases.append([i, r])
    fixed_cases = [[i, rng.choice([0, 1, 2, 3, rng.randint(0, 25), rng.randint(0, 100)])]
                   for i in range(n)]
    exp_cases = [[i, None] for i in range(n)]
    exp_cases += [[i, rng.choice([0, 1, 2, rng.randint(0, 25), rng.randint(0, 100)])]
                  for i in range(n)]
    prec_cases = [[i, rng.choice([1, 2, 3, rng.randint(1, 25), rng.randint(1, 100)])]
                  for i in range(n)]
    strings = _make_strings(rng, xs)
    pint_cases = []
    for j, s in enumerate(strings):
        pint_cases.append([j, None])
        pint_cases.append([j, rng.choice([0, 2, 8, 10, 16, 36, 1, 37, rng.randint(2, 36)])])
    for _ in range(300):
        r = rng.randint(2, 36)
        body = "".join(rng.choices("0123456789abcdefghijklmnopqrstuvwxyz"[:r] + "Z.",
                                   k=rng.choice([1, 5, 11, 20, 40, 300])))
        strings.append(rng.choice(["", "-", " +", "\u3000"]) + body)
        pint_cases.append([len(strings) - 1, r])
    data = {
        "nums": [bits(x) for x in xs], "radix": radix_cases, "fixed": fixed_cases,
        "exp": exp_cases, "prec": prec_cases, "strings": strings, "pint": pint_cases,
    }
    d = tmp_path_factory.mktemp("numconv")
    (d / "data.json").write_text(json.dumps(data), encoding="utf-8")
    (d / "run.js").write_text(_NODE_SCRIPT, encoding="utf-8")
    proc = subprocess.run([NODE, str(d / "run.js"), str(d / "data.json")],
                          capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")
    out = json.loads(proc.stdout)
    expected_lengths = {"str": n, "ints": n, "radix": len(radix_cases), "fixed": n,
                        "exp": len(exp_cases), "prec": n, "number": len(strings),
                        "pfloat": len(strings), "pint": len(pint_cases)}
    assert {k: len(v) for k, v in out.items()} == expected_lengths
    return xs, data, out


def _report(mismatches: list) -> str:
    return "%d mismatches, first ones:\n%s" % (
        len(mismatches), "\n".join(repr(m) for m in mismatches[:15]))


@pytest.mark.node
def test_node_string(node_diff):
    xs, _, out = node_diff
    bad = [(x, got, want) for x, want in zip(xs, out["str"])
           if (got := number_to_string(x)) != want or number_to_key(x) != want]
    assert not bad, _report(bad)


@pytest.mark.node
def test_node_integer_conversions(node_diff):
    xs, _, out = node_diff
    bad = []
    for x, want in zip(xs, out["ints"]):
        got = [to_int32(x), to_uint32(x), to_int16(x), to_uint16(x), to_int8(x), to_uint8(x),
               to_uint8_clamp(x)]
        if got != want:
            bad.append((x, got, want))
    assert not bad, _report(bad)


@pytest.mark.node
def test_node_radix(node_diff):
    xs, data, out = node_diff
    bad = [(xs[i], r, got, want) for (i, r), want in zip(data["radix"], out["radix"])
           if (got := number_to_string(xs[i], r)) != want]
    assert not bad, _report(bad)


@pytest.mark.node
def test_node_to_fixed(node_diff):
    xs, data, out = node_diff
    bad = [(xs[i], d, got, want) for (i, d), want in zip(data["fixed"], out["fixed"])
           if (got := to_fixed(xs[i], d)) != want]
    assert not bad, _report(bad)


@pytest.mark.node
def test_node_to_exponential(node_diff):
    xs, data, out = node_diff
    bad = [(xs[i], d, got, want) for (i, d), want in zip(data["exp"], out["exp"])
           if (got := to_exponential(xs[i], d)) != want]
    assert not bad, _report(bad)


@pytest.mark.node
def test_node_to_precision(node_diff):
    xs, data, out = node_diff
    bad = [(xs[i], p, got, want) for (i, p), want in zip(data["prec"], out["prec"])
           if (got := to_precision(xs[i], p)) != want]
    assert not bad, _report(bad)


@pytest.mark.node
def test_node_string_to_number(node_diff):
    _, data, out = node_diff
    bad = [(s[:60], got, from_bits(want)) for s, want in zip(data["strings"], out["number"])
           if not same_number(got := string_to_number(s), from_bits(want))]
    assert not bad, _report(bad)


@pytest.mark.node
def test_node_parse_float(node_diff):
    _, data, out = node_diff
    bad = [(s[:60], got, from_bits(want)) for s, want in zip(data["strings"], out["pfloat"])
           if not same_number(got := parse_float(s), from_bits(want))]
    assert not bad, _report(bad)


@pytest.mark.node
def test_node_parse_int(node_diff):
    _, data, out = node_diff
    bad = []
    for (j, r), want_bits in zip(data["pint"], out["pint"]):
        s = data["strings"][j]
        got = parse_int(s, 0 if r is None else r)
        want = from_bits(want_bits)
        if same_number(got, want):
            continue
        # The spec lets radices other than 2, 4, 8, 10, 16, 32 approximate values
        # >= 2**53 (V8 accumulates in doubles); numconv stays exact there.
        if r not in (None, 0, 2, 4, 8, 10, 16, 32) and abs(got) >= 2.0 ** 53:
            continue
        bad.append((s[:60], r, got, want))
    assert not bad, _report(bad)
