"""Number, BigInt and Math built-ins (jsrt/builtins/number.py, jsrt/builtins/math.py).

Each row is a script and the output node v20 prints for it (checked against node when the
rows were written); the differential test runs a larger generated script through jsrt and
node and compares the output line by line.
"""

import shutil

import pytest

from jshelpers import run_js, run_node
from jsrt.realm import from_utf16

CASES = [
    ('console.log(Number(), Number("  12  "), Number("0x1F"), Number("0b101"), Number("0o17"), Number("1e3"), Number(""), Number(" "), Number("12px"), Number(null), Number(undefined), Number(true), Number([5]), Number("Infinity"), Number("-0") === 0)',
     '0 12 31 5 15 1000 0 0 NaN 0 NaN 1 5 Infinity true\n'),
    ('console.log(Number(BigInt("9007199254740993")), Number(BigInt(-5)), typeof Number(BigInt(1)), Number(BigInt("1" + "0".repeat(400))))',
     '9007199254740992 -5 number Infinity\n'),
    ('var n = new Number(4); console.log(typeof n, n + 1, n.valueOf(), Object.prototype.toString.call(n), Object.prototype.toString.call(Number.prototype), Number.prototype.valueOf())',
     'object 5 4 [object Number] [object Number] 0\n'),
    ('console.log(Number.EPSILON === Math.pow(2, -52), Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, Number.MAX_VALUE, Number.MIN_VALUE, Number.NaN, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY)',
     'true 9007199254740991 -9007199254740991 1.7976931348623157e+308 5e-324 NaN -Infinity Infinity\n'),
    ('console.log(Number.isFinite(1), Number.isFinite("1"), Number.isFinite(Infinity), Number.isNaN(NaN), Number.isNaN("NaN"), Number.isInteger(5.0), Number.isInteger(5.5), Number.isInteger(-0), Number.isSafeInteger(2 ** 53 - 1), Number.isSafeInteger(2 ** 53), Number.isSafeInteger(1.5))',
     'true false false true false true false true true false false\n'),
    ('console.log(Number.parseInt === parseInt, Number.parseFloat === parseFloat, parseInt("  -0x1A"), parseInt("123abc", 8), parseInt("z", 36), parseInt("", 10), parseInt("12", 1), parseInt("12", 37), parseInt("0.0000001"), parseInt(0.0000001), parseInt("9007199254740993"), 1 / parseInt("-0"))',
     'true true -26 83 35 NaN NaN NaN 0 1 9007199254740992 -Infinity\n'),
    ('console.log(parseFloat("3.14abc"), parseFloat(".5"), parseFloat("-.5e-3x"), parseFloat("Infinityx"), parseFloat("x"), parseFloat("1e1000"), parseFloat("  \\n 7"), 1 / parseFloat("-0"))',
     '3.14 0.5 -0.0005 Infinity NaN Infinity 7 -Infinity\n'),
    ('console.log((255).toString(16), (255).toString(2), (-255).toString(36), (0.5).toString(2), (3.75).toString(8), (1e21).toString(), (1e-7).toString(), (123.456).toString(), (NaN).toString(2), (-Infinity).toString(16), (-0).toString())',
     'ff 11111111 -73 0.1 3.6 1e+21 1e-7 123.456 NaN -Infinity 0\n'),
    ('console.log((1.005).toFixed(2), (1.45).toFixed(1), (0).toFixed(2), (-1.5).toFixed(0), (1e21).toFixed(2), (123.456).toFixed(), (0.000001).toFixed(7), (-0.0000001).toFixed(2), (NaN).toFixed(2), (2.5).toFixed(0))',
     '1.00 1.4 0.00 -2 1e+21 123 0.0000010 -0.00 NaN 3\n'),
    ('console.log((123456).toExponential(2), (0).toExponential(), (0).toExponential(2), (1.5e-10).toExponential(), (-1234.5678).toExponential(3), (Infinity).toExponential(200), (5e-324).toExponential(), (1.25).toExponential(1))',
     '1.23e+5 0e+0 0.00e+0 1.5e-10 -1.235e+3 Infinity 5e-324 1.3e+0\n'),
    ('console.log((123.456).toPrecision(4), (0.000123).toPrecision(2), (123456789).toPrecision(3), (1e21).toPrecision(3), (0).toPrecision(3), (-1.5).toPrecision(1), (123.456).toPrecision(), (1.45).toPrecision(2), (99.99).toPrecision(3))',
     '123.5 0.00012 1.23e+8 1.00e+21 0.00 -2 123.456 1.4 100\n'),
    ('try { (1).toFixed(-1) } catch (e) { console.log(e.name, e.message) }',
     'RangeError toFixed() digits argument must be between 0 and 100\n'),
    ('try { (1).toExponential(101) } catch (e) { console.log(e.name, e.message) }',
     'RangeError toExponential() argument must be between 0 and 100\n'),
    ('try { (1).toPrecision(0) } catch (e) { console.log(e.name, e.message) }',
     'RangeError toPrecision() argument must be between 1 and 100\n'),
    ('try { (1).toString(37) } catch (e) { console.log(e.name, e.message) }',
     'RangeError toString() radix argument must be between 2 and 36\n'),
    ('try { Number.prototype.toFixed.call("1", 2) } catch (e) { console.log(e.name, e.message) }',
     "TypeError Number.prototype.toFixed requires that 'this' be a Number\n"),
    ('try { Number.prototype.valueOf.call({}) } catch (e) { console.log(e.name, e.message) }',
     "TypeError Number.prototype.valueOf requires that 'this' be a Number\n"),
    ('console.log((1234567.891).toLocaleString(), (0.0001).toLocaleString(), (1.0005).toLocaleString(), (-1234.5).toLocaleString(), (NaN).toLocaleString(), (-Infinity).toLocaleString(), (1e21).toLocaleString(), (999.9999).toLocaleString(), (12).toLocaleString())',
     '1,234,567.891 0 1.001 -1,234.5 NaN -∞ 1,000,000,000,000,000,000,000 1,000 12\n'),
    ('console.log((1234.5).toLocaleString(undefined, {minimumFractionDigits: 2}), (1234.5678).toLocaleString("en-US", {maximumFractionDigits: 1}), (1234.5).toLocaleString("en-US", {useGrouping: false}), (0.5).toLocaleString(undefined, {maximumFractionDigits: 0}))',
     '1,234.50 1,234.6 1234.5 1\n'),
    ('console.log(Number.length, Number.name, Number.prototype.toFixed.length, Number.prototype.toString.length, Number.isFinite.length, parseInt.length, parseFloat.length, parseInt.name)',
     '1 Number 1 1 1 2 1 parseInt\n'),
    ('console.log(typeof BigInt(1), BigInt(10).toString(), BigInt("  -123  ").toString(), BigInt("0x10").toString(), BigInt("0b11").toString(), BigInt("0o7").toString(), BigInt("").toString(), BigInt(true).toString(), BigInt(Number.MAX_SAFE_INTEGER).toString(), BigInt(1e21).toString())',
     'bigint 10 -123 16 3 7 0 1 9007199254740991 1000000000000000000000\n'),
    ('try { BigInt(1.5) } catch (e) { console.log(e.name, e.message) }',
     'RangeError The number 1.5 cannot be converted to a BigInt because it is not an integer\n'),
    ('try { BigInt(NaN) } catch (e) { console.log(e.name, e.message) }',
     'RangeError The number NaN cannot be converted to a BigInt because it is not an integer\n'),
    ('try { BigInt("1e3") } catch (e) { console.log(e.name, e.message) }',
     'SyntaxError Cannot convert 1e3 to a BigInt\n'),
    ('try { BigInt("-0x10") } catch (e) { console.log(e.name, e.message) }',
     'SyntaxError Cannot convert -0x10 to a BigInt\n'),
    ('try { BigInt(undefined) } catch (e) { console.log(e.name, e.message) }',
     'TypeError Cannot convert undefined to a BigInt\n'),
    ('try { BigInt(Symbol()) } catch (e) { console.log(e.name) }',
     'TypeError\n'),
    ('try { new BigInt(1) } catch (e) { console.log(e.name, e.message) }',
     'TypeError BigInt is not a constructor\n'),
    ('console.log(BigInt(255).toString(16), BigInt(-255).toString(2), BigInt("123456789012345678901234567890").toString(36), BigInt(1234567).toLocaleString(), BigInt(-1234).toLocaleString(), Object.prototype.toString.call(BigInt(1)), BigInt(5).valueOf() === BigInt(5))',
     'ff -11111111 byw97um9s91dlz68tsi 1,234,567 -1,234 [object BigInt] true\n'),
    ('console.log(BigInt.asIntN(8, BigInt(255)).toString(), BigInt.asIntN(8, BigInt(127)).toString(), BigInt.asIntN(0, BigInt(5)).toString(), BigInt.asUintN(8, BigInt(-1)).toString(), BigInt.asUintN(64, BigInt(-1)).toString(), BigInt.asIntN(64, BigInt("18446744073709551615")).toString(), BigInt.asUintN(3, "9").toString())',
     '-1 127 0 255 18446744073709551615 -1 1\n'),
    ('try { BigInt.asIntN(-1, BigInt(0)) } catch (e) { console.log(e.name, e.message) }',
     'RangeError Invalid value: not (convertible to) a safe integer\n'),
    ('try { BigInt.prototype.toString.call(1) } catch (e) { console.log(e.name, e.message) }',
     "TypeError BigInt.prototype.toString requires that 'this' be a BigInt\n"),
    ('try { BigInt(1).toString(1) } catch (e) { console.log(e.name, e.message) }',
     'RangeError toString() radix argument must be between 2 and 36\n'),
    ('console.log(BigInt.length, BigInt.name, BigInt.asIntN.length, BigInt.prototype.toString.length, Object(BigInt(3)) + BigInt(0) === BigInt(3))',
     '1 BigInt 2 0 true\n'),
    ('console.log(Math.abs(-2), 1 / Math.abs(-0), Math.abs("-3"), Math.abs(null), Math.abs(), Math.abs([2]), Math.abs(-Infinity))',
     '2 Infinity 3 0 NaN 2 Infinity\n'),
    ('console.log(Math.acos(1), Math.acos(2), Math.acosh(1), Math.acosh(0.5), Math.asin(2), 1 / Math.asinh(-0), Math.atan(Infinity) === Math.PI / 2, Math.atanh(1), Math.atanh(-1), Math.atanh(2), 1 / Math.atanh(-0))',
     '0 NaN 0 NaN NaN -Infinity true Infinity -Infinity NaN -Infinity\n'),
    ('console.log(Math.atan2(0, -0) === Math.PI, 1 / Math.atan2(-0, 0), Math.atan2(1, Infinity), Math.atan2(Infinity, Infinity) === Math.PI / 4, Math.atan2(-Infinity, -Infinity) === -3 * Math.PI / 4, Math.atan2(NaN, 1))',
     'true -Infinity 0 true true NaN\n'),
    ('console.log(Math.cbrt(27), Math.cbrt(-8), Math.cbrt(1000), 1 / Math.cbrt(-0), Math.cbrt(Infinity), Math.cbrt(0.001))',
     '3 -2 10 -Infinity Infinity 0.1\n'),
    ('console.log(Math.ceil(1.1), 1 / Math.ceil(-0.5), Math.ceil(-1.5), Math.floor(-1.5), 1 / Math.floor(-0), Math.floor(0.9), Math.trunc(-1.9), 1 / Math.trunc(-0.9), Math.trunc(1e300) === 1e300, Math.ceil(Infinity))',
     '2 -Infinity -1 -2 -Infinity 0 -1 -Infinity true Infinity\n'),
    ('console.log(Math.clz32(0), Math.clz32(1), Math.clz32(-1), Math.clz32(0.5), Math.clz32(2 ** 32), Math.clz32(NaN), Math.clz32(0x80000000))',
     '32 31 0 32 32 32 0\n'),
    ('console.log(Math.cos(0), Math.cos(Infinity), Math.cosh(0), Math.cosh(1000), Math.cosh(-Infinity), Math.sinh(-1000), 1 / Math.sinh(-0), Math.tanh(Infinity), Math.tanh(-Infinity), 1 / Math.tanh(-0))',
     '1 NaN 1 Infinity Infinity -Infinity -Infinity 1 -1 -Infinity\n'),
    ('console.log(Math.exp(0), Math.exp(1000), Math.exp(-Infinity), Math.exp(NaN), Math.expm1(0), 1 / Math.expm1(-0), Math.expm1(1000), Math.expm1(-Infinity))',
     '1 Infinity 0 NaN 0 -Infinity Infinity -1\n'),
    ('console.log(Math.fround(5.5), Math.fround(5.05), Math.fround(3.4028235677973366e38), Math.fround(3.4028235677973367e38), Math.fround(1e-46), 1 / Math.fround(-1e-46), Math.fround(2 ** 128), Math.fround(-3.5e38), Math.fround(1.401298464324817e-45))',
     '5.5 5.050000190734863 Infinity Infinity 0 -Infinity Infinity -Infinity 1.401298464324817e-45\n'),
    ('console.log(Math.hypot(), Math.hypot(3, 4), Math.hypot(NaN, Infinity), Math.hypot(NaN, 1), Math.hypot(-3), 1 / Math.hypot(-0), Math.hypot(1e200, 1e200), Math.hypot(3, 4, 12))',
     '0 5 Infinity NaN 3 Infinity 1.414213562373095e+200 13\n'),
    ('console.log(Math.imul(2, 4), Math.imul(-1, 8), Math.imul(0xffffffff, 5), Math.imul(0x7fffffff, 2), Math.imul(1.9, 2.9), Math.imul())',
     '8 -8 -5 -2 2 0\n'),
    ('console.log(Math.log(1), Math.log(0), Math.log(-1), Math.log(Infinity), Math.log1p(-1), Math.log1p(-2), 1 / Math.log1p(-0), Math.log10(1000), Math.log10(0), Math.log2(8), Math.log2(-0), Math.log2(0.5))',
     '0 -Infinity NaN Infinity -Infinity NaN -Infinity 3 -Infinity 3 -Infinity -1\n'),
    ('console.log(Math.max(), Math.min(), Math.max(1, NaN, 3), 1 / Math.max(-0, 0), 1 / Math.max(0, -0), 1 / Math.min(0, -0), 1 / Math.min(-0, 0), Math.max("7", 2), Math.min(null, 1), Math.max(-Infinity, -1e308))',
     '-Infinity Infinity NaN Infinity Infinity -Infinity -Infinity 7 0 -1e+308\n'),
    ('var calls = []; Math.max(NaN, {valueOf: function () { calls.push(1); return 1 }}, {valueOf: function () { calls.push(2); return 2 }}); console.log(calls.join())',
     '1,2\n'),
    ('console.log(Math.pow(2, 10), Math.pow(2, -1), Math.pow(NaN, 0), Math.pow(1, Infinity), Math.pow(-8, 1 / 3), Math.pow(0, -1), Math.pow(-0, -3), Math.pow(-0, -2), Math.pow(-Infinity, 3), Math.pow(-Infinity, 2), Math.pow(2, 1024), Math.pow(-2, 1025))',
     '1024 0.5 1 NaN NaN Infinity -Infinity Infinity -Infinity Infinity Infinity -Infinity\n'),
    ('console.log(Math.round(0.5), Math.round(-0.5) === 0 && 1 / Math.round(-0.5), Math.round(2.5), Math.round(-2.5), Math.round(-2.6), 1 / Math.round(-0.2), Math.round(0.49999999999999994), Math.round(4503599627370495.5), Math.round(-4503599627370495.5), Math.round(1e300) === 1e300, Math.round(NaN))',
     '1 -Infinity 3 -2 -3 -Infinity 0 4503599627370496 -4503599627370495 true NaN\n'),
    ('console.log(Math.sign(-5), Math.sign(5), 1 / Math.sign(-0), Math.sign(NaN), Math.sign("-2"), Math.sqrt(4), Math.sqrt(-1), 1 / Math.sqrt(-0), Math.sqrt(Infinity))',
     '-1 1 -Infinity NaN -1 2 NaN -Infinity Infinity\n'),
    ('console.log(Math.sin(0), 1 / Math.sin(-0), Math.sin(Infinity), Math.tan(0), Math.tan(-Infinity), Math.atan(-0) === 0)',
     '0 -Infinity NaN 0 NaN true\n'),
    ('var r = Math.random(); console.log(typeof r, r >= 0 && r < 1, Math.random() !== Math.random())',
     'number true true\n'),
    ('console.log(Math.E, Math.LN10, Math.LN2, Math.LOG10E, Math.LOG2E, Math.PI, Math.SQRT1_2, Math.SQRT2)',
     '2.718281828459045 2.302585092994046 0.6931471805599453 0.4342944819032518 1.4426950408889634 3.141592653589793 0.7071067811865476 1.4142135623730951\n'),
    ('console.log(Object.prototype.toString.call(Math), JSON.stringify(Object.getOwnPropertyDescriptor(Math, "PI")), Math.max.length, Math.hypot.length, Math.random.length, Math.atan2.length, typeof Math, Object.getPrototypeOf(Math) === Object.prototype)',
     '[object Math] {"value":3.141592653589793,"writable":false,"enumerable":false,"configurable":false} 2 2 0 2 object true\n'),
    ('try { new Math.max() } catch (e) { console.log(e.name) }',
     'TypeError\n'),
]


