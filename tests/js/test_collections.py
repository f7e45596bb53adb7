"""Map, Set, WeakMap, WeakSet and their iterators (jsrt/builtins/collections.py).
Every expected output was produced by node v20."""

import subprocess

import pytest

from jshelpers import run_js, node_available

CASES = [
    ("var m = new Map([[1, 'a'], [NaN, 'nan'], [-0, 'zero'], [true, 't'], ['1', 's']]); console.log(m.size, m.get(1), m.get(NaN), m.get(0), m.get(-0), m.get(true), m.get('1'), m.get(1.0), m.get(false))",
     '5 a nan zero zero t s a undefined\n'),
    ('var m = new Map([[-0, 1]]); console.log(Object.is([...m.keys()][0], 0), Object.is([...new Set([-0])][0], 0))',
     'true true\n'),
    ("var m = new Map(); m.set(1, 'a').set(true, 'b').set('true', 'c'); console.log([...m], m.has(1), m.has('1'))",
     "[ [ 1, 'a' ], [ true, 'b' ], [ 'true', 'c' ] ] true false\n"),
    ('var k1 = {}, k2 = {}; var m = new Map([[k1, 1], [k2, 2]]); console.log(m.get(k1), m.get(k2), m.get({}), m.size)',
     '1 2 undefined 2\n'),
    ("var s = Symbol('s'); var m = new Map([[s, 1]]); console.log(m.get(s), m.has(Symbol('s')))",
     '1 false\n'),
    ('var m = new Map([[1,1],[2,2],[3,3]]); var seen = []; m.forEach((v, k) => { seen.push(k); if (k === 1) { m.delete(2); m.set(4, 4) } }); console.log(seen)',
     '[ 1, 3, 4 ]\n'),
    ('var m = new Map([[1,1]]); var n = 0; m.forEach((v, k) => { if (n++ < 5) { m.delete(k); m.set(k, v) } }); console.log(n)',
     '6\n'),
    ('var m = new Map([[1,1],[2,2]]); var it = m.keys(); console.log(it.next().value); m.clear(); m.set(3, 3); console.log(it.next(), it.next())',
     '1\n{ value: 3, done: false } { value: undefined, done: true }\n'),
    ('var m = new Map([[1,1],[2,2]]); var it = m.entries(); m.delete(1); console.log(it.next().value, it.next().done)',
     '[ 2, 2 ] true\n'),
    ('var big = new Map(); for (var i = 0; i < 100; i++) big.set(i, i); var it = big.keys(); it.next(); for (var i = 0; i < 90; i++) big.delete(i); console.log(it.next().value, big.size, [...big.keys()].join())',
     '90 10 90,91,92,93,94,95,96,97,98,99\n'),
    ("var s = new Set(); for (var i = 0; i < 50; i++) s.add(i); var it = s.values(); for (var i = 0; i < 49; i++) s.delete(i); s.add('x'); console.log([...it])",
     "[ 49, 'x' ]\n"),
    ("var s = new Set([1, 2, 3, 2, 1]); console.log(s.size, [...s], s.has(2), s.has('2'), s.delete(2), s.delete(2), [...s.entries()])",
     '3 [ 1, 2, 3 ] true false true false [ [ 1, 1 ], [ 3, 3 ] ]\n'),
    ("var s = new Set('hello'); console.log([...s].join(''), s.size)",
     'helo 4\n'),
    ("var s = new Set([1]); s.forEach(function (v, k, set) { console.log(v, k, set === s, this.x) }, {x: 'thisArg'})",
     '1 1 true thisArg\n'),
    ('var s = new Set([1, 2]); var out = []; s.forEach(v => { out.push(v); if (v < 5) s.add(v + 2) }); console.log(out)',
     '[ 1, 2, 3, 4, 5, 6 ]\n'),
    ('console.log(Object.prototype.toString.call(new Map()), Object.prototype.toString.call(new Map().entries()), Object.prototype.toString.call(new Set().values()), Object.prototype.toString.call(new WeakMap()), Object.prototype.toString.call(new WeakSet()))',
     '[object Map] [object Map Iterator] [object Set Iterator] [object WeakMap] [object WeakSet]\n'),
    ('console.log(Map[Symbol.species] === Map, Set[Symbol.species] === Set, Set.prototype.keys === Set.prototype.values, Set.prototype[Symbol.iterator] === Set.prototype.values, Map.prototype[Symbol.iterator] === Map.prototype.entries)',
     'true true true true true\n'),
    ('console.log(Map.length, Set.length, WeakMap.length, WeakSet.length, Map.prototype.set.length, Map.prototype.forEach.length)',
     '0 0 0 0 2 1\n'),
    ("var d = Object.getOwnPropertyDescriptor(Map.prototype, 'size'); console.log(typeof d.get, d.set, d.enumerable, d.configurable)",
     'function undefined false true\n'),
    ('try { Map() } catch (e) { console.log(e.constructor.name, e.message) }',
     "TypeError Constructor Map requires 'new'\n"),
    ('try { new Map([1]) } catch (e) { console.log(e.constructor.name, e.message) }',
     'TypeError Iterator value 1 is not an entry object\n'),
    ('try { Map.prototype.get.call({}, 1) } catch (e) { console.log(e.constructor.name) }',
     'TypeError\n'),
    ('try { Map.prototype.forEach.call(new Map(), 1) } catch (e) { console.log(e.constructor.name) }',
     'TypeError\n'),
    ('try { new Set().forEach() } catch (e) { console.log(e.constructor.name) }',
     'TypeError\n'),
    ('try { Set.prototype.add.call(new Map(), 1) } catch (e) { console.log(e.constructor.name) }',
     'TypeError\n'),
    ('class MyMap extends Map { set(k, v) { return super.set(k, v * 2) } }; var mm = new MyMap([[1, 1]]); console.log(mm.get(1), mm instanceof Map, mm instanceof MyMap)',
     '2 true true\n'),
    ('var calls = []; class S extends Set { add(v) { calls.push(v); return super.add(v) } }; new S([1, 2]); console.log(calls)',
     '[ 1, 2 ]\n'),
    ('var closed = false; var iter = { [Symbol.iterator]() { return { next() { return { value: 1, done: false } }, return() { closed = true; return {} } } } }; try { new Map(iter) } catch (e) { console.log(e.constructor.name, closed) }',
     'TypeError true\n'),
    ("var m = new Map([['a', 1]]); var it = m[Symbol.iterator](); console.log(it[Symbol.iterator]() === it, Object.getPrototypeOf(Object.getPrototypeOf(it)) === Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())))",
     'true true\n'),
    ('var wm = new WeakMap(); var k = {}; wm.set(k, 1); console.log(wm.get(k), wm.has({}), wm.delete(k), wm.has(k), wm.get(1), wm.has(1), wm.delete(1))',
     '1 false true false undefined false false\n'),
    ('try { new WeakMap().set(1, 1) } catch (e) { console.log(e.constructor.name, e.message) }',
     'TypeError Invalid value used as weak map key\n'),
    ("try { new WeakSet().add('x') } catch (e) { console.log(e.constructor.name, e.message) }",
     'TypeError Invalid value used in weak set\n'),
    ('var k = {}; var ws = new WeakSet([k]); console.log(ws.has(k), ws.delete(k), ws.has(k))',
     'true true false\n'),
    ('try { new WeakMap([[1, 2]]) } catch (e) { console.log(e.constructor.name) }',
     'TypeError\n'),
    ("var m = new Map([[1, 'one']]); console.log(JSON.stringify([...m.entries()]), Array.from(m.values()), [...m.keys()])",
     '[[1,"one"]] [ \'one\' ] [ 1 ]\n'),
    ('var m = new Map(); m.set(NaN, 1); m.set(NaN, 2); m.set(0/0, 3); console.log(m.size, m.get(NaN))',
     '1 3\n'),
    ("var s = new Set([1, '1', true, 'true', null, undefined, NaN, 0, -0]); console.log(s.size)",
     '8\n'),
    ('var m = new Map(Object.entries({a: 1, b: 2})); console.log(Object.fromEntries(m))',
     '{ a: 1, b: 2 }\n'),
    ('var m = new Map([[1, 2]]); console.log(m.delete(1), m.delete(1), m.size, m.get(1))',
     'true false 0 undefined\n'),
    ("var m = new Map(); for (var i = 0; i < 1000; i++) m.set('k' + i, i); for (var i = 0; i < 1000; i += 2) m.delete('k' + i); var sum = 0; m.forEach(v => sum += v); console.log(m.size, sum, m.get('k999'), m.has('k998'))",
     '500 250000 999 false\n'),
    ("var g = Map.groupBy([1, 2, 3, 4, 5], x => x % 2 ? 'odd' : 'even');"
     " console.log([...g.keys()].join(), g.get('odd').join(), g.get('even').join())",
     "odd,even 1,3,5 2,4\n"),
    ("var a = new Set([1, 2, 3]), b = new Set([3, 4]);"
     " console.log([...a.union(b)], [...a.intersection(b)], [...a.difference(b)],"
     " [...a.symmetricDifference(b)], a.isSubsetOf(b), new Set([3]).isSubsetOf(a),"
     " a.isSupersetOf(new Set([1])), a.isDisjointFrom(new Set([9])))",
     "[ 1, 2, 3, 4 ] [ 3 ] [ 1, 2 ] [ 1, 2, 4 ] false true true true\n"),
]


