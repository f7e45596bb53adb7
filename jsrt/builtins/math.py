"""The Math object (ECMA-262 21.3).

https://tc39.es/ecma262/#sec-math-object

Every function coerces its arguments with ToNumber first (all of them, in order, before
any result is decided) and never lets a Python exception escape: a domain error is NaN,
an overflow is ±Infinity, and the signed zeros come out as the spec's tables say.
Math.random draws from a ``random.Random`` kept on the realm (``realm.rng``), and throws
in a restricted (RealmBuilder) realm, whose heap must be deterministic.
"""

import math
import random
import struct
from fractions import Fraction

from ..runtime.values import undefined, SYM_TO_STRING_TAG
from ..runtime.objects import JSObject, W, C
from ..runtime.errors import STATE, throw_type_error
from ..runtime import ops
from ..runtime.numconv import to_uint32
from ._common import define_methods, define_values

INF = float("inf")
NAN = float("nan")
_copysign = math.copysign
_to_number = ops.to_number


def _num(x):
    return x if type(x) is float else _to_number(x)


# ---------------------------------------------------------------------------
# 21.3.2 Function properties
# ---------------------------------------------------------------------------

def math_abs(this, x=undefined, *rest):
    """Math.abs ( x ) (21.3.2.1)."""
    return abs(_num(x))


def math_acos(this, x=undefined, *rest):
    """Math.acos ( x ) (21.3.2.2): NaN outside -1..1."""
    x = _num(x)
    if -1.0 <= x <= 1.0:
        return math.acos(x)
    return NAN


def math_acosh(this, x=undefined, *rest):
    """Math.acosh ( x ) (21.3.2.3): NaN below 1."""
    x = _num(x)
    if x >= 1.0:
        return math.acosh(x)
    return NAN


def math_asin(this, x=undefined, *rest):
    """Math.asin ( x ) (21.3.2.4)."""
    x = _num(x)
    if -1.0 <= x <= 1.0:
        return math.asin(x)
    return NAN


def math_asinh(this, x=undefined, *rest):
    """Math.asinh ( x ) (21.3.2.5)."""
    x = _num(x)
    if x != x or x in (INF, -INF) or x == 0:
        return x
    return math.asinh(x)


def math_atan(this, x=undefined, *rest):
    """Math.atan ( x ) (21.3.2.6)."""
    return math.atan(_num(x))


def math_atanh(this, x=undefined, *rest):
    """Math.atanh ( x ) (21.3.2.7): ±Infinity at ±1, NaN beyond."""
    x = _num(x)
    if -1.0 < x < 1.0:
        return math.atanh(x)
    if x == 1.0:
        return INF
    if x == -1.0:
        return -INF
    return NAN


def math_atan2(this, y=undefined, x=undefined, *rest):
    """Math.atan2 ( y, x ) (21.3.2.8); C99's atan2 has the same special cases."""
    y = _num(y)
    x = _num(x)
    return math.atan2(y, x)


def math_cbrt(this, x=undefined, *rest):
    """Math.cbrt ( x ) (21.3.2.9)."""
    x = _num(x)
    if x != x or x in (INF, -INF) or x == 0:
        return x
    r = math.cbrt(x)
    # libm's cbrt may be off by an ulp (cbrt(27) = 3.0000000000000004 on glibc):
    # keep the neighbour whose exact cube is closest to x.
    ex = Fraction(x)
    best = r
    err = abs(Fraction(r) ** 3 - ex)
    for y in (math.nextafter(r, -INF), math.nextafter(r, INF)):
        e = abs(Fraction(y) ** 3 - ex)
        if e < err:
            best, err = y, e
    return best


def math_ceil(this, x=undefined, *rest):
    """Math.ceil ( x ) (21.3.2.10): -0 for -1 < x < 0."""
    x = _num(x)
    if x != x or x in (INF, -INF) or x == 0:
        return x
    if -1.0 < x < 0.0:
        return -0.0
    return float(math.ceil(x))


def math_clz32(this, x=undefined, *rest):
    """Math.clz32 ( x ) (21.3.2.11)."""
    n = to_uint32(_num(x))
    return float(32 - n.bit_length())


def math_cos(this, x=undefined, *rest):
    """Math.cos ( x ) (21.3.2.12)."""
    x = _num(x)
    if x in (INF, -INF):
        return NAN
    return math.cos(x)


def math_cosh(this, x=undefined, *rest):
    """Math.cosh ( x ) (21.3.2.13)."""
    x = _num(x)
    try:
        return math.cosh(x)
    except OverflowError:
        return INF


def math_exp(this, x=undefined, *rest):
    """Math.exp ( x ) (21.3.2.14)."""
    x = _num(x)
    try:
        return math.exp(x)
    except OverflowError:
        return INF


