"""Number <-> String conversions and the integer conversions of ECMA-262.

Pure functions over native values, no dependency on the rest of jsrt:

* a JS Number is a Python ``float`` (NaN, +-Infinity and -0 included);
* a JS String is a Python ``str`` of UTF-16 code units;
* results the spec calls *mathematical values* or integral Numbers used as
  integers (``to_int32`` ... ``to_length``, ``is_array_index``) are Python
  ``int`` (``to_integer_or_infinity`` returns ``math.inf`` / ``-math.inf`` for
  the infinities).  Wrap them in ``float()`` before they become JS values.

Argument validation that throws a JS ``RangeError`` (radix, fraction digits,
precision) belongs to the caller; the functions here raise ``ValueError`` when
handed an out-of-range argument.

Exactness:

* Number -> decimal string uses the shortest round-trip digits, which are what
  Python's ``repr`` produces (David Gay's algorithm, closest on ties); only the
  layout differs and is redone here per Number::toString.
* ``to_fixed`` / ``to_exponential`` / ``to_precision`` round the *exact* binary
  value of the double with integer arithmetic, ties to the larger ``n`` as the
  spec requires (so ``(1.005).toFixed(2) == "1.00"``: 1.005 is 1.00499...).
* Radix != 10 output is implementation-defined in the spec; it reproduces V8's
  ``DoubleToRadixCString`` digit for digit (same IEEE double operations).
* String -> Number parses with ``float()`` / ``int()`` only after a regular
  expression has checked the JS grammar, since Python accepts more
  (``"1_0"``, ``"inf"``, non-ASCII digits, surrounding Unicode whitespace).
"""

from __future__ import annotations

import math
import re

__all__ = [
    "number_to_string",
    "number_to_key",
    "string_to_number",
    "parse_int",
    "parse_float",
    "to_fixed",
    "to_exponential",
    "to_precision",
    "to_int32",
    "to_uint32",
    "to_int16",
    "to_uint16",
    "to_int8",
    "to_uint8",
    "to_uint8_clamp",
    "to_integer_or_infinity",
    "to_length",
    "is_array_index",
    "canonical_numeric_index",
    "JS_WHITESPACE",
]

_INF = math.inf
_NAN = math.nan
_TWO_53 = 9007199254740992.0          # 2**53: integral floats below it print exactly
_MAX_SAFE_INTEGER = 9007199254740991  # 2**53 - 1
_MIN_DOUBLE = 5e-324                  # Double(0.0).NextDouble() in V8's terms
_DIGIT_CHARS = "0123456789abcdefghijklmnopqrstuvwxyz"
_nextafter = math.nextafter
_fmod = math.fmod
_floor = math.floor

# WhiteSpace (https://tc39.es/ecma262/#sec-white-space) and LineTerminator
# (https://tc39.es/ecma262/#sec-line-terminators): what StringToNumber, parseInt,
# parseFloat and String.prototype.trim strip.  USP is every Zs code point; the
# Zs list is fixed since Unicode 6.3 (U+180E left Zs then), and a unit test checks
# it against unicodedata.  Python's str.strip() without arguments is NOT this set
# (it also strips U+001C..U+001F and U+0085, and misses U+FEFF).
JS_WHITESPACE = (
    "\t\v\f\ufeff"                     # TAB VT FF ZWNBSP
    " \u00a0\u1680"                    # Zs: SP NBSP OGHAM SPACE MARK
    "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000"               # Zs: NNBSP MMSP IDEOGRAPHIC SPACE
    "\n\r\u2028\u2029"                 # LF CR LS PS
)

