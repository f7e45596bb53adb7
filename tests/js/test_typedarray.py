"""ArrayBuffer, TypedArrays and DataView: JS snippets with their expected output, and a
differential run against node (the reference for typed-array output) when present."""

import pytest

from jshelpers import run_js, node_available, run_node

CASES = [
    # construction and element conversion
    ("var a = new Uint8Array([1, 2, 300, -1, 1.9]); console.log(a.join());", "1,2,44,255,1\n"),
    ("console.log(new Int8Array([127, 128, -129, 255]).join());", "127,-128,127,-1\n"),
    ("console.log(new Uint8ClampedArray([300, -5, 1.5, 2.5, 0.5, NaN]).join());",
     "255,0,2,2,0,0\n"),
    ("console.log(new Int16Array([40000, -40000]).join());", "-25536,25536\n"),
    ("console.log(new Uint32Array([-1, 4294967296.5]).join());", "4294967295,0\n"),
    ("console.log(new Float32Array([1.1, 1e40, -1e40])[0], new Float32Array([1e40])[0]);",
     "1.100000023841858 Infinity\n"),
    ("var f = new Float64Array(2); f[0] = '2.5'; f[1] = {valueOf: function () { return 7; }};"
     " console.log(f.join());", "2.5,7\n"),
    ("console.log(new Int32Array(3).length, new Int32Array().length, "
     "new Float64Array(new Int8Array([1, -1])).join());", "3 0 1,-1\n"),
    ("console.log(new Uint16Array({length: 2, 0: 5, 1: '6'}).join(), "
     "new Uint8Array(new Set([3, 4])).join());", "5,6 3,4\n"),
    ("try { new Int32Array(new ArrayBuffer(6)); } catch (e) { console.log(e.name); }"
     "try { new Int32Array(new ArrayBuffer(8), 2); } catch (e) { console.log(e.name); }"
     "try { Int8Array(1); } catch (e) { console.log(e.name); }"
     "try { new Int8Array(-1); } catch (e) { console.log(e.name); }",
     "RangeError\nRangeError\nTypeError\nRangeError\n"),
    # integer-indexed exotic behaviour
    ("var a = new Int8Array(2); a[5] = 1; a['-0'] = 1; a[1.5] = 1; a.foo = 2;"
     "console.log(a[5], a['-0'], '5' in a, '1' in a, a.foo, Object.keys(a).join());",
     "undefined undefined false true 2 0,1,foo\n"),
    ("var a = new Uint8Array(2); console.log(delete a[0], delete a[5], "
     "Object.getOwnPropertyDescriptor(a, '0').writable, "
     "Reflect.defineProperty(a, '0', {value: 9}), a[0], "
     "Reflect.defineProperty(a, '0', {value: 1, enumerable: false}));",
     "false true true true 9 false\n"),
    ("var a = new Uint8Array(1); var o = Object.create(a); o[0] = 5; o[3] = 6;"
     "console.log(a[0], o.hasOwnProperty(0), o[3], o.hasOwnProperty(3));",
     "0 true undefined false\n"),
    ("try { Object.freeze(new Uint8Array(1)); } catch (e) { console.log(e.name); }"
     "console.log(Object.isFrozen(Object.freeze(new Uint8Array(0))));",
     "TypeError\ntrue\n"),
    # prototype methods
    ("var a = new Int16Array([5, 1, 4]);"
     "console.log(a.map(function (x) { return x * 2; }).join(), "
     "a.filter(function (x) { return x > 1; }).join(), a.reduce(function (s, x) "
     "{ return s + x; }), a.indexOf(4), a.includes(1), a.at(-1));",
     "10,2,8 5,4 10 2 true 4\n"),
    ("var a = new Float64Array([3, NaN, -0, 0, -Infinity, 1]); a.sort();"
     "console.log(a.join(), Object.is(a[1], -0));", "-Infinity,0,0,1,3,NaN true\n"),
    ("var a = new Uint8Array([1, 2, 3, 4, 5]); a.copyWithin(0, 3); console.log(a.join());"
     "a.fill(9, 1, -1); console.log(a.join()); a.reverse(); console.log(a.join());",
     "4,5,3,4,5\n4,9,9,9,5\n5,9,9,9,4\n"),
    ("var a = new Int32Array([1, 2, 3, 4]); var s = a.subarray(1, 3); s[0] = 20;"
     "console.log(a.join(), s.length, s.byteOffset, a.slice(-2).join());",
     "1,20,3,4 2 4 3,4\n"),
    ("var a = new Uint8Array(4); a.set([1, 2], 1); a.set(new Int8Array([-1]), 3);"
     "console.log(a.join()); try { a.set([1, 2], 3); } catch (e) { console.log(e.name); }",
     "0,1,2,255\nRangeError\n"),
    ("var a = new Uint8Array([3, 1, 2]);"
     "console.log(a.toSorted().join(), a.toReversed().join(), a.with(0, 7).join(), a.join(),"
     " a.findLast(function (x) { return x < 3; }), a.findLastIndex(function (x) "
     "{ return x > 5; }));", "1,2,3 2,1,3 7,1,2 3,1,2 2 -1\n"),
    ("var out = []; for (var e of new Int8Array([7, 8]).entries()) out.push(e.join(':'));"
     "console.log(out.join(), Array.prototype.slice.call(new Uint8Array([1, 2])).length);",
     "0:7,1:8 2\n"),
    ("console.log(Uint8Array.from([1, 2], function (x) { return x * 3; }).join(), "
     "Int8Array.of(1, -1).join(), Uint8Array.BYTES_PER_ELEMENT, "
     "Float64Array.prototype.BYTES_PER_ELEMENT);", "3,6 1,-1 1 8\n"),
    ("console.log(Object.prototype.toString.call(new Uint8ClampedArray()), "
     "Object.getPrototypeOf(Int8Array).name, new Int8Array([1, 2]).toString(), "
     "Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Int8Array.prototype), "
     "Symbol.toStringTag).get.call(3));",
     "[object Uint8ClampedArray] TypedArray 1,2 undefined\n"),
    ("class My extends Uint8Array {} var m = new My([1, 2]); var f = m.map(function (x) "
     "{ return x; }); console.log(f instanceof My, m.subarray(1) instanceof My);",
     "true true\n"),
    # ArrayBuffer
    ("var b = new ArrayBuffer(8); var c = b.slice(2, -2); console.log(c.byteLength, "
     "ArrayBuffer.isView(new DataView(b)), ArrayBuffer.isView(b), b.resizable, "
     "b.maxByteLength);", "4 true false false 8\n"),
    ("var b = new ArrayBuffer(4, {maxByteLength: 12}); var t = new Uint16Array(b);"
     "var f = new Uint16Array(b, 0, 2); b.resize(10); console.log(t.length, f.length);"
     "b.resize(2); console.log(t.length, f.length, f.byteLength, f.byteOffset);"
     "try { b.resize(13); } catch (e) { console.log(e.name); }",
     "5 2\n1 0 0 0\nRangeError\n"),
    ("var b = new ArrayBuffer(4); new Uint8Array(b)[0] = 7; var t = new Uint8Array(b);"
     "var c = b.transfer(8); console.log(b.detached, b.byteLength, t.length, c.byteLength, "
     "new Uint8Array(c)[0]); try { t.fill(1); } catch (e) { console.log(e.name); }",
     "true 0 0 8 7\nTypeError\n"),
    ("var b = new ArrayBuffer(2, {maxByteLength: 4}); var c = b.transferToFixedLength();"
     "var d = c.transfer(); console.log(c.resizable, d.resizable, b.detached, c.detached);",
     "false false true true\n"),
    # DataView
    ("var dv = new DataView(new ArrayBuffer(8)); dv.setInt16(0, -2); dv.setFloat32(4, 1.5, true);"
     "console.log(dv.getInt16(0), dv.getUint16(0), dv.getUint16(0, true), dv.getFloat32(4, true),"
     " dv.getUint8(7));", "-2 65534 65279 1.5 63\n"),
    ("var dv = new DataView(new ArrayBuffer(4), 1); console.log(dv.byteLength, dv.byteOffset);"
     "try { dv.getUint32(0); } catch (e) { console.log(e.name); }"
     "try { new DataView({}); } catch (e) { console.log(e.name); }",
     "3 1\nRangeError\nTypeError\n"),
    ("var dv = new DataView(new ArrayBuffer(16)); dv.setBigInt64(0, BigInt(-2));"
     "dv.setBigUint64(8, BigInt(2) ** BigInt(64) - BigInt(1));"
     "console.log(String(dv.getBigInt64(0)), String(dv.getBigUint64(0)), "
     "String(dv.getBigInt64(8)));", "-2 18446744073709551614 -1\n"),
    ("var a = new BigInt64Array([BigInt(1), BigInt(-2)]); "
     "console.log(String(a[1]), a.length, typeof a[0]);"
     "try { a[0] = 1; } catch (e) { console.log(e.name); }", "-2 2 bigint\nTypeError\n"),
]