def math_expm1(this, x=undefined, *rest):
    """Math.expm1 ( x ) (21.3.2.15)."""
    x = _num(x)
    try:
        return math.expm1(x)
    except OverflowError:
        return INF


def math_floor(this, x=undefined, *rest):
    """Math.floor ( x ) (21.3.2.16)."""
    x = _num(x)
    if x != x or x in (INF, -INF) or x == 0:
        return x
    return float(math.floor(x))


# Values at or beyond this magnitude round to ±Infinity as float32
# (FLT_MAX + half an ulp; the tie goes to the even significand, i.e. to 2**128).
_F32_OVERFLOW = 2.0 ** 128 - 2.0 ** 103
_f32 = struct.Struct("<f")


def math_fround(this, x=undefined, *rest):
    """Math.fround ( x ) (21.3.2.17): round to the nearest float32, ties to even."""
    x = _num(x)
    if x != x or x in (INF, -INF) or x == 0:
        return x
    if abs(x) >= _F32_OVERFLOW:
        return _copysign(INF, x)
    return _f32.unpack(_f32.pack(x))[0]


def math_hypot(this, *args):
    """Math.hypot ( ...args ) (21.3.2.18): Infinity wins over NaN; all coerced first.

    Implementation-approximated; computed as V8 does (each |arg| scaled by the largest,
    squares summed with Kahan compensation, then sqrt(sum) * max), so that results
    agree with node digit for digit."""
    nums = [abs(_num(a)) for a in args]
    if not nums:
        return 0.0
    nan = False
    mx = 0.0
    for n in nums:
        if n != n:
            nan = True
        elif n > mx:
            mx = n
    if mx == INF:
        return INF
    if nan:
        return NAN
    if mx == 0:
        return 0.0
    total = 0.0
    compensation = 0.0
    for n in nums:
        r = n / mx
        summand = r * r - compensation
        preliminary = total + summand
        compensation = (preliminary - total) - summand
        total = preliminary
    return math.sqrt(total) * mx


def math_imul(this, a=undefined, b=undefined, *rest):
    """Math.imul ( x, y ) (21.3.2.19)."""
    x = to_uint32(_num(a))
    y = to_uint32(_num(b))
    p = (x * y) & 0xFFFFFFFF
    return float(p - 0x100000000 if p & 0x80000000 else p)


def _log(fn, x):
    if x != x or x < 0:
        return NAN
    if x == 0:
        return -INF
    if x == INF:
        return INF
    return fn(x)


def math_log(this, x=undefined, *rest):
    """Math.log ( x ) (21.3.2.20)."""
    return _log(math.log, _num(x))


def math_log1p(this, x=undefined, *rest):
    """Math.log1p ( x ) (21.3.2.21)."""
    x = _num(x)
    if x != x or x < -1.0:
        return NAN
    if x == -1.0:
        return -INF
    if x == INF or x == 0:
        return x
    return math.log1p(x)


def math_log10(this, x=undefined, *rest):
    """Math.log10 ( x ) (21.3.2.22)."""
    return _log(math.log10, _num(x))


def math_log2(this, x=undefined, *rest):
    """Math.log2 ( x ) (21.3.2.23)."""
    return _log(math.log2, _num(x))


def math_max(this, *args):
    """Math.max ( ...args ) (21.3.2.24): +0 is larger than -0; NaN if any is NaN."""
    nums = [_num(a) for a in args]
    r = -INF
    for n in nums:
        if n != n:
            return NAN
        if n > r or (n == 0 and r == 0 and _copysign(1.0, r) < 0):
            r = n
    return r


def math_min(this, *args):
    """Math.min ( ...args ) (21.3.2.25): -0 is smaller than +0; NaN if any is NaN."""
    nums = [_num(a) for a in args]
    r = INF
    for n in nums:
        if n != n:
            return NAN
        if n < r or (n == 0 and r == 0 and _copysign(1.0, n) < 0):
            r = n
    return r


def math_pow(this, base=undefined, exponent=undefined, *rest):
    """Math.pow ( base, exponent ) (21.3.2.26): Number::exponentiate."""
    return ops.power(_num(base), _num(exponent))


class _HookRandom:
    """A builder-supplied deterministic source for Math.random()."""
    __slots__ = ("fn",)

    def __init__(self, fn):
        self.fn = fn

    def random(self):
        return float(self.fn())


def realm_rng(realm):
    """The realm's random generator, created on first use.  The one place where a
    restricted (RealmBuilder) realm refuses randomness."""
    if realm.restricted:
        hook = (getattr(realm, "restricted_hooks", None) or {}).get("random")
        if hook is not None:
            return _HookRandom(hook)      # RealmBuilder(hooks={"random": fn})
        throw_type_error("Math.random() is not allowed in a RealmBuilder realm")
    rng = getattr(realm, "rng", None)
    if rng is None:
        rng = realm.rng = random.Random()
    return rng


