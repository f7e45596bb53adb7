"""Realm snapshots: round trips that check identity, independence, trust and errors."""

import os
import warnings

import pytest

import jsrt
from jsrt import SnapshotError
from jsrt.snapshot import RealmBuilder, RealmSnapshot, RealmValue
from jsrt.snapshot import format as fmt


@pytest.fixture(autouse=True)
def _key(monkeypatch, tmp_path):
    monkeypatch.setenv("JSRT_HOME", str(tmp_path))
    monkeypatch.delenv("JSRT_SNAPSHOT_KEY", raising=False)
    fmt._key_cache.clear()
    yield
    fmt._key_cache.clear()


LIB = r"""
var counter = (function () { var n = 0; return { inc: function () { return ++n; }, get: () => n }; })();
class Point { constructor(x, y) { this.x = x; this.y = y; } norm() { return Math.sqrt(this.x*this.x + this.y*this.y); } }
class Point3 extends Point { constructor(x, y, z) { super(x, y); this.z = z; } }
var frozen = Object.freeze({a: 1, nested: {b: 2}});
var sym = Symbol('s'); var reg = Symbol.for('registered');
var o = {[sym]: 5, [reg]: 6, get g() { return 42; }};
Object.defineProperty(o, 'hidden', {value: 7, enumerable: false});
var cyc = {}; cyc.self = cyc;
function* gen() { yield 1; yield 2; }
var g0 = gen();
var bound = function (a, b) { return this.k + a + b; }.bind({k: 1}, 2);
var m = new Map([[1, 'one'], ['two', 2]]);
var s = new Set([1, 2, 3]);
var err = new TypeError('boom');
Array.prototype.sum = function () { return this.reduce((a, b) => a + b, 0); };
counter.inc(); counter.inc();
({counter, Point, frozen, o, cyc, g0})
"""


def build(src=LIB):
    b = RealmBuilder()
    v = b.eval_script(src, "lib.js")
    return b, v


def test_round_trip_identity_and_shared_closure_state():
    b, v = build()
    snap = RealmSnapshot.from_bytes(RealmSnapshot.compile(b, [v]).to_bytes())
    r = RealmSnapshot.instantiate(snap)
    assert r.eval("counter.inc()") == 3.0
    assert r.eval("counter.get()") == 3.0          # the two closures share n
    assert r.eval("new Point(3, 4).norm()") == 5.0
    assert r.eval("new Point3(1, 2, 3) instanceof Point") is True
    assert r.eval("Object.getPrototypeOf(Point3) === Point") is True
    assert r.eval("Object.isFrozen(frozen) && !Object.isFrozen(frozen.nested)") is True
    assert r.eval("o[sym] + o[Symbol.for('registered')] + o.g + o.hidden") == 60.0
    assert r.eval("Object.getOwnPropertyDescriptor(o, 'hidden').enumerable") is False
    assert r.eval("cyc.self === cyc") is True
    assert r.eval("[...g0].join()") == "1,2"
    assert r.eval("bound(3)") == 6.0
    assert r.eval("[1, 2, 3].sum()") == 6.0
    assert r.eval("err instanceof TypeError && err.message") == "boom"
    # the completion value became arguments[0], the same object as in the heap
    assert r.eval("1") == 1.0
    arg = r.arguments[0]
    assert arg["counter"]["get"]() == 3.0


def test_instances_are_independent():
    b, v = build()
    snap = RealmSnapshot.compile(b, [v])
    realms = [RealmSnapshot.instantiate(snap) for _ in range(10)]
    for i, r in enumerate(realms):
        for _ in range(i):
            r.eval("counter.inc(); frozen.nested.b++; Array.prototype.extra = 1")
    for i, r in enumerate(realms):
        assert r.eval("counter.get()") == 2.0 + i
        assert r.eval("frozen.nested.b") == 2.0 + i
    # the builder is untouched
    r2 = RealmSnapshot.instantiate(snap)
    assert r2.eval("counter.get()") == 2.0
    assert r2.eval("typeof Array.prototype.extra") == "undefined"


def test_restricted_apis_in_builder_and_back_after_instantiate():
    b = RealmBuilder()
    for src in ("Math.random()", "Date.now()", "new Date()"):
        v = b.eval_script("try { %s; 'no error' } catch (e) { e.name + ': ' + e.message }" % src)
        r = RealmSnapshot.instantiate(b, [v])
        msg = r.arguments[0]
        assert msg.startswith("TypeError"), msg
        assert "RealmBuilder" in msg
    r = RealmSnapshot.instantiate(RealmSnapshot.compile(b))
    assert r.eval("typeof Math.random()") == "number"
    assert r.eval("typeof Date.now()") == "number"
    assert r.eval("new Date(0).getTime()") == 0.0