@pytest.mark.parametrize("src,expected", CASES)
def test_typedarray(src, expected):
    assert run_js(src) == expected


DIFF_SCRIPT = r"""
var kinds = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array,
             Uint32Array, Float32Array, Float64Array];
var values = [0, -0, 1, -1, 0.5, -1.5, 2.5, 127, 128, 255, 256, 65535, 65536, -32769,
              2147483647, 2147483648, -2147483649, 4294967295, 4294967296, 1e10, -1e10,
              3.4028235e38, 3.5e38, 1e-46, NaN, Infinity, -Infinity, "12", "0x10", true, null,
              undefined];
kinds.forEach(function (K) {
  var a = new K(values.length);
  for (var i = 0; i < values.length; i++) a[i] = values[i];
  console.log(K.name, a.join("|"), a.length, a.byteLength);
  var s = new K(a.buffer, K.BYTES_PER_ELEMENT, 3);
  console.log(s.join(), s.byteOffset, s.slice(1).join(), s.subarray(-2).join());
  var sorted = new K(a).sort();
  console.log(sorted.join());
  console.log(a.indexOf(1), a.lastIndexOf(0), a.includes(NaN), a.indexOf(NaN));
});
var dv = new DataView(new ArrayBuffer(16));
[["Int8", -5], ["Uint8", 250], ["Int16", -1234], ["Uint16", 60000], ["Int32", -123456789],
 ["Uint32", 3000000000], ["Float32", 3.14159], ["Float64", -2.718281828459045]].forEach(
  function (p) {
    dv["set" + p[0]](1, p[1]);
    var le = dv["get" + p[0]](1, true), be = dv["get" + p[0]](1);
    dv["set" + p[0]](1, p[1], true);
    console.log(p[0], be, le, dv["get" + p[0]](1, true), new Uint8Array(dv.buffer).join());
  });
var rab = new ArrayBuffer(8, {maxByteLength: 32});
var track = new Float64Array(rab), fixed = new Uint8Array(rab, 4, 4), dvt = new DataView(rab, 2);
rab.resize(24);
console.log(track.length, fixed.length, dvt.byteLength, rab.byteLength, rab.maxByteLength);
rab.resize(5);
console.log(track.length, fixed.length, fixed.byteOffset, dvt.byteLength);
var err = [];
try { dvt.getInt8(5); } catch (e) { err.push(e.name); }
try { fixed.fill(0); } catch (e) { err.push(e.name); }
console.log(err.join());
console.log(new Uint8Array([5, 3, 9]).toSorted().join(), Int16Array.from("123").join(),
            Object.getOwnPropertyNames(new Uint8Array(3)).join());
"""


@pytest.mark.node
@pytest.mark.skipif(not node_available(), reason="node is not installed")
def test_differential_against_node():
    assert run_js(DIFF_SCRIPT) == run_node(DIFF_SCRIPT)
