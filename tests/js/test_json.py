"""JSON.parse and JSON.stringify (jsrt/builtins/json.py).

Each row is a script and the output node v20 prints for it (checked against node when the
rows were written); the differential test runs a larger generated script through jsrt and
node and compares the output line by line.
"""

import shutil

import pytest

from jshelpers import run_js, run_node
from jsrt.realm import from_utf16

CASES = [
    ('console.log(JSON.stringify(JSON.parse(\'{"a":[1,2,{"b":null}],"c":"x","d":true,"e":false,"f":-0.5e2}\')))',
     '{"a":[1,2,{"b":null}],"c":"x","d":true,"e":false,"f":-50}\n'),
    ('console.log(JSON.stringify(JSON.parse(\' [ 1 , "2" , [ ] , { } ] \')), JSON.parse("-0") === 0 && 1 / JSON.parse("-0"), JSON.parse("1E400"), JSON.parse(\'"\\\\u0041\\\\n\\\\/"\'), JSON.parse("123456789012345678901"))',
     '[1,"2",[],{}] -Infinity Infinity A\n/ 123456789012345680000\n'),
    ('var o = JSON.parse(\'{"b":1,"a":2,"2":3,"1":4,"b":5}\'); console.log(Object.keys(o).join(), o.b)',
     '1,2,b,a 5\n'),
    ('var p = JSON.parse(\'{"__proto__":{"x":1}}\'); console.log(Object.getPrototypeOf(p) === Object.prototype, p.x, JSON.stringify(Object.keys(p)), typeof p.__proto__)',
     'true undefined ["__proto__"] object\n'),
    ('var s = JSON.parse(\'"\\\\ud83d\\\\ude00|\\\\ud800|\\\\udc00"\'); console.log(s.length, s.charCodeAt(0), s.charCodeAt(1), s.charCodeAt(3), s.charCodeAt(5))',
     '6 55357 56832 55296 56320\n'),
    ('var deep = "[".repeat(10000) + "]".repeat(10000); var d = JSON.parse(deep); var n = 0; while (Array.isArray(d) && d.length) { d = d[0]; n++ } console.log(n)',
     '9999\n'),
    ('var deepo = \'{"a":\'.repeat(5000) + "1" + "}".repeat(5000); var q = JSON.parse(deepo); var m = 0; while (typeof q === "object") { q = q.a; m++ } console.log(m, q)',
     '5000 1\n'),
    ('var bad = [\'{"a":1,}\', \'[1,2\', \'\', \' \', \'tru\', \'trux\', \'{"a" 1}\', \'"abc\', \'"a\\\\x"\', \'01\', \'-\', \'-01\', \'1.\', \'1e\', \'1e+\', \'[1]x\', \'{a:1}\', \'NaN\', \'undefined\', \'"\\u0001"\', \'{"a":1 "b":2}\', \'[,]\', \'"\\\\u12G4"\', \'{"abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz": tru}\', \'x\'.repeat(50), \'[                                   x]\', \'{"a":[1,2,3,{"b":tx}]}\', \'"\\\\\', \'"\\\\\\u2028"\', \'\\ufeff1\', \'{"a":}\', \'[1,]\', \'{,}\', \':\', \'{1:2}\', "\'a\'"]; bad.forEach(function (t) { try { JSON.parse(t); console.log("parsed", t) } catch (e) { console.log(e.name + ": " + e.message) } })',
     'SyntaxError: Expected double-quoted property name in JSON at position 7\nSyntaxError: Expected \',\' or \']\' after array element in JSON at position 4\nSyntaxError: Unexpected end of JSON input\nSyntaxError: Unexpected end of JSON input\nSyntaxError: Unexpected end of JSON input\nSyntaxError: Unexpected token \'x\', "trux" is not valid JSON\nSyntaxError: Expected \':\' after property name in JSON at position 5\nSyntaxError: Unterminated string in JSON at position 4\nSyntaxError: Bad escaped character in JSON at position 3\nSyntaxError: Unexpected number in JSON at position 1\nSyntaxError: No number after minus sign in JSON at position 1\nSyntaxError: Unexpected number in JSON at position 2\nSyntaxError: Unterminated fractional number in JSON at position 2\nSyntaxError: Exponent part is missing a number in JSON at position 2\nSyntaxError: Exponent part is missing a number in JSON at position 3\nSyntaxError: Unexpected non-whitespace character after JSON at position 3\nSyntaxError: Expected property name or \'}\' in JSON at position 1\nSyntaxError: "NaN" is not valid JSON\nSyntaxError: "undefined" is not valid JSON\nSyntaxError: Bad control character in string literal in JSON at position 1\nSyntaxError: Expected \',\' or \'}\' after property value in JSON at position 7\nSyntaxError: Unexpected token \',\', "[,]" is not valid JSON\nSyntaxError: Bad Unicode escape in JSON at position 5\nSyntaxError: Unexpected token \'}\', ..."wxyz": tru}" is not valid JSON\nSyntaxError: Unexpected token \'x\', "xxxxxxxxxx"... is not valid JSON\nSyntaxError: Unexpected token \'x\', ..."          x]" is not valid JSON\nSyntaxError: Unexpected token \'x\', ..."2,3,{"b":tx}]}" is not valid JSON\nSyntaxError: Unexpected end of JSON input\nSyntaxError: Unexpected token \'\u2028\', ""\\\u2028"" is not valid JSON\nSyntaxError: Unexpected token \'\ufeff\', "\ufeff1" is not valid JSON\nSyntaxError: Unexpected token \'}\', "{"a":}" is not valid JSON\nSyntaxError: Unexpected token \']\', "[1,]" is not valid JSON\nSyntaxError: Expected property name or \'}\' in JSON at position 1\nSyntaxError: Unexpected token \':\', ":" is not valid JSON\nSyntaxError: Expected property name or \'}\' in JSON at position 1\nSyntaxError: Unexpected token \'\'\', "\'a\'" is not valid JSON\n'),
    ('console.log(JSON.parse(1), JSON.parse(null), JSON.parse(true), JSON.parse({toString: function () { return "[3]" }})[0])',
     '1 null true 3\n'),
    ('try { JSON.parse() } catch (e) { console.log(e.name + ": " + e.message) }',
     'SyntaxError: "undefined" is not valid JSON\n'),
    ('try { JSON.parse({}) } catch (e) { console.log(e.name + ": " + e.message) }',
     'SyntaxError: "[object Object]" is not valid JSON\n'),
    ('console.log(JSON.stringify(JSON.parse(\'{"a":1,"b":[1,2],"c":{"d":3}}\', function (k, v) { return typeof v === "number" ? v * 10 : v })))',
     '{"a":10,"b":[10,20],"c":{"d":30}}\n'),
    ('var log = []; JSON.parse(\'{"a":{"b":1},"c":[2,3]}\', function (k, v) { log.push(k + "=" + JSON.stringify(v)); return v }); console.log(log.join(" "))',
     'b=1 a={"b":1} 0=2 1=3 c=[2,3] ={"a":{"b":1},"c":[2,3]}\n'),
    ('console.log(JSON.stringify(JSON.parse(\'{"a":1,"b":2,"c":[1,2,3]}\', function (k, v) { return k === "b" || k === "1" ? undefined : v })))',
     '{"a":1,"c":[1,null,3]}\n'),
    ('console.log(JSON.parse("[1,2]", function (k, v) { return this === undefined ? "u" : Array.isArray(this) ? "arr:" + k : typeof v === "object" ? v : "o" }).join())',
     'arr:0,arr:1\n'),
    ('console.log(JSON.stringify({a: 1, b: "x", c: [true, null, false], d: {}, e: []}), JSON.stringify("str"), JSON.stringify(1.5), JSON.stringify(null), JSON.stringify(true))',
     '{"a":1,"b":"x","c":[true,null,false],"d":{},"e":[]} "str" 1.5 null true\n'),
    ('console.log(JSON.stringify(undefined), JSON.stringify(function () {}), JSON.stringify(Symbol()), JSON.stringify([undefined, function () {}, Symbol("s")]), JSON.stringify({a: undefined, b: function () {}, c: Symbol(), [Symbol()]: 1}))',
     'undefined undefined undefined [null,null,null] {}\n'),
    ('console.log(JSON.stringify(-0), JSON.stringify(NaN), JSON.stringify(Infinity), JSON.stringify([-Infinity]), JSON.stringify(1e21), JSON.stringify(1e-7), JSON.stringify(0.1 + 0.2))',
     '0 null null [null] 1e+21 1e-7 0.30000000000000004\n'),
    ('console.log(JSON.stringify("\\u0000\\u0001\\u001f\\b\\t\\n\\f\\r\\"\\\\/\\u007f\\u2028\\u2029"), JSON.stringify("\\ud800"), JSON.stringify("\\udc00\\ud800"), JSON.stringify("\\ud83d\\ude00"), JSON.stringify({"\\ud800": "k"}))',
     '"\\u0000\\u0001\\u001f\\b\\t\\n\\f\\r\\"\\\\/\x7f\u2028\u2029" "\\ud800" "\\udc00\\ud800" "😀" {"\\ud800":"k"}\n'),
    ('console.log(JSON.stringify({a: [1, {b: 2}], c: "x"}, null, 2))',
     '{\n  "a": [\n    1,\n    {\n      "b": 2\n    }\n  ],\n  "c": "x"\n}\n'),
    ('console.log(JSON.stringify({a: [1, {b: 2}], c: []}, null, "--"), JSON.stringify([1], null, 20).length, JSON.stringify([1], null, "12345678901234").split("\\n")[1], JSON.stringify({a: 1}, null, 0), JSON.stringify({a: 1}, null, -5), JSON.stringify({a: 1}, null, ""))',
     '{\n--"a": [\n----1,\n----{\n------"b": 2\n----}\n--],\n--"c": []\n} 15 12345678901 {"a":1} {"a":1} {"a":1}\n'),
    ('console.log(JSON.stringify({a: 1}, null, new Number(3)), JSON.stringify({a: 1}, null, new String("\\t")), JSON.stringify({a: 1}, null, true), JSON.stringify([[]], null, 1), JSON.stringify({a: {}}, null, 1))',
     '{\n   "a": 1\n} {\n\t"a": 1\n} {"a":1} [\n []\n] {\n "a": {}\n}\n'),
    ('console.log(JSON.stringify({a: 1, b: 2, c: {a: 3, d: 4}}, ["a", "c"]), JSON.stringify({1: "one", 2: "two"}, [1, new String("2"), new Number(1), {}]), JSON.stringify({a: 1, b: 2}, ["b", "a", "b"]))',
     '{"a":1,"c":{"a":3}} {"1":"one","2":"two"} {"b":2,"a":1}\n'),
    ('console.log(JSON.stringify({a: 1, b: [1, 2], c: "s"}, function (k, v) { return typeof v === "number" ? v + 1 : v }), JSON.stringify({a: 1}, function (k, v) { return k === "" ? [this[""] === v, k] : v }))',
     '{"a":2,"b":[2,3],"c":"s"} [true,""]\n'),
    ('console.log(JSON.stringify({a: 5, b: 6}, function (k, v) { return k === "a" ? undefined : v }), JSON.stringify([5, 6], function (k, v) { return k === "0" ? undefined : v }))',
     '{"b":6} [null,6]\n'),
    ('console.log(JSON.stringify({toJSON: function (k) { return "key:" + k }}), JSON.stringify({x: {toJSON: function (k) { return k + "!" }}}), JSON.stringify([{toJSON: function (k) { return typeof k + k }}]))',
     '"key:" {"x":"x!"} ["string0"]\n'),
    ('console.log(JSON.stringify([new Number(3), new String("s"), new Boolean(false), Object(Symbol())]), JSON.stringify({n: new Number(NaN)}), JSON.stringify(Object("abc")))',
     '[3,"s",false,{}] {"n":null} "abc"\n'),
    ('var num = new Number(1); num.valueOf = function () { return 42 }; var str = new String("a"); str.toString = function () { return "b" }; console.log(JSON.stringify([num, str]))',
     '[42,"b"]\n'),
    ('try { JSON.stringify(BigInt(1)) } catch (e) { console.log(e.name + ": " + e.message) }',
     'TypeError: Do not know how to serialize a BigInt\n'),
    ('try { JSON.stringify({a: [Object(BigInt(2))]}) } catch (e) { console.log(e.name + ": " + e.message) }',
     'TypeError: Do not know how to serialize a BigInt\n'),
    ('BigInt.prototype.toJSON = function () { return this.toString() + "n" }; console.log(JSON.stringify({a: BigInt(7)})); delete BigInt.prototype.toJSON',
     '{"a":"7n"}\n'),
    ('var a = {}; a.self = a; try { JSON.stringify(a) } catch (e) { console.log(e.name + ": " + e.message) }',
     "TypeError: Converting circular structure to JSON\n    --> starting at object with constructor 'Object'\n    --- property 'self' closes the circle\n"),
    ('var b = {x: {y: [1, {z: null}]}}; b.x.y[1].z = b; try { JSON.stringify(b) } catch (e) { console.log(e.message) }',
     "Converting circular structure to JSON\n    --> starting at object with constructor 'Object'\n    |     property 'x' -> object with constructor 'Object'\n    |     property 'y' -> object with constructor 'Array'\n    |     index 1 -> object with constructor 'Object'\n    --- property 'z' closes the circle\n"),
    ('var c = [[]]; c[0].push(c); try { JSON.stringify(c) } catch (e) { console.log(e.message) }',
     "Converting circular structure to JSON\n    --> starting at object with constructor 'Array'\n    |     index 0 -> object with constructor 'Array'\n    --- index 0 closes the circle\n"),
    ('function Foo() {} var f = new Foo(); f.q = {r: f}; try { JSON.stringify(f) } catch (e) { console.log(e.message) }',
     "Converting circular structure to JSON\n    --> starting at object with constructor 'Foo'\n    |     property 'q' -> object with constructor 'Object'\n    --- property 'r' closes the circle\n"),
    ('var g = {a: {b: {c: {d: {e: {}}}}}}; g.a.b.c.d.e.f = g; try { JSON.stringify(g) } catch (e) { console.log(e.message) }',
     "Converting circular structure to JSON\n    --> starting at object with constructor 'Object'\n    |     property 'a' -> object with constructor 'Object'\n    |     property 'b' -> object with constructor 'Object'\n    |     ...\n    |     property 'e' -> object with constructor 'Object'\n    --- property 'f' closes the circle\n"),
    ('var h = {}; h[""] = h; try { JSON.stringify(h) } catch (e) { console.log(e.message) }',
     "Converting circular structure to JSON\n    --> starting at object with constructor 'Object'\n    --- <anonymous> closes the circle\n"),
    ('var shared = {v: 1}; console.log(JSON.stringify({a: shared, b: shared, c: [shared, shared]}))',
     '{"a":{"v":1},"b":{"v":1},"c":[{"v":1},{"v":1}]}\n'),
    ('var arr = [1, 2]; arr.extra = 3; var sparse = [1, , 3]; sparse.length = 5; console.log(JSON.stringify(arr), JSON.stringify(sparse), JSON.stringify({length: 2, 0: "a"}))',
     '[1,2] [1,null,3,null,null] {"0":"a","length":2}\n'),
    ('var obj = Object.create({inherited: 1}); obj.own = 2; Object.defineProperty(obj, "hidden", {value: 3, enumerable: false}); Object.defineProperty(obj, "getter", {get: function () { return "g" }, enumerable: true}); console.log(JSON.stringify(obj))',
     '{"own":2,"getter":"g"}\n'),
    ('console.log(JSON.stringify({b: 1, a: 2, 10: 3, 2: 4, "-1": 5}), JSON.stringify(new String("ab")), JSON.stringify(Object.assign([1], {k: 1})))',
     '{"2":4,"10":3,"b":1,"a":2,"-1":5} "ab" [1]\n'),
    ('var order = []; var tricky = {get a() { order.push("a"); delete this.b; return 1 }, b: 2, c: 3}; console.log(JSON.stringify(tricky), order.join())',
     '{"a":1,"c":3} a\n'),
    ('console.log(Object.prototype.toString.call(JSON), JSON.parse.length, JSON.stringify.length, JSON.parse.name, typeof JSON, Object.keys(JSON).length)',
     '[object JSON] 2 3 parse object 0\n'),
]