def test_builder_global_has_no_host_apis():
    b = RealmBuilder()
    v = b.eval_script("[typeof console, typeof setTimeout, typeof structuredClone].join()")
    r = RealmSnapshot.instantiate(b, [v])
    assert r.arguments[0] == "undefined,undefined,undefined"


def test_thrown_error_is_recorded():
    b = RealmBuilder()
    v = b.eval_script("throw new RangeError('nope')")
    r = RealmSnapshot.instantiate(b, [v])
    assert r.eval("1") == 1.0
    assert r.arguments[0]["message"] == "nope"


def test_realm_value_is_opaque():
    b, v = build()
    with pytest.raises(TypeError):
        RealmValue()
    assert not hasattr(v, "value")
    other = RealmBuilder()
    with pytest.raises(ValueError):
        RealmSnapshot.compile(other, [v])
    with pytest.raises(TypeError):
        RealmSnapshot.compile(b, [42])


@pytest.mark.parametrize("mutate", [
    lambda d: d[:-1],                                # truncated
    lambda d: b"",                                    # empty
    lambda d: d[:20],                                 # badly truncated
    lambda d: d[:100] + bytes([d[100] ^ 1]) + d[101:],  # one bit flipped
    lambda d: b"NOTASNAP" + d[8:],                    # foreign magic
    lambda d: d + b"x",                               # trailing garbage
])
def test_tampered_bytes_are_rejected_before_decoding(mutate, monkeypatch):
    b, v = build()
    data = RealmSnapshot.compile(b, [v]).to_bytes()
    import marshal
    import pickle
    calls = []
    monkeypatch.setattr(pickle, "loads", lambda *a, **k: calls.append(a))
    monkeypatch.setattr(marshal, "loads", lambda *a, **k: calls.append(a))
    with pytest.raises(SnapshotError):
        RealmSnapshot.from_bytes(mutate(data))
    assert calls == []


def test_wrong_key(monkeypatch):
    b, v = build()
    data = RealmSnapshot.compile(b, [v], key=b"k1" * 16).to_bytes()
    with pytest.raises(SnapshotError, match="MAC"):
        RealmSnapshot.from_bytes(data, key=b"k2" * 16)
    assert RealmSnapshot.from_bytes(data, key=b"k1" * 16)
    monkeypatch.setenv("JSRT_SNAPSHOT_KEY", "k1" * 16)
    assert RealmSnapshot.from_bytes(data)


def test_key_file_is_private(tmp_path):
    fmt.load_key()
    st = os.stat(os.path.join(str(tmp_path), "snapshot.key"))
    assert st.st_mode & 0o777 == 0o600


def test_engine_mismatch_strict_and_fallback(monkeypatch):
    b = RealmBuilder()
    v = b.eval_script("var base = 40; base + 2")
    data = RealmSnapshot.compile(b, [v]).to_bytes()
    monkeypatch.setattr(fmt, "engine_tag", lambda: "jsrt-other/cpython-399/0000")
    with pytest.raises(SnapshotError, match="another engine"):
        RealmSnapshot.from_bytes(data, strict=True)
    snap = RealmSnapshot.from_bytes(data)
    with pytest.warns(RuntimeWarning, match="replaying"):
        r = RealmSnapshot.instantiate(snap)
    assert r.arguments == [42.0]
    assert r.eval("base") == 40.0


@pytest.mark.parametrize("src,what,where", [
    ("function* g() { yield 1; yield 2; } var it = g(); it.next(); ({it})", "suspended generator", "arguments[0].it"),
    ("var p = new Promise(() => {}); p.then(() => 1); var holder = {p}; holder",
     "pending reactions", "arguments[0].p"),
    ("var never = new Promise(() => {}); async function f() { await never; } var pr = f(); 1",
     "pending reactions", "globalThis.never"),
])
def test_uncapturable_values_name_their_path(src, what, where):
    b = RealmBuilder()
    v = b.eval_script(src)
    with pytest.raises(SnapshotError) as ei:
        RealmSnapshot.compile(b, [v])
    msg = str(ei.value)
    assert "cannot capture" in msg
    if what:
        assert what in msg
    if where:
        assert where in msg


