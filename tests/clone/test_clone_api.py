"""jsrt.clone: the Python API, the algorithm's corner cases, transfer, errors, format."""

import datetime

import pytest

import jsrt
import jsrt.clone as jc
from jsrt.clone import format as fmt


@pytest.fixture
def realm():
    return jsrt.Realm(console=lambda s, t: None)


def js(realm, src):
    return realm.eval_raw(src)


def roundtrip_check(realm, src, check):
    """Clone the value of src (serialize + deserialize) and evaluate the JS check
    expression with `a` (original) and `b` (clone) bound; it must be true."""
    a = js(realm, "(" + src + ")")
    b = jc.deserialize(realm, jc.serialize(realm, a))
    realm.globals["a"] = a
    realm.globals["b"] = b
    return realm.eval("(" + check + ")")


CASES = [
    ("-0", "Object.is(b, -0)"),
    ("NaN", "b !== b"),
    ("'\\ud800x\\udc00'", "b === a && b.length === 3"),
    ("'\\ud83d\\ude00'", "b === a && b.length === 2"),
    ("[1, , 3]", "b.length === 3 && !(1 in b) && b[2] === 3 && b !== a"),
    ("(function(){ var x = []; x[100000] = 1; x.y = 2; return x; })()",
     "b.length === 100001 && b[100000] === 1 && b.y === 2 && !(5 in b)"),
    ("(function(){ var x = [1,2]; x.length = 10; return x; })()",
     "b.length === 10 && b[1] === 2 && !(2 in b)"),
    ("{'10': 1, b: 2, '2': 3}", "Object.keys(b).join() === '2,10,b'"),
    ("new Boolean(false)", "b instanceof Boolean && b.valueOf() === false"),
    ("new Number(-0)", "b instanceof Number && Object.is(b.valueOf(), -0)"),
    ("new String('ab')", "b instanceof String && b.length === 2 && b[1] === 'b'"),
    ("new Date(NaN)", "b instanceof Date && isNaN(b.getTime())"),
    ("new Date(1e12)", "b.getTime() === 1e12"),
    ("new Map([[NaN, 1], [{}, 2], ['k', new Map()]])",
     "b.size === 3 && b.get(NaN) === 1 && b.get('k') instanceof Map"),
    ("new Set([1, '1', NaN])", "b.size === 3 && b.has(NaN) && b.has('1')"),
    ("(function(){ var m = new Map(); m.set(m, m); return m; })()",
     "b.get(b) === b"),
    ("(function(){ var o = {}; o.o = o; o.arr = [o, o]; return o; })()",
     "b.o === b && b.arr[0] === b && b.arr[1] === b"),
    ("(function(){ var e = new RangeError('m'); e.name = 'Custom'; return e; })()",
     "b instanceof Error && !(b instanceof RangeError) && b.name === 'Error' && "
     "b.message === 'm'"),
    ("(function(){ var e = new TypeError(); e.extra = 1; return e; })()",
     "b instanceof TypeError && !b.hasOwnProperty('message') && b.extra === undefined"),
    ("Object.create({inherited: 1}, {own: {value: 2, enumerable: true}, "
     "hidden: {value: 3, enumerable: false}})",
     "b.own === 2 && !('hidden' in b) && !('inherited' in b) && "
     "Object.getPrototypeOf(b) === Object.prototype"),
    ("{get g() { return [1]; }}",
     "Array.isArray(b.g) && Object.getOwnPropertyDescriptor(b, 'g').value[0] === 1"),
    ("(function(){ var buf = new ArrayBuffer(8); var u = new Uint8Array(buf, 2, 4); "
     "u[0] = 7; return [buf, u, new DataView(buf, 1, 3), new Float64Array(buf)]; })()",
     "b[1].buffer === b[0] && b[2].buffer === b[0] && b[3].buffer === b[0] && "
     "b[1][0] === 7 && b[1].byteOffset === 2 && b[1].length === 4 && "
     "b[2].byteOffset === 1 && b[2].byteLength === 3 && b[0] !== a[0]"),
    ("new ArrayBuffer(4, {maxByteLength: 64})",
     "b.resizable && b.maxByteLength === 64 && b.byteLength === 4"),
    ("(function(){ var ab = new ArrayBuffer(4, {maxByteLength: 64}); "
     "return new Int16Array(ab); })()",
     "(b.buffer.resize(8), b.length === 4)"),
    ("/a+b/gimsuy", "b.source === 'a+b' && b.flags === a.flags && b.lastIndex === 0"),
    ("new DOMException('msg', 'NotFoundError')",
     "b instanceof DOMException && b.name === 'NotFoundError' && b.code === 8 && "
     "b.message === 'msg'"),
    ("Object(BigInt(5))", "typeof b === 'object' && b.valueOf() === BigInt(5)"),
]


