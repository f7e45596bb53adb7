"""Reflect (ECMA-262 28.1) and Proxy (10.5, 28.2): every trap, the invariant checks,
callable and constructible proxies, revocation, and built-ins working through proxies."""

import pytest

from jshelpers import run_js, run_node, node_available

# Each row: a script and what node 20 prints for it.
CASES = [
    ('console.log(typeof Reflect, String(Reflect), Object.keys(Reflect).length, Object.getOwnPropertyNames(Reflect).length, Reflect.apply.length, Reflect.construct.length, Reflect.set.length)',
     'object [object Reflect] 0 13 3 2 3\n'),
    ("console.log(Reflect.apply(Math.max, null, [1, 5, 3]), Reflect.apply(function () { return this.x + arguments.length }, {x: 10}, {length: 2}), Reflect.apply(String.prototype.slice, 'hello', [1, 3]))",
     '5 12 el\n'),
    ('try { Reflect.apply(1, null, []) } catch (e) { console.log(e.name) } try { Reflect.apply(function () {}, null) } catch (e) { console.log(e.name) }',
     'TypeError\nTypeError\n'),
    ('class Base { constructor(a) { this.a = a; this.nt = new.target } } class Derived extends Base {} var rc = Reflect.construct(Base, [1], Derived); console.log(rc.a, rc.nt === Derived, rc instanceof Derived, Reflect.construct(Date, [0]) instanceof Date)',
     '1 true true true\n'),
    ('try { Reflect.construct(() => {}, []) } catch (e) { console.log(e.name) } try { Reflect.construct(Base, [], Math.max) } catch (e) { console.log(e.name) } try { Reflect.construct(Base, [], undefined) } catch (e) { console.log(e.name) }',
     'TypeError\nReferenceError\nReferenceError\n'),
    ("var o = {}; console.log(Reflect.defineProperty(o, 'x', {value: 1}), Reflect.defineProperty(o, 'x', {value: 2}), o.x, Reflect.getOwnPropertyDescriptor(o, 'x').writable, Reflect.getOwnPropertyDescriptor(o, 'y'))",
     'true false 1 false undefined\n'),
    ("var o2 = {a: 1}; Object.defineProperty(o2, 'b', {value: 2}); console.log(Reflect.deleteProperty(o2, 'a'), Reflect.deleteProperty(o2, 'b'), Reflect.deleteProperty(o2, 'zz'), Object.keys(o2).length)",
     'true false true 0\n'),
    ("var recv = {y: 'receiver'}; var src = {get x() { return this.y }}; console.log(Reflect.get(src, 'x'), Reflect.get(src, 'x', recv), Reflect.get([1, 2], 1), Reflect.get({}, 'nope'))",
     'undefined receiver 2 undefined\n'),
    ("var setter = {set x(v) { this.got = v }}; var tgt = {}; console.log(Reflect.set(setter, 'x', 5, tgt), tgt.got, Reflect.set(Object.freeze({a: 1}), 'a', 2), Reflect.set([], 'length', 3))",
     'true 5 false true\n'),
    ("var arr = []; console.log(Reflect.set(arr, 'length', 2), arr.length); try { Reflect.set(arr, 'length', -1) } catch (e) { console.log(e.name) }",
     'true 2\nRangeError\n'),
    ("console.log(Reflect.has({a: 1}, 'a'), Reflect.has(Object.create({p: 1}), 'p'), Reflect.has([], 'length'), Reflect.has({}, Symbol.iterator))",
     'true true true false\n'),
    ('console.log(Reflect.getPrototypeOf([]) === Array.prototype, Reflect.setPrototypeOf({}, null), Reflect.setPrototypeOf(Object.preventExtensions({}), {}), Reflect.setPrototypeOf(Object.preventExtensions({}), Object.prototype))',
     'true true false true\n'),
    ('var cyc = {}; console.log(Reflect.setPrototypeOf(Object.prototype, cyc), Reflect.setPrototypeOf(cyc, Object.create(cyc)))',
     'false false\n'),
    ('var ne = {}; console.log(Reflect.isExtensible(ne), Reflect.preventExtensions(ne), Reflect.isExtensible(ne), Reflect.isExtensible(Object.seal({})))',
     'true true false false\n'),
    ("var s1 = Symbol('s'); var ko = {b: 1, 1: 1, a: 1, [s1]: 1, 0: 1}; console.log(Reflect.ownKeys(ko).map(String).join(), Reflect.ownKeys([1, 2]).join(), Reflect.ownKeys((a, b) => 0).join())",
     '0,1,b,a,Symbol(s) 0,1,length length,name\n'),
    ("var fails = ['apply', 'defineProperty', 'deleteProperty', 'get', 'getOwnPropertyDescriptor', 'getPrototypeOf', 'has', 'isExtensible', 'ownKeys', 'preventExtensions', 'set', 'setPrototypeOf'].filter(function (n) { try { Reflect[n](1, 'x', {}); return false } catch (e) { return e instanceof TypeError } }); console.log(fails.length)",
     '12\n'),
    ("try { Reflect.setPrototypeOf({}, 1) } catch (e) { console.log(e.name) } try { Reflect.defineProperty({}, 'x', 1) } catch (e) { console.log(e.name) }",
     'TypeError\nTypeError\n'),
    ("console.log(Reflect.get({[Symbol.toPrimitive]: 0, 1: 'one'}, {toString() { return '1' }}), Object.prototype.toString.call(Reflect))",
     'one [object Reflect]\n'),
    ("console.log(typeof Proxy, Proxy.length, Proxy.name, 'prototype' in Proxy, typeof new Proxy({}, {}), typeof new Proxy(function () {}, {}), typeof new Proxy(class {}, {}))",
     'function 2 Proxy false object function function\n'),
    ('try { Proxy({}, {}) } catch (e) { console.log(e.name, e.message) } try { new Proxy(1, {}) } catch (e) { console.log(e.name) } try { new Proxy({}, null) } catch (e) { console.log(e.name) }',
     "TypeError Constructor Proxy requires 'new'\nTypeError\nTypeError\n"),
    ("var t = {a: 1}; var p = new Proxy(t, {}); p.b = 2; console.log(p.a, t.b, 'a' in p, delete p.a, t.a, Object.keys(p).join(), JSON.stringify(p))",
     '1 2 true true undefined b {"b":2}\n'),
    ("var log = []; var h = {}; ['get', 'set', 'has', 'deleteProperty', 'ownKeys', 'getOwnPropertyDescriptor', 'defineProperty', 'getPrototypeOf', 'setPrototypeOf', 'isExtensible', 'preventExtensions'].forEach(function (n) { h[n] = function () { log.push(n); return Reflect[n].apply(null, arguments) } }); var lp = new Proxy({x: 1}, h); lp.x; lp.y = 2; 'x' in lp; delete lp.y; Object.keys(lp); Object.getPrototypeOf(lp); Object.setPrototypeOf(lp, Object.prototype); Object.isExtensible(lp); Object.preventExtensions(lp); console.log(log.join())",
     'get,set,getOwnPropertyDescriptor,defineProperty,has,deleteProperty,ownKeys,getOwnPropertyDescriptor,getPrototypeOf,setPrototypeOf,isExtensible,preventExtensions\n'),
    ("var gp = new Proxy({}, {get: function (t, k, r) { return typeof k === 'symbol' ? 'sym' : k + '!' }}); console.log(gp.foo, gp[1], gp[Symbol.iterator], Reflect.get(gp, 'x', 42))",
     'foo! 1! sym x!\n'),
    ("var recvs = []; var sp = new Proxy({}, {set(t, k, v, r) { recvs.push(r === sp); t[k] = v * 2; return true }}); sp.v = 4; var child = Object.create(sp); child.w = 1; console.log(sp.v, recvs.join(), child.hasOwnProperty('w'))",
     '8 true,false false\n'),
    ("'use strict'; var fp = new Proxy({}, {set() { return false }, deleteProperty() { return false }, defineProperty() { return false }}); console.log(Reflect.set(fp, 'a', 1), Reflect.deleteProperty(fp, 'a'), Reflect.defineProperty(fp, 'a', {}))",
     'false false false\n'),
    (";(function () { 'use strict'; var fp = new Proxy({}, {set() { return false }}); try { fp.a = 1 } catch (e) { console.log(e.name) } })()",
     'TypeError\n'),
    ("var hp = new Proxy({}, {has(t, k) { return k.startsWith('y') }}); console.log('yes' in hp, 'no' in hp, Reflect.has(hp, 'yy'))",
     'true false true\n'),
    ("var kp = new Proxy({}, {ownKeys() { return ['b', 'a', Symbol.for('s')] }, getOwnPropertyDescriptor(t, k) { return {value: k, enumerable: true, configurable: true} }}); console.log(Object.keys(kp).join(), Reflect.ownKeys(kp).length, Object.getOwnPropertySymbols(kp).length)",
     'b,a 3 1\n'),
    ("var fi = []; for (var k in new Proxy({a: 1, b: 2}, {ownKeys() { return ['b', 'a'] }})) fi.push(k); console.log(fi.join())",
     'b,a\n'),
    ("var cp = new Proxy(function (a, b) { return a + b }, {apply(t, thisArg, args) { return 'apply:' + t.apply(thisArg, args) + ':' + Array.isArray(args) }}); console.log(cp(1, 2), cp.call(null, 3, 4), Reflect.apply(cp, null, [5, 6]))",
     'apply:3:true apply:7:true apply:11:true\n'),
    ('var np = new Proxy(function F(x) { this.x = x }, {construct(t, args, nt) { return {made: args[0], nt: nt === np} }}); var made = new np(7); console.log(made.made, made.nt)',
     '7 true\n'),
    ('var plain = new Proxy(function F(x) { this.x = x }, {}); console.log(new plain(3).x, plain(4), plain.length, plain.name)',
     '3 undefined 1 F\n'),
    ('var arrowp = new Proxy(() => 1, {}); try { new arrowp() } catch (e) { console.log(e.name) } console.log(arrowp())',
     'TypeError\n1\n'),
    ('var noncall = new Proxy({}, {apply() { return 1 }}); try { noncall() } catch (e) { console.log(e.name) }',
     'TypeError\n'),
    ('try { new (new Proxy(function () {}, {construct() { return 1 }}))() } catch (e) { console.log(e.name) }',
     'TypeError\n'),
    ('class K {} var PK = new Proxy(K, {}); class Sub extends PK {} console.log(new Sub() instanceof K, new PK() instanceof K, Object.prototype.toString.call(PK))',
     'true true [object Function]\n'),
    ("var rv = Proxy.revocable({a: 1}, {}); console.log(rv.proxy.a, typeof rv.revoke, rv.revoke.length, rv.revoke.name === '', Object.keys(rv).join()); rv.revoke(); rv.revoke(); var ops = ['get', 'set', 'has', 'keys', 'proto', 'isArray'].map(function (op) { try { if (op === 'get') rv.proxy.a; if (op === 'set') rv.proxy.a = 1; if (op === 'has') 'a' in rv.proxy; if (op === 'keys') Object.keys(rv.proxy); if (op === 'proto') Object.getPrototypeOf(rv.proxy); if (op === 'isArray') Array.isArray(rv.proxy); return 'ok' } catch (e) { return e.name } }); console.log(ops.join())",
     '1 function 0 true proxy,revoke\nTypeError,TypeError,TypeError,TypeError,TypeError,TypeError\n'),
    ('var rf = Proxy.revocable(function () { return 1 }, {}); rf.revoke(); try { rf.proxy() } catch (e) { console.log(e.name, typeof rf.proxy) }',
     'TypeError function\n'),
    ("var frozen = Object.freeze({x: 1}); var inv = [function () { new Proxy(frozen, {get() { return 2 }}).x }, function () { new Proxy(frozen, {has() { return false }}); return 'x' in new Proxy(frozen, {has() { return false }}) }, function () { Object.keys(new Proxy(frozen, {ownKeys() { return [] }})) }, function () { Object.getOwnPropertyDescriptor(new Proxy({}, {getOwnPropertyDescriptor() { return {value: 1, configurable: false} }}), 'x') }, function () { Object.defineProperty(new Proxy({}, {defineProperty() { return true }}), 'x', {value: 1, configurable: false}) }, function () { delete new Proxy(frozen, {deleteProperty() { return true }}).x }, function () { Object.isExtensible(new Proxy({}, {isExtensible() { return false }})) }, function () { Object.preventExtensions(new Proxy({}, {preventExtensions() { return true }})) }, function () { Object.getPrototypeOf(new Proxy(Object.preventExtensions({}), {getPrototypeOf() { return Array.prototype }})) }, function () { Object.setPrototypeOf(new Proxy(Object.preventExtensions({}), {setPrototypeOf() { return true }}), Array.prototype) }, function () { new Proxy(frozen, {set() { return true }}).x = 5 }, function () { Reflect.ownKeys(new Proxy({}, {ownKeys() { return ['a', 'a'] }})) }, function () { Reflect.ownKeys(new Proxy({}, {ownKeys() { return [1] }})) }, function () { Reflect.ownKeys(new Proxy(Object.preventExtensions({a: 1}), {ownKeys() { return ['a', 'b'] }})) }, function () { new Proxy({}, {getPrototypeOf() { return 1 }}) instanceof Object }]; console.log(inv.map(function (f) { try { f(); return 'no' } catch (e) { return e instanceof TypeError ? 'T' : e.name } }).join(''))",
     'TTTTTTTTTTTTTTT\n'),
    ("var okInv = new Proxy(Object.freeze({x: 1}), {get() { return 1 }, ownKeys() { return ['x'] }}); console.log(okInv.x, Object.keys(okInv).join())",
     '1 x\n'),
    ('var trapNotFn = new Proxy({}, {get: 1}); try { trapNotFn.x } catch (e) { console.log(e.name) } var trapNull = new Proxy({q: 1}, {get: null}); console.log(trapNull.q)',
     'TypeError\n1\n'),
    ('var pa = new Proxy([1, 2, 3], {}); console.log(Array.isArray(pa), Object.prototype.toString.call(pa), pa.length, pa.map(x => x * 2).join(), [0].concat(pa).length, JSON.stringify(pa), Array.from(pa).join(), [...pa].length)',
     'true [object Array] 3 2,4,6 4 [1,2,3] 1,2,3 3\n'),
    ("var alog = []; var wp = new Proxy([3, 1, 2], {set(t, k, v, r) { alog.push('set ' + String(k)); return Reflect.set(t, k, v, r) }, deleteProperty(t, k) { alog.push('del ' + k); return Reflect.deleteProperty(t, k) }}); wp.sort(); wp.push(4); wp.pop(); console.log(wp.join(), alog.join())",
     '1,2,3 set 0,set 1,set 2,set 3,set length,del 3,set length\n'),
    ("var glog = []; var rp = new Proxy([1, , 3], {has(t, k) { glog.push('has ' + k); return Reflect.has(t, k) }, get(t, k, r) { if (typeof k === 'string') glog.push('get ' + k); return Reflect.get(t, k, r) }}); rp.forEach(function () {}); console.log(glog.join())",
     'get forEach,get length,has 0,get 0,has 1,has 2,get 2\n'),
    ("var nested = new Proxy(new Proxy({v: 'deep'}, {}), {}); console.log(nested.v, Object.keys(nested).join(), Reflect.getPrototypeOf(nested) === Object.prototype)",
     'deep v true\n'),
    ("var pproto = Object.create(new Proxy({inherited: 'yes'}, {get(t, k, r) { return k === 'inherited' ? 'trapped:' + (r === obj) : undefined }})); var obj = pproto; console.log(obj.inherited)",
     'trapped:true\n'),
]