@pytest.mark.parametrize("src,expected", CASES)
def test_json(src, expected):
    assert from_utf16(run_js(src)) == expected


DIFFERENTIAL = r"""
var out = [];
var seed = 987654321;
function rnd() { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; }
function pick(a) { return a[Math.floor(rnd() * a.length)]; }
var chars = ["a", "b", "Z", "0", " ", "\"", "\\", "/", "\n", "\t", "\b", "\f", "\r", "\u0001", "\u001f", "\u007f", "\u00e9", "\u2028", "\ud83d\ude00", "\ud800", "\udc00", "{", "}", "[", "]", ":", ","];
function rstr(n) { var s = ""; for (var i = 0; i < n; i++) s += pick(chars); return s; }
function rnum() {
  var k = rnd();
  if (k < 0.2) return Math.floor(rnd() * 1000) - 500;
  if (k < 0.4) return (rnd() - 0.5) * Number("1e" + (Math.floor(rnd() * 60) - 30));
  if (k < 0.5) return pick([0, -0, 1e21, 1e-7, 5e-324, 1.7976931348623157e308, 0.1, 123456789012345680000, NaN, Infinity, -Infinity]);
  return Math.floor(rnd() * 1e6) / 1000;
}
function rval(depth) {
  var k = rnd();
  if (depth > 4 || k < 0.35) {
    var t = rnd();
    if (t < 0.35) return rstr(Math.floor(rnd() * 6));
    if (t < 0.7) return rnum();
    if (t < 0.8) return rnd() < 0.5;
    if (t < 0.9) return null;
    return pick([undefined, function () { return 1; }, Symbol("s")]);
  }
  if (k < 0.65) {
    var a = [], n = Math.floor(rnd() * 5);
    for (var i = 0; i < n; i++) a.push(rval(depth + 1));
    return a;
  }
  var o = {}, m = Math.floor(rnd() * 5);
  for (var j = 0; j < m; j++) o[pick(["a", "b", "key", "1", "10", "0", "x y", "\u00e9", "\ud800", "__proto__", rstr(2)])] = rval(depth + 1);
  return o;
}
var spaces = [undefined, 0, 2, 4, "\t", "--", "abcdefghijklmn", 15];
for (var i = 0; i < 250; i++) {
  var v = rval(0);
  var sp = spaces[i % spaces.length];
  var s = JSON.stringify(v, null, sp);
  out.push(i + " " + s);
  if (s !== undefined && (typeof sp !== "string" || sp === "\t")) {
    var back = JSON.parse(s);
    out.push(i + " re " + JSON.stringify(back));
    out.push(i + " keys " + JSON.stringify(back && typeof back === "object" ? Object.keys(back) : null));
  }
  if (i % 5 === 0) out.push(i + " rep " + JSON.stringify(v, function (k, x) { return typeof x === "number" ? String(x) : typeof x === "string" ? x.length : x; }));
  if (i % 7 === 0) out.push(i + " list " + JSON.stringify(v, ["a", "1", "key", "0"], 1));
}
var texts = ['{"a":[1,2,{"b":null}],"c":"x\\u0041\\n","d":true,"e":-0.5e2}', '[1, 2.5e-3, "s", {"k": [null, false]}]', '  {"nested": {"deeper": {"deepest": [[], {}]}}}  ', '"\\ud83d\\ude00\\u00e9"', '123', '[]', '{}', '"x"', '[1e400, -1e-400, 0.1, 10E2]'];
var mut = ["", "x", "}", "]", ",", ":", "\"", "\\", "-", "0", "1", ".", "e", " ", "\u0001", "t", "n", "{", "["];
texts.forEach(function (t, ti) {
  for (var p = 0; p <= t.length; p++) {
    var variants = [t.slice(0, p) + t.slice(p + 1), t.slice(0, p) + pick(mut) + t.slice(p), t.slice(0, p)];
    variants.forEach(function (u, vi) {
      var r;
      try { r = "ok " + JSON.stringify(JSON.parse(u)); } catch (e) { r = e.name + ": " + e.message; }
      out.push("mut " + ti + "." + p + "." + vi + " " + JSON.stringify(u) + " -> " + r);
    });
  }
});
console.log(out.join("\n"));"""


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_json_differential_against_node():
    ours = from_utf16(run_js(DIFFERENTIAL)).split("\n")
    theirs = run_node(DIFFERENTIAL).split("\n")
    assert len(ours) == len(theirs)
    for i, (a, b) in enumerate(zip(ours, theirs)):
        assert a == b, "line %d differs:\n  jsrt: %s\n  node: %s" % (i + 1, a, b)