@pytest.mark.parametrize("src,check", CASES)
def test_roundtrip(realm, src, check):
    assert roundtrip_check(realm, src, check) is True


def test_getter_order_and_deletion(realm):
    """Keys are listed first; a getter deleting a later key makes it absent."""
    v = js(realm, """(function(){
        var log = [];
        var o = {a: 1, get b() { log.push('b'); delete this.c; return 2; }, c: 3, d: 4};
        globalThis.log = log; return o; })()""")
    b = jc.deserialize(realm, jc.serialize(realm, v))
    realm.globals["b"] = b
    assert realm.eval("JSON.stringify(b) + log.join()") == '{"a":1,"b":2,"d":4}b'


def test_getter_exception_propagates(realm):
    v = js(realm, "({x: {get y() { throw new RangeError('from getter'); }}})")
    with pytest.raises(jsrt.JSError) as e:
        jc.serialize(realm, v)
    assert e.value.name == "RangeError" and "from getter" in e.value.message


@pytest.mark.parametrize("src,what,where", [
    ("({items: [0, 1, 2, {callback: function callback() {}}]})", "function callback",
     "value.items[3].callback"),
    ("({s: Symbol('x')})", "Symbol(x)", "value.s"),
    ("[new WeakMap()]", "WeakMap", "value[0]"),
    ("({p: Promise.resolve(1)})", "Promise", "value.p"),
    ("({'a b': new Map([[1, function f() {}]])})", "function f",
     'value["a b"].<Map entry 0 value>'),
    ("new Set([1, Symbol()])", "Symbol()", "value.<Set entry 1>"),
    ("({px: new Proxy({}, {})})", "", "value.px"),
])
def test_errors_name_path(realm, src, what, where):
    v = js(realm, src)
    with pytest.raises(jsrt.DataCloneError) as e:
        jc.serialize(realm, v)
    msg = str(e.value)
    assert what in msg and where in msg, msg


def test_js_error_is_domexception(realm):
    out = realm.eval("""(function(){
      try { structuredClone({f: function(){}}); return 'no'; }
      catch (e) { return [e instanceof DOMException, e instanceof Error, e.name, e.code,
                          DOMException.DATA_CLONE_ERR].join(); } })()""")
    assert out == "true,true,DataCloneError,25,25"


def test_structured_clone_options(realm):
    out = realm.eval("""(function(){
      var r = [];
      try { structuredClone(1, 5); } catch (e) { r.push(e.name); }
      try { structuredClone(1, {transfer: 5}); } catch (e) { r.push(e.name); }
      try { structuredClone(1, {transfer: [1]}); } catch (e) { r.push(e.name); }
      try { structuredClone(1, {transfer: [{}]}); } catch (e) { r.push(e.name); }
      var ab = new ArrayBuffer(1);
      try { structuredClone(1, {transfer: [ab, ab]}); } catch (e) { r.push(e.name); }
      r.push(ab.byteLength);
      r.push(structuredClone(7, null), structuredClone(8, undefined), structuredClone(9, {}));
      return r.join(); })()""")
    assert out == "TypeError,TypeError,TypeError,DataCloneError,DataCloneError,1,7,8,9"


def test_transfer_moves_without_copy(realm):
    realm.eval("var ab = new ArrayBuffer(16); new Uint8Array(ab)[3] = 9; "
               "var ta = new Uint8Array(ab, 4);")
    ab = realm.eval_raw("ab")
    data = ab.data
    c = jc.structured_clone(realm, realm.eval_raw("[ab, ta]"), transfer=[ab])
    assert ab.data is None
    assert c.arr[0].data is data          # the same bytearray: moved, not copied
    assert c.arr[1].buffer is c.arr[0]
    assert realm.eval("ab.byteLength === 0 && ta.length === 0 && ab.detached") is True


