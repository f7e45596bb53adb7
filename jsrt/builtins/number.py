"""Number (ECMA-262 21.1) and BigInt (21.2) objects, and the parseInt / parseFloat
functions that Number shares with the global object (19.2.4-5, 21.1.2.12-13).

https://tc39.es/ecma262/#sec-number-objects
https://tc39.es/ecma262/#sec-bigint-objects

Digit generation and parsing live in ``runtime/numconv.py``; the functions here do the
argument checks (RangeError with V8's messages) first, since numconv raises ValueError
on out-of-range digit counts.

BigInt values are ``runtime.values.JSBigInt``; the parser cannot read BigInt literals,
but ``BigInt(...)``, its prototype methods and ``asIntN`` / ``asUintN`` work.
"""

import math
from decimal import Decimal, Context, ROUND_HALF_UP

from ..runtime.values import undefined, null, JSBigInt, SYM_TO_STRING_TAG
from ..runtime.objects import JSObject, JSPrimitiveObject, W, C
from ..runtime.errors import throw_type_error, throw_range_error, throw_syntax_error
from ..runtime import ops
from ..runtime.numconv import (number_to_string, parse_int, parse_float, to_fixed,
                               to_exponential, to_precision, JS_WHITESPACE)
from ._common import (define_methods, define_values, make_constructor, make_native,
                      proto_from_ctor, string_option)

_TO_LOCALE = "Number.prototype.toLocaleString"

INF = float("inf")
NAN = float("nan")
MAX_SAFE_INTEGER = 9007199254740991.0


# ---------------------------------------------------------------------------
# Conversions
# ---------------------------------------------------------------------------

def bigint_to_number(i):
    """𝔽(ℝ(bigint)): the Number closest to an integer (ties to even), ±Infinity past the range."""
    try:
        return float(i)
    except OverflowError:
        return INF if i > 0 else -INF


def to_numeric_number(v):
    """Number ( value ) step 1-2 (21.1.1.1): ToNumeric, then BigInt -> Number."""
    if type(v) is float:
        return v
    prim = ops.to_numeric(v)
    if type(prim) is JSBigInt:
        return bigint_to_number(prim.v)
    return prim


def string_to_bigint(s):
    """StringToBigInt ( str ) (7.1.14): an int, or None when the string is not a
    StringIntegerLiteral."""
    s = s.strip(JS_WHITESPACE)
    if not s:
        return 0
    if len(s) > 2 and s[0] == "0" and s[1] in "xXoObB":
        radix = {"x": 16, "o": 8, "b": 2}[s[1].lower()]
        body = s[2:]
        if not body.isascii() or not body.isalnum():
            return None
        try:
            return int(body, radix)
        except ValueError:
            return None
    body = s[1:] if s[0] in "+-" else s
    if not body or not body.isascii() or not body.isdigit():
        return None
    n = int(body)
    return -n if s[0] == "-" else n


def number_to_bigint(n):
    """NumberToBigInt ( number ) (21.2.1.1.1)."""
    if not (n == n and n not in (INF, -INF) and n == int(n)):
        throw_range_error("The number %s cannot be converted to a BigInt because it is not an "
                          "integer" % number_to_string(n))
    return JSBigInt(int(n))


def to_bigint(v):
    """ToBigInt ( argument ) (7.1.13)."""
    prim = ops.to_primitive(v, "number")
    t = type(prim)
    if t is JSBigInt:
        return prim
    if t is bool:
        return JSBigInt(1 if prim else 0)
    if t is str:
        n = string_to_bigint(prim)
        if n is None:
            throw_syntax_error("Cannot convert %s to a BigInt" % prim)
        return JSBigInt(n)
    if prim is undefined or prim is null:
        throw_type_error("Cannot convert %s to a BigInt" % ops.describe(prim))
    if t is float:
        throw_type_error("Cannot convert %s to a BigInt" % number_to_string(prim))
    throw_type_error("Cannot convert %s to a BigInt" % ops.describe(prim))


def _to_index(v):
    """ToIndex ( value ) (7.1.22) with V8's message."""
    if v is undefined:
        return 0
    i = ops.to_integer_or_infinity(v)
    if i < 0 or i > 2 ** 53 - 1:
        throw_range_error("Invalid value: not (convertible to) a safe integer")
    return int(i)


