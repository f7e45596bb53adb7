"""Property-based tests (hypothesis): random value graphs round-trip exactly, and mutated
bytes never raise anything but DataCloneError."""

import math

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings, strategies as st, HealthCheck  # noqa: E402

import jsrt  # noqa: E402
import jsrt.clone as jc  # noqa: E402
from jsrt.runtime.values import undefined, null, HOLE, JSBigInt  # noqa: E402
from jsrt.runtime.objects import (JSObject, JSArray, JSPrimitiveObject, JSStringObject,  # noqa
                                  JSErrorObject, JSDateObject, W, C)
from jsrt.clone.format import split_surrogates  # noqa: E402
from jsrt.builtins.typedarray import (JSArrayBuffer, JSTypedArray, JSDataView,  # noqa
                                      KINDS)

SETTINGS = settings(max_examples=120, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

_REALM = []


def realm():
    if not _REALM:
        _REALM.append(jsrt.Realm(console=lambda s, t: None))
    return _REALM[0]


# -- strategies: a graph is a list of node specs; children are primitives or node refs ----

code_units = st.lists(st.integers(0, 0xFFFF), max_size=12).map(
    lambda cs: "".join(map(chr, cs)))
# JS strings are UTF-16 code units (astral characters as surrogate pairs)
js_text = st.text(max_size=10).map(split_surrogates)
js_strings = st.one_of(js_text, code_units)
numbers = st.one_of(st.floats(allow_nan=True, allow_infinity=True),
                    st.sampled_from([0.0, -0.0, 1.0, 2.0 ** 53, -1.5]))
prims = st.one_of(
    numbers.map(lambda x: ("num", x)),
    js_strings.map(lambda s: ("str", s)),
    st.booleans().map(lambda b: ("bool", b)),
    st.just(("undef", None)), st.just(("null", None)),
    st.integers(-(2 ** 80), 2 ** 80).map(lambda i: ("big", i)),
)
child = st.one_of(prims, st.integers(0, 30).map(lambda i: ("ref", i)))
keys = st.one_of(st.text(max_size=6).map(split_surrogates), st.integers(0, 50).map(str),
                 code_units)

node = st.one_of(
    st.tuples(st.just("object"), st.lists(st.tuples(keys, child), max_size=6)),
    st.tuples(st.just("array"), st.lists(st.one_of(child, st.just(("hole", None))), max_size=8),
              st.integers(0, 40)),
    st.tuples(st.just("map"), st.lists(st.tuples(child, child), max_size=4)),
    st.tuples(st.just("set"), st.lists(child, max_size=4)),
    st.tuples(st.just("date"), st.one_of(st.integers(-8640000000000000, 8640000000000000)
                                         .map(float), st.just(math.nan))),
    st.tuples(st.just("wrapper"), prims),
    st.tuples(st.just("error"), st.sampled_from(["Error", "TypeError", "RangeError",
                                                 "URIError"]), st.one_of(st.none(), js_strings)),
    st.tuples(st.just("buffer"), st.binary(max_size=24), st.booleans()),
    st.tuples(st.just("view"), st.integers(0, 30), st.integers(0, len(KINDS)), st.integers(0, 8),
              st.integers(0, 8)),
)
graphs = st.lists(node, min_size=1, max_size=12)


def build(spec):
    """Materialize a graph spec as JS objects; the root is node 0."""
    r = realm()
    intr = r.intrinsics
    nodes = []
    for n in spec:
        k = n[0]
        if k == "object":
            nodes.append(JSObject(intr["%Object.prototype%"]))
        elif k == "array":
            nodes.append(JSArray(intr["%Array.prototype%"], []))
        elif k == "map":
            from jsrt.builtins.collections import JSMap
            nodes.append(JSMap(intr["%Map.prototype%"]))
        elif k == "set":
            from jsrt.builtins.collections import JSSet
            nodes.append(JSSet(intr["%Set.prototype%"]))
        elif k == "date":
            nodes.append(JSDateObject(intr["%Date.prototype%"], n[1]))
        elif k == "wrapper":
            t, v = n[1]
            if t == "str":
                nodes.append(JSStringObject(intr["%String.prototype%"], v))
            elif t == "num":
                nodes.append(JSPrimitiveObject(intr["%Number.prototype%"], v))
            elif t == "bool":
                nodes.append(JSPrimitiveObject(intr["%Boolean.prototype%"], v))
            elif t == "big":
                nodes.append(JSPrimitiveObject(intr["%BigInt.prototype%"], JSBigInt(v)))
            else:
                nodes.append(JSObject(intr["%Object.prototype%"]))
        elif k == "error":
            e = JSErrorObject(intr["%" + n[1] + ".prototype%"])
            if n[2] is not None:
                e._store("message", n[2], W | C)
            nodes.append(e)
        elif k == "buffer":
            nodes.append(JSArrayBuffer(intr["%ArrayBuffer.prototype%"], bytearray(n[1]),
                                       64 if n[2] else None))
        else:
            nodes.append(None)      # views are made once buffers exist
    buffers = [x for x in nodes if isinstance(x, JSArrayBuffer)]
    for i, n in enumerate(spec):
        if n[0] != "view":
            continue
        if not buffers:
            nodes[i] = JSObject(intr["%Object.prototype%"])
            continue
        buf = buffers[n[1] % len(buffers)]
        blen = len(buf.data)
        if n[2] == len(KINDS):
            off = min(n[3], blen)
            ln = min(n[4], blen - off)
            nodes[i] = JSDataView(intr["%DataView.prototype%"], buf, off,
                                  None if buf.max_len is not None and n[4] % 2 else ln)
        else:
            kind = KINDS[n[2]]
            off = min(n[3] * kind.size, blen - blen % kind.size)
            ln = min(n[4], (blen - off) // kind.size)
            tracking = buf.max_len is not None and n[4] % 2
            nodes[i] = JSTypedArray(intr[kind.proto_key], kind, buf, off,
                                    None if tracking else ln)

    def val(c):
        t, v = c
        if t == "ref":
            return nodes[v % len(nodes)]
        return {"num": lambda: v, "str": lambda: v, "bool": lambda: v,
                "undef": lambda: undefined, "null": lambda: null,
                "big": lambda: JSBigInt(v), "hole": lambda: HOLE}[t]()

    for o, n in zip(nodes, spec):
        k = n[0]
        if k == "object":
            for key, c in n[1]:
                o.props[key] = val(c)
        elif k == "array":
            o.arr = [val(c) for c in n[1]]
            if n[2] > len(o.arr):
                o.arr.extend([HOLE] * (n[2] - len(o.arr)))
        elif k == "map":
            for a, b in n[1]:
                o.map_set(val(a), val(b))
        elif k == "set":
            for a in n[1]:
                o.set_add(val(a))
    return nodes[0]


def same(a, b):
    """Structural equality with identity structure: a bijection between the graphs."""
    fwd, back = {}, {}
    todo = [(a, b)]
    while todo:
        x, y = todo.pop()
        if not isinstance(x, JSObject):
            if type(x) is float:
                assert type(y) is float
                assert (x != x and y != y) or (x == y and math.copysign(1, x) ==
                                               math.copysign(1, y)), (x, y)
            else:
                assert type(x) is type(y) and x == y, (x, y)
            continue
        assert isinstance(y, JSObject)
        if id(x) in fwd:
            assert fwd[id(x)] is y
            continue
        assert id(y) not in back, "two originals map to one clone"
        fwd[id(x)] = y
        back[id(y)] = x
        assert x is not y
        assert type(x) is type(y), (type(x), type(y))
        if type(x) is JSObject:
            assert x.own_keys() == y.own_keys()       # the JS-visible order
            todo.extend((x.props[k], y.props[k]) for k in x.own_keys())
        elif type(x) is JSArray:
            assert x.length == y.length
            for i in range(min(x.length, 64)):
                kx = x.get_own_property(str(i))
                ky = y.get_own_property(str(i))
                assert (kx is None) == (ky is None), i
                if kx is not None:
                    todo.append((kx.value, ky.value))
        elif x.cls == "Map":
            ex, ey = x.entries(), y.entries()
            assert len(ex) == len(ey)
            for (k1, v1), (k2, v2) in zip(ex, ey):
                todo.append((k1, k2))
                todo.append((v1, v2))
        elif x.cls == "Set":
            todo.extend(zip(x.values(), y.values()))
        elif isinstance(x, JSDateObject):
            assert (x.tv != x.tv and y.tv != y.tv) or x.tv == y.tv
        elif isinstance(x, (JSPrimitiveObject, JSStringObject)):
            todo.append((x.value, y.value))
        elif isinstance(x, JSErrorObject):
            assert x.proto is y.proto
            assert x.props.get("message") == y.props.get("message")
        elif isinstance(x, JSArrayBuffer):
            assert x.data == y.data and x.max_len == y.max_len
        elif isinstance(x, JSTypedArray):
            assert x.kind is y.kind and x.offset == y.offset and x.alen == y.alen
            todo.append((x.buffer, y.buffer))
        elif isinstance(x, JSDataView):
            assert x.offset == y.offset and x.blen == y.blen
            todo.append((x.buffer, y.buffer))
    return True


@SETTINGS
@given(graphs)
def test_random_graphs_roundtrip(spec):
    r = realm()
    v = build(spec)
    data = jc.serialize(r, v)
    c = jc.deserialize(r, data)
    assert same(v, c)
    # serializing the clone gives the same bytes (a canonical encoding)
    assert jc.serialize(r, c) == data


py_leaf = st.one_of(st.none(), st.booleans(), st.integers(-(2 ** 70), 2 ** 70),
                    st.floats(allow_nan=False), st.text(max_size=8), st.binary(max_size=8),
                    st.datetimes())
py_values = st.recursive(py_leaf, lambda inner: st.one_of(
    st.lists(inner, max_size=5), st.dictionaries(st.text(max_size=5), inner, max_size=5)),
    max_leaves=30)


@SETTINGS
@given(py_values)
def test_python_values_roundtrip(v):
    assert jc.deserialize_python(jc.serialize_python(v)) == v


def _valid_corpus():
    r = realm()
    srcs = [
        "({a: [1, , 'x', {b: null}], m: new Map([[1, new Set(['s'])]]), d: new Date(5)})",
        "(function(){ var o = {k: 'v'}; o.self = o; o.list = [o, o, -0, NaN]; return o; })()",
        "(function(){ var ab = new ArrayBuffer(16, {maxByteLength: 32}); return [ab, "
        "new Int32Array(ab, 4, 2), new DataView(ab, 1), new Uint8Array(ab)]; })()",
        "[new Boolean(true), new Number(2), new String('\\ud800\\u00e9'), /re+/g, "
        "new TypeError('t'), Object(BigInt(-7)), new DOMException('m', 'DataError')]",
        "({'\\u00e9t\\u00e9': 1, 'x y': [[[[[]]]]], long: 'x'.repeat(300)})",
    ]
    out = [jc.serialize(r, r.eval_raw(s)) for s in srcs]
    out.append(jc.serialize_python({"p": [1, 2 ** 70, b"\x00\xff", {"q": None}]}))
    ab = r.eval_raw("new ArrayBuffer(4)")
    out.append(jc.serialize(r, r.eval_raw("[1]"), transfer=[ab]))
    return out


CORPUS = []


def corpus():
    if not CORPUS:
        CORPUS.extend(_valid_corpus())
    return CORPUS


mutation = st.tuples(st.sampled_from(["flip", "set", "insert", "delete", "truncate"]),
                     st.integers(0, 10 ** 6), st.integers(0, 255))


def mutate(data, muts):
    b = bytearray(data)
    for kind, pos, val in muts:
        if not b:
            break
        p = pos % len(b)
        if kind == "flip":
            b[p] ^= 1 << (val % 8)
        elif kind == "set":
            b[p] = val
        elif kind == "insert":
            b.insert(p, val)
        elif kind == "delete":
            del b[p]
        else:
            del b[p:]
    return bytes(b)


def check_decoders(data):
    r = realm()
    for decode in (lambda d: jc.deserialize(r, d), jc.deserialize_python):
        try:
            decode(data)
        except jsrt.DataCloneError as e:
            assert "internal error" not in str(e), str(e)


@SETTINGS
@given(st.integers(0, 100), st.lists(mutation, min_size=1, max_size=4))
def test_mutated_bytes_only_raise_data_clone_error(which, muts):
    data = corpus()[which % len(corpus())]
    check_decoders(mutate(data, muts))


@SETTINGS
@given(st.binary(max_size=64))
def test_random_structures_only_raise_data_clone_error(structure):
    from jsrt.clone import format as fmt
    check_decoders(fmt.build(structure, [1.0, -0.0], ["abc", "\u00e9", ""]))
    check_decoders(b"\xc1\x0e\x01\x00" + structure)