@pytest.mark.parametrize("src,expected", CASES)
def test_script_output(src, expected):
    assert run_js(src) == expected



def test_has_trap_reached_through_prototype_chain():
    src = ("var log = []; var p = new Proxy({}, {has(t, k) { log.push('has ' + k); return true }});"
           "console.log('x' in Object.create(p), log.join())")
    assert run_js(src) == "true has x\n"


def test_revoked_callable_proxy_keeps_typeof_and_throws():
    out = run_js("var r = Proxy.revocable(function () {}, {}); r.revoke();"
                 "var res = []; try { r.proxy() } catch (e) { res.push(e.name) }"
                 "try { new r.proxy() } catch (e) { res.push(e.name) }"
                 "console.log(typeof r.proxy, res.join())")
    assert out == "function TypeError,TypeError\n"


def test_proxies_survive_a_realm_snapshot():
    """Proxy objects keep their state in slots and call through bound methods, so
    realm snapshots (pickled heaps) capture them, revocation functions included."""
    snapshot = pytest.importorskip("jsrt.snapshot")
    b = snapshot.RealmBuilder()
    b.eval_script("globalThis.log = [];"
                  "globalThis.p = new Proxy({a: 1}, {get(t, k) { log.push(k); return Reflect.get(t, k) }});"
                  "globalThis.cp = new Proxy(function (x) { return x + 1 }, {});"
                  "globalThis.rv = Proxy.revocable({}, {});")
    data = snapshot.RealmSnapshot.compile(b).to_bytes()
    r = snapshot.RealmSnapshot.instantiate(snapshot.RealmSnapshot.from_bytes(data))
    assert r.eval("p.a + ',' + cp(41) + ',' + log.join()") == "1,42,a"
    assert r.eval("rv.revoke(); try { rv.proxy.x } catch (e) { e.name }") == "TypeError"