def math_random(this, *args):
    """Math.random ( ) (21.3.2.27)."""
    return realm_rng(STATE.realm).random()


def math_round(this, x=undefined, *rest):
    """Math.round ( x ) (21.3.2.28): half up; -0 for -0.5 <= x < 0."""
    x = _num(x)
    if x != x or x in (INF, -INF) or x == 0:
        return x
    if x < 0 and x >= -0.5:
        return -0.0
    if 0 < x < 0.5:
        return 0.0
    f = math.floor(x)
    # x - f is exact for every double (both are in the same or adjacent binades)
    return float(f) if x - f < 0.5 else float(f + 1)


def math_sign(this, x=undefined, *rest):
    """Math.sign ( x ) (21.3.2.29)."""
    x = _num(x)
    if x != x or x == 0:
        return x
    return 1.0 if x > 0 else -1.0


def math_sin(this, x=undefined, *rest):
    """Math.sin ( x ) (21.3.2.30)."""
    x = _num(x)
    if x in (INF, -INF):
        return NAN
    return math.sin(x)


def math_sinh(this, x=undefined, *rest):
    """Math.sinh ( x ) (21.3.2.31)."""
    x = _num(x)
    try:
        return math.sinh(x)
    except OverflowError:
        return _copysign(INF, x)


def math_sqrt(this, x=undefined, *rest):
    """Math.sqrt ( x ) (21.3.2.32)."""
    x = _num(x)
    if x != x or x < 0:
        return NAN
    return math.sqrt(x)


def math_tan(this, x=undefined, *rest):
    """Math.tan ( x ) (21.3.2.33)."""
    x = _num(x)
    if x in (INF, -INF):
        return NAN
    return math.tan(x)


def math_tanh(this, x=undefined, *rest):
    """Math.tanh ( x ) (21.3.2.34)."""
    return math.tanh(_num(x))


def math_trunc(this, x=undefined, *rest):
    """Math.trunc ( x ) (21.3.2.35)."""
    x = _num(x)
    if x != x or x in (INF, -INF) or x == 0:
        return x
    if -1.0 < x < 0.0:
        return -0.0
    return float(math.trunc(x))


# ---------------------------------------------------------------------------
# setup
# ---------------------------------------------------------------------------

VALUES = (  # 21.3.1, each { [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: false }
    ("E", 2.718281828459045),
    ("LN10", 2.302585092994046),
    ("LN2", 0.6931471805599453),
    ("LOG10E", 0.4342944819032518),
    ("LOG2E", 1.4426950408889634),
    ("PI", 3.141592653589793),
    ("SQRT1_2", 0.7071067811865476),
    ("SQRT2", 1.4142135623730951),
)

FUNCTIONS = (
    ("abs", math_abs, 1),
    ("acos", math_acos, 1),
    ("acosh", math_acosh, 1),
    ("asin", math_asin, 1),
    ("asinh", math_asinh, 1),
    ("atan", math_atan, 1),
    ("atanh", math_atanh, 1),
    ("atan2", math_atan2, 2),
    ("cbrt", math_cbrt, 1),
    ("ceil", math_ceil, 1),
    ("clz32", math_clz32, 1),
    ("cos", math_cos, 1),
    ("cosh", math_cosh, 1),
    ("exp", math_exp, 1),
    ("expm1", math_expm1, 1),
    ("floor", math_floor, 1),
    ("fround", math_fround, 1),
    ("hypot", math_hypot, 2),
    ("imul", math_imul, 2),
    ("log", math_log, 1),
    ("log1p", math_log1p, 1),
    ("log10", math_log10, 1),
    ("log2", math_log2, 1),
    ("max", math_max, 2),
    ("min", math_min, 2),
    ("pow", math_pow, 2),
    ("random", math_random, 0),
    ("round", math_round, 1),
    ("sign", math_sign, 1),
    ("sin", math_sin, 1),
    ("sinh", math_sinh, 1),
    ("sqrt", math_sqrt, 1),
    ("tan", math_tan, 1),
    ("tanh", math_tanh, 1),
    ("trunc", math_trunc, 1),
)


def setup(realm):
    intr = realm.intrinsics
    m = JSObject(intr["%Object.prototype%"])
    intr["%Math%"] = m
    define_values(m, VALUES, 0)
    define_methods(realm, m, FUNCTIONS)
    m._store(SYM_TO_STRING_TAG, "Math", C)
    realm.global_object._store("Math", m, W | C)