@pytest.mark.parametrize("src,expected", CASES)
def test_number_math(src, expected):
    assert from_utf16(run_js(src)) == expected


DIFFERENTIAL = r"""
var out = [];
function show(label, f) {
  var r;
  try { r = f(); r = typeof r === "number" ? (Object.is(r, -0) ? "-0" : String(r)) : JSON.stringify(r); } catch (e) { r = "!" + e.name + ": " + e.message; }
  out.push(label + " " + r);
}
var seed = 12345;
function rnd() { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; }
var nums = [0, -0, 1, -1, 0.1, 0.5, 1.5, 2.5, -2.5, 1.005, 1.45, 123.456, 1e21, 1e-7, 5e-324, 1.7976931348623157e308, 2 ** 53, 2 ** 53 + 2, 0.000001234, 123456789.123, -987654.321, 1 / 3, 2 / 3, Math.PI, Math.E, 4.35, 0.045, 1e300, 1.1e-300, NaN, Infinity, -Infinity, 255, 4294967295, -2147483648];
for (var i = 0; i < 60; i++) {
  var e = Math.floor(rnd() * 40) - 20;
  nums.push((rnd() - 0.5) * Number("1e" + e));
  nums.push(Math.floor(rnd() * 1e6) / 100);
}
nums.forEach(function (x, xi) {
  show(xi + " str", function () { return String(x); });
  [2, 3, 7, 8, 16, 36].forEach(function (r) { show(xi + " radix" + r, function () { return x.toString(r); }); });
  [0, 1, 2, 5, 10, 20].forEach(function (d) { show(xi + " fixed" + d, function () { return x.toFixed(d); }); });
  [undefined, 0, 1, 3, 10, 20].forEach(function (d) { show(xi + " exp" + d, function () { return x.toExponential(d); }); });
  [undefined, 1, 2, 5, 10, 21].forEach(function (d) { show(xi + " prec" + d, function () { return x.toPrecision(d); }); });
  show(xi + " locale", function () { return x.toLocaleString(); });
  ["abs", "ceil", "floor", "round", "trunc", "sign", "fround", "clz32", "sqrt"].forEach(function (m) { show(xi + " " + m, function () { return Math[m](x); }); });
  ["sin", "cos", "tan", "exp", "log", "atan", "sinh", "cosh", "tanh", "asinh", "log10", "log2", "log1p", "expm1", "cbrt", "asin", "acos", "acosh", "atanh"].forEach(function (m) {
    show(xi + " " + m, function () { var v = Math[m](x); return v === 0 || !isFinite(v) ? v : Number(v.toPrecision(10)); });
  });
  show(xi + " imul", function () { return Math.imul(x, 123456789); });
  show(xi + " max", function () { return [Math.max(x, 0), Math.min(x, -0), Math.hypot(x, 3)]; });
  show(xi + " pow", function () { return [Math.pow(x, 2), Math.pow(2, x), Math.pow(x, 0.5), Math.pow(-x, 3)].map(function (v) { return v === 0 || !isFinite(v) ? String(v) : v.toPrecision(12); }); });
  show(xi + " atan2", function () { return [Math.atan2(x, 1), Math.atan2(1, x), Math.atan2(x, -x)].map(function (v) { return v.toPrecision(12); }); });
  show(xi + " isInt", function () { return [Number.isInteger(x), Number.isSafeInteger(x), Number.isFinite(x), isNaN(x)]; });
  show(xi + " parse", function () { return [parseFloat(String(x)), parseInt(String(x)), Number(String(x)), Number(x.toExponential())]; });
});
var strs = ["", " ", "12", " 12 ", "1_000", "0x", "0x1g", "0b2", "0o8", "+0x10", "-0x10", "1e", ".e1", "5.", ".5", "+.5", "-", "+", "Infinity", "-Infinity", "infinity", "1e1000", "00012", "0.0e0", "\u00a012\u2003", "1,5", "١٢", "12abc", "0X1F", "0B11", "0O17"];
strs.forEach(function (s, si) {
  show("s" + si + " Number", function () { return Number(s); });
  show("s" + si + " parseFloat", function () { return parseFloat(s); });
  [undefined, 0, 2, 8, 10, 16, 36, 37, 1].forEach(function (r) { show("s" + si + " parseInt" + r, function () { return parseInt(s, r); }); });
  show("s" + si + " BigInt", function () { return BigInt(s).toString(); });
});
["0", "1", "-1", "255", "9007199254740993", "-123456789012345678901234567890", "18446744073709551616"].forEach(function (s, si) {
  var b = BigInt(s);
  [2, 8, 10, 16, 36].forEach(function (r) { show("b" + si + " radix" + r, function () { return b.toString(r); }); });
  [0, 1, 7, 8, 32, 64, 65].forEach(function (n) { show("b" + si + " asIntN" + n, function () { return [BigInt.asIntN(n, b).toString(), BigInt.asUintN(n, b).toString()]; }); });
  show("b" + si + " num", function () { return Number(b); });
  show("b" + si + " locale", function () { return b.toLocaleString(); });
});
console.log(out.join("\n"));"""


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_number_math_differential_against_node():
    ours = from_utf16(run_js(DIFFERENTIAL)).split("\n")
    theirs = run_node(DIFFERENTIAL).split("\n")
    assert len(ours) == len(theirs)
    for i, (a, b) in enumerate(zip(ours, theirs)):
        assert a == b, "line %d differs:\n  jsrt: %s\n  node: %s" % (i + 1, a, b)