# A larger script whose whole output must equal node's.
DIFFERENTIAL = r"""
function show(v) {
  if (v === undefined) return 'undefined';
  if (v === null) return 'null';
  if (typeof v === 'string') return '"' + v + '"';
  if (typeof v === 'symbol') return v.toString();
  if (typeof v === 'function') return 'fn';
  if (typeof v !== 'object') return String(v);
  if (v === target || v === ptarget) return '<target>';
  if (v === Object.prototype) return '<Object.prototype>';
  return (Array.isArray(v) ? 'A' : 'O') + '{' + Reflect.ownKeys(v).map(function (k) {
    var d = Reflect.getOwnPropertyDescriptor(v, k);
    return String(k) + ':' + ('value' in d ? (typeof d.value === 'object' ? '#' : show(d.value)) : 'acc');
  }).join(',') + '}';
}
var log = [];
function tracer(t) {
  var h = {};
  Reflect.ownKeys(Reflect).forEach(function (name) {
    if (typeof Reflect[name] !== 'function') return;
    var trap = name === 'apply' ? 'apply' : name;
    h[trap] = function (tt) {
      var args = Array.prototype.slice.call(arguments, 1);
      log.push(trap + '(' + args.map(function (a) { return a === proxy ? '<proxy>' : show(a) }).join(',') + ')');
      return Reflect[name].apply(null, arguments);
    };
  });
  return h;
}
function run(label, f) {
  log = [];
  var r;
  try { r = show(f()) } catch (e) { r = 'throws ' + e.name }
  console.log(label + ' => ' + r + '\n    ' + log.join(' '));
}
var target = {a: 1, b: [2]};
Object.defineProperty(target, 'fixed', {value: 'F', writable: false, configurable: false});
var proxy = new Proxy(target, tracer());
run('get', function () { return proxy.a });
run('get missing', function () { return proxy.zz });
run('set', function () { proxy.c = 3; return target.c });
run('has', function () { return 'a' in proxy });
run('delete', function () { return delete proxy.c });
run('defineProperty', function () { return Object.defineProperty(proxy, 'd', {value: 4, enumerable: true, configurable: true}) === proxy });
run('gOPD', function () { return Object.getOwnPropertyDescriptor(proxy, 'fixed') });
run('keys', function () { return Object.keys(proxy) });
run('ownKeys', function () { return Reflect.ownKeys(proxy) });
var forIn = []; for (var k in proxy) forIn.push(k); console.log('for-in keys', forIn.join());
run('getPrototypeOf', function () { return Object.getPrototypeOf(proxy) === Object.prototype });
run('setPrototypeOf', function () { return Reflect.setPrototypeOf(proxy, Object.prototype) });
run('isExtensible', function () { return Object.isExtensible(proxy) });
run('hasOwnProperty', function () { return proxy.hasOwnProperty('a') });
run('Reflect.get receiver', function () { return Reflect.get(proxy, 'a', {}) });
run('Reflect.set receiver', function () { return Reflect.set(proxy, 'e', 5, proxy) });
run('inherit get', function () { return Object.create(proxy).a });
run('inherit set', function () { var o = Object.create(proxy); o.x = 1; return Object.keys(o) });
run('assign', function () { return Object.assign({}, proxy) });
run('spread', function () { return Object.keys(Object.assign({}, {...proxy})) });
var ptarget = [10, 20, 30];
proxy = new Proxy(ptarget, tracer());
target = ptarget;
run('isArray', function () { return Array.isArray(proxy) });
run('push', function () { return proxy.push(40) });
run('pop', function () { return proxy.pop() });
run('shift', function () { return proxy.shift() });
run('unshift', function () { return proxy.unshift(5) });
run('indexOf', function () { return proxy.indexOf(20) });
run('includes', function () { return proxy.includes(99) });
run('join', function () { return proxy.join('+') });
run('reverse', function () { return proxy.reverse() === proxy });
run('slice', function () { return proxy.slice(1) });
run('splice', function () { return proxy.splice(1, 1, 'x') });
run('sort', function () { return proxy.sort() === proxy });
run('fill', function () { return proxy.fill(0, 2) === proxy });
run('copyWithin', function () { return proxy.copyWithin(0, 1) === proxy });
run('map', function () { return proxy.map(function (x) { return x }) });
run('concat', function () { return [].concat(proxy) });
run('flat', function () { return proxy.flat() });
run('toSorted', function () { return proxy.toSorted() });
run('with', function () { return proxy.with(0, 'w') });
run('from', function () { return Array.from(proxy) });
run('length = 1', function () { proxy.length = 1; return ptarget.length });
var fn = function f(a, b) { return [this === undefined ? 'undef' : typeof this, a, b].join() };
ptarget = fn; target = fn;
proxy = new Proxy(fn, tracer());
run('call', function () { return proxy(1, 2) });
run('method call', function () { return ({m: proxy}).m(3) });
run('apply', function () { return proxy.apply(null, [4, 5]) });
run('construct', function () { return typeof new proxy(6) });
run('bind', function () { return proxy.bind(null, 7)(8) });
run('Reflect.construct newTarget', function () { return Object.getPrototypeOf(Reflect.construct(proxy, [], Array)) === Array.prototype });
run('instanceof', function () { return ({}) instanceof proxy });
// invariant violations: every trap with a result the target forbids
var frozen = Object.freeze({k: 1, get g() { return 1 }});
var liar = new Proxy(frozen, {
  get: function () { return 2 }, set: function () { return true }, has: function () { return false },
  deleteProperty: function () { return true }, ownKeys: function () { return ['k', 'g', 'extra'] },
  getOwnPropertyDescriptor: function () { return undefined }, defineProperty: function () { return true },
  getPrototypeOf: function () { return null }, setPrototypeOf: function () { return true },
  isExtensible: function () { return true }, preventExtensions: function () { return false }
});
[['get', function () { return liar.k }], ['set', function () { liar.k = 5 }], ['has', function () { return 'k' in liar }],
 ['delete', function () { return delete liar.k }], ['ownKeys', function () { return Reflect.ownKeys(liar) }],
 ['gOPD', function () { return Reflect.getOwnPropertyDescriptor(liar, 'k') }],
 ['define', function () { return Reflect.defineProperty(liar, 'n', {value: 1}) }],
 ['getPrototypeOf', function () { return Reflect.getPrototypeOf(liar) }],
 ['setPrototypeOf', function () { return Reflect.setPrototypeOf(liar, null) }],
 ['isExtensible', function () { return Reflect.isExtensible(liar) }],
 ['preventExtensions', function () { return Reflect.preventExtensions(liar) }]].forEach(function (c) {
  try { console.log(c[0], show(c[1]())) } catch (e) { console.log(c[0], e.constructor.name) }
});
var revocable = Proxy.revocable(function () {}, {});
revocable.revoke();
['typeof', 'call', 'new', 'get', 'isArray', 'keys', 'bind'].forEach(function (op) {
  try {
    var r = op === 'typeof' ? typeof revocable.proxy : op === 'call' ? revocable.proxy() : op === 'new' ? new revocable.proxy() :
      op === 'get' ? revocable.proxy.x : op === 'isArray' ? Array.isArray(revocable.proxy) : op === 'keys' ? Object.keys(revocable.proxy) :
      Function.prototype.bind.call(revocable.proxy);
    console.log(op, show(r));
  } catch (e) { console.log(op, e.constructor.name) }
});
"""


@pytest.mark.skipif(not node_available(), reason="node is not installed")
def test_differential_against_node():
    expected = run_node(DIFFERENTIAL)
    assert expected, "node printed nothing"
    got = run_js(DIFFERENTIAL)
    assert got.splitlines() == expected.splitlines()