# StrUnsignedDecimalLiteral without "Infinity", optionally signed; ASCII digits only
# (Python's \d would also match other scripts' digits).
_STR_DECIMAL_RE = re.compile(
    r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
# Longest prefix of a StrDecimalLiteral, for parseFloat.
_PARSE_FLOAT_RE = re.compile(
    r"[+-]?(?:Infinity|(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)")
# NonDecimalIntegerLiteral bodies, keyed by the prefix letter.
_NON_DECIMAL = {
    "x": (16, re.compile(r"[0-9a-fA-F]+")),
    "X": (16, re.compile(r"[0-9a-fA-F]+")),
    "o": (8, re.compile(r"[0-7]+")),
    "O": (8, re.compile(r"[0-7]+")),
    "b": (2, re.compile(r"[01]+")),
    "B": (2, re.compile(r"[01]+")),
}
_radix_digit_res: dict[int, re.Pattern[str]] = {}


def _radix_digits_re(radix: int) -> re.Pattern[str]:
    """The regular expression matching a run of ASCII digits of ``radix``."""
    pattern = _radix_digit_res.get(radix)
    if pattern is None:
        if radix <= 10:
            cls = "0-%d" % (radix - 1)
        else:
            last = _DIGIT_CHARS[radix - 1]
            cls = "0-9a-%sA-%s" % (last, last.upper())
        pattern = _radix_digit_res[radix] = re.compile("[%s]+" % cls)
    return pattern


def _int_to_float(value: int) -> float:
    """Round an exact integer to the nearest double (ties to even), +-Infinity on overflow."""
    try:
        return float(value)
    except OverflowError:
        return _INF if value > 0 else -_INF


# ---------------------------------------------------------------------------
# Number -> String


def _shortest_digits(x: float) -> tuple[str, int]:
    """The shortest round-trip digits ``s`` of a finite ``x > 0`` and the decimal point ``n``.

    ``int(s) * 10 ** (n - len(s))`` is the shortest decimal that reads back as
    ``x`` (the k, n, s of Number::toString step 5).  ``repr`` already chose the
    digits; this only takes its layout apart.
    """
    r = repr(x)
    exp = 0
    i = r.find("e")
    if i >= 0:
        exp = int(r[i + 1:])
        r = r[:i]
    j = r.find(".")
    if j >= 0:
        digits = r[:j] + r[j + 1:]
        n = j + exp
    else:
        digits = r
        n = len(r) + exp
    stripped = digits.lstrip("0")
    n -= len(digits) - len(stripped)
    return stripped.rstrip("0"), n


def _layout_decimal(digits: str, n: int) -> str:
    """Number::toString steps 6-12, radix 10: lay out the k digits of ``s`` around point ``n``."""
    k = len(digits)
    if k <= n <= 21:
        # 7. The digits followed by n - k zeros.
        return digits + "0" * (n - k)
    if 0 < n <= 21:
        # 8. The first n digits, ".", the remaining k - n digits.
        return digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        # 9. "0.", -n zeros, the digits.
        return "0." + "0" * -n + digits
    # 10-12. Exponential notation with exponent n - 1 (never 0 here).
    e = n - 1
    exponent = ("e+" + str(e)) if e > 0 else ("e-" + str(-e))
    if k == 1:
        return digits + exponent
    return digits[0] + "." + digits[1:] + exponent


def _int_to_radix(i: int, radix: int) -> str:
    """Digits of the integer ``i`` in ``radix`` (lower-case letters), '-' first if negative."""
    if i < 0:
        return "-" + _int_to_radix(-i, radix)
    if radix == 16:
        return format(i, "x")
    if radix == 2:
        return format(i, "b")
    if radix == 8:
        return format(i, "o")
    if i < radix:
        return _DIGIT_CHARS[i]
    out = []
    while i:
        i, d = divmod(i, radix)
        out.append(_DIGIT_CHARS[d])
    return "".join(reversed(out))


def _double_to_radix(value: float, radix: int) -> str:
    """V8's DoubleToRadixCString (src/numbers/conversions.cc) for a finite, nonzero ``value``.

    The integer part is exact up to 2**53 and padded with zeros beyond; fraction
    digits are produced until they identify the double (``delta`` is half the gap
    to the next double), rounding the last digit half-to-even with carry-over.
    Every step is the same IEEE double operation V8 performs, so the output
    matches node digit for digit.
    """
    negative = value < 0
    if negative:
        value = -value
    integer = float(_floor(value))
    fraction = value - integer
    delta = 0.5 * (_nextafter(value, _INF) - value)
    if delta < _MIN_DOUBLE:
        delta = _MIN_DOUBLE
    frac_digits: list[int] = []
    if fraction >= delta:
        while True:
            fraction *= radix
            delta *= radix
            digit = int(fraction)
            frac_digits.append(digit)
            fraction -= digit
            if fraction > 0.5 or (fraction == 0.5 and digit & 1):
                if fraction + delta > 1:
                    # Round up, propagating the carry through the written digits.
                    while True:
                        if not frac_digits:
                            integer += 1
                            break
                        digit = frac_digits.pop() + 1
                        if digit < radix:
                            frac_digits.append(digit)
                            break
                    break
            if not fraction >= delta:
                break
    int_digits = []
    # Digits below the double's precision are zeros.
    while integer / radix >= _TWO_53:
        integer /= radix
        int_digits.append("0")
    while True:
        remainder = _fmod(integer, radix)
        int_digits.append(_DIGIT_CHARS[int(remainder)])
        integer = (integer - remainder) / radix
        if not integer > 0:
            break
    int_digits.reverse()
    out = "".join(int_digits)
    if frac_digits:
        out += "." + "".join([_DIGIT_CHARS[d] for d in frac_digits])
    return "-" + out if negative else out


#: The strings of the integral Numbers 0..1023 (-0 finds "0" too: equal floats
#: hash alike), the most common Number -> String conversions by far.
_SMALL_INT_STRINGS = {float(_i): str(_i) for _i in range(1024)}
#: ``small_int_string(x)``: the string of ``x`` when it is one of those, else None.
small_int_string = _SMALL_INT_STRINGS.get


def number_to_string(x: float, radix: int = 10) -> str:
    """Number::toString ( x, radix ) — ECMA-262 §6.1.6.1.20.

    https://tc39.es/ecma262/#sec-numeric-types-number-tostring

    Radix 10 follows the spec exactly (shortest round-trip digits, fixed notation
    for 1e-6 <= |x| < 1e21, else exponential).  Other radices (2..36) reproduce V8.
    Raises ValueError for a radix outside 2..36 (the caller throws the RangeError).
    """
    if radix == 10:
        s = small_int_string(x)
        if s is not None:
            return s
        return number_to_decimal(x)
    return _number_to_radix(x, radix)


def number_to_decimal(x: float) -> str:
    """Number::toString ( x, 10 ) — ECMA-262 §6.1.6.1.20 (``number_to_string``
    without the radix)."""
    if -_TWO_53 < x < _TWO_53:              # False for NaN and the infinities
        if x % 1.0 == 0.0:
            return "%d" % x                  # exact below 2**53; -0 -> "0" (step 2)
    elif x != x:
        return "NaN"                         # 1.
    elif x == _INF:
        return "Infinity"                    # 4.
    elif x == -_INF:
        return "-Infinity"                   # 3. + 4.
    r = repr(x)                              # shortest round-trip digits (step 5)
    p = r.find("e")
    if p < 0:
        # repr's fixed notation (1e-4 <= |x| < 1e16) is exactly steps 7-9,
        # except that integral values carry a ".0".
        return r[:-2] if r.endswith(".0") else r
    e = int(r[p + 1:])                       # e = n - 1
    if e <= -7 or e >= 21:
        # 10.-12. repr's d.ddd mantissa; JS writes the exponent without padding.
        return r[:p] + ("e+" + str(e) if e > 0 else "e-" + str(-e))
    # 1e16 <= |x| < 1e21 or 1e-6 <= |x| < 1e-4: fixed notation, laid out here.
    if x < 0:
        return "-" + _layout_decimal(*_shortest_digits(-x))   # 3.
    return _layout_decimal(*_shortest_digits(x))


def _number_to_radix(x: float, radix: int) -> str:
    """Number::toString ( x, radix ) for a radix other than 10."""
    if not 2 <= radix <= 36:
        raise ValueError("radix must be an integer in 2..36, got %r" % (radix,))
    if -_TWO_53 < x < _TWO_53:
        i = int(x)
        if i == x:
            return _int_to_radix(i, radix)   # exact, as V8's digit loop is below 2**53
    elif x != x:
        return "NaN"
    elif x == _INF:
        return "Infinity"
    elif x == -_INF:
        return "-Infinity"
    return _double_to_radix(x, radix)


def number_to_key(x: float) -> str:
    """ToPropertyKey of a Number: ToString(x) — ECMA-262 §7.1.19 / §7.1.17.

    https://tc39.es/ecma262/#sec-topropertykey

    Fast path for the common array-index case; same result as ``number_to_string``.
    """
    s = small_int_string(x)
    if s is not None:
        return s
    if -_TWO_53 < x < _TWO_53 and x % 1.0 == 0.0:
        return "%d" % x
    return number_to_decimal(x)


# ---------------------------------------------------------------------------
# String -> Number


def string_to_number(s: str) -> float:
    """StringToNumber ( str ) — ECMA-262 §7.1.4.1.1.

    https://tc39.es/ecma262/#sec-stringtonumber

    Grammar StringNumericLiteral (§7.1.4.1): optional StrWhiteSpace around a
    StrDecimalLiteral (signed decimal or "Infinity") or an unsigned
    NonDecimalIntegerLiteral (0x / 0o / 0b, no numeric separators).  The empty
    or all-whitespace string is 0; anything else is NaN.  Values are rounded
    correctly (round half to even), as V8 does for every form.
    """
    if s.isascii() and s.isdigit():
        return float(s)                      # fast path: "123"
    s = s.strip(JS_WHITESPACE)
    if not s:
        return 0.0
    if _STR_DECIMAL_RE.fullmatch(s) is not None:
        return float(s)
    if len(s) > 2 and s[0] == "0":
        entry = _NON_DECIMAL.get(s[1])
        if entry is not None:
            radix, digits_re = entry
            body = s[2:]
            if digits_re.fullmatch(body) is not None:
                return _int_to_float(int(body, radix))
        return _NAN
    if s == "Infinity" or s == "+Infinity":
        return _INF
    if s == "-Infinity":
        return -_INF
    return _NAN


def parse_int(s: str, radix: int | float = 0) -> float:
    """parseInt ( string, radix ) — ECMA-262 §19.2.5.

    https://tc39.es/ecma262/#sec-parseint-string-radix

    ``s`` is already ToString'd; ``radix`` is the ToInt32 of the argument (pass 0
    for undefined; a float is put through ToInt32 here).  The digits are
    converted exactly and rounded once (V8 is exact too for radices 2, 4, 8, 10,
    16 and 32; for other radices the spec lets it approximate values >= 2**53,
    and here they stay exact).
    """
    # 2. Strip leading white space only.
    s = s.lstrip(JS_WHITESPACE)
    if radix == 10 or radix == 0:
        if s.isascii() and s.isdigit():
            return float(s)                  # fast path: "42"
    # 3.-4. Sign.
    negative = False
    if s and (s[0] == "-" or s[0] == "+"):
        negative = s[0] == "-"
        s = s[1:]
    # 5.-8. Radix.
    r = radix if type(radix) is int else to_int32(radix)
    strip_prefix = True
    if r != 0:
        if r < 2 or r > 36:
            return _NAN
        if r != 16:
            strip_prefix = False
    else:
        r = 10
    # 9. "0x" / "0X" prefix.
    if strip_prefix and s[:2] in ("0x", "0X"):
        s = s[2:]
        r = 16
    # 10.-11. The longest prefix of radix-R digits; none means NaN.
    m = _radix_digits_re(r).match(s)
    if m is None:
        return _NAN
    z = m.group()
    # 12.-16. The mathematical integer, rounded once; -0 for "-0".
    if r == 10:
        value = float(z)                     # correctly rounded, any length
    else:
        z = z.lstrip("0")
        if len(z) > 1100:                    # >= 2**1099 in any radix >= 2
            value = _INF
        else:
            value = _int_to_float(int(z, r)) if z else 0.0
    return -value if negative else value


def parse_float(s: str) -> float:
    """parseFloat ( string ) — ECMA-262 §19.2.4.

    https://tc39.es/ecma262/#sec-parsefloat-string

    The longest prefix of the (leading-whitespace-trimmed) string that is a
    StrDecimalLiteral, "Infinity" included; NaN when there is none.
    """
    m = _PARSE_FLOAT_RE.match(s.lstrip(JS_WHITESPACE))
    if m is None:
        return _NAN
    return float(m.group())                  # float() reads "+Infinity" / "-Infinity" too


# ---------------------------------------------------------------------------
# Number.prototype.toFixed / toExponential / toPrecision


def _round_to_significant(x: float, p: int) -> tuple[int, int]:
    """For a finite ``x > 0``: integers ``n``, ``e`` with 10**(p-1) <= n < 10**p and
    ``n * 10**(e - p + 1)`` closest to the exact value of ``x``, the larger on ties."""
    num, den = x.as_integer_ratio()
    # e = floor(log10(x)), estimated in floating point then fixed up exactly.
    e = _floor(math.log10(x))
    while not _ge_pow10(num, den, e):
        e -= 1
    while _ge_pow10(num, den, e + 1):
        e += 1
    shift = p - 1 - e
    if shift >= 0:
        num *= 10 ** shift
    else:
        den *= 10 ** -shift
    n = (2 * num + den) // (2 * den)         # round half up
    if n == 10 ** p:                         # rounding carried into a new digit
        n //= 10
        e += 1
    return n, e


def _ge_pow10(num: int, den: int, e: int) -> bool:
    """Whether num / den >= 10**e, exactly."""
    if e >= 0:
        return num >= den * 10 ** e
    return num * 10 ** -e >= den


def _exponent_suffix(e: int) -> str:
    return ("e+" + str(e)) if e >= 0 else ("e-" + str(-e))


def to_fixed(x: float, fd: int) -> str:
    """Number.prototype.toFixed ( fractionDigits ) steps 6-12 — ECMA-262 §21.1.3.3.

    https://tc39.es/ecma262/#sec-number.prototype.tofixed

    ``fd`` is the integer fraction digits, 0..100 (ValueError otherwise; the
    caller throws the RangeError).  ``n`` is chosen so that n / 10**f - x is
    closest to zero, the larger n on a tie, using the double's exact value.
    """
    if not 0 <= fd <= 100:
        raise ValueError("fraction digits must be in 0..100, got %r" % (fd,))
    # 6. Not finite: Number::toString.
    if x != x or x == _INF or x == -_INF:
        return number_to_string(x)
    # 8.-9. Sign (-0 is not < 0, so it prints without one).
    sign = ""
    if x < 0:
        sign = "-"
        x = -x
    # 10. x >= 10**21: ToString.
    if x >= 1e21:
        return sign + number_to_string(x)
    # 11.a. n = round(x * 10**f), ties up.
    num, den = x.as_integer_ratio()
    n = (2 * num * 10 ** fd + den) // (2 * den)
    m = str(n)
    # 11.c. Insert the point, padding with leading zeros.
    if fd:
        k = len(m)
        if k <= fd:
            m = "0" * (fd + 1 - k) + m
            k = fd + 1
        m = m[:k - fd] + "." + m[k - fd:]
    return sign + m


def to_exponential(x: float, fd: int | None) -> str:
    """Number.prototype.toExponential ( fractionDigits ) steps 4-15 — ECMA-262 §21.1.3.2.

    https://tc39.es/ecma262/#sec-number.prototype.toexponential

    ``fd`` is None for undefined (as many digits as needed to identify the
    Number uniquely: the shortest round-trip digits) or 0..100 (ValueError
    otherwise).  Ties pick the larger ``n * 10**(e-f)``.
    """
    if fd is not None and not 0 <= fd <= 100:
        raise ValueError("fraction digits must be in 0..100, got %r" % (fd,))
    # 4. Not finite: Number::toString.
    if x != x or x == _INF or x == -_INF:
        return number_to_string(x)
    # 7.-8. Sign.
    sign = ""
    if x < 0:
        sign = "-"
        x = -x
    if x == 0:
        # 9. f + 1 zeros, e = 0.
        m = "0" * ((fd or 0) + 1)
        e = 0
    elif fd is None:
        # 10.b. Shortest n that identifies x.
        m, point = _shortest_digits(x)
        e = point - 1
    else:
        # 10.a. f + 1 significant digits, closest, ties up.
        n, e = _round_to_significant(x, fd + 1)
        m = str(n)
    # 11. Point after the first digit.
    if len(m) > 1:
        m = m[0] + "." + m[1:]
    # 12.-14. Exponent.
    return sign + m + _exponent_suffix(e)


def to_precision(x: float, p: int) -> str:
    """Number.prototype.toPrecision ( precision ) steps 4-14 — ECMA-262 §21.1.3.5.

    https://tc39.es/ecma262/#sec-number.prototype.toprecision

    ``p`` is 1..100 (ValueError otherwise); precision undefined is the caller's
    ToString.  Ties pick the larger ``n * 10**(e-p+1)``.
    """
    if not 1 <= p <= 100:
        raise ValueError("precision must be in 1..100, got %r" % (p,))
    # 4. Not finite: Number::toString.
    if x != x or x == _INF or x == -_INF:
        return number_to_string(x)
    # 7.-8. Sign.
    sign = ""
    if x < 0:
        sign = "-"
        x = -x
    if x == 0:
        # 9. p zeros, e = 0.
        m = "0" * p
        e = 0
    else:
        # 10.a.-b. p significant digits.
        n, e = _round_to_significant(x, p)
        m = str(n)
        # 10.c. Exponential notation.
        if e < -6 or e >= p:
            if p != 1:
                m = m[0] + "." + m[1:]
            return sign + m + _exponent_suffix(e)
    # 11. No point needed.
    if e == p - 1:
        return sign + m
    # 12. Point inside the digits.
    if e >= 0:
        return sign + m[:e + 1] + "." + m[e + 1:]
    # 13. Leading "0." and -(e+1) zeros.
    return sign + "0." + "0" * (-(e + 1)) + m


# ---------------------------------------------------------------------------
# Integer conversions (argument: a Number, i.e. the ToNumber step is done)


def to_int32(x: float) -> int:
    """ToInt32 ( argument ) — ECMA-262 §7.1.6.

    https://tc39.es/ecma262/#sec-toint32

    NaN, +-0 and +-Infinity -> 0; else truncate and wrap modulo 2**32 into
    -2**31..2**31-1.
    """
    if -2147483648.0 <= x <= 2147483647.0:  # False for NaN
        return int(x)
    if x != x or x == _INF or x == -_INF:
        return 0
    n = int(x) & 0xFFFFFFFF
    return n - 0x100000000 if n & 0x80000000 else n


def to_uint32(x: float) -> int:
    """ToUint32 ( argument ) — ECMA-262 §7.1.7.

    https://tc39.es/ecma262/#sec-touint32

    NaN, +-0 and +-Infinity -> 0; else truncate modulo 2**32 into 0..2**32-1.
    """
    if 0.0 <= x <= 4294967295.0:
        return int(x)
    if x != x or x == _INF or x == -_INF:
        return 0
    return int(x) & 0xFFFFFFFF


def to_int16(x: float) -> int:
    """ToInt16 ( argument ) — ECMA-262 §7.1.8.

    https://tc39.es/ecma262/#sec-toint16
    """
    if -32768.0 <= x <= 32767.0:
        return int(x)
    if x != x or x == _INF or x == -_INF:
        return 0
    n = int(x) & 0xFFFF
    return n - 0x10000 if n & 0x8000 else n


def to_uint16(x: float) -> int:
    """ToUint16 ( argument ) — ECMA-262 §7.1.9.

    https://tc39.es/ecma262/#sec-touint16
    """
    if 0.0 <= x <= 65535.0:
        return int(x)
    if x != x or x == _INF or x == -_INF:
        return 0
    return int(x) & 0xFFFF


def to_int8(x: float) -> int:
    """ToInt8 ( argument ) — ECMA-262 §7.1.10.

    https://tc39.es/ecma262/#sec-toint8
    """
    if -128.0 <= x <= 127.0:
        return int(x)
    if x != x or x == _INF or x == -_INF:
        return 0
    n = int(x) & 0xFF
    return n - 0x100 if n & 0x80 else n


def to_uint8(x: float) -> int:
    """ToUint8 ( argument ) — ECMA-262 §7.1.11.

    https://tc39.es/ecma262/#sec-touint8
    """
    if 0.0 <= x <= 255.0:
        return int(x)
    if x != x or x == _INF or x == -_INF:
        return 0
    return int(x) & 0xFF


def to_uint8_clamp(x: float) -> int:
    """ToUint8Clamp ( argument ) — ECMA-262 §7.1.12.

    https://tc39.es/ecma262/#sec-touint8clamp

    NaN and <= 0 -> 0; >= 255 -> 255; else round half to even.
    """
    if not x > 0.0:                          # NaN too
        return 0
    if x >= 255.0:
        return 255
    return round(x)                          # Python rounds floats half to even, exactly


def to_integer_or_infinity(x: float) -> int | float:
    """ToIntegerOrInfinity ( argument ) — ECMA-262 §7.1.5.

    https://tc39.es/ecma262/#sec-tointegerorinfinity

    NaN and +-0 -> 0; +-Infinity -> +-math.inf; else the truncated ``int``.
    """
    if -_TWO_53 < x < _TWO_53:
        return int(x)
    if x != x:
        return 0
    if x == _INF or x == -_INF:
        return x
    return int(x)


def to_length(x: float) -> int:
    """ToLength ( argument ) — ECMA-262 §7.1.20.

    https://tc39.es/ecma262/#sec-tolength

    ToIntegerOrInfinity clamped to 0..2**53-1.
    """
    if not x > 0.0:                          # NaN, +-0, negatives, -Infinity
        return 0
    if x >= 9007199254740991.0:
        return _MAX_SAFE_INTEGER
    return int(x)


# ---------------------------------------------------------------------------
# Property-key forms


def is_array_index(s: str) -> int:
    """The array index named by the property key ``s``, or -1 — ECMA-262 §6.1.7.

    https://tc39.es/ecma262/#array-index

    An array index is an integer index n with 0 <= n < 2**32 - 1, and a String
    key names it iff it is CanonicalNumericString(n): ASCII digits, no sign, no
    leading zero except "0" itself.
    """
    if s.isascii() and s.isdigit() and len(s) <= 10 and (s[0] != "0" or len(s) == 1):
        n = int(s)
        if n < 4294967295:
            return n
    return -1


def canonical_numeric_index(s: str) -> float | None:
    """CanonicalNumericIndexString ( argument ) — ECMA-262 §7.1.21.

    https://tc39.es/ecma262/#sec-canonicalnumericindexstring

    "-0" -> -0.0; otherwise ToNumber(s) when ToString of it gives ``s`` back
    ("NaN" -> NaN, "Infinity" -> inf, "1.5" -> 1.5); else None (undefined).
    """
    # 1. "-0".
    if s == "-0":
        return -0.0
    # 2.-3. Round trip.
    n = string_to_number(s)
    if number_to_string(n) == s:
        return n
    # 4.
    return None
