"""The Realm Snapshot API from JS (the proposal's names), including its Web and Node
examples, and real libraries working after a restore."""

import os
import sys

import pytest

import jsrt
from jsrt.snapshot import RealmBuilder, RealmSnapshot

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def run(src, realm=None):
    out = []
    r = realm or jsrt.Realm(console=lambda stream, text: out.append(text))
    r.eval(src, "api.js")
    r.run()
    return "".join(out)


def test_proposal_api_shapes():
    out = run(r"""
      console.log(typeof RealmBuilder, typeof RealmValue, typeof RealmSnapshot);
      try { RealmValue(); } catch (e) { console.log('call', e.name); }
      try { new RealmValue(); } catch (e) { console.log('new', e.name); }
      try { new RealmSnapshot(); } catch (e) { console.log('snap', e.name); }
      let b = new RealmBuilder();
      let v = b.evalScript('1 + 1');
      console.log(v instanceof RealmValue, Object.keys(v).length, String(v));
      console.log(RealmSnapshot.compile(b, [v]) instanceof Promise);
    """)
    assert out.splitlines() == [
        "function function function", "call TypeError", "new TypeError", "snap TypeError",
        "true 0 [object RealmValue]", "true"]


def test_web_example_structured_clone_of_a_snapshot():
    # The proposal's Web example, with the IndexedDB store replaced by structuredClone
    # (what IDBObjectStore.put does to a value), until the JS indexedDB API lands.
    out = run(r"""
      (async () => {
        let scriptSource = "var lib = { greet: n => 'hi ' + n }; lib";
        let realmBuilder = new RealmBuilder();
        let realmValue = realmBuilder.evalScript(scriptSource);
        let snapshot = await RealmSnapshot.compile(realmBuilder, [realmValue]);
        let stored = structuredClone(snapshot);             // indexedDBStore.put(snapshot, "cache")
        let realm = await RealmSnapshot.instantiate(stored);
        let [lib] = realm.arguments;
        console.log(lib.greet('web'), stored instanceof RealmSnapshot, stored !== snapshot);
      })().catch(e => console.log('ERR', e.stack));
    """)
    assert out == "hi web true true\n"


def test_node_example_buffer_round_trip(tmp_path):
    # The proposal's Node example: bufferFromSnapshot / snapshotFromBuffer from `vm`;
    # `fs` here is a host function writing and reading the buffer on disk.
    cache = str(tmp_path / "cache")

    def write_file(this, name, buf):
        with open(cache, "wb") as f:
            f.write(bytes(buf.data))

    def read_file(this, name):
        from jsrt.builtins.typedarray import new_array_buffer
        from jsrt.runtime.errors import STATE
        with open(cache, "rb") as f:
            return new_array_buffer(STATE.realm, bytearray(f.read()))
    out = []
    r = jsrt.Realm(console=lambda stream, text: out.append(text))
    r.expose("writeFileSync", write_file)
    r.expose("readFileSync", read_file)
    run(r"""
      (async () => {
        const { bufferFromSnapshot, snapshotFromBuffer } = require("vm");
        let realmBuilder = new RealmBuilder();
        let realmValue = realmBuilder.evalScript("({ answer: 6 * 7 })");
        let snapshot = await RealmSnapshot.compile(realmBuilder, [realmValue]);
        writeFileSync("cache", bufferFromSnapshot(snapshot));

        let snapshot2 = snapshotFromBuffer(readFileSync("cache"));
        let realm = await RealmSnapshot.instantiate(snapshot2);
        let [value] = realm.arguments;
        console.log(value.answer, realm.evaluate('1 + 1'));
      })().catch(e => console.log('ERR', e.stack));
    """, realm=r)
    assert "".join(out) == "42 2\n"
    # a tampered file is rejected before anything is decoded
    data = bytearray(open(cache, "rb").read())
    data[40] ^= 1
    open(cache, "wb").write(bytes(data))
    out.clear()
    r.eval("""try { require('vm').snapshotFromBuffer(readFileSync('cache')); console.log('accepted') }
              catch (e) { console.log(e.name) }""")
    assert "".join(out) == "TypeError\n"


def test_instantiate_with_builder_and_nested_realms():
    out = run(r"""
      (async () => {
        let outer = new RealmBuilder();
        // a builder and a snapshot realm created by JS inside a builder are captured too
        let v = outer.evalScript(`
          var inner = new RealmBuilder();
          var iv = inner.evalScript('({n: 7})');
          ({inner, iv})`);
        let realm = await RealmSnapshot.instantiate(outer, [v]);
        let {inner, iv} = realm.arguments[0];
        let r2 = await realm.globalThis.RealmSnapshot.instantiate(inner, [iv]);
        console.log(r2.arguments[0].n);
      })().catch(e => console.log('ERR', e.stack));
    """)
    assert out == "7\n"


def test_module_snapshot_from_python():
    files = {"main.js": "import { twice } from './lib.js'; export const four = twice(2);",
             "lib.js": "export function twice(x) { return 2 * x; }"}
    b = RealmBuilder(hooks={"import": lambda spec, ref: files[spec.lstrip("./")]})
    ns = b.eval_module("main.js")
    r = RealmSnapshot.instantiate(b, [ns])
    assert r.arguments[0]["four"] == 4.0


@pytest.mark.parametrize("name,rel,probe,expected", [
    ("lodash", "lodash.js", "_.chunk([1,2,3,4,5], 2).length + ':' + _.camelCase('a b')", "3:aB"),
    ("underscore", "underscore-umd.js", "_.uniq([1,1,2]).join() + ':' + _.range(3).length", "1,2:3"),
])
def test_libraries_work_after_restore(name, rel, probe, expected):
    from npm_cache import fetch_package_file, NpmUnavailable
    try:
        src = fetch_package_file(name, rel)
    except NpmUnavailable as e:
        pytest.skip(str(e))
    # lodash reads Date.now() while it initialises: give the builder a fixed clock
    b = RealmBuilder(hooks={"now": lambda: 0})
    v = b.eval_script(src, rel)
    assert not v._threw
    snap = RealmSnapshot.from_bytes(RealmSnapshot.compile(b, [v]).to_bytes())
    r1 = RealmSnapshot.instantiate(snap)
    r2 = RealmSnapshot.instantiate(snap)
    assert r1.eval(probe) == expected
    r1.eval("_.mixin({shout: s => s.toUpperCase()})")
    assert r1.eval("_.shout('x')") == "X"
    assert r2.eval("typeof _.shout") == "undefined"     # instances stay independent