def _radix(radix):
    """The radix argument of Number/BigInt toString: 10 for undefined, else 2..36."""
    if radix is undefined:
        return 10
    r = ops.to_integer_or_infinity(radix)
    if r < 2 or r > 36:
        throw_range_error("toString() radix argument must be between 2 and 36")
    return int(r)


_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def int_to_radix(i, radix):
    """An int's digits in base ``radix`` (lowercase, '-' for negatives)."""
    if radix == 10:
        return str(i)
    if radix == 16:
        return format(i, "x")
    if radix == 8:
        return format(i, "o")
    if radix == 2:
        return format(i, "b")
    neg = i < 0
    i = -i if neg else i
    out = []
    while True:
        i, d = divmod(i, radix)
        out.append(_DIGITS[d])
        if not i:
            break
    if neg:
        out.append("-")
    return "".join(reversed(out))


# ---------------------------------------------------------------------------
# en-US number formatting (toLocaleString)
# ---------------------------------------------------------------------------

_DEC_CONTEXT = Context(prec=1200)


def _group(digits):
    n = len(digits)
    if n <= 3:
        return digits
    head = n % 3 or 3
    return ",".join([digits[:head]] + [digits[i:i + 3] for i in range(head, n, 3)])


def _digit_option(options, name, lo, hi, default):
    v = options.get(name, options)
    if v is undefined:
        return default
    n = ops.to_number(v)
    if n != n or n < lo or n > hi:
        throw_range_error("%s value is out of range." % name)
    return int(n)


# Currency symbols, narrow symbols and English names as ICU's en locale has them
# (code: (symbol, narrow symbol, plural name)); other codes print as "XYZ\xa0".
_CURRENCIES = {
    "USD": ("$", "$", "US dollars"), "EUR": ("\u20ac", "\u20ac", "euros"),
    "GBP": ("\xa3", "\xa3", "British pounds"), "JPY": ("\xa5", "\xa5", "Japanese yen"),
    "INR": ("\u20b9", "\u20b9", "Indian rupees"), "CAD": ("CA$", "$", "Canadian dollars"),
    "AUD": ("A$", "$", "Australian dollars"), "CNY": ("CN\xa5", "\xa5", "Chinese yuan"),
    "KRW": ("\u20a9", "\u20a9", "South Korean won"), "BRL": ("R$", "R$", "Brazilian reals"),
    "MXN": ("MX$", "$", "Mexican pesos"), "HKD": ("HK$", "$", "Hong Kong dollars"),
    "NZD": ("NZ$", "$", "New Zealand dollars"), "TWD": ("NT$", "$", "New Taiwan dollars"),
    "ILS": ("\u20aa", "\u20aa", "Israeli new shekels"), "VND": ("\u20ab", "\u20ab", "Vietnamese dong"),
    "PHP": ("\u20b1", "\u20b1", "Philippine pesos"), "CHF": (None, None, "Swiss francs"),
    "SEK": (None, "kr", "Swedish kronor"), "NOK": (None, "kr", "Norwegian kroner"),
    "DKK": (None, "kr", "Danish kroner"), "PLN": (None, "z\u0142", "Polish zlotys"),
    "RUB": (None, "\u20bd", "Russian rubles"), "TRY": (None, "\u20ba", "Turkish Lira"),
    "ZAR": (None, "R", "South African rand"), "SGD": (None, "$", "Singapore dollars"),
}
# ISO 4217 minor units where they are not 2 (ICU's defaults).
_CURRENCY_DIGITS = {"JPY": 0, "KRW": 0, "VND": 0, "CLP": 0, "ISK": 0, "UGX": 0, "PYG": 0,
                    "XAF": 0, "XOF": 0, "XPF": 0, "RWF": 0, "KMF": 0, "GNF": 0, "DJF": 0,
                    "VUV": 0, "BIF": 0, "BHD": 3, "KWD": 3, "JOD": 3, "OMR": 3, "TND": 3,
                    "LYD": 3, "IQD": 0}