def test_transfer_in_band_bytes(realm):
    realm.eval("var ab = new ArrayBuffer(4, {maxByteLength: 8}); new Uint8Array(ab)[0] = 5;")
    ab = realm.eval_raw("ab")
    data = jc.serialize(realm, realm.eval_raw("({x: ab, y: new Uint8Array(ab)})"), transfer=[ab])
    assert realm.eval("ab.detached") is True
    other = jsrt.Realm()
    v = jc.deserialize(other, data)
    other.globals["v"] = v
    assert other.eval("v.x.resizable && v.x.maxByteLength === 8 && v.y[0] === 5 && "
                      "v.y.buffer === v.x") is True


def test_transfer_errors(realm):
    ab = js(realm, "new ArrayBuffer(2)")
    with pytest.raises(jsrt.DataCloneError, match="duplicate"):
        jc.serialize(realm, 1, transfer=[ab, ab])
    with pytest.raises(jsrt.DataCloneError, match="not an ArrayBuffer"):
        jc.serialize(realm, 1, transfer=[js(realm, "({})")])
    with pytest.raises(jsrt.DataCloneError, match="storage"):
        jc.serialize(realm, 1, transfer=[ab], for_storage=True)
    jc.serialize(realm, ab, transfer=[ab])
    with pytest.raises(jsrt.DataCloneError, match="detached"):
        jc.serialize(realm, ab, transfer=[ab])
    with pytest.raises(jsrt.DataCloneError, match="detached"):
        jc.serialize(realm, ab)


def test_cross_realm(realm):
    other = jsrt.Realm()
    v = js(realm, "({a: [1, {b: new Date(5)}], m: new Map([[1, 2]])})")
    c = jc.deserialize(other, jc.serialize(realm, v))
    other.globals["c"] = c
    assert other.eval("c.a[1].b instanceof Date && c.m instanceof Map && "
                      "Object.getPrototypeOf(c) === Object.prototype") is True


def test_deep_nesting_no_recursion(realm):
    v = js(realm, "(function(){ var o = {}; for (var i = 0; i < 100000; i++) o = {n: o}; "
                  "return o; })()")
    c = jc.deserialize(realm, jc.serialize(realm, v))
    realm.globals["c"] = c
    assert realm.eval("(function(){ var d = 0; while (c.n) { c = c.n; d++; } "
                      "return d; })()") == 100000.0


def test_python_values_roundtrip():
    now = datetime.datetime(2024, 5, 6, 7, 8, 9, 123456)
    aware = now.replace(tzinfo=datetime.timezone.utc)
    shared = [1]
    v = {"n": None, "t": True, "i": 2 ** 70, "j": -3, "f": 1.5, "s": "é😀\ud800", "b": b"\x00",
         "l": [shared, shared], "d": {"x": now, "y": aware}, "u": jsrt.undefined}
    out = jc.deserialize_python(jc.serialize_python(v))
    assert out == v
    assert out["l"][0] is out["l"][1]
    cyc = []
    cyc.append(cyc)
    c = jc.deserialize_python(jc.serialize_python(cyc))
    assert c[0] is c


def test_python_errors_name_path():
    with pytest.raises(jsrt.DataCloneError, match=r"value\['a'\]\[1\]"):
        jc.serialize_python({"a": [1, object()]})
    with pytest.raises(jsrt.DataCloneError, match="only str keys"):
        jc.serialize_python({1: 2})


def test_python_and_js_share_the_format(realm):
    import array
    data = jc.serialize_python({"when": datetime.datetime(2020, 1, 1), "n": 5,
                                "t": array.array("h", [1, -2])})
    v = jc.deserialize(realm, data)
    realm.globals["v"] = v
    assert realm.eval("v.when instanceof Date && v.when.getTime() === Date.UTC(2020,0,1) && "
                      "v.n === 5 && v.t instanceof Int16Array && v.t[1] === -2") is True
    back = jc.deserialize_python(jc.serialize(realm, v))
    assert back["n"] == 5.0 and back["t"].tolist() == [1, -2]
    assert back["when"] == datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone.utc)


def test_format_header(realm):
    data = jc.serialize(realm, 1.0)
    assert data[:2] == fmt.MAGIC and data[2] == fmt.FORMAT_VERSION
    bad = data[:2] + bytes([99]) + data[3:]
    with pytest.raises(jc.CloneDecodeError, match="version 99"):
        jc.deserialize(realm, bad)
    with pytest.raises(jc.CloneDecodeError, match="magic"):
        jc.deserialize(realm, b"\x80\x04" + data[2:])
    with pytest.raises(jc.CloneDecodeError):
        jc.deserialize(realm, data + b"x")