@pytest.mark.parametrize("src,expected", CASES)
def test_collections_script(src, expected):
    assert run_js(src) == expected


def test_python_api():
    import jsrt
    from jsrt.builtins.collections import JSMap, JSSet, JSWeakMap, JSWeakSet
    r = jsrt.Realm()
    m = r.eval_raw("new Map([[1, 'a'], [NaN, 'n'], [-0, 'z'], ['1', 's']])")
    assert isinstance(m, JSMap) and m.cls == "Map"
    assert m.map_get(1.0) == "a" and m.map_get(float("nan")) == "n" and m.map_get(0.0) == "z"
    assert m.map_get(True) is not "a"
    m.map_set(True, "t")
    assert m.map_has(True) and not m.map_has(1) is False
    assert m.map_get(True) == "t" and m.map_get(1.0) == "a"
    assert m.map_delete("1") and not m.map_delete("1")
    keys = [k for k, v in m.entries()]
    assert keys[0] == 1.0 and keys[1] != keys[1] and str(keys[2]) == "0.0" and keys[3] is True
    s = r.eval_raw("new Set([1, 'x', 1])")
    assert isinstance(s, JSSet) and s.cls == "Set"
    assert s.values() == [1.0, "x"]
    s.set_add(2.0)
    assert s.set_has(2.0) and not s.set_has("2")
    assert isinstance(r.eval_raw("new WeakMap()"), JSWeakMap)
    assert r.eval_raw("new WeakSet()").cls == "WeakSet"


