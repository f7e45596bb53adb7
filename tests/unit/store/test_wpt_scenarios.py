"""WPT IndexedDB scenarios, translated to the synchronous Python API.

Each test names the WPT file (under /IndexedDB/ in web-platform-tests) and the
test it comes from.  Translation rules: a request's success is a return value,
its error an exception; ``onupgradeneeded`` is the upgrade callback; an error
that the WPT test prevents with ``preventDefault()`` is caught inside the
transaction; ``undefined`` results are ``None``; JS-only inputs (Symbols,
functions, Proxies, ``toString`` objects) have no Python counterpart and are
left out.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re

import pytest

import jsrt.store as js
from jsrt.store import (AbortError, ConstraintError, DataCloneError, DataError,
                        InvalidAccessError, InvalidStateError, KeyPathSyntaxError, KeyRange,
                        NotFoundError, ReadOnlyError, TransactionInactiveError, VersionError,
                        cmp)

NOW = dt.datetime(2024, 5, 1, 12, 0, 0)
ONE_SEC_AGO = NOW - dt.timedelta(seconds=1)
ONE_MIN_FUTURE = NOW + dt.timedelta(minutes=1)


def cursor_keys(db, store, index=None, query=None, direction="next"):
    with db.transaction(store) as tx:
        source = tx.object_store(store)
        if index is not None:
            source = source.index(index)
        return [c.key for c in source.open_cursor(query, direction)]


# ---------------------------------------------------------------------------
# keyorder.any.js -- "Database readback sort" and "IDBKey.cmp sort"
# ---------------------------------------------------------------------------

big_array = list(range(10000))
bigger_array = list(range(10000)) + [0]

KEYSORT = [
    ("String < Array", [[0], "yo", "", []], ["", "yo", [], [0]]),
    ("float < String", [math.inf, "yo", 0, "", 100], [0, 100, math.inf, "", "yo"]),
    ("float < Date", [NOW, 0, 9999999999999, -0.22], [-0.22, 0, 9999999999999, NOW]),
    ("float < Date < String < Array", [[], "", NOW, [0], "-1", 0, 9999999999999],
     [0, 9999999999999, NOW, "", "-1", [], [0]]),
    ("Date(1 sec ago) < Date(now) < Date(1 minute in future)",
     [NOW, ONE_SEC_AGO, ONE_MIN_FUTURE], [ONE_SEC_AGO, NOW, ONE_MIN_FUTURE]),
    ("-1.1 < 1 < 1.01337 < 1.013373 < 2", [1.013373, 2, 1.01337, -1.1, 1],
     [-1.1, 1, 1.01337, 1.013373, 2]),
    ("-Infinity < -0.01 < 0 < Infinity", [0, -0.01, -math.inf, math.inf],
     [-math.inf, -0.01, 0, math.inf]),
    ('"" < "a" < "ab" < "b" < "ba"', ["a", "ba", "", "b", "ab"], ["", "a", "ab", "b", "ba"]),
    ("Arrays", [[[0]], [0], [], [0, 0], [0, [0]]], [[], [0], [0, 0], [0, [0]], [[0]]]),
    ("Array.length: 10,000 < Array.length: 10,001", [[0], [9], [0, 2, 3]],
     [[0], [0, 2, 3], [9]]),
    ("Infinity inside arrays",
     [[math.inf, 1], [math.inf, math.inf], [1, 1], [1, math.inf], [1, -math.inf],
      [-math.inf, math.inf]],
     [[-math.inf, math.inf], [1, -math.inf], [1, 1], [1, math.inf], [math.inf, 1],
      [math.inf, math.inf]]),
    ("Test different stuff at once",
     [NOW, [0, []], "test", 1, ["a", [1, [-1]]], ["b", "a"], [0, 2, "c"], ["a", [1, 2]], [],
      [0, [], 3], ["a", "b"], [1, 2], ["a", "b", "c"], ONE_SEC_AGO, [0, "b", "c"], math.inf,
      -math.inf, 2.55, [0, NOW], [1]],
     [-math.inf, 1, 2.55, math.inf, ONE_SEC_AGO, NOW, "test", [], [0, 2, "c"], [0, NOW],
      [0, "b", "c"], [0, []], [0, [], 3], [1], [1, 2], ["a", "b"], ["a", "b", "c"],
      ["a", [1, 2]], ["a", [1, [-1]]], ["b", "a"]]),
]


@pytest.mark.parametrize("desc, unsorted, expected", KEYSORT, ids=[k[0] for k in KEYSORT])
def test_keyorder_database_readback_sort(store, desc, unsorted, expected):
    # keyorder.any.js: "Database readback sort - <desc>"
    def up(db, tx, old, new):
        s = db.create_object_store("store")
        for k in unsorted:
            s.add("value", k)
    db = store.open_database("keyorder", 1, up)
    assert cursor_keys(db, "store") == expected


@pytest.mark.parametrize("desc, unsorted, expected", KEYSORT, ids=[k[0] for k in KEYSORT])
def test_keyorder_cmp_sort(desc, unsorted, expected):
    # keyorder.any.js: "IDBKey.cmp sort - <desc>"
    assert sorted(unsorted, key=functools.cmp_to_key(cmp)) == expected


def test_keyorder_big_arrays(store):
    # keyorder.any.js: "Array.length: 10,000 < Array.length: 10,001" (cmp part;
    # these arrays are too long to be LMDB keys)
    unsorted = [bigger_array, [0, 2, 3], [0], [9], big_array]
    expected = [[0], big_array, bigger_array, [0, 2, 3], [9]]
    assert sorted(unsorted, key=functools.cmp_to_key(cmp)) == expected


# ---------------------------------------------------------------------------
# idbfactory_cmp.any.js
# ---------------------------------------------------------------------------

def test_cmp_returns_correct_values():
    # idbfactory_cmp.any.js: "compared keys return correct value"
    assert (cmp(2, 1), cmp(2, 2), cmp(1, 2)) == (1, 0, -1)


@pytest.mark.parametrize("a, b", [(None, None), (1, None), (None, 1),
                                  (math.nan, math.nan), (1, math.nan), (math.nan, 1)])
def test_cmp_null_and_nan_are_data_errors(a, b):
    # idbfactory_cmp.any.js: "IDBFactory.cmp() - null", "IDBFactory.cmp() - NaN"
    with pytest.raises(DataError):
        cmp(a, b)


def test_cmp_types_and_binary():
    # idbfactory_cmp.any.js: "Array vs. Binary", "Binary vs. String", "String vs. Date",
    # "Date vs. Number", and the binary comparisons
    assert cmp([0], bytes([0])) == 1
    assert cmp(bytes([0]), "0") == 1
    assert cmp("", dt.datetime(1970, 1, 1)) == 1
    assert cmp(dt.datetime(1970, 1, 1), 0) == 1
    assert cmp(bytes([255]), bytes([0])) == 1                     # Int8Array([-1])
    assert cmp(bytes([255, 254, 253]), bytes([255, 253, 254])) == 1
    assert cmp(bytes([255, 254]), bytes([255, 253, 254])) == 1
    assert cmp(bytes([255, 253, 254]), bytes([255, 253])) == 1


def test_cmp_bigint_analogue():
    # value.any.js: "BigInts as keys in IndexedDB" -- JS BigInt has no key form; in
    # Python an int is a Number, but one too large for a double is rejected.
    with pytest.raises(DataError):
        cmp(0, 10 ** 400)


# ---------------------------------------------------------------------------
# key_valid.any.js and key_invalid.any.js
# ---------------------------------------------------------------------------

VALID_KEYS = [NOW, dt.datetime(1970, 1, 1), [], ["undefined"], math.inf, -math.inf, 0, 1.5,
              3e38, 3e-38, "foo", "\n", "", '"', "\u1234", "\u0000", "NaN"]


@pytest.mark.parametrize("key", VALID_KEYS, ids=repr)
def test_valid_key(store, key):
    # key_valid.any.js: "Valid key - <key>"
    def up(db, tx, old, new):
        db.create_object_store("store").add("value", key)
        db.create_object_store("store2", key_path=["x", "keypath"]).add({"x": "v", "keypath": key})
    db = store.open_database("valid", 1, up)
    with db.transaction(["store", "store2"]) as tx:
        assert tx.object_store("store").get(key) == "value"
        got = tx.object_store("store2").get(["v", key])
        assert got["x"] == "v" and cmp(got["keypath"], key) == 0


def _recursive():
    a = []
    a.append(a)
    return a


def _recursive2():
    a = []
    a.append([a])
    return a


INVALID_KEYS = [
    ("true", True), ("false", False), ("null", None), ("NaN", math.nan), ("{}", {}),
    ("{ obj: 1 }", {"obj": 1}), ("Math (an object)", math), ("[{}]", [{}]),
    ("[[], [], [], [[ Date ]]]", [[], [], [], [[dt.datetime]]]), ("[undefined]", [None]),
    ("/foo/", re.compile("foo")), ("array directly contains self", _recursive()),
    ("array indirectly contains self", _recursive2()),
    ("array member contains self", [_recursive()]),
]


@pytest.mark.parametrize("desc, key", INVALID_KEYS, ids=[k[0] for k in INVALID_KEYS])
def test_invalid_key(store, desc, key):
    # key_invalid.any.js: "Invalid key - <desc>"
    def up(db, tx, old, new):
        s = db.create_object_store("store")
        with pytest.raises(DataError):
            s.add("value", key)
        s2 = db.create_object_store("store2", key_path=["x", "keypath"])
        with pytest.raises(DataError):
            s2.add({"x": "v", "keypath": key})
    store.open_database("invalid", 1, up)


# ---------------------------------------------------------------------------
# keypath.any.js and keypath_invalid.any.js
# ---------------------------------------------------------------------------

KEYPATHS = [
    ("my.key", [{"my": {"key": 10}}], [10]),
    ("my.køi", [{"my": {"køi": 5}}], [5]),
    ("my.key_ya", [{"my": {"key_ya": 10}}], [10]),
    ("public.key$ya", [{"public": {"key$ya": 10}}], [10]),
    ("true.$", [{"true": {"$": 10}}], [10]),
    ("my._", [{"my": {"_": 10}}], [10]),
    ("delete.a7", [{"delete": {"a7": 10}}], [10]),
    ("p.p.p.p.p.p.p.p.p.p.p.p.p.p",
     [functools.reduce(lambda acc, _i: {"p": acc}, range(14), 10)], [10]),
    ("str.length", [{"str": "pony"}, {"str": "my"}, {"str": "little"}, {"str": ""}], [0, 2, 4, 6]),
    ("arr.length", [{"arr": [0, 0, 0, 0]}, {"arr": [{}, 0, "hei", "length", math.inf, []]},
                    {"arr": [10, 10]}, {"arr": []}], [0, 2, 4, 6]),
    ("length", [[10, 10], "123", {"length": 20}], [2, 3, 20]),
    ("", [["bags"], "bean", 10], [10, "bean", ["bags"]]),
    ([""], [["bags"], "bean", 10], [[10], ["bean"], [["bags"]]]),
    (["x", "y"], [{"x": 10, "y": 20}, {"y": 1.337, "x": 100}], [[10, 20], [100, 1.337]]),
    (["name", "type"], [{"name": "orange", "type": "fruit"},
                        {"name": "orange", "type": ["telecom", "french"]}],
     [["orange", "fruit"], ["orange", ["telecom", "french"]]]),
    (["name", "type.name"], [{"name": "orange", "type": {"name": "fruit"}},
                             {"name": "orange", "type": {"name": "telecom"}}],
     [["orange", "fruit"], ["orange", "telecom"]]),
    (["type"], [{"name": "orange", "type": "fruit"}, {"name": "cucumber", "type": "vegetable"}],
     [["fruit"], ["vegetable"]]),
]


@pytest.mark.parametrize("key_path, objects, expected", KEYPATHS, ids=[repr(k[0]) for k in KEYPATHS])
def test_keypath(store, key_path, objects, expected):
    # keypath.any.js: "Keypath - <keypath>"
    def up(db, tx, old, new):
        s = db.create_object_store("store", key_path=key_path)
        for o in objects:
            s.add(o)
    db = store.open_database("keypath", 1, up)
    assert cursor_keys(db, "store") == expected


INVALID_KEYPATHS = ["j a", ".yo", "yo,lo", [], ["array with space"], ["multi_array", ["a", "b"]],
                    "3m", "my.1337", "..yo", "y..o", "y.o.", "y.o..", "m.*", '"m"', "m%", "m/",
                    "m/a", "m&", "m!", "*", "*.*", "^m", "/m/"]


@pytest.mark.parametrize("key_path", INVALID_KEYPATHS, ids=repr)
def test_keypath_invalid(store, key_path):
    # keypath_invalid.any.js: "Invalid keyPath - <keypath>"
    def up(db, tx, old, new):
        with pytest.raises(KeyPathSyntaxError):
            db.create_object_store("store", key_path=key_path)
        s = db.create_object_store("store")
        with pytest.raises(KeyPathSyntaxError) as info:
            s.create_index("index", key_path)
        assert info.value.name == "SyntaxError"
    store.open_database("bad-keypath", 1, up)


# ---------------------------------------------------------------------------
# keygenerator.any.js
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("objects, expected, desc", [
    ([None, None, None, None], [1, 2, 3, 4], "starts at one, and increments by one"),
    ([2, None, 5, None, 6.66, 7], [2, 3, 5, 6, 6.66, 7], "increments by one from last set key"),
    ([-10, None, "6", 6.3, [10], -2, 4, None], [-10, -2, 1, 4, 6.3, 7, "6", [10]],
     "don't increment when new key is not bigger than current"),
])
def test_keygenerator(store, objects, expected, desc):
    # keygenerator.any.js: "Keygenerator - <desc>"
    def up(db, tx, old, new):
        s = db.create_object_store("store", key_path="id", auto_increment=True)
        for o in objects:
            s.add({} if o is None else {"id": o})
    db = store.open_database("kg", 1, up)
    assert cursor_keys(db, "store") == expected


def test_keygenerator_constraint_error_with_generated_id(store):
    # keygenerator.any.js: "Keygenerator ConstraintError when using same id as already generated"
    errors = []

    def up(db, tx, old, new):
        s = db.create_object_store("store", key_path="id", auto_increment=True)
        for o in [1, None, {"id": 2}, None, 2.00001, 5, None, {"id": 6}]:
            try:
                if o is None:
                    s.add({})
                elif isinstance(o, dict):
                    s.add(o)
                else:
                    s.add({"id": o})
            except ConstraintError as exc:
                errors.append(exc.name)
    db = store.open_database("kg", 1, up)
    assert errors == ["ConstraintError"] * 2
    assert cursor_keys(db, "store") == [1, 2, 2.00001, 3, 5, 6]


@pytest.mark.parametrize("key", [2 ** 53, 2 ** 60, -(2 ** 60), 2 ** 63, -(2 ** 63), 2 ** 64,
                                 -(2 ** 64), 2 ** 70, -(2 ** 70), math.inf, -math.inf])
def test_keygenerator_vs_explicit_big_key(store, key):
    # keygenerator.any.js: "Key generator vs. explicit key <description>"
    db = store.open_database("kg", 1, lambda d, t, o, n: d.create_object_store(
        "store", auto_increment=True))
    with db.transaction("store", "readwrite") as tx:
        s = tx.object_store("store")
        assert cmp(key, key) == 0
        assert s.put(0) == 1
        assert s.put(0) == 2
        assert s.put(0, 1000) == 1000
        assert s.put(0) == 1001
        assert s.put(0, key) == key
        if key >= 0:
            with pytest.raises(ConstraintError):
                s.put(0)
        else:
            assert s.put(0) == 1002
        assert s.put(0, 2000) == 2000


def test_keygenerator_injects_key(store):
    # keygenerator.any.js: "Key is injected into value - single segment path",
    # "- multi-segment path", "- multi-segment path, partially populated"
    def up(db, tx, old, new):
        db.create_object_store("one", key_path="id", auto_increment=True)
        db.create_object_store("multi", key_path="a.b.id", auto_increment=True)
        db.create_object_store("partial", key_path="a.b.id", auto_increment=True)
    db = store.open_database("inject", 1, up)
    with db.transaction(["one", "multi", "partial"], "readwrite") as tx:
        one = tx.object_store("one")
        assert one.put({"name": "n"}) == 1
        assert one.get(1) == {"name": "n", "id": 1}
        multi = tx.object_store("multi")
        assert multi.put({"name": "n"}) == 1
        assert multi.get(1)["a"]["b"]["id"] == 1
        partial = tx.object_store("partial")
        assert partial.put({"name": "n1", "b": {"name": "n2"}}) == 1
        value = partial.get(1)
        assert (value["name"], value["b"]["name"], value["a"]["b"]["id"]) == ("n1", "n2", 1)


def test_keygenerator_put_throws_if_key_cannot_be_injected(store):
    # keygenerator.any.js: "put() throws if key cannot be injected - single segment path"
    # and "- multi-segment path"
    def up(db, tx, old, new):
        db.create_object_store("one", key_path="id", auto_increment=True)
        db.create_object_store("multi", key_path="a.b.id", auto_increment=True)
    db = store.open_database("inject", 1, up)
    with db.transaction(["one", "multi"], "readwrite") as tx:
        with pytest.raises(DataError):
            tx.object_store("one").put(123)
        with pytest.raises(DataError):
            tx.object_store("multi").put({"a": 123})
        with pytest.raises(DataError):
            tx.object_store("multi").put({"a": {"b": 123}})


def test_keygenerator_overflow(store):
    # keygenerator.any.js: "Keygenerator overflow"
    errors = []

    def up(db, tx, old, new):
        s = db.create_object_store("store", key_path="id", auto_increment=True)
        for o in [9007199254740991, None, "error", 2, "error"]:
            try:
                s.add({} if o in (None, "error") else {"id": o})
            except ConstraintError as exc:
                errors.append(exc.name)
    db = store.open_database("kg", 1, up)
    assert errors == ["ConstraintError"] * 2
    assert cursor_keys(db, "store") == [2, 9007199254740991, 9007199254740992]


# ---------------------------------------------------------------------------
# idbkeyrange.any.js, idbkeyrange_incorrect.any.js, idbkeyrange-includes.any.js
# ---------------------------------------------------------------------------

def test_keyrange_constructors():
    # idbkeyrange.any.js: only / lowerBound / upperBound / bound properties and defaults
    r = KeyRange.only(1)
    assert (r.lower, r.upper, r.lower_open, r.upper_open) == (1, 1, False, False)
    r = KeyRange.lower_bound(1, True)
    assert (r.lower, r.upper, r.lower_open, r.upper_open) == (1, None, True, True)
    assert KeyRange.lower_bound(1).lower_open is False
    r = KeyRange.upper_bound(1, True)
    assert (r.lower, r.upper, r.lower_open, r.upper_open) == (None, 1, True, True)
    assert KeyRange.upper_bound(1).upper_open is False
    r = KeyRange.bound(1, 2, True, True)
    assert (r.lower, r.upper, r.lower_open, r.upper_open) == (1, 2, True, True)
    r = KeyRange.bound(1, 2)
    assert (r.lower_open, r.upper_open) == (False, False)


@pytest.mark.parametrize("bad", [None, {}, True, lambda: 0])
def test_keyrange_constructors_reject_invalid_keys(bad):
    # idbkeyrange.any.js: "... throws on invalid keys"
    for make in (KeyRange.only, KeyRange.lower_bound, KeyRange.upper_bound):
        with pytest.raises(DataError):
            make(bad)


def test_keyrange_incorrect():
    # idbkeyrange_incorrect.any.js
    with pytest.raises(TypeError):
        KeyRange.bound()
    for lower, upper in [(None, None), (1, None), (None, 1), (10, 9), ("b", "a"), ("a", 1),
                         (NOW, 1), ([1, 2], 1), (True, 1)]:
        with pytest.raises(DataError):
            KeyRange.bound(lower, upper)


def test_keyrange_includes():
    # idbkeyrange-includes.any.js
    r = KeyRange.bound(12, 34)
    for bad in (None, {}, math.nan, _recursive()):
        with pytest.raises(DataError):
            r.includes(bad)
    cases = [
        (KeyRange.bound(5, 20), {7: True, 1: False, 42: False, 5.01: True, 19.99: True,
                                 4.99: False, 21.01: False, 5: True, 20: True}),
        (KeyRange.bound(5, 20, True, True), {7: True, 5.01: True, 19.99: True, 5: False,
                                             20: False}),
        (KeyRange.bound(5, 20, True), {5: False, 20: True}),
        (KeyRange.bound(5, 20, False, True), {5: True, 20: False}),
        (KeyRange.only(42), {42: True, 1: False, 9000: False, 41: False, 43: False}),
        (KeyRange.lower_bound(5), {4: False, 5: True, 6: True, 42: True}),
        (KeyRange.lower_bound(5, True), {4: False, 5: False, 6: True}),
        (KeyRange.upper_bound(5), {-42: True, 4: True, 5: True, 6: False}),
        (KeyRange.upper_bound(5, True), {-42: True, 4: True, 5: False, 6: False}),
    ]
    for rng, expect in cases:
        for key, inside in expect.items():
            assert rng.includes(key) is inside, (rng, key)
    epoch = dt.datetime(1970, 1, 1)
    assert KeyRange.bound(epoch, NOW).includes(epoch + dt.timedelta(milliseconds=102729600000))
    assert not KeyRange.bound(epoch, epoch + dt.timedelta(milliseconds=1e11)).includes(
        epoch + dt.timedelta(milliseconds=1e11 + 1))
    assert KeyRange.bound("a", "c").includes("b")
    assert not KeyRange.bound("a", "c").includes("d")
    assert KeyRange.bound([], [[], []]).includes([[]])
    assert not KeyRange.bound([], [[]]).includes([[[]]])


# ---------------------------------------------------------------------------
# Cursors
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("direction, expect", [
    ("next", ["Alice:1", "Bob:2", "Bob:3", "Greg:4"]),
    ("prev", ["Greg:4", "Bob:3", "Bob:2", "Alice:1"]),
    ("nextunique", ["Alice:1", "Bob:2", "Greg:4"]),
    ("prevunique", ["Greg:4", "Bob:2", "Alice:1"]),
])
def test_cursor_direction_index_keyrange(store, direction, expect):
    # idbcursor-direction-index-keyrange.any.js: "IDBCursor direction - index with keyrange - <dir>"
    def up(db, tx, old, new):
        s = db.create_object_store("test")
        s.create_index("idx", "name")
        for i, name in enumerate([1337, "Alice", "Bob", "Bob", "Greg", "Åke", ["Anne"]]):
            s.add({"name": name}, i)
    db = store.open_database("dir", 1, up)
    with db.transaction("test") as tx:
        cur = tx.object_store("test").index("idx").open_cursor(KeyRange.bound("AA", "ZZ"), direction)
        assert [f"{c.value['name']}:{c.primary_key:g}" for c in cur] == expect


@pytest.mark.parametrize("direction", [None, "next", "prev", "nextunique", "prevunique"])
def test_cursor_direction_attribute(store, direction):
    # idbcursor-direction.any.js: "IDBCursor.direction - <dir>"
    def up(db, tx, old, new):
        db.create_object_store("test").add("data", "key")
    db = store.open_database("dir", 1, up)
    with db.transaction("test") as tx:
        s = tx.object_store("test")
        cur = s.open_cursor() if direction is None else s.open_cursor(None, direction)
        assert next(cur).direction == (direction or "next")
        with pytest.raises(AttributeError):
            cur.direction = "prev"             # assert_readonly(cursor, 'direction')


def make_index_db(store, records, key_path="pKey", index_path="iKey", name="ci"):
    def up(db, tx, old, new):
        s = db.create_object_store("test", key_path=key_path)
        s.create_index("index", index_path)
        for r in records:
            s.add(r)
    return store.open_database(name, 1, up)


R3 = [{"pKey": "primaryKey_0", "iKey": "indexKey_0"},
      {"pKey": "primaryKey_1", "iKey": "indexKey_1"},
      {"pKey": "primaryKey_1-2", "iKey": "indexKey_1"}]


def test_cursor_continue_index_iterates(store):
    # idbcursor_continue_index.any.js: "Iterate to the next record"
    db = make_index_db(store, R3)
    with db.transaction("test") as tx:
        values = [c.value for c in tx.object_store("test").index("index").open_cursor()]
    assert values == R3


def test_cursor_continue_index_invalid_key(store):
    # idbcursor_continue_index.any.js: "Attempt to pass a key parameter that is not a valid key"
    db = make_index_db(store, R3[:2])
    with db.transaction("test") as tx:
        c = next(tx.object_store("test").index("index").open_cursor())
        with pytest.raises(DataError):
            c.continue_(math.nan)
        with pytest.raises(DataError):
            c.continue_({})


def test_cursor_continue_index_wrong_direction(store):
    # idbcursor_continue_index.any.js: "Attempt to iterate to the previous record when the
    # direction is set for the next record" and the reverse
    db = make_index_db(store, [{"pKey": f"primaryKey_{i}", "iKey": f"indexKey_{i}"} for i in range(3)])
    with db.transaction("test") as tx:
        ix = tx.object_store("test").index("index")
        count = 0
        for c in ix.open_cursor(None, "next"):
            with pytest.raises(DataError):
                c.continue_("indexKey_0")
            count += 1
        assert count == 3
        c = ix.open_cursor(None, "prev")
        assert next(c).value["pKey"] == "primaryKey_2"
        assert next(c).value["pKey"] == "primaryKey_1"
        with pytest.raises(DataError):
            c.continue_("indexKey_2")


@pytest.mark.parametrize("direction, expected", [
    ("prevunique", ["primaryKey_2", "primaryKey_1", "primaryKey_0"]),
    ("nextunique", ["primaryKey_0", "primaryKey_1", "primaryKey_2"]),
])
def test_cursor_continue_index_unique_with_keys(store, direction, expected):
    # idbcursor_continue_index.any.js: "Iterate using 'prevunique'" / "Iterate using nextunique"
    db = make_index_db(store, [
        {"pKey": "primaryKey_0", "iKey": "indexKey_0"},
        {"pKey": "primaryKey_1", "iKey": "indexKey_1"},
        {"pKey": "primaryKey_1-2", "iKey": "indexKey_1"},
        {"pKey": "primaryKey_2", "iKey": "indexKey_2"}])
    ikeys = {"primaryKey_0": "indexKey_0", "primaryKey_1": "indexKey_1",
             "primaryKey_2": "indexKey_2"}
    seen = []
    with db.transaction("test") as tx:
        for n, c in enumerate(tx.object_store("test").index("index").open_cursor(None, direction)):
            assert c.key == ikeys[c.primary_key] and c.value["pKey"] == c.primary_key
            seen.append(c.primary_key)
            if n + 1 < len(expected):
                c.continue_(ikeys[expected[n + 1]])
    assert seen == expected


def test_cursor_continue_after_abort_or_store_deletion(store):
    # idbcursor_continue_index.any.js: "Calling continue() should throw an exception
    # TransactionInactiveError when the transaction is not active." and "If the cursor's
    # source or effective object store has been deleted ... InvalidStateError"
    def up(db, tx, old, new):
        s = db.create_object_store("test", key_path="pKey")
        s.create_index("index", "iKey")
        s.add({"pKey": "primaryKey_0", "iKey": "indexKey_0"})
        c = next(s.index("index").open_cursor())
        db.delete_object_store("test")
        with pytest.raises(InvalidStateError):
            c.continue_()
        tx.abort()
        with pytest.raises(TransactionInactiveError):
            c.continue_()
    with pytest.raises(AbortError):
        store.open_database("c", 1, up)


def test_cursor_delete_next_element_and_iterate_to_it(store):
    # idbcursor_continue_index.any.js: "Delete next element, and iterate to it"
    records = [{"pKey": f"primaryKey_{i}", "obj": {"iKey": f"iKey_{i}"}} for i in range(3)]
    db = make_index_db(store, records, key_path=["pKey", "obj.iKey"],
                       index_path=["pKey", "obj.iKey"])
    with db.transaction("test", "readwrite") as tx:
        s = tx.object_store("test")
        seen = []
        for n, c in enumerate(s.index("index").open_cursor(None, "prev")):
            if n == 0:
                s.delete(["primaryKey_1", "iKey_1"])
            seen.append(c.key)
    assert seen == [["primaryKey_2", "iKey_2"], ["primaryKey_0", "iKey_0"]]


def test_cursor_add_next_element_and_iterate_to_it(store):
    # idbcursor_continue_index.any.js: "Add next element, and iterate to it"
    records = [{"pKey": "primaryKey_0", "obj": {"iKey": "iKey_0"}},
               {"pKey": "primaryKey_2", "obj": {"iKey": "iKey_2"}}]
    db = make_index_db(store, records, index_path=["pKey", "obj.iKey"])
    with db.transaction("test", "readwrite") as tx:
        s = tx.object_store("test")
        seen = []
        for n, c in enumerate(s.index("index").open_cursor(None, "prev")):
            if n == 0:
                s.add({"pKey": "primaryKey_1", "obj": {"iKey": "iKey_1"}})
            seen.append(c.key)
    assert seen == [["primaryKey_2", "iKey_2"], ["primaryKey_1", "iKey_1"],
                    ["primaryKey_0", "iKey_0"]]


def populated(store, n, name="adv"):
    def up(db, tx, old, new):
        s = db.create_object_store("store", key_path="pKey")
        for i in range(n):
            s.add({"pKey": f"primaryKey_{i}"})
    return store.open_database(name, 1, up)


def test_cursor_advance(store):
    # idbcursor_advance_objectstore.any.js: "object store - iterate cursor number of times
    # specified by count", "Calling advance() with count argument 0 should throw TypeError.",
    # "... when the cursor is currently being iterated."
    db = populated(store, 4)
    with db.transaction("store", "readwrite") as tx:
        c = tx.object_store("store").open_cursor()
        next(c)
        with pytest.raises(TypeError):
            c.advance(0)
        c.advance(3)
        with pytest.raises(InvalidStateError):
            c.advance(1)
        assert next(c).value["pKey"] == "primaryKey_3"


def test_cursor_advance_inactive_or_deleted(store):
    # idbcursor_advance_objectstore.any.js: "Calling advance() should throws an exception
    # TransactionInactiveError when the transaction is not active" and "... deleted ...
    # InvalidStateError"
    db = populated(store, 2)
    tx = db.transaction("store", "readwrite")
    c = next(tx.object_store("store").open_cursor())
    tx.abort()
    with pytest.raises(TransactionInactiveError):
        c.advance(1)
    db.close()

    def v2(d, t, old, new):
        cur = next(t.object_store("store").open_cursor())
        d.delete_object_store("store")
        with pytest.raises(InvalidStateError):
            cur.advance(1)
    store.open_database("adv", 2, v2)


def test_cursor_delete(store):
    # idbcursor_delete_objectstore.any.js: "Remove a record from the object store",
    # "Attempt to remove a record in a read-only transaction", "Throw InvalidStateError
    # when the cursor is being iterated"
    db = populated(store, 2)
    with db.transaction("store", "readwrite") as tx:
        c = next(tx.object_store("store").open_cursor())
        c.delete()
    with db.transaction("store") as tx:
        assert [c.value["pKey"] for c in tx.object_store("store").open_cursor()] == ["primaryKey_1"]
        c = next(tx.object_store("store").open_cursor())
        with pytest.raises(ReadOnlyError):
            c.delete()
    with db.transaction("store", "readwrite") as tx:
        c = next(tx.object_store("store").open_cursor())
        c.continue_()
        with pytest.raises(InvalidStateError):
            c.delete()


def test_cursor_delete_inactive_and_deleted(store):
    # idbcursor_delete_objectstore.any.js: "Index - attempt to remove a record in an inactive
    # transaction" and "If the cursor's source ... has been deleted ... InvalidStateError"
    kept = {}

    def up(db, tx, old, new):
        s = db.create_object_store("test", key_path="pKey")
        s.add({"pKey": "primaryKey_0"})
        s.add({"pKey": "primaryKey_1"})
        kept["cursor"] = next(s.open_cursor())
        other = db.create_object_store("other")
        other.add(1, 1)
        c2 = next(other.open_cursor())
        db.delete_object_store("other")
        with pytest.raises(InvalidStateError):
            c2.delete()
    store.open_database("del", 1, up)
    with pytest.raises(TransactionInactiveError):
        kept["cursor"].delete()


def test_cursor_update(store):
    # idbcursor_update_objectstore.any.js: "Modify a record in the object store",
    # "Attempt to modify a record in a read-only transaction", "Throw DataCloneError",
    # "Throw DataError", "Throw InvalidStateError when the cursor is being iterated"
    db = populated(store, 2)
    with db.transaction("store", "readwrite") as tx:
        c = next(tx.object_store("store").open_cursor())
        c.value["data"] = "New information!"
        c.update(c.value)
        record = dict(c.value, data=object())
        with pytest.raises(DataCloneError):
            c.update(record)
        with pytest.raises(DataError):
            c.update(None)
        c.continue_()
        with pytest.raises(InvalidStateError):
            c.update({"pKey": "primaryKey_0", "value": "value_0_updated"})
    with db.transaction("store") as tx:
        c = next(tx.object_store("store").open_cursor())
        assert c.value["data"] == "New information!"
        with pytest.raises(ReadOnlyError):
            c.update(c.value)


def test_cursor_update_out_of_line_returns_key(store):
    # idbcursor_update_objectstore.any.js: "Index - modify a record in the object store"
    db = store.open_database("upd", 1, lambda d, t, o, n: d.create_object_store("test").add("data", "key"))
    with db.transaction("test", "readwrite") as tx:
        c = next(tx.object_store("test").open_cursor())
        assert c.update({"pKey": "new data!"}) == "key"


# ---------------------------------------------------------------------------
# idbdatabase_createObjectStore.any.js, idbdatabase_deleteObjectStore.any.js
# ---------------------------------------------------------------------------

def test_create_object_store_both_with_empty_name(store):
    # idbdatabase_createObjectStore.any.js: "Both with empty name"
    def up(db, tx, old, new):
        s = db.create_object_store("")
        for i in range(5):
            s.add({"idx": f"object_{i}"}, i)
        s.create_index("", "idx")
        assert s.get(4)["idx"] == "object_4"
        assert s.index_names == [""]
    db = store.open_database("empty", 1, up)
    assert db.object_store_names == [""]
    with db.transaction("") as tx:
        s = tx.object_store("")
        assert s.index_names == [""]
        assert s.index("").get("object_4")["idx"] == "object_4"


def test_create_1000_object_stores(store):
    # idbdatabase_createObjectStore.any.js: "Create 1000 object stores, add one item and delete"
    def up(db, tx, old, new):
        for i in range(1000):
            s = db.create_object_store(f"object_store_{i}")
            s.add("test", 1)
        assert s.get(1) == "test"
    db = store.open_database("many", 1, up)
    assert len(db.object_store_names) == 1000
    db.close()
    assert store.delete_database("many") == 1


def test_create_object_store_properties_and_errors(store):
    # idbdatabase_createObjectStore.any.js: "Attempting to create an existing object store with
    # a different keyPath throw ConstraintError", "Object store 'name' and 'keyPath' properties
    # are correctly set", "Attempt to create an object store that already exists",
    # "Object store's name appears in database's list", "Attempt to create an object store
    # with an invalid key path"
    def up(db, tx, old, new):
        db.create_object_store("store")
        with pytest.raises(ConstraintError):
            db.create_object_store("store", key_path="key1")
        s = db.create_object_store("prop", key_path="mykeypath")
        assert (s.name, s.key_path, s.auto_increment) == ("prop", "mykeypath", False)
        db.create_object_store("dupe")
        with pytest.raises(ConstraintError):
            db.create_object_store("dupe")
        db.create_object_store("dupe ")
        db.create_object_store("My cool object store name")
        assert "My cool object store name" in db.object_store_names
        for ai in (False, True):
            with pytest.raises(KeyPathSyntaxError):
                db.create_object_store("invalidkeypath", key_path="Invalid Keypath",
                                       auto_increment=ai)
    db = store.open_database("create", 1, up)
    assert "My cool object store name" in db.object_store_names
    with db.transaction("prop") as tx:
        s = tx.object_store("prop")
        assert (s.name, s.key_path, s.auto_increment) == ("prop", "mykeypath", False)
    with pytest.raises(InvalidStateError):
        db.create_object_store("fails")


@pytest.mark.parametrize("params", [
    dict(auto_increment=True), dict(auto_increment=True, key_path=None),
    dict(auto_increment=True, key_path="a"), dict(auto_increment=False, key_path=""),
    dict(auto_increment=False, key_path=["h", "j"]), dict(auto_increment=False, key_path="abc"),
    dict(key_path=""), dict(key_path=["a", "b"]), dict(key_path="abc"), dict(key_path=None)])
def test_create_object_store_optional_parameters(store, params):
    # idbdatabase_createObjectStore.any.js: optionalParameters(...)
    store.open_database("opt", 1, lambda d, t, o, n: d.create_object_store("store", **params))


@pytest.mark.parametrize("params, exc", [
    (dict(auto_increment=True, key_path=""), InvalidAccessError),
    (dict(auto_increment=True, key_path=[]), KeyPathSyntaxError),
    (dict(auto_increment=True, key_path=["hey"]), InvalidAccessError),
    (dict(auto_increment=True, key_path={"a": "hey", "b": 2}), KeyPathSyntaxError),
])
def test_create_object_store_invalid_optional_parameters(store, params, exc):
    # idbdatabase_createObjectStore.any.js: invalid_optionalParameters(...)
    def up(db, tx, old, new):
        with pytest.raises(exc):
            db.create_object_store("store", **params)
    store.open_database("opt", 1, up)


def test_delete_object_store_then_use_it(store):
    # idbdatabase_deleteObjectStore.any.js: "Deleted object store's name should be removed from
    # database's list. Attempting to use a deleted IDBObjectStore should throw an
    # InvalidStateError"
    def up(db, tx, old, new):
        s = db.create_object_store("store", auto_increment=True)
        assert db.object_store_names == ["store"]
        assert s.add(1) == 1
        s.create_index("idx", "a")
        db.delete_object_store("store")
        assert db.object_store_names == []
        for call in (lambda: s.add(2), lambda: s.put(3), lambda: s.get(1), lambda: s.clear(),
                     lambda: s.count(), lambda: s.delete(1), lambda: s.open_cursor(),
                     lambda: s.index("idx"), lambda: s.delete_index("idx"),
                     lambda: s.create_index("idx2", "a")):
            with pytest.raises(InvalidStateError):
                call()
        with pytest.raises(NotFoundError):
            db.delete_object_store("whatever")
    store.open_database("del", 1, up)


def test_delete_object_store_and_resurrect(store):
    # idbdatabase_deleteObjectStore.any.js: "Attempting to access an index that was deleted as
    # part of object store deletion and then recreated using the same object store name
    # should throw a NotFoundError"
    keys = []

    def up(db, tx, old, new):
        s = db.create_object_store("resurrected", auto_increment=True, key_path="k")
        keys.append(s.add({"k": 5}))
        keys.append(s.add({}))
        s.create_index("idx", "i")
        assert "idx" in s.index_names and s.key_path == "k"
        db.delete_object_store("resurrected")
        s2 = db.create_object_store("resurrected", auto_increment=True)
        keys.append(s2.add("Unicorns'R'us"))
        assert "idx" not in s2.index_names and s2.key_path is None
        with pytest.raises(NotFoundError):
            s2.index("idx")
    store.open_database("res", 1, up)
    assert keys == [5, 6, 1]


# ---------------------------------------------------------------------------
# idbfactory_open.any.js, idbfactory_deleteDatabase.any.js, idbversionchangeevent.any.js
# ---------------------------------------------------------------------------

def test_factory_open_versions(store):
    # idbfactory_open.any.js: "database 'name' and 'version' are correctly set", "no version
    # opens current database", "new database has default version", "new database is empty",
    # "open database with a lower version than current", "open database with a higher
    # version than current"
    db = store.open_database("factory", 13)
    assert (db.name, db.version) == ("factory", 13)
    assert store.open_database("factory").version == 13
    fresh = store.open_database("fresh")
    assert fresh.version == 1 and fresh.object_store_names == []
    with pytest.raises(VersionError):
        store.open_database("factory", 12)
    did_upgrade = []
    assert store.open_database("factory", 14, lambda *a: did_upgrade.append(a[2:])).version == 14
    assert did_upgrade == [(13, 14)]


def test_factory_open_error_in_upgrade_aborts_and_resets(store):
    # idbfactory_open.any.js: "error in version change transaction aborts open" and
    # "error in upgradeneeded resets db"
    def v9(db, tx, old, new):
        s = db.create_object_store("store")
        s.create_index("index", "i")
        s.add({"i": "Jonas"}, 2)
    db = store.open_database("reset", 9, v9)
    db.close()
    conn = {}

    def v10(db, tx, old, new):
        conn["db"] = db
        assert (old, new, db.version) == (9, 10, 10)
        db.create_object_store("store2")
        tx.object_store("store").create_index("index2", "i")
        raise RuntimeError("error in upgradeneeded")
    with pytest.raises(RuntimeError):
        store.open_database("reset", 10, v10)
    assert conn["db"].version == 9
    assert conn["db"].object_store_names == ["store"]
    db3 = store.open_database("reset")
    assert db3.version == 9 and db3.object_store_names == ["store"]
    with db3.transaction("store") as tx:
        st = tx.object_store("store")
        assert st.index_names == ["index"]
        assert next(st.open_cursor(None, "prev")).value["i"] == "Jonas"
        assert st.get(3) is None
        assert st.index("index").get_key("Jonas") == 2
        assert st.index("index").get_key("Odin") is None


def test_factory_open_upgrade_event_versions(store):
    # idbfactory_open.any.js: "upgradeneeded gets VersionChangeEvent" (old/new versions)
    seen = []
    store.open_database("ev", 9, lambda d, t, o, n: seen.append((o, n, d.version)))
    store.open_database("ev", 10, lambda d, t, o, n: seen.append((o, n, d.version)))
    assert seen == [(0, 9, 9), (9, 10, 10)]


def test_delete_database_results(store):
    # idbfactory_deleteDatabase.any.js: deleting a non-existent database succeeds (old
    # version 0) and deleting an existing one reports its old version
    assert store.delete_database("nonexistent") is None
    store.open_database("d", 9).close()
    assert store.delete_database("d") == 9
    assert store.database_names() == []


def test_versionchange_reaches_other_connections(store):
    # idbversionchangeevent.any.js: the open connection receives versionchange with the
    # old and new versions, and with newVersion null for deleteDatabase
    db = store.open_database("vc", 1)
    events = []
    db.on_versionchange = lambda conn, old, new: events.append((old, new))
    store.open_database("vc", 2).close()
    store.delete_database("vc")
    assert events == [(1, 2), (2, None)]


# ---------------------------------------------------------------------------
# idbindex-multientry.any.js, idbindex_get.any.js, idbindex_openCursor.any.js
# ---------------------------------------------------------------------------

def test_multientry_with_array_key_path_is_invalid_access(store):
    # idbindex-multientry.any.js: "Array keyPath with multiEntry"
    def up(db, tx, old, new):
        with pytest.raises(InvalidAccessError):
            db.create_object_store("store").create_index("actors", ["name"], multi_entry=True)
    store.open_database("me", 1, up)


def test_multientry_1000_entries(store):
    # idbindex-multientry.any.js: "A 1000 entry multiEntry array"
    db = store.open_database("me", 1, lambda d, t, o, n: d.create_object_store("store").create_index(
        "index", "idxkeys", multi_entry=True))
    obj = {"test": "yo", "idxkeys": [f"index_no_{i}" for i in range(1000)]}
    with db.transaction("store", "readwrite") as tx:
        assert tx.object_store("store").put(obj, 1) == 1
    with db.transaction("store") as tx:
        ix = tx.object_store("store").index("index")
        for i in range(1000):
            assert ix.get(f"index_no_{i}")["test"] == "yo"
        assert len(ix.get("index_no_999")["idxkeys"]) == 1000


def test_multientry_adding_keys(store):
    # idbindex-multientry.any.js: "Adding keys"
    def up(db, tx, old, new):
        s = db.create_object_store("store")
        s.create_index("actors", "name", multi_entry=True)
        s.add({"name": "Odin"}, 1)
        s.add({"name": ["Rita", "Scheeta", {"Bobby": "Bobby"}]}, 2)
        s.add({"name": [{"s": "Robert"}, "Neil", "Bobby"]}, 3)
    db = store.open_database("me", 1, up)
    with db.transaction("store") as tx:
        ix = tx.object_store("store").index("actors")
        assert [ix.get_key(k) for k in ("Odin", "Rita", "Scheeta", "Neil", "Bobby")] == [1, 2, 2, 3, 3]


def test_index_get(store):
    # idbindex_get.any.js: "get() returns the record", "get() returns the record where the index
    # contains duplicate values", "get() attempts to retrieve a record that does not exist",
    # "get() returns the record with the first key in the range", "get() throws DataError
    # when using invalid key"
    def up(db, tx, old, new):
        s = db.create_object_store("store", key_path="key")
        s.create_index("index", "indexedProperty")
        for i in range(10):
            s.add({"key": i, "indexedProperty": "data" + str(i)})
        d = db.create_object_store("dups", key_path="key")
        d.create_index("index", "indexedProperty")
        for i in (1, 2, 3):
            d.add({"key": i, "indexedProperty": "data"})
        assert d.index("index").get(1) is None
        with pytest.raises(DataError):
            d.index("index").get(math.nan)
    db = store.open_database("ig", 1, up)
    with db.transaction(["store", "dups"]) as tx:
        assert tx.object_store("store").index("index").get("data3")["key"] == 3
        assert tx.object_store("dups").index("index").get("data")["key"] == 1
        r = tx.object_store("store").index("index").get(KeyRange.bound("data4", "data7"))
        assert (r["key"], r["indexedProperty"]) == (4, "data4")


def test_index_get_and_open_cursor_on_deleted_or_aborted(store):
    # idbindex_get.any.js: "get() throws InvalidStateError when the index is deleted",
    # "get() throws TransactionInactiveError on aborted transaction", "get() throws
    # InvalidStateError on index deleted by aborted upgrade"; idbindex_openCursor.any.js:
    # the same three for openCursor()
    kept = {}

    def v1(db, tx, old, new):
        s = db.create_object_store("store", key_path="key")
        ix = s.create_index("index", "indexedProperty")
        s.add({"key": 1, "indexedProperty": "data"})
        s.delete_index("index")
        with pytest.raises(InvalidStateError):
            ix.get("data")
        with pytest.raises(InvalidStateError):
            ix.open_cursor()
        kept["ix"] = s.create_index("index", "indexedProperty")
        tx.abort()
        with pytest.raises(InvalidStateError):
            kept["ix"].get("data")
        with pytest.raises(InvalidStateError):
            kept["ix"].open_cursor()
    with pytest.raises(AbortError):
        store.open_database("ig", 1, v1)

    def v1b(db, tx, old, new):
        s = db.create_object_store("store", key_path="key")
        s.create_index("index", "indexedProperty")
        s.add({"key": 1, "indexedProperty": "data"})
    db = store.open_database("ig", 1, v1b)
    tx = db.transaction("store")
    ix = tx.object_store("store").index("index")
    tx.abort()
    with pytest.raises(TransactionInactiveError):
        ix.get("data")
    with pytest.raises(TransactionInactiveError):
        ix.open_cursor()


# ---------------------------------------------------------------------------
# idbobjectstore_add.any.js and idbobjectstore_put.any.js
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("method", ["add", "put"])
def test_add_put_basics(store, method):
    # idbobjectstore_{add,put}.any.js: "with an inline key", "with an out-of-line key",
    # "key path is an object attribute", "autoIncrement and inline keys", "autoIncrement and
    # out-of-line keys", "autoIncrement:true and the key path is an object attribute"
    def up(db, tx, old, new):
        getattr(db.create_object_store("inline", key_path="key"), method)({"key": 1, "property": "data"})
        getattr(db.create_object_store("outline"), method)({"property": "data"}, 1)
        getattr(db.create_object_store("attr", key_path="test.obj.key"), method)(
            {"test": {"obj": {"key": 1}}, "property": "data"})
        for name, kw in (("ai_in", dict(key_path="key", auto_increment=True)),
                         ("ai_out", dict(auto_increment=True)),
                         ("ai_attr", dict(key_path="test.obj.key", auto_increment=True))):
            s = db.create_object_store(name, **kw)
            for _ in range(4):
                getattr(s, method)({"property": "data"})
    db = store.open_database("ap", 1, up)
    names = ["inline", "outline", "attr", "ai_in", "ai_out", "ai_attr"]
    with db.transaction(names) as tx:
        for name in names[:3]:
            assert tx.object_store(name).get(1)["property"] == "data"
        assert [c.value["key"] for c in tx.object_store("ai_in").open_cursor()] == [1, 2, 3, 4]
        assert [c.key for c in tx.object_store("ai_out").open_cursor()] == [1, 2, 3, 4]
        assert [c.value["test"]["obj"]["key"] for c in tx.object_store("ai_attr").open_cursor()] == [1, 2, 3, 4]


def test_add_existing_key_and_unique_index(store):
    # idbobjectstore_add.any.js: "add() record with same key already exists" and "add() where
    # an index has unique:true specified"; idbobjectstore_put.any.js: "put() record with key
    # already exists", "put() where an index has unique:true specified"
    def up(db, tx, old, new):
        s = db.create_object_store("store", key_path="key")
        s.add({"key": 1, "property": "data"})
        with pytest.raises(ConstraintError):
            s.add({"key": 1, "property": "data"})
        s.put({"key": 1, "property": "changed", "more": ["stuff", 2]})
        u = db.create_object_store("unique", auto_increment=True)
        u.create_index("i1", "property", unique=True)
        u.add({"key": 1, "property": "data"})
        with pytest.raises(ConstraintError):
            u.add({"key": 1, "property": "data"})
        with pytest.raises(ConstraintError):
            u.put({"key": 1, "property": "data"})
    db = store.open_database("ap", 1, up)
    with db.transaction("store") as tx:
        assert tx.object_store("store").get(1) == {"key": 1, "property": "changed", "more": ["stuff", 2]}


@pytest.mark.parametrize("method", ["add", "put"])
def test_add_put_data_errors(store, method):
    # idbobjectstore_{add,put}.any.js: "... does not meet the constraints of an object store's
    # inline key requirements", "... without a key parameter when the object store uses
    # out-of-line keys", "... the record's key does not meet the constraints of a valid key",
    # "... the record's in-line key is not defined", "... the out of line key provided does
    # not meet the constraints of a valid key", "... a value being indexed does not meet the
    # constraints of a valid key"
    def up(db, tx, old, new):
        inline = db.create_object_store("inline", key_path="key")
        outline = db.create_object_store("outline")
        call = lambda s, *a: getattr(s, method)(*a)  # noqa: E731
        with pytest.raises(DataError):
            call(inline, {"key": 1, "property": "data"}, 1)
        with pytest.raises(DataError):
            call(outline, {"property": "data"})
        with pytest.raises(DataError):
            call(inline, {"key": {"value": 1}, "property": "data"})
        with pytest.raises(DataError):
            call(inline, {"property": "data"})
        with pytest.raises(DataError):
            call(outline, {"property": "data"}, {"value": 1})
        inline.create_index("index", "indexedProperty")
        assert call(inline, {"key": 1, "indexedProperty": {"property": "data"}}) == 1
    store.open_database("ap", 1, up)


@pytest.mark.parametrize("method", ["add", "put"])
def test_add_put_readonly_and_deleted(store, method):
    # idbobjectstore_{add,put}.any.js: "If the transaction this IDBObjectStore belongs to has
    # its mode set to readonly, throw ReadOnlyError" and "If the object store has been
    # deleted, the implementation must throw a DOMException of type InvalidStateError"
    def up(db, tx, old, new):
        s = db.create_object_store("gone", key_path="pKey")
        db.delete_object_store("gone")
        with pytest.raises(InvalidStateError):
            getattr(s, method)({"pKey": "primaryKey_0"})
        db.create_object_store("store", key_path="pKey")
    db = store.open_database("ap", 1, up)
    with db.transaction("store") as tx:
        with pytest.raises(ReadOnlyError):
            getattr(tx.object_store("store"), method)({"pKey": "primaryKey_0"})


# ---------------------------------------------------------------------------
# idbobjectstore_clear / count / delete / get
# ---------------------------------------------------------------------------

def test_clear(store):
    # idbobjectstore_clear.any.js: "Verify clear removes all records", "Clear removes all
    # records from an index", ReadOnlyError, InvalidStateError for a deleted store
    def up(db, tx, old, new):
        s = db.create_object_store("store", auto_increment=True)
        s.create_index("index", "indexedProperty")
        for _ in range(3):
            s.add({"property": "data", "indexedProperty": "data"})
        s.clear()
        assert list(s.open_cursor()) == [] and list(s.index("index").open_cursor()) == []
        gone = db.create_object_store("gone")
        db.delete_object_store("gone")
        with pytest.raises(InvalidStateError):
            gone.clear()
    db = store.open_database("clr", 1, up)
    with db.transaction("store") as tx:
        with pytest.raises(ReadOnlyError):
            tx.object_store("store").clear()


def test_count(store):
    # idbobjectstore_count.any.js: "Returns the number of records in the object store",
    # "... that have keys within the range", "... that have keys with the key"
    def up(db, tx, old, new):
        s = db.create_object_store("store")
        for i in range(10):
            s.add({"k": f"key_{i}"}, i)
        k = db.create_object_store("keyed", key_path="k")
        for i in range(5):
            k.add({"k": f"key_{i}"})
    db = store.open_database("cnt", 1, up)
    with db.transaction(["store", "keyed"]) as tx:
        assert tx.object_store("store").count() == 10
        assert tx.object_store("store").count(KeyRange.bound(5, 20)) == 5
        assert tx.object_store("keyed").count("key_2") == 1
        assert tx.object_store("keyed").count("key_") == 0


def test_delete(store):
    # idbobjectstore_delete.any.js: "delete() removes record (inline keys)", "delete() key
    # doesn't match any records", "Object store's key path is an object attribute",
    # "delete() removes record (out-of-line keys)", "delete() removes all of the records in
    # the range", ReadOnlyError, InvalidStateError
    def up(db, tx, old, new):
        s = db.create_object_store("inline", key_path="key")
        s.add({"key": 1, "property": "data"})
        s.delete(1)
        assert s.get(1) is None
        assert s.delete(2) is None
        a = db.create_object_store("attr", key_path="test.obj.key")
        a.add({"test": {"obj": {"key": 1}}})
        a.delete(1)
        assert a.get(1) is None
        r = db.create_object_store("range")
        for i in range(10):
            r.add(f"data{i}", i)
        r.delete(KeyRange.bound(3, 6))
        assert r.count() == 6
        gone = db.create_object_store("gone")
        db.delete_object_store("gone")
        with pytest.raises(InvalidStateError):
            gone.delete(1)
    db = store.open_database("del", 1, up)
    with db.transaction("range") as tx:
        with pytest.raises(ReadOnlyError):
            tx.object_store("range").delete(1)


def test_get(store):
    # idbobjectstore_get.any.js: "Key is a number", "Key is a string", "Key is a date",
    # "Attempts to retrieve a record that doesn't exist", "Returns the record with the first
    # key in the range", "When a transaction is aborted, throw TransactionInactiveError",
    # "When an invalid key is used, throw DataError"
    def up(db, tx, old, new):
        s = db.create_object_store("store", key_path="key")
        for key in (3.14159, "this is a key that's a string", NOW):
            s.add({"key": key, "property": "data"})
        r = db.create_object_store("range")
        for i in range(10):
            r.add(f"data{i}", i)
    db = store.open_database("get", 1, up)
    with db.transaction(["store", "range"]) as tx:
        s = tx.object_store("store")
        for key in (3.14159, "this is a key that's a string", NOW):
            assert s.get(key)["property"] == "data"
        assert s.get(1) is None
        assert tx.object_store("range").get(KeyRange.bound(3, 6)) == "data3"
        with pytest.raises(DataError):
            s.get({})
    tx = db.transaction("store")
    s = tx.object_store("store")
    tx.abort()
    with pytest.raises(TransactionInactiveError):
        s.get(1)


# ---------------------------------------------------------------------------
# idbobjectstore_createIndex.any.js, idbtransaction_abort.any.js
# ---------------------------------------------------------------------------

def test_create_index_properties_and_usable(store):
    # idbobjectstore_createIndex.any.js: "Returns an IDBIndex and the properties are set
    # correctly", "The index is usable right after being made", "Empty keyPath", "Index can be
    # valid keys", "IDBObjectStore.createIndex() - empty name"
    mar18 = dt.datetime(2005, 3, 18, 1, 58, 31, 111000)

    def up(db, tx, old, new):
        s = db.create_object_store("store")
        ix = s.create_index("index", "indexedProperty", unique=True)
        assert (ix.name, ix.key_path, ix.unique, ix.multi_entry) == ("index", "indexedProperty", True, False)
        assert ix.object_store is s
        k = db.create_object_store("keyed", key_path="key")
        for i in range(100):
            k.add({"key": f"key_{i}", "indexedProperty": f"indexed_{i}"})
        usable = k.create_index("usable", "indexedProperty")
        assert usable.get("indexed_99")["key"] == "key_99"
        assert usable.get("indexed_9")["key"] == "key_9"
        e = db.create_object_store("empty")
        for i in range(5):
            e.add(f"object_{i}", i)
        assert e.create_index("index", "").get("object_4") == "object_4"
        v = db.create_object_store("valid", key_path="key")
        for key, i in (("now", NOW), ("mar18", mar18), ("array", ["Yay", 2, -math.inf]), ("number", 1337)):
            v.add({"key": key, "i": i})
        vi = v.create_index("index", "i")
        assert vi.get(NOW)["key"] == "now"
        assert vi.get(mar18)["i"] == mar18
        assert vi.get(["Yay", 2, -math.inf])["i"] == ["Yay", 2, -math.inf]
        assert vi.get(1337)["key"] == "number"
    store.open_database("ci", 1, up)


def test_create_index_unique_over_duplicates_aborts(store):
    # idbobjectstore_createIndex.any.js: "Attempt to create an index that requires unique values
    # on an object store already contains duplicates"; idbtransaction_abort.any.js: "Abort
    # event should fire during transaction"
    def up(db, tx, old, new):
        s = db.create_object_store("store")
        s.add({"indexedProperty": "bar"}, 1)
        s.add({"indexedProperty": "bar"}, 2)
        s.create_index("index", "indexedProperty", unique=True)
    with pytest.raises(ConstraintError):
        store.open_database("ci", 1, up)
    assert store.database_names() == []


def test_create_index_event_ordering_for_later_deleted_index(store):
    # idbobjectstore_createIndex.any.js: "Event ordering for a later deleted index"
    events = []

    def up(db, tx, old, new):
        s = db.create_object_store("store")
        s.add({"animal": "Unicorn"}, 1)
        events.append("rq_add1.success")
        s.create_index("index", "animal", unique=True)
        try:
            s.add({"animal": "Unicorn"}, 2)
        except ConstraintError as exc:
            events.append("rq_add2.error: " + exc.name)
        s.delete_index("index")
        s.add({"animal": "Unicorn"}, 3)
        events.append("rq_add3.success")
    store.open_database("ci", 1, up)
    assert events == ["rq_add1.success", "rq_add2.error: ConstraintError", "rq_add3.success"]


def test_create_index_unique_constraint_aborts_upgrade(store):
    # idbobjectstore_createIndex.any.js: "Event order when unique constraint is triggered" and
    # "Event ordering for ConstraintError on request" (an error not prevented aborts)
    def up(db, tx, old, new):
        s = db.create_object_store("store")
        s.add({"animal": "Unicorn"}, 1)
        s.create_index("index", "animal", unique=True)
        s.add({"animal": "Unicorn"}, 2)          # not caught: the upgrade aborts
    with pytest.raises(ConstraintError):
        store.open_database("ci", 1, up)
    assert store.database_names() == []


def test_create_index_error_ordering(store):
    # idbobjectstore_createIndex.any.js: "If an index with the name name already exists ...
    # ConstraintError", "If keyPath is not a valid key path ... SyntaxError", "ConstraintError
    # vs. SyntaxError", "SyntaxError vs. InvalidAccessError", "If the object store has been
    # deleted ... InvalidStateError", "Operate out versionchange throw InvalidStateError",
    # "InvalidStateError(Incorrect mode) vs. TransactionInactiveError", "InvalidStateError
    # (Deleted ObjectStore) vs. TransactionInactiveError", "TransactionInactiveError vs.
    # ConstraintError"
    kept = {}

    def up(db, tx, old, new):
        s = db.create_object_store("s")
        s.create_index("index", "foo")
        with pytest.raises(ConstraintError):
            s.create_index("index", "foo")
        with pytest.raises(KeyPathSyntaxError):
            s.create_index("ab", ".")
        with pytest.raises(ConstraintError):
            s.create_index("index", "invalid key path")
        with pytest.raises(ConstraintError):
            s.create_index("index", ["invalid key path 1", "invalid key path 2"])
        with pytest.raises(KeyPathSyntaxError):
            s.create_index("index2", ["invalid key path 1", "invalid key path 2"], multi_entry=True)
        gone = db.create_object_store("gone")
        db.delete_object_store("gone")
        kept.update(s=s, gone=gone)
    db = store.open_database("ci", 1, up)
    with pytest.raises(InvalidStateError):
        kept["gone"].create_index("index", "foo")
    with pytest.raises(TransactionInactiveError):
        kept["s"].create_index("index", "foo")
    tx = db.transaction("s")
    s = tx.object_store("s")
    tx.commit()
    with pytest.raises(InvalidStateError):
        s.create_index("index", "foo")


def test_create_index_compound_with_auto_increment(store):
    # idbobjectstore_createIndex.any.js: "Explicit Primary Key", "Auto-Increment Primary Key",
    # "Auto-Increment Primary Key - invalid key values elsewhere"
    def up(db, tx, old, new):
        s1 = db.create_object_store("Store1", key_path="id")
        s1.create_index("CompoundKey", ["num", "id"])
        s1.put({"id": 1, "num": 100})
        s2 = db.create_object_store("Store2", key_path="id", auto_increment=True)
        s2.create_index("CompoundKey", ["num", "id"])
        s2.put({"num": 100})
        s3 = db.create_object_store("Store3", key_path="id", auto_increment=True)
        s3.create_index("CompoundKey", ["num", "id", "other"])
        for num, other in [(100, 0), (101, [0]), (102, ...), (103, None), (104, {}), (105, [None]),
                           (106, [{}])]:
            s3.put({"num": num} if other is ... else {"num": num, "other": other})
    db = store.open_database("ci", 1, up)
    with db.transaction(["Store1", "Store2", "Store3"]) as tx:
        for name in ("Store1", "Store2"):
            s = tx.object_store(name)
            item = next(s.open_cursor()).value
            assert s.index("CompoundKey").get([item["num"], item["id"]])["num"] == 100
        s3 = tx.object_store("Store3")
        assert s3.count() == 7
        assert [c.key for c in s3.index("CompoundKey").open_cursor()] == [[100, 1, 0], [101, 2, [0]]]


def test_abort_on_finished_transaction_is_invalid_state(store):
    # idbtransaction_abort.any.js: "Abort on completed transaction should throw
    # InvalidStateError."
    db = store.open_database("ab", 1, lambda d, t, o, n: d.create_object_store(
        "blobs", key_path="id", auto_increment=True))
    tx = db.transaction("blobs", "readwrite")
    tx.object_store("blobs").put({"id": 0, "data": b"test"})
    tx.commit()
    with pytest.raises(InvalidStateError):
        tx.abort()


# ---------------------------------------------------------------------------
# transaction-abort-generator-revert.any.js
# ---------------------------------------------------------------------------

def create_books_store(db):
    s = db.create_object_store("books", key_path="isbn", auto_increment=True)
    s.create_index("by_author", "author")
    s.create_index("by_title", "title", unique=True)
    s.put({"title": "Quarry Memories", "author": "Fred", "isbn": 123456})
    s.put({"title": "Water Buffaloes", "author": "Fred", "isbn": 234567})
    s.put({"title": "Bedrock Nights", "author": "Barney", "isbn": 345678})
    return s


def test_generator_reverted_when_versionchange_aborts(store):
    # transaction-abort-generator-revert.any.js: "The current number of a key generator is
    # reverted when a versionchange transaction aborts"
    store.open_database("books", 1, lambda d, t, o, n: create_books_store(d)).close()

    def v2(db, tx, old, new):
        assert tx.object_store("books").put({"title": "Bedrock Nights II", "author": "Barney"}) == 345679
        tx.abort()
    with pytest.raises(AbortError):
        store.open_database("books", 2, v2)
    db = store.open_database("books", 1)
    with db.transaction("books", "readwrite") as tx:
        assert tx.object_store("books").put({"title": "Bedrock Nights II", "author": "Barney"}) == 345679


def test_generator_reverted_when_readwrite_aborts(store):
    # transaction-abort-generator-revert.any.js: "The current number of a key generator is
    # reverted when a readwrite transaction aborts"
    db = store.open_database("books", 1, lambda d, t, o, n: create_books_store(d))
    tx = db.transaction("books", "readwrite")
    assert tx.object_store("books").put({"title": "Bedrock Nights II", "author": "Barney"}) == 345679
    tx.abort()
    with db.transaction("books", "readwrite") as tx:
        assert tx.object_store("books").put({"title": "Bedrock Nights II", "author": "Barney"}) == 345679


# ---------------------------------------------------------------------------
# transaction-abort-object-store-metadata-revert.any.js
# ---------------------------------------------------------------------------

def create_not_books_store(db):
    s = db.create_object_store("not_books")
    s.create_index("not_by_author", "author")
    s.create_index("not_by_title", "title", unique=True)
    return s


def test_created_stores_marked_deleted_after_abort(store):
    # transaction-abort-object-store-metadata-revert.any.js: "Created stores get marked as
    # deleted after their transaction aborts"
    store.open_database("m", 1, lambda d, t, o, n: create_books_store(d)).close()
    kept = {}

    def v2(db, tx, old, new):
        s = create_not_books_store(db)
        kept.update(s=s, db=db, tx=tx)
        assert db.object_store_names == ["books", "not_books"]
        assert tx.object_store_names == ["books", "not_books"]
        tx.abort()
        with pytest.raises(InvalidStateError):
            s.get("query")
        assert tx.object_store_names == ["books"]
        assert db.object_store_names == ["books"]
    with pytest.raises(AbortError):
        store.open_database("m", 2, v2)
    with pytest.raises(InvalidStateError):
        kept["s"].get("query")
    assert kept["db"].object_store_names == ["books"]
    assert kept["tx"].object_store_names == ["books"]


def test_deleted_stores_marked_not_deleted_after_abort(store):
    # transaction-abort-object-store-metadata-revert.any.js: "Deleted stores get marked as
    # not-deleted after the transaction aborts"
    def v1(db, tx, old, new):
        create_books_store(db)
        create_not_books_store(db)
    store.open_database("m", 1, v1).close()
    kept = {}

    def v2(db, tx, old, new):
        s = tx.object_store("not_books")
        db.delete_object_store("not_books")
        with pytest.raises(InvalidStateError):
            s.get("query")
        assert tx.object_store_names == ["books"] and db.object_store_names == ["books"]
        tx.abort()
        with pytest.raises(TransactionInactiveError):
            s.get("query")
        assert db.object_store_names == ["books", "not_books"]
        assert tx.object_store_names == ["books", "not_books"]
        kept.update(s=s, db=db, tx=tx)
    with pytest.raises(AbortError):
        store.open_database("m", 2, v2)
    with pytest.raises(TransactionInactiveError):
        kept["s"].get("query")
    assert kept["db"].object_store_names == ["books", "not_books"]
    assert kept["tx"].object_store_names == ["books", "not_books"]


def test_created_and_deleted_stores_stay_deleted_after_abort(store):
    # transaction-abort-object-store-metadata-revert.any.js: "Created+deleted stores are still
    # marked as deleted after their transaction aborts"
    store.open_database("m", 1, lambda d, t, o, n: create_books_store(d)).close()
    kept = {}

    def v2(db, tx, old, new):
        s = create_not_books_store(db)
        db.delete_object_store("not_books")
        with pytest.raises(InvalidStateError):
            s.get("query")
        tx.abort()
        with pytest.raises(InvalidStateError):
            s.get("query")
        assert tx.object_store_names == ["books"] and db.object_store_names == ["books"]
        kept["s"] = s
    with pytest.raises(AbortError):
        store.open_database("m", 2, v2)
    with pytest.raises(InvalidStateError):
        kept["s"].get("query")


def test_uninstantiated_deleted_stores_not_deleted_after_abort(store):
    # transaction-abort-object-store-metadata-revert.any.js: "Un-instantiated deleted stores get
    # marked as not-deleted after the transaction aborts"
    def v1(db, tx, old, new):
        create_books_store(db)
        create_not_books_store(db)
    store.open_database("m", 1, v1).close()

    def v2(db, tx, old, new):
        db.delete_object_store("not_books")
        assert db.object_store_names == ["books"]
        tx.abort()
        assert db.object_store_names == ["books", "not_books"]
        assert tx.object_store_names == ["books", "not_books"]
    with pytest.raises(AbortError):
        store.open_database("m", 2, v2)
    assert store.open_database("m").object_store_names == ["books", "not_books"]


# ---------------------------------------------------------------------------
# upgrade-transaction-lifecycle-user-aborted.any.js, string-list-ordering.any.js,
# value.any.js, value_recursive.any.js
# ---------------------------------------------------------------------------

def test_schema_calls_after_user_abort_are_transaction_inactive(store):
    # upgrade-transaction-lifecycle-user-aborted.any.js: "synchronously after abort() is called"
    store.open_database("lc", 1, lambda d, t, o, n: create_books_store(d)).close()

    def v2(db, tx, old, new):
        tx.abort()
        with pytest.raises(TransactionInactiveError):
            db.create_object_store("books2")
        with pytest.raises(TransactionInactiveError):
            db.delete_object_store("books")
    with pytest.raises(AbortError):
        store.open_database("lc", 2, v2)


def test_string_list_ordering(store):
    # string-list-ordering.any.js: "Test string list ordering in IndexedDB"
    expected = ["", "\x00", "0", "1", "A", "B", "a", "b", "\x7F", "\xC0", "\xC1", "\xE0", "\xE1",
                "\xFF", "\u0100", "\u1000", "\uD834\uDD1E", "\uFFFD"]
    permuted = expected[::-1]
    for i in range(0, len(permuted) - 2, 2):
        permuted[i], permuted[i + 1] = permuted[i + 1], permuted[i]
    kept = {}

    def up(db, tx, old, new):
        for name in permuted:
            s = db.create_object_store(name)
        assert db.object_store_names == expected
        for name in permuted:
            s.create_index(name, "keyPath")
        assert s.index_names == expected
        kept["last"] = permuted[-1]
    db = store.open_database("order", 1, up)
    assert db.object_store_names == expected
    with db.transaction(kept["last"]) as tx:
        assert tx.object_store(kept["last"]).index_names == expected


def test_values_bigint_date_array(store):
    # value.any.js: "BigInts as values in IndexedDB" (Python ints of any size), "Values - Date",
    # "Values - Array"
    values = [1, {"val": 1}, 2 ** 100, {"val": -(2 ** 100)}, NOW, []]
    db = store.open_database("values", 1, lambda d, t, o, n: d.create_object_store("store"))
    for value in values:
        with db.transaction("store", "readwrite") as tx:
            tx.object_store("store").put(value, 1)
        with db.transaction("store") as tx:
            got = tx.object_store("store").get(1)
        assert got == value and type(got) is type(value)


def test_recursive_values(store):
    # value_recursive.any.js: "Recursive value - array directly contains self", "array
    # indirectly contains self", "array member contains self"
    direct = []
    direct.append(direct)
    indirect = []
    indirect.append([indirect])
    member = [direct]
    db = store.open_database("rec", 1, lambda d, t, o, n: d.create_object_store("store"))
    with db.transaction("store", "readwrite") as tx:
        s = tx.object_store("store")
        for i, value in enumerate((direct, indirect, member)):
            s.add(value, i)
    with db.transaction("store") as tx:
        s = tx.object_store("store")
        d = s.get(0)
        assert d[0] is d
        ind = s.get(1)
        assert ind[0][0] is ind
        m = s.get(2)
        assert m[0][0] is m[0]


def test_error_names_match_dom_exceptions():
    # All of the above compare error names with assert_throws_dom: the Python classes carry them.
    assert [cls.name for cls in (js.DataError, js.ConstraintError, js.ReadOnlyError,
                                 js.TransactionInactiveError, js.InvalidStateError,
                                 js.NotFoundError, js.VersionError, js.DataCloneError,
                                 js.AbortError, js.InvalidAccessError, js.KeyPathSyntaxError)] == [
        "DataError", "ConstraintError", "ReadOnlyError", "TransactionInactiveError",
        "InvalidStateError", "NotFoundError", "VersionError", "DataCloneError", "AbortError",
        "InvalidAccessError", "SyntaxError"]
    assert js.ERRORS_BY_NAME["SyntaxError"] is js.KeyPathSyntaxError