class LocaleNumberFormat:
    """The resolved options of toLocaleString / Intl.NumberFormat (en-US only):
    style, currency, digit limits, grouping, sign display of currencies."""
    __slots__ = ("style", "currency", "display", "accounting", "min_int", "min_fd", "max_fd",
                 "min_sd", "max_sd", "grouping")

    def format(self, x):
        """The Number ``x`` formatted."""
        neg = x < 0 or (x == 0 and math.copysign(1.0, x) < 0)
        if x != x:
            body, neg = "NaN", False
        elif x in (INF, -INF):
            body = "\u221e"
        else:
            v = abs(x)
            if self.style == "percent":
                d = Decimal(repr(v)) * 100
            else:
                d = Decimal(repr(v))
            body = _digits(d, self)
        if self.style == "percent":
            body += "%"
        elif self.style == "currency":
            code = self.currency
            sym = _CURRENCIES.get(code, (None, None, None))
            if self.display == "name":
                name = sym[2] or code
                return ("-" if neg else "") + body + " " + name
            if self.display == "code":
                prefix = code + "\xa0"
            else:
                s = sym[1] if self.display == "narrowSymbol" else sym[0]
                prefix = s if s is not None else code + "\xa0"
            if neg and self.accounting:
                return "(" + prefix + body + ")"
            body = prefix + body
        return ("-" if neg else "") + body


def _digits(d, f):
    """A non-negative Decimal rounded half away from zero as ``f`` asks, grouped."""
    if f.max_sd is not None:
        if d == 0:
            ip, fp = "0", ""
        else:
            exp = d.adjusted()
            q = d.quantize(Decimal(1).scaleb(exp - f.max_sd + 1), rounding=ROUND_HALF_UP,
                           context=_DEC_CONTEXT)
            ip, _, fp = format(q, "f").partition(".")
        fp = fp.rstrip("0")
        sig = len((ip.lstrip("0") + fp) if ip.strip("0") else fp.lstrip("0"))
        if sig < f.min_sd:
            fp += "0" * (f.min_sd - sig)
    else:
        q = d.quantize(Decimal(1).scaleb(-f.max_fd), rounding=ROUND_HALF_UP, context=_DEC_CONTEXT)
        ip, _, fp = format(q, "f").partition(".")
        fp = fp.rstrip("0")
        if len(fp) < f.min_fd:
            fp += "0" * (f.min_fd - len(fp))
    if len(ip) < f.min_int:
        ip = "0" * (f.min_int - len(ip)) + ip
    if f.grouping:
        ip = _group(ip)
    return ip + ("." + fp if fp else "")


def check_locales(locales):
    """CanonicalizeLocaleList's checks (ECMA-402 9.2.1) for a locales argument whose
    locale is then ignored: null throws, a malformed language tag is a RangeError."""
    if locales is null:
        throw_type_error("Cannot convert undefined or null to object")
    tags = [locales] if type(locales) is str else []
    if isinstance(locales, JSObject):
        n = ops.length_of_array_like(locales)
        tags = [locales.get(str(i), locales) for i in range(min(n, 16))]
    for tag in tags:
        if type(tag) is not str:
            continue
        parts = tag.split("-")
        first = parts[0]
        if not (first.isascii() and first.isalpha() and (2 <= len(first) <= 3 or 5 <= len(first) <= 8)) \
                or not all(p and len(p) <= 8 and p.isascii() and p.isalnum() for p in parts):
            throw_range_error("Incorrect locale information provided")