def test_snapshot_is_picklable_as_bytes():
    import pickle
    b, v = build()
    snap = RealmSnapshot.compile(b, [v])
    snap2 = pickle.loads(pickle.dumps(snap))
    assert snap2.sha256 == snap.sha256
    assert RealmSnapshot.instantiate(snap2).eval("counter.get()") == 2.0


def test_builder_clock_and_random_hooks_make_restricted_apis_deterministic():
    b = RealmBuilder(hooks={"now": lambda: 1234, "random": lambda: 0.25})
    v = b.eval_script("[Date.now(), new Date().getTime(), Math.random()].join()")
    r = RealmSnapshot.instantiate(b, [v])
    assert r.arguments[0] == "1234,1234,0.25"
    assert r.eval("Date.now() > 1234") is True      # the real clock after instantiation


def test_deep_object_graphs_round_trip():
    # records come in waves, so neither capture nor restore recurses along a chain
    b = RealmBuilder()
    v = b.eval_script("""
      var head = null; for (var i = 0; i < 30000; i++) head = {i, next: head};
      var nest = []; for (var j = 0; j < 30000; j++) nest = [nest, j];
      var fns = null; for (var k = 0; k < 3000; k++) fns = ((prev, k) => () => prev ? k + prev() : k)(fns, k);
      head""")
    r = RealmSnapshot.instantiate(b, [v])
    assert r.eval("var n = 0, p = head; while (p) { n += p.i; p = p.next; } n") == 29999 * 30000 / 2
    assert r.eval("var d = 0, a = nest; while (a.length) { d++; a = a[0]; } d") == 30000.0
    assert r.eval("fns()") == 2999 * 3000 / 2
    assert r.arguments[0]["i"] == 29999.0


def test_slot_defaults_builtins_and_exotic_objects_round_trip():
    b = RealmBuilder()
    v = b.eval_script(r"""
      var re = /(\d+)-(\d+)/g; re.lastIndex = 1;
      var frozen = Object.preventExtensions(function named(a, b) { return a + b; });
      class A { static s() { return 's'; } m() { return 'm'; } }
      function* g() { yield* [1, 2]; }
      async function af() { return 5; }
      var arr = [1, , 3]; arr.length = 5;
      var sparse = []; sparse[100000] = 1;
      var prim = Object(BigInt(1));
      var d = new Date(0);
      var m = new Map([[{}, 'o']]);
      Object.defineProperty(globalThis, 'ro', {value: 1, writable: false});
      [re, frozen, A, g, af, arr, sparse]""")
    r = RealmSnapshot.instantiate(b, [v])
    assert r.eval("re.lastIndex + ':' + re.exec('x 12-34').slice(1).join()") == "1:12,34"
    assert r.eval("Object.isExtensible(frozen) + ':' + frozen.name + frozen.length + frozen(1, 2)") \
        == "false:named23"
    assert r.eval("A.s() + new A().m() + (typeof A.prototype.constructor)") == "smfunction"
    assert r.eval("[...g()].join() + ':' + Object.prototype.toString.call(af)") \
        == "1,2:[object AsyncFunction]"
    assert r.eval("arr.length + ':' + (1 in arr) + ':' + sparse.length") == "5:false:100001"
    assert r.eval("typeof prim.valueOf() + d.getTime() + m.size") == "bigint01"
    assert r.eval("'use strict'; try { ro = 2; 'no' } catch (e) { e.name }") == "TypeError"
    assert r.eval("Math.max.name + Math.max.length + [].map.call([1], x => x * 2)") == "max22"


def test_units_are_unmarshalled_once_per_process(monkeypatch):
    from jsrt.compiler import unit_registry
    from jsrt.snapshot import heap
    b, v = build()
    data = RealmSnapshot.compile(b, [v]).to_bytes()
    keys = [k for k, u in list(unit_registry.items()) if u.filename == "lib.js"]
    for k in keys:
        del unit_registry[k]
    calls = []
    real = heap.marshal.loads
    monkeypatch.setattr(heap.marshal, "loads", lambda d: calls.append(len(d)) or real(d))
    r = RealmSnapshot.instantiate(RealmSnapshot.from_bytes(data))
    assert r.eval("counter.inc()") == 3.0
    assert len(calls) == 2                   # the index, then lib.js (its source from the meta)
    assert [u.source for k, u in unit_registry.items() if k in keys] == [LIB]
    calls.clear()
    r = RealmSnapshot.instantiate(RealmSnapshot.from_bytes(data))
    assert r.eval("counter.inc()") == 3.0
    assert len(calls) == 1                   # only the index: lib.js is registered