@pytest.mark.parametrize("payload", [
    b"A\xff\x00\x00\x00\x00\x01\x00\x00\x00\x00\x00",  # length 2**32: too long
    b"A\x10\x20\x00",                           # dense count > length
    b"R\x00",                                   # reference before any object
    b"O\x03",                                   # unknown shape
    b"h",                                       # hole outside an array
    b"M\xff\xff\xff\xff\xff\xff\xff\xff\x0f",  # absurd Map count
    b"B\xfe\x00\x00\x00\x40",                   # 1 GiB ArrayBuffer claimed, not present
    b"V\x01B\x04\x00\x00\x00\x00\x02\x00\x04",  # view past its buffer
    b"V\x05B\x04\x00\x00\x00\x00\x01\x00\x01",  # misaligned Int32Array
    b"Q\x04\x02\x00\x00\x00\x00",              # byteLength > maxByteLength
    b"e\x09\x00",                               # bad Error name
    b"Z\x05\x01",                               # truncated BigInt
    b"ANNN",                                    # more numbers than the section has
    b"OS",                                      # bad shape reference via a string tag
    b"a\x05",                                  # number array longer than the numbers
])
def test_hostile_structures(realm, payload):
    data = fmt.build(payload, [1.0], ["s"])
    with pytest.raises(jsrt.DataCloneError):
        jc.deserialize(realm, data)
    with pytest.raises(jsrt.DataCloneError):
        jc.deserialize_python(data)


def test_sparse_array_decoding_is_bounded(realm):
    data = fmt.build(b"A\xfe\xfe\xff\xff\xff\x00\x00", [], [])
    v = jc.deserialize(realm, data)
    assert v.arr is None and v.alen == 0xFFFFFFFE


def test_realm_snapshot_is_serializable(realm):
    snapmod = pytest.importorskip("jsrt.snapshot")
    if not hasattr(snapmod, "RealmSnapshot") or not hasattr(snapmod, "RealmBuilder"):
        pytest.skip("jsrt.snapshot has no RealmSnapshot yet")
    b = snapmod.RealmBuilder()
    try:
        snap = b.compile() if hasattr(b, "compile") else snapmod.RealmSnapshot.compile(b)
    except Exception as e:  # the snapshot API is another engineer's, still moving
        pytest.skip("cannot build a RealmSnapshot here: %s" % e)
    data = jc.serialize_python({"snap": snap})
    back = jc.deserialize_python(data)["snap"]
    assert type(back).__name__ == "RealmSnapshot"
    assert back.to_bytes() == snap.to_bytes()


def test_realm_snapshot_structured_clone_in_js():
    """The proposal's "structured clone of a RealmSnapshot": clone it (and send its bytes
    to another realm); the copy instantiates there."""
    pytest.importorskip("jsrt.builtins.realms")
    r = jsrt.Realm(console=lambda s, t: None)
    if r.eval("typeof RealmSnapshot") != "function":
        pytest.skip("no RealmSnapshot in JS yet")
    r.eval("""
      var out = [];
      var b = new RealmBuilder();
      var v = b.evalScript("globalThis.lib = {twice: function (x) { return 2 * x; }}; lib");
      RealmSnapshot.compile(b, [v]).then(function (snap) {
        globalThis.snap = snap;
        var copy = structuredClone({s: snap}).s;
        out.push(copy instanceof RealmSnapshot, copy !== snap);
        return RealmSnapshot.instantiate(copy);
      }).then(function (realm) {
        out.push(realm.arguments[0].twice(21));
      }, function (e) { out.push("error: " + e); });
    """)
    r.run()
    assert r.eval("out.join()") == "true,true,42"
    data = jc.serialize(r, r.eval_raw("snap"))
    other = jsrt.Realm(console=lambda s, t: None)
    other.globals["s"] = jc.deserialize(other, data)
    other.eval("var res = []; RealmSnapshot.instantiate(s).then(function (realm) { "
               "res.push(realm.arguments[0].twice(5)); });")
    other.run()
    assert other.eval("res.join()") == "10"
    back = jc.deserialize_python(data)
    assert type(back).__name__ == "RealmSnapshot"