def locale_number_format(locales, options):
    """Resolve toLocaleString's (locales, options) as Intl.NumberFormat does
    (ECMA-402 15.1.2 SetNumberFormatDigitOptions), for en-US output: the locale is
    checked and otherwise ignored."""
    if locales is not undefined:
        check_locales(locales)
    f = LocaleNumberFormat()
    f.style, f.currency, f.display, f.accounting = "decimal", None, "symbol", False
    f.min_int, f.min_fd, f.max_fd, f.min_sd, f.max_sd, f.grouping = 1, 0, 3, 1, None, True
    if options is undefined:
        return f
    o = ops.to_object(options)
    f.style = string_option(o, "style", ("decimal", "percent", "currency", "unit"), "decimal",
                            _TO_LOCALE)
    cur = o.get("currency", o)
    if cur is not undefined:
        cur = ops.to_string(cur)
        if len(cur) != 3 or not all("a" <= c <= "z" or "A" <= c <= "Z" for c in cur):
            throw_range_error("Invalid currency code : %s" % cur)
        cur = cur.upper()
    if f.style == "currency":
        if cur is undefined:
            throw_type_error("Currency code is required with currency style.")
        f.currency = cur
    f.display = string_option(o, "currencyDisplay", ("code", "symbol", "narrowSymbol", "name"),
                               "symbol", _TO_LOCALE)
    f.accounting = string_option(o, "currencySign", ("standard", "accounting"),
                                  "standard", _TO_LOCALE) == "accounting"
    if f.style == "currency":
        dmin = dmax = _CURRENCY_DIGITS.get(f.currency, 2)
    elif f.style == "percent":
        dmin, dmax = 0, 0
    else:
        dmin, dmax = 0, 3
    f.min_int = _digit_option(o, "minimumIntegerDigits", 1, 21, 1)
    mnsd = o.get("minimumSignificantDigits", o)
    mxsd = o.get("maximumSignificantDigits", o)
    if mnsd is not undefined or mxsd is not undefined:
        f.min_sd = _digit_option(o, "minimumSignificantDigits", 1, 21, 1)
        f.max_sd = _digit_option(o, "maximumSignificantDigits", f.min_sd, 21, 21)
    mnfd = _digit_option(o, "minimumFractionDigits", 0, 100, None)
    mxfd = _digit_option(o, "maximumFractionDigits", 0, 100, None)
    if mnfd is None and mxfd is None:
        mnfd, mxfd = dmin, dmax
    elif mnfd is None:
        mnfd = min(dmin, mxfd)
    elif mxfd is None:
        mxfd = max(dmax, mnfd)
    elif mnfd > mxfd:
        throw_range_error("maximumFractionDigits value is out of range.")
    f.min_fd, f.max_fd = mnfd, mxfd
    g = o.get("useGrouping", o)
    f.grouping = True if g is undefined else (g != "false" and ops.to_boolean(g))
    return f


def format_decimal(x, min_fd=0, max_fd=3, grouping=True):
    """A Number formatted as Intl.NumberFormat("en-US") does by default: the shortest
    round-trip decimal rounded half away from zero to ``max_fd`` fraction digits,
    trailing zeros dropped down to ``min_fd``, and thousands separators."""
    f = locale_number_format(undefined, undefined)
    f.min_fd, f.max_fd, f.grouping = min_fd, max_fd, grouping
    return f.format(x)


def locale_format_options(locales, options):
    """(min fraction digits, max fraction digits, grouping) from toLocaleString's
    arguments."""
    f = locale_number_format(locales, options)
    return f.min_fd, f.max_fd, f.grouping


# ---------------------------------------------------------------------------
# Number (21.1)
# ---------------------------------------------------------------------------

def number_call(this, *args):
    """Number ( value ) called as a function (21.1.1.1)."""
    if not args:
        return 0.0
    return to_numeric_number(args[0])


def number_construct(args, new_target):
    """new Number ( value ) (21.1.1.1)."""
    n = to_numeric_number(args[0]) if args else 0.0
    return JSPrimitiveObject(proto_from_ctor(new_target, "%Number.prototype%"), n)


def number_is_finite(this, number=undefined, *rest):
    """Number.isFinite ( number ) (21.1.2.2)."""
    return type(number) is float and number == number and number not in (INF, -INF)


def number_is_integer(this, number=undefined, *rest):
    """Number.isInteger ( number ) (21.1.2.3)."""
    return (type(number) is float and number == number and number not in (INF, -INF)
            and number == int(number))


def number_is_nan(this, number=undefined, *rest):
    """Number.isNaN ( number ) (21.1.2.4)."""
    return type(number) is float and number != number


def number_is_safe_integer(this, number=undefined, *rest):
    """Number.isSafeInteger ( number ) (21.1.2.5)."""
    return number_is_integer(this, number) and abs(number) <= MAX_SAFE_INTEGER