def test_python_iteration_survives_compaction():
    import jsrt
    r = jsrt.Realm()
    out = r.eval("var m = new Map(); for (var i = 0; i < 64; i++) m.set(i, i);"
                 " var it = m.values(); it.next(); it.next();"
                 " for (var i = 0; i < 60; i++) m.delete(i);"
                 " m.set('new', 'n'); [...it].join()")
    assert out == "60,61,62,63,n"


def test_collections_pickle():
    """Collections are plain slot objects: realm snapshots can pickle them."""
    import pickle
    import jsrt
    r = jsrt.Realm()
    m = r.eval_raw("var m = new Map([[1, {a: 1}], ['k', 2]]); m.delete(1); m")
    data = m.mapdata
    copy = pickle.loads(pickle.dumps(data))
    assert copy.live_entries() == [("k", 2.0)]


DIFF_SCRIPT = r"""
var log = (...a) => console.log(...a);
var m = new Map([[1, 'a'], [NaN, 'nan'], [-0, 'zero'], [true, 't'], ['1', 's']]);
log(m.size, m.get(1), m.get(NaN), m.get(0), m.get(true), m.get('1'));
log([...m.keys()].map(String).join(), [...m.values()].join());
var seen = [];
m.forEach(function (v, k) { seen.push(String(k)); if (k === 1) { m.delete(NaN); m.set('new', 1); } });
log(seen.join());
var s = new Set([1, 2, 3, 2, 1]); log(s.size, [...s].join(), s.has(2), s.has('2'));
var it = s.values(); log(it.next().value); s.clear(); s.add(9);
log(JSON.stringify(it.next()), JSON.stringify(it.next()));
var big = new Map(); for (var i = 0; i < 1000; i++) big.set('k' + i, i);
var it2 = big.entries(); it2.next();
for (var i = 0; i < 990; i++) big.delete('k' + i);
log(JSON.stringify(it2.next().value), big.size, [...big.keys()].slice(0, 3).join());
var objKeys = [{}, {}, []]; var om = new Map(objKeys.map((k, i) => [k, i]));
log(om.get(objKeys[0]), om.get(objKeys[2]), om.get({}));
var wm = new WeakMap(); var k = {}; wm.set(k, 'v'); log(wm.get(k), wm.has({}), wm.delete(k), wm.has(k));
var ws = new WeakSet([k]); log(ws.has(k));
for (var [key, val] of new Map([['x', 1], ['y', 2]])) log(key, val);
for (var v of new Set(['p', 'q'])) log(v);
log(Array.from(new Map([[1, 2]])), Array.from(new Set([3]).entries()));
log(new Map([[1, {a: [1, 2]}]]), new Set([[1], 'two']));
// (getOrInsert / getOrInsertComputed are newer than node 20)
var names = o => Object.getOwnPropertyNames(o).filter(n => !/^getOrInsert/.test(n)).sort().join();
log(names(Map.prototype));
log(names(WeakMap.prototype), names(WeakSet.prototype));
class Counter extends Map { inc(k) { this.set(k, (this.get(k) || 0) + 1); return this } }
var c = new Counter(); c.inc('a').inc('a').inc('b'); log([...c], c instanceof Map);
"""


def test_differential_against_node():
    if not node_available():
        pytest.skip("node is not installed")
    p = subprocess.run(["node", "-e", DIFF_SCRIPT], capture_output=True, text=True, timeout=60)
    assert run_js(DIFF_SCRIPT) == p.stdout