def test_clone_codec_python_values():
    from jsrt.clone.codec import CloneCodec, StoredDataCloneError
    from jsrt.store.errors import DataCloneError as StoreDataCloneError
    from jsrt.store.codec import MISSING
    c = CloneCodec()
    v = {"id": 7, "name": "n", "tags": ["a"], "when": datetime.datetime(2021, 1, 1)}
    assert c.decode(c.encode(v)) == v
    assert c.evaluate_key_path(v, "id") == 7
    assert c.evaluate_key_path(v, ["id", "name"]) == [7, "n"]
    assert c.evaluate_key_path(v, "nope") is MISSING
    assert c.can_inject_key(v, "a.b") and not c.can_inject_key(v, "name.b")
    c.inject_key(v, "a.b", 5.0)
    assert v["a"] == {"b": 5.0}
    with pytest.raises(StoredDataCloneError) as e:
        c.encode({"x": object()})
    assert isinstance(e.value, StoreDataCloneError) and isinstance(e.value, jsrt.DataCloneError)
    with pytest.raises(StoreDataCloneError):
        c.decode(b"garbage")


def test_clone_codec_js_values(realm):
    from jsrt.clone.codec import CloneCodec
    from jsrt.store.codec import MISSING
    c = CloneCodec(realm)
    v = js(realm, "({id: 5, s: 'hello', a: {b: [1, 'x']}, d: new Date(0), "
                  "buf: new Uint8Array([1, 2]), n: null})")
    d = c.decode(c.encode(v))
    assert c.evaluate_key_path(d, "id") == 5.0
    assert c.evaluate_key_path(d, "s.length") == 5.0
    assert c.evaluate_key_path(d, "a.b") == [1.0, "x"]
    assert c.evaluate_key_path(d, "d") == datetime.datetime(1970, 1, 1)
    assert c.evaluate_key_path(d, "buf") == b"\x01\x02"
    assert c.evaluate_key_path(d, "n") is None
    assert c.evaluate_key_path(d, "a.zz") is MISSING
    assert c.can_inject_key(d, "x.y") and not c.can_inject_key(d, "s.y")
    c.inject_key(d, "x.y", datetime.datetime(1970, 1, 2))
    realm.globals["d"] = d
    assert realm.eval("d.x.y instanceof Date && d.x.y.getTime() === 86400000") is True
    # the same bytes read as Python values
    py = CloneCodec().decode(c.encode(v))
    assert py["id"] == 5.0 and py["a"] == {"b": [1.0, "x"]}


def test_plan_caches_are_bounded(realm, monkeypatch):
    """With full plan caches nothing is compiled any more; everything still decodes."""
    from jsrt.clone import deserializer, serializer, pyvalues
    monkeypatch.setattr(deserializer, "PLAN_CACHE_MAX", 0)
    monkeypatch.setattr(serializer, "ENC_PLAN_CACHE_MAX", 0)
    monkeypatch.setattr(deserializer, "_OBJ_PLANS", {})
    monkeypatch.setattr(deserializer, "_ARR_PLANS", {})
    monkeypatch.setattr(serializer, "_ENC_PLANS", {})
    monkeypatch.setattr(serializer, "_ARR_KINDS", {})
    monkeypatch.setattr(pyvalues, "_PY_PLANS", {i: None for i in range(2048)})
    assert roundtrip_check(realm, "[{a: 1, b: 'x', c: true}, [1, 'y', null], "
                                  "new Map([['k', 1]]), {q: [{r: 2}]}]",
                           "b[0].b === 'x' && b[1][1] === 'y' && b[2].get('k') === 1 && "
                           "b[3].q[0].r === 2") is True
    assert jc.deserialize_python(jc.serialize_python({"a": 1.5, "b": "x"})) == {"a": 1.5,
                                                                                "b": "x"}


def test_mutation_during_serialization_follows_the_spec(realm):
    """Keys are listed when a container is met; later changes made by getters are seen
    for keys still to come, deleted ones are skipped, added ones are not serialized."""
    v = js(realm, """(function(){
        var arr = [{get g() { arr[1] = 'filled'; arr[2] = 'changed'; arr.length = 3;
                              return 0; }}, , 3, 4];
        var m = new Map([['a', {get g() { m.set('c', 3); m.delete('b'); return 0; }}],
                         ['b', 2]]);
        var o = {first: {get g() { delete o.second; o.late = 1; return 0; }}, second: 2,
                 arr: arr, m: m};
        return o; })()""")
    c = jc.deserialize(realm, jc.serialize(realm, v))
    realm.globals["c"] = c
    assert realm.eval("[c.arr.length, 1 in c.arr, c.arr[2], 3 in c.arr, c.m.size, "
                      "c.m.get('b'), c.m.has('c'), 'second' in c, 'late' in c].join()") == \
        "4,false,changed,false,2,2,false,false,false"