def global_parse_int(this, string=undefined, radix=undefined, *rest):
    """parseInt ( string, radix ) (19.2.5); also Number.parseInt (21.1.2.13)."""
    s = string if type(string) is str else ops.to_string(string)
    r = 0 if radix is undefined else ops.to_int32(radix)
    return parse_int(s, r)


def global_parse_float(this, string=undefined, *rest):
    """parseFloat ( string ) (19.2.4); also Number.parseFloat (21.1.2.12)."""
    s = string if type(string) is str else ops.to_string(string)
    return parse_float(s)


def this_number_value(v, name):
    """thisNumberValue ( value ) (21.1.3.7.1)."""
    if type(v) is float:
        return v
    if isinstance(v, JSPrimitiveObject) and type(v.value) is float:
        return v.value
    throw_type_error("Number.prototype.%s requires that 'this' be a Number" % name)


def np_to_exponential(this, fraction_digits=undefined, *rest):
    """Number.prototype.toExponential ( fractionDigits ) (21.1.3.2)."""
    x = this_number_value(this, "toExponential")
    f = ops.to_integer_or_infinity(fraction_digits)
    if x != x or x in (INF, -INF):
        return number_to_string(x)
    if f < 0 or f > 100:
        throw_range_error("toExponential() argument must be between 0 and 100")
    return to_exponential(x, None if fraction_digits is undefined else int(f))


def np_to_fixed(this, fraction_digits=undefined, *rest):
    """Number.prototype.toFixed ( fractionDigits ) (21.1.3.3)."""
    x = this_number_value(this, "toFixed")
    f = ops.to_integer_or_infinity(fraction_digits)
    if f < 0 or f > 100:
        throw_range_error("toFixed() digits argument must be between 0 and 100")
    return to_fixed(x, int(f))


def np_to_locale_string(this, locales=undefined, options=undefined, *rest):
    """Number.prototype.toLocaleString ( [ reserved1 [ , reserved2 ] ] ) (21.1.3.4).

    Formats like node's ``Intl.NumberFormat("en-US")``: thousands separators and
    at most three fraction digits by default ((1234567.891).toLocaleString() is
    "1,234,567.891"); the options style (decimal, percent, currency), currency,
    currencyDisplay, currencySign, the integer, fraction and significant digit limits
    and useGrouping are honoured (``locale_number_format``); other locales produce
    en-US output."""
    x = this_number_value(this, "toLocaleString")
    return locale_number_format(locales, options).format(x)


def np_to_precision(this, precision=undefined, *rest):
    """Number.prototype.toPrecision ( precision ) (21.1.3.5)."""
    x = this_number_value(this, "toPrecision")
    if precision is undefined:
        return number_to_string(x)
    p = ops.to_integer_or_infinity(precision)
    if x != x or x in (INF, -INF):
        return number_to_string(x)
    if p < 1 or p > 100:
        throw_range_error("toPrecision() argument must be between 1 and 100")
    return to_precision(x, int(p))


def np_to_string(this, radix=undefined, *rest):
    """Number.prototype.toString ( [ radix ] ) (21.1.3.6)."""
    x = this_number_value(this, "toString")
    return number_to_string(x, _radix(radix))


def np_value_of(this, *args):
    """Number.prototype.valueOf ( ) (21.1.3.7)."""
    return this_number_value(this, "valueOf")


# ---------------------------------------------------------------------------
# BigInt (21.2)
# ---------------------------------------------------------------------------

def bigint_call(this, value=undefined, *rest):
    """BigInt ( value ) (21.2.1.1)."""
    prim = ops.to_primitive(value, "number")
    if type(prim) is float:
        return number_to_bigint(prim)
    return to_bigint(prim)


def bigint_construct(args, new_target):
    """BigInt ( value ) step 1: NewTarget is not undefined."""
    throw_type_error("BigInt is not a constructor")


def bigint_as_int_n(this, bits=undefined, bigint=undefined, *rest):
    """BigInt.asIntN ( bits, bigint ) (21.2.2.1)."""
    b = _to_index(bits)
    n = to_bigint(bigint).v
    if b == 0:
        return JSBigInt(0)
    m = n & ((1 << b) - 1)
    if m >= 1 << (b - 1):
        m -= 1 << b
    return JSBigInt(m)


def bigint_as_uint_n(this, bits=undefined, bigint=undefined, *rest):
    """BigInt.asUintN ( bits, bigint ) (21.2.2.2)."""
    b = _to_index(bits)
    n = to_bigint(bigint).v
    return JSBigInt(n & ((1 << b) - 1))


def this_bigint_value(v, name):
    """thisBigIntValue ( value ) (21.2.3.4.1)."""
    if type(v) is JSBigInt:
        return v
    if isinstance(v, JSPrimitiveObject) and type(v.value) is JSBigInt:
        return v.value
    throw_type_error("BigInt.prototype.%s requires that 'this' be a BigInt" % name)


def bp_to_locale_string(this, locales=undefined, options=undefined, *rest):
    """BigInt.prototype.toLocaleString ( [ reserved1 [ , reserved2 ] ] ) (21.2.3.2):
    en-US digit grouping, as node prints by default."""
    x = this_bigint_value(this, "toLocaleString").v
    mnfd, _, grouping = locale_format_options(locales, options)
    s = str(abs(x))
    if grouping:
        s = _group(s)
    if mnfd:
        s += "." + "0" * mnfd
    return ("-" if x < 0 else "") + s


def bp_to_string(this, radix=undefined, *rest):
    """BigInt.prototype.toString ( [ radix ] ) (21.2.3.3)."""
    x = this_bigint_value(this, "toString")
    return int_to_radix(x.v, _radix(radix))


def bp_value_of(this, *args):
    """BigInt.prototype.valueOf ( ) (21.2.3.4)."""
    return this_bigint_value(this, "valueOf")


# ---------------------------------------------------------------------------
# setup
# ---------------------------------------------------------------------------

def setup(realm):
    intr = realm.intrinsics
    op = intr["%Object.prototype%"]
    g = realm.global_object

    # 21.1.3: Number.prototype is itself a Number object whose value is +0.
    np = JSPrimitiveObject(op, 0.0)
    num = make_constructor(realm, "Number", number_call, number_construct, 1, np,
                           "%Number.prototype%")
    intr["%Number%"] = num
    pi = make_native(realm, "parseInt", global_parse_int, 2)
    pf = make_native(realm, "parseFloat", global_parse_float, 1)
    intr["%parseInt%"] = pi
    intr["%parseFloat%"] = pf
    define_values(num, [
        ("EPSILON", 2.0 ** -52),
        ("MAX_SAFE_INTEGER", MAX_SAFE_INTEGER),
        ("MAX_VALUE", 1.7976931348623157e308),
        ("MIN_SAFE_INTEGER", -MAX_SAFE_INTEGER),
        ("MIN_VALUE", 5e-324),
        ("NaN", NAN),
        ("NEGATIVE_INFINITY", -INF),
        ("POSITIVE_INFINITY", INF),
    ])
    define_methods(realm, num, [
        ("isFinite", number_is_finite, 1),
        ("isInteger", number_is_integer, 1),
        ("isNaN", number_is_nan, 1),
        ("isSafeInteger", number_is_safe_integer, 1),
    ])
    num._store("parseFloat", pf, W | C)
    num._store("parseInt", pi, W | C)
    define_methods(realm, np, [
        ("toExponential", np_to_exponential, 1),
        ("toFixed", np_to_fixed, 1),
        ("toLocaleString", np_to_locale_string, 0),
        ("toPrecision", np_to_precision, 1),
        ("toString", np_to_string, 1),
        ("valueOf", np_value_of, 0),
    ])

    # 21.2 BigInt
    bp = JSObject(op)
    big = make_constructor(realm, "BigInt", bigint_call, bigint_construct, 1, bp,
                           "%BigInt.prototype%")
    intr["%BigInt%"] = big
    define_methods(realm, big, [
        ("asIntN", bigint_as_int_n, 2),
        ("asUintN", bigint_as_uint_n, 2),
    ])
    define_methods(realm, bp, [
        ("toLocaleString", bp_to_locale_string, 0),
        ("toString", bp_to_string, 0),
        ("valueOf", bp_value_of, 0),
    ])
    bp._store(SYM_TO_STRING_TAG, "BigInt", C)

    g._store("Number", num, W | C)
    g._store("BigInt", big, W | C)
